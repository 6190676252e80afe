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

// ---- shared by the three kinds' type objects (generator.cpp defines them) -----------------------------------
// The getters and methods coroutines and async generators take over from generators unchanged
// (gi_/cr_/ag_ name, qualname, running, suspended, code, yieldfrom; send, throw, close).
Value gen_name(ThreadState&, Value self, std::span<const Value>, TupleObject*);
Value gen_qualname(ThreadState&, Value self, std::span<const Value>, TupleObject*);
Value gen_running(ThreadState&, Value self, std::span<const Value>, TupleObject*);
Value gen_suspended(ThreadState&, Value self, std::span<const Value>, TupleObject*);
Value gen_code(ThreadState&, Value self, std::span<const Value>, TupleObject*);
Value gen_yieldfrom(ThreadState&, Value self, std::span<const Value>, TupleObject*);
Value gen_send_method(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames);
Value gen_throw_method(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames);
Value gen_close_method(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames);
// The trace and finalize slots: the suspended frame's values are roots; an unfinished one is closed when freed.
void trace_generator(Object* self, Tracer& tracer);
void gen_del(ThreadState& ts, Object* self);

// ---- what the interpreter loop calls (vm/interp/eval.cpp) ------------------------------------------------------
// RETURN_GENERATOR: moves the running frame `frame` into a new generator/coroutine/async generator object.
Value make_generator(ThreadState& ts, Frame* frame);
// YIELD_VALUE: marks `gen` paused, so a later send() resumes it.
void generator_suspended(GeneratorObject* gen);
// Resuming `gen` with `arg` pushed as the paused yield's value / leaving it (`returned`: it finished).
void generator_enter(ThreadState& ts, GeneratorObject* gen, Value arg);
void generator_leave(ThreadState& ts, GeneratorObject* gen, bool returned);
// SEND: one step of `receiver` (a `yield from`/await target) with `arg`: 1 it yielded, 0 it returned (the value
// in *out either way), -1 it raised.
int send_to_delegate(ThreadState& ts, Value receiver, Value arg, Value* out);
// GET_YIELD_FROM_ITER: `iterable` itself when a generator or coroutine may delegate to it, else iter(iterable).
Value yield_from_iter(ThreadState& ts, Value iterable);

// ---- coroutine.cpp ---------------------------------------------------------------------------------------------
// GET_AWAITABLE: the iterator `await o` drives; `where` (the oparg) picks the message for __aenter__/__aexit__.
Value get_awaitable(ThreadState& ts, Value o, int where);
// GET_AITER / GET_ANEXT: `async for`'s aiter(obj) and the awaitable of anext(aiter).
Value get_aiter(ThreadState& ts, Value obj);
Value get_anext_awaitable(ThreadState& ts, Value aiter);
// BEFORE_ASYNC_WITH: mgr.__aenter__()'s awaitable, with the bound __aexit__ stored in *exit_out.
Value before_async_with(ThreadState& ts, Value mgr, Value* exit_out);
// "RuntimeWarning: coroutine '...' was never awaited", when an unstarted coroutine is freed.
void warn_never_awaited(ThreadState& ts, GeneratorObject* coro);
size_t coroutine_wrapper_size();

// ---- async_generator.cpp ---------------------------------------------------------------------------------------
// agen.__anext__() (the awaitable that runs one step).
Value async_gen_anext(ThreadState& ts, Value gen);
// ASYNC_GEN_WRAP: marks a value yielded by an async generator, so the awaitable driving it stops there.
Value async_gen_wrap(ThreadState& ts, Value value);
// Hands an unfinished async generator the collector found to the finalizer sys.set_asyncgen_hooks installed;
// false when it has none (or is closed), so the caller finalizes it itself.
bool async_gen_call_finalizer(ThreadState& ts, GeneratorObject* gen);
size_t async_generator_asend_size();
size_t async_generator_athrow_size();
size_t async_generator_wrapped_value_size();

}  // namespace minipy
