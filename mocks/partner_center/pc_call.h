// Internals of the Partner Center server: one authenticated, idempotent
// call into the world. The routes themselves come from the operation
// declarations (op_routes.cc). Included only by mocks/partner_center/*.cc.
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "mocks/http/http_server.h"
#include "mocks/partner_center/authenticator.h"
#include "mocks/partner_center/idempotency.h"
#include "mocks/partner_center/reply.h"
#include "mocks/world/shared_world.h"
#include "sim/op.h"
#include "sim/partner_center.h"

namespace tiersim::mocks::pc {

using nlohmann::json;

struct Context {
  SharedWorld& world;
  BearerAuthenticator& auth;
  IdempotencyCache idempotency;
  // Counts the mail system's messages for /_tiersim/counts (null: the
  // world's own in-memory store).
  std::function<std::size_t()> email_count;
  // Runs a large reply's rendering (Reply::large) on another thread; false
  // when it cannot take more now, and the reply is then written in place.
  // Unset: always in place.
  std::function<bool(std::function<void()>)> offload;
  // Where /_tiersim/faults arms "http.*" points (null: none served).
  NetworkFaults* network_faults = nullptr;
};

// What a route's work gets: the world (locked), the caller's core session
// (null unless the operation is Access::kSignedIn), and the body (an
// object with its keys lowercased; empty when the route takes none).
using Work =
    std::function<Reply(InProcessWorld&, const sim::Session*, const json&)>;

// Authenticates (kSignedIn), parses the body (when `has_body`), runs `work`
// inside the world (idempotently for a POST with MS-RequestId, signed in
// or public: idempotency.h), and writes the reply with MS-CorrelationId
// and MS-RequestId echoed.
void Serve(Context& ctx, const Request& req, Response& res, sim::Access access,
           bool has_body, const Work& work);

Reply Fail(const sim::Status& status);
// A 400 for input the core never saw (our code name + description).
Reply BadInput(std::string_view name, std::string description);

}  // namespace tiersim::mocks::pc
