// RunResult: what a run of scenarios produced, the one model every report
// writer reads (console, JSON, JUnit XML, HTML). Plain values, filled by the
// harness runner; no writer ever reaches back into a world.
//
// Time: "virtual" fields are microseconds of simulated time since the
// scenario's start (deterministic: same scenario and seed => same values);
// "wall" fields are nanoseconds of real time, the only fields that differ
// between two runs of the same input.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tiersim::reports {

enum class Outcome : std::uint8_t {
  kPassed,   // did what the scenario expected
  kFailed,   // did something else (wrong outcome, wrong query result)
  kSkipped,  // not run: an earlier step of the scenario failed
  kError,    // could not be run at all (e.g. the cast could not be seeded)
};
// "passed", "failed", "skipped", "error".
const char* OutcomeName(Outcome o);
// "PASS", "FAIL", "SKIP", "ERROR": the verdict as reports show it.
const char* OutcomeLabel(Outcome o);

// One arrow of the sequence diagram, in virtual time: a person asking
// Partner Center to do something, Partner Center sending an email, or
// Microsoft finishing something on its own (from == to == "Microsoft").
struct Interaction {
  std::int64_t at_us = 0;  // virtual, since the scenario's start
  std::string from;        // a cast name, "Partner Center" or "Microsoft"
  std::string to;
  std::string label;  // "request_partnership", "email: Invitation..."
  bool ok = true;     // false for a refused request (drawn in red)
};

struct StepResult {
  int index = 0;      // 1-based position in the scenario's steps
  int line = 0;       // where the step starts in the scenario file
  std::string kind;   // "action", "sees", "wait", "fault"
  std::string actor;  // cast name; empty for wait and fault steps
  // One readable line: "contoso request_partnership reseller=fabrikam".
  std::string title;
  std::string note;      // the scenario author's note on the step, if any
  std::string expected;  // "ok", "error InvitationUsed", "count = 2", ...
  std::string actual;    // "ok", "error InvitationUsed: <message>", ...
  Outcome outcome = Outcome::kPassed;
  std::int64_t virtual_start_us = 0;
  std::int64_t virtual_end_us = 0;
  std::int64_t wall_ns = 0;
  // The journal lines this step produced, rendered ("0d 00:00:00.000 ...").
  std::vector<std::string> journal;
  std::vector<Interaction> interactions;
};

struct ScenarioResult {
  std::string file;  // as given on the command line (or found in a folder)
  std::string name;
  std::string description;
  std::vector<std::string> tags;
  std::uint64_t seed = 0;
  Outcome outcome = Outcome::kPassed;
  // Set when outcome is kFailed or kError: one line saying what went wrong
  // ("step 4: expected error InvitationUsed, got ok").
  std::string failure;
  int failed_step = 0;  // 1-based; 0 when no step failed
  // Who appears in the sequence diagram, in order of first appearance in
  // the cast: cast names, then "Partner Center" and "Microsoft".
  std::vector<std::string> participants;
  std::vector<StepResult> steps;
  std::int64_t virtual_end_us = 0;  // virtual time when the scenario ended
  std::int64_t wall_ns = 0;
  bool load_error = false;  // a file that did not load (run --keep-going)
};

struct RunResult {
  std::string tool = "tiersim";
  std::string version;
  std::vector<std::string> tag_filter;  // --tag values, as given
  bool seed_overridden = false;         // --seed given
  std::uint64_t seed = 0;               // the --seed value, if given
  std::vector<ScenarioResult> scenarios;
  std::int64_t wall_ns = 0;

  // How many scenarios ended with `o`.
  int Count(Outcome o) const;
  // True iff no scenario failed or errored; skipped scenarios and an empty
  // run count as passed.
  bool AllPassed() const;
};

}  // namespace tiersim::reports
