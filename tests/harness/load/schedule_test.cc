// The open model's timetable: evenly spaced, the total the stages imply.
#include "harness/load/schedule.h"

#include <gtest/gtest.h>

namespace tiersim::harness::load {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

double At(const ArrivalSchedule& s, std::uint64_t k) {
  return std::chrono::duration<double>(*s.DueAt(k)).count();
}

TEST(ArrivalScheduleTest, AConstantRateSpacesArrivalsEvenly) {
  ModelSpec m;
  m.start_rate = 100;
  m.stages = {{.duration = seconds(10), .rate = 100}};
  const ArrivalSchedule s(m);
  EXPECT_EQ(s.total(), 1000u);
  EXPECT_NEAR(At(s, 0), 0.0, 1e-9);
  EXPECT_NEAR(At(s, 1), 0.01, 1e-9);
  EXPECT_NEAR(At(s, 999), 9.99, 1e-9);
  EXPECT_FALSE(s.DueAt(1000).has_value());
  EXPECT_EQ(s.DueBy(milliseconds(0)), 1u);
  EXPECT_EQ(s.DueBy(milliseconds(15)), 2u);
  EXPECT_EQ(s.DueBy(seconds(60)), 1000u);
}

TEST(ArrivalScheduleTest, ARampFromZeroFollowsTheArea) {
  ModelSpec m;
  m.start_rate = 0;
  m.stages = {{.duration = seconds(10), .rate = 100}};
  const ArrivalSchedule s(m);
  EXPECT_EQ(s.total(), 500u);  // the triangle: 10 s * 100/s / 2
  // k arrivals by t when 5 t^2 = k: arrival 125 at 5 s.
  EXPECT_NEAR(At(s, 125), 5.0, 1e-6);
  EXPECT_NEAR(s.RateAt(seconds(5)), 50.0, 1e-9);
  for (std::uint64_t k = 0; k < s.total(); ++k) {
    ASSERT_LE(At(s, k), At(s, k + 1 < s.total() ? k + 1 : k));
    ASSERT_GE(s.DueBy(*s.DueAt(k)), k + 1) << k;
  }
}

TEST(ArrivalScheduleTest, WarmUpRunsAtTheStartingRateBeforeTheStages) {
  ModelSpec m;
  m.start_rate = 10;
  m.warmup = seconds(2);
  m.stages = {{.duration = seconds(1), .rate = 10},
              {.duration = seconds(1), .rate = 0}};
  const ArrivalSchedule s(m);
  EXPECT_EQ(s.total(), 35u);  // 20 warm-up + 10 + 5 ramping down
  EXPECT_NEAR(At(s, 20), 2.0, 1e-9);
}

TEST(ArrivalScheduleTest, AStageAtZeroRateSchedulesNothing) {
  ModelSpec m;
  m.start_rate = 0;
  m.stages = {{.duration = seconds(5), .rate = 0}};
  EXPECT_EQ(ArrivalSchedule(m).total(), 0u);
  EXPECT_FALSE(ArrivalSchedule(m).DueAt(0).has_value());
}

}  // namespace
}  // namespace tiersim::harness::load
