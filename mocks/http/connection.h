// One accepted connection of an HttpServer: reads requests (strictly, with
// deadlines), runs the router, writes the answers in order. Internal to
// mocks/http; http_server.cc accepts and hands sockets over.
#pragma once

#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "mocks/http/http_server.h"
#include "mocks/http/request_parser.h"

namespace tiersim::mocks::http_internal {

class ConnectionBase {
 public:
  virtual ~ConnectionBase() = default;
  // Ends the connection soon: at once when it waits for a request, after
  // the answer when one is being written. Thread-safe (posts).
  virtual void Close() = 0;
};

// What the acceptor and every connection of one server share. Outlives
// the connections (the server destroys its event loop first).
struct ServerState {
  ServerState(const Router& r, const HttpServerOptions& o, std::string n)
      : router(r), options(o), name(std::move(n)) {
    limits.max_body_bytes = o.max_body_bytes;
    limits.max_head_bytes = o.max_head_bytes;
    limits.max_target_bytes = o.max_target_bytes;
    limits.max_headers = o.max_headers;
  }
  const Router& router;
  const HttpServerOptions& options;
  const std::string name;
  HttpLimits limits;
  std::atomic<bool> stopping{false};

  std::mutex mutex;
  std::unordered_map<std::uint64_t, std::weak_ptr<ConnectionBase>> live;
  std::uint64_t next_id = 0;  // guarded by mutex
  std::atomic<std::size_t> count{0};

  std::uint64_t Register(const std::shared_ptr<ConnectionBase>& c);
  void Unregister(std::uint64_t id);
  void CloseAll();
};

// Start serving `socket` (its executor a strand of the server's loop).
void ServePlain(ServerState& state, boost::asio::ip::tcp::socket socket);
void ServeTls(ServerState& state, boost::asio::ssl::context& tls,
              boost::asio::ip::tcp::socket socket);

}  // namespace tiersim::mocks::http_internal
