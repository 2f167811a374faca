// AppRegistry: the application registrations Azure AD knows — which
// clients may ask for tokens, how they authenticate, where they may be
// redirected, and which app roles they hold.
//
// Two kinds:
//  * the built-in public client kTiersimCliClientId ("tiersim CLI"): no
//    secret, any tenant, password / authorization_code / refresh_token
//    grants, any loopback redirect URI (http://localhost[:port][/path] or
//    http://127.0.0.1... or http://[::1]..., RFC 8252 §7.3);
//  * confidential apps registered at run time (POST /_tiersim/apps): a
//    random client ID and secret, one home tenant, every grant including
//    client_credentials, exact redirect URIs (a loopback one matches on any
//    port, as Azure AD does).
//
// Secrets are kept only as SHA-256 digests and compared in constant time;
// the secret itself is returned once, at registration.
//
// Thread-safe (one mutex); registrations are immutable once made, and
// Find hands out shared pointers to them.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "mocks/common/crypto_util.h"
#include "mocks/common/mutex.h"
#include "mocks/common/text.h"
#include "sim/ids.h"
#include "sim/status.h"

namespace tiersim::mocks {

inline constexpr std::string_view kTiersimCliClientId =
    "7e57a1d0-0000-4000-9000-000000000001";
inline constexpr std::string_view kTiersimCliName = "tiersim CLI";

struct AppRegistration {
  std::string client_id;
  std::string display_name;
  // The home tenant; nullopt for the built-in client, usable in any tenant.
  std::optional<sim::TenantId> tenant;
  bool confidential = false;
  std::vector<std::string> roles;  // app roles, in app-only tokens
  std::vector<std::string> redirect_uris;
  bool any_loopback_redirect = false;  // the built-in public client
  Sha256Digest secret_digest{};        // confidential apps only
};

struct NewApp {
  sim::TenantId tenant;
  std::string display_name;
  std::vector<std::string> roles;
  std::vector<std::string> redirect_uris;
};

struct AppCredentials {
  std::string client_id;
  std::string client_secret;  // shown once
};

class AppRegistry {
 public:
  AppRegistry();  // with the built-in public client

  // kInvalidArgument: empty or over-long display name, empty role names,
  // a redirect URI that is not https (or http on a loopback host) or has a
  // fragment. The tenant is the caller's to check.
  sim::Result<AppCredentials> Register(NewApp app);
  std::shared_ptr<const AppRegistration> Find(std::string_view client_id) const;
  // True when `secret` is the confidential app's secret.
  bool CheckSecret(const AppRegistration& app, std::string_view secret) const;
  // Forgets every registered app (the built-in client stays).
  void Reset();
  std::size_t size() const;

 private:
  mutable Mutex mu_;
  // Client IDs are GUIDs, compared as Azure AD does: ignoring case.
  std::unordered_map<std::string, std::shared_ptr<const AppRegistration>,
                     CaseInsensitiveHash, CaseInsensitiveEqual>
      apps_ TIERSIM_GUARDED_BY(mu_);
};

// http://localhost, http://127.0.0.1 or http://[::1], with an optional port
// and an optional path; no query or fragment.
bool IsLoopbackRedirectUri(std::string_view uri);
// Whether `app` may be redirected to `uri` (see the rules above).
bool AllowsRedirectUri(const AppRegistration& app, std::string_view uri);

}  // namespace tiersim::mocks
