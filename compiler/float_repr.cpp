// repr() of floats, shared by the compiler (constants in error messages and dis output, the annotation unparser) and
// the VM's float type, so the two never disagree on a value's text.
#include "compiler/float_repr.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace minipy {

// std::to_chars without a precision produces the shortest digit string that reads back to the same double (the
// guarantee of David Gay's "mode 0", which CPython's repr uses through _Py_dg_dtoa), so the digits match CPython's for
// every double.
void shortest_digits(double value, std::string* digits, int* decimal_point) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, std::fabs(value), std::chars_format::scientific);
  std::string_view s(buf, res.ptr - buf);  // "d.dddde+XX" or "de+XX"
  size_t e = s.find('e');
  digits->clear();
  for (char c : s.substr(0, e))
    if (c != '.') digits->push_back(c);
  while (digits->size() > 1 && digits->back() == '0') digits->pop_back();
  *decimal_point = std::atoi(std::string(s.substr(e + 1)).c_str()) + 1;
}

std::string float_repr(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  std::string out = std::signbit(value) ? "-" : "";
  if (value == 0) return out + "0.0";
  std::string digits;
  int point;
  shortest_digits(value, &digits, &point);
  int n = static_cast<int>(digits.size());
  // float_repr_style 'short': positional notation when the decimal exponent is in [-4, 16), scientific otherwise,
  // always with a ".0" or a fraction so the text reads back as a float.
  if (point > -4 && point <= 16) {
    if (point <= 0) {
      out += "0." + std::string(-point, '0') + digits;
    } else if (point >= n) {
      out += digits + std::string(point - n, '0') + ".0";
    } else {
      out += digits.substr(0, point) + "." + digits.substr(point);
    }
    return out;
  }
  out += digits.substr(0, 1);
  if (n > 1) out += "." + digits.substr(1);
  int exp = point - 1;
  char buf[16];
  // The exponent has a sign and at least two digits (1e+16, 1e-05), as repr prints it.
  std::snprintf(buf, sizeof buf, "e%c%02d", exp < 0 ? '-' : '+', std::abs(exp));
  return out + buf;
}

}  // namespace minipy
