// weakref.proxy: ProxyType and CallableProxyType (CPython's Objects/weakrefobject.c). A proxy is a weak
// reference (the same layout, cleared by the collector the same way) whose operations act on the referent:
// attributes, calls, items, iteration, comparisons, truth, str and the number operators. Once the referent is
// gone each of them raises ReferenceError.
//
// Left out: __bytes__ and __reversed__ forwarding.
#include "stdlib/native/weakref.h"

namespace minipy {

namespace {

Type proxy_type, callable_proxy_type;

bool is_proxy(Value v) {
  return v.is_object() && (type_of(v) == &proxy_type || type_of(v) == &callable_proxy_type);
}

// The referent of proxy `v` in *out; ReferenceError once it is dead.
bool referent_of(ThreadState& ts, Value v, Value* out) {
  Object* o = static_cast<WeakReference*>(v.as_object())->referent;
  if (!o) return raise(ts, ReferenceError_type, "weakly-referenced object no longer exists"), false;
  *out = Value(o);
  return true;
}

// `v` itself, or its referent when it is a proxy.
bool unwrap(ThreadState& ts, Value v, Value* out) {
  if (!is_proxy(v)) {
    *out = v;
    return true;
  }
  return referent_of(ts, v, out);
}

Value proxy_repr(ThreadState& ts, Value self) {
  Object* o = static_cast<WeakReference*>(self.as_object())->referent;
  // A dead proxy's referent reads as None, as CPython's PyWeakref_GET_OBJECT gives it.
  if (!o) o = None().as_object();
  return make_str(ts, fmt::format("<weakproxy at {:#x}; to '{}' at {:#x}>", self.bits(), type_name(Value(o)),
                                  Value(o).bits()));
}

// Unary operations: one function per protocol, all "unwrap, then do it to the referent".
template <Value (*kOperation)(ThreadState&, Value)>
Value forward_unary(ThreadState& ts, Value self) {
  Value o;
  return referent_of(ts, self, &o) ? kOperation(ts, o) : Value();
}

Value proxy_getattr(ThreadState& ts, Value self, StrObject* name) {
  Value o;
  return referent_of(ts, self, &o) ? get_attr(ts, o, name) : Value();
}

bool proxy_setattr(ThreadState& ts, Value self, StrObject* name, Value value) {
  Value o;
  return referent_of(ts, self, &o) && set_attr(ts, o, name, value);
}

Value proxy_call(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  Value o;
  return referent_of(ts, self, &o) ? call(ts, o, args, kwnames) : Value();
}

Value proxy_richcompare(ThreadState& ts, Value a, Value b, int op) {
  Value x, y;
  if (!unwrap(ts, a, &x) || !unwrap(ts, b, &y)) return Value();
  return rich_compare(ts, x, y, op);
}

bool proxy_hash(ThreadState& ts, Value self, int64_t*) {
  // A proxy is unhashable even over a hashable referent, as in CPython: its == compares referents, and a hash would
  // have to stay valid after the referent dies.
  raise_fmt(ts, TypeError_type, "unhashable type: '{}'", type_name(self));
  return false;
}

int proxy_truth(ThreadState& ts, Value self) {
  Value o;
  return referent_of(ts, self, &o) ? py_truth(ts, o) : -1;
}

int64_t proxy_length(ThreadState& ts, Value self) {
  Value o;
  return referent_of(ts, self, &o) ? py_len(ts, o) : -1;
}

Value proxy_getitem(ThreadState& ts, Value self, Value key) {
  Value o;
  return referent_of(ts, self, &o) ? get_item(ts, o, key) : Value();
}

bool proxy_setitem(ThreadState& ts, Value self, Value key, Value value) {
  Value o;
  if (!referent_of(ts, self, &o)) return false;
  return value ? set_item(ts, o, key, value) : del_item(ts, o, key);
}

int proxy_contains(ThreadState& ts, Value self, Value item) {
  Value o;
  return referent_of(ts, self, &o) ? contains(ts, o, item) : -1;
}

Value proxy_iternext(ThreadState& ts, Value self) {
  Value o;
  if (!referent_of(ts, self, &o)) return Value();
  if (!type_of(o)->iternext)
    return raise_fmt(ts, TypeError_type, "Weakref proxy referenced a non-iterator '{}' object", type_name(o));
  return iter_next(ts, o);
}

// The number operators, binary and in-place, by BINARY_OP index.
template <int kOp>
Value forward_binary(ThreadState& ts, Value a, Value b) {
  Value x, y;
  if (!unwrap(ts, a, &x) || !unwrap(ts, b, &y)) return Value();
  return binary_op(ts, x, y, kOp);
}

template <int... kOps>
void set_binary_slots(Type& t, std::integer_sequence<int, kOps...>) {
  ((t.binary[kOps] = forward_binary<kOps>), ...);
  ((t.inplace[kOps] = forward_binary<kBinaryOpCount + kOps>), ...);
}

Value proxy_new(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "proxy", args, kwnames, 1, 2)) return Value();
  if (!weakrefable(ts, args[0]))
    return raise_fmt(ts, TypeError_type, "cannot create weak reference to '{}' object", type_name(args[0]));
  // The kind is fixed at creation: callable() reads the proxy's type slot, and slots cannot vary per instance, hence
  // CPython's two proxy types.
  Type* type = type_of(args[0])->call ? &callable_proxy_type : &proxy_type;
  return Value(new_weakref(ts, type, args[0].as_object(), args.size() > 1 ? args[1] : Value()));
}

// Only the callback is traced: the referent is held weakly, and the collector clears it (see weakref.h) rather than
// keeping it alive.
void trace_proxy(Object* self, Tracer& tracer) { tracer.visit(static_cast<WeakReference*>(self)->callback); }

Value proxy_construct(ThreadState& ts, Type* type, std::span<const Value>, TupleObject*) {
  // Neither type has a constructor in CPython; weakref.proxy() is the only way to make one.
  return raise_fmt(ts, TypeError_type, "cannot create '{}' instances", type->c_name);
}

const MethodDef kProxyFunctions[] = {{"proxy", proxy_new}};

}  // namespace

void add_proxy_types(ThreadState& ts, ModuleObject* m) {
  for (Type* t : {&proxy_type, &callable_proxy_type}) {
    const char* name = t == &proxy_type ? "ProxyType" : "CallableProxyType";
    if (!begin_native_type(ts, *t, name, "weakref", sizeof(WeakReference))) continue;
    t->new_instance = proxy_construct;
    t->repr = proxy_repr;
    t->str = forward_unary<py_str>;
    t->getattr = proxy_getattr;
    t->setattr = proxy_setattr;
    t->richcompare = proxy_richcompare;
    t->hash = proxy_hash;
    t->truth = proxy_truth;
    t->length = proxy_length;
    t->getitem = proxy_getitem;
    t->setitem = proxy_setitem;
    t->contains = proxy_contains;
    t->iter = forward_unary<get_iter>;
    t->iternext = proxy_iternext;
    t->negative = forward_unary<unary_negative>;
    t->positive = forward_unary<unary_positive>;
    t->absolute = forward_unary<py_abs>;
    t->invert = forward_unary<unary_invert>;
    t->index = forward_unary<number_index>;
    set_binary_slots(*t, std::make_integer_sequence<int, kBinaryOpCount>());
    if (t == &callable_proxy_type) t->call = proxy_call;
    t->trace = trace_proxy;
    t->del = ref_del;
    t->finalize = forget_weakref;
    finish_native_type(ts, *t);
  }
  add_module_value(ts, m, "ProxyType", Value(static_cast<Object*>(&proxy_type)));
  add_module_value(ts, m, "CallableProxyType", Value(static_cast<Object*>(&callable_proxy_type)));
  add_module_functions(ts, m, kProxyFunctions);
}

}  // namespace minipy
