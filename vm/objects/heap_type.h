// Classes defined in Python (heap types): creation (class.cpp), the slots that call dunder methods (slots.cpp)
// and the pieces of `object` and `type` they rely on.
#pragma once
#include <span>
#include <vector>

#include "vm/runtime.h"

namespace minipy {

// The nearest builtin (static) type in `t`'s base chain: it decides the instance layout and the default slots.
Type* static_base(Type* t);

// Whether `t` is a type of a native module (stdlib/native/native_type.cpp) that Python classes may extend: its
// instances have a fixed size, so a subclass's attribute dict follows them.
bool is_native_extensible(const Type* t);

// Sets the instance layout of heap type `t` whose nearest builtin base is `solid`: the base's layout plus an
// attribute dict when `wants_dict` (no empty __slots__) and the base has none. False if `solid` cannot be
// extended (builtin_subclass.cpp).
bool builtin_subclass_layout(Type* t, Type* solid, bool wants_dict);
// Native modules' types that Python classes may derive from (_random.Random, array.array, ...): their layout is
// fixed-size, so a subclass instance keeps the attribute dict after it (builtin_subclass_layout).
void register_subclassable_native_type(Type* t);
bool is_subclassable_native_type(Type* t);
// An instance of heap type `type` (derived from int, float, str, bytes or tuple) holding the value of `exact`, an
// instance of that builtin base: what int.__new__(MyInt, ...) and friends return.
Value make_subtype_instance(ThreadState& ts, Type* type, Value exact);

// Makes a heap type (an instance of metaclass `meta`) named `name` from `bases` (empty: object) and namespace `ns`; `kwvalues`/`kwnames` are the
// class keywords passed on to __init_subclass__.
Value make_heap_type(ThreadState& ts, Type* meta, StrObject* name, TupleObject* bases, DictObject* ns,
                     std::span<const Value> kwvalues, TupleObject* kwnames);
// type.__new__(meta, name, bases, dict, **kw): checks the arguments, defers to a more derived metaclass of the
// bases when there is one, then makes the class.
Value type_new_from_args(ThreadState& ts, Type* meta, std::span<const Value> args, TupleObject* kwnames);

// Recomputes the slots of heap type `t` from the dunder methods its MRO defines in Python; called at creation
// and whenever a dunder attribute of the class is set or deleted.
void update_heap_type_slots(ThreadState& ts, Type* t);
// Whether instances of `t` are made by a __new__ defined in Python (in `t` or a heap base).
bool is_python_new(Type* t);
// The same for `t` and every live heap type that derives from it (a dunder set on `t` after they were made).
void update_heap_type_and_subclasses(ThreadState& ts, Type* t);

// Whether `slot` is the init slot that calls a class's Python __init__ (the interpreter inlines such calls).
bool is_python_init_slot(InitSlot slot);
// CPython's rule for a builtin constructor that takes no keyword arguments: they are refused (TypeError
// "NAME() takes no keyword arguments", and true returned) unless `type`, a subclass of `base`, overrides
// __init__, which may want them.
[[nodiscard]] bool keywords_refused(ThreadState& ts, Type* type, Type* base, const char* name, TupleObject* kwnames);
// The live classes defined in Python that list `base` among their __bases__, oldest first (__subclasses__).
std::vector<Type*> live_direct_subclasses(ThreadState& ts, Type* base);

// The Python function `a op b` calls with (a, b) when both are instances of one class whose dunder for `op`
// (BinaryOpIndex, or 13 + i in-place) is a plain function: the interpreter runs it as a frame of its own loop.
// Null whenever binary_op has anything else to try first. A NotImplemented result then goes to
// binary_op_not_implemented.
FunctionObject* python_binary_method(ThreadState& ts, Value a, Value b, int op);
// What binary_op(a, b, op) does once the number methods of both operands answered NotImplemented: the sequence
// fallbacks (concatenation, repetition), else the TypeError.
Value binary_op_not_implemented(ThreadState& ts, Value a, Value b, int op);

// The builtin concatenation (op kOpAdd) or repetition (kOpMul) that an operand of type `t` on the left (right when
// `reflected`) still offers after its number methods answered NotImplemented; null when its class overrides
// that operator's dunder in Python, whose NotImplemented is then final, as in CPython.
BinarySlot sequence_slot(ThreadState& ts, Type* t, int op, bool reflected);

// A new `__dict__` attribute descriptor for a class whose instances have an attribute dict.
Value instance_dict_descriptor(ThreadState& ts);

// func(self, *args): calls `func` with `self` prepended to `args` (positional then keyword values).
Value call_with_self(ThreadState& ts, Value func, Value self, std::span<const Value> args, TupleObject* kwnames);

// `object`'s default __init__/__new__ (with CPython's excess-argument checks).
bool object_init(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames);
Value object_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames);

// type.__new__ as the type's new slot (type.cpp): type(x) answers x's type; type(name, bases, dict) makes a
// class through the most derived metaclass.
Value type_new_slot(ThreadState& ts, Type* meta, std::span<const Value> args, TupleObject* kwnames);

}  // namespace minipy
