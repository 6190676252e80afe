// Instance attributes kept in a values array beside per-class shared keys (see instance_values.h).
#include "vm/objects/instance_values.h"

#include <algorithm>

namespace minipy {

namespace {

// Whether attribute name `name` is shared key `key`: interned names are equal only when identical; any other
// str (setattr with a computed name) compares by content. Callers pass exact strs only.
bool same_name(const StrObject* key, const StrObject* name) {
  return key == name || (!(name->kind_flags & kStrInterned) && str_equal(key, name));
}

}  // namespace

InstanceObject* alloc_instance_with_values(ThreadState& ts, Type* type) {
  SharedKeys*& keys = type->shared_keys;
  if (!keys) keys = new SharedKeys();
  // The class's first instance teaches its shared keys the attribute names in their order, so it gets room for
  // all of them (one instance per class pays that: a subclass's __init__ calling its base's may store many);
  // later ones get room for the names their predecessors used, rounded up to the allocator's 16-byte size class
  // (the spare words are free). A class whose instances add names later learns them from the first instance
  // that does, and the instances allocated after it have room for them.
  uint32_t wanted = keys->sized ? std::max<uint32_t>(keys->count, 1) : kMaxSharedKeys;
  keys->sized = true;
  size_t size = (type->instance_size + wanted * sizeof(Value) + 15) & ~size_t{15};
  auto capacity = static_cast<uint32_t>(std::min<size_t>((size - type->instance_size) / sizeof(Value), kMaxSharedKeys));
  auto* o = ts.alloc<InstanceObject>(type, size);
  o->kind_flags = static_cast<uint16_t>(capacity << 8);  // no values yet
  return o;
}

int64_t shared_key_index_by_content(const SharedKeys* keys, uint32_t limit, StrObject* name) {
  for (uint32_t i = 0; i < limit; i++)
    if (str_equal(keys->names[i], name)) return i;
  return -1;
}

int64_t values_store(Object* o, StrObject* name, Value value) {
  SharedKeys* keys = o->type->shared_keys;
  uint32_t count = values_count(o);
  int64_t ix = shared_key_index(keys, count, name);
  if (ix >= 0) {
    instance_values(o)[ix] = value;
    return ix;
  }
  // A new attribute keeps values mode only as the class's next shared key, so that the values stay a prefix of
  // the keys in insertion order. A name no instance used yet becomes that key when every earlier key is in use
  // here (the class learns its instances' attribute order from the first ones); it is learnt even when this
  // instance's array is full, so that instances allocated later get room for it.
  if (count < keys->count) {
    if (!same_name(keys->names[count], name)) return -1;
  } else {
    if (keys->count == kMaxSharedKeys || !(name->kind_flags & kStrInterned)) return -1;
    keys->names[keys->count++] = name;
  }
  if (count >= values_capacity(o)) return -1;
  instance_values(o)[count] = value;
  set_values_count(o, count + 1);
  return count;
}

bool name_is_plain_instance_attr(Type* t, StrObject* name) {
  if (t->getattr != object_type.getattr || t->setattr != object_type.setattr) return false;
  Value attr = type_lookup(t, name);
  return !attr || (!(type_of(attr)->flags & kTypeHeap) && !type_of(attr)->descr_set);
}

void note_plain_key(Type* t, uint32_t ix) {
  SharedKeys* keys = t->shared_keys;
  if (ix < keys->count && name_is_plain_instance_attr(t, keys->names[ix])) keys->plain_version[ix] = t->version;
}

DictObject* materialize_instance_dict(ThreadState& ts, Object* o) {
  uint32_t count = values_count(o);
  DictObject* d = make_dict(ts, count);
  const SharedKeys* keys = o->type->shared_keys;
  Value* values = instance_values(o);
  // Allocation does not collect (collections wait for a safe point), so the values stay reachable throughout.
  for (uint32_t i = 0; i < count; i++) dict_set_str_new(ts, d, keys->names[i], values[i]);
  values_dict_slot(o) = d;
  set_values_count(o, 0);
  return d;
}

DictObject** instance_dict_slot_materialized(ThreadState& ts, Value obj) {
  DictObject** slot = instance_dict_slot(obj);
  if (slot && !*slot && in_values_mode(obj.as_object()) && values_count(obj.as_object()) > 0)
    materialize_instance_dict(ts, obj.as_object());
  return slot;
}

void trace_instance_values(Object* o, Tracer& tracer) {
  if (!in_values_mode(o)) return;
  const Value* values = instance_values(o);
  tracer.visit_range(values, values + values_count(o));
}

void free_shared_keys(Type* t) {
  delete t->shared_keys;
  t->shared_keys = nullptr;
}

}  // namespace minipy
