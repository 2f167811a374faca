// libFuzzer target: the base64 codecs (mocks/common/base64.h). Any input
// must decode without crashing; what a strict decoder accepts must encode
// back to exactly the input (one spelling per byte string); and any bytes
// must round-trip through every encoder and its decoder.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "mocks/common/base64.h"
#include "tests/fuzz/fuzz_check.h"

using tiersim::fuzz::Check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  using namespace tiersim::mocks;
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  if (const auto bytes = Base64Decode(input)) {
    Check(Base64Encode(*bytes) == input);
  }
  if (const auto bytes = Base64UrlDecode(input)) {
    Check(Base64UrlEncode(*bytes) == input);
  }
  Base64DecodeMime(input);

  Check(Base64Decode(Base64Encode(input)) == input);
  Check(Base64UrlDecode(Base64UrlEncode(input)) == input);
  Check(Base64DecodeMime(Base64Encode(input)) == input);
  return 0;
}
