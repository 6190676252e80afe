// The native `marshal` module: dump/dumps/load/loads over cache/marshal, the same reader and writer the pyc cache uses.
// Every value CPython marshals: None, bools, ints, floats, complex, str, bytes (bytearray and memoryview are
// written as bytes), tuples, lists, dicts, sets, frozensets, Ellipsis and code objects, in formats 0 to 4.
// FLAG_REF: CPython flags every object whose reference count is above one. minipy counts no references, so
// dumps flags what the running frames can be seen to share: small ints, interned strings, code objects, and
// any value a variable or a code constant of a running frame (or of a function it defines) holds, plus
// whatever recurs in the value. The bytes then match CPython's for data built from literals and variables; a
// value held only by another object (an attribute, a finished module's constant) gets no flag where CPython's
// has one (loads reads both the same). Equal strings, numbers and tuples are written once and referred to even
// when they are distinct objects. Left out: a list, dict or set containing itself (dumps refuses it with
// "unmarshallable object"; loads of such bytes fails with "bad marshal data (invalid reference)").
// Set elements are written in the order of their marshalled bytes, as CPython 3.11 does for reproducibility.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "cache/marshal.h"
#include "compiler/constant.h"
#include "vm/import/import_internal.h"
#include "vm/objects/buffer.h"
#include "vm/interp/frame.h"
#include "vm/objects/code.h"
#include "vm/objects/complex.h"

namespace minipy {

namespace {

// One dumps(): the format, the Const made for each container met (met twice: one Const, so it is written once
// and referred to, as CPython's reference table does), what the running frames' variables and code constants
// hold (Value bits: an object's address, or an immediate int or float), and the Consts presumed shared (the
// writer flags them for references: in CPython their reference count would be above one).
struct DumpContext {
  int version;
  std::unordered_map<Object*, ConstRef> memo;
  std::unordered_set<uint64_t> held;
  std::unordered_set<const Const*> held_elsewhere;
};
using LoadMemo = std::unordered_map<const Const*, Value>;

bool exact(Value v, const Type& t) { return v.is_object() && type_of(v) == &t; }

// A code object's constants, those in its constant tuples and those of the code objects it holds (the functions
// it defines), once each.
void collect_constants(CodeObj* code, std::unordered_set<uint64_t>& out, std::unordered_set<CodeObj*>& seen) {
  if (!code || !seen.insert(code).second) return;
  std::vector<TupleObject*> tuples{code->consts};
  while (!tuples.empty()) {
    TupleObject* t = tuples.back();
    tuples.pop_back();
    for (int64_t i = 0; i < t->size; i++) {
      Value v = t->items[i];
      out.insert(v.bits());
      if (exact(v, tuple_type)) tuples.push_back(static_cast<TupleObject*>(v.as_object()));
      else if (exact(v, code_type)) collect_constants(static_cast<CodeObj*>(v.as_object()), out, seen);
    }
  }
}

// What the running frames hold: their variables (fast locals and cell contents, the locals mapping, the globals)
// and their code's constants. This is the part of a reference count minipy can see; what other objects hold is
// not counted.
void collect_held(ThreadState& ts, std::unordered_set<uint64_t>& out) {
  std::unordered_set<DictObject*> dicts_seen;
  std::unordered_set<CodeObj*> code_seen;
  auto add_dict = [&](DictObject* d) {
    if (!d || !dicts_seen.insert(d).second) return;
    int64_t pos = 0;
    Value key, value;
    while (dict_next(d, &pos, &key, &value)) out.insert(value.bits());
  };
  for (Frame* f = ts.current_frame; f; f = f->previous) {
    collect_constants(f->code, out, code_seen);
    for (int32_t i = 0; i < f->code->nlocalsplus; i++) {
      Value v = f->localsplus[i];
      if (!v) continue;
      out.insert(v.bits());
      if (exact(v, cell_type) && static_cast<CellObject*>(v.as_object())->ref)
        out.insert(static_cast<CellObject*>(v.as_object())->ref.bits());
    }
    if (f->locals && exact(f->locals, dict_type)) add_dict(static_cast<DictObject*>(f->locals.as_object()));
    add_dict(f->globals);
  }
}

// Whether CPython's reference count of the leaf `v` would be above one: small ints and interned strings are
// shared by design, code objects by their functions; anything else when a variable or constant holds it.
bool leaf_presumed_shared(const DumpContext& cx, Value v, const Const& c) {
  if (v.is_small_int() && v.as_small_int() >= -5 && v.as_small_int() <= 256) return true;
  if (c.is(Const::Kind::Str) && c.interned()) return true;
  if (exact(v, code_type)) return true;
  return cx.held.count(v.bits()) != 0;
}

[[nodiscard]] bool to_constant(ThreadState& ts, Value v, ConstRef* out, int depth, DumpContext& cx) {
  bool by_identity = exact(v, list_type) || exact(v, dict_type) || exact(v, set_type) || exact(v, frozenset_type);
  if (!by_identity && !exact(v, tuple_type)) {
    if (!value_to_constant(ts, v, out, depth)) return false;
    if (leaf_presumed_shared(cx, v, **out)) cx.held_elsewhere.insert(out->get());
    return true;
  }
  if (depth >= kMarshalMaxDepth) return raise(ts, ValueError_type, "object too deeply nested to marshal"), false;
  if (by_identity) {
    auto [it, fresh] = cx.memo.try_emplace(v.as_object(), nullptr);
    if (!fresh) {
      if (!it->second) return raise(ts, ValueError_type, "unmarshallable object"), false;  // contains itself
      *out = it->second;
      return true;
    }
  }
  std::vector<ConstRef> items;
  if (exact(v, dict_type)) {
    int64_t pos = 0;
    Value key, value;
    while (dict_next(static_cast<DictObject*>(v.as_object()), &pos, &key, &value)) {
      ConstRef k, c;
      if (!to_constant(ts, key, &k, depth + 1, cx) || !to_constant(ts, value, &c, depth + 1, cx)) return false;
      items.push_back(std::move(k));
      items.push_back(std::move(c));
    }
  } else {
    Value iter = get_iter(ts, v);
    if (!iter) return false;
    while (Value item = iter_next(ts, iter)) {
      ConstRef c;
      if (!to_constant(ts, item, &c, depth + 1, cx)) return false;
      items.push_back(std::move(c));
    }
    if (ts.current_exception) return false;
  }
  if (exact(v, set_type) || exact(v, frozenset_type)) {
    // CPython 3.11 writes a set's elements in the order of their own marshalled bytes (bpo-37596), so that the
    // output does not depend on hash randomisation.
    std::vector<std::pair<std::string, ConstRef>> keyed;
    for (ConstRef& item : items)
      keyed.emplace_back(marshal_dumps_constant(*item, cx.version, cx.held_elsewhere), std::move(item));
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (size_t i = 0; i < keyed.size(); i++) items[i] = std::move(keyed[i].second);
  }
  if (exact(v, tuple_type)) *out = Const::tuple(std::move(items));
  else if (exact(v, frozenset_type)) *out = Const::frozenset(std::move(items));
  else if (exact(v, list_type)) *out = Const::list(std::move(items));
  else if (exact(v, set_type)) *out = Const::set(std::move(items));
  else *out = Const::dict(std::move(items));
  if (by_identity) cx.memo[v.as_object()] = *out;
  if (cx.held.count(v.bits())) cx.held_elsewhere.insert(out->get());
  return true;
}

// The bytes of `value` in format `version` (args[index], default 4), or null with an exception.
Value dumps_value(ThreadState& ts, Value value, std::span<const Value> args, size_t version_index) {
  int64_t version = kMarshalVersion;
  if (args.size() > version_index && !index_to_int64(ts, args[version_index], &version)) return Value();
  DumpContext cx;
  cx.version = static_cast<int>(std::clamp<int64_t>(version, -1, kMarshalVersion));
  collect_held(ts, cx.held);
  ConstRef c;
  if (!to_constant(ts, value, &c, 0, cx)) return Value();
  return make_bytes(ts, marshal_dumps_constant(*c, cx.version, cx.held_elsewhere));
}

// A read constant as a value: lists, dicts and sets (fresh objects, one per Const) and the tuples and
// frozensets that hold them here; everything else as code constants are made.
Value to_value(ThreadState& ts, const ConstRef& c, LoadMemo& memo) {
  using K = Const::Kind;
  K kind = c->kind();
  if (kind != K::List && kind != K::Set && kind != K::Dict && kind != K::Tuple && kind != K::FrozenSet)
    return constant_to_value(ts, c);
  if (auto it = memo.find(c.get()); it != memo.end()) return it->second;
  const auto& items = c->items();
  std::vector<Value> values;
  values.reserve(items.size());
  for (const ConstRef& item : items) {
    Value v = to_value(ts, item, memo);
    if (!v) return v;
    values.push_back(v);  // no collection can happen before they are stored: nothing here reaches a safe point
  }
  Value result;
  switch (kind) {
    case K::Tuple: result = Value(minipy::make_tuple(ts, std::span<const Value>(values))); break;
    case K::List: result = Value(minipy::make_list(ts, std::span<const Value>(values))); break;
    case K::Dict: {
      DictObject* d = make_dict(ts);
      result = Value(d);
      for (size_t i = 0; i + 1 < values.size(); i += 2)
        if (!dict_set(ts, d, values[i], values[i + 1])) return Value();
      break;
    }
    default: {
      result = make_set(ts, kind == K::Set ? &set_type : &frozenset_type);
      for (Value v : values)
        if (!set_add(ts, result, v)) return Value();
    }
  }
  memo.emplace(c.get(), result);
  return result;
}

Value marshal_dumps(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "dumps", args, kwnames, 1, 2)) return Value();
  return dumps_value(ts, args[0], args, 1);
}

// The exception for input the reader refused, as CPython raises it: running out of input is an EOFError,
// malformed input a ValueError.
Value raise_unmarshal_failure(ThreadState& ts, const Failure& failure) {
  const std::string& why = failure.message;
  Type* type = why == "marshal data too short" || why == "EOF read where object expected" ? &EOFError_type
                                                                                        : &ValueError_type;
  return raise(ts, *type, why);
}

Value marshal_loads(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "loads", args, kwnames, 1, 1)) return Value();
  std::string copy;
  if (!buffer_bytes(ts, args[0], &copy)) return Value();
  std::string_view data = copy;
  auto result = unmarshal_constant({reinterpret_cast<const uint8_t*>(data.data()), data.size()});
  if (!result.ok()) return raise_unmarshal_failure(ts, result.error());
  LoadMemo memo;
  return to_value(ts, result.value().object, memo);
}

// dump(value, file, version=4, /): the bytes dumps() makes, through file.write.
Value marshal_dump(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "dump", args, kwnames, 2, 3)) return Value();
  Value data = dumps_value(ts, args[0], args, 2);
  if (!data) return data;
  Value written = call_method(ts, args[1], intern(ts, "write"), {&data, 1});
  return written ? None() : written;
}

// load(file, /): one value from the file's current position. CPython reads exactly the value's bytes; minipy
// reads what is left and, when the value ends earlier, seeks back to just after it, so consecutive load() calls
// on a regular file each get the next value (a pipe loses what followed).
Value marshal_load(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "load", args, kwnames, 1, 1)) return Value();
  Value data = call_method(ts, args[0], intern(ts, "read"), {});
  if (!data) return data;
  if (!(data.is_object() && (type_of(data) == &bytes_type || is_subtype(type_of(data), &bytes_type))))
    return raise_fmt(ts, TypeError_type, "file.read() returned not bytes but {}", type_name(data));
  std::string_view bytes = static_cast<BytesObject*>(data.as_object())->view();
  if (bytes.empty()) return raise(ts, EOFError_type, "EOF read where object expected");
  auto result = unmarshal_constant({reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()});
  if (!result.ok()) return raise_unmarshal_failure(ts, result.error());
  const size_t consumed = result.value().consumed;
  if (consumed < bytes.size()) {
    Value back[2] = {make_int(ts, static_cast<int64_t>(consumed) - static_cast<int64_t>(bytes.size())),
                     Value::small_int(1)};
    if (!call_method(ts, args[0], intern(ts, "seek"), back)) return Value();
  }
  LoadMemo memo;
  return to_value(ts, result.value().object, memo);
}

const MethodDef marshal_functions[] = {
    {"dump", marshal_dump},
    {"dumps", marshal_dumps},
    {"load", marshal_load},
    {"loads", marshal_loads},
};

}  // namespace

ModuleObject* create_marshal_module(ThreadState& ts) {
  ModuleObject* m = make_module(ts, "marshal");
  for (const MethodDef& def : marshal_functions)
    dict_set_str_new(ts, m->dict, intern(ts, def.name), make_native_function(ts, &def, Value(m), Value(m->name)));
  dict_set_str_new(ts, m->dict, intern(ts, "version"), Value::small_int(kMarshalVersion));
  return m;
}

}  // namespace minipy
