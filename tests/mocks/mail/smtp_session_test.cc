#include "mocks/mail/smtp_session.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "mocks/common/base64.h"
#include "mocks/mail/mime_codec.h"
#include "sim/rng.h"

namespace tiersim::mocks {
namespace {

struct Delivered {
  SmtpEnvelope envelope;
  std::string message;
};

// One session with its options, the messages it delivered and all the
// replies it wrote.
class Harness {
 public:
  explicit Harness(SmtpSessionOptions options = {})
      : options_(std::move(options)),
        session_(options_, [this](const SmtpEnvelope& e, std::string m) {
          delivered.push_back({e, std::move(m)});
          return next_reply;
        }) {
    session_.Start();
    Take();
  }

  // Feeds `input` and returns the replies it produced.
  std::string Feed(std::string_view input) {
    session_.Feed(input);
    return Take();
  }
  // The codes of the complete replies in `output` (multi-line replies once).
  static std::vector<int> Codes(std::string_view output) {
    std::vector<int> codes;
    std::size_t pos = 0;
    while (pos < output.size()) {
      const std::size_t eol = output.find("\r\n", pos);
      const std::string_view line = output.substr(pos, eol - pos);
      if (line.size() >= 3 && (line.size() == 3 || line[3] == ' ')) {
        codes.push_back(std::stoi(std::string(line.substr(0, 3))));
      }
      if (eol == std::string_view::npos) break;
      pos = eol + 2;
    }
    return codes;
  }
  std::vector<int> FeedCodes(std::string_view input) {
    return Codes(Feed(input));
  }
  SmtpSession& session() { return session_; }

  std::vector<Delivered> delivered;
  SmtpReply next_reply{250, "2.0.0 Ok: queued"};

 private:
  std::string Take() {
    std::string out = std::move(session_.output());
    session_.output().clear();
    return out;
  }

  SmtpSessionOptions options_;
  SmtpSession session_;
};

using Codes = std::vector<int>;

TEST(SmtpSessionTest, GreetsAndAnnouncesExtensions) {
  SmtpSessionOptions options{.hostname = "mx.test", .max_message_bytes = 2048};
  SmtpSession session(
      options, [](const SmtpEnvelope&, std::string) { return SmtpReply{}; });
  session.Start();
  EXPECT_EQ(session.output(), "220 mx.test ESMTP tiersim\r\n");
  session.output().clear();
  session.Feed("EHLO client.test\r\n");
  EXPECT_EQ(session.output(),
            "250-mx.test\r\n250-PIPELINING\r\n250-SIZE 2048\r\n"
            "250-8BITMIME\r\n250-SMTPUTF8\r\n250 ENHANCEDSTATUSCODES\r\n");
  session.output().clear();
  session.Feed("HELO client.test\r\n");
  EXPECT_EQ(session.output(), "250 mx.test\r\n");
}

TEST(SmtpSessionTest, DeliversAMessageWithItsEnvelope) {
  Harness h;
  EXPECT_EQ(h.FeedCodes("EHLO c.test\r\n"), Codes{250});
  EXPECT_EQ(h.FeedCodes("MAIL FROM:<ada@x.test> SIZE=100 BODY=8BITMIME\r\n"),
            Codes{250});
  EXPECT_EQ(h.FeedCodes("RCPT TO:<bob@y.test>\r\n"), Codes{250});
  EXPECT_EQ(h.FeedCodes("RCPT TO:<eve@y.test>\r\n"), Codes{250});
  EXPECT_EQ(h.FeedCodes("DATA\r\n"), Codes{354});
  EXPECT_EQ(h.FeedCodes("Subject: hi\r\n\r\nbody\r\n.\r\n"), Codes{250});
  ASSERT_EQ(h.delivered.size(), 1u);
  const SmtpEnvelope& e = h.delivered[0].envelope;
  EXPECT_EQ(e.helo, "c.test");
  EXPECT_EQ(e.mail_from, "ada@x.test");
  EXPECT_EQ(e.rcpt_to, (std::vector<std::string>{"bob@y.test", "eve@y.test"}));
  EXPECT_TRUE(e.eight_bit_mime);
  EXPECT_EQ(e.declared_size, 100u);
  EXPECT_EQ(h.delivered[0].message, "Subject: hi\r\n\r\nbody\r\n");
  EXPECT_EQ(h.session().messages_accepted(), 1u);
  EXPECT_EQ(h.FeedCodes("QUIT\r\n"), Codes{221});
  EXPECT_TRUE(h.session().closed());
  EXPECT_EQ(h.FeedCodes("NOOP\r\n"), Codes{});  // nothing after QUIT
}

TEST(SmtpSessionTest, NullSenderAndPostmasterAreAccepted) {
  Harness h;
  EXPECT_EQ(h.FeedCodes("HELO c\r\nMAIL FROM:<>\r\nRCPT TO:<Postmaster>\r\n"),
            (Codes{250, 250, 250}));
}

TEST(SmtpSessionTest, DotsAreUnstuffedAndOnlyCrlfDotCrlfEnds) {
  Harness h;
  h.Feed("EHLO c\r\nMAIL FROM:<a@x.test>\r\nRCPT TO:<b@x.test>\r\nDATA\r\n");
  // "..x" is unstuffed, ".\n" (bare LF) is not the end, nor is "x.\r\n".
  EXPECT_EQ(h.FeedCodes("..x\r\n.\nx.\r\n\r\n.\r\n"), Codes{250});
  ASSERT_EQ(h.delivered.size(), 1u);
  EXPECT_EQ(h.delivered[0].message, ".x\r\n\nx.\r\n\r\n");
}

TEST(SmtpSessionTest, BareLfDotDoesNotEndData) {
  // SMTP smuggling: "\n.\r\n" after a bare LF is data.
  Harness h;
  h.Feed("EHLO c\r\nMAIL FROM:<a@x.test>\r\nRCPT TO:<b@x.test>\r\nDATA\r\n");
  EXPECT_EQ(h.FeedCodes("a\n.\r\nMAIL FROM:<evil@x.test>\r\n"), Codes{});
  EXPECT_EQ(h.FeedCodes(".\r\n"), Codes{250});
  ASSERT_EQ(h.delivered.size(), 1u);
  EXPECT_EQ(h.delivered[0].message, "a\n\r\nMAIL FROM:<evil@x.test>\r\n");
}

TEST(SmtpSessionTest, PipelinedCommandsGetRepliesInOrder) {
  Harness h;
  const std::string output = h.Feed(
      "EHLO c\r\nMAIL FROM:<a@x.test>\r\nRCPT TO:<b@x.test>\r\n"
      "RCPT TO:<bad address>\r\nDATA\r\nhello\r\n.\r\n"
      "MAIL FROM:<a@x.test>\r\nRCPT TO:<c@x.test>\r\nDATA\r\nsecond\r\n.\r\n"
      "QUIT\r\n");
  EXPECT_EQ(Harness::Codes(output),
            (Codes{250, 250, 250, 501, 354, 250, 250, 250, 354, 250, 221}));
  ASSERT_EQ(h.delivered.size(), 2u);
  EXPECT_EQ(h.delivered[0].message, "hello\r\n");
  EXPECT_EQ(h.delivered[1].envelope.rcpt_to,
            std::vector<std::string>{"c@x.test"});
}

TEST(SmtpSessionTest, UnknownAndUnimplementedCommands) {
  Harness h;
  EXPECT_EQ(h.FeedCodes("FOO bar\r\n"), Codes{500});
  EXPECT_EQ(h.FeedCodes("\r\n"), Codes{500});
  EXPECT_EQ(h.FeedCodes("GET / HTTP/1.1\r\n"), Codes{500});
  EXPECT_EQ(h.FeedCodes("VRFY ada\r\n"), Codes{502});
  EXPECT_EQ(h.FeedCodes("EXPN list\r\n"), Codes{502});
  EXPECT_EQ(h.FeedCodes("BDAT 10 LAST\r\n"), Codes{502});
  EXPECT_EQ(h.FeedCodes("STARTTLS\r\n"), Codes{502});    // no certificate
  EXPECT_EQ(h.FeedCodes("AUTH PLAIN\r\n"), Codes{502});  // no users
  EXPECT_EQ(h.FeedCodes("HELP\r\n"), Codes{214});
  EXPECT_EQ(h.FeedCodes("NOOP anything\r\n"), Codes{250});
  EXPECT_EQ(h.FeedCodes("rset\r\n"), Codes{250});  // case-insensitive
}

TEST(SmtpSessionTest, SyntaxErrorsGet501) {
  Harness h;
  EXPECT_EQ(h.FeedCodes("EHLO\r\n"), Codes{501});
  EXPECT_EQ(h.FeedCodes("HELO\r\n"), Codes{501});
  h.Feed("EHLO c\r\n");
  EXPECT_EQ(h.FeedCodes("MAIL TO:<a@x.test>\r\n"), Codes{501});
  EXPECT_EQ(h.FeedCodes("MAIL FROM:<a@x.test\r\n"), Codes{501});
  EXPECT_EQ(h.FeedCodes("MAIL FROM:<not an address>\r\n"), Codes{501});
  EXPECT_EQ(h.FeedCodes("MAIL FROM:<a@-bad-.test>\r\n"), Codes{501});
  EXPECT_EQ(h.FeedCodes("MAIL FROM:<a@x.test> SIZE=abc\r\n"), Codes{501});
  EXPECT_EQ(h.FeedCodes("MAIL FROM:<a@x.test> BODY=BINARYMIME\r\n"),
            Codes{501});
  EXPECT_EQ(h.FeedCodes("MAIL FROM:<" + std::string(300, 'a') + "@x.test>\r\n"),
            Codes{501});
  EXPECT_EQ(h.FeedCodes("MAIL FROM:<a@x.test>\r\n"), Codes{250});
  EXPECT_EQ(h.FeedCodes("RCPT FROM:<b@x.test>\r\n"), Codes{501});
  EXPECT_EQ(h.FeedCodes("RCPT TO:<>\r\n"), Codes{501});
  EXPECT_EQ(h.FeedCodes("RCPT TO:<b@x.test>\r\n"), Codes{250});
  EXPECT_EQ(h.FeedCodes("DATA now\r\n"), Codes{501});
  EXPECT_EQ(h.FeedCodes("RSET now\r\n"), Codes{501});
}

TEST(SmtpSessionTest, UnknownParametersGet555) {
  Harness h;
  h.Feed("EHLO c\r\n");
  EXPECT_EQ(h.FeedCodes("MAIL FROM:<a@x.test> RET=FULL\r\n"), Codes{555});
  EXPECT_EQ(h.FeedCodes("MAIL FROM:<a@x.test> AUTH=<>\r\n"), Codes{250});
  EXPECT_EQ(h.FeedCodes("RCPT TO:<b@x.test> NOTIFY=NEVER\r\n"), Codes{555});
  Harness helo;
  helo.Feed("HELO c\r\n");  // no ESMTP parameters after HELO
  EXPECT_EQ(helo.FeedCodes("MAIL FROM:<a@x.test> SIZE=10\r\n"), Codes{555});
}

TEST(SmtpSessionTest, BadSequenceGets503And554) {
  Harness h;
  EXPECT_EQ(h.FeedCodes("MAIL FROM:<a@x.test>\r\n"), Codes{503});
  h.Feed("EHLO c\r\n");
  EXPECT_EQ(h.FeedCodes("RCPT TO:<b@x.test>\r\n"), Codes{503});
  EXPECT_EQ(h.FeedCodes("DATA\r\n"), Codes{503});
  EXPECT_EQ(h.FeedCodes("MAIL FROM:<a@x.test>\r\n"), Codes{250});
  EXPECT_EQ(h.FeedCodes("MAIL FROM:<a@x.test>\r\n"), Codes{503});  // nested
  EXPECT_EQ(h.FeedCodes("DATA\r\n"), Codes{554});  // no valid recipients
  EXPECT_EQ(h.FeedCodes("RSET\r\n"), Codes{250});
  EXPECT_EQ(h.FeedCodes("RCPT TO:<b@x.test>\r\n"), Codes{503});  // reset
  EXPECT_TRUE(h.delivered.empty());
}

TEST(SmtpSessionTest, DeliveryRefusalIsPassedOn) {
  Harness h;
  h.next_reply = {554, "5.6.0 Message rejected"};
  h.Feed("EHLO c\r\nMAIL FROM:<a@x.test>\r\nRCPT TO:<b@x.test>\r\n");
  const std::string out = h.Feed("DATA\r\nx\r\n.\r\n");
  EXPECT_NE(out.find("554 5.6.0 Message rejected\r\n"), std::string::npos);
  EXPECT_EQ(h.session().messages_accepted(), 0u);
}

TEST(SmtpSessionTest, TooManyRecipientsGets452) {
  Harness h(SmtpSessionOptions{.max_recipients = 2});
  EXPECT_EQ(h.FeedCodes("EHLO c\r\nMAIL FROM:<a@x.test>\r\nRCPT TO:<1@x.test>"
                        "\r\nRCPT TO:<2@x.test>\r\nRCPT TO:<3@x.test>\r\n"
                        "DATA\r\nx\r\n.\r\n"),
            (Codes{250, 250, 250, 250, 452, 354, 250}));
  EXPECT_EQ(h.delivered.at(0).envelope.rcpt_to.size(), 2u);
}

TEST(SmtpSessionTest, DeclaredSizeOverTheLimitGets552AtMail) {
  Harness h(SmtpSessionOptions{.max_message_bytes = 1000});
  h.Feed("EHLO c\r\n");
  EXPECT_EQ(h.FeedCodes("MAIL FROM:<a@x.test> SIZE=1001\r\n"), Codes{552});
  EXPECT_EQ(h.FeedCodes("MAIL FROM:<a@x.test> SIZE=1000\r\n"), Codes{250});
}

TEST(SmtpSessionTest, OversizedDataGets552WithoutBuffering) {
  Harness h(SmtpSessionOptions{.max_message_bytes = 1000});
  h.Feed("EHLO c\r\nMAIL FROM:<a@x.test>\r\nRCPT TO:<b@x.test>\r\nDATA\r\n");
  const std::string line(98, 'x');
  std::size_t most = 0;
  for (int i = 0; i < 10000; ++i) {  // 1 MB of 100-byte lines, in halves
    EXPECT_EQ(h.FeedCodes(line.substr(0, 50)), Codes{});
    most = std::max(most, h.session().buffered());
    EXPECT_EQ(h.FeedCodes(line.substr(50) + "\r\n"), Codes{});
    most = std::max(most, h.session().buffered());
  }
  EXPECT_LE(most, 1000u + 100u);  // never past the limit (+ one line)
  EXPECT_EQ(h.FeedCodes(".\r\n"), Codes{552});
  EXPECT_TRUE(h.delivered.empty());
  // The session goes on: the next message fits.
  EXPECT_EQ(h.FeedCodes("MAIL FROM:<a@x.test>\r\nRCPT TO:<b@x.test>\r\n"
                        "DATA\r\nsmall\r\n.\r\n"),
            (Codes{250, 250, 354, 250}));
  ASSERT_EQ(h.delivered.size(), 1u);
  EXPECT_EQ(h.delivered[0].message, "small\r\n");
}

TEST(SmtpSessionTest, ExactlyTheLimitIsAccepted) {
  Harness h(SmtpSessionOptions{.max_message_bytes = 10});
  h.Feed("EHLO c\r\nMAIL FROM:<a@x.test>\r\nRCPT TO:<b@x.test>\r\nDATA\r\n");
  EXPECT_EQ(h.FeedCodes("12345678\r\n.\r\n"), Codes{250});  // 10 bytes
  h.Feed("MAIL FROM:<a@x.test>\r\nRCPT TO:<b@x.test>\r\nDATA\r\n");
  EXPECT_EQ(h.FeedCodes("123456789\r\n.\r\n"), Codes{552});  // 11 bytes
}

TEST(SmtpSessionTest, OverlongCommandLineGets500AndIsNotBuffered) {
  Harness h;
  // 60 kB without a line end, fed in pieces: no reply yet, little held.
  for (int i = 0; i < 600; ++i) {
    EXPECT_EQ(h.FeedCodes(std::string(100, 'A')), Codes{});
    EXPECT_LE(h.session().buffered(), 512u);
  }
  EXPECT_EQ(h.FeedCodes("\r\n"), Codes{500});
  EXPECT_EQ(h.FeedCodes("NOOP " + std::string(505, 'x') + "\r\n"),
            Codes{250});  // 512 with CRLF: within the limit
  EXPECT_EQ(h.FeedCodes("NOOP " + std::string(506, 'x') + "\r\n"), Codes{500});
  EXPECT_EQ(h.FeedCodes("EHLO c\r\n"), Codes{250});  // still serving
}

TEST(SmtpSessionTest, OverlongTextLineGets500AtEndOfData) {
  Harness h;
  h.Feed("EHLO c\r\nMAIL FROM:<a@x.test>\r\nRCPT TO:<b@x.test>\r\nDATA\r\n");
  EXPECT_EQ(h.FeedCodes(std::string(998, 'x') + "\r\n"), Codes{});  // 1000
  EXPECT_EQ(h.FeedCodes(std::string(600, 'y')), Codes{});
  EXPECT_EQ(h.FeedCodes(std::string(600, 'y') + "\r\n.\r\n"), Codes{500});
  EXPECT_TRUE(h.delivered.empty());
  EXPECT_EQ(h.FeedCodes("NOOP\r\n"), Codes{250});
}

TEST(SmtpSessionTest, TooManyErrorsCloseWith421) {
  Harness h(SmtpSessionOptions{.max_errors = 3});
  EXPECT_EQ(h.FeedCodes("X\r\nY\r\nZ\r\nNOOP\r\n"),
            (Codes{500, 500, 500, 421}));
  EXPECT_TRUE(h.session().closed());
}

TEST(SmtpSessionTest, TimeoutAndShutdownReply421) {
  Harness h;
  h.Feed("EHLO c\r\nMAIL FROM:<a@x.test>\r\n");
  h.session().Timeout();
  EXPECT_EQ(Harness::Codes(h.session().output()), Codes{421});
  EXPECT_NE(h.session().output().find("4.4.2"), std::string::npos);
  EXPECT_TRUE(h.session().closed());
  Harness s;
  s.session().Shutdown();
  EXPECT_NE(s.session().output().find("421 4.3.2"), std::string::npos);
  EXPECT_TRUE(s.session().closed());
}

TEST(SmtpSessionTest, IdleTellsWhichTimeoutApplies) {
  Harness h;
  EXPECT_TRUE(h.session().idle());
  h.Feed("EHL");
  EXPECT_FALSE(h.session().idle());  // half a command
  h.Feed("O c\r\nMAIL FROM:<a@x.test>\r\nRCPT TO:<b@x.test>\r\n");
  EXPECT_TRUE(h.session().idle());
  h.Feed("DATA\r\n");
  EXPECT_FALSE(h.session().idle());  // a message under way
  h.Feed(".\r\n");
  EXPECT_TRUE(h.session().idle());
}

TEST(SmtpSessionTest, SmtpUtf8AllowsNonAsciiAddresses) {
  Harness h;
  h.Feed("EHLO c\r\n");
  EXPECT_EQ(h.FeedCodes("MAIL FROM:<j\xC3\xBCrgen@m\xC3\xBC"
                        "nchen.test>\r\n"),
            Codes{553});
  EXPECT_EQ(h.FeedCodes("MAIL FROM:<j\xC3\xBCrgen@x.test> SMTPUTF8\r\n"),
            Codes{250});
  EXPECT_EQ(h.FeedCodes("RCPT TO:<\xC3\xA5sa@x.test>\r\nDATA\r\n"
                        "Subject: \xC3\xA5\r\n\r\nok\r\n.\r\n"),
            (Codes{250, 354, 250}));
  ASSERT_EQ(h.delivered.size(), 1u);
  EXPECT_TRUE(h.delivered[0].envelope.smtputf8);
  EXPECT_EQ(h.delivered[0].envelope.rcpt_to[0], "\xC3\xA5sa@x.test");
}

SmtpSessionOptions TlsAuthOptions() {
  return SmtpSessionOptions{.hostname = "mx.test",
                            .starttls_available = true,
                            .users = {{"ada", "s3cret"}},
                            .require_auth = true};
}

TEST(SmtpSessionTest, StartTlsDiscardsPipelinedBytesAndResetsState) {
  Harness h(TlsAuthOptions());
  const std::string ehlo = h.Feed("EHLO c\r\n");
  EXPECT_NE(ehlo.find("250-STARTTLS\r\n"), std::string::npos);
  EXPECT_NE(ehlo.find("AUTH PLAIN LOGIN"), std::string::npos);
  // The command after STARTTLS in the same packet must not be run.
  EXPECT_EQ(h.FeedCodes("STARTTLS\r\nMAIL FROM:<a@x.test>\r\n"), Codes{220});
  EXPECT_TRUE(h.session().tls_requested());
  EXPECT_EQ(h.FeedCodes("NOOP\r\n"), Codes{});  // ignored until TLS is up
  h.session().TlsEstablished();
  EXPECT_TRUE(h.session().tls());
  EXPECT_EQ(h.FeedCodes("MAIL FROM:<a@x.test>\r\n"), Codes{503});  // EHLO again
  const std::string again = h.Feed("EHLO c\r\n");
  EXPECT_EQ(again.find("STARTTLS"), std::string::npos);
  EXPECT_EQ(h.FeedCodes("STARTTLS\r\n"), Codes{554});  // already active
  EXPECT_EQ(h.FeedCodes("STARTTLS now\r\n"), Codes{554});
}

TEST(SmtpSessionTest, StartTlsWithArgumentGets501) {
  Harness h(TlsAuthOptions());
  h.Feed("EHLO c\r\n");
  EXPECT_EQ(h.FeedCodes("STARTTLS please\r\n"), Codes{501});
  EXPECT_FALSE(h.session().tls_requested());
}

TEST(SmtpSessionTest, RequireAuthRefusesMailWith530) {
  Harness h(TlsAuthOptions());
  h.Feed("EHLO c\r\n");
  EXPECT_EQ(h.FeedCodes("MAIL FROM:<a@x.test>\r\n"), Codes{530});
}

TEST(SmtpSessionTest, AuthPlainWithInitialResponse) {
  Harness h(TlsAuthOptions());
  h.Feed("EHLO c\r\n");
  const std::string good = Base64Encode(std::string("\0ada\0s3cret", 11));
  const std::string bad = Base64Encode(std::string("\0ada\0wrong", 10));
  EXPECT_EQ(h.FeedCodes("AUTH PLAIN " + bad + "\r\n"), Codes{535});
  EXPECT_EQ(h.FeedCodes("AUTH PLAIN " + good + "\r\n"), Codes{235});
  EXPECT_EQ(h.FeedCodes("AUTH PLAIN " + good + "\r\n"), Codes{503});
  EXPECT_EQ(h.FeedCodes("MAIL FROM:<a@x.test>\r\nRCPT TO:<b@x.test>\r\n"
                        "DATA\r\nx\r\n.\r\n"),
            (Codes{250, 250, 354, 250}));
  EXPECT_EQ(h.delivered.at(0).envelope.auth_user, "ada");
}

TEST(SmtpSessionTest, AuthPlainWithChallengeAndAuthzid) {
  Harness h(TlsAuthOptions());
  h.Feed("EHLO c\r\n");
  EXPECT_EQ(h.Feed("AUTH PLAIN\r\n"), "334 \r\n");
  const std::string other = Base64Encode(std::string("eve\0ada\0s3cret", 14));
  EXPECT_EQ(h.FeedCodes(other + "\r\n"), Codes{535});  // authzid != authcid
  h.Feed("AUTH PLAIN\r\n");
  const std::string same = Base64Encode(std::string("ada\0ada\0s3cret", 14));
  EXPECT_EQ(h.FeedCodes(same + "\r\n"), Codes{235});
}

TEST(SmtpSessionTest, AuthLoginTwoSteps) {
  Harness h(TlsAuthOptions());
  h.Feed("EHLO c\r\n");
  EXPECT_EQ(h.Feed("AUTH LOGIN\r\n"), "334 VXNlcm5hbWU6\r\n");
  EXPECT_EQ(h.Feed(Base64Encode("ada") + "\r\n"), "334 UGFzc3dvcmQ6\r\n");
  EXPECT_EQ(h.FeedCodes(Base64Encode("s3cret") + "\r\n"), Codes{235});
  Harness initial(TlsAuthOptions());
  initial.Feed("EHLO c\r\n");
  EXPECT_EQ(initial.Feed("AUTH LOGIN " + Base64Encode("ada") + "\r\n"),
            "334 UGFzc3dvcmQ6\r\n");
  EXPECT_EQ(initial.FeedCodes(Base64Encode("nope") + "\r\n"), Codes{535});
}

TEST(SmtpSessionTest, AuthRefusals) {
  Harness h(TlsAuthOptions());
  EXPECT_EQ(h.FeedCodes("AUTH PLAIN\r\n"), Codes{503});  // before EHLO
  h.Feed("EHLO c\r\n");
  EXPECT_EQ(h.FeedCodes("AUTH\r\n"), Codes{501});
  EXPECT_EQ(h.FeedCodes("AUTH CRAM-MD5\r\n"), Codes{504});
  h.Feed("AUTH PLAIN\r\n");
  EXPECT_EQ(h.FeedCodes("*\r\n"), Codes{501});  // cancelled
  h.Feed("AUTH PLAIN\r\n");
  EXPECT_EQ(h.FeedCodes("not base64!\r\n"), Codes{501});
  EXPECT_EQ(h.FeedCodes("AUTH PLAIN " + Base64Encode("no-nuls") + "\r\n"),
            Codes{501});
}

// One transcript with every kind of command, refusal and message.
std::string Transcript() {
  std::string t =
      "EHLO client.test\r\nNOOP\r\nFOO\r\nMAIL FROM:<ada@x.test> SIZE=300\r\n"
      "RCPT TO:<bob@y.test>\r\nRCPT TO:<bad>\r\nRCPT TO:<eve@y.test>\r\n"
      "DATA\r\nSubject: one\r\n\r\n..dotted\r\nline\r\n.\r\n"
      "MAIL FROM:<ada@x.test>\r\nRCPT TO:<bob@y.test>\r\nDATA\r\n";
  for (int i = 0; i < 30; ++i) t += std::string(60, 'z') + "\r\n";  // > 1000
  t += ".\r\nRSET\r\nMAIL FROM:<>\r\nRCPT TO:<bob@y.test>\r\nDATA\r\n";
  t += std::string(1200, 'w') + "\r\n.\r\n";  // an over-long line
  t += "NOOP " + std::string(600, 'n') + "\r\n";
  t += "AUTH PLAIN\r\n" + Base64Encode(std::string("\0ada\0s3cret", 11)) +
       "\r\n";
  t += "MAIL FROM:<a@x.test>\r\nRCPT TO:<b@x.test>\r\nDATA\r\nlast\r\n.\r\n"
       "QUIT\r\n";
  return t;
}

SmtpSessionOptions TranscriptOptions() {
  return SmtpSessionOptions{.max_message_bytes = 1000,
                            .users = {{"ada", "s3cret"}}};
}

struct SplitRun {
  std::string output;
  std::vector<std::string> messages;
};

SplitRun RunSplit(const std::string& input, std::uint64_t seed,
                  bool byte_by_byte) {
  Harness h(TranscriptOptions());
  sim::Rng rng(seed);
  std::string output;
  std::size_t pos = 0;
  while (pos < input.size()) {
    const std::size_t n =
        byte_by_byte ? 1 : 1 + static_cast<std::size_t>(rng.Uniform(64));
    output += h.Feed(std::string_view(input).substr(pos, n));
    pos += n;
  }
  SplitRun run{.output = output};
  for (const Delivered& d : h.delivered) run.messages.push_back(d.message);
  return run;
}

TEST(SmtpSessionTest, AnySplitOfTheInputGivesTheSameResult) {
  const std::string input = Transcript();
  Harness whole(TranscriptOptions());
  const std::string expected = whole.Feed(input);
  EXPECT_EQ(
      Harness::Codes(expected),
      (Codes{250, 250, 500, 250, 250, 501, 250, 354, 250, 250, 250, 354, 552,
             250, 250, 250, 354, 500, 500, 334, 235, 250, 250, 354, 250, 221}));
  ASSERT_EQ(whole.delivered.size(), 2u);
  EXPECT_EQ(whole.delivered[0].message,
            "Subject: one\r\n\r\n.dotted\r\nline\r\n");
  EXPECT_EQ(whole.delivered[1].message, "last\r\n");

  const SplitRun bytes = RunSplit(input, 0, true);
  EXPECT_EQ(bytes.output, expected);
  ASSERT_EQ(bytes.messages.size(), 2u);
  EXPECT_EQ(bytes.messages[0], whole.delivered[0].message);
  for (std::uint64_t seed = 1; seed <= 50; ++seed) {
    const SplitRun run = RunSplit(input, seed, false);
    ASSERT_EQ(run.output, expected) << "seed " << seed;
    ASSERT_EQ(run.messages.size(), 2u) << "seed " << seed;
    EXPECT_EQ(run.messages[1], "last\r\n") << "seed " << seed;
  }
}

}  // namespace
}  // namespace tiersim::mocks
