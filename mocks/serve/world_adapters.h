// The adapters that wire the servers to one SharedWorld:
//   WorldPlumbing      /livez, /readyz, reset and clock for every server
//   WorldAadBackend    Azure AD's password checks and users (through the
//                      core, so sign-ins are journalled as in process)
//   TokenAuthenticator Partner Center's bearer-token check (Azure AD's
//                      verifier, audience and expiry in virtual time)
// Each is thread-safe: the world serialises, the verifier is immutable.
#pragma once

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

#include "mocks/aad/aad_backend.h"
#include "mocks/common/mutex.h"
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

// Remembers the caller behind each token it accepted (bounded, oldest out),
// so a session's requests after the first cost a hash look-up and a time
// comparison: the signature, issuer and audience of a token string never
// change, only whether it has expired, which is checked on every call.
class TokenAuthenticator final : public BearerAuthenticator {
 public:
  // `verifier` is built once the Azure AD server knows its URL; set it
  // before the Partner Center server starts (it is not synchronised).
  TokenAuthenticator(SharedWorld& world, std::string audience,
                     std::size_t capacity = 4096)
      : world_(world), audience_(std::move(audience)), capacity_(capacity) {}
  void SetVerifier(std::unique_ptr<CachingTokenVerifier> verifier);
  ~TokenAuthenticator() override;
  sim::Result<Caller> Authenticate(std::string_view authorization) override;

 private:
  struct Accepted {
    Caller caller;
    sim::SimTime not_before;
    sim::SimTime expires_at;
  };
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const {
      return std::hash<std::string_view>()(s);
    }
  };
  sim::Result<Caller> Verify(std::string_view token);

  SharedWorld& world_;
  std::string audience_;
  std::size_t capacity_;
  std::unique_ptr<CachingTokenVerifier> verifier_;
  SharedMutex mu_;
  std::unordered_map<std::string, Accepted, Hash, std::equal_to<>> accepted_
      TIERSIM_GUARDED_BY(mu_);
  // Keys of accepted_, oldest first.
  std::deque<std::string> order_ TIERSIM_GUARDED_BY(mu_);
};

}  // namespace tiersim::mocks
