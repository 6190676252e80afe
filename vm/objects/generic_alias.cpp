// types.GenericAlias and types.UnionType: what list[int], tuple[int, ...] and int | None evaluate to (annotations
// evaluate them at def time). Builtin containers get __class_getitem__ returning an alias; `type | x` makes a
// union, which isinstance/issubclass accept like a tuple of its members. Both print as CPython's do.
#include <vector>

#include "vm/objects/heap_type.h"

namespace minipy {

namespace {

struct GenericAliasObject : Object {
  Value origin;
  TupleObject* args;
};

Type generic_alias_type;
Type union_type;

// A union keeps its members in `args` (origin unused); the layout is the alias's.
bool is_union(Value v) { return v.is_object() && v.as_object()->type == &union_type; }

GenericAliasObject* as_alias(Value v) { return static_cast<GenericAliasObject*>(v.as_object()); }
bool is_alias(Value v) { return v.is_object() && v.as_object()->type == &generic_alias_type; }

// How an alias shows one of its parts: "..." for Ellipsis, a class by its (module-qualified) name.
bool append_part(ThreadState& ts, std::string& out, Value v) {
  if (v == Value(&ellipsis_object)) {
    out += "...";
    return true;
  }
  if (is_none(v) || v == Value(&none_type)) {
    out += "None";
    return true;
  }
  if (is_type(v)) {
    Type* t = as_type(v);
    Value module = t->module;
    if (module && is_str(module) && as_str(module)->view() != "builtins") out += fmt::format("{}.", as_str(module)->view());
    out += t->qualname->view();
    return true;
  }
  Value r = py_repr(ts, v);
  if (!r) return false;
  out += as_str(r)->view();
  return true;
}

Value alias_repr(ThreadState& ts, Value self) {
  GenericAliasObject* a = as_alias(self);
  std::string out;
  if (!append_part(ts, out, a->origin)) return Value();
  out += "[";
  if (a->args->size == 0) out += "()";
  for (int64_t i = 0; i < a->args->size; i++) {
    if (i) out += ", ";
    if (!append_part(ts, out, a->args->items[i])) return Value();
  }
  out += "]";
  return Value(make_str(ts, out));
}

Value alias_richcompare(ThreadState& ts, Value a, Value b, int op) {
  if (!is_alias(a) || !is_alias(b) || (op != kEq && op != kNe)) return NotImplemented();
  int same = as_alias(a)->origin == as_alias(b)->origin;
  if (same) same = py_eq(ts, Value(as_alias(a)->args), Value(as_alias(b)->args));
  if (same < 0) return Value();
  return Bool(op == kEq ? same : !same);
}

bool alias_hash(ThreadState& ts, Value self, int64_t* out) {
  int64_t h1, h2;
  if (!py_hash(ts, as_alias(self)->origin, &h1) || !py_hash(ts, Value(as_alias(self)->args), &h2)) return false;
  *out = (h1 ^ h2) == -1 ? -2 : (h1 ^ h2);
  return true;
}

Value alias_getattr(ThreadState& ts, Value self, StrObject* name) {
  std::string_view n = name->view();
  GenericAliasObject* a = as_alias(self);
  if (n == "__origin__") return a->origin;
  if (n == "__args__") return Value(a->args);
  if (n == "__parameters__") return ts.interp->empty_tuple;
  if (n == "__class__") return Value(&generic_alias_type);
  return get_attr(ts, a->origin, name);
}

Value alias_call(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  return call(ts, as_alias(self)->origin, args, kwnames);
}

void trace_alias(Object* self, Tracer& tracer) {
  auto* a = static_cast<GenericAliasObject*>(self);
  tracer.visit(a->origin);
  tracer.visit(a->args);
}

Value make_alias(ThreadState& ts, Value origin, Value item) {
  auto* a = ts.alloc<GenericAliasObject>(&generic_alias_type);
  a->origin = origin;
  a->args = nullptr;
  a->args = is_tuple(item) ? static_cast<TupleObject*>(item.as_object())
                           : minipy::make_tuple(ts, std::span<const Value>(&item, 1));
  return Value(a);
}

Value union_repr(ThreadState& ts, Value self) {
  std::string out;
  TupleObject* args = as_alias(self)->args;
  for (int64_t i = 0; i < args->size; i++) {
    if (i) out += " | ";
    if (!append_part(ts, out, args->items[i])) return Value();
  }
  return Value(make_str(ts, out));
}

// Members compare as sets: int | str == str | int.
Value union_richcompare(ThreadState& ts, Value a, Value b, int op) {
  if (!is_union(a) || !is_union(b) || (op != kEq && op != kNe)) return NotImplemented();
  auto contains_all = [](TupleObject* x, TupleObject* y) {
    for (Value v : x->span()) {
      bool found = false;
      for (Value w : y->span()) found = found || v == w;
      if (!found) return false;
    }
    return true;
  };
  (void)ts;
  bool same = contains_all(as_alias(a)->args, as_alias(b)->args) && contains_all(as_alias(b)->args, as_alias(a)->args);
  return Bool(op == kEq ? same : !same);
}

bool union_hash(ThreadState& ts, Value self, int64_t* out) {
  uint64_t h = 0x345678;
  for (Value v : as_alias(self)->args->span()) {
    int64_t item;
    if (!py_hash(ts, v, &item)) return false;
    h ^= static_cast<uint64_t>(item);  // order-insensitive, as the equality is
  }
  *out = static_cast<int64_t>(h == static_cast<uint64_t>(-1) ? 2 : h);
  return true;
}

Value union_getattr(ThreadState& ts, Value self, StrObject* name) {
  std::string_view n = name->view();
  if (n == "__args__") return Value(as_alias(self)->args);
  if (n == "__parameters__") return ts.interp->empty_tuple;
  if (n == "__class__") return Value(&union_type);
  return generic_getattr(ts, self, name, false);
}

// What may stand in a union: a class, None, an alias or another union.
bool union_member(Value v) { return is_none(v) || is_type(v) || is_alias(v) || is_union(v); }

void add_member(std::vector<Value>& members, Value v) {
  if (is_none(v)) v = Value(&none_type);
  if (is_union(v)) {
    for (Value m : as_alias(v)->args->span()) add_member(members, m);
    return;
  }
  for (Value m : members)
    if (m == v) return;
  members.push_back(v);
}

// type.__or__ / __ror__ (the slot takes either operand order): a | b with duplicates dropped, flattened.
Value type_or(ThreadState& ts, Value a, Value b) {
  if (!union_member(a) || !union_member(b)) return NotImplemented();
  std::vector<Value> members;
  add_member(members, a);
  add_member(members, b);
  if (members.size() == 1) return members[0];
  auto* u = ts.alloc<GenericAliasObject>(&union_type);
  u->origin = None();
  u->args = nullptr;
  u->args = minipy::make_tuple(ts, members);
  return Value(u);
}

// cls[item] for the builtin containers (a classmethod: self is the class).
Value class_getitem(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!no_keywords(ts, "__class_getitem__", kwnames) ||
      !check_arg_count(ts, "__class_getitem__", args.size(), 1, 1))
    return Value();
  return make_alias(ts, self, args[0]);
}
const MethodDef class_getitem_def[] = {{"__class_getitem__", class_getitem, kMethodClass}};

void define_static(ThreadState& ts, Type& t, const char* name);

}  // namespace

void init_static_type(ThreadState& ts, Type& t);  // type.cpp

namespace {
void define_static(ThreadState& ts, Type& t, const char* name) {
  t.type = &type_type;
  t.gc_flags = kGcStatic;
  t.c_name = name;
  t.base = &object_type;
  t.instance_size = sizeof(GenericAliasObject);
  t.flags = kTypeImmutable;
  init_static_type(ts, t);
  t.module = Value(intern(ts, "types"));
  t.setattr = object_type.setattr;
  t.trace = trace_alias;
}
}  // namespace

TupleObject* union_members(Value v) { return is_union(v) ? as_alias(v)->args : nullptr; }

void init_generic_alias(ThreadState& ts) {
  Type& t = generic_alias_type;
  define_static(ts, t, "GenericAlias");
  t.repr = alias_repr;
  t.str = alias_repr;
  t.richcompare = alias_richcompare;
  t.hash = alias_hash;
  t.getattr = alias_getattr;
  t.call = alias_call;
  t.binary[kOpOr] = type_or;
  Type& u = union_type;
  define_static(ts, u, "UnionType");
  u.repr = union_repr;
  u.str = union_repr;
  u.richcompare = union_richcompare;
  u.hash = union_hash;
  u.getattr = union_getattr;
  u.binary[kOpOr] = type_or;
  type_type.binary[kOpOr] = type_or;
  for (Type* container : {&list_type, &tuple_type, &dict_type, &set_type, &frozenset_type, &type_type})
    add_methods(ts, *container, class_getitem_def);
}

}  // namespace minipy
