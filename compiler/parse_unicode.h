// Small UTF-8 helpers for the front end: decoding one code point, validating a whole source the way CPython
// reports it, counting characters for SyntaxError offsets, and an approximation of the identifier classes.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace minipy {

// Byte length of the UTF-8 sequence starting with *p (1 for ASCII and for stray bytes).
size_t utf8_length(const unsigned char* p);
// The code point at p (input already validated); `end` bounds the read.
char32_t decode_utf8_at(const unsigned char* p, const unsigned char* end);
// Appends the UTF-8 encoding of cp to out.
void append_utf8(std::string& out, char32_t cp);
// Number of code points in `bytes` (valid UTF-8).
int count_chars(std::string_view bytes);

// Identifier classes (XID_Start/XID_Continue) for non-ASCII code points. minipy carries no Unicode database:
// letters of every script are accepted and the punctuation, symbol, currency, private-use and emoji blocks
// are rejected, which covers what learners type.
bool is_xid_start(char32_t cp);
// str.isprintable() for one code point, without a Unicode database: control, format, separator (but ' '),
// surrogate, private-use and noncharacter code points are not printable.
bool is_printable(char32_t cp);
bool is_xid_continue(char32_t cp);

struct Utf8Problem {
  size_t offset;     // byte offset of the first bad byte
  std::string byte_hex;  // "0xe9"
};
// The first invalid UTF-8 sequence in `text`, if any: overlong forms, code points above U+10FFFF and truncated
// sequences count as invalid, and so do encoded surrogates unless `allow_surrogates` (marshal reads strs with
// "surrogatepass", so a pyc may hold a lone '\udc80'). The one UTF-8 check of the compiler, the cache and the VM.
std::optional<Utf8Problem> find_invalid_utf8(std::string_view text, bool allow_surrogates = false);

// The first error CPython's strict UTF-8 decoder meets in `data`: the bytes [start, end) it blames and its reason
// ("invalid start byte", "invalid continuation byte", "unexpected end of data"); the 'replace' error handler
// turns each such range into one U+FFFD. (find_invalid_utf8 is the fast yes/no check; this one says why.)
struct Utf8DecodeError {
  size_t start, end;
  const char* reason;
  // UnicodeDecodeError's text: "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte".
  std::string message(std::string_view data) const;
};
std::optional<Utf8DecodeError> utf8_decode_error(std::string_view data);
// `data` decoded with errors='replace'.
std::string utf8_replace_invalid(std::string_view data);

}  // namespace minipy
