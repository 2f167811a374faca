// The whole served path: SmtpSender -> SmtpServer -> MailService -> the
// Mailpit-shaped HTTP API, read with httplib::Client.
#include "mocks/mail/mailpit_api.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <future>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "mocks/http/http_server.h"
#include "mocks/mail/smtp_sender.h"
#include "mocks/mail/smtp_server.h"
#include "sim/links.h"
#include "tests/common/status_matchers.h"

namespace tiersim::mocks {
namespace {

using ::tiersim::testing::IsOk;

using nlohmann::json;
using std::chrono::milliseconds;

sim::Email Email(std::string to, std::string subject, std::string kind,
                 int second) {
  sim::Email email;
  email.from = "partnercenter@microsoft.tiersim.test";
  email.to = {std::move(to)};
  email.subject = std::move(subject);
  email.text =
      "Hello,\n\naccept: https://partnercenter.tiersim.test/invitations/"
      "0123abcd?token=T0K%2BEN&x=1\nor see https://x.test/help.\n";
  email.links = sim::ExtractLinks(email.text);
  email.kind = std::move(kind);
  email.sent_at = sim::kDefaultEpoch + std::chrono::seconds(second);
  return email;
}

class MailpitApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_THAT(smtp_.Start(), IsOk());
    AddMailpitRoutes(http_, mail_);
    ASSERT_THAT(http_.Start(), IsOk());
    sender_ = std::make_unique<SmtpSender>(
        SmtpSenderOptions{.port = smtp_.port(), .timeout = milliseconds(2000)});
  }

  void Send(const sim::Email& email) {
    const sim::Status status = sender_->Send(email);
    ASSERT_THAT(status, IsOk());
  }

  MailService mail_{[] { return sim::kDefaultEpoch; }};
  SmtpServer smtp_{SmtpServerOptions{}, mail_};
  HttpServer http_{"mail",
                   HttpServerOptions{.threads = 4, .max_body_bytes = 4096}};
  std::unique_ptr<SmtpSender> sender_;
};

TEST_F(MailpitApiTest, SentMessagesComeOutWithTheSameFields) {
  const sim::Email first = Email("ada@contoso.test", "Welcome", "welcome", 1);
  const sim::Email second =
      Email("Ada Lovelace <ada@contoso.test>",
            "Invitation from Contoso \xE2\x80\x94 please accept",
            "partnership-invitation", 2);
  Send(first);
  Send(second);
  httplib::Client c(http_.url());
  const auto list = c.Get("/api/v1/messages");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200);
  const json page = json::parse(list->body);
  EXPECT_EQ(page["total"], 2);
  EXPECT_EQ(page["unread"], 2);
  EXPECT_EQ(page["count"], 2);
  EXPECT_EQ(page["messages_count"], 2);
  EXPECT_EQ(page["start"], 0);
  ASSERT_EQ(page["messages"].size(), 2u);
  const json& summary = page["messages"][0];  // newest first
  EXPECT_EQ(summary["ID"], "2");
  EXPECT_EQ(summary["Subject"], second.subject);
  EXPECT_EQ(summary["Kind"], second.kind);
  EXPECT_EQ(summary["From"]["Address"], "partnercenter@microsoft.tiersim.test");
  EXPECT_EQ(summary["To"][0]["Name"], "Ada Lovelace");
  EXPECT_EQ(summary["To"][0]["Address"], "ada@contoso.test");
  EXPECT_EQ(summary["Created"], sim::FormatSimTime(second.sent_at));
  EXPECT_EQ(summary["Read"], false);
  EXPECT_FALSE(summary.contains("Text"));  // summaries, not bodies
  EXPECT_EQ(summary["Snippet"].get<std::string>().substr(0, 15),
            "Hello, accept: ");

  const auto full = c.Get("/api/v1/message/2");
  ASSERT_TRUE(full);
  ASSERT_EQ(full->status, 200);
  const json message = json::parse(full->body);
  EXPECT_EQ(message["Text"], second.text);
  EXPECT_EQ(message["Subject"], second.subject);
  EXPECT_EQ(message["Kind"], second.kind);
  EXPECT_EQ(message["SentAt"], second.sent_at.time_since_epoch().count());
  EXPECT_EQ(message["ReturnPath"], "partnercenter@microsoft.tiersim.test");
  EXPECT_EQ(message["Read"], true);  // reading marks it read
  EXPECT_EQ(json::parse(c.Get("/api/v1/messages")->body)["unread"], 1);

  const json links =
      json::parse(c.Get("/api/v1/message/2/tiersim/links")->body);
  ASSERT_EQ(links["Links"].size(), second.links.size());
  EXPECT_EQ(links["Links"][0]["URL"], second.links[0]);
  EXPECT_EQ(links["Links"][0]["Token"], "T0K+EN");
  EXPECT_EQ(links["Links"][0]["PathToken"], "0123abcd");
  EXPECT_EQ(links["Links"][1]["URL"], "https://x.test/help");
  EXPECT_TRUE(links["Links"][1]["Token"].is_null());

  const auto raw = c.Get("/api/v1/message/1/raw");
  ASSERT_TRUE(raw);
  EXPECT_NE(raw->body.find("X-Tiersim-Kind: welcome\r\n"), std::string::npos);
  const json headers = json::parse(c.Get("/api/v1/message/1/headers")->body);
  EXPECT_EQ(headers["Subject"][0], "Welcome");
}

TEST_F(MailpitApiTest, SearchPagingAndLatest) {
  for (int i = 1; i <= 5; ++i) {
    Send(Email("ada@contoso.test", "order " + std::to_string(i),
               i % 2 == 0 ? "order-confirmation" : "notice", i));
  }
  Send(Email("bob@fabrikam.test", "order 6", "notice", 6));
  httplib::Client c(http_.url());
  const json page = json::parse(
      c.Get("/api/v1/search?query=to%3Aada%40contoso.test&start=1&limit=2")
          ->body);
  EXPECT_EQ(page["total"], 6);
  EXPECT_EQ(page["messages_count"], 5);
  EXPECT_EQ(page["count"], 2);
  EXPECT_EQ(page["start"], 1);
  EXPECT_EQ(page["messages"][0]["Subject"], "order 4");
  EXPECT_EQ(page["messages"][1]["Subject"], "order 3");
  const json kinds = json::parse(
      c.Get("/api/v1/search?query=kind%3Aorder-confirmation")->body);
  EXPECT_EQ(kinds["messages_count"], 2);
  const json dated = json::parse(
      c.Get("/api/v1/search?query=before%3A2026-01-01T00%3A00%3A02Z")->body);
  EXPECT_EQ(dated["messages_count"], 2);
  const json latest = json::parse(
      c.Get("/api/v1/message/latest?query=to%3Aada%40contoso.test")->body);
  EXPECT_EQ(latest["Subject"], "order 5");
  EXPECT_EQ(json::parse(c.Get("/api/v1/message/latest")->body)["Subject"],
            "order 6");
  const auto none = c.Get("/api/v1/message/latest?query=kind%3Anope");
  EXPECT_EQ(none->status, 404);
}

TEST_F(MailpitApiTest, ReadFlagsAndDeletes) {
  for (int i = 1; i <= 4; ++i) {
    Send(Email(i <= 2 ? "ada@contoso.test" : "bob@fabrikam.test",
               "m" + std::to_string(i), "notice", i));
  }
  httplib::Client c(http_.url());
  auto put = c.Put("/api/v1/messages", R"({"IDs":["1","3"],"Read":true})",
                   "application/json");
  ASSERT_EQ(put->status, 200);
  EXPECT_EQ(json::parse(put->body)["count"], 2);
  EXPECT_EQ(
      json::parse(
          c.Get("/api/v1/search?query=is%3Aunread")->body)["messages_count"],
      2);
  auto by_query = c.Delete("/api/v1/search?query=to%3Abob%40fabrikam.test");
  ASSERT_EQ(by_query->status, 200);
  EXPECT_EQ(json::parse(by_query->body)["count"], 2);
  auto by_id =
      c.Delete("/api/v1/messages", R"({"IDs":[1]})", "application/json");
  ASSERT_EQ(by_id->status, 200);
  const json left = json::parse(c.Get("/api/v1/messages")->body);
  EXPECT_EQ(left["total"], 1);
  EXPECT_EQ(left["messages"][0]["ID"], "2");
  ASSERT_EQ(c.Delete("/api/v1/messages")->status, 200);
  EXPECT_EQ(json::parse(c.Get("/api/v1/messages")->body)["total"], 0);
}

TEST_F(MailpitApiTest, WaitUnblocksWhenAMessageArrives) {
  std::future<httplib::Result> waiting = std::async(std::launch::async, [&] {
    httplib::Client c(http_.url());
    c.set_read_timeout(5, 0);
    return c.Get(
        "/api/v1/tiersim/wait?query=to%3Aada%40contoso.test&timeout=5s");
  });
  std::this_thread::sleep_for(milliseconds(100));
  Send(Email("bob@fabrikam.test", "not for ada", "notice", 1));
  Send(Email("ada@contoso.test", "for ada", "notice", 2));
  const httplib::Result res = waiting.get();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(json::parse(res->body)["Subject"], "for ada");
}

TEST_F(MailpitApiTest, WaitTimesOutWith408) {
  httplib::Client c(http_.url());
  const auto start = std::chrono::steady_clock::now();
  const auto res = c.Get(
      "/api/v1/tiersim/wait?query=to%3Anobody%40x.test"
      "&timeout=150ms");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 408);
  EXPECT_GE(std::chrono::steady_clock::now() - start, milliseconds(150));
  const json error = json::parse(res->body);
  EXPECT_EQ(error["code"], "NotFound");
  EXPECT_NE(error["description"].get<std::string>().find("to:nobody@x.test"),
            std::string::npos);
  EXPECT_EQ(c.Get("/api/v1/tiersim/wait?timeout=forever")->status, 400);
  EXPECT_EQ(c.Get("/api/v1/tiersim/wait?timeout=2m")->status, 400);
}

TEST_F(MailpitApiTest, InvalidUtf8FromAClientIsReplacedNotFatal) {
  // 8-bit Latin-1 without a charset, as old clients send it.
  ASSERT_THAT(mail_.Deliver("a@x.test", {"b@x.test"},
                            "Subject: caf\xE9\r\n\r\nna\xEFve\r\n"),
              IsOk());
  httplib::Client c(http_.url());
  const auto list = c.Get("/api/v1/messages");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200);
  EXPECT_EQ(json::parse(list->body)["messages"][0]["Subject"],
            "caf\xEF\xBF\xBD");  // U+FFFD
  const auto full = c.Get("/api/v1/message/1");
  ASSERT_EQ(full->status, 200);
  EXPECT_EQ(json::parse(full->body)["Text"], "na\xEF\xBF\xBDve\n");
}

TEST_F(MailpitApiTest, ErrorsAreJson) {
  Send(Email("ada@contoso.test", "x", "notice", 1));
  httplib::Client c(http_.url());
  const auto expect_error = [](const httplib::Result& res, int status,
                               const std::string& code) {
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, status) << res->body;
    const json body = json::parse(res->body, nullptr, false);
    ASSERT_TRUE(body.is_object()) << res->body;
    EXPECT_EQ(body["code"], code) << res->body;
    EXPECT_FALSE(body["description"].get<std::string>().empty());
  };
  expect_error(c.Get("/api/v1/message/99"), 404, "NotFound");
  expect_error(c.Get("/api/v1/message/abc/raw"), 404, "NotFound");
  expect_error(c.Get("/api/v1/nothing/here"), 404, "NotFound");
  expect_error(c.Get("/api/v1/messages?start=-1"), 400, "InvalidArgument");
  expect_error(c.Get("/api/v1/messages?limit=ten"), 400, "InvalidArgument");
  expect_error(c.Get("/api/v1/search?query=is%3Astarred"), 400,
               "InvalidArgument");
  expect_error(c.Get("/api/v1/search"), 400, "InvalidArgument");
  expect_error(c.Put("/api/v1/messages", "{not json", "application/json"), 400,
               "InvalidArgument");
  expect_error(
      c.Put("/api/v1/messages", R"({"IDs":["1"]})", "application/json"), 400,
      "InvalidArgument");  // Read is required
  expect_error(
      c.Delete("/api/v1/messages", R"({"Ids":["1"]})", "application/json"), 400,
      "InvalidArgument");  // unknown field
  expect_error(
      c.Put("/api/v1/messages", std::string(5000, ' '), "application/json"),
      413, "InvalidArgument");
  EXPECT_EQ(mail_.size(), 1u);
}

}  // namespace
}  // namespace tiersim::mocks
