#include "mocks/memory/memory_membership.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/common/status_matchers.h"

namespace tiersim::mocks {
namespace {

using ::tiersim::testing::IsOk;

using sim::ErrorCode;
using sim::MpnId;
using sim::MpnProfile;
using sim::PmcAccountId;

MpnProfile MakeProfile(std::uint64_t mpn, std::string legal_name,
                       std::string country = "US") {
  return {.mpn = MpnId(mpn),
          .legal_name = std::move(legal_name),
          .country = std::move(country),
          .incentives = {"CSP indirect"},
          .competencies = {"Cloud Platform"}};
}

class MemoryMembershipTest : public ::testing::Test {
 protected:
  PmcAccountId MustAddAccount(std::string user_name) {
    auto r = pmc_.AddAccount(std::move(user_name), "Pmc-Secret-1");
    EXPECT_THAT(r, IsOk());
    return r.ok() ? *r : PmcAccountId();
  }
  std::vector<std::string> LegalNamesOf(PmcAccountId account) {
    std::vector<std::string> names;
    auto profiles = pmc_.Profiles(account);
    EXPECT_THAT(profiles, IsOk());
    if (!profiles.ok()) return names;
    for (const MpnProfile& p : *profiles) names.push_back(p.legal_name);
    return names;
  }

  sim::Rng rng_{5};
  MemoryMembership pmc_{rng_};
};

TEST_F(MemoryMembershipTest, AccountIdsAreDenseFromOne) {
  EXPECT_EQ(MustAddAccount("ada@contoso.test").value(), 1u);
  EXPECT_EQ(MustAddAccount("bob@contoso.test").value(), 2u);
  EXPECT_EQ(pmc_.account_count(), 2u);
}

TEST_F(MemoryMembershipTest, DuplicateUserNameIsRejectedIgnoringCase) {
  const PmcAccountId ada = MustAddAccount("ada@contoso.test");
  auto r = pmc_.AddAccount("ADA@Contoso.test", "Another-Secret-2");
  EXPECT_EQ(r.code(), ErrorCode::kDuplicateEmail);
  EXPECT_EQ(pmc_.account_count(), 1u);
  // The first account's password still works; the second one's does not.
  EXPECT_EQ(*pmc_.SignIn("ada@contoso.test", "Pmc-Secret-1"), ada);
  EXPECT_EQ(pmc_.SignIn("ada@contoso.test", "Another-Secret-2").code(),
            ErrorCode::kInvalidCredentials);
}

TEST_F(MemoryMembershipTest, AddAccountNeedsUserNameAndPassword) {
  EXPECT_EQ(pmc_.AddAccount("", "Pmc-Secret-1").code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(pmc_.AddAccount("ada@contoso.test", "").code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(pmc_.account_count(), 0u);
}

TEST_F(MemoryMembershipTest, SignInChecksUserNameAndPassword) {
  const PmcAccountId ada = MustAddAccount("ada@contoso.test");
  auto ok = pmc_.SignIn("Ada@CONTOSO.test", "Pmc-Secret-1");
  ASSERT_THAT(ok, IsOk());
  EXPECT_EQ(*ok, ada);
  auto wrong_password = pmc_.SignIn("ada@contoso.test", "pmc-secret-1");
  auto unknown_user = pmc_.SignIn("eve@contoso.test", "Pmc-Secret-1");
  EXPECT_EQ(wrong_password.code(), ErrorCode::kInvalidCredentials);
  EXPECT_EQ(unknown_user.code(), ErrorCode::kInvalidCredentials);
  EXPECT_EQ(wrong_password.status(), unknown_user.status());
}

TEST_F(MemoryMembershipTest, ProfilesComeBackInInsertionOrder) {
  const PmcAccountId ada = MustAddAccount("ada@contoso.test");
  const PmcAccountId bob = MustAddAccount("bob@fabrikam.test");
  ASSERT_THAT(pmc_.AddProfile(ada, MakeProfile(9000003, "Contoso C")), IsOk());
  ASSERT_THAT(pmc_.AddProfile(bob, MakeProfile(9000002, "Fabrikam")), IsOk());
  ASSERT_THAT(pmc_.AddProfile(ada, MakeProfile(9000001, "Contoso A")), IsOk());
  EXPECT_EQ(LegalNamesOf(ada),
            (std::vector<std::string>{"Contoso C", "Contoso A"}));
  EXPECT_EQ(LegalNamesOf(bob), (std::vector<std::string>{"Fabrikam"}));
  EXPECT_EQ(pmc_.profile_count(), 3u);

  auto profile = pmc_.Profile(MpnId(9000001));
  ASSERT_THAT(profile, IsOk());
  EXPECT_EQ(profile->legal_name, "Contoso A");
  EXPECT_EQ(profile->country, "US");
  EXPECT_TRUE(profile->active);
  EXPECT_EQ(profile->incentives, (std::vector<std::string>{"CSP indirect"}));
  EXPECT_EQ(profile->competencies,
            (std::vector<std::string>{"Cloud Platform"}));
}

TEST_F(MemoryMembershipTest, AccountWithoutProfilesHasAnEmptyList) {
  const PmcAccountId ada = MustAddAccount("ada@contoso.test");
  auto profiles = pmc_.Profiles(ada);
  ASSERT_THAT(profiles, IsOk());
  EXPECT_TRUE(profiles->empty());
}

TEST_F(MemoryMembershipTest, UnknownAccountIsNotFound) {
  EXPECT_EQ(pmc_.Profiles(PmcAccountId(1)).code(), ErrorCode::kNotFound);
  EXPECT_EQ(pmc_.Profiles(PmcAccountId()).code(), ErrorCode::kNotFound);
  EXPECT_EQ(pmc_.AddProfile(PmcAccountId(3), MakeProfile(9000001, "X")).code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(pmc_.profile_count(), 0u);
  EXPECT_EQ(pmc_.Profile(MpnId(9000001)).code(), ErrorCode::kUnknownMpnId);
}

TEST_F(MemoryMembershipTest, DuplicateMpnIsRejectedAndChangesNothing) {
  const PmcAccountId ada = MustAddAccount("ada@contoso.test");
  const PmcAccountId bob = MustAddAccount("bob@fabrikam.test");
  ASSERT_THAT(pmc_.AddProfile(ada, MakeProfile(4812345, "Contoso")), IsOk());
  const sim::Status dup =
      pmc_.AddProfile(bob, MakeProfile(4812345, "Imposter"));
  EXPECT_EQ(dup.code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(dup.message().find("4812345"), std::string::npos);
  EXPECT_EQ(pmc_.profile_count(), 1u);
  EXPECT_EQ(pmc_.Profile(MpnId(4812345))->legal_name, "Contoso");
  EXPECT_TRUE(LegalNamesOf(bob).empty());
}

TEST_F(MemoryMembershipTest, AddProfileValidatesMpnAndCountry) {
  const PmcAccountId ada = MustAddAccount("ada@contoso.test");
  EXPECT_EQ(pmc_.AddProfile(ada, MakeProfile(0, "No number")).code(),
            ErrorCode::kInvalidArgument);
  const sim::Status country = pmc_.AddProfile(ada, MakeProfile(7, "X", "us"));
  EXPECT_EQ(country.code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(country.message().find("two uppercase letters"), std::string::npos);
  EXPECT_EQ(pmc_.profile_count(), 0u);
  EXPECT_EQ(pmc_.Profile(MpnId(7)).code(), ErrorCode::kUnknownMpnId);
}

TEST_F(MemoryMembershipTest, UnknownMpnNamesTheNumber) {
  auto r = pmc_.Profile(MpnId(1234567));
  EXPECT_EQ(r.code(), ErrorCode::kUnknownMpnId);
  EXPECT_NE(r.status().message().find("1234567"), std::string::npos);
  const sim::Status s = pmc_.SetProfileActive(MpnId(7654321), false);
  EXPECT_EQ(s.code(), ErrorCode::kUnknownMpnId);
  EXPECT_NE(s.message().find("7654321"), std::string::npos);
}

TEST_F(MemoryMembershipTest, SetProfileActiveIsVisibleEverywhere) {
  const PmcAccountId ada = MustAddAccount("ada@contoso.test");
  ASSERT_THAT(pmc_.AddProfile(ada, MakeProfile(4812345, "Contoso")), IsOk());
  ASSERT_THAT(pmc_.SetProfileActive(MpnId(4812345), false), IsOk());
  EXPECT_FALSE(pmc_.Profile(MpnId(4812345))->active);
  EXPECT_FALSE((*pmc_.Profiles(ada))[0].active);
  ASSERT_THAT(pmc_.SetProfileActive(MpnId(4812345), true), IsOk());
  EXPECT_TRUE(pmc_.Profile(MpnId(4812345))->active);
}

}  // namespace
}  // namespace tiersim::mocks
