// list: a growable array (malloc'd, outside the GC heap, accounted to it). Also the sequence helpers list and
// tuple share (sequence.h).
#include <cstdlib>
#include <algorithm>
#include <cstring>

#include "vm/objects/sequence.h"
#include "vm/objects/type_init.h"
#include "vm/runtime.h"

namespace minipy {

namespace {

ListObject* as_list(Value v) { return static_cast<ListObject*>(v.as_object()); }

// Grows the storage to hold `needed` items; false with MemoryError pending when the request is absurd or malloc
// refuses (a user-sized request must never abort the process).
[[nodiscard]] bool list_reserve(ThreadState& ts, ListObject* l, int64_t needed) {
  if (needed <= l->capacity) return true;
  // CPython's growth pattern (~1.125x + 6), so repeated appends are amortised O(1).
  constexpr int64_t kMaxItems = INT64_MAX / static_cast<int64_t>(2 * sizeof(Value));
  if (needed < 0 || needed > kMaxItems) {
    raise(ts, MemoryError_type, "");
    return false;
  }
  int64_t cap = needed + (needed >> 3) + (needed < 9 ? 3 : 6);
  auto* items = static_cast<Value*>(std::realloc(l->items, sizeof(Value) * static_cast<size_t>(cap)));
  if (!items) {
    raise(ts, MemoryError_type, "");
    return false;
  }
  // A list emptied by a sort in progress has capacity -1 (see list_sort): it owns no storage yet.
  ts.heap->account_external(static_cast<int64_t>(sizeof(Value)) * (cap - std::max<int64_t>(l->capacity, 0)));
  l->items = items;
  l->capacity = cap;
  return true;
}

void finalize_list(Object* o) { std::free(static_cast<ListObject*>(o)->items); }

// Only items below `size` are traced: slots past it may hold stale Values (clear and pop leave them) that must
// not keep objects alive.
void trace_list(Object* self, Tracer& tracer) {
  auto* l = static_cast<ListObject*>(self);
  tracer.visit_range(l->items, l->items + l->size);
}

Value list_repr(ThreadState& ts, Value v) {
  ListObject* l = as_list(v);
  if (l->size == 0) return Value(intern(ts, "[]"));
  return sequence_repr(ts, v, "[", "]");
}

Value list_richcompare(ThreadState& ts, Value a, Value b, int op) {
  if (!is_list(a) || !is_list(b)) return NotImplemented();
  return sequence_compare(ts, a, b, op);
}

Value list_concat(ThreadState& ts, Value a, Value b) {
  if (!is_list(a)) return NotImplemented();
  if (!is_list(b))
    return raise_fmt(ts, TypeError_type, "can only concatenate list (not \"{}\") to list", type_name(b));
  ListObject* x = as_list(a);
  ListObject* y = as_list(b);
  ListObject* r = make_list(ts, x->size + y->size);
  if (!r) return Value();
  std::copy(x->items, x->items + x->size, r->items);
  std::copy(y->items, y->items + y->size, r->items + x->size);
  return Value(r);
}

Value list_inplace_concat(ThreadState& ts, Value a, Value b) {
  if (!is_list(a)) return NotImplemented();
  if (!list_extend(ts, as_list(a), b)) return Value();
  return a;
}

// l * n: n <= 0 gives [], a size that cannot be represented is MemoryError (CPython's list_repeat checks the
// same product before allocating).
Value list_repeat(ThreadState& ts, Value a, Value count) {
  int64_t n;
  if (!index_to_int64(ts, count, &n, "cannot fit 'int' into an index-sized integer")) return Value();
  ListObject* l = as_list(a);
  if (n <= 0 || l->size == 0) return Value(make_list(ts, 0));
  if (l->size > INT64_MAX / n) return raise(ts, MemoryError_type, "");
  ListObject* r = make_list(ts, l->size * n);
  if (!r) return Value();
  for (int64_t i = 0; i < n; i++) std::copy(l->items, l->items + l->size, r->items + i * l->size);
  return Value(r);
}

// l *= n keeps the object's identity: the repeated items are built in a temporary list, then copied in.
Value list_inplace_repeat(ThreadState& ts, Value a, Value count) {
  if (!is_list(a)) return NotImplemented();
  Value r = list_repeat(ts, a, count);
  if (!r) return r;
  ListObject* l = as_list(a);
  ListObject* src = as_list(r);
  if (!list_reserve(ts, l, src->size)) return Value();
  std::copy(src->items, src->items + src->size, l->items);
  l->size = src->size;
  return a;
}

int64_t list_len(ThreadState&, Value v) { return as_list(v)->size; }

// `in`: 1, 0, or -1 with the exception pending. The size is re-read each step because __eq__ may shrink
// the list.
int list_contains(ThreadState& ts, Value container, Value item) {
  ListObject* l = as_list(container);
  for (int64_t i = 0; i < l->size; i++) {
    int r = rich_compare_bool(ts, l->items[i], item, kEq);
    if (r != 0) return r;
  }
  return 0;
}

// A small int index takes the fast path; a slice copies; anything else with __index__ goes through
// sequence_index.
Value list_getitem(ThreadState& ts, Value container, Value key) {
  ListObject* l = as_list(container);
  if (key.is_small_int()) {
    int64_t i = key.as_small_int();
    if (i < 0) i += l->size;
    if (i < 0 || i >= l->size) return raise(ts, IndexError_type, "list index out of range");
    return l->items[i];
  }
  if (key.is_object() && key.as_object()->type == &slice_type) {
    int64_t start, stop, step, n;
    if (!slice_indices(ts, static_cast<SliceObject*>(key.as_object()), &l->size, &start, &stop, &step, &n))
      return Value();
    ListObject* r = make_list(ts, n);
    if (!r) return Value();
    for (int64_t i = 0, p = start; i < n; i++, p += step) r->items[i] = l->items[p];
    return Value(r);
  }
  if (!is_int(key) && !type_of(key)->index)
    return raise_fmt(ts, TypeError_type, "list indices must be integers or slices, not {}", type_name(key));
  int64_t i;
  if (!sequence_index(ts, key, &l->size, &i, "list index out of range")) return Value();
  return l->items[i];
}

// l[a:b:c] = value and del l[a:b:c] (a null `value`). A step-1 slice may change the list's length; an
// extended slice needs exactly as many items as it selects.
bool list_assign_slice(ThreadState& ts, ListObject* l, SliceObject* slice, Value value) {
  int64_t start, stop, step, n;
  if (!slice_indices(ts, slice, &l->size, &start, &stop, &step, &n)) return false;
  if (!value) {  // del l[a:b:c]
    // One pass compacting the survivors; a negative step is turned into the same set of positions walked upward.
    if (n <= 0) return true;
    if (step < 0) {
      start = start + step * (n - 1);
      step = -step;
    }
    int64_t w = start;
    for (int64_t r = start, k = 0; r < l->size; r++) {
      if (k < n && r == start + k * step) {
        k++;
        continue;
      }
      l->items[w++] = l->items[r];
    }
    l->size = w;
    return true;
  }
  // Collect the new items first (`value` may be the list itself, or a generator that changes it), then resolve
  // the slice again against the list as it is now, as CPython's list_ass_slice clamps to the current size.
  std::span<Value> items;
  Value storage;
  if (!sequence_items(ts, value, &items, &storage)) {
    if (exception_matches(ts.current_exception, &TypeError_type)) {
      ts.current_exception = Value();
      raise(ts, TypeError_type, step == 1 ? "can only assign an iterable" : "must assign iterable to extended slice");
    }
    return false;
  }
  auto m = static_cast<int64_t>(items.size());
  if (step == 1) {
    start = std::clamp<int64_t>(start, 0, l->size);
    stop = std::clamp<int64_t>(stop, start, l->size);
    int64_t delta = m - (stop - start);
    if (delta > 0 && !list_reserve(ts, l, l->size + delta)) return false;
    // An empty list may have no item array yet (memmove's pointers must be valid even for zero bytes).
    if (l->size > stop)
      std::memmove(static_cast<void*>(l->items + stop + delta), l->items + stop,
                   sizeof(Value) * static_cast<size_t>(l->size - stop));
    std::copy(items.begin(), items.end(), l->items + start);
    l->size += delta;
    return true;
  }
  if (m == n && n > 0 && std::max(start, start + (n - 1) * step) >= l->size) {
    // Collecting the items shrank the list (CPython would write past its end here): resolve the slice again and
    // judge the sizes against that.
    if (!slice_indices(ts, slice, &l->size, &start, &stop, &step, &n)) return false;
  }
  if (m != n) {
    raise_fmt(ts, ValueError_type, "attempt to assign sequence of size {} to extended slice of size {}", m, n);
    return false;
  }
  for (int64_t i = 0, p = start; i < n; i++, p += step) l->items[p] = items[static_cast<size_t>(i)];
  return true;
}

bool list_setitem(ThreadState& ts, Value container, Value key, Value value) {
  ListObject* l = as_list(container);
  if (key.is_object() && key.as_object()->type == &slice_type)
    return list_assign_slice(ts, l, static_cast<SliceObject*>(key.as_object()), value);
  if (!is_int(key) && !type_of(key)->index) {
    raise_fmt(ts, TypeError_type, "list indices must be integers or slices, not {}", type_name(key));
    return false;
  }
  int64_t i;
  if (!sequence_index(ts, key, &l->size, &i, "list assignment index out of range")) return false;
  if (value) {
    l->items[i] = value;
  } else {
    std::memmove(static_cast<void*>(l->items + i), l->items + i + 1, sizeof(Value) * static_cast<size_t>(l->size - i - 1));
    l->size--;
  }
  return true;
}

Value list_iter(ThreadState& ts, Value v) {
  auto* it = ts.alloc<SeqIterObject>(&list_iterator_type);
  it->seq = v;
  return Value(it);
}

// The iterator reads the live list, so items appended during iteration are produced too (as in CPython).
// Once exhausted it drops the list and stays exhausted even if the list grows again.
Value list_iter_next(ThreadState&, Value self) {
  auto* it = static_cast<SeqIterObject*>(self.as_object());
  if (!it->seq) return Value();
  ListObject* l = as_list(it->seq);
  if (it->index < l->size) return l->items[it->index++];
  it->seq = Value();
  return Value();
}

// A list that shrank below the next index simply ends the reversed iteration, as CPython's listreviter_next.
Value list_reverse_iter_next(ThreadState&, Value self) {
  auto* it = static_cast<ReversedObject*>(self.as_object());
  if (!it->seq) return Value();
  ListObject* l = as_list(it->seq);
  if (it->index >= 0 && it->index < l->size) return l->items[it->index--];
  it->seq = Value();
  return Value();
}

Value list_new(ThreadState& ts, Type* type, std::span<const Value>, TupleObject*) {
  auto* l = ts.alloc<ListObject>(type, type->instance_size);
  return Value(l);
}

// list.__init__ on an existing list empties it first, as CPython: `l.__init__([1])` leaves [1].
bool list_init(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  // As CPython: keywords are refused unless a subclass's __new__ may have wanted them.
  Type* t = type_of(self);
  if ((t == &list_type || t->new_instance == list_type.new_instance) && !no_keywords(ts, "list", kwnames))
    return false;
  args = args.first(positional_count(args, kwnames));
  if (args.size() > 1) {
    raise_fmt(ts, TypeError_type, "list expected at most 1 argument, got {}", args.size());
    return false;
  }
  ListObject* l = as_list(self);
  l->size = 0;
  if (args.empty()) return true;
  return list_extend(ts, l, args[0]);
}

// ---- methods ---------------------------------------------------------------------------------------------------
#define LIST_METHOD(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

LIST_METHOD(m_append) {
  if (!no_keywords(ts, "list.append", kwnames)) return Value();
  if (args.size() != 1)
    return raise_fmt(ts, TypeError_type, "list.append() takes exactly one argument ({} given)", args.size());
  if (!list_append(ts, as_list(self), args[0])) return Value();
  return None();
}
}  // namespace
// CALL appends to an exact list without calling m_append (3.11's PRECALL_NO_KW_LIST_APPEND): it knows the
// method by this pointer.
extern const NativeFn kListAppendFn;  // declared for the loop in vm/interp/builtins.h
const NativeFn kListAppendFn = m_append;
namespace {
LIST_METHOD(m_extend) {
  if (!no_keywords(ts, "list.extend", kwnames)) return Value();
  if (args.size() != 1)
    return raise_fmt(ts, TypeError_type, "list.extend() takes exactly one argument ({} given)", args.size());
  if (!list_extend(ts, as_list(self), args[0])) return Value();
  return None();
}
// insert(i, x) clamps i into [0, len] rather than raising, as CPython.
LIST_METHOD(m_insert) {
  if (!no_keywords(ts, "insert", kwnames)) return Value();
  if (args.size() != 2) return raise_fmt(ts, TypeError_type, "insert expected 2 arguments, got {}", args.size());
  int64_t i;
  if (!index_to_int64(ts, args[0], &i)) return Value();
  ListObject* l = as_list(self);
  if (i < 0) i = std::max<int64_t>(0, i + l->size);
  if (i > l->size) i = l->size;
  if (!list_reserve(ts, l, l->size + 1)) return Value();
  std::memmove(static_cast<void*>(l->items + i + 1), l->items + i, sizeof(Value) * static_cast<size_t>(l->size - i));
  l->items[i] = args[1];
  l->size++;
  return None();
}
LIST_METHOD(m_pop) {
  if (!no_keywords(ts, "pop", kwnames)) return Value();
  if (args.size() > 1) return raise_fmt(ts, TypeError_type, "pop expected at most 1 argument, got {}", args.size());
  ListObject* l = as_list(self);
  int64_t i = -1;
  // The index is converted first (its __index__ may change the list), then checked, as CPython's clinic code.
  if (!args.empty() && !index_to_int64(ts, args[0], &i)) return Value();
  if (l->size == 0) return raise(ts, IndexError_type, "pop from empty list");
  {
    if (i < 0) i += l->size;
    if (i < 0 || i >= l->size) return raise(ts, IndexError_type, "pop index out of range");
  }
  Value v = l->items[i];
  std::memmove(static_cast<void*>(l->items + i), l->items + i + 1, sizeof(Value) * static_cast<size_t>(l->size - i - 1));
  l->size--;
  return v;
}
LIST_METHOD(m_remove) {
  if (!check_arg_count(ts, "remove", positional_count(args, kwnames), 1, 1)) return Value();
  ListObject* l = as_list(self);
  for (int64_t i = 0; i < l->size; i++) {
    int r = rich_compare_bool(ts, l->items[i], args[0], kEq);
    if (r < 0) return Value();
    if (r) {
      if (i >= l->size) return None();  // __eq__ shrank the list under us: nothing left at i to remove
      std::memmove(static_cast<void*>(l->items + i), l->items + i + 1,
                   sizeof(Value) * static_cast<size_t>(l->size - i - 1));
      l->size--;
      return None();
    }
  }
  return raise(ts, ValueError_type, "list.remove(x): x not in list");
}
LIST_METHOD(m_index) {
  if (positional_count(args, kwnames) >= 1) {
    // CPython's message names the value: "5 is not in list".
    Value r = sequence_index_method(ts, self, args, kwnames, nullptr);
    if (!r && ts.current_exception && exception_matches(ts.current_exception, &ValueError_type)) {
      Value rep = py_repr(ts, args[0]);
      if (!rep) return rep;
      ts.current_exception = Value();
      return raise_fmt(ts, ValueError_type, "{} is not in list", as_str(rep)->view());
    }
    return r;
  }
  return sequence_index_method(ts, self, args, kwnames, nullptr);
}
LIST_METHOD(m_count) {
  if (!check_arg_count(ts, "count", positional_count(args, kwnames), 1, 1)) return Value();
  return sequence_count(ts, self, args[0]);
}
LIST_METHOD(m_reverse) {
  if (!check_arg_count(ts, "reverse", positional_count(args, kwnames), 0, 0)) return Value();
  ListObject* l = as_list(self);
  std::reverse(l->items, l->items + l->size);
  return None();
}
// Keeps the storage; stale slots past the new size are not traced (trace_list), so their objects can go.
LIST_METHOD(m_clear) {
  if (!check_arg_count(ts, "clear", positional_count(args, kwnames), 0, 0)) return Value();
  as_list(self)->size = 0;
  return None();
}
LIST_METHOD(m_copy) {
  if (!check_arg_count(ts, "copy", positional_count(args, kwnames), 0, 0)) return Value();
  return Value(make_list(ts, as_list(self)->span()));
}

// Stable merge sort that stops comparing once a comparison fails (the error stays pending). A sort with a key
// function sorts (key, value) pairs; one without sorts the values themselves, half the memory to move.
struct SortItem {
  Value key;
  Value value;
};
inline Value sort_key(const SortItem& item) { return item.key; }
inline Value sort_key(Value item) { return item; }

// What every key of a sort looks like, found by one scan before sorting (as CPython's list.sort picks its
// unsafe_long_compare / unsafe_tuple_compare): comparisons of small ints need no protocol and run no code.
enum class KeyShape { Generic, SmallInts, TuplesOfSmallIntFirst };

template <class Item>
KeyShape key_shape(const std::vector<Item>& items) {
  bool ints = true, tuples = true;
  for (const Item& item : items) {
    Value k = sort_key(item);
    ints = ints && k.is_small_int();
    tuples = tuples && type_of(k) == &tuple_type && static_cast<TupleObject*>(k.as_object())->size > 0 &&
             static_cast<TupleObject*>(k.as_object())->items[0].is_small_int();
    if (!ints && !tuples) return KeyShape::Generic;
  }
  return ints ? KeyShape::SmallInts : KeyShape::TuplesOfSmallIntFirst;
}

// a < b for two keys of the given shape: 1, 0, or -1 with the exception pending. Small ints compare by their
// tagged words, which order as the ints do. Tuples are compared item by item while both items are small ints
// (the same object is equal, as tuple comparison's identity shortcut says; different small ints differ);
// at the first other pair, the full comparison decides.
inline int key_less(ThreadState& ts, Value a, Value b, KeyShape shape) {
  if (shape == KeyShape::SmallInts) return static_cast<int64_t>(a.bits()) < static_cast<int64_t>(b.bits());
  if (shape == KeyShape::TuplesOfSmallIntFirst) {
    auto* x = static_cast<TupleObject*>(a.as_object());
    auto* y = static_cast<TupleObject*>(b.as_object());
    int64_t n = std::min(x->size, y->size);
    for (int64_t i = 0; i < n; i++) {
      Value p = x->items[i], q = y->items[i];
      if (p == q) continue;
      if (!Value::both_small_ints(p, q)) return rich_compare_bool(ts, a, b, kLt);
      return p.as_small_int() < q.as_small_int();
    }
    return x->size < y->size;
  }
  return rich_compare_bool(ts, a, b, kLt);
}

// Merges the sorted runs [lo, mid) and [mid, hi) of `items` through `tmp`. Small-int keys merge without a
// branch on the comparison (random data mispredicts half of them); taking the right run's item only when it
// is strictly less (strictly greater with `reverse`) keeps the sort stable.
template <class Item>
bool merge_runs(ThreadState& ts, Item* items, Item* tmp, size_t lo, size_t mid, size_t hi, bool reverse,
                KeyShape shape) {
  size_t i = lo, j = mid, k = lo;
  if (shape == KeyShape::SmallInts) {
    while (i < mid && j < hi) {
      auto x = static_cast<int64_t>(sort_key(items[i]).bits()), y = static_cast<int64_t>(sort_key(items[j]).bits());
      bool right = reverse ? x < y : y < x;
      tmp[k++] = right ? items[j] : items[i];
      j += right;
      i += !right;
    }
  } else {
    while (i < mid && j < hi) {
      int lt = reverse ? key_less(ts, sort_key(items[i]), sort_key(items[j]), shape)
                       : key_less(ts, sort_key(items[j]), sort_key(items[i]), shape);
      if (lt < 0) return false;
      tmp[k++] = lt ? items[j++] : items[i++];
    }
  }
  while (i < mid) tmp[k++] = items[i++];
  while (j < hi) tmp[k++] = items[j++];
  std::copy(tmp + lo, tmp + hi, items + lo);
  return true;
}

// Stable: an item moves before an earlier one only when strictly less (with `reverse`, strictly greater),
// which is also what CPython's timsort guarantees; only `<` is ever asked of the keys, as in CPython.
template <class Item>
bool merge_sort(ThreadState& ts, Item* items, Item* tmp, size_t lo, size_t hi, bool reverse, KeyShape shape) {
  if (hi - lo < 2) return true;
  if (hi - lo <= 8) {  // insertion sort for short runs
    for (size_t i = lo + 1; i < hi; i++) {
      Item x = items[i];
      size_t j = i;
      while (j > lo) {
        int lt = reverse ? key_less(ts, sort_key(items[j - 1]), sort_key(x), shape)
                         : key_less(ts, sort_key(x), sort_key(items[j - 1]), shape);
        if (lt < 0) {
          items[j] = x;  // keep `items` a permutation of the input: the caller writes it back
          return false;
        }
        if (!lt) break;
        items[j] = items[j - 1];
        j--;
      }
      items[j] = x;
    }
    return true;
  }
  size_t mid = lo + (hi - lo) / 2;
  if (!merge_sort(ts, items, tmp, lo, mid, reverse, shape) || !merge_sort(ts, items, tmp, mid, hi, reverse, shape))
    return false;
  // Runs already in order (sorted or nearly sorted input) need no merge.
  int out_of_order = reverse ? key_less(ts, sort_key(items[mid - 1]), sort_key(items[mid]), shape)
                             : key_less(ts, sort_key(items[mid]), sort_key(items[mid - 1]), shape);
  if (out_of_order < 0) return false;
  if (!out_of_order) return true;
  return merge_runs(ts, items, tmp, lo, mid, hi, reverse, shape);
}

template <class Item>
bool sort_vector(ThreadState& ts, std::vector<Item>& items, bool reverse) {
  std::vector<Item> tmp(items.size());
  return merge_sort(ts, items.data(), tmp.data(), 0, items.size(), reverse, key_shape(items));
}

// Sorts the items of `saved` in place (stably, by key(item) when key is given). On an error the items are left
// in some order (a permutation of the input, as CPython's) and false returned with the exception pending.
bool sort_items(ThreadState& ts, ListObject* saved, Value key, bool reverse) {
  int64_t n = saved->size;
  auto count = static_cast<size_t>(n);
  if (!key || is_none(key)) {
    // The vector's Values stay reachable through `saved`, which is not written until the end.
    std::vector<Value> items(saved->items, saved->items + n);
    bool ok = sort_vector(ts, items, reverse);
    std::copy(items.begin(), items.end(), saved->items);
    return ok;
  }
  // Keys computed by Python code are held in a list object so the collector sees them.
  ListObject* keys = make_list(ts, n);
  if (!keys) return false;
  for (int64_t i = 0; i < n; i++) {
    Value k = call(ts, key, std::span<const Value>(&saved->items[i], 1));
    if (!k) return false;
    keys->items[i] = k;
  }
  std::vector<SortItem> items(count);
  for (size_t i = 0; i < count; i++) items[i] = {keys->items[i], saved->items[i]};
  // The vector's Values stay reachable through `saved` and `keys`, which are not written until the end. `keys`
  // is not used after this point, so an optimised build may keep no copy of it on the stack: it is rooted.
  Value keys_root(keys);
  RootScope keep_keys(ts, &keys_root);
  bool ok = sort_vector(ts, items, reverse);
  for (size_t i = 0; i < count; i++) saved->items[i] = items[i].value;
  return ok;
}

}  // namespace

// list.sort(*, key=None, reverse=False); also used by sorted().
Value list_sort(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (positional_count(args, kwnames) != 0)
    return raise(ts, TypeError_type, "sort() takes no positional arguments");
  Value key = keyword_arg(ts, args, kwnames, "key");
  Value reverse_v = keyword_arg(ts, args, kwnames, "reverse");
  if (kwnames) {
    for (int64_t i = 0; i < kwnames->size; i++) {
      std::string_view n = as_str(kwnames->items[i])->view();
      if (n != "key" && n != "reverse")
        return raise_fmt(ts, TypeError_type, "'{}' is an invalid keyword argument for sort()", n);
    }
  }
  bool reverse = false;
  if (reverse_v) {
    int t = py_truth(ts, reverse_v);
    if (t < 0) return Value();
    reverse = t;
  }
  ListObject* l = as_list(self);
  // As CPython does, the list is empty while it sorts: key functions and comparisons see [], and a change they
  // make is detected afterwards ("list modified during sort") instead of pulling storage from under the sort.
  // The items live on in `saved`, a private list the collector sees (its pointer is on this native stack);
  // capacity -1 marks "owns nothing" so any growth allocates fresh storage.
  ListObject* saved = ts.alloc<ListObject>(&list_type);
  saved->items = l->items;
  saved->size = l->size;
  saved->capacity = l->capacity;
  l->items = nullptr;
  l->size = 0;
  l->capacity = -1;
  bool ok = sort_items(ts, saved, key, reverse);
  // Whatever Python code put into the list meanwhile is dropped; the sorted items go back.
  bool modified = l->items != nullptr || l->size != 0;
  std::free(l->items);
  if (l->capacity > 0) ts.heap->account_external(-static_cast<int64_t>(sizeof(Value)) * l->capacity);
  l->items = saved->items;
  l->size = saved->size;
  l->capacity = saved->capacity;
  saved->items = nullptr;
  saved->size = saved->capacity = 0;
  if (!ok) return Value();
  if (modified) return raise(ts, ValueError_type, "list modified during sort");
  return None();
}

namespace {
// list.__getitem__ is a method of its own in CPython (list[i] and list[a:b] through one argument), not the slot's
// wrapper: its repr, doc and argument errors say so.
Value m_getitem(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "list.__getitem__", args, kwnames, 1, 1)) return Value();
  return list_getitem(ts, self, args[0]);
}

const MethodDef list_methods[] = {
    {"__getitem__", m_getitem},
    {"append", m_append}, {"extend", m_extend}, {"insert", m_insert}, {"pop", m_pop},
    {"remove", m_remove}, {"index", m_index},   {"count", m_count},   {"reverse", m_reverse},
    {"clear", m_clear},   {"copy", m_copy},     {"sort", list_sort},
};

Value list_reversed(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  auto* it = ts.alloc<ReversedObject>(&list_reverseiterator_type);
  it->seq = self;
  it->index = as_list(self)->size - 1;
  return Value(it);
}
const MethodDef list_reversed_def[] = {{"__reversed__", list_reversed}};
}  // namespace

// A list of `size` null items: the caller fills every slot before the list reaches Python code (a null item
// is not a valid Python object). Null with MemoryError pending if the size is absurd.
ListObject* make_list(ThreadState& ts, int64_t size) {
  auto* l = ts.alloc<ListObject>(&list_type);
  if (!list_reserve(ts, l, size)) return nullptr;  // MemoryError pending
  for (int64_t i = 0; i < size; i++) l->items[i] = Value();
  l->size = size;
  return l;
}

ListObject* make_list(ThreadState& ts, std::span<const Value> items) {
  ListObject* l = make_list(ts, static_cast<int64_t>(items.size()));
  if (!l) return nullptr;
  std::copy(items.begin(), items.end(), l->items);
  return l;
}

bool list_append(ThreadState& ts, ListObject* l, Value v) {
  if (l->size >= l->capacity && !list_reserve(ts, l, l->size + 1)) return false;
  l->items[l->size++] = v;
  return true;
}

// Whether the items can be copied straight from the storage: an exact list or tuple, or a subclass that does
// not override __iter__. CPython's PySequence_Fast and list_extend take it for exact types only; a subclass
// that keeps the inherited __iter__ yields the same items either way.
bool items_directly(Value v) {
  return (is_list(v) && type_of(v)->iter == list_type.iter) || (is_tuple(v) && type_of(v)->iter == tuple_type.iter);
}

bool list_extend(ThreadState& ts, ListObject* l, Value iterable) {
  if (items_directly(iterable)) {
    int64_t n = is_list(iterable) ? as_list(iterable)->size : static_cast<TupleObject*>(iterable.as_object())->size;
    if (!list_reserve(ts, l, l->size + n)) return false;
    // Read the source only after growing: it may be l itself (`l += l`), whose storage just moved.
    const Value* src = is_list(iterable) ? as_list(iterable)->items : static_cast<TupleObject*>(iterable.as_object())->items;
    std::copy(src, src + n, l->items + l->size);
    l->size += n;
    return true;
  }
  Value it = get_iter(ts, iterable);
  if (!it) return false;
  for (;;) {
    Value v = iter_next(ts, it);
    if (!v) return !ts.current_exception;
    if (!list_append(ts, l, v)) return false;
  }
}

Value list_to_tuple(ThreadState& ts, ListObject* l) { return Value(minipy::make_tuple(ts, l->span())); }

Value sequence_to_list(ThreadState& ts, Value iterable) {
  ListObject* l = make_list(ts, 0);
  if (!list_extend(ts, l, iterable)) return Value();
  return Value(l);
}

// The items of `iterable` as a span: a tuple's own storage, else a snapshot kept alive in *storage (which the
// caller holds on its stack for as long as it uses the span). False with the exception pending if it is not
// iterable or the iteration raises.
bool sequence_items(ThreadState& ts, Value iterable, std::span<Value>* items, Value* storage) {
  if (is_tuple(iterable) && items_directly(iterable)) {
    *items = static_cast<TupleObject*>(iterable.as_object())->span();
    return true;
  }
  if (items_directly(iterable)) {
    // A list is copied: callers run Python code while walking the span (join's __str__-free loop aside, a
    // dict.update pair, an assignment target), and a list's own storage moves or shrinks under such code.
    *storage = Value(minipy::make_tuple(ts, as_list(iterable)->span()));
    *items = static_cast<TupleObject*>(storage->as_object())->span();
    return true;
  }
  Value l = sequence_to_list(ts, iterable);
  if (!l) return false;
  *storage = l;
  *items = as_list(l)->span();
  return true;
}

// ---- shared sequence helpers --------------------------------------------------------------------------------------
// CPython's Py_ReprEnter/Py_ReprLeave: the containers whose repr is in progress, so a list containing itself
// prints "[...]" instead of recursing.
ReprGuard::ReprGuard(ThreadState& ts, Object* self) : ts_(ts) {
  auto& stack = ts.interp->repr_stack;
  recursive_ = std::find(stack.begin(), stack.end(), self) != stack.end();
  if (!recursive_) stack.push_back(self);
}
ReprGuard::~ReprGuard() {
  if (!recursive_) ts_.interp->repr_stack.pop_back();
}

// Reads a list's size and storage at every access (Python code run by a comparison may resize it); a tuple's
// items never change.
LiveItems::LiveItems(Value seq) {
  if (is_list(seq)) list_ = as_list(seq);
  else fixed_ = static_cast<TupleObject*>(seq.as_object())->span();
}

Value sequence_repr(ThreadState& ts, Value self, const char* open, const char* close) {
  ReprGuard guard(ts, self.as_object());
  if (guard.recursive()) return Value(intern(ts, std::string(open) + "..." + (close[0] == ',' ? ")" : close)));
  LiveItems items(self);
  std::string out = open;
  bool ascii = true;
  for (int64_t i = 0; i < items.size(); i++) {
    if (i) out += ", ";
    Value r = py_repr(ts, items[i]);
    if (!r) return r;
    out += as_str(r)->view();
    ascii &= as_str(r)->is_ascii();
  }
  out += close;
  return ascii ? Value(make_str_known(ts, out, static_cast<int64_t>(out.size()), true)) : Value(make_str(ts, out));
}

// CPython's list_richcompare / tuplerichcompare: find the first index where the items differ by == (identical
// items count as equal without asking), then that pair decides with `op`; if one sequence is a prefix of the
// other, the lengths decide. Sizes that differ decide == and != at once.
Value sequence_compare(ThreadState& ts, Value left, Value right, int op) {
  LiveItems a(left), b(right);
  if (a.size() != b.size() && (op == kEq || op == kNe)) return Bool(op == kNe);
  int64_t i = 0;
  for (; i < a.size() && i < b.size(); i++) {
    Value x = a[i], y = b[i];
    if (x == y) continue;
    int eq = rich_compare_bool(ts, x, y, kEq);
    if (eq < 0) return Value();
    if (!eq) break;
  }
  if (i >= a.size() || i >= b.size()) {
    int64_t x = a.size(), y = b.size();
    switch (op) {
      case kLt: return Bool(x < y);
      case kLe: return Bool(x <= y);
      case kEq: return Bool(x == y);
      case kNe: return Bool(x != y);
      case kGt: return Bool(x > y);
      default: return Bool(x >= y);
    }
  }
  if (op == kEq) return False();
  if (op == kNe) return True();
  return rich_compare(ts, a[i], b[i], op);
}

Value sequence_count(ThreadState& ts, Value self, Value x) {
  LiveItems items(self);
  int64_t n = 0;
  for (int64_t i = 0; i < items.size(); i++) {
    int r = rich_compare_bool(ts, items[i], x, kEq);
    if (r < 0) return Value();
    n += r;
  }
  return Value::small_int(n);
}

// index(x[, start[, stop]]) for lists and tuples; start and stop are clamped like slice bounds.
Value sequence_index_method(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames,
                            const char* not_found) {
  size_t n = positional_count(args, kwnames);
  if (!no_keywords(ts, "index", kwnames)) return Value();
  if (n < 1 || n > 3) return raise_fmt(ts, TypeError_type, "index expected at least 1 argument, got {}", n);
  int64_t start = 0, stop = INT64_MAX;
  if (n > 1 && !clamped_slice_index(ts, args[1], &start)) return Value();
  if (n > 2 && !clamped_slice_index(ts, args[2], &stop)) return Value();
  // The size is read after the __index__ calls above, which may have changed it.
  LiveItems items(self);
  adjust_index_bounds(items.size(), &start, &stop);
  for (int64_t i = start; i < stop && i < items.size(); i++) {
    int r = rich_compare_bool(ts, items[i], args[0], kEq);
    if (r < 0) return Value();
    if (r) return Value::small_int(i);
  }
  return raise(ts, ValueError_type, not_found ? not_found : "x not in sequence");
}

void init_list_type(ThreadState& ts) {
  Type& t = list_type;
  t.repr = list_repr;
  t.hash = [](ThreadState& ts, Value v, int64_t*) {
    raise_fmt(ts, TypeError_type, "unhashable type: '{}'", type_name(v));
    return false;
  };
  dict_set_str_new(ts, t.dict, ts.interp->names.hash, None());  // list.__hash__ is None: unhashable
  t.richcompare = list_richcompare;
  t.concat = list_concat;
  t.inplace[kOpAdd] = list_inplace_concat;
  t.inplace[kOpMul] = list_inplace_repeat;
  t.repeat = list_repeat;
  t.length = list_len;
  t.contains = list_contains;
  t.getitem = list_getitem;
  t.setitem = list_setitem;
  t.iter = list_iter;
  t.new_instance = list_new;
  t.init = list_init;
  t.trace = trace_list;
  t.finalize = finalize_list;
  add_methods(ts, t, list_methods);
  add_methods(ts, t, list_reversed_def);
  list_iterator_type.iternext = list_iter_next;
  list_iterator_type.iter = [](ThreadState&, Value self) { return self; };
  list_iterator_type.trace = [](Object* self, Tracer& tracer) { tracer.visit(static_cast<SeqIterObject*>(self)->seq); };
  list_reverseiterator_type.iternext = list_reverse_iter_next;
  list_reverseiterator_type.iter = [](ThreadState&, Value self) { return self; };
  list_reverseiterator_type.trace = [](Object* self, Tracer& tracer) {
    tracer.visit(static_cast<ReversedObject*>(self)->seq);
  };
}

}  // namespace minipy
