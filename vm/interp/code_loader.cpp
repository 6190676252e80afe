// From the compiler's (or marshal's) CodeObject to the VM's CodeObj: constants become Values, names are
// interned, and the bytecode is verified first, so the interpreter loop can trust every oparg it reads.
#include <cstring>

#include "cache/verify.h"
#include "compiler/exception_table.h"
#include "compiler/opcodes.h"
#include "compiler/stage_timer.h"
#include "vm/objects/complex.h"
#include "vm/runtime.h"

namespace minipy {


Value constant_to_value(ThreadState& ts, const ConstRef& c) {
  switch (c->kind()) {
    case Const::Kind::None: return None();
    case Const::Kind::False: return False();
    case Const::Kind::True: return True();
    case Const::Kind::Ellipsis: return Value(&ellipsis_object);
    case Const::Kind::Int: return make_int(ts, c->int_value());
    case Const::Kind::Float: return make_float(ts, c->float_value());
    case Const::Kind::Complex: return make_complex(ts, c->float_value(), c->imag_value());
    case Const::Kind::Str:
      return Value(c->interned() ? intern(ts, c->text()) : make_str(ts, c->text()));
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
    case Const::Kind::List: {
      ListObject* l = make_list(ts, 0);
      Value list(l);
      for (const ConstRef& item : c->items()) {
        Value v = constant_to_value(ts, item);
        if (!v || !list_append(ts, l, v)) return Value();
      }
      return list;
    }
    case Const::Kind::Set: {
      Value s = make_set(ts, &set_type);
      for (const ConstRef& item : c->items()) {
        Value v = constant_to_value(ts, item);
        if (!v || !set_add(ts, s, v)) return Value();
      }
      return s;
    }
    case Const::Kind::Dict: {
      DictObject* d = make_dict(ts);
      const auto& items = c->items();
      for (size_t i = 0; i + 1 < items.size(); i += 2) {
        Value key = constant_to_value(ts, items[i]);
        if (!key) return key;
        Value value = constant_to_value(ts, items[i + 1]);
        if (!value || !dict_set(ts, d, key, value)) return Value();
      }
      return Value(d);
    }
  }
  return Value();
}

CodeObj* load_code(ThreadState& ts, const std::shared_ptr<const CodeObject>& source) {
  StageScope stage(CompileStage::CodeLoad);
  // Code read from bytes (marshal.loads, a pyc run directly) is checked here once, the whole tree at a time.
  if (!source->verified) {
    Result<Ok> verified = verify_tree(*source);
    if (!verified.ok()) {
      raise_fmt(ts, SystemError_type, "{}", verified.error().message);
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
