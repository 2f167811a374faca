#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "reports/writers.h"
#include "tests/reports/golden.h"
#include "tests/reports/sample_run.h"

namespace tiersim::reports::testing {
namespace {

// The opening tags named `tag`, in order.
std::vector<std::string> OpeningTags(const std::string& xml,
                                     const std::string& tag) {
  std::vector<std::string> out;
  const std::regex re("<" + tag + "[ >][^>]*>");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), re);
       it != std::sregex_iterator(); ++it) {
    out.push_back(it->str());
  }
  return out;
}

std::string AttrOf(const std::string& element, const std::string& name) {
  std::smatch m;
  const std::regex re(" " + name + "=\"([^\"]*)\"");
  return std::regex_search(element, m, re) ? m[1].str() : "<missing>";
}

TEST(JUnitWriterTest, MatchesGolden) {
  ExpectGolden("junit.xml", ToJUnitXml(SampleRun()));
}

TEST(JUnitWriterTest, CountAttributesAddUp) {
  const std::string xml = ToJUnitXml(SampleRun());
  const std::vector<std::string> root = OpeningTags(xml, "testsuites");
  ASSERT_EQ(root.size(), 1u);
  EXPECT_EQ(AttrOf(root[0], "name"), "tiersim");
  EXPECT_EQ(AttrOf(root[0], "tests"), "4");
  EXPECT_EQ(AttrOf(root[0], "failures"), "1");
  EXPECT_EQ(AttrOf(root[0], "errors"), "1");
  EXPECT_EQ(AttrOf(root[0], "skipped"), "1");
  EXPECT_EQ(AttrOf(root[0], "time"), "0.015");

  // One suite per file, in order of first appearance.
  const std::vector<std::string> suites = OpeningTags(xml, "testsuite");
  ASSERT_EQ(suites.size(), 2u);
  EXPECT_EQ(AttrOf(suites[0], "name"), "scenarios/qa/f3_partnership.json");
  EXPECT_EQ(AttrOf(suites[0], "tests"), "2");
  EXPECT_EQ(AttrOf(suites[0], "failures"), "1");
  EXPECT_EQ(AttrOf(suites[0], "errors"), "0");
  EXPECT_EQ(AttrOf(suites[0], "skipped"), "0");
  EXPECT_EQ(AttrOf(suites[0], "time"), "0.003");  // 1.234 + 2.1505 ms
  EXPECT_EQ(AttrOf(suites[1], "name"), "scenarios/demo/broken cast.json");
  EXPECT_EQ(AttrOf(suites[1], "tests"), "2");
  EXPECT_EQ(AttrOf(suites[1], "failures"), "0");
  EXPECT_EQ(AttrOf(suites[1], "errors"), "1");
  EXPECT_EQ(AttrOf(suites[1], "skipped"), "1");

  EXPECT_EQ(OpeningTags(xml, "testcase").size(), 4u);
  EXPECT_EQ(OpeningTags(xml, "failure").size(), 1u);
  EXPECT_EQ(OpeningTags(xml, "error").size(), 1u);
  EXPECT_EQ(OpeningTags(xml, "skipped").size(), 1u);
}

TEST(JUnitWriterTest, TestcasesHaveClassnameSeedAndTags) {
  const std::string xml = ToJUnitXml(SampleRun());
  const std::vector<std::string> cases = OpeningTags(xml, "testcase");
  ASSERT_EQ(cases.size(), 4u);
  EXPECT_EQ(AttrOf(cases[0], "classname"), "scenarios.qa.f3_partnership");
  EXPECT_EQ(AttrOf(cases[0], "time"), "0.001");
  EXPECT_EQ(AttrOf(cases[2], "classname"), "scenarios.demo.broken cast");
  EXPECT_NE(xml.find("<property name=\"tags\" value=\"f3,smoke\"/>"),
            std::string::npos);
  EXPECT_NE(xml.find("<property name=\"seed\" value=\"7\"/>"),
            std::string::npos);
}

TEST(JUnitWriterTest, SuiteSeedPropertyOnlyWhenTheFileSharesOneSeed) {
  const std::string xml = ToJUnitXml(SampleRun());
  // The first file's scenarios share seed 42: a suite-level property right
  // after the <testsuite> tag. The second file's have seeds 7 and 8.
  EXPECT_NE(xml.find("time=\"0.003\">\n    <properties>\n      <property "
                     "name=\"seed\" value=\"42\"/>"),
            std::string::npos);
  const std::size_t second = xml.find("<testsuite name=\"scenarios/demo");
  ASSERT_NE(second, std::string::npos);
  const std::size_t next_line = xml.find('\n', second);
  EXPECT_EQ(xml.compare(next_line + 1, 14, "    <testcase "), 0);
}

TEST(JUnitWriterTest, FailureCarriesMessageTypeAndEscapedBody) {
  const std::string xml = ToJUnitXml(SampleRun());
  EXPECT_NE(xml.find("<failure message=\"step 3: expected error "
                     "InvitationUsed, got ok &lt;&amp;&gt; &quot;quoted&quot; "
                     "&apos;single&apos;\" type=\"action\">"),
            std::string::npos);
  EXPECT_NE(xml.find("<error message=\"cast: tenant &apos;contoso&apos; could "
                     "not be seeded: domain taken\" type=\"error\">"),
            std::string::npos);
  // The control characters of the user's text never reach the XML.
  EXPECT_EQ(xml.find('\x07'), std::string::npos);
  EXPECT_EQ(xml.find('\x1b'), std::string::npos);
  EXPECT_EQ(xml.find('\x01'), std::string::npos);
}

TEST(JUnitWriterTest, AttributesKeepNewlinesAsReferences) {
  RunResult run;
  run.scenarios.resize(1);
  run.scenarios[0].name = "two\nlines\tand\ra tab";
  const std::string xml = ToJUnitXml(run);
  EXPECT_NE(xml.find("name=\"two&#10;lines&#9;and&#13;a tab\""),
            std::string::npos);
}

// Every byte value in every text field: xmllint must still accept it.
TEST(JUnitWriterTest, HostileTextStaysWellFormed) {
  const std::string xmllint = TIERSIM_XMLLINT;
  if (xmllint.empty()) GTEST_SKIP() << "xmllint not found at configure time";
  std::string all_bytes;
  for (int b = 0; b < 256; ++b) all_bytes += static_cast<char>(b);
  RunResult run = SampleRun();
  run.tool = all_bytes;
  for (ScenarioResult& s : run.scenarios) {
    s.file = all_bytes;
    s.name = all_bytes + "]]>";
    s.failure = all_bytes;
    s.tags = {all_bytes};
    for (StepResult& step : s.steps) {
      step.title = step.expected = step.actual = step.kind = all_bytes;
      step.journal = {all_bytes};
    }
  }
  const std::string path = "junit_hostile.xml";
  {
    std::ofstream out(path, std::ios::binary);
    out << ToJUnitXml(run);
  }
  const std::string command = xmllint + " --noout " + path;
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
}

}  // namespace
}  // namespace tiersim::reports::testing
