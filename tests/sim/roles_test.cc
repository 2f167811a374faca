// Roles beyond the table's cells (roles_matrix_test.cc): R7 account set-up,
// R44 "no agent / no admin", R45 navigation per role combination, and that a
// denied call changes nothing, including state that entity counts miss.
// Expectations are written from SPEC.md, never read from sim/roles.cc.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "tests/common/status_matchers.h"
#include "tests/sim/fixture.h"

namespace tiersim::sim::testing {
namespace {

using ::tiersim::testing::IsOk;

using ::testing::HasSubstr;

constexpr char kActor[] = "actor@fabrikam.onmicrosoft.com";

// ---- R7: finishing account set-up ----

TEST(RolesTest, R7_CompleteAccountSetupAddsAdminAgentToGlobalAdmin) {
  TwoTierWorld t;
  Session ga = t.AddUser(t.fabrikam_admin, kActor, AgentRole::kNone,
                         AdminRole::kGlobalAdmin);
  ASSERT_EQ(t.pc.Me(ga)->agent, AgentRole::kNone);

  Status done = t.pc.CompleteAccountSetup(ga);

  ASSERT_THAT(done, IsOk());
  EXPECT_EQ(t.pc.Me(ga)->agent, AgentRole::kAdminAgent);
  EXPECT_EQ(t.pc.Me(ga)->admin, AdminRole::kGlobalAdmin);
}

TEST(RolesTest, R7_NonGlobalAdminCannotCompleteAccountSetup) {
  struct Case {
    AgentRole agent;
    AdminRole admin;
  };
  for (Case c :
       {Case{AgentRole::kNone, AdminRole::kNone},
        Case{AgentRole::kAdminAgent, AdminRole::kNone},
        Case{AgentRole::kHelpdeskAgent, AdminRole::kNone},
        Case{AgentRole::kAdminAgent, AdminRole::kUserManagementAdmin},
        Case{AgentRole::kHelpdeskAgent, AdminRole::kUserManagementAdmin}}) {
    SCOPED_TRACE(std::string(AgentRoleName(c.agent)) + ", " +
                 std::string(AdminRoleName(c.admin)));
    TwoTierWorld t;
    Session user = t.AddUser(t.fabrikam_admin, kActor, c.agent, c.admin);

    Status denied = t.pc.CompleteAccountSetup(user);

    EXPECT_EQ(denied.code(), ErrorCode::kPermissionDenied) << denied.ToString();
    EXPECT_THAT(denied.message(), HasSubstr("Complete account set-up"));
    EXPECT_THAT(denied.message(), HasSubstr("Global admin"));
    EXPECT_EQ(t.pc.Me(user)->agent, c.agent);  // nothing was added
    EXPECT_EQ(t.pc.Me(user)->admin, c.admin);
  }
}

// ---- R44: "no agent" / "no admin" are valid choices ----

TEST(RolesTest, R44_NoAgentNoAdminIsValidSignsInAndIsDeniedEverythingGated) {
  TwoTierWorld t;
  t.PartnerContosoFabrikam();
  CustomerCreated c = t.AddCustomer("adatum", t.fabrikam.partner);
  // Adding such a user is accepted, and the user can sign in (AddUser does).
  Session none =
      t.AddUser(t.fabrikam_admin, kActor, AgentRole::kNone, AdminRole::kNone);
  auto me = t.pc.Me(none);
  ASSERT_THAT(me, IsOk());
  EXPECT_EQ(me->agent, AgentRole::kNone);
  EXPECT_EQ(me->admin, AdminRole::kNone);
  auto nav = t.pc.Navigation(none);
  ASSERT_THAT(nav, IsOk());
  EXPECT_TRUE(nav->empty());

  const std::vector<std::pair<std::string, Status>> calls = {
      {"Customers", t.pc.Customers(none).status()},
      {"GetCustomer", t.pc.GetCustomer(none, c.customer).status()},
      {"Subscriptions", t.pc.Subscriptions(none, c.customer).status()},
      {"SharedCustomers",
       t.pc.SharedCustomers(none, t.contoso.partner).status()},
      {"AdministerCustomer",
       t.pc.AdministerCustomer(none, c.customer).status()},
      {"Users", t.pc.Users(none).status()},
      {"AddUser", t.pc.AddUser(none, {.full_name = "X",
                                      .email = "x@fabrikam.onmicrosoft.com"})
                      .status()},
      {"PartnerProfile", t.pc.PartnerProfile(none).status()},
      {"SupportQueue", t.pc.SupportQueue(none).status()},
      {"IndirectProviders", t.pc.IndirectProviders(none).status()},
      {"RequestResellerRelationship",
       t.pc.RequestResellerRelationship(none, "someone@alpine.example")
           .status()},
      {"CompleteAccountSetup", t.pc.CompleteAccountSetup(none)},
  };
  for (const auto& [name, status] : calls) {
    EXPECT_EQ(status.code(), ErrorCode::kPermissionDenied)
        << name << ": " << status.ToString();
    EXPECT_THAT(status.message(), HasSubstr("No agent")) << name;
  }

  // A global admin may also set someone back to no roles at all.
  Session other = t.AddUser(t.fabrikam_admin, "other@fabrikam.onmicrosoft.com",
                            AgentRole::kAdminAgent, AdminRole::kNone);
  Status reset = t.pc.SetUserRoles(t.fabrikam_admin, t.pc.Me(other)->id,
                                   AgentRole::kNone, AdminRole::kNone);
  ASSERT_THAT(reset, IsOk());
  EXPECT_EQ(t.pc.Customers(other).code(), ErrorCode::kPermissionDenied);
}

// ---- R45: a user's view shows only what its roles allow ----

struct NavCase {
  AgentRole agent;
  AdminRole admin;
  std::vector<Section> sections;  // written out from SPEC.md R40-R43
};

void PrintTo(const NavCase& c, std::ostream* os) {
  *os << "(" << AgentRoleName(c.agent) << ", " << AdminRoleName(c.admin) << ")";
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

std::string NavName(const ::testing::TestParamInfo<NavCase>& info) {
  return CamelCase(AgentRoleName(info.param.agent)) + "_" +
         CamelCase(AdminRoleName(info.param.admin));
}

using S = Section;
// Customers: Admin and Helpdesk agents view customers (R40, R41), Global
// admin (R42). Indirect partners: the provider/reseller channel pages, Admin
// agent and Global admin (R42 accepts partnerships). Service health and
// Support: both agents (R40, R41) and Global admin. User management and
// Partner profile: Global admin and User management admin (R42, R43).
const std::vector<S> kAll = {S::kCustomers,      S::kIndirectPartners,
                             S::kServiceHealth,  S::kSupport,
                             S::kUserManagement, S::kPartnerProfile};
const std::vector<S> kAdminAgentSections = {S::kCustomers, S::kIndirectPartners,
                                            S::kServiceHealth, S::kSupport};
const std::vector<S> kHelpdeskSections = {S::kCustomers, S::kServiceHealth,
                                          S::kSupport};
const std::vector<S> kUserAdminSections = {S::kUserManagement,
                                           S::kPartnerProfile};

std::vector<NavCase> NavCases() {
  using Ag = AgentRole;
  using Ad = AdminRole;
  std::vector<S> helpdesk_and_users = kHelpdeskSections;
  helpdesk_and_users.insert(helpdesk_and_users.end(),
                            kUserAdminSections.begin(),
                            kUserAdminSections.end());
  return {
      {Ag::kNone, Ad::kNone, {}},
      {Ag::kNone, Ad::kGlobalAdmin, kAll},
      {Ag::kNone, Ad::kUserManagementAdmin, kUserAdminSections},
      {Ag::kAdminAgent, Ad::kNone, kAdminAgentSections},
      {Ag::kAdminAgent, Ad::kGlobalAdmin, kAll},
      {Ag::kAdminAgent, Ad::kUserManagementAdmin, kAll},
      {Ag::kHelpdeskAgent, Ad::kNone, kHelpdeskSections},
      {Ag::kHelpdeskAgent, Ad::kGlobalAdmin, kAll},
      {Ag::kHelpdeskAgent, Ad::kUserManagementAdmin, helpdesk_and_users},
  };
}

std::vector<std::string> Names(std::vector<Section> sections) {
  std::sort(sections.begin(), sections.end());
  std::vector<std::string> out;
  for (Section s : sections) out.emplace_back(SectionName(s));
  return out;
}

class NavigationTest : public ::testing::TestWithParam<NavCase> {};

TEST_P(NavigationTest, R45_ShowsExactlyTheSectionsTheRolesAllow) {
  const NavCase& c = GetParam();
  TwoTierWorld t;
  Session user = t.AddUser(t.fabrikam_admin, kActor, c.agent, c.admin);

  auto nav = t.pc.Navigation(user);

  ASSERT_THAT(nav, IsOk());
  EXPECT_EQ(Names(*nav), Names(c.sections));
}

INSTANTIATE_TEST_SUITE_P(R45, NavigationTest, ::testing::ValuesIn(NavCases()),
                         NavName);

// R45: roles are looked up at each call, so a change shows at once.
TEST(RolesTest, R45_NavigationFollowsRoleChangesImmediately) {
  TwoTierWorld t;
  Session user = t.AddUser(t.fabrikam_admin, kActor, AgentRole::kHelpdeskAgent,
                           AdminRole::kNone);
  EXPECT_EQ(Names(*t.pc.Navigation(user)), Names(kHelpdeskSections));
  ASSERT_THAT(
      t.pc.SetUserRoles(t.fabrikam_admin, t.pc.Me(user)->id, AgentRole::kNone,
                        AdminRole::kUserManagementAdmin),
      IsOk());
  EXPECT_EQ(Names(*t.pc.Navigation(user)), Names(kUserAdminSections));
}

// ---- A denied call changes nothing, not even what counts cannot see ----

TEST(RolesTest, R41_DeniedSubscriptionChangesLeaveSubscriptionsAlone) {
  TwoTierWorld t;
  t.PartnerContosoFabrikam();
  CustomerCreated c = t.AddCustomer("adatum", t.fabrikam.partner);  // O365 E3
  Session helpdesk = t.AddUser(t.contoso_admin, "desk@contoso.onmicrosoft.com",
                               AgentRole::kHelpdeskAgent, AdminRole::kNone);
  const SubscriptionId office = c.subscriptions.at(0);

  Status licenses = t.pc.ChangeLicenses(helpdesk, office, 50);
  Status contact = t.pc.SetSupportContact(helpdesk, office, t.fabrikam.partner);

  EXPECT_EQ(licenses.code(), ErrorCode::kPermissionDenied);
  EXPECT_THAT(licenses.message(), HasSubstr("Office 365"));
  EXPECT_THAT(licenses.message(), HasSubstr("Admin agent"));
  EXPECT_EQ(contact.code(), ErrorCode::kPermissionDenied);
  auto subs = t.pc.Subscriptions(helpdesk, c.customer);  // Helpdesk may view
  ASSERT_THAT(subs, IsOk());
  ASSERT_EQ(subs->size(), 1u);
  EXPECT_EQ((*subs)[0].licenses, 10);
  EXPECT_EQ((*subs)[0].support_contact, t.contoso.partner);
}

TEST(RolesTest, R40_DeniedRoleChangeByAdminAgentLeavesRolesAlone) {
  TwoTierWorld t;
  Session agent = t.AddUser(t.fabrikam_admin, kActor, AgentRole::kAdminAgent,
                            AdminRole::kNone);
  Session target = t.AddUser(t.fabrikam_admin, "sam@fabrikam.onmicrosoft.com",
                             AgentRole::kHelpdeskAgent, AdminRole::kNone);
  const std::size_t mail_before = t.world.mail().size();

  Status denied = t.pc.SetUserRoles(agent, t.pc.Me(target)->id,
                                    AgentRole::kNone, AdminRole::kGlobalAdmin);

  EXPECT_EQ(denied.code(), ErrorCode::kPermissionDenied);
  EXPECT_THAT(denied.message(), HasSubstr("Manage users"));
  EXPECT_THAT(denied.message(), HasSubstr("User management admin"));
  EXPECT_EQ(t.pc.Me(target)->agent, AgentRole::kHelpdeskAgent);
  EXPECT_EQ(t.pc.Me(target)->admin, AdminRole::kNone);
  EXPECT_EQ(t.world.mail().size(), mail_before);
}

TEST(RolesTest, R48_UserManagementAdminCannotRaiseItselfToGlobalAdmin) {
  TwoTierWorld t;
  Session uma = t.AddUser(t.fabrikam_admin, kActor, AgentRole::kNone,
                          AdminRole::kUserManagementAdmin);
  const UserId self = t.pc.Me(uma)->id;

  Status denied = t.pc.SetUserRoles(uma, self, AgentRole::kAdminAgent,
                                    AdminRole::kGlobalAdmin);

  EXPECT_EQ(denied.code(), ErrorCode::kPermissionDenied);
  EXPECT_THAT(denied.message(), HasSubstr("Grant or remove Global admin"));
  EXPECT_THAT(denied.message(), HasSubstr("Global admin"));
  EXPECT_EQ(t.pc.Me(uma)->admin, AdminRole::kUserManagementAdmin);
  EXPECT_EQ(t.pc.Me(uma)->agent, AgentRole::kNone);
  // Its other role changes are still its to make.
  EXPECT_THAT(t.pc.SetUserRoles(uma, self, AgentRole::kHelpdeskAgent,
                                AdminRole::kUserManagementAdmin),
              IsOk());
}

TEST(RolesTest, R48_OnlyAGlobalAdminCreatesOrDemotesAGlobalAdmin) {
  TwoTierWorld t;
  Session uma = t.AddUser(t.fabrikam_admin, kActor, AgentRole::kNone,
                          AdminRole::kUserManagementAdmin);
  const std::size_t users_before = t.pc.counts().users;
  auto created = t.pc.AddUser(uma, {.full_name = "Gil Moreau",
                                    .email = "gil@fabrikam.onmicrosoft.com",
                                    .admin = AdminRole::kGlobalAdmin});
  EXPECT_EQ(created.code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(t.pc.counts().users, users_before);

  Session gil = t.AddUser(t.fabrikam_admin, "gil@fabrikam.onmicrosoft.com",
                          AgentRole::kNone, AdminRole::kGlobalAdmin);
  const UserId gil_id = t.pc.Me(gil)->id;
  EXPECT_EQ(
      t.pc.SetUserRoles(uma, gil_id, AgentRole::kNone, AdminRole::kNone).code(),
      ErrorCode::kPermissionDenied);
  EXPECT_EQ(t.pc.Me(gil)->admin, AdminRole::kGlobalAdmin);
  // A Global admin may.
  EXPECT_THAT(t.pc.SetUserRoles(t.fabrikam_admin, gil_id, AgentRole::kNone,
                                AdminRole::kUserManagementAdmin),
              IsOk());
  EXPECT_EQ(t.pc.Me(gil)->admin, AdminRole::kUserManagementAdmin);
}

TEST(RolesTest, R42_DeniedAcceptLeavesTheLinkUsableForAGlobalAdmin) {
  TwoTierWorld t;
  Session agent = t.AddUser(t.fabrikam_admin, kActor, AgentRole::kAdminAgent,
                            AdminRole::kUserManagementAdmin);
  auto sent = t.pc.RequestPartnership(t.contoso_admin, t.fabrikam.admin_upn);
  ASSERT_THAT(sent, IsOk());
  const std::string link = t.LatestLink(t.fabrikam.admin_upn);

  auto denied = t.pc.AcceptPartnership(agent, link);

  EXPECT_EQ(denied.code(), ErrorCode::kPermissionDenied);
  EXPECT_THAT(denied.status().message(),
              HasSubstr("Accept partnership requests"));
  EXPECT_TRUE(t.pc.IndirectProviders(t.fabrikam_admin)->empty());
  // The link was not spent by the refused attempt.
  auto accepted = t.pc.AcceptPartnership(t.fabrikam_admin, link);
  ASSERT_THAT(accepted, IsOk());
  EXPECT_EQ(*accepted, t.contoso.partner);
}

}  // namespace
}  // namespace tiersim::sim::testing
