#include "mocks/memory/memory_membership.h"

#include <utility>

namespace tiersim::mocks {
namespace {

using sim::ErrorCode;

std::string MpnText(sim::MpnId mpn) { return std::to_string(mpn.value()); }

sim::Status UnknownMpn(sim::MpnId mpn) {
  return sim::Error(ErrorCode::kUnknownMpnId,
                    "no organisation profile has the MPN ID " + MpnText(mpn));
}

}  // namespace

sim::Result<sim::PmcAccountId> MemoryMembership::AddAccount(
    std::string user_name, std::string_view password) {
  if (user_name.empty()) {
    return sim::Error(ErrorCode::kInvalidArgument,
                      "the PMC account's user name is missing");
  }
  if (password.empty()) {
    return sim::Error(ErrorCode::kInvalidArgument,
                      "the PMC account " + user_name + " needs a password");
  }
  if (by_user_name_.contains(user_name)) {
    return sim::Error(ErrorCode::kDuplicateEmail,
                      "the PMC user name " + user_name + " is already in use");
  }
  const auto index = static_cast<std::uint32_t>(accounts_.size());
  accounts_.push_back(Account{.password = HashPassword(password, rng_)});
  by_user_name_.emplace(std::move(user_name), index);
  return sim::PmcAccountId(index + 1);
}

sim::Status MemoryMembership::AddProfile(sim::PmcAccountId account,
                                         sim::MpnProfile profile) {
  if (!account.valid() || account.value() > accounts_.size()) {
    return sim::Error(ErrorCode::kNotFound,
                      "no PMC account has the ID " + account.ToString());
  }
  if (!profile.mpn.valid()) {
    return sim::Error(ErrorCode::kInvalidArgument,
                      "the organisation profile needs an MPN ID other than 0");
  }
  if (!IsCountryCode(profile.country)) {
    return sim::Error(ErrorCode::kInvalidArgument,
                      "the country '" + profile.country + "' of MPN ID " +
                          MpnText(profile.mpn) +
                          " is not an ISO 3166 alpha-2 code; expected two "
                          "uppercase letters such as US");
  }
  const auto index = static_cast<std::uint32_t>(profiles_.size());
  if (!by_mpn_.try_emplace(profile.mpn, index).second) {
    return sim::Error(ErrorCode::kInvalidArgument,
                      "the MPN ID " + MpnText(profile.mpn) +
                          " already has an organisation profile");
  }
  profiles_.push_back(std::move(profile));
  accounts_[account.value() - 1].profiles.push_back(index);
  return sim::OkStatus();
}

sim::Status MemoryMembership::SetProfileActive(sim::MpnId mpn, bool active) {
  const auto it = by_mpn_.find(mpn);
  if (it == by_mpn_.end()) return UnknownMpn(mpn);
  profiles_[it->second].active = active;
  return sim::OkStatus();
}

sim::Result<sim::PmcAccountId> MemoryMembership::SignIn(
    std::string_view user_name, std::string_view password) {
  const auto it = by_user_name_.find(user_name);
  const PasswordHash& hash =
      it == by_user_name_.end() ? kNobody : accounts_[it->second].password;
  if (!Verify(hash, password) || it == by_user_name_.end()) {
    return sim::Error(ErrorCode::kInvalidCredentials,
                      std::string(kBadCredentials));
  }
  return sim::PmcAccountId(it->second + 1);
}

sim::Result<std::vector<sim::MpnProfile>> MemoryMembership::Profiles(
    sim::PmcAccountId account) {
  if (!account.valid() || account.value() > accounts_.size()) {
    return sim::Error(ErrorCode::kNotFound,
                      "no PMC account has the ID " + account.ToString());
  }
  std::vector<sim::MpnProfile> out;
  const Account& owner = accounts_[account.value() - 1];
  out.reserve(owner.profiles.size());
  for (std::uint32_t index : owner.profiles) out.push_back(profiles_[index]);
  return out;
}

sim::Result<sim::MpnProfile> MemoryMembership::Profile(sim::MpnId mpn) {
  const auto it = by_mpn_.find(mpn);
  if (it == by_mpn_.end()) return UnknownMpn(mpn);
  return profiles_[it->second];
}

}  // namespace tiersim::mocks
