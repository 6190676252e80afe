// range, slice, and the small singletons (None, Ellipsis, NotImplemented).
//
// A range is stored in one of two forms. The common one keeps start, stop, step and length as int64 (every
// element then fits too). When any bound or the length needs more, `big` holds (start, stop, step, length) as
// Python ints and every operation takes a BigInt path; both forms behave identically, as CPython's single
// PyLong-based range does.
#include <optional>

#include "vm/objects/type_init.h"
#include "vm/objects/sequence.h"
#include "vm/runtime.h"

namespace minipy {

namespace {

RangeObject* as_range(Value v) { return static_cast<RangeObject*>(v.as_object()); }

// The number of elements, which can exceed int64 (range(-2**63 + 1, 2**63 - 1) has 2**64 - 3).
__int128 range_length(int64_t start, int64_t stop, int64_t step) {
  if (step > 0 && start < stop) return (static_cast<__int128>(stop) - start - 1) / step + 1;
  if (step < 0 && start > stop) return (static_cast<__int128>(start) - stop - 1) / -static_cast<__int128>(step) + 1;
  return 0;
}

// An argument of range(): an int or an object with __index__, with CPython's TypeError otherwise.
bool range_arg(ThreadState& ts, Value v, int64_t* out) {
  if (v.is_small_int()) {
    *out = v.as_small_int();
    return true;
  }
  if (!is_int(v) && !type_of(v)->index)
    return raise_fmt(ts, TypeError_type, "'{}' object cannot be interpreted as an integer", type_name(v)), false;
  return index_to_int64(ts, v, out, "Python int too large to convert to C ssize_t");
}

// Ranges beyond int64 (rare: range(2**70, 2**70 + 10)) keep their bounds as int values and take slow paths.
Value make_big_range(ThreadState& ts, std::span<const Value> args) {
  BigInt b[3] = {BigInt(0), BigInt(0), BigInt(1)};
  for (size_t i = 0; i < args.size(); i++) {
    Value v = number_index(ts, args[i]);
    if (!v) return v;
    b[args.size() == 1 ? 1 : i] = to_bigint(v);
  }
  const BigInt &start = b[0], &stop = b[1], &step = b[2];
  if (step.is_zero()) return raise(ts, ValueError_type, "range() arg 3 must not be zero");
  BigInt length(0);
  if (step.sign() > 0 && compare(start, stop) < 0) {
    BigInt q, r;
    BigInt::floor_divmod(stop - start - BigInt(1), step, &q, &r);
    length = q + BigInt(1);
  } else if (step.sign() < 0 && compare(start, stop) > 0) {
    BigInt q, r;
    BigInt::floor_divmod(start - stop - BigInt(1), -step, &q, &r);
    length = q + BigInt(1);
  }
  auto* r = ts.alloc<RangeObject>(&range_type);
  Value fields[4] = {make_int(ts, start), make_int(ts, stop), make_int(ts, step), make_int(ts, length)};
  r->big = minipy::make_tuple(ts, fields);
  return Value(r);
}

// range(stop) / range(start, stop[, step]). Any argument outside int64 selects the big form at once.
// range is not subclassable (CPython's range type lacks Py_TPFLAGS_BASETYPE), so the type argument is always range.
Value range_new(ThreadState& ts, Type*, std::span<const Value> args, TupleObject* kwnames) {
  if (!no_keywords(ts, "range", kwnames)) return Value();
  for (Value a : args) {
    int64_t x;
    if (is_int(a) && !int_to_int64(a, &x)) return make_big_range(ts, args);
  }
  int64_t start = 0, stop, step = 1;
  switch (args.size()) {
    case 1:
      if (!range_arg(ts, args[0], &stop)) return Value();
      break;
    case 2:
      if (!range_arg(ts, args[0], &start) || !range_arg(ts, args[1], &stop)) return Value();
      break;
    case 3:
      if (!range_arg(ts, args[0], &start) || !range_arg(ts, args[1], &stop) || !range_arg(ts, args[2], &step))
        return Value();
      if (step == 0) return raise(ts, ValueError_type, "range() arg 3 must not be zero");
      break;
    case 0: return raise(ts, TypeError_type, "range expected at least 1 argument, got 0");
    default: return raise_fmt(ts, TypeError_type, "range expected at most 3 arguments, got {}", args.size());
  }
  return make_range(ts, start, stop, step);
}

Value range_repr(ThreadState& ts, Value v) {
  RangeObject* r = as_range(v);
  if (r->big) {
    Value parts[3];
    for (int i = 0; i < 3; i++) {
      parts[i] = py_repr(ts, r->big->items[i]);
      if (!parts[i]) return parts[i];
    }
    if (r->big->items[2] == Value::small_int(1))
      return Value(make_str(ts, fmt::format("range({}, {})", as_str(parts[0])->view(), as_str(parts[1])->view())));
    return Value(make_str(ts, fmt::format("range({}, {}, {})", as_str(parts[0])->view(), as_str(parts[1])->view(),
                                          as_str(parts[2])->view())));
  }
  // repr always shows the start (range(0, 5), never range(5)) and omits a step of 1, as range_repr.
  if (r->step == 1) return Value(make_str(ts, fmt::format("range({}, {})", r->start, r->stop)));
  return Value(make_str(ts, fmt::format("range({}, {}, {})", r->start, r->stop, r->step)));
}

// len() must fit in Py_ssize_t: a longer range raises OverflowError (iteration and indexing still work).
int64_t range_len(ThreadState& ts, Value v) {
  RangeObject* r = as_range(v);
  if (r->big) {
    int64_t n;
    if (int_to_int64(r->big->items[3], &n)) return n;
    raise(ts, OverflowError_type, "Python int too large to convert to C ssize_t");
    return -1;
  }
  return r->length;
}

// One bound of a slice as a Python int (the index protocol), with CPython's message for anything else.
Value slice_bound(ThreadState& ts, Value v) {
  if (!is_int(v) && !type_of(v)->index)
    return raise(ts, TypeError_type, "slice indices must be integers or None or have an __index__ method");
  return number_index(ts, v);
}

// r[key] for a range whose bounds or length pass int64, in BigInt arithmetic: an index (anything with
// __index__), or a slice clamped against the length as CPython's _PySlice_GetLongIndices does and then
// mapped through the range (compute_slice: the new bounds are the elements at the clamped start and stop).
Value big_range_getitem(ThreadState& ts, RangeObject* r, Value key) {
  BigInt start = to_bigint(r->big->items[0]), step = to_bigint(r->big->items[2]);
  BigInt length = to_bigint(r->big->items[3]);
  if (type_of(key) == &slice_type) {
    auto* slice = static_cast<SliceObject*>(key.as_object());
    BigInt slice_step(1);
    if (!is_none(slice->step)) {
      Value i = slice_bound(ts, slice->step);
      if (!i) return i;
      slice_step = to_bigint(i);
      if (slice_step.is_zero()) return raise(ts, ValueError_type, "slice step cannot be zero");
    }
    bool backwards = slice_step.sign() < 0;
    BigInt lower = backwards ? BigInt(-1) : BigInt(0), upper = backwards ? length - BigInt(1) : length;
    auto clamp = [&](Value bound, const BigInt& dflt, BigInt* out) {
      if (is_none(bound)) return *out = dflt, true;
      Value i = slice_bound(ts, bound);
      if (!i) return false;
      BigInt x = to_bigint(i);
      if (x.sign() < 0) {
        x = x + length;
        if (compare(x, lower) < 0) x = lower;
      } else if (compare(x, upper) > 0) {
        x = upper;
      }
      *out = x;
      return true;
    };
    BigInt first, last;
    if (!clamp(slice->start, backwards ? upper : lower, &first) || !clamp(slice->stop, backwards ? lower : upper, &last))
      return Value();
    Value bounds[3] = {make_int(ts, start + first * step), make_int(ts, start + last * step),
                       make_int(ts, step * slice_step)};
    return make_big_range(ts, bounds);
  }
  if (!is_int(key) && !type_of(key)->index)
    return raise_fmt(ts, TypeError_type, "range indices must be integers or slices, not {}", type_name(key));
  Value index = number_index(ts, key);
  if (!index) return index;
  BigInt i = to_bigint(index);
  if (i.sign() < 0) i = i + length;
  if (i.sign() < 0 || compare(i, length) >= 0) return raise(ts, IndexError_type, "range object index out of range");
  return make_int(ts, start + i * step);
}

Value range_getitem(ThreadState& ts, Value v, Value key) {
  RangeObject* r = as_range(v);
  if (r->big) return big_range_getitem(ts, r, key);
  if (key.is_object() && key.as_object()->type == &slice_type) {
    int64_t start, stop, step, n;
    if (!slice_indices(ts, static_cast<SliceObject*>(key.as_object()), r->length, &start, &stop, &step, &n))
      return Value();
    // CPython's compute_slice: the slice's clamped start and stop mapped through the range, not start + n*step.
    // The elements at the clamped positions give the new bounds directly, so r[::2] of range(10) is range(0, 10, 2)
    // rather than a range with a computed stop, which is what repr() shows.
    (void)n;
    int64_t new_start, new_stop, new_step, a, b;
    if (__builtin_mul_overflow(start, r->step, &a) || __builtin_add_overflow(r->start, a, &new_start) ||
        __builtin_mul_overflow(stop, r->step, &b) || __builtin_add_overflow(r->start, b, &new_stop) ||
        __builtin_mul_overflow(r->step, step, &new_step) || step == -INT64_MAX) {
      // Beyond 64 bits (a huge step): the same arithmetic on Python ints, as CPython's compute_slice, with the
      // slice's own step (slice_indices clamps -2**63 to -(2**63 - 1) for the sequences that index memory).
      Value raw_step = static_cast<SliceObject*>(key.as_object())->step;
      BigInt base = BigInt(r->start), stride = BigInt(r->step);
      BigInt slice_step = is_int(raw_step) ? to_bigint(raw_step) : BigInt(step);
      Value fields[3] = {make_int(ts, base + BigInt(start) * stride), make_int(ts, base + BigInt(stop) * stride),
                         make_int(ts, stride * slice_step)};
      return make_big_range(ts, fields);
    }
    return make_range(ts, new_start, new_stop, new_step);
  }
  if (!is_int(key) && !type_of(key)->index)
    return raise_fmt(ts, TypeError_type, "range indices must be integers or slices, not {}", type_name(key));
  int64_t i;
  if (!sequence_index(ts, key, r->length, &i, "range object index out of range")) return Value();
  return make_int(ts, r->start + i * r->step);
}

// Exact ints and bools are located arithmetically (CPython's range_contains_long); other objects, int
// subclasses included (they may override __eq__), are compared with each element in turn, as CPython's
// _PySequence_IterSearch does for `in`, count() and index().
bool exact_int_like(Value x) { return x.is_small_int() || type_of(x) == &int_type || type_of(x) == &bool_type; }

// The position of the exact int `x` in r, or nullopt when it is not an element.
std::optional<BigInt> element_index(RangeObject* r, Value x) {
  int64_t i;
  if (!r->big && int_to_int64(x, &i)) {
    if (r->step > 0 ? (i < r->start || i >= r->stop) : (i > r->start || i <= r->stop)) return std::nullopt;
    __int128 offset = static_cast<__int128>(i) - r->start;  // a range may span more than int64's width
    if (offset % r->step != 0) return std::nullopt;
    return BigInt(static_cast<int64_t>(offset / r->step));  // < length, which fits (make_range)
  }
  BigInt start = r->big ? to_bigint(r->big->items[0]) : BigInt(r->start);
  BigInt stop = r->big ? to_bigint(r->big->items[1]) : BigInt(r->stop);
  BigInt step = r->big ? to_bigint(r->big->items[2]) : BigInt(r->step);
  BigInt value = to_bigint(x);
  if (step.sign() > 0 ? (compare(value, start) < 0 || compare(value, stop) >= 0)
                      : (compare(value, start) > 0 || compare(value, stop) <= 0))
    return std::nullopt;
  BigInt q, rem;
  BigInt::floor_divmod(value - start, step, &q, &rem);
  if (!rem.is_zero()) return std::nullopt;
  return q;
}

enum class Search { kContains, kCount, kIndex };
// _PySequence_IterSearch over the range's elements: for kContains 1 or 0, for kCount the number of equal
// elements, for kIndex the first equal position or -1; -2 with the exception pending.
// The slow path is observable (a custom __eq__ is called once per element, in order), which is why it iterates rather
// than computing.
int64_t iter_search(ThreadState& ts, Value range, Value x, Search mode) {
  Value it = get_iter(ts, range);
  if (!it) return -2;
  int64_t found = 0;
  for (int64_t position = 0;; position++) {
    Value item = iter_next(ts, it);
    if (!item) return ts.current_exception ? -2 : mode == Search::kCount ? found : mode == Search::kIndex ? -1 : 0;
    int eq = rich_compare_bool(ts, item, x, kEq);
    if (eq < 0) return -2;
    if (!eq) continue;
    if (mode == Search::kIndex) return position;
    if (mode == Search::kContains) return 1;
    found++;
  }
}

int range_contains(ThreadState& ts, Value v, Value x) {
  if (exact_int_like(x)) return element_index(as_range(v), x).has_value();
  int64_t found = iter_search(ts, v, x, Search::kContains);
  return found < 0 ? -1 : static_cast<int>(found);
}

// The int64 form iterates with a counter; the big form through the index protocol (one BigInt per step).
// The iterator copies the bounds, so it does not keep the range alive, and a range is immutable anyway.
Value range_iter(ThreadState& ts, Value v) {
  RangeObject* r = as_range(v);
  if (r->big) {
    auto* it = ts.alloc<SeqIterObject>(&iterator_type);
    it->seq = v;
    return Value(it);
  }
  auto* it = ts.alloc<RangeIterObject>(&range_iterator_type);
  it->next = it->start = r->start;
  it->step = r->step;
  it->remaining = it->length = r->length;
  return Value(it);
}

// `next` may step past int64 after the last element; `remaining` stops the iteration before it is read.
Value range_iter_next(ThreadState& ts, Value self) {
  auto* it = static_cast<RangeIterObject*>(self.as_object());
  if (it->remaining <= 0) return Value();
  it->remaining--;
  int64_t v = it->next;
  it->next = wrapping_add(it->next, it->step);
  return make_int(ts, v);
}

// (length, start, step) as Python ints, whether the range's bounds are int64 or big: what equality and the
// hash look at (CPython's range_equals and range_hash).
void range_key(ThreadState& ts, RangeObject* r, Value out[3]) {
  if (r->big) {
    out[0] = r->big->items[3];
    out[1] = r->big->items[0];
    out[2] = r->big->items[2];
    return;
  }
  out[0] = make_int(ts, r->length);
  out[1] = make_int(ts, r->start);
  out[2] = make_int(ts, r->step);
}

// Ranges are equal when they produce the same sequence: equal lengths, then equal starts unless empty, then
// equal steps unless a single element (range(0) == range(5, 5), range(0, 3, 5) == range(0, 1)). Only == and
// != are defined. The fields are ints, so comparing them cannot fail.
Value range_richcompare(ThreadState& ts, Value a, Value b, int op) {
  if (type_of(a) != &range_type || type_of(b) != &range_type || (op != kEq && op != kNe)) return NotImplemented();
  Value x[3], y[3];
  range_key(ts, as_range(a), x);
  range_key(ts, as_range(b), y);
  bool eq = a == b;
  if (!eq && rich_compare_bool(ts, x[0], y[0], kEq) == 1) {
    eq = x[0] == Value::small_int(0) || (rich_compare_bool(ts, x[1], y[1], kEq) == 1 &&
                                         (x[0] == Value::small_int(1) || rich_compare_bool(ts, x[2], y[2], kEq) == 1));
  }
  return Bool(op == kEq ? eq : !eq);
}

// Consistent with range_richcompare: the hash of (length, start or None, step or None), with start and step
// replaced by None where equality ignores them, as CPython's range_hash.
bool range_hash(ThreadState& ts, Value self, int64_t* out) {
  Value k[3];
  range_key(ts, as_range(self), k);
  Value key[3] = {k[0], None(), None()};
  if (k[0] != Value::small_int(0)) {
    key[1] = k[1];
    if (k[0] != Value::small_int(1)) key[2] = k[2];
  }
  return py_hash(ts, Value(minipy::make_tuple(ts, key)), out);
}

// reversed(range): the same elements walked backwards, as a range iterator over (last, first - step, -step).
// Big ranges get the same through a reversed big range.
Value range_reversed(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  RangeObject* r = as_range(self);
  // A step of -2**63 reversed is 2**63, which no int64 iterator can hold: such a range takes the big path too.
  if (r->big || r->step == INT64_MIN) {
    BigInt start = r->big ? to_bigint(r->big->items[0]) : BigInt(r->start);
    BigInt step = r->big ? to_bigint(r->big->items[2]) : BigInt(r->step);
    BigInt length = r->big ? to_bigint(r->big->items[3]) : BigInt(r->length);
    Value bounds[3] = {make_int(ts, start + (length - BigInt(1)) * step), make_int(ts, start - step),
                       make_int(ts, -step)};
    Value reversed = make_big_range(ts, bounds);
    return reversed ? range_iter(ts, reversed) : reversed;
  }
  auto* it = ts.alloc<RangeIterObject>(&range_iterator_type);
  // The last element fits int64 but its distance from the first may not (range(-2**63, 2**63 - 1)): the sum is
  // computed modulo 2**64, which gives it exactly.
  it->next = it->start = wrapping_add(r->start, wrapping_mul(r->length - 1, r->step));
  it->step = -r->step;
  it->remaining = it->length = r->length;
  return Value(it);
}
Value range_start(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  RangeObject* r = as_range(self);
  return r->big ? r->big->items[0] : make_int(ts, r->start);
}
Value range_stop(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  RangeObject* r = as_range(self);
  return r->big ? r->big->items[1] : make_int(ts, r->stop);
}
Value range_step(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  RangeObject* r = as_range(self);
  return r->big ? r->big->items[2] : make_int(ts, r->step);
}
Value range_count(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_arg_count(ts, "count", positional_count(args, kwnames), 1, 1)) return Value();
  if (exact_int_like(args[0])) return Value::small_int(element_index(as_range(self), args[0]) ? 1 : 0);
  int64_t n = iter_search(ts, self, args[0], Search::kCount);
  return n < 0 ? Value() : make_int(ts, n);
}
Value range_index(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_arg_count(ts, "index", positional_count(args, kwnames), 1, 1)) return Value();
  if (exact_int_like(args[0])) {
    if (std::optional<BigInt> i = element_index(as_range(self), args[0])) return make_int(ts, *i);
  } else {
    int64_t i = iter_search(ts, self, args[0], Search::kIndex);
    if (i < -1) return Value();
    if (i >= 0) return make_int(ts, i);
    return raise(ts, ValueError_type, "sequence.index(x): x not in sequence");  // the iter-search's message
  }
  Value r = py_repr(ts, args[0]);
  if (!r) return r;
  return raise_fmt(ts, ValueError_type, "{} is not in range", as_str(r)->view());
}
const MethodDef range_methods[] = {
    {"__reversed__", range_reversed}, {"count", range_count}, {"index", range_index}};

// ---- slice ----------------------------------------------------------------------------------------------------
Value slice_repr(ThreadState& ts, Value v) {
  auto* s = static_cast<SliceObject*>(v.as_object());
  Value parts[3] = {py_repr(ts, s->start), Value(), Value()};
  if (!parts[0] || !(parts[1] = py_repr(ts, s->stop)) || !(parts[2] = py_repr(ts, s->step))) return Value();
  return Value(make_str(ts, fmt::format("slice({}, {}, {})", as_str(parts[0])->view(), as_str(parts[1])->view(),
                                        as_str(parts[2])->view())));
}
Value slice_new(ThreadState& ts, Type*, std::span<const Value> args, TupleObject* kwnames) {
  if (!no_keywords(ts, "slice", kwnames)) return Value();
  switch (args.size()) {
    case 1: return make_slice(ts, None(), args[0], None());
    case 2: return make_slice(ts, args[0], args[1], None());
    case 3: return make_slice(ts, args[0], args[1], args[2]);
    default:
      return raise_fmt(ts, TypeError_type, "slice expected {} arguments, got {}",
                       args.empty() ? "at least 1" : "at most 3", args.size());
  }
}
void trace_slice(Object* self, Tracer& tracer) {
  auto* s = static_cast<SliceObject*>(self);
  tracer.visit(s->start);
  tracer.visit(s->stop);
  tracer.visit(s->step);
}
Value slice_start(ThreadState&, Value self, std::span<const Value>, TupleObject*) {
  return static_cast<SliceObject*>(self.as_object())->start;
}
Value slice_stop(ThreadState&, Value self, std::span<const Value>, TupleObject*) {
  return static_cast<SliceObject*>(self.as_object())->stop;
}
Value slice_step(ThreadState&, Value self, std::span<const Value>, TupleObject*) {
  return static_cast<SliceObject*>(self.as_object())->step;
}
// Slices compare as the tuples (start, stop, step), as CPython's slice_richcompare.
Value slice_richcompare(ThreadState& ts, Value a, Value b, int op) {
  if (type_of(a) != &slice_type || type_of(b) != &slice_type) return NotImplemented();
  auto* x = static_cast<SliceObject*>(a.as_object());
  auto* y = static_cast<SliceObject*>(b.as_object());
  Value l[3] = {x->start, x->stop, x->step}, r[3] = {y->start, y->stop, y->step};
  Value lt = Value(minipy::make_tuple(ts, l)), rt = Value(minipy::make_tuple(ts, r));
  return rich_compare(ts, lt, rt, op);
}

}  // namespace

// An int64 range whose length does not fit in int64 takes the big form, so `length` is always exact.
Value make_range(ThreadState& ts, int64_t start, int64_t stop, int64_t step) {
  __int128 length = range_length(start, stop, step);
  if (length > INT64_MAX) {
    Value bounds[3] = {make_int(ts, start), make_int(ts, stop), make_int(ts, step)};
    return make_big_range(ts, bounds);
  }
  auto* r = ts.alloc<RangeObject>(&range_type);
  r->start = start;
  r->stop = stop;
  r->step = step;
  r->length = static_cast<int64_t>(length);
  return Value(r);
}

Value make_slice(ThreadState& ts, Value start, Value stop, Value step) {
  auto* s = ts.alloc<SliceObject>(&slice_type);
  s->start = start;
  s->stop = stop;
  s->step = step;
  return Value(s);
}

// A slice bound or an index() bound as int64: None is handled by the callers; values past int64 are clamped
// to half its range (a sequence can never be that long), so slicing with huge bounds behaves like CPython's.
bool clamped_slice_index(ThreadState& ts, Value v, int64_t* out, bool none_ok) {
  if (v.is_small_int()) return *out = v.as_small_int(), true;
  if (!is_int(v) && !type_of(v)->index)
    return raise(ts, TypeError_type, none_ok ? "slice indices must be integers or None or have an __index__ method"
                                             : "slice indices must be integers or have an __index__ method"),
           false;
  Value i = number_index(ts, v);
  if (!i) return false;
  // Halves of the int64 range, so that the callers' `bound + length` cannot overflow.
  if (!int_to_int64(i, out)) *out = to_bigint(i).sign() < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
  return true;
}

// PySlice_Unpack + PySlice_AdjustIndices.
bool slice_indices(ThreadState& ts, SliceObject* slice, SequenceLength live_length, int64_t* start, int64_t* stop,
                   int64_t* step, int64_t* slicelength) {
  auto get = [&](Value v, int64_t dflt, int64_t* out) -> bool {
    if (is_none(v)) {
      *out = dflt;
      return true;
    }
    return clamped_slice_index(ts, v, out, true);
  };
  if (!get(slice->step, 1, step)) return false;
  if (*step == 0) {
    raise(ts, ValueError_type, "slice step cannot be zero");
    return false;
  }
  if (!get(slice->start, *step < 0 ? INT64_MAX / 2 : 0, start)) return false;
  if (!get(slice->stop, *step < 0 ? INT64_MIN / 2 : INT64_MAX / 2, stop)) return false;
  // As PySlice_Unpack: a step of -2**63 is clamped so that negating it cannot overflow.
  if (*step < -INT64_MAX) *step = -INT64_MAX;
  const int64_t length = live_length.get();  // after the __index__ calls above
  if (*start < 0) {
    *start += length;
    if (*start < 0) *start = *step < 0 ? -1 : 0;
  } else if (*start >= length) {
    *start = *step < 0 ? length - 1 : length;
  }
  if (*stop < 0) {
    *stop += length;
    if (*stop < 0) *stop = *step < 0 ? -1 : 0;
  } else if (*stop >= length) {
    *stop = *step < 0 ? length - 1 : length;
  }
  if (*step < 0) *slicelength = *stop < *start ? (*start - *stop - 1) / (-*step) + 1 : 0;
  else *slicelength = *start < *stop ? (*stop - *start - 1) / *step + 1 : 0;
  return true;
}

bool sequence_index(ThreadState& ts, Value key, SequenceLength live_length, int64_t* out, const char* what) {
  int64_t i;
  if (key.is_small_int()) {
    i = key.as_small_int();
  } else {
    if (!is_int(key) && !type_of(key)->index) {
      raise_fmt(ts, TypeError_type, "indices must be integers, not {}", type_name(key));
      return false;
    }
    Value idx = number_index(ts, key);
    if (!idx) return false;
    if (!int_to_int64(idx, &i)) {
      raise_fmt(ts, IndexError_type, "cannot fit 'int' into an index-sized integer");
      return false;
    }
  }
  const int64_t length = live_length.get();  // after __index__ ran
  if (i < 0) i += length;
  if (i < 0 || i >= length) {
    raise(ts, IndexError_type, what);
    return false;
  }
  *out = i;
  return true;
}

namespace {

// slice.indices(length): the (start, stop, step) a sequence of that length would use.
Value slice_indices_method(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!no_keywords(ts, "slice.indices", kwnames)) return Value();
  if (args.size() != 1)
    return raise_fmt(ts, TypeError_type, "slice.indices() takes exactly one argument ({} given)", args.size());
  int64_t length;
  if (!index_to_int64(ts, args[0], &length)) return Value();
  if (length < 0) return raise(ts, ValueError_type, "length should not be negative");
  int64_t start, stop, step, count;
  if (!slice_indices(ts, static_cast<SliceObject*>(self.as_object()), length, &start, &stop, &step, &count))
    return Value();
  Value items[3] = {make_int(ts, start), make_int(ts, stop), make_int(ts, step)};
  return Value(make_tuple(ts, items));
}
const MethodDef slice_methods[] = {{"indices", slice_indices_method}};

int range_truth(ThreadState& ts, Value self) {
  auto* r = static_cast<RangeObject*>(self.as_object());
  if (r->big) return py_truth(ts, r->big->items[3]);
  return r->length != 0;
}

}  // namespace

void init_range_type(ThreadState& ts) {
  range_type.truth = range_truth;
  add_methods(ts, slice_type, slice_methods);
  Type& t = range_type;
  t.new_instance = range_new;
  t.repr = range_repr;
  t.length = range_len;
  t.getitem = range_getitem;
  t.contains = range_contains;
  t.iter = range_iter;
  t.richcompare = range_richcompare;
  t.hash = range_hash;
  add_methods(ts, t, range_methods);
  add_getset(ts, t, "start", range_start);
  add_getset(ts, t, "stop", range_stop);
  add_getset(ts, t, "step", range_step);
  range_type.trace = [](Object* self, Tracer& tracer) { tracer.visit(static_cast<RangeObject*>(self)->big); };
  range_iterator_type.iternext = range_iter_next;
  range_iterator_type.iter = [](ThreadState&, Value self) { return self; };

  slice_type.repr = slice_repr;
  slice_type.new_instance = slice_new;
  slice_type.trace = trace_slice;
  slice_type.richcompare = slice_richcompare;
  slice_type.hash = [](ThreadState& ts, Value v, int64_t*) {
    raise_fmt(ts, TypeError_type, "unhashable type: '{}'", type_name(v));
    return false;
  };
  add_getset(ts, slice_type, "start", slice_start);
  add_getset(ts, slice_type, "stop", slice_stop);
  add_getset(ts, slice_type, "step", slice_step);

  none_type.repr = [](ThreadState& ts, Value) { return Value(intern(ts, "None")); };
  none_type.truth = [](ThreadState&, Value) { return 0; };
  // Calling a singleton's type gives the singleton (NoneType(), type(...)(), type(NotImplemented)()).
  none_type.new_instance = [](ThreadState& ts, Type*, std::span<const Value> args, TupleObject*) {
    return args.empty() ? None() : raise(ts, TypeError_type, "NoneType takes no arguments");
  };
  ellipsis_type.repr = [](ThreadState& ts, Value) { return Value(intern(ts, "Ellipsis")); };
  ellipsis_type.new_instance = [](ThreadState& ts, Type*, std::span<const Value> args, TupleObject*) {
    return args.empty() ? Value(&ellipsis_object) : raise(ts, TypeError_type, "EllipsisType takes no arguments");
  };
  not_implemented_type.repr = [](ThreadState& ts, Value) { return Value(intern(ts, "NotImplemented")); };
  not_implemented_type.new_instance = [](ThreadState& ts, Type*, std::span<const Value> args, TupleObject*) {
    return args.empty() ? NotImplemented() : raise(ts, TypeError_type, "NotImplementedType takes no arguments");
  };
}

}  // namespace minipy
