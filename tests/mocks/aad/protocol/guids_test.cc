#include "mocks/aad/protocol/guids.h"

#include <gtest/gtest.h>

namespace tiersim::mocks {
namespace {

using sim::DirectoryUserId;
using sim::TenantId;

TEST(GuidsTest, FormatsIdsAsFixedGuids) {
  EXPECT_EQ(TenantGuid(TenantId(7)), "00000000-0000-4000-8000-000000000007");
  EXPECT_EQ(UserGuid(DirectoryUserId(42)),
            "00000000-0000-4000-a000-00000000002a");
  EXPECT_EQ(TenantGuid(TenantId(0xabcdef123456)),
            "00000000-0000-4000-8000-abcdef123456");
}

TEST(GuidsTest, RoundTrips) {
  for (std::uint64_t v :
       {1ull, 9ull, 10ull, 255ull, 65536ull, 0xffffffffffffull}) {
    EXPECT_EQ(ParseTenantGuid(TenantGuid(TenantId(v))), TenantId(v));
    EXPECT_EQ(ParseUserGuid(UserGuid(DirectoryUserId(v))), DirectoryUserId(v));
  }
}

TEST(GuidsTest, AcceptsUppercaseHex) {
  EXPECT_EQ(ParseUserGuid("00000000-0000-4000-A000-00000000002A"),
            DirectoryUserId(42));
}

TEST(GuidsTest, RejectsAnythingElse) {
  EXPECT_FALSE(ParseTenantGuid(""));
  EXPECT_FALSE(ParseTenantGuid("tenant-7"));
  EXPECT_FALSE(ParseTenantGuid("00000000-0000-4000-8000-000000000000"));  // 0
  EXPECT_FALSE(
      ParseTenantGuid("00000000-0000-4000-a000-000000000007"));  // user
  EXPECT_FALSE(
      ParseUserGuid("00000000-0000-4000-8000-000000000007"));  // tenant
  EXPECT_FALSE(
      ParseTenantGuid("00000000-0000-4000-8000-00000000007"));  // short
  EXPECT_FALSE(ParseTenantGuid("00000000-0000-4000-8000-0000000000007"));
  EXPECT_FALSE(ParseTenantGuid("00000000-0000-4000-8000-00000000000g"));
  EXPECT_FALSE(ParseTenantGuid("72f988bf-86f1-41af-91ab-2d7cd011db47"));
}

}  // namespace
}  // namespace tiersim::mocks
