// The two halves of the native itertools module (itertools.cpp, itertools_combinatoric.cpp).
#pragma once
#include "stdlib/native/native_type.h"

namespace minipy {

// Defines the types of itertools.cpp (count ... pairwise) once per interpreter, and puts them in module `m`.
void define_iterator_types(ThreadState& ts);
void add_iterator_types(ThreadState& ts, ModuleObject* m);

}  // namespace minipy
