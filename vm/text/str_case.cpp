// The str methods that look at characters one by one: case conversion, the isX() predicates, padding,
// expandtabs and repr/ascii.
//
// Case mappings are Unicode's full mappings (one character may become several: 'ß'.upper() is 'SS'), as
// CPython's; only lower() looks at context, for the Greek final sigma. Every str function has an ASCII fast
// path chosen by the str's cached ASCII flag; the bytes versions at the end of the file are those ASCII paths.
#include "vm/text/bytes_methods.h"
#include "vm/text/elements.h"
#include "vm/text/str_methods.h"
#include "vm/text/unicode.h"

namespace minipy::text {
namespace {

constexpr char32_t kCapitalSigma = 0x3A3, kSmallSigma = 0x3C3, kFinalSigma = 0x3C2;

// Whether the capital sigma occupying bytes [at, after) of `s` is word-final: a cased letter precedes it and
// none follows it, skipping case-ignorable characters on both sides (Unicode's Final_Sigma condition).
bool is_final_sigma(std::string_view s, size_t at, size_t after) {
  bool cased_before = false;
  for (size_t pos = at; pos > 0;) {
    char32_t c = previous_code_point(s, &pos);
    if (has_class(c, kClassCaseIgnorable)) continue;
    cased_before = has_class(c, kClassCased);
    break;
  }
  if (!cased_before) return false;
  for (size_t pos = after; pos < s.size();) {
    char32_t c = next_code_point(s, &pos);
    if (has_class(c, kClassCaseIgnorable)) continue;
    return !has_class(c, kClassCased);
  }
  return true;
}

// Lowercases the code point at bytes [at, after) of `s` into `out`, applying the final sigma rule.
void append_lower(std::string& out, std::string_view s, size_t at, size_t after, char32_t c) {
  if (c == kCapitalSigma) {
    append_utf8(out, is_final_sigma(s, at, after) ? kFinalSigma : kSmallSigma);
  } else {
    append_case_mapped(out, c, CaseMapping::kLower);
  }
}

bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }

std::string ascii_mapped(std::string_view s, bool to_upper) {
  std::string out(s);
  for (char& c : out) {
    if (to_upper ? is_ascii_lower(c) : is_ascii_upper(c)) c = static_cast<char>(c ^ 0x20);
  }
  return out;
}

// title(), capitalize() and swapcase() of ASCII text, where every cased character is a letter.
enum class AsciiCase { kTitle, kCapitalize, kSwap };
std::string ascii_recased(std::string_view s, AsciiCase how) {
  std::string out(s);
  bool previous_is_cased = false;
  for (size_t i = 0; i < out.size(); ++i) {
    char& c = out[i];
    bool lower = is_ascii_lower(c), upper = is_ascii_upper(c);
    bool make_upper = how == AsciiCase::kSwap ? lower
                      : how == AsciiCase::kTitle ? !previous_is_cased && lower
                                                 : i == 0 && lower;
    bool make_lower = how == AsciiCase::kSwap ? upper
                      : how == AsciiCase::kTitle ? previous_is_cased && upper
                                                 : i > 0 && upper;
    if (make_upper || make_lower) c = static_cast<char>(c ^ 0x20);
    previous_is_cased = lower || upper;
  }
  return out;
}

// Maps every code point of `s` on its own (upper() and casefold() need no context), ASCII inline.
void append_mapped_each(std::string& out, std::string_view s, CaseMapping mapping) {
  bool to_upper = mapping == CaseMapping::kUpper;
  for (size_t pos = 0; pos < s.size();) {
    char c = s[pos];
    if (static_cast<unsigned char>(c) < 0x80) {
      out.push_back((to_upper ? is_ascii_lower(c) : is_ascii_upper(c)) ? static_cast<char>(c ^ 0x20) : c);
      ++pos;
    } else {
      append_case_mapped(out, next_code_point(s, &pos), mapping);
    }
  }
}

template <class Pred, class E = CodePoints>
bool all_nonempty(std::string_view s, Pred pred, E = {}) {
  if (s.empty()) return false;
  for (size_t pos = 0; pos < s.size();)
    if (!pred(E::next(s, &pos))) return false;
  return true;
}

// Every element of the non-empty `s` has one of `classes`.
template <class E>
bool all_in_classes(std::string_view s, uint16_t classes) {
  return all_nonempty(s, [classes](char32_t c) { return (E::classes(c) & classes) != 0; }, E{});
}

template <class E = CodePoints>
std::string pad(std::string_view s, int64_t left, int64_t right, char32_t fill) {
  std::string fill_text;
  E::append(fill_text, fill);
  std::string out;
  out.reserve(s.size() + static_cast<size_t>(left + right) * fill_text.size());
  for (int64_t i = 0; i < left; ++i) out += fill_text;
  out += s;
  for (int64_t i = 0; i < right; ++i) out += fill_text;
  return out;
}

void append_hex_escape(std::string& out, char32_t c) {
  static constexpr char kHex[] = "0123456789abcdef";
  int digits = c <= 0xFF ? 2 : c <= 0xFFFF ? 4 : 8;
  out += c <= 0xFF ? "\\x" : c <= 0xFFFF ? "\\u" : "\\U";
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out.push_back(kHex[(c >> shift) & 0xF]);
}

// repr()/ascii() of a str (CPython's unicode_repr): single quotes unless the text has a single quote and no
// double quote; \t \n \r and the other controls escaped; non-printable characters (and with ascii(), every
// non-ASCII one) as \xhh, \uhhhh or \Uhhhhhhhh, the shortest that fits.
std::string quoted(std::string_view s, bool escape_all_non_ascii) {
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out;
  out.reserve(s.size() + 2);
  out.push_back(quote);
  for (size_t pos = 0; pos < s.size();) {
    char32_t c = next_code_point(s, &pos);
    if (c == static_cast<char32_t>(quote) || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < ' ' || c == 0x7F) {
      append_hex_escape(out, c);
    } else if (c < 0x7F) {
      out.push_back(static_cast<char>(c));
    } else if (!escape_all_non_ascii && has_class(c, kClassPrintable)) {
      append_utf8(out, c);
    } else {
      append_hex_escape(out, c);
    }
  }
  out.push_back(quote);
  return out;
}

enum class Justify { kLeft, kRight, kCenter };
// center/ljust/rjust of `s`, `len` elements long, to `width` elements.
template <class E>
std::string justify(std::string_view s, int64_t len, int64_t width, char32_t fill, Justify how) {
  if (len >= width) return std::string(s);
  int64_t margin = width - len;
  if (how == Justify::kLeft) return pad<E>(s, 0, margin, fill);
  if (how == Justify::kRight) return pad<E>(s, margin, 0, fill);
  // CPython's rounding: the odd column goes left only when both the margin and the width are odd.
  int64_t left = margin / 2 + (margin & width & 1);
  return pad<E>(s, left, margin - left, fill);
}

}  // namespace

// upper() and casefold() map each character on its own; lower() alone needs the final-sigma context.
std::string upper(StrRef ref) {
  std::string_view s = ref.bytes;
  if (ref.ascii) return ascii_mapped(s, true);
  std::string out;
  out.reserve(s.size());
  append_mapped_each(out, s, CaseMapping::kUpper);
  return out;
}

std::string lower(StrRef ref) {
  std::string_view s = ref.bytes;
  if (ref.ascii) return ascii_mapped(s, false);
  std::string out;
  out.reserve(s.size());
  for (size_t pos = 0; pos < s.size();) {
    char b = s[pos];
    if (static_cast<unsigned char>(b) < 0x80) {
      out.push_back(is_ascii_upper(b) ? static_cast<char>(b ^ 0x20) : b);
      ++pos;
      continue;
    }
    size_t at = pos;
    char32_t c = next_code_point(s, &pos);
    append_lower(out, s, at, pos, c);
  }
  return out;
}

std::string casefold(StrRef ref) {
  std::string_view s = ref.bytes;
  if (ref.ascii) return ascii_mapped(s, false);
  std::string out;
  out.reserve(s.size());
  append_mapped_each(out, s, CaseMapping::kFold);
  return out;
}

// title(): a character after a cased one is lowercased, any other is titlecased (CPython's do_title: words
// are runs of cased characters, so "they're" becomes "They'Re").
std::string title(StrRef ref) {
  std::string_view s = ref.bytes;
  if (ref.ascii) return ascii_recased(s, AsciiCase::kTitle);
  std::string out;
  out.reserve(s.size());
  bool previous_is_cased = false;
  for (size_t pos = 0; pos < s.size();) {
    size_t at = pos;
    char32_t c = next_code_point(s, &pos);
    if (previous_is_cased) {
      append_lower(out, s, at, pos, c);
    } else {
      append_case_mapped(out, c, CaseMapping::kTitle);
    }
    previous_is_cased = has_class(c, kClassCased);
  }
  return out;
}

// capitalize(): the first character titlecased (3.8+, not uppercased: 'ǆ' becomes 'ǅ'), the rest lowercased.
std::string capitalize(StrRef ref) {
  std::string_view s = ref.bytes;
  if (ref.ascii) return ascii_recased(s, AsciiCase::kCapitalize);
  std::string out;
  out.reserve(s.size());
  for (size_t pos = 0; pos < s.size();) {
    size_t at = pos;
    char32_t c = next_code_point(s, &pos);
    if (at == 0) {
      append_case_mapped(out, c, CaseMapping::kTitle);
    } else {
      append_lower(out, s, at, pos, c);
    }
  }
  return out;
}

// swapcase(): uppercase characters lowercased (with the final-sigma rule), lowercase ones uppercased;
// titlecase characters are left as they are, as in CPython.
std::string swapcase(StrRef ref) {
  std::string_view s = ref.bytes;
  if (ref.ascii) return ascii_recased(s, AsciiCase::kSwap);
  std::string out;
  out.reserve(s.size());
  for (size_t pos = 0; pos < s.size();) {
    size_t at = pos;
    char32_t c = next_code_point(s, &pos);
    uint16_t classes = char_classes(c);
    if (classes & kClassUpper) {
      append_lower(out, s, at, pos, c);
    } else if (classes & kClassLower) {
      append_case_mapped(out, c, CaseMapping::kUpper);
    } else {
      append_utf8(out, c);
    }
  }
  return out;
}

bool isalpha(std::string_view s) { return all_nonempty(s, [](char32_t c) { return has_class(c, kClassAlpha); }); }
bool isdigit(std::string_view s) { return all_nonempty(s, [](char32_t c) { return has_class(c, kClassDigit); }); }
bool isdecimal(std::string_view s) {
  return all_nonempty(s, [](char32_t c) { return has_class(c, kClassDecimal); });
}
bool isnumeric(std::string_view s) {
  return all_nonempty(s, [](char32_t c) { return has_class(c, kClassNumeric); });
}
bool isspace(std::string_view s) { return all_nonempty(s, [](char32_t c) { return is_space(c); }); }
bool isalnum(std::string_view s) { return all_nonempty(s, [](char32_t c) { return is_alnum(c); }); }

// isupper/islower: at least one character of class `wanted`, and none of the classes `forbidden`.
template <class E = CodePoints>
static bool has_only_case(std::string_view s, uint16_t wanted, uint16_t forbidden) {
  bool cased = false;
  for (size_t pos = 0; pos < s.size();) {
    uint16_t classes = E::classes(E::next(s, &pos));
    if (classes & forbidden) return false;
    if (classes & wanted) cased = true;
  }
  return cased;
}

bool isupper(std::string_view s) { return has_only_case(s, kClassUpper, kClassLower | kClassTitle); }
bool islower(std::string_view s) { return has_only_case(s, kClassLower, kClassUpper | kClassTitle); }

// istitle(): uppercase or titlecase characters only after uncased ones, lowercase only after cased ones, and
// at least one cased character.
template <class E>
static bool istitle_impl(std::string_view s) {
  bool cased = false, previous_is_cased = false;
  for (size_t pos = 0; pos < s.size();) {
    uint16_t classes = E::classes(E::next(s, &pos));
    if (classes & (kClassUpper | kClassTitle)) {
      if (previous_is_cased) return false;
      previous_is_cased = cased = true;
    } else if (classes & kClassLower) {
      if (!previous_is_cased) return false;
      previous_is_cased = cased = true;
    } else {
      previous_is_cased = false;
    }
  }
  return cased;
}

bool istitle(std::string_view s) { return istitle_impl<CodePoints>(s); }

// XID_Start then XID_Continue (PEP 3131), without the keyword check (that is keyword.iskeyword's).
bool isidentifier(std::string_view s) {
  if (s.empty()) return false;
  size_t pos = 0;
  if (!has_class(next_code_point(s, &pos), kClassIdentifierStart)) return false;
  while (pos < s.size())
    if (!has_class(next_code_point(s, &pos), kClassIdentifierContinue)) return false;
  return true;
}

bool isprintable(std::string_view s) {
  for (size_t pos = 0; pos < s.size();)
    if (!has_class(next_code_point(s, &pos), kClassPrintable)) return false;
  return true;
}

bool isascii(std::string_view s) { return is_ascii(s); }

std::string center(StrRef ref, int64_t width, char32_t fill) {
  return justify<CodePoints>(ref.bytes, static_cast<int64_t>(ref.length()), width, fill, Justify::kCenter);
}
std::string ljust(StrRef ref, int64_t width, char32_t fill) {
  return justify<CodePoints>(ref.bytes, static_cast<int64_t>(ref.length()), width, fill, Justify::kLeft);
}
std::string rjust(StrRef ref, int64_t width, char32_t fill) {
  return justify<CodePoints>(ref.bytes, static_cast<int64_t>(ref.length()), width, fill, Justify::kRight);
}

// Zeros go after a leading sign ('-42'.zfill(5) is '-0042'); a string already as wide is returned as is.
std::string zfill(StrRef ref, int64_t width) {
  std::string_view s = ref.bytes;
  auto len = static_cast<int64_t>(ref.length());
  if (len >= width) return std::string(s);
  auto zeros = static_cast<size_t>(width - len);
  std::string out(zeros, '0');
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    out[0] = s[0];
    out.push_back('0');
    out += s.substr(1);
  } else {
    out += s;
  }
  return out;
}

// A tab advances to the next multiple of tabsize (none with tabsize <= 0); \n and \r restart the column count.
template <class E>
static std::string expandtabs_impl(std::string_view s, int64_t tabsize) {
  std::string out;
  out.reserve(s.size());
  int64_t column = 0;
  for (size_t pos = 0; pos < s.size();) {
    size_t at = pos;
    char32_t c = E::next(s, &pos);
    if (c == '\t') {
      if (tabsize > 0) {
        int64_t spaces = tabsize - column % tabsize;
        out.append(static_cast<size_t>(spaces), ' ');
        column += spaces;
      }
    } else {
      out += s.substr(at, pos - at);
      column = (c == '\n' || c == '\r') ? 0 : column + 1;
    }
  }
  return out;
}

std::string expandtabs(std::string_view s, int64_t tabsize) { return expandtabs_impl<CodePoints>(s, tabsize); }

std::string repr(StrRef s) { return quoted(s.bytes, false); }
std::string ascii(StrRef s) { return quoted(s.bytes, true); }

namespace bytes {
std::string center(std::string_view s, int64_t width, char fill) {
  return justify<Bytes>(s, static_cast<int64_t>(s.size()), width, static_cast<unsigned char>(fill), Justify::kCenter);
}
std::string ljust(std::string_view s, int64_t width, char fill) {
  return justify<Bytes>(s, static_cast<int64_t>(s.size()), width, static_cast<unsigned char>(fill), Justify::kLeft);
}
std::string rjust(std::string_view s, int64_t width, char fill) {
  return justify<Bytes>(s, static_cast<int64_t>(s.size()), width, static_cast<unsigned char>(fill), Justify::kRight);
}
std::string expandtabs(std::string_view s, int64_t tabsize) { return expandtabs_impl<Bytes>(s, tabsize); }

// The ASCII paths of the str conversions touch only ASCII letters, which is exactly what bytes do.
std::string upper(std::string_view s) { return ascii_mapped(s, true); }
std::string lower(std::string_view s) { return ascii_mapped(s, false); }
std::string title(std::string_view s) { return ascii_recased(s, AsciiCase::kTitle); }
std::string capitalize(std::string_view s) { return ascii_recased(s, AsciiCase::kCapitalize); }
std::string swapcase(std::string_view s) { return ascii_recased(s, AsciiCase::kSwap); }

bool isalpha(std::string_view s) { return all_in_classes<Bytes>(s, kClassAlpha); }
bool isdigit(std::string_view s) { return all_in_classes<Bytes>(s, kClassDigit); }
bool isspace(std::string_view s) { return all_in_classes<Bytes>(s, kClassSpace); }
bool isalnum(std::string_view s) { return all_in_classes<Bytes>(s, kClassAlpha | kClassDigit); }
bool isupper(std::string_view s) { return has_only_case<Bytes>(s, kClassUpper, kClassLower); }
bool islower(std::string_view s) { return has_only_case<Bytes>(s, kClassLower, kClassUpper); }
bool istitle(std::string_view s) { return istitle_impl<Bytes>(s); }
bool isascii(std::string_view s) { return is_ascii(s); }
}  // namespace bytes

}  // namespace minipy::text
