#include "reports/load/load_json_reader.h"

#include <nlohmann/json.hpp>

namespace tiersim::reports {
namespace {

using nlohmann::json;

// A read that failed, with where (a dotted path) and why.
struct Bad {
  std::string what;
};

const json& Field(const json& j, const char* key, const std::string& at) {
  if (!j.is_object()) throw Bad{at + " is not an object"};
  auto it = j.find(key);
  if (it == j.end()) {
    throw Bad{(at.empty() ? std::string() : at + ".") + key + " is missing"};
  }
  return *it;
}

std::string Path(const std::string& at, const char* key) {
  return at.empty() ? key : at + "." + key;
}

template <typename T>
T Get(const json& j, const char* key, const std::string& at) {
  const json& v = Field(j, key, at);
  try {
    return v.get<T>();
  } catch (const json::exception&) {
    throw Bad{Path(at, key) + " has the wrong type (" +
              std::string(v.type_name()) + ")"};
  }
}

// An optional field (a file from an older writer may lack it).
template <typename T>
T Maybe(const json& j, const char* key, const std::string& at, T fallback) {
  if (!j.is_object() || !j.contains(key)) return fallback;
  return Get<T>(j, key, at);
}

Histogram ReadHistogram(const json& j, const std::string& at) {
  using Buckets = std::vector<std::pair<std::uint32_t, std::uint64_t>>;
  const auto buckets = Get<Buckets>(j, "buckets", at);
  std::uint64_t total = 0;
  for (std::size_t i = 0; i < buckets.size(); ++i) {
    if (buckets[i].first >= Histogram::kBuckets) {
      throw Bad{Path(at, "buckets") + "[" + std::to_string(i) + "]: bucket " +
                std::to_string(buckets[i].first) + " is past the last one (" +
                std::to_string(Histogram::kBuckets - 1) + ")"};
    }
    total += buckets[i].second;
  }
  const auto count = Get<std::uint64_t>(j, "count", at);
  if (total != count) {
    throw Bad{Path(at, "buckets") + " hold " + std::to_string(total) +
              " values but " + Path(at, "count") + " says " +
              std::to_string(count)};
  }
  Histogram h;
  h.AddSparse(buckets, Get<std::uint64_t>(j, "min_ns", at),
              Get<std::uint64_t>(j, "max_ns", at),
              Get<std::uint64_t>(j, "sum_ns", at));
  return h;
}

std::vector<MetricResult> ReadMetrics(const json& doc, const char* key,
                                      bool flow) {
  std::vector<MetricResult> out;
  const json& list = Field(doc, key, "");
  if (!list.is_array()) throw Bad{std::string(key) + " is not a list"};
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string at = std::string(key) + "[" + std::to_string(i) + "]";
    const json& j = list[i];
    MetricResult m;
    m.name = Get<std::string>(j, "name", at);
    m.flow = flow;
    m.latency = ReadHistogram(Field(j, "latency", at), Path(at, "latency"));
    m.service =
        ReadHistogram(Field(j, "service_time", at), Path(at, "service_time"));
    m.errors = Get<std::uint64_t>(j, "errors", at);
    m.errors_by_code =
        Get<std::map<std::string, std::uint64_t>>(j, "errors_by_code", at);
    out.push_back(std::move(m));
  }
  return out;
}

using Counts = std::map<std::string, std::int64_t>;

LoadResult Read(const json& doc) {
  const auto format = Get<std::string>(doc, "format", "");
  if (format != "tiersim-load/1") {
    throw Bad{"format is \"" + format +
              "\"; expected \"tiersim-load/1\" (a tiersim load --json "
              "report)"};
  }
  LoadResult r;
  r.file = Get<std::string>(doc, "file", "");
  r.name = Get<std::string>(doc, "name", "");
  r.description = Maybe<std::string>(doc, "description", "", "");
  r.seed = Get<std::uint64_t>(doc, "seed", "");
  r.transport = Get<std::string>(doc, "transport", "");
  r.target = Maybe<std::string>(doc, "target", "", "");
  r.shared_server = Maybe<bool>(doc, "shared_server", "", false);
  r.shard = Get<int>(doc, "shard", "");
  r.shards = Get<int>(doc, "shards", "");
  r.started_at = Maybe<std::string>(doc, "wall_started_at", "", "");
  r.model = Get<std::string>(doc, "model", "");
  r.warmup_seconds = Get<double>(doc, "warmup_seconds", "");
  r.measured_seconds = Get<double>(doc, "wall_measured_seconds", "");
  r.interrupted = Get<bool>(doc, "interrupted", "");
  r.aborted = Maybe<std::string>(doc, "aborted", "", "");
  r.exhausted = Maybe<std::string>(doc, "exhausted", "", "");
  r.population = Get<Counts>(doc, "population", "");
  r.population_seconds = Maybe<double>(doc, "wall_population_seconds", "", 0);
  r.arrivals = Get<std::uint64_t>(doc, "arrivals", "");
  r.iterations = Get<std::uint64_t>(doc, "iterations", "");
  r.failed_iterations = Get<std::uint64_t>(doc, "failed_iterations", "");
  r.dropped = Get<std::uint64_t>(doc, "dropped", "");
  r.max_vus = Get<std::int64_t>(doc, "max_vus", "");
  r.succeeded = Get<std::map<std::string, std::uint64_t>>(doc, "succeeded", "");
  if (doc.contains("world")) {
    const json& w = doc["world"];
    r.world_initial = Get<Counts>(w, "initial", "world");
    r.world_before = Get<Counts>(w, "before", "world");
    r.world_after = Get<Counts>(w, "after", "world");
    r.population_made = Get<Counts>(w, "population_made", "world");
  }
  r.flows = ReadMetrics(doc, "flows", true);
  r.operations = ReadMetrics(doc, "operations", false);
  const json& series = Field(doc, "series", "");
  for (std::size_t i = 0; i < series.size(); ++i) {
    const std::string at = "series[" + std::to_string(i) + "]";
    const json& j = series[i];
    SecondResult s;
    s.second = Get<std::int64_t>(j, "second", at);
    s.iterations = Get<std::uint64_t>(j, "iterations", at);
    s.errors = Get<std::uint64_t>(j, "errors", at);
    s.dropped = Get<std::uint64_t>(j, "dropped", at);
    s.active_vus = Get<std::int64_t>(j, "active_vus", at);
    s.latency = ReadHistogram(Field(j, "latency", at), Path(at, "latency"));
    r.series.push_back(std::move(s));
  }
  const json& thresholds = Field(doc, "thresholds", "");
  for (std::size_t i = 0; i < thresholds.size(); ++i) {
    const std::string at = "thresholds[" + std::to_string(i) + "]";
    const json& j = thresholds[i];
    ThresholdResult t;
    t.text = Get<std::string>(j, "threshold", at);
    t.key = Get<std::string>(j, "key", at);
    t.expression = Get<std::string>(j, "expression", at);
    t.metric = Get<std::string>(j, "metric", at);
    t.stat = Get<std::string>(j, "stat", at);
    t.bound = Get<std::string>(j, "bound", at);
    t.value = Get<double>(j, "value", at);
    t.shown = Get<std::string>(j, "shown", at);
    t.passed = Get<bool>(j, "passed", at);
    t.aborted_run = Get<bool>(j, "aborted_run", at);
    t.line = Get<int>(j, "line", at);
    r.thresholds.push_back(std::move(t));
  }
  const json& invariants = Field(doc, "invariants", "");
  for (std::size_t i = 0; i < invariants.size(); ++i) {
    const std::string at = "invariants[" + std::to_string(i) + "]";
    const json& j = invariants[i];
    r.invariants.push_back({Get<std::string>(j, "invariant", at),
                            Get<bool>(j, "passed", at),
                            Get<std::string>(j, "detail", at)});
  }
  const json& g = Field(doc, "generator", "");
  r.generator_cpu_seconds = Get<double>(g, "wall_cpu_seconds", "generator");
  r.generator_cpu_percent = Get<double>(g, "wall_cpu_percent", "generator");
  r.generator_saturated = Get<bool>(g, "saturated", "generator");
  r.rss_start_bytes = Get<std::uint64_t>(g, "rss_start_bytes", "generator");
  r.rss_end_bytes = Get<std::uint64_t>(g, "rss_end_bytes", "generator");
  return r;
}

}  // namespace

std::optional<LoadResult> ReadLoadJson(std::string_view text,
                                       std::string& error) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    error = std::string("not JSON: ") + e.what();
    return std::nullopt;
  }
  try {
    return Read(doc);
  } catch (const Bad& b) {
    error = b.what;
    return std::nullopt;
  }
}

}  // namespace tiersim::reports
