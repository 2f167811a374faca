// Reading one HTTP/1.1 request, without I/O: the strict checks RFC 9112
// asks of a server on top of Boost.Beast's parser, the limits, and the
// Request a handler sees. The connection (connection.cc) feeds it bytes
// from a socket; the fuzzer and the tests feed it bytes directly.
//
// Internal to mocks/http (it includes Beast's parser).
#pragma once

#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "mocks/http/http_message.h"

namespace tiersim::mocks::http_internal {

using BeastParser =
    boost::beast::http::request_parser<boost::beast::http::string_body>;

struct HttpLimits {
  std::size_t max_head_bytes = 32 * 1024;   // request line + headers
  std::size_t max_target_bytes = 8 * 1024;  // 414 beyond
  std::size_t max_headers = 100;            // 431 beyond
  std::size_t max_body_bytes = 1 << 20;     // 413 beyond, after decoding
};

// The end of the head in `bytes` (one past the blank line), or npos.
std::size_t FindHeadEnd(std::string_view bytes);

// Checks `head` (the request line and header lines through the blank
// line) for what Beast lets through but a server must refuse: a NUL or
// other control character, a header line without a colon or with blanks
// before it, obs-fold (a line starting with a blank), too many headers,
// an over-long target; then has `parser` parse it. After success the
// head is parsed and the body, if any, not yet read.
std::optional<HttpError> ParseHead(std::string_view head,
                                   const HttpLimits& limits,
                                   BeastParser& parser);

// After the head: how the body is framed and encoded. 400 for two
// Content-Lengths or one next to Transfer-Encoding, 501 for a transfer
// coding other than chunked, 415 for a Content-Encoding (none is needed:
// every API here takes plain JSON or forms). A declared length over the
// limit is ParseHead's 413, before any of the body is read.
std::optional<HttpError> CheckFraming(const BeastParser& parser);

// The error a failed body read means (413 over the limit, else 400).
HttpError BodyError(const boost::system::error_code& ec);

// The Request from a complete message: the target split and decoded (the
// path must decode to UTF-8 without NUL, the query likewise), every
// header value UTF-8. `raw_path` gets the path for routing: as sent, with
// only unreserved characters' escapes decoded (RFC 3986 §6.2.2.2).
std::optional<HttpError> BuildRequest(BeastParser& parser, Request& out,
                                      std::string& raw_path);

// The whole of it on bytes already in memory: one request, or the error
// the server would answer. For the fuzzer and the tests.
struct ParsedRequest {
  Request request;
  std::string raw_path;
  std::size_t consumed = 0;  // bytes of `bytes` it took
};
std::variant<ParsedRequest, HttpError> ParseRequest(std::string_view bytes,
                                                    const HttpLimits& limits);

}  // namespace tiersim::mocks::http_internal
