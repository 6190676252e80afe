// Code points over UTF-8 text, and the Unicode character classes and case mappings the str methods use.
// Strings are UTF-8 std::string_views; encoded surrogates (which Python strs may hold) are code points like
// any other. The VM only builds well-formed text; on malformed bytes results are unspecified but memory-safe:
// a malformed byte decodes to itself and no index or offset leaves the text. The tables come from python3.11
// (see gen/gen_unicode_tables.py).
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace minipy::text {

// True when every byte of `s` is below 0x80, the case every method has a fast path for.
bool is_ascii(std::string_view s);

// Decodes the code point starting at byte `*pos` of `s` and moves `*pos` past it. `*pos` < s.size().
inline char32_t next_code_point(std::string_view s, size_t* pos) {
  auto b0 = static_cast<unsigned char>(s[*pos]);
  if (b0 < 0x80) { ++*pos; return b0; }
  auto cont = [&](size_t i) -> int {
    if (*pos + i >= s.size()) return -1;
    auto b = static_cast<unsigned char>(s[*pos + i]);
    return (b & 0xC0) == 0x80 ? (b & 0x3F) : -1;
  };
  int len = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 1;
  char32_t cp = len == 4 ? (b0 & 0x07) : len == 3 ? (b0 & 0x0F) : (b0 & 0x1F);
  for (int i = 1; i < len; ++i) {
    int c = cont(i);
    if (c < 0) { ++*pos; return b0; }
    cp = (cp << 6) | static_cast<char32_t>(c);
  }
  if (len == 1) { ++*pos; return b0; }
  *pos += static_cast<size_t>(len);
  return cp;
}

// Decodes the code point that ends just before byte `*pos` of `s` and moves `*pos` to its start. `*pos` > 0.
char32_t previous_code_point(std::string_view s, size_t* pos);

// Appends the UTF-8 encoding of `cp` (surrogates included, encoded as three bytes) to `out`.
void append_utf8(std::string& out, char32_t cp);
// The UTF-8 encoding of the single code point `cp`.
std::string utf8_of(char32_t cp);

// The number of code points in `s`: what len() of the Python str is.
size_t code_point_count(std::string_view s);
// The byte offset of code point `index` in `s`; s.size() when index >= the code point count.
size_t byte_offset_of_index(std::string_view s, size_t index);
// The code point index of byte offset `offset` (which must be on a code point boundary) in `s`.
size_t index_of_byte_offset(std::string_view s, size_t offset);

// A borrowed str and whether it is all ASCII. The VM caches that flag per str and passes it in, which lets the
// methods skip code point arithmetic; a plain string_view converts implicitly and has its flag computed.
struct StrRef {
  std::string_view bytes;
  bool ascii;
  StrRef(std::string_view text) : bytes(text), ascii(is_ascii(text)) {}  // NOLINT: implicit on purpose
  StrRef(const std::string& text) : StrRef(std::string_view(text)) {}    // NOLINT
  StrRef(const char* text) : StrRef(std::string_view(text)) {}           // NOLINT
  StrRef(std::string_view text, bool is_ascii_text) : bytes(text), ascii(is_ascii_text) {}
  // The number of code points: len() of the str.
  size_t length() const { return ascii ? bytes.size() : code_point_count(bytes); }
};

// Character classes, one bit each, exactly as CPython 3.11's str.isX() methods see a single character.
enum CharClass : uint16_t {
  kClassAlpha = 1u << 0, kClassDecimal = 1u << 1, kClassDigit = 1u << 2, kClassNumeric = 1u << 3,
  kClassSpace = 1u << 4, kClassPrintable = 1u << 5, kClassUpper = 1u << 6, kClassLower = 1u << 7,
  kClassTitle = 1u << 8,  // general category Lt
  kClassCased = 1u << 9, kClassCaseIgnorable = 1u << 10,
  kClassIdentifierStart = 1u << 11,     // XID_Start or '_'
  kClassIdentifierContinue = 1u << 12,  // XID_Continue
  kClassLineBreak = 1u << 13,           // ends a line for str.splitlines()
};
// The classes of Latin-1, looked up directly on every ASCII fast path; beyond it a binary search.
extern const std::array<uint16_t, 256> kLatin1Classes;
uint16_t classes_beyond_latin1(char32_t cp);
// All the classes code point `cp` belongs to.
inline uint16_t char_classes(char32_t cp) { return cp < 256 ? kLatin1Classes[cp] : classes_beyond_latin1(cp); }
inline bool has_class(char32_t cp, uint16_t classes) { return (char_classes(cp) & classes) != 0; }
inline bool is_space(char32_t cp) { return has_class(cp, kClassSpace); }
inline bool is_alnum(char32_t cp) {
  return has_class(cp, kClassAlpha | kClassDecimal | kClassDigit | kClassNumeric);
}
// The decimal digit value (0..9) of `cp`, or -1 when it is not a decimal digit in any script.
int decimal_value(char32_t cp);

enum class CaseMapping { kUpper, kLower, kTitle, kFold };
// Appends the full case mapping of `cp` (possibly several code points, e.g. 'ß' -> "SS") to `out`. The final
// sigma rule depends on context, so kLower maps 'Σ' to 'σ' here; callers handle the final form.
void append_case_mapped(std::string& out, char32_t cp, CaseMapping mapping);

}  // namespace minipy::text
