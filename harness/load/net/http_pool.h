// HttpPool: asynchronous HTTP/1.1 requests to one server over a pool of
// keep-alive connections (Boost.Beast on an Asio io_context), for the load
// engine's network transport. At most `max_connections` are open; requests
// beyond them wait in order for a free one. Every connect and every
// request has a timeout. A request whose reused connection turns out to
// have been closed by the server before any byte of the answer came back
// is sent once more on a fresh connection (a keep-alive race, not a
// failure); any other failure is the request's answer, never retried here
// (NetworkLoadTransport decides, with MS-RequestId making POSTs safe).
//
// Single-threaded: one pool per io_context, used from its thread. Included
// only by harness/load/net/*.cc (Beast stays out of other headers).
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

namespace tiersim::harness::load::net {

namespace http = boost::beast::http;
using HttpRequest = http::request<http::string_body>;
using HttpResponse = http::response<http::string_body>;

struct HttpAnswer {
  std::string error;  // non-empty: no answer (refused, timed out, reset)
  HttpResponse response;
};

struct PoolOptions {
  std::size_t max_connections = 64;
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds request_timeout{30000};
};

class HttpPool {
 public:
  // `host` and `port` of the server (resolved once, here); `resolve_error`
  // says why not when they cannot be resolved.
  HttpPool(boost::asio::io_context& io, std::string host, std::string port,
           PoolOptions options);
  ~HttpPool();
  HttpPool(const HttpPool&) = delete;
  HttpPool& operator=(const HttpPool&) = delete;

  const std::string& resolve_error() const;
  // Sends `request` (Host and keep-alive are set here); `done` is called
  // on the io_context's thread with the answer.
  void Send(HttpRequest request, std::function<void(HttpAnswer)> done);

  std::size_t open_connections() const;
  std::size_t connections_made() const;  // over the pool's life
  std::size_t resent() const;            // keep-alive races survived

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace tiersim::harness::load::net
