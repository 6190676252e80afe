// The import statement, as CPython 3.11's Lib/importlib/_bootstrap.py (with import.c and ceval.c's
// IMPORT_FROM / IMPORT_STAR helpers): resolving relative names, sys.modules, loading parents before children,
// packages and their __path__, submodules bound on their parent, `from` lists, circular imports seeing a
// partially initialised module, and CPython's error messages. Finding files is import_finder.cpp's job and
// turning a file into code (the __pycache__ rules) is import_cache.cpp's.
#include <chrono>
#include <climits>
#include <cstdio>
#include <cstdlib>

#include "cache/pyc.h"
#include "stdlib/native/registry.h"
#include "vm/import/import.h"
#include "vm/import/import_internal.h"

namespace minipy {

namespace {

StrObject* name_str(ThreadState& ts, std::string_view s) { return intern(ts, s); }

Value sys_modules_get(ThreadState& ts, std::string_view name) {
  return dict_get_str(ts.interp->modules, name_str(ts, name));
}

std::string_view rpartition_head(std::string_view name) {
  size_t dot = name.rfind('.');
  return name.substr(0, dot == std::string_view::npos ? 0 : dot);  // never a null view: make_str copies it
}

// ModuleNotFoundError(message, name=name).
Value raise_not_found(ThreadState& ts, const std::string& message, std::string_view name) {
  Value args[1] = {Value(make_str(ts, message))};
  Value exc = new_exception(ts, &ModuleNotFoundError_type, args);
  if (!exc) return exc;
  if (!set_attr(ts, exc, intern(ts, "name"), Value(make_str(ts, name)))) return Value();
  return raise_value(ts, exc);
}

// ImportError(message, name=..., path=...) as ceval's IMPORT_FROM raises it.
Value raise_import_error(ThreadState& ts, const std::string& message, Value name, Value path) {
  Value args[1] = {Value(make_str(ts, message))};
  Value exc = new_exception(ts, &ImportError_type, args);
  if (!exc) return exc;
  if (!set_attr(ts, exc, intern(ts, "name"), name ? name : None()) ||
      !set_attr(ts, exc, intern(ts, "path"), path ? path : None()))
    return Value();
  return raise_value(ts, exc);
}

}  // namespace

// The str items of a list/tuple (sys.path, __path__); others are skipped as the path finder skips them.
bool string_items(ThreadState& ts, Value sequence, std::vector<std::string>* out) {
  std::span<Value> items;
  Value storage;
  if (!sequence_items(ts, sequence, &items, &storage)) return false;
  for (Value v : items)
    if (is_str(v)) out->emplace_back(as_str(v)->view());
  return true;
}

namespace {

// The entries of sys.path, read at each import because a program may rebind or change the list at any time.
bool sys_path_entries(ThreadState& ts, std::vector<std::string>* entries) {
  Value sys_path = dict_get_str(ts.interp->sys_module->dict, intern(ts, "path"));
  return !sys_path || string_items(ts, sys_path, entries);
}

// The VM code of a module the finder found as a source or a legacy pyc (not a namespace package), through the
// cache decisions (import_cache.cpp); null with the exception pending when there is none.
CodeObj* load_found_code(ThreadState& ts, const std::string& name, const FoundModule& found) {
  return found.kind == FoundModule::Kind::Source ? get_source_code(ts, name, found.origin)
                                                 : get_sourceless_code(ts, name, found.origin);
}

Value attr(ThreadState& ts, Value obj, const char* name) { return get_attr_optional(ts, obj, intern(ts, name)); }

bool set(ThreadState& ts, Value obj, const char* name, Value value) {
  return set_attr(ts, obj, intern(ts, name), value);
}

// Whether the module's spec says it is still running its body (spec._initializing). Only the wording of a failed
// `from m import name` depends on it (the "partially initialized module ... circular import" hint), so any
// failure to read the flag counts as "no" rather than replacing the ImportError being built.
bool is_initializing(ThreadState& ts, Value module) {
  Value spec = attr(ts, module, "__spec__");
  if (!spec || is_none(spec)) return ts.current_exception = Value(), false;
  Value flag = attr(ts, spec, "_initializing");
  if (!flag) return ts.current_exception = Value(), false;
  int t = py_truth(ts, flag);
  if (t < 0) ts.current_exception = Value();
  return t == 1;
}

}  // namespace

Value spec_for_found(ThreadState& ts, const std::string& name, const FoundModule& found, Value* path_list,
                     std::string* cached) {
  using Kind = FoundModule::Kind;
  std::string_view package = found.is_package ? std::string_view(name) : rpartition_head(name);
  Value loader = make_loader(ts, found.kind, name, found.origin);
  if (!loader) return loader;
  Value spec = make_spec(ts, name, loader, package);
  if (!spec) return spec;
  if (found.is_package) {
    ListObject* l = make_list(ts, 0);
    for (const std::string& p : found.search_locations)
      if (!list_append(ts, l, Value(make_str(ts, p)))) return Value();
    *path_list = Value(l);
    if (!set(ts, spec, "submodule_search_locations", *path_list)) return Value();
  }
  if (found.kind == Kind::Source) *cached = cached_path_for(ts, found.origin);
  else if (found.kind == Kind::Sourceless) *cached = found.origin;
  if (found.kind != Kind::Namespace) {
    if (!set(ts, spec, "origin", Value(make_str(ts, found.origin))) || !set(ts, spec, "has_location", True()))
      return Value();
    if (!cached->empty() && !set(ts, spec, "cached", Value(make_str(ts, *cached)))) return Value();
  }
  return spec;
}

Value module_after_load(ThreadState& ts, const std::string& name, Value loader) {
  // The body may have replaced its own sys.modules entry (with an object of its own making, a lazy
  // loader): the import returns whatever is there now, and a body that deleted it is CPython's KeyError.
  Value result = dict_get_str(ts.interp->modules, name_str(ts, name));
  if (!result) return raise_fmt(ts, KeyError_type, "{}", python_str_repr(name));
  if (ts.interp->config.verbose) {
    Value r = py_repr(ts, loader);
    if (!r) return r;
    verbose_message(ts, 1, fmt::format("import {} # {}", python_str_repr(name), as_str(r)->view()));
  }
  return result;
}

namespace {

// Creates the spec, the loader and the module for what the finder found, runs the module's code with the
// module in sys.modules (so circular imports see it), and returns sys.modules[name] afterwards.
Value load_module(ThreadState& ts, const std::string& name, const FoundModule& found) {
  // _init_module_attrs's order: spec and loader first, then the module's dunders from them, so that code which
  // inspects __spec__ while the body runs sees what CPython shows.
  using Kind = FoundModule::Kind;
  std::string_view package = found.is_package ? std::string_view(name) : rpartition_head(name);
  Value path_list;
  std::string cached;
  Value spec = spec_for_found(ts, name, found, &path_list, &cached);
  if (!spec) return spec;
  Value loader = attr(ts, spec, "loader");
  if (!loader) return loader;
  bool has_location = found.kind != Kind::Namespace;

  ModuleObject* module = make_module(ts, name);
  Value module_v(module);
  DictObject* d = module->dict;
  auto& names = ts.interp->names;
  dict_set_str_new(ts, d, names.loader, loader);
  dict_set_str_new(ts, d, names.package, Value(make_str(ts, package)));
  dict_set_str_new(ts, d, names.spec, spec);
  if (path_list) dict_set_str_new(ts, d, names.path, path_list);
  if (!has_location) dict_set_str_new(ts, d, names.file, None());  // as _init_module_attrs does for namespaces
  if (has_location) {
    dict_set_str_new(ts, d, names.file, Value(make_str(ts, found.origin)));
    if (!cached.empty()) dict_set_str_new(ts, d, names.cached, Value(make_str(ts, cached)));
  }

  // The module is in sys.modules before its body runs: an import cycle back to it finds this (partial) module
  // instead of starting a second copy, as _load_unlocked arranges.
  StrObject* key = name_str(ts, name);
  if (!dict_set_str(ts, ts.interp->modules, key, module_v)) return Value();
  if (found.kind != Kind::Namespace) {
    if (!set(ts, spec, "_initializing", True())) return Value();
    CodeObj* c = load_found_code(ts, name, found);
    bool ok = false;
    if (c) {
      dict_set_str_new(ts, d, names.builtins, Value(ts.interp->builtins));
      ok = static_cast<bool>(eval_code(ts, c, d, Value()));
    }
    // The flag is cleared whether the body succeeded or not, with the body's exception set aside meanwhile:
    // clearing it must neither lose that exception nor be refused because one is pending.
    Value pending = ts.current_exception;
    ts.current_exception = Value();
    set(ts, spec, "_initializing", False());
    ts.current_exception = pending;
    if (!ok) {
      // A module whose body failed leaves sys.modules (as _load_unlocked does), so the next import runs it again
      // rather than handing out a half-initialised module.
      Value saved = ts.current_exception;
      ts.current_exception = Value();
      if (dict_del(ts, ts.interp->modules, Value(key)) < 0) ts.current_exception = Value();
      ts.current_exception = saved;
      return Value();
    }
  }
  return module_after_load(ts, name, loader);
}

Value load_native(ThreadState& ts, const NativeModule& def) {
  ModuleObject* m = def.create(ts);
  if (!m) return Value();
  if (!dict_set_str(ts, ts.interp->modules, name_str(ts, def.name), Value(m))) return Value();
  if (!describe_native_module(ts, Value(m), def.name)) return Value();
  verbose_message(ts, 1, fmt::format("import {} # <class '_frozen_importlib.BuiltinImporter'>",
                                     python_str_repr(def.name)));
  return Value(m);
}

// -X importtime: CPython's table, one line per module as its import finishes (children first, indented by
// depth), self time excluding the imports it triggered, in microseconds.
class ImportTimer {
 public:
  ImportTimer(ThreadState& ts, std::string_view name) : enabled_(ts.interp->config.import_time), name_(name) {
    if (!enabled_) return;
    if (!header_printed_) {
      std::fflush(stdout);
      std::fprintf(stderr, "import time: self [us] | cumulative | imported package\n");
      header_printed_ = true;
    }
    start_ = std::chrono::steady_clock::now();
    saved_children_ = children_;
    children_ = 0;
    depth_++;
  }
  ~ImportTimer() {
    if (!enabled_) return;
    depth_--;
    auto cumulative = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start_)
                          .count();
    std::fflush(stdout);
    std::fprintf(stderr, "import time: %10lld | %10lld | %*s%.*s\n", static_cast<long long>(cumulative - children_),
                 static_cast<long long>(cumulative), depth_ * 2, "", static_cast<int>(name_.size()), name_.data());
    children_ = saved_children_ + cumulative;
  }
  ImportTimer(const ImportTimer&) = delete;
  ImportTimer& operator=(const ImportTimer&) = delete;

 private:
  static inline bool header_printed_ = false;
  static inline int depth_ = 0;
  static inline int64_t children_ = 0;  // cumulative time of the finished imports nested in the current one
  bool enabled_;
  std::string_view name_;
  std::chrono::steady_clock::time_point start_;
  int64_t saved_children_ = 0;
};

}  // namespace

Value load_source_module(ThreadState& ts, const std::string& name, const std::string& path) {
  FoundModule found;
  found.kind = FoundModule::Kind::Source;
  found.origin = path;
  return load_module(ts, name, found);
}

// _find_and_load: `name` is absolute. Parents are imported first; the child is bound on its parent.
Value find_and_load(ThreadState& ts, const std::string& name) {
  Value existing = sys_modules_get(ts, name);
  if (existing) {
    if (is_none(existing))
      return raise_not_found(ts, fmt::format("import of {} halted; None in sys.modules", name), name);
    return existing;
  }
  ImportTimer timer(ts, name);  // covers the parents imported on the way, as CPython's table does
  std::string parent(rpartition_head(name));
  std::vector<std::string> entries;
  Value parent_module;
  if (!parent.empty()) {
    if (!sys_modules_get(ts, parent) && !find_and_load(ts, parent)) return Value();
    existing = sys_modules_get(ts, name);  // importing the parent may have imported this module
    if (existing) return existing;
    parent_module = sys_modules_get(ts, parent);
    if (!parent_module) return raise_fmt(ts, KeyError_type, "{}", python_str_repr(parent));
    Value path = get_attr_optional(ts, parent_module, ts.interp->names.path);
    if (!path) {
      if (ts.current_exception) return Value();
      return raise_not_found(ts, fmt::format("No module named {}; {} is not a package", python_str_repr(name),
                                             python_str_repr(parent)),
                             name);
    }
    if (!string_items(ts, path, &entries)) return Value();
  } else if (!sys_path_entries(ts, &entries)) {
    return Value();
  }
  // A finder the program put on sys.meta_path is asked first (a cheap scan when there is none).
  Value module = import_with_program_finders(ts, name, parent_module);
  if (!module && ts.current_exception) return module;
  // Native modules come before sys.path, as BuiltinImporter precedes PathFinder on sys.meta_path: a file named
  // math.py in the script's directory does not shadow the native math module.
  const NativeModule* native = module ? nullptr : find_native_module(name);
  if (module) {
    // found and loaded by the program's finder
  } else if (native) {
    module = load_native(ts, *native);
  } else {
    FoundModule found = find_in_path(ts, name, entries);
    if (found.kind == FoundModule::Kind::None) {
      // CPython's message; where minipy looked goes to -v and -X explain_cache only.
      std::string detail = where_imports_looked(ts.interp->config, entries);
      verbose_message(ts, 1, fmt::format("no module named {}: {}", python_str_repr(name), detail));
      explain(ts, name, "not found: " + detail);
      return raise_not_found(ts, fmt::format("No module named {}", python_str_repr(name)), name);
    }
    module = load_module(ts, name, found);
  }
  if (!module) return module;
  // The child becomes an attribute of its parent only after it loaded; a failure to bind it is not the
  // import's failure (CPython ignores it too: the module is already in sys.modules).
  if (parent_module) {
    std::string_view child = std::string_view(name).substr(parent.size() + 1);
    parent_module = sys_modules_get(ts, parent);
    if (parent_module && !set_attr(ts, parent_module, intern(ts, child), module)) ts.current_exception = Value();
  }
  return module;
}

Value reload_module(ThreadState& ts, Value module) {
  if (type_of(module) != &module_type) return raise(ts, TypeError_type, "reload() argument must be a module");
  Value modname = attr(ts, module, "__name__");
  if (!modname || !is_str(modname)) return ts.current_exception ? Value() : raise(ts, TypeError_type, "__name__");
  std::string name(as_str(modname)->view());
  Value current = sys_modules_get(ts, name);
  if (current != module)
    return raise_import_error(ts, fmt::format("module {} not in sys.modules", name), modname, Value());
  if (find_native_module(name)) return module;
  if (name == "sys" || name == "builtins") return module;
  std::string parent(rpartition_head(name));
  std::vector<std::string> entries;
  if (!parent.empty()) {
    Value parent_module = sys_modules_get(ts, parent);
    if (!parent_module)
      return raise_import_error(ts, fmt::format("parent {} not in sys.modules", python_str_repr(parent)),
                                Value(make_str(ts, parent)), Value());
    Value path = attr(ts, parent_module, "__path__");
    if (path && !string_items(ts, path, &entries)) return Value();
    if (ts.current_exception) return Value();
  } else if (!sys_path_entries(ts, &entries)) {
    return Value();
  }
  FoundModule found = find_in_path(ts, name, entries);
  if (found.kind == FoundModule::Kind::None)
    return raise_not_found(ts, fmt::format("spec not found for the module {}", python_str_repr(name)), name);
  if (found.kind != FoundModule::Kind::Namespace) {
    // reload runs the new code in the module's existing namespace: names the new version no longer defines stay.
    CodeObj* c = load_found_code(ts, name, found);
    if (!c) return Value();
    auto* m = static_cast<ModuleObject*>(module.as_object());
    if (!eval_code(ts, c, m->dict, Value())) return Value();
  }
  Value result = sys_modules_get(ts, name);
  return result ? result : module;
}

namespace {

// _calc___package__ followed by _resolve_name: the absolute name of a relative import from `globals`.
bool resolve_relative(ThreadState& ts, DictObject* globals, std::string_view name, int64_t level, std::string* out) {
  auto& names = ts.interp->names;
  Value package = globals ? dict_get_str(globals, names.package) : Value();
  Value spec = globals ? dict_get_str(globals, names.spec) : Value();
  std::string pkg;
  if (package && !is_none(package)) {
    if (!is_str(package)) return raise(ts, TypeError_type, "package must be a string"), false;
    pkg = std::string(as_str(package)->view());
  } else if (spec && !is_none(spec)) {
    Value parent = get_attr(ts, spec, intern(ts, "parent"));
    if (!parent) return false;
    if (!is_str(parent)) return raise(ts, TypeError_type, "__spec__.parent must be a string"), false;
    pkg = std::string(as_str(parent)->view());
  } else {
    Value modname = globals ? dict_get_str(globals, names.name) : Value();
    if (!modname) return raise(ts, KeyError_type, "'__name__' not in globals"), false;
    if (!is_str(modname)) return raise(ts, TypeError_type, "__name__ must be a string"), false;
    pkg = std::string(as_str(modname)->view());
    if (!dict_get_str(globals, names.path)) pkg = std::string(rpartition_head(pkg));
  }
  if (pkg.empty())
    return raise(ts, ImportError_type, "attempted relative import with no known parent package"), false;
  std::string_view base = pkg;
  for (int64_t i = 1; i < level; i++) {
    size_t dot = base.rfind('.');
    if (dot == std::string_view::npos)
      return raise(ts, ImportError_type, "attempted relative import beyond top-level package"), false;
    base = base.substr(0, dot);
  }
  *out = name.empty() ? std::string(base) : fmt::format("{}.{}", base, name);
  return true;
}

// _handle_fromlist: `from package import name` imports package.name when it is not an attribute yet.
Value handle_fromlist(ThreadState& ts, Value module, Value fromlist, bool from_all) {
  Value iter = get_iter(ts, fromlist);
  if (!iter) return iter;
  while (Value x = iter_next(ts, iter)) {
    Value modname = attr(ts, module, "__name__");
    if (!modname) return ts.current_exception ? Value() : raise(ts, AttributeError_type, "__name__");
    if (!is_str(x)) {
      if (from_all)
        return raise_fmt(ts, TypeError_type, "Item in {}.__all__ must be str, not {}",
                         is_str(modname) ? as_str(modname)->view() : "?", type_name(x));
      return raise_fmt(ts, TypeError_type, "Item in ``from list'' must be str, not {}", type_name(x));
    }
    std::string_view item = as_str(x)->view();
    if (item == "*") {
      if (from_all) continue;
      Value all = get_attr_optional(ts, module, ts.interp->names.all);
      if (!all && ts.current_exception) return Value();
      if (all && !handle_fromlist(ts, module, all, true)) return Value();
      continue;
    }
    Value present = get_attr_optional(ts, module, as_str(x));
    if (present) continue;
    if (ts.current_exception) return Value();
    if (!is_str(modname)) continue;
    std::string from_name = fmt::format("{}.{}", as_str(modname)->view(), item);
    if (find_and_load(ts, from_name)) continue;
    // A missing submodule is not an error here: IMPORT_FROM reports the missing name instead.
    Value exc = ts.current_exception;
    if (exception_matches(exc, &ModuleNotFoundError_type)) {
      Value exc_name = get_attr_optional(ts, exc, intern(ts, "name"));
      ts.current_exception = Value();
      Value in_modules = sys_modules_get(ts, from_name);
      if (exc_name && is_str(exc_name) && as_str(exc_name)->view() == from_name &&
          !(in_modules && is_none(in_modules)))
        continue;
      ts.current_exception = exc;
    }
    return Value();
  }
  if (ts.current_exception) return Value();
  return module;
}

}  // namespace

Value import_name(ThreadState& ts, Frame* frame, Value name, Value fromlist, Value level) {
  int64_t lvl = 0;
  if (!int_to_int64(level, &lvl)) return raise(ts, ValueError_type, "level must be >= 0");
  if (lvl < 0) return raise(ts, ValueError_type, "level must be >= 0");
  if (!is_str(name)) return raise(ts, TypeError_type, "module name must be str, not " + std::string(type_name(name)));
  std::string_view requested = as_str(name)->view();
  if (lvl == 0 && requested.empty()) return raise(ts, ValueError_type, "Empty module name");
  std::string absolute(requested);
  if (lvl > 0 && !resolve_relative(ts, frame ? frame->globals : nullptr, requested, lvl, &absolute)) return Value();
  Value module = find_and_load(ts, absolute);
  if (!module) return module;
  int has_from = fromlist && !is_none(fromlist) ? py_truth(ts, fromlist) : 0;
  if (has_from < 0) return Value();
  if (!has_from) {
    size_t first_dot = requested.find('.');
    if (lvl == 0) {
      if (first_dot == std::string_view::npos) return module;
      return find_and_load(ts, std::string(requested.substr(0, first_dot)));
    }
    if (requested.empty()) return module;
    // `from . import a.b` cannot happen; `import` with a level only comes from __import__ calls.
    size_t cut_off = first_dot == std::string_view::npos ? 0 : requested.size() - first_dot;
    Value modname = attr(ts, module, "__name__");
    if (!modname || !is_str(modname)) return ts.current_exception ? Value() : module;
    std::string_view full = as_str(modname)->view();
    std::string_view head = full.substr(0, full.size() - cut_off);
    Value m = sys_modules_get(ts, head);
    if (!m) return raise_fmt(ts, KeyError_type, "{}", python_str_repr(head));
    return m;
  }
  Value path = get_attr_optional(ts, module, ts.interp->names.path);
  if (!path) return ts.current_exception ? Value() : module;
  return handle_fromlist(ts, module, fromlist, false);
}

Value import_from(ThreadState& ts, Value module, StrObject* name) {
  Value v = get_attr_optional(ts, module, name);
  if (v || ts.current_exception) return v;
  Value pkgname = get_attr_optional(ts, module, ts.interp->names.name);
  if (!pkgname && ts.current_exception) ts.current_exception = Value();
  if (pkgname && is_str(pkgname)) {
    // A submodule imported while its package is initialising is in sys.modules before it is an attribute.
    Value sub = sys_modules_get(ts, fmt::format("{}.{}", as_str(pkgname)->view(), name->view()));
    if (sub) return sub;
  }
  std::string pkg_repr = pkgname && is_str(pkgname) ? python_str_repr(as_str(pkgname)->view())
                                                    : std::string("'<unknown module name>'");
  Value pkgpath = get_attr_optional(ts, module, ts.interp->names.file);
  if (!pkgpath && ts.current_exception) ts.current_exception = Value();
  std::string location = pkgpath && is_str(pkgpath) ? std::string(as_str(pkgpath)->view()) : "unknown location";
  std::string message;
  if (is_initializing(ts, module))
    message = fmt::format("cannot import name {} from partially initialized module {} (most likely due to a "
                          "circular import) ({})",
                          python_str_repr(name->view()), pkg_repr, location);
  else
    message = fmt::format("cannot import name {} from {} ({})", python_str_repr(name->view()), pkg_repr, location);
  return raise_import_error(ts, message, pkgname, pkgpath && is_str(pkgpath) ? pkgpath : Value());
}

bool import_star(ThreadState& ts, Frame* frame, Value module) {
  if (!frame->locals) {
    raise(ts, SystemError_type, "no locals found during 'import *'");
    return false;
  }
  Value names = get_attr_optional(ts, module, ts.interp->names.all);
  if (!names && ts.current_exception) return false;
  bool skip_private = !names;
  if (!names) {
    Value dict = get_attr_optional(ts, module, ts.interp->names.dict);
    if (!dict) {
      if (!ts.current_exception) raise(ts, ImportError_type, "from-import-* object has no __dict__ and no __all__");
      return false;
    }
    names = sequence_to_list(ts, dict);
    if (!names) return false;
  }
  Value iter = get_iter(ts, names);
  if (!iter) return false;
  while (Value key = iter_next(ts, iter)) {
    if (!is_str(key)) {
      Value modname = get_attr_optional(ts, module, ts.interp->names.name);
      std::string_view mod = modname && is_str(modname) ? as_str(modname)->view() : "?";
      raise_fmt(ts, TypeError_type, "{} in {}.{} must be str, not {}", skip_private ? "Key" : "Item", mod,
                skip_private ? "__dict__" : "__all__", type_name(key));
      return false;
    }
    if (skip_private && as_str(key)->size > 0 && as_str(key)->data[0] == '_') continue;
    Value value = get_attr(ts, module, as_str(key));
    if (!value) return false;
    bool ok = is_dict(frame->locals) ? dict_set(ts, static_cast<DictObject*>(frame->locals.as_object()), key, value)
                                     : set_item(ts, frame->locals, key, value);
    if (!ok) return false;
  }
  return !ts.current_exception;
}

Value builtin_import(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  size_t n = positional_count(args, kwnames);
  Value name = n > 0 ? args[0] : keyword_arg(ts, args, kwnames, "name");
  if (!name) return raise(ts, TypeError_type, "__import__() missing required argument 'name' (pos 1)");
  if (!is_str(name)) return raise(ts, TypeError_type, "__import__() argument 1 must be str, not " +
                                                          std::string(type_name(name)));
  Value globals = n > 1 ? args[1] : keyword_arg(ts, args, kwnames, "globals");
  Value fromlist = n > 3 ? args[3] : keyword_arg(ts, args, kwnames, "fromlist");
  Value level = n > 4 ? args[4] : keyword_arg(ts, args, kwnames, "level");
  if (!level) level = Value::small_int(0);
  // Called from native code before any Python frame runs (the compiler's source decoder looking up a codec for
  // the main script): an absolute import.
  if (!ts.current_frame) return import_name(ts, nullptr, name, fromlist ? fromlist : None(), level);
  // import_name reads the importer's globals through a frame; borrow the caller's with the given globals.
  Frame shim = *ts.current_frame;
  if (globals && is_dict(globals)) shim.globals = static_cast<DictObject*>(globals.as_object());
  else if (!globals || is_none(globals)) shim.globals = nullptr;
  return import_name(ts, &shim, name, fromlist ? fromlist : None(), level);
}

}  // namespace minipy
