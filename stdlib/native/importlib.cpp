// The native `importlib` and `importlib.util` modules: the parts of CPython's API a program uses to drive
// imports (import_module, reload, invalidate_caches) and to reason about caches (cache_from_source,
// source_from_cache, MAGIC_NUMBER, source_hash), all answering from the same functions the import statement
// uses, so they agree with it.
#include "cache/pyc.h"
#include "cache/source_hash.h"
#include "cache/cache_path.h"
#include "vm/import/import.h"
#include "vm/import/import_internal.h"

namespace minipy {

namespace {

#define IMPORTLIB_FN(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

Value argument(ThreadState& ts, std::span<const Value> args, TupleObject* kwnames, size_t index,
               std::string_view keyword) {
  if (index < positional_count(args, kwnames)) return args[index];
  return keyword_arg(ts, args, kwnames, keyword);
}

// _bootstrap._resolve_name: `rest` (the name without its leading dots) relative to `package`, `level` dots up.
Value resolve_relative(ThreadState& ts, std::string_view rest, std::string_view package, size_t level,
                       std::string* out) {
  std::string_view base = package;
  for (size_t i = 1; i < level; i++) {
    size_t dot = base.rfind('.');
    if (dot == std::string_view::npos)
      return raise(ts, ImportError_type, "attempted relative import beyond top-level package");
    base = base.substr(0, dot);
  }
  *out = rest.empty() ? std::string(base) : fmt::format("{}.{}", base, rest);
  return None();
}

size_t leading_dots(std::string_view name) {
  size_t level = 0;
  while (level < name.size() && name[level] == '.') level++;
  return level;
}

IMPORTLIB_FN(import_module) {
  Value name = argument(ts, args, kwnames, 0, "name");
  Value package = argument(ts, args, kwnames, 1, "package");
  if (!name) return raise(ts, TypeError_type, "import_module() missing 1 required positional argument: 'name'");
  if (!is_str(name)) return raise_fmt(ts, AttributeError_type, "'{}' object has no attribute 'startswith'",
                                      type_name(name));
  std::string_view text = as_str(name)->view();
  size_t level = leading_dots(text);
  if (level == 0) {
    if (text.empty()) return raise(ts, ValueError_type, "Empty module name");
    return find_and_load(ts, std::string(text));
  }
  if (!package || is_none(package))
    return raise_fmt(ts, TypeError_type,
                     "the 'package' argument is required to perform a relative import for {}",
                     python_str_repr(text));
  if (!is_str(package)) return raise(ts, TypeError_type, "__package__ not set to a string");
  std::string absolute;
  if (!resolve_relative(ts, text.substr(level), as_str(package)->view(), level, &absolute)) return Value();
  return find_and_load(ts, absolute);
}

IMPORTLIB_FN(reload) {
  if (!check_arg_count(ts, "reload", args.size(), 1, 1)) return Value();
  return reload_module(ts, args[0]);
}

IMPORTLIB_FN(invalidate_caches) { return None(); }  // minipy's finder keeps no directory caches

// The prefix tree the cache path of `path` (a source; a cache when `path_is_cache`) lives under: sys.pycache_prefix
// when set; else, for a source in the host's Lib, minipy's per-user mirror tree, as the import statement uses — so
// py_compile and compileall of a Lib file write there, never into the host's installation (even as root).
std::optional<std::string_view> cache_prefix_for(ThreadState& ts, std::string_view path, bool path_is_cache) {
  Value p = dict_get_str(ts.interp->sys_module->dict, intern(ts, "pycache_prefix"));
  if (p && is_str(p)) return as_str(p)->view();
  RuntimeConfig& config = ts.interp->config;
  const std::string& mirror = lib_cache_root(config);
  if (mirror.empty() || config.host_lib.empty()) return std::nullopt;
  if (path_is_cache ? path_is_under(path, mirror) : path_is_under(path, config.host_lib)) return mirror;
  return std::nullopt;
}

IMPORTLIB_FN(util_cache_from_source) {
  Value path = argument(ts, args, kwnames, 0, "path");
  Value debug_override = argument(ts, args, kwnames, 1, "debug_override");
  Value optimization = keyword_arg(ts, args, kwnames, "optimization");
  if (!path || !is_str(path)) return raise(ts, TypeError_type, "expected str, bytes or os.PathLike object");
  const RuntimeConfig& config = ts.interp->config;
  Value impl = dict_get_str(ts.interp->sys_module->dict, intern(ts, "implementation"));
  Value tag = impl ? get_attr_optional(ts, impl, intern(ts, "cache_tag")) : Value();
  if (!tag || !is_str(tag)) {
    ts.current_exception = Value();
    return raise(ts, NotImplementedError_type, "sys.implementation.cache_tag is None");
  }
  std::string opt;
  if (debug_override && !is_none(debug_override)) {
    if (optimization && !is_none(optimization))
      return raise(ts, TypeError_type, "debug_override or optimization must be set to None");
    int t = py_truth(ts, debug_override);
    if (t < 0) return Value();
    opt = t ? "" : "1";
  } else if (optimization && !is_none(optimization)) {
    Value s = py_str(ts, optimization);
    if (!s) return s;
    opt = std::string(as_str(s)->view());
  } else {
    opt = config.optimize ? std::to_string(config.optimize) : "";
  }
  std::optional<std::string_view> prefix = cache_prefix_for(ts, as_str(path)->view(), false);
  CachePathResult r = cache_from_source(as_str(path)->view(), as_str(tag)->view(), opt, prefix);
  if (!r.ok()) return raise(ts, ValueError_type, r.error().message);
  return Value(make_str(ts, r.value()));
}

IMPORTLIB_FN(util_source_from_cache) {
  Value path = argument(ts, args, kwnames, 0, "path");
  if (!path || !is_str(path)) return raise(ts, TypeError_type, "expected str, bytes or os.PathLike object");
  std::optional<std::string_view> prefix = cache_prefix_for(ts, as_str(path)->view(), true);
  CachePathResult r = source_from_cache(as_str(path)->view(), prefix);
  if (!r.ok()) return raise(ts, ValueError_type, r.error().message);
  return Value(make_str(ts, r.value()));
}

IMPORTLIB_FN(util_source_hash) {
  Value data = argument(ts, args, kwnames, 0, "source_bytes");
  if (!data || type_of(data) != &bytes_type)
    return raise_fmt(ts, TypeError_type, "a bytes-like object is required, not '{}'",
                     data ? type_name(data) : "NoneType");
  auto hash = source_hash(static_cast<BytesObject*>(data.as_object())->view());
  return make_bytes(ts, std::string_view(reinterpret_cast<const char*>(hash.data()), hash.size()));
}

// spec_from_file_location(name, location, *, loader=None, submodule_search_locations=...): for a str path to a
// .py or .pyc file, the spec the import statement would make for that file (its loader, its cache rules; a
// package's __init__ gets its directory as submodule_search_locations). Every other form (a loader or locations
// given, a path-like or unknown suffix) is Lib's _bootstrap_external.spec_from_file_location, with Lib's loaders.
IMPORTLIB_FN(spec_from_file_location) {
  Value name = argument(ts, args, kwnames, 0, "name");
  Value location = argument(ts, args, kwnames, 1, "location");
  Value loader = keyword_arg(ts, args, kwnames, "loader");
  Value locations = keyword_arg(ts, args, kwnames, "submodule_search_locations");
  std::string_view path_view = location && is_str(location) ? as_str(location)->view() : std::string_view();
  bool sourceless = path_view.ends_with(".pyc");
  bool native = name && is_str(name) && (sourceless || path_view.ends_with(".py")) && (!loader || is_none(loader)) &&
                !locations && positional_count(args, kwnames) <= 2;
  if (!native) {
    Value lib = find_and_load(ts, "importlib._bootstrap_external");
    Value function = lib ? get_attr(ts, lib, intern(ts, "spec_from_file_location")) : Value();
    return function ? call(ts, function, args, kwnames) : function;
  }
  FoundModule found;
  found.kind = sourceless ? FoundModule::Kind::Sourceless : FoundModule::Kind::Source;
  found.origin = std::string(path_view);
  size_t slash = path_view.rfind('/');
  std::string_view base = path_view.substr(slash == std::string_view::npos ? 0 : slash + 1);
  found.is_package = base.substr(0, base.rfind('.')) == "__init__";
  if (found.is_package) found.search_locations.emplace_back(path_view.substr(0, slash == std::string_view::npos ? 0 : slash));
  Value path_list;
  std::string cached;
  return spec_for_found(ts, std::string(as_str(name)->view()), found, &path_list, &cached);
}

// module_from_spec(spec): the shared implementation the import statement's program-finder path also uses.
IMPORTLIB_FN(util_module_from_spec) {
  if (!check_arg_count(ts, "module_from_spec", args.size(), 1, 1)) return Value();
  return module_from_spec(ts, args[0]);
}

// util.resolve_name(name, package): the absolute name of a relative one, with util's own error wording.
bool resolve_util_name(ThreadState& ts, Value name, Value package, std::string* out) {
  if (!is_str(name))
    return raise_fmt(ts, AttributeError_type, "'{}' object has no attribute 'startswith'", type_name(name)), false;
  std::string_view text = as_str(name)->view();
  size_t level = leading_dots(text);
  if (level == 0) return *out = std::string(text), true;
  int has_package = package ? py_truth(ts, package) : 0;
  if (has_package < 0) return false;
  if (!has_package) {
    return raise_fmt(ts, ImportError_type, "no package specified for {} (required for relative module names)",
                     python_str_repr(text)),
           false;
  }
  if (!is_str(package)) return raise(ts, TypeError_type, "__package__ not set to a string"), false;
  return static_cast<bool>(resolve_relative(ts, text.substr(level), as_str(package)->view(), level, out));
}

IMPORTLIB_FN(util_resolve_name) {
  Value name = argument(ts, args, kwnames, 0, "name");
  Value package = argument(ts, args, kwnames, 1, "package");
  if (!name || !package)
    return raise_fmt(ts, TypeError_type, "resolve_name() missing 1 required positional argument: '{}'",
                     name ? "package" : "name");
  std::string resolved;
  if (!resolve_util_name(ts, name, package, &resolved)) return Value();
  return Value(make_str(ts, resolved));
}

// util.find_spec(name, package=None): a module already imported answers with its __spec__; else the parent
// package is imported and sys.meta_path's finders are asked with its __path__, as CPython 3.11 does. With the
// default finders that is the import statement's own search, so the answer is what `import` would load.
IMPORTLIB_FN(util_find_spec) {
  Value name = argument(ts, args, kwnames, 0, "name");
  Value package = argument(ts, args, kwnames, 1, "package");
  if (!name) return raise(ts, TypeError_type, "find_spec() missing 1 required positional argument: 'name'");
  std::string fullname;
  if (!resolve_util_name(ts, name, package, &fullname)) return Value();
  Value module = dict_get_str(ts.interp->modules, intern(ts, fullname));
  if (module) {
    if (is_none(module)) return None();
    Value spec = get_attr_optional(ts, module, ts.interp->names.spec);
    if (!spec && ts.current_exception) return spec;
    if (!spec) return raise_fmt(ts, ValueError_type, "{}.__spec__ is not set", as_str(name)->view());
    if (is_none(spec)) return raise_fmt(ts, ValueError_type, "{}.__spec__ is None", as_str(name)->view());
    return spec;
  }
  Value parent_path = None();
  size_t dot = fullname.rfind('.');
  if (dot != std::string::npos) {
    std::string parent_name = fullname.substr(0, dot);
    Value parent = find_and_load(ts, parent_name);
    if (!parent) return parent;
    parent_path = get_attr_optional(ts, parent, ts.interp->names.path);
    if (!parent_path) {
      if (ts.current_exception) return parent_path;
      Value message(make_str(ts, fmt::format("__path__ attribute not found on {} while trying to find {}",
                                             python_str_repr(parent_name), python_str_repr(fullname))));
      Value exc = new_exception(ts, &ModuleNotFoundError_type, {&message, 1});
      if (!exc || !set_attr(ts, exc, intern(ts, "name"), Value(make_str(ts, fullname)))) return Value();
      return raise_value(ts, exc);
    }
  }
  return find_spec_on_meta_path(ts, fullname, parent_path);
}

// The rest of importlib.util comes from Lib, on first use (PEP 562 module __getattr__), so that
// `import importlib.util` stays free: the names Lib's util.py takes from _bootstrap/_bootstrap_external, and the
// ones util.py defines itself (read from a private copy of Lib's util.py, module importlib._lib_util).
struct LibUtilName {
  const char* name;
  const char* module;  // the module that has it
};
constexpr LibUtilName kLibUtilNames[] = {
    {"spec_from_loader", "importlib._bootstrap"},
    {"_resolve_name", "importlib._bootstrap"},
    {"_find_spec", "importlib._bootstrap"},
    {"decode_source", "importlib._bootstrap_external"},
    {"_RAW_MAGIC_NUMBER", "importlib._bootstrap_external"},
    {"Loader", "importlib._abc"},
    {"LazyLoader", "importlib._lib_util"},
    {"_LazyModule", "importlib._lib_util"},
    {"module_for_loader", "importlib._lib_util"},
    {"set_loader", "importlib._lib_util"},
    {"set_package", "importlib._lib_util"},
    {"_module_to_load", "importlib._lib_util"},
};

IMPORTLIB_FN(util_getattr) {
  if (!no_keywords(ts, "__getattr__", kwnames) || !check_arg_count(ts, "__getattr__", args.size(), 1, 1))
    return Value();
  if (is_str(args[0])) {
    std::string_view name = as_str(args[0])->view();
    for (const LibUtilName& entry : kLibUtilNames) {
      if (name != entry.name) continue;
      std::string module_name = entry.module;
      Value module = dict_get_str(ts.interp->modules, intern(ts, module_name));
      if (!module && module_name == "importlib._lib_util") {
        const std::string& lib = ts.interp->config.host_lib;
        if (lib.empty()) return raise(ts, ImportError_type, "importlib.util's Python half needs CPython's Lib");
        module = load_source_module(ts, module_name, lib + "/importlib/util.py");
      } else if (!module) {
        module = find_and_load(ts, module_name);
      }
      return module ? get_attr(ts, module, as_str(args[0])) : module;
    }
  }
  Value r = py_str(ts, args[0]);
  if (!r) return r;
  return raise_fmt(ts, AttributeError_type, "module 'importlib.util' has no attribute '{}'", as_str(r)->view());
}

// importlib.find_loader(name, path=None) (deprecated since 3.4): the loader of an imported module, else of the
// spec sys.meta_path's finders give (CPython's DeprecationWarning is not issued).
IMPORTLIB_FN(find_loader) {
  Value name = argument(ts, args, kwnames, 0, "name");
  Value path = argument(ts, args, kwnames, 1, "path");
  if (!name) return raise(ts, TypeError_type, "find_loader() missing 1 required positional argument: 'name'");
  if (!is_str(name)) return raise(ts, TypeError_type, "module name must be str");
  std::string text(as_str(name)->view());
  if (Value module = dict_get_str(ts.interp->modules, intern(ts, text))) {
    Value loader = get_attr_optional(ts, module, ts.interp->names.loader);
    if (!loader && ts.current_exception) return loader;
    if (!loader) return raise_fmt(ts, ValueError_type, "{}.__loader__ is not set", text);
    if (is_none(loader)) return raise_fmt(ts, ValueError_type, "{}.__loader__ is None", text);
    return loader;
  }
  Value spec = find_spec_on_meta_path(ts, text, path ? path : None());
  if (!spec || is_none(spec)) return spec;
  Value loader = get_attr(ts, spec, intern(ts, "loader"));
  if (!loader || !is_none(loader)) return loader;
  Value locations = get_attr(ts, spec, intern(ts, "submodule_search_locations"));
  if (!locations) return locations;
  std::string message = is_none(locations) ? fmt::format("spec for {} missing loader", text)
                                           : std::string("namespace packages do not have loaders");
  Value message_value(make_str(ts, message));
  Value exc = new_exception(ts, &ImportError_type, {&message_value, 1});
  if (!exc || !set_attr(ts, exc, intern(ts, "name"), name)) return Value();
  return raise_value(ts, exc);
}

// importlib's attributes that CPython's importlib/__init__.py binds from the bootstrap files: given on first
// use (PEP 562), so `import importlib` does not load Lib's _bootstrap.
IMPORTLIB_FN(importlib_getattr) {
  if (!no_keywords(ts, "__getattr__", kwnames) || !check_arg_count(ts, "__getattr__", args.size(), 1, 1))
    return Value();
  if (is_str(args[0])) {
    std::string_view name = as_str(args[0])->view();
    if (name == "_bootstrap" || name == "_bootstrap_external")
      return find_and_load(ts, fmt::format("importlib.{}", name));
    if (name == "_pack_uint32" || name == "_unpack_uint32") {
      Value external = find_and_load(ts, "importlib._bootstrap_external");
      return external ? get_attr(ts, external, as_str(args[0])) : external;
    }
  }
  Value r = py_str(ts, args[0]);
  if (!r) return r;
  return raise_fmt(ts, AttributeError_type, "module 'importlib' has no attribute '{}'", as_str(r)->view());
}

const MethodDef importlib_functions[] = {
    {"import_module", import_module},
    {"reload", reload},
    {"invalidate_caches", invalidate_caches},
    {"find_loader", find_loader},
    {"__getattr__", importlib_getattr},
};
const MethodDef util_functions[] = {
    {"cache_from_source", util_cache_from_source},
    {"source_from_cache", util_source_from_cache},
    {"source_hash", util_source_hash},
    {"spec_from_file_location", spec_from_file_location},
    {"module_from_spec", util_module_from_spec},
    {"find_spec", util_find_spec},
    {"resolve_name", util_resolve_name},
    {"__getattr__", util_getattr},
};

ModuleObject* make_native(ThreadState& ts, std::string_view name, std::span<const MethodDef> functions) {
  ModuleObject* m = make_module(ts, name);
  for (const MethodDef& def : functions)
    dict_set_str_new(ts, m->dict, intern(ts, def.name), make_native_function(ts, &def, Value(m), Value(m->name)));
  return m;
}

// importlib.machinery.all_suffixes(): every file suffix a module may have (source, then bytecode; minipy loads no
// extension modules).
IMPORTLIB_FN(machinery_all_suffixes) {
  if (!check_positional_args(ts, "all_suffixes", args, kwnames, 0, 0))
    return Value();
  Value suffixes[2] = {Value(make_str(ts, ".py")), Value(make_str(ts, ".pyc"))};
  return Value(make_list(ts, suffixes));
}

// The classes CPython's importlib.machinery re-exports from the bootstrap modules, and which module has each.
// They come from Lib's files on first use (PEP 562 module __getattr__), so `import importlib.machinery` stays
// cheap; minipy's own import statement does not use them (its specs and loaders are import_bootstrap.cpp's).
struct MachineryClass {
  const char* name;
  const char* module;
};
constexpr MachineryClass kMachineryClasses[] = {
    {"ModuleSpec", "importlib._bootstrap"},
    {"WindowsRegistryFinder", "importlib._bootstrap_external"},
    {"FileFinder", "importlib._bootstrap_external"},
    {"SourceFileLoader", "importlib._bootstrap_external"},
    {"SourcelessFileLoader", "importlib._bootstrap_external"},
    {"ExtensionFileLoader", "importlib._bootstrap_external"},
    {"NamespaceLoader", "importlib._bootstrap_external"},
};

IMPORTLIB_FN(machinery_getattr) {
  if (!no_keywords(ts, "__getattr__", kwnames) || !check_arg_count(ts, "__getattr__", args.size(), 1, 1))
    return Value();
  if (is_str(args[0])) {
    std::string_view name = as_str(args[0])->view();
    // The finders on sys.meta_path are the native ones, so `machinery.PathFinder in sys.meta_path` holds.
    if (Type* finder = native_finder_type(name)) return Value(finder);
    for (const MachineryClass& c : kMachineryClasses) {
      if (name != c.name) continue;
      Value module = find_and_load(ts, c.module);
      return module ? get_attr(ts, module, as_str(args[0])) : module;
    }
  }
  Value r = py_str(ts, args[0]);
  if (!r) return r;
  return raise_fmt(ts, AttributeError_type, "module 'importlib.machinery' has no attribute '{}'", as_str(r)->view());
}

const MethodDef machinery_functions[] = {{"all_suffixes", machinery_all_suffixes},
                                         {"__getattr__", machinery_getattr}};

}  // namespace

namespace {

// Runs host Lib's importlib/FILE.py as module `name`: CPython freezes these two files into its binary and
// importlib/__init__.py wires them up; minipy's import statement is native, so they are ordinary library modules
// here (for pydoc's loaders, py_compile's pyc writers, test.support), loaded when first imported.
Value load_lib_importlib_file(ThreadState& ts, const char* name, const char* file) {
  const std::string& lib = ts.interp->config.host_lib;
  if (lib.empty())
    return raise_fmt(ts, ImportError_type, "{} comes from CPython's Lib, and minipy found none", name);
  return load_source_module(ts, name, fmt::format("{}/importlib/{}", lib, file));
}

Value call_module_function(ThreadState& ts, Value module, const char* function, std::span<const Value> args) {
  Value f = get_attr(ts, module, intern(ts, function));
  return f ? call(ts, f, args) : f;
}

}  // namespace

// importlib._bootstrap: Lib's file, set up as importlib/__init__.py does when it is not frozen
// (_bootstrap._setup(sys, _imp): builtin modules get specs, _thread/_warnings/_weakref are bound).
ModuleObject* create_importlib_bootstrap_module(ThreadState& ts) {
  Value module = load_lib_importlib_file(ts, "importlib._bootstrap", "_bootstrap.py");
  if (!module) return nullptr;
  Value imp = find_and_load(ts, "_imp");
  if (!imp) return nullptr;
  Value setup_args[2] = {Value(ts.interp->sys_module), imp};
  if (!call_module_function(ts, module, "_setup", setup_args)) return nullptr;
  return static_cast<ModuleObject*>(module.as_object());
}

// _frozen_importlib: CPython's frozen copy of _bootstrap; here the same module as importlib._bootstrap (Lib's
// file), for the Lib modules that import it by that name (zipimport; importlib.abc, which then also registers
// the import statement's native loader types with its ABCs, as CPython registers its frozen classes).
ModuleObject* create_frozen_importlib_module(ThreadState& ts) {
  Value bootstrap = find_and_load(ts, "importlib._bootstrap");
  return bootstrap && type_of(bootstrap) == &module_type ? static_cast<ModuleObject*>(bootstrap.as_object()) : nullptr;
}

// importlib._bootstrap_external: Lib's file, told which _bootstrap it works with (and _bootstrap told of it).
ModuleObject* create_importlib_bootstrap_external_module(ThreadState& ts) {
  Value bootstrap = find_and_load(ts, "importlib._bootstrap");
  if (!bootstrap) return nullptr;
  Value module = load_lib_importlib_file(ts, "importlib._bootstrap_external", "_bootstrap_external.py");
  if (!module) return nullptr;
  if (!call_module_function(ts, module, "_set_bootstrap_module", {&bootstrap, 1}) ||
      !set_attr(ts, bootstrap, intern(ts, "_bootstrap_external"), module))
    return nullptr;
  // Lib's loaders (machinery.SourceFileLoader and friends, and the FileFinder of sys.path_hooks) name their
  // caches with minipy's cache_from_source/source_from_cache: the same paths, the mirror for host Lib files,
  // never a write into the host's installation.
  Value util = find_and_load(ts, "importlib.util");
  if (!util) return nullptr;
  for (const char* name : {"cache_from_source", "source_from_cache"}) {
    Value f = get_attr(ts, util, intern(ts, name));
    if (!f || !set_attr(ts, module, intern(ts, name), f)) return nullptr;
  }
  return static_cast<ModuleObject*>(module.as_object());
}

// importlib.machinery: the suffix lists inspect, linecache and friends consult (the finder and loader classes
// are not exposed).
ModuleObject* create_importlib_machinery_module(ThreadState& ts) {
  ModuleObject* m = make_native(ts, "importlib.machinery", machinery_functions);
  auto suffix_list = [&](const char* name, std::string_view suffix) {
    Value item(make_str(ts, suffix));
    dict_set_str_new(ts, m->dict, intern(ts, name), suffix.empty() ? Value(make_list(ts, 0)) : Value(make_list(ts, {&item, 1})));
  };
  suffix_list("SOURCE_SUFFIXES", ".py");
  suffix_list("BYTECODE_SUFFIXES", ".pyc");
  suffix_list("DEBUG_BYTECODE_SUFFIXES", ".pyc");
  suffix_list("OPTIMIZED_BYTECODE_SUFFIXES", ".pyc");
  suffix_list("EXTENSION_SUFFIXES", "");
  return m;
}

ModuleObject* create_importlib_util_module(ThreadState& ts) {
  ModuleObject* m = make_native(ts, "importlib.util", util_functions);
  dict_set_str_new(ts, m->dict, intern(ts, "MAGIC_NUMBER"),
               make_bytes(ts, std::string_view(reinterpret_cast<const char*>(kPycMagic.data()), kPycMagic.size())));
  return m;
}

ModuleObject* create_importlib_module(ThreadState& ts) {
  ModuleObject* m = make_native(ts, "importlib", importlib_functions);
  // importlib.__import__ is the import statement's function, as CPython's (its _bootstrap.__import__).
  if (Value import = dict_get_str(ts.interp->builtins, intern(ts, "__import__")))
    dict_set_str_new(ts, m->dict, intern(ts, "__import__"), import);
  // A package (so `import importlib.util` looks for the submodule) whose util is always loaded, as in CPython
  // where start-up has usually imported it already.
  // Its __path__ is the host Lib's importlib directory: the pure-Python submodules (abc, resources, metadata,
  // readers, simple, _abc) load from there as in CPython; the native rows (util, machinery, _bootstrap,
  // _bootstrap_external) are found first, as builtin modules are.
  ListObject* path = make_list(ts, 0);
  const std::string& lib = ts.interp->config.host_lib;
  if (!lib.empty() && !list_append(ts, path, Value(make_str(ts, lib + "/importlib")))) return nullptr;
  dict_set_str_new(ts, m->dict, ts.interp->names.path, Value(path));
  dict_set_str_new(ts, m->dict, ts.interp->names.package, Value(m->name));
  ModuleObject* util = create_importlib_util_module(ts);
  // sys.modules is the program's to fill by now: storing into it may fail like any dict store.
  if (!dict_set_str(ts, ts.interp->modules, intern(ts, "importlib.util"), Value(util))) return nullptr;
  dict_set_str_new(ts, m->dict, intern(ts, "util"), Value(util));
  return m;
}

}  // namespace minipy
