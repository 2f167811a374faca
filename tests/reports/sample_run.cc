#include "tests/reports/sample_run.h"

#include <cstdint>
#include <utility>

namespace tiersim::reports::testing {
namespace {

constexpr std::int64_t kSecond = 1'000'000;
constexpr std::int64_t kMinute = 60 * kSecond;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;

StepResult Step(int index, int line, std::string kind, std::string actor,
                std::string title, std::int64_t start_us, std::int64_t end_us,
                std::int64_t wall_ns) {
  StepResult s;
  s.index = index;
  s.line = line;
  s.kind = std::move(kind);
  s.actor = std::move(actor);
  s.title = std::move(title);
  s.expected = "ok";
  s.actual = "ok";
  s.virtual_start_us = start_us;
  s.virtual_end_us = end_us;
  s.wall_ns = wall_ns;
  return s;
}

ScenarioResult Passing() {
  ScenarioResult s;
  s.file = "scenarios/qa/f3_partnership.json";
  s.name = "Provider partners with a reseller";
  s.description = "Contoso invites Fabrikam; Fabrikam accepts.";
  s.tags = {"f3", "smoke"};
  s.seed = 42;
  s.participants = {"contoso", "fabrikam", "Partner Center", "Microsoft"};

  StepResult request =
      Step(1, 12, "action", "contoso",
           "contoso request_partnership reseller=fabrikam", 0, 0, 310'000);
  request.journal = {
      "0d 00:00:00.000  user-1  partnership.request  partner-1 partner-2  Ok"};
  request.interactions = {
      {0, "contoso", "Partner Center", "request_partnership", true},
      {0, "Partner Center", "fabrikam", "email: Contoso invites you", true}};

  StepResult wait =
      Step(2, 17, "wait", "", "wait 3d 02:00", 0, 3 * kDay + 2 * kHour, 12'000);
  wait.journal = {"2d 00:00:00.000  microsoft  review.finish  partner-2  Ok"};
  wait.interactions = {
      {2 * kDay, "Microsoft", "Microsoft", "review finished", true}};

  StepResult accept =
      Step(3, 19, "action", "fabrikam", "fabrikam accept_partnership",
           3 * kDay + 2 * kHour, 3 * kDay + 2 * kHour + 3 * kSecond, 880'000);
  accept.journal = {
      "3d 02:00:03.000  user-2  partnership.accept  invitation-1  Ok"};
  accept.interactions = {{3 * kDay + 2 * kHour + 3 * kSecond, "fabrikam",
                          "Partner Center", "accept_partnership", true}};

  s.steps = {request, wait, accept};
  s.virtual_end_us = 3 * kDay + 2 * kHour + 3 * kSecond;
  s.wall_ns = 1'234'000;
  return s;
}

ScenarioResult Failing() {
  ScenarioResult s;
  s.file = "scenarios/qa/f3_partnership.json";
  s.name = "Invitation <used> twice & \"again\" 'quoted'\x07";
  s.description = "A used link must not work a second time (R12).\x01";
  s.tags = {"f3", "r12"};
  s.seed = 42;
  s.outcome = Outcome::kFailed;
  s.failure =
      "step 3: expected error InvitationUsed, got ok <&> \"quoted\" 'single'";
  s.failed_step = 3;
  s.participants = {"contoso", "fabrikam", "Partner Center"};

  StepResult request =
      Step(1, 8, "action", "contoso",
           "contoso request_partnership reseller=fabrikam", 0, 0, 250'000);
  request.journal = {
      "0d 00:00:00.000  user-1  partnership.request  partner-1 partner-2  Ok",
      "0d 00:00:00.000  microsoft  mail.send  user-3  Ok",
      std::string("0d 00:00:00.000  microsoft  mail.link  (") + kUserUrl + ")"};
  request.interactions = {
      {0, "contoso", "Partner Center", "request_partnership", true},
      {0, "Partner Center", "fabrikam", "email: Contoso invites you", true}};

  StepResult accept =
      Step(2, 13, "action", "fabrikam", "fabrikam accept_partnership", kMinute,
           kMinute, 400'000);
  accept.journal = {
      "0d 00:01:00.000  user-3  partnership.accept  invitation-1  Ok"};
  accept.interactions = {
      {kMinute, "fabrikam", "Partner Center", "accept_partnership", true}};

  StepResult again = Step(3, 18, "action", "fabrikam",
                          "fabrikam accept_partnership <again> & \"twice\"",
                          2 * kMinute, 2 * kMinute, 1'250'000);
  again.note = std::string("The same link, clicked again: ") + kUserUrl;
  again.expected = "error InvitationUsed";
  again.actual = "ok <&> \"quoted\" 'single'\x1b[31m";
  again.outcome = Outcome::kFailed;
  again.journal = {
      "0d 00:02:00.000  user-3  partnership.accept  invitation-1  Ok",
      "0d 00:02:00.000  microsoft  mail.send  user-1  Ok  (<b>bold</b>)"};
  again.interactions = {{2 * kMinute, "fabrikam", "Partner Center",
                         "accept_partnership <again>", true},
                        {2 * kMinute, "Partner Center", "fabrikam",
                         "refused: InvitationUsed & \"done\"", false}};

  StepResult skipped = Step(4, 24, "sees", "contoso",
                            "contoso sees indirect_resellers = 1", 0, 0, 0);
  skipped.expected = "count = 1";
  skipped.actual = "";
  skipped.outcome = Outcome::kSkipped;

  s.steps = {request, accept, again, skipped};
  s.virtual_end_us = 2 * kMinute;
  s.wall_ns = 2'150'500;
  return s;
}

ScenarioResult Errored() {
  ScenarioResult s;
  s.file = "scenarios/demo/broken cast.json";
  s.name = "A cast that cannot be seeded";
  s.tags = {"demo"};
  s.seed = 7;
  s.outcome = Outcome::kError;
  s.failure = "cast: tenant 'contoso' could not be seeded: domain taken";
  s.participants = {"contoso"};
  s.wall_ns = 95'000;
  return s;
}

ScenarioResult Skipped() {
  ScenarioResult s;
  s.file = "scenarios/demo/broken cast.json";
  s.name = "Runs after the broken cast";
  s.seed = 8;
  s.outcome = Outcome::kSkipped;
  s.failure = "not run: the cast could not be seeded";
  return s;
}

}  // namespace

RunResult SampleRun() {
  RunResult run;
  run.version = "0.1.0";
  run.tag_filter = {"f3", "demo"};
  run.scenarios = {Passing(), Failing(), Errored(), Skipped()};
  run.wall_ns = 15'432'100;
  return run;
}

}  // namespace tiersim::reports::testing
