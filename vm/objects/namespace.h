// types.SimpleNamespace (vm/objects/namespace.cpp).
#pragma once
#include "vm/runtime.h"

namespace minipy {

// A new, empty SimpleNamespace (sys.implementation is one); set its attributes through its dict.
Value make_namespace(ThreadState& ts);
// Sets up the type; called once with the other builtin types.
void init_namespace_type(ThreadState& ts);

}  // namespace minipy
