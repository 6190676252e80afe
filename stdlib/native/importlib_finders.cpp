// The finders of CPython's sys.meta_path — _frozen_importlib.BuiltinImporter, _frozen_importlib.FrozenImporter
// and _frozen_importlib_external.PathFinder — as native classes whose find_spec answers from the functions the
// import statement itself uses (the native module registry, vm/import's find_in_path and spec_for_found), so
// importlib.util.find_spec always agrees with `import`. Also the machinery both share: CPython's _find_spec walk
// over sys.meta_path, module_from_spec, and the loading of a module a program's own finder found.
//
// Why native rather than Lib's classes: sys.meta_path is filled at start-up, and loading Lib's _bootstrap and
// _bootstrap_external (about 2,500 lines) there would cost every run far more than minipy's 1 ms start-up
// budget. The import statement keeps its native search while sys.meta_path holds only these three; a finder a
// program adds is asked in sys.meta_path order (see import_with_program_finders).
//
// Left out: FrozenImporter finds nothing (minipy freezes no module, where CPython 3.11 freezes os, codecs, runpy
// and a few more); PathFinder ignores sys.path_hooks and sys.path_importer_cache (the native FileFinder logic
// reads directories itself), and find_spec's `target` argument is ignored, as CPython's own finders do.
#include "cache/pyc.h"
#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"
#include "stdlib/native/registry.h"
#include "vm/import/import.h"
#include "vm/import/import_internal.h"

namespace minipy {

namespace {

Type builtin_importer_type, frozen_importer_type, path_finder_type;

#define FINDER_FN(name) Value name(ThreadState& ts, Value cls, std::span<const Value> args, TupleObject* kwnames)

Value attr_or_null(ThreadState& ts, Value obj, const char* name) {
  return get_attr_optional(ts, obj, intern(ts, name));
}

// The (fullname, path=None, target=None) arguments of find_spec; false with TypeError pending.
bool find_spec_args(ThreadState& ts, std::span<const Value> args, TupleObject* kwnames, Value* fullname,
                    Value* path) {
  static const char* const names[] = {"fullname", "path", "target"};
  Value out[3];
  if (!native::parse_args(ts, "find_spec", args, kwnames, names, 1, 0, out, 3)) return false;
  *fullname = out[0];
  *path = out[1] ? out[1] : None();
  if (!is_str(*fullname)) return raise(ts, TypeError_type, "find_spec() argument 'fullname' must be str"), false;
  return true;
}

std::string_view parent_of(std::string_view name) {
  size_t dot = name.rfind('.');
  return name.substr(0, dot == std::string_view::npos ? 0 : dot);
}

// BuiltinImporter.find_spec: a spec with origin 'built-in' for a native module (those have no `path`).
FINDER_FN(builtin_find_spec) {
  Value fullname, path;
  if (!find_spec_args(ts, args, kwnames, &fullname, &path)) return Value();
  std::string_view name = as_str(fullname)->view();
  if (!is_none(path) || !find_native_module(name)) return None();
  Value spec = make_spec(ts, name, Value(&builtin_importer_type), parent_of(name));
  if (!spec || !set_attr(ts, spec, intern(ts, "origin"), Value(make_str(ts, "built-in")))) return Value();
  return spec;
}

// BuiltinImporter.create_module(spec): the native module itself, through _imp.create_builtin as in CPython.
FINDER_FN(builtin_create_module) {
  if (!exact_args(ts, "create_module", args, kwnames, 1, 1)) return Value();
  Value imp = find_and_load(ts, "_imp");
  Value create = imp ? attr_or_null(ts, imp, "create_builtin") : Value();
  return create ? call(ts, create, args) : (ts.current_exception ? Value() : None());
}

// The methods that answer "nothing here" for modules without code or source (native and frozen ones).
FINDER_FN(answer_none) { return None(); }
FINDER_FN(answer_false) { return False(); }

// FrozenImporter.find_spec: minipy freezes no module.
FINDER_FN(frozen_find_spec) {
  Value fullname, path;
  if (!find_spec_args(ts, args, kwnames, &fullname, &path)) return Value();
  return None();
}

// PathFinder.find_spec(fullname, path=None): searches `path` (a package's __path__), else sys.path, with the
// import statement's finder, and describes the result with the import statement's spec and loader.
FINDER_FN(path_find_spec) {
  Value fullname, path;
  if (!find_spec_args(ts, args, kwnames, &fullname, &path)) return Value();
  if (is_none(path)) path = dict_get_str(ts.interp->sys_module->dict, intern(ts, "path"));
  std::vector<std::string> entries;
  if (path && !string_items(ts, path, &entries)) return Value();
  std::string name(as_str(fullname)->view());
  FoundModule found = find_in_path(ts, name, entries);
  if (found.kind == FoundModule::Kind::None) return None();
  Value path_list;
  std::string cached;
  return spec_for_found(ts, name, found, &path_list, &cached);
}

// PathFinder.find_distributions(context=...): importlib.metadata's MetadataPathFinder answers, as in CPython.
FINDER_FN(path_find_distributions) {
  Value metadata = find_and_load(ts, "importlib.metadata");
  Value finder = metadata ? attr_or_null(ts, metadata, "MetadataPathFinder") : Value();
  Value method = finder ? attr_or_null(ts, finder, "find_distributions") : Value();
  if (!method) return ts.current_exception ? Value() : raise(ts, AttributeError_type, "find_distributions");
  return call(ts, method, args, kwnames);
}

const MethodDef builtin_methods[] = {
    {"find_spec", builtin_find_spec, kMethodClass},   {"create_module", builtin_create_module, kMethodStatic},
    {"exec_module", answer_none, kMethodStatic},      {"get_code", answer_none, kMethodClass},
    {"get_source", answer_none, kMethodClass},        {"is_package", answer_false, kMethodClass},
    {"invalidate_caches", answer_none, kMethodStatic},
};
const MethodDef frozen_methods[] = {
    {"find_spec", frozen_find_spec, kMethodClass},
    {"invalidate_caches", answer_none, kMethodStatic},
};
const MethodDef path_methods[] = {
    {"find_spec", path_find_spec, kMethodClass},
    {"find_distributions", path_find_distributions, kMethodStatic},
    {"invalidate_caches", answer_none, kMethodStatic},
};

// The three classes, defined once per interpreter (they are static types: cheap, no module import).
void define_finder_types(ThreadState& ts) {
  if (begin_native_type(ts, builtin_importer_type, "BuiltinImporter", "_frozen_importlib", sizeof(Object),
                        kTypeBaseType)) {
    add_methods(ts, builtin_importer_type, builtin_methods);
    finish_native_type(ts, builtin_importer_type);
  }
  if (begin_native_type(ts, frozen_importer_type, "FrozenImporter", "_frozen_importlib", sizeof(Object),
                        kTypeBaseType)) {
    add_methods(ts, frozen_importer_type, frozen_methods);
    finish_native_type(ts, frozen_importer_type);
  }
  if (begin_native_type(ts, path_finder_type, "PathFinder", "_frozen_importlib_external", sizeof(Object),
                        kTypeBaseType)) {
    add_methods(ts, path_finder_type, path_methods);
    finish_native_type(ts, path_finder_type);
  }
}

bool is_default_finder(Value finder) {
  Object* o = finder.is_object() ? finder.as_object() : nullptr;
  return o == &builtin_importer_type || o == &frozen_importer_type || o == &path_finder_type;
}

// The native path hook (sys.path_hooks[0]): Lib's FileFinder for a directory, made with Lib's loaders. The
// import statement does not use it; pkgutil and PathFinder users of sys.path_hooks do (pkgutil.iter_modules
// needs FileFinder objects). Lib's _bootstrap_external is loaded on the first call only.
Value file_finder_path_hook(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  if (!exact_args(ts, "path_hook_for_FileFinder", args, kwnames, 1, 1)) return Value();
  Value external = find_and_load(ts, "importlib._bootstrap_external");
  if (!external) return external;
  Value hook = attr_or_null(ts, external, "_minipy_file_finder_hook");
  if (!hook && !ts.current_exception) {
    Value file_finder = attr_or_null(ts, external, "FileFinder");
    Value supported = attr_or_null(ts, external, "_get_supported_file_loaders");
    Value loaders = supported ? call(ts, supported, {}) : Value();
    Value make_hook = file_finder ? attr_or_null(ts, file_finder, "path_hook") : Value();
    std::span<Value> items;
    Value storage;
    if (!loaders || !make_hook || !sequence_items(ts, loaders, &items, &storage)) return Value();
    hook = call(ts, make_hook, items);
    if (!hook || !set_attr(ts, external, intern(ts, "_minipy_file_finder_hook"), hook)) return Value();
  }
  return hook ? call(ts, hook, args) : hook;
}
const MethodDef kPathHook = {"path_hook_for_FileFinder", file_finder_path_hook};

// CPython's _load_unlocked for a spec a program's finder returned: the module from module_from_spec, placed in
// sys.modules while loader.exec_module runs (removed again if it fails); a loader with only the legacy
// load_module is asked to do everything itself.
Value load_from_spec(ThreadState& ts, const std::string& name, Value spec) {
  Value loader = attr_or_null(ts, spec, "loader");
  if (!loader) return loader;
  StrObject* key = intern(ts, name);
  if (!is_none(loader)) {
    Value exec = attr_or_null(ts, loader, "exec_module");
    if (!exec && ts.current_exception) return Value();
    if (!exec) {
      Value load = attr_or_null(ts, loader, "load_module");
      if (!load) return ts.current_exception ? Value() : raise(ts, ImportError_type, "missing loader");
      Value arg(key);
      if (!call(ts, load, {&arg, 1})) return Value();
      Value result = dict_get_str(ts.interp->modules, key);
      if (!result) return raise_fmt(ts, KeyError_type, "{}", python_str_repr(name));
      // _load_backward_compatible: what the legacy loader left unset comes from the spec (failures ignored).
      auto fill = [&](const char* dunder, Value value) {
        Value v = attr_or_null(ts, result, dunder);
        ts.current_exception = Value();
        if ((!v || is_none(v)) && value && !set_attr(ts, result, intern(ts, dunder), value))
          ts.current_exception = Value();
      };
      fill("__loader__", loader);
      Value has_path = attr_or_null(ts, result, "__path__");
      ts.current_exception = Value();
      Value module_name = attr_or_null(ts, result, "__name__");
      ts.current_exception = Value();
      if (module_name && is_str(module_name))
        fill("__package__", has_path ? module_name : Value(make_str(ts, parent_of(as_str(module_name)->view()))));
      fill("__spec__", spec);
      return result;
    }
  } else {
    return raise(ts, ImportError_type, "missing loader");
  }
  Value module = module_from_spec(ts, spec);
  if (!module) return module;
  if (!dict_set_str(ts, ts.interp->modules, key, module)) return Value();
  if (!set_attr(ts, spec, intern(ts, "_initializing"), True())) ts.current_exception = Value();
  Value exec = attr_or_null(ts, loader, "exec_module");
  bool ok = exec && call(ts, exec, {&module, 1});
  Value pending = ts.current_exception;
  ts.current_exception = Value();
  if (!set_attr(ts, spec, intern(ts, "_initializing"), False())) ts.current_exception = Value();
  if (!ok) {
    if (dict_del(ts, ts.interp->modules, Value(key)) < 0) ts.current_exception = Value();
    ts.current_exception = pending;
    return Value();
  }
  return module_after_load(ts, name, loader);
}

Value call_find_spec(ThreadState& ts, Value find_spec, StrObject* key, Value path) {
  Value call_args[3] = {Value(key), path ? path : None(), None()};
  return call(ts, find_spec, call_args);
}

// _find_spec_legacy: a finder with only the deprecated find_module(name, path) gives a loader, described by Lib's
// spec_from_loader (CPython 3.11 also warns ImportWarning here; minipy does not). None when it has neither.
Value legacy_find_spec(ThreadState& ts, Value finder, StrObject* key, Value path) {
  Value find_module = attr_or_null(ts, finder, "find_module");
  if (!find_module) return ts.current_exception ? Value() : None();
  Value call_args[2] = {Value(key), path ? path : None()};
  Value loader = call(ts, find_module, call_args);
  if (!loader || is_none(loader)) return loader;
  Value bootstrap = find_and_load(ts, "importlib._bootstrap");
  Value spec_from_loader = bootstrap ? attr_or_null(ts, bootstrap, "spec_from_loader") : Value();
  if (!spec_from_loader) return ts.current_exception ? Value() : raise(ts, ImportError_type, "spec_from_loader");
  Value spec_args[2] = {Value(key), loader};
  return call(ts, spec_from_loader, spec_args);
}

}  // namespace

bool describe_native_module(ThreadState& ts, Value module, std::string_view name) {
  define_finder_types(ts);
  if (type_of(module) != &module_type) return true;
  DictObject* d = static_cast<ModuleObject*>(module.as_object())->dict;
  auto& names = ts.interp->names;
  Value existing = dict_get_str(d, names.spec);
  if (existing && !is_none(existing)) return true;  // a module that describes itself (Lib's _bootstrap did)
  Value spec = make_spec(ts, name, Value(&builtin_importer_type), parent_of(name));
  if (!spec || !set_attr(ts, spec, intern(ts, "origin"), Value(make_str(ts, "built-in")))) return false;
  return dict_set_str(ts, d, names.spec, spec) && dict_set_str(ts, d, names.loader, Value(&builtin_importer_type)) &&
         dict_set_str(ts, d, names.package, Value(make_str(ts, parent_of(name))));
}

void install_default_finders(ThreadState& ts) {
  define_finder_types(ts);
  // The modules made before any import (sys, builtins) get their built-in spec as the native ones
  // load_native describes later.
  for (const char* name : {"sys", "builtins"}) {
    Value module = dict_get_str(ts.interp->modules, intern(ts, name));
    if (module && !describe_native_module(ts, module, name)) ts.current_exception = Value();
  }
  DictObject* sys = ts.interp->sys_module->dict;
  Value meta_path = dict_get_str(sys, intern(ts, "meta_path"));
  if (meta_path && type_of(meta_path) == &list_type && static_cast<ListObject*>(meta_path.as_object())->size == 0) {
    auto* l = static_cast<ListObject*>(meta_path.as_object());
    for (Type* t : {&builtin_importer_type, &frozen_importer_type, &path_finder_type})
      if (!list_append(ts, l, Value(t))) ts.current_exception = Value();
  }
  Value hooks = dict_get_str(sys, intern(ts, "path_hooks"));
  if (hooks && type_of(hooks) == &list_type && static_cast<ListObject*>(hooks.as_object())->size == 0) {
    Value hook = make_native_function(ts, &kPathHook, Value(), Value(intern(ts, "_frozen_importlib_external")));
    if (!list_append(ts, static_cast<ListObject*>(hooks.as_object()), hook)) ts.current_exception = Value();
  }
}

Type* native_finder_type(std::string_view name) {
  for (Type* t : {&builtin_importer_type, &frozen_importer_type, &path_finder_type})
    if (t->c_name && std::string_view(t->c_name).ends_with(name) &&
        std::string_view(t->c_name).substr(std::string_view(t->c_name).size() - name.size() - 1, 1) == ".")
      return t;
  return nullptr;
}

Value find_spec_on_meta_path(ThreadState& ts, const std::string& name, Value path) {
  Value meta_path = dict_get_str(ts.interp->sys_module->dict, intern(ts, "meta_path"));
  if (!meta_path || is_none(meta_path))
    return raise(ts, ImportError_type, "sys.meta_path is None, Python is likely shutting down");
  // A snapshot: finders may change sys.meta_path while they run.
  std::span<Value> items;
  Value storage;
  if (!sequence_items(ts, meta_path, &items, &storage)) return Value();
  Value snapshot(minipy::make_tuple(ts, items));
  StrObject* key = intern(ts, name);
  bool is_reload = static_cast<bool>(dict_get_str(ts.interp->modules, key));
  for (Value finder : static_cast<TupleObject*>(snapshot.as_object())->span()) {
    Value find_spec = attr_or_null(ts, finder, "find_spec");
    if (!find_spec && ts.current_exception) return Value();
    Value spec = find_spec ? call_find_spec(ts, find_spec, key, path) : legacy_find_spec(ts, finder, key, path);
    if (!spec) return spec;
    if (is_none(spec)) continue;
    // A finder that imported the module while looking (a circular import) leaves its spec the answer.
    Value module = is_reload ? Value() : dict_get_str(ts.interp->modules, key);
    if (module) {
      Value module_spec = attr_or_null(ts, module, "__spec__");
      if (!module_spec) ts.current_exception = Value();
      return module_spec && !is_none(module_spec) ? module_spec : spec;
    }
    return spec;
  }
  return None();
}

Value import_with_program_finders(ThreadState& ts, const std::string& name, Value parent_module) {
  Value meta_path = dict_get_str(ts.interp->sys_module->dict, intern(ts, "meta_path"));
  if (!meta_path || type_of(meta_path) != &list_type) return Value();
  // The common case: only the default finders, which the native search stands for.
  bool program_finder = false;
  for (Value finder : static_cast<ListObject*>(meta_path.as_object())->span())
    program_finder = program_finder || !is_default_finder(finder);
  if (!program_finder) return Value();
  Value path = None();
  if (parent_module) {
    path = attr_or_null(ts, parent_module, "__path__");
    if (!path) return Value();  // the native search raises "... is not a package" (or the pending error)
  }
  Value spec = find_spec_on_meta_path(ts, name, path);
  if (!spec || is_none(spec)) return Value();  // not found: the native search reports it in CPython's words
  // A spec from the default finders is loaded by the native path (same module, same cache rules).
  Value loader = attr_or_null(ts, spec, "loader");
  if (!loader) return Value();
  if (is_default_finder(loader) || type_of(loader)->module == Value(intern(ts, "_frozen_importlib_external")))
    return Value();
  return load_from_spec(ts, name, spec);
}

Value module_from_spec(ThreadState& ts, Value spec) {
  Value loader = attr_or_null(ts, spec, "loader");
  if (!loader) return loader;
  Value module;
  if (!is_none(loader)) {
    Value create = attr_or_null(ts, loader, "create_module");
    if (create) {
      module = call(ts, create, {&spec, 1});
      if (!module) return module;
    } else if (ts.current_exception) {
      return Value();
    } else if (Value exec = attr_or_null(ts, loader, "exec_module")) {
      return raise(ts, ImportError_type, "loaders that define exec_module() must also define create_module()");
    } else if (ts.current_exception) {
      return Value();
    }
  }
  if (!module || is_none(module)) {
    Value name = attr_or_null(ts, spec, "name");
    if (!name) return name;
    if (!is_str(name)) return raise(ts, TypeError_type, "module name must be str");
    module = Value(make_module(ts, as_str(name)->view()));
  }
  // _init_module_attrs(spec, module) without override: a dunder already set (not None) stays.
  auto missing = [&](const char* dunder) {
    Value v = attr_or_null(ts, module, dunder);
    ts.current_exception = Value();
    return !v || is_none(v);
  };
  auto copy = [&](const char* from, const char* dunder, bool only_if_missing, bool skip_none) {
    if (only_if_missing && !missing(dunder)) return true;
    Value v = attr_or_null(ts, spec, from);
    if (!v) return !ts.current_exception;
    if (skip_none && is_none(v)) return true;
    return set_attr(ts, module, intern(ts, dunder), v);
  };
  if (!copy("name", "__name__", true, false) || !copy("loader", "__loader__", true, false) ||
      !copy("parent", "__package__", true, false))
    return Value();
  if (!set_attr(ts, module, intern(ts, "__spec__"), spec)) return Value();
  if (!copy("submodule_search_locations", "__path__", true, true)) return Value();
  Value has_location = attr_or_null(ts, spec, "has_location");
  if (!has_location && ts.current_exception) return Value();
  if (has_location && py_truth(ts, has_location) == 1) {
    if (!copy("origin", "__file__", true, true) || !copy("cached", "__cached__", true, true)) return Value();
  }
  return module;
}

}  // namespace minipy
