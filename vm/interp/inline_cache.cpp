// Filling the attribute inline caches, and their kinds that call descriptors (see inline_cache.h).
#include "vm/interp/inline_cache.h"

namespace minipy::icache {

namespace {

// A type whose lookups a version can guard: heap types (static types answer by identity instead) whose
// version still fits the 32 bits a cache holds.
// Types whose instances keep their dict after variable-size data (subclasses of str, int, tuple...) are never
// cached: the probes find instance dicts through Type::dict_offset only.
bool versionable(Type* t) {
  return (t->flags & kTypeHeap) && !(t->flags & kTypeDictAtEnd) && t->version < kModuleMark;
}

// Where `name` is found along t's MRO: the position in the MRO and in that class's dict entries.
bool find_in_mro(Type* t, StrObject* name, int64_t* mro_pos, int64_t* entry) {
  for (int64_t i = 0; i < t->mro->size; i++) {
    int64_t ix = dict_lookup_str_index(as_type(t->mro->items[i])->dict, name);
    if (ix >= 0) {
      *mro_pos = i;
      *entry = ix;
      return true;
    }
  }
  return false;
}

void write_attr(uint16_t* c, uint32_t kind, uint32_t version, int64_t mro_pos, int64_t entry) {
  write32(c, version);
  c[2] = static_cast<uint16_t>(kind << 13 | static_cast<uint32_t>(mro_pos) << 8 | kRefillBackoff);
  c[3] = static_cast<uint16_t>(entry);
}

// A plain attribute read from a class object (a class constant): type_getattr finds it in the class's MRO when
// the metatype (type, static) has no attribute of that name.
void fill_type_attr(Type* cls, StrObject* name, uint16_t* c) {
  if (!versionable(cls) || type_lookup(&type_type, name)) return;
  int64_t mro_pos = 0, entry = 0;
  if (!find_in_mro(cls, name, &mro_pos, &entry) || mro_pos > kMaxMro || entry > kMaxEntry) return;
  Type* vt = type_of(as_type(cls->mro->items[mro_pos])->dict->entries[entry].value);
  if ((vt->flags & kTypeHeap) || vt->descr_get) return;
  write_attr(c, kAttrTypePlain, static_cast<uint32_t>(cls->version), mro_pos, entry);
}

// Records how `owner.name` was found, for the next execution. Reads the current state only.
void fill_load_attr(Value owner, StrObject* name, uint16_t* c) {
  c[2] = kRefillBackoff;  // empty unless a kind below applies
  if (!owner.is_object()) return;
  Object* o = owner.as_object();
  Type* t = o->type;
  if (t == &module_type) {
    int64_t ix = dict_lookup_str_index(static_cast<ModuleObject*>(o)->dict, name);
    if (ix >= 0 && ix <= kMaxEntry) write_attr(c, kAttrModule, 0, 0, ix);
    return;
  }
  if (t == &type_type) {
    fill_type_attr(static_cast<Type*>(o), name, c);
    return;
  }
  if (!versionable(t) || t->getattr != object_type.getattr) return;
  auto version = static_cast<uint32_t>(t->version);
  int64_t mro_pos = 0, entry = 0;
  bool in_class = find_in_mro(t, name, &mro_pos, &entry);
  if (in_class && (mro_pos > kMaxMro || entry > kMaxEntry)) return;
  Type* at = nullptr;
  if (in_class) at = type_of(as_type(t->mro->items[mro_pos])->dict->entries[entry].value);
  // An instance of a class may become a descriptor (or change kind) without t's version changing.
  if (at && (at->flags & kTypeHeap)) return;
  if (at && at->descr_get && at->descr_set) {
    write_attr(c, kAttrClassData, version, mro_pos, entry);
    return;
  }
  if (in_values_mode(o)) {
    int64_t ix = shared_key_index(t->shared_keys, values_count(o), name);
    if (ix >= 0) {
      note_plain_key(t, static_cast<uint32_t>(ix));  // for this site's other classes (load_attr_probe)
      write_attr(c, kAttrInstanceValue, version, 0, ix);
      return;
    }
  } else if (DictObject* d = instance_dict(o, t)) {
    int64_t ix = dict_lookup_str_index(d, name);
    if (ix >= 0) {
      if (ix <= kMaxEntry) write_attr(c, kAttrInstance, version, 0, ix);
      return;
    }
  }
  if (in_class) write_attr(c, at->descr_get ? kAttrClassNonData : kAttrClassPlain, version, mro_pos, entry);
}

}  // namespace

Value load_attr_by_type(Value owner, StrObject* name, uint16_t* c, FunctionObject** getter) {
  *getter = nullptr;
  // Misses answered here count down the same backoff as load_attr_slow's, so that the slow path still refills
  // the entry now and then (and at once for a fresh one) for a site that has settled on one class.
  if (!owner.is_object() || !(c[2] & 0xFF)) return Value();
  Object* o = owner.as_object();
  Type* t = o->type;
  Value attr;
  bool own_class_data = attr_kind(c) == kAttrClassData && t->version == read32(c);
  if (own_class_data) {
    attr = class_entry(t, c, name);  // this site's own class: the entry names the descriptor
  } else if (versionable(t) && t->getattr == object_type.getattr) {
    attr = type_lookup(t, name);
  } else {
    return Value();
  }
  Type* at = attr ? type_of(attr) : nullptr;
  if (at == &property_type) {
    Value fget = static_cast<PropertyObject*>(attr.as_object())->fget;
    if (fget.is_object() && fget.as_object()->type == &function_type)
      *getter = static_cast<FunctionObject*>(fget.as_object());
    return Value();
  }
  if (own_class_data || (at && at->descr_get && at->descr_set)) return Value();  // a data descriptor
  if (in_values_mode(o)) {
    // Subclasses filled by one base __init__ share their keys' order: the site's position usually holds.
    const SharedKeys* keys = t->shared_keys;
    uint32_t count = values_count(o);
    int64_t ix = attr_entry(c);
    if (!(ix < count && keys->names[ix] == name)) ix = shared_key_index(keys, count, name);
    if (ix >= 0) {
      if (keys->plain_version[ix] != t->version) note_plain_key(t, static_cast<uint32_t>(ix));
      if (!(at && (at->flags & kTypeHeap)))
        write_attr(c, kAttrInstanceValue, static_cast<uint32_t>(t->version), 0, ix);
      else
        c[2]--;
      return instance_values(o)[ix];
    }
  } else if (DictObject* d = instance_dict(o, t)) {
    int64_t ix = attr_entry(c);
    if (!entry_if_named(d, static_cast<uint32_t>(ix), name)) ix = d->used > 0 ? dict_lookup_str_index(d, name) : -1;
    if (ix >= 0) {
      // The entry this site's fill would write (fill_load_attr's conditions): this class's instance value.
      if (!(at && (at->flags & kTypeHeap)) && ix <= kMaxEntry)
        write_attr(c, kAttrInstance, static_cast<uint32_t>(t->version), 0, ix);
      else
        c[2]--;
      return d->entries[ix].value;
    }
  }
  if (at && !at->descr_get) {
    c[2]--;
    return attr;  // a plain class attribute
  }
  return Value();
}

Value load_attr_slow(ThreadState& ts, Value owner, StrObject* name, uint16_t* c) {
  uint32_t kind = attr_kind(c);
  if ((kind == kAttrClassNonData || kind == kAttrClassData) && owner.is_object()) {
    Object* o = owner.as_object();
    Type* t = o->type;
    if (t->version == read32(c) && (kind == kAttrClassData || !shadows(o, t, name))) {
      if (Value attr = class_entry(t, c, name)) return type_of(attr)->descr_get(ts, attr, owner, Value(t));
    }
  }
  Value v = get_attr(ts, owner, name);
  if (!v) return v;
  if (c[2] & 0xFF) c[2]--;
  else fill_load_attr(owner, name, c);
  return v;
}

bool store_attr_probe(ThreadState& ts, Value owner, StrObject* name, Value value, uint16_t* c) {
  if (!owner.is_object()) return false;
  Object* o = owner.as_object();
  Type* t = o->type;
  uint32_t version = read32(c);
  if (version == 0) return false;
  bool own_class = t->version == version;
  if (in_values_mode(o)) {
    // The position this site stored at last time: the same attribute, or the next one of a fresh instance. For
    // another class than the entry's, its shared keys must say the name is plain there in its current state.
    uint32_t ix = read32(c + 2);
    uint32_t count = values_count(o);
    const SharedKeys* keys = t->shared_keys;
    if (ix <= count && ix < keys->count && keys->names[ix] == name && ix < values_capacity(o) &&
        (own_class || keys->plain_version[ix] == t->version)) {
      instance_values(o)[ix] = value;
      if (ix == count) set_values_count(o, count + 1);
      return true;
    }
  }
  if (!own_class) {
    // Another class than the entry's (a site that sees several): the same checks store_attr_slow makes before
    // filling, through the type's (version, name) cache, then an ordinary instance-attribute store below.
    if (!versionable(t) || t->setattr != object_type.setattr || !t->dict_offset) return false;
    Value attr = type_lookup(t, name);
    if (attr && ((type_of(attr)->flags & kTypeHeap) || type_of(attr)->descr_set)) return false;
    write32(c, static_cast<uint32_t>(t->version));  // what store_attr_slow would fill: now this class's entry
  }
  if (in_values_mode(o)) {
    int64_t at = values_store(o, name, value);
    if (at >= 0) {
      write32(c + 2, static_cast<uint32_t>(at));
      if (t->shared_keys->plain_version[at] != t->version) note_plain_key(t, static_cast<uint32_t>(at));
      return true;
    }
    materialize_instance_dict(ts, o);  // a name values mode cannot hold: on in a dict
  }
  // The version (or the checks above) says instances have a dict slot.
  auto** slot = reinterpret_cast<DictObject**>(reinterpret_cast<char*>(o) + t->dict_offset);
  if (!*slot) *slot = make_dict(ts, 1);  // a few attributes: the first table is inside the dict (dict.cpp)
  DictObject* d = *slot;
  uint32_t ix = read32(c + 2);
  if (ix < static_cast<uint64_t>(d->nentries) && d->entries[ix].key.as_object() == name) {
    dict_store_at(d, ix, value);
    return true;
  }
  // A new attribute where this site appended the last one (an __init__ filling a fresh instance): appended
  // without a lookup when the dict can tell it is absent.
  if (ix == static_cast<uint64_t>(d->nentries) && dict_append_str_if_absent(d, name, value)) return true;
  // Not where it was last time (another instance's layout, or a new attribute): an ordinary dict store, since
  // the version still says the class has no data descriptor for the name.
  int64_t before = d->nentries;
  if (!dict_set_str(ts, d, name, value)) return false;
  if (d->nentries == before + 1) write32(c + 2, static_cast<uint32_t>(before));
  return true;
}

bool store_attr_slow(ThreadState& ts, Value owner, StrObject* name, Value value, uint16_t* c) {
  if (!set_attr(ts, owner, name, value)) return false;
  write32(c, 0);
  if (!owner.is_object()) return true;
  Object* o = owner.as_object();
  Type* t = o->type;
  if (!versionable(t) || t->setattr != object_type.setattr) return true;
  Value attr = type_lookup(t, name);
  if (attr && ((type_of(attr)->flags & kTypeHeap) || type_of(attr)->descr_set)) return true;
  if (in_values_mode(o)) {
    int64_t ix = shared_key_index(t->shared_keys, values_count(o), name);
    if (ix < 0) return true;
    note_plain_key(t, static_cast<uint32_t>(ix));  // for this site's other classes (store_attr_probe)
    write32(c, static_cast<uint32_t>(t->version));
    write32(c + 2, static_cast<uint32_t>(ix));
    return true;
  }
  DictObject* d = instance_dict(o, t);
  if (!d) return true;
  int64_t ix = dict_lookup_str_index(d, name);
  if (ix < 0 || ix > kMaxEntry) return true;
  write32(c, static_cast<uint32_t>(t->version));
  write32(c + 2, static_cast<uint32_t>(ix));
  return true;
}

bool load_method_slow(ThreadState& ts, Value obj, StrObject* name, uint16_t* c, Value* method, bool* unbound) {
  // Another class than the entry's (a base method calling self.method() for instances of several subclasses):
  // get_method's answer for a method found in a heap type, from the type's (version, name) cache, without
  // refilling the entry, so that the site's own class keeps hitting. One miss in 16 (counted over all sites)
  // refills, so that a site that moved on to another class for good gets its entry.
  static uint32_t unfilled_misses = 0;
  if (obj.is_object() && read64(c) != 0 && (++unfilled_misses & 15) != 0) {
    Object* o = obj.as_object();
    Type* t = o->type;
    if (versionable(t) && t->getattr == object_type.getattr) {
      Value attr = type_lookup(t, name);
      if (attr && is_unbound_method_like(attr) && !shadows(o, t, name)) {
        *method = attr;
        *unbound = true;
        return true;
      }
    }
  }
  if (!get_method(ts, obj, name, method, unbound)) return false;
  write64(c, 0);
  if (!obj.is_object()) return true;
  Object* o = obj.as_object();
  Type* t = o->type;
  if (t == &module_type) {
    int64_t ix = dict_lookup_str_index(static_cast<ModuleObject*>(o)->dict, name);
    if (ix >= 0 && ix <= kMaxEntry) {
      write64(c + 4, static_cast<uint64_t>(ix));
      write32(c + 8, kModuleMark);
      write64(c, reinterpret_cast<uint64_t>(t));
    }
    return true;
  }
  // get_method answers "unbound" only for a method descriptor found in the type (through the generic
  // __getattribute__), which static types keep forever and heap types keep while their version holds.
  if (!*unbound) return true;
  if (t->flags & kTypeHeap) {
    if (!versionable(t)) return true;
  } else if (!(t->flags & kTypeImmutable) || t->version >= kModuleMark) {
    return true;
  }
  write64(c + 4, method->bits());
  write32(c + 8, static_cast<uint32_t>(t->version));
  write64(c, reinterpret_cast<uint64_t>(t));
  return true;
}

}  // namespace minipy::icache
