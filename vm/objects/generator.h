// What generator.cpp shares with coroutine.cpp and async_generator.cpp: coroutines and async generators are
// GeneratorObjects with another type, driven by the same send/throw/close machinery (CPython's genobject.c
// serves all three the same way).
#pragma once
#include "vm/runtime.h"

namespace minipy {

enum class SendResult { kNext, kReturn, kError };

// Whether `v` is a generator, coroutine or async generator (the GeneratorObject layout).
bool is_generator_like(Value v);
inline GeneratorObject* as_generator(Value v) { return static_cast<GeneratorObject*>(v.as_object()); }
// "generator", "coroutine" or "async generator", for messages.
const char* generator_kind_word(const GeneratorObject* gen);

// One step: `arg` is the value of the paused yield (null for next()); with `throwing` the pending exception is
// raised at the paused point. `closing` (gen_close) keeps an exhausted coroutine silent.
SendResult gen_send_ex(ThreadState& ts, GeneratorObject* gen, Value arg, bool throwing, Value* result,
                       bool closing = false);
// A step's result as a Python-level send() sees it: a return becomes StopIteration(value) (StopAsyncIteration
// for an async generator returning).
Value finish_send(ThreadState& ts, GeneratorObject* gen, SendResult status, Value result);
// throw(): raises the pending exception inside `gen`, delegating to a `yield from`/await target first;
// `close_on_genexit` closes such a target instead of throwing GeneratorExit into it.
Value gen_throw_pending(ThreadState& ts, GeneratorObject* gen, bool close_on_genexit = true);
Value gen_close(ThreadState& ts, GeneratorObject* gen);
// throw()'s arguments (type[, value[, tb]] or an instance) as the exception instance to raise.
Value throw_argument(ThreadState& ts, std::span<const Value> args);
// The iterator a `yield from` / await paused in `gen` is delegating to, or null.
Value delegate_of(GeneratorObject* gen);
// gi_frame / cr_frame / ag_frame: a frame object for the generator's own frame, or None once it has finished
// (CPython clears it then). A suspended generator's frame has no f_back.
Value generator_frame_getter(ThreadState& ts, Value self, std::span<const Value>, TupleObject*);
// The frame object of a generator's frame (stdlib/native/sys_frame.cpp, which owns the frame type).
Value frame_object_of_generator(ThreadState& ts, Frame* frame);

}  // namespace minipy
