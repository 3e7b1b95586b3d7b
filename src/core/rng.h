// Rng: the one seeded random source every engine takes by reference.
//
//   Rng rng(/*seed=*/7);
//   int k = rng.UniformInt(0, 9);          // inclusive bounds
//   rng.Shuffle(items);
//
// Unlike std::uniform_int_distribution, every method here is specified exactly
// (splitmix64 seeding + xoshiro256**), so a seed gives the same sequence with
// g++ and clang, on every machine. Not thread-safe: give each thread its own
// Rng, seeded from the parent with Fork().
#pragma once

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

namespace ponte {

class Rng {
 public:
  explicit Rng(std::uint64_t seed = 0);

  std::uint64_t Next();
  // Uniform in [lo, hi], both inclusive; requires lo <= hi.
  std::int64_t UniformInt(std::int64_t lo, std::int64_t hi);
  // Uniform in [0, n); requires n > 0.
  std::size_t Index(std::size_t n);
  // Uniform in [0, 1).
  double UniformReal();
  bool Bernoulli(double p) { return UniformReal() < p; }
  // A new independent generator derived from this one (for worker threads).
  Rng Fork();

  template <typename T>
  void Shuffle(std::vector<T>& items) {
    for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[Index(i)]);
  }
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Index(items.size())];
  }

 private:
  std::array<std::uint64_t, 4> state_{};
};

}  // namespace ponte
