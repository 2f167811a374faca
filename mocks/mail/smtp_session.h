// SmtpSession: the server side of one SMTP connection (RFC 5321) as a pure
// state machine: bytes in, replies and delivered messages out, no I/O, no
// clock. SmtpServer drives one per connection; tests and the fuzzer drive it
// directly, with the input split anywhere.
//
// Commands: EHLO HELO MAIL RCPT DATA RSET NOOP QUIT HELP VRFY EXPN STARTTLS
// AUTH (PLAIN, LOGIN). Extensions announced by EHLO: PIPELINING, SIZE,
// 8BITMIME, SMTPUTF8, ENHANCEDSTATUSCODES, STARTTLS (when the server has a
// certificate and TLS is not active yet) and AUTH (when users are set).
//
// Limits, each with its RFC reply:
//   command line > max_command_line (incl. CRLF)   500 5.5.2 Line too long
//   text line    > max_text_line    (incl. CRLF)   500 5.5.2 at end of DATA
//   SIZE= over max_message_bytes at MAIL           552 5.3.4
//   message over max_message_bytes while streaming 552 5.3.4 at end of DATA;
//     the message is dropped as soon as it passes the limit, so no more than
//     max_message_bytes (plus one line) is ever held
//   recipients > max_recipients                    452 4.5.3
//   max_errors refused commands                    421 4.7.0, closes
// A partial line is buffered up to its limit, never more.
//
// DATA ends at CRLF "." CRLF only (a bare LF never ends a line there, so
// no SMTP smuggling); leading dots are unstuffed. Bytes pipelined after
// STARTTLS are discarded (RFC 3207 section 6).
//
// Thread rules: one thread at a time (SmtpServer uses a strand per
// connection). The options must outlive the session; `deliver` is called
// from Feed on the calling thread.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tiersim::mocks {

struct SmtpSessionOptions {
  std::string hostname = "mail.tiersim.test";  // in the greeting and replies
  std::size_t max_message_bytes = 10 * 1024 * 1024;  // SIZE
  std::size_t max_recipients = 100;
  std::size_t max_command_line = 512;  // RFC 5321 4.5.3.1.4, incl. CRLF
  std::size_t max_text_line = 1000;    // RFC 5321 4.5.3.1.6, incl. CRLF
  std::size_t max_errors = 20;         // refused commands before 421
  bool starttls_available = false;     // the server has a certificate
  // User -> password. Empty: AUTH is not offered. Passwords of a mock,
  // compared as given.
  std::map<std::string, std::string, std::less<>> users;
  bool require_auth = false;  // MAIL needs AUTH first (530)
};

// What a client asked for in one mail transaction.
struct SmtpEnvelope {
  std::string helo;                          // the EHLO/HELO argument
  std::string mail_from;                     // reverse-path; empty for "<>"
  std::vector<std::string> rcpt_to;          // forward-paths, in order
  bool eight_bit_mime = false;               // BODY=8BITMIME
  bool smtputf8 = false;                     // SMTPUTF8
  std::optional<std::size_t> declared_size;  // SIZE=
  std::string auth_user;                     // empty unless authenticated
  bool tls = false;                          // received over TLS
};

// A reply to the client: "250 2.0.0 Ok" is {250, "2.0.0 Ok"}.
struct SmtpReply {
  int code = 250;
  std::string text;
};

// Called at the end of each message with the unstuffed message (CRLF line
// ends, ending with CRLF). 2xx accepts it; 4xx/5xx refuses it with that
// reply. It must not call back into the session.
using SmtpDeliverFn =
    std::function<SmtpReply(const SmtpEnvelope& envelope, std::string message)>;

class SmtpSession {
 public:
  SmtpSession(const SmtpSessionOptions& options, SmtpDeliverFn deliver);
  SmtpSession(const SmtpSession&) = delete;
  SmtpSession& operator=(const SmtpSession&) = delete;

  // Queues the 220 greeting. Call once, first.
  void Start();
  // Consumes received bytes, queueing replies. Ignores input once closed()
  // or tls_requested().
  void Feed(std::string_view bytes);

  // Replies not yet written; the driver writes and clears them.
  std::string& output() { return output_; }
  // Write output(), then close the connection.
  bool closed() const { return phase_ == Phase::kClosed; }
  // STARTTLS was accepted: write output() in plain text, run the TLS
  // handshake, then call TlsEstablished() (or Abort() on failure).
  bool tls_requested() const { return phase_ == Phase::kTlsPending; }
  // The client starts over (RFC 3207 4.2): HELO, AUTH and the transaction
  // are forgotten, STARTTLS is no longer offered.
  void TlsEstablished();
  // The peer waited too long (421 4.4.2) / the server stops (421 4.3.2);
  // both close.
  void Timeout();
  void Shutdown();
  // Instead of Start() when the server is full: 421 4.3.2, closes.
  void Busy();
  // Closes without a reply (the connection broke).
  void Abort();

  // True between commands: nothing partial is buffered and no DATA or AUTH
  // exchange is under way, so the idle timeout applies, not the read one.
  bool idle() const;
  bool tls() const { return tls_; }
  // Bytes of client input held: the partial line and the message so far.
  // Never more than max_message_bytes + max_text_line (+ a command line).
  std::size_t buffered() const {
    return line_.size() + data_line_.size() + message_.size();
  }
  std::size_t messages_accepted() const { return accepted_; }

 private:
  enum class Phase {
    kCommand,
    kData,
    kAuthPlain,
    kAuthLoginUser,
    kAuthLoginPassword,
    kTlsPending,
    kClosed
  };
  enum class DataError { kNone, kTooBig, kLineTooLong };

  void Reply(int code, std::string_view text);
  // A refusal that counts towards max_errors.
  void Refuse(int code, std::string_view text);
  void HandleLine(std::string_view line);
  void HandleCommand(std::string_view line);
  void HandleAuthResponse(std::string_view line);
  void Ehlo(std::string_view argument, bool extended);
  void Mail(std::string_view argument);
  void Rcpt(std::string_view argument);
  void Data(std::string_view argument);
  void Auth(std::string_view argument);
  void StartTls(std::string_view argument);
  void CheckPlain(std::string_view decoded);
  void CheckLogin(std::string_view user, std::string_view password);
  void ResetTransaction();
  // Consumes DATA bytes from `bytes`; returns how many.
  std::size_t FeedData(std::string_view bytes);
  void DataLine(std::string_view line);  // one whole line, with its LF
  void EndData();

  const SmtpSessionOptions& options_;
  SmtpDeliverFn deliver_;
  Phase phase_ = Phase::kCommand;
  std::string output_;

  // Command mode: the partial line, and whether it passed the limit.
  std::string line_;
  bool skipping_ = false;

  std::string helo_;
  bool extended_ = false;  // EHLO, not HELO
  bool tls_ = false;
  std::string auth_user_;
  std::string login_user_;  // AUTH LOGIN between its two steps
  std::size_t errors_ = 0;
  std::size_t accepted_ = 0;

  bool in_transaction_ = false;
  SmtpEnvelope envelope_;

  // DATA: the message so far, the partial line (bounded), whether the
  // previous line ended with CRLF, and the first error.
  std::string message_;
  std::string data_line_;
  bool data_skipping_ = false;  // inside an over-long line
  char data_last_byte_ = 0;     // of the skipped part, to spot its CRLF
  bool previous_crlf_ = true;
  DataError data_error_ = DataError::kNone;
};

}  // namespace tiersim::mocks
