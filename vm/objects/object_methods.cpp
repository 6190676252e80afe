// `object`'s methods as Python sees them (object.__init__, __eq__, __repr__, ... in object.__dict__), so that
// super().__init__() and explicit object.__repr__(x) calls work. Each one runs the default behaviour of the
// instance's nearest builtin type, never a Python override (which would recurse).
#include "vm/interp/builtins.h"
#include "vm/objects/static_type.h"
#include "vm/objects/heap_type.h"
#include "vm/objects/instance_values.h"
#include "vm/objects/method_wrapper.h"
#include "vm/objects/type_init.h"

namespace minipy {

namespace {

#define METHOD(fn) Value fn(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

Type* builtin_type_of(Value v) { return static_base(type_of(v)); }


// object.__init__: CPython's object_init, unless the instance's nearest builtin type builds its instances
// entirely in __new__ and shows no __init__ of its own (property, StringIO, ...). CPython's versions of those
// have an __init__ that takes the constructor's arguments, so super().__init__(f) in a property subclass must
// be accepted here; where the builtin type has one (list.__init__, ValueError.__init__: slot_wrappers.cpp),
// only an explicit object.__init__(x, 1) reaches this and it raises as in CPython.
METHOD(m_init) {
  Type* builtin = builtin_type_of(self);
  bool builtin_has_own_init = type_lookup(builtin, ts.interp->names.init) != type_lookup(&object_type, ts.interp->names.init);
  if (builtin != &object_type && !builtin_has_own_init) return None();
  return object_init(ts, self, args, kwnames) ? None() : Value();
}

// OWNER.__new__(cls, ...): makes an instance of cls with OWNER's constructor, after CPython's checks that cls
// derives from OWNER and that OWNER's constructor is the one cls's layout needs (tp_new_wrapper).
Value new_for(ThreadState& ts, Type* owner, std::span<const Value> args, TupleObject* kwnames) {
  Type* cls = new_receiver_class(ts, owner, args, kwnames);
  if (!cls) return Value();
  std::string_view on = owner->c_name, cn = cls->name->view();
  Type* static_new = cls;  // the nearest class whose constructor is not a Python __new__
  while (static_new && is_python_new(static_new)) static_new = static_new->base;
  if (static_new && static_new->new_instance != owner->new_instance)
    return raise_fmt(ts, TypeError_type, "{}.__new__({}) is not safe, use {}.__new__()", on, cn,
                     static_new->name->view());
  NewSlot make = static_base(cls)->new_instance;
  if (!make) return raise_fmt(ts, TypeError_type, "cannot create '{}' instances", cn);
  return make(ts, cls, args.subspan(1), kwnames);
}
template <Type* owner>
METHOD(typed_new) {
  (void)self;
  return new_for(ts, owner, args, kwnames);
}
template <Type* owner>
const MethodDef kNewDef{"__new__", typed_new<owner>, kMethodStatic};

// Every builtin type with a constructor of its own shows it as __new__ (int.__new__, tuple.__new__, ...).
// Runs before static types inherit their bases' slots, so a non-null slot is the type's own.
template <Type* t>
void add_new(ThreadState& ts) {
  if (t->new_instance && (!t->base || t->new_instance != t->base->new_instance))
    add_methods(ts, *t, std::span<const MethodDef>(&kNewDef<t>, 1));
}

// object.__repr__ is object's own repr whatever the instance's type (CPython's object_repr): for an instance of a
// list subclass it is "<__main__.L object at 0x...>", not the list's repr (list.__repr__ gives that).
METHOD(m_repr) {
  if (!check_slot_wrapper_args(ts, "__repr__", args, kwnames, 0)) return Value();
  return object_type.repr(ts, self);
}

METHOD(m_str) {
  if (!check_slot_wrapper_args(ts, "__str__", args, kwnames, 0)) return Value();
  // CPython's object_str: the repr of the object's own type (a Python __repr__ included: IntEnum and StrEnum
  // members, and classes that set `__str__ = object.__str__`, rely on it). str and the exceptions have __str__
  // methods of their own.
  return type_of(self)->repr(ts, self);
}

METHOD(m_hash) {
  if (!check_slot_wrapper_args(ts, "__hash__", args, kwnames, 0)) return Value();
  HashSlot hash = builtin_type_of(self)->hash;
  if (!hash) return raise_fmt(ts, TypeError_type, "unhashable type: '{}'", type_name(self));
  int64_t h;
  if (!hash(ts, self, &h)) return Value();
  return make_int(ts, h);
}

Value compare(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames, int op,
              const char* name) {
  if (!check_slot_wrapper_args(ts, name, args, kwnames, 1)) return Value();
  if (op == kNe) {
    // The default __ne__ inverts whatever __eq__ the instance has.
    Value eq = type_of(self)->richcompare(ts, self, args[0], kEq);
    if (!eq || eq == NotImplemented()) return eq;
    int truth = py_truth(ts, eq);
    return truth < 0 ? Value() : Bool(!truth);
  }
  CompareSlot cmp = builtin_type_of(self)->richcompare;
  return cmp ? cmp(ts, self, args[0], op) : NotImplemented();
}
METHOD(m_eq) { return compare(ts, self, args, kwnames, kEq, "__eq__"); }
METHOD(m_ne) { return compare(ts, self, args, kwnames, kNe, "__ne__"); }
METHOD(m_lt) { return compare(ts, self, args, kwnames, kLt, "__lt__"); }
METHOD(m_le) { return compare(ts, self, args, kwnames, kLe, "__le__"); }
METHOD(m_gt) { return compare(ts, self, args, kwnames, kGt, "__gt__"); }
METHOD(m_ge) { return compare(ts, self, args, kwnames, kGe, "__ge__"); }

METHOD(m_format) {
  if (!check_positional_args(ts, "__format__", args, kwnames, 1, 1)) return Value();
  if (!is_str(args[0]))
    return raise_fmt(ts, TypeError_type, "__format__() argument must be str, not {}", type_name(args[0]));
  if (as_str(args[0])->size != 0)
    return raise_fmt(ts, TypeError_type, "unsupported format string passed to {}.__format__", type_name(self));
  return py_str(ts, self);
}

METHOD(m_init_subclass) {
  // A classmethod: self is the new class.
  if (kwnames && kwnames->size)
    return raise_fmt(ts, TypeError_type, "{}.__init_subclass__() takes no keyword arguments",
                     as_type(self)->name->view());
  if (!args.empty())
    return raise_fmt(ts, TypeError_type, "{}.__init_subclass__() takes no arguments ({} given)",
                     as_type(self)->name->view(), args.size());
  return None();
}

METHOD(m_getattribute) {
  if (!check_slot_wrapper_args(ts, "__getattribute__", args, kwnames, 1))
    return Value();
  if (!is_str(args[0]))
    return raise_fmt(ts, TypeError_type, "attribute name must be string, not '{}'", type_name(args[0]));
  return builtin_type_of(self)->getattr(ts, self, as_str(args[0]));
}

Value set_or_delete(ThreadState& ts, Value self, Value name, Value value) {
  if (!is_str(name)) return raise_fmt(ts, TypeError_type, "attribute name must be string, not '{}'", type_name(name));
  SetAttrSlot set = builtin_type_of(self)->setattr;
  if (!set) return raise_fmt(ts, AttributeError_type, "'{}' object has no attribute '{}'", type_name(self),
                             as_str(name)->view());
  if (!set(ts, self, as_str(name), value)) return Value();
  return None();
}
METHOD(m_setattr) {
  // (CPython unpacks these with an unnamed PyArg_UnpackTuple: " expected 2 arguments, got 1".)
  if (!check_slot_wrapper_args(ts, "__setattr__", {}, kwnames, 0)) return Value();
  if (!check_arg_count(ts, "", args.size(), 2, 2)) return Value();
  return set_or_delete(ts, self, args[0], args[1]);
}
METHOD(m_delattr) {
  if (!check_slot_wrapper_args(ts, "__delattr__", args, kwnames, 1)) return Value();
  return set_or_delete(ts, self, args[0], Value());
}

// object.__dir__ lists the default names without consulting the object's own __dir__ (which may be what called
// it: enum's __dir__ starts from object.__dir__(self)).
METHOD(m_dir) {
  if (!check_positional_args(ts, "object.__dir__", args, kwnames, 0, 0)) return Value();
  return object_default_dir(ts, self);
}

METHOD(m_sizeof) {
  if (!check_positional_args(ts, "__sizeof__", args, kwnames, 0, 0)) return Value();
  return make_int(ts, type_of(self)->instance_size);
}

METHOD(m_subclasshook) {
  (void)ts, (void)self, (void)args, (void)kwnames;
  return NotImplemented();
}

// The slots' dunders are slot wrappers (bound: method-wrapper), the rest plain methods, as in CPython.
const MethodDef object_methods[] = {
    {"__sizeof__", m_sizeof},
    {"__subclasshook__", m_subclasshook, kMethodClass},
    {"__init__", m_init, kMethodSlotWrapper},
    {"__repr__", m_repr, kMethodSlotWrapper},
    {"__str__", m_str, kMethodSlotWrapper},
    {"__hash__", m_hash, kMethodSlotWrapper},
    {"__eq__", m_eq, kMethodSlotWrapper},
    {"__ne__", m_ne, kMethodSlotWrapper},
    {"__lt__", m_lt, kMethodSlotWrapper},
    {"__le__", m_le, kMethodSlotWrapper},
    {"__gt__", m_gt, kMethodSlotWrapper},
    {"__ge__", m_ge, kMethodSlotWrapper},
    {"__format__", m_format},
    {"__init_subclass__", m_init_subclass, kMethodClass},
    {"__getattribute__", m_getattribute, kMethodSlotWrapper},
    {"__setattr__", m_setattr, kMethodSlotWrapper},
    {"__delattr__", m_delattr, kMethodSlotWrapper},
    {"__dir__", m_dir},
};

// The AttributeError of __dict__ on an instance whose layout has no dict (a __slots__ class).
Value no_instance_dict(ThreadState& ts, Value self) {
  return raise_attribute_error(ts, self, ts.interp->names.dict,
                               fmt::format("'{}' object has no attribute '__dict__'", type_name(self)));
}

// __dict__ of an instance of a class defined in Python (created on first use).
METHOD(get_instance_dict) {
  (void)args;
  (void)kwnames;
  DictObject** slot = instance_dict_slot_materialized(ts, self);
  if (!slot) return no_instance_dict(ts, self);
  if (!*slot) *slot = make_dict(ts);
  return Value(*slot);
}

// obj.__dict__ = d: any dict (or dict subclass) replaces the instance's namespace, as CPython's subtype_setdict.
METHOD(set_instance_dict) {
  (void)kwnames;
  DictObject** slot = instance_dict_slot_materialized(ts, self);
  Value value = args.empty() ? Value() : args[0];
  if (!slot) return no_instance_dict(ts, self);
  if (!value.is_object() || !is_subtype(type_of(value), &dict_type))
    return raise_fmt(ts, TypeError_type, "__dict__ must be set to a dictionary, not a '{}'", type_name(value));
  *slot = static_cast<DictObject*>(value.as_object());
  return None();
}

// del obj.__dict__ drops the namespace (CPython 3.11's subtype_setdict with NULL): a fresh one comes on next use.
METHOD(del_instance_dict) {
  (void)args;
  (void)kwnames;
  DictObject** slot = instance_dict_slot_materialized(ts, self);
  if (!slot) return no_instance_dict(ts, self);
  *slot = nullptr;
  return None();
}

}  // namespace

// T.__new__(cls, ...) for builtin types defined outside MINIPY_BUILTIN_TYPES (vm/objects/static_type.h).
Type* new_receiver_class(ThreadState& ts, Type* owner, std::span<const Value> args, TupleObject* kwnames) {
  std::string_view on = owner->c_name;
  // Keyword arguments sit at the end of `args`: a call with keywords only still has no cls.
  size_t positional = args.size() - (kwnames ? static_cast<size_t>(kwnames->size) : 0);
  if (positional == 0) {
    raise_fmt(ts, TypeError_type, "{}.__new__(): not enough arguments", on);
    return nullptr;
  }
  if (!is_type(args[0])) {
    raise_fmt(ts, TypeError_type, "{}.__new__(X): X is not a type object ({})", on, type_name(args[0]));
    return nullptr;
  }
  Type* cls = as_type(args[0]);
  std::string_view cn = cls->name->view();
  if (!is_subtype(cls, owner)) {
    raise_fmt(ts, TypeError_type, "{}.__new__({}): {} is not a subtype of {}", on, cn, cn, on);
    return nullptr;
  }
  return cls;
}

Value builtin_type_new(ThreadState& ts, Type* owner, std::span<const Value> args, TupleObject* kwnames) {
  return new_for(ts, owner, args, kwnames);
}

// `object` itself has no __dict__ attribute (dir(int) must not list one): the classes whose instances carry
// a dict each get this descriptor in their own __dict__, as CPython's type_new adds one.
Value instance_dict_descriptor(ThreadState& ts) {
  static const MethodDef getter{"__dict__", get_instance_dict};
  static const MethodDef setter{"__dict__", set_instance_dict};
  static const MethodDef deleter{"__dict__", del_instance_dict};
  auto* p = ts.alloc<PropertyObject>(&property_type);
  const MethodDef* defs[3] = {&getter, &setter, &deleter};
  Value PropertyObject::*fields[3] = {&PropertyObject::fget, &PropertyObject::fset, &PropertyObject::fdel};
  for (int i = 0; i < 3; i++) {
    auto* d = ts.alloc<MethodDescriptorObject>(&method_descriptor_type);  // the property (traced) holds them
    d->owner = &object_type;
    d->def = defs[i];
    p->*fields[i] = Value(d);
  }
  return Value(p);
}

extern const MethodDef kObjectReduceMethods[3];  // object_reduce.cpp: __getstate__, __reduce__, __reduce_ex__

void init_object_methods(ThreadState& ts) {
  add_methods(ts, object_type, object_methods);
  add_methods(ts, object_type, kObjectReduceMethods);
  init_reduce_methods(ts);
#define X(name) add_slot_wrappers(ts, name##_type);
  MINIPY_BUILTIN_TYPES(X)
#undef X
#define X(name) add_new<&name##_type>(ts);
  MINIPY_BUILTIN_TYPES(X)
#undef X
#define X(name, base) add_new<&name##_type>(ts);
  MINIPY_EXCEPTION_TYPES(X)
#undef X
  // Every exception type shows an __init__ of its own, as in CPython (each one's tp_init is set), except
  // ExceptionGroup, which CPython makes as a heap type deriving from BaseExceptionGroup and Exception.
#define X(name, base) \
  if (&name##_type != &ExceptionGroup_type) add_init_wrapper(ts, name##_type);
  MINIPY_EXCEPTION_TYPES(X)
#undef X
}

}  // namespace minipy
