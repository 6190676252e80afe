// Per-thread interpreter state (minipy runs one thread): the frame chain, the frame data stack, the exception
// being raised and the stack of exceptions being handled. Every VM function takes it as its first parameter.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "vm/interp/frame.h"
#include "vm/memory/heap.h"
#include "vm/value.h"

namespace minipy {

struct Interpreter;

// The exception being handled by an `except` block (sys.exc_info()); generators keep their own, linked in
// while they run, as CPython's _PyErr_StackItem.
struct ExcInfo {
  Value exc_value;     // null when nothing is being handled
  ExcInfo* previous;
};

struct ThreadState {
  Interpreter* interp = nullptr;
  Heap* heap = nullptr;

  Frame* current_frame = nullptr;
  Value current_exception;            // raised and propagating; null when none
  ExcInfo base_exc_info{};
  ExcInfo* exc_info = &base_exc_info;

  // Recursion guards: Python frames and native re-entry share one limit, as in CPython.
  int recursion_depth = 0;
  int recursion_limit = 1000;
  bool recursion_headroom = false;  // set while reporting RecursionError, to allow the report itself
  // Lowest native stack address recursion may reach (0: unchecked). sys.setrecursionlimit can raise the
  // Python limit past what the C stack holds, so native re-entry (repr, compare, calls from C) checks this too.
  uintptr_t native_stack_floor = 0;

  // Counts one more level of recursion. False (with the depth unchanged and nothing raised yet) when the Python
  // limit is reached or the native stack is nearly exhausted; the caller raises RecursionError.
  [[nodiscard]] bool enter_recursion() {
    if ((++recursion_depth > recursion_limit && !recursion_headroom) ||
        reinterpret_cast<uintptr_t>(__builtin_frame_address(0)) < native_stack_floor) [[unlikely]] {
      recursion_depth--;
      return false;
    }
    return true;
  }

  // Set when the interpreter loop should stop at its next safe point (garbage collection is due, ...).
  bool eval_breaker = false;

  // Frame data stack: chunks of raw memory, frames carved off in LIFO order.
  char* datastack_top = nullptr;
  char* datastack_limit = nullptr;
  struct Chunk {
    Chunk* previous;
    size_t size;
    char* saved_top;   // datastack_top of the previous chunk when this one was pushed
    alignas(16) char data[1];
  };
  Chunk* datastack_chunk = nullptr;

  // Values native code keeps outside the native stack (see RootScope); scanned by the collector.
  std::vector<Value*> extra_roots;

  // Allocates a zeroed object of `size` bytes. Collection never happens here (only at safe points).
  template <class T>
  T* alloc(Type* type, size_t size = sizeof(T)) {
    T* o = heap->allocate<T>(type, size);
    if (heap->collection_due()) eval_breaker = true;
    return o;
  }

  // The exception being handled, as sys.exc_info() sees it: the innermost non-empty entry of the exc_info chain
  // (a generator's own entry is empty unless it is inside an `except` block itself).
  Value handled_exception() const {
    for (ExcInfo* e = exc_info; e; e = e->previous)
      if (e->exc_value) return e->exc_value;  // POP_EXCEPT stores None as null
    return Value();
  }

  // Carves a frame of `bytes` off the data stack (a new chunk only when the current one is full).
  Frame* push_frame(size_t bytes) {
    bytes = (bytes + 15) & ~size_t{15};
    // Compared as a distance: before the first chunk both pointers are null, and null + bytes is undefined.
    if (bytes <= static_cast<size_t>(datastack_limit - datastack_top)) [[likely]] {
      auto* frame = reinterpret_cast<Frame*>(datastack_top);
      datastack_top += bytes;
      return frame;
    }
    return push_frame_slow(bytes);
  }
  void pop_frame(Frame* frame) {
    char* p = reinterpret_cast<char*>(frame);
    if (datastack_chunk && p == datastack_chunk->data) [[unlikely]] {
      pop_chunk();
      return;
    }
    datastack_top = p;
  }
  Frame* push_frame_slow(size_t bytes);
  void pop_chunk();
};

// Keeps a Value that lives in malloc'd memory (a member of a C++ container, a static cache) alive across
// collections for the scope's lifetime.
class RootScope {
 public:
  RootScope(ThreadState& ts, Value* slot) : ts_(ts), slot_(slot) { ts.extra_roots.push_back(slot); }
  // Removes its own entry, not simply the last one: a permanent root registered while the scope was open (a
  // native module's state made on first use, by code this scope called) must stay, and this slot, which dies
  // with the scope, must not.
  ~RootScope() {
    std::vector<Value*>& roots = ts_.extra_roots;
    for (size_t i = roots.size(); i-- > 0;)
      if (roots[i] == slot_) {
        roots.erase(roots.begin() + static_cast<std::ptrdiff_t>(i));
        return;
      }
  }
  RootScope(const RootScope&) = delete;
  RootScope& operator=(const RootScope&) = delete;

 private:
  ThreadState& ts_;
  Value* slot_;
};

}  // namespace minipy
