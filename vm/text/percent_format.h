// printf-style formatting (str % args): a parser that splits the format into literal text and conversion
// specs, and the conversions of ints, floats and already-converted text for a given spec. The VM owns the
// arguments: it fetches them, calls str()/repr()/ascii() or __int__/__float__, and raises the TypeErrors about
// argument counts and types ("not enough arguments for format string", "%d format: a real number is required,
// not str", "format requires a mapping", ...).
//
// CPython's order for each conversion, which the VM follows:
//   1. spec.key given but the argument is not a mapping -> TypeError "format requires a mapping";
//      spec.key_incomplete -> ValueError "incomplete format key"; otherwise look the key up (KeyError).
//   2. width_from_argument / precision_from_argument: fetch those ints in that order ("* wants int") and store
//      them with set_star_width / set_star_precision.
//   3. spec.error (e.g. "incomplete format") -> raise it.
//   4. fetch the value (unless a key supplied it), then convert by spec.conversion; anything but
//      s r a c d i u o x X e E f F g G fails with unsupported_conversion(spec).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "compiler/bigint.h"
#include "vm/text/number_format.h"
#include "vm/text/text_error.h"

namespace minipy::text {

struct PercentSpec {
  std::optional<std::string_view> key;  // the text inside %(...)
  bool key_incomplete = false;          // "%(" without its closing parenthesis
  bool left_adjust = false;             // '-'
  bool plus_sign = false;               // '+'
  bool blank_sign = false;              // ' '
  bool alternate = false;               // '#'
  bool zero_pad = false;                // '0'
  bool width_from_argument = false;     // width given as '*'
  bool precision_from_argument = false; // precision given as '*'
  int64_t width = -1;                   // -1 when not given
  int64_t precision = -1;               // -1 when not given
  char32_t conversion = 0;
  size_t conversion_index = 0;          // code point index of the conversion character, for the error message
  std::optional<TextError> error;       // a malformed spec, raised after the '*' arguments are fetched
};

struct PercentPiece {
  std::string_view literal;  // text to copy ("%%" yields a literal "%")
  std::optional<PercentSpec> spec;
};

// Iterates over the pieces of a %-format string (which must outlive the parser).
class PercentParser {
 public:
  explicit PercentParser(std::string_view format) : text_(format) {}
  // The next piece, or nullopt at the end of the format.
  std::optional<PercentPiece> next();

 private:
  PercentSpec parse_spec();
  // Reads the digits of a width or precision that starts with `first`, leaving the following character in
  // `*next`; false (with spec.error set) when the format ends or the number exceeds `limit`.
  bool read_number(char32_t first, int64_t limit, const char* too_big, int64_t* value, char32_t* next,
                   PercentSpec& spec);
  std::string_view text_;
  size_t pos_ = 0;
  size_t index_ = 0;  // code point index of pos_
};

// Stores a '*' width taken from an argument: negative means left-adjusted.
void set_star_width(PercentSpec& spec, int64_t width);
// Stores a '*' precision taken from an argument: negative means 0.
void set_star_precision(PercentSpec& spec, int64_t precision);

// "unsupported format character 'y' (0x79) at index 3" for the spec's conversion.
TextError unsupported_conversion(const PercentSpec& spec);

// The conversions below return MemoryError when the spec's width or precision exceeds kMaxTextResult.
// %d %i %u %o %x %X of `value` under `spec`.
// Decimal conversions fail past `max_str_digits` digits like str() does (0 = no limit).
TextResult<std::string> percent_format_int(const BigInt& value, const PercentSpec& spec,
                                           int64_t max_str_digits = current_int_max_str_digits());
// %e %E %f %F %g %G of `value` under `spec`.
TextResult<std::string> percent_format_float(double value, const PercentSpec& spec);
// %s %r %a of the already-converted `text`: precision truncates, width pads with spaces.
TextResult<std::string> percent_format_text(std::string_view text, const PercentSpec& spec);
// %c of code point `code_point` (the VM checks range(0x110000) and one-character strs).
TextResult<std::string> percent_format_char(char32_t code_point, const PercentSpec& spec);

}  // namespace minipy::text
