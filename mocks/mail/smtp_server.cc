#include "mocks/mail/smtp_server.h"

#include <openssl/ssl.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace tiersim::mocks {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using boost::system::error_code;

constexpr std::size_t kReadBufferBytes = 16 * 1024;
// How long Stop() lets the 421 reach each client before closing.
constexpr auto kShutdownGrace = std::chrono::milliseconds(200);
constexpr auto kStopDeadline = std::chrono::seconds(2);

SmtpSessionOptions SessionOptions(const SmtpServerOptions& options) {
  return SmtpSessionOptions{.hostname = options.hostname,
                            .max_message_bytes = options.max_message_bytes,
                            .max_recipients = options.max_recipients,
                            .max_command_line = options.max_command_line,
                            .max_text_line = options.max_text_line,
                            .max_errors = options.max_errors,
                            .starttls_available = options.tls.has_value(),
                            .users = options.users,
                            .require_auth = options.require_auth};
}

SmtpDeliverFn DeliverTo(MailService& service) {
  return [&service](const SmtpEnvelope& envelope,
                    std::string message) -> SmtpReply {
    const sim::Result<sim::MessageId> id = service.Deliver(
        envelope.mail_from, envelope.rcpt_to, std::move(message));
    if (!id.ok()) {
      return {.code = 554,
              .text = "5.6.0 Message rejected: " + id.status().message()};
    }
    return {.code = 250,
            .text = "2.0.0 Ok: queued as " + std::to_string(id->value())};
  };
}

}  // namespace

class SmtpServer::Impl {
 public:
  class Connection;

  Impl(SmtpServerOptions options, SmtpDeliverFn deliver)
      : options_(std::move(options)),
        session_options_(SessionOptions(options_)),
        deliver_(std::move(deliver)),
        contexts_(MakeContexts(options_.threads)),
        acceptor_(contexts_.front()),
        reserved_acceptor_(contexts_.front()) {}
  ~Impl() { Stop(); }

  sim::Status Start();
  void Stop();
  int port() const { return port_.load(); }
  int reserved_port() const { return reserved_port_.load(); }
  std::size_t connections() const { return active_.load(); }
  const SmtpServerOptions& options() const { return options_; }

 private:
  friend class Connection;
  enum class State { kNew, kRunning, kStopped };

  // One io_context per thread, each run by that thread alone: a
  // connection lives on one of them, so its handlers never run
  // concurrently (no strand needed) and never wake another thread.
  static std::deque<asio::io_context> MakeContexts(int threads) {
    std::deque<asio::io_context> contexts;
    for (int i = 0; i < std::max(threads, 1); ++i) contexts.emplace_back(1);
    return contexts;
  }

  sim::Status Listen();
  sim::Status ListenReserved(const asio::ip::address& address);
  void Accept(tcp::acceptor& acceptor, bool reserved);
  void Forget(Connection* connection);

  const SmtpServerOptions options_;
  const SmtpSessionOptions session_options_;
  const SmtpDeliverFn deliver_;

  // Declared before contexts_ so that connections destroyed with their
  // pending handlers can still unregister.
  std::mutex connections_mutex_;
  std::unordered_map<Connection*, std::weak_ptr<Connection>> connections_;
  std::atomic<std::size_t> active_{0};
  // Those of them from the reserved port (not counted against the limit).
  std::unordered_set<Connection*> reserved_;  // guarded by connections_mutex_
  bool stopping_ = false;                     // guarded by connections_mutex_
  std::optional<asio::ssl::context> ssl_;     // outlives the TLS streams

  std::deque<asio::io_context> contexts_;  // never empty
  tcp::acceptor acceptor_;                 // on contexts_.front()
  tcp::acceptor reserved_acceptor_;        // open with reserved_listener
  std::size_t next_context_ = 0;           // for the next connection
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> work_;
  std::vector<std::thread> threads_;
  std::atomic<int> port_{0};
  std::atomic<int> reserved_port_{0};
  State state_ = State::kNew;
};

// One client: its session, socket (plain, then TLS after STARTTLS), timer
// and buffers. Its handlers all run on its io_context's one thread, so
// never concurrently; the handlers in flight own the connection through
// shared_from_this().
class SmtpServer::Impl::Connection
    : public std::enable_shared_from_this<Connection> {
 public:
  Connection(Impl& server, tcp::socket socket)
      : server_(server),
        socket_(std::move(socket)),
        timer_(socket_.get_executor()),
        session_(server.session_options_, server.deliver_) {}
  ~Connection() { server_.Forget(this); }

  asio::any_io_executor executor() { return socket_.get_executor(); }

  void Start(bool busy) {
    error_code ec;
    socket_.set_option(tcp::no_delay(true), ec);
    if (busy) {
      session_.Busy();
    } else {
      session_.Start();
    }
    Flush();
  }

  // From any thread: 421 and close, on the connection's thread.
  void Shutdown() {
    asio::post(socket_.get_executor(), [self = shared_from_this()] {
      self->stopping_ = true;
      self->session_.Shutdown();
      if (self->op_ == Op::kReading || self->op_ == Op::kHandshaking) {
        error_code ec;
        self->socket_.cancel(ec);  // the handler flushes the 421
      }
    });
  }

 private:
  enum class Op { kNone, kReading, kWriting, kHandshaking };

  template <typename Fn>
  void WithStream(Fn&& fn) {
    if (tls_) {
      fn(*tls_);
    } else {
      fn(socket_);
    }
  }

  // Sets the deadline of the operation about to start. One timer wait is
  // kept per connection: it is restarted only when the new deadline is
  // earlier than the one it waits for; a wait that ends before the
  // deadline just waits again. (Re-arming on every read and write would
  // cost a cancelled wait, i.e. an extra handler, per operation.)
  void Arm(std::chrono::milliseconds timeout) {
    using Clock = asio::steady_timer::clock_type;
    if (stopping_) {
      timeout = std::min<std::chrono::milliseconds>(timeout, kShutdownGrace);
    }
    deadline_ = Clock::now() + timeout;
    if (timer_waiting_ && timer_.expiry() <= deadline_) return;
    Wait();
  }

  void Wait() {
    timer_.expires_at(deadline_);  // cancels a wait under way
    timer_waiting_ = true;
    timer_.async_wait([self = shared_from_this(),
                       generation = ++timer_generation_](error_code ec) {
      self->OnTimer(ec, generation);
    });
  }

  void OnTimer(error_code ec, std::uint64_t generation) {
    // A replaced wait may still complete (cancelled, or just before it was
    // replaced): only the latest one counts.
    if (generation != timer_generation_) return;
    timer_waiting_ = false;
    if (ec || closed_) return;
    if (asio::steady_timer::clock_type::now() < deadline_) return Wait();
    if (op_ == Op::kReading && !stopping_) {
      timed_out_ = true;
      error_code ignored;
      socket_.cancel(ignored);  // OnRead writes the 421
    } else if (op_ != Op::kNone) {
      Close();  // a client that does not read, or a stuck handshake
    }
  }

  void Flush() {
    if (closed_) return;
    std::string& output = session_.output();
    if (output.empty()) return Continue();
    writing_.swap(output);
    output.clear();
    op_ = Op::kWriting;
    Arm(server_.options_.read_timeout);
    WithStream([this](auto& stream) {
      asio::async_write(
          stream, asio::buffer(writing_),
          [self = shared_from_this()](error_code write_ec, std::size_t) {
            self->op_ = Op::kNone;
            self->writing_.clear();
            if (write_ec) return self->Close();
            self->Flush();
          });
    });
  }

  void Continue() {
    if (session_.closed() || stopping_) return Close();
    if (session_.tls_requested()) return Handshake();
    Read();
  }

  void Handshake() {
    tls_ = std::make_unique<asio::ssl::stream<tcp::socket&>>(socket_,
                                                             *server_.ssl_);
    op_ = Op::kHandshaking;
    Arm(server_.options_.read_timeout);
    tls_->async_handshake(asio::ssl::stream_base::server,
                          [self = shared_from_this()](error_code ec) {
                            self->op_ = Op::kNone;
                            if (ec || self->stopping_) {
                              self->session_.Abort();
                              return self->Close();
                            }
                            self->session_.TlsEstablished();
                            self->Flush();
                          });
  }

  void Read() {
    op_ = Op::kReading;
    Arm(session_.idle() ? server_.options_.idle_timeout
                        : server_.options_.read_timeout);
    WithStream([this](auto& stream) {
      stream.async_read_some(
          asio::buffer(buffer_),
          [self = shared_from_this()](error_code ec, std::size_t n) {
            self->OnRead(ec, n);
          });
    });
  }

  void OnRead(error_code ec, std::size_t n) {
    op_ = Op::kNone;
    if (ec) {
      if (timed_out_) {
        session_.Timeout();
        return Flush();
      }
      if (stopping_) return Flush();  // the 421 queued by Shutdown()
      return Close();
    }
    session_.Feed(std::string_view(buffer_.data(), n));
    Flush();
  }

  void Close() {
    if (closed_) return;
    closed_ = true;
    session_.Abort();
    error_code ec;
    timer_.cancel();
    socket_.shutdown(tcp::socket::shutdown_both, ec);
    socket_.close(ec);
  }

  Impl& server_;
  tcp::socket socket_;
  std::unique_ptr<asio::ssl::stream<tcp::socket&>> tls_;
  asio::steady_timer timer_;
  asio::steady_timer::time_point deadline_;
  bool timer_waiting_ = false;
  std::uint64_t timer_generation_ = 0;
  SmtpSession session_;
  std::array<char, kReadBufferBytes> buffer_;
  std::string writing_;
  Op op_ = Op::kNone;
  bool timed_out_ = false;
  bool stopping_ = false;
  bool closed_ = false;
};

sim::Status SmtpServer::Impl::Listen() {
  error_code ec;
  asio::ip::address address = asio::ip::make_address(options_.host, ec);
  if (ec && options_.host == "localhost") {
    address = asio::ip::address_v4::loopback();
    ec.clear();
  }
  if (ec) {
    return sim::Error(
        sim::ErrorCode::kInvalidArgument,
        "smtp: '" + options_.host + "' is not an IP address (use 127.0.0.1)");
  }
  const tcp::endpoint endpoint(address,
                               static_cast<unsigned short>(options_.port));
  const auto fail = [&](std::string_view what) {
    error_code ignored;
    acceptor_.close(ignored);
    return sim::Error(sim::ErrorCode::kUnavailable,
                      "smtp: cannot " + std::string(what) + " " +
                          options_.host + ":" + std::to_string(options_.port) +
                          " (" + ec.message() + ")");
  };
  if (acceptor_.open(endpoint.protocol(), ec)) return fail("open");
  acceptor_.set_option(tcp::acceptor::reuse_address(true), ec);
  if (acceptor_.bind(endpoint, ec)) return fail("bind");
  if (acceptor_.listen(options_.listen_backlog, ec)) return fail("listen on");
  port_ = acceptor_.local_endpoint(ec).port();
  if (options_.reserved_listener) {
    TIERSIM_RETURN_IF_ERROR(ListenReserved(address));
  }
  if (options_.tls) {
    ssl_.emplace(asio::ssl::context::tls_server);
    SSL_CTX_set_min_proto_version(ssl_->native_handle(), TLS1_2_VERSION);
    ssl_->set_options(asio::ssl::context::default_workarounds |
                          asio::ssl::context::no_sslv2 |
                          asio::ssl::context::no_sslv3,
                      ec);
    if (ssl_->use_certificate_chain_file(options_.tls->cert_pem_path, ec) ||
        ssl_->use_private_key_file(options_.tls->key_pem_path,
                                   asio::ssl::context::pem, ec)) {
      acceptor_.close(ec);
      return sim::Error(sim::ErrorCode::kUnavailable,
                        "smtp: cannot load the TLS certificate '" +
                            options_.tls->cert_pem_path + "' or key '" +
                            options_.tls->key_pem_path + "'");
    }
  }
  return sim::OkStatus();
}

sim::Status SmtpServer::Impl::ListenReserved(const asio::ip::address& address) {
  error_code ec;
  const tcp::endpoint endpoint(address, 0);
  if (!reserved_acceptor_.open(endpoint.protocol(), ec) &&
      !reserved_acceptor_.bind(endpoint, ec) &&
      !reserved_acceptor_.listen(options_.listen_backlog, ec)) {
    reserved_port_ = reserved_acceptor_.local_endpoint(ec).port();
    return sim::OkStatus();
  }
  error_code ignored;
  acceptor_.close(ignored);
  reserved_acceptor_.close(ignored);
  return sim::Error(
      sim::ErrorCode::kUnavailable,
      "smtp: cannot listen on a reserved port (" + ec.message() + ")");
}

sim::Status SmtpServer::Impl::Start() {
  if (state_ != State::kNew) {
    return sim::Error(sim::ErrorCode::kFailedPrecondition,
                      "smtp: Start() may be called once");
  }
  try {
    TIERSIM_RETURN_IF_ERROR(Listen());
    for (asio::io_context& context : contexts_) {
      work_.emplace_back(context.get_executor());
    }
    Accept(acceptor_, /*reserved=*/false);
    if (reserved_acceptor_.is_open()) {
      Accept(reserved_acceptor_, /*reserved=*/true);
    }
    for (asio::io_context& context : contexts_) {
      threads_.emplace_back([&context] {
        while (true) {
          try {
            context.run();
            return;
          } catch (const std::exception& e) {
            // A handler threw (out of memory, most likely): that
            // connection is lost, the others keep being served. Said, not
            // swallowed: the operator sees why a client was cut off.
            std::fprintf(stderr,
                         "tiersim smtp: a connection's handler failed (%s); "
                         "that connection is closed, the others are served\n",
                         e.what());
          }
        }
      });
    }
  } catch (const std::exception& e) {  // Asio and OpenSSL may throw
    Stop();
    return sim::Error(sim::ErrorCode::kUnavailable,
                      std::string("smtp: cannot start: ") + e.what());
  }
  state_ = State::kRunning;
  return sim::OkStatus();
}

void SmtpServer::Impl::Accept(tcp::acceptor& acceptor, bool reserved) {
  asio::io_context& context = contexts_[next_context_];
  next_context_ = (next_context_ + 1) % contexts_.size();
  acceptor.async_accept(
      context, [this, &acceptor, reserved](error_code ec, tcp::socket socket) {
        if (ec == asio::error::operation_aborted || !acceptor.is_open()) {
          return;
        }
        if (!ec) {
          // Declared before the lock: if the connection has already ended
          // on another thread, its last owner is this one, and its
          // destructor takes the lock (Forget).
          std::shared_ptr<Connection> connection;
          std::lock_guard lock(connections_mutex_);
          if (stopping_) return;  // the socket closes as it goes
          const bool busy = !reserved && active_.load() - reserved_.size() >=
                                             options_.max_connections;
          connection = std::make_shared<Connection>(*this, std::move(socket));
          // Start is queued before any Shutdown() can be (both under the
          // lock), and the connection's io_context runs them in order.
          asio::post(connection->executor(),
                     [connection, busy] { connection->Start(busy); });
          connections_.emplace(connection.get(), connection);
          if (reserved) reserved_.insert(connection.get());
          ++active_;
        }
        Accept(acceptor, reserved);
      });
}

void SmtpServer::Impl::Forget(Connection* connection) {
  std::lock_guard lock(connections_mutex_);
  reserved_.erase(connection);
  if (connections_.erase(connection) > 0) --active_;
}

void SmtpServer::Impl::Stop() {
  if (state_ == State::kStopped) return;
  const bool was_running = state_ == State::kRunning || !threads_.empty();
  state_ = State::kStopped;
  if (!was_running) {
    error_code ec;
    acceptor_.close(ec);
    reserved_acceptor_.close(ec);
    return;
  }
  asio::post(acceptor_.get_executor(), [this] {
    error_code ec;
    acceptor_.close(ec);
    reserved_acceptor_.close(ec);
  });
  std::vector<std::shared_ptr<Connection>> live;
  {
    std::lock_guard lock(connections_mutex_);
    stopping_ = true;
    for (auto& [raw, weak] : connections_) {
      if (auto connection = weak.lock()) live.push_back(std::move(connection));
    }
  }
  for (const auto& connection : live) connection->Shutdown();
  live.clear();
  work_.clear();
  // Let the 421s go out; then stop whatever is left.
  const auto deadline = std::chrono::steady_clock::now() + kStopDeadline;
  while (active_.load() > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  for (asio::io_context& context : contexts_) context.stop();
  for (std::thread& thread : threads_) thread.join();
  threads_.clear();
  // The posted close may not have run before stop(); no thread runs now.
  error_code ec;
  acceptor_.close(ec);
  reserved_acceptor_.close(ec);
}

SmtpServer::SmtpServer(SmtpServerOptions options, MailService& service)
    : impl_(std::make_unique<Impl>(std::move(options), DeliverTo(service))) {}

SmtpServer::SmtpServer(SmtpServerOptions options, SmtpDeliverFn deliver)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(deliver))) {}

SmtpServer::~SmtpServer() { Stop(); }

sim::Status SmtpServer::Start() { return impl_->Start(); }
void SmtpServer::Stop() { impl_->Stop(); }
int SmtpServer::port() const { return impl_->port(); }
int SmtpServer::reserved_port() const { return impl_->reserved_port(); }
std::size_t SmtpServer::connections() const { return impl_->connections(); }
const SmtpServerOptions& SmtpServer::options() const {
  return impl_->options();
}

}  // namespace tiersim::mocks
