// The position-marker line a traceback prints under a frame's source line (PEP 657, CPython 3.11's rules).
#pragma once
#include <string>
#include <string_view>

#include "compiler/linetable.h"

namespace minipy {

// The marker line (four spaces, then ~ and ^ under the failing expression, then a newline) for source line
// number `line_number` whose text is `line` (no line terminator), given the instruction's position `pos`; empty
// when CPython prints no markers (the expression covers the whole line, or its position is unknown).
std::string caret_line(std::string_view line, int line_number, const SourcePosition& pos);

}  // namespace minipy
