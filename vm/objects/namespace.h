// types.SimpleNamespace (vm/objects/namespace.cpp).
#pragma once
#include "vm/runtime.h"

namespace minipy {

// A new, empty SimpleNamespace (sys.implementation is one); set its attributes through its dict.
Value make_namespace(ThreadState& ts);

}  // namespace minipy
