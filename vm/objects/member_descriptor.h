// Slot descriptors: the member_descriptor objects a class's __slots__ names become (member_descriptor.cpp).
#pragma once
#include <cstdint>

#include "vm/runtime.h"

namespace minipy {

// A descriptor for the Value at byte `offset` inside instances of `owner`, shown as slot `name`.
Value make_member_descriptor(ThreadState& ts, Type* owner, StrObject* name, int64_t offset);
bool is_member_descriptor(Value v);
// The class that laid out member descriptor `v`'s slot (its __objclass__).
Type* member_descriptor_owner(Value v);

}  // namespace minipy
