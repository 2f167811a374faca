#include "mocks/http/network_faults.h"

#include <algorithm>
#include <cctype>

namespace tiersim::mocks {
namespace {

constexpr std::string_view kPrefix = "http.";

std::vector<std::string_view> Split(std::string_view text, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(sep, start), text.size());
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool IsMethod(std::string_view token) {
  for (std::string_view m : {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"}) {
    if (token == m) return true;
  }
  return false;
}

bool Same(const RouteSelector& a, const RouteSelector& b) {
  return a.server == b.server && a.method == b.method && a.path == b.path;
}

bool Applies(const RouteSelector& r, std::string_view server,
             std::string_view method, std::string_view path) {
  if (!r.server.empty() && r.server != server) return false;
  if (!r.method.empty() && r.method != method) return false;
  return r.path.empty() || PathMatches(r.path, path);
}

}  // namespace

const std::vector<std::string_view>& NetworkFaultPoints() {
  static const std::vector<std::string_view> points = {
      "http.latency", "http.429", "http.500",  "http.502",
      "http.503",     "http.504", "http.reset"};
  return points;
}

bool IsNetworkFaultPoint(std::string_view point) {
  return point.substr(0, kPrefix.size()) == kPrefix;
}

bool PathMatches(std::string_view pattern, std::string_view path) {
  const std::vector<std::string_view> want = Split(pattern, '/');
  const std::vector<std::string_view> got = Split(path, '/');
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (want[i] == "**" && i + 1 == want.size()) return got.size() >= i;
    if (i >= got.size()) return false;
    if (want[i] != "*" && want[i] != got[i]) return false;
    if (want[i] == "*" && got[i].empty()) return false;
  }
  return want.size() == got.size();
}

std::optional<NetworkFaultSpec> ParseNetworkFault(std::string_view point,
                                                  std::string_view match,
                                                  std::string* error) {
  const auto& points = NetworkFaultPoints();
  if (std::find(points.begin(), points.end(), point) == points.end()) {
    std::string known;
    for (std::string_view p : points) {
      known += (known.empty() ? "" : ", ") + std::string(p);
    }
    *error = "\"" + std::string(point) +
             "\" is not a network fault; expected one of " + known;
    return std::nullopt;
  }
  NetworkFaultSpec spec;
  if (point == "http.latency") {
    spec.kind = NetworkFaultKind::kLatency;
  } else if (point == "http.reset") {
    spec.kind = NetworkFaultKind::kReset;
  } else {
    spec.kind = NetworkFaultKind::kStatus;
    spec.status = std::stoi(std::string(point.substr(kPrefix.size())));
  }
  for (std::string_view token : Split(match, ' ')) {
    if (token.empty()) continue;
    if (token.front() == '/') {
      spec.route.path = std::string(token);
    } else if (IsMethod(token)) {
      spec.route.method = std::string(token);
    } else if (std::all_of(token.begin(), token.end(), [](char c) {
                 return std::islower(static_cast<unsigned char>(c)) || c == '-';
               })) {
      spec.route.server = std::string(token);
    } else {
      *error = "\"" + std::string(token) +
               "\" is not a server name, an HTTP method or a path; give "
               "\"[server] [METHOD] [/path/*/pattern]\", such as "
               "\"partner-center POST /v1/customers/*/orders\"";
      return std::nullopt;
    }
  }
  return spec;
}

void NetworkFaults::Arm(NetworkFaultSpec spec) {
  MutexLock lock(mutex_);
  for (Armed& a : armed_) {
    if (a.spec.kind == spec.kind && a.spec.status == spec.status &&
        Same(a.spec.route, spec.route)) {
      a = Armed{std::move(spec), 0};
      return;
    }
  }
  armed_.push_back(Armed{std::move(spec), 0});
}

void NetworkFaults::Clear() {
  MutexLock lock(mutex_);
  armed_.clear();
}

int NetworkFaults::fired() const {
  MutexLock lock(mutex_);
  return fired_;
}

std::optional<NetworkFaultDecision> NetworkFaults::Decide(
    std::string_view server, std::string_view method, std::string_view path) {
  MutexLock lock(mutex_);
  for (Armed& a : armed_) {
    const NetworkFaultSpec& s = a.spec;
    if (s.times >= 0 && a.fired >= s.times) continue;
    if (!Applies(s.route, server, method, path)) continue;
    if (s.probability < 1.0) {
      std::uniform_real_distribution<double> coin(0.0, 1.0);
      if (coin(rng_) >= s.probability) continue;
    }
    ++a.fired;
    ++fired_;
    return NetworkFaultDecision{s.kind, s.status, s.delay};
  }
  return std::nullopt;
}

}  // namespace tiersim::mocks
