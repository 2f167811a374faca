#include "mocks/mail/smtp_syntax.h"

#include "mocks/common/base64.h"
#include "mocks/common/text.h"

namespace tiersim::mocks {
namespace {

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

bool IsAtext(char c) {
  return IsAlnum(c) || std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) !=
                           std::string_view::npos;
}

bool IsHigh(char c) { return static_cast<unsigned char>(c) >= 0x80; }

bool IsDotString(std::string_view local, bool utf8) {
  if (local.empty() || local.front() == '.' || local.back() == '.') {
    return false;
  }
  char previous = 0;
  for (char c : local) {
    if (c == '.' && previous == '.') return false;
    if (!(IsAtext(c) || c == '.' || (utf8 && IsHigh(c)))) return false;
    previous = c;
  }
  return true;
}

bool IsQuotedString(std::string_view local, bool utf8) {
  if (local.size() < 2 || local.front() != '"' || local.back() != '"') {
    return false;
  }
  for (std::size_t i = 1; i + 1 < local.size(); ++i) {
    const auto c = static_cast<unsigned char>(local[i]);
    if (c == '\\') {
      if (++i + 1 >= local.size()) return false;
      continue;
    }
    if (c == '"' || (c < 0x20) || c == 0x7F || (c >= 0x80 && !utf8)) {
      return false;
    }
  }
  return true;
}

bool IsDomain(std::string_view domain, bool utf8) {
  if (domain.empty() || domain.size() > 255) return false;
  if (domain.front() == '[') {
    if (domain.back() != ']' || domain.size() < 3) return false;
    for (char c : domain.substr(1, domain.size() - 2)) {
      if (c <= ' ' || c == '[' || c == ']' || c == '\\' || IsHigh(c)) {
        return false;
      }
    }
    return true;
  }
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = domain.find('.', start);
    const std::string_view label = domain.substr(
        start,
        dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' ||
        label.back() == '-') {
      return false;
    }
    for (char c : label) {
      if (!(IsAlnum(c) || c == '-' || (utf8 && IsHigh(c)))) return false;
    }
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

}  // namespace

bool HasNonAscii(std::string_view text) {
  for (char c : text) {
    if (IsHigh(c)) return true;
  }
  return false;
}

bool IsSmtpMailbox(std::string_view mailbox, bool utf8) {
  if (mailbox.empty() || mailbox.size() > 254) return false;
  const std::size_t at = mailbox.rfind('@');
  if (at == std::string_view::npos) return false;
  const std::string_view local = mailbox.substr(0, at);
  if (local.size() > 64) return false;
  if (!IsDotString(local, utf8) && !IsQuotedString(local, utf8)) return false;
  return IsDomain(mailbox.substr(at + 1), utf8);
}

std::optional<SmtpPath> ParseSmtpPath(std::string_view argument) {
  while (!argument.empty() && argument.front() == ' ')
    argument.remove_prefix(1);
  if (argument.empty()) return std::nullopt;
  SmtpPath path;
  std::string_view rest;
  if (argument.front() == '<') {
    // The closing '>' outside a quoted local part.
    bool quoted = false;
    std::size_t close = std::string_view::npos;
    for (std::size_t i = 1; i < argument.size(); ++i) {
      const char c = argument[i];
      if (c == '\\' && quoted) {
        ++i;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == '>' && !quoted) {
        close = i;
        break;
      }
    }
    if (close == std::string_view::npos) return std::nullopt;
    std::string_view inner = argument.substr(1, close - 1);
    if (!inner.empty() && inner.front() == '@') {
      const std::size_t colon = inner.find(':');
      if (colon == std::string_view::npos) return std::nullopt;
      inner.remove_prefix(colon + 1);
    }
    path.mailbox = std::string(inner);
    rest = argument.substr(close + 1);
    if (!rest.empty() && rest.front() != ' ') return std::nullopt;
  } else {
    const std::size_t space = argument.find(' ');
    path.mailbox = std::string(argument.substr(0, space));
    rest = space == std::string_view::npos ? std::string_view()
                                           : argument.substr(space);
  }
  for (char c : path.mailbox) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b == 0x7F || (b == ' ' && path.mailbox.front() != '"')) {
      return std::nullopt;
    }
  }
  std::size_t i = 0;
  while (i < rest.size()) {
    if (rest[i] == ' ') {
      ++i;
      continue;
    }
    std::size_t end = rest.find(' ', i);
    if (end == std::string_view::npos) end = rest.size();
    const std::string_view param = rest.substr(i, end - i);
    const std::size_t eq = param.find('=');
    const std::string_view keyword = param.substr(0, eq);
    if (keyword.empty()) return std::nullopt;
    for (char c : keyword) {
      if (!IsAlnum(c) && c != '-') return std::nullopt;
    }
    std::string upper(keyword);
    for (char& c : upper) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    path.params.emplace_back(std::move(upper),
                             eq == std::string_view::npos
                                 ? std::string()
                                 : std::string(param.substr(eq + 1)));
    i = end;
  }
  return path;
}

std::optional<std::string> DecodeSaslBase64(std::string_view text) {
  if (text == "=") return std::string();
  return Base64Decode(text);
}

}  // namespace tiersim::mocks
