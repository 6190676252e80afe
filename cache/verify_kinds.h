// The `kinds` column of compiler/opcodes.def, parsed once into rules the verifier's abstract interpreter applies
// (cache/verify.cpp). A row says which value kinds an instruction needs where on the stack and which kinds it
// leaves; the grammar is described at the top of opcodes.def. Kept apart from verify.cpp so the stack checker
// reads as "apply the row", and so a unit test can parse every row.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/opcodes.h"

namespace minipy {

// What the verifier knows about one stack slot. ExcInfo: the previous exception PUSH_EXC_INFO saved (None or an
// exception), which POP_EXCEPT restores. CellTuple: a tuple of cells (a closure for MAKE_FUNCTION).
// One list, expanded into the enum and the names opcodes.def's `kinds` column spells them with.
#define MINIPY_VALUE_KINDS(X) \
  X(Any) X(Null) X(MaybeNull) X(Code) X(Tuple) X(List) X(Set) X(Dict) X(Str) X(Int) X(Iter) X(Exc) X(ExcInfo) \
  X(Cell) X(CellTuple)
enum class ValueKind : uint8_t {
#define MINIPY_VALUE_KIND_ENUMERATOR(name) name,
  MINIPY_VALUE_KINDS(MINIPY_VALUE_KIND_ENUMERATOR)
#undef MINIPY_VALUE_KIND_ENUMERATOR
};

// A stack depth in a row: `add`, plus the oparg when `uses_oparg` (1 = top of stack).
struct DepthTerm {
  bool uses_oparg = false;
  int add = 0;
  int at(int oparg) const { return (uses_oparg ? oparg : 0) + add; }
};

// "Kind@depth" / "Kind@lo..hi" / "Kind|Kind@depth". `kinds` is a bit set over ValueKind; Value and Opt are
// not kinds but the two looser demands: a real value (not NULL), or merely an item at that depth.
struct StackRequirement {
  enum class Demand : uint8_t { OneOf, Value, Opt } demand = Demand::OneOf;
  uint32_t kinds = 0;
  DepthTerm low, high;
};

// One pushed item: a kind, or a copy of the item that was at `copy_of` before the instruction.
struct StackResult {
  bool is_copy = false;
  ValueKind kind = ValueKind::Any;
  DepthTerm copy_of;
};

struct StackRule {
  std::vector<StackRequirement> requirements;
  std::vector<StackResult> results;  // bottom to top, aligned with the top of the pushed items
};

// The parsed rule of opcode `opcode` (every real opcode has one; rows are parsed on first use).
const StackRule& stack_rule(int opcode);

// The first row of opcodes.def whose kinds text does not parse, as "NAME: why"; empty when all do.
std::string check_kinds_column();

}  // namespace minipy
