// Complex arithmetic with CPython's exact algorithms (complexobject.c's _Py_c_prod, _Py_c_quot, c_powi/c_powu and
// _Py_c_pow), shared by constant folding and the VM's complex type: the same formulas in the same order give the same
// last bits, which co_consts and printed results expose.
#include "compiler/complex_ops.h"

#include <cmath>

namespace minipy {

// The textbook formula without C99 Annex G's infinity recovery, as _Py_c_prod: (inf+0j)*(1+0j) yields a NaN part in
// CPython too.
ComplexValue complex_product(ComplexValue a, ComplexValue b) {
  return {a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real};
}

ComplexValue complex_quotient(ComplexValue a, ComplexValue b, ComplexError* error) {
  // Smith's algorithm: divide through by the larger of |b.real| and |b.imag| so the intermediate products
  // cannot overflow when the quotient itself is representable.
  double abs_real = std::fabs(b.real), abs_imag = std::fabs(b.imag);
  if (abs_real >= abs_imag) {
    if (abs_real == 0.0) {
      *error = ComplexError::kZeroDivision;
      return {0.0, 0.0};
    }
    double ratio = b.imag / b.real, denom = b.real + b.imag * ratio;
    return {(a.real + a.imag * ratio) / denom, (a.imag - a.real * ratio) / denom};
  }
  if (abs_imag >= abs_real) {
    double ratio = b.real / b.imag, denom = b.real * ratio + b.imag;
    return {(a.real * ratio + a.imag) / denom, (a.imag * ratio - a.real) / denom};
  }
  // Neither comparison held: one of b's parts is a NaN.
  return {std::nan(""), std::nan("")};
}

namespace {

// x ** n for n >= 0 by binary exponentiation (c_powu).
ComplexValue power_unsigned(ComplexValue x, long n) {
  ComplexValue r{1.0, 0.0}, p = x;
  for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
    if (n & mask) r = complex_product(r, p);
    p = complex_product(p, p);
  }
  return r;
}

// _Py_c_pow: the polar-form power for exponents that are not small integers.
ComplexValue power_polar(ComplexValue a, ComplexValue b, ComplexError* error) {
  if (b.real == 0.0 && b.imag == 0.0) return {1.0, 0.0};
  if (a.real == 0.0 && a.imag == 0.0) {
    if (b.imag != 0.0 || b.real < 0.0) *error = ComplexError::kZeroDivision;
    return {0.0, 0.0};
  }
  double vabs = std::hypot(a.real, a.imag);
  double len = std::pow(vabs, b.real);
  double at = std::atan2(a.imag, a.real);
  double phase = at * b.real;
  if (b.imag != 0.0) {
    len /= std::exp(at * b.imag);
    phase += b.imag * std::log(vabs);
  }
  return {len * std::cos(phase), len * std::sin(phase)};
}

}  // namespace

// Small integral exponents use repeated squaring (exact for Gaussian integers, as CPython's c_powi), everything else
// the polar form; the threshold 100 is CPython's.
ComplexValue complex_power(ComplexValue a, ComplexValue b, ComplexError* error) {
  *error = ComplexError::kNone;
  ComplexValue r;
  if (b.imag == 0.0 && b.real == std::floor(b.real) && std::fabs(b.real) <= 100.0) {
    auto n = static_cast<long>(b.real);
    r = n > 0 ? power_unsigned(a, n) : complex_quotient({1.0, 0.0}, power_unsigned(a, -n), error);
  } else {
    r = power_polar(a, b, error);
  }
  // _Py_ADJUST_ERANGE2: an infinite part is an overflow unless a division by zero was already reported.
  if ((std::isinf(r.real) || std::isinf(r.imag)) && *error == ComplexError::kNone) *error = ComplexError::kOverflow;
  return r;
}

// complex_hash in complexobject.c: hash(real) + 1000003 * hash(imag) with wraparound, so a complex with zero imaginary
// part hashes like its real part (and like an equal int or float).
int64_t complex_hash(int64_t real_hash, int64_t imag_hash) {
  uint64_t combined = static_cast<uint64_t>(real_hash) + 1000003u * static_cast<uint64_t>(imag_hash);
  if (combined == static_cast<uint64_t>(-1)) combined = static_cast<uint64_t>(-2);
  return static_cast<int64_t>(combined);
}

}  // namespace minipy
