// Arbitrary-precision integers with Python's semantics (floor division, modulo with the divisor's sign,
// two's-complement bit operations), backed by GMP. Used by the compiler (literals, constant folding), marshal
// (the 'l' type) and the VM's int objects beyond the inline small-int range.
#pragma once
#include <gmp.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace minipy {

class BigInt {
 public:
  BigInt() { mpz_init(v_); }
  BigInt(int64_t x) { mpz_init(v_); set_int64(x); }  // NOLINT: implicit on purpose, ints are ints
  BigInt(const BigInt& o) { mpz_init_set(v_, o.v_); }
  BigInt(BigInt&& o) noexcept { mpz_init(v_); mpz_swap(v_, o.v_); }
  BigInt& operator=(const BigInt& o) { mpz_set(v_, o.v_); return *this; }
  BigInt& operator=(BigInt&& o) noexcept { mpz_swap(v_, o.v_); return *this; }
  ~BigInt() { mpz_clear(v_); }

  // Parses digits in `base` (2..36); accepts underscores only between digits, as int() does. No sign, no
  // prefix, no whitespace: callers strip those. nullopt when the text is not a valid number in that base.
  static std::optional<BigInt> parse(std::string_view digits, int base);
  // Truncates toward zero; the caller has rejected inf and nan.
  static BigInt from_double(double d);
  // Base 2**15 digits, least significant first, as marshal's 'l' type stores them.
  static BigInt from_digits15(std::span<const uint16_t> digits, bool negative);

  bool fits_int64() const;
  int64_t to_int64() const;  // only when fits_int64()
  std::string to_string(int base = 10) const;  // lowercase digits, leading '-' if negative, no prefix
  std::vector<uint16_t> to_digits15() const;   // of the absolute value
  int sign() const { return mpz_sgn(v_); }
  bool is_zero() const { return mpz_sgn(v_) == 0; }
  bool is_odd() const { return mpz_odd_p(v_) != 0; }
  uint64_t bit_length() const;  // of the absolute value; 0 for 0
  // Correctly rounded (half to even) conversion; nullopt when the value is too large for a double.
  std::optional<double> to_double() const;

  friend int compare(const BigInt& a, const BigInt& b) { return mpz_cmp(a.v_, b.v_); }
  friend bool operator==(const BigInt& a, const BigInt& b) { return mpz_cmp(a.v_, b.v_) == 0; }
  friend auto operator<=>(const BigInt& a, const BigInt& b) { return mpz_cmp(a.v_, b.v_) <=> 0; }

  friend BigInt operator+(const BigInt& a, const BigInt& b) { BigInt r; mpz_add(r.v_, a.v_, b.v_); return r; }
  friend BigInt operator-(const BigInt& a, const BigInt& b) { BigInt r; mpz_sub(r.v_, a.v_, b.v_); return r; }
  friend BigInt operator*(const BigInt& a, const BigInt& b) { BigInt r; mpz_mul(r.v_, a.v_, b.v_); return r; }
  BigInt operator-() const { BigInt r; mpz_neg(r.v_, v_); return r; }
  BigInt abs() const { BigInt r; mpz_abs(r.v_, v_); return r; }
  BigInt invert() const { BigInt r; mpz_com(r.v_, v_); return r; }   // ~x == -x-1
  friend BigInt operator&(const BigInt& a, const BigInt& b) { BigInt r; mpz_and(r.v_, a.v_, b.v_); return r; }
  friend BigInt operator|(const BigInt& a, const BigInt& b) { BigInt r; mpz_ior(r.v_, a.v_, b.v_); return r; }
  friend BigInt operator^(const BigInt& a, const BigInt& b) { BigInt r; mpz_xor(r.v_, a.v_, b.v_); return r; }
  BigInt shifted_left(uint64_t n) const { BigInt r; mpz_mul_2exp(r.v_, v_, n); return r; }
  BigInt shifted_right(uint64_t n) const { BigInt r; mpz_fdiv_q_2exp(r.v_, v_, n); return r; }  // floors
  // Python's // and % (the divisor must not be zero).
  static void floor_divmod(const BigInt& a, const BigInt& b, BigInt* quotient, BigInt* remainder);
  BigInt pow(uint64_t exponent) const { BigInt r; mpz_pow_ui(r.v_, v_, exponent); return r; }
  // a / b correctly rounded to a double (Python's int true division; b != 0); nullopt when it overflows.
  static std::optional<double> true_divide(const BigInt& a, const BigInt& b);
  // pow(base, exp, mod) for exp >= 0 and mod != 0, with the result's sign following mod as Python's does.
  static BigInt pow_mod(const BigInt& base, const BigInt& exp, const BigInt& mod);

  mpz_srcptr raw() const { return v_; }
  mpz_ptr raw() { return v_; }

 private:
  void set_int64(int64_t x);
  mpz_t v_;
};

}  // namespace minipy
