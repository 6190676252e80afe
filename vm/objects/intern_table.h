// The interpreter's table of interned strs (sys.intern, identifiers, names read from code): open addressing
// over (key, str) pairs, the key a cheap hash of the UTF-8 text (InternTable::key_of). Interned strs live as
// long as the interpreter: nothing is ever removed. (A std::unordered_map<string_view, StrObject*> cost start-up
// 0.3M instructions of its 2.5M in hashing and chasing nodes.)
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "vm/objects/objects.h"

namespace minipy {

class Tracer;

class InternTable {
 public:
  // The interned str with text `utf8` (whose key is `key`, see key_of), or nullptr.
  StrObject* find(std::string_view utf8, uint64_t key) const {
    if (slots_.empty()) return nullptr;
    size_t mask = slots_.size() - 1;
    for (size_t i = key & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (!slot.str) return nullptr;
      if (slot.key == key && slot.str->view() == utf8) return slot.str;
    }
  }
  // Adds `s` (not present yet) under `key`.
  void insert(StrObject* s, uint64_t key);
  size_t size() const { return count_; }
  void trace(Tracer& tracer) const;  // every interned str is a root

  static uint64_t key_of(std::string_view utf8);

 private:
  struct Slot {
    uint64_t key;
    StrObject* str;  // nullptr: empty
  };
  std::vector<Slot> slots_;  // a power of two in size, at most half full
  size_t count_ = 0;
};

}  // namespace minipy
