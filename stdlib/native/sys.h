// What the rest of minipy calls in the native sys module (stdlib/native/sys.cpp).
#pragma once
#include <span>
#include <string>

#include "vm/runtime.h"

namespace minipy {

// Re-reads the command-line settings (flags, argv, pycache_prefix, ...) into the sys module's attributes, after
// the command line has been parsed into ts.interp->config.
void refresh_sys_config(ThreadState& ts);

// sys._xoptions from the command line's -X options in order (`options`: "name" or "name=value"): a name alone
// maps to True, as CPython's.
[[nodiscard]] bool set_xoptions(ThreadState& ts, std::span<const std::string> options);

// PRINT_EXPR (interactive mode): calls sys.displayhook(value); null with the exception pending on failure
// (RuntimeError "lost sys.displayhook" when sys has none).
[[nodiscard]] Value display_interactive_value(ThreadState& ts, Value value);

// Readies the frame type and returns sys._getframe's definition (stdlib/native/sys_frame.cpp).
const MethodDef* sys_getframe_def(ThreadState& ts);
// tb.tb_frame for a traceback entry of `code` at code unit `lasti` (line `lineno`): the live frame when it still
// runs, else a frame object standing for it (sys_frame.cpp).
Value frame_for_traceback(ThreadState& ts, CodeObj* code, int lasti, int lineno);

// sys.unraisablehook and sys.__unraisablehook__, the default; sys.breakpointhook and sys.__breakpointhook__
// (stdlib/native/sys_hooks.cpp).
void add_unraisable_hooks(ThreadState& ts, ModuleObject* sys);
void add_breakpoint_hooks(ThreadState& ts, ModuleObject* sys);
// call_tracing, get/setswitchinterval, get/setdlopenflags, getallocatedblocks, _current_frames, thread_info and
// stdlib_module_names (stdlib/native/sys_runtime.cpp).
void add_runtime_functions(ThreadState& ts, ModuleObject* sys);
// Hands the unraisable exception `exc` (about `obj`; `err_msg` a str or null for "Exception ignored in") to the
// program's sys.unraisablehook; false when the default report should be printed instead (no hook of its own).
bool call_unraisable_hook(ThreadState& ts, Value exc, Value obj, Value err_msg);

}  // namespace minipy
