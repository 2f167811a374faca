#include "reports/format.h"

#include <cstdio>

namespace tiersim::reports {
namespace {

constexpr std::int64_t kUsPerSecond = 1'000'000;
constexpr std::int64_t kUsPerDay = 86'400 * kUsPerSecond;

struct Parts {
  bool negative;
  std::int64_t days, hours, minutes, seconds, millis;
};

Parts Split(std::int64_t us) {
  Parts p{};
  p.negative = us < 0;
  // Work on the magnitude; INT64_MIN cannot occur for virtual times.
  const std::int64_t v = p.negative ? -us : us;
  p.days = v / kUsPerDay;
  std::int64_t rest = v % kUsPerDay;
  p.hours = rest / (3600 * kUsPerSecond);
  rest %= 3600 * kUsPerSecond;
  p.minutes = rest / (60 * kUsPerSecond);
  rest %= 60 * kUsPerSecond;
  p.seconds = rest / kUsPerSecond;
  p.millis = (rest % kUsPerSecond) / 1000;
  return p;
}

}  // namespace

std::string FormatVirtual(std::int64_t us) {
  const Parts p = Split(us);
  char buf[64];
  if (p.millis != 0) {
    std::snprintf(
        buf, sizeof buf, "%s%lldd %02lld:%02lld:%02lld.%03lld",
        p.negative ? "-" : "", static_cast<long long>(p.days),
        static_cast<long long>(p.hours), static_cast<long long>(p.minutes),
        static_cast<long long>(p.seconds), static_cast<long long>(p.millis));
  } else {
    std::snprintf(
        buf, sizeof buf, "%s%lldd %02lld:%02lld:%02lld", p.negative ? "-" : "",
        static_cast<long long>(p.days), static_cast<long long>(p.hours),
        static_cast<long long>(p.minutes), static_cast<long long>(p.seconds));
  }
  return buf;
}

std::string FormatVirtualShort(std::int64_t us) {
  const Parts p = Split(us);
  if (p.seconds != 0 || p.millis != 0) return FormatVirtual(us);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s%lldd %02lld:%02lld", p.negative ? "-" : "",
                static_cast<long long>(p.days), static_cast<long long>(p.hours),
                static_cast<long long>(p.minutes));
  return buf;
}

std::string FormatWall(std::int64_t ns) {
  if (ns < 0) ns = 0;
  char buf[64];
  // One decimal, rounded to nearest, computed in integers.
  const auto tenths = [](std::int64_t v, std::int64_t unit) {
    return (v * 10 + unit / 2) / unit;
  };
  if (ns < 1'000) {
    std::snprintf(buf, sizeof buf, "%lld ns", static_cast<long long>(ns));
  } else if (ns < 999'950) {
    const std::int64_t t = tenths(ns, 1'000);
    std::snprintf(buf, sizeof buf, "%lld.%lld us",
                  static_cast<long long>(t / 10),
                  static_cast<long long>(t % 10));
  } else if (ns < 999'950'000) {
    const std::int64_t t = tenths(ns, 1'000'000);
    std::snprintf(buf, sizeof buf, "%lld.%lld ms",
                  static_cast<long long>(t / 10),
                  static_cast<long long>(t % 10));
  } else {
    const std::int64_t h = (ns + 5'000'000) / 10'000'000;  // hundredths
    std::snprintf(buf, sizeof buf, "%lld.%02lld s",
                  static_cast<long long>(h / 100),
                  static_cast<long long>(h % 100));
  }
  return buf;
}

std::string FormatSeconds(std::int64_t ns) {
  if (ns < 0) ns = 0;
  const std::int64_t ms = (ns + 500'000) / 1'000'000;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%lld.%03lld",
                static_cast<long long>(ms / 1000),
                static_cast<long long>(ms % 1000));
  return buf;
}

std::string TerminalSafe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  ForEachCodePoint(s, [&out](char32_t cp) {
    char buf[16];
    if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if ((cp < 0x20 && cp != '\t') || cp == 0x7F) {
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(cp));
      out += buf;
    } else if (cp >= 0x80 && cp <= 0x9F) {
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
      out += buf;
    } else {
      AppendUtf8(cp, out);
    }
  });
  return out;
}

std::string Truncate(std::string_view s, std::size_t max_code_points) {
  std::size_t i = 0;
  std::size_t count = 0;
  while (i < s.size() && count < max_code_points) {
    DecodeUtf8(s, i);
    ++count;
  }
  if (i >= s.size()) return std::string(s);
  // Keep room for the ellipsis within the limit.
  std::size_t keep = 0;
  std::size_t j = 0;
  const std::size_t wanted = max_code_points > 3 ? max_code_points - 3 : 0;
  while (j < s.size() && keep < wanted) {
    DecodeUtf8(s, j);
    ++keep;
  }
  return std::string(s.substr(0, j)) + "...";
}

}  // namespace tiersim::reports
