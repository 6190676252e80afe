// The module type (types.ModuleType): a name and an attribute dict. As in CPython the dict is the instance dict
// (module's dict_offset points at it), so classes derived from ModuleType (importlib.util's _LazyModule) use it
// for their instances' attributes, and `__class__` can be switched between module classes (vm/objects/type.cpp).
// module.__new__ makes an empty module and module.__init__(name, doc=None) fills the five standard entries, so a
// subclass's own __init__ with other parameters works. The repr follows importlib._bootstrap._module_repr.
#include <cstddef>

#include "stdlib/native/native_type.h"
#include "vm/objects/type_init.h"
#include "vm/runtime.h"

namespace minipy {

namespace {

ModuleObject* as_module(Value v) { return static_cast<ModuleObject*>(v.as_object()); }

// CPython's module_getattro: the generic lookup (data descriptors of the module's class, its dict, then class
// attributes), then PEP 562's module-level __getattr__, then an AttributeError naming the module by its __name__
// (or none when that is not a str).
Value module_getattr(ThreadState& ts, Value self, StrObject* name) {
  ModuleObject* m = as_module(self);
  Value v = generic_getattr(ts, self, name, true);
  if (v || ts.current_exception) return v;
  if (Value hook = dict_get_str(m->dict, intern(ts, "__getattr__"))) {
    Value arg(name);
    return call(ts, hook, {&arg, 1});
  }
  Value module_name = dict_get_str(m->dict, ts.interp->names.name);
  std::string message = module_name && is_str(module_name)
                            ? fmt::format("module '{}' has no attribute '{}'", as_str(module_name)->view(), name->view())
                            : fmt::format("module has no attribute '{}'", name->view());
  return raise_attribute_error(ts, self, name, message);
}

// getattr(obj, name, None): AttributeError gives None, other errors propagate (null).
Value attribute_or_none(ThreadState& ts, Value obj, StrObject* name) {
  Value v = get_attr_optional(ts, obj, name);
  if (v) return v;
  return ts.current_exception ? Value() : None();
}

// "<module NAME ...>" with `name` shown by its repr, as str.format's {!r} does.
Value module_repr_text(ThreadState& ts, Value name, std::string_view rest) {
  Value shown = py_repr(ts, name);
  if (!shown) return shown;
  return Value(make_str(ts, fmt::format("<module {}{}>", as_str(shown)->view(), rest)));
}

// " (REPR)" for a loader, "" for None.
bool loader_suffix(ThreadState& ts, Value loader, std::string* out) {
  if (is_none(loader)) return true;
  Value shown = py_repr(ts, loader);
  if (!shown) return false;
  *out = fmt::format(" ({})", as_str(shown)->view());
  return true;
}

// importlib._bootstrap._module_repr_from_spec.
Value repr_from_spec(ThreadState& ts, Value spec) {
  Value spec_name = get_attr(ts, spec, intern(ts, "name"));
  if (!spec_name) return spec_name;
  Value name = is_none(spec_name) ? Value(intern(ts, "?")) : spec_name;
  Value origin = get_attr(ts, spec, intern(ts, "origin"));
  if (!origin) return origin;
  if (is_none(origin)) {
    Value loader = get_attr(ts, spec, intern(ts, "loader"));
    std::string rest;
    if (!loader || !loader_suffix(ts, loader, &rest)) return Value();
    return module_repr_text(ts, name, rest);
  }
  Value has_location = get_attr(ts, spec, intern(ts, "has_location"));
  if (!has_location) return has_location;
  int located = py_truth(ts, has_location);
  if (located < 0) return Value();
  if (located) {
    Value shown = py_repr(ts, origin);
    if (!shown) return shown;
    return module_repr_text(ts, name, fmt::format(" from {}", as_str(shown)->view()));
  }
  Value text = py_str(ts, origin);
  if (!text) return text;
  return module_repr_text(ts, spec_name, fmt::format(" ({})", as_str(text)->view()));
}

// importlib._bootstrap._module_repr (what CPython's module_repr calls): the spec's view when there is a spec,
// else the loader's module_repr(), else __name__ ('?') with __file__ or the loader. Attributes are read with
// getattr, so a subclass's __getattribute__ takes part.
Value module_repr(ThreadState& ts, Value self) {
  Names& n = ts.interp->names;
  Value loader = attribute_or_none(ts, self, n.loader);
  if (!loader) return loader;
  Value spec = attribute_or_none(ts, self, n.spec);
  if (!spec) return spec;
  int has_spec = py_truth(ts, spec);
  if (has_spec < 0) return Value();
  if (has_spec) return repr_from_spec(ts, spec);
  Value module_repr_method = get_attr_optional(ts, loader, intern(ts, "module_repr"));
  if (ts.current_exception) return Value();
  if (module_repr_method) {
    Value result = call(ts, module_repr_method, {&self, 1});
    if (result) return result;
    // An Exception from the loader is ignored; BaseExceptions (KeyboardInterrupt, ...) still propagate.
    if (!exception_matches(ts.current_exception, &Exception_type)) return Value();
    ts.current_exception = Value();
  }
  Value name = get_attr_optional(ts, self, n.name);
  if (ts.current_exception) return Value();
  if (!name) name = Value(intern(ts, "?"));
  Value file = get_attr_optional(ts, self, n.file);
  if (ts.current_exception) return Value();
  if (file) {
    Value shown = py_repr(ts, file);
    if (!shown) return shown;
    return module_repr_text(ts, name, fmt::format(" from {}", as_str(shown)->view()));
  }
  std::string rest;
  if (!loader_suffix(ts, loader, &rest)) return Value();
  return module_repr_text(ts, name, rest);
}

void trace_module(Object* self, Tracer& tracer) {
  auto* m = static_cast<ModuleObject*>(self);
  tracer.visit(m->dict);
  tracer.visit(m->name);
}

Value module_dict(ThreadState&, Value self, std::span<const Value>, TupleObject*) { return Value(as_module(self)->dict); }

// module.__annotations__: the dict's entry, made (empty) on first read, as CPython 3.10+ does; assignment and
// deletion go to the dict too. A data descriptor, so it is what `m.__annotations__` reaches.
Value annotations_get(ThreadState& ts, Value, std::span<const Value> args, TupleObject*) {
  DictObject* dict = as_module(args[0])->dict;
  StrObject* key = intern(ts, "__annotations__");
  if (Value v = dict_get_str(dict, key)) return v;
  Value fresh(make_dict(ts));
  if (!dict_set_str(ts, dict, key, fresh)) return Value();
  return fresh;
}
Value annotations_set(ThreadState& ts, Value, std::span<const Value> args, TupleObject*) {
  DictObject* dict = as_module(args[0])->dict;
  StrObject* key = intern(ts, "__annotations__");
  if (args.size() > 1) return dict_set_str(ts, dict, key, args[1]) ? None() : Value();
  int removed = dict_del(ts, dict, Value(key));
  if (removed < 0) return Value();
  if (removed == 0) return raise(ts, AttributeError_type, "__annotations__");
  return None();
}

// module.__new__(cls, *args, **kwargs): an empty module of class `type` (a subclass's instance is larger when the
// subclass adds __slots__); the arguments are __init__'s.
Value module_new(ThreadState& ts, Type* type, std::span<const Value>, TupleObject*) {
  auto* m = ts.alloc<ModuleObject>(type, type->instance_size);
  m->name = intern(ts, "?");
  m->dict = make_dict(ts);
  return Value(m);
}

// module.__init__(name, doc=None): sets __name__, __doc__, __package__, __loader__ and __spec__, as CPython's
// module_init_dict (again, when called a second time).
bool module_init(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  size_t npos = positional_count(args, kwnames);
  Value name = npos > 0 ? args[0] : Value(), doc = npos > 1 ? args[1] : Value();
  if (args.size() > 2) {
    raise_fmt(ts, TypeError_type, "module() takes at most 2 arguments ({} given)", args.size());
    return false;
  }
  // Argument Clinic's order: a missing name is reported before an unknown keyword.
  std::string_view unknown;
  for (int64_t k = 0; kwnames && k < kwnames->size; k++) {
    std::string_view key = as_str(kwnames->items[k])->view();
    Value v = args[npos + static_cast<size_t>(k)];
    size_t position = key == "name" ? 0 : key == "doc" ? 1 : 2;
    if (position == 2) {
      if (unknown.empty()) unknown = key;
      continue;
    }
    if (position < npos) {
      raise_fmt(ts, TypeError_type, "argument for module() given by name ('{}') and position ({})", key, position + 1);
      return false;
    }
    (position == 0 ? name : doc) = v;
  }
  if (!name) {
    raise(ts, TypeError_type, "module() missing required argument 'name' (pos 1)");
    return false;
  }
  if (!unknown.empty()) {
    raise_fmt(ts, TypeError_type, "'{}' is an invalid keyword argument for module()", unknown);
    return false;
  }
  if (!is_str(name)) {
    raise_fmt(ts, TypeError_type, "module() argument 'name' must be str, not {}", type_name(name));
    return false;
  }
  ModuleObject* m = as_module(self);
  Names& n = ts.interp->names;
  if (!dict_set_str(ts, m->dict, n.name, name) || !dict_set_str(ts, m->dict, n.doc, doc ? doc : None()) ||
      !dict_set_str(ts, m->dict, n.package, None()) || !dict_set_str(ts, m->dict, n.loader, None()) ||
      !dict_set_str(ts, m->dict, n.spec, None()))
    return false;
  if (type_of(name) == &str_type) m->name = as_str(name);
  return true;
}

}  // namespace

ModuleObject* make_module(ThreadState& ts, std::string_view name) {
  auto* m = ts.alloc<ModuleObject>(&module_type);
  m->name = intern(ts, name);
  m->dict = make_dict(ts);
  dict_set_str_new(ts, m->dict, ts.interp->names.name, Value(m->name));
  dict_set_str_new(ts, m->dict, ts.interp->names.doc, None());
  dict_set_str_new(ts, m->dict, ts.interp->names.package, None());
  dict_set_str_new(ts, m->dict, ts.interp->names.loader, None());
  dict_set_str_new(ts, m->dict, ts.interp->names.spec, None());
  return m;
}

void init_misc_types(ThreadState& ts) {
  module_type.new_instance = module_new;
  module_type.init = module_init;
  module_type.getattr = module_getattr;
  // Attribute assignment is the generic one (CPython's module uses PyObject_GenericSetAttr): into the dict, or
  // through a data descriptor a subclass defines.
  module_type.setattr = generic_setattr;
  module_type.repr = module_repr;
  module_type.trace = trace_module;
  module_type.dict_offset = offsetof(ModuleObject, dict);
  add_getset(ts, module_type, "__dict__", module_dict);
  static const MethodDef kAnnotationsGet{"__annotations__", annotations_get};
  static const MethodDef kAnnotationsSet{"__annotations__", annotations_set};
  add_native_property(ts, module_type, &kAnnotationsGet, &kAnnotationsSet);
}

}  // namespace minipy
