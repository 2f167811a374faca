#include "sim/time.h"

#include <cstdio>
#include <limits>

#include "sim/text.h"

namespace tiersim::sim {

std::string FormatSimTime(SimTime t) {
  using namespace std::chrono;
  const auto us = t.time_since_epoch();
  // floor, not duration_cast (which truncates towards zero): before 1970,
  // 23:59:59.5 must stay on its own day.
  const auto day_point = sys_days{floor<days>(us)};
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

namespace {

// Exactly `count` digits at text[*i], advancing *i; -1 otherwise.
int Digits(std::string_view text, std::size_t* i, std::size_t count) {
  if (*i + count > text.size()) return -1;
  int value = 0;
  for (std::size_t k = 0; k < count; ++k) {
    const char c = text[*i + k];
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  *i += count;
  return value;
}

bool Take(std::string_view text, std::size_t* i, char c) {
  if (*i >= text.size() || AsciiToLower(text[*i]) != AsciiToLower(c)) {
    return false;
  }
  ++*i;
  return true;
}

}  // namespace

Result<SimTime> ParseIsoTime(std::string_view text, IsoTimeForms forms) {
  using namespace std::chrono;
  const Status malformed(ErrorCode::kInvalidArgument,
                         "is not a time like 2026-01-01T00:00:00Z");
  std::size_t i = 0;
  const int y = Digits(text, &i, 4);
  if (y < 0 || !Take(text, &i, '-')) return malformed;
  const int mo = Digits(text, &i, 2);
  if (mo < 0 || !Take(text, &i, '-')) return malformed;
  const int d = Digits(text, &i, 2);
  if (d < 0) return malformed;
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)},
                           day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return malformed;  // month 13, February 30, ...
  Duration in_day{0};
  if (i == text.size() && forms.date_only) {
    return SimTime{duration_cast<Duration>(sys_days{ymd}.time_since_epoch())};
  }
  if (!Take(text, &i, 'T')) return malformed;
  const int hh = Digits(text, &i, 2);
  if (hh < 0 || hh > 23 || !Take(text, &i, ':')) return malformed;
  const int mm = Digits(text, &i, 2);
  if (mm < 0 || mm > 59) return malformed;
  int ss = 0;
  long micros = 0;
  if (Take(text, &i, ':')) {
    ss = Digits(text, &i, 2);
    if (ss < 0 || ss > 59) return malformed;
    if (Take(text, &i, '.')) {
      const std::size_t first = i;
      long scale = 100000;
      for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
        micros += (text[i] - '0') * scale;
        scale /= 10;
      }
      if (i == first) return malformed;
    }
  } else if (!forms.without_seconds) {
    return malformed;
  }
  in_day = hours{hh} + minutes{mm} + seconds{ss} + microseconds{micros};
  const bool utc = Take(text, &i, 'Z');
  if (i != text.size() || (!utc && !forms.zone_optional)) {
    return Status(ErrorCode::kInvalidArgument, "must end in Z (UTC)");
  }
  return SimTime{duration_cast<Duration>(sys_days{ymd}.time_since_epoch()) +
                 in_day};
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
    std::int64_t unit_us = 0;
    if (unit == "w") {
      unit_us = 7LL * 86'400'000'000LL;
    } else if (unit == "d") {
      unit_us = 86'400'000'000LL;
    } else if (unit == "h") {
      unit_us = 3'600'000'000LL;
    } else if (unit == "m") {
      unit_us = 60'000'000LL;
    } else if (unit == "s") {
      unit_us = 1'000'000LL;
    } else if (unit == "ms") {
      unit_us = 1'000LL;
    } else if (unit == "us") {
      unit_us = 1LL;
    } else {
      return std::nullopt;
    }
    // Past what a Duration holds (about 292,000 years): no such duration.
    const std::int64_t max = std::numeric_limits<std::int64_t>::max();
    if (n > (max - total.count()) / unit_us) return std::nullopt;
    total += Duration(n * unit_us);
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
