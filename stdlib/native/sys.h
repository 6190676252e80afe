// What the rest of minipy calls in the native sys module (stdlib/native/sys.cpp).
#pragma once
#include "vm/runtime.h"

namespace minipy {

// Re-reads the command-line settings (flags, argv, pycache_prefix, ...) into the sys module's attributes, after
// the command line has been parsed into ts.interp->config.
void refresh_sys_config(ThreadState& ts);

}  // namespace minipy
