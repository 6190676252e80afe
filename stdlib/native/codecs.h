// The two halves of the native _codecs module: the registry, error handlers and the utf-8/ascii/latin-1/charmap
// functions (codecs.cpp), and the escape and UTF-16/32 codecs (codecs_escape.cpp).
#pragma once
#include <string>
#include <string_view>

#include "stdlib/native/native_type.h"
#include "vm/objects/codecs.h"

namespace minipy {

// The data argument of a decode function: a bytes object's contents (or, where CPython accepts text, a str's
// UTF-8); TypeError "a bytes-like object is required, not 'T'" otherwise.
[[nodiscard]] bool codec_bytes_arg(ThreadState& ts, Value v, bool accept_str, std::string_view* out);
// The errors argument: "strict" when absent or None; TypeError for a non-str.
[[nodiscard]] bool codec_errors_arg(ThreadState& ts, const char* fn, Value v, std::string_view* out);
// (result, consumed) as every codec function returns it.
Value codec_result(ThreadState& ts, Value result, int64_t consumed);
// Raises LookupError for an error handler name this module cannot apply.
Value unknown_handler(ThreadState& ts, std::string_view errors);

// Adds the functions of codecs_escape.cpp to module `m`.
void add_escape_codecs(ThreadState& ts, ModuleObject* m);

}  // namespace minipy
