// Email addresses as the core checks them: syntax, the domain part, and the
// consumer webmail list (R1), which is data in email_address.cc.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sim/status.h"
#include "sim/text.h"

namespace tiersim::sim {

// kInvalidEmail naming `field` ("primary contact email") when malformed.
Status CheckEmail(std::string_view email, std::string_view field);
// The lowercased part after '@' (empty if none).
std::string EmailDomain(std::string_view email);

// The consumer webmail domains refused for primary contacts (R1): Gmail,
// Yahoo! Mail, iCloud Mail, AOL Mail, Outlook Mail and their aliases.
const std::vector<std::string_view>& ConsumerWebmailDomains();
bool IsConsumerWebmail(std::string_view email);

}  // namespace tiersim::sim
