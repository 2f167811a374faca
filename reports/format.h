// Text helpers shared by the report writers (internal to reports/): time and
// duration formatting, UTF-8 decoding that never fails, and escaping for HTML
// and terminals. Pure functions, no state.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tiersim::reports {

// Virtual time since the scenario's start: "0d 00:00:03", with milliseconds
// when there are any ("0d 00:00:03.250"). Negative values get a leading '-'.
std::string FormatVirtual(std::int64_t us);
// The same, without seconds when they are zero: "3d 02:00", "0d 00:00:03".
std::string FormatVirtualShort(std::int64_t us);
// Wall time for people: "850 ns", "12.3 us", "1.2 ms", "2.25 s".
std::string FormatWall(std::int64_t ns);
// Seconds with three decimals, as JUnit wants them: "0.012". Never uses the
// locale; negative values count as zero.
std::string FormatSeconds(std::int64_t ns);

// Decodes one code point of `s` starting at `i` and advances `i` past it.
// Malformed, overlong, surrogate and out-of-range sequences decode as
// U+FFFD and consume one byte, so decoding always makes progress.
char32_t DecodeUtf8(std::string_view s, std::size_t& i);
void AppendUtf8(char32_t cp, std::string& out);

// Calls fn(cp) for every code point of `s` (see DecodeUtf8).
template <typename Fn>
void ForEachCodePoint(std::string_view s, Fn&& fn) {
  std::size_t i = 0;
  while (i < s.size()) fn(DecodeUtf8(s, i));
}

// Text for HTML element content and quoted attribute values: & < > " '
// escaped, invalid UTF-8 and characters HTML forbids (controls other than
// \t \n \r, noncharacters) replaced by U+FFFD.
std::string HtmlEscape(std::string_view s);

// One line of terminal text that cannot drive the terminal: control
// characters (C0, DEL, C1) are shown as escapes ("\n", "\x1b", "\u009b"),
// invalid UTF-8 becomes U+FFFD. Tabs are kept.
std::string TerminalSafe(std::string_view s);

// Cuts `s` to at most `max_code_points`, ending with "..." when cut.
std::string Truncate(std::string_view s, std::size_t max_code_points);

}  // namespace tiersim::reports
