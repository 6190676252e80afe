// The strict check a cache body passes before minipy runs it. verify_code proves every
// opcode and operand index is in range; the interpreter loop, like CPython's, also trusts the stack: that it
// never underflows or overflows co_stacksize, that MAKE_FUNCTION finds a code object and a closure of the right
// size, that LIST_APPEND finds a list, FOR_ITER an iterator, CALL a PRECALL'd call shape, and so on. A pyc
// body damaged by a flipped byte can break any of these while staying well formed, so this pass runs the code
// abstractly — a stack of value kinds through every path, exception handlers included — and refuses code whose
// stack use the compiler could not have produced. Refused code is recompiled from source, never run.
#include <fmt/format.h>

#include <optional>
#include <vector>

#include "compiler/exception_table.h"
#include "compiler/opcodes.h"
#include "cache/verify.h"

namespace minipy {

bool opcode_supported(int opcode) {
  // The `vm` column of compiler/opcodes.def: the same mark the interpreter's dispatch table is built from.
  return opcode >= 0 && opcode < kFirstPseudoOpcode && kOpcodeTable[opcode].implemented_by_vm;
}




std::string verify_code(const CodeObject& code) {
  const std::string& bytes = code.code;
  if (bytes.empty() || bytes.size() % 2) return "code length is not a positive multiple of 2";
  int n = static_cast<int>(bytes.size() / 2);
  auto nconsts = static_cast<int>(code.consts.size());
  auto nnames = static_cast<int>(code.names.size());
  int nlocalsplus = code.nlocalsplus();
  if (code.localspluskinds.size() != static_cast<size_t>(nlocalsplus)) return "localspluskinds length mismatch";
  if (code.argcount < 0 || code.kwonlyargcount < 0 || code.posonlyargcount < 0 ||
      code.argcount + code.kwonlyargcount + ((code.flags & CO_VARARGS) ? 1 : 0) +
              ((code.flags & CO_VARKEYWORDS) ? 1 : 0) > nlocalsplus ||
      code.posonlyargcount > code.argcount)
    return "argument counts out of range";
  if (code.stacksize < 0 || code.stacksize > 100000) return "bad stack size";
  int ext = 0;
  for (int i = 0; i < n; i++) {
    auto op = static_cast<uint8_t>(bytes[2 * i]);
    int arg = (ext << 8) | static_cast<uint8_t>(bytes[2 * i + 1]);
    if (!opcode_supported(op)) {
      std::string_view name = kOpcodeTable[op].name;
      return fmt::format("unsupported opcode {} at offset {}", name.empty() ? fmt::format("{}", op) : std::string(name),
                         2 * i);
    }
    const OpcodeInfo& info = kOpcodeTable[op];
    int next = i + 1 + info.cache_entries;
    if (next > n) return fmt::format("instruction at offset {} runs past the end of the code", 2 * i);
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
      case Operand::CELL:
        if (arg >= nlocalsplus) return fmt::format("local index {} out of range at offset {}", arg, 2 * i);
        break;
      case Operand::JUMP_FORWARD:
        if (next + arg > n) return fmt::format("jump target out of range at offset {}", 2 * i);
        break;
      case Operand::JUMP_BACKWARD:
        if (next - arg < 0) return fmt::format("jump target out of range at offset {}", 2 * i);
        break;
      default: break;
    }
    auto opcode = static_cast<Opcode>(op);
    if (opcode == Opcode::KW_NAMES && !code.consts[static_cast<size_t>(arg)]->is(Const::Kind::Tuple))
      return "KW_NAMES operand is not a tuple";
    if (opcode == Opcode::MAKE_FUNCTION || opcode == Opcode::LOAD_CLOSURE || opcode == Opcode::LOAD_DEREF ||
        opcode == Opcode::STORE_DEREF || opcode == Opcode::DELETE_DEREF || opcode == Opcode::LOAD_CLASSDEREF) {
      if (opcode != Opcode::MAKE_FUNCTION &&
          !(static_cast<uint8_t>(code.localspluskinds[static_cast<size_t>(arg)]) & (CO_FAST_CELL | CO_FAST_FREE)))
        return fmt::format("{} operand is not a cell at offset {}", info.name, 2 * i);
    }
    if (opcode == Opcode::COPY_FREE_VARS && arg > nlocalsplus) return "COPY_FREE_VARS out of range";
    if ((opcode == Opcode::COPY || opcode == Opcode::SWAP) && (arg < 1 || arg > code.stacksize))
      return fmt::format("{} operand out of range at offset {}", info.name, 2 * i);
    ext = opcode == Opcode::EXTENDED_ARG ? arg : 0;
    i = next - 1;
  }
  if (ext) return "code ends with EXTENDED_ARG";
  auto entries = parse_exception_table(code.exceptiontable);
  if (!entries) return "malformed exception table";
  for (const auto& e : *entries)
    if (e.start < 0 || e.end > n || e.start >= e.end || e.target < 0 || e.target >= n || e.depth < 0 ||
        e.depth > code.stacksize)
      return "exception table entry out of range";
  return {};
}


namespace {

// ExcInfo: the previous exception PUSH_EXC_INFO saves (None or an exception), which POP_EXCEPT restores.
enum class Kind : uint8_t { Any, Null, MaybeNull, Code, Tuple, List, Set, Dict, Str, Int, Iter, Exc, ExcInfo, Cell, CellTuple };

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

int count_frees(const CodeObject& code) {
  int n = 0;
  for (char k : code.localspluskinds)
    if (static_cast<uint8_t>(k) & CO_FAST_FREE) n++;
  return n;
}

Slot const_slot(const ConstRef& c) {
  switch (c->kind()) {
    case Const::Kind::Code: return {Kind::Code, -1, count_frees(*c->code_value())};
    case Const::Kind::Tuple: return {Kind::Tuple, static_cast<int>(c->items().size()), 0};
    case Const::Kind::Str: return {Kind::Str};
    case Const::Kind::Int: return {Kind::Int};
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

// The checker is a worklist over basic blocks: a state (the stack of slot kinds) is stored only where paths
// meet — instruction 0, jump targets and handler targets, the "leaders" — and a block runs from its leader
// through straight-line code on one working stack until it jumps away or reaches the next leader. States live
// in one pool, so checking allocates a handful of vectors per code object, not one per instruction.
class StackChecker {
 public:
  // Checks `code`; one checker checks a whole tree in turn, so its vectors are allocated once, not per code object.
  std::string check(const CodeObject& code) {
    code_ = &code;
    instrs_.clear();
    pool_.clear();
    work_.clear();
    problem_.clear();
    if (!decode()) return problem_;
    auto table = parse_exception_table(code_->exceptiontable);
    if (!table) return "malformed exception table";
    handlers_ = std::move(*table);
    map_handlers();
    mark_leaders();
    if (!flow_to(0, {})) return problem_;
    while (!work_.empty()) {
      size_t i = work_.back();
      work_.pop_back();
      entries_[i].queued = false;
      if (!run_block(i)) return problem_;
    }
    return {};
  }

 private:
  using Stack = std::vector<Slot>;

  // The stored entry state of a leader: `depth` slots from pool_[offset] (offset -1: not reached yet).
  struct Entry {
    int32_t offset = -1;
    int32_t depth = 0;
    bool leader = false;
    bool queued = false;
  };

  bool fail(std::string why) {
    problem_ = std::move(why);
    return false;
  }

  bool decode() {
    int n = static_cast<int>(code_->code.size() / 2);
    index_of_unit_.assign(static_cast<size_t>(n), -1);
    instrs_.reserve(static_cast<size_t>(n));
    int ext = 0;
    bool prefixed = false;
    for (int u = 0; u < n;) {
      auto op = static_cast<Opcode>(static_cast<uint8_t>(code_->code[2 * static_cast<size_t>(u)]));
      int arg = (ext << 8) | static_cast<uint8_t>(code_->code[2 * static_cast<size_t>(u) + 1]);
      int next = u + 1 + kOpcodeTable[static_cast<int>(op)].cache_entries;
      index_of_unit_[static_cast<size_t>(u)] = static_cast<int>(instrs_.size());
      instrs_.push_back({u, op, arg, next, prefixed});
      prefixed = op == Opcode::EXTENDED_ARG;
      ext = prefixed ? arg : 0;
      u = next;
    }
    return true;
  }

  // The code unit a jumping instruction goes to.
  static int jump_target(const Instr& in) {
    return kOpcodeTable[static_cast<int>(in.op)].operand == Operand::JUMP_BACKWARD ? in.next - in.arg
                                                                                   : in.next + in.arg;
  }
  // The instruction index starting at code unit `unit`, or -1.
  int index_at(int unit) const {
    if (unit < 0 || static_cast<size_t>(unit) >= index_of_unit_.size()) return -1;
    return index_of_unit_[static_cast<size_t>(unit)];
  }

  // handler_of_[i]: the first exception table entry covering instruction i, or -1. The compiler's tables are
  // sorted and disjoint, which one sweep maps; any other table is searched entry by entry, as before.
  void map_handlers() {
    handler_of_.assign(instrs_.size(), -1);
    bool sorted = true;
    for (size_t h = 1; h < handlers_.size(); h++)
      if (handlers_[h].start < handlers_[h - 1].end) sorted = false;
    size_t h = 0;
    for (size_t i = 0; i < instrs_.size(); i++) {
      int unit = instrs_[i].unit;
      if (sorted) {
        while (h < handlers_.size() && handlers_[h].end <= unit) h++;
        if (h < handlers_.size() && handlers_[h].start <= unit) handler_of_[i] = static_cast<int>(h);
        continue;
      }
      for (size_t k = 0; k < handlers_.size(); k++)
        if (unit >= handlers_[k].start && unit < handlers_[k].end) {
          handler_of_[i] = static_cast<int>(k);
          break;
        }
    }
  }

  // Every instruction more than one path can reach in one step is a leader; the rest have only their
  // predecessor's fall-through. flow_to is only ever called on leaders (or on units that fail).
  void mark_leaders() {
    entries_.assign(instrs_.size(), Entry{});
    auto mark = [&](int unit) {
      int i = index_at(unit);
      if (i >= 0) entries_[static_cast<size_t>(i)].leader = true;
    };
    mark(0);
    for (const Instr& in : instrs_) {
      Operand kind = kOpcodeTable[static_cast<int>(in.op)].operand;
      if (kind == Operand::JUMP_FORWARD || kind == Operand::JUMP_BACKWARD) mark(jump_target(in));
    }
    for (const ExceptionTableEntry& e : handlers_) mark(e.target);
  }

  // Merges `stack` into the state on entry to the leader at code unit `unit`, queueing it if it changed.
  bool flow_to(int unit, const Stack& stack, bool from_prefix = false) {
    int index = index_at(unit);
    if (index < 0) return fail(fmt::format("jump into the middle of an instruction (code unit {})", unit));
    auto i = static_cast<size_t>(index);
    if (instrs_[i].after_extended_arg && !from_prefix) return fail("jump between EXTENDED_ARG and its instruction");
    if (stack.size() > static_cast<size_t>(code_->stacksize)) return fail("stack deeper than co_stacksize");
    Entry& entry = entries_[i];
    if (entry.offset < 0) {
      entry.offset = static_cast<int32_t>(pool_.size());
      entry.depth = static_cast<int32_t>(stack.size());
      pool_.insert(pool_.end(), stack.begin(), stack.end());
      queue(i);
      return true;
    }
    if (static_cast<size_t>(entry.depth) != stack.size())
      return fail(fmt::format("inconsistent stack depth at code unit {}", unit));
    bool changed = false;
    Slot* state = pool_.data() + entry.offset;
    for (size_t k = 0; k < stack.size(); k++) {
      Slot m = merge(state[k], stack[k]);
      if (!(m == state[k])) {
        state[k] = m;
        changed = true;
      }
    }
    if (changed) queue(i);
    return true;
  }
  void queue(size_t i) {
    if (entries_[i].queued) return;
    entries_[i].queued = true;
    work_.push_back(i);
  }

  // Runs the block starting at leader `index` from its stored state.
  bool run_block(size_t index) {
    // Working stacks are members so that their storage is reused from one block to the next.
    Stack& s = step_stack_;
    const Entry& entry = entries_[index];
    s.assign(pool_.begin() + entry.offset, pool_.begin() + entry.offset + entry.depth);
    for (size_t i = index;;) {
      const Instr& in = instrs_[i];
      bool falls_through = true;
      if (!step(i, s, &falls_through)) return false;
      if (!falls_through) return true;
      int next = index_at(in.next);
      if (next < 0) return fail("code runs off its end");
      if (entries_[static_cast<size_t>(next)].leader) return flow_to(in.next, s, in.op == Opcode::EXTENDED_ARG);
      if (s.size() > static_cast<size_t>(code_->stacksize)) return fail("stack deeper than co_stacksize");
      i = static_cast<size_t>(next);
    }
  }

  // One instruction on the working stack `s`: its exception handler's state, its effect, its jump.
  bool step(size_t index, Stack& s, bool* falls_through) {
    const Instr& in = instrs_[index];
    if (int h = handler_of_[index]; h >= 0) {
      const ExceptionTableEntry& handler = handlers_[static_cast<size_t>(h)];
      if (s.size() < static_cast<size_t>(handler.depth)) return fail("exception handler depth above the stack");
      Stack& hs = handler_stack_;
      hs.assign(s.begin(), s.begin() + handler.depth);
      if (handler.lasti) hs.push_back({Kind::Int});
      hs.push_back({Kind::Exc});
      if (!flow_to(handler.target, hs)) return false;
    }
    bool jumps = false;
    if (!apply(in, s, &jumps, falls_through)) return false;
    if (jumps && !flow_to(jump_target(in), jump_stack_)) return false;
    return true;
  }

  // Pops `n` slots, each of which must hold a real object.
  bool pop(Stack& s, int n) {
    if (n < 0 || s.size() < static_cast<size_t>(n)) return fail("stack underflow");
    size_t rest = s.size() - static_cast<size_t>(n);
    for (size_t k = rest; k < s.size(); k++)
      if (nullish(s[k])) return fail("NULL used as a value");
    s.resize(rest);
    return true;
  }
  // The slot `depth` from the top (1 = TOS).
  Slot* peek(Stack& s, int depth) {
    if (depth < 1 || s.size() < static_cast<size_t>(depth)) return nullptr;
    return &s[s.size() - static_cast<size_t>(depth)];
  }
  bool expect(Stack& s, int depth, Kind kind, const char* what) {
    Slot* slot = peek(s, depth);
    if (!slot) return fail("stack underflow");
    if (slot->kind != kind) return fail(fmt::format("{} does not find the value it needs", what));
    return true;
  }

  // `*jumps` set: the instruction may also go to its jump target, with jump_stack_.
  bool apply(const Instr& in, Stack& s, bool* jumps, bool* falls_through) {
    const int a = in.arg;
    const char* name = kOpcodeTable[static_cast<int>(in.op)].name.data();
    auto push = [&](Slot slot) { s.push_back(slot); };
    auto generic = [&](int pops, int pushes) {
      if (!pop(s, pops)) return false;
      for (int k = 0; k < pushes; k++) push({Kind::Any});
      return true;
    };
    switch (in.op) {
      case Opcode::NOP: case Opcode::RESUME: case Opcode::EXTENDED_ARG: case Opcode::MAKE_CELL:
      case Opcode::DELETE_FAST: case Opcode::DELETE_NAME: case Opcode::DELETE_GLOBAL: case Opcode::DELETE_DEREF:
      case Opcode::SETUP_ANNOTATIONS:
        return true;
      case Opcode::COPY_FREE_VARS:
        if (a != count_frees(*code_)) return fail("COPY_FREE_VARS does not match the free variables");
        return true;
      case Opcode::PUSH_NULL: push({Kind::Null}); return true;
      case Opcode::LOAD_CONST: push(const_slot(code_->consts[static_cast<size_t>(a)])); return true;
      case Opcode::LOAD_CLOSURE: push({Kind::Cell}); return true;
      case Opcode::LOAD_FAST:
        // A comprehension's iterator arrives as its argument `.0` (made by GET_ITER in the caller).
        push({a == 0 && code_->argcount == 1 && code_->localsplusnames[0] == ".0" ? Kind::Iter : Kind::Any});
        return true;
      case Opcode::LOAD_NAME: case Opcode::LOAD_DEREF: case Opcode::LOAD_CLASSDEREF:
      case Opcode::LOAD_ASSERTION_ERROR: case Opcode::LOAD_BUILD_CLASS:
        push({Kind::Any});
        return true;
      case Opcode::LOAD_GLOBAL:
        if (a & 1) push({Kind::Null});
        push({Kind::Any});
        return true;
      case Opcode::LOAD_METHOD:
        if (!pop(s, 1)) return false;
        push({Kind::MaybeNull});
        push({Kind::Any});
        return true;
      case Opcode::POP_EXCEPT:
        if (s.empty() || (s.back().kind != Kind::ExcInfo && s.back().kind != Kind::Exc))
          return fail("POP_EXCEPT does not find the value it needs");
        return pop(s, 1);
      case Opcode::STORE_FAST: case Opcode::STORE_NAME: case Opcode::STORE_GLOBAL: case Opcode::STORE_DEREF:
      case Opcode::POP_TOP: case Opcode::DELETE_ATTR: case Opcode::IMPORT_STAR: case Opcode::PRINT_EXPR:
        if (in.op == Opcode::POP_TOP && !s.empty()) {  // POP_TOP may discard a NULL
          s.pop_back();
          return true;
        }
        return pop(s, 1);
      case Opcode::STORE_ATTR: case Opcode::DELETE_SUBSCR: return pop(s, 2);
      case Opcode::STORE_SUBSCR: return pop(s, 3);
      case Opcode::LOAD_ATTR: case Opcode::UNARY_NEGATIVE: case Opcode::UNARY_POSITIVE: case Opcode::UNARY_NOT:
      case Opcode::UNARY_INVERT: case Opcode::IMPORT_FROM:
        if (in.op == Opcode::IMPORT_FROM) return pop(s, 1) && (push({Kind::Any}), push({Kind::Any}), true);
        return generic(1, 1);
      case Opcode::BINARY_SUBSCR: return generic(2, 1);
      case Opcode::BINARY_OP:
        if (a >= 2 * static_cast<int>(kBinaryOpSymbols.size())) return fail("BINARY_OP operator out of range");
        return generic(2, 1);
      case Opcode::COMPARE_OP:
        if (a > 5) return fail("COMPARE_OP operator out of range");
        return generic(2, 1);
      case Opcode::IS_OP: case Opcode::CONTAINS_OP:
        if (a > 1) return fail(fmt::format("{} operand out of range", name));
        return generic(2, 1);
      case Opcode::IMPORT_NAME: return generic(2, 1);
      case Opcode::KW_NAMES: {
        const ConstRef& names = code_->consts[static_cast<size_t>(a)];
        for (const ConstRef& k : names->items())
          if (!k->is(Const::Kind::Str)) return fail("KW_NAMES holds a non-string");
        size_t next = static_cast<size_t>(index_of_unit_[static_cast<size_t>(in.unit)]) + 1;
        if (next >= instrs_.size() || instrs_[next].op != Opcode::PRECALL ||
            instrs_[next].arg < static_cast<int>(names->items().size()))
          return fail("KW_NAMES is not followed by a call with enough arguments");
        return true;
      }
      case Opcode::PRECALL: {
        Slot* callable = peek(s, a + 1);
        if (!peek(s, a + 2) || !callable || nullish(*callable)) return fail("PRECALL does not find a call shape");
        for (int k = 1; k <= a; k++)
          if (nullish(*peek(s, k))) return fail("NULL passed as an argument");
        size_t next = static_cast<size_t>(index_of_unit_[static_cast<size_t>(in.unit)]) + 1;
        if (next >= instrs_.size() || instrs_[next].op != Opcode::CALL || instrs_[next].arg != a)
          return fail("PRECALL is not followed by its CALL");
        return true;
      }
      case Opcode::CALL: {
        size_t self = static_cast<size_t>(index_of_unit_[static_cast<size_t>(in.unit)]);
        if (self == 0 || instrs_[self - 1].op != Opcode::PRECALL || instrs_[self - 1].arg != a)
          return fail("CALL without its PRECALL");
        // A jump may reach CALL with another stack than its PRECALL checked: the NULL/self slot must be there.
        if (!pop(s, a + 1)) return false;
        if (s.empty()) return fail("stack underflow");
        s.pop_back();  // the NULL or self slot
        push({Kind::Any});
        return true;
      }
      case Opcode::CALL_FUNCTION_EX:
        if (a > 1) return fail("CALL_FUNCTION_EX flags out of range");
        if ((a & 1) && !expect(s, 1, Kind::Dict, "CALL_FUNCTION_EX")) return false;
        if (!pop(s, 2 + (a & 1)) || s.empty()) return fail("stack underflow");
        s.pop_back();
        push({Kind::Any});
        return true;
      case Opcode::BUILD_TUPLE: {
        bool cells = a > 0;
        for (int k = 1; k <= a; k++)
          if (!peek(s, k) || peek(s, k)->kind != Kind::Cell) cells = false;
        if (!pop(s, a)) return false;
        push({cells ? Kind::CellTuple : Kind::Tuple, a, 0});
        return true;
      }
      case Opcode::BUILD_LIST: return pop(s, a) && (push({Kind::List}), true);
      case Opcode::BUILD_SET: return pop(s, a) && (push({Kind::Set}), true);
      case Opcode::BUILD_MAP: return pop(s, 2 * a) && (push({Kind::Dict}), true);
      case Opcode::BUILD_CONST_KEY_MAP:
        if (!expect(s, 1, Kind::Tuple, "BUILD_CONST_KEY_MAP") || peek(s, 1)->size != a)
          return fail("BUILD_CONST_KEY_MAP keys do not match its count");
        return pop(s, a + 1) && (push({Kind::Dict}), true);
      case Opcode::BUILD_STRING:
        for (int k = 1; k <= a; k++)
          if (!expect(s, k, Kind::Str, "BUILD_STRING")) return false;
        return pop(s, a) && (push({Kind::Str}), true);
      case Opcode::BUILD_SLICE:
        if (a != 2 && a != 3) return fail("BUILD_SLICE operand out of range");
        return generic(a, 1);
      case Opcode::FORMAT_VALUE:
        if (a > 7) return fail("FORMAT_VALUE flags out of range");
        if ((a & 4) && !expect(s, 1, Kind::Str, "FORMAT_VALUE")) return false;
        return pop(s, 1 + ((a & 4) ? 1 : 0)) && (push({Kind::Str}), true);
      case Opcode::LIST_APPEND: return pop(s, 1) && expect(s, a, Kind::List, "LIST_APPEND");
      case Opcode::SET_ADD: return pop(s, 1) && expect(s, a, Kind::Set, "SET_ADD");
      case Opcode::MAP_ADD: return pop(s, 2) && expect(s, a, Kind::Dict, "MAP_ADD");
      case Opcode::LIST_EXTEND: return expect(s, a + 1, Kind::List, "LIST_EXTEND") && pop(s, 1);
      case Opcode::SET_UPDATE: return expect(s, a + 1, Kind::Set, "SET_UPDATE") && pop(s, 1);
      case Opcode::DICT_UPDATE: return expect(s, a + 1, Kind::Dict, "DICT_UPDATE") && pop(s, 1);
      case Opcode::DICT_MERGE:
        if (!peek(s, a + 4)) return fail("stack underflow");
        return expect(s, a + 1, Kind::Dict, "DICT_MERGE") && pop(s, 1);
      case Opcode::LIST_TO_TUPLE:
        return expect(s, 1, Kind::List, "LIST_TO_TUPLE") && pop(s, 1) && (push({Kind::Tuple}), true);
      case Opcode::UNPACK_SEQUENCE: return generic(1, a);
      case Opcode::UNPACK_EX: return generic(1, (a & 0xFF) + (a >> 8) + 1);
      case Opcode::GET_ITER: return pop(s, 1) && (push({Kind::Iter}), true);
      case Opcode::GET_LEN:
        if (!peek(s, 1) || nullish(*peek(s, 1))) return fail("stack underflow");
        push({Kind::Int});
        return true;
      case Opcode::FOR_ITER: {
        if (!expect(s, 1, Kind::Iter, "FOR_ITER")) return false;
        jump_stack_ = s;
        jump_stack_.pop_back();
        *jumps = true;
        push({Kind::Any});
        return true;
      }
      case Opcode::JUMP_FORWARD: case Opcode::JUMP_BACKWARD: case Opcode::JUMP_BACKWARD_NO_INTERRUPT:
        jump_stack_ = s;
        *jumps = true;
        *falls_through = false;
        return true;
      case Opcode::POP_JUMP_FORWARD_IF_FALSE: case Opcode::POP_JUMP_FORWARD_IF_TRUE:
      case Opcode::POP_JUMP_BACKWARD_IF_FALSE: case Opcode::POP_JUMP_BACKWARD_IF_TRUE:
      case Opcode::POP_JUMP_FORWARD_IF_NONE: case Opcode::POP_JUMP_FORWARD_IF_NOT_NONE:
      case Opcode::POP_JUMP_BACKWARD_IF_NONE: case Opcode::POP_JUMP_BACKWARD_IF_NOT_NONE:
        if (!pop(s, 1)) return false;
        jump_stack_ = s;
        *jumps = true;
        return true;
      case Opcode::JUMP_IF_FALSE_OR_POP: case Opcode::JUMP_IF_TRUE_OR_POP:
        if (!peek(s, 1) || nullish(*peek(s, 1))) return fail("stack underflow");
        jump_stack_ = s;
        *jumps = true;
        s.pop_back();
        return true;
      case Opcode::RETURN_VALUE:
        *falls_through = false;
        return pop(s, 1);
      case Opcode::RAISE_VARARGS:
        if (a > 2) return fail("RAISE_VARARGS operand out of range");
        *falls_through = false;
        return pop(s, a);
      case Opcode::RERAISE:
        if (!expect(s, 1, Kind::Exc, "RERAISE") || !peek(s, a + 1)) return fail("RERAISE stack mismatch");
        *falls_through = false;
        return true;
      case Opcode::MAKE_FUNCTION: {
        if (a > 15) return fail("MAKE_FUNCTION flags out of range");
        if (!expect(s, 1, Kind::Code, "MAKE_FUNCTION")) return false;
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
        return pop(s, depth - 1) && (push({Kind::Any}), true);
      }
      case Opcode::COPY: {
        Slot* v = peek(s, a);
        if (!v) return fail("COPY below the stack");
        push(*v);
        return true;
      }
      case Opcode::SWAP: {
        if (a < 2 || !peek(s, a)) return fail("SWAP below the stack");
        std::swap(*peek(s, 1), *peek(s, a));
        return true;
      }
      case Opcode::PUSH_EXC_INFO:
        if (!expect(s, 1, Kind::Exc, "PUSH_EXC_INFO")) return false;
        s.back() = {Kind::ExcInfo};
        push({Kind::Exc});
        return true;
      case Opcode::CHECK_EXC_MATCH:
        if (!expect(s, 2, Kind::Exc, "CHECK_EXC_MATCH") || nullish(*peek(s, 1))) return fail("CHECK_EXC_MATCH");
        s.back() = {Kind::Any};
        return true;
      case Opcode::BEFORE_WITH: return generic(1, 2);
      // Generators: the frame's first resumption pushes the sent value that RETURN_GENERATOR's POP_TOP drops;
      // YIELD_VALUE trades the yielded value for the next sent one.
      case Opcode::RETURN_GENERATOR: push({Kind::Any}); return true;
      case Opcode::YIELD_VALUE: case Opcode::GET_YIELD_FROM_ITER: return generic(1, 1);
      case Opcode::SEND: {  // [receiver, value] -> [receiver, yielded], or jump with [returned value]
        if (!pop(s, 2)) return false;
        jump_stack_ = s;
        jump_stack_.push_back({Kind::Any});
        *jumps = true;
        push({Kind::Any});
        push({Kind::Any});
        return true;
      }
      // Coroutines: GET_ANEXT keeps the async iterator under the awaitable; END_ASYNC_FOR pops it with the
      // exception it checks; BEFORE_ASYNC_WITH leaves __aexit__ under __aenter__()'s result.
      case Opcode::GET_AWAITABLE:
        if (a > 2) return fail("GET_AWAITABLE operand out of range");
        return generic(1, 1);
      case Opcode::GET_AITER: case Opcode::ASYNC_GEN_WRAP: return generic(1, 1);
      case Opcode::GET_ANEXT: case Opcode::BEFORE_ASYNC_WITH: return generic(1, 2);
      case Opcode::END_ASYNC_FOR:
        if (!expect(s, 1, Kind::Exc, "END_ASYNC_FOR")) return false;
        return pop(s, 2);
      // Pattern matching: the subject stays under what these push.
      case Opcode::MATCH_MAPPING: case Opcode::MATCH_SEQUENCE: return generic(1, 2);
      case Opcode::MATCH_KEYS: return generic(2, 3);
      case Opcode::MATCH_CLASS: return generic(3, 1);
      // except*: [exc, type] -> [rest, match]; PREP_RERAISE_STAR combines [original, list] into one exception.
      case Opcode::CHECK_EG_MATCH:
        if (!expect(s, 2, Kind::Exc, "CHECK_EG_MATCH")) return false;
        if (!pop(s, 2)) return false;
        push({Kind::Exc});
        push({Kind::Any});
        return true;
      case Opcode::PREP_RERAISE_STAR:  // the exception to re-raise (or None)
        if (!pop(s, 2)) return false;
        push({Kind::Exc});
        return true;
      case Opcode::WITH_EXCEPT_START:
        if (!expect(s, 1, Kind::Exc, "WITH_EXCEPT_START") || !peek(s, 4) || nullish(*peek(s, 4)))
          return fail("WITH_EXCEPT_START stack mismatch");
        push({Kind::Any});
        return true;
      default:
        return fail(fmt::format("{} is not expected in cached code", name));
    }
  }

  const CodeObject* code_ = nullptr;
  std::vector<Instr> instrs_;
  std::vector<int> index_of_unit_;
  std::vector<ExceptionTableEntry> handlers_;
  std::vector<int> handler_of_;
  std::vector<Entry> entries_;
  std::vector<Slot> pool_;
  Stack step_stack_, handler_stack_, jump_stack_;
  std::vector<size_t> work_;
  std::string problem_;
};

}  // namespace

std::string verify_stack_use(const CodeObject& code) { return StackChecker().check(code); }

std::string verify_tree(const CodeObject& root) {
  std::vector<const CodeObject*> todo{&root};
  StackChecker checker;
  while (!todo.empty()) {
    const CodeObject* c = todo.back();
    todo.pop_back();
    if (c->verified) continue;
    std::string problem = verify_code(*c);
    if (problem.empty()) problem = checker.check(*c);
    if (!problem.empty()) return problem;
    c->verified = true;
    for (const ConstRef& k : c->consts)
      if (k->is(Const::Kind::Code)) todo.push_back(k->code_value().get());
  }
  return {};
}

}  // namespace minipy
