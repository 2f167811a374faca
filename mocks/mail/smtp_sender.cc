#include "mocks/mail/smtp_sender.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <utility>
#include <vector>

#include "mocks/common/base64.h"
#include "mocks/common/text.h"
#include "mocks/mail/mime.h"
#include "mocks/mail/smtp_client_codec.h"

namespace tiersim::mocks {
namespace {

using Clock = std::chrono::steady_clock;

int MillisLeft(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      deadline - Clock::now());
  return left.count() < 0 ? 0 : static_cast<int>(left.count());
}

}  // namespace

// One TCP connection to the server: non-blocking socket, every wait bounded
// by poll() with the sender's timeout.
class SmtpSender::Connection {
 public:
  explicit Connection(int fd) : fd_(fd) {}
  ~Connection() { ::close(fd_); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // A connected socket, or the reason there is none.
  static std::unique_ptr<Connection> Open(const std::string& host, int port,
                                          std::chrono::milliseconds timeout,
                                          std::string* error) {
    sockaddr_storage storage{};
    socklen_t length = 0;
    const std::string ip = host == "localhost" ? "127.0.0.1" : host;
    auto* v4 = reinterpret_cast<sockaddr_in*>(&storage);
    auto* v6 = reinterpret_cast<sockaddr_in6*>(&storage);
    if (::inet_pton(AF_INET, ip.c_str(), &v4->sin_addr) == 1) {
      v4->sin_family = AF_INET;
      v4->sin_port = htons(static_cast<std::uint16_t>(port));
      length = sizeof(sockaddr_in);
    } else if (::inet_pton(AF_INET6, ip.c_str(), &v6->sin6_addr) == 1) {
      v6->sin6_family = AF_INET6;
      v6->sin6_port = htons(static_cast<std::uint16_t>(port));
      length = sizeof(sockaddr_in6);
    } else {
      *error = "'" + host + "' is not an IP address";
      return nullptr;
    }
    const int fd = ::socket(storage.ss_family,
                            SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
      *error = std::strerror(errno);
      return nullptr;
    }
    auto connection = std::make_unique<Connection>(fd);
    int yes = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&storage), length) != 0) {
      if (errno != EINPROGRESS) {
        *error = std::strerror(errno);
        return nullptr;
      }
      pollfd p{.fd = fd, .events = POLLOUT, .revents = 0};
      if (::poll(&p, 1, static_cast<int>(timeout.count())) <= 0) {
        *error = "connection timed out";
        return nullptr;
      }
      int so_error = 0;
      socklen_t so_length = sizeof so_error;
      ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &so_error, &so_length);
      if (so_error != 0) {
        *error = std::strerror(so_error);
        return nullptr;
      }
    }
    return connection;
  }

  bool Write(std::string_view data, std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    while (!data.empty()) {
      const ssize_t n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (n > 0) {
        data.remove_prefix(static_cast<std::size_t>(n));
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        pollfd p{.fd = fd_, .events = POLLOUT, .revents = 0};
        if (::poll(&p, 1, MillisLeft(deadline)) > 0) continue;
        error_ = "timed out writing";
        return false;
      }
      error_ = n < 0 ? std::strerror(errno) : "connection closed";
      return false;
    }
    return true;
  }

  std::optional<SmtpClientReply> Read(std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    while (true) {
      if (std::optional<SmtpClientReply> reply = parser_.Next()) return reply;
      if (parser_.failed()) {
        error_ = "the server's reply is not SMTP";
        return std::nullopt;
      }
      char buffer[4096];
      const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
      if (n > 0) {
        parser_.Feed(std::string_view(buffer, static_cast<std::size_t>(n)));
        continue;
      }
      if (n == 0) {
        error_ = "the server closed the connection";
        return std::nullopt;
      }
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) {
        pollfd p{.fd = fd_, .events = POLLIN, .revents = 0};
        if (::poll(&p, 1, MillisLeft(deadline)) > 0) continue;
        error_ = "timed out waiting for a reply";
        return std::nullopt;
      }
      error_ = std::strerror(errno);
      return std::nullopt;
    }
  }

  // The server spoke or hung up while we were idle (a 421 before closing,
  // most likely): the connection cannot carry another transaction.
  bool Stale() {
    pollfd p{.fd = fd_, .events = POLLIN, .revents = 0};
    return ::poll(&p, 1, 0) != 0;
  }

  const std::string& error() const { return error_; }
  SmtpExtensions extensions;

 private:
  int fd_;
  SmtpReplyParser parser_;
  std::string error_;
};

SmtpSender::SmtpSender(SmtpSenderOptions options)
    : options_(std::move(options)) {}

SmtpSender::~SmtpSender() {
  if (connection_ == nullptr) return;
  constexpr auto kBrief = std::chrono::milliseconds(200);
  if (connection_->Write("QUIT\r\n", kBrief)) connection_->Read(kBrief);
}

std::size_t SmtpSender::connections_opened() const {
  std::lock_guard lock(mutex_);
  return connections_opened_;
}

sim::Status SmtpSender::Connect() {
  const std::string server =
      "the SMTP server " + options_.host + ":" + std::to_string(options_.port);
  const auto unavailable = [&](const std::string& why) {
    connection_.reset();
    return sim::Error(sim::ErrorCode::kUnavailable, server + ": " + why);
  };
  std::string error;
  connection_ =
      Connection::Open(options_.host, options_.port, options_.timeout, &error);
  if (connection_ == nullptr) return unavailable("cannot connect: " + error);
  ++connections_opened_;
  const std::optional<SmtpClientReply> greeting =
      connection_->Read(options_.timeout);
  if (!greeting) return unavailable(connection_->error());
  if (greeting->code != 220) {
    return unavailable("greeted with " + greeting->ToString());
  }
  if (!connection_->Write("EHLO " + options_.helo + "\r\n", options_.timeout)) {
    return unavailable(connection_->error());
  }
  const std::optional<SmtpClientReply> ehlo =
      connection_->Read(options_.timeout);
  if (!ehlo) return unavailable(connection_->error());
  if (ehlo->code != 250)
    return unavailable("refused EHLO: " + ehlo->ToString());
  connection_->extensions = ParseEhlo(*ehlo);
  if (options_.user) {
    std::string credentials;
    credentials.push_back('\0');
    credentials.append(*options_.user).push_back('\0');
    credentials.append(options_.password.value_or(""));
    if (!connection_->Write("AUTH PLAIN " + Base64Encode(credentials) + "\r\n",
                            options_.timeout)) {
      return unavailable(connection_->error());
    }
    const std::optional<SmtpClientReply> auth =
        connection_->Read(options_.timeout);
    if (!auth) return unavailable(connection_->error());
    if (auth->code != 235)
      return unavailable("refused AUTH: " + auth->ToString());
  }
  return sim::OkStatus();
}

SmtpSender::Outcome SmtpSender::Transaction(const std::string& from,
                                            const std::vector<std::string>& to,
                                            const std::string& payload,
                                            bool* data_sent,
                                            std::string* error) {
  Connection& c = *connection_;
  const auto broken = [&] {
    *error = c.error();
    return Outcome::kBroken;
  };
  if (c.extensions.size && *c.extensions.size > 0 &&
      payload.size() > *c.extensions.size) {
    *error = "the message (" + std::to_string(payload.size()) +
             " bytes) is over the server's SIZE limit of " +
             std::to_string(*c.extensions.size);
    return Outcome::kRefused;
  }
  std::vector<std::string> commands;
  commands.push_back("MAIL FROM:<" + from + ">" +
                     (c.extensions.size
                          ? " SIZE=" + std::to_string(payload.size())
                          : std::string()) +
                     "\r\n");
  for (const std::string& rcpt : to) {
    commands.push_back("RCPT TO:<" + rcpt + ">\r\n");
  }
  commands.emplace_back("DATA\r\n");
  // The replies, in order; pipelined: all commands go out at once.
  std::vector<SmtpClientReply> replies;
  if (c.extensions.pipelining) {
    std::string batch;
    for (const std::string& command : commands) batch += command;
    if (!c.Write(batch, options_.timeout)) return broken();
    for (std::size_t i = 0; i < commands.size(); ++i) {
      std::optional<SmtpClientReply> reply = c.Read(options_.timeout);
      if (!reply) return broken();
      replies.push_back(std::move(*reply));
    }
  } else {
    for (const std::string& command : commands) {
      if (!c.Write(command, options_.timeout)) return broken();
      std::optional<SmtpClientReply> reply = c.Read(options_.timeout);
      if (!reply) return broken();
      const bool go_on = reply->positive();  // 354 included
      replies.push_back(std::move(*reply));
      if (!go_on) break;
    }
  }
  for (std::size_t i = 0; i < replies.size(); ++i) {
    const bool last = i + 1 == commands.size();
    const bool ok = last ? replies[i].code == 354 : replies[i].positive();
    if (ok) continue;
    std::string command = commands[i];
    command.resize(command.size() - 2);  // without CRLF
    *error = "refused " + command + ": " + replies[i].ToString();
    if (replies.size() == commands.size() && replies.back().code == 354) {
      // DATA was accepted for the other recipients: hang up rather than
      // send a message some recipients would not get.
      connection_.reset();
    } else if (!c.Write("RSET\r\n", options_.timeout) ||
               !c.Read(options_.timeout)) {
      connection_.reset();
    }
    return Outcome::kRefused;
  }
  if (!c.Write(payload, options_.timeout)) return broken();
  *data_sent = true;
  const std::optional<SmtpClientReply> reply = c.Read(options_.timeout);
  if (!reply) return broken();
  if (!reply->positive()) {
    *error = "refused the message: " + reply->ToString();
    return Outcome::kRefused;
  }
  return Outcome::kSent;
}

namespace {

// MAIL FROM and RCPT TO: the addr-specs of the message's addresses.
struct Envelope {
  std::string from;
  std::vector<std::string> to;
};

sim::Result<Envelope> EnvelopeOf(const sim::Email& email) {
  // The checks MemoryMailStore::Send makes, so both transports agree.
  if (email.to.empty()) {
    return sim::Error(sim::ErrorCode::kInvalidArgument,
                      "the message has no recipient");
  }
  const std::optional<std::string_view> from = AddrSpec(email.from);
  if (!from) {
    return sim::Error(sim::ErrorCode::kInvalidArgument,
                      "the sender '" + email.from +
                          "' is not an email address such as ada@x.test");
  }
  Envelope envelope{.from = std::string(*from), .to = {}};
  for (const std::string& recipient : email.to) {
    const std::optional<std::string_view> address = AddrSpec(recipient);
    if (!address) {
      return sim::Error(sim::ErrorCode::kInvalidArgument,
                        "the recipient '" + recipient +
                            "' is not an email address such as ada@x.test");
    }
    envelope.to.emplace_back(*address);
  }
  return envelope;
}

}  // namespace

sim::Status CheckEnvelope(const sim::Email& email) {
  return EnvelopeOf(email).status();
}

sim::Status SmtpSender::Send(sim::Email email) {
  TIERSIM_ASSIGN_OR_RETURN(const Envelope envelope, EnvelopeOf(email));

  std::lock_guard lock(mutex_);
  // Unique within the process, across senders.
  static std::atomic<std::uint64_t> next_message{1};
  const std::string message_id =
      "tiersim." + std::to_string(email.sent_at.time_since_epoch().count()) +
      "." + std::to_string(next_message++) + "@" + options_.message_id_domain;
  const std::string payload = DotStuff(ComposeMessage(email, message_id));
  const std::string server =
      "the SMTP server " + options_.host + ":" + std::to_string(options_.port);
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (connection_ != nullptr && connection_->Stale()) connection_.reset();
    if (connection_ == nullptr) TIERSIM_RETURN_IF_ERROR(Connect());
    bool data_sent = false;
    std::string error;
    switch (
        Transaction(envelope.from, envelope.to, payload, &data_sent, &error)) {
      case Outcome::kSent:
        return sim::OkStatus();
      case Outcome::kRefused:
        return sim::Error(sim::ErrorCode::kUnavailable, server + " " + error);
      case Outcome::kBroken:
        connection_.reset();
        if (data_sent || attempt == 1) {
          return sim::Error(sim::ErrorCode::kUnavailable,
                            server + ": " + error);
        }
        break;  // reconnect once and try again
    }
  }
  return sim::Error(sim::ErrorCode::kInternal, "unreachable");
}

}  // namespace tiersim::mocks
