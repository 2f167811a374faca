// NetworkFaults: faults of the network itself, as data, for integrators who
// test their retry logic against tiersim's servers: for a server and a
// route, answers arrive late, come back as 429 Too Many Requests (with
// Retry-After, as Partner Center throttles) or a 5xx, or the connection is
// reset before any answer; with a probability, or for the next N requests.
//
// Armed through /_tiersim/faults (points "http.latency", "http.429",
// "http.500", "http.502", "http.503", "http.504", "http.reset") or a
// scenario's fault step; every HttpServer of a served world asks Decide()
// for each request before routing it. /_tiersim/ routes are never faulted,
// so a test can always disarm. Thread-safe: servers ask from their pools
// (one annotated mutex). Standard library only.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "mocks/common/mutex.h"

namespace tiersim::mocks {

enum class NetworkFaultKind : std::uint8_t { kLatency, kStatus, kReset };

// Which requests a fault applies to: "[server] [METHOD] [/path/pattern]",
// each part optional, such as "partner-center POST /v1/customers/*/orders"
// ("*" stands for one path segment, a final "**" for the rest). Empty: every
// request of every server.
struct RouteSelector {
  std::string server;  // "partner-center", "azure-ad", "pmc", "mail-api"
  std::string method;  // "POST"
  std::string path;    // "/v1/customers/*/orders"
};

struct NetworkFaultSpec {
  NetworkFaultKind kind = NetworkFaultKind::kStatus;
  RouteSelector route;
  int status = 503;  // kStatus: 429 or 500-599
  // kLatency: how late the answer is; 429 and 503: the Retry-After sent
  // (whole seconds, rounded up; none when zero).
  std::chrono::milliseconds delay{0};
  double probability = 1.0;  // chance for each matching request
  int times = -1;            // at most this many requests; -1: no limit
};

// What to do with one request.
struct NetworkFaultDecision {
  NetworkFaultKind kind;
  int status = 0;
  std::chrono::milliseconds delay{0};
};

// Parses a point ("http.429") and the fault step's match ("partner-center
// POST /v1/...") into a spec; nullopt with `error` set when either is not
// understood.
std::optional<NetworkFaultSpec> ParseNetworkFault(std::string_view point,
                                                  std::string_view match,
                                                  std::string* error);
// Whether `point` names a network fault ("http.").
bool IsNetworkFaultPoint(std::string_view point);
// The points, for help text and validation.
const std::vector<std::string_view>& NetworkFaultPoints();

class NetworkFaults {
 public:
  explicit NetworkFaults(std::uint64_t seed = 1) : rng_(seed) {}

  // Arms `spec`, replacing an armed fault of the same kind and route.
  void Arm(NetworkFaultSpec spec);
  void Clear();
  // The fault that applies to this request, if any (drawing from the
  // seeded generator only when an armed fault matches).
  std::optional<NetworkFaultDecision> Decide(std::string_view server,
                                             std::string_view method,
                                             std::string_view path);
  // How many requests the armed faults have affected.
  int fired() const;

 private:
  struct Armed {
    NetworkFaultSpec spec;
    int fired = 0;
  };
  mutable Mutex mutex_;
  std::vector<Armed> armed_ TIERSIM_GUARDED_BY(mutex_);
  std::mt19937_64 rng_ TIERSIM_GUARDED_BY(mutex_);
  int fired_ TIERSIM_GUARDED_BY(mutex_) = 0;
};

// Whether `path` matches the pattern ("*" one segment, final "**" the rest).
bool PathMatches(std::string_view pattern, std::string_view path);

}  // namespace tiersim::mocks
