// Value-level folding shared by the AST walker (ast_optimize.cpp) and implemented in ast_optimize_values.cpp.
// Each returns nullptr (or nullopt) where CPython's ast_opt.c would leave the expression for run time: the
// operation raises, or its result would exceed ast_opt.c's size limits.
#pragma once
#include <cstdint>
#include <optional>

#include "compiler/ast.h"
#include "compiler/constant.h"

namespace minipy::fold {

// `v <op> w` for constants v and w.
ConstRef fold_binary(ast::OperatorKind op, const Const& v, const Const& w);
// `<op> v` for a constant v.
ConstRef fold_unary(ast::UnaryOpKind op, const Const& v);
// `v[index]` for a constant str, bytes or tuple v and an int index.
ConstRef fold_subscript(const Const& v, const Const& index);
// The int value of an int or bool constant.
std::optional<BigInt> as_int(const Const& c);

}  // namespace minipy::fold
