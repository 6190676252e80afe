// `member_descriptor`: what a name in a class's __slots__ becomes (CPython's PyMemberDescr for T_OBJECT_EX).
// Each slot is one Value stored at a fixed offset inside the instance, after its base's layout (the class
// statement lays them out: vm/objects/class.cpp); the descriptor reads, writes and clears that word. An empty
// word is an unset slot: reading it or deleting it raises AttributeError as CPython does.
#include "vm/objects/member_descriptor.h"

#include "vm/objects/static_type.h"
#include "vm/objects/type_init.h"

namespace minipy {

namespace {

Type member_descriptor_type;

struct MemberDescriptorObject : Object {
  Type* owner;      // the class whose __slots__ named it (__objclass__)
  StrObject* name;  // the slot's (mangled) name
  int64_t offset;   // byte offset of the Value inside instances of owner and its subclasses
};

MemberDescriptorObject* as_member(Value v) { return static_cast<MemberDescriptorObject*>(v.as_object()); }

Value* slot_of(Value instance, const MemberDescriptorObject* m) {
  return reinterpret_cast<Value*>(reinterpret_cast<char*>(instance.as_object()) + m->offset);
}

// "descriptor 'x' for 'P' objects doesn't apply to a 'int' object": the slot's offset is only meaningful for
// instances of the class that laid it out.
bool check_instance(ThreadState& ts, const MemberDescriptorObject* m, Value instance) {
  if (instance.is_object() && is_subtype(type_of(instance), m->owner)) return true;
  raise_fmt(ts, TypeError_type, "descriptor '{}' for '{}' objects doesn't apply to a '{}' object", m->name->view(),
            m->owner->name->view(), type_name(instance));
  return false;
}

Value member_get(ThreadState& ts, Value descr, Value instance, Value) {
  // Class access (P.x) gives the descriptor itself; an explicit __get__(None, P) means the same, because CPython's
  // wrap_descr_get turns a None instance into NULL before calling the slot.
  if (!instance || is_none(instance)) return descr;
  MemberDescriptorObject* m = as_member(descr);
  if (!check_instance(ts, m, instance)) return Value();
  Value v = *slot_of(instance, m);
  if (!v)
    // The error carries name and obj, which the traceback printer's "Did you mean" suggestions read.
    return raise_attribute_error(ts, instance, m->name,
                                 fmt::format("'{}' object has no attribute '{}'", type_name(instance), m->name->view()));
  return v;
}

// Assignment, or deletion when `value` is null (deleting an unset slot: "AttributeError: x").
bool member_set(ThreadState& ts, Value descr, Value instance, Value value) {
  MemberDescriptorObject* m = as_member(descr);
  if (!check_instance(ts, m, instance)) return false;
  Value* slot = slot_of(instance, m);
  if (!value && !*slot) {
    raise(ts, AttributeError_type, m->name->view());
    return false;
  }
  *slot = value;
  return true;
}

Value member_repr(ThreadState& ts, Value self) {
  MemberDescriptorObject* m = as_member(self);
  return Value(make_str(ts, fmt::format("<member '{}' of '{}' objects>", m->name->view(), m->owner->name->view())));
}

void trace_member(Object* self, Tracer& tracer) {
  auto* m = static_cast<MemberDescriptorObject*>(self);
  // The owner is traced because the descriptor can outlive a reference to its class (kept after `del P`) and
  // its checks and messages still read the owner's type and name.
  tracer.visit(static_cast<Object*>(m->owner));
  tracer.visit(static_cast<Object*>(m->name));
}

Value member_name(ThreadState&, Value self, std::span<const Value>, TupleObject*) {
  return Value(as_member(self)->name);
}
Value member_objclass(ThreadState&, Value self, std::span<const Value>, TupleObject*) {
  return Value(static_cast<Object*>(as_member(self)->owner));
}
Value member_qualname(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  MemberDescriptorObject* m = as_member(self);
  return Value(make_str(ts, fmt::format("{}.{}", m->owner->qualname->view(), m->name->view())));
}

// A slot's __doc__ is None, as CPython's (inspect.getdoc then reads a dict __slots__'s value).
Value member_doc(ThreadState&, Value, std::span<const Value>, TupleObject*) { return None(); }

}  // namespace

Value make_member_descriptor(ThreadState& ts, Type* owner, StrObject* name, int64_t offset) {
  auto* m = ts.alloc<MemberDescriptorObject>(&member_descriptor_type);
  m->owner = owner;
  m->name = name;
  m->offset = offset;
  return Value(m);
}

bool is_member_descriptor(Value v) { return v.is_object() && type_of(v) == &member_descriptor_type; }
Type* member_descriptor_owner(Value v) { return as_member(v)->owner; }

void init_member_descriptor_type(ThreadState& ts) {
  Type& t = member_descriptor_type;
  begin_static_type(ts, t, "member_descriptor", &object_type, sizeof(MemberDescriptorObject), 0);
  t.descr_get = member_get;
  t.descr_set = member_set;
  t.repr = member_repr;
  t.trace = trace_member;
  add_getset(ts, t, "__name__", member_name);
  add_getset(ts, t, "__objclass__", member_objclass);
  add_getset(ts, t, "__qualname__", member_qualname);
  add_getset(ts, t, "__doc__", member_doc);
  finish_static_type_slots(ts, t, nullptr);
}

}  // namespace minipy
