// Float arithmetic with Python's semantics, shared by constant folding (compiler) and the VM's float type.
#pragma once
#include <cstdint>

namespace minipy {

// Python's a // b and a % b for floats (floatobject.c's float_divmod): the remainder takes the divisor's sign,
// signed zeros as CPython produces them. `b` must not be zero.
void float_divmod(double a, double b, double* floordiv, double* mod);

// hash() of a non-NaN float (pyhash.c's _Py_HashDouble): equal to the hash of an equal int; infinities hash to
// +-314159. NaN hashes by identity in CPython 3.11, so callers decide for it.
int64_t float_hash(double v);

}  // namespace minipy
