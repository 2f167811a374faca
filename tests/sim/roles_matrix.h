// The role table's actions (tests/sim/roles_matrix_test.cc): for each
// role-gated thing a person does, the partner the acting user belongs to,
// what the seeded global admins prepare, and the call itself, run in a
// fresh TwoTierWorld per cell (the Scene). The actions are in
// roles_matrix_actions.cc; the expectations, written from SPEC.md, stay
// with the test.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "tests/common/status_matchers.h"
#include "tests/sim/fixture.h"

namespace tiersim::sim::testing {

// The partner the acting user belongs to.
enum class Home { kProvider, kReseller, kDirect };

// One cell's world: the cast, the acting user, and what `prepare` made.
struct Scene {
  Scene(Home home, AgentRole agent, AdminRole admin)
      : actor_email("actor@" + DomainOf(home)),
        actor(t.AddUser(HomeAdmin(home), actor_email, agent, admin)) {}

  std::string DomainOf(Home home) {
    switch (home) {
      case Home::kProvider:
        return "contoso.onmicrosoft.com";
      case Home::kReseller:
        return "fabrikam.onmicrosoft.com";
      case Home::kDirect:
        return "litware.onmicrosoft.com";
    }
    return "";
  }
  Session HomeAdmin(Home home) {
    if (home == Home::kProvider) return t.contoso_admin;
    if (home == Home::kReseller) return t.fabrikam_admin;
    auto direct = t.pc.SeedPartner({.direct = true,
                                    .legal_name = "Litware Direct",
                                    .domain_prefix = "litware",
                                    .mpn = MpnId(3000001),
                                    .admin_password = kPassword});
    EXPECT_THAT(direct, ::tiersim::testing::IsOk());
    return t.SignIn(direct->admin_upn);
  }

  TwoTierWorld t;
  PartnerCenter& pc = t.pc;
  std::string actor_email;
  Session actor;
  // Made by the preparations.
  CustomerId customer;
  SubscriptionId office_sub;  // o365-e3
  SubscriptionId other_sub;   // m365-e3, not Office 365
  std::string link;
  UserId target_user;
  DirectoryUserId customer_user;  // a user of the customer's tenant
  LeadId lead;                    // a referral to Fabrikam
};

struct Action {
  std::string_view name;
  Home home;
  void (*prepare)(Scene&);
  Status (*act)(Scene&);
  // R47: a denial names the missing permission and a role granting it:
  // this one (none for R46, which needs the Global admin role itself)...
  std::optional<Permission> gate;
  std::string_view granted_by;
  // ...or, where either of two permissions lets a user in, this one.
  std::optional<Permission> alt_gate;
  std::string_view alt_granted_by;
};

// Every action of the table, in a stable order.
std::span<const Action> RoleActions();

}  // namespace tiersim::sim::testing
