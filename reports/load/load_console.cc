// The end-of-test summary (k6's is the model).
#include <cstdio>
#include <iomanip>
#include <sstream>

#include "reports/load/load_writers.h"

namespace tiersim::reports {
namespace {

const char* Green(bool c) { return c ? "\033[32m" : ""; }
const char* Red(bool c) { return c ? "\033[31m" : ""; }
const char* Yellow(bool c) { return c ? "\033[33m" : ""; }
const char* Bold(bool c) { return c ? "\033[1m" : ""; }
const char* Reset(bool c) { return c ? "\033[0m" : ""; }

std::string Rate(double n, double seconds) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f/s", seconds > 0 ? n / seconds : 0.0);
  return buf;
}

std::string Pad(const std::string& s, std::size_t width) {
  return s.size() >= width ? s + " " : s + std::string(width - s.size(), ' ');
}

void MetricRows(const std::vector<MetricResult>& metrics, double seconds,
                bool color, std::ostream& out) {
  for (const MetricResult& m : metrics) {
    out << "  " << Pad(m.name, 34) << Pad(std::to_string(m.count()), 10)
        << Pad(Rate(static_cast<double>(m.count()), seconds), 12)
        << Pad(FormatNs(static_cast<double>(m.latency.Percentile(50))), 10)
        << Pad(FormatNs(static_cast<double>(m.latency.Percentile(90))), 10)
        << Pad(FormatNs(static_cast<double>(m.latency.Percentile(99))), 10)
        << Pad(FormatNs(static_cast<double>(m.latency.Percentile(99.9))), 10)
        << Pad(FormatNs(static_cast<double>(m.latency.max())), 10);
    if (m.errors > 0) {
      out << Red(color) << m.errors << " errors" << Reset(color);
    } else {
      out << "0";
    }
    out << "\n";
    for (const auto& [code, n] : m.errors_by_code) {
      out << "      " << Red(color) << code << ": " << n << Reset(color)
          << "\n";
    }
  }
}

}  // namespace

std::string FormatNs(double ns) {
  char buf[32];
  if (ns < 1e3) {
    std::snprintf(buf, sizeof buf, "%.0fns", ns);
  } else if (ns < 1e6) {
    std::snprintf(buf, sizeof buf, "%.1fus", ns / 1e3);
  } else if (ns < 1e9) {
    std::snprintf(buf, sizeof buf, "%.2fms", ns / 1e6);
  } else {
    std::snprintf(buf, sizeof buf, "%.2fs", ns / 1e9);
  }
  return buf;
}

void WriteLoadSummary(const LoadResult& r, bool color, std::ostream& out) {
  const double s = r.measured_seconds;
  out << "\n"
      << Bold(color) << r.name << Reset(color) << "  (" << r.file << ", seed "
      << r.seed << ", " << r.transport;
  if (!r.target.empty()) out << " " << r.target;
  if (r.shards > 1 && r.shard < 0) {
    out << ", merged from " << r.shards << " shards";
  } else if (r.shards > 1) {
    out << ", shard " << r.shard << " of " << r.shards;
  }
  out << ")\n";
  out << "  model: " << r.model;
  if (r.warmup_seconds > 0) {
    out << ", warm-up " << std::fixed << std::setprecision(1)
        << r.warmup_seconds << "s excluded";
  }
  out << "\n  population:";
  for (const auto& [what, n] : r.population) out << " " << n << " " << what;
  out << std::fixed << std::setprecision(2) << " (built in "
      << r.population_seconds << "s)\n";
  out << "  measured " << std::setprecision(2) << s << "s: " << r.iterations
      << " iterations (" << Rate(static_cast<double>(r.iterations), s) << "), "
      << r.failed_iterations << " failed, " << r.dropped << " dropped, at most "
      << r.max_vus << " virtual users busy\n\n";
  const std::string header = "  " + Pad("", 34) + Pad("count", 10) +
                             Pad("rate", 12) + Pad("p50", 10) + Pad("p90", 10) +
                             Pad("p99", 10) + Pad("p99.9", 10) +
                             Pad("max", 10) + "errors\n";
  out << Bold(color) << "  flows" << Reset(color) << "\n" << header;
  MetricRows(r.flows, s, color, out);
  out << "\n"
      << Bold(color) << "  operations" << Reset(color) << "\n"
      << header;
  MetricRows(r.operations, s, color, out);
  // What a closed-model tool would have said: latency from the actual start.
  bool late = false;
  for (const MetricResult& f : r.flows) {
    late =
        late || f.service.Percentile(99) * 11 < f.latency.Percentile(99) * 10;
  }
  if (late) {
    out << "\n  " << Yellow(color)
        << "iterations started late (the generator or the system fell "
           "behind the schedule); measured from their intended start, as "
           "above. From their actual start (what a closed-model tool "
           "reports):"
        << Reset(color) << "\n";
    for (const MetricResult& f : r.flows) {
      out << "    " << Pad(f.name, 32) << "p99 "
          << FormatNs(static_cast<double>(f.service.Percentile(99)))
          << " instead of "
          << FormatNs(static_cast<double>(f.latency.Percentile(99))) << "\n";
    }
  }
  if (!r.thresholds.empty()) {
    out << "\n" << Bold(color) << "  thresholds" << Reset(color) << "\n";
    for (const ThresholdResult& t : r.thresholds) {
      out << "  " << (t.passed ? Green(color) : Red(color))
          << (t.passed ? "\u2713 " : "\u2717 ") << t.text << Reset(color)
          << "  (measured " << t.shown << ")\n";
    }
  }
  if (!r.invariants.empty()) {
    out << "\n" << Bold(color) << "  invariants" << Reset(color) << "\n";
    for (const InvariantResult& i : r.invariants) {
      out << "  " << (i.passed ? Green(color) : Red(color))
          << (i.passed ? "\u2713 " : "\u2717 ") << i.name << Reset(color)
          << "  (" << i.detail << ")\n";
    }
  }
  if (r.shared_server && !r.world_after.empty()) {
    out << "  (other shards drove the same server: the world's counts are "
           "judged on the union by `tiersim load merge`)\n";
  }
  out << "\n  generator: " << std::setprecision(2) << r.generator_cpu_seconds
      << "s CPU, " << std::setprecision(0) << r.generator_cpu_percent
      << "% of a core; RSS " << r.rss_start_bytes / (1 << 20) << " MiB -> "
      << r.rss_end_bytes / (1 << 20) << " MiB\n";
  if (r.generator_saturated) {
    out << "  " << Yellow(color)
        << "warning: the load generator used more than 90% of a core; its "
           "latencies include its own queueing. Add --threads or shards."
        << Reset(color) << "\n";
  }
  if (r.interrupted) {
    out << "  " << Yellow(color) << "interrupted (Ctrl-C): the figures cover "
        << "the run up to then" << Reset(color) << "\n";
  }
  if (!r.aborted.empty()) {
    out << "  " << Red(color) << "aborted: " << r.aborted << Reset(color)
        << "\n";
  }
  if (!r.exhausted.empty()) {
    out << "  " << Red(color) << "ended early: " << r.exhausted << Reset(color)
        << "\n";
  }
  std::size_t failed = 0;
  for (const ThresholdResult& t : r.thresholds) failed += t.passed ? 0 : 1;
  for (const InvariantResult& i : r.invariants) failed += i.passed ? 0 : 1;
  out << (r.passed() ? "passed" : "failed") << ": " << r.thresholds.size()
      << " thresholds, " << r.invariants.size() << " invariants, " << failed
      << " failed\n";
}

}  // namespace tiersim::reports
