// The native `gc` module (CPython's Modules/gcmodule.c). minipy's collector is a tracing mark-sweep over the whole
// heap (vm/memory/heap.cpp), so there are no generations: every collection is a full one (reported as generation
// 2), thresholds are accepted and reported for compatibility only, and get_count() is always (0, 0, 0).
// Generation 0 of get_objects() is what was allocated since the last collection, generation 2 what survived it.
// Left out: the uncollectable list (objects with legacy tp_del do not exist here) and freezing (freeze() only
// counts what it would move to the permanent generation). The numbers a collection reports (collect()'s result,
// DEBUG_STATS, the callbacks' "collected") count minipy's unreachable objects, which include garbage that
// CPython's reference counting would have freed before any collection.
#include <chrono>
#include <cstdio>

#include "stdlib/native/gc.h"
#include "vm/objects/buffer.h"
#include "vm/objects/bytearray.h"
#include "vm/objects/complex.h"
#include "vm/runtime.h"

namespace minipy {

namespace {

// gc.DEBUG_* (gcmodule.c's values): one table drives the module constants.
#define GC_DEBUG_FLAGS(X) X(DEBUG_STATS, 1) X(DEBUG_COLLECTABLE, 2) X(DEBUG_UNCOLLECTABLE, 4) X(DEBUG_SAVEALL, 32) \
  X(DEBUG_LEAK, 38)
#define X(name, value) constexpr int64_t k##name = value;
GC_DEBUG_FLAGS(X)
#undef X

// The module's state. The lists live outside the module (registered as roots) because CPython's collector keeps
// using the original gc.garbage and gc.callbacks even when the program rebinds the module attributes.
struct GcState {
  Interpreter* owner = nullptr;  // the interpreter these belong to; a new one starts afresh
  Value garbage;
  Value callbacks;
  int64_t debug = 0;
  int64_t frozen = 0;           // what get_freeze_count() reports
  int64_t collections = 0;      // collections run through this module (gc.collect() or observed ones)
  int64_t collected = 0;
  bool collecting = false;      // a callback's own collections are not observed again
};
GcState state;
int64_t thresholds[3] = {700, 10, 10};  // CPython's defaults, as get_threshold() reports them

// Zeroes the native stack below the caller, where the collector's own frames are about to go: words left there by
// earlier, deeper calls (the call that created an object now garbage) would otherwise be found by the
// conservative stack scan in the collector's uninitialised slots and keep that object alive.
__attribute__((noinline)) void scrub_native_stack() {
  volatile char area[32 * 1024];
  for (size_t i = 0; i < sizeof area; i++) area[i] = 0;
}

// Whether `o`'s type is one CPython's collector knows (a GC type): not the atoms (numbers, strings, bytes,
// ranges, code, the singletons), nor static types.
bool is_gc_object(Object* o) {
  if (o->gc_flags & kGcStatic) return false;
  Type* t = o->type;
  return !(t == &int_type || t == &float_type || t == &str_type || t == &bytes_type || t == &bool_type ||
           t == &range_type || t == &complex_type || t == &bytearray_type || t == &code_type);
}

// Whether CPython's collector would track `o` now: objects of GC types, except the empty tuple, tuples and dicts
// holding only untracked items (see each case). `epoch`: the heap's current one (what objects that survived
// the last collection carry).
bool is_tracked_object(uint32_t epoch, Object* o);
bool is_tracked_value(uint32_t epoch, Value v) { return v.is_object() && is_tracked_object(epoch, v.as_object()); }
bool is_tracked_object(uint32_t epoch, Object* o) {
  if (!is_gc_object(o)) return false;
  Type* t = o->type;
  if (t == &tuple_type) {
    // CPython tracks a new tuple and untracks it at the first collection that finds only untracked items in it:
    // here, once it has survived a collection (it carries that collection's mark).
    auto* tuple = static_cast<TupleObject*>(o);
    if (tuple->size == 0) return false;
    if (o->gc_epoch != epoch) return true;
    for (Value item : tuple->span())
      if (is_tracked_value(epoch, item)) return true;
    return false;
  }
  if (t == &dict_type) {
    // CPython starts a dict untracked and tracks it when a tracked key or value is stored.
    auto* d = static_cast<DictObject*>(o);
    for (int64_t i = 0; i < d->nentries; i++) {
      const DictEntry& e = d->entries[i];
      if (e.key && (is_tracked_value(epoch, e.key) || is_tracked_value(epoch, e.value))) return true;
    }
    return false;
  }
  return true;
}

// Every tracked object the heap holds, in heap order.
std::vector<Object*> tracked_objects(ThreadState& ts) {
  struct Walk {
    uint32_t epoch;
    std::vector<Object*> found;
  } walk{ts.heap->epoch(), {}};
  ts.heap->for_each_object(
      [](void* context, Object* o) {
        auto* w = static_cast<Walk*>(context);
        if (is_tracked_object(w->epoch, o)) w->found.push_back(o);
      },
      &walk);
  return std::move(walk.found);
}

// What `o` refers to, as gc.get_referents reports it: its trace slot's references, except that a dict whose keys
// are all strs gives only its values (CPython's such dicts keep their keys out of the collector's sight). Ints and
// floats stored inline in a Value are not objects here and never appear.
void referents_of(ThreadState& ts, Object* o, std::vector<Object*>& out) {
  if (o->type == &dict_type) {
    auto* d = static_cast<DictObject*>(o);
    bool str_keys = true;
    for (int64_t i = 0; i < d->nentries && str_keys; i++)
      if (d->entries[i].key) str_keys = type_of(d->entries[i].key) == &str_type;
    for (int64_t i = 0; i < d->nentries; i++) {
      const DictEntry& e = d->entries[i];
      if (!e.key) continue;
      if (!str_keys && e.key.is_object()) out.push_back(e.key.as_object());
      if (e.value.is_object()) out.push_back(e.value.as_object());
    }
    return;
  }
  ts.heap->referents(o, out);
}

ListObject* list_of(ThreadState& ts, const std::vector<Object*>& objects) {
  ListObject* list = make_list(ts, static_cast<int64_t>(objects.size()));
  for (size_t i = 0; i < objects.size(); i++) list->items[i] = Value(objects[i]);
  return list;
}

// Starts the module state for this interpreter (lists created and rooted once per interpreter).
void ensure_state(ThreadState& ts) {
  if (state.owner == ts.interp) return;
  state = GcState{};
  state.owner = ts.interp;
  state.garbage = Value(make_list(ts, 0));
  state.callbacks = Value(make_list(ts, 0));
  register_root(ts, &state.garbage);
  register_root(ts, &state.callbacks);
}

// Calls each of gc.callbacks with (phase, info), as gcmodule.c's invoke_gc_callback; an exception a callback
// raises is reported as unraisable and the others still run.
void invoke_callbacks(ThreadState& ts, const char* phase, int64_t generation, int64_t collected) {
  auto* list = static_cast<ListObject*>(state.callbacks.as_object());
  if (list->size == 0) return;
  Value saved = ts.current_exception;
  ts.current_exception = Value();
  DictObject* info = make_dict(ts);
  Value phase_name = Value(make_str(ts, phase));
  if (dict_set_str(ts, info, intern(ts, "generation"), make_int(ts, generation)) &&
      dict_set_str(ts, info, intern(ts, "collected"), make_int(ts, collected)) &&
      dict_set_str(ts, info, intern(ts, "uncollectable"), Value::small_int(0))) {
    for (int64_t i = 0; i < list->size; i++) {  // by index: a callback may change the list
      Value callback = list->items[i];
      Value args[2] = {phase_name, Value(info)};
      if (!call(ts, callback, args)) write_unraisable(ts, callback, nullptr);
    }
  }
  ts.current_exception = saved;
}

// One collection as gcmodule.c's gc_collect_main sees it: callbacks around it, DEBUG_STATS lines before and after,
// DEBUG_COLLECTABLE lines and DEBUG_SAVEALL's gc.garbage for what it found unreachable. Returns that count.
// Callers scrub the native stack first (scrub_native_stack): this function's own frame then starts out zeroed.
__attribute__((noinline)) int64_t observed_collection(ThreadState& ts, int64_t generation) {
  ensure_state(ts);
  state.collecting = true;
  invoke_callbacks(ts, "start", generation, 0);
  auto started = std::chrono::steady_clock::now();
  if (state.debug & kDEBUG_STATS) {
    int64_t young = 0, old = 0;
    for (Object* o : tracked_objects(ts)) (o->gc_epoch == ts.heap->epoch() ? old : young)++;
    write_sys_stderr(ts, fmt::format("gc: collecting generation {}...\n", generation), false);
    write_sys_stderr(ts, fmt::format("gc: objects in each generation: {} 0 {}\n", young, old), false);
    write_sys_stderr(ts, fmt::format("gc: objects in permanent generation: {}\n", state.frozen), false);
  }
  bool keep = state.debug & (kDEBUG_COLLECTABLE | kDEBUG_SAVEALL);
  std::vector<Object*> unreachable;
  if (keep) ts.heap->save_unreachable = &unreachable;
  scrub_native_stack();
  ts.interp->collect_garbage();
  ts.heap->save_unreachable = nullptr;
  int64_t found = static_cast<int64_t>(ts.heap->stats().unreachable);
  // The kept objects survive this collection only: a list holds the tracked ones before any Python code runs.
  Value kept;
  if (keep) {
    std::vector<Object*> tracked;
    for (Object* o : unreachable)
      if (is_tracked_object(ts.heap->epoch(), o)) tracked.push_back(o);
    unreachable.clear();
    kept = Value(list_of(ts, tracked));
  }
  run_pending_finalizers(ts);
  if (kept) {
    auto* list = static_cast<ListObject*>(kept.as_object());
    for (int64_t i = 0; i < list->size; i++) {
      Object* o = list->items[i].as_object();
      if (state.debug & kDEBUG_COLLECTABLE)
        write_sys_stderr(ts, fmt::format("gc: collectable <{} {}>\n", o->type->name->view(), static_cast<void*>(o)), false);
      if (state.debug & kDEBUG_SAVEALL)
        (void)list_append(ts, static_cast<ListObject*>(state.garbage.as_object()), list->items[i]);
    }
    ts.current_exception = Value();
    if (!(state.debug & kDEBUG_SAVEALL)) {
      // Only shown, not saved: emptied (a stale copy of the pointer must not keep them) and freed now, with a
      // second collection, as CPython's collector frees what it reports.
      list->size = 0;
      kept = Value();
      scrub_native_stack();
      ts.interp->collect_garbage();
      run_pending_finalizers(ts);
    }
    kept = Value();
  }
  if (state.debug & kDEBUG_STATS) {
    double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    write_sys_stderr(ts, fmt::format("gc: done, {} unreachable, 0 uncollectable, {:.4f}s elapsed\n", found, elapsed), false);
  }
  state.collections++;
  state.collected += found;
  invoke_callbacks(ts, "stop", generation, found);
  state.collecting = false;
  return found;
}

#define GC_FN(name) Value name(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames)

// collect(generation=2): a full collection, then the finalizers it queued; returns how many objects it found
// unreachable (the count differs from CPython's, whose objects and bookkeeping differ).
__attribute__((noinline)) GC_FN(collect_after_scrub) {
  size_t positional = positional_count(args, kwnames);
  if (args.size() > 1) return raise_fmt(ts, TypeError_type, "collect() takes at most 1 argument ({} given)", args.size());
  Value generation_arg = positional ? args[0] : Value();
  if (kwnames && kwnames->size == 1) {
    std::string_view keyword = as_str(kwnames->items[0])->view();
    if (keyword != "generation")
      return raise_fmt(ts, TypeError_type, "'{}' is an invalid keyword argument for collect()", keyword);
    generation_arg = args[0];
  }
  int64_t generation = 2;
  if (generation_arg) {
    if (!index_to_int64(ts, generation_arg, &generation)) return Value();
    if (generation < 0 || generation > 2) return raise(ts, ValueError_type, "invalid generation");
  }
  if (state.collecting && state.owner == ts.interp) return Value::small_int(0);  // CPython: already collecting
  scrub_native_stack();
  return make_int(ts, observed_collection(ts, generation));
}
// The entry point scrubs first too: collect_after_scrub's own frame, with slots it leaves unwritten, is then zeroed
// memory rather than what an earlier call at that depth left (an attribute store's spilled object pointer).
GC_FN(gc_collect) {
  scrub_native_stack();
  return collect_after_scrub(ts, Value(), args, kwnames);
}

GC_FN(gc_enable) {
  if (!check_positional_args(ts, "gc.enable", args, kwnames, 0, 0)) return Value();
  ts.heap->set_enabled(true);
  return None();
}

GC_FN(gc_disable) {
  if (!check_positional_args(ts, "gc.disable", args, kwnames, 0, 0)) return Value();
  ts.heap->set_enabled(false);
  return None();
}

GC_FN(gc_isenabled) {
  if (!check_positional_args(ts, "gc.isenabled", args, kwnames, 0, 0)) return Value();
  return Bool(ts.heap->enabled());
}

GC_FN(gc_set_debug) {
  if (!check_positional_args(ts, "gc.set_debug", args, kwnames, 1, 1)) return Value();
  int64_t flags;
  if (!index_to_int64(ts, args[0], &flags)) return Value();
  ensure_state(ts);
  state.debug = flags;
  return None();
}

GC_FN(gc_get_debug) {
  if (!check_positional_args(ts, "gc.get_debug", args, kwnames, 0, 0)) return Value();
  ensure_state(ts);
  return make_int(ts, state.debug);
}

GC_FN(gc_get_threshold) {
  if (!check_positional_args(ts, "gc.get_threshold", args, kwnames, 0, 0)) return Value();
  Value items[3] = {make_int(ts, thresholds[0]), make_int(ts, thresholds[1]), make_int(ts, thresholds[2])};
  return Value(make_tuple(ts, items));
}

GC_FN(gc_set_threshold) {
  if (!check_positional_args(ts, "set_threshold", args, kwnames, 1, 3)) return Value();
  int64_t values[3];
  for (size_t i = 0; i < args.size(); i++)
    if (!index_to_int64(ts, args[i], &values[i])) return Value();
  for (size_t i = 0; i < args.size(); i++) thresholds[i] = values[i];
  return None();
}

GC_FN(gc_get_count) {
  if (!check_positional_args(ts, "gc.get_count", args, kwnames, 0, 0)) return Value();
  Value zero = Value::small_int(0);
  Value items[3] = {zero, zero, zero};
  return Value(make_tuple(ts, items));
}

// get_stats(): per generation, as CPython's list of three dicts; every collection here is generation 2's.
GC_FN(gc_get_stats) {
  if (!check_positional_args(ts, "gc.get_stats", args, kwnames, 0, 0)) return Value();
  ensure_state(ts);
  ListObject* result = make_list(ts, 0);
  for (int generation = 0; generation < 3; generation++) {
    DictObject* d = make_dict(ts);
    bool full = generation == 2;
    if (!dict_set_str(ts, d, intern(ts, "collections"), make_int(ts, full ? state.collections : 0)) ||
        !dict_set_str(ts, d, intern(ts, "collected"), make_int(ts, full ? state.collected : 0)) ||
        !dict_set_str(ts, d, intern(ts, "uncollectable"), Value::small_int(0)) || !list_append(ts, result, Value(d)))
      return Value();
  }
  return Value(result);
}

// is_tracked(obj): see is_tracked_object.
GC_FN(gc_is_tracked) {
  if (!check_positional_args(ts, "gc.is_tracked", args, kwnames, 1, 1)) return Value();
  return Bool(is_tracked_value(ts.heap->epoch(), args[0]));
}

// is_finalized(obj): whether the collector already ran obj's finalizer (PEP 442).
GC_FN(gc_is_finalized) {
  if (!check_positional_args(ts, "gc.is_finalized", args, kwnames, 1, 1)) return Value();
  Value v = args[0];
  return Bool(v.is_object() && is_tracked_object(ts.heap->epoch(), v.as_object()) && v.as_object()->type->del &&
              (v.as_object()->gc_flags & kGcFinalized));
}

// get_objects(generation=None): the tracked objects (see the file comment for what a generation means here).
GC_FN(gc_get_objects) {
  if (args.size() > 1) return raise_fmt(ts, TypeError_type, "get_objects() takes at most 1 argument ({} given)", args.size());
  Value generation_arg = args.empty() ? Value() : args[0];
  if (kwnames && kwnames->size == 1 && as_str(kwnames->items[0])->view() != "generation")
    return raise_fmt(ts, TypeError_type, "get_objects() got an unexpected keyword argument '{}'",
                     as_str(kwnames->items[0])->view());
  int64_t generation = -1;
  if (generation_arg && !is_none(generation_arg)) {
    if (!is_int(generation_arg))
      return raise_fmt(ts, TypeError_type, "argument should be integer or None, not '{}'",
                       type_of(generation_arg)->name->view());
    if (!index_to_int64(ts, generation_arg, &generation)) return Value();
    if (generation >= 3)
      return raise(ts, ValueError_type,
                   "generation parameter must be less than the number of available generations (3)");
    // -1 stands for "every generation", as None does (CPython's argument default).
    if (generation < -1) return raise(ts, ValueError_type, "generation parameter cannot be negative");
  }
  std::vector<Object*> found = tracked_objects(ts);
  if (generation >= 0) {
    std::erase_if(found, [&](Object* o) {
      bool survivor = o->gc_epoch == ts.heap->epoch();
      return generation == 1 || survivor != (generation == 2);
    });
  }
  return Value(list_of(ts, found));
}

// get_referents(*objs): what the tracked ones among objs refer to, as their trace slots visit it.
GC_FN(gc_get_referents) {
  if (!no_keywords(ts, "get_referents", kwnames)) return Value();
  std::vector<Object*> found;
  for (Value v : args)
    if (v.is_object() && is_gc_object(v.as_object())) referents_of(ts, v.as_object(), found);
  return Value(list_of(ts, found));
}

// get_referrers(*objs): every tracked object that refers to one of objs (a scan of the whole heap).
GC_FN(gc_get_referrers) {
  if (!no_keywords(ts, "get_referrers", kwnames)) return Value();
  std::vector<Object*> referrers;
  std::vector<Object*> referents;
  for (Object* o : tracked_objects(ts)) {
    referents.clear();
    referents_of(ts, o, referents);
    bool refers = false;
    for (Object* r : referents)
      for (Value target : args) refers |= target.is_object() && target.as_object() == r;
    if (refers) referrers.push_back(o);
  }
  return Value(list_of(ts, referrers));
}

GC_FN(gc_freeze) {
  if (!check_positional_args(ts, "gc.freeze", args, kwnames, 0, 0)) return Value();
  ensure_state(ts);
  state.frozen += static_cast<int64_t>(tracked_objects(ts).size());
  return None();
}

GC_FN(gc_unfreeze) {
  if (!check_positional_args(ts, "gc.unfreeze", args, kwnames, 0, 0)) return Value();
  ensure_state(ts);
  state.frozen = 0;
  return None();
}

GC_FN(gc_get_freeze_count) {
  if (!check_positional_args(ts, "gc.get_freeze_count", args, kwnames, 0, 0)) return Value();
  ensure_state(ts);
  return make_int(ts, state.frozen);
}

#undef GC_FN

const MethodDef kGcFunctions[] = {
    {"collect", gc_collect},
    {"enable", gc_enable},
    {"disable", gc_disable},
    {"isenabled", gc_isenabled},
    {"set_debug", gc_set_debug},
    {"get_debug", gc_get_debug},
    {"get_threshold", gc_get_threshold},
    {"set_threshold", gc_set_threshold},
    {"get_count", gc_get_count},
    {"get_stats", gc_get_stats},
    {"is_tracked", gc_is_tracked},
    {"is_finalized", gc_is_finalized},
    {"get_objects", gc_get_objects},
    {"get_referents", gc_get_referents},
    {"get_referrers", gc_get_referrers},
    {"freeze", gc_freeze},
    {"unfreeze", gc_unfreeze},
    {"get_freeze_count", gc_get_freeze_count},
};

}  // namespace

bool collect_observed_by_gc_module(ThreadState& ts) {
  if (state.owner != ts.interp || state.collecting) return false;
  if (state.debug == 0 && static_cast<ListObject*>(state.callbacks.as_object())->size == 0) return false;
  (void)observed_collection(ts, 2);
  return true;
}

ModuleObject* create_gc_module(ThreadState& ts) {
  ensure_state(ts);
  ModuleObject* m = make_module(ts, "gc");
  for (const MethodDef& def : kGcFunctions)
    dict_set_str_new(ts, m->dict, intern(ts, def.name), make_native_function(ts, &def, Value(m), Value(m->name)));
#define X(name, value) dict_set_str_new(ts, m->dict, intern(ts, #name), Value::small_int(value));
  GC_DEBUG_FLAGS(X)
#undef X
  dict_set_str_new(ts, m->dict, intern(ts, "garbage"), state.garbage);
  dict_set_str_new(ts, m->dict, intern(ts, "callbacks"), state.callbacks);
  return m;
}

}  // namespace minipy
