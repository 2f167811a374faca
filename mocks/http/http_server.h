// HttpServer: one cpp-httplib server (plain HTTP or HTTPS) configured the way
// a load test needs it — TCP_NODELAY, a worker pool sized for many
// keep-alive connections, long keep-alive, a deep listen backlog, a body
// limit — bound to a host and port (0 = an ephemeral port, as tests use) and
// run on its own thread from Start() until Stop() or destruction (RAII).
//
// Services add their routes to routes() before Start(). Only server .cc
// files include this header (it pulls in httplib.h); everything else talks
// to a service through its own light header.
//
// Thread rules: routes() and Start() from one thread; handlers then run on
// the worker pool concurrently, so they serialise access to shared state
// themselves (see mocks/world/shared_world.h).
#pragma once

#include <httplib.h>

#include <atomic>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "sim/status.h"

namespace tiersim::mocks {

struct TlsFiles {
  std::string cert_pem_path;  // server certificate (chain) in PEM
  std::string key_pem_path;   // its private key in PEM
};

struct HttpServerOptions {
  std::string host = "127.0.0.1";
  int port = 0;  // 0: an ephemeral port, read back with port()
  // Workers; each serves one connection at a time (httplib's model), so
  // size it for the keep-alive connections expected (wrk -c64 needs 64+).
  int threads = 72;
  std::size_t max_body_bytes = 1 << 20;  // larger bodies get 413
  std::size_t keep_alive_max_requests = 100000;
  // Also how long Stop() may wait for an idle keep-alive connection
  // (httplib 0.11's keep-alive loop does not notice stop()).
  int keep_alive_timeout_seconds = 5;
  int listen_backlog = 1024;
  std::optional<TlsFiles> tls;  // set: HTTPS
};

class HttpServer {
 public:
  // `name` appears in logs and errors ("partner-center").
  HttpServer(std::string name, HttpServerOptions options);
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;
  ~HttpServer();  // stops

  httplib::Server& routes() { return *server_; }

  // Binds and starts serving on a background thread. kUnavailable when the
  // address cannot be bound (port taken) or the TLS files cannot be loaded;
  // kFailedPrecondition when already started.
  sim::Status Start();
  // Stops accepting, finishes in-flight requests, joins. Idempotent.
  void Stop();

  const std::string& name() const { return name_; }
  int port() const { return port_; }
  bool tls() const { return options_.tls.has_value(); }
  // "http://127.0.0.1:PORT" or "https://localhost:PORT" (the certificate
  // names localhost and 127.0.0.1).
  std::string url() const;

 private:
  std::string name_;
  HttpServerOptions options_;
  std::unique_ptr<httplib::Server> server_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> loop_ended_{false};
  std::thread thread_;
};

// ---- Helpers every service's handlers share ----

// Writes `body` (already serialised JSON) with the status.
void ReplyJson(httplib::Response& res, int status, std::string body);

// The value of header `name` (case-insensitive), or empty.
std::string HeaderValue(const httplib::Request& req, std::string_view name);

}  // namespace tiersim::mocks
