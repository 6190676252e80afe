// The native `_weakref` module: weakref.ref (ReferenceType). A reference does not keep its referent alive; the
// collector clears it when the referent dies and queues its callback (vm/heap.cpp), which the finalizer runner
// calls with the reference (vm/finalize.cpp). stdlib/weakref.py re-exports it.
#include "vm/runtime.h"

namespace minipy {

void init_static_type(ThreadState& ts, Type& t);  // objects/type.cpp

Type weakref_ref_type;  // a root (interpreter.cpp): it lives outside the builtin-type table

namespace {

WeakReference* as_ref(Value v) { return static_cast<WeakReference*>(v.as_object()); }

// CPython gives these types a weak reference list; other builtins (int, str, tuple, list, dict, object(), ...)
// and subclasses of variable-size builtins have none.
bool weakrefable(Value v) {
  if (!v.is_object()) return false;
  Type* t = v.as_object()->type;
  if (t->flags & kTypeHeap)
    return !(t->flags & (kTypeIntSubclass | kTypeStrSubclass | kTypeTupleSubclass)) && !is_subtype(t, &bytes_type);
  return t == &function_type || (t->flags & kTypeTypeSubclass) || t == &set_type || t == &frozenset_type ||
         t == &generator_type || t == &code_type || t == &module_type || t == &bound_method_type ||
         t == &weakref_ref_type;
}

Value ref_new(ThreadState& ts, Type*, std::span<const Value> args, TupleObject* kwnames) {
  if (!no_keywords(ts, "ref", kwnames)) return Value();
  if (args.size() < 1 || args.size() > 2)
    return raise_fmt(ts, TypeError_type, "__new__ expected at most 2 arguments, got {}", args.size());
  if (!weakrefable(args[0]))
    return raise_fmt(ts, TypeError_type, "cannot create weak reference to '{}' object", type_name(args[0]));
  auto* r = ts.alloc<WeakReference>(&weakref_ref_type);
  r->referent = args[0].as_object();
  r->callback = args.size() > 1 && !is_none(args[1]) ? args[1] : Value();
  r->hash = -1;
  ts.heap->register_weakref(r);
  return Value(r);
}

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
  if ((op != kEq && op != kNe) || type_of(other) != &weakref_ref_type) return NotImplemented();
  Object* a = as_ref(self)->referent;
  Object* b = as_ref(other)->referent;
  if (!a || !b) return Bool((self == other) == (op == kEq));
  return rich_compare(ts, Value(a), Value(b), op);
}

void trace_ref(Object* self, Tracer& tracer) { tracer.visit(static_cast<WeakReference*>(self)->callback); }

// Runs the callback of a reference whose referent died (queued by the collector).
void ref_del(ThreadState& ts, Object* self) {
  auto* r = static_cast<WeakReference*>(self);
  Value callback = r->callback;
  r->callback = Value();
  Value arg(self);
  if (callback && !call(ts, callback, std::span<const Value>(&arg, 1))) write_unraisable(ts, callback);
}

Value ref_callback_getter(ThreadState&, Value self, std::span<const Value>, TupleObject*) {
  Value cb = as_ref(self)->callback;
  return cb ? cb : None();
}

Value getweakrefcount(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  if (!no_keywords(ts, "getweakrefcount", kwnames) || !check_arg_count(ts, "getweakrefcount", args.size(), 1, 1))
    return Value();
  return make_int(ts, static_cast<int64_t>(ts.heap->weakref_count(args[0].is_object() ? args[0].as_object() : nullptr)));
}

const MethodDef kWeakrefFunctions[] = {
    {"getweakrefcount", getweakrefcount},
};

}  // namespace

void init_weakref_type(ThreadState& ts) {
  Type& t = weakref_ref_type;
  t.type = &type_type;
  t.gc_flags = kGcStatic;
  t.c_name = "ReferenceType";
  t.base = &object_type;
  t.instance_size = sizeof(WeakReference);
  t.flags = kTypeImmutable;
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
  add_getset(ts, t, "__callback__", ref_callback_getter);
}

ModuleObject* create_weakref_module(ThreadState& ts) {
  ModuleObject* m = make_module(ts, "_weakref");
  for (const MethodDef& def : kWeakrefFunctions)
    dict_set_str(ts, m->dict, intern(ts, def.name), make_native_function(ts, &def, Value(m), Value(m->name)));
  dict_set_str(ts, m->dict, intern(ts, "ref"), Value(static_cast<Object*>(&weakref_ref_type)));
  dict_set_str(ts, m->dict, intern(ts, "ReferenceType"), Value(static_cast<Object*>(&weakref_ref_type)));
  return m;
}

}  // namespace minipy
