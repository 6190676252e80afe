// The native `marshal` module: dumps/loads over cache/marshal, the same reader and writer the pyc cache uses.
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

Value marshal_loads(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "loads", args, kwnames, 1, 1)) return Value();
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
    dict_set_str_new(ts, m->dict, intern(ts, def.name), make_native_function(ts, &def, Value(m), Value(m->name)));
  dict_set_str_new(ts, m->dict, intern(ts, "version"), Value::small_int(kMarshalVersion));
  return m;
}

}  // namespace minipy
