// The JSON report of a load run (docs/load-report-json.md).
#include <nlohmann/json.hpp>

#include "reports/load/load_writers.h"

namespace tiersim::reports {
namespace {

using nlohmann::json;

json HistogramJson(const Histogram& h) {
  json buckets = json::array();
  for (const auto& [i, n] : h.Sparse()) buckets.push_back({i, n});
  return {{"count", h.count()},
          {"min_ns", h.min()},
          {"mean_ns", h.mean()},
          {"p50_ns", h.Percentile(50)},
          {"p90_ns", h.Percentile(90)},
          {"p99_ns", h.Percentile(99)},
          {"p99_9_ns", h.Percentile(99.9)},
          {"p99_99_ns", h.Percentile(99.99)},
          {"max_ns", h.max()},
          {"sum_ns", h.sum()},
          {"buckets", std::move(buckets)}};
}

json MetricJson(const MetricResult& m) {
  return {{"name", m.name},
          {"count", m.count()},
          {"errors", m.errors},
          {"errors_by_code", m.errors_by_code},
          {"latency", HistogramJson(m.latency)},
          {"service_time", HistogramJson(m.service)}};
}

}  // namespace

void WriteLoadJson(const LoadResult& r, std::ostream& out) {
  json flows = json::array(), operations = json::array(),
       series = json::array(), thresholds = json::array(),
       invariants = json::array();
  for (const MetricResult& m : r.flows) flows.push_back(MetricJson(m));
  for (const MetricResult& m : r.operations) {
    operations.push_back(MetricJson(m));
  }
  for (const SecondResult& s : r.series) {
    series.push_back({{"second", s.second},
                      {"iterations", s.iterations},
                      {"errors", s.errors},
                      {"dropped", s.dropped},
                      {"active_vus", s.active_vus},
                      {"latency", HistogramJson(s.latency)}});
  }
  for (const ThresholdResult& t : r.thresholds) {
    thresholds.push_back({{"threshold", t.text},
                          {"key", t.key},
                          {"expression", t.expression},
                          {"metric", t.metric},
                          {"stat", t.stat},
                          {"bound", t.bound},
                          {"value", t.value},
                          {"shown", t.shown},
                          {"passed", t.passed},
                          {"aborted_run", t.aborted_run},
                          {"line", t.line}});
  }
  for (const InvariantResult& i : r.invariants) {
    invariants.push_back(
        {{"invariant", i.name}, {"passed", i.passed}, {"detail", i.detail}});
  }
  const json doc = {{"format", "tiersim-load/1"},
                    {"file", r.file},
                    {"name", r.name},
                    {"description", r.description},
                    {"seed", r.seed},
                    {"transport", r.transport},
                    {"target", r.target},
                    {"shared_server", r.shared_server},
                    {"shard", r.shard},
                    {"shards", r.shards},
                    {"wall_started_at", r.started_at},
                    {"model", r.model},
                    {"warmup_seconds", r.warmup_seconds},
                    {"wall_measured_seconds", r.measured_seconds},
                    {"interrupted", r.interrupted},
                    {"aborted", r.aborted},
                    {"exhausted", r.exhausted},
                    {"passed", r.passed()},
                    {"population", r.population},
                    {"wall_population_seconds", r.population_seconds},
                    {"arrivals", r.arrivals},
                    {"iterations", r.iterations},
                    {"failed_iterations", r.failed_iterations},
                    {"dropped", r.dropped},
                    {"max_vus", r.max_vus},
                    {"succeeded", r.succeeded},
                    {"world",
                     {{"initial", r.world_initial},
                      {"before", r.world_before},
                      {"after", r.world_after},
                      {"population_made", r.population_made}}},
                    {"flows", std::move(flows)},
                    {"operations", std::move(operations)},
                    {"series", std::move(series)},
                    {"thresholds", std::move(thresholds)},
                    {"invariants", std::move(invariants)},
                    {"generator",
                     {{"wall_cpu_seconds", r.generator_cpu_seconds},
                      {"wall_cpu_percent", r.generator_cpu_percent},
                      {"saturated", r.generator_saturated},
                      {"rss_start_bytes", r.rss_start_bytes},
                      {"rss_end_bytes", r.rss_end_bytes}}}};
  out << doc.dump(2) << "\n";
}

}  // namespace tiersim::reports
