// HttpServer: one HTTP/1.1 server (plain or TLS) on Boost.Beast, bound to a
// host and port (0 = an ephemeral port, as tests use), serving the routes
// of its Router from a small fixed pool of threads until Stop() or
// destruction (RAII).
//
// Asynchronous: a connection holds a thread only while its handler runs,
// so thousands of keep-alive connections (idle, slow or deferred) cost
// memory, not threads. Every connection has deadlines: the TLS handshake,
// the request head once its first byte came (slowloris), the body, the
// reply's write, and an idle timeout between requests. Requests are read
// strictly (request_parser.h) within the limits below, pipelined requests
// are answered in order, and Stop() returns within `stop_timeout` whatever
// clients do.
//
// Services add their routes to routes() before Start(); handlers then run
// on the pool concurrently, so they serialise access to shared state
// themselves (see mocks/world/shared_world.h). This header is light (no
// Beast, no Asio): the layer is in connection.cc and http_server.cc.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "mocks/http/http_message.h"
#include "sim/status.h"

namespace tiersim::mocks {

class NetworkFaults;  // network_faults.h

struct TlsFiles {
  std::string cert_pem_path;  // server certificate (chain) in PEM
  std::string key_pem_path;   // its private key in PEM
};

struct HttpServerOptions {
  std::string host = "127.0.0.1";
  int port = 0;  // 0: an ephemeral port, read back with port()
  // Event-loop threads; handlers run on them. 0: one per core, at least
  // 2 (handlers are short and CPU-bound: more only adds switches).
  int threads = 0;
  std::size_t max_body_bytes = 1 << 20;  // 413 beyond, after decoding
  std::size_t max_head_bytes = 32 * 1024;
  std::size_t max_target_bytes = 8 * 1024;
  std::size_t max_headers = 100;
  std::size_t max_connections = 20000;  // further ones wait in the backlog
  std::size_t keep_alive_max_requests = 100000;
  // The whole head must arrive within this of its first byte.
  std::chrono::milliseconds head_timeout = std::chrono::seconds(10);
  std::chrono::milliseconds body_timeout = std::chrono::seconds(30);
  std::chrono::milliseconds write_timeout = std::chrono::seconds(30);
  // A keep-alive connection with no request for this long is closed.
  std::chrono::milliseconds idle_timeout = std::chrono::seconds(120);
  std::chrono::milliseconds stop_timeout = std::chrono::seconds(5);
  int listen_backlog = 4096;
  std::optional<TlsFiles> tls;  // set: HTTPS
  // Faults of the network to inject before routing (borrowed; must
  // outlive the server); null: none.
  NetworkFaults* network_faults = nullptr;
};

class HttpServer {
 public:
  // `name` appears in logs and errors ("partner-center").
  HttpServer(std::string name, HttpServerOptions options);
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;
  ~HttpServer();  // stops

  Router& routes() { return router_; }

  // Binds and starts serving. kUnavailable when the address cannot be
  // bound (port taken) or the TLS files cannot be loaded;
  // kFailedPrecondition when already started.
  sim::Status Start();
  // Stops accepting, lets in-flight requests finish and closes every
  // connection (idle ones at once), then joins; within stop_timeout.
  // Idempotent.
  void Stop();

  const std::string& name() const { return name_; }
  int port() const { return port_; }
  bool tls() const { return options_.tls.has_value(); }
  // "http://127.0.0.1:PORT" or "https://localhost:PORT" (the certificate
  // names localhost and 127.0.0.1).
  std::string url() const;
  // Connections open now (for tests and /_tiersim diagnostics).
  std::size_t connections() const;

 private:
  class Impl;
  std::string name_;
  HttpServerOptions options_;
  Router router_;
  std::unique_ptr<Impl> impl_;
  int port_ = 0;
};

}  // namespace tiersim::mocks
