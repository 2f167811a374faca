// Faults: named fault points, armed by data, fired only from the seeded Rng.
//
// A scenario (or test) arms a point: "mail.drop" for the next email to
// bob@fabrikam.example, "pmc.unavailable" for one hour, "aad.create_user" with
// probability 0.1. Decorators around the ports (faulty_ports.h) ask Fire()
// at each point; nothing in the domain code tests for "testing". A point that
// is not armed never draws from the Rng, so arming one fault does not change
// the random stream of an unrelated run.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/clock.h"
#include "sim/rng.h"

namespace tiersim::sim {

// The fault points the simulator knows. Scenario files name them by string.
namespace fault_points {
inline constexpr std::string_view kMailDrop = "mail.drop";    // lost silently
inline constexpr std::string_view kMailDelay = "mail.delay";  // delivered late
inline constexpr std::string_view kMailReject = "mail.reject";  // send fails
inline constexpr std::string_view kPmcUnavailable = "pmc.unavailable";
inline constexpr std::string_view kAadUnavailable = "aad.unavailable";
inline constexpr std::string_view kAadCreateTenant = "aad.create_tenant";
inline constexpr std::string_view kAadCreateUser = "aad.create_user";
inline constexpr std::string_view kReviewReject = "enrollment.reject";
// A Microsoft service is degraded (its product family, "Office 365", is
// the match): Service health shows an incident while it is armed.
inline constexpr std::string_view kServiceOutage = "service.outage";
}  // namespace fault_points

// All known points, for validation and help text.
const std::vector<std::string_view>& KnownFaultPoints();

struct FaultSpec {
  double probability = 1.0;      // chance of firing each time the point is hit
  int times = -1;                // fire at most this often; -1 = no limit
  std::optional<SimTime> until;  // disarm at this virtual time
  Duration delay{0};             // for delay faults: how late
  std::string
      match;  // only when the subject equals this, ignoring case (if set)
};

class Faults {
 public:
  Faults(Rng& rng, const Clock& clock) : rng_(rng), clock_(clock) {}

  // Arms `point` (replacing an earlier arming of the same point and match).
  void Arm(std::string_view point, FaultSpec spec);
  void Disarm(std::string_view point);
  void Clear() { armed_.clear(); }

  // Whether the fault fires now for `subject` (an address, an ID, ...).
  // Returns the spec that fired. Draws from the Rng only when armed.
  std::optional<FaultSpec> Fire(std::string_view point,
                                std::string_view subject = {});
  // Whether `point` is armed for `subject` now (a state, not an event: no
  // draw from the Rng, nothing counted as fired).
  bool Active(std::string_view point, std::string_view subject) const;
  // How often `point` has fired since construction.
  int FiredCount(std::string_view point) const;

 private:
  struct Armed {
    std::string point;
    FaultSpec spec;
    int fired = 0;
  };
  // Armed for `point` and `subject`, not expired, not spent.
  bool Applies(const Armed& a, std::string_view point,
               std::string_view subject) const;

  Rng& rng_;
  const Clock& clock_;
  std::vector<Armed> armed_;
  std::vector<std::pair<std::string, int>> fired_totals_;
};

}  // namespace tiersim::sim
