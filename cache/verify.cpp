// The strict check a cache body passes before minipy runs it. The interpreter loop, like CPython's, trusts
// every oparg and its stack, so code from a file is checked twice. verify_code proves the structure: every
// opcode implemented, every oparg in its row's range and every operand index inside co_consts / co_names /
// localsplus, each opcode in a code object of the kind its row's `context` asks for (a yield needs the
// generator prologue), jumps and the exception table inside the code. verify_stack_use then runs the code
// abstractly — a stack of value kinds through every path, exception handlers included, each instruction's
// pops, pushes and kinds taken from its row of compiler/opcodes.def — and refuses code whose stack use the
// compiler could not have produced. Refused code is recompiled from source, never run.
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "cache/verify.h"
#include "cache/verify_kinds.h"
#include "compiler/exception_table.h"
#include "compiler/opcodes.h"

namespace minipy {

bool opcode_supported(int opcode) {
  // The `vm` column of compiler/opcodes.def: the same mark the interpreter's dispatch table is built from.
  return opcode >= 0 && opcode < kFirstPseudoOpcode && kOpcodeTable[opcode].implemented_by_vm;
}

namespace {

constexpr int kGeneratorFlags = CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR;

std::string opcode_name(int op) {
  std::string_view name = kOpcodeTable[op].name;
  return name.empty() ? fmt::format("{}", op) : std::string(name);
}

// The code unit of the RETURN_GENERATOR that opens a generator's code (after the COPY_FREE_VARS and
// MAKE_CELL instructions that set up its cells), or -1 when the code does not start with one.
int generator_prologue_unit(std::string_view bytes) {
  for (size_t u = 0; 2 * u + 1 < bytes.size(); u++) {
    auto op = static_cast<Opcode>(static_cast<uint8_t>(bytes[2 * u]));
    if (op == Opcode::RETURN_GENERATOR) return static_cast<int>(u);
    if (op != Opcode::COPY_FREE_VARS && op != Opcode::MAKE_CELL && op != Opcode::EXTENDED_ARG) return -1;
  }
  return -1;
}

// Why `op` may not appear in `code` (its row's context column), or nullptr when it may; `unit` is where it is.
const char* context_problem(const OpcodeInfo& info, const CodeView& code, int unit, int prologue) {
  switch (info.context) {
    case OpContext::ANY: return nullptr;
    case OpContext::PROLOGUE:
      if (!(code.flags & kGeneratorFlags)) return "outside generator code";
      return unit == prologue ? nullptr : "after the start of the code";
    case OpContext::GENERATOR:
      return prologue >= 0 && (code.flags & kGeneratorFlags) ? nullptr : "outside a generator (no RETURN_GENERATOR)";
    case OpContext::ASYNC:
      return code.flags & (CO_COROUTINE | CO_ASYNC_GENERATOR | CO_ITERABLE_COROUTINE) ? nullptr
                                                                                       : "outside async code";
    case OpContext::ASYNC_GENERATOR:
      return code.flags & CO_ASYNC_GENERATOR ? nullptr : "outside an async generator";
    case OpContext::NAMESPACE:
      return code.flags & CO_OPTIMIZED ? "in optimized (function) code" : nullptr;
  }
  return nullptr;
}

// verify_code's checks, in order: the first problem in words, or "" when there is none.
std::string first_structural_problem(const CodeView& code) {
  std::string_view bytes = code.code;
  if (bytes.empty() || bytes.size() % 2) return "code length is not a positive multiple of 2";
  int n = static_cast<int>(bytes.size() / 2);
  auto nconsts = static_cast<int>(code.consts.size());
  int nnames = code.nnames;
  auto nlocalsplus = static_cast<int>(code.localspluskinds.size());
  if (code.argcount < 0 || code.kwonlyargcount < 0 || code.posonlyargcount < 0 ||
      code.argcount + code.kwonlyargcount + ((code.flags & CO_VARARGS) ? 1 : 0) +
              ((code.flags & CO_VARKEYWORDS) ? 1 : 0) > nlocalsplus ||
      code.posonlyargcount > code.argcount)
    return "argument counts out of range";
  // Every call of this code reserves stacksize slots in its frame: a forged huge value would turn each call into
  // a huge allocation, so the bound is far above anything the compiler emits and far below harm.
  if (code.stacksize < 0 || code.stacksize > 100000) return "bad stack size";
  int prologue = generator_prologue_unit(bytes);
  // The operand is assembled from EXTENDED_ARG prefixes exactly as the eval loop assembles it, so the ranges
  // checked below are the values the loop will see.
  int ext = 0;
  for (int i = 0; i < n; i++) {
    auto op = static_cast<uint8_t>(bytes[2 * i]);
    int arg = (ext << 8) | static_cast<uint8_t>(bytes[2 * i + 1]);
    if (!opcode_supported(op)) return fmt::format("unsupported opcode {} at offset {}", opcode_name(op), 2 * i);
    const OpcodeInfo& info = kOpcodeTable[op];
    int next = i + 1 + info.cache_entries;
    if (next > n) return fmt::format("instruction at offset {} runs past the end of the code", 2 * i);
    if (arg < info.arg_min || arg > info.arg_max)
      return fmt::format("{} operand {} out of range at offset {}", info.name, arg, 2 * i);
    if (const char* why = context_problem(info, code, i, prologue))
      return fmt::format("{} {} at offset {}", info.name, why, 2 * i);
    switch (info.operand) {
      case Operand::CONST:
        if (arg >= nconsts) return fmt::format("constant index {} out of range at offset {}", arg, 2 * i);
        break;
      case Operand::NAME:
        if (arg >= nnames) return fmt::format("name index {} out of range at offset {}", arg, 2 * i);
        break;
      case Operand::GLOBAL_NAME:
        if ((arg >> 1) >= nnames) return fmt::format("name index {} out of range at offset {}", arg >> 1, 2 * i);
        break;
      case Operand::LOCAL:
        if (arg >= nlocalsplus) return fmt::format("local index {} out of range at offset {}", arg, 2 * i);
        break;
      case Operand::CELL: {
        if (arg >= nlocalsplus) return fmt::format("local index {} out of range at offset {}", arg, 2 * i);
        // MAKE_CELL wraps a cell variable; the others read a cell or a free variable's cell.
        auto kind = static_cast<uint8_t>(code.localspluskinds[static_cast<size_t>(arg)]);
        uint8_t wanted = static_cast<Opcode>(op) == Opcode::MAKE_CELL ? CO_FAST_CELL : (CO_FAST_CELL | CO_FAST_FREE);
        if (!(kind & wanted)) return fmt::format("{} operand is not a cell at offset {}", info.name, 2 * i);
        break;
      }
      case Operand::JUMP_FORWARD:
        if (next + arg > n) return fmt::format("jump target out of range at offset {}", 2 * i);
        break;
      case Operand::JUMP_BACKWARD:
        if (next - arg < 0) return fmt::format("jump target out of range at offset {}", 2 * i);
        break;
      default: break;
    }
    // The loop reads KW_NAMES's constant as a tuple of names without looking: any other constant would be a
    // wrong-type read, not a Python error.
    if (static_cast<Opcode>(op) == Opcode::KW_NAMES && code.consts[static_cast<size_t>(arg)].kind != ConstShape::Kind::Tuple)
      return "KW_NAMES operand is not a tuple";
    // COPY n and SWAP n reach n items down: deeper than the whole stack can never be valid (the abstract run
    // below checks the actual depth on each path).
    if ((static_cast<Opcode>(op) == Opcode::COPY || static_cast<Opcode>(op) == Opcode::SWAP) && arg > code.stacksize)
      return fmt::format("{} operand out of range at offset {}", info.name, 2 * i);
    ext = static_cast<Opcode>(op) == Opcode::EXTENDED_ARG ? arg : 0;
    i = next - 1;
  }
  if (ext) return "code ends with EXTENDED_ARG";
  // A handler entry moves control to `target` with the stack cut to `depth`: both must lie inside the code and
  // its stack, or unwinding would jump or pop out of bounds.
  auto entries = parse_exception_table(code.exceptiontable);
  if (!entries) return "malformed exception table";
  for (const auto& e : *entries)
    if (e.start < 0 || e.end > n || e.start >= e.end || e.target < 0 || e.target >= n || e.depth < 0 ||
        e.depth > code.stacksize)
      return "exception table entry out of range";
  return {};
}

using Kind = ValueKind;

// What the abstract run knows about one stack item. Tuple lengths and a code constant's free-variable count are
// tracked because the loop trusts them: BUILD_CONST_KEY_MAP takes as many keys as its count says, and a function
// made by MAKE_FUNCTION indexes its closure by the code's free variables.
struct Slot {
  Kind kind = Kind::Any;
  int size = -1;       // tuples: known length, else -1
  int nfrees = 0;      // code constants: how many free variables the closure must supply
  bool operator==(const Slot&) const = default;
};

bool nullish(const Slot& s) { return s.kind == Kind::Null || s.kind == Kind::MaybeNull; }

Slot merge(const Slot& a, const Slot& b) {
  if (a == b) return a;
  if (nullish(a) || nullish(b)) return {Kind::MaybeNull};
  if (a.kind == b.kind && a.kind != Kind::Code) return {a.kind, -1, 0};
  // An exception is one of the values an ExcInfo slot may hold (a handler covering PUSH_EXC_INFO itself sees
  // the exception where the other covered instructions have the saved one).
  if ((a.kind == Kind::Exc && b.kind == Kind::ExcInfo) || (a.kind == Kind::ExcInfo && b.kind == Kind::Exc))
    return {Kind::ExcInfo};
  return {Kind::Any};
}

Slot const_slot(const ConstShape& c) {
  switch (c.kind) {
    case ConstShape::Kind::Code: return {Kind::Code, -1, c.nfrees};
    case ConstShape::Kind::Tuple: return {Kind::Tuple, c.size, 0};
    case ConstShape::Kind::Str: return {Kind::Str};
    case ConstShape::Kind::Int: return {Kind::Int};
    default: return {Kind::Any};
  }
}

struct Instr {
  int unit;        // code unit where the instruction (not its EXTENDED_ARG prefix) starts
  Opcode op;
  int arg;
  int next;        // code unit of the following instruction
  bool after_extended_arg;
};

using Stack = std::vector<Slot>;

// The checker's working storage, kept per thread and reused from one code object to the next: a warm import
// checks thousands of small code objects, and allocating these afresh for each (a stack per instruction, as an
// earlier version did) cost more than the checks themselves.
struct CheckerScratch {
  std::vector<Instr> instrs;
  std::vector<int> index_of_unit;
  std::vector<Slot> pool;        // every reached instruction's entry stack, back to back
  std::vector<int> state_at;     // instruction -> offset of its entry stack in `pool` (-1: not reached yet)
  std::vector<int> state_depth;  // instruction -> its entry stack depth (fixed once reached)
  Stack step_stack, handler_stack, jump_stack, before;
  std::vector<size_t> work;
};

class StackChecker {
 public:
  explicit StackChecker(const CodeView& code) : code_(code), scratch_(scratch()) {}

  std::string run() {
    if (std::string bad = check_kinds_column(); !bad.empty()) return "opcode table: " + bad;
    decode();
    auto table = parse_exception_table(code_.exceptiontable);
    if (!table) return "malformed exception table";
    handlers_ = std::move(*table);
    prologue_ = generator_prologue_unit(code_.code);
    scratch_.pool.clear();
    scratch_.state_at.assign(instrs_.size(), -1);
    scratch_.state_depth.assign(instrs_.size(), 0);
    work_.clear();
    Stack& empty = scratch_.handler_stack;
    empty.clear();
    if (!flow_to(0, empty, Edge::Entry)) return problem_;
    while (!work_.empty()) {
      size_t i = work_.back();
      work_.pop_back();
      if (!step(i)) return problem_;
    }
    return {};
  }

 private:
  static CheckerScratch& scratch() {
    thread_local CheckerScratch storage;
    return storage;
  }
  // How control reaches an instruction: the code's entry, falling through from the previous instruction, or a
  // jump / exception handler edge.
  enum class Edge { Entry, FallThrough, Jump };

  bool fail(std::string why) {
    problem_ = std::move(why);
    return false;
  }

  void decode() {
    int n = static_cast<int>(code_.code.size() / 2);
    instrs_.clear();
    index_of_unit_.assign(static_cast<size_t>(n), -1);
    int ext = 0;
    bool prefixed = false;
    for (int u = 0; u < n;) {
      auto op = static_cast<Opcode>(static_cast<uint8_t>(code_.code[2 * static_cast<size_t>(u)]));
      int arg = (ext << 8) | static_cast<uint8_t>(code_.code[2 * static_cast<size_t>(u) + 1]);
      int next = u + 1 + kOpcodeTable[static_cast<int>(op)].cache_entries;
      index_of_unit_[static_cast<size_t>(u)] = static_cast<int>(instrs_.size());
      instrs_.push_back({u, op, arg, next, prefixed});
      prefixed = op == Opcode::EXTENDED_ARG;
      ext = prefixed ? arg : 0;
      u = next;
    }
  }

  // Merges `stack` into the state on entry to the instruction at code unit `unit`, queueing it if it changed.
  bool flow_to(int unit, const Stack& stack, Edge edge) {
    if (unit < 0 || static_cast<size_t>(unit) >= index_of_unit_.size() || index_of_unit_[static_cast<size_t>(unit)] < 0)
      return fail(fmt::format("jump into the middle of an instruction (code unit {})", unit));
    auto i = static_cast<size_t>(index_of_unit_[static_cast<size_t>(unit)]);
    if (instrs_[i].after_extended_arg && edge != Edge::FallThrough)
      return fail("jump between EXTENDED_ARG and its instruction");
    // The prologue runs once, on entry: going back to it would make a generator of a generator's frame.
    if (edge == Edge::Jump && unit <= prologue_) return fail("jump into the generator prologue");
    // CALL pops what its PRECALL checked; entered any other way it would pop what nobody checked.
    if (instrs_[i].op == Opcode::CALL && edge != Edge::FallThrough) return fail("jump to a CALL (past its PRECALL)");
    if (stack.size() > static_cast<size_t>(code_.stacksize)) return fail("stack deeper than co_stacksize");
    if (scratch_.state_at[i] < 0) {
      scratch_.state_at[i] = static_cast<int>(scratch_.pool.size());
      scratch_.state_depth[i] = static_cast<int>(stack.size());
      scratch_.pool.insert(scratch_.pool.end(), stack.begin(), stack.end());
      work_.push_back(i);
      return true;
    }
    if (static_cast<size_t>(scratch_.state_depth[i]) != stack.size())
      return fail(fmt::format("inconsistent stack depth at code unit {}", unit));
    bool changed = false;
    Slot* state = scratch_.pool.data() + scratch_.state_at[i];
    for (size_t k = 0; k < stack.size(); k++) {
      Slot m = merge(state[k], stack[k]);
      if (!(m == state[k])) {
        state[k] = m;
        changed = true;
      }
    }
    if (changed) work_.push_back(i);
    return true;
  }

  bool step(size_t index) {
    const Instr& in = instrs_[index];
    // Working stacks are members so that their storage is reused from one instruction to the next.
    Stack& s = scratch_.step_stack;
    const Slot* entry = scratch_.pool.data() + scratch_.state_at[index];
    s.assign(entry, entry + scratch_.state_depth[index]);
    for (const ExceptionTableEntry& h : handlers_) {
      if (in.unit < h.start || in.unit >= h.end) continue;
      if (s.size() < static_cast<size_t>(h.depth)) return fail("exception handler depth above the stack");
      Stack& hs = scratch_.handler_stack;
      hs.assign(s.begin(), s.begin() + h.depth);
      if (h.lasti) hs.push_back({Kind::Int});
      hs.push_back({Kind::Exc});
      if (!flow_to(h.target, hs, Edge::Jump)) return false;
      break;  // the first covering entry is the one that applies
    }
    Stack& jump = scratch_.jump_stack;
    const OpcodeInfo& info = kOpcodeTable[static_cast<int>(in.op)];
    const bool jumps = info.flow == OpFlow::BRANCH || info.flow == OpFlow::JUMP;
    if (!apply(in, s, jumps ? &jump : nullptr)) return false;
    if (jumps) {
      int target = info.operand == Operand::JUMP_BACKWARD ? in.next - in.arg : in.next + in.arg;
      if (!flow_to(target, jump, Edge::Jump)) return false;
    }
    if (info.flow == OpFlow::NEXT || info.flow == OpFlow::BRANCH) {
      if (static_cast<size_t>(in.next) >= index_of_unit_.size()) return fail("code runs off its end");
      return flow_to(in.next, s, Edge::FallThrough);
    }
    return true;
  }

  // The slot `depth` from the top (1 = TOS).
  static Slot* peek(Stack& s, int depth) {
    if (depth < 1 || s.size() < static_cast<size_t>(depth)) return nullptr;
    return &s[s.size() - static_cast<size_t>(depth)];
  }
  bool expect(Stack& s, int depth, Kind kind, const char* what) {
    Slot* slot = peek(s, depth);
    if (!slot) return fail("stack underflow");
    if (slot->kind != kind) return fail(fmt::format("{} does not find the value it needs", what));
    return true;
  }

  // Checks the row's requirements on `s` (the stack before the instruction) and that every item it pops is a
  // real value unless an Opt requirement allows a NULL there.
  bool check_requirements(const Instr& in, const StackRule& rule, Stack& s, int pops) {
    const std::string_view name = kOpcodeTable[static_cast<int>(in.op)].name;
    if (pops < 0 || s.size() < static_cast<size_t>(pops)) return fail("stack underflow");
    uint64_t may_be_null = 0;  // bit d-1: the popped item at depth d may be NULL
    for (const StackRequirement& req : rule.requirements) {
      int low = req.low.at(in.arg), high = req.high.at(in.arg);
      for (int d = low; d <= high; d++) {
        Slot* slot = peek(s, d);
        if (!slot) return fail(fmt::format("{} reaches below the stack", name));
        switch (req.demand) {
          case StackRequirement::Demand::Opt:
            if (d <= 64) may_be_null |= uint64_t{1} << (d - 1);
            break;
          case StackRequirement::Demand::Value:
            if (nullish(*slot)) return fail("NULL used as a value");
            break;
          case StackRequirement::Demand::OneOf:
            if (!(req.kinds & (1u << static_cast<unsigned>(slot->kind))))
              return fail(fmt::format("{} does not find the value it needs", name));
            break;
        }
      }
    }
    for (int d = 1; d <= pops; d++)
      if (nullish(*peek(s, d)) && !(d <= 64 && (may_be_null >> (d - 1) & 1))) return fail("NULL used as a value");
    return true;
  }

  // Applies instruction `in` to `s` (leaving the fall-through stack there) and sets `*jump` (when the
  // instruction jumps) to the stack on its jump edge: the row's requirements, pops and pushes, then the relations
  // no row can state.
  bool apply(const Instr& in, Stack& s, Stack* jump) {
    const int a = in.arg;
    const StackRule& rule = stack_rule(static_cast<int>(in.op));
    const int pops = stack_pops(in.op, a);
    if (!check_requirements(in, rule, s, pops)) return false;
    if (!check_relations(in, s)) return false;
    // Results that copy an item, and BUILD_TUPLE's cell check, refer to the stack before the pops (copied only
    // for them: this runs for every instruction of every code object a warm import loads).
    bool copies = in.op == Opcode::BUILD_TUPLE;
    for (const StackResult& r : rule.results) copies |= r.is_copy;
    if (copies) before_ = s;
    s.resize(s.size() - static_cast<size_t>(pops));
    if (jump) {
      *jump = s;
      push_results(rule, stack_pushes(in.op, a, true), a, *jump);
    }
    push_results(rule, stack_pushes(in.op, a, false), a, s);
    return refine_results(in, s);
  }

  // Pushes `count` items: the row's results aligned with the top (missing ones Any).
  void push_results(const StackRule& rule, int count, int oparg, Stack& s) {
    int listed = static_cast<int>(rule.results.size());
    for (int k = 0; k < count; k++) {
      int r = listed - count + k;  // which listed result this pushed item is (negative: not listed)
      if (r < 0) {
        s.push_back({Kind::Any});
      } else if (rule.results[static_cast<size_t>(r)].is_copy) {
        Slot* from = peek(before_, rule.results[static_cast<size_t>(r)].copy_of.at(oparg));
        s.push_back(from ? *from : Slot{Kind::Any});
      } else {
        s.push_back({rule.results[static_cast<size_t>(r)].kind});
      }
    }
  }

  // Relations between an instruction and its neighbours, its constants or its flags: facts a table row cannot
  // state. Runs on the stack before the instruction.
  bool check_relations(const Instr& in, Stack& s) {
    const int a = in.arg;
    auto index = static_cast<size_t>(index_of_unit_[static_cast<size_t>(in.unit)]);
    switch (in.op) {
      case Opcode::COPY_FREE_VARS:
        if (a != count_free_slots(code_.localspluskinds)) return fail("COPY_FREE_VARS does not match the free variables");
        return true;
      case Opcode::KW_NAMES: {
        const ConstShape& names = code_.consts[static_cast<size_t>(a)];
        if (!names.all_str) return fail("KW_NAMES holds a non-string");
        if (index + 1 >= instrs_.size() || instrs_[index + 1].op != Opcode::PRECALL ||
            instrs_[index + 1].arg < names.size)
          return fail("KW_NAMES is not followed by a call with enough arguments");
        return true;
      }
      case Opcode::PRECALL:
        if (index + 1 >= instrs_.size() || instrs_[index + 1].op != Opcode::CALL || instrs_[index + 1].arg != a)
          return fail("PRECALL is not followed by its CALL");
        return true;
      case Opcode::CALL:
        if (index == 0 || instrs_[index - 1].op != Opcode::PRECALL || instrs_[index - 1].arg != a)
          return fail("CALL without its PRECALL");
        return true;
      case Opcode::CALL_FUNCTION_EX:
        return !(a & 1) || expect(s, 1, Kind::Dict, "CALL_FUNCTION_EX");
      case Opcode::FORMAT_VALUE:
        return !(a & 4) || expect(s, 1, Kind::Str, "FORMAT_VALUE");
      case Opcode::BUILD_CONST_KEY_MAP:
        if (peek(s, 1)->size != a) return fail("BUILD_CONST_KEY_MAP keys do not match its count");
        return true;
      case Opcode::MAKE_FUNCTION: {
        int nfrees = peek(s, 1)->nfrees;
        int depth = 2;
        if (a & 8) {
          if (!expect(s, depth, Kind::CellTuple, "MAKE_FUNCTION") || peek(s, depth)->size != nfrees)
            return fail("MAKE_FUNCTION closure does not match the code's free variables");
          depth++;
        } else if (nfrees) {
          return fail("MAKE_FUNCTION without the closure its code needs");
        }
        if (a & 4) depth++;
        if ((a & 2) && !expect(s, depth++, Kind::Dict, "MAKE_FUNCTION")) return false;
        if ((a & 1) && !expect(s, depth++, Kind::Tuple, "MAKE_FUNCTION")) return false;
        return true;
      }
      default: return true;
    }
  }

  // Result kinds that depend on more than the row: constants, a comprehension's iterator argument, tuples of
  // cells, swaps, and the value a generator's frame receives when it is first resumed.
  bool refine_results(const Instr& in, Stack& s) {
    const int a = in.arg;
    switch (in.op) {
      case Opcode::LOAD_CONST: s.back() = const_slot(code_.consts[static_cast<size_t>(a)]); return true;
      case Opcode::LOAD_FAST:
        // A comprehension's iterator arrives as its argument `.0` (made by GET_ITER in the caller).
        if (a == 0 && code_.argcount == 1 && code_.first_local_is_dot0) s.back() = {Kind::Iter};
        return true;
      case Opcode::BUILD_TUPLE: {
        bool cells = a > 0;
        for (int k = 1; k <= a; k++)
          if (peek(before_, k)->kind != Kind::Cell) cells = false;
        s.back() = {cells ? Kind::CellTuple : Kind::Tuple, a, 0};
        return true;
      }
      case Opcode::SWAP: std::swap(*peek(s, 1), *peek(s, a)); return true;
      case Opcode::RETURN_GENERATOR:
        // The generator's first resumption pushes the sent value (None) that the next POP_TOP drops.
        s.push_back({Kind::Any});
        return true;
      default: return true;
    }
  }

  const CodeView& code_;
  CheckerScratch& scratch_;
  std::vector<Instr>& instrs_ = scratch_.instrs;
  std::vector<int>& index_of_unit_ = scratch_.index_of_unit;
  std::vector<ExceptionTableEntry> handlers_;
  Stack& before_ = scratch_.before;
  int prologue_ = -1;
  std::vector<size_t>& work_ = scratch_.work;
  std::string problem_;
};

// The checks find problems as words (most are fixed sentences); "" is the only "no problem" value, turned into
// the result shape here, at the API's edge.
Result<Ok> problem_result(std::string problem) {
  if (problem.empty()) return Ok{};
  return Failure{std::move(problem)};
}

}  // namespace

int count_free_slots(std::string_view localspluskinds) {
  int n = 0;
  for (char k : localspluskinds)
    if (static_cast<uint8_t>(k) & CO_FAST_FREE) n++;
  return n;
}

ConstShape const_shape(const Const& c) {
  switch (c.kind()) {
    case Const::Kind::Code:
      return {ConstShape::Kind::Code, -1, count_free_slots(c.code_value()->localspluskinds), false};
    case Const::Kind::Tuple: {
      bool all_str = std::all_of(c.items().begin(), c.items().end(),
                                 [](const ConstRef& k) { return k->is(Const::Kind::Str); });
      return {ConstShape::Kind::Tuple, static_cast<int>(c.items().size()), 0, all_str};
    }
    case Const::Kind::Str: return {ConstShape::Kind::Str};
    case Const::Kind::Int: return {ConstShape::Kind::Int};
    default: return {ConstShape::Kind::Other};
  }
}

Result<Ok> verify_code_view(const CodeView& code) {
  Result<Ok> checked = problem_result(first_structural_problem(code));
  if (checked.ok()) checked = problem_result(StackChecker(code).run());
  return checked;
}

namespace {

// The view of a compiler-shaped code object; `shapes` receives its constants' shapes (the view points into it).
CodeView view_of(const CodeObject& code, std::vector<ConstShape>& shapes) {
  shapes.clear();
  shapes.reserve(code.consts.size());
  for (const ConstRef& k : code.consts) shapes.push_back(const_shape(*k));
  return CodeView{code.argcount, code.posonlyargcount, code.kwonlyargcount, code.stacksize, code.flags,
                  code.code, code.localspluskinds, code.exceptiontable, static_cast<int>(code.names.size()),
                  !code.localsplusnames.empty() && code.localsplusnames[0] == ".0", shapes};
}

}  // namespace

Result<Ok> verify_code(const CodeObject& code) {
  // The view trusts that every local-plus slot has a name and a kind (the marshal reader checks it); a code
  // object built otherwise (code.replace) is checked here.
  if (code.localspluskinds.size() != code.localsplusnames.size())
    return Failure{"localspluskinds length mismatch"};
  std::vector<ConstShape> shapes;
  return problem_result(first_structural_problem(view_of(code, shapes)));
}

Result<Ok> verify_stack_use(const CodeObject& code) {
  std::vector<ConstShape> shapes;
  return problem_result(StackChecker(view_of(code, shapes)).run());
}

Result<Ok> verify_tree(const CodeObject& root) {
  std::vector<const CodeObject*> todo{&root};
  while (!todo.empty()) {
    const CodeObject* c = todo.back();
    todo.pop_back();
    if (c->verified) continue;
    Result<Ok> checked = verify_code(*c);
    if (checked.ok()) checked = verify_stack_use(*c);
    if (!checked.ok()) return checked;
    c->verified = true;
    for (const ConstRef& k : c->consts)
      if (k->is(Const::Kind::Code)) todo.push_back(k->code_value().get());
  }
  return Ok{};
}

}  // namespace minipy
