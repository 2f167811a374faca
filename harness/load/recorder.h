// Recorder: where the flows' measurements go while a run goes on — one
// MetricResult per flow and per operation, found by index so recording
// takes no lookup and no allocation (bar the first error of a code), and
// the per-second series. Single-threaded (one per engine thread; shards
// and threads merge their results afterwards).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "reports/load/load_result.h"
#include "sim/status.h"

namespace tiersim::harness::load {

using WallClock = std::chrono::steady_clock;
using WallTime = WallClock::time_point;

class Recorder {
 public:
  // Metric indexes, assigned as names are first asked for.
  std::size_t Flow(const std::string& name);
  std::size_t Operation(const std::string& name);

  // Measurement starts at `t` (after warm-up): records of operations that
  // started earlier are not kept.
  void StartMeasuring(WallTime t) {
    measure_from_ = t;
    measuring_ = true;
  }
  bool Measured(WallTime start) const {
    return measuring_ && start >= measure_from_;
  }

  // An operation that should have started at `intended`, started at
  // `start` and ended at `end` with `code`; kept when `measured` (its
  // iteration started after the warm-up).
  void Op(std::size_t metric, bool measured, WallTime intended, WallTime start,
          WallTime end, sim::ErrorCode code) {
    // What the world should show counts every operation, warm-up too.
    if (code == sim::ErrorCode::kOk) ++succeeded_[metric];
    if (!measured) return;
    Record(operations_[metric], intended, start, end, code);
  }
  // An iteration of a flow; feeds the series too.
  void Iteration(std::size_t flow, bool measured, WallTime intended,
                 WallTime start, WallTime end, sim::ErrorCode code);
  void Dropped(WallTime at);
  void Active(WallTime at, std::int64_t busy);

  // Moves what was recorded into `out` (flows, operations, series, counts).
  void Finish(reports::LoadResult& out);
  // Copies it, for judging thresholds while the run goes on.
  void Snapshot(reports::LoadResult& out) const;
  const std::vector<reports::SecondResult>& series() const { return series_; }
  std::uint64_t dropped() const { return dropped_; }

 private:
  static void Record(reports::MetricResult& m, WallTime intended,
                     WallTime start, WallTime end, sim::ErrorCode code);
  reports::SecondResult& SecondAt(WallTime t);

  std::vector<reports::MetricResult> flows_;
  std::vector<reports::MetricResult> operations_;
  std::vector<std::uint64_t> succeeded_;  // per operation
  std::vector<reports::SecondResult> series_;
  WallTime measure_from_{};
  bool measuring_ = false;
  std::uint64_t dropped_ = 0;
  std::int64_t max_active_ = 0;
};

}  // namespace tiersim::harness::load
