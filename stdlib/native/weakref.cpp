// The native `_weakref` module (CPython's Modules/_weakref.c and Objects/weakrefobject.c): weakref.ref
// (ReferenceType), the proxies (weakref_proxy.cpp), getweakrefcount, getweakrefs and _remove_dead_weakref. A
// reference does not keep its referent alive; the collector clears it when the referent dies and queues its
// callback (vm/memory/heap.cpp), which the finalizer runner calls with the reference (vm/memory/finalize.cpp).
// As in CPython, ref(x) without a callback gives back the existing plain reference to x when there is one.
//
// Left out: the exact order of getweakrefs() (creation order here; CPython lists plain references first).
#include "stdlib/native/weakref.h"
#include "vm/objects/heap_type.h"
#include "vm/objects/static_type.h"

#include <algorithm>
#include <vector>

namespace minipy {

Type weakref_ref_type;  // a root (interpreter.cpp): it lives outside the builtin-type table

namespace {

WeakReference* as_ref(Value v) { return static_cast<WeakReference*>(v.as_object()); }

// Every reference and proxy this module made that has not been swept yet, in creation order (getweakrefs, and
// the plain reference ref(x) reuses). The heap clears `referent` when it dies; the types' finalize slot takes a
// swept reference out. One interpreter at a time owns it (unit tests make several, one after another).
struct Registry {
  Interpreter* owner = nullptr;
  std::vector<WeakReference*> refs;
};
Registry the_registry;
Registry& registry(ThreadState& ts) {
  if (the_registry.owner != ts.interp) {
    the_registry.owner = ts.interp;
    the_registry.refs.clear();
  }
  return the_registry;
}

}  // namespace

void forget_weakref(Object* self) {
  auto& refs = the_registry.refs;
  auto it = std::find(refs.begin(), refs.end(), static_cast<WeakReference*>(self));
  if (it != refs.end()) refs.erase(it);
}

WeakReference* new_weakref(ThreadState& ts, Type* type, Object* referent, Value callback) {
  auto* r = ts.alloc<WeakReference>(type, type->instance_size);
  r->referent = referent;
  r->callback = callback && !is_none(callback) ? callback : Value();
  r->hash = -1;
  ts.heap->register_weakref(r);
  registry(ts).refs.push_back(r);
  return r;
}

// CPython gives these types a weak reference list; other builtins (int, str, tuple, list, dict, object(), ...)
// and subclasses of variable-size builtins have none.
bool weakrefable(ThreadState& ts, Value v) {
  if (!v.is_object()) return false;
  Type* t = v.as_object()->type;
  // A Python class is weakrefable when a class of its MRO laid out __weakref__ (a class whose __slots__ leave
  // it out has none); otherwise its builtin base decides.
  if (t->flags & kTypeHeap) {
    if (type_lookup(t, intern(ts, "__weakref__"))) return true;
    t = static_base(t);
  }
  return t == &function_type || (t->flags & kTypeTypeSubclass) || t == &set_type || t == &frozenset_type ||
         t == &generator_type || t == &code_type || t == &module_type || t == &bound_method_type ||
         is_subtype(t, &weakref_ref_type) || is_native_weakrefable(t);
}

namespace {

Value ref_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  if (type == &weakref_ref_type && !no_keywords(ts, "ref", kwnames)) return Value();
  args = args.first(positional_count(args, kwnames));
  if (args.size() < 1 || args.size() > 2)
    return raise_fmt(ts, TypeError_type, "__new__ expected at most 2 arguments, got {}", args.size());
  if (!weakrefable(ts, args[0]))
    return raise_fmt(ts, TypeError_type, "cannot create weak reference to '{}' object", type_name(args[0]));
  Object* referent = args[0].as_object();
  bool plain = args.size() < 2 || is_none(args[1]);
  if (plain && type == &weakref_ref_type) {
    // ref(x) is ref(x): the live plain reference to x, if any, is shared.
    for (WeakReference* r : registry(ts).refs)
      if (r->referent == referent && r->type == &weakref_ref_type && !r->callback) return Value(r);
  }
  return Value(new_weakref(ts, type, referent, plain ? Value() : args[1]));
}

}  // namespace

namespace {

bool ref_init(ThreadState&, Value, std::span<const Value>, TupleObject*) { return true; }

Value ref_call(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!no_keywords(ts, "weakref", kwnames) || !check_arg_count(ts, "weakref", args.size(), 0, 0)) return Value();
  Object* o = as_ref(self)->referent;
  return o ? Value(o) : None();
}

Value ref_repr(ThreadState& ts, Value self) {
  Object* o = as_ref(self)->referent;
  if (!o) return make_str(ts, fmt::format("<weakref at {:#x}; dead>", self.bits()));
  return make_str(ts, fmt::format("<weakref at {:#x}; to '{}' at {:#x}>", self.bits(), o->type->qualname->view(),
                                  Value(o).bits()));
}

bool ref_hash(ThreadState& ts, Value self, int64_t* out) {
  WeakReference* r = as_ref(self);
  if (r->hash == -1) {
    if (!r->referent) return raise(ts, TypeError_type, "weak object has gone away"), false;
    if (!py_hash(ts, Value(r->referent), &r->hash)) return false;
  }
  *out = r->hash;
  return true;
}

// Two live references compare as their referents; otherwise by identity.
Value ref_richcompare(ThreadState& ts, Value self, Value other, int op) {
  if ((op != kEq && op != kNe) || !is_subtype(type_of(other), &weakref_ref_type)) return NotImplemented();
  Object* a = as_ref(self)->referent;
  Object* b = as_ref(other)->referent;
  if (!a || !b) return Bool((self == other) == (op == kEq));
  return rich_compare(ts, Value(a), Value(b), op);
}

void trace_ref(Object* self, Tracer& tracer) { tracer.visit(static_cast<WeakReference*>(self)->callback); }

}  // namespace

// Runs the callback of a reference whose referent died (queued by the collector).
void ref_del(ThreadState& ts, Object* self) {
  auto* r = static_cast<WeakReference*>(self);
  Value callback = r->callback;
  r->callback = Value();
  Value arg(self);
  if (callback && !call(ts, callback, std::span<const Value>(&arg, 1))) write_unraisable(ts, callback);
}

namespace {

Value ref_callback_getter(ThreadState&, Value self, std::span<const Value>, TupleObject*) {
  Value cb = as_ref(self)->callback;
  return cb ? cb : None();
}

Value getweakrefcount(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  if (!no_keywords(ts, "getweakrefcount", kwnames) || !check_arg_count(ts, "getweakrefcount", args.size(), 1, 1))
    return Value();
  return make_int(ts, static_cast<int64_t>(ts.heap->weakref_count(args[0].is_object() ? args[0].as_object() : nullptr)));
}

Value getweakrefs(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  if (!no_keywords(ts, "getweakrefs", kwnames) || !check_arg_count(ts, "getweakrefs", args.size(), 1, 1))
    return Value();
  ListObject* result = make_list(ts, 0);
  if (!args[0].is_object()) return Value(result);
  Object* referent = args[0].as_object();
  for (WeakReference* r : registry(ts).refs)
    if (r->referent == referent && !list_append(ts, result, Value(r))) return Value();
  return Value(result);
}

// _remove_dead_weakref(dict, key): deletes dict[key] if it is a dead reference (no error when key is missing).
Value remove_dead_weakref(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  if (!no_keywords(ts, "_remove_dead_weakref", kwnames) ||
      !check_arg_count(ts, "_remove_dead_weakref", args.size(), 2, 2))
    return Value();
  if (!is_dict(args[0]))
    return raise_fmt(ts, TypeError_type, "_remove_dead_weakref() argument 1 must be dict, not {}",
                     type_name(args[0]));
  auto* d = static_cast<DictObject*>(args[0].as_object());
  Value v = dict_get(ts, d, args[1]);
  if (!v) return ts.current_exception ? Value() : None();
  if (is_subtype(type_of(v), &weakref_ref_type) && !as_ref(v)->referent && dict_del(ts, d, args[1]) < 0)
    return Value();
  return None();
}

const MethodDef kWeakrefFunctions[] = {
    {"getweakrefcount", getweakrefcount},
    {"getweakrefs", getweakrefs},
    {"_remove_dead_weakref", remove_dead_weakref},
};

}  // namespace

void init_weakref_type(ThreadState& ts) {
  Type& t = weakref_ref_type;
  t.type = &type_type;
  t.gc_flags = kGcStatic;
  t.c_name = "weakref.ReferenceType";
  t.base = &object_type;
  t.instance_size = sizeof(WeakReference);
  t.flags = kTypeImmutable | kTypeBaseType;  // weakref.KeyedRef and WeakMethod derive from it
  mark_native_extensible(t);
  init_static_type(ts, t);
  t.module = Value(intern(ts, "weakref"));
  t.getattr = object_type.getattr;
  t.setattr = object_type.setattr;
  t.str = object_type.str;
  t.new_instance = ref_new;
  t.init = ref_init;
  t.call = ref_call;
  t.repr = ref_repr;
  t.hash = ref_hash;
  t.richcompare = ref_richcompare;
  t.trace = trace_ref;
  t.del = ref_del;
  t.finalize = forget_weakref;
  add_getset(ts, t, "__callback__", ref_callback_getter);
  add_methods(ts, t, kClassGetitemMethod);
  add_slot_wrappers(ts, t);  // __call__, __hash__, __eq__...: WeakMethod calls super().__call__()
  add_native_new(ts, t);
}

ModuleObject* create_weakref_module(ThreadState& ts) {
  ModuleObject* m = make_module(ts, "_weakref");
  for (const MethodDef& def : kWeakrefFunctions)
    dict_set_str(ts, m->dict, intern(ts, def.name), make_native_function(ts, &def, Value(m), Value(m->name)));
  dict_set_str(ts, m->dict, intern(ts, "ref"), Value(static_cast<Object*>(&weakref_ref_type)));
  dict_set_str(ts, m->dict, intern(ts, "ReferenceType"), Value(static_cast<Object*>(&weakref_ref_type)));
  add_proxy_types(ts, m);
  return m;
}

}  // namespace minipy
