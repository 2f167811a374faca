#include "mocks/http/connection.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <iostream>
#include <optional>

#include "mocks/http/network_faults.h"

namespace tiersim::mocks::http_internal {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using boost::system::error_code;

std::uint64_t ServerState::Register(const std::shared_ptr<ConnectionBase>& c) {
  std::lock_guard lock(mutex);
  const std::uint64_t id = next_id++;
  live.emplace(id, c);
  ++count;
  return id;
}

void ServerState::Unregister(std::uint64_t id) {
  std::lock_guard lock(mutex);
  live.erase(id);
  --count;
}

void ServerState::CloseAll() {
  std::vector<std::shared_ptr<ConnectionBase>> open;
  {
    std::lock_guard lock(mutex);
    for (auto& [id, weak] : live) {
      if (auto c = weak.lock()) open.push_back(std::move(c));
    }
  }
  for (auto& c : open) c->Close();
}

namespace {

constexpr std::size_t kReadChunk = 16 * 1024;
constexpr auto kShutdownTimeout = std::chrono::seconds(1);
constexpr auto kLingerTime = std::chrono::seconds(2);

template <typename Stream>
class Connection : public ConnectionBase,
                   public std::enable_shared_from_this<Connection<Stream>> {
 public:
  template <typename... Args>
  Connection(ServerState& state, Args&&... stream_args)
      : state_(state),
        stream_(std::forward<Args>(stream_args)...),
        buffer_(state.limits.max_head_bytes + 2 * kReadChunk),
        wait_timer_(stream_.get_executor()) {
    error_code ec;
    const auto remote = lowest().socket().remote_endpoint(ec);
    if (!ec) remote_ = remote.address().to_string();
  }
  ~Connection() override {
    if (deferred_) deferred_->Abandon();
    state_.Unregister(id_);
  }

  // Called from the acceptor's strand: everything the connection does
  // runs on its own strand (its timers' handlers do), so it starts there.
  void Begin(std::uint64_t id) {
    id_ = id;
    asio::dispatch(stream_.get_executor(),
                   [self = this->shared_from_this()] { self->Run(); });
  }

 private:
  void Run() {
    error_code ignored;
    lowest().socket().set_option(asio::ip::tcp::no_delay(true), ignored);
    if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
      WaitForRequest();
    } else {
      lowest().expires_after(state_.options.head_timeout);
      stream_.async_handshake(asio::ssl::stream_base::server,
                              [self = this->shared_from_this()](error_code ec) {
                                if (ec) return self->Drop();
                                self->WaitForRequest();
                              });
    }
  }

 public:
  void Close() override {
    asio::dispatch(stream_.get_executor(),
                   [self = this->shared_from_this()] { self->CloseNow(); });
  }

 private:
  beast::tcp_stream& lowest() { return beast::get_lowest_layer(stream_); }

  void CloseNow() {
    closing_ = true;
    if (writing_) return;  // closes after the answer
    if (deferred_) {
      deferred_->Abandon();
      deferred_.reset();
    }
    wait_timer_.cancel();
    Drop();
  }

  void Drop() {
    error_code ec;
    lowest().socket().shutdown(asio::ip::tcp::socket::shutdown_both, ec);
    lowest().close();
  }

  // ---- Reading the head ----

  void WaitForRequest() {
    if (closing_ || state_.stopping) return Drop();
    parser_.emplace();
    head_scanned_ = 0;
    if (buffer_.size() > 0) {
      lowest().expires_after(state_.options.head_timeout);
      return OnHeadBytes();
    }
    // Idle between requests: the first byte may take idle_timeout; the
    // rest of the head then has head_timeout from that first byte.
    lowest().expires_after(state_.options.idle_timeout);
    ReadMore([](Connection& self) {
      self.lowest().expires_after(self.state_.options.head_timeout);
      self.OnHeadBytes();
    });
  }

  template <typename Next>
  void ReadMore(Next next) {
    if (buffer_.size() >= buffer_.max_size()) {
      return FailAndClose(Request(), {431, "HeadersTooLarge",
                                      "the request's headers are larger "
                                      "than the server accepts"});
    }
    const std::size_t room =
        std::min(kReadChunk, buffer_.max_size() - buffer_.size());
    stream_.async_read_some(
        buffer_.prepare(room),
        [self = this->shared_from_this(), next](error_code ec, std::size_t n) {
          if (ec) return self->Drop();  // closed, reset or timed out
          self->buffer_.commit(n);
          next(*self);
        });
  }

  std::string_view Buffered() const {
    const auto data = buffer_.data();
    return {static_cast<const char*>(data.data()), data.size()};
  }

  void OnHeadBytes() {
    const std::string_view bytes = Buffered();
    const std::size_t from = head_scanned_ > 3 ? head_scanned_ - 3 : 0;
    const std::size_t found = FindHeadEnd(bytes.substr(from));
    if (found == std::string_view::npos) {
      head_scanned_ = bytes.size();
      if (bytes.size() > state_.limits.max_head_bytes) {
        return FailAndClose(
            Request(),
            {431, "HeadersTooLarge",
             "the request's headers are larger than the "
             "server accepts (" +
                 std::to_string(state_.limits.max_head_bytes) + " bytes)"});
      }
      return ReadMore([](Connection& self) { self.OnHeadBytes(); });
    }
    const std::size_t head_end = from + found;
    if (auto error =
            ParseHead(bytes.substr(0, head_end), state_.limits, *parser_)) {
      return FailAndClose(PartialRequest(), *error);
    }
    buffer_.consume(head_end);
    if (auto error = CheckFraming(*parser_)) {
      return FailAndClose(PartialRequest(), *error);
    }
    if (parser_->is_done()) return Serve();
    lowest().expires_after(state_.options.body_timeout);
    const auto& expect = parser_->get()[bhttp::field::expect];
    if (beast::iequals(expect, "100-continue") && buffer_.size() == 0) {
      static constexpr std::string_view kContinue =
          "HTTP/1.1 100 Continue\r\n\r\n";
      return asio::async_write(
          stream_, asio::buffer(kContinue.data(), kContinue.size()),
          [self = this->shared_from_this()](error_code ec, std::size_t) {
            if (ec) return self->Drop();
            self->ReadBody();
          });
    }
    ReadBody();
  }

  void ReadBody() {
    bhttp::async_read(
        stream_, buffer_, *parser_,
        [self = this->shared_from_this()](error_code ec, std::size_t) {
          if (ec == beast::error::timeout || ec == asio::error::eof ||
              ec == asio::error::connection_reset ||
              ec == asio::error::operation_aborted) {
            return self->Drop();
          }
          if (ec)
            return self->FailAndClose(self->PartialRequest(), BodyError(ec));
          self->Serve();
        });
  }

  // What is known of a request refused before it was whole, for the
  // error's shape (method and target only if they are text).
  Request PartialRequest() const {
    Request req;
    if (parser_ && parser_->is_header_done()) {
      req.method = std::string(parser_->get().method_string());
    }
    return req;
  }

  // ---- Answering ----

  void Serve() {
    Request req;
    std::string raw_path;
    req.remote_address = remote_;
    keep_alive_ = parser_->keep_alive();
    head_ = parser_->get().method() == bhttp::verb::head;
    version_ = parser_->get().version();
    Response res;
    if (auto error = BuildRequest(*parser_, req, raw_path)) {
      state_.router.Fail(req, *error, res);
      keep_alive_ = false;
    } else if (auto fault = NetworkFault(req)) {
      parser_.reset();
      return Inject(*fault, std::move(req), std::move(raw_path));
    } else {
      state_.router.Dispatch(req, raw_path, res);
    }
    parser_.reset();
    Answer(std::move(res));
  }

  void Answer(Response res) {
    if (const std::shared_ptr<Deferred> deferred = res.deferred()) {
      return AwaitDeferred(deferred);
    }
    Write(std::move(res));
  }

  // ---- Network faults (network_faults.h) ----

  std::optional<NetworkFaultDecision> NetworkFault(const Request& req) {
    NetworkFaults* faults = state_.options.network_faults;
    if (faults == nullptr || req.path.rfind("/_tiersim/", 0) == 0) {
      return std::nullopt;  // the controls always answer
    }
    return faults->Decide(state_.name, req.method, req.path);
  }

  void Inject(const NetworkFaultDecision& fault, Request req,
              std::string raw_path) {
    switch (fault.kind) {
      case NetworkFaultKind::kReset: {
        // SO_LINGER 0: the close sends RST, the client's read fails with
        // "connection reset by peer", no answer.
        error_code ec;
        lowest().socket().set_option(asio::socket_base::linger(true, 0), ec);
        lowest().close();
        return;
      }
      case NetworkFaultKind::kStatus: {
        Response res;
        state_.router.Fail(req, NetworkError(fault.status), res);
        if ((fault.status == 429 || fault.status == 503) &&
            fault.delay.count() > 0) {
          res.set_header("Retry-After",
                         std::to_string((fault.delay.count() + 999) / 1000));
        }
        return Write(std::move(res));
      }
      case NetworkFaultKind::kLatency:
        break;
    }
    // Late: the request is answered after the delay, holding no thread.
    lowest().expires_never();
    wait_timer_.expires_after(fault.delay);
    wait_timer_.async_wait(
        [self = this->shared_from_this(), req = std::move(req),
         raw_path = std::move(raw_path)](error_code ec) mutable {
          if (ec || self->closing_) return;  // closed meanwhile
          Response res;
          self->state_.router.Dispatch(req, raw_path, res);
          self->Answer(std::move(res));
        });
  }

  static HttpError NetworkError(int status) {
    if (status == 429) {
      return {429, "TooManyRequests",
              "too many requests (a network fault armed with http.429); "
              "retry after the time in Retry-After"};
    }
    return {status, "ServiceUnavailable",
            "the service failed this request (a network fault armed with "
            "http." +
                std::to_string(status) + "); retry later"};
  }

  void AwaitDeferred(const std::shared_ptr<Deferred>& deferred) {
    deferred_ = deferred;
    wait_timer_.expires_after(deferred->timeout());
    // The pending timer keeps the connection alive while it waits.
    wait_timer_.async_wait(
        [self = this->shared_from_this(), deferred](error_code ec) {
          if (ec) return;  // cancelled: answered or closed
          deferred->TimeOut();
        });
    // No read is pending meanwhile: the idle deadline must not fire.
    lowest().expires_never();
    // The sender holds the connection too; the cycle ends when it is
    // called (answer or timeout) or dropped (Abandon on close).
    deferred->Attach([self = this->shared_from_this()](Response res) {
      asio::post(self->stream_.get_executor(),
                 [self, res = std::move(res)]() mutable {
                   self->wait_timer_.cancel();
                   self->deferred_.reset();
                   self->Write(std::move(res));
                 });
    });
  }

  void FailAndClose(Request req, const HttpError& error) {
    Response res;
    state_.router.Fail(req, error, res);
    keep_alive_ = false;
    head_ = false;
    version_ = 11;
    linger_ = true;
    Write(std::move(res));
  }

  void Write(Response res) {
    const bool keep = keep_alive_ && !closing_ && !state_.stopping &&
                      ++served_ < state_.options.keep_alive_max_requests;
    out_.emplace(static_cast<bhttp::status>(res.status), version_);
    for (auto& [name, value] : res.headers) out_->insert(name, value);
    out_->set(bhttp::field::server, "tiersim");
    out_->keep_alive(keep);
    out_->content_length(res.body.size());
    if (!head_) out_->body() = std::move(res.body);
    writing_ = true;
    lowest().expires_after(state_.options.write_timeout);
    bhttp::async_write(
        stream_, *out_,
        [self = this->shared_from_this(), keep](error_code ec, std::size_t) {
          self->writing_ = false;
          self->out_.reset();
          if (ec) return self->Drop();
          if (!keep || self->closing_) return self->Finish();
          self->WaitForRequest();
        });
  }

  // After refusing a request whose body was not read: the client may
  // still be sending it, and closing now would reset the connection and
  // lose our answer. Half-close, then discard what arrives for a while
  // (nginx's lingering close).
  void Linger() {
    if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
      error_code ec;
      lowest().socket().shutdown(asio::ip::tcp::socket::shutdown_send, ec);
    }
    lowest().expires_after(kLingerTime);
    DiscardInput();
  }

  void DiscardInput() {
    buffer_.clear();
    stream_.async_read_some(
        buffer_.prepare(kReadChunk),
        [self = this->shared_from_this()](error_code ec, std::size_t) {
          if (ec || self->closing_) return self->Drop();
          self->DiscardInput();
        });
  }

  // Ends after the last answer: TLS says close_notify, TCP half-closes.
  void Finish() {
    if (linger_) return Linger();
    if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
      Drop();
    } else {
      lowest().expires_after(kShutdownTimeout);
      stream_.async_shutdown(
          [self = this->shared_from_this()](error_code) { self->Drop(); });
    }
  }

  ServerState& state_;
  Stream stream_;
  beast::flat_buffer buffer_;
  asio::steady_timer wait_timer_;
  std::optional<BeastParser> parser_;
  std::optional<bhttp::response<bhttp::string_body>> out_;
  std::shared_ptr<Deferred> deferred_;
  std::string remote_;
  std::uint64_t id_ = 0;
  std::size_t head_scanned_ = 0;
  std::size_t served_ = 0;
  unsigned version_ = 11;
  bool keep_alive_ = false;
  bool head_ = false;
  bool writing_ = false;
  bool closing_ = false;
  bool linger_ = false;  // the last request's body was left unread
};

}  // namespace

void ServePlain(ServerState& state, asio::ip::tcp::socket socket) {
  auto c =
      std::make_shared<Connection<beast::tcp_stream>>(state, std::move(socket));
  c->Begin(state.Register(c));
}

void ServeTls(ServerState& state, asio::ssl::context& tls,
              asio::ip::tcp::socket socket) {
  auto c = std::make_shared<Connection<beast::ssl_stream<beast::tcp_stream>>>(
      state, std::move(socket), tls);
  c->Begin(state.Register(c));
}

}  // namespace tiersim::mocks::http_internal
