// An index of a code object's constants by Const::key_hash, shared by codegen (co_consts as it is built) and the
// peephole optimiser (tuples folded into co_consts).
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace minipy {

// co_consts entries by key hash (Const::key_hash): open addressing over a flat array, because most code objects
// hold a handful of constants and a node per entry (std::unordered_multimap) cost more than the lookups.
class ConstIndex {
 public:
  // An index whose constant `same(index)` accepts among those with `hash`, or -1 (codegen adds only constants
  // it did not find, so at most one matches there).
  template <class Same>
  int find(size_t hash, Same same) const {
    if (slots_.empty()) return -1;
    size_t mask = slots_.size() - 1;
    for (size_t i = home(hash); slots_[i].index >= 0; i = (i + 1) & mask)
      if (slots_[i].hash == hash && same(slots_[i].index)) return slots_[i].index;
    return -1;
  }
  // The lowest such index, for a list that may hold equal constants twice (NaNs, which codegen never merges).
  template <class Same>
  int find_lowest(size_t hash, Same same) const {
    if (slots_.empty()) return -1;
    size_t mask = slots_.size() - 1;
    int found = -1;
    for (size_t i = home(hash); slots_[i].index >= 0; i = (i + 1) & mask)
      if (slots_[i].hash == hash && (found < 0 || slots_[i].index < found) && same(slots_[i].index))
        found = slots_[i].index;
    return found;
  }
  void insert(size_t hash, int index) {
    if ((count_ + 1) * 2 > slots_.size()) grow();
    size_t mask = slots_.size() - 1;
    size_t i = home(hash);
    while (slots_[i].index >= 0) i = (i + 1) & mask;
    slots_[i] = Slot{hash, index};
    count_++;
  }

 private:
  // key_hash keeps consecutive ints in consecutive low bits, which would pile a module's default values into
  // one long run of slots that every other key landing there must probe through: scramble before masking.
  size_t home(size_t hash) const {
    uint64_t h = static_cast<uint64_t>(hash) * 0x9E3779B97F4A7C15ull;
    return static_cast<size_t>(h ^ (h >> 32)) & (slots_.size() - 1);
  }
  struct Slot {
    size_t hash = 0;
    int index = -1;
  };
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<size_t>(32, 2 * old.size()), Slot{});
    count_ = 0;
    for (const Slot& s : old)
      if (s.index >= 0) insert(s.hash, s.index);
  }
  std::vector<Slot> slots_;
  size_t count_ = 0;
};

}  // namespace minipy
