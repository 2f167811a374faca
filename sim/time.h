// Virtual time. SimTime is a time point on the simulation's own clock,
// counted in microseconds since the Unix epoch (so it can be printed as a date
// and put in a JWT), but it never follows the wall clock: the scheduler moves
// it. Durations are plain std::chrono durations.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "sim/status.h"

namespace tiersim::sim {

struct SimClockTag {
  using rep = std::int64_t;
  using period = std::micro;
  using duration = std::chrono::microseconds;
  using time_point = std::chrono::time_point<SimClockTag>;
  static constexpr bool is_steady = true;
};

using Duration = std::chrono::microseconds;
using SimTime = std::chrono::time_point<SimClockTag, Duration>;

using Days = std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

// 2026-01-01T00:00:00Z, where every simulation starts unless told otherwise.
inline constexpr SimTime kDefaultEpoch{Duration{1767225600LL * 1000000LL}};

// "2026-01-03T04:05:06Z" (whole seconds; microseconds shown when not zero).
// The one ISO 8601 formatter; ParseIsoTime reads its output back.
std::string FormatSimTime(SimTime t);

// What ParseIsoTime accepts besides the full form.
struct IsoTimeForms {
  bool date_only = false;        // "2026-01-03": midnight UTC
  bool without_seconds = false;  // "2026-01-03T04:05"
  bool zone_optional = false;    // no "Z": read as UTC
};

// The one ISO 8601 / RFC 3339 parser, UTC only:
// "YYYY-MM-DDTHH:MM:SS[.f...]Z" with exactly 4-2-2 and 2-2-2 digits
// ('t' and 'z' may be lowercase, as RFC 3339 allows), plus what `forms`
// adds. Impossible dates and times are refused: month 13, 2026-02-31,
// 2026-02-29 (not a leap year), hour 24, minute or second 60. Leap seconds
// (":60") are refused too: SimTime counts seconds without them, so one
// could only alias the next second. Fractions take 1 or more digits;
// digits past microseconds are dropped (truncated). Offsets other than Z
// ("+01:00") are refused. kInvalidArgument, whose message completes
// "\"<text>\" ...": "is not a time like 2026-01-01T00:00:00Z", or, for a
// well-formed time with the wrong or a missing zone, "must end in Z (UTC)".
Result<SimTime> ParseIsoTime(std::string_view text, IsoTimeForms forms = {});
// "3d 04:05:06" relative to `origin`, used by journals.
std::string FormatElapsed(SimTime t, SimTime origin);
// "3d", "12h", "30m", "45s", "250ms", or combinations "1d12h". Nullopt on
// malformed input.
std::optional<Duration> ParseDuration(std::string_view text);
// Inverse of ParseDuration for whole units: "3d", "1d12h", "0s".
std::string FormatDuration(Duration d);

}  // namespace tiersim::sim
