// Float arithmetic with Python's semantics, shared by constant folding (compiler) and the VM's float type.
#pragma once

namespace minipy {

// Python's a // b and a % b for floats (floatobject.c's float_divmod): the remainder takes the divisor's sign,
// signed zeros as CPython produces them. `b` must not be zero.
void float_divmod(double a, double b, double* floordiv, double* mod);

}  // namespace minipy
