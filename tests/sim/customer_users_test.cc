// F4/F5: once a customer has said yes, its reseller "manages the customer's
// account, services, users and licences" (seed 000) — users of the
// customer's tenant and the licences of its subscriptions — under R20/R26
// (only partners with a relationship), R40/R41 (Admin agents, not Helpdesk
// agents), R23 (a made password is shown once) and R24/F8 (licence counts).
#include <gtest/gtest.h>

#include <string>

#include "tests/common/status_matchers.h"
#include "tests/sim/fixture.h"
#include "tests/sim/rule_helpers.h"

namespace tiersim::sim::testing {
namespace {

using ::tiersim::testing::IsOk;

constexpr char kAda[] = "ada@adatum.onmicrosoft.com";
constexpr char kBen[] = "ben@adatum.onmicrosoft.com";

class CustomerUsersTest : public ::testing::Test {
 protected:
  CustomerUsersTest() {
    t_.PartnerContosoFabrikam();
    adatum_ = t_.AddCustomer("adatum", t_.fabrikam.partner);  // o365-e3, 10
  }

  Result<NewCustomerUser> Add(const Session& s, const std::string& upn) {
    return pc_.AddCustomerUser(
        s, adatum_.customer,
        {.user_principal_name = upn, .display_name = upn.substr(0, 3)});
  }
  Status Assign(const Session& s, DirectoryUserId user,
                const std::string& offer) {
    return pc_
        .UpdateUserLicenses(s, adatum_.customer, user, {.assign = {{offer}}})
        .status();
  }
  SubscribedSku Sku(const std::string& offer) {
    auto skus = pc_.SubscribedSkus(t_.fabrikam_admin, adatum_.customer);
    EXPECT_THAT(skus, IsOk());
    for (const SubscribedSku& s : *skus) {
      if (s.offer_id == offer) return s;
    }
    ADD_FAILURE() << "no " << offer << " among the customer's products";
    return {};
  }

  TwoTierWorld t_;
  PartnerCenter& pc_ = t_.pc;
  mocks::InProcessWorld& w_ = t_.world;
  CustomerCreated adatum_;
};

TEST_F(CustomerUsersTest, F4_ResellerAddsLicensesAndRemovesCustomersUsers) {
  auto ada = Add(t_.fabrikam_admin, kAda);
  ASSERT_THAT(ada, IsOk());
  EXPECT_EQ(ada->user.usage_location, "US");  // the customer's country
  // R23: the password Partner Center made is shown once, to its adder.
  auto password = pc_.RevealPassword(t_.fabrikam_admin, ada->password);
  ASSERT_THAT(password, IsOk());
  EXPECT_EQ(pc_.RevealPassword(t_.fabrikam_admin, ada->password).code(),
            ErrorCode::kSecretAlreadyShown);
  // A real Azure AD user of Adatum's tenant, who must change it first.
  EXPECT_EQ(w_.directory().SignIn(kAda, *password).code(),
            ErrorCode::kPasswordChangeRequired);

  ASSERT_THAT(Assign(t_.fabrikam_admin, ada->user.id, "o365-e3"), IsOk());
  EXPECT_EQ(Sku("o365-e3").total, 10);
  EXPECT_EQ(Sku("o365-e3").consumed, 1);
  auto users = pc_.CustomerUsers(t_.contoso_admin, adatum_.customer);
  ASSERT_THAT(users, IsOk());
  ASSERT_EQ(users->size(), 2u);  // the global admin from F7, then Ada
  EXPECT_TRUE(users->front().global_admin);
  EXPECT_EQ(users->back().user_principal_name, kAda);
  EXPECT_EQ(users->back().licenses, std::vector<std::string>{"o365-e3"});

  const std::size_t directory_users = w_.directory().user_count();
  ASSERT_THAT(
      pc_.RemoveCustomerUser(t_.fabrikam_admin, adatum_.customer, ada->user.id),
      IsOk());
  EXPECT_EQ(w_.directory().user_count(), directory_users - 1);
  EXPECT_EQ(Sku("o365-e3").consumed, 0);  // the licence is free again
}

TEST_F(CustomerUsersTest, F4_NewUserMustBeInTheCustomersDomain) {
  const Snapshot before = TakeSnapshot(w_);
  auto foreign = Add(t_.fabrikam_admin, "ada@fabrikam.onmicrosoft.com");
  EXPECT_EQ(foreign.code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(Mentions(foreign.status().message(), "adatum.onmicrosoft.com"));
  EXPECT_EQ(Add(t_.fabrikam_admin, "not an address").code(),
            ErrorCode::kInvalidEmail);
  ASSERT_THAT(Add(t_.fabrikam_admin, kAda), IsOk());
  EXPECT_EQ(Add(t_.contoso_admin, "ADA@adatum.onmicrosoft.com").code(),
            ErrorCode::kDuplicateEmail);
  EXPECT_EQ(TakeSnapshot(w_).directory_users, before.directory_users + 1);
}

TEST_F(CustomerUsersTest, F4_LicensesCannotOutnumberTheSubscriptions) {
  const SubscriptionId sub = adatum_.subscriptions[0];
  ASSERT_THAT(pc_.ChangeLicenses(t_.fabrikam_admin, sub, 2), IsOk());
  auto ada = Add(t_.fabrikam_admin, kAda);
  auto ben = Add(t_.fabrikam_admin, kBen);
  ASSERT_THAT(ada, IsOk());
  ASSERT_THAT(ben, IsOk());
  ASSERT_THAT(Assign(t_.fabrikam_admin, ada->user.id, "o365-e3"), IsOk());
  ASSERT_THAT(Assign(t_.fabrikam_admin, ben->user.id, "o365-e3"), IsOk());
  EXPECT_EQ(Assign(t_.fabrikam_admin, ben->user.id, "o365-e3").code(),
            ErrorCode::kInvalidArgument);  // one licence of a product each
  // The customer's admin from F7 would be the third: none is left.
  auto admin = pc_.CustomerUsers(t_.fabrikam_admin, adatum_.customer);
  ASSERT_THAT(admin, IsOk());
  Status none = Assign(t_.fabrikam_admin, admin->front().id, "o365-e3");
  EXPECT_EQ(none.code(), ErrorCode::kNoLicensesAvailable);
  EXPECT_TRUE(Mentions(none.message(), "2 owned"));
  // Nor may the subscription drop below what its users hold.
  Status fewer = pc_.ChangeLicenses(t_.fabrikam_admin, sub, 1);
  EXPECT_EQ(fewer.code(), ErrorCode::kLicensesAssigned);
  EXPECT_EQ(pc_.store().subscriptions[sub.value() - 1].licenses, 2);
  // Buying more frees one up.
  ASSERT_THAT(pc_.AddLicenses(t_.fabrikam_admin, sub, 1), IsOk());
  EXPECT_THAT(Assign(t_.fabrikam_admin, admin->front().id, "o365-e3"), IsOk());
  // A product the customer has no subscription of has no licences at all.
  EXPECT_EQ(Assign(t_.fabrikam_admin, ada->user.id, "m365-e5").code(),
            ErrorCode::kNoLicensesAvailable);
}

TEST_F(CustomerUsersTest, F8_AnUpgradeMovesTheUsersLicenses) {
  auto ada = Add(t_.fabrikam_admin, kAda);
  ASSERT_THAT(ada, IsOk());
  ASSERT_THAT(Assign(t_.fabrikam_admin, ada->user.id, "o365-e3"), IsOk());
  ASSERT_THAT(pc_.UpgradeSubscription(t_.fabrikam_admin,
                                      adatum_.subscriptions[0], "m365-e3"),
              IsOk());
  auto users = pc_.CustomerUsers(t_.fabrikam_admin, adatum_.customer);
  ASSERT_THAT(users, IsOk());
  EXPECT_EQ(users->back().licenses, std::vector<std::string>{"m365-e3"});
  EXPECT_EQ(Sku("m365-e3").consumed, 1);
}

TEST_F(CustomerUsersTest, R26_PartnersWithoutARelationshipSeeNoUsers) {
  ASSERT_THAT(Add(t_.fabrikam_admin, kAda), IsOk());
  const Snapshot before = TakeSnapshot(w_);
  // Northwind serves nobody here: Adatum does not exist for it.
  EXPECT_EQ(pc_.CustomerUsers(t_.northwind_admin, adatum_.customer).code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(Add(t_.northwind_admin, kBen).code(), ErrorCode::kNotFound);
  EXPECT_EQ(pc_.SubscribedSkus(t_.northwind_admin, adatum_.customer).code(),
            ErrorCode::kNotFound);
  // Once Fabrikam ends its relationship it may no longer manage them.
  ASSERT_THAT(pc_.EndResellerRelationship(t_.fabrikam_admin, adatum_.customer),
              IsOk());
  EXPECT_FALSE(pc_.CustomerUsers(t_.fabrikam_admin, adatum_.customer).ok());
  EXPECT_EQ(TakeSnapshot(w_).directory_users, before.directory_users);
}

TEST_F(CustomerUsersTest, R41_HelpdeskAgentCannotManageCustomersUsers) {
  Session helpdesk =
      t_.AddUser(t_.fabrikam_admin, "help@fabrikam.onmicrosoft.com",
                 AgentRole::kHelpdeskAgent, AdminRole::kNone);
  const Snapshot before = TakeSnapshot(w_);
  auto denied = Add(helpdesk, kAda);
  EXPECT_EQ(denied.code(), ErrorCode::kPermissionDenied);
  EXPECT_TRUE(Mentions(denied.status().message(),  // R47
                       "Administer on behalf of customers"));
  EXPECT_EQ(pc_.CustomerUsers(helpdesk, adatum_.customer).code(),
            ErrorCode::kPermissionDenied);
  EXPECT_EQ(TakeSnapshot(w_), before);
  // An Admin agent may (R40).
  Session agent =
      t_.AddUser(t_.fabrikam_admin, "agent@fabrikam.onmicrosoft.com",
                 AgentRole::kAdminAgent, AdminRole::kNone);
  EXPECT_THAT(Add(agent, kAda), IsOk());
}

TEST_F(CustomerUsersTest, R48_TheCustomersLastGlobalAdminStays) {
  auto users = pc_.CustomerUsers(t_.fabrikam_admin, adatum_.customer);
  ASSERT_THAT(users, IsOk());
  const DirectoryUserId admin = users->front().id;
  Status last =
      pc_.RemoveCustomerUser(t_.fabrikam_admin, adatum_.customer, admin);
  EXPECT_EQ(last.code(), ErrorCode::kFailedPrecondition);
  EXPECT_TRUE(Mentions(last.message(), "last global admin"));
  // A user of another tenant is not Adatum's to remove.
  auto fabrikam_users = w_.directory().UsersOf(t_.fabrikam.tenant);
  ASSERT_FALSE(fabrikam_users.empty());
  EXPECT_EQ(pc_.RemoveCustomerUser(t_.fabrikam_admin, adatum_.customer,
                                   fabrikam_users.front().id)
                .code(),
            ErrorCode::kNotFound);
}

}  // namespace
}  // namespace tiersim::sim::testing
