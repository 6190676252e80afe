// The sys module: the interpreter's view of itself (argv, path, modules, flags, the cache settings).
#include "stdlib/native/sys.h"
#include <cstdio>

#include "vm/runtime.h"

namespace minipy {

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
SYS_FN(stream_write) {
  (void)kwnames;
  if (args.size() != 1 || !is_str(args[0]))
    return raise(ts, TypeError_type, "write() argument must be str");
  FILE* f = self.as_small_int() == 2 ? stderr : stdout;
  if (f == stderr) std::fflush(stdout);
  std::fwrite(as_str(args[0])->data, 1, static_cast<size_t>(as_str(args[0])->size), f);
  return make_int(ts, as_str(args[0])->length);
}
SYS_FN(stream_flush) {
  (void)ts;
  (void)args;
  (void)kwnames;
  std::fflush(self.as_small_int() == 2 ? stderr : stdout);
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

const MethodDef sys_functions[] = {
    {"exit", sys_exit},
    {"exc_info", sys_exc_info},
    {"exception", sys_exception},
    {"getrecursionlimit", sys_getrecursionlimit},
    {"setrecursionlimit", sys_setrecursionlimit},
};
const MethodDef stream_write_def{"write", stream_write};
const MethodDef stream_flush_def{"flush", stream_flush};

// A minimal text stream object for sys.stdout / sys.stderr: a module-like namespace with write and flush.
Value make_stream(ThreadState& ts, const char* name, int fd) {
  ModuleObject* m = make_module(ts, name);
  dict_set_str(ts, m->dict, intern(ts, "write"), make_native_function(ts, &stream_write_def, Value::small_int(fd)));
  dict_set_str(ts, m->dict, intern(ts, "flush"), make_native_function(ts, &stream_flush_def, Value::small_int(fd)));
  return Value(m);
}

}  // namespace

void init_sys(ThreadState& ts) {
  Interpreter& interp = *ts.interp;
  ModuleObject* m = make_module(ts, "sys");
  interp.sys_module = m;
  DictObject* d = m->dict;
  auto set = [&](const char* name, Value v) { dict_set_str(ts, d, intern(ts, name), v); };
  for (const MethodDef& def : sys_functions) set(def.name, make_native_function(ts, &def, Value(m), Value(m->name)));
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
  set("stdout", make_stream(ts, "stdout", 1));
  set("stderr", make_stream(ts, "stderr", 2));
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
}

}  // namespace minipy
