// Inline caches for attribute access, kept in the CACHE code units CPython 3.11 reserves after LOAD_ATTR (4),
// STORE_ATTR (4) and LOAD_METHOD (10). The interpreter writes them into its private copy of the bytecode
// (CodeObj::code); pycs and co_code come from the compiler's bytes, so nobody else sees them.
//
// Every entry is a guess checked before use: a type version (globally unique, changed on any change to the type
// or its bases, see bump_type_version) or the static type's identity, plus the dict entry still holding the
// name. Zeroed units (as in pyc files) are an empty entry, and garbage units can only cause misses, because each
// hit re-validates positions against the live dicts' bounds and keys.
//
// The hot probes are inline here (the loop calls them on every execution); fills and descriptor kinds live in
// inline_cache.cpp.
#pragma once
#include <cstdint>

#include "vm/objects/instance_values.h"
#include "vm/runtime.h"

namespace minipy {

// (Defined in vm/objects/dict.cpp, declared here beside its only caller to keep runtime.h untouched.) Appends
// key -> value to small dict `d` when no entry has key's hash, so that key is absent without a lookup; false,
// with nothing stored, when that cannot be told cheaply.
[[nodiscard]] bool dict_append_str_if_absent(DictObject* d, StrObject* key, Value value);

namespace icache {

inline uint32_t read32(const uint16_t* c) { return c[0] | (uint32_t{c[1]} << 16); }
inline uint64_t read64(const uint16_t* c) { return read32(c) | (uint64_t{read32(c + 2)} << 32); }
inline void write32(uint16_t* c, uint32_t v) {
  c[0] = static_cast<uint16_t>(v);
  c[1] = static_cast<uint16_t>(v >> 16);
}
inline void write64(uint16_t* c, uint64_t v) {
  write32(c, static_cast<uint32_t>(v));
  write32(c + 2, static_cast<uint32_t>(v >> 32));
}

// LOAD_ATTR units: [0..1] type version, [2] kind (3 bits) | MRO position (5 bits) | backoff (8 bits), [3] entry
// position. The backoff counts misses left before the next refill, so a site that sees many types (a method of
// a base class run for several subclasses) does not redo the cache analysis on every execution.
enum AttrKind : uint32_t {
  kAttrEmpty = 0,
  kAttrInstance = 1,     // in the instance dict at the entry position
  kAttrClassPlain = 2,   // a class attribute without __get__, not shadowed by the instance dict
  kAttrClassNonData = 3, // a class attribute with __get__ only (functions: bound methods), not shadowed
  kAttrClassData = 4,    // a data descriptor (property, getset) in the class: wins over the instance dict
  kAttrModule = 5,       // a module's global at the entry position (no version: module_type never changes)
  kAttrTypePlain = 6,    // on a class object: an attribute of its MRO without __get__ (version: the class's)
  kAttrInstanceValue = 7,  // in a values-mode instance's values at the entry position (the class's shared key)
};
constexpr uint32_t kMaxEntry = 0xFFFF;
constexpr uint32_t kRefillBackoff = 16;
constexpr int64_t kMaxMro = 31;

inline uint32_t attr_kind(const uint16_t* c) { return c[2] >> 13; }
inline uint32_t attr_mro_pos(const uint16_t* c) { return (c[2] >> 8) & 31; }
inline uint32_t attr_entry(const uint16_t* c) { return c[3]; }

inline DictObject* instance_dict(Object* o, Type* t) {
  return t->dict_offset ? *reinterpret_cast<DictObject**>(reinterpret_cast<char*>(o) + t->dict_offset) : nullptr;
}

// The value of entry `ix` of `d` if it still holds `name`, else null.
[[gnu::always_inline]] inline Value entry_if_named(DictObject* d, uint32_t ix, StrObject* name) {
  if (d && ix < static_cast<uint64_t>(d->nentries) && d->entries[ix].key.as_object() == name) return d->entries[ix].value;
  return Value();
}

// The class attribute a kAttrClass* entry names. The version guards the whole MRO's dicts, so the entry is
// where it was at fill time; the bounds and key are re-checked anyway, as cheap insurance.
inline Value class_entry(Type* t, const uint16_t* c, StrObject* name) {
  uint32_t pos = attr_mro_pos(c);
  if (pos >= static_cast<uint64_t>(t->mro->size)) return Value();
  return entry_if_named(static_cast<Type*>(t->mro->items[pos].as_object())->dict, attr_entry(c), name);
}

// Whether instance `o` of `t` hides a class attribute called `name`, in its dict or its values.
inline bool shadows(Object* o, Type* t, StrObject* name) {
  if (DictObject* d = instance_dict(o, t)) return d->used > 0 && dict_lookup_str_index(d, name) >= 0;
  return in_values_mode(o) && values_shadow(o, name);
}

// The value at `ix` of instance `o` in values mode (its class's version was checked), else null.
[[gnu::always_inline]] inline Value instance_value_at(Object* o, uint32_t ix) {
  if (static_cast<InstanceObject*>(o)->dict || ix >= values_count(o)) return Value();
  return instance_values(o)[ix];
}

// LOAD_ATTR's fast probe: plain values only (instance dict, plain class attribute, module global); null on a
// miss or when the entry needs a descriptor call (load_attr_slow handles those).
[[gnu::always_inline]] inline Value load_attr_probe(Value owner, StrObject* name, const uint16_t* c) {
  uint32_t kind = attr_kind(c);
  if (kind == kAttrEmpty || !owner.is_object()) return Value();
  Object* o = owner.as_object();
  Type* t = o->type;
  if (kind == kAttrModule) {
    if (t != &module_type) return Value();
    return entry_if_named(static_cast<ModuleObject*>(o)->dict, attr_entry(c), name);
  }
  if (kind == kAttrTypePlain) {
    if (t != &type_type || static_cast<Type*>(o)->version != read32(c)) return Value();
    return class_entry(static_cast<Type*>(o), c, name);
  }
  if (kind == kAttrInstanceValue) {
    // Another class's instance (a base method run for subclasses) may still hold the name at the same position.
    if (!(t->flags & kTypeInstanceValues)) return Value();
    if (t->version == read32(c)) return instance_value_at(o, attr_entry(c));
    if (static_cast<InstanceObject*>(o)->dict) return Value();
    return plain_value_at(o, attr_entry(c), name);
  }
  if (t->version != read32(c)) return Value();
  if (kind == kAttrInstance) return entry_if_named(instance_dict(o, t), attr_entry(c), name);
  if (kind == kAttrClassPlain) {
    if (shadows(o, t, name)) return Value();
    return class_entry(t, c, name);
  }
  return Value();
}

// LOAD_ATTR after a probe miss. A site that sees instances of several classes (a base class's method run for
// its subclasses) misses whenever the class changes, so this answers what generic_getattr would from the type's
// (version, name) cache and the instance dict, when that needs no descriptor call: a plain value, or in *getter
// the Python getter of a property (the loop runs it as a frame). Null otherwise: load_attr_slow decides.
Value load_attr_by_type(Value owner, StrObject* name, uint16_t* c, FunctionObject** getter);

// LOAD_ATTR's slow path: descriptor kinds of a filled cache, else the full lookup, then (re)fills the cache.
Value load_attr_slow(ThreadState& ts, Value owner, StrObject* name, uint16_t* c);

// STORE_ATTR units: [0..1] type version (of a type with the generic __setattr__ and no data descriptor for the
// name), [2..3] the entry position of the name in the instance dict, or its position in the values of a
// values-mode instance (checked against the class's shared keys), last time.
// Returns false on a miss (nothing stored).
bool store_attr_probe(ThreadState& ts, Value owner, StrObject* name, Value value, uint16_t* c);
// STORE_ATTR's inline part: a values-mode instance of the entry's class storing at the entry's position (an
// attribute it has, or the next of a fresh instance). False on anything else: store_attr_probe decides.
[[gnu::always_inline]] inline bool store_attr_values_fast(Value owner, StrObject* name, Value value, const uint16_t* c) {
  if (!owner.is_object()) return false;
  Object* o = owner.as_object();
  Type* t = o->type;
  if (t->version != read32(c) || !(t->flags & kTypeInstanceValues) || static_cast<InstanceObject*>(o)->dict)
    return false;
  uint32_t ix = read32(c + 2);
  uint32_t count = values_count(o);
  if (ix < count) {
    if (t->shared_keys->names[ix] != name) return false;
  } else if (ix != count || ix >= values_capacity(o) || ix >= t->shared_keys->count || t->shared_keys->names[ix] != name) {
    return false;
  } else {
    set_values_count(o, count + 1);
  }
  instance_values(o)[ix] = value;
  return true;
}

// set_attr, then fills the cache when the store was an ordinary instance-dict store.
bool store_attr_slow(ThreadState& ts, Value owner, StrObject* name, Value value, uint16_t* c);

// LOAD_NAME and STORE_NAME have no CACHE units: each name of a code object gets two units after its bytecode
// (see load_code) holding the name's last entry position in the namespace dict.
inline uint16_t* name_hint(CodeObj* code, int name_index) { return code->code + code->ncodeunits + 2 * name_index; }

// The value of `name` in namespace `d` (null if absent), through and refreshing its hint.
[[gnu::always_inline]] inline Value load_name_hinted(DictObject* d, StrObject* name, uint16_t* hint) {
  if (Value v = entry_if_named(d, read32(hint), name)) return v;
  int64_t ix = dict_lookup_str_index(d, name);
  if (ix < 0) return Value();
  write32(hint, static_cast<uint32_t>(ix));
  return d->entries[ix].value;
}

// d[name] = value through the hint; false on error.
inline bool store_name_hinted(ThreadState& ts, DictObject* d, StrObject* name, Value value, uint16_t* hint) {
  uint32_t ix = read32(hint);
  if (entry_if_named(d, ix, name)) {
    dict_store_at(d, ix, value);
    return true;
  }
  if (!dict_set_str(ts, d, name, value)) return false;
  int64_t now = dict_lookup_str_index(d, name);
  if (now >= 0) write32(hint, static_cast<uint32_t>(now));
  return true;
}

// LOAD_METHOD units: [0..3] the type, [4..7] the method found in it (functions and method descriptors: called
// unbound with the object first), [8..9] the type's version then. A module entry has kModuleMark as version and
// the global's entry position in [4..5] (called without self).
constexpr uint32_t kModuleMark = 0xFFFFFFFFu;

// A hit sets *method (and *unbound: whether obj is passed as self) and returns true.
[[gnu::always_inline]] inline bool load_method_probe(Value obj, StrObject* name, const uint16_t* c, Value* method, bool* unbound) {
  if (!obj.is_object()) return false;
  Object* o = obj.as_object();
  Type* t = o->type;
  if (reinterpret_cast<uint64_t>(t) != read64(c)) return false;
  uint32_t version = read32(c + 8);
  if (version == kModuleMark) {
    Value v = entry_if_named(static_cast<ModuleObject*>(o)->dict, read32(c + 4), name);
    *method = v;
    *unbound = false;
    return bool(v);
  }
  if (t->version != version || shadows(o, t, name)) return false;
  *method = Value::from_bits(read64(c + 4));
  *unbound = true;
  return true;
}

// get_method, then fills the cache for methods found in a type (or globals of a module).
bool load_method_slow(ThreadState& ts, Value obj, StrObject* name, uint16_t* c, Value* method, bool* unbound);

}  // namespace icache

}  // namespace minipy
