// The hash-consing table behind the marshal writer's references (see marshal_value_ids.h for what "the same
// value" means). CPython's compiler merges equal constants into one object (_PyCode_ConstantKey) and marshal
// writes a repeat of an object as a reference, so keying by value reproduces the references CPython writes
// without having objects. Ids are dense because the writer indexes its per-value state by them.
#include "cache/marshal_value_ids.h"

#include <bit>
#include <cstring>
#include <functional>

namespace minipy {
namespace {

// boost's hash_combine step: cheap, and good enough for a table probed linearly whose keys are compared in
// full on a hash match.
uint64_t mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
  return h;
}

// The object representation of a number, as a leaf key's bytes.
template <class T>
std::string_view bytes_of(const T& value) {
  return {reinterpret_cast<const char*>(&value), sizeof value};
}

}  // namespace

// Open addressing with linear probing over slots_ (a power of two): the slot holding an equal key, or the
// empty slot where it belongs. Slots store id + 1 so that a zeroed table is an empty one.
template <class Equal>
uint32_t& ValueIds::find_slot(uint64_t hash, Equal equal) {
  size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    uint32_t& slot = slots_[i];
    if (slot == 0) return slot;
    const Key& k = keys_[slot - 1];
    if (k.hash == hash && equal(k)) return slot;
  }
}

uint32_t ValueIds::add(const Key& key, uint32_t& slot) {
  auto id = static_cast<uint32_t>(keys_.size());
  keys_.push_back(key);
  slot = id + 1;
  // Keep the load factor under one half; rehashing needs only the stored hashes.
  if (keys_.size() * 2 > slots_.size()) {
    std::vector<uint32_t> bigger(slots_.size() * 2, 0);
    size_t mask = bigger.size() - 1;
    for (uint32_t old : slots_) {
      if (!old) continue;
      size_t i = keys_[old - 1].hash & mask;
      while (bigger[i]) i = (i + 1) & mask;
      bigger[i] = old;
    }
    slots_.swap(bigger);
  }
  return id;
}

// Leaves are keyed by tag and bytes. Str and bytes keys borrow the constant's own text (the constants
// outlive the table); numeric payloads are formatted into scratch memory, so they are copied.
uint32_t ValueIds::intern_leaf(ValueTag tag, std::string_view data, bool copy) {
  uint64_t hash = mix(static_cast<uint64_t>(tag), std::hash<std::string_view>()(data));
  uint32_t& slot = find_slot(hash, [&](const Key& k) {
    return k.tag == tag && k.size == data.size() && std::memcmp(k.data, data.data(), data.size()) == 0;
  });
  if (slot) return slot - 1;
  const char* stored = data.data();
  if (copy) stored = owned_.emplace_back(data).data();
  return add(Key{tag, static_cast<uint32_t>(data.size()), 0, stored, hash}, slot);
}

// Containers are keyed by their items' ids, so two equal nested tuples compare in one pass over ids instead of
// recursively. The seed keeps an empty tuple's hash apart from an empty frozenset's.
uint32_t ValueIds::of_items(ValueTag tag, std::span<const uint32_t> item_ids) {
  uint64_t hash = static_cast<uint64_t>(tag) + 0x51ED27;
  for (uint32_t id : item_ids) hash = mix(hash, id);
  uint32_t& slot = find_slot(hash, [&](const Key& k) {
    return k.tag == tag && k.size == item_ids.size() &&
           std::equal(item_ids.begin(), item_ids.end(), item_pool_.begin() + static_cast<ptrdiff_t>(k.offset));
  });
  if (slot) return slot - 1;
  size_t offset = item_pool_.size();
  item_pool_.insert(item_pool_.end(), item_ids.begin(), item_ids.end());
  return add(Key{tag, static_cast<uint32_t>(item_ids.size()), offset, nullptr, hash}, slot);
}

uint32_t ValueIds::of(const Const& value) {
  using K = Const::Kind;
  switch (value.kind()) {
    case K::Int: {
      const BigInt& v = value.int_value();
      // Small and big ints are separate tags so that a small one's key is its 8 machine bytes and a big one's
      // its hex digits; the same value never has both forms.
      if (v.fits_int64()) {
        int64_t small = v.to_int64();
        return intern_leaf(ValueTag::Int, bytes_of(small), true);
      }
      return intern_leaf(ValueTag::BigInt, v.to_string(16), true);
    }
    case K::Float: {
      // Bit for bit: 0.0 and -0.0 must stay two values, as CPython's constant merging keeps them apart.
      uint64_t bits = std::bit_cast<uint64_t>(value.float_value());
      return intern_leaf(ValueTag::Float, bytes_of(bits), true);
    }
    case K::Complex: {
      uint64_t bits[2] = {std::bit_cast<uint64_t>(value.float_value()), std::bit_cast<uint64_t>(value.imag_value())};
      return intern_leaf(ValueTag::Complex, bytes_of(bits), true);
    }
    case K::Str:
      return intern_leaf(value.interned() ? ValueTag::InternedStr : ValueTag::Str, value.text(), false);
    case K::Bytes: return intern_leaf(ValueTag::Bytes, value.text(), false);
    case K::Tuple:
    case K::FrozenSet: {
      // The same constant is often met again (a tuple shared by several code objects): its id is kept by
      // address, so it is keyed once.
      if (auto it = container_ids_.find(&value); it != container_ids_.end()) return it->second;
      // Item ids go through a stack of scratch space: nested containers recurse while an outer one is half done.
      size_t base = scratch_.size();
      for (const ConstRef& item : value.items()) {
        uint32_t id = of(*item);
        scratch_.push_back(id);
      }
      uint32_t id = of_items(value.is(K::Tuple) ? ValueTag::Tuple : ValueTag::FrozenSet,
                             std::span(scratch_).subspan(base));
      scratch_.resize(base);
      container_ids_.emplace(&value, id);
      return id;
    }
    case K::List:
    case K::Set:
    case K::Dict: {
      // Mutable values are never merged by CPython, so each gets its own id; their items still get ids because
      // the writer walks them (and their items may be shared).
      if (auto it = container_ids_.find(&value); it != container_ids_.end()) return it->second;
      size_t base = scratch_.size();
      for (const ConstRef& item : value.items()) {
        uint32_t id = of(*item);
        scratch_.push_back(id);
      }
      ValueTag tag = value.is(K::List) ? ValueTag::List : value.is(K::Set) ? ValueTag::Set : ValueTag::Dict;
      auto id = static_cast<uint32_t>(keys_.size());
      size_t offset = item_pool_.size();
      item_pool_.insert(item_pool_.end(), scratch_.begin() + static_cast<ptrdiff_t>(base), scratch_.end());
      keys_.push_back(Key{tag, static_cast<uint32_t>(value.items().size()), offset, nullptr, 0});  // never in slots_
      scratch_.resize(base);
      container_ids_.emplace(&value, id);
      return id;
    }
    case K::Code: {
      auto [it, fresh] = code_ids_.try_emplace(value.code_value().get(), 0);
      if (fresh) {
        it->second = static_cast<uint32_t>(keys_.size());
        keys_.push_back(Key{ValueTag::Code, 0, 0, nullptr, 0});  // never in slots_: code matches by identity only
      }
      return it->second;
    }
    // None, True, False, Ellipsis, ...: singletons marshal writes as one byte and never references. A fixed
    // id per kind, above any real id, still lets them take part in a container's key.
    default: return UINT32_MAX - static_cast<uint32_t>(value.kind());
  }
}

}  // namespace minipy
