#include "sim/links.h"

#include <algorithm>

#include "sim/email_address.h"

namespace tiersim::sim {
namespace {

bool EndsUrl(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte <= 0x20 || byte == 0x7f || c == '<' || c == '>' || c == '"' ||
         c == '\'';
}

// Length of the scheme prefix ("http://" or "https://") at the start of
// `text`, or 0.
std::size_t SchemeLength(std::string_view text) {
  for (std::string_view scheme : {"http://", "https://"}) {
    if (text.size() >= scheme.size() &&
        EqualsIgnoreCase(text.substr(0, scheme.size()), scheme)) {
      return scheme.size();
    }
  }
  return 0;
}

std::string_view TrimTrailingPunctuation(std::string_view url) {
  while (!url.empty()) {
    const char last = url.back();
    if (last == '.' || last == ',' || last == ';' || last == ':' ||
        last == '!' || last == '?') {
      url.remove_suffix(1);
    } else if (last == ')' && std::count(url.begin(), url.end(), ')') >
                                  std::count(url.begin(), url.end(), '(')) {
      url.remove_suffix(1);
    } else {
      break;
    }
  }
  return url;
}

}  // namespace

std::vector<std::string> ExtractLinks(std::string_view text) {
  std::vector<std::string> links;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t scheme = SchemeLength(text.substr(i));
    if (scheme == 0) {
      ++i;
      continue;
    }
    std::size_t end = i + scheme;
    while (end < text.size() && !EndsUrl(text[end])) ++end;
    const std::string_view url =
        TrimTrailingPunctuation(text.substr(i, end - i));
    if (url.size() > scheme) links.emplace_back(url);
    i = end;
  }
  return links;
}

std::optional<std::string> ExtractToken(std::string_view url) {
  const std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos || scheme_end == 0) {
    return std::nullopt;
  }
  std::string_view rest = url.substr(scheme_end + 3);
  rest = rest.substr(0, rest.find_first_of("?#"));
  const std::size_t path_start = rest.find('/');
  if (path_start == std::string_view::npos) return std::nullopt;
  std::string_view path = rest.substr(path_start);
  if (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  const std::string_view segment = path.substr(path.rfind('/') + 1);
  if (segment.empty()) return std::nullopt;
  return std::string(segment);
}

}  // namespace tiersim::sim
