#include "mocks/common/password_hash.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/common/status_matchers.h"

namespace tiersim::mocks {
namespace {

using ::tiersim::testing::IsOk;

using sim::ErrorCode;

TEST(PasswordHashTest, VerifiesTheRightPasswordOnly) {
  sim::Rng rng(7);
  const PasswordHash hash = HashPassword("Correct-Horse-1", rng);
  EXPECT_TRUE(Verify(hash, "Correct-Horse-1"));
  EXPECT_FALSE(Verify(hash, "correct-horse-1"));
  EXPECT_FALSE(Verify(hash, "Correct-Horse-1 "));
  EXPECT_FALSE(Verify(hash, ""));
}

TEST(PasswordHashTest, SameSeedGivesSameHashes) {
  sim::Rng a(42);
  sim::Rng b(42);
  EXPECT_EQ(HashPassword("Pa55word!", a), HashPassword("Pa55word!", b));
  EXPECT_EQ(HashPassword("Other-Pa55", a), HashPassword("Other-Pa55", b));
}

TEST(PasswordHashTest, DifferentSeedsGiveDifferentSalts) {
  sim::Rng a(42);
  sim::Rng b(43);
  const PasswordHash ha = HashPassword("Pa55word!", a);
  const PasswordHash hb = HashPassword("Pa55word!", b);
  EXPECT_NE(ha.salt, hb.salt);
  EXPECT_NE(ha.digest, hb.digest);
  EXPECT_TRUE(Verify(hb, "Pa55word!"));
}

TEST(PasswordHashTest, EachHashGetsAFreshSalt) {
  sim::Rng rng(1);
  const PasswordHash first = HashPassword("Pa55word!", rng);
  const PasswordHash second = HashPassword("Pa55word!", rng);
  EXPECT_NE(first.salt, second.salt);
  EXPECT_NE(first.digest, second.digest);
}

TEST(PasswordHashTest, DigestIsSha256OfSaltThenPassword) {
  // SHA-256 of 16 zero bytes followed by "abc", computed independently.
  PasswordHash hash;
  hash.digest = {0x27, 0x7e, 0x7f, 0xf6, 0xd2, 0x32, 0xb9, 0x76,
                 0x3f, 0x4a, 0x66, 0xe8, 0xd0, 0x5d, 0x21, 0x0d,
                 0xa3, 0x2d, 0xac, 0x9c, 0x6d, 0xbc, 0xe1, 0x02,
                 0x6a, 0xd4, 0xcc, 0x98, 0xac, 0xb5, 0xfe, 0xfe};
  EXPECT_TRUE(Verify(hash, "abc"));
}

struct PolicyCase {
  std::string_view name;
  std::string password;
  bool ok = false;
  std::string_view message_mentions;
};

TEST(PasswordPolicyTest, FollowsAzureAdRules) {
  const PolicyCase cases[] = {
      {.name = "three kinds", .password = "abcdEFG1", .ok = true},
      {.name = "four kinds", .password = "aB3$aB3$", .ok = true},
      {.name = "lower upper symbol", .password = "abcdEF!!", .ok = true},
      {.name = "lower digit symbol", .password = "abcd12 !", .ok = true},
      {.name = "space is a symbol", .password = "Abcd efgh", .ok = true},
      {.name = "exactly 256",
       .password = "aA1" + std::string(253, 'x'),
       .ok = true},
      {.name = "too short",
       .password = "aB3$aB3",
       .message_mentions = "8 to 256 characters"},
      {.name = "empty", .password = "", .message_mentions = "8 to 256"},
      {.name = "too long",
       .password = "aA1" + std::string(254, 'x'),
       .message_mentions = "8 to 256 characters"},
      {.name = "lower only",
       .password = "abcdefghij",
       .message_mentions = "at least 3 of"},
      {.name = "lower and upper",
       .password = "abcdEFGHij",
       .message_mentions = "at least 3 of"},
      {.name = "digits and symbols",
       .password = "1234!@#$",
       .message_mentions = "at least 3 of"},
      {.name = "non-ASCII",
       .password = "Abcdefg1\xc3\xa9",
       .message_mentions = "ASCII"},
      {.name = "control character",
       .password = "Abcdefg1\t",
       .message_mentions = "control"},
  };
  for (const PolicyCase& c : cases) {
    SCOPED_TRACE(std::string(c.name));
    const sim::Status status = CheckPasswordPolicy(c.password);
    if (c.ok) {
      EXPECT_THAT(status, IsOk());
    } else {
      EXPECT_EQ(status.code(), ErrorCode::kWeakPassword);
      EXPECT_NE(status.message().find(c.message_mentions), std::string::npos)
          << status.message();
      // The message explains the rule and never echoes the password.
      if (!c.password.empty()) {
        EXPECT_EQ(status.message().find(c.password), std::string::npos);
      }
    }
  }
}

}  // namespace
}  // namespace tiersim::mocks
