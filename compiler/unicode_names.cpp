// Unicode character names: see unicode_names.h. The stored names are sequences of word numbers into one word
// list (unicode_names.inc, generated at build time); lookup() builds a map from every name on first use.
#include "compiler/unicode_names.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <mutex>
#include <unordered_map>

#include "compiler/parse_unicode.h"
#include "ucd/unicode_names.inc"

namespace minipy::unicode_names {

namespace {

std::string utf8_of(char32_t c) {
  std::string out;
  minipy::append_utf8(out, c);
  return out;
}

// The Jamo short names that spell a syllable's name (Jamo.txt).
const char* const kLeadNames[kLCount] = {"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S",
                                         "SS", "", "J", "JJ", "C", "K", "T", "P", "H"};
const char* const kVowelNames[kVCount] = {"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE",
                                          "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"};
const char* const kTrailNames[kTCount] = {"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG",
                                          "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S",
                                          "SS", "NG", "J", "C", "K", "T", "P", "H"};

bool is_cjk_unified(char32_t c) {
  for (const ucd::CodeRange& r : ucd::kCjkUnifiedIdeographs)
    if (c >= r.first && c <= r.last) return true;
  return false;
}

// The longest of `names` that `text` starts with at `pos` (advancing `pos`), or -1.
int match_jamo(std::string_view text, size_t* pos, const char* const* names, int count) {
  int best = -1;
  size_t best_length = 0;
  for (int i = 0; i < count; i++) {
    std::string_view n = names[i];
    if (text.substr(*pos, n.size()) == n && (best < 0 || n.size() > best_length)) {
      best = i;
      best_length = n.size();
    }
  }
  if (best >= 0) *pos += best_length;
  return best;
}

}  // namespace

std::string name_of(char32_t c) {
  // Hangul syllables and CJK unified ideographs have names computed from their code points (Unicode's algorithmic
  // names, chapter 3.12 and 4.8), so the table stores neither; CPython's unicodedata computes them the same way.
  if (is_hangul_syllable(c)) {
    int s = static_cast<int>(c - kSBase);
    return std::string("HANGUL SYLLABLE ") + kLeadNames[s / kNCount] + kVowelNames[(s % kNCount) / kTCount] +
           kTrailNames[s % kTCount];
  }
  if (is_cjk_unified(c)) return fmt::format("CJK UNIFIED IDEOGRAPH-{:X}", static_cast<uint32_t>(c));
  const ucd::NameEntry* end = std::end(ucd::kNames) - 1;  // the last entry only closes the word list
  const ucd::NameEntry* e =
      std::lower_bound(std::begin(ucd::kNames), end, c, [](const ucd::NameEntry& n, char32_t v) { return n.code < v; });
  if (e == end || e->code != c) return "";
  std::string name;
  // Names are stored as indices into one list of distinct words: most names share words ("LATIN", "LETTER", ...), which
  // keeps the table a fraction of the size of the full name strings.
  for (uint32_t w = e->first_word; w < e[1].first_word; w++) {
    if (!name.empty()) name.push_back(' ');
    name += &ucd::kWords[ucd::kWordOffsets[ucd::kNameWords[w]]];
  }
  return name;
}

namespace {

// Every stored name, alias and named sequence, uppercase, to its text (UTF-8); built on the first lookup().
const std::unordered_map<std::string, std::string>& names_to_text() {
  static std::unordered_map<std::string, std::string> map;
  // The reverse map is built lazily, once, because most programs never look a name up, and -m compileall may compile
  // `\N{...}` escapes on several threads at once.
  static std::once_flag built;
  std::call_once(built, [] {
    map.reserve(std::size(ucd::kNames) + std::size(ucd::kAliases));
    for (size_t i = 0; i + 1 < std::size(ucd::kNames); i++) map.emplace(name_of(ucd::kNames[i].code), utf8_of(ucd::kNames[i].code));
    for (const ucd::Alias& a : ucd::kAliases) map.emplace(a.name, a.text);
  });
  return map;
}

}  // namespace

bool lookup(std::string_view name, bool named_sequences, std::string* out) {
  // The algorithmic names are matched case-sensitively, as CPython's _getcode does for them; the table lookup below
  // ignores case.
  if (name.starts_with("HANGUL SYLLABLE ")) {
    size_t pos = 16;
    int l = match_jamo(name, &pos, kLeadNames, kLCount);
    int v = match_jamo(name, &pos, kVowelNames, kVCount);
    int t = match_jamo(name, &pos, kTrailNames, kTCount);
    if (l >= 0 && v >= 0 && t >= 0 && pos == name.size()) {
      *out = utf8_of(kSBase + (l * kVCount + v) * kTCount + t);
      return true;
    }
    return false;
  }
  if (name.starts_with("CJK UNIFIED IDEOGRAPH-")) {
    // The code is 4 or 5 uppercase hex digits.
    std::string_view hex = name.substr(22);
    if (hex.size() != 4 && hex.size() != 5) return false;
    char32_t c = 0;
    for (char h : hex) {
      if (h >= '0' && h <= '9') c = c * 16 + (h - '0');
      else if (h >= 'A' && h <= 'F') c = c * 16 + (h - 'A' + 10);
      else return false;
    }
    if (!is_cjk_unified(c)) return false;
    *out = utf8_of(c);
    return true;
  }
  std::string upper(name);
  for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  auto found = names_to_text().find(upper);
  if (found == names_to_text().end()) return false;
  // A named sequence is more than one character; its first byte's length says whether that is all of it.
  auto lead = static_cast<unsigned char>(found->second[0]);
  size_t first_length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  // Named sequences (several code points under one name) are valid for unicodedata.lookup() but not in a `\N{...}`
  // escape, which must name a single character.
  if (!named_sequences && found->second.size() > first_length) return false;
  *out = found->second;
  return true;
}

}  // namespace minipy::unicode_names
