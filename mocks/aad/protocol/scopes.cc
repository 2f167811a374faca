#include "mocks/aad/protocol/scopes.h"

#include "mocks/common/text.h"

namespace tiersim::mocks {
namespace {

constexpr std::string_view kGraphUri = "https://graph.microsoft.com";
constexpr std::string_view kGraphAppId = "00000003-0000-0000-c000-000000000000";

std::string_view TrimSlash(std::string_view s) {
  while (!s.empty() && s.back() == '/') s.remove_suffix(1);
  return s;
}

const ApiResource* FindResource(const std::vector<ApiResource>& resources,
                                std::string_view uri) {
  for (const ApiResource& r : resources) {
    if (EqualsIgnoreCase(TrimSlash(r.uri), TrimSlash(uri)) ||
        EqualsIgnoreCase(r.audience, uri)) {
      return &r;
    }
  }
  return nullptr;
}

const ApiResource* Graph(const std::vector<ApiResource>& resources) {
  for (const ApiResource& r : resources) {
    if (r.audience == kGraphAppId) return &r;
  }
  return nullptr;
}

}  // namespace

ApiResource GraphResource() {
  return ApiResource{.uri = std::string(kGraphUri),
                     .audience = std::string(kGraphAppId),
                     .permissions = {"User.Read"}};
}

std::vector<std::string> ScopeSet::DelegatedScopes() const {
  if (resource == nullptr) return {};
  if (is_default() || permissions.empty()) return resource->permissions;
  return permissions;
}

std::string ScopeSet::Granted() const {
  std::string out;
  const auto add = [&out](std::string_view s) {
    if (!out.empty()) out += ' ';
    out += s;
  };
  if (resource != nullptr) {
    for (const std::string& p : permissions) {
      add(std::string(TrimSlash(resource->uri)) + "/" + p);
    }
  }
  if (openid) add("openid");
  if (profile) add("profile");
  if (email) add("email");
  if (offline_access) add("offline_access");
  return out;
}

AadResult<ScopeSet> ParseScopes(std::string_view scope,
                                const std::vector<ApiResource>& resources,
                                std::string_view tenant) {
  ScopeSet set;
  std::size_t i = 0;
  while (i < scope.size()) {
    while (i < scope.size() && scope[i] == ' ') ++i;
    std::size_t j = i;
    while (j < scope.size() && scope[j] != ' ') ++j;
    const std::string_view item = scope.substr(i, j - i);
    i = j;
    if (item.empty()) continue;
    if (EqualsIgnoreCase(item, "openid")) {
      set.openid = true;
      continue;
    }
    if (EqualsIgnoreCase(item, "profile")) {
      set.profile = true;
      continue;
    }
    if (EqualsIgnoreCase(item, "email")) {
      set.email = true;
      continue;
    }
    if (EqualsIgnoreCase(item, "offline_access")) {
      set.offline_access = true;
      continue;
    }
    const ApiResource* resource = nullptr;
    std::string_view permission;
    const std::size_t slash = item.rfind('/');
    if (item.find("://") != std::string_view::npos) {
      if (slash == std::string_view::npos || slash + 1 == item.size() ||
          item.substr(0, slash).find("://") == std::string_view::npos) {
        return aadsts::InvalidScope(item);
      }
      const std::string_view uri = item.substr(0, slash);
      permission = item.substr(slash + 1);
      resource = FindResource(resources, uri);
      if (resource == nullptr) return aadsts::UnknownResource(uri, tenant);
    } else if (slash == std::string_view::npos) {
      resource = Graph(resources);  // "User.Read" is Graph's
      permission = item;
      if (resource == nullptr) return aadsts::InvalidScope(item);
    } else {
      return aadsts::InvalidScope(item);
    }
    if (set.resource != nullptr && set.resource != resource) {
      return aadsts::MultipleResources(scope);
    }
    set.resource = resource;
    bool known = permission == ".default";
    for (const std::string& p : resource->permissions) {
      known = known || EqualsIgnoreCase(p, permission);
    }
    if (!known) return aadsts::InvalidScope(item);
    set.permissions.emplace_back(permission);
  }
  if (set.permissions.size() > 1) {
    for (const std::string& p : set.permissions) {
      if (p == ".default") return aadsts::InvalidScope(scope);
    }
  }
  if (set.resource == nullptr) {
    if (!set.openid && !set.profile && !set.email && !set.offline_access) {
      return aadsts::InvalidScope(scope.empty() ? "(empty)" : scope);
    }
    set.resource = Graph(resources);  // Azure AD's default resource
  }
  return set;
}

}  // namespace tiersim::mocks
