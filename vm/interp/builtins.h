// Builtins (vm/interp/builtins.cpp, vm/interp/runtime_compiler.cpp) whose work other files reuse: dir() for the
// "Did you mean" suggestions, locals() for frame.f_locals, round() for the numbers' __round__.
#pragma once

#include "vm/runtime.h"

namespace minipy {

// dir(obj): the sorted list of its attribute names (obj.__dir__() when it defines one).
Value builtin_dir(ThreadState& ts, Value obj);
// What locals() returns in frame `f`: its namespace, or for a function a new dict of its bound fast locals and
// cells (sys_frame.cpp's f_locals reads the same).
Value frame_locals(ThreadState& ts, Frame* f);
// round(number, ndigits) for int and float (`ndigits` null: round to an int), as the builtin computes it.
Value round_number(ThreadState& ts, Value number, Value ndigits);
// Adds compile(), exec() and eval() to the builtins (runtime_compiler.cpp): they bring the compiler into the VM.
void init_runtime_compiler(ThreadState& ts);

}  // namespace minipy
