// The inputs that took `tiersim serve` down or shut it off (issue 10),
// replayed against every server of a served world over real sockets. Each
// must now be refused with a clear error, and every server must still
// answer afterwards.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <future>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "mocks/serve/served_world.h"
#include "tests/common/raw_http.h"
#include "tests/common/status_matchers.h"

namespace tiersim::mocks {
namespace {

using nlohmann::json;
using std::chrono::milliseconds;
using std::chrono::seconds;
using ::tiersim::testing::BodyOf;
using ::tiersim::testing::IsOk;
using ::tiersim::testing::RawConnection;
using ::tiersim::testing::StatusOf;

int PortOf(const std::string& url) {
  return std::stoi(url.substr(url.rfind(':') + 1));
}

class AttacksTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = std::make_unique<ServedWorld>(ServeOptions{});
    ASSERT_THAT(world_->Start(), IsOk());
  }
  static void TearDownTestSuite() { world_.reset(); }

  static int pc() { return PortOf(world_->partner_center_url()); }
  static int pmc() { return PortOf(world_->pmc_url()); }
  static int mail() { return PortOf(world_->mail_api_url()); }

  static std::string Exchange(int port, const std::string& request) {
    RawConnection c(port);
    c.Send(request);
    return c.ReadResponse(seconds(5)).value_or("");
  }
  static std::string Post(int port, const std::string& path,
                          const std::string& body,
                          const std::string& extra_headers = "") {
    return Exchange(port, "POST " + path + " HTTP/1.1\r\nHost: x\r\n" +
                              extra_headers +
                              "Content-Type: application/json\r\n"
                              "Content-Length: " +
                              std::to_string(body.size()) + "\r\n\r\n" + body);
  }

  static std::unique_ptr<httplib::SSLClient> Aad() {
    const std::string url = world_->aad_url();
    auto client =
        std::make_unique<httplib::SSLClient>("localhost", PortOf(url));
    client->set_ca_cert_path(world_->ca_file().c_str());
    client->enable_server_certificate_verification(true);
    return client;
  }

  // Every server still answers.
  static void ExpectAllAlive() {
    for (int port : {pc(), pmc(), mail()}) {
      const std::string res =
          Exchange(port, "GET /livez HTTP/1.1\r\nHost: x\r\n\r\n");
      EXPECT_EQ(StatusOf(res), 200) << "port " << port << ": " << res;
    }
    auto live = Aad()->Get("/livez");
    ASSERT_TRUE(live);
    EXPECT_EQ(live->status, 200);
  }

  static std::unique_ptr<ServedWorld> world_;
};

std::unique_ptr<ServedWorld> AttacksTest::world_;

TEST_F(AttacksTest, InvalidUtf8InAnUnknownPathIsA400OnEveryServer) {
  for (int port : {pc(), pmc(), mail()}) {
    const std::string res =
        Exchange(port, "GET /%FF HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(StatusOf(res), 400) << res;
    EXPECT_NE(BodyOf(res).find("UTF-8"), std::string::npos) << res;
  }
  auto aad = Aad()->Get("/%FF");
  ASSERT_TRUE(aad);
  EXPECT_EQ(aad->status, 400);
  EXPECT_EQ(json::parse(aad->body)["error"], "invalid_request");
  ExpectAllAlive();
}

TEST_F(AttacksTest, InvalidUtf8InAzureAdsClientRequestIdIsA400) {
  auto res =
      Aad()->Post("/organizations/oauth2/v2.0/token",
                  httplib::Headers{{"client-request-id", "\xFF\xFE"}},
                  "grant_type=password", "application/x-www-form-urlencoded");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  ExpectAllAlive();
}

TEST_F(AttacksTest, JsonNested40000DeepIsRefusedNotAStackOverflow) {
  const std::string deep = std::string(40000, '[') + std::string(40000, ']');
  const std::string deep_object =
      "{\"a\":" + std::string(40000, '[') + std::string(40000, ']') + "}";
  for (const std::string& path : {std::string("/v1/tiersim/enrollments"),
                                  std::string("/_tiersim/seed/partner")}) {
    for (const std::string& body : {deep, deep_object}) {
      const std::string res = Post(pc(), path, body);
      EXPECT_EQ(StatusOf(res), 400) << path << ": " << res;
      EXPECT_NE(BodyOf(res).find("nested deeper than 64"), std::string::npos)
          << res;
    }
  }
  ExpectAllAlive();
}

TEST_F(AttacksTest, DuplicateKeysAreRefusedEvenInAnotherCase) {
  const std::string res =
      Post(pc(), "/v1/tiersim/enrollments",
           R"({"program":"IndirectReseller","Program":"IndirectProvider"})");
  EXPECT_EQ(StatusOf(res), 400) << res;
  EXPECT_NE(BodyOf(res).find("twice"), std::string::npos) << res;
}

TEST_F(AttacksTest, PublicPostsHonourMsRequestId) {
  const std::string body = R"({"program":"indirect reseller"})";
  const std::string first =
      Post(pc(), "/v1/tiersim/enrollments", body, "MS-RequestId: enroll-1\r\n");
  ASSERT_EQ(StatusOf(first), 201) << first;
  const std::string again = Post(pc(), "/v1/tiersim/enrollments",
                                 "{ \"program\" : \"indirect reseller\" }",
                                 "MS-RequestId: enroll-1\r\n");
  EXPECT_EQ(StatusOf(again), 201);
  EXPECT_EQ(json::parse(BodyOf(again))["id"], json::parse(BodyOf(first))["id"]);
  const std::string other =
      Post(pc(), "/v1/tiersim/enrollments", body, "MS-RequestId: enroll-2\r\n");
  EXPECT_NE(json::parse(BodyOf(other))["id"], json::parse(BodyOf(first))["id"]);
}

TEST_F(AttacksTest, ACompressedBodyIs415AndCreatesNothing) {
  const std::string res =
      Post(pc(), "/v1/tiersim/enrollments", "\x1f\x8b\x08\x00",
           "Content-Encoding: gzip\r\n");
  EXPECT_EQ(StatusOf(res), 415) << res;
  const std::string counts =
      Exchange(pc(), "GET /_tiersim/counts HTTP/1.1\r\nHost: x\r\n\r\n");
  if (StatusOf(counts) == 200) {
    EXPECT_EQ(BodyOf(counts).find("\"enrollments\":1"), std::string::npos)
        << counts;
  }
}

TEST_F(AttacksTest, ManyRangesOnARawMailAreNotHonoured) {
  // A message over SMTP, then its raw text asked for in 2,700 ranges.
  RawConnection smtp(world_->smtp_port());
  ASSERT_TRUE(smtp.connected());
  std::string big;  // 512 KiB in lines of 78 (SMTP's line limit is 1000)
  while (big.size() < 512 * 1024) big += std::string(76, 'x') + "\r\n";
  // Each reply's last line is "NNN text"; "\r\n2" or "\r\n3" ends one.
  auto say = [&smtp](const std::string& line, const char* expect) {
    ASSERT_TRUE(smtp.Send(line));
    const auto reply = smtp.ReadUntil(std::string(expect) + " ");
    ASSERT_TRUE(reply) << "no " << expect << " after " << line;
    smtp.ReadUntil("\r\n");
  };
  ASSERT_TRUE(smtp.ReadUntil("\r\n"));  // greeting
  say("HELO attacker.test\r\n", "250");
  say("MAIL FROM:<a@attacker.test>\r\n", "250");
  say("RCPT TO:<victim@contoso.test>\r\n", "250");
  say("DATA\r\n", "354");
  say("Subject: big\r\n\r\n" + big + ".\r\n", "250");
  smtp.Send("QUIT\r\n");
  const std::string found = Exchange(
      mail(),
      "GET /api/v1/tiersim/wait?query=to:victim@contoso.test&timeout=5s "
      "HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_EQ(StatusOf(found), 200) << found;
  const std::string id = json::parse(BodyOf(found))["ID"];
  std::string ranges = "bytes=0-";
  for (int i = 0; i < 2700; ++i) ranges += ",0-";
  const std::size_t before = testing::ResidentKiB();
  const std::string res = Exchange(mail(), "GET /api/v1/message/" + id +
                                               "/raw HTTP/1.1\r\nHost: x\r\n"
                                               "Range: " +
                                               ranges + "\r\n\r\n");
  EXPECT_EQ(StatusOf(res), 200);
  EXPECT_LT(BodyOf(res).size(), 2 * big.size());
  EXPECT_LT(testing::ResidentKiB(),
            before + (testing::kUnderSanitizer ? 64 : 16) * 1024);
  ExpectAllAlive();
}

TEST_F(AttacksTest, ManyLongMailWaitsDoNotShutTheMailApi) {
  std::vector<std::unique_ptr<RawConnection>> waiting;
  for (int i = 0; i < 64; ++i) {
    waiting.push_back(std::make_unique<RawConnection>(mail()));
    waiting.back()->Send(
        "GET /api/v1/tiersim/wait?query=to:nobody@none.test&timeout=5s "
        "HTTP/1.1\r\nHost: x\r\n\r\n");
  }
  const auto start = std::chrono::steady_clock::now();
  const std::string list =
      Exchange(mail(), "GET /api/v1/messages HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(StatusOf(list), 200);
  EXPECT_LT(std::chrono::steady_clock::now() - start, seconds(1));
}

TEST(ServedWorldStopTest, StopsPromptlyWithASlowClientAttached) {
  ServedWorld world{ServeOptions{}};
  ASSERT_THAT(world.Start(), IsOk());
  RawConnection slow(PortOf(world.partner_center_url()));
  slow.Send("GET /livez HTTP/1.1\r\nX-Slow: ");
  RawConnection waiting(PortOf(world.mail_api_url()));
  waiting.Send(
      "GET /api/v1/tiersim/wait?query=to:x@y.test&timeout=60s HTTP/1.1\r\n"
      "\r\n");
  const auto start = std::chrono::steady_clock::now();
  world.Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - start, seconds(2));
  EXPECT_TRUE(slow.WaitForClose(seconds(1)));
}

}  // namespace
}  // namespace tiersim::mocks
