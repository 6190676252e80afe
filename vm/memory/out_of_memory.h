// Allocation failure as a Python exception. CPython raises MemoryError whenever malloc refuses a request; in
// minipy a refused allocation surfaces as std::bad_alloc — from the heap (Heap::allocate throws instead of
// aborting) or from a C++ container growing to a user-sized request ("x".ljust(10**12)) — and is caught at the
// boundaries between the interpreter and native code:
//   - call() and binary_op() (vm/objects/abstract.cpp): a native function, method, type or operator that
//     failed raises MemoryError in the calling frame, where `except MemoryError` sees it;
//   - resume_frame() (vm/interp/eval.cpp): a failure in the loop itself leaves the frames up to the entry frame
//     (their handlers do not run) and raises MemoryError to the entry frame's caller.
// GMP's allocation functions (compiler/bigint) throw std::bad_alloc too, so a big-int result that cannot be
// stored is a MemoryError rather than GMP's abort.
#pragma once
#include <new>

#include "vm/runtime.h"

namespace minipy {

struct Frame;

// Leaves every frame from ts.current_frame out to and including `entry` after a std::bad_alloc escaped the
// interpreter loop: pops their data-stack space, closes inline-resumed generators, restores the recursion depth
// and ts.current_frame, as the loop's exception unwinding would without handlers.
void unwind_frames_after_bad_alloc(ThreadState& ts, Frame* entry);

// Runs `body` (a native slot or function call); a std::bad_alloc it throws becomes a pending MemoryError and a
// null result.
template <class Body>
Value catching_bad_alloc(ThreadState& ts, Body&& body) {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return raise(ts, MemoryError_type, "");
  }
}

}  // namespace minipy
