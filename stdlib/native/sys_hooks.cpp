// The hooks of sys that builtins and the VM call through: breakpointhook (what breakpoint() runs) and
// unraisablehook.
//
// sys.unraisablehook and sys.__unraisablehook__: where an exception nobody can catch goes (a failing __del__, a
// weakref callback, a generator's close at collection, an atexit callback), as CPython's
// _PyErr_WriteUnraisableMsg. A hook set by the program receives an UnraisableHookArgs struct sequence
// (exc_type, exc_value, exc_traceback, err_msg, object); the default one prints "Exception ignored in: ..." and the
// traceback on stderr. When the program's hook itself fails, that failure is what gets printed, with
// "Exception ignored in sys.unraisablehook: <hook>", and the original exception is dropped, as in CPython.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "stdlib/native/native_support.h"
#include "stdlib/native/struct_sequence.h"
#include "stdlib/native/sys.h"
#include "vm/import/import_internal.h"

namespace minipy {

namespace {

constexpr const char* kArgFields[] = {"exc_type", "exc_value", "exc_traceback", "err_msg", "object"};

Value field(ThreadState& ts, Value args, const char* name) { return get_attr(ts, args, intern(ts, name)); }

// sys.__unraisablehook__(unraisable): the default report, from the struct's fields.
NATIVE_FN(default_unraisablehook) {
  (void)self;
  if (!check_positional_args(ts, "unraisablehook", args, kwnames, 1, 1)) return Value();
  Value exc = field(ts, args[0], "exc_value");
  Value err_msg = exc ? field(ts, args[0], "err_msg") : Value();
  Value object = err_msg ? field(ts, args[0], "object") : Value();
  if (!object) return object;
  print_unraisable(ts, exc, object, err_msg);
  return None();
}

const MethodDef kDefaultHookDef = {"unraisablehook", default_unraisablehook};

// The UnraisableHookArgs type: the default hook's function object carries it (as its bound self), so it lives as
// long as sys.__unraisablehook__ does; a program that deleted that gets a fresh type.
Value hook_args_type(ThreadState& ts) {
  Value saved = dict_get_str(ts.interp->sys_module->dict, intern(ts, "__unraisablehook__"));
  if (saved.is_object() && type_of(saved) == &native_function_type) {
    auto* fn = static_cast<NativeFunctionObject*>(saved.as_object());
    if (fn->def == &kDefaultHookDef) return fn->self;
  }
  return make_struct_sequence_type(ts, "builtins", "UnraisableHookArgs", kArgFields, 5);
}

bool is_default_hook(Value hook) {
  return type_of(hook) == &native_function_type &&
         static_cast<NativeFunctionObject*>(hook.as_object())->def == &kDefaultHookDef;
}

// sys.breakpointhook(*args, **kws), CPython's default: $PYTHONBREAKPOINT names the callable ("module.attr", or a
// builtin's name; unset or empty: pdb.set_trace; "0": breakpoints are off). An unimportable name warns and does
// nothing. -E and -I ignore the variable, as CPython's Py_GETENV.
NATIVE_FN(default_breakpointhook) {
  (void)self;
  const RuntimeConfig& config = ts.interp->config;
  const char* variable = config.ignore_environment || config.isolated ? nullptr : std::getenv("PYTHONBREAKPOINT");
  std::string target = variable && *variable ? variable : "pdb.set_trace";
  if (target == "0") return None();
  size_t dot = target.rfind('.');
  Value hook;
  if (dot != 0) {
    std::string module_name = dot == std::string::npos ? "builtins" : target.substr(0, dot);
    std::string attribute = dot == std::string::npos ? target : target.substr(dot + 1);
    Value module = find_and_load(ts, module_name);
    if (module) hook = get_attr(ts, module, intern(ts, attribute));
    if (hook) return call(ts, hook, args, kwnames);
    bool unimportable = exception_matches(ts.current_exception, &ImportError_type) ||
                        exception_matches(ts.current_exception, &AttributeError_type);
    if (!unimportable) return Value();
  }
  ts.current_exception = Value();
  Value warnings = find_and_load(ts, "warnings");
  Value warn = warnings ? get_attr(ts, warnings, intern(ts, "warn")) : Value();
  if (!warn) return warn;
  Value warn_args[2] = {Value(make_str(ts, "Ignoring unimportable $PYTHONBREAKPOINT: \"" + target + "\"")),
                        Value(&RuntimeWarning_type)};
  if (!call(ts, warn, warn_args)) return Value();
  return None();
}

const MethodDef kDefaultBreakpointHookDef = {"breakpointhook", default_breakpointhook};

}  // namespace

void add_breakpoint_hooks(ThreadState& ts, ModuleObject* sys) {
  Value hook = make_native_function(ts, &kDefaultBreakpointHookDef, Value(sys), Value(sys->name));
  dict_set_str_new(ts, sys->dict, intern(ts, "breakpointhook"), hook);
  dict_set_str_new(ts, sys->dict, intern(ts, "__breakpointhook__"), hook);
}

void add_unraisable_hooks(ThreadState& ts, ModuleObject* sys) {
  Value type = make_struct_sequence_type(ts, "builtins", "UnraisableHookArgs", kArgFields, 5);
  Value hook = make_native_function(ts, &kDefaultHookDef, type, Value(sys->name));
  dict_set_str_new(ts, sys->dict, intern(ts, "unraisablehook"), hook);
  dict_set_str_new(ts, sys->dict, intern(ts, "__unraisablehook__"), hook);
}

bool call_unraisable_hook(ThreadState& ts, Value exc, Value obj, Value err_msg) {
  ModuleObject* sys = ts.interp->sys_module;
  Value hook = sys ? dict_get_str(sys->dict, intern(ts, "unraisablehook")) : Value();
  if (!hook || is_none(hook) || is_default_hook(hook)) return false;
  Value type = hook_args_type(ts);
  if (!type) {
    ts.current_exception = Value();
    return false;
  }
  auto* e = static_cast<ExceptionObject*>(exc.as_object());
  Value values[5] = {Value(type_of(exc)), exc, e->traceback ? e->traceback : None(), err_msg ? err_msg : None(),
                     obj ? obj : None()};
  Value hook_args = make_struct_sequence(ts, type, values);
  if (hook_args && call(ts, hook, std::span<const Value>(&hook_args, 1))) return true;
  // The hook failed: its own exception is reported, against the hook, by the default route.
  Value failure = ts.current_exception;
  ts.current_exception = Value();
  if (failure) print_unraisable(ts, failure, hook, Value(intern(ts, "Exception ignored in sys.unraisablehook")));
  return true;
}

}  // namespace minipy
