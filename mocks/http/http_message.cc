#include "mocks/http/http_message.h"

#include <algorithm>
#include <exception>
#include <iostream>
#include <nlohmann/json.hpp>
#include <regex>

#include "mocks/common/form_encoding.h"
#include "mocks/common/json_text.h"
#include "sim/text.h"

namespace tiersim::mocks {

bool HeaderNameLess::operator()(std::string_view a, std::string_view b) const {
  return std::lexicographical_compare(
      a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return sim::AsciiToLower(x) < sim::AsciiToLower(y);
      });
}

bool Request::has_header(std::string_view name) const {
  return headers.find(name) != headers.end();
}

std::string Request::get_header_value(std::string_view name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

bool Request::has_param(std::string_view name) const {
  return params.find(name) != params.end();
}

std::string Request::get_param_value(std::string_view name) const {
  auto it = params.find(name);
  return it == params.end() ? std::string() : it->second;
}

void Response::set_header(std::string_view name, std::string value) {
  headers.erase(std::string(name));
  headers.emplace(std::string(name), std::move(value));
}

void Response::set_content(std::string content, std::string_view content_type) {
  body = std::move(content);
  set_header("Content-Type", std::string(content_type));
}

std::shared_ptr<Deferred> Response::Defer(
    std::chrono::milliseconds timeout,
    std::function<void(Response&)> on_timeout) {
  deferred_ = std::make_shared<Deferred>(timeout, std::move(on_timeout));
  return deferred_;
}

// ---- Deferred ----

bool Deferred::ended() const {
  std::lock_guard lock(mutex_);
  return ended_;
}

// The sender runs under the mutex (it only posts to the connection's
// executor), so once Abandon returns no answer can be sent any more.
bool Deferred::Complete(const std::function<void(Response&)>& fill) {
  std::lock_guard lock(mutex_);
  if (ended_) return false;
  ended_ = true;
  Response res;
  fill(res);
  if (sender_) {
    sender_(std::move(res));
    sender_ = nullptr;
  } else {
    pending_ = std::move(res);
  }
  return true;
}

void Deferred::Attach(Sender sender) {
  std::lock_guard lock(mutex_);
  if (pending_) {
    sender(std::move(*pending_));
    pending_.reset();
  } else if (!ended_) {
    sender_ = std::move(sender);
  }
}

void Deferred::TimeOut() { Complete(on_timeout_); }

void Deferred::Abandon() {
  std::lock_guard lock(mutex_);
  ended_ = true;
  sender_ = nullptr;
}

// ---- Router ----

struct Router::Route {
  std::string method;
  std::string pattern;
  // The pattern's literal beginning ("/v1/customers/" of
  // "/v1/customers/([^/]+)/orders"): a path without it cannot match, so
  // most routes are passed over without running their regex.
  std::string prefix;
  std::regex regex;
  Handler handler;
};

namespace {

std::string LiteralPrefix(std::string_view pattern) {
  const std::size_t special = pattern.find_first_of("\\()[]{}.*+?^$|");
  return std::string(pattern.substr(0, special));
}

}  // namespace

Router::Router()
    : on_error_([](const Request&, const HttpError& error, Response& res) {
        const nlohmann::json body = {{"code", error.code},
                                     {"description", error.message}};
        ReplyJson(res, error.status, DumpJson(body));
      }) {}
Router::~Router() = default;

void Router::Add(std::string method, std::string_view pattern,
                 Handler handler) {
  routes_.push_back(Route{.method = std::move(method),
                          .pattern = std::string(pattern),
                          .prefix = LiteralPrefix(pattern),
                          .regex = std::regex(std::string(pattern)),
                          .handler = std::move(handler)});
}

void Router::Get(std::string_view p, Handler h) { Add("GET", p, std::move(h)); }
void Router::Post(std::string_view p, Handler h) {
  Add("POST", p, std::move(h));
}
void Router::Put(std::string_view p, Handler h) { Add("PUT", p, std::move(h)); }
void Router::Patch(std::string_view p, Handler h) {
  Add("PATCH", p, std::move(h));
}
void Router::Delete(std::string_view p, Handler h) {
  Add("DELETE", p, std::move(h));
}
void Router::Options(std::string_view p, Handler h) {
  Add("OPTIONS", p, std::move(h));
}
void Router::set_error_handler(ErrorHandler handler) {
  on_error_ = std::move(handler);
}

void Router::Fail(const Request& req, const HttpError& error,
                  Response& res) const {
  res = Response();
  on_error_(req, error, res);
  if (res.status < 400) res.status = error.status;
}

namespace {

// A capture as the handler wants it: percent-decoded (the layer already
// checked that the whole path decodes to valid UTF-8).
std::string DecodeCapture(std::string_view raw) {
  std::optional<std::string> decoded =
      PercentDecode(raw, /*plus_is_space=*/false);
  return decoded ? *std::move(decoded) : std::string(raw);
}

}  // namespace

void Router::Dispatch(Request& req, std::string_view raw_path,
                      Response& res) const {
  const std::string_view method =
      req.method == "HEAD" ? std::string_view("GET") : req.method;
  std::match_results<std::string_view::const_iterator> m;
  const auto matches = [&](const Route& route) {
    return raw_path.starts_with(route.prefix) &&
           std::regex_match(raw_path.begin(), raw_path.end(), m, route.regex);
  };
  for (const Route& route : routes_) {
    if (route.method != method || !matches(route)) continue;
    req.matches.clear();
    req.matches.push_back(req.path);
    for (std::size_t i = 1; i < m.size(); ++i)
      req.matches.push_back(DecodeCapture(std::string_view(
          &*m[i].first, static_cast<std::size_t>(m[i].length()))));
    const char* failure = nullptr;
    std::string what;
    try {
      route.handler(req, res);
    } catch (const std::exception& e) {
      failure = "threw";
      what = e.what();
    } catch (...) {
      failure = "threw a non-exception";
    }
    if (failure != nullptr) {
      std::cerr << "tiersim: handler for " << route.method << " "
                << route.pattern << " " << failure << (what.empty() ? "" : ": ")
                << what << "\n";
      Fail(req,
           {500, "InternalError",
            "the server failed while answering this request; the failure "
            "is in its log"},
           res);
    }
    return;
  }
  // No route for this method: does the path take others (405)?
  std::string allowed;
  for (const Route& route : routes_) {
    if (route.method == method || !matches(route)) continue;
    if (allowed.find(route.method) == std::string::npos) {
      allowed += (allowed.empty() ? "" : ", ") + route.method;
    }
  }
  if (!allowed.empty()) {
    Fail(
        req,
        {405, "MethodNotAllowed",
         "this endpoint does not take " + req.method + "; it takes " + allowed},
        res);
    res.set_header("Allow", allowed);
    return;
  }
  // The path is valid UTF-8 here (the layer refused anything else), so a
  // server may quote it.
  Fail(req,
       {404, "RouteNotFound",
        "no such endpoint: " + req.method + " " + req.path},
       res);
}

void ReplyJson(Response& res, int status, std::string body) {
  res.status = status;
  res.set_content(std::move(body), "application/json; charset=utf-8");
}

std::string HeaderValue(const Request& req, std::string_view name) {
  return req.get_header_value(name);
}

}  // namespace tiersim::mocks
