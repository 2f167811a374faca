#include "mocks/aad/protocol/app_registry.h"

#include <openssl/crypto.h>

#include "mocks/common/text.h"

namespace tiersim::mocks {
namespace {

constexpr std::size_t kMaxDisplayName = 120;
constexpr std::size_t kMaxRedirectUri = 256;

struct LoopbackParts {
  std::string_view host;
  std::string_view path;
};

// Splits "http://<loopback host>[:port][/path]"; nullopt otherwise.
std::optional<LoopbackParts> SplitLoopback(std::string_view uri) {
  constexpr std::string_view kScheme = "http://";
  if (uri.size() < kScheme.size() ||
      !EqualsIgnoreCase(uri.substr(0, kScheme.size()), kScheme)) {
    return std::nullopt;
  }
  std::string_view rest = uri.substr(kScheme.size());
  if (rest.find_first_of("?#") != std::string_view::npos) return std::nullopt;
  const std::size_t slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  const std::string_view path =
      slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  std::string_view host = authority;
  if (!authority.empty() && authority.front() == '[') {
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    host = authority.substr(0, close + 1);
    authority.remove_prefix(close + 1);
  } else {
    const std::size_t colon = authority.find(':');
    host = authority.substr(0, colon);
    authority = colon == std::string_view::npos ? std::string_view()
                                                : authority.substr(colon);
  }
  if (!authority.empty()) {  // ":port"
    if (authority.front() != ':' || authority.size() < 2 ||
        authority.size() > 6) {
      return std::nullopt;
    }
    for (char c : authority.substr(1)) {
      if (c < '0' || c > '9') return std::nullopt;
    }
  }
  if (!EqualsIgnoreCase(host, "localhost") && host != "127.0.0.1" &&
      host != "[::1]") {
    return std::nullopt;
  }
  return LoopbackParts{host, path};
}

bool IsValidRedirectUri(std::string_view uri) {
  if (uri.empty() || uri.size() > kMaxRedirectUri) return false;
  if (uri.find('#') != std::string_view::npos) return false;
  for (char c : uri) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) return false;
  }
  constexpr std::string_view kHttps = "https://";
  if (uri.size() > kHttps.size() &&
      EqualsIgnoreCase(uri.substr(0, kHttps.size()), kHttps)) {
    return true;
  }
  return SplitLoopback(uri).has_value();
}

}  // namespace

bool IsLoopbackRedirectUri(std::string_view uri) {
  return SplitLoopback(uri).has_value();
}

bool AllowsRedirectUri(const AppRegistration& app, std::string_view uri) {
  const auto loopback = SplitLoopback(uri);
  if (app.any_loopback_redirect && loopback) return true;
  for (const std::string& registered : app.redirect_uris) {
    if (registered == uri) return true;
    // A registered loopback URI matches on any port (RFC 8252 §7.3).
    const auto r = SplitLoopback(registered);
    if (r && loopback && EqualsIgnoreCase(r->host, loopback->host) &&
        r->path == loopback->path) {
      return true;
    }
  }
  return false;
}

AppRegistry::AppRegistry() { Reset(); }

sim::Result<AppCredentials> AppRegistry::Register(NewApp app) {
  if (app.display_name.empty() || app.display_name.size() > kMaxDisplayName) {
    return sim::Status(sim::ErrorCode::kInvalidArgument,
                       "displayName must have 1 to 120 characters");
  }
  for (const std::string& role : app.roles) {
    if (role.empty() || role.size() > kMaxDisplayName) {
      return sim::Status(sim::ErrorCode::kInvalidArgument,
                         "each role must have 1 to 120 characters");
    }
  }
  for (const std::string& uri : app.redirect_uris) {
    if (!IsValidRedirectUri(uri)) {
      return sim::Status(
          sim::ErrorCode::kInvalidArgument,
          "the redirect URI \"" + uri +
              "\" must be an https URL, or an http URL on localhost, "
              "127.0.0.1 or [::1], without a fragment");
    }
  }
  AppCredentials credentials{.client_id = RandomGuid(),
                             .client_secret = RandomToken(30)};
  auto registration = std::make_shared<AppRegistration>(AppRegistration{
      .client_id = credentials.client_id,
      .display_name = std::move(app.display_name),
      .tenant = app.tenant,
      .confidential = true,
      .roles = std::move(app.roles),
      .redirect_uris = std::move(app.redirect_uris),
      .any_loopback_redirect = false,
      .secret_digest = Sha256(credentials.client_secret),
  });
  MutexLock lock(mu_);
  apps_[credentials.client_id] = std::move(registration);
  return credentials;
}

std::shared_ptr<const AppRegistration> AppRegistry::Find(
    std::string_view client_id) const {
  MutexLock lock(mu_);
  auto it = apps_.find(client_id);
  return it == apps_.end() ? nullptr : it->second;
}

bool AppRegistry::CheckSecret(const AppRegistration& app,
                              std::string_view secret) const {
  if (!app.confidential) return false;
  const Sha256Digest digest = Sha256(secret);
  return CRYPTO_memcmp(digest.data(), app.secret_digest.data(),
                       digest.size()) == 0;
}

void AppRegistry::Reset() {
  auto cli = std::make_shared<AppRegistration>(AppRegistration{
      .client_id = std::string(kTiersimCliClientId),
      .display_name = std::string(kTiersimCliName),
      .tenant = std::nullopt,
      .confidential = false,
      .roles = {},
      .redirect_uris = {},
      .any_loopback_redirect = true,
  });
  MutexLock lock(mu_);
  apps_.clear();
  apps_.emplace(cli->client_id, std::move(cli));
}

std::size_t AppRegistry::size() const {
  MutexLock lock(mu_);
  return apps_.size();
}

}  // namespace tiersim::mocks
