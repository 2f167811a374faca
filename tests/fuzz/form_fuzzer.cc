// libFuzzer target: the percent and form codec (mocks/common/
// form_encoding.h). Any input must parse or be refused without crashing;
// what parses must encode and parse back to the same fields; any bytes
// must round-trip through PercentEncode/PercentDecode, and the encoding
// holds only RFC 3986 unreserved characters and escapes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "mocks/common/form_encoding.h"
#include "tests/fuzz/fuzz_check.h"

using tiersim::fuzz::Check;

namespace {

bool Allowed(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
         c == '~' || c == '%';
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  using namespace tiersim::mocks;
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  if (auto form = ParseForm(input); form.ok()) {
    auto again = ParseForm(EncodeForm(*form));
    Check(again.ok() && again->fields() == form->fields());
  }
  PercentDecode(input, /*plus_is_space=*/false);

  const std::string encoded = PercentEncode(input);
  for (char c : encoded) Check(Allowed(c));
  Check(PercentDecode(encoded, /*plus_is_space=*/true) == input);
  Check(PercentDecode(encoded, /*plus_is_space=*/false) == input);
  return 0;
}
