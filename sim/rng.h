// Rng: the simulation's one source of randomness, seeded.
//
// xoshiro256** seeded through splitmix64. Every helper is written out with
// integer arithmetic (or exact IEEE double steps), never with
// std::uniform_*_distribution, whose output differs between standard
// libraries: the same seed gives the same stream everywhere.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "sim/time.h"

namespace tiersim::sim {

class Rng {
 public:
  explicit Rng(std::uint64_t seed);

  std::uint64_t seed() const { return seed_; }
  std::uint64_t Next();
  // Uniform in [0, n); n > 0. Unbiased (rejection sampling).
  std::uint64_t Uniform(std::uint64_t n);
  // Uniform in [lo, hi], inclusive.
  std::int64_t UniformRange(std::int64_t lo, std::int64_t hi);
  // Uniform in [lo, hi], to the microsecond.
  Duration UniformDuration(Duration lo, Duration hi);
  // True with probability p (clamped to [0, 1]).
  bool Bernoulli(double p);
  // True once in n draws on average.
  bool OneIn(std::uint64_t n) { return Uniform(n) == 0; }
  // 128 random bits.
  std::array<std::uint64_t, 2> Bits128() { return {Next(), Next()}; }
  // `length` characters from `alphabet`.
  std::string String(std::size_t length, std::string_view alphabet);
  // An independent child stream, seeded from this one.
  Rng Fork() { return Rng(Next()); }

 private:
  std::uint64_t seed_;
  std::array<std::uint64_t, 4> s_;
};

}  // namespace tiersim::sim
