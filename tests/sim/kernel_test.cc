#include "sim/kernel.h"

#include <gtest/gtest.h>

namespace tiersim::sim {
namespace {

TEST(SchedulerTest, AdvanceRunsDueEventsInTimeOrder) {
  Scheduler s;
  const SimTime start = s.Now();
  std::vector<int> order;
  s.ScheduleAfter(Days(2), "b", [&] { order.push_back(2); });
  s.ScheduleAfter(Days(1), "a", [&] { order.push_back(1); });
  s.ScheduleAfter(Days(5), "c", [&] { order.push_back(5); });
  EXPECT_EQ(s.AdvanceBy(Days(3)), 2u);
  EXPECT_EQ(order, (std::vector<int>{1, 2}));
  EXPECT_EQ(s.Now(), start + Days(3));
  EXPECT_EQ(s.pending(), 1u);
}

TEST(SchedulerTest, SameTimeEventsRunInSchedulingOrder) {
  Scheduler s;
  std::string trace;
  for (char c : std::string("abcde")) {
    s.ScheduleAfter(hours(1), "x", [&trace, c] { trace += c; });
  }
  s.RunUntilIdle();
  EXPECT_EQ(trace, "abcde");
}

TEST(SchedulerTest, EventSeesItsOwnTime) {
  Scheduler s;
  const SimTime start = s.Now();
  SimTime seen{};
  s.ScheduleAfter(minutes(90), "t", [&] { seen = s.Now(); });
  s.AdvanceBy(Days(1));
  EXPECT_EQ(seen, start + minutes(90));
}

TEST(SchedulerTest, EventsMayScheduleEvents) {
  Scheduler s;
  int ran = 0;
  s.ScheduleAfter(hours(1), "outer", [&] {
    ++ran;
    s.ScheduleAfter(hours(1), "inner", [&] { ++ran; });
  });
  s.AdvanceBy(hours(3));
  EXPECT_EQ(ran, 2);
}

TEST(RngTest, SameSeedSameStream) {
  Rng a(42), b(42), c(43);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(a.Next(), b.Next());
  EXPECT_NE(Rng(42).Next(), c.Next());
}

TEST(RngTest, KnownFirstValuesArePortable) {
  // Pinned: a change here changes every seeded run ever recorded.
  Rng r(1);
  EXPECT_EQ(r.Next(), 0xb3f2af6d0fc710c5ULL);
}

TEST(RngTest, UniformStaysInRangeAndCoversIt) {
  Rng r(7);
  std::vector<int> seen(6, 0);
  for (int i = 0; i < 6000; ++i) {
    auto v = r.Uniform(6);
    ASSERT_LT(v, 6u);
    ++seen[v];
  }
  for (int n : seen) EXPECT_GT(n, 800);
}

TEST(RngTest, BernoulliExtremes) {
  Rng r(3);
  for (int i = 0; i < 100; ++i) {
    EXPECT_FALSE(r.Bernoulli(0.0));
    EXPECT_TRUE(r.Bernoulli(1.0));
  }
}

TEST(FaultsTest, UnarmedPointNeverFiresNorDraws) {
  Scheduler s;
  Rng r(5), twin(5);
  Faults f(r, s);
  EXPECT_FALSE(f.Fire("mail.drop"));
  EXPECT_EQ(r.Next(), twin.Next());
}

TEST(FaultsTest, TimesAndMatchLimitFiring) {
  Scheduler s;
  Rng r(5);
  Faults f(r, s);
  f.Arm("mail.drop", {.times = 1, .match = "bob@x.example"});
  EXPECT_FALSE(f.Fire("mail.drop", "alice@x.example"));
  EXPECT_TRUE(f.Fire("mail.drop", "bob@x.example"));
  EXPECT_FALSE(f.Fire("mail.drop", "bob@x.example"));
  EXPECT_EQ(f.FiredCount("mail.drop"), 1);
}

TEST(FaultsTest, MatchIgnoresLetterCaseLikeMailboxesDo) {
  Scheduler s;
  Rng r(5);
  Faults f(r, s);
  f.Arm("mail.drop", {.times = 1, .match = "bob@x.example"});
  EXPECT_TRUE(f.Fire("mail.drop", "Bob@X.example"));
}

TEST(FaultsTest, UntilDisarmsInVirtualTime) {
  Scheduler s;
  Rng r(5);
  Faults f(r, s);
  f.Arm("pmc.unavailable", {.until = s.Now() + hours(1)});
  EXPECT_TRUE(f.Fire("pmc.unavailable"));
  s.AdvanceBy(hours(1));
  EXPECT_FALSE(f.Fire("pmc.unavailable"));
}

TEST(FaultsTest, ProbabilityIsDrawnFromTheSeed) {
  auto pattern = [](std::uint64_t seed) {
    Scheduler s;
    Rng r(seed);
    Faults f(r, s);
    f.Arm("aad.create_user", {.probability = 0.5});
    std::string out;
    for (int i = 0; i < 64; ++i) out += f.Fire("aad.create_user") ? '1' : '0';
    return out;
  };
  EXPECT_EQ(pattern(9), pattern(9));
  EXPECT_NE(pattern(9), pattern(10));
  EXPECT_NE(pattern(9).find('1'), std::string::npos);
  EXPECT_NE(pattern(9).find('0'), std::string::npos);
}

TEST(TimeTest, ParseAndFormatDurations) {
  EXPECT_EQ(ParseDuration("3d"), Duration(Days(3)));
  EXPECT_EQ(ParseDuration("1d12h"), Duration(hours(36)));
  EXPECT_EQ(ParseDuration("250ms"), Duration(std::chrono::milliseconds(250)));
  EXPECT_EQ(ParseDuration("2w"), Duration(Days(14)));
  EXPECT_FALSE(ParseDuration(""));
  EXPECT_FALSE(ParseDuration("3"));
  EXPECT_FALSE(ParseDuration("d3"));
  EXPECT_FALSE(ParseDuration("3 days"));
  EXPECT_EQ(FormatDuration(hours(36)), "1d12h");
  EXPECT_EQ(FormatDuration(Duration(0)), "0s");
}

TEST(TimeTest, FormatsVirtualTimeAsUtc) {
  EXPECT_EQ(FormatSimTime(kDefaultEpoch), "2026-01-01T00:00:00Z");
  EXPECT_EQ(FormatSimTime(kDefaultEpoch + Days(31) + hours(5) + seconds(7)),
            "2026-02-01T05:00:07Z");
  EXPECT_EQ(FormatElapsed(kDefaultEpoch + Days(3) + minutes(2), kDefaultEpoch),
            "3d 00:02:00.000");
}

TEST(StatusTest, CodesHaveStableNamesBothWays) {
  for (ErrorCode code : AllErrorCodes()) {
    auto name = ErrorCodeName(code);
    EXPECT_NE(name, "Unknown");
    EXPECT_EQ(ErrorCodeFromName(name), code) << name;
    EXPECT_FALSE(ErrorCodeMeaning(code).empty());
  }
  EXPECT_EQ(ErrorCodeName(ErrorCode::kInvitationUsed), "InvitationUsed");
  EXPECT_EQ(static_cast<int>(ErrorCode::kInvitationUsed), 600);
  EXPECT_FALSE(ErrorCodeFromName("NoSuchCode"));
}

TEST(JournalTest, RendersEntriesRelativeToOrigin) {
  Journal j(kDefaultEpoch);
  j.Record({.at = kDefaultEpoch + seconds(3),
            .action = "partnership.accept",
            .actor = UserId(4),
            .subject = InvitationId(2),
            .object = PartnerId(5)});
  EXPECT_EQ(j.Render(j.entries()[0]),
            "0d 00:00:03.000  user-4  partnership.accept  invitation-2 "
            "partner-5  Ok");
}

}  // namespace
}  // namespace tiersim::sim
