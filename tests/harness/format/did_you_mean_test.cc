#include "harness/format/did_you_mean.h"

#include <gtest/gtest.h>

namespace tiersim::harness {
namespace {

TEST(DidYouMeanTest, EditDistanceCountsSwapsAsOneEdit) {
  EXPECT_EQ(EditDistance("reseller", "reseller"), 0);
  EXPECT_EQ(EditDistance("reseler", "reseller"), 1);
  EXPECT_EQ(EditDistance("resellre", "reseller"), 1);  // swap
  EXPECT_EQ(EditDistance("RESELLER", "reseller"), 0);
  EXPECT_EQ(EditDistance("", "abc"), 3);
}

TEST(DidYouMeanTest, SuggestsOnlyPlausibleTypos) {
  const std::vector<std::string> names = {"accept_partnership",
                                          "request_partnership", "sign_in"};
  EXPECT_EQ(ClosestMatch("acept_partnership", names), "accept_partnership");
  EXPECT_EQ(ClosestMatch("partnership", names), "accept_partnership");
  EXPECT_EQ(ClosestMatch("xyz", names), std::nullopt);
  EXPECT_EQ(DidYouMean("sign_on", names), " Did you mean \"sign_in\"?");
  EXPECT_EQ(DidYouMean("zzzzzz", names), "");
}

TEST(DidYouMeanTest, QuotedListJoinsWithOr) {
  EXPECT_EQ(QuotedList({"a"}), "\"a\"");
  EXPECT_EQ(QuotedList({"a", "b", "c"}), "\"a\", \"b\" or \"c\"");
  EXPECT_EQ(QuotedList({"a", "b"}, " and "), "\"a\" and \"b\"");
}

}  // namespace
}  // namespace tiersim::harness
