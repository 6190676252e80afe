// Statement-level node builders for parser.y's actions: the module, imports, global/nonlocal, loops, function
// and lambda definitions, decorators, `async` forms, except handlers and comprehension clauses. They live here
// rather than inline in the grammar so each rule reads as one line: which python.gram rule it mirrors and which
// builder makes its node. Each returns the arena node, or nullptr after recording CPython's SyntaxError in ctx.
#include "compiler/parse_build.h"

namespace minipy::front {

using namespace ast;

void finish_module(ParseContext& ctx, ParseMode mode, const Vec<Stmt*>& body, Expr* expression) {
  auto* m = ctx.arena.make<Module>();
  m->mode = mode;
  m->body = to_list(ctx, body);
  m->expression = expression;
  ctx.module = m;
}

Stmt* build_delete(ParseContext& ctx, const Vec<Expr*>& targets, Span span) {
  for (Expr* t : targets)
    if (!set_target(ctx, t, TargetUse::Delete)) return nullptr;
  return make_stmt<Delete>(ctx, span, to_list(ctx, targets));
}

Stmt* make_global(ParseContext& ctx, const Vec<int>& name_tokens, bool nonlocal, Span span) {
  auto* names = static_cast<Identifier*>(ctx.arena.allocate(sizeof(Identifier) * name_tokens.size(), alignof(Identifier)));
  for (uint32_t i = 0; i < name_tokens.size(); ++i) names[i] = identifier(ctx, name_tokens[i]);
  std::span<const Identifier> list{names, name_tokens.size()};
  if (nonlocal) return make_stmt<Nonlocal>(ctx, span, list);
  return make_stmt<Global>(ctx, span, list);
}

Alias* make_alias(ParseContext& ctx, Identifier name, int asname_token, Span span) {
  return ctx.arena.make<Alias>(span.loc(), name, asname_token < 0 ? Identifier{} : identifier(ctx, asname_token));
}

Stmt* make_import_from(ParseContext& ctx, int level, const Vec<int>* module_tokens, const Vec<Alias*>& names,
                       Span span) {
  Identifier module = module_tokens ? join_dotted(ctx, *module_tokens) : Identifier{};
  return make_stmt<ImportFrom>(ctx, span, module, to_list(ctx, names), level);
}

Expr* make_negative_number(ParseContext& ctx, int number_token, Span span) {
  Expr* n = make_number(ctx, number_token);
  if (!n) return nullptr;
  return make_expr<UnaryOp>(ctx, span, UnaryOpKind::USub, n);
}

Expr* make_keyword_constant(ParseContext& ctx, int token, Span span) {
  switch (ctx.tokens[token].kind) {
    case TokenKind::KwTrue: return make_constant(ctx, Const::boolean(true), span);
    case TokenKind::KwFalse: return make_constant(ctx, Const::boolean(false), span);
    case TokenKind::Ellipsis: return make_constant(ctx, Const::ellipsis(), span);
    default: return make_constant(ctx, Const::none(), span);
  }
}

Stmt* build_for(ParseContext& ctx, Expr* target, Expr* iter, const Vec<Stmt*>& body, const Vec<Stmt*>& orelse,
                Span span) {
  if (!set_target(ctx, target, TargetUse::For)) return nullptr;
  return make_stmt<For>(ctx, span, target, iter, to_list(ctx, body), to_list(ctx, orelse));
}

ExceptHandler* make_handler(ParseContext& ctx, Expr* type, int name_token, const Vec<Stmt*>& body, bool is_star,
                            Span span) {
  Identifier name = name_token < 0 ? Identifier{} : identifier(ctx, name_token);
  return ctx.arena.make<ExceptHandler>(span.loc(), type, name, to_list(ctx, body), is_star);
}

Stmt* build_funcdef(ParseContext& ctx, int name_token, const Vec<ParamItem>& params, Expr* returns,
                    const Vec<Stmt*>& body, Span span) {
  Arguments* args = build_arguments(ctx, params);
  if (!args) return nullptr;
  return make_stmt<FunctionDef>(ctx, span, identifier(ctx, name_token), args, to_list(ctx, body), List<Expr>{},
                                returns);
}

Expr* build_lambda(ParseContext& ctx, const Vec<ParamItem>& params, Span colon, Expr* body, Span span) {
  Arguments* args = build_arguments(ctx, params, &colon);
  if (!args) return nullptr;
  return make_expr<Lambda>(ctx, span, args, body);
}

Stmt* decorate(ParseContext& ctx, const Vec<Expr*>& decorators, Stmt* definition) {
  if (definition->kind == StmtKind::ClassDef)
    static_cast<ClassDef*>(definition)->decorator_list = to_list(ctx, decorators);
  else
    static_cast<FunctionDef*>(definition)->decorator_list = to_list(ctx, decorators);
  return definition;
}

// FunctionDef/For/With and their async forms share a node layout; only the kind and the span (from `async`) change.
Stmt* make_async(ParseContext&, Stmt* statement, StmtKind async_kind, Span span) {
  statement->kind = async_kind;
  statement->loc = span.loc();
  return statement;
}

Comprehension* make_comprehension(ParseContext& ctx, Expr* target, Expr* iter, std::span<Expr* const> ifs,
                                  bool is_async) {
  if (!set_target(ctx, target, TargetUse::Comprehension)) return nullptr;
  return ctx.arena.make<Comprehension>(target, iter, to_list(ctx, ifs), is_async);
}

}  // namespace minipy::front
