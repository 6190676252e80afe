// The control-flow-graph passes between codegen and the assembler: CPython 3.11's compile.c optimisations and
// bookkeeping on basic blocks, in the same order and with the same rules, because the bytecode must come out
// instruction for instruction as python3.11's (the fidelity tests compare them). Each pass says why it exists;
// where CPython's result depends on a walk order (newest block first, a stack of blocks to visit), the walk
// here keeps that order, since a different order can pick a different copy or line number.
#include "compiler/flowgraph.h"

#include <cassert>
#include <climits>
#include <unordered_map>

namespace minipy::flowgraph {

// SETUP_* are pseudo-instructions: they name a handler block like a jump, but they are erased once the
// exception table is built (label_exception_targets), so most passes must not treat them as jumps.
bool is_block_push(Opcode op) {
  return op == Opcode::SETUP_FINALLY || op == Opcode::SETUP_CLEANUP || op == Opcode::SETUP_WITH;
}

bool is_jump_instr(const Instr& instr) { return is_jump(instr.op) && !is_block_push(instr.op); }

bool is_unconditional_jump(Opcode op) {
  switch (op) {
    case Opcode::JUMP:
    case Opcode::JUMP_NO_INTERRUPT:
    case Opcode::JUMP_FORWARD:
    case Opcode::JUMP_BACKWARD:
    case Opcode::JUMP_BACKWARD_NO_INTERRUPT:
      return true;
    default:
      return false;
  }
}

bool is_scope_exit(Opcode op) {
  return op == Opcode::RETURN_VALUE || op == Opcode::RAISE_VARARGS || op == Opcode::RERAISE;
}

bool block_exits_scope(const BasicBlock& b) {
  for (const Instr& i : b.instrs) {
    if (is_scope_exit(i.op)) return true;
  }
  return false;
}

// Whether control can run off the end of `b` into b.next: not after a return/raise or an unconditional jump.
// The scan covers the whole block, since a dead tail after a jump may remain until unreachable code is removed.
bool block_falls_through(const BasicBlock& b) {
  for (const Instr& i : b.instrs) {
    if (is_scope_exit(i.op) || is_unconditional_jump(i.op)) return false;
  }
  return true;
}

namespace {

// The first non-empty block from `b` on (the last block even if empty): empty blocks are left by codegen at
// labels and by the passes that clear unreachable code, and a jump into one really lands on the next.
BasicBlock* skip_empty(BasicBlock* b) {
  while (b->instrs.empty() && b->next) b = b->next;
  return b;
}

// Every block that exists when the walk starts, newest first: the order of CPython's u_blocks/b_list walks.
// Blocks a pass adds while walking (duplicated exits) are not visited, as with a copy of the list, but no copy is
// made: the walk goes by index, which stays valid while `unit.blocks` grows.
class NewestFirst {
 public:
  explicit NewestFirst(const CompilerUnit& unit) : blocks_(&unit.blocks), count_(unit.blocks.size()) {}
  struct Iterator {
    const std::vector<std::unique_ptr<BasicBlock>>* blocks;
    size_t remaining;
    BasicBlock* operator*() const { return (*blocks)[remaining - 1].get(); }
    Iterator& operator++() {
      --remaining;
      return *this;
    }
    bool operator!=(const Iterator& other) const { return remaining != other.remaining; }
  };
  Iterator begin() const { return {blocks_, count_}; }
  Iterator end() const { return {blocks_, 0}; }

 private:
  const std::vector<std::unique_ptr<BasicBlock>>* blocks_;
  size_t count_;
};

// Blocks without any line number are the implicit `return None` at a function's end and the cleanups codegen
// adds: they may be copied to each predecessor (CPython's extend_block and duplicate_exits_without_lineno) so
// that every copy can take its predecessor's line (PEP 626: f_lineno after a return must be the return's line).
bool has_positive_lineno(const BasicBlock& b) {
  for (const Instr& i : b.instrs) {
    if (i.loc.lineno > 0) return true;
  }
  return false;
}

bool is_exit_without_lineno(const BasicBlock& b) {
  if (!block_exits_scope(b)) return false;
  for (const Instr& i : b.instrs) {
    if (i.loc.lineno >= 0) return false;
  }
  return true;
}

// CPython's MAX_COPY_SIZE: an exit block longer than this is cheaper to jump to than to copy.
constexpr size_t kMaxCopySize = 4;

// Replaces `b`'s final unconditional jump to a small exit block by a copy of that block: one dispatch fewer,
// and the copy's instructions can carry b's line number. The jump becomes a NOP so its own line stays visible to
// remove_redundant_nops, as in CPython.
void extend_block(BasicBlock& b) {
  if (b.instrs.empty()) return;
  Instr& last = b.instrs.back();
  if (last.op != Opcode::JUMP && last.op != Opcode::JUMP_FORWARD && last.op != Opcode::JUMP_BACKWARD) return;
  BasicBlock* to_copy = last.target;
  if (!block_exits_scope(*to_copy) || to_copy->instrs.size() > kMaxCopySize) return;
  // Only blocks without line numbers (implicit `return None`s) are copied.
  if (has_positive_lineno(*to_copy)) return;
  last.op = Opcode::NOP;
  std::vector<Instr> copied = to_copy->instrs;  // to_copy may be b itself
  b.instrs.insert(b.instrs.end(), copied.begin(), copied.end());
}

// Counts predecessors of every block reachable from the entry; unreachable blocks keep zero.
void mark_reachable(CompilerUnit& unit) {
  for (auto& b : unit.blocks) b->predecessors = 0;
  std::vector<BasicBlock*> stack{unit.entry};
  unit.entry->predecessors = 1;
  while (!stack.empty()) {
    BasicBlock* b = stack.back();
    stack.pop_back();
    if (b->next && block_falls_through(*b)) {
      if (b->next->predecessors == 0) stack.push_back(b->next);
      b->next->predecessors++;
    }
    for (const Instr& instr : b->instrs) {
      if (is_jump(instr.op)) {  // jumps and SETUP_* alike
        if (instr.target->predecessors == 0) stack.push_back(instr.target);
        instr.target->predecessors++;
      }
    }
  }
}

}  // namespace

// Drops empty blocks from the layout and points jumps past them, so that later passes can take
// `target->instrs[0]` and "the next block" at face value.
void detail::eliminate_empty_blocks(BasicBlock* entry) {
  for (BasicBlock* b = entry; b; b = b->next) {
    if (b->next) b->next = skip_empty(b->next);
  }
  for (BasicBlock* b = entry; b; b = b->next) {
    if (b->instrs.empty()) continue;
    Instr& last = b->instrs.back();
    if (is_jump_instr(last)) {
      BasicBlock* target = last.target;
      while (target->instrs.empty()) target = target->next;
      last.target = target;
    }
  }
}

void normalize_jump_targets(CompilerUnit& unit) {
  for (auto& b : unit.blocks) {
    for (Instr& instr : b->instrs) {
      // A jump ends its block; codegen starts a new block after each one (CPython: "malformed control flow graph").
      assert(!is_jump_instr(instr) || &instr == &b->instrs.back());
      switch (instr.op) {
        case Opcode::JUMP:
        case Opcode::JUMP_NO_INTERRUPT:
        case Opcode::POP_JUMP_IF_NOT_NONE:
        case Opcode::POP_JUMP_IF_NONE:
        case Opcode::POP_JUMP_IF_FALSE:
        case Opcode::POP_JUMP_IF_TRUE:
        case Opcode::JUMP_IF_FALSE_OR_POP:
        case Opcode::JUMP_IF_TRUE_OR_POP:
        case Opcode::FOR_ITER:
          while (instr.target->instrs.empty()) instr.target = instr.target->next;
          break;
        default:
          break;
      }
    }
  }
}

void inline_small_exit_blocks(CompilerUnit& unit) {
  for (BasicBlock* b : NewestFirst(unit)) extend_block(*b);
}

// CPython's optimize_cfg: peephole rules per block (constant folding of tuples, jump threading, ...), then the
// dead blocks no path reaches are emptied and dropped. The order matters for the output: the peephole pass can
// make blocks unreachable, and removing them can make a jump point at the next block (turned into a NOP).
void optimize_cfg(CompilerUnit& unit, std::vector<ConstRef>& consts) {
  detail::forget_const_index();
  for (BasicBlock* b = unit.entry; b; b = b->next) {
    detail::optimize_basic_block(*b, consts);
    remove_redundant_nops(*b);
  }
  inline_small_exit_blocks(unit);
  mark_reachable(unit);
  for (BasicBlock* b = unit.entry; b; b = b->next) {
    if (b->predecessors == 0) b->instrs.clear();
  }
  detail::eliminate_empty_blocks(unit.entry);
  for (BasicBlock* b = unit.entry; b; b = b->next) remove_redundant_nops(*b);
  // A jump to the block that follows anyway is redundant; its NOP keeps the line number if it must.
  bool maybe_empty_blocks = false;
  for (BasicBlock* b = unit.entry; b; b = b->next) {
    if (b->instrs.empty()) continue;
    Instr& last = b->instrs.back();
    if ((last.op == Opcode::JUMP || last.op == Opcode::JUMP_NO_INTERRUPT) && last.target == b->next) {
      last.op = Opcode::NOP;
      maybe_empty_blocks = true;
    }
  }
  if (maybe_empty_blocks) detail::eliminate_empty_blocks(unit.entry);
}

// An exit block without a line number reached by several jumps gets one copy per jump, each with the jump's line,
// so that a traceback or f_lineno at the `return` names the branch that returned (CPython does the same).
void duplicate_exits_without_lineno(CompilerUnit& unit) {
  for (BasicBlock* b : NewestFirst(unit)) {
    if (b->instrs.empty() || !is_jump_instr(b->instrs.back())) continue;
    Instr& last = b->instrs.back();
    BasicBlock* target = last.target;
    if (!is_exit_without_lineno(*target) || target->predecessors <= 1) continue;
    BasicBlock* copy = unit.new_block();
    copy->instrs = target->instrs;
    copy->instrs[0].loc = last.loc;
    last.target = copy;
    target->predecessors--;
    copy->predecessors = 1;
    copy->next = target->next;
    target->next = copy;
  }
  for (BasicBlock* b : NewestFirst(unit)) {
    while (b->next && b->next->instrs.empty()) b->next = b->next->next;
  }
  // Exit blocks still without a line number are reached only by falling through: take the predecessor's.
  for (BasicBlock* b : NewestFirst(unit)) {
    if (b->instrs.empty() || !b->next || !block_falls_through(*b)) continue;
    if (is_exit_without_lineno(*b->next)) b->next->instrs[0].loc = b->instrs.back().loc;
  }
}

// Constants folded away by the peephole pass leave entries nothing loads. CPython 3.11 only drops the unused tail:
// removing one from the middle would renumber every LOAD_CONST after it, and co_consts must match CPython's.
void trim_unused_consts(const CompilerUnit& unit, std::vector<ConstRef>& consts) {
  int max_index = 0;
  for (BasicBlock* b = unit.entry; b; b = b->next) {
    for (const Instr& i : b->instrs) {
      if ((i.op == Opcode::LOAD_CONST || i.op == Opcode::KW_NAMES) && i.oparg > max_index) max_index = i.oparg;
    }
  }
  if (static_cast<size_t>(max_index) + 1 < consts.size()) consts.resize(static_cast<size_t>(max_index) + 1);
}

// Instructions codegen emitted without a location inherit the previous one in their block, and a block entered
// from a single place inherits its predecessor's last line (CPython's propagate_line_numbers): the line table
// then has no holes where a traceback could land.
void propagate_line_numbers(CompilerUnit& unit, int firstlineno) {
  for (BasicBlock* b = unit.entry; b; b = b->next) {
    if (b->instrs.empty()) continue;
    SourcePosition prev;
    for (Instr& i : b->instrs) {
      if (i.loc.lineno < 0) {
        i.loc = prev;
      } else {
        prev = i.loc;
      }
    }
    if (block_falls_through(*b) && b->next && b->next->predecessors == 1) {
      Instr& first = b->next->instrs[0];
      if (first.loc.lineno < 0) first.loc = prev;
    }
    const Instr& last = b->instrs.back();
    if (is_jump_instr(last) && last.target->predecessors == 1) {
      Instr& first = last.target->instrs[0];
      if (first.loc.lineno < 0) first.loc = prev;
    }
  }
  // Every return must have a line (PEP 626: f_lineno after the frame ends); borrow the last one seen.
  int lineno = firstlineno;
  for (BasicBlock* b = unit.entry; b; b = b->next) {
    if (b->instrs.empty()) continue;
    const Instr& last = b->instrs.back();
    if (last.loc.lineno >= 0) {
      lineno = last.loc.lineno;
    } else if (last.op == Opcode::RETURN_VALUE) {
      for (Instr& i : b->instrs) i.loc.lineno = lineno;
    }
  }
}

// co_stacksize: a walk over every path with each instruction's stack effect (from opcodes.def), taking the
// deepest point. A jump contributes its taken-branch effect, which differs for FOR_ITER, SETUP_* and the
// JUMP_IF_*_OR_POP family. Each block is pushed again only when reached deeper (and never past depth 100, the
// bound CPython's stackdepth walk also has against runaway loops in a malformed graph).
int compute_stack_depth(CompilerUnit& unit, int code_flags) {
  for (auto& b : unit.blocks) b->start_depth = INT_MIN;
  std::vector<BasicBlock*> stack;
  auto push = [&stack](BasicBlock* b, int depth) {
    // Every path into a block must agree on the depth; a mismatch is a codegen bug.
    assert(b->start_depth == INT_MIN || b->start_depth == depth);
    if (b->start_depth < depth && b->start_depth < 100) {
      b->start_depth = depth;
      stack.push_back(b);
    }
  };
  constexpr int kGeneratorFlags = CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR;
  // A generator's frame starts with the value sent into it on the stack (popped by the prefix's POP_TOP).
  push(unit.entry, (code_flags & kGeneratorFlags) ? 1 : 0);
  int max_depth = 0;
  while (!stack.empty()) {
    BasicBlock* b = stack.back();
    stack.pop_back();
    int depth = b->start_depth;
    BasicBlock* next = b->next;
    for (const Instr& instr : b->instrs) {
      int new_depth = depth + stack_effect(instr.op, instr.oparg, false);
      if (new_depth > max_depth) max_depth = new_depth;
      if (is_jump(instr.op)) {  // SETUP_* push their handler's entry depth too
        int target_depth = depth + stack_effect(instr.op, instr.oparg, true);
        if (target_depth > max_depth) max_depth = target_depth;
        push(instr.target, target_depth);
      }
      depth = new_depth;
      if (instr.op == Opcode::JUMP_NO_INTERRUPT || instr.op == Opcode::JUMP || is_scope_exit(instr.op)) {
        next = nullptr;  // the rest of the block is dead
        break;
      }
    }
    if (next) push(next, depth);
  }
  return max_depth;
}

// 3.11 has no block stack at run time: each instruction's handler is looked up in the exception table. This pass
// walks the graph with a stack of active handlers (pushed by SETUP_*, popped by POP_BLOCK), records the handler
// of every instruction, and then erases the pseudo-instructions; the assembler turns runs of equal handlers into
// table entries.
void label_exception_targets(CompilerUnit& unit) {
  using ExceptStack = std::vector<BasicBlock*>;  // [0] is "no handler"
  bool any_block_push = false;
  for (BasicBlock* b = unit.entry; b; b = b->next) {
    b->visited = false;
    b->preserve_lasti = false;
    for (const Instr& instr : b->instrs) any_block_push = any_block_push || is_block_push(instr.op);
  }
  if (!any_block_push) {
    // Code without try/with (most functions): no instruction has a handler, which is how codegen made them, and
    // there is no SETUP_* or POP_BLOCK to erase. Only the walk's last step remains.
    for (BasicBlock* b = unit.entry; b; b = b->next) remove_redundant_nops(*b);
    return;
  }
  std::unordered_map<BasicBlock*, ExceptStack> stacks;
  std::vector<BasicBlock*> todo{unit.entry};
  unit.entry->visited = true;
  stacks[unit.entry] = ExceptStack{nullptr};
  while (!todo.empty()) {
    BasicBlock* b = todo.back();
    todo.pop_back();
    ExceptStack except_stack = std::move(stacks[b]);
    stacks.erase(b);
    BasicBlock* handler = except_stack.back();
    for (Instr& instr : b->instrs) {
      if (is_block_push(instr.op)) {
        instr.except_handler = nullptr;
        if (!instr.target->visited) {
          stacks[instr.target] = except_stack;  // the handler runs outside its own block
          todo.push_back(instr.target);
          instr.target->visited = true;
        }
        if (instr.op == Opcode::SETUP_WITH || instr.op == Opcode::SETUP_CLEANUP) instr.target->preserve_lasti = true;
        except_stack.push_back(instr.target);
        handler = instr.target;
      } else if (instr.op == Opcode::POP_BLOCK) {
        instr.except_handler = nullptr;
        except_stack.pop_back();
        handler = except_stack.back();
      } else {
        instr.except_handler = handler;
        if (is_jump_instr(instr) && !instr.target->visited) {
          stacks[instr.target] = except_stack;
          todo.push_back(instr.target);
          instr.target->visited = true;
        }
      }
    }
    if (block_falls_through(*b) && b->next && !b->next->visited) {
      stacks[b->next] = std::move(except_stack);
      todo.push_back(b->next);
      b->next->visited = true;
    }
  }
  for (BasicBlock* b = unit.entry; b; b = b->next) {
    for (Instr& instr : b->instrs) {
      if (is_block_push(instr.op) || instr.op == Opcode::POP_BLOCK) instr.op = Opcode::NOP;
    }
  }
  for (BasicBlock* b = unit.entry; b; b = b->next) remove_redundant_nops(*b);
}

// NOPs exist only to carry a line number (a `pass`, a folded-away test). One is kept only when it is the sole
// place its line appears, so that tracing still reports that line; otherwise it is dropped or its line is handed
// to the next instruction when that has none. These are CPython's exact rules: the NOPs left are visible in dis.
void remove_redundant_nops(BasicBlock& b) {
  auto& ins = b.instrs;
  size_t dest = 0;
  int prev_lineno = -1;
  for (size_t src = 0; src < ins.size(); src++) {
    int lineno = ins[src].loc.lineno;
    if (ins[src].op == Opcode::NOP) {
      if (lineno < 0) continue;               // carries no line at all
      if (prev_lineno == lineno) continue;    // the line is already on
      if (src + 1 < ins.size()) {
        int next_lineno = ins[src + 1].loc.lineno;
        if (next_lineno == lineno) continue;  // the next instruction turns the line on
        if (next_lineno < 0) {
          ins[src + 1].loc = ins[src].loc;    // hand the line over
          continue;
        }
      } else {
        BasicBlock* next = b.next;
        while (next && next->instrs.empty()) next = next->next;
        if (next && lineno == next->instrs[0].loc.lineno) continue;
      }
    }
    if (dest != src) ins[dest] = ins[src];
    dest++;
    prev_lineno = lineno;
  }
  ins.resize(dest);
}

// 3.11's jumps come in forward and backward variants (their opargs are unsigned distances), but codegen emits
// direction-free pseudo-jumps because the layout is not final until now. A target is backward exactly when its
// block was laid out before the jump's, i.e. already visited in layout order.
void resolve_jump_directions(CompilerUnit& unit) {
  for (BasicBlock* b = unit.entry; b; b = b->next) b->visited = false;
  for (BasicBlock* b = unit.entry; b; b = b->next) {
    b->visited = true;
    if (b->instrs.empty()) continue;
    Instr& last = b->instrs.back();
    if (!is_jump_instr(last)) continue;
    bool forward = !last.target->visited;
    switch (last.op) {
      case Opcode::JUMP:
        last.op = forward ? Opcode::JUMP_FORWARD : Opcode::JUMP_BACKWARD;
        break;
      case Opcode::JUMP_NO_INTERRUPT:
        last.op = forward ? Opcode::JUMP_FORWARD : Opcode::JUMP_BACKWARD_NO_INTERRUPT;
        break;
      case Opcode::POP_JUMP_IF_NOT_NONE:
        last.op = forward ? Opcode::POP_JUMP_FORWARD_IF_NOT_NONE : Opcode::POP_JUMP_BACKWARD_IF_NOT_NONE;
        break;
      case Opcode::POP_JUMP_IF_NONE:
        last.op = forward ? Opcode::POP_JUMP_FORWARD_IF_NONE : Opcode::POP_JUMP_BACKWARD_IF_NONE;
        break;
      case Opcode::POP_JUMP_IF_FALSE:
        last.op = forward ? Opcode::POP_JUMP_FORWARD_IF_FALSE : Opcode::POP_JUMP_BACKWARD_IF_FALSE;
        break;
      case Opcode::POP_JUMP_IF_TRUE:
        last.op = forward ? Opcode::POP_JUMP_FORWARD_IF_TRUE : Opcode::POP_JUMP_BACKWARD_IF_TRUE;
        break;
      default:
        break;  // FOR_ITER, SEND and JUMP_IF_*_OR_POP only ever jump forward
    }
  }
}

}  // namespace minipy::flowgraph
