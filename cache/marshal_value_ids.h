// Internal to the marshal writer: structural identity of marshal values by hash-consing. Every distinct value
// gets a dense id; two values get the same id exactly when marshal may write one as a reference to the other:
// same kind, same contents (floats bit for bit), same interned-ness for strings, code objects only when they
// are the same object. Tuples are keyed by their items' ids, so equality of nested values is one comparison.
#pragma once
#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compiler/code_object.h"
#include "compiler/constant.h"

namespace minipy {

// The leaf and container kinds a key can have; a Str key also records interned-ness.
// List, Set and Dict are keyed by identity (mutable: equal ones are distinct objects), like Code.
enum class ValueTag : uint8_t { Int, BigInt, Float, Complex, Str, InternedStr, Bytes, Tuple, FrozenSet, Code, List, Set, Dict };

class ValueIds {
 public:
  // The id of a constant; the values it points into must outlive this table.
  // None, False, True and Ellipsis get fixed ids above size(): they are never shared, only compared as items.
  uint32_t of(const Const& value);
  // The id of a string or bytes value that is not a Const (a code object's fields).
  uint32_t of_text(ValueTag tag, std::string_view data) { return intern_leaf(tag, data, false); }
  // The id of a tuple (or frozenset) with items of the given ids.
  uint32_t of_items(ValueTag tag, std::span<const uint32_t> item_ids);
  // The id of the `index`-th item of container `id`.
  uint32_t item_of(uint32_t id, size_t index) const { return item_pool_[keys_[id].offset + index]; }
  uint32_t size() const { return static_cast<uint32_t>(keys_.size()); }

 private:
  struct Key {
    ValueTag tag;
    uint32_t size;       // bytes of a leaf, items of a container
    size_t offset;       // containers: first item in item_pool_
    const char* data;    // leaves: the bytes (borrowed, or in owned_)
    uint64_t hash;
  };
  // `copy`: data is scratch memory, so a new key keeps its own copy.
  uint32_t intern_leaf(ValueTag tag, std::string_view data, bool copy);
  template <class Equal>
  uint32_t& find_slot(uint64_t hash, Equal equal);
  uint32_t add(const Key& key, uint32_t& slot);

  std::vector<Key> keys_;
  std::vector<uint32_t> slots_ = std::vector<uint32_t>(1024, 0);  // open addressing: id + 1, 0 = empty
  std::vector<uint32_t> item_pool_;
  std::deque<std::string> owned_;  // numeric payloads (deque: elements never move, so data() stays valid)
  std::unordered_map<const Const*, uint32_t> container_ids_;
  std::unordered_map<const CodeObject*, uint32_t> code_ids_;
  std::vector<uint32_t> scratch_;  // item ids of the containers being keyed, innermost last
};

}  // namespace minipy
