// types.SimpleNamespace (CPython's namespaceobject.c): an object whose attributes are its keyword arguments,
// shown as namespace(a=1, b='x') (a subclass shows its own name), equal when the attribute dicts are, and
// unhashable. sys.implementation is one, which is how types.py finds the type.
#include "vm/objects/namespace.h"

#include "vm/objects/heap_type.h"
#include "vm/objects/sequence.h"
#include "vm/objects/static_type.h"
#include "vm/objects/type_init.h"

namespace minipy {

namespace {

Type namespace_type;

DictObject* namespace_dict(ThreadState& ts, Value self) {
  auto* o = static_cast<InstanceObject*>(self.as_object());
  // Created on first use: an instance made through __new__ alone (a subclass that never calls __init__, or
  // copy/pickle's type.__new__ before restoring the state) has no dict yet.
  if (!o->dict) o->dict = make_dict(ts);
  return o->dict;
}

// SimpleNamespace(**kwargs): keyword arguments only.
bool namespace_init(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  size_t npos = positional_count(args, kwnames);
  if (npos > 0) {
    raise(ts, TypeError_type, "no positional arguments expected");
    return false;
  }
  DictObject* d = namespace_dict(ts, self);
  for (int64_t k = 0; kwnames && k < kwnames->size; k++)
    if (!dict_set(ts, d, kwnames->items[k], args[npos + static_cast<size_t>(k)])) return false;
  return true;
}

Value namespace_repr(ThreadState& ts, Value self) {
  Type* t = type_of(self);
  // The exact type shows as "namespace" although its __name__ is SimpleNamespace: namespaceobject.c hard-codes that
  // word, and sys.implementation's repr depends on it.
  std::string name = t == &namespace_type ? "namespace" : std::string(t->name->view());
  ReprGuard guard(ts, self.as_object());
  if (guard.recursive()) return Value(make_str(ts, name + "(...)"));
  std::string out = name + "(";
  DictObject* d = namespace_dict(ts, self);
  int64_t pos = 0;
  Value k, v;
  bool first = true;
  while (dict_next(d, &pos, &k, &v)) {
    if (!is_str(k)) continue;  // CPython lists only string keys
    Value r = py_repr(ts, v);
    if (!r) return r;
    if (!first) out += ", ";
    first = false;
    out += as_str(k)->view();
    out += "=";
    out += as_str(r)->view();
  }
  return Value(make_str(ts, out + ")"));
}

// Equal when both are namespaces (of any subclass) with equal attribute dicts.
Value namespace_richcompare(ThreadState& ts, Value a, Value b, int op) {
  if ((op != kEq && op != kNe) || !b.is_object() || !is_subtype(type_of(b), &namespace_type))
    return NotImplemented();
  // Only == and != are defined; the order comparisons stay NotImplemented, hence TypeError, as in CPython.
  return rich_compare(ts, Value(namespace_dict(ts, a)), Value(namespace_dict(ts, b)), op);
}

// __reduce__: (type(self), (), the attribute dict), so copy and pickle rebuild it.
Value namespace_reduce(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "__reduce__", args, kwnames, 0, 0)) return Value();
  Value items[3] = {Value(static_cast<Object*>(type_of(self))), ts.interp->empty_tuple,
                    Value(namespace_dict(ts, self))};
  return Value(make_tuple(ts, items));
}

}  // namespace

Value make_namespace(ThreadState& ts) {
  auto* o = ts.alloc<InstanceObject>(&namespace_type, namespace_type.instance_size);
  o->dict = make_dict(ts);
  return Value(o);
}

void init_namespace_type(ThreadState& ts) {
  Type& t = namespace_type;
  begin_static_type(ts, t, "types.SimpleNamespace", &object_type, sizeof(InstanceObject), kTypeBaseType);
  t.module = Value(intern(ts, "types"));
  t.dict_offset = offsetof(InstanceObject, dict);
  t.getattr = object_type.getattr;
  t.setattr = object_type.setattr;
  t.new_instance = [](ThreadState& ts, Type* type, std::span<const Value>, TupleObject*) {
    auto* o = ts.alloc<InstanceObject>(type, type->instance_size);
    return Value(o);
  };
  t.init = namespace_init;
  t.repr = namespace_repr;
  t.richcompare = namespace_richcompare;
  t.trace = [](Object* self, Tracer& tracer) { tracer.visit(static_cast<InstanceObject*>(self)->dict); };
  static const MethodDef kMethods[] = {{"__reduce__", namespace_reduce}};
  add_methods(ts, t, kMethods);
  finish_static_type<&namespace_type>(ts, t);
  dict_set_str_new(ts, t.dict, intern(ts, "__dict__"), instance_dict_descriptor(ts));
  t.hash = nullptr;  // mutable: unhashable, as CPython's
  dict_set_str_new(ts, t.dict, intern(ts, "__hash__"), None());
}

}  // namespace minipy
