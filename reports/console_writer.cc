// The console writer: a verdict line per scenario as it finishes, the
// failing step with the journal around it, and a closing summary that CI
// logs can be grepped for. All user text goes through TerminalSafe so a
// scenario file cannot send escape sequences to the terminal.
#include <algorithm>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "reports/format.h"
#include "reports/writers.h"

namespace tiersim::reports {
namespace {

constexpr std::string_view kGreen = "\x1b[32m";
constexpr std::string_view kRed = "\x1b[31m";
constexpr std::string_view kYellow = "\x1b[33m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kDim = "\x1b[2m";
constexpr std::string_view kReset = "\x1b[0m";

// Indentation of everything printed under a scenario's verdict line.
constexpr std::string_view kIndent = "        ";

// Wraps text in an ANSI colour when colour is on.
class Paint {
 public:
  explicit Paint(bool color) : color_(color) {}
  std::string operator()(std::string_view code, std::string_view text) const {
    if (!color_) return std::string(text);
    std::string out;
    out.reserve(code.size() + text.size() + kReset.size());
    out.append(code).append(text).append(kReset);
    return out;
  }

 private:
  bool color_;
};

std::string_view OutcomeColor(Outcome o) {
  switch (o) {
    case Outcome::kPassed:
      return kGreen;
    case Outcome::kSkipped:
      return kYellow;
    case Outcome::kFailed:
    case Outcome::kError:
      return kRed;
  }
  return kReset;
}

std::string PadRight(std::string_view s, std::size_t width) {
  std::string out(s);
  if (out.size() < width) out.append(width - out.size(), ' ');
  return out;
}

std::string PadLeft(std::string_view s, std::size_t width) {
  std::string out;
  if (s.size() < width) out.append(width - s.size(), ' ');
  out.append(s);
  return out;
}

// Quotes a path for a POSIX shell when it needs quoting.
std::string ShellQuote(std::string_view s) {
  const bool plain = !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') ||
           std::string_view("_@%+=:,./-").find(c) != std::string_view::npos;
  });
  if (plain) return std::string(s);
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  out += '\'';
  return out;
}

const StepResult* FindStep(const ScenarioResult& scenario, int index) {
  for (const StepResult& step : scenario.steps) {
    if (step.index == index) return &step;
  }
  return nullptr;
}

void WriteStepList(const ScenarioResult& scenario, const Paint& paint,
                   std::ostream& out) {
  std::size_t index_width = 1;
  std::size_t time_width = 0;
  std::size_t wall_width = 0;
  // A skipped step never ran: no times.
  const auto virtual_time = [](const StepResult& step) {
    return step.outcome == Outcome::kSkipped
               ? std::string("-")
               : FormatVirtual(step.virtual_start_us);
  };
  const auto wall_time = [](const StepResult& step) {
    return step.outcome == Outcome::kSkipped ? std::string("-")
                                             : FormatWall(step.wall_ns);
  };
  for (const StepResult& step : scenario.steps) {
    index_width = std::max(index_width, std::to_string(step.index).size());
    time_width = std::max(time_width, virtual_time(step).size());
    wall_width = std::max(wall_width, wall_time(step).size());
  }
  for (const StepResult& step : scenario.steps) {
    const std::string times = PadRight(virtual_time(step), time_width) + "  " +
                              PadLeft(wall_time(step), wall_width);
    out << kIndent << PadLeft(std::to_string(step.index), index_width) << "  "
        << paint(OutcomeColor(step.outcome),
                 PadRight(OutcomeName(step.outcome), 7))
        << "  " << paint(kDim, times) << "  " << TerminalSafe(step.title)
        << '\n';
  }
}

// The journal lines around the failing step: up to `context` lines from
// the steps before it, all of its own (marked '>'), up to `context` after.
void WriteJournalContext(const ScenarioResult& scenario,
                         const StepResult& failing, int journal_context,
                         const Paint& paint, std::ostream& out) {
  const std::size_t context =
      static_cast<std::size_t>(std::max(0, journal_context));
  std::vector<const std::string*> before;
  std::vector<const std::string*> after;
  bool seen_failing = false;
  for (const StepResult& step : scenario.steps) {
    if (&step == &failing) {
      seen_failing = true;
      continue;
    }
    for (const std::string& line : step.journal) {
      (seen_failing ? after : before).push_back(&line);
    }
  }
  if (before.size() > context) {
    before.erase(before.begin(),
                 before.end() - static_cast<std::ptrdiff_t>(context));
  }
  if (after.size() > context) after.resize(context);
  if (before.empty() && after.empty() && failing.journal.empty()) return;

  out << kIndent << "journal around it:\n";
  for (const std::string* line : before) {
    out << kIndent << "    " << paint(kDim, TerminalSafe(*line)) << '\n';
  }
  for (const std::string& line : failing.journal) {
    out << kIndent << "  > " << paint(kBold, TerminalSafe(line)) << '\n';
  }
  for (const std::string* line : after) {
    out << kIndent << "    " << paint(kDim, TerminalSafe(*line)) << '\n';
  }
}

void WriteFailure(const ScenarioResult& scenario, const ConsoleStyle& style,
                  const Paint& paint, std::ostream& out) {
  const StepResult* step = scenario.failed_step > 0
                               ? FindStep(scenario, scenario.failed_step)
                               : nullptr;
  if (step == nullptr) {
    if (!scenario.failure.empty()) {
      const std::string_view label =
          scenario.outcome == Outcome::kError ? "error: " : "failure: ";
      out << kIndent << label << paint(kRed, TerminalSafe(scenario.failure))
          << '\n';
    }
    return;
  }
  // The first failure, then (soft assertions) every later one.
  for (const StepResult& s : scenario.steps) {
    if (s.index < step->index || s.outcome != Outcome::kFailed) continue;
    out << kIndent << "step " << s.index << " (line " << s.line
        << "): " << TerminalSafe(s.title) << '\n';
    if (!s.note.empty()) {
      out << kIndent << "note:     " << TerminalSafe(s.note) << '\n';
    }
    out << kIndent << "expected: " << TerminalSafe(s.expected) << '\n';
    out << kIndent << "actual:   " << paint(kRed, TerminalSafe(s.actual))
        << '\n';
    WriteJournalContext(scenario, s, style.journal_context, paint, out);
  }
}

}  // namespace

void WriteConsoleScenario(const ScenarioResult& scenario,
                          const ConsoleStyle& style, std::ostream& out) {
  const Paint paint(style.color);
  const std::size_t steps = scenario.steps.size();
  const std::string details = "(" + TerminalSafe(scenario.file) + ", seed " +
                              std::to_string(scenario.seed) + ", " +
                              std::to_string(steps) +
                              (steps == 1 ? " step, " : " steps, ") +
                              FormatVirtualShort(scenario.virtual_end_us) +
                              " virtual, " + FormatWall(scenario.wall_ns) + ")";
  const std::string_view verdict = OutcomeLabel(scenario.outcome);
  out << "  " << paint(OutcomeColor(scenario.outcome), verdict)
      << std::string(6 - verdict.size(), ' ') << TerminalSafe(scenario.name)
      << "  " << paint(kDim, details) << '\n';
  if (style.verbose) WriteStepList(scenario, paint, out);
  if (scenario.outcome == Outcome::kFailed ||
      scenario.outcome == Outcome::kError) {
    WriteFailure(scenario, style, paint, out);
  }
}

void WriteConsoleSummary(const RunResult& run, const ConsoleStyle& style,
                         std::ostream& out) {
  const Paint paint(style.color);
  const int passed = run.Count(Outcome::kPassed);
  const int failed = run.Count(Outcome::kFailed);
  const int errors = run.Count(Outcome::kError);
  const int skipped = run.Count(Outcome::kSkipped);
  const auto count = [&paint](int n, std::string_view what,
                              std::string_view color) {
    const std::string text = std::to_string(n) + " " + std::string(what);
    return n > 0 ? paint(color, text) : text;
  };

  const std::size_t total = run.scenarios.size();
  out << '\n'
      << total << (total == 1 ? " scenario: " : " scenarios: ")
      << count(passed, "passed", kGreen) << ", "
      << count(failed, "failed", kRed) << ", " << count(errors, "errors", kRed);
  if (skipped > 0) out << ", " << count(skipped, "skipped", kYellow);
  out << '\n';

  if (failed + errors > 0) {
    const std::string tool = run.tool.empty() ? "tiersim" : run.tool;
    out << "failed scenarios:\n";
    for (const ScenarioResult& s : run.scenarios) {
      if (s.outcome != Outcome::kFailed && s.outcome != Outcome::kError) {
        continue;
      }
      out << "  " << paint(kRed, OutcomeLabel(s.outcome))
          << std::string(6 - std::string_view(OutcomeLabel(s.outcome)).size(),
                         ' ')
          << TerminalSafe(s.file) << ": " << TerminalSafe(s.name) << " (seed "
          << s.seed << ")\n"
          << "        reproduce: "
          << TerminalSafe(s.load_error
                              ? tool + " validate " + ShellQuote(s.file)
                              : tool + " run " + ShellQuote(s.file) +
                                    " --seed " + std::to_string(s.seed) +
                                    " --name " + ShellQuote(s.name))
          << '\n';
    }
  }
  out << "wall time: " << FormatWall(run.wall_ns) << '\n';
  // The closing line, never coloured: CI tools match "N passed, M failed".
  // Errors count as failed here so that a run with errors never reads clean.
  out << passed << " passed, " << failed + errors << " failed\n";
}

}  // namespace tiersim::reports
