// Text of a tree exactly as python3.11's `ast.dump(tree, include_attributes=...)` prints it, so tests can compare
// minipy's parser with CPython's character for character.
#pragma once
#include <string>

#include "compiler/ast.h"

namespace minipy {

// Dumps `module` (Module, Expression or Interactive by its mode); with `include_attributes`, every node that has
// positions prints lineno, col_offset, end_lineno and end_col_offset after its fields, as ast.dump does.
std::string ast_dump(const ast::Module& module, bool include_attributes);

}  // namespace minipy
