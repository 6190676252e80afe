// The import statement. Issue #3 grows this into the full path finder with the bytecode cache; for now it
// serves the modules built into the interpreter (sys, builtins) and modules already in sys.modules.
#include "vm/runtime.h"

namespace minipy {

Value import_name(ThreadState& ts, Frame*, Value name, Value fromlist, Value level) {
  (void)fromlist;
  int64_t lvl = 0;
  if (level.is_small_int()) lvl = level.as_small_int();
  StrObject* n = as_str(name);
  if (lvl > 0) return raise(ts, ImportError_type, "attempted relative import with no known parent package");
  Value m = dict_get_str(ts.interp->modules, n);
  if (m) return m;
  Value exc_args[1] = {Value(make_str(ts, fmt::format("No module named '{}'", n->view())))};
  Value exc = new_exception(ts, &ModuleNotFoundError_type, exc_args);
  if (!exc) return exc;
  return raise_value(ts, exc);
}

Value import_from(ThreadState& ts, Value module, StrObject* name) {
  Value v = get_attr_optional(ts, module, name);
  if (v || ts.current_exception) return v;
  Value mname = get_attr_optional(ts, module, ts.interp->names.name);
  return raise_fmt(ts, ImportError_type, "cannot import name '{}' from '{}' (unknown location)", name->view(),
                   mname && is_str(mname) ? as_str(mname)->view() : "?");
}

bool import_star(ThreadState& ts, Frame* frame, Value module) {
  if (type_of(module) != &module_type || !is_dict(frame->locals)) {
    raise(ts, ImportError_type, "import * only allowed at module level");
    return false;
  }
  auto* m = static_cast<ModuleObject*>(module.as_object());
  auto* target = static_cast<DictObject*>(frame->locals.as_object());
  int64_t pos = 0;
  Value k, v;
  while (dict_next(m->dict, &pos, &k, &v)) {
    if (is_str(k) && as_str(k)->size > 0 && as_str(k)->data[0] == '_') continue;
    if (!dict_set(ts, target, k, v)) return false;
  }
  return true;
}

Value builtin_import(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  size_t n = positional_count(args, kwnames);
  if (n < 1) return raise(ts, TypeError_type, "__import__() missing required argument 'name' (pos 1)");
  if (!is_str(args[0])) return raise(ts, TypeError_type, "__import__() argument 1 must be str");
  return import_name(ts, ts.current_frame, args[0], None(), n > 4 ? args[4] : Value::small_int(0));
}

}  // namespace minipy
