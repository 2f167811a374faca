#include "mocks/partner_center/idempotency.h"

#include <nlohmann/json.hpp>
#include <vector>

#include "mocks/common/crypto_util.h"
#include "mocks/common/json_text.h"
#include "sim/text.h"

namespace tiersim::mocks::pc {

std::string IdempotencyCache::Meaning(std::string_view method,
                                      std::string_view path,
                                      std::string_view canonical_body) {
  const Sha256Digest digest =
      Sha256(std::string(method) + " " + std::string(path) + "\n" +
             std::string(canonical_body));
  return std::string(digest.begin(), digest.end());
}

std::string IdempotencyCache::Redacted(const std::string& json_body) {
  sim::Result<nlohmann::json> parsed = ParseJson(json_body);
  if (!parsed.ok()) return json_body;
  std::vector<nlohmann::json*> pending{&*parsed};
  bool changed = false;
  while (!pending.empty()) {
    nlohmann::json* node = pending.back();
    pending.pop_back();
    if (node->is_object()) {
      for (auto it = node->begin(); it != node->end(); ++it) {
        if (sim::EqualsIgnoreCase(it.key(), "password")) {
          it.value() = nullptr;
          changed = true;
        } else {
          pending.push_back(&it.value());
        }
      }
    } else if (node->is_array()) {
      for (nlohmann::json& e : *node) pending.push_back(&e);
    }
  }
  return changed ? DumpJson(*parsed) : json_body;
}

IdempotencyCache::Bucket& IdempotencyCache::BucketFor(
    const std::string& caller) {
  auto it = buckets_.find(caller);
  if (it != buckets_.end()) {
    recent_callers_.splice(recent_callers_.begin(), recent_callers_,
                           it->second.recency);
    return it->second;
  }
  while (buckets_.size() >= options_.max_callers && !recent_callers_.empty()) {
    buckets_.erase(recent_callers_.back());
    recent_callers_.pop_back();
  }
  recent_callers_.push_front(caller);
  Bucket& bucket = buckets_[caller];
  bucket.recency = recent_callers_.begin();
  return bucket;
}

void IdempotencyCache::EvictOldest(Bucket& bucket) {
  auto it = bucket.entries.find(bucket.order.front());
  if (it != bucket.entries.end()) {
    bucket.bytes -= it->second.bytes;
    bucket.entries.erase(it);
  }
  bucket.order.pop_front();
}

void IdempotencyCache::Expire(Bucket& bucket, Clock::time_point now) {
  while (!bucket.order.empty()) {
    auto it = bucket.entries.find(bucket.order.front());
    if (it != bucket.entries.end() && now - it->second.stored < options_.keep) {
      return;
    }
    EvictOldest(bucket);
  }
}

namespace {

std::string KeyOf(const std::string& request_id, std::string_view route) {
  return std::string(route) + "\n" + request_id;
}

}  // namespace

std::optional<IdempotencyCache::Seen> IdempotencyCache::Find(
    const std::string& caller, const std::string& request_id,
    std::string_view route, std::string_view meaning, Clock::time_point now) {
  auto bucket = buckets_.find(caller);
  if (bucket == buckets_.end()) return std::nullopt;
  Expire(bucket->second, now);
  auto it = bucket->second.entries.find(KeyOf(request_id, route));
  if (it == bucket->second.entries.end()) return std::nullopt;
  Seen seen = it->second.seen;
  seen.same_meaning = it->second.meaning_hash == meaning;
  return seen;
}

void IdempotencyCache::Put(const std::string& caller,
                           const std::string& request_id,
                           std::string_view route, std::string_view meaning,
                           const Reply& reply, Clock::time_point now) {
  if (options_.entries_per_caller == 0) return;
  Entry entry;
  entry.meaning_hash = std::string(meaning);
  entry.seen.reply.status = reply.status;
  entry.seen.reply.body = Redacted(reply.body);
  entry.stored = now;
  entry.bytes = entry.seen.reply.body.size() + request_id.size() + 64;
  if (entry.bytes > options_.bytes_per_caller) return;  // too big to keep
  Bucket& bucket = BucketFor(caller);
  Expire(bucket, now);
  const std::string key = KeyOf(request_id, route);
  if (bucket.entries.count(key) > 0) return;  // the first answer stays
  while (!bucket.order.empty() &&
         (bucket.entries.size() >= options_.entries_per_caller ||
          bucket.bytes + entry.bytes > options_.bytes_per_caller)) {
    EvictOldest(bucket);
  }
  bucket.bytes += entry.bytes;
  bucket.order.push_back(key);
  bucket.entries.emplace(key, std::move(entry));
}

void IdempotencyCache::Clear() {
  buckets_.clear();
  recent_callers_.clear();
}

}  // namespace tiersim::mocks::pc
