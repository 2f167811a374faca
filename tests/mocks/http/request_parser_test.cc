// The request parser on bytes in memory (no sockets): what it accepts,
// how it decodes, and the code of every refusal.
#include "mocks/http/request_parser.h"

#include <gtest/gtest.h>

#include <string>
#include <variant>

namespace tiersim::mocks::http_internal {
namespace {

const HttpLimits kLimits{.max_head_bytes = 4096,
                         .max_target_bytes = 256,
                         .max_headers = 8,
                         .max_body_bytes = 64};

std::string ErrorCode(std::string_view bytes) {
  auto parsed = ParseRequest(bytes, kLimits);
  if (auto* e = std::get_if<HttpError>(&parsed)) {
    return std::to_string(e->status) + " " + e->code;
  }
  return "ok";
}

TEST(RequestParserTest, DecodesPathQueryHeadersAndBody) {
  auto parsed = ParseRequest(
      "POST /v1/customers/a%20b?size=5&q=x+y%21&flag HTTP/1.1\r\n"
      "Host: x\r\nMS-RequestId: 42\r\nContent-Length: 2\r\n\r\n{}",
      kLimits);
  ASSERT_TRUE(std::holds_alternative<ParsedRequest>(parsed))
      << std::get<HttpError>(parsed).message;
  const ParsedRequest& p = std::get<ParsedRequest>(parsed);
  EXPECT_EQ(p.request.method, "POST");
  EXPECT_EQ(p.request.path, "/v1/customers/a b");
  EXPECT_EQ(p.raw_path, "/v1/customers/a%20b");
  EXPECT_EQ(p.request.get_param_value("size"), "5");
  EXPECT_EQ(p.request.get_param_value("q"), "x y!");
  EXPECT_TRUE(p.request.has_param("flag"));
  EXPECT_EQ(p.request.get_header_value("ms-requestid"), "42");
  EXPECT_EQ(p.request.body, "{}");
}

TEST(RequestParserTest, AbsoluteFormTargetsRouteByTheirPath) {
  auto parsed = ParseRequest(
      "GET http://localhost:5080/livez HTTP/1.1\r\nHost: x\r\n\r\n", kLimits);
  ASSERT_TRUE(std::holds_alternative<ParsedRequest>(parsed));
  EXPECT_EQ(std::get<ParsedRequest>(parsed).request.path, "/livez");
}

TEST(RequestParserTest, EveryRefusalHasItsStatusAndCode) {
  EXPECT_EQ(ErrorCode("GET /%FF HTTP/1.1\r\n\r\n"), "400 InvalidUtf8");
  EXPECT_EQ(ErrorCode("GET /%00 HTTP/1.1\r\n\r\n"), "400 InvalidUtf8");
  EXPECT_EQ(ErrorCode("GET /%zz HTTP/1.1\r\n\r\n"), "400 MalformedPath");
  EXPECT_EQ(ErrorCode("GET /?a=%ff HTTP/1.1\r\n\r\n"), "400 InvalidUtf8");
  EXPECT_EQ(ErrorCode("GET nopath HTTP/1.1\r\n\r\n"), "400 MalformedTarget");
  EXPECT_EQ(ErrorCode("GET / HTTP/1.1\r\nX: \xC0\xAF\r\n\r\n"),
            "400 InvalidUtf8");  // an overlong '/'
  EXPECT_EQ(ErrorCode("GET / HTTP/2.0\r\n\r\n"), "505 HttpVersionNotSupported");
  EXPECT_EQ(ErrorCode("GET / HTTP/1.1\r\nContent-Length: 1\r\n"
                      "Content-Length: 1\r\n\r\na"),
            "400 BadContentLength");
  EXPECT_EQ(ErrorCode("GET / HTTP/1.1\r\nContent-Length: -1\r\n\r\n"),
            "400 BadContentLength");
  EXPECT_EQ(ErrorCode("POST / HTTP/1.1\r\nContent-Length: 65\r\n\r\n"),
            "413 BodyTooLarge");
  EXPECT_EQ(ErrorCode("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n"),
            "501 UnsupportedTransferEncoding");
  EXPECT_EQ(ErrorCode("POST / HTTP/1.1\r\nContent-Encoding: br\r\n"
                      "Content-Length: 1\r\n\r\na"),
            "415 UnsupportedContentEncoding");
  EXPECT_EQ(ErrorCode("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                      "41\r\n" +
                      std::string(65, 'a') + "\r\n0\r\n\r\n"),
            "413 BodyTooLarge");
  EXPECT_EQ(ErrorCode("GET /" + std::string(300, 'a') + " HTTP/1.1\r\n\r\n"),
            "414 UriTooLong");
  std::string many = "GET / HTTP/1.1\r\n";
  for (int i = 0; i < 9; ++i) many += "X" + std::to_string(i) + ": 1\r\n";
  EXPECT_EQ(ErrorCode(many + "\r\n"), "431 TooManyHeaders");
  EXPECT_EQ(
      ErrorCode("GET / HTTP/1.1\r\nX: " + std::string(5000, 'a') + "\r\n\r\n"),
      "431 HeadersTooLarge");
}

TEST(RequestParserTest, AChunkedBodyCutShortEndsInsteadOfLooping) {
  // Found by the fuzzer: a chunk line cut short ("0\r\n" then bytes that
  // never end the trailer) made the in-memory parser ask for more forever.
  const std::string head =
      "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n";
  EXPECT_EQ(ErrorCode(head + "2\r\n{}\r\n0\r\n\r" +
                      std::string("\x01\0\0\0\0\0\0\0\n", 9)),
            "400 IncompleteRequest");
  EXPECT_EQ(ErrorCode(head + "3\r\nabc\r\n1f"), "400 IncompleteRequest");
  EXPECT_EQ(ErrorCode(head + "3\r\nab"), "400 IncompleteRequest");
}

TEST(RequestParserTest, IdentityEncodingAndChunkedUnderTheLimitAreFine) {
  EXPECT_EQ(ErrorCode("POST / HTTP/1.1\r\nContent-Encoding: identity\r\n"
                      "Content-Length: 1\r\n\r\na"),
            "ok");
  auto parsed = ParseRequest(
      "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
      "3\r\nabc\r\n0\r\n\r\nGET /next HTTP/1.1\r\n\r\n",
      kLimits);
  ASSERT_TRUE(std::holds_alternative<ParsedRequest>(parsed));
  const ParsedRequest& p = std::get<ParsedRequest>(parsed);
  EXPECT_EQ(p.request.body, "abc");
  // Stops at the end of the first request: the next is still to be read.
  EXPECT_EQ(p.consumed, std::string_view("POST / HTTP/1.1\r\nTransfer-"
                                         "Encoding: chunked\r\n\r\n3\r\nabc"
                                         "\r\n0\r\n\r\n")
                            .size());
}

}  // namespace
}  // namespace tiersim::mocks::http_internal
