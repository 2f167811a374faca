// HttpPool against small servers written here: a kept-alive connection the
// server closed is survived by sending once more; a server that never
// answers and a port that refuses give errors within their timeouts.
#include "harness/load/net/http_pool.h"

#include <gtest/gtest.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/write.hpp>
#include <chrono>
#include <optional>
#include <thread>

namespace tiersim::harness::load::net {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

// Serves `connections` connections one after another: reads one request
// on each, answers it (keep-alive, as far as the client knows) unless
// `silent`, then closes the connection.
class OneShotServer {
 public:
  OneShotServer(int connections, bool silent)
      : acceptor_(io_, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)) {
    port_ = acceptor_.local_endpoint().port();
    acceptor_.non_blocking(true);
    thread_ = std::thread([this, connections, silent] {
      const auto give_up =
          std::chrono::steady_clock::now() + std::chrono::seconds(5);
      for (int i = 0; i < connections; ++i) {
        tcp::socket s(io_);
        boost::system::error_code ec;
        // Polled, so that a connection that never comes ends the test.
        while (acceptor_.accept(s, ec),
               ec == asio::error::would_block &&
                   std::chrono::steady_clock::now() < give_up) {
          std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        if (ec) return;
        s.non_blocking(false);
        std::string request;
        asio::read_until(s, asio::dynamic_buffer(request), "\r\n\r\n", ec);
        if (silent) {
          std::this_thread::sleep_for(std::chrono::milliseconds(600));
          continue;
        }
        const std::string answer =
            "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nanswer";
        asio::write(s, asio::buffer(answer), ec);
        ++answered_;
      }
    });
  }
  ~OneShotServer() { thread_.join(); }
  std::string port() const { return std::to_string(port_); }
  int answered() const { return answered_; }

 private:
  asio::io_context io_;
  tcp::acceptor acceptor_;
  unsigned short port_ = 0;
  std::atomic<int> answered_ = 0;
  std::thread thread_;
};

HttpRequest Get(const std::string& target) {
  return HttpRequest{http::verb::get, target, 11};
}

// Sends one request and runs the loop until it is answered (or 5 s).
std::optional<HttpAnswer> SendAndWait(asio::io_context& io, HttpPool& pool,
                                      const std::string& target) {
  std::optional<HttpAnswer> got;
  pool.Send(Get(target), [&got](HttpAnswer a) { got = std::move(a); });
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!got && std::chrono::steady_clock::now() < deadline) {
    io.restart();
    io.run_for(std::chrono::milliseconds(20));
  }
  return got;
}

TEST(HttpPoolTest, AConnectionTheServerClosedIsReplacedAndTheRequestSentAgain) {
  OneShotServer server(2, /*silent=*/false);
  asio::io_context io;
  HttpPool pool(io, "127.0.0.1", server.port(), {});
  auto first = SendAndWait(io, pool, "/one");
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->error, "");
  EXPECT_EQ(first->response.body(), "answer");
  // The server closed the connection the pool keeps: the second request
  // meets the closed connection, then goes out on a new one.
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  auto second = SendAndWait(io, pool, "/two");
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->error, "");
  EXPECT_EQ(second->response.body(), "answer");
  EXPECT_EQ(pool.resent(), 1u);
  EXPECT_EQ(pool.connections_made(), 2u);
  EXPECT_EQ(server.answered(), 2);
}

TEST(HttpPoolTest, AServerThatNeverAnswersTimesOut) {
  OneShotServer server(1, /*silent=*/true);
  asio::io_context io;
  HttpPool pool(io, "127.0.0.1", server.port(),
                {.request_timeout = std::chrono::milliseconds(200)});
  const auto before = std::chrono::steady_clock::now();
  auto got = SendAndWait(io, pool, "/slow");
  ASSERT_TRUE(got.has_value());
  EXPECT_NE(got->error.find("no answer within 200 ms"), std::string::npos)
      << got->error;
  EXPECT_NE(got->error.find("GET /slow"), std::string::npos) << got->error;
  EXPECT_LT(std::chrono::steady_clock::now() - before, std::chrono::seconds(2));
  EXPECT_EQ(pool.open_connections(), 0u);
}

TEST(HttpPoolTest, APortThatRefusesIsAnErrorNamingIt) {
  // A port just released: nothing listens there.
  std::string port;
  {
    asio::io_context probe;
    tcp::acceptor a(probe,
                    tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
    port = std::to_string(a.local_endpoint().port());
  }
  asio::io_context io;
  HttpPool pool(io, "127.0.0.1", port, {});
  auto got = SendAndWait(io, pool, "/");
  ASSERT_TRUE(got.has_value());
  EXPECT_NE(got->error.find("cannot connect to 127.0.0.1:" + port),
            std::string::npos)
      << got->error;
}

TEST(HttpPoolTest, RequestsBeyondTheConnectionLimitWaitForAFreeOne) {
  OneShotServer server(3, /*silent=*/false);
  asio::io_context io;
  HttpPool pool(io, "127.0.0.1", server.port(), {.max_connections = 1});
  int answered = 0;
  for (int i = 0; i < 3; ++i) {
    pool.Send(Get("/" + std::to_string(i)), [&answered](HttpAnswer a) {
      if (a.error.empty() && a.response.body() == "answer") ++answered;
    });
  }
  EXPECT_LE(pool.open_connections(), 1u);
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (answered < 3 && std::chrono::steady_clock::now() < deadline) {
    io.restart();
    io.run_for(std::chrono::milliseconds(20));
    EXPECT_LE(pool.open_connections(), 1u);
  }
  EXPECT_EQ(answered, 3);
}

}  // namespace
}  // namespace tiersim::harness::load::net
