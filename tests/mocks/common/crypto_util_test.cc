#include "mocks/common/crypto_util.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

namespace tiersim::mocks {
namespace {

TEST(CryptoUtilTest, RandomGuidsAreVersion4AndDistinct) {
  const std::regex v4(
      "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const std::string g = RandomGuid();
    EXPECT_TRUE(std::regex_match(g, v4)) << g;
    seen.insert(g);
  }
  EXPECT_EQ(seen.size(), 100u);
  EXPECT_EQ(RandomToken(32).size(), 43u);
  EXPECT_NE(RandomToken(), RandomToken());
}

TEST(CryptoUtilTest, Sha256AndConstantTimeEquals) {
  const Sha256Digest d = Sha256("abc");
  EXPECT_EQ(Base64Encode(std::string_view(
                reinterpret_cast<const char*>(d.data()), d.size())),
            "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
  EXPECT_TRUE(ConstantTimeEquals("secret", "secret"));
  EXPECT_FALSE(ConstantTimeEquals("secret", "secreT"));
  EXPECT_FALSE(ConstantTimeEquals("secret", "secret2"));
}

}  // namespace
}  // namespace tiersim::mocks
