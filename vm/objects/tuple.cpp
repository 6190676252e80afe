// tuple: a fixed-size array of values allocated inline with the object. Shared helpers for sequence repr,
// comparison and iteration used by list too.
#include <cstring>

#include "vm/objects/sequence.h"
#include "vm/objects/heap_type.h"
#include "vm/objects/type_init.h"
#include "vm/runtime.h"

namespace minipy {

namespace {

TupleObject* as_tuple(Value v) { return static_cast<TupleObject*>(v.as_object()); }

// sequence_repr guards against a tuple that contains itself through a list (Py_ReprEnter), and a 1-tuple needs its
// trailing comma to read back as a tuple.
Value tuple_repr(ThreadState& ts, Value v) {
  TupleObject* t = as_tuple(v);
  if (t->size == 0) return Value(intern(ts, "()"));
  return sequence_repr(ts, v, "(", t->size == 1 ? ",)" : ")");
}

bool tuple_hash(ThreadState& ts, Value v, int64_t* out) {
  // CPython's xxHash-based tuple hash, so hash((1, 2)) matches.
  // (tupleobject.c's tuplehash, 64-bit lanes: the constants are xxHash's primes, the rotation is by 31, and -1 is
  // remapped because -1 means "error" to CPython's hash functions, so no hash may equal it.)
  TupleObject* t = as_tuple(v);
  constexpr uint64_t kPrime1 = 11400714785074694791ull, kPrime2 = 14029467366897019727ull,
                     kPrime5 = 2870177450012600261ull;
  uint64_t acc = kPrime5;
  for (int64_t i = 0; i < t->size; i++) {
    int64_t h;
    if (!py_hash(ts, t->items[i], &h)) return false;
    acc += static_cast<uint64_t>(h) * kPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kPrime1;
  }
  acc += static_cast<uint64_t>(t->size) ^ (kPrime5 ^ 3527539ull);
  if (acc == static_cast<uint64_t>(-1)) acc = 1546275796;
  *out = static_cast<int64_t>(acc);
  return true;
}

// Tuples compare only with tuples (and subclasses); `(1,) == [1]` falls back to identity through NotImplemented.
Value tuple_richcompare(ThreadState& ts, Value a, Value b, int op) {
  if (!is_tuple(a) || !is_tuple(b)) return NotImplemented();
  return sequence_compare(ts, a, b, op);
}

// The result is always an exact tuple, even for subclasses, as tupleobject.c's tupleconcat.
Value tuple_concat(ThreadState& ts, Value a, Value b) {
  if (!is_tuple(a)) return NotImplemented();
  if (!is_tuple(b))
    return raise_fmt(ts, TypeError_type, "can only concatenate tuple (not \"{}\") to tuple", type_name(b));
  TupleObject* x = as_tuple(a);
  TupleObject* y = as_tuple(b);
  TupleObject* r = minipy::make_tuple(ts, x->size + y->size);
  std::copy(x->items, x->items + x->size, r->items);
  std::copy(y->items, y->items + y->size, r->items + x->size);
  return Value(r);
}

Value tuple_repeat(ThreadState& ts, Value a, Value count) {
  int64_t n;
  if (!index_to_int64(ts, count, &n, "cannot fit 'int' into an index-sized integer")) return Value();
  TupleObject* t = as_tuple(a);
  if (n <= 0 || t->size == 0) return ts.interp->empty_tuple;
  // Tuples are immutable, so `t * 1` may return t itself (CPython does); a subclass must get a new exact tuple.
  if (n == 1 && type_of(a) == &tuple_type) return a;
  // A result past 2**36 items could not be allocated anyway; refusing before the multiplication also keeps size * n
  // from overflowing. CPython's MemoryError here carries no message either.
  if (t->size > (int64_t{1} << 36) / n) return raise(ts, MemoryError_type, "");
  TupleObject* r = minipy::make_tuple(ts, t->size * n);
  for (int64_t i = 0; i < n; i++) std::copy(t->items, t->items + t->size, r->items + i * t->size);
  return Value(r);
}

int64_t tuple_len(ThreadState&, Value v) { return as_tuple(v)->size; }

// `x in t`: identity or ==, item by item (rich_compare_bool tests identity first, as PyObject_RichCompareBool), and an
// exception from __eq__ propagates as -1.
int tuple_contains(ThreadState& ts, Value container, Value item) {
  for (Value v : as_tuple(container)->span()) {
    int r = rich_compare_bool(ts, v, item, kEq);
    if (r != 0) return r;
  }
  return 0;
}

Value tuple_getitem(ThreadState& ts, Value container, Value key) {
  TupleObject* t = as_tuple(container);
  // The common case, a small int index, skips __index__ and the slice checks.
  if (key.is_small_int()) {
    int64_t i = key.as_small_int();
    if (i < 0) i += t->size;
    if (i < 0 || i >= t->size) return raise(ts, IndexError_type, "tuple index out of range");
    return t->items[i];
  }
  if (key.is_object() && key.as_object()->type == &slice_type) {
    int64_t start, stop, step, n;
    if (!slice_indices(ts, static_cast<SliceObject*>(key.as_object()), t->size, &start, &stop, &step, &n))
      return Value();
    // t[:] is t for an exact tuple, as in CPython (a subclass gets a plain tuple copy).
    if (n == t->size && step == 1 && type_of(container) == &tuple_type) return container;
    TupleObject* r = minipy::make_tuple(ts, n);
    for (int64_t i = 0, p = start; i < n; i++, p += step) r->items[i] = t->items[p];
    return Value(r);
  }
  if (!is_int(key) && !type_of(key)->index)
    return raise_fmt(ts, TypeError_type, "tuple indices must be integers or slices, not {}", type_name(key));
  int64_t i;
  if (!sequence_index(ts, key, t->size, &i, "tuple index out of range")) return Value();
  return t->items[i];
}

Value tuple_iter(ThreadState& ts, Value v) {
  auto* it = ts.alloc<SeqIterObject>(&tuple_iterator_type);
  it->seq = v;
  return Value(it);
}

// Dropping `seq` on exhaustion lets the tuple be collected while the iterator lives and makes a finished iterator stay
// finished, as CPython's tupleiter_next clears it_seq.
Value tuple_iter_next(ThreadState&, Value self) {
  auto* it = static_cast<SeqIterObject*>(self.as_object());
  if (!it->seq) return Value();
  TupleObject* t = as_tuple(it->seq);
  if (it->index < t->size) return t->items[it->index++];
  it->seq = Value();
  return Value();
}

// tuple(iterable): an exact tuple argument is returned as is (immutable, so sharing is safe); anything else is gathered
// into a list first, because its length is not known in advance.
Value tuple_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  if (keywords_refused(ts, type, &tuple_type, "tuple", kwnames)) return Value();
  args = args.first(positional_count(args, kwnames));  // keywords left for a subclass's __init__
  if (args.size() > 1) return raise_fmt(ts, TypeError_type, "tuple expected at most 1 argument, got {}", args.size());
  Value r;
  if (args.empty()) {
    r = ts.interp->empty_tuple;
  } else if (type_of(args[0]) == &tuple_type) {
    r = args[0];
  } else {
    Value list = sequence_to_list(ts, args[0]);
    if (!list) return list;
    r = list_to_tuple(ts, static_cast<ListObject*>(list.as_object()));
  }
  // A subclass instance copies the items into an object of the subclass's layout.
  return !r || type == &tuple_type ? r : make_subtype_instance(ts, type, r);
}

Value tuple_count(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_arg_count(ts, "count", positional_count(args, kwnames), 1, 1)) return Value();
  return sequence_count(ts, self, args[0]);
}
Value tuple_index(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  return sequence_index_method(ts, self, args, kwnames, "tuple.index(x): x not in tuple");
}

void trace_tuple(Object* self, Tracer& tracer) {
  auto* t = static_cast<TupleObject*>(self);
  tracer.visit_range(t->items, t->items + t->size);
}

const MethodDef tuple_methods[] = {{"count", tuple_count}, {"index", tuple_index}};

}  // namespace

// The items start as null Values (the heap zeroes every slot), which the tracer skips, and the caller fills them.
// The empty tuple is a singleton, as in CPython (`() is ()`).
TupleObject* make_tuple(ThreadState& ts, int64_t size) {
  if (size == 0 && ts.interp->empty_tuple) return as_tuple(ts.interp->empty_tuple);
  size_t bytes = offsetof(TupleObject, items) + sizeof(Value) * static_cast<size_t>(size > 0 ? size : 1);
  auto* t = ts.alloc<TupleObject>(&tuple_type, bytes);
  t->size = size;
  return t;
}

TupleObject* make_tuple(ThreadState& ts, std::span<const Value> items) {
  TupleObject* t = minipy::make_tuple(ts, static_cast<int64_t>(items.size()));
  std::copy(items.begin(), items.end(), t->items);
  return t;
}

void init_tuple_type(ThreadState& ts) {
  Type& t = tuple_type;
  t.repr = tuple_repr;
  t.hash = tuple_hash;
  t.richcompare = tuple_richcompare;
  t.concat = tuple_concat;
  t.repeat = tuple_repeat;
  t.length = tuple_len;
  t.contains = tuple_contains;
  t.getitem = tuple_getitem;
  t.iter = tuple_iter;
  t.new_instance = tuple_new;
  t.trace = trace_tuple;
  add_methods(ts, t, tuple_methods);
  tuple_iterator_type.iternext = tuple_iter_next;
  tuple_iterator_type.iter = [](ThreadState&, Value self) { return self; };
  tuple_iterator_type.trace = [](Object* self, Tracer& tracer) { tracer.visit(static_cast<SeqIterObject*>(self)->seq); };
}

}  // namespace minipy
