// Our own small deterministic random numbers for Monte Carlo sampling. Nothing here uses
// <random>'s distributions: their algorithms differ between standard libraries, and the
// same (scenario, seed) must give the same bits everywhere (src/engine/README.md "Determinism").
//
//   Rng rng(streamSeed(scenario.seed, run));   // one stream per ensemble member
//   double u = rng.uniform();                   // [0, 1), 53 random bits
//   double x = triangular(u, 10, 40, 50);       // inverse CDF: one uniform per draw
//   double y = lognormal(rng.uniformOpen(), 2e5, 0.3);
//
// Each draw consumes exactly one uniform, so adding or changing one uncertain input does
// not shift the draws of the others (they are taken in Scenario::uncertain order).
#pragma once
#include <cmath>
#include <cstdint>

namespace cp {

// SplitMix64 (Steele, Lea, Flood 2014): seeds the main generator and mixes stream ids.
struct SplitMix64 {
  std::uint64_t state = 0;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
};

// The seed of run `run` of an ensemble with scenario seed `seed`: a pure function of the
// two, so an ensemble member is the same whatever the thread count or shard that runs it.
inline std::uint64_t streamSeed(std::uint64_t seed, std::uint64_t run) {
  SplitMix64 a{seed};
  SplitMix64 b{a.next() ^ (run * 0xD1B54A32D192ED03ull)};
  b.next();
  return b.next();
}

// xoshiro256** 1.0 (Blackman, Vigna 2018), seeded by SplitMix64 as its authors advise.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) {
    SplitMix64 sm{seed};
    for (auto& w : s_) w = sm.next();
  }
  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  // [0, 1) from the top 53 bits: every value is k / 2^53.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  // (0, 1): (k + 0.5) / 2^53, for inverse CDFs that are infinite at 0 or 1.
  double uniformOpen() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

// Triangular(min a, mode b, max c) at quantile u in [0, 1], by its inverse CDF.
inline double triangular(double u, double a, double b, double c) {
  if (!(c > a)) return b;
  const double width = c - a;
  const double f_mode = (b - a) / width;
  double x = u < f_mode ? a + std::sqrt(u * width * (b - a)) : c - std::sqrt((1 - u) * width * (c - b));
  // sqrt rounding must not push a draw outside [a, c].
  return x < a ? a : (x > c ? c : x);
}

// Standard normal quantile at p in (0, 1): Acklam's rational approximation (relative error
// below 1.15e-9). The tails call std::log, and lognormal() std::exp: those are the only
// results that may differ in the last bit between C libraries. Triangular draws use only
// IEEE-exact arithmetic and sqrt, so they are the same bits everywhere.
inline double normalQuantile(double p) {
  if (!(p > 0)) return -INFINITY;
  if (!(p < 1)) return INFINITY;
  static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                                 1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
  static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                                 6.680131188771972e+01, -1.328068155288572e+01};
  static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                                 -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
  static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                                 3.754408661907416e+00};
  constexpr double p_low = 0.02425, p_high = 1 - p_low;
  double x;
  if (p < p_low) {
    const double q = std::sqrt(-2 * std::log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= p_high) {
    const double q = p - 0.5, r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const double q = std::sqrt(-2 * std::log(1 - p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  return x;
}

// Lognormal with the given median and log-space sigma, at quantile u in (0, 1).
inline double lognormal(double u, double median, double sigma) { return median * std::exp(sigma * normalQuantile(u)); }

}  // namespace cp
