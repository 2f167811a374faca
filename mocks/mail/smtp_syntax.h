// SMTP command syntax (RFC 5321 4.1): the reverse- and forward-paths of
// MAIL and RCPT with their ESMTP parameters, mailbox checks, and the
// strict base64 that SASL responses use (RFC 4954). Used by SmtpSession;
// pure functions, safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tiersim::mocks {

struct SmtpPath {
  std::string mailbox;  // "ada@x.test"; empty for the null path "<>"
  // ESMTP parameters after the path, keyword upper-cased: {"SIZE", "2048"},
  // {"SMTPUTF8", ""}.
  std::vector<std::pair<std::string, std::string>> params;
};

// Parses the argument of MAIL or RCPT after "FROM:" / "TO:" ("<a@b> SIZE=9",
// also " <a@b>" and a bare "a@b"). A source route "<@r1,@r2:a@b>" is
// dropped. Nullopt when the path is malformed (no closing ">", blanks or
// controls inside, a parameter without a keyword).
std::optional<SmtpPath> ParseSmtpPath(std::string_view argument);

// A mailbox "local@domain" (RFC 5321 4.1.2): a dot-string or quoted local
// part of at most 64 octets, a domain of letter/digit/hyphen labels or an
// address literal "[...]", at most 254 octets in all. Octets >= 0x80 are
// allowed only when `utf8` (SMTPUTF8, RFC 6531).
bool IsSmtpMailbox(std::string_view mailbox, bool utf8);

// True when `text` has an octet >= 0x80.
bool HasNonAscii(std::string_view text);

// An AUTH response (RFC 4954): strict base64 (mocks/common/base64.h's
// Base64Decode), or "=" alone for the empty response. Nullopt otherwise.
std::optional<std::string> DecodeSaslBase64(std::string_view text);

}  // namespace tiersim::mocks
