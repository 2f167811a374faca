#include "reports/format.h"

#include <cstdio>

namespace tiersim::reports {
namespace {

constexpr char32_t kReplacement = 0xFFFD;
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

// True for characters that neither XML 1.0 nor HTML allow in text:
// controls other than tab, newline and carriage return, and noncharacters.
bool ForbiddenInMarkup(char32_t cp) {
  if (cp < 0x20) return cp != '\t' && cp != '\n' && cp != '\r';
  if (cp >= 0x7F && cp <= 0x9F) return true;
  if (cp >= 0xFDD0 && cp <= 0xFDEF) return true;
  return (cp & 0xFFFE) == 0xFFFE;
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

char32_t DecodeUtf8(std::string_view s, std::size_t& i) {
  const auto byte = [&](std::size_t k) {
    return static_cast<unsigned char>(s[k]);
  };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int length = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    length = 2, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    length = 3, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    length = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    ++i;
    return kReplacement;
  }
  if (i + static_cast<std::size_t>(length) > s.size()) {
    ++i;
    return kReplacement;
  }
  for (int k = 1; k < length; ++k) {
    const unsigned char b = byte(i + static_cast<std::size_t>(k));
    if ((b & 0xC0) != 0x80) {
      ++i;
      return kReplacement;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return kReplacement;
  }
  i += static_cast<std::size_t>(length);
  return cp;
}

void AppendUtf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  ForEachCodePoint(s, [&out](char32_t cp) {
    switch (cp) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        AppendUtf8(ForbiddenInMarkup(cp) ? kReplacement : cp, out);
    }
  });
  return out;
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
