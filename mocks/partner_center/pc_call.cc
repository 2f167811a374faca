#include "mocks/partner_center/pc_call.h"

#include <utility>

#include "mocks/common/json_text.h"
#include "mocks/partner_center/pc_errors.h"
#include "mocks/wire/wire.h"

namespace tiersim::mocks::pc {

const IdempotencyCache::Entry* IdempotencyCache::Find(
    const std::string& key) const {
  auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : &it->second;
}

void IdempotencyCache::Put(std::string key, Entry entry) {
  if (capacity_ == 0) return;
  while (entries_.size() >= capacity_ && !order_.empty()) {
    entries_.erase(order_.front());
    order_.pop_front();
  }
  order_.push_back(key);
  entries_.emplace(std::move(key), std::move(entry));
}

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

// Pages anyone may open and the control routes: no token, no session.
void ServeUnauthenticated(Context& ctx, const Request& req, Response& res,
                          bool has_body, const Work& work) {
  json body = json::object();
  if (has_body) {
    auto parsed = ParseBody(req, res);
    if (!parsed) return;
    body = *std::move(parsed);
  }
  Reply reply = ctx.world.With([&](InProcessWorld& world) {
    Reply r = work(world, nullptr, body);
    if (r.status >= 300) ctx.world.DiscardMailLocked();  // R22
    return r;
  });
  if (reply.render) reply.body = reply.render();
  Write(res, reply);
}

}  // namespace

void Serve(Context& ctx, const Request& req, Response& res, sim::Access access,
           bool has_body, const Work& work) {
  const std::string correlation = HeaderValue(req, "MS-CorrelationId");
  if (!correlation.empty()) res.set_header("MS-CorrelationId", correlation);
  if (access != sim::Access::kSignedIn) {
    ServeUnauthenticated(ctx, req, res, has_body, work);
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
  const std::string request_id = HeaderValue(req, "MS-RequestId");
  const bool idempotent = req.method == "POST" && !request_id.empty();
  const std::string key =
      idempotent ? caller->upn + "\n" + request_id : std::string();
  const std::string fingerprint =
      idempotent ? req.method + " " + req.path + "\n" + req.body
                 : std::string();

  Reply reply = ctx.world.With([&](InProcessWorld& world) -> Reply {
    if (idempotent) {
      if (const auto* seen = ctx.idempotency.Find(key)) {
        if (seen->request_fingerprint != fingerprint) {
          return {409, PcRequestErrorBody(
                           "TS409", "RequestIdReused",
                           "MS-RequestId " + request_id +
                               " was already used for a different request; "
                               "use a new id for a new request")};
        }
        return seen->reply;
      }
    }
    sim::Result<sim::Session> session =
        world.pc().ResumeSession(caller->user, caller->upn);
    if (!session.ok()) {
      return Fail(sim::Error(sim::ErrorCode::kInvalidToken,
                             "the token's user does not exist in this world "
                             "(was the world reset?)"));
    }
    Reply r = work(world, &*session, body);
    // A refused or failed call sends nothing (R22).
    if (r.status >= 300) ctx.world.DiscardMailLocked();
    // Only answers that changed something are replayed; a failed POST may
    // be retried for real. A replayed answer is written now, under the
    // lock, so a concurrent retry cannot run the request a second time.
    if (idempotent && r.render) {
      r.body = r.render();
      r.render = nullptr;
    }
    if (idempotent && r.status < 300) {
      ctx.idempotency.Put(key, {fingerprint, r});
    }
    return r;
  });
  if (reply.render) reply.body = reply.render();
  Write(res, reply);
}

}  // namespace tiersim::mocks::pc
