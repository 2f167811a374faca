#include "harness/load/engine.h"

#include <algorithm>

#include "harness/load/schedule.h"

namespace tiersim::harness::load {
namespace {

constexpr auto kTick = std::chrono::seconds(1);
// The longest the engine sleeps between looks at the clock, the interrupt
// flag and the progress line.
constexpr auto kMaxNap = std::chrono::milliseconds(100);

double Seconds(WallClock::duration d) {
  return std::chrono::duration<double>(d).count();
}

}  // namespace

Engine::Engine(const LoadProfile& profile, const Population& population,
               LoadTransport& transport, EngineOptions options)
    : profile_(profile),
      population_(population),
      transport_(transport),
      options_(std::move(options)),
      rng_(profile.seed * 0x9e3779b97f4a7c15ULL + options_.shard) {}

Engine::~Engine() = default;

sim::Status Engine::Run(reports::LoadResult& out) {
  env_ = std::make_unique<FlowEnv>(FlowEnv{
      .profile = profile_,
      .population = population_,
      .transport = transport_,
      .recorder = recorder_,
      .rng = rng_,
      .seed = profile_.seed,
      .exhausted =
          [this](const std::string& what) {
            if (exhausted_.empty()) {
              exhausted_ = "the population's " + what +
                           " ran out: each is used once; give population." +
                           what + " more";
            }
          },
      .shard = options_.shard,
      .shards = options_.shards});
  std::int64_t total = 0;
  for (const FlowSpec& spec : profile_.flows) {
    TIERSIM_ASSIGN_OR_RETURN(std::unique_ptr<Flow> flow,
                             MakeFlow(*env_, spec, true));
    flows_.push_back(std::move(flow));
    total += spec.weight;
    cumulative_weights_.push_back(total);
  }
  t0_ = WallClock::now();
  measure_from_ = t0_ + profile_.model.warmup;
  last_tick_ = t0_;
  recorder_.StartMeasuring(measure_from_);
  if (profile_.model.kind == ModelKind::kOpen) {
    RunOpen();
  } else {
    RunClosed();
  }
  Drain();
  const WallTime end = WallClock::now();
  recorder_.Finish(out);
  out.arrivals = arrivals_;
  out.warmup_seconds = Seconds(profile_.model.warmup);
  out.measured_seconds = std::max(0.0, Seconds(end - measure_from_));
  out.interrupted = interrupted_;
  out.exhausted = exhausted_;
  out.aborted = aborted_;
  return sim::OkStatus();
}

std::size_t Engine::PickFlow(std::uint64_t index) {
  if (flows_.size() == 1) return 0;
  // A function of the seed and the iteration's global index, not of this
  // process's stream: N shards pick, between them, the very flows one
  // process would (their merged counts per flow are the same).
  std::uint64_t z = profile_.seed * 0x9e3779b97f4a7c15ULL + index + 1;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  z ^= z >> 31;
  const auto total = static_cast<std::uint64_t>(cumulative_weights_.back());
  const auto draw = static_cast<std::int64_t>(z % total);
  return static_cast<std::size_t>(std::upper_bound(cumulative_weights_.begin(),
                                                   cumulative_weights_.end(),
                                                   draw) -
                                  cumulative_weights_.begin());
}

bool Engine::ShouldStop() {
  if (options_.interrupt != nullptr && options_.interrupt->load()) {
    interrupted_ = true;
  }
  return interrupted_ || !exhausted_.empty() || !aborted_.empty();
}

void Engine::StartIteration(std::uint64_t index, std::size_t vu,
                            WallTime intended, WallTime now,
                            std::int64_t waiting) {
  Flow& flow = *flows_[PickFlow(index)];
  IterationInfo info{.index = index,
                     .vu = vu,
                     .intended = intended,
                     .start = now,
                     .measured = intended >= measure_from_};
  ++busy_;
  ++arrivals_;
  recorder_.Active(now, busy_ + waiting);
  const bool closed = profile_.model.kind == ModelKind::kClosed;
  flow.Run(info).Start([this, vu, closed] {
    --busy_;
    if (closed) {
      idle_.emplace_back(WallClock::now() + profile_.model.think_time, vu);
    }
  });
}

void Engine::Tick(WallTime now, bool force) {
  if (!force && now - last_tick_ < kTick) return;
  last_tick_ = now;
  reports::LoadResult so_far;
  const bool judge = static_cast<bool>(options_.abort_check);
  if (judge || options_.progress) recorder_.Snapshot(so_far);
  if (judge && aborted_.empty() && now >= measure_from_) {
    so_far.measured_seconds = Seconds(now - measure_from_);
    aborted_ = options_.abort_check(so_far);
  }
  if (!options_.progress) return;
  Progress p;
  p.elapsed_seconds = Seconds(now - t0_);
  p.total_seconds = Seconds(profile_.model.Length());
  p.iterations = so_far.iterations;
  p.errors = so_far.failed_iterations;
  p.dropped = so_far.dropped;
  p.active_vus = busy_;
  p.warming_up = now < measure_from_;
  const auto& series = recorder_.series();
  if (series.size() >= 2) {
    const reports::SecondResult& last = series[series.size() - 2];
    p.rate = static_cast<double>(last.iterations);
    p.p99_ns = last.latency.Percentile(99);
  } else if (!series.empty()) {
    p.rate = static_cast<double>(series.back().iterations) /
             std::max(1e-3, Seconds(now - measure_from_));
    p.p99_ns = series.back().latency.Percentile(99);
  }
  options_.progress(p);
}

void Engine::RunOpen() {
  const ArrivalSchedule schedule(profile_.model);
  // This shard's arrivals are every N-th of the timetable from the I-th;
  // its share of max_vus likewise.
  const std::uint64_t n = options_.shards, me = options_.shard;
  const auto max_vus = static_cast<std::int64_t>(std::max<std::uint64_t>(
      1, static_cast<std::uint64_t>(profile_.model.max_vus) / n +
             (me < static_cast<std::uint64_t>(profile_.model.max_vus) % n)));
  std::uint64_t k = me;  // the next arrival of the timetable
  while (!ShouldStop()) {
    const auto due_at = schedule.DueAt(k);
    if (!due_at) break;
    const WallTime due = t0_ + *due_at;
    WallTime now = WallClock::now();
    Tick(now);
    if (due > now) {
      transport_.RunUntil(std::min(due, now + kMaxNap));
      continue;
    }
    // Virtual users busy now: those in flight and this shard's arrivals
    // already due that have not started (in process they wait for the one
    // thread).
    const std::uint64_t due_count = schedule.DueBy(now - t0_);
    const auto waiting = static_cast<std::int64_t>(
        due_count > k + 1 ? (due_count - k - 1) / n : 0);
    const std::uint64_t index = k;
    k += n;
    if (busy_ + waiting >= max_vus) {
      recorder_.Dropped(due);
      continue;
    }
    StartIteration(index, static_cast<std::size_t>(busy_), due, now, waiting);
  }
}

void Engine::RunClosed() {
  const ModelSpec& m = profile_.model;
  // This shard's virtual users are every N-th from the I-th, and so are its
  // iterations when the model counts them.
  const std::uint64_t n = options_.shards, me = options_.shard;
  std::optional<std::uint64_t> limit;
  if (m.iterations) {
    const auto all = static_cast<std::uint64_t>(*m.iterations);
    limit = all > me ? (all - me + n - 1) / n : 0;
  }
  // Stage boundaries from the start; a stage of no duration lasts until the
  // iterations are done.
  std::vector<std::pair<WallTime, std::int64_t>> ends;
  WallTime at = t0_ + m.warmup;
  for (const Stage& s : m.stages) {
    at += s.duration;
    ends.emplace_back(s.duration == WallDuration::zero() ? WallTime::max() : at,
                      s.vus);
  }
  const std::int64_t most =
      std::max_element(
          m.stages.begin(), m.stages.end(),
          [](const Stage& a, const Stage& b) { return a.vus < b.vus; })
          ->vus;
  for (auto v = static_cast<std::int64_t>(me); v < most;
       v += static_cast<std::int64_t>(n)) {
    idle_.emplace_back(t0_, static_cast<std::size_t>(v));
  }
  std::uint64_t started = 0;
  while (!ShouldStop()) {
    const WallTime now = WallClock::now();
    Tick(now);
    auto stage = std::find_if(ends.begin(), ends.end(),
                              [&](const auto& e) { return now < e.first; });
    if (stage == ends.end()) break;
    if (limit && started >= *limit) break;
    const std::int64_t vus = stage->second;
    // The idle user due first among those the stage runs.
    auto next = idle_.end();
    for (auto it = idle_.begin(); it != idle_.end(); ++it) {
      if (static_cast<std::int64_t>(it->second) >= vus) continue;
      if (next == idle_.end() || it->first < next->first) next = it;
    }
    if (next == idle_.end() || next->first > now) {
      const WallTime until = next == idle_.end()
                                 ? now + kMaxNap
                                 : std::min(next->first, now + kMaxNap);
      transport_.RunUntil(until);
      continue;
    }
    const std::size_t vu = next->second;
    idle_.erase(next);
    StartIteration(started * n + me, vu, now, now);
    ++started;
  }
}

void Engine::Drain() {
  const WallTime deadline = WallClock::now() + options_.drain;
  while (busy_ > 0 && WallClock::now() < deadline) {
    transport_.RunUntil(std::min(deadline, WallClock::now() + kMaxNap));
  }
  Tick(WallClock::now(), /*force=*/true);
}

}  // namespace tiersim::harness::load
