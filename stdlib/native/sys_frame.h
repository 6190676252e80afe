// Frame objects (CPython's frameobject.c), shared by sys._getframe (sys_frame.cpp) and the tracing hooks
// (sys_trace.cpp).
//
// A frame object is a live view of one of the interpreter's frames: while the frame runs, f_lineno, f_lasti and
// f_locals are read from it; when it finishes (return, exception, a generator's end) the object takes a copy of
// its last state, as CPython's does when it takes ownership of the frame data. Frame objects are made only on
// demand (sys._getframe, tb_frame, gi_frame, tracing), so frames cost nothing extra when nobody asks.
//
// The interpreter's Frame has no field for its frame object (a store per call would slow every call): the live
// objects are kept in a side registry searched by Frame address. While the registry is not empty, the dispatch
// table routes RETURN_VALUE through a hook that detaches the returning frame's object (sys_trace.cpp), and the
// loop's exception exit calls frame_hooks_on_unwind; both cost nothing while no frame object is live.
#pragma once
#include "vm/interp/frame.h"
#include "vm/runtime.h"

namespace minipy {

struct FrameObject : Object {
  Frame* live;          // the frame while it runs (or its generator is unfinished); null once detached
  Value generator;      // the generator whose object holds `live` (keeps it valid); null for other frames
  Value code;           // the CodeObj the frame runs
  DictObject* globals;
  DictObject* builtins;
  Value locals;         // f_locals: the namespace of a module/class body, else a dict refreshed from fast locals
  Value back;           // once detached: the caller's frame object (or None)
  Value trace;          // f_trace (null: None)
  int32_t lasti;        // once detached: the last instruction, in code units
  int32_t lineno;       // once detached: its line (-1: none)
  int32_t trace_prev;   // the last instruction traced in this frame: line events compare with its line
  bool trace_lines;     // f_trace_lines
  bool trace_opcodes;   // f_trace_opcodes
  bool pinned;          // held by the pin list (f_trace set or made while tracing): keeps its identity
};

// The frame object of the running (or suspended generator's) frame `frame`, made on first request (never null:
// allocation failure throws bad_alloc, as everywhere in the VM).
FrameObject* frame_object_of(ThreadState& ts, Frame* frame);
// The frame object already made for `frame`, or null.
FrameObject* existing_frame_object(Frame* frame);
// `frame` is finishing: its frame object (if any) copies the frame's last state and stops looking at it.
void detach_frame_object(ThreadState& ts, Frame* frame);
// Whether any frame object is live (the registry is not empty).
bool frame_objects_live();
// Keeps `f` alive (and so its identity and f_trace) until its frame finishes.
void pin_frame_object(ThreadState& ts, FrameObject* f);
// f_lineno / f_lasti as CPython reports them (the current values while the frame runs).
int frame_object_lineno(const FrameObject* f);
int frame_object_lasti(const FrameObject* f);
// Copies the frame's fast locals into f_locals (CPython's PyFrame_FastToLocals) and returns f_locals; null on
// error. After `to_fast`, f_locals is copied back (PyFrame_LocalsToFast), as after a trace function.
[[nodiscard]] Value frame_object_locals(ThreadState& ts, FrameObject* f);
void frame_object_locals_to_fast(ThreadState& ts, FrameObject* f);
// The frame type (readied by sys_getframe_def).
Type& frame_object_type();

}  // namespace minipy
