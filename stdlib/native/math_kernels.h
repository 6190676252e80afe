// The numeric kernels of the `math` module that CPython computes itself rather than through the C library, so
// that minipy's results are bit for bit CPython's: the Lanczos gamma and lgamma, IEEE remainder, fsum's exact
// partials, and the scaled, compensated vector norm of hypot() and dist(). Pure C++ on doubles (no VM objects).
#pragma once
#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace minipy::math_kernels {

// How a kernel failed, as CPython's errno convention: a domain error is ValueError("math domain error"), a range
// error OverflowError("math range error") (only when the result's magnitude is at least 1.5: underflows pass).
enum class MathError { kNone, kDomain, kRange };

struct Result {
  double value;
  MathError error = MathError::kNone;
};

Result gamma(double x);
Result lgamma(double x);
double remainder(double x, double y);  // x - n*y for the nearest n (ties to even); exact
double atan2(double y, double x);      // with C99 Annex F special cases handled explicitly

// Shewchuk/Hettinger exact summation state: non-overlapping partials in increasing magnitude.
class ExactSum {
 public:
  // Adds x; returns false on intermediate overflow (a finite x made the running sum infinite).
  bool add(double x);
  // The correctly rounded sum; nullopt with `*inf_minus_inf` set when the specials were -inf + inf.
  std::optional<double> result(bool* inf_minus_inf) const;

 private:
  std::vector<double> partials_;
  double special_sum_ = 0.0;
  double inf_sum_ = 0.0;
};

// sqrt(sum(x*x for x in values)) for non-negative `values` whose largest is `max` (see hypot/dist).
double vector_norm(std::span<const double> values, double max, bool found_nan);

}  // namespace minipy::math_kernels
