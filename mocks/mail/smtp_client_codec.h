// The I/O-free half of an SMTP client: parsing the server's replies
// (multi-line "250-..." / "250 ..."), reading EHLO's extensions, and
// dot-stuffing a message for DATA. SmtpSender adds the socket; tests feed
// the parser input split anywhere.
//
// Thread rules: a parser belongs to one connection, used by one thread at a
// time; the free functions are pure.
#pragma once

#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tiersim::mocks {

struct SmtpClientReply {
  int code = 0;
  std::vector<std::string> lines;  // the text of each line, after "250-"

  bool positive() const { return code >= 200 && code < 400; }
  // "250 first line / second line", for error messages.
  std::string ToString() const;
};

class SmtpReplyParser {
 public:
  // A line longer than this, or more lines in one reply, is a protocol
  // error (a hostile or broken server cannot make us buffer without end).
  static constexpr std::size_t kMaxLine = 4096;
  static constexpr std::size_t kMaxLines = 256;

  void Feed(std::string_view bytes);
  // The next complete reply, oldest first.
  std::optional<SmtpClientReply> Next();
  // The input was not SMTP: a line without a 3-digit code, codes that
  // change within a reply, or a limit above was passed.
  bool failed() const { return failed_; }

 private:
  void Line(std::string_view line);

  std::string partial_;
  SmtpClientReply current_;
  std::deque<SmtpClientReply> ready_;
  bool failed_ = false;
};

// What an EHLO reply announced.
struct SmtpExtensions {
  bool pipelining = false;
  bool eight_bit_mime = false;
  bool smtputf8 = false;
  bool starttls = false;
  std::optional<std::size_t> size;  // SIZE n (0: no fixed limit)
  std::vector<std::string> auth;    // mechanisms, upper-case
};
SmtpExtensions ParseEhlo(const SmtpClientReply& reply);

// The message as DATA sends it: bare LF and lone CR line ends made CRLF,
// a "." starting a line doubled, a final CRLF added when missing, then the
// ".\r\n" terminator.
std::string DotStuff(std::string_view message);

}  // namespace tiersim::mocks
