// The native `marshal` module: dumps/loads over cache/marshal, the same reader and writer the pyc cache uses.
// The values are those a code object may hold (None, bools, ints, floats, str, bytes, tuples, frozensets,
// Ellipsis and code objects); CPython also marshals lists, dicts and sets, which minipy refuses with
// ValueError("unmarshallable object") for now.
#include "cache/marshal.h"
#include "vm/import_internal.h"

namespace minipy {

namespace {

Value unmarshallable(ThreadState& ts) { return raise(ts, ValueError_type, "unmarshallable object"), Value(); }

// Python value -> compiler constant; false (exception pending) for values marshal cannot write.
bool to_const(ThreadState& ts, Value v, ConstRef* out, int depth) {
  if (depth > kMarshalMaxDepth) return raise(ts, ValueError_type, "object too deeply nested to marshal"), false;
  if (is_none(v)) return *out = Const::none(), true;
  if (v == True() || v == False()) return *out = Const::boolean(v == True()), true;
  if (v == Value(&ellipsis_object)) return *out = Const::ellipsis(), true;
  if (is_int(v) && (v.is_small_int() || type_of(v) == &int_type)) return *out = Const::integer(to_bigint(v)), true;
  if (is_exact_float(v)) return *out = Const::floating(float_value(v)), true;
  if (v.is_object() && type_of(v) == &str_type) return *out = Const::str(std::string(as_str(v)->view())), true;
  if (v.is_object() && type_of(v) == &bytes_type)
    return *out = Const::bytes(std::string(static_cast<BytesObject*>(v.as_object())->view())), true;
  if (v.is_object() && type_of(v) == &code_type)
    return *out = Const::code(*static_cast<CodeObj*>(v.as_object())->source), true;
  bool tuple = v.is_object() && type_of(v) == &tuple_type;
  if (tuple || (v.is_object() && type_of(v) == &frozenset_type)) {
    std::vector<ConstRef> items;
    Value iter = get_iter(ts, v);
    if (!iter) return false;
    while (Value item = iter_next(ts, iter)) {
      ConstRef c;
      if (!to_const(ts, item, &c, depth + 1)) return false;
      items.push_back(std::move(c));
    }
    if (ts.current_exception) return false;
    *out = tuple ? Const::tuple(std::move(items)) : Const::frozenset(std::move(items));
    return true;
  }
  unmarshallable(ts);
  return false;
}

// Compiler constant -> Python value.
Value from_const(ThreadState& ts, const ConstRef& c) {
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
      TupleObject* t = make_tuple(ts, static_cast<int64_t>(c->items().size()));
      for (size_t i = 0; i < c->items().size(); i++) t->items[i] = None();
      for (size_t i = 0; i < c->items().size(); i++) {
        Value v = from_const(ts, c->items()[i]);
        if (!v) return v;
        t->items[i] = v;
      }
      return Value(t);
    }
    case Const::Kind::FrozenSet: {
      Value s = make_set(ts, &frozenset_type);
      for (const ConstRef& item : c->items()) {
        Value v = from_const(ts, item);
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

Value marshal_dumps(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  if (!no_keywords(ts, "dumps", kwnames) || !check_arg_count(ts, "dumps", args.size(), 1, 2)) return Value();
  ConstRef c;
  if (!to_const(ts, args[0], &c, 0)) return Value();
  return make_bytes(ts, marshal_constant(*c));
}

Value marshal_loads(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  if (!no_keywords(ts, "loads", kwnames) || !check_arg_count(ts, "loads", args.size(), 1, 1)) return Value();
  if (type_of(args[0]) != &bytes_type)
    return raise_fmt(ts, TypeError_type, "a bytes-like object is required, not '{}'", type_name(args[0]));
  std::string_view data = static_cast<BytesObject*>(args[0].as_object())->view();
  auto result = unmarshal_constant({reinterpret_cast<const uint8_t*>(data.data()), data.size()});
  if (result.error) {
    Type* type = result.error->message == "marshal data too short" ? &EOFError_type : &ValueError_type;
    return raise(ts, *type, result.error->message);
  }
  return from_const(ts, result.value);
}

const MethodDef marshal_functions[] = {
    {"dumps", marshal_dumps},
    {"loads", marshal_loads},
};

}  // namespace

ModuleObject* create_marshal_module(ThreadState& ts) {
  ModuleObject* m = make_module(ts, "marshal");
  for (const MethodDef& def : marshal_functions)
    dict_set_str(ts, m->dict, intern(ts, def.name), make_native_function(ts, &def, Value(m), Value(m->name)));
  dict_set_str(ts, m->dict, intern(ts, "version"), Value::small_int(kMarshalVersion));
  return m;
}

}  // namespace minipy
