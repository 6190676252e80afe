// The parts of the native _collections module (collections.cpp: the module, defaultdict, _count_elements,
// _tuplegetter; collections_deque.cpp: deque and its iterators).
#pragma once
#include "stdlib/native/native_type.h"

namespace minipy {

extern Type deque_type;
// Defines deque, _deque_iterator and _deque_reverse_iterator (once per interpreter) and adds them to `m`.
void define_deque_types(ThreadState& ts, ModuleObject* m);

}  // namespace minipy
