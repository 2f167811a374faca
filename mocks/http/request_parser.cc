#include "mocks/http/request_parser.h"

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/error.hpp>

#include "mocks/common/form_encoding.h"
#include "sim/text.h"

namespace tiersim::mocks::http_internal {
namespace {

namespace http = boost::beast::http;

HttpError BadRequest(std::string code, std::string message) {
  return {400, std::move(code), std::move(message)};
}

bool IsControl(unsigned char c) { return c < 0x20 || c == 0x7F; }

bool IsUnreserved(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
}

std::optional<HttpError> CheckRequestLine(std::string_view line,
                                          const HttpLimits& limits) {
  for (char c : line) {
    const auto u = static_cast<unsigned char>(c);
    if (IsControl(u) || u >= 0x80) {
      return BadRequest("MalformedRequestLine",
                        "the request line may hold only visible ASCII "
                        "characters (percent-encode anything else in the "
                        "URL)");
    }
  }
  const std::size_t first = line.find(' ');
  const std::size_t last = line.rfind(' ');
  if (first == std::string_view::npos || first == last) {
    return BadRequest("MalformedRequestLine",
                      "the request line must be 'METHOD /path HTTP/1.1'");
  }
  if (last - first - 1 > limits.max_target_bytes) {
    return HttpError{414, "UriTooLong",
                     "the URL is longer than the server accepts (" +
                         std::to_string(limits.max_target_bytes) + " bytes)"};
  }
  return std::nullopt;
}

std::optional<HttpError> CheckHeaderLine(std::string_view line) {
  if (line.front() == ' ' || line.front() == '\t') {
    return BadRequest("ObsoleteLineFolding",
                      "a header line starts with a blank (obsolete line "
                      "folding, refused by RFC 9112 §5.2); put each header "
                      "on one line");
  }
  for (char c : line) {
    const auto u = static_cast<unsigned char>(c);
    if (IsControl(u) && c != '\t') {
      return BadRequest("MalformedHeader",
                        "a header holds a control character (NUL, CR or "
                        "LF alone, ...); header values must be text");
    }
  }
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) {
    return BadRequest("MalformedHeader",
                      "a header line has no colon; headers are "
                      "'Name: value'");
  }
  if (colon == 0 || line[colon - 1] == ' ' || line[colon - 1] == '\t') {
    return BadRequest("MalformedHeader",
                      "a header name is empty or followed by a blank before "
                      "its colon (refused by RFC 9112 §5.1)");
  }
  return std::nullopt;
}

}  // namespace

std::size_t FindHeadEnd(std::string_view bytes) {
  const std::size_t at = bytes.find("\r\n\r\n");
  return at == std::string_view::npos ? at : at + 4;
}

std::optional<HttpError> ParseHead(std::string_view head,
                                   const HttpLimits& limits,
                                   BeastParser& parser) {
  if (head.size() > limits.max_head_bytes) {
    return HttpError{431, "HeadersTooLarge",
                     "the request's headers are larger than the server "
                     "accepts (" +
                         std::to_string(limits.max_head_bytes) + " bytes)"};
  }
  std::size_t start = 0;
  std::size_t count = 0;
  while (start < head.size()) {
    const std::size_t end = head.find("\r\n", start);
    if (end == std::string_view::npos || end == start) break;
    const std::string_view line = head.substr(start, end - start);
    std::optional<HttpError> error =
        start == 0 ? CheckRequestLine(line, limits) : CheckHeaderLine(line);
    if (error) return error;
    if (start != 0 && ++count > limits.max_headers) {
      return HttpError{431, "TooManyHeaders",
                       "the request has more than " +
                           std::to_string(limits.max_headers) + " headers"};
    }
    start = end + 2;
  }
  parser.header_limit(static_cast<std::uint32_t>(limits.max_head_bytes + 4));
  parser.body_limit(limits.max_body_bytes);
  boost::system::error_code ec;
  std::size_t used = 0;
  while (!ec && used < head.size() && !parser.is_header_done()) {
    const std::size_t n = parser.put(
        boost::asio::buffer(head.data() + used, head.size() - used), ec);
    if (n == 0 && !ec) break;
    used += n;
  }
  if (ec || !parser.is_header_done()) {
    if (ec == http::error::body_limit) {
      return HttpError{
          413, "BodyTooLarge",
          "the request body (Content-Length " +
              std::string(parser.get()[http::field::content_length]) +
              ") is larger than the server accepts (" +
              std::to_string(limits.max_body_bytes) + " bytes)"};
    }
    if (ec == http::error::bad_content_length) {
      return BadRequest("BadContentLength",
                        "Content-Length is not one non-negative number (two "
                        "Content-Length headers are refused)");
    }
    if (ec == http::error::bad_transfer_encoding) {
      return HttpError{501, "UnsupportedTransferEncoding",
                       "only Transfer-Encoding: chunked is understood"};
    }
    if (ec == http::error::bad_version) {
      return HttpError{505, "HttpVersionNotSupported",
                       "only HTTP/1.0 and HTTP/1.1 are served"};
    }
    return BadRequest("MalformedRequest",
                      "the request head could not be read (" +
                          (ec ? ec.message() : std::string("incomplete")) +
                          ")");
  }
  return std::nullopt;
}

std::optional<HttpError> CheckFraming(const BeastParser& parser) {
  const auto& msg = parser.get();
  if (msg.count(http::field::content_length) > 1) {
    return BadRequest("BadContentLength",
                      "the request has more than one Content-Length header");
  }
  auto transfer = msg.find(http::field::transfer_encoding);
  if (transfer != msg.end()) {
    if (msg.count(http::field::content_length) > 0) {
      // Which one frames the body? Refused, as request smuggling relies
      // on servers that disagree (RFC 9112 §6.3).
      return BadRequest("BadContentLength",
                        "the request has both Transfer-Encoding and "
                        "Content-Length; send one of them");
    }
    if (msg.count(http::field::transfer_encoding) > 1 ||
        !sim::EqualsIgnoreCase(
            sim::TrimBlanks(std::string_view(transfer->value().data(),
                                             transfer->value().size())),
            "chunked")) {
      return HttpError{501, "UnsupportedTransferEncoding",
                       "only Transfer-Encoding: chunked is understood"};
    }
  }
  auto encoding = msg.find(http::field::content_encoding);
  if (encoding != msg.end() &&
      !sim::EqualsIgnoreCase(
          sim::TrimBlanks(std::string_view(encoding->value().data(),
                                           encoding->value().size())),
          "identity")) {
    return HttpError{415, "UnsupportedContentEncoding",
                     "request bodies must not be compressed "
                     "(Content-Encoding is not accepted); send them as is"};
  }
  return std::nullopt;
}

HttpError BodyError(const boost::system::error_code& ec) {
  if (ec == http::error::body_limit) {
    return {413, "BodyTooLarge",
            "the request body is larger than the server accepts"};
  }
  return BadRequest("MalformedBody", "the request body could not be read (" +
                                         ec.message() + ")");
}

namespace {

// The path as routed: escapes of unreserved characters decoded, others
// (%2F among them) kept, so they cannot change the path's segments.
std::string NormalisedRawPath(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '%' && i + 2 < path.size()) {
      const int hi = sim::HexDigitValue(path[i + 1]);
      const int lo = sim::HexDigitValue(path[i + 2]);
      if (hi >= 0 && lo >= 0) {
        const char c = static_cast<char>(hi << 4 | lo);
        if (IsUnreserved(c)) {
          out += c;
          i += 2;
          continue;
        }
      }
    }
    out += path[i];
  }
  return out;
}

bool IsText(std::string_view decoded) {
  return decoded.find('\0') == std::string_view::npos &&
         sim::IsValidUtf8(decoded);
}

std::optional<HttpError> ParseQuery(std::string_view query, Request& out) {
  std::size_t start = 0;
  while (start <= query.size()) {
    std::size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view pair = query.substr(start, end - start);
    start = end + 1;
    if (pair.empty()) continue;
    const std::size_t eq = pair.find('=');
    auto name = PercentDecode(pair.substr(0, eq), /*plus_is_space=*/true);
    auto value =
        eq == std::string_view::npos
            ? std::optional<std::string>("")
            : PercentDecode(pair.substr(eq + 1), /*plus_is_space=*/true);
    if (!name || !value) {
      return BadRequest("MalformedQuery",
                        "the query has a malformed percent-escape (a '%' "
                        "must be followed by two hex digits)");
    }
    if (!IsText(*name) || !IsText(*value)) {
      return BadRequest("InvalidUtf8",
                        "the query decodes to bytes that are not UTF-8 text");
    }
    out.params.emplace(*std::move(name), *std::move(value));
  }
  return std::nullopt;
}

}  // namespace

std::optional<HttpError> BuildRequest(BeastParser& parser, Request& out,
                                      std::string& raw_path) {
  auto& msg = parser.get();
  out.method = std::string(msg.method_string());
  out.target = std::string(msg.target());
  std::string_view target = out.target;
  // absolute-form (RFC 9112 §3.2.2): the path is what follows the host.
  if (target.starts_with("http://") || target.starts_with("https://")) {
    const std::size_t slash = target.find('/', target.find("//") + 2);
    target = slash == std::string_view::npos ? std::string_view("/")
                                             : target.substr(slash);
  }
  const std::size_t question = target.find('?');
  const std::string_view path = target.substr(0, question);
  if (path != "*" && !path.starts_with("/")) {
    return BadRequest("MalformedTarget",
                      "the request target must be a path starting with '/'");
  }
  std::optional<std::string> decoded =
      PercentDecode(path, /*plus_is_space=*/false);
  if (!decoded) {
    return BadRequest("MalformedPath",
                      "the path has a malformed percent-escape (a '%' must "
                      "be followed by two hex digits)");
  }
  if (!IsText(*decoded)) {
    return BadRequest("InvalidUtf8",
                      "the path decodes to bytes that are not UTF-8 text");
  }
  out.path = *std::move(decoded);
  raw_path = NormalisedRawPath(path);
  if (question != std::string_view::npos) {
    if (auto error = ParseQuery(target.substr(question + 1), out)) return error;
  }
  for (const auto& field : msg) {
    const std::string_view value(field.value().data(), field.value().size());
    if (!sim::IsValidUtf8(value)) {
      return BadRequest("InvalidUtf8", "the value of header '" +
                                           std::string(field.name_string()) +
                                           "' is not UTF-8 text");
    }
    out.headers.emplace(std::string(field.name_string()), std::string(value));
  }
  out.body = std::move(msg.body());
  return std::nullopt;
}

std::variant<ParsedRequest, HttpError> ParseRequest(std::string_view bytes,
                                                    const HttpLimits& limits) {
  const std::size_t head_end = FindHeadEnd(bytes);
  if (head_end == std::string_view::npos) {
    if (bytes.size() > limits.max_head_bytes) {
      return HttpError{431, "HeadersTooLarge",
                       "the request's headers are larger than the server "
                       "accepts"};
    }
    return BadRequest("IncompleteRequest", "the request head never ended");
  }
  BeastParser parser;
  if (auto error = ParseHead(bytes.substr(0, head_end), limits, parser))
    return *error;
  if (auto error = CheckFraming(parser)) return *error;
  std::size_t used = head_end;
  boost::system::error_code ec;
  while (!parser.is_done()) {
    const std::size_t n = parser.put(
        boost::asio::buffer(bytes.data() + used, bytes.size() - used), ec);
    used += n;
    if (ec == http::error::need_more) {
      // All of the input was offered: it will not grow, so a parser that
      // needs more and took nothing means the request ended early.
      ec = {};
      if (used >= bytes.size() || n == 0) {
        return BadRequest("IncompleteRequest", "the request body ended early");
      }
      continue;
    }
    if (ec) return BodyError(ec);
    if (n == 0) {
      return BadRequest("IncompleteRequest", "the request body ended early");
    }
  }
  ParsedRequest parsed;
  parsed.consumed = used;
  if (auto error = BuildRequest(parser, parsed.request, parsed.raw_path))
    return *error;
  return parsed;
}

}  // namespace tiersim::mocks::http_internal
