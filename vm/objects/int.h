// What vm/objects/int.cpp shares with the other number kinds.
#pragma once

#include "vm/runtime.h"

namespace minipy {

// int(b"12", base) and float(b"1.5") (`base_or_float` 0 means float): the bytes parsed as ASCII text, so both
// constructors give a failure the bytes' repr in CPython's message.
Value parse_number_from_bytes(ThreadState& ts, Value bytes, int base_or_float);

}  // namespace minipy
