// The sys module: the interpreter's view of itself (argv, path, modules, flags, the cache settings).
#include "stdlib/native/io.h"
#include "stdlib/native/sys.h"
#include "vm/objects/codecs.h"
#include "vm/objects/hash_secret.h"
#include "vm/objects/namespace.h"

#include <unistd.h>

#include <algorithm>
#include <cfloat>
#include <climits>
#include <cstdio>
#include <string>

#include "stdlib/native/registry.h"
#include "stdlib/native/struct_sequence.h"
#include "vm/runtime.h"
#include "vm/text/number_format.h"

namespace minipy {

namespace {

// A list of the strings `items`, made at its final size so that filling it cannot fail (sys.argv, orig_argv).
ListObject* str_list(ThreadState& ts, const std::vector<std::string>& items) {
  ListObject* list = make_list(ts, static_cast<int64_t>(items.size()));
  for (size_t i = 0; i < items.size(); i++) list->items[i] = Value(make_str(ts, items[i]));
  return list;
}

#define SYS_FN(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

SYS_FN(sys_exit) {
  (void)self;
  if (!check_positional_args(ts, "exit", args, kwnames, 0, 1)) return Value();
  Value exc = new_exception(ts, &SystemExit_type, args);
  if (!exc) return exc;
  return raise_value(ts, exc);
}
// displayhook(value): the interactive echo. None prints nothing; anything else is printed as repr() on
// sys.stdout (through `print`, so a replaced sys.stdout gets it) and kept in builtins._ (cleared first, as
// CPython's does, so a failing repr leaves no stale value behind).
SYS_FN(sys_displayhook) {
  (void)self;
  if (!check_positional_args(ts, "displayhook", args, kwnames, 1, 1))
    return Value();
  Value value = args[0];
  if (is_none(value)) return None();
  StrObject* underscore = intern(ts, "_");
  if (!dict_set_str(ts, ts.interp->builtins, underscore, None())) return Value();
  Value text = py_repr(ts, value);
  if (!text) return text;
  Value print_fn = dict_get_str(ts.interp->builtins, intern(ts, "print"));
  if (!print_fn) return raise(ts, RuntimeError_type, "lost builtins.print");
  if (!call(ts, print_fn, std::span<const Value>(&text, 1))) return Value();
  if (!dict_set_str(ts, ts.interp->builtins, underscore, value)) return Value();
  return None();
}
SYS_FN(sys_getrecursionlimit) {
  (void)self;
  (void)args;
  (void)kwnames;
  return make_int(ts, ts.recursion_limit);
}
SYS_FN(sys_setrecursionlimit) {
  (void)self;
  if (!check_positional_args(ts, "setrecursionlimit", args, kwnames, 1, 1))
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
  if (!check_positional_args(ts, "exception", args, kwnames, 0, 0)) return Value();
  Value exc = ts.handled_exception();
  return exc ? exc : None();
}
SYS_FN(sys_exc_info) {
  (void)self;
  if (!check_positional_args(ts, "exc_info", args, kwnames, 0, 0)) return Value();
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

SYS_FN(sys_intern) {
  (void)self;
  if (!check_positional_args(ts, "intern", args, kwnames, 1, 1)) return Value();
  if (type_of(args[0]) != &str_type)
    return raise_fmt(ts, TypeError_type, "intern() argument must be str, not {}", type_of(args[0])->name->view());
  return Value(intern_str(ts, as_str(args[0])));
}
// The bytes an object occupies: its __sizeof__ (object's gives the instance layout), as CPython's, which also
// adds the collector's header for objects it tracks; minipy's header is part of the layout already.
SYS_FN(sys_getsizeof) {
  (void)self;
  if (!check_positional_args(ts, "getsizeof", args, kwnames, 1, 2)) return Value();
  Value size = call_method(ts, args[0], intern(ts, "__sizeof__"), {});
  if (!size) {
    if (args.size() == 2 && exception_matches(ts.current_exception, &TypeError_type)) {
      ts.current_exception = Value();
      return args[1];
    }
    return size;
  }
  if (!is_int(size)) return raise(ts, TypeError_type, "an integer is required");
  return size;
}
// Constant answers: minipy's text is UTF-8 everywhere; audit hooks are not supported, so audit events go nowhere.
SYS_FN(sys_utf8) { return Value(intern(ts, "utf-8")); }
SYS_FN(sys_surrogateescape) { return Value(intern(ts, "surrogateescape")); }
SYS_FN(sys_none) { return None(); }

SYS_FN(sys_false) { return False(); }

// sys.excepthook(type, value, traceback): prints an uncaught exception as the interpreter does. The value carries
// its own traceback, which is the one the interpreter passes.
SYS_FN(sys_excepthook) {
  (void)self;
  if (!check_positional_args(ts, "excepthook", args, kwnames, 3, 3)) return Value();
  // A value that is no exception is reported, not raised: the hook runs where nothing could catch it.
  if (!args[1].is_object() || !is_exception_type(type_of(args[1]))) {
    std::fflush(stdout);
    std::fprintf(stderr, "TypeError: print_exception(): Exception expected for value, %s found\n",
                 std::string(type_of(args[1])->name->view()).c_str());
    return None();
  }
  print_exception(ts, args[1]);
  return None();
}

// sys.get_int_max_str_digits() / sys.set_int_max_str_digits(maxdigits): the int/str conversion limit
// (CVE-2020-10735), 0 for none; the text layer's conversions read it.
SYS_FN(sys_get_int_max_str_digits) {
  if (!check_arg_count(ts, "get_int_max_str_digits", positional_count(args, kwnames), 0, 0)) return Value();
  return make_int(ts, text::current_int_max_str_digits());
}
SYS_FN(sys_set_int_max_str_digits) {
  Value v = positional_count(args, kwnames) > 0 ? args[0] : keyword_arg(ts, args, kwnames, "maxdigits");
  if (!v || args.size() != 1)
    return raise(ts, TypeError_type,
                 args.empty() ? "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)"
                              : "set_int_max_str_digits() takes at most 1 argument");
  int64_t limit;
  if (!index_to_int64(ts, v, &limit)) return Value();
  if (limit != 0 && limit < text::kIntMaxStrDigitsThreshold)
    return raise_fmt(ts, ValueError_type, "maxdigits must be 0 or larger than {}", text::kIntMaxStrDigitsThreshold);
  text::set_current_int_max_str_digits(limit);
  return None();
}

}  // namespace
// Async generator hooks and coroutine origin tracking (vm/objects/async_generator.cpp).
SYS_FN(sys_get_asyncgen_hooks);
SYS_FN(sys_set_asyncgen_hooks);
SYS_FN(sys_get_coroutine_origin_tracking_depth);
// Tracing and profiling hooks (stdlib/native/sys_trace.cpp).
SYS_FN(sys_settrace);
SYS_FN(sys_setprofile);
SYS_FN(sys_gettrace);
SYS_FN(sys_getprofile);
namespace {

const MethodDef sys_functions[] = {
    {"get_asyncgen_hooks", sys_get_asyncgen_hooks},
    {"set_asyncgen_hooks", sys_set_asyncgen_hooks},
    {"get_coroutine_origin_tracking_depth", sys_get_coroutine_origin_tracking_depth},
    {"exit", sys_exit},
    {"displayhook", sys_displayhook},
    {"exc_info", sys_exc_info},
    {"exception", sys_exception},
    {"getrecursionlimit", sys_getrecursionlimit},
    {"setrecursionlimit", sys_setrecursionlimit},
    {"intern", sys_intern},
    {"getsizeof", sys_getsizeof},
    {"getfilesystemencoding", sys_utf8},
    {"getdefaultencoding", sys_utf8},
    {"getfilesystemencodeerrors", sys_surrogateescape},
    {"audit", sys_none},
    {"gettrace", sys_gettrace},
    {"getprofile", sys_getprofile},
    {"settrace", sys_settrace},
    {"setprofile", sys_setprofile},
    {"is_finalizing", sys_false},
    {"get_int_max_str_digits", sys_get_int_max_str_digits},
    {"set_int_max_str_digits", sys_set_int_max_str_digits},
    {"excepthook", sys_excepthook},
};

// A struct-sequence instance of a new type sys.NAME with `fields` named and `values` (CPython's sys.flags,
// float_info, int_info, hash_info, version_info are such tuples; the types of flags and version_info cannot be
// called, `instantiable` false).
Value info_tuple(ThreadState& ts, const char* name, std::span<const char* const> fields,
                 std::span<const Value> values, bool instantiable = true) {
  Value type = make_struct_sequence_type(ts, "sys", name, fields, fields.size(), {}, instantiable);
  return type ? make_struct_sequence(ts, type, values) : type;
}

// The executable's own path (sys.executable), and the prefix two levels above it.
std::string executable_path() {
  char buffer[4096];
  ssize_t n = readlink("/proc/self/exe", buffer, sizeof buffer - 1);
  return n > 0 ? std::string(buffer, static_cast<size_t>(n)) : std::string();
}

// The attributes of sys that describe the build and the platform: what Lib reads to decide how to behave.
void set_platform_info(ThreadState& ts, DictObject* d) {
  auto set = [&](const char* name, Value v) { (void)dict_set_str(ts, d, intern(ts, name), v); };
  auto f = [&](double x) { return make_float(ts, x); };
  auto i = [&](int64_t x) { return make_int(ts, x); };
  static const char* const kFloatFields[] = {"max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp",
                                             "dig", "mant_dig", "epsilon", "radix", "rounds"};
  Value float_values[] = {f(DBL_MAX), i(DBL_MAX_EXP), i(DBL_MAX_10_EXP), f(DBL_MIN), i(DBL_MIN_EXP),
                          i(DBL_MIN_10_EXP), i(DBL_DIG), i(DBL_MANT_DIG), f(DBL_EPSILON), i(FLT_RADIX), i(1)};
  set("float_info", info_tuple(ts, "float_info", kFloatFields, float_values));
  // minipy's ints are GMP numbers; the digit figures are CPython's, which Lib uses for its own limits.
  static const char* const kIntFields[] = {"bits_per_digit", "sizeof_digit", "default_max_str_digits",
                                           "str_digits_check_threshold"};
  Value int_values[] = {i(30), i(4), i(4300), i(640)};
  set("int_info", info_tuple(ts, "int_info", kIntFields, int_values));
  // Hashes are CPython's: numbers modulo 2**61 - 1, str and bytes SipHash-1-3 keyed by PYTHONHASHSEED.
  static const char* const kHashFields[] = {"width", "modulus", "inf", "nan", "imag",
                                            "algorithm", "hash_bits", "seed_bits", "cutoff"};
  Value hash_values[] = {i(64), i(2305843009213693951), i(314159), i(0), i(1000003),
                         Value(intern(ts, "siphash13")), i(64), i(128), i(0)};
  set("hash_info", info_tuple(ts, "hash_info", kHashFields, hash_values));
  static const char* const kVersionFields[] = {"major", "minor", "micro", "releaselevel", "serial"};
  Value version_values[] = {i(3), i(11), i(2), Value(intern(ts, "final")), i(0)};
  set("version_info", info_tuple(ts, "version_info", kVersionFields, version_values, false));
  set("hexversion", i(0x030b02f0));
  set("api_version", i(1013));
  set("maxunicode", i(0x10ffff));
  set("float_repr_style", Value(intern(ts, "short")));
  set("platlibdir", Value(intern(ts, "lib")));
  std::string exe = executable_path();
  set("executable", Value(make_str(ts, exe)));
  std::string prefix = exe.substr(0, exe.rfind('/'));
  prefix = prefix.substr(0, prefix.rfind('/'));
  for (const char* name : {"prefix", "base_prefix", "exec_prefix", "base_exec_prefix"})
    set(name, Value(make_str(ts, prefix)));
  // The native modules, from the one registry table, with the two made with the interpreter; sorted as CPython's.
  std::vector<std::string_view> names = {"builtins", "sys"};
  for (const NativeModule& module : native_modules())
    if (module.name.find('.') == std::string_view::npos) names.push_back(module.name);
  std::sort(names.begin(), names.end());
  std::vector<Value> items;
  for (std::string_view name : names) items.push_back(Value(intern(ts, name)));
  set("builtin_module_names", Value(minipy::make_tuple(ts, items)));
  set("meta_path", Value(make_list(ts, 0)));
  set("path_hooks", Value(make_list(ts, 0)));
  set("path_importer_cache", Value(make_dict(ts)));
  set("warnoptions", Value(make_list(ts, 0)));
  set("_xoptions", Value(make_dict(ts)));
}

// sys.flags from the command line's settings (refreshed once they are parsed).
void set_flags(ThreadState& ts, DictObject* d) {
  const RuntimeConfig& c = ts.interp->config;
  static const char* const kFlagFields[] = {
      "debug",   "inspect",   "interactive",        "optimize", "dont_write_bytecode", "no_user_site",
      "no_site", "ignore_environment", "verbose",   "bytes_warning", "quiet", "hash_randomization", "isolated",
      "dev_mode", "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits"};
  auto i = [&](int64_t x) { return make_int(ts, x); };
  Value values[] = {i(0), i(0), i(0), i(c.optimize), i(c.dont_write_bytecode), i(c.isolated),
                    i(0), i(c.ignore_environment || c.isolated), i(c.verbose), i(c.bytes_warning), i(0),
                    i(hash_randomization_enabled()), i(c.isolated),
                    Bool(c.dev_mode), i(0), i(0), Bool(c.safe_path), i(text::configured_int_max_str_digits())};
  (void)dict_set_str(ts, d, intern(ts, "flags"), info_tuple(ts, "flags", kFlagFields, values, false));
}

}  // namespace

void init_sys(ThreadState& ts) {
  Interpreter& interp = *ts.interp;
  ModuleObject* m = make_module(ts, "sys");
  interp.sys_module = m;
  DictObject* d = m->dict;
  auto set = [&](const char* name, Value v) { dict_set_str_new(ts, d, intern(ts, name), v); };
  for (const MethodDef& def : sys_functions) set(def.name, make_native_function(ts, &def, Value(m), Value(m->name)));
  set("_getframe", make_native_function(ts, sys_getframe_def(ts), Value(m), Value(m->name)));
  add_unraisable_hooks(ts, m);
  add_breakpoint_hooks(ts, m);
  add_runtime_functions(ts, m);
  set("__displayhook__", dict_get_str(d, intern(ts, "displayhook")));
  set("__excepthook__", dict_get_str(d, intern(ts, "excepthook")));
  set("modules", Value(interp.modules));
  ListObject* argv = str_list(ts, interp.config.argv);
  set("argv", Value(argv));
  set("path", Value(make_list(ts, 0)));
  set("dont_write_bytecode", Bool(interp.config.dont_write_bytecode));
  set("pycache_prefix", interp.config.pycache_prefix.empty() ? None() : Value(make_str(ts, interp.config.pycache_prefix)));
  set("maxsize", make_int(ts, INT64_MAX));
  set("byteorder", Value(intern(ts, "little")));
  set("platform", Value(intern(ts, "linux")));
  set("abiflags", Value(intern(ts, "")));  // sysconfig names its _sysconfigdata module with it (Debian's: "")
  // The CPython version whose bytecode and Lib minipy speaks, then minipy's own.
  // Shaped as CPython's "3.11.2 (main, Oct  7 2026, 12:35:07) [GCC 12.2.0]": minipy names itself where
  // CPython names its build branch; the date is minipy's build date.
  set("version", Value(make_str(ts, "3.11.2 (minipy 0.1.0, " __DATE__ ", " __TIME__ ") [GCC " __VERSION__ "]")));
  // What the `copyright` builtin prints: minipy runs CPython's own Lib, so CPython's notice applies as well.
  set("copyright", Value(make_str(ts,
                                  "Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.\n\n"
                                  "Copyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\n"
                                  "Copyright (c) 1995-2001 Corporation for National Research Initiatives.\n"
                                  "All Rights Reserved.\n\n"
                                  "Copyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\n"
                                  "All Rights Reserved.")));
  set_platform_info(ts, d);
  // A types.SimpleNamespace, as CPython's (types.py takes SimpleNamespace from its type).
  Value impl = make_namespace(ts);
  DictObject* impl_dict = static_cast<InstanceObject*>(impl.as_object())->dict;
  dict_set_str_new(ts, impl_dict, intern(ts, "name"), Value(intern(ts, "minipy")));
  dict_set_str_new(ts, impl_dict, intern(ts, "cache_tag"), Value(make_str(ts, interp.config.cache_tag)));
  // Debian's multiarch triplet, as CPython's build records it: sysconfig finds the host's _sysconfigdata by it.
#if defined(__x86_64__)
  dict_set_str_new(ts, impl_dict, intern(ts, "_multiarch"), Value(make_str(ts, "x86_64-linux-gnu")));
#elif defined(__aarch64__)
  dict_set_str_new(ts, impl_dict, intern(ts, "_multiarch"), Value(make_str(ts, "aarch64-linux-gnu")));
#endif
  set("implementation", impl);
  dict_set_str_new(ts, interp.modules, intern(ts, "sys"), Value(m));
  dict_set_str_new(ts, interp.modules, intern(ts, "builtins"), Value(interp.builtins_module));
}

// Re-reads the runtime configuration into sys after the command line has been parsed.
bool set_xoptions(ThreadState& ts, std::span<const std::string> options) {
  DictObject* xoptions = make_dict(ts);
  Value keep(xoptions);
  for (const std::string& option : options) {
    size_t eq = option.find('=');
    // Command-line bytes that are not UTF-8 are surrogate-escaped, as CPython decodes argv.
    Value key = decode_bytes(ts, std::string_view(option).substr(0, eq), "utf-8", "surrogateescape");
    Value value = eq == std::string::npos
                      ? True()
                      : decode_bytes(ts, std::string_view(option).substr(eq + 1), "utf-8", "surrogateescape");
    if (!key || !value || !dict_set(ts, xoptions, key, value)) return false;
  }
  return dict_set_str(ts, ts.interp->sys_module->dict, intern(ts, "_xoptions"), keep);
}

void refresh_sys_config(ThreadState& ts) {
  Interpreter& interp = *ts.interp;
  DictObject* d = interp.sys_module->dict;
  ListObject* argv = str_list(ts, interp.config.argv);
  dict_set_str_new(ts, d, intern(ts, "argv"), Value(argv));
  dict_set_str_new(ts, d, intern(ts, "dont_write_bytecode"), Bool(interp.config.dont_write_bytecode));
  dict_set_str_new(ts, d, intern(ts, "pycache_prefix"),
                   interp.config.pycache_prefix.empty() ? None() : Value(make_str(ts, interp.config.pycache_prefix)));
  auto* impl = static_cast<InstanceObject*>(dict_get_str(d, intern(ts, "implementation")).as_object());
  dict_set_str_new(ts, impl->dict, intern(ts, "cache_tag"), Value(make_str(ts, interp.config.cache_tag)));
  set_flags(ts, d);
  dict_set_str_new(ts, d, intern(ts, "warnoptions"), Value(str_list(ts, interp.config.warnoptions)));
  ListObject* orig_argv = str_list(ts, interp.config.orig_argv);
  dict_set_str_new(ts, d, intern(ts, "orig_argv"), Value(orig_argv));
  if (interp.config.unbuffered) set_standard_streams_unbuffered(ts);
}

// PRINT_EXPR: hands an interactive statement's value to sys.displayhook, as CPython's does.
Value display_interactive_value(ThreadState& ts, Value value) {
  Value hook = dict_get_str(ts.interp->sys_module->dict, intern(ts, "displayhook"));
  if (!hook) return raise(ts, RuntimeError_type, "lost sys.displayhook");
  return call(ts, hook, std::span<const Value>(&value, 1));
}

}  // namespace minipy
