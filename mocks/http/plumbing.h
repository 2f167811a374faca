// Plumbing: the endpoints every tiersim server has besides its own API.
//
//   GET  /livez             200 {"status":"live"} while the process serves
//   GET  /readyz            200 {"status":"ready"} or 503 {"status":"starting"}
//   POST /_tiersim/reset    a fresh world (same seed unless {"seed": N}), 200
//   GET  /_tiersim/clock    {"now","origin","nowMicros","speed"}
//   POST /_tiersim/clock    {"advance":"3d"} or {"advanceMicros": N},
//                           and/or {"speed": 60}
//
// Errors are {"code": "...", "description": "..."} with 400 (bad JSON, an
// unknown field, a negative or malformed duration, a negative speed, or
// one outside the ranges below).
//
// Ranges: one advance moves at most kMaxClockAdvance (ten years), the
// clock never goes further than kMaxClockSpan (a century) past its origin
// (token lifetimes, expiry dates and journals stay representable), and
// the speed is at most kMaxClockSpeed (a virtual day in under a tenth of a
// wall second).
// The Plumbing interface is what a server's owner (tiersim serve, a test)
// implements; the handlers call it from worker threads, so it must be
// thread-safe.
#pragma once

#include <cstdint>
#include <optional>

#include "sim/status.h"
#include "sim/time.h"

namespace tiersim::mocks {

class HttpServer;

// The plumbing's paths and the body keys a client sends, for the server
// and the network client alike.
inline constexpr char kResetPath[] = "/_tiersim/reset";
inline constexpr char kClockPath[] = "/_tiersim/clock";
inline constexpr char kSeedKey[] = "seed";
inline constexpr char kAdvanceMicrosKey[] = "advanceMicros";

inline constexpr sim::Duration kMaxClockAdvance = std::chrono::days(3650);
inline constexpr sim::Duration kMaxClockSpan = std::chrono::days(36525);
inline constexpr double kMaxClockSpeed = 1e6;

struct ClockState {
  sim::SimTime now;
  sim::SimTime origin;
  // Virtual seconds per wall second; 0 = time moves only when told (the
  // default, and what deterministic runs use).
  double speed = 0;
};

class Plumbing {
 public:
  virtual ~Plumbing() = default;
  virtual bool Ready() = 0;
  // Discards everything and starts a fresh world (with `seed` if given).
  virtual sim::Status Reset(std::optional<std::uint64_t> seed) = 0;
  virtual ClockState Clock() = 0;
  // Runs every event due within `d`; kInvalidArgument when `d` < 0.
  virtual sim::Status Advance(sim::Duration d) = 0;
  // kInvalidArgument when negative or not finite.
  virtual sim::Status SetSpeed(double speed) = 0;
};

// Adds the routes above to `server` (before it starts).
void AddPlumbing(HttpServer& server, Plumbing& plumbing);

}  // namespace tiersim::mocks
