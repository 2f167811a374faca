// The in-process load engine end to end: counts it can promise, the same
// outcomes from the same seed, drops instead of delays, invariants that
// hold, thresholds that decide.
#include <gtest/gtest.h>

#include <fstream>

#include "harness/load/profile_loader.h"
#include "harness/load/run_load.h"

namespace tiersim::harness::load {
namespace {

LoadProfile Profile(const std::string& text) {
  ProfileLoad r = LoadProfileText("engine_test.json", text);
  EXPECT_TRUE(r.ok()) << (r.errors.empty() ? ""
                                           : FormatDiagnostic(r.errors[0]));
  return r.profile;
}

const char kMixed[] = R"({
  "name": "mixed", "seed": 5,
  "population": {"providers": 2, "resellers_per_provider": 3,
                 "customers_per_reseller": 4, "users": {"admin_agent": 1},
                 "offers": {"o365-e3": 1, "m365-e3": 1}},
  "flows": {"invite": {"flow": "invitation", "weight": 2},
            "create": {"flow": "customer_creation"},
            "order": {"flow": "order", "lines": 2, "as": "admin_agent"},
            "support": {"flow": "support_contact"},
            "joint": {"flow": "joint_invitation"}},
  "model": {"type": "closed", "vus": 3, "iterations": 600},
  "thresholds": {"errors.rate": "< 0.1%", "order.count": "> 0"}
})";

const reports::MetricResult* Metric(const std::vector<reports::MetricResult>& l,
                                    const std::string& name) {
  for (const auto& m : l) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

TEST(LoadEngineTest, AClosedRunDoesExactlyItsIterationsAndEveryInvariantHolds) {
  auto r = RunLoadInProcess(Profile(kMixed));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->iterations, 600u);
  EXPECT_EQ(r->failed_iterations, 0u);
  EXPECT_EQ(r->dropped, 0u);
  ASSERT_GE(r->invariants.size(), 6u);
  for (const auto& i : r->invariants)
    EXPECT_TRUE(i.passed) << i.name << ": " << i.detail;
  for (const auto& t : r->thresholds) EXPECT_TRUE(t.passed) << t.text;
  EXPECT_EQ(r->ExitCode(), 0);
  // Each flow's operations were recorded under their declared names.
  const auto* request = Metric(r->operations, "partnership.request");
  const auto* invite = Metric(r->flows, "invite");
  ASSERT_NE(request, nullptr);
  ASSERT_NE(invite, nullptr);
  EXPECT_EQ(request->count(), invite->count());
  EXPECT_EQ(Metric(r->operations, "mail.read")->count(),
            invite->count() + Metric(r->flows, "joint")->count());
  EXPECT_EQ(r->succeeded.at("orders.create"),
            Metric(r->flows, "order")->count());
}

TEST(LoadEngineTest, TheSameSeedGivesTheSameCountsAndOutcomes) {
  std::vector<std::string> ja, jb;
  auto a = RunLoadInProcess(Profile(kMixed), {}, &ja);
  auto b = RunLoadInProcess(Profile(kMixed), {}, &jb);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_GT(ja.size(), 600u);
  EXPECT_EQ(ja, jb);
  EXPECT_EQ(a->succeeded, b->succeeded);
  for (const auto& f : a->flows) {
    EXPECT_EQ(f.count(), Metric(b->flows, f.name)->count()) << f.name;
  }
  std::vector<std::string> da, db;
  for (const auto& i : a->invariants) da.push_back(i.detail);
  for (const auto& i : b->invariants) db.push_back(i.detail);
  EXPECT_EQ(da, db);
  // Another seed draws another mix.
  LoadProfile other = Profile(kMixed);
  other.seed = 6;
  auto c = RunLoadInProcess(other);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->iterations, 600u);
  EXPECT_NE(a->succeeded, c->succeeded);
}

TEST(LoadEngineTest, AnOpenModelDropsWhatNoVirtualUserIsFreeFor) {
  // Far more arrivals than one thread can start, one virtual user: most
  // are dropped, and every scheduled arrival is either run or dropped.
  auto r = RunLoadInProcess(Profile(R"({"name": "flood",
    "population": {"customers_per_reseller": 10},
    "flows": {"order": {"flow": "order"}},
    "model": {"rate": "5000000/s", "duration": "200ms", "max_vus": 1},
    "thresholds": {"dropped.count": "< 1"}})"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_GT(r->dropped, 0u);
  EXPECT_EQ(r->iterations + r->dropped, 1000000u);
  ASSERT_EQ(r->thresholds.size(), 1u);
  EXPECT_FALSE(r->thresholds[0].passed);
  EXPECT_EQ(r->ExitCode(), 1);
}

TEST(LoadEngineTest, AnOpenModelAtASustainableRateRunsEveryArrival) {
  auto r = RunLoadInProcess(Profile(R"({"name": "steady",
    "population": {"customers_per_reseller": 10},
    "flows": {"order": {"flow": "order"}},
    "model": {"rate": "500/s", "duration": "400ms"}})"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->iterations, 200u);
  EXPECT_EQ(r->dropped, 0u);
  EXPECT_EQ(r->arrivals, 200u);
}

TEST(LoadEngineTest, RunningOutOfInviteesEndsTheRunAndFailsIt) {
  auto r = RunLoadInProcess(Profile(R"({"name": "few",
    "population": {"invitees": 5},
    "flows": {"invite": {"flow": "invitation"}},
    "model": {"type": "closed", "vus": 1, "iterations": 20}})"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->iterations, 5u);
  EXPECT_NE(r->exhausted.find("invitees"), std::string::npos);
  EXPECT_EQ(r->ExitCode(), 1);
}

TEST(LoadEngineTest, WarmUpIterationsAreNotReportedButCountTowardsTheWorld) {
  auto r = RunLoadInProcess(Profile(R"({"name": "warm",
    "population": {"customers_per_reseller": 10},
    "flows": {"order": {"flow": "order"}},
    "model": {"rate": "1000/s", "duration": "200ms", "warmup": "100ms"}})"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->iterations, 200u);
  EXPECT_EQ(r->succeeded.at("orders.create"), 300u);
  for (const auto& i : r->invariants)
    EXPECT_TRUE(i.passed) << i.name << ": " << i.detail;
}

TEST(LoadEngineTest, AnAbortOnFailThresholdEndsTheRunEarly) {
  auto r = RunLoadInProcess(Profile(R"({"name": "abort",
    "population": {"customers_per_reseller": 10},
    "flows": {"order": {"flow": "order"}},
    "model": {"rate": "100/s", "duration": "30s"},
    "thresholds": {"order.p50": {"threshold": "< 1ns", "abort_on_fail": true}}})"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_NE(r->aborted.find("order.p50"), std::string::npos);
  EXPECT_LT(r->measured_seconds, 5.0);
  EXPECT_EQ(r->ExitCode(), 1);
}

TEST(LoadEngineTest, AScenarioTemplateRunsOncePerIterationWithItsIndex) {
  // A tiny F3 scenario: names made unique with ${i}.
  const std::string dir = ::testing::TempDir();
  {
    std::ofstream f(dir + "/tmpl.json");
    f << R"({"name": "partner ${i}",
      "cast": {"contoso": {"role": "provider", "domain": "contoso${i}"},
               "fabrikam": {"role": "reseller", "domain": "fabrikam${i}"}},
      "steps": [
        {"actor": "contoso", "action": "request_partnership", "reseller": "fabrikam"},
        {"actor": "fabrikam", "action": "accept_partnership"}]})";
  }
  ProfileLoad p = LoadProfileText(dir + "/profile.json", R"({"name": "tmpl",
    "flows": {"qa": {"flow": "scenario", "file": "tmpl.json"}},
    "model": {"type": "closed", "vus": 1, "iterations": 5},
    "thresholds": {"request_partnership.count": "> 4"}})");
  ASSERT_TRUE(p.ok()) << FormatDiagnostic(p.errors[0]);
  auto r = RunLoadInProcess(p.profile);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->iterations, 5u);
  EXPECT_EQ(r->failed_iterations, 0u);
  EXPECT_EQ(Metric(r->operations, "accept_partnership")->count(), 5u);
  EXPECT_TRUE(r->thresholds[0].passed);
}

}  // namespace
}  // namespace tiersim::harness::load
