// Classes defined in Python: __build_class__ (the `class` statement) and type(name, bases, dict), which make a
// heap type: C3 MRO, instance layout taken from the most derived builtin base, dunder slots (slots.cpp),
// __classcell__ for zero-argument super(), __set_name__ and __init_subclass__.
#include <algorithm>
#include <cstring>
#include <vector>

#include "vm/interp/eval.h"
#include "vm/interp/frame_setup.h"
#include "vm/objects/bytearray.h"
#include "vm/objects/complex.h"
#include "vm/objects/heap_type.h"
#include "vm/objects/instance_values.h"
#include "vm/objects/member_descriptor.h"
#include "vm/text/str_methods.h"
#include "vm/runtime.h"

namespace minipy {

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

// Whether heap type `t` laid out slot words of its own (a member descriptor it owns in its dict).
bool defines_slot_members(Type* t) {
  int64_t pos = 0;
  Value k, v;
  while (dict_next(t->dict, &pos, &k, &v))
    if (is_member_descriptor(v) && member_descriptor_owner(v) == t) return true;
  return false;
}

// The builtin type whose instance layout `t`'s instances have: builtin subclasses that add no fields share
// their base's (CPython's solid_base), so OSError and ValueError, both plain exception layouts, combine.
Type* layout_base(Type* t) {
  for (Type* h = t; h && (h->flags & kTypeHeap); h = h->base)
    if (defines_slot_members(h)) return h;  // its slots extend the layout: bases must agree on them
  t = static_base(t);
  while (t->base && t->base->instance_size == t->instance_size && t->base->dict_offset == t->dict_offset &&
         t->base->item_size == t->item_size)
    t = t->base;
  return t;
}

// The base whose builtin layout every other base's layout extends (CPython's best_base).
Type* best_base(ThreadState& ts, TupleObject* bases) {
  Type* winner = nullptr;
  Type* winner_solid = nullptr;
  for (Value b : bases->span()) {
    Type* base = as_type(b);
    Type* solid = layout_base(base);
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

// Builtin bases whose layout a Python class may extend (builtin_subclass.cpp knows where their dict goes): those
// CPython lets one subclass (module included: its instances keep their attributes in the module's own dict).
bool subclassable_layout(Type* solid) {
  if (is_subclassable_native_type(solid) || is_native_extensible(solid)) return true;
  return (solid->flags & kTypeBaseType) != 0;
}

// Where a heap type's own words start in instances over builtin base `solid`: slot values and an appended
// attribute dict, all of them Values (a DictObject* is a valid Value).
size_t heap_words_begin(Type* solid) {
  if (solid == &object_type) return sizeof(InstanceObject);
  return solid->item_size == 0 ? (solid->instance_size + 7) & ~size_t{7} : SIZE_MAX;
}

void trace_heap_instance(Object* self, Tracer& tracer) {
  Type* solid = static_base(self->type);
  if (solid->trace) solid->trace(self, tracer);
  size_t begin = heap_words_begin(solid);
  for (size_t offset = begin; offset < self->type->instance_size; offset += sizeof(Value))
    tracer.visit(*reinterpret_cast<Value*>(reinterpret_cast<char*>(self) + offset));
  if (solid->dict_offset) return;  // the base traces its own dict
  if (DictObject** d = instance_dict_slot(Value(self))) tracer.visit(*d);
  if (self->type->flags & kTypeInstanceValues) trace_instance_values(self, tracer);
}

// Wraps a plain function found under `name` in the class dict with `wrapper` (staticmethod/classmethod). The
// class dict is the class body's namespace, which may hold keys of the program's making: storing can fail.
[[nodiscard]] bool wrap_implicit(ThreadState& ts, DictObject* dict, std::string_view name, Type* wrapper) {
  StrObject* key = intern(ts, name);
  Value v = dict_get_str(dict, key);
  if (!v || type_of(v) != &function_type) return true;
  // The wrapper's full instance size (it has an attribute dict), left empty as CPython's PyStaticMethod_New and
  // PyClassMethod_New leave it: only staticmethod(f) called from Python copies f's attributes.
  auto* p = ts.alloc<PropertyObject>(wrapper, wrapper->instance_size);
  p->fget = v;
  return dict_set_str(ts, dict, key, Value(p));
}

// What a class body's __slots__ asks for.
struct SlotSpec {
  bool present = false;               // the class body defines __slots__
  std::vector<StrObject*> names;      // the slot words, names mangled as the compiler mangles private names
  bool wants_dict = false;            // '__dict__' among them
  bool wants_weakref = false;         // '__weakref__' among them
};

// "__x" in class "_Point" is stored as "_Point__x", as attribute references in the class body are compiled.
StrObject* mangle_slot_name(ThreadState& ts, Type* t, StrObject* name) {
  std::string_view s = name->view(), cls = t->name->view();
  if (s.size() < 2 || s.substr(0, 2) != "__" || (s.size() >= 4 && s.substr(s.size() - 2) == "__")) return name;
  while (!cls.empty() && cls.front() == '_') cls.remove_prefix(1);
  if (cls.empty()) return name;
  return intern(ts, fmt::format("_{}{}", cls, s));
}

// Reads t's __slots__ (a str or an iterable of str) into *spec, with CPython's checks and messages.
bool read_slots(ThreadState& ts, Type* t, Type* solid, bool base_has_dict, SlotSpec* spec) {
  Value slots = dict_get_str(t->dict, ts.interp->names.slots);
  if (!slots) return true;
  spec->present = true;
  // The names are gathered in a list object, not a std::vector: an iterator's next() may run a collection, and the
  // collector sees a list held in a local but not the elements of a vector.
  ListObject* items = make_list(ts, 0);
  if (is_str(slots)) {
    if (!list_append(ts, items, slots)) return false;
  } else {
    Value it = get_iter(ts, slots);
    if (!it) return false;
    while (Value item = iter_next(ts, it))
      if (!list_append(ts, items, item)) return false;
    if (ts.current_exception) return false;
  }
  for (int64_t i = 0; i < items->size; i++) {
    Value item = items->items[i];
    if (!is_str(item))
      return raise_fmt(ts, TypeError_type, "__slots__ items must be strings, not '{}'", type_name(item)), false;
    std::string_view name = as_str(item)->view();
    if (!text::isidentifier(name)) return raise(ts, TypeError_type, "__slots__ must be identifiers"), false;
    if (name == "__dict__") {
      if (base_has_dict || spec->wants_dict)
        return raise(ts, TypeError_type, "__dict__ slot disallowed: we already got one"), false;
      spec->wants_dict = true;
    } else if (name == "__weakref__") {
      if (spec->wants_weakref)
        return raise(ts, TypeError_type, "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0"),
               false;
      spec->wants_weakref = true;
    } else {
      spec->names.push_back(mangle_slot_name(ts, t, as_str(item)));
    }
  }
  if (spec->names.empty()) return true;
  if (solid == &int_type || solid == &bytes_type || solid == &tuple_type)
    return raise_fmt(ts, TypeError_type, "nonempty __slots__ not supported for subtype of '{}'", tname(solid)), false;
  for (StrObject* name : spec->names)
    if (dict_get_str(t->dict, name))
      return raise_fmt(ts, ValueError_type, "'{}' in __slots__ conflicts with class variable", name->view()), false;
  // A variable-size base (str) keeps its items where slot words would go: its slot names stay plain attributes
  // in the instance dict, as minipy did before slots existed.
  if (heap_words_begin(solid) == SIZE_MAX) {
    spec->names.clear();
    spec->wants_dict = true;
  }
  return true;
}

// The instance layout of new class `t`: its base's (a Python base keeps its slots and dict where they are),
// an attribute dict when `add_dict`, then one word per slot name, each published as a member descriptor (false
// with the exception pending when storing one in the class dict fails).
[[nodiscard]] bool lay_out_instances(ThreadState& ts, Type* t, Type* base, Type* solid, bool add_dict,
                                     const std::vector<StrObject*>& slot_names) {
  if (base->flags & kTypeHeap) {
    t->instance_size = base->instance_size;
    t->dict_offset = base->dict_offset;
    t->item_size = base->item_size;
    t->flags |= base->flags & kTypeDictAtEnd;
    if (add_dict) {
      if (solid == &object_type) {
        t->dict_offset = offsetof(InstanceObject, dict);
      } else if (solid == &str_type || solid == &bytes_type || solid == &tuple_type) {
        // Their data is inline, so the dict goes after it (as builtin_subclass_layout places it): a class
        // adding a dict below `class T(tuple): __slots__ = ()` (a namedtuple) must not put it over the items.
        t->flags |= kTypeDictAtEnd;
      } else if (solid->item_size == 0) {
        t->dict_offset = static_cast<uint32_t>((t->instance_size + 7) & ~uint32_t{7});
        t->instance_size = t->dict_offset + sizeof(DictObject*);
      } else {
        t->flags |= kTypeDictAtEnd;
      }
    }
  } else {
    builtin_subclass_layout(t, solid, add_dict);
  }
  // Instances over object always have InstanceObject's dict word (empty when they have no dict).
  if (solid == &object_type) t->instance_size = std::max<uint32_t>(t->instance_size, sizeof(InstanceObject));
  uint32_t offset = (t->instance_size + 7) & ~uint32_t{7};
  for (StrObject* name : slot_names) {
    Value member = make_member_descriptor(ts, t, name, offset);
    if (!dict_set_str(ts, t->dict, name, member)) return false;
    if (name->view() == "__doc__") t->doc = member;  // C.__doc__ is then the descriptor, as in CPython
    offset += sizeof(Value);
  }
  t->instance_size = offset;
  // Ordinary instances (object's layout, the dict in InstanceObject) keep their attributes in a values array.
  if (solid == &object_type && t->dict_offset == offsetof(InstanceObject, dict) && !(t->flags & kTypeDictAtEnd) &&
      t->item_size == 0)
    t->flags |= kTypeInstanceValues;
  return true;
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

// __weakref__ reads as None, which CPython shows only for an object nobody refers to weakly (it gives the
// first weak reference otherwise; minipy's references live in the _weakref module's registry, not the object).
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
  return o == t && (o->type->flags & kTypeTypeSubclass) && (t->flags & kTypeHeap);
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

Value make_heap_type(ThreadState& ts, Type* meta, StrObject* name, TupleObject* bases, DictObject* ns,
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

  // The class is an instance of its metaclass; a metaclass derived from type shares type's layout.
  auto* t = ts.alloc<Type>(meta, std::max<size_t>(sizeof(Type), meta->instance_size));
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
    if (dict_del(ts, t->dict, Value(n.qualname)) < 0) return Value();
  }
  t->module = dict_get_str(t->dict, n.module);
  if (!t->module) {
    Value caller_name = ts.current_frame ? dict_get_str(ts.current_frame->globals, n.name) : Value();
    if (caller_name) {
      t->module = caller_name;
      if (!dict_set_str(ts, t->dict, n.module, caller_name)) return Value();
    }
  }
  // __slots__ names become member descriptors over words appended to the instance layout; the instances
  // then have no attribute dict unless '__dict__' is among the names (CPython's type_new).
  bool base_has_dict = base->dict_offset || (base->flags & kTypeDictAtEnd);
  SlotSpec slots;
  if (!read_slots(ts, t, solid, base_has_dict, &slots)) return Value();
  // Another base with an attribute dict (class PI(Childless, Node) with Childless.__slots__ == ()) gives the
  // instances one too, as CPython's (a dict is not part of the layout that decides the best base).
  bool other_base_has_dict = false;
  for (Value b : bases->span())
    other_base_has_dict = other_base_has_dict || as_type(b)->dict_offset || (as_type(b)->flags & kTypeDictAtEnd);
  bool has_dict = base_has_dict || other_base_has_dict ||
                  ((!slots.present || slots.wants_dict) && solid != &type_type);
  // t->dict is the class body's namespace, which may hold keys of the program's making: every store can fail.
  if (has_dict && !base_has_dict && !dict_set_str(ts, t->dict, n.dict, dict_descriptor(ts, t))) return Value();
  // The first Python class over a builtin without weak reference support adds __weakref__ as CPython does.
  if ((!slots.present || slots.wants_weakref) && (!(base->flags & kTypeHeap) || !base_has_dict) &&
      solid != &int_type && solid != &bytes_type && solid != &tuple_type && solid != &set_type &&
      solid != &frozenset_type && solid != &type_type && solid != &module_type &&
      !dict_set_str(ts, t->dict, intern(ts, "__weakref__"), weakref_descriptor(ts, t)))
    return Value();
  t->doc = dict_get_str(t->dict, n.doc);
  if (!t->doc) {
    t->doc = None();
    if (!dict_set_str(ts, t->dict, n.doc, None())) return Value();
  }
  if (!wrap_implicit(ts, t->dict, "__new__", &staticmethod_type) ||
      !wrap_implicit(ts, t->dict, "__init_subclass__", &classmethod_type) ||
      !wrap_implicit(ts, t->dict, "__class_getitem__", &classmethod_type))
    return Value();
  if (dict_get_str(t->dict, n.eq) && !dict_get_str(t->dict, n.hash) && !dict_set_str(ts, t->dict, n.hash, None()))
    return Value();

  // Layout: the builtin base's, plus an attribute dict when the base has none and can carry one.
  t->flags = kTypeHeap | kTypeBaseType | (solid->flags & kInheritedFlags);
  if (!lay_out_instances(ts, t, base, solid, has_dict && !base_has_dict, slots.names)) return Value();
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
    if (dict_del(ts, t->dict, Value(n.classcell)) < 0) return Value();
  }
  t->version = next_type_version();  // the namespace is final: forget lookups made while it was being built
  if (!set_names(ts, t)) return Value();
  if (!init_subclass(ts, t, kwvalues, kwnames)) return Value();
  return Value(t);
}

// The most derived of `meta` and the metaclasses of `bases` (CPython's _PyType_CalculateMetaclass), or null
// with TypeError when neither of two is a subclass of the other.
Type* calculate_metaclass(ThreadState& ts, Type* meta, TupleObject* bases) {
  Type* winner = meta;
  for (Value b : bases->span()) {
    Type* candidate = type_of(b);
    if (is_subtype(winner, candidate)) continue;
    if (is_subtype(candidate, winner)) {
      winner = candidate;
      continue;
    }
    raise(ts, TypeError_type,
          "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the "
          "metaclasses of all its bases");
    return nullptr;
  }
  return winner;
}

// type.__new__(meta, name, bases, dict, **kw): keywords go to __init_subclass__.
Value type_new_from_args(ThreadState& ts, Type* meta, std::span<const Value> args, TupleObject* kwnames) {
  size_t npos = positional_count(args, kwnames);
  if (npos != 3)
    return raise_fmt(ts, TypeError_type, "type.__new__() takes exactly 3 arguments ({} given)", npos);
  if (!is_str(args[0]))
    return raise_fmt(ts, TypeError_type, "type.__new__() argument 1 must be str, not {}", type_name(args[0]));
  if (!is_tuple(args[1]))
    return raise_fmt(ts, TypeError_type, "type.__new__() argument 2 must be tuple, not {}", type_name(args[1]));
  if (!is_dict(args[2]))
    return raise_fmt(ts, TypeError_type, "type.__new__() argument 3 must be dict, not {}", type_name(args[2]));
  auto* bases = static_cast<TupleObject*>(args[1].as_object());
  for (Value b : bases->span()) {
    if (is_type(b)) continue;
    Value entries = get_attr_optional(ts, b, intern(ts, "__mro_entries__"));
    if (entries) return raise(ts, TypeError_type, "type() doesn't support MRO entry resolution; use types.new_class()");
    if (ts.current_exception) return Value();
  }
  // A base's metaclass more derived than `meta` makes the class, through its own __new__ if it has one.
  Type* winner = calculate_metaclass(ts, meta, bases);
  if (!winner) return Value();
  if (winner != meta && winner->new_instance != type_new_slot) return winner->new_instance(ts, winner, args, kwnames);
  for (Value b : bases->span())
    if (!is_type(b)) return raise(ts, TypeError_type, "bases must be types");
  return make_heap_type(ts, winner, as_str(args[0]), bases, static_cast<DictObject*>(args[2].as_object()),
                        args.subspan(3), kwnames);
}

namespace {

// The bases a class statement lists, with each non-class that has __mro_entries__ replaced by what that returns
// (PEP 560). Returns `bases` itself when nothing was replaced.
// `resolved` is a list object so that the collector sees the entries while later __mro_entries__ calls run.
TupleObject* resolve_mro_entries(ThreadState& ts, TupleObject* bases) {
  ListObject* resolved = make_list(ts, 0);
  bool changed = false;
  StrObject* name = intern(ts, "__mro_entries__");
  for (int64_t i = 0; i < bases->size; i++) {
    Value b = bases->items[i];
    Value method = is_type(b) ? Value() : get_attr_optional(ts, b, name);
    if (!method) {
      if (ts.current_exception) return nullptr;
      if (!list_append(ts, resolved, b)) return nullptr;
      continue;
    }
    Value arg(bases);
    Value entries = call(ts, method, std::span<const Value>(&arg, 1));
    if (!entries) return nullptr;
    if (!is_tuple(entries)) {
      raise(ts, TypeError_type, "__mro_entries__ must return a tuple");
      return nullptr;
    }
    for (Value e : static_cast<TupleObject*>(entries.as_object())->span())
      if (!list_append(ts, resolved, e)) return nullptr;
    changed = true;
  }
  return changed ? minipy::make_tuple(ts, std::span<const Value>(resolved->items, static_cast<size_t>(resolved->size))) : bases;
}

// After a class body ran: its __class__ cell (returned by the body) must hold the class made (zero-argument
// super() relies on it), which fails when a metaclass did not pass __classcell__ on to type.__new__.
bool check_class_cell(ThreadState& ts, Value cell, Value name, Value cls) {
  if (!is_type(cls) || type_of(cell) != &cell_type) return true;
  Value held = static_cast<CellObject*>(cell.as_object())->ref;
  if (held == cls) return true;
  Value name_repr = py_repr(ts, name);
  Value cls_repr = name_repr ? py_repr(ts, cls) : Value();
  if (!cls_repr) return false;
  if (!held) {
    raise_fmt(ts, RuntimeError_type,
              "__class__ not set defining {} as {}. Was __classcell__ propagated to type.__new__?",
              as_str(name_repr)->view(), as_str(cls_repr)->view());
    return false;
  }
  Value held_repr = py_repr(ts, held);
  if (!held_repr) return false;
  raise_fmt(ts, TypeError_type, "__class__ set to {} defining {} as {}", as_str(held_repr)->view(),
            as_str(name_repr)->view(), as_str(cls_repr)->view());
  return false;
}

}  // namespace

// __build_class__(func, name, *bases, metaclass=None, **kwds), as CPython's: resolve __mro_entries__, pick the
// metaclass (the most derived of the given one and the bases' metaclasses), ask it for the namespace
// (__prepare__), run the body in that namespace, then call metaclass(name, bases, namespace, **kwds).
Value build_class(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  size_t npos = positional_count(args, kwnames);
  if (npos < 2) return raise(ts, TypeError_type, "__build_class__: not enough arguments");
  if (type_of(args[0]) != &function_type) return raise(ts, TypeError_type, "__build_class__: func must be a function");
  if (!is_str(args[1])) return raise(ts, TypeError_type, "__build_class__: name is not a string");
  auto* body = static_cast<FunctionObject*>(args[0].as_object());
  TupleObject* orig_bases = minipy::make_tuple(ts, args.subspan(2, npos - 2));
  TupleObject* bases = resolve_mro_entries(ts, orig_bases);
  if (!bases) return Value();

  // Keywords other than metaclass go to __prepare__, the metaclass and __init_subclass__.
  Value meta;
  std::vector<Value> kept;  // keyword values, then (after make_tuple) their names
  std::vector<Value> kept_names;
  if (kwnames) {
    for (int64_t i = 0; i < kwnames->size; i++) {
      Value value = args[npos + static_cast<size_t>(i)];
      if (as_str(kwnames->items[i])->view() == "metaclass") {
        meta = value;
        continue;
      }
      kept.push_back(value);
      kept_names.push_back(kwnames->items[i]);
    }
  }
  bool is_class = true;
  if (!meta) meta = bases->size ? Value(type_of(bases->items[0])) : Value(&type_type);
  else is_class = is_type(meta);
  if (is_class) {
    Type* winner = calculate_metaclass(ts, as_type(meta), bases);
    if (!winner) return Value();
    meta = Value(winner);
  }
  // Everything Python code may drop stays reachable from this tuple: meta, bases, keywords.
  TupleObject* names = kept_names.empty() ? nullptr : minipy::make_tuple(ts, kept_names);
  kept.insert(kept.begin(), {args[1], Value(bases), meta});
  TupleObject* call_args = minipy::make_tuple(ts, kept);  // (name, bases, meta, *keyword values)

  Value ns;
  if (meta == Value(&type_type)) {
    ns = Value(make_dict(ts));  // type.__prepare__ makes a plain dict: skip the lookup
  } else {
    Value prepare = get_attr_optional(ts, meta, intern(ts, "__prepare__"));
    if (!prepare && ts.current_exception) return Value();
    if (!prepare) {
      ns = Value(make_dict(ts));
    } else {
      std::vector<Value> prepare_args{call_args->items[0], call_args->items[1]};
      for (int64_t i = 3; i < call_args->size; i++) prepare_args.push_back(call_args->items[i]);
      ns = call(ts, prepare, prepare_args, names);
      if (!ns) return ns;
      if (!type_of(ns)->getitem)
        return raise_fmt(ts, TypeError_type, "{}.__prepare__() must return a mapping, not {}",
                         is_class ? as_type(meta)->name->view() : "<metaclass>", type_name(ns));
    }
  }
  Value keep[2] = {Value(call_args), ns};
  TupleObject* rooted = minipy::make_tuple(ts, std::span<const Value>(keep, 2));
  Frame* frame = new_frame(ts, body->code, body, body->globals, body->builtins, ns);
  Value cell = run_frame(ts, frame);
  if (!cell) return cell;
  ns = rooted->items[1];
  if (bases != orig_bases && !set_item(ts, ns, Value(intern(ts, "__orig_bases__")), Value(orig_bases))) return Value();
  std::vector<Value> meta_args{call_args->items[0], call_args->items[1], ns};
  for (int64_t i = 3; i < call_args->size; i++) meta_args.push_back(call_args->items[i]);
  Value keep_cell[2] = {Value(rooted), cell};
  TupleObject* rooted_cell = minipy::make_tuple(ts, std::span<const Value>(keep_cell, 2));
  Value cls = call(ts, call_args->items[2], meta_args, names);
  if (!cls) return cls;
  if (!check_class_cell(ts, rooted_cell->items[1], call_args->items[0], cls)) return Value();
  return cls;
}

}  // namespace minipy
