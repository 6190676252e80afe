// Helpers for the native modules that define their own types (itertools, _collections, _functools, _operator,
// _weakref's proxies). Their types are static `Type` objects like the builtins', but they are filled in when their
// module is first imported rather than at interpreter start-up, so a program that never imports itertools pays
// nothing for it.
#pragma once
#include <span>

#include "vm/runtime.h"

namespace minipy {

// Begins defining static type `t` named `name` in module `module` with instances of `instance_size` bytes and
// TypeFlag bits `flags` (kTypeBaseType: Python classes may derive from it). Returns false when `t` was already
// defined for this interpreter (nothing to do); true when the caller must now fill its slots and methods and
// then call finish_native_type. The type is a collector root from then on.
// CPython's tp_name for type `name` of native module `module`: "module.name" ("itertools.count", "array.array"),
// bare for builtins and for names that already carry a dot ("Token.MISSING"). The string lives for the process.
const char* native_type_c_name(const char* name, const char* module);
[[nodiscard]] bool begin_native_type(ThreadState& ts, Type& t, const char* name, const char* module,
                                     size_t instance_size, uint32_t flags = 0, Type* base = nullptr);
// Lets Python classes derive from static type `t` defined elsewhere (weakref.ref).
void mark_native_extensible(Type& t);
// Lets weakref.ref refer to instances of native type `t` (CPython gives such types a weak reference list).
void allow_weak_references(Type& t);
bool is_native_weakrefable(const Type* t);

// Completes `t`: slots it left empty come from its base, as for the builtin types, and a constructor of its own
// shows as t.__new__ (what `ref.__new__(cls, ob)` in a subclass's __new__ calls).
void finish_native_type(ThreadState& ts, Type& t);
// Adds `__new__` to native type `t` (finish_native_type does it for types it completes).
void add_native_new(ThreadState& ts, Type& t);

// Adds the module-level functions of `defs` to module `m`.
void add_module_functions(ThreadState& ts, ModuleObject* m, std::span<const MethodDef> defs);
// Stores `value` as m.name.
void add_module_value(ThreadState& ts, ModuleObject* m, const char* name, Value value);

// `__class_getitem__` for native generic classes (deque[int], defaultdict[str, int], partial[int]): a
// types.GenericAlias.
extern const MethodDef kClassGetitemMethod[1];

// The iter slot of iterators: returns the iterator itself.
Value iter_self(ThreadState& ts, Value self);

// The object a native type's allocation gives for type `type` (a subclass has a larger instance: its dict).
template <class T>
T* alloc_instance(ThreadState& ts, Type* type) {
  return ts.alloc<T>(type, type->instance_size);
}

// CPython's "NAME expected N arguments, got M" for exactly N positional arguments and no keywords.
[[nodiscard]] bool exact_args(ThreadState& ts, const char* name, std::span<const Value> args, TupleObject* kwnames,
                              size_t min, size_t max);

}  // namespace minipy

namespace minipy {

// How a read-only attribute refuses assignment, as CPython's two kinds of attribute descriptors do.
enum class ReadOnly {
  kMember,  // a struct member: "readonly attribute"
  kGetset,  // a getter: "attribute 'NAME' of 'TYPE' objects is not writable"
};
// Adds data descriptor `getter->name` to native type `t`: `getter` is called with the instance as args[0];
// `setter` with (instance, value) to assign and (instance) to delete. Without a setter the attribute is read-only
// in the `read_only` style.
void add_native_property(ThreadState& ts, Type& t, const MethodDef* getter, const MethodDef* setter,
                         ReadOnly read_only = ReadOnly::kGetset);

}  // namespace minipy
