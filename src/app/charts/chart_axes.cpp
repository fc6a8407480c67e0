// Pure axis helpers: value formatting, nice tick values, y-range fitting. No drawing here,
// so all of it is unit-testable without an ImGui context.
//
// [SECTION] Number formatting
// [SECTION] formatValue / formatTick / unitName
// [SECTION] niceTicks
// [SECTION] fitRange

#include "chart.h"

#include "app/core/tr.h"
#include "i18n/format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace cp::chart {
namespace {

// [SECTION] Number formatting

// The nearest double to `x` written with 9 significant digits: drops the noise of a sum
// (92500.00000000004 -> 92500) so it cannot tip a rounding boundary.
double tidy(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", x);
  return std::strtod(buf, nullptr);
}

// `m` rounded to `decimals` places, half away from zero after tidying, so values that are
// equal on paper round alike (92500 and 92500.00000000004 both to "93k", 0.125 to "0.13").
double roundDecimals(double m, int decimals) {
  const double p = std::pow(10.0, std::clamp(decimals, 0, 9));
  const double x = m * p;
  if (!std::isfinite(x) || std::fabs(x) >= 1e9) return std::round(x) / p;  // more digits than tidy keeps
  return std::round(tidy(tidy(m) * p)) / p;
}

// Fixed-point with trailing zeros stripped ("1.50" -> "1.5", "2.0" -> "2"), never "-0".
std::string fixed(double m, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", std::clamp(decimals, 0, 9), roundDecimals(m, decimals));
  std::string s(buf);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return cp::i18n::localizeNumber(s);  // "1,5" in Ukrainian
}

// ~2 significant digits, the house style for compact labels.
int autoDecimals(double abs_m) { return abs_m < 1.0 ? 2 : abs_m < 10.0 ? 1 : 0; }

// Fewest decimals that still tell ticks `step` apart (step already in mantissa units).
int stepDecimals(double step) {
  if (!(step > 0) || !std::isfinite(step)) return 1;
  for (int d = 0; d < 6; ++d) {
    const double x = step * std::pow(10.0, d);
    if (std::fabs(x - std::round(x)) < 1e-6 * x) return d;
  }
  return 6;
}

// 10^e as the double nearest the decimal literal "1eE" (std::pow(10, 23) is one ulp off).
double pow10(int e) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "1e%d", e);
  return std::strtod(buf, nullptr);
}

// Thousands scales: x1, x1e3, x1e6, x1e9, x1e12. The suffixes come from the language's
// NumberStyle ("k", "M", "bn", "tn" in English: "bn"/"tn" rather than "B"/"T",
// unambiguous next to "$"; "тис.", "млн", "млрд", "трлн" in Ukrainian).
constexpr double kScales[] = {1.0, 1e3, 1e6, 1e9, 1e12};
constexpr int kNumScales = static_cast<int>(sizeof(kScales) / sizeof(kScales[0]));

// Mantissa + suffix. step > 0: tick mode (decimals from step); else auto (2 sig. digits),
// moving up a scale when rounding gives 1000 ("999.96k" must read "1M", not "1000k").
std::string scaled(double v, double step) {
  const double a = std::fabs(v);
  int si = 0;
  while (si + 1 < kNumScales && a >= kScales[si + 1]) ++si;
  for (;;) {
    const double m = v / kScales[si];
    const int d = step > 0 ? stepDecimals(step / kScales[si]) : autoDecimals(std::fabs(m));
    if (step <= 0 && std::fabs(roundDecimals(m, d)) >= 1000.0 && si + 1 < kNumScales) {
      ++si;
      continue;
    }
    return fixed(m, d) + cp::i18n::numberStyle().scales[si];  // k / тис., M / млн, bn / млрд
  }
}

std::string plainOrAuto(double v, double step) {
  if (step > 0) return fixed(v, stepDecimals(step));
  return fixed(v, autoDecimals(std::fabs(v)));
}

// "3.1e25"; values below 1e4 are written out.
std::string scientific(double v, double step) {
  const double a = std::fabs(v);
  if (a < 1e4) return plainOrAuto(v, step);
  int e = static_cast<int>(std::floor(std::log10(a)));
  double m = v / std::pow(10.0, e);
  int d = step > 0 ? stepDecimals(step / std::pow(10.0, e)) : 1;
  d = std::min(d, 3);
  if (std::fabs(std::round(m * std::pow(10.0, d))) >= 10.0 * std::pow(10.0, d)) {
    m /= 10.0;  // 9.96e24 rounds to 1e25
    ++e;
  }
  return fixed(m, d) + "e" + std::to_string(e);  // fixed() already localised the mantissa
}

std::string format(double v, Unit u, double step) {
  if (std::isnan(v)) return "n/a";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  const bool tick = step > 0;
  switch (u) {
    case Unit::None: return scaled(v, step);
    case Unit::H100e: return tick ? scaled(v, step) : scaled(v, step) + " H100e";
    case Unit::FlopH100e: return tick ? scaled(v, step) : scaled(v, step) + " FLOP-H100e";
    case Unit::Units: return tick ? scaled(v, step) : scaled(v, step) + tr(" units");
    case Unit::UsdBn: return format(v * 1e9, Unit::Usd, step * 1e9);
    case Unit::Usd: return (v < 0 ? "-$" : "$") + scaled(std::fabs(v), step);
    case Unit::MW:
      if (std::fabs(v) >= 1000.0) return plainOrAuto(v / 1000.0, step / 1000.0) + tr(" GW");
      return plainOrAuto(v, step) + tr(" MW");
    case Unit::Months: return plainOrAuto(v, step) + tr(" mo");
    case Unit::Share: return plainOrAuto(v * 100.0, step * 100.0) + "%";
    case Unit::Flop: return tick ? scientific(v, step) : scientific(v, step) + " FLOP";
  }
  return scaled(v, step);
}

}  // namespace

// [SECTION] formatValue / formatTick / unitName

std::string formatValue(double v, Unit u) { return format(v, u, 0.0); }

std::string formatTick(double v, Unit u, double step) {
  // A tick at ~0 (e.g. -1e-17 from arithmetic) must read "0", not "-1e-17".
  if (std::isfinite(step) && step > 0 && std::fabs(v) < step * 1e-9) v = 0.0;
  return format(v, u, std::isfinite(step) && step > 0 ? step : 0.0);
}

const char* unitName(Unit u) {
  switch (u) {
    case Unit::None: return "";
    case Unit::H100e: return "H100e";
    case Unit::FlopH100e: return "FLOP-H100e";
    case Unit::Usd: return tr("USD");  // "дол. США"
    case Unit::UsdBn: return tr("USD");
    case Unit::MW: return tr("MW");
    case Unit::Months: return tr("months");
    case Unit::Share: return tr("share");
    case Unit::Units: return tr("units");
    case Unit::Flop: return "FLOP";
  }
  return "";
}

// [SECTION] niceTicks

std::vector<double> niceTicks(double lo, double hi, int target, bool log) {
  target = std::clamp(target, 1, 50);
  if (!std::isfinite(lo) && !std::isfinite(hi)) {
    lo = log ? 1.0 : 0.0;
    hi = log ? 10.0 : 1.0;
  } else if (!std::isfinite(lo)) {
    lo = hi;
  } else if (!std::isfinite(hi)) {
    hi = lo;
  }
  if (lo > hi) std::swap(lo, hi);

  std::vector<double> out;
  if (log) {
    if (hi <= 0) hi = 1.0;
    // Zeros and negatives can't go on a log axis: floor three decades under the top.
    if (lo <= 0) lo = hi / 1e3;
    lo = std::max(lo, 1e-300);
    int e0 = static_cast<int>(std::floor(std::log10(lo) + 1e-9));
    int e1 = static_cast<int>(std::ceil(std::log10(hi) - 1e-9));
    if (e1 <= e0) e1 = e0 + 1;
    const int stride = std::max(1, (e1 - e0 + target - 1) / target);
    e0 = static_cast<int>(std::floor(static_cast<double>(e0) / stride)) * stride;
    e1 = static_cast<int>(std::ceil(static_cast<double>(e1) / stride)) * stride;
    for (int e = e0; e <= e1; e += stride) out.push_back(pow10(e));
    return out;
  }

  if (hi == lo) {
    const double d = lo == 0 ? 1.0 : std::fabs(lo) * 0.1;
    lo -= d;
    hi += d;
  }
  const double span = hi - lo;
  if (!std::isfinite(span)) return {lo, hi};  // e.g. +-1e308: nothing round to offer
  const double raw = span / target;
  const int e = static_cast<int>(std::floor(std::log10(raw)));
  const double mag = pow10(e);
  const double norm = raw / mag;
  // Nearest nice step (not the next larger): 0..102 gets 0,20,..,120, not 0,50,..,150.
  const double mult = norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10;
  constexpr double eps = 1e-9;
  const double step = mult * mag;
  const double kf = std::floor(lo / step + eps);
  const double kl = std::ceil(hi / step - eps);
  for (double k = kf; k <= kl; k += 1) {
    // k*mult/10^-e (not k*step) so 0.3 comes out as the double nearest 0.3.
    double t = e < 0 ? (k * mult) / pow10(-e) : k * mult * mag;
    if (std::fabs(t) < step * 1e-9) t = 0.0;
    out.push_back(t);
  }
  return out;
}

// [SECTION] fitRange

namespace detail {

void fitRange(double lo, double hi, const Style& style, double* out_lo, double* out_hi) {
  const bool pin_lo = std::isfinite(style.y_min);
  const bool pin_hi = std::isfinite(style.y_max);
  if (style.log_y) {
    if (!(lo > 0) || !std::isfinite(lo) || !std::isfinite(hi) || !(hi > 0)) {
      lo = 1.0;  // no positive data
      hi = 10.0;
    }
    if (pin_lo && style.y_min > 0) lo = style.y_min;
    if (pin_hi && style.y_max > 0) hi = style.y_max;
    lo = std::max(lo, hi * 1e-12);  // one tiny outlier must not squash the chart
    const std::vector<double> t = niceTicks(lo, hi * 1.05, style.y_ticks, true);
    *out_lo = pin_lo && style.y_min > 0 ? style.y_min : t.front();
    *out_hi = pin_hi && style.y_max > 0 ? style.y_max : t.back();
  } else {
    if (!std::isfinite(lo) || !std::isfinite(hi)) {
      lo = 0.0;
      hi = 1.0;
    }
    if (style.zero_based) {
      lo = std::min(lo, 0.0);
      hi = std::max(hi, 0.0);
    }
    if (pin_lo) lo = style.y_min;
    if (pin_hi) hi = style.y_max;
    if (hi < lo) std::swap(hi, lo);
    if (hi == lo) hi = lo + (lo == 0 ? 1.0 : std::fabs(lo) * 0.1);
    // 5% headroom on the sides that hold data, so lines never touch the frame.
    const double pad = 0.05 * (hi - lo);
    if (!pin_hi && (hi > 0 || !style.zero_based)) hi += pad;
    if (!pin_lo && (lo < 0 || !style.zero_based)) lo -= pad;
    const std::vector<double> t = niceTicks(lo, hi, style.y_ticks, false);
    *out_lo = pin_lo ? style.y_min : t.front();
    *out_hi = pin_hi ? style.y_max : t.back();
  }
  if (!(*out_hi > *out_lo)) *out_hi = *out_lo + 1.0;  // last line of defence vs. NaN/inf
}

}  // namespace detail
}  // namespace cp::chart
