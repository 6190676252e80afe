// The native `marshal` module: dump/dumps/load/loads over cache/marshal, the same reader and writer the pyc cache uses.
// The values are those a code object may hold (None, bools, ints, floats, str, bytes, tuples, frozensets,
// complex, Ellipsis and code objects; bytearray and memoryview are written as bytes); CPython also marshals lists, dicts and sets, which minipy refuses with
// ValueError("unmarshallable object") for now.
#include "cache/marshal.h"
#include "vm/import/import_internal.h"
#include "vm/objects/buffer.h"
#include "vm/objects/code.h"
#include "vm/objects/complex.h"

namespace minipy {

namespace {


Value marshal_dumps(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "dumps", args, kwnames, 1, 2)) return Value();
  ConstRef c;
  if (!value_to_constant(ts, args[0], &c, 0)) return Value();
  return make_bytes(ts, marshal_constant(*c));
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
  return constant_to_value(ts, result.value().object);
}

// dump(value, file, version=4, /): the bytes dumps() makes, through file.write.
Value marshal_dump(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "dump", args, kwnames, 2, 3)) return Value();
  ConstRef c;
  if (!value_to_constant(ts, args[0], &c, 0)) return Value();
  Value data = make_bytes(ts, marshal_constant(*c));
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
  return constant_to_value(ts, result.value().object);
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
