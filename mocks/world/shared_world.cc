#include "mocks/world/shared_world.h"

#include <cmath>
#include <string>

#include "mocks/world/outbox.h"

namespace tiersim::mocks {

SharedWorld::SharedWorld(SharedWorldOptions options)
    : options_(std::move(options)),
      world_(std::make_unique<InProcessWorld>(options_.world)),
      origin_(options_.world.start),
      virtual_anchor_(options_.world.start) {
  now_micros_ = world_->kernel().Now().time_since_epoch().count();
}

double SharedWorld::speed() const {
  MutexLock lock(mu_);
  return speed_;
}

std::uint64_t SharedWorld::seed() const {
  MutexLock lock(mu_);
  return options_.world.seed;
}

void SharedWorld::LockSpinning() {
  for (int i = 0; i < 200; ++i) {
    if (mu_.try_lock()) return;
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
  }
  mu_.lock();
}

void SharedWorld::CatchUpLocked() {
  if (speed_ <= 0) return;
  const auto wall = std::chrono::steady_clock::now() - wall_anchor_;
  const double virtual_us =
      std::chrono::duration<double, std::micro>(wall).count() * speed_;
  const sim::SimTime target =
      virtual_anchor_ + sim::Duration(static_cast<std::int64_t>(virtual_us));
  world_->kernel().scheduler().AdvanceTo(target);
}

std::vector<sim::Email> SharedWorld::TakeMailLocked() {
  return options_.outbox != nullptr ? options_.outbox->Take()
                                    : std::vector<sim::Email>();
}

void SharedWorld::DiscardMailLocked() {
  if (options_.outbox != nullptr) options_.outbox->Discard();
}

void SharedWorld::DeliverMail(std::vector<sim::Email> mail) {
  if (!mail.empty()) (void)options_.outbox->Deliver(std::move(mail));
}

void SharedWorld::PublishNowLocked() {
  now_micros_ = world_->kernel().Now().time_since_epoch().count();
}

sim::Status SharedWorld::Advance(sim::Duration d) {
  if (d < sim::Duration::zero()) {
    return sim::Error(sim::ErrorCode::kInvalidArgument,
                      "cannot move the clock backwards (" +
                          std::to_string(d.count()) + " µs)");
  }
  With([&](InProcessWorld& w) { w.kernel().scheduler().AdvanceBy(d); });
  MutexLock lock(mu_);
  // A manual jump moves the speed anchor too, so the jump is kept.
  virtual_anchor_ = world_->kernel().Now();
  wall_anchor_ = std::chrono::steady_clock::now();
  return sim::OkStatus();
}

sim::Status SharedWorld::SetSpeed(double speed) {
  if (!std::isfinite(speed) || speed < 0) {
    return sim::Error(sim::ErrorCode::kInvalidArgument,
                      "the clock speed must be a number >= 0 (virtual "
                      "seconds per wall second)");
  }
  MutexLock lock(mu_);
  CatchUpLocked();
  speed_ = speed;
  virtual_anchor_ = world_->kernel().Now();
  wall_anchor_ = std::chrono::steady_clock::now();
  PublishNowLocked();
  return sim::OkStatus();
}

void SharedWorld::Reset(std::optional<std::uint64_t> seed) {
  {
    MutexLock lock(mu_);
    if (seed) options_.world.seed = *seed;
    world_.reset();       // the old core first: it borrows the mail port
    DiscardMailLocked();  // the old world's undelivered mail
    if (options_.outbox != nullptr) options_.outbox->DiscardRetries();
    world_ = std::make_unique<InProcessWorld>(options_.world);
    speed_ = 0;
    virtual_anchor_ = options_.world.start;
    PublishNowLocked();
    ++generation_;
  }
  if (options_.on_reset) options_.on_reset();
}

}  // namespace tiersim::mocks
