// Builtins (vm/interp/builtins.cpp, vm/interp/runtime_compiler.cpp) whose work other files reuse: dir() for the
// "Did you mean" suggestions, locals() for frame.f_locals, round() for the numbers' __round__; and what the
// interpreter loop asks to run the commonest builtin calls without the general call protocol.
#pragma once

#include <vector>

#include "compiler/compile.h"
#include "vm/runtime.h"

namespace minipy {

// dir(obj): the sorted list of its attribute names (obj.__dir__() when it defines one).
Value builtin_dir(ThreadState& ts, Value obj);
// object.__dir__(obj): the default names dir() lists (namespace, class attributes along the MRO), unsorted.
Value object_default_dir(ThreadState& ts, Value obj);
// What locals() returns in frame `f`: its namespace, or for a function a new dict of its bound fast locals and
// cells (sys_frame.cpp's f_locals reads the same).
Value frame_locals(ThreadState& ts, Frame* f);
// round(number, ndigits) for int and float (`ndigits` null: round to an int), as the builtin computes it.
Value round_number(ThreadState& ts, Value number, Value ndigits);
// Adds compile(), exec() and eval() to the builtins (runtime_compiler.cpp): they bring the compiler into the VM.
void init_runtime_compiler(ThreadState& ts);
// Issues a compile's SyntaxWarnings through the warnings filters, as CPython's compiler does for every compile
// (scripts, imports, compile(), the prompt): shown once per place, ignored, recorded by catch_warnings, or, when
// a filter makes one an error, raised as a SyntaxError at its position. False with that exception pending.
[[nodiscard]] bool issue_compile_warnings(ThreadState& ts, const std::vector<SyntaxWarning>& issued);

// The native function behind the builtin len().
extern const NativeFn kBuiltinLenFn;

// Whether `callable` is the builtin len(): CALL then takes 3.11's PRECALL_NO_KW_LEN route for one positional
// argument (py_len, no argument parsing). Inline: CALL asks on every native call with one argument.
inline bool is_builtin_len(Value callable) {
  return callable.is_object() && callable.as_object()->type == &native_function_type &&
         static_cast<NativeFunctionObject*>(callable.as_object())->def->fn == kBuiltinLenFn;
}

// list.append's native function (vm/objects/list.cpp): CALL appends to an exact list itself (3.11's
// PRECALL_NO_KW_LIST_APPEND) when the method descriptor it calls has this one.
extern const NativeFn kListAppendFn;

// The method descriptor (a builtin type's unbound method: `words.append`, `s.lower`, `d.get` as LOAD_METHOD
// leaves them) that CALL may run straight through its native function, with `receiver` as self: an instance
// method whose owner is exactly the receiver's type, so descriptor_call's checks cannot fail (3.11's
// PRECALL_METHOD_DESCRIPTOR_*). Null for anything else.
inline const MethodDescriptorObject* direct_method_descriptor(Value callable, Value receiver) {
  if (!callable.is_object() || callable.as_object()->type != &method_descriptor_type) return nullptr;
  auto* d = static_cast<const MethodDescriptorObject*>(callable.as_object());
  if ((d->def->flags & (kMethodStatic | kMethodClass)) || type_of(receiver) != d->owner) return nullptr;
  return d;
}

}  // namespace minipy
