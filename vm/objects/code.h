// The Python-visible side of code objects beyond the co_* getters of vm/interp/runtime_compiler.cpp: the
// methods CPython's Lib (dis, types, inspect) calls on a code object, and the Value -> Const conversion that
// both `code.replace(co_consts=...)` and `marshal.dumps` need.
#pragma once
#include "compiler/constant.h"
#include "vm/runtime.h"

namespace minipy {

// Adds _varname_from_oparg, replace, __eq__ and __hash__ to the code type (once, at start-up).
void init_code_methods(ThreadState& ts);

// A Python value as a compiler constant (what co_consts and marshal can hold), `depth` levels into a
// container; false with ValueError pending ("unmarshallable object", "object too deeply nested to marshal").
[[nodiscard]] bool value_to_constant(ThreadState& ts, Value v, ConstRef* out, int depth);

}  // namespace minipy
