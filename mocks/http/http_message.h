// The request and response every tiersim HTTP handler sees, and the router
// that picks a handler for a request. Plain standard-library types: the
// server layer (http_server.h, on Boost.Beast) fills a Request from the
// wire and writes the Response back; no handler sees Beast or sockets.
//
// A Request reaches a handler only after the layer has checked it: the
// head parsed strictly (RFC 9112), the path and query percent-decoded and
// valid UTF-8, every header value valid UTF-8, the body within the limit.
//
// A handler answers at once by filling the Response, or later with
// Response::Defer (a long poll): the connection then waits holding no
// thread until Deferred::Complete or the timeout.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tiersim::mocks {

// Header names compare case-insensitively (RFC 9110 §5.1).
struct HeaderNameLess {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const;
};
using Headers = std::multimap<std::string, std::string, HeaderNameLess>;

struct Request {
  std::string method;  // as sent, upper case: "GET"
  std::string target;  // as sent: "/v1/customers?size=5"
  std::string path;    // decoded: "/v1/customers"
  std::multimap<std::string, std::string, std::less<>> params;  // the query
  Headers headers;
  std::string body;  // after transfer decoding (chunked)
  // [0] the whole path, then the route pattern's groups, each decoded.
  std::vector<std::string> matches;
  std::string remote_address;

  bool has_header(std::string_view name) const;
  // The first value of `name`, or "".
  std::string get_header_value(std::string_view name) const;
  bool has_param(std::string_view name) const;
  std::string get_param_value(std::string_view name) const;
};

class Deferred;

struct Response {
  int status = 200;
  Headers headers;
  std::string body;

  // Replaces any value `name` had.
  void set_header(std::string_view name, std::string value);
  void set_content(std::string content, std::string_view content_type);

  // Answers later: the layer keeps the connection waiting (no thread
  // held) until the returned Deferred is completed, or, after `timeout`,
  // calls `on_timeout` to fill the answer. Call at most once.
  std::shared_ptr<Deferred> Defer(std::chrono::milliseconds timeout,
                                  std::function<void(Response&)> on_timeout);
  const std::shared_ptr<Deferred>& deferred() const { return deferred_; }

 private:
  std::shared_ptr<Deferred> deferred_;
};

// A deferred answer: completed once, by whichever comes first of
// Complete (any thread), the timeout, or the connection going away.
class Deferred {
 public:
  using Sender = std::function<void(Response)>;
  Deferred(std::chrono::milliseconds timeout,
           std::function<void(Response&)> on_timeout)
      : timeout_(timeout), on_timeout_(std::move(on_timeout)) {}

  // Fills and sends the answer; false when the wait had already ended
  // (timed out, the client left, the server stopped).
  bool Complete(const std::function<void(Response&)>& fill);
  // True once answered or abandoned: a waiter list may drop it.
  bool ended() const;

  // For the server layer: where the answer goes (called once, after the
  // handler returned; sends at once if Complete came first), the timeout,
  // and the end of the wait (abandoned: the connection closed).
  void Attach(Sender sender);
  std::chrono::milliseconds timeout() const { return timeout_; }
  void TimeOut();
  void Abandon();

 private:
  mutable std::mutex mutex_;
  std::chrono::milliseconds timeout_;
  std::function<void(Response&)> on_timeout_;
  Sender sender_;                    // guarded by mutex_
  std::optional<Response> pending_;  // completed before Attach
  bool ended_ = false;               // guarded by mutex_
};

// An error the layer or the router found before (or instead of) a handler:
// each server writes it in its own error shape.
struct HttpError {
  int status = 400;
  std::string code;     // stable: "BodyTooLarge", "RouteNotFound", ...
  std::string message;  // for a person: what was wrong, what is expected
};

using Handler = std::function<void(const Request&, Response&)>;
using ErrorHandler =
    std::function<void(const Request&, const HttpError&, Response&)>;

// Routes by method and a regular-expression pattern matched against the
// whole path, in registration order (the first match wins). Captures are
// percent-decoded after matching, so "%2F" inside an id stays in the id.
class Router {
 public:
  Router();
  ~Router();
  Router(const Router&) = delete;
  Router& operator=(const Router&) = delete;

  void Get(std::string_view pattern, Handler handler);
  void Post(std::string_view pattern, Handler handler);
  void Put(std::string_view pattern, Handler handler);
  void Patch(std::string_view pattern, Handler handler);
  void Delete(std::string_view pattern, Handler handler);
  void Options(std::string_view pattern, Handler handler);
  // How this server writes errors (default: {"code","description"} JSON).
  void set_error_handler(ErrorHandler handler);

  // Runs the handler for `req` (HEAD runs GET's): 404 when no pattern
  // matches, 405 with Allow when only other methods do; an exception from
  // a handler becomes a 500 that says nothing of its text (it is logged).
  // `raw_path` is the path as sent (percent-encoded), which is matched.
  void Dispatch(Request& req, std::string_view raw_path, Response& res) const;
  // Writes `error` in this server's shape.
  void Fail(const Request& req, const HttpError& error, Response& res) const;

 private:
  struct Route;
  void Add(std::string method, std::string_view pattern, Handler handler);
  std::vector<Route> routes_;
  ErrorHandler on_error_;
};

// Writes `body` (serialised JSON) with the status.
void ReplyJson(Response& res, int status, std::string body);
// The value of header `name` (case-insensitive), or empty.
std::string HeaderValue(const Request& req, std::string_view name);

}  // namespace tiersim::mocks
