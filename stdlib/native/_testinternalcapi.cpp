// The native `_testinternalcapi` module, reduced to get_config(): CPython's test.support asks it whether code
// objects carry column positions (requires_debug_ranges, used by test_dis at class-definition time, so without
// this module test_dis does not even import). The config dict has the PyConfig keys minipy can answer truly.
// Left out: everything else in CPython's module (recursion depth, SIZEOF_PYGC_HEAD, the optimizer and
// interpreter-internal hooks): they describe CPython's C internals, which minipy does not have.
#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"

namespace minipy {

namespace {

// get_config(): a new dict of the interpreter's configuration, under PyConfig's field names.
Value testinternalcapi_get_config(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  if (!native::no_args(ts, "_testinternalcapi.get_config", args, kwnames)) return Value();
  const RuntimeConfig& config = ts.interp->config;
  DictObject* d = make_dict(ts);
  auto put = [&](const char* key, Value value) { return dict_set_str(ts, d, intern(ts, key), value); };
  // PyConfig's flags are C ints, so CPython's dict holds 1 and 0 rather than True and False.
  auto flag = [](bool on) { return Value::small_int(on ? 1 : 0); };
  // minipy's compiler always writes the location table with columns (it has no -X no_debug_ranges).
  bool ok = put("code_debug_ranges", flag(true)) && put("optimization_level", Value::small_int(config.optimize)) &&
            put("verbose", Value::small_int(config.verbose)) &&
            put("write_bytecode", flag(!config.dont_write_bytecode)) &&
            put("use_environment", flag(!config.ignore_environment)) && put("isolated", flag(config.isolated)) &&
            put("safe_path", flag(config.safe_path)) && put("buffered_stdio", flag(!config.unbuffered)) &&
            put("import_time", flag(config.import_time)) &&
            put("pycache_prefix", config.pycache_prefix.empty() ? None() : Value(make_str(ts, config.pycache_prefix)));
  return ok ? Value(d) : Value();
}

const MethodDef kTestInternalCapiFunctions[] = {
    {"get_config", testinternalcapi_get_config},
};

}  // namespace

ModuleObject* create_testinternalcapi_module(ThreadState& ts) {
  ModuleObject* m = make_module(ts, "_testinternalcapi");
  add_module_functions(ts, m, kTestInternalCapiFunctions);
  return m;
}

}  // namespace minipy
