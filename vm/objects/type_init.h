// The start-up order of the builtin types: ONE list of the per-kind initialisers, expanded here into their
// declarations and in vm/objects/types.cpp (init_types) and vm/objects/static_type.cpp (init_buffer_types)
// into the calls, so adding a kind is one row and a declaration cannot drift from its call.
//
// Each initialiser lives in its own vm/objects/<kind>.cpp and fills the slots and methods of types whose name,
// base and layout init_types() has already set. The order matters where a kind copies another's methods or
// slots (bool after int, the exception slots before the exception groups, object's methods last so that the
// dunder wrappers of every other type exist first).
#pragma once

#include "vm/runtime.h"

namespace minipy {

// Called by init_types() after every X-macro type is named and has its dict and MRO; `init_NAME(ts)` each.
#define MINIPY_TYPE_INITIALISERS(X)                                                                           \
  X(object_type) X(type_type) X(int_type) X(float_type) X(str_type) X(bytes_type) X(tuple_type) X(list_type) \
  X(dict_type) X(set_types) X(range_type) X(function_types) X(iterator_types) X(iterator_pickling)          \
  X(misc_types) X(generator_type) X(coroutine_types) X(async_generator_types) X(exception_slots)            \
  X(exception_group_types) X(super_type) X(mappingproxy_type) X(number_methods) X(type_methods)            \
  X(object_methods)

// The builtin types defined outside MINIPY_BUILTIN_TYPES (static_type.h), set up by init_buffer_types() once the
// X-macro types exist: complex, bytes' buffer interface, bytearray, memoryview, member_descriptor, namespace.
#define MINIPY_STATIC_TYPE_INITIALISERS(X) \
  X(complex_type) X(bytes_buffer) X(bytearray_type) X(memoryview_type) X(member_descriptor_type) X(namespace_type) \
  X(method_wrapper_type)

#define X(name) void init_##name(ThreadState& ts);
MINIPY_TYPE_INITIALISERS(X)
MINIPY_STATIC_TYPE_INITIALISERS(X)
#undef X

// Runs every MINIPY_STATIC_TYPE_INITIALISERS row (vm/objects/static_type.cpp); the interpreter calls it after
// init_types().
void init_buffer_types(ThreadState& ts);

// type_lookup (vm/objects/type.cpp) caches its answers from this call on; the interpreter makes it once it has
// built itself, because start-up's lookups are one-offs.
void start_type_lookup_cache();

// Parts of one kind's initialiser kept in a second file because the kind's methods outgrew one: each is called
// by the initialiser named beside it, never from the list above.
void init_bytes_methods(ThreadState& ts);         // bytes_methods.cpp, from init_bytes_type
void init_str_methods(ThreadState& ts);           // str_methods.cpp, from init_str_type
void init_str_format(ThreadState& ts);            // str_format.cpp, from init_str_methods
void init_dict_view_operations(ThreadState& ts);  // dict_views.cpp, from init_dict_type
// reversed(dict) and reversed(view): a live iterator of `type` from the last entry back (dict.cpp).
Value make_dict_reverse_iter(ThreadState& ts, DictObject* d, Type* type);
void init_reduce_methods(ThreadState& ts);        // object_reduce.cpp, from init_object_methods
void init_generic_alias(ThreadState& ts);         // generic_alias.cpp, from init_type_methods
// os_error.cpp, from init_exception_slots: OSError's constructor wraps the base exception's new/init slots.
void init_os_error_type(ThreadState& ts, NewSlot exception_new, InitSlot exception_init);
// UnicodeEncodeError/DecodeError/TranslateError's constructor and str (vm/objects/unicode_error.cpp).
void init_unicode_error_types(ThreadState& ts, InitSlot exception_init);

}  // namespace minipy
