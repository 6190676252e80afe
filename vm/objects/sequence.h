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
