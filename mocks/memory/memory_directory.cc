#include "mocks/memory/memory_directory.h"

#include <algorithm>
#include <utility>

namespace tiersim::mocks {
namespace {

using sim::ErrorCode;

std::string Quoted(std::string_view text) {
  return "'" + std::string(text) + "'";
}

sim::Status UnknownTenant(sim::TenantId id) {
  return sim::Error(ErrorCode::kUnknownTenant,
                    "no Azure AD tenant has the ID " + id.ToString());
}

sim::Status UnknownUser(sim::DirectoryUserId id) {
  return sim::Error(ErrorCode::kNotFound,
                    "no directory user has the ID " + id.ToString());
}

}  // namespace

const MemoryDirectory::Tenant* MemoryDirectory::FindTenant(
    sim::TenantId id) const {
  if (!id.valid() || id.value() > tenants_.size()) return nullptr;
  const Tenant& tenant = tenants_[id.value() - 1];
  return tenant.domain != nullptr ? &tenant : nullptr;
}

const MemoryDirectory::User* MemoryDirectory::FindUser(
    sim::DirectoryUserId id) const {
  if (!id.valid() || id.value() > users_.size()) return nullptr;
  const User& user = users_[id.value() - 1];
  return user.upn != nullptr ? &user : nullptr;
}

MemoryDirectory::User* MemoryDirectory::FindUser(sim::DirectoryUserId id) {
  return const_cast<User*>(std::as_const(*this).FindUser(id));
}

sim::Result<sim::TenantId> MemoryDirectory::CreateTenant(
    const sim::TenantSpec& spec) {
  static_assert(sizeof(Tenant) <= 56 && sizeof(User) <= 104,
                "keep the records small: see the header");
  if (spec.domain.empty()) {
    return sim::Error(ErrorCode::kInvalidArgument,
                      "the tenant's domain is missing; expected a domain name "
                      "such as fabrikam.onmicrosoft.com");
  }
  if (!IsDomainName(spec.domain)) {
    return sim::Error(ErrorCode::kInvalidArgument,
                      "the tenant's domain " + Quoted(spec.domain) +
                          " is not a valid domain name; expected dot-separated "
                          "labels of letters, digits and hyphens, such as "
                          "fabrikam.onmicrosoft.com");
  }
  if (!IsCountryCode(spec.country)) {
    return sim::Error(ErrorCode::kInvalidArgument,
                      "the tenant's country " + Quoted(spec.country) +
                          " is not an ISO 3166 alpha-2 code; expected two "
                          "uppercase letters such as US");
  }
  if (tenants_.size() >= kNoSlot) {
    return sim::Error(ErrorCode::kUnavailable, "the directory is full");
  }
  const auto slot = static_cast<Slot>(tenants_.size());
  const auto [it, inserted] = domains_.try_emplace(spec.domain, slot);
  if (!inserted) {
    return sim::Error(
        ErrorCode::kDuplicateDomain,
        "the domain " + spec.domain + " is already used by another tenant");
  }
  tenants_.push_back(Tenant{.domain = &it->first,
                            .display_name = spec.display_name,
                            .country = {spec.country[0], spec.country[1]}});
  ++live_tenants_;
  return sim::TenantId(slot + 1);
}

sim::Status MemoryDirectory::DeleteTenant(sim::TenantId id) {
  if (FindTenant(id) == nullptr) {
    return UnknownTenant(id);
  }
  Tenant& tenant = tenants_[id.value() - 1];
  for (Slot user = tenant.newest_user; user != kNoSlot;) {
    const Slot older = users_[user].older_in_tenant;
    Bury(user);
    user = older;
  }
  domains_.erase(domains_.find(*tenant.domain));
  tenant = Tenant{};  // releases the display name
  --live_tenants_;
  return sim::OkStatus();
}

sim::Result<sim::TenantInfo> MemoryDirectory::GetTenant(
    sim::TenantId id) const {
  const Tenant* tenant = FindTenant(id);
  if (tenant == nullptr) {
    return UnknownTenant(id);
  }
  return sim::TenantInfo{
      .id = id,
      .display_name = tenant->display_name,
      .domain = *tenant->domain,
      .country = std::string(tenant->country.begin(), tenant->country.end())};
}

std::optional<sim::TenantId> MemoryDirectory::FindTenantByDomain(
    std::string_view domain) const {
  const auto it = domains_.find(domain);
  if (it == domains_.end()) return std::nullopt;
  return sim::TenantId(it->second + 1);
}

sim::Result<sim::DirectoryUserId> MemoryDirectory::CreateUser(
    sim::TenantId tenant_id, const sim::DirectoryUserSpec& spec) {
  if (FindTenant(tenant_id) == nullptr) {
    return UnknownTenant(tenant_id);
  }
  if (!IsEmailAddress(spec.upn)) {
    return sim::Error(ErrorCode::kInvalidArgument,
                      "the user principal name " + Quoted(spec.upn) +
                          " is malformed; expected a sign-in name shaped like "
                          "an email address, such as "
                          "ada@fabrikam.onmicrosoft.com");
  }
  if (upns_.contains(spec.upn)) {
    return sim::Error(ErrorCode::kDuplicateEmail,
                      "the user principal name " + spec.upn +
                          " is already used in the directory");
  }
  TIERSIM_RETURN_IF_ERROR(CheckPasswordPolicy(spec.password));
  if (users_.size() >= kNoSlot) {
    return sim::Error(ErrorCode::kUnavailable, "the directory is full");
  }

  const auto slot = static_cast<Slot>(users_.size());
  const auto it = upns_.emplace(spec.upn, slot).first;
  Tenant& tenant = tenants_[tenant_id.value() - 1];
  users_.push_back(User{.upn = &it->first,
                        .display_name = spec.display_name,
                        .password = HashPassword(spec.password, rng_),
                        .tenant = static_cast<Slot>(tenant_id.value() - 1),
                        .older_in_tenant = tenant.newest_user,
                        .role = spec.role,
                        .must_change_password = spec.password_kind ==
                                                sim::PasswordKind::kTemporary});
  tenant.newest_user = slot;
  ++live_users_;
  return sim::DirectoryUserId(slot + 1);
}

void MemoryDirectory::Bury(Slot slot) {
  User& user = users_[slot];
  upns_.erase(upns_.find(*user.upn));
  user = User{};
  --live_users_;
}

sim::Status MemoryDirectory::DeleteUser(sim::DirectoryUserId id) {
  const User* user = FindUser(id);
  if (user == nullptr) {
    return UnknownUser(id);
  }
  const auto slot = static_cast<Slot>(id.value() - 1);
  // Unlink from the tenant's list: a tenant has few users.
  Slot* link = &tenants_[user->tenant].newest_user;
  while (*link != slot) link = &users_[*link].older_in_tenant;
  *link = user->older_in_tenant;
  Bury(slot);
  return sim::OkStatus();
}

sim::DirectoryUser MemoryDirectory::ToDirectoryUser(Slot slot) const {
  const User& user = users_[slot];
  return sim::DirectoryUser{.id = sim::DirectoryUserId(slot + 1),
                            .tenant = sim::TenantId(user.tenant + 1),
                            .upn = *user.upn,
                            .display_name = user.display_name,
                            .role = user.role,
                            .must_change_password = user.must_change_password};
}

sim::Result<sim::DirectoryUser> MemoryDirectory::GetUser(
    sim::DirectoryUserId id) const {
  if (FindUser(id) == nullptr) {
    return UnknownUser(id);
  }
  return ToDirectoryUser(static_cast<Slot>(id.value() - 1));
}

sim::Status MemoryDirectory::SetRole(sim::DirectoryUserId id,
                                     sim::DirectoryRole role) {
  User* user = FindUser(id);
  if (user == nullptr) {
    return UnknownUser(id);
  }
  user->role = role;
  return sim::OkStatus();
}

MemoryDirectory::User* MemoryDirectory::Authenticate(
    std::string_view upn, std::string_view password) {
  const auto it = upns_.find(upn);
  if (it == upns_.end()) {
    (void)Verify(kNobody, password);
    return nullptr;
  }
  User& user = users_[it->second];
  return Verify(user.password, password) ? &user : nullptr;
}

sim::Result<sim::DirectoryUser> MemoryDirectory::SignIn(
    std::string_view upn, std::string_view password) {
  const User* user = Authenticate(upn, password);
  if (user == nullptr) {
    return sim::Error(ErrorCode::kInvalidCredentials,
                      std::string(kBadCredentials));
  }
  if (user->must_change_password) {
    return sim::Error(ErrorCode::kPasswordChangeRequired,
                      "the temporary password of " + *user->upn +
                          " must be changed before signing in");
  }
  return ToDirectoryUser(static_cast<Slot>(user - users_.data()));
}

sim::Status MemoryDirectory::ChangePassword(std::string_view upn,
                                            std::string_view current_password,
                                            std::string_view new_password) {
  User* user = Authenticate(upn, current_password);
  if (user == nullptr) {
    return sim::Error(ErrorCode::kInvalidCredentials,
                      std::string(kBadCredentials));
  }
  TIERSIM_RETURN_IF_ERROR(CheckPasswordPolicy(new_password));
  if (new_password == current_password) {
    return sim::Error(ErrorCode::kWeakPassword,
                      "the new password must differ from the current one");
  }
  user->password = HashPassword(new_password, rng_);
  user->must_change_password = false;
  return sim::OkStatus();
}

std::optional<PasswordHash> MemoryDirectory::PasswordHashOf(
    sim::DirectoryUserId id) const {
  const User* user = FindUser(id);
  if (user == nullptr) return std::nullopt;
  return user->password;
}

std::vector<sim::DirectoryUser> MemoryDirectory::UsersOf(
    sim::TenantId id) const {
  std::vector<sim::DirectoryUser> users;
  const Tenant* tenant = FindTenant(id);
  if (tenant == nullptr) return users;
  for (Slot user = tenant->newest_user; user != kNoSlot;
       user = users_[user].older_in_tenant) {
    users.push_back(ToDirectoryUser(user));
  }
  std::reverse(users.begin(), users.end());
  return users;
}

}  // namespace tiersim::mocks
