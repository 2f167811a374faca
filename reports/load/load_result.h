// LoadResult: what a `tiersim load` run measured, as plain values — the
// model the load reports are written from (console summary, JSON, JUnit
// XML, HTML) and that shards' JSON files merge back into (MergeLoadResults).
// Latencies are nanoseconds of wall time.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "reports/load/histogram.h"

namespace tiersim::reports {

struct MetricResult {
  std::string name;  // a flow ("order") or an operation ("orders.create")
  bool flow = false;
  // From the intended start (an open model's arrival time: wrk2's rule, no
  // coordinated omission) to the end.
  Histogram latency;
  // From the actual start: what a closed-model tool would have reported.
  Histogram service;
  std::uint64_t errors = 0;
  std::map<std::string, std::uint64_t> errors_by_code;  // "NotPartnered": 3
  std::uint64_t count() const { return latency.count(); }
};

// One second of the measured run (warm-up excluded), second 0 first.
struct SecondResult {
  std::int64_t second = 0;
  std::uint64_t iterations = 0;  // ended in this second
  std::uint64_t errors = 0;      // iterations that failed
  std::uint64_t dropped = 0;
  std::int64_t active_vus = 0;  // the most at once
  Histogram latency;            // iterations' latency (all flows)
};

struct ThresholdResult {
  std::string text;  // "order.p99 < 5ms"
  // As the profile wrote it, so that merged shards are judged again:
  // "order.p99" and "< 5ms" (or "order" and "p(99) < 5").
  std::string key;
  std::string expression;
  std::string metric;
  std::string stat;
  std::string bound;  // "< 5ms"
  double value = 0;   // what was measured (ns, share, per second, count)
  std::string shown;  // value as a person reads it: "3.21ms"
  bool passed = false;
  bool aborted_run = false;  // failed while running with abort_on_fail
  int line = 0;
};

struct InvariantResult {
  std::string name;  // "every invitation sent has exactly one email"
  bool passed = false;
  std::string detail;  // the figures: "sent 1200, emails 1200"
};

struct LoadResult {
  std::string file;
  std::string name;
  std::string description;
  std::uint64_t seed = 0;
  std::string transport = "in-process";  // or "http"
  std::string target;                    // --target, when over the network
  // Other generators (shards, --threads) drove the same server meanwhile:
  // the world's counts are the union's, judged when merged.
  bool shared_server = false;
  int shard = 0;  // --shard I/N (0/1: the whole run)
  int shards = 1;
  std::string started_at;  // wall clock, ISO 8601
  std::string model;       // "open 1000/s for 30s", ...
  double warmup_seconds = 0;
  double measured_seconds = 0;  // after warm-up
  bool interrupted = false;     // Ctrl-C
  std::string aborted;          // why the run ended early, if so
  std::string exhausted;        // a population part ran out

  // Population.
  std::map<std::string, std::int64_t> population;  // "customers": 1000
  double population_seconds = 0;                   // to build it

  std::vector<MetricResult> flows;
  std::vector<MetricResult> operations;
  std::uint64_t iterations = 0;  // measured, ended
  std::uint64_t failed_iterations = 0;
  std::uint64_t dropped = 0;   // arrivals no virtual user was free for
  std::uint64_t arrivals = 0;  // scheduled (open) or started (closed)
  std::int64_t max_vus = 0;    // the most virtual users busy at once
  std::vector<SecondResult> series;

  // The load generator itself: an overloaded generator lies.
  double generator_cpu_seconds = 0;
  double generator_cpu_percent = 0;  // of one core, over the run
  bool generator_saturated = false;  // above 90% of a core
  std::uint64_t rss_start_bytes = 0;
  std::uint64_t rss_end_bytes = 0;

  std::vector<ThresholdResult> thresholds;
  std::vector<InvariantResult> invariants;

  // What the engine believes it did, by operation, for the server's counts
  // to be compared with ("partnership.accept": 1200 succeeded).
  std::map<std::string, std::uint64_t> succeeded;
  // The world's counts ("orders": 1000; the server's /_tiersim/counts over
  // the network) when the run began, once the population was built, and
  // after the load; what the population itself made (predicted from its
  // plan, so shards sharing one server can be told apart). Empty when the
  // world's counts say nothing of the run (a scenario-template flow).
  std::map<std::string, std::int64_t> world_initial, world_before, world_after,
      population_made;

  bool passed() const;
  // 0 every threshold and invariant held, 1 otherwise.
  int ExitCode() const { return passed() ? 0 : 1; }
  std::uint64_t operations_total() const;
  std::uint64_t operation_errors() const;
};

}  // namespace tiersim::reports
