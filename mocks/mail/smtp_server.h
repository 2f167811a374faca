// SmtpServer: the SMTP service on Boost.Asio. It accepts connections on
// host:port (port 0: an ephemeral port, read back with port()), runs one
// SmtpSession per connection on a small pool of threads (one io_context
// each; connections are dealt out in turn), and hands every accepted
// message to a MailService (or any SmtpDeliverFn).
//
//   MailService mail([&] { return clock.Now(); });
//   SmtpServer smtp({.port = 0}, mail);
//   if (sim::Status s = smtp.Start(); !s.ok()) return s;
//   ... smtp.port() ...
//   smtp.Stop();  // or let it go out of scope
//
// Each connection has its own buffers and timer and only ever waits
// asynchronously, so a slow, silent or misbehaving client costs one
// connection's memory and never holds up the others. Timeouts: idle_timeout
// while waiting for a command, read_timeout while a command line, a message or
// an AUTH exchange is under way and for each write; on expiry the client gets
// 421 4.4.2 and is disconnected. STARTTLS is offered when `tls` names a
// certificate and key; the upgrade uses asio::ssl on the same socket.
//
// Thread rules: construct, Start and Stop from one thread; port() from
// any. The delivery callback runs on the server's threads, concurrently for
// different connections. Asio and OpenSSL stay inside smtp_server.cc.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "mocks/mail/mail_service.h"
#include "mocks/mail/smtp_session.h"
#include "sim/status.h"

namespace tiersim::mocks {

struct SmtpTlsFiles {
  std::string cert_pem_path;  // certificate (chain) in PEM
  std::string key_pem_path;   // its private key in PEM
};

struct SmtpServerOptions {
  std::string host = "127.0.0.1";
  int port = 0;                                // 0: ephemeral
  std::string hostname = "mail.tiersim.test";  // greeting and replies
  // The limits of SmtpSessionOptions (smtp_session.h), with their replies.
  std::size_t max_message_bytes = 10 * 1024 * 1024;  // SIZE; 552
  std::size_t max_recipients = 100;                  // 452
  std::size_t max_command_line = 512;  // incl. CRLF (RFC 5321); 500
  std::size_t max_text_line = 1000;    // incl. CRLF (RFC 5321); 500
  std::size_t max_errors = 20;         // refused commands; then 421
  std::chrono::milliseconds read_timeout = std::chrono::seconds(30);
  // RFC 5321 4.5.3.2.7 asks for at least 5 minutes.
  std::chrono::milliseconds idle_timeout = std::chrono::minutes(5);
  std::optional<SmtpTlsFiles> tls;  // set: STARTTLS is offered
  // User -> password; non-empty: AUTH PLAIN LOGIN is offered.
  std::map<std::string, std::string, std::less<>> users;
  bool require_auth = false;           // MAIL needs AUTH first
  int threads = 2;                     // each runs its own io_context
  std::size_t max_connections = 1000;  // more get 421 4.3.2 and are closed
  int listen_backlog = 1024;
  // Also listen on a private ephemeral port (reserved_port()) whose
  // connections max_connections does not count: the core's own sender
  // connects there, so clients holding every public slot cannot lock it out.
  bool reserved_listener = false;
};

class SmtpServer {
 public:
  // Delivers into `service`, which must outlive the server: 250 with the
  // message ID, or 554 5.6.0 when the service refuses the message.
  SmtpServer(SmtpServerOptions options, MailService& service);
  // Delivers through `deliver` (benchmarks, tests).
  SmtpServer(SmtpServerOptions options, SmtpDeliverFn deliver);
  SmtpServer(const SmtpServer&) = delete;
  SmtpServer& operator=(const SmtpServer&) = delete;
  ~SmtpServer();  // stops

  // Binds, listens and starts the threads. kUnavailable when the address
  // cannot be bound (port in use) or the TLS files cannot be loaded;
  // kInvalidArgument for a host that is not an IP address or "localhost";
  // kFailedPrecondition when already started or stopped.
  sim::Status Start();
  // Stops accepting, tells connected clients 421 4.3.2 (waiting briefly
  // for the reply to go out), closes them and joins. Idempotent.
  void Stop();

  int port() const;
  // The private port (0 without reserved_listener).
  int reserved_port() const;
  // Connections open now (tests wait on it instead of sleeping).
  std::size_t connections() const;
  const SmtpServerOptions& options() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tiersim::mocks
