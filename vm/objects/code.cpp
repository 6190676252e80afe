// Code object methods CPython's Lib relies on: `_varname_from_oparg` (dis names LOAD_FAST/LOAD_DEREF operands
// with it), `replace(**changes)` (types.coroutine, dataclasses-style code surgery), equality and hashing (two
// compilations of the same source compare equal, as in CPython). The co_* getters live beside compile() in vm/interp/runtime_compiler.cpp.
#include "vm/objects/code.h"

#include <functional>

#include "cache/marshal.h"
#include "stdlib/native/native_support.h"
#include "vm/objects/buffer.h"
#include "vm/objects/complex.h"
#include "vm/interp/code_loader.h"

namespace minipy {

bool value_to_constant(ThreadState& ts, Value v, ConstRef* out, int depth) {
  if (depth >= kMarshalMaxDepth) return raise(ts, ValueError_type, "object too deeply nested to marshal"), false;
  if (is_none(v)) return *out = Const::none(), true;
  if (v == True() || v == False()) return *out = Const::boolean(v == True()), true;
  if (v == Value(&ellipsis_object)) return *out = Const::ellipsis(), true;
  if (is_int(v) && (v.is_small_int() || type_of(v) == &int_type)) return *out = Const::integer(to_bigint(v)), true;
  if (is_exact_float(v)) return *out = Const::floating(float_value(v)), true;
  if (v.is_object() && type_of(v) == &complex_type)
    return *out = Const::complex(complex_value(v).real, complex_value(v).imag), true;
  if (v.is_object() && type_of(v) == &str_type) {
    // An interned string marshals as one ('Z', 't'), so that the reader interns it again, as CPython's does.
    std::string_view text = as_str(v)->view();
    StrObject* found = ts.interp->interned.find(text, InternTable::key_of(text));
    bool interned = found == v.as_object();
    return *out = Const::str(std::string(as_str(v)->view()), interned), true;
  }
  if (v.is_object() && type_of(v) == &bytes_type)
    return *out = Const::bytes(std::string(static_cast<BytesObject*>(v.as_object())->view())), true;
  if (v.is_object() && type_of(v) != &bytes_type && has_buffer(v)) {
    // Other bytes-like objects (bytearray, memoryview) are written as bytes, as CPython's w_object does.
    std::string data;
    if (!buffer_bytes(ts, v, &data)) return false;
    return *out = Const::bytes(std::move(data)), true;
  }
  if (v.is_object() && type_of(v) == &code_type) {
    // A code object loaded from a pyc keeps its constants as Values only: its compiler form is completed first.
    auto* code = static_cast<CodeObj*>(v.as_object());
    if (!complete_code_source(ts, code)) return false;
    return *out = Const::code(*code->source), true;
  }
  bool tuple = v.is_object() && type_of(v) == &tuple_type;
  if (tuple || (v.is_object() && type_of(v) == &frozenset_type)) {
    std::vector<ConstRef> items;
    Value iter = get_iter(ts, v);
    if (!iter) return false;
    while (Value item = iter_next(ts, iter)) {
      ConstRef c;
      if (!value_to_constant(ts, item, &c, depth + 1)) return false;
      items.push_back(std::move(c));
    }
    if (ts.current_exception) return false;
    *out = tuple ? Const::tuple(std::move(items)) : Const::frozenset(std::move(items));
    return true;
  }
  raise(ts, ValueError_type, "unmarshallable object");
  return false;
}

namespace {

CodeObj* as_code(Value v) { return static_cast<CodeObj*>(v.as_object()); }

// co._varname_from_oparg(i): the name of local-plus slot i (arguments, locals, cells, frees in one numbering),
// which is how 3.11's LOAD_FAST, LOAD_DEREF and friends number their operands.
NATIVE_FN(code_varname_from_oparg) {
  Value v[1];
  if (!native::parse_args(ts, "_varname_from_oparg", args, kwnames, {"oparg"}, 1, 0, v)) return Value();
  int64_t oparg;
  if (!index_to_int64(ts, v[0], &oparg)) return Value();
  CodeObj* c = as_code(self);
  if (oparg < 0 || oparg >= c->nlocalsplus) return raise(ts, IndexError_type, "tuple index out of range");
  return c->localsplusnames->items[oparg];
}

// ---- replace() ---------------------------------------------------------------------------------------------
// The keyword arguments of code.replace, in CPython's order; each is checked for its type, then copied into a
// new CodeObject that goes through the same verifier as code read from a pyc before the VM may run it.
constexpr const char* kReplaceNames[] = {
    "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals",  "co_stacksize",  "co_flags",
    "co_firstlineno", "co_code",         "co_consts",         "co_names",    "co_varnames",   "co_freevars",
    "co_cellvars",  "co_filename",       "co_name",           "co_qualname", "co_linetable",  "co_exceptiontable"};
constexpr size_t kReplaceCount = std::size(kReplaceNames);

[[nodiscard]] bool replace_type_error(ThreadState& ts, const char* name, const char* expected, Value got) {
  raise_fmt(ts, TypeError_type, "replace() argument '{}' must be {}, not {}", name, expected, type_name(got));
  return false;
}

[[nodiscard]] bool take_int(ThreadState& ts, const char* name, Value v, int32_t* field) {
  if (!v) return true;
  if (!is_int(v)) return replace_type_error(ts, name, "int", v);
  int64_t n;
  if (!index_to_int64(ts, v, &n)) return false;
  if (n < INT32_MIN || n > INT32_MAX) {
    raise(ts, OverflowError_type, "signed integer is greater than maximum");
    return false;
  }
  *field = static_cast<int32_t>(n);
  return true;
}

[[nodiscard]] bool take_bytes(ThreadState& ts, const char* name, Value v, std::string* field) {
  if (!v) return true;
  if (!v.is_object() || type_of(v) != &bytes_type) return replace_type_error(ts, name, "bytes", v);
  *field = std::string(static_cast<BytesObject*>(v.as_object())->view());
  return true;
}

[[nodiscard]] bool take_str(ThreadState& ts, const char* name, Value v, std::string* field) {
  if (!v) return true;
  if (!is_str(v)) return replace_type_error(ts, name, "str", v);
  *field = std::string(as_str(v)->view());
  return true;
}

// A tuple of names (co_names, co_varnames, ...) as strings; CPython's code constructor insists on str items.
[[nodiscard]] bool take_names(ThreadState& ts, const char* name, Value v, std::vector<std::string>* out) {
  if (!v.is_object() || type_of(v) != &tuple_type) return replace_type_error(ts, name, "tuple", v);
  auto* t = static_cast<TupleObject*>(v.as_object());
  out->clear();
  for (int64_t i = 0; i < t->size; i++) {
    if (!is_str(t->items[i])) {
      raise_fmt(ts, TypeError_type, "name tuples must contain only strings, not '{}'", type_name(t->items[i]));
      return false;
    }
    out->emplace_back(as_str(t->items[i])->view());
  }
  return true;
}

// The names of one kind of local-plus slot, in slot order (co_varnames, co_cellvars or co_freevars).
std::vector<std::string> slot_names(const CodeObject& code, uint8_t kind) {
  std::vector<std::string> names;
  for (size_t i = 0; i < code.localsplusnames.size(); i++)
    if (static_cast<uint8_t>(code.localspluskinds[i]) & kind) names.push_back(code.localsplusnames[i]);
  return names;
}

// The local-plus slots from co_varnames, co_cellvars and co_freevars, as CPython's code constructor lays them
// out: the variables, then the cells (a cell that is also a variable, like a captured argument, shares the
// variable's slot), then the free variables. The bytecode is not rewritten: as in CPython, operands keep their
// slot numbers, so a replace() that shifts slots changes what the instructions address.
[[nodiscard]] bool lay_out_slots(ThreadState& ts, const std::vector<std::string>& varnames,
                                 const std::vector<std::string>& cellvars, const std::vector<std::string>& freevars,
                                 int32_t nlocals, CodeObject* code) {
  int32_t args = code->argcount + code->kwonlyargcount + ((code->flags & CO_VARARGS) ? 1 : 0) +
                 ((code->flags & CO_VARKEYWORDS) ? 1 : 0);
  if (static_cast<int64_t>(varnames.size()) < args) return raise(ts, ValueError_type, "code: co_varnames is too small"), false;
  if (static_cast<int64_t>(varnames.size()) != nlocals)
    return raise(ts, ValueError_type, "code: co_nlocals != len(co_varnames)"), false;
  code->localsplusnames.clear();
  code->localspluskinds.clear();
  for (const std::string& name : varnames) {
    code->localsplusnames.push_back(name);
    code->localspluskinds.push_back(static_cast<char>(CO_FAST_LOCAL));
  }
  for (const std::string& name : cellvars) {
    size_t i = 0;
    while (i < varnames.size() && varnames[i] != name) i++;
    if (i < varnames.size()) {
      code->localspluskinds[i] = static_cast<char>(CO_FAST_LOCAL | CO_FAST_CELL);
      continue;
    }
    code->localsplusnames.push_back(name);
    code->localspluskinds.push_back(static_cast<char>(CO_FAST_CELL));
  }
  for (const std::string& name : freevars) {
    code->localsplusnames.push_back(name);
    code->localspluskinds.push_back(static_cast<char>(CO_FAST_FREE));
  }
  return true;
}

NATIVE_FN(code_replace) {
  Value v[kReplaceCount];
  if (!native::parse_args(ts, "replace", args, kwnames,
                          {kReplaceNames[0], kReplaceNames[1], kReplaceNames[2], kReplaceNames[3], kReplaceNames[4],
                           kReplaceNames[5], kReplaceNames[6], kReplaceNames[7], kReplaceNames[8], kReplaceNames[9],
                           kReplaceNames[10], kReplaceNames[11], kReplaceNames[12], kReplaceNames[13],
                           kReplaceNames[14], kReplaceNames[15], kReplaceNames[16], kReplaceNames[17]},
                          0, 0, v, 0))
    return Value();
  const CodeObject* original = complete_code_source(ts, as_code(self));
  if (!original) return Value();
  auto code = std::make_shared<CodeObject>(*original);
  // co_nlocals must equal len(co_varnames), as CPython's constructor checks; the slots follow from the names.
  std::vector<std::string> varnames = slot_names(*code, CO_FAST_LOCAL);
  std::vector<std::string> cellvars = slot_names(*code, CO_FAST_CELL);
  std::vector<std::string> freevars = slot_names(*code, CO_FAST_FREE);
  auto nlocals = static_cast<int32_t>(varnames.size());
  if (!take_int(ts, "co_argcount", v[0], &code->argcount) ||
      !take_int(ts, "co_posonlyargcount", v[1], &code->posonlyargcount) ||
      !take_int(ts, "co_kwonlyargcount", v[2], &code->kwonlyargcount) ||
      !take_int(ts, "co_nlocals", v[3], &nlocals) || !take_int(ts, "co_stacksize", v[4], &code->stacksize) ||
      !take_int(ts, "co_flags", v[5], &code->flags) || !take_int(ts, "co_firstlineno", v[6], &code->firstlineno) ||
      !take_bytes(ts, "co_code", v[7], &code->code))
    return Value();
  if (v[8]) {
    if (!v[8].is_object() || type_of(v[8]) != &tuple_type) {
      (void)replace_type_error(ts, "co_consts", "tuple", v[8]);
      return Value();
    }
    auto* consts = static_cast<TupleObject*>(v[8].as_object());
    code->consts.clear();
    for (int64_t i = 0; i < consts->size; i++) {
      ConstRef c;
      if (!value_to_constant(ts, consts->items[i], &c, 1)) return Value();
      code->consts.push_back(std::move(c));
    }
  }
  if (v[9] && !take_names(ts, "co_names", v[9], &code->names)) return Value();
  if ((v[10] && !take_names(ts, "co_varnames", v[10], &varnames)) ||
      (v[11] && !take_names(ts, "co_freevars", v[11], &freevars)) ||
      (v[12] && !take_names(ts, "co_cellvars", v[12], &cellvars)) ||
      !lay_out_slots(ts, varnames, cellvars, freevars, nlocals, code.get()) ||
      !take_str(ts, "co_filename", v[13], &code->filename) || !take_str(ts, "co_name", v[14], &code->name) ||
      !take_str(ts, "co_qualname", v[15], &code->qualname) || !take_bytes(ts, "co_linetable", v[16], &code->linetable) ||
      !take_bytes(ts, "co_exceptiontable", v[17], &code->exceptiontable))
    return Value();
  code->verified = false;  // new bytes or counts: the verifier decides whether the VM may run them
  CodeObj* result = load_code(ts, code);
  return result ? Value(result) : Value();
}

// ---- equality and hashing ----------------------------------------------------------------------------------
// As CPython's code_richcompare: equal when name, counts, flags, first line, bytecode, constants (by
// CPython's constant-key rules), names, local-plus names and kinds, and the line and exception tables agree.
bool same_code(const CodeObject& a, const CodeObject& b) {
  if (a.name != b.name || a.argcount != b.argcount || a.posonlyargcount != b.posonlyargcount ||
      a.kwonlyargcount != b.kwonlyargcount || a.flags != b.flags || a.firstlineno != b.firstlineno ||
      a.code != b.code || a.names != b.names || a.localsplusnames != b.localsplusnames ||
      a.localspluskinds != b.localspluskinds || a.linetable != b.linetable ||
      a.exceptiontable != b.exceptiontable || a.consts.size() != b.consts.size())
    return false;
  for (size_t i = 0; i < a.consts.size(); i++) {
    const Const& x = *a.consts[i];
    const Const& y = *b.consts[i];
    // Nested code objects compare as code objects do (two compiles of one function are equal).
    bool code_pair = x.kind() == Const::Kind::Code && y.kind() == Const::Kind::Code;
    if (code_pair ? !same_code(*x.code_value(), *y.code_value()) : !same_constant(x, y)) return false;
  }
  return true;
}

Value code_richcompare(ThreadState& ts, Value a, Value b, int op) {
  if ((op != kEq && op != kNe) || type_of(b) != &code_type) return NotImplemented();
  if (a == b) return Bool(op == kEq);
  const CodeObject* left = complete_code_source(ts, as_code(a));
  const CodeObject* right = left ? complete_code_source(ts, as_code(b)) : nullptr;
  if (!right) return Value();
  bool equal = same_code(*left, *right);
  return Bool(op == kEq ? equal : !equal);
}

bool code_hash(ThreadState&, Value self, int64_t* out) {
  const CodeObject& c = as_code(self)->src();
  size_t h = std::hash<std::string>{}(c.name) ^ (std::hash<std::string>{}(c.code) * 1000003u);
  // The VM's tuple counts the constants: a loaded code object's compiler form may not hold them (code_loader.h).
  h ^= static_cast<size_t>(c.argcount) * 31u + static_cast<size_t>(c.flags) * 131u +
       static_cast<size_t>(as_code(self)->consts->size);
  auto result = static_cast<int64_t>(h >> 1);
  *out = result == -1 ? -2 : result;
  return true;
}

}  // namespace

void init_code_methods(ThreadState& ts) {
  static const MethodDef methods[] = {{"_varname_from_oparg", code_varname_from_oparg}, {"replace", code_replace}};
  add_methods(ts, code_type, methods);
  code_type.richcompare = code_richcompare;
  code_type.hash = code_hash;
}

}  // namespace minipy
