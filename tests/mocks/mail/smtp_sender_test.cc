// SmtpSender against a real SmtpServer in the same process.
#include "mocks/mail/smtp_sender.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "mocks/mail/mail_service.h"
#include "mocks/mail/smtp_server.h"
#include "mocks/memory/memory_mail_store.h"
#include "sim/links.h"
#include "tests/common/status_matchers.h"

namespace tiersim::mocks {
namespace {

using ::tiersim::testing::IsOk;

using std::chrono::milliseconds;

sim::Email Email(std::vector<std::string> to, std::string subject) {
  sim::Email email;
  email.from = "partnercenter@microsoft.tiersim.test";
  email.to = std::move(to);
  email.subject = std::move(subject);
  email.text = "Follow https://pc.tiersim.test/invitations/abc?token=t1\n";
  email.links = sim::ExtractLinks(email.text);
  email.kind = "partnership-invitation";
  email.sent_at = sim::kDefaultEpoch + std::chrono::seconds(7);
  return email;
}

class SmtpSenderTest : public ::testing::Test {
 protected:
  void StartServer(SmtpServerOptions options = {}) {
    options.read_timeout = milliseconds(500);
    if (options.idle_timeout == std::chrono::minutes(5)) {
      options.idle_timeout = milliseconds(2000);
    }
    server_ = std::make_unique<SmtpServer>(std::move(options), mail_);
    ASSERT_THAT(server_->Start(), IsOk());
  }
  SmtpSenderOptions SenderOptions() {
    return SmtpSenderOptions{.port = server_->port(),
                             .timeout = milliseconds(1000)};
  }

  MailService mail_{[] { return sim::kDefaultEpoch; }};
  std::unique_ptr<SmtpServer> server_;
};

TEST_F(SmtpSenderTest, ReusesOneConnectionForManyMessages) {
  StartServer();
  SmtpSender sender(SenderOptions());
  for (int i = 0; i < 5; ++i) {
    const sim::Status status =
        sender.Send(Email({"ada@contoso.test"}, "m" + std::to_string(i)));
    ASSERT_THAT(status, IsOk());
  }
  EXPECT_EQ(sender.connections_opened(), 1u);
  EXPECT_EQ(mail_.size(), 5u);
  const StoredMessage latest = *mail_.Latest("to:ada@contoso.test");
  const sim::Email expected = Email({"ada@contoso.test"}, "m4");
  EXPECT_EQ(latest.email.subject, expected.subject);
  EXPECT_EQ(latest.email.from, expected.from);
  EXPECT_EQ(latest.email.text, expected.text);
  EXPECT_EQ(latest.email.links, expected.links);
  EXPECT_EQ(latest.email.kind, expected.kind);
  EXPECT_EQ(latest.email.sent_at, expected.sent_at);
}

TEST_F(SmtpSenderTest, ReconnectsAfterTheServerDroppedTheIdleConnection) {
  SmtpServerOptions options;
  options.idle_timeout = milliseconds(100);
  StartServer(options);
  SmtpSender sender(SenderOptions());
  ASSERT_THAT(sender.Send(Email({"ada@contoso.test"}, "one")), IsOk());
  // Until the server has dropped the idle connection (it says 421): a
  // wait on that condition, bounded, not a guess at how long it takes.
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (server_->connections() > 0 &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(milliseconds(5));
  }
  ASSERT_EQ(server_->connections(), 0u);
  const sim::Status second = sender.Send(Email({"ada@contoso.test"}, "two"));
  ASSERT_THAT(second, IsOk());
  EXPECT_EQ(sender.connections_opened(), 2u);
  EXPECT_EQ(mail_.size(), 2u);
}

TEST_F(SmtpSenderTest, RefusalIsUnavailableAndTheNextMessageGoesThrough) {
  SmtpServerOptions options;
  options.max_recipients = 1;
  StartServer(options);
  SmtpSender sender(SenderOptions());
  const sim::Status refused =
      sender.Send(Email({"ada@contoso.test", "bob@fabrikam.test"}, "two"));
  EXPECT_EQ(refused.code(), sim::ErrorCode::kUnavailable);
  EXPECT_NE(refused.message().find("452"), std::string::npos)
      << refused.message();
  EXPECT_NE(refused.message().find("RCPT TO:<bob@fabrikam.test>"),
            std::string::npos);
  EXPECT_EQ(mail_.size(), 0u);  // nobody got half a message
  EXPECT_THAT(sender.Send(Email({"ada@contoso.test"}, "one")), IsOk());
  EXPECT_EQ(mail_.size(), 1u);
}

TEST_F(SmtpSenderTest, MessageOverTheServersSizeIsRefusedBeforeSending) {
  SmtpServerOptions options;
  options.max_message_bytes = 500;
  StartServer(options);
  SmtpSender sender(SenderOptions());
  sim::Email big = Email({"ada@contoso.test"}, "big");
  big.text = std::string(2000, 'b');
  const sim::Status status = sender.Send(big);
  EXPECT_EQ(status.code(), sim::ErrorCode::kUnavailable);
  EXPECT_NE(status.message().find("SIZE"), std::string::npos);
  EXPECT_EQ(mail_.size(), 0u);
}

TEST_F(SmtpSenderTest, NoServerIsUnavailable) {
  StartServer();
  const int port = server_->port();
  server_->Stop();
  SmtpSender sender(
      SmtpSenderOptions{.port = port, .timeout = milliseconds(500)});
  const auto start = std::chrono::steady_clock::now();
  const sim::Status status = sender.Send(Email({"ada@contoso.test"}, "x"));
  EXPECT_EQ(status.code(), sim::ErrorCode::kUnavailable);
  EXPECT_NE(status.message().find(std::to_string(port)), std::string::npos);
  // Refused at once, not after the timeout.
  EXPECT_LT(std::chrono::steady_clock::now() - start, milliseconds(400));
}

TEST_F(SmtpSenderTest, BadAddressesAreRefusedLikeTheInMemoryStore) {
  StartServer();
  SmtpSender sender(SenderOptions());
  MemoryMailStore store;
  for (const sim::Email& email :
       {Email({}, "nobody"), Email({"not-an-address"}, "bad to"), [] {
          sim::Email e = Email({"ada@contoso.test"}, "bad from");
          e.from = "noreply";
          return e;
        }()}) {
    const sim::Status over_smtp = sender.Send(email);
    const sim::Status in_memory = store.Send(email);
    EXPECT_EQ(over_smtp.code(), sim::ErrorCode::kInvalidArgument);
    EXPECT_EQ(over_smtp, in_memory);
  }
  EXPECT_EQ(sender.connections_opened(), 0u);
}

TEST_F(SmtpSenderTest, AuthenticatesWhenTheServerRequiresIt) {
  SmtpServerOptions options;
  options.users = {{"pc", "pw"}};
  options.require_auth = true;
  StartServer(options);
  SmtpSenderOptions good = SenderOptions();
  good.user = "pc";
  good.password = "pw";
  EXPECT_THAT(SmtpSender(good).Send(Email({"ada@contoso.test"}, "x")), IsOk());
  SmtpSenderOptions bad = good;
  bad.password = "wrong";
  const sim::Status refused =
      SmtpSender(bad).Send(Email({"ada@contoso.test"}, "x"));
  EXPECT_EQ(refused.code(), sim::ErrorCode::kUnavailable);
  EXPECT_NE(refused.message().find("535"), std::string::npos);
  const sim::Status anonymous =
      SmtpSender(SenderOptions()).Send(Email({"ada@contoso.test"}, "x"));
  EXPECT_NE(anonymous.message().find("530"), std::string::npos);
  EXPECT_EQ(mail_.size(), 1u);
}

}  // namespace
}  // namespace tiersim::mocks
