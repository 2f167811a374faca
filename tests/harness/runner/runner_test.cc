// The runner on inline scenarios: outcomes, expectations and matchers,
// skipping after a failure, virtual time, faults, the journal and sequence
// diagram it records, determinism.
#include "harness/runner/runner.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "harness/format/loader.h"
#include "tests/common/status_matchers.h"

namespace tiersim::harness {
namespace {

using ::tiersim::testing::IsOk;

using reports::Outcome;
using ::testing::HasSubstr;

constexpr char kCast[] = R"(
  "cast": {"contoso": {"role": "provider"},
           "fabrikam": {"role": "reseller"},
           "northwind": {"role": "reseller"}},)";

Scenario Load(const std::string& steps, const std::string& cast = kCast) {
  LoadResult r = LoadScenarioText(
      "t.json", "{\"name\": \"t\", " + cast + "\"steps\": [" + steps + "]}");
  EXPECT_THAT(r, IsOk()) << (r.ok() ? "" : FormatDiagnostic(r.errors[0]));
  return r.ok() ? r.scenarios[0] : Scenario{};
}

reports::ScenarioResult Play(const std::string& steps,
                             const std::string& cast = kCast) {
  return RunScenarioInProcess(Load(steps, cast), 7);
}

constexpr char kRequest[] =
    R"({"actor": "contoso", "action": "request_partnership", "reseller": "fabrikam"})";
constexpr char kAccept[] =
    R"({"actor": "fabrikam", "action": "accept_partnership"})";

TEST(RunnerTest, HappyPathPassesAndRecordsTimeJournalAndArrows) {
  auto r = Play(std::string(kRequest) + R"(, {"wait": "2h"}, )" + kAccept);
  ASSERT_EQ(r.outcome, Outcome::kPassed) << r.failure;
  ASSERT_EQ(r.steps.size(), 3u);
  EXPECT_EQ(r.steps[0].title, "contoso request_partnership reseller=fabrikam");
  EXPECT_THAT(r.steps[0].actual, HasSubstr("emailed to admin@fabrikam"));
  EXPECT_EQ(r.steps[2].virtual_start_us, 2LL * 3600 * 1000000);
  EXPECT_EQ(r.virtual_end_us, 2LL * 3600 * 1000000);
  EXPECT_THAT(r.steps[0].journal,
              ::testing::Contains(HasSubstr("partnership.request")));
  // contoso -> Partner Center, then the email Partner Center -> fabrikam.
  ASSERT_EQ(r.steps[0].interactions.size(), 2u);
  EXPECT_EQ(r.steps[0].interactions[0].from, "contoso");
  EXPECT_EQ(r.steps[0].interactions[1].to, "fabrikam");
  EXPECT_THAT(r.steps[0].interactions[1].label, HasSubstr("email: "));
  EXPECT_EQ(r.participants, (std::vector<std::string>{"contoso", "fabrikam",
                                                      "Partner Center"}));
}

TEST(RunnerTest, UnexpectedSuccessFailsTheStepAndSkipsTheRest) {
  auto r = Play(std::string(kRequest) +
                R"(, {"actor": "fabrikam", "action": "accept_partnership",
                     "expect": {"error": "InvitationUsed"}}, )" +
                kAccept);
  EXPECT_EQ(r.outcome, Outcome::kFailed);
  EXPECT_EQ(r.failed_step, 2);
  EXPECT_EQ(r.failure,
            "step 2 (fabrikam accept_partnership): expected error "
            "InvitationUsed, got ok");
  EXPECT_EQ(r.steps[1].outcome, Outcome::kFailed);
  EXPECT_EQ(r.steps[2].outcome, Outcome::kSkipped);
  EXPECT_TRUE(r.steps[2].journal.empty());
}

TEST(RunnerTest, R12_ExpectedErrorPassesAndAWrongOneFails) {
  auto used = Play(std::string(kRequest) + ", " + kAccept + R"(,
      {"actor": "fabrikam", "action": "accept_partnership",
       "link_from": "fabrikam", "expect": {"error": "InvitationUsed"}})");
  // link_from re-reads the same (now used) email: refused as used.
  EXPECT_EQ(used.outcome, Outcome::kPassed) << used.failure;
  auto wrong = Play(std::string(kRequest) + ", " + R"(
      {"actor": "northwind", "action": "accept_partnership",
       "link_from": "fabrikam", "expect": {"error": "InvitationUsed"}})");
  EXPECT_EQ(wrong.outcome, Outcome::kFailed);
  EXPECT_THAT(wrong.failure,
              HasSubstr("expected error InvitationUsed, got error "
                        "InvitationForeign: "));
}

TEST(RunnerTest, MessageContainsIsChecked) {
  auto r = Play(R"({"actor": "fabrikam", "action": "request_partnership",
                   "reseller": "northwind",
                   "expect": {"error": "NotAProvider", "message_contains": "no such words"}})");
  EXPECT_EQ(r.outcome, Outcome::kFailed);
  EXPECT_THAT(r.failure, HasSubstr("expected the message to contain \"no "
                                   "such words\""));
}

TEST(RunnerTest, AnErrorOrOneOfSeveralCanBeExpected) {
  const std::string refused =
      R"({"actor": "fabrikam", "action": "request_partnership", )"
      R"("reseller": "northwind", "expect": )";
  EXPECT_EQ(Play(refused + R"("error"})").outcome, Outcome::kPassed);
  EXPECT_EQ(Play(refused + R"({"error": "any"}})").outcome, Outcome::kPassed);
  EXPECT_EQ(
      Play(refused + R"({"error": ["PermissionDenied", "NotAProvider"]}})")
          .outcome,
      Outcome::kPassed);
  auto other = Play(refused + R"({"error": ["NotFound", "NotPartnered"]}})");
  EXPECT_EQ(other.outcome, Outcome::kFailed);
  EXPECT_THAT(other.failure,
              HasSubstr("expected error NotFound or NotPartnered, got error "
                        "NotAProvider"));
  // "Any error" still fails a step that succeeds.
  auto fine = Play(R"({"actor": "contoso", "action": "request_partnership", )"
                   R"("reseller": "fabrikam", "expect": "error"})");
  EXPECT_EQ(fine.outcome, Outcome::kFailed);
  EXPECT_THAT(fine.failure, HasSubstr("expected any error, got ok"));
}

TEST(RunnerTest, ListMatchersCompareAsPeopleExpect) {
  const std::string partnered = std::string(kRequest) + ", " + kAccept;
  EXPECT_EQ(
      Play(
          partnered +
          R"(, {"actor": "contoso", "sees": "indirect_resellers", "equals": ["fabrikam"]})")
          .outcome,
      Outcome::kPassed);
  EXPECT_EQ(
      Play(
          partnered +
          R"(, {"actor": "contoso", "sees": "indirect_resellers", "includes": ["fabrikam"]})")
          .outcome,
      Outcome::kPassed);
  EXPECT_EQ(
      Play(
          partnered +
          R"(, {"actor": "contoso", "sees": "indirect_resellers", "excludes": ["northwind"]})")
          .outcome,
      Outcome::kPassed);
  auto count = Play(
      partnered +
      R"(, {"actor": "contoso", "sees": "indirect_resellers", "count": 2})");
  EXPECT_EQ(count.outcome, Outcome::kFailed);
  EXPECT_THAT(count.failure,
              HasSubstr("expected 2 item(s), saw 1: [fabrikam]"));
  auto equals = Play(
      partnered +
      R"(, {"actor": "contoso", "sees": "indirect_resellers", "equals": ["northwind"]})");
  EXPECT_THAT(equals.failure,
              HasSubstr("expected [northwind] (any order), saw [fabrikam]"));
}

TEST(RunnerTest, RecordMatcherComparesOnlyTheGivenFields) {
  auto r =
      Play(R"({"sees": "counts", "equals": {"partners": 3, "customers": 0}})");
  EXPECT_EQ(r.outcome, Outcome::kPassed) << r.failure;
  auto wrong = Play(R"({"sees": "counts", "equals": {"partners": 2}})");
  EXPECT_EQ(wrong.failure,
            "step 1 (world sees counts): expected partners = 2, saw 3");
}

TEST(RunnerTest, DroppedEmailFaultFiresOnceForItsRecipient) {
  auto r = Play(R"({"fault": "mail.drop", "to": "fabrikam"}, )" +
                std::string(kRequest) + R"(,
      {"actor": "fabrikam", "sees": "mailbox", "count": 0},
      {"actor": "fabrikam", "action": "accept_partnership",
       "expect": {"error": "NotFound"}}, )" +
                kRequest + ", " + kAccept);
  EXPECT_EQ(r.outcome, Outcome::kPassed) << r.failure;
  EXPECT_EQ(r.steps[0].actual, "ok (armed for admin@fabrikam.onmicrosoft.com)");
}

TEST(RunnerTest, CastThatCannotBeSeededIsAnErrorAndNothingRuns) {
  auto r = Play(kRequest, R"("cast": {"contoso": {"role": "provider"},
      "fabrikam": {"role": "reseller", "domain": "contoso"}},)");
  EXPECT_EQ(r.outcome, Outcome::kError);
  EXPECT_THAT(r.failure, HasSubstr("cast \"fabrikam\" (reseller) could not be "
                                   "set up: "));
  EXPECT_EQ(r.steps[0].outcome, Outcome::kSkipped);
}

TEST(RunnerTest, SameScenarioAndSeedGiveTheSameRecord) {
  const Scenario s =
      Load(std::string(kRequest) + R"(, {"wait": "1d"}, )" + kAccept +
               R"(, {"actor": "contoso", "action": "add_customer",
      "reseller": "fabrikam", "customer": "adatum"})",
           R"("cast": {"contoso": {"role": "provider"},
      "fabrikam": {"role": "reseller"},
      "adatum": {"role": "customer", "exists": false}},)");
  auto a = RunScenarioInProcess(s, 42);
  auto b = RunScenarioInProcess(s, 42);
  ASSERT_EQ(a.outcome, Outcome::kPassed) << a.failure;
  ASSERT_EQ(a.steps.size(), b.steps.size());
  for (std::size_t i = 0; i < a.steps.size(); ++i) {
    EXPECT_EQ(a.steps[i].actual, b.steps[i].actual);
    EXPECT_EQ(a.steps[i].journal, b.steps[i].journal);
    EXPECT_EQ(a.steps[i].virtual_end_us, b.steps[i].virtual_end_us);
  }
}

TEST(RunnerTest, SeedOverrideAndTagFilter) {
  Scenario s;
  s.tags = {"F3", "R12"};
  s.seed = 5;
  EXPECT_EQ(SeedFor(s, {}), 5u);
  EXPECT_EQ(SeedFor(s, {.seed = 9}), 9u);
  EXPECT_EQ(SeedFor(Scenario{}, {}), kDefaultSeed);
  EXPECT_TRUE(Selected(s, {}));
  EXPECT_TRUE(Selected(s, {.tags = {"R1", "R12"}}));
  EXPECT_FALSE(Selected(s, {.tags = {"F7"}}));
}

// No step passes without asking the product: what the runner cannot even
// ask (a subscription the scenario never created) is an error in the
// scenario, whatever the step expected, and no step may expect it.
TEST(RunnerTest, AStepThatNeverReachesPartnerCenterIsAnErrorNotAPass) {
  auto r = Play(R"({"actor": "contoso", "action": "change_licenses",
                    "subscription": "adatum/o365-e3", "licenses": 5,
                    "expect": "error"}, )" +
                    std::string(kRequest),
                R"("cast": {"contoso": {"role": "provider"},
                            "fabrikam": {"role": "reseller"},
                            "adatum": {"role": "customer"}},)");
  EXPECT_EQ(r.outcome, Outcome::kError);
  EXPECT_EQ(r.failed_step, 1);
  EXPECT_EQ(r.steps[0].outcome, Outcome::kError);
  EXPECT_THAT(r.failure, HasSubstr("the scenario is wrong here"));
  EXPECT_THAT(r.failure, HasSubstr("no subscription \"adatum/o365-e3\""));
  EXPECT_EQ(r.steps[1].outcome, Outcome::kSkipped);

  LoadResult bad = LoadScenarioText(
      "t.json", std::string("{\"name\": \"t\", ") + kCast +
                    R"("steps": [{"actor": "contoso", "sees": "customers",
                       "expect": {"error": "ScenarioError"}}]})");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(FormatDiagnostic(bad.errors[0]),
              HasSubstr("no step can expect it"));
}

}  // namespace
}  // namespace tiersim::harness
