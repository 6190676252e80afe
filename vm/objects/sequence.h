// Behaviour shared by list and tuple (CPython duplicates it in listobject.c and tupleobject.c).
#pragma once
#include <span>

#include "vm/runtime.h"

namespace minipy {

// "(1, 2)" / "[1, 2]", with "[...]" for a container already being printed.
Value sequence_repr(ThreadState& ts, Value self, std::span<const Value> items, const char* open, const char* close);
// Lexicographic comparison of two sequences, as list_richcompare / tuplerichcompare.
Value sequence_compare(ThreadState& ts, std::span<const Value> a, std::span<const Value> b, int op);
Value sequence_count(ThreadState& ts, std::span<const Value> items, Value x);
// seq.index(x[, start[, stop]])
Value sequence_index_method(ThreadState& ts, std::span<const Value> items, std::span<const Value> args,
                            TupleObject* kwnames, const char* not_found);

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

}  // namespace minipy
