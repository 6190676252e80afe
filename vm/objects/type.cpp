// `object` and `type`: attribute lookup through the MRO, descriptors, the default object behaviour, and calling
// a type to make an instance.
#include <algorithm>
#include <cstring>

#include "stdlib/native/native_type.h"
#include "vm/objects/abstract.h"
#include "vm/objects/heap_type.h"
#include "vm/objects/instance_values.h"
#include "vm/objects/static_type.h"
#include "vm/objects/type_init.h"
#include "vm/runtime.h"

namespace minipy {

void copy_missing_slots(Type& t) {
  // The slots are consecutive function pointers in Type, from repr to finalize.
  auto* first = reinterpret_cast<void**>(&t.repr);
  auto* last = reinterpret_cast<void**>(&t.finalize);
  auto* base_first = reinterpret_cast<void**>(&t.base->repr);
  for (void** p = first; p <= last; p++, base_first++)
    if (!*p) *p = *base_first;
}

// Slots a type without its own takes from its base (CPython's inherit_slots), for static types.
void inherit_slots(Type& t) {
  if (!t.base) return;
  NewSlot own_new = t.new_instance;
  copy_missing_slots(t);
  // The constructor is special (CPython's inherit_special): a builtin type directly under `object` that has
  // none of its own does not take object's. Internal types (iterators, views, code, frames, builtin methods...)
  // are thereby not instantiable: calling them raises "cannot create 'X' instances" (type_call), where object's
  // constructor would have made a zero-filled object their methods cannot use.
  if (t.base == &object_type && !(t.flags & kTypeHeap) && !own_new) t.new_instance = nullptr;
}

namespace {

Value object_repr(ThreadState& ts, Value self) {
  Type* t = type_of(self);
  return make_str(ts, fmt::format("<{} object at {:#x}>", qualified_name(t->module, t->qualname->view()), self.bits()));
}

Value object_str(ThreadState& ts, Value self) {
  Type* t = type_of(self);
  return t->repr ? t->repr(ts, self) : object_repr(ts, self);
}

bool object_hash(ThreadState&, Value self, int64_t* out) {
  uint64_t bits = self.bits();
  *out = static_cast<int64_t>((bits >> 4) | (bits << 60));
  if (*out == -1) *out = -2;
  return true;
}

Value object_richcompare(ThreadState&, Value a, Value b, int op) {
  if (op == kEq) return a == b ? True() : NotImplemented();
  if (op == kNe) return a == b ? False() : NotImplemented();
  return NotImplemented();
}

Value object_getattr(ThreadState& ts, Value self, StrObject* name) { return generic_getattr(ts, self, name, false); }
bool object_setattr(ThreadState& ts, Value self, StrObject* name, Value value) {
  return generic_setattr(ts, self, name, value);
}

Value type_repr(ThreadState& ts, Value self) {
  Type* t = as_type(self);
  return make_str(ts, fmt::format("<class '{}'>", qualified_name(t->module, t->qualname->view())));
}

Value type_getattr(ThreadState& ts, Value self, StrObject* name) {
  Type* t = as_type(self);
  Type* meta = type_of(self);
  Value meta_attr = type_lookup(meta, name);
  if (meta_attr) {
    Type* mt = type_of(meta_attr);
    if (mt->descr_get && mt->descr_set) return mt->descr_get(ts, meta_attr, self, Value(meta));
  }
  Value attr = type_lookup(t, name);
  if (attr) {
    Type* at = type_of(attr);
    if (at->descr_get) return at->descr_get(ts, attr, Value(), self);
    return attr;
  }
  if (meta_attr) {
    Type* mt = type_of(meta_attr);
    if (mt->descr_get) return mt->descr_get(ts, meta_attr, self, Value(meta));
    return meta_attr;
  }
  return raise_attribute_error(ts, self, name,
                               fmt::format("type object '{}' has no attribute '{}'", t->name->view(), name->view()));
}

bool is_dunder(std::string_view name) {
  return name.size() > 4 && name.substr(0, 2) == "__" && name.substr(name.size() - 2) == "__";
}

bool type_setattr(ThreadState& ts, Value self, StrObject* name, Value value) {
  Type* t = as_type(self);
  if (t->flags & kTypeImmutable) {
    // CPython quotes tp_name: a native module's type with its module ('_io.StringIO').
    std::string_view tp_name = (t->flags & kTypeHeap) ? t->name->view() : std::string_view(t->c_name);
    raise_fmt(ts, TypeError_type, "cannot set '{}' attribute of immutable type '{}'", name->view(), tp_name);
    return false;
  }
  // A data descriptor of the metaclass decides first (a property on a user metaclass), as for any object.
  // (type's own attributes, such as __module__, are handled below.)
  Value meta_attr = type_of(self) != &type_type ? type_lookup(type_of(self), name) : Value();
  if (meta_attr && meta_attr != type_lookup(&type_type, name)) {
    Type* mt = type_of(meta_attr);
    if (mt->descr_set)
      return mt->descr_set(ts, meta_attr, self, value);
  }
  std::string_view n = name->view();
  // type's getsets for these refuse deletion, with CPython's wording (check_set_special_type_attr, which says
  // "immutable" of any type).
  if (!value && (n == "__doc__" || n == "__name__" || n == "__qualname__" || n == "__module__" || n == "__bases__")) {
    raise_fmt(ts, TypeError_type, "cannot delete '{}' attribute of immutable type '{}'", n, t->name->view());
    return false;
  }
  // __name__ and __qualname__ are the type's own fields, never namespace entries (typing renames classes).
  if ((n == "__name__" || n == "__qualname__") && value) {
    if (!is_str(value)) {
      raise_fmt(ts, TypeError_type, "can only assign string to {}.{}, not '{}'", t->name->view(), n,
                type_of(value)->name->view());
      return false;
    }
    bump_type_version(ts, t);
    (n == "__name__" ? t->name : t->qualname) = as_str(value);
    return true;
  }
  // Assigning a non-empty __abstractmethods__ (abc does) makes the class abstract: object.__new__ refuses it.
  if (n == "__abstractmethods__") {
    int abstract = value ? py_truth(ts, value) : 0;
    if (abstract < 0) return false;
    t->flags = abstract ? (t->flags | kTypeAbstractInstance) : (t->flags & ~kTypeAbstractInstance);
  }
  bump_type_version(ts, t);
  bool ok;
  if (!value) {
    int r = dict_del(ts, t->dict, Value(name));
    if (r == 0)
      raise_fmt(ts, AttributeError_type, "type object '{}' has no attribute '{}'", t->name->view(), name->view());
    ok = r == 1;
  } else {
    ok = dict_set(ts, t->dict, Value(name), value);
  }
  // Slots mirror the dunder methods: a changed dunder changes behaviour at once.
  if (ok && (t->flags & kTypeHeap) && is_dunder(name->view())) update_heap_type_and_subclasses(ts, t);
  return ok;
}

// The class statement and type() have done all the work in type_new_slot; only the argument count is checked.
bool type_init(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  size_t npos = positional_count(args, kwnames);
  if (kwnames && kwnames->size && npos == 1) {
    raise(ts, TypeError_type, "type.__init__() takes no keyword arguments");
    return false;
  }
  if (npos != 1 && npos != 3) {
    raise(ts, TypeError_type, "type.__init__() takes 1 or 3 arguments");
    return false;
  }
  return true;
}

// Calling a class (CPython's type_call): __new__, then __init__ only when __new__ returned an instance of it.
Value type_call(ThreadState& ts, Value callable, std::span<const Value> args, TupleObject* kwnames) {
  Type* t = as_type(callable);
  if (t == &type_type) {
    size_t npos = positional_count(args, kwnames);
    if (npos == 1) {
      if (!no_keywords(ts, "type", kwnames)) return Value();
      return Value(type_of(args[0]));
    }
    if (npos != 3) return raise(ts, TypeError_type, "type() takes 1 or 3 arguments");
  }
  // Named by tp_name: a native module's type as "posix.DirEntry".
  if (!t->new_instance)
    return raise_fmt(ts, TypeError_type, "cannot create '{}' instances",
                     (t->flags & kTypeHeap) ? t->name->view() : std::string_view(t->c_name));
  Value obj = t->new_instance(ts, t, args, kwnames);
  if (!obj) return obj;
  Type* ot = type_of(obj);
  if (ot->init && is_subtype(ot, t)) {
    if (!ot->init(ts, obj, args, kwnames)) return Value();
  }
  return obj;
}

bool type_hash(ThreadState& ts, Value self, int64_t* out) { return object_hash(ts, self, out); }

void trace_type(Object* self, Tracer& tracer) {
  auto* t = static_cast<Type*>(self);
  tracer.visit(t->name);
  tracer.visit(t->qualname);
  tracer.visit(t->module);
  tracer.visit(t->base);
  tracer.visit(t->bases);
  tracer.visit(t->mro);
  tracer.visit(t->dict);
  tracer.visit(t->doc);
}

Value get_module(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  Type* t = as_type(self);
  return t->module ? t->module : Value(intern(ts, "builtins"));
}
// A read-only view: writes to a class's namespace must go through type_setattr, which keeps the type versions
// inline caches rely on up to date.
Value get_dict(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  return make_mappingproxy(ts, Value(as_type(self)->dict));
}

Value object_class(ThreadState&, Value self, std::span<const Value>, TupleObject*) { return Value(type_of(self)); }

// __doc__ of a class: its namespace's entry, read at each access so that a later `C.__doc__ = ...` shows (CPython's
// type_get_doc); a descriptor there (a __slots__ member named __doc__) is bound with no instance. Builtin types
// answer from their fixed doc.
Value get_doc(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  Type* t = as_type(self);
  if (!(t->flags & kTypeHeap) || !t->dict) return t->doc ? t->doc : None();
  Value doc = dict_get_str(t->dict, ts.interp->names.doc);
  if (!doc) return None();
  DescrGetSlot bind = type_of(doc)->descr_get;
  return bind ? bind(ts, doc, Value(), self) : doc;
}

// type.__annotations__ (CPython 3.10+'s type_get_annotations): the class's own namespace entry, made (empty) on
// first read and kept, so a class never shows a base's annotations; a descriptor there is bound with no instance.
// Builtin types have none. Assignment and deletion go to the namespace.
Value type_annotations(ThreadState& ts, Value, std::span<const Value> args, TupleObject*) {
  Type* t = as_type(args[0]);
  if (!(t->flags & kTypeHeap) || !t->dict)
    return raise_fmt(ts, AttributeError_type, "type object '{}' has no attribute '__annotations__'", t->name->view());
  if (Value v = dict_get_str(t->dict, ts.interp->names.annotations)) {
    DescrGetSlot bind = type_of(v)->descr_get;
    return bind ? bind(ts, v, Value(), args[0]) : v;
  }
  Value fresh(make_dict(ts));
  if (!dict_set_str(ts, t->dict, ts.interp->names.annotations, fresh)) return Value();
  return fresh;
}
// Assignment (args[1]) and deletion (no args[1]).
Value type_annotations_set(ThreadState& ts, Value, std::span<const Value> args, TupleObject*) {
  Type* t = as_type(args[0]);
  bool deleting = args.size() < 2;
  if (!(t->flags & kTypeHeap) || !t->dict)
    return raise_fmt(ts, TypeError_type, "cannot {} '__annotations__' attribute of immutable type '{}'",
                     deleting ? "delete" : "set", t->name->view());
  if (!deleting) return dict_set_str(ts, t->dict, ts.interp->names.annotations, args[1]) ? None() : Value();
  int removed = dict_del(ts, t->dict, Value(ts.interp->names.annotations));
  if (removed < 0) return Value();
  if (removed == 0) return raise(ts, AttributeError_type, "__annotations__");
  return None();
}

// The class whose instance layout `t`'s instances have: down the bases while a base's instances are laid out
// the same (CPython's compatible_with_tp_base walk in compatible_for_assignment).
Type* same_layout_base(Type* t) {
  while (t->base && t->base->instance_size == t->instance_size && t->base->item_size == t->item_size &&
         t->base->dict_offset == t->dict_offset && (t->base->flags & kTypeDictAtEnd) == (t->flags & kTypeDictAtEnd))
    t = t->base;
  return t;
}

// obj.__class__ = cls (CPython's object_set_class): only between mutable (heap) classes, or module subclasses,
// whose instances have the same layout. The inline caches key on each object's own type, so nothing else changes.
Value object_set_class(ThreadState& ts, Value self, std::span<const Value> args, TupleObject*) {
  Value value = args.empty() ? Value() : args[0];
  if (!value) return raise(ts, TypeError_type, "can't delete __class__ attribute");
  if (!is_type(value))
    return raise_fmt(ts, TypeError_type, "__class__ must be set to a class, not '{}' object", type_name(value));
  Type* newto = as_type(value);
  Type* oldto = type_of(self);
  bool modules = is_subtype(newto, &module_type) && is_subtype(oldto, &module_type);
  if (!modules && (!(newto->flags & kTypeHeap) || !(oldto->flags & kTypeHeap) || !self.is_object()))
    return raise(ts, TypeError_type, "__class__ assignment only supported for mutable types or ModuleType subclasses");
  Type* newbase = same_layout_base(newto);
  Type* oldbase = same_layout_base(oldto);
  bool compatible = newbase == oldbase;
  if (!compatible && newbase->base == oldbase->base && newbase->instance_size == oldbase->instance_size &&
      newbase->dict_offset == oldbase->dict_offset &&
      (newbase->flags & kTypeDictAtEnd) == (oldbase->flags & kTypeDictAtEnd)) {
    // Siblings adding the same fields (CPython's same_slots_added): no __slots__, or equal ones.
    Value new_slots = dict_get_str(newbase->dict, intern(ts, "__slots__"));
    Value old_slots = dict_get_str(oldbase->dict, intern(ts, "__slots__"));
    if (!new_slots || !old_slots) {
      compatible = !new_slots && !old_slots;
    } else {
      int eq = rich_compare_bool(ts, new_slots, old_slots, kEq);
      if (eq < 0) return Value();
      compatible = eq == 1;
    }
  }
  if (!compatible)
    return raise_fmt(ts, TypeError_type, "__class__ assignment: '{}' object layout differs from '{}'",
                     newto->name->view(), oldto->name->view());
  // The values array's names are the old class's shared keys: the instance keeps its attributes in a dict.
  // (Its array stays unused: the new class's keys may be other names.)
  if (oldto->flags & kTypeInstanceValues) {
    if (in_values_mode(self.as_object())) materialize_instance_dict(ts, self.as_object());
    self.as_object()->kind_flags = 0;
  }
  self.as_object()->type = newto;
  return None();
}

// __flags__: the Py_TPFLAGS_* bits Python code tests (copyreg checks HEAPTYPE; the subclass bits as CPython's).
Value get_flags(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  Type* t = as_type(self);
  constexpr std::pair<uint32_t, int64_t> kBits[] = {
      {kTypeHeap, 1 << 9},           {kTypeBaseType, 1 << 10},         {kTypeImmutable, 1 << 8},
      {kTypeMethodDescriptor, 1 << 17}, {kTypeIntSubclass, 1 << 24},   {kTypeListSubclass, 1 << 25},
      {kTypeTupleSubclass, 1 << 26}, {kTypeStrSubclass, 1 << 28},      {kTypeDictSubclass, 1 << 29},
      {kTypeExceptionSubclass, 1 << 30}, {kTypeTypeSubclass, int64_t{1} << 31},
  };
  int64_t flags = (1 << 12) | (1 << 14);  // READY, HAVE_GC
  for (auto [ours, cpython] : kBits)
    if (t->flags & ours) flags |= cpython;
  return make_int(ts, flags);
}

}  // namespace

// type.__new__: type(x) and type(name, bases, dict) for `type` and every metaclass derived from it.
Value type_new_slot(ThreadState& ts, Type* meta, std::span<const Value> args, TupleObject* kwnames) {
  if (meta == &type_type && args.size() == 1 && !kwnames) return Value(type_of(args[0]));
  return type_new_from_args(ts, meta, args, kwnames);
}

// "Can't instantiate abstract class Shape with abstract methods area, name": the sorted names of the class's
// __abstractmethods__, as CPython's object_new words it.
Value raise_abstract_instantiation(ThreadState& ts, Type* type) {
  Value abstracts = dict_get_str(type->dict, intern(ts, "__abstractmethods__"));
  Value sorted = abstracts ? call(ts, dict_get_str(ts.interp->builtins, intern(ts, "sorted")), {&abstracts, 1})
                           : Value(make_list(ts, 0));
  if (!sorted) return sorted;
  std::string names;
  auto* list = static_cast<ListObject*>(sorted.as_object());
  for (int64_t i = 0; i < list->size; i++) {
    Value s = py_str(ts, list->items[i]);
    if (!s) return s;
    if (i) names += ", ";
    names += as_str(s)->view();
  }
  return raise_fmt(ts, TypeError_type, "Can't instantiate abstract class {} with abstract method{} {}",
                   type->name->view(), list->size == 1 ? "" : "s", names);
}

// object() and classes without __new__: CPython's excess-argument rules (object_new in typeobject.c).
Value object_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  if (!args.empty() && (type == &object_type || (type->flags & kTypeHeap))) {
    if (type->new_instance != object_new)
      return raise(ts, TypeError_type, "object.__new__() takes exactly one argument (the type to instantiate)");
    if (type->init == object_init || !type->init)
      return raise_fmt(ts, TypeError_type, "{}() takes no arguments", type->name->view());
  }
  (void)kwnames;
  if (type->flags & kTypeAbstractInstance) return raise_abstract_instantiation(ts, type);
  if (type->flags & kTypeInstanceValues) return Value(alloc_instance_with_values(ts, type));
  auto* o = ts.alloc<InstanceObject>(type, type->instance_size);
  return Value(o);
}

// CPython's object_init: excess arguments are an error unless the type overrides __new__ but not __init__
// (then the arguments were meant for __new__).
bool object_init(ThreadState& ts, Value self, std::span<const Value> args, TupleObject*) {
  if (args.empty()) return true;
  Type* type = type_of(self);
  if (type->init && type->init != object_init) {
    raise(ts, TypeError_type, "object.__init__() takes exactly one argument (the instance to initialize)");
    return false;
  }
  if (type->new_instance == object_new) {
    raise_fmt(ts, TypeError_type, "{}.__init__() takes exactly one argument (the instance to initialize)",
              type->name->view());
    return false;
  }
  return true;
}

// Every static type set up so far, with the interpreter it was last set up for: the collector's one root
// mechanism for static types. A builtin type defined outside the X-macro lists (GenericAlias, complex, native
// modules' types) may have no instance and no reference from Python for a while, and its dict and MRO must
// outlive that. The owner matters when a process makes several interpreters (unit tests): a type last set up
// for an interpreter that is gone points into that interpreter's freed heap and must not be traced. Plain
// pointers in a static vector: nothing is allocated per type, so nothing is left for LeakSanitizer at exit.
struct StaticTypeEntry {
  Type* type;
  const Interpreter* owner;
};
std::vector<StaticTypeEntry>& static_types() {
  static std::vector<StaticTypeEntry> types;
  return types;
}

void trace_static_types(const Interpreter* interp, Tracer& tracer) {
  for (const StaticTypeEntry& e : static_types())
    if (e.owner == interp) tracer.visit(static_cast<Object*>(e.type));
}

void init_static_type(ThreadState& ts, Type& t) {
  auto known = std::find_if(static_types().begin(), static_types().end(),
                            [&](const StaticTypeEntry& e) { return e.type == &t; });
  if (known == static_types().end()) static_types().push_back({&t, ts.interp});
  else known->owner = ts.interp;
  // A native module's type spells its module in c_name ("itertools.count", as CPython's tp_name); __name__ is
  // the part after the last dot.
  std::string_view full_name = t.c_name;
  t.name = intern(ts, full_name.substr(full_name.rfind('.') + 1));
  t.qualname = t.name;
  t.dict = make_dict(ts);
  size_t depth = 0;
  for (Type* b = &t; b; b = b->base) depth++;
  t.mro = minipy::make_tuple(ts, static_cast<int64_t>(depth));
  size_t i = 0;
  for (Type* b = &t; b; b = b->base) t.mro->items[i++] = Value(b);
  if (t.base) {
    Value base(t.base);
    t.bases = minipy::make_tuple(ts, std::span<const Value>(&base, 1));
  } else {
    t.bases = static_cast<TupleObject*>(ts.interp->empty_tuple.as_object());
  }
}


void init_object_type(ThreadState& ts) {
  object_type.repr = object_repr;
  object_type.str = object_str;
  object_type.hash = object_hash;
  object_type.richcompare = object_richcompare;
  object_type.getattr = object_getattr;
  object_type.setattr = object_setattr;
  object_type.new_instance = object_new;
  add_getset(ts, object_type, "__class__", object_class);
  // __class__ is writable: its property gets a setter beside add_getset's getter.
  static const MethodDef class_setter{"__class__", object_set_class, 0, nullptr};
  auto* setter = ts.alloc<MethodDescriptorObject>(&method_descriptor_type);
  setter->owner = &object_type;
  setter->def = &class_setter;
  auto* class_property = static_cast<PropertyObject*>(dict_get_str(object_type.dict, intern(ts, "__class__")).as_object());
  class_property->fset = Value(setter);
  class_property->fdel = Value(setter);  // called without a value: the deletion error
}

void init_type_type(ThreadState& ts) {
  type_type.repr = type_repr;
  type_type.getattr = type_getattr;
  type_type.setattr = type_setattr;
  type_type.call = type_call;
  type_type.new_instance = type_new_slot;
  type_type.init = type_init;
  type_type.hash = type_hash;
  type_type.trace = trace_type;
  // A dead class frees its shared keys (metaclasses copy this slot from type).
  type_type.finalize = [](Object* self) { free_shared_keys(static_cast<Type*>(self)); };
  static const MethodDef kTypeGetters[] = {
      {"__name__", field_getter<&Type::name>},
      {"__qualname__", field_getter<&Type::qualname>},
      {"__module__", get_module},
      {"__mro__", field_getter<&Type::mro>},
      {"__bases__", field_getter<&Type::bases>},
      {"__base__", field_getter<&Type::base>},
      {"__dict__", get_dict},
      {"__doc__", get_doc},
      {"__flags__", get_flags},
  };
  add_getsets(ts, type_type, kTypeGetters);
  static const MethodDef kAnnotationsGet{"__annotations__", type_annotations};
  static const MethodDef kAnnotationsSet{"__annotations__", type_annotations_set};
  add_native_property(ts, type_type, &kAnnotationsGet, &kAnnotationsSet);
}

// Called once after every init_*_type: static types take the slots they don't define from their bases.
void inherit_static_slots() {
  // Bases come before subclasses in both X-macros, so one ordered pass suffices.
#define X(name) inherit_slots(name##_type);
  MINIPY_BUILTIN_TYPES(X)
#undef X
#define X(name, base) inherit_slots(name##_type);
  MINIPY_EXCEPTION_TYPES(X)
#undef X
}

// For builtin types defined outside the X-macros (vm/objects/static_type.h): the same inheritance, one type.
void inherit_type_slots(Type& t) { inherit_slots(t); }

bool is_subtype(Type* a, Type* b) {
  if (a == b) return true;
  TupleObject* mro = a->mro;
  if (!mro) {
    for (Type* t = a; t; t = t->base)
      if (t == b) return true;
    return false;
  }
  for (int64_t i = 0; i < mro->size; i++)
    if (mro->items[i].as_object() == b) return true;
  return false;
}

namespace {
// Answers of type_lookup for heap types, as CPython's method cache: a type version names one type in one state
// (its whole MRO included), and interned names live forever, so (version, name) decides the answer.
struct LookupCacheEntry {
  // Initialized members keep the table constant-initialized (zeroed .bss, untouched until used): with Value's
  // constructor alone, a static initializer wrote every entry at start-up.
  uint64_t version = 0;
  StrObject* name = nullptr;
  Value value;
};
constexpr size_t kLookupCacheSize = 4096;
LookupCacheEntry lookup_cache[kLookupCacheSize];
// Off while the interpreter builds itself: those lookups are one-offs, and their hashes would scatter over all
// 24 pages of the table (a page fault each, a tenth of a bare start-up's faults) for no later hit.
bool lookup_cache_on = false;
}  // namespace

void start_type_lookup_cache() { lookup_cache_on = true; }

Value type_lookup(Type* type, StrObject* name) {
  LookupCacheEntry* cached = nullptr;
  if ((type->flags & kTypeHeap) && (name->kind_flags & kStrInterned) && lookup_cache_on) {
    uint64_t h = (type->version ^ (reinterpret_cast<uintptr_t>(name) >> 4)) * 0x9E3779B97F4A7C15ull;
    cached = &lookup_cache[h >> 52];
    if (cached->version == type->version && cached->name == name) return cached->value;
  }
  TupleObject* mro = type->mro;
  Value found;
  for (int64_t i = 0; i < mro->size; i++) {
    Type* t = static_cast<Type*>(mro->items[i].as_object());
    found = dict_get_str(t->dict, name);
    if (found) break;
  }
  if (cached) *cached = {type->version, name, found};
  return found;
}

Value generic_getattr(ThreadState& ts, Value obj, StrObject* name, bool suppress) {
  Type* t = type_of(obj);
  Value attr = type_lookup(t, name);
  DescrGetSlot get = nullptr;
  if (attr) {
    Type* at = type_of(attr);
    get = at->descr_get;
    if (get && at->descr_set) return get(ts, attr, obj, Value(t));
  }
  if (obj.is_object() && in_values_mode(obj.as_object())) {
    if (name->type == &str_type) {
      if (Value v = values_get(obj.as_object(), name)) return v;
    } else {
      materialize_instance_dict(ts, obj.as_object());  // a str subclass's own __eq__ may match a key
    }
  }
  if (DictObject** slot = instance_dict_slot(obj); slot && *slot) {
    // dict_get, not dict_get_str: a key of another type hashed like `name` is asked its __eq__, as CPython does.
    Value v = dict_get(ts, *slot, Value(name));
    if (v) return v;
    if (ts.current_exception) return Value();
  }
  if (get) return get(ts, attr, obj, Value(t));
  if (attr) return attr;
  if (suppress) return Value();
  return raise_attribute_error(ts, obj, name,
                               fmt::format("'{}' object has no attribute '{}'", type_name(obj), name->view()));
}

bool generic_setattr(ThreadState& ts, Value obj, StrObject* name, Value value) {
  Type* t = type_of(obj);
  Value attr = type_lookup(t, name);
  if (attr) {
    Type* at = type_of(attr);
    if (at->descr_set) return at->descr_set(ts, attr, obj, value);
  }
  DictObject** slot = instance_dict_slot(obj);
  if (!slot) {
    if (attr)
      raise_fmt(ts, AttributeError_type, "'{}' object attribute '{}' is read-only", type_name(obj), name->view());
    else
      raise_fmt(ts, AttributeError_type, "'{}' object has no attribute '{}'", type_name(obj), name->view());
    return false;
  }
  if (in_values_mode(obj.as_object())) {
    if (value && name->type == &str_type && values_store(obj.as_object(), name, value) >= 0) return true;
    // A deletion, a str subclass as name, or a name values mode cannot hold: on in a dict.
    materialize_instance_dict(ts, obj.as_object());
  }
  if (!*slot) *slot = make_dict(ts, 1);  // a few attributes: the first table is inside the dict (dict.cpp)
  if (!value) {
    int r = dict_del(ts, *slot, Value(name));
    if (r == 0)
      raise_fmt(ts, AttributeError_type, "'{}' object has no attribute '{}'", type_name(obj), name->view());
    return r == 1;
  }
  return dict_set_str(ts, *slot, name, value);
}

}  // namespace minipy
