// The slot <-> dunder table (vm/objects/slot_dunders.def) as a constexpr array, for the two files that read it:
// slot_wrappers.cpp (a builtin type's methods for its slots) and slots.cpp (a Python class's slots for its
// methods). Only those two include this header.
#pragma once
#include <cstddef>

#include "vm/object.h"

namespace minipy {

// Which Type slot a row stands for (one value per Type field; kBinary and kInplace take the row's `op`).
enum class Slot {
  kNegative, kPositive, kAbsolute, kInvert, kToInt, kToFloat, kIndex, kTruth, kBinary, kInplace, kDivmod,
  kConcat, kRepeat, kGetItem, kSetItem, kLength, kContains, kIter, kNext, kCall, kDescrGet, kDescrSet, kRepr,
  kHash, kStr, kRichCompare, kGetAttr, kSetAttr, kNew, kInit, kDel,
};

// How the Python arguments of a builtin type's slot method reach the slot.
enum class Wrap {
  kNone,      // no method is made from the row
  kUnary,     // f()            -> slot(self)
  kInquiry,   // f()            -> bool(slot(self))
  kLength,    // f()            -> int(slot(self))
  kNext,      // f()            -> slot(self), StopIteration at the end
  kLeft,      // f(other)       -> slot(self, other)
  kRight,     // f(other)       -> slot(other, self)
  kPowLeft,   // f(other, mod=None)
  kPowRight,  // f(other, mod=None), reflected
  kContains,  // f(item)        -> bool(slot(self, item))
  kSetItem,   // f(key, value)  -> slot(self, key, value)
  kDelItem,   // f(key)         -> slot(self, key, <no value>)
  kInit,      // f(*args, **kw) -> slot(self, args, kwnames), None
  kCall,      // f(*args, **kwargs) -> slot(self, args, kwargs)
  kDescrGet,  // f(instance, owner=None); None for either means absent, not both
  kHash,      // f()            -> int(slot(self))
};

struct SlotRow {
  const char* name;
  Slot slot;
  Wrap wrap;
  int op;
  const char* signature;  // __text_signature__ of the builtin types' method: "($self, value, /)"
  const char* doc;        // its __doc__: "Return self+value."
};

inline constexpr SlotRow kSlotDunders[] = {
#define SLOT_DUNDER(name, slot, wrap, op, signature, doc) {name, slot, wrap, op, signature, doc},
#include "vm/objects/slot_dunders.def"
};
inline constexpr size_t kSlotDunderCount = std::size(kSlotDunders);

}  // namespace minipy
