#include "reports/format.h"

#include <gtest/gtest.h>

#include <string>

namespace tiersim::reports {
namespace {

constexpr std::int64_t kSecond = 1'000'000;

TEST(FormatTest, VirtualTimeHasDaysAndSeconds) {
  EXPECT_EQ(FormatVirtual(0), "0d 00:00:00");
  EXPECT_EQ(FormatVirtual(3 * kSecond), "0d 00:00:03");
  EXPECT_EQ(FormatVirtual((3 * 86400 + 2 * 3600) * kSecond + 250'000),
            "3d 02:00:00.250");
  EXPECT_EQ(FormatVirtual(-90 * kSecond), "-0d 00:01:30");
}

TEST(FormatTest, ShortVirtualTimeDropsZeroSeconds) {
  EXPECT_EQ(FormatVirtualShort((3 * 86400 + 2 * 3600) * kSecond), "3d 02:00");
  EXPECT_EQ(FormatVirtualShort(3 * kSecond), "0d 00:00:03");
}

TEST(FormatTest, WallTimePicksAUnit) {
  EXPECT_EQ(FormatWall(850), "850 ns");
  EXPECT_EQ(FormatWall(12'340), "12.3 us");
  EXPECT_EQ(FormatWall(1'250'000), "1.3 ms");
  EXPECT_EQ(FormatWall(999'999), "1.0 ms");
  EXPECT_EQ(FormatWall(2'254'000'000), "2.25 s");
  EXPECT_EQ(FormatWall(-5), "0 ns");
}

TEST(FormatTest, SecondsHaveThreeDecimals) {
  EXPECT_EQ(FormatSeconds(0), "0.000");
  EXPECT_EQ(FormatSeconds(1'234'500), "0.001");
  EXPECT_EQ(FormatSeconds(15'432'100), "0.015");
  EXPECT_EQ(FormatSeconds(62'000'400'000), "62.000");
}

TEST(FormatTest, TerminalSafeShowsControlsAsEscapes) {
  EXPECT_EQ(TerminalSafe("a\x1b[31mb\nc\td"), "a\\x1b[31mb\\nc\td");
  EXPECT_EQ(TerminalSafe("\xC2\x9B"), "\\u009b");
}

TEST(FormatTest, TruncateCountsCodePoints) {
  EXPECT_EQ(Truncate("short", 10), "short");
  EXPECT_EQ(Truncate("abcdefghij", 8), "abcde...");
  EXPECT_EQ(Truncate("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 4),
            "\xC3\xA9...");
}

}  // namespace
}  // namespace tiersim::reports
