// R14: either side ends a partnership, after which the provider can no
// longer act for the reseller (R10) and subscriptions keep their history; a
// partner ends its reseller relationship with a customer, after which it
// neither lists nor manages the customer (R20, R26); the customer's admin
// removes a partner from its side.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/common/status_matchers.h"
#include "tests/sim/fixture.h"
#include "tests/sim/rule_helpers.h"

namespace tiersim::sim::testing {
namespace {

using ::tiersim::testing::IsOk;

class EndingsTest : public ::testing::Test {
 protected:
  EndingsTest() {
    t_.PartnerContosoFabrikam();
    adatum_ = t_.AddCustomer("adatum", t_.fabrikam.partner);
    sub_ = adatum_.subscriptions[0];
  }

  const Subscription& Sub() {
    return pc_.store().subscriptions[sub_.value() - 1];
  }

  TwoTierWorld t_;
  PartnerCenter& pc_ = t_.pc;
  mocks::InProcessWorld& w_ = t_.world;
  CustomerCreated adatum_;
  SubscriptionId sub_;
};

TEST_F(EndingsTest, R14_TheResellerEndsThePartnership) {
  ASSERT_THAT(
      pc_.SetSupportContact(t_.contoso_admin, sub_, t_.fabrikam.partner),
      IsOk());
  ASSERT_THAT(pc_.EndPartnership(t_.fabrikam_admin, t_.contoso.partner),
              IsOk());
  // Neither page lists the other any more; the provider was told.
  EXPECT_TRUE(pc_.IndirectResellers(t_.contoso_admin)->empty());
  EXPECT_TRUE(pc_.IndirectProviders(t_.fabrikam_admin)->empty());
  const mocks::StoredMessage* m = w_.mail().Latest(t_.contoso.admin_upn);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->email.kind, "partnership-ended");
  EXPECT_TRUE(Mentions(m->email.subject, "Fabrikam"));
  // R10: the provider can no longer act for the reseller.
  const Snapshot before = TakeSnapshot(w_);
  EXPECT_EQ(pc_.BeginAddCustomer(t_.contoso_admin, t_.fabrikam.partner).code(),
            ErrorCode::kNotPartnered);
  EXPECT_EQ(pc_.PlaceOrder(t_.contoso_admin, adatum_.customer,
                           {{.offer_id = "o365-e3", .licenses = 5}},
                           t_.fabrikam.partner)
                .code(),
            ErrorCode::kNotPartnered);
  EXPECT_EQ(pc_.AdministerResellerTenant(t_.contoso_admin, t_.fabrikam.partner)
                .code(),
            ErrorCode::kNotPartnered);
  EXPECT_EQ(TakeSnapshot(w_), before);
  // The subscription keeps its history; its support went back to Contoso.
  EXPECT_EQ(Sub().provider, t_.contoso.partner);
  EXPECT_EQ(Sub().reseller_of_record, t_.fabrikam.partner);
  EXPECT_EQ(Sub().support_contact, t_.contoso.partner);
  // The former reseller of record still sees it but may not change it; the
  // provider still may.
  EXPECT_EQ(pc_.Subscriptions(t_.fabrikam_admin, adatum_.customer)->size(), 1u);
  Status s = pc_.ChangeLicenses(t_.fabrikam_admin, sub_, 20);
  EXPECT_EQ(s.code(), ErrorCode::kNotSubscriptionSeller);
  EXPECT_TRUE(Mentions(s.message(), "no longer partnered with Contoso"));
  EXPECT_THAT(pc_.ChangeLicenses(t_.contoso_admin, sub_, 20), IsOk());
  // A new partnership restores it all.
  t_.Partner(t_.contoso_admin, t_.fabrikam_admin, t_.fabrikam.admin_upn);
  EXPECT_THAT(pc_.ChangeLicenses(t_.fabrikam_admin, sub_, 21), IsOk());
}

TEST_F(EndingsTest, R14_TheProviderEndsThePartnershipWithItsOwnPermission) {
  Session helpdesk =
      t_.AddUser(t_.contoso_admin, "help@contoso.onmicrosoft.com",
                 AgentRole::kHelpdeskAgent, AdminRole::kNone);
  const Snapshot before = TakeSnapshot(w_);
  EXPECT_EQ(pc_.EndPartnership(helpdesk, t_.fabrikam.partner).code(),
            ErrorCode::kPermissionDenied);
  Status none = pc_.EndPartnership(t_.contoso_admin, t_.northwind.partner);
  EXPECT_EQ(none.code(), ErrorCode::kNotPartnered);
  EXPECT_TRUE(Mentions(none.message(), "Northwind"));
  EXPECT_EQ(TakeSnapshot(w_), before);
  ASSERT_THAT(pc_.EndPartnership(t_.contoso_admin, t_.fabrikam.partner),
              IsOk());
  EXPECT_EQ(w_.mail().Latest(t_.fabrikam.admin_upn)->email.kind,
            "partnership-ended");
  EXPECT_EQ(pc_.EndPartnership(t_.contoso_admin, t_.fabrikam.partner).code(),
            ErrorCode::kNotPartnered);
}

TEST_F(EndingsTest, R14_AnEndedRelationshipTakesTheCustomerOffTheList) {
  ASSERT_THAT(
      pc_.SetSupportContact(t_.contoso_admin, sub_, t_.fabrikam.partner),
      IsOk());
  ASSERT_THAT(pc_.EndResellerRelationship(t_.fabrikam_admin, adatum_.customer),
              IsOk());
  EXPECT_TRUE(pc_.Customers(t_.fabrikam_admin)->empty());
  EXPECT_EQ(pc_.GetCustomer(t_.fabrikam_admin, adatum_.customer).code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(pc_.ChangeLicenses(t_.fabrikam_admin, sub_, 20).code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(
      pc_.EndResellerRelationship(t_.fabrikam_admin, adatum_.customer).code(),
      ErrorCode::kNotFound);
  // Contoso still serves Adatum, but no longer together with Fabrikam.
  EXPECT_EQ(pc_.Customers(t_.contoso_admin)->size(), 1u);
  EXPECT_TRUE(pc_.Customers(t_.contoso_admin, {.reseller = t_.fabrikam.partner})
                  ->empty());
  EXPECT_EQ(pc_.PlaceOrder(t_.contoso_admin, adatum_.customer,
                           {{.offer_id = "o365-e3", .licenses = 5}},
                           t_.fabrikam.partner)
                .code(),
            ErrorCode::kResellerNotAssociated);
  EXPECT_EQ(Sub().reseller_of_record, t_.fabrikam.partner);  // history
  EXPECT_EQ(Sub().support_contact, t_.contoso.partner);      // R25
}

TEST_F(EndingsTest, R14_TheCustomerRemovesAPartnerFromItsSide) {
  auto wingtip = pc_.SeedCustomerTenant(
      {.company_name = "Wingtip Toys",
       .domain_prefix = "wingtip",
       .admin_password = kPassword,
       .served_by = {t_.contoso.tenant, t_.fabrikam.tenant}});
  ASSERT_THAT(wingtip, IsOk());
  Session admin = t_.SignIn(wingtip->admin_upn);
  auto order = pc_.PlaceOrder(t_.contoso_admin, wingtip->customer,
                              {{.offer_id = "m365-e3", .licenses = 5}},
                              t_.fabrikam.partner);
  ASSERT_THAT(order, IsOk());
  const SubscriptionId sub = order->subscriptions[0];
  ASSERT_THAT(pc_.SetSupportContact(t_.contoso_admin, sub, t_.fabrikam.partner),
              IsOk());
  auto partners = pc_.PartnerRelationships(admin);
  ASSERT_THAT(partners, IsOk());
  ASSERT_EQ(partners->size(), 2u);
  EXPECT_EQ(partners->back().partner.name, "Fabrikam Solutions");

  ASSERT_THAT(pc_.RemovePartnerRelationship(admin, t_.fabrikam.partner),
              IsOk());
  EXPECT_EQ(pc_.GetCustomer(t_.fabrikam_admin, wingtip->customer).code(),
            ErrorCode::kNotFound);
  const Subscription& s = pc_.store().subscriptions[sub.value() - 1];
  EXPECT_EQ(s.support_contact, t_.contoso.partner);      // R25
  EXPECT_EQ(s.reseller_of_record, t_.fabrikam.partner);  // history
  const mocks::StoredMessage* mail = w_.mail().Latest(t_.fabrikam.admin_upn);
  ASSERT_NE(mail, nullptr);
  EXPECT_EQ(mail->email.kind, "relationship-ended");
  EXPECT_TRUE(Mentions(mail->email.subject, "Wingtip Toys removed Fabrikam"));

  const Snapshot before = TakeSnapshot(w_);
  Status again = pc_.RemovePartnerRelationship(admin, t_.fabrikam.partner);
  EXPECT_EQ(again.code(), ErrorCode::kNoResellerRelationship);
  EXPECT_TRUE(Mentions(again.message(), "Fabrikam Solutions"));
  // Only the customer's global admin, and only for its own organisation.
  EXPECT_EQ(pc_.PartnerRelationships(t_.fabrikam_admin).code(),
            ErrorCode::kNotFound);
  ASSERT_THAT(w_.directory().CreateUser(wingtip->tenant,
                                        {.upn = "kim@wingtip.onmicrosoft.com",
                                         .display_name = "Kim",
                                         .password = kPassword}),
              IsOk());
  EXPECT_EQ(pc_.RemovePartnerRelationship(
                   t_.SignIn("kim@wingtip.onmicrosoft.com"), t_.contoso.partner)
                .code(),
            ErrorCode::kNotGlobalAdmin);
  EXPECT_EQ(TakeSnapshot(w_).counts, before.counts);
  EXPECT_EQ(pc_.PartnerRelationships(admin)->size(), 1u);
}

TEST_F(EndingsTest, R20_AProviderThatEndedItsRelationshipCannotManage) {
  ASSERT_THAT(pc_.EndResellerRelationship(t_.contoso_admin, adatum_.customer),
              IsOk());
  // Contoso sees Adatum through Fabrikam (R26) and its own subscription,
  // but without a reseller relationship it may not change it.
  ASSERT_THAT(pc_.GetCustomer(t_.contoso_admin, adatum_.customer), IsOk());
  const Snapshot before = TakeSnapshot(w_);
  Status s = pc_.ChangeLicenses(t_.contoso_admin, sub_, 20);
  EXPECT_EQ(s.code(), ErrorCode::kNoResellerRelationship);
  EXPECT_TRUE(Mentions(s.message(), "adatum Ltd"));
  EXPECT_EQ(pc_.PlaceOrder(t_.contoso_admin, adatum_.customer,
                           {{.offer_id = "o365-e3", .licenses = 5}},
                           t_.fabrikam.partner)
                .code(),
            ErrorCode::kProviderNoRelationship);
  EXPECT_EQ(TakeSnapshot(w_), before);
  // Fabrikam, the reseller of record, still manages it.
  EXPECT_THAT(pc_.ChangeLicenses(t_.fabrikam_admin, sub_, 20), IsOk());
}

TEST_F(EndingsTest, R14_LinksThatWouldRestoreAnEndedPartnershipAreWithdrawn) {
  // A second partnership request, still unused, and a joint invitation.
  auto again = pc_.RequestPartnership(t_.contoso_admin, t_.fabrikam.admin_upn);
  ASSERT_THAT(again, IsOk());
  auto prospect = t_.Prospect("wingtip");
  auto joint = pc_.InviteCustomerWithProvider(
      t_.fabrikam_admin, t_.contoso.partner, prospect.admin_upn);
  ASSERT_THAT(joint, IsOk());
  ASSERT_THAT(pc_.EndPartnership(t_.contoso_admin, t_.fabrikam.partner),
              IsOk());
  const Snapshot before = TakeSnapshot(w_);
  auto restored = pc_.AcceptPartnership(t_.fabrikam_admin, again->link);
  EXPECT_EQ(restored.code(), ErrorCode::kInvitationExpired);
  EXPECT_TRUE(Mentions(restored.status().message(), "withdrawn"));
  auto accepted =
      pc_.AcceptResellerInvitation(t_.SignIn(prospect.admin_upn), joint->link);
  EXPECT_EQ(accepted.code(), ErrorCode::kInvitationExpired);
  EXPECT_EQ(TakeSnapshot(w_), before);
  EXPECT_TRUE(pc_.IndirectResellers(t_.contoso_admin)->empty());
}

TEST_F(EndingsTest, R14_OpenSupportRequestsFollowTheSupportBackToTheProvider) {
  ASSERT_THAT(
      pc_.SetSupportContact(t_.contoso_admin, sub_, t_.fabrikam.partner),
      IsOk());
  ASSERT_THAT(pc_.FileSupportRequestOnBehalf(t_.fabrikam_admin, sub_, "Down"),
              IsOk());
  auto temporary = pc_.RevealPassword(t_.contoso_admin, adatum_.password);
  ASSERT_THAT(temporary, IsOk());
  ASSERT_THAT(
      pc_.ChangePassword(adatum_.admin_user_name, *temporary, kNewPassword),
      IsOk());
  auto filed = pc_.FileCustomerSupportRequest(
      t_.SignIn(adatum_.admin_user_name, kNewPassword), sub_, "Mail is down");
  ASSERT_THAT(filed, IsOk());
  ASSERT_EQ(pc_.SupportQueue(t_.fabrikam_admin)->size(), 1u);
  ASSERT_THAT(pc_.EndPartnership(t_.fabrikam_admin, t_.contoso.partner),
              IsOk());
  EXPECT_TRUE(pc_.SupportQueue(t_.fabrikam_admin)->empty());
  auto queue = pc_.SupportQueue(t_.contoso_admin);
  ASSERT_EQ(queue->size(), 1u);
  EXPECT_EQ((*queue)[0].id, *filed);
  EXPECT_EQ((*queue)[0].assigned_to, t_.contoso.partner);
}

TEST_F(EndingsTest, R26_AfterTheEndNeitherTheFilterNorTheSummaryShowsTheOther) {
  ASSERT_THAT(pc_.EndPartnership(t_.contoso_admin, t_.fabrikam.partner),
              IsOk());
  // Contoso still serves Adatum, Fabrikam too, but not together any more.
  EXPECT_TRUE(pc_.Customers(t_.contoso_admin, {.reseller = t_.fabrikam.partner})
                  ->empty());
  EXPECT_EQ(pc_.SharedCustomers(t_.fabrikam_admin, t_.contoso.partner).code(),
            ErrorCode::kNotPartnered);
  auto seen = pc_.GetCustomer(t_.contoso_admin, adatum_.customer);
  ASSERT_THAT(seen, IsOk());
  EXPECT_TRUE(seen->resellers.empty());
  EXPECT_EQ(pc_.GetCustomer(t_.fabrikam_admin, adatum_.customer)->resellers,
            std::vector<PartnerId>{t_.fabrikam.partner});
}

}  // namespace
}  // namespace tiersim::sim::testing
