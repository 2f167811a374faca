// NetworkClient's internals, shared by its .cc files: one keep-alive
// connection per server and the request helpers that turn HTTP answers back
// into sim::Status. Included only by mocks/remote/*.cc.
#pragma once

#include <httplib.h>

#include <memory>
#include <string>
#include <vector>

#include "mocks/partner_center/wire.h"
#include "mocks/remote/network_client.h"

namespace tiersim::mocks {

using nlohmann::json;

struct NetworkClient::Impl {
  explicit Impl(NetworkTarget t);

  // A Partner Center call. `session` 0 = no token (public and control
  // routes). The answer's body (keys lowercased) or the error it carries.
  sim::Result<json> Pc(const std::string& method, const std::string& path,
                       const json* body, sim::SessionRef session);
  httplib::Result Send(const std::string& method, const std::string& path,
                       const httplib::Headers& headers,
                       const std::string& payload);
  sim::Result<json> Answer(const std::string& method, const std::string& path,
                           const httplib::Result& res);
  // A mail API call (Mailpit shape); body as sent (keys not lowercased).
  sim::Result<json> Mail(const std::string& method, const std::string& path,
                         const json* body = nullptr);
  // A form POST to Azure AD; the JSON answer or the AADSTS error mapped.
  sim::Result<json> AadForm(const std::string& path,
                            const httplib::Params& form);
  sim::Result<json> AadJson(const std::string& path, const json& body);

  // Remembers a failure of a call that cannot return one (WorldControl's
  // void and value calls) and prints it once.
  void NoteTransportError(const sim::Status& s);

  NetworkTarget target;
  httplib::Client pc;
  httplib::Client mail;
  httplib::Client aad;  // https: scheme-host-port form
  // Refreshes session `index`'s access token with its refresh token (the
  // way MSAL renews silently when a token expires, e.g. after a long
  // virtual wait). False when there is no refresh token or it is refused.
  bool Refresh(std::size_t index);

  struct Tokens {
    std::string access;
    std::string refresh;
  };
  std::vector<Tokens> tokens;  // SessionRef value - 1
  sim::Status transport_error;
};

// Decodes `j` (keys lowercased) as T, or kInternal naming what was wrong.
template <typename T>
sim::Result<T> Decode(const json& j, std::string_view what) {
  try {
    return j.get<T>();
  } catch (const std::exception& e) {
    return sim::Error(sim::ErrorCode::kInternal,
                      "the server's " + std::string(what) +
                          " could not be read: " + e.what());
  }
}

// Member `key` (lowercase) of `j` decoded as T.
template <typename T>
sim::Result<T> DecodeMember(const sim::Result<json>& j, const char* key) {
  if (!j.ok()) return j.status();
  auto it = j->find(key);
  if (it == j->end()) {
    return sim::Error(sim::ErrorCode::kInternal,
                      std::string("the server's answer has no ") + key);
  }
  return Decode<T>(*it, key);
}

inline sim::Status StatusOf(const sim::Result<json>& r) { return r.status(); }

}  // namespace tiersim::mocks
