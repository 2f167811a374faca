#include "mocks/common/text.h"

#include <gtest/gtest.h>

#include <string>
#include <unordered_map>

namespace tiersim::mocks {
namespace {

TEST(TextTest, AddrSpecAcceptsBareAndDisplayNameForms) {
  EXPECT_EQ(AddrSpec("ada@x.test"), "ada@x.test");
  EXPECT_EQ(AddrSpec("  ada@x.test "), "ada@x.test");
  EXPECT_EQ(AddrSpec("Ada Lovelace <ada@x.test>"), "ada@x.test");
  EXPECT_EQ(AddrSpec("<ada@x.test>"), "ada@x.test");
  EXPECT_EQ(AddrSpec("Ada <not an address>"), std::nullopt);
  EXPECT_EQ(AddrSpec("ada@x.test>"), std::nullopt);
  EXPECT_EQ(AddrSpec(""), std::nullopt);
}

TEST(TextTest, CaseInsensitiveMapFindsAnySpellingWithoutCopies) {
  std::unordered_map<std::string, int, CaseInsensitiveHash,
                     CaseInsensitiveEqual>
      map;
  map.emplace("Fabrikam.Test", 7);
  EXPECT_EQ(CaseInsensitiveHash()("ABC"), CaseInsensitiveHash()("abc"));
  const auto it = map.find(std::string_view("fabrikam.TEST"));
  ASSERT_NE(it, map.end());
  EXPECT_EQ(it->second, 7);
  EXPECT_EQ(it->first, "Fabrikam.Test");  // kept as first spelled
  EXPECT_FALSE(map.emplace("FABRIKAM.TEST", 8).second);
}

}  // namespace
}  // namespace tiersim::mocks
