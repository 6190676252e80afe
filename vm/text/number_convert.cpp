// Conversions between numbers and strs outside format(): int()/float() parsing, str()/bin()/oct()/hex() of
// ints, and round() of floats.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "vm/text/number_format.h"
#include "vm/text/str_methods.h"
#include "vm/text/unicode.h"

namespace minipy::text {

// (Declared in number_format.h.) Unicode whitespace becomes ' ', decimal digits of any script '0'..'9', and any other
// non-ASCII character '?', which no number parser accepts.
std::string to_ascii_number_text(std::string_view text) {
  if (is_ascii(text)) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) {
    char32_t c = next_code_point(text, &pos);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (is_space(c)) {
      out.push_back(' ');
    } else if (int digit = decimal_value(c); digit >= 0) {
      out.push_back(static_cast<char>('0' + digit));
    } else {
      out.push_back('?');
    }
  }
  return out;
}

namespace {

bool is_ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

TextError invalid_int_literal(std::string_view original, int64_t base) {
  std::string shown = repr(original);
  // CPython prints the repr with %.200R: at most 200 code points of it.
  if (shown.size() > 200) shown = shown.substr(0, byte_offset_of_index(shown, 200));
  return value_error(fmt::format("invalid literal for int() with base {}: {}", base, shown));
}

TextError invalid_float_literal(std::string_view original) {
  return value_error("could not convert string to float: " + repr(original));
}

bool equals_ignoring_case(std::string_view text, std::string_view lower_word) {
  if (text.size() != lower_word.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != lower_word[i]) return false;
  }
  return true;
}

// Checks the float literal grammar (sign, digits, '.', exponent; underscores only between two digits) and
// returns the text without underscores and sign, or nullopt when it is not a float literal.
std::optional<std::string> clean_float_digits(std::string_view text) {
  std::string out;
  bool seen_digit = false, seen_point = false, seen_exponent = false, exponent_digit = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') {
      out.push_back(c);
      (seen_exponent ? exponent_digit : seen_digit) = true;
    } else if (c == '_') {
      bool digit_before = i > 0 && text[i - 1] >= '0' && text[i - 1] <= '9';
      bool digit_after = i + 1 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '9';
      if (!digit_before || !digit_after) return std::nullopt;
    } else if (c == '.' && !seen_point && !seen_exponent) {
      seen_point = true;
      out.push_back(c);
    } else if ((c == 'e' || c == 'E') && !seen_exponent && seen_digit) {
      seen_exponent = true;
      out.push_back('e');
      if (i + 1 < text.size() && (text[i + 1] == '+' || text[i + 1] == '-')) out.push_back(text[++i]);
    } else {
      return std::nullopt;
    }
  }
  if (!seen_digit || (seen_exponent && !exponent_digit)) return std::nullopt;
  return out;
}

// Parses a cleaned, unsigned decimal literal; out-of-range results become inf or 0 as strtod's would.
double parse_clean_decimal(const std::string& text) {
  double value = 0;
  auto res = std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::general);
  if (res.ec != std::errc::result_out_of_range) return value;
  // Out of range: decide between overflow and underflow from the decimal exponent of the leading digit.
  size_t e = text.find('e');
  std::string_view mantissa = std::string_view(text).substr(0, e);
  long long exponent = 0;
  if (e != std::string::npos) {
    std::string_view exp_text = std::string_view(text).substr(e + 1);
    if (!exp_text.empty() && exp_text[0] == '+') exp_text.remove_prefix(1);
    if (std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), exponent).ec != std::errc()) {
      exponent = exp_text[0] == '-' ? -100000 : 100000;
    }
  }
  size_t point = mantissa.find('.');
  if (point == std::string_view::npos) point = mantissa.size();
  size_t first = mantissa.find_first_not_of("0.");
  if (first == std::string_view::npos) return 0.0;
  long long magnitude = first < point ? static_cast<long long>(point - first) : -static_cast<long long>(first - point);
  return magnitude + exponent > 0 ? HUGE_VAL : 0.0;
}

}  // namespace

// str(int): refused past sys.get_int_max_str_digits() digits (CVE-2020-10735's limit, new in 3.11), with
// CPython's message; power-of-two bases have no limit, so hex() and bin() never fail.
TextResult<std::string> int_to_decimal(const BigInt& value, int64_t max_str_digits) {
  std::string text = value.to_string(10);
  auto digits = static_cast<int64_t>(text.size()) - (value.sign() < 0 ? 1 : 0);
  if (max_str_digits > 0 && digits > max_str_digits) {
    return value_error(fmt::format("Exceeds the limit ({} digits) for integer string conversion; use "
                                   "sys.set_int_max_str_digits() to increase the limit", max_str_digits));
  }
  return text;
}

std::string int_to_prefixed(const BigInt& value, int base) {
  std::string prefix = base == 2 ? "0b" : base == 8 ? "0o" : "0x";
  std::string digits = value.abs().to_string(base);
  return (value.sign() < 0 ? "-" : "") + prefix + digits;
}

// int(text, base): surrounding whitespace, a sign, the base prefix (required to match base 16/8/2 when given,
// chosen by it for base 0), single underscores between digits. Base 0 refuses leading zeros on non-zero values
// ("010"), as Python literals do. The digit limit applies to non-power-of-two bases only, counted before parsing.
TextResult<BigInt> parse_int(std::string_view original, int64_t base, int64_t max_str_digits) {
  if ((base != 0 && base < 2) || base > 36) return value_error("int() base must be >= 2 and <= 36, or 0");
  std::string text = to_ascii_number_text(original);
  size_t pos = 0, end = text.size();
  while (pos < end && is_ascii_space(text[pos])) ++pos;
  bool negative = false;
  if (pos < end && (text[pos] == '+' || text[pos] == '-')) negative = text[pos++] == '-';
  auto at = [&](size_t i) { return i < end ? text[i] : '\0'; };
  int radix = static_cast<int>(base);
  bool zero_only = false;  // "010" is an old-style octal literal: only zero may be spelled that way
  if (radix == 0) {
    char next = at(pos + 1);
    if (at(pos) != '0') {
      radix = 10;
    } else if (next == 'x' || next == 'X') {
      radix = 16;
    } else if (next == 'o' || next == 'O') {
      radix = 8;
    } else if (next == 'b' || next == 'B') {
      radix = 2;
    } else {
      zero_only = true;
      radix = 10;
    }
  }
  if (at(pos) == '0') {
    char next = at(pos + 1);
    if ((radix == 16 && (next == 'x' || next == 'X')) || (radix == 8 && (next == 'o' || next == 'O')) ||
        (radix == 2 && (next == 'b' || next == 'B'))) {
      pos += 2;
      if (at(pos) == '_') ++pos;  // one underscore may follow the prefix
    }
  }
  if (at(pos) == '_') return invalid_int_literal(original, base);
  std::string digits;
  char previous = 0;
  for (; pos < end && (digit_value(text[pos]) < radix || text[pos] == '_'); ++pos) {
    if (text[pos] == '_') {
      if (previous == '_') return invalid_int_literal(original, base);
    } else {
      digits.push_back(text[pos]);
    }
    previous = text[pos];
  }
  if (previous == '_' || digits.empty()) return invalid_int_literal(original, base);
  bool power_of_two = (radix & (radix - 1)) == 0;
  if (!power_of_two && max_str_digits > 0 && static_cast<int64_t>(digits.size()) > max_str_digits) {
    return value_error(fmt::format("Exceeds the limit ({} digits) for integer string conversion: value has {} "
                                   "digits; use sys.set_int_max_str_digits() to increase the limit",
                                   max_str_digits, digits.size()));
  }
  while (pos < end && is_ascii_space(text[pos])) ++pos;
  if (pos != end) return invalid_int_literal(original, base);
  auto value = BigInt::parse(digits, radix);
  if (!value) return invalid_int_literal(original, base);
  if (zero_only && !value->is_zero()) return invalid_int_literal(original, base);
  return negative ? -*value : *value;
}

// float(text): whitespace, a sign, then 'inf'/'infinity'/'nan' in any case or a decimal literal with
// underscores between digits; the value is correctly rounded (from_chars), as CPython's dtoa gives it.
TextResult<double> parse_float(std::string_view original) {
  std::string text = to_ascii_number_text(original);
  std::string_view body = text;
  while (!body.empty() && is_ascii_space(body.front())) body.remove_prefix(1);
  while (!body.empty() && is_ascii_space(body.back())) body.remove_suffix(1);
  bool negative = false;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    negative = body[0] == '-';
    body.remove_prefix(1);
  }
  double value;
  if (equals_ignoring_case(body, "inf") || equals_ignoring_case(body, "infinity")) {
    value = HUGE_VAL;
  } else if (equals_ignoring_case(body, "nan")) {
    value = std::nan("");
  } else {
    auto clean = clean_float_digits(body);
    if (!clean) return invalid_float_literal(original);
    value = parse_clean_decimal(*clean);
  }
  return negative ? -value : value;
}

TextResult<double> round_float(double value, int64_t ndigits) {
  if (!std::isfinite(value)) return value;
  // Past these bounds every double rounds to itself, or to a zero of its sign (CPython's NDIGITS_MAX/MIN).
  if (ndigits > 323) return value;
  if (ndigits < -308) return 0.0 * value;
  // The exact decimal expansion of the double, rounded half to even. A double m * 2**(e-53) with a 53-bit m
  // has at most 53 - e fractional digits, so that precision loses nothing.
  int binary_exponent = 0;
  std::frexp(value, &binary_exponent);
  int fraction_digits = std::clamp(53 - binary_exponent, 1, 1074);
  std::string exact(static_cast<size_t>(fraction_digits) + 330, '\0');
  auto res = std::to_chars(exact.data(), exact.data() + exact.size(), std::fabs(value), std::chars_format::fixed,
                           fraction_digits);
  exact.resize(static_cast<size_t>(res.ptr - exact.data()));
  size_t point = exact.find('.');
  std::string digits = exact.substr(0, point) + exact.substr(point + 1);
  auto keep = static_cast<int64_t>(point) + ndigits;  // how many leading digits survive
  if (keep >= static_cast<int64_t>(digits.size())) return value;
  std::string kept = keep > 0 ? digits.substr(0, static_cast<size_t>(keep)) : "";
  bool round_up = false;
  if (keep >= 0) {
    std::string_view rest = std::string_view(digits).substr(static_cast<size_t>(keep));
    if (rest[0] > '5') {
      round_up = true;
    } else if (rest[0] == '5') {
      bool beyond_half = rest.find_first_not_of('0', 1) != std::string_view::npos;
      bool last_odd = !kept.empty() && (kept.back() - '0') % 2 == 1;
      round_up = beyond_half || last_odd;
    }
  }
  if (round_up) {
    size_t i = kept.size();
    while (i > 0 && kept[i - 1] == '9') kept[--i] = '0';
    if (i == 0) {
      kept.insert(kept.begin(), '1');
    } else {
      ++kept[i - 1];
    }
  }
  if (kept.empty()) kept = "0";
  std::string literal = kept + "e" + std::to_string(-ndigits);
  double rounded = parse_clean_decimal(literal);
  if (std::isinf(rounded)) return overflow_error("rounded value too large to represent");
  return std::signbit(value) ? -rounded : rounded;
}

// round(int, ndigits < 0): half to even at a multiple of 10**-ndigits; a power of ten longer than the value
// itself rounds everything to 0 without computing the power.
BigInt round_int(const BigInt& value, int64_t ndigits) {
  if (ndigits >= 0) return value;
  // 10**k exceeds twice |value| once k passes its decimal length, and then everything rounds to 0.
  auto magnitude_digits = static_cast<int64_t>(value.bit_length() * 30103 / 100000 + 2);
  if (-ndigits > magnitude_digits) return BigInt(0);
  BigInt unit = BigInt(10).pow(static_cast<uint64_t>(-ndigits));
  BigInt quotient, remainder;
  BigInt::floor_divmod(value, unit, &quotient, &remainder);
  int versus_half = compare(remainder + remainder, unit);
  if (versus_half > 0 || (versus_half == 0 && quotient.is_odd())) quotient = quotient + BigInt(1);
  return quotient * unit;
}

TextResult<BigInt> float_to_int(double value) {
  if (std::isinf(value)) return overflow_error("cannot convert float infinity to integer");
  if (std::isnan(value)) return value_error("cannot convert float NaN to integer");
  return BigInt::from_double(value);
}

// round(float) with no ndigits: the nearest int, ties to even; inf and nan raise as int(x) does.
TextResult<BigInt> round_float_to_int(double value) {
  if (!std::isfinite(value)) return float_to_int(value);
  double rounded = std::round(value);
  if (std::fabs(value - rounded) == 0.5) rounded = 2.0 * std::round(value / 2.0);  // ties go to even
  return BigInt::from_double(rounded);
}

}  // namespace minipy::text
