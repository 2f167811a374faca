// The role table's actions (see roles_matrix.h): what each one prepares and
// does. Expectations are not here: they are written from SPEC.md in
// roles_matrix_test.cc.
#include "tests/sim/roles_matrix.h"

namespace tiersim::sim::testing {
namespace {

using ::tiersim::testing::IsOk;

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

// WithCustomer, and Ada, a user of Adatum's tenant that Fabrikam added.
void WithCustomerUser(Scene& s) {
  WithCustomer(s);
  auto ada =
      s.pc.AddCustomerUser(s.t.fabrikam_admin, s.customer,
                           {.user_principal_name = "ada@adatum.onmicrosoft.com",
                            .display_name = "Ada"});
  ASSERT_THAT(ada, IsOk());
  s.customer_user = ada->user.id;
}

// Microsoft refers Tailspin to Fabrikam.
void WithLead(Scene& s) {
  auto lead = s.pc.ReferCustomer(
      s.t.fabrikam.partner,
      {.company_name = "Tailspin Toys",
       .contact = {.name = "Pat", .email = "pat@tailspin.example"}});
  ASSERT_THAT(lead, IsOk());
  s.lead = *lead;
}

template <typename T>
Status StatusOf(const Result<T>& r) {
  return r.status();
}

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
    {"RequestDelegatedAdmin", kRes, [](Scene& s) { s.t.Prospect("alpine"); },
     [](Scene& s) {
       return StatusOf(
           s.pc.RequestDelegatedAdmin(s.actor, "admin@alpine.onmicrosoft.com"));
     },
     P::kAdministerOnBehalf, "Admin agent"},
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
    {"CustomerUsers", kRes, WithCustomer,
     [](Scene& s) { return StatusOf(s.pc.CustomerUsers(s.actor, s.customer)); },
     P::kAdministerOnBehalf, "Admin agent"},
    {"AddCustomerUser", kRes, WithCustomer,
     [](Scene& s) {
       return StatusOf(s.pc.AddCustomerUser(
           s.actor, s.customer,
           {.user_principal_name = "ben@adatum.onmicrosoft.com",
            .display_name = "Ben"}));
     },
     P::kAdministerOnBehalf, "Admin agent"},
    {"UpdateUserLicenses", kRes, WithCustomerUser,
     [](Scene& s) {
       return StatusOf(s.pc.UpdateUserLicenses(
           s.actor, s.customer, s.customer_user, {.assign = {{"o365-e3"}}}));
     },
     P::kAdministerOnBehalf, "Admin agent"},
    {"RemoveCustomerUser", kRes, WithCustomerUser,
     [](Scene& s) {
       return s.pc.RemoveCustomerUser(s.actor, s.customer, s.customer_user);
     },
     P::kAdministerOnBehalf, "Admin agent"},
    {"ServiceHealth", kRes, WithCustomer,
     [](Scene& s) { return StatusOf(s.pc.ServiceHealth(s.actor)); },
     P::kServiceHealth, "Helpdesk agent"},
    {"Leads", kRes, WithLead,
     [](Scene& s) { return StatusOf(s.pc.Leads(s.actor)); },
     P::kManageCustomerLeads, "Admin agent"},
    {"AcceptLead", kRes, WithLead,
     [](Scene& s) { return StatusOf(s.pc.AcceptLead(s.actor, s.lead)); },
     P::kManageCustomerLeads, "Admin agent"},
    {"DeclineLead", kRes, WithLead,
     [](Scene& s) { return s.pc.DeclineLead(s.actor, s.lead); },
     P::kManageCustomerLeads, "Admin agent"},
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

}  // namespace

std::span<const Action> RoleActions() { return kActions; }

}  // namespace tiersim::sim::testing
