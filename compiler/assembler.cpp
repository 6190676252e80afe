// assemble(): the steps of CPython 3.11's assemble() in its order. The CFG passes live in flowgraph.cpp; this
// file owns the code object's layout: prefix instructions, the localsplus table and cell/free oparg fix-ups,
// jump offsets with EXTENDED_ARG, the bytecode itself and the location and exception tables.
#include "compiler/assembler.h"

#include <algorithm>
#include <cassert>

#include "compiler/exception_table.h"
#include "compiler/flowgraph.h"
#include "compiler/linetable.h"
#include "compiler/stage_timer.h"

namespace minipy {
namespace {

using flowgraph::instr_size;

// A linear search: it runs once per cell variable, and a code object has a handful of those.
int index_of(const std::vector<std::string>& names, const std::string& name) {
  auto it = std::find(names.begin(), names.end(), name);
  return it == names.end() ? -1 : static_cast<int>(it - names.begin());
}

// Where each cell and free variable (codegen's index: cellvars then freevars) lives in localsplus before
// dropping duplicates: after the locals, except that a cell which is also an argument or local stays in that
// variable's slot.
std::vector<int> cell_slots_before_drop(const CompilerUnit& unit) {
  int nlocals = static_cast<int>(unit.varnames.size());
  size_t noffsets = unit.cellvars.size() + unit.freevars.size();
  std::vector<int> fixed(noffsets);
  for (size_t i = 0; i < noffsets; i++) fixed[i] = nlocals + static_cast<int>(i);
  for (size_t i = 0; i < unit.cellvars.size(); i++) {
    int var = index_of(unit.varnames, unit.cellvars[i]);
    if (var >= 0) fixed[i] = var;
  }
  return fixed;
}

// An instruction with no source position (no line in the location table), as CPython's prefix instructions are.
Instr artificial(Opcode op, int oparg) {
  Instr instr;
  instr.op = op;
  instr.oparg = oparg;
  return instr;
}

// COPY_FREE_VARS, MAKE_CELLs (in slot order), RETURN_GENERATOR + POP_TOP, then codegen's first instruction.
void insert_prefix_instructions(CompilerUnit& unit, const std::vector<int>& fixed) {
  std::vector<Instr> prefix;
  if (!unit.freevars.empty()) {
    prefix.push_back(artificial(Opcode::COPY_FREE_VARS, static_cast<int>(unit.freevars.size())));
  }
  size_t ncells = unit.cellvars.size();
  if (ncells) {
    std::vector<int> cell_in_slot(ncells + unit.varnames.size(), -1);
    for (size_t i = 0; i < ncells; i++) cell_in_slot[static_cast<size_t>(fixed[i])] = static_cast<int>(i);
    for (int cell : cell_in_slot) {
      if (cell >= 0) prefix.push_back(artificial(Opcode::MAKE_CELL, cell));  // oparg fixed up below
    }
  }
  // A generator's frame starts by returning the generator object; POP_TOP drops the None that the first send()
  // pushes. Its line is the `def` line, which is where a traceback through a fresh generator points.
  if (unit.flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) {
    Instr make_gen = artificial(Opcode::RETURN_GENERATOR, 0);
    make_gen.loc.lineno = make_gen.loc.end_lineno = unit.firstlineno;
    prefix.push_back(make_gen);
    prefix.push_back(artificial(Opcode::POP_TOP, 0));
  }
  auto& entry = unit.entry->instrs;
  entry.insert(entry.begin(), prefix.begin(), prefix.end());
}

// Rewrites cell and free opargs from codegen's numbering to localsplus slots; returns how many cells were
// dropped because they share a slot with an argument or local.
int fix_cell_offsets(CompilerUnit& unit, std::vector<int>& fixed) {
  if (fixed.empty()) return 0;  // no cells or free variables (most functions): no oparg to rewrite
  int nlocals = static_cast<int>(unit.varnames.size());
  int dropped = 0;
  for (size_t i = 0; i < fixed.size(); i++) {
    if (fixed[i] == static_cast<int>(i) + nlocals) {
      fixed[i] -= dropped;
    } else {
      dropped++;
    }
  }
  for (BasicBlock* b = unit.entry; b; b = b->next) {
    for (Instr& instr : b->instrs) {
      if (opcode_info(instr.op).operand == Operand::CELL) instr.oparg = fixed.at(static_cast<size_t>(instr.oparg));
    }
  }
  return dropped;
}

// co_localsplusnames/kinds: the frame's slots in order, locals (a local captured by an inner function is also
// CO_FAST_CELL: its slot holds the cell), then the remaining cells, then the free variables the closure copies in.
// The VM sizes the frame and runs MAKE_CELL / COPY_FREE_VARS from this table alone.
void compute_localsplus(const CompilerUnit& unit, CodeObject& code) {
  size_t most = unit.varnames.size() + unit.cellvars.size() + unit.freevars.size();
  code.localsplusnames.reserve(most);
  code.localspluskinds.reserve(most);
  for (const std::string& name : unit.varnames) {
    uint8_t kind = CO_FAST_LOCAL;
    if (index_of(unit.cellvars, name) >= 0) kind |= CO_FAST_CELL;
    code.localsplusnames.push_back(name);
    code.localspluskinds.push_back(static_cast<char>(kind));
  }
  for (const std::string& name : unit.cellvars) {
    if (index_of(unit.varnames, name) >= 0) continue;  // already there as a local
    code.localsplusnames.push_back(name);
    code.localspluskinds.push_back(static_cast<char>(CO_FAST_CELL));
  }
  for (const std::string& name : unit.freevars) {
    code.localsplusnames.push_back(name);
    code.localspluskinds.push_back(static_cast<char>(CO_FAST_FREE));
  }
}

// Lays the blocks out and turns jump targets into relative opargs, repeating until no jump needs a different
// number of EXTENDED_ARGs than the layout assumed.
// Why a loop: a jump's size depends on its oparg (EXTENDED_ARG prefixes above 255), its oparg on the distance,
// and the distance on the sizes of the jumps in between. Sizes only grow, so the loop ends; CPython's
// assemble_jump_offsets iterates the same way, which keeps the chosen EXTENDED_ARGs identical.
// Returns the code's length in code units.
int resolve_jump_offsets(CompilerUnit& unit) {
  bool changed = true;
  int total = 0;
  while (changed) {
    total = 0;
    for (BasicBlock* b = unit.entry; b; b = b->next) {
      b->offset = total;
      for (const Instr& instr : b->instrs) total += instr_size(instr);
    }
    changed = false;
    // A jump ends its block (codegen starts a new block after each one, and no pass puts one elsewhere), so only
    // last instructions are looked at; a relative jump counts from the instruction that follows, the block's end.
    for (BasicBlock* b = unit.entry; b; b = b->next) {
      if (b->instrs.empty()) continue;
      Instr& last = b->instrs.back();
      if (!flowgraph::is_jump_instr(last)) continue;
      int size = instr_size(last);
      int after = b->next ? b->next->offset : total;
      int target = last.target->offset;
      last.oparg = target < after ? after - target : target - after;
      if (instr_size(last) != size) changed = true;
    }
  }
  return total;
}

// One instruction as code units at `out`: EXTENDED_ARG prefixes carrying the high bytes of the oparg, the
// instruction, then its inline CACHE entries as zeros (what CPython writes into a pyc; the VM fills them at run
// time). `size` is instr_size(instr); returns the position after the instruction.
char* emit_instr(char* out, const Instr& instr, int size) {
  unsigned oparg = has_arg(instr.op) ? static_cast<unsigned>(instr.oparg) : 0u;
  int caches = cache_entries(instr.op);
  int prefixes = size - 1 - caches;
  for (int shift = 8 * prefixes; shift > 0; shift -= 8) {
    *out++ = static_cast<char>(Opcode::EXTENDED_ARG);
    *out++ = static_cast<char>((oparg >> shift) & 0xFF);
  }
  *out++ = static_cast<char>(instr.op);
  *out++ = static_cast<char>(oparg & 0xFF);
  for (int i = 0; i < caches; i++) {
    *out++ = 0;
    *out++ = 0;
  }
  return out;
}

// Runs of instructions with the same handler become one entry each, fed instruction by instruction in code
// order (by the loop that writes the bytecode). The recorded depth is the handler's entry depth without what the
// handler itself pushes (the exception, and for SETUP_WITH/SETUP_CLEANUP the saved lasti), because the table
// gives the depth to unwind *to* before those are pushed.
class ExceptionTableBuilder {
 public:
  // The instruction at code unit `offset` is covered by `handler` (null: none).
  void at(const BasicBlock* handler, int offset) {
    if (handler == handler_) return;
    flush(offset);
    start_ = offset;
    handler_ = handler;
  }
  // The table, once the code ends at `end`.
  std::string finish(int end) {
    flush(end);
    return std::move(out_);
  }

 private:
  void flush(int end) {
    if (!handler_) return;
    int depth = handler_->start_depth - 1 - (handler_->preserve_lasti ? 1 : 0);
    assert(depth >= 0 && "handler reached without its SETUP_* on the stack-depth walk");
    append_exception_table_entry(out_,
                                 ExceptionTableEntry{start_, end, handler_->offset, depth, handler_->preserve_lasti});
  }
  std::string out_;
  const BasicBlock* handler_ = nullptr;
  int start_ = -1;
};

}  // namespace

std::shared_ptr<CodeObject> assemble(CompilerUnit& unit) {
  flowgraph::normalize_jump_targets(unit);
  flowgraph::inline_small_exit_blocks(unit);
  if (unit.firstlineno == 0) {
    const auto& first = unit.entry->instrs;
    unit.firstlineno = !first.empty() && first[0].loc.lineno ? first[0].loc.lineno : 1;
  }

  std::vector<int> cell_slots = cell_slots_before_drop(unit);
  insert_prefix_instructions(unit, cell_slots);
  fix_cell_offsets(unit, cell_slots);

  // The unit is finished after this: its constants and names move into the code object instead of being copied.
  std::vector<ConstRef> consts = std::move(unit.consts);
  int max_depth;
  {
    StageScope stage(CompileStage::Flowgraph);
    flowgraph::optimize_cfg(unit, consts);
    flowgraph::duplicate_exits_without_lineno(unit);
    flowgraph::trim_unused_consts(unit, consts);
    flowgraph::propagate_line_numbers(unit, unit.firstlineno);
    max_depth = flowgraph::compute_stack_depth(unit, unit.flags);
    flowgraph::label_exception_targets(unit);
    flowgraph::resolve_jump_directions(unit);
  }
  int code_units = resolve_jump_offsets(unit);

  auto code = std::make_shared<CodeObject>();
  code->verified = true;  // the VM trusts its own compiler's output
  code->code.resize(2 * static_cast<size_t>(code_units));
  // One writer per thread, whose buffer serves every code object that thread assembles.
  thread_local LineTableWriter locations(0);
  locations.reset(unit.firstlineno);
  ExceptionTableBuilder handlers;
  char* out = code->code.data();
  for (BasicBlock* b = unit.entry; b; b = b->next) {
    int offset = b->offset;
    for (const Instr& instr : b->instrs) {
      int size = instr_size(instr);
      handlers.at(instr.except_handler, offset);
      out = emit_instr(out, instr, size);
      locations.add(instr.loc, size);
      offset += size;
    }
  }
  assert(out == code->code.data() + code->code.size());
  code->linetable = std::string(locations.table());
  code->exceptiontable = handlers.finish(code_units);

  code->argcount = unit.posonlyargcount + unit.argcount;  // CPython's u_argcount excludes positional-only
  code->posonlyargcount = unit.posonlyargcount;
  code->kwonlyargcount = unit.kwonlyargcount;
  code->stacksize = max_depth;
  code->flags = unit.flags;
  code->consts = std::move(consts);
  code->names = std::move(unit.names);
  compute_localsplus(unit, *code);
  code->filename = unit.filename;
  code->name = unit.name;
  code->qualname = unit.qualname.empty() ? unit.name : unit.qualname;
  code->firstlineno = unit.firstlineno;
  return code;
}

}  // namespace minipy
