// Email addresses and domain names: the one syntax rule, which the core
// (CheckEmail) and the mocks (Azure AD's directory, the mail store, the SMTP
// sender: mocks/common/text.h) share, the domain part, and the consumer
// webmail list (R1), which is data: sim/data/consumer_webmail_domains.txt.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/status.h"
#include "sim/text.h"

namespace tiersim::sim {

// A DNS name such as "fabrikam.onmicrosoft.com": two or more dot-separated
// labels of 1-63 letters, digits or hyphens (not at either end of a label),
// at most 253 characters, the last label not all digits.
bool IsDomainName(std::string_view text);
// What is wrong with `email` as an addr-spec "local@domain", in words
// ("more than one @"); nullopt when it is valid: a local part of 1-64
// printable ASCII characters without blanks, quotes, angle brackets,
// parentheses, ,;:\[] or '@', no leading, trailing or doubled dot, a domain
// per IsDomainName, at most 254 characters in all.
std::optional<std::string_view> EmailSyntaxProblem(std::string_view email);
inline bool IsEmailAddress(std::string_view email) {
  return !EmailSyntaxProblem(email).has_value();
}
// kInvalidEmail naming `field` ("primary contact email") when malformed.
Status CheckEmail(std::string_view email, std::string_view field);
// The lowercased part after '@' (empty if none).
std::string EmailDomain(std::string_view email);

// R1's consumer webmail domains, refused for primary contacts: Gmail, Yahoo!
// Mail, iCloud Mail, AOL Mail and Outlook Mail in all their domains and
// country variants, and the other major public webmail services. The list
// is data, sim/data/consumer_webmail_domains.txt, compiled in.
struct ConsumerWebmailDomain {
  std::string_view domain;   // registrable and lowercase: "hotmail.co.uk"
  std::string_view service;  // "Outlook Mail"
};
// Every listed domain, in the data file's order.
const std::vector<std::string_view>& ConsumerWebmailDomains();
// The listed domain that `email`'s domain is or is a subdomain of, ignoring
// case and a trailing dot ("x@Mail.Yahoo.co.uk" is yahoo.co.uk); nullopt for
// any other domain, including a company's look-alikes "gmail.com.adatum.com"
// and "mail.adatum.com". Thread-safe.
std::optional<ConsumerWebmailDomain> FindConsumerWebmail(
    std::string_view email);
inline bool IsConsumerWebmail(std::string_view email) {
  return FindConsumerWebmail(email).has_value();
}

}  // namespace tiersim::sim
