#include "mocks/partner_center/render_worker.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>
#include <vector>

namespace tiersim::mocks::pc {
namespace {

TEST(RenderWorkerTest, RunsTasksInOrderOnItsOwnThread) {
  RenderWorker worker;
  std::vector<int> ran;
  std::promise<std::thread::id> where;
  std::promise<void> done;
  ASSERT_TRUE(worker.Post([&] {
    where.set_value(std::this_thread::get_id());
    ran.push_back(1);
  }));
  ASSERT_TRUE(worker.Post([&] { ran.push_back(2); }));
  ASSERT_TRUE(worker.Post([&] {
    ran.push_back(3);
    done.set_value();
  }));
  ASSERT_EQ(done.get_future().wait_for(std::chrono::seconds(10)),
            std::future_status::ready);
  EXPECT_NE(where.get_future().get(), std::this_thread::get_id());
  EXPECT_EQ(ran, (std::vector<int>{1, 2, 3}));
}

TEST(RenderWorkerTest, RefusesMoreThanItsPendingLimitAndStopDropsThem) {
  RenderWorker worker;
  std::promise<void> started;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  ASSERT_TRUE(worker.Post([&] {
    started.set_value();
    released.wait();
  }));
  ASSERT_EQ(started.get_future().wait_for(std::chrono::seconds(10)),
            std::future_status::ready);
  std::atomic<int> waiting_ran{0};
  for (std::size_t i = 0; i < RenderWorker::kMaxPending; ++i) {
    EXPECT_TRUE(worker.Post([&] { ++waiting_ran; })) << i;
  }
  EXPECT_FALSE(worker.Post([&] { ++waiting_ran; }));  // full
  EXPECT_EQ(worker.pending(), RenderWorker::kMaxPending);
  std::thread stopper([&] { worker.Stop(); });
  // Stop drops the waiting tasks at once, then waits for the one under way.
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (worker.pending() > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::yield();
  }
  EXPECT_EQ(worker.pending(), 0u);
  release.set_value();
  stopper.join();
  EXPECT_EQ(waiting_ran.load(), 0);
  EXPECT_FALSE(worker.Post([] {}));  // stopped
  worker.Stop();                     // again: nothing happens
}

}  // namespace
}  // namespace tiersim::mocks::pc
