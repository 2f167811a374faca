// Load profiles: what a good one becomes, and errors that name the place.
#include "harness/load/profile_loader.h"

#include <gtest/gtest.h>

#include "harness/load/population.h"

namespace tiersim::harness::load {
namespace {

ProfileLoad Load(const std::string& text) {
  return LoadProfileText("p.json", text);
}

// The first diagnostic as "line:col code".
std::string First(const ProfileLoad& r) {
  if (r.errors.empty()) return "no error";
  const Diagnostic& d = r.errors.front();
  return std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.code;
}

TEST(ProfileLoaderTest, AGoodProfileKeepsEveryPart) {
  const ProfileLoad r = Load(R"({
    "name": "Mixed onboarding day",
    "seed": 9,
    "population": {"providers": 2, "resellers_per_provider": 3,
                   "customers_per_reseller": 4, "users": {"admin_agent": 1},
                   "offers": {"o365-e3": 3, "m365-e3": 1}, "invitees": 50},
    "flows": {"invite": {"flow": "invitation", "weight": 2},
              "order": {"flow": "order", "lines": 2, "as": "admin_agent"}},
    "model": {"type": "open", "warmup": "1s",
              "stages": [{"rate": "100/s", "duration": "5s"},
                         {"rate": "200/s", "duration": "5s"}]},
    "thresholds": {"order.p99": "< 5ms",
                   "errors.rate": {"threshold": "< 1%", "abort_on_fail": true}}
  })");
  ASSERT_TRUE(r.ok()) << FormatDiagnostic(r.errors.front());
  const LoadProfile& p = r.profile;
  EXPECT_EQ(p.seed, 9u);
  EXPECT_EQ(p.population.customers_per_reseller, 4);
  EXPECT_EQ(p.population.invitees, 50);
  ASSERT_EQ(p.flows.size(), 2u);
  EXPECT_EQ(p.flows[1].kind, FlowKind::kOrder);
  EXPECT_EQ(p.flows[1].lines, 2);
  EXPECT_EQ(p.model.stages.size(), 2u);
  EXPECT_EQ(p.model.start_rate, 0);
  EXPECT_EQ(p.model.Length(), std::chrono::seconds(11));
  ASSERT_EQ(p.thresholds.size(), 2u);
  EXPECT_TRUE(p.thresholds[1].abort_on_fail);
  EXPECT_EQ(PlanPopulation(p).customers(), 24);
}

TEST(ProfileLoaderTest, TheShortFormsOfBothModels) {
  const ProfileLoad open = Load(R"({"name": "x",
    "flows": {"o": {"flow": "order"}},
    "population": {"customers_per_reseller": 1},
    "model": {"rate": 50, "duration": "2s"}})");
  ASSERT_TRUE(open.ok()) << First(open);
  EXPECT_EQ(open.profile.model.start_rate, 50);
  const ProfileLoad closed = Load(R"({"name": "x",
    "flows": {"o": {"flow": "order"}},
    "population": {"customers_per_reseller": 1},
    "model": {"type": "closed", "vus": 4, "iterations": 100,
              "duration": "10s", "think_time": "1ms"}})");
  ASSERT_TRUE(closed.ok()) << First(closed);
  EXPECT_EQ(closed.profile.model.stages[0].vus, 4);
  EXPECT_EQ(closed.profile.model.iterations, 100);
}

TEST(ProfileLoaderTest, AnUnknownFlowIsNamedAtItsPlaceWithASuggestion) {
  const ProfileLoad r = Load(R"({"name": "x",
  "flows": {"o": {"flow": "ordr"}},
  "model": {"rate": 1, "duration": "1s"}})");
  EXPECT_EQ(First(r), "2:27 unknown-flow");
  EXPECT_NE(r.errors[0].message.find("Did you mean \"order\"?"),
            std::string::npos);
}

TEST(ProfileLoaderTest, MisspeltFieldsMissingPartsAndBadValues) {
  EXPECT_EQ(First(Load(R"({"name": "x", "flows": {"o": {"flow": "order"}},
 "modle": {}})")),
            "1:1 missing-field");
  const ProfileLoad typo = Load(R"({"name": "x",
 "flows": {"o": {"flow": "order", "lnes": 2}},
 "population": {"customers_per_reseller": 1},
 "model": {"rate": 1, "duration": "1s"}})");
  EXPECT_EQ(First(typo), "2:35 unknown-field");
  EXPECT_NE(typo.errors[0].message.find("\"lines\""), std::string::npos);
  EXPECT_EQ(First(Load(R"({"name": "x", "flows": {"o": {"flow": "order"}},
 "model": {"rate": "fast", "duration": "1s"}})")),
            "2:20 bad-value");
  EXPECT_EQ(First(Load(R"({"name": "x", "flows": {"o": {"flow": "invitation",
 "lines": 2}}, "model": {"rate": 1, "duration": "1s"}})")),
            "2:2 unknown-field");
  EXPECT_EQ(First(Load(R"({"name": "x", "flows": {"o": {"flow": "order"}},
 "model": {"type": "closed", "vus": 0, "duration": "1s"}})")),
            "2:37 bad-value");
  EXPECT_EQ(First(Load("{\"name\": \"x\",, }")), "1:14 syntax");
}

TEST(ProfileLoaderTest, AThresholdOnAMetricTheProfileCannotMeasure) {
  const ProfileLoad r = Load(R"({"name": "x",
 "flows": {"invite": {"flow": "invitation"}},
 "model": {"rate": 1, "duration": "1s"},
 "thresholds": {"orders.create.p99": "< 5ms", "invite.p99": "5ms"}})");
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_EQ(r.errors[0].code, "unknown-metric");
  EXPECT_EQ(r.errors[1].code, "bad-threshold");
  EXPECT_EQ(r.errors[1].line, 4);
}

TEST(ProfileLoaderTest, AFlowNeedingCustomersInAPopulationWithNone) {
  const ProfileLoad r = Load(R"({"name": "x",
 "flows": {"o": {"flow": "order"}},
 "model": {"rate": 1, "duration": "1s"}})");
  EXPECT_EQ(First(r), "2:17 bad-value");
  EXPECT_NE(r.errors[0].message.find("customers_per_reseller"),
            std::string::npos);
}

TEST(ProfileLoaderTest,
     APopulationTooLargeForThisMachineIsRefusedBeforeBuilding) {
  const ProfileLoad r = Load(R"({"name": "x",
 "population": {"providers": 1000, "resellers_per_provider": 1000,
                "customers_per_reseller": 1000},
 "flows": {"o": {"flow": "order"}},
 "model": {"rate": 1, "duration": "1s"}})");
  EXPECT_EQ(First(r), "2:16 too-large");
  EXPECT_NE(r.errors[0].message.find("GiB"), std::string::npos);
}

TEST(ProfileLoaderTest, InviteesAreSizedFromTheScheduleWhenNotGiven) {
  const ProfileLoad r = Load(R"({"name": "x",
 "flows": {"i": {"flow": "invitation"}},
 "model": {"rate": "100/s", "duration": "10s"}})");
  ASSERT_TRUE(r.ok()) << First(r);
  // 1000 arrivals, all invitations, 10% spare and a few more.
  EXPECT_EQ(PlanPopulation(r.profile).invitees, 1116);
  EXPECT_EQ(PlanPopulation(r.profile).prospects, 0);
}

TEST(ProfileLoaderTest, OnlyProfilesLookLikeProfiles) {
  EXPECT_TRUE(LooksLikeLoadProfile(R"({"name": "x", "model": {}})"));
  EXPECT_FALSE(LooksLikeLoadProfile(R"({"name": "x", "steps": []})"));
  EXPECT_FALSE(LooksLikeLoadProfile("[{\"model\": 1}]"));
  EXPECT_FALSE(LooksLikeLoadProfile("{oops"));
}

}  // namespace
}  // namespace tiersim::harness::load
