// The load reports' histogram: exact where it says, within its stated
// precision elsewhere, and mergeable without loss.
#include "reports/load/histogram.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

namespace tiersim::reports {
namespace {

// The value of rank ceil(p% * n) in sorted data: what Percentile estimates.
std::uint64_t Exact(std::vector<std::uint64_t> v, double p) {
  std::sort(v.begin(), v.end());
  const auto rank = std::max<std::size_t>(
      1, static_cast<std::size_t>(std::ceil(p / 100.0 * v.size())));
  return v[rank - 1];
}

TEST(HistogramTest, SmallValuesAreExact) {
  Histogram h;
  for (std::uint64_t v = 0; v < 256; ++v) h.Record(v);
  EXPECT_EQ(h.count(), 256u);
  EXPECT_EQ(h.min(), 0u);
  EXPECT_EQ(h.max(), 255u);
  EXPECT_EQ(h.Percentile(50), 127u);
  EXPECT_EQ(h.Percentile(100), 255u);
}

TEST(HistogramTest, PercentilesAreWithinOnePercentOverTheWholeRange) {
  std::mt19937_64 gen(42);
  // Log-uniform from 1 ns to about 4 hours.
  std::uniform_real_distribution<double> exponent(0, 43.5);
  std::vector<std::uint64_t> values;
  Histogram h;
  for (int i = 0; i < 200000; ++i) {
    const auto v = static_cast<std::uint64_t>(std::exp2(exponent(gen)));
    values.push_back(v);
    h.Record(v);
  }
  for (double p : {1.0, 10.0, 50.0, 90.0, 99.0, 99.9, 99.99}) {
    const double exact = static_cast<double>(Exact(values, p));
    const double got = static_cast<double>(h.Percentile(p));
    EXPECT_LE(std::abs(got - exact) / exact, 0.01) << "p" << p;
  }
  EXPECT_EQ(h.max(), *std::max_element(values.begin(), values.end()));
}

TEST(HistogramTest, BucketBoundsAreContiguousAndNarrow) {
  for (std::size_t i = Histogram::kExact; i + 1 < Histogram::kBuckets; ++i) {
    ASSERT_EQ(Histogram::Upper(i), Histogram::Lower(i + 1));
    ASSERT_EQ(Histogram::Index(Histogram::Lower(i)), i);
    ASSERT_EQ(Histogram::Index(Histogram::Upper(i) - 1), i);
    const double width =
        static_cast<double>(Histogram::Upper(i) - Histogram::Lower(i));
    ASSERT_LE(width / static_cast<double>(Histogram::Lower(i)), 1.0 / 128);
  }
}

TEST(HistogramTest, HugeValuesLandInTheLastBucketAndKeepTheirMax) {
  Histogram h;
  h.Record(std::uint64_t{1} << 50);
  EXPECT_EQ(Histogram::Index(std::uint64_t{1} << 50), Histogram::kBuckets - 1);
  EXPECT_EQ(h.max(), std::uint64_t{1} << 50);
  EXPECT_EQ(h.Percentile(99), std::uint64_t{1} << 50);
}

TEST(HistogramTest, MergingEqualsRecordingEverythingInOne) {
  Histogram a, b, all;
  for (std::uint64_t v = 1; v < 100000; v += 7) {
    (v % 2 ? a : b).Record(v * 13);
    all.Record(v * 13);
  }
  a.Merge(b);
  EXPECT_EQ(a.count(), all.count());
  EXPECT_EQ(a.sum(), all.sum());
  EXPECT_EQ(a.min(), all.min());
  EXPECT_EQ(a.max(), all.max());
  EXPECT_EQ(a.Sparse(), all.Sparse());
}

TEST(HistogramTest, SparseFormRoundTripsAndRefusesForeignIndexes) {
  Histogram h;
  for (std::uint64_t v : {3u, 300u, 3000u, 3000000u}) h.Record(v);
  Histogram back;
  ASSERT_TRUE(back.AddSparse(h.Sparse(), h.min(), h.max(), h.sum()));
  EXPECT_EQ(back.Sparse(), h.Sparse());
  EXPECT_EQ(back.Percentile(75), h.Percentile(75));
  Histogram bad;
  EXPECT_FALSE(bad.AddSparse({{Histogram::kBuckets, 1}}, 0, 0, 0));
  EXPECT_EQ(bad.count(), 0u);
}

TEST(HistogramTest, AnEmptyHistogramReportsZeros) {
  const Histogram h;
  EXPECT_EQ(h.count(), 0u);
  EXPECT_EQ(h.min(), 0u);
  EXPECT_EQ(h.Percentile(99), 0u);
  EXPECT_EQ(h.mean(), 0.0);
}

}  // namespace
}  // namespace tiersim::reports
