// The `scope` parameter of Azure AD's v2.0 endpoint: OpenID Connect scopes
// (openid, profile, email, offline_access) plus permissions on at most one
// resource, written "<resource URI>/<permission>" — for tiersim
// "https://api.partnercenter.microsoft.com/user_impersonation" or
// ".../.default" (everything the app may have). A bare permission such as
// "User.Read" means Microsoft Graph, as it does for Azure AD; so does a
// request with OpenID Connect scopes only.
//
// I/O free; pure functions, safe from any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "mocks/aad/protocol/aadsts_errors.h"

namespace tiersim::mocks {

// An API tokens can be issued for.
struct ApiResource {
  std::string uri;       // scope prefix, e.g. "https://api.partnercenter..."
  std::string audience;  // the `aud` of its tokens
  // Delegated permissions; ".default" grants all of them.
  std::vector<std::string> permissions;
};

// Microsoft Graph: aud "00000003-0000-0000-c000-000000000000".
ApiResource GraphResource();

struct ScopeSet {
  const ApiResource* resource = nullptr;  // into the list parsed against
  std::vector<std::string> permissions;   // as requested: ".default", ...
  bool openid = false;
  bool profile = false;
  bool email = false;
  bool offline_access = false;

  bool is_default() const {
    return permissions.size() == 1 && permissions[0] == ".default";
  }
  // The `scp` claim of a delegated token (".default" expanded).
  std::vector<std::string> DelegatedScopes() const;
  // The response's "scope": the resource scopes as requested, then the
  // OpenID Connect scopes present.
  std::string Granted() const;
};

// 70011 (nothing usable, an unknown permission, ".default" mixed with
// other permissions), 28000 (two resources), 500011 (a resource not in
// `resources`; `tenant` names the tenant in the message). Resource URIs and
// OpenID Connect scopes compare case-insensitively; the resource list must
// outlive the result. With no resource scope, the Graph entry of
// `resources` (audience 00000003-...) is used when there is one.
AadResult<ScopeSet> ParseScopes(std::string_view scope,
                                const std::vector<ApiResource>& resources,
                                std::string_view tenant);

}  // namespace tiersim::mocks
