// The native `marshal` module: dumps/loads over cache/marshal, the same reader and writer the pyc cache uses.
// The values are those a code object may hold (None, bools, ints, floats, str, bytes, tuples, frozensets,
// complex, Ellipsis and code objects; bytearray and memoryview are written as bytes); CPython also marshals lists, dicts and sets, which minipy refuses with
// ValueError("unmarshallable object") for now.
#include "cache/marshal.h"
#include "vm/import/import_internal.h"
#include "vm/objects/buffer.h"
#include "vm/objects/complex.h"

namespace minipy {

namespace {

Value unmarshallable(ThreadState& ts) { return raise(ts, ValueError_type, "unmarshallable object"), Value(); }

// Python value -> compiler constant; false (exception pending) for values marshal cannot write.
bool to_const(ThreadState& ts, Value v, ConstRef* out, int depth) {
  if (depth >= kMarshalMaxDepth) return raise(ts, ValueError_type, "object too deeply nested to marshal"), false;
  if (is_none(v)) return *out = Const::none(), true;
  if (v == True() || v == False()) return *out = Const::boolean(v == True()), true;
  if (v == Value(&ellipsis_object)) return *out = Const::ellipsis(), true;
  if (is_int(v) && (v.is_small_int() || type_of(v) == &int_type)) return *out = Const::integer(to_bigint(v)), true;
  if (is_exact_float(v)) return *out = Const::floating(float_value(v)), true;
  if (v.is_object() && type_of(v) == &complex_type)
    return *out = Const::complex(complex_value(v).real, complex_value(v).imag), true;
  if (v.is_object() && type_of(v) == &str_type) return *out = Const::str(std::string(as_str(v)->view())), true;
  if (v.is_object() && type_of(v) == &bytes_type)
    return *out = Const::bytes(std::string(static_cast<BytesObject*>(v.as_object())->view())), true;
  if (v.is_object() && type_of(v) != &bytes_type && has_buffer(v)) {
    // Other bytes-like objects (bytearray, memoryview) are written as bytes, as CPython's w_object does.
    std::string data;
    if (!buffer_bytes(ts, v, &data)) return false;
    return *out = Const::bytes(std::move(data)), true;
  }
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

Value marshal_dumps(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  if (!no_keywords(ts, "dumps", kwnames) || !check_arg_count(ts, "dumps", args.size(), 1, 2)) return Value();
  ConstRef c;
  if (!to_const(ts, args[0], &c, 0)) return Value();
  return make_bytes(ts, marshal_constant(*c));
}

Value marshal_loads(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  if (!no_keywords(ts, "loads", kwnames) || !check_arg_count(ts, "loads", args.size(), 1, 1)) return Value();
  std::string copy;
  if (!buffer_bytes(ts, args[0], &copy)) return Value();
  std::string_view data = copy;
  auto result = unmarshal_constant({reinterpret_cast<const uint8_t*>(data.data()), data.size()});
  if (result.error) {
    // As CPython: running out of input is an EOFError, malformed input a ValueError.
    const std::string& why = result.error->message;
    Type* type = why == "marshal data too short" || why == "EOF read where object expected" ? &EOFError_type
                                                                                          : &ValueError_type;
    return raise(ts, *type, result.error->message);
  }
  return constant_to_value(ts, result.value);
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
