// The native `_warnings` module, CPython's Python/_warnings.c: the filters, the registries and warn() in native
// code, so a warning turned into an error is raised from the caller's line (no frames of Lib's warnings.py in
// the traceback), and native code warns without importing anything.
//
// Lib's warnings.py imports `filters`, `_defaultaction`, `_onceregistry`, `warn`, `warn_explicit` and
// `_filters_mutated` from here and then works on the same objects; as in CPython, once `warnings` is imported
// its module attributes (`filters`, `defaultaction`, `onceregistry`, `_showwarnmsg`) are what this module
// reads, because warnings.catch_warnings rebinds them. A warning is shown through warnings._showwarnmsg when
// Lib's warnings is imported, else printed here as C's show_warning prints it.
// Left out: the source line from `module_globals`' loader (C uses it only when warnings is not imported), and
// `source` objects' allocation tracebacks (tracemalloc does not exist in minipy).
#include "stdlib/native/_warnings.h"

#include <string>

#include "compiler/linetable.h"
#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"
#include "vm/errors/traceback.h"
#include "vm/import/import_internal.h"
#include "vm/objects/abstract.h"

namespace minipy {

namespace {

// What _warnings.c keeps per interpreter: the filters list, the "once" registry, the default action and the
// version that invalidates every __warningregistry__ when the filters change.
struct WarningsState {
  Interpreter* owner = nullptr;
  Value filters;
  Value once_registry;
  Value default_action;
  int64_t filters_version = 0;
};
WarningsState state;

// A filter as _warnings.c's create_filter makes it: (action, None, category, module name or None, 0). The
// module is a plain str, matched by equality (check_matched), not a regex.
Value default_filter(ThreadState& ts, const char* action, Type& category, const char* module) {
  Value items[5] = {Value(make_str(ts, action)), None(), Value(static_cast<Object*>(&category)),
                    module ? Value(make_str(ts, module)) : None(), Value::small_int(0)};
  return Value(make_tuple(ts, items));
}

// The state, made on first use: native code may warn before anything imported _warnings.
WarningsState& warnings_state(ThreadState& ts) {
  if (state.owner == ts.interp) return state;
  state = WarningsState{};
  state.owner = ts.interp;
  // A release build's defaults (init_filters): DeprecationWarning shown in __main__ only, and four categories
  // ignored.
  ListObject* filters = make_list(ts, 0);
  state.filters = Value(filters);
  register_root(ts, &state.filters);
  for (Value f : {default_filter(ts, "default", DeprecationWarning_type, "__main__"),
                  default_filter(ts, "ignore", DeprecationWarning_type, nullptr),
                  default_filter(ts, "ignore", PendingDeprecationWarning_type, nullptr),
                  default_filter(ts, "ignore", ImportWarning_type, nullptr),
                  default_filter(ts, "ignore", ResourceWarning_type, nullptr)})
    (void)list_append(ts, filters, f);  // a fresh list: cannot fail
  state.once_registry = Value(make_dict(ts));
  register_root(ts, &state.once_registry);
  state.default_action = Value(make_str(ts, "default"));
  register_root(ts, &state.default_action);
  state.filters_version = 1;
  return state;
}

// Lib's warnings module when it has been imported (GET_WARNINGS_ATTR with try_import false), else null.
Value imported_warnings_module(ThreadState& ts) {
  return dict_get_str(ts.interp->modules, intern(ts, "warnings"));
}

// warnings.NAME if warnings is imported and has it (it then replaces this module's own object, as
// GET_WARNINGS_ATTR does); else the state's `fallback`. Null with an exception pending on error.
Value current_setting(ThreadState& ts, const char* name, Value* fallback) {
  Value module = imported_warnings_module(ts);
  if (!module) return *fallback;
  Value v = get_attr_optional(ts, module, intern(ts, name));
  if (!v) return ts.current_exception ? Value() : *fallback;
  *fallback = v;
  return v;
}

// check_matched: None matches everything, an exact str must equal the text, anything else is a regex whose
// match() decides. 1, 0, or -1 with an exception pending.
int filter_matches(ThreadState& ts, Value pattern, Value text) {
  if (is_none(pattern)) return 1;
  if (is_str(pattern) && type_of(pattern) == &str_type) {
    if (!is_str(text)) return 0;
    return str_equal(as_str(pattern), as_str(text)) ? 1 : 0;
  }
  Value result = call_method(ts, pattern, intern(ts, "match"), {&text, 1});
  return result ? py_truth(ts, result) : -1;
}

// get_filter: the action of the first filter matching the warning (and that filter in *item), else the
// default action with *item None. Null with an exception pending (a malformed filters list, a failing match).
Value filter_action(ThreadState& ts, Value category, Value text, int64_t lineno, Value module, Value* item) {
  WarningsState& st = warnings_state(ts);
  Value filters = current_setting(ts, "filters", &st.filters);
  if (!filters) return Value();
  if (!is_list(filters))
    return raise(ts, ValueError_type, "_warnings.filters must be a list");
  auto* list = static_cast<ListObject*>(filters.as_object());
  for (int64_t i = 0; i < list->size; i++) {  // by index: a match() may change the list
    Value filter = list->items[i];
    auto* t = static_cast<TupleObject*>(filter.as_object());
    if (!is_tuple(filter) || t->size != 5)
      return raise_fmt(ts, ValueError_type, "_warnings.filters item {} isn't a 5-tuple", i);
    Value action = t->items[0];
    if (!is_str(action))
      return raise_fmt(ts, TypeError_type, "action must be a string, not '{}'", type_name(action));
    int good_message = filter_matches(ts, t->items[1], text);
    if (good_message < 0) return Value();
    int good_module = filter_matches(ts, t->items[3], module);
    if (good_module < 0) return Value();
    int is_subclass = 0;
    if (!minipy::is_subclass(ts, category, t->items[2], &is_subclass)) return Value();
    int64_t filter_line = 0;
    if (!index_to_int64(ts, t->items[4], &filter_line)) return Value();
    if (good_message && is_subclass && good_module && (filter_line == 0 || filter_line == lineno)) {
      *item = filter;
      return action;
    }
  }
  Value action = current_setting(ts, "defaultaction", &st.default_action);
  if (action && !is_str(action))
    return raise_fmt(ts, TypeError_type, "_warnings.defaultaction must be a string, not '{}'", type_name(action));
  *item = None();
  return action;
}

// already_warned: whether `key` is in `registry` (a dict) with a true value. A registry filled under other
// filters is cleared first (its "version" entry is stale). With `set`, the key is recorded. 1, 0, -1 on error.
int already_warned(ThreadState& ts, DictObject* registry, Value key, bool set) {
  WarningsState& st = warnings_state(ts);
  Value version = dict_get_str(registry, intern(ts, "version"));
  int64_t seen = -1;
  if (!version || type_of(version) != &int_type || !int_to_int64(version, &seen) || seen != st.filters_version) {
    dict_clear(ts, registry);
    if (!dict_set(ts, registry, Value(intern(ts, "version")), make_int(ts, st.filters_version))) return -1;
  } else {
    Value warned = dict_get(ts, registry, key);
    if (!warned && ts.current_exception) return -1;
    if (warned) {
      int truth = py_truth(ts, warned);
      if (truth != 0) return truth;
    }
  }
  if (set && !dict_set(ts, registry, key, True())) return -1;
  return 0;
}

// registry[(text, category)] = True unless already there (the "once" and "module" actions).
int update_registry(ThreadState& ts, DictObject* registry, Value text, Value category) {
  Value items[2] = {text, category};
  return already_warned(ts, registry, Value(make_tuple(ts, items)), true);
}

// C's show_warning, for when Lib's warnings is not imported: "FILE:LINE: CATEGORY: TEXT" and the source line
// on sys.stderr.
bool show_warning_directly(ThreadState& ts, Value filename, int64_t lineno, Value text, Value category) {
  Value name = get_attr(ts, category, intern(ts, "__name__"));
  Value file_text = name ? py_str(ts, filename) : Value();
  Value message_text = file_text ? py_str(ts, text) : Value();
  Value category_text = message_text ? py_str(ts, name) : Value();
  if (!category_text) return false;
  std::string out = std::string(as_str(file_text)->view()) + ":" + std::to_string(lineno) + ": " +
                    std::string(as_str(category_text)->view()) + ": " + std::string(as_str(message_text)->view()) +
                    "\n";
  std::string line = source_line_text(std::string(as_str(file_text)->view()), static_cast<int>(lineno));
  if (!line.empty()) out += "  " + line + "\n";
  write_sys_stderr(ts, out, false);
  return true;
}

// call_show_warning: warnings._showwarnmsg(warnings.WarningMessage(message, category, filename, lineno, None,
// None, source)) when warnings is imported (and always when there is a `source`, which only its Python code
// can trace), else the direct print.
bool show_warning(ThreadState& ts, Value message, Value category, Value text, Value filename, int64_t lineno,
                  Value source) {
  Value module = imported_warnings_module(ts);
  if (!module && source && !is_none(source)) {
    module = find_and_load(ts, "warnings");
    if (!module) return false;
  }
  if (!module) return show_warning_directly(ts, filename, lineno, text, category);
  Value show = get_attr_optional(ts, module, intern(ts, "_showwarnmsg"));
  if (!show) return ts.current_exception ? false : show_warning_directly(ts, filename, lineno, text, category);
  if (!type_of(show)->call) return raise(ts, TypeError_type, "warnings._showwarnmsg() must be set to a callable"), false;
  Value message_class = get_attr_optional(ts, module, intern(ts, "WarningMessage"));
  if (!message_class) {
    if (!ts.current_exception) (void)raise(ts, RuntimeError_type, "unable to get warnings.WarningMessage");
    return false;
  }
  Value args[7] = {message, category, filename, make_int(ts, lineno), None(), None(), source ? source : None()};
  Value record = call(ts, message_class, args);
  return record && call(ts, show, {&record, 1});
}

// warn_explicit (the C function): filters and registries decide whether `message` (a Warning instance or its
// text) about FILENAME:LINENO in `module` is raised, shown or ignored. `registry` is a dict, None or null.
bool warn_with_filters(ThreadState& ts, Value category, Value message, Value filename, int64_t lineno, Value module,
                       Value registry, Value source) {
  // A module of None: a warning late in shutdown, when the filters may be gone; CPython ignores it.
  if (module && is_none(module)) return true;
  if (registry && !is_none(registry) && !is_dict(registry))
    return raise(ts, TypeError_type, "'registry' must be a dict or None"), false;
  DictObject* registry_dict =
      registry && !is_none(registry) ? static_cast<DictObject*>(registry.as_object()) : nullptr;
  if (!module) {
    // normalize_module: the file name without ".py", "<unknown>" for an empty one.
    std::string_view name = as_str(filename)->view();
    if (name.empty()) module = Value(make_str(ts, "<unknown>"));
    else if (name.ends_with(".py")) module = Value(make_str(ts, name.substr(0, name.size() - 3)));
    else module = filename;
  }
  Value text = message;
  int is_warning = real_isinstance(ts, message, Value(static_cast<Object*>(&Warning_type)));
  if (is_warning < 0) return false;
  if (is_warning) {
    text = py_str(ts, message);
    if (!text) return false;
    category = Value(type_of(message));
  } else {
    message = call(ts, category, {&message, 1});
    if (!message) return false;
  }
  Value key_items[3] = {text, category, make_int(ts, lineno)};
  Value key = Value(make_tuple(ts, key_items));
  if (registry_dict) {
    int warned = already_warned(ts, registry_dict, key, false);
    if (warned != 0) return warned > 0;
  }
  Value item;
  Value action = filter_action(ts, category, text, lineno, module, &item);
  if (!action) return false;
  std::string_view act = as_str(action)->view();
  if (act == "error") return raise_value(ts, message), false;
  if (act == "ignore") return true;
  int shown_before = 0;
  if (act != "always") {
    if (registry_dict && !dict_set(ts, registry_dict, key, True())) return false;
    if (act == "once") {
      WarningsState& st = warnings_state(ts);
      Value once = registry_dict ? Value(registry_dict) : current_setting(ts, "onceregistry", &st.once_registry);
      if (!once) return false;
      if (!is_dict(once))
        return raise_fmt(ts, TypeError_type, "_warnings.onceregistry must be a dict, not '{}'", type_name(once)),
               false;
      shown_before = update_registry(ts, static_cast<DictObject*>(once.as_object()), text, category);
    } else if (act == "module") {
      if (registry_dict) shown_before = update_registry(ts, registry_dict, text, category);
    } else if (act != "default") {
      Value action_repr = py_repr(ts, action);
      Value item_repr = action_repr ? py_repr(ts, item) : Value();
      if (!item_repr) return false;
      return raise_fmt(ts, RuntimeError_type, "Unrecognized action ({}) in warnings.filters:\n {}",
                       as_str(action_repr)->view(), as_str(item_repr)->view()),
             false;
    }
  }
  if (shown_before < 0) return false;
  if (shown_before > 0) return true;
  return show_warning(ts, message, category, text, filename, lineno, source);
}

// Frames of importlib's bootstrap are skipped when counting stack levels, as is_internal_frame does.
bool is_internal_frame(const Frame* frame) {
  if (!frame) return false;
  std::string_view filename = frame->code->filename->view();
  return filename.find("importlib") != std::string_view::npos && filename.find("_bootstrap") != std::string_view::npos;
}

// setup_context + do_warn: the frame `stacklevel` levels up from the Python code that called (1: that code
// itself) names the file, line, module and registry.
bool warn_from_stack(ThreadState& ts, Value message, Value category, int64_t stacklevel, Value source) {
  Frame* f = ts.current_frame;
  if (stacklevel <= 0 || is_internal_frame(f)) {
    while (--stacklevel > 0 && f) f = f->previous;
  } else {
    while (--stacklevel > 0 && f) {
      do f = f->previous;
      while (f && is_internal_frame(f));
    }
  }
  DictObject* globals;
  Value filename;
  int64_t lineno;
  if (!f) {
    globals = ts.interp->sys_module->dict;
    filename = Value(make_str(ts, "sys"));
    lineno = 1;
  } else {
    globals = f->globals;
    filename = Value(f->code->filename);
    lineno = location_at(f->code->src().linetable, f->code->firstlineno, f->lasti()).lineno;
  }
  StrObject* registry_name = intern(ts, "__warningregistry__");
  Value registry = dict_get_str(globals, registry_name);
  if (!registry) {
    registry = Value(make_dict(ts));
    if (!dict_set(ts, globals, Value(registry_name), registry)) return false;
  }
  Value module = dict_get_str(globals, intern(ts, "__name__"));
  if (!module || !(is_none(module) || is_str(module))) module = Value(make_str(ts, "<string>"));
  return warn_with_filters(ts, category, message, filename, lineno, module, registry, source);
}

// get_category: a Warning instance's own class, else `category` (None: UserWarning), which must be a Warning
// subclass.
Value warning_category(ThreadState& ts, Value message, Value category) {
  int is_warning = real_isinstance(ts, message, Value(static_cast<Object*>(&Warning_type)));
  if (is_warning < 0) return Value();
  if (is_warning) return Value(type_of(message));
  if (!category || is_none(category)) return Value(static_cast<Object*>(&UserWarning_type));
  int ok = 0;
  // Not a class at all is the same TypeError as a class that is not a Warning (the check's own error is dropped).
  if (!is_subclass(ts, category, Value(static_cast<Object*>(&Warning_type)), &ok)) ts.current_exception = Value();
  if (ok != 1)
    return raise_fmt(ts, TypeError_type, "category must be a Warning subclass, not '{}'", type_name(category));
  return category;
}

// warn(message, category=None, stacklevel=1, source=None)
NATIVE_FN(warnings_warn) {
  (void)self;
  Value a[4];
  if (!native::parse_args(ts, "warn", args, kwnames, {"message", "category", "stacklevel", "source"}, 1, 0, a))
    return Value();
  int64_t stacklevel = 1;
  if (a[2] && !index_to_int64(ts, a[2], &stacklevel)) return Value();
  Value category = warning_category(ts, a[0], a[1]);
  if (!category || !warn_from_stack(ts, a[0], category, stacklevel, a[3])) return Value();
  return None();
}

// warn_explicit(message, category, filename, lineno, module=None, registry=None, module_globals=None,
// source=None)
NATIVE_FN(warnings_warn_explicit) {
  (void)self;
  Value a[8];
  if (!native::parse_args(ts, "warn_explicit", args, kwnames,
                          {"message", "category", "filename", "lineno", "module", "registry", "module_globals",
                           "source"},
                          4, 0, a))
    return Value();
  if (!is_str(a[2]))
    return raise_fmt(ts, TypeError_type, "warn_explicit() argument 3 must be str, not {}", type_name(a[2]));
  int64_t lineno = 0;
  if (!index_to_int64(ts, a[3], &lineno)) return Value();
  Value globals = a[6];
  if (globals && !is_none(globals) && !is_dict(globals))
    return raise_fmt(ts, TypeError_type, "module_globals must be a dict, not '{}'", type_name(globals));
  if (!warn_with_filters(ts, a[1], a[0], a[2], lineno, a[4], a[5] ? a[5] : None(), a[7])) return Value();
  return None();
}

// _filters_mutated(): every registry filled so far is stale.
NATIVE_FN(warnings_filters_mutated) {
  (void)self;
  if (!check_positional_args(ts, "_filters_mutated", args, kwnames, 0, 0)) return Value();
  warnings_state(ts).filters_version++;
  return None();
}

const MethodDef kWarningsFunctions[] = {
    {"warn", warnings_warn},
    {"warn_explicit", warnings_warn_explicit},
    {"_filters_mutated", warnings_filters_mutated},
};

}  // namespace

bool warn(ThreadState& ts, Type& category, std::string_view message, int stacklevel) {
  Value text = Value(make_str(ts, message));
  return warn_from_stack(ts, text, Value(static_cast<Object*>(&category)), stacklevel, Value());
}

bool warn_explicit(ThreadState& ts, Type& category, std::string_view message, std::string_view filename,
                   int lineno) {
  return warn_with_filters(ts, Value(static_cast<Object*>(&category)), Value(make_str(ts, message)),
                           Value(make_str(ts, filename)), lineno, Value(), Value(), Value());
}

ModuleObject* create_warnings_module(ThreadState& ts) {
  ModuleObject* m = make_module(ts, "_warnings");
  add_module_functions(ts, m, kWarningsFunctions);
  WarningsState& st = warnings_state(ts);
  dict_set_str_new(ts, m->dict, intern(ts, "filters"), st.filters);
  dict_set_str_new(ts, m->dict, intern(ts, "_defaultaction"), st.default_action);
  dict_set_str_new(ts, m->dict, intern(ts, "_onceregistry"), st.once_registry);
  return m;
}

}  // namespace minipy
