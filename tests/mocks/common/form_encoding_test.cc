#include "mocks/common/form_encoding.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>

#include "tests/common/status_matchers.h"

namespace tiersim::mocks {
namespace {

using ::tiersim::testing::IsOk;

TEST(FormEncodingTest, ParsesFieldsInOrder) {
  auto form = ParseForm(
      "grant_type=password&username=ada%40contoso.com&scope=a+b%2Fc&empty=&"
      "flag");
  ASSERT_THAT(form, IsOk());
  EXPECT_EQ(form->Get("grant_type"), "password");
  EXPECT_EQ(form->Get("username"), "ada@contoso.com");
  EXPECT_EQ(form->Get("scope"), "a b/c");
  EXPECT_TRUE(form->Has("empty"));
  EXPECT_EQ(form->Get("empty"), "");
  EXPECT_TRUE(form->Has("flag"));
  EXPECT_FALSE(form->Has("missing"));
  EXPECT_EQ(form->fields().size(), 5u);
  EXPECT_EQ(form->fields()[0].first, "grant_type");
}

TEST(FormEncodingTest, SkipsEmptyPairs) {
  auto form = ParseForm("&&a=1&&b=2&");
  ASSERT_THAT(form, IsOk());
  EXPECT_EQ(form->fields().size(), 2u);
  EXPECT_THAT(ParseForm(""), IsOk());
}

TEST(FormEncodingTest, RejectsMalformedEscapesAndRepeatedNames) {
  EXPECT_EQ(ParseForm("a=%4").code(), sim::ErrorCode::kInvalidArgument);
  EXPECT_EQ(ParseForm("a=%zz").code(), sim::ErrorCode::kInvalidArgument);
  EXPECT_EQ(ParseForm("a=%").code(), sim::ErrorCode::kInvalidArgument);
  auto twice = ParseForm("scope=a&scope=b");
  EXPECT_EQ(twice.code(), sim::ErrorCode::kInvalidArgument);
  EXPECT_NE(twice.status().message().find("'scope'"), std::string::npos);
}

TEST(FormEncodingTest, EncodeThenParseRoundTrips) {
  FormFields fields;
  fields.Add("redirect_uri", "http://localhost:8400/cb?x=1&y=2");
  fields.Add("state", "a b+c%d/é");
  fields.Add("code", "Zm9v-_.~");
  const std::string text = EncodeForm(fields);
  EXPECT_EQ(text.find(' '), std::string::npos);
  EXPECT_NE(text.find("code=Zm9v-_.~"), std::string::npos);
  auto back = ParseForm(text);
  ASSERT_THAT(back, IsOk());
  EXPECT_EQ(back->fields(), fields.fields());
}

TEST(FormEncodingTest, PercentEncodeKeepsOnlyUnreservedCharacters) {
  struct Case {
    std::string text;
    std::string_view encoded;
  };
  const Case cases[] = {
      {"AZaz09-._~", "AZaz09-._~"},  // RFC 3986 unreserved
      {"a b", "a%20b"},
      {"a+b", "a%2Bb"},
      {"ada@contoso.com", "ada%40contoso.com"},
      {"x=1&y=2", "x%3D1%26y%3D2"},
      {"/?#[]", "%2F%3F%23%5B%5D"},
      {"!*'()", "%21%2A%27%28%29"},  // sub-delims: encoded too
      {"%", "%25"},
      {"caf\xC3\xA9", "caf%C3%A9"},
      {std::string("\0\x7F\xFF", 3), "%00%7F%FF"},
      {"", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(PercentEncode(c.text), c.encoded) << c.text;
  }
}

TEST(FormEncodingTest, PercentDecodeRefusesMalformedEscapes) {
  struct Case {
    std::string_view text;
    bool plus_is_space;
    std::optional<std::string> decoded;
  };
  const Case cases[] = {
      {"a+b", true, "a b"},
      {"a+b", false, "a+b"},
      {"%2B", true, "+"},
      {"%2b%2F", false, "+/"},  // either case of hex digit
      {"caf%C3%A9", false, "caf\xC3\xA9"},
      {"%00", false, std::string(1, '\0')},
      {"100%", false, std::nullopt},
      {"%4", false, std::nullopt},
      {"%zz", true, std::nullopt},
      {"%G0", true, std::nullopt},
      {"%%41", true, std::nullopt},
      {"", false, ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(PercentDecode(c.text, c.plus_is_space), c.decoded) << c.text;
  }
}

}  // namespace
}  // namespace tiersim::mocks
