// The inline-SVG charts of the load run's HTML report (load_html_charts.h).
// Every string from the result goes through HtmlEscape (error codes come
// from the system under test), and every SVG coordinate through Num, which
// never writes NaN or inf.
#include "reports/load/load_html_charts.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "reports/load/load_writers.h"
#include "sim/text.h"

namespace tiersim::reports {
namespace {

using sim::HtmlEscape;

// A figure for people, "-" when it is not a number (as in load_html.cc).
std::string Fixed(double v, int precision) {
  if (!std::isfinite(v)) return "-";
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", precision, v);
  return buf;
}

// A coordinate or figure for SVG: never NaN or inf (0 instead).
std::string Num(double v) { return Fixed(std::isfinite(v) ? v : 0.0, 1); }

// A plot area in an SVG of width x height, mapping data ranges to pixels.
struct Frame {
  double width = 760, height = 280;
  double left = 78, right = 40, top = 38, bottom = 48;
  double x0 = 0, x1 = 1, y0 = 0, y1 = 1;
  double X(double x) const {
    const double span = x1 > x0 ? x1 - x0 : 1;
    return left + (x - x0) / span * (width - left - right);
  }
  double Y(double y) const {
    const double span = y1 > y0 ? y1 - y0 : 1;
    return height - bottom - (y - y0) / span * (height - top - bottom);
  }
};

// A 1-2-5 step that cuts `range` into about `n` parts (at least 1 when
// `integral`).
double NiceStep(double range, int n, bool integral) {
  if (!std::isfinite(range) || range <= 0) return 1;
  const double raw = range / n;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  const double f = raw / mag;
  const double step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
  return integral ? std::max(1.0, std::round(step)) : step;
}

// Ticks from `lo` by a nice step up to the first at or above `hi`.
std::vector<double> Ticks(double lo, double hi, bool integral) {
  const double step = NiceStep(hi - lo, 5, integral);
  std::vector<double> ticks;
  for (double t = std::floor(lo / step) * step;; t += step) {
    ticks.push_back(t);
    if (t >= hi || ticks.size() > 40) break;
  }
  return ticks;
}

std::string SvgOpen(const Frame& f, std::string_view title) {
  return "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 " + Num(f.width) +
         " " + Num(f.height) + "\" width=\"" + Num(f.width) + "\" height=\"" +
         Num(f.height) + "\"><title>" + std::string(title) +
         "</title>\n<text class=\"title\" x=\"" + Num(f.left) + "\" y=\"20\">" +
         std::string(title) + "</text>\n";
}

std::string NoData(const Frame& f, std::string_view title) {
  return SvgOpen(f, title) + "<text class=\"nodata\" x=\"" + Num(f.width / 2) +
         "\" y=\"" + Num(f.height / 2) +
         "\" text-anchor=\"middle\">no data</text>\n</svg>\n";
}

std::string TextAt(double x, double y, std::string_view anchor,
                   std::string_view text) {
  return "<text x=\"" + Num(x) + "\" y=\"" + Num(y) + "\" text-anchor=\"" +
         std::string(anchor) + "\">" + std::string(text) + "</text>\n";
}

// A filled rectangle, with a tooltip when `tip` is not empty.
std::string Rect(std::string_view fill, double x, double y, double w, double h,
                 const std::string& tip = "") {
  std::string out = "<rect fill=\"" + std::string(fill) + "\" x=\"" + Num(x) +
                    "\" y=\"" + Num(y) + "\" width=\"" + Num(std::max(0.0, w)) +
                    "\" height=\"" + Num(std::max(0.0, h)) + "\"";
  return tip.empty() ? out + "/>\n"
                     : out + "><title>" + tip + "</title></rect>\n";
}

std::string LineSvg(double x1, double y1, double x2, double y2,
                    std::string_view cls) {
  return "<line class=\"" + std::string(cls) + "\" x1=\"" + Num(x1) +
         "\" y1=\"" + Num(y1) + "\" x2=\"" + Num(x2) + "\" y2=\"" + Num(y2) +
         "\"/>\n";
}

using Label = std::function<std::string(double)>;

// Grid, axes, tick labels and the axes' titles (with their units).
std::string Axes(const Frame& f, const std::vector<double>& xt, const Label& xl,
                 const std::vector<double>& yt, const Label& yl,
                 std::string_view x_title, std::string_view y_title) {
  std::string out;
  const double base = f.height - f.bottom;
  for (double t : yt) {
    out += LineSvg(f.left, f.Y(t), f.width - f.right, f.Y(t), "grid");
    out += TextAt(f.left - 6, f.Y(t) + 4, "end", yl(t));
  }
  for (double t : xt) {
    out += LineSvg(f.X(t), base, f.X(t), base + 4, "axis");
    out += TextAt(f.X(t), base + 16, "middle", xl(t));
  }
  out += LineSvg(f.left, f.top, f.left, base, "axis");
  out += LineSvg(f.left, base, f.width - f.right, base, "axis");
  out +=
      TextAt((f.left + f.width - f.right) / 2, f.height - 8, "middle", x_title);
  const std::string ty = Num(f.top + (base - f.top) / 2);
  out += "<text x=\"14\" y=\"" + ty + "\" text-anchor=\"middle\" " +
         "transform=\"rotate(-90 14 " + ty + ")\">" + std::string(y_title) +
         "</text>\n";
  return out;
}

std::string Integer(double v) { return Fixed(v, 0); }

// Latency of every flow's iterations together: the histogram's buckets
// gathered into tenths of a decade, on a log-scaled axis.
std::string LatencyHistogramSvg(const LoadResult& r) {
  constexpr int kPerDecade = 10;
  std::map<int, std::uint64_t> bins;
  std::uint64_t total = 0;
  for (const MetricResult& m : r.flows) {
    for (const auto& [i, n] : m.latency.Sparse()) {
      const std::uint64_t lo = Histogram::Lower(i);
      const std::uint64_t hi = i + 1 < Histogram::kBuckets
                                   ? Histogram::Upper(i)
                                   : std::max(lo, m.latency.max()) + 1;
      const double mid = std::max(1.0, lo + (hi - lo - 1) / 2.0);
      bins[static_cast<int>(std::floor(std::log10(mid) * kPerDecade))] += n;
      total += n;
    }
  }
  const std::string title = "Latency of all flows (" + std::to_string(total) +
                            " iterations, log scale)";
  Frame f;
  if (bins.empty()) return NoData(f, title);
  std::uint64_t most = 0;
  for (const auto& [b, n] : bins) most = std::max(most, n);
  // Bins are >= 0 (no value is below 1 ns): division rounds down.
  const int d0 = bins.begin()->first / kPerDecade;
  const int d1 = bins.rbegin()->first / kPerDecade + 1;
  f.x0 = d0;
  f.x1 = d1;
  const std::vector<double> yt =
      Ticks(0, static_cast<double>(most), /*integral=*/true);
  f.y1 = yt.back();
  std::vector<double> xt;
  for (int d = d0; d <= d1; ++d) xt.push_back(d);
  std::string out = SvgOpen(f, title);
  out += Axes(
      f, xt, [](double d) { return FormatNs(std::pow(10.0, d)); }, yt, Integer,
      "latency (from the intended start)", "iterations");
  for (const auto& [b, n] : bins) {
    const double xa = f.X(static_cast<double>(b) / kPerDecade);
    const double xb = f.X(static_cast<double>(b + 1) / kPerDecade);
    const double y = f.Y(static_cast<double>(n));
    out += Rect(
        "#1565c0", xa + 0.5, y, std::max(1.0, xb - xa - 1), f.Y(0) - y,
        FormatNs(std::pow(10.0, static_cast<double>(b) / kPerDecade)) + " to " +
            FormatNs(std::pow(10.0, static_cast<double>(b + 1) / kPerDecade)) +
            ": " + std::to_string(n));
  }
  return out + "</svg>\n";
}

struct Series {
  std::string label;
  std::string color;
  std::vector<double> y;
  std::vector<bool> has;  // false: nothing measured that second (a gap)
  void Add(double v, bool measured = true) {
    y.push_back(v);
    has.push_back(measured);
  }
};

// Lines over the run's seconds; a gap in a series breaks its line.
std::string TimeSvg(const LoadResult& r, std::string_view title,
                    const std::vector<Series>& lines, std::string_view y_title,
                    const Label& yl, bool integral) {
  Frame f;
  double most = 0;
  bool any = false;
  for (const Series& s : lines) {
    for (std::size_t i = 0; i < s.y.size(); ++i) {
      if (!s.has[i] || !std::isfinite(s.y[i])) continue;
      any = true;
      most = std::max(most, s.y[i]);
    }
  }
  if (r.series.empty() || !any) return NoData(f, title);
  f.x0 = static_cast<double>(r.series.front().second);
  f.x1 = std::max(f.x0 + 1, static_cast<double>(r.series.back().second));
  const std::vector<double> xt = Ticks(f.x0, f.x1, /*integral=*/true);
  f.x0 = std::min(f.x0, xt.front());
  f.x1 = std::max(f.x1, xt.back());
  const std::vector<double> yt = Ticks(0, std::max(most, 1.0), integral);
  f.y1 = yt.back();
  std::string out = SvgOpen(f, title);
  out += Axes(f, xt, Integer, yt, yl, "seconds since the end of the warm-up",
              y_title);
  double legend_x = f.width - f.right;
  for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
    legend_x -= 24 + 7.0 * static_cast<double>(it->label.size());
    out += Rect(it->color, legend_x, 12, 10, 10) +
           TextAt(legend_x + 13, 21, "start", it->label);
  }
  for (const Series& s : lines) {
    std::vector<std::pair<double, double>> points;  // one unbroken line
    auto flush = [&] {
      if (points.size() == 1) {  // a lone second: a dot
        out += "<circle fill=\"" + s.color + "\" r=\"2\" cx=\"" +
               Num(points[0].first) + "\" cy=\"" + Num(points[0].second) +
               "\"/>\n";
      } else if (points.size() > 1) {
        out += "<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"" +
               s.color + "\" points=\"";
        for (const auto& [x, y] : points) out += Num(x) + "," + Num(y) + " ";
        out += "\"/>\n";
      }
      points.clear();
    };
    for (std::size_t i = 0; i < s.y.size() && i < r.series.size(); ++i) {
      if (!s.has[i] || !std::isfinite(s.y[i])) {
        flush();
        continue;
      }
      points.emplace_back(f.X(static_cast<double>(r.series[i].second)),
                          f.Y(s.y[i]));
    }
    flush();
  }
  return out + "</svg>\n";
}

// The codes the operations failed with (the flows' when no operation has
// one: `from_operations` says which), most frequent first.
std::vector<std::pair<std::string, std::uint64_t>> ErrorCodes(
    const LoadResult& r, bool& from_operations) {
  std::map<std::string, std::uint64_t> codes;
  for (const MetricResult& m : r.operations) {
    for (const auto& [code, n] : m.errors_by_code) codes[code] += n;
  }
  from_operations = !codes.empty();
  if (codes.empty()) {
    for (const MetricResult& m : r.flows) {
      for (const auto& [code, n] : m.errors_by_code) codes[code] += n;
    }
  }
  std::vector<std::pair<std::string, std::uint64_t>> out(codes.begin(),
                                                         codes.end());
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.second > b.second;
  });
  return out;
}

// At most `n` bytes of `s`, cut at a UTF-8 boundary, "…" when cut.
std::string Shorten(const std::string& s, std::size_t n) {
  if (s.size() <= n) return s;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n) + "\u2026";
}

std::string ErrorCodesSvg(const LoadResult& r) {
  bool ops = false;
  const auto codes = ErrorCodes(r, ops);
  Frame f;
  f.left = 190;
  const std::string title =
      std::string("Errors by code (") + (ops ? "operations" : "flows") + ")";
  if (codes.empty()) return NoData(f, title);
  constexpr double kRow = 22;
  f.height = f.top + f.bottom + kRow * static_cast<double>(codes.size());
  const std::vector<double> xt =
      Ticks(0, static_cast<double>(codes.front().second), /*integral=*/true);
  f.x1 = xt.back();
  f.y1 = static_cast<double>(codes.size());
  std::string out = SvgOpen(f, title);
  out += Axes(f, xt, Integer, {}, Integer, "errors", "");
  for (std::size_t i = 0; i < codes.size(); ++i) {
    const double y = f.top + kRow * static_cast<double>(i);
    const std::string n = std::to_string(codes[i].second);
    const double w = f.X(static_cast<double>(codes[i].second)) - f.left;
    out += TextAt(f.left - 6, y + kRow / 2 + 4, "end",
                  HtmlEscape(Shorten(codes[i].first, 28)));
    out += Rect("#c62828", f.left, y + 3, std::max(1.0, w), kRow - 6,
                HtmlEscape(codes[i].first) + ": " + n);
    out += TextAt(f.left + std::max(1.0, w) + 4, y + kRow / 2 + 4, "start", n);
  }
  return out + "</svg>\n";
}

}  // namespace

std::string LoadChartsHtml(const LoadResult& r) {
  Series p50{"p50", "#1565c0"}, p90{"p90", "#ef6c00"}, p99{"p99", "#c62828"};
  Series done{"iterations/s", "#1565c0"}, failed{"errors/s", "#c62828"};
  Series dropped{"dropped/s", "#8d6e00"}, vus{"busy VUs", "#6a1b9a"};
  for (const SecondResult& s : r.series) {
    const bool measured = s.latency.count() > 0;
    p50.Add(static_cast<double>(s.latency.Percentile(50)), measured);
    p90.Add(static_cast<double>(s.latency.Percentile(90)), measured);
    p99.Add(static_cast<double>(s.latency.Percentile(99)), measured);
    done.Add(static_cast<double>(s.iterations));
    failed.Add(static_cast<double>(s.errors));
    dropped.Add(static_cast<double>(s.dropped));
    vus.Add(static_cast<double>(s.active_vus));
  }
  std::vector<Series> rates = {done, failed};
  if (r.dropped > 0) rates.push_back(dropped);
  const Label ns = [](double v) { return FormatNs(v); };
  return "<h2>Charts</h2>\n" + LatencyHistogramSvg(r) +
         TimeSvg(r, "Latency over time", {p50, p90, p99}, "latency", ns,
                 /*integral=*/false) +
         TimeSvg(r, "Throughput", rates, "per second", Integer, true) +
         TimeSvg(r, "Active virtual users", {vus},
                 "virtual users (most at once)", Integer, true) +
         ErrorCodesSvg(r);
}

}  // namespace tiersim::reports
