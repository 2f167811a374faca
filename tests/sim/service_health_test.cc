// Service health (seed 000's role table: "customer service health" for
// Admin agents and Helpdesk agents, R40/R41): every Microsoft service,
// degraded while Microsoft has an outage of it, with the partner's own
// customers that use it (R26: not another partner's).
#include <gtest/gtest.h>

#include <string>

#include "tests/common/status_matchers.h"
#include "tests/sim/fixture.h"
#include "tests/sim/rule_helpers.h"

namespace tiersim::sim::testing {
namespace {

using ::tiersim::testing::IsOk;

const ServiceHealthView& Of(const std::vector<ServiceHealthView>& all,
                            ProductFamily f) {
  for (const ServiceHealthView& v : all) {
    if (v.service == f) return v;
  }
  ADD_FAILURE() << "no " << ProductFamilyName(f) << " in Service health";
  return all.front();
}

TEST(ServiceHealthTest, R41_AnOutageShowsAsDegradedWithTheCustomersUsingIt) {
  TwoTierWorld t;
  t.PartnerContosoFabrikam();
  CustomerCreated adatum = t.AddCustomer("adatum", t.fabrikam.partner);
  Session helpdesk =
      t.AddUser(t.fabrikam_admin, "help@fabrikam.onmicrosoft.com",
                AgentRole::kHelpdeskAgent, AdminRole::kNone);
  auto before = t.pc.ServiceHealth(helpdesk);
  ASSERT_THAT(before, IsOk());
  EXPECT_EQ(before->size(), 6u);  // every service
  EXPECT_TRUE(Of(*before, ProductFamily::kOffice365).healthy);
  EXPECT_EQ(Of(*before, ProductFamily::kOffice365).customers,
            std::vector<CustomerId>{adatum.customer});
  EXPECT_TRUE(Of(*before, ProductFamily::kAzure).customers.empty());
  // Northwind serves nobody: it sees the services, not Adatum.
  EXPECT_TRUE(
      Of(*t.pc.ServiceHealth(t.northwind_admin), ProductFamily::kOffice365)
          .customers.empty());

  t.world.kernel().faults().Arm(
      fault_points::kServiceOutage,
      {.until = t.world.kernel().Now() + std::chrono::hours(4),
       .match = "office 365"});
  auto during = t.pc.ServiceHealth(helpdesk);
  EXPECT_FALSE(Of(*during, ProductFamily::kOffice365).healthy);
  EXPECT_TRUE(Of(*during, ProductFamily::kMicrosoft365).healthy);
  t.world.kernel().scheduler().AdvanceBy(std::chrono::hours(5));
  EXPECT_TRUE(
      Of(*t.pc.ServiceHealth(helpdesk), ProductFamily::kOffice365).healthy);
}

TEST(ServiceHealthTest, R43_AUserManagementAdminMayNotSeeIt) {
  TwoTierWorld t;
  Session uma = t.AddUser(t.fabrikam_admin, "uma@fabrikam.onmicrosoft.com",
                          AgentRole::kNone, AdminRole::kUserManagementAdmin);
  Status denied = t.pc.ServiceHealth(uma).status();
  EXPECT_EQ(denied.code(), ErrorCode::kPermissionDenied);
  EXPECT_TRUE(Mentions(denied.message(), "Customer service health"));
}

}  // namespace
}  // namespace tiersim::sim::testing
