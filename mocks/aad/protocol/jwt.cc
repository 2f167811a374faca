#include "mocks/aad/protocol/jwt.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "mocks/common/crypto_util.h"
#include "mocks/common/json_text.h"

namespace tiersim::mocks {
namespace {

using nlohmann::json;
using sim::ErrorCode;

constexpr std::int64_t kMicrosPerSecond = 1000000;

std::int64_t ToSeconds(sim::SimTime t) {
  const std::int64_t us = t.time_since_epoch().count();
  // Floor, so times before 1970 (never used) still round down.
  return us >= 0 ? us / kMicrosPerSecond
                 : -((-us + kMicrosPerSecond - 1) / kMicrosPerSecond);
}

sim::SimTime FromSeconds(std::int64_t s) {
  return sim::SimTime(sim::Duration(s * kMicrosPerSecond));
}

std::string JoinScopes(const std::vector<std::string>& scopes) {
  std::string out;
  for (const std::string& s : scopes) {
    if (!out.empty()) out += ' ';
    out += s;
  }
  return out;
}

std::vector<std::string> SplitScopes(std::string_view text) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ') ++j;
    if (j > i) out.emplace_back(text.substr(i, j - i));
    i = j;
  }
  return out;
}

sim::Status Invalid(std::string message) {
  return sim::Status(ErrorCode::kInvalidToken, std::move(message));
}

// A string member, or "" when absent; false when present but not a string.
bool StringMember(const json& object, const char* name, std::string& out) {
  auto it = object.find(name);
  if (it == object.end()) return true;
  if (!it->is_string()) return false;
  out = it->get<std::string>();
  return true;
}

// A NumericDate member (integer or fractional seconds); false when present
// but not a finite number.
bool TimeMember(const json& object, const char* name,
                std::optional<sim::SimTime>& out) {
  auto it = object.find(name);
  if (it == object.end()) return true;
  if (it->is_number_integer()) {
    out = FromSeconds(it->get<std::int64_t>());
    return true;
  }
  if (it->is_number_float()) {
    const double v = it->get<double>();
    if (!std::isfinite(v) || std::fabs(v) > 1e12) return false;
    out = FromSeconds(static_cast<std::int64_t>(std::floor(v)));
    return true;
  }
  return false;
}

sim::Result<TokenClaims> ClaimsFromJson(const json& payload) {
  TokenClaims c;
  std::string azp, appid, upn, preferred, idtyp;
  if (!StringMember(payload, "iss", c.issuer) ||
      !StringMember(payload, "aud", c.audience) ||
      !StringMember(payload, "tid", c.tenant) ||
      !StringMember(payload, "oid", c.object) ||
      !StringMember(payload, "sub", c.subject) ||
      !StringMember(payload, "upn", upn) ||
      !StringMember(payload, "preferred_username", preferred) ||
      !StringMember(payload, "name", c.name) ||
      !StringMember(payload, "azp", azp) ||
      !StringMember(payload, "appid", appid) ||
      !StringMember(payload, "idtyp", idtyp) ||
      !StringMember(payload, "nonce", c.nonce) ||
      !StringMember(payload, "uti", c.token_id)) {
    return Invalid(
        "the token is malformed: a claim that must be a string is not "
        "(iss, aud, tid, oid, sub, upn, name, azp, appid, idtyp, nonce, uti)");
  }
  c.upn = !upn.empty() ? upn : preferred;
  c.app_id = !azp.empty() ? azp : appid;
  c.app_only = idtyp == "app";
  if (auto it = payload.find("scp"); it != payload.end()) {
    if (!it->is_string()) {
      return Invalid("the token is malformed: \"scp\" must be a string");
    }
    c.scopes = SplitScopes(it->get<std::string>());
  }
  if (auto it = payload.find("roles"); it != payload.end()) {
    if (!it->is_array()) {
      return Invalid("the token is malformed: \"roles\" must be an array");
    }
    for (const json& role : *it) {
      if (!role.is_string()) {
        return Invalid(
            "the token is malformed: \"roles\" must hold strings only");
      }
      c.roles.push_back(role.get<std::string>());
    }
  }
  std::optional<sim::SimTime> iat, nbf, exp;
  if (!TimeMember(payload, "iat", iat) || !TimeMember(payload, "nbf", nbf) ||
      !TimeMember(payload, "exp", exp)) {
    return Invalid(
        "the token is malformed: iat, nbf and exp must be numbers of "
        "seconds since 1970");
  }
  if (!exp) return Invalid("the token has no expiry (\"exp\")");
  if (c.issuer.empty()) return Invalid("the token has no issuer (\"iss\")");
  if (c.tenant.empty()) return Invalid("the token has no tenant (\"tid\")");
  if (c.audience.empty()) {
    return Invalid("the token has no audience (\"aud\" must be a string)");
  }
  c.expires_at = *exp;
  c.issued_at = iat.value_or(sim::SimTime{});
  c.not_before = nbf.value_or(sim::SimTime{});
  return c;
}

}  // namespace

std::string IssuerFor(std::string_view issuer_base_url,
                      std::string_view tenant_guid) {
  std::string out(issuer_base_url);
  out += '/';
  out += tenant_guid;
  out += "/v2.0";
  return out;
}

sim::Result<std::string> Sign(const TokenClaims& c, const SigningKey& key) {
  json payload = json::object();
  payload["aud"] = c.audience;
  payload["iss"] = c.issuer;
  payload["iat"] = ToSeconds(c.issued_at);
  payload["nbf"] = ToSeconds(c.not_before);
  payload["exp"] = ToSeconds(c.expires_at);
  if (!c.app_id.empty()) {
    payload["azp"] = c.app_id;
    payload["appid"] = c.app_id;
  }
  if (c.app_only) payload["idtyp"] = "app";
  if (!c.name.empty()) payload["name"] = c.name;
  if (!c.nonce.empty()) payload["nonce"] = c.nonce;
  if (!c.object.empty()) payload["oid"] = c.object;
  if (!c.upn.empty()) {
    payload["preferred_username"] = c.upn;
    payload["upn"] = c.upn;
  }
  if (!c.roles.empty()) payload["roles"] = c.roles;
  if (!c.scopes.empty()) payload["scp"] = JoinScopes(c.scopes);
  payload["sub"] = c.subject.empty() ? c.object : c.subject;
  payload["tid"] = c.tenant;
  if (!c.token_id.empty()) payload["uti"] = c.token_id;
  payload["ver"] = "2.0";

  std::string jws = key.encoded_header();
  jws += '.';
  jws += Base64UrlEncode(payload.dump());
  TIERSIM_ASSIGN_OR_RETURN(const std::string signature, key.SignRs256(jws));
  jws += '.';
  jws += Base64UrlEncode(signature);
  return jws;
}

TokenVerifier::TokenVerifier(std::vector<VerificationKey> keys,
                             std::string issuer_base_url)
    : keys_(std::move(keys)), issuer_base_url_(std::move(issuer_base_url)) {
  while (!issuer_base_url_.empty() && issuer_base_url_.back() == '/') {
    issuer_base_url_.pop_back();
  }
}

sim::Result<TokenClaims> TokenVerifier::Verify(
    std::string_view jwt, std::string_view expected_audience,
    sim::SimTime now) const {
  TIERSIM_ASSIGN_OR_RETURN(TokenClaims claims, Authenticate(jwt));
  TIERSIM_RETURN_IF_ERROR(CheckValidity(claims, expected_audience, now));
  return claims;
}

sim::Result<TokenClaims> TokenVerifier::Authenticate(
    std::string_view jwt) const {
  if (jwt.empty()) return Invalid("no token was given");
  const std::size_t dot1 = jwt.find('.');
  const std::size_t dot2 =
      dot1 == std::string_view::npos ? dot1 : jwt.find('.', dot1 + 1);
  if (dot2 == std::string_view::npos ||
      jwt.find('.', dot2 + 1) != std::string_view::npos) {
    return Invalid(
        "the token is malformed: a JWT has three base64url parts separated "
        "by dots");
  }
  const std::string_view header_b64 = jwt.substr(0, dot1);
  const std::string_view payload_b64 = jwt.substr(dot1 + 1, dot2 - dot1 - 1);
  const std::string_view signature_b64 = jwt.substr(dot2 + 1);

  auto header_text = Base64UrlDecode(header_b64);
  if (!header_text) {
    return Invalid("the token is malformed: the header is not base64url");
  }
  sim::Result<json> parsed_header = ParseJson(*header_text);
  const json header = parsed_header.ok() ? *parsed_header : json();
  if (!header.is_object()) {
    return Invalid("the token is malformed: the header is not a JSON object");
  }
  auto alg = header.find("alg");
  if (alg == header.end() || !alg->is_string()) {
    return Invalid("the token header names no algorithm (\"alg\")");
  }
  if (*alg != "RS256") {
    return Invalid("the token is signed with \"" + alg->get<std::string>() +
                   "\"; only RS256 is accepted");
  }
  if (header.contains("crit")) {
    return Invalid(
        "the token header has critical extensions (\"crit\"), which are not "
        "supported");
  }
  auto kid = header.find("kid");
  if (kid == header.end() || !kid->is_string()) {
    return Invalid("the token header names no signing key (\"kid\")");
  }
  const VerificationKey* key = nullptr;
  for (const VerificationKey& k : keys_) {
    if (k.kid() == kid->get_ref<const std::string&>()) key = &k;
  }
  if (key == nullptr) {
    return Invalid("the token's signing key \"" + kid->get<std::string>() +
                   "\" is not one of the issuer's keys");
  }
  auto signature = Base64UrlDecode(signature_b64);
  if (!signature) {
    return Invalid("the token is malformed: the signature is not base64url");
  }
  if (!key->VerifyRs256(jwt.substr(0, dot2), *signature)) {
    return Invalid(
        "the token's signature is invalid (forged, altered, or signed with "
        "another key)");
  }

  auto payload_text = Base64UrlDecode(payload_b64);
  if (!payload_text) {
    return Invalid("the token is malformed: the payload is not base64url");
  }
  sim::Result<json> parsed_payload = ParseJson(*payload_text);
  const json payload = parsed_payload.ok() ? *parsed_payload : json();
  if (!payload.is_object()) {
    return Invalid("the token is malformed: the payload is not a JSON object");
  }
  TIERSIM_ASSIGN_OR_RETURN(TokenClaims claims, ClaimsFromJson(payload));
  const std::string expected_issuer =
      IssuerFor(issuer_base_url_, claims.tenant);
  if (claims.issuer != expected_issuer) {
    return Invalid("the token was issued by \"" + claims.issuer +
                   "\"; expected \"" + expected_issuer + "\"");
  }
  return claims;
}

sim::Status TokenVerifier::CheckValidity(const TokenClaims& claims,
                                         std::string_view expected_audience,
                                         sim::SimTime now) {
  if (claims.audience != expected_audience) {
    return Invalid("the token is for the audience \"" + claims.audience +
                   "\"; expected \"" + std::string(expected_audience) + "\"");
  }
  if (now >= claims.expires_at + kClockSkew) {
    return Invalid("the token expired at " +
                   sim::FormatSimTime(claims.expires_at) + " (now " +
                   sim::FormatSimTime(now) +
                   "; 5 minutes of clock skew allowed)");
  }
  if (now + kClockSkew < claims.not_before) {
    return Invalid("the token is not valid before " +
                   sim::FormatSimTime(claims.not_before) + " (now " +
                   sim::FormatSimTime(now) +
                   "; 5 minutes of clock skew allowed)");
  }
  return sim::OkStatus();
}

}  // namespace tiersim::mocks
