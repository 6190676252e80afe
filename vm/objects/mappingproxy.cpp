// mappingproxy: the read-only view of a class's namespace that `A.__dict__` and `vars(A)` return, so that
// class attributes change only through setattr (which keeps type versions and dunder slots in step).
#include "vm/objects/type_init.h"
#include "vm/runtime.h"

namespace minipy {

namespace {

struct MappingProxyObject : Object {
  Value mapping;
};

Value mapping_of(Value proxy) { return static_cast<MappingProxyObject*>(proxy.as_object())->mapping; }

Value proxy_repr(ThreadState& ts, Value self) {
  Value inner = py_repr(ts, mapping_of(self));
  if (!inner) return inner;
  return Value(make_str(ts, fmt::format("mappingproxy({})", as_str(inner)->view())));
}
Value proxy_str(ThreadState& ts, Value self) { return py_str(ts, mapping_of(self)); }

Value proxy_getitem(ThreadState& ts, Value self, Value key) { return get_item(ts, mapping_of(self), key); }
int proxy_contains(ThreadState& ts, Value self, Value key) { return contains(ts, mapping_of(self), key); }
int64_t proxy_len(ThreadState& ts, Value self) { return py_len(ts, mapping_of(self)); }
Value proxy_iter(ThreadState& ts, Value self) { return get_iter(ts, mapping_of(self)); }

Value proxy_richcompare(ThreadState& ts, Value self, Value other, int op) {
  // Two proxies compare by their mappings; a proxy and a dict compare as the dict and the mapping would.
  if (type_of(other) == &mappingproxy_type) other = mapping_of(other);
  return rich_compare(ts, mapping_of(self), other, op);
}

// The read methods forward to the mapping; copy() gives a plain (mutable) copy of it.
// Forwarding by name calls the wrapped mapping's own method, so a proxy over an OrderedDict or a user mapping answers
// with that type's keys() or copy(), as CPython's mappingproxy_copy does (PyObject_CallMethod).
template <const char* name>
Value forward(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!no_keywords(ts, name, kwnames)) return Value();
  return call_method(ts, mapping_of(self), intern(ts, name), args);
}
constexpr char kKeys[] = "keys", kValues[] = "values", kItems[] = "items", kGet[] = "get", kCopy[] = "copy",
               kReversed[] = "__reversed__";

// PEP 584 on a proxy: `|` is the mappings' own `|` (a dict for two dicts), with either side unwrapped; `|=` is
// refused, since the proxy cannot change.
Value proxy_or(ThreadState& ts, Value a, Value b) {
  if (type_of(a) == &mappingproxy_type) a = mapping_of(a);
  if (type_of(b) == &mappingproxy_type) b = mapping_of(b);
  return binary_op(ts, a, b, kOpOr);
}
Value proxy_ior(ThreadState& ts, Value a, Value) {
  return raise_fmt(ts, TypeError_type, "'|=' is not supported by {}; use '|' instead", type_name(a));
}

// mappingproxy[X] is a types.GenericAlias, as for the builtin containers (a classmethod: self is the class).
Value proxy_class_getitem(ThreadState& ts, Value cls, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "__class_getitem__", args, kwnames, 1, 1)) return Value();
  // GenericAlias is private to generic_alias.cpp; it is reached as Lib's types module reaches it, type(list[int]).
  Value probe = get_item(ts, Value(&list_type), Value(&int_type));
  if (!probe) return probe;
  Value parts[2] = {cls, args[0]};
  return call(ts, Value(type_of(probe)), parts);
}

const MethodDef proxy_methods[] = {
    {"keys", forward<kKeys>}, {"values", forward<kValues>}, {"items", forward<kItems>},
    {"get", forward<kGet>},   {"copy", forward<kCopy>}, {"__reversed__", forward<kReversed>},
    {"__class_getitem__", proxy_class_getitem, kMethodClass},
};

Value proxy_new(ThreadState& ts, Type*, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "mappingproxy", args, kwnames, 1, 1))
    return Value();
  Type* t = type_of(args[0]);
  // CPython's mappingproxy_check_mapping: anything with __getitem__ except the two builtin sequences.
  if (!t->getitem || is_list(args[0]) || is_tuple(args[0]))
    return raise_fmt(ts, TypeError_type, "mappingproxy() argument must be a mapping, not {}", type_name(args[0]));
  return make_mappingproxy(ts, args[0]);
}

}  // namespace

Value make_mappingproxy(ThreadState& ts, Value mapping) {
  auto* p = ts.alloc<MappingProxyObject>(&mappingproxy_type);
  p->mapping = mapping;
  return Value(p);
}

void init_mappingproxy_type(ThreadState& ts) {
  Type& t = mappingproxy_type;
  t.instance_size = sizeof(MappingProxyObject);
  t.repr = proxy_repr;
  t.str = proxy_str;
  t.richcompare = proxy_richcompare;
  t.getitem = proxy_getitem;
  // No setitem slot: read-only, so no __setitem__/__delitem__ wrappers either; the store fails in set_item.
  t.contains = proxy_contains;
  t.length = proxy_len;
  t.iter = proxy_iter;
  t.binary[kOpOr] = proxy_or;
  t.inplace[kOpOr] = proxy_ior;
  t.new_instance = proxy_new;
  t.trace = [](Object* self, Tracer& tracer) { tracer.visit(static_cast<MappingProxyObject*>(self)->mapping); };
  add_methods(ts, t, proxy_methods);
}

}  // namespace minipy
