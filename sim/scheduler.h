// Scheduler: the virtual clock and the queue of future events.
//
// Time only moves when the owner asks: AdvanceBy(3 days) runs every event due
// in those three days, each at its own virtual time, in (time, scheduling
// order) order, then leaves the clock at the target. Nothing sleeps, so
// "review takes three days" costs nothing. Single-threaded; events may
// schedule further events.
#pragma once

#include <cstdint>
#include <functional>
#include <queue>
#include <string>
#include <vector>

#include "sim/clock.h"

namespace tiersim::sim {

class Scheduler final : public Clock {
 public:
  explicit Scheduler(SimTime start = kDefaultEpoch) : now_(start) {}
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  SimTime Now() const override { return now_; }

  // Runs `fn` at virtual time `at` (or at Now() if `at` is in the past).
  // `label` names the event in diagnostics ("enrollment review").
  void ScheduleAt(SimTime at, std::string label, std::function<void()> fn);
  void ScheduleAfter(Duration delay, std::string label,
                     std::function<void()> fn) {
    ScheduleAt(now_ + delay, std::move(label), std::move(fn));
  }

  // Runs every event due up to Now() + d, then sets the clock to Now() + d.
  // Returns how many events ran.
  std::size_t AdvanceBy(Duration d);
  // Same, to an absolute time; a time in the past changes nothing.
  std::size_t AdvanceTo(SimTime t);
  // Runs the earliest event, moving the clock to its time. False if none.
  bool RunNext();
  // Runs events until none is left or `max_events` ran.
  std::size_t RunUntilIdle(std::size_t max_events = 1'000'000);

  std::size_t pending() const { return queue_.size(); }
  // Time of the earliest pending event, if any.
  std::optional<SimTime> NextEventTime() const;
  // Labels of pending events in the order they will run (for diagnostics).
  std::vector<std::string> PendingLabels() const;

 private:
  struct Event {
    SimTime at;
    std::uint64_t seq;
    std::string label;
    std::function<void()> fn;
  };
  struct Later {
    bool operator()(const Event& a, const Event& b) const {
      return a.at != b.at ? a.at > b.at : a.seq > b.seq;
    }
  };

  SimTime now_;
  std::uint64_t next_seq_ = 0;
  std::priority_queue<Event, std::vector<Event>, Later> queue_;
};

}  // namespace tiersim::sim
