// Thresholds (k6's model): a statistic of a metric against a bound, judged
// after the run (and while it runs, for abort_on_fail). Written as
//   "order.p99": "< 5ms"          a flow's 99th percentile
//   "orders.create.max": "<= 1s"  an operation's
//   "errors.rate": "< 0.1%"       the share of operations that failed
//   "order": ["p(99.9) < 20", "rate > 1000/s"]   k6's form (ms, per second)
// Latency bounds take ns, us, ms, s, m (a bare number is milliseconds, as in
// k6); rates "1000/s" or "60000/m" (bare: per second); shares "0.1%" or a
// fraction; counts whole numbers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/load/profile.h"

namespace tiersim::harness::load {

// "500/s" -> 500; "30000/m" -> 500; "2/ms" -> 2000. Nullopt otherwise.
std::optional<double> ParseRate(std::string_view text);

// Parses the threshold `text` under `key`. `metrics` are the names the
// profile can measure. On failure nullopt, and `problem` says why; a problem
// about the metric's name starts with "metric:".
std::optional<Threshold> ParseThreshold(const std::string& key,
                                        const std::string& text,
                                        const std::vector<std::string>& metrics,
                                        std::string& problem);

// What a statistic measures, so bounds and values are read alike.
enum class StatKind { kLatency, kShare, kPerSecond, kCount };
StatKind KindOf(const std::string& stat);
// The statistics a threshold may name ("p99", "max", ...), for messages.
std::vector<std::string> StatNames();
// Whether `value` meets the threshold.
bool Meets(const Threshold& t, double value);
// "< 5ms", "> 1000/s", "< 0.1%": the bound as a person reads it.
std::string FormatBound(const Threshold& t);
std::string FormatStat(const std::string& stat, double value);

}  // namespace tiersim::harness::load
