#include "sim/faults.h"

#include <algorithm>

#include "sim/email_address.h"

namespace tiersim::sim {

const std::vector<std::string_view>& KnownFaultPoints() {
  static const std::vector<std::string_view> points = {
      fault_points::kMailDrop,       fault_points::kMailDelay,
      fault_points::kMailReject,     fault_points::kPmcUnavailable,
      fault_points::kAadUnavailable, fault_points::kAadCreateTenant,
      fault_points::kAadCreateUser,  fault_points::kReviewReject,
      fault_points::kServiceOutage};
  return points;
}

void Faults::Arm(std::string_view point, FaultSpec spec) {
  for (Armed& a : armed_) {
    if (a.point == point && a.spec.match == spec.match) {
      a.spec = std::move(spec);
      a.fired = 0;
      return;
    }
  }
  armed_.push_back(Armed{std::string(point), std::move(spec), 0});
}

void Faults::Disarm(std::string_view point) {
  std::erase_if(armed_, [&](const Armed& a) { return a.point == point; });
}

std::optional<FaultSpec> Faults::Fire(std::string_view point,
                                      std::string_view subject) {
  if (armed_.empty()) return std::nullopt;  // the hot path
  for (auto it = armed_.begin(); it != armed_.end(); ++it) {
    if (!Applies(*it, point, subject)) continue;
    const FaultSpec& spec = it->spec;
    if (!rng_.Bernoulli(spec.probability)) continue;
    ++it->fired;
    auto total = std::find_if(fired_totals_.begin(), fired_totals_.end(),
                              [&](const auto& p) { return p.first == point; });
    if (total == fired_totals_.end()) {
      fired_totals_.emplace_back(std::string(point), 1);
    } else {
      ++total->second;
    }
    return spec;
  }
  return std::nullopt;
}

bool Faults::Applies(const Armed& a, std::string_view point,
                     std::string_view subject) const {
  const FaultSpec& spec = a.spec;
  return a.point == point &&
         (spec.match.empty() || EqualsIgnoreCase(spec.match, subject)) &&
         !(spec.until && clock_.Now() >= *spec.until) &&
         !(spec.times >= 0 && a.fired >= spec.times);
}

bool Faults::Active(std::string_view point, std::string_view subject) const {
  return std::any_of(armed_.begin(), armed_.end(), [&](const Armed& a) {
    return Applies(a, point, subject);
  });
}

int Faults::FiredCount(std::string_view point) const {
  for (const auto& [name, count] : fired_totals_) {
    if (name == point) return count;
  }
  return 0;
}

}  // namespace tiersim::sim
