// Node builders for the grammar actions in parser.y: each takes the ParseContext, the parts the rule matched and
// their spans, checks what CPython's grammar checks at that point (assignment targets, parameter order, call
// argument order) and returns the arena node, or nullptr after recording the SyntaxError in the context.
#pragma once
#include <utility>
#include <vector>

#include "compiler/parse_context.h"

namespace minipy::front {

template <class T, class Base, class... Fields>
T* make_node(ParseContext& ctx, Span span, Fields&&... fields) {
  Base head{T::kKind, span.loc()};
  return ctx.arena.make<T>(head, std::forward<Fields>(fields)...);
}
template <class T, class... Fields>
T* make_expr(ParseContext& ctx, Span span, Fields&&... fields) {
  return make_node<T, ast::Expr>(ctx, span, std::forward<Fields>(fields)...);
}
template <class T, class... Fields>
T* make_stmt(ParseContext& ctx, Span span, Fields&&... fields) {
  return make_node<T, ast::Stmt>(ctx, span, std::forward<Fields>(fields)...);
}
template <class T>
ast::List<T> to_list(ParseContext&, const Vec<T*>& items) {
  return {items.data, items.count};
}
// A list that lives in the arena already (grammar lists do) is used in place; others are copied into it.
template <class T>
ast::List<T> to_list(ParseContext& ctx, std::span<T* const> items) {
  if (items.empty()) return {};
  auto* p = static_cast<T**>(ctx.arena.allocate(sizeof(T*) * items.size(), alignof(T*)));
  std::copy(items.begin(), items.end(), p);
  return {p, items.size()};
}
template <class T>
ast::List<T> to_list(ParseContext& ctx, const std::vector<T*>& items) {
  return ctx.arena.list(items);
}

ast::Identifier identifier(ParseContext& ctx, int token);
ast::Identifier join_dotted(ParseContext& ctx, std::span<const int> name_tokens);
ast::Expr* make_name(ParseContext& ctx, int token);
ast::Expr* make_constant(ParseContext& ctx, ConstRef value, Span span);
ast::Expr* make_number(ParseContext& ctx, int token);
// Adjacent string literals tokens [first, last]: a Constant or an f-string JoinedStr (parse_literals.cpp).
ast::Expr* make_strings(ParseContext& ctx, int first, int last, Span span);
ast::Expr* make_tuple_expr(ParseContext& ctx, std::span<ast::Expr* const> elts, Span span);
ast::Expr* make_list(ParseContext& ctx, std::span<ast::Expr* const> elts, Span span);
// `left op right` for `and`/`or`; `left_span` is the grammar symbol's span of the left operand, which tells a
// parenthesized BoolOp (kept nested) from a chain to extend (`a or b or c` is one BoolOp).
ast::Expr* make_boolop(ParseContext& ctx, ast::BoolOpKind op, ast::Expr* left, Span left_span, ast::Expr* right,
                       Span span);
// `value.name` (a Load attribute) for the name token `name_token`.
ast::Expr* make_attribute(ParseContext& ctx, ast::Expr* value, int name_token, Span span);
// The span from the start of `first` to the end of `last` (e.g. a call's parentheses).
inline Span span_of(Span first, Span last) { return Span{first.line, first.col, last.end_line, last.end_col}; }
ast::Expr* make_binop(ParseContext& ctx, ast::Expr* left, ast::OperatorKind op, ast::Expr* right, Span span);
ast::Expr* make_compare(ParseContext& ctx, ast::Expr* left,
                        std::span<const CmpItem> rest, Span span);
ast::Expr* make_named_expr(ParseContext& ctx, ast::Expr* target, ast::Expr* value, Span span);
ast::Expr* make_slice(ParseContext& ctx, ast::Expr* lower, ast::Expr* upper, ast::Expr* step, Span span);
ast::Expr* make_comprehension_expr(ParseContext& ctx, ast::ExprKind kind, ast::Expr* elt, ast::Expr* value,
                                   std::span<ast::Comprehension* const> generators, Span span);
ast::Expr* make_brace_display(ParseContext& ctx, std::span<const BraceItem> items, Span span);

// Where a target appears decides CPython's wording of the error for an invalid one.
enum class TargetUse { Assign, AugAssign, Annotated, For, With, Delete, Comprehension };
// Turns a Load expression into a Store/Del target in place; records CPython's error when it cannot be one.
bool set_target(ParseContext& ctx, ast::Expr* target, TargetUse use);

// `lambda_colon` is the span of a lambda's ':' (CPython reports some lambda parameter errors there); nullptr for def.
ast::Arguments* build_arguments(ParseContext& ctx, std::span<const ParamItem> items, const Span* lambda_colon = nullptr);
// `func(args)`; `parens` spans the parentheses (a sole generator argument takes their position).
ast::Expr* build_call(ParseContext& ctx, ast::Expr* func, std::span<CallArg> args, Span parens, Span span);
ast::Stmt* build_class(ParseContext& ctx, int name_token, std::span<CallArg> args, bool has_parens, Span parens,
                       const Vec<ast::Stmt*>& body, Span span);
ast::Stmt* build_assign(ParseContext& ctx, const Vec<ast::Expr*>& targets, ast::Expr* value, Span span);
ast::Stmt* build_annassign(ParseContext& ctx, ast::Expr* target, ast::Expr* annotation, ast::Expr* value,
                           Span stmt_span);
ast::Stmt* build_augassign(ParseContext& ctx, ast::Expr* target, ast::OperatorKind op, ast::Expr* value, Span span);

// ---- parse_match.cpp: patterns of the `match` statement, and try/except* ----
ast::Pattern* make_sequence_pattern(ParseContext& ctx, std::span<ast::Pattern* const> items, Span span);
ast::Pattern* make_star_pattern(ParseContext& ctx, int name_token, Span span);
ast::Pattern* make_as_pattern(ParseContext& ctx, ast::Pattern* pattern, int name_token, Span span);
ast::Pattern* make_or_pattern(ParseContext& ctx, std::span<ast::Pattern* const> alternatives, Span span);
ast::Pattern* make_value_pattern(ParseContext& ctx, ast::Expr* value, Span span);
ast::Pattern* make_singleton_pattern(ParseContext& ctx, ConstRef value, Span span);
ast::Pattern* make_capture_pattern(ParseContext& ctx, int name_token, Span span);
ast::Pattern* make_mapping_pattern(ParseContext& ctx, std::span<const KeyPatternItem> items, Span span);
ast::Pattern* make_class_pattern(ParseContext& ctx, ast::Expr* cls, std::span<const ClassPatternArg> args, Span span);
// `real +/- imag` in a pattern: CPython requires a real left operand and an imaginary right one.
ast::Expr* make_complex_literal(ParseContext& ctx, ast::Expr* real, ast::OperatorKind op, int imag_token,
                                Span imag_span, Span span);
// A Try, or a TryStar when the handlers are `except*` ones (mixing both kinds is an error).
ast::Stmt* build_try(ParseContext& ctx, const Vec<ast::Stmt*>& body, const Vec<ast::ExceptHandler*>& handlers,
                     const Vec<ast::Stmt*>& orelse, const Vec<ast::Stmt*>& finalbody, Span span);

// ---- parse_build_stmt.cpp: statements and the other one-line actions of parser.y ----
// The parse's Module for compile()'s `mode`: `body` for exec/single, `expression` for eval; stored in ctx.module.
void finish_module(ParseContext& ctx, ast::ParseMode mode, const Vec<ast::Stmt*>& body, ast::Expr* expression);
// `del targets` (each checked as a deletion target).
ast::Stmt* build_delete(ParseContext& ctx, const Vec<ast::Expr*>& targets, Span span);
// `global names` or, with `nonlocal` set, `nonlocal names`, from the names' tokens.
ast::Stmt* make_global(ParseContext& ctx, const Vec<int>& name_tokens, bool nonlocal, Span span);
// An import alias `name [as asname]`; `asname_token` is -1 without `as`.
ast::Alias* make_alias(ParseContext& ctx, ast::Identifier name, int asname_token, Span span);
// `from <level dots><module> import names`; `module_tokens` is nullptr for `from . import x`.
ast::Stmt* make_import_from(ParseContext& ctx, int level, const Vec<int>* module_tokens,
                            const Vec<ast::Alias*>& names, Span span);
// `-NUMBER` in a pattern: a USub UnaryOp over the number token's constant.
ast::Expr* make_negative_number(ParseContext& ctx, int number_token, Span span);
// The constant of a `None`, `True`, `False` or `...` token.
ast::Expr* make_keyword_constant(ParseContext& ctx, int token, Span span);
// `for target in iter: body else: orelse` (the target checked as a for target).
ast::Stmt* build_for(ParseContext& ctx, ast::Expr* target, ast::Expr* iter, const Vec<ast::Stmt*>& body,
                     const Vec<ast::Stmt*>& orelse, Span span);
// An `except [*] [type [as name]]: body` clause; `name_token` is -1 without `as`.
ast::ExceptHandler* make_handler(ParseContext& ctx, ast::Expr* type, int name_token, const Vec<ast::Stmt*>& body,
                                 bool is_star, Span span);
// `def name(params) -> returns: body` (returns may be nullptr), parameters checked by build_arguments.
ast::Stmt* build_funcdef(ParseContext& ctx, int name_token, const Vec<ParamItem>& params, ast::Expr* returns,
                         const Vec<ast::Stmt*>& body, Span span);
// `lambda params: body`; `colon` is the span of its ':' (some parameter errors point there).
ast::Expr* build_lambda(ParseContext& ctx, const Vec<ParamItem>& params, Span colon, ast::Expr* body, Span span);
// Attaches `decorators` to a FunctionDef/AsyncFunctionDef/ClassDef and returns it.
ast::Stmt* decorate(ParseContext& ctx, const Vec<ast::Expr*>& decorators, ast::Stmt* definition);
// Turns a def/for/with into its async kind spanning `span` (from the `async` keyword).
ast::Stmt* make_async(ParseContext& ctx, ast::Stmt* statement, ast::StmtKind async_kind, Span span);
// One `[async] for target in iter if ...` clause of a comprehension (the target checked).
ast::Comprehension* make_comprehension(ParseContext& ctx, ast::Expr* target, ast::Expr* iter,
                                       std::span<ast::Expr* const> ifs, bool is_async);

// CPython's name for an expression kind in messages ("function call", "literal", ...).
const char* expr_description(const ast::Expr* e);

}  // namespace minipy::front
