#include "mocks/serve/world_adapters.h"

#include "mocks/aad/protocol/guids.h"
#include "mocks/aad/protocol/jwt.h"
#include "mocks/aad/protocol/token_cache.h"
#include "mocks/world/shared_world.h"
#include "sim/text.h"

namespace tiersim::mocks {

// ---- WorldPlumbing ----

sim::Status WorldPlumbing::Reset(std::optional<std::uint64_t> seed) {
  world_.Reset(seed);
  return sim::OkStatus();
}

ClockState WorldPlumbing::Clock() {
  const sim::SimTime now =
      world_.With([](InProcessWorld& w) { return w.kernel().Now(); });
  return {.now = now, .origin = world_.Origin(), .speed = world_.speed()};
}

sim::Status WorldPlumbing::Advance(sim::Duration d) {
  return world_.Advance(d);
}

sim::Status WorldPlumbing::SetSpeed(double speed) {
  return world_.SetSpeed(speed);
}

// ---- WorldAadBackend ----

sim::SimTime WorldAadBackend::Now() {
  return world_.With([](InProcessWorld& w) { return w.kernel().Now(); });
}

sim::Result<sim::DirectoryUser> WorldAadBackend::SignIn(
    std::string_view upn, std::string_view password) {
  return world_.With([&](InProcessWorld& w) -> sim::Result<sim::DirectoryUser> {
    // Through the core, which checks the password in the directory (with
    // the fault decorators in front) and journals the sign-in.
    auto session = w.pc().SignIn(upn, password);
    if (!session.ok()) return session.status();
    return w.directory().GetUser(session->directory_user());
  });
}

sim::Status WorldAadBackend::ChangePassword(std::string_view upn,
                                            std::string_view current,
                                            std::string_view new_password) {
  return world_.With([&](InProcessWorld& w) {
    return w.pc().ChangePassword(upn, current, new_password);
  });
}

sim::Result<sim::DirectoryUser> WorldAadBackend::GetUser(
    sim::DirectoryUserId id) {
  return world_.With(
      [&](InProcessWorld& w) { return w.directory().GetUser(id); });
}

sim::Result<sim::TenantInfo> WorldAadBackend::GetTenant(sim::TenantId id) {
  return world_.With(
      [&](InProcessWorld& w) { return w.directory().GetTenant(id); });
}

std::optional<sim::TenantId> WorldAadBackend::FindTenantByDomain(
    std::string_view domain) {
  return world_.With([&](InProcessWorld& w) {
    return w.directory().FindTenantByDomain(domain);
  });
}

std::vector<std::string> WorldAadBackend::Roles(sim::DirectoryUserId id) {
  return world_.With([&](InProcessWorld& w) {
    std::vector<std::string> roles;
    auto user = w.directory().GetUser(id);
    if (user.ok() && user->role == sim::DirectoryRole::kGlobalAdmin) {
      roles.push_back("GlobalAdmin");
    }
    if (const auto u = w.pc().UserOfDirectoryUser(id)) {
      if (u->agent == sim::AgentRole::kAdminAgent)
        roles.push_back("AdminAgent");
      if (u->agent == sim::AgentRole::kHelpdeskAgent) {
        roles.push_back("HelpdeskAgent");
      }
      if (u->admin == sim::AdminRole::kGlobalAdmin && roles.empty()) {
        roles.push_back("GlobalAdmin");
      }
      if (u->admin == sim::AdminRole::kUserManagementAdmin) {
        roles.push_back("UserManagementAdmin");
      }
    }
    return roles;
  });
}

// ---- TokenAuthenticator ----

TokenAuthenticator::~TokenAuthenticator() = default;

void TokenAuthenticator::SetVerifier(
    std::unique_ptr<CachingTokenVerifier> verifier) {
  verifier_ = std::move(verifier);
}

sim::Result<Caller> TokenAuthenticator::Authenticate(
    std::string_view authorization) {
  // The scheme is case-insensitive (RFC 9110 §11.1): "bearer" works too.
  constexpr std::string_view kBearer = "Bearer ";
  if (authorization.size() <= kBearer.size() ||
      !sim::StartsWithIgnoreCase(authorization, kBearer)) {
    return sim::Error(sim::ErrorCode::kInvalidToken,
                      "send Authorization: Bearer <access token from Azure "
                      "AD for " +
                          audience_ + ">");
  }
  const std::string_view token = authorization.substr(kBearer.size());
  const sim::SimTime now = world_.Now();
  {
    ReaderLock lock(mu_);
    auto it = accepted_.find(token);
    if (it != accepted_.end() && now + kClockSkew >= it->second.not_before &&
        now < it->second.expires_at + kClockSkew) {
      return it->second.caller;
    }
  }
  return Verify(token);  // first use, or no longer valid: the full check
}

sim::Result<Caller> TokenAuthenticator::Verify(std::string_view token) {
  if (verifier_ == nullptr) {
    return sim::Error(sim::ErrorCode::kUnavailable,
                      "Azure AD is not running yet; no token can be checked");
  }
  auto claims = verifier_->Verify(token, audience_, world_.Now());
  if (!claims.ok()) return claims.status();
  Caller caller;
  caller.app_only = claims->app_only;
  caller.upn = claims->upn;
  if (auto tenant = ParseTenantGuid(claims->tenant)) caller.tenant = *tenant;
  if (!caller.app_only) {
    auto user = ParseUserGuid(claims->object);
    if (!user) {
      return sim::Error(sim::ErrorCode::kInvalidToken,
                        "the token's oid \"" + claims->object +
                            "\" is not a user of this world");
    }
    caller.user = *user;
  }
  WriterLock lock(mu_);
  if (accepted_.find(token) == accepted_.end()) {
    while (accepted_.size() >= capacity_ && !order_.empty()) {
      accepted_.erase(order_.front());
      order_.pop_front();
    }
    order_.emplace_back(token);
    accepted_.emplace(std::string(token),
                      Accepted{caller, claims->not_before, claims->expires_at});
  }
  return caller;
}

}  // namespace tiersim::mocks
