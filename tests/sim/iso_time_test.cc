// Table tests of sim/time.h's ISO 8601 parser (ParseIsoTime) and its
// round trip with the formatter (FormatSimTime). Expected instants are
// microseconds since the Unix epoch, worked out by hand.
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string_view>

#include "sim/time.h"
#include "tests/common/status_matchers.h"

namespace tiersim::sim {
namespace {

using ::tiersim::testing::IsOk;

constexpr std::int64_t kS = 1'000'000;           // one second in microseconds
constexpr std::int64_t kDay = 86'400 * kS;       // one day
constexpr std::int64_t k2026 = 1767225600 * kS;  // 2026-01-01T00:00:00Z

struct Case {
  std::string_view text;
  std::optional<std::int64_t> us;  // nullopt: refused
};

void ExpectParses(const Case& c, IsoTimeForms forms = {}) {
  const Result<SimTime> t = ParseIsoTime(c.text, forms);
  if (c.us) {
    ASSERT_THAT(t, IsOk()) << c.text << ": " << t.status().ToString();
    EXPECT_EQ(t->time_since_epoch().count(), *c.us) << c.text;
  } else {
    EXPECT_FALSE(t.ok()) << c.text;
    EXPECT_EQ(t.code(), ErrorCode::kInvalidArgument) << c.text;
  }
}

TEST(IsoTimeTest, ParsesValidInstantsAndRefusesImpossibleOnes) {
  const Case cases[] = {
      {"1970-01-01T00:00:00Z", 0},
      {"2026-01-01T00:00:00Z", k2026},
      {"2026-01-03T04:05:06Z", k2026 + 2 * kDay + (4 * 3600 + 5 * 60 + 6) * kS},
      {"2026-01-01T00:00:00.5Z", k2026 + 500'000},
      {"2026-01-01T00:00:00.000007Z", k2026 + 7},
      {"2026-01-01T00:00:00.1234567Z", k2026 + 123'456},  // truncated
      {"2026-01-01t00:00:00z", k2026},                    // RFC 3339 case
      {"2026-12-31T23:59:59Z", k2026 + 364 * kDay + 86'399 * kS},
      {"2026-03-01T00:00:00Z", k2026 + 59 * kDay},
      // Leap years: divisible by 4, except centuries, except every 400th.
      {"2024-02-29T00:00:00Z", 1709164800 * kS},
      {"2000-02-29T00:00:00Z", 951782400 * kS},
      {"2026-02-29T00:00:00Z", std::nullopt},
      {"2100-02-29T00:00:00Z", std::nullopt},
      {"2026-02-31T00:00:00Z", std::nullopt},
      {"2026-04-31T00:00:00Z", std::nullopt},
      {"2026-13-01T00:00:00Z", std::nullopt},
      {"2026-00-10T00:00:00Z", std::nullopt},
      {"2026-01-00T00:00:00Z", std::nullopt},
      {"2026-01-01T24:00:00Z", std::nullopt},
      {"2026-01-01T23:60:00Z", std::nullopt},
      {"2026-01-01T23:59:60Z", std::nullopt},  // leap second: refused
      {"2026-1-01T00:00:00Z", std::nullopt},   // digits are fixed
      {"26-01-01T00:00:00Z", std::nullopt},
      {"2026-01-01 00:00:00Z", std::nullopt},
      {"2026-01-01T00:00Z", std::nullopt},      // seconds are required
      {"2026-01-01", std::nullopt},             // so is the time
      {"2026-01-01T00:00:00.Z", std::nullopt},  // a fraction needs digits
      {"2026-01-01T00:00:00", std::nullopt},    // and the zone
      {"2026-01-01T00:00:00+01:00", std::nullopt},
      {"2026-01-01T00:00:00ZZ", std::nullopt},
      {" 2026-01-01T00:00:00Z", std::nullopt},
      {"+2026-01-01T00:00:00Z", std::nullopt},
      {"", std::nullopt},
  };
  for (const Case& c : cases) ExpectParses(c);
}

TEST(IsoTimeTest, OptionalFormsAreAcceptedOnlyWhenAsked) {
  const IsoTimeForms lenient{
      .date_only = true, .without_seconds = true, .zone_optional = true};
  const Case cases[] = {
      {"2026-01-03", k2026 + 2 * kDay},
      {"2026-01-03T04:05", k2026 + 2 * kDay + (4 * 3600 + 5 * 60) * kS},
      {"2026-01-03T04:05Z", k2026 + 2 * kDay + (4 * 3600 + 5 * 60) * kS},
      {"2026-01-03T04:05:06", k2026 + 2 * kDay + (4 * 3600 + 5 * 60 + 6) * kS},
      {"2026-02-30", std::nullopt},
      {"2026-01-03T", std::nullopt},
      {"2026-01-03T04", std::nullopt},
      {"2026-01-03T04:05+01:00", std::nullopt},
  };
  for (const Case& c : cases) ExpectParses(c, lenient);
}

TEST(IsoTimeTest, MessagesSayWhatIsWrong) {
  EXPECT_EQ(ParseIsoTime("2026-02-31T00:00:00Z").status().message(),
            "is not a time like 2026-01-01T00:00:00Z");
  EXPECT_EQ(ParseIsoTime("2026-01-01T00:00:00").status().message(),
            "must end in Z (UTC)");
  EXPECT_EQ(ParseIsoTime("2026-01-01T00:00:00+01:00").status().message(),
            "must end in Z (UTC)");
}

TEST(IsoTimeTest, FormatterOutputParsesBack) {
  struct Pair {
    std::int64_t us;
    std::string_view text;
  };
  const Pair pairs[] = {
      {0, "1970-01-01T00:00:00Z"},
      {k2026 + 2 * kDay + (4 * 3600 + 5 * 60 + 6) * kS, "2026-01-03T04:05:06Z"},
      {k2026 + 250'000, "2026-01-01T00:00:00.250000Z"},
      {1709164800 * kS + 86'399 * kS, "2024-02-29T23:59:59Z"},
      // Before the epoch, the last half second of a day stays on that day
      // (the fuzzer found FormatSimTime printing it as the next day).
      {-500'000, "1969-12-31T23:59:59.500000Z"},
      {-kDay, "1969-12-31T00:00:00Z"},
  };
  for (const Pair& p : pairs) {
    const SimTime t{Duration{p.us}};
    EXPECT_EQ(FormatSimTime(t), p.text);
    const Result<SimTime> back = ParseIsoTime(p.text);
    ASSERT_THAT(back, IsOk()) << p.text;
    EXPECT_EQ(*back, t);
  }
}

}  // namespace
}  // namespace tiersim::sim
