#include "reports/load/load_result.h"

namespace tiersim::reports {

bool LoadResult::passed() const {
  if (interrupted || !exhausted.empty()) return false;
  for (const ThresholdResult& t : thresholds) {
    if (!t.passed) return false;
  }
  for (const InvariantResult& i : invariants) {
    if (!i.passed) return false;
  }
  return true;
}

std::uint64_t LoadResult::operations_total() const {
  std::uint64_t n = 0;
  for (const MetricResult& m : operations) n += m.count();
  return n;
}

std::uint64_t LoadResult::operation_errors() const {
  std::uint64_t n = 0;
  for (const MetricResult& m : operations) n += m.errors;
  return n;
}

}  // namespace tiersim::reports
