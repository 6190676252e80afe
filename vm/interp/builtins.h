// What the interpreter loop asks about functions of the builtins module (builtins.cpp), to run the commonest
// calls without the general call protocol.
#pragma once
#include "vm/runtime.h"

namespace minipy {

// Whether `callable` is the builtin len(): CALL then takes 3.11's PRECALL_NO_KW_LEN route for one positional
// argument (py_len, no argument parsing).
bool is_builtin_len(Value callable);

}  // namespace minipy
