// The builtin iterator types: enumerate, zip, reversed, map, filter and the __getitem__-based sequence iterator.
//
// Each wrapper holds iterators made by get_iter and advances them with `step`, so an error or a StopIteration
// carrying a value passes through unchanged. Construction takes CPython's arguments and messages; keywords are
// refused for the builtin types but left to a subclass's __init__ (keywords_refused), as CPython's checks do.
#include "vm/objects/type_init.h"
#include "vm/objects/heap_type.h"
#include "vm/runtime.h"

namespace minipy {

namespace {

Value self_iter(ThreadState&, Value self) { return self; }

// One step of an iterator the wrappers below made with get_iter. Unlike iter_next it leaves a StopIteration
// pending, so a value it carries reaches whoever called the wrapper (CPython's wrappers pass it through too).
Value step(ThreadState& ts, Value iterator) { return type_of(iterator)->iternext(ts, iterator); }

// ---- enumerate ---------------------------------------------------------------------------------------------
// enumerate(iterable, start=0).
Value enumerate_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  size_t n = positional_count(args, kwnames);
  Value iterable = n > 0 ? args[0] : keyword_arg(ts, args, kwnames, "iterable");
  Value start = n > 1 ? args[1] : keyword_arg(ts, args, kwnames, "start");
  if (!iterable) return raise(ts, TypeError_type, "enumerate() missing required argument 'iterable' (pos 1)");
  if (n > 2) return raise_fmt(ts, TypeError_type, "enumerate() takes at most 2 arguments ({} given)", n);
  // CPython's enum_new takes PyNumber_Index(start): anything with __index__, made an exact int (True is 1).
  if (start) {
    start = number_index(ts, start);
    if (!start) return start;
  }
  Value it = get_iter(ts, iterable);
  if (!it) return it;
  auto* e = ts.alloc<EnumerateObject>(type, type->instance_size);  // a subclass adds its dict
  e->iterator = it;
  e->count = start ? start : Value::small_int(0);
  return Value(e);
}
// The count is a Python int advanced with `+`, so it grows past int64 without overflow.
Value enumerate_next(ThreadState& ts, Value self) {
  auto* e = static_cast<EnumerateObject*>(self.as_object());
  Value v = step(ts, e->iterator);
  if (!v) return v;
  Value items[2] = {e->count, v};
  Value next = binary_op(ts, e->count, Value::small_int(1), kOpAdd);
  if (!next) return next;
  e->count = next;
  return Value(minipy::make_tuple(ts, items));
}
void trace_enumerate(Object* self, Tracer& tracer) {
  auto* e = static_cast<EnumerateObject*>(self);
  tracer.visit(e->iterator);
  tracer.visit(e->count);
}

// ---- zip --------------------------------------------------------------------------------------------------------
// zip(*iterables, strict=False). With no iterables the zip is empty at once.
Value zip_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  size_t n = positional_count(args, kwnames);
  Value strict = keyword_arg(ts, args, kwnames, "strict");
  // zip takes `strict` only, subclass or not (CPython parses its keywords with "|$p:zip").
  for (int64_t k = 0; kwnames && k < kwnames->size; k++)
    if (as_str(kwnames->items[k])->view() != "strict")
      return raise_fmt(ts, TypeError_type, "'{}' is an invalid keyword argument for zip()",
                       as_str(kwnames->items[k])->view());
  TupleObject* its = minipy::make_tuple(ts, static_cast<int64_t>(n));
  for (size_t i = 0; i < n; i++) its->items[i] = Value();
  for (size_t i = 0; i < n; i++) {
    Value it = get_iter(ts, args[i]);
    if (!it) return it;  // 3.11 says "'int' object is not iterable" (3.9's "zip argument #1 ..." is gone)
    its->items[i] = it;
  }
  auto* z = ts.alloc<ZipObject>(type, type->instance_size);  // a subclass adds its dict
  z->iterators = its;
  if (strict) {
    int t = py_truth(ts, strict);
    if (t < 0) return Value();
    z->strict = t;
  }
  return Value(z);
}
// Stops at the shortest input. With strict=True (PEP 618) the first exhausted input is checked against the
// others: an earlier one still producing is "shorter", a later one producing is "longer" (the ValueError
// names the argument positions as CPython's does). An iterator that raises ends strict checking with that error.
Value zip_next(ThreadState& ts, Value self) {
  auto* z = static_cast<ZipObject*>(self.as_object());
  int64_t n = z->iterators->size;
  if (n == 0) return Value();
  TupleObject* result = minipy::make_tuple(ts, n);
  for (int64_t i = 0; i < n; i++) result->items[i] = None();
  for (int64_t i = 0; i < n; i++) {
    Value v = step(ts, z->iterators->items[i]);
    if (!v) {
      if (!z->strict) return Value();
      if (ts.current_exception) {
        if (!exception_matches(ts.current_exception, &StopIteration_type)) return Value();
        ts.current_exception = Value();
      }
      if (i > 0)
        return raise_fmt(ts, ValueError_type, "zip() argument {} is shorter than argument{} {}", i + 1,
                         i == 1 ? "" : "s", i == 1 ? "1" : fmt::format("1-{}", i));
      for (int64_t j = 1; j < n; j++) {
        Value w = iter_next(ts, z->iterators->items[j]);
        if (w) return raise_fmt(ts, ValueError_type, "zip() argument {} is longer than argument{} {}", j + 1,
                                j == 1 ? "" : "s", j == 1 ? "1" : fmt::format("1-{}", j));
        if (ts.current_exception) return Value();
      }
      return Value();
    }
    result->items[i] = v;
  }
  return Value(result);
}
void trace_zip(Object* self, Tracer& tracer) { tracer.visit(static_cast<ZipObject*>(self)->iterators); }

// ---- reversed ----------------------------------------------------------------------------------------------------
// reversed(seq): seq.__reversed__() when the type defines it (None means "not reversible"); otherwise the
// sequence protocol (__len__ and __getitem__, dicts excluded) walked from the end.
Value reversed_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  if (!no_keywords(ts, "reversed", kwnames)) return Value();
  if (args.size() != 1) return raise_fmt(ts, TypeError_type, "reversed expected 1 argument, got {}", args.size());
  Value seq = args[0];
  Value method = type_lookup(type_of(seq), ts.interp->names.reversed);
  if (method && !is_none(method)) return call(ts, method, std::span<const Value>(&seq, 1));
  Type* t = type_of(seq);
  if (method || !t->getitem || !t->length || is_dict(seq))
    return raise_fmt(ts, TypeError_type, "'{}' object is not reversible", type_name(seq));
  int64_t n = py_len(ts, seq);
  if (n < 0) return Value();
  auto* r = ts.alloc<ReversedObject>(type, type->instance_size);  // a subclass adds its dict
  r->seq = seq;
  r->index = n - 1;
  return Value(r);
}
// An IndexError (the sequence shrank) or StopIteration from __getitem__ ends the iteration quietly.
Value reversed_next(ThreadState& ts, Value self) {
  auto* r = static_cast<ReversedObject*>(self.as_object());
  if (!r->seq || r->index < 0) {
    r->seq = Value();
    return Value();
  }
  Value v = get_item(ts, r->seq, Value::small_int(r->index--));
  if (!v && (exception_matches(ts.current_exception, &IndexError_type) ||
             exception_matches(ts.current_exception, &StopIteration_type))) {
    ts.current_exception = Value();
    r->seq = Value();
  }
  return v;
}
void trace_reversed(Object* self, Tracer& tracer) { tracer.visit(static_cast<ReversedObject*>(self)->seq); }

// ---- map / filter -----------------------------------------------------------------------------------------------
Value map_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  if (keywords_refused(ts, type, &map_type, "map", kwnames)) return Value();
  args = args.first(positional_count(args, kwnames));  // keywords left for a subclass's __init__
  if (args.size() < 2) return raise(ts, TypeError_type, "map() must have at least two arguments.");
  TupleObject* its = minipy::make_tuple(ts, static_cast<int64_t>(args.size() - 1));
  for (int64_t i = 0; i < its->size; i++) its->items[i] = None();
  for (size_t i = 1; i < args.size(); i++) {
    Value it = get_iter(ts, args[i]);
    if (!it) return it;
    its->items[i - 1] = it;
  }
  auto* m = ts.alloc<MapObject>(type, type->instance_size);  // a subclass adds its dict
  m->func = args[0];
  m->iterators = its;
  return Value(m);
}
// func(*next items); stops with the shortest iterable. The argument tuple is filled with None first so a
// collection during a step sees only valid items.
Value map_next(ThreadState& ts, Value self) {
  auto* m = static_cast<MapObject*>(self.as_object());
  int64_t n = m->iterators->size;
  TupleObject* argv = minipy::make_tuple(ts, n);
  for (int64_t i = 0; i < n; i++) argv->items[i] = None();
  for (int64_t i = 0; i < n; i++) {
    Value v = step(ts, m->iterators->items[i]);
    if (!v) return v;
    argv->items[i] = v;
  }
  return call(ts, m->func, argv->span());
}
Value filter_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  if (keywords_refused(ts, type, &filter_type, "filter", kwnames)) return Value();
  args = args.first(positional_count(args, kwnames));
  if (args.size() != 2) return raise_fmt(ts, TypeError_type, "filter expected 2 arguments, got {}", args.size());
  Value it = get_iter(ts, args[1]);
  if (!it) return it;
  auto* m = ts.alloc<MapObject>(type, type->instance_size);  // a subclass adds its dict
  m->func = args[0];
  m->iterators = minipy::make_tuple(ts, std::span<const Value>(&it, 1));
  return Value(m);
}
// filter(None, it) and filter(bool, it) test the item's truth without calling anything.
Value filter_next(ThreadState& ts, Value self) {
  auto* m = static_cast<MapObject*>(self.as_object());
  for (;;) {
    Value v = step(ts, m->iterators->items[0]);
    if (!v) return v;
    int keep;
    if (is_none(m->func) || m->func == Value(&bool_type)) {
      keep = py_truth(ts, v);
    } else {
      Value r = call(ts, m->func, std::span<const Value>(&v, 1));
      if (!r) return r;
      keep = py_truth(ts, r);
    }
    if (keep < 0) return Value();
    if (keep) return v;
  }
}
void trace_map(Object* self, Tracer& tracer) {
  auto* m = static_cast<MapObject*>(self);
  tracer.visit(m->func);
  tracer.visit(m->iterators);
}

// ---- the sequence iterator (objects with __getitem__ but no __iter__) ------------------------------------
// The old sequence protocol: seq[0], seq[1], ... until IndexError or StopIteration, which end it for good.
Value seq_iter_next(ThreadState& ts, Value self) {
  auto* it = static_cast<SeqIterObject*>(self.as_object());
  if (!it->seq) return Value();
  Value v = get_item(ts, it->seq, Value::small_int(it->index));
  if (!v) {
    if (exception_matches(ts.current_exception, &IndexError_type) ||
        exception_matches(ts.current_exception, &StopIteration_type)) {
      ts.current_exception = Value();
      it->seq = Value();
    }
    return Value();
  }
  it->index++;
  return v;
}

}  // namespace

// ---- iter(callable, sentinel) ---------------------------------------------------------------------------------
namespace {

// iter(callable, sentinel): stops (for good) when the result equals the sentinel or the call raises
// StopIteration; the comparison is sentinel == value, as CPython's calliter_iternext does it.
Value call_iter_next(ThreadState& ts, Value self) {
  auto* it = static_cast<CallIterObject*>(self.as_object());
  if (!it->callable) return Value();
  Value v = call(ts, it->callable, {});
  if (!v) {
    if (exception_matches(ts.current_exception, &StopIteration_type)) {
      ts.current_exception = Value();
      it->callable = it->sentinel = Value();
    }
    return Value();
  }
  int done = rich_compare_bool(ts, it->sentinel, v, kEq);
  if (done < 0) return Value();
  if (done == 0) return v;
  it->callable = it->sentinel = Value();
  return Value();
}

void trace_call_iter(Object* self, Tracer& tracer) {
  tracer.visit(static_cast<CallIterObject*>(self)->callable);
  tracer.visit(static_cast<CallIterObject*>(self)->sentinel);
}

}  // namespace

Value make_callable_iterator(ThreadState& ts, Value callable, Value sentinel) {
  if (!type_of(callable)->call) return raise(ts, TypeError_type, "iter(v, w): v must be callable");
  auto* it = ts.alloc<CallIterObject>(&callable_iterator_type);
  it->callable = callable;
  it->sentinel = sentinel;
  return Value(it);
}

namespace {

// __length_hint__ of the sequence iterators: how many items are left, 0 once exhausted (operator.length_hint and
// list() read it). A sequence may shrink while iterated, so the count never goes below 0.
Value remaining_hint(int64_t left) { return Value::small_int(left > 0 ? left : 0); }
Value forward_length_hint(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "__length_hint__", args, kwnames, 0, 0))
    return Value();
  auto* it = static_cast<SeqIterObject*>(self.as_object());
  if (!it->seq) return remaining_hint(0);
  if (is_str(it->seq)) {
    // A str iterator keeps a byte offset: count the characters (UTF-8 lead bytes) left after it.
    const StrObject* s = as_str(it->seq);
    int64_t left = 0;
    for (int64_t i = it->byte_offset; i < s->size; i++)
      left += (static_cast<unsigned char>(s->data[i]) & 0xC0) != 0x80;
    return remaining_hint(left);
  }
  int64_t size = is_str(it->seq)     ? as_str(it->seq)->length
                 : is_tuple(it->seq) ? static_cast<TupleObject*>(it->seq.as_object())->size
                                     : static_cast<ListObject*>(it->seq.as_object())->size;
  return remaining_hint(size - it->index);
}
Value reverse_length_hint(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "__length_hint__", args, kwnames, 0, 0))
    return Value();
  auto* r = static_cast<ReversedObject*>(self.as_object());
  if (!r->seq) return remaining_hint(0);
  int64_t left = r->index + 1;
  if (type_of(self) == &list_reverseiterator_type && r->index >= static_cast<ListObject*>(r->seq.as_object())->size)
    left = 0;
  return remaining_hint(left);
}
Value range_length_hint(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "__length_hint__", args, kwnames, 0, 0))
    return Value();
  return remaining_hint(static_cast<RangeIterObject*>(self.as_object())->remaining);
}

// A dict iterator's entries still to come; 0 once exhausted or after the dict changed size (CPython's dictiter_len).
Value dict_iter_length_hint(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "__length_hint__", args, kwnames, 0, 0))
    return Value();
  auto* it = static_cast<DictIterObject*>(self.as_object());
  bool valid = it->dict && it->dict->used == it->used_at_start;
  return remaining_hint(valid ? it->remaining : 0);
}

void add_length_hints(ThreadState& ts) {
  static const MethodDef kForward[] = {{"__length_hint__", forward_length_hint}};
  static const MethodDef kReverse[] = {{"__length_hint__", reverse_length_hint}};
  static const MethodDef kRange[] = {{"__length_hint__", range_length_hint}};
  for (Type* t : {&list_iterator_type, &tuple_iterator_type, &str_iterator_type, &str_ascii_iterator_type}) add_methods(ts, *t, kForward);
  for (Type* t : {&list_reverseiterator_type, &reversed_type}) add_methods(ts, *t, kReverse);
  add_methods(ts, range_iterator_type, kRange);
  static const MethodDef kDictIter[] = {{"__length_hint__", dict_iter_length_hint}};
  for (Type* t : {&dict_keyiterator_type, &dict_valueiterator_type, &dict_itemiterator_type, &dict_reversekeyiterator_type,
                  &dict_reversevalueiterator_type, &dict_reverseitemiterator_type})
    add_methods(ts, *t, kDictIter);
}

}  // namespace

void init_iterator_types(ThreadState& ts) {
  callable_iterator_type.iternext = call_iter_next;
  callable_iterator_type.trace = trace_call_iter;
  callable_iterator_type.iter = self_iter;
  enumerate_type.new_instance = enumerate_new;
  enumerate_type.iternext = enumerate_next;
  enumerate_type.trace = trace_enumerate;
  zip_type.new_instance = zip_new;
  zip_type.iternext = zip_next;
  zip_type.trace = trace_zip;
  reversed_type.new_instance = reversed_new;
  reversed_type.iternext = reversed_next;
  reversed_type.trace = trace_reversed;
  map_type.new_instance = map_new;
  map_type.iternext = map_next;
  map_type.trace = trace_map;
  filter_type.new_instance = filter_new;
  filter_type.iternext = filter_next;
  filter_type.trace = trace_map;
  iterator_type.iternext = seq_iter_next;
  iterator_type.trace = [](Object* self, Tracer& tracer) { tracer.visit(static_cast<SeqIterObject*>(self)->seq); };
  for (Type* t : {&enumerate_type, &zip_type, &reversed_type, &map_type, &filter_type, &iterator_type})
    t->iter = self_iter;
  add_length_hints(ts);
}


}  // namespace minipy
