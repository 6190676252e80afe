// The instruction graph between code generation and assembly: what codegen emits for one code object (a
// "compiler unit" in CPython's compile.c) and what the assembler turns into a CodeObject.
//
// The boundary is CPython 3.11's: codegen emits exactly what compile.c's compiler_* functions emit (pseudo
// jumps, SETUP_*/POP_BLOCK, cell and free variable opargs as indexes into cellvars followed by freevars, no
// prefix instructions, no CACHE entries, no EXTENDED_ARG); the assembler does everything compile.c's assemble()
// does (exception targets, CFG optimisation, line number propagation, prefix instructions MAKE_CELL /
// COPY_FREE_VARS / RETURN_GENERATOR, localsplus layout and oparg fix-ups, stack depth, jump resolution,
// EXTENDED_ARG, CACHE entries, the location and exception tables).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "compiler/code_object.h"
#include "compiler/constant.h"
#include "compiler/opcodes.h"

namespace minipy {

// A source range; lineno < 0 marks an instruction with no location (CPython's -1), which the assembler fills in
// from its neighbours where CPython would.
struct SourcePosition {
  int lineno = -1, end_lineno = -1, col_offset = -1, end_col_offset = -1;
};

struct BasicBlock;

struct Instr {
  Opcode op = Opcode::NOP;
  int oparg = 0;
  BasicBlock* target = nullptr;  // for jumps and SETUP_*: the block jumped or unwound to
  SourcePosition loc;
  BasicBlock* except_handler = nullptr;  // assembler scratch: the handler covering this instruction
};

struct BasicBlock {
  std::vector<Instr> instrs;
  BasicBlock* next = nullptr;  // the block that follows this one in emission (fall-through) order
  // Assembler scratch space; codegen leaves these alone.
  int start_depth = -1;
  int offset = 0;
  int predecessors = 0;
  bool visited = false;
  bool is_except_handler = false;
  bool preserve_lasti = false;
  bool cold = false;
  bool warm = false;
  int label = -1;

  // Back to a fresh block, keeping the instruction array's memory (blocks are recycled between units).
  void reset() {
    std::vector<Instr> keep = std::move(instrs);
    keep.clear();
    *this = BasicBlock{};
    instrs = std::move(keep);
  }
};

// One code object's worth of generated code plus everything the assembler needs to finish it.
struct CompilerUnit {
  // Owns every block, in creation order: create them in the order compile.c allocates its blocks, because a few
  // assembler passes walk them newest first (CPython's b_list) and the layout of duplicated exits depends on it.
  std::vector<std::unique_ptr<BasicBlock>> blocks;
  BasicBlock* entry = nullptr;                      // first block of the fall-through chain
  std::vector<ConstRef> consts;                     // co_consts as codegen built it (deduplicated)
  std::vector<std::string> names;                   // co_names
  std::vector<std::string> varnames;                // arguments first, then other fast locals
  std::vector<std::string> cellvars;                // sorted as CPython sorts them (arguments that are cells first)
  std::vector<std::string> freevars;
  int argcount = 0, posonlyargcount = 0, kwonlyargcount = 0;  // argcount as CPython's u_argcount: without posonly
  int flags = 0;
  int firstlineno = 1;
  std::string name, qualname, filename;

  // Where new_block() takes blocks from before allocating (codegen hands finished units' blocks back there).
  std::vector<std::unique_ptr<BasicBlock>>* spare_blocks = nullptr;

  BasicBlock* new_block() {
    if (spare_blocks && !spare_blocks->empty()) {
      blocks.push_back(std::move(spare_blocks->back()));
      spare_blocks->pop_back();
    } else {
      blocks.push_back(std::make_unique<BasicBlock>());
    }
    return blocks.back().get();
  }
};

}  // namespace minipy
