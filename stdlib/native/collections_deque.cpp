// collections.deque and its iterators (_deque_iterator, _deque_reverse_iterator), from CPython's
// Modules/_collectionsmodule.c. The items live in a circular buffer (malloc'd, a power of two long) instead of
// CPython's linked blocks; what Python code can see is the same: O(1) appends and pops at both ends, maxlen
// dropping items from the opposite end, rotate, indexing, and iterators that fail with "deque mutated during
// iteration" once the deque changes size under them.
//
// Left out: __sizeof__.
#include <new>
#include <cstdlib>

#include "stdlib/native/collections.h"
#include "stdlib/native/native_support.h"
#include "vm/objects/sequence.h"

namespace minipy {

Type deque_type;

namespace {

Type deque_iterator_type, deque_reverse_iterator_type;

struct DequeObject : Object {
  Value* items;      // malloc'd circular buffer of `capacity` slots
  int64_t capacity;  // a power of two, or 0 before the first item
  int64_t head;      // slot of item 0
  int64_t size;
  int64_t maxlen;    // -1: unbounded
  uint64_t state;    // changes with every mutation that moves items (iterators compare it)
};

struct DequeIterObject : Object {
  DequeObject* deque;
  int64_t index;    // the next position to give (counting from the end for the reverse iterator)
  uint64_t state;   // the deque's state when the iterator was made
  int64_t counter;  // items left
};

DequeObject* as_deque(Value v) { return static_cast<DequeObject*>(v.as_object()); }
bool is_deque(Value v) { return v.is_object() && is_subtype(type_of(v), &deque_type); }
Value& at(DequeObject* d, int64_t i) { return d->items[(d->head + i) & (d->capacity - 1)]; }

// Only the live slots are traced; popped slots are cleared, so a popped item is collectable at once.
void trace_deque(Object* self, Tracer& tracer) {
  auto* d = static_cast<DequeObject*>(self);
  for (int64_t i = 0; i < d->size; i++) tracer.visit(at(d, i));
}
void finalize_deque(Object* self) { std::free(static_cast<DequeObject*>(self)->items); }

// Room for one more item.
// Doubling keeps appends amortised O(1); the items are unrolled to start at slot 0 so `head` restarts there.
void grow(DequeObject* d) {
  if (d->size < d->capacity) return;
  int64_t capacity = d->capacity ? d->capacity * 2 : 8;
  auto* items = static_cast<Value*>(std::calloc(static_cast<size_t>(capacity), sizeof(Value)));
  if (!items) throw std::bad_alloc();  // MemoryError at the call boundary (vm/memory/out_of_memory.h)
  for (int64_t i = 0; i < d->size; i++) items[i] = at(d, i);
  std::free(d->items);
  d->items = items;
  d->capacity = capacity;
  d->head = 0;
}

Value pop_right(DequeObject* d) {
  Value& slot = at(d, d->size - 1);
  Value v = slot;
  slot = Value();
  d->size--;
  d->state++;
  return v;
}
Value pop_left(DequeObject* d) {
  Value& slot = at(d, 0);
  Value v = slot;
  slot = Value();
  d->head = (d->head + 1) & (d->capacity - 1);
  d->size--;
  d->state++;
  return v;
}
// With maxlen reached, the item at the opposite end is dropped first (maxlen 0 keeps nothing), as CPython.
void push_right(DequeObject* d, Value v) {
  if (d->maxlen == 0) return;
  if (d->size == d->maxlen) pop_left(d);
  grow(d);
  at(d, d->size) = v;
  d->size++;
  d->state++;
}
void push_left(DequeObject* d, Value v) {
  if (d->maxlen == 0) return;
  if (d->size == d->maxlen) pop_right(d);
  grow(d);
  d->head = (d->head - 1) & (d->capacity - 1);
  at(d, 0) = v;
  d->size++;
  d->state++;
}
void clear(DequeObject* d) {
  while (d->size) pop_right(d);
}

// The deque's items as a tuple (a snapshot that user code run during comparisons cannot disturb).
TupleObject* snapshot(ThreadState& ts, DequeObject* d) {
  TupleObject* t = make_tuple(ts, d->size);
  for (int64_t i = 0; i < d->size; i++) t->items[i] = at(d, i);
  return t;
}

// Appends every item of `iterable` at the right (or left) end.
bool extend(ThreadState& ts, DequeObject* d, Value iterable, bool left) {
  // d.extend(d) must not run forever: iterate over a copy.
  if (iterable == Value(d)) iterable = Value(snapshot(ts, d));
  Value it = get_iter(ts, iterable);
  if (!it) return false;
  for (;;) {
    Value v = iter_next(ts, it);
    if (!v) return !ts.current_exception;
    left ? push_left(d, v) : push_right(d, v);
  }
}

#define DEQUE_METHOD(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

// The object is empty and unbounded until __init__, which a subclass may call with its own arguments.
Value deque_new(ThreadState& ts, Type* type, std::span<const Value>, TupleObject*) {
  auto* d = alloc_instance<DequeObject>(ts, type);
  d->maxlen = -1;
  return Value(d);
}

// deque(iterable=(), maxlen=None). __init__ on an existing deque clears it first, as CPython's deque_init.
bool deque_init(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  static const char* const kNames[] = {"iterable", "maxlen"};
  Value a[2];
  if (!native::parse_args(ts, "deque", args, kwnames, kNames, 0, 0, a, 2)) return false;
  DequeObject* d = as_deque(self);
  int64_t maxlen = -1;
  if (a[1] && !is_none(a[1])) {
    // PyLong_AsSsize_t: ints only, no __index__
    if (!is_int(a[1])) return raise(ts, TypeError_type, "an integer is required"), false;
    if (!int_to_int64(a[1], &maxlen))
      return raise(ts, OverflowError_type, "Python int too large to convert to C ssize_t"), false;
    if (maxlen < 0) return raise(ts, ValueError_type, "maxlen must be non-negative"), false;
  }
  d->maxlen = maxlen;
  clear(d);
  return !a[0] || extend(ts, d, a[0], false);
}

DEQUE_METHOD(deque_append) {
  if (!exact_args(ts, "append", args, kwnames, 1, 1)) return Value();
  push_right(as_deque(self), args[0]);
  return None();
}
DEQUE_METHOD(deque_appendleft) {
  if (!exact_args(ts, "appendleft", args, kwnames, 1, 1)) return Value();
  push_left(as_deque(self), args[0]);
  return None();
}
DEQUE_METHOD(deque_pop) {
  if (!exact_args(ts, "pop", args, kwnames, 0, 0)) return Value();
  DequeObject* d = as_deque(self);
  if (!d->size) return raise(ts, IndexError_type, "pop from an empty deque");
  return pop_right(d);
}
DEQUE_METHOD(deque_popleft) {
  if (!exact_args(ts, "popleft", args, kwnames, 0, 0)) return Value();
  DequeObject* d = as_deque(self);
  if (!d->size) return raise(ts, IndexError_type, "pop from an empty deque");
  return pop_left(d);
}
DEQUE_METHOD(deque_extend) {
  if (!exact_args(ts, "extend", args, kwnames, 1, 1)) return Value();
  return extend(ts, as_deque(self), args[0], false) ? None() : Value();
}
DEQUE_METHOD(deque_extendleft) {
  if (!exact_args(ts, "extendleft", args, kwnames, 1, 1)) return Value();
  return extend(ts, as_deque(self), args[0], true) ? None() : Value();
}
DEQUE_METHOD(deque_clear) {
  if (!exact_args(ts, "clear", args, kwnames, 0, 0)) return Value();
  clear(as_deque(self));
  return None();
}

// A new deque of self's type with self's items and maxlen.
// Used by copy(), + and *.
Value copy_deque(ThreadState& ts, Value self) {
  DequeObject* d = as_deque(self);
  if (type_of(self) == &deque_type) {
    auto* c = static_cast<DequeObject*>(deque_new(ts, &deque_type, {}, nullptr).as_object());
    c->maxlen = d->maxlen;
    for (int64_t i = 0; i < d->size; i++) push_right(c, at(d, i));
    return Value(c);
  }
  // A subclass is called as type(d)(d, maxlen) (or type(d)(d) when unbounded), as CPython does.
  Value call_args[2] = {self, d->maxlen < 0 ? None() : make_int(ts, d->maxlen)};
  return call(ts, Value(type_of(self)), std::span<const Value>(call_args, d->maxlen < 0 ? 1 : 2));
}
DEQUE_METHOD(deque_copy) {
  if (!exact_args(ts, "copy", args, kwnames, 0, 0)) return Value();
  return copy_deque(ts, self);
}

// Counts over a snapshot, but a mutation by an __eq__ is still an error (the state check), as CPython.
DEQUE_METHOD(deque_count) {
  if (!exact_args(ts, "count", args, kwnames, 1, 1)) return Value();
  DequeObject* d = as_deque(self);
  uint64_t state = d->state;
  int64_t n = 0;
  TupleObject* items = snapshot(ts, d);
  for (Value v : items->span()) {
    int eq = rich_compare_bool(ts, v, args[0], kEq);
    if (eq < 0) return Value();
    n += eq;
    if (d->state != state) return raise(ts, RuntimeError_type, "deque mutated during iteration");
  }
  return make_int(ts, n);
}

// index(x[, start[, stop]]): start and stop are clamped like slice bounds; an __eq__ that mutates the deque
// raises RuntimeError.
DEQUE_METHOD(deque_index) {
  if (!exact_args(ts, "index", args, kwnames, 1, 3)) return Value();
  DequeObject* d = as_deque(self);
  int64_t start = 0, stop = d->size;
  if (args.size() > 1 && !clamped_slice_index(ts, args[1], &start)) return Value();
  if (args.size() > 2 && !clamped_slice_index(ts, args[2], &stop)) return Value();
  adjust_index_bounds(d->size, &start, &stop);
  uint64_t state = d->state;
  for (int64_t i = start; i < stop && i < d->size; i++) {
    int eq = rich_compare_bool(ts, at(d, i), args[0], kEq);
    if (eq < 0) return Value();
    if (d->state != state) return raise(ts, RuntimeError_type, "deque mutated during iteration");
    if (eq) return make_int(ts, i);
  }
  Value r = py_repr(ts, args[0]);
  if (!r) return r;
  return raise_fmt(ts, ValueError_type, "{} is not in deque", as_str(r)->view());
}

// n is reduced modulo the size first, so rotating by a multiple of len is a no-op however large n is.
// Moves the last n items to the front (n < 0: the first -n to the back).
void rotate(DequeObject* d, int64_t n) {
  if (d->size <= 1) return;
  n %= d->size;
  if (n < 0) n += d->size;
  for (int64_t i = 0; i < n; i++) {
    Value v = pop_right(d);
    push_left(d, v);
  }
  d->state++;
}

DEQUE_METHOD(deque_rotate) {
  if (!exact_args(ts, "rotate", args, kwnames, 0, 1)) return Value();
  int64_t n = 1;
  if (!args.empty() && !index_to_int64(ts, args[0], &n, "Python int too large to convert to C ssize_t"))
    return Value();
  rotate(as_deque(self), n);
  return None();
}

DEQUE_METHOD(deque_reverse) {
  if (!exact_args(ts, "reverse", args, kwnames, 0, 0)) return Value();
  DequeObject* d = as_deque(self);
  for (int64_t i = 0, j = d->size - 1; i < j; i++, j--) std::swap(at(d, i), at(d, j));
  d->state++;
  return None();
}

// insert(i, x) clamps i into [0, len] like list.insert; a full bounded deque refuses with IndexError (it
// cannot tell which end should lose an item).
DEQUE_METHOD(deque_insert) {
  if (!exact_args(ts, "insert", args, kwnames, 2, 2)) return Value();
  DequeObject* d = as_deque(self);
  int64_t index;
  if (!index_to_int64(ts, args[0], &index, "Python int too large to convert to C ssize_t")) return Value();
  if (d->maxlen == d->size) return raise(ts, IndexError_type, "deque already at its maximum size");
  if (index < 0) index = std::max<int64_t>(0, index + d->size);
  if (index > d->size) index = d->size;
  // Rotate the insertion point to the left end, push the item there, rotate back (as CPython does).
  rotate(d, -index);
  push_left(d, args[1]);
  rotate(d, index);
  return None();
}

// Removes the item at position i.
void delete_at(DequeObject* d, int64_t i) {
  rotate(d, -i);
  pop_left(d);
  rotate(d, i);
}

DEQUE_METHOD(deque_remove) {
  if (!exact_args(ts, "remove", args, kwnames, 1, 1)) return Value();
  DequeObject* d = as_deque(self);
  uint64_t state = d->state;
  for (int64_t i = 0; i < d->size; i++) {
    int eq = rich_compare_bool(ts, at(d, i), args[0], kEq);
    if (eq < 0) return Value();
    if (d->state != state) return raise(ts, IndexError_type, "deque mutated during iteration");
    if (eq) {
      delete_at(d, i);
      return None();
    }
  }
  Value r = py_repr(ts, args[0]);
  if (!r) return r;
  return raise_fmt(ts, ValueError_type, "{} is not in deque", as_str(r)->view());
}

Value deque_maxlen(ThreadState& ts, Value, std::span<const Value> args, TupleObject*) {
  int64_t maxlen = as_deque(args[0])->maxlen;
  return maxlen < 0 ? None() : make_int(ts, maxlen);
}

// Pickles as CPython 3.11: (type, (), state, iterator) or (type, ((), maxlen), state, iterator), where state
// is the instance dict of a subclass (None when empty) and the iterator refills the new deque.
DEQUE_METHOD(deque_reduce) {
  if (!exact_args(ts, "__reduce__", args, kwnames, 0, 0)) return Value();
  DequeObject* d = as_deque(self);
  Value state = None();
  if (DictObject** slot = instance_dict_slot(self); slot && *slot && (*slot)->used) state = Value(*slot);
  // (type, (), state, iter) when unbounded, else (type, ((), maxlen), state, iter)
  Value ctor_args[2] = {Value(ts.interp->empty_tuple), d->maxlen < 0 ? None() : make_int(ts, d->maxlen)};
  Value it = get_iter(ts, self);
  if (!it) return it;
  Value args_tuple = d->maxlen < 0 ? ts.interp->empty_tuple : Value(make_tuple(ts, ctor_args));
  Value parts[4] = {Value(type_of(self)), args_tuple, state, it};
  return Value(make_tuple(ts, parts));
}

// ---- protocols --------------------------------------------------------------------------------------------------
int64_t deque_length(ThreadState&, Value self) { return as_deque(self)->size; }


// An int index normalised to [0, size); IndexError otherwise.
// deque indexes must be ints (no slices), with CPython's "sequence index must be integer" message.
bool deque_position(ThreadState& ts, DequeObject* d, Value key, int64_t* out) {
  if (!is_int(key) && !type_of(key)->index)
    return raise_fmt(ts, TypeError_type, "sequence index must be integer, not '{}'", type_name(key)), false;
  return sequence_index(ts, key, &d->size, out, "deque index out of range");
}

Value deque_getitem(ThreadState& ts, Value self, Value key) {
  DequeObject* d = as_deque(self);
  int64_t i;
  if (!deque_position(ts, d, key, &i)) return Value();
  return at(d, i);
}

bool deque_setitem(ThreadState& ts, Value self, Value key, Value value) {
  DequeObject* d = as_deque(self);
  int64_t i;
  if (!deque_position(ts, d, key, &i)) return false;
  if (value) {
    at(d, i) = value;
  } else {
    delete_at(d, i);
  }
  return true;
}

int deque_contains(ThreadState& ts, Value self, Value item) {
  DequeObject* d = as_deque(self);
  uint64_t state = d->state;
  for (int64_t i = 0; i < d->size; i++) {
    int eq = rich_compare_bool(ts, at(d, i), item, kEq);
    if (eq) return eq;
    if (d->state != state) return raise(ts, RuntimeError_type, "deque mutated during iteration"), -1;
  }
  return 0;
}

// deque([1, 2]) or deque([1, 2], maxlen=5); a deque that contains itself shows [...] for the inner one.
Value deque_repr(ThreadState& ts, Value self) {
  ReprGuard guard(ts, self.as_object());
  if (guard.recursive()) return Value(make_str(ts, "[...]"));
  DequeObject* d = as_deque(self);
  TupleObject* items = snapshot(ts, d);
  Value list(make_list(ts, items->span()));
  Value text = py_repr(ts, list);
  if (!text) return text;
  std::string_view name = type_of(self)->name->view();
  if (d->maxlen < 0) return make_str(ts, fmt::format("{}({})", name, as_str(text)->view()));
  return make_str(ts, fmt::format("{}({}, maxlen={})", name, as_str(text)->view(), d->maxlen));
}

// Deques compare like lists, over snapshots so that __eq__ code changing either deque cannot invalidate the
// walk; a deque never equals a list.
Value deque_richcompare(ThreadState& ts, Value a, Value b, int op) {
  if (!is_deque(a) || !is_deque(b)) return NotImplemented();
  return sequence_compare(ts, Value(snapshot(ts, as_deque(a))), Value(snapshot(ts, as_deque(b))), op);
}

Value deque_concat(ThreadState& ts, Value a, Value b) {
  if (!is_deque(a)) return NotImplemented();
  if (!is_deque(b))
    return raise_fmt(ts, TypeError_type, "can only concatenate deque (not \"{}\") to deque", type_name(b));
  Value result = copy_deque(ts, a);
  if (!result || !extend(ts, as_deque(result), b, false)) return Value();
  return result;
}

Value deque_inplace_concat(ThreadState& ts, Value a, Value b) {
  if (!is_deque(a)) return NotImplemented();
  return extend(ts, as_deque(a), b, false) ? a : Value();
}

// d *= n in place: the items repeated n times (only the last maxlen kept).
// A bounded deque keeps the last maxlen items of the repetition, and once more than maxlen items were pushed
// those no longer depend on the number of copies (each copy ends the same way), so the loop may stop early.
Value repeat_in_place(ThreadState& ts, Value self, Value count) {
  int64_t n;
  if (!is_int(count) && !type_of(count)->index) return NotImplemented();
  if (!index_to_int64(ts, count, &n, "Python int too large to convert to C ssize_t")) return Value();
  DequeObject* d = as_deque(self);
  if (n <= 0) {
    clear(d);
    return self;
  }
  TupleObject* items = snapshot(ts, d);
  for (int64_t k = 1; k < n; k++) {
    for (Value v : items->span()) push_right(d, v);
    if (d->maxlen >= 0 && d->size == d->maxlen && k * items->size > 2 * d->maxlen) break;
  }
  return self;
}

Value deque_repeat(ThreadState& ts, Value a, Value b) {
  Value self = is_deque(a) ? a : b;
  Value count = is_deque(a) ? b : a;
  if (!is_int(count) && !type_of(count)->index) return NotImplemented();
  Value copy = copy_deque(ts, self);
  if (!copy) return copy;
  return repeat_in_place(ts, copy, count);
}

Value deque_inplace_repeat(ThreadState& ts, Value a, Value b) {
  if (!is_deque(a)) return NotImplemented();
  return repeat_in_place(ts, a, b);
}

// ---- iterators --------------------------------------------------------------------------------------------------
// Iterators remember the deque's state and size; any mutation that moves items (append, pop, rotate, ...)
// makes the next step raise "deque mutated during iteration" and ends the iterator.
Value make_deque_iterator(ThreadState& ts, Type* type, DequeObject* d) {
  auto* it = ts.alloc<DequeIterObject>(type);
  it->deque = d;
  it->state = d->state;
  it->counter = d->size;
  return Value(it);
}

Value deque_iter(ThreadState& ts, Value self) { return make_deque_iterator(ts, &deque_iterator_type, as_deque(self)); }

DEQUE_METHOD(deque_reversed) {
  if (!exact_args(ts, "__reversed__", args, kwnames, 0, 0)) return Value();
  return make_deque_iterator(ts, &deque_reverse_iterator_type, as_deque(self));
}

Value deque_iter_next(ThreadState& ts, Value self) {
  auto* it = static_cast<DequeIterObject*>(self.as_object());
  DequeObject* d = it->deque;
  if (d->state != it->state) {
    it->counter = 0;
    return raise(ts, RuntimeError_type, "deque mutated during iteration");
  }
  if (it->counter == 0) return Value();
  it->counter--;
  bool reverse = type_of(self) == &deque_reverse_iterator_type;
  return at(d, reverse ? d->size - 1 - it->index++ : it->index++);
}

DEQUE_METHOD(deque_iter_length_hint) {
  if (!exact_args(ts, "__length_hint__", args, kwnames, 0, 0)) return Value();
  return make_int(ts, static_cast<DequeIterObject*>(self.as_object())->counter);
}

void trace_deque_iter(Object* self, Tracer& tracer) { tracer.visit(static_cast<DequeIterObject*>(self)->deque); }

// _deque_iterator(deque[, index]): an iterator over the deque, advanced by index items (what pickling restores).
Value deque_iter_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  const char* name = type == &deque_iterator_type ? "_deque_iterator" : "_deque_reverse_iterator";
  if (!exact_args(ts, name, args, kwnames, 1, 2)) return Value();
  if (!is_deque(args[0]))
    return raise_fmt(ts, TypeError_type, "{}() argument 1 must be collections.deque, not {}", name,
                     type_name(args[0]));
  Value it = make_deque_iterator(ts, type, as_deque(args[0]));
  int64_t skip = 0;
  if (args.size() > 1 && !index_to_int64(ts, args[1], &skip)) return Value();
  for (int64_t i = 0; i < skip; i++)
    if (!deque_iter_next(ts, it)) break;
  return it;
}

#undef DEQUE_METHOD

const MethodDef kDequeMethods[] = {
    {"append", deque_append},         {"appendleft", deque_appendleft}, {"pop", deque_pop},
    {"popleft", deque_popleft},       {"extend", deque_extend},         {"extendleft", deque_extendleft},
    {"clear", deque_clear},           {"copy", deque_copy},             {"__copy__", deque_copy},
    {"count", deque_count},           {"index", deque_index},           {"insert", deque_insert},
    {"remove", deque_remove},         {"reverse", deque_reverse},       {"rotate", deque_rotate},
    {"__reversed__", deque_reversed}, {"__reduce__", deque_reduce},     kClassGetitemMethod[0],
};
const MethodDef kDequeGetters[] = {{"maxlen", deque_maxlen}};
const MethodDef kDequeIterMethods[] = {{"__length_hint__", deque_iter_length_hint}};

}  // namespace

void define_deque_types(ThreadState& ts, ModuleObject* m) {
  if (begin_native_type(ts, deque_type, "deque", "collections", sizeof(DequeObject), kTypeBaseType)) {
    Type& t = deque_type;
    t.new_instance = deque_new;
    t.init = deque_init;
    t.repr = deque_repr;
    t.richcompare = deque_richcompare;
    t.iter = deque_iter;
    t.length = deque_length;
    t.getitem = deque_getitem;
    t.setitem = deque_setitem;
    t.contains = deque_contains;
    t.concat = deque_concat;
    t.inplace[kOpAdd] = deque_inplace_concat;
    t.binary[kOpMul] = deque_repeat;
    t.inplace[kOpMul] = deque_inplace_repeat;
    t.trace = trace_deque;
    t.finalize = finalize_deque;
    add_methods(ts, t, kDequeMethods);
    add_native_property(ts, t, &kDequeGetters[0], nullptr);
    dict_set_str_new(ts, t.dict, ts.interp->names.hash, None());  // unhashable
    allow_weak_references(t);
    finish_native_type(ts, t);
    t.hash = nullptr;
  }
  for (Type* it : {&deque_iterator_type, &deque_reverse_iterator_type}) {
    const char* name = it == &deque_iterator_type ? "_deque_iterator" : "_deque_reverse_iterator";
    if (!begin_native_type(ts, *it, name, "_collections", sizeof(DequeIterObject))) continue;
    it->new_instance = deque_iter_new;
    it->iter = iter_self;
    it->iternext = deque_iter_next;
    it->trace = trace_deque_iter;
    add_methods(ts, *it, kDequeIterMethods);
    finish_native_type(ts, *it);
  }
  add_module_value(ts, m, "deque", Value(static_cast<Object*>(&deque_type)));
  add_module_value(ts, m, "_deque_iterator", Value(static_cast<Object*>(&deque_iterator_type)));
  add_module_value(ts, m, "_deque_reverse_iterator", Value(static_cast<Object*>(&deque_reverse_iterator_type)));
}

}  // namespace minipy
