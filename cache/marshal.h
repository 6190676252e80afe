// marshal: CPython 3.11's serialisation format (version 4) for code objects and their constants, the body of
// every .pyc file.
//
// Writing takes a CodeObject (or one constant) and returns the bytes python3.11's `marshal.loads` accepts.
// The output is a pure function of the value: which objects get FLAG_REF and which later occurrences become
// TYPE_REF back-references is decided from the value graph (equal values that occur more than once are
// shared), never from addresses or reference counts as CPython's writer does, so the same CodeObject always
// marshals to the same bytes. (marshal.dumps of a runtime value imitates the reference counts instead:
// marshal_dumps_constant.)
//
// Reading takes untrusted bytes and returns a CodeObject / constant or a Failure whose message uses
// CPython's words where CPython has them ("marshal data too short", "bad marshal data (unknown type code)",
// ...). Every read is bounds-checked, nesting is capped like CPython's (2000 levels), and the total work is
// bounded by the input size, so no input crashes or exhausts memory. Trailing bytes after the object are
// ignored, as marshal.loads does.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_set>

#include "compiler/code_object.h"
#include "compiler/constant.h"
#include "compiler/result.h"

namespace minipy {

enum class MarshalType : uint8_t {
#define MARSHAL_TYPE(name, byte, meaning) name = static_cast<uint8_t>(byte),
#include "cache/marshal_types.def"
#undef MARSHAL_TYPE
};
inline constexpr uint8_t kMarshalFlagRef = 0x80;
inline constexpr int kMarshalVersion = 4;
inline constexpr int kMarshalMaxDepth = 2000;  // CPython's MAX_MARSHAL_STACK_DEPTH

// The serialised form of `code` (what follows the 16-byte header in a .pyc).
std::string marshal_code(const CodeObject& code);
// The serialised form of one constant `value` (a code constant marshals as its code object) in format
// `version` (marshal.dumps's): below 4 no short ASCII/tuple forms, below 3 no references (FLAG_REF/TYPE_REF)
// and no interned strings, below 2 floats and complex numbers as text.
std::string marshal_constant(const Const& value, int version = kMarshalVersion);
// marshal.dumps of a runtime value, flagging references as CPython's writer does (an object whose reference
// count is above one gets FLAG_REF whether or not it recurs): the caller, which knows what else holds each value,
// names the Consts to flag in `held_elsewhere`; whatever recurs in the value is flagged too. Reference indexes
// count every flagged object.
std::string marshal_dumps_constant(const Const& value, int version,
                                   const std::unordered_set<const Const*>& held_elsewhere);

// What a read produced: the object, and how many bytes it took. The count is part of the answer because trailing
// bytes are not an error to the reader: marshal.load seeks back over them, and a pyc reader refuses them.
template <class T>
struct Unmarshalled {
  T object;
  size_t consumed = 0;
};

// Reads one object from `data`, which must be a code object. The failure's message is CPython's words (e.g.
// "marshal data too short") and its offset where in `data` the reader stopped.
Result<Unmarshalled<std::shared_ptr<const CodeObject>>> unmarshal_code(std::span<const uint8_t> data);
// Reads one constant (any kind a code object may hold, including a code object) from `data`.
Result<Unmarshalled<ConstRef>> unmarshal_constant(std::span<const uint8_t> data);

}  // namespace minipy
