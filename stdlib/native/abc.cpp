// The native `_abc` module (CPython's Modules/_abc.c): the machinery under abc.ABCMeta — each abstract class's
// registry of virtual subclasses and its positive and negative isinstance/issubclass caches (kept in an _abc_data
// object stored as cls._abc_impl), __abstractmethods__ computation, and the global cache token that register()
// advances. Lib's abc.py uses it when present, else _py_abc.
//
// Left out: the caches hold classes strongly (CPython's hold weak references, which only gc-sensitive code can
// tell apart), and __abc_tpflags__ is removed from the namespace but sets no flags (minipy's `match` does not
// read them).
#include "stdlib/native/native_type.h"

namespace minipy {

extern Type weakref_ref_type;  // weakref.cpp

namespace {

Type abc_data_type;
int64_t abc_invalidation_counter = 0;  // get_cache_token(): advanced by every register()

struct AbcDataObject : Object {
  Value registry;        // set of registered virtual subclasses
  Value cache;           // set of known subclasses
  Value negative_cache;  // set of known non-subclasses
  int64_t negative_cache_version;
};

void trace_abc_data(Object* self, Tracer& tracer) {
  auto* d = static_cast<AbcDataObject*>(self);
  tracer.visit(d->registry);
  tracer.visit(d->cache);
  tracer.visit(d->negative_cache);
}

Value abc_data_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  if (!exact_args(ts, "_abc_data", args, kwnames, 0, 0)) return Value();
  auto* d = alloc_instance<AbcDataObject>(ts, type);
  d->registry = make_set(ts, &set_type);
  d->cache = make_set(ts, &set_type);
  d->negative_cache = make_set(ts, &set_type);
  d->negative_cache_version = abc_invalidation_counter;
  return Value(d);
}

StrObject* name_of(ThreadState& ts, const char* text) { return intern(ts, text); }

// cls._abc_impl, checked to be an _abc_data.
AbcDataObject* impl_of(ThreadState& ts, Value cls) {
  Value impl = get_attr(ts, cls, name_of(ts, "_abc_impl"));
  if (!impl) return nullptr;
  if (type_of(impl) != &abc_data_type) {
    raise(ts, TypeError_type, "_abc_impl is set to a wrong type");
    return nullptr;
  }
  return static_cast<AbcDataObject*>(impl.as_object());
}

// Whether `v` has a true __isabstractmethod__ (1), not (0), or the lookup failed (-1).
int is_abstract(ThreadState& ts, Value v) {
  Value flag = get_attr_optional(ts, v, name_of(ts, "__isabstractmethod__"));
  if (!flag) return ts.current_exception ? -1 : 0;
  return py_truth(ts, flag);
}

#define ABC_FN(name) Value name(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames)

// _abc_init(cls): cls.__abstractmethods__ from the abstract methods its namespace defines and those of its bases
// it does not override; cls._abc_impl a fresh _abc_data.
ABC_FN(abc_init) {
  if (!exact_args(ts, "_abc_init", args, kwnames, 1, 1)) return Value();
  Value cls = args[0];
  Value abstracts = make_set(ts, &frozenset_type);
  // Names defined in the class body first.
  Value ns = get_attr(ts, cls, ts.interp->names.dict);
  if (!ns) return ns;
  Value items = call_method(ts, ns, name_of(ts, "items"), {});
  Value it = items ? get_iter(ts, items) : Value();
  if (!it) return it;
  for (;;) {
    Value pair = iter_next(ts, it);
    if (!pair) {
      if (ts.current_exception) return pair;
      break;
    }
    Value* kv = static_cast<TupleObject*>(pair.as_object())->items;
    int abstract = is_abstract(ts, kv[1]);
    if (abstract < 0 || (abstract && !set_add(ts, abstracts, kv[0]))) return Value();
  }
  // Then the bases' abstract methods that are still abstract here.
  Value bases = get_attr(ts, cls, ts.interp->names.bases);
  if (!bases) return bases;
  if (!is_tuple(bases)) return raise(ts, TypeError_type, "__bases__ is not tuple");
  for (Value base : static_cast<TupleObject*>(bases.as_object())->span()) {
    Value base_abstracts = get_attr_optional(ts, base, name_of(ts, "__abstractmethods__"));
    if (!base_abstracts) {
      if (ts.current_exception) return Value();
      continue;
    }
    Value names = get_iter(ts, base_abstracts);
    if (!names) return names;
    for (;;) {
      Value name = iter_next(ts, names);
      if (!name) {
        if (ts.current_exception) return name;
        break;
      }
      if (!is_str(name)) continue;
      Value value = get_attr_optional(ts, cls, as_str(name));
      if (!value) {
        if (ts.current_exception) return Value();
        continue;
      }
      int abstract = is_abstract(ts, value);
      if (abstract < 0 || (abstract && !set_add(ts, abstracts, name))) return Value();
    }
  }
  if (!set_attr(ts, cls, name_of(ts, "__abstractmethods__"), abstracts)) return Value();
  // __abc_tpflags__ is read and dropped (CPython turns it into Py_TPFLAGS_SEQUENCE/MAPPING).
  if (is_type(cls)) {
    DictObject* dict = as_type(cls)->dict;
    if (dict_get_str(dict, name_of(ts, "__abc_tpflags__"))) {
      if (dict_del(ts, dict, Value(name_of(ts, "__abc_tpflags__"))) < 0) return Value();
      bump_type_version(ts, as_type(cls));
    }
  }
  Value impl = abc_data_new(ts, &abc_data_type, {}, nullptr);
  if (!impl || !set_attr(ts, cls, name_of(ts, "_abc_impl"), impl)) return Value();
  return None();
}

// issubclass(a, b) through the full protocol (b's __subclasscheck__).
int subclass_of(ThreadState& ts, Value a, Value b) {
  Value method = type_lookup(type_of(b), name_of(ts, "__subclasscheck__"));
  if (!method) return is_type(a) && is_type(b) && is_subtype(as_type(a), as_type(b));
  Value call_args[2] = {b, a};
  Value r = call(ts, method, call_args);
  return r ? py_truth(ts, r) : -1;
}

ABC_FN(abc_register) {
  if (!exact_args(ts, "_abc_register", args, kwnames, 2, 2)) return Value();
  Value cls = args[0], subclass = args[1];
  if (!is_type(subclass)) return raise(ts, TypeError_type, "Can only register classes");
  int already = subclass_of(ts, subclass, cls);
  if (already < 0) return Value();
  if (already) return subclass;  // already a subclass
  // The cycle test comes second so that X.register(X) is accepted (and does nothing).
  int cycle = subclass_of(ts, cls, subclass);
  if (cycle < 0) return Value();
  if (cycle) return raise(ts, RuntimeError_type, "Refusing to create an inheritance cycle");
  AbcDataObject* impl = impl_of(ts, cls);
  if (!impl || !set_add(ts, impl->registry, subclass)) return Value();
  abc_invalidation_counter++;  // invalidates every negative cache
  return subclass;
}

ABC_FN(abc_instancecheck) {
  if (!exact_args(ts, "_abc_instancecheck", args, kwnames, 2, 2)) return Value();
  Value cls = args[0], instance = args[1];
  AbcDataObject* impl = impl_of(ts, cls);
  if (!impl) return Value();
  Value subclass = get_attr(ts, instance, ts.interp->names.class_);
  if (!subclass) return subclass;
  int cached = set_contains(ts, impl->cache, subclass);
  if (cached) return cached < 0 ? Value() : True();
  Value subtype(type_of(instance));
  StrObject* check = name_of(ts, "__subclasscheck__");
  if (subtype == subclass) {
    if (impl->negative_cache_version == abc_invalidation_counter) {
      int negative = set_contains(ts, impl->negative_cache, subclass);
      if (negative) return negative < 0 ? Value() : False();
    }
    return call_method(ts, cls, check, std::span<const Value>(&subclass, 1));
  }
  Value r = call_method(ts, cls, check, std::span<const Value>(&subclass, 1));
  if (!r) return r;
  int t = py_truth(ts, r);
  if (t != 0) return t < 0 ? Value() : r;
  return call_method(ts, cls, check, std::span<const Value>(&subtype, 1));
}

// Whether `subclass` derives from any class in `classes` (an iterable); caches a hit in impl->cache.
int any_subclass_of(ThreadState& ts, Value subclass, Value classes, AbcDataObject* impl) {
  Value it = get_iter(ts, classes);
  if (!it) return -1;
  for (;;) {
    Value c = iter_next(ts, it);
    if (!c) return ts.current_exception ? -1 : 0;
    int r = subclass_of(ts, subclass, c);
    if (r < 0) return -1;
    if (r) return set_add(ts, impl->cache, subclass) ? 1 : -1;
  }
}

ABC_FN(abc_subclasscheck) {
  if (!exact_args(ts, "_abc_subclasscheck", args, kwnames, 2, 2)) return Value();
  Value cls = args[0], subclass = args[1];
  if (!is_type(subclass)) return raise(ts, TypeError_type, "issubclass() arg 1 must be a class");
  AbcDataObject* impl = impl_of(ts, cls);
  if (!impl) return Value();
  // 1. The caches.
  int cached = set_contains(ts, impl->cache, subclass);
  if (cached) return cached < 0 ? Value() : True();
  if (impl->negative_cache_version < abc_invalidation_counter) {
    if (!call_method(ts, impl->negative_cache, name_of(ts, "clear"), {})) return Value();
    impl->negative_cache_version = abc_invalidation_counter;
  } else {
    int negative = set_contains(ts, impl->negative_cache, subclass);
    if (negative) return negative < 0 ? Value() : False();
  }
  // 2. The subclass hook.
  Value ok = call_method(ts, cls, name_of(ts, "__subclasshook__"), std::span<const Value>(&subclass, 1));
  if (!ok) return ok;
  if (ok == True()) return set_add(ts, impl->cache, subclass) ? True() : Value();
  if (ok == False()) return set_add(ts, impl->negative_cache, subclass) ? False() : Value();
  if (ok != NotImplemented()) return raise(ts, AssertionError_type, "__subclasshook__ must return either False, True, or NotImplemented");
  // 3. A direct subclass.
  Value mro = get_attr_optional(ts, subclass, ts.interp->names.mro);
  if (mro && is_tuple(mro)) {
    for (Value c : static_cast<TupleObject*>(mro.as_object())->span())
      if (c == cls) return set_add(ts, impl->cache, subclass) ? True() : Value();
  } else if (ts.current_exception) {
    return Value();
  }
  // 4. A registered class, recursively; 5. a subclass of cls's subclasses, recursively.
  int r = any_subclass_of(ts, subclass, impl->registry, impl);
  if (r) return r < 0 ? Value() : True();
  Value subclasses = call_method(ts, cls, name_of(ts, "__subclasses__"), {});
  if (!subclasses) return subclasses;
  r = any_subclass_of(ts, subclass, subclasses, impl);
  if (r) return r < 0 ? Value() : True();
  // No: remember that.
  return set_add(ts, impl->negative_cache, subclass) ? False() : Value();
}

ABC_FN(abc_get_dump) {
  if (!exact_args(ts, "_get_dump", args, kwnames, 1, 1)) return Value();
  AbcDataObject* impl = impl_of(ts, args[0]);
  if (!impl) return Value();
  // Sets of weak references to the classes, as CPython keeps them.
  Value parts[4];
  Value sets[3] = {impl->registry, impl->cache, impl->negative_cache};
  Value ref_type(static_cast<Object*>(&weakref_ref_type));
  for (int i = 0; i < 3; i++) {
    parts[i] = make_set(ts, &set_type);
    Value it = get_iter(ts, sets[i]);
    if (!it) return it;
    while (Value c = iter_next(ts, it)) {
      Value r = call(ts, ref_type, std::span<const Value>(&c, 1));
      if (!r || !set_add(ts, parts[i], r)) return Value();
    }
    if (ts.current_exception) return Value();
  }
  parts[3] = make_int(ts, impl->negative_cache_version);
  return Value(make_tuple(ts, parts));
}

Value clear_sets(ThreadState& ts, Value cls, std::initializer_list<Value AbcDataObject::*> fields) {
  AbcDataObject* impl = impl_of(ts, cls);
  if (!impl) return Value();
  for (Value AbcDataObject::*field : fields)
    if (!call_method(ts, impl->*field, name_of(ts, "clear"), {})) return Value();
  return None();
}

ABC_FN(abc_reset_registry) {
  if (!exact_args(ts, "_reset_registry", args, kwnames, 1, 1)) return Value();
  return clear_sets(ts, args[0], {&AbcDataObject::registry});
}

ABC_FN(abc_reset_caches) {
  if (!exact_args(ts, "_reset_caches", args, kwnames, 1, 1)) return Value();
  return clear_sets(ts, args[0], {&AbcDataObject::cache, &AbcDataObject::negative_cache});
}

ABC_FN(abc_get_cache_token) {
  if (!exact_args(ts, "get_cache_token", args, kwnames, 0, 0)) return Value();
  return make_int(ts, abc_invalidation_counter);
}

#undef ABC_FN

const MethodDef kAbcFunctions[] = {
    {"get_cache_token", abc_get_cache_token}, {"_abc_init", abc_init},
    {"_abc_register", abc_register},          {"_abc_instancecheck", abc_instancecheck},
    {"_abc_subclasscheck", abc_subclasscheck}, {"_get_dump", abc_get_dump},
    {"_reset_registry", abc_reset_registry},   {"_reset_caches", abc_reset_caches},
};

}  // namespace

ModuleObject* create_abc_module(ThreadState& ts) {
  if (begin_native_type(ts, abc_data_type, "_abc_data", "_abc", sizeof(AbcDataObject))) {
    abc_data_type.new_instance = abc_data_new;
    abc_data_type.trace = trace_abc_data;
    finish_native_type(ts, abc_data_type);
  }
  ModuleObject* m = make_module(ts, "_abc");
  add_module_functions(ts, m, kAbcFunctions);
  return m;
}

}  // namespace minipy
