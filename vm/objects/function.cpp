// Callables: Python functions, builtin functions and methods, method descriptors of builtin types, bound
// methods, properties/staticmethod/classmethod, cells and code objects.
//
// The split follows CPython's: a Python function (funcobject.c) runs bytecode through call_function; a
// builtin function or bound builtin method (methodobject.c) calls a MethodDef's C++ function with `self`
// preset; a method descriptor (descrobject.c) is that MethodDef unbound, found in a builtin type's dict and
// bound on attribute access; a bound method (classobject.c) pairs any callable with its first argument.
// Builtin types' read-only attributes are properties over a method descriptor (install_getter), which
// stands in for CPython's getset_descriptor.
#include <deque>

#include "vm/interp/eval.h"
#include "vm/objects/heap_type.h"
#include "vm/objects/type_init.h"
#include "vm/objects/method_wrapper.h"
#include "vm/runtime.h"
#include "stdlib/native/builtin_docs.h"
#include "stdlib/native/native_type.h"

namespace minipy {

namespace {

// ---- Python functions ------------------------------------------------------------------------------------------
Value function_call(ThreadState& ts, Value callable, std::span<const Value> args, TupleObject* kwnames) {
  return call_function(ts, static_cast<FunctionObject*>(callable.as_object()), args, kwnames);
}

// Functions are non-data descriptors: C().f binds, C.f (instance null or None) is the function itself, as
// CPython 3's func_descr_get (there are no unbound methods).
Value function_descr_get(ThreadState& ts, Value descr, Value instance, Value) {
  if (!instance || is_none(instance)) return descr;
  return make_bound_method(ts, descr, instance);
}

Value function_repr(ThreadState& ts, Value self) {
  auto* f = static_cast<FunctionObject*>(self.as_object());
  return make_str(ts, fmt::format("<function {} at {:#x}>", f->qualname->view(), self.bits()));
}

// `annotations` may still be MAKE_FUNCTION's flat tuple (see function_annotations); either form is traced.
void trace_function(Object* self, Tracer& tracer) {
  auto* f = static_cast<FunctionObject*>(self);
  tracer.visit(f->code);
  tracer.visit(f->globals);
  tracer.visit(f->builtins);
  tracer.visit(f->name);
  tracer.visit(f->qualname);
  tracer.visit(f->defaults);
  tracer.visit(f->kwdefaults);
  tracer.visit(f->closure);
  tracer.visit(f->doc);
  tracer.visit(f->module);
  tracer.visit(f->dict);
  tracer.visit(f->annotations);
}

FunctionObject* as_function(Value v) { return static_cast<FunctionObject*>(v.as_object()); }
// __annotations__: MAKE_FUNCTION leaves a flat (name, value, ...) tuple; the dict is built on first access.
Value function_annotations(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  FunctionObject* f = as_function(self);
  if (f->annotations && is_tuple(f->annotations)) {
    auto* pairs = static_cast<TupleObject*>(f->annotations.as_object());
    DictObject* d = make_dict(ts);
    for (int64_t i = 0; i + 1 < pairs->size; i += 2)
      if (!dict_set(ts, d, pairs->items[i], pairs->items[i + 1])) return Value();
    f->annotations = Value(d);
  }
  if (!f->annotations || is_none(f->annotations)) f->annotations = Value(make_dict(ts));
  return f->annotations;
}
// The attribute dict is created on first use: most functions never get attributes.
Value function_dict(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  FunctionObject* f = as_function(self);
  if (!f->dict) f->dict = make_dict(ts);
  return Value(f->dict);
}
// Decorators copy __name__/__doc__/... onto wrappers: those attributes live in fields, not in __dict__.
bool function_setattr(ThreadState& ts, Value self, StrObject* name, Value value) {
  FunctionObject* f = as_function(self);
  std::string_view n = name->view();
  if (n == "__name__" || n == "__qualname__") {
    if (!value || !is_str(value)) {
      raise_fmt(ts, TypeError_type, "{} must be set to a string object", n);
      return false;
    }
    (n == "__name__" ? f->name : f->qualname) = as_str(value);
    return true;
  }
  if (n == "__doc__" || n == "__module__") {
    (n == "__doc__" ? f->doc : f->module) = value ? value : None();
    return true;
  }
  if (n == "__kwdefaults__" || n == "__annotations__") {
    bool kw = n == "__kwdefaults__";
    if (value && !is_dict(value) && !(kw && is_none(value))) {
      raise_fmt(ts, TypeError_type, "{} must be set to a dict object", n);
      return false;
    }
    if (kw) f->kwdefaults = value && is_dict(value) ? static_cast<DictObject*>(value.as_object()) : nullptr;
    else f->annotations = value;
    return true;
  }
  // types.coroutine swaps in a code object with other flags; the closure must still fit its free variables.
  if (n == "__code__") {
    if (!value || type_of(value) != &code_type) {
      raise(ts, TypeError_type, "__code__ must be set to a code object");
      return false;
    }
    auto* code = static_cast<CodeObj*>(value.as_object());
    int64_t closure_size = f->closure ? f->closure->size : 0;
    if (code->nfrees != closure_size) {
      raise_fmt(ts, ValueError_type, "{}() requires a code object with {} free vars, not {}", f->name->view(),
                closure_size, code->nfrees);
      return false;
    }
    f->code = code;
    return true;
  }
  if (n == "__defaults__") {
    if (value && !is_none(value) && !is_tuple(value)) {
      raise(ts, TypeError_type, "__defaults__ must be set to a tuple object");
      return false;
    }
    f->defaults = value && !is_none(value) ? static_cast<TupleObject*>(value.as_object()) : nullptr;
    return true;
  }
  return generic_setattr(ts, self, name, value);
}

// ---- code objects ---------------------------------------------------------------------------------------------
// A code object's own arrays (bytecode copy, cell2arg) and the compiler's CodeObject it came from are owned
// outside the GC heap and freed by finalize_code; only the tuples and strings below are GC references.
void trace_code(Object* self, Tracer& tracer) {
  auto* c = static_cast<CodeObj*>(self);
  tracer.visit(c->consts);
  tracer.visit(c->names);
  tracer.visit(c->localsplusnames);
  tracer.visit(c->filename);
  tracer.visit(c->name);
  tracer.visit(c->qualname);
}
void finalize_code(Object* self) {
  auto* c = static_cast<CodeObj*>(self);
  delete c->source;
  delete[] c->code;
  delete[] c->cell2arg;
}
Value code_repr(ThreadState& ts, Value self) {
  auto* c = static_cast<CodeObj*>(self.as_object());
  return make_str(ts, fmt::format("<code object {} at {:#x}, file \"{}\", line {}>", c->name->view(), self.bits(),
                                  c->filename->view(), c->firstlineno));
}

// ---- builtin functions and methods ------------------------------------------------------------------------------
// A module-level builtin has the module (or nothing) as `self`; a bound builtin method has its receiver.
// The MethodDef's function sees the same `self` either way, like a C function's first PyObject* argument.
Value native_call(ThreadState& ts, Value callable, std::span<const Value> args, TupleObject* kwnames) {
  auto* f = static_cast<NativeFunctionObject*>(callable.as_object());
  return f->def->fn(ts, f->self, args, kwnames);
}
// Two builtin functions are equal when they are the same function bound to the same object (CPython's
// meth_richcompare): each `object.__new__` or `x.append` access may give a new object, and enum's and the
// copy module's `getattr(cls, '__new__') in {object.__new__, ...}` tests rely on equality.
Value native_richcompare(ThreadState& ts, Value a, Value b, int op) {
  if ((op != kEq && op != kNe) || type_of(a) != &native_function_type || type_of(b) != &native_function_type)
    return NotImplemented();
  auto* x = static_cast<NativeFunctionObject*>(a.as_object());
  auto* y = static_cast<NativeFunctionObject*>(b.as_object());
  bool same = x->self == y->self && x->def == y->def;
  return Bool(op == kEq ? same : !same);
}
// CPython's meth_hash: receiver identity combined with the C function's identity, consistent with
// native_richcompare. -1 is reserved for errors in CPython's hash protocol, so it maps to -2 as there.
bool native_hash(ThreadState&, Value v, int64_t* out) {
  auto* f = static_cast<NativeFunctionObject*>(v.as_object());
  auto h = static_cast<int64_t>((f->self.bits() >> 4) ^ (reinterpret_cast<uintptr_t>(f->def) >> 4));
  *out = h == -1 ? -2 : h;
  return true;
}

// "<built-in function len>" for module functions, "<built-in method append of list object at 0x..>" for
// bound ones (CPython's meth_repr).
Value native_repr(ThreadState& ts, Value self) {
  auto* f = static_cast<NativeFunctionObject*>(self.as_object());
  if (!f->self || (f->self.is_object() && f->self.as_object()->type == &module_type))
    return make_str(ts, fmt::format("<built-in function {}>", f->def->name));
  return make_str(ts, fmt::format("<built-in method {} of {} object at {:#x}>", f->def->name, type_name(f->self),
                                  f->self.bits()));
}
void trace_native(Object* self, Tracer& tracer) {
  auto* f = static_cast<NativeFunctionObject*>(self);
  tracer.visit(f->self);
  tracer.visit(f->module);
}
Value native_name(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  return Value(intern(ts, static_cast<NativeFunctionObject*>(self.as_object())->def->name));
}

// __qualname__ of a builtin: its name for a module-level one, else "TYPE.NAME" with the receiver's class (or the
// receiver itself when it is a class), as CPython's meth_get__qualname__.
Value native_qualname(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  auto* fn = static_cast<NativeFunctionObject*>(self.as_object());
  Value receiver = fn->self;
  if (!receiver || type_of(receiver) == &module_type) return native_name(ts, self, args, kwnames);
  Value owner = is_type(receiver) ? receiver : Value(type_of(receiver));
  Value owner_qualname = get_attr(ts, owner, intern(ts, "__qualname__"));
  if (!owner_qualname) return Value();
  if (!is_str(owner_qualname)) return raise(ts, TypeError_type, "<method>.__class__.__qualname__ is not a unicode object");
  return Value(make_str(ts, fmt::format("{}.{}", as_str(owner_qualname)->view(), fn->def->name)));
}

// __self__: the module of a module-level builtin or the receiver of a bound one (None when there is none).
Value native_self(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  auto* f = static_cast<NativeFunctionObject*>(self.as_object());
  // A static method (str.maketrans) is bound to its class for its repr and __qualname__, as CPython's METH_STATIC
  // functions, and hides it; a builtin class's __new__ shows it (int.__new__.__self__ is int).
  if ((f->def->flags & kMethodStatic) && std::string_view(f->def->name) != "__new__") return None();
  if (f->self) return f->self;
  // The builtins are made before their module is: their module is found by name (inspect.signature drops a
  // "$module" parameter only when __self__ is a module).
  Value module = f->module && is_str(f->module) ? dict_get_str(ts.interp->modules, as_str(f->module)) : Value();
  return module ? module : None();
}

// __module__: the name of the module a module-level builtin belongs to (pickle's whichmodule reads it: without
// it, `codecs.encode` would be found under `codecs` rather than `_codecs`); None for a method bound to an object.
Value native_module_name(ThreadState&, Value self, std::span<const Value>, TupleObject*) {
  Value module = static_cast<NativeFunctionObject*>(self.as_object())->module;
  return module ? module : None();
}

// __reduce__ of builtin functions and bound methods, as pickle and copy use them: a module-level builtin pickles
// as its name (found again in its module); a method bound to an object as getattr(obj, name).
Value reduce_to_getattr(ThreadState& ts, Value receiver, Value name) {
  Value getattr_fn = dict_get_str(ts.interp->builtins, intern(ts, "getattr"));
  Value pair[2] = {receiver, name};
  Value items[2] = {getattr_fn, Value(minipy::make_tuple(ts, pair))};
  return Value(minipy::make_tuple(ts, items));
}
Value native_reduce(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "__reduce__", args, kwnames, 0, 0)) return Value();
  auto* f = static_cast<NativeFunctionObject*>(self.as_object());
  Value name(intern(ts, f->def->name));
  if (!f->self || is_none(f->self) || type_of(f->self) == &module_type) return name;
  return reduce_to_getattr(ts, f->self, name);
}
Value bound_reduce(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "__reduce__", args, kwnames, 0, 0)) return Value();
  auto* m = static_cast<BoundMethodObject*>(self.as_object());
  Value name = get_attr(ts, m->func, ts.interp->names.name);
  if (!name) return name;
  return reduce_to_getattr(ts, m->self, name);
}

// Calling an unbound builtin method, e.g. list.append(l, x): the first argument is the receiver and must be
// an instance of the owning type, checked here (CPython's descr_check / method_check_args) because the C++
// function casts it without looking. Slot wrappers (int.__add__) and plain method descriptors word their
// errors differently, as CPython's wrapper_descriptor and method_descriptor do.
Value descriptor_call(ThreadState& ts, Value callable, std::span<const Value> args, TupleObject* kwnames) {
  auto* d = static_cast<MethodDescriptorObject*>(callable.as_object());
  if (d->def->flags & kMethodStatic) return d->def->fn(ts, Value(), args, kwnames);
  if (d->def->flags & kMethodClass) {
    // dict.__dict__['fromkeys'](dict, 'ab'): the class comes first (CPython's classmethoddescr_call).
    std::string_view owner = d->owner->name->view();
    if (positional_count(args, kwnames) == 0)
      return raise_fmt(ts, TypeError_type, "descriptor '{}' of '{}' object needs an argument", d->def->name, owner);
    // "arg 2" is what CPython 3.11 says, though the type is the first argument.
    if (!is_type(args[0]))
      return raise_fmt(ts, TypeError_type, "descriptor '{}' for type '{}' needs a type, not a '{}' as arg 2",
                       d->def->name, owner, type_name(args[0]));
    if (!is_subtype(as_type(args[0]), d->owner))
      return raise_fmt(ts, TypeError_type, "descriptor '{}' requires a subtype of '{}' but received '{}'",
                       d->def->name, owner, as_type(args[0])->name->view());
    return d->def->fn(ts, args[0], args.subspan(1), kwnames);
  }
  bool slot_wrapper = d->def->flags & kMethodSlotWrapper;
  if (positional_count(args, kwnames) == 0) {
    if (slot_wrapper)
      return raise_fmt(ts, TypeError_type, "descriptor '{}' of '{}' object needs an argument", d->def->name,
                       d->owner->name->view());
    return raise_fmt(ts, TypeError_type, "unbound method {}.{}() needs an argument", d->owner->name->view(),
                     d->def->name);
  }
  if (!is_subtype(type_of(args[0]), d->owner) && slot_wrapper)
    return raise_fmt(ts, TypeError_type, "descriptor '{}' requires a '{}' object but received a '{}'", d->def->name,
                     d->owner->name->view(), type_name(args[0]));
  if (!is_subtype(type_of(args[0]), d->owner))
    return raise_fmt(ts, TypeError_type, "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                     d->def->name, d->owner->name->view(), type_name(args[0]));
  return d->def->fn(ts, args[0], args.subspan(1), kwnames);
}

// Attribute access binds by kind: a classmethod-flagged def (dict.fromkeys) to the owner class, a
// static-flagged def (str.maketrans) to its class (native_self hides it), a slot wrapper to a method-wrapper,
// anything else to the instance as a builtin method; class access (no instance) returns the descriptor itself.
Value descriptor_get(ThreadState& ts, Value descr, Value instance, Value owner) {
  auto* d = static_cast<MethodDescriptorObject*>(descr.as_object());
  if (d->def->flags & kMethodStatic) return make_native_function(ts, d->def, Value(d->owner));
  if (d->def->flags & kMethodClass) return make_native_function(ts, d->def, owner ? owner : Value(type_of(instance)));
  if (!instance) return descr;
  if (d->def->flags & kMethodSlotWrapper) return make_method_wrapper(ts, d->def, d->owner, instance);
  return make_native_function(ts, d->def, instance);
}
// The name a builtin method's repr gives its class: CPython's tp_name, which carries a native module's name
// ("collections.deque", "_lsprof.Profiler"; cProfile's reports show it).
std::string_view owner_tp_name(const Type* owner) {
  return !(owner->flags & kTypeHeap) && owner->c_name ? std::string_view(owner->c_name) : owner->name->view();
}
Value descriptor_repr(ThreadState& ts, Value self) {
  auto* d = static_cast<MethodDescriptorObject*>(self.as_object());
  return make_str(ts, fmt::format("<{} '{}' of '{}' objects>", d->def->flags & kMethodSlotWrapper ? "slot wrapper" : "method",
                                  d->def->name, owner_tp_name(d->owner)));
}
// __name__, __qualname__ ("list.append") and __objclass__ (the class it belongs to) of an unbound builtin method.
Value descriptor_name(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  return Value(intern(ts, static_cast<MethodDescriptorObject*>(self.as_object())->def->name));
}
Value descriptor_qualname(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  auto* d = static_cast<MethodDescriptorObject*>(self.as_object());
  StrObject* owner = d->owner->qualname ? d->owner->qualname : d->owner->name;
  return Value(make_str(ts, fmt::format("{}.{}", owner->view(), d->def->name)));
}
Value descriptor_objclass(ThreadState&, Value self, std::span<const Value>, TupleObject*) {
  return Value(static_cast<MethodDescriptorObject*>(self.as_object())->owner);
}
void trace_descriptor(Object* self, Tracer& tracer) { tracer.visit(static_cast<MethodDescriptorObject*>(self)->owner); }

// ---- bound methods --------------------------------------------------------------------------------------------
// m(*args) is func(self, *args): call_with_self prepends the receiver without building a tuple.
Value bound_call(ThreadState& ts, Value callable, std::span<const Value> args, TupleObject* kwnames) {
  auto* m = static_cast<BoundMethodObject*>(callable.as_object());
  return call_with_self(ts, m->func, m->self, args, kwnames);
}
Value bound_richcompare(ThreadState& ts, Value a, Value b, int op) {
  if ((op != kEq && op != kNe) || type_of(b) != &bound_method_type) return NotImplemented();
  auto* x = static_cast<BoundMethodObject*>(a.as_object());
  auto* y = static_cast<BoundMethodObject*>(b.as_object());
  // Equal when bound to the same object (identity, as CPython 3.8+) and wrapping equal functions.
  int eq = x->self == y->self ? rich_compare_bool(ts, x->func, y->func, kEq) : 0;
  if (eq < 0) return Value();
  return Bool(op == kEq ? eq : !eq);
}
// CPython's method_hash: the receiver's identity hash (the pointer rotated right by 4 bits, as
// _Py_HashPointer) xor the function's own hash, so equal methods (bound_richcompare) hash equal.
bool bound_hash(ThreadState& ts, Value self, int64_t* out) {
  auto* m = static_cast<BoundMethodObject*>(self.as_object());
  int64_t func_hash;
  if (!py_hash(ts, m->func, &func_hash)) return false;
  uint64_t bits = m->self.bits();
  int64_t h = static_cast<int64_t>((bits >> 4) | (bits << 60)) ^ func_hash;
  *out = h == -1 ? -2 : h;
  return true;
}
Value bound_repr(ThreadState& ts, Value self) {
  auto* m = static_cast<BoundMethodObject*>(self.as_object());
  Value qn = get_attr_optional(ts, m->func, ts.interp->names.qualname);
  std::string_view name = qn && is_str(qn) ? as_str(qn)->view() : "?";
  Value r = py_repr(ts, m->self);
  if (!r) return r;
  return make_str(ts, fmt::format("<bound method {} of {}>", name, as_str(r)->view()));
}
void trace_bound(Object* self, Tracer& tracer) {
  auto* m = static_cast<BoundMethodObject*>(self);
  tracer.visit(m->func);
  tracer.visit(m->self);
}
// Attributes a bound method lacks are looked up on the function it wraps (CPython's method_getattro), so
// m.__name__, m.__wrapped__ and user attributes set on the function are visible through the method.
Value bound_getattr(ThreadState& ts, Value self, StrObject* name) {
  // __doc__ is the function's (CPython's method_get_doc), not the method type's own docstring.
  if (name->view() == "__doc__") return get_attr(ts, static_cast<BoundMethodObject*>(self.as_object())->func, name);
  Value v = generic_getattr(ts, self, name, true);
  if (v || ts.current_exception) return v;
  return get_attr(ts, static_cast<BoundMethodObject*>(self.as_object())->func, name);
}

// ---- property / staticmethod / classmethod ------------------------------------------------------------------
PropertyObject* as_property(Value v) { return static_cast<PropertyObject*>(v.as_object()); }
// AttributeError "property 'x' of 'C' object has no getter" (3.11's wording: the name __set_name__ gave the
// property, if any, and the qualified name of the instance's class, both as repr()).
Value raise_missing_accessor(ThreadState& ts, PropertyObject* p, Value instance, const char* accessor) {
  Value qualname = Value(type_of(instance)->qualname ? type_of(instance)->qualname : type_of(instance)->name);
  Value owner = py_repr(ts, qualname);
  if (!owner) return owner;
  if (!p->name)
    return raise_fmt(ts, AttributeError_type, "property of {} object has no {}", as_str(owner)->view(), accessor);
  Value name = py_repr(ts, p->name);
  if (!name) return name;
  return raise_fmt(ts, AttributeError_type, "property {} of {} object has no {}", as_str(name)->view(),
                   as_str(owner)->view(), accessor);
}
// Class access (no instance) returns the property itself, so C.x.fget and C.x.setter work.
Value property_get(ThreadState& ts, Value descr, Value instance, Value) {
  if (!instance) return descr;
  PropertyObject* p = as_property(descr);
  if (!p->fget || is_none(p->fget)) return raise_missing_accessor(ts, p, instance, "getter");
  return call(ts, p->fget, std::span<const Value>(&instance, 1));
}
// A null `value` is `del obj.x` and calls fdel; otherwise fset(obj, value). Properties are data descriptors
// even without a setter: assignment raises instead of falling back to the instance dict.
bool property_set(ThreadState& ts, Value descr, Value instance, Value value) {
  PropertyObject* p = as_property(descr);
  Value fn = value ? p->fset : p->fdel;
  if (!fn || is_none(fn)) {
    if (!p->name && p->fget && type_of(p->fget) == &method_descriptor_type) {
      // A builtin type's read-only attribute (install_getter), worded as CPython's getset descriptors.
      auto* getter = static_cast<MethodDescriptorObject*>(p->fget.as_object());
      raise_fmt(ts, AttributeError_type, "attribute '{}' of '{}' objects is not writable", getter->def->name,
                getter->owner->name->view());
      return false;
    }
    (void)raise_missing_accessor(ts, p, instance, value ? "setter" : "deleter");
    return false;
  }
  Value args[2] = {instance, value};
  return bool(call(ts, fn, std::span<const Value>(args, value ? 2 : 1)));
}
void trace_property(Object* self, Tracer& tracer) {
  auto* p = static_cast<PropertyObject*>(self);
  tracer.visit(p->fget);
  tracer.visit(p->fset);
  tracer.visit(p->fdel);
  tracer.visit(p->doc);
  tracer.visit(p->name);
}
// staticmethod and classmethod keep the callable in fget and, as CPython's sm_init/cm_init (functools_wraps), an
// attribute dict seeded with the callable's __module__, __name__, __qualname__, __doc__ and __annotations__, so
// a wrapper found in a class __dict__ reads like the function it wraps.
struct FunctionWrapperObject : PropertyObject {
  DictObject* dict;
};

void trace_function_wrapper(Object* self, Tracer& tracer) {
  trace_property(self, tracer);
  tracer.visit(static_cast<FunctionWrapperObject*>(self)->dict);
}

// Copies the callable's wrapper attributes into the new wrapper's dict; only AttributeError is ignored.
[[nodiscard]] bool copy_wrapped_attributes(ThreadState& ts, FunctionWrapperObject* wrapper) {
  DictObject* dict = nullptr;
  for (const char* name : {"__module__", "__name__", "__qualname__", "__doc__", "__annotations__"}) {
    StrObject* key = intern(ts, name);
    Value value = get_attr_optional(ts, wrapper->fget, key);
    if (!value) {
      if (ts.current_exception) return false;
      continue;
    }
    if (!dict) dict = wrapper->dict = make_dict(ts);
    if (!dict_set_str(ts, dict, key, value)) return false;
  }
  return true;
}

// staticmethod(f)(...) calls f (callable since 3.10).
Value staticmethod_call(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  return call(ts, as_property(self)->fget, args, kwnames);
}

// <staticmethod(<function f at 0x...>)>: the wrapper's type name around the callable's repr.
Value function_wrapper_repr(ThreadState& ts, Value self) {
  Value inner = py_repr(ts, as_property(self)->fget);
  if (!inner) return inner;
  return make_str(ts, fmt::format("<{}({})>", type_name(self), as_str(inner)->view()));
}

Value staticmethod_get(ThreadState&, Value descr, Value, Value) { return as_property(descr)->fget; }
Value classmethod_get(ThreadState& ts, Value descr, Value instance, Value owner) {
  Value cls = owner ? owner : Value(type_of(instance));
  return make_bound_method(ts, as_property(descr)->fget, cls);
}
// staticmethod(f) / classmethod(f): exactly one positional argument, no keywords, f not checked for being
// callable (as CPython: the error comes when it is called).
Value wrapper_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  if (!no_keywords(ts, type->c_name, kwnames)) return Value();
  if (args.size() != 1)
    return raise_fmt(ts, TypeError_type, "{} expected 1 argument, got {}", type->c_name, args.size());
  auto* p = ts.alloc<FunctionWrapperObject>(type, type->instance_size);  // a subclass adds its slots
  p->fget = args[0];
  if (!copy_wrapped_attributes(ts, p)) return Value();
  return Value(p);
}
// property(fget=None, fset=None, fdel=None, doc=None). A missing doc is fget's __doc__, as CPython 3.11's
// property_init; a subclass's instance keeps that one as an attribute (its dict), so the subclass's own docstring
// does not shadow it (a doc given explicitly stays in the property, where a subclass's docstring shadows it).
Value property_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  auto* p = ts.alloc<PropertyObject>(type, type->instance_size);  // a subclass adds its dict
  size_t n = positional_count(args, kwnames);
  Value* fields[4] = {&p->fget, &p->fset, &p->fdel, &p->doc};
  for (size_t i = 0; i < n && i < 4; i++) *fields[i] = args[i];
  const char* names[4] = {"fget", "fset", "fdel", "doc"};
  for (int i = 0; i < 4; i++)
    if (Value v = keyword_arg(ts, args, kwnames, names[i])) *fields[i] = v;
  if ((p->doc && !is_none(p->doc)) || !p->fget || is_none(p->fget)) return Value(p);
  Value getter_doc = get_attr_optional(ts, p->fget, ts.interp->names.doc);
  if (!getter_doc) return ts.current_exception ? Value() : Value(p);
  if (type == &property_type) {
    p->doc = getter_doc;
  } else if (!set_attr(ts, Value(p), ts.interp->names.doc, getter_doc)) {
    return Value();
  }
  return Value(p);
}
// property.__doc__ (CPython's member): its doc; a builtin type's attribute (int.real) has CPython's doc for it.
Value property_doc(ThreadState& ts, Value, std::span<const Value> args, TupleObject*) {
  PropertyObject* p = as_property(args[0]);
  if (p->doc) return p->doc;
  if (!p->name && p->fget && type_of(p->fget) == &method_descriptor_type) {
    auto* getter = static_cast<MethodDescriptorObject*>(p->fget.as_object());
    if (const BuiltinDoc* row = builtin_method_doc(getter->owner, getter->def->name)) return doc_value(ts, *row);
  }
  return None();
}
Value property_set_doc(ThreadState&, Value, std::span<const Value> args, TupleObject*) {
  as_property(args[0])->doc = args.size() > 1 ? args[1] : None();
  return None();
}
// property.getter/setter/deleter: a copy of the property with one accessor replaced. A subclass's copy is made by
// calling the subclass with (fget, fset, fdel, doc), as CPython's property_copy does.
Value property_copy(ThreadState& ts, Value self, std::span<const Value> args, Value PropertyObject::*field) {
  PropertyObject* old = as_property(self);
  Value replacement = args.size() == 1 ? args[0] : Value();
  if (old->type != &property_type) {
    Value parts[4] = {old->fget, old->fset, old->fdel, old->doc};
    Value PropertyObject::*fields[4] = {&PropertyObject::fget, &PropertyObject::fset, &PropertyObject::fdel,
                                        &PropertyObject::doc};
    for (int i = 0; i < 4; i++) {
      if (fields[i] == field && replacement) parts[i] = replacement;
      if (!parts[i]) parts[i] = None();
    }
    Value copy = call(ts, Value(old->type), parts);
    if (copy && is_subtype(type_of(copy), &property_type)) as_property(copy)->name = old->name;
    return copy;
  }
  // Copying the whole object copies its header too: the mark epoch is reset so the new object does not
  // look already marked to a collection in progress.
  auto* p = ts.alloc<PropertyObject>(old->type);
  *p = *old;
  p->gc_epoch = 0;
  if (replacement) p->*field = replacement;
  return Value(p);
}
Value property_setter(ThreadState& ts, Value self, std::span<const Value> args, TupleObject*) {
  return property_copy(ts, self, args, &PropertyObject::fset);
}
Value property_deleter(ThreadState& ts, Value self, std::span<const Value> args, TupleObject*) {
  return property_copy(ts, self, args, &PropertyObject::fdel);
}
Value property_getter(ThreadState& ts, Value self, std::span<const Value> args, TupleObject*) {
  return property_copy(ts, self, args, &PropertyObject::fget);
}
// __set_name__(owner, name): remembers the name for the error messages.
Value property_set_name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!no_keywords(ts, "property.__set_name__", kwnames)) return Value();
  if (args.size() != 2)
    return raise_fmt(ts, TypeError_type, "__set_name__() takes 2 positional arguments but {} were given", args.size());
  as_property(self)->name = args[1];
  return None();
}
Value property_fget(ThreadState&, Value self, std::span<const Value>, TupleObject*) {
  Value v = as_property(self)->fget;
  return v ? v : None();
}
Value property_fset(ThreadState&, Value self, std::span<const Value>, TupleObject*) {
  Value v = as_property(self)->fset;
  return v ? v : None();
}
Value property_fdel(ThreadState&, Value self, std::span<const Value>, TupleObject*) {
  Value v = as_property(self)->fdel;
  return v ? v : None();
}
Value wrapped_func(ThreadState&, Value self, std::span<const Value>, TupleObject*) { return as_property(self)->fget; }
// __isabstractmethod__ of a property (any of its accessors), staticmethod or classmethod (the function it
// wraps): abc finds abstract members through these wrappers.
Value wrapper_is_abstract(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  PropertyObject* p = as_property(self);
  for (Value accessor : {p->fget, p->fset, p->fdel}) {
    if (!accessor || is_none(accessor)) continue;
    Value flag = get_attr_optional(ts, accessor, intern(ts, "__isabstractmethod__"));
    if (!flag) {
      if (ts.current_exception) return flag;
      continue;
    }
    int truth = py_truth(ts, flag);
    if (truth < 0) return Value();
    if (truth) return True();
  }
  return False();
}

// ---- cells ------------------------------------------------------------------------------------------------------
void trace_cell(Object* self, Tracer& tracer) { tracer.visit(static_cast<CellObject*>(self)->ref); }
// A cell whose variable was never bound (or was deleted) is empty: reading it raises, as CPython's.
Value cell_contents(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  Value v = static_cast<CellObject*>(self.as_object())->ref;
  if (!v) return raise(ts, ValueError_type, "Cell is empty");
  return v;
}

}  // namespace

bool is_unbound_method_like(Value attr) {
  Type* t = type_of(attr);
  if (!(t->flags & kTypeMethodDescriptor)) return false;
  if (t != &method_descriptor_type && t != &wrapper_descriptor_type) return true;
  return !(static_cast<MethodDescriptorObject*>(attr.as_object())->def->flags & (kMethodClass | kMethodStatic));
}

// Calls func(self, *args, **kw) without allocating: up to 16 arguments are copied into a native-stack array,
// more into a std::vector. Returns call()'s result (null with the exception pending).
Value call_with_self(ThreadState& ts, Value func, Value self, std::span<const Value> args, TupleObject* kwnames) {
  constexpr size_t kInline = 16;
  Value buffer[kInline];
  std::vector<Value> heap_buffer;  // its values stay reachable through `args`
  Value* all = buffer;
  if (args.size() + 1 > kInline) {
    heap_buffer.resize(args.size() + 1);
    all = heap_buffer.data();
  }
  all[0] = self;
  for (size_t i = 0; i < args.size(); i++) all[i + 1] = args[i];
  return call(ts, func, std::span<const Value>(all, args.size() + 1), kwnames);
}

// `self` is the receiver (or module, or null); `module` is what __module__ reports (null: None).
Value make_native_function(ThreadState& ts, const MethodDef* def, Value self, Value module) {
  auto* f = ts.alloc<NativeFunctionObject>(&native_function_type);
  f->def = def;
  f->self = self;
  f->module = module;
  return Value(f);
}

Value make_bound_method(ThreadState& ts, Value func, Value self) {
  auto* m = ts.alloc<BoundMethodObject>(&bound_method_type);
  m->func = func;
  m->self = self;
  return Value(m);
}

Value make_cell(ThreadState& ts, Value contents) {
  auto* c = ts.alloc<CellObject>(&cell_type);
  c->ref = contents;
  return Value(c);
}

void add_methods(ThreadState& ts, Type& type, std::span<const MethodDef> methods) {
  for (const MethodDef& def : methods) {
    // A builtin class's __new__ is a builtin method bound to the class and stored once, as CPython's tp_new
    // wrapper, so `cls.__new__ is object.__new__` holds (inspect.signature asks); another static method is that
    // in a staticmethod, as CPython's METH_STATIC (str.__dict__['maketrans']).
    if (def.flags & kMethodStatic) {
      Value function = make_native_function(ts, &def, Value(&type));
      if (std::string_view(def.name) != "__new__") {
        auto* wrapper = ts.alloc<FunctionWrapperObject>(&staticmethod_type);
        wrapper->fget = function;
        function = Value(wrapper);
      }
      dict_set_str_new(ts, type.dict, intern(ts, def.name), function);
      continue;
    }
    // A slot's dunder (int.__add__, object.__init__) is a wrapper_descriptor, as in CPython; the rest are
    // method_descriptors. Both are laid out and behave the same (vm/objects/method_wrapper.cpp).
    Type* kind = (def.flags & kMethodSlotWrapper) ? &wrapper_descriptor_type
                 : (def.flags & kMethodClass)      ? &classmethod_descriptor_type
                                                   : &method_descriptor_type;
    auto* d = ts.alloc<MethodDescriptorObject>(kind);
    d->owner = &type;
    d->def = &def;
    dict_set_str_new(ts, type.dict, intern(ts, def.name), Value(d));
  }
}

namespace {

// A getter is a method descriptor (called with the instance as self) wrapped in a read-only property.
void install_getter(ThreadState& ts, Type& type, const MethodDef* def) {
  auto* d = ts.alloc<MethodDescriptorObject>(&method_descriptor_type);
  d->owner = &type;
  d->def = def;
  auto* p = ts.alloc<PropertyObject>(&property_type);
  p->fget = Value(d);
  dict_set_str_new(ts, type.dict, intern(ts, def->name), Value(p));
}

}  // namespace

// A read-only attribute `name` on a builtin type, computed by `getter(ts, instance, {}, nullptr)`.
void add_getset(ThreadState& ts, Type& type, const char* name, NativeFn getter) {
  // Static types outlive interpreters, so their getter definitions live for the whole process.
  static std::deque<MethodDef> getters;
  getters.push_back(MethodDef{name, getter, 0, nullptr});
  install_getter(ts, type, &getters.back());
}

void add_getsets(ThreadState& ts, Type& type, std::span<const MethodDef> getters) {
  for (const MethodDef& def : getters) install_getter(ts, type, &def);
}

// A getset made by add_getset (or a class's __dict__/__weakref__) shows as CPython's getset_descriptor does.
Value property_repr(ThreadState& ts, Value self) {
  auto* p = static_cast<PropertyObject*>(self.as_object());
  auto native = [](Value f) { return !f || type_of(f) == &method_descriptor_type; };  // no Python accessor
  if (type_of(self) == &property_type && p->fget && type_of(p->fget) == &method_descriptor_type && native(p->fset) &&
      native(p->fdel)) {
    auto* d = static_cast<MethodDescriptorObject*>(p->fget.as_object());
    return Value(make_str(ts, fmt::format("<attribute '{}' of '{}' objects>", d->def->name, owner_tp_name(d->owner))));
  }
  return object_type.repr(ts, self);
}

// A new function for `code` running in `globals` with `builtins` (MAKE_FUNCTION and the function type's
// constructor): name, qualname and __module__ from the code and globals, the docstring from the constants.
Value make_function_in(ThreadState& ts, DictObject* globals, DictObject* builtins, CodeObj* code) {
  auto* f = ts.alloc<FunctionObject>(&function_type);
  f->code = code;
  f->globals = globals;
  f->builtins = builtins;
  f->name = code->name;
  f->qualname = code->qualname;
  Value module = dict_get_str(globals, ts.interp->names.name);
  f->module = module ? module : None();
  // A docstring is co_consts[0] when it is a str and the code is a function (CPython 3.11's convention). The
  // VM's tuple is read, not the compiler's: code loaded from a pyc keeps its constants only there.
  f->doc = None();
  if (code->consts->size > 0 && is_str(code->consts->items[0]) && code->name != ts.interp->names.lambda) {
    // 3.11 puts the docstring first only when the function has one; a leading str constant otherwise would be
    // preceded by None. Functions without docstrings have None first.
    f->doc = code->consts->items[0];
  }
  return Value(f);
}

namespace {

// types.MethodType(function, instance): binds any callable to a non-None instance, as CPython's method_new
// (contextlib's ExitStack builds its exit callbacks this way).
Value bound_method_new(ThreadState& ts, Type*, std::span<const Value> args, TupleObject* kwnames) {
  if (kwnames && kwnames->size > 0) return raise(ts, TypeError_type, "method() takes no keyword arguments");
  if (args.size() != 2) return raise_fmt(ts, TypeError_type, "method expected 2 arguments, got {}", args.size());
  if (!type_of(args[0])->call) return raise(ts, TypeError_type, "first argument must be callable");
  if (is_none(args[1])) return raise(ts, TypeError_type, "instance must not be None");
  return make_bound_method(ts, args[0], args[1]);
}

// function(code, globals, name=None, argdefs=None, closure=None): CPython's func_new, with its checks.
Value function_new(ThreadState& ts, Type*, std::span<const Value> args, TupleObject* kwnames) {
  static constexpr const char* kParams[] = {"code", "globals", "name", "argdefs", "closure"};
  size_t npos = positional_count(args, kwnames);
  if (npos > 5) return raise_fmt(ts, TypeError_type, "function() takes at most 5 arguments ({} given)", args.size());
  Value given[5];
  for (size_t i = 0; i < npos; i++) given[i] = args[i];
  for (int64_t k = 0; kwnames && k < kwnames->size; k++) {
    std::string_view key = as_str(kwnames->items[k])->view();
    size_t i = 0;
    while (i < 5 && key != kParams[i]) i++;
    if (i == 5) return raise_fmt(ts, TypeError_type, "function() got an unexpected keyword argument '{}'", key);
    if (given[i])
      return raise_fmt(ts, TypeError_type, "argument for function() given by name ('{}') and position ({})", key,
                       i + 1);
    given[i] = args[npos + static_cast<size_t>(k)];
  }
  for (size_t i = 0; i < 2; i++)
    if (!given[i])
      return raise_fmt(ts, TypeError_type, "function() missing required argument '{}' (pos {})", kParams[i], i + 1);
  if (type_of(given[0]) != &code_type)
    return raise_fmt(ts, TypeError_type, "function() argument 'code' must be code, not {}", type_name(given[0]));
  if (!is_dict(given[1]))
    return raise_fmt(ts, TypeError_type, "function() argument 'globals' must be dict, not {}", type_name(given[1]));
  auto* code = static_cast<CodeObj*>(given[0].as_object());
  Value name = given[2] ? given[2] : None(), defaults = given[3] ? given[3] : None();
  Value closure = given[4] ? given[4] : None();
  if (!is_none(name) && !is_str(name)) return raise(ts, TypeError_type, "arg 3 (name) must be None or string");
  if (!is_none(defaults) && !is_tuple(defaults))
    return raise(ts, TypeError_type, "arg 4 (defaults) must be None or tuple");
  int64_t nfree = 0;
  for (int i = 0; i < code->localsplusnames->size; i++)
    if (code->localspluskinds[i] & CO_FAST_FREE) nfree++;
  if (!is_tuple(closure)) {
    if (nfree && is_none(closure)) return raise(ts, TypeError_type, "arg 5 (closure) must be tuple");
    if (!is_none(closure)) return raise(ts, TypeError_type, "arg 5 (closure) must be None or tuple");
  }
  auto* cells = is_none(closure) ? nullptr : static_cast<TupleObject*>(closure.as_object());
  int64_t ncells = cells ? cells->size : 0;
  if (ncells != nfree)
    return raise_fmt(ts, ValueError_type, "{} requires closure of length {}, not {}", code->name->view(), nfree,
                     ncells);
  for (int64_t i = 0; i < ncells; i++)
    if (type_of(cells->items[i]) != &cell_type)
      return raise_fmt(ts, TypeError_type, "arg 5 (closure) expected cell, found {}", type_name(cells->items[i]));
  // That is CPython's _PyEval_BuiltinsFromGlobals, except that a __builtins__ which is neither a dict nor a
  // module is ignored here rather than used as the builtins mapping.
  // Builtins: the globals' __builtins__ (a dict or a module), else the interpreter's.
  auto* globals = static_cast<DictObject*>(given[1].as_object());
  DictObject* builtins = ts.interp->builtins;
  Value b = dict_get_str(globals, ts.interp->names.builtins);
  if (b && is_dict(b)) builtins = static_cast<DictObject*>(b.as_object());
  else if (b && type_of(b) == &module_type) builtins = static_cast<ModuleObject*>(b.as_object())->dict;
  Value fn = make_function_in(ts, globals, builtins, code);
  auto* f = static_cast<FunctionObject*>(fn.as_object());
  if (!is_none(name)) f->name = as_str(name);
  if (!is_none(defaults)) f->defaults = static_cast<TupleObject*>(defaults.as_object());
  if (ncells) f->closure = cells;
  return fn;
}

}  // namespace

// Makes `t` behave as method_descriptor: shared with wrapper_descriptor (vm/objects/method_wrapper.cpp), whose
// instances have the same layout.
void give_method_descriptor_protocol(ThreadState& ts, Type& t) {
  t.call = descriptor_call;
  t.descr_get = descriptor_get;
  t.repr = descriptor_repr;
  t.trace = trace_descriptor;
  static const MethodDef kDescriptorGetters[] = {
      {"__name__", descriptor_name}, {"__qualname__", descriptor_qualname}, {"__objclass__", descriptor_objclass}};
  add_getsets(ts, t, kDescriptorGetters);
}

void init_function_types(ThreadState& ts) {
  function_type.new_instance = function_new;
  bound_method_type.new_instance = bound_method_new;
  function_type.call = function_call;
  function_type.descr_get = function_descr_get;
  function_type.repr = function_repr;
  function_type.trace = trace_function;
  function_type.dict_offset = offsetof(FunctionObject, dict);
  function_type.setattr = function_setattr;
  static const MethodDef kFunctionGetters[] = {
      {"__name__", field_getter<&FunctionObject::name>},
      {"__qualname__", field_getter<&FunctionObject::qualname>},
      {"__module__", field_getter<&FunctionObject::module>},
      {"__doc__", field_getter<&FunctionObject::doc>},
      {"__code__", field_getter<&FunctionObject::code>},
      {"__defaults__", field_getter<&FunctionObject::defaults>},
      {"__globals__", field_getter<&FunctionObject::globals>},
      {"__dict__", function_dict},
      {"__closure__", field_getter<&FunctionObject::closure>},
      {"__kwdefaults__", field_getter<&FunctionObject::kwdefaults>},
      {"__builtins__", field_getter<&FunctionObject::builtins>},
      {"__annotations__", function_annotations},
  };
  add_getsets(ts, function_type, kFunctionGetters);

  code_type.trace = trace_code;
  code_type.finalize = finalize_code;
  code_type.repr = code_repr;

  native_function_type.call = native_call;
  native_function_type.repr = native_repr;
  native_function_type.richcompare = native_richcompare;
  native_function_type.hash = native_hash;
  native_function_type.trace = trace_native;
  static const MethodDef kNativeFunctionGetters[] = {
      {"__name__", native_name},
      {"__qualname__", native_qualname},
      {"__self__", native_self},
      {"__module__", native_module_name},
  };
  add_getsets(ts, native_function_type, kNativeFunctionGetters);
  static const MethodDef kNativeFunctionMethods[] = {{"__reduce__", native_reduce}};
  add_methods(ts, native_function_type, kNativeFunctionMethods);

  give_method_descriptor_protocol(ts, method_descriptor_type);

  bound_method_type.call = bound_call;
  bound_method_type.repr = bound_repr;
  bound_method_type.richcompare = bound_richcompare;
  bound_method_type.hash = bound_hash;
  bound_method_type.trace = trace_bound;
  bound_method_type.getattr = bound_getattr;
  static const MethodDef kBoundMethodGetters[] = {
      {"__func__", field_getter<&BoundMethodObject::func>},
      {"__self__", field_getter<&BoundMethodObject::self>},
  };
  add_getsets(ts, bound_method_type, kBoundMethodGetters);
  static const MethodDef kBoundMethodMethods[] = {{"__reduce__", bound_reduce}};
  add_methods(ts, bound_method_type, kBoundMethodMethods);

  property_type.descr_get = property_get;
  property_type.repr = property_repr;
  property_type.descr_set = property_set;
  property_type.trace = trace_property;
  property_type.new_instance = property_new;
  static const MethodDef property_methods[] = {
      {"setter", property_setter}, {"deleter", property_deleter}, {"getter", property_getter},
      {"__set_name__", property_set_name}};
  add_methods(ts, property_type, property_methods);
  add_getset(ts, property_type, "fget", property_fget);
  add_getset(ts, property_type, "fset", property_fset);
  add_getset(ts, property_type, "fdel", property_fdel);
  add_getset(ts, property_type, "__isabstractmethod__", wrapper_is_abstract);
  static const MethodDef kDocGet{"__doc__", property_doc};
  static const MethodDef kDocSet{"__doc__", property_set_doc};
  add_native_property(ts, property_type, &kDocGet, &kDocSet);
  // The class's own __doc__ is CPython's (its namespace entry is the instances' attribute, as there).
  if (const BuiltinDoc* row = builtin_type_doc(&property_type)) property_type.doc = doc_value(ts, *row);
  staticmethod_type.descr_get = staticmethod_get;
  staticmethod_type.call = staticmethod_call;
  classmethod_type.descr_get = classmethod_get;
  for (Type* t : {&staticmethod_type, &classmethod_type}) {
    t->trace = trace_function_wrapper;
    t->new_instance = wrapper_new;
    t->repr = function_wrapper_repr;
    t->instance_size = sizeof(FunctionWrapperObject);
    t->dict_offset = offsetof(FunctionWrapperObject, dict);
    dict_set_str_new(ts, t->dict, ts.interp->names.dict, instance_dict_descriptor(ts));
    add_getset(ts, *t, "__func__", wrapped_func);
    add_getset(ts, *t, "__wrapped__", wrapped_func);
  }
  add_getset(ts, staticmethod_type, "__isabstractmethod__", wrapper_is_abstract);
  add_getset(ts, classmethod_type, "__isabstractmethod__", wrapper_is_abstract);

  // types.CellType([contents]), as CPython's cell_new (types.MethodType: bound_method_new above).
  cell_type.new_instance = [](ThreadState& ts, Type*, std::span<const Value> args, TupleObject* kwnames) {
    if (!no_keywords(ts, "cell", kwnames)) return Value();
    if (args.size() > 1) return raise_fmt(ts, TypeError_type, "cell expected at most 1 argument, got {}", args.size());
    auto* cell = ts.alloc<CellObject>(&cell_type);
    if (!args.empty()) cell->ref = args[0];
    return Value(cell);
  };
  cell_type.trace = trace_cell;
  add_getset(ts, cell_type, "cell_contents", cell_contents);
}

}  // namespace minipy
