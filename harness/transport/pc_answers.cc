#include "harness/transport/pc_answers.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <random>

namespace tiersim::harness {

using nlohmann::json;

namespace {

// The error code name an error body carries in data[0], if any.
std::string CodeName(const json& j) {
  if (j.is_object() && j.contains("data") && j["data"].is_array() &&
      !j["data"].empty() && j["data"][0].is_string()) {
    return j["data"][0].get<std::string>();
  }
  return {};
}

}  // namespace

sim::Status PcFailure(int http_status, const std::string& body) {
  const json j = json::parse(body, nullptr, false);
  const std::string name = CodeName(j);
  if (!name.empty()) {
    auto code = sim::ErrorCodeFromName(name);
    const std::string description =
        j.value("description", std::string("(no description)"));
    if (code) return sim::Error(*code, description);
    // Not the core's answer: a throttle or failure of the network.
    const sim::ErrorCode what = http_status == 429 || http_status >= 500
                                    ? sim::ErrorCode::kUnavailable
                                    : sim::ErrorCode::kInvalidArgument;
    return sim::Error(what, "HTTP " + std::to_string(http_status) + " " + name +
                                ": " + description);
  }
  return sim::Error(
      sim::ErrorCode::kInternal,
      "HTTP " + std::to_string(http_status) +
          " without a Partner Center error body: " + body.substr(0, 200));
}

bool TransportFailure(int http_status, const std::string& body) {
  if (http_status != 429 && http_status < 500) return false;
  const std::string name = CodeName(json::parse(body, nullptr, false));
  return name.empty() || !sim::ErrorCodeFromName(name);
}

std::chrono::milliseconds RetryAfter(std::string_view value,
                                     std::chrono::milliseconds fallback) {
  constexpr std::chrono::milliseconds kMaxWait = std::chrono::seconds(30);
  if (value.empty()) return fallback;
  const std::string v(value);
  char* end = nullptr;
  const long seconds = std::strtol(v.c_str(), &end, 10);
  if (end == v.c_str() || seconds < 0) return std::chrono::seconds(1);
  return std::min<std::chrono::milliseconds>(std::chrono::seconds(seconds),
                                             kMaxWait);
}

std::string RequestId(const std::string& prefix, std::uint64_t n) {
  char tail[16];
  std::snprintf(tail, sizeof tail, "%012llx",
                static_cast<unsigned long long>(n & 0xffffffffffffULL));
  return prefix + tail;
}

std::string RequestIdPrefix() {
  std::random_device random;
  char prefix[32];
  std::snprintf(prefix, sizeof prefix, "%08x-%04x-%04x-%04x-", random(),
                random() & 0xffff, (random() & 0x0fff) | 0x4000,
                (random() & 0x3fff) | 0x8000);
  return prefix;
}

}  // namespace tiersim::harness
