// The objects importlib exposes on modules — __spec__ (a ModuleSpec) and __loader__ (a SourceFileLoader,
// SourcelessFileLoader or NamespaceLoader) — as small native types whose attributes live in an instance dict,
// so programs can read and set them as in CPython. Their reprs follow CPython's, which also makes the
// `import 'mod' # <_frozen_importlib_external.SourceFileLoader object at 0x...>` -v lines read the same.
// They only describe a module; the loading itself is import.cpp's and import_cache.cpp's.
#include <cstddef>
#include <vector>

#include "cache/pyc.h"
#include "vm/import/import_internal.h"
#include "vm/objects/static_type.h"

namespace minipy {

namespace {

Type module_spec_type, source_loader_type, sourceless_loader_type, namespace_loader_type;

// Specs and loaders keep their (static) type's heap parts alive: a program may drop the module holding the
// types from sys.modules while modules still point at their specs.
void trace_instance(Object* self, Tracer& tracer) {
  tracer.visit(static_cast<Object*>(self->type));
  tracer.visit(static_cast<InstanceObject*>(self)->dict);
}

Value attribute_or_none(ThreadState& ts, Value obj, const char* name) {
  auto* dict = static_cast<InstanceObject*>(obj.as_object())->dict;
  Value v = dict ? dict_get_str(dict, intern(ts, name)) : Value();
  return v ? v : None();
}

Value repr_text(ThreadState& ts, Value v, std::string* out) {
  Value r = py_repr(ts, v);
  if (r) *out = std::string(as_str(r)->view());
  return r;
}

// ModuleSpec.__repr__ of CPython 3.11: name and loader always, origin and search locations when set.
Value spec_repr(ThreadState& ts, Value self) {
  std::string name, loader, origin, locations;
  if (!repr_text(ts, attribute_or_none(ts, self, "name"), &name) ||
      !repr_text(ts, attribute_or_none(ts, self, "loader"), &loader))
    return Value();
  std::string text = fmt::format("ModuleSpec(name={}, loader={}", name, loader);
  Value o = attribute_or_none(ts, self, "origin");
  if (!is_none(o)) {
    if (!repr_text(ts, o, &origin)) return Value();
    text += fmt::format(", origin={}", origin);
  }
  Value l = attribute_or_none(ts, self, "submodule_search_locations");
  if (!is_none(l)) {
    if (!repr_text(ts, l, &locations)) return Value();
    text += fmt::format(", submodule_search_locations={}", locations);
  }
  return Value(make_str(ts, text + ")"));
}

Value loader_repr(ThreadState& ts, Value self) {
  return Value(make_str(ts, fmt::format("<_frozen_importlib_external.{} object at {:#x}>",
                                        type_of(self)->c_name, self.bits())));
}

Value loader_get_filename(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  return attribute_or_none(ts, self, "path");
}
// SourceFileLoader.exec_module / SourcelessFileLoader.exec_module: the module's code (through the cache for
// sources) run in the module's namespace, for importlib.util.module_from_spec users.
Value loader_exec_module(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "exec_module", args, kwnames, 1, 1))
    return Value();
  if (type_of(args[0]) != &module_type) return raise(ts, TypeError_type, "exec_module() argument must be a module");
  auto* module = static_cast<ModuleObject*>(args[0].as_object());
  Value path = attribute_or_none(ts, self, "path");
  if (!is_str(path)) return raise(ts, ImportError_type, "loader has no path");
  std::string file(as_str(path)->view());
  std::string name(module->name->view());
  CodeObj* c = type_of(self) == &source_loader_type ? get_source_code(ts, name, file)
                                                    : get_sourceless_code(ts, name, file);
  if (!c) return Value();
  // The module is the caller's: its dict may hold keys of the program's making, so the store may fail.
  if (!dict_get_str(module->dict, ts.interp->names.builtins) &&
      !dict_set_str(ts, module->dict, ts.interp->names.builtins, Value(ts.interp->builtins)))
    return Value();
  if (!eval_code(ts, c, module->dict, Value())) return Value();
  return None();
}

// loader.get_code(fullname): the module's code object through the same cache decisions as the import statement
// (a fresh __pycache__ pyc is read, a stale one rewritten), so runpy and pkgutil users see what `import` runs.
Value loader_get_code(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "get_code", args, kwnames, 1, 1)) return Value();
  Value path = attribute_or_none(ts, self, "path");
  if (!is_str(path)) return raise(ts, ImportError_type, "loader has no path");
  std::string file(as_str(path)->view());
  Value name = is_str(args[0]) ? args[0] : attribute_or_none(ts, self, "name");
  std::string fullname(is_str(name) ? as_str(name)->view() : std::string_view());
  CodeObj* c = type_of(self) == &source_loader_type ? get_source_code(ts, fullname, file)
                                                     : get_sourceless_code(ts, fullname, file);
  return c ? Value(c) : Value();
}

// loader.is_package(fullname): whether the loader's file is a package's __init__, as _LoaderBasics decides.
Value loader_is_package(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "is_package", args, kwnames, 1, 1)) return Value();
  if (type_of(self) == &namespace_loader_type) return True();
  Value path = attribute_or_none(ts, self, "path");
  std::string_view file = is_str(path) ? as_str(path)->view() : std::string_view();
  std::string_view base = file.substr(file.rfind('/') == std::string_view::npos ? 0 : file.rfind('/') + 1);
  std::string_view stem = base.substr(0, base.rfind('.'));
  std::string_view tail = is_str(args[0]) ? as_str(args[0])->view() : std::string_view();
  tail = tail.substr(tail.rfind('.') == std::string_view::npos ? 0 : tail.rfind('.') + 1);
  return Bool(stem == "__init__" && tail != "__init__");
}

// loader.create_module(spec): None, so the machinery makes an ordinary module (as CPython's file loaders).
Value loader_create_module(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "create_module", args, kwnames, 1, 1)) return Value();
  return None();
}

// get_data, get_source and get_resource_reader only read files: they run the methods of Lib's FileLoader and
// SourceLoader on this loader (duck-typed: they need only .name, .path and get_filename), so the bytes, the
// source decoding (coding cookies, universal newlines) and importlib.readers' FileReader are CPython's.
Value run_lib_loader_method(ThreadState& ts, const char* lib_class, const char* method, Value self,
                            std::span<const Value> args) {
  Value lib = find_and_load(ts, "importlib._bootstrap_external");
  Value cls = lib ? get_attr(ts, lib, intern(ts, lib_class)) : Value();
  Value function = cls ? get_attr(ts, cls, intern(ts, method)) : Value();
  if (!function) return function;
  std::vector<Value> call_args{self};
  call_args.insert(call_args.end(), args.begin(), args.end());
  return call(ts, function, call_args);
}

Value loader_get_data(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "get_data", args, kwnames, 1, 1)) return Value();
  return run_lib_loader_method(ts, "FileLoader", "get_data", self, args);
}
Value loader_get_source(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "get_source", args, kwnames, 1, 1)) return Value();
  if (type_of(self) != &source_loader_type) return None();  // sourceless: no source, as CPython
  return run_lib_loader_method(ts, "SourceLoader", "get_source", self, args);
}
Value loader_get_resource_reader(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "get_resource_reader", args, kwnames, 1, 1)) return Value();
  return run_lib_loader_method(ts, "FileLoader", "get_resource_reader", self, args);
}

// The namespace loader's module has no code: exec_module does nothing.
Value namespace_exec_module(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "exec_module", args, kwnames, 1, 1)) return Value();
  return None();
}

const MethodDef loader_methods[] = {
    {"get_filename", loader_get_filename}, {"exec_module", loader_exec_module},
    {"get_code", loader_get_code},         {"is_package", loader_is_package},
    {"create_module", loader_create_module}, {"get_data", loader_get_data},
    {"get_source", loader_get_source},     {"get_resource_reader", loader_get_resource_reader},
};
const MethodDef namespace_loader_methods[] = {{"create_module", loader_create_module},
                                              {"exec_module", namespace_exec_module},
                                              {"is_package", loader_is_package}};

void define_type(ThreadState& ts, Type& t, const char* name, UnarySlot repr) {
  t.type = &type_type;
  t.gc_flags = kGcStatic;
  t.c_name = name;
  t.base = &object_type;
  t.instance_size = sizeof(InstanceObject);
  t.dict_offset = offsetof(InstanceObject, dict);
  t.flags = kTypeImmutable;
  t.repr = repr;
  t.getattr = object_type.getattr;
  t.setattr = object_type.setattr;
  t.hash = object_type.hash;
  t.richcompare = object_type.richcompare;
  t.str = object_type.str;
  t.trace = trace_instance;
  init_static_type(ts, t);
  t.module = Value(intern(ts, "_frozen_importlib_external"));
}

Value new_instance(ThreadState& ts, Type* type) {
  auto* o = ts.alloc<InstanceObject>(type, sizeof(InstanceObject));
  o->dict = make_dict(ts);
  return Value(o);
}

// _frozen_importlib_external.__getattr__: CPython's module of that name is the whole _bootstrap_external; Lib
// files that import it directly (zipimport's _unpack_uint16, pkgutil) get the rest from Lib's file on first use.
Value external_getattr(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "__getattr__", args, kwnames, 1, 1)) return Value();
  if (!is_str(args[0])) return raise(ts, TypeError_type, "attribute name must be string");
  std::string_view name = as_str(args[0])->view();
  if (!name.starts_with("__")) {
    Value lib = find_and_load(ts, "importlib._bootstrap_external");
    if (!lib) return lib;
    Value v = get_attr_optional(ts, lib, as_str(args[0]));
    if (v || ts.current_exception) return v;
  }
  return raise_fmt(ts, AttributeError_type, "module '_frozen_importlib_external' has no attribute '{}'", name);
}
const MethodDef kExternalGetattr = {"__getattr__", external_getattr};

}  // namespace

ModuleObject* bootstrap_module(ThreadState& ts) {
  StrObject* name = intern(ts, "_frozen_importlib_external");
  Value existing = dict_get_str(ts.interp->modules, name);
  if (existing && type_of(existing) == &module_type) return static_cast<ModuleObject*>(existing.as_object());
  // Static types hold heap names and dicts: (re)initialised for each interpreter that imports.
  define_type(ts, module_spec_type, "ModuleSpec", spec_repr);
  define_type(ts, source_loader_type, "SourceFileLoader", loader_repr);
  define_type(ts, sourceless_loader_type, "SourcelessFileLoader", loader_repr);
  define_type(ts, namespace_loader_type, "NamespaceLoader", loader_repr);
  for (Type* t : {&source_loader_type, &sourceless_loader_type}) add_methods(ts, *t, loader_methods);
  add_methods(ts, namespace_loader_type, namespace_loader_methods);
  ModuleObject* m = make_module(ts, "_frozen_importlib_external");
  for (Type* t : {&module_spec_type, &source_loader_type, &sourceless_loader_type, &namespace_loader_type})
    dict_set_str_new(ts, m->dict, t->name, Value(t));
  dict_set_str_new(ts, m->dict, intern(ts, "__getattr__"),
                   make_native_function(ts, &kExternalGetattr, Value(m), Value(m->name)));
  if (!dict_set_str(ts, ts.interp->modules, name, Value(m))) return nullptr;
  return m;
}

Value make_loader(ThreadState& ts, FoundModule::Kind kind, std::string_view name, std::string_view path) {
  if (!bootstrap_module(ts)) return Value();
  Type* type = kind == FoundModule::Kind::Source       ? &source_loader_type
               : kind == FoundModule::Kind::Sourceless ? &sourceless_loader_type
                                                       : &namespace_loader_type;
  Value loader = new_instance(ts, type);
  if (kind != FoundModule::Kind::Namespace) {
    DictObject* d = static_cast<InstanceObject*>(loader.as_object())->dict;
    dict_set_str_new(ts, d, intern(ts, "name"), Value(make_str(ts, name)));
    dict_set_str_new(ts, d, intern(ts, "path"), Value(make_str(ts, path)));
  }
  return loader;
}

Value make_spec(ThreadState& ts, std::string_view name, Value loader, std::string_view parent) {
  if (!bootstrap_module(ts)) return Value();
  Value spec = new_instance(ts, &module_spec_type);
  DictObject* d = static_cast<InstanceObject*>(spec.as_object())->dict;
  auto put = [&](const char* key, Value v) { dict_set_str_new(ts, d, intern(ts, key), v); };
  put("name", Value(make_str(ts, name)));
  put("loader", loader);
  put("origin", None());
  put("loader_state", None());
  put("submodule_search_locations", None());
  put("cached", None());
  put("parent", Value(make_str(ts, parent)));
  put("has_location", False());
  put("_initializing", False());
  return spec;
}

}  // namespace minipy
