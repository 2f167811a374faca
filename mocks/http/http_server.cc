#include "mocks/http/http_server.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <iostream>
#include <thread>
#include <vector>

#include "mocks/http/connection.h"

namespace tiersim::mocks {

namespace asio = boost::asio;
using boost::system::error_code;
using tcp = asio::ip::tcp;

class HttpServer::Impl {
 public:
  Impl(const Router& router, const HttpServerOptions& options,
       const std::string& name)
      : state_(router, options, name),
        acceptor_(asio::make_strand(ioc_)),
        retry_(acceptor_.get_executor()) {}

  sim::Status Open(int* port) {
    const HttpServerOptions& o = state_.options;
    if (o.tls) {
      tls_.emplace(asio::ssl::context::tls_server);
      error_code ec;
      tls_->set_options(
          asio::ssl::context::default_workarounds |
              asio::ssl::context::no_sslv2 | asio::ssl::context::no_sslv3 |
              asio::ssl::context::no_tlsv1 | asio::ssl::context::no_tlsv1_1,
          ec);
      tls_->use_certificate_chain_file(o.tls->cert_pem_path, ec);
      if (!ec) {
        tls_->use_private_key_file(o.tls->key_pem_path, asio::ssl::context::pem,
                                   ec);
      }
      if (ec) {
        return sim::Status(sim::ErrorCode::kUnavailable,
                           state_.name +
                               ": cannot load the TLS certificate or key (" +
                               ec.message() + ")");
      }
    }
    error_code ec;
    const asio::ip::address address = asio::ip::make_address(o.host, ec);
    if (ec) {
      return sim::Status(
          sim::ErrorCode::kUnavailable,
          state_.name + ": '" + o.host + "' is not an IP address to listen on");
    }
    const tcp::endpoint endpoint(address, static_cast<unsigned short>(o.port));
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(tcp::acceptor::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(o.listen_backlog, ec);
    if (ec) {
      return sim::Status(sim::ErrorCode::kUnavailable,
                         state_.name + ": cannot listen on " + o.host + ":" +
                             std::to_string(o.port) + " (" + ec.message() +
                             ")");
    }
    *port = acceptor_.local_endpoint().port();
    return sim::OkStatus();
  }

  void Run() {
    asio::post(acceptor_.get_executor(), [this] { Accept(); });
    const int n = state_.options.threads > 0
                      ? state_.options.threads
                      : std::max(2, static_cast<int>(
                                        std::thread::hardware_concurrency()));
    for (int i = 0; i < n; ++i) threads_.emplace_back([this] { ioc_.run(); });
  }

  void Stop() {
    state_.stopping = true;
    asio::post(acceptor_.get_executor(), [this] {
      error_code ec;
      acceptor_.close(ec);
      retry_.cancel();
    });
    state_.CloseAll();
    // In-flight answers finish; idle and deferred connections close at
    // once. Whatever is left after stop_timeout is cut off.
    const auto deadline =
        std::chrono::steady_clock::now() + state_.options.stop_timeout;
    // Connections accepted while the acceptor was closing close
    // themselves at their next request; stragglers are asked again.
    for (int tick = 1;
         state_.count.load() > 0 && std::chrono::steady_clock::now() < deadline;
         ++tick) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
      if (tick % 50 == 0) state_.CloseAll();
    }
    ioc_.stop();
    for (auto& t : threads_) t.join();
    threads_.clear();
  }

  std::size_t connections() const { return state_.count.load(); }

 private:
  void Accept() {
    acceptor_.async_accept(
        asio::make_strand(ioc_), [this](error_code ec, tcp::socket socket) {
          if (state_.stopping) return;
          if (ec) {
            // Out of descriptors (EMFILE) or a transient failure: retry
            // shortly instead of spinning or giving up.
            retry_.expires_after(std::chrono::milliseconds(50));
            retry_.async_wait([this](error_code wait) {
              if (!wait && !state_.stopping) Accept();
            });
            return;
          }
          if (state_.count.load() >= state_.options.max_connections) {
            error_code ignored;
            socket.close(ignored);
          } else if (tls_) {
            http_internal::ServeTls(state_, *tls_, std::move(socket));
          } else {
            http_internal::ServePlain(state_, std::move(socket));
          }
          Accept();
        });
  }

  // Declared first: the connections the loop still holds when it is
  // destroyed unregister from it.
  http_internal::ServerState state_;
  std::optional<asio::ssl::context> tls_;
  asio::io_context ioc_;
  tcp::acceptor acceptor_;
  asio::steady_timer retry_;
  std::vector<std::thread> threads_;
};

HttpServer::HttpServer(std::string name, HttpServerOptions options)
    : name_(std::move(name)), options_(std::move(options)) {}

HttpServer::~HttpServer() { Stop(); }

sim::Status HttpServer::Start() {
  if (impl_) {
    return sim::Status(sim::ErrorCode::kFailedPrecondition,
                       name_ + " is already running");
  }
  auto impl = std::make_unique<Impl>(router_, options_, name_);
  int port = 0;
  if (sim::Status opened = impl->Open(&port); !opened.ok()) return opened;
  port_ = port;
  impl->Run();
  impl_ = std::move(impl);
  return sim::OkStatus();
}

void HttpServer::Stop() {
  if (!impl_) return;
  impl_->Stop();
  impl_.reset();
}

std::size_t HttpServer::connections() const {
  return impl_ ? impl_->connections() : 0;
}

std::string HttpServer::url() const {
  const std::string host = tls() && options_.host == "127.0.0.1"
                               ? std::string("localhost")
                               : options_.host;
  return std::string(tls() ? "https://" : "http://") + host + ":" +
         std::to_string(port_);
}

}  // namespace tiersim::mocks
