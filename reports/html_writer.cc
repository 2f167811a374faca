// The HTML writer: one self-contained HTML5 file (inline CSS and SVG, no
// script, no external URL) that reads well without JavaScript: a header with
// the totals, an overview table, and per scenario a <details> section (open
// when it did not pass) with its facts, the step table and the sequence
// diagram. Every piece of user text goes through HtmlEscape.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "reports/format.h"
#include "reports/html_sequence.h"
#include "reports/writers.h"

namespace tiersim::reports {
namespace {

constexpr std::string_view kStyle = R"css(
:root { --pass: #2e7d32; --fail: #c62828; --skip: #8d6e00; --ink: #263238;
  --muted: #607d8b; --line: #cfd8dc; --bad-bg: #ffebee; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, sans-serif; color: var(--ink);
  margin: 0 auto; max-width: 1200px; padding: 1.5em; }
h1 { margin: 0 0 .2em; font-size: 1.6em; }
h3 { margin: 1.2em 0 .4em; font-size: 1.05em; }
.meta { color: var(--muted); margin: 0 0 .6em; }
.badge { display: inline-block; border-radius: 3px; padding: 0 .5em;
  color: #fff; font-weight: 600; font-size: .85em; }
.badge.passed { background: var(--pass); }
.badge.failed, .badge.error { background: var(--fail); }
.badge.skipped { background: var(--skip); }
.badge.none { background: #90a4ae; }
table { border-collapse: collapse; width: 100%; margin: .4em 0; }
th, td { border-bottom: 1px solid var(--line); padding: .25em .5em;
  text-align: left; vertical-align: top; }
th { background: #eceff1; font-weight: 600; }
td.num { text-align: right; white-space: nowrap; }
td.time { white-space: nowrap; color: var(--muted); }
tr.failed td, tr.error td { background: var(--bad-bg); }
tr.skipped td { color: #90a4ae; }
details.scenario { border: 1px solid var(--line); border-radius: 4px;
  margin: .8em 0; padding: .3em .8em; }
details.scenario.failed, details.scenario.error { border-color: var(--fail); }
details.scenario > summary { cursor: pointer; font-size: 1.1em; }
.file, .line, .note { color: var(--muted); font-size: .85em; }
.failure { background: var(--bad-bg); border-left: 4px solid var(--fail);
  padding: .4em .8em; white-space: pre-wrap; }
dl.facts { display: grid; grid-template-columns: max-content 1fr;
  gap: .1em 1em; margin: .5em 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
pre { margin: .2em 0; white-space: pre-wrap; font-size: .85em; }
details.journal > summary { color: var(--muted); font-size: .85em;
  cursor: pointer; }
.seq { overflow-x: auto; }
footer { color: var(--muted); margin-top: 2em; font-size: .85em; }
)css";

std::string Badge(Outcome o) {
  return std::string("<span class=\"badge ") + OutcomeName(o) + "\">" +
         OutcomeLabel(o) + "</span>";
}

std::string CountBadge(int n, std::string_view what, std::string_view cls) {
  return "<span class=\"badge " + std::string(n > 0 ? cls : "none") + "\">" +
         std::to_string(n) + " " + std::string(what) + "</span>";
}

std::string Join(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& v : values) {
    if (!out.empty()) out += ", ";
    out += v;
  }
  return out;
}

std::string Cell(std::string_view cls, std::string_view html) {
  std::string out = "<td";
  if (!cls.empty()) out += " class=\"" + std::string(cls) + "\"";
  return out + ">" + std::string(html) + "</td>";
}

std::string VirtualSpan(const StepResult& step) {
  std::string out = FormatVirtual(step.virtual_start_us);
  if (step.virtual_end_us != step.virtual_start_us) {
    out += " &#8211; " + FormatVirtual(step.virtual_end_us);
  }
  return out;
}

std::string StepRow(const StepResult& step, bool failing) {
  std::string title = HtmlEscape(step.title);
  if (!step.note.empty()) {
    title += "<div class=\"note\">" + HtmlEscape(step.note) + "</div>";
  }
  if (!step.journal.empty()) {
    title += failing ? "<details class=\"journal\" open>"
                     : "<details class=\"journal\">";
    title += "<summary>journal (" + std::to_string(step.journal.size()) +
             ")</summary><pre>";
    for (const std::string& line : step.journal) {
      title += HtmlEscape(line) + "\n";
    }
    title += "</pre></details>";
  }
  std::string out =
      "<tr class=\"" + std::string(OutcomeName(step.outcome)) + "\">";
  out += Cell("num", std::to_string(step.index) + "<div class=\"line\">line " +
                         std::to_string(step.line) + "</div>");
  out += Cell("", HtmlEscape(step.actor));
  out += Cell("", title);
  out += Cell("", HtmlEscape(step.expected));
  out += Cell("", HtmlEscape(step.actual));
  out += Cell("", Badge(step.outcome));
  const bool ran = step.outcome != Outcome::kSkipped;
  out += Cell("time", ran ? VirtualSpan(step) : "&#8211;");
  out += Cell("time", ran ? FormatWall(step.wall_ns) : "&#8211;");
  out += "</tr>\n";
  return out;
}

std::string StepTable(const ScenarioResult& s) {
  std::string out =
      "<table class=\"steps\"><thead><tr><th>#</th><th>Actor</th>"
      "<th>Step</th><th>Expected</th><th>Actual</th><th>Outcome</th>"
      "<th>Virtual time</th><th>Wall time</th></tr></thead>\n<tbody>\n";
  for (const StepResult& step : s.steps) {
    out += StepRow(
        step, step.index == s.failed_step || step.outcome == Outcome::kFailed);
  }
  out += "</tbody></table>\n";
  return out;
}

bool NotPassed(Outcome o) {
  return o == Outcome::kFailed || o == Outcome::kError;
}

std::string ScenarioSection(const ScenarioResult& s, std::size_t number) {
  const std::string id = "scenario-" + std::to_string(number);
  std::string out = "<details class=\"scenario " +
                    std::string(OutcomeName(s.outcome)) + "\" id=\"" + id +
                    "\"" + (NotPassed(s.outcome) ? " open" : "") + ">\n";
  out += "<summary>" + Badge(s.outcome) + " " + HtmlEscape(s.name) +
         " <span class=\"file\">" + HtmlEscape(s.file) + "</span></summary>\n";
  if (!s.description.empty()) {
    out += "<p class=\"description\">" + HtmlEscape(s.description) + "</p>\n";
  }
  out += "<dl class=\"facts\">";
  out += "<dt>File</dt><dd><code>" + HtmlEscape(s.file) + "</code></dd>";
  out += "<dt>Seed</dt><dd>" + std::to_string(s.seed) + "</dd>";
  out += "<dt>Tags</dt><dd>" + HtmlEscape(Join(s.tags)) + "</dd>";
  out +=
      "<dt>Virtual time</dt><dd>" + FormatVirtual(s.virtual_end_us) + "</dd>";
  out += "<dt>Wall time</dt><dd>" + FormatWall(s.wall_ns) + "</dd>";
  out += "</dl>\n";
  if (NotPassed(s.outcome) && !s.failure.empty()) {
    out += "<p class=\"failure\">" + HtmlEscape(s.failure) + "</p>\n";
  }
  if (!s.steps.empty()) {
    out += "<h3>Steps</h3>\n" + StepTable(s);
  }
  const std::string svg = SequenceSvg(s);
  if (!svg.empty()) {
    out += "<h3>Sequence</h3>\n<div class=\"seq\">\n" + svg + "\n</div>\n";
  }
  out += "</details>\n";
  return out;
}

std::string Overview(const RunResult& run) {
  std::string out =
      "<table class=\"overview\"><thead><tr><th>Outcome</th>"
      "<th>Scenario</th><th>File</th><th>Seed</th><th>Steps</th>"
      "<th>Virtual time</th><th>Wall time</th></tr></thead>\n<tbody>\n";
  std::size_t number = 0;
  for (const ScenarioResult& s : run.scenarios) {
    ++number;
    out += "<tr class=\"" + std::string(OutcomeName(s.outcome)) + "\">";
    out += Cell("", Badge(s.outcome));
    out += Cell("", "<a href=\"#scenario-" + std::to_string(number) + "\">" +
                        HtmlEscape(s.name) + "</a>");
    out += Cell("file", HtmlEscape(s.file));
    out += Cell("num", std::to_string(s.seed));
    out += Cell("num", std::to_string(s.steps.size()));
    out += Cell("time", FormatVirtualShort(s.virtual_end_us));
    out += Cell("time", FormatWall(s.wall_ns));
    out += "</tr>\n";
  }
  out += "</tbody></table>\n";
  return out;
}

}  // namespace

std::string ToHtml(const RunResult& run) {
  const int passed = run.Count(Outcome::kPassed);
  const int failed = run.Count(Outcome::kFailed);
  const int errors = run.Count(Outcome::kError);
  const int skipped = run.Count(Outcome::kSkipped);
  const std::string tool = HtmlEscape(run.tool.empty() ? "tiersim" : run.tool);

  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, "
      "initial-scale=1\">\n";
  out += "<title>" + tool + " run: " + std::to_string(passed) + " passed, " +
         std::to_string(failed + errors) + " failed</title>\n";
  out += "<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n";

  out += "<header>\n<h1>" + tool + " run</h1>\n<p class=\"meta\">";
  if (!run.version.empty())
    out += "version " + HtmlEscape(run.version) + " &#183; ";
  out += run.seed_overridden ? "seed " + std::to_string(run.seed) + " (--seed)"
                             : std::string("seeds from the scenario files");
  if (!run.tag_filter.empty()) {
    out += " &#183; tags " + HtmlEscape(Join(run.tag_filter));
  }
  out += " &#183; wall time " + FormatWall(run.wall_ns) + "</p>\n";
  out += "<p class=\"totals\">" + std::to_string(run.scenarios.size()) +
         (run.scenarios.size() == 1 ? " scenario: " : " scenarios: ") +
         CountBadge(passed, "passed", "passed") + " " +
         CountBadge(failed, "failed", "failed") + " " +
         CountBadge(errors, "errors", "error") + " " +
         CountBadge(skipped, "skipped", "skipped") + "</p>\n</header>\n";

  out += "<main>\n";
  if (run.scenarios.empty()) {
    out += "<p>No scenarios ran.</p>\n";
  } else {
    out += Overview(run);
    std::size_t number = 0;
    for (const ScenarioResult& s : run.scenarios) {
      out += ScenarioSection(s, ++number);
    }
  }
  out += "</main>\n<footer>Written by " + tool;
  if (!run.version.empty()) out += " " + HtmlEscape(run.version);
  out += ".</footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace tiersim::reports
