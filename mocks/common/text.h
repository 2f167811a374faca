// Small text helpers shared by the in-memory mocks: ASCII case folding
// (from sim/text.h), case-insensitive hashing for unordered containers, and the
// syntax checks the Microsoft services apply to domains, country codes and
// email addresses. Pure functions; they own nothing and are safe from any
// thread.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "sim/text.h"

namespace tiersim::mocks {

// ASCII case folding and trimming are the core's (sim/text.h), shared with
// the report writers; named here too because every mock uses them.
using sim::AsciiLower;
using sim::AsciiToLower;
using sim::ContainsIgnoreCase;
using sim::EqualsIgnoreCase;
using sim::HtmlEscape;
using sim::StartsWithIgnoreCase;
using sim::TrimBlanks;
using sim::TrimSpaces;

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
