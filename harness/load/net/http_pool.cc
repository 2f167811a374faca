#include "harness/load/net/http_pool.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <deque>
#include <optional>
#include <vector>

namespace tiersim::harness::load::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

namespace {

struct Conn {
  explicit Conn(asio::io_context& io) : stream(io) {}
  beast::tcp_stream stream;
  beast::flat_buffer buffer;
  bool reused = false;  // it has answered a request before
};

struct Job {
  HttpRequest request;
  std::function<void(HttpAnswer)> done;
  std::optional<http::response_parser<http::string_body>> parser;
  HttpAnswer answer;
  bool resent = false;
};

constexpr std::uint64_t kBodyLimit = 64ull << 20;

using ConnPtr = std::shared_ptr<Conn>;
using JobPtr = std::shared_ptr<Job>;

// The server closed a kept-alive connection (idle timeout, restart):
// what a request sent on it meets before any byte of an answer.
bool Closed(const beast::error_code& ec) {
  return ec == http::error::end_of_stream || ec == asio::error::eof ||
         ec == asio::error::connection_reset || ec == asio::error::broken_pipe;
}

}  // namespace

struct HttpPool::Impl : std::enable_shared_from_this<Impl> {
  Impl(asio::io_context& context, std::string h, std::string p, PoolOptions o)
      : io(context), host(std::move(h)), port(std::move(p)), options(o) {
    host_header = port == "80" ? host : host + ":" + port;
    tcp::resolver resolver(io);
    beast::error_code ec;
    endpoints = resolver.resolve(host, port, ec);
    if (ec) {
      resolve_error = "cannot resolve " + host_header + ": " + ec.message();
    }
  }

  void Send(const JobPtr& job) {
    if (!idle.empty()) {
      ConnPtr c = std::move(idle.back());
      idle.pop_back();
      Run(c, job);
    } else if (open < options.max_connections) {
      Connect(job);
    } else {
      waiting.push_back(job);
    }
  }

  void Connect(const JobPtr& job) {
    ++open;
    ++made;
    auto c = std::make_shared<Conn>(io);
    c->stream.expires_after(options.connect_timeout);
    c->stream.async_connect(
        endpoints, [self = shared_from_this(), c, job](
                       const beast::error_code& ec, const tcp::endpoint&) {
          if (ec) {
            self->Drop(c);
            self->Finish(job, "cannot connect to " + self->host_header + ": " +
                                  self->Describe(ec, true));
            return;
          }
          beast::error_code ignored;
          c->stream.socket().set_option(tcp::no_delay(true), ignored);
          self->Run(c, job);
        });
  }

  void Run(const ConnPtr& c, const JobPtr& job) {
    job->parser.emplace();
    job->parser->body_limit(kBodyLimit);
    c->stream.expires_after(options.request_timeout);
    http::async_write(
        c->stream, job->request,
        [self = shared_from_this(), c, job](const beast::error_code& ec,
                                            std::size_t) {
          if (ec) return self->Failed(c, job, ec);
          http::async_read(
              c->stream, c->buffer, *job->parser,
              [self, c, job](const beast::error_code& read_ec, std::size_t) {
                if (read_ec) return self->Failed(c, job, read_ec);
                c->stream.expires_never();
                c->reused = true;
                job->answer.response = job->parser->release();
                if (job->answer.response.keep_alive()) {
                  self->Release(c);
                } else {
                  self->Drop(c);
                }
                self->Finish(job, {});
              });
        });
  }

  // A request whose reused connection was closed before any byte of the
  // answer came is sent once more (the server did not take it up; a POST
  // carries its MS-RequestId in any case).
  void Failed(const ConnPtr& c, const JobPtr& job,
              const beast::error_code& ec) {
    const bool race =
        c->reused && !job->resent && Closed(ec) && !job->parser->got_some();
    if (race && !closing) {
      // First in line for the connection Drop frees.
      job->resent = true;
      ++resent;
      waiting.push_front(job);
      Drop(c);
      return;
    }
    Drop(c);
    if (closing) return;
    Finish(job, Describe(ec, false) + " (" +
                    std::string(job->request.method_string()) + " " +
                    std::string(job->request.target()) + " to " + host_header +
                    ")");
  }

  std::string Describe(const beast::error_code& ec, bool connecting) const {
    if (ec == beast::error::timeout) {
      const auto ms = connecting ? options.connect_timeout.count()
                                 : options.request_timeout.count();
      return std::string(connecting ? "no connection" : "no answer") +
             " within " + std::to_string(ms) + " ms";
    }
    return ec.message();
  }

  // `c` is free again: the next waiting request, or the idle list.
  void Release(const ConnPtr& c) {
    if (closing) return Drop(c);
    if (!waiting.empty()) {
      JobPtr next = std::move(waiting.front());
      waiting.pop_front();
      Run(c, next);
    } else {
      idle.push_back(c);
    }
  }

  // `c` is closed; a waiting request may now open a connection.
  void Drop(const ConnPtr& c) {
    beast::error_code ignored;
    c->stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    c->stream.close();
    --open;
    if (!closing && !waiting.empty() && open < options.max_connections) {
      JobPtr next = std::move(waiting.front());
      waiting.pop_front();
      Connect(next);
    }
  }

  void Finish(const JobPtr& job, std::string error) {
    if (closing) return;
    job->answer.error = std::move(error);
    auto done = std::move(job->done);
    done(std::move(job->answer));
  }

  asio::io_context& io;
  std::string host, port, host_header;
  PoolOptions options;
  tcp::resolver::results_type endpoints;
  std::string resolve_error;
  std::vector<ConnPtr> idle;
  std::deque<JobPtr> waiting;
  std::size_t open = 0, made = 0, resent = 0;
  bool closing = false;
};

HttpPool::HttpPool(asio::io_context& io, std::string host, std::string port,
                   PoolOptions options)
    : impl_(std::make_shared<Impl>(io, std::move(host), std::move(port),
                                   options)) {}

HttpPool::~HttpPool() {
  impl_->closing = true;
  impl_->waiting.clear();
  for (const ConnPtr& c : impl_->idle) {
    beast::error_code ignored;
    c->stream.socket().close(ignored);
  }
  impl_->idle.clear();
}

const std::string& HttpPool::resolve_error() const {
  return impl_->resolve_error;
}

void HttpPool::Send(HttpRequest request, std::function<void(HttpAnswer)> done) {
  auto job = std::make_shared<Job>();
  job->request = std::move(request);
  job->request.set(http::field::host, impl_->host_header);
  job->request.keep_alive(true);
  job->request.prepare_payload();
  job->done = std::move(done);
  if (!impl_->resolve_error.empty()) {  // answered later, never inside Send
    boost::asio::post(impl_->io, [impl = impl_, job] {
      impl->Finish(job, impl->resolve_error);
    });
    return;
  }
  impl_->Send(job);
}

std::size_t HttpPool::open_connections() const { return impl_->open; }
std::size_t HttpPool::connections_made() const { return impl_->made; }
std::size_t HttpPool::resent() const { return impl_->resent; }

}  // namespace tiersim::harness::load::net
