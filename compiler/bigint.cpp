// Arbitrary-precision integers over GMP, shared by the compiler (folding int constants, marshal's long format) and the
// VM's int type, so a folded constant and a computed value are the same number. The wrapper exists to keep GMP's C API
// and its ownership rules in one place.
#include "compiler/bigint.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>

namespace minipy {

void BigInt::set_int64(int64_t x) {
  // mpz_set_si takes a long, which is 64-bit on every platform minipy builds for (LP64).
  static_assert(sizeof(long) == 8);
  mpz_set_si(v_, static_cast<long>(x));
}

// Digits in the given base with PEP 515 underscores between digits (never leading, trailing or doubled); signs,
// prefixes and whitespace are the caller's business, because int(), literals and float parsing treat them differently.
std::optional<BigInt> BigInt::parse(std::string_view text, int base) {
  if (text.empty() || base < 2 || base > 36) return std::nullopt;
  std::string clean;
  clean.reserve(text.size());
  bool last_was_digit = false;
  for (char c : text) {
    if (c == '_') {
      if (!last_was_digit) return std::nullopt;
      last_was_digit = false;
      continue;
    }
    int d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'z') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'Z') d = c - 'A' + 10;
    else return std::nullopt;
    if (d >= base) return std::nullopt;
    clean.push_back(c);
    last_was_digit = true;
  }
  if (!last_was_digit) return std::nullopt;
  BigInt r;
  if (mpz_set_str(r.v_, clean.c_str(), base) != 0) return std::nullopt;
  return r;
}

BigInt BigInt::from_double(double d) {
  BigInt r;
  mpz_set_d(r.v_, d);
  return r;
}

// marshal stores ints as base-2**15 digits, least significant first (CPython's PyLong internal digit size in the
// serialized form); mpz_import reads them directly with 16-bit words whose top bit is a nail.
BigInt BigInt::from_digits15(std::span<const uint16_t> digits, bool negative) {
  BigInt r;
  if (!digits.empty()) mpz_import(r.v_, digits.size(), -1, sizeof(uint16_t), 0, 1, digits.data());
  if (negative) mpz_neg(r.v_, r.v_);
  return r;
}

bool BigInt::fits_int64() const { return mpz_fits_slong_p(v_) != 0; }
int64_t BigInt::to_int64() const { return mpz_get_si(v_); }

// mpz_sizeinbase may overestimate by one, hence the resize to the real length after conversion.
std::string BigInt::to_string(int base) const {
  std::string s(mpz_sizeinbase(v_, base) + 2, '\0');
  mpz_get_str(s.data(), base, v_);
  s.resize(std::strlen(s.c_str()));
  return s;
}

std::vector<uint16_t> BigInt::to_digits15() const {
  size_t count = (mpz_sizeinbase(v_, 2) + 14) / 15;
  std::vector<uint16_t> out(count);
  if (mpz_sgn(v_) == 0) return {};
  size_t written = 0;
  mpz_export(out.data(), &written, -1, sizeof(uint16_t), 0, 1, v_);
  out.resize(written);
  return out;
}

uint64_t BigInt::bit_length() const { return mpz_sgn(v_) == 0 ? 0 : mpz_sizeinbase(v_, 2); }

// CPython's PyLong_AsDouble rounds half to even and raises OverflowError past the largest double; nullopt stands for
// that overflow here.
std::optional<double> BigInt::to_double() const {
  uint64_t n = bit_length();
  if (n <= 53) return mpz_get_d(v_);
  if (n > 1024) return std::nullopt;
  // Keep 54 significant bits (53 + a rounding bit), remember whether anything below them was set, and round
  // half to even by hand: mpz_get_d would truncate.
  mpz_t mag;
  mpz_init(mag);
  mpz_abs(mag, v_);
  uint64_t shift = n - 54;
  bool sticky = mpz_scan1(mag, 0) < shift;
  mpz_fdiv_q_2exp(mag, mag, shift);
  uint64_t top = mpz_get_ui(mag);
  mpz_clear(mag);
  uint64_t mantissa = top >> 1;
  if ((top & 1) && (sticky || (mantissa & 1))) mantissa++;
  double d = std::ldexp(static_cast<double>(mantissa), static_cast<int>(shift + 1));
  if (std::isinf(d)) return std::nullopt;
  return sign() < 0 ? -d : d;
}

void BigInt::floor_divmod(const BigInt& a, const BigInt& b, BigInt* quotient, BigInt* remainder) {
  BigInt q, r;
  mpz_fdiv_qr(q.v_, r.v_, a.v_, b.v_);
  if (quotient) *quotient = std::move(q);
  if (remainder) *remainder = std::move(r);
}

// pow(b, e, m) takes the sign of m, like %, while GMP's result is always non-negative; a negative exponent (a modular
// inverse) is handled by the caller before it gets here.
BigInt BigInt::pow_mod(const BigInt& base, const BigInt& exp, const BigInt& mod) {
  BigInt m = mod.abs(), r;
  mpz_powm(r.v_, base.v_, exp.v_, m.v_);  // result in [0, |mod|)
  if (mod.sign() < 0 && r.sign() != 0) r = r + mod;
  return r;
}

std::optional<double> BigInt::true_divide(const BigInt& a, const BigInt& b) {
  constexpr int64_t kMantissaBits = DBL_MANT_DIG;  // 53
  constexpr int64_t kMinExp = DBL_MIN_EXP;         // -1021: 2**(kMinExp-1) is the smallest normal double
  constexpr int64_t kMaxExp = DBL_MAX_EXP;         // 1024
  bool negative = (a.sign() < 0) != (b.sign() < 0);
  double zero = negative ? -0.0 : 0.0;
  if (a.is_zero()) return zero;
  BigInt n = a.abs(), d = b.abs();
  // The quotient lies in [2**(diff-1), 2**(diff+1)): far enough out, it overflows or rounds to zero whatever the
  // digits, and the big shifts below are never made.
  int64_t diff = static_cast<int64_t>(n.bit_length()) - static_cast<int64_t>(d.bit_length());
  if (diff > kMaxExp) return std::nullopt;
  if (diff < kMinExp - kMantissaBits - 1) return zero;
  // Scale so the integer quotient carries 2-3 bits past the precision the result can hold: 53 bits for a normal
  // result, fewer for a subnormal one, whose last bit is worth 2**-1074 whatever the exponent. Rounding that
  // integer once, half to even with the remainder as a sticky bit, to exactly the bits the double keeps makes the
  // final ldexp exact, so there is a single rounding (dividing to 53 bits and letting ldexp round a subnormal
  // again would round twice).
  int64_t shift = std::max(diff, kMinExp) - kMantissaBits - 2;
  if (shift > 0) d = d.shifted_left(static_cast<uint64_t>(shift));
  else n = n.shifted_left(static_cast<uint64_t>(-shift));
  BigInt q, r;
  floor_divmod(n, d, &q, &r);
  uint64_t bits = mpz_get_ui(q.v_);  // below 2**57 by the choice of shift
  int64_t kept_from = std::max(static_cast<int64_t>(q.bit_length()), kMinExp - shift) - kMantissaBits;
  uint64_t half = uint64_t{1} << (kept_from - 1);
  uint64_t dropped = (bits & (2 * half - 1)) | (r.is_zero() ? 0 : 1);
  bits &= ~(2 * half - 1);
  if ((dropped & half) && ((dropped & (half - 1)) || (bits & (2 * half)))) bits += 2 * half;
  double result = std::ldexp(static_cast<double>(bits), static_cast<int>(shift));
  if (std::isinf(result)) return std::nullopt;
  return negative ? -result : result;
}

}  // namespace minipy
