// The set-like side of dict.keys() and dict.items(): &, |, -, ^, comparisons with sets and other views,
// isdisjoint, and reversed() for all three views. Results are plain sets built the way CPython 3.11 builds them
// (set(left) updated by right; intersection iterating the smaller operand), so their iteration order matches.
#include "vm/objects/type_init.h"
#include "vm/runtime.h"

namespace minipy {
namespace {

bool is_set_like_view(Value v) {
  return v.is_object() && (v.as_object()->type == &dict_keys_type || v.as_object()->type == &dict_items_type);
}
// The comparisons accept only sets and set-like views as the other operand (PyAnySet_Check or a keys/items view), as
// dictview_richcompare does; anything else is NotImplemented, so `d.keys() == [1]` is False.
bool is_any_set(Value v) {
  Type* t = type_of(v);
  return t == &set_type || t == &frozenset_type || is_subtype(t, &set_type) || is_subtype(t, &frozenset_type);
}
DictObject* view_dict(Value v) { return static_cast<DictViewObject*>(v.as_object())->dict; }

// set(operand), where a keys view iterates its dict directly (the same order either way).
Value to_new_set(ThreadState& ts, Value operand) {
  Value source = operand.is_object() && operand.as_object()->type == &dict_keys_type
                     ? Value(view_dict(operand)) : operand;
  Value arg[1] = {source};
  return call(ts, Value(&set_type), arg);
}

// set(left), then set.<method>(right): the in-place step of `-` and `^`, as CPython's dictviews_sub/_xor.
Value set_then(ThreadState& ts, Value left, Value right, std::string_view method) {
  Value result = to_new_set(ts, left);
  if (!result) return result;
  Value arg[1] = {right};
  if (!call_method(ts, result, intern(ts, method), arg)) return Value();
  return result;
}

// Which elements count as "in the view": keys for a keys view, (key, value) pairs for an items view.
int view_contains(ThreadState& ts, Value view, Value item) { return type_of(view)->contains(ts, view, item); }

// dictviews_and: with a set on the other side, set.intersection does the work when the view is not bigger, which
// decides the result's iteration order; otherwise the smaller operand is iterated and probed against the other.
Value view_and(ThreadState& ts, Value a, Value b) {
  Value self = is_set_like_view(a) ? a : b;
  Value other = is_set_like_view(a) ? b : a;
  int64_t self_len = view_dict(self)->used;
  if (type_of(other) == &set_type) {
    int64_t other_len = py_len(ts, other);
    if (other_len < 0) return Value();
    if (self_len <= other_len) {
      Value arg[1] = {self};
      return call_method(ts, other, intern(ts, "intersection"), arg);
    }
  }
  if (is_set_like_view(other) && view_dict(other)->used > self_len) std::swap(self, other);
  Value result = make_set(ts, &set_type);
  Value it = get_iter(ts, other);
  if (!it) return it;
  while (Value item = iter_next(ts, it)) {
    int found = view_contains(ts, self, item);
    if (found < 0) return Value();
    if (found && !set_add(ts, result, item)) return Value();
  }
  if (ts.current_exception) return Value();
  return result;
}

// Each binary slot gets the operands in source order; either one may be the view.
Value view_binary(ThreadState& ts, Value a, Value b, int op) {
  switch (op) {
    case kOpAnd: return view_and(ts, a, b);
    case kOpOr: {
      // `|` copies the left operand (view or not) into a new set and adds the right's items, whichever side the view is
      // on.
      Value result = to_new_set(ts, a);
      if (!result) return result;
      Value it = get_iter(ts, b);
      if (!it) return it;
      while (Value item = iter_next(ts, it))
        if (!set_add(ts, result, item)) return Value();
      return ts.current_exception ? Value() : result;
    }
    case kOpSub: return set_then(ts, a, b, "difference_update");
    case kOpXor: return set_then(ts, a, b, "symmetric_difference_update");
  }
  return NotImplemented();
}

// True when every element of `small` is in `big` (views and sets answer membership through their slot).
// Membership goes through the contains slot so that an items view tests (key, value) pairs against the dict, including
// the value comparison, as all_contained_in in dictobject.c.
int all_contained_in(ThreadState& ts, Value small, Value big) {
  Value it = get_iter(ts, small);
  if (!it) return -1;
  while (Value item = iter_next(ts, it)) {
    int found = type_of(big)->contains(ts, big, item);
    if (found <= 0) return found;
  }
  return ts.current_exception ? -1 : 1;
}

Value view_richcompare(ThreadState& ts, Value a, Value b, int op) {
  if (!is_any_set(b) && !is_set_like_view(b)) return NotImplemented();
  int64_t len_a = py_len(ts, a), len_b = py_len(ts, b);
  if (len_a < 0 || len_b < 0) return Value();
  int result = 0;
  switch (op) {
    case kEq:
    case kNe:
      result = len_a == len_b ? all_contained_in(ts, a, b) : 0;
      if (result >= 0 && op == kNe) result = !result;
      break;
    case kLt: result = len_a < len_b ? all_contained_in(ts, a, b) : 0; break;
    case kLe: result = len_a <= len_b ? all_contained_in(ts, a, b) : 0; break;
    case kGt: result = len_a > len_b ? all_contained_in(ts, b, a) : 0; break;
    case kGe: result = len_a >= len_b ? all_contained_in(ts, b, a) : 0; break;
  }
  if (result < 0) return Value();
  return Bool(result);
}

Value m_isdisjoint(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_arg_count(ts, "isdisjoint", positional_count(args, kwnames), 1, 1)) return Value();
  Value other = args[0];
  // Iterate the smaller side when both have a cheap length, as CPython does.
  Value probe = self, iterated = other;
  if (is_any_set(other) || is_set_like_view(other)) {
    int64_t len_other = py_len(ts, other);
    if (len_other < 0) return Value();
    if (len_other > view_dict(self)->used) std::swap(probe, iterated);
  }
  Value it = get_iter(ts, iterated);
  if (!it) return it;
  while (Value item = iter_next(ts, it)) {
    int found = type_of(probe)->contains(ts, probe, item);
    if (found < 0) return Value();
    if (found) return False();
  }
  return ts.current_exception ? Value() : True();
}

// reversed(view): the live reverse iterator of the view's kind.
Value m_reversed(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  Type* t = type_of(self);
  std::string name = fmt::format("{}.__reversed__", t->c_name);
  if (!check_arg_count(ts, name.c_str(), positional_count(args, kwnames), 0, 0)) return Value();
  Type* kind = t == &dict_keys_type     ? &dict_reversekeyiterator_type
               : t == &dict_values_type ? &dict_reversevalueiterator_type
                                        : &dict_reverseitemiterator_type;
  return make_dict_reverse_iter(ts, static_cast<DictViewObject*>(self.as_object())->dict, kind);
}

// view.mapping: a read-only proxy of the dict the view looks at (3.10+).
Value view_mapping(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  return make_mappingproxy(ts, Value(static_cast<DictViewObject*>(self.as_object())->dict));
}

const MethodDef set_like_view_methods[] = {{"isdisjoint", m_isdisjoint}, {"__reversed__", m_reversed}};
const MethodDef values_view_methods[] = {{"__reversed__", m_reversed}};

}  // namespace

void init_dict_view_operations(ThreadState& ts) {
  for (Type* t : {&dict_keys_type, &dict_items_type}) {
    t->binary[kOpAnd] = [](ThreadState& ts, Value a, Value b) { return view_binary(ts, a, b, kOpAnd); };
    t->binary[kOpOr] = [](ThreadState& ts, Value a, Value b) { return view_binary(ts, a, b, kOpOr); };
    t->binary[kOpSub] = [](ThreadState& ts, Value a, Value b) { return view_binary(ts, a, b, kOpSub); };
    t->binary[kOpXor] = [](ThreadState& ts, Value a, Value b) { return view_binary(ts, a, b, kOpXor); };
    t->richcompare = view_richcompare;
    // Set-like views compare by value, so (like CPython's) they are unhashable; values views keep identity.
    t->hash = [](ThreadState& ts, Value v, int64_t*) {
      raise_fmt(ts, TypeError_type, "unhashable type: '{}'", type_name(v));
      return false;
    };
    add_methods(ts, *t, set_like_view_methods);
  }
  add_methods(ts, dict_values_type, values_view_methods);
  for (Type* t : {&dict_keys_type, &dict_items_type, &dict_values_type}) add_getset(ts, *t, "mapping", view_mapping);
}

}  // namespace minipy
