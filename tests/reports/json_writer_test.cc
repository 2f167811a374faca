#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "reports/writers.h"
#include "tests/reports/golden.h"
#include "tests/reports/sample_run.h"

namespace tiersim::reports::testing {
namespace {

using Json = nlohmann::ordered_json;

// Drops every key starting with "wall_", at any depth.
void StripWall(Json& j) {
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end();) {
      if (it.key().rfind("wall_", 0) == 0) {
        it = j.erase(it);
      } else {
        StripWall(it.value());
        ++it;
      }
    }
  } else if (j.is_array()) {
    for (Json& e : j) StripWall(e);
  }
}

void CollectKeys(const Json& j, std::set<std::string>& keys) {
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      keys.insert(it.key());
      CollectKeys(it.value(), keys);
    }
  } else if (j.is_array()) {
    for (const Json& e : j) CollectKeys(e, keys);
  }
}

TEST(JsonWriterTest, MatchesGolden) {
  ExpectGolden("run.json", ToJson(SampleRun()));
}

TEST(JsonWriterTest, ParsesWithFormatTotalsAndTwoSpaceIndent) {
  const std::string text = ToJson(SampleRun());
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.back(), '\n');
  EXPECT_EQ(text.substr(0, 30), "{\n  \"format\": \"tiersim-run/1\",");
  const Json doc = Json::parse(text);
  EXPECT_EQ(doc["totals"]["scenarios"], 4);
  EXPECT_EQ(doc["totals"]["passed"], 1);
  EXPECT_EQ(doc["totals"]["failed"], 1);
  EXPECT_EQ(doc["totals"]["skipped"], 1);
  EXPECT_EQ(doc["totals"]["errors"], 1);
  EXPECT_EQ(doc["all_passed"], false);
  EXPECT_TRUE(doc["seed"].is_null());
  const Json& failing = doc["scenarios"][1];
  EXPECT_EQ(failing["outcome"], "failed");
  EXPECT_EQ(failing["failed_step"], 3);
  EXPECT_EQ(failing["name"],
            "Invitation <used> twice & \"again\" 'quoted'\x07");
  EXPECT_EQ(failing["steps"][2]["interactions"][1]["ok"], false);
  EXPECT_EQ(failing["steps"][3]["outcome"], "skipped");
}

TEST(JsonWriterTest, RunsDifferingOnlyInWallTimeGiveTheSameDocument) {
  const RunResult a = SampleRun();
  RunResult b = SampleRun();
  b.wall_ns += 1'000'003;
  for (ScenarioResult& s : b.scenarios) {
    s.wall_ns = s.wall_ns * 3 + 17;
    for (StepResult& step : s.steps) step.wall_ns += 123'456;
  }
  const std::string text_a = ToJson(a);
  const std::string text_b = ToJson(b);
  ASSERT_NE(text_a, text_b);  // the wall fields are there, and differ
  Json doc_a = Json::parse(text_a);
  Json doc_b = Json::parse(text_b);
  StripWall(doc_a);
  StripWall(doc_b);
  EXPECT_EQ(doc_a.dump(2), doc_b.dump(2));
}

TEST(JsonWriterTest, SameInputGivesByteIdenticalOutput) {
  EXPECT_EQ(ToJson(SampleRun()), ToJson(SampleRun()));
}

TEST(JsonWriterTest, EveryKeyIsDocumented) {
  const std::string doc = ReadFile(TIERSIM_REPORT_JSON_DOC);
  ASSERT_FALSE(doc.empty()) << TIERSIM_REPORT_JSON_DOC;
  RunResult run = SampleRun();
  run.seed_overridden = true;
  std::set<std::string> keys;
  CollectKeys(Json::parse(ToJson(run)), keys);
  for (const std::string& key : keys) {
    EXPECT_NE(doc.find("`" + key + "`"), std::string::npos)
        << "key " << key << " is not in docs/report-json.md";
  }
}

TEST(JsonWriterTest, SeedIsANumberWhenOverridden) {
  RunResult run = SampleRun();
  run.seed_overridden = true;
  run.seed = 18'446'744'073'709'551'615ULL;
  const Json doc = Json::parse(ToJson(run));
  EXPECT_EQ(doc["seed_overridden"], true);
  EXPECT_EQ(doc["seed"].get<std::uint64_t>(), run.seed);
}

TEST(JsonWriterTest, InvalidUtf8IsReplacedNotThrown) {
  RunResult run;
  run.scenarios.resize(1);
  run.scenarios[0].name = "bad \xFF byte";
  std::string text;
  ASSERT_NO_THROW(text = ToJson(run));
  EXPECT_EQ(Json::parse(text)["scenarios"][0]["name"], "bad \xEF\xBF\xBD byte");
}

}  // namespace
}  // namespace tiersim::reports::testing
