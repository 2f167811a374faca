#include "mocks/world/outbox.h"

#include <cstdio>
#include <utility>

namespace tiersim::mocks {

using Clock = std::chrono::steady_clock;

Outbox::Outbox(sim::MailPort& port, OutboxOptions options)
    : port_(port), options_(std::move(options)) {
  retrier_ = std::thread([this] { RetryLoop(); });
}

Outbox::~Outbox() {
  {
    MutexLock lock(mu_);
    stopping_ = true;
  }
  changed_.notify_all();
  retrier_.join();
  MutexLock lock(mu_);
  for (const Waiting& w : retries_) {
    GiveUp(w.email, sim::Error(sim::ErrorCode::kUnavailable,
                               "the server stopped before it could be sent"));
  }
  retries_.clear();
}

sim::Status Outbox::Send(sim::Email email) {
  if (options_.check) TIERSIM_RETURN_IF_ERROR(options_.check(email));
  queued_.push_back(std::move(email));
  return sim::OkStatus();
}

std::vector<sim::Email> Outbox::Take() { return std::exchange(queued_, {}); }

void Outbox::Discard() { queued_.clear(); }

void Outbox::DiscardRetries() {
  MutexLock lock(mu_);
  ++discards_;
  retries_.clear();
  const auto deadline = Clock::now() + std::chrono::seconds(30);
  while (retrying_ &&
         changed_.wait_until(mu_, deadline) != std::cv_status::timeout) {
  }
  retries_.clear();
  changed_.notify_all();
}

sim::Status Outbox::Deliver(std::vector<sim::Email> batch) {
  sim::Status first_refusal = sim::OkStatus();
  std::size_t i = 0;
  for (; i < batch.size(); ++i) {
    {
      MutexLock lock(mu_);
      if (!retries_.empty() || retrying_) break;  // wait behind them
    }
    sim::Status sent = port_.Send(batch[i]);
    if (sent.ok()) continue;
    MutexLock lock(mu_);
    if (sent.code() == sim::ErrorCode::kUnavailable &&
        options_.attempts > 1) {
      Enqueue(std::move(batch[i]), 1);
      ++i;
      break;
    }
    GiveUp(batch[i], sent);
    if (first_refusal.ok()) first_refusal = sent;
  }
  if (i < batch.size()) {
    MutexLock lock(mu_);
    for (; i < batch.size(); ++i) Enqueue(std::move(batch[i]), 0);
  }
  changed_.notify_all();
  return first_refusal;
}

bool Outbox::Drain(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  MutexLock lock(mu_);
  while (!retries_.empty() || retrying_) {
    if (changed_.wait_until(mu_, deadline) == std::cv_status::timeout) {
      return retries_.empty() && !retrying_;
    }
  }
  return true;
}

std::size_t Outbox::pending() const {
  MutexLock lock(mu_);
  return retries_.size() + (retrying_ ? 1 : 0);
}

std::size_t Outbox::given_up() const {
  MutexLock lock(mu_);
  return given_up_;
}

void Outbox::Enqueue(sim::Email email, int tries) {
  if (retries_.size() >= options_.max_retry_queue) {
    GiveUp(email, sim::Error(sim::ErrorCode::kUnavailable,
                             "the mail server is unavailable and the retry "
                             "queue is full"));
    return;
  }
  // `backoff` is the wait after the next failed try.
  const auto first = options_.first_backoff;
  retries_.push_back(Waiting{
      .email = std::move(email),
      .tries = tries,
      .backoff = tries == 0 ? first : 2 * first,
      .next_try = tries == 0 ? Clock::now() : Clock::now() + first});
}

void Outbox::GiveUp(const sim::Email& email, const sim::Status& why) {
  ++given_up_;
  std::fprintf(stderr, "tiersim: the mail \"%s\" to %s was not delivered: %s\n",
               email.subject.c_str(),
               email.to.empty() ? "nobody" : email.to.front().c_str(),
               why.ToString().c_str());
}

void Outbox::RetryLoop() {
  MutexLock lock(mu_);
  while (!stopping_) {
    if (retries_.empty()) {
      changed_.wait(mu_);
      continue;
    }
    if (Clock::now() < retries_.front().next_try) {
      changed_.wait_until(mu_, retries_.front().next_try);
      continue;
    }
    Waiting w = std::move(retries_.front());
    retries_.pop_front();
    retrying_ = true;
    const std::uint64_t discards = discards_;
    mu_.unlock();
    sim::Status sent = port_.Send(w.email);
    mu_.lock();
    retrying_ = false;
    ++w.tries;
    if (!sent.ok() && discards == discards_) {
      if (sent.code() == sim::ErrorCode::kUnavailable &&
          w.tries < options_.attempts) {
        w.next_try = Clock::now() + w.backoff;
        w.backoff *= 2;
        retries_.push_front(std::move(w));
      } else {
        GiveUp(w.email, sent);
      }
    }
    changed_.notify_all();
  }
}

}  // namespace tiersim::mocks
