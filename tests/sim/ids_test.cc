// Table tests of sim/ids.h's parsers: ParseId (the inverse of
// StrongId::ToString), ParseDecimal and ParseMpnId; Token's hex form.
#include "sim/ids.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sim/model.h"

namespace tiersim::sim {
namespace {

TEST(IdsTest, ParseIdReadsOnlyWhatToStringWrites) {
  struct Case {
    std::string_view text;
    std::optional<std::uint64_t> partner;  // ParseId<PartnerId>
  };
  const Case cases[] = {
      {"partner-7", 7},
      {"partner-1", 1},
      {"partner-4700001", 4700001},
      {"partner-18446744073709551615", 18446744073709551615ULL},  // max
      {"partner-18446744073709551616", std::nullopt},             // overflow
      {"partner-99999999999999999999", std::nullopt},
      {"partner-0", std::nullopt},   // 0 is never an ID
      {"partner-07", std::nullopt},  // leading zero
      {"partner-00", std::nullopt},
      {"partner--7", std::nullopt},
      {"partner-+7", std::nullopt},
      {"partner- 7", std::nullopt},
      {"partner-7 ", std::nullopt},
      {" partner-7", std::nullopt},
      {"partner-7x", std::nullopt},
      {"partner-0x7", std::nullopt},
      {"partner-", std::nullopt},
      {"partner7", std::nullopt},
      {"partner", std::nullopt},
      {"Partner-7", std::nullopt},   // the prefix is exact
      {"customer-7", std::nullopt},  // another kind
      {"partners-7", std::nullopt},
      {"7", std::nullopt},
      {"", std::nullopt},
  };
  for (const Case& c : cases) {
    const std::optional<PartnerId> id = ParseId<PartnerId>(c.text);
    ASSERT_EQ(id.has_value(), c.partner.has_value()) << c.text;
    if (id) {
      EXPECT_EQ(id->value(), *c.partner) << c.text;
    }
  }
}

TEST(IdsTest, ParseIdRoundTripsEveryKind) {
  EXPECT_EQ(ParseId<CustomerId>("customer-12"), CustomerId(12));
  EXPECT_EQ(ParseId<SubscriptionId>("subscription-3"), SubscriptionId(3));
  EXPECT_EQ(ParseId<DirectoryUserId>("aaduser-5"), DirectoryUserId(5));
  EXPECT_EQ(ParseId<OrderId>(OrderId(42).ToString()), OrderId(42));
  EXPECT_EQ(ParseId<CustomerId>("subscription-3"), std::nullopt);
}

TEST(IdsTest, ParseDecimalAndMpnIds) {
  struct Case {
    std::string_view text;
    std::optional<std::uint64_t> decimal;  // ParseDecimal
    std::optional<std::uint64_t> mpn;      // ParseMpnId
  };
  const Case cases[] = {
      {"4700001", 4700001, 4700001},
      {"0", 0, std::nullopt},  // a number, not an MPN ID
      {"007", 7, 7},           // leading zeros: still the number 7
      {"18446744073709551615", 18446744073709551615ULL,
       18446744073709551615ULL},
      {"18446744073709551616", std::nullopt, std::nullopt},
      {"-1", std::nullopt, std::nullopt},
      {"+1", std::nullopt, std::nullopt},
      {" 1", std::nullopt, std::nullopt},
      {"1 ", std::nullopt, std::nullopt},
      {"1e3", std::nullopt, std::nullopt},
      {"0x10", std::nullopt, std::nullopt},
      {"١٢", std::nullopt, std::nullopt},  // Arabic-Indic digits
      {"", std::nullopt, std::nullopt},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ParseDecimal(c.text), c.decimal) << c.text;
    const std::optional<MpnId> mpn = ParseMpnId(c.text);
    ASSERT_EQ(mpn.has_value(), c.mpn.has_value()) << c.text;
    if (mpn) {
      EXPECT_EQ(mpn->value(), *c.mpn) << c.text;
    }
  }
}

}  // namespace
}  // namespace tiersim::sim

namespace tiersim::sim {
namespace {

TEST(TokenTest, ToHexIsThirtyTwoLowercaseDigitsThatFromHexReadsBack) {
  const Token t{.hi = 0x0123456789abcdefULL, .lo = 0xfedcba9876543210ULL};
  EXPECT_EQ(t.ToHex(), "0123456789abcdeffedcba9876543210");
  EXPECT_EQ(Token{}.ToHex(), std::string(32, '0'));
  for (std::uint64_t v : {1ULL, 0xf0ULL, 0x8000000000000000ULL, ~0ULL}) {
    const Token u{.hi = v, .lo = ~v};
    EXPECT_EQ(Token::FromHex(u.ToHex()), u) << u.ToHex();
  }
}

}  // namespace
}  // namespace tiersim::sim
