// Pickling of the builtin iterators (__reduce__ and __setstate__), as CPython 3.11 has them: an iterator pickles
// as "call this again, then move to this position", so a half-consumed iterator unpickles at the same place.
//   list/tuple/str iterators and the __getitem__ iterator: (iter, (seq,), index), exhausted (iter, (empty,))
//   list_reverseiterator and reversed:                      (reversed, (seq,), index), exhausted (iter, ([],))
//   range_iterator:                                         (iter, (range(...),), index)
//   range and slice:                                        (type, (start, stop, step))
//   dict key/value/item iterators and set_iterator:         (iter, ([the items still to come],))
//   callable_iterator:                                      (iter, (callable, sentinel))
//   enumerate, zip, map, filter:                            (type, (their iterators and state...))
// Dict iterators, reversed ones too, pickle as iter() of a list of what is left, as CPython's.
#include <type_traits>

#include "vm/objects/type_init.h"
#include "vm/runtime.h"

namespace minipy {

namespace {

// A str's iterator, of either kind (ASCII strings get str_ascii_iterator, as in CPython 3.11).
bool is_str_iterator(const Type* t) { return t == &str_iterator_type || t == &str_ascii_iterator_type; }

#define PICKLE_FN(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

Value builtin(ThreadState& ts, const char* name) {
  Value v = dict_get_str(ts.interp->builtins, intern(ts, name));
  return v ? v : raise_fmt(ts, NameError_type, "name '{}' is not defined", name);
}

// (callable, (arg,)) or (callable, (arg,), state) — the shapes every reduce here returns.
Value reduce_tuple(ThreadState& ts, Value callable, Value arg, Value state = Value()) {
  if (!callable) return callable;
  Value inner = Value(make_tuple(ts, {&arg, 1}));
  Value items[3] = {callable, inner, state};
  return Value(make_tuple(ts, {items, static_cast<size_t>(state ? 3 : 2)}));
}

bool no_arguments(ThreadState& ts, const char* name, std::span<const Value> args, TupleObject* kwnames) {
  return no_keywords(ts, name, kwnames) && check_arg_count(ts, name, args.size(), 0, 0);
}

// The position __setstate__ receives: an int (CPython reads it as a Py_ssize_t).
bool state_index(ThreadState& ts, std::span<const Value> args, TupleObject* kwnames, int64_t* out) {
  if (!no_keywords(ts, "__setstate__", kwnames) || !check_arg_count(ts, "__setstate__", args.size(), 1, 1))
    return false;
  if (!is_int(args[0])) {
    raise(ts, TypeError_type, "an integer is required");  // CPython's PyLong_AsSsize_t message
    return false;
  }
  return index_to_int64(ts, args[0], out);
}

int64_t clamp(int64_t v, int64_t low, int64_t high) { return v < low ? low : (v > high ? high : v); }

int64_t sequence_size(Value seq) {
  if (is_str(seq)) return as_str(seq)->length;
  if (is_tuple(seq)) return static_cast<TupleObject*>(seq.as_object())->size;
  return static_cast<ListObject*>(seq.as_object())->size;
}

// ---- list, tuple and str iterators ------------------------------------------------------------------------------
// The str iterator walks UTF-8 bytes; its character position is the number of lead bytes before byte_offset.
int64_t str_char_index(const StrObject* s, int64_t byte_offset) {
  if (s->is_ascii()) return byte_offset;
  int64_t chars = 0;
  for (int64_t i = 0; i < byte_offset; i++)
    if ((static_cast<unsigned char>(s->data[i]) & 0xC0) != 0x80) chars++;
  return chars;
}
int64_t str_byte_offset(const StrObject* s, int64_t char_index) {
  if (s->is_ascii()) return char_index;
  int64_t i = 0;
  for (int64_t chars = 0; i < s->size; i++) {
    if ((static_cast<unsigned char>(s->data[i]) & 0xC0) != 0x80 && chars++ == char_index) break;
  }
  return i;
}

PICKLE_FN(forward_reduce) {
  if (!no_arguments(ts, "__reduce__", args, kwnames)) return Value();
  auto* it = static_cast<SeqIterObject*>(self.as_object());
  Value iter = builtin(ts, "iter");
  if (!it->seq) {
    // Exhausted: an empty sequence of the same kind, as CPython's.
    Type* t = type_of(self);
    Value empty = is_str_iterator(t)         ? Value(make_str(ts, ""))
                  : t == &list_iterator_type ? Value(make_list(ts, 0))
                                             : Value(make_tuple(ts, 0));
    return reduce_tuple(ts, iter, empty);
  }
  int64_t index = it->index;
  if (is_str_iterator(type_of(self))) index = str_char_index(as_str(it->seq), it->byte_offset);
  return reduce_tuple(ts, iter, it->seq, make_int(ts, index));
}

PICKLE_FN(forward_setstate) {
  int64_t index;
  if (!state_index(ts, args, kwnames, &index)) return Value();
  auto* it = static_cast<SeqIterObject*>(self.as_object());
  if (!it->seq) return None();
  index = clamp(index, 0, sequence_size(it->seq));
  if (is_str_iterator(type_of(self))) it->byte_offset = str_byte_offset(as_str(it->seq), index);
  else it->index = index;
  return None();
}

// ---- the __getitem__ iterator (iter(obj) for a class with __getitem__ only) -----------------------------------
PICKLE_FN(seq_iter_reduce) {
  if (!no_arguments(ts, "__reduce__", args, kwnames)) return Value();
  auto* it = static_cast<SeqIterObject*>(self.as_object());
  Value iter = builtin(ts, "iter");
  if (!it->seq) return reduce_tuple(ts, iter, Value(make_tuple(ts, 0)));
  return reduce_tuple(ts, iter, it->seq, make_int(ts, it->index));
}
PICKLE_FN(seq_iter_setstate) {
  int64_t index;
  if (!state_index(ts, args, kwnames, &index)) return Value();
  auto* it = static_cast<SeqIterObject*>(self.as_object());
  if (it->seq) it->index = index < 0 ? 0 : index;
  return None();
}

// ---- reversed and list_reverseiterator ---------------------------------------------------------------------------
PICKLE_FN(reverse_reduce) {
  if (!no_arguments(ts, "__reduce__", args, kwnames)) return Value();
  auto* r = static_cast<ReversedObject*>(self.as_object());
  bool list_iterator = type_of(self) == &list_reverseiterator_type;
  if (!r->seq) {
    if (list_iterator) return reduce_tuple(ts, builtin(ts, "iter"), Value(make_list(ts, 0)));
    return reduce_tuple(ts, Value(type_of(self)), Value(make_tuple(ts, 0)));
  }
  Value callable = list_iterator ? Value(&reversed_type) : Value(type_of(self));
  return reduce_tuple(ts, callable, r->seq, make_int(ts, r->index));
}
PICKLE_FN(reverse_setstate) {
  int64_t index;
  if (!state_index(ts, args, kwnames, &index)) return Value();
  auto* r = static_cast<ReversedObject*>(self.as_object());
  if (!r->seq) return None();
  int64_t n = type_of(self) == &list_reverseiterator_type ? sequence_size(r->seq) : py_len(ts, r->seq);
  if (n < 0) return Value();
  r->index = clamp(index, -1, n - 1);
  return None();
}

// ---- range and slice themselves: (type, (start, stop, step)) ------------------------------------------------------
PICKLE_FN(bounds_reduce) {
  if (!no_arguments(ts, "__reduce__", args, kwnames)) return Value();
  Value bounds[3];
  const char* names[3] = {"start", "stop", "step"};
  for (int i = 0; i < 3; i++)
    if (!(bounds[i] = get_attr(ts, self, intern(ts, names[i])))) return Value();
  Value items[2] = {Value(type_of(self)), Value(make_tuple(ts, bounds))};
  return Value(make_tuple(ts, items));
}

// ---- range_iterator ----------------------------------------------------------------------------------------------
PICKLE_FN(range_iter_reduce) {
  if (!no_arguments(ts, "__reduce__", args, kwnames)) return Value();
  auto* it = static_cast<RangeIterObject*>(self.as_object());
  // As CPython 3.11: the whole range from the first element and the position in it. The stop is one step past
  // the last element, which may pass int64 (iter(range(-2**63, 2**63 - 1, 2**62))): computed in BigInt, as
  // CPython computes it with Python ints.
  Value bounds[3] = {make_int(ts, it->start),
                     make_int(ts, BigInt(it->start) + BigInt(it->length) * BigInt(it->step)),
                     make_int(ts, it->step)};
  Value range = call(ts, Value(&range_type), bounds);
  if (!range) return range;
  return reduce_tuple(ts, builtin(ts, "iter"), range, make_int(ts, it->length - it->remaining));
}
PICKLE_FN(range_iter_setstate) {
  int64_t index;
  if (!state_index(ts, args, kwnames, &index)) return Value();
  auto* it = static_cast<RangeIterObject*>(self.as_object());
  // The index counts from the first element, not from the current one (rangeiter_setstate).
  index = clamp(index, 0, it->length);
  it->next = wrapping_add(it->start, wrapping_mul(index, it->step));
  it->remaining = it->length - index;
  return None();
}

// ---- dict and set iterators: the items still to come, from a copy of the iterator ------------------------------
// The iterator's state fields are copied one by one (the object header belongs to the collector).
template <typename Iterator>
Value remaining_items_reduce(ThreadState& ts, Value self) {
  auto* source = static_cast<Iterator*>(self.as_object());
  auto* copy = ts.alloc<Iterator>(type_of(self));
  if constexpr (std::is_same_v<Iterator, DictIterObject>) {
    copy->dict = source->dict;
    copy->remaining = source->remaining;
  } else {
    copy->set = source->set;
  }
  copy->position = source->position;
  copy->used_at_start = source->used_at_start;
  Value list = sequence_to_list(ts, Value(copy));
  if (!list) return list;
  return reduce_tuple(ts, builtin(ts, "iter"), list);
}
PICKLE_FN(dict_iter_reduce) {
  if (!no_arguments(ts, "__reduce__", args, kwnames)) return Value();
  return remaining_items_reduce<DictIterObject>(ts, self);
}
PICKLE_FN(set_iter_reduce) {
  if (!no_arguments(ts, "__reduce__", args, kwnames)) return Value();
  return remaining_items_reduce<SetIterObject>(ts, self);
}

// ---- callable_iterator -------------------------------------------------------------------------------------------
PICKLE_FN(call_iter_reduce) {
  if (!no_arguments(ts, "__reduce__", args, kwnames)) return Value();
  auto* it = static_cast<CallIterObject*>(self.as_object());
  Value iter = builtin(ts, "iter");
  if (!iter) return iter;
  if (!it->callable) return reduce_tuple(ts, iter, Value(make_tuple(ts, 0)));
  Value pair[2] = {it->callable, it->sentinel};
  Value items[2] = {iter, Value(make_tuple(ts, pair))};
  return Value(make_tuple(ts, items));
}

// ---- enumerate, zip, map, filter: their type and what they were made from -----------------------------------------
PICKLE_FN(enumerate_reduce) {
  if (!no_arguments(ts, "__reduce__", args, kwnames)) return Value();
  auto* e = static_cast<EnumerateObject*>(self.as_object());
  Value pair[2] = {e->iterator, e->count};
  Value items[2] = {Value(type_of(self)), Value(make_tuple(ts, pair))};
  return Value(make_tuple(ts, items));
}

PICKLE_FN(zip_reduce) {
  if (!no_arguments(ts, "__reduce__", args, kwnames)) return Value();
  auto* z = static_cast<ZipObject*>(self.as_object());
  Value items[3] = {Value(type_of(self)), Value(z->iterators), True()};
  return Value(make_tuple(ts, {items, static_cast<size_t>(z->strict ? 3 : 2)}));
}
PICKLE_FN(zip_setstate) {
  if (!no_keywords(ts, "__setstate__", kwnames) || !check_arg_count(ts, "__setstate__", args.size(), 1, 1))
    return Value();
  int truth = py_truth(ts, args[0]);
  if (truth < 0) return Value();
  static_cast<ZipObject*>(self.as_object())->strict = truth;
  return None();
}

// map(func, *iterators) and filter(func, iterator) share MapObject.
PICKLE_FN(map_reduce) {
  if (!no_arguments(ts, "__reduce__", args, kwnames)) return Value();
  auto* m = static_cast<MapObject*>(self.as_object());
  TupleObject* call_args = make_tuple(ts, m->iterators->size + 1);
  call_args->items[0] = m->func;
  for (int64_t i = 0; i < m->iterators->size; i++) call_args->items[i + 1] = m->iterators->items[i];
  Value items[2] = {Value(type_of(self)), Value(call_args)};
  return Value(make_tuple(ts, items));
}

#undef PICKLE_FN

}  // namespace

// Adds the methods above to the builtin iterator types (called once, after init_iterator_types).
void init_iterator_pickling(ThreadState& ts) {
  static const MethodDef kForward[] = {{"__reduce__", forward_reduce}, {"__setstate__", forward_setstate}};
  static const MethodDef kSeqIter[] = {{"__reduce__", seq_iter_reduce}, {"__setstate__", seq_iter_setstate}};
  static const MethodDef kReverse[] = {{"__reduce__", reverse_reduce}, {"__setstate__", reverse_setstate}};
  static const MethodDef kRange[] = {{"__reduce__", range_iter_reduce}, {"__setstate__", range_iter_setstate}};
  static const MethodDef kDictIter[] = {{"__reduce__", dict_iter_reduce}};
  static const MethodDef kSetIter[] = {{"__reduce__", set_iter_reduce}};
  static const MethodDef kCallIter[] = {{"__reduce__", call_iter_reduce}};
  static const MethodDef kEnumerate[] = {{"__reduce__", enumerate_reduce}};
  static const MethodDef kZip[] = {{"__reduce__", zip_reduce}, {"__setstate__", zip_setstate}};
  static const MethodDef kMap[] = {{"__reduce__", map_reduce}};
  for (Type* t : {&list_iterator_type, &tuple_iterator_type, &str_iterator_type, &str_ascii_iterator_type}) add_methods(ts, *t, kForward);
  add_methods(ts, iterator_type, kSeqIter);
  for (Type* t : {&list_reverseiterator_type, &reversed_type}) add_methods(ts, *t, kReverse);
  add_methods(ts, range_iterator_type, kRange);
  static const MethodDef kBounds[] = {{"__reduce__", bounds_reduce}};
  for (Type* t : {&range_type, &slice_type}) add_methods(ts, *t, kBounds);
  for (Type* t : {&dict_keyiterator_type, &dict_valueiterator_type, &dict_itemiterator_type, &dict_reversekeyiterator_type,
                  &dict_reversevalueiterator_type, &dict_reverseitemiterator_type})
    add_methods(ts, *t, kDictIter);
  add_methods(ts, set_iterator_type, kSetIter);
  add_methods(ts, callable_iterator_type, kCallIter);
  add_methods(ts, enumerate_type, kEnumerate);
  add_methods(ts, zip_type, kZip);
  for (Type* t : {&map_type, &filter_type}) add_methods(ts, *t, kMap);
}

}  // namespace minipy
