// Text helpers with no dependency beyond the standard library, shared by the
// core, the mocks and the report writers (the `tiersim::sim_text` target,
// which `tiersim::reports` links without the core): ASCII case folding and
// trimming, UTF-8 decoding that never fails, and HTML escaping.
//
// Pure functions; they own nothing and are safe from any thread. ASCII case
// folding never consults the C locale (std::tolower does), so results do not
// depend on the process's setlocale.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tiersim::sim {

// ---- ASCII case and blanks --------------------------------------------------

constexpr char AsciiToLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
// The value of a hexadecimal digit (either case), or -1.
constexpr int HexDigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}
// ISO 3166 alpha-2 in the form Microsoft uses: two uppercase ASCII letters
// ("US", "DE").
constexpr bool IsCountryCode(std::string_view text) {
  return text.size() == 2 && text[0] >= 'A' && text[0] <= 'Z' &&
         text[1] >= 'A' && text[1] <= 'Z';
}
// A lowercase copy (ASCII only; other bytes are kept as they are).
std::string AsciiLower(std::string_view text);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix);
// True when `needle` occurs in `haystack`, ignoring ASCII case.
bool ContainsIgnoreCase(std::string_view haystack, std::string_view needle);

// `text` without leading and trailing bytes found in `chars`.
std::string_view TrimChars(std::string_view text, std::string_view chars);
// `text` without leading and trailing spaces, tabs, CRs and LFs.
std::string_view TrimBlanks(std::string_view text);
// `text` without leading and trailing spaces and tabs (SMTP's and RFC
// 5322's WSP; CR and LF are kept).
std::string_view TrimSpaces(std::string_view text);

// ---- UTF-8 ------------------------------------------------------------------

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

// Decodes one code point of `s` starting at `i` and advances `i` past it.
// Malformed, overlong, surrogate and out-of-range sequences decode as
// U+FFFD and consume one byte, so decoding always makes progress.
char32_t DecodeUtf8(std::string_view s, std::size_t& i);
// True when `s` is well-formed UTF-8 (no malformed, overlong, surrogate or
// out-of-range sequence).
bool IsValidUtf8(std::string_view s);
// Appends `cp` (at most U+10FFFF) as UTF-8.
void AppendUtf8(char32_t cp, std::string& out);

// Calls fn(cp) for every code point of `s` (see DecodeUtf8).
template <typename Fn>
void ForEachCodePoint(std::string_view s, Fn&& fn) {
  std::size_t i = 0;
  while (i < s.size()) fn(DecodeUtf8(s, i));
}

// True for characters that neither XML 1.0 nor HTML allow in text:
// controls other than tab, newline and carriage return, C1 controls and
// noncharacters.
bool ForbiddenInMarkup(char32_t cp);

// ---- HTML -------------------------------------------------------------------

// Text for HTML element content and quoted attribute values: & < > " '
// escaped, invalid UTF-8 and characters HTML forbids (ForbiddenInMarkup)
// replaced by U+FFFD.
std::string HtmlEscape(std::string_view s);

}  // namespace tiersim::sim
