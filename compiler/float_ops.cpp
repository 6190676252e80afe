// The float arithmetic whose exact results Python defines differently from C (see float_ops.h). It lives in the
// compiler library because constant folding must produce bit-for-bit the values the VM computes at run time: a folded
// `-7.5 // 2` and a computed one must agree, down to the sign of a zero.
#include "compiler/float_ops.h"

#include <cmath>

namespace minipy {

void float_divmod(double a, double b, double* floordiv, double* mod) {
  // floatobject.c's float_divmod step by step: fmod is exact, so `a - m` is an exact multiple of b and the division is
  // the only rounding.
  double m = std::fmod(a, b);
  double div = (a - m) / b;
  if (m != 0.0) {
    // C's fmod takes the dividend's sign; Python's % takes the divisor's, so a remainder of the wrong sign is moved
    // into range and the quotient adjusted.
    if ((b < 0) != (m < 0)) {
      m += b;
      div -= 1.0;
    }
  } else {
    // A zero remainder also takes the divisor's sign: -5.0 % 5.0 is 0.0 and 5.0 % -5.0 is -0.0.
    m = std::copysign(0.0, b);
  }
  double fd;
  if (div != 0.0) {
    fd = std::floor(div);
    // `div` can be a hair below an integer after the division's rounding; snapping to the nearest integer when it is
    // more than half away repairs that, as CPython does.
    if (div - fd > 0.5) fd += 1.0;
  } else {
    // A zero quotient keeps the sign the true quotient would have had.
    fd = std::copysign(0.0, a / b);
  }
  *floordiv = fd;
  *mod = m;
}

// The hash is the value reduced modulo the Mersenne prime 2**61 - 1, computed 28 bits of mantissa at a time with the
// exponent applied as a rotation (multiplying by a power of two modulo a Mersenne prime is a bit rotation). Every
// integral float then hashes like the equal int, which dict and set lookups across int/float keys rely on.
int64_t float_hash(double v) {
  constexpr int kBits = 61;
  constexpr uint64_t kModulus = (uint64_t{1} << kBits) - 1;
  if (std::isinf(v)) return v > 0 ? 314159 : -314159;
  int e;
  double m = std::frexp(v, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uint64_t x = 0;
  while (m != 0.0) {
    x = ((x << 28) & kModulus) | x >> (kBits - 28);
    m *= 268435456.0;
    e -= 28;
    auto y = static_cast<uint64_t>(m);
    m -= static_cast<double>(y);
    x += y;
    if (x >= kModulus) x -= kModulus;
  }
  e = e >= 0 ? e % kBits : kBits - 1 - ((-1 - e) % kBits);
  x = ((x << e) & kModulus) | x >> (kBits - e);
  x = x * static_cast<uint64_t>(static_cast<int64_t>(sign));
  auto h = static_cast<int64_t>(x);
  // -1 signals an error in CPython's hash functions, so a real hash of -1 is reported as -2.
  return h == -1 ? -2 : h;
}

}  // namespace minipy
