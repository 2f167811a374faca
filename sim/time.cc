#include "sim/time.h"

#include <cstdio>

namespace tiersim::sim {

std::string FormatSimTime(SimTime t) {
  using namespace std::chrono;
  const auto us = t.time_since_epoch();
  const auto day_point = sys_days{floor<days>(duration_cast<seconds>(us))};
  const year_month_day ymd{day_point};
  const auto in_day =
      us - duration_cast<microseconds>(day_point.time_since_epoch());
  const hh_mm_ss<microseconds> hms{in_day};
  char buf[64];
  if (hms.subseconds().count() == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02ldZ",
                  static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()),
                  static_cast<long>(hms.hours().count()),
                  static_cast<long>(hms.minutes().count()),
                  static_cast<long>(hms.seconds().count()));
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02ld.%06ldZ",
                  static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()),
                  static_cast<long>(hms.hours().count()),
                  static_cast<long>(hms.minutes().count()),
                  static_cast<long>(hms.seconds().count()),
                  static_cast<long>(hms.subseconds().count()));
  }
  return buf;
}

std::string FormatElapsed(SimTime t, SimTime origin) {
  using namespace std::chrono;
  auto d = t - origin;
  const bool negative = d.count() < 0;
  if (negative) d = -d;
  const auto whole_days = duration_cast<days>(d);
  const hh_mm_ss<microseconds> hms{d - whole_days};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s%ldd %02ld:%02ld:%02ld.%03ld",
                negative ? "-" : "", static_cast<long>(whole_days.count()),
                static_cast<long>(hms.hours().count()),
                static_cast<long>(hms.minutes().count()),
                static_cast<long>(hms.seconds().count()),
                static_cast<long>(hms.subseconds().count() / 1000));
  return buf;
}

std::optional<Duration> ParseDuration(std::string_view text) {
  if (text.empty()) return std::nullopt;
  Duration total{0};
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t start = i;
    long long n = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      n = n * 10 + (text[i] - '0');
      if (n > 1'000'000'000LL) return std::nullopt;
      ++i;
    }
    if (i == start) return std::nullopt;
    std::size_t unit_start = i;
    while (i < text.size() && text[i] >= 'a' && text[i] <= 'z') ++i;
    const std::string_view unit = text.substr(unit_start, i - unit_start);
    if (unit == "w") {
      total += std::chrono::days(7 * n);
    } else if (unit == "d") {
      total += std::chrono::days(n);
    } else if (unit == "h") {
      total += std::chrono::hours(n);
    } else if (unit == "m") {
      total += std::chrono::minutes(n);
    } else if (unit == "s") {
      total += std::chrono::seconds(n);
    } else if (unit == "ms") {
      total += std::chrono::milliseconds(n);
    } else if (unit == "us") {
      total += std::chrono::microseconds(n);
    } else {
      return std::nullopt;
    }
  }
  return total;
}

std::string FormatDuration(Duration d) {
  using namespace std::chrono;
  if (d.count() == 0) return "0s";
  std::string out;
  if (d.count() < 0) {
    out = "-";
    d = -d;
  }
  struct Unit {
    Duration size;
    const char* name;
  };
  const Unit units[] = {{days(1), "d"},          {hours(1), "h"},
                        {minutes(1), "m"},       {seconds(1), "s"},
                        {milliseconds(1), "ms"}, {microseconds(1), "us"}};
  for (const Unit& u : units) {
    const auto n = d / u.size;
    if (n > 0) {
      out += std::to_string(n) + u.name;
      d -= n * u.size;
    }
  }
  return out;
}

}  // namespace tiersim::sim
