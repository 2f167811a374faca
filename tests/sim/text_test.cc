// Table tests of sim/text.h: ASCII case folding, trimming, UTF-8 decoding
// and HTML escaping (the one implementation the mocks and reports use).
#include "sim/text.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace tiersim::sim {
namespace {

TEST(SimTextTest, CaseFoldingIsAsciiOnly) {
  struct Case {
    std::string_view text;
    std::string_view lower;
  };
  const Case cases[] = {
      {"Ada@FABRIKAM.test", "ada@fabrikam.test"},
      {"", ""},
      {"0-9_~", "0-9_~"},
      // Non-ASCII bytes (here "É" in UTF-8) are kept, never folded.
      {"\xC3\x89T\xC3\x89", "\xC3\x89t\xC3\x89"},
      {"[\\]^`{|}", "[\\]^`{|}"},  // neighbours of the letter ranges
      {"@AZ[", "@az["},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(AsciiLower(c.text), c.lower) << c.text;
  }
}

TEST(SimTextTest, CaseInsensitiveComparisons) {
  struct Case {
    std::string_view a, b;
    bool equal, starts, contains;
  };
  const Case cases[] = {
      {"Fabrikam", "fABRIKAM", true, true, true},
      {"Fabrikam", "Fabrikan", false, false, false},
      {"Fabrikam ", "Fabrikam", false, true, true},
      {"Basic abc", "BASIC ", false, true, true},
      {"Your Invitation from Contoso", "INVITATION", false, false, true},
      {"Your Invitation", "invitations", false, false, false},
      {"anything", "", false, true, true},
      {"", "", true, true, true},
      {"\xC3\xA9", "\xC3\x89", false, false, false},  // é vs É: not ASCII
  };
  for (const Case& c : cases) {
    EXPECT_EQ(EqualsIgnoreCase(c.a, c.b), c.equal) << c.a << " | " << c.b;
    EXPECT_EQ(StartsWithIgnoreCase(c.a, c.b), c.starts) << c.a << " | " << c.b;
    EXPECT_EQ(ContainsIgnoreCase(c.a, c.b), c.contains) << c.a << " | " << c.b;
  }
}

TEST(SimTextTest, TrimmingRemovesOnlyItsCharacters) {
  struct Case {
    std::string_view text;
    std::string_view blanks;  // TrimBlanks: space, tab, CR, LF
    std::string_view spaces;  // TrimSpaces: space, tab
  };
  const Case cases[] = {
      {"  ada  ", "ada", "ada"},
      {"\t\r\nada\r\n", "ada", "\r\nada\r\n"},
      {"a b", "a b", "a b"},
      {"", "", ""},
      {" \t ", "", ""},
      {"\r\n", "", "\r\n"},
      {"\vada\f", "\vada\f", "\vada\f"},  // not blanks in SMTP or MIME
  };
  for (const Case& c : cases) {
    EXPECT_EQ(TrimBlanks(c.text), c.blanks) << "'" << c.text << "'";
    EXPECT_EQ(TrimSpaces(c.text), c.spaces) << "'" << c.text << "'";
  }
  EXPECT_EQ(TrimChars("//x/y//", "/"), "x/y");
}

TEST(SimTextTest, Utf8DecodingReplacesMalformedSequences) {
  struct Case {
    std::string_view bytes;
    std::u32string code_points;
  };
  const Case cases[] = {
      {"a\xC3\xA9", {U'a', 0xE9}},
      {"\xE2\x82\xAC", {0x20AC}},
      {"\xF0\x9F\x98\x80", {0x1F600}},
      {"\xFF", {0xFFFD}},
      {"\xE2\x82", {0xFFFD, 0xFFFD}},                          // truncated
      {"\xC0\xAF", {0xFFFD, 0xFFFD}},                          // overlong "/"
      {"\xED\xA0\x80", {0xFFFD, 0xFFFD, 0xFFFD}},              // a surrogate
      {"\xF4\x90\x80\x80", {0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD}},  // > U+10FFFF
      {"\xC3(", {0xFFFD, U'('}},
  };
  for (const Case& c : cases) {
    std::u32string seen;
    ForEachCodePoint(c.bytes, [&](char32_t cp) { seen += cp; });
    EXPECT_EQ(seen, c.code_points);
  }
}

TEST(SimTextTest, Utf8EncodingCoversEveryLength) {
  struct Case {
    char32_t cp;
    std::string_view bytes;
  };
  const Case cases[] = {{U'A', "A"},
                        {0xE9, "\xC3\xA9"},
                        {0x20AC, "\xE2\x82\xAC"},
                        {0x1F600, "\xF0\x9F\x98\x80"}};
  for (const Case& c : cases) {
    std::string out;
    AppendUtf8(c.cp, out);
    EXPECT_EQ(out, c.bytes);
  }
}

TEST(SimTextTest, HtmlEscapeCoversMarkupControlsAndBadUtf8) {
  struct Case {
    std::string_view text;
    std::string_view html;
  };
  const Case cases[] = {
      {"<a href='x'>&\"</a>",
       "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;"},
      {"<script>\"x\" & 'y'</script>",
       "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"},
      {"plain text", "plain text"},
      {"caf\xC3\xA9", "caf\xC3\xA9"},
      {"a\x07z\tq\n\r", "a\xEF\xBF\xBDz\tq\n\r"},  // BEL is not allowed
      {"\xC2\x85", "\xEF\xBF\xBD"},                // C1 control NEL
      {"\xEF\xBF\xBE", "\xEF\xBF\xBD"},            // noncharacter U+FFFE
      {"\xFF<", "\xEF\xBF\xBD&lt;"},
      {"", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(HtmlEscape(c.text), c.html) << c.text;
  }
}

TEST(SimTextTest, CountryCodesAreTwoUppercaseLetters) {
  EXPECT_TRUE(IsCountryCode("US"));
  EXPECT_TRUE(IsCountryCode("GB"));
  EXPECT_FALSE(IsCountryCode("us"));
  EXPECT_FALSE(IsCountryCode("Us"));
  EXPECT_FALSE(IsCountryCode("USA"));
  EXPECT_FALSE(IsCountryCode("U"));
  EXPECT_FALSE(IsCountryCode("U1"));
  EXPECT_FALSE(IsCountryCode(""));
}

}  // namespace
}  // namespace tiersim::sim
