#include "mocks/common/text.h"

#include <gtest/gtest.h>

#include <string>
#include <unordered_map>

namespace tiersim::mocks {
namespace {

TEST(TextTest, DomainNames) {
  struct Case {
    std::string_view text;
    bool valid;
  };
  const Case cases[] = {
      {.text = "fabrikam.onmicrosoft.com", .valid = true},
      {.text = "a-b.c0.test", .valid = true},
      {.text = "FABRIKAM.Test", .valid = true},
      {.text = "", .valid = false},
      {.text = "localhost", .valid = false},
      {.text = "fabrikam..com", .valid = false},
      {.text = ".fabrikam.com", .valid = false},
      {.text = "fabrikam.com.", .valid = false},
      {.text = "-fab.com", .valid = false},
      {.text = "fab-.com", .valid = false},
      {.text = "fab rikam.com", .valid = false},
      {.text = "fab_rikam.com", .valid = false},
      {.text = "10.0.0.1", .valid = false},
      {.text = "a.", .valid = false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(IsDomainName(c.text), c.valid) << "'" << c.text << "'";
  }
  EXPECT_TRUE(IsDomainName(std::string(63, 'a') + ".test"));
  EXPECT_FALSE(IsDomainName(std::string(64, 'a') + ".test"));
}

TEST(TextTest, CountryCodesAreTwoUppercaseLetters) {
  EXPECT_TRUE(IsCountryCode("US"));
  EXPECT_TRUE(IsCountryCode("GB"));
  EXPECT_FALSE(IsCountryCode("us"));
  EXPECT_FALSE(IsCountryCode("Us"));
  EXPECT_FALSE(IsCountryCode("USA"));
  EXPECT_FALSE(IsCountryCode("U"));
  EXPECT_FALSE(IsCountryCode("U1"));
  EXPECT_FALSE(IsCountryCode(""));
}

TEST(TextTest, EmailAddresses) {
  EXPECT_TRUE(IsEmailAddress("ada@fabrikam.test"));
  EXPECT_TRUE(IsEmailAddress("ada.lovelace+pc@fabrikam.onmicrosoft.com"));
  EXPECT_FALSE(IsEmailAddress("ada"));
  EXPECT_FALSE(IsEmailAddress("@fabrikam.test"));
  EXPECT_FALSE(IsEmailAddress("ada@"));
  EXPECT_FALSE(IsEmailAddress("ada@localhost"));
  EXPECT_FALSE(IsEmailAddress("ada lovelace@fabrikam.test"));
  EXPECT_FALSE(IsEmailAddress("ada@@fabrikam.test"));
  EXPECT_FALSE(IsEmailAddress("ada..l@fabrikam.test"));
  EXPECT_FALSE(IsEmailAddress(".ada@fabrikam.test"));
  EXPECT_FALSE(IsEmailAddress(std::string(65, 'a') + "@fabrikam.test"));
}

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
