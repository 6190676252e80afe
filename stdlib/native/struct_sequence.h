// Struct sequences (CPython's PyStructSequence): tuples whose items also have names, such as os.stat_result and
// time.struct_time. A struct-sequence type is a class deriving from tuple: the visible items are the tuple, each
// named field is a read-only attribute, and hidden fields (st_atime as a float, tm_zone, ...) are attributes only.
// repr shows the visible items by name, as CPython's; see struct_sequence.cpp for the rest of CPython's behaviour.
#pragma once
#include <span>
#include <string_view>

#include "vm/runtime.h"

namespace minipy {

// A new struct-sequence type `module.name` with visible items `visible` (the first `named` of them have names as
// attributes; the others are unnamed, as os.stat_result's integer times) and then the fields `hidden`.
// `instantiable`: whether Python code may call the type (sys.flags and sys.version_info may not). Null with an
// exception pending on failure.
Value make_struct_sequence_type(ThreadState& ts, std::string_view module, std::string_view name,
                                std::span<const char* const> visible, size_t named,
                                std::span<const char* const> hidden = {}, bool instantiable = true);
// An instance of struct-sequence type `type`: `values` are the visible items, then the hidden fields in order
// (those left out are None).
Value make_struct_sequence(ThreadState& ts, Value type, std::span<const Value> values);

}  // namespace minipy
