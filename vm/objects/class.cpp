// Classes defined in Python: __build_class__ (the `class` statement) and type(name, bases, dict), which make a
// heap type: C3 MRO, instance layout taken from the most derived builtin base, dunder slots (slots.cpp),
// __classcell__ for zero-argument super(), __set_name__ and __init_subclass__.
#include <algorithm>
#include <cstring>
#include <vector>

#include "vm/interp/frame_setup.h"
#include "vm/objects/bytearray.h"
#include "vm/objects/complex.h"
#include "vm/objects/heap_type.h"
#include "vm/runtime.h"

namespace minipy {

Value run_frame(ThreadState& ts, Frame* frame);  // eval.cpp

Type* static_base(Type* t) {
  while (t && (t->flags & kTypeHeap)) t = t->base;
  return t;
}

namespace {

constexpr uint32_t kInheritedFlags = kTypeIntSubclass | kTypeFloatSubclass | kTypeStrSubclass | kTypeTupleSubclass |
                                     kTypeListSubclass | kTypeDictSubclass | kTypeTypeSubclass |
                                     kTypeExceptionSubclass;

std::string_view tname(Type* t) { return t->name->view(); }

// C3 linearization: the class, then a merge of its bases' MROs and the bases list.
TupleObject* compute_mro(ThreadState& ts, Type* type, TupleObject* bases) {
  std::vector<std::vector<Type*>> lists;
  for (Value b : bases->span()) {
    std::vector<Type*> l;
    for (Value m : as_type(b)->mro->span()) l.push_back(as_type(m));
    lists.push_back(std::move(l));
  }
  std::vector<Type*> base_list;
  for (Value b : bases->span()) base_list.push_back(as_type(b));
  lists.push_back(base_list);
  std::vector<size_t> heads(lists.size(), 0);
  std::vector<Type*> result{type};
  auto in_tail = [&](Type* c) {
    for (size_t i = 0; i < lists.size(); i++)
      for (size_t j = heads[i] + 1; j < lists[i].size(); j++)
        if (lists[i][j] == c) return true;
    return false;
  };
  for (;;) {
    bool remaining = false;
    Type* chosen = nullptr;
    for (size_t i = 0; i < lists.size(); i++) {
      if (heads[i] >= lists[i].size()) continue;
      remaining = true;
      Type* candidate = lists[i][heads[i]];
      if (!in_tail(candidate)) {
        chosen = candidate;
        break;
      }
    }
    if (!remaining) break;
    if (!chosen) {
      // CPython names the heads of the lists still to merge, each once, in list order.
      std::vector<Type*> blocked;
      for (size_t i = 0; i < lists.size(); i++) {
        if (heads[i] >= lists[i].size()) continue;
        Type* c = lists[i][heads[i]];
        if (std::find(blocked.begin(), blocked.end(), c) == blocked.end()) blocked.push_back(c);
      }
      std::string names;
      for (size_t i = 0; i < blocked.size(); i++) names += fmt::format("{}{}", i ? ", " : "", tname(blocked[i]));
      raise_fmt(ts, TypeError_type, "Cannot create a consistent method resolution\norder (MRO) for bases {}", names);
      return nullptr;
    }
    result.push_back(chosen);
    for (size_t i = 0; i < lists.size(); i++)
      if (heads[i] < lists[i].size() && lists[i][heads[i]] == chosen) heads[i]++;
  }
  TupleObject* mro = minipy::make_tuple(ts, static_cast<int64_t>(result.size()));
  for (size_t i = 0; i < result.size(); i++) mro->items[i] = Value(result[i]);
  return mro;
}

// The base whose builtin layout every other base's layout extends (CPython's best_base).
Type* best_base(ThreadState& ts, TupleObject* bases) {
  Type* winner = nullptr;
  Type* winner_solid = nullptr;
  for (Value b : bases->span()) {
    Type* base = as_type(b);
    Type* solid = static_base(base);
    if (!winner) {
      winner = base;
      winner_solid = solid;
    } else if (is_subtype(winner_solid, solid)) {
      // keep the winner
    } else if (is_subtype(solid, winner_solid)) {
      winner = base;
      winner_solid = solid;
    } else {
      raise(ts, TypeError_type, "multiple bases have instance lay-out conflict");
      return nullptr;
    }
  }
  return winner;
}

// Builtin bases whose layout a Python class may extend (builtin_subclass.cpp knows where their dict goes).
bool subclassable_layout(Type* solid) {
  return solid == &object_type || solid == &type_type || (solid->flags & kTypeExceptionSubclass) ||
         solid == &int_type || solid == &float_type || solid == &str_type || solid == &bytes_type ||
         solid == &tuple_type || solid == &list_type || solid == &dict_type || solid == &set_type ||
         solid == &frozenset_type || solid == &complex_type || solid == &bytearray_type;
}

void trace_heap_instance(Object* self, Tracer& tracer) {
  Type* solid = static_base(self->type);
  if (solid->trace) solid->trace(self, tracer);
  if (solid->dict_offset) return;  // the base traces its own dict
  if (DictObject** d = instance_dict_slot(Value(self))) tracer.visit(*d);
}

// Wraps a plain function found under `name` in the class dict with `wrapper` (staticmethod/classmethod).
void wrap_implicit(ThreadState& ts, DictObject* dict, std::string_view name, Type* wrapper) {
  StrObject* key = intern(ts, name);
  Value v = dict_get_str(dict, key);
  if (!v || type_of(v) != &function_type) return;
  auto* p = ts.alloc<PropertyObject>(wrapper);
  p->fget = v;
  dict_set_str(ts, dict, key, Value(p));
}

bool set_names(ThreadState& ts, Type* t) {
  // Copy the items first: __set_name__ may change the dict.
  std::vector<std::pair<Value, Value>> items;
  int64_t pos = 0;
  Value k, v;
  while (dict_next(t->dict, &pos, &k, &v)) items.emplace_back(k, v);
  TupleObject* keep = minipy::make_tuple(ts, static_cast<int64_t>(items.size() * 2));  // keeps the items reachable
  for (size_t i = 0; i < items.size(); i++) {
    keep->items[2 * i] = items[i].first;
    keep->items[2 * i + 1] = items[i].second;
  }
  for (size_t i = 0; i < items.size(); i++) {
    Value value = keep->items[2 * i + 1];
    Value hook = type_lookup(type_of(value), ts.interp->names.set_name);
    if (!hook) continue;
    Value args[3] = {value, Value(t), keep->items[2 * i]};
    if (!call(ts, hook, args)) {
      Value cause = ts.current_exception;
      ts.current_exception = Value();
      Value key_repr = py_repr(ts, keep->items[2 * i]);
      if (!key_repr) return false;
      raise_fmt(ts, RuntimeError_type, "Error calling __set_name__ on '{}' instance {} in '{}'", type_name(value),
                as_str(key_repr)->view(), tname(t));
      auto* e = static_cast<ExceptionObject*>(ts.current_exception.as_object());
      e->cause = cause;
      e->suppress_context = true;
      return false;
    }
  }
  return true;
}

// super(t, t).__init_subclass__(**kwargs)
bool init_subclass(ThreadState& ts, Type* t, std::span<const Value> kwvalues, TupleObject* kwnames) {
  TupleObject* mro = t->mro;
  for (int64_t i = 1; i < mro->size; i++) {
    Value attr = dict_get_str(as_type(mro->items[i])->dict, ts.interp->names.init_subclass);
    if (!attr) continue;
    Value bound = attr;
    if (DescrGetSlot get = type_of(attr)->descr_get) bound = get(ts, attr, Value(), Value(t));
    if (!bound) return false;
    return bool(call(ts, bound, kwvalues, kwnames && kwnames->size ? kwnames : nullptr));
  }
  return true;
}

// minipy has no weak references: __weakref__ reads as None, as for an object nobody refers to weakly.
Value weakref_getter(ThreadState&, Value, std::span<const Value>, TupleObject*) { return None(); }

// A read-only attribute of `owner`'s instances computed by `def` (how __dict__ and __weakref__ show per class).
Value attribute_descriptor(ThreadState& ts, Type* owner, const MethodDef* def) {
  auto* getter = ts.alloc<MethodDescriptorObject>(&method_descriptor_type);
  getter->owner = owner;
  getter->def = def;
  auto* p = ts.alloc<PropertyObject>(&property_type);
  p->fget = Value(getter);
  return Value(p);
}

Value weakref_descriptor(ThreadState& ts, Type* owner) {
  static const MethodDef def{"__weakref__", weakref_getter};
  return attribute_descriptor(ts, owner, &def);
}

// The instance __dict__ getter (object_methods.cpp), shown as belonging to `owner`.
Value dict_descriptor(ThreadState& ts, Type* owner) {
  Value descriptor = instance_dict_descriptor(ts);
  Value getter = static_cast<PropertyObject*>(descriptor.as_object())->fget;
  static_cast<MethodDescriptorObject*>(getter.as_object())->owner = owner;
  return descriptor;
}

// Every heap type created, so a dunder set on a class can refresh its subclasses' slots. Entries are not
// roots: a dead type's page is gone from the heap, which is how a stale entry is recognised and dropped.
std::vector<Type*>& heap_type_registry() {
  static std::vector<Type*> registry;
  return registry;
}

bool is_live_heap_type(ThreadState& ts, Type* t) {
  Object* o = ts.heap->find_object(reinterpret_cast<uintptr_t>(t));
  return o == t && o->type == &type_type && (t->flags & kTypeHeap);
}

void prune_registry(ThreadState& ts) {
  auto& registry = heap_type_registry();
  std::erase_if(registry, [&](Type* t) { return !is_live_heap_type(ts, t); });
}

void register_heap_type(ThreadState& ts, Type* t) {
  static size_t prune_at = 64;
  auto& registry = heap_type_registry();
  if (registry.size() >= prune_at) {
    prune_registry(ts);
    prune_at = std::max<size_t>(64, registry.size() * 2);
  }
  registry.push_back(t);
}

}  // namespace

uint64_t next_type_version() {
  static uint64_t counter = 0;
  return ++counter;
}

void bump_type_version(ThreadState& ts, Type* t) {
  t->version = next_type_version();
  if (!(t->flags & kTypeHasSubclasses)) return;
  prune_registry(ts);
  for (Type* sub : heap_type_registry())
    if (sub != t && is_subtype(sub, t)) sub->version = next_type_version();
}

std::vector<Type*> live_direct_subclasses(ThreadState& ts, Type* base) {
  prune_registry(ts);
  std::vector<Type*> out;
  for (Type* t : heap_type_registry())
    for (Value b : t->bases->span())
      if (b.as_object() == base) out.push_back(t);
  return out;
}

void update_heap_type_and_subclasses(ThreadState& ts, Type* changed) {
  update_heap_type_slots(ts, changed);
  prune_registry(ts);
  for (Type* t : heap_type_registry())
    if (t != changed && is_subtype(t, changed)) update_heap_type_slots(ts, t);
}

Value make_heap_type(ThreadState& ts, StrObject* name, TupleObject* bases, DictObject* ns,
                     std::span<const Value> kwvalues, TupleObject* kwnames) {
  if (bases->size == 0) {
    Value object_base(&object_type);
    bases = minipy::make_tuple(ts, std::span<const Value>(&object_base, 1));
  }
  for (int64_t i = 0; i < bases->size; i++) {
    Value b = bases->items[i];
    if (!is_type(b)) return raise(ts, TypeError_type, "bases must be types");
    for (int64_t j = 0; j < i; j++)
      if (bases->items[j] == b) return raise_fmt(ts, TypeError_type, "duplicate base class {}", tname(as_type(b)));
    if (!(as_type(b)->flags & kTypeBaseType))
      return raise_fmt(ts, TypeError_type, "type '{}' is not an acceptable base type", tname(as_type(b)));
  }
  Type* base = best_base(ts, bases);
  if (!base) return Value();
  Type* solid = static_base(base);
  if (!subclassable_layout(solid))
    return raise_fmt(ts, NotImplementedError_type, "subclassing '{}' is not supported by minipy", tname(solid));

  auto* t = ts.alloc<Type>(&type_type);
  // Distinct from every other type's version, so a cache keyed on (type, version) never mistakes a new class
  // allocated where a dead one lived for it.
  t->version = next_type_version();
  // Fill the fields the collector traces before anything else can allocate.
  t->base = base;
  t->bases = bases;
  t->name = name;
  t->qualname = name;
  t->dict = make_dict(ts);
  if (!dict_update(ts, t->dict, Value(ns))) return Value();
  t->c_name = name->data;
  t->mro = compute_mro(ts, t, bases);
  if (!t->mro) return Value();
  for (int64_t i = 1; i < t->mro->size; i++) as_type(t->mro->items[i])->flags |= kTypeHasSubclasses;

  Names& n = ts.interp->names;
  if (Value q = dict_get_str(t->dict, n.qualname)) {
    if (!is_str(q))
      return raise_fmt(ts, TypeError_type, "type __qualname__ must be a str, not {}", type_name(q));
    t->qualname = as_str(q);
    dict_del(ts, t->dict, Value(n.qualname));
  }
  t->module = dict_get_str(t->dict, n.module);
  if (!t->module) {
    Value caller_name = ts.current_frame ? dict_get_str(ts.current_frame->globals, n.name) : Value();
    if (caller_name) {
      t->module = caller_name;
      dict_set_str(ts, t->dict, n.module, caller_name);
    }
  }
  // Empty __slots__ (the namedtuple idiom) means no attribute dict; other __slots__ still get one, as minipy
  // has no slot descriptors.
  Value slots = dict_get_str(t->dict, n.slots);
  bool empty_slots = slots && ((is_tuple(slots) && static_cast<TupleObject*>(slots.as_object())->size == 0) ||
                               (is_list(slots) && static_cast<ListObject*>(slots.as_object())->size == 0));
  if (slots && !empty_slots && (solid == &int_type || solid == &bytes_type || solid == &tuple_type))
    return raise_fmt(ts, TypeError_type, "nonempty __slots__ not supported for subtype of '{}'", tname(solid));
  bool base_has_dict = base->dict_offset || (base->flags & kTypeDictAtEnd);
  bool has_dict = base_has_dict || (!empty_slots && solid != &type_type);
  if (has_dict && !base_has_dict) dict_set_str(ts, t->dict, n.dict, dict_descriptor(ts, t));
  // The first Python class over a builtin without weak reference support adds __weakref__ as CPython does.
  if (!empty_slots && (!(base->flags & kTypeHeap) || !base_has_dict) && solid != &int_type &&
      solid != &bytes_type && solid != &tuple_type && solid != &set_type && solid != &frozenset_type &&
      solid != &type_type)
    dict_set_str(ts, t->dict, intern(ts, "__weakref__"), weakref_descriptor(ts, t));
  t->doc = dict_get_str(t->dict, n.doc);
  if (!t->doc) {
    t->doc = None();
    dict_set_str(ts, t->dict, n.doc, None());
  }
  wrap_implicit(ts, t->dict, "__new__", &staticmethod_type);
  wrap_implicit(ts, t->dict, "__init_subclass__", &classmethod_type);
  if (dict_get_str(t->dict, n.eq) && !dict_get_str(t->dict, n.hash)) dict_set_str(ts, t->dict, n.hash, None());

  // Layout: the builtin base's, plus an attribute dict when the base has none and can carry one.
  t->flags = kTypeHeap | kTypeBaseType | (solid->flags & kInheritedFlags);
  builtin_subclass_layout(t, solid, has_dict);
  // Every slot starts as the builtin base's; slots.cpp then installs the dunder-calling ones.
  std::memcpy(static_cast<void*>(&t->repr), static_cast<const void*>(&solid->repr),
              reinterpret_cast<const char*>(&solid->finalize + 1) - reinterpret_cast<const char*>(&solid->repr));
  t->trace = trace_heap_instance;
  update_heap_type_slots(ts, t);
  register_heap_type(ts, t);

  if (Value cell = dict_get_str(t->dict, n.classcell)) {
    if (type_of(cell) != &cell_type) {
      Value r = py_repr(ts, Value(type_of(cell)));
      return raise_fmt(ts, TypeError_type, "__classcell__ must be a nonlocal cell, not {}",
                       r ? as_str(r)->view() : "?");
    }
    static_cast<CellObject*>(cell.as_object())->ref = Value(t);
    dict_del(ts, t->dict, Value(n.classcell));
  }
  t->version = next_type_version();  // the namespace is final: forget lookups made while it was being built
  if (!set_names(ts, t)) return Value();
  if (!init_subclass(ts, t, kwvalues, kwnames)) return Value();
  return Value(t);
}

// type(name, bases, dict) with optional keywords for __init_subclass__.
Value type_new_from_args(ThreadState& ts, std::span<const Value> args, TupleObject* kwnames) {
  size_t npos = positional_count(args, kwnames);
  if (npos != 3) return raise(ts, TypeError_type, "type() takes 1 or 3 arguments");
  if (!is_str(args[0]))
    return raise_fmt(ts, TypeError_type, "type.__new__() argument 1 must be str, not {}", type_name(args[0]));
  if (!is_tuple(args[1]))
    return raise_fmt(ts, TypeError_type, "type.__new__() argument 2 must be tuple, not {}", type_name(args[1]));
  for (Value b : static_cast<TupleObject*>(args[1].as_object())->span())
    if (!is_type(b))
      return raise(ts, TypeError_type,
                   "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the "
                   "metaclasses of all its bases");
  if (!is_dict(args[2]))
    return raise_fmt(ts, TypeError_type, "type.__new__() argument 3 must be dict, not {}", type_name(args[2]));
  return make_heap_type(ts, as_str(args[0]), static_cast<TupleObject*>(args[1].as_object()),
                        static_cast<DictObject*>(args[2].as_object()), args.subspan(3), kwnames);
}

// __build_class__(func, name, *bases, metaclass=type, **kwds): runs the class body with a fresh namespace as
// its locals, then makes the class from it.
Value build_class(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  size_t npos = positional_count(args, kwnames);
  if (npos < 2) return raise(ts, TypeError_type, "__build_class__: not enough arguments");
  if (type_of(args[0]) != &function_type) return raise(ts, TypeError_type, "__build_class__: func must be a function");
  if (!is_str(args[1])) return raise(ts, TypeError_type, "__build_class__: name is not a string");
  auto* body = static_cast<FunctionObject*>(args[0].as_object());
  TupleObject* bases = minipy::make_tuple(ts, args.subspan(2, npos - 2));

  // Keywords other than metaclass go to __init_subclass__.
  std::vector<Value> kwvalues;
  std::vector<Value> kwnames_kept;
  if (kwnames) {
    for (int64_t i = 0; i < kwnames->size; i++) {
      Value value = args[npos + static_cast<size_t>(i)];
      if (as_str(kwnames->items[i])->view() == "metaclass") {
        if (value == Value(&type_type)) continue;
        if (!is_type(value)) return raise_fmt(ts, TypeError_type, "'{}' object is not callable", type_name(value));
        return raise(ts, NotImplementedError_type, "metaclasses other than type are not supported by minipy");
      }
      kwvalues.push_back(value);
      kwnames_kept.push_back(kwnames->items[i]);
    }
  }

  DictObject* ns = make_dict(ts);
  Frame* frame = new_frame(ts, body->code, body, body->globals, body->builtins, Value(ns));
  Value result = run_frame(ts, frame);
  if (!result) return result;
  // A base that is not a class: CPython takes its type as the metaclass and calls it (which then fails).
  for (Value b : bases->span()) {
    if (is_type(b)) continue;
    Value meta_args[3] = {args[1], Value(bases), Value(ns)};
    return call(ts, Value(type_of(b)), meta_args);
  }

  TupleObject* names = kwnames_kept.empty() ? nullptr : minipy::make_tuple(ts, kwnames_kept);
  TupleObject* values = minipy::make_tuple(ts, kwvalues);  // reachable while Python code runs
  return make_heap_type(ts, as_str(args[1]), bases, ns, values->span(), names);
}

}  // namespace minipy
