// Leaving interpreter frames after an allocation failure (see out_of_memory.h).
#include "vm/memory/out_of_memory.h"

#include "vm/interp/frame.h"
#include "vm/objects/generator.h"

namespace minipy {


void unwind_frames_after_bad_alloc(ThreadState& ts, Frame* entry) {
  // The loop keeps ts.current_frame on the innermost running frame; frames it had pushed but not entered yet
  // lie above it on the data stack and go with the first pop below.
  bool entered = false;  // a failure before the loop made `entry` current leaves nothing to unwind
  for (Frame* f = ts.current_frame; f && !entered; f = f->previous) entered = f == entry;
  if (!entered) return;
  Frame* frame = ts.current_frame;
  while (frame) {
    Frame* caller = frame->previous;
    ts.recursion_depth--;
    bool is_entry = frame == entry;
    // The entry frame of a generator is the resumer's business (it sees the null result); one resumed inline
    // by FOR_ITER is closed here, as the loop's unwinding does.
    if (!frame->generator) ts.pop_frame(frame);
    else if (!is_entry) generator_leave(ts, frame->generator, false);
    ts.current_frame = caller;
    if (is_entry) break;
    frame = caller;
  }
}

}  // namespace minipy

// ---- GMP's allocation functions ---------------------------------------------------------------------------------
// GMP's defaults print "GNU MP: Cannot allocate memory" and abort. These throw std::bad_alloc instead, which
// unwinds through GMP (its objects carry unwind tables) to the boundaries above: a big-int operation whose result
// cannot be allocated (10**10**9 under `ulimit -v`) is a MemoryError.
#include <gmp.h>

#include <cstdlib>

namespace minipy {
namespace {

void* gmp_allocate(size_t size) {
  void* p = std::malloc(size);
  if (!p) throw std::bad_alloc();
  return p;
}
void* gmp_reallocate(void* old, size_t, size_t size) {
  void* p = std::realloc(old, size);
  if (!p) throw std::bad_alloc();
  return p;
}
void gmp_free(void* p, size_t) { std::free(p); }

// Installed while static objects are initialised, before anything (the compiler's constant folding included)
// computes with GMP. This file is always linked: resume_frame calls unwind_frames_after_bad_alloc.
const bool gmp_functions_installed = [] {
  mp_set_memory_functions(gmp_allocate, gmp_reallocate, gmp_free);
  return true;
}();

}  // namespace
}  // namespace minipy
