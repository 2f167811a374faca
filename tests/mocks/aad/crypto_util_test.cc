#include "mocks/aad/crypto_util.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

namespace tiersim::mocks {
namespace {

TEST(CryptoUtilTest, Base64UrlMatchesRfc4648Vectors) {
  // RFC 4648 §10, without padding; then bytes that need '-' and '_'.
  EXPECT_EQ(Base64UrlEncode(""), "");
  EXPECT_EQ(Base64UrlEncode("f"), "Zg");
  EXPECT_EQ(Base64UrlEncode("fo"), "Zm8");
  EXPECT_EQ(Base64UrlEncode("foo"), "Zm9v");
  EXPECT_EQ(Base64UrlEncode("foob"), "Zm9vYg");
  EXPECT_EQ(Base64UrlEncode("fooba"), "Zm9vYmE");
  EXPECT_EQ(Base64UrlEncode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(Base64UrlEncode("\xfb\xff\xbf"), "-_-_");
  EXPECT_EQ(Base64Encode("\xfb\xff\xbf"), "+/+/");
  EXPECT_EQ(Base64Encode("fo"), "Zm8=");
}

TEST(CryptoUtilTest, Base64UrlDecodesWithOrWithoutPadding) {
  EXPECT_EQ(Base64UrlDecode("Zm9vYg"), "foob");
  EXPECT_EQ(Base64UrlDecode("Zm9vYg=="), "foob");
  EXPECT_EQ(Base64UrlDecode("-_-_"), "\xfb\xff\xbf");
  EXPECT_EQ(Base64Decode("dXNlcjpwYXNz"), "user:pass");
}

TEST(CryptoUtilTest, Base64DecodeRejectsNonCanonicalText) {
  EXPECT_FALSE(Base64UrlDecode("Zm9v*"));
  EXPECT_FALSE(Base64UrlDecode("Z"));       // 4n+1 characters
  EXPECT_FALSE(Base64UrlDecode("Zm9vYh"));  // non-zero leftover bits
  EXPECT_FALSE(Base64UrlDecode("Zm=9"));
  EXPECT_FALSE(Base64UrlDecode("+/+/"));  // standard alphabet
  EXPECT_FALSE(Base64Decode("-_-_"));     // URL alphabet
  EXPECT_FALSE(Base64Decode("Zm8"));      // standard needs padding
}

TEST(CryptoUtilTest, RoundTripsEveryByteValue) {
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  for (std::size_t n = 0; n <= all.size(); n += 37) {
    const std::string part = all.substr(0, n);
    EXPECT_EQ(Base64UrlDecode(Base64UrlEncode(part)), part);
    EXPECT_EQ(Base64Decode(Base64Encode(part)), part);
  }
}

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
