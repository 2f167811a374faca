#include "sim/email_address.h"

#include <algorithm>
#include <iterator>
#include <unordered_map>

namespace tiersim::sim {

namespace {

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

bool IsDomainLabel(std::string_view label) {
  if (label.empty() || label.size() > 63) return false;
  if (label.front() == '-' || label.back() == '-') return false;
  return std::all_of(label.begin(), label.end(),
                     [](char c) { return IsAsciiAlnum(c) || c == '-'; });
}

bool IsLocalPartChar(char c) {
  return c > ' ' && c < 0x7f && c != '"' && c != '<' && c != '>' && c != '(' &&
         c != ')' && c != ',' && c != ';' && c != ':' && c != '\\' &&
         c != '[' && c != ']' && c != '@';
}

// The rows of sim/data/consumer_webmail_domains.txt, which sim/CMakeLists.txt
// turns into {"domain", "service"} initializers at configure time.
constexpr ConsumerWebmailDomain kConsumerWebmail[] = {
#include "sim/consumer_webmail_domains.inc"
};

// Listed domain -> its service, built once on first use (a function-local
// static, so thread-safe) and only read afterwards. The views point into
// kConsumerWebmail's string literals.
const std::unordered_map<std::string_view, std::string_view>&
ConsumerWebmailIndex() {
  static const auto index = [] {
    std::unordered_map<std::string_view, std::string_view> out;
    out.reserve(std::size(kConsumerWebmail));
    for (const ConsumerWebmailDomain& row : kConsumerWebmail) {
      out.emplace(row.domain, row.service);
    }
    return out;
  }();
  return index;
}

}  // namespace

bool IsDomainName(std::string_view text) {
  if (text.empty() || text.size() > 253) return false;
  std::size_t labels = 0;
  std::string_view last;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = text.find('.', start);
    const std::string_view label = text.substr(
        start,
        dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (!IsDomainLabel(label)) return false;
    ++labels;
    last = label;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return labels >= 2 && !std::all_of(last.begin(), last.end(), IsAsciiDigit);
}

std::optional<std::string_view> EmailSyntaxProblem(std::string_view email) {
  if (email.empty()) return "it is empty";
  if (email.size() > 254) return "it is longer than 254 characters";
  const auto at = email.find('@');
  if (at == std::string_view::npos || at == 0) return "no name before @";
  if (email.find('@', at + 1) != std::string_view::npos) {
    return "more than one @";
  }
  const std::string_view local = email.substr(0, at);
  if (local.size() > 64)
    return "the name before @ is longer than 64 characters";
  if (!std::all_of(local.begin(), local.end(), IsLocalPartChar)) {
    return "the name before @ contains a blank, a non-ASCII character or one "
           "of \"<>(),;:\\[]";
  }
  if (local.front() == '.' || local.back() == '.' ||
      local.find("..") != std::string_view::npos) {
    return "the name before @ starts or ends with a dot or has two in a row";
  }
  if (!IsDomainName(email.substr(at + 1))) {
    return "the part after @ is not a domain name such as contoso.com";
  }
  return std::nullopt;
}

Status CheckEmail(std::string_view email, std::string_view field) {
  const auto problem = EmailSyntaxProblem(email);
  if (!problem) return OkStatus();
  return Error(ErrorCode::kInvalidEmail,
               std::string(field) + " '" + std::string(email) +
                   "' is not a valid email address (" + std::string(*problem) +
                   "); expected name@domain.example");
}

std::string EmailDomain(std::string_view email) {
  const auto at = email.rfind('@');
  if (at == std::string_view::npos) return {};
  return AsciiLower(email.substr(at + 1));
}

const std::vector<std::string_view>& ConsumerWebmailDomains() {
  static const std::vector<std::string_view> domains = [] {
    std::vector<std::string_view> out;
    out.reserve(std::size(kConsumerWebmail));
    for (const ConsumerWebmailDomain& row : kConsumerWebmail) {
      out.push_back(row.domain);
    }
    return out;
  }();
  return domains;
}

std::optional<ConsumerWebmailDomain> FindConsumerWebmail(
    std::string_view email) {
  std::string domain = EmailDomain(email);
  if (!domain.empty() && domain.back() == '.') domain.pop_back();
  const auto& index = ConsumerWebmailIndex();
  // The domain itself, then each parent at a label boundary: for
  // "mail.yahoo.co.uk", yahoo.co.uk matches; for "mail.adatum.com" neither
  // adatum.com nor com is listed, so mail.com does not.
  std::string_view suffix = domain;
  while (!suffix.empty()) {
    if (const auto it = index.find(suffix); it != index.end()) {
      return ConsumerWebmailDomain{.domain = it->first, .service = it->second};
    }
    const auto dot = suffix.find('.');
    if (dot == std::string_view::npos) break;
    suffix.remove_prefix(dot + 1);
  }
  return std::nullopt;
}

}  // namespace tiersim::sim
