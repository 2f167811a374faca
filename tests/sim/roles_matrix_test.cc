// The role table of SPEC.md (R40-R43) cell by cell, through the real core:
// every role-gated action x every one of the 9 combinations of agent role
// {none, Admin agent, Helpdesk agent} x admin role {none, Global admin,
// User management admin}. Each cell runs in a fresh TwoTierWorld: the seeded
// global admins prepare what the action needs, then a user holding exactly
// the cell's roles acts. An allowed cell must succeed; a denied one must fail
// with kPermissionDenied, name the missing permission and a role that grants
// it (R47), and change nothing.
//
// The expectations below are written from SPEC.md's table, not read from
// sim/roles.cc, so the test fails when the core's reading drifts from SPEC.
#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <iterator>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "tests/common/status_matchers.h"
#include "tests/sim/fixture.h"

namespace tiersim::sim::testing {
namespace {

using ::tiersim::testing::IsOk;

// Who may do what, per SPEC.md R40-R43 (and R7, R46 where named). A user may
// if ANY of their roles may. Columns: Admin agent, Helpdesk agent, Global
// admin, User management admin.
struct Expected {
  std::string_view action;
  bool admin_agent;
  bool helpdesk_agent;
  bool global_admin;
  bool user_management_admin;
};

// clang-format off
constexpr Expected kExpected[] = {
  //                                       Admin  Helpdesk Global User mgmt
  //                                       agent  agent    admin  admin
  // Provider's channel work. SPEC names no role for requesting a partnership
  // or for the Indirect resellers/providers pages; our reading: part of an
  // Admin agent's "manage customers, orders" (R40), never Helpdesk (R41).
  {"RequestPartnership",                   true,  false,   true,  false},
  {"IndirectResellers",                    true,  false,   true,  false},
  {"IndirectProviders",                    true,  false,   true,  false},
  {"AcceptPartnership",                    false, false,   true,  false},  // R42
  {"AdministerResellerTenant",             true,  false,   true,  false},  // R13, R40
  // Users: R42, R43; Admin agents may not (R40).
  {"AddUser",                              false, false,   true,  true},
  {"Users",                                false, false,   true,  true},
  {"SetUserRoles",                         false, false,   true,  true},
  // R48: only a Global admin grants or removes Global admin.
  {"AddGlobalAdmin",                       false, false,   true,  false},
  {"GrantGlobalAdmin",                     false, false,   true,  false},
  {"RemoveGlobalAdmin",                    false, false,   true,  false},
  // Customers, orders, subscriptions: R40; Helpdesk only views (R41).
  {"BeginAddCustomer",                     true,  false,   true,  false},
  {"CreateCustomer",                       true,  false,   true,  false},
  {"PlaceOrder",                           true,  false,   true,  false},
  {"Customers",                            true,  true,    true,  false},
  {"GetCustomer",                          true,  true,    true,  false},
  {"Subscriptions",                        true,  true,    true,  false},
  {"SharedCustomers",                      true,  true,    true,  false},
  // Subscription management: Helpdesk too, except Office 365 (R41).
  {"ChangeLicenses",                       true,  true,    true,  false},
  {"ChangeLicensesOffice365",              true,  false,   true,  false},
  {"SetSupportContact",                    true,  true,    true,  false},
  {"SetSupportContactOffice365",           true,  false,   true,  false},
  // F8's changes to existing subscriptions are subscription management too.
  {"AddLicenses",                          true,  true,    true,  false},
  {"AddLicensesOffice365",                 true,  false,   true,  false},
  {"UpgradeSubscription",                  true,  true,    true,  false},
  {"UpgradeSubscriptionOffice365",         true,  false,   true,  false},
  {"SetSubscriptionReseller",              true,  true,    true,  false},
  // R14: each side ends a partnership with the permission it entered with.
  {"EndPartnership",                       true,  false,   true,  false},
  {"EndPartnershipAsReseller",             false, false,   true,  false},
  {"EndResellerRelationship",              true,  false,   true,  false},
  // Service requests on behalf of customers: R40, R41 (not O365 for Helpdesk).
  {"FileSupportRequestOnBehalf",           true,  true,    true,  false},
  {"FileSupportRequestOnBehalfOffice365",  true,  false,   true,  false},
  {"SupportQueue",                         true,  true,    true,  false},
  // Customer relationships: R40 yes, R41 explicitly no.
  {"RequestResellerRelationship",          true,  false,   true,  false},
  {"InviteCustomerWithProvider",           true,  false,   true,  false},
  {"AdministerCustomer",                   true,  false,   true,  false},
  {"AdministerCustomerOutsideCsp",         false, false,   true,  false},  // R46
  // Partner Center support requests (F2 listing change): R42, not R40.
  {"RequestListingChange",                 false, false,   true,  false},
  // Partner profiles: R43, R42; Helpdesk explicitly not (R41).
  {"PartnerProfile",                       false, false,   true,  true},
  // Account set-up and F1b: a global admin's job (R5, R7).
  {"CompleteAccountSetup",                 false, false,   true,  false},
  {"AddResellerAccount",                   false, false,   true,  false},
};
// clang-format on

const Expected& ExpectedFor(std::string_view action) {
  for (const Expected& e : kExpected) {
    if (e.action == action) return e;
  }
  ADD_FAILURE() << "no expectation row for " << action;
  std::abort();
}

bool MayDo(const Expected& e, AgentRole agent, AdminRole admin) {
  return (agent == AgentRole::kAdminAgent && e.admin_agent) ||
         (agent == AgentRole::kHelpdeskAgent && e.helpdesk_agent) ||
         (admin == AdminRole::kGlobalAdmin && e.global_admin) ||
         (admin == AdminRole::kUserManagementAdmin && e.user_management_admin);
}

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
    EXPECT_THAT(direct, IsOk());
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
};

void Partnered(Scene& s) { s.t.PartnerContosoFabrikam(); }

// Sam, a Fabrikam user whose roles the action changes; a Global admin when
// `admin` says so (then removing it is not refused as the last one's).
void AddTarget(Scene& s, AdminRole admin) {
  auto added =
      s.pc.AddUser(s.t.fabrikam_admin, {.full_name = "Sam Target",
                                        .email = "sam@fabrikam.onmicrosoft.com",
                                        .admin = admin});
  ASSERT_THAT(added, IsOk());
  s.target_user = added->id;
}
void WithTarget(Scene& s) { AddTarget(s, AdminRole::kNone); }
void WithGlobalAdminTarget(Scene& s) { AddTarget(s, AdminRole::kGlobalAdmin); }

// Contoso and Fabrikam partnered; customer Adatum of both, with an Office
// 365 E3 subscription (F7) and a Microsoft 365 E3 one (F8).
void WithCustomer(Scene& s) {
  Partnered(s);
  CustomerCreated c = s.t.AddCustomer("adatum", s.t.fabrikam.partner);
  s.customer = c.customer;
  s.office_sub = c.subscriptions.at(0);
  auto order = s.pc.PlaceOrder(s.t.contoso_admin, c.customer,
                               {{.offer_id = "m365-e3", .licenses = 5}},
                               s.t.fabrikam.partner);
  ASSERT_THAT(order, IsOk());
  s.other_sub = order->subscriptions.at(0);
}

template <typename T>
Status StatusOf(const Result<T>& r) {
  return r.status();
}

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

using P = Permission;
constexpr Home kProv = Home::kProvider;
constexpr Home kRes = Home::kReseller;

const Action kActions[] = {
    {"RequestPartnership", kProv, nullptr,
     [](Scene& s) {
       return StatusOf(
           s.pc.RequestPartnership(s.actor, s.t.fabrikam.admin_upn));
     },
     P::kManagePartnerships, "Admin agent"},
    {"IndirectResellers", kProv, Partnered,
     [](Scene& s) { return StatusOf(s.pc.IndirectResellers(s.actor)); },
     P::kManagePartnerships, "Admin agent", P::kAcceptPartnership,
     "Global admin"},
    {"IndirectProviders", kRes, Partnered,
     [](Scene& s) { return StatusOf(s.pc.IndirectProviders(s.actor)); },
     P::kManagePartnerships, "Admin agent", P::kAcceptPartnership,
     "Global admin"},
    {"AcceptPartnership", kRes,
     [](Scene& s) {
       auto sent = s.pc.RequestPartnership(s.t.contoso_admin, s.actor_email);
       ASSERT_THAT(sent, IsOk());
       s.link = s.t.LatestLink(s.actor_email);
     },
     [](Scene& s) { return StatusOf(s.pc.AcceptPartnership(s.actor, s.link)); },
     P::kAcceptPartnership, "Global admin"},
    {"AdministerResellerTenant", kProv, Partnered,
     [](Scene& s) {
       return StatusOf(
           s.pc.AdministerResellerTenant(s.actor, s.t.fabrikam.partner));
     },
     P::kAdministerOnBehalf, "Admin agent"},
    {"AddUser", kRes, nullptr,
     [](Scene& s) {
       return StatusOf(
           s.pc.AddUser(s.actor, {.full_name = "Robin New",
                                  .email = "robin@fabrikam.onmicrosoft.com",
                                  .agent = AgentRole::kHelpdeskAgent}));
     },
     P::kManageUsers, "User management admin"},
    {"Users", kRes, nullptr,
     [](Scene& s) { return StatusOf(s.pc.Users(s.actor)); }, P::kManageUsers,
     "User management admin"},
    {"SetUserRoles", kRes, WithTarget,
     [](Scene& s) {
       return s.pc.SetUserRoles(s.actor, s.target_user,
                                AgentRole::kHelpdeskAgent, AdminRole::kNone);
     },
     P::kManageUsers, "User management admin"},
    {"AddGlobalAdmin", kRes, nullptr,
     [](Scene& s) {
       return StatusOf(
           s.pc.AddUser(s.actor, {.full_name = "Robin New",
                                  .email = "robin@fabrikam.onmicrosoft.com",
                                  .admin = AdminRole::kGlobalAdmin}));
     },
     // Without Manage users the denial names that permission first.
     P::kManageGlobalAdmins, "Global admin", P::kManageUsers,
     "User management admin"},
    {"GrantGlobalAdmin", kRes, WithTarget,
     [](Scene& s) {
       return s.pc.SetUserRoles(s.actor, s.target_user, AgentRole::kNone,
                                AdminRole::kGlobalAdmin);
     },
     // Without Manage users the denial names that permission first.
     P::kManageGlobalAdmins, "Global admin", P::kManageUsers,
     "User management admin"},
    {"RemoveGlobalAdmin", kRes, WithGlobalAdminTarget,
     [](Scene& s) {
       return s.pc.SetUserRoles(s.actor, s.target_user, AgentRole::kNone,
                                AdminRole::kUserManagementAdmin);
     },
     // Without Manage users the denial names that permission first.
     P::kManageGlobalAdmins, "Global admin", P::kManageUsers,
     "User management admin"},
    {"BeginAddCustomer", kProv, Partnered,
     [](Scene& s) {
       return StatusOf(s.pc.BeginAddCustomer(s.actor, s.t.fabrikam.partner));
     },
     P::kManageCustomers, "Admin agent"},
    {"CreateCustomer", kProv, Partnered,
     [](Scene& s) {
       return StatusOf(s.pc.CreateCustomer(
           s.actor, s.t.fabrikam.partner,
           {.company_name = "Wingtip Ltd",
            .domain_prefix = "wingtip",
            .country = "US",
            .contact = {.name = "Lee", .email = "lee@wingtip.example"}},
           {{.offer_id = "o365-e3", .licenses = 3}}));
     },
     P::kManageCustomers, "Admin agent"},
    {"PlaceOrder", kProv, WithCustomer,
     [](Scene& s) {
       return StatusOf(s.pc.PlaceOrder(s.actor, s.customer,
                                       {{.offer_id = "ems-e3", .licenses = 7}},
                                       s.t.fabrikam.partner));
     },
     P::kPlaceOrders, "Admin agent"},
    {"Customers", kProv, WithCustomer,
     [](Scene& s) { return StatusOf(s.pc.Customers(s.actor)); },
     P::kViewCustomers, "Helpdesk agent"},
    {"GetCustomer", kProv, WithCustomer,
     [](Scene& s) { return StatusOf(s.pc.GetCustomer(s.actor, s.customer)); },
     P::kViewCustomers, "Helpdesk agent"},
    {"Subscriptions", kProv, WithCustomer,
     [](Scene& s) { return StatusOf(s.pc.Subscriptions(s.actor, s.customer)); },
     P::kViewCustomers, "Helpdesk agent"},
    {"SharedCustomers", kRes, WithCustomer,
     [](Scene& s) {
       return StatusOf(s.pc.SharedCustomers(s.actor, s.t.contoso.partner));
     },
     P::kViewCustomers, "Helpdesk agent"},
    {"ChangeLicenses", kProv, WithCustomer,
     [](Scene& s) { return s.pc.ChangeLicenses(s.actor, s.other_sub, 20); },
     P::kManageSubscriptions, "Helpdesk agent"},
    {"ChangeLicensesOffice365", kProv, WithCustomer,
     [](Scene& s) { return s.pc.ChangeLicenses(s.actor, s.office_sub, 20); },
     P::kManageOffice365Subscriptions, "Admin agent"},
    {"SetSupportContact", kProv, WithCustomer,
     [](Scene& s) {
       return s.pc.SetSupportContact(s.actor, s.other_sub,
                                     s.t.fabrikam.partner);
     },
     P::kManageSubscriptions, "Helpdesk agent"},
    {"SetSupportContactOffice365", kProv, WithCustomer,
     [](Scene& s) {
       return s.pc.SetSupportContact(s.actor, s.office_sub,
                                     s.t.fabrikam.partner);
     },
     P::kManageOffice365Subscriptions, "Admin agent"},
    {"AddLicenses", kProv, WithCustomer,
     [](Scene& s) { return s.pc.AddLicenses(s.actor, s.other_sub, 2); },
     P::kManageSubscriptions, "Helpdesk agent"},
    {"AddLicensesOffice365", kProv, WithCustomer,
     [](Scene& s) { return s.pc.AddLicenses(s.actor, s.office_sub, 2); },
     P::kManageOffice365Subscriptions, "Admin agent"},
    {"UpgradeSubscription", kProv, WithCustomer,
     [](Scene& s) {
       return s.pc.UpgradeSubscription(s.actor, s.other_sub, "m365-e5");
     },
     P::kManageSubscriptions, "Helpdesk agent"},
    {"UpgradeSubscriptionOffice365", kProv, WithCustomer,
     [](Scene& s) {
       return s.pc.UpgradeSubscription(s.actor, s.office_sub, "o365-e5");
     },
     P::kManageOffice365Subscriptions, "Admin agent"},
    {"SetSubscriptionReseller", kProv, WithCustomer,
     [](Scene& s) {
       return s.pc.SetSubscriptionReseller(s.actor, s.other_sub,
                                           s.t.fabrikam.partner);
     },
     P::kManageSubscriptions, "Helpdesk agent"},
    {"EndPartnership", kProv, Partnered,
     [](Scene& s) {
       return s.pc.EndPartnership(s.actor, s.t.fabrikam.partner);
     },
     P::kManagePartnerships, "Admin agent", P::kAcceptPartnership,
     "Global admin"},
    {"EndPartnershipAsReseller", kRes, Partnered,
     [](Scene& s) { return s.pc.EndPartnership(s.actor, s.t.contoso.partner); },
     P::kAcceptPartnership, "Global admin", P::kManagePartnerships,
     "Admin agent"},
    {"EndResellerRelationship", kRes, WithCustomer,
     [](Scene& s) { return s.pc.EndResellerRelationship(s.actor, s.customer); },
     P::kRequestCustomerRelationship, "Admin agent"},
    {"FileSupportRequestOnBehalf", kProv, WithCustomer,
     [](Scene& s) {
       return StatusOf(
           s.pc.FileSupportRequestOnBehalf(s.actor, s.other_sub, "MFA loop"));
     },
     P::kCustomerSupportRequests, "Helpdesk agent"},
    {"FileSupportRequestOnBehalfOffice365", kProv, WithCustomer,
     [](Scene& s) {
       return StatusOf(
           s.pc.FileSupportRequestOnBehalf(s.actor, s.office_sub, "No mail"));
     },
     P::kCustomerSupportRequests, "Helpdesk agent",
     P::kManageOffice365Subscriptions, "Admin agent"},
    {"SupportQueue", kProv, WithCustomer,
     [](Scene& s) { return StatusOf(s.pc.SupportQueue(s.actor)); },
     P::kCustomerSupportRequests, "Helpdesk agent"},
    {"RequestResellerRelationship", kRes,
     [](Scene& s) { s.t.Prospect("alpine"); },
     [](Scene& s) {
       return StatusOf(s.pc.RequestResellerRelationship(
           s.actor, "admin@alpine.onmicrosoft.com"));
     },
     P::kRequestCustomerRelationship, "Admin agent"},
    {"InviteCustomerWithProvider", kRes,
     [](Scene& s) {
       Partnered(s);
       s.t.Prospect("alpine");
     },
     [](Scene& s) {
       return StatusOf(s.pc.InviteCustomerWithProvider(
           s.actor, s.t.contoso.partner, "admin@alpine.onmicrosoft.com"));
     },
     P::kRequestCustomerRelationship, "Admin agent"},
    {"AdministerCustomer", kRes, WithCustomer,
     [](Scene& s) {
       return StatusOf(s.pc.AdministerCustomer(s.actor, s.customer));
     },
     P::kAdministerOnBehalf, "Admin agent"},
    {"AdministerCustomerOutsideCsp", kRes,
     [](Scene& s) {
       auto seeded = s.pc.SeedCustomerTenant(
           {.company_name = "Tailspin",
            .domain_prefix = "tailspin",
            .admin_password = kPassword,
            .served_by = {s.t.fabrikam.tenant},
            .kind = RelationshipKind::kDelegatedAdminOnly});
       ASSERT_THAT(seeded, IsOk());
       s.customer = seeded->customer;
     },
     [](Scene& s) {
       return StatusOf(s.pc.AdministerCustomer(s.actor, s.customer));
     },
     std::nullopt, "Global admin"},
    {"RequestListingChange", kProv, nullptr,
     [](Scene& s) {
       return StatusOf(s.pc.RequestListingChange(
           s.actor, {.company_name = "Contoso Distribution Worldwide"}));
     },
     P::kFilePartnerSupportRequest, "Global admin"},
    {"PartnerProfile", kRes, nullptr,
     [](Scene& s) { return StatusOf(s.pc.PartnerProfile(s.actor)); },
     P::kViewPartnerProfile, "User management admin"},
    {"CompleteAccountSetup", kRes, nullptr,
     [](Scene& s) { return s.pc.CompleteAccountSetup(s.actor); },
     P::kCompleteAccountSetup, "Global admin"},
    {"AddResellerAccount", Home::kDirect, nullptr,
     [](Scene& s) {
       return s.pc.AddResellerAccount(
           s.actor, {.name = "Litware Help", .email = "help@litware.example"});
     },
     P::kCompleteAccountSetup, "Global admin"},
};

struct Cell {
  const Action* action;
  AgentRole agent;
  AdminRole admin;
};

void PrintTo(const Cell& c, std::ostream* os) {
  *os << c.action->name << " by (" << AgentRoleName(c.agent) << ", "
      << AdminRoleName(c.admin) << ")";
}

std::vector<Cell> AllCells() {
  std::vector<Cell> cells;
  for (const Action& action : kActions) {
    for (AgentRole agent : {AgentRole::kNone, AgentRole::kAdminAgent,
                            AgentRole::kHelpdeskAgent}) {
      for (AdminRole admin : {AdminRole::kNone, AdminRole::kGlobalAdmin,
                              AdminRole::kUserManagementAdmin}) {
        cells.push_back({&action, agent, admin});
      }
    }
  }
  return cells;
}

// "Admin agent" -> "AdminAgent".
std::string CamelCase(std::string_view role_name) {
  std::string out;
  bool upper = true;
  for (char c : role_name) {
    if (c == ' ') {
      upper = true;
      continue;
    }
    out += upper
               ? static_cast<char>(std::toupper(static_cast<unsigned char>(c)))
               : c;
    upper = false;
  }
  return out;
}

std::string CellName(const ::testing::TestParamInfo<Cell>& info) {
  return std::string(info.param.action->name) + "_" +
         CamelCase(AgentRoleName(info.param.agent)) + "_" +
         CamelCase(AdminRoleName(info.param.admin));
}

std::string Describe(const PartnerCenter::Counts& c) {
  return "partners=" + std::to_string(c.partners) +
         " users=" + std::to_string(c.users) +
         " customers=" + std::to_string(c.customers) +
         " subscriptions=" + std::to_string(c.subscriptions) +
         " orders=" + std::to_string(c.orders) +
         " invitations=" + std::to_string(c.invitations) +
         " drafts=" + std::to_string(c.drafts) +
         " secrets=" + std::to_string(c.secrets) +
         " support_requests=" + std::to_string(c.support_requests);
}

class RoleTableTest : public ::testing::TestWithParam<Cell> {};

TEST_P(RoleTableTest, R4x_RoleTableCell) {
  const Cell& cell = GetParam();
  const Action& action = *cell.action;
  const bool allowed = MayDo(ExpectedFor(action.name), cell.agent, cell.admin);
  Scene s(action.home, cell.agent, cell.admin);
  if (action.prepare != nullptr) action.prepare(s);
  ASSERT_FALSE(HasFailure()) << "preparing " << action.name << " failed";

  const std::string before = Describe(s.pc.counts());
  const std::size_t mail_before = s.t.world.mail().size();
  const Status status = action.act(s);

  if (allowed) {
    EXPECT_THAT(status, IsOk())
        << action.name << " should be allowed: " << status.ToString();
    return;
  }
  ASSERT_EQ(status.code(), ErrorCode::kPermissionDenied)
      << action.name << " should be denied: " << status.ToString();
  // R47: the denial names the missing permission and a role granting it.
  const std::string& message = status.message();
  auto names = [&](std::optional<Permission> p, std::string_view role) {
    return (!p.has_value() ||
            message.find(Info(*p).name) != std::string::npos) &&
           message.find(role) != std::string::npos;
  };
  EXPECT_TRUE(names(action.gate, action.granted_by) ||
              (action.alt_gate.has_value() &&
               names(action.alt_gate, action.alt_granted_by)))
      << "R47: the denial should name '"
      << (action.gate ? Info(*action.gate).name : "") << "' and "
      << action.granted_by << ": " << message;
  // A denied call changes nothing.
  EXPECT_EQ(Describe(s.pc.counts()), before);
  EXPECT_EQ(s.t.world.mail().size(), mail_before);
}

INSTANTIATE_TEST_SUITE_P(R40ToR43, RoleTableTest,
                         ::testing::ValuesIn(AllCells()), CellName);

// Every action has exactly one expectation row, and every row an action.
TEST(RoleTableCoverageTest, R40ToR43_ExpectationTableCoversEveryAction) {
  for (const Action& action : kActions) {
    int rows = 0;
    for (const Expected& e : kExpected) rows += e.action == action.name;
    EXPECT_EQ(rows, 1) << action.name;
  }
  EXPECT_EQ(std::size(kExpected), std::size(kActions));
}

}  // namespace
}  // namespace tiersim::sim::testing
