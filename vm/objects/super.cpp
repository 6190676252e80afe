// super(): attribute lookup that starts after a given class in an object's MRO. The zero-argument form reads
// the calling frame's first argument and its __class__ cell, as CPython's super_init_without_args does.
#include "vm/objects/type_init.h"
#include "vm/runtime.h"

namespace minipy {

namespace {

struct SuperObject : Object {
  Type* type;       // the class whose successors are searched
  Value obj;        // the instance or class bound to; null for unbound super(type)
  Type* obj_type;   // the type whose MRO is searched (obj's type, or obj itself when obj is a class)
};

SuperObject* as_super(Value v) { return static_cast<SuperObject*>(v.as_object()); }

// typeobject.c's supercheck: a class bound to super(C, cls) searches cls's own MRO (classmethods, __new__), an instance
// its type's. CPython also consults obj.__class__ for proxy objects whose class lies; that last fallback is not done
// here.
Type* super_check(ThreadState& ts, Type* type, Value obj) {
  if (is_type(obj) && is_subtype(as_type(obj), type)) return as_type(obj);
  if (is_subtype(type_of(obj), type)) return type_of(obj);
  raise(ts, TypeError_type, "super(type, obj): obj must be an instance or subtype of type");
  return nullptr;
}

// The class and first argument of the method running in `frame`.
bool super_from_frame(ThreadState& ts, Frame* frame, Type** type, Value* obj) {
  if (!frame) {
    raise(ts, RuntimeError_type, "super(): no current frame");
    return false;
  }
  CodeObj* code = frame->code;
  if (code->argcount == 0) {
    raise(ts, RuntimeError_type, "super(): no arguments");
    return false;
  }
  // The first parameter may have been captured by an inner function, in which case its slot holds a cell; super() needs
  // the value inside.
  Value first = frame->localsplus[0];
  if ((code->localspluskinds[0] & CO_FAST_CELL) && first && type_of(first) == &cell_type)
    first = static_cast<CellObject*>(first.as_object())->ref;
  if (!first) {
    raise(ts, RuntimeError_type, "super(): arg[0] deleted");
    return false;
  }
  // The compiler gives every method that mentions super or __class__ a free variable __class__, filled by type.__new__
  // from the class body's __classcell__ (codegen's class_def); a method defined outside a class body has none, hence
  // "__class__ cell not found".
  for (int i = 0; i < code->nlocalsplus; i++) {
    if (!(code->localspluskinds[i] & CO_FAST_FREE)) continue;
    if (as_str(code->localsplusnames->items[i])->view() != "__class__") continue;
    Value cell = frame->localsplus[i];
    if (!cell || type_of(cell) != &cell_type) {
      raise(ts, RuntimeError_type, "super(): bad __class__ cell");
      return false;
    }
    Value cls = static_cast<CellObject*>(cell.as_object())->ref;
    if (!cls) {
      raise(ts, RuntimeError_type, "super(): empty __class__ cell");
      return false;
    }
    if (!is_type(cls)) {
      raise_fmt(ts, RuntimeError_type, "super(): __class__ is not a type ({})", type_name(cls));
      return false;
    }
    *type = as_type(cls);
    *obj = first;
    return true;
  }
  raise(ts, RuntimeError_type, "super(): __class__ cell not found");
  return false;
}

// Reads super's arguments, (type[, obj]) or none (the calling method's class and first argument), into `s`.
[[nodiscard]] bool super_fill(ThreadState& ts, SuperObject* s, std::span<const Value> args, TupleObject* kwnames) {
  if (!no_keywords(ts, "super", kwnames)) return false;
  if (args.size() > 2)
    return raise_fmt(ts, TypeError_type, "super() takes at most 2 arguments ({} given)", args.size()), false;
  Type* type = nullptr;
  Value obj;
  if (args.empty()) {
    if (!super_from_frame(ts, ts.current_frame, &type, &obj)) return false;
  } else {
    if (!is_type(args[0]))
      // CPython's two paths word it differently: super(...) itself says "a type", a subclass's __init__ not.
      return raise_fmt(ts, TypeError_type, "super() argument 1 must be {}type, not {}",
                       type_of(Value(s)) == &super_type ? "a " : "", type_name(args[0])), false;
    type = as_type(args[0]);
    if (args.size() == 2 && !is_none(args[1])) obj = args[1];
  }
  Type* obj_type = nullptr;
  if (obj) {
    obj_type = super_check(ts, type, obj);
    if (!obj_type) return false;
  }
  s->type = type;
  s->obj = obj;
  s->obj_type = obj_type;
  return true;
}

// super(...) reads its arguments here; a subclass of super gets an empty instance, filled by super.__init__
// (CPython's super has a generic __new__ and reads its arguments in __init__, which a subclass may override).
Value super_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  auto* s = ts.alloc<SuperObject>(type, type->instance_size);
  if (type == &super_type && !super_fill(ts, s, args, kwnames)) return Value();
  return Value(s);
}

// super.__init__(type[, obj]): fills a subclass's instance (an exact super was filled by super_new already).
bool super_init(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  SuperObject* s = as_super(self);
  if (type_of(self) == &super_type && s->type) return true;
  return super_fill(ts, s, args, kwnames);
}

// The search starts after `type` in the MRO of obj's type, so cooperative multiple inheritance reaches the next class
// of the instance's MRO, not of `type`'s. __class__ is excluded so that super() reports its own class.
Value super_getattr(ThreadState& ts, Value self, StrObject* name) {
  SuperObject* s = as_super(self);
  Type* start = s->obj_type;
  if (start && s->type && name->view() != "__class__") {
    TupleObject* mro = start->mro;
    int64_t i = 0;
    while (i < mro->size && mro->items[i].as_object() != s->type) i++;
    for (i++; i < mro->size; i++) {
      Value v = dict_get_str(as_type(mro->items[i])->dict, name);
      if (!v) continue;
      if (DescrGetSlot get = type_of(v)->descr_get)
        // Bound to a class (super(C, cls)), descriptors are fetched as through the class: no instance, so functions
        // come back unbound and classmethods bind to cls.
        return get(ts, v, s->obj == Value(start) ? Value() : s->obj, Value(start));
      return v;
    }
  }
  return generic_getattr(ts, self, name, false);
}

// The texts are super_repr's, including the NULL spellings that show unbound and uninitialised supers.
Value super_repr(ThreadState& ts, Value self) {
  SuperObject* s = as_super(self);
  if (!s->type) return make_str(ts, "<super: <class 'NULL'>, NULL>");  // a subclass's, before __init__
  if (!s->obj_type) return make_str(ts, fmt::format("<super: <class '{}'>, NULL>", s->type->name->view()));
  return make_str(ts, fmt::format("<super: <class '{}'>, <{} object>>", s->type->name->view(),
                                  s->obj_type->name->view()));
}

// super.__get__: an unbound super(type) binds to the instance it is fetched through (so it can be a class
// attribute); a bound one, or access through the class, gives itself back. A subclass of super is constructed
// anew with (type, instance), as CPython's super_descr_get does.
Value super_descr_get(ThreadState& ts, Value self, Value instance, Value) {
  SuperObject* s = as_super(self);
  if (!instance || is_none(instance) || s->obj || !s->type) return self;
  if (type_of(self) == &super_type) {
    Type* obj_type = super_check(ts, s->type, instance);
    if (!obj_type) return Value();
    auto* bound = ts.alloc<SuperObject>(&super_type, sizeof(SuperObject));
    bound->type = s->type;
    bound->obj = instance;
    bound->obj_type = obj_type;
    return Value(bound);
  }
  Value args[2] = {Value(s->type), instance};
  return call(ts, Value(type_of(self)), args);
}

// __thisclass__, __self__ and __self_class__: the class searched after, the bound object, its type (None unbound).
Value super_thisclass(ThreadState&, Value self, std::span<const Value>, TupleObject*) {
  Type* t = as_super(self)->type;
  return t ? Value(t) : None();
}
Value super_self(ThreadState&, Value self, std::span<const Value>, TupleObject*) {
  Value obj = as_super(self)->obj;
  return obj ? obj : None();
}
Value super_self_class(ThreadState&, Value self, std::span<const Value>, TupleObject*) {
  Type* t = as_super(self)->obj_type;
  return t ? Value(t) : None();
}

void trace_super(Object* self, Tracer& tracer) {
  auto* s = static_cast<SuperObject*>(self);
  tracer.visit(s->type);
  tracer.visit(s->obj);
  tracer.visit(s->obj_type);
}

}  // namespace

void init_super_type(ThreadState& ts) {
  super_type.new_instance = super_new;
  super_type.init = super_init;
  super_type.getattr = super_getattr;
  super_type.repr = super_repr;
  super_type.trace = trace_super;
  super_type.descr_get = super_descr_get;
  add_getset(ts, super_type, "__thisclass__", super_thisclass);
  add_getset(ts, super_type, "__self__", super_self);
  add_getset(ts, super_type, "__self_class__", super_self_class);
  static_assert(sizeof(SuperObject) <= sizeof(PropertyObject), "super_type's declared instance size");
}

}  // namespace minipy
