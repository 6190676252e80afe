// Struct sequences (CPython's PyStructSequence): tuples whose items also have names, such as os.stat_result and
// time.struct_time. A struct-sequence type is a class deriving from tuple: the visible items are the tuple, a
// read-only property names each of the first `named` of them, and extra fields (st_atime as a float,
// tm_zone, ...) are instance attributes. repr shows the visible items by name, as CPython's.
#pragma once
#include <span>
#include <string_view>

#include "vm/runtime.h"

namespace minipy {

// A new struct-sequence type `module.name` whose visible items are called `visible` (for repr); properties
// are made for the first `named` of them. Null with an exception pending on failure.
Value make_struct_sequence_type(ThreadState& ts, std::string_view module, std::string_view name,
                                std::span<const char* const> visible, size_t named);
// An instance of struct-sequence type `type`: `values` are the visible items, then the values of the extra
// fields named `extra_names`.
Value make_struct_sequence(ThreadState& ts, Value type, std::span<const Value> values,
                           std::span<const char* const> extra_names = {});

}  // namespace minipy
