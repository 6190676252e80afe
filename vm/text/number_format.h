// Numbers to text and back, as CPython 3.11 does it: format() / str.format()'s format-spec mini-language for
// int, float and str, float repr/str, int in any base, int() and float() parsing of strs, and round() of
// floats. Everything is pure over int64_t / BigInt / double and UTF-8; errors come back as TextError.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "compiler/bigint.h"
#include "vm/text/text_error.h"

namespace minipy::text {

// CPython's default sys.get_int_max_str_digits(): decimal conversions of ints with more digits fail.
inline constexpr int64_t kDefaultIntMaxStrDigits = 4300;
// The limit in force: sys.set_int_max_str_digits() / -X int_max_str_digits / PYTHONINTMAXSTRDIGITS set it
// (0 = no limit). One interpreter per process, so a process-wide value, as CPython's per-interpreter one.
int64_t current_int_max_str_digits();
void set_current_int_max_str_digits(int64_t limit);
// sys.flags.int_max_str_digits: the limit -X int_max_str_digits or PYTHONINTMAXSTRDIGITS gave, -1 when neither.
int64_t configured_int_max_str_digits();
void set_configured_int_max_str_digits(int64_t limit);
// CPython's sys.int_info.str_digits_check_threshold: the smallest limit other than 0 that may be set.
inline constexpr int64_t kIntMaxStrDigitsThreshold = 640;

// A parsed [[fill]align][sign][z][#][0][width][grouping][.precision][type] specifier.
struct FormatSpec {
  char32_t fill = ' ';
  char align = 0;            // '<', '>', '^', '=' or 0 when not given
  char sign = 0;             // '+', '-', ' ' or 0 when not given
  bool no_negative_zero = false;  // 'z'
  bool alternate = false;         // '#'
  int64_t width = -1;             // -1 when not given
  char grouping = 0;              // ',' or '_' (or 0)
  int64_t precision = -1;         // -1 when not given
  char32_t type = 0;              // the presentation type, 0 when not given
};

// Parses `spec` for an object whose Python type is named `type_name` (used in the error messages), with that
// type's default alignment ('>' for numbers, '<' for str) and presentation type ('d' for int, 's' for str, 0
// for float), which takes part in the checks of the grouping option.
TextResult<FormatSpec> parse_format_spec(std::string_view spec, std::string_view type_name, char default_align,
                                         char32_t default_type);

// format(value, spec) for ints. `type_name` is "int" or "bool" (or a subclass's name) for error messages; an
// empty spec gives str(value), which for bool the caller must handle. `max_str_digits` is
// sys.get_int_max_str_digits() (0 = no limit).
TextResult<std::string> format_int(int64_t value, std::string_view spec, std::string_view type_name = "int",
                                   int64_t max_str_digits = current_int_max_str_digits());
TextResult<std::string> format_int(const BigInt& value, std::string_view spec, std::string_view type_name = "int",
                                   int64_t max_str_digits = current_int_max_str_digits());
// format(value, spec) for floats.
TextResult<std::string> format_float(double value, std::string_view spec, std::string_view type_name = "float");
// format(value, spec) for complex numbers (real, imag); `spec` is not empty (empty means str(value)).
TextResult<std::string> format_complex(double real, double imag, std::string_view spec,
                                       std::string_view type_name = "complex");
// format(value, spec) for strs.
TextResult<std::string> format_str(std::string_view value, std::string_view spec,
                                   std::string_view type_name = "str");

// repr() and str() of a float (the same in Python 3).
std::string float_to_string(double value);
// CPython's PyOS_double_to_string for `code` in "eEfFgGr" with `precision`; `alternate` is the '#' flag and
// `add_dot_zero` keeps integral results looking like floats (repr and the no-type format). Used by
// %-formatting and format(). Returns the text including a leading '-' when negative.
std::string double_to_string(double value, char code, int precision, bool alternate, bool add_dot_zero,
                             bool no_negative_zero = false);

// str() of an int (base 10), failing like CPython past `max_str_digits` (0 = no limit).
TextResult<std::string> int_to_decimal(const BigInt& value, int64_t max_str_digits = current_int_max_str_digits());
// bin()/oct()/hex() of an int: `base` 2, 8 or 16, with the '0b'/'0o'/'0x' prefix after any '-'.
std::string int_to_prefixed(const BigInt& value, int base);

// int(text, base): Python's rules for str arguments (surrounding whitespace, sign, base prefixes when base is
// 0 or matches, underscores between digits, any Unicode decimal digit). `base` is 0 or 2..36; others fail
// with "int() base must be >= 2 and <= 36, or 0".
TextResult<BigInt> parse_int(std::string_view text, int64_t base = 10,
                             int64_t max_str_digits = current_int_max_str_digits());
// float(text) for a str: whitespace, sign, underscores between digits, inf/infinity/nan in any case.
TextResult<double> parse_float(std::string_view text);
// The str argument of int(), float() and complex() as CPython's _PyUnicode_TransformDecimalAndSpaceToASCII rewrites
// it before parsing, so '١٢' and '１+２j' parse as ASCII digits would.
std::string to_ascii_number_text(std::string_view text);

// round(value, ndigits) for a float: correctly rounded, half to even on the exact binary value, as CPython's
// double_round. Fails with OverflowError "rounded value too large to represent".
TextResult<double> round_float(double value, int64_t ndigits);
// round(value) for a float: the nearest int, ties to even; fails for inf and nan like int(value).
TextResult<BigInt> round_float_to_int(double value);
// round(value, ndigits) for an int: unchanged for ndigits >= 0, else to a multiple of 10**-ndigits, ties to
// even.
BigInt round_int(const BigInt& value, int64_t ndigits);
// int(value) for a float: truncates; fails for inf ("cannot convert float infinity to integer") and nan.
TextResult<BigInt> float_to_int(double value);

}  // namespace minipy::text
