// Instance attributes without a dict (CPython 3.11's "values" layout with per-class shared keys).
//
// An instance of an ordinary class (nearest builtin base `object`, an attribute dict at InstanceObject::dict,
// kTypeInstanceValues) is allocated with a small array of Values after its fixed part (at Type::instance_size).
// While its dict slot is empty the instance is in *values mode*: its attributes are the first `count` names of
// its class's SharedKeys, in that (insertion) order, with values[0..count). The count and the array's capacity
// live in the header's spare half-word (Object::kind_flags: count in the low byte, capacity in the high byte).
//
//     InstanceObject | slot words (__slots__) | values[0] .. values[capacity-1]
//     kind_flags = capacity << 8 | count          ^ Type::instance_size
//
// Values mode holds exactly a prefix of the shared keys, so materialising the dict (one entry per value, in
// order) gives the dict CPython would show. Anything values mode cannot say that way materialises the dict and
// leaves values mode for good: deleting an attribute, adding one that is not the class's next shared key, a full
// array, `__dict__` asked for, `__class__` assigned, and every caller of instance_dict_slot_materialized (vars(),
// dir(), pickling, copying). The shared keys only ever grow (up to kMaxSharedKeys), so a (class version, index)
// pair in an inline cache names one attribute for good.
#pragma once
#include <cstdint>

#include "vm/runtime.h"

namespace minipy {

// CPython's SHARED_KEYS_MAX_SIZE: a class whose instances use more names falls back to dicts for the rest.
constexpr uint32_t kMaxSharedKeys = 30;

struct SharedKeys {
  uint32_t count = 0;
  bool sized = false;  // an instance was allocated: later ones get room for `count` values
  StrObject* names[kMaxSharedKeys] = {};  // interned strs (immortal: the intern table keeps them)
  // plain_version[i] == the class's version: name i is a plain instance attribute in that state of the class
  // (name_is_plain_instance_attr), so an inline cache filled for another class that finds the name at the same
  // position may read and write the value without looking at the class (a base method run for subclasses,
  // whose instances a base __init__ filled in the same order).
  uint64_t plain_version[kMaxSharedKeys] = {};
};

inline uint32_t values_count(const Object* o) { return o->kind_flags & 0xFF; }
inline uint32_t values_capacity(const Object* o) { return o->kind_flags >> 8; }
inline void set_values_count(Object* o, uint32_t count) {
  o->kind_flags = static_cast<uint16_t>((o->kind_flags & 0xFF00) | count);
}
inline Value* instance_values(Object* o) {
  return reinterpret_cast<Value*>(reinterpret_cast<char*>(o) + o->type->instance_size);
}
// The dict slot of a kTypeInstanceValues instance (at InstanceObject::dict).
inline DictObject*& values_dict_slot(Object* o) { return static_cast<InstanceObject*>(o)->dict; }
// Whether `o` holds its attributes in its values array: its class uses them, it was allocated with one (then
// its class has shared keys) and no dict was made.
inline bool in_values_mode(const Object* o) {
  return (o->type->flags & kTypeInstanceValues) && !static_cast<const InstanceObject*>(o)->dict &&
         values_capacity(o) > 0;
}

// Allocates an instance of kTypeInstanceValues class `type` with a values array sized from what its earlier
// instances used (object_new).
InstanceObject* alloc_instance_with_values(ThreadState& ts, Type* type);

// The position of exact str `name` among the first `limit` names of `keys`, or -1 (interned names compare by
// identity, other strs by content).
int64_t shared_key_index_by_content(const SharedKeys* keys, uint32_t limit, StrObject* name);
[[gnu::always_inline]] inline int64_t shared_key_index(const SharedKeys* keys, uint32_t limit, StrObject* name) {
  for (uint32_t i = 0; i < limit; i++)
    if (keys->names[i] == name) return i;
  // Attribute names in code are interned, and an interned key is the same object: no second pass for them.
  return (name->kind_flags & kStrInterned) ? -1 : shared_key_index_by_content(keys, limit, name);
}

// The value of attribute `name` (an exact str) of values-mode instance `o`, or null when it has none.
inline Value values_get(Object* o, StrObject* name) {
  int64_t ix = shared_key_index(o->type->shared_keys, values_count(o), name);
  return ix >= 0 ? instance_values(o)[ix] : Value();
}
// Whether values-mode instance `o` has an attribute `name` (it shadows a non-data class attribute).
inline bool values_shadow(Object* o, StrObject* name) { return bool(values_get(o, name)); }

// Stores attribute `name` (an exact str) of values-mode instance `o` when values mode can hold it (an existing
// attribute, or the class's next shared key): its position in the values, or -1 (nothing stored) when the
// caller must materialise the dict.
int64_t values_store(Object* o, StrObject* name, Value value);

// Whether attribute `name` of instances of `t` is an ordinary instance attribute for both reading and writing:
// the generic __getattribute__/__setattr__, and no class attribute with __set__ (or that may gain one).
bool name_is_plain_instance_attr(Type* t, StrObject* name);
// Records name_is_plain_instance_attr(t, keys->names[ix]) for t's current version, when it holds.
void note_plain_key(Type* t, uint32_t ix);
// The value at position `ix` of values-mode instance `o` when that position holds `name` and is known plain
// for o's class in its current state (see SharedKeys::plain_version), else null.
[[gnu::always_inline]] inline Value plain_value_at(Object* o, uint32_t ix, StrObject* name) {
  const SharedKeys* keys = o->type->shared_keys;
  if (ix >= values_count(o) || keys->names[ix] != name || keys->plain_version[ix] != o->type->version) return Value();
  return instance_values(o)[ix];
}

// Builds the dict of values-mode instance `o` from its values and leaves values mode; returns the dict.
DictObject* materialize_instance_dict(ThreadState& ts, Object* o);

// instance_dict_slot for code that reads or replaces the dict itself: a values-mode instance gets its dict made
// first, so the slot says everything.
DictObject** instance_dict_slot_materialized(ThreadState& ts, Value obj);

// Marks the values of values-mode instance `o` (the class's trace slot).
void trace_instance_values(Object* o, Tracer& tracer);

// Frees a dead class's shared keys (type's finalize slot).
void free_shared_keys(Type* t);

}  // namespace minipy
