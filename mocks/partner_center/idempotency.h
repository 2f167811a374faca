// Idempotent POSTs (MS-RequestId): a retry of the same request returns the
// first answer instead of doing the work twice.
//
// Keyed by (caller, MS-RequestId, route); the request's meaning — its
// method, path and body after parsing (so re-serialised JSON with the same
// content is the same request) — is kept as a SHA-256, and a reused id
// with another meaning is refused (409). Bounded per caller (entries and
// bytes, oldest first out), so one caller's traffic never evicts another's
// keys; callers beyond `max_callers` push out the least recently active.
// Answers are kept for `keep` (wall-clock), and kept redacted: a replay
// shows no one-time secret again (R23: the customer's temporary password
// is shown once).
//
// Thread rules: none of its own; the server uses it under the world's lock.
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "mocks/partner_center/reply.h"

namespace tiersim::mocks::pc {

struct IdempotencyOptions {
  std::size_t entries_per_caller = 1000;
  std::size_t bytes_per_caller = 1 << 20;  // of kept answers
  std::size_t max_callers = 10000;
  std::chrono::seconds keep = std::chrono::hours(1);
};

class IdempotencyCache {
 public:
  using Clock = std::chrono::steady_clock;
  IdempotencyCache() = default;
  explicit IdempotencyCache(IdempotencyOptions options) : options_(options) {}

  // The request's meaning: method, path and canonical body text.
  static std::string Meaning(std::string_view method, std::string_view path,
                             std::string_view canonical_body);

  struct Seen {
    bool same_meaning = false;
    Reply reply;  // the first answer, redacted
  };
  // What was answered to (caller, request_id, route) within `keep`.
  std::optional<Seen> Find(const std::string& caller,
                           const std::string& request_id,
                           std::string_view route, std::string_view meaning,
                           Clock::time_point now);
  // Remembers a successful answer (its body is stored redacted).
  void Put(const std::string& caller, const std::string& request_id,
           std::string_view route, std::string_view meaning, const Reply& reply,
           Clock::time_point now);
  void Clear();

  // One-time secrets taken out of a kept answer: every "password" member.
  static std::string Redacted(const std::string& json_body);

 private:
  struct Entry {
    std::string meaning_hash;
    Seen seen;
    Clock::time_point stored;
    std::size_t bytes = 0;
  };
  struct Bucket {
    std::unordered_map<std::string, Entry> entries;
    std::deque<std::string> order;  // keys, oldest first
    std::size_t bytes = 0;
    std::list<std::string>::iterator recency;
  };
  void Expire(Bucket& bucket, Clock::time_point now);
  void EvictOldest(Bucket& bucket);
  Bucket& BucketFor(const std::string& caller);

  IdempotencyOptions options_;
  std::unordered_map<std::string, Bucket> buckets_;
  std::list<std::string> recent_callers_;  // most recent first
};

}  // namespace tiersim::mocks::pc
