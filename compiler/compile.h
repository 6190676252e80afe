// The whole compiler: source text -> CodeObject. Entry point: compile_source().
//   parse (parse.h) -> optimise the AST (constant folding) -> symbol table -> codegen -> assemble.
// Each stage has its own header; this one strings them together for the cache and the VM.
#pragma once
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "compiler/ast.h"
#include "compiler/code_object.h"
#include "compiler/parse.h"
#include "compiler/result.h"
#include "compiler/syntax_error.h"

namespace minipy {

struct CompileOptions {
  int optimize = 0;  // -O level: 1 drops asserts and __debug__ blocks, 2 also docstrings
  SourceOrigin origin = SourceOrigin::String;  // how CPython would have read the source (parse.h)
  IncompleteInputFlags incomplete = {};         // codeop's compile() flags (parse.h)
  // CO_FUTURE_* bits in force before the source's own future imports: compile()'s flags, or those exec(), eval()
  // and compile() inherit from the calling code (CPython's PyEval_MergeCompilerFlags).
  int future_flags = 0;
};

// The module's code object, or the SyntaxError (IndentationError, TabError, ...) that stopped the compile.
using CompileResult = Result<std::shared_ptr<const CodeObject>, SyntaxError>;

// The SyntaxWarnings a compile issued, in the order CPython issues them. They travel beside the result rather
// than in it because a compile that fails may have warned first, and CPython shows those warnings before the error.
using SyntaxWarnings = std::vector<SyntaxWarning>;

// Compiles `source` (named `filename` in code objects and errors) in `mode`, appending its warnings to `warnings`.
CompileResult compile_source(std::string_view source, std::string_view filename, ast::ParseMode mode,
                             const CompileOptions& options, SyntaxWarnings& warnings);
// The same for callers that show no warnings (the REPL's "is it complete?" trials, stand-in code, tests).
CompileResult compile_source(std::string_view source, std::string_view filename, ast::ParseMode mode,
                             const CompileOptions& options = {});
// The stages after parsing, for a tree built elsewhere (compile() of a tree made in Python): `module` lives in
// `arena` and is changed in place (constant folding); `source` is unused: as in CPython, these stages'
// SyntaxErrors take their text from the file `filename` names, or have none.
CompileResult compile_ast(ast::Module& module, ast::Arena& arena, std::string_view filename,
                          std::string_view source, const CompileOptions& options, SyntaxWarnings& warnings);

}  // namespace minipy
