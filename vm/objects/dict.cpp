// dict: CPython's compact, insertion-ordered layout — a dense entries array in insertion order plus a sparse
// open-addressing index of int32 positions. `version` changes on every mutation so inline caches (LOAD_GLOBAL)
// can skip lookups while a dict is unchanged.
//
// Ownership: the entries/index block is malloc'd outside the GC heap (reported through account_external) and
// freed by finalize_dict; keys and values are GC references traced from the live entries. Every operation that
// compares keys may run Python __eq__, which may mutate the dict under us: the lookup restarts rather than trust
// positions it read before the call.
#include <cassert>
#include <new>
#include <cstdlib>
#include <algorithm>
#include <cstring>

#include "vm/objects/sequence.h"
#include "vm/objects/type_init.h"
#include "vm/runtime.h"

namespace minipy {

namespace {

// Index slots hold an entry position, or kEmpty (never used: a probe stops here) or kDeleted (a tombstone that
// keeps probe chains through it intact; insertion may reuse it). The index size is a power of two so a slot
// is `hash & mask`, and at most 2/3 of it is usable (CPython's USABLE_FRACTION) to keep probe chains short.
constexpr int32_t kEmpty = -1;
constexpr int32_t kDeleted = -2;
constexpr int64_t kMinIndexSize = 8;

// A dict made for a few keys (an instance's attributes: make_dict(ts, 1..kInlineCapacity)) keeps its first table
// inside the object, laid out like a malloc'd block (entries, then the index): creating and collecting such a
// dict costs no malloc and free. Growing past it moves the table to the heap as usual.
constexpr int64_t kInlineCapacity = kMinIndexSize * 2 / 3;
constexpr size_t kInlineBytes = sizeof(DictEntry) * kInlineCapacity + sizeof(int32_t) * kMinIndexSize;
static_assert(sizeof(DictObject) % alignof(DictEntry) == 0);

DictEntry* inline_table(DictObject* d) {
  return reinterpret_cast<DictEntry*>(reinterpret_cast<char*>(d) + sizeof(DictObject));
}
// Bytes of d's table outside the GC heap (what account_external was told).
int64_t external_bytes(DictObject* d) {
  if (!d->entries || d->entries == inline_table(d)) return 0;
  return static_cast<int64_t>(sizeof(DictEntry)) * d->capacity + 4 * d->index_size;
}

// One counter for every dict, like CPython's global dict version: a version number names one state of one
// dict, never a state of another, so a cache holding a version cannot be fooled by a different dict.
uint64_t next_version() {
  static uint64_t counter = 0;
  return ++counter;
}

DictObject* as_dict(Value v) { return static_cast<DictObject*>(v.as_object()); }

void finalize_dict(Object* o) {
  auto* d = static_cast<DictObject*>(o);
  if (d->entries != inline_table(d)) std::free(d->entries);  // the index shares the entries' block
}

// Deleted entries keep their position with null key and value (tracing a null is a no-op), so scanning up
// to nentries visits every live reference.
void trace_dict(Object* self, Tracer& tracer) {
  auto* d = static_cast<DictObject*>(self);
  for (int64_t i = 0; i < d->nentries; i++) {
    tracer.visit(d->entries[i].key);
    tracer.visit(d->entries[i].value);
  }
}

// Rebuilds the index (and compacts the entries) for room for at least `min_used` live entries.
// The index grows to the smallest power of two (at least 8) whose usable 2/3 holds min_used. Entry positions
// change here (holes are squeezed out), so callers bump `version` afterwards; insert_absent does. Allocation
// failure throws std::bad_alloc, which the call boundary turns into MemoryError.
void dict_resize(ThreadState& ts, DictObject* d, int64_t min_used) {
  int64_t index_size = kMinIndexSize;
  while (index_size * 2 < min_used * 3) index_size *= 2;
  int64_t capacity = index_size * 2 / 3;
  // One block holds the entries then the index: one malloc per resize (small instance dicts are the hot case).
  size_t entries_bytes = sizeof(DictEntry) * static_cast<size_t>(capacity);
  char* block = static_cast<char*>(std::malloc(entries_bytes + sizeof(int32_t) * static_cast<size_t>(index_size)));
  if (!block) throw std::bad_alloc();  // MemoryError at the call boundary (vm/memory/out_of_memory.h)
  auto* entries = reinterpret_cast<DictEntry*>(block);
  auto* index = reinterpret_cast<int32_t*>(block + entries_bytes);
  // Compact live entries into the new block.
  int64_t w = 0;
  for (int64_t r = 0; r < d->nentries; r++)
    if (d->entries[r].key) entries[w++] = d->entries[r];
  d->nentries = w;
  ts.heap->account_external(static_cast<int64_t>(entries_bytes) + 4 * index_size - external_bytes(d));
  if (d->entries != inline_table(d)) std::free(d->entries);
  d->entries = entries;
  d->capacity = capacity;
  d->index = index;
  d->index_size = index_size;
  std::memset(index, 0xff, sizeof(int32_t) * static_cast<size_t>(index_size));
  uint64_t mask = static_cast<uint64_t>(index_size - 1);
  for (int64_t i = 0; i < d->nentries; i++) {
    auto h = static_cast<uint64_t>(d->entries[i].hash);
    // CPython's probe sequence: slot = slot*5 + 1 + perturb, with perturb shifted right by 5 bits each step, so
    // every bit of the hash eventually takes part and every slot is reached.
    uint64_t perturb = h, slot = h & mask;
    while (index[slot] != kEmpty) {
      perturb >>= 5;
      slot = (slot * 5 + perturb + 1) & mask;
    }
    index[slot] = static_cast<int32_t>(i);
  }
}

// Any key equality goes through rich_compare_bool (Python __eq__); str keys compare by content without a call.
// Finds `key`: returns the entry position or -1 (absent), -2 on error. *slot_out receives the index slot where
// the key is or where it would be inserted.
int64_t lookup(ThreadState& ts, DictObject* d, Value key, int64_t hash, uint64_t* slot_out) {
restart:
  if (d->index_size == 0) {
    *slot_out = 0;
    return -1;
  }
  uint64_t mask = static_cast<uint64_t>(d->index_size - 1);
  auto h = static_cast<uint64_t>(hash);
  uint64_t perturb = h, slot = h & mask;
  int64_t free_slot = -1;
  bool key_is_str = key.is_object() && key.as_object()->type == &str_type;
  for (;;) {
    int32_t ix = d->index[slot];
    if (ix == kEmpty) {
      *slot_out = free_slot >= 0 ? static_cast<uint64_t>(free_slot) : slot;
      return -1;
    }
    if (ix == kDeleted) {
      if (free_slot < 0) free_slot = static_cast<int64_t>(slot);
    } else {
      DictEntry& e = d->entries[ix];
      if (e.key == key) {
        *slot_out = slot;
        return ix;
      }
      if (e.hash == hash) {
        if (key_is_str && e.key.is_object() && e.key.as_object()->type == &str_type) {
          if (str_equal(as_str(e.key), as_str(key))) {
            *slot_out = slot;
            return ix;
          }
        } else {
          Value entry_key = e.key;
          const DictEntry* entries = d->entries;
          int eq = rich_compare_bool(ts, entry_key, key, kEq);
          if (eq < 0) return -2;
          // As CPython's _Py_dict_lookup: start again (a loop, not a recursion: an __eq__ that always mutates
          // must not exhaust the native stack) only if the table moved or this entry changed under __eq__.
          if (entries != d->entries || ix >= d->nentries || d->entries[ix].key != entry_key) goto restart;
          if (eq) {
            *slot_out = slot;
            return ix;
          }
        }
      }
    }
    perturb >>= 5;
    slot = (slot * 5 + perturb + 1) & mask;
  }
}

// The first slot along `hash`'s probe sequence that holds no entry (empty or deleted). Needs no comparisons.
uint64_t free_slot_for(const DictObject* d, int64_t hash) {
  uint64_t mask = static_cast<uint64_t>(d->index_size - 1);
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t slot = static_cast<uint64_t>(hash) & mask;
  while (d->index[slot] >= 0) {
    perturb >>= 5;
    slot = (slot * 5 + perturb + 1) & mask;
  }
  return slot;
}

// Adds `key` (known absent: lookup just returned -1 and `slot`) with `value`. A resize, or an __eq__ during that
// lookup that inserted into this dict, invalidates `slot`; a free slot is then found again without comparing
// keys, so each insertion calls __hash__ and __eq__ only as often as CPython's (test_setitem_atomic_at_resize).
void insert_absent(ThreadState& ts, DictObject* d, Value key, int64_t hash, Value value, uint64_t slot) {
  if (d->nentries >= d->capacity) {
    dict_resize(ts, d, d->used + 1);
    slot = free_slot_for(d, hash);
  } else if (d->index[slot] >= 0) {
    slot = free_slot_for(d, hash);
  }
  d->entries[d->nentries] = {key, value, hash};
  d->index[slot] = static_cast<int32_t>(d->nentries);
  d->nentries++;
  d->used++;
  d->version = next_version();
}

// Stores key -> value, replacing the value of an equal key already present (the key object kept is the old
// one, as in CPython). False with the exception pending if an __eq__ raised.
bool insert(ThreadState& ts, DictObject* d, Value key, int64_t hash, Value value) {
  uint64_t slot;
  int64_t ix = lookup(ts, d, key, hash, &slot);
  if (ix == -2) return false;
  if (ix >= 0) {
    d->entries[ix].value = value;
    d->version = next_version();
    return true;
  }
  insert_absent(ts, d, key, hash, value, slot);
  return true;
}

// The entry stays in the entries array as a hole so the other entries keep their positions (iteration order,
// cached indices); the index slot becomes a tombstone. The next resize squeezes the holes out.
// Removes the entry at position `ix` found in index slot `slot`.
void remove_at(DictObject* d, int64_t ix, uint64_t slot) {
  d->index[slot] = kDeleted;
  d->entries[ix].key = Value();
  d->entries[ix].value = Value();
  d->used--;
  d->version = next_version();
}

// The hash of `key` for this dict (str's cached hash on the fast path). False with the exception pending.
bool key_hash(ThreadState& ts, Value key, int64_t* hash) {
  if (key.is_object() && key.as_object()->type == &str_type) {
    *hash = str_hash(as_str(key));
    return true;
  }
  return py_hash(ts, key, hash);
}

Value dict_repr(ThreadState& ts, Value v) {
  DictObject* d = as_dict(v);
  if (d->used == 0) return Value(intern(ts, "{}"));
  ReprGuard guard(ts, d);
  if (guard.recursive()) return Value(intern(ts, "{...}"));
  std::string out = "{";
  bool first = true;
  for (int64_t i = 0; i < d->nentries; i++) {
    DictEntry e = d->entries[i];
    if (!e.key) continue;
    if (!first) out += ", ";
    first = false;
    Value k = py_repr(ts, e.key);
    if (!k) return k;
    out += as_str(k)->view();
    out += ": ";
    Value r = py_repr(ts, e.value);
    if (!r) return r;
    out += as_str(r)->view();
  }
  out += "}";
  return Value(make_str(ts, out));
}

// CPython's dict_equal: equal sizes, then every key of `a` looked up in `b` and the values compared with ==.
// Order does not matter, and only == and != are defined (ordering returns NotImplemented → TypeError).
Value dict_richcompare(ThreadState& ts, Value a, Value b, int op) {
  if (!is_dict(a) || !is_dict(b) || (op != kEq && op != kNe)) return NotImplemented();
  DictObject* x = as_dict(a);
  DictObject* y = as_dict(b);
  bool equal = x->used == y->used;
  for (int64_t i = 0; equal && i < x->nentries; i++) {
    DictEntry e = x->entries[i];
    if (!e.key) continue;
    Value other = dict_get(ts, y, e.key);
    if (!other) {
      if (ts.current_exception) return Value();
      equal = false;
      break;
    }
    int eq = rich_compare_bool(ts, e.value, other, kEq);
    if (eq < 0) return Value();
    equal = eq;
  }
  return Bool(op == kEq ? equal : !equal);
}

int64_t dict_len(ThreadState&, Value v) { return as_dict(v)->used; }

int dict_contains(ThreadState& ts, Value container, Value key) {
  Value v = dict_get(ts, as_dict(container), key);
  if (v) return 1;
  return ts.current_exception ? -1 : 0;
}

// d[key]. Only a dict subclass consults __missing__ (looked up on the type, as CPython's dict_subscript does):
// collections.defaultdict and Counter rely on it.
Value dict_getitem(ThreadState& ts, Value container, Value key) {
  Value v = dict_get(ts, as_dict(container), key);
  if (v || ts.current_exception) return v;
  if (type_of(container) != &dict_type) {
    Value missing = type_lookup(type_of(container), ts.interp->names.missing);
    if (missing) {
      Value args[2] = {container, key};
      return call(ts, missing, args);
    }
  }
  return raise_key_error(ts, key);
}

// The mapping store slot: a null `value` means `del d[key]` (KeyError if absent).
bool dict_setitem(ThreadState& ts, Value container, Value key, Value value) {
  if (value) return dict_set(ts, as_dict(container), key, value);
  int r = dict_del(ts, as_dict(container), key);
  if (r == 0) raise_key_error(ts, key);
  return r == 1;
}

// Iterators remember the size at creation; CPython raises RuntimeError when the size differs at the next
// step, and so do we (dict_iter_advance). A change that keeps the size (delete one key, add another) goes
// unnoticed here, as in CPython apart from its separate "keys changed" check on exhaustion.
Value make_dict_iter(ThreadState& ts, DictObject* d, Type* type) {
  auto* it = ts.alloc<DictIterObject>(type);
  it->dict = d;
  it->used_at_start = d->used;
  it->remaining = d->used;
  return Value(it);
}

Value dict_iter(ThreadState& ts, Value v) { return make_dict_iter(ts, as_dict(v), &dict_keyiterator_type); }

// False, with CPython's RuntimeError, once the dict's size differs from the iterator's start; sticky, as in CPython.
bool dict_iter_same_size(ThreadState& ts, DictIterObject* it) {
  if (it->dict->used == it->used_at_start) return true;
  it->used_at_start = -1;
  raise(ts, RuntimeError_type, "dictionary changed size during iteration");
  return false;
}

// Advances a dict iterator: false at the end or on error. CPython's two checks: the size differs from the
// start ("changed size"), or the same size hides deletions and insertions, seen as one entry more than expected
// ("keys changed").
bool dict_iter_advance(ThreadState& ts, DictIterObject* it, DictEntry* out) {
  DictObject* d = it->dict;
  if (!d || !dict_iter_same_size(ts, it)) return false;
  while (it->position < d->nentries) {
    DictEntry& e = d->entries[it->position++];
    if (e.key) {
      if (it->remaining == 0) {
        it->dict = nullptr;
        raise(ts, RuntimeError_type, "dictionary keys changed during iteration");
        return false;
      }
      it->remaining--;
      *out = e;
      return true;
    }
  }
  it->dict = nullptr;
  return false;
}

}  // namespace

// reversed(d) and reversed(view) walk the entries from the last one back. Only the size is checked, as in
// CPython's dictreviter_iternext (sticky once it failed); a same-size rebuild may have compacted the entries, so the
// position is clamped to what the table holds now.
Value make_dict_reverse_iter(ThreadState& ts, DictObject* d, Type* type) {
  auto* it = ts.alloc<DictIterObject>(type);
  it->dict = d;
  it->position = d->nentries - 1;
  it->used_at_start = d->used;
  it->remaining = d->used;
  return Value(it);
}

namespace {

bool dict_reverse_advance(ThreadState& ts, DictIterObject* it, DictEntry* out) {
  DictObject* d = it->dict;
  if (!d || !dict_iter_same_size(ts, it)) return false;
  it->position = std::min<int64_t>(it->position, d->nentries - 1);
  while (it->position >= 0) {
    DictEntry& e = d->entries[it->position--];
    if (e.key) {
      if (it->remaining > 0) it->remaining--;
      *out = e;
      return true;
    }
  }
  it->dict = nullptr;
  return false;
}

// The six iterator kinds' next(): which way they walk (Advance) and what they yield of an entry.
using DictAdvance = bool (*)(ThreadState&, DictIterObject*, DictEntry*);
enum class EntryPart { kKey, kValue, kItem };
template <DictAdvance Advance, EntryPart Part>
Value dict_iter_next(ThreadState& ts, Value self) {
  DictEntry e;
  if (!Advance(ts, static_cast<DictIterObject*>(self.as_object()), &e)) return Value();
  if constexpr (Part == EntryPart::kKey) return e.key;
  if constexpr (Part == EntryPart::kValue) return e.value;
  Value items[2] = {e.key, e.value};
  return Value(minipy::make_tuple(ts, items));
}

void trace_dict_iter(Object* self, Tracer& tracer) { tracer.visit(static_cast<DictIterObject*>(self)->dict); }
void trace_dict_view(Object* self, Tracer& tracer) { tracer.visit(static_cast<DictViewObject*>(self)->dict); }

Value make_view(ThreadState& ts, Value self, Type* type) {
  auto* v = ts.alloc<DictViewObject>(type);
  v->dict = as_dict(self);
  return Value(v);
}

Value view_repr(ThreadState& ts, Value self) {
  auto* v = static_cast<DictViewObject*>(self.as_object());
  Type* t = type_of(self);
  Value it = t->iter(ts, self);
  if (!it) return it;
  Value list = sequence_to_list(ts, it);
  if (!list) return list;
  Value r = py_repr(ts, list);
  if (!r) return r;
  (void)v;
  return Value(make_str(ts, fmt::format("{}({})", t->name->view(), as_str(r)->view())));
}
int64_t view_len(ThreadState&, Value self) { return static_cast<DictViewObject*>(self.as_object())->dict->used; }

Value dict_new(ThreadState& ts, Type* type, std::span<const Value>, TupleObject*) {
  auto* d = ts.alloc<DictObject>(type, type->instance_size);
  d->version = next_version();
  return Value(d);
}

bool dict_init(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  size_t n = positional_count(args, kwnames);
  if (n > 1) {
    raise_fmt(ts, TypeError_type, "dict expected at most 1 argument, got {}", n);
    return false;
  }
  DictObject* d = as_dict(self);
  if (n == 1 && !dict_update(ts, d, args[0])) return false;
  if (kwnames)
    for (int64_t i = 0; i < kwnames->size; i++)
      if (!dict_set(ts, d, kwnames->items[i], args[n + static_cast<size_t>(i)])) return false;
  return true;
}

// The dict methods below check their arguments by hand with CPython's messages (dict's methods are
// METH_O / METH_VARARGS / METH_FASTCALL in CPython; their errors name the method).
#define DICT_METHOD(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

DICT_METHOD(m_get) {
  size_t n = positional_count(args, kwnames);
  if (!no_keywords(ts, "get", kwnames) || !check_arg_count(ts, "get", n, 1, 2)) return Value();
  Value v = dict_get(ts, as_dict(self), args[0]);
  if (v || ts.current_exception) return v;
  return n > 1 ? args[1] : None();
}
DICT_METHOD(m_setdefault) {
  size_t n = positional_count(args, kwnames);
  if (!no_keywords(ts, "setdefault", kwnames) || !check_arg_count(ts, "setdefault", n, 1, 2)) return Value();
  // One hash and one lookup, as CPython's (test_setdefault_atomic counts them).
  DictObject* d = as_dict(self);
  int64_t hash;
  uint64_t slot;
  if (!key_hash(ts, args[0], &hash)) return Value();
  int64_t ix = lookup(ts, d, args[0], hash, &slot);
  if (ix == -2) return Value();
  if (ix >= 0) return d->entries[ix].value;
  Value dflt = n > 1 ? args[1] : None();
  insert_absent(ts, d, args[0], hash, dflt, slot);
  return dflt;
}
DICT_METHOD(m_pop) {
  size_t n = positional_count(args, kwnames);
  if (!no_keywords(ts, "pop", kwnames) || !check_arg_count(ts, "pop", n, 1, 2)) return Value();
  DictObject* d = as_dict(self);
  if (d->used == 0) return n > 1 ? args[1] : raise_key_error(ts, args[0]);  // CPython hashes nothing then
  int64_t hash;
  uint64_t slot;
  if (!key_hash(ts, args[0], &hash)) return Value();
  int64_t ix = lookup(ts, d, args[0], hash, &slot);
  if (ix == -2) return Value();
  if (ix < 0) return n > 1 ? args[1] : raise_key_error(ts, args[0]);
  Value v = d->entries[ix].value;
  remove_at(d, ix, slot);
  return v;
}
// LIFO, as CPython 3.7+: the last live entry is removed (holes at the end are skipped).
DICT_METHOD(m_popitem) {
  if (!check_arg_count(ts, "popitem", positional_count(args, kwnames), 0, 0)) return Value();
  DictObject* d = as_dict(self);
  for (int64_t i = d->nentries - 1; i >= 0; i--) {
    DictEntry e = d->entries[i];
    if (!e.key) continue;
    Value items[2] = {e.key, e.value};
    Value t = Value(minipy::make_tuple(ts, items));
    if (dict_del(ts, d, e.key) < 0) return Value();
    return t;
  }
  return raise(ts, KeyError_type, "popitem(): dictionary is empty");
}
DICT_METHOD(m_keys) {
  if (!check_arg_count(ts, "keys", positional_count(args, kwnames), 0, 0)) return Value();
  return make_view(ts, self, &dict_keys_type);
}
DICT_METHOD(m_values) {
  if (!check_arg_count(ts, "values", positional_count(args, kwnames), 0, 0)) return Value();
  return make_view(ts, self, &dict_values_type);
}
DICT_METHOD(m_items) {
  if (!check_arg_count(ts, "items", positional_count(args, kwnames), 0, 0)) return Value();
  return make_view(ts, self, &dict_items_type);
}
DICT_METHOD(m_update) {
  if (!dict_init(ts, self, args, kwnames)) return Value();
  return None();
}
DICT_METHOD(m_clear) {
  if (!check_arg_count(ts, "clear", positional_count(args, kwnames), 0, 0)) return Value();
  dict_clear(ts, as_dict(self));
  return None();
}
DICT_METHOD(m_copy) {
  if (!check_arg_count(ts, "copy", positional_count(args, kwnames), 0, 0)) return Value();
  DictObject* d = make_dict(ts, as_dict(self)->used);
  if (!dict_update(ts, d, self)) return Value();
  return Value(d);
}
// A classmethod: cls() then one set_item per key, so a subclass's __init__ and __setitem__ run as in CPython's
// generic path (its fast paths for exact dicts store the same result).
DICT_METHOD(m_fromkeys) {
  size_t n = positional_count(args, kwnames);
  if (!check_arg_count(ts, "fromkeys", n, 1, 2)) return Value();
  Value d = call(ts, self, {});
  if (!d) return d;
  Value it = get_iter(ts, args[0]);
  if (!it) return it;
  Value v = n > 1 ? args[1] : None();
  for (;;) {
    Value k = iter_next(ts, it);
    if (!k) break;
    if (!set_item(ts, d, k, v)) return Value();
  }
  if (ts.current_exception) return Value();
  return d;
}
// reversed(d): a live iterator from the last entry back (CPython's dict_reversekeyiterator).
DICT_METHOD(m_reversed) {
  if (!check_arg_count(ts, "dict.__reversed__", positional_count(args, kwnames), 0, 0)) return Value();
  return make_dict_reverse_iter(ts, as_dict(self), &dict_reversekeyiterator_type);
}

// PEP 584: d | other is always a plain dict (CPython copies with PyDict_Copy), d |= other accepts any
// mapping or iterable of pairs, like update.
Value dict_or(ThreadState& ts, Value a, Value b) {
  if (!is_dict(a) || !is_dict(b)) return NotImplemented();
  DictObject* d = make_dict(ts, as_dict(a)->used);
  if (!dict_update(ts, d, a) || !dict_update(ts, d, b)) return Value();
  return Value(d);
}
Value dict_ior(ThreadState& ts, Value a, Value b) {
  if (!is_dict(a)) return NotImplemented();
  if (!dict_update(ts, as_dict(a), b)) return Value();
  return a;
}

// dict.__getitem__ and dict.__sizeof__ are methods of dict's own in CPython (not the slot's wrapper and
// object's): their repr, doc and argument errors say so. The size counts the entry and index tables.
Value m_getitem(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "dict.__getitem__", args, kwnames, 1, 1)) return Value();
  return dict_getitem(ts, self, args[0]);
}
Value m_sizeof(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "dict.__sizeof__", args, kwnames, 0, 0)) return Value();
  DictObject* d = as_dict(self);
  auto tables = d->capacity * static_cast<int64_t>(sizeof(DictEntry)) + d->index_size * int64_t{sizeof(int32_t)};
  return make_int(ts, type_of(self)->instance_size + tables);
}

const MethodDef dict_methods[] = {
    {"__getitem__", m_getitem}, {"__sizeof__", m_sizeof},
    {"get", m_get},        {"setdefault", m_setdefault}, {"pop", m_pop},       {"popitem", m_popitem},
    {"keys", m_keys},      {"values", m_values},         {"items", m_items},   {"update", m_update},
    {"clear", m_clear},    {"copy", m_copy},             {"fromkeys", m_fromkeys, kMethodClass},
    {"__reversed__", m_reversed},
};

// `in` for the three views: keys by lookup, values by a linear == scan, items by looking the key up and
// comparing the value (a non-pair is simply not contained, as in CPython's dictitems_contains).
int keys_view_contains(ThreadState& ts, Value self, Value key) {
  return dict_contains(ts, Value(static_cast<DictViewObject*>(self.as_object())->dict), key);
}
int values_view_contains(ThreadState& ts, Value self, Value x) {
  DictObject* d = static_cast<DictViewObject*>(self.as_object())->dict;
  for (int64_t i = 0; i < d->nentries; i++) {
    if (!d->entries[i].key) continue;
    int r = rich_compare_bool(ts, d->entries[i].value, x, kEq);
    if (r) return r;
  }
  return 0;
}
int items_view_contains(ThreadState& ts, Value self, Value x) {
  if (!is_tuple(x) || static_cast<TupleObject*>(x.as_object())->size != 2) return 0;
  auto* t = static_cast<TupleObject*>(x.as_object());
  Value v = dict_get(ts, static_cast<DictViewObject*>(self.as_object())->dict, t->items[0]);
  if (!v) return ts.current_exception ? -1 : 0;
  return rich_compare_bool(ts, v, t->items[1], kEq);
}

// The str-key probe of every namespace lookup: identity, then str equality for str entries with the same hash.
// An entry of another type with the same hash could still equal `key` through its own __eq__, which this
// probe cannot call (it runs without a thread state), and so could a str subclass overriding __eq__; it sets
// *foreign_same_hash so a caller that can call __eq__ (dict_get) falls back to the general lookup. Namespaces
// practically never hold such keys.
inline int64_t probe_str(const DictObject* d, const StrObject* key, int64_t hash, bool* foreign_same_hash) {
  uint64_t mask = static_cast<uint64_t>(d->index_size - 1);
  auto h = static_cast<uint64_t>(hash);
  uint64_t perturb = h, slot = h & mask;
  for (;;) {
    int32_t ix = d->index[slot];
    if (ix == kEmpty) return -1;
    if (ix >= 0) {
      const DictEntry& e = d->entries[ix];
      if (e.key.as_object() == key) return ix;
      if (e.hash == hash) {
        // A str subclass with its own __eq__ counts as foreign: only that __eq__ may say it equals `key`.
        Type* kt = e.key.is_object() ? e.key.as_object()->type : nullptr;
        if (kt && (kt->flags & kTypeStrSubclass) && kt->richcompare == str_type.richcompare) {
          if (str_equal(as_str(e.key), key)) return ix;
        } else {
          *foreign_same_hash = true;
        }
      }
    }
    perturb >>= 5;
    slot = (slot * 5 + perturb + 1) & mask;
  }
}

}  // namespace

// `expected` sizes the first table: up to kInlineCapacity keys it lives inside the object (no malloc).
DictObject* make_dict(ThreadState& ts, int64_t expected) {
  if (expected > 0 && expected <= kInlineCapacity) {
    auto* d = ts.alloc<DictObject>(&dict_type, sizeof(DictObject) + kInlineBytes);
    d->version = next_version();
    d->entries = inline_table(d);
    d->capacity = kInlineCapacity;
    d->index = reinterpret_cast<int32_t*>(d->entries + kInlineCapacity);
    d->index_size = kMinIndexSize;
    std::memset(d->index, 0xff, sizeof(int32_t) * kMinIndexSize);
    return d;
  }
  auto* d = ts.alloc<DictObject>(&dict_type);
  d->version = next_version();
  if (expected > 0) dict_resize(ts, d, expected);
  return d;
}

// The value for `key`, or null: absent (no exception) or error (exception pending). Callers tell the two apart
// by ts.current_exception.
Value dict_get(ThreadState& ts, DictObject* d, Value key) {
  int64_t hash;
  if (key.is_object() && key.as_object()->type == &str_type) {
    if (d->index_size == 0) return Value();
    bool foreign_same_hash = false;
    hash = str_hash(as_str(key));
    int64_t ix = probe_str(d, as_str(key), hash, &foreign_same_hash);
    if (ix >= 0) return d->entries[ix].value;
    if (!foreign_same_hash) return Value();
    // A key of another type has this hash: only its __eq__ can say whether it equals the str.
    uint64_t slot;
    ix = lookup(ts, d, key, hash, &slot);
    return ix >= 0 ? d->entries[ix].value : Value();
  }
  if (!py_hash(ts, key, &hash)) return Value();
  uint64_t slot;
  int64_t ix = lookup(ts, d, key, hash, &slot);
  return ix >= 0 ? d->entries[ix].value : Value();
}

int64_t dict_lookup_str_index(DictObject* d, StrObject* key) {
  if (d->index_size == 0) return -1;
  bool foreign_same_hash = false;
  return probe_str(d, key, str_hash(key), &foreign_same_hash);
}

// Never calls Python code (see probe_str): a key that only an __eq__ could match is reported absent.
Value dict_get_str(DictObject* d, StrObject* key) {
  int64_t ix = dict_lookup_str_index(d, key);
  return ix >= 0 ? d->entries[ix].value : Value();
}

bool dict_set(ThreadState& ts, DictObject* d, Value key, Value value) {
  int64_t hash;
  if (!key_hash(ts, key, &hash)) return false;
  return insert(ts, d, key, hash, value);
}

// A str key's hash is cached in the string, so this cannot fail before the lookup; it can still fail if an
// entry with the same hash is an object whose __eq__ raises, hence the bool.
bool dict_set_str(ThreadState& ts, DictObject* d, StrObject* key, Value value) {
  return insert(ts, d, Value(key), str_hash(key), value);
}

// For dicts built by the VM itself (type dicts, an instance dict made from its inline values) whose keys are
// all exact strs: no __eq__ can run, so failure is impossible and asserted instead of propagated.
void dict_set_str_new(ThreadState& ts, DictObject* d, StrObject* key, Value value) {
  [[maybe_unused]] bool stored = dict_set_str(ts, d, key, value);
  assert(stored && "dict_set_str_new: the dict held a key whose comparison ran Python code");
}

bool dict_append_str_if_absent(DictObject* d, StrObject* key, Value value) {
  // Only small dicts without deleted entries and with room left (an instance's attributes): the scan is shorter
  // than a lookup and nothing moves.
  constexpr int64_t kMaxScan = 8;
  if (d->used != d->nentries || d->nentries >= d->capacity || d->nentries > kMaxScan || d->index_size == 0)
    return false;
  int64_t hash = str_hash(key);
  // Absent by the dict's own rule: a lookup asks equality only of entries with an equal hash (an identical key
  // has one too), so with none the key cannot be present, whatever the other keys' types or __eq__.
  for (int64_t i = 0; i < d->nentries; i++)
    if (d->entries[i].hash == hash) return false;
  uint64_t slot = free_slot_for(d, hash);
  d->entries[d->nentries] = {Value(key), value, hash};
  d->index[slot] = static_cast<int32_t>(d->nentries);
  d->nentries++;
  d->used++;
  d->version = next_version();
  return true;
}

// Replaces the value at a position a caller found with dict_lookup_str_index (an inline cache), bumping the
// version like any store.
void dict_store_at(DictObject* d, int64_t ix, Value value) {
  d->entries[ix].value = value;
  d->version = next_version();
}

// 1 removed, 0 absent (no exception set: the caller chooses KeyError or not), -1 error pending.
int dict_del(ThreadState& ts, DictObject* d, Value key) {
  int64_t hash;
  if (!key_hash(ts, key, &hash)) return -1;
  uint64_t slot;
  int64_t ix = lookup(ts, d, key, hash, &slot);
  if (ix == -2) return -1;
  if (ix < 0) return 0;
  remove_at(d, ix, slot);
  return 1;
}

// Keeps the table (its capacity) and empties it in place; the version changes like any mutation.
void dict_clear(ThreadState&, DictObject* d) {
  for (int64_t i = 0; i < d->nentries; i++) d->entries[i] = {};
  d->nentries = 0;
  d->used = 0;
  if (d->index) std::memset(d->index, 0xff, sizeof(int32_t) * static_cast<size_t>(d->index_size));
  d->version = next_version();
}

// PyDict_Next: *pos is an entries position the caller starts at 0; holes are skipped. The dict must not be
// resized between calls (positions would shift).
bool dict_next(DictObject* d, int64_t* pos, Value* key, Value* value) {
  while (*pos < d->nentries) {
    DictEntry& e = d->entries[(*pos)++];
    if (e.key) {
      *key = e.key;
      if (value) *value = e.value;
      return true;
    }
  }
  return false;
}

// dict.update / dict(x) / PyDict_Merge+MergeFromSeq2: a dict (or subclass) is copied entry by entry with its
// stored hashes; an object with a keys() method is treated as a mapping (keys(), then other[k]); anything
// else must be an iterable of pairs, with CPython's two messages for a bad element.
bool dict_update(ThreadState& ts, DictObject* d, Value other) {
  // A dict whose class keeps dict's iteration is copied entry by entry; one that iterates otherwise (Lib's
  // OrderedDict) goes through keys() below, as CPython's dict_merge decides.
  if (is_dict(other) && type_of(other)->iter == dict_iter) {
    DictObject* o = as_dict(other);
    int64_t entries_at_start = o->nentries;
    for (int64_t i = 0; i < o->nentries; i++) {
      DictEntry e = o->entries[i];
      if (e.key && !insert(ts, d, e.key, e.hash, e.value)) return false;
      // A key's __eq__ may have changed `other`: the entries seen so far no longer describe it.
      if (o->nentries != entries_at_start) {
        raise(ts, RuntimeError_type, "dict mutated during update");
        return false;
      }
    }
    return true;
  }
  Value keys_method = get_attr_optional(ts, other, intern(ts, "keys"));
  if (ts.current_exception) return false;
  if (keys_method) {
    Value keys = call(ts, keys_method, {});
    if (!keys) return false;
    Value it = get_iter(ts, keys);
    if (!it) return false;
    for (;;) {
      Value k = iter_next(ts, it);
      if (!k) return !ts.current_exception;
      Value v = get_item(ts, other, k);
      if (!v || !dict_set(ts, d, k, v)) return false;
    }
  }
  Value it = get_iter(ts, other);
  if (!it) return false;
  for (int64_t n = 0;; n++) {
    Value item = iter_next(ts, it);
    if (!item) return !ts.current_exception;
    std::span<Value> pair;
    Value storage;
    if (!sequence_items(ts, item, &pair, &storage)) {
      ts.current_exception = Value();
      raise_fmt(ts, TypeError_type, "cannot convert dictionary update sequence element #{} to a sequence", n);
      return false;
    }
    if (pair.size() != 2) {
      raise_fmt(ts, ValueError_type, "dictionary update sequence element #{} has length {}; 2 is required", n,
                pair.size());
      return false;
    }
    if (!dict_set(ts, d, pair[0], pair[1])) return false;
  }
}

// The `f(**m)` merge (DICT_MERGE, CPython's _PyDict_MergeEx with override=2): `other` must be a mapping and a
// key already present is the "got multiple values for keyword argument" TypeError, worded as ceval.c's
// format_kwargs_error.
bool dict_merge_strict(ThreadState& ts, DictObject* d, Value other, Value func) {
  if (!is_dict(other)) {
    Value keys_method = get_attr_optional(ts, other, intern(ts, "keys"));
    if (!keys_method) {
      if (ts.current_exception) return false;
      raise_fmt(ts, TypeError_type, "{} argument after ** must be a mapping, not {}", function_description(ts, func),
                type_name(other));
      return false;
    }
  }
  DictObject* src;
  if (is_dict(other)) {
    src = as_dict(other);
  } else {
    src = make_dict(ts);
    if (!dict_update(ts, src, other)) return false;
  }
  for (int64_t i = 0; i < src->nentries; i++) {
    DictEntry e = src->entries[i];
    if (!e.key) continue;
    Value existing = dict_get(ts, d, e.key);
    if (existing) {
      raise_fmt(ts, TypeError_type, "{} got multiple values for keyword argument '{}'",
                function_description(ts, func), is_str(e.key) ? as_str(e.key)->view() : "?");
      return false;
    }
    if (!insert(ts, d, e.key, e.hash, e.value)) return false;
  }
  return true;
}

void init_dict_type(ThreadState& ts) {
  Type& t = dict_type;
  t.repr = dict_repr;
  t.hash = [](ThreadState& ts, Value v, int64_t*) {
    raise_fmt(ts, TypeError_type, "unhashable type: '{}'", type_name(v));
    return false;
  };
  dict_set_str_new(ts, t.dict, ts.interp->names.hash, None());  // dict.__hash__ is None: unhashable
  t.richcompare = dict_richcompare;
  t.length = dict_len;
  t.contains = dict_contains;
  t.getitem = dict_getitem;
  t.setitem = dict_setitem;
  t.iter = dict_iter;
  t.new_instance = dict_new;
  t.init = dict_init;
  t.trace = trace_dict;
  t.finalize = finalize_dict;
  t.binary[kOpOr] = dict_or;
  t.inplace[kOpOr] = dict_ior;
  add_methods(ts, t, dict_methods);

  auto self_iter = [](ThreadState&, Value self) { return self; };
  dict_keyiterator_type.iternext = dict_iter_next<dict_iter_advance, EntryPart::kKey>;
  dict_valueiterator_type.iternext = dict_iter_next<dict_iter_advance, EntryPart::kValue>;
  dict_itemiterator_type.iternext = dict_iter_next<dict_iter_advance, EntryPart::kItem>;
  dict_reversekeyiterator_type.iternext = dict_iter_next<dict_reverse_advance, EntryPart::kKey>;
  dict_reversevalueiterator_type.iternext = dict_iter_next<dict_reverse_advance, EntryPart::kValue>;
  dict_reverseitemiterator_type.iternext = dict_iter_next<dict_reverse_advance, EntryPart::kItem>;
  for (Type* it : {&dict_keyiterator_type, &dict_valueiterator_type, &dict_itemiterator_type,
                   &dict_reversekeyiterator_type, &dict_reversevalueiterator_type, &dict_reverseitemiterator_type}) {
    it->iter = self_iter;
    it->trace = trace_dict_iter;
  }
  dict_keys_type.iter = [](ThreadState& ts, Value self) {
    return make_dict_iter(ts, static_cast<DictViewObject*>(self.as_object())->dict, &dict_keyiterator_type);
  };
  dict_values_type.iter = [](ThreadState& ts, Value self) {
    return make_dict_iter(ts, static_cast<DictViewObject*>(self.as_object())->dict, &dict_valueiterator_type);
  };
  dict_items_type.iter = [](ThreadState& ts, Value self) {
    return make_dict_iter(ts, static_cast<DictViewObject*>(self.as_object())->dict, &dict_itemiterator_type);
  };
  dict_keys_type.contains = keys_view_contains;
  dict_values_type.contains = values_view_contains;
  dict_items_type.contains = items_view_contains;
  for (Type* v : {&dict_keys_type, &dict_values_type, &dict_items_type}) {
    v->repr = view_repr;
    v->length = view_len;
    v->trace = trace_dict_view;
  }
  init_dict_view_operations(ts);
}

}  // namespace minipy
