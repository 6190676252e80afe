// The `method-wrapper` type (vm/objects/method_wrapper.cpp): a slot wrapper bound to an object.
#pragma once
#include "vm/runtime.h"

namespace minipy {

extern Type method_wrapper_type;

// The slot wrapper `def` of class `owner` bound to `self` ((1).__add__).
Value make_method_wrapper(ThreadState& ts, const MethodDef* def, Type* owner, Value self);

}  // namespace minipy
