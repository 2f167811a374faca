#include "mocks/partner_center/pc_call.h"

#include <chrono>
#include <memory>
#include <utility>

#include "mocks/common/json_text.h"
#include "mocks/partner_center/pc_errors.h"
#include "mocks/wire/wire.h"

namespace tiersim::mocks::pc {

Reply Fail(const sim::Status& status) {
  return {PcErrorFor(status.code()).http_status, PcErrorBody(status)};
}

Reply BadInput(std::string_view name, std::string description) {
  return {400, PcRequestErrorBody("400056", name, description)};
}

namespace {

void Write(Response& res, const Reply& reply) {
  ReplyJson(res, reply.status, reply.body);
}

// How long a large reply may take to be written before the caller gets a
// 503 instead.
constexpr std::chrono::seconds kRenderTimeout{60};

// Writes a rendered reply into a deferred answer; a render that throws is
// a 500 that shows nothing of it (as the router does for handlers).
void CompleteRendered(Deferred& deferred, const Headers& headers,
                      Reply& reply) {
  bool failed = false;
  try {
    reply.body = reply.render();
  } catch (...) {
    failed = true;
  }
  deferred.Complete([&](Response& out) {
    out.headers = headers;
    if (failed) {
      Write(out, Fail(sim::Error(sim::ErrorCode::kInternal,
                                 "the server failed while writing this "
                                 "answer")));
    } else {
      Write(out, reply);
    }
  });
}

// Renders (if need be) and writes `reply`; a large one on ctx.offload's
// thread, the connection waiting for it without holding the event loop.
void Finish(Context& ctx, Response& res, Reply reply) {
  if (reply.render && reply.large && ctx.offload) {
    auto shared = std::make_shared<Reply>(std::move(reply));
    const Headers headers = res.headers;  // MS-CorrelationId, MS-RequestId
    std::shared_ptr<Deferred> deferred =
        res.Defer(kRenderTimeout, [headers](Response& late) {
          late.headers = headers;
          Write(late, Fail(sim::Error(sim::ErrorCode::kUnavailable,
                                      "the answer took too long to write; "
                                      "try again")));
        });
    if (!ctx.offload([shared, headers, deferred] {
          CompleteRendered(*deferred, headers, *shared);
        })) {
      CompleteRendered(*deferred, headers, *shared);  // the worker is full
    }
    return;
  }
  if (reply.render) reply.body = reply.render();
  Write(res, reply);
}

// Parses a JSON object body (keys lowered, see wire.h); nullopt (and the
// reply written) on failure.
std::optional<json> ParseBody(const Request& req, Response& res) {
  sim::Result<json> body = ParseJson(req.body, {.lower_keys = true});
  if (!body.ok()) {
    Write(res, BadInput("MalformedJson", body.status().message()));
    return std::nullopt;
  }
  if (!body->is_object()) {
    Write(res, BadInput("MalformedJson",
                        "the request body must be a JSON object; it is "
                        "another JSON value"));
    return std::nullopt;
  }
  return *std::move(body);
}

}  // namespace

namespace {

// A POST with MS-RequestId: its key in the idempotency cache.
struct IdempotentCall {
  std::string caller;
  std::string request_id;
  std::string meaning;
};

std::optional<IdempotentCall> IdempotencyOf(const Request& req,
                                            std::string caller,
                                            const json& body) {
  const std::string request_id = HeaderValue(req, "MS-RequestId");
  if (req.method != "POST" || request_id.empty()) return std::nullopt;
  return IdempotentCall{.caller = std::move(caller),
                        .request_id = request_id,
                        .meaning = IdempotencyCache::Meaning(
                            req.method, req.path, DumpJson(body))};
}

// Runs `work` in the world, or answers what the first call with the same
// key answered. The answer of a new call is written and remembered under
// the lock, so a concurrent retry cannot run the request a second time;
// only answers that changed something are kept (a failed POST may be
// retried for real). A refused or failed call sends no mail (R22).
Reply RunOnce(Context& ctx, const Request& req,
              const std::optional<IdempotentCall>& key,
              const std::function<Reply(InProcessWorld&)>& work) {
  return ctx.world.With([&](InProcessWorld& world) -> Reply {
    const auto now = IdempotencyCache::Clock::now();
    if (key) {
      if (auto seen = ctx.idempotency.Find(key->caller, key->request_id,
                                           req.path, key->meaning, now)) {
        if (!seen->same_meaning) {
          return {409, PcRequestErrorBody(
                           "TS409", "RequestIdReused",
                           "MS-RequestId " + key->request_id +
                               " was already used for a different request; "
                               "use a new id for a new request")};
        }
        return seen->reply;
      }
    }
    Reply r = work(world);
    if (r.status >= 300) ctx.world.DiscardMailLocked();
    if (key && r.render) {
      r.body = r.render();
      r.render = nullptr;
    }
    if (key && r.status < 300) {
      ctx.idempotency.Put(key->caller, key->request_id, req.path, key->meaning,
                          r, now);
    }
    return r;
  });
}

// Pages anyone may open and the control routes: no token, no session.
void ServeUnauthenticated(Context& ctx, const Request& req, Response& res,
                          sim::Access access, bool has_body, const Work& work) {
  json body = json::object();
  if (has_body) {
    auto parsed = ParseBody(req, res);
    if (!parsed) return;
    body = *std::move(parsed);
  }
  // Public POSTs honour MS-RequestId too, per client address.
  const std::optional<IdempotentCall> key =
      access == sim::Access::kPublic
          ? IdempotencyOf(req, "public " + req.remote_address, body)
          : std::nullopt;
  Reply reply = RunOnce(ctx, req, key, [&](InProcessWorld& world) {
    return work(world, nullptr, body);
  });
  Finish(ctx, res, std::move(reply));
}

}  // namespace

void Serve(Context& ctx, const Request& req, Response& res, sim::Access access,
           bool has_body, const Work& work) {
  const std::string correlation = HeaderValue(req, "MS-CorrelationId");
  if (!correlation.empty()) res.set_header("MS-CorrelationId", correlation);
  const std::string request_id = HeaderValue(req, "MS-RequestId");
  if (!request_id.empty()) res.set_header("MS-RequestId", request_id);
  if (access != sim::Access::kSignedIn) {
    ServeUnauthenticated(ctx, req, res, access, has_body, work);
    return;
  }

  sim::Result<Caller> caller =
      ctx.auth.Authenticate(HeaderValue(req, "Authorization"));
  if (!caller.ok()) {
    res.set_header("WWW-Authenticate", "Bearer");
    Write(res, Fail(caller.status()));
    return;
  }
  if (caller->app_only) {
    Write(res,
          Fail(sim::Error(sim::ErrorCode::kPermissionDenied,
                          "app-only tokens (client_credentials) cannot call "
                          "this endpoint; sign a user in (password or "
                          "authorization_code grant) and use that token")));
    return;
  }
  json body = json::object();
  if (has_body) {
    auto parsed = ParseBody(req, res);
    if (!parsed) return;
    body = *std::move(parsed);
  }
  const std::optional<IdempotentCall> key =
      IdempotencyOf(req, "user " + caller->upn, body);
  Reply reply = RunOnce(ctx, req, key, [&](InProcessWorld& world) -> Reply {
    sim::Result<sim::Session> session =
        world.pc().ResumeSession(caller->user, caller->upn);
    if (!session.ok()) {
      return Fail(sim::Error(sim::ErrorCode::kInvalidToken,
                             "the token's user does not exist in this world "
                             "(was the world reset?)"));
    }
    return work(world, &*session, body);
  });
  Finish(ctx, res, std::move(reply));
}

}  // namespace tiersim::mocks::pc
