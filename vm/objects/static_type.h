// Builtin types that live outside MINIPY_BUILTIN_TYPES (complex, bytearray, memoryview, ...): each is a static
// `Type` in its own file, set up by its init function in two steps around filling its slots, so that adding a
// builtin type does not touch vm/objects/objects.h (which every VM file includes).
//
//   begin_static_type(ts, t, "complex", &object_type, sizeof(ComplexObject), kTypeBaseType);
//   t.repr = ...; t.binary[kOpAdd] = ...;                 // the type's own slots
//   finish_static_type<&complex_type>(ts, t);             // dunder wrappers, __new__, inherited slots
#pragma once
#include <span>

#include "vm/runtime.h"

namespace minipy {

// Names the static type `t` (already given its base, layout and flags), makes its dict and MRO and records it
// among the static types (vm/objects/type.cpp). begin_static_type calls it; native modules whose types are laid
// out by hand call it directly.
void init_static_type(ThreadState& ts, Type& t);
// Fills the slots `t` leaves empty from its base (type.cpp); a type's own slots must be set first.
void inherit_type_slots(Type& t);
// The copying step of it: every slot from repr to finalize that `t` leaves null takes its base's, the constructor
// included (callers decide what a type without a constructor of its own gets).
void copy_missing_slots(Type& t);
// inherit_type_slots for every type of the two X-macros (builtin and exception types), bases first: the
// interpreter calls it once at start-up, after every init_* has set the types' own slots.
void inherit_static_slots();

// Marks every static type set up so far for `interp` (vm/objects/type.cpp keeps the list, which every type
// joins when it is set up — init_static_type): the collector's one root mechanism for static types.
void trace_static_types(const Interpreter* interp, Tracer& tracer);

// Names `t`, gives it its base, layout, flags, dict and MRO (as vm/objects/types.cpp's define + type.cpp's
// init_static_type do for the X-macro types).
void begin_static_type(ThreadState& ts, Type& t, const char* name, Type* base, size_t instance_size, uint32_t flags);

// The cls of a call OWNER.__new__(cls, ...), checked as CPython's tp_new_wrapper does (there is a positional
// argument, it is a type, a subtype of OWNER); nullptr with TypeError pending otherwise (object_methods.cpp).
[[nodiscard]] Type* new_receiver_class(ThreadState& ts, Type* owner, std::span<const Value> args,
                                       TupleObject* kwnames);
// OWNER.__new__(cls, ...) (vm/objects/object_methods.cpp): CPython's checks, then cls's constructor.
Value builtin_type_new(ThreadState& ts, Type* owner, std::span<const Value> args, TupleObject* kwnames);
template <Type* owner>
Value static_type_new(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  return builtin_type_new(ts, owner, args, kwnames);
}
template <Type* owner>
inline const MethodDef kStaticTypeNewDef{"__new__", static_type_new<owner>, kMethodStatic};

// The dunder methods that stand for the slots `t` defines itself (__call__, __add__, __repr__, ...), as
// CPython's slotdefs (vm/objects/slot_wrappers.cpp). Every builtin type gets them once its slots are set.
void add_slot_wrappers(ThreadState& ts, Type& t);
// Only __init__'s wrapper, for types whose init slot is set or inherited later but shown as their own (the
// exceptions, _io's classes); it runs the receiver's builtin init, object's when there is none.
void add_init_wrapper(ThreadState& ts, Type& t);

// After the type's own slots are set: the dunder methods that stand for them (__add__, __repr__, ...), __new__
// when it has a constructor, then the slots it leaves empty taken from its base.
void finish_static_type_slots(ThreadState& ts, Type& t, const MethodDef* new_def);
template <Type* owner>
void finish_static_type(ThreadState& ts, Type& t) {
  finish_static_type_slots(ts, t, t.new_instance ? &kStaticTypeNewDef<owner> : nullptr);
}

}  // namespace minipy
