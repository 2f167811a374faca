// F4 reseller relationships (R15: asked for by providers too), F5 joint
// invitations, F6 shared customers, R26
// (who sees which customer; guessed IDs reveal nothing) and R46 (customer
// accounts outside CSP need a Global admin).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/common/status_matchers.h"
#include "tests/sim/fixture.h"
#include "tests/sim/rule_helpers.h"

namespace tiersim::sim::testing {
namespace {

using ::tiersim::testing::IsOk;

std::vector<CustomerId> Ids(const Result<std::vector<CustomerSummary>>& r) {
  std::vector<CustomerId> out;
  if (r.ok()) {
    for (const CustomerSummary& c : *r) out.push_back(c.id);
  }
  return out;
}

// The message with the first `id` replaced by "<id>".
std::string Shape(std::string message, const std::string& id) {
  if (auto at = message.find(id); at != std::string::npos) {
    message.replace(at, id.size(), "<id>");
  }
  return message;
}

class RelationshipsTest : public ::testing::Test {
 protected:
  // A new customer tenant `prefix` whose admin accepts `reseller`'s F4
  // request.
  CustomerId Relate(const Session& reseller, const std::string& prefix) {
    auto prospect = t_.Prospect(prefix);
    auto sent = pc_.RequestResellerRelationship(reseller, prospect.admin_upn);
    EXPECT_THAT(sent, IsOk());
    auto accepted = pc_.AcceptResellerInvitation(
        t_.SignIn(prospect.admin_upn), t_.LatestLink(prospect.admin_upn));
    EXPECT_THAT(accepted, IsOk());
    return accepted.ok() ? *accepted : CustomerId();
  }

  TwoTierWorld t_;
  PartnerCenter& pc_ = t_.pc;
  mocks::InProcessWorld& w_ = t_.world;
};

TEST_F(RelationshipsTest, F4_AcceptedRequestPutsCustomerOnCustomers) {
  auto prospect = t_.Prospect("adatum");
  auto sent =
      pc_.RequestResellerRelationship(t_.fabrikam_admin, prospect.admin_upn);
  ASSERT_THAT(sent, IsOk());
  const mocks::StoredMessage* m = w_.mail().Latest(prospect.admin_upn);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->email.kind, "reseller-relationship");
  EXPECT_TRUE(Mentions(m->email.subject, "Fabrikam Solutions"));
  EXPECT_TRUE(pc_.Customers(t_.fabrikam_admin)->empty());

  Session customer = t_.SignIn(prospect.admin_upn);
  auto accepted =
      pc_.AcceptResellerInvitation(customer, t_.LatestLink(prospect.admin_upn));
  ASSERT_THAT(accepted, IsOk());
  auto listed = pc_.Customers(t_.fabrikam_admin);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].id, *accepted);
  EXPECT_EQ((*listed)[0].tenant, prospect.tenant);
  EXPECT_EQ((*listed)[0].resellers,
            std::vector<PartnerId>{t_.fabrikam.partner});
  // The reseller may now manage the customer's services and users.
  EXPECT_EQ(*pc_.AdministerCustomer(t_.fabrikam_admin, *accepted),
            prospect.tenant);
  EXPECT_TRUE((*pc_.SentInvitations(t_.fabrikam_admin))[0].used);
}

TEST_F(RelationshipsTest, F4_NonGlobalAdminCustomerUserCannotAccept) {
  auto prospect = t_.Prospect("adatum");
  ASSERT_THAT(w_.directory().CreateUser(prospect.tenant,
                                        {.upn = "clerk@adatum.onmicrosoft.com",
                                         .display_name = "Clerk",
                                         .password = kPassword}),
              IsOk());
  ASSERT_THAT(
      pc_.RequestResellerRelationship(t_.fabrikam_admin, prospect.admin_upn),
      IsOk());
  const std::string link = t_.LatestLink(prospect.admin_upn);
  const Snapshot before = TakeSnapshot(w_);
  auto r = pc_.AcceptResellerInvitation(
      t_.SignIn("clerk@adatum.onmicrosoft.com"), link);
  EXPECT_EQ(r.code(), ErrorCode::kNotGlobalAdmin);
  EXPECT_TRUE(Mentions(r.status().message(), "clerk@adatum.onmicrosoft.com"));
  EXPECT_EQ(TakeSnapshot(w_), before);
  EXPECT_TRUE(pc_.Customers(t_.fabrikam_admin)->empty());
  // The global admin still can.
  EXPECT_THAT(pc_.AcceptResellerInvitation(t_.SignIn(prospect.admin_upn), link),
              IsOk());
}

TEST_F(RelationshipsTest, F4_AcceptingTwiceIsRefused) {
  auto prospect = t_.Prospect("adatum");
  ASSERT_THAT(
      pc_.RequestResellerRelationship(t_.fabrikam_admin, prospect.admin_upn),
      IsOk());
  const std::string link = t_.LatestLink(prospect.admin_upn);
  Session customer = t_.SignIn(prospect.admin_upn);
  ASSERT_THAT(pc_.AcceptResellerInvitation(customer, link), IsOk());
  const Snapshot before = TakeSnapshot(w_);
  auto again = pc_.AcceptResellerInvitation(customer, link);
  EXPECT_EQ(again.code(), ErrorCode::kInvitationUsed);
  EXPECT_EQ(TakeSnapshot(w_), before);
  EXPECT_EQ(pc_.Customers(t_.fabrikam_admin)->size(), 1u);
}

TEST_F(RelationshipsTest, F4_SecondInvitationWhenAlreadyRelatedIsRefused) {
  const CustomerId adatum = Relate(t_.fabrikam_admin, "adatum");
  auto second = pc_.RequestResellerRelationship(t_.fabrikam_admin,
                                                "admin@adatum.onmicrosoft.com");
  ASSERT_THAT(second, IsOk());
  const Snapshot before = TakeSnapshot(w_);
  auto r = pc_.AcceptResellerInvitation(
      t_.SignIn("admin@adatum.onmicrosoft.com"), second->link);
  EXPECT_EQ(r.code(), ErrorCode::kAlreadyRelated);
  EXPECT_TRUE(Mentions(r.status().message(), "Fabrikam Solutions"));
  EXPECT_EQ(TakeSnapshot(w_), before);
  EXPECT_EQ(Ids(pc_.Customers(t_.fabrikam_admin)),
            std::vector<CustomerId>{adatum});
  EXPECT_EQ(pc_.store().customers.at(adatum.value() - 1).relationships.size(),
            1u);
}

TEST_F(RelationshipsTest, F4_OnlyTheInvitedCustomerCanAccept) {
  auto adatum = t_.Prospect("adatum");
  auto wingtip = t_.Prospect("wingtip");
  ASSERT_THAT(
      pc_.RequestResellerRelationship(t_.fabrikam_admin, adatum.admin_upn),
      IsOk());
  const std::string link = t_.LatestLink(adatum.admin_upn);
  const Snapshot before = TakeSnapshot(w_);
  auto r = pc_.AcceptResellerInvitation(t_.SignIn(wingtip.admin_upn), link);
  EXPECT_EQ(r.code(), ErrorCode::kInvitationForeign);
  EXPECT_TRUE(Mentions(r.status().message(), adatum.admin_upn));
  EXPECT_EQ(pc_.AcceptResellerInvitation(t_.northwind_admin, link).code(),
            ErrorCode::kInvitationForeign);
  EXPECT_EQ(pc_.AcceptResellerInvitation(t_.SignIn(adatum.admin_upn), link,
                                         Consent::kNotGiven)
                .code(),
            ErrorCode::kAuthorizationNotGiven);
  EXPECT_EQ(TakeSnapshot(w_), before);
  EXPECT_THAT(pc_.AcceptResellerInvitation(t_.SignIn(adatum.admin_upn), link),
              IsOk());
}

TEST_F(RelationshipsTest,
       R15_ProviderEstablishesRelationshipWithExistingCustomer) {
  t_.PartnerContosoFabrikam();
  // Tailspin is Fabrikam's customer only: Contoso sees it (R26) but may not
  // order for it (R21) until it has its own relationship.
  const CustomerId tailspin = Relate(t_.fabrikam_admin, "tailspin");
  const std::vector<LineItem> items = {{.offer_id = "o365-e3", .licenses = 5}};
  EXPECT_EQ(
      pc_.PlaceOrder(t_.contoso_admin, tailspin, items, t_.fabrikam.partner)
          .code(),
      ErrorCode::kProviderNoRelationship);
  EXPECT_TRUE(pc_.Customers(t_.contoso_admin, {.reseller = t_.fabrikam.partner})
                  ->empty());
  const std::string admin = "admin@tailspin.onmicrosoft.com";
  auto sent = pc_.RequestResellerRelationship(t_.contoso_admin, admin);
  ASSERT_THAT(sent, IsOk());
  const mocks::StoredMessage* m = w_.mail().Latest(admin);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->email.kind, "reseller-relationship");
  EXPECT_TRUE(Mentions(m->email.subject, "Contoso"));
  auto accepted =
      pc_.AcceptResellerInvitation(t_.SignIn(admin), t_.LatestLink(admin));
  ASSERT_THAT(accepted, IsOk());
  EXPECT_EQ(*accepted, tailspin);  // the same customer, one more reseller
  EXPECT_EQ(
      Ids(pc_.Customers(t_.contoso_admin, {.reseller = t_.fabrikam.partner})),
      std::vector<CustomerId>{tailspin});
  EXPECT_EQ(Ids(pc_.SharedCustomers(t_.fabrikam_admin, t_.contoso.partner)),
            std::vector<CustomerId>{tailspin});
  EXPECT_THAT(
      pc_.PlaceOrder(t_.contoso_admin, tailspin, items, t_.fabrikam.partner),
      IsOk());
  EXPECT_EQ(*pc_.AdministerCustomer(t_.contoso_admin, tailspin),
            pc_.GetCustomer(t_.contoso_admin, tailspin)->tenant);
  // Asking again once related is refused, as for a reseller (F4).
  EXPECT_THAT(pc_.RequestResellerRelationship(t_.contoso_admin, admin), IsOk());
  EXPECT_EQ(pc_.AcceptResellerInvitation(t_.SignIn(admin), t_.LatestLink(admin))
                .code(),
            ErrorCode::kAlreadyRelated);
}

TEST_F(RelationshipsTest, F5_JointInvitationRelatesResellerAndProvider) {
  t_.PartnerContosoFabrikam();
  auto prospect = t_.Prospect("adatum");
  auto sent = pc_.InviteCustomerWithProvider(
      t_.fabrikam_admin, t_.contoso.partner, prospect.admin_upn);
  ASSERT_THAT(sent, IsOk());
  const mocks::StoredMessage* m = w_.mail().Latest(prospect.admin_upn);
  EXPECT_EQ(m->email.kind, "joint-invitation");
  EXPECT_TRUE(Mentions(m->email.text, "Fabrikam Solutions"));
  EXPECT_TRUE(Mentions(m->email.text, "Contoso Distribution"));
  auto accepted = pc_.AcceptResellerInvitation(
      t_.SignIn(prospect.admin_upn), t_.LatestLink(prospect.admin_upn));
  ASSERT_THAT(accepted, IsOk());
  EXPECT_EQ(Ids(pc_.Customers(t_.fabrikam_admin)),
            std::vector<CustomerId>{*accepted});
  EXPECT_EQ(Ids(pc_.Customers(t_.contoso_admin)),
            std::vector<CustomerId>{*accepted});
  // The reseller administers; the provider submits orders.
  EXPECT_THAT(pc_.AdministerCustomer(t_.fabrikam_admin, *accepted), IsOk());
  auto order = pc_.PlaceOrder(t_.contoso_admin, *accepted,
                              {{.offer_id = "o365-e3", .licenses = 10}},
                              t_.fabrikam.partner);
  ASSERT_THAT(order, IsOk());
  EXPECT_THAT(
      pc_.ChangeLicenses(t_.fabrikam_admin, order->subscriptions[0], 12),
      IsOk());
}

TEST_F(RelationshipsTest, F5_JointInvitationNeedsPartnership) {
  auto prospect = t_.Prospect("adatum");
  const Snapshot before = TakeSnapshot(w_);
  auto r = pc_.InviteCustomerWithProvider(
      t_.northwind_admin, t_.contoso.partner, prospect.admin_upn);
  EXPECT_EQ(r.code(), ErrorCode::kNotPartnered);
  EXPECT_TRUE(Mentions(r.status().message(), "Contoso Distribution"));
  EXPECT_EQ(TakeSnapshot(w_), before);
  EXPECT_EQ(w_.mail().Latest(prospect.admin_upn), nullptr);
}

TEST_F(RelationshipsTest, F6_SharedCustomersListsExactlyTheSharedOnes) {
  t_.PartnerContosoFabrikam();
  const CustomerId made =
      t_.AddCustomer("adatum", t_.fabrikam.partner).customer;
  t_.AddCustomer("wingtip");               // Contoso's own
  Relate(t_.fabrikam_admin, "tailspin");   // Fabrikam's own
  auto prospect = t_.Prospect("litware");  // shared through F5
  ASSERT_THAT(pc_.InviteCustomerWithProvider(
                  t_.fabrikam_admin, t_.contoso.partner, prospect.admin_upn),
              IsOk());
  auto joint = pc_.AcceptResellerInvitation(t_.SignIn(prospect.admin_upn),
                                            t_.LatestLink(prospect.admin_upn));
  ASSERT_THAT(joint, IsOk());
  EXPECT_EQ(Ids(pc_.SharedCustomers(t_.fabrikam_admin, t_.contoso.partner)),
            (std::vector<CustomerId>{made, *joint}));
  EXPECT_EQ(pc_.SharedCustomers(t_.northwind_admin, t_.contoso.partner).code(),
            ErrorCode::kNotPartnered);
}

TEST_F(RelationshipsTest, R26_EachPartnerSeesOnlyTheCustomersItMay) {
  t_.PartnerContosoFabrikam();
  const CustomerId a = t_.AddCustomer("adatum", t_.fabrikam.partner).customer;
  const CustomerId d = t_.AddCustomer("wingtip").customer;
  const CustomerId b = Relate(t_.fabrikam_admin, "tailspin");
  const CustomerId e = Relate(t_.northwind_admin, "litware");
  EXPECT_EQ(Ids(pc_.Customers(t_.fabrikam_admin)),
            (std::vector<CustomerId>{a, b}));
  EXPECT_EQ(Ids(pc_.Customers(t_.northwind_admin)), std::vector<CustomerId>{e});
  EXPECT_EQ(Ids(pc_.Customers(t_.contoso_admin)),
            (std::vector<CustomerId>{a, d, b}));
  EXPECT_EQ(pc_.GetCustomer(t_.contoso_admin, e).code(), ErrorCode::kNotFound);
  EXPECT_EQ(pc_.GetCustomer(t_.fabrikam_admin, d).code(), ErrorCode::kNotFound);
  EXPECT_THAT(pc_.GetCustomer(t_.contoso_admin, b), IsOk());
}

TEST_F(RelationshipsTest, R26_GuessedIdsLookExactlyLikeMissingOnes) {
  t_.PartnerContosoFabrikam();
  CustomerCreated adatum = t_.AddCustomer("adatum", t_.fabrikam.partner);
  const CustomerId theirs = adatum.customer;
  const SubscriptionId their_sub = adatum.subscriptions[0];
  const CustomerId missing(999);
  const SubscriptionId missing_sub(999);
  const Snapshot before = TakeSnapshot(w_);
  const Session& n = t_.northwind_admin;

  auto seen = pc_.GetCustomer(n, theirs);
  auto none = pc_.GetCustomer(n, missing);
  EXPECT_EQ(seen.code(), ErrorCode::kNotFound);
  EXPECT_EQ(none.code(), ErrorCode::kNotFound);
  EXPECT_EQ(Shape(seen.status().message(), theirs.ToString()),
            Shape(none.status().message(), missing.ToString()));

  auto subs = pc_.Subscriptions(n, theirs);
  auto no_subs = pc_.Subscriptions(n, missing);
  EXPECT_EQ(subs.code(), ErrorCode::kNotFound);
  EXPECT_EQ(Shape(subs.status().message(), theirs.ToString()),
            Shape(no_subs.status().message(), missing.ToString()));

  Status change = pc_.ChangeLicenses(n, their_sub, 11);
  Status no_change = pc_.ChangeLicenses(n, missing_sub, 11);
  EXPECT_EQ(change.code(), ErrorCode::kNotFound);
  EXPECT_EQ(no_change.code(), ErrorCode::kNotFound);
  EXPECT_EQ(Shape(change.message(), their_sub.ToString()),
            Shape(no_change.message(), missing_sub.ToString()));
  EXPECT_EQ(change.message().find("adatum"), std::string::npos);

  EXPECT_EQ(pc_.AdministerCustomer(n, theirs).code(), ErrorCode::kNotFound);
  EXPECT_EQ(pc_.SetSupportContact(n, their_sub, t_.northwind.partner).code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(TakeSnapshot(w_), before);
  EXPECT_EQ(pc_.store().subscriptions[their_sub.value() - 1].licenses, 10);
}

TEST_F(RelationshipsTest, R46_DelegatedAdminOnlyCustomerNeedsGlobalAdmin) {
  auto outside =
      pc_.SeedCustomerTenant({.company_name = "Tailspin",
                              .domain_prefix = "tailspin",
                              .admin_password = kPassword,
                              .served_by = {t_.fabrikam.tenant},
                              .kind = RelationshipKind::kDelegatedAdminOnly});
  ASSERT_THAT(outside, IsOk());
  const CustomerId csp = Relate(t_.fabrikam_admin, "adatum");
  auto listed = pc_.Customers(t_.fabrikam_admin);
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_TRUE((*listed)[0].delegated_admin_only);
  EXPECT_FALSE((*listed)[1].delegated_admin_only);

  auto by_global_admin =
      pc_.AdministerCustomer(t_.fabrikam_admin, outside->customer);
  ASSERT_THAT(by_global_admin, IsOk());
  EXPECT_EQ(*by_global_admin, outside->tenant);

  Session agent =
      t_.AddUser(t_.fabrikam_admin, "agent@fabrikam.onmicrosoft.com",
                 AgentRole::kAdminAgent, AdminRole::kNone);
  const Snapshot before = TakeSnapshot(w_);
  auto denied = pc_.AdministerCustomer(agent, outside->customer);
  EXPECT_EQ(denied.code(), ErrorCode::kPermissionDenied);
  EXPECT_TRUE(Mentions(denied.status().message(), "Global admin"));
  EXPECT_EQ(TakeSnapshot(w_), before);
  // The same agent administers a CSP customer.
  EXPECT_THAT(pc_.AdministerCustomer(agent, csp), IsOk());
}

TEST(VisibilityTest, R26_ProviderDoesNotSeeResellersCustomersOutsideCsp) {
  TwoTierWorld t;
  t.PartnerContosoFabrikam();
  auto outside =
      t.pc.SeedCustomerTenant({.company_name = "Litware",
                               .domain_prefix = "litware",
                               .admin_password = kPassword,
                               .served_by = {t.fabrikam.tenant},
                               .kind = RelationshipKind::kDelegatedAdminOnly});
  ASSERT_THAT(outside, IsOk());
  // Fabrikam administers Litware outside CSP; its provider Contoso does not
  // see it at all.
  EXPECT_EQ(t.pc.Customers(t.fabrikam_admin)->size(), 1u);
  EXPECT_TRUE(t.pc.Customers(t.contoso_admin)->empty());
  EXPECT_EQ(t.pc.GetCustomer(t.contoso_admin, outside->customer).code(),
            ErrorCode::kNotFound);
}

// R40/R46: delegated admin privileges alone. The customer's global admin
// accepts; the partner then administers it (Global admins only) but is not
// its reseller (R20: no subscriptions), and cannot ask twice.
TEST_F(RelationshipsTest, R46_DelegatedAdminRequestGrantsAdminRightsOnly) {
  PartnerCenter::SeededCustomer tailspin = t_.Prospect("tailspin");
  auto sent = pc_.RequestDelegatedAdmin(t_.fabrikam_admin, tailspin.admin_upn);
  ASSERT_THAT(sent, IsOk());
  const mocks::StoredMessage* mail = w_.mail().Latest(tailspin.admin_upn);
  ASSERT_NE(mail, nullptr);
  EXPECT_EQ(mail->email.kind, "delegated-admin-request");
  Session admin = t_.SignIn(tailspin.admin_upn);
  // A partnership link is not a delegated-admin one, nor the other way.
  EXPECT_EQ(pc_.AcceptPartnership(t_.northwind_admin, sent->link).code(),
            ErrorCode::kInvitationWrongPurpose);
  auto accepted = pc_.AcceptResellerInvitation(admin, sent->link);
  ASSERT_THAT(accepted, IsOk());
  const Customer& customer = pc_.store().customers[accepted->value() - 1];
  ASSERT_EQ(customer.relationships.size(), 1u);
  EXPECT_EQ(customer.relationships[0].kind,
            RelationshipKind::kDelegatedAdminOnly);
  EXPECT_THAT(pc_.AdministerCustomer(t_.fabrikam_admin, *accepted), IsOk());
  Session agent =
      t_.AddUser(t_.fabrikam_admin, "agent@fabrikam.onmicrosoft.com",
                 AgentRole::kAdminAgent, AdminRole::kNone);
  EXPECT_EQ(pc_.AdministerCustomer(agent, *accepted).code(),
            ErrorCode::kPermissionDenied);  // R46
  // Administering covers its users (R46: a Global admin).
  EXPECT_THAT(pc_.AddCustomerUser(
                  t_.fabrikam_admin, *accepted,
                  {.user_principal_name = "ada@tailspin.onmicrosoft.com",
                   .display_name = "Ada"}),
              IsOk());
  auto again = pc_.RequestDelegatedAdmin(t_.fabrikam_admin, tailspin.admin_upn);
  ASSERT_THAT(again, IsOk());
  EXPECT_EQ(pc_.AcceptResellerInvitation(admin, again->link).code(),
            ErrorCode::kAlreadyRelated);
}

}  // namespace
}  // namespace tiersim::sim::testing
