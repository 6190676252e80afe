// CPython 3.11 opcodes, expanded from opcodes.def (the single source of truth for every opcode fact).
#pragma once
#include <array>
#include <cstdint>
#include <string_view>

namespace minipy {

// What an instruction's oparg refers to; drives the verifier, the assembler and dis.
enum class Operand : uint8_t {
  NONE, NUMBER, CONST, NAME, GLOBAL_NAME, LOCAL, CELL, JUMP_FORWARD, JUMP_BACKWARD, COMPARE, BINARY_OP
};

enum class Opcode : uint16_t {
#define OPCODE(name, number, cache_entries, vm, operand, effect, jump_effect, meaning) name = number,
#define PSEUDO(name, number, operand, effect, jump_effect, meaning) name = number,
#include "compiler/opcodes.def"
};

inline constexpr int kHaveArgument = 90;       // opcodes >= this take an oparg (opcode.HAVE_ARGUMENT)
inline constexpr int kFirstPseudoOpcode = 256; // compiler-only instructions start here
inline constexpr int kOpcodeCount = 266;

struct OpcodeInfo {
  std::string_view name;   // empty for unused numbers
  uint8_t cache_entries;   // inline CACHE code units after the instruction
  Operand operand;
  bool is_pseudo;
  bool implemented_by_vm;  // the `vm` column: the interpreter loop has a handler for it
  std::string_view meaning;
};

// The `vm` column's two values, as expressions and as "expand only for implemented opcodes" switches (the
// dispatch table in vm/interp/eval.cpp uses the latter to take label addresses of implemented opcodes only).
#define MINIPY_OPCODE_VM_VM true
#define MINIPY_OPCODE_VM_NO false
#define MINIPY_IF_VM_VM(...) __VA_ARGS__
#define MINIPY_IF_VM_NO(...)

namespace detail {
constexpr std::array<OpcodeInfo, kOpcodeCount> make_opcode_table() {
  std::array<OpcodeInfo, kOpcodeCount> t{};
#define OPCODE(name, number, cache_entries, vm, operand, effect, jump_effect, meaning) \
  t[number] = OpcodeInfo{#name, cache_entries, Operand::operand, false, MINIPY_OPCODE_VM_##vm, meaning};
#define PSEUDO(name, number, operand, effect, jump_effect, meaning) \
  t[number] = OpcodeInfo{#name, 0, Operand::operand, true, false, meaning};
#include "compiler/opcodes.def"
  return t;
}
}  // namespace detail

inline constexpr std::array<OpcodeInfo, kOpcodeCount> kOpcodeTable = detail::make_opcode_table();

inline constexpr const OpcodeInfo& opcode_info(Opcode op) { return kOpcodeTable[static_cast<int>(op)]; }
inline constexpr bool is_defined_opcode(int number) {
  return number >= 0 && number < kOpcodeCount && !kOpcodeTable[number].name.empty();
}
inline constexpr bool has_arg(Opcode op) { return static_cast<int>(op) >= kHaveArgument; }
inline constexpr int cache_entries(Opcode op) { return kOpcodeTable[static_cast<int>(op)].cache_entries; }
inline constexpr bool is_jump(Opcode op) {
  Operand k = opcode_info(op).operand;
  return k == Operand::JUMP_FORWARD || k == Operand::JUMP_BACKWARD;
}

// Stack depth change of `op` with `oparg`; `jumping` selects the effect on the jump edge.
constexpr int stack_effect(Opcode op, int oparg, bool jumping) {
  switch (op) {
#define OPCODE(name, number, cache_entries, vm, operand, effect, jump_effect, meaning) \
  case Opcode::name: return jumping ? (jump_effect) : (effect);
#define PSEUDO(name, number, operand, effect, jump_effect, meaning) \
  case Opcode::name: return jumping ? (jump_effect) : (effect);
#include "compiler/opcodes.def"
  }
  return 0;
}

// The largest of the two effects: what dis.stack_effect(op, oparg) reports.
constexpr int max_stack_effect(Opcode op, int oparg) {
  int a = stack_effect(op, oparg, false), b = stack_effect(op, oparg, true);
  return a > b ? a : b;
}

// Binary operator numbers (BINARY_OP oparg) and their symbols; in-place forms are number + kInplaceOffset.
inline constexpr int kInplaceOffset = 13;
// The symbols indexed by oparg (compiler/binary_ops.def lists them in AST order).
inline constexpr std::array<std::string_view, kInplaceOffset> kBinaryOpSymbols = [] {
  std::array<std::string_view, kInplaceOffset> symbols{};
#define BINARY_OP(ast_name, oparg, slot, symbol, stem) symbols[oparg] = symbol;
#include "compiler/binary_ops.def"
  return symbols;
}();
// The dunder stems ("add" for __add__, __radd__, __iadd__) indexed by oparg.
inline constexpr std::array<std::string_view, kInplaceOffset> kBinaryOpDunderStems = [] {
  std::array<std::string_view, kInplaceOffset> stems{};
#define BINARY_OP(ast_name, oparg, slot, symbol, stem) stems[oparg] = stem;
#include "compiler/binary_ops.def"
  return stems;
}();
// COMPARE_OP oparg -> operator text.
inline constexpr std::array<std::string_view, 6> kCompareOpSymbols = {"<", "<=", "==", "!=", ">", ">="};

}  // namespace minipy
