// SmtpServer over real sockets on 127.0.0.1 and ephemeral ports.
#include "mocks/mail/smtp_server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "mocks/common/base64.h"
#include "mocks/mail/mime_codec.h"
#include "tests/common/status_matchers.h"
#include "tests/mocks/mail/smtp_test_client.h"

namespace tiersim::mocks {
namespace {

using ::tiersim::testing::IsOk;

using std::chrono::milliseconds;
using testing::TempCertificate;
using testing::TestClient;

constexpr sim::SimTime kNow = sim::kDefaultEpoch;

SmtpServerOptions FastOptions() {
  return SmtpServerOptions{.read_timeout = milliseconds(300),
                           .idle_timeout = milliseconds(300)};
}

// Sends one message on an open, greeted connection; the code of the reply
// to the end of DATA.
int SendMessage(TestClient& client, const std::string& from,
                const std::string& to, const std::string& body) {
  client.Send("MAIL FROM:<" + from + ">\r\nRCPT TO:<" + to + ">\r\nDATA\r\n");
  if (client.ReadCode() != 250 || client.ReadCode() != 250 ||
      client.ReadCode() != 354) {
    return -1;
  }
  client.Send(body + ".\r\n");
  return client.ReadCode();
}

TEST(SmtpServerTest, DeliversIntoTheMailService) {
  MailService mail([] { return kNow; });
  SmtpServer server(FastOptions(), mail);
  ASSERT_THAT(server.Start(), IsOk());
  ASSERT_GT(server.port(), 0);
  TestClient client(server.port());
  ASSERT_TRUE(client.connected());
  EXPECT_EQ(client.ReadReply(), "220 mail.tiersim.test ESMTP tiersim\r\n");
  client.Send("EHLO client.test\r\n");
  EXPECT_NE(client.ReadReply().find("250 ENHANCEDSTATUSCODES"),
            std::string::npos);
  EXPECT_EQ(SendMessage(client, "ada@x.test", "bob@y.test",
                        "To: bob@y.test\r\nSubject: Hello\r\n\r\nHi Bob\r\n"),
            250);
  client.Send("QUIT\r\n");
  EXPECT_EQ(client.ReadCode(), 221);
  EXPECT_TRUE(client.ClosedByPeer());
  auto latest = mail.Latest("to:bob@y.test");
  ASSERT_THAT(latest, IsOk());
  EXPECT_EQ(latest->email.subject, "Hello");
  EXPECT_EQ(latest->email.text, "Hi Bob\n");
  EXPECT_EQ(latest->detail->envelope_from, "ada@x.test");
}

TEST(SmtpServerTest, PortInUseIsUnavailable) {
  MailService mail([] { return kNow; });
  SmtpServer first(FastOptions(), mail);
  ASSERT_THAT(first.Start(), IsOk());
  SmtpServerOptions same = FastOptions();
  same.port = first.port();
  SmtpServer second(same, mail);
  const sim::Status status = second.Start();
  EXPECT_EQ(status.code(), sim::ErrorCode::kUnavailable);
  EXPECT_NE(status.message().find(std::to_string(first.port())),
            std::string::npos);
  EXPECT_EQ(first.Start().code(), sim::ErrorCode::kFailedPrecondition);
  SmtpServerOptions bad_host = FastOptions();
  bad_host.host = "not an address";
  EXPECT_EQ(SmtpServer(bad_host, mail).Start().code(),
            sim::ErrorCode::kInvalidArgument);
}

TEST(SmtpServerTest, StopTellsConnectedClients421AndIsIdempotent) {
  MailService mail([] { return kNow; });
  SmtpServer server(SmtpServerOptions{}, mail);  // long timeouts
  ASSERT_THAT(server.Start(), IsOk());
  TestClient client(server.port());
  EXPECT_EQ(client.ReadCode(), 220);
  client.Send("EHLO c\r\n");
  EXPECT_EQ(client.ReadCode(), 250);
  const auto start = std::chrono::steady_clock::now();
  server.Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - start, milliseconds(1000));
  const std::string reply = client.ReadReply();
  EXPECT_EQ(reply.substr(0, 9), "421 4.3.2");
  EXPECT_TRUE(client.ClosedByPeer());
  server.Stop();
  TestClient late(server.port(), milliseconds(300));
  EXPECT_FALSE(late.connected());  // nothing listens any more
}

TEST(SmtpServerTest, SlowClientTimesOutWhileAnotherIsServed) {
  MailService mail([] { return kNow; });
  SmtpServer server(FastOptions(), mail);
  ASSERT_THAT(server.Start(), IsOk());
  TestClient slow(server.port());
  EXPECT_EQ(slow.ReadCode(), 220);
  slow.Send("EHLO c\r\nMAIL FROM:<a@x.test>\r\nRCPT TO:<b@x.test>\r\nDATA\r\n");
  EXPECT_EQ(slow.ReadCode(), 250);
  EXPECT_EQ(slow.ReadCode(), 250);
  EXPECT_EQ(slow.ReadCode(), 250);
  EXPECT_EQ(slow.ReadCode(), 354);
  slow.Send("Subject: half a mess");  // and then nothing

  TestClient quick(server.port());
  EXPECT_EQ(quick.ReadCode(), 220);
  quick.Send("HELO q\r\n");
  EXPECT_EQ(quick.ReadCode(), 250);
  EXPECT_EQ(SendMessage(quick, "q@x.test", "r@x.test", "\r\nquick\r\n"), 250);

  const auto start = std::chrono::steady_clock::now();
  const std::string reply = slow.ReadReply();
  EXPECT_EQ(reply.substr(0, 9), "421 4.4.2") << reply;
  EXPECT_TRUE(slow.ClosedByPeer());
  EXPECT_LT(std::chrono::steady_clock::now() - start, milliseconds(800));
  EXPECT_EQ(mail.size(), 1u);  // the half message was not delivered
}

TEST(SmtpServerTest, IdleClientIsDisconnected) {
  MailService mail([] { return kNow; });
  SmtpServerOptions options = FastOptions();
  options.idle_timeout = milliseconds(150);
  SmtpServer server(options, mail);
  ASSERT_THAT(server.Start(), IsOk());
  TestClient idle(server.port());
  EXPECT_EQ(idle.ReadCode(), 220);
  EXPECT_EQ(idle.ReadCode(), 421);
  EXPECT_TRUE(idle.ClosedByPeer());
}

TEST(SmtpServerTest, OversizedDataGets552AndTheConnectionGoesOn) {
  MailService mail([] { return kNow; });
  SmtpServerOptions options = FastOptions();
  options.max_message_bytes = 10000;
  SmtpServer server(options, mail);
  ASSERT_THAT(server.Start(), IsOk());
  TestClient client(server.port());
  EXPECT_EQ(client.ReadCode(), 220);
  client.Send("EHLO c\r\nMAIL FROM:<a@x.test> SIZE=20000\r\n");
  EXPECT_EQ(client.ReadCode(), 250);
  EXPECT_EQ(client.ReadCode(), 552);  // announced too big
  std::string big;
  for (int i = 0; i < 2000; ++i) big += std::string(98, 'x') + "\r\n";
  EXPECT_EQ(SendMessage(client, "a@x.test", "b@x.test", big), 552);
  EXPECT_EQ(SendMessage(client, "a@x.test", "b@x.test", "\r\nsmall\r\n"), 250);
  EXPECT_EQ(mail.size(), 1u);
}

TEST(SmtpServerTest, GarbageAndOverlongLinesGetRepliesAndOthersAreServed) {
  MailService mail([] { return kNow; });
  SmtpServerOptions options = FastOptions();
  options.max_errors = 5;
  SmtpServer server(options, mail);
  ASSERT_THAT(server.Start(), IsOk());
  TestClient garbage(server.port());
  EXPECT_EQ(garbage.ReadCode(), 220);
  garbage.Send(std::string("\x00\xff\xfe garbage\r\n", 13));
  EXPECT_EQ(garbage.ReadCode(), 500);
  garbage.Send(std::string(5000, 'G') + "\r\n");
  EXPECT_EQ(garbage.ReadCode(), 500);
  garbage.Send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(garbage.ReadCode(), 500);
  EXPECT_EQ(garbage.ReadCode(), 500);
  EXPECT_EQ(garbage.ReadCode(), 500);
  EXPECT_EQ(garbage.ReadCode(), 421);  // too many errors
  EXPECT_TRUE(garbage.ClosedByPeer());

  TestClient good(server.port());
  EXPECT_EQ(good.ReadCode(), 220);
  good.Send("HELO g\r\n");
  EXPECT_EQ(good.ReadCode(), 250);
  EXPECT_EQ(SendMessage(good, "a@x.test", "b@x.test", "\r\nfine\r\n"), 250);
}

TEST(SmtpServerTest, ManyClientsAtOnce) {
  MailService mail([] { return kNow; });
  SmtpServer server(FastOptions(), mail);
  ASSERT_THAT(server.Start(), IsOk());
  std::atomic<int> accepted{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < 8; ++c) {
    clients.emplace_back([&, c] {
      TestClient client(server.port());
      if (client.ReadCode() != 220) return;
      client.Send("EHLO c" + std::to_string(c) + "\r\n");
      if (client.ReadCode() != 250) return;
      for (int m = 0; m < 10; ++m) {
        const std::string to = "u" + std::to_string(c) + "@x.test";
        if (SendMessage(client, "a@x.test", to, "\r\nm\r\n") == 250) ++accepted;
      }
    });
  }
  for (std::thread& t : clients) t.join();
  EXPECT_EQ(accepted.load(), 80);
  EXPECT_EQ(mail.size(), 80u);
  EXPECT_EQ(mail.List("to:u3@x.test", 0, 100)->matched, 10u);
}

TEST(SmtpServerTest, ConnectionsOverTheLimitGet421) {
  MailService mail([] { return kNow; });
  SmtpServerOptions options = FastOptions();
  options.max_connections = 1;
  SmtpServer server(options, mail);
  ASSERT_THAT(server.Start(), IsOk());
  TestClient first(server.port());
  EXPECT_EQ(first.ReadCode(), 220);
  TestClient second(server.port());
  EXPECT_EQ(second.ReadReply().substr(0, 9), "421 4.3.2");
  EXPECT_TRUE(second.ClosedByPeer());
  first.Send("NOOP\r\n");
  EXPECT_EQ(first.ReadCode(), 250);
}

TEST(SmtpServerTest, TheReservedPortServesWhenEveryPublicSlotIsHeld) {
  MailService mail([] { return kNow; });
  SmtpServerOptions options = FastOptions();
  options.max_connections = 2;
  options.reserved_listener = true;
  SmtpServer server(options, mail);
  ASSERT_THAT(server.Start(), IsOk());
  ASSERT_NE(server.reserved_port(), 0);
  ASSERT_NE(server.reserved_port(), server.port());
  TestClient a(server.port());
  EXPECT_EQ(a.ReadCode(), 220);
  TestClient b(server.port());
  EXPECT_EQ(b.ReadCode(), 220);
  TestClient refused(server.port());
  EXPECT_EQ(refused.ReadReply().substr(0, 9), "421 4.3.2");
  // The core's sender: still served, and not counted against the limit.
  TestClient core(server.reserved_port());
  EXPECT_EQ(core.ReadCode(), 220);
  core.Send("NOOP\r\n");
  EXPECT_EQ(core.ReadCode(), 250);
  TestClient also_refused(server.port());
  EXPECT_EQ(also_refused.ReadReply().substr(0, 9), "421 4.3.2");
}

TEST(SmtpServerTest, StartTlsThenAuthThenMail) {
  TempCertificate cert;
  std::mutex mutex;
  std::vector<SmtpEnvelope> envelopes;
  SmtpServerOptions options = FastOptions();
  options.tls = SmtpTlsFiles{cert.cert_path(), cert.key_path()};
  options.users = {{"ada", "s3cret"}};
  options.require_auth = true;
  SmtpServer server(options, [&](const SmtpEnvelope& e, std::string) {
    std::lock_guard lock(mutex);
    envelopes.push_back(e);
    return SmtpReply{250, "2.0.0 Ok"};
  });
  ASSERT_THAT(server.Start(), IsOk());
  TestClient client(server.port());
  EXPECT_EQ(client.ReadCode(), 220);
  client.Send("EHLO c\r\n");
  EXPECT_NE(client.ReadReply().find("250-STARTTLS"), std::string::npos);
  client.Send("STARTTLS\r\n");
  EXPECT_EQ(client.ReadCode(), 220);
  ASSERT_TRUE(client.StartTls());
  client.Send("EHLO c\r\n");
  const std::string ehlo = client.ReadReply();
  EXPECT_EQ(ehlo.find("STARTTLS"), std::string::npos);
  EXPECT_NE(ehlo.find("AUTH PLAIN LOGIN"), std::string::npos);
  client.Send("MAIL FROM:<a@x.test>\r\n");
  EXPECT_EQ(client.ReadCode(), 530);
  client.Send("AUTH PLAIN " + Base64Encode(std::string("\0ada\0s3cret", 11)) +
              "\r\n");
  EXPECT_EQ(client.ReadCode(), 235);
  EXPECT_EQ(SendMessage(client, "a@x.test", "b@x.test", "\r\nsecret\r\n"), 250);
  std::lock_guard lock(mutex);
  ASSERT_EQ(envelopes.size(), 1u);
  EXPECT_TRUE(envelopes[0].tls);
  EXPECT_EQ(envelopes[0].auth_user, "ada");
}

TEST(SmtpServerTest, FailedTlsHandshakeClosesOnlyThatConnection) {
  TempCertificate cert;
  MailService mail([] { return kNow; });
  SmtpServerOptions options = FastOptions();
  options.tls = SmtpTlsFiles{cert.cert_path(), cert.key_path()};
  SmtpServer server(options, mail);
  ASSERT_THAT(server.Start(), IsOk());
  TestClient client(server.port());
  EXPECT_EQ(client.ReadCode(), 220);
  client.Send("EHLO c\r\nSTARTTLS\r\n");
  EXPECT_EQ(client.ReadCode(), 250);
  EXPECT_EQ(client.ReadCode(), 220);
  client.Send("this is not a TLS client hello\r\n");
  EXPECT_TRUE(client.ClosedByPeer());
  TestClient other(server.port());
  EXPECT_EQ(other.ReadCode(), 220);
}

TEST(SmtpServerTest, MissingTlsFilesAreUnavailable) {
  MailService mail([] { return kNow; });
  SmtpServerOptions options = FastOptions();
  options.tls = SmtpTlsFiles{"/nonexistent/cert.pem", "/nonexistent/key.pem"};
  SmtpServer server(options, mail);
  const sim::Status status = server.Start();
  EXPECT_EQ(status.code(), sim::ErrorCode::kUnavailable);
  EXPECT_NE(status.message().find("/nonexistent/cert.pem"), std::string::npos);
}

}  // namespace
}  // namespace tiersim::mocks
