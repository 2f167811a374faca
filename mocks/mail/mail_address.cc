#include "mocks/mail/mail_address.h"

#include "mocks/common/base64.h"
#include "mocks/common/text.h"
#include "mocks/mail/mime_codec.h"

namespace tiersim::mocks {
namespace {

bool IsAtext(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
      (c >= '0' && c <= '9')) {
    return true;
  }
  return std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) !=
         std::string_view::npos;
}

// Removes (comments) outside quotes.
std::string StripComments(std::string_view text) {
  std::string out;
  int depth = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' && i + 1 < text.size() && (quoted || depth > 0)) {
      if (depth == 0) {
        out.push_back(c);
        out.push_back(text[i + 1]);
      }
      ++i;
    } else if (depth == 0 && c == '"') {
      quoted = !quoted;
      out.push_back(c);
    } else if (!quoted && c == '(') {
      ++depth;
    } else if (!quoted && c == ')' && depth > 0) {
      --depth;
    } else if (depth == 0) {
      out.push_back(c);
    }
  }
  return out;
}

std::string Unquote(std::string_view text) {
  text = TrimBlanks(text);
  if (text.size() < 2 || text.front() != '"' || text.back() != '"') {
    return std::string(text);
  }
  std::string out;
  for (std::size_t i = 1; i + 1 < text.size(); ++i) {
    if (text[i] == '\\' && i + 2 < text.size()) ++i;
    out.push_back(text[i]);
  }
  return out;
}

}  // namespace

MailAddress SplitAddress(std::string_view text) {
  text = TrimBlanks(text);
  if (!text.empty() && text.back() == '>') {
    const std::size_t open = text.rfind('<');
    if (open != std::string_view::npos) {
      return MailAddress{
          .name = DecodeHeaderValue(Unquote(text.substr(0, open))),
          .address = std::string(
              TrimBlanks(text.substr(open + 1, text.size() - open - 2)))};
    }
  }
  return MailAddress{.name = "",
                     .address = std::string(TrimBlanks(StripComments(text)))};
}

std::string FormatAddress(const MailAddress& address) {
  if (address.name.empty()) return address.address;
  if (address.address.empty()) return address.name;
  return address.name + " <" + address.address + ">";
}

std::string EncodeAddress(const MailAddress& address) {
  if (address.name.empty()) return address.address;
  bool atoms = true;
  bool ascii = true;
  for (char c : address.name) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b > 0x7E) ascii = false;
    if (!IsAtext(c) && c != ' ') atoms = false;
  }
  if (address.name.front() == ' ' || address.name.back() == ' ') ascii = false;
  std::string name;
  if (!ascii || address.name.find("=?") != std::string::npos) {
    name = EncodeHeaderValue(address.name);
    if (name.find("=?") == std::string::npos) {
      name = "=?utf-8?B?" + Base64Encode(address.name) + "?=";
    }
  } else if (atoms) {
    name = address.name;
  } else {
    name = "\"";
    for (char c : address.name) {
      if (c == '"' || c == '\\') name.push_back('\\');
      name.push_back(c);
    }
    name.push_back('"');
  }
  return name + " <" + address.address + ">";
}

std::vector<MailAddress> ParseAddressList(std::string_view value) {
  std::vector<MailAddress> out;
  std::string current;
  bool quoted = false;
  int angle = 0;
  int comment = 0;
  int bracket = 0;
  const auto push = [&] {
    MailAddress address = SplitAddress(current);
    if (!address.address.empty()) out.push_back(std::move(address));
    current.clear();
  };
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c == '\\' && i + 1 < value.size() && (quoted || comment > 0)) {
      current.push_back(c);
      current.push_back(value[++i]);
      continue;
    }
    if (quoted) {
      if (c == '"') quoted = false;
      current.push_back(c);
      continue;
    }
    if (comment > 0) {
      if (c == '(') ++comment;
      if (c == ')') --comment;
      current.push_back(c);
      continue;
    }
    const bool top = angle == 0 && bracket == 0;
    if (c == '"') {
      quoted = true;
    } else if (c == '(') {
      ++comment;
    } else if (c == '<') {
      ++angle;
    } else if (c == '>' && angle > 0) {
      --angle;
    } else if (c == '[') {
      ++bracket;
    } else if (c == ']' && bracket > 0) {
      --bracket;
    } else if (top && (c == ',' || c == ';')) {
      push();
      continue;
    } else if (top && c == ':') {
      current.clear();  // "group name:" starts a group
      continue;
    }
    current.push_back(c);
  }
  push();
  return out;
}

}  // namespace tiersim::mocks
