// Coroutines (`async def` functions' objects) and the await protocol, as CPython 3.11's genobject.c and ceval.c
// define them: a coroutine is a GeneratorObject of type `coroutine` (generator.cpp drives it); `__await__()`
// returns a `coroutine_wrapper` iterator over it; GET_AWAITABLE, GET_AITER, GET_ANEXT and BEFORE_ASYNC_WITH
// find the awaitable / async iterator / async context manager with CPython's checks and messages.

#include "stdlib/native/_warnings.h"
#include "vm/errors/traceback.h"
#include "vm/import/import_internal.h"
#include "vm/objects/generator.h"
#include "vm/objects/type_init.h"

namespace minipy {

namespace {

// The iterator `coroutine.__await__()` returns: next/send/throw/close go to the coroutine.
struct CoroWrapperObject : Object {
  GeneratorObject* coro;
};

Value coro_repr(ThreadState& ts, Value self) {
  return make_str(ts, fmt::format("<coroutine object {} at {:#x}>", as_generator(self)->qualname->view(), self.bits()));
}

// A separate wrapper object, because a coroutine itself is deliberately not an iterator (no __next__), so that `for x
// in coro` fails; the wrapper is what `yield from`-based code and asyncio's Task drive.
Value coro_await_method(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "__await__", args, kwnames, 0, 0)) return Value();
  auto* w = ts.alloc<CoroWrapperObject>(&coroutine_wrapper_type);
  w->coro = as_generator(self);
  return Value(w);
}

// cr_origin is only recorded under sys.set_coroutine_origin_tracking_depth(n > 0), which minipy does not support; None
// is what CPython reports when tracking is off.
Value coro_origin(ThreadState&, Value, std::span<const Value>, TupleObject*) { return None(); }

const MethodDef kCoroutineMethods[] = {
    {"send", gen_send_method}, {"throw", gen_throw_method}, {"close", gen_close_method},
    {"__await__", coro_await_method},
};
const MethodDef kCoroutineGetters[] = {
    {"__name__", gen_name},        {"__qualname__", gen_qualname}, {"cr_running", gen_running},
    {"cr_suspended", gen_suspended}, {"cr_code", gen_code},         {"cr_await", gen_yieldfrom},
    {"cr_origin", coro_origin},    {"cr_frame", generator_frame_getter},
};

Value wrapper_coro(Value self) { return Value(static_cast<CoroWrapperObject*>(self.as_object())->coro); }

Value wrapper_iternext(ThreadState& ts, Value self) {
  GeneratorObject* coro = static_cast<CoroWrapperObject*>(self.as_object())->coro;
  Value r;
  SendResult status = gen_send_ex(ts, coro, Value(), false, &r);
  // A coroutine's return value travels out as StopIteration(value), as for generators; a None return is plain
  // exhaustion.
  if (status == SendResult::kReturn && !is_none(r)) return raise_stop_iteration(ts, r);
  return status == SendResult::kNext ? r : Value();
}
Value wrapper_next(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "__next__", args, kwnames, 0, 0)) return Value();
  Value v = wrapper_iternext(ts, self);
  if (!v && !ts.current_exception) return raise_value(ts, new_exception(ts, &StopIteration_type, {}));
  return v;
}
Value wrapper_send(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  return gen_send_method(ts, wrapper_coro(self), args, kwnames);
}
Value wrapper_throw(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  return gen_throw_method(ts, wrapper_coro(self), args, kwnames);
}
Value wrapper_close(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  return gen_close_method(ts, wrapper_coro(self), args, kwnames);
}
Value wrapper_iter(ThreadState&, Value self, std::span<const Value>, TupleObject*) { return self; }

const MethodDef kWrapperMethods[] = {
    {"__next__", wrapper_next}, {"send", wrapper_send}, {"throw", wrapper_throw},
    {"close", wrapper_close},   {"__iter__", wrapper_iter},
};

// The special method `name` of obj's type, bound to obj (CPython's _PyObject_LookupSpecial); null if absent.
// Special methods are looked up on the type, never the instance, so an instance attribute named __await__ does not make
// an object awaitable.
Value lookup_special(ThreadState& ts, Value obj, const char* name) {
  Type* t = type_of(obj);
  Value attr = type_lookup(t, intern(ts, name));
  if (!attr) return Value();
  DescrGetSlot get = type_of(attr)->descr_get;
  return get ? get(ts, attr, obj, Value(t)) : attr;
}

// A generator created from a types.coroutine-flagged function may be awaited directly.
bool is_iterable_coroutine(Value v) {
  return type_of(v) == &generator_type && (as_generator(v)->frame.code->flags & CO_ITERABLE_COROUTINE);
}

}  // namespace

// CPython's _PyCoro_GetAwaitableIter: the iterator an `await` drives for `o`, or null with TypeError.
Value get_awaitable_iter(ThreadState& ts, Value o) {
  // The coroutine itself (not a wrapper) is what SEND drives, which is cheaper and lets cr_await show the chain.
  if (type_of(o) == &coroutine_type || is_iterable_coroutine(o)) return o;
  Value await = lookup_special(ts, o, "__await__");
  if (!await) {
    if (ts.current_exception) return Value();
    return raise_fmt(ts, TypeError_type, "object {} can't be used in 'await' expression", type_name(o));
  }
  Value res = call(ts, await, {});
  if (!res) return Value();
  if (type_of(res) == &coroutine_type || is_iterable_coroutine(res))
    // A coroutine from __await__ would need awaiting itself; CPython refuses it rather than awaiting twice.
    return raise(ts, TypeError_type, "__await__() returned a coroutine");
  if (!type_of(res)->iternext)
    return raise_fmt(ts, TypeError_type, "__await__() returned non-iterator of type '{}'", type_name(res));
  return res;
}

// GET_AWAITABLE(where): `where` 1 and 2 name __aenter__ / __aexit__ in the message for a non-awaitable.
Value get_awaitable(ThreadState& ts, Value o, int where) {
  Value iter = get_awaitable_iter(ts, o);
  if (!iter) {
    if (where != 0 && exception_matches(ts.current_exception, &TypeError_type) && !type_lookup(type_of(o), intern(ts, "__await__"))) {
      ts.current_exception = Value();
      raise_fmt(ts, TypeError_type, "'async with' received an object from {} that does not implement __await__: {}",
                where == 1 ? "__aenter__" : "__aexit__", type_name(o));
    }
    return Value();
  }
  // A coroutine already suspended in an await of its own is being awaited by someone else; sending into it from a
  // second place would interleave two callers.
  if (type_of(iter) == &coroutine_type && delegate_of(as_generator(iter)))
    return raise(ts, RuntimeError_type, "coroutine is being awaited already");
  return iter;
}

// GET_AITER: `obj.__aiter__()`, which must have __anext__.
// Since 3.5.2 __aiter__ must return the async iterator directly (not an awaitable); the check for __anext__ gives the
// clearer error at the `async for` rather than at the first step.
Value get_aiter(ThreadState& ts, Value obj) {
  Value aiter = lookup_special(ts, obj, "__aiter__");
  if (!aiter) {
    if (ts.current_exception) return Value();
    return raise_fmt(ts, TypeError_type, "'async for' requires an object with __aiter__ method, got {}", type_name(obj));
  }
  Value iter = call(ts, aiter, {});
  if (!iter) return Value();
  if (!type_lookup(type_of(iter), intern(ts, "__anext__")))
    return raise_fmt(ts, TypeError_type,
                     "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                     type_name(iter));
  return iter;
}

// GET_ANEXT: the awaitable of `aiter.__anext__()`.
Value get_anext_awaitable(ThreadState& ts, Value aiter) {
  // Native async generators skip the method lookup; a subclass cannot exist (the type is not subclassable).
  if (type_of(aiter) == &async_generator_type) return async_gen_anext(ts, aiter);
  Value anext = lookup_special(ts, aiter, "__anext__");
  if (!anext) {
    if (ts.current_exception) return Value();
    return raise_fmt(ts, TypeError_type, "'async for' requires an iterator with __anext__ method, got {}",
                     type_name(aiter));
  }
  Value next = call(ts, anext, {});
  if (!next) return Value();
  Value awaitable = get_awaitable_iter(ts, next);
  if (!awaitable) {
    // CPython chains the TypeError as the cause of its own.
    Value cause = ts.current_exception;
    ts.current_exception = Value();
    raise_fmt(ts, TypeError_type, "'async for' received an invalid object from __anext__: {}", type_name(next));
    auto* e = static_cast<ExceptionObject*>(ts.current_exception.as_object());
    e->cause = cause;
    e->context = cause;
    e->suppress_context = true;
    return Value();
  }
  return awaitable;
}

// BEFORE_ASYNC_WITH: *exit_out = bound __aexit__; returns `mgr.__aenter__()` (to be awaited).
// Both methods are looked up before __aenter__ is called, so a manager missing __aexit__ fails before entering, with
// 3.11's wording for each case.
Value before_async_with(ThreadState& ts, Value mgr, Value* exit_out) {
  Value enter = lookup_special(ts, mgr, "__aenter__");
  if (!enter) {
    if (ts.current_exception) return Value();
    return raise_fmt(ts, TypeError_type, "'{}' object does not support the asynchronous context manager protocol",
                     type_name(mgr));
  }
  Value exit = lookup_special(ts, mgr, "__aexit__");
  if (!exit) {
    if (ts.current_exception) return Value();
    return raise_fmt(ts, TypeError_type,
                     "'{}' object does not support the asynchronous context manager protocol (missed __aexit__ method)",
                     type_name(mgr));
  }
  *exit_out = exit;
  return call(ts, enter, {});
}

// A coroutine collected before it ever ran: the RuntimeWarning, through the warnings module as CPython's
// _PyErr_WarnUnawaitedCoroutine sends it (warnings._warn_unawaited_coroutine, so -W and warnings filters apply).
// Called from a finalizer, so nothing escapes: a failure is reported as unraisable, and unless it was the warning
// itself turned into an error, the warning is issued once more from native code.
void warn_never_awaited(ThreadState& ts, GeneratorObject* coro) {
  Value pending = ts.current_exception;
  ts.current_exception = Value();
  bool warned = false;
  if (Value warnings = find_and_load(ts, "warnings")) {
    if (Value fn = get_attr(ts, warnings, intern(ts, "_warn_unawaited_coroutine"))) {
      Value arg(coro);
      Value r = call(ts, fn, {&arg, 1});
      warned = r || exception_matches(ts.current_exception, &RuntimeWarning_type);
    }
  }
  if (ts.current_exception) write_unraisable(ts, Value(coro));
  if (!warned) {
    std::string message = fmt::format("coroutine '{}' was never awaited", coro->qualname->view());
    if (!warn(ts, RuntimeWarning_type, message, 1)) write_unraisable(ts, Value(coro));
  }
  ts.current_exception = pending;
}

void init_coroutine_types(ThreadState& ts) {
  coroutine_type.repr = coro_repr;
  coroutine_type.trace = trace_generator;
  coroutine_type.del = gen_del;
  add_methods(ts, coroutine_type, kCoroutineMethods);
  add_getsets(ts, coroutine_type, kCoroutineGetters);

  coroutine_wrapper_type.iter = [](ThreadState&, Value self) { return self; };
  coroutine_wrapper_type.iternext = wrapper_iternext;
  coroutine_wrapper_type.trace = [](Object* self, Tracer& tracer) {
    tracer.visit(static_cast<CoroWrapperObject*>(self)->coro);
  };
  add_methods(ts, coroutine_wrapper_type, kWrapperMethods);
}

size_t coroutine_wrapper_size() { return sizeof(CoroWrapperObject); }

}  // namespace minipy
