// Clock: where the core reads the time. The core only ever sees this
// interface; in a simulation it is the Scheduler's virtual clock.
#pragma once

#include "sim/time.h"

namespace tiersim::sim {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual SimTime Now() const = 0;
};

}  // namespace tiersim::sim
