// How the text engine walks a string: str is UTF-8 whose elements are code points with Unicode classes; bytes
// are raw octets whose elements are single bytes with ASCII-only classes (CPython's Py_ISSPACE, Py_ISALPHA,
// ...). The algorithms that differ only in these points (split on whitespace, strip, splitlines, padding,
// expandtabs, the isX() predicates) are templates over one of these two element models.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "vm/text/unicode.h"

namespace minipy::text {

struct CodePoints {
  static char32_t next(std::string_view s, size_t* pos) { return next_code_point(s, pos); }
  static char32_t previous(std::string_view s, size_t* pos) { return previous_code_point(s, pos); }
  static uint16_t classes(char32_t c) { return char_classes(c); }
  static void append(std::string& out, char32_t c) { append_utf8(out, c); }
};

// The CharClass bits of each byte value as bytes methods see it: ASCII letters, digits and the six ASCII
// whitespace bytes; only \n and \r end lines.
std::array<uint16_t, 256> make_byte_classes();
inline const std::array<uint16_t, 256> kByteClasses = make_byte_classes();

struct Bytes {
  static char32_t next(std::string_view s, size_t* pos) { return static_cast<unsigned char>(s[(*pos)++]); }
  static char32_t previous(std::string_view s, size_t* pos) { return static_cast<unsigned char>(s[--*pos]); }
  static uint16_t classes(char32_t c) { return c < 256 ? kByteClasses[c] : 0; }
  static void append(std::string& out, char32_t c) { out.push_back(static_cast<char>(c)); }
};

inline std::array<uint16_t, 256> make_byte_classes() {
  std::array<uint16_t, 256> classes{};
  for (int c = 0; c < 128; ++c) {
    uint16_t bits = 0;
    bool upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z', digit = c >= '0' && c <= '9';
    if (upper) bits |= kClassUpper | kClassCased | kClassAlpha;
    if (lower) bits |= kClassLower | kClassCased | kClassAlpha;
    if (digit) bits |= kClassDecimal | kClassDigit | kClassNumeric;
    if (c == ' ' || (c >= '\t' && c <= '\r')) bits |= kClassSpace;
    if (c == '\n' || c == '\r') bits |= kClassLineBreak;
    classes[static_cast<size_t>(c)] = bits;
  }
  return classes;
}

}  // namespace minipy::text
