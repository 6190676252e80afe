// Stage 5: AST + symbol table -> instruction graphs -> code objects. Entry point: codegen().
//   in:  the optimised module, its symbol table, the file name and the -O level, and the assembler to call on
//        each finished compiler unit (innermost first, as CPython's compile.c does, because a nested code object
//        is a constant of its parent).
//   out: the module's CodeObject, or a SyntaxError for errors CPython reports while compiling ('return' outside
//        function, 'break' outside loop, ...).
// Codegen emits exactly what CPython 3.11's compile.c emits before its assemble(): pseudo jumps, SETUP_* /
// POP_BLOCK, cell/free opargs as indexes into cellvars+freevars, and no CACHE / EXTENDED_ARG / prefix
// instructions (see instr.h).
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string_view>

#include "compiler/ast.h"
#include "compiler/code_object.h"
#include "compiler/instr.h"
#include "compiler/symtable.h"
#include "compiler/syntax_error.h"

namespace minipy {

using AssembleFn = std::function<std::shared_ptr<CodeObject>(CompilerUnit&)>;

// `from __future__ import ...` at the top of a module (CPython's future.c); the CO_FUTURE_* bits are in symtable.h.
struct FutureFeatures {
  int flags = 0;    // CO_FUTURE_* bits; every code object of the module carries them in co_flags
  int lineno = -1;  // line of the last valid future import; a later one is an error
};
struct FutureResult {
  FutureFeatures features;
  std::optional<SyntaxError> error;  // unknown feature, "not a chance", or a future import after other code
};

// Reads the future imports that open `module`; `filename` goes into error messages.
FutureResult future_features(const ast::Module& module, std::string_view filename);

// An annotation as the string `from __future__ import annotations` stores (CPython's ast_unparse.c).
std::string unparse_annotation(const ast::Expr* e);

struct CodegenResult {
  std::shared_ptr<const CodeObject> code;  // set on success
  std::optional<SyntaxError> error;        // set on failure
  std::vector<SyntaxWarning> warnings;     // compile.c's compiler_warn() calls, in order
};

// Generates code for `module` using `symbols`; `filename` and `optimize` (the -O level) are recorded in the code
// objects and decide docstrings/asserts; `assemble` turns each finished unit into a code object; `future` is what
// future_features() found.
CodegenResult codegen(const ast::Module& module, const SymbolTable& symbols, std::string_view filename,
                      int optimize, const AssembleFn& assemble, const FutureFeatures& future = {});

}  // namespace minipy
