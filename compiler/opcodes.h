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

// The `flow` column: where control goes after an instruction.
enum class OpFlow : uint8_t { NEXT, BRANCH, JUMP, STOP };
// The `context` column: the kind of code object an opcode may appear in (see opcodes.def).
enum class OpContext : uint8_t { ANY, GENERATOR, ASYNC, ASYNC_GENERATOR, PROLOGUE, NAMESPACE };

inline constexpr int kOpargMax = 0x7FFFFFFF;  // the `arg_max` of opcodes that accept any oparg

enum class Opcode : uint16_t {
#define OPCODE(name, number, cache_entries, vm, ...) name = number,
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
  int arg_min, arg_max;    // the opargs the interpreter loop accepts
  OpFlow flow;
  OpContext context;
  std::string_view kinds;  // the verifier's stack requirements and result kinds (grammar in opcodes.def)
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
#define OPCODE(name, number, cache_entries, vm, operand, arg_min, arg_max, pops, pushes, jump_pushes, flow, context, \
               kinds, meaning)                                                                                  \
  t[number] = OpcodeInfo{#name,           cache_entries,    Operand::operand,    false, MINIPY_OPCODE_VM_##vm, \
                         arg_min,         arg_max,          OpFlow::flow,        OpContext::context, kinds, meaning};
#define PSEUDO(name, number, operand, effect, jump_effect, meaning) \
  t[number] = OpcodeInfo{#name, 0, Operand::operand, true, false, 0, kOpargMax, OpFlow::NEXT, OpContext::ANY, "", meaning};
#include "compiler/opcodes.def"
  return t;
}
}  // namespace detail

inline constexpr std::array<OpcodeInfo, kOpcodeCount> kOpcodeTable = detail::make_opcode_table();

// The SPECIALIZED rows of opcodes.def: the interpreter's in-memory forms of a base opcode (never in co_code).
enum class SpecializedOpcode : uint8_t {
#define SPECIALIZED(name, number, base, meaning) name = number,
#include "compiler/opcodes.def"
};
// Indexed by an opcode byte of the interpreter's bytecode: the base opcode of a specialised form, else the
// byte itself. What a tracer runs and what tells a specialised instruction's cache entries.
inline constexpr std::array<uint8_t, 256> kBaseOpcode = [] {
  std::array<uint8_t, 256> base{};
  for (int i = 0; i < 256; i++) base[i] = static_cast<uint8_t>(i);
#define SPECIALIZED(name, number, base_name, meaning) base[number] = static_cast<uint8_t>(Opcode::base_name);
#include "compiler/opcodes.def"
  return base;
}();

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

// Stack items a real opcode `op` with `oparg` consumes (the `pops` column; 0 for pseudo-instructions).
constexpr int stack_pops(Opcode op, int oparg) {
  switch (op) {
#define OPCODE(name, number, cache_entries, vm, operand, arg_min, arg_max, pops, pushes, jump_pushes, ...) \
  case Opcode::name: return pops;
#include "compiler/opcodes.def"
    default: return 0;
  }
}
// Stack items it leaves on the edge selected by `jumping` (the `pushes` / `jump_pushes` columns).
constexpr int stack_pushes(Opcode op, int oparg, bool jumping) {
  switch (op) {
#define OPCODE(name, number, cache_entries, vm, operand, arg_min, arg_max, pops, pushes, jump_pushes, ...) \
  case Opcode::name: return jumping ? (jump_pushes) : (pushes);
#include "compiler/opcodes.def"
    default: return 0;
  }
}

// Stack depth change of `op` with `oparg`; `jumping` selects the effect on the jump edge. Real opcodes: pushes
// minus pops; pseudo-instructions: their effect columns.
constexpr int stack_effect(Opcode op, int oparg, bool jumping) {
  switch (op) {
#define OPCODE(name, number, cache_entries, vm, operand, arg_min, arg_max, pops, pushes, jump_pushes, ...) \
  case Opcode::name: return (jumping ? (jump_pushes) : (pushes)) - (pops);
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
