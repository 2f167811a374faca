#include "mocks/memory/memory_directory.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/common/status_matchers.h"

namespace tiersim::mocks {
namespace {

using ::tiersim::testing::IsOk;

using sim::DirectoryRole;
using sim::DirectoryUserId;
using sim::DirectoryUserSpec;
using sim::ErrorCode;
using sim::PasswordKind;
using sim::TenantId;
using sim::TenantSpec;

constexpr std::string_view kPassword = "Fabrikam-2026";

class MemoryDirectoryTest : public ::testing::Test {
 protected:
  TenantId MustCreateTenant(const std::string& domain,
                            const std::string& country = "US") {
    auto r = directory_.CreateTenant({.display_name = "Org " + domain,
                                      .domain = domain,
                                      .country = country});
    EXPECT_THAT(r, IsOk());
    return r.ok() ? *r : TenantId();
  }
  DirectoryUserId MustCreateUser(TenantId tenant, const std::string& upn,
                                 PasswordKind kind = PasswordKind::kPermanent,
                                 DirectoryRole role = DirectoryRole::kMember) {
    auto r = directory_.CreateUser(tenant, {.upn = upn,
                                            .display_name = "User " + upn,
                                            .password = std::string(kPassword),
                                            .password_kind = kind,
                                            .role = role});
    EXPECT_THAT(r, IsOk());
    return r.ok() ? *r : DirectoryUserId();
  }
  std::vector<std::string> UpnsOf(TenantId tenant) const {
    std::vector<std::string> upns;
    for (const auto& user : directory_.UsersOf(tenant)) {
      upns.push_back(user.upn);
    }
    return upns;
  }

  sim::Rng rng_{1};
  MemoryDirectory directory_{rng_};
};

TEST_F(MemoryDirectoryTest, CreateTenantThenGetTenantRoundTrips) {
  auto id = directory_.CreateTenant({.display_name = "Fabrikam Ltd",
                                     .domain = "Fabrikam.onmicrosoft.com",
                                     .country = "GB"});
  ASSERT_THAT(id, IsOk());
  EXPECT_EQ(id->value(), 1u);
  auto info = directory_.GetTenant(*id);
  ASSERT_THAT(info, IsOk());
  EXPECT_EQ(info->id, *id);
  EXPECT_EQ(info->display_name, "Fabrikam Ltd");
  EXPECT_EQ(info->domain, "Fabrikam.onmicrosoft.com");  // kept as spelled
  EXPECT_EQ(info->country, "GB");
  EXPECT_EQ(directory_.tenant_count(), 1u);
}

TEST_F(MemoryDirectoryTest, IdsAreDenseFromOne) {
  EXPECT_EQ(MustCreateTenant("a.test").value(), 1u);
  EXPECT_EQ(MustCreateTenant("b.test").value(), 2u);
  const TenantId a(1);
  EXPECT_EQ(MustCreateUser(a, "x@a.test").value(), 1u);
  EXPECT_EQ(MustCreateUser(a, "y@a.test").value(), 2u);
}

TEST_F(MemoryDirectoryTest, CreateTenantRejectsMalformedDomain) {
  for (const std::string domain :
       {"", "fabrikam", "fab rikam.test", "fabrikam..test", "-x.test"}) {
    SCOPED_TRACE(domain);
    auto r = directory_.CreateTenant(
        {.display_name = "F", .domain = domain, .country = "US"});
    EXPECT_EQ(r.code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(r.status().message().find("domain"), std::string::npos);
    EXPECT_NE(r.status().message().find("fabrikam.onmicrosoft.com"),
              std::string::npos)
        << "the message shows what is expected";
  }
  EXPECT_EQ(directory_.tenant_count(), 0u);
  EXPECT_FALSE(directory_.FindTenantByDomain("fabrikam").has_value());
}

TEST_F(MemoryDirectoryTest, CreateTenantRejectsMalformedCountry) {
  for (const std::string country : {"", "us", "USA", "U", "U1"}) {
    SCOPED_TRACE(country);
    auto r = directory_.CreateTenant(
        {.display_name = "F", .domain = "f.test", .country = country});
    EXPECT_EQ(r.code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(r.status().message().find("two uppercase letters"),
              std::string::npos);
  }
  EXPECT_EQ(directory_.tenant_count(), 0u);
  EXPECT_FALSE(directory_.FindTenantByDomain("f.test").has_value());
  // The failed attempts did not reserve the domain.
  EXPECT_EQ(MustCreateTenant("f.test").value(), 1u);
}

TEST_F(MemoryDirectoryTest, DuplicateDomainIsRejectedIgnoringCase) {
  const TenantId first = MustCreateTenant("fabrikam.test");
  auto r = directory_.CreateTenant(
      {.display_name = "Other", .domain = "FABRIKAM.Test", .country = "US"});
  EXPECT_EQ(r.code(), ErrorCode::kDuplicateDomain);
  EXPECT_EQ(directory_.tenant_count(), 1u);
  EXPECT_EQ(directory_.FindTenantByDomain("fabrikam.test"), first);
  EXPECT_EQ(directory_.GetTenant(first)->display_name, "Org fabrikam.test");
  EXPECT_EQ(directory_.GetTenant(TenantId(2)).code(),
            ErrorCode::kUnknownTenant);
}

TEST_F(MemoryDirectoryTest, FindTenantByDomainIgnoresCase) {
  const TenantId id = MustCreateTenant("Contoso.onmicrosoft.com");
  EXPECT_EQ(directory_.FindTenantByDomain("contoso.ONMICROSOFT.com"), id);
  EXPECT_EQ(directory_.FindTenantByDomain("contoso.onmicrosoft.co"),
            std::nullopt);
}

TEST_F(MemoryDirectoryTest, GetTenantOfUnknownIdFails) {
  MustCreateTenant("a.test");
  EXPECT_EQ(directory_.GetTenant(TenantId()).code(), ErrorCode::kUnknownTenant);
  EXPECT_EQ(directory_.GetTenant(TenantId(2)).code(),
            ErrorCode::kUnknownTenant);
  EXPECT_EQ(directory_.DeleteTenant(TenantId(9)).code(),
            ErrorCode::kUnknownTenant);
  EXPECT_EQ(directory_.tenant_count(), 1u);
}

TEST_F(MemoryDirectoryTest, CreateUserInUnknownTenantFails) {
  auto r = directory_.CreateUser(
      TenantId(1), {.upn = "ada@a.test", .password = "Fabrikam-2026"});
  EXPECT_EQ(r.code(), ErrorCode::kUnknownTenant);
  EXPECT_EQ(directory_.user_count(), 0u);
}

TEST_F(MemoryDirectoryTest, CreateUserRejectsMalformedUpn) {
  const TenantId t = MustCreateTenant("a.test");
  for (const std::string upn : {"", "ada", "ada@", "@a.test", "a da@a.test"}) {
    SCOPED_TRACE(upn);
    auto r =
        directory_.CreateUser(t, {.upn = upn, .password = "Fabrikam-2026"});
    EXPECT_EQ(r.code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(r.status().message().find("user principal name"),
              std::string::npos);
  }
  EXPECT_EQ(directory_.user_count(), 0u);
  EXPECT_TRUE(directory_.UsersOf(t).empty());
}

TEST_F(MemoryDirectoryTest, UpnIsUniqueAcrossTheDirectoryIgnoringCase) {
  const TenantId a = MustCreateTenant("a.test");
  const TenantId b = MustCreateTenant("b.test");
  const DirectoryUserId ada = MustCreateUser(a, "Ada@a.test");
  auto r = directory_.CreateUser(
      b, {.upn = "ADA@A.TEST", .password = "Other-Pass-1"});
  EXPECT_EQ(r.code(), ErrorCode::kDuplicateEmail);
  EXPECT_EQ(directory_.user_count(), 1u);
  EXPECT_TRUE(directory_.UsersOf(b).empty());
  // The original user and password are untouched.
  auto signed_in = directory_.SignIn("ada@a.test", kPassword);
  ASSERT_THAT(signed_in, IsOk());
  EXPECT_EQ(signed_in->id, ada);
  EXPECT_EQ(signed_in->upn, "Ada@a.test");
}

TEST_F(MemoryDirectoryTest, PasswordPolicyAppliesToEveryNewUser) {
  const TenantId t = MustCreateTenant("a.test");
  for (const PasswordKind kind :
       {PasswordKind::kPermanent, PasswordKind::kTemporary}) {
    auto r = directory_.CreateUser(
        t,
        {.upn = "ada@a.test", .password = "password", .password_kind = kind});
    EXPECT_EQ(r.code(), ErrorCode::kWeakPassword);
  }
  EXPECT_EQ(directory_.user_count(), 0u);
  EXPECT_EQ(directory_.SignIn("ada@a.test", "password").code(),
            ErrorCode::kInvalidCredentials);
  // The UPN was not reserved by the failed attempts.
  MustCreateUser(t, "ada@a.test");
}

TEST_F(MemoryDirectoryTest, GetUserReturnsWhatWasCreated) {
  const TenantId t = MustCreateTenant("a.test");
  const DirectoryUserId id = MustCreateUser(
      t, "ada@a.test", PasswordKind::kTemporary, DirectoryRole::kGlobalAdmin);
  auto user = directory_.GetUser(id);
  ASSERT_THAT(user, IsOk());
  EXPECT_EQ(user->id, id);
  EXPECT_EQ(user->tenant, t);
  EXPECT_EQ(user->upn, "ada@a.test");
  EXPECT_EQ(user->display_name, "User ada@a.test");
  EXPECT_EQ(user->role, DirectoryRole::kGlobalAdmin);
  EXPECT_TRUE(user->must_change_password);
  EXPECT_EQ(directory_.GetUser(DirectoryUserId(2)).code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(directory_.GetUser(DirectoryUserId()).code(), ErrorCode::kNotFound);
}

TEST_F(MemoryDirectoryTest, SetRoleChangesTheRole) {
  const TenantId t = MustCreateTenant("a.test");
  const DirectoryUserId id = MustCreateUser(t, "ada@a.test");
  ASSERT_THAT(directory_.SetRole(id, DirectoryRole::kGlobalAdmin), IsOk());
  EXPECT_EQ(directory_.GetUser(id)->role, DirectoryRole::kGlobalAdmin);
  EXPECT_EQ(
      directory_.SetRole(DirectoryUserId(5), DirectoryRole::kMember).code(),
      ErrorCode::kNotFound);
}

TEST_F(MemoryDirectoryTest, SignInChecksThePasswordAndIgnoresUpnCase) {
  const TenantId t = MustCreateTenant("a.test");
  const DirectoryUserId id = MustCreateUser(t, "ada@a.test");
  auto ok = directory_.SignIn("ADA@a.Test", kPassword);
  ASSERT_THAT(ok, IsOk());
  EXPECT_EQ(ok->id, id);
  EXPECT_EQ(directory_.SignIn("ada@a.test", "fabrikam-2026").code(),
            ErrorCode::kInvalidCredentials);
}

TEST_F(MemoryDirectoryTest, SignInDoesNotRevealWhetherTheUserExists) {
  const TenantId t = MustCreateTenant("a.test");
  MustCreateUser(t, "ada@a.test");
  auto wrong_password = directory_.SignIn("ada@a.test", "Wrong-Pass-1");
  auto no_user = directory_.SignIn("bob@a.test", "Wrong-Pass-1");
  EXPECT_EQ(wrong_password.code(), ErrorCode::kInvalidCredentials);
  EXPECT_EQ(no_user.code(), ErrorCode::kInvalidCredentials);
  EXPECT_EQ(wrong_password.status(), no_user.status());
  EXPECT_EQ(wrong_password.status().message().find("ada"), std::string::npos);
}

TEST_F(MemoryDirectoryTest, TemporaryPasswordMustBeChangedAfterItIsChecked) {
  const TenantId t = MustCreateTenant("a.test");
  MustCreateUser(t, "ada@a.test", PasswordKind::kTemporary);
  EXPECT_EQ(directory_.SignIn("ada@a.test", "Wrong-Pass-1").code(),
            ErrorCode::kInvalidCredentials);
  EXPECT_EQ(directory_.SignIn("ada@a.test", kPassword).code(),
            ErrorCode::kPasswordChangeRequired);
}

TEST_F(MemoryDirectoryTest, ChangePasswordReplacesItAndClearsMustChange) {
  const TenantId t = MustCreateTenant("a.test");
  const DirectoryUserId id =
      MustCreateUser(t, "ada@a.test", PasswordKind::kTemporary);
  ASSERT_THAT(
      directory_.ChangePassword("Ada@A.test", kPassword, "New-Secret-9"),
      IsOk());
  EXPECT_FALSE(directory_.GetUser(id)->must_change_password);
  EXPECT_THAT(directory_.SignIn("ada@a.test", "New-Secret-9"), IsOk());
  EXPECT_EQ(directory_.SignIn("ada@a.test", kPassword).code(),
            ErrorCode::kInvalidCredentials);
}

TEST_F(MemoryDirectoryTest, ChangePasswordFailuresLeaveThePasswordAlone) {
  const TenantId t = MustCreateTenant("a.test");
  const DirectoryUserId id =
      MustCreateUser(t, "ada@a.test", PasswordKind::kTemporary);
  const auto hash_before = directory_.PasswordHashOf(id);

  EXPECT_EQ(
      directory_.ChangePassword("ada@a.test", "Wrong-Pass-1", "New-Secret-9")
          .code(),
      ErrorCode::kInvalidCredentials);
  EXPECT_EQ(
      directory_.ChangePassword("bob@a.test", kPassword, "New-Secret-9").code(),
      ErrorCode::kInvalidCredentials);
  EXPECT_EQ(directory_.ChangePassword("ada@a.test", kPassword, "short").code(),
            ErrorCode::kWeakPassword);
  const sim::Status same =
      directory_.ChangePassword("ada@a.test", kPassword, kPassword);
  EXPECT_EQ(same.code(), ErrorCode::kWeakPassword);
  EXPECT_NE(same.message().find("differ"), std::string::npos);

  EXPECT_EQ(directory_.PasswordHashOf(id), hash_before);
  EXPECT_TRUE(directory_.GetUser(id)->must_change_password);
  EXPECT_EQ(directory_.SignIn("ada@a.test", kPassword).code(),
            ErrorCode::kPasswordChangeRequired);
}

TEST_F(MemoryDirectoryTest, UsersOfListsLiveUsersInCreationOrder) {
  const TenantId a = MustCreateTenant("a.test");
  const TenantId b = MustCreateTenant("b.test");
  MustCreateUser(a, "one@a.test");
  MustCreateUser(b, "other@b.test");
  const DirectoryUserId two = MustCreateUser(a, "two@a.test");
  MustCreateUser(a, "three@a.test");
  EXPECT_EQ(UpnsOf(a), (std::vector<std::string>{"one@a.test", "two@a.test",
                                                 "three@a.test"}));
  ASSERT_THAT(directory_.DeleteUser(two), IsOk());
  EXPECT_EQ(UpnsOf(a),
            (std::vector<std::string>{"one@a.test", "three@a.test"}));
  EXPECT_EQ(UpnsOf(b), (std::vector<std::string>{"other@b.test"}));
  EXPECT_TRUE(directory_.UsersOf(TenantId(7)).empty());
}

TEST_F(MemoryDirectoryTest, DeleteUserFreesTheUpn) {
  const TenantId t = MustCreateTenant("a.test");
  const DirectoryUserId id = MustCreateUser(t, "ada@a.test");
  ASSERT_THAT(directory_.DeleteUser(id), IsOk());
  EXPECT_EQ(directory_.user_count(), 0u);
  EXPECT_EQ(directory_.GetUser(id).code(), ErrorCode::kNotFound);
  EXPECT_EQ(directory_.SignIn("ada@a.test", kPassword).code(),
            ErrorCode::kInvalidCredentials);
  EXPECT_EQ(directory_.DeleteUser(id).code(), ErrorCode::kNotFound);
  // Reusable, with a new ID: IDs are never reused.
  const DirectoryUserId again = MustCreateUser(t, "ADA@a.test");
  EXPECT_EQ(again.value(), 2u);
  EXPECT_EQ(directory_.user_count(), 1u);
}

TEST_F(MemoryDirectoryTest, DeleteTenantRemovesItsUsersAndFreesNames) {
  const TenantId a = MustCreateTenant("a.test");
  const TenantId b = MustCreateTenant("b.test");
  const DirectoryUserId ada = MustCreateUser(a, "ada@a.test");
  const DirectoryUserId bob = MustCreateUser(a, "bob@a.test");
  const DirectoryUserId eve = MustCreateUser(b, "eve@b.test");

  ASSERT_THAT(directory_.DeleteTenant(a), IsOk());
  EXPECT_EQ(directory_.tenant_count(), 1u);
  EXPECT_EQ(directory_.user_count(), 1u);
  EXPECT_EQ(directory_.GetTenant(a).code(), ErrorCode::kUnknownTenant);
  EXPECT_EQ(directory_.FindTenantByDomain("a.test"), std::nullopt);
  EXPECT_EQ(directory_.GetUser(ada).code(), ErrorCode::kNotFound);
  EXPECT_EQ(directory_.GetUser(bob).code(), ErrorCode::kNotFound);
  EXPECT_TRUE(directory_.UsersOf(a).empty());
  EXPECT_EQ(directory_.DeleteTenant(a).code(), ErrorCode::kUnknownTenant);
  EXPECT_EQ(
      directory_.CreateUser(a, {.upn = "x@a.test", .password = "Fabrikam-2026"})
          .code(),
      ErrorCode::kUnknownTenant);
  // The other tenant is untouched.
  EXPECT_THAT(directory_.GetUser(eve), IsOk());
  EXPECT_THAT(directory_.SignIn("eve@b.test", kPassword), IsOk());

  // Domain and UPNs can be used again, under new IDs.
  const TenantId reborn = MustCreateTenant("A.test");
  EXPECT_EQ(reborn.value(), 3u);
  const DirectoryUserId ada2 = MustCreateUser(reborn, "ada@a.test");
  EXPECT_EQ(ada2.value(), 4u);
  EXPECT_EQ(directory_.FindTenantByDomain("a.test"), reborn);
  EXPECT_EQ(UpnsOf(reborn), (std::vector<std::string>{"ada@a.test"}));
  EXPECT_EQ(directory_.SignIn("ada@a.test", kPassword)->tenant, reborn);
}

TEST(MemoryDirectorySaltTest, SameSeedGivesSameHashesDifferentSeedDiffers) {
  sim::Rng rng_a(42), rng_b(42), rng_c(43);
  MemoryDirectory a(rng_a), b(rng_b), c(rng_c);
  DirectoryUserId ids[3];
  MemoryDirectory* directories[] = {&a, &b, &c};
  for (int i = 0; i < 3; ++i) {
    auto tenant = directories[i]->CreateTenant(
        {.display_name = "F", .domain = "f.test", .country = "US"});
    ASSERT_THAT(tenant, IsOk());
    auto user = directories[i]->CreateUser(
        *tenant, {.upn = "ada@f.test", .password = "Fabrikam-2026"});
    ASSERT_THAT(user, IsOk());
    ids[i] = *user;
  }
  const auto ha = a.PasswordHashOf(ids[0]);
  const auto hb = b.PasswordHashOf(ids[1]);
  const auto hc = c.PasswordHashOf(ids[2]);
  ASSERT_TRUE(ha && hb && hc);
  EXPECT_EQ(*ha, *hb);
  EXPECT_NE(ha->salt, hc->salt);
  EXPECT_NE(ha->digest, hc->digest);
  EXPECT_TRUE(Verify(*hc, "Fabrikam-2026"));
  EXPECT_EQ(a.PasswordHashOf(DirectoryUserId(9)), std::nullopt);
}

}  // namespace
}  // namespace tiersim::mocks
