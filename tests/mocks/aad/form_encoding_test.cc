#include "mocks/aad/form_encoding.h"

#include <gtest/gtest.h>

namespace tiersim::mocks {
namespace {

TEST(FormEncodingTest, ParsesFieldsInOrder) {
  auto form = ParseForm(
      "grant_type=password&username=ada%40contoso.com&scope=a+b%2Fc&empty=&"
      "flag");
  ASSERT_TRUE(form.ok()) << form.status().ToString();
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
  ASSERT_TRUE(form.ok());
  EXPECT_EQ(form->fields().size(), 2u);
  EXPECT_TRUE(ParseForm("").ok());
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
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->fields(), fields.fields());
}

TEST(FormEncodingTest, PercentDecodeTreatsPlusAsAsked) {
  EXPECT_EQ(PercentDecode("a+b", true), "a b");
  EXPECT_EQ(PercentDecode("a+b", false), "a+b");
  EXPECT_EQ(PercentDecode("%2B", true), "+");
}

}  // namespace
}  // namespace tiersim::mocks
