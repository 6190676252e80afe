// The two steps of setting up a builtin type defined outside MINIPY_BUILTIN_TYPES (see static_type.h).
#include "vm/objects/static_type.h"

namespace minipy {

void init_static_type(ThreadState& ts, Type& t);   // type.cpp: name, dict, MRO, bases
void inherit_type_slots(Type& t);                  // type.cpp: empty slots from the base

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

void init_complex_type(ThreadState& ts);     // complex.cpp
void init_bytes_buffer(ThreadState& ts);     // buffer.cpp: bytes as a buffer exporter
void init_bytearray_type(ThreadState& ts);   // bytearray.cpp
void init_memoryview_type(ThreadState& ts);  // memoryview.cpp
void init_member_descriptor_type(ThreadState& ts);  // member_descriptor.cpp
void init_namespace_type(ThreadState& ts);          // namespace.cpp

// Called by the interpreter after the X-macro types exist (vm/interp/interpreter.cpp).
void init_buffer_types(ThreadState& ts) {
  init_complex_type(ts);
  init_bytes_buffer(ts);
  init_bytearray_type(ts);
  init_memoryview_type(ts);
  init_member_descriptor_type(ts);
  init_namespace_type(ts);
}

}  // namespace minipy
