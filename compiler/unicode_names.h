// Unicode character names (Unicode 14.0.0, as CPython 3.11's): the name of a code point and the character a
// name stands for. One table serves the compiler's "\N{...}" escapes (parse_literals.cpp) and the VM's
// unicodedata.name/lookup (stdlib/native/unicodedata.cpp). The names are generated at build time from
// python3.11's own unicodedata (stdlib/native/gen/gen_unicodedata.py writes unicode_names.inc); the Hangul
// syllable and CJK unified ideograph names are computed, as Unicode defines them (Unicode 3.12, 4.8).
#pragma once
#include <string>
#include <string_view>

namespace minipy::unicode_names {

// The Hangul syllable algorithm's constants (Unicode 3.12), which normalization also uses.
constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr int kLCount = 19, kVCount = 21, kTCount = 28, kNCount = kVCount * kTCount, kSCount = kLCount * kNCount;
inline bool is_hangul_syllable(char32_t c) { return c >= kSBase && c < kSBase + kSCount; }

// The name of `c` ("LATIN SMALL LETTER A", "HANGUL SYLLABLE GA"), or "" when it has none.
std::string name_of(char32_t c);

// The text `name` stands for, in UTF-8, into `utf8`; false when there is no such name. Stored names and aliases
// match case-insensitively, the algorithmic Hangul and CJK names exactly (as CPython's). Named sequences (several
// characters) only with `named_sequences`: unicodedata.lookup takes them, "\N{...}" does not.
bool lookup(std::string_view name, bool named_sequences, std::string* utf8);

}  // namespace minipy::unicode_names
