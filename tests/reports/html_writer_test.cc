#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "reports/format.h"
#include "reports/writers.h"
#include "tests/reports/golden.h"
#include "tests/reports/sample_run.h"

namespace tiersim::reports::testing {
namespace {

std::size_t Occurrences(std::string_view text, std::string_view what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string_view::npos;
       at = text.find(what, at + what.size())) {
    ++n;
  }
  return n;
}

std::string EraseAll(std::string text, const std::string& what) {
  for (std::size_t at = text.find(what); at != std::string::npos;
       at = text.find(what, at)) {
    text.erase(at, what.size());
  }
  return text;
}

TEST(HtmlWriterTest, MatchesGolden) {
  ExpectGolden("run.html", ToHtml(SampleRun()));
}

TEST(HtmlWriterTest, NoUrlsBesidesTheUsersOwnText) {
  const std::string html = ToHtml(SampleRun());
  // The sample's user text holds one URL (a journal line and a note); once
  // its escaped form is removed, no URL of the writer's own is left.
  const std::string escaped_user_url = HtmlEscape(kUserUrl);
  EXPECT_GE(Occurrences(html, escaped_user_url), 2u);
  const std::string rest = EraseAll(html, escaped_user_url);
  EXPECT_EQ(rest.find("http://"), std::string::npos);
  EXPECT_EQ(rest.find("https://"), std::string::npos);
  EXPECT_EQ(rest.find("//"), std::string::npos);  // protocol-relative
  EXPECT_EQ(rest.find("src="), std::string::npos);
  // Links only point inside the document.
  EXPECT_EQ(Occurrences(rest, "href=\""), Occurrences(rest, "href=\"#"));
  EXPECT_EQ(rest.find("<script"), std::string::npos);
  EXPECT_EQ(rest.find("<link"), std::string::npos);
  EXPECT_EQ(rest.find("@import"), std::string::npos);
  EXPECT_EQ(rest.find("url("), std::string::npos);
}

TEST(HtmlWriterTest, IsOneHtml5DocumentWithASequenceDiagram) {
  const std::string html = ToHtml(SampleRun());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0u);
  EXPECT_EQ(html.substr(html.size() - 8), "</html>\n");
  // Two scenarios recorded interactions.
  EXPECT_EQ(Occurrences(html, "<svg "), 2u);
  EXPECT_EQ(Occurrences(html, "</svg>"), 2u);
  EXPECT_EQ(Occurrences(html, "<details"), Occurrences(html, "</details>"));
  EXPECT_EQ(Occurrences(html, "<table"), Occurrences(html, "</table>"));
}

TEST(HtmlWriterTest, FailedScenariosAreOpen) {
  const std::string html = ToHtml(SampleRun());
  EXPECT_NE(html.find("<details class=\"scenario passed\" id=\"scenario-1\">"),
            std::string::npos);
  EXPECT_NE(
      html.find("<details class=\"scenario failed\" id=\"scenario-2\" open>"),
      std::string::npos);
  EXPECT_NE(
      html.find("<details class=\"scenario error\" id=\"scenario-3\" open>"),
      std::string::npos);
}

TEST(HtmlWriterTest, UserTextIsEscaped) {
  const std::string html = ToHtml(SampleRun());
  EXPECT_EQ(html.find("<used>"), std::string::npos);
  EXPECT_EQ(html.find("<b>bold</b>"), std::string::npos);
  EXPECT_NE(html.find("Invitation &lt;used&gt; twice &amp; &quot;again&quot; "
                      "&#39;quoted&#39;\xEF\xBF\xBD"),
            std::string::npos);
  EXPECT_EQ(html.find('\x07'), std::string::npos);
  EXPECT_EQ(html.find('\x1b'), std::string::npos);
  EXPECT_EQ(html.find('\x01'), std::string::npos);
}

TEST(HtmlWriterTest, RefusedRequestsAreRedAndSelfMessagesLoop) {
  const std::string html = ToHtml(SampleRun());
  EXPECT_EQ(Occurrences(html, "<g class=\"msg refused\">"), 1u);
  EXPECT_NE(html.find("stroke=\"#c62828\" stroke-dasharray"),
            std::string::npos);
  // Microsoft's review finishing: a loop path, not a line.
  EXPECT_EQ(Occurrences(html, "<path d=\"M"), 1u);
  EXPECT_NE(html.find(">review finished</text>"), std::string::npos);
  // The virtual time at the left of the arrow.
  EXPECT_NE(html.find(">2d 00:00</text>"), std::string::npos);
}

TEST(HtmlWriterTest, StepTableShowsEveryStepWithTimes) {
  const std::string html = ToHtml(SampleRun());
  EXPECT_EQ(Occurrences(html, "<table class=\"steps\">"), 2u);
  EXPECT_EQ(Occurrences(html, "<tr class=\"skipped\">"), 2u);  // step, row
  EXPECT_NE(
      html.find("<td class=\"time\">0d 00:00:00 &#8211; 3d 02:00:00</td>"),
      std::string::npos);
}

TEST(HtmlWriterTest, EmptyRunSaysSo) {
  const std::string html = ToHtml(RunResult{});
  EXPECT_NE(html.find("No scenarios ran."), std::string::npos);
  EXPECT_EQ(html.find("<svg"), std::string::npos);
}

}  // namespace
}  // namespace tiersim::reports::testing
