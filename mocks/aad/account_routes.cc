// tiersim's own Azure AD endpoints (not Microsoft's): the password change a
// programmatic client needs when a temporary password must be replaced, and
// app registration for tests and scenarios.
#include <nlohmann/json.hpp>

#include "mocks/aad/aad_service.h"
#include "mocks/aad/protocol/guids.h"
#include "mocks/common/json_text.h"

namespace tiersim::mocks {
namespace {

using nlohmann::json;

// The JSON object body, or the error to send.
AadResult<json> ObjectBody(const Request& req) {
  sim::Result<json> body = ParseJson(req.body);
  if (!body.ok()) return aadsts::MalformedRequest(body.status().message());
  if (!body->is_object()) {
    return aadsts::MalformedRequest("the request body must be a JSON object");
  }
  return *std::move(body);
}

// Checks that every member of `body` is one of `allowed`.
std::optional<AadError> UnknownMember(
    const json& body, std::initializer_list<std::string_view> allowed) {
  for (const auto& [key, value] : body.items()) {
    bool known = false;
    for (std::string_view a : allowed) known = known || key == a;
    if (!known) {
      std::string expected;
      for (std::string_view a : allowed) {
        expected += expected.empty() ? "" : ", ";
        expected += a;
      }
      return aadsts::MalformedRequest("unknown field \"" + key +
                                      "\"; expected " + expected);
    }
  }
  return std::nullopt;
}

// `"name" must be <what>`. Built by appending: GCC 12 warns falsely
// (-Wrestrict, PR 105329) on "literal" + std::string at -O2.
AadError WrongType(const char* name, std::string_view what) {
  std::string message = "\"";
  message += name;
  message += "\" must be ";
  message += what;
  return aadsts::MalformedRequest(message);
}

// A required string member, or the error to send.
AadResult<std::string> RequiredString(const json& body, const char* name) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return aadsts::MissingParameter(name);
  if (!it->is_string()) return WrongType(name, "a string");
  return it->get<std::string>();
}

// An optional array of strings.
AadResult<std::vector<std::string>> StringArray(const json& body,
                                                const char* name) {
  std::vector<std::string> out;
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return out;
  if (!it->is_array()) return WrongType(name, "an array of strings");
  for (const json& v : *it) {
    if (!v.is_string()) return WrongType(name, "an array of strings");
    out.push_back(v.get<std::string>());
  }
  return out;
}

void HandlePasswordChange(AadService& s, const Request& req, Response& res) {
  auto tenant = s.ResolveTenant(req.matches[1]);
  if (!tenant.ok()) return s.ReplyError(req, res, tenant.error());
  auto body = ObjectBody(req);
  if (!body.ok()) return s.ReplyError(req, res, body.error());
  if (auto e = UnknownMember(*body,
                             {"userName", "currentPassword", "newPassword"})) {
    return s.ReplyError(req, res, *e);
  }
  auto user = RequiredString(*body, "userName");
  if (!user.ok()) return s.ReplyError(req, res, user.error());
  auto current = RequiredString(*body, "currentPassword");
  if (!current.ok()) return s.ReplyError(req, res, current.error());
  auto next = RequiredString(*body, "newPassword");
  if (!next.ok()) return s.ReplyError(req, res, next.error());

  // Only within the path's tenant: the user's domain must belong to it
  // (a domain names one tenant, so this reveals nothing a DNS lookup
  // would not).
  if (tenant->specific()) {
    const std::size_t at = user->rfind('@');
    const std::optional<sim::TenantId> home =
        at == std::string::npos
            ? std::nullopt
            : s.backend.FindTenantByDomain(user->substr(at + 1));
    if (!home || *home != *tenant->id) {
      return s.ReplyError(req, res,
                          aadsts::UserNotInTenant(*user, tenant->name));
    }
  }
  sim::Status status = s.backend.ChangePassword(*user, *current, *next);
  if (status.code() == sim::ErrorCode::kInvalidCredentials) {
    return s.ReplyError(req, res, aadsts::WrongCurrentPassword());
  }
  if (!status.ok()) return s.ReplyError(req, res, FromStatus(status));
  res.set_header("Cache-Control", "no-store");
  ReplyJson(res, 200,
            DumpJson(json{{"userName", *user}, {"status", "passwordChanged"}}));
}

void HandleRegisterApp(AadService& s, const Request& req, Response& res) {
  auto body = ObjectBody(req);
  if (!body.ok()) return s.ReplyError(req, res, body.error());
  if (auto e = UnknownMember(
          *body, {"tenant", "displayName", "roles", "redirectUris"})) {
    return s.ReplyError(req, res, *e);
  }
  auto tenant_text = RequiredString(*body, "tenant");
  if (!tenant_text.ok()) return s.ReplyError(req, res, tenant_text.error());
  auto tenant = s.ResolveTenant(*tenant_text);
  if (!tenant.ok()) return s.ReplyError(req, res, tenant.error());
  if (!tenant->specific()) {
    return s.ReplyError(
        req, res,
        aadsts::MalformedRequest("\"tenant\" must name one tenant (a GUID or a "
                                 "verified domain), not common/organizations"));
  }
  auto name = RequiredString(*body, "displayName");
  if (!name.ok()) return s.ReplyError(req, res, name.error());
  auto roles = StringArray(*body, "roles");
  if (!roles.ok()) return s.ReplyError(req, res, roles.error());
  auto uris = StringArray(*body, "redirectUris");
  if (!uris.ok()) return s.ReplyError(req, res, uris.error());

  auto credentials = s.apps.Register(NewApp{.tenant = *tenant->id,
                                            .display_name = *name,
                                            .roles = std::move(*roles),
                                            .redirect_uris = std::move(*uris)});
  if (!credentials.ok()) {
    return s.ReplyError(
        req, res, aadsts::MalformedRequest(credentials.status().message()));
  }
  res.set_header("Cache-Control", "no-store");
  ReplyJson(res, 201,
            json{{"clientId", credentials->client_id},
                 {"clientSecret", credentials->client_secret},
                 {"tenant", tenant->guid},
                 {"displayName", *name}}
                .dump());
}

}  // namespace

void AddAccountRoutes(AadService& s) {
  Router& r = s.http.routes();
  r.Post(std::string(kTenantPattern) + "/tiersim/v1/password",
         [&s](const Request& req, Response& res) {
           HandlePasswordChange(s, req, res);
         });
  r.Post("/_tiersim/apps", [&s](const Request& req, Response& res) {
    HandleRegisterApp(s, req, res);
  });
}

}  // namespace tiersim::mocks
