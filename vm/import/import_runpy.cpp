// `minipy -m NAME`: runpy._run_module_as_main. The module is found like an import (its parent packages are
// imported first, a package runs its __main__ submodule), its code comes through the cache like any imported
// module's, and it runs as __main__ with the spec, file and package attributes CPython gives it.
#include "cache/pyc.h"
#include "vm/import/import_internal.h"

namespace minipy {

namespace {

// runpy reports a failure to find the module as "Error while finding module specification for 'x' (Type: msg)": the
// exception is turned into that text and cleared, since the CLI prints it as a message, not a traceback.
std::string describe_exception(ThreadState& ts) {
  Value exc = ts.current_exception;
  ts.current_exception = Value();
  Value text = py_str(ts, exc);
  if (!text) ts.current_exception = Value();
  return fmt::format("{}: {}", type_name(exc), text ? as_str(text)->view() : "");
}

// The directories to search for `name`'s last component: sys.path, or its parent package's __path__ after
// importing the parent. Empty optional with `error` set when the parent cannot provide them.
std::optional<std::vector<std::string>> search_path(ThreadState& ts, const std::string& name, std::string* error) {
  std::vector<std::string> entries;
  size_t dot = name.rfind('.');
  Value path;
  if (dot == std::string::npos) {
    path = dict_get_str(ts.interp->sys_module->dict, intern(ts, "path"));
  } else {
    std::string parent = name.substr(0, dot);
    Value package = find_and_load(ts, parent);
    if (!package) {
      *error = fmt::format("Error while finding module specification for {} ({})", python_str_repr(name),
                           describe_exception(ts));
      return std::nullopt;
    }
    path = get_attr_optional(ts, package, ts.interp->names.path);
    if (!path) {
      ts.current_exception = Value();
      *error = fmt::format("Error while finding module specification for {} (ModuleNotFoundError: __path__ "
                           "attribute not found on {} while trying to find {})",
                           python_str_repr(name), python_str_repr(parent), python_str_repr(name));
      return std::nullopt;
    }
  }
  if (path) {
    std::span<Value> items;
    Value storage;
    if (!sequence_items(ts, path, &items, &storage)) {
      *error = describe_exception(ts);
      return std::nullopt;
    }
    for (Value v : items)
      if (is_str(v)) entries.emplace_back(as_str(v)->view());
  }
  return entries;
}

}  // namespace

// Runs module `requested` as __main__ (sys.argv[0] becomes its file). Returns the body's result; null with
// either an exception pending (the module failed) or, when the module could not be found, none pending and
// `error` holding the message CPython prints after "PROGRAM: ".
Value run_module_as_main(ThreadState& ts, const std::string& requested, std::string* error, bool alter_argv) {
  if (requested.empty() || requested[0] == '.') {
    *error = "Relative module names not supported";
    return Value();
  }
  std::string name = requested;
  FoundModule found;
  // At most two rounds: the name itself, then, if it is a package, its __main__ submodule; a package whose __main__ is
  // itself a package is refused with runpy's "cannot be directly executed".
  for (int attempt = 0; attempt < 2; attempt++) {
    auto entries = search_path(ts, name, error);
    if (!entries) return Value();
    found = find_in_path(ts, name, *entries);
    if (found.kind == FoundModule::Kind::None && attempt == 0) {
      *error = fmt::format("No module named {}", name);
      return Value();
    }
    if (found.kind != FoundModule::Kind::None && !found.is_package) break;
    if (attempt == 1) {
      *error = fmt::format("No module named {}; {} is a package and cannot be directly executed", name,
                           python_str_repr(requested));
      return Value();
    }
    // A package runs its __main__ submodule (imported first, as runpy does).
    if (!find_and_load(ts, name)) {
      *error = fmt::format("Error while finding module specification for {} ({})",
                           python_str_repr(name + ".__main__"), describe_exception(ts));
      return Value();
    }
    name += ".__main__";
  }
  size_t dot = name.rfind('.');
  std::string package = dot == std::string::npos ? std::string() : name.substr(0, dot);
  Value loader = make_loader(ts, found.kind, name, found.origin);
  if (!loader) return loader;
  Value spec = make_spec(ts, name, loader, package);
  if (!spec) return spec;
  std::string cached = found.kind == FoundModule::Kind::Source ? cached_path_for(ts, found.origin) : found.origin;
  if (!set_attr(ts, spec, intern(ts, "origin"), Value(make_str(ts, found.origin))) ||
      !set_attr(ts, spec, intern(ts, "has_location"), True()) ||
      (!cached.empty() && !set_attr(ts, spec, intern(ts, "cached"), Value(make_str(ts, cached)))))
    return Value();

  CodeObj* c = found.kind == FoundModule::Kind::Source ? get_source_code(ts, name, found.origin)
                                                       : get_sourceless_code(ts, name, found.origin);
  if (!c) return Value();
  auto& names = ts.interp->names;
  // A fresh module becomes sys.modules['__main__'] (CPython's _run_module_as_main runs the code in the existing
  // __main__ module's dict instead; at start-up nothing else holds that module, so the program cannot tell).
  ModuleObject* main = make_module(ts, "__main__");
  DictObject* d = main->dict;
  dict_set_str_new(ts, d, names.loader, loader);
  dict_set_str_new(ts, d, names.package, Value(make_str(ts, package)));
  dict_set_str_new(ts, d, names.spec, spec);
  dict_set_str_new(ts, d, names.file, Value(make_str(ts, found.origin)));
  if (!cached.empty()) dict_set_str_new(ts, d, names.cached, Value(make_str(ts, cached)));
  dict_set_str_new(ts, d, names.builtins, Value(ts.interp->builtins_module));
  if (!dict_set_str(ts, ts.interp->modules, names.main, Value(main))) return Value();
  Value argv = dict_get_str(ts.interp->sys_module->dict, intern(ts, "argv"));
  if (alter_argv && argv && is_list(argv) && static_cast<ListObject*>(argv.as_object())->size > 0)
    // sys.argv[0] becomes the module's file before its body runs, as `python -m` sets it.
    static_cast<ListObject*>(argv.as_object())->items[0] = Value(make_str(ts, found.origin));
  return eval_code(ts, c, d, Value());
}

}  // namespace minipy
