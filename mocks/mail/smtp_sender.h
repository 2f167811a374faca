// SmtpSender: a sim::MailPort that hands each message to an SMTP server
// over TCP, the way the real Partner Center's mailer would. It is what the
// core sends through when the services run as servers (tiersim serve):
// core -> SmtpSender -> SmtpServer -> MailService -> HTTP API.
//
// Each Send composes the message (mime.h ComposeMessage, so the receiving
// MailService gets back the same sim::Email) and runs one transaction:
// MAIL, RCPT for each recipient, DATA (pipelined when the server offers
// PIPELINING, with SIZE= when it offers SIZE). One connection is kept and
// reused across messages; when the server has closed it (idle timeout,
// restart) the sender reconnects once and retries, but never after the
// message's final "." went out, so a message is not sent twice.
//
// Errors, as the MailPort contract says: kInvalidArgument for a message
// MemoryMailStore::Send would refuse too (no recipient, a sender or
// recipient that is not an address), so both transports agree;
// kUnavailable, naming the server and its reply, when the server refuses
// the message or cannot be reached in `timeout`.
//
// Thread rules: blocking and synchronous; calls are serialised by a mutex,
// so any thread may call. It shares no lock with SmtpServer, so the server
// may run in the same process (its own threads serve while Send blocks).
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "sim/ports.h"
#include "sim/status.h"

namespace tiersim::mocks {

// The checks Send makes before any I/O (those MemoryMailStore::Send makes
// too): kInvalidArgument for no recipient, or a sender or recipient that
// is not an email address.
sim::Status CheckEnvelope(const sim::Email& email);

struct SmtpSenderOptions {
  std::string host = "127.0.0.1";  // an IP address or "localhost"
  int port = 25;
  std::string helo = "partnercenter.tiersim.test";  // the EHLO argument
  // For connecting, and for each reply and write.
  std::chrono::milliseconds timeout = std::chrono::seconds(10);
  // AUTH PLAIN with these when set (and the server offers it).
  std::optional<std::string> user;
  std::optional<std::string> password;
  std::string message_id_domain = "tiersim.test";  // Message-ID right side
};

class SmtpSender final : public sim::MailPort {
 public:
  explicit SmtpSender(SmtpSenderOptions options);
  SmtpSender(const SmtpSender&) = delete;
  SmtpSender& operator=(const SmtpSender&) = delete;
  ~SmtpSender() override;  // QUIT, briefly, and close

  sim::Status Send(sim::Email email) override;

  // How many TCP connections were opened so far (tests check reuse).
  std::size_t connections_opened() const;

 private:
  class Connection;
  enum class Outcome { kSent, kRefused, kBroken };

  sim::Status Connect();
  Outcome Transaction(const std::string& from,
                      const std::vector<std::string>& to,
                      const std::string& payload, bool* data_sent,
                      std::string* error);

  const SmtpSenderOptions options_;
  mutable std::mutex mutex_;
  std::unique_ptr<Connection> connection_;  // null when not connected
  std::size_t connections_opened_ = 0;
};

}  // namespace tiersim::mocks
