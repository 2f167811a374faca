#include "mocks/common/text.h"

#include <algorithm>
#include <cstdint>

namespace tiersim::mocks {
namespace {

bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

bool IsDomainLabel(std::string_view label) {
  if (label.empty() || label.size() > 63) return false;
  if (label.front() == '-' || label.back() == '-') return false;
  return std::all_of(label.begin(), label.end(), [](char c) {
    return IsAsciiAlpha(c) || IsAsciiDigit(c) || c == '-';
  });
}

}  // namespace

std::size_t CaseInsensitiveHash::operator()(std::string_view text) const {
  // FNV-1a over the folded bytes: stable, cheap, good enough for an index.
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : text) {
    h ^= static_cast<unsigned char>(AsciiToLower(c));
    h *= 0x100000001b3ULL;
  }
  return static_cast<std::size_t>(h);
}

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

bool IsCountryCode(std::string_view text) {
  return text.size() == 2 && text[0] >= 'A' && text[0] <= 'Z' &&
         text[1] >= 'A' && text[1] <= 'Z';
}

bool IsEmailAddress(std::string_view text) {
  const std::size_t at = text.find('@');
  if (at == std::string_view::npos) return false;
  const std::string_view local = text.substr(0, at);
  const std::string_view domain = text.substr(at + 1);
  if (local.empty() || local.size() > 64) return false;
  if (local.front() == '.' || local.back() == '.') return false;
  if (local.find("..") != std::string_view::npos) return false;
  const bool local_ok = std::all_of(local.begin(), local.end(), [](char c) {
    return c > ' ' && c < 0x7f && c != '"' && c != '<' && c != '>' &&
           c != '(' && c != ')' && c != ',' && c != ';' && c != ':' &&
           c != '\\' && c != '[' && c != ']' && c != '@';
  });
  return local_ok && IsDomainName(domain);
}

std::optional<std::string_view> AddrSpec(std::string_view text) {
  text = TrimSpaces(text);
  if (!text.empty() && text.back() == '>') {
    const std::size_t open = text.rfind('<');
    if (open == std::string_view::npos) return std::nullopt;
    text = text.substr(open + 1, text.size() - open - 2);
  }
  if (!IsEmailAddress(text)) return std::nullopt;
  return text;
}

}  // namespace tiersim::mocks
