// R28 (and R26): a subscription belongs to the provider that sold it. A
// competing provider that shares the customer neither sees nor changes it;
// among the provider's resellers only the reseller of record changes it; a
// designated support contact sees it and files support requests for it,
// nothing more. A provider's Customers list filtered by a reseller holds the
// customers the two serve together: the reseller's own F6 view.
#include <gtest/gtest.h>

#include <optional>
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
  if (!r.ok()) {
    ADD_FAILURE() << r.status().ToString();
    return out;
  }
  for (const CustomerSummary& c : *r) out.push_back(c.id);
  return out;
}

class IsolationTest : public ::testing::Test {
 protected:
  IsolationTest() {
    t_.PartnerContosoFabrikam();
    adatum_ = t_.AddCustomer("adatum", t_.fabrikam.partner);
    sub_ = adatum_.subscriptions[0];
    auto litware = pc_.SeedPartner({.program = Program::kIndirectProvider,
                                    .legal_name = "Litware Distribution",
                                    .domain_prefix = "litware",
                                    .mpn = MpnId(1000002),
                                    .admin_password = kPassword});
    EXPECT_THAT(litware, IsOk());
    litware_ = *litware;
    litware_admin_ = t_.SignIn(litware_->admin_upn);
    t_.Partner(*litware_admin_, t_.fabrikam_admin, t_.fabrikam.admin_upn);
  }

  // Adatum's global admin, signed in with a password of its own.
  Session AdatumAdmin() {
    auto temporary = pc_.RevealPassword(t_.contoso_admin, adatum_.password);
    EXPECT_THAT(temporary, IsOk());
    EXPECT_THAT(
        pc_.ChangePassword(adatum_.admin_user_name, *temporary, kNewPassword),
        IsOk());
    return t_.SignIn(adatum_.admin_user_name, kNewPassword);
  }

  // Fabrikam invites Adatum jointly with Litware (F5); Adatum accepts, so
  // Litware too has a reseller relationship with Adatum.
  void ShareAdatumWithLitware(const Session& adatum_admin) {
    auto joint = pc_.InviteCustomerWithProvider(
        t_.fabrikam_admin, litware_->partner, adatum_.admin_user_name);
    ASSERT_THAT(joint, IsOk());
    ASSERT_THAT(pc_.AcceptResellerInvitation(adatum_admin, joint->link),
                IsOk());
  }

  std::int32_t LicensesOf(SubscriptionId id) {
    return pc_.store().subscriptions[id.value() - 1].licenses;
  }

  TwoTierWorld t_;
  PartnerCenter& pc_ = t_.pc;
  mocks::InProcessWorld& w_ = t_.world;
  CustomerCreated adatum_;
  SubscriptionId sub_;
  std::optional<PartnerCenter::SeededPartner> litware_;
  std::optional<Session> litware_admin_;
};

TEST_F(
    IsolationTest,
    R28_ACompetingProviderNeitherSeesNorChangesASharedCustomersSubscription) {
  ShareAdatumWithLitware(AdatumAdmin());
  // Litware serves Adatum now and lists it (R26)...
  ASSERT_THAT(pc_.GetCustomer(*litware_admin_, adatum_.customer), IsOk());
  // ...but Contoso's subscription is not Litware's to see or to change.
  EXPECT_TRUE(pc_.Subscriptions(*litware_admin_, adatum_.customer)->empty());
  EXPECT_EQ(pc_.GetSubscription(*litware_admin_, adatum_.customer, sub_).code(),
            ErrorCode::kNotFound);
  const Snapshot before = TakeSnapshot(w_);
  EXPECT_EQ(pc_.ChangeLicenses(*litware_admin_, sub_, 20).code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(
      pc_.SetSupportContact(*litware_admin_, sub_, litware_->partner).code(),
      ErrorCode::kNotFound);
  EXPECT_EQ(
      pc_.FileSupportRequestOnBehalf(*litware_admin_, sub_, "Down").code(),
      ErrorCode::kNotFound);
  EXPECT_EQ(TakeSnapshot(w_), before);
  EXPECT_EQ(LicensesOf(sub_), 10);
  // Litware's own order is Litware's; Contoso does not see it, Fabrikam
  // (its reseller of record) sees both.
  auto order = pc_.PlaceOrder(*litware_admin_, adatum_.customer,
                              {{.offer_id = "ems-e3", .licenses = 5}},
                              t_.fabrikam.partner);
  ASSERT_THAT(order, IsOk());
  const SubscriptionId litwares = order->subscriptions[0];
  EXPECT_EQ(pc_.Subscriptions(*litware_admin_, adatum_.customer)->size(), 1u);
  EXPECT_EQ(pc_.Subscriptions(t_.contoso_admin, adatum_.customer)->size(), 1u);
  EXPECT_EQ(pc_.ChangeLicenses(t_.contoso_admin, litwares, 6).code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(pc_.Subscriptions(t_.fabrikam_admin, adatum_.customer)->size(), 2u);
  EXPECT_THAT(pc_.ChangeLicenses(t_.fabrikam_admin, litwares, 6), IsOk());
  EXPECT_THAT(pc_.ChangeLicenses(t_.contoso_admin, sub_, 12), IsOk());
}

TEST_F(IsolationTest,
       R28_AmongTheProvidersResellersOnlyTheResellerOfRecordChangesIt) {
  // Northwind, also Contoso's reseller, gets a relationship with Adatum.
  t_.Partner(t_.contoso_admin, t_.northwind_admin, t_.northwind.admin_upn);
  auto sent = pc_.RequestResellerRelationship(t_.northwind_admin,
                                              adatum_.admin_user_name);
  ASSERT_THAT(sent, IsOk());
  ASSERT_THAT(pc_.AcceptResellerInvitation(AdatumAdmin(), sent->link), IsOk());
  EXPECT_TRUE(pc_.Subscriptions(t_.northwind_admin, adatum_.customer)->empty());
  const Snapshot before = TakeSnapshot(w_);
  EXPECT_EQ(pc_.ChangeLicenses(t_.northwind_admin, sub_, 20).code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(TakeSnapshot(w_), before);
  // Designated as support contact (R25), Northwind sees the subscription
  // and files support requests for it, but still may not change it.
  ASSERT_THAT(
      pc_.SetSupportContact(t_.contoso_admin, sub_, t_.northwind.partner),
      IsOk());
  EXPECT_EQ(pc_.Subscriptions(t_.northwind_admin, adatum_.customer)->size(),
            1u);
  EXPECT_THAT(pc_.FileSupportRequestOnBehalf(t_.northwind_admin, sub_, "Down"),
              IsOk());
  const Snapshot designated = TakeSnapshot(w_);
  Status s = pc_.ChangeLicenses(t_.northwind_admin, sub_, 20);
  EXPECT_EQ(s.code(), ErrorCode::kNotSubscriptionSeller);
  EXPECT_TRUE(Mentions(s.message(), "Contoso"));
  // Only the provider designates the support contact (F9), not even the
  // reseller of record.
  Status by_reseller =
      pc_.SetSupportContact(t_.fabrikam_admin, sub_, t_.fabrikam.partner);
  EXPECT_EQ(by_reseller.code(), ErrorCode::kNotAProvider);
  EXPECT_TRUE(Mentions(by_reseller.message(), "Contoso"));
  EXPECT_EQ(TakeSnapshot(w_), designated);
  EXPECT_THAT(pc_.ChangeLicenses(t_.fabrikam_admin, sub_, 20), IsOk());
  EXPECT_EQ(LicensesOf(sub_), 20);
}

TEST_F(
    IsolationTest,
    R28_ResellerFilterHoldsTheCustomersServedTogetherLikeTheResellersF6View) {
  // Wingtip: Fabrikam's customer through Litware alone (F5).
  auto wingtip = t_.Prospect("wingtip");
  auto joint = pc_.InviteCustomerWithProvider(
      t_.fabrikam_admin, litware_->partner, wingtip.admin_upn);
  ASSERT_THAT(joint, IsOk());
  auto accepted =
      pc_.AcceptResellerInvitation(t_.SignIn(wingtip.admin_upn), joint->link);
  ASSERT_THAT(accepted, IsOk());
  const std::vector<CustomerId> adatum_only = {adatum_.customer};
  const std::vector<CustomerId> wingtip_only = {*accepted};
  // Contoso sees Wingtip through its reseller (R26)...
  EXPECT_EQ(Ids(pc_.Customers(t_.contoso_admin, {})).size(), 2u);
  // ...but serves only Adatum with Fabrikam, as Fabrikam's view says.
  EXPECT_EQ(
      Ids(pc_.Customers(t_.contoso_admin, {.reseller = t_.fabrikam.partner})),
      adatum_only);
  EXPECT_EQ(Ids(pc_.SharedCustomers(t_.fabrikam_admin, t_.contoso.partner)),
            adatum_only);
  EXPECT_EQ(
      Ids(pc_.Customers(*litware_admin_, {.reseller = t_.fabrikam.partner})),
      wingtip_only);
  EXPECT_EQ(Ids(pc_.SharedCustomers(t_.fabrikam_admin, litware_->partner)),
            wingtip_only);
  auto page = pc_.CustomerRange(t_.contoso_admin,
                                {.reseller = t_.fabrikam.partner}, 0, 10);
  ASSERT_THAT(page, IsOk());
  EXPECT_EQ(page->total, 1u);
}

}  // namespace
}  // namespace tiersim::sim::testing
