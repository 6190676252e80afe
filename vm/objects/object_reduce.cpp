// The copy/pickle protocol of the builtin types, as CPython's typeobject.c has it: object.__reduce_ex__ and
// __reduce__ (protocol 2 and up: copyreg.__newobj__/__newobj_ex__ with __getnewargs(_ex)__, the state from
// __getstate__, list and dict items as iterators; protocols 0 and 1: copyreg._reduce_ex), object.__getstate__
// (the instance dict, plus a dict of slot values named by copyreg._slotnames), __getnewargs__ of the immutable
// value types, set/frozenset.__reduce__ and BaseException.__reduce__. This is what lets Lib's copy.copy and
// copy.deepcopy work on user classes and builtin containers. copyreg (pure Python, in Lib) is imported on first use.
#include "vm/import/import_internal.h"
#include "vm/objects/heap_type.h"
#include "vm/objects/instance_values.h"
#include "vm/objects/type_init.h"

namespace minipy {

namespace {

#define METHOD(fn) Value fn(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

Value copyreg_attr(ThreadState& ts, const char* name) {
  Value copyreg = find_and_load(ts, "copyreg");
  if (!copyreg) return copyreg;
  return get_attr(ts, copyreg, intern(ts, name));
}

// A special method looked up on the type and bound to `obj` (CPython's _PyObject_LookupSpecial); null if absent.
Value lookup_special(ThreadState& ts, Value obj, const char* name) {
  Value attr = type_lookup(type_of(obj), intern(ts, name));
  if (!attr) return attr;
  if (DescrGetSlot get = type_of(attr)->descr_get) return get(ts, attr, obj, Value(type_of(obj)));
  return attr;
}

// __getnewargs_ex__ or __getnewargs__: *args (a tuple) and **kwargs (a dict, or null) for cls.__new__. Both stay
// null when the object has neither method.
bool get_new_arguments(ThreadState& ts, Value obj, Value* args, Value* kwargs) {
  *args = Value();
  *kwargs = Value();
  if (Value ex = lookup_special(ts, obj, "__getnewargs_ex__")) {
    Value r = call(ts, ex, {});
    if (!r) return false;
    if (!is_tuple(r)) {
      raise_fmt(ts, TypeError_type, "__getnewargs_ex__ should return a tuple, not '{}'", type_name(r));
      return false;
    }
    auto* pair = static_cast<TupleObject*>(r.as_object());
    if (pair->size != 2) {
      raise_fmt(ts, ValueError_type, "__getnewargs_ex__ should return a tuple of length 2, not {}", pair->size);
      return false;
    }
    if (!is_tuple(pair->items[0])) {
      raise_fmt(ts, TypeError_type, "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{}'",
                type_name(pair->items[0]));
      return false;
    }
    if (!is_dict(pair->items[1])) {
      raise_fmt(ts, TypeError_type, "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{}'",
                type_name(pair->items[1]));
      return false;
    }
    *args = pair->items[0];
    *kwargs = pair->items[1];
    return true;
  }
  if (ts.current_exception) return false;
  if (Value plain = lookup_special(ts, obj, "__getnewargs__")) {
    Value r = call(ts, plain, {});
    if (!r) return false;
    if (!is_tuple(r)) {
      raise_fmt(ts, TypeError_type, "__getnewargs__ should return a tuple, not '{}'", type_name(r));
      return false;
    }
    *args = r;
    return true;
  }
  return !ts.current_exception;
}

// The names of `t`'s slots as copyreg._slotnames gives them, cached in the class's __slotnames__. Without a
// __slots__ anywhere in the MRO the answer is [] and copyreg (in Lib) is not needed.
Value slot_names(ThreadState& ts, Type* t) {
  StrObject* cache_name = intern(ts, "__slotnames__");
  if (Value cached = dict_get_str(t->dict, cache_name); cached && (is_list(cached) || is_none(cached))) return cached;
  bool has_slots = false;
  for (Value c : t->mro->span()) has_slots = has_slots || dict_get_str(as_type(c)->dict, ts.interp->names.slots);
  if (has_slots) {
    Value slotnames_fn = copyreg_attr(ts, "_slotnames");
    if (!slotnames_fn) return slotnames_fn;
    Value cls(t);
    return call(ts, slotnames_fn, std::span<const Value>(&cls, 1));
  }
  Value empty(make_list(ts, 0));
  if (!set_attr(ts, Value(t), cache_name, empty)) return Value();
  return empty;
}

// object.__getstate__'s work: the instance dict (None when empty) and, when the class has slots, (dict, slots).
// `required`: the state must capture the whole object, so a builtin layout beyond object's cannot be pickled.
Value default_state(ThreadState& ts, Value obj, bool required) {
  Type* t = type_of(obj);
  if (required && (t->item_size || (t->flags & kTypeDictAtEnd)))
    return raise_fmt(ts, TypeError_type, "cannot pickle '{}' object", type_name(obj));
  DictObject** slot = instance_dict_slot_materialized(ts, obj);
  Value state = slot && *slot && (*slot)->used ? Value(*slot) : None();
  if (required && static_base(t) != &object_type)
    return raise_fmt(ts, TypeError_type, "cannot pickle '{}' object", type_name(obj));
  if (!(t->flags & kTypeHeap)) return state;
  Value names = slot_names(ts, t);
  if (!names) return names;
  if (!is_list(names) && !is_none(names))
    return raise(ts, TypeError_type, "copyreg._slotnames didn't return a list or None");
  if (is_none(names) || static_cast<ListObject*>(names.as_object())->size == 0) return state;
  DictObject* slots = make_dict(ts);
  auto* list = static_cast<ListObject*>(names.as_object());
  for (int64_t i = 0; i < list->size; i++) {
    Value name = list->items[i];
    if (!is_str(name)) continue;
    Value v = get_attr_optional(ts, obj, as_str(name));
    if (!v) {
      if (ts.current_exception) return Value();
      continue;
    }
    if (!dict_set(ts, slots, name, v)) return Value();
  }
  if (slots->used == 0) return state;
  Value pair[2] = {state, Value(slots)};
  return Value(minipy::make_tuple(ts, pair));
}

// The state for protocol 2+: what __getstate__ returns (the default one told whether it is `required`).
Value object_state(ThreadState& ts, Value obj, bool required) {
  Value getstate = get_attr(ts, obj, intern(ts, "__getstate__"));
  if (!getstate) return getstate;
  Value own = type_lookup(type_of(obj), intern(ts, "__getstate__"));
  if (own && own == dict_get_str(object_type.dict, intern(ts, "__getstate__"))) return default_state(ts, obj, required);
  return call(ts, getstate, {});
}

// Protocol 2+: (copyreg.__newobj__, (cls, *args), state, listitems, dictitems), or __newobj_ex__ with keywords.
Value reduce_newobj(ThreadState& ts, Value obj) {
  Type* t = type_of(obj);
  if (!t->new_instance) return raise_fmt(ts, TypeError_type, "cannot pickle '{}' object", type_name(obj));
  Value args, kwargs;
  if (!get_new_arguments(ts, obj, &args, &kwargs)) return Value();
  bool has_args = bool(args);
  Value newobj, newargs;
  if (!kwargs || static_cast<DictObject*>(kwargs.as_object())->used == 0) {
    newobj = copyreg_attr(ts, "__newobj__");
    if (!newobj) return newobj;
    std::vector<Value> items{Value(t)};
    if (args)
      for (Value a : static_cast<TupleObject*>(args.as_object())->span()) items.push_back(a);
    newargs = Value(minipy::make_tuple(ts, items));
  } else {
    newobj = copyreg_attr(ts, "__newobj_ex__");
    if (!newobj) return newobj;
    Value items[3] = {Value(t), args, kwargs};
    newargs = Value(minipy::make_tuple(ts, items));
  }
  Value keep[2] = {newobj, newargs};
  TupleObject* rooted = minipy::make_tuple(ts, keep);
  Value state = object_state(ts, obj, !(has_args || is_list(obj) || is_dict(obj)));
  if (!state) return state;
  Value listitems = None(), dictitems = None();
  if (is_list(obj)) {
    listitems = get_iter(ts, obj);
    if (!listitems) return listitems;
  }
  if (is_dict(obj)) {
    Value items = call_method(ts, obj, intern(ts, "items"), {});
    if (!items) return items;
    dictitems = get_iter(ts, items);
    if (!dictitems) return dictitems;
  }
  Value result[5] = {rooted->items[0], rooted->items[1], state, listitems, dictitems};
  return Value(minipy::make_tuple(ts, result));
}

Value common_reduce(ThreadState& ts, Value obj, int64_t protocol) {
  if (protocol >= 2) return reduce_newobj(ts, obj);
  Value reduce_ex = copyreg_attr(ts, "_reduce_ex");
  if (!reduce_ex) return reduce_ex;
  Value call_args[2] = {obj, make_int(ts, protocol)};
  return call(ts, reduce_ex, call_args);
}

METHOD(m_reduce) {
  if (!no_keywords(ts, "__reduce__", kwnames) || !check_arg_count(ts, "object.__reduce__", args.size(), 0, 0))
    return Value();
  return common_reduce(ts, self, 0);
}

// __reduce_ex__(protocol): a class's own __reduce__ wins over the protocol's default.
METHOD(m_reduce_ex) {
  if (!no_keywords(ts, "__reduce_ex__", kwnames) || !check_arg_count(ts, "object.__reduce_ex__", args.size(), 1, 1))
    return Value();
  int64_t protocol;
  if (!index_to_int64(ts, args[0], &protocol)) return Value();
  StrObject* reduce_name = intern(ts, "__reduce__");
  Value own = type_lookup(type_of(self), reduce_name);
  if (own && own != dict_get_str(object_type.dict, reduce_name)) {
    Value reduce = get_attr(ts, self, reduce_name);
    return reduce ? call(ts, reduce, {}) : reduce;
  }
  return common_reduce(ts, self, protocol);
}

METHOD(m_getstate) {
  if (!no_keywords(ts, "__getstate__", kwnames) || !check_arg_count(ts, "object.__getstate__", args.size(), 0, 0))
    return Value();
  return default_state(ts, self, false);
}

// int/float/str/bytes/tuple.__getnewargs__: the exact builtin value, so a subclass instance is rebuilt from it.
METHOD(m_getnewargs) {
  Type* solid = static_base(type_of(self));
  if (!no_keywords(ts, "__getnewargs__", kwnames)) return Value();
  if (!args.empty())
    return raise_fmt(ts, TypeError_type, "{}.__getnewargs__() takes no arguments ({} given)", solid->name->view(),
                     args.size());
  Value exact;
  if (solid == &str_type) exact = Value(make_str(ts, as_str(self)->view()));
  else if (solid == &bytes_type) exact = make_bytes(ts, static_cast<BytesObject*>(self.as_object())->view());
  else if (solid == &tuple_type) exact = Value(minipy::make_tuple(ts, static_cast<TupleObject*>(self.as_object())->span()));
  else if (solid == &float_type) exact = make_float(ts, float_value(self));
  else exact = make_int(ts, to_bigint(self));  // int: the exact int value
  if (!exact) return exact;
  return Value(minipy::make_tuple(ts, std::span<const Value>(&exact, 1)));
}

// set/frozenset.__reduce__: (type(self), (list(self),), the instance dict or None).
METHOD(m_set_reduce) {
  if (!check_positional_args(ts, "__reduce__", args, kwnames, 0, 0)) return Value();
  ListObject* items = make_list(ts, 0);
  if (!list_extend(ts, items, self)) return Value();
  Value inner = Value(items);
  DictObject** slot = instance_dict_slot(self);
  Value parts[3] = {Value(type_of(self)), Value(minipy::make_tuple(ts, std::span<const Value>(&inner, 1))),
                    slot && *slot ? Value(*slot) : None()};
  return Value(minipy::make_tuple(ts, parts));
}

// BaseException.__reduce__: (type(self), self.args) plus the instance dict when it has one.
METHOD(m_exception_reduce) {
  if (!check_positional_args(ts, "__reduce__", args, kwnames, 0, 0)) return Value();
  auto* e = static_cast<ExceptionObject*>(self.as_object());
  Value parts[3] = {Value(type_of(self)), Value(e->args), e->dict ? Value(e->dict) : Value()};
  return Value(minipy::make_tuple(ts, std::span<const Value>(parts, e->dict ? 3 : 2)));
}

}  // namespace

extern const MethodDef kObjectReduceMethods[3] = {
    {"__getstate__", m_getstate}, {"__reduce__", m_reduce}, {"__reduce_ex__", m_reduce_ex}};

// Adds the per-type pieces of the protocol (object's own rows are in object_methods.cpp's table).
void init_reduce_methods(ThreadState& ts) {
  static const MethodDef getnewargs[] = {{"__getnewargs__", m_getnewargs}};
  for (Type* t : {&int_type, &float_type, &str_type, &bytes_type, &tuple_type}) add_methods(ts, *t, getnewargs);
  static const MethodDef set_reduce[] = {{"__reduce__", m_set_reduce}};
  for (Type* t : {&set_type, &frozenset_type}) add_methods(ts, *t, set_reduce);
  static const MethodDef exception_reduce[] = {{"__reduce__", m_exception_reduce}};
  add_methods(ts, BaseException_type, exception_reduce);
}

}  // namespace minipy
