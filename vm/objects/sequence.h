// Behaviour shared by list and tuple (CPython duplicates it in listobject.c and tupleobject.c).
#pragma once
#include <span>

#include "vm/runtime.h"

namespace minipy {

// The items of a list or tuple, read afresh at every access. Comparisons, repr and __index__ run Python code
// that may resize or clear a list (moving its storage): helpers that call back into Python index through this
// instead of keeping a pointer or span into the storage across the call.
class LiveItems {
 public:
  explicit LiveItems(Value seq);  // seq: a list or tuple (or a subclass)
  int64_t size() const { return list_ ? list_->size : static_cast<int64_t>(fixed_.size()); }
  Value operator[](int64_t i) const { return list_ ? list_->items[i] : fixed_[static_cast<size_t>(i)]; }

 private:
  ListObject* list_ = nullptr;
  std::span<const Value> fixed_;
};

// "(1, 2)" / "[1, 2]" for the list or tuple `self`, with "[...]" for a container already being printed.
Value sequence_repr(ThreadState& ts, Value self, const char* open, const char* close);
// Lexicographic comparison of two lists or two tuples, as list_richcompare / tuplerichcompare.
Value sequence_compare(ThreadState& ts, Value left, Value right, int op);
Value sequence_count(ThreadState& ts, Value self, Value x);
// CPython's _PyEval_SliceIndex: the start/stop argument `v` of index(), count(), find() and the like (an int or
// an object with __index__) clamped to +-2**62 rather than overflowing, so `[1, 2].index(2, -10**30, 10**30)`
// works as in CPython. Anything else is a TypeError naming what is accepted (`none_ok`: None is, and the caller
// has handled it).
[[nodiscard]] bool clamped_slice_index(ThreadState& ts, Value v, int64_t* out, bool none_ok = false);
// index()'s start/stop for a sequence of `size` items, as PySlice_AdjustIndices: a negative bound counts from
// the end, and neither goes below 0 (a stop past the end is harmless to the callers' loops).
inline void adjust_index_bounds(int64_t size, int64_t* start, int64_t* stop) {
  if (*start < 0) *start = *start + size < 0 ? 0 : *start + size;
  if (*stop < 0) *stop = *stop + size < 0 ? 0 : *stop + size;
}
// seq.index(x[, start[, stop]])
Value sequence_index_method(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames,
                            const char* not_found);

// Pushes `self` on the repr stack for the scope; `recursive` is true if it was already there.
class ReprGuard {
 public:
  ReprGuard(ThreadState& ts, Object* self);
  ~ReprGuard();
  bool recursive() const { return recursive_; }

 private:
  ThreadState& ts_;
  bool recursive_;
};

// list.sort(*, key=None, reverse=False) (list.cpp); sorted() calls it on its new list.
Value list_sort(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames);

}  // namespace minipy
