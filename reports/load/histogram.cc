#include "reports/load/histogram.h"

#include <algorithm>
#include <cmath>

namespace tiersim::reports {

std::uint64_t Histogram::Lower(std::size_t i) {
  if (i < kExact) return i;
  const std::size_t k = i - kExact;
  const int shift = static_cast<int>(k >> kSubBits) + 1;
  const std::uint64_t sub =
      (k & ((std::size_t{1} << kSubBits) - 1)) + (std::uint64_t{1} << kSubBits);
  return sub << shift;
}

std::uint64_t Histogram::Upper(std::size_t i) {
  if (i + 1 >= kBuckets) return ~std::uint64_t{0};
  return Lower(i + 1);
}

void Histogram::Merge(const Histogram& other) {
  for (std::size_t i = 0; i < kBuckets; ++i) counts_[i] += other.counts_[i];
  total_ += other.total_;
  sum_ += other.sum_;
  min_ = std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
}

std::uint64_t Histogram::Percentile(double percent) const {
  if (total_ == 0) return 0;
  if (percent <= 0) return min();
  if (percent >= 100) return max_;
  // The rank of the value asked for, 1-based: at least one value.
  const auto rank = std::max<std::uint64_t>(
      1, static_cast<std::uint64_t>(
             std::ceil(percent / 100.0 * static_cast<double>(total_))));
  std::uint64_t seen = 0;
  for (std::size_t i = 0; i < kBuckets; ++i) {
    seen += counts_[i];
    if (seen >= rank) {
      const std::uint64_t lo = Lower(i);
      const std::uint64_t hi = i + 1 >= kBuckets ? max_ : Upper(i) - 1;
      const std::uint64_t mid = lo + (hi - lo) / 2;
      return std::clamp(mid, min(), max_);
    }
  }
  return max_;
}

std::vector<std::pair<std::uint32_t, std::uint64_t>> Histogram::Sparse() const {
  std::vector<std::pair<std::uint32_t, std::uint64_t>> out;
  for (std::size_t i = 0; i < kBuckets; ++i) {
    if (counts_[i] != 0)
      out.emplace_back(static_cast<std::uint32_t>(i), counts_[i]);
  }
  return out;
}

bool Histogram::AddSparse(
    const std::vector<std::pair<std::uint32_t, std::uint64_t>>& buckets,
    std::uint64_t min, std::uint64_t max, std::uint64_t sum) {
  for (const auto& [i, n] : buckets) {
    if (i >= kBuckets) return false;
  }
  std::uint64_t added = 0;
  for (const auto& [i, n] : buckets) {
    counts_[i] += n;
    added += n;
  }
  if (added == 0) return true;
  total_ += added;
  sum_ += sum;
  min_ = std::min(min_, min);
  max_ = std::max(max_, max);
  return true;
}

}  // namespace tiersim::reports
