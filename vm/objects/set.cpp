// set and frozenset: open addressing with CPython's probe sequence (linear probes, then perturbation) and
// resize policy, so iteration order — visible whenever a set is printed — matches CPython's for ints.
//
// The table is malloc'd outside the GC heap (accounted through account_external) and owned by the set; keys
// are traced. `fill` counts used plus deleted slots (what the load factor is judged on), `used` the live
// keys. Comparing keys may run Python __eq__ that changes the set: lookups restart when the table moved.
#include <new>
#include <cstdlib>
#include <cstring>

#include "vm/objects/heap_type.h"
#include "vm/objects/sequence.h"
#include "vm/objects/set.h"
#include "vm/objects/type_init.h"
#include "vm/runtime.h"

namespace minipy {

namespace {

// CPython's PySet_MINSIZE, LINEAR_PROBES and PERTURB_SHIFT: the same constants give the same layout.
constexpr int64_t kMinSize = 8;
constexpr int kLinearProbes = 9;
constexpr int kPerturbShift = 5;

// A static object that no Python code can reach, so it can never equal a real key; a deleted slot must keep
// probe chains through it intact, which an empty slot would cut.
Object dummy_object;  // marks deleted slots
Value dummy() { return Value(&dummy_object); }

SetObject* as_set(Value v) { return static_cast<SetObject*>(v.as_object()); }
bool is_anyset(Value v) {
  return v.is_object() && (v.as_object()->type == &set_type || v.as_object()->type == &frozenset_type ||
                           is_subtype(v.as_object()->type, &set_type) ||
                           is_subtype(v.as_object()->type, &frozenset_type));
}

// The type of a result computed from `v`: its builtin base, as CPython's set operations give for subclasses.
Type* base_set_type(Value v) { return is_subtype(type_of(v), &frozenset_type) ? &frozenset_type : &set_type; }

void finalize_set(Object* o) { std::free(static_cast<SetObject*>(o)->table); }
void trace_set(Object* self, Tracer& tracer) {
  auto* s = static_cast<SetObject*>(self);
  for (int64_t i = 0; s->table && i <= s->mask; i++)
    if (s->table[i].key && s->table[i].key != dummy()) tracer.visit(s->table[i].key);
}

void ensure_table(ThreadState& ts, SetObject* s) {
  if (s->table) return;
  s->table = static_cast<SetEntry*>(std::calloc(kMinSize, sizeof(SetEntry)));
  s->mask = kMinSize - 1;
  ts.heap->account_external(kMinSize * sizeof(SetEntry));
}

// Inserts into a table known to hold neither dummies nor a key equal to `key` (a fresh table being filled by
// resize or a merge): no comparisons, so no Python code runs (CPython's set_insert_clean).
void insert_clean(SetEntry* table, int64_t mask, Value key, int64_t hash) {
  auto perturb = static_cast<uint64_t>(hash);
  uint64_t i = static_cast<uint64_t>(hash) & static_cast<uint64_t>(mask);
  for (;;) {
    SetEntry* entry = &table[i];
    if (!entry->key) goto found;
    if (static_cast<int64_t>(i) + kLinearProbes <= mask) {
      for (int j = 0; j < kLinearProbes; j++) {
        entry++;
        if (!entry->key) goto found;
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & static_cast<uint64_t>(mask);
    continue;
  found:
    entry->key = key;
    entry->hash = hash;
    return;
  }
}

// The new table is the smallest power of two above `minused` (at least 8); dummies are dropped, so fill
// becomes used. Throws std::bad_alloc on allocation failure (MemoryError at the call boundary).
void resize(ThreadState& ts, SetObject* s, int64_t minused) {
  int64_t size = kMinSize;
  while (size <= minused) size <<= 1;
  auto* table = static_cast<SetEntry*>(std::calloc(static_cast<size_t>(size), sizeof(SetEntry)));
  if (!table) throw std::bad_alloc();  // MemoryError at the call boundary (vm/memory/out_of_memory.h)
  ts.heap->account_external(static_cast<int64_t>(sizeof(SetEntry)) * (size - (s->mask + 1)));
  for (int64_t i = 0; s->table && i <= s->mask; i++) {
    SetEntry e = s->table[i];
    if (e.key && e.key != dummy()) insert_clean(table, size - 1, e.key, e.hash);
  }
  std::free(s->table);
  s->table = table;
  s->mask = size - 1;
  s->fill = s->used;
}

// CPython's set_add_entry: a deleted slot met on the way (the last one) is reused once the key is known absent; the
// table grows when fill reaches 3/5 of it, to 4x the used count (2x past 50000 keys).
// 1 added, 0 already present, -1 error.
int add_entry(ThreadState& ts, SetObject* s, Value key, int64_t hash) {
restart:
  ensure_table(ts, s);  // again after a restart: an __eq__ may have cleared the set (freeing its table)
  SetEntry* freeslot = nullptr;
  uint64_t mask = static_cast<uint64_t>(s->mask);
  uint64_t i = static_cast<uint64_t>(hash) & mask;
  auto perturb = static_cast<uint64_t>(hash);
  for (;;) {
    SetEntry* entry = &s->table[i];
    int probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    do {
      if (!entry->key) {
        if (freeslot) {
          freeslot->key = key;
          freeslot->hash = hash;
          s->used++;
          return 1;
        }
        entry->key = key;
        entry->hash = hash;
        s->fill++;
        s->used++;
        if (s->fill * 5 < s->mask * 3) return 1;
        resize(ts, s, s->used > 50000 ? s->used * 2 : s->used * 4);
        return 1;
      }
      if (entry->key == dummy()) {
        freeslot = entry;  // the last deleted slot on the probe path is the one reused, as in CPython
      } else if (entry->key == key) {
        return 0;
      } else if (entry->hash == hash) {
        Value start_key = entry->key;
        SetEntry* table = s->table;
        int eq = rich_compare_bool(ts, start_key, key, kEq);
        if (eq < 0) return -1;
        if (table != s->table || entry->key != start_key) goto restart;
        if (eq) return 0;
      }
      entry++;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// The entry holding key, nullptr if absent; *error set on failure.
// The entry pointer stays valid only until the set is next modified.
SetEntry* find_entry(ThreadState& ts, SetObject* s, Value key, int64_t hash, bool* error) {
  *error = false;
restart:
  if (!s->table) return nullptr;
  uint64_t mask = static_cast<uint64_t>(s->mask);
  uint64_t i = static_cast<uint64_t>(hash) & mask;
  auto perturb = static_cast<uint64_t>(hash);
  for (;;) {
    SetEntry* entry = &s->table[i];
    int probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    do {
      if (!entry->key) return nullptr;
      if (entry->key != dummy()) {
        if (entry->key == key) return entry;
        if (entry->hash == hash) {
          Value start_key = entry->key;
          SetEntry* table = s->table;
          int eq = rich_compare_bool(ts, start_key, key, kEq);
          if (eq < 0) {
            *error = true;
            return nullptr;
          }
          // __eq__ may have changed the set (as set_lookkey: start again if the table or the entry moved).
          if (table != s->table || entry->key != start_key) goto restart;
          if (eq) return entry;
        }
      }
      entry++;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

bool hash_key(ThreadState& ts, Value key, int64_t* hash) { return py_hash(ts, key, hash); }

SetObject* new_set(ThreadState& ts, Type* type) {
  auto* s = ts.alloc<SetObject>(type, type->instance_size);  // a subclass's includes its attribute dict
  s->hash = -1;
  return s;
}

// An exact dict (a subclass may override __iter__ or __contains__): its entries and stored hashes are read directly.
bool is_exact_dict(Value v) { return v.is_object() && v.as_object()->type == &dict_type; }

// Calls `step(key, hash)` for each key of `iterable` in its order: a set's stored hashes, an exact dict's stored
// hashes, else each item hashed. False with the exception pending.
template <class Step>
bool each_key(ThreadState& ts, Value iterable, Step step) {
  if (is_anyset(iterable)) {
    SetObject* o = as_set(iterable);
    for (int64_t i = 0; o->table && i <= o->mask; i++) {
      SetEntry e = o->table[i];
      if (e.key && e.key != dummy() && !step(e.key, e.hash)) return false;
    }
    return true;
  }
  if (is_exact_dict(iterable)) {
    auto* d = static_cast<DictObject*>(iterable.as_object());
    for (int64_t i = 0; i < d->nentries; i++) {
      DictEntry e = d->entries[i];
      if (e.key && !step(e.key, e.hash)) return false;
    }
    return true;
  }
  Value it = get_iter(ts, iterable);
  if (!it) return false;
  for (;;) {
    Value v = iter_next(ts, it);
    if (!v) return !ts.current_exception;
    int64_t hash;
    if (!hash_key(ts, v, &hash) || !step(v, hash)) return false;
  }
}

bool set_update_from(ThreadState& ts, SetObject* s, Value iterable) {
  if (is_anyset(iterable)) {
    // CPython's set_merge: one resize up front, then a straight copy or clean inserts when this set is empty
    // (the resulting layout, and so the iteration order, is CPython's).
    SetObject* o = as_set(iterable);
    if (o == s || o->used == 0) return true;
    ensure_table(ts, s);
    if ((s->fill + o->used) * 5 >= s->mask * 3) resize(ts, s, (s->used + o->used) * 2);
    if (s->fill == 0 && s->mask == o->mask && o->fill == o->used) {
      for (int64_t i = 0; i <= o->mask; i++)
        if (o->table[i].key) s->table[i] = o->table[i];
      s->fill = o->fill;
      s->used = o->used;
      return true;
    }
    if (s->fill == 0) {
      for (int64_t i = 0; i <= o->mask; i++) {
        SetEntry e = o->table[i];
        if (e.key && e.key != dummy()) insert_clean(s->table, s->mask, e.key, e.hash);
      }
      s->fill = s->used = o->used;
      return true;
    }
    for (int64_t i = 0; o->table && i <= o->mask; i++) {
      SetEntry e = o->table[i];
      if (e.key && e.key != dummy() && add_entry(ts, s, e.key, e.hash) < 0) return false;
    }
    return true;
  }
  if (is_exact_dict(iterable)) {
    // CPython resizes once up front for the dict's size (expecting few shared keys), then adds one by one, reusing
    // the dict's stored hashes as set_update_dict_lock does: no key's __hash__ runs again.
    int64_t size = static_cast<DictObject*>(iterable.as_object())->used;
    ensure_table(ts, s);
    if ((s->fill + size) * 5 >= s->mask * 3) resize(ts, s, (s->used + size) * 2);
  }
  return each_key(ts, iterable, [&](Value key, int64_t hash) { return add_entry(ts, s, key, hash) >= 0; });
}

Value set_repr(ThreadState& ts, Value v) {
  SetObject* s = as_set(v);
  Type* t = type_of(v);
  if (s->used == 0) return Value(make_str(ts, fmt::format("{}()", t->name->view())));
  ReprGuard guard(ts, s);
  if (guard.recursive()) return Value(make_str(ts, fmt::format("{}(...)", t->name->view())));
  std::string out = t == &set_type ? "{" : fmt::format("{}({{", t->name->view());
  bool first = true;
  for (int64_t i = 0; s->table && i <= s->mask; i++) {  // re-read: a repr may change the set
    SetEntry e = s->table[i];
    if (!e.key || e.key == dummy()) continue;
    if (!first) out += ", ";
    first = false;
    Value r = py_repr(ts, e.key);
    if (!r) return r;
    out += as_str(r)->view();
  }
  out += t == &set_type ? "}" : "})";
  return Value(make_str(ts, out));
}

int64_t set_len(ThreadState&, Value v) { return as_set(v)->used; }

int set_contains_slot(ThreadState& ts, Value container, Value key) { return set_contains(ts, container, key); }

Value set_iter(ThreadState& ts, Value v) {
  auto* it = ts.alloc<SetIterObject>(&set_iterator_type);
  it->set = as_set(v);
  // Only the size is remembered, as in CPython: an add paired with a discard during iteration goes unnoticed.
  it->used_at_start = it->set->used;
  return Value(it);
}
// "Set changed size during iteration" (capital S, as CPython's setiter_iternext); the iterator then gives up
// for good.
Value set_iter_next(ThreadState& ts, Value self) {
  auto* it = static_cast<SetIterObject*>(self.as_object());
  SetObject* s = it->set;
  if (!s) return Value();
  if (s->used != it->used_at_start) {
    it->used_at_start = -1;  // every later next() raises again, as in CPython
    return raise(ts, RuntimeError_type, "Set changed size during iteration");
  }
  while (s->table && it->position <= s->mask) {
    SetEntry e = s->table[it->position++];
    if (e.key && e.key != dummy()) return e.key;
  }
  it->set = nullptr;
  return Value();
}

// Frees the table; the next insertion allocates a minimal one (ensure_table).
void clear_set(SetObject* s) {
  std::free(s->table);
  s->table = nullptr;
  s->used = s->fill = 0;
  s->mask = 0;
}

// The set algebra follows CPython's setobject.c step for step (which set is iterated, which is probed, when the
// table is resized), because the resulting table layout is the iteration order every printed set shows.
// Keys are read from the table by index on every step: a key's __eq__ may change the sets.

// A new set of `type` holding `iterable`'s keys (CPython's make_new_set_basetype).
SetObject* set_from(ThreadState& ts, Type* type, Value iterable) {
  SetObject* r = new_set(ts, type);
  if (!set_update_from(ts, r, iterable)) return nullptr;
  return r;
}

// Removes the key (stored hash `hash`) when present: 1 removed, 0 absent, -1 error.
int discard_entry(ThreadState& ts, SetObject* s, Value key, int64_t hash) {
  bool error;
  SetEntry* hit = find_entry(ts, s, key, hash, &error);
  if (!hit) return error ? -1 : 0;
  hit->key = dummy();
  hit->hash = -1;
  s->used--;
  return 1;
}

// so & other (set_intersection): a set argument's smaller side is iterated and the other probed; any other
// iterable is iterated in its own order.
Value intersection(ThreadState& ts, Value so, Value other) {
  Type* type = base_set_type(so);
  if (so == other) return Value(set_from(ts, type, so));
  SetObject* r = new_set(ts, type);
  Value probed = so;
  if (is_anyset(other) && as_set(other)->used > as_set(so)->used) std::swap(probed, other);
  bool ok = each_key(ts, other, [&](Value key, int64_t hash) {
    bool error;
    if (find_entry(ts, as_set(probed), key, hash, &error)) return add_entry(ts, r, key, hash) >= 0;
    return !error;
  });
  return ok ? Value(r) : Value();
}

// so -= other in place (set_difference_update_internal): a much larger set argument is first cut down to the
// intersection; afterwards a table more than a quarter dummies is rebuilt.
bool difference_update(ThreadState& ts, Value so, Value other) {
  SetObject* s = as_set(so);
  if (so == other) return clear_set(s), true;
  if (is_anyset(other) && (as_set(other)->used >> 3) > s->used) {
    other = intersection(ts, so, other);
    if (!other) return false;
  }
  if (!each_key(ts, other, [&](Value key, int64_t hash) { return discard_entry(ts, s, key, hash) >= 0; }))
    return false;
  if (s->fill - s->used > s->mask / 4) resize(ts, s, s->used > 3000000 ? s->used * 2 : s->used * 4);
  return true;
}

// so - other (set_difference): a copy then difference_update when `so` is over four times larger than a set or
// dict argument (or for any other iterable); else `so` filtered by membership in `other`.
Value difference(ThreadState& ts, Value so, Value other) {
  Type* type = base_set_type(so);
  bool is_dict_arg = is_exact_dict(other);
  if (!is_anyset(other) && !is_dict_arg) {
    SetObject* r = set_from(ts, type, so);
    return r && difference_update(ts, Value(r), other) ? Value(r) : Value();
  }
  int64_t other_size = is_dict_arg ? static_cast<DictObject*>(other.as_object())->used : as_set(other)->used;
  if ((as_set(so)->used >> 2) > other_size) {
    SetObject* r = set_from(ts, type, so);
    return r && difference_update(ts, Value(r), other) ? Value(r) : Value();
  }
  SetObject* r = new_set(ts, type);
  bool ok = each_key(ts, so, [&](Value key, int64_t hash) {
    int in;
    if (is_dict_arg) {
      in = contains(ts, other, key);
    } else {
      bool error;
      in = find_entry(ts, as_set(other), key, hash, &error) ? 1 : error ? -1 : 0;
    }
    return in == 0 ? add_entry(ts, r, key, hash) >= 0 : in > 0;
  });
  return ok ? Value(r) : Value();
}

// so ^= other in place (set_symmetric_difference_update): each key of `other` (a dict's or set's directly, any
// other iterable collected into a set first) is removed when present, else added.
bool symmetric_difference_update(ThreadState& ts, Value so, Value other) {
  SetObject* s = as_set(so);
  if (so == other) return clear_set(s), true;
  if (!is_anyset(other) && !is_exact_dict(other)) {
    SetObject* collected = set_from(ts, base_set_type(so), other);
    if (!collected) return false;
    other = Value(collected);
  }
  return each_key(ts, other, [&](Value key, int64_t hash) {
    int removed = discard_entry(ts, s, key, hash);
    return removed < 0 ? false : removed == 1 || add_entry(ts, s, key, hash) >= 0;
  });
}

// so ^ other (set_symmetric_difference): `other` collected into a new set, then updated with `so`.
Value symmetric_difference(ThreadState& ts, Value so, Value other) {
  SetObject* r = set_from(ts, base_set_type(so), other);
  return r && symmetric_difference_update(ts, Value(r), so) ? Value(r) : Value();
}

// so | other (set_or): a copy of so, then other merged in.
Value set_union(ThreadState& ts, Value so, Value other) {
  SetObject* r = set_from(ts, base_set_type(so), so);
  return r && (so == other || set_update_from(ts, r, other)) ? Value(r) : Value();
}

Value set_binop(ThreadState& ts, Value a, Value b, int op) {
  if (!is_anyset(a) || !is_anyset(b)) return NotImplemented();
  switch (op) {
    case kOpOr: return set_union(ts, a, b);
    case kOpAnd: return intersection(ts, a, b);
    case kOpSub: return difference(ts, a, b);
    case kOpXor: return symmetric_difference(ts, a, b);
    default: return NotImplemented();
  }
}

// *out = whether every key of `a` is in `b`; false with an exception pending if a comparison raised. A larger
// `a` is answered from the sizes alone.
bool is_subset(ThreadState& ts, Value a, Value b, int* out) {
  SetObject* x = as_set(a);
  if (x->used > as_set(b)->used) {
    *out = 0;
    return true;
  }
  for (int64_t i = 0; x->table && i <= x->mask; i++) {
    SetEntry e = x->table[i];
    if (!e.key || e.key == dummy()) continue;
    int c = set_contains(ts, b, e.key);
    if (c < 0) return false;
    if (!c) {
      *out = 0;
      return true;
    }
  }
  *out = 1;
  return true;
}

// Set comparisons are subset relations: <= subset, < proper subset, == equal sizes and subset. Both operands
// must be sets or frozensets (a set equals a frozenset with the same keys).
Value set_richcompare(ThreadState& ts, Value a, Value b, int op) {
  if (!is_anyset(a) || !is_anyset(b)) return NotImplemented();
  int64_t na = as_set(a)->used, nb = as_set(b)->used;
  int r;
  switch (op) {
    case kEq:
    case kNe:
      if (na != nb) return Bool(op == kNe);
      if (!is_subset(ts, a, b, &r)) return Value();
      return Bool(op == kEq ? r : !r);
    case kLe:
      if (!is_subset(ts, a, b, &r)) return Value();
      return Bool(r);
    case kGe:
      if (!is_subset(ts, b, a, &r)) return Value();
      return Bool(r);
    case kLt:
      if (na >= nb) return False();
      if (!is_subset(ts, a, b, &r)) return Value();
      return Bool(r);
    default:
      if (na <= nb) return False();
      if (!is_subset(ts, b, a, &r)) return Value();
      return Bool(r);
  }
}

// Independent of insertion order and table layout (only entry hashes and the count go in), so equal
// frozensets hash equal; cached in the object, which is immutable.
bool frozenset_hash(ThreadState&, Value v, int64_t* out) {
  SetObject* s = as_set(v);
  if (s->hash != -1) {
    *out = s->hash;
    return true;
  }
  // CPython's frozenset_hash: xor of shuffled entry hashes, then final mixing.
  uint64_t hash = 0;
  for (int64_t i = 0; s->table && i <= s->mask; i++) {
    SetEntry e = s->table[i];
    if (!e.key || e.key == dummy()) continue;
    auto h = static_cast<uint64_t>(e.hash);
    hash ^= ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
  }
  hash ^= (static_cast<uint64_t>(s->used) + 1) * 1927868237UL;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069U + 907133923UL;
  // -1 is the error sentinel of CPython's hash slots, so no object may hash to it.
  if (hash == static_cast<uint64_t>(-1)) hash = 590923713UL;
  s->hash = static_cast<int64_t>(hash);
  *out = s->hash;
  return true;
}

// frozenset(iterable) fills the new object; a set is filled by set.__init__, which a subclass's __init__ may
// call with its own arguments (or not at all), as in CPython.
Value set_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  bool frozen = is_subtype(type, &frozenset_type);
  if (frozen || type == &set_type) {
    if (frozen ? keywords_refused(ts, type, &frozenset_type, "frozenset", kwnames)
               : !no_keywords(ts, "set", kwnames))
      return Value();
    args = args.first(positional_count(args, kwnames));  // keywords left for a subclass's __init__
    if (args.size() > 1)
      return raise_fmt(ts, TypeError_type, "{} expected at most 1 argument, got {}", type->c_name, args.size());
  }
  // frozenset(f) of an exact frozenset is f itself: it cannot change, so CPython shares it.
  if (type == &frozenset_type && args.size() == 1 && type_of(args[0]) == &frozenset_type) return args[0];
  SetObject* s = new_set(ts, type);
  // A frozenset is filled here, being immutable once created; a set stays empty until set.__init__.
  if (frozen && !args.empty() && !set_update_from(ts, s, args[0])) return Value();
  return Value(s);
}

#define SET_METHOD(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)
SET_METHOD(m_add) {
  if (!check_arg_count(ts, "add", positional_count(args, kwnames), 1, 1)) return Value();
  if (!set_add(ts, self, args[0])) return Value();
  return None();
}
// The hash of a key being looked up (`in`, remove, discard): a set, unhashable itself, stands for the frozenset
// of its elements, as in CPython (`{1} in {frozenset({1})}` is True). *key is replaced by that frozenset.
bool lookup_hash(ThreadState& ts, Value* key, int64_t* hash) {
  if (hash_key(ts, *key, hash)) return true;
  if (!is_subtype(type_of(*key), &set_type) || !exception_matches(ts.current_exception, &TypeError_type)) return false;
  ts.current_exception = Value();
  Value frozen = call(ts, Value(&frozenset_type), {key, 1});
  if (!frozen) return false;
  *key = frozen;
  return hash_key(ts, frozen, hash);
}

// set_iterator.__length_hint__: the elements still to come, 0 once the set changed size (the next step raises).
Value set_iter_length_hint(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!no_keywords(ts, "__length_hint__", kwnames) || !check_arg_count(ts, "__length_hint__", args.size(), 0, 0))
    return Value();
  auto* it = static_cast<SetIterObject*>(self.as_object());
  SetObject* s = it->set;
  int64_t left = 0;
  if (s && s->used == it->used_at_start && s->table)
    for (int64_t i = it->position; i <= s->mask; i++) left += s->table[i].key && s->table[i].key != dummy();
  return Value::small_int(left);
}

int discard(ThreadState& ts, Value self, Value key) {
  int64_t hash;
  if (!lookup_hash(ts, &key, &hash)) return -1;
  bool error;
  SetEntry* e = find_entry(ts, as_set(self), key, hash, &error);
  if (error) return -1;
  if (!e) return 0;
  e->key = dummy();
  e->hash = -1;
  as_set(self)->used--;
  return 1;
}
SET_METHOD(m_remove) {
  if (!check_arg_count(ts, "remove", positional_count(args, kwnames), 1, 1)) return Value();
  int r = discard(ts, self, args[0]);
  if (r < 0) return Value();
  if (r == 0) return raise_key_error(ts, args[0]);
  return None();
}
SET_METHOD(m_discard) {
  if (!check_arg_count(ts, "discard", positional_count(args, kwnames), 1, 1)) return Value();
  if (discard(ts, self, args[0]) < 0) return Value();
  return None();
}
// CPython's set_pop: a `finger` remembers where the last pop stopped, so popping everything is linear rather
// than quadratic in the table size.
SET_METHOD(m_pop) {
  if (!check_arg_count(ts, "pop", positional_count(args, kwnames), 0, 0)) return Value();
  SetObject* s = as_set(self);
  if (s->used == 0) return raise(ts, KeyError_type, "pop from an empty set");
  for (;;) {
    SetEntry* e = &s->table[s->finger & s->mask];
    s->finger = (s->finger + 1) & s->mask;
    if (e->key && e->key != dummy()) {
      Value k = e->key;
      e->key = dummy();
      e->hash = -1;
      s->used--;
      return k;
    }
  }
}
// set.__init__([iterable]): (re)fills the set.
bool set_init(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  const char* name = type_of(self)->c_name;
  if (!no_keywords(ts, "set", kwnames)) return false;  // CPython names set here, the subclass below
  if (args.size() > 1) {
    raise_fmt(ts, TypeError_type, "{} expected at most 1 argument, got {}", name, args.size());
    return false;
  }
  SetObject* s = as_set(self);
  // set.__init__ on a set that already has elements empties it first: set((1,)).__init__([2]) leaves {2}.
  if (s->used) clear_set(s);
  return args.empty() || set_update_from(ts, s, args[0]);
}
SET_METHOD(m_clear) {
  if (!check_arg_count(ts, "clear", positional_count(args, kwnames), 0, 0)) return Value();
  clear_set(as_set(self));
  return None();
}
SET_METHOD(m_copy) {
  if (!check_arg_count(ts, "copy", positional_count(args, kwnames), 0, 0)) return Value();
  if (type_of(self) == &frozenset_type) return self;  // immutable: the copy is the object itself, as in CPython
  SetObject* r = new_set(ts, base_set_type(self));
  if (!set_update_from(ts, r, self)) return Value();
  return Value(r);
}
SET_METHOD(m_update) {
  if (!no_keywords(ts, "update", kwnames)) return Value();
  for (Value a : args)
    if (!set_update_from(ts, as_set(self), a)) return Value();
  return None();
}
// The methods take any iterables, as CPython's set_union / set_intersection_multi / set_difference_multi.
SET_METHOD(m_union) {
  (void)kwnames;
  SetObject* r = set_from(ts, base_set_type(self), self);
  if (!r) return Value();
  for (Value a : args)
    if (a != self && !set_update_from(ts, r, a)) return Value();
  return Value(r);
}
Value intersection_multi(ThreadState& ts, Value self, std::span<const Value> args) {
  if (args.empty()) return Value(set_from(ts, base_set_type(self), self));
  Value result = self;
  for (Value a : args)
    if (!(result = intersection(ts, result, a))) return result;
  return result;
}
SET_METHOD(m_intersection) { (void)kwnames; return intersection_multi(ts, self, args); }
SET_METHOD(m_difference) {
  (void)kwnames;
  if (args.empty()) return Value(set_from(ts, base_set_type(self), self));
  Value result = difference(ts, self, args[0]);
  for (size_t i = 1; result && i < args.size(); i++)
    if (!difference_update(ts, result, args[i])) return Value();
  return result;
}
SET_METHOD(m_symmetric_difference) {
  // A one-argument method (METH_O): its errors name the class that defines it.
  const char* owner = base_set_type(self) == &frozenset_type ? "frozenset" : "set";
  if (kwnames && kwnames->size > 0)
    return raise_fmt(ts, TypeError_type, "{}.symmetric_difference() takes no keyword arguments", owner);
  if (args.size() != 1)
    return raise_fmt(ts, TypeError_type, "{}.symmetric_difference() takes exactly one argument ({} given)", owner,
                     args.size());
  return symmetric_difference(ts, self, args[0]);
}
Value compare_with_iterable(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames, int op,
                            const char* name) {
  if (!check_arg_count(ts, name, positional_count(args, kwnames), 1, 1)) return Value();
  Value other = args[0];
  if (!is_anyset(other)) {
    SetObject* tmp = new_set(ts, &set_type);
    if (!set_update_from(ts, tmp, other)) return Value();
    other = Value(tmp);
  }
  return set_richcompare(ts, self, other, op);
}
SET_METHOD(m_issubset) { return compare_with_iterable(ts, self, args, kwnames, kLe, "issubset"); }
SET_METHOD(m_issuperset) { return compare_with_iterable(ts, self, args, kwnames, kGe, "issuperset"); }
SET_METHOD(m_isdisjoint) {
  if (!check_arg_count(ts, "isdisjoint", positional_count(args, kwnames), 1, 1)) return Value();
  Value it = get_iter(ts, args[0]);
  if (!it) return it;
  for (;;) {
    Value v = iter_next(ts, it);
    if (!v) return ts.current_exception ? Value() : True();
    int c = set_contains(ts, self, v);
    if (c < 0) return Value();
    if (c) return False();
  }
}

// Exchanges two sets' contents (table and counts); the cached hash is untouched (only sets, never frozensets,
// are updated in place).
void swap_tables(SetObject* s, SetObject* other) {
  std::swap(s->table, other->table);
  std::swap(s->mask, other->mask);
  std::swap(s->used, other->used);
  std::swap(s->fill, other->fill);
}

// s |= t, s -= t and s ^= t work in the existing table, as CPython's; s &= t swaps in the intersection's table.
// Both operands must be sets, unlike the methods.
Value set_inplace(ThreadState& ts, Value a, Value b, int op) {
  if (!is_anyset(a) || !is_anyset(b) || type_of(a) == &frozenset_type) return NotImplemented();
  bool ok = true;
  switch (op) {
    case kOpOr: ok = set_update_from(ts, as_set(a), b); break;
    case kOpSub: ok = difference_update(ts, a, b); break;
    case kOpXor: ok = symmetric_difference_update(ts, a, b); break;
    default: {
      Value r = intersection(ts, a, b);
      if (!r) return r;
      swap_tables(as_set(a), as_set(r));
    }
  }
  return ok ? a : Value();
}

SET_METHOD(m_difference_update) {
  if (!no_keywords(ts, "difference_update", kwnames)) return Value();
  for (Value a : args)
    if (!difference_update(ts, self, a)) return Value();
  return None();
}
SET_METHOD(m_intersection_update) {
  if (!no_keywords(ts, "intersection_update", kwnames)) return Value();
  Value r = intersection_multi(ts, self, args);
  if (!r) return r;
  if (r != self) swap_tables(as_set(self), as_set(r));
  return None();
}
SET_METHOD(m_symmetric_difference_update) {
  if (!no_keywords(ts, "symmetric_difference_update", kwnames)) return Value();
  if (args.size() != 1)
    return raise_fmt(ts, TypeError_type, "set.symmetric_difference_update() takes exactly one argument ({} given)",
                     args.size());
  return symmetric_difference_update(ts, self, args[0]) ? None() : Value();
}

const MethodDef set_methods[] = {
    {"difference_update", m_difference_update}, {"intersection_update", m_intersection_update},
    {"symmetric_difference_update", m_symmetric_difference_update},
    {"add", m_add},       {"remove", m_remove},   {"discard", m_discard},
    {"pop", m_pop},       {"clear", m_clear},     {"copy", m_copy},
    {"update", m_update}, {"union", m_union},     {"intersection", m_intersection},
    {"difference", m_difference}, {"symmetric_difference", m_symmetric_difference},
    {"issubset", m_issubset}, {"issuperset", m_issuperset}, {"isdisjoint", m_isdisjoint},
};
const MethodDef frozenset_methods[] = {
    {"copy", m_copy}, {"union", m_union}, {"intersection", m_intersection}, {"difference", m_difference},
    {"symmetric_difference", m_symmetric_difference}, {"issubset", m_issubset}, {"issuperset", m_issuperset},
    {"isdisjoint", m_isdisjoint},
};

}  // namespace

Value make_set(ThreadState& ts, Type* type) { return Value(new_set(ts, type)); }

bool set_update(ThreadState& ts, Value set, Value iterable) { return set_update_from(ts, as_set(set), iterable); }

// False with the exception pending (unhashable key, or a raising __eq__); adding a present key is a success.
bool set_add(ThreadState& ts, Value set, Value key) {
  int64_t hash;
  if (!hash_key(ts, key, &hash)) return false;
  return add_entry(ts, as_set(set), key, hash) >= 0;
}

// 1, 0, or -1 with the exception pending.
int set_contains(ThreadState& ts, Value set, Value key) {
  int64_t hash;
  if (!lookup_hash(ts, &key, &hash)) return -1;  // `[1] in {…}` is a TypeError (unhashable) in CPython too
  bool error;
  SetEntry* e = find_entry(ts, as_set(set), key, hash, &error);
  if (error) return -1;
  return e ? 1 : 0;
}

void init_set_types(ThreadState& ts) {
  // The deleted-slot marker is not allocated by the Heap: kGcStatic keeps the collector from marking or sweeping it
  // (trace_set skips it anyway); it gets a type only because every Object has one.
  dummy_object.type = &none_type;
  dummy_object.gc_flags = kGcStatic;
  for (Type* t : {&set_type, &frozenset_type}) {
    t->repr = set_repr;
    t->richcompare = set_richcompare;
    t->length = set_len;
    t->contains = set_contains_slot;
    t->iter = set_iter;
    t->new_instance = set_new;
    t->trace = trace_set;
    t->finalize = finalize_set;
    t->binary[kOpOr] = [](ThreadState& ts, Value a, Value b) { return set_binop(ts, a, b, kOpOr); };
    t->binary[kOpAnd] = [](ThreadState& ts, Value a, Value b) { return set_binop(ts, a, b, kOpAnd); };
    t->binary[kOpSub] = [](ThreadState& ts, Value a, Value b) { return set_binop(ts, a, b, kOpSub); };
    t->binary[kOpXor] = [](ThreadState& ts, Value a, Value b) { return set_binop(ts, a, b, kOpXor); };
  }
  set_type.hash = [](ThreadState& ts, Value v, int64_t*) {
    raise_fmt(ts, TypeError_type, "unhashable type: '{}'", type_name(v));
    return false;
  };
  dict_set_str_new(ts, set_type.dict, ts.interp->names.hash, None());  // set.__hash__ is None: unhashable
  frozenset_type.hash = frozenset_hash;
  set_type.init = set_init;
  set_type.inplace[kOpOr] = [](ThreadState& ts, Value a, Value b) { return set_inplace(ts, a, b, kOpOr); };
  set_type.inplace[kOpAnd] = [](ThreadState& ts, Value a, Value b) { return set_inplace(ts, a, b, kOpAnd); };
  set_type.inplace[kOpSub] = [](ThreadState& ts, Value a, Value b) { return set_inplace(ts, a, b, kOpSub); };
  set_type.inplace[kOpXor] = [](ThreadState& ts, Value a, Value b) { return set_inplace(ts, a, b, kOpXor); };
  add_methods(ts, set_type, set_methods);
  add_methods(ts, frozenset_type, frozenset_methods);
  set_iterator_type.iternext = set_iter_next;
  static const MethodDef kSetIterMethods[] = {{"__length_hint__", set_iter_length_hint}};
  add_methods(ts, set_iterator_type, kSetIterMethods);
  set_iterator_type.iter = [](ThreadState&, Value self) { return self; };
  set_iterator_type.trace = [](Object* self, Tracer& tracer) { tracer.visit(static_cast<SetIterObject*>(self)->set); };
}

}  // namespace minipy
