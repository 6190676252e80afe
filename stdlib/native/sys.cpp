// The sys module: the interpreter's view of itself (argv, path, modules, flags, the cache settings).
#include "stdlib/native/sys.h"
#include <cstdio>

#include "vm/runtime.h"

namespace minipy {

void set_standard_streams_unbuffered(ThreadState& ts);  // stdlib/native/io.cpp

namespace {

#define SYS_FN(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

SYS_FN(sys_exit) {
  (void)self;
  if (!no_keywords(ts, "exit", kwnames) || !check_arg_count(ts, "exit", args.size(), 0, 1)) return Value();
  Value exc = new_exception(ts, &SystemExit_type, args);
  if (!exc) return exc;
  return raise_value(ts, exc);
}
SYS_FN(sys_getrecursionlimit) {
  (void)self;
  (void)args;
  (void)kwnames;
  return make_int(ts, ts.recursion_limit);
}
SYS_FN(sys_setrecursionlimit) {
  (void)self;
  if (!no_keywords(ts, "setrecursionlimit", kwnames) || !check_arg_count(ts, "setrecursionlimit", args.size(), 1, 1))
    return Value();
  int64_t n;
  if (!index_to_int64(ts, args[0], &n)) return Value();
  if (n < 1) return raise(ts, ValueError_type, "recursion limit must be greater or equal than 1");
  if (n <= ts.recursion_depth)
    return raise_fmt(ts, RecursionError_type,
                     "cannot set the recursion limit to {} at the recursion depth {}: the limit is too low", n,
                     ts.recursion_depth);
  ts.recursion_limit = static_cast<int>(std::min<int64_t>(n, 1 << 30));
  return None();
}
// The exception being handled, looking through generators' empty exception states as CPython does.
SYS_FN(sys_exception) {
  (void)self;
  if (!no_keywords(ts, "exception", kwnames) || !check_arg_count(ts, "exception", args.size(), 0, 0)) return Value();
  Value exc = ts.handled_exception();
  return exc ? exc : None();
}
SYS_FN(sys_exc_info) {
  (void)self;
  if (!no_keywords(ts, "exc_info", kwnames) || !check_arg_count(ts, "exc_info", args.size(), 0, 0)) return Value();
  Value exc = ts.handled_exception();
  Value items[3] = {None(), None(), None()};
  if (exc) {
    items[0] = Value(type_of(exc));
    items[1] = exc;
    items[2] = static_cast<ExceptionObject*>(exc.as_object())->traceback;
    if (!items[2]) items[2] = None();
  }
  return Value(make_tuple(ts, items));
}

}  // namespace
// Async generator hooks and coroutine origin tracking (vm/objects/async_generator.cpp).
SYS_FN(sys_get_asyncgen_hooks);
SYS_FN(sys_set_asyncgen_hooks);
SYS_FN(sys_get_coroutine_origin_tracking_depth);
namespace {

const MethodDef sys_functions[] = {
    {"get_asyncgen_hooks", sys_get_asyncgen_hooks},
    {"set_asyncgen_hooks", sys_set_asyncgen_hooks},
    {"get_coroutine_origin_tracking_depth", sys_get_coroutine_origin_tracking_depth},
    {"exit", sys_exit},
    {"exc_info", sys_exc_info},
    {"exception", sys_exception},
    {"getrecursionlimit", sys_getrecursionlimit},
    {"setrecursionlimit", sys_setrecursionlimit},
};

}  // namespace

const MethodDef* sys_getframe_def(ThreadState& ts);  // sys_frame.cpp

void init_sys(ThreadState& ts) {
  Interpreter& interp = *ts.interp;
  ModuleObject* m = make_module(ts, "sys");
  interp.sys_module = m;
  DictObject* d = m->dict;
  auto set = [&](const char* name, Value v) { dict_set_str(ts, d, intern(ts, name), v); };
  for (const MethodDef& def : sys_functions) set(def.name, make_native_function(ts, &def, Value(m), Value(m->name)));
  set("_getframe", make_native_function(ts, sys_getframe_def(ts), Value(m), Value(m->name)));
  set("modules", Value(interp.modules));
  ListObject* argv = make_list(ts, 0);
  for (const std::string& a : interp.config.argv) list_append(ts, argv, Value(make_str(ts, a)));
  set("argv", Value(argv));
  set("path", Value(make_list(ts, 0)));
  set("dont_write_bytecode", Bool(interp.config.dont_write_bytecode));
  set("pycache_prefix", interp.config.pycache_prefix.empty() ? None() : Value(make_str(ts, interp.config.pycache_prefix)));
  set("maxsize", make_int(ts, INT64_MAX));
  set("byteorder", Value(intern(ts, "little")));
  set("platform", Value(intern(ts, "linux")));
  set("version", Value(make_str(ts, "3.11.0 (minipy)")));
  Value vi[5] = {Value::small_int(3), Value::small_int(11), Value::small_int(0), Value(intern(ts, "final")),
                 Value::small_int(0)};
  set("version_info", Value(minipy::make_tuple(ts, vi)));
  ModuleObject* impl = make_module(ts, "implementation");
  dict_set_str(ts, impl->dict, intern(ts, "name"), Value(intern(ts, "minipy")));
  dict_set_str(ts, impl->dict, intern(ts, "cache_tag"), Value(make_str(ts, interp.config.cache_tag)));
  set("implementation", Value(impl));
  dict_set_str(ts, interp.modules, intern(ts, "sys"), Value(m));
  dict_set_str(ts, interp.modules, intern(ts, "builtins"), Value(interp.builtins_module));
}

// Re-reads the runtime configuration into sys after the command line has been parsed.
void refresh_sys_config(ThreadState& ts) {
  Interpreter& interp = *ts.interp;
  DictObject* d = interp.sys_module->dict;
  ListObject* argv = make_list(ts, 0);
  for (const std::string& a : interp.config.argv) list_append(ts, argv, Value(make_str(ts, a)));
  dict_set_str(ts, d, intern(ts, "argv"), Value(argv));
  dict_set_str(ts, d, intern(ts, "dont_write_bytecode"), Bool(interp.config.dont_write_bytecode));
  dict_set_str(ts, d, intern(ts, "pycache_prefix"),
               interp.config.pycache_prefix.empty() ? None() : Value(make_str(ts, interp.config.pycache_prefix)));
  auto* impl = static_cast<ModuleObject*>(dict_get_str(d, intern(ts, "implementation")).as_object());
  dict_set_str(ts, impl->dict, intern(ts, "cache_tag"), Value(make_str(ts, interp.config.cache_tag)));
  if (interp.config.unbuffered) set_standard_streams_unbuffered(ts);
}

}  // namespace minipy
