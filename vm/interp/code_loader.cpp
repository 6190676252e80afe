// The VM's code objects, made two ways:
//   - load_code: from the compiler's CodeObject (compile(), exec of source, a miss of the cache): constants
//     become Values, names are interned, and code read from bytes by other means is verified first;
//   - VmPycLoader: from a pyc body in one pass (a cache hit), through the marshal reader of
//     cache/marshal_read.h instantiated with VmBuilder below, which makes each object as its bytes are read.
// Both end in make_code_object, so a CodeObj is laid out one way whichever path made it, and the interpreter
// loop can trust every oparg it reads either way.
#include "vm/interp/code_loader.h"

#include <cstring>

#include "cache/marshal_read.h"
#include "cache/verify.h"
#include "compiler/exception_table.h"
#include "compiler/opcodes.h"
#include "compiler/stage_timer.h"
#include "vm/objects/code.h"
#include "vm/objects/complex.h"

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

namespace {

// A CodeObj for `source` with everything but its three tuples (names, localsplusnames, consts), which the caller
// fills: from the compiler's strings and Consts (load_code) or from the objects the reader made (VmBuilder).
// `nnames` sizes the name hints; `filename`, `name` and `qualname` are the interned co_filename, co_name and
// co_qualname.
CodeObj* make_code_object(ThreadState& ts, std::shared_ptr<const CodeObject> source, size_t nnames,
                          StrObject* filename, StrObject* name, StrObject* qualname) {
  const CodeObject& src = *source;
  auto* c = ts.alloc<CodeObj>(&code_type);
  c->source = new std::shared_ptr<const CodeObject>(std::move(source));
  c->ncodeunits = static_cast<int32_t>(src.code.size() / 2);
  // After the code: two units per name, where LOAD_NAME/STORE_NAME remember the name's position in the
  // namespace dict (vm/inline_cache.h name_hint); they start as zeros like CACHE units.
  c->code = new uint16_t[static_cast<size_t>(c->ncodeunits) + 2 * nnames]();
  std::memcpy(c->code, src.code.data(), src.code.size());  // little-endian: opcode in the low byte
  // The interpreter's inline caches start empty whatever the file held there (vm/inline_cache.h): only values
  // the VM itself wrote are ever read back from CACHE units.
  for (int32_t i = 0; i < c->ncodeunits;) {
    int caches = kOpcodeTable[c->code[i] & 0xFF].cache_entries;
    for (int k = 1; k <= caches && i + k < c->ncodeunits; k++) c->code[i + k] = 0;
    i += 1 + caches;
  }
  // One kind byte per local-plus slot (the reader and verify_code check there is one name per kind).
  c->nlocalsplus = static_cast<int32_t>(src.localspluskinds.size());
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
  c->filename = filename;
  c->name = name;
  c->qualname = qualname;
  return c;
}

}  // namespace

CodeObj* load_code(ThreadState& ts, const std::shared_ptr<const CodeObject>& source) {
  StageScope stage(CompileStage::CodeLoad);
  // Code read from bytes by other means (marshal.loads, code.replace) is checked here once, the whole tree at a
  // time; the compiler's own output and a VmPycLoader's are marked verified already.
  if (!source->verified) {
    Result<Ok> verified = verify_tree(*source);
    if (!verified.ok()) {
      raise_fmt(ts, SystemError_type, "{}", verified.error().message);
      return nullptr;
    }
  }
  const CodeObject& src = *source;
  CodeObj* c = make_code_object(ts, source, src.names.size(), intern(ts, src.filename), intern(ts, src.name),
                                intern(ts, src.qualname));
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

namespace {

// The builder of cache/marshal_read.h that makes VM objects. Values it makes live in the reader's scratch and
// reference vectors (malloc'd memory the collector does not scan) until the module's CodeObj holds them: that
// is safe because allocation never collects (the heap only raises a flag; collections run at the interpreter
// loop's safe points, and no Python code runs during a load).
struct VmBuilder {
  using Ref = Value;

  ThreadState& ts;
  bool verify;
  const std::string* filename_override;  // every code object's co_filename, when not null
  StrObject* filename_override_str = nullptr;
  std::optional<BodyLoadFailure> refusal;  // why the builder refused an object (the reader stops at once)
  std::vector<ConstShape> shapes;          // the constants of the code object being verified

  // A Python exception raised while building (a set item that is not hashable, a failed allocation) refuses the
  // body: the cache is then damaged or hostile, and the caller recompiles or reports it.
  Ref refuse_pending() {
    if (!refusal) refusal = BodyLoadFailure{Failure{"a constant cannot be built: " + pending_message()}, false};
    ts.current_exception = Value();
    return Value();
  }
  std::string pending_message() {
    Value exc = ts.current_exception;
    Value text = exc ? py_str(ts, exc) : Value();
    std::string out = text && is_str(text) ? std::string(as_str(text)->view()) : std::string("error");
    ts.current_exception = Value();
    return out;
  }

  Ref none() { return None(); }
  Ref boolean(bool b) { return b ? True() : False(); }
  Ref ellipsis() { return Value(&ellipsis_object); }
  Ref int32(int32_t v) { return make_int(ts, v); }
  Ref int64(int64_t v) { return make_int(ts, v); }
  Ref big_int(std::span<const uint16_t> digits, bool negative) {
    return make_int(ts, BigInt::from_digits15(digits, negative));
  }
  Ref floating(double d) { return make_float(ts, d); }
  Ref complex(double re, double im) { return make_complex(ts, re, im); }
  Ref bytes(std::string_view b) { return make_bytes(ts, b); }
  // CPython interns what marshal marks interned (names, identifier-like constants): interning as the str is read
  // makes every later occurrence (a TYPE_REF) the same object, at one hash per distinct string.
  Ref str(std::string_view utf8, bool interned) {
    return Value(interned ? intern(ts, utf8) : make_str(ts, utf8));
  }
  Ref tuple(std::span<const Ref> items) {
    TupleObject* t = minipy::make_tuple(ts, static_cast<int64_t>(items.size()));
    std::copy(items.begin(), items.end(), t->items);
    return Value(t);
  }
  Ref set_of(Type* type, std::span<const Ref> items) {
    Value s = make_set(ts, type);
    for (const Value& item : items)
      if (!set_add(ts, s, item)) return refuse_pending();
    return s;
  }
  Ref frozenset(std::span<const Ref> items) { return set_of(&frozenset_type, items); }
  Ref set(std::span<const Ref> items) { return set_of(&set_type, items); }
  Ref list(std::span<const Ref> items) { return Value(make_list(ts, items)); }
  Ref dict(std::span<const Ref> items) {
    DictObject* d = make_dict(ts);
    for (size_t i = 0; i + 1 < items.size(); i += 2)
      if (!dict_set(ts, d, items[i], items[i + 1])) return refuse_pending();
    return Value(d);
  }

  std::optional<std::string_view> text(const Ref& v, bool want_str) {
    if (!v.is_object()) return std::nullopt;
    if (want_str ? type_of(v) != &str_type : type_of(v) != &bytes_type) return std::nullopt;
    if (want_str) return as_str(v)->view();
    return static_cast<BytesObject*>(v.as_object())->view();
  }
  std::optional<std::span<const Ref>> tuple_items(const Ref& v) {
    if (!v.is_object() || type_of(v) != &tuple_type) return std::nullopt;
    auto* t = static_cast<TupleObject*>(v.as_object());
    return std::span<const Ref>(t->items, static_cast<size_t>(t->size));
  }

  // What the verifier needs of a constant, read off the Value (cache/verify.h ConstShape).
  static ConstShape shape_of(Value v) {
    if (v.is_small_int() || (v.is_object() && type_of(v) == &int_type)) return {ConstShape::Kind::Int};
    if (!v.is_object()) return {};
    Type* type = type_of(v);
    if (type == &str_type) return {ConstShape::Kind::Str};
    if (type == &code_type) return {ConstShape::Kind::Code, -1, static_cast<CodeObj*>(v.as_object())->nfrees};
    if (type != &tuple_type) return {};
    auto* t = static_cast<TupleObject*>(v.as_object());
    bool all_str = true;
    for (int64_t i = 0; i < t->size; i++)
      all_str = all_str && t->items[i].is_object() && type_of(t->items[i]) == &str_type;
    return {ConstShape::Kind::Tuple, static_cast<int>(t->size), 0, all_str};
  }

  // A names tuple whose strs are all interned (the loop looks names up by identity). A pyc of CPython's or
  // minipy's writes them interned already, so this returns `names` itself; only a hand-made file pays a copy.
  TupleObject* interned_names(Value names) {
    auto* t = static_cast<TupleObject*>(names.as_object());
    TupleObject* out = t;
    for (int64_t i = 0; i < t->size; i++) {
      StrObject* s = intern_str(ts, as_str(t->items[i]));
      if (s == as_str(t->items[i])) continue;
      if (out == t) {
        out = minipy::make_tuple(ts, t->size);
        std::copy(t->items, t->items + t->size, out->items);
      }
      out->items[i] = Value(s);
    }
    return out;
  }

  // The interned str for a code object's text field: the object the reader made when it was one and is interned
  // already (a shared name: no second hash), else interned from its text.
  StrObject* interned_text(Value object, std::string_view text) {
    if (object && (as_str(object)->kind_flags & kStrInterned)) return as_str(object);
    return intern(ts, text);
  }

  Ref code(const MarshalCodeParts<Ref>& p) {
    if (verify) {
      shapes.clear();
      for (const Value& k : p.const_items) shapes.push_back(shape_of(k));
      CodeView view{p.argcount, p.posonlyargcount, p.kwonlyargcount, p.stacksize, p.flags,
                    p.code,     p.localspluskinds, p.exceptiontable, static_cast<int>(p.name_items.size()),
                    !p.localsplus_items.empty() && as_str(p.localsplus_items[0])->view() == ".0", shapes};
      Result<Ok> verified = verify_code_view(view);
      if (!verified.ok()) {
        refusal = BodyLoadFailure{std::move(verified).error(), true};
        return Value();
      }
    }
    // The compiler-shaped part keeps what the VM reads as bytes (code, tables, kinds) and the texts tracebacks
    // print; consts, names and local names stay only in the VM's tuples (complete_code_source fills them in if
    // marshal.dumps, replace or == ever need them).
    auto source = std::make_shared<CodeObject>();
    CodeObject& c = *source;
    copy_code_fields(p, c);
    if (filename_override) c.filename = *filename_override;
    c.verified = true;
    StrObject* filename;
    if (filename_override) {
      if (!filename_override_str) filename_override_str = intern(ts, *filename_override);
      filename = filename_override_str;
    } else {
      filename = interned_text(p.filename_object, p.filename);
    }
    CodeObj* code = make_code_object(ts, std::move(source), p.name_items.size(), filename,
                                     interned_text(p.name_object, p.name), interned_text(p.qualname_object, p.qualname));
    code->names = interned_names(p.names);
    code->localsplusnames = interned_names(p.localsplusnames);
    code->consts = static_cast<TupleObject*>(p.consts.as_object());
    return Value(code);
  }
};

}  // namespace

Result<LoadedBody, BodyLoadFailure> VmPycLoader::load(std::span<const uint8_t> body, bool verify,
                                                      const std::string* filename) {
  StageScope stage(CompileStage::Unmarshal);
  code = nullptr;
  VmBuilder builder{ts_, verify, filename};
  MarshalReader<VmBuilder> reader(body, builder);
  Value root = reader.read_root();
  if (builder.refusal) return std::move(*builder.refusal);
  if (!root) return BodyLoadFailure{reader.error().value_or(Failure{"bad marshal data", reader.position()}), false};
  if (!root.is_object() || type_of(root) != &code_type)
    return BodyLoadFailure{Failure{"bad marshal data (not a code object)", 0}, false};
  code = static_cast<CodeObj*>(root.as_object());
  return LoadedBody{reader.position(), code->nfrees};
}

const CodeObject* complete_code_source(ThreadState& ts, CodeObj* code) {
  const CodeObject& src = code->src();
  // A CodeObject made by the compiler or load_code has as many of each as the VM's tuples; one from VmBuilder has
  // none of them (a code object with no constants, names or locals has nothing to fill in either way).
  bool complete = src.consts.size() == static_cast<size_t>(code->consts->size) &&
                  src.names.size() == static_cast<size_t>(code->names->size) &&
                  src.localsplusnames.size() == static_cast<size_t>(code->nlocalsplus);
  if (complete) return &src;
  std::vector<ConstRef> consts;
  consts.reserve(static_cast<size_t>(code->consts->size));
  for (int64_t i = 0; i < code->consts->size; i++) {
    ConstRef k;
    if (!value_to_constant(ts, code->consts->items[i], &k, 1)) return nullptr;
    consts.push_back(std::move(k));
  }
  // Filled in place: this CodeObj is the only holder of a loader-made source, and the VM's pointers into it
  // (localspluskinds) stay valid because the strings they point into are not touched.
  auto& own = const_cast<CodeObject&>(src);
  own.consts = std::move(consts);
  own.names.clear();
  for (int64_t i = 0; i < code->names->size; i++) own.names.emplace_back(as_str(code->names->items[i])->view());
  own.localsplusnames.clear();
  for (int32_t i = 0; i < code->nlocalsplus; i++)
    own.localsplusnames.emplace_back(as_str(code->localsplusnames->items[i])->view());
  return &src;
}

}  // namespace minipy
