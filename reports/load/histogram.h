// Histogram: latencies in nanoseconds in log-linear buckets (HdrHistogram's
// layout): exact below 256 ns, then 128 buckets per power of two, so any
// recorded value is reported within 0.4% (the bucket's midpoint; a bucket
// is at most 1/128 of its lower bound wide). Fixed memory (about 40 KiB,
// values up to 2^44 ns ≈ 4.9 hours; larger ones land in the last bucket
// and still count in max), recording never allocates, and two histograms
// merge exactly by adding their counts — shards' results add up.
#pragma once

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

namespace tiersim::reports {

class Histogram {
 public:
  static constexpr int kSubBits = 7;  // 128 per octave
  static constexpr std::uint64_t kExact = 1u << (kSubBits + 1);  // 256
  static constexpr int kMaxBits = 44;                            // 2^44 ns
  static constexpr std::size_t kBuckets =
      kExact + (kMaxBits - kSubBits - 1) * (std::size_t{1} << kSubBits);

  void Record(std::uint64_t ns) {
    ++counts_[Index(ns)];
    ++total_;
    sum_ += ns;
    if (ns < min_) min_ = ns;
    if (ns > max_) max_ = ns;
  }
  void Merge(const Histogram& other);
  void Clear() { *this = Histogram(); }

  std::uint64_t count() const { return total_; }
  std::uint64_t min() const { return total_ == 0 ? 0 : min_; }
  std::uint64_t max() const { return max_; }
  double mean() const {
    return total_ == 0 ? 0.0 : static_cast<double>(sum_) / total_;
  }
  // The value at or below which `percent` (0-100) of the recorded values
  // lie, within the bucket's precision, clamped to [min, max]. 0 when empty.
  std::uint64_t Percentile(double percent) const;

  // The non-empty buckets as (index, count), ascending: the JSON report's
  // form, and the way back (FromSparse) for merging shards' files.
  std::vector<std::pair<std::uint32_t, std::uint64_t>> Sparse() const;
  // False when an index is out of range (a file from elsewhere).
  bool AddSparse(
      const std::vector<std::pair<std::uint32_t, std::uint64_t>>& buckets,
      std::uint64_t min, std::uint64_t max, std::uint64_t sum);
  std::uint64_t sum() const { return sum_; }

  static std::size_t Index(std::uint64_t ns) {
    if (ns < kExact) return static_cast<std::size_t>(ns);
    const int msb = 63 - __builtin_clzll(ns);
    if (msb >= kMaxBits) return kBuckets - 1;
    const int shift = msb - kSubBits;  // >= 1
    const std::uint64_t sub = (ns >> shift) - (std::uint64_t{1} << kSubBits);
    return kExact +
           static_cast<std::size_t>(shift - 1) * (std::size_t{1} << kSubBits) +
           static_cast<std::size_t>(sub);
  }
  // The smallest value of bucket `i` and the first value past it.
  static std::uint64_t Lower(std::size_t i);
  static std::uint64_t Upper(std::size_t i);

 private:
  std::array<std::uint64_t, kBuckets> counts_{};
  std::uint64_t total_ = 0;
  std::uint64_t sum_ = 0;
  std::uint64_t min_ = ~std::uint64_t{0};
  std::uint64_t max_ = 0;
};

}  // namespace tiersim::reports
