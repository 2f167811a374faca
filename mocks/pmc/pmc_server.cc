#include "mocks/pmc/pmc_server.h"

#include <mutex>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "mocks/common/crypto_util.h"
#include "mocks/common/json_text.h"
#include "mocks/common/text.h"
#include "mocks/http/http_server.h"
#include "mocks/http/plumbing.h"
#include "mocks/world/shared_world.h"
#include "sim/text.h"

namespace tiersim::mocks {
namespace {

using nlohmann::json;

void Error(Response& res, int status, std::string_view code,
           std::string description) {
  ReplyJson(
      res, status,
      DumpJson(json{{"code", code}, {"description", std::move(description)}}));
}

json ProfileJson(const sim::MpnProfile& p) {
  return json{{"mpnId", std::to_string(p.mpn.value())},
              {"legalName", p.legal_name},
              {"country", p.country},
              {"status", p.active ? "Active" : "Inactive"},
              {"incentives", p.incentives},
              {"benefits", p.benefits},
              {"competencies", p.competencies}};
}

// An opaque access token from OpenSSL's CSPRNG (RandomToken aborts when
// the generator fails rather than hand out a guessable token).
std::string NewToken() { return RandomToken(24); }

}  // namespace

int PmcHttpStatus(sim::ErrorCode code) {
  using sim::ErrorCode;
  switch (code) {
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kDuplicateEmail:
      return 400;
    case ErrorCode::kInvalidCredentials:
    case ErrorCode::kInvalidToken:
    case ErrorCode::kPmcSignInRequired:
      return 401;
    case ErrorCode::kNotFound:
    case ErrorCode::kUnknownMpnId:
    case ErrorCode::kMpnNotListed:
      return 404;
    case ErrorCode::kFailedPrecondition:
    case ErrorCode::kMpnProfileInactive:
      return 409;
    case ErrorCode::kUnavailable:
      return 503;
    default:
      return 500;
  }
}

struct PmcServer::Impl {
  Impl(SharedWorld& w, const PmcServerOptions& o)
      : world(w),
        http("pmc", HttpServerOptions{.host = o.host,
                                      .port = o.port,
                                      .threads = o.threads,
                                      .network_faults = o.network_faults}) {}

  // The account behind "Authorization: Bearer <token>", or a 401 written.
  std::optional<sim::PmcAccountId> Account(const Request& req, Response& res) {
    const std::string header = HeaderValue(req, "Authorization");
    const std::string prefix = "Bearer ";
    std::lock_guard<std::mutex> lock(mu);
    if (sim::StartsWithIgnoreCase(header, prefix)) {  // RFC 9110 §11.1
      auto it = tokens.find(header.substr(prefix.size()));
      if (it != tokens.end()) return it->second;
    }
    res.set_header("WWW-Authenticate", "Bearer");
    Error(res, 401, "InvalidToken",
          "sign in first (POST /v1/signin) and send Authorization: Bearer "
          "<accessToken>");
    return std::nullopt;
  }

  void SignIn(const Request& req, Response& res) {
    sim::Result<json> parsed = ParseJson(req.body);
    const json body = parsed.ok() ? *parsed : json();
    if (!body.is_object()) {
      Error(res, 400, "MalformedJson",
            "the body must be a JSON object {\"userName\", \"password\"}");
      return;
    }
    std::string user, password;
    for (auto it = body.begin(); it != body.end(); ++it) {
      std::string key = it.key();
      key = AsciiLower(key);
      if (key == "username" && it->is_string()) user = *it;
      if (key == "password" && it->is_string()) password = *it;
    }
    if (user.empty() || password.empty()) {
      Error(res, 400, "MissingField", "give userName and password (text)");
      return;
    }
    auto account = world.With(
        [&](InProcessWorld& w) { return w.pmc().SignIn(user, password); });
    if (!account.ok()) {
      Error(res, PmcHttpStatus(account.code()),
            sim::ErrorCodeName(account.code()), account.status().message());
      return;
    }
    const std::string token = NewToken();
    {
      std::lock_guard<std::mutex> lock(mu);
      tokens[token] = *account;
    }
    ReplyJson(res, 200,
              json{{"accessToken", token},
                   {"tokenType", "Bearer"},
                   {"accountId", account->ToString()}}
                  .dump());
  }

  void Profiles(const Request& req, Response& res, bool one) {
    auto account = Account(req, res);
    if (!account) return;
    auto profiles = world.With(
        [&](InProcessWorld& w) { return w.pmc().Profiles(*account); });
    if (!profiles.ok()) {
      Error(res, PmcHttpStatus(profiles.code()),
            sim::ErrorCodeName(profiles.code()), profiles.status().message());
      return;
    }
    if (!one) {
      json items = json::array();
      for (const auto& p : *profiles) items.push_back(ProfileJson(p));
      const std::size_t n = items.size();
      ReplyJson(res, 200, json{{"totalCount", n}, {"items", items}}.dump());
      return;
    }
    const std::string mpn = req.matches[1];
    for (const auto& p : *profiles) {
      if (std::to_string(p.mpn.value()) == mpn) {
        ReplyJson(res, 200, ProfileJson(p).dump());
        return;
      }
    }
    Error(res, 404, "UnknownMpnId",
          "the signed-in account has no organisation profile " + mpn);
  }

  SharedWorld& world;
  HttpServer http;
  std::mutex mu;
  std::unordered_map<std::string, sim::PmcAccountId> tokens;
};

PmcServer::PmcServer(SharedWorld& world, Plumbing* plumbing,
                     PmcServerOptions options)
    : impl_(std::make_unique<Impl>(world, options)) {
  Impl* impl = impl_.get();
  Router& r = impl->http.routes();
  if (plumbing != nullptr) AddPlumbing(impl->http, *plumbing);
  r.Post("/v1/signin",
         [impl](const Request& q, Response& s) { impl->SignIn(q, s); });
  r.Get("/v1/profiles",
        [impl](const Request& q, Response& s) { impl->Profiles(q, s, false); });
  r.Get(R"(/v1/profiles/([0-9]+))",
        [impl](const Request& q, Response& s) { impl->Profiles(q, s, true); });
  r.set_error_handler(
      [](const Request&, const HttpError& error, Response& res) {
        Error(res, error.status, error.code, error.message);
      });
}

PmcServer::~PmcServer() { Stop(); }
sim::Status PmcServer::Start() { return impl_->http.Start(); }
void PmcServer::Stop() { impl_->http.Stop(); }
int PmcServer::port() const { return impl_->http.port(); }
std::string PmcServer::url() const { return impl_->http.url(); }
void PmcServer::ForgetSessions() {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->tokens.clear();
}

}  // namespace tiersim::mocks
