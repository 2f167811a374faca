// Outbox: the sim::MailPort a served core sends through, so that no I/O
// happens under the world's lock. Send() only checks the message (as the
// real sender would, so the core sees the same refusals) and queues it;
// SharedWorld takes the queue at the end of each piece of work, still
// under the lock, and delivers it through the real port (SmtpSender) once
// the lock is released. Work that failed discards its mail instead
// (Discard, before the lock is released): an operation that failed or was
// rolled back sends nothing (R22).
//
// Delivery tries each message once on the calling thread, so that when a
// call's answer goes out its mail is normally in the mailbox already. A
// message the port refuses as unavailable waits in the retry queue, with
// every later message (so the order holds), and the outbox's own thread
// tries again with doubling backoff: an event-loop thread never sleeps.
//
// Thread rules: Send, Take and Discard run under the world's lock (one
// thread at a time); Deliver, Drain and pending run from any thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <thread>
#include <vector>

#include "mocks/common/mutex.h"
#include "sim/ports.h"
#include "sim/status.h"

namespace tiersim::mocks {

struct OutboxOptions {
  // What the real port would refuse at once (kInvalidArgument), checked
  // at Send so the core sees it. Null: anything is queued.
  std::function<sim::Status(const sim::Email&)> check;
  // Tries per message while the port answers kUnavailable; the wait
  // doubles from first_backoff between tries (50+100+200+400 ms).
  int attempts = 5;
  std::chrono::milliseconds first_backoff{50};
  // Messages waiting for a retry at most; beyond, new ones are given up
  // at once (logged) rather than held without bound.
  std::size_t max_retry_queue = 10'000;
};

class Outbox final : public sim::MailPort {
 public:
  Outbox(sim::MailPort& port, OutboxOptions options);
  // Gives up (logged) what still waits for a retry.
  ~Outbox() override;
  Outbox(const Outbox&) = delete;
  Outbox& operator=(const Outbox&) = delete;

  sim::Status Send(sim::Email email) override;
  // The messages queued since the last Take or Discard.
  std::vector<sim::Email> Take();
  void Discard();
  // Forgets the mail waiting for a retry (the world was reset: it belongs
  // to the old one), after the retry in flight if any (at most 30 s).
  void DiscardRetries();

  // Hands `batch` to the port in order, each message once. Returns the
  // first refusal other than unavailability (that message is given up,
  // logged, and the rest still tried); unavailable ones go to the retry
  // queue and count as accepted.
  sim::Status Deliver(std::vector<sim::Email> batch);

  // Waits until the retry queue is empty, at most `timeout`; true if so.
  bool Drain(std::chrono::milliseconds timeout);
  // Messages waiting for a retry.
  std::size_t pending() const;
  // Messages given up after every try, or because the queue was full.
  std::size_t given_up() const;

 private:
  struct Waiting {
    sim::Email email;
    int tries = 0;  // made so far
    std::chrono::milliseconds backoff;
    std::chrono::steady_clock::time_point next_try;
  };

  void Enqueue(sim::Email email, int tries) TIERSIM_REQUIRES(mu_);
  void GiveUp(const sim::Email& email, const sim::Status& why)
      TIERSIM_REQUIRES(mu_);
  void RetryLoop();

  sim::MailPort& port_;
  const OutboxOptions options_;
  std::vector<sim::Email> queued_;  // under the world's lock

  mutable Mutex mu_;
  std::condition_variable_any changed_;
  std::deque<Waiting> retries_ TIERSIM_GUARDED_BY(mu_);
  bool retrying_ TIERSIM_GUARDED_BY(mu_) = false;  // the front is being tried
  std::uint64_t discards_ TIERSIM_GUARDED_BY(mu_) = 0;  // DiscardRetries calls
  std::size_t given_up_ TIERSIM_GUARDED_BY(mu_) = 0;
  bool stopping_ TIERSIM_GUARDED_BY(mu_) = false;
  std::thread retrier_;  // last: started once the rest is built
};

}  // namespace tiersim::mocks
