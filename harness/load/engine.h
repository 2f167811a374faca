// Engine: drives a load profile's flows on one thread, open model (arrivals
// on schedule.h's timetable; a due arrival finds no free virtual user when
// max_vus are busy and is counted as dropped, never silently delayed) or
// closed (virtual users looping with think time). Latency is measured from
// each iteration's intended start (wrk2's rule), in wall time; the domain
// runs in the world's virtual time. The results go into a LoadResult the
// CLI turns into reports; thresholds and invariants are judged by
// judge.h.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

#include "harness/load/flows.h"
#include "harness/load/population.h"
#include "harness/load/profile.h"
#include "harness/load/transport.h"
#include "reports/load/load_result.h"

namespace tiersim::harness::load {

struct Progress {
  double elapsed_seconds = 0;
  double total_seconds = 0;  // 0: unknown (iterations)
  std::uint64_t iterations = 0;
  std::uint64_t errors = 0;
  std::uint64_t dropped = 0;
  double rate = 0;           // iterations per second, last second
  std::uint64_t p99_ns = 0;  // last second
  std::int64_t active_vus = 0;
  bool warming_up = false;
};

struct EngineOptions {
  std::uint64_t shard = 0;
  std::uint64_t shards = 1;
  // Set (from a signal handler) to end the run early; the reports are
  // still written, marked interrupted.
  const std::atomic<bool>* interrupt = nullptr;
  // Called about once a second while the run goes on.
  std::function<void(const Progress&)> progress;
  // Judged once a second: a non-empty answer ends the run (abort_on_fail).
  std::function<std::string(const reports::LoadResult& so_far)> abort_check;
  // How long the run waits for iterations still in flight at its end.
  WallDuration drain = std::chrono::seconds(30);
};

class Engine {
 public:
  Engine(const LoadProfile& profile, const Population& population,
         LoadTransport& transport, EngineOptions options);
  ~Engine();

  // Runs the profile; fills the measured parts of `out`. An error when a
  // flow cannot run on this transport.
  sim::Status Run(reports::LoadResult& out);
  // What the flows made (after Run), for CheckCreations.
  const FlowEnv& env() const { return *env_; }

 private:
  void RunOpen();
  void RunClosed();
  // `waiting`: arrivals already due that have not started (they hold a
  // virtual user each while they wait).
  // `index`: the iteration's number across all shards (unique names; the
  // flow it runs).
  void StartIteration(std::uint64_t index, std::size_t vu, WallTime intended,
                      WallTime now, std::int64_t waiting = 0);
  std::size_t PickFlow(std::uint64_t index);
  bool ShouldStop();
  void Tick(WallTime now, bool force = false);
  void Drain();

  const LoadProfile& profile_;
  const Population& population_;
  LoadTransport& transport_;
  EngineOptions options_;
  Recorder recorder_;
  sim::Rng rng_;
  std::unique_ptr<FlowEnv> env_;
  std::vector<std::unique_ptr<Flow>> flows_;
  std::vector<std::int64_t> cumulative_weights_;
  WallTime t0_{};
  WallTime measure_from_{};
  WallTime last_tick_{};
  std::int64_t busy_ = 0;  // iterations in flight
  std::uint64_t arrivals_ = 0;
  std::uint64_t last_iterations_ = 0;
  std::string exhausted_;
  std::string aborted_;
  bool interrupted_ = false;
  // Closed model: the virtual users waiting to start again, and when.
  std::vector<std::pair<WallTime, std::size_t>> idle_;
};

}  // namespace tiersim::harness::load
