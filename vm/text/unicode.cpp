#include "vm/text/unicode.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace minipy::text {
namespace {

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

uint16_t lookup_classes(char32_t cp) {
  auto it = std::upper_bound(std::begin(kFlagRuns), std::end(kFlagRuns), cp,
                             [](char32_t c, const FlagRun& run) { return c < run.first; });
  return it == std::begin(kFlagRuns) ? 0 : std::prev(it)->flags;
}

// Latin-1 is looked up on every ASCII fast path, so it gets a direct table.
const std::array<uint16_t, 256>& latin1_classes() {
  static const std::array<uint16_t, 256> table = [] {
    std::array<uint16_t, 256> t{};
    for (char32_t c = 0; c < 256; ++c) t[c] = lookup_classes(c);
    return t;
  }();
  return table;
}

}  // namespace

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

size_t code_point_count(std::string_view s) {
  size_t count = 0;
  for (size_t pos = 0; pos < s.size(); ++count) {
    // Runs of ASCII go eight bytes at a time.
    while (pos + 8 <= s.size()) {
      uint64_t word;
      std::memcpy(&word, s.data() + pos, 8);
      if (word & 0x8080808080808080ull) break;
      pos += 8;
      count += 8;
    }
    if (pos >= s.size()) break;
    if (static_cast<unsigned char>(s[pos]) < 0x80) {
      ++pos;
    } else {
      next_code_point(s, &pos);
    }
  }
  return count;
}

size_t byte_offset_of_index(std::string_view s, size_t index) {
  size_t pos = 0;
  for (size_t i = 0; i < index && pos < s.size(); ++i) next_code_point(s, &pos);
  return pos;
}

size_t index_of_byte_offset(std::string_view s, size_t offset) {
  size_t count = 0;
  for (size_t pos = 0; pos < offset && pos < s.size(); ++count) next_code_point(s, &pos);
  return count;
}

uint16_t char_classes(char32_t cp) {
  if (cp < 256) return latin1_classes()[cp];
  return lookup_classes(cp);
}

int decimal_value(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9' ? static_cast<int>(cp - '0') : -1;
  if (!has_class(cp, kClassDecimal)) return -1;
  auto it = std::upper_bound(std::begin(kDecimalZeros), std::end(kDecimalZeros), cp);
  if (it == std::begin(kDecimalZeros)) return -1;
  char32_t zero = *std::prev(it);
  return cp - zero < 10 ? static_cast<int>(cp - zero) : -1;
}

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
