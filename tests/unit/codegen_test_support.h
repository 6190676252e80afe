// Test support for the symtable and codegen suites: python3.11 as the oracle for both the input and the expected
// output. python3.11 parses each snippet (so these tests do not depend on minipy's parser), serialises its AST in
// a small token form that load_python_ast() rebuilds in an ast::Arena, and dumps its own code objects in the same
// text form dump_code() produces for minipy's, so the two can be compared line by line.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/ast.h"
#include "compiler/code_object.h"

namespace minipy::test {

// What python3.11 says about one snippet.
struct PythonSnippet {
  std::string ast_tokens;  // the serialised AST (empty if python3.11 could not parse it)
  std::string dump;        // dump_code() form of its code object, or "SyntaxError: msg @line:offset" on error
};

// Runs python3.11 over `sources` (one snippet each, compiled in 'exec' mode). nullopt, after a loud
// "SKIPPED: python3.11 not found", when python3.11 is missing.
// `mode` is compile()'s mode ("exec", "eval", "single") and `optimize` its optimize argument.
std::optional<std::vector<PythonSnippet>> python_snippets(const std::vector<std::string>& sources,
                                                          const std::string& mode = "exec", int optimize = 0);

// Rebuilds the module python3.11 serialised; nullptr (and a failed CHECK) on malformed input.
ast::Module* load_python_ast(const std::string& tokens, ast::Arena& arena);

// The text form: per code object (depth first) a header line, its names, its instructions as "OPNAME arg" (CACHE
// units skipped), constants' reprs, and the location / exception tables in hex when `tables` is set.
std::string dump_code(const CodeObject& code, bool tables);

// Compiles `module` (folding, symtable, codegen, assemble). The dump, or "SyntaxError: msg @line:offset".
std::string compile_and_dump(ast::Module& module, ast::Arena& arena, bool tables, int optimize = 0);

// compile_source() end to end (minipy's own parser included); the dump or "SyntaxError: msg @line:offset".
std::string compile_source_and_dump(const std::string& source, bool tables, ast::ParseMode mode = ast::ParseMode::Exec,
                                    int optimize = 0);

}  // namespace minipy::test
