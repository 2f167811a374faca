// Small text helpers shared by the in-memory mocks: ASCII case folding
// (from sim/text.h), case-insensitive hashing for unordered containers, and the
// syntax checks the Microsoft services apply to country codes and (from
// sim/email_address.h) domains and email addresses. Pure functions; they own
// nothing and are safe from any thread.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "sim/email_address.h"
#include "sim/text.h"

namespace tiersim::mocks {

// ASCII case folding and trimming are the core's (sim/text.h), shared with
// the report writers; named here too because every mock uses them.
using sim::AsciiLower;
using sim::AsciiToLower;
using sim::ContainsIgnoreCase;
using sim::EqualsIgnoreCase;
using sim::HtmlEscape;
using sim::IsCountryCode;
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

// The one e-mail and domain syntax rule is the core's (sim/email_address.h).
using sim::IsDomainName;
using sim::IsEmailAddress;
// The addr-spec of "someone@example.com" or "Some One <someone@example.com>"
// (surrounding blanks ignored); nullopt when it is not a valid address.
std::optional<std::string_view> AddrSpec(std::string_view text);

}  // namespace tiersim::mocks
