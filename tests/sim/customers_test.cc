// F7: the "Add new customer" wizard a provider runs on a reseller's behalf,
// R22 (all-or-nothing creation) and R23 (the admin's temporary password is
// shown once).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/common/status_matchers.h"
#include "tests/sim/fixture.h"
#include "tests/sim/rule_helpers.h"

namespace tiersim::sim::testing {
namespace {

using ::tiersim::testing::IsOk;

CustomerDetails Details(const std::string& prefix) {
  return {.company_name = prefix + " Ltd",
          .domain_prefix = prefix,
          .country = "US",
          .contact = {.name = "Pat Doe", .email = "pat@" + prefix + ".example"},
          .address = {.line1 = "2 High St", .city = "Boston", .country = "US"}};
}

const std::vector<LineItem> kTenE3 = {{.offer_id = "o365-e3", .licenses = 10}};

class CustomersTest : public ::testing::Test {
 protected:
  CustomersTest() { t_.PartnerContosoFabrikam(); }

  // A wizard for Fabrikam with every page filled in for `prefix`.
  DraftId FilledDraft(const std::string& prefix) {
    auto d = pc_.BeginAddCustomer(t_.contoso_admin, t_.fabrikam.partner);
    EXPECT_THAT(d, IsOk());
    EXPECT_THAT(pc_.SetCustomerDetails(t_.contoso_admin, *d, Details(prefix)),
                IsOk());
    EXPECT_THAT(pc_.SetDraftSubscriptions(t_.contoso_admin, *d, kTenE3),
                IsOk());
    return *d;
  }

  bool DomainExists(const std::string& domain) {
    return w_.directory().FindTenantByDomain(domain).has_value();
  }

  TwoTierWorld t_;
  PartnerCenter& pc_ = t_.pc;
  mocks::InProcessWorld& w_ = t_.world;
};

TEST_F(CustomersTest, F7_WizardCreatesNothingUntilSubmit) {
  const Snapshot start = TakeSnapshot(w_);
  auto d = pc_.BeginAddCustomer(t_.contoso_admin, t_.fabrikam.partner);
  ASSERT_THAT(d, IsOk());
  ASSERT_THAT(pc_.SetCustomerDetails(t_.contoso_admin, *d, Details("adatum")),
              IsOk());
  ASSERT_THAT(
      pc_.SetDraftSubscriptions(t_.contoso_admin, *d,
                                {{.offer_id = "o365-e3", .licenses = 10},
                                 {.offer_id = "m365-e3", .licenses = 20}}),
      IsOk());
  auto review = pc_.ReviewDraft(t_.contoso_admin, *d);
  ASSERT_THAT(review, IsOk());
  EXPECT_EQ(review->reseller, t_.fabrikam.partner);  // preselected
  EXPECT_EQ(review->domain, "adatum.onmicrosoft.com");
  EXPECT_EQ(review->items.size(), 2u);
  // Three pages in, nothing exists but the open wizard.
  Snapshot mid = TakeSnapshot(w_);
  EXPECT_EQ(mid.counts.drafts, start.counts.drafts + 1);
  mid.counts.drafts = start.counts.drafts;
  EXPECT_EQ(mid, start);
  EXPECT_FALSE(DomainExists("adatum.onmicrosoft.com"));

  auto created = pc_.SubmitDraft(t_.contoso_admin, *d);
  ASSERT_THAT(created, IsOk());
  EXPECT_EQ(created->admin_user_name, "admin@adatum.onmicrosoft.com");
  EXPECT_EQ(created->subscriptions.size(), 2u);
  const Snapshot end = TakeSnapshot(w_);
  EXPECT_EQ(end.counts.customers, start.counts.customers + 1);
  EXPECT_EQ(end.counts.subscriptions, start.counts.subscriptions + 2);
  EXPECT_EQ(end.counts.orders, start.counts.orders + 1);
  EXPECT_EQ(end.counts.drafts, start.counts.drafts);
  EXPECT_EQ(end.tenants, start.tenants + 1);
  EXPECT_EQ(end.directory_users, start.directory_users + 1);
  auto listed =
      pc_.Customers(t_.contoso_admin, {.reseller = t_.fabrikam.partner});
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].id, created->customer);
  EXPECT_EQ((*listed)[0].resellers,
            std::vector<PartnerId>{t_.fabrikam.partner});
  EXPECT_THAT(pc_.AdministerCustomer(t_.fabrikam_admin, created->customer),
              IsOk());
  // The wizard is closed.
  EXPECT_EQ(pc_.SubmitDraft(t_.contoso_admin, *d).code(), ErrorCode::kNotFound);
}

TEST_F(CustomersTest, F7_CancelAbandonsTheWholeOperation) {
  const Snapshot before = TakeSnapshot(w_);
  const DraftId d = FilledDraft("adatum");
  ASSERT_THAT(pc_.CancelDraft(t_.contoso_admin, d), IsOk());
  EXPECT_EQ(TakeSnapshot(w_), before);
  EXPECT_FALSE(DomainExists("adatum.onmicrosoft.com"));
  EXPECT_TRUE(pc_.Customers(t_.contoso_admin)->empty());
  auto submitted = pc_.SubmitDraft(t_.contoso_admin, d);
  EXPECT_EQ(submitted.code(), ErrorCode::kNotFound);
  EXPECT_TRUE(Mentions(submitted.status().message(), d.ToString()));
  EXPECT_EQ(pc_.ReviewDraft(t_.contoso_admin, d).code(), ErrorCode::kNotFound);
  EXPECT_EQ(pc_.CancelDraft(t_.contoso_admin, d).code(), ErrorCode::kNotFound);
  EXPECT_EQ(TakeSnapshot(w_), before);
  // The domain was never taken: a new wizard can use it.
  EXPECT_THAT(pc_.SubmitDraft(t_.contoso_admin, FilledDraft("adatum")), IsOk());
}

TEST_F(CustomersTest, F7_PagesMustBeFilledInOrder) {
  auto d = pc_.BeginAddCustomer(t_.contoso_admin, t_.fabrikam.partner);
  ASSERT_THAT(d, IsOk());
  const Snapshot before = TakeSnapshot(w_);
  Status early = pc_.SetDraftSubscriptions(t_.contoso_admin, *d, kTenE3);
  EXPECT_EQ(early.code(), ErrorCode::kWizardIncomplete);
  EXPECT_TRUE(Mentions(early.message(), "details"));
  EXPECT_EQ(pc_.ReviewDraft(t_.contoso_admin, *d).code(),
            ErrorCode::kWizardIncomplete);
  EXPECT_EQ(pc_.SubmitDraft(t_.contoso_admin, *d).code(),
            ErrorCode::kWizardIncomplete);
  ASSERT_THAT(pc_.SetCustomerDetails(t_.contoso_admin, *d, Details("adatum")),
              IsOk());
  auto review = pc_.ReviewDraft(t_.contoso_admin, *d);
  EXPECT_EQ(review.code(), ErrorCode::kWizardIncomplete);
  EXPECT_TRUE(Mentions(review.status().message(), "subscriptions"));
  EXPECT_EQ(pc_.SubmitDraft(t_.contoso_admin, *d).code(),
            ErrorCode::kWizardIncomplete);
  EXPECT_EQ(TakeSnapshot(w_), before);
}

TEST_F(CustomersTest, F7_AnotherUserCannotContinueTheWizard) {
  const DraftId d = FilledDraft("adatum");
  Session other = t_.AddUser(t_.contoso_admin, "agent@contoso.onmicrosoft.com",
                             AgentRole::kAdminAgent, AdminRole::kNone);
  const Snapshot before = TakeSnapshot(w_);
  EXPECT_EQ(pc_.SubmitDraft(other, d).code(), ErrorCode::kNotFound);
  EXPECT_EQ(pc_.CancelDraft(other, d).code(), ErrorCode::kNotFound);
  EXPECT_EQ(pc_.SetCustomerDetails(other, d, Details("wingtip")).code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(TakeSnapshot(w_), before);
}

TEST_F(CustomersTest, R22_FailedAdminUserCreationLeavesNothingBehind) {
  const DraftId d = FilledDraft("adatum");
  w_.kernel().faults().Arm(fault_points::kAadCreateUser,
                           {.match = "admin@adatum.onmicrosoft.com"});
  const Snapshot before = TakeSnapshot(w_);
  auto r = pc_.SubmitDraft(t_.contoso_admin, d);
  EXPECT_EQ(r.code(), ErrorCode::kUnavailable);
  EXPECT_TRUE(Mentions(r.status().message(), "Azure AD"));
  EXPECT_EQ(w_.kernel().faults().FiredCount(fault_points::kAadCreateUser), 1);
  EXPECT_EQ(TakeSnapshot(w_), before);  // customers, tenants, mail, ...
  EXPECT_FALSE(DomainExists("adatum.onmicrosoft.com"));
  EXPECT_TRUE(pc_.Customers(t_.contoso_admin)->empty());
  EXPECT_TRUE(pc_.Customers(t_.fabrikam_admin)->empty());
  // The domain is free again: once Azure AD recovers, Submit works.
  w_.kernel().faults().Disarm(fault_points::kAadCreateUser);
  auto created = pc_.SubmitDraft(t_.contoso_admin, d);
  ASSERT_THAT(created, IsOk());
  EXPECT_TRUE(DomainExists("adatum.onmicrosoft.com"));
}

TEST_F(CustomersTest, R22_FailedTenantCreationLeavesNothingBehind) {
  const DraftId d = FilledDraft("adatum");
  w_.kernel().faults().Arm(fault_points::kAadCreateTenant, {.times = 1});
  const Snapshot before = TakeSnapshot(w_);
  auto r = pc_.SubmitDraft(t_.contoso_admin, d);
  EXPECT_EQ(r.code(), ErrorCode::kUnavailable);
  EXPECT_TRUE(Mentions(r.status().message(), "tenant"));
  EXPECT_EQ(TakeSnapshot(w_), before);
  EXPECT_FALSE(DomainExists("adatum.onmicrosoft.com"));
  EXPECT_THAT(pc_.SubmitDraft(t_.contoso_admin, d), IsOk());  // fired once only
}

TEST_F(CustomersTest, R22_CreateCustomerInOneGoRollsBackOnFailure) {
  w_.kernel().faults().Arm(fault_points::kAadCreateUser, {});
  const Snapshot before = TakeSnapshot(w_);
  auto r = pc_.CreateCustomer(t_.contoso_admin, t_.fabrikam.partner,
                              Details("adatum"), kTenE3);
  EXPECT_EQ(r.code(), ErrorCode::kUnavailable);
  EXPECT_EQ(TakeSnapshot(w_), before);  // no wizard left open either
  w_.kernel().faults().Clear();
  EXPECT_THAT(pc_.CreateCustomer(t_.contoso_admin, t_.fabrikam.partner,
                                 Details("adatum"), kTenE3),
              IsOk());
}

TEST_F(CustomersTest, R22_DomainTakenBeforeSubmitLeavesNothingBehind) {
  const DraftId first = FilledDraft("adatum");
  const DraftId second = FilledDraft("adatum");  // same domain, still free
  ASSERT_THAT(pc_.SubmitDraft(t_.contoso_admin, first), IsOk());
  const Snapshot before = TakeSnapshot(w_);
  auto r = pc_.SubmitDraft(t_.contoso_admin, second);
  EXPECT_EQ(r.code(), ErrorCode::kDuplicateDomain);
  EXPECT_EQ(TakeSnapshot(w_), before);
  EXPECT_EQ(pc_.Customers(t_.contoso_admin)->size(), 1u);
}

TEST_F(CustomersTest, R23_TemporaryPasswordIsShownOnce) {
  const DraftId d = FilledDraft("adatum");
  auto created = pc_.SubmitDraft(t_.contoso_admin, d);
  ASSERT_THAT(created, IsOk());
  auto shown = pc_.RevealPassword(t_.contoso_admin, created->password);
  ASSERT_THAT(shown, IsOk());
  EXPECT_GE(shown->size(), 12u);
  // It is the admin's real password (only the must-change step remains).
  EXPECT_EQ(pc_.SignIn(created->admin_user_name, *shown).code(),
            ErrorCode::kPasswordChangeRequired);
  const Snapshot before = TakeSnapshot(w_);
  auto again = pc_.RevealPassword(t_.contoso_admin, created->password);
  EXPECT_EQ(again.code(), ErrorCode::kSecretAlreadyShown);
  EXPECT_TRUE(Mentions(again.status().message(), "once"));
  EXPECT_EQ(again.status().message().find(*shown), std::string::npos);
  EXPECT_EQ(TakeSnapshot(w_), before);
}

TEST_F(CustomersTest, R23_AnotherUserCannotReadThePassword) {
  auto created = pc_.SubmitDraft(t_.contoso_admin, FilledDraft("adatum"));
  ASSERT_THAT(created, IsOk());
  Session colleague =
      t_.AddUser(t_.contoso_admin, "second@contoso.onmicrosoft.com",
                 AgentRole::kAdminAgent, AdminRole::kGlobalAdmin);
  const Snapshot before = TakeSnapshot(w_);
  for (const Session* s :
       {&colleague, &t_.fabrikam_admin, &t_.northwind_admin}) {
    auto r = pc_.RevealPassword(*s, created->password);
    EXPECT_EQ(r.code(), ErrorCode::kNotFound);
  }
  EXPECT_EQ(TakeSnapshot(w_), before);
  // Their attempts did not use up the one showing.
  EXPECT_THAT(pc_.RevealPassword(t_.contoso_admin, created->password), IsOk());
}

TEST_F(CustomersTest, DuplicateDomainIsRefused) {
  ASSERT_THAT(pc_.SubmitDraft(t_.contoso_admin, FilledDraft("adatum")), IsOk());
  auto d = pc_.BeginAddCustomer(t_.contoso_admin, t_.fabrikam.partner);
  ASSERT_THAT(d, IsOk());
  const Snapshot before = TakeSnapshot(w_);
  for (const char* prefix : {"ADATUM", "fabrikam", "contoso"}) {
    Status s = pc_.SetCustomerDetails(t_.contoso_admin, *d, Details(prefix));
    EXPECT_EQ(s.code(), ErrorCode::kDuplicateDomain) << prefix;
    EXPECT_TRUE(Mentions(s.message(), ".onmicrosoft.com"));
  }
  EXPECT_EQ(pc_.ReviewDraft(t_.contoso_admin, *d).code(),
            ErrorCode::kWizardIncomplete);
  EXPECT_EQ(TakeSnapshot(w_), before);
}

TEST_F(CustomersTest, InvalidDetailsAreRefusedFieldByField) {
  struct Case {
    const char* what;
    void (*spoil)(CustomerDetails&);
    ErrorCode code;
    const char* mentions;
  };
  const Case cases[] = {
      {"no company", [](CustomerDetails& d) { d.company_name.clear(); },
       ErrorCode::kInvalidArgument, "company name"},
      {"no prefix", [](CustomerDetails& d) { d.domain_prefix.clear(); },
       ErrorCode::kInvalidArgument, "domain prefix"},
      {"dash in prefix", [](CustomerDetails& d) { d.domain_prefix = "ad-at"; },
       ErrorCode::kInvalidArgument, "ad-at"},
      {"long prefix",
       [](CustomerDetails& d) { d.domain_prefix = std::string(28, 'a'); },
       ErrorCode::kInvalidArgument, "27"},
      {"country name", [](CustomerDetails& d) { d.country = "USA"; },
       ErrorCode::kInvalidArgument, "country"},
      {"lowercase country", [](CustomerDetails& d) { d.country = "us"; },
       ErrorCode::kInvalidArgument, "country"},
      {"no contact", [](CustomerDetails& d) { d.contact.name.clear(); },
       ErrorCode::kInvalidArgument, "contact name"},
      {"bad email", [](CustomerDetails& d) { d.contact.email = "pat"; },
       ErrorCode::kInvalidEmail, "contact email"},
  };
  auto d = pc_.BeginAddCustomer(t_.contoso_admin, t_.fabrikam.partner);
  ASSERT_THAT(d, IsOk());
  const Snapshot before = TakeSnapshot(w_);
  for (const Case& c : cases) {
    CustomerDetails details = Details("adatum");
    c.spoil(details);
    Status s = pc_.SetCustomerDetails(t_.contoso_admin, *d, details);
    EXPECT_EQ(s.code(), c.code) << c.what;
    EXPECT_TRUE(Mentions(s.message(), c.mentions)) << c.what;
    EXPECT_EQ(pc_.ReviewDraft(t_.contoso_admin, *d).code(),
              ErrorCode::kWizardIncomplete)
        << c.what;
  }
  EXPECT_EQ(TakeSnapshot(w_), before);
  // After valid details, a spoiled second attempt keeps the valid ones.
  ASSERT_THAT(pc_.SetCustomerDetails(t_.contoso_admin, *d, Details("adatum")),
              IsOk());
  ASSERT_THAT(pc_.SetDraftSubscriptions(t_.contoso_admin, *d, kTenE3), IsOk());
  CustomerDetails spoiled = Details("wingtip");
  spoiled.country = "USA";
  EXPECT_FALSE(pc_.SetCustomerDetails(t_.contoso_admin, *d, spoiled).ok());
  EXPECT_EQ(pc_.ReviewDraft(t_.contoso_admin, *d)->details.company_name,
            "adatum Ltd");
}

}  // namespace
}  // namespace tiersim::sim::testing
