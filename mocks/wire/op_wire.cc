#include "mocks/wire/op_wire.h"

namespace tiersim::mocks::wire {

std::string PathRegex(std::string_view pattern) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{') {
      i = pattern.find('}', i);
      out += "([^/]+)";
    } else {
      out += pattern[i];
    }
  }
  return out;
}

std::vector<std::string_view> PathNames(std::string_view pattern) {
  std::vector<std::string_view> names;
  for (std::size_t i = pattern.find('{'); i != std::string_view::npos;
       i = pattern.find('{', i)) {
    const std::size_t end = pattern.find('}', i);
    names.push_back(pattern.substr(i + 1, end - i - 1));
    i = end;
  }
  return names;
}

}  // namespace tiersim::mocks::wire
