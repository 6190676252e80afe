// The native `_functools` module (CPython's Modules/_functoolsmodule.c): partial, reduce, cmp_to_key (its
// KeyWrapper type) and _lru_cache_wrapper, the engine under functools.lru_cache and functools.cache.
// Lib's functools.py takes each of them from here when present, else uses its pure-Python versions.
//
// Left out: partial's vectorcall (a speed path with no visible effect), __sizeof__, and the C lru cache's
// "unhashable argument" fast path details (any TypeError from hashing is raised as CPython raises it).
#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"
#include "vm/objects/sequence.h"

namespace minipy {

namespace {

Type partial_type, keywrapper_type, lru_type;

// ---- partial ----------------------------------------------------------------------------------------------------
struct PartialObject : Object {
  Value func;
  TupleObject* args;
  DictObject* keywords;
  DictObject* dict;  // __dict__, made on first use
};

PartialObject* as_partial(Value v) { return static_cast<PartialObject*>(v.as_object()); }

void trace_partial(Object* self, Tracer& tracer) {
  auto* p = static_cast<PartialObject*>(self);
  tracer.visit(p->func);
  tracer.visit(p->args);
  tracer.visit(p->keywords);
  tracer.visit(p->dict);
}

Value partial_call(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames);

// partial(func, *args, **keywords). The flattening test is CPython's: the inner object is called by
// partial_call (a partial or a subclass not overriding __call__) and has no instance dict, so nothing of it
// would be lost.
Value partial_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  size_t npos = positional_count(args, kwnames);
  if (npos < 1) return raise(ts, TypeError_type, "type 'partial' takes at least one argument");
  Value func = args[0];
  if (!type_of(func)->call) return raise(ts, TypeError_type, "the first argument must be callable");
  std::span<const Value> stored_args = args.subspan(1, npos - 1);
  DictObject* keywords = make_dict(ts);
  ListObject* all_args = make_list(ts, 0);
  // A partial of a plain partial (no instance dict) is flattened into one, as CPython does.
  if (type_of(func)->call == partial_call && !as_partial(func)->dict) {
    PartialObject* inner = as_partial(func);
    for (Value v : inner->args->span())
      if (!list_append(ts, all_args, v)) return Value();
    if (!dict_update(ts, keywords, Value(inner->keywords))) return Value();
    func = inner->func;
  }
  for (Value v : stored_args)
    if (!list_append(ts, all_args, v)) return Value();
  for (int64_t k = 0; kwnames && k < kwnames->size; k++)
    if (!dict_set(ts, keywords, kwnames->items[k], args[npos + static_cast<size_t>(k)])) return Value();
  auto* p = alloc_instance<PartialObject>(ts, type);
  p->func = func;
  p->args = static_cast<TupleObject*>(list_to_tuple(ts, all_args).as_object());
  p->keywords = keywords;
  return Value(p);
}

// func(*stored_args, *args, **{**stored_keywords, **keywords}): the call's keywords override the stored ones,
// and the merged keywords are passed in the stored dict's order, as CPython builds them.
Value partial_call(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  PartialObject* p = as_partial(self);
  size_t npos = positional_count(args, kwnames);
  // The stored keywords, overridden by the call's.
  DictObject* keywords = make_dict(ts);
  if (!dict_update(ts, keywords, Value(p->keywords))) return Value();
  for (int64_t k = 0; kwnames && k < kwnames->size; k++)
    if (!dict_set(ts, keywords, kwnames->items[k], args[npos + static_cast<size_t>(k)])) return Value();
  int64_t nstored = p->args->size;
  TupleObject* all = make_tuple(ts, nstored + static_cast<int64_t>(npos) + keywords->used);
  TupleObject* names = make_tuple(ts, keywords->used);
  for (int64_t i = 0; i < all->size; i++) all->items[i] = None();
  for (int64_t i = 0; i < names->size; i++) names->items[i] = None();
  for (int64_t i = 0; i < nstored; i++) all->items[i] = p->args->items[i];
  for (size_t i = 0; i < npos; i++) all->items[nstored + static_cast<int64_t>(i)] = args[i];
  int64_t pos = 0, k = 0;
  Value key, value;
  while (dict_next(keywords, &pos, &key, &value)) {
    names->items[k] = key;
    all->items[nstored + static_cast<int64_t>(npos) + k] = value;
    k++;
  }
  return call(ts, p->func, all->span(), names->size ? names : nullptr);
}

Value partial_repr(ThreadState& ts, Value self) {
  ReprGuard guard(ts, self.as_object());
  if (guard.recursive()) return Value(make_str(ts, "..."));
  PartialObject* p = as_partial(self);
  // Copies, so a repr that changes the partial cannot pull items from under us.
  Value func = p->func;
  TupleObject* args = p->args;
  DictObject* keywords = make_dict(ts);
  if (!dict_update(ts, keywords, Value(p->keywords))) return Value();
  Value text = py_repr(ts, func);
  if (!text) return text;
  std::string out = std::string(as_str(text)->view());
  for (Value v : args->span()) {
    Value r = py_repr(ts, v);
    if (!r) return r;
    out += ", ";
    out += as_str(r)->view();
  }
  int64_t pos = 0;
  Value key, value;
  while (dict_next(keywords, &pos, &key, &value)) {
    Value k = py_str(ts, key);
    Value r = k ? py_repr(ts, value) : Value();
    if (!r) return r;
    out += fmt::format(", {}={}", as_str(k)->view(), as_str(r)->view());
  }
  return make_str(ts, fmt::format("{}({})", type_name(self), out));
}

DictObject* instance_dict(ThreadState& ts, DictObject** slot) {
  if (!*slot) *slot = make_dict(ts);
  return *slot;
}

Value partial_getattr_func(ThreadState&, Value, std::span<const Value> args, TupleObject*) {
  return as_partial(args[0])->func;
}
Value partial_getattr_args(ThreadState&, Value, std::span<const Value> args, TupleObject*) {
  return Value(as_partial(args[0])->args);
}
Value partial_getattr_keywords(ThreadState&, Value, std::span<const Value> args, TupleObject*) {
  return Value(as_partial(args[0])->keywords);
}
Value partial_getattr_dict(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  return Value(instance_dict(ts, &as_partial(self)->dict));
}

// A state of (func, args, keywords, dict) as __reduce__ gives it; TypeError "invalid partial state" otherwise.
Value partial_setstate(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!exact_args(ts, "__setstate__", args, kwnames, 1, 1)) return Value();
  Value state = args[0];
  if (!is_tuple(state) || static_cast<TupleObject*>(state.as_object())->size != 4)
    return raise(ts, TypeError_type, "invalid partial state");
  Value* s = static_cast<TupleObject*>(state.as_object())->items;
  if (!type_of(s[0])->call || !is_tuple(s[1]) || (!is_none(s[2]) && !is_dict(s[2])))
    return raise(ts, TypeError_type, "invalid partial state");
  PartialObject* p = as_partial(self);
  p->func = s[0];
  Value fargs = type_of(s[1]) == &tuple_type ? s[1] : list_to_tuple(ts, make_list(ts, static_cast<TupleObject*>(s[1].as_object())->span()));
  p->args = static_cast<TupleObject*>(fargs.as_object());
  p->keywords = make_dict(ts);
  if (!is_none(s[2]) && !dict_update(ts, p->keywords, s[2])) return Value();
  p->dict = is_none(s[3]) ? nullptr : static_cast<DictObject*>(s[3].as_object());
  return None();
}

Value partial_reduce(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!exact_args(ts, "__reduce__", args, kwnames, 0, 0)) return Value();
  PartialObject* p = as_partial(self);
  Value state[4] = {p->func, Value(p->args), Value(p->keywords), p->dict ? Value(p->dict) : None()};
  Value parts[3] = {Value(type_of(self)), Value(make_tuple(ts, std::span<const Value>(&p->func, 1))),
                    Value(make_tuple(ts, state))};
  return Value(make_tuple(ts, parts));
}

// ---- reduce -------------------------------------------------------------------------------------------------------
// reduce(function, iterable[, initial]): a left fold. Only a TypeError from iter() is reworded ("arg 2 must
// support iteration"); errors from the iteration or the function propagate unchanged.
Value functools_reduce(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  if (!exact_args(ts, "reduce", args, kwnames, 2, 3)) return Value();
  Value it = get_iter(ts, args[1]);
  if (!it) {
    if (exception_matches(ts.current_exception, &TypeError_type)) {
      ts.current_exception = Value();
      return raise(ts, TypeError_type, "reduce() arg 2 must support iteration");
    }
    return it;
  }
  Value result = args.size() > 2 ? args[2] : Value();
  for (;;) {
    Value v = iter_next(ts, it);
    if (!v) {
      if (ts.current_exception) return v;
      break;
    }
    if (!result) {
      result = v;
      continue;
    }
    Value pair[2] = {result, v};
    result = call(ts, args[0], pair);
    if (!result) return result;
  }
  if (!result) return raise(ts, TypeError_type, "reduce() of empty iterable with no initial value");
  return result;
}

// ---- cmp_to_key ---------------------------------------------------------------------------------------------------
// cmp_to_key(f) is a KeyWrapper without an object; calling it wraps one: K(x) < K(y) is f(x, y) < 0.
struct KeyWrapperObject : Object {
  Value cmp;
  Value object;  // null for the factory itself
};

void trace_keywrapper(Object* self, Tracer& tracer) {
  tracer.visit(static_cast<KeyWrapperObject*>(self)->cmp);
  tracer.visit(static_cast<KeyWrapperObject*>(self)->object);
}

Value make_keywrapper(ThreadState& ts, Value cmp, Value object) {
  auto* k = ts.alloc<KeyWrapperObject>(&keywrapper_type);
  k->cmp = cmp;
  k->object = object;
  return Value(k);
}

Value cmp_to_key(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  static const char* const kNames[] = {"mycmp"};
  Value a[1];
  if (!native::parse_args(ts, "cmp_to_key", args, kwnames, kNames, 1, 0, a, 1)) return Value();
  return make_keywrapper(ts, a[0], Value());
}

// K(obj): a new KeyWrapper holding the same comparison function and `obj`.
Value keywrapper_call(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  static const char* const kNames[] = {"obj"};
  Value a[1];
  if (!native::parse_args(ts, "K", args, kwnames, kNames, 1, 0, a, 1)) return Value();
  return make_keywrapper(ts, static_cast<KeyWrapperObject*>(self.as_object())->cmp, a[0]);
}

// K(x) op K(y) is cmp(x, y) op 0; comparing with anything but another KeyWrapper is a TypeError, as
// CPython's keyobject_richcompare.
Value keywrapper_richcompare(ThreadState& ts, Value a, Value b, int op) {
  if (type_of(b) != &keywrapper_type) return raise(ts, TypeError_type, "other argument must be K instance");
  auto* ka = static_cast<KeyWrapperObject*>(a.as_object());
  auto* kb = static_cast<KeyWrapperObject*>(b.as_object());
  if (!ka->object || !kb->object) return raise(ts, AttributeError_type, "object");
  Value pair[2] = {ka->object, kb->object};
  Value result = call(ts, ka->cmp, pair);
  if (!result) return result;
  return rich_compare(ts, result, Value::small_int(0), op);
}

Value keywrapper_obj(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  Value o = static_cast<KeyWrapperObject*>(self.as_object())->object;
  if (!o) return raise(ts, AttributeError_type, "obj");
  return o;
}

// ---- _lru_cache_wrapper -------------------------------------------------------------------------------------------
// The cache is a dict from argument keys to results whose insertion order is the recency order: a hit moves its
// entry to the end, a miss in a full cache evicts the first entry (the least recently used), as CPython's
// linked list does.
struct LruObject : Object {
  Value func;
  DictObject* cache;
  Value cache_info_type;
  Value kwd_mark;      // separates positional arguments from keyword items in a key
  int64_t maxsize;     // -1: unbounded
  bool typed;
  int64_t hits, misses;
  DictObject* dict;    // __dict__ (update_wrapper fills it)
};

LruObject* as_lru(Value v) { return static_cast<LruObject*>(v.as_object()); }

void trace_lru(Object* self, Tracer& tracer) {
  auto* l = static_cast<LruObject*>(self);
  tracer.visit(l->func);
  tracer.visit(l->cache);
  tracer.visit(l->cache_info_type);
  tracer.visit(l->kwd_mark);
  tracer.visit(l->dict);
}

// _lru_cache_wrapper(user_function, maxsize, typed, cache_info_type): maxsize None is unbounded, 0 caches
// nothing (every call is a miss), a negative size counts as 0.
Value lru_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  static const char* const kNames[] = {"user_function", "maxsize", "typed", "cache_info_type"};
  Value a[4];
  if (!native::parse_args(ts, "lru_cache", args, kwnames, kNames, 4, 0, a, 4)) return Value();
  if (!type_of(a[0])->call) return raise(ts, TypeError_type, "the first argument must be callable");
  int64_t maxsize = -1;
  if (!is_none(a[1])) {
    if (!is_int(a[1])) return raise(ts, TypeError_type, "maxsize should be integer or None");
    if (!int_to_int64(a[1], &maxsize)) maxsize = INT64_MAX;
    if (maxsize < 0) maxsize = 0;
  }
  int typed = py_truth(ts, a[2]);
  if (typed < 0) return Value();
  auto* l = alloc_instance<LruObject>(ts, type);
  l->func = a[0];
  l->cache = make_dict(ts);
  l->cache_info_type = a[3];
  l->kwd_mark = Value(ts.alloc<InstanceObject>(&object_type, sizeof(Object)));
  l->maxsize = maxsize;
  l->typed = typed;
  return Value(l);
}

// The cache key of a call: the lone argument itself when it is an exact int or str (and the call has no
// keywords), else a tuple of the arguments, the keyword mark and keyword items, and (typed) the types.
Value make_key(ThreadState& ts, LruObject* l, std::span<const Value> args, TupleObject* kwnames) {
  size_t npos = positional_count(args, kwnames);
  int64_t nkw = kwnames ? kwnames->size : 0;
  if (nkw == 0 && npos == 1 && (type_of(args[0]) == &int_type || type_of(args[0]) == &str_type)) return args[0];
  // The key's length is known: one allocation (the only step that can fail), then the items in place.
  const auto positional = static_cast<int64_t>(npos);
  int64_t length = positional + (nkw ? 1 + 2 * nkw : 0);
  if (l->typed) length += positional + nkw;
  ListObject* key = make_list(ts, length);
  if (!key) return Value();
  int64_t at = 0;
  for (size_t i = 0; i < npos; i++) key->items[at++] = args[i];
  if (nkw) {
    key->items[at++] = l->kwd_mark;
    for (int64_t k = 0; k < nkw; k++) {
      key->items[at++] = kwnames->items[k];
      key->items[at++] = args[npos + static_cast<size_t>(k)];
    }
  }
  if (l->typed) {
    for (size_t i = 0; i < npos; i++) key->items[at++] = Value(type_of(args[i]));
    for (int64_t k = 0; k < nkw; k++) key->items[at++] = Value(type_of(args[npos + static_cast<size_t>(k)]));
  }
  return list_to_tuple(ts, key);
}

// Hits and misses are counted as CPython counts them; an unhashable argument raises the TypeError from
// hashing the key. The function runs outside any cache bookkeeping, so it may call the wrapper recursively.
Value lru_call(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  LruObject* l = as_lru(self);
  if (l->maxsize == 0) {
    l->misses++;
    return call(ts, l->func, args, kwnames);
  }
  Value key = make_key(ts, l, args, kwnames);
  if (!key) return key;
  Value cached = dict_get(ts, l->cache, key);
  if (cached) {
    l->hits++;
    if (l->maxsize > 0) {
      // Most recently used: move to the end.
      if (dict_del(ts, l->cache, key) < 0 || !dict_set(ts, l->cache, key, cached)) return Value();
    }
    return cached;
  }
  if (ts.current_exception) return Value();
  l->misses++;
  Value result = call(ts, l->func, args, kwnames);
  if (!result) return result;
  // The call may have cached this key itself (recursion): keep that entry.
  Value again = dict_get(ts, l->cache, key);
  if (again) return result;
  if (ts.current_exception) return Value();
  if (l->maxsize > 0 && l->cache->used >= l->maxsize) {
    int64_t pos = 0;
    Value oldest, ignored;
    if (dict_next(l->cache, &pos, &oldest, &ignored) && dict_del(ts, l->cache, oldest) < 0) return Value();
  }
  if (!dict_set(ts, l->cache, key, result)) return Value();
  return result;
}

Value lru_cache_info(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!exact_args(ts, "cache_info", args, kwnames, 0, 0)) return Value();
  LruObject* l = as_lru(self);
  Value info[4] = {make_int(ts, l->hits), make_int(ts, l->misses),
                   l->maxsize < 0 ? None() : make_int(ts, l->maxsize), make_int(ts, l->cache->used)};
  return call(ts, l->cache_info_type, info);
}

Value lru_cache_clear(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!exact_args(ts, "cache_clear", args, kwnames, 0, 0)) return Value();
  LruObject* l = as_lru(self);
  l->hits = l->misses = 0;
  dict_clear(ts, l->cache);
  return None();
}

Value lru_copy(ThreadState&, Value self, std::span<const Value>, TupleObject*) { return self; }

Value lru_reduce(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!exact_args(ts, "__reduce__", args, kwnames, 0, 0)) return Value();
  return get_attr(ts, self, ts.interp->names.qualname);
}

// As a class attribute the wrapper binds like a function.
// A method decorated with lru_cache binds its instance like a function (the cache is shared by all
// instances, keyed by self among the arguments).
Value lru_descr_get(ThreadState& ts, Value descr, Value instance, Value) {
  if (!instance || is_none(instance)) return descr;
  return make_bound_method(ts, descr, instance);
}

Value lru_getattr_dict(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  return Value(instance_dict(ts, &as_lru(self)->dict));
}
const MethodDef kPartialMethods[] = {
    {"__reduce__", partial_reduce}, {"__setstate__", partial_setstate}, kClassGetitemMethod[0]};
const MethodDef kPartialMembers[] = {
    {"func", partial_getattr_func}, {"args", partial_getattr_args}, {"keywords", partial_getattr_keywords}};
const MethodDef kPartialGetters[] = {{"__dict__", partial_getattr_dict}};
const MethodDef kKeyWrapperGetters[] = {{"obj", keywrapper_obj}};
const MethodDef kLruMethods[] = {{"cache_info", lru_cache_info},
                                 {"cache_clear", lru_cache_clear},
                                 {"__copy__", lru_copy},
                                 {"__deepcopy__", lru_copy},
                                 {"__reduce__", lru_reduce}};
const MethodDef kLruGetters[] = {{"__dict__", lru_getattr_dict}};
const MethodDef kFunctoolsFunctions[] = {{"reduce", functools_reduce}, {"cmp_to_key", cmp_to_key}};

}  // namespace

ModuleObject* create_functools_module(ThreadState& ts) {
  if (begin_native_type(ts, partial_type, "partial", "functools", sizeof(PartialObject), kTypeBaseType)) {
    Type& t = partial_type;
    t.new_instance = partial_new;
    t.call = partial_call;
    t.repr = partial_repr;
    t.trace = trace_partial;
    t.dict_offset = offsetof(PartialObject, dict);
    add_methods(ts, t, kPartialMethods);
    add_getsets(ts, t, kPartialGetters);
    for (const MethodDef& member : kPartialMembers) add_native_property(ts, t, &member, nullptr, ReadOnly::kMember);
    allow_weak_references(t);
    finish_native_type(ts, t);
  }
  if (begin_native_type(ts, keywrapper_type, "KeyWrapper", "functools", sizeof(KeyWrapperObject))) {
    Type& t = keywrapper_type;
    t.call = keywrapper_call;
    t.richcompare = keywrapper_richcompare;
    t.trace = trace_keywrapper;
    add_getsets(ts, t, kKeyWrapperGetters);
    dict_set_str_new(ts, t.dict, ts.interp->names.hash, None());
    finish_native_type(ts, t);
    t.hash = nullptr;
  }
  if (begin_native_type(ts, lru_type, "_lru_cache_wrapper", "functools", sizeof(LruObject), kTypeBaseType)) {
    Type& t = lru_type;
    t.new_instance = lru_new;
    t.call = lru_call;
    t.descr_get = lru_descr_get;
    t.trace = trace_lru;
    t.dict_offset = offsetof(LruObject, dict);
    add_methods(ts, t, kLruMethods);
    add_getsets(ts, t, kLruGetters);
    allow_weak_references(t);
    finish_native_type(ts, t);
  }
  ModuleObject* m = make_module(ts, "_functools");
  add_module_value(ts, m, "partial", Value(static_cast<Object*>(&partial_type)));
  add_module_value(ts, m, "_lru_cache_wrapper", Value(static_cast<Object*>(&lru_type)));
  add_module_functions(ts, m, kFunctoolsFunctions);
  return m;
}

}  // namespace minipy
