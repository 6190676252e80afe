// groupby (with its _grouper) and islice of the native `itertools` module (CPython's Modules/itertoolsmodule.c):
// the two iterators that hand out runs of another iterator's items, a group of equal keys or a slice. Split from
// itertools.cpp, which keeps the other simple iterators and the module's type table; pickling has CPython 3.11's
// shapes there as here.
#include "stdlib/native/itertools.h"
#include "stdlib/native/native_support.h"
#include "vm/objects/heap_type.h"

namespace minipy {

Type islice_type;

namespace {

Type groupby_type, grouper_type;

// ---- groupby ----------------------------------------------------------------------------------------------------
// groupby and its groupers share one underlying iterator: the groupby reads one item ahead (current_value) and the
// grouper that is current hands out items while their key equals its own. Advancing the groupby skips whatever its
// grouper did not consume and invalidates that grouper, as in CPython.
struct GroupbyObject : Object {
  Value iterator;
  Value keyfunc;       // null: identity
  Value target_key;    // the key of the group being handed out
  Value current_key;   // the key of current_value
  Value current_value; // the item read ahead, null if none
  Value current_grouper;  // the _grouper last handed out (it stays valid only while it is current)
};
struct GrouperObject : Object {
  Value parent;  // the groupby
  Value key;     // its group's key
};

// Reads the next item of a groupby and its key into current_value/current_key; false at the end or on error.
bool groupby_step(ThreadState& ts, GroupbyObject* g) {
  Value v = iter_next(ts, g->iterator);
  if (!v) return false;
  Value key = v;
  if (g->keyfunc) {
    key = call1(ts, g->keyfunc, v);
    if (!key) return false;
  }
  // Both fields are assigned only after the key function succeeded, so an exception from it leaves the previous state
  // intact, as groupby_step in CPython.
  g->current_value = v;
  g->current_key = key;
  return true;
}

Value groupby_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  static const char* const kNames[] = {"iterable", "key"};
  Value a[2];
  if (!native::parse_args(ts, "groupby", args, kwnames, kNames, 1, 0, a, 2)) return Value();
  Value it = get_iter(ts, a[0]);
  if (!it) return it;
  auto* g = alloc_instance<GroupbyObject>(ts, type);
  g->iterator = it;
  g->keyfunc = a[1] && !is_none(a[1]) ? a[1] : Value();
  return Value(g);
}

Value groupby_next(ThreadState& ts, Value self) {
  auto* g = as<GroupbyObject>(self);
  // Dropping the current grouper first makes any grouper handed out earlier stop at once (grouper_next checks
  // identity), even if the skip loop below raises.
  g->current_grouper = Value();
  // Skip what is left of the current group.
  for (;;) {
    if (!g->current_key) {
      if (!groupby_step(ts, g)) return Value();
    } else if (!g->target_key) {
      break;
    } else {
      // Key comparison with ==, target first, in CPython's order: a key type's __eq__ sees the same calls.
      int same = rich_compare_bool(ts, g->target_key, g->current_key, kEq);
      if (same < 0) return Value();
      if (!same) break;
      if (!groupby_step(ts, g)) return Value();
    }
  }
  g->target_key = g->current_key;
  auto* grouper = ts.alloc<GrouperObject>(&grouper_type);
  grouper->parent = self;
  grouper->key = g->target_key;
  g->current_grouper = Value(grouper);
  Value pair[2] = {g->current_key, Value(grouper)};
  return Value(make_tuple(ts, pair));
}

Value grouper_next(ThreadState& ts, Value self) {
  auto* gr = as<GrouperObject>(self);
  auto* g = as<GroupbyObject>(gr->parent);
  // The item read ahead stays in the groupby for the next group; a grouper never consumes past its group's end.
  if (g->current_grouper != self) return Value();  // the groupby moved on: this group is over
  if (!g->current_value) {
    if (!groupby_step(ts, g)) return Value();
  }
  int same = rich_compare_bool(ts, gr->key, g->current_key, kEq);
  if (same <= 0) return Value();
  Value v = g->current_value;
  g->current_value = Value();
  return v;
}

void trace_groupby(Object* self, Tracer& tracer) {
  auto* g = static_cast<GroupbyObject*>(self);
  tracer.visit(g->iterator);
  tracer.visit(g->keyfunc);
  tracer.visit(g->target_key);
  tracer.visit(g->current_key);
  tracer.visit(g->current_value);
  tracer.visit(g->current_grouper);
}

void trace_grouper(Object* self, Tracer& tracer) {
  tracer.visit(static_cast<GrouperObject*>(self)->parent);
  tracer.visit(static_cast<GrouperObject*>(self)->key);
}

// ---- islice -----------------------------------------------------------------------------------------------------
struct IsliceObject : Object {
  Value iterator;  // null once exhausted
  int64_t next;    // index of the next item to give back
  int64_t stop;    // -1: none
  int64_t step;
  int64_t count;   // items consumed so far
};

// An islice argument: None (-> `none_value`) or an int in [0, sys.maxsize]; false (with `message` as ValueError).
// Negative values are refused (islice cannot count from an end it does not know), with CPython's ValueError messages,
// which differ per argument.
bool islice_index(ThreadState& ts, Value v, int64_t none_value, const char* message, int64_t* out) {
  if (is_none(v)) {
    *out = none_value;
    return true;
  }
  if (!type_of(v)->index && !is_int(v)) return raise(ts, ValueError_type, message), false;
  Value i = number_index(ts, v);
  if (!i) return false;
  int64_t n;
  if (!int_to_int64(i, &n) || n < 0) return raise(ts, ValueError_type, message), false;
  *out = n;
  return true;
}

Value islice_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  if (keywords_refused(ts, type, &islice_type, "islice", kwnames)) return Value();
  args = args.first(positional_count(args, kwnames));
  if (!exact_args(ts, "islice", args, nullptr, 2, 4)) return Value();
  const char* stop_message = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
  int64_t start = 0, stop = -1, step = 1;
  if (args.size() == 2) {
    if (!islice_index(ts, args[1], -1, stop_message, &stop)) return Value();
  } else {
    if (!islice_index(ts, args[2], -1, stop_message, &stop)) return Value();
    if (!islice_index(ts, args[1], 0,
                      "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.", &start))
      return Value();
    if (args.size() == 4) {
      bool ok = islice_index(ts, args[3], 1, "Step for islice() must be a positive integer or None.", &step);
      if (ok && step == 0) ok = (raise(ts, ValueError_type, "Step for islice() must be a positive integer or None."), false);
      if (!ok) return Value();
    }
  }
  Value it = get_iter(ts, args[0]);
  if (!it) return it;
  auto* s = alloc_instance<IsliceObject>(ts, type);
  s->iterator = it;
  s->next = start;
  s->stop = stop;
  s->step = step;
  return Value(s);
}

Value islice_next(ThreadState& ts, Value self) {
  auto* s = as<IsliceObject>(self);
  if (!s->iterator) return Value();
  while (s->count < s->next) {
    Value skipped = iter_next(ts, s->iterator);
    if (!skipped) {
      if (!ts.current_exception) s->iterator = Value();
      return Value();
    }
    s->count++;
  }
  if (s->stop != -1 && s->count >= s->stop) {
    s->iterator = Value();
    return Value();
  }
  Value v = iter_next(ts, s->iterator);
  if (!v) {
    if (!ts.current_exception) s->iterator = Value();
    return v;
  }
  s->count++;
  int64_t previous = s->next;
  s->next += s->step;
  if (s->next > s->stop && s->stop != -1) s->next = s->stop;
  if (s->next < previous) s->next = s->stop;  // overflow
  return v;
}

void trace_islice(Object* self, Tracer& tracer) { tracer.visit(static_cast<IsliceObject*>(self)->iterator); }

// ---- pickling (__reduce__/__setstate__) ---------------------------------------------------------------------------
#define PICKLE_FN(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

PICKLE_FN(groupby_reduce) {
  (void)args, (void)kwnames;
  auto* g = as<GroupbyObject>(self);
  if (g->target_key && g->current_key && g->current_value) {
    Value state[3] = {g->current_key, g->current_value, g->target_key};
    return reduce_value(ts, self, {g->iterator, or_none(g->keyfunc)}, Value(make_tuple(ts, state)));
  }
  return reduce_value(ts, self, {g->iterator, or_none(g->keyfunc)});
}
PICKLE_FN(groupby_setstate) {
  if (!setstate_arguments(ts, args, kwnames)) return Value();
  TupleObject* state;
  if (!state_tuple(ts, args[0], 3, 3, &state)) return Value();
  auto* g = as<GroupbyObject>(self);
  g->current_key = state->items[0];
  g->current_value = state->items[1];
  g->target_key = state->items[2];
  return None();
}

// _grouper(parent, key): the group of `key` in groupby `parent`, which becomes its current group.
Value grouper_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  if (!exact_args(ts, "_grouper", args, kwnames, 2, 2)) return Value();
  if (!is_subtype(type_of(args[0]), &groupby_type))
    return raise_fmt(ts, TypeError_type, "_grouper() argument 1 must be itertools.groupby, not {}",
                     type_name(args[0]));
  auto* grouper = alloc_instance<GrouperObject>(ts, type);
  grouper->parent = args[0];
  grouper->key = args[1];
  as<GroupbyObject>(args[0])->current_grouper = Value(grouper);
  return Value(grouper);
}
PICKLE_FN(grouper_reduce) {
  (void)args, (void)kwnames;
  auto* gr = as<GrouperObject>(self);
  if (as<GroupbyObject>(gr->parent)->current_grouper != self) {
    // A finished group pickles as an empty iterator.
    Value iter = dict_get_str(ts.interp->builtins, intern(ts, "iter"));
    Value empty = Value(make_tuple(ts, 0));
    Value items[2] = {iter, Value(make_tuple(ts, {&empty, 1}))};
    return Value(make_tuple(ts, items));
  }
  return reduce_value(ts, self, {gr->parent, gr->key});
}

PICKLE_FN(islice_reduce) {
  (void)args, (void)kwnames;
  auto* s = as<IsliceObject>(self);
  if (!s->iterator) {
    Value empty = get_iter(ts, Value(make_list(ts, 0)));
    return reduce_value(ts, self, {empty, Value::small_int(0)}, Value::small_int(0));
  }
  Value stop = s->stop == -1 ? None() : make_int(ts, s->stop);
  return reduce_value(ts, self, {s->iterator, make_int(ts, s->next), stop, make_int(ts, s->step)},
                      make_int(ts, s->count));
}
PICKLE_FN(islice_setstate) {
  if (!setstate_arguments(ts, args, kwnames)) return Value();
  int64_t count;
  if (!index_to_int64(ts, args[0], &count)) return Value();
  as<IsliceObject>(self)->count = count;
  return None();
}

#undef PICKLE_FN

const MethodDef kGroupbyMethods[] = {{"__reduce__", groupby_reduce}, {"__setstate__", groupby_setstate}};
const MethodDef kGrouperMethods[] = {{"__reduce__", grouper_reduce}};
const MethodDef kIsliceMethods[] = {{"__reduce__", islice_reduce}, {"__setstate__", islice_setstate}};

}  // namespace

void define_grouping_types(ThreadState& ts) {
  // _grouper cannot be subclassed; groupby and islice can, as in CPython.
  const IteratorTypeRow rows[] = {
      {&groupby_type, "groupby", sizeof(GroupbyObject), groupby_new, groupby_next, trace_groupby, kGroupbyMethods},
      {&grouper_type, "_grouper", sizeof(GrouperObject), grouper_new, grouper_next, trace_grouper, kGrouperMethods,
       false},
      {&islice_type, "islice", sizeof(IsliceObject), islice_new, islice_next, trace_islice, kIsliceMethods},
  };
  define_iterator_rows(ts, rows);
}

void add_grouping_types(ThreadState& ts, ModuleObject* m) {
  for (Type* t : {&groupby_type, &grouper_type, &islice_type})
    add_module_value(ts, m, t->name->data, Value(static_cast<Object*>(t)));
}

}  // namespace minipy
