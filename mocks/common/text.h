// Small text helpers shared by the in-memory mocks: ASCII case folding,
// case-insensitive hashing for unordered containers, and the syntax checks
// the Microsoft services apply to domains, country codes and email addresses.
// Pure functions; they own nothing and are safe from any thread.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tiersim::mocks {

constexpr char AsciiToLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// A lowercase copy (ASCII only; other bytes are kept as they are).
std::string AsciiLower(std::string_view text);
// `text` without leading and trailing spaces, tabs, CRs and LFs.
std::string_view TrimBlanks(std::string_view text);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
// True when `needle` occurs in `haystack`, ignoring ASCII case.
bool ContainsIgnoreCase(std::string_view haystack, std::string_view needle);

// Transparent, ASCII case-insensitive hash and equality, so an
// unordered_map<std::string, V, CaseInsensitiveHash, CaseInsensitiveEqual>
// keeps each key once, as it was spelled, and can be searched with a
// std::string_view in any case without allocating.
struct CaseInsensitiveHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const;
};
struct CaseInsensitiveEqual {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const {
    return EqualsIgnoreCase(a, b);
  }
};

// A DNS name such as "fabrikam.onmicrosoft.com": two or more dot-separated
// labels of 1-63 letters, digits or hyphens (not at either end of a label),
// at most 253 characters, the last label not all digits.
bool IsDomainName(std::string_view text);
// ISO 3166 alpha-2 in the form Microsoft uses: two uppercase ASCII letters.
bool IsCountryCode(std::string_view text);
// An addr-spec "local@domain": a non-empty local part of at most 64
// printable ASCII characters without spaces, quotes, angle brackets or '@',
// and a domain per IsDomainName.
bool IsEmailAddress(std::string_view text);
// The addr-spec of "someone@example.com" or "Some One <someone@example.com>"
// (surrounding blanks ignored); nullopt when it is not a valid address.
std::optional<std::string_view> AddrSpec(std::string_view text);

}  // namespace tiersim::mocks
