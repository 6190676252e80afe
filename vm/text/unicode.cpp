// Unicode facts for the str engine: UTF-8 stepping and counting (minipy's strs are UTF-8, so every index a Python
// program uses is a code-point count that must be converted), and character classes and case mappings from
// unicode_tables.inc, which gen/gen_unicode_tables.py probed from python3.11's own str methods (Unicode 14.0.0),
// so str.isalpha(), upper() and friends agree with CPython by construction.
#include "vm/text/unicode.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

namespace minipy::text {
namespace {

// The class table is run-length encoded: each run starts at `first` and lasts until the next run, so a lookup is a
// binary search over a few thousand runs instead of a 1.1M-entry array.
struct FlagRun {
  char32_t first;
  uint16_t flags;
};
struct CaseRow {
  char32_t code_point;
  uint32_t upper, lower, title, fold;
};

#include "vm/text/unicode_tables.inc"

static_assert(kAlpha == kClassAlpha && kLinebreak == kClassLineBreak && kCaseIgnorable == kClassCaseIgnorable &&
              kXidStart == kClassIdentifierStart && kTitle == kClassTitle,
              "CharClass bits must match the generated table");

// Latin-1 gets a flat table computed at compile time from the runs: most text is in this range, and a lookup there is
// then one load.
constexpr std::array<uint16_t, 256> build_latin1_classes() {
  std::array<uint16_t, 256> table{};
  size_t run = 0;
  for (char32_t c = 0; c < 256; ++c) {
    while (run + 1 < std::size(kFlagRuns) && kFlagRuns[run + 1].first <= c) ++run;
    table[c] = kFlagRuns[run].flags;
  }
  return table;
}

}  // namespace

// Eight bytes at a time: a word with any high bit set holds a non-ASCII byte. memcpy keeps the unaligned load well
// defined.
bool is_ascii(std::string_view s) {
  const char* p = s.data();
  size_t n = s.size();
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t word;
    std::memcpy(&word, p + i, 8);
    if (word & 0x8080808080808080ull) return false;
  }
  for (; i < n; ++i)
    if (static_cast<unsigned char>(p[i]) >= 0x80) return false;
  return true;
}

// Used by the reverse searches (rfind, rstrip, rsplit); on malformed input (possible in a bytes-derived view) it steps
// back one byte so a caller's loop always makes progress.
char32_t previous_code_point(std::string_view s, size_t* pos) {
  size_t start = *pos - 1;
  // Back up over at most three continuation bytes, then check that the lead byte really spans them.
  size_t limit = *pos >= 4 ? *pos - 4 : 0;
  while (start > limit && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  size_t probe = start;
  char32_t cp = next_code_point(s, &probe);
  if (probe != *pos) {  // malformed: treat the last byte as a character of its own
    start = *pos - 1;
    cp = static_cast<unsigned char>(s[start]);
  }
  *pos = start;
  return cp;
}

// Surrogates (U+D800..U+DFFF) are encoded like any other BMP code point, giving the 3-byte sequences minipy's strs use
// to hold lone surrogates (surrogateescape, surrogatepass); a real UTF-8 encoder would refuse them, which is
// encode_str's job.
void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string utf8_of(char32_t cp) {
  std::string out;
  append_utf8(out, cp);
  return out;
}

// Code points are counted as the bytes that do not continue a sequence (not 0b10xxxxxx), eight at a time.
// For well-formed text that is exact; for malformed bytes it may differ from stepping with
// next_code_point, but every offset stays within the text.
namespace {

inline bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// A continuation byte is 10xxxxxx: its bit 7 is set and bit 6 clear; shifting the word left by one lines each byte's
// bit 6 up under its bit 7 (bits crossing into the next byte are masked away).
inline int leads_in_word(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, 8);
  uint64_t continuation = word & ~(word << 1) & 0x8080808080808080ull;
  return 8 - std::popcount(continuation);
}

}  // namespace

size_t code_point_count(std::string_view s) {
  size_t count = 0, pos = 0;
  for (; pos + 8 <= s.size(); pos += 8) count += static_cast<size_t>(leads_in_word(s.data() + pos));
  for (; pos < s.size(); ++pos) count += is_continuation(static_cast<unsigned char>(s[pos])) ? 0 : 1;
  return count;
}

// Whole words are skipped while they hold no more lead bytes than the index still needs; then the last stretch is
// walked byte by byte. An index past the end gives s.size().
size_t byte_offset_of_index(std::string_view s, size_t index) {
  size_t pos = 0;
  for (; pos + 8 <= s.size(); pos += 8) {
    auto leads = static_cast<size_t>(leads_in_word(s.data() + pos));
    if (leads > index) break;
    index -= leads;
  }
  // Code point `index` (counted from pos) starts at the index-th lead byte from here.
  for (; pos < s.size(); ++pos) {
    if (is_continuation(static_cast<unsigned char>(s[pos]))) continue;
    if (index == 0) break;
    --index;
  }
  return pos;
}

size_t index_of_byte_offset(std::string_view s, size_t offset) {
  return code_point_count(s.substr(0, std::min(offset, s.size())));
}

const std::array<uint16_t, 256> kLatin1Classes = build_latin1_classes();

uint16_t classes_beyond_latin1(char32_t cp) {
  auto it = std::upper_bound(std::begin(kFlagRuns), std::end(kFlagRuns), cp,
                             [](char32_t c, const FlagRun& run) { return c < run.first; });
  return std::prev(it)->flags;  // the first run starts at 0, so there is always one
}

// Unicode's decimal digits come in contiguous runs of ten starting at a zero (Nd characters), so the value is the
// distance from the nearest zero at or below cp.
int decimal_value(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9' ? static_cast<int>(cp - '0') : -1;
  if (!has_class(cp, kClassDecimal)) return -1;
  auto it = std::upper_bound(std::begin(kDecimalZeros), std::end(kDecimalZeros), cp);
  if (it == std::begin(kDecimalZeros)) return -1;
  char32_t zero = *std::prev(it);
  return cp - zero < 10 ? static_cast<int>(cp - zero) : -1;
}

// The table holds only characters whose mappings differ from themselves; a mapping code may refer to a multi- character
// expansion (ß upper is "SS"), which is why the result is appended rather than returned.
void append_case_mapped(std::string& out, char32_t cp, CaseMapping mapping) {
  if (cp < 0x80) {
    char c = static_cast<char>(cp);
    bool lower = c >= 'a' && c <= 'z', upper = c >= 'A' && c <= 'Z';
    if (mapping == CaseMapping::kUpper || mapping == CaseMapping::kTitle) {
      out.push_back(lower ? static_cast<char>(c - 32) : c);
    } else {
      out.push_back(upper ? static_cast<char>(c + 32) : c);
    }
    return;
  }
  auto it = std::lower_bound(std::begin(kCaseRows), std::end(kCaseRows), cp,
                             [](const CaseRow& row, char32_t c) { return row.code_point < c; });
  if (it == std::end(kCaseRows) || it->code_point != cp) {
    append_utf8(out, cp);
    return;
  }
  uint32_t code = mapping == CaseMapping::kUpper   ? it->upper
                  : mapping == CaseMapping::kLower ? it->lower
                  : mapping == CaseMapping::kTitle ? it->title
                                                   : it->fold;
  if ((code & 0x80000000u) == 0) {
    append_utf8(out, code);
    return;
  }
  uint32_t length = (code >> 24) & 0x7F, offset = code & 0xFFFFFF;
  for (uint32_t i = 0; i < length; ++i) append_utf8(out, kCasePool[offset + i]);
}

}  // namespace minipy::text
