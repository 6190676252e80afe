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
#include "compiler/syntax_error.h"

namespace minipy {

struct CompileOptions {
  int optimize = 0;  // -O level: 1 drops asserts and __debug__ blocks, 2 also docstrings
};

struct CompileResult {
  std::shared_ptr<const CodeObject> code;  // set on success
  std::optional<SyntaxError> error;        // set on failure
  std::vector<SyntaxWarning> warnings;     // compile-time SyntaxWarnings, in the order CPython issues them
};

CompileResult compile_source(std::string_view source, std::string_view filename, ast::ParseMode mode,
                             const CompileOptions& options = {});
// The stages after parsing, for a tree built elsewhere (compile() of a tree made in Python): `module` lives in
// `arena` and is changed in place (constant folding); `source` gives SyntaxErrors their text line (may be empty).
CompileResult compile_ast(ast::Module& module, ast::Arena& arena, std::string_view filename,
                          std::string_view source, const CompileOptions& options = {});

}  // namespace minipy
