// Python's repr() of a float: the shortest string that round-trips, in fixed notation for decimal exponents in
// [-4, 16), scientific ('1e+16', '1e-05') outside, '.0' added to integral values, and 'inf', '-inf', 'nan'.
#pragma once
#include <string>

namespace minipy {

std::string float_repr(double value);

// The shortest round-trip decimal digits of |value| (finite, non-zero) and the position of the decimal point:
// |value| == 0.DIGITS * 10**decimal_point. Shared by repr, str.format's 'r'/'g'-style paths and marshal tests.
void shortest_digits(double value, std::string* digits, int* decimal_point);

}  // namespace minipy
