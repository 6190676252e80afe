// aiter() and anext(), and the awaitable anext(it, default) returns (CPython's anext_awaitable): it drives the
// awaitable of `it.__anext__()` step by step, passing send/throw through, and when that iteration ends with
// StopAsyncIteration it finishes with StopIteration(default), which is how an awaitable returns a value.
#include "vm/objects/async_builtins.h"

#include "vm/objects/static_type.h"

namespace minipy {

namespace {

Type anext_awaitable_type;

struct AnextAwaitable : Object {
  Value iterator;      // the async iterator anext() was given
  Value default_value;
  Value inner;         // the iterator of __anext__()'s awaitable, once the first step asked for it
};

AnextAwaitable* as_awaitable(Value v) { return static_cast<AnextAwaitable*>(v.as_object()); }

void trace_anext_awaitable(Object* self, Tracer& tracer) {
  auto* a = static_cast<AnextAwaitable*>(self);
  tracer.visit(a->iterator);
  tracer.visit(a->default_value);
  tracer.visit(a->inner);
}

// The special method `name` of v's type, bound to v as the interpreter finds it (never the instance dict).
Value call_special(ThreadState& ts, Value v, const char* name) {
  Value method = type_lookup(type_of(v), intern(ts, name));
  if (!method) return Value();
  return call_method(ts, v, intern(ts, name), {});
}

// First step: call __anext__ and take its awaitable's iterator (a coroutine is its own).
Value inner_iterator(ThreadState& ts, AnextAwaitable* a) {
  if (a->inner) return a->inner;
  Value awaitable = call_method(ts, a->iterator, intern(ts, "__anext__"), {});
  if (!awaitable) return awaitable;
  Value it = call_special(ts, awaitable, "__await__");
  if (!it) {
    if (!ts.current_exception)
      raise_fmt(ts, TypeError_type, "'{}' object can't be awaited", type_of(awaitable)->name->view());
    return it;
  }
  a->inner = it;
  return it;
}

// The end of the async iteration becomes the awaitable's result: StopIteration(default).
Value end_with_default(ThreadState& ts, AnextAwaitable* a) {
  if (ts.current_exception && exception_matches(ts.current_exception, &StopAsyncIteration_type)) {
    ts.current_exception = Value();
    return raise_stop_iteration(ts, a->default_value);
  }
  return Value();
}

// One step: send(value) to the inner iterator (next() when value is None and it has no send).
Value step(ThreadState& ts, Value self, Value value) {
  AnextAwaitable* a = as_awaitable(self);
  Value it = inner_iterator(ts, a);
  if (!it) return end_with_default(ts, a);
  Value r;
  if (is_none(value) && !type_lookup(type_of(it), intern(ts, "send"))) {
    r = type_of(it)->iternext ? type_of(it)->iternext(ts, it) : call_method(ts, it, intern(ts, "__next__"), {});
    // An iternext slot reports exhaustion by returning null with no exception; at the await protocol's level the end
    // must be a StopIteration, so one is raised (with None, what a bare return gives).
    if (!r && !ts.current_exception) return raise_stop_iteration(ts, None());
  } else {
    r = call_method(ts, it, intern(ts, "send"), {&value, 1});
  }
  return r ? r : end_with_default(ts, a);
}

Value awaitable_iternext(ThreadState& ts, Value self) { return step(ts, self, None()); }
Value awaitable_self(ThreadState&, Value self) { return self; }

#define AWAITABLE_FN(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

AWAITABLE_FN(awaitable_send) {
  if (!check_positional_args(ts, "send", args, kwnames, 1, 1)) return Value();
  return step(ts, self, args[0]);
}
AWAITABLE_FN(awaitable_throw) {
  if (!check_positional_args(ts, "throw", args, kwnames, 1, 3)) return Value();
  AnextAwaitable* a = as_awaitable(self);
  Value it = inner_iterator(ts, a);
  if (!it) return end_with_default(ts, a);
  Value r = call_method(ts, it, intern(ts, "throw"), args);
  return r ? r : end_with_default(ts, a);
}
AWAITABLE_FN(awaitable_close) {
  if (!check_positional_args(ts, "close", args, kwnames, 0, 0)) return Value();
  AnextAwaitable* a = as_awaitable(self);
  // Closing before the first step has nothing to close: __anext__ was never called, so the async iterator is left
  // untouched (its __anext__ is never started just to be closed).
  if (!a->inner || !type_lookup(type_of(a->inner), intern(ts, "close"))) return None();
  return call_method(ts, a->inner, intern(ts, "close"), {});
}
AWAITABLE_FN(awaitable_await) {
  if (!check_positional_args(ts, "__await__", args, kwnames, 0, 0)) return Value();
  return self;
}

const MethodDef kAwaitableMethods[] = {
    {"send", awaitable_send},
    {"throw", awaitable_throw},
    {"close", awaitable_close},
    {"__await__", awaitable_await},
};

}  // namespace

Value builtin_aiter(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "aiter", args, kwnames, 1, 1)) return Value();
  if (!type_lookup(type_of(args[0]), intern(ts, "__aiter__")))
    return raise_fmt(ts, TypeError_type, "'{}' object is not an async iterable", type_of(args[0])->name->view());
  Value it = call_method(ts, args[0], intern(ts, "__aiter__"), {});
  if (!it) return it;
  if (!type_lookup(type_of(it), intern(ts, "__anext__")))
    return raise_fmt(ts, TypeError_type, "aiter() returned not an async iterator of type '{}'",
                     type_of(it)->name->view());
  return it;
}

Value builtin_anext(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "anext", args, kwnames, 1, 2)) return Value();
  if (!type_lookup(type_of(args[0]), intern(ts, "__anext__")))
    return raise_fmt(ts, TypeError_type, "'{}' object is not an async iterator", type_of(args[0])->name->view());
  // Without a default the awaitable is __anext__()'s own, as in CPython; the wrapper is needed only to turn
  // StopAsyncIteration into the default value.
  if (args.size() == 1) return call_method(ts, args[0], intern(ts, "__anext__"), {});
  auto* a = ts.alloc<AnextAwaitable>(&anext_awaitable_type);
  a->iterator = args[0];
  a->default_value = args[1];
  // __anext__ is called only at the first step of the await (inner_iterator). CPython's builtin_anext calls it here,
  // before wrapping its awaitable, so a side effect of __anext__ comes later than in CPython (a known divergence).
  return Value(a);
}

void init_anext_awaitable_type(ThreadState& ts) {
  Type& t = anext_awaitable_type;
  begin_static_type(ts, t, "anext_awaitable", &object_type, sizeof(AnextAwaitable), 0);
  t.trace = trace_anext_awaitable;
  t.iter = awaitable_self;
  t.iternext = awaitable_iternext;
  add_methods(ts, t, kAwaitableMethods);
  finish_static_type_slots(ts, t, nullptr);
}

}  // namespace minipy
