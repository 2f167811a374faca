// The load run's HTML report: one self-contained page, every user string
// escaped, the figures the console shows, and charts that survive no data.
#include <gtest/gtest.h>

#include <cstddef>
#include <limits>
#include <sstream>
#include <string>
#include <string_view>

#include "reports/load/load_writers.h"

namespace tiersim::reports {
namespace {

constexpr std::string_view kNasty = "<b>&\"";

LoadResult Sample() {
  LoadResult r;
  r.file = "scenarios/load/ordering.json";
  r.name = "Ordering <throughput>";
  r.seed = 7;
  r.model = "open, 100/s for 10s";
  r.started_at = "2024-05-01T12:00:00Z";
  r.measured_seconds = 10;
  r.population = {{"customers", 1000}, {"partners", 20}};
  MetricResult order;
  order.name = "order";
  order.flow = true;
  for (std::uint64_t i = 1; i <= 1000; ++i) {
    order.latency.Record(i * 1000);
    order.service.Record(i * 100);
  }
  order.errors = 2;
  order.errors_by_code["NotPartnered"] = 2;
  r.flows.push_back(order);
  MetricResult nasty;
  nasty.name = "browse " + std::string(kNasty);
  nasty.flow = true;
  for (std::uint64_t i = 1; i <= 200; ++i) nasty.latency.Record(i * 50'000);
  r.flows.push_back(nasty);
  MetricResult create;
  create.name = "orders.create";
  for (std::uint64_t i = 1; i <= 1000; ++i) create.latency.Record(i * 700);
  create.errors = 2;
  create.errors_by_code["NotPartnered"] = 2;
  r.operations.push_back(create);
  r.iterations = 1200;
  r.failed_iterations = 2;
  for (std::int64_t s = 0; s < 10; ++s) {
    SecondResult sec;
    sec.second = s;
    sec.iterations = 120;
    sec.errors = s == 3 ? 2 : 0;
    sec.active_vus = 5 + s;
    for (std::uint64_t i = 1; i <= 120; ++i) {
      sec.latency.Record(i * 8000);
    }
    r.series.push_back(sec);
  }
  r.thresholds.push_back({.text = "order.p99 < 5ms",
                          .metric = "order",
                          .stat = "p99",
                          .bound = "< 5ms",
                          .value = 990000,
                          .shown = "990.0us",
                          .passed = true});
  r.invariants.push_back({"no duplicate order IDs", false, "order 3 twice"});
  return r;
}

std::string Html(const LoadResult& r) {
  std::ostringstream out;
  WriteLoadHtml(r, out);
  return out.str();
}

std::size_t Count(const std::string& text, std::string_view what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos;
       at = text.find(what, at + what.size())) {
    ++n;
  }
  return n;
}

bool Has(const std::string& text, std::string_view what) {
  return text.find(what) != std::string::npos;
}

// Self-contained and balanced: no script or URL, as many closing as
// opening tags for the elements the writer nests.
void ExpectSelfContained(const std::string& html) {
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
  EXPECT_FALSE(Has(html, "<script"));
  EXPECT_FALSE(Has(html, "http://"));
  EXPECT_FALSE(Has(html, "https://"));
  EXPECT_FALSE(Has(html, "@import"));
  EXPECT_FALSE(Has(html, "url("));
  EXPECT_EQ(Count(html, "<svg"), 5u) << "the five charts, data or not";
  EXPECT_EQ(Count(html, "<svg"), Count(html, "</svg>"));
  EXPECT_EQ(Count(html, "<table"), Count(html, "</table>"));
  EXPECT_EQ(Count(html, "<tr"), Count(html, "</tr>"));
  EXPECT_EQ(Count(html, "<text"), Count(html, "</text>"));
  EXPECT_EQ(Count(html, "<title>"), Count(html, "</title>"));
  EXPECT_EQ(Count(html, "<html"), 1u);
  EXPECT_TRUE(Has(html, "</html>"));
  for (std::string_view bad : {"nan", "NaN", "inf", "Inf"}) {
    EXPECT_FALSE(Has(html, bad)) << bad;
  }
}

TEST(LoadHtmlTest, IsOneSelfContainedPageWithFiveCharts) {
  const std::string html = Html(Sample());
  ExpectSelfContained(html);
  EXPECT_FALSE(Has(html, "no data")) << "every chart has data";
  EXPECT_GT(Count(html, "<rect"), 10u) << "histogram bars drawn";
  EXPECT_EQ(Count(html, "<polyline"), 6u)
      << "p50, p90, p99, iterations/s, errors/s, busy VUs";
}

TEST(LoadHtmlTest, EscapesEveryNameFromTheProfile) {
  const std::string html = Html(Sample());
  EXPECT_TRUE(Has(html, "browse &lt;b&gt;&amp;&quot;"));
  EXPECT_FALSE(Has(html, kNasty));
  EXPECT_FALSE(Has(html, "<b>"));
  EXPECT_TRUE(Has(html, "Ordering &lt;throughput&gt;"));
  EXPECT_FALSE(Has(html, "<throughput>"));
}

TEST(LoadHtmlTest, ShowsVerdictsThresholdsAndInvariants) {
  const std::string html = Html(Sample());
  EXPECT_TRUE(Has(html, "FAILED")) << "an invariant failed";
  EXPECT_FALSE(Has(html, "PASSED"));
  EXPECT_TRUE(Has(html, "order.p99 &lt; 5ms"));
  EXPECT_TRUE(Has(html, "990.0us"));
  EXPECT_TRUE(Has(html, "\u2713</td><td>order.p99 &lt; 5ms"));
  EXPECT_TRUE(Has(html, "\u2717</td><td>no duplicate order IDs"));
  EXPECT_TRUE(Has(html, "order 3 twice"));

  LoadResult ok = Sample();
  ok.invariants[0].passed = true;
  const std::string passed = Html(ok);
  EXPECT_TRUE(Has(passed, "PASSED"));
  EXPECT_FALSE(Has(passed, "FAILED"));
  EXPECT_FALSE(Has(passed, "\u2717"));
}

TEST(LoadHtmlTest, ShowsPercentilesRatesAndErrorsAsTheConsoleFormatsThem) {
  const LoadResult r = Sample();
  const std::string html = Html(r);
  const MetricResult& order = r.flows[0];
  const std::string p99 =
      FormatNs(static_cast<double>(order.latency.Percentile(99)));
  const std::string p9999 =
      FormatNs(static_cast<double>(order.latency.Percentile(99.99)));
  EXPECT_TRUE(Has(html, "<td class=\"num\">" + p99 + "</td>")) << p99;
  EXPECT_TRUE(Has(html, "<td class=\"num\">" + p9999 + "</td>")) << p9999;
  EXPECT_TRUE(Has(html,
                  "<td>order</td><td class=\"num\">1000</td>"
                  "<td class=\"num\">100.0/s</td>"));
  EXPECT_TRUE(Has(html, "orders.create"));
  EXPECT_TRUE(Has(html, "<td>NotPartnered</td><td class=\"num\">2</td>"));
  EXPECT_TRUE(Has(html, "NotPartnered: 2</title>")) << "the error bar";
  EXPECT_TRUE(Has(html, "customers"));
  EXPECT_TRUE(Has(html, "2024-05-01T12:00:00Z"));
  EXPECT_TRUE(Has(html, "seed 7"));
}

TEST(LoadHtmlTest, AnEmptyResultStillWritesAValidPage) {
  LoadResult empty;
  empty.measured_seconds = 0;
  const std::string html = Html(empty);
  ExpectSelfContained(html);
  EXPECT_EQ(Count(html, "no data"), 5u);
  EXPECT_TRUE(Has(html, "PASSED"));
  EXPECT_TRUE(Has(html, "0.0/s"));

  // Seconds that saw nothing: flat lines at zero, still no NaN.
  empty.series.resize(3);
  for (std::size_t i = 0; i < 3; ++i) empty.series[i].second = i;
  const std::string idle = Html(empty);
  ExpectSelfContained(idle);
  EXPECT_EQ(Count(idle, "no data"), 3u) << "histogram, latency, error codes";
  EXPECT_EQ(Count(idle, "<polyline"), 3u) << "iterations, errors, VUs";
}

TEST(LoadHtmlTest, NoDataWithinASeriesDrawsNoNaN) {
  LoadResult r = Sample();
  for (SecondResult& s : r.series) s.latency.Clear();  // no latency at all
  r.series.resize(1);                                  // a single second
  r.measured_seconds = 0;
  r.generator_cpu_percent = std::numeric_limits<double>::quiet_NaN();
  const std::string html = Html(r);
  ExpectSelfContained(html);
  EXPECT_EQ(Count(html, "no data"), 1u) << "only latency over time";
}

TEST(LoadHtmlTest, SaysWhereTheFiguresCameFromAndWhyTheRunEnded) {
  LoadResult r = Sample();
  r.shard = -1;
  r.shards = 3;
  r.interrupted = true;
  r.aborted = "order.p99 < 5ms failed";
  r.exhausted = "customers ran out";
  r.generator_saturated = true;
  r.transport = "http";
  r.target = "https://pc.example:8443";
  const std::string html = Html(r);
  EXPECT_TRUE(Has(html, "merged from 3 shards"));
  EXPECT_TRUE(Has(html, "Interrupted (Ctrl-C)"));
  EXPECT_TRUE(Has(html, "Aborted: order.p99 &lt; 5ms failed"));
  EXPECT_TRUE(Has(html, "Ended early: customers ran out"));
  EXPECT_TRUE(Has(html, "more than 90% of a core"));
  EXPECT_TRUE(Has(html, "http https:"));  // the target as given, as text

  r.shard = 1;
  EXPECT_TRUE(Has(Html(r), "shard 1 of 3"));
  EXPECT_FALSE(Has(Html(r), "merged from"));
}

}  // namespace
}  // namespace tiersim::reports
