#include "sim/links.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tiersim::sim {
namespace {

using Links = std::vector<std::string>;

TEST(LinksTest, FindsASingleLink) {
  EXPECT_EQ(ExtractLinks("Accept: https://pc.tiersim.test/invitations/ab12 "
                         "within 30 days"),
            Links{"https://pc.tiersim.test/invitations/ab12"});
}

TEST(LinksTest, FindsSeveralLinksInOrder) {
  EXPECT_EQ(ExtractLinks("first http://a.test/1\nthen https://b.test/2?x=1&y=2"
                         "\tand HTTPS://C.test/3"),
            (Links{"http://a.test/1", "https://b.test/2?x=1&y=2",
                   "HTTPS://C.test/3"}));
}

TEST(LinksTest, NoLinksGivesAnEmptyList) {
  EXPECT_TRUE(ExtractLinks("").empty());
  EXPECT_TRUE(ExtractLinks("Nothing to see, not even ftp://x.test or "
                           "www.x.test or http:/x.test")
                  .empty());
  EXPECT_TRUE(ExtractLinks("just a scheme https:// and http://.").empty());
}

TEST(LinksTest, DropsTrailingPunctuation) {
  for (const std::string tail :
       {".", ",", ";", ":", "!", "?", ")", "?!", ")."}) {
    SCOPED_TRACE(tail);
    EXPECT_EQ(ExtractLinks("go to https://x.test/a" + tail + " now"),
              Links{"https://x.test/a"});
    EXPECT_EQ(ExtractLinks("https://x.test/a" + tail),
              Links{"https://x.test/a"});
  }
}

TEST(LinksTest, KeepsPunctuationInsideTheUrl) {
  EXPECT_EQ(ExtractLinks("https://x.test/a.b,c;d:e!f?g=h."),
            Links{"https://x.test/a.b,c;d:e!f?g=h"});
}

TEST(LinksTest, KeepsBalancedParenthesesOnly) {
  EXPECT_EQ(ExtractLinks("(see https://x.test/a)"), Links{"https://x.test/a"});
  EXPECT_EQ(ExtractLinks("[docs](https://x.test/wiki/A_(b))."),
            Links{"https://x.test/wiki/A_(b)"});
}

TEST(LinksTest, EndsAtQuotesAndAngleBrackets) {
  EXPECT_EQ(
      ExtractLinks("<a href=\"https://x.test/q\">x</a> "
                   "'https://y.test/s' <https://z.test/t>"),
      (Links{"https://x.test/q", "https://y.test/s", "https://z.test/t"}));
}

TEST(LinksTest, ExtractTokenTakesTheLastPathSegment) {
  EXPECT_EQ(
      ExtractToken("https://partnercenter.tiersim.test/invitations/0123abcd"),
      "0123abcd");
  EXPECT_EQ(ExtractToken("https://pc.test/invitations/0123abcd?lang=en#top"),
            "0123abcd");
  EXPECT_EQ(ExtractToken("https://pc.test/invitations/0123abcd#top"),
            "0123abcd");
  EXPECT_EQ(ExtractToken("https://pc.test/invitations/0123abcd/"), "0123abcd");
  EXPECT_EQ(ExtractToken("http://pc.test/t"), "t");
}

TEST(LinksTest, ExtractTokenFailsWithoutAPathSegment) {
  EXPECT_EQ(ExtractToken("https://pc.test"), std::nullopt);
  EXPECT_EQ(ExtractToken("https://pc.test/"), std::nullopt);
  EXPECT_EQ(ExtractToken("https://pc.test?x=/a/b"), std::nullopt);
  EXPECT_EQ(ExtractToken("/invitations/0123abcd"), std::nullopt);
  EXPECT_EQ(ExtractToken(""), std::nullopt);
}

TEST(LinksTest, TokenOfAnExtractedLink) {
  const Links links = ExtractLinks(
      "Hello, Contoso invites you: "
      "https://partnercenter.tiersim.test/invitations/9f8e7d6c.");
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(ExtractToken(links[0]), "9f8e7d6c");
}

}  // namespace
}  // namespace tiersim::sim
