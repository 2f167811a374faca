// Outbox: the sim::MailPort a served core sends through, so that no I/O
// happens under the world's lock. Send() only checks the message (as the
// real sender would, so the core sees the same refusals) and queues it;
// SharedWorld takes the queue at the end of each piece of work, still
// under the lock, and delivers it through the real port (SmtpSender) once
// the lock is released, retrying with backoff. Work that failed discards
// its mail instead (Discard, before the lock is released): an operation
// that failed or was rolled back sends nothing (R22).
//
// Thread rules: Send, Take and Discard run under the world's lock (one
// thread at a time); Deliver runs outside it, from any thread, and may
// block for the retries.
#pragma once

#include <chrono>
#include <functional>
#include <vector>

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
};

class Outbox final : public sim::MailPort {
 public:
  Outbox(sim::MailPort& port, OutboxOptions options);

  sim::Status Send(sim::Email email) override;
  // The messages queued since the last Take or Discard.
  std::vector<sim::Email> Take();
  void Discard();

  // Hands `batch` to the port in order. A message the port keeps refusing
  // as unavailable after every try is given up (logged); the first such
  // failure is returned, and the rest of the batch is still tried.
  sim::Status Deliver(std::vector<sim::Email> batch);

 private:
  sim::MailPort& port_;
  OutboxOptions options_;
  std::vector<sim::Email> queued_;
};

}  // namespace tiersim::mocks
