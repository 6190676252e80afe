// format()'s mini-language for int, float and str, and PyOS_double_to_string. The layout of a formatted
// number follows CPython's calc_number_widths/fill_number:
//   <left padding> <sign> <prefix> <sign padding> <grouped digits> <remainder> <right padding>
#include "vm/text/number_format.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include "compiler/float_repr.h"
#include "compiler/parse.h"
#include "vm/text/unicode.h"

namespace minipy::text {
namespace {

// How CPython names a presentation type in its messages: the character itself, or '\x1' style when it is
// not printable ASCII.
std::string type_char_text(char32_t type) {
  if (type > 32 && type < 128) return std::string(1, static_cast<char>(type));
  return fmt::format("\\x{:x}", static_cast<uint32_t>(type));
}

TextError unknown_format_code(char32_t type, std::string_view type_name) {
  return value_error(fmt::format("Unknown format code '{}' for object of type '{}'", type_char_text(type),
                                 type_name));
}

bool is_alignment(char32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

// Reads decimal digits (any script) at `*pos` into `*out`; returns how many were read, or -1 on overflow.
// CPython's get_integer accepts any Unicode decimal digit in a width or precision (format(1, '٣') is a width of 3),
// hence decimal_value rather than '0'..'9'.
int64_t read_integer(const std::u32string& spec, size_t* pos, int64_t* out) {
  int64_t value = 0, digits = 0;
  for (; *pos < spec.size(); ++*pos, ++digits) {
    int digit = decimal_value(spec[*pos]);
    if (digit < 0) break;
    if (value > (std::numeric_limits<int64_t>::max() - digit) / 10) return -1;
    value = value * 10 + digit;
  }
  *out = value;
  return digits;
}

// Inserts `separator` every `group` digits of `digits` (counting from the right), padding with zeros on the
// left until the result is at least `min_width` long, the way _PyUnicode_InsertThousandsGrouping does it.
// The min_width case is '=' alignment with a '0' fill: the zeros become part of the number and are grouped too
// (format(1234, '010,') is '00,001,234'), which is why padding and grouping happen in one loop.
std::string group_digits(std::string_view digits, char separator, int64_t group, int64_t min_width) {
  std::string reversed;
  auto remaining = static_cast<int64_t>(digits.size());
  size_t end = digits.size();
  if (separator == 0) {
    int64_t zeros = std::max<int64_t>(0, std::max<int64_t>(min_width, 1) - remaining);
    return std::string(static_cast<size_t>(zeros), '0') + std::string(digits);
  }
  bool use_separator = false;
  while (true) {
    int64_t length = std::min(group, std::max({remaining, min_width, int64_t{1}}));
    int64_t zeros = std::max<int64_t>(0, length - remaining);
    int64_t chars = std::max<int64_t>(0, std::min(remaining, length));
    if (use_separator) reversed.push_back(separator);
    for (int64_t i = 0; i < chars; ++i) reversed.push_back(digits[--end]);
    reversed.append(static_cast<size_t>(zeros), '0');
    use_separator = true;
    remaining -= chars;
    min_width -= length;
    if (remaining <= 0 && min_width <= 0) break;
    min_width -= 1;
  }
  std::reverse(reversed.begin(), reversed.end());
  return reversed;
}

// Pads `body` (already `body_width` code points wide) to the spec's width with its fill and alignment.
std::string pad_aligned(std::string_view body, int64_t body_width, const FormatSpec& spec, char default_align) {
  int64_t padding = spec.width - body_width;
  if (padding <= 0) return std::string(body);
  char align = spec.align ? spec.align : default_align;
  int64_t left = align == '>' ? padding : align == '^' ? padding / 2 : 0;
  std::string fill = utf8_of(spec.fill), out;
  for (int64_t i = 0; i < left; ++i) out += fill;
  out += body;
  for (int64_t i = left; i < padding; ++i) out += fill;
  return out;
}

// Lays out a number: `negative` and the spec decide the sign; `digits` are the integer digits (grouped as the
// spec asks); `remainder` is everything after them (decimal point, fraction, exponent, '%', or the 'c' char).
// The default alignment for numbers is right; '=' puts the padding between the sign/prefix and the digits; a '0' fill
// with '=' is handled inside group_digits so that separators land in the zero padding as well.
std::string layout_number(const FormatSpec& spec, bool negative, std::string_view prefix, std::string_view digits,
                          std::string_view remainder, int64_t group) {
  std::string sign = negative ? "-" : spec.sign == '+' ? "+" : spec.sign == ' ' ? " " : "";
  auto remainder_width = static_cast<int64_t>(code_point_count(remainder));
  int64_t fixed = static_cast<int64_t>(sign.size() + prefix.size()) + remainder_width;
  int64_t min_width = spec.fill == '0' && spec.align == '=' ? spec.width - fixed : 0;
  std::string grouped = digits.empty() ? std::string() : group_digits(digits, spec.grouping, group, min_width);
  int64_t padding = spec.width - (fixed + static_cast<int64_t>(grouped.size()));
  std::string out;
  std::string fill = utf8_of(spec.fill);
  auto add_fill = [&](int64_t n) {
    for (int64_t i = 0; i < n; ++i) out += fill;
  };
  int64_t left = 0, inner = 0, right = 0;
  if (padding > 0) {
    switch (spec.align) {
      case '<': right = padding; break;
      case '^': left = padding / 2; right = padding - left; break;
      case '=': inner = padding; break;
      default: left = padding; break;
    }
  }
  add_fill(left);
  out += sign;
  out += prefix;
  add_fill(inner);
  out += grouped;
  out += remainder;
  add_fill(right);
  return out;
}

// The shortest digits (mode 0) or `significant` correctly rounded digits (mode 2) of |value|, trailing zeros
// stripped, with the decimal point position: |value| == 0.DIGITS * 10**decimal_point. Zero is "0", point 1.
// std::to_chars with a precision is correctly rounded (round-half-even on the exact binary value), which is what
// CPython's _Py_dg_dtoa mode 2 gives, so '%.17g' and format(x, '.3e') agree digit for digit.
void decimal_digits(double value, int significant, std::string* digits, int* decimal_point) {
  if (value == 0) {
    *digits = "0";
    *decimal_point = 1;
    return;
  }
  if (significant <= 0) {
    shortest_digits(value, digits, decimal_point);
    return;
  }
  std::string buf(static_cast<size_t>(significant) + 32, '\0');
  auto res = std::to_chars(buf.data(), buf.data() + buf.size(), std::fabs(value), std::chars_format::scientific,
                           significant - 1);
  std::string_view text(buf.data(), static_cast<size_t>(res.ptr - buf.data()));
  size_t e = text.find('e');
  digits->clear();
  for (char c : text.substr(0, e))
    if (c != '.') digits->push_back(c);
  while (digits->size() > 1 && digits->back() == '0') digits->pop_back();
  int exponent = 0;
  std::string_view exp_text = text.substr(e + 1);
  if (exp_text[0] == '+') exp_text.remove_prefix(1);
  std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), exponent);
  *decimal_point = exponent + 1;
}

// 'f' is done by to_chars directly: its fixed format is exact; the buffer is sized for the longest double (309 integer
// digits) plus the requested fraction.
std::string fixed_text(double magnitude, int precision) {
  std::string buf(static_cast<size_t>(precision) + 330, '\0');
  auto res = std::to_chars(buf.data(), buf.data() + buf.size(), magnitude, std::chars_format::fixed, precision);
  buf.resize(static_cast<size_t>(res.ptr - buf.data()));
  return buf;
}

// Places the decimal point (and exponent) in `digits` like CPython's format_float_short for the 'e', 'g' and
// 'r' codes; `min_digits_end` is how far right zeros must pad the digit string.
std::string place_point(const std::string& digits, int decimal_point, bool use_exponent, int min_digits_end,
                        bool add_dot_zero, bool alternate) {
  int exponent = 0;
  if (use_exponent) {
    exponent = decimal_point - 1;
    decimal_point = 1;
  }
  auto length = static_cast<int>(digits.size());
  int digits_start = decimal_point <= 0 ? decimal_point - 1 : 0;
  int digits_end = min_digits_end;
  if (!use_exponent && add_dot_zero) {
    digits_end = std::max(digits_end, decimal_point + 1);
  } else {
    digits_end = std::max(digits_end, decimal_point);
  }
  std::string out;
  if (decimal_point <= 0) {
    out.append(static_cast<size_t>(decimal_point - digits_start), '0');
    out.push_back('.');
    out.append(static_cast<size_t>(-decimal_point), '0');
  }
  if (decimal_point > 0 && decimal_point <= length) {
    out += digits.substr(0, static_cast<size_t>(decimal_point));
    out.push_back('.');
    out += digits.substr(static_cast<size_t>(decimal_point));
  } else {
    out += digits;
  }
  if (length < decimal_point) {
    out.append(static_cast<size_t>(decimal_point - length), '0');
    out.push_back('.');
    out.append(static_cast<size_t>(std::max(0, digits_end - decimal_point)), '0');
  } else {
    out.append(static_cast<size_t>(std::max(0, digits_end - length)), '0');
  }
  if (out.back() == '.' && !alternate) out.pop_back();
  if (use_exponent) out += fmt::format("e{}{:02d}", exponent < 0 ? '-' : '+', std::abs(exponent));
  return out;
}

bool all_zero_digits(std::string_view text) {
  return std::none_of(text.begin(), text.end(), [](char c) { return c >= '1' && c <= '9'; });
}

std::string upper_ascii(std::string text) {
  for (char& c : text)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  return text;
}

// format() of an int given as its base-10-or-other digits: the work shared by int64 and BigInt values.
// `digits_of(base)` produces the magnitude's digits in lowercase; `as_double` converts for float types.
template <class DigitsOf, class AsDouble, class AsCodePoint>
// int.__format__ (long_format / format_long_internal): float presentation types convert the int to a float first (so
// they can overflow); the integer ones build digits in the base and lay them out. The order of the error checks is
// CPython's, since a spec with several faults must report the same one.
TextResult<std::string> format_integer(bool negative, std::string_view spec_text, std::string_view type_name,
                                       int64_t max_str_digits, DigitsOf digits_of, AsDouble as_double,
                                       AsCodePoint as_code_point) {
  auto parsed = parse_format_spec(spec_text, type_name, '>', 'd');
  if (!parsed.ok()) return parsed.error();
  FormatSpec spec = parsed.value();
  char32_t type = spec.type;
  switch (type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
      auto value = as_double();
      if (!value.ok()) return value.error();
      return format_float(value.value(), spec_text, type_name);
    }
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n': break;
    default: return unknown_format_code(type, type_name);
  }
  if (spec.precision != -1) return value_error("Precision not allowed in integer format specifier");
  if (spec.width > kMaxTextResult) return memory_error();
  if (spec.no_negative_zero) {
    return value_error("Negative zero coercion (z) not allowed in integer format specifier");
  }
  if (!spec.align) spec.align = '>';
  if (type == 'c') {
    if (spec.sign) return value_error("Sign not allowed with integer format specifier 'c'");
    if (spec.alternate) return value_error("Alternate form (#) not allowed with integer format specifier 'c'");
    auto code_point = as_code_point();
    if (!code_point.ok()) return code_point.error();
    return layout_number(spec, false, "", "", utf8_of(static_cast<char32_t>(code_point.value())), 3);
  }
  int base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
  std::string digits = digits_of(base);
  // The 3.11 int-to-str limit applies to base 10 only, because only decimal conversion is quadratic.
  if (base == 10 && max_str_digits > 0 && static_cast<int64_t>(digits.size()) > max_str_digits) {
    return value_error(fmt::format("Exceeds the limit ({} digits) for integer string conversion; use "
                                   "sys.set_int_max_str_digits() to increase the limit", max_str_digits));
  }
  std::string prefix;
  if (spec.alternate && base != 10) prefix = base == 2 ? "0b" : base == 8 ? "0o" : "0x";
  if (type == 'X') {
    digits = upper_ascii(std::move(digits));
    prefix = upper_ascii(std::move(prefix));
  }
  // PEP 515: '_' groups binary, octal and hex digits by four.
  int64_t group = (spec.grouping == '_' && base != 10) ? 4 : 3;
  return layout_number(spec, negative, prefix, digits, "", group);
}

}  // namespace

// The standard format specifier, [[fill]align][sign][z][#][0][width][grouping][.precision][type], parsed as
// Python/formatter_unicode.c's parse_internal_render_format_spec does, with its error messages. The spec is decoded to
// code points first because the fill may be any character.
TextResult<FormatSpec> parse_format_spec(std::string_view spec_text, std::string_view type_name,
                                         char default_align, char32_t default_type) {
  std::u32string spec;
  for (size_t pos = 0; pos < spec_text.size();) spec.push_back(next_code_point(spec_text, &pos));
  FormatSpec out;
  out.type = default_type;
  size_t pos = 0, end = spec.size();
  bool fill_given = false, align_given = false;
  if (end - pos >= 2 && is_alignment(spec[pos + 1])) {
    out.fill = spec[pos];
    out.align = static_cast<char>(spec[pos + 1]);
    fill_given = align_given = true;
    pos += 2;
  } else if (end - pos >= 1 && is_alignment(spec[pos])) {
    out.align = static_cast<char>(spec[pos]);
    align_given = true;
    ++pos;
  }
  if (pos < end && (spec[pos] == '+' || spec[pos] == '-' || spec[pos] == ' ')) out.sign = static_cast<char>(spec[pos++]);
  if (pos < end && spec[pos] == 'z') {
    out.no_negative_zero = true;
    ++pos;
  }
  if (pos < end && spec[pos] == '#') {
    out.alternate = true;
    ++pos;
  }
  // A leading '0' before the width means fill '0' with '=' alignment for numbers, unless a fill or an alignment was
  // given explicitly; for strings (default alignment '<') it only sets the fill.
  if (!fill_given && pos < end && spec[pos] == '0') {
    out.fill = '0';
    if (!align_given && default_align == '>') out.align = '=';
    ++pos;
  }
  int64_t consumed = read_integer(spec, &pos, &out.width);
  if (consumed < 0) return value_error("Too many decimal digits in format string");
  if (consumed == 0) out.width = -1;
  if (pos < end && spec[pos] == ',') {
    out.grouping = ',';
    ++pos;
  }
  if (pos < end && spec[pos] == '_') {
    if (out.grouping) return value_error("Cannot specify both ',' and '_'.");
    out.grouping = '_';
    ++pos;
  }
  if (pos < end && spec[pos] == ',' && out.grouping == '_') return value_error("Cannot specify both ',' and '_'.");
  if (pos < end && spec[pos] == '.') {
    ++pos;
    consumed = read_integer(spec, &pos, &out.precision);
    if (consumed < 0) return value_error("Too many decimal digits in format string");
    if (consumed == 0) return value_error("Format specifier missing precision");
  }
  // More than one character left means the spec is malformed; CPython reports the whole spec text.
  if (end - pos > 1) {
    return value_error(fmt::format("Invalid format specifier '{}' for object of type '{}'", spec_text, type_name));
  }
  if (pos < end) out.type = spec[pos];
  if (out.grouping) {
    switch (out.type) {
      case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0: break;
      case 'b': case 'o': case 'x': case 'X':
        if (out.grouping == '_') break;
        [[fallthrough]];
      default:
        return value_error(fmt::format("Cannot specify '{}' with '{}'.", out.grouping, type_char_text(out.type)));
    }
  }
  return out;
}

// Lays out the text double_to_string made ("-12.5e+03", "inf") as a number under `spec`: sign, grouped integer
// digits, then the rest.
static std::string layout_float_text(const FormatSpec& spec, std::string_view text) {
  bool negative = !text.empty() && text[0] == '-';
  std::string_view number(text);
  if (negative) number.remove_prefix(1);
  size_t digits_end = 0;
  while (digits_end < number.size() && number[digits_end] >= '0' && number[digits_end] <= '9') ++digits_end;
  return layout_number(spec, negative, "", number.substr(0, digits_end), number.substr(digits_end), 3);
}

// PyOS_double_to_string: 'r' is repr (shortest round-trip digits, exponent past 1e16 or below 1e-4), 'e' 'f' 'g' as C's
// printf but with CPython's rules for '#' and for add_dot_zero (format() with no type: "1.0" not "1").
std::string double_to_string(double value, char code, int precision, bool alternate, bool add_dot_zero,
                             bool no_negative_zero) {
  bool upper = code == 'E' || code == 'F' || code == 'G';
  char lower_code = static_cast<char>(upper ? code + 32 : code);
  if (std::isnan(value)) return upper ? "NAN" : "nan";
  bool negative = std::signbit(value);
  if (std::isinf(value)) return std::string(negative ? "-" : "") + (upper ? "INF" : "inf");
  double magnitude = std::fabs(value);
  std::string body, digits;
  int point = 0;
  switch (lower_code) {
    case 'f':
      body = fixed_text(magnitude, precision);
      if (alternate && precision == 0) body.push_back('.');
      break;
    case 'e':
      decimal_digits(magnitude, precision + 1, &digits, &point);
      body = place_point(digits, point, true, precision + 1, add_dot_zero, alternate);
      break;
    case 'g': {
      if (precision == 0) precision = 1;
      decimal_digits(magnitude, precision, &digits, &point);
      bool use_exponent = point <= -4 || point > (add_dot_zero ? precision - 1 : precision);
      body = place_point(digits, point, use_exponent, alternate ? precision : 0, add_dot_zero, alternate);
      break;
    }
    default:  // 'r'
      decimal_digits(magnitude, 0, &digits, &point);
      body = place_point(digits, point, point <= -4 || point > 16, 0, add_dot_zero, alternate);
      break;
  }
  // PEP 682's 'z': a negative value that rounds to zero at this precision loses its sign (format(-0.001, 'z.1f')).
  if (negative && no_negative_zero && all_zero_digits(body.substr(0, body.find('e')))) negative = false;
  if (upper) body = upper_ascii(std::move(body));
  return negative ? "-" + body : body;
}

std::string float_to_string(double value) { return float_repr(value); }

// float.__format__. An empty spec is str(x); no type behaves like 'g' with at least one digit after the point, but
// keeps repr's digits when no precision is given; '%' multiplies by 100 and uses 'f'.
TextResult<std::string> format_float(double value, std::string_view spec_text, std::string_view type_name) {
  if (spec_text.empty()) return float_repr(value);
  auto parsed = parse_format_spec(spec_text, type_name, '>', 0);
  if (!parsed.ok()) return parsed.error();
  FormatSpec spec = parsed.value();
  switch (spec.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%': break;
    default: return unknown_format_code(spec.type, type_name);
  }
  if (spec.precision > std::numeric_limits<int>::max()) return value_error("precision too big");
  if (spec.width > kMaxTextResult || spec.precision > kMaxTextResult) return memory_error();
  if (!spec.align) spec.align = '>';
  char code = static_cast<char>(spec.type);
  int precision = static_cast<int>(spec.precision);
  bool add_dot_zero = false;
  if (code == 0) {
    add_dot_zero = true;
    code = spec.precision < 0 ? 'r' : 'g';
  }
  if (code == 'n') code = 'g';
  bool percent = code == '%';
  if (percent) {
    code = 'f';
    value *= 100;
  }
  if (precision < 0) precision = code == 'r' ? 0 : 6;
  std::string text = double_to_string(value, code, precision, spec.alternate, add_dot_zero, spec.no_negative_zero);
  if (percent) text.push_back('%');
  return layout_float_text(spec, text);
}

// str.__format__: only fill, alignment, width and precision (truncation, in code points) apply; each other field has
// its own ValueError, in CPython's order of checking.
TextResult<std::string> format_str(std::string_view value, std::string_view spec_text,
                                   std::string_view type_name) {
  if (spec_text.empty()) return std::string(value);
  auto parsed = parse_format_spec(spec_text, type_name, '<', 's');
  if (!parsed.ok()) return parsed.error();
  const FormatSpec& spec = parsed.value();
  if (spec.type != 's') return unknown_format_code(spec.type, type_name);
  if (spec.sign == ' ') return value_error("Space not allowed in string format specifier");
  if (spec.sign) return value_error("Sign not allowed in string format specifier");
  if (spec.no_negative_zero) {
    return value_error("Negative zero coercion (z) not allowed in string format specifier");
  }
  if (spec.alternate) return value_error("Alternate form (#) not allowed in string format specifier");
  if (spec.align == '=') return value_error("'=' alignment not allowed in string format specifier");
  if (spec.width > kMaxTextResult) return memory_error();
  std::string_view body = value;
  auto length = static_cast<int64_t>(is_ascii(value) ? value.size() : code_point_count(value));
  if (spec.precision >= 0 && spec.precision < length) {
    body = value.substr(0, byte_offset_of_index(value, static_cast<size_t>(spec.precision)));
    length = spec.precision;
  }
  return pad_aligned(body, length, spec, '<');
}

// Both format_int overloads share format_integer; the int64 one avoids a big-int conversion for the common case, and
// the BigInt one defers to it when the value fits.
TextResult<std::string> format_int(int64_t value, std::string_view spec, std::string_view type_name,
                                   int64_t max_str_digits) {
  if (spec.empty()) return std::to_string(value);
  // The magnitude of INT64_MIN does not fit in int64_t, but it does in uint64_t.
  uint64_t magnitude = value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  return format_integer(
      value < 0, spec, type_name, max_str_digits,
      [&](int base) {
        char buf[72];
        auto res = std::to_chars(buf, buf + sizeof buf, magnitude, base);
        return std::string(buf, res.ptr);
      },
      [&]() -> TextResult<double> { return static_cast<double>(value); },
      [&]() -> TextResult<int64_t> {
        if (value < 0 || value > 0x10FFFF) return overflow_error("%c arg not in range(0x110000)");
        return value;
      });
}

TextResult<std::string> format_int(const BigInt& value, std::string_view spec, std::string_view type_name,
                                   int64_t max_str_digits) {
  if (value.fits_int64()) return format_int(value.to_int64(), spec, type_name, max_str_digits);
  if (spec.empty()) return int_to_decimal(value, max_str_digits);
  return format_integer(
      value.sign() < 0, spec, type_name, max_str_digits, [&](int base) { return value.abs().to_string(base); },
      [&]() -> TextResult<double> {
        auto d = value.to_double();
        if (!d) return overflow_error("int too large to convert to float");
        return *d;
      },
      [&]() -> TextResult<int64_t> { return overflow_error("Python int too large to convert to C long"); });
}

// format_complex_internal: each part formatted like a float (the imaginary one always signed unless the real
// part is left out), then the whole "(re+imj)" padded as one field.
TextResult<std::string> format_complex(double real, double imag, std::string_view spec_text,
                                       std::string_view type_name) {
  auto parsed = parse_format_spec(spec_text, type_name, '>', 0);
  if (!parsed.ok()) return parsed.error();
  FormatSpec spec = parsed.value();
  switch (spec.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': break;
    default: return unknown_format_code(spec.type, type_name);
  }
  if (spec.fill == '0') return value_error("Zero padding is not allowed in complex format specifier");
  if (spec.align == '=') return value_error("'=' alignment flag is not allowed in complex format specifier");
  if (spec.precision > std::numeric_limits<int>::max()) return value_error("precision too big");
  if (spec.width > kMaxTextResult || spec.precision > kMaxTextResult) return memory_error();
  char code = static_cast<char>(spec.type);
  int precision = static_cast<int>(spec.precision), default_precision = 6;
  bool skip_real = false, parens = false;
  if (code == 0) {
    // No type: like str(), repr-style digits, the real part omitted when it is +0.0.
    code = 'r';
    default_precision = 0;
    if (real == 0.0 && !std::signbit(real)) skip_real = true;
    else parens = true;
  }
  if (code == 'n') code = 'g';
  if (precision < 0) precision = default_precision;
  else if (code == 'r') code = 'g';
  FormatSpec part = spec;
  part.fill = ' ';
  part.align = '<';
  part.width = -1;
  auto layout_part = [&](double value) {
    return layout_float_text(part, double_to_string(value, code, precision, spec.alternate, false,
                                                    spec.no_negative_zero));
  };
  std::string body = parens ? "(" : "";
  if (!skip_real) {
    body += layout_part(real);
    part.sign = '+';
  }
  body += layout_part(imag);
  body += parens ? "j)" : "j";
  return pad_aligned(body, static_cast<int64_t>(code_point_count(body)), spec, '>');
}

namespace {
int64_t configured_limit = -1;
}  // namespace
int64_t configured_int_max_str_digits() { return configured_limit; }
void set_configured_int_max_str_digits(int64_t limit) { configured_limit = limit; }
// One limit for run-time conversions and the compiler's int literals (CPython's parser applies the same one):
// the compiler keeps it.
int64_t current_int_max_str_digits() { return int_literal_max_digits(); }
void set_current_int_max_str_digits(int64_t limit) { set_int_literal_max_digits(limit); }

}  // namespace minipy::text
