// NetworkClient: the transport, sign-in, users, enrollment, listing and
// partnerships. Customers, orders and views are in network_commerce.cc; the
// mailbox and WorldControl in network_control.cc.
#include "mocks/remote/network_client.h"

#include <cstdio>

#include "mocks/remote/network_impl.h"

namespace tiersim::mocks {

using sim::Result;
using sim::SessionRef;
using sim::Status;

namespace {

Status Unreachable(std::string_view what, const std::string& url,
                   httplib::Error error) {
  return sim::Error(sim::ErrorCode::kUnavailable,
                    std::string(what) + " at " + url +
                        " did not answer: " + httplib::to_string(error));
}

// Partner Center's error body -> the core's Status.
Status PcFailure(int http_status, const std::string& body) {
  json j = json::parse(body, nullptr, false);
  if (j.is_object() && j.contains("data") && j["data"].is_array() &&
      !j["data"].empty() && j["data"][0].is_string()) {
    auto code = sim::ErrorCodeFromName(j["data"][0].get<std::string>());
    const std::string description =
        j.value("description", std::string("(no description)"));
    if (code) return sim::Error(*code, description);
    return sim::Error(sim::ErrorCode::kInvalidArgument,
                      j["data"][0].get<std::string>() + ": " + description);
  }
  return sim::Error(
      sim::ErrorCode::kInternal,
      "HTTP " + std::to_string(http_status) +
          " without a Partner Center error body: " + body.substr(0, 200));
}

// AADSTS error -> the core's Status.
Status AadFailure(int http_status, const std::string& body) {
  json j = json::parse(body, nullptr, false);
  if (!j.is_object()) {
    return sim::Error(sim::ErrorCode::kInternal,
                      "Azure AD answered HTTP " + std::to_string(http_status) +
                          " without JSON");
  }
  if (j.contains("tiersim_code") && j["tiersim_code"].is_string()) {
    auto code = sim::ErrorCodeFromName(j["tiersim_code"].get<std::string>());
    if (code) {
      return sim::Error(
          *code, j.value("tiersim_message", j.value("error_description", "")));
    }
  }
  std::string description = j.value("error_description", std::string());
  description = description.substr(0, description.find("\r\n"));
  const auto colon = description.find(": ");
  if (description.rfind("AADSTS", 0) == 0 && colon != std::string::npos) {
    description = description.substr(colon + 2);
  }
  int code = 0;
  if (j.contains("error_codes") && j["error_codes"].is_array() &&
      !j["error_codes"].empty() && j["error_codes"][0].is_number_integer()) {
    code = j["error_codes"][0].get<int>();
  }
  switch (code) {
    case 50126:
    case 50034:
      return sim::Error(sim::ErrorCode::kInvalidCredentials, description);
    case 50055:
      return sim::Error(sim::ErrorCode::kPasswordChangeRequired, description);
    case 120002:  // the new password breaks the policy
      return sim::Error(sim::ErrorCode::kWeakPassword, description);
    case 90002:
      return sim::Error(sim::ErrorCode::kUnknownTenant, description);
    default:
      return sim::Error(sim::ErrorCode::kInvalidArgument,
                        "AADSTS" + std::to_string(code) + ": " + description);
  }
}

}  // namespace

NetworkClient::Impl::Impl(NetworkTarget t)
    : target(std::move(t)),
      pc(target.partner_center_url),
      mail(target.mail_api_url),
      aad(target.aad_url) {
  for (httplib::Client* c : {&pc, &mail, &aad}) {
    c->set_keep_alive(true);
    c->set_tcp_nodelay(true);
    c->set_connection_timeout(5);
    c->set_read_timeout(30);
  }
  if (!target.ca_file.empty()) aad.set_ca_cert_path(target.ca_file.c_str());
  aad.enable_server_certificate_verification(true);
}

Result<json> NetworkClient::Impl::Pc(const std::string& method,
                                     const std::string& path, const json* body,
                                     SessionRef session) {
  if (session.value > tokens.size()) {
    return sim::Error(sim::ErrorCode::kNotFound,
                      "not signed in (unknown session)");
  }
  const std::string payload = body != nullptr ? body->dump() : std::string();
  for (int attempt = 0;; ++attempt) {
    httplib::Headers headers;
    if (session.value != 0) {
      headers.emplace("Authorization",
                      "Bearer " + tokens[session.value - 1].access);
    }
    httplib::Result res = Send(method, path, headers, payload);
    // An expired token is renewed once, silently, as MSAL would.
    if (res && res->status == 401 && session.value != 0 && attempt == 0 &&
        res->body.find("\"InvalidToken\"") != std::string::npos &&
        Refresh(session.value - 1)) {
      continue;
    }
    return Answer(method, path, res);
  }
}

httplib::Result NetworkClient::Impl::Send(const std::string& method,
                                          const std::string& path,
                                          const httplib::Headers& headers,
                                          const std::string& payload) {
  return method == "GET"      ? pc.Get(path, headers)
         : method == "DELETE" ? pc.Delete(path, headers)
         : method == "PUT" ? pc.Put(path, headers, payload, "application/json")
         : method == "PATCH"
             ? pc.Patch(path, headers, payload, "application/json")
             : pc.Post(path, headers, payload, "application/json");
}

Result<json> NetworkClient::Impl::Answer(const std::string& method,
                                         const std::string& path,
                                         const httplib::Result& res) {
  if (!res) {
    return Unreachable("Partner Center", target.partner_center_url,
                       res.error());
  }
  if (res->status >= 300) return PcFailure(res->status, res->body);
  json j = json::parse(res->body, nullptr, false);
  if (j.is_discarded()) {
    return sim::Error(sim::ErrorCode::kInternal,
                      method + " " + path + " answered with invalid JSON");
  }
  return wire::Lowered(j);
}

Result<json> NetworkClient::Impl::Mail(const std::string& method,
                                       const std::string& path,
                                       const json* body) {
  const std::string payload = body != nullptr ? body->dump() : std::string();
  httplib::Result res = method == "GET" ? mail.Get(path)
                        : method == "PUT"
                            ? mail.Put(path, payload, "application/json")
                            : mail.Delete(path, payload, "application/json");
  if (!res)
    return Unreachable("the mail API", target.mail_api_url, res.error());
  if (res->status >= 300) {
    json j = json::parse(res->body, nullptr, false);
    std::string description =
        j.is_object() ? j.value("description", res->body) : res->body;
    return sim::Error(res->status == 404 ? sim::ErrorCode::kNotFound
                                         : sim::ErrorCode::kInvalidArgument,
                      "mail API " + path + ": " + description);
  }
  json j = json::parse(res->body, nullptr, false);
  if (j.is_discarded()) {
    return sim::Error(sim::ErrorCode::kInternal,
                      "the mail API answered " + path + " with invalid JSON");
  }
  return j;
}

Result<json> NetworkClient::Impl::AadForm(const std::string& path,
                                          const httplib::Params& form) {
  httplib::Result res = aad.Post(path, form);
  if (!res) return Unreachable("Azure AD", target.aad_url, res.error());
  if (res->status >= 300) return AadFailure(res->status, res->body);
  json j = json::parse(res->body, nullptr, false);
  if (j.is_discarded()) {
    return sim::Error(sim::ErrorCode::kInternal,
                      "Azure AD answered with invalid JSON");
  }
  return j;
}

Result<json> NetworkClient::Impl::AadJson(const std::string& path,
                                          const json& body) {
  httplib::Result res = aad.Post(path, body.dump(), "application/json");
  if (!res) return Unreachable("Azure AD", target.aad_url, res.error());
  if (res->status >= 300) return AadFailure(res->status, res->body);
  return json::object();
}

bool NetworkClient::Impl::Refresh(std::size_t index) {
  if (tokens[index].refresh.empty()) return false;
  auto token = AadForm("/" + target.tenant + "/oauth2/v2.0/token",
                       {{"grant_type", "refresh_token"},
                        {"client_id", target.client_id},
                        {"scope", target.scope + " offline_access"},
                        {"refresh_token", tokens[index].refresh}});
  if (!token.ok() || !token->contains("access_token")) return false;
  tokens[index].access = (*token)["access_token"].get<std::string>();
  tokens[index].refresh = token->value("refresh_token", std::string());
  return true;
}

void NetworkClient::Impl::NoteTransportError(const Status& s) {
  if (s.ok() || !transport_error.ok()) return;
  transport_error = s;
  std::fprintf(stderr, "tiersim: network transport: %s\n",
               s.ToString().c_str());
}

Result<NetworkTarget> DiscoverTarget(const std::string& partner_center_url) {
  httplib::Client cli(partner_center_url);
  cli.set_connection_timeout(5);
  httplib::Result res = cli.Get("/_tiersim/endpoints");
  if (!res) {
    return Unreachable("Partner Center", partner_center_url, res.error());
  }
  json j = json::parse(res->body, nullptr, false);
  if (res->status != 200 || !j.is_object()) {
    return sim::Error(sim::ErrorCode::kUnavailable,
                      partner_center_url +
                          " is not a tiersim Partner Center (GET "
                          "/_tiersim/endpoints answered HTTP " +
                          std::to_string(res->status) + ")");
  }
  NetworkTarget t;
  t.partner_center_url = partner_center_url;
  t.aad_url = j.value("aad", "");
  t.mail_api_url = j.value("mailApi", "");
  t.ca_file = j.value("caFile", "");
  return t;
}

NetworkClient::NetworkClient(NetworkTarget target)
    : impl_(std::make_unique<Impl>(std::move(target))) {}
NetworkClient::~NetworkClient() = default;

// ---- Sign-in and users ----

Result<SessionRef> NetworkClient::SignIn(std::string_view upn,
                                         std::string_view password) {
  auto token =
      impl_->AadForm("/" + impl_->target.tenant + "/oauth2/v2.0/token",
                     {{"grant_type", "password"},
                      {"client_id", impl_->target.client_id},
                      {"scope", impl_->target.scope + " offline_access"},
                      {"username", std::string(upn)},
                      {"password", std::string(password)}});
  if (!token.ok()) return token.status();
  if (!token->contains("access_token")) {
    return sim::Error(sim::ErrorCode::kInternal,
                      "Azure AD's token answer has no access_token");
  }
  impl_->tokens.push_back(
      {.access = (*token)["access_token"].get<std::string>(),
       .refresh = token->value("refresh_token", std::string())});
  return SessionRef{impl_->tokens.size()};
}

Status NetworkClient::ChangePassword(std::string_view upn,
                                     std::string_view current,
                                     std::string_view new_password) {
  return StatusOf(
      impl_->AadJson("/" + impl_->target.tenant + "/tiersim/v1/password",
                     json{{"userName", upn},
                          {"currentPassword", current},
                          {"newPassword", new_password}}));
}

Result<sim::NewUser> NetworkClient::AddUser(SessionRef s,
                                            const sim::UserSpec& spec) {
  json body = spec;
  auto r = impl_->Pc("POST", "/v1/tiersim/users", &body, s);
  if (!r.ok()) return r.status();
  return Decode<sim::NewUser>(*r, "new user");
}

Status NetworkClient::SetUserRoles(SessionRef s, sim::UserId user,
                                   sim::AgentRole agent, sim::AdminRole admin) {
  json body = {{"agentRole", agent}, {"adminRole", admin}};
  return StatusOf(impl_->Pc(
      "PUT", "/v1/tiersim/users/" + user.ToString() + "/roles", &body, s));
}

Result<std::vector<sim::UserView>> NetworkClient::Users(SessionRef s) {
  return DecodeMember<std::vector<sim::UserView>>(
      impl_->Pc("GET", "/v1/tiersim/users", nullptr, s), "items");
}

Result<std::string> NetworkClient::RevealPassword(SessionRef s,
                                                  sim::SecretId id) {
  return DecodeMember<std::string>(
      impl_->Pc("POST", "/v1/tiersim/secrets/" + id.ToString() + "/reveal",
                nullptr, s),
      "password");
}

Result<std::vector<sim::Section>> NetworkClient::Navigation(SessionRef s) {
  return DecodeMember<std::vector<sim::Section>>(
      impl_->Pc("GET", "/v1/tiersim/navigation", nullptr, s), "sections");
}

// ---- F1 enrollment ----

namespace {
std::string EnrollmentPath(sim::EnrollmentId e, std::string_view step = {}) {
  std::string path = "/v1/tiersim/enrollments/" + e.ToString();
  if (!step.empty()) path += "/" + std::string(step);
  return path;
}
}  // namespace

Result<sim::EnrollmentView> NetworkClient::StartEnrollment(
    sim::Program program) {
  json body = {{"program", program}};
  auto r = impl_->Pc("POST", "/v1/tiersim/enrollments", &body, {});
  if (!r.ok()) return r.status();
  return Decode<sim::EnrollmentView>(*r, "enrollment");
}

Status NetworkClient::EnrollSignIn(sim::EnrollmentId e, std::string_view upn,
                                   std::string_view password) {
  json body = {{"userName", upn}, {"password", password}};
  return StatusOf(impl_->Pc("POST", EnrollmentPath(e, "signin"), &body, {}));
}

Status NetworkClient::EnrollCreateWorkAccount(
    sim::EnrollmentId e, const sim::WorkAccountSpec& spec) {
  json body = spec;
  return StatusOf(
      impl_->Pc("POST", EnrollmentPath(e, "work-account"), &body, {}));
}

Result<std::vector<sim::MpnProfile>> NetworkClient::EnrollSignInPmc(
    sim::EnrollmentId e, std::string_view user_name,
    std::string_view password) {
  json body = {{"userName", user_name}, {"password", password}};
  return DecodeMember<std::vector<sim::MpnProfile>>(
      impl_->Pc("POST", EnrollmentPath(e, "pmc-signin"), &body, {}), "items");
}

Status NetworkClient::EnrollChooseProfile(sim::EnrollmentId e, sim::MpnId mpn) {
  json body = {{"mpnId", mpn}};
  return StatusOf(impl_->Pc("POST", EnrollmentPath(e, "profile"), &body, {}));
}

Result<sim::PartnerId> NetworkClient::EnrollSubmit(
    sim::EnrollmentId e, const sim::EnrollmentDetails& details) {
  json body = details;
  return DecodeMember<sim::PartnerId>(
      impl_->Pc("POST", EnrollmentPath(e, "submit"), &body, {}), "partnerid");
}

Status NetworkClient::VerifyContact(std::string_view link,
                                    sim::ContactAnswer answer) {
  json body = {{"link", link}, {"answer", answer}};
  return StatusOf(impl_->Pc("POST", "/v1/tiersim/verifications", &body, {}));
}

Result<sim::EnrollmentState> NetworkClient::EnrollmentStatus(
    sim::PartnerId partner) {
  return DecodeMember<sim::EnrollmentState>(
      impl_->Pc(
          "GET",
          "/v1/tiersim/partners/" + partner.ToString() + "/enrollment-status",
          nullptr, {}),
      "state");
}

Status NetworkClient::CompleteAccountSetup(SessionRef s) {
  return StatusOf(impl_->Pc("POST", "/v1/tiersim/account/setup", nullptr, s));
}

Status NetworkClient::AddResellerAccount(SessionRef s,
                                         const sim::Contact& support) {
  json body = {{"supportContact", support}};
  return StatusOf(impl_->Pc("POST", "/v1/tiersim/account/reseller", &body, s));
}

// ---- F2 listing ----

Result<std::vector<sim::ProviderListing>> NetworkClient::SearchProviders(
    std::string_view query, std::string_view location) {
  return DecodeMember<std::vector<sim::ProviderListing>>(
      impl_->Pc("GET",
                "/v1/tiersim/providers?query=" +
                    httplib::detail::encode_query_param(std::string(query)) +
                    "&location=" +
                    httplib::detail::encode_query_param(std::string(location)),
                nullptr, {}),
      "items");
}

Result<sim::SupportRequestId> NetworkClient::RequestListingChange(
    SessionRef s, const sim::ListingChange& change) {
  json body = change;
  return DecodeMember<sim::SupportRequestId>(
      impl_->Pc("POST", "/v1/tiersim/listing/changes", &body, s),
      "supportrequestid");
}

Result<sim::ProviderListing> NetworkClient::Listing(SessionRef s) {
  auto r = impl_->Pc("GET", "/v1/tiersim/listing", nullptr, s);
  if (!r.ok()) return r.status();
  return Decode<sim::ProviderListing>(*r, "listing");
}

// ---- F3 partnership ----

Result<sim::SentInvitation> NetworkClient::RequestPartnership(
    SessionRef s, std::string_view reseller_email, std::string_view message) {
  json body = {{"resellerEmail", reseller_email}, {"message", message}};
  auto r = impl_->Pc("POST", "/v1/tiersim/partnership-requests", &body, s);
  if (!r.ok()) return r.status();
  return Decode<sim::SentInvitation>(*r, "invitation");
}

Result<sim::PartnerId> NetworkClient::AcceptPartnership(SessionRef s,
                                                        std::string_view link,
                                                        sim::Consent consent) {
  json body = {{"link", link}, {"consent", consent}};
  return DecodeMember<sim::PartnerId>(
      impl_->Pc("POST", "/v1/tiersim/partnership-requests/accept", &body, s),
      "providerid");
}

Result<std::vector<sim::PartnerSummary>> NetworkClient::IndirectResellers(
    SessionRef s) {
  return DecodeMember<std::vector<sim::PartnerSummary>>(
      impl_->Pc(
          "GET",
          "/v1/"
          "relationships?relationship_type=IsIndirectCloudSolutionProviderOf",
          nullptr, s),
      "items");
}

Result<std::vector<sim::PartnerSummary>> NetworkClient::IndirectProviders(
    SessionRef s) {
  return DecodeMember<std::vector<sim::PartnerSummary>>(
      impl_->Pc("GET",
                "/v1/relationships?relationship_type=IsIndirectResellerOf",
                nullptr, s),
      "items");
}

Result<sim::TenantId> NetworkClient::AdministerResellerTenant(
    SessionRef s, sim::PartnerId reseller) {
  return DecodeMember<sim::TenantId>(
      impl_->Pc("POST",
                "/v1/tiersim/resellers/" + reseller.ToString() + "/administer",
                nullptr, s),
      "tenantid");
}

}  // namespace tiersim::mocks
