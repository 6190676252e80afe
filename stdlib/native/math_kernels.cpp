// The math module's own numeric kernels (see math_kernels.h). Each follows the algorithm CPython 3.11's
// mathmodule.c documents, with the same constants and the same order of floating-point operations, because
// any reordering changes the last bit of some results.
#include "stdlib/native/math_kernels.h"

#include <cmath>

namespace minipy::math_kernels {

namespace {

constexpr double kPi = 3.141592653589793238462643383279502884197;
constexpr double kLogPi = 1.144729885849400174143427351353058711647;

// The Lanczos approximation with N = 13 and g = 6.024680040776729583740234375 (Boost's parameters), written
// as a rational function: numerator and denominator coefficients, lowest degree first.
constexpr int kLanczosN = 13;
constexpr double kLanczosG = 6.024680040776729583740234375;
constexpr double kLanczosGMinusHalf = 5.524680040776729583740234375;
constexpr double kLanczosNumerator[kLanczosN] = {
    23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408};
// x*(x+1)*...*(x+11) expanded
constexpr double kLanczosDenominator[kLanczosN] = {0.0,       39916800.0, 120543840.0, 150917976.0, 105258076.0,
                                                   45995730.0, 13339535.0, 2637558.0,   357423.0,    32670.0,
                                                   1925.0,    66.0,       1.0};
// gamma(1) .. gamma(23), exact in a double
constexpr int kExactGammas = 23;
constexpr double kGammaOfInteger[kExactGammas] = {
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0, 39916800.0, 479001600.0,
    6227020800.0, 87178291200.0, 1307674368000.0, 20922789888000.0, 355687428096000.0, 6402373705728000.0,
    121645100408832000.0, 2432902008176640000.0, 51090942171709440000.0, 1124000727777607680000.0};

// The Lanczos sum for x > 0; for x >= 5 the rational function is evaluated in 1/x to avoid overflow.
double lanczos_sum(double x) {
  double num = 0.0, den = 0.0;
  if (x < 5.0) {
    for (int i = kLanczosN - 1; i >= 0; i--) {
      num = num * x + kLanczosNumerator[i];
      den = den * x + kLanczosDenominator[i];
    }
  } else {
    for (int i = 0; i < kLanczosN; i++) {
      num = num / x + kLanczosNumerator[i];
      den = den / x + kLanczosDenominator[i];
    }
  }
  return num / den;
}

// sin(pi*x) for finite x, exact at integers and half-integers (the reflection formula needs that).
double sin_pi(double x) {
  double y = std::fmod(std::fabs(x), 2.0);
  int quadrant = static_cast<int>(std::round(2.0 * y));
  double r;
  switch (quadrant) {
    case 0: r = std::sin(kPi * y); break;
    case 1: r = std::cos(kPi * (y - 0.5)); break;
    case 2: r = std::sin(kPi * (1.0 - y)); break;  // not -sin(pi*(y-1)): that gives -0.0 at y == 1
    case 3: r = -std::cos(kPi * (y - 1.5)); break;
    default: r = std::sin(kPi * (y - 2.0)); break;
  }
  return std::copysign(1.0, x) * r;
}

}  // namespace

Result gamma(double x) {
  if (!std::isfinite(x)) {
    if (std::isnan(x) || x > 0.0) return {x};
    return {NAN, MathError::kDomain};
  }
  if (x == 0.0) return {std::copysign(HUGE_VAL, x), MathError::kDomain};
  if (x == std::floor(x)) {
    if (x < 0.0) return {NAN, MathError::kDomain};
    if (x <= kExactGammas) return {kGammaOfInteger[static_cast<int>(x) - 1]};
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) {  // gamma(x) ~ 1/x near zero
    double r = 1.0 / x;
    return {r, std::isinf(r) ? MathError::kRange : MathError::kNone};
  }
  if (absx > 200.0) {  // overflows for x > 200; underflows to +-0 below -200
    if (x < 0.0) return {0.0 / sin_pi(x)};
    return {HUGE_VAL, MathError::kRange};
  }
  double y = absx + kLanczosGMinusHalf;
  // The rounding error of y, computed so that the compiler cannot simplify it away, corrects pow/exp below.
  double z;
  if (absx > kLanczosGMinusHalf) {
    volatile double q = y - absx;
    z = q - kLanczosGMinusHalf;
  } else {
    volatile double q = y - kLanczosGMinusHalf;
    z = q - absx;
  }
  z = z * kLanczosG / y;
  double r;
  if (x < 0.0) {
    r = -kPi / sin_pi(absx) / absx * std::exp(y) / lanczos_sum(absx);
    r -= z * r;
    if (absx < 140.0) {
      r /= std::pow(y, absx - 0.5);
    } else {
      double half_power = std::pow(y, absx / 2.0 - 0.25);
      r /= half_power;
      r /= half_power;
    }
  } else {
    r = lanczos_sum(absx) / std::exp(y);
    r += z * r;
    if (absx < 140.0) {
      r *= std::pow(y, absx - 0.5);
    } else {
      double half_power = std::pow(y, absx / 2.0 - 0.25);
      r *= half_power;
      r *= half_power;
    }
  }
  return {r, std::isinf(r) ? MathError::kRange : MathError::kNone};
}

Result lgamma(double x) {
  if (!std::isfinite(x)) return {std::isnan(x) ? x : HUGE_VAL};
  if (x == std::floor(x) && x <= 2.0) {
    if (x <= 0.0) return {HUGE_VAL, MathError::kDomain};
    return {0.0};  // lgamma(1) == lgamma(2) == 0
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) return {-std::log(absx)};
  double r = std::log(lanczos_sum(absx)) - kLanczosG;
  r += (absx - 0.5) * (std::log(absx + kLanczosG - 0.5) - 1);
  if (x < 0.0) r = kLogPi - std::log(std::fabs(sin_pi(absx))) - std::log(absx) - r;  // reflection
  return {r, std::isinf(r) ? MathError::kRange : MathError::kNone};
}

double remainder(double x, double y) {
  if (std::isfinite(x) && std::isfinite(y)) {
    if (y == 0.0) return NAN;
    double absx = std::fabs(x), absy = std::fabs(y);
    double m = std::fmod(absx, absy);
    // Compare m with absy - m rather than with 0.5*absy, which may not be representable.
    double c = absy - m;
    double r;
    if (m < c) {
      r = m;
    } else if (m > c) {
      r = -c;
    } else {
      // Exactly half way: pick the even multiple. fmod(0.5*(absx - m), absy) is m for an odd multiple, 0 for even.
      r = m - 2.0 * std::fmod(0.5 * (absx - m), absy);
    }
    return std::copysign(1.0, x) * r;
  }
  if (std::isnan(x)) return x;
  if (std::isnan(y)) return y;
  if (std::isinf(x)) return NAN;
  return x;  // y infinite
}

double atan2(double y, double x) {
  if (std::isnan(x) || std::isnan(y)) return NAN;
  if (std::isinf(y)) {
    if (std::isinf(x)) return std::copysign(std::copysign(1., x) == 1. ? 0.25 * M_PI : 0.75 * M_PI, y);
    return std::copysign(0.5 * M_PI, y);
  }
  if (std::isinf(x) || y == 0.) return std::copysign(std::copysign(1., x) == 1. ? 0. : M_PI, y);
  return std::atan2(y, x);
}

bool ExactSum::add(double x) {
  double original = x;
  size_t kept = 0;
  for (double y : partials_) {
    if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
    volatile double hi = x + y;
    volatile double rounded = hi - x;
    double lo = y - rounded;
    if (lo != 0.0) partials_[kept++] = lo;
    x = hi;
  }
  partials_.resize(kept);
  if (x == 0.0) return true;
  if (!std::isfinite(x)) {
    // An inf or nan summand, or overflow of a finite sum.
    if (std::isfinite(original)) return false;
    if (std::isinf(original)) inf_sum_ += original;
    special_sum_ += original;
    partials_.clear();
    return true;
  }
  partials_.push_back(x);
  return true;
}

std::optional<double> ExactSum::result(bool* inf_minus_inf) const {
  *inf_minus_inf = false;
  if (special_sum_ != 0.0) {
    if (std::isnan(inf_sum_)) {
      *inf_minus_inf = true;
      return std::nullopt;
    }
    return special_sum_;
  }
  size_t n = partials_.size();
  if (n == 0) return 0.0;
  volatile double hi = partials_[--n];
  double lo = 0.0;
  // Add from the largest down while the sum stays exact.
  while (n > 0) {
    double x = hi;
    double y = partials_[--n];
    hi = x + y;
    volatile double rounded = hi - x;
    lo = y - rounded;
    if (lo != 0.0) break;
  }
  // Half-even rounding across partials: a remaining partial of lo's sign tips a tie.
  if (n > 0 && ((lo < 0.0 && partials_[n - 1] < 0.0) || (lo > 0.0 && partials_[n - 1] > 0.0))) {
    double y = lo * 2.0;
    volatile double x = hi + y;
    volatile double rounded = x - hi;
    if (y == rounded) hi = x;
  }
  return static_cast<double>(hi);
}

double vector_norm(std::span<const double> values, double max, bool found_nan) {
  constexpr double kSplitter = 134217729.0;  // 2**27 + 1, for Veltkamp-Dekker splitting
  if (std::isinf(max)) return max;
  if (found_nan) return NAN;
  if (max == 0.0 || values.size() <= 1) return max;
  int max_exponent;
  std::frexp(max, &max_exponent);
  // Neumaier summation with csum starting at 1.0 (so |csum| >= each term), three separate error accumulators.
  double csum = 1.0, frac1 = 0.0, frac2 = 0.0, frac3 = 0.0;
  if (max_exponent >= -1023) {
    double scale = std::ldexp(1.0, -max_exponent);  // lossless: scaled values lie in [0.5, 1)
    for (double v : values) {
      double x = v * scale;
      double t = x * kSplitter;
      double hi = t - (t - x);
      double lo = x - hi;
      x = hi * hi;
      double old = csum;
      csum += x;
      frac1 += (old - csum) + x;
      x = 2.0 * hi * lo;
      old = csum;
      csum += x;
      frac2 += (old - csum) + x;
      frac3 += lo * lo;
    }
    double h = std::sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
    // One differential correction step of the square root: subtract h*h exactly, then add x/(2h).
    double x = h;
    double t = x * kSplitter;
    double hi = t - (t - x);
    double lo = x - hi;
    x = -hi * hi;
    double old = csum;
    csum += x;
    frac1 += (old - csum) + x;
    x = -2.0 * hi * lo;
    old = csum;
    csum += x;
    frac2 += (old - csum) + x;
    x = -lo * lo;
    old = csum;
    csum += x;
    frac3 += (old - csum) + x;
    x = csum - 1.0 + (frac1 + frac2 + frac3);
    return (h + x / (2.0 * h)) / scale;
  }
  // Subnormal max: the scale factor would overflow, so divide by max instead.
  for (double v : values) {
    double x = v / max;
    x = x * x;
    double old = csum;
    csum += x;
    frac1 += (old - csum) + x;
  }
  return max * std::sqrt(csum - 1.0 + frac1);
}

}  // namespace minipy::math_kernels
