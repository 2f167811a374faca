#include "harness/load/schedule.h"

#include <cmath>

namespace tiersim::harness::load {
namespace {

double Seconds(WallDuration d) {
  return std::chrono::duration<double>(d).count();
}

}  // namespace

ArrivalSchedule::ArrivalSchedule(const ModelSpec& model) {
  double before = 0, start = 0;
  auto add = [&](double seconds, double from, double to) {
    if (seconds <= 0) return;
    segments_.push_back({seconds, from, to, before, start});
    before += (from + to) / 2.0 * seconds;
    start += seconds;
  };
  add(Seconds(model.warmup), model.start_rate, model.start_rate);
  double from = model.start_rate;
  for (const Stage& s : model.stages) {
    add(Seconds(s.duration), from, s.rate);
    from = s.rate;
  }
  // Arrival k is due when k arrivals are expected: 0 .. ceil(total) - 1.
  total_ = static_cast<std::uint64_t>(std::ceil(before - 1e-9));
}

std::optional<WallDuration> ArrivalSchedule::DueAt(std::uint64_t k) const {
  if (k >= total_) return std::nullopt;
  const double want = static_cast<double>(k);
  for (const Segment& s : segments_) {
    const double in = (s.from_rate + s.to_rate) / 2.0 * s.seconds;
    if (want >= s.before + in) continue;
    const double rem = want - s.before;  // arrivals into this segment
    const double a = (s.to_rate - s.from_rate) / (2.0 * s.seconds);
    const double b = s.from_rate;
    double x = 0;
    if (std::abs(a) < 1e-12) {
      x = b > 0 ? rem / b : 0;
    } else {
      // a x^2 + b x = rem, the stable root.
      const double disc = std::sqrt(std::max(0.0, b * b + 4 * a * rem));
      x = (b + disc) > 0 ? 2 * rem / (b + disc) : 0;
    }
    return std::chrono::duration_cast<WallDuration>(
        std::chrono::duration<double>(s.start + x));
  }
  return std::nullopt;
}

std::uint64_t ArrivalSchedule::DueBy(WallDuration t) const {
  const double at = Seconds(t);
  double expected = 0;
  bool inside = false;
  for (const Segment& s : segments_) {
    if (at >= s.start + s.seconds) continue;
    const double x = std::max(0.0, at - s.start);
    const double a = (s.to_rate - s.from_rate) / (2.0 * s.seconds);
    expected = s.before + s.from_rate * x + a * x * x;
    inside = true;
    break;
  }
  if (!inside) return total_;
  // Arrivals 0 .. floor(expected) are due (arrival 0 at the start).
  const auto due = static_cast<std::uint64_t>(std::floor(expected + 1e-6)) + 1;
  return std::min(due, total_);
}

double ArrivalSchedule::RateAt(WallDuration t) const {
  const double at = Seconds(t);
  for (const Segment& s : segments_) {
    if (at >= s.start + s.seconds) continue;
    const double x = std::max(0.0, at - s.start);
    return s.from_rate + (s.to_rate - s.from_rate) * x / s.seconds;
  }
  return 0;
}

}  // namespace tiersim::harness::load
