#include "mocks/mail/smtp_session.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "mocks/common/text.h"
#include "mocks/mail/smtp_syntax.h"
#include "sim/ids.h"

namespace tiersim::mocks {
namespace {

constexpr std::size_t kMaxPath = 256;  // RFC 5321 4.5.3.1.3

// "FROM:" / "TO:" at the start of `argument`, case-insensitively; the rest.
std::optional<std::string_view> AfterKeyword(std::string_view argument,
                                             std::string_view keyword) {
  if (argument.size() < keyword.size() ||
      !EqualsIgnoreCase(argument.substr(0, keyword.size()), keyword)) {
    return std::nullopt;
  }
  return argument.substr(keyword.size());
}

}  // namespace

SmtpSession::SmtpSession(const SmtpSessionOptions& options,
                         SmtpDeliverFn deliver)
    : options_(options), deliver_(std::move(deliver)) {}

void SmtpSession::Start() { Reply(220, options_.hostname + " ESMTP tiersim"); }

void SmtpSession::Reply(int code, std::string_view text) {
  output_.append(std::to_string(code)).append(" ").append(text).append("\r\n");
}

void SmtpSession::Refuse(int code, std::string_view text) {
  Reply(code, text);
  if (++errors_ >= options_.max_errors && phase_ != Phase::kClosed) {
    Reply(421, "4.7.0 " + options_.hostname + " Error: too many errors");
    phase_ = Phase::kClosed;
  }
}

bool SmtpSession::idle() const {
  return phase_ == Phase::kCommand && line_.empty() && !skipping_;
}

void SmtpSession::Timeout() {
  if (phase_ == Phase::kClosed) return;
  Reply(421, "4.4.2 " + options_.hostname + " Error: timeout exceeded");
  phase_ = Phase::kClosed;
}

void SmtpSession::Shutdown() {
  if (phase_ == Phase::kClosed) return;
  Reply(421, "4.3.2 " + options_.hostname + " Service shutting down");
  phase_ = Phase::kClosed;
}

void SmtpSession::Busy() {
  if (phase_ == Phase::kClosed) return;
  Reply(421, "4.3.2 " + options_.hostname +
                 " Error: too many connections, try again later");
  phase_ = Phase::kClosed;
}

void SmtpSession::Abort() { phase_ = Phase::kClosed; }

void SmtpSession::TlsEstablished() {
  if (phase_ != Phase::kTlsPending) return;
  tls_ = true;
  helo_.clear();
  extended_ = false;
  auth_user_.clear();
  line_.clear();
  skipping_ = false;
  ResetTransaction();
  phase_ = Phase::kCommand;
}

void SmtpSession::ResetTransaction() {
  in_transaction_ = false;
  envelope_ = SmtpEnvelope{};
  message_ = std::string();
  data_line_.clear();
  data_skipping_ = false;
  previous_crlf_ = true;
  data_error_ = DataError::kNone;
}

void SmtpSession::Feed(std::string_view bytes) {
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    if (phase_ == Phase::kData) {
      pos += FeedData(bytes.substr(pos));
      continue;
    }
    if (phase_ == Phase::kClosed || phase_ == Phase::kTlsPending) return;
    const std::size_t newline = bytes.find('\n', pos);
    if (newline == std::string_view::npos) {
      const std::string_view rest = bytes.substr(pos);
      if (!skipping_) {
        if (line_.size() + rest.size() + 1 > options_.max_command_line) {
          skipping_ = true;  // never buffer past the limit
          line_.clear();
        } else {
          line_.append(rest);
        }
      }
      return;
    }
    const std::string_view piece = bytes.substr(pos, newline - pos);
    pos = newline + 1;
    if (skipping_ ||
        line_.size() + piece.size() + 1 > options_.max_command_line) {
      skipping_ = false;
      line_.clear();
      Refuse(500, "5.5.2 Error: line too long");
      continue;
    }
    if (line_.empty()) {
      HandleLine(piece);
    } else {
      std::string line = std::move(line_);
      line_.clear();
      line.append(piece);
      HandleLine(line);
    }
  }
}

void SmtpSession::HandleLine(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (phase_ == Phase::kCommand) {
    HandleCommand(line);
  } else {
    HandleAuthResponse(line);
  }
}

void SmtpSession::HandleCommand(std::string_view line) {
  const std::size_t space = line.find(' ');
  const std::string verb = AsciiLower(line.substr(0, space));
  const std::string_view argument = space == std::string_view::npos
                                        ? std::string_view()
                                        : TrimSpaces(line.substr(space + 1));
  if (verb == "ehlo") {
    Ehlo(argument, true);
  } else if (verb == "helo") {
    Ehlo(argument, false);
  } else if (verb == "mail") {
    Mail(argument);
  } else if (verb == "rcpt") {
    Rcpt(argument);
  } else if (verb == "data") {
    Data(argument);
  } else if (verb == "rset") {
    if (!argument.empty()) return Refuse(501, "5.5.4 Syntax: RSET");
    ResetTransaction();
    Reply(250, "2.0.0 Ok");
  } else if (verb == "noop") {
    Reply(250, "2.0.0 Ok");
  } else if (verb == "quit") {
    Reply(221, "2.0.0 Bye");
    phase_ = Phase::kClosed;
  } else if (verb == "help") {
    Reply(214,
          "2.0.0 Commands: EHLO HELO MAIL RCPT DATA RSET NOOP QUIT "
          "STARTTLS AUTH");
  } else if (verb == "vrfy") {
    Refuse(502, "5.5.1 Error: VRFY command is disabled");
  } else if (verb == "expn" || verb == "turn" || verb == "etrn" ||
             verb == "bdat") {
    Refuse(502, "5.5.1 Error: command not implemented");
  } else if (verb == "starttls") {
    StartTls(argument);
  } else if (verb == "auth") {
    Auth(argument);
  } else {
    Refuse(500, "5.5.2 Error: command not recognized");
  }
}

void SmtpSession::Ehlo(std::string_view argument, bool extended) {
  if (argument.empty()) {
    return Refuse(501, extended ? "5.5.4 Syntax: EHLO hostname"
                                : "5.5.4 Syntax: HELO hostname");
  }
  ResetTransaction();
  helo_ = std::string(argument);
  extended_ = extended;
  if (!extended) return Reply(250, options_.hostname);
  std::vector<std::string> lines = {
      options_.hostname,
      "PIPELINING",
      "SIZE " + std::to_string(options_.max_message_bytes),
      "8BITMIME",
      "SMTPUTF8",
      "ENHANCEDSTATUSCODES"};
  if (options_.starttls_available && !tls_) lines.emplace_back("STARTTLS");
  if (!options_.users.empty()) lines.emplace_back("AUTH PLAIN LOGIN");
  for (std::size_t i = 0; i < lines.size(); ++i) {
    output_.append("250").append(i + 1 < lines.size() ? "-" : " ");
    output_.append(lines[i]).append("\r\n");
  }
}

void SmtpSession::Mail(std::string_view argument) {
  if (helo_.empty()) return Refuse(503, "5.5.1 Error: send HELO/EHLO first");
  if (in_transaction_) return Refuse(503, "5.5.1 Error: nested MAIL command");
  if (options_.require_auth && auth_user_.empty()) {
    return Refuse(530, "5.7.0 Authentication required");
  }
  const auto after = AfterKeyword(argument, "FROM:");
  if (!after) return Refuse(501, "5.5.4 Syntax: MAIL FROM:<address>");
  const std::optional<SmtpPath> path = ParseSmtpPath(*after);
  if (!path) return Refuse(501, "5.1.7 Bad sender address syntax");
  if (path->mailbox.size() > kMaxPath) {
    return Refuse(501, "5.1.7 Path too long");
  }
  if (!extended_ && !path->params.empty()) {
    return Refuse(555, "5.5.4 Parameters need EHLO");
  }
  SmtpEnvelope envelope;
  for (const auto& [keyword, value] : path->params) {
    if (keyword == "SIZE") {
      const std::optional<std::uint64_t> size =
          value.size() > 18 ? std::nullopt : sim::ParseDecimal(value);
      if (!size) return Refuse(501, "5.5.4 Bad SIZE parameter");
      envelope.declared_size = static_cast<std::size_t>(*size);
    } else if (keyword == "BODY") {
      if (EqualsIgnoreCase(value, "8BITMIME")) {
        envelope.eight_bit_mime = true;
      } else if (!EqualsIgnoreCase(value, "7BIT")) {
        return Refuse(501, "5.5.4 Unsupported BODY parameter");
      }
    } else if (keyword == "SMTPUTF8" && value.empty()) {
      envelope.smtputf8 = true;
    } else if (keyword == "AUTH") {
      // RFC 4954 5: accepted and not relayed anywhere.
    } else {
      return Refuse(555, "5.5.4 Unsupported option: " + keyword);
    }
  }
  if (!path->mailbox.empty()) {
    if (HasNonAscii(path->mailbox) && !envelope.smtputf8) {
      return Refuse(553, "5.6.7 Non-ASCII address needs SMTPUTF8");
    }
    if (!IsSmtpMailbox(path->mailbox, envelope.smtputf8)) {
      return Refuse(501, "5.1.7 Bad sender address syntax");
    }
  }
  if (envelope.declared_size &&
      *envelope.declared_size > options_.max_message_bytes) {
    return Refuse(552, "5.3.4 Message size exceeds fixed limit of " +
                           std::to_string(options_.max_message_bytes) +
                           " bytes");
  }
  envelope.helo = helo_;
  envelope.mail_from = path->mailbox;
  envelope.auth_user = auth_user_;
  envelope.tls = tls_;
  envelope_ = std::move(envelope);
  in_transaction_ = true;
  Reply(250, "2.1.0 Ok");
}

void SmtpSession::Rcpt(std::string_view argument) {
  if (!in_transaction_) return Refuse(503, "5.5.1 Error: need MAIL command");
  const auto after = AfterKeyword(argument, "TO:");
  if (!after) return Refuse(501, "5.5.4 Syntax: RCPT TO:<address>");
  const std::optional<SmtpPath> path = ParseSmtpPath(*after);
  if (!path || path->mailbox.empty()) {
    return Refuse(501, "5.1.3 Bad recipient address syntax");
  }
  if (path->mailbox.size() > kMaxPath) {
    return Refuse(501, "5.1.3 Path too long");
  }
  if (!path->params.empty()) {
    return Refuse(555, "5.5.4 Unsupported option: " + path->params[0].first);
  }
  if (HasNonAscii(path->mailbox) && !envelope_.smtputf8) {
    return Refuse(553, "5.6.7 Non-ASCII address needs SMTPUTF8");
  }
  const bool postmaster = EqualsIgnoreCase(path->mailbox, "postmaster");
  if (!postmaster && !IsSmtpMailbox(path->mailbox, envelope_.smtputf8)) {
    return Refuse(501, "5.1.3 Bad recipient address syntax");
  }
  if (envelope_.rcpt_to.size() >= options_.max_recipients) {
    // RFC 5321 4.5.3.1.10: temporary, the client sends the rest later.
    return Reply(452, "4.5.3 Error: too many recipients");
  }
  envelope_.rcpt_to.push_back(path->mailbox);
  Reply(250, "2.1.5 Ok");
}

void SmtpSession::Data(std::string_view argument) {
  if (!argument.empty()) return Refuse(501, "5.5.4 Syntax: DATA");
  if (!in_transaction_) return Refuse(503, "5.5.1 Error: need MAIL command");
  if (envelope_.rcpt_to.empty()) {
    return Refuse(554, "5.5.1 Error: no valid recipients");
  }
  Reply(354, "End data with <CR><LF>.<CR><LF>");
  phase_ = Phase::kData;
  previous_crlf_ = true;
  data_error_ = DataError::kNone;
  message_.clear();
  // Room for a typical message up front; a declared SIZE is believed only
  // up to 64 KiB (a client must not make us reserve memory it never sends).
  constexpr std::size_t kReserveCap = 64 * 1024;
  message_.reserve(std::min({envelope_.declared_size.value_or(4096) + 2,
                             kReserveCap, options_.max_message_bytes}));
}

std::size_t SmtpSession::FeedData(std::string_view bytes) {
  std::size_t i = 0;
  while (i < bytes.size() && phase_ == Phase::kData) {
    const void* found = std::memchr(bytes.data() + i, '\n', bytes.size() - i);
    const std::size_t end =
        found == nullptr ? bytes.size()
                         : static_cast<std::size_t>(
                               static_cast<const char*>(found) - bytes.data()) +
                               1;
    const std::string_view piece = bytes.substr(i, end - i);
    i = end;
    const bool complete = found != nullptr;
    if (data_skipping_) {
      if (complete) {
        const char before_lf =
            piece.size() >= 2 ? piece[piece.size() - 2] : data_last_byte_;
        previous_crlf_ = before_lf == '\r';
        data_skipping_ = false;
      } else {
        data_last_byte_ = piece.back();
      }
      continue;
    }
    if (data_line_.size() + piece.size() > options_.max_text_line) {
      // An over-long line: an error at the end, and nothing buffered.
      if (data_error_ == DataError::kNone) {
        data_error_ = DataError::kLineTooLong;
        message_ = std::string();
      }
      if (complete) {
        const char before_lf =
            piece.size() >= 2 ? piece[piece.size() - 2]
                              : (data_line_.empty() ? '\0' : data_line_.back());
        previous_crlf_ = before_lf == '\r';
      } else {
        data_skipping_ = true;
        data_last_byte_ = piece.back();
      }
      data_line_.clear();
      continue;
    }
    if (!complete) {
      data_line_.append(piece);
    } else if (data_line_.empty()) {
      DataLine(piece);
    } else {
      data_line_.append(piece);
      const std::string line = std::move(data_line_);
      data_line_.clear();
      DataLine(line);
    }
  }
  return i;
}

void SmtpSession::DataLine(std::string_view line) {
  if (previous_crlf_ && line == ".\r\n") return EndData();
  previous_crlf_ = line.size() >= 2 && line[line.size() - 2] == '\r';
  if (data_error_ != DataError::kNone) return;
  if (line.front() == '.') line.remove_prefix(1);  // RFC 5321 4.5.2
  if (message_.size() + line.size() > options_.max_message_bytes) {
    data_error_ = DataError::kTooBig;
    message_ = std::string();  // never hold more than the limit
    return;
  }
  message_.append(line);
}

void SmtpSession::EndData() {
  phase_ = Phase::kCommand;
  switch (data_error_) {
    case DataError::kTooBig:
      Reply(552, "5.3.4 Error: message exceeds fixed limit of " +
                     std::to_string(options_.max_message_bytes) + " bytes");
      break;
    case DataError::kLineTooLong:
      Reply(500, "5.5.2 Error: message line longer than " +
                     std::to_string(options_.max_text_line) +
                     " bytes (RFC 5321 4.5.3.1.6)");
      break;
    case DataError::kNone: {
      const SmtpReply reply = deliver_(envelope_, std::move(message_));
      if (reply.code >= 200 && reply.code < 300) ++accepted_;
      Reply(reply.code, reply.text);
      break;
    }
  }
  ResetTransaction();
}

void SmtpSession::StartTls(std::string_view argument) {
  if (!options_.starttls_available) {
    return Refuse(502, "5.5.1 Error: command not implemented");
  }
  if (tls_) return Refuse(554, "5.5.1 Error: TLS already active");
  if (!argument.empty()) return Refuse(501, "5.5.4 Syntax: STARTTLS");
  Reply(220, "2.0.0 Ready to start TLS");
  phase_ = Phase::kTlsPending;
}

}  // namespace tiersim::mocks
