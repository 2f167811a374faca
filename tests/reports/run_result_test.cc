#include "reports/run_result.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/reports/sample_run.h"

namespace tiersim::reports {
namespace {

TEST(RunResultTest, OutcomeNames) {
  EXPECT_STREQ(OutcomeName(Outcome::kPassed), "passed");
  EXPECT_STREQ(OutcomeName(Outcome::kFailed), "failed");
  EXPECT_STREQ(OutcomeName(Outcome::kSkipped), "skipped");
  EXPECT_STREQ(OutcomeName(Outcome::kError), "error");
}

TEST(RunResultTest, CountsEachOutcome) {
  const RunResult run = testing::SampleRun();
  EXPECT_EQ(run.Count(Outcome::kPassed), 1);
  EXPECT_EQ(run.Count(Outcome::kFailed), 1);
  EXPECT_EQ(run.Count(Outcome::kError), 1);
  EXPECT_EQ(run.Count(Outcome::kSkipped), 1);
}

TEST(RunResultTest, AllPassedIsFalseOnAFailureOrAnError) {
  RunResult run;
  run.scenarios.resize(2);
  EXPECT_TRUE(run.AllPassed());
  run.scenarios[1].outcome = Outcome::kFailed;
  EXPECT_FALSE(run.AllPassed());
  run.scenarios[1].outcome = Outcome::kError;
  EXPECT_FALSE(run.AllPassed());
}

TEST(RunResultTest, SkippedAndEmptyRunsCountAsPassed) {
  RunResult run;
  EXPECT_TRUE(run.AllPassed());
  run.scenarios.resize(1);
  run.scenarios[0].outcome = Outcome::kSkipped;
  EXPECT_TRUE(run.AllPassed());
}

}  // namespace
}  // namespace tiersim::reports
