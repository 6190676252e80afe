// The native `_imp` module (CPython's Python/import.c): the few functions Lib and CPython's test support call
// outside importlib's bootstrap — source_hash, is_builtin, is_frozen, extension_suffixes, the import lock and the
// test hook _override_frozen_modules_for_tests. minipy's import system is native (vm/import/), so the loader
// entry points importlib._bootstrap uses are reduced to create_builtin/exec_builtin (for Lib's _bootstrap, which
// minipy runs as a library module: see importlib.cpp); exec_dynamic, get_frozen_object and the rest are left out:
// minipy has no frozen modules and loads no extension modules.

#include "cache/source_hash.h"
#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"
#include "stdlib/native/registry.h"
#include "vm/import/import_internal.h"

namespace minipy {

namespace {

#define IMP_FN(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

int lock_depth = 0;  // the import lock's recursion count (one thread)

// source_hash(key, source): SipHash-1-3 of `source` keyed with (key, 0), little-endian, as CPython computes it.
IMP_FN(imp_source_hash) {
  (void)self;
  static const char* const names[] = {"key", "source"};
  Value a[2];
  if (!native::parse_args(ts, "source_hash", args, kwnames, names, 2, 0, a)) return Value();
  int64_t key;
  if (!index_to_int64(ts, a[0], &key)) return Value();
  std::string_view data;
  if (!native::bytes_like(ts, a[1], &data)) return Value();
  uint64_t hash = siphash13(static_cast<uint64_t>(key), 0,
                            {reinterpret_cast<const uint8_t*>(data.data()), data.size()});
  char bytes[8];
  for (int i = 0; i < 8; i++) bytes[i] = static_cast<char>(hash >> (8 * i));
  return make_bytes(ts, std::string_view(bytes, 8));
}

// is_builtin(name): 1 for a module of the native registry (CPython: -1 for sys/builtins, which cannot be
// re-initialised), else 0.
IMP_FN(imp_is_builtin) {
  (void)self;
  if (!native::one_arg(ts, "is_builtin", args, kwnames)) return Value();
  if (!is_str(args[0])) return raise_fmt(ts, TypeError_type, "is_builtin() argument must be str, not {}", type_name(args[0]));
  std::string_view name = as_str(args[0])->view();
  if (name == "sys" || name == "builtins") return make_int(ts, -1);
  return make_int(ts, find_native_module(name) ? 1 : 0);
}

// create_builtin(spec): the native module spec.name names, as the import statement would give it (the one already
// in sys.modules, else a fresh one from the registry).
IMP_FN(imp_create_builtin) {
  (void)self;
  if (!native::one_arg(ts, "create_builtin", args, kwnames)) return Value();
  Value name = get_attr(ts, args[0], intern(ts, "name"));
  if (!name) return name;
  if (!is_str(name)) return raise_fmt(ts, TypeError_type, "name must be string, not {}", type_name(name));
  std::string text(as_str(name)->view());
  if (!find_native_module(text) && text != "sys" && text != "builtins")
    return raise_fmt(ts, ImportError_type, "no built-in module named {}", text);
  return find_and_load(ts, text);
}

// exec_builtin(module): native modules are complete once created (single-phase initialisation), so 0.
IMP_FN(imp_exec_builtin) {
  (void)self;
  if (!native::one_arg(ts, "exec_builtin", args, kwnames)) return Value();
  return Value::small_int(0);
}

IMP_FN(imp_is_frozen) {
  (void)self;
  if (!native::one_arg(ts, "is_frozen", args, kwnames)) return Value();
  return False();
}

IMP_FN(imp_extension_suffixes) {
  (void)self;
  if (!native::no_args(ts, "extension_suffixes", args, kwnames)) return Value();
  return Value(make_list(ts, 0));
}

IMP_FN(imp_acquire_lock) {
  (void)self;
  if (!native::no_args(ts, "acquire_lock", args, kwnames)) return Value();
  lock_depth++;
  return None();
}
IMP_FN(imp_release_lock) {
  (void)self;
  if (!native::no_args(ts, "release_lock", args, kwnames)) return Value();
  if (lock_depth == 0) return raise(ts, RuntimeError_type, "not holding the import lock");
  lock_depth--;
  return None();
}
IMP_FN(imp_lock_held) {
  (void)self;
  if (!native::no_args(ts, "lock_held", args, kwnames)) return Value();
  return Bool(lock_depth > 0);
}

// _override_frozen_modules_for_tests(override): test.support's switch between frozen and source stdlib
// modules; nothing is frozen here.
IMP_FN(imp_override_frozen) {
  (void)self;
  if (!native::one_arg(ts, "_override_frozen_modules_for_tests", args, kwnames)) return Value();
  return None();
}

#undef IMP_FN

const MethodDef kImpFunctions[] = {
    {"source_hash", imp_source_hash},
    {"is_builtin", imp_is_builtin},
    {"is_frozen", imp_is_frozen},
    {"create_builtin", imp_create_builtin},
    {"exec_builtin", imp_exec_builtin},
    {"extension_suffixes", imp_extension_suffixes},
    {"acquire_lock", imp_acquire_lock},
    {"release_lock", imp_release_lock},
    {"lock_held", imp_lock_held},
    {"_override_frozen_modules_for_tests", imp_override_frozen},
};

}  // namespace

ModuleObject* create_imp_module(ThreadState& ts) {
  ModuleObject* m = make_module(ts, "_imp");
  add_module_functions(ts, m, kImpFunctions);
  add_module_value(ts, m, "check_hash_based_pycs", Value(make_str(ts, "default")));
  return m;
}

}  // namespace minipy
