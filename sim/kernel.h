// Kernel: the simulation's clock, scheduler, Rng, faults and journal, built
// from one seed. Everything in a simulated world shares one Kernel; it is
// single-threaded and owned by whoever runs the world.
#pragma once

#include <cstdint>

#include "sim/faults.h"
#include "sim/journal.h"
#include "sim/rng.h"
#include "sim/scheduler.h"

namespace tiersim::sim {

struct KernelOptions {
  std::uint64_t seed = 1;
  SimTime start = kDefaultEpoch;
};

class Kernel {
 public:
  explicit Kernel(KernelOptions options = {})
      : scheduler_(options.start),
        rng_(options.seed),
        faults_(rng_, scheduler_),
        journal_(options.start) {}
  Kernel(const Kernel&) = delete;
  Kernel& operator=(const Kernel&) = delete;

  SimTime Now() const { return scheduler_.Now(); }
  const Clock& clock() const { return scheduler_; }
  Scheduler& scheduler() { return scheduler_; }
  Rng& rng() { return rng_; }
  Faults& faults() { return faults_; }
  Journal& journal() { return journal_; }
  const Journal& journal() const { return journal_; }
  std::uint64_t seed() const { return rng_.seed(); }

 private:
  Scheduler scheduler_;
  Rng rng_;
  Faults faults_;
  Journal journal_;
};

}  // namespace tiersim::sim
