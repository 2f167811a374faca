// MemoryAadBackend: the AadBackend test double — a MemoryDirectory behind a
// mutex, a virtual clock tests move by hand, and per-user extra roles.
// Used by the Azure AD server tests and the aad_test_server binary; the
// real backend (over the shared world) belongs to `tiersim serve`.
//
// Thread-safe: every call takes the one mutex, as the server requires.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "mocks/aad/aad_backend.h"
#include "mocks/memory/memory_directory.h"
#include "sim/rng.h"

namespace tiersim::mocks {

class MemoryAadBackend final : public AadBackend {
 public:
  explicit MemoryAadBackend(sim::SimTime start = sim::kDefaultEpoch)
      : now_(start) {}

  // ---- set-up and clock, for tests ----
  sim::Result<sim::TenantId> CreateTenant(const sim::TenantSpec& spec) {
    std::lock_guard lock(mu_);
    return directory_.CreateTenant(spec);
  }
  sim::Result<sim::DirectoryUserId> CreateUser(
      sim::TenantId tenant, const sim::DirectoryUserSpec& spec) {
    std::lock_guard lock(mu_);
    return directory_.CreateUser(tenant, spec);
  }
  void AddRole(sim::DirectoryUserId user, std::string role) {
    std::lock_guard lock(mu_);
    extra_roles_[user].push_back(std::move(role));
  }
  void Advance(sim::Duration d) {
    std::lock_guard lock(mu_);
    now_ += d;
  }
  // From now on the clock follows the wall clock (plus what Advance adds),
  // for clients that check token times against their own clock.
  void FollowWallClock() {
    std::lock_guard lock(mu_);
    wall_clock_ = true;
    now_ = sim::SimTime{};
  }

  // ---- AadBackend ----
  sim::SimTime Now() override {
    std::lock_guard lock(mu_);
    if (!wall_clock_) return now_;
    const auto wall = std::chrono::duration_cast<sim::Duration>(
        std::chrono::system_clock::now().time_since_epoch());
    return sim::SimTime(wall) + now_.time_since_epoch();
  }
  sim::Result<sim::DirectoryUser> SignIn(std::string_view upn,
                                         std::string_view password) override {
    std::lock_guard lock(mu_);
    return directory_.SignIn(upn, password);
  }
  sim::Status ChangePassword(std::string_view upn, std::string_view current,
                             std::string_view new_password) override {
    std::lock_guard lock(mu_);
    return directory_.ChangePassword(upn, current, new_password);
  }
  sim::Result<sim::DirectoryUser> GetUser(sim::DirectoryUserId id) override {
    std::lock_guard lock(mu_);
    return directory_.GetUser(id);
  }
  sim::Result<sim::TenantInfo> GetTenant(sim::TenantId id) override {
    std::lock_guard lock(mu_);
    return directory_.GetTenant(id);
  }
  std::optional<sim::TenantId> FindTenantByDomain(
      std::string_view domain) override {
    std::lock_guard lock(mu_);
    return directory_.FindTenantByDomain(domain);
  }
  std::vector<std::string> Roles(sim::DirectoryUserId id) override {
    std::lock_guard lock(mu_);
    std::vector<std::string> roles;
    auto user = directory_.GetUser(id);
    if (user.ok() && user->role == sim::DirectoryRole::kGlobalAdmin) {
      roles.push_back("GlobalAdmin");
    }
    if (auto it = extra_roles_.find(id); it != extra_roles_.end()) {
      roles.insert(roles.end(), it->second.begin(), it->second.end());
    }
    return roles;
  }

 private:
  std::mutex mu_;
  sim::Rng rng_{1};
  MemoryDirectory directory_{rng_};
  sim::SimTime now_;
  bool wall_clock_ = false;
  std::map<sim::DirectoryUserId, std::vector<std::string>> extra_roles_;
};

}  // namespace tiersim::mocks
