// The per-block peephole optimiser (CPython 3.11's optimize_basic_block and its helpers): constant conditions,
// tuple folding, jump threading, SWAP minimisation and PUSH_NULL merging. Every rewrite keeps the block the same
// size or smaller, leaving NOPs that remove_redundant_nops() clears later.
#include <algorithm>

#include "compiler/const_index.h"
#include "compiler/flowgraph.h"

namespace minipy::flowgraph {
namespace {

// Python truthiness of a constant (what PyObject_IsTrue answers for it).
bool const_is_true(const Const& c) {
  switch (c.kind()) {
    case Const::Kind::None:
    case Const::Kind::False:
      return false;
    case Const::Kind::True:
    case Const::Kind::Ellipsis:
    case Const::Kind::Code:
      return true;
    case Const::Kind::Int:
      return !c.int_value().is_zero();
    case Const::Kind::Float:
      return c.float_value() != 0.0;
    case Const::Kind::Complex:
      return c.float_value() != 0.0 || c.imag_value() != 0.0;
    case Const::Kind::Str:
    case Const::Kind::Bytes:
      return !c.text().empty();
    case Const::Kind::Tuple:
    case Const::Kind::FrozenSet:
    case Const::Kind::List:
    case Const::Kind::Set:
    case Const::Kind::Dict:
      return !c.items().empty();
  }
  return true;
}

// Index of `value` in `consts`, appending it when no equal constant (by CPython's constant-key rules) is there.
// A hash index over the constants of the code object being optimised (CPython keeps a dict for this), so that
// folding thousands of tuples in a big module stays linear. Rebuilt when another code object's constants come in.
struct FoldIndex {
  const std::vector<ConstRef>* owner = nullptr;
  const Const* first = nullptr;
  size_t indexed = 0;
  ConstIndex by_hash;
};

thread_local FoldIndex const_index;

int add_const(std::vector<ConstRef>& consts, ConstRef value) {
  FoldIndex& index = const_index;
  const Const* first = consts.empty() ? nullptr : consts[0].get();
  if (index.owner != &consts || index.first != first || index.indexed > consts.size()) {
    index.owner = &consts;
    index.first = first;
    index.indexed = 0;
    index.by_hash = ConstIndex{};
  }
  for (; index.indexed < consts.size(); index.indexed++)
    index.by_hash.insert(consts[index.indexed]->key_hash(), static_cast<int>(index.indexed));
  size_t h = value->key_hash();
  int found = index.by_hash.find_lowest(
      h, [&](int i) { return same_constant(*consts[static_cast<size_t>(i)], *value); });
  if (found >= 0) return found;
  consts.push_back(std::move(value));
  index.by_hash.insert(h, static_cast<int>(consts.size() - 1));
  index.indexed = consts.size();
  if (consts.size() == 1) index.first = consts[0].get();
  return static_cast<int>(consts.size() - 1);
}

// LOAD_CONST c1 .. LOAD_CONST cn, BUILD_TUPLE n  ->  NOP .. NOP, LOAD_CONST (c1, .., cn).
void fold_tuple_on_constants(std::vector<Instr>& ins, size_t build_index, int n, std::vector<ConstRef>& consts) {
  size_t first = build_index - static_cast<size_t>(n);
  for (size_t i = first; i < build_index; i++) {
    if (ins[i].op != Opcode::LOAD_CONST) return;
  }
  std::vector<ConstRef> items;
  for (size_t i = first; i < build_index; i++) items.push_back(consts.at(static_cast<size_t>(ins[i].oparg)));
  int index = add_const(consts, Const::tuple(std::move(items)));
  for (size_t i = first; i < build_index; i++) ins[i].op = Opcode::NOP;
  ins[build_index].op = Opcode::LOAD_CONST;
  ins[build_index].oparg = index;
}

// Replaces the run of SWAPs and NOPs starting at `*ix` by the shortest run of SWAPs with the same effect, and
// leaves `*ix` on the run's last instruction.
void swaptimize(std::vector<Instr>& ins, size_t* ix) {
  Instr* run = &ins[*ix];
  int depth = run[0].oparg;
  size_t len = 0;
  bool more = false;
  size_t limit = ins.size() - *ix;
  while (++len < limit) {
    Opcode op = run[len].op;
    if (op == Opcode::SWAP) {
      depth = std::max(depth, run[len].oparg);
      more = true;
    } else if (op != Opcode::NOP) {
      break;
    }
  }
  if (!more) return;  // one SWAP is already optimal
  // Simulate the run on a stack of item ids, then rebuild it from its permutation cycles: each cycle through
  // the top costs one SWAP per element. Written back to front, so the shuffle comes out in the right order.
  constexpr int kVisited = -1;
  std::vector<int> stack(static_cast<size_t>(depth));
  for (int i = 0; i < depth; i++) stack[static_cast<size_t>(i)] = i;
  for (size_t i = 0; i < len; i++) {
    if (run[i].op == Opcode::SWAP) std::swap(stack[0], stack[static_cast<size_t>(run[i].oparg - 1)]);
  }
  long current = static_cast<long>(len) - 1;
  for (int i = 0; i < depth; i++) {
    if (stack[static_cast<size_t>(i)] == kVisited || stack[static_cast<size_t>(i)] == i) continue;
    int j = i;
    while (true) {
      if (j) {
        run[current].op = Opcode::SWAP;
        run[current].oparg = j + 1;
        current--;
      }
      if (stack[static_cast<size_t>(j)] == kVisited) break;
      int next_j = stack[static_cast<size_t>(j)];
      stack[static_cast<size_t>(j)] = kVisited;
      j = next_j;
    }
  }
  while (current >= 0) run[current--].op = Opcode::NOP;
  *ix += len - 1;
}

// Instructions a SWAP can be traded for: no control flow, no arbitrary code, and they only consume TOS.
bool swappable(Opcode op) { return op == Opcode::STORE_FAST || op == Opcode::POP_TOP; }

int stores_to(const Instr& instr) { return instr.op == Opcode::STORE_FAST ? instr.oparg : -1; }

// The next swappable instruction after `i` (skipping NOPs), or -1; with `lineno` >= 0 it must stay on that line
// so that line tracing sees the same bindings.
long next_swappable_instruction(const std::vector<Instr>& ins, long i, int lineno) {
  while (++i < static_cast<long>(ins.size())) {
    const Instr& instr = ins[static_cast<size_t>(i)];
    if (lineno >= 0 && instr.loc.lineno != lineno) return -1;
    if (instr.op == Opcode::NOP) continue;
    if (swappable(instr.op)) return i;
    return -1;
  }
  return -1;
}

// Applies SWAPs at or before `i` statically by reordering the instructions that consume the swapped items:
// SWAP 2, POP_TOP, STORE_FAST x  ->  NOP, STORE_FAST x, POP_TOP.
void apply_static_swaps(std::vector<Instr>& ins, long i) {
  for (; i >= 0; i--) {
    Instr& swap = ins[static_cast<size_t>(i)];
    if (swap.op != Opcode::SWAP) {
      if (swap.op == Opcode::NOP || swappable(swap.op)) continue;
      return;
    }
    long j = next_swappable_instruction(ins, i, -1);
    if (j < 0) return;
    long k = j;
    int lineno = ins[static_cast<size_t>(j)].loc.lineno;
    for (int count = swap.oparg - 1; count > 0; count--) {
      k = next_swappable_instruction(ins, k, lineno);
      if (k < 0) return;
    }
    // Unsafe when both store to one place, or a store in between hits either of them.
    int store_j = stores_to(ins[static_cast<size_t>(j)]);
    int store_k = stores_to(ins[static_cast<size_t>(k)]);
    if (store_j >= 0 || store_k >= 0) {
      if (store_j == store_k) return;
      for (long idx = j + 1; idx < k; idx++) {
        int store_idx = stores_to(ins[static_cast<size_t>(idx)]);
        if (store_idx >= 0 && (store_idx == store_j || store_idx == store_k)) return;
      }
    }
    swap.op = Opcode::NOP;
    std::swap(ins[static_cast<size_t>(j)], ins[static_cast<size_t>(k)]);
  }
}

// Retargets `inst` to where the jump at `target` goes, as `opcode`, when both are on one line.
bool jump_thread(Instr& inst, const Instr& target, Opcode opcode) {
  if (inst.loc.lineno == target.loc.lineno && inst.target != target.target) {
    inst.target = target.target;
    inst.op = opcode;
    return true;
  }
  return false;
}

// JUMP_IF_{FALSE,TRUE}_OR_POP (`on_true` picks which) to a conditional jump whose outcome it already decides
// ("a and b or c", "(a or b) or c", ...): jump straight to the final target when the second test agrees, or
// pop and continue after the second test when it must fail. Returns 1 when `inst` changed (look at it again).
int thread_or_pop_jump(Instr& inst, const Instr& target, bool on_true) {
  Opcode same_pop = on_true ? Opcode::POP_JUMP_IF_TRUE : Opcode::POP_JUMP_IF_FALSE;
  Opcode same_keep = on_true ? Opcode::JUMP_IF_TRUE_OR_POP : Opcode::JUMP_IF_FALSE_OR_POP;
  Opcode other_pop = on_true ? Opcode::POP_JUMP_IF_FALSE : Opcode::POP_JUMP_IF_TRUE;
  Opcode other_keep = on_true ? Opcode::JUMP_IF_FALSE_OR_POP : Opcode::JUMP_IF_TRUE_OR_POP;
  if (target.op == same_pop) return jump_thread(inst, target, same_pop);
  if (target.op == Opcode::JUMP || target.op == same_keep) return jump_thread(inst, target, same_keep);
  if ((target.op == other_keep || target.op == other_pop) && inst.loc.lineno == target.loc.lineno) {
    inst.op = same_pop;
    inst.target = inst.target->next;
    return 1;
  }
  return 0;
}

}  // namespace

// A new code unit's constants may sit at the address of an earlier unit's vector and even start with the same
// shared constant (None), so the index cannot tell them apart by itself: optimize_cfg drops it for each unit.
void detail::forget_const_index() { const_index = FoldIndex{}; }

bool detail::optimize_basic_block(BasicBlock& b, std::vector<ConstRef>& consts) {
  auto& ins = b.instrs;
  const Instr nop{};
  for (long i = 0; i < static_cast<long>(ins.size()); i++) {
    size_t at = static_cast<size_t>(i);
    Instr& inst = ins[at];
    int oparg = inst.oparg;
    Opcode nextop = at + 1 < ins.size() ? ins[at + 1].op : Opcode::CACHE;
    const Instr* target = &nop;
    if (is_jump(inst.op)) {  // jumps and SETUP_*: look through empty blocks
      while (inst.target->instrs.empty()) inst.target = inst.target->next;
      target = &inst.target->instrs[0];
    }
    switch (inst.op) {
      case Opcode::LOAD_CONST: {
        switch (nextop) {
          case Opcode::POP_JUMP_IF_FALSE:
          case Opcode::POP_JUMP_IF_TRUE: {
            bool is_true = const_is_true(*consts.at(static_cast<size_t>(oparg)));
            inst.op = Opcode::NOP;
            bool jump_if_true = nextop == Opcode::POP_JUMP_IF_TRUE;
            ins[at + 1].op = is_true == jump_if_true ? Opcode::JUMP : Opcode::NOP;
            break;
          }
          case Opcode::JUMP_IF_FALSE_OR_POP:
          case Opcode::JUMP_IF_TRUE_OR_POP: {
            bool is_true = const_is_true(*consts.at(static_cast<size_t>(oparg)));
            bool jump_if_true = nextop == Opcode::JUMP_IF_TRUE_OR_POP;
            if (is_true == jump_if_true) {
              ins[at + 1].op = Opcode::JUMP;
            } else {
              inst.op = Opcode::NOP;
              ins[at + 1].op = Opcode::NOP;
            }
            break;
          }
          case Opcode::IS_OP: {
            // `x is None` / `x is not None` feeding a jump becomes one POP_JUMP_IF_[NOT_]NONE.
            Opcode jump_op = at + 2 < ins.size() ? ins[at + 2].op : Opcode::CACHE;
            if (consts.at(static_cast<size_t>(oparg))->is(Const::Kind::None) &&
                (jump_op == Opcode::POP_JUMP_IF_FALSE || jump_op == Opcode::POP_JUMP_IF_TRUE)) {
              bool negated = (ins[at + 1].oparg & 0xFF) != 0;
              inst.op = Opcode::NOP;
              ins[at + 1].op = Opcode::NOP;
              ins[at + 2].op = negated != (jump_op == Opcode::POP_JUMP_IF_FALSE) ? Opcode::POP_JUMP_IF_NOT_NONE
                                                                                 : Opcode::POP_JUMP_IF_NONE;
            }
            break;
          }
          default:
            break;
        }
        break;
      }
      case Opcode::BUILD_TUPLE:
        if (nextop == Opcode::UNPACK_SEQUENCE && oparg == ins[at + 1].oparg) {
          if (oparg == 1) {
            inst.op = Opcode::NOP;
            ins[at + 1].op = Opcode::NOP;
            continue;
          }
          if (oparg == 2 || oparg == 3) {
            inst.op = Opcode::NOP;
            ins[at + 1].op = Opcode::SWAP;
            continue;
          }
        }
        if (i >= oparg) fold_tuple_on_constants(ins, at, oparg, consts);
        break;
      case Opcode::JUMP_IF_FALSE_OR_POP:
        i -= thread_or_pop_jump(inst, *target, false);
        break;
      case Opcode::JUMP_IF_TRUE_OR_POP:
        i -= thread_or_pop_jump(inst, *target, true);
        break;
      case Opcode::POP_JUMP_IF_NOT_NONE:
      case Opcode::POP_JUMP_IF_NONE:
      case Opcode::POP_JUMP_IF_FALSE:
      case Opcode::POP_JUMP_IF_TRUE:
      case Opcode::JUMP:
        if (target->op == Opcode::JUMP) i -= jump_thread(inst, *target, inst.op);
        break;
      case Opcode::SWAP: {
        if (oparg == 1) {
          inst.op = Opcode::NOP;
          break;
        }
        size_t ix = at;
        swaptimize(ins, &ix);
        i = static_cast<long>(ix);
        apply_static_swaps(ins, i);
        break;
      }
      case Opcode::PUSH_NULL:
        // CPython 3.11 tests the LOAD_GLOBAL's opcode (always even) where it means its oparg, so the merge
        // happens whenever a LOAD_GLOBAL follows.
        if (nextop == Opcode::LOAD_GLOBAL) {
          inst.op = Opcode::NOP;
          inst.oparg = 0;
          ins[at + 1].oparg |= 1;
        }
        break;
      default:
        break;
    }
  }
  return true;
}

}  // namespace minipy::flowgraph
