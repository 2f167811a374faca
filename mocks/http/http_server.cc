#include "mocks/http/http_server.h"

#include <sys/socket.h>

#include <utility>

namespace tiersim::mocks {

HttpServer::HttpServer(std::string name, HttpServerOptions options)
    : name_(std::move(name)), options_(std::move(options)) {
  if (options_.tls) {
    server_ = std::make_unique<httplib::SSLServer>(
        options_.tls->cert_pem_path.c_str(),
        options_.tls->key_pem_path.c_str());
  } else {
    server_ = std::make_unique<httplib::Server>();
  }
  const int threads = options_.threads > 0 ? options_.threads : 8;
  server_->new_task_queue = [threads] {
    return new httplib::ThreadPool(static_cast<std::size_t>(threads));
  };
  server_->set_tcp_nodelay(true);
  server_->set_keep_alive_max_count(options_.keep_alive_max_requests);
  server_->set_keep_alive_timeout(options_.keep_alive_timeout_seconds);
  server_->set_payload_max_length(options_.max_body_bytes);
  // httplib listens with a backlog of 5, fixed when Debian built it; the
  // socket-options hook hands us the descriptor so Start() can listen()
  // again with a deeper queue (Linux updates the backlog in place).
  server_->set_socket_options([this](int fd) {
    listen_fd_ = fd;
    int yes = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
}

HttpServer::~HttpServer() { Stop(); }

sim::Status HttpServer::Start() {
  if (thread_.joinable()) {
    return sim::Status(sim::ErrorCode::kFailedPrecondition,
                       name_ + " is already running");
  }
  if (!server_->is_valid()) {
    return sim::Status(sim::ErrorCode::kUnavailable,
                       name_ + ": cannot load the TLS certificate or key");
  }
  int port = 0;
  if (options_.port == 0) {
    port = server_->bind_to_any_port(options_.host);
  } else {
    port = server_->bind_to_port(options_.host, options_.port) ? options_.port
                                                               : -1;
  }
  if (port <= 0) {
    return sim::Status(sim::ErrorCode::kUnavailable,
                       name_ + ": cannot listen on " + options_.host + ":" +
                           std::to_string(options_.port) +
                           " (address in use or not local?)");
  }
  port_ = port;
  if (listen_fd_ >= 0) ::listen(listen_fd_, options_.listen_backlog);
  loop_ended_ = false;
  thread_ = std::thread([this] {
    server_->listen_after_bind();
    loop_ended_ = true;
  });
  // The socket already listens, so connections queue from here on; wait
  // only until the accept loop runs, so Stop() right after Start() works.
  while (!server_->is_running() && !loop_ended_) std::this_thread::yield();
  if (!server_->is_running()) {
    thread_.join();
    return sim::Status(sim::ErrorCode::kUnavailable,
                       name_ + ": the accept loop did not start");
  }
  return sim::OkStatus();
}

void HttpServer::Stop() {
  if (!thread_.joinable()) return;
  server_->stop();
  thread_.join();
}

std::string HttpServer::url() const {
  const std::string host = tls() && options_.host == "127.0.0.1"
                               ? std::string("localhost")
                               : options_.host;
  return std::string(tls() ? "https://" : "http://") + host + ":" +
         std::to_string(port_);
}

void ReplyJson(httplib::Response& res, int status, std::string body) {
  res.status = status;
  res.set_content(std::move(body), "application/json; charset=utf-8");
}

std::string HeaderValue(const httplib::Request& req, std::string_view name) {
  // httplib keeps headers in a case-insensitive multimap.
  return req.get_header_value(std::string(name));
}

}  // namespace tiersim::mocks
