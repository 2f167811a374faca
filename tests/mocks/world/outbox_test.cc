// The outbox between a served core and its mail system (mocks/world/
// outbox.h): refusals the core must see come at Send, delivery happens
// after the world's lock is released and retries an unavailable server,
// and work that failed delivers nothing (R22).
#include "mocks/world/outbox.h"

#include <gtest/gtest.h>

#include <chrono>
#include <future>
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

// Records what it is handed; fails the first `failures` sends.
class RecordingPort final : public sim::MailPort {
 public:
  sim::Status Send(sim::Email email) override {
    if (on_send) on_send();
    if (failures > 0) {
      --failures;
      return sim::Error(sim::ErrorCode::kUnavailable, "server busy");
    }
    sent.push_back(std::move(email));
    return sim::OkStatus();
  }
  int failures = 0;
  std::function<void()> on_send;
  std::vector<sim::Email> sent;
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
  EXPECT_TRUE(port.sent.empty());
  std::vector<sim::Email> batch = outbox.Take();
  ASSERT_EQ(batch.size(), 1u);
  EXPECT_TRUE(outbox.Take().empty());
  EXPECT_THAT(outbox.Deliver(std::move(batch)), IsOk());
  ASSERT_EQ(port.sent.size(), 1u);
  EXPECT_EQ(port.sent[0].to[0], "ada@contoso.test");
}

TEST(OutboxTest, AnUnavailableServerIsRetriedThenGivenUp) {
  RecordingPort port;
  Outbox outbox(port, FastRetries());
  port.failures = 2;  // third try succeeds
  EXPECT_THAT(outbox.Deliver({Mail("a@x.test")}), IsOk());
  EXPECT_EQ(port.sent.size(), 1u);
  port.failures = 3;  // every try fails; the next message is still sent
  EXPECT_THAT(outbox.Deliver({Mail("b@x.test"), Mail("c@x.test")}),
              StatusIs(sim::ErrorCode::kUnavailable));
  ASSERT_EQ(port.sent.size(), 2u);
  EXPECT_EQ(port.sent[1].to[0], "c@x.test");
}

TEST(OutboxTest, SharedWorldDeliversAfterReleasingTheLock) {
  RecordingPort port;
  Outbox outbox(port, FastRetries());
  SharedWorld world(SendingThrough(outbox));
  bool lock_was_free = false;
  port.on_send = [&] {
    // Another thread can take the world's lock while the mail is sent.
    auto other = std::async(std::launch::async,
                            [&] { world.With([](InProcessWorld&) {}); });
    lock_was_free =
        other.wait_for(std::chrono::seconds(2)) == std::future_status::ready;
  };
  world.With([&](InProcessWorld&) {
    ASSERT_THAT(outbox.Send(Mail("ada@contoso.test")), IsOk());
    EXPECT_TRUE(port.sent.empty());  // not while the lock is held
  });
  EXPECT_EQ(port.sent.size(), 1u);  // delivered before With returned
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
  EXPECT_TRUE(port.sent.empty());
}

}  // namespace
}  // namespace tiersim::mocks
