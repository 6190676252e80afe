// The `wrapper_descriptor` type: a builtin type's method for one of its slots (int.__add__, object.__str__,
// list.__len__; CPython's PyWrapperDescr_Type), laid out and called as a method descriptor, its __doc__ and
// __text_signature__ taken from the slot table. And the `method-wrapper` type: such a method bound to an object, as
// `(1).__add__` gives it (CPython's wrapperobject in Objects/descrobject.c). Its layout is a builtin function's
// (the MethodDef, the receiver), with the slot wrapper's owner class in the `module` field, for __objclass__ and
// __qualname__. Methods of builtin types that are not slot wrappers bind to builtin_function_or_method instead.
#include "vm/objects/method_wrapper.h"

#include "vm/objects/static_type.h"
#include "vm/objects/type_init.h"
#include "stdlib/native/builtin_docs.h"

namespace minipy {

Type method_wrapper_type;
Type wrapper_descriptor_type;
Type classmethod_descriptor_type;

namespace {

// (getattr, (target, name)): how pickle stores a slot wrapper, by reference.
Value getattr_reduction(ThreadState& ts, Value target, const char* name) {
  Value getattr_fn = dict_get_str(ts.interp->builtins, intern(ts, "getattr"));
  Value pair[2] = {target, Value(intern(ts, name))};
  Value items[2] = {getattr_fn, Value(minipy::make_tuple(ts, pair))};
  return Value(minipy::make_tuple(ts, items));
}

NativeFunctionObject* as_wrapper(Value v) { return static_cast<NativeFunctionObject*>(v.as_object()); }
Type* owner_of(Value v) { return static_cast<Type*>(as_wrapper(v)->module.as_object()); }

// <method-wrapper '__add__' of int object at 0x...>
Value wrapper_repr(ThreadState& ts, Value self) {
  NativeFunctionObject* f = as_wrapper(self);
  return make_str(ts, fmt::format("<method-wrapper '{}' of {} object at {:#x}>", f->def->name, type_name(f->self),
                                  f->self.bits()));
}

// Equal when they wrap the same slot of the same class and are bound to the same object (identity), as
// CPython's wrapper_richcompare; other comparisons are not supported.
Value wrapper_richcompare(ThreadState&, Value a, Value b, int op) {
  if ((op != kEq && op != kNe) || type_of(b) != &method_wrapper_type) return NotImplemented();
  NativeFunctionObject* x = as_wrapper(a);
  NativeFunctionObject* y = as_wrapper(b);
  bool same = x->def == y->def && x->module == y->module && x->self == y->self;
  return Bool(op == kEq ? same : !same);
}

void trace_wrapper(Object* self, Tracer& tracer) {
  auto* f = static_cast<NativeFunctionObject*>(self);
  tracer.visit(f->self);
  tracer.visit(f->module);
}

#define WRAPPER_FN(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

WRAPPER_FN(wrapper_name) {
  (void)args, (void)kwnames;
  return Value(intern(ts, as_wrapper(self)->def->name));
}
WRAPPER_FN(wrapper_self) {
  (void)ts, (void)args, (void)kwnames;
  return as_wrapper(self)->self;
}
WRAPPER_FN(wrapper_objclass) {
  (void)ts, (void)args, (void)kwnames;
  return Value(owner_of(self));
}
// __qualname__: "int.__add__", the owner's qualified name and the slot's.
WRAPPER_FN(wrapper_qualname) {
  (void)args, (void)kwnames;
  Type* owner = owner_of(self);
  StrObject* owner_name = owner->qualname ? owner->qualname : owner->name;
  return Value(make_str(ts, fmt::format("{}.{}", owner_name->view(), as_wrapper(self)->def->name)));
}
// __doc__ and __text_signature__ of a slot wrapper, bound or not: the slot table's (a MethodDef's own doc first).
// CPython's own row comes first: where CPython defines a method of that name (list.__getitem__) its doc is not
// the slot's.
Value slot_doc(ThreadState& ts, const Type* owner, const MethodDef* def) {
  if (const BuiltinDoc* row = builtin_method_doc(owner, def->name)) return doc_value(ts, *row);
  const char* doc = def->doc ? def->doc : slot_wrapper_doc(def->name);
  return doc ? Value(make_str(ts, doc)) : None();
}
Value slot_signature(ThreadState& ts, const Type* owner, const MethodDef* def) {
  if (const BuiltinDoc* row = builtin_method_doc(owner, def->name)) return signature_value(ts, *row);
  const char* signature = slot_wrapper_signature(def->name);
  return signature ? Value(make_str(ts, signature)) : None();
}
WRAPPER_FN(wrapper_doc) {
  (void)args, (void)kwnames;
  return slot_doc(ts, owner_of(self), as_wrapper(self)->def);
}
WRAPPER_FN(wrapper_signature) {
  (void)args, (void)kwnames;
  return slot_signature(ts, owner_of(self), as_wrapper(self)->def);
}
MethodDescriptorObject* as_descriptor(Value v) { return static_cast<MethodDescriptorObject*>(v.as_object()); }
WRAPPER_FN(descriptor_doc) {
  (void)args, (void)kwnames;
  return slot_doc(ts, as_descriptor(self)->owner, as_descriptor(self)->def);
}
WRAPPER_FN(descriptor_signature) {
  (void)args, (void)kwnames;
  return slot_signature(ts, as_descriptor(self)->owner, as_descriptor(self)->def);
}
// wrapper_descriptor.__reduce__: getattr(owner class, name), so pickle stores int.__add__ by reference.
WRAPPER_FN(descriptor_reduce) {
  if (!check_positional_args(ts, "__reduce__", args, kwnames, 0, 0)) return Value();
  auto* d = static_cast<MethodDescriptorObject*>(self.as_object());
  return getattr_reduction(ts, Value(d->owner), d->def->name);
}
// __reduce__: getattr(receiver, name), as for any bound builtin method.
WRAPPER_FN(wrapper_reduce) {
  if (!check_positional_args(ts, "__reduce__", args, kwnames, 0, 0)) return Value();
  return getattr_reduction(ts, as_wrapper(self)->self, as_wrapper(self)->def->name);
}

#undef WRAPPER_FN

}  // namespace

Value make_method_wrapper(ThreadState& ts, const MethodDef* def, Type* owner, Value self) {
  auto* f = ts.alloc<NativeFunctionObject>(&method_wrapper_type);
  f->def = def;
  f->self = self;
  f->module = Value(owner);
  return Value(f);
}

void init_method_wrapper_type(ThreadState& ts) {
  Type& t = method_wrapper_type;
  begin_static_type(ts, t, "method-wrapper", &object_type, sizeof(NativeFunctionObject), 0);
  // Called and hashed as a bound builtin method (the layouts are the same; function.cpp set those slots first).
  t.call = native_function_type.call;
  t.repr = wrapper_repr;
  t.richcompare = wrapper_richcompare;
  t.hash = native_function_type.hash;
  t.trace = trace_wrapper;
  static const MethodDef kGetters[] = {
      {"__name__", wrapper_name},         {"__qualname__", wrapper_qualname}, {"__self__", wrapper_self},
      {"__objclass__", wrapper_objclass}, {"__doc__", wrapper_doc},       {"__text_signature__", wrapper_signature},
  };
  add_getsets(ts, t, kGetters);
  static const MethodDef kMethods[] = {{"__reduce__", wrapper_reduce}};
  add_methods(ts, t, kMethods);
  finish_static_type_slots(ts, t, nullptr);

  Type& d = wrapper_descriptor_type;
  begin_static_type(ts, d, "wrapper_descriptor", &object_type, sizeof(MethodDescriptorObject),
                    kTypeMethodDescriptor);
  give_method_descriptor_protocol(ts, d);
  static const MethodDef kDescriptorGetters[] = {{"__doc__", descriptor_doc},
                                                 {"__text_signature__", descriptor_signature}};
  add_getsets(ts, d, kDescriptorGetters);
  static const MethodDef kDescriptorMethods[] = {{"__reduce__", descriptor_reduce}};
  add_methods(ts, d, kDescriptorMethods);
  finish_static_type_slots(ts, d, nullptr);

  Type& c = classmethod_descriptor_type;
  begin_static_type(ts, c, "classmethod_descriptor", &object_type, sizeof(MethodDescriptorObject), 0);
  give_method_descriptor_protocol(ts, c);
  static const MethodDef kClassMethodGetters[] = {{"__doc__", builtin_method_doc_getter},
                                                  {"__text_signature__", builtin_method_signature_getter}};
  add_getsets(ts, c, kClassMethodGetters);
  finish_static_type_slots(ts, c, nullptr);
}

}  // namespace minipy
