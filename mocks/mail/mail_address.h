// Email addresses in message headers (RFC 5322 3.4): "Ada <ada@x.test>",
// quoted and encoded display names, comments, groups; parsing for the
// decoder and formatting for the composer (mime.h) and the API.
//
// Pure functions, no state; safe from any thread. Parsing never fails:
// what is not an address is skipped or kept as written.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tiersim::mocks {

struct MailAddress {
  std::string name;     // display name, decoded; may be empty
  std::string address;  // addr-spec, "ada@contoso.test"

  friend bool operator==(const MailAddress&, const MailAddress&) = default;
};

// "Ada <ada@x.test>" gives {"Ada", "ada@x.test"}; "ada@x.test" gives
// {"", "ada@x.test"}. Quotes around the name and encoded words in it are
// decoded.
MailAddress SplitAddress(std::string_view text);
// The inverse for display and storage: "Ada <ada@x.test>" or "ada@x.test".
std::string FormatAddress(const MailAddress& address);
// An address for a header: the name quoted when it has specials, encoded
// when it is not ASCII.
std::string EncodeAddress(const MailAddress& address);

// The addresses of an address-list header value (To, Cc, From): commas
// inside quotes, <> and comments do not split; groups ("team: a@x, b@y;")
// give their members; empty entries are skipped.
std::vector<MailAddress> ParseAddressList(std::string_view value);

}  // namespace tiersim::mocks
