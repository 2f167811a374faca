// The JUnit XML writer. Hand-written rather than through an XML library:
// the format is small, and escaping is the only hard part (XmlEscape).
//
//   <testsuites name="tiersim" ...>       the run
//     <testsuite name="<file>" ...>       one per scenario file, in order of
//                                         first appearance
//       <testcase name="<scenario>" ...>  one per scenario; seed and tags as
//                                         properties, failure/error/skipped,
//                                         the step list in <system-out>
//
// Times are wall clock in seconds with three decimals.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "reports/format.h"
#include "reports/writers.h"

namespace tiersim::reports {
namespace {

// Escapes text for element content or a double-quoted attribute (quotes
// are escaped only in attributes, for readable content). In
// attributes, tab, newline and carriage return become character references
// so that attribute-value normalisation does not turn them into spaces;
// in content, carriage return does, so that line-end handling keeps it.
std::string XmlEscape(std::string_view s, bool attribute) {
  std::string out;
  out.reserve(s.size());
  ForEachCodePoint(s, [&](char32_t cp) {
    switch (cp) {
      case '&':
        out += "&amp;";
        return;
      case '<':
        out += "&lt;";
        return;
      case '>':
        out += "&gt;";
        return;
      case '"':
        out += attribute ? "&quot;" : "\"";
        return;
      case '\'':
        out += attribute ? "&apos;" : "'";
        return;
      case '\r':
        out += "&#13;";
        return;
      case '\n':
        out += attribute ? "&#10;" : "\n";
        return;
      case '\t':
        out += attribute ? "&#9;" : "\t";
        return;
      default:
        AppendUtf8(sim::ForbiddenInMarkup(cp) ? sim::kReplacementCharacter : cp,
                   out);
    }
  });
  return out;
}

std::string Attr(std::string_view name, std::string_view value) {
  std::string out = " ";
  out.append(name).append("=\"").append(XmlEscape(value, true)).append("\"");
  return out;
}

// "scenarios/qa/f3_x.json" -> "scenarios.qa.f3_x".
std::string ClassName(std::string_view file) {
  while (file.starts_with("./")) file.remove_prefix(2);
  while (file.starts_with('/')) file.remove_prefix(1);
  if (file.ends_with(".json")) file.remove_suffix(5);
  std::string out(file);
  for (char& c : out) {
    if (c == '/') c = '.';
  }
  return out;
}

const StepResult* FindStep(const ScenarioResult& scenario, int index) {
  for (const StepResult& step : scenario.steps) {
    if (step.index == index) return &step;
  }
  return nullptr;
}

struct Counts {
  int tests = 0;
  int failures = 0;
  int errors = 0;
  int skipped = 0;
  std::int64_t wall_ns = 0;

  void Add(const ScenarioResult& s) {
    ++tests;
    failures += s.outcome == Outcome::kFailed ? 1 : 0;
    errors += s.outcome == Outcome::kError ? 1 : 0;
    skipped += s.outcome == Outcome::kSkipped ? 1 : 0;
    wall_ns += s.wall_ns;
  }
  std::string Attrs(std::int64_t time_ns) const {
    return Attr("tests", std::to_string(tests)) +
           Attr("failures", std::to_string(failures)) +
           Attr("errors", std::to_string(errors)) +
           Attr("skipped", std::to_string(skipped)) +
           Attr("time", FormatSeconds(time_ns));
  }
};

std::string Property(std::string_view name, std::string_view value,
                     std::string_view indent) {
  std::string out(indent);
  out += "<property" + Attr("name", name) + Attr("value", value) + "/>\n";
  return out;
}

std::string JoinTags(const std::vector<std::string>& tags) {
  std::string out;
  for (const std::string& tag : tags) {
    if (!out.empty()) out += ',';
    out += tag;
  }
  return out;
}

// The failure (or error) element's body: the failing step, expected and
// actual, and its journal lines; the failure line when no step failed.
std::string FailureBody(const ScenarioResult& s, const StepResult* step) {
  if (step == nullptr) return s.failure.empty() ? "" : s.failure + "\n";
  std::string body;
  // The first failing step, then (soft assertions) every later one.
  for (const StepResult& f : s.steps) {
    if (f.index < step->index ||
        (f.index != step->index && f.outcome != Outcome::kFailed)) {
      continue;
    }
    body += "step " + std::to_string(f.index) + " (line " +
            std::to_string(f.line) + "): " + f.title + "\n";
    body += "expected: " + f.expected + "\n";
    body += "actual:   " + f.actual + "\n";
    if (!f.journal.empty()) {
      body += "journal:\n";
      for (const std::string& line : f.journal) body += "  " + line + "\n";
    }
  }
  return body;
}

std::string Verdict(const ScenarioResult& s) {
  const StepResult* step =
      s.failed_step > 0 ? FindStep(s, s.failed_step) : nullptr;
  std::string message = s.failure;
  if (message.empty() && step != nullptr) {
    message = "step " + std::to_string(step->index) + ": expected " +
              step->expected + ", got " + step->actual;
  }
  switch (s.outcome) {
    case Outcome::kPassed:
      return "";
    case Outcome::kSkipped:
      if (message.empty()) return "      <skipped/>\n";
      return "      <skipped" + Attr("message", message) + "/>\n";
    case Outcome::kFailed:
    case Outcome::kError: {
      const bool error = s.outcome == Outcome::kError;
      const std::string_view tag = error ? "error" : "failure";
      const std::string type = step != nullptr && !step->kind.empty()
                                   ? step->kind
                               : error ? "error"
                                       : "failure";
      std::string out = "      <";
      out.append(tag);
      out += Attr("message", message) + Attr("type", type) + ">";
      out += XmlEscape(FailureBody(s, step), false);
      out.append("</").append(tag).append(">\n");
      return out;
    }
  }
  return "";
}

// One line per step: "step 4  failed   0d 00:00:03  1.2 ms  title" (no
// times for skipped steps), expected and actual under failed ones.
std::string StepList(const ScenarioResult& s) {
  std::string out;
  for (const StepResult& step : s.steps) {
    std::string outcome = OutcomeName(step.outcome);
    outcome.resize(7, ' ');
    out += "step " + std::to_string(step.index) + "  " + outcome + "  ";
    if (step.outcome != Outcome::kSkipped) {
      out += FormatVirtual(step.virtual_start_us) + "  " +
             FormatWall(step.wall_ns) + "  ";
    }
    out += step.title + "\n";
    if (step.outcome == Outcome::kFailed || step.outcome == Outcome::kError) {
      out += "    expected: " + step.expected + "\n";
      out += "    actual:   " + step.actual + "\n";
    }
  }
  return out;
}

std::string TestCase(const ScenarioResult& s) {
  std::string out = "    <testcase" + Attr("name", s.name) +
                    Attr("classname", ClassName(s.file)) +
                    Attr("time", FormatSeconds(s.wall_ns)) + ">\n";
  out += "      <properties>\n";
  out += Property("seed", std::to_string(s.seed), "        ");
  out += Property("tags", JoinTags(s.tags), "        ");
  out += "      </properties>\n";
  out += Verdict(s);
  if (!s.steps.empty()) {
    out += "      <system-out>" + XmlEscape(StepList(s), false) +
           "</system-out>\n";
  }
  out += "    </testcase>\n";
  return out;
}

}  // namespace

std::string ToJUnitXml(const RunResult& run) {
  // Group by file, keeping the order in which files first appear.
  std::vector<std::string> files;
  std::vector<std::vector<const ScenarioResult*>> groups;
  Counts all;
  for (const ScenarioResult& s : run.scenarios) {
    all.Add(s);
    std::size_t g = 0;
    while (g < files.size() && files[g] != s.file) ++g;
    if (g == files.size()) {
      files.push_back(s.file);
      groups.emplace_back();
    }
    groups[g].push_back(&s);
  }

  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuites" + Attr("name", run.tool.empty() ? "tiersim" : run.tool) +
         all.Attrs(run.wall_ns) + ">\n";
  for (std::size_t g = 0; g < files.size(); ++g) {
    Counts counts;
    bool one_seed = true;
    for (const ScenarioResult* s : groups[g]) {
      counts.Add(*s);
      one_seed = one_seed && s->seed == groups[g].front()->seed;
    }
    out += "  <testsuite" + Attr("name", files[g]) +
           counts.Attrs(counts.wall_ns) + ">\n";
    if (one_seed) {
      out += "    <properties>\n";
      out +=
          Property("seed", std::to_string(groups[g].front()->seed), "      ");
      out += "    </properties>\n";
    }
    for (const ScenarioResult* s : groups[g]) out += TestCase(*s);
    out += "  </testsuite>\n";
  }
  out += "</testsuites>\n";
  return out;
}

}  // namespace tiersim::reports
