// Stage 3b: AST -> AST constant folding. Entry point: optimize_ast().
//   in:  a parsed module, the arena it lives in (new nodes and constants are allocated there), and the -O level.
//   out: the same tree, folded the way CPython 3.11's Python/ast_opt.c folds it: unary and binary operators on
//        constants (with its size limits: ints up to 128 bits, strings up to 4096 characters, collections up to
//        256 items), constant subscripts, tuples of constants, `not (a is b)` -> `a is not b`, list/set displays
//        iterated over or tested with `in` turned into tuples/frozensets, and `__debug__`.
// An operation that would raise, or exceed a limit, is simply left for run time. The only failure is a tree nested
// deeper than CPython's compiler accepts (its RecursionError "maximum recursion depth exceeded during
// compilation"), reported here as a SyntaxError so no later stage recurses that deep.
#pragma once
#include <optional>
#include <vector>

#include "compiler/ast.h"
#include "compiler/syntax_error.h"

namespace minipy {

// Folds constants in `module` in place; new nodes go into `arena`; `optimize` is the -O level (for __debug__);
// `future_flags` are the module's CO_FUTURE_* bits: string annotations are left exactly as written.
std::optional<SyntaxError> optimize_ast(ast::Module& module, ast::Arena& arena, int optimize, int future_flags = 0);

// The items of a frozenset constant built from `items` (duplicates dropped), in the order CPython's set table
// iterates them. Exact for ints, bools, floats and tuples of them, whose hashes are fixed; otherwise the source
// order is kept, because string and bytes hashes are randomised per process anyway.
std::vector<ConstRef> frozenset_order(std::vector<ConstRef> items);

// A fresh copy of a constant (containers share their items): the AST's constants die with their arena, while
// folded values and code objects outlive it.
ConstRef copy_const(const Const& c);

}  // namespace minipy
