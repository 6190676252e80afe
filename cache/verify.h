// The checks bytecode read from bytes (a pyc, marshal.loads) passes before the VM runs it. The interpreter loop,
// like CPython's, trusts every oparg and its stack; a damaged or crafted pyc must never reach it unchecked.
// verify_code checks one code object's structure (opcodes, operand indexes, jumps, exception table),
// verify_stack_use runs it abstractly over a stack of value kinds, verify_tree does both for every code object
// in a module's tree once. Each fails with the reason — the reason an import prints under -v / -X
// explain_cache before it recompiles from source.
//
// The checks read a CodeView, not a CodeObject: the one-pass pyc loader (cache/marshal_read.h) builds the VM's
// objects directly and never holds a compiler CodeObject with its constants, so what the verifier needs of a
// code object — its bytes, counts and a few facts about each constant — is named here once, and both shapes of
// code (compiler output, loader output) are checked by the same code.
#pragma once
#include <span>
#include <string>
#include <string_view>

#include "compiler/code_object.h"
#include "compiler/opcodes.h"
#include "compiler/result.h"

namespace minipy {

// Whether the interpreter loop implements `opcode` (the verifier refuses code that uses others; the loop's
// dispatch table is built from the same `vm` column of compiler/opcodes.def).
bool opcode_supported(int opcode);

// What the verifier needs of one constant: its kind, a tuple's length and whether it holds only strs (KW_NAMES
// reads its operand as a tuple of names), a code constant's free-variable count (MAKE_FUNCTION's closure).
struct ConstShape {
  enum class Kind : uint8_t { Other, Int, Str, Tuple, Code } kind = Kind::Other;
  int size = -1;
  int nfrees = 0;
  bool all_str = false;
};

// What the verifier reads of one code object (views into memory the caller keeps alive). The number of
// local-plus slots is localspluskinds' length: the caller has checked there is one name per kind.
struct CodeView {
  int32_t argcount = 0, posonlyargcount = 0, kwonlyargcount = 0, stacksize = 0, flags = 0;
  std::string_view code, localspluskinds, exceptiontable;
  int nnames = 0;
  bool first_local_is_dot0 = false;  // a comprehension's iterator argument `.0` (LOAD_FAST 0 yields an iterator)
  std::span<const ConstShape> consts;
};

// How many of `localspluskinds` are free variables (the closure a function of this code needs).
int count_free_slots(std::string_view localspluskinds);
// The shape of compiler constant `c`.
ConstShape const_shape(const Const& c);
// Both passes (verify_code's structure, then verify_stack_use's abstract run) over `code`.
Result<Ok> verify_code_view(const CodeView& code);

// Checks one code object's structure: every opcode supported, every oparg in range, jumps inside the code,
// EXTENDED_ARG well formed, exception table entries in range. The failure names the first problem.
Result<Ok> verify_code(const CodeObject& code);
// Runs `code` (one code object, not its nested ones) abstractly and returns why its stack use is unsafe for
// the interpreter loop. For code that already passed verify_code.
Result<Ok> verify_stack_use(const CodeObject& code);
// Every code object in `root`'s tree not yet verified must pass verify_code and verify_stack_use before any
// of it runs; marks them verified. The failure is the first problem found.
Result<Ok> verify_tree(const CodeObject& root);

}  // namespace minipy
