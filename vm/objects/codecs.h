// Text codecs: utf-8, ascii and latin-1 with the strict, replace, ignore, backslashreplace and
// xmlcharrefreplace error handlers (codecs.cpp).
#pragma once
#include <string>
#include <string_view>

#include "vm/runtime.h"

namespace minipy {

// bytes.decode(encoding, errors) of `data`: a str, or null with LookupError/UnicodeDecodeError pending.
Value decode_bytes(ThreadState& ts, std::string_view data, std::string_view encoding, std::string_view errors);
// str.encode(encoding, errors) of the UTF-8 text `s`: a bytes, or null with LookupError/UnicodeEncodeError.
Value encode_str(ThreadState& ts, std::string_view s, std::string_view encoding, std::string_view errors);

// The (encoding, errors) arguments of decode()/encode() named `fn`, positional or keyword, into `parts`
// (which hold the defaults); false with TypeError for a non-str or an extra argument.
bool codec_args(ThreadState& ts, const char* fn, std::span<const Value> args, TupleObject* kwnames,
                std::string_view (&parts)[2]);

// Raises UnicodeDecodeError "'CODEC' codec can't decode byte 0xNN in position P: REASON" (bytes P-Q when
// s[start:end] is longer than one byte).
Value decode_error(ThreadState& ts, const char* codec, std::string_view s, size_t start, size_t end,
                   const char* reason);
// Raise UnicodeEncodeError / UnicodeDecodeError with their attributes (the whole str or bytes being converted,
// the failing range [start, end) in code points or bytes, the reason), as CPython's codecs do
// (vm/objects/unicode_error.cpp).
Value raise_unicode_encode_error(ThreadState& ts, std::string_view encoding, Value object, int64_t start,
                                 int64_t end, std::string_view reason);
Value raise_unicode_decode_error(ThreadState& ts, std::string_view encoding, Value object, int64_t start,
                                 int64_t end, std::string_view reason);
// \xhh, \uhhhh or \Uhhhhhhhh for `c`, as repr() and backslashreplace write it.
std::string escaped(char32_t c);

}  // namespace minipy
