#include "mocks/wire/resources.h"

#include <gtest/gtest.h>

#include "mocks/wire/op_wire.h"

namespace tiersim::mocks::wire {
namespace {

namespace ops = sim::ops;

ops::OrderResource SampleOrder(std::string on_record) {
  return {.id = sim::OrderId(12),
          .customer = sim::CustomerId(3),
          .lines = {.items = {{"o365-e3", 25}, {"m365-bp \"x\"", 1}},
                    .partner_on_record = std::move(on_record)},
          .subscriptions = {sim::SubscriptionId(40), sim::SubscriptionId(41)},
          .created = sim::kDefaultEpoch + sim::Duration(1500)};
}

TEST(ResourcesTest, HandWrittenOrderEqualsTheGenericRendering) {
  for (const std::string record : {"", "partner-7", "4700001"}) {
    const ops::OrderResource order = SampleOrder(record);
    EXPECT_EQ(json::parse(OrderText(order)), json(order)) << record;
  }
}

TEST(ResourcesTest, CollectionWrittenItemByItemIsTheTreesText) {
  std::vector<sim::SubscriptionView> subs;
  for (int i = 1; i <= 3; ++i) {
    subs.push_back(
        {.id = sim::SubscriptionId(i),
         .customer = sim::CustomerId(3),
         .order = sim::OrderId(9),
         .offer_id = "o365-e3",
         .offer_name = "Office 365 E3 \"\xc3\xa9\" " + std::to_string(i),
         .family = sim::ProductFamily::kOffice365,
         .licenses = 5 * i,
         .provider = sim::PartnerId(1),
         .reseller_of_record = sim::PartnerId(2),
         .support_contact = sim::PartnerId(1)});
  }
  EXPECT_EQ(CollectionText(subs), CollectionJson(subs, subs.size()).dump());
  const std::vector<sim::SubscriptionView> none;
  EXPECT_EQ(CollectionText(none), CollectionJson(none, 0).dump());
}

TEST(ResourcesTest, OrderReadsBackWhatItWrites) {
  const ops::OrderResource order = SampleOrder("partner-7");
  const auto back = Lowered(json(order)).get<ops::OrderResource>();
  EXPECT_EQ(back.id, order.id);
  EXPECT_EQ(back.customer, order.customer);
  EXPECT_EQ(back.lines.items, order.lines.items);
  EXPECT_EQ(back.lines.partner_on_record, "partner-7");
  EXPECT_EQ(back.subscriptions, order.subscriptions);
  EXPECT_EQ(back.created, order.created);
}

TEST(ResourcesTest, AQuantityBeyondAnyIntegerIsRefusedNamingIt) {
  const json body = Lowered(json::parse(
      R"({"lineItems":[{"offerId":"a","quantity":9223372036854775808}]})"));
  try {
    (void)body.get<ops::OrderLines>();
    FAIL() << "accepted";
  } catch (const WireError& e) {
    EXPECT_NE(std::string(e.what()).find("9223372036854775808"),
              std::string::npos)
        << e.what();
  }
}

TEST(ResourcesTest, OrderLinesNamingDifferentPartnersAreRefused) {
  const json body = Lowered(json::parse(
      R"({"lineItems":[{"offerId":"a","quantity":1,"partnerIdOnRecord":"x"},
                       {"offerId":"b","quantity":1,"partnerIdOnRecord":"y"}]})"));
  try {
    (void)body.get<ops::OrderLines>();
    FAIL() << "accepted";
  } catch (const WireError& e) {
    EXPECT_NE(std::string(e.what()).find("lineItems[1] differs"),
              std::string::npos)
        << e.what();
  }
}

TEST(OpWireTest, RequestEncodesPathQueryAndBodyFromTheDeclaration) {
  const WireRequest r = EncodeRequest<ops::SetUserRoles>(
      {.user = sim::UserId(5), .agent = sim::AgentRole::kAdminAgent});
  EXPECT_EQ(r.method, sim::HttpMethod::kPut);
  EXPECT_EQ(r.target, "/v1/tiersim/users/user-5/roles");
  ASSERT_TRUE(r.has_body);
  EXPECT_EQ(
      json::parse(r.body),
      json::parse(R"({"agentRole":"Admin agent","adminRole":"No admin"})"));

  const WireRequest q =
      EncodeRequest<ops::SearchProviders>({.query = "a b&c", .location = ""});
  EXPECT_EQ(q.target,
            "/v1/tiersim/providers?query=a%20b%26c");  // empty: left out
  EXPECT_FALSE(q.has_body);
}

TEST(OpWireTest, ServerDecodesWhatTheClientEncodes) {
  const ops::SetUserRoles::Request sent{.user = sim::UserId(5),
                                        .agent = sim::AgentRole::kAdminAgent,
                                        .admin = sim::AdminRole::kGlobalAdmin};
  const WireRequest r = EncodeRequest<ops::SetUserRoles>(sent);
  const json body = Lowered(json::parse(r.body));
  const RequestParts parts{
      .path = {"user-5"},
      .query = [](std::string_view) { return std::nullopt; },
      .header = [](std::string_view) { return std::nullopt; },
      .body = body};
  const auto got = DecodeRequest<ops::SetUserRoles>(parts);
  EXPECT_EQ(got.user, sent.user);
  EXPECT_EQ(got.agent, sent.agent);
  EXPECT_EQ(got.admin, sent.admin);
}

TEST(OpWireTest, AMalformedPathIdIsNotFoundAndABadBodyIsBadInput) {
  const json empty = json::object();
  RequestParts parts{.path = {"partner-7"},
                     .query = [](std::string_view) { return std::nullopt; },
                     .header = [](std::string_view) { return std::nullopt; },
                     .body = empty};
  EXPECT_THROW(DecodeRequest<ops::SetUserRoles>(parts), NotFoundError);
  const json bad = Lowered(json::parse(R"({"agentRole": 7})"));
  RequestParts bad_body{.path = {"user-1"},
                        .query = parts.query,
                        .header = parts.header,
                        .body = bad};
  try {
    (void)DecodeRequest<ops::SetUserRoles>(bad_body);
    FAIL() << "accepted";
  } catch (const NotFoundError&) {
    FAIL() << "a body error is not a missing thing";
  } catch (const WireError& e) {
    EXPECT_NE(std::string(e.what()).find("agentRole"), std::string::npos);
  }
}

TEST(OpWireTest, PathRegexAndNames) {
  EXPECT_EQ(PathRegex("/v1/customers/{customer}/subscriptions/{subscription}"),
            "/v1/customers/([^/]+)/subscriptions/([^/]+)");
  const auto names =
      PathNames("/v1/customers/{customer}/subscriptions/{subscription}");
  ASSERT_EQ(names.size(), 2u);
  EXPECT_EQ(names[0], "customer");
  EXPECT_EQ(names[1], "subscription");
}

}  // namespace
}  // namespace tiersim::mocks::wire
