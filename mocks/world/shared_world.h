// SharedWorld: one simulated world shared by the servers' worker threads.
//
// The core is single-threaded (DESIGN.md); this is the one serialising
// boundary in front of it: every request runs its whole piece of work inside
// With(), under one mutex, so the core, the in-memory directory and PMC never
// see two threads at once. Nothing else in the served world takes this lock,
// and With() must not be re-entered from inside `f`.
//
// Clock: virtual time moves when told (Advance) and, when a speed is set,
// also follows the wall clock — `speed` virtual seconds per wall second,
// caught up at the start of each With(). The wall clock is read here, at the
// edge, never by the core. Speed 0 (the default) keeps runs deterministic.
//
// Reset replaces the world with a fresh one (same options, optionally a new
// seed) and calls the owner's on_reset hook (e.g. to empty the mail server).
//
// Mail: when the world sends through an Outbox (options.outbox, also its
// world.mail), With() takes what the work queued while still holding the
// lock and delivers it after releasing it, on the calling thread, before
// returning: the caller's answer follows its mail, and no delivery (SMTP,
// retries) ever holds the lock.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "mocks/common/mutex.h"
#include "mocks/world/in_process_world.h"
#include "sim/ports.h"

namespace tiersim::mocks {

class Outbox;

struct SharedWorldOptions {
  WorldOptions world;              // seed, start, core options, mail port
  std::function<void()> on_reset;  // called after a reset, outside the lock
  Outbox* outbox = nullptr;        // set: world.mail is this outbox
};

class SharedWorld {
 public:
  explicit SharedWorld(SharedWorldOptions options);
  SharedWorld(const SharedWorld&) = delete;
  SharedWorld& operator=(const SharedWorld&) = delete;

  // Runs `f(InProcessWorld&)` alone and returns what it returns.
  template <typename F>
  decltype(auto) With(F&& f) {
    // Destroyed last, after the lock is released: delivers the mail.
    struct Deliver {
      SharedWorld* self;
      std::vector<sim::Email> mail;
      ~Deliver() { self->DeliverMail(std::move(mail)); }
    } deliver{this, {}};
    LockSpinning();
    MutexLock lock(mu_, std::adopt_lock);
    CatchUpLocked();
    struct Publish {
      SharedWorld* self;
      std::vector<sim::Email>* mail;
      // Runs while `lock` still holds mu_ (declared after it), which the
      // analysis cannot follow into a local class.
      ~Publish() TIERSIM_NO_THREAD_SAFETY_ANALYSIS {
        self->PublishNowLocked();
        *mail = self->TakeMailLocked();
      }
    } publish{this, &deliver.mail};
    return std::forward<F>(f)(*world_);
  }

  // From inside With(): the work failed, so the mail it queued is not
  // sent (R22).
  // (Not annotated: the analysis cannot see that With runs `f` under mu_.)
  void DiscardMailLocked();

  // Virtual now as of the last With() (no lock; for token expiry checks).
  sim::SimTime Now() const {
    return sim::SimTime(sim::Duration(now_micros_.load()));
  }
  sim::SimTime Origin() const { return origin_; }
  double speed() const;
  std::uint64_t seed() const;
  // Counts resets; a fresh world has generation 0.
  std::uint64_t generation() const { return generation_.load(); }

  // kInvalidArgument for a negative duration.
  sim::Status Advance(sim::Duration d);
  // kInvalidArgument when negative or not finite.
  sim::Status SetSpeed(double speed);
  void Reset(std::optional<std::uint64_t> seed);

 private:
  // Takes mu_, spinning briefly first: the work done under it is a few
  // microseconds, so on a busy server waiting in the kernel (and being
  // woken) costs more than the wait itself.
  void LockSpinning() TIERSIM_ACQUIRE(mu_);
  void CatchUpLocked() TIERSIM_REQUIRES(mu_);
  void PublishNowLocked() TIERSIM_REQUIRES(mu_);
  std::vector<sim::Email> TakeMailLocked() TIERSIM_REQUIRES(mu_);
  void DeliverMail(std::vector<sim::Email> mail);

  // Its seed changes under mu_ (Reset); the rest is fixed at construction.
  SharedWorldOptions options_;
  mutable Mutex mu_;
  std::unique_ptr<InProcessWorld> world_ TIERSIM_GUARDED_BY(mu_)
      TIERSIM_PT_GUARDED_BY(mu_);
  sim::SimTime origin_;
  double speed_ TIERSIM_GUARDED_BY(mu_) = 0;
  // When speed is set: the wall time and virtual time it was set at.
  std::chrono::steady_clock::time_point wall_anchor_ TIERSIM_GUARDED_BY(mu_);
  sim::SimTime virtual_anchor_ TIERSIM_GUARDED_BY(mu_);
  std::atomic<std::int64_t> now_micros_{0};
  std::atomic<std::uint64_t> generation_{0};
};

}  // namespace tiersim::mocks
