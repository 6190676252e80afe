// printf-style formatting's text side (percent_format.h says what the VM does around it): the parser walks the format
// by code point, because the "unsupported format character ... at index N" message counts code points, not bytes; the
// conversions produce UTF-8 text with CPython's padding rules (unicodeobject.c's unicode_format_arg_output and
// formatlong/formatfloat).
#include "vm/text/percent_format.h"

#include <fmt/format.h>

#include <limits>

#include "vm/text/number_format.h"
#include "vm/text/unicode.h"

namespace minipy::text {
namespace {

// Pads a converted value. `numeric` values carry a sign (found in the text, or added by '+'/' ') that goes
// before any zero padding, as does the 0x/0o prefix of '#'-formatted hex and octal.
TextResult<std::string> pad_converted(std::string_view text, const PercentSpec& spec, bool numeric) {
  if (spec.width > kMaxTextResult) return memory_error();
  // '0' pads only numbers; for %s and %r CPython ignores the flag and pads with spaces.
  bool zero_fill = numeric && spec.zero_pad;
  auto length = static_cast<int64_t>(code_point_count(text));
  int64_t width = spec.width;
  int64_t precision = numeric ? -1 : spec.precision;
  bool wants_sign = spec.plus_sign || spec.blank_sign;
  // The common case, a value already wide enough with nothing to add, is returned without rebuilding it.
  if ((width == -1 || width <= length) && (precision == -1 || precision >= length) && !(numeric && wants_sign)) {
    return std::string(text);
  }
  // For %s, %r and %a the precision truncates the text (counted in code points, so no UTF-8 sequence is cut); for
  // numbers it was applied by the conversion already.
  if (precision >= 0 && length > precision) {
    text = text.substr(0, byte_offset_of_index(text, static_cast<size_t>(precision)));
    length = precision;
  }
  std::string sign;
  if (numeric) {
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
      sign = text.substr(0, 1);
      text.remove_prefix(1);
      --length;
    } else if (spec.plus_sign) {
      sign = "+";
    } else if (spec.blank_sign) {
      sign = " ";
    }
  }
  std::string prefix;
  // '%#08x' % 255 is '0x0000ff': the prefix stays in front of the zero padding, so it is split off here.
  if (numeric && spec.alternate && (spec.conversion == 'x' || spec.conversion == 'X' || spec.conversion == 'o')) {
    prefix = std::string(text.substr(0, 2));
    text.remove_prefix(2);
    length -= 2;
  }
  // The sign and prefix take up width; what is left pads the digits.
  int64_t padding = std::max<int64_t>(width, length + static_cast<int64_t>(sign.size())) -
                    static_cast<int64_t>(sign.size()) - static_cast<int64_t>(prefix.size()) - length;
  padding = std::max<int64_t>(padding, 0);
  std::string out;
  if (spec.left_adjust) {
    out = sign + prefix + std::string(text) + std::string(static_cast<size_t>(padding), ' ');
  } else if (zero_fill) {
    out = sign + prefix + std::string(static_cast<size_t>(padding), '0') + std::string(text);
  } else {
    out = std::string(static_cast<size_t>(padding), ' ') + sign + prefix + std::string(text);
  }
  return out;
}

}  // namespace

std::optional<PercentPiece> PercentParser::next() {
  if (pos_ >= text_.size()) return std::nullopt;
  PercentPiece piece;
  if (text_[pos_] != '%') {
    size_t start = pos_;
    while (pos_ < text_.size() && text_[pos_] != '%') {
      next_code_point(text_, &pos_);
      ++index_;
    }
    piece.literal = text_.substr(start, pos_ - start);
    return piece;
  }
  // "%%" is a literal percent sign. The index still advances by two code points so later error messages count positions
  // in the original format string.
  if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '%') {
    piece.literal = text_.substr(pos_, 1);
    pos_ += 2;
    index_ += 2;
    return piece;
  }
  ++pos_;
  ++index_;
  piece.spec = parse_spec();
  return piece;
}

PercentSpec PercentParser::parse_spec() {
  PercentSpec spec;
  auto at_end = [&] { return pos_ >= text_.size(); };
  auto take = [&] {
    ++index_;
    return next_code_point(text_, &pos_);
  };
  auto incomplete = [&] {
    spec.error = value_error("incomplete format");
    return spec;
  };
  if (!at_end() && text_[pos_] == '(') {
    take();
    size_t key_start = pos_;
    // "%(a(b))s": the key may contain balanced parentheses, as in CPython's parser; an unbalanced key is "incomplete
    // format key".
    int depth = 1;
    while (!at_end() && depth > 0) {
      char32_t c = take();
      if (c == ')') --depth;
      if (c == '(') ++depth;
    }
    if (depth > 0) {
      spec.key_incomplete = true;
      spec.key = text_.substr(key_start);
      spec.error = value_error("incomplete format key");
      return spec;
    }
    spec.key = text_.substr(key_start, pos_ - 1 - key_start);
  }
  if (at_end()) return incomplete();
  char32_t c = take();
  for (;; c = take()) {
    if (c == '-') {
      spec.left_adjust = true;
    } else if (c == '+') {
      spec.plus_sign = true;
    } else if (c == ' ') {
      spec.blank_sign = true;
    } else if (c == '#') {
      spec.alternate = true;
    } else if (c == '0') {
      spec.zero_pad = true;
    } else {
      break;
    }
    if (at_end()) return incomplete();
  }
  // '*' takes the width from the argument tuple; the VM fetches it (and a '*' precision) before the value, in CPython's
  // order.
  if (c == '*') {
    spec.width_from_argument = true;
    if (at_end()) return incomplete();
    c = take();
  } else if (c >= '0' && c <= '9') {
    if (!read_number(c, std::numeric_limits<int64_t>::max(), "width too big", &spec.width, &c, spec)) return spec;
  }
  if (c == '.') {
    spec.precision = 0;
    if (at_end()) return incomplete();
    c = take();
    if (c == '*') {
      spec.precision_from_argument = true;
      if (at_end()) return incomplete();
      c = take();
    } else if (c >= '0' && c <= '9') {
      if (!read_number(c, std::numeric_limits<int>::max(), "precision too big", &spec.precision, &c, spec)) {
        return spec;
      }
    }
  }
  if (c == 'h' || c == 'l' || c == 'L') {  // C length modifiers are accepted and ignored
    if (at_end()) return incomplete();
    c = take();
  }
  spec.conversion = c;
  spec.conversion_index = index_ - 1;
  return spec;
}

// CPython's "width too big" / "precision too big" ValueErrors are raised when the number would overflow Py_ssize_t
// (width) or int (precision); the check is done before each multiply so nothing overflows here.
bool PercentParser::read_number(char32_t first, int64_t limit, const char* too_big, int64_t* value, char32_t* next,
                                PercentSpec& spec) {
  *value = first - '0';
  while (true) {
    if (pos_ >= text_.size()) {
      spec.error = value_error("incomplete format");
      return false;
    }
    ++index_;
    char32_t c = next_code_point(text_, &pos_);
    if (c < '0' || c > '9') {
      *next = c;
      return true;
    }
    if (*value > (limit - (c - '0')) / 10) {
      spec.error = value_error(too_big);
      return false;
    }
    *value = *value * 10 + (c - '0');
  }
}

// A negative '*' width means left adjustment, as in C's printf and CPython.
void set_star_width(PercentSpec& spec, int64_t width) {
  if (width < 0) {
    spec.left_adjust = true;
    width = -width;
  }
  spec.width = width;
}

void set_star_precision(PercentSpec& spec, int64_t precision) { spec.precision = precision < 0 ? 0 : precision; }

// The character is shown only when printable ASCII, '?' otherwise, with its code point in hex: CPython's exact wording,
// which tests match.
TextError unsupported_conversion(const PercentSpec& spec) {
  char32_t c = spec.conversion;
  char shown = (c >= 32 && c <= 126) ? static_cast<char>(c) : '?';
  return value_error(fmt::format("unsupported format character '{}' (0x{:x}) at index {}", shown,
                                 static_cast<uint32_t>(c), spec.conversion_index));
}

// %d/%i/%u/%o/%x/%X of an int already obtained by the VM (via __index__ or __int__). Decimal output honours the
// int-to-str digit limit (sys.set_int_max_str_digits, 3.11's CVE-2020-10735 protection); hex and octal are exempt, as
// in CPython. The precision is a minimum digit count.
TextResult<std::string> percent_format_int(const BigInt& value, const PercentSpec& spec, int64_t max_str_digits) {
  if (spec.precision > kMaxTextResult) return memory_error();
  char conversion = static_cast<char>(spec.conversion);
  int base = conversion == 'o' ? 8 : (conversion == 'x' || conversion == 'X') ? 16 : 10;
  std::string digits;
  if (base == 10) {
    auto decimal = int_to_decimal(value.abs(), max_str_digits);
    if (!decimal.ok()) return decimal.error();
    digits = std::move(decimal.value());
  } else {
    digits = value.abs().to_string(base);
  }
  if (spec.precision > static_cast<int64_t>(digits.size())) {
    digits.insert(0, static_cast<size_t>(spec.precision) - digits.size(), '0');
  }
  std::string text = value.sign() < 0 ? "-" : "";
  if (spec.alternate && base != 10) text += base == 8 ? "0o" : "0x";
  text += digits;
  if (conversion == 'X') {
    for (char& ch : text)
      if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 32);
  }
  return pad_converted(text, spec, true);
}

// %e %f %g and their capitals: the default precision is 6 (C's), and '#' keeps the decimal point and trailing zeros, as
// C's printf.
TextResult<std::string> percent_format_float(double value, const PercentSpec& spec) {
  if (spec.precision > kMaxTextResult) return memory_error();
  int precision = spec.precision < 0 ? 6 : static_cast<int>(spec.precision);
  std::string text = double_to_string(value, static_cast<char>(spec.conversion), precision, spec.alternate, false);
  return pad_converted(text, spec, true);
}

TextResult<std::string> percent_format_text(std::string_view text, const PercentSpec& spec) {
  return pad_converted(text, spec, false);
}

// %c's precision is ignored (a single character), as in CPython.
TextResult<std::string> percent_format_char(char32_t code_point, const PercentSpec& spec) {
  PercentSpec no_precision = spec;
  no_precision.precision = -1;
  return pad_converted(utf8_of(code_point), no_precision, false);
}

}  // namespace minipy::text
