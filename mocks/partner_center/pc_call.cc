#include "mocks/partner_center/pc_call.h"

#include <utility>

#include "mocks/common/text.h"
#include "mocks/partner_center/pc_errors.h"
#include "mocks/partner_center/wire.h"

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

Reply Ok(int status, const json& body) { return {status, body.dump()}; }

Reply Fail(const sim::Status& status) {
  return {PcErrorFor(status.code()).http_status, PcErrorBody(status)};
}

Reply BadInput(std::string_view name, std::string description) {
  return {400, PcRequestErrorBody("400056", name, description)};
}

json Collection(json items) {
  const std::size_t n = items.size();
  return json{{"totalCount", n},
              {"items", std::move(items)},
              {"attributes", {{"objectType", "Collection"}}}};
}

const json* Member(const json& obj, std::string_view name) {
  if (!obj.is_object()) return nullptr;
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    if (EqualsIgnoreCase(it.key(), name)) return &it.value();
  }
  return nullptr;
}

std::string StringMember(const json& obj, std::string_view name) {
  const json* m = Member(obj, name);
  return m != nullptr && m->is_string() ? m->get<std::string>() : std::string();
}

std::optional<sim::PartnerId> ResolvePartner(const sim::PartnerCenter& pc,
                                             std::string_view text) {
  if (auto id = ParseId<sim::PartnerId>(text, "partner")) {
    if (id->value() <= pc.store().partners.size()) return id;
    return std::nullopt;
  }
  std::uint64_t mpn = 0;
  if (text.empty() || text.size() > 18) return std::nullopt;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    mpn = mpn * 10 + static_cast<std::uint64_t>(c - '0');
  }
  auto it = pc.store().partner_by_mpn.find(sim::MpnId(mpn));
  if (it == pc.store().partner_by_mpn.end()) return std::nullopt;
  return it->second;
}

Reply OkEmpty(const sim::Status& s) {
  return s.ok() ? Reply{200, "{}"} : Fail(s);
}

namespace {

void Write(httplib::Response& res, const Reply& reply) {
  ReplyJson(res, reply.status, reply.body);
}

// Parses a JSON object body; nullopt (and the reply written) on failure.
std::optional<json> ParseBody(const httplib::Request& req,
                              httplib::Response& res) {
  json body = json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded() || !body.is_object()) {
    Write(res, BadInput("MalformedJson",
                        "the request body must be a JSON object; it is " +
                            std::string(body.is_discarded()
                                            ? "not valid JSON"
                                            : "another JSON value")));
    return std::nullopt;
  }
  return body;
}

}  // namespace

void ServePublic(Context& ctx, const httplib::Request& req,
                 httplib::Response& res, bool has_body,
                 const PublicWork& work) {
  const std::string correlation = HeaderValue(req, "MS-CorrelationId");
  if (!correlation.empty()) res.set_header("MS-CorrelationId", correlation);
  json body = json::object();
  if (has_body) {
    auto parsed = ParseBody(req, res);
    if (!parsed) return;
    body = wire::Lowered(*parsed);
  }
  Reply reply = ctx.world.With([&](InProcessWorld& world) -> Reply {
    PublicCall call{world, req, body};
    try {
      return work(call);
    } catch (const wire::WireError& e) {
      return BadInput("InvalidArgument", e.what());
    }
  });
  Write(res, reply);
}

void Serve(Context& ctx, const httplib::Request& req, httplib::Response& res,
           bool has_body, const Work& work) {
  const std::string correlation = HeaderValue(req, "MS-CorrelationId");
  if (!correlation.empty()) res.set_header("MS-CorrelationId", correlation);

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
    body = std::move(*parsed);
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
    Call call{world, *session, *caller, req, body};
    Reply r;
    try {
      r = work(call);
    } catch (const wire::WireError& e) {
      return BadInput("InvalidArgument", e.what());
    }
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
