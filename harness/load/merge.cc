#include "harness/load/merge.h"

#include <algorithm>
#include <set>

#include "harness/load/judge.h"
#include "harness/load/threshold.h"

namespace tiersim::harness::load {
namespace {

using reports::LoadResult;
using reports::MetricResult;
using Counts = std::map<std::string, std::int64_t>;

sim::Status Refuse(const std::string& message) {
  return sim::Status(sim::ErrorCode::kInvalidArgument, message);
}

// Adds `from`'s metrics into `into`, by name, keeping first-seen order.
void AddMetrics(const std::vector<MetricResult>& from,
                std::vector<MetricResult>& into) {
  for (const MetricResult& m : from) {
    auto it = std::find_if(into.begin(), into.end(),
                           [&](const auto& x) { return x.name == m.name; });
    if (it == into.end()) {
      into.push_back(m);
      continue;
    }
    it->latency.Merge(m.latency);
    it->service.Merge(m.service);
    it->errors += m.errors;
    for (const auto& [code, n] : m.errors_by_code)
      it->errors_by_code[code] += n;
  }
}

void AddSeries(const LoadResult& from, LoadResult& into) {
  for (const reports::SecondResult& s : from.series) {
    auto it = std::find_if(into.series.begin(), into.series.end(),
                           [&](const auto& x) { return x.second == s.second; });
    if (it == into.series.end()) {
      into.series.push_back(s);
      continue;
    }
    it->iterations += s.iterations;
    it->errors += s.errors;
    it->dropped += s.dropped;
    // Each shard's most at once: their sum bounds the union's.
    it->active_vus += s.active_vus;
    it->latency.Merge(s.latency);
  }
}

// Each key's smallest (first = true) or largest value over the shards.
Counts Extreme(const std::vector<LoadResult>& rs, Counts LoadResult::*field,
               bool smallest) {
  Counts out;
  for (const LoadResult& r : rs) {
    for (const auto& [key, v] : r.*field) {
      auto [it, fresh] = out.emplace(key, v);
      if (!fresh)
        it->second =
            smallest ? std::min(it->second, v) : std::max(it->second, v);
    }
  }
  return out;
}

Counts Sum(const std::vector<LoadResult>& rs, Counts LoadResult::*field) {
  Counts out;
  for (const LoadResult& r : rs) {
    for (const auto& [key, v] : r.*field) out[key] += v;
  }
  return out;
}

// The run's shards, ordered by index; an error naming the first problem.
sim::Status CheckShards(const std::vector<LoadResult>& rs,
                        const std::vector<std::string>& files) {
  if (rs.empty()) return Refuse("give the shards' JSON results to merge");
  const LoadResult& first = rs[0];
  const auto n = static_cast<std::size_t>(std::max(1, first.shards));
  std::vector<std::string> seen(n);
  for (std::size_t i = 0; i < rs.size(); ++i) {
    const LoadResult& r = rs[i];
    auto differs = [&](const std::string& what, const std::string& a,
                       const std::string& b) {
      return Refuse(files[i] + " is not a shard of the same run as " +
                    files[0] + ": its " + what + " is " + a + ", not " + b);
    };
    if (r.name != first.name) {
      return differs("profile", "\"" + r.name + "\"", "\"" + first.name + "\"");
    }
    if (r.seed != first.seed) {
      return differs("seed", std::to_string(r.seed),
                     std::to_string(first.seed));
    }
    if (r.model != first.model) {
      return differs("model", "\"" + r.model + "\"", "\"" + first.model + "\"");
    }
    if (r.transport != first.transport || r.target != first.target) {
      return differs("transport", r.transport + " " + r.target,
                     first.transport + " " + first.target);
    }
    if (r.shards != first.shards) {
      return differs("shard count", std::to_string(r.shards),
                     std::to_string(first.shards));
    }
    if (r.shard < 0 || static_cast<std::size_t>(r.shard) >= n) {
      return Refuse(files[i] + " is shard " + std::to_string(r.shard) + "/" +
                    std::to_string(r.shards) +
                    ", not a shard tiersim load writes (I from 0 to N-1)");
    }
    std::string& slot = seen[static_cast<std::size_t>(r.shard)];
    if (!slot.empty()) {
      return Refuse(files[i] + " and " + slot + " are both shard " +
                    std::to_string(r.shard) + "/" + std::to_string(n));
    }
    slot = files[i];
  }
  for (std::size_t s = 0; s < n; ++s) {
    if (seen[s].empty()) {
      return Refuse("shard " + std::to_string(s) + "/" + std::to_string(n) +
                    " is missing: merge needs the results of all " +
                    std::to_string(n) + " shards of the run");
    }
  }
  return sim::OkStatus();
}

// The invariants the world's counts cannot re-check (what each shard saw
// of its own creations), combined by name: held only if held everywhere.
void CombineOthers(const std::vector<LoadResult>& rs, LoadResult& out) {
  std::set<std::string> judged;
  for (const auto& i : out.invariants) judged.insert(i.name);
  for (const LoadResult& r : rs) {
    for (const reports::InvariantResult& i : r.invariants) {
      if (judged.count(i.name) != 0) continue;
      auto it = std::find_if(out.invariants.begin(), out.invariants.end(),
                             [&](const auto& x) { return x.name == i.name; });
      const std::string detail =
          "shard " + std::to_string(r.shard) + ": " + i.detail;
      if (it == out.invariants.end()) {
        out.invariants.push_back({i.name, i.passed, detail});
      } else if (it->passed && !i.passed) {
        it->passed = false;
        it->detail = detail;
      }
    }
  }
}

void Rejudge(const std::vector<LoadResult>& rs, LoadResult& out) {
  std::vector<std::string> metrics = {"errors", "iterations", "dropped"};
  for (const MetricResult& m : out.flows) metrics.push_back(m.name);
  for (const MetricResult& m : out.operations) metrics.push_back(m.name);
  for (const reports::ThresholdResult& was : rs[0].thresholds) {
    std::string problem;
    const auto t = ParseThreshold(was.key, was.expression, metrics, problem);
    reports::ThresholdResult judged = was;
    if (t) {
      Threshold with_line = *t;
      with_line.pos.line = was.line;
      judged = Judge(with_line, out);
    } else {
      // Its metric recorded nothing in any shard: no data is no proof.
      judged.shown = "no data";
      judged.passed = false;
    }
    for (const LoadResult& r : rs) {
      for (const auto& x : r.thresholds) {
        if (x.text == was.text && x.aborted_run) judged.aborted_run = true;
      }
    }
    out.thresholds.push_back(std::move(judged));
  }
}

}  // namespace

sim::Result<LoadResult> MergeShards(const std::vector<LoadResult>& results,
                                    const std::vector<std::string>& files) {
  TIERSIM_RETURN_IF_ERROR(CheckShards(results, files));
  std::vector<LoadResult> rs = results;
  std::sort(rs.begin(), rs.end(),
            [](const auto& a, const auto& b) { return a.shard < b.shard; });
  const LoadResult& first = rs[0];
  LoadResult out;
  out.file = first.file;
  out.name = first.name;
  out.description = first.description;
  out.seed = first.seed;
  out.transport = first.transport;
  out.target = first.target;
  out.shard = -1;  // merged
  out.shards = first.shards;
  out.model = first.model;
  out.warmup_seconds = first.warmup_seconds;
  out.started_at = first.started_at;
  for (const LoadResult& r : rs) {
    out.started_at = std::min(out.started_at, r.started_at);
    out.measured_seconds = std::max(out.measured_seconds, r.measured_seconds);
    out.interrupted = out.interrupted || r.interrupted;
    const std::string who = "shard " + std::to_string(r.shard) + ": ";
    if (out.aborted.empty() && !r.aborted.empty())
      out.aborted = who + r.aborted;
    if (out.exhausted.empty() && !r.exhausted.empty()) {
      out.exhausted = who + r.exhausted;
    }
    for (const auto& [k, v] : r.population) out.population[k] += v;
    out.population_seconds =
        std::max(out.population_seconds, r.population_seconds);
    AddMetrics(r.flows, out.flows);
    AddMetrics(r.operations, out.operations);
    AddSeries(r, out);
    out.iterations += r.iterations;
    out.failed_iterations += r.failed_iterations;
    out.dropped += r.dropped;
    out.arrivals += r.arrivals;
    out.max_vus += r.max_vus;
    for (const auto& [k, v] : r.succeeded) out.succeeded[k] += v;
    out.generator_cpu_seconds += r.generator_cpu_seconds;
    out.generator_cpu_percent =
        std::max(out.generator_cpu_percent, r.generator_cpu_percent);
    out.generator_saturated = out.generator_saturated || r.generator_saturated;
    out.rss_start_bytes = std::max(out.rss_start_bytes, r.rss_start_bytes);
    out.rss_end_bytes = std::max(out.rss_end_bytes, r.rss_end_bytes);
  }
  std::sort(out.series.begin(), out.series.end(),
            [](const auto& a, const auto& b) { return a.second < b.second; });

  const bool world = std::all_of(rs.begin(), rs.end(), [](const auto& r) {
    return !r.world_after.empty();
  });
  // Over the network the shards drove one server: its counts are the
  // union's, read first before any shard built its population and last
  // after every shard ended. In process each shard had a world of its own.
  const bool shared = std::any_of(
      rs.begin(), rs.end(), [](const auto& r) { return r.shared_server; });
  if (world) {
    out.population_made = Sum(rs, &LoadResult::population_made);
    if (shared) {
      out.world_initial = Extreme(rs, &LoadResult::world_initial, true);
      out.world_before = Extreme(rs, &LoadResult::world_before, true);
      out.world_after = Extreme(rs, &LoadResult::world_after, false);
    } else {
      out.world_initial = Sum(rs, &LoadResult::world_initial);
      out.world_before = Sum(rs, &LoadResult::world_before);
      out.world_after = Sum(rs, &LoadResult::world_after);
      CheckPopulationMade(out);
    }
    CheckInvariants(WorldMade(out, shared), out);
  }
  CombineOthers(rs, out);
  Rejudge(rs, out);
  return out;
}

}  // namespace tiersim::harness::load
