// The slot wrappers' two types (vm/objects/method_wrapper.cpp): `wrapper_descriptor`, a builtin type's method for
// one of its slots (int.__add__, object.__init__), and `method-wrapper`, such a method bound to an object
// ((1).__add__).
#pragma once
#include <span>
#include <string_view>

#include "vm/runtime.h"

namespace minipy {

extern Type method_wrapper_type;
extern Type wrapper_descriptor_type;
// A builtin class method as its class's namespace holds it (dict.__dict__['fromkeys']), a type of its own as in
// CPython, so inspect tells it from an instance method.
extern Type classmethod_descriptor_type;

// __doc__ and __text_signature__ of builtin functions, methods and class methods `self` (type_methods.cpp):
// CPython's (stdlib/native/builtin_docs.h).
Value builtin_method_doc_getter(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames);
Value builtin_method_signature_getter(ThreadState& ts, Value self, std::span<const Value> args,
                                      TupleObject* kwnames);

// The slot wrapper `def` of class `owner` bound to `self` ((1).__add__).
Value make_method_wrapper(ThreadState& ts, const MethodDef* def, Type* owner, Value self);

// The method descriptor behaviour (calling with the receiver first, binding, repr, __name__/__qualname__/
// __objclass__) for type `t` (vm/objects/function.cpp): method_descriptor's and wrapper_descriptor's.
void give_method_descriptor_protocol(ThreadState& ts, Type& t);

// The __doc__ and __text_signature__ of slot wrapper `name`, from the slot table (vm/objects/slot_dunders.def);
// null when no row names it.
const char* slot_wrapper_doc(std::string_view name);
const char* slot_wrapper_signature(std::string_view name);
// The argument check of a slot wrapper `name` that takes `n` arguments after self, as CPython's check_num_args:
// "expected N argument(s), got M", "wrapper NAME() takes no keyword arguments".
[[nodiscard]] bool check_slot_wrapper_args(ThreadState& ts, const char* name, std::span<const Value> args,
                                           TupleObject* kwnames, size_t n);

}  // namespace minipy
