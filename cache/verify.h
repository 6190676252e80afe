// The checks bytecode read from bytes (a pyc, marshal.loads) passes before the VM runs it. The interpreter loop,
// like CPython's, trusts every oparg and its stack; a damaged or crafted pyc must never reach it unchecked.
// verify_code checks one code object's structure (opcodes, operand indexes, jumps, exception table),
// verify_stack_use runs it abstractly over a stack of value kinds, verify_tree does both for every code object
// in a module's tree once. Each returns an empty string when the code is acceptable, else the reason — the
// reason an import prints under -v / -X explain_cache before it recompiles from source.
#pragma once
#include <string>

#include "compiler/code_object.h"
#include "compiler/opcodes.h"
#include "compiler/result.h"

namespace minipy {

// Whether the interpreter loop implements `opcode` (the verifier refuses code that uses others; the loop's
// dispatch table is built from the same `vm` column of compiler/opcodes.def).
bool opcode_supported(int opcode);
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
