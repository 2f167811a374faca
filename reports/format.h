// Text helpers shared by the report writers (internal to reports/): time and
// duration formatting and escaping for terminals (UTF-8 and HTML come from
// sim/text.h). Pure functions, no state.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "sim/text.h"

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

// UTF-8 decoding and HTML escaping are sim/text.h's, shared with the mocks.
using sim::AppendUtf8;
using sim::DecodeUtf8;
using sim::ForEachCodePoint;
using sim::HtmlEscape;

// One line of terminal text that cannot drive the terminal: control
// characters (C0, DEL, C1) are shown as escapes ("\n", "\x1b", "\u009b"),
// invalid UTF-8 becomes U+FFFD. Tabs are kept.
std::string TerminalSafe(std::string_view s);

// Cuts `s` to at most `max_code_points`, ending with "..." when cut.
std::string Truncate(std::string_view s, std::size_t max_code_points);

}  // namespace tiersim::reports
