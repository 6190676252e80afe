// What vm/objects/int.cpp shares with the other number kinds.
#pragma once

#include "vm/runtime.h"

namespace minipy {

// int(b"12", base) and float(b"1.5") (a negative `base_or_float` means float): the bytes parsed as ASCII text, so both
// constructors give a failure the bytes' repr in CPython's message.
Value parse_number_from_bytes(ThreadState& ts, Value bytes, int base_or_float);
// The same for any other bytes-like object (memoryview, array), parsed as the bytes it holds, as int() and
// float() do; null without an exception when `x` is no buffer exporter.
Value parse_number_from_buffer(ThreadState& ts, Value x, int base_or_float);

}  // namespace minipy
