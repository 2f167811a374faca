// F8 orders and F9 designated support contacts, with R20 (managing needs a
// reseller relationship), R21 (a provider orders only with its own
// relationship), R24 (license limits, known offers) and R25 (who may be a
// subscription's support contact).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/common/status_matchers.h"
#include "tests/sim/fixture.h"
#include "tests/sim/rule_helpers.h"

namespace tiersim::sim::testing {
namespace {

using ::tiersim::testing::IsOk;

class OrdersTest : public ::testing::Test {
 protected:
  OrdersTest() {
    t_.PartnerContosoFabrikam();
    adatum_ = t_.AddCustomer("adatum", t_.fabrikam.partner);
  }

  // The customer's admin, signed in after changing the temporary password.
  Session CustomerAdmin(const CustomerCreated& c) {
    auto temporary = pc_.RevealPassword(t_.contoso_admin, c.password);
    EXPECT_THAT(temporary, IsOk());
    EXPECT_THAT(pc_.ChangePassword(c.admin_user_name, *temporary, kNewPassword),
                IsOk());
    return t_.SignIn(c.admin_user_name, kNewPassword);
  }

  // `reseller` asks the customer for a reseller relationship (F4) and the
  // customer's admin accepts.
  void Relate(const Session& reseller, const Session& customer_admin,
              const std::string& admin_upn) {
    auto sent = pc_.RequestResellerRelationship(reseller, admin_upn);
    ASSERT_THAT(sent, IsOk());
    auto accepted = pc_.AcceptResellerInvitation(customer_admin, sent->link);
    ASSERT_THAT(accepted, IsOk());
  }

  std::int32_t LicensesOf(SubscriptionId id) {
    return pc_.store().subscriptions[id.value() - 1].licenses;
  }
  PartnerId SupportContactOf(SubscriptionId id) {
    return pc_.store().subscriptions[id.value() - 1].support_contact;
  }

  TwoTierWorld t_;
  PartnerCenter& pc_ = t_.pc;
  mocks::InProcessWorld& w_ = t_.world;
  CustomerCreated adatum_;
};

TEST_F(OrdersTest, R26_GetSubscriptionFindsOnlyTheCustomersOwnVisibleOnes) {
  CustomerCreated own = t_.AddCustomer("wingtip");  // Contoso's, no reseller
  auto order =
      pc_.PlaceOrder(t_.contoso_admin, own.customer,
                     {{.offer_id = "m365-e3", .licenses = 3}}, PartnerId());
  ASSERT_THAT(order, IsOk());
  const SubscriptionId sub = order->subscriptions[0];
  auto got = pc_.GetSubscription(t_.contoso_admin, own.customer, sub);
  ASSERT_THAT(got, IsOk());
  EXPECT_EQ(got->id, sub);
  EXPECT_EQ(got->offer_id, "m365-e3");
  // Named under another customer: not found, as a missing one would be.
  EXPECT_EQ(pc_.GetSubscription(t_.contoso_admin, adatum_.customer, sub).code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(pc_.GetSubscription(t_.contoso_admin, own.customer,
                                SubscriptionId(999999))
                .code(),
            ErrorCode::kNotFound);
  // Fabrikam is not wingtip's reseller: the customer itself is hidden.
  EXPECT_EQ(pc_.GetSubscription(t_.fabrikam_admin, own.customer, sub).code(),
            ErrorCode::kNotFound);
}

TEST_F(OrdersTest, CustomerRangeGivesTheSamePagesAsTheWholeList) {
  for (int i = 0; i < 7; ++i) t_.AddCustomer("page" + std::to_string(i));
  auto all = pc_.Customers(t_.contoso_admin);
  ASSERT_THAT(all, IsOk());
  ASSERT_EQ(all->size(), 8u);  // adatum_ and the seven
  std::vector<CustomerId> paged;
  for (std::size_t offset = 0; offset < all->size(); offset += 3) {
    auto slice = pc_.CustomerRange(t_.contoso_admin, {}, offset, 3);
    ASSERT_THAT(slice, IsOk());
    EXPECT_EQ(slice->total, all->size());
    EXPECT_LE(slice->items.size(), 3u);
    for (const CustomerSummary& c : slice->items) paged.push_back(c.id);
  }
  std::vector<CustomerId> whole;
  for (const CustomerSummary& c : *all) whole.push_back(c.id);
  EXPECT_EQ(paged, whole);
  // Past the end: nothing, and still the total.
  auto past = pc_.CustomerRange(t_.contoso_admin, {}, 100, 3);
  ASSERT_THAT(past, IsOk());
  EXPECT_TRUE(past->items.empty());
  EXPECT_EQ(past->total, 8u);
  // A name prefix counts only the matches, ignoring case.
  auto named =
      pc_.CustomerRange(t_.contoso_admin, {.name_prefix = "PAGE"}, 0, 100);
  ASSERT_THAT(named, IsOk());
  EXPECT_EQ(named->total, 7u);
}

TEST_F(OrdersTest, F8_ProviderAddsSubscriptionCreditedToReseller) {
  CustomerCreated own = t_.AddCustomer("wingtip");  // Contoso's, no reseller
  auto filtered =
      pc_.Customers(t_.contoso_admin, {.reseller = t_.fabrikam.partner});
  ASSERT_EQ(filtered->size(), 1u);
  EXPECT_EQ((*filtered)[0].id, adatum_.customer);
  EXPECT_EQ(pc_.Customers(t_.contoso_admin)->size(), 2u);

  auto order = pc_.PlaceOrder(t_.contoso_admin, adatum_.customer,
                              {{.offer_id = "m365-e3", .licenses = 25},
                               {.offer_id = "ems-e3", .licenses = 5}},
                              t_.fabrikam.partner);
  ASSERT_THAT(order, IsOk());
  ASSERT_EQ(order->subscriptions.size(), 2u);
  auto subs = pc_.Subscriptions(t_.fabrikam_admin, adatum_.customer);
  ASSERT_EQ(subs->size(), 3u);
  EXPECT_EQ((*subs)[1].id, order->subscriptions[0]);
  EXPECT_EQ((*subs)[1].offer_id, "m365-e3");
  EXPECT_EQ((*subs)[1].licenses, 25);
  EXPECT_EQ((*subs)[1].order, order->order);
  EXPECT_EQ((*subs)[1].provider, t_.contoso.partner);
  EXPECT_EQ((*subs)[1].reseller_of_record, t_.fabrikam.partner);
  EXPECT_EQ((*subs)[2].offer_id, "ems-e3");
  // An order for the provider's own customer credits no reseller.
  auto direct =
      pc_.PlaceOrder(t_.contoso_admin, own.customer,
                     {{.offer_id = "o365-e1", .licenses = 3}}, PartnerId());
  ASSERT_THAT(direct, IsOk());
  EXPECT_FALSE((*pc_.Subscriptions(t_.contoso_admin, own.customer))[1]
                   .reseller_of_record.valid());
}

TEST_F(OrdersTest, F9_DesignatedContactReceivesCustomerSupportRequests) {
  Session customer = CustomerAdmin(adatum_);
  const SubscriptionId sub = adatum_.subscriptions[0];
  EXPECT_EQ(SupportContactOf(sub), t_.contoso.partner);  // the provider first
  auto first = pc_.FileCustomerSupportRequest(customer, sub, "Mail is down");
  ASSERT_THAT(first, IsOk());
  ASSERT_EQ(pc_.SupportQueue(t_.contoso_admin)->size(), 1u);
  EXPECT_TRUE(pc_.SupportQueue(t_.fabrikam_admin)->empty());

  ASSERT_THAT(pc_.SetSupportContact(t_.contoso_admin, sub, t_.fabrikam.partner),
              IsOk());
  auto second = pc_.FileCustomerSupportRequest(customer, sub, "Still down");
  ASSERT_THAT(second, IsOk());
  auto queue = pc_.SupportQueue(t_.fabrikam_admin);
  ASSERT_EQ(queue->size(), 1u);
  EXPECT_EQ((*queue)[0].id, *second);
  EXPECT_EQ((*queue)[0].assigned_to, t_.fabrikam.partner);
  EXPECT_EQ((*queue)[0].customer, adatum_.customer);
  EXPECT_EQ((*queue)[0].text, "Still down");
  EXPECT_EQ(pc_.SupportQueue(t_.contoso_admin)->size(), 1u);
}

TEST_F(OrdersTest, R20_DelegatedAdminOnlyCannotChangeLicenses) {
  auto seeded =
      pc_.SeedCustomerTenant({.company_name = "Tailspin",
                              .domain_prefix = "tailspin",
                              .admin_password = kPassword,
                              .served_by = {t_.fabrikam.tenant},
                              .kind = RelationshipKind::kDelegatedAdminOnly});
  ASSERT_THAT(seeded, IsOk());
  // Northwind and Contoso become its resellers (F5); Contoso orders with
  // no reseller of record, so every reseller partnered with Contoso is the
  // subscription's reseller (R28), Fabrikam included.
  t_.Partner(t_.contoso_admin, t_.northwind_admin, t_.northwind.admin_upn);
  auto joint = pc_.InviteCustomerWithProvider(
      t_.northwind_admin, t_.contoso.partner, seeded->admin_upn);
  ASSERT_THAT(joint, IsOk());
  ASSERT_THAT(
      pc_.AcceptResellerInvitation(t_.SignIn(seeded->admin_upn), joint->link),
      IsOk());
  auto order =
      pc_.PlaceOrder(t_.contoso_admin, seeded->customer,
                     {{.offer_id = "m365-e3", .licenses = 40}}, PartnerId());
  ASSERT_THAT(order, IsOk());
  const SubscriptionId sub = order->subscriptions[0];
  // Fabrikam sees the subscription through its delegated-admin access...
  ASSERT_EQ(pc_.Subscriptions(t_.fabrikam_admin, seeded->customer)->size(), 1u);
  const Snapshot before = TakeSnapshot(w_);
  // ...but may not manage it: that needs a reseller relationship.
  Status s = pc_.ChangeLicenses(t_.fabrikam_admin, sub, 41);
  EXPECT_EQ(s.code(), ErrorCode::kNoResellerRelationship);
  EXPECT_TRUE(Mentions(s.message(), "Tailspin"));
  EXPECT_EQ(TakeSnapshot(w_), before);
  EXPECT_EQ(LicensesOf(sub), 40);
  EXPECT_THAT(pc_.ChangeLicenses(t_.northwind_admin, sub, 41), IsOk());
}

TEST_F(OrdersTest, R21_ProviderNeedsItsOwnRelationshipToOrder) {
  auto prospect = t_.Prospect("wingtip");
  Relate(t_.fabrikam_admin, t_.SignIn(prospect.admin_upn), prospect.admin_upn);
  // Contoso sees Wingtip through Fabrikam (R26), but does not serve it with
  // Fabrikam, so the filtered list leaves it out (R28).
  auto all = pc_.Customers(t_.contoso_admin, {});
  ASSERT_EQ(all->size(), 2u);  // Adatum, and Wingtip through F4
  const CustomerId wingtip = (*all)[1].id;
  EXPECT_EQ((*all)[1].company_name, "wingtip Inc");
  auto served =
      pc_.Customers(t_.contoso_admin, {.reseller = t_.fabrikam.partner});
  ASSERT_EQ(served->size(), 1u);
  EXPECT_EQ((*served)[0].id, adatum_.customer);
  const Snapshot before = TakeSnapshot(w_);
  auto r = pc_.PlaceOrder(t_.contoso_admin, wingtip,
                          {{.offer_id = "o365-e3", .licenses = 5}},
                          t_.fabrikam.partner);
  EXPECT_EQ(r.code(), ErrorCode::kProviderNoRelationship);
  EXPECT_TRUE(Mentions(r.status().message(), "wingtip Inc"));
  EXPECT_EQ(
      pc_.PlaceOrder(t_.contoso_admin, wingtip,
                     {{.offer_id = "o365-e3", .licenses = 5}}, PartnerId())
          .code(),
      ErrorCode::kProviderNoRelationship);
  EXPECT_EQ(TakeSnapshot(w_), before);
  EXPECT_TRUE(pc_.Subscriptions(t_.contoso_admin, wingtip)->empty());
}

TEST_F(OrdersTest, R24_LicenseCountsMustBeWithinTheOffersLimits) {
  const Snapshot before = TakeSnapshot(w_);
  struct Case {
    const char* offer;
    std::int64_t licenses;
    const char* limits;
  };
  for (const Case& c :
       {Case{"o365-e3", 0, "1 to 300"}, Case{"o365-e3", 301, "1 to 300"},
        Case{"o365-e3", -5, "1 to 300"}, Case{"win-e3", 4, "5 to 5000"},
        Case{"azure-plan", 2, "1 to 1"},
        Case{"m365-e3", 10001, "1 to 10000"}}) {
    auto r = pc_.PlaceOrder(t_.contoso_admin, adatum_.customer,
                            {{.offer_id = c.offer, .licenses = c.licenses}},
                            t_.fabrikam.partner);
    EXPECT_EQ(r.code(), ErrorCode::kLicenseOutOfRange)
        << c.offer << " x " << c.licenses;
    EXPECT_TRUE(Mentions(r.status().message(), c.offer));
    EXPECT_TRUE(Mentions(r.status().message(), c.limits));
  }
  // One bad line spoils the whole order.
  EXPECT_EQ(pc_.PlaceOrder(t_.contoso_admin, adatum_.customer,
                           {{.offer_id = "o365-e3", .licenses = 10},
                            {.offer_id = "win-e3", .licenses = 1}},
                           t_.fabrikam.partner)
                .code(),
            ErrorCode::kLicenseOutOfRange);
  const SubscriptionId sub = adatum_.subscriptions[0];
  EXPECT_EQ(pc_.ChangeLicenses(t_.fabrikam_admin, sub, 0).code(),
            ErrorCode::kLicenseOutOfRange);
  EXPECT_EQ(pc_.ChangeLicenses(t_.fabrikam_admin, sub, 301).code(),
            ErrorCode::kLicenseOutOfRange);
  EXPECT_EQ(LicensesOf(sub), 10);
  EXPECT_EQ(TakeSnapshot(w_), before);
  // The limits themselves are allowed.
  EXPECT_THAT(pc_.PlaceOrder(t_.contoso_admin, adatum_.customer,
                             {{.offer_id = "o365-e3", .licenses = 1},
                              {.offer_id = "o365-e1", .licenses = 300},
                              {.offer_id = "win-e3", .licenses = 5}},
                             t_.fabrikam.partner),
              IsOk());
  EXPECT_THAT(pc_.ChangeLicenses(t_.fabrikam_admin, sub, 300), IsOk());
}

TEST_F(OrdersTest, R24_UnknownOfferAndEmptyOrderAreRefused) {
  const Snapshot before = TakeSnapshot(w_);
  auto unknown = pc_.PlaceOrder(t_.contoso_admin, adatum_.customer,
                                {{.offer_id = "o365-e3", .licenses = 2},
                                 {.offer_id = "o365-e9", .licenses = 2}},
                                t_.fabrikam.partner);
  EXPECT_EQ(unknown.code(), ErrorCode::kUnknownOffer);
  EXPECT_TRUE(Mentions(unknown.status().message(), "o365-e9"));
  EXPECT_EQ(pc_.PlaceOrder(t_.contoso_admin, adatum_.customer,
                           {{.offer_id = "O365-E3", .licenses = 2}},
                           t_.fabrikam.partner)
                .code(),
            ErrorCode::kUnknownOffer);
  auto empty = pc_.PlaceOrder(t_.contoso_admin, adatum_.customer, {},
                              t_.fabrikam.partner);
  EXPECT_EQ(empty.code(), ErrorCode::kEmptyOrder);
  EXPECT_TRUE(Mentions(empty.status().message(), "no line items"));
  EXPECT_EQ(TakeSnapshot(w_), before);
}

TEST_F(OrdersTest, AnOrderOfMoreThanTheCapOfLineItemsIsRefused) {
  const Snapshot before = TakeSnapshot(w_);
  const std::vector<LineItem> too_many(
      kMaxOrderLineItems + 1, LineItem{.offer_id = "o365-e3", .licenses = 1});
  auto refused = pc_.PlaceOrder(t_.contoso_admin, adatum_.customer, too_many,
                                t_.fabrikam.partner);
  EXPECT_EQ(refused.code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(Mentions(refused.status().message(), "at most 100 line items"));
  EXPECT_EQ(TakeSnapshot(w_), before);
  const std::vector<LineItem> at_cap(
      kMaxOrderLineItems, LineItem{.offer_id = "o365-e3", .licenses = 1});
  EXPECT_THAT(pc_.PlaceOrder(t_.contoso_admin, adatum_.customer, at_cap,
                             t_.fabrikam.partner),
              IsOk());
}

TEST_F(OrdersTest, R25_SupportContactIsProviderOrPartneredAssociatedReseller) {
  const SubscriptionId sub = adatum_.subscriptions[0];
  // Northwind becomes Adatum's reseller too, but is not Contoso's partner.
  Relate(t_.northwind_admin, CustomerAdmin(adatum_), adatum_.admin_user_name);
  CustomerCreated wingtip = t_.AddCustomer("wingtip", t_.fabrikam.partner);
  const Snapshot before = TakeSnapshot(w_);
  Status unpartnered =
      pc_.SetSupportContact(t_.contoso_admin, sub, t_.northwind.partner);
  EXPECT_EQ(unpartnered.code(), ErrorCode::kInvalidSupportContact);
  EXPECT_TRUE(Mentions(unpartnered.message(), "Northwind"));
  EXPECT_FALSE(
      Mentions(unpartnered.message(), t_.northwind.partner.ToString()));
  EXPECT_EQ(pc_.SetSupportContact(t_.contoso_admin, sub, PartnerId(999)).code(),
            ErrorCode::kInvalidSupportContact);
  EXPECT_EQ(TakeSnapshot(w_), before);
  EXPECT_EQ(SupportContactOf(sub), t_.contoso.partner);

  // Partnered with Contoso now, but not associated with Wingtip.
  t_.Partner(t_.contoso_admin, t_.northwind_admin, t_.northwind.admin_upn);
  const Snapshot partnered = TakeSnapshot(w_);
  Status unassociated = pc_.SetSupportContact(
      t_.contoso_admin, wingtip.subscriptions[0], t_.northwind.partner);
  EXPECT_EQ(unassociated.code(), ErrorCode::kInvalidSupportContact);
  EXPECT_EQ(SupportContactOf(wingtip.subscriptions[0]), t_.contoso.partner);
  EXPECT_EQ(TakeSnapshot(w_), partnered);

  // Partnered and associated: fine; and the provider itself always is.
  ASSERT_THAT(
      pc_.SetSupportContact(t_.contoso_admin, sub, t_.northwind.partner),
      IsOk());
  EXPECT_EQ(SupportContactOf(sub), t_.northwind.partner);
  ASSERT_THAT(pc_.SetSupportContact(t_.contoso_admin, sub, t_.fabrikam.partner),
              IsOk());
  ASSERT_THAT(pc_.SetSupportContact(t_.contoso_admin, sub, t_.contoso.partner),
              IsOk());
  EXPECT_EQ(SupportContactOf(sub), t_.contoso.partner);
}

TEST_F(OrdersTest, ResellerOnRecordMustBeAssociatedWithTheCustomer) {
  t_.Partner(t_.contoso_admin, t_.northwind_admin, t_.northwind.admin_upn);
  const Snapshot before = TakeSnapshot(w_);
  auto r = pc_.PlaceOrder(t_.contoso_admin, adatum_.customer,
                          {{.offer_id = "o365-e3", .licenses = 5}},
                          t_.northwind.partner);
  EXPECT_EQ(r.code(), ErrorCode::kResellerNotAssociated);
  EXPECT_TRUE(Mentions(r.status().message(), "Northwind IT"));
  EXPECT_EQ(TakeSnapshot(w_), before);
}

}  // namespace
}  // namespace tiersim::sim::testing
