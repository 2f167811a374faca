// Soft assertions: with `run --soft` (or "soft": true in the file) a
// scenario plays on after a failed step and reports every failure; without
// them the steps after the first failure are skipped, as before.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "harness/format/loader.h"
#include "harness/runner/runner.h"
#include "reports/writers.h"
#include "tests/common/status_matchers.h"

namespace tiersim::harness {
namespace {

using reports::Outcome;
using ::testing::HasSubstr;
using ::tiersim::testing::IsOk;

// Step 2 and step 4 fail (each expects what does not happen); steps 1, 3
// and 5 pass.
constexpr char kTwoFailures[] = R"({"name": "two failures", %SOFT%
  "cast": {"contoso": {"role": "provider"}, "fabrikam": {"role": "reseller"}},
  "steps": [
    {"actor": "contoso", "action": "request_partnership", "reseller": "fabrikam"},
    {"actor": "contoso", "sees": "indirect_resellers", "equals": ["fabrikam"]},
    {"actor": "fabrikam", "action": "accept_partnership"},
    {"actor": "fabrikam", "action": "accept_partnership",
     "link_from": "fabrikam"},
    {"actor": "contoso", "sees": "indirect_resellers", "equals": ["fabrikam"]}
  ]})";

Scenario Load(std::string_view soft) {
  std::string text = kTwoFailures;
  text.replace(text.find("%SOFT%"), 6, soft);
  LoadResult r = LoadScenarioText("soft.json", text);
  EXPECT_THAT(r, IsOk()) << (r.ok() ? "" : FormatDiagnostic(r.errors[0]));
  return r.ok() ? r.scenarios[0] : Scenario{};
}

std::vector<Outcome> Outcomes(const reports::ScenarioResult& r) {
  std::vector<Outcome> out;
  for (const reports::StepResult& s : r.steps) out.push_back(s.outcome);
  return out;
}

TEST(SoftAssertionsTest, WithoutThemTheStepsAfterAFailureAreSkipped) {
  const auto r = RunScenarioInProcess(Load(""), 3);
  EXPECT_EQ(r.outcome, Outcome::kFailed);
  EXPECT_EQ(r.failed_step, 2);
  EXPECT_EQ(Outcomes(r),
            (std::vector<Outcome>{Outcome::kPassed, Outcome::kFailed,
                                  Outcome::kSkipped, Outcome::kSkipped,
                                  Outcome::kSkipped}));
}

TEST(SoftAssertionsTest, RunSoftPlaysEveryStepAndReportsEveryFailure) {
  const auto r = RunScenarioInProcess(Load(""), 3, /*soft=*/true);
  EXPECT_EQ(r.outcome, Outcome::kFailed);
  EXPECT_EQ(r.failed_step, 2);  // the first
  EXPECT_EQ(Outcomes(r),
            (std::vector<Outcome>{Outcome::kPassed, Outcome::kFailed,
                                  Outcome::kPassed, Outcome::kFailed,
                                  Outcome::kPassed}));
  EXPECT_THAT(r.failure, HasSubstr("step 2 ("));
  EXPECT_THAT(r.failure, HasSubstr("(and 1 more failed step)"));
  EXPECT_THAT(r.steps[3].actual, HasSubstr("InvitationUsed"));

  // Every report names both failures.
  reports::RunResult run;
  run.scenarios.push_back(r);
  std::ostringstream console;
  reports::WriteConsoleScenario(r, {}, console);
  EXPECT_THAT(console.str(), HasSubstr("step 2 (line"));
  EXPECT_THAT(console.str(), HasSubstr("step 4 (line"));
  const std::string junit = reports::ToJUnitXml(run);
  EXPECT_THAT(junit, HasSubstr("step 2 (line"));
  EXPECT_THAT(junit, HasSubstr("step 4 (line"));
  const auto json = nlohmann::json::parse(reports::ToJson(run));
  EXPECT_EQ(json["scenarios"][0]["failed_steps"], nlohmann::json({2, 4}));
}

TEST(SoftAssertionsTest, TheFileAsksForThemWithSoftTrue) {
  const auto r = RunScenarioInProcess(Load("\"soft\": true,"), 3);
  EXPECT_EQ(r.steps[2].outcome, Outcome::kPassed);
  EXPECT_EQ(r.steps[3].outcome, Outcome::kFailed);
  LoadResult bad = LoadScenarioText(
      "bad.json", R"({"name": "x", "soft": "yes", "cast": {"c": {"role":
      "provider"}}, "steps": []})");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(FormatDiagnostic(bad.errors[0]), HasSubstr("\"soft\""));
}

}  // namespace
}  // namespace tiersim::harness
