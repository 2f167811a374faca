// The HTML report of a load run: one self-contained HTML5 file (inline CSS
// and inline SVG charts, drawn in load_html_charts.cc; no script, no
// external URL, not even the SVG namespace, which inline SVG in HTML5 does
// not need) that reads well without JavaScript. Every string from the
// result goes through HtmlEscape (flow and operation names come from user
// profiles).
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "reports/load/load_html_charts.h"
#include "reports/load/load_writers.h"
#include "sim/text.h"

namespace tiersim::reports {
namespace {

using sim::HtmlEscape;

constexpr std::string_view kStyle = R"css(
:root { --pass: #2e7d32; --fail: #c62828; --ink: #263238; --muted: #607d8b;
  --line: #cfd8dc; --bad-bg: #ffebee; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, sans-serif; color: var(--ink);
  margin: 0 auto; max-width: 1200px; padding: 1.5em; }
h1 { margin: 0 0 .2em; font-size: 1.6em; } h2 { margin: 1.4em 0 .4em; }
.meta, .note, footer, dl.facts dt { color: var(--muted); }
.badge { border-radius: 3px; padding: 0 .5em; color: #fff; font-size: .6em; }
.badge.passed { background: var(--pass); } .badge.failed { background: var(--fail); }
.banner { padding: .4em .8em; border-left: 4px solid #8d6e00; background: #fff8e1; }
.banner.bad { border-color: var(--fail); background: var(--bad-bg); }
table { border-collapse: collapse; width: 100%; margin: .4em 0; }
th, td { border-bottom: 1px solid var(--line); padding: .25em .5em;
  text-align: left; vertical-align: top; } th { background: #eceff1; }
.num { text-align: right; white-space: nowrap; }
td.ok { color: var(--pass); } td.bad { color: var(--fail); }
tr.failed { background: var(--bad-bg); }
dl.facts { display: grid; grid-template-columns: max-content 1fr;
  gap: .1em 1em; } dl.facts dd { margin: 0; }
svg.chart { display: block; max-width: 100%; height: auto; margin: .6em 0;
  border: 1px solid var(--line); border-radius: 4px; }
svg.chart text { font: 11px system-ui, sans-serif; fill: var(--ink); }
svg.chart text.title { font-size: 13px; font-weight: 600; }
svg.chart text.nodata { font-size: 14px; fill: var(--muted); }
svg.chart .grid { stroke: #eceff1; } svg.chart .axis { stroke: var(--muted); }
footer { margin-top: 2em; font-size: .85em; }
)css";

constexpr const char* kPass = "\u2713";
constexpr const char* kFail = "\u2717";

// A figure for people, "-" when it is not a number.
std::string Fixed(double v, int precision) {
  if (!std::isfinite(v)) return "-";
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", precision, v);
  return buf;
}

std::string Rate(double n, double seconds) {
  return Fixed(seconds > 0 ? n / seconds : 0.0, 1) + "/s";
}

std::string Ns(std::uint64_t ns) { return FormatNs(static_cast<double>(ns)); }

std::string Mib(std::uint64_t bytes) {
  return Fixed(static_cast<double>(bytes) / (1 << 20), 1) + " MiB";
}

// <tag class="cls">html</tag>; `html` is markup already (escaped text).
std::string Tag(std::string_view tag, std::string_view cls,
                std::string_view html) {
  const std::string t(tag);
  return "<" + t + (cls.empty() ? "" : " class=\"" + std::string(cls) + "\"") +
         ">" + std::string(html) + "</" + t + ">";
}
std::string Td(std::string_view cls, std::string_view html) {
  return Tag("td", cls, html);
}
std::string Th(std::string_view name, bool num = false) {
  return Tag("th", num ? "num" : "", name);
}

// ---- Tables -----------------------------------------------------------------

// A section: its title, then the table (or `none` when there are no rows).
std::string Section(std::string_view title, std::string_view heads,
                    const std::string& rows, std::string_view none = "none") {
  std::string out = "<h2>" + std::string(title) + "</h2>\n";
  if (rows.empty())
    return out + "<p class=\"note\">" + std::string(none) + "</p>\n";
  return out + "<table><thead><tr>" + std::string(heads) +
         "</tr></thead>\n<tbody>\n" + rows + "</tbody></table>\n";
}

std::string MetricTable(std::string_view what,
                        const std::vector<MetricResult>& metrics,
                        double seconds) {
  std::string heads = Th("Name");
  for (const char* h : {"count", "rate", "p50", "p90", "p99", "p99.9", "p99.99",
                        "max", "errors"}) {
    heads += Th(h, true);
  }
  std::string rows;
  for (const MetricResult& m : metrics) {
    rows += (m.errors > 0 ? "<tr class=\"failed\">" : "<tr>") +
            Td("", HtmlEscape(m.name)) + Td("num", std::to_string(m.count())) +
            Td("num", Rate(static_cast<double>(m.count()), seconds));
    for (double p : {50.0, 90.0, 99.0, 99.9, 99.99}) {
      rows += Td("num", Ns(m.latency.Percentile(p)));
    }
    rows += Td("num", Ns(m.latency.max())) +
            Td("num", std::to_string(m.errors)) + "</tr>\n";
  }
  return Section(what, heads, rows);
}

std::string ErrorTable(const LoadResult& r) {
  std::string rows;
  for (const auto* list : {&r.flows, &r.operations}) {
    for (const MetricResult& m : *list) {
      for (const auto& [code, n] : m.errors_by_code) {
        rows += "<tr>" + Td("", m.flow ? "flow" : "operation") +
                Td("", HtmlEscape(m.name)) + Td("", HtmlEscape(code)) +
                Td("num", std::to_string(n)) + "</tr>\n";
      }
    }
  }
  return Section("Errors by code",
                 Th("Kind") + Th("Name") + Th("Code") + Th("count", true), rows,
                 "no errors");
}

std::string CheckRow(bool passed, const std::string& what,
                     const std::string& detail) {
  return std::string(passed ? "<tr>" : "<tr class=\"failed\">") +
         Td(passed ? "ok" : "bad", passed ? kPass : kFail) +
         Td("", HtmlEscape(what)) + Td("", HtmlEscape(detail)) + "</tr>\n";
}

std::string Checks(const LoadResult& r) {
  std::string thresholds, invariants;
  for (const ThresholdResult& t : r.thresholds) {
    thresholds +=
        CheckRow(t.passed, t.text,
                 t.shown + (t.aborted_run ? " (aborted the run)" : ""));
  }
  for (const InvariantResult& i : r.invariants) {
    invariants += CheckRow(i.passed, i.name, i.detail);
  }
  return Section("Thresholds", Th("") + Th("Threshold") + Th("Measured"),
                 thresholds) +
         Section("Invariants", Th("") + Th("Invariant") + Th("Detail"),
                 invariants);
}

std::string Fact(std::string_view term, const std::string& html) {
  return Tag("dt", "", term) + Tag("dd", "", html);
}

std::string Header(const LoadResult& r) {
  std::string meta = "<code>" + HtmlEscape(r.file) + "</code> &#183; seed " +
                     std::to_string(r.seed) + " &#183; " +
                     HtmlEscape(r.transport);
  if (!r.target.empty()) meta += " " + HtmlEscape(r.target);
  if (r.shards > 1 && r.shard < 0) {
    meta += " &#183; merged from " + std::to_string(r.shards) + " shards";
  } else if (r.shards > 1) {
    meta += " &#183; shard " + std::to_string(r.shard) + " of " +
            std::to_string(r.shards);
  }
  if (!r.started_at.empty())
    meta += " &#183; started " + HtmlEscape(r.started_at);
  std::string out =
      "<header>\n" +
      Tag("h1", "",
          HtmlEscape(r.name) + " " +
              (r.passed() ? Tag("span", "badge passed", "PASSED")
                          : Tag("span", "badge failed", "FAILED"))) +
      "\n" + Tag("p", "meta", meta) + "\n";
  if (!r.description.empty()) out += Tag("p", "", HtmlEscape(r.description));
  if (r.interrupted) {
    out += Tag("p", "banner",
               "Interrupted (Ctrl-C): the figures cover the run up to then.");
  }
  if (!r.aborted.empty()) {
    out += Tag("p", "banner bad", "Aborted: " + HtmlEscape(r.aborted));
  }
  if (!r.exhausted.empty()) {
    out += Tag("p", "banner bad", "Ended early: " + HtmlEscape(r.exhausted));
  }
  const double s = r.measured_seconds;
  std::string facts = Fact("Model", HtmlEscape(r.model));
  if (r.warmup_seconds > 0) {
    facts += Fact("Warm-up", Fixed(r.warmup_seconds, 1) + " s (excluded)");
  }
  facts +=
      Fact("Measured", Fixed(s, 2) + " s") +
      Fact("Iterations", std::to_string(r.iterations) + " (" +
                             Rate(static_cast<double>(r.iterations), s) +
                             "), " + std::to_string(r.failed_iterations) +
                             " failed, " + std::to_string(r.dropped) +
                             " dropped, " + std::to_string(r.arrivals) +
                             " arrivals") +
      Fact("Operations", std::to_string(r.operations_total()) + ", " +
                             std::to_string(r.operation_errors()) + " errors") +
      Fact("Virtual users", std::to_string(r.max_vus) + " busy at most");
  return out + Tag("dl", "facts", facts) + "\n</header>\n";
}

std::string Environment(const LoadResult& r) {
  std::string rows;
  for (const auto& [what, n] : r.population) {
    rows += "<tr>" + Td("", HtmlEscape(what)) + Td("num", std::to_string(n)) +
            "</tr>\n";
  }
  std::string out = Section("Population", Th("Part") + Th("count", true), rows);
  if (!rows.empty()) {
    out += "<p class=\"note\">built in " + Fixed(r.population_seconds, 2) +
           " s</p>\n";
  }
  out += "<h2>Load generator</h2>\n" +
         Tag("dl", "facts",
             Fact("CPU", Fixed(r.generator_cpu_percent, 0) + "% of a core (" +
                             Fixed(r.generator_cpu_seconds, 2) + " s)") +
                 Fact("RSS", Mib(r.rss_start_bytes) + " at the start, " +
                                 Mib(r.rss_end_bytes) + " at the end")) +
         "\n";
  if (r.generator_saturated) {
    out += Tag("p", "banner",
               "Warning: the load generator used more than 90% of a core; its "
               "latencies include its own queueing. Add --threads or shards.");
  }
  return out;
}

}  // namespace

void WriteLoadHtml(const LoadResult& r, std::ostream& out) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"
         "\n<meta name=\"viewport\" content=\"width=device-width, "
         "initial-scale=1\">\n<title>tiersim load: "
      << HtmlEscape(r.name) << " (" << (r.passed() ? "passed" : "failed")
      << ")</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n"
      << Header(r) << "<main>\n"
      << Checks(r) << MetricTable("Flows", r.flows, r.measured_seconds)
      << MetricTable("Operations", r.operations, r.measured_seconds)
      << ErrorTable(r) << LoadChartsHtml(r) << Environment(r)
      << "</main>\n<footer>Written by tiersim load. Latencies are wall time "
         "from each iteration's intended start.</footer>\n</body>\n</html>\n";
}

}  // namespace tiersim::reports
