// The second half of the native `itertools` module: the combinatoric iterators (product, permutations,
// combinations, combinations_with_replacement), tee with its _tee and _tee_dataobject, and the module itself.
// Each combinatoric iterator keeps its pool(s) as tuples and its position as an index vector in malloc'd memory,
// stepping through the orders the itertools documentation gives.
//
// Pickling (__reduce__/__setstate__, deprecated since 3.12) has CPython 3.11's shapes for the combinatoric
// iterators. Left out: pickling of tee and _tee_dataobject, __sizeof__.
#include <cstdlib>
#include <memory>

#include "stdlib/native/itertools.h"
#include "stdlib/native/native_support.h"

namespace minipy {

namespace {

Type product_type, permutations_type, combinations_type, cwr_type, tee_type, teedata_type;

// ---- the combinatoric iterators -----------------------------------------------------------------------------------
struct CombinatoricObject : Object {
  TupleObject* pools;  // product: one tuple per pool; the others: a 1-tuple holding the pool
  int64_t* indices;    // malloc'd: one index per result position (permutations: one per pool item)
  int64_t* cycles;     // permutations only
  int64_t r;           // result length
  bool started;        // the first result was given
  bool stopped;
};

void trace_combinatoric(Object* self, Tracer& tracer) { tracer.visit(static_cast<CombinatoricObject*>(self)->pools); }
// The index vectors are plain ints, invisible to the collector, so they live outside the heap and are freed here when
// the iterator is swept.
void finalize_combinatoric(Object* self) {
  auto* c = static_cast<CombinatoricObject*>(self);
  std::free(c->indices);
  std::free(c->cycles);
}

CombinatoricObject* as_comb(Value v) { return static_cast<CombinatoricObject*>(v.as_object()); }
TupleObject* pool_of(CombinatoricObject* c) { return static_cast<TupleObject*>(c->pools->items[0].as_object()); }

// A tuple of the items of `iterable`.
// The pools are materialised up front, as CPython does: the iterators revisit items many times, and a one-shot iterator
// argument could not be read twice.
Value to_tuple(ThreadState& ts, Value iterable) {
  if (type_of(iterable) == &tuple_type) return iterable;
  Value list = sequence_to_list(ts, iterable);
  if (!list) return list;
  return list_to_tuple(ts, static_cast<ListObject*>(list.as_object()));
}

// A zeroed index vector of `count` user-sized slots (r = 2**40 is a valid request), owned until an iterator
// takes it; null with CPython's bare MemoryError pending when it cannot be had, as PyMem_New fails. One spare
// slot keeps the allocation non-empty for count == 0, so a null pointer never stands for "empty".
using IndexVector = std::unique_ptr<int64_t, decltype(&std::free)>;
IndexVector index_vector(ThreadState& ts, int64_t count) {
  void* p = count < INT64_MAX / static_cast<int64_t>(sizeof(int64_t))
                ? std::calloc(static_cast<size_t>(count) + 1, sizeof(int64_t))
                : nullptr;
  if (!p) raise(ts, MemoryError_type, "");
  return IndexVector(static_cast<int64_t*>(p), &std::free);
}

// A new iterator of `type` over `pools` with `r` result positions and zeroed index vectors (`nindices` slots, and
// `r` cycle slots when `with_cycles`); null with MemoryError pending when a vector cannot be allocated.
CombinatoricObject* make_combinatoric(ThreadState& ts, Type* type, TupleObject* pools, int64_t r, int64_t nindices,
                                      bool with_cycles, IndexVector indices = IndexVector(nullptr, &std::free)) {
  if (!indices) indices = index_vector(ts, nindices);
  if (!indices) return nullptr;
  IndexVector cycles(nullptr, &std::free);
  if (with_cycles && !(cycles = index_vector(ts, r))) return nullptr;
  auto* c = alloc_instance<CombinatoricObject>(ts, type);
  c->pools = pools;
  c->r = r;
  c->indices = indices.release();
  c->cycles = cycles.release();
  return c;
}

// The result tuple for the current indices: pool[indices[i]] (product: pools[i][indices[i]]).
Value current_result(ThreadState& ts, CombinatoricObject* c, bool per_position_pools) {
  TupleObject* result = make_tuple(ts, c->r);
  for (int64_t i = 0; i < c->r; i++) {
    TupleObject* pool =
        per_position_pools ? static_cast<TupleObject*>(c->pools->items[i].as_object()) : pool_of(c);
    result->items[i] = pool->items[c->indices[i]];
  }
  return Value(result);
}

Value product_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  size_t npos = positional_count(args, kwnames);
  int64_t repeat = 1;
  for (int64_t k = 0; kwnames && k < kwnames->size; k++) {
    std::string_view key = as_str(kwnames->items[k])->view();
    if (key != "repeat") return raise_fmt(ts, TypeError_type, "'{}' is an invalid keyword argument for product()", key);
    if (!index_to_int64(ts, args[npos + static_cast<size_t>(k)], &repeat)) return Value();
    if (repeat < 0) return raise(ts, ValueError_type, "repeat argument cannot be negative");
  }
  int64_t nargs = static_cast<int64_t>(npos);
  // CPython bounds the count by the byte size of its index vector (PY_SSIZE_T_MAX / sizeof(Py_ssize_t)).
  if (repeat && nargs > INT64_MAX / 8 / repeat) return raise(ts, OverflowError_type, "repeat argument too large");
  // The index vector comes first, as in CPython: an impossible one is a MemoryError before any argument is read,
  // and its success bounds the pools tuple's size too.
  IndexVector indices = index_vector(ts, nargs * repeat);
  if (!indices) return Value();
  TupleObject* pools = make_tuple(ts, nargs * repeat);
  // The slots get a placeholder before the pools are computed: to_tuple runs Python code (the argument's iteration),
  // and that code can reach this tuple through gc.get_objects(); a tuple visible to Python must not hold null items.
  for (int64_t i = 0; i < pools->size; i++) pools->items[i] = ts.interp->empty_tuple;
  for (int64_t i = 0; i < nargs; i++) {
    Value pool = to_tuple(ts, args[static_cast<size_t>(i)]);
    if (!pool) return pool;
    for (int64_t j = 0; j < repeat; j++) pools->items[j * nargs + i] = pool;
  }
  CombinatoricObject* c = make_combinatoric(ts, type, pools, pools->size, pools->size, false, std::move(indices));
  return c ? Value(c) : Value();
}

Value product_next(ThreadState& ts, Value self) {
  CombinatoricObject* c = as_comb(self);
  if (c->stopped) return Value();
  // The first result is the all-zero index vector; an empty pool anywhere means the product is empty.
  if (!c->started) {
    c->started = true;
    for (Value pool : c->pools->span())
      if (static_cast<TupleObject*>(pool.as_object())->size == 0) return c->stopped = true, Value();
    return current_result(ts, c, true);
  }
  // Advance the rightmost index that can move; the ones to its right start again.
  int64_t i = c->r - 1;
  for (; i >= 0; i--) {
    int64_t size = static_cast<TupleObject*>(c->pools->items[i].as_object())->size;
    if (++c->indices[i] < size) break;
    c->indices[i] = 0;
  }
  if (i < 0) return c->stopped = true, Value();
  return current_result(ts, c, true);
}

// ---- pickling, with CPython 3.11's shapes: (type, (pool, r)) before the first result, (type, ((), r)) when
// stopped, else the index vector (and permutations' cycles) as the state __setstate__ takes back. ---------------
// The state tuples hold plain index vectors; __setstate__ clamps whatever it is given into range (read_indices), so a
// tampered pickle cannot make the iterator read outside its pools.
Value int_tuple(ThreadState& ts, const int64_t* values, int64_t n) {
  TupleObject* t = make_tuple(ts, n);
  for (int64_t i = 0; i < n; i++) t->items[i] = make_int(ts, values[i]);
  return Value(t);
}

// The state tuple's items as clamped ints: `count` of them, item i clamped to [low(i), high(i)].
template <typename Low, typename High>
bool read_indices(ThreadState& ts, Value state, int64_t count, int64_t* out, Low low, High high) {
  if (!is_tuple(state) || static_cast<TupleObject*>(state.as_object())->size != count)
    return raise(ts, ValueError_type, "invalid arguments"), false;
  auto* t = static_cast<TupleObject*>(state.as_object());
  for (int64_t i = 0; i < count; i++) {
    int64_t index;
    if (!index_to_int64(ts, t->items[i], &index)) return false;
    out[i] = index < low(i) ? low(i) : (index > high(i) ? high(i) : index);
  }
  return true;
}

Value product_reduce(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  CombinatoricObject* c = as_comb(self);
  if (c->stopped) {
    Value empty(ts.interp->empty_tuple);
    return reduce_tuple(ts, self, Value(make_tuple(ts, {&empty, 1})));
  }
  if (!c->started) return reduce_tuple(ts, self, Value(c->pools));
  return reduce_tuple(ts, self, Value(c->pools), int_tuple(ts, c->indices, c->pools->size));
}
Value product_setstate(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!setstate_arguments(ts, args, kwnames)) return Value();
  CombinatoricObject* c = as_comb(self);
  auto pool_size = [&](int64_t i) { return static_cast<TupleObject*>(c->pools->items[i].as_object())->size; };
  for (int64_t i = 0; i < c->pools->size; i++)
    if (pool_size(i) == 0) return c->stopped = true, None();
  if (!read_indices(ts, args[0], c->pools->size, c->indices, [](int64_t) { return int64_t{0}; },
                    [&](int64_t i) { return pool_size(i) - 1; }))
    return Value();
  c->started = true;  // the next step advances from these indices, as after a result
  return None();
}

Value ordered_reduce(ThreadState& ts, Value self, bool with_cycles) {
  CombinatoricObject* c = as_comb(self);
  Value r = make_int(ts, c->r);
  if (!c->started) {
    Value args[2] = {c->pools->items[0], r};
    return reduce_tuple(ts, self, Value(make_tuple(ts, args)));
  }
  if (c->stopped) {
    Value args[2] = {Value(ts.interp->empty_tuple), r};
    return reduce_tuple(ts, self, Value(make_tuple(ts, args)));
  }
  Value args[2] = {c->pools->items[0], r};
  Value state = with_cycles ? Value() : int_tuple(ts, c->indices, c->r);
  if (with_cycles) {
    Value both[2] = {int_tuple(ts, c->indices, pool_of(c)->size), int_tuple(ts, c->cycles, c->r)};
    state = Value(make_tuple(ts, both));
  }
  return reduce_tuple(ts, self, Value(make_tuple(ts, args)), state);
}
Value combinations_reduce(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  return ordered_reduce(ts, self, false);
}
Value permutations_reduce(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  return ordered_reduce(ts, self, true);
}

Value combinations_setstate(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!setstate_arguments(ts, args, kwnames)) return Value();
  CombinatoricObject* c = as_comb(self);
  int64_t n = pool_of(c)->size, r = c->r;
  if (!read_indices(ts, args[0], r, c->indices, [](int64_t) { return int64_t{0}; },
                    [&](int64_t i) { return i + n - r; }))
    return Value();
  c->started = true;
  return None();
}
Value cwr_setstate(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!setstate_arguments(ts, args, kwnames)) return Value();
  CombinatoricObject* c = as_comb(self);
  int64_t n = pool_of(c)->size;
  if (!read_indices(ts, args[0], c->r, c->indices, [](int64_t) { return int64_t{0}; },
                    [&](int64_t) { return n > 0 ? n - 1 : 0; }))
    return Value();
  if (n == 0 && c->r > 0) c->stopped = true;  // no item to index (CPython would read past its pool)
  c->started = true;
  return None();
}
Value permutations_setstate(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!setstate_arguments(ts, args, kwnames)) return Value();
  if (!is_tuple(args[0])) return raise(ts, TypeError_type, "state is not a tuple");
  auto* state = static_cast<TupleObject*>(args[0].as_object());
  if (state->size != 2 || !is_tuple(state->items[0]) || !is_tuple(state->items[1]))
    return raise(ts, TypeError_type, "state must be a tuple of two tuples");
  CombinatoricObject* c = as_comb(self);
  int64_t n = pool_of(c)->size;
  if (static_cast<TupleObject*>(state->items[0].as_object())->size != n ||
      static_cast<TupleObject*>(state->items[1].as_object())->size != c->r)
    return raise(ts, ValueError_type, "invalid arguments");
  if (!read_indices(ts, state->items[0], n, c->indices, [](int64_t) { return int64_t{0}; },
                    [&](int64_t) { return n - 1; }) ||
      !read_indices(ts, state->items[1], c->r, c->cycles, [](int64_t) { return int64_t{1}; },
                    [&](int64_t i) { return n - i; }))
    return Value();
  c->started = true;
  return None();
}

template <bool kWithReplacement>
Value combinations_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  static const char* const kNames[] = {"iterable", "r"};
  const char* name = kWithReplacement ? "combinations_with_replacement" : "combinations";
  Value a[2];
  if (!native::parse_args(ts, name, args, kwnames, kNames, 2, 0, a, 2)) return Value();
  // CPython's argument clinic converts r before the pool is read; its sign is checked after.
  int64_t r;
  if (!index_to_int64(ts, a[1], &r)) return Value();
  Value pool = to_tuple(ts, a[0]);
  if (!pool) return pool;
  if (r < 0) return raise(ts, ValueError_type, "r must be non-negative");
  int64_t n = static_cast<TupleObject*>(pool.as_object())->size;
  CombinatoricObject* c = make_combinatoric(ts, type, make_tuple(ts, std::span<const Value>(&pool, 1)), r, r, false);
  if (!c) return Value();
  if (!kWithReplacement)
    for (int64_t i = 0; i < r; i++) c->indices[i] = i;
  c->stopped = kWithReplacement ? (n == 0 && r > 0) : r > n;
  return Value(c);
}

Value combinations_next(ThreadState& ts, Value self) {
  CombinatoricObject* c = as_comb(self);
  if (c->stopped) return Value();
  int64_t n = pool_of(c)->size, r = c->r;
  if (c->started) {
    int64_t i = r - 1;
    while (i >= 0 && c->indices[i] == i + n - r) i--;
    if (i < 0) return c->stopped = true, Value();
    c->indices[i]++;
    for (int64_t j = i + 1; j < r; j++) c->indices[j] = c->indices[j - 1] + 1;
  }
  c->started = true;
  return current_result(ts, c, false);
}

Value cwr_next(ThreadState& ts, Value self) {
  CombinatoricObject* c = as_comb(self);
  if (c->stopped) return Value();
  int64_t n = pool_of(c)->size, r = c->r;
  if (c->started) {
    int64_t i = r - 1;
    while (i >= 0 && c->indices[i] == n - 1) i--;
    if (i < 0) return c->stopped = true, Value();
    int64_t index = c->indices[i] + 1;
    for (int64_t j = i; j < r; j++) c->indices[j] = index;
  }
  c->started = true;
  return current_result(ts, c, false);
}

Value permutations_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  static const char* const kNames[] = {"iterable", "r"};
  Value a[2];
  if (!native::parse_args(ts, "permutations", args, kwnames, kNames, 1, 0, a, 2)) return Value();
  Value pool = to_tuple(ts, a[0]);
  if (!pool) return pool;
  int64_t n = static_cast<TupleObject*>(pool.as_object())->size;
  int64_t r = n;
  if (a[1] && !is_none(a[1])) {
    if (!is_int(a[1])) return raise(ts, TypeError_type, "Expected int as r");
    if (!int_to_int64(a[1], &r)) return raise(ts, OverflowError_type, "Python int too large to convert to C ssize_t");
    if (r < 0) return raise(ts, ValueError_type, "r must be non-negative");
  }
  CombinatoricObject* c = make_combinatoric(ts, type, make_tuple(ts, std::span<const Value>(&pool, 1)), r, n, true);
  if (!c) return Value();
  for (int64_t i = 0; i < n; i++) c->indices[i] = i;
  for (int64_t i = 0; i < r && i < n; i++) c->cycles[i] = n - i;
  c->stopped = r > n;
  return Value(c);
}

// The algorithm of the itertools documentation's pure-Python permutations() (and CPython's C version): `cycles` counts
// down how many more swaps each position has before its suffix is rotated back.
Value permutations_next(ThreadState& ts, Value self) {
  CombinatoricObject* c = as_comb(self);
  if (c->stopped) return Value();
  int64_t n = pool_of(c)->size, r = c->r;
  if (c->started) {
    if (n == 0) return c->stopped = true, Value();
    int64_t i = r - 1;
    for (; i >= 0; i--) {
      if (--c->cycles[i] == 0) {
        // Rotate indices[i:] left by one.
        int64_t first = c->indices[i];
        for (int64_t j = i; j < n - 1; j++) c->indices[j] = c->indices[j + 1];
        c->indices[n - 1] = first;
        c->cycles[i] = n - i;
      } else {
        int64_t j = c->cycles[i];
        std::swap(c->indices[i], c->indices[n - j]);
        break;
      }
    }
    if (i < 0) return c->stopped = true, Value();
  }
  c->started = true;
  return current_result(ts, c, false);
}

// ---- tee ----------------------------------------------------------------------------------------------------------
// The items one tee has read, shared by all its copies: a linked list of fixed-size segments, so items every copy
// has passed can be collected.
// Copies of a tee hold (segment, index) pairs into this shared list; a segment no copy points at any more becomes
// garbage, so the memory held is proportional to the distance between the fastest and the slowest copy.
constexpr int kTeeSegment = 57;  // CPython's LINKCELLS
struct TeeDataObject : Object {
  Value iterator;
  Value next_segment;  // null until the segment is full and someone reads on
  int32_t count;       // items stored in `values`
  bool running;        // reading from the iterator (a re-entrant read is an error)
  Value values[kTeeSegment];
};
struct TeeObject : Object {
  TeeDataObject* data;
  int32_t index;  // position in data->values
};

void trace_teedata(Object* self, Tracer& tracer) {
  auto* d = static_cast<TeeDataObject*>(self);
  tracer.visit(d->iterator);
  tracer.visit(d->next_segment);
  tracer.visit_range(d->values, d->values + d->count);
}
void trace_tee(Object* self, Tracer& tracer) { tracer.visit(static_cast<TeeObject*>(self)->data); }

TeeDataObject* make_teedata(ThreadState& ts, Value iterator) {
  auto* d = ts.alloc<TeeDataObject>(&teedata_type);
  d->iterator = iterator;
  return d;
}

Value make_tee(ThreadState& ts, TeeDataObject* data, int32_t index) {
  auto* t = ts.alloc<TeeObject>(&tee_type);
  t->data = data;
  t->index = index;
  return Value(t);
}

Value tee_copy(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  auto* t = static_cast<TeeObject*>(self.as_object());
  return make_tee(ts, t->data, t->index);
}

// _tee(iterable): a copy when the iterable's iterator is a _tee, else the first tee over it.
Value tee_from_iterable(ThreadState& ts, Value iterable) {
  Value it = get_iter(ts, iterable);
  if (!it) return it;
  if (type_of(it) == &tee_type) return tee_copy(ts, it, {}, nullptr);
  return make_tee(ts, make_teedata(ts, it), 0);
}

Value tee_new(ThreadState& ts, Type*, std::span<const Value> args, TupleObject* kwnames) {
  static const char* const kNames[] = {"iterable"};
  Value a[1];
  if (!native::parse_args(ts, "_tee", args, kwnames, kNames, 1, 0, a, 1)) return Value();
  return tee_from_iterable(ts, a[0]);
}

Value tee_next(ThreadState& ts, Value self) {
  auto* t = static_cast<TeeObject*>(self.as_object());
  if (t->index >= kTeeSegment) {
    TeeDataObject* d = t->data;
    if (!d->next_segment) d->next_segment = Value(make_teedata(ts, d->iterator));
    t->data = static_cast<TeeDataObject*>(d->next_segment.as_object());
    t->index = 0;
  }
  TeeDataObject* d = t->data;
  if (t->index < d->count) return d->values[t->index++];
  // The underlying iterator's __next__ could itself advance this tee (a generator reading from its own tee copy); the
  // flag turns that recursion into CPython's RuntimeError instead of corrupting the segment.
  if (d->running) return raise(ts, RuntimeError_type, "cannot re-enter the tee iterator");
  d->running = true;
  Value v = iter_next(ts, d->iterator);
  d->running = false;
  if (!v) return v;
  d->values[d->count++] = v;
  t->index++;
  return v;
}

Value teedata_new(ThreadState& ts, Type*, std::span<const Value>, TupleObject*) {
  return raise(ts, TypeError_type, "minipy cannot make _tee_dataobject objects directly");
}

// tee(it, n): every copy after the first is made with __copy__, as CPython's tee() does, so an iterator type that knows
// how to copy itself is duplicated directly instead of being buffered.
Value itertools_tee(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  if (!exact_args(ts, "tee", args, kwnames, 1, 2)) return Value();
  int64_t n = 2;
  if (args.size() > 1 && !index_to_int64(ts, args[1], &n)) return Value();
  if (n < 0) return raise(ts, ValueError_type, "n must be >= 0");
  // CPython's PyTuple_New refuses a size whose byte count would overflow; a smaller impossible one fails in the
  // allocator (a MemoryError too).
  if (n > INT64_MAX / static_cast<int64_t>(sizeof(Value))) return raise(ts, MemoryError_type, "");
  TupleObject* result = make_tuple(ts, n);
  for (int64_t i = 0; i < n; i++) result->items[i] = None();
  if (n == 0) return Value(result);
  Value it = get_iter(ts, args[0]);
  if (!it) return it;
  // An iterator that can copy itself (a _tee among them) is copied; any other is wrapped in a _tee first.
  StrObject* copy_name = intern(ts, "__copy__");
  Value first = it;
  if (!type_lookup(type_of(it), copy_name)) {
    first = tee_from_iterable(ts, it);
    if (!first) return first;
  }
  result->items[0] = first;
  for (int64_t i = 1; i < n; i++) {
    Value copy = call_method(ts, first, copy_name, {});
    if (!copy) return copy;
    result->items[i] = copy;
  }
  return Value(result);
}

const MethodDef kProductMethods[] = {{"__reduce__", product_reduce}, {"__setstate__", product_setstate}};
const MethodDef kCombinationsMethods[] = {{"__reduce__", combinations_reduce},
                                          {"__setstate__", combinations_setstate}};
const MethodDef kCwrMethods[] = {{"__reduce__", combinations_reduce}, {"__setstate__", cwr_setstate}};
const MethodDef kPermutationsMethods[] = {{"__reduce__", permutations_reduce},
                                          {"__setstate__", permutations_setstate}};
const MethodDef kTeeMethods[] = {{"__copy__", tee_copy}};
const MethodDef kItertoolsFunctions[] = {{"tee", itertools_tee}};

struct CombinatoricRow {
  Type* type;
  const char* name;
  NewSlot new_instance;
  IterNextSlot next;
  std::span<const MethodDef> methods;
};

void define_combinatoric_types(ThreadState& ts) {
  const CombinatoricRow rows[] = {
      {&product_type, "product", product_new, product_next, kProductMethods},
      {&permutations_type, "permutations", permutations_new, permutations_next, kPermutationsMethods},
      {&combinations_type, "combinations", combinations_new<false>, combinations_next, kCombinationsMethods},
      {&cwr_type, "combinations_with_replacement", combinations_new<true>, cwr_next, kCwrMethods},
  };
  for (const CombinatoricRow& row : rows) {
    if (!begin_native_type(ts, *row.type, row.name, "itertools", sizeof(CombinatoricObject), kTypeBaseType))
      continue;
    Type& t = *row.type;
    t.new_instance = row.new_instance;
    t.iter = iter_self;
    t.iternext = row.next;
    t.trace = trace_combinatoric;
    t.finalize = finalize_combinatoric;
    add_methods(ts, t, row.methods);
    finish_native_type(ts, t);
  }
  if (begin_native_type(ts, teedata_type, "_tee_dataobject", "itertools", sizeof(TeeDataObject))) {
    teedata_type.new_instance = teedata_new;
    teedata_type.trace = trace_teedata;
    finish_native_type(ts, teedata_type);
  }
  if (begin_native_type(ts, tee_type, "_tee", "itertools", sizeof(TeeObject))) {
    tee_type.new_instance = tee_new;
    tee_type.iter = iter_self;
    tee_type.iternext = tee_next;
    tee_type.trace = trace_tee;
    add_methods(ts, tee_type, kTeeMethods);
    finish_native_type(ts, tee_type);
  }
}

}  // namespace

ModuleObject* create_itertools_module(ThreadState& ts) {
  define_iterator_types(ts);
  define_combinatoric_types(ts);
  ModuleObject* m = make_module(ts, "itertools");
  add_iterator_types(ts, m);
  for (Type* t : {&product_type, &permutations_type, &combinations_type, &cwr_type, &tee_type, &teedata_type})
    add_module_value(ts, m, t->name->data, Value(static_cast<Object*>(t)));
  add_module_functions(ts, m, kItertoolsFunctions);
  return m;
}

}  // namespace minipy
