// Stage 6: instruction graph -> code object. Entry point: assemble().
//   in:  one CompilerUnit (instr.h) as codegen finished it — including the implicit `return None` CPython's
//        assemble() appends before it starts working (codegen adds that, so this stage never invents constants
//        except through constant folding in the CFG optimiser).
//   out: a finished CPython 3.11 CodeObject: optimised control-flow graph, prefix instructions, localsplus layout,
//        jump offsets, EXTENDED_ARG, CACHE entries, co_stacksize, co_linetable and co_exceptiontable, identical to
//        what CPython 3.11's assemble() produces for the same unit.
#pragma once
#include <memory>

#include "compiler/code_object.h"
#include "compiler/instr.h"

namespace minipy {

// Assembles `unit`, which is consumed: its blocks are rewritten in place and its constants and names move into
// the code object (a unit is assembled once, when codegen finishes it).
std::shared_ptr<CodeObject> assemble(CompilerUnit& unit);

}  // namespace minipy
