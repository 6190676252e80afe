// Complex arithmetic with CPython 3.11's algorithms (complexobject.c: _Py_c_prod, _Py_c_quot, c_powi, _Py_c_pow,
// complex_pow's error rules and complex_hash), shared by constant folding (compiler) and the VM's complex type,
// so that `(1+2j)**3` folded at compile time and computed at run time give the same bits.
#pragma once
#include <cstdint>

namespace minipy {

struct ComplexValue {
  double real = 0.0;
  double imag = 0.0;
};

// What an operation that can fail reports instead of a value (the VM raises, the folder leaves the expression).
enum class ComplexError : uint8_t {
  kNone,
  kZeroDivision,  // division by 0j ("complex division by zero") or 0j to a negative/complex power
  kOverflow,      // an infinite result of `**` from finite operands ("complex exponentiation")
};

ComplexValue complex_product(ComplexValue a, ComplexValue b);
// a / b by Smith's method as _Py_c_quot; kZeroDivision when b is 0j.
ComplexValue complex_quotient(ComplexValue a, ComplexValue b, ComplexError* error);
// a ** b: integral exponents up to 100 in magnitude by repeated squaring (c_powi), others through polar form;
// `error` as complex_pow sets it.
ComplexValue complex_power(ComplexValue a, ComplexValue b, ComplexError* error);
// hash() of a complex whose parts hash to `real_hash` and `imag_hash` (float hashes): real + 1000003 * imag in
// unsigned arithmetic, -1 mapped to -2.
int64_t complex_hash(int64_t real_hash, int64_t imag_hash);

}  // namespace minipy
