// Internal to the marshal writer: structural identity of marshal values, which decides what the writer shares
// through back-references, and a code object's fields as marshal values.
#pragma once
#include <cstddef>
#include <unordered_map>

#include "compiler/code_object.h"
#include "compiler/constant.h"

namespace minipy {

// A value plus its structural hash. Two keys are equal when marshal may write one as a reference to the other:
// same kind, same contents (floats bit for bit), same interned-ness for strings, code objects only when they
// are the same object.
struct ValueKey {
  const Const* value;
  size_t hash;
  friend bool operator==(const ValueKey& a, const ValueKey& b);
};
struct ValueKeyHash {
  size_t operator()(const ValueKey& k) const { return k.hash; }
};

// The objects a code object marshals as, in field order. Strings carry the interned-ness CPython gives them:
// names and identifiers are interned; the file name and the <module>/<lambda>/... names are not; a qualname
// equal to the name is the name's object.
struct CodeFields {
  ConstRef code, consts, names, localsplusnames, localspluskinds, filename, name, qualname, linetable,
      exceptiontable;
};

// Memoises hashes and code fields for the lifetime of one marshal call (the values it points into must
// outlive it).
class ValueKeys {
 public:
  ValueKey key(const Const& value);
  const CodeFields& fields_of(const CodeObject& code);

 private:
  size_t hash_of(const Const& value);
  std::unordered_map<const Const*, size_t> hashes_;
  std::unordered_map<const CodeObject*, CodeFields> fields_;
};

}  // namespace minipy
