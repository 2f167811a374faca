// libFuzzer target: the SMTP server session (mocks/mail/smtp_session.h).
//
// The input is a client's byte stream. Two properties are checked besides
// the sanitizers' own:
//   1. Every reply is well formed ("ddd" then " " or "-", ending in CRLF),
//      no delivered message is over the size limit, and nothing is
//      buffered past the limits.
//   2. Without STARTTLS (where a split matters by design: bytes after it in
//      the same packet are dropped), feeding the input whole or in pieces
//      gives the same replies and the same messages.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "mocks/mail/smtp_session.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using tiersim::mocks::SmtpEnvelope;
using tiersim::mocks::SmtpReply;
using tiersim::mocks::SmtpSession;
using tiersim::mocks::SmtpSessionOptions;

constexpr std::size_t kMaxMessage = 2048;

struct Outcome {
  std::string replies;
  std::vector<std::string> messages;
};

using tiersim::fuzz::Check;

void CheckReplies(std::string_view replies) {
  std::size_t pos = 0;
  while (pos < replies.size()) {
    const std::size_t eol = replies.find("\r\n", pos);
    Check(eol != std::string_view::npos);
    const std::string_view line = replies.substr(pos, eol - pos);
    Check(line.size() >= 4);
    for (int i = 0; i < 3; ++i) Check(line[i] >= '0' && line[i] <= '9');
    Check(line[3] == ' ' || line[3] == '-');
    pos = eol + 2;
  }
}

// Feeds `input` in pieces whose sizes come from `seed` (0: whole).
Outcome Run(const SmtpSessionOptions& options, std::string_view input,
            std::uint32_t seed) {
  Outcome out;
  SmtpSession session(
      options, [&](const SmtpEnvelope& envelope, std::string message) {
        Check(message.size() <= kMaxMessage);
        Check(!envelope.rcpt_to.empty());
        Check(envelope.rcpt_to.size() <= options.max_recipients);
        out.messages.push_back(std::move(message));
        return SmtpReply{250, "2.0.0 Ok"};
      });
  session.Start();
  std::size_t pos = 0;
  std::uint32_t state = seed;
  while (pos < input.size() && !session.closed()) {
    std::size_t n = input.size() - pos;
    if (seed != 0) {
      state = state * 1664525u + 1013904223u;  // LCG: sizes 1..64
      n = std::min<std::size_t>(n, 1 + (state >> 26));
    }
    session.Feed(input.substr(pos, n));
    pos += n;
    if (session.tls_requested()) session.TlsEstablished();
    out.replies += session.output();
    session.output().clear();
  }
  session.Timeout();
  out.replies += session.output();
  CheckReplies(out.replies);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  SmtpSessionOptions plain;
  plain.max_message_bytes = kMaxMessage;
  plain.max_recipients = 3;
  plain.max_errors = 50;
  plain.users = {{"ada", "pw"}};
  const Outcome whole = Run(plain, input, 0);
  const std::uint32_t seed = size >= 4
                                 ? (data[0] | data[1] << 8 | data[2] << 16 |
                                    static_cast<std::uint32_t>(data[3]) << 24) |
                                       1u
                                 : 1u;
  const Outcome split = Run(plain, input, seed);
  Check(whole.replies == split.replies);
  Check(whole.messages == split.messages);

  SmtpSessionOptions tls = plain;
  tls.starttls_available = true;
  tls.require_auth = true;
  Run(tls, input, seed);
  return 0;
}
