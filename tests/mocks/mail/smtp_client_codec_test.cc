#include "mocks/mail/smtp_client_codec.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mocks/mail/smtp_session.h"
#include "sim/rng.h"

namespace tiersim::mocks {
namespace {

std::vector<SmtpClientReply> ParseAll(std::string_view input,
                                      std::uint64_t seed) {
  SmtpReplyParser parser;
  sim::Rng rng(seed);
  std::size_t pos = 0;
  std::vector<SmtpClientReply> out;
  while (pos < input.size()) {
    const std::size_t n =
        seed == 0 ? 1 : 1 + static_cast<std::size_t>(rng.Uniform(20));
    parser.Feed(input.substr(pos, n));
    pos += n;
    while (auto reply = parser.Next()) out.push_back(std::move(*reply));
  }
  EXPECT_FALSE(parser.failed());
  return out;
}

TEST(SmtpReplyParserTest, MultiLineRepliesAtAnySplit) {
  const std::string input =
      "220 mx.test ESMTP\r\n250-mx.test\r\n250-PIPELINING\r\n250-SIZE 1000\r\n"
      "250-AUTH plain LOGIN\r\n250 STARTTLS\r\n354 go\r\n421\r\n";
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    const std::vector<SmtpClientReply> replies = ParseAll(input, seed);
    ASSERT_EQ(replies.size(), 4u) << seed;
    EXPECT_EQ(replies[0].code, 220);
    EXPECT_EQ(replies[1].code, 250);
    EXPECT_EQ(replies[1].lines.size(), 5u);
    EXPECT_EQ(replies[2].ToString(), "354 go");
    EXPECT_EQ(replies[3].code, 421);
    const SmtpExtensions ext = ParseEhlo(replies[1]);
    EXPECT_TRUE(ext.pipelining);
    EXPECT_TRUE(ext.starttls);
    EXPECT_EQ(ext.size, 1000u);
    EXPECT_EQ(ext.auth, (std::vector<std::string>{"PLAIN", "LOGIN"}));
  }
}

TEST(SmtpReplyParserTest, RejectsWhatIsNotSmtp) {
  SmtpReplyParser http;
  http.Feed("HTTP/1.1 200 OK\r\n");
  EXPECT_TRUE(http.failed());
  SmtpReplyParser mixed;
  mixed.Feed("250-a\r\n251 b\r\n");
  EXPECT_TRUE(mixed.failed());
  SmtpReplyParser endless;
  endless.Feed(std::string(SmtpReplyParser::kMaxLine + 1, '2'));
  EXPECT_TRUE(endless.failed());
}

TEST(DotStuffTest, StuffsDotsAndNormalisesLineEnds) {
  EXPECT_EQ(DotStuff(".a\r\nb\n.\rc"), "..a\r\nb\r\n..\r\nc\r\n.\r\n");
  EXPECT_EQ(DotStuff(""), ".\r\n");
  EXPECT_EQ(DotStuff("x\r\n"), "x\r\n.\r\n");
}

TEST(DotStuffTest, SessionGetsBackTheMessage) {
  SmtpSessionOptions options;
  std::string received;
  SmtpSession session(options, [&](const SmtpEnvelope&, std::string m) {
    received = std::move(m);
    return SmtpReply{};
  });
  session.Start();
  const std::string message = "Subject: x\r\n\r\n.\r\n..\r\n. x\r\nend\r\n";
  session.Feed(
      "HELO c\r\nMAIL FROM:<a@x.test>\r\nRCPT TO:<b@x.test>\r\nDATA\r\n" +
      DotStuff(message));
  EXPECT_EQ(received, message);
}

}  // namespace
}  // namespace tiersim::mocks
