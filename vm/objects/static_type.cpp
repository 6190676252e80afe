// The two steps of setting up a builtin type defined outside MINIPY_BUILTIN_TYPES (see static_type.h).
#include "vm/objects/static_type.h"
#include "vm/objects/type_init.h"

namespace minipy {

void begin_static_type(ThreadState& ts, Type& t, const char* name, Type* base, size_t instance_size,
                       uint32_t flags) {
  t.type = &type_type;
  t.gc_flags = kGcStatic;
  t.c_name = name;
  t.base = base;
  t.instance_size = static_cast<uint32_t>(instance_size);
  t.flags = flags | kTypeImmutable;
  init_static_type(ts, t);  // which also makes it a collector root (trace_static_types)
}

void finish_static_type_slots(ThreadState& ts, Type& t, const MethodDef* new_def) {
  // Wrappers first: they are added for the slots the type defines itself, which inheritance would blur.
  add_slot_wrappers(ts, t);
  if (new_def) add_methods(ts, t, std::span<const MethodDef>(new_def, 1));
  inherit_type_slots(t);
}

}  // namespace minipy

namespace minipy {

// Called by the interpreter after the X-macro types exist (vm/interp/interpreter.cpp).
void init_buffer_types(ThreadState& ts) {
#define X(name) init_##name(ts);
  MINIPY_STATIC_TYPE_INITIALISERS(X)
#undef X
}

}  // namespace minipy
