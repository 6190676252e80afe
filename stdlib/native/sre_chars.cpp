// Characters for the `_sre` engine (sre_engine.h): case mappings, the character categories of \d \s \w and
// their Unicode and locale forms, and membership in the character sets IN blocks carry (literals, ranges,
// 256-bit bitmaps, "big" block-indexed bitmaps, categories, negation).
#include <cctype>
#include <string>

#include "stdlib/native/sre_engine.h"
#include "vm/text/unicode.h"

namespace minipy::sre {

namespace {

// The first code point of a full case mapping: what CPython's one-code-point mapping functions return for the
// characters whose mapping is several code points ('ß'.upper() is "SS": its one-point upper is 'S').
uint32_t first_of_mapping(uint32_t ch, text::CaseMapping mapping) {
  if (ch > 0x10FFFF) return ch;
  thread_local std::string buffer;
  buffer.clear();
  text::append_case_mapped(buffer, ch, mapping);
  size_t at = 0;
  return buffer.empty() ? ch : text::next_code_point(buffer, &at);
}

bool ascii_is_digit(uint32_t ch) { return ch >= '0' && ch <= '9'; }
bool ascii_is_space(uint32_t ch) { return ch == ' ' || (ch >= '\t' && ch <= '\r'); }
bool ascii_is_alpha(uint32_t ch) { return (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z'; }
bool ascii_is_word(uint32_t ch) { return ch < 128 && (ascii_is_alpha(ch) || ascii_is_digit(ch) || ch == '_'); }
// LOCALE applies only to bytes patterns, and the C library's classes below 256 (the process's LC_CTYPE, as in
// CPython, which sets it from the environment at start-up; UTF-8 and C locales give ASCII answers).
bool locale_is_word(uint32_t ch) { return ch < 256 && (std::isalnum(static_cast<int>(ch)) || ch == '_'); }
bool unicode_is_word(uint32_t ch) { return ch == '_' || (ch <= 0x10FFFF && text::is_alnum(ch)); }
bool unicode_is_linebreak(uint32_t ch) { return ch <= 0x10FFFF && text::has_class(ch, text::kClassLineBreak); }

}  // namespace

uint32_t ascii_lower(uint32_t ch) { return ch < 128 && ch >= 'A' && ch <= 'Z' ? ch + 32 : ch; }
uint32_t ascii_upper(uint32_t ch) { return ch < 128 && ch >= 'a' && ch <= 'z' ? ch - 32 : ch; }
uint32_t unicode_lower(uint32_t ch) { return ch < 128 ? ascii_lower(ch) : first_of_mapping(ch, text::CaseMapping::kLower); }
uint32_t unicode_upper(uint32_t ch) { return ch < 128 ? ascii_upper(ch) : first_of_mapping(ch, text::CaseMapping::kUpper); }
uint32_t locale_lower(uint32_t ch) { return ch < 256 ? static_cast<uint32_t>(std::tolower(static_cast<int>(ch))) : ch; }
uint32_t locale_upper(uint32_t ch) { return ch < 256 ? static_cast<uint32_t>(std::toupper(static_cast<int>(ch))) : ch; }
bool ascii_iscased(uint32_t ch) { return ch < 128 && ascii_is_alpha(ch); }
bool unicode_iscased(uint32_t ch) { return ch != unicode_lower(ch) || ch != unicode_upper(ch); }

bool in_category(uint32_t category, uint32_t ch) {
  switch (category) {
    case CATEGORY_DIGIT: return ascii_is_digit(ch);
    case CATEGORY_NOT_DIGIT: return !ascii_is_digit(ch);
    case CATEGORY_SPACE: return ascii_is_space(ch);
    case CATEGORY_NOT_SPACE: return !ascii_is_space(ch);
    case CATEGORY_WORD: return ascii_is_word(ch);
    case CATEGORY_NOT_WORD: return !ascii_is_word(ch);
    case CATEGORY_LINEBREAK: return ch == '\n';
    case CATEGORY_NOT_LINEBREAK: return ch != '\n';
    case CATEGORY_LOC_WORD: return locale_is_word(ch);
    case CATEGORY_LOC_NOT_WORD: return !locale_is_word(ch);
    case CATEGORY_UNI_DIGIT: return ch <= 0x10FFFF && text::decimal_value(ch) >= 0;
    case CATEGORY_UNI_NOT_DIGIT: return !(ch <= 0x10FFFF && text::decimal_value(ch) >= 0);
    case CATEGORY_UNI_SPACE: return ch <= 0x10FFFF && text::is_space(ch);
    case CATEGORY_UNI_NOT_SPACE: return !(ch <= 0x10FFFF && text::is_space(ch));
    case CATEGORY_UNI_WORD: return unicode_is_word(ch);
    case CATEGORY_UNI_NOT_WORD: return !unicode_is_word(ch);
    case CATEGORY_UNI_LINEBREAK: return unicode_is_linebreak(ch);
    case CATEGORY_UNI_NOT_LINEBREAK: return !unicode_is_linebreak(ch);
    default: return false;
  }
}

bool in_charset(std::span<const uint32_t> code, size_t at, uint32_t ch, bool* invalid) {
  // `result` is what finding `ch` means: NEGATE flips it, so the set's FAILURE answers !result.
  bool result = true;
  auto need = [&](size_t words) {
    if (at + words > code.size()) {
      *invalid = true;
      return false;
    }
    return true;
  };
  for (;;) {
    if (!need(1)) return false;
    uint32_t op = code[at++];
    switch (op) {
      case OP_FAILURE:
        return !result;
      case OP_LITERAL:
        if (!need(1)) return false;
        if (ch == code[at]) return result;
        at += 1;
        break;
      case OP_CATEGORY:
        if (!need(1)) return false;
        if (in_category(code[at], ch)) return result;
        at += 1;
        break;
      case OP_CHARSET:
        // A bitmap of the 256 first code points, 8 words of 32 bits.
        if (!need(8)) return false;
        if (ch < 256 && (code[at + ch / 32] & (1u << (ch & 31)))) return result;
        at += 8;
        break;
      case OP_RANGE:
        if (!need(2)) return false;
        if (code[at] <= ch && ch <= code[at + 1]) return result;
        at += 2;
        break;
      case OP_RANGE_UNI_IGNORE: {
        // `ch` is already lower-cased; its upper-case form may be the one in the range.
        if (!need(2)) return false;
        if (code[at] <= ch && ch <= code[at + 1]) return result;
        uint32_t upper = unicode_upper(ch);
        if (code[at] <= upper && upper <= code[at + 1]) return result;
        at += 2;
        break;
      }
      case OP_NEGATE:
        result = !result;
        break;
      case OP_BIGCHARSET: {
        // <count> then 256 block numbers (one byte each, packed little-endian into 64 words), then `count`
        // 256-bit blocks: code point c is bit (c & 255) of block number (c >> 8).
        if (!need(1)) return false;
        uint32_t count = code[at++];
        if (!need(64) || count > code.size() || !need(64 + size_t{count} * 8)) return false;
        if (ch < 65536) {
          uint32_t block_index = ch >> 8;
          uint32_t block = (code[at + block_index / 4] >> (8 * (block_index % 4))) & 0xFF;
          if (block >= count) {
            *invalid = true;
            return false;
          }
          uint32_t low = ch & 255;
          if (code[at + 64 + block * 8 + low / 32] & (1u << (low & 31))) return result;
        }
        at += 64 + size_t{count} * 8;
        break;
      }
      default:
        *invalid = true;
        return false;
    }
  }
}

}  // namespace minipy::sre
