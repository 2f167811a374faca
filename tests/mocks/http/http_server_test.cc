// The HTTP server layer (mocks/http/http_server.h) over real sockets, fed
// what an attacker or a sloppy client sends: every malformed head refused
// with 400 and a code (RFC 9112), limits enforced while reading (413
// before the body, chunked bodies counted after decoding, compressed
// bodies refused), pipelined requests answered in order, a handler's
// exception never shown, deferred answers, and Stop() prompt whatever
// clients do. Each was a crash, a bypass or a hang on cpp-httplib 0.11.
#include "mocks/http/http_server.h"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "tests/common/raw_http.h"
#include "tests/common/status_matchers.h"

namespace tiersim::mocks {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using ::tiersim::testing::BodyOf;
using ::tiersim::testing::HeaderOf;
using ::tiersim::testing::IsOk;
using ::tiersim::testing::RawConnection;
using ::tiersim::testing::StatusOf;

constexpr std::size_t kBodyLimit = 64 * 1024;

class HttpServerTest : public ::testing::Test {
 protected:
  void SetUp() override { Start({}); }

  void Start(HttpServerOptions options) {
    options.max_body_bytes = kBodyLimit;
    server_ = std::make_unique<HttpServer>("test", options);
    Router& r = server_->routes();
    r.Get("/hello", [](const Request&, Response& res) {
      res.set_content("hello", "text/plain");
    });
    r.Post("/size", [this](const Request& req, Response& res) {
      ++posts_;
      res.set_content(std::to_string(req.body.size()), "text/plain");
    });
    r.Get(R"(/items/([^/]+))", [](const Request& req, Response& res) {
      res.set_content(req.matches[1], "text/plain");
    });
    r.Get("/throw", [](const Request&, Response&) {
      throw std::runtime_error("secret internal detail");
    });
    r.Get("/later", [this](const Request&, Response& res) {
      std::shared_ptr<Deferred> d =
          res.Defer(milliseconds(300), [](Response& late) {
            late.status = 408;
            late.set_content("timed out", "text/plain");
          });
      std::lock_guard lock(deferred_mutex_);
      deferred_.push_back(std::move(d));
      deferred_arrived_.notify_all();
    });
    ASSERT_THAT(server_->Start(), IsOk());
  }

  // Sends `bytes` on a new connection and reads one response.
  std::string Exchange(std::string_view bytes) {
    RawConnection c(server_->port());
    EXPECT_TRUE(c.connected());
    c.Send(bytes);
    return c.ReadResponse().value_or("");
  }

  // The server still answers a well-formed request.
  void ExpectStillServing() {
    const std::string res = Exchange("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(StatusOf(res), 200) << res;
    EXPECT_EQ(BodyOf(res), "hello");
  }

  std::unique_ptr<HttpServer> server_;
  std::atomic<int> posts_{0};
  // The deferred answers the /later handler made, in order; a condition
  // wait, not a sleep, tells the test that the handler has run.
  std::shared_ptr<Deferred> NextDeferred() {
    std::unique_lock lock(deferred_mutex_);
    deferred_arrived_.wait_for(lock, seconds(5),
                               [this] { return !deferred_.empty(); });
    if (deferred_.empty()) return nullptr;
    std::shared_ptr<Deferred> d = deferred_.front();
    deferred_.pop_front();
    return d;
  }

  std::mutex deferred_mutex_;
  std::condition_variable deferred_arrived_;
  std::deque<std::shared_ptr<Deferred>> deferred_;
};

// The stable code of a default-shaped error body.
std::string CodeOf(const std::string& response) {
  const std::string body = BodyOf(response);
  const std::size_t at = body.find("\"code\":\"");
  if (at == std::string::npos) return "";
  return body.substr(at + 8, body.find('"', at + 8) - at - 8);
}

TEST_F(HttpServerTest, InvalidUtf8InThePathIsRefusedNotACrash) {
  const std::string res = Exchange("GET /%FF HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(StatusOf(res), 400) << res;
  EXPECT_EQ(CodeOf(res), "InvalidUtf8");
  ExpectStillServing();
}

TEST_F(HttpServerTest, InvalidUtf8InAHeaderOrQueryIsRefused) {
  EXPECT_EQ(CodeOf(Exchange("GET /hello HTTP/1.1\r\nHost: x\r\n"
                            "client-request-id: \xFF\xFE\r\n\r\n")),
            "InvalidUtf8");
  EXPECT_EQ(CodeOf(Exchange("GET /hello?q=%C3%28 HTTP/1.1\r\nHost: x\r\n\r\n")),
            "InvalidUtf8");
  ExpectStillServing();
}

TEST_F(HttpServerTest, MalformedHeadsAre400PerRfc9112) {
  struct Case {
    const char* what;
    std::string request;
    std::string code;
  };
  const std::vector<Case> cases = {
      {"two Content-Lengths",
       "POST /size HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n"
       "Content-Length: 2\r\n\r\nab",
       "BadContentLength"},
      {"a header without a colon",
       "GET /hello HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n",
       "MalformedHeader"},
      {"obs-fold",
       "GET /hello HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n folded\r\n\r\n",
       "ObsoleteLineFolding"},
      {"a NUL in a value",
       std::string("GET /hello HTTP/1.1\r\nHost: x\r\nX-A: a\0b\r\n\r\n", 43),
       "MalformedHeader"},
      {"a blank before the colon", "GET /hello HTTP/1.1\r\nHost : x\r\n\r\n",
       "MalformedHeader"},
      {"a bare LF inside a header",
       "GET /hello HTTP/1.1\r\nHost: x\nX-Smuggled: 1\r\n\r\n",
       "MalformedHeader"},
      {"non-ASCII in the request line", "GET /h\xC3\xA9 HTTP/1.1\r\n\r\n",
       "MalformedRequestLine"},
  };
  for (const Case& c : cases) {
    const std::string res = Exchange(c.request);
    EXPECT_EQ(StatusOf(res), 400) << c.what << ": " << res;
    EXPECT_EQ(CodeOf(res), c.code) << c.what;
  }
  EXPECT_EQ(posts_, 0);
  ExpectStillServing();
}

TEST_F(HttpServerTest, AnEncodedSlashStaysInsideItsSegment) {
  const std::string one = Exchange("GET /items/a%2Fb HTTP/1.1\r\n\r\n");
  EXPECT_EQ(StatusOf(one), 200) << one;
  EXPECT_EQ(BodyOf(one), "a/b");
  EXPECT_EQ(StatusOf(Exchange("GET /items/a/b HTTP/1.1\r\n\r\n")), 404);
  // Unreserved characters may be escaped anywhere (RFC 3986 §6.2.2.2).
  EXPECT_EQ(BodyOf(Exchange("GET /%69tems/%41 HTTP/1.1\r\n\r\n")), "A");
}

TEST_F(HttpServerTest, AnOversizedContentLengthIs413BeforeTheBodyIsSent) {
  RawConnection c(server_->port());
  // Only the head: the answer must not wait for a body never sent.
  c.Send(
      "POST /size HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000\r\n\r\n");
  const auto res = c.ReadResponse(seconds(2));
  ASSERT_TRUE(res);
  EXPECT_EQ(StatusOf(*res), 413) << *res;
  EXPECT_EQ(CodeOf(*res), "BodyTooLarge");
  EXPECT_EQ(HeaderOf(*res, "Connection"), "close");
  EXPECT_EQ(posts_, 0);
}

TEST_F(HttpServerTest, ExpectContinueIsHonouredAndRefusedEarlyWhenTooLarge) {
  RawConnection ok(server_->port());
  ok.Send(
      "POST /size HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n"
      "Expect: 100-continue\r\n\r\n");
  const auto go_on = ok.ReadResponse(seconds(2));
  ASSERT_TRUE(go_on);
  EXPECT_EQ(StatusOf(*go_on), 100);
  ok.Send("abc");
  const auto done = ok.ReadResponse(seconds(2));
  ASSERT_TRUE(done);
  EXPECT_EQ(BodyOf(*done), "3");

  RawConnection big(server_->port());
  big.Send(
      "POST /size HTTP/1.1\r\nHost: x\r\nContent-Length: 999999\r\n"
      "Expect: 100-continue\r\n\r\n");
  const auto refused = big.ReadResponse(seconds(2));
  ASSERT_TRUE(refused);
  EXPECT_EQ(StatusOf(*refused), 413);
}

TEST_F(HttpServerTest, AChunkedBodyIsCountedAfterDecoding) {
  RawConnection c(server_->port());
  c.Send(
      "POST /size HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
  const std::string chunk(16 * 1024, 'a');
  char size[16];
  std::snprintf(size, sizeof(size), "%zx\r\n", chunk.size());
  for (int i = 0; i < 8; ++i) {  // 128 KiB, twice the limit
    if (!c.Send(std::string(size) + chunk + "\r\n")) break;
  }
  const auto res = c.ReadResponse(seconds(3));
  ASSERT_TRUE(res);
  EXPECT_EQ(StatusOf(*res), 413) << *res;
  EXPECT_EQ(posts_, 0);
  // Under the limit, chunked bodies are read whole.
  const std::string small = Exchange(
      "POST /size HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
      "3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n");
  EXPECT_EQ(BodyOf(small), "5");
}

TEST_F(HttpServerTest, A200MiBChunkedBodyIsRefusedWithoutMemoryGrowth) {
  const std::size_t before = testing::ResidentKiB();
  RawConnection c(server_->port());
  c.Send(
      "POST /size HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
  const std::string chunk = "100000\r\n" + std::string(1 << 20, 'z') + "\r\n";
  int sent = 0;
  for (; sent < 200; ++sent) {
    if (!c.Send(chunk)) break;  // the server refused and closed
  }
  const auto res = c.ReadResponse(seconds(3));
  ASSERT_TRUE(res);
  EXPECT_EQ(StatusOf(*res), 413);
  const std::size_t after = testing::ResidentKiB();
  // Under a sanitizer, shadow memory makes RSS follow what the client
  // sent; the bound is still far below the 200 MiB a buffered body takes.
  EXPECT_LT(after, before + (testing::kUnderSanitizer ? 64 : 8) * 1024)
      << "RSS grew from " << before << " KiB to " << after << " KiB";
}

TEST_F(HttpServerTest, CompressedBodiesAre415) {
  const std::string res = Exchange(
      "POST /size HTTP/1.1\r\nHost: x\r\nContent-Encoding: gzip\r\n"
      "Content-Length: 4\r\n\r\nabcd");
  EXPECT_EQ(StatusOf(res), 415) << res;
  EXPECT_EQ(CodeOf(res), "UnsupportedContentEncoding");
  EXPECT_EQ(posts_, 0);
}

TEST_F(HttpServerTest, TooManyHeadersOrALongUrlAreRefused) {
  std::string many = "GET /hello HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 150; ++i) many += "X-" + std::to_string(i) + ": 1\r\n";
  EXPECT_EQ(StatusOf(Exchange(many + "\r\n")), 431);
  EXPECT_EQ(StatusOf(Exchange("GET /" + std::string(9000, 'a') +
                              " HTTP/1.1\r\n\r\n")),
            414);
  // A head over the size limit is refused without waiting for its end.
  RawConnection c(server_->port());
  c.Send("GET /hello HTTP/1.1\r\nX-Big: " + std::string(40 * 1024, 'a'));
  const auto res = c.ReadResponse(seconds(2));
  ASSERT_TRUE(res);
  EXPECT_EQ(StatusOf(*res), 431);
}

TEST_F(HttpServerTest, PipelinedRequestsAreAnsweredInOrder) {
  RawConnection c(server_->port());
  c.Send(
      "GET /items/one HTTP/1.1\r\nHost: x\r\n\r\n"
      "POST /size HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nabcd"
      "GET /items/three HTTP/1.1\r\nHost: x\r\n\r\n");
  std::vector<std::string> bodies;
  for (int i = 0; i < 3; ++i) {
    const auto res = c.ReadResponse(seconds(2));
    ASSERT_TRUE(res) << "response " << i;
    bodies.push_back(BodyOf(*res));
  }
  EXPECT_EQ(bodies, (std::vector<std::string>{"one", "4", "three"}));
}

TEST_F(HttpServerTest, AHandlersExceptionIsA500ThatShowsNothingOfIt) {
  const std::string res = Exchange("GET /throw HTTP/1.1\r\n\r\n");
  EXPECT_EQ(StatusOf(res), 500);
  EXPECT_EQ(CodeOf(res), "InternalError");
  EXPECT_EQ(res.find("secret"), std::string::npos) << res;
  ExpectStillServing();
}

TEST_F(HttpServerTest, HeadHasTheLengthButNoBodyAndWrongMethodsAre405) {
  RawConnection c(server_->port());
  c.Send("HEAD /hello HTTP/1.1\r\n\r\nGET /hello HTTP/1.1\r\n\r\n");
  const auto head = c.ReadResponse(seconds(2), /*to_head=*/true);
  ASSERT_TRUE(head);
  EXPECT_EQ(HeaderOf(*head, "Content-Length"), "5");
  EXPECT_EQ(BodyOf(*head), "");
  const auto get = c.ReadResponse(seconds(2));  // not eaten as HEAD's body
  ASSERT_TRUE(get);
  EXPECT_EQ(BodyOf(*get), "hello");
  const std::string res = Exchange("DELETE /hello HTTP/1.1\r\n\r\n");
  EXPECT_EQ(StatusOf(res), 405);
  EXPECT_EQ(HeaderOf(res, "Allow"), "GET");
}

TEST_F(HttpServerTest, ADeferredAnswerComesFromAnotherThreadOrTimesOut) {
  RawConnection c(server_->port());
  c.Send("GET /later HTTP/1.1\r\n\r\n");
  ASSERT_NE(NextDeferred(), nullptr);
  const auto timed_out = c.ReadResponse(seconds(2));
  ASSERT_TRUE(timed_out);
  EXPECT_EQ(StatusOf(*timed_out), 408);
  // Completed before the timeout, from another thread, on the same
  // keep-alive connection.
  c.Send("GET /later HTTP/1.1\r\n\r\n");
  std::shared_ptr<Deferred> second = NextDeferred();
  ASSERT_NE(second, nullptr);
  std::thread other([second] {
    EXPECT_TRUE(
        second->Complete([](Response& r) { r.set_content("now", "t/p"); }));
  });
  other.join();
  const auto answered = c.ReadResponse(seconds(2));
  ASSERT_TRUE(answered);
  EXPECT_EQ(BodyOf(*answered), "now");
}

TEST_F(HttpServerTest, StopIsPromptWhateverClientsDo) {
  RawConnection idle(server_->port());
  idle.Send("GET /hello HTTP/1.1\r\n\r\n");
  ASSERT_TRUE(idle.ReadResponse());
  RawConnection half(server_->port());
  half.Send("GET /hello HTTP/1.1\r\nHost: x\r\nX-Slow: ");
  RawConnection body(server_->port());
  body.Send("POST /size HTTP/1.1\r\nContent-Length: 100\r\n\r\nabc");
  RawConnection waiting(server_->port());
  waiting.Send("GET /later HTTP/1.1\r\n\r\n");
  ASSERT_NE(NextDeferred(), nullptr);
  const auto start = std::chrono::steady_clock::now();
  server_->Stop();
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_LT(took, seconds(1));
  EXPECT_TRUE(idle.WaitForClose(seconds(1)));
  EXPECT_TRUE(half.WaitForClose(seconds(1)));
  EXPECT_EQ(server_->connections(), 0u);
}

class HttpServerDeadlineTest : public HttpServerTest {
 protected:
  void SetUp() override {
    Start({.head_timeout = milliseconds(500),
           .body_timeout = milliseconds(500),
           .idle_timeout = milliseconds(500)});
  }
};

TEST_F(HttpServerDeadlineTest, AHeadTrickledSlowerThanItsDeadlineIsCut) {
  RawConnection slow(server_->port());
  const auto start = std::chrono::steady_clock::now();
  const std::string head = "GET /hello HTTP/1.1\r\nX-Trickle: aaaaaaaaaaaa";
  bool closed = false;
  for (char byte : head) {
    if (!slow.Send(std::string_view(&byte, 1))) {
      closed = true;
      break;
    }
    if (slow.WaitForClose(milliseconds(100))) {
      closed = true;
      break;
    }
  }
  EXPECT_TRUE(closed || slow.WaitForClose(seconds(1)));
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_LT(took, seconds(2));  // 500 ms deadline, not one per byte
}

TEST_F(HttpServerDeadlineTest, IdleAndStalledBodiesAreClosed) {
  RawConnection idle(server_->port());
  EXPECT_TRUE(idle.WaitForClose(seconds(2)));
  RawConnection stalled(server_->port());
  stalled.Send("POST /size HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc");
  EXPECT_TRUE(stalled.WaitForClose(seconds(2)));
  EXPECT_EQ(posts_, 0);
}

}  // namespace
}  // namespace tiersim::mocks
