// The Partner Center REST server over real sockets (127.0.0.1, an ephemeral
// port), with a stand-in authenticator so these tests are about the API:
// routes, shapes, errors, idempotency. Token checks are Azure AD's tests.
#include "mocks/partner_center/pc_server.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <map>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "mocks/common/form_encoding.h"
#include "mocks/partner_center/authenticator.h"
#include "mocks/world/shared_world.h"
#include "tests/common/status_matchers.h"

namespace tiersim::mocks {
namespace {

using ::tiersim::testing::IsOk;

using nlohmann::json;

// "Bearer <name>" -> the caller registered under that name.
class TableAuthenticator final : public BearerAuthenticator {
 public:
  sim::Result<Caller> Authenticate(std::string_view authorization) override {
    const std::string prefix = "Bearer ";
    if (authorization.substr(0, prefix.size()) != prefix) {
      return sim::Error(sim::ErrorCode::kInvalidToken, "no bearer token");
    }
    auto it = callers.find(std::string(authorization.substr(prefix.size())));
    if (it == callers.end()) {
      return sim::Error(sim::ErrorCode::kInvalidToken, "unknown token");
    }
    return it->second;
  }
  std::map<std::string, Caller> callers;
};

class PartnerCenterServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    world_.With([&](InProcessWorld& w) {
      auto& pc = w.pc();
      auto provider =
          pc.SeedPartner({.program = sim::Program::kIndirectProvider,
                          .legal_name = "Contoso Distribution",
                          .domain_prefix = "contoso",
                          .mpn = sim::MpnId(4100001),
                          .admin_password = "Passw0rd!1"});
      auto reseller =
          pc.SeedPartner({.program = sim::Program::kIndirectReseller,
                          .legal_name = "Fabrikam Resale",
                          .domain_prefix = "fabrikam",
                          .mpn = sim::MpnId(4700001),
                          .admin_password = "Passw0rd!2"});
      ASSERT_TRUE(provider.ok() && reseller.ok());
      ASSERT_THAT(pc.SeedPartnership(provider->partner, reseller->partner),
                  IsOk());
      provider_ = provider->partner;
      reseller_ = reseller->partner;
      Register(pc, "provider", provider->admin_upn, "Passw0rd!1");
      Register(pc, "reseller", reseller->admin_upn, "Passw0rd!2");
    });
    ASSERT_THAT(server_.Start(), IsOk());
  }

  void Register(sim::PartnerCenter& pc, const std::string& token,
                const std::string& upn, const std::string& password) {
    auto session = pc.SignIn(upn, password);
    ASSERT_THAT(session, IsOk());
    auth_.callers[token] = {.user = session->directory_user(),
                            .tenant = session->tenant(),
                            .upn = upn};
  }

  httplib::Headers As(const std::string& token,
                      const std::string& request_id = "") {
    httplib::Headers h{{"Authorization", "Bearer " + token},
                       {"MS-CorrelationId", "corr-1"}};
    if (!request_id.empty()) h.emplace("MS-RequestId", request_id);
    return h;
  }

  httplib::Client Client() {
    return httplib::Client("127.0.0.1", server_.port());
  }

  // The provider creates Northwind over HTTP; its ID ("" and a failure
  // recorded when the call fails).
  std::string CreateNorthwind(httplib::Client& cli) {
    auto created =
        cli.Post("/v1/customers", As("provider"),
                 NewCustomerBody("northwind").dump(), "application/json");
    if (!created || created->status != 201) {
      ADD_FAILURE() << "creating the customer: "
                    << (created ? created->body : "no answer");
      return "";
    }
    return json::parse(created->body)["id"];
  }

  json NewCustomerBody(const std::string& prefix) {
    return {{"CompanyProfile", {{"Domain", prefix + ".onmicrosoft.com"}}},
            {"billingProfile",
             {{"email", "it@" + prefix + ".example"},
              {"companyName", prefix + " Ltd"},
              {"defaultAddress",
               {{"country", "US"},
                {"firstName", "Ada"},
                {"lastName", "Lovelace"},
                {"addressLine1", "1 Main St"},
                {"city", "Redmond"},
                {"state", "WA"},
                {"postalCode", "98052"}}}}},
            {"associatedPartnerId", "4700001"}};
  }

  std::size_t CustomerCount() {
    return world_.With(
        [](InProcessWorld& w) { return w.pc().counts().customers; });
  }

  SharedWorld world_{SharedWorldOptions{}};
  TableAuthenticator auth_;
  PartnerCenterServer server_{world_, auth_, nullptr, {}};
  sim::PartnerId provider_, reseller_;
};

TEST_F(PartnerCenterServerTest, RefusesCallsWithoutAValidToken) {
  auto cli = Client();
  auto res =
      cli.Get("/v1/customers", httplib::Headers{{"MS-CorrelationId", "c9"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  EXPECT_EQ(res->get_header_value("MS-CorrelationId"), "c9");
  json body = json::parse(res->body);
  EXPECT_EQ(body["data"][0], "InvalidToken");
  EXPECT_EQ(body["source"], "PartnerCenter");
  res = cli.Get("/v1/customers", As("forged"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
}

TEST_F(PartnerCenterServerTest, ListsRelationshipsFromEitherSide) {
  auto cli = Client();
  auto res = cli.Get(
      "/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf",
      As("provider"));
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  json body = json::parse(res->body);
  ASSERT_EQ(body["totalCount"], 1);
  EXPECT_EQ(body["items"][0]["name"], "Fabrikam Resale");
  EXPECT_EQ(body["items"][0]["mpnId"], "4700001");
  res = cli.Get("/v1/relationships?relationship_type=IsIndirectResellerOf",
                As("reseller"));
  ASSERT_TRUE(res);
  EXPECT_EQ(json::parse(res->body)["items"][0]["name"], "Contoso Distribution");
  res = cli.Get("/v1/relationships?relationship_type=Friends", As("provider"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
}

TEST_F(PartnerCenterServerTest, CreatesACustomerOnceForARetriedRequestId) {
  auto cli = Client();
  const std::string body = NewCustomerBody("northwind").dump();
  auto first = cli.Post("/v1/customers", As("provider", "req-1"), body,
                        "application/json");
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 201) << first->body;
  EXPECT_EQ(first->get_header_value("MS-CorrelationId"), "corr-1");
  json created = json::parse(first->body);
  EXPECT_EQ(created["companyProfile"]["domain"], "northwind.onmicrosoft.com");
  EXPECT_EQ(created["associatedPartnerId"], reseller_.ToString());
  EXPECT_FALSE(
      created["userCredentials"]["password"].get<std::string>().empty());
  EXPECT_EQ(CustomerCount(), 1u);

  // The retry, re-serialised (other key order, blanks): the same request.
  const std::string reserialised = NewCustomerBody("northwind").dump(2) + "\n";
  auto retry = cli.Post("/v1/customers", As("provider", "req-1"), reserialised,
                        "application/json");
  ASSERT_TRUE(retry);
  EXPECT_EQ(retry->status, 201);
  EXPECT_EQ(retry->get_header_value("MS-RequestId"), "req-1");
  json replayed = json::parse(retry->body);
  EXPECT_EQ(replayed["id"], created["id"]);
  EXPECT_EQ(replayed["userCredentials"]["userName"],
            created["userCredentials"]["userName"]);
  // R23: the one-time password is not shown again.
  EXPECT_TRUE(replayed["userCredentials"]["password"].is_null()) << retry->body;
  EXPECT_EQ(CustomerCount(), 1u);

  auto reused =
      cli.Post("/v1/customers", As("provider", "req-1"),
               NewCustomerBody("tailspin").dump(), "application/json");
  ASSERT_TRUE(reused);
  EXPECT_EQ(reused->status, 409);
  EXPECT_EQ(CustomerCount(), 1u);
}

TEST_F(PartnerCenterServerTest, R22_AFailedCreationLeavesNothingBehind) {
  auto cli = Client();
  json body = NewCustomerBody("northwind");
  body["billingProfile"]["defaultAddress"]["country"] = "Atlantis";
  auto res = cli.Post("/v1/customers", As("provider"), body.dump(),
                      "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400) << res->body;
  EXPECT_EQ(CustomerCount(), 0u);
}

TEST_F(PartnerCenterServerTest, ALongListComesWholeWithItsHeadersFourAtOnce) {
  auto cli = Client();
  const std::string customer = CreateNorthwind(cli);
  ASSERT_FALSE(customer.empty());
  json lines = json::array();
  for (int i = 0; i < 100; ++i) {
    lines.push_back(
        {{"lineItemNumber", i}, {"offerId", "o365-e3"}, {"quantity", i + 1}});
  }
  const std::string order = json{{"lineItems", lines}}.dump();
  for (int i = 0; i < 15; ++i) {  // 1,500 subscriptions: past the cut-off
    auto placed = cli.Post("/v1/customers/" + customer + "/orders",
                           As("provider"), order, "application/json");
    ASSERT_TRUE(placed);
    ASSERT_EQ(placed->status, 201) << placed->body;
  }
  // Four at once, each asked with its own correlation ID.
  std::vector<std::thread> readers;
  std::vector<int> status(4);
  std::vector<json> lists(4);
  std::vector<std::string> echoed(4);
  for (int r = 0; r < 4; ++r) {
    readers.emplace_back([&, r] {
      auto c = Client();
      // Four renders of 1,500 items at once are slow under the sanitizers;
      // this test is about whole, correct replies, not their speed.
      c.set_read_timeout(60, 0);
      httplib::Headers h = As("provider");
      h.erase("MS-CorrelationId");
      h.emplace("MS-CorrelationId", "list-" + std::to_string(r));
      auto res = c.Get("/v1/customers/" + customer + "/subscriptions", h);
      if (!res) return;
      status[r] = res->status;
      lists[r] = json::parse(res->body);
      echoed[r] = res->get_header_value("MS-CorrelationId");
    });
  }
  for (std::thread& t : readers) t.join();
  for (int r = 0; r < 4; ++r) {
    ASSERT_EQ(status[r], 200) << r;
    EXPECT_EQ(echoed[r], "list-" + std::to_string(r));
    ASSERT_EQ(lists[r]["totalCount"], 1500);
    ASSERT_EQ(lists[r]["items"].size(), 1500u);
    EXPECT_EQ(lists[r]["items"][1499]["quantity"], 100);
    EXPECT_EQ(lists[r]["attributes"]["objectType"], "Collection");
  }
}

TEST_F(PartnerCenterServerTest, OrdersChangesLicensesAndSetsSupportContact) {
  auto cli = Client();
  const std::string customer = CreateNorthwind(cli);
  ASSERT_FALSE(customer.empty());
  json order = {{"lineItems",
                 {{{"lineItemNumber", 0},
                   {"offerId", "o365-e3"},
                   {"quantity", 10},
                   {"partnerIdOnRecord", "4700001"}}}}};
  auto placed =
      cli.Post("/v1/customers/" + customer + "/orders",
               As("provider", "order-1"), order.dump(), "application/json");
  ASSERT_TRUE(placed);
  ASSERT_EQ(placed->status, 201) << placed->body;
  const std::string sub =
      json::parse(placed->body)["lineItems"][0]["subscriptionId"];

  auto subs =
      cli.Get("/v1/customers/" + customer + "/subscriptions", As("provider"));
  ASSERT_TRUE(subs);
  json list = json::parse(subs->body);
  ASSERT_EQ(list["totalCount"], 1);
  EXPECT_EQ(list["items"][0]["quantity"], 10);
  EXPECT_EQ(list["items"][0]["partnerIdOnRecord"], reseller_.ToString());

  auto patched =
      cli.Patch("/v1/customers/" + customer + "/subscriptions/" + sub,
                As("provider"), R"({"Quantity": 12})", "application/json");
  ASSERT_TRUE(patched);
  ASSERT_EQ(patched->status, 200) << patched->body;
  EXPECT_EQ(json::parse(patched->body)["quantity"], 12);

  auto contact = cli.Put(
      "/v1/customers/" + customer + "/subscriptions/" + sub + "/supportcontact",
      As("provider"), R"({"supportMpnId": "4700001"})", "application/json");
  ASSERT_TRUE(contact);
  ASSERT_EQ(contact->status, 200) << contact->body;
  auto read = cli.Get(
      "/v1/customers/" + customer + "/subscriptions/" + sub + "/supportcontact",
      As("provider"));
  ASSERT_TRUE(read);
  EXPECT_EQ(json::parse(read->body)["name"], "Fabrikam Resale");
}

TEST_F(PartnerCenterServerTest,
       R24_RefusesAnUnknownOfferWithPartnerCentersCode) {
  auto cli = Client();
  const std::string customer = CreateNorthwind(cli);
  ASSERT_FALSE(customer.empty());
  auto res = cli.Post("/v1/customers/" + customer + "/orders", As("provider"),
                      R"({"lineItems":[{"offerId":"no-such","quantity":1}]})",
                      "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  json body = json::parse(res->body);
  EXPECT_EQ(body["code"], "3000");
  EXPECT_EQ(body["data"][0], "UnknownOffer");
}

TEST_F(PartnerCenterServerTest, FiltersByIndirectResellerAndPages) {
  auto cli = Client();
  for (const char* name : {"alpha", "bravo", "charlie"}) {
    auto r = cli.Post("/v1/customers", As("provider"),
                      NewCustomerBody(name).dump(), "application/json");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 201) << r->body;
  }
  const std::string filter = PercentEncode(
      R"({"Field":"IndirectReseller","Value":"4700001","Operator":"starts_with"})");
  auto page1 = cli.Get("/v1/customers?size=2&filter=" + filter, As("provider"));
  ASSERT_TRUE(page1);
  ASSERT_EQ(page1->status, 200) << page1->body;
  json body = json::parse(page1->body);
  EXPECT_EQ(body["totalCount"], 3);
  ASSERT_EQ(body["items"].size(), 2u);
  const std::string token = body["links"]["next"]["headers"][0]["value"];
  httplib::Headers next = As("provider");
  next.emplace("MS-ContinuationToken", token);
  auto page2 =
      cli.Get("/v1/customers?size=2&seekOperation=next&filter=" + filter, next);
  ASSERT_TRUE(page2);
  json body2 = json::parse(page2->body);
  ASSERT_EQ(body2["items"].size(), 1u);
  EXPECT_EQ(body2["items"][0]["companyProfile"]["companyName"], "charlie Ltd");
  EXPECT_FALSE(body2["links"].contains("next"));
}

TEST_F(PartnerCenterServerTest,
       R26_AResellerCannotReadAnotherPartnersCustomer) {
  auto cli = Client();
  json body = NewCustomerBody("private");
  body.erase("associatedPartnerId");
  auto created = cli.Post("/v1/customers", As("provider"), body.dump(),
                          "application/json");
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 201) << created->body;
  const std::string customer = json::parse(created->body)["id"];
  auto res = cli.Get("/v1/customers/" + customer, As("reseller"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  auto own = cli.Get("/v1/customers/" + customer, As("provider"));
  ASSERT_TRUE(own);
  EXPECT_EQ(own->status, 200);
}

TEST_F(PartnerCenterServerTest, BadInputGetsAClearErrorAndChangesNothing) {
  auto cli = Client();
  auto res = cli.Post("/v1/customers", As("provider"), "{not json",
                      "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(json::parse(res->body)["data"][0], "MalformedJson");
  res = cli.Get("/v1/no/such/thing", As("provider"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_EQ(json::parse(res->body)["data"][0], "RouteNotFound");
  res = cli.Post("/v1/customers", As("provider"), std::string(2 << 20, 'x'),
                 "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  EXPECT_EQ(CustomerCount(), 0u);
}

TEST_F(PartnerCenterServerTest, ChecksMpnProfiles) {
  world_.With([](InProcessWorld& w) {
    auto account =
        w.pmc().AddAccount("pmc-admin@fabrikam.example", "Pmc-Pass1!");
    ASSERT_THAT(account, IsOk());
    ASSERT_THAT(w.pmc().AddProfile(*account, {.mpn = sim::MpnId(4700009),
                                              .legal_name = "Fabrikam Resale",
                                              .country = "US"}),
                IsOk());
  });
  auto cli = Client();
  auto res = cli.Get("/v1/profiles/mpn?mpnId=4700009", As("provider"));
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(json::parse(res->body)["partnerName"], "Fabrikam Resale");
  res = cli.Get("/v1/profiles/mpn?mpnId=123", As("provider"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  res = cli.Get("/v1/profiles/mpn?mpnId=abc", As("provider"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
}

}  // namespace
}  // namespace tiersim::mocks
