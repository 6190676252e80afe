// The native `_collections` module (CPython's Modules/_collectionsmodule.c): deque (collections_deque.cpp),
// defaultdict, _count_elements (Counter's counting loop) and _tuplegetter (namedtuple's field descriptors).
// Lib's collections/__init__.py imports them; without OrderedDict here it uses its own pure-Python OrderedDict,
// as CPython does when the C one is missing.
//
// Left out: the C OrderedDict and its views.
#include "stdlib/native/collections.h"

#include "vm/objects/sequence.h"

namespace minipy {

namespace {

Type defaultdict_type, tuplegetter_type;

// ---- defaultdict --------------------------------------------------------------------------------------------------
// A dict (its layout first, so every dict function works on it) plus the factory __missing__ calls.
struct DefaultDictObject : DictObject {
  Value default_factory;  // null: None
};

DefaultDictObject* as_defdict(Value v) { return static_cast<DefaultDictObject*>(v.as_object()); }
Value factory_of(Value self) {
  Value f = as_defdict(self)->default_factory;
  return f ? f : None();
}

void trace_defaultdict(Object* self, Tracer& tracer) {
  dict_type.trace(self, tracer);
  tracer.visit(static_cast<DefaultDictObject*>(self)->default_factory);
}

bool defaultdict_init(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  size_t npos = positional_count(args, kwnames);
  Value factory;
  if (npos > 0) {
    factory = args[0];
    if (!is_none(factory) && !type_of(factory)->call)
      return raise(ts, TypeError_type, "first argument must be callable or None"), false;
    args = args.subspan(1);
  }
  as_defdict(self)->default_factory = factory && !is_none(factory) ? factory : Value();
  return dict_type.init(ts, self, args, kwnames);
}

Value defaultdict_missing(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!exact_args(ts, "__missing__", args, kwnames, 1, 1)) return Value();
  Value factory = as_defdict(self)->default_factory;
  if (!factory) return raise_key_error(ts, args[0]);
  Value value = call(ts, factory, {});
  if (!value || !set_item(ts, self, args[0], value)) return Value();
  return value;
}

Value defaultdict_repr(ThreadState& ts, Value self) {
  Value dict_text = dict_type.repr(ts, self);
  if (!dict_text) return dict_text;
  std::string factory_text = "None";
  if (Value factory = as_defdict(self)->default_factory) {
    // A factory whose repr reaches this defaultdict again prints as "...".
    ReprGuard guard(ts, self.as_object());
    if (guard.recursive()) {
      factory_text = "...";
    } else {
      Value r = py_repr(ts, factory);
      if (!r) return r;
      factory_text = as_str(r)->view();
    }
  }
  return make_str(ts, fmt::format("{}({}, {})", type_of(self)->name->view(), factory_text,
                                  as_str(dict_text)->view()));
}

// type(self)(factory, self): what copy() and | build on.
Value copy_defaultdict(ThreadState& ts, Value self, Value contents) {
  Value call_args[2] = {factory_of(self), contents};
  return call(ts, Value(type_of(self)), call_args);
}

Value defaultdict_copy(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!exact_args(ts, "copy", args, kwnames, 0, 0)) return Value();
  return copy_defaultdict(ts, self, self);
}

Value defaultdict_reduce(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!exact_args(ts, "__reduce__", args, kwnames, 0, 0)) return Value();
  Value factory = as_defdict(self)->default_factory;
  Value ctor_args = factory ? Value(make_tuple(ts, std::span<const Value>(&factory, 1))) : ts.interp->empty_tuple;
  Value items = call_method(ts, self, intern(ts, "items"), {});
  if (!items) return items;
  Value it = get_iter(ts, items);
  if (!it) return it;
  Value parts[5] = {Value(type_of(self)), ctor_args, None(), None(), it};
  return Value(make_tuple(ts, parts));
}

bool is_defaultdict(Value v) { return v.is_object() && is_subtype(type_of(v), &defaultdict_type); }

// a | b where either is a defaultdict: a new defaultdict (the defaultdict operand's type and factory) holding a's
// items updated with b's.
Value defaultdict_or(ThreadState& ts, Value a, Value b) {
  if (!is_dict(a) || !is_dict(b)) return NotImplemented();
  Value self = is_defaultdict(a) ? a : b;
  Value result = copy_defaultdict(ts, self, a);
  if (!result || !dict_update(ts, static_cast<DictObject*>(result.as_object()), b)) return Value();
  return result;
}

Value factory_getter(ThreadState&, Value, std::span<const Value> args, TupleObject*) { return factory_of(args[0]); }

// default_factory = f (del: None)
Value factory_setter(ThreadState&, Value, std::span<const Value> args, TupleObject*) {
  as_defdict(args[0])->default_factory = args.size() > 1 && !is_none(args[1]) ? args[1] : Value();
  return None();
}

// ---- _count_elements ----------------------------------------------------------------------------------------------
// _count_elements(mapping, iterable): mapping[x] = mapping.get(x, 0) + 1 for each x.
Value count_elements(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  if (!exact_args(ts, "_count_elements", args, kwnames, 2, 2)) return Value();
  Value mapping = args[0];
  Value it = get_iter(ts, args[1]);
  if (!it) return it;
  Value get = get_attr(ts, mapping, intern(ts, "get"));
  if (!get) return get;
  Value one = Value::small_int(1);
  for (;;) {
    Value elem = iter_next(ts, it);
    if (!elem) return ts.current_exception ? Value() : None();
    Value get_args[2] = {elem, Value::small_int(0)};
    Value old = call(ts, get, get_args);
    if (!old) return old;
    Value count = binary_op(ts, old, one, kOpAdd);
    if (!count || !set_item(ts, mapping, elem, count)) return Value();
  }
}

// ---- _tuplegetter -------------------------------------------------------------------------------------------------
// A namedtuple field: reads item `index` of the tuple instance it is looked up on.
struct TupleGetterObject : Object {
  int64_t index;
  Value doc;
};

Value tuplegetter_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  if (!exact_args(ts, "_tuplegetter", args, kwnames, 2, 2)) return Value();
  int64_t index;
  if (!index_to_int64(ts, args[0], &index)) return Value();
  auto* g = alloc_instance<TupleGetterObject>(ts, type);
  g->index = index;
  g->doc = args[1];
  return Value(g);
}

Value tuplegetter_get(ThreadState& ts, Value descr, Value instance, Value) {
  auto* g = static_cast<TupleGetterObject*>(descr.as_object());
  if (!instance || is_none(instance)) return descr;
  if (!is_tuple(instance))
    return raise_fmt(ts, TypeError_type, "descriptor for index '{}' for tuple subclasses doesn't apply to '{}' object",
                     g->index, type_name(instance));
  auto* t = static_cast<TupleObject*>(instance.as_object());
  if (g->index < 0 || g->index >= t->size) return raise(ts, IndexError_type, "tuple index out of range");
  return t->items[g->index];
}

bool tuplegetter_set(ThreadState& ts, Value, Value, Value value) {
  raise(ts, AttributeError_type, value ? "can't set attribute" : "can't delete attribute");
  return false;
}

Value tuplegetter_reduce(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!exact_args(ts, "__reduce__", args, kwnames, 0, 0)) return Value();
  auto* g = static_cast<TupleGetterObject*>(self.as_object());
  Value ctor_args[2] = {make_int(ts, g->index), g->doc};
  Value parts[2] = {Value(type_of(self)), Value(make_tuple(ts, ctor_args))};
  return Value(make_tuple(ts, parts));
}

Value tuplegetter_doc(ThreadState&, Value, std::span<const Value> args, TupleObject*) {
  return static_cast<TupleGetterObject*>(args[0].as_object())->doc;
}
Value tuplegetter_set_doc(ThreadState&, Value, std::span<const Value> args, TupleObject*) {
  static_cast<TupleGetterObject*>(args[0].as_object())->doc = args.size() > 1 ? args[1] : None();
  return None();
}

void trace_tuplegetter(Object* self, Tracer& tracer) { tracer.visit(static_cast<TupleGetterObject*>(self)->doc); }

const MethodDef kDefaultDictMethods[] = {
    {"__missing__", defaultdict_missing}, {"copy", defaultdict_copy}, {"__copy__", defaultdict_copy},
    {"__reduce__", defaultdict_reduce},   kClassGetitemMethod[0],
};
const MethodDef kFactoryGetter = {"default_factory", factory_getter};
const MethodDef kFactorySetter = {"default_factory", factory_setter};
// descriptor.__get__(instance, owner=None), for callers that use the method rather than attribute lookup.
Value tuplegetter_get_method(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!exact_args(ts, "__get__", args, kwnames, 1, 2)) return Value();
  if (is_none(args[0]) && (args.size() < 2 || is_none(args[1])))
    return raise(ts, TypeError_type, "__get__(None, None) is invalid");
  return tuplegetter_get(ts, self, args[0], args.size() > 1 ? args[1] : None());
}

const MethodDef kTupleGetterMethods[] = {{"__reduce__", tuplegetter_reduce}, {"__get__", tuplegetter_get_method}};
const MethodDef kDocGetter = {"__doc__", tuplegetter_doc};
const MethodDef kDocSetter = {"__doc__", tuplegetter_set_doc};
const MethodDef kCollectionsFunctions[] = {{"_count_elements", count_elements}};

}  // namespace

ModuleObject* create_collections_module(ThreadState& ts) {
  if (begin_native_type(ts, defaultdict_type, "defaultdict", "collections", sizeof(DefaultDictObject),
                        kTypeBaseType, &dict_type)) {
    Type& t = defaultdict_type;
    t.init = defaultdict_init;
    t.repr = defaultdict_repr;
    t.trace = trace_defaultdict;
    t.binary[kOpOr] = defaultdict_or;
    add_methods(ts, t, kDefaultDictMethods);
    add_native_property(ts, t, &kFactoryGetter, &kFactorySetter);
    finish_native_type(ts, t);
  }
  if (begin_native_type(ts, tuplegetter_type, "_tuplegetter", "_collections", sizeof(TupleGetterObject))) {
    Type& t = tuplegetter_type;
    t.new_instance = tuplegetter_new;
    t.descr_get = tuplegetter_get;
    t.descr_set = tuplegetter_set;
    t.trace = trace_tuplegetter;
    add_methods(ts, t, kTupleGetterMethods);
    add_native_property(ts, t, &kDocGetter, &kDocSetter);
    finish_native_type(ts, t);
  }
  ModuleObject* m = make_module(ts, "_collections");
  define_deque_types(ts, m);
  add_module_value(ts, m, "defaultdict", Value(static_cast<Object*>(&defaultdict_type)));
  add_module_value(ts, m, "_tuplegetter", Value(static_cast<Object*>(&tuplegetter_type)));
  add_module_functions(ts, m, kCollectionsFunctions);
  return m;
}

}  // namespace minipy
