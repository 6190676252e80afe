// types.GenericAlias: what list[int], dict[str, int] and tuple[int, ...] evaluate to (annotations evaluate them
// at def time). Builtin containers get __class_getitem__ returning one; the alias prints as CPython's does,
// compares by origin and arguments, forwards other attributes and calls to its origin.
#include "vm/objects/heap_type.h"

namespace minipy {

namespace {

struct GenericAliasObject : Object {
  Value origin;
  TupleObject* args;
};

Type generic_alias_type;

GenericAliasObject* as_alias(Value v) { return static_cast<GenericAliasObject*>(v.as_object()); }
bool is_alias(Value v) { return v.is_object() && v.as_object()->type == &generic_alias_type; }

// How an alias shows one of its parts: "..." for Ellipsis, a class by its (module-qualified) name.
bool append_part(ThreadState& ts, std::string& out, Value v) {
  if (v == Value(&ellipsis_object)) {
    out += "...";
    return true;
  }
  if (is_type(v) && !is_alias(v)) {
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

// cls[item] for the builtin containers (a classmethod: self is the class).
Value class_getitem(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!no_keywords(ts, "__class_getitem__", kwnames) ||
      !check_arg_count(ts, "__class_getitem__", args.size(), 1, 1))
    return Value();
  return make_alias(ts, self, args[0]);
}
const MethodDef class_getitem_def[] = {{"__class_getitem__", class_getitem, kMethodClass}};

}  // namespace

void init_static_type(ThreadState& ts, Type& t);  // type.cpp

void init_generic_alias(ThreadState& ts) {
  Type& t = generic_alias_type;
  t.type = &type_type;
  t.gc_flags = kGcStatic;
  t.c_name = "GenericAlias";
  t.base = &object_type;
  t.instance_size = sizeof(GenericAliasObject);
  t.flags = kTypeImmutable;
  init_static_type(ts, t);
  t.module = Value(intern(ts, "types"));
  t.repr = alias_repr;
  t.str = alias_repr;
  t.richcompare = alias_richcompare;
  t.hash = alias_hash;
  t.getattr = alias_getattr;
  t.setattr = object_type.setattr;
  t.call = alias_call;
  t.trace = trace_alias;
  for (Type* container : {&list_type, &tuple_type, &dict_type, &set_type, &frozenset_type, &type_type})
    add_methods(ts, *container, class_getitem_def);
}

}  // namespace minipy
