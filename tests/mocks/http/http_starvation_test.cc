// Slow and idle clients must not shut anyone else out: on cpp-httplib's
// thread-per-connection pool, 80 trickling or idle keep-alive connections
// took every worker and a well-behaved client got nothing. Here a good
// client keeps >= 99% success with p99 under 100 ms while 200 connections
// trickle their heads and while 1,000 keep-alive connections sit idle.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include "mocks/http/http_server.h"
#include "tests/common/raw_http.h"
#include "tests/common/status_matchers.h"

namespace tiersim::mocks {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using Clock = std::chrono::steady_clock;
using ::tiersim::testing::IsOk;
using ::tiersim::testing::RawConnection;
using ::tiersim::testing::StatusOf;

struct GoodClientResult {
  int sent = 0;
  int ok = 0;
  std::vector<double> latencies_ms;
  double p99() const {
    if (latencies_ms.empty()) return 1e9;
    std::vector<double> sorted = latencies_ms;
    std::sort(sorted.begin(), sorted.end());
    return sorted[std::min(sorted.size() - 1,
                           static_cast<std::size_t>(sorted.size() * 0.99))];
  }
};

// A keep-alive client asking for /hello for `duration`, reconnecting when
// the server closes.
GoodClientResult RunGoodClient(int port, Clock::duration duration) {
  GoodClientResult result;
  auto connection = std::make_unique<RawConnection>(port);
  const auto end = Clock::now() + duration;
  while (Clock::now() < end) {
    ++result.sent;
    const auto start = Clock::now();
    if (!connection->Send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")) {
      connection = std::make_unique<RawConnection>(port);
      continue;
    }
    const auto res = connection->ReadResponse(seconds(1));
    if (res && StatusOf(*res) == 200) {
      ++result.ok;
      result.latencies_ms.push_back(
          std::chrono::duration<double, std::milli>(Clock::now() - start)
              .count());
    } else {
      connection = std::make_unique<RawConnection>(port);
    }
    std::this_thread::sleep_for(milliseconds(5));
  }
  return result;
}

class StarvationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::RaiseFileLimit();
    server_.routes().Get("/hello", [](const Request&, Response& res) {
      res.set_content("hello", "text/plain");
    });
    ASSERT_THAT(server_.Start(), IsOk());
  }
  HttpServer server_{"starvation", HttpServerOptions{}};
};

TEST_F(StarvationTest, TricklingHeadsDoNotStarveAGoodClient) {
  constexpr int kSlow = 200;
  std::vector<RawConnection> slow;
  for (int i = 0; i < kSlow; ++i) {
    slow.emplace_back(server_.port());
    ASSERT_TRUE(slow.back().connected());
    slow.back().Send("GET /hello HTTP/1.1\r\nX-Slow: ");
  }
  std::atomic<bool> done{false};
  std::thread trickle([&] {
    while (!done) {
      for (RawConnection& c : slow) c.Send("a");
      std::this_thread::sleep_for(milliseconds(250));
    }
  });
  const GoodClientResult good = RunGoodClient(server_.port(), seconds(4));
  done = true;
  trickle.join();
  EXPECT_GE(server_.connections(), static_cast<std::size_t>(kSlow));
  ASSERT_GT(good.sent, 50);
  EXPECT_GE(good.ok * 100, good.sent * 99)
      << good.ok << " of " << good.sent << " succeeded";
  EXPECT_LT(good.p99(), 100.0);
}

TEST_F(StarvationTest,
       AThousandIdleKeepAliveConnectionsDoNotStarveAGoodClient) {
  constexpr int kIdle = 1000;
  std::vector<RawConnection> idle;
  for (int i = 0; i < kIdle; ++i) {
    idle.emplace_back(server_.port());
    ASSERT_TRUE(idle.back().connected()) << "connection " << i;
    idle.back().Send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
  }
  for (RawConnection& c : idle) ASSERT_TRUE(c.ReadResponse());
  EXPECT_GE(server_.connections(), static_cast<std::size_t>(kIdle));
  const GoodClientResult good = RunGoodClient(server_.port(), seconds(3));
  ASSERT_GT(good.sent, 50);
  EXPECT_GE(good.ok * 100, good.sent * 99)
      << good.ok << " of " << good.sent << " succeeded";
  EXPECT_LT(good.p99(), 100.0);
  // They are all still open and usable.
  idle.front().Send("GET /hello HTTP/1.1\r\n\r\n");
  EXPECT_TRUE(idle.front().ReadResponse());
}

}  // namespace
}  // namespace tiersim::mocks
