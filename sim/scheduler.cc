#include "sim/scheduler.h"

#include <algorithm>

namespace tiersim::sim {

void Scheduler::ScheduleAt(SimTime at, std::string label,
                           std::function<void()> fn) {
  queue_.push(
      Event{std::max(at, now_), next_seq_++, std::move(label), std::move(fn)});
}

bool Scheduler::RunNext() {
  if (queue_.empty()) return false;
  // Copy out before popping: the event may schedule others.
  Event event = queue_.top();
  queue_.pop();
  now_ = std::max(now_, event.at);
  event.fn();
  return true;
}

std::size_t Scheduler::AdvanceTo(SimTime t) {
  std::size_t ran = 0;
  while (!queue_.empty() && queue_.top().at <= t) {
    RunNext();
    ++ran;
  }
  now_ = std::max(now_, t);
  return ran;
}

std::size_t Scheduler::AdvanceBy(Duration d) { return AdvanceTo(now_ + d); }

std::size_t Scheduler::RunUntilIdle(std::size_t max_events) {
  std::size_t ran = 0;
  while (ran < max_events && RunNext()) ++ran;
  return ran;
}

std::optional<SimTime> Scheduler::NextEventTime() const {
  if (queue_.empty()) return std::nullopt;
  return queue_.top().at;
}

std::vector<std::string> Scheduler::PendingLabels() const {
  auto copy = queue_;
  std::vector<std::string> labels;
  while (!copy.empty()) {
    labels.push_back(copy.top().label);
    copy.pop();
  }
  return labels;
}

}  // namespace tiersim::sim
