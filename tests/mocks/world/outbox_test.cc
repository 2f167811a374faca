// The outbox between a served core and its mail system (mocks/world/
// outbox.h): refusals the core must see come at Send, delivery happens
// after the world's lock is released, an unavailable server is retried on
// the outbox's own thread (the caller never sleeps) in order, and work
// that failed delivers nothing (R22).
#include "mocks/world/outbox.h"

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "mocks/world/shared_world.h"
#include "tests/common/status_matchers.h"

namespace tiersim::mocks {
namespace {

using std::chrono::milliseconds;
using ::tiersim::testing::IsOk;
using ::tiersim::testing::StatusIs;

sim::Email Mail(std::string to) {
  sim::Email e;
  e.from = "noreply@tiersim.test";
  e.to.push_back(std::move(to));
  e.subject = "hello";
  return e;
}

// Records what it is handed and on which thread; fails the first
// `failures` sends with `failure`. Safe from any thread.
class RecordingPort final : public sim::MailPort {
 public:
  sim::Status Send(sim::Email email) override {
    std::function<void()> hook;
    {
      std::lock_guard lock(mu);
      hook = on_send;
    }
    if (hook) hook();
    std::lock_guard lock(mu);
    threads.push_back(std::this_thread::get_id());
    if (failures > 0) {
      --failures;
      return sim::Error(failure, "server busy");
    }
    sent.push_back(email.to.front());
    return sim::OkStatus();
  }
  std::vector<std::string> Sent() {
    std::lock_guard lock(mu);
    return sent;
  }
  std::vector<std::thread::id> Threads() {
    std::lock_guard lock(mu);
    return threads;
  }
  void Fail(int n, sim::ErrorCode code = sim::ErrorCode::kUnavailable) {
    std::lock_guard lock(mu);
    failures = n;
    failure = code;
  }

  std::mutex mu;
  int failures = 0;
  sim::ErrorCode failure = sim::ErrorCode::kUnavailable;
  std::function<void()> on_send;
  std::vector<std::string> sent;
  std::vector<std::thread::id> threads;
};

OutboxOptions FastRetries() {
  return {.check =
              [](const sim::Email& e) {
                return e.to.empty()
                           ? sim::Error(sim::ErrorCode::kInvalidArgument,
                                        "no recipient")
                           : sim::OkStatus();
              },
          .attempts = 3,
          .first_backoff = milliseconds(1)};
}

// A world whose core sends through `outbox`.
SharedWorldOptions SendingThrough(Outbox& outbox) {
  SharedWorldOptions options;
  options.world.mail = &outbox;
  options.outbox = &outbox;
  return options;
}

TEST(OutboxTest, SendChecksAndQueuesWithoutTouchingThePort) {
  RecordingPort port;
  Outbox outbox(port, FastRetries());
  EXPECT_THAT(outbox.Send(Mail("ada@contoso.test")), IsOk());
  sim::Email nobody = Mail("x@y.test");
  nobody.to.clear();
  EXPECT_THAT(outbox.Send(nobody), StatusIs(sim::ErrorCode::kInvalidArgument));
  EXPECT_TRUE(port.Sent().empty());
  std::vector<sim::Email> batch = outbox.Take();
  ASSERT_EQ(batch.size(), 1u);
  EXPECT_TRUE(outbox.Take().empty());
  EXPECT_THAT(outbox.Deliver(std::move(batch)), IsOk());
  // Tried once on the caller's thread: there when Deliver returns.
  EXPECT_EQ(port.Sent(), std::vector<std::string>{"ada@contoso.test"});
  EXPECT_EQ(port.Threads(),
            std::vector<std::thread::id>{std::this_thread::get_id()});
}

TEST(OutboxTest, AnUnavailableServerIsRetriedOnTheOutboxsOwnThread) {
  RecordingPort port;
  Outbox outbox(port, FastRetries());
  port.Fail(2);  // the third try succeeds
  EXPECT_THAT(outbox.Deliver({Mail("a@x.test")}), IsOk());
  ASSERT_TRUE(outbox.Drain(milliseconds(5000)));
  EXPECT_EQ(port.Sent(), std::vector<std::string>{"a@x.test"});
  const std::vector<std::thread::id> threads = port.Threads();
  ASSERT_EQ(threads.size(), 3u);
  EXPECT_EQ(threads[0], std::this_thread::get_id());
  EXPECT_NE(threads[1], std::this_thread::get_id());
  EXPECT_NE(threads[2], std::this_thread::get_id());
  EXPECT_EQ(outbox.given_up(), 0u);
}

TEST(OutboxTest, AMessageRefusedAtEveryTryIsGivenUpAndTheNextStillSent) {
  RecordingPort port;
  Outbox outbox(port, FastRetries());
  port.Fail(3);  // every one of the 3 tries of b
  EXPECT_THAT(outbox.Deliver({Mail("b@x.test"), Mail("c@x.test")}), IsOk());
  ASSERT_TRUE(outbox.Drain(milliseconds(5000)));
  EXPECT_EQ(port.Sent(), std::vector<std::string>{"c@x.test"});
  EXPECT_EQ(outbox.given_up(), 1u);
}

TEST(OutboxTest, LaterMailWaitsBehindARetrySoTheOrderHolds) {
  RecordingPort port;
  Outbox outbox(port, FastRetries());
  port.Fail(1);
  EXPECT_THAT(outbox.Deliver({Mail("first@x.test")}), IsOk());
  EXPECT_THAT(outbox.Deliver({Mail("second@x.test")}), IsOk());
  ASSERT_TRUE(outbox.Drain(milliseconds(5000)));
  EXPECT_EQ(port.Sent(),
            (std::vector<std::string>{"first@x.test", "second@x.test"}));
}

TEST(OutboxTest, ARefusalOtherThanUnavailableIsReturnedAndNotRetried) {
  RecordingPort port;
  Outbox outbox(port, FastRetries());
  port.Fail(1, sim::ErrorCode::kInvalidArgument);
  EXPECT_THAT(outbox.Deliver({Mail("a@x.test"), Mail("b@x.test")}),
              StatusIs(sim::ErrorCode::kInvalidArgument));
  EXPECT_EQ(port.Sent(), std::vector<std::string>{"b@x.test"});
  EXPECT_EQ(port.Threads().size(), 2u);
  EXPECT_EQ(outbox.given_up(), 1u);
  EXPECT_EQ(outbox.pending(), 0u);
}

// The old outbox slept through its backoff on the caller's thread (an
// event-loop thread of the server): with an hour's backoff Deliver would
// not return. Now it returns at once, and so does the outbox's end.
TEST(OutboxTest, DeliverNeverSleepsOnTheCallersThread) {
  RecordingPort port;
  auto outbox = std::make_unique<Outbox>(
      port, OutboxOptions{.first_backoff = std::chrono::hours(1)});
  port.Fail(1'000'000);
  auto delivered = std::async(std::launch::async, [&] {
    return outbox->Deliver({Mail("a@x.test"), Mail("b@x.test")});
  });
  ASSERT_EQ(delivered.wait_for(std::chrono::seconds(10)),
            std::future_status::ready);
  EXPECT_THAT(delivered.get(), IsOk());
  EXPECT_EQ(outbox->pending(), 2u);
  EXPECT_FALSE(outbox->Drain(milliseconds(10)));
  auto ended = std::async(std::launch::async, [&] { outbox.reset(); });
  EXPECT_EQ(ended.wait_for(std::chrono::seconds(10)),
            std::future_status::ready);
  EXPECT_TRUE(port.Sent().empty());
}

TEST(OutboxTest, TheRetryQueueIsBoundedAndGivesUpBeyondIt) {
  RecordingPort port;
  Outbox outbox(port, OutboxOptions{.first_backoff = std::chrono::hours(1),
                                    .max_retry_queue = 2});
  port.Fail(1'000'000);
  EXPECT_THAT(outbox.Deliver({Mail("1@x.test"), Mail("2@x.test"),
                              Mail("3@x.test"), Mail("4@x.test")}),
              IsOk());
  EXPECT_EQ(outbox.pending(), 2u);
  EXPECT_EQ(outbox.given_up(), 2u);
}

TEST(OutboxTest, AResetWorldsWaitingMailIsNeverDelivered) {
  RecordingPort port;
  // Tries at 0, 100, 300 ms fail; a fourth, at 700 ms, would succeed
  // (the reset comes long before it).
  Outbox outbox(port, OutboxOptions{.first_backoff = milliseconds(100)});
  SharedWorld world(SendingThrough(outbox));
  port.Fail(3);
  EXPECT_THAT(outbox.Deliver({Mail("old@x.test")}), IsOk());
  EXPECT_EQ(outbox.pending(), 1u);
  world.Reset(std::nullopt);
  EXPECT_EQ(outbox.pending(), 0u);
  std::this_thread::sleep_for(milliseconds(800));  // past the fourth try
  EXPECT_TRUE(port.Sent().empty());
}

TEST(OutboxTest, SharedWorldDeliversAfterReleasingTheLock) {
  RecordingPort port;
  Outbox outbox(port, FastRetries());
  SharedWorld world(SendingThrough(outbox));
  bool lock_was_free = false;
  port.on_send = [&] {  // set before any thread sends
    // Another thread can take the world's lock while the mail is sent.
    auto other = std::async(std::launch::async,
                            [&] { world.With([](InProcessWorld&) {}); });
    lock_was_free =
        other.wait_for(std::chrono::seconds(2)) == std::future_status::ready;
  };
  world.With([&](InProcessWorld&) {
    ASSERT_THAT(outbox.Send(Mail("ada@contoso.test")), IsOk());
    EXPECT_TRUE(port.Sent().empty());  // not while the lock is held
  });
  EXPECT_EQ(port.Sent().size(), 1u);  // delivered before With returned
  EXPECT_TRUE(lock_was_free);
}

TEST(OutboxTest, R22_WorkThatFailedDeliversNothing) {
  RecordingPort port;
  Outbox outbox(port, FastRetries());
  SharedWorld world(SendingThrough(outbox));
  world.With([&](InProcessWorld&) {
    ASSERT_THAT(outbox.Send(Mail("ada@contoso.test")), IsOk());
    world.DiscardMailLocked();  // the operation was refused
  });
  world.With([](InProcessWorld&) {});
  EXPECT_TRUE(port.Sent().empty());
  EXPECT_TRUE(port.Threads().empty());
}

}  // namespace
}  // namespace tiersim::mocks
