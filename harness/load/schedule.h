// When an open model's arrivals are due: the rate moves linearly through
// the stages (a warm-up first, at the starting rate), and arrival k is due
// when the arrivals expected so far reach k — evenly spaced, the same on
// every run (wrk2's constant rate, k6's ramping-arrival-rate).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

#include "harness/load/profile.h"

namespace tiersim::harness::load {

class ArrivalSchedule {
 public:
  explicit ArrivalSchedule(const ModelSpec& model);

  // When arrival `k` (from 0) is due, from the run's start; nullopt past
  // the last.
  std::optional<WallDuration> DueAt(std::uint64_t k) const;
  // How many arrivals are due by `t` from the start (those with DueAt <= t).
  std::uint64_t DueBy(WallDuration t) const;
  // The arrival rate at `t`, per second.
  double RateAt(WallDuration t) const;
  std::uint64_t total() const { return total_; }

 private:
  struct Segment {
    double seconds;
    double from_rate;
    double to_rate;
    double before;  // arrivals expected before the segment
    double start;   // seconds from the run's start
  };
  std::vector<Segment> segments_;
  std::uint64_t total_ = 0;
};

}  // namespace tiersim::harness::load
