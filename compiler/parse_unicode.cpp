// UTF-8 for the front end (parse_unicode.h). The compiler library may not use the VM's Unicode tables
// (vm/text/unicode_tables.inc), so identifier and printability classes here are range approximations; the VM's str
// methods use the exact tables. Identifiers are not NFKC-normalised either (PEP 3131 asks for it: CPython reads `ﬁle`
// as `file`).
#include "compiler/parse_unicode.h"

#include <fmt/format.h>

#include <cstdint>
#include <cstring>

namespace minipy {

// By the lead byte alone: callers have validated the text (find_invalid_utf8) or only need to step over it.
size_t utf8_length(const unsigned char* p) {
  unsigned char c = *p;
  if (c < 0xC0) return 1;
  if (c < 0xE0) return 2;
  if (c < 0xF0) return 3;
  return 4;
}

// A truncated sequence at the end yields its lead byte rather than reading past `end`.
char32_t decode_utf8_at(const unsigned char* p, const unsigned char* end) {
  size_t n = utf8_length(p);
  if (static_cast<size_t>(end - p) < n) return *p;
  switch (n) {
    case 1: return *p;
    case 2: return ((p[0] & 0x1Fu) << 6) | (p[1] & 0x3Fu);
    case 3: return ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    default: return ((p[0] & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
  }
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

int count_chars(std::string_view bytes) {
  int n = 0;
  for (unsigned char c : bytes) n += (c & 0xC0) != 0x80;
  return n;
}

namespace {

bool in(char32_t cp, char32_t lo, char32_t hi) { return cp >= lo && cp <= hi; }

// Non-ASCII code points that can never be part of a name (punctuation, symbols, spaces, private use).
// Latin-1's letters ª µ º and the middle dot · are the exceptions in its symbol range; U+203F/2040/2054 (connector
// punctuation) and U+2071/207F (superscript letters) are identifier characters inside the General Punctuation block.
bool never_in_name(char32_t cp) {
  if (in(cp, 0x80, 0xBF)) return cp != 0xAA && cp != 0xB5 && cp != 0xBA && cp != 0xB7;
  if (cp == 0xD7 || cp == 0xF7) return true;
  if (in(cp, 0x2000, 0x206F)) return cp != 0x203F && cp != 0x2040 && cp != 0x2054 && cp != 0x2071 && cp != 0x207F;
  return in(cp, 0x20A0, 0x20CF) || in(cp, 0x2190, 0x2BFF) || in(cp, 0x2E00, 0x2E7F) || in(cp, 0x3000, 0x3004) ||
         in(cp, 0x3008, 0x3020) || cp == 0x3030 || in(cp, 0xD800, 0xF8FF) || in(cp, 0xFE30, 0xFE4F) ||
         in(cp, 0xFF01, 0xFF0F) || in(cp, 0xFF1A, 0xFF20) || in(cp, 0xFF3B, 0xFF3E) || cp == 0xFF40 ||
         in(cp, 0xFF5B, 0xFF65) || in(cp, 0xFFF0, 0xFFFF) || in(cp, 0x1F000, 0x1FAFF);
}

// Combining marks continue a name but cannot start one.
bool continue_only(char32_t cp) {
  return cp == 0xB7 || in(cp, 0x0300, 0x036F) || cp == 0x203F || cp == 0x2040 || cp == 0x2054 ||
         in(cp, 0x1AB0, 0x1AFF) || in(cp, 0x1DC0, 0x1DFF) || in(cp, 0x20D0, 0x20FF) || in(cp, 0xFE20, 0xFE2F);
}

}  // namespace

// Used by the repr of str constants (error messages, PEP 563 annotations, the AST dump); the VM's repr() and
// str.isprintable() use the exact tables.
bool is_printable(char32_t c) {
  if (c < 0x20 || in(c, 0x7F, 0xA0) || c == 0xAD) return false;
  if (c < 0x600) return true;
  return !(in(c, 0x600, 0x605) || c == 0x61C || c == 0x6DD || c == 0x70F || c == 0x180E || c == 0x1680 ||
           in(c, 0x2000, 0x200F) || in(c, 0x2028, 0x202F) || in(c, 0x205F, 0x206F) || c == 0x3000 ||
           in(c, 0xD800, 0xF8FF) || c == 0xFEFF || in(c, 0xFFF0, 0xFFFB) || c == 0xFFFE || c == 0xFFFF ||
           in(c, 0xE0000, 0xE0FFF) || c >= 0xF0000);
}

bool is_xid_start(char32_t cp) { return !never_in_name(cp) && !continue_only(cp); }
bool is_xid_continue(char32_t cp) { return !never_in_name(cp); }

// The shortest-form check is done by decoding and comparing with the minimum code point for the length, which rejects
// overlong encodings (C0/C1 leads are excluded above, E0/F0 ones here).
std::optional<Utf8Problem> find_invalid_utf8(std::string_view text, bool allow_surrogates) {
  auto* p = reinterpret_cast<const unsigned char*>(text.data());
  auto* end = p + text.size();
  for (auto* q = p; q < end;) {
    // Sources are mostly ASCII: skip eight ASCII bytes at a time.
    if (end - q >= 8) {
      uint64_t word;
      std::memcpy(&word, q, 8);
      if ((word & 0x8080808080808080ull) == 0) {
        q += 8;
        continue;
      }
    }
    unsigned char c = *q;
    if (c < 0x80) { ++q; continue; }
    size_t n = 0;
    char32_t min = 0;
    if (c >= 0xC2 && c <= 0xDF) { n = 2; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { n = 3; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 4; min = 0x10000; }
    bool ok = n != 0 && static_cast<size_t>(end - q) >= n;
    for (size_t i = 1; ok && i < n; ++i) ok = (q[i] & 0xC0) == 0x80;
    if (ok) {
      char32_t cp = decode_utf8_at(q, end);
      ok = cp >= min && cp <= 0x10FFFF && (allow_surrogates || !(cp >= 0xD800 && cp <= 0xDFFF));
    }
    if (!ok) return Utf8Problem{static_cast<size_t>(q - p), fmt::format("{:#04x}", c)};
    q += n;
  }
  return std::nullopt;
}

// Unlike find_invalid_utf8 this reports the span CPython's decoder blames: the maximal prefix of a sequence that could
// still have been valid, so a stray continuation byte and a truncated sequence give different messages.
std::optional<Utf8DecodeError> utf8_decode_error(std::string_view data) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(data[i]); };
  size_t n = data.size();
  for (size_t i = 0; i < n;) {
    unsigned char c = byte(i);
    if (c < 0x80) {
      ++i;
      continue;
    }
    if (c < 0xC2 || c > 0xF4) return Utf8DecodeError{i, i + 1, "invalid start byte"};
    size_t need = c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    for (size_t k = 1; k <= need; ++k) {
      if (i + k >= n) return Utf8DecodeError{i, n, "unexpected end of data"};
      unsigned char b = byte(i + k);
      bool ok = k == 1 ? b >= lo && b <= hi : (b & 0xC0) == 0x80;
      if (!ok) return Utf8DecodeError{i, i + k, "invalid continuation byte"};
    }
    i += need + 1;
  }
  return std::nullopt;
}

std::string Utf8DecodeError::message(std::string_view data) const {
  if (end - start == 1)
    return fmt::format("'utf-8' codec can't decode byte {:#04x} in position {}: {}",
                       static_cast<unsigned char>(data[start]), start, reason);
  // A multi-byte span is reported with an inclusive end position, as UnicodeDecodeError.__str__ does.
  return fmt::format("'utf-8' codec can't decode bytes in position {}-{}: {}", start, end - 1, reason);
}

std::string utf8_replace_invalid(std::string_view data) {
  std::string out;
  while (auto e = utf8_decode_error(data)) {
    out.append(data.substr(0, e->start));
    out += "\xEF\xBF\xBD";
    data.remove_prefix(e->end);
  }
  out.append(data);
  return out;
}

}  // namespace minipy
