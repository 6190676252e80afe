// The traceback type and the source lines tracebacks and warnings print (vm/errors/traceback.cpp).
#pragma once
#include <string>

#include "vm/runtime.h"

namespace minipy {

// Gives the static traceback type its trace slot and tb_* attributes (the interpreter, at start-up).
void init_traceback_type(ThreadState& ts);
// Line `lineno` of `filename` without its surrounding blanks, or "" when unreadable (warnings' source lines).
std::string source_line_text(const std::string& filename, int lineno);

}  // namespace minipy
