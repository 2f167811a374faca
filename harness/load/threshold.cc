#include "harness/load/threshold.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "harness/format/did_you_mean.h"

namespace tiersim::harness::load {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// A leading decimal number; the rest in `rest`.
std::optional<double> Number(std::string_view s, std::string_view& rest) {
  std::size_t i = 0;
  while (i < s.size() &&
         (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.')) {
    ++i;
  }
  if (i == 0) return std::nullopt;
  double v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + i, v);
  if (ec != std::errc() || ptr != s.data() + i) return std::nullopt;
  rest = Trim(s.substr(i));
  return v;
}

std::optional<double> LatencyNs(std::string_view s) {
  std::string_view unit;
  auto v = Number(s, unit);
  if (!v) return std::nullopt;
  if (unit.empty() || unit == "ms") return *v * 1e6;
  if (unit == "ns") return *v;
  if (unit == "us" || unit == "\u00b5s") return *v * 1e3;
  if (unit == "s") return *v * 1e9;
  if (unit == "m") return *v * 60e9;
  return std::nullopt;
}

std::optional<double> Share(std::string_view s) {
  std::string_view unit;
  auto v = Number(s, unit);
  if (!v) return std::nullopt;
  if (unit == "%") return *v / 100.0;
  if (unit.empty() && *v <= 1.0) return *v;
  return std::nullopt;
}

std::optional<double> Count(std::string_view s) {
  std::string_view unit;
  auto v = Number(s, unit);
  if (!v || !unit.empty() || std::floor(*v) != *v) return std::nullopt;
  return *v;
}

bool IsPercentileStat(std::string_view stat) {
  if (stat.size() < 2 || stat[0] != 'p') return false;
  std::string_view rest;
  auto v = Number(stat.substr(1), rest);
  return v && rest.empty() && *v > 0 && *v <= 100;
}

// k6's "p(99.9)" and "med"/"avg" spelt as tiersim's "p99.9", "p50", "mean".
std::string Canonical(std::string_view stat) {
  std::string s(stat);
  if (s.size() > 3 && s.rfind("p(", 0) == 0 && s.back() == ')') {
    s = "p" + s.substr(2, s.size() - 3);
  }
  if (s == "med") return "p50";
  if (s == "avg") return "mean";
  return s;
}

bool IsStat(const std::string& stat) {
  if (IsPercentileStat(stat)) return true;
  const std::vector<std::string> names = StatNames();
  return std::find(names.begin() + 1, names.end(), stat) != names.end();
}

bool IsShareMetric(const std::string& metric) {
  return metric == "errors" || metric == "dropped";
}

}  // namespace

std::optional<double> ParseRate(std::string_view text) {
  std::string_view unit;
  auto v = Number(Trim(text), unit);
  if (!v) return std::nullopt;
  if (unit.empty() || unit == "/s") return *v;
  if (unit == "/m" || unit == "/min") return *v / 60.0;
  if (unit == "/ms") return *v * 1000.0;
  if (unit == "/h") return *v / 3600.0;
  return std::nullopt;
}

std::vector<std::string> StatNames() {
  return {"pN", "min", "max", "mean", "count", "rate", "errors", "error_rate"};
}

StatKind KindOf(const std::string& stat) {
  if (stat == "count" || stat == "errors") return StatKind::kCount;
  if (stat == "rate") return StatKind::kPerSecond;
  if (stat == "error_rate" || stat == "share") return StatKind::kShare;
  return StatKind::kLatency;
}

std::optional<Threshold> ParseThreshold(const std::string& key,
                                        const std::string& text,
                                        const std::vector<std::string>& metrics,
                                        std::string& problem) {
  Threshold t;
  t.text = key + " " + text;
  t.key = key;
  t.expression = text;
  // The metric: the longest known name that the key is or starts with.
  std::string rest;
  bool found = false;
  std::vector<std::string> sorted = metrics;
  std::sort(sorted.begin(), sorted.end(),
            [](const std::string& a, const std::string& b) {
              return a.size() > b.size();
            });
  for (const std::string& m : sorted) {
    if (key == m) {
      t.metric = m;
      found = true;
      break;
    }
    if (key.size() > m.size() && key.compare(0, m.size(), m) == 0 &&
        key[m.size()] == '.') {
      t.metric = m;
      rest = key.substr(m.size() + 1);
      found = true;
      break;
    }
  }
  if (!found) {
    const std::string name = key.substr(0, key.find('.'));
    problem = "metric:\"" + key +
              "\" names no metric of this profile; thresholds name a flow, "
              "an operation, \"errors\", \"iterations\" or \"dropped\", then "
              "a statistic (\"order.p99\"). Known metrics: " +
              QuotedList(metrics, " and ") + "." + DidYouMean(name, metrics);
    return std::nullopt;
  }
  std::string_view expr = Trim(text);
  if (rest.empty()) {
    // k6's form: the statistic leads the expression.
    std::size_t i = 0;
    while (i < expr.size() && expr[i] != '<' && expr[i] != '>' &&
           expr[i] != ' ') {
      ++i;
    }
    rest = std::string(expr.substr(0, i));
    expr = Trim(expr.substr(i));
    if (rest.empty()) {
      problem = "\"" + text + "\" names no statistic; write \"" + key +
                ".p99\": \"< 5ms\" or \"" + key + "\": \"p(99) < 5ms\".";
      return std::nullopt;
    }
  }
  // "<flow>.errors.rate" is the flow's error share.
  if (rest == "errors.rate") rest = "error_rate";
  if (rest == "errors.count") rest = "errors";
  t.stat = Canonical(rest);
  if (!IsStat(t.stat)) {
    problem = "\"" + rest +
              "\" is not a statistic; expected p50, p90, p99, "
              "p99.9 (any pN), min, max, mean, count, rate, errors or "
              "error_rate.";
    return std::nullopt;
  }
  if (IsShareMetric(t.metric) && t.stat != "rate" && t.stat != "count") {
    problem = "\"" + t.metric +
              "\" has the statistics \"rate\" (the share "
              "of operations or arrivals) and \"count\", not \"" +
              t.stat + "\".";
    return std::nullopt;
  }
  if (t.metric == "iterations" && t.stat != "rate" && t.stat != "count") {
    problem =
        "\"iterations\" has the statistics \"rate\" (per second) and "
        "\"count\", not \"" +
        t.stat + "\".";
    return std::nullopt;
  }
  if (IsShareMetric(t.metric) && t.stat == "rate") t.stat = "share";
  // The comparison.
  if (expr.rfind("<=", 0) == 0) {
    t.cmp = Comparison::kLessEqual;
    expr.remove_prefix(2);
  } else if (expr.rfind(">=", 0) == 0) {
    t.cmp = Comparison::kGreaterEqual;
    expr.remove_prefix(2);
  } else if (expr.rfind("<", 0) == 0) {
    t.cmp = Comparison::kLess;
    expr.remove_prefix(1);
  } else if (expr.rfind(">", 0) == 0) {
    t.cmp = Comparison::kGreater;
    expr.remove_prefix(1);
  } else {
    problem = "\"" + text +
              "\" has no comparison; expected <, <=, > or >= "
              "and a bound, such as \"< 5ms\".";
    return std::nullopt;
  }
  expr = Trim(expr);
  std::optional<double> bound;
  const char* expected = "";
  switch (KindOf(t.stat)) {
    case StatKind::kLatency:
      bound = LatencyNs(expr);
      expected = "a duration such as \"5ms\", \"250us\" or \"1.5s\"";
      break;
    case StatKind::kShare:
      bound = Share(expr);
      expected = "a share such as \"0.1%\" or 0.001";
      break;
    case StatKind::kPerSecond:
      bound = ParseRate(expr);
      expected = "a rate such as \"1000/s\" or \"60000/m\"";
      break;
    case StatKind::kCount:
      bound = Count(expr);
      expected = "a whole number";
      break;
  }
  if (!bound) {
    problem = "\"" + std::string(expr) + "\" is not a bound for " + t.stat +
              "; expected " + expected + ".";
    return std::nullopt;
  }
  t.bound = *bound;
  return t;
}

bool Meets(const Threshold& t, double value) {
  switch (t.cmp) {
    case Comparison::kLess:
      return value < t.bound;
    case Comparison::kLessEqual:
      return value <= t.bound;
    case Comparison::kGreater:
      return value > t.bound;
    case Comparison::kGreaterEqual:
      return value >= t.bound;
  }
  return false;
}

std::string FormatStat(const std::string& stat, double value) {
  char buf[64];
  switch (KindOf(stat)) {
    case StatKind::kLatency:
      if (value < 1e3) {
        std::snprintf(buf, sizeof buf, "%.0fns", value);
      } else if (value < 1e6) {
        std::snprintf(buf, sizeof buf, "%.1fus", value / 1e3);
      } else if (value < 1e9) {
        std::snprintf(buf, sizeof buf, "%.2fms", value / 1e6);
      } else {
        std::snprintf(buf, sizeof buf, "%.2fs", value / 1e9);
      }
      break;
    case StatKind::kShare:
      std::snprintf(buf, sizeof buf, "%.3g%%", value * 100.0);
      break;
    case StatKind::kPerSecond:
      std::snprintf(buf, sizeof buf, "%.1f/s", value);
      break;
    case StatKind::kCount:
      std::snprintf(buf, sizeof buf, "%.0f", value);
      break;
  }
  return buf;
}

std::string FormatBound(const Threshold& t) {
  const char* op = t.cmp == Comparison::kLess        ? "<"
                   : t.cmp == Comparison::kLessEqual ? "<="
                   : t.cmp == Comparison::kGreater   ? ">"
                                                     : ">=";
  return std::string(op) + " " + FormatStat(t.stat, t.bound);
}

}  // namespace tiersim::harness::load
