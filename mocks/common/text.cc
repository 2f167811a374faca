#include "mocks/common/text.h"

#include <algorithm>
#include <cstdint>

namespace tiersim::mocks {
std::size_t CaseInsensitiveHash::operator()(std::string_view text) const {
  // FNV-1a over the folded bytes: stable, cheap, good enough for an index.
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : text) {
    h ^= static_cast<unsigned char>(AsciiToLower(c));
    h *= 0x100000001b3ULL;
  }
  return static_cast<std::size_t>(h);
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
