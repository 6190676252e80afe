// Generators, as CPython 3.11's genobject.c behaves: RETURN_GENERATOR moves the function's frame into a
// GeneratorObject; each resumption (next(), send(), throw(), close(), FOR_ITER, SEND) runs that frame as an entry
// frame until YIELD_VALUE suspends it or it returns / raises. `yield from` delegation for throw() and close() finds
// the sub-iterator the way CPython does: on top of the suspended frame's stack when the next instruction is a
// RESUME with oparg >= 2.
#include <cstring>

#include "compiler/opcodes.h"
#include "vm/interp/eval.h"
#include "vm/objects/generator.h"
#include "vm/objects/type_init.h"

namespace minipy {

bool is_generator_like(Value v) {
  if (!v.is_object()) return false;
  Type* t = v.as_object()->type;
  return t == &generator_type || t == &coroutine_type || t == &async_generator_type;
}

const char* generator_kind_word(const GeneratorObject* gen) {
  if (gen->type == &coroutine_type) return "coroutine";
  if (gen->type == &async_generator_type) return "async generator";
  return "generator";
}

// Starts one step of `gen` (created or suspended): `arg` becomes the value of the paused yield, and the
// generator's own exception state is linked in while it runs.
void generator_enter(ThreadState& ts, GeneratorObject* gen, Value arg) {
  Frame* frame = &gen->frame;
  // The sent value goes on the frame's stack, where the paused YIELD_VALUE's result belongs; a created generator
  // gets None there too, which the POP_TOP after RETURN_GENERATOR discards (as in CPython's gen_send_ex2).
  *frame->stack_top++ = arg;
  gen->exc_state.previous = ts.exc_info;
  ts.exc_info = &gen->exc_state;
  gen->state = GenState::kExecuting;
}

// The generator's frame stopped: it yielded (already marked suspended), returned (`returned`) or raised.
void generator_leave(ThreadState& ts, GeneratorObject* gen, bool returned) {
  ts.exc_info = gen->exc_state.previous;
  gen->exc_state.previous = nullptr;
  if (gen->state == GenState::kSuspended) return;
  gen->state = GenState::kCompleted;
  gen->gc_flags |= kGcFinalized;  // nothing left to close
  gen->exc_state.exc_value = Value();
  if (returned) return;
  // PEP 479: a StopIteration escaping the body would silently end the caller's loop (for an async generator, a
  // StopAsyncIteration its `async for` caller's).
  const char* escaped = nullptr;
  if (exception_matches(ts.current_exception, &StopIteration_type)) escaped = "StopIteration";
  else if (gen->type == &async_generator_type && exception_matches(ts.current_exception, &StopAsyncIteration_type))
    escaped = "StopAsyncIteration";
  if (!escaped) return;
  Value stop = ts.current_exception;
  ts.current_exception = Value();
  raise_fmt(ts, RuntimeError_type, "{} raised {}", generator_kind_word(gen), escaped);
  auto* e = static_cast<ExceptionObject*>(ts.current_exception.as_object());
  e->cause = stop;
  e->context = stop;
  e->suppress_context = true;
}

namespace {

GeneratorObject* as_gen(Value v) { return as_generator(v); }
bool is_generator(Value v) { return is_generator_like(v); }

}  // namespace

// Runs the generator one step. `arg` is the value the paused `yield` evaluates to (null for next(): the same as
// None except on a finished generator, which then reports exhaustion without StopIteration). With `throwing`,
// the pending exception is raised at the paused point instead.
SendResult gen_send_ex(ThreadState& ts, GeneratorObject* gen, Value arg, bool throwing, Value* result,
                       bool closing) {
  *result = Value();
  if (gen->state == GenState::kCreated && !throwing && arg && !is_none(arg)) {
    raise_fmt(ts, TypeError_type, "can't send non-None value to a just-started {}", generator_kind_word(gen));
    return SendResult::kError;
  }
  if (gen->state == GenState::kExecuting) {
    raise_fmt(ts, ValueError_type, "{} already executing", generator_kind_word(gen));
    return SendResult::kError;
  }
  if (gen->state == GenState::kCompleted) {
    if (gen->type == &coroutine_type && !closing) {
      // Awaiting a finished coroutine again is an error (close() stays silent).
      if (throwing) ts.current_exception = Value();
      raise(ts, RuntimeError_type, "cannot reuse already awaited coroutine");
      return SendResult::kError;
    }
    if (arg && !throwing) {
      *result = None();
      return SendResult::kReturn;
    }
    return SendResult::kError;
  }
  generator_enter(ts, gen, arg ? arg : None());
  if (throwing && gen->exc_state.exc_value) {
    // A throw() into a generator paused inside `except`: the handled exception becomes the context.
    auto* thrown = static_cast<ExceptionObject*>(ts.current_exception.as_object());
    if (ts.current_exception != gen->exc_state.exc_value && (!thrown->context || is_none(thrown->context)))
      thrown->context = gen->exc_state.exc_value;
  }
  Value r = resume_frame(ts, &gen->frame, throwing);
  generator_leave(ts, gen, bool(r));
  *result = r;
  if (!r) return SendResult::kError;
  return gen->state == GenState::kSuspended ? SendResult::kNext : SendResult::kReturn;
}

// gen_send_ex's result as a Python-level call sees it: a returned value becomes StopIteration(value).
Value finish_send(ThreadState& ts, GeneratorObject* gen, SendResult status, Value result) {
  if (status != SendResult::kReturn) return result;
  if (gen->type == &async_generator_type) return raise_value(ts, new_exception(ts, &StopAsyncIteration_type, {}));
  // A None return raises a bare StopIteration (args == ()), any other value StopIteration(value), matching CPython's
  // gen_send_ex; the difference shows in e.args.
  if (is_none(result)) return raise_value(ts, new_exception(ts, &StopIteration_type, {}));
  return raise_stop_iteration(ts, result);
}

// The iterator a `yield from` paused in this generator is delegating to, or null.
Value delegate_of(GeneratorObject* gen) {
  if (gen->state != GenState::kSuspended) return Value();
  uint16_t next = *gen->frame.next_instr;
  if ((next & 0xFF) != static_cast<int>(Opcode::RESUME) || (next >> 8) < 2) return Value();
  return gen->frame.stack_top[-1];
}

namespace {

// The value a StopIteration carries (None when no exception is pending); false if another exception is pending.
bool fetch_stop_iteration_value(ThreadState& ts, Value* value) {
  *value = None();
  if (!ts.current_exception) return true;
  if (!exception_matches(ts.current_exception, &StopIteration_type)) return false;
  Value v = static_cast<ExceptionObject*>(ts.current_exception.as_object())->extra;
  *value = v ? v : None();
  ts.current_exception = Value();
  return true;
}

// Closes a `yield from` delegate: generators directly, other iterators through their close() method if any.
bool close_delegate(ThreadState& ts, Value yf) {
  if (is_generator(yf)) return bool(gen_close(ts, as_gen(yf)));
  Value close = get_attr_optional(ts, yf, intern(ts, "close"));
  if (!close) return !ts.current_exception;
  return bool(call(ts, close, {}));
}

}  // namespace

// Raises the pending exception inside the generator, delegating to a `yield from` sub-iterator first.
Value gen_throw_pending(ThreadState& ts, GeneratorObject* gen, bool close_on_genexit) {
  Value yf = delegate_of(gen);
  if (yf) {
    Value exc = ts.current_exception;
    Value ret;
    if (close_on_genexit && exception_matches(exc, &GeneratorExit_type)) {
      // The delegate is closed rather than thrown into, then GeneratorExit is raised here.
      ts.current_exception = Value();
      gen->state = GenState::kExecuting;
      bool closed = close_delegate(ts, yf);
      gen->state = GenState::kSuspended;
      if (closed) ts.current_exception = exc;
      Value r;
      return finish_send(ts, gen, gen_send_ex(ts, gen, None(), true, &r), r);
    }
    ts.current_exception = Value();
    gen->state = GenState::kExecuting;
    if (is_generator(yf)) {
      ts.current_exception = exc;
      ret = gen_throw_pending(ts, as_gen(yf));
    } else {
      Value meth = get_attr_optional(ts, yf, intern(ts, "throw"));
      if (!meth && !ts.current_exception) {
        gen->state = GenState::kSuspended;
        ts.current_exception = exc;
        Value r;
        return finish_send(ts, gen, gen_send_ex(ts, gen, None(), true, &r), r);
      }
      if (meth) ret = call(ts, meth, std::span<const Value>(&exc, 1));
    }
    gen->state = GenState::kSuspended;
    if (!ret) {
      // The delegate finished (or failed): drop it and continue after the SEND loop, as CPython does.
      Frame* frame = &gen->frame;
      frame->stack_top--;
      const uint16_t* send = frame->next_instr - 2;
      frame->next_instr = send + 1 + (*send >> 8);
      Value value;
      Value r;
      if (fetch_stop_iteration_value(ts, &value)) return finish_send(ts, gen, gen_send_ex(ts, gen, value, false, &r), r);
      return finish_send(ts, gen, gen_send_ex(ts, gen, None(), true, &r), r);
    }
    return ret;
  }
  Value r;
  return finish_send(ts, gen, gen_send_ex(ts, gen, None(), true, &r), r);
}

Value gen_close(ThreadState& ts, GeneratorObject* gen) {
  Value yf = delegate_of(gen);
  bool raise_exit = true;
  if (yf) {
    gen->state = GenState::kExecuting;
    raise_exit = close_delegate(ts, yf);
    gen->state = GenState::kSuspended;
  }
  if (raise_exit) ts.current_exception = new_exception(ts, &GeneratorExit_type, {});
  Value r;
  SendResult status = gen_send_ex(ts, gen, None(), true, &r, true);
  if (status == SendResult::kNext) {
    // An async generator's `yield` under aclose() reaches here wrapped.
    return raise_fmt(ts, RuntimeError_type, "{} ignored GeneratorExit", generator_kind_word(gen));
  }
  if (status == SendResult::kReturn || exception_matches(ts.current_exception, &StopIteration_type) ||
      exception_matches(ts.current_exception, &GeneratorExit_type) || !ts.current_exception) {
    ts.current_exception = Value();
    return None();
  }
  return Value();
}

// The collector found a suspended generator unreachable: close it as CPython's _PyGen_Finalize does, so that its
// `finally` blocks and context managers' exits run.
void gen_del(ThreadState& ts, Object* self) {
  auto* gen = static_cast<GeneratorObject*>(self);
  gen->gc_flags |= kGcFinalized;
  if (gen->type == &coroutine_type && gen->state == GenState::kCreated) {
    warn_never_awaited(ts, gen);
    return;
  }
  if (gen->state != GenState::kSuspended) return;
  // An async generator with a finalizer hook (asyncio's) is handed to it instead of being closed here.
  if (gen->type == &async_generator_type && async_gen_call_finalizer(ts, gen)) return;
  if (!gen_close(ts, gen)) write_unraisable(ts, Value(self));
}

Value gen_iternext(ThreadState& ts, Value self) {
  Value r;
  SendResult status = gen_send_ex(ts, as_gen(self), Value(), false, &r);
  if (status == SendResult::kReturn && !is_none(r)) return raise_stop_iteration(ts, r);
  if (status == SendResult::kNext) return r;
  return Value();
}

Value gen_repr(ThreadState& ts, Value self) {
  return make_str(ts, fmt::format("<generator object {} at {:#x}>", as_gen(self)->qualname->view(), self.bits()));
}

void trace_generator(Object* self, Tracer& tracer) {
  auto* gen = static_cast<GeneratorObject*>(self);
  tracer.visit(gen->name);
  tracer.visit(gen->qualname);
  tracer.visit(gen->exc_state.exc_value);
  tracer.visit(gen->ag_finalizer);
  Frame& f = gen->frame;
  tracer.visit(f.code);
  if (gen->state == GenState::kCompleted) return;
  tracer.visit(f.func);
  tracer.visit(f.globals);
  tracer.visit(f.builtins);
  tracer.visit(f.locals);
  Value* base = f.localsplus + f.code->nlocalsplus;
  tracer.visit_range(f.localsplus, base);
  // While running, stack_top is only saved at calls: scan the whole stack area then.
  if (gen->state == GenState::kExecuting) tracer.visit_conservative(base, base + f.code->stacksize);
  else tracer.visit_range(base, f.stack_top);
}

Value gen_send_method(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "send", args, kwnames, 1, 1)) return Value();
  Value r;
  return finish_send(ts, as_gen(self), gen_send_ex(ts, as_gen(self), args[0], false, &r), r);
}

// throw(exc), throw(type[, value]): the exception instance to raise, as PyErr_NormalizeException builds it.
Value throw_argument(ThreadState& ts, std::span<const Value> args) {
  Value typ = args[0];
  Value val = args.size() > 1 ? args[1] : None();
  if (is_type(typ) && is_exception_type(as_type(typ))) {
    if (val.is_object() && is_subtype(type_of(val), as_type(typ))) return val;
    if (is_none(val)) return new_exception(ts, as_type(typ), {});
    if (is_tuple(val)) return new_exception(ts, as_type(typ), static_cast<TupleObject*>(val.as_object())->span());
    return new_exception(ts, as_type(typ), std::span<const Value>(&val, 1));
  }
  if (typ.is_object() && is_exception_type(type_of(typ))) {
    if (!is_none(val)) return raise(ts, TypeError_type, "instance exception may not have a separate value");
    return typ;
  }
  return raise_fmt(ts, TypeError_type, "exceptions must be classes or instances deriving from BaseException, not {}",
                   type_name(typ));
}

Value gen_throw_method(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "throw", args, kwnames, 1, 3)) return Value();
  Value exc = throw_argument(ts, args);
  if (!exc) return Value();
  ts.current_exception = exc;
  return gen_throw_pending(ts, as_gen(self));
}

Value gen_close_method(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "close", args, kwnames, 0, 0)) return Value();
  return gen_close(ts, as_gen(self));
}

Value gen_next_method(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "__next__", args, kwnames, 0, 0)) return Value();
  Value v = gen_iternext(ts, self);
  if (!v && !ts.current_exception) return raise_value(ts, new_exception(ts, &StopIteration_type, {}));
  return v;
}

Value gen_iter_method(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "__iter__", args, kwnames, 0, 0)) return Value();
  return self;
}

Value gen_name(ThreadState&, Value self, std::span<const Value>, TupleObject*) { return Value(as_gen(self)->name); }
Value gen_qualname(ThreadState&, Value self, std::span<const Value>, TupleObject*) {
  return Value(as_gen(self)->qualname);
}
Value gen_running(ThreadState&, Value self, std::span<const Value>, TupleObject*) {
  return Bool(as_gen(self)->state == GenState::kExecuting);
}
Value gen_suspended(ThreadState&, Value self, std::span<const Value>, TupleObject*) {
  return Bool(as_gen(self)->state == GenState::kSuspended);
}
Value gen_code(ThreadState&, Value self, std::span<const Value>, TupleObject*) { return Value(as_gen(self)->frame.code); }
Value generator_frame_getter(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  GeneratorObject* gen = as_gen(self);
  if (gen->state == GenState::kCompleted) return None();
  return frame_object_of_generator(ts, &gen->frame);
}
Value gen_yieldfrom(ThreadState&, Value self, std::span<const Value>, TupleObject*) {
  Value yf = delegate_of(as_gen(self));
  return yf ? yf : None();
}

namespace {

const MethodDef kGeneratorMethods[] = {
    {"send", gen_send_method},   {"throw", gen_throw_method},       {"close", gen_close_method},
    {"__next__", gen_next_method}, {"__iter__", gen_iter_method},
};

}  // namespace

// RETURN_GENERATOR: a generator owning a copy of `frame` (arguments bound, cells made), to resume after the
// RETURN_GENERATOR instruction. `frame` itself is released by the caller.
Value make_generator(ThreadState& ts, Frame* frame) {
  CodeObj* code = frame->code;
  size_t frame_offset = offsetof(GeneratorObject, frame);
  Type* type = (code->flags & CO_COROUTINE)        ? &coroutine_type
               : (code->flags & CO_ASYNC_GENERATOR) ? &async_generator_type
                                                    : &generator_type;
  auto* gen = ts.alloc<GeneratorObject>(type, frame_offset + code->frame_size);
  std::memcpy(static_cast<void*>(&gen->frame), frame, code->frame_size);
  Frame& f = gen->frame;
  f.stack_top = f.stack_base() + (frame->stack_top - frame->stack_base());
  f.previous = nullptr;
  f.generator = gen;
  f.is_entry = true;
  f.is_binop = false;  // the BINARY_OP that made the generator (a generator __add__) got it as its result
  gen->name = frame->func ? frame->func->name : code->name;
  gen->qualname = frame->func ? frame->func->qualname : code->qualname;
  gen->state = GenState::kCreated;
  gen->ag_running_async = gen->ag_closed = gen->ag_hooks_inited = false;
  gen->ag_finalizer = Value();
  gen->gc_flags |= kGcFinalized;  // until it first suspends: closing an unstarted generator runs nothing
  // Closing throws GeneratorExit at the paused yield: visible only if a handler (try, with) can catch it there,
  // so generators of code without any need no finalization (nor its cost). A coroutine collected before it ever
  // ran warns that it was never awaited; an async generator may have a finalizer hook to call.
  if (type == &coroutine_type) {
    gen->gc_flags &= ~uint32_t{kGcFinalized};
    ts.heap->register_finalizable(gen);
  } else if (type == &async_generator_type || !code->src().exceptiontable.empty()) {
    ts.heap->register_finalizable(gen);
  }
  return Value(gen);
}

// YIELD_VALUE: the frame's generator is paused (the loop returns the yielded value to gen_send_ex).
void generator_suspended(GeneratorObject* gen) {
  gen->state = GenState::kSuspended;
  gen->gc_flags &= ~uint32_t{kGcFinalized};
}

// SEND: one step of `yield from`. Returns 1 with *out the yielded value, 0 with *out the delegate's return value
// (it finished), -1 on error.
int send_to_delegate(ThreadState& ts, Value receiver, Value arg, Value* out) {
  if (is_generator(receiver) && type_of(receiver) != &async_generator_type) {
    SendResult status = gen_send_ex(ts, as_gen(receiver), arg, false, out);
    if (status == SendResult::kNext) return 1;
    if (status == SendResult::kReturn) return 0;
    if (!ts.current_exception) {
      *out = None();
      return 0;
    }
    return -1;
  }
  Type* t = type_of(receiver);
  if (is_none(arg) && t->iternext) *out = t->iternext(ts, receiver);
  else *out = call_method(ts, receiver, intern(ts, "send"), std::span<const Value>(&arg, 1));
  if (*out) return 1;
  return fetch_stop_iteration_value(ts, out) ? 0 : -1;
}

// GET_YIELD_FROM_ITER: generators are delegated to as they are; anything else through iter().
Value yield_from_iter(ThreadState& ts, Value iterable) {
  if (type_of(iterable) == &coroutine_type) {
    // Only coroutines (and types.coroutine generators) may delegate to a coroutine.
    if (!(ts.current_frame->code->flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE)))
      return raise(ts, TypeError_type, "cannot 'yield from' a coroutine object in a non-coroutine generator");
    return iterable;
  }
  if (type_of(iterable) == &generator_type) return iterable;
  return get_iter(ts, iterable);
}

void init_generator_type(ThreadState& ts) {
  generator_type.iter = [](ThreadState&, Value self) { return self; };
  generator_type.iternext = gen_iternext;
  generator_type.repr = gen_repr;
  generator_type.trace = trace_generator;
  generator_type.del = gen_del;
  add_methods(ts, generator_type, kGeneratorMethods);
  add_getset(ts, generator_type, "__name__", gen_name);
  add_getset(ts, generator_type, "__qualname__", gen_qualname);
  add_getset(ts, generator_type, "gi_running", gen_running);
  add_getset(ts, generator_type, "gi_suspended", gen_suspended);
  add_getset(ts, generator_type, "gi_code", gen_code);
  add_getset(ts, generator_type, "gi_yieldfrom", gen_yieldfrom);
  add_getset(ts, generator_type, "gi_frame", generator_frame_getter);
}

}  // namespace minipy
