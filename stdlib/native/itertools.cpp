// The native `itertools` module (CPython's Modules/itertoolsmodule.c): the iterators that consume other
// iterators one item at a time — count, cycle, repeat, accumulate, chain, compress, dropwhile, takewhile,
// filterfalse, starmap, zip_longest and pairwise. groupby (with its _grouper) and islice live in
// itertools_grouping.cpp, the combinatoric ones and tee in itertools_combinatoric.cpp.
//
// Pickling (__reduce__/__setstate__, deprecated since 3.12) has CPython 3.11's shapes. Left out: CPython's
// reuse of the result tuple when nobody else holds it (an optimisation only id() can see).
#include "stdlib/native/itertools.h"
#include "stdlib/native/native_support.h"
#include "vm/objects/complex.h"
#include "vm/objects/heap_type.h"

namespace minipy {

namespace {

Type count_type, cycle_type, repeat_type, accumulate_type, chain_type, compress_type, dropwhile_type,
    takewhile_type, filterfalse_type, starmap_type, zip_longest_type, pairwise_type;

// A repr of `v` as a std::string (false on error).
bool repr_text(ThreadState& ts, Value v, std::string* out) {
  Value r = py_repr(ts, v);
  if (!r) return false;
  *out = as_str(r)->view();
  return true;
}

// ---- count ------------------------------------------------------------------------------------------------------
struct CountObject : Object {
  Value count;  // the next value
  Value step;
};

// CPython's PyNumber_Check: ints, floats, complex, and objects with __index__, __int__ or __float__.
bool is_number(Value v) {
  if (is_int(v) || is_float(v)) return true;
  Type* t = type_of(v);
  return t->index || t->to_int || t->to_float || is_subtype(t, &complex_type);
}

// count(start=0, step=1): any numbers (checked as PyNumber_Check does, so Fraction and Decimal work); the
// values are produced by repeated `+`, so the type of start + step decides the items' type.
Value count_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  static const char* const kNames[] = {"start", "step"};
  Value a[2];
  if (!native::parse_args(ts, "count", args, kwnames, kNames, 0, 0, a, 2)) return Value();
  if ((a[0] && !is_number(a[0])) || (a[1] && !is_number(a[1])))
    return raise(ts, TypeError_type, "a number is required");
  auto* c = alloc_instance<CountObject>(ts, type);
  c->count = a[0] ? a[0] : Value::small_int(0);
  c->step = a[1] ? a[1] : Value::small_int(1);
  return Value(c);
}

// Computes the following value before giving the current one, as CPython's count_nextlong: an addition that
// fails raises in place of the current value (which the next call offers again).
Value count_next(ThreadState& ts, Value self) {
  auto* c = as<CountObject>(self);
  Value result = c->count;
  Value next = binary_op(ts, result, c->step, kOpAdd);
  if (!next) return next;
  c->count = next;
  return result;
}

// The step is left out when it is the int 1 (a float 1.0 is shown).
bool step_is_one(Value step) { return step.is_small_int() && step == Value::small_int(1); }

Value count_repr(ThreadState& ts, Value self) {
  auto* c = as<CountObject>(self);
  std::string start, step;
  if (!repr_text(ts, c->count, &start)) return Value();
  if (step_is_one(c->step)) return make_str(ts, fmt::format("{}({})", type_of(self)->name->view(), start));
  if (!repr_text(ts, c->step, &step)) return Value();
  return make_str(ts, fmt::format("{}({}, {})", type_of(self)->name->view(), start, step));
}

// count(start) or count(start, step), as CPython 3.11 pickles it.
Value count_reduce(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  auto* c = as<CountObject>(self);
  Value cls(type_of(self));
  Value both[2] = {c->count, c->step};
  Value args(make_tuple(ts, std::span<const Value>(both, step_is_one(c->step) ? 1 : 2)));
  Value items[2] = {cls, args};
  return Value(make_tuple(ts, items));
}

void trace_count(Object* self, Tracer& tracer) {
  tracer.visit(static_cast<CountObject*>(self)->count);
  tracer.visit(static_cast<CountObject*>(self)->step);
}

// ---- cycle ------------------------------------------------------------------------------------------------------
struct CycleObject : Object {
  Value iterator;     // null once exhausted (then the saved items repeat)
  ListObject* saved;  // the items seen during the first pass
  int64_t index;      // the next saved item to give back
  bool firstpass;     // set by __setstate__: `saved` is already complete, so items are not appended again
};

// cycle(iterable): the first pass stores each item as it is produced; later passes replay the saved list, so
// the iterable is consumed exactly once (an empty one makes cycle end at once).
Value cycle_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  if (keywords_refused(ts, type, &cycle_type, "cycle", kwnames)) return Value();
  args = args.first(positional_count(args, kwnames));
  if (!exact_args(ts, "cycle", args, nullptr, 1, 1)) return Value();
  Value it = get_iter(ts, args[0]);
  if (!it) return it;
  ListObject* saved = make_list(ts, 0);
  auto* c = alloc_instance<CycleObject>(ts, type);
  c->iterator = it;
  c->saved = saved;
  return Value(c);
}

Value cycle_next(ThreadState& ts, Value self) {
  auto* c = as<CycleObject>(self);
  if (c->iterator) {
    Value v = iter_next(ts, c->iterator);
    if (v) {
      if (!c->firstpass && !list_append(ts, c->saved, v)) return Value();
      return v;
    }
    if (ts.current_exception) return v;
    c->iterator = Value();
  }
  if (c->saved->size == 0) return Value();
  Value v = c->saved->items[c->index++];
  if (c->index >= c->saved->size) c->index = 0;
  return v;
}

void trace_cycle(Object* self, Tracer& tracer) {
  tracer.visit(static_cast<CycleObject*>(self)->iterator);
  tracer.visit(static_cast<CycleObject*>(self)->saved);
}

// ---- repeat -----------------------------------------------------------------------------------------------------
struct RepeatObject : Object {
  Value element;
  int64_t remaining;  // -1: forever
};

// repeat(object[, times]): a negative times counts as 0, as in CPython.
Value repeat_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  static const char* const kNames[] = {"object", "times"};
  Value a[2];
  if (!native::parse_args(ts, "repeat", args, kwnames, kNames, 1, 0, a, 2)) return Value();
  int64_t times = -1;
  if (a[1]) {
    if (!index_to_int64(ts, a[1], &times, "Python int too large to convert to C ssize_t")) return Value();
    if (times < 0) times = 0;  // repeat(x, -1) repeats nothing
  }
  auto* r = alloc_instance<RepeatObject>(ts, type);
  r->element = a[0];
  r->remaining = times;
  return Value(r);
}

Value repeat_next(ThreadState&, Value self) {
  auto* r = as<RepeatObject>(self);
  if (r->remaining == 0) return Value();
  if (r->remaining > 0) r->remaining--;
  return r->element;
}

Value repeat_repr(ThreadState& ts, Value self) {
  auto* r = as<RepeatObject>(self);
  std::string element;
  if (!repr_text(ts, r->element, &element)) return Value();
  if (r->remaining < 0) return make_str(ts, fmt::format("{}({})", type_of(self)->name->view(), element));
  return make_str(ts, fmt::format("{}({}, {})", type_of(self)->name->view(), element, r->remaining));
}

Value repeat_length_hint(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  auto* r = as<RepeatObject>(self);
  if (r->remaining < 0) return raise(ts, TypeError_type, "len() of unsized object");
  return make_int(ts, r->remaining);
}

Value repeat_reduce(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  auto* r = as<RepeatObject>(self);
  Value both[2] = {r->element, make_int(ts, r->remaining)};
  Value args(make_tuple(ts, std::span<const Value>(both, r->remaining < 0 ? 1 : 2)));
  Value items[2] = {Value(type_of(self)), args};
  return Value(make_tuple(ts, items));
}

void trace_repeat(Object* self, Tracer& tracer) { tracer.visit(static_cast<RepeatObject*>(self)->element); }

// ---- accumulate -------------------------------------------------------------------------------------------------
struct AccumulateObject : Object {
  Value iterator;
  Value func;     // null: addition
  Value total;    // null before the first item
  Value initial;  // given back first, then null
};

// accumulate(iterable, func=None, *, initial=None): func None means `+` (binary_op, so any addable items).
Value accumulate_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  static const char* const kNames[] = {"iterable", "func", "initial"};
  Value a[3];
  if (!native::parse_args(ts, "accumulate", args, kwnames, kNames, 1, 0, a, 2)) return Value();
  Value it = get_iter(ts, a[0]);
  if (!it) return it;
  auto* acc = alloc_instance<AccumulateObject>(ts, type);
  acc->iterator = it;
  acc->func = a[1] && !is_none(a[1]) ? a[1] : Value();
  acc->initial = a[2] && !is_none(a[2]) ? a[2] : Value();
  return Value(acc);
}

// `initial` comes out first and seeds the total; after that each item is folded in with func(total, item),
// and the running total is what is yielded.
Value accumulate_next(ThreadState& ts, Value self) {
  auto* acc = as<AccumulateObject>(self);
  if (acc->initial) {
    acc->total = acc->initial;
    acc->initial = Value();
    return acc->total;
  }
  Value v = iter_next(ts, acc->iterator);
  if (!v) return v;
  if (acc->total) {
    Value pair[2] = {acc->total, v};
    v = acc->func ? call(ts, acc->func, pair) : binary_op(ts, acc->total, v, kOpAdd);
    if (!v) return v;
  }
  acc->total = v;
  return v;
}

void trace_accumulate(Object* self, Tracer& tracer) {
  auto* acc = static_cast<AccumulateObject*>(self);
  tracer.visit(acc->iterator);
  tracer.visit(acc->func);
  tracer.visit(acc->total);
  tracer.visit(acc->initial);
}

// ---- chain ------------------------------------------------------------------------------------------------------
struct ChainObject : Object {
  Value source;  // iterator over the iterables; null when exhausted
  Value active;  // iterator over the current iterable; null between iterables
};

// A chain over `source`, an iterator yielding the iterables; each is turned into an iterator only when the
// previous one is exhausted (chain.from_iterable works on infinite sources).
Value make_chain(ThreadState& ts, Type* type, Value source) {
  auto* c = alloc_instance<ChainObject>(ts, type);
  c->source = source;
  return Value(c);
}

Value chain_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  if (keywords_refused(ts, type, &chain_type, "chain", kwnames)) return Value();
  Value source = get_iter(ts, Value(make_tuple(ts, args.first(positional_count(args, kwnames)))));
  if (!source) return source;
  return make_chain(ts, type, source);
}

Value chain_from_iterable(ThreadState& ts, Value cls, std::span<const Value> args, TupleObject* kwnames) {
  if (!no_keywords(ts, "from_iterable", kwnames)) return Value();
  if (args.size() != 1)
    return raise_fmt(ts, TypeError_type, "chain.from_iterable() takes exactly one argument ({} given)", args.size());
  Value source = get_iter(ts, args[0]);
  if (!source) return source;
  return make_chain(ts, as_type(cls), source);
}

// Once the source is exhausted (or raised) the chain drops it and stays exhausted, as CPython's chain_next.
Value chain_next(ThreadState& ts, Value self) {
  auto* c = as<ChainObject>(self);
  while (c->source) {
    if (!c->active) {
      Value iterable = iter_next(ts, c->source);
      if (!iterable) {
        c->source = Value();
        return Value();
      }
      Value it = get_iter(ts, iterable);
      if (!it) return it;
      c->active = it;
    }
    Value v = iter_next(ts, c->active);
    if (v || ts.current_exception) return v;
    c->active = Value();
  }
  return Value();
}

void trace_chain(Object* self, Tracer& tracer) {
  tracer.visit(static_cast<ChainObject*>(self)->source);
  tracer.visit(static_cast<ChainObject*>(self)->active);
}

// ---- compress, dropwhile, takewhile, filterfalse, starmap: an iterator and a function --------------------------
struct FilterObject : Object {
  Value func;      // the predicate, function or selectors iterator
  Value iterator;
  bool switched;   // dropwhile: started yielding; takewhile: stopped
};

void trace_filter(Object* self, Tracer& tracer) {
  tracer.visit(static_cast<FilterObject*>(self)->func);
  tracer.visit(static_cast<FilterObject*>(self)->iterator);
}

Value make_filter(ThreadState& ts, Type* type, Value func, Value iterable) {
  Value it = get_iter(ts, iterable);
  if (!it) return it;
  auto* f = alloc_instance<FilterObject>(ts, type);
  f->func = func;
  f->iterator = it;
  return Value(f);
}

Value compress_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  static const char* const kNames[] = {"data", "selectors"};
  Value a[2];
  if (!native::parse_args(ts, "compress", args, kwnames, kNames, 2, 0, a, 2)) return Value();
  Value data = get_iter(ts, a[0]);
  if (!data) return data;
  Value selectors = get_iter(ts, a[1]);
  if (!selectors) return selectors;
  auto* f = alloc_instance<FilterObject>(ts, type);
  f->func = selectors;
  f->iterator = data;
  return Value(f);
}

// Stops at the shorter of data and selectors; a datum is consumed before its selector is asked for.
Value compress_next(ThreadState& ts, Value self) {
  auto* f = as<FilterObject>(self);
  for (;;) {
    Value datum = iter_next(ts, f->iterator);
    if (!datum) return datum;
    Value selector = iter_next(ts, f->func);
    if (!selector) return selector;
    int ok = py_truth(ts, selector);
    if (ok < 0) return Value();
    if (ok) return datum;
  }
}

constexpr char kDropwhile[] = "dropwhile", kTakewhile[] = "takewhile", kFilterfalse[] = "filterfalse",
               kStarmap[] = "starmap";

// dropwhile, takewhile, filterfalse and starmap take (function, iterable), positionally only.
template <const char* kName>
Value predicate_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  // As CPython: keywords are refused unless a subclass's __init__ may want them.
  Type* base = kName == kDropwhile     ? &dropwhile_type
               : kName == kTakewhile   ? &takewhile_type
               : kName == kFilterfalse ? &filterfalse_type
                                       : &starmap_type;
  if (keywords_refused(ts, type, base, kName, kwnames)) return Value();
  args = args.first(positional_count(args, kwnames));
  if (!exact_args(ts, kName, args, nullptr, 2, 2)) return Value();
  return make_filter(ts, type, args[0], args[1]);
}

// The predicate's verdict on `v`: 1, 0, -1 on error.
int test(ThreadState& ts, Value func, Value v) {
  Value r = call1(ts, func, v);
  if (!r) return -1;
  return py_truth(ts, r);
}

// After the first item the predicate rejects, every later item passes without calling it again.
Value dropwhile_next(ThreadState& ts, Value self) {
  auto* f = as<FilterObject>(self);
  for (;;) {
    Value v = iter_next(ts, f->iterator);
    if (!v || f->switched) return v;
    int ok = test(ts, f->func, v);
    if (ok < 0) return Value();
    if (!ok) {
      f->switched = true;
      return v;
    }
  }
}

// The first rejected item is consumed and lost (as in CPython); afterwards the iterator stays exhausted.
Value takewhile_next(ThreadState& ts, Value self) {
  auto* f = as<FilterObject>(self);
  if (f->switched) return Value();
  Value v = iter_next(ts, f->iterator);
  if (!v) return v;
  int ok = test(ts, f->func, v);
  if (ok < 0) return Value();
  if (ok) return v;
  f->switched = true;
  return Value();
}

// A None predicate (or bool itself) means "the item's own truth", without a call.
Value filterfalse_next(ThreadState& ts, Value self) {
  auto* f = as<FilterObject>(self);
  for (;;) {
    Value v = iter_next(ts, f->iterator);
    if (!v) return v;
    int ok = is_none(f->func) || f->func == Value(&bool_type) ? py_truth(ts, v) : test(ts, f->func, v);
    if (ok < 0) return Value();
    if (!ok) return v;
  }
}

// function(*args) for each args item; a non-tuple item is unpacked as any iterable.
Value starmap_next(ThreadState& ts, Value self) {
  auto* f = as<FilterObject>(self);
  Value args = iter_next(ts, f->iterator);
  if (!args) return args;
  std::span<Value> items;
  Value storage;
  if (!is_tuple(args)) {
    // CPython converts with PySequence_Tuple, which accepts any iterable.
    if (!sequence_items(ts, args, &items, &storage)) return Value();
  } else {
    items = as<TupleObject>(args)->span();
  }
  return call(ts, f->func, items);
}

Value filter_reduce(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  auto* f = as<FilterObject>(self);
  Value both[2] = {f->func, f->iterator};
  Value args(make_tuple(ts, both));
  Value items[2] = {Value(type_of(self)), args};
  return Value(make_tuple(ts, items));
}

// ---- zip_longest ------------------------------------------------------------------------------------------------
struct ZipLongestObject : Object {
  TupleObject* iterators;  // an item becomes null when that iterator is exhausted
  int64_t active;          // iterators not yet exhausted; 0 ends the iteration
  Value fillvalue;
};

// zip_longest(*iterables, fillvalue=None): only the one keyword is accepted, with CPython's message
// otherwise. The tuple of iterators is filled with None first so a collection during get_iter sees valid items.
Value zip_longest_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  size_t npos = positional_count(args, kwnames);
  Value fillvalue = None();
  for (int64_t k = 0; kwnames && k < kwnames->size; k++) {
    if (as_str(kwnames->items[k])->view() != "fillvalue" || kwnames->size > 1)
      return raise(ts, TypeError_type, "zip_longest() got an unexpected keyword argument");
    fillvalue = args[npos + static_cast<size_t>(k)];
  }
  TupleObject* its = make_tuple(ts, static_cast<int64_t>(npos));
  for (size_t i = 0; i < npos; i++) its->items[i] = None();
  for (size_t i = 0; i < npos; i++) {
    Value it = get_iter(ts, args[i]);
    if (!it) return it;
    its->items[i] = it;
  }
  auto* z = alloc_instance<ZipLongestObject>(ts, type);
  z->iterators = its;
  z->active = static_cast<int64_t>(npos);
  z->fillvalue = fillvalue;
  return Value(z);
}

// Exhausted iterators are replaced by null and filled in with fillvalue; when the last one runs out the
// iteration ends without yielding that partly filled tuple.
Value zip_longest_next(ThreadState& ts, Value self) {
  auto* z = as<ZipLongestObject>(self);
  int64_t n = z->iterators->size;
  if (n == 0 || z->active == 0) return Value();
  TupleObject* result = make_tuple(ts, n);
  for (int64_t i = 0; i < n; i++) result->items[i] = None();
  for (int64_t i = 0; i < n; i++) {
    Value it = z->iterators->items[i];
    Value v;
    if (it) {
      v = iter_next(ts, it);
      if (!v) {
        if (ts.current_exception) return Value();
        z->iterators->items[i] = Value();
        if (--z->active == 0) return Value();
      }
    }
    result->items[i] = v ? v : z->fillvalue;
  }
  return Value(result);
}

Value zip_longest_reduce(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  auto* z = as<ZipLongestObject>(self);
  // Exhausted iterators are pickled as empty tuples, as CPython does.
  TupleObject* its = make_tuple(ts, z->iterators->size);
  for (int64_t i = 0; i < its->size; i++) its->items[i] = ts.interp->empty_tuple;
  for (int64_t i = 0; i < its->size; i++)
    if (z->iterators->items[i]) its->items[i] = z->iterators->items[i];
  Value items[3] = {Value(type_of(self)), Value(its), z->fillvalue};
  return Value(make_tuple(ts, items));
}

// __setstate__(fillvalue), the state zip_longest's __reduce__ gives.
Value zip_longest_setstate(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!no_keywords(ts, "__setstate__", kwnames) || !check_arg_count(ts, "__setstate__", args.size(), 1, 1))
    return Value();
  as<ZipLongestObject>(self)->fillvalue = args[0];
  return None();
}

void trace_zip_longest(Object* self, Tracer& tracer) {
  auto* z = static_cast<ZipLongestObject*>(self);
  tracer.visit(z->iterators);
  tracer.visit(z->fillvalue);
}

// ---- pairwise ---------------------------------------------------------------------------------------------------
struct PairwiseObject : Object {
  Value iterator;  // null once exhausted
  Value previous;  // null before the first item
};

Value pairwise_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  if (type == &pairwise_type && !no_keywords(ts, "pairwise", kwnames)) return Value();
  if (!exact_args(ts, "pairwise", args, nullptr, 1, 1)) return Value();
  Value it = get_iter(ts, args[0]);
  if (!it) return it;
  auto* p = alloc_instance<PairwiseObject>(ts, type);
  p->iterator = it;
  return Value(p);
}

// (a, b), (b, c), ...: the previous item is kept between calls; fewer than two items yield nothing.
Value pairwise_next(ThreadState& ts, Value self) {
  auto* p = as<PairwiseObject>(self);
  if (!p->iterator) return Value();
  if (!p->previous) {
    p->previous = iter_next(ts, p->iterator);
    if (!p->previous) {
      p->iterator = Value();
      return Value();
    }
  }
  Value v = iter_next(ts, p->iterator);
  if (!v) {
    p->iterator = Value();
    p->previous = Value();
    return v;
  }
  Value pair[2] = {p->previous, v};
  p->previous = v;
  return Value(make_tuple(ts, pair));
}

void trace_pairwise(Object* self, Tracer& tracer) {
  tracer.visit(static_cast<PairwiseObject*>(self)->iterator);
  tracer.visit(static_cast<PairwiseObject*>(self)->previous);
}

// ---- pickling (__reduce__/__setstate__), with CPython 3.11's shapes so pickles travel between the two --------
#define PICKLE_FN(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)


PICKLE_FN(accumulate_reduce) {
  (void)args, (void)kwnames;
  auto* acc = as<AccumulateObject>(self);
  if (acc->initial) {
    // Not started: the initial value goes in front of the rest, through a chain.
    Value first = Value(make_tuple(ts, {&acc->initial, 1}));
    Value parts[2] = {first, acc->iterator};
    Value chained = make_chain(ts, &chain_type, get_iter(ts, Value(make_tuple(ts, parts))));
    return reduce_value(ts, self, {chained, or_none(acc->func)}, None());
  }
  if (acc->total && is_none(acc->total)) {
    // A running total of None cannot be a state (None means "not started"): CPython restarts from a chain and
    // skips the first item with islice.
    Value parts[2] = {Value(make_list(ts, {&acc->total, 1})), acc->iterator};
    Value chained = make_chain(ts, &chain_type, get_iter(ts, Value(make_tuple(ts, parts))));
    Value call_args[2] = {chained, or_none(acc->func)};
    Value restarted = call(ts, Value(type_of(self)), call_args);
    if (!restarted) return restarted;
    Value items[2] = {Value(&islice_type), Value()};
    Value islice_args[3] = {restarted, Value::small_int(1), None()};
    items[1] = Value(make_tuple(ts, islice_args));
    return Value(make_tuple(ts, items));
  }
  return reduce_value(ts, self, {acc->iterator, or_none(acc->func)}, or_none(acc->total));
}
PICKLE_FN(accumulate_setstate) {
  if (!setstate_arguments(ts, args, kwnames)) return Value();
  as<AccumulateObject>(self)->total = args[0];
  return None();
}

PICKLE_FN(chain_reduce) {
  (void)args, (void)kwnames;
  auto* c = as<ChainObject>(self);
  if (!c->source) return reduce_value(ts, self, {});
  Value state[2] = {c->source, c->active};
  return reduce_value(ts, self, {}, Value(make_tuple(ts, {state, static_cast<size_t>(c->active ? 2 : 1)})));
}
PICKLE_FN(chain_setstate) {
  if (!setstate_arguments(ts, args, kwnames)) return Value();
  TupleObject* state;
  if (!state_tuple(ts, args[0], 1, 2, &state)) return Value();
  for (int64_t i = 0; i < state->size; i++)
    if (!type_of(state->items[i])->iternext) return raise(ts, TypeError_type, "Arguments must be iterators.");
  auto* c = as<ChainObject>(self);
  c->source = state->items[0];
  c->active = state->size > 1 ? state->items[1] : Value();
  return None();
}

PICKLE_FN(cycle_reduce) {
  (void)args, (void)kwnames;
  auto* c = as<CycleObject>(self);
  if (!c->iterator) {
    // Exhausted source: an iterator over the saved items at the current position, with the saved list as state.
    Value it = get_iter(ts, Value(c->saved));
    if (!it) return it;
    if (c->index != 0) {
      Value position = Value::small_int(c->index);
      if (!call_method(ts, it, intern(ts, "__setstate__"), {&position, 1})) return Value();
    }
    Value state[2] = {Value(c->saved), True()};
    return reduce_value(ts, self, {it}, Value(make_tuple(ts, state)));
  }
  Value state[2] = {Value(c->saved), Bool(c->firstpass)};
  return reduce_value(ts, self, {c->iterator}, Value(make_tuple(ts, state)));
}
PICKLE_FN(cycle_setstate) {
  if (!setstate_arguments(ts, args, kwnames)) return Value();
  TupleObject* state;
  if (!state_tuple(ts, args[0], 2, 2, &state)) return Value();
  if (type_of(state->items[0]) != &list_type)
    return raise_fmt(ts, TypeError_type, "argument 1 must be list, not {}", type_name(state->items[0]));
  int64_t firstpass;
  if (!index_to_int64(ts, state->items[1], &firstpass)) return Value();
  auto* c = as<CycleObject>(self);
  c->saved = as<ListObject>(state->items[0]);
  c->firstpass = firstpass != 0;
  c->index = 0;
  return None();
}

// dropwhile and takewhile: (type, (predicate, iterator), switched).
PICKLE_FN(predicate_reduce) {
  (void)args, (void)kwnames;
  auto* f = as<FilterObject>(self);
  return reduce_value(ts, self, {f->func, f->iterator}, Bool(f->switched));
}
PICKLE_FN(predicate_setstate) {
  if (!setstate_arguments(ts, args, kwnames)) return Value();
  int truth = py_truth(ts, args[0]);
  if (truth < 0) return Value();
  as<FilterObject>(self)->switched = truth;
  return None();
}

PICKLE_FN(compress_reduce) {
  (void)args, (void)kwnames;
  auto* f = as<FilterObject>(self);
  return reduce_value(ts, self, {f->iterator, f->func});  // (data, selectors)
}

#undef PICKLE_FN

// ---- the type table ---------------------------------------------------------------------------------------------
const MethodDef kCountMethods[] = {{"__reduce__", count_reduce}};
const MethodDef kRepeatMethods[] = {{"__length_hint__", repeat_length_hint}, {"__reduce__", repeat_reduce}};
const MethodDef kChainMethods[] = {{"from_iterable", chain_from_iterable, kMethodClass},
                                   kClassGetitemMethod[0],
                                   {"__reduce__", chain_reduce},
                                   {"__setstate__", chain_setstate}};
const MethodDef kStarmapMethods[] = {{"__reduce__", filter_reduce}};
const MethodDef kAccumulateMethods[] = {{"__reduce__", accumulate_reduce}, {"__setstate__", accumulate_setstate}};
const MethodDef kCycleMethods[] = {{"__reduce__", cycle_reduce}, {"__setstate__", cycle_setstate}};
const MethodDef kPredicateMethods[] = {{"__reduce__", predicate_reduce}, {"__setstate__", predicate_setstate}};
const MethodDef kCompressMethods[] = {{"__reduce__", compress_reduce}};
const MethodDef kZipLongestMethods[] = {{"__reduce__", zip_longest_reduce}, {"__setstate__", zip_longest_setstate}};


}  // namespace

void define_iterator_types(ThreadState& ts) {
  const IteratorTypeRow rows[] = {
      {&count_type, "count", sizeof(CountObject), count_new, count_next, trace_count, kCountMethods},
      {&cycle_type, "cycle", sizeof(CycleObject), cycle_new, cycle_next, trace_cycle, kCycleMethods},
      {&repeat_type, "repeat", sizeof(RepeatObject), repeat_new, repeat_next, trace_repeat, kRepeatMethods},
      {&accumulate_type, "accumulate", sizeof(AccumulateObject), accumulate_new, accumulate_next, trace_accumulate,
       kAccumulateMethods},
      {&chain_type, "chain", sizeof(ChainObject), chain_new, chain_next, trace_chain, kChainMethods},
      {&compress_type, "compress", sizeof(FilterObject), compress_new, compress_next, trace_filter, kCompressMethods},
      {&dropwhile_type, "dropwhile", sizeof(FilterObject), predicate_new<kDropwhile>, dropwhile_next, trace_filter,
       kPredicateMethods},
      {&takewhile_type, "takewhile", sizeof(FilterObject), predicate_new<kTakewhile>, takewhile_next, trace_filter,
       kPredicateMethods},
      {&filterfalse_type, "filterfalse", sizeof(FilterObject), predicate_new<kFilterfalse>, filterfalse_next,
       trace_filter, kStarmapMethods},
      {&starmap_type, "starmap", sizeof(FilterObject), predicate_new<kStarmap>, starmap_next, trace_filter,
       kStarmapMethods},
      {&zip_longest_type, "zip_longest", sizeof(ZipLongestObject), zip_longest_new, zip_longest_next,
       trace_zip_longest, kZipLongestMethods},
      {&pairwise_type, "pairwise", sizeof(PairwiseObject), pairwise_new, pairwise_next, trace_pairwise, {}},
  };
  define_iterator_rows(ts, rows);
  count_type.repr = count_repr;
  repeat_type.repr = repeat_repr;
  define_grouping_types(ts);
}

void define_iterator_rows(ThreadState& ts, std::span<const IteratorTypeRow> rows) {
  for (const IteratorTypeRow& row : rows) {
    uint32_t flags = row.subclassable ? uint32_t{kTypeBaseType} : 0u;
    if (!begin_native_type(ts, *row.type, row.name, "itertools", row.size, flags)) continue;
    Type& t = *row.type;
    t.new_instance = row.new_instance;
    t.iter = iter_self;
    t.iternext = row.next;
    t.trace = row.trace;
    add_methods(ts, t, row.methods);
    finish_native_type(ts, t);
  }
}

// A tuple state of `min`..`max` items (CPython: "state is not a tuple", then its argument-parsing message).
bool state_tuple(ThreadState& ts, Value state, int64_t min, int64_t max, TupleObject** out) {
  if (!is_tuple(state)) return raise(ts, TypeError_type, "state is not a tuple"), false;
  auto* t = as<TupleObject>(state);
  if (t->size < min || t->size > max) {
    raise_fmt(ts, TypeError_type, "function takes {} {} argument{} ({} given)", min == max ? "exactly" : "at least",
              t->size < min ? min : max, (t->size < min ? min : max) == 1 ? "" : "s", t->size);
    return false;
  }
  *out = t;
  return true;
}


void add_iterator_types(ThreadState& ts, ModuleObject* m) {
  // The module's attribute order as before the split: groupby, _grouper and islice between starmap and zip_longest.
  for (Type* t : {&count_type, &cycle_type, &repeat_type, &accumulate_type, &chain_type, &compress_type,
                  &dropwhile_type, &takewhile_type, &filterfalse_type, &starmap_type})
    add_module_value(ts, m, t->name->data, Value(static_cast<Object*>(t)));
  add_grouping_types(ts, m);
  for (Type* t : {&zip_longest_type, &pairwise_type}) add_module_value(ts, m, t->name->data, Value(static_cast<Object*>(t)));
}

}  // namespace minipy
