#include "harness/load/recorder.h"

#include <algorithm>

namespace tiersim::harness::load {
namespace {

std::uint64_t Ns(WallClock::duration d) {
  return d.count() < 0
             ? 0
             : static_cast<std::uint64_t>(
                   std::chrono::duration_cast<std::chrono::nanoseconds>(d)
                       .count());
}

std::size_t IndexOf(std::vector<reports::MetricResult>& list,
                    const std::string& name, bool flow) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (list[i].name == name) return i;
  }
  list.push_back({});
  list.back().name = name;
  list.back().flow = flow;
  return list.size() - 1;
}

}  // namespace

std::size_t Recorder::Flow(const std::string& name) {
  return IndexOf(flows_, name, true);
}

std::size_t Recorder::Operation(const std::string& name) {
  const std::size_t i = IndexOf(operations_, name, false);
  succeeded_.resize(operations_.size());
  return i;
}

void Recorder::Record(reports::MetricResult& m, WallTime intended,
                      WallTime start, WallTime end, sim::ErrorCode code) {
  m.latency.Record(Ns(end - std::min(intended, start)));
  m.service.Record(Ns(end - start));
  if (code != sim::ErrorCode::kOk) {
    ++m.errors;
    ++m.errors_by_code[std::string(sim::ErrorCodeName(code))];
  }
}

reports::SecondResult& Recorder::SecondAt(WallTime t) {
  const auto second = static_cast<std::int64_t>(
      std::chrono::duration_cast<std::chrono::seconds>(t - measure_from_)
          .count());
  const std::int64_t s = std::max<std::int64_t>(0, second);
  while (static_cast<std::int64_t>(series_.size()) <= s) {
    series_.push_back({});
    series_.back().second = static_cast<std::int64_t>(series_.size()) - 1;
  }
  return series_[static_cast<std::size_t>(s)];
}

void Recorder::Iteration(std::size_t flow, bool measured, WallTime intended,
                         WallTime start, WallTime end, sim::ErrorCode code) {
  if (!measured) return;
  Record(flows_[flow], intended, start, end, code);
  reports::SecondResult& s = SecondAt(end);
  ++s.iterations;
  if (code != sim::ErrorCode::kOk) ++s.errors;
  s.latency.Record(Ns(end - std::min(intended, start)));
}

void Recorder::Dropped(WallTime at) {
  if (!Measured(at)) return;
  ++dropped_;
  ++SecondAt(at).dropped;
}

void Recorder::Active(WallTime at, std::int64_t busy) {
  if (!Measured(at)) return;
  max_active_ = std::max(max_active_, busy);
  reports::SecondResult& s = SecondAt(at);
  s.active_vus = std::max(s.active_vus, busy);
}

void Recorder::Finish(reports::LoadResult& out) {
  for (std::size_t i = 0; i < operations_.size(); ++i) {
    out.succeeded[operations_[i].name] += succeeded_[i];
  }
  for (const reports::MetricResult& f : flows_) {
    out.iterations += f.count();
    out.failed_iterations += f.errors;
  }
  out.flows = std::move(flows_);
  out.operations = std::move(operations_);
  out.series = std::move(series_);
  out.dropped += dropped_;
  out.max_vus = std::max(out.max_vus, max_active_);
}

void Recorder::Snapshot(reports::LoadResult& out) const {
  Recorder copy = *this;
  copy.Finish(out);
}

}  // namespace tiersim::harness::load
