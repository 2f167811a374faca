#include "mocks/world/outbox.h"

#include <cstdio>
#include <thread>
#include <utility>

namespace tiersim::mocks {

Outbox::Outbox(sim::MailPort& port, OutboxOptions options)
    : port_(port), options_(std::move(options)) {}

sim::Status Outbox::Send(sim::Email email) {
  if (options_.check) TIERSIM_RETURN_IF_ERROR(options_.check(email));
  queued_.push_back(std::move(email));
  return sim::OkStatus();
}

std::vector<sim::Email> Outbox::Take() { return std::exchange(queued_, {}); }

void Outbox::Discard() { queued_.clear(); }

sim::Status Outbox::Deliver(std::vector<sim::Email> batch) {
  sim::Status first_failure = sim::OkStatus();
  for (sim::Email& email : batch) {
    auto backoff = options_.first_backoff;
    sim::Status sent = sim::OkStatus();
    for (int attempt = 1; attempt <= options_.attempts; ++attempt) {
      sent = port_.Send(email);
      if (sent.ok() || sent.code() != sim::ErrorCode::kUnavailable) break;
      if (attempt < options_.attempts) {
        std::this_thread::sleep_for(backoff);
        backoff *= 2;
      }
    }
    if (!sent.ok()) {
      std::fprintf(stderr,
                   "tiersim: the mail \"%s\" to %s was not delivered: %s\n",
                   email.subject.c_str(),
                   email.to.empty() ? "nobody" : email.to.front().c_str(),
                   sent.ToString().c_str());
      if (first_failure.ok()) first_failure = sent;
    }
  }
  return first_failure;
}

}  // namespace tiersim::mocks
