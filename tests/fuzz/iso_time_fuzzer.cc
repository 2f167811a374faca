// libFuzzer target: the ISO 8601 parser (sim/time.h ParseIsoTime). Any
// input must parse or be refused without crashing, in every form; a time
// it accepts must survive FormatSimTime -> ParseIsoTime unchanged.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "sim/time.h"
#include "tests/fuzz/fuzz_check.h"

using tiersim::fuzz::Check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  using namespace tiersim::sim;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const IsoTimeForms lenient{
      .date_only = true, .without_seconds = true, .zone_optional = true};
  for (const IsoTimeForms& forms : {IsoTimeForms{}, lenient}) {
    const Result<SimTime> t = ParseIsoTime(input, forms);
    if (!t.ok()) continue;
    const Result<SimTime> back = ParseIsoTime(FormatSimTime(*t));
    Check(back.ok() && *back == *t);
  }
  return 0;
}
