// The runtime half of the `match` statement: MATCH_MAPPING, MATCH_SEQUENCE, MATCH_KEYS and MATCH_CLASS, as
// CPython 3.11's ceval.c defines them (match_keys, match_class, match_class_attr), with its messages.
#include <vector>

#include "vm/interp/eval.h"
#include "vm/runtime.h"

namespace minipy {

namespace {

// CPython's Py_TPFLAGS_MAPPING / Py_TPFLAGS_SEQUENCE: builtins have them; classes get them from an ABC
// (collections.abc.Mapping / Sequence carry __abc_tpflags__) in their MRO.
constexpr int64_t kAbcSequence = 1 << 5, kAbcMapping = 1 << 6;

bool abc_flag_in_mro(ThreadState& ts, Type* t, int64_t flag) {
  if (!t->mro) return false;
  StrObject* key = intern(ts, "__abc_tpflags__");
  for (Value base : t->mro->span()) {
    Value v = dict_get_str(as_type(base)->dict, key);
    if (v && v.is_small_int()) return (v.as_small_int() & flag) != 0;
  }
  return false;
}

bool has_type_named(Type* t, std::initializer_list<std::string_view> names) {
  for (Value base : t->mro->span())
    for (std::string_view n : names)
      // Only static (native) types count: a Python class that happens to be named "deque" or "array" gets no sequence
      // flag from its name.
      if (!(as_type(base)->flags & kTypeHeap) && as_type(base)->name->view() == n) return true;
  return false;
}

}  // namespace

Value match_mapping(ThreadState& ts, Value subject) {
  Type* t = type_of(subject);
  return Bool(is_dict(subject) || t == &mappingproxy_type || abc_flag_in_mro(ts, t, kAbcMapping));
}

Value match_sequence(ThreadState& ts, Value subject) {
  Type* t = type_of(subject);
  if (is_list(subject) || is_tuple(subject) || is_subtype(t, &range_type)) return True();
  // Native sequences other modules define (they are not str, bytes or bytearray, which never match).
  if (has_type_named(t, {"memoryview", "deque", "array"})) return True();
  return Bool(abc_flag_in_mro(ts, t, kAbcSequence));
}

// MATCH_KEYS: the values of `keys` (a tuple) in `map`, as a tuple, or None when one is missing. Uses
// map.get(key, sentinel) so defaultdict-like mappings create nothing.
Value match_keys(ThreadState& ts, Value map, Value keys) {
  auto* key_tuple = static_cast<TupleObject*>(keys.as_object());
  if (key_tuple->size == 0) return Value(make_tuple(ts, 0));
  Value get = get_attr(ts, map, intern(ts, "get"));
  if (!get) return Value();
  Value seen = make_set(ts, &set_type);
  if (!seen) return Value();
  // A fresh object() as the default: no mapping can hold it already, so get() returning it means "missing" even for
  // mappings whose values include None.
  Value dummy = call(ts, Value(&object_type), {});
  if (!dummy) return Value();
  TupleObject* values = make_tuple(ts, key_tuple->size);
  for (int64_t i = 0; i < values->size; i++) values->items[i] = None();
  for (int64_t i = 0; i < key_tuple->size; i++) {
    Value key = key_tuple->items[i];
    int present = set_contains(ts, seen, key);
    if (present < 0) return Value();
    if (present) {
      Value r = py_repr(ts, key);
      if (!r) return Value();
      return raise_fmt(ts, ValueError_type, "mapping pattern checks duplicate key ({})", as_str(r)->view());
    }
    if (!set_add(ts, seen, key)) return Value();
    Value args[] = {key, dummy};
    Value value = call(ts, get, args);
    if (!value) return Value();
    if (value == dummy) return None();
    values->items[i] = value;
  }
  return Value(values);
}

namespace {

// One attribute a class pattern looks up: null with no exception pending when the subject lacks it.
Value match_class_attr(ThreadState& ts, Value subject, Type* type, Value name, std::vector<Value>& seen) {
  for (Value s : seen) {
    if (str_equal(as_str(s), as_str(name))) {
      Value r = py_repr(ts, name);
      if (!r) return Value();
      return raise_fmt(ts, TypeError_type, "{}() got multiple sub-patterns for attribute {}", type->name->view(),
                       as_str(r)->view());
    }
  }
  seen.push_back(name);
  Value attr = get_attr(ts, subject, as_str(name));
  // Only AttributeError means "no such attribute, the pattern fails"; any other exception from a property or
  // __getattr__ propagates out of the match statement, as in CPython's match_class_attr.
  if (!attr && exception_matches(ts.current_exception, &AttributeError_type)) ts.current_exception = Value();
  return attr;
}

// Builtins whose class patterns take the subject itself as their one positional sub-pattern.
bool matches_self(Type* t) {
  // CPython marks these with _Py_TPFLAGS_MATCH_SELF (bytearray too, recognised below by name); a subclass inherits
  // the behaviour through its MRO.
  static Type* const kSelfMatching[] = {&bool_type, &bytes_type,     &dict_type, &float_type, &frozenset_type,
                                        &int_type,  &list_type,      &set_type,  &str_type,   &tuple_type};
  for (Value base : t->mro->span()) {
    Type* b = as_type(base);
    for (Type* s : kSelfMatching)
      if (b == s) return true;
    if (!(b->flags & kTypeHeap) && b->name->view() == "bytearray") return true;
  }
  return false;
}

}  // namespace

// MATCH_CLASS: the attributes the sub-patterns match against (a tuple), None when `subject` is not an instance
// of `cls` or lacks one of them; null with an exception for a bad pattern.
Value match_class(ThreadState& ts, Value subject, Value cls, Value names, int nargs) {
  if (!is_type(cls)) return raise(ts, TypeError_type, "called match pattern must be a type");
  Type* type = as_type(cls);
  int instance;
  // isinstance semantics, so a metaclass __instancecheck__ (ABCs, for instance) decides membership.
  if (!is_instance(ts, subject, cls, &instance)) return Value();
  if (!instance) return None();
  std::vector<Value> seen;
  // The matched attributes are collected in a heap list rather than a C++ vector: each lookup may run Python code
  // (properties, __getattr__) and so a collection, and the list keeps the earlier results reachable.
  ListObject* attrs = make_list(ts, 0);
  if (nargs) {
    bool match_self = false;
    Value match_args = get_attr(ts, cls, intern(ts, "__match_args__"));
    TupleObject* positional = nullptr;
    if (match_args) {
      // An exact tuple is required (PyTuple_CheckExact in CPython), so a tuple subclass is refused too.
      if (type_of(match_args) != &tuple_type)
        return raise_fmt(ts, TypeError_type, "{}.__match_args__ must be a tuple (got {})", type->name->view(),
                         type_name(match_args));
      positional = static_cast<TupleObject*>(match_args.as_object());
    } else if (exception_matches(ts.current_exception, &AttributeError_type)) {
      ts.current_exception = Value();
      match_self = matches_self(type);
    } else {
      return Value();
    }
    int64_t allowed = match_self ? 1 : positional ? positional->size : 0;
    if (allowed < nargs)
      return raise_fmt(ts, TypeError_type, "{}() accepts {} positional sub-pattern{} ({} given)", type->name->view(),
                       allowed, allowed == 1 ? "" : "s", nargs);
    if (match_self) {
      if (!list_append(ts, attrs, subject)) return Value();
    } else {
      for (int i = 0; i < nargs; i++) {
        Value name = positional->items[i];
        if (type_of(name) != &str_type)
          return raise_fmt(ts, TypeError_type, "__match_args__ elements must be strings (got {})", type_name(name));
        Value attr = match_class_attr(ts, subject, type, name, seen);
        if (!attr) return ts.current_exception ? Value() : None();
        if (!list_append(ts, attrs, attr)) return Value();
      }
    }
  }
  for (Value name : static_cast<TupleObject*>(names.as_object())->span()) {
    Value attr = match_class_attr(ts, subject, type, name, seen);
    if (!attr) return ts.current_exception ? Value() : None();
    if (!list_append(ts, attrs, attr)) return Value();
  }
  return Value(minipy::make_tuple(ts, attrs->span()));
}

}  // namespace minipy
