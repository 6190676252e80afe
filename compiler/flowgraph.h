// The assembler's control-flow-graph passes, in the order CPython 3.11's assemble() runs them (compile.c):
// normalisation, exit-block inlining, the peephole optimiser with constant folding, unreachable-code removal,
// exit duplication and line-number propagation, stack depth, exception-handler labelling and NOP removal.
//
// Blocks are walked two ways, as CPython does: along the fall-through chain from `unit.entry` (its b_next), or
// over every block newest first (its b_list), which is `unit.blocks` in reverse. A few passes depend on the
// second order (which copy of a duplicated exit lands where), so codegen must create blocks in CPython's order.
#pragma once
#include <vector>

#include "compiler/instr.h"

namespace minipy::flowgraph {

bool is_block_push(Opcode op);                 // SETUP_FINALLY, SETUP_CLEANUP, SETUP_WITH
bool is_jump_instr(const Instr& instr);        // any jump (pseudo or real) that has a target; not SETUP_*
bool is_unconditional_jump(Opcode op);
bool is_scope_exit(Opcode op);                 // RETURN_VALUE, RAISE_VARARGS, RERAISE
bool block_exits_scope(const BasicBlock& b);   // contains a return or raise (CPython's b_exit)
bool block_falls_through(const BasicBlock& b); // control can reach b.next (not CPython's b_nofallthrough)

// Code units `instr` occupies once assembled: EXTENDED_ARG prefixes, itself and its CACHE entries (inline:
// the assembler's passes ask for every instruction, several times).
inline int instr_size(const Instr& instr) {
  unsigned oparg = has_arg(instr.op) ? static_cast<unsigned>(instr.oparg) : 0u;
  int extended_args = (oparg > 0xFFFFFFu) + (oparg > 0xFFFFu) + (oparg > 0xFFu);
  return extended_args + 1 + cache_entries(instr.op);
}

// Points every jump past empty target blocks (CPython's normalize_basic_block).
void normalize_jump_targets(CompilerUnit& unit);

// Replaces a final unconditional jump to a small exit block without line numbers (an implicit `return None`)
// by a copy of that block, for every block of `unit` (CPython's extend_block).
void inline_small_exit_blocks(CompilerUnit& unit);

// The peephole optimiser and dead-code removal (CPython's optimize_cfg). `consts` is the unit's co_consts;
// folded tuples of constants are appended to it.
void optimize_cfg(CompilerUnit& unit, std::vector<ConstRef>& consts);

// Gives every exit block without a line number a single predecessor to inherit one from.
void duplicate_exits_without_lineno(CompilerUnit& unit);

// Drops constants after the last one an instruction of `unit` refers to (the first is always kept: it may be
// the docstring).
void trim_unused_consts(const CompilerUnit& unit, std::vector<ConstRef>& consts);

// Fills in missing line numbers from predecessors (CPython's propagate_line_numbers and
// guarantee_lineno_for_exits; `firstlineno` is the fallback for returns).
void propagate_line_numbers(CompilerUnit& unit, int firstlineno);

// The largest value-stack depth over all paths (co_stacksize); also records each block's start depth, which
// the exception table needs. `code_flags` tells whether the frame starts with a generator's sent value.
int compute_stack_depth(CompilerUnit& unit, int code_flags);

// Records in each instruction's except_handler the handler that covers it, marks handlers that want lasti,
// then turns SETUP_* / POP_BLOCK into NOPs and removes the NOPs that carry nothing.
void label_exception_targets(CompilerUnit& unit);

// Removes NOPs that do not keep a line number alive (CPython's clean_basic_block).
void remove_redundant_nops(BasicBlock& b);

// Chooses forward or backward forms of the pseudo jumps from the final block order.
void resolve_jump_directions(CompilerUnit& unit);

// Helpers the passes share (flowgraph_optimize.cpp uses them too).
namespace detail {
void eliminate_empty_blocks(BasicBlock* entry);
bool optimize_basic_block(BasicBlock& b, std::vector<ConstRef>& consts);
void forget_const_index();  // before optimizing another unit's blocks
}  // namespace detail

}  // namespace minipy::flowgraph
