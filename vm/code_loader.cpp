// From the compiler's (or marshal's) CodeObject to the VM's CodeObj: constants become Values, names are
// interned, and the bytecode is verified first, so the interpreter loop can trust every oparg it reads.
#include <cstring>

#include "compiler/exception_table.h"
#include "compiler/opcodes.h"
#include "compiler/stage_timer.h"
#include "vm/runtime.h"

namespace minipy {

namespace {

bool contains_complex(const ConstRef& c) {
  if (c->is(Const::Kind::Complex)) return true;
  for (const ConstRef& item : c->items())
    if (contains_complex(item)) return true;
  return false;
}

}  // namespace

Value constant_to_value(ThreadState& ts, const ConstRef& c) {
  switch (c->kind()) {
    case Const::Kind::None: return None();
    case Const::Kind::False: return False();
    case Const::Kind::True: return True();
    case Const::Kind::Ellipsis: return Value(&ellipsis_object);
    case Const::Kind::Int: return make_int(ts, c->int_value());
    case Const::Kind::Float: return make_float(ts, c->float_value());
    case Const::Kind::Complex: return raise(ts, ValueError_type, "complex numbers are not supported by minipy");
    case Const::Kind::Str: return Value(c->interned() ? intern(ts, c->text()) : make_str(ts, c->text()));
    case Const::Kind::Bytes: return make_bytes(ts, c->text());
    case Const::Kind::Tuple: {
      TupleObject* t = minipy::make_tuple(ts, static_cast<int64_t>(c->items().size()));
      for (size_t i = 0; i < c->items().size(); i++) t->items[i] = None();
      for (size_t i = 0; i < c->items().size(); i++) {
        Value v = constant_to_value(ts, c->items()[i]);
        if (!v) return v;
        t->items[i] = v;
      }
      return Value(t);
    }
    case Const::Kind::FrozenSet: {
      Value s = make_set(ts, &frozenset_type);
      for (const ConstRef& item : c->items()) {
        Value v = constant_to_value(ts, item);
        if (!v || !set_add(ts, s, v)) return Value();
      }
      return s;
    }
    case Const::Kind::Code: {
      CodeObj* code = load_code(ts, c->code_value());
      return code ? Value(code) : Value();
    }
  }
  return Value();
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
  for (const ConstRef& c : code.consts)
    if (contains_complex(c)) return "complex constants are not supported by minipy";
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

CodeObj* load_code(ThreadState& ts, const std::shared_ptr<const CodeObject>& source) {
  StageScope stage(CompileStage::CodeLoad);
  // Code read from bytes (marshal.loads, a pyc run directly) is checked here once, the whole tree at a time.
  if (!source->verified) {
    std::string problem = verify_tree(*source);
    if (!problem.empty()) {
      raise_fmt(ts, SystemError_type, "{}", problem);
      return nullptr;
    }
  }
  const CodeObject& src = *source;
  auto* c = ts.alloc<CodeObj>(&code_type);
  c->source = new std::shared_ptr<const CodeObject>(source);
  c->ncodeunits = static_cast<int32_t>(src.code.size() / 2);
  // After the code: two units per name, where LOAD_NAME/STORE_NAME remember the name's position in the
  // namespace dict (vm/inline_cache.h name_hint); they start as zeros like CACHE units.
  c->code = new uint16_t[static_cast<size_t>(c->ncodeunits) + 2 * src.names.size()]();
  std::memcpy(c->code, src.code.data(), src.code.size());  // little-endian: opcode in the low byte
  // The interpreter's inline caches start empty whatever the file held there (vm/inline_cache.h): only values
  // the VM itself wrote are ever read back from CACHE units.
  for (int32_t i = 0; i < c->ncodeunits;) {
    int caches = kOpcodeTable[c->code[i] & 0xFF].cache_entries;
    for (int k = 1; k <= caches && i + k < c->ncodeunits; k++) c->code[i + k] = 0;
    i += 1 + caches;
  }
  c->nlocalsplus = src.nlocalsplus();
  c->argcount = src.argcount;
  c->posonlyargcount = src.posonlyargcount;
  c->kwonlyargcount = src.kwonlyargcount;
  c->total_args = src.argcount + src.kwonlyargcount + ((src.flags & CO_VARARGS) ? 1 : 0) +
                  ((src.flags & CO_VARKEYWORDS) ? 1 : 0);
  c->flags = src.flags;
  c->stacksize = src.stacksize;
  c->firstlineno = src.firstlineno;
  c->localspluskinds = reinterpret_cast<const uint8_t*>(src.localspluskinds.data());
  for (int i = 0; i < c->nlocalsplus; i++) {
    uint8_t k = c->localspluskinds[i];
    if (k & CO_FAST_FREE) c->nfrees++;
    else if (k & CO_FAST_CELL) c->ncells++;
    if (k & CO_FAST_LOCAL) c->nlocals++;
  }
  c->frame_size = offsetof(Frame, localsplus) + sizeof(Value) * static_cast<size_t>(c->nlocalsplus + c->stacksize + 1);
  c->filename = intern(ts, src.filename);
  c->name = intern(ts, src.name);
  c->qualname = intern(ts, src.qualname);
  c->names = minipy::make_tuple(ts, static_cast<int64_t>(src.names.size()));
  for (size_t i = 0; i < src.names.size(); i++) c->names->items[i] = Value(intern(ts, src.names[i]));
  c->localsplusnames = minipy::make_tuple(ts, c->nlocalsplus);
  for (int i = 0; i < c->nlocalsplus; i++)
    c->localsplusnames->items[i] = Value(intern(ts, src.localsplusnames[static_cast<size_t>(i)]));
  c->consts = minipy::make_tuple(ts, static_cast<int64_t>(src.consts.size()));
  for (size_t i = 0; i < src.consts.size(); i++) c->consts->items[i] = None();
  for (size_t i = 0; i < src.consts.size(); i++) {
    Value v = constant_to_value(ts, src.consts[i]);
    if (!v) return nullptr;
    c->consts->items[i] = v;
  }
  return c;
}

}  // namespace minipy
