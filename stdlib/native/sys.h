// What the rest of minipy calls in the native sys module (stdlib/native/sys.cpp).
#pragma once
#include "vm/runtime.h"

namespace minipy {

// Re-reads the command-line settings (flags, argv, pycache_prefix, ...) into the sys module's attributes, after
// the command line has been parsed into ts.interp->config.
void refresh_sys_config(ThreadState& ts);

// PRINT_EXPR (interactive mode): calls sys.displayhook(value); null with the exception pending on failure
// (RuntimeError "lost sys.displayhook" when sys has none).
[[nodiscard]] Value display_interactive_value(ThreadState& ts, Value value);

// Readies the frame type and returns sys._getframe's definition (stdlib/native/sys_frame.cpp).
const MethodDef* sys_getframe_def(ThreadState& ts);
// tb.tb_frame for a traceback entry of `code` at code unit `lasti` (line `lineno`): the live frame when it still
// runs, else a frame object standing for it (sys_frame.cpp).
Value frame_for_traceback(ThreadState& ts, CodeObj* code, int lasti, int lineno);

}  // namespace minipy
