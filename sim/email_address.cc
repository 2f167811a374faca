#include "sim/email_address.h"

#include <algorithm>
#include <cctype>

namespace tiersim::sim {

Status CheckEmail(std::string_view email, std::string_view field) {
  auto bad = [&](std::string_view why) {
    return Error(ErrorCode::kInvalidEmail,
                 std::string(field) + " '" + std::string(email) +
                     "' is not a valid email address (" + std::string(why) +
                     "); expected name@domain.example");
  };
  if (email.empty()) return bad("it is empty");
  if (email.size() > 254) return bad("it is longer than 254 characters");
  const auto at = email.find('@');
  if (at == std::string_view::npos || at == 0) return bad("no name before @");
  if (email.find('@', at + 1) != std::string_view::npos) {
    return bad("more than one @");
  }
  const std::string_view domain = email.substr(at + 1);
  if (domain.find('.') == std::string_view::npos || domain.front() == '.' ||
      domain.back() == '.') {
    return bad("the domain has no dot-separated name");
  }
  for (char c : email) {
    if (std::isspace(static_cast<unsigned char>(c)) || c == '<' || c == '>' ||
        c == ',' || c == ';' || c == '"') {
      return bad("it contains a space or one of <>,;\"");
    }
  }
  return OkStatus();
}

std::string EmailDomain(std::string_view email) {
  const auto at = email.rfind('@');
  if (at == std::string_view::npos) return {};
  return AsciiLower(email.substr(at + 1));
}

const std::vector<std::string_view>& ConsumerWebmailDomains() {
  static const std::vector<std::string_view> domains = {
      // Gmail
      "gmail.com",
      "googlemail.com",
      // Yahoo! Mail
      "yahoo.com",
      "yahoo.co.uk",
      "yahoo.fr",
      "yahoo.de",
      "ymail.com",
      "rocketmail.com",
      // iCloud Mail
      "icloud.com",
      "me.com",
      "mac.com",
      // AOL Mail
      "aol.com",
      "aim.com",
      // Outlook Mail
      "outlook.com",
      "hotmail.com",
      "live.com",
      "msn.com",
  };
  return domains;
}

bool IsConsumerWebmail(std::string_view email) {
  const std::string domain = EmailDomain(email);
  for (std::string_view d : ConsumerWebmailDomains()) {
    if (domain == d) return true;
  }
  return false;
}

}  // namespace tiersim::sim
