// NetworkClient's internals, shared by its .cc files: one keep-alive
// connection per server and the request helpers that turn HTTP answers back
// into sim::Status. Included only by mocks/remote/*.cc.
#pragma once

#include <httplib.h>

#include <memory>
#include <string>
#include <vector>

#include "harness/transport/network_client.h"
#include "mocks/wire/op_wire.h"

namespace tiersim::harness {

using nlohmann::json;
namespace wire = mocks::wire;

struct NetworkClient::Impl {
  explicit Impl(NetworkTarget t);

  // A Partner Center request. `session` 0 = no token (public and control
  // routes). The answer's body (keys lowercased) or the error it carries.
  sim::Result<json> Pc(const wire::WireRequest& request,
                       sim::SessionRef session);
  // A declared operation: its request encoded, its reply decoded.
  template <typename Op>
  sim::Result<typename Op::Response> Send(sim::SessionRef session,
                                          const typename Op::Request& r) {
    TIERSIM_ASSIGN_OR_RETURN(json answer,
                             Pc(wire::EncodeRequest<Op>(r), session));
    return wire::DecodeReply<Op>(answer);
  }
  // A plumbing call (reset, clock) with a JSON body.
  sim::Result<json> Plumbing(const std::string& path, const json& body);
  // A mail API call (Mailpit shape); body as sent (keys not lowercased).
  sim::Result<json> Mail(const std::string& method, const std::string& path,
                         const json* body = nullptr);
  // A form POST to Azure AD; the JSON answer or the AADSTS error mapped.
  sim::Result<json> AadForm(const std::string& path,
                            const httplib::Params& form);
  sim::Result<json> AadJson(const std::string& path, const json& body);

  // Refreshes session `index`'s access token with its refresh token (the
  // way MSAL renews silently when a token expires, e.g. after a long
  // virtual wait). False when there is no refresh token or it is refused.
  bool Refresh(std::size_t index);

  NetworkTarget target;
  httplib::Client pc;
  httplib::Client mail;
  httplib::Client aad;  // https: scheme-host-port form

  struct Tokens {
    std::string access;
    std::string refresh;
  };
  std::vector<Tokens> tokens;     // SessionRef value - 1
  std::string request_id_prefix;  // MS-RequestId of POSTs: prefix + n
  std::uint64_t next_request_id = 0;
  std::size_t retries = 0;  // requests sent again after a network failure
};

}  // namespace tiersim::harness
