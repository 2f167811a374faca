// The adapters that wire the servers to one SharedWorld:
//   WorldPlumbing      /livez, /readyz, reset and clock for every server
//   WorldAadBackend    Azure AD's password checks and users (through the
//                      core, so sign-ins are journalled as in process)
//   TokenAuthenticator Partner Center's bearer-token check (Azure AD's
//                      verifier, audience and expiry in virtual time)
// Each is thread-safe: the world serialises, the verifier is immutable.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "mocks/aad/aad_backend.h"
#include "mocks/http/plumbing.h"
#include "mocks/partner_center/authenticator.h"

namespace tiersim::mocks {

class SharedWorld;
class CachingTokenVerifier;

class WorldPlumbing final : public Plumbing {
 public:
  // `on_reset` runs after the world is reset (clears mail, grants...).
  explicit WorldPlumbing(SharedWorld& world) : world_(world) {}
  void SetReady(bool ready) { ready_ = ready; }

  bool Ready() override { return ready_; }
  sim::Status Reset(std::optional<std::uint64_t> seed) override;
  ClockState Clock() override;
  sim::Status Advance(sim::Duration d) override;
  sim::Status SetSpeed(double speed) override;

 private:
  SharedWorld& world_;
  std::atomic<bool> ready_{false};
};

class WorldAadBackend final : public AadBackend {
 public:
  explicit WorldAadBackend(SharedWorld& world) : world_(world) {}
  sim::SimTime Now() override;
  sim::Result<sim::DirectoryUser> SignIn(std::string_view upn,
                                         std::string_view password) override;
  sim::Status ChangePassword(std::string_view upn, std::string_view current,
                             std::string_view new_password) override;
  sim::Result<sim::DirectoryUser> GetUser(sim::DirectoryUserId id) override;
  sim::Result<sim::TenantInfo> GetTenant(sim::TenantId id) override;
  std::optional<sim::TenantId> FindTenantByDomain(
      std::string_view domain) override;
  std::vector<std::string> Roles(sim::DirectoryUserId id) override;

 private:
  SharedWorld& world_;
};

class TokenAuthenticator final : public BearerAuthenticator {
 public:
  // `verifier` is built once the Azure AD server knows its URL.
  TokenAuthenticator(SharedWorld& world, std::string audience)
      : world_(world), audience_(std::move(audience)) {}
  void SetVerifier(std::shared_ptr<CachingTokenVerifier> verifier) {
    std::atomic_store(&verifier_, std::move(verifier));
  }
  sim::Result<Caller> Authenticate(std::string_view authorization) override;

 private:
  SharedWorld& world_;
  std::string audience_;
  std::shared_ptr<CachingTokenVerifier> verifier_;
};

}  // namespace tiersim::mocks
