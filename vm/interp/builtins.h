// What the interpreter loop asks about functions of the builtins module (builtins.cpp), to run the commonest
// calls without the general call protocol.
#pragma once
#include "vm/runtime.h"

namespace minipy {

// The native function behind the builtin len().
extern const NativeFn kBuiltinLenFn;

// Whether `callable` is the builtin len(): CALL then takes 3.11's PRECALL_NO_KW_LEN route for one positional
// argument (py_len, no argument parsing). Inline: CALL asks on every native call with one argument.
inline bool is_builtin_len(Value callable) {
  return callable.is_object() && callable.as_object()->type == &native_function_type &&
         static_cast<NativeFunctionObject*>(callable.as_object())->def->fn == kBuiltinLenFn;
}

}  // namespace minipy
