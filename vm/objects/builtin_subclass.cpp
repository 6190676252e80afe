// Python classes derived from the builtin value types (int, float, str, bytes, tuple, set, frozenset, list,
// dict): their instance layout and how an instance is made from the base value.
//
// An instance's layout starts with its builtin base's layout (IntObject, StrObject, ...), so every native
// function of the base that checks the subclass flag or the base type reads it unchanged; the attribute dict
// follows. Fixed-size bases get it at a fixed offset (Type::dict_offset). str, bytes and tuple keep their data
// inline, so their dict sits after the data: dict_offset stays 0 and kTypeDictAtEnd says where to look.
// An int subclass instance holds its value as a BigInt even when small: tagged small ints are exact ints only,
// which keeps the interpreter's small-int fast paths free of subclass checks.
#include <cstring>
#include <new>
#include <vector>

#include "vm/objects/complex.h"
#include "vm/objects/heap_type.h"

namespace minipy {

namespace {

uint32_t align8(size_t n) { return static_cast<uint32_t>((n + 7) & ~size_t{7}); }

// Byte offset of the dict of a variable-size instance whose builtin base is `solid`.
size_t dict_at_end_offset(const Object* o, const Type* solid) {
  if (solid == &tuple_type) {
    auto* t = static_cast<const TupleObject*>(o);
    return offsetof(TupleObject, items) + static_cast<size_t>(t->size) * sizeof(Value);
  }
  if (solid == &bytes_type) return align8(offsetof(BytesObject, data) + static_cast<const BytesObject*>(o)->size + 1);
  return align8(offsetof(StrObject, data) + static_cast<const StrObject*>(o)->size + 1);
}

template <class T>
T* alloc_sized(ThreadState& ts, Type* type, size_t data_end) {
  return ts.alloc<T>(type, align8(data_end) + sizeof(DictObject*));
}

}  // namespace

bool builtin_subclass_layout(Type* t, Type* solid, bool wants_dict) {
  t->instance_size = solid->instance_size;
  t->dict_offset = solid->dict_offset;
  t->item_size = solid->item_size;
  if (!wants_dict || t->dict_offset || solid == &type_type) return true;  // metaclass instances: no dict
  if (solid == &object_type) {
    t->instance_size = sizeof(InstanceObject);
    t->dict_offset = offsetof(InstanceObject, dict);
    return true;
  }
  if (solid == &str_type || solid == &bytes_type || solid == &tuple_type) {
    t->flags |= kTypeDictAtEnd;
    return true;
  }
  // Fixed-size layouts (int, float, list, dict, set, frozenset, and native modules' types such as
  // _random.Random): the dict follows the base's fields.
  if (solid->item_size == 0) {
    t->dict_offset = align8(solid->instance_size);
    t->instance_size = t->dict_offset + sizeof(DictObject*);
    return true;
  }
  return false;
}

namespace {
std::vector<Type*>& subclassable_native_types() {
  static std::vector<Type*> types;
  return types;
}
}  // namespace

void register_subclassable_native_type(Type* t) { subclassable_native_types().push_back(t); }

bool is_subclassable_native_type(Type* t) {
  for (Type* native : subclassable_native_types())
    if (native == t) return true;
  return false;
}

DictObject** instance_dict_slot_at_end(Object* o) {
  return reinterpret_cast<DictObject**>(reinterpret_cast<char*>(o) + dict_at_end_offset(o, static_base(o->type)));
}

Value make_subtype_instance(ThreadState& ts, Type* type, Value exact) {
  Type* solid = static_base(type);
  if (solid == &int_type) {
    auto* o = ts.alloc<IntObject>(type, type->instance_size);
    new (&o->value) BigInt(to_bigint(exact));
    return Value(o);
  }
  if (solid == &float_type) {
    auto* o = ts.alloc<FloatObject>(type, type->instance_size);
    o->value = float_value(exact);
    return Value(o);
  }
  if (solid == &complex_type) {
    auto* o = ts.alloc<ComplexObject>(type, type->instance_size);
    o->value = complex_value(exact);
    return Value(o);
  }
  if (solid == &str_type) {
    StrObject* s = as_str(exact);
    auto* o = alloc_sized<StrObject>(ts, type, offsetof(StrObject, data) + s->size + 1);
    o->hash = s->hash;
    o->length = s->length;
    o->size = s->size;
    o->kind_flags = s->kind_flags & ~kStrInterned;
    std::memcpy(o->data, s->data, static_cast<size_t>(s->size) + 1);
    return Value(o);
  }
  if (solid == &bytes_type) {
    auto* b = static_cast<BytesObject*>(exact.as_object());
    auto* o = alloc_sized<BytesObject>(ts, type, offsetof(BytesObject, data) + b->size + 1);
    o->hash = b->hash;
    o->size = b->size;
    std::memcpy(o->data, b->data, static_cast<size_t>(b->size) + 1);
    return Value(o);
  }
  if (solid == &tuple_type) {
    auto* t = static_cast<TupleObject*>(exact.as_object());
    auto* o = alloc_sized<TupleObject>(ts, type, offsetof(TupleObject, items) + t->size * sizeof(Value));
    o->size = t->size;
    for (int64_t i = 0; i < t->size; i++) o->items[i] = t->items[i];
    return Value(o);
  }
  return raise_fmt(ts, SystemError_type, "cannot make a '{}' instance from a base value", type->name->view());
}

}  // namespace minipy
