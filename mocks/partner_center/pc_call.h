// Internals of the Partner Center server shared by its route files: one
// authenticated, idempotent call into the world, and case-insensitive JSON
// field reading. Included only by mocks/partner_center/*.cc.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "mocks/http/http_server.h"
#include "mocks/partner_center/authenticator.h"
#include "mocks/world/shared_world.h"
#include "sim/partner_center.h"

namespace tiersim::mocks::pc {

using nlohmann::json;

struct Reply {
  int status = 200;
  std::string body;  // JSON
  // Set instead of `body` by handlers whose answer is costly to write: it
  // runs after the world's lock is released, on values it captured, so
  // other requests are not held up by JSON formatting.
  std::function<std::string()> render;
};

// What a handler gets: the world (locked), the caller's core session, the
// request's path parameters, query and parsed body.
struct Call {
  InProcessWorld& world;
  const sim::Session& session;
  const Caller& caller;
  const httplib::Request& request;
  const json& body;
  sim::PartnerCenter& pc() { return world.pc(); }
};

using Work = std::function<Reply(Call&)>;

// Remembers POST answers by (caller, MS-RequestId), bounded, oldest first
// out. Used only under the world's lock.
class IdempotencyCache {
 public:
  explicit IdempotencyCache(std::size_t capacity) : capacity_(capacity) {}
  struct Entry {
    std::string request_fingerprint;  // route + body
    Reply reply;
  };
  const Entry* Find(const std::string& key) const;
  void Put(std::string key, Entry entry);
  void Clear() {
    entries_.clear();
    order_.clear();
  }

 private:
  std::size_t capacity_;
  std::unordered_map<std::string, Entry> entries_;
  std::deque<std::string> order_;
};

struct Context {
  SharedWorld& world;
  BearerAuthenticator& auth;
  IdempotencyCache idempotency;
};

// Authenticates, parses the body (when `has_body`), runs `work` inside the
// world with the caller's session (idempotently for POST), and writes the
// reply with MS-CorrelationId echoed. A wire::WireError thrown by `work`
// (while decoding input, before it calls the core) becomes a 400.
void Serve(Context& ctx, const httplib::Request& req, httplib::Response& res,
           bool has_body, const Work& work);

// The same for pages anyone may open without signing in (enrollment, the
// public provider list, email links): no token, no session.
struct PublicCall {
  InProcessWorld& world;
  const httplib::Request& request;
  const json& body;  // keys lowercased (wire::Lowered)
  sim::PartnerCenter& pc() { return world.pc(); }
};
using PublicWork = std::function<Reply(PublicCall&)>;
void ServePublic(Context& ctx, const httplib::Request& req,
                 httplib::Response& res, bool has_body, const PublicWork& work);

// {"value": ...} replies for results and OK statuses.
Reply OkEmpty(const sim::Status& s);

// ---- Replies ----
Reply Ok(int status, const json& body);
Reply Fail(const sim::Status& status);
template <typename T>
Reply FailOf(const sim::Result<T>& r) {
  return Fail(r.status());
}
// A 400 for input the core never saw (our code name + description).
Reply BadInput(std::string_view name, std::string description);
// Partner Center's collection shape: {totalCount, items, attributes}.
json Collection(json items);

// ---- Reading input ----
// Case-insensitive member lookup; null when absent (or `obj` not an object).
const json* Member(const json& obj, std::string_view name);
// The string member or "" (absent or not a string).
std::string StringMember(const json& obj, std::string_view name);

// "partner-7" -> PartnerId(7); nullopt when the prefix or number is wrong.
template <typename Id>
std::optional<Id> ParseId(std::string_view text, std::string_view prefix) {
  if (text.size() <= prefix.size() + 1 ||
      text.substr(0, prefix.size()) != prefix || text[prefix.size()] != '-') {
    return std::nullopt;
  }
  std::uint64_t v = 0;
  for (char c : text.substr(prefix.size() + 1)) {
    if (c < '0' || c > '9' || v > (UINT64_MAX - 9) / 10) return std::nullopt;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (v == 0) return std::nullopt;
  return Id(v);
}

// A partner named by our id ("partner-7") or its MPN ID ("4700001").
std::optional<sim::PartnerId> ResolvePartner(const sim::PartnerCenter& pc,
                                             std::string_view text);

}  // namespace tiersim::mocks::pc
