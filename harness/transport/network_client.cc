// NetworkClient: the transport and the Azure AD sign-in. Partner Center
// operations are in network_ops.cc; the mailbox and WorldControl in
// network_control.cc.
#include "harness/transport/network_client.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "harness/transport/network_impl.h"
#include "harness/transport/pc_answers.h"
#include "mocks/aad/protocol/aadsts_errors.h"

namespace tiersim::harness {

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

// AADSTS error -> the core's Status.
Status AadFailure(int http_status, const std::string& body) {
  json j = json::parse(body, nullptr, false);
  if (!j.is_object()) {
    return sim::Error(sim::ErrorCode::kInternal,
                      "Azure AD answered HTTP " + std::to_string(http_status) +
                          " without JSON");
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
  const sim::ErrorCode mapped = mocks::ErrorCodeForAadsts(code);
  if (mapped == sim::ErrorCode::kInvalidArgument) {
    return sim::Error(mapped,
                      "AADSTS" + std::to_string(code) + ": " + description);
  }
  return sim::Error(mapped, description);
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
  // MS-RequestIds unique to this client, so that another run against the
  // same server never meets this one's in its idempotency cache.
  request_id_prefix = RequestIdPrefix();
  if (!target.ca_file.empty()) aad.set_ca_cert_path(target.ca_file.c_str());
  aad.enable_server_certificate_verification(true);
}

Result<json> NetworkClient::Impl::Pc(const wire::WireRequest& request,
                                     SessionRef session) {
  if (session.value > tokens.size()) {
    return sim::Error(sim::ErrorCode::kNotFound,
                      "not signed in (unknown session)");
  }
  const std::string method(sim::HttpMethodName(request.method));
  // A POST carries an MS-RequestId, the same on every attempt, so that
  // retrying it is safe (the server answers a repeat from its cache).
  const bool control = request.target.rfind("/_tiersim/", 0) == 0;
  const std::string request_id =
      method == "POST" && !control
          ? RequestId(request_id_prefix, ++next_request_id)
          : std::string();
  // Retried when the network (not Partner Center) failed it, as a careful
  // client does: Retry-After is honoured.
  constexpr int kMaxAttempts = 4;
  int failures = 0;
  bool refreshed = false;
  for (;;) {
    httplib::Request r;
    r.method = method;
    r.path = request.target;
    r.headers = {request.headers.begin(), request.headers.end()};
    if (!request_id.empty()) r.set_header("MS-RequestId", request_id);
    if (session.value != 0) {
      r.headers.emplace("Authorization",
                        "Bearer " + tokens[session.value - 1].access);
    }
    if (request.has_body) {
      r.body = request.body;
      r.set_header("Content-Type", "application/json");
    }
    httplib::Result res = pc.send(r);
    // An expired token is renewed once, silently, as MSAL would.
    if (res && res->status == 401 && session.value != 0 && !refreshed &&
        res->body.find("\"InvalidToken\"") != std::string::npos &&
        Refresh(session.value - 1)) {
      refreshed = true;
      continue;
    }
    // The controls are never faulted: their failure is a server gone.
    const bool retryable =
        res ? TransportFailure(res->status, res->body) : !control;
    if (retryable && ++failures < kMaxAttempts) {
      // Backoff 250 ms, 500 ms, 1 s unless the server says how long.
      const std::chrono::milliseconds backoff(250 << (failures - 1));
      std::this_thread::sleep_for(
          res ? RetryAfter(res->get_header_value("Retry-After"), backoff)
              : backoff);
      ++retries;
      continue;
    }
    if (!res) {
      return Unreachable("Partner Center", target.partner_center_url,
                         res.error());
    }
    if (res->status >= 300) return PcFailure(res->status, res->body);
    json j = json::parse(res->body, nullptr, false);
    if (j.is_discarded()) {
      return sim::Error(
          sim::ErrorCode::kInternal,
          method + " " + request.target + " answered with invalid JSON");
    }
    return wire::Lowered(std::move(j));
  }
}

Result<json> NetworkClient::Impl::Plumbing(const std::string& path,
                                           const json& body) {
  httplib::Result res = pc.Post(path, body.dump(), "application/json");
  if (!res) {
    return Unreachable("Partner Center", target.partner_center_url,
                       res.error());
  }
  json j = json::parse(res->body, nullptr, false);
  if (res->status >= 300) {
    // 4xx: the plumbing refused what was sent; 5xx: the server failed.
    return sim::Error(res->status < 500 ? sim::ErrorCode::kInvalidArgument
                                        : sim::ErrorCode::kInternal,
                      "POST " + path + " answered HTTP " +
                          std::to_string(res->status) + ": " +
                          (j.is_object() ? j.value("description", res->body)
                                         : res->body.substr(0, 200)));
  }
  return j;
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

Result<NetworkTarget> DiscoverTarget(const std::string& partner_center_url) {
  httplib::Client cli(partner_center_url);
  cli.set_connection_timeout(5);
  httplib::Result res = cli.Get(mocks::kEndpointsPath);
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
  namespace keys = mocks::endpoint_keys;
  t.aad_url = j.value(keys::kAad, "");
  t.mail_api_url = j.value(keys::kMailApi, "");
  t.ca_file = j.value(keys::kCaFile, "");
  return t;
}

NetworkClient::NetworkClient(NetworkTarget target)
    : impl_(std::make_unique<Impl>(std::move(target))) {}
NetworkClient::~NetworkClient() = default;

const NetworkTarget& NetworkClient::target() const { return impl_->target; }

std::string NetworkClient::AccessToken(SessionRef s) const {
  if (s.value == 0 || s.value > impl_->tokens.size()) return {};
  return impl_->tokens[s.value - 1].access;
}

bool NetworkClient::RenewToken(SessionRef s) {
  return s.value != 0 && s.value <= impl_->tokens.size() &&
         impl_->Refresh(s.value - 1);
}

std::string NetworkClient::NewRequestId() {
  return RequestId(impl_->request_id_prefix, ++impl_->next_request_id);
}

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
  return impl_
      ->AadJson("/" + impl_->target.tenant + "/tiersim/v1/password",
                json{{"userName", upn},
                     {"currentPassword", current},
                     {"newPassword", new_password}})
      .status();
}

}  // namespace tiersim::harness
