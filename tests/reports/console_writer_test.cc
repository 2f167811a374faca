#include <gtest/gtest.h>

#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "reports/writers.h"
#include "tests/reports/golden.h"
#include "tests/reports/sample_run.h"

namespace tiersim::reports::testing {
namespace {

std::string Console(const RunResult& run, const ConsoleStyle& style) {
  std::ostringstream out;
  for (const ScenarioResult& s : run.scenarios) {
    WriteConsoleScenario(s, style, out);
  }
  WriteConsoleSummary(run, style, out);
  return out.str();
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(ConsoleWriterTest, MatchesGoldenWithoutColor) {
  ExpectGolden("console.txt", Console(SampleRun(), {.color = false}));
}

TEST(ConsoleWriterTest, MatchesGoldenWithColor) {
  ExpectGolden("console_color.txt", Console(SampleRun(), {.color = true}));
}

TEST(ConsoleWriterTest, MatchesGoldenVerbose) {
  ExpectGolden("console_verbose.txt",
               Console(SampleRun(), {.verbose = true, .journal_context = 2}));
}

TEST(ConsoleWriterTest, ScenarioLineHasVerdictFileSeedAndTimes) {
  std::ostringstream out;
  WriteConsoleScenario(SampleRun().scenarios[0], {}, out);
  EXPECT_EQ(out.str(),
            "  PASS  Provider partners with a reseller  "
            "(scenarios/qa/f3_partnership.json, seed 42, 3 steps, "
            "3d 02:00:03 virtual, 1.2 ms)\n");
}

TEST(ConsoleWriterTest, ClosingLineIsPassedFailedAloneEvenInColor) {
  for (bool color : {false, true}) {
    const std::vector<std::string> lines =
        Lines(Console(SampleRun(), {.color = color}));
    ASSERT_FALSE(lines.empty());
    // Errors count as failed on the line CI reads.
    EXPECT_EQ(lines.back(), "1 passed, 2 failed") << "color " << color;
  }
}

TEST(ConsoleWriterTest, SummaryListsFailuresWithAReproduceHint) {
  std::ostringstream out;
  WriteConsoleSummary(SampleRun(), {}, out);
  const std::string text = out.str();
  EXPECT_NE(text.find("4 scenarios: 1 passed, 1 failed, 1 errors, 1 skipped"),
            std::string::npos);
  EXPECT_NE(text.find("tiersim run scenarios/qa/f3_partnership.json --seed 42"),
            std::string::npos);
  // A path with a space is quoted for the shell.
  EXPECT_NE(text.find("tiersim run 'scenarios/demo/broken cast.json' --seed 7"),
            std::string::npos);
  // The skipped scenario is not a failure to reproduce.
  EXPECT_EQ(text.find("--seed 8"), std::string::npos);
  EXPECT_NE(text.find("wall time: 15.4 ms"), std::string::npos);
}

TEST(ConsoleWriterTest, NoEscapeSequencesWithoutColorEvenFromUserText) {
  const std::string text = Console(SampleRun(), {.color = false});
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
  EXPECT_EQ(text.find('\x07'), std::string::npos);
  // The user's ESC and BEL are shown, not sent.
  EXPECT_NE(text.find("\\x1b[31m"), std::string::npos);
  EXPECT_NE(text.find("'quoted'\\x07"), std::string::npos);
}

TEST(ConsoleWriterTest, FailureShowsStepExpectedActualAndMarkedJournal) {
  std::ostringstream out;
  WriteConsoleScenario(SampleRun().scenarios[1], {.journal_context = 1}, out);
  const std::vector<std::string> lines = Lines(out.str());
  ASSERT_EQ(lines.size(), 9u) << out.str();
  EXPECT_EQ(lines[1],
            "        step 3 (line 18): fabrikam accept_partnership <again> & "
            "\"twice\"");
  EXPECT_EQ(lines[2].substr(0, 18), "        note:     ");
  EXPECT_EQ(lines[3], "        expected: error InvitationUsed");
  EXPECT_EQ(lines[4], "        actual:   ok <&> \"quoted\" 'single'\\x1b[31m");
  EXPECT_EQ(lines[5], "        journal around it:");
  // One line of context before (the last of step 2), none after: step 4
  // was skipped and wrote nothing.
  EXPECT_EQ(lines[6],
            "            0d 00:01:00.000  user-3  partnership.accept  "
            "invitation-1  Ok");
  EXPECT_EQ(lines[7].substr(0, 12), "          > ");
  EXPECT_EQ(lines[8].substr(0, 12), "          > ");
}

TEST(ConsoleWriterTest, JournalAfterTheFailureComesFromLaterSteps) {
  ScenarioResult s = SampleRun().scenarios[1];
  s.steps[3].journal = {"later one", "later two", "later three"};
  std::ostringstream out;
  WriteConsoleScenario(s, {.journal_context = 2}, out);
  const std::string text = out.str();
  EXPECT_NE(text.find("    later one\n"), std::string::npos);
  EXPECT_NE(text.find("    later two\n"), std::string::npos);
  EXPECT_EQ(text.find("later three"), std::string::npos);
}

TEST(ConsoleWriterTest, ErrorWithoutAStepPrintsTheFailure) {
  std::ostringstream out;
  WriteConsoleScenario(SampleRun().scenarios[2], {}, out);
  EXPECT_NE(out.str().find("  ERROR A cast that cannot be seeded"),
            std::string::npos);
  EXPECT_NE(out.str().find("        error: cast: tenant 'contoso' could not "
                           "be seeded: domain taken\n"),
            std::string::npos);
}

TEST(ConsoleWriterTest, VerboseListsEveryStepWithTimes) {
  std::ostringstream out;
  WriteConsoleScenario(SampleRun().scenarios[0], {.verbose = true}, out);
  const std::vector<std::string> lines = Lines(out.str());
  ASSERT_EQ(lines.size(), 4u);
  const std::regex step(
      R"(^        \d  (passed|failed|skipped|error) +\d+d \d\d:\d\d:\d\d(\.\d{3})? +[0-9.]+ (ns|us|ms|s)  .+$)");
  for (std::size_t i = 1; i < lines.size(); ++i) {
    EXPECT_TRUE(std::regex_match(lines[i], step)) << lines[i];
  }
}

}  // namespace
}  // namespace tiersim::reports::testing
