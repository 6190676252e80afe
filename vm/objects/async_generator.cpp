// Async generators (`async def` with `yield`), as CPython 3.11's genobject.c defines them. The generator itself
// is a GeneratorObject of type `async_generator`; its yields come out wrapped (ASYNC_GEN_WRAP) so that the
// awaitables asend()/__anext__() and athrow()/aclose() return can tell a yielded value (which ends the await
// with StopIteration(value)) from an await inside the generator passing through to the event loop. The
// sys.set_asyncgen_hooks firstiter/finalizer hooks live here too.
#include "vm/objects/generator.h"
#include "vm/objects/static_type.h"
#include "vm/objects/type_init.h"

namespace minipy {

namespace {

// The awaitables' life: not started, being iterated, finished (awaiting them again is an error).
// Each asend()/athrow() object is a one-shot awaitable: once it has produced its result (or failed) awaiting it again
// must not resume the generator a second time, hence CPython's "cannot reuse already awaited" errors.
enum class AwaitableState : uint8_t { kInit, kIter, kClosed };

struct ASendObject : Object {
  GeneratorObject* gen;
  Value sendval;
  AwaitableState state;
};
struct AThrowObject : Object {
  GeneratorObject* gen;
  Value args;  // athrow()'s arguments as a tuple; null for aclose()
  AwaitableState state;
};
struct WrappedValueObject : Object {
  Value value;
};

// sys.set_asyncgen_hooks' hooks (null: unset), GC roots once registered.
Value g_firstiter, g_finalizer;

GeneratorObject* agen(Value v) { return as_generator(v); }
bool is_wrapped(Value v) { return v && v.is_object() && v.as_object()->type == &async_generator_wrapped_value_type; }

// The first asend/athrow/aclose: remember the finalizer hook and call the firstiter hook (asyncio's loop
// tracks its async generators this way).
// The finalizer is captured per generator at its first use, as async_gen_init_hooks does: changing the hooks later does
// not affect generators already running, which is what lets asyncio's shutdown_asyncgens find them.
bool init_hooks(ThreadState& ts, GeneratorObject* gen) {
  if (gen->ag_hooks_inited) return true;
  gen->ag_hooks_inited = true;
  if (g_finalizer && !is_none(g_finalizer)) gen->ag_finalizer = g_finalizer;
  if (!g_firstiter || is_none(g_firstiter)) return true;
  Value arg(gen);
  return bool(call(ts, g_firstiter, std::span<const Value>(&arg, 1)));
}

// What a step's result means to the awaitable driving it (async_gen_unwrap_value): a wrapped value is the
// generator's yield, ending this await with StopIteration(value); an exhausted or closed generator marks it closed.
// ag_running_async guards against two awaitables driving the same generator at once ("asynchronous generator is already
// running"); it is cleared whenever a step ends, by a yield or by an exception.
Value unwrap(ThreadState& ts, GeneratorObject* gen, Value result) {
  if (!result) {
    if (!ts.current_exception) raise_value(ts, new_exception(ts, &StopAsyncIteration_type, {}));
    if (exception_matches(ts.current_exception, &StopAsyncIteration_type) ||
        exception_matches(ts.current_exception, &GeneratorExit_type))
      gen->ag_closed = true;
    gen->ag_running_async = false;
    return Value();
  }
  if (is_wrapped(result)) {
    raise_stop_iteration(ts, static_cast<WrappedValueObject*>(result.as_object())->value);
    gen->ag_running_async = false;
    return Value();
  }
  return result;
}

// gen.send(arg) as genobject.c's gen_send: returns mean StopIteration / StopAsyncIteration.
// The async generator's frame runs through the same machinery as a plain generator's; only the interpretation of what
// comes out (wrapped or not) differs.
Value gen_send_value(ThreadState& ts, GeneratorObject* gen, Value arg) {
  Value r;
  return finish_send(ts, gen, gen_send_ex(ts, gen, arg, false, &r), r);
}

// gen.throw(*args) with close_on_genexit off (athrow/aclose throw GeneratorExit into an awaited target too).
Value gen_throw_args(ThreadState& ts, GeneratorObject* gen, std::span<const Value> args, bool close_on_genexit) {
  Value exc = throw_argument(ts, args);
  if (!exc) return Value();
  ts.current_exception = exc;
  return gen_throw_pending(ts, gen, close_on_genexit);
}

// ---- the async generator ----

Value agen_repr(ThreadState& ts, Value self) {
  return make_str(ts, fmt::format("<async_generator object {} at {:#x}>", agen(self)->qualname->view(), self.bits()));
}

Value make_asend(ThreadState& ts, GeneratorObject* gen, Value sendval) {
  auto* o = ts.alloc<ASendObject>(&async_generator_asend_type);
  o->gen = gen;
  o->sendval = sendval;
  o->state = AwaitableState::kInit;
  return Value(o);
}

Value make_athrow(ThreadState& ts, GeneratorObject* gen, Value args) {
  auto* o = ts.alloc<AThrowObject>(&async_generator_athrow_type);
  o->gen = gen;
  o->args = args;
  o->state = AwaitableState::kInit;
  return Value(o);
}

Value agen_aiter(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "__aiter__", args, kwnames, 0, 0)) return Value();
  return self;
}
Value agen_anext(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "__anext__", args, kwnames, 0, 0)) return Value();
  if (!init_hooks(ts, agen(self))) return Value();
  return make_asend(ts, agen(self), None());
}
Value agen_asend(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "asend", args, kwnames, 1, 1)) return Value();
  if (!init_hooks(ts, agen(self))) return Value();
  return make_asend(ts, agen(self), args[0]);
}
Value agen_athrow(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "athrow", args, kwnames, 1, 3)) return Value();
  if (!init_hooks(ts, agen(self))) return Value();
  return make_athrow(ts, agen(self), Value(make_tuple(ts, args)));
}
Value agen_aclose(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "aclose", args, kwnames, 0, 0)) return Value();
  if (!init_hooks(ts, agen(self))) return Value();
  return make_athrow(ts, agen(self), Value());
}
Value agen_running(ThreadState&, Value self, std::span<const Value>, TupleObject*) {
  return Bool(agen(self)->ag_running_async);
}

const MethodDef kAsyncGenMethods[] = {
    {"__aiter__", agen_aiter}, {"__anext__", agen_anext}, {"asend", agen_asend},
    {"athrow", agen_athrow},   {"aclose", agen_aclose},
};
const MethodDef kAsyncGenGetters[] = {
    {"__name__", gen_name},      {"__qualname__", gen_qualname}, {"ag_running", agen_running},
    {"ag_suspended", gen_suspended}, {"ag_code", gen_code},       {"ag_await", gen_yieldfrom},
    {"ag_frame", generator_frame_getter},
};

// ---- asend() / __anext__() ----

ASendObject* as_asend(Value v) { return static_cast<ASendObject*>(v.as_object()); }

Value asend_send_impl(ThreadState& ts, ASendObject* o, Value arg) {
  if (o->state == AwaitableState::kClosed)
    return raise(ts, RuntimeError_type, "cannot reuse already awaited __anext__()/asend()");
  if (o->state == AwaitableState::kInit) {
    if (o->gen->ag_running_async)
      return raise(ts, RuntimeError_type, "anext(): asynchronous generator is already running");
    // The first send into the awaitable delivers asend()'s argument; the event loop's own first send is None.
    if (!arg || is_none(arg)) arg = o->sendval;
    o->state = AwaitableState::kIter;
  }
  o->gen->ag_running_async = true;
  Value r = unwrap(ts, o->gen, gen_send_value(ts, o->gen, arg ? arg : None()));
  if (!r) o->state = AwaitableState::kClosed;
  return r;
}

Value asend_iternext(ThreadState& ts, Value self) { return asend_send_impl(ts, as_asend(self), Value()); }
Value asend_next(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "__next__", args, kwnames, 0, 0)) return Value();
  return asend_iternext(ts, self);
}
Value asend_send(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "send", args, kwnames, 1, 1)) return Value();
  return asend_send_impl(ts, as_asend(self), args[0]);
}
Value asend_throw(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "throw", args, kwnames, 1, 3)) return Value();
  ASendObject* o = as_asend(self);
  if (o->state == AwaitableState::kClosed)
    return raise(ts, RuntimeError_type, "cannot reuse already awaited __anext__()/asend()");
  Value r = unwrap(ts, o->gen, gen_throw_args(ts, o->gen, args, true));
  if (!r) o->state = AwaitableState::kClosed;
  return r;
}
Value asend_close(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "close", args, kwnames, 0, 0)) return Value();
  as_asend(self)->state = AwaitableState::kClosed;
  return None();
}
Value awaitable_self(ThreadState&, Value self, std::span<const Value>, TupleObject*) { return self; }

const MethodDef kASendMethods[] = {
    {"__next__", asend_next}, {"send", asend_send},        {"throw", asend_throw},
    {"close", asend_close},   {"__await__", awaitable_self}, {"__iter__", awaitable_self},
};

// ---- athrow() / aclose() ----

AThrowObject* as_athrow(Value v) { return static_cast<AThrowObject*>(v.as_object()); }

// aclose() must not let the generator yield again, and ends quietly when the generator exits.
Value athrow_closed_with(ThreadState& ts, AThrowObject* o, const char* message) {
  o->gen->ag_running_async = false;
  o->state = AwaitableState::kClosed;
  return raise(ts, RuntimeError_type, message);
}

// For aclose(), the generator finishing (StopAsyncIteration) or letting GeneratorExit out is success: the awaitable
// completes with StopIteration, i.e. `await agen.aclose()` returns None.
Value athrow_check_error(ThreadState& ts, AThrowObject* o) {
  o->gen->ag_running_async = false;
  o->state = AwaitableState::kClosed;
  if (!o->args && (exception_matches(ts.current_exception, &StopAsyncIteration_type) ||
                   exception_matches(ts.current_exception, &GeneratorExit_type))) {
    ts.current_exception = Value();
    raise_value(ts, new_exception(ts, &StopIteration_type, {}));
  }
  return Value();
}

Value athrow_send_impl(ThreadState& ts, AThrowObject* o, Value arg) {
  GeneratorObject* gen = o->gen;
  if (o->state == AwaitableState::kClosed)
    return raise(ts, RuntimeError_type, "cannot reuse already awaited aclose()/athrow()");
  if (gen->state == GenState::kCompleted) {
    o->state = AwaitableState::kClosed;
    return raise_value(ts, new_exception(ts, &StopIteration_type, {}));
  }
  if (o->state == AwaitableState::kInit) {
    if (gen->ag_running_async) {
      o->state = AwaitableState::kClosed;
      return raise(ts, RuntimeError_type, o->args ? "athrow(): asynchronous generator is already running"
                                                  : "aclose(): asynchronous generator is already running");
    }
    if (gen->ag_closed) {
      o->state = AwaitableState::kClosed;
      return raise_value(ts, new_exception(ts, &StopAsyncIteration_type, {}));
    }
    // The text is CPython's, even though what was just started is the athrow() awaitable.
    if (arg && !is_none(arg)) return raise(ts, RuntimeError_type, "can't send non-None value to a just-started coroutine");
    o->state = AwaitableState::kIter;
    gen->ag_running_async = true;
    Value r;
    if (!o->args) {
      // Marked closed before the throw, so that a generator which catches GeneratorExit and awaits (allowed) is still
      // known to be closing, and a later __anext__() ends at once.
      gen->ag_closed = true;
      Value exit_type(&GeneratorExit_type);
      r = gen_throw_args(ts, gen, std::span<const Value>(&exit_type, 1), false);
      if (is_wrapped(r)) return athrow_closed_with(ts, o, "async generator ignored GeneratorExit");
    } else {
      auto* t = static_cast<TupleObject*>(o->args.as_object());
      r = unwrap(ts, gen, gen_throw_args(ts, gen, t->span(), false));
    }
    return r ? r : athrow_check_error(ts, o);
  }
  Value r = gen_send_value(ts, gen, arg ? arg : None());
  if (o->args) return unwrap(ts, gen, r);
  if (!r) return athrow_check_error(ts, o);
  if (is_wrapped(r)) return athrow_closed_with(ts, o, "async generator ignored GeneratorExit");
  return r;
}

Value athrow_iternext(ThreadState& ts, Value self) { return athrow_send_impl(ts, as_athrow(self), Value()); }
Value athrow_next(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "__next__", args, kwnames, 0, 0)) return Value();
  return athrow_iternext(ts, self);
}
Value athrow_send(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "send", args, kwnames, 1, 1)) return Value();
  return athrow_send_impl(ts, as_athrow(self), args[0]);
}
Value athrow_throw(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "throw", args, kwnames, 1, 3)) return Value();
  AThrowObject* o = as_athrow(self);
  if (o->state == AwaitableState::kClosed)
    return raise(ts, RuntimeError_type, "cannot reuse already awaited aclose()/athrow()");
  Value r = gen_throw_args(ts, o->gen, args, true);
  if (o->args) return unwrap(ts, o->gen, r);
  if (is_wrapped(r)) return athrow_closed_with(ts, o, "async generator ignored GeneratorExit");
  if (!r && (exception_matches(ts.current_exception, &StopAsyncIteration_type) ||
             exception_matches(ts.current_exception, &GeneratorExit_type))) {
    ts.current_exception = Value();
    raise_value(ts, new_exception(ts, &StopIteration_type, {}));
  }
  return r;
}
Value athrow_close(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "close", args, kwnames, 0, 0)) return Value();
  as_athrow(self)->state = AwaitableState::kClosed;
  return None();
}

const MethodDef kAThrowMethods[] = {
    {"__next__", athrow_next}, {"send", athrow_send},         {"throw", athrow_throw},
    {"close", athrow_close},   {"__await__", awaitable_self}, {"__iter__", awaitable_self},
};

}  // namespace

// GET_ANEXT on an async generator: its __anext__() awaitable.
Value async_gen_anext(ThreadState& ts, Value gen) {
  if (!init_hooks(ts, agen(gen))) return Value();
  return make_asend(ts, agen(gen), None());
}

// ASYNC_GEN_WRAP: marks a value the async generator yields.
// The wrapper exists only between the generator's frame and the awaitable that unwraps it; it is never seen by Python
// code.
Value async_gen_wrap(ThreadState& ts, Value value) {
  auto* w = ts.alloc<WrappedValueObject>(&async_generator_wrapped_value_type);
  w->value = value;
  return Value(w);
}

// The collector found a suspended async generator: hand it to the finalizer hook if it has one.
// Returns whether the hook took the generator: asyncio's hook schedules aclose() on the loop, so the collector must not
// also close it synchronously. An exception from the hook is reported as unraisable, as in _PyGen_Finalize.
bool async_gen_call_finalizer(ThreadState& ts, GeneratorObject* gen) {
  if (!gen->ag_finalizer || is_none(gen->ag_finalizer) || gen->ag_closed) return false;
  Value arg(gen);
  if (!call(ts, gen->ag_finalizer, std::span<const Value>(&arg, 1))) write_unraisable(ts, arg);
  return true;
}

// ---- sys.get_asyncgen_hooks() / sys.set_asyncgen_hooks() ----

namespace {

// sys.asyncgen_hooks: the (firstiter, finalizer) pair get_asyncgen_hooks() returns, a tuple with names.
Type asyncgen_hooks_type;
Value g_hooks_type_root;

Value hook_or_none(Value v) { return v ? v : None(); }

Value hooks_repr(ThreadState& ts, Value self) {
  auto* t = static_cast<TupleObject*>(self.as_object());
  Value a = py_repr(ts, t->items[0]);
  if (!a) return Value();
  Value b = py_repr(ts, t->items[1]);
  if (!b) return Value();
  return make_str(ts, fmt::format("asyncgen_hooks(firstiter={}, finalizer={})", as_str(a)->view(), as_str(b)->view()));
}
Value hooks_firstiter(ThreadState&, Value self, std::span<const Value>, TupleObject*) {
  return static_cast<TupleObject*>(self.as_object())->items[0];
}
Value hooks_finalizer(ThreadState&, Value self, std::span<const Value>, TupleObject*) {
  return static_cast<TupleObject*>(self.as_object())->items[1];
}

}  // namespace

Value sys_get_asyncgen_hooks(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "get_asyncgen_hooks", args, kwnames, 0, 0))
    return Value();
  // Slots are inherited on first use: tuple's own are complete only once every builtin type is set up.
  static bool slots_inherited = false;
  if (!slots_inherited) {
    inherit_type_slots(asyncgen_hooks_type);
    slots_inherited = true;
  }
  size_t bytes = offsetof(TupleObject, items) + 2 * sizeof(Value);
  auto* t = ts.alloc<TupleObject>(&asyncgen_hooks_type, bytes);
  t->size = 2;
  t->items[0] = hook_or_none(g_firstiter);
  t->items[1] = hook_or_none(g_finalizer);
  return Value(t);
}

// set_asyncgen_hooks(firstiter=..., finalizer=...): an omitted hook stays, None clears it.
// The hooks live in globals registered as roots (init_async_generator_types), since nothing else may reference the
// functions once asyncio installed them.
Value sys_set_asyncgen_hooks(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  size_t npos = args.size() - (kwnames ? static_cast<size_t>(kwnames->size) : 0);
  if (npos > 2)
    return raise_fmt(ts, TypeError_type, "set_asyncgen_hooks() takes at most 2 arguments ({} given)", args.size());
  Value firstiter = npos > 0 ? args[0] : Value(), finalizer = npos > 1 ? args[1] : Value();
  for (size_t i = npos; i < args.size(); ++i) {
    std::string_view name = as_str(kwnames->items[i - npos])->view();
    if (name == "firstiter") firstiter = args[i];
    else if (name == "finalizer") finalizer = args[i];
    else return raise_fmt(ts, TypeError_type, "'{}' is an invalid keyword argument for set_asyncgen_hooks()", name);
  }
  auto check = [&](Value hook, const char* what) {
    if (!hook || is_none(hook) || type_of(hook)->call) return true;
    raise_fmt(ts, TypeError_type, "callable {} expected, got {}", what, type_name(hook));
    return false;
  };
  // CPython checks and installs the finalizer first.
  if (!check(finalizer, "finalizer")) return Value();
  if (finalizer) g_finalizer = is_none(finalizer) ? Value() : finalizer;
  if (!check(firstiter, "firstiter")) return Value();
  if (firstiter) g_firstiter = is_none(firstiter) ? Value() : firstiter;
  return None();
}

// sys.get_coroutine_origin_tracking_depth(): origin tracking is not implemented, so always 0.
Value sys_get_coroutine_origin_tracking_depth(ThreadState& ts, Value, std::span<const Value> args,
                                              TupleObject* kwnames) {
  if (!check_positional_args(ts, "get_coroutine_origin_tracking_depth", args, kwnames, 0, 0))
    return Value();
  return Value::small_int(0);
}

void init_async_generator_types(ThreadState& ts) {
  ts.extra_roots.push_back(&g_firstiter);
  ts.extra_roots.push_back(&g_finalizer);
  // sys.asyncgen_hooks is a tuple subclass with the same layout.
  asyncgen_hooks_type.type = &type_type;
  asyncgen_hooks_type.gc_flags = kGcStatic;
  asyncgen_hooks_type.c_name = "asyncgen_hooks";
  asyncgen_hooks_type.base = &tuple_type;
  asyncgen_hooks_type.instance_size = tuple_type.instance_size;
  asyncgen_hooks_type.item_size = tuple_type.item_size;
  asyncgen_hooks_type.flags = kTypeImmutable | kTypeTupleSubclass;
  init_static_type(ts, asyncgen_hooks_type);
  g_hooks_type_root = Value(&asyncgen_hooks_type);
  ts.extra_roots.push_back(&g_hooks_type_root);
  asyncgen_hooks_type.repr = hooks_repr;
  add_getset(ts, asyncgen_hooks_type, "firstiter", hooks_firstiter);
  add_getset(ts, asyncgen_hooks_type, "finalizer", hooks_finalizer);
  async_generator_type.repr = agen_repr;
  async_generator_type.trace = trace_generator;
  async_generator_type.del = gen_del;
  add_methods(ts, async_generator_type, kAsyncGenMethods);
  add_getsets(ts, async_generator_type, kAsyncGenGetters);

  async_generator_asend_type.iter = [](ThreadState&, Value self) { return self; };
  async_generator_asend_type.iternext = asend_iternext;
  async_generator_asend_type.trace = [](Object* self, Tracer& tracer) {
    tracer.visit(static_cast<ASendObject*>(self)->gen);
    tracer.visit(static_cast<ASendObject*>(self)->sendval);
  };
  add_methods(ts, async_generator_asend_type, kASendMethods);

  async_generator_athrow_type.iter = [](ThreadState&, Value self) { return self; };
  async_generator_athrow_type.iternext = athrow_iternext;
  async_generator_athrow_type.trace = [](Object* self, Tracer& tracer) {
    tracer.visit(static_cast<AThrowObject*>(self)->gen);
    tracer.visit(static_cast<AThrowObject*>(self)->args);
  };
  add_methods(ts, async_generator_athrow_type, kAThrowMethods);

  async_generator_wrapped_value_type.trace = [](Object* self, Tracer& tracer) {
    tracer.visit(static_cast<WrappedValueObject*>(self)->value);
  };
}

size_t async_generator_asend_size() { return sizeof(ASendObject); }
size_t async_generator_athrow_size() { return sizeof(AThrowObject); }
size_t async_generator_wrapped_value_size() { return sizeof(WrappedValueObject); }

}  // namespace minipy
