// Node builders for the `match` statement's patterns and for try/except*: the checks CPython's pattern grammar
// makes while it parses (capture targets, literal forms, argument order) happen here, on nodes the LALR rules
// in parser.y matched. The checks that need the whole pattern (unreachable cases, names bound twice, or-patterns
// binding different names, duplicate mapping keys) are the code generator's, as in CPython's compile.c.
#include <fmt/format.h>

#include "compiler/parse_build.h"

namespace minipy::front {

using namespace ast;

namespace {

template <class T>
// Patterns are arena-allocated like every node; the arena never runs destructors, hence the static_assert.
T* make_pattern(ParseContext& ctx, PatternKind kind, Span span) {
  static_assert(std::is_trivially_destructible_v<T>);
  auto* p = static_cast<T*>(ctx.arena.allocate(sizeof(T), alignof(T)));
  new (p) T{};
  p->kind = kind;
  p->loc = span.loc();
  return p;
}

// A capture target: any name but `_` (the wildcard), which the caller handles.
// `_` is a soft keyword inside patterns: a MatchAs or MatchStar without a name is the wildcard, which binds nothing
// (python.gram's wildcard_pattern).
bool is_wildcard(ParseContext& ctx, int token) { return ctx.token_text(token) == "_"; }

bool is_imaginary(const Expr* e) {
  auto* c = e->as<Constant>();
  return c && c->value->is(Const::Kind::Complex);
}

}  // namespace

Pattern* make_sequence_pattern(ParseContext& ctx, std::span<Pattern* const> items, Span span) {
  auto* p = make_pattern<MatchSequence>(ctx, PatternKind::MatchSequence, span);
  p->patterns = to_list(ctx, items);
  return p;
}

Pattern* make_star_pattern(ParseContext& ctx, int name_token, Span span) {
  auto* p = make_pattern<MatchStar>(ctx, PatternKind::MatchStar, span);
  if (!is_wildcard(ctx, name_token)) p->name = identifier(ctx, name_token);
  return p;
}

Pattern* make_as_pattern(ParseContext& ctx, Pattern* pattern, int name_token, Span span) {
  // invalid_as_pattern's first alternative: `... as _` is refused with this message and position.
  if (is_wildcard(ctx, name_token)) {
    ctx.fail("cannot use '_' as a target", ctx.token_span(name_token));
    return nullptr;
  }
  auto* p = make_pattern<MatchAs>(ctx, PatternKind::MatchAs, span);
  p->pattern = pattern;
  p->name = identifier(ctx, name_token);
  return p;
}

Pattern* make_or_pattern(ParseContext& ctx, std::span<Pattern* const> alternatives, Span span) {
  auto* p = make_pattern<MatchOr>(ctx, PatternKind::MatchOr, span);
  p->patterns = to_list(ctx, alternatives);
  return p;
}

Pattern* make_value_pattern(ParseContext& ctx, Expr* value, Span span) {
  auto* p = make_pattern<MatchValue>(ctx, PatternKind::MatchValue, span);
  p->value = value;
  return p;
}

Pattern* make_singleton_pattern(ParseContext& ctx, ConstRef value, Span span) {
  auto* p = make_pattern<MatchSingleton>(ctx, PatternKind::MatchSingleton, span);
  p->value = ctx.arena.keep(std::move(value));
  return p;
}

Pattern* make_capture_pattern(ParseContext& ctx, int name_token, Span span) {
  auto* p = make_pattern<MatchAs>(ctx, PatternKind::MatchAs, span);
  if (!is_wildcard(ctx, name_token)) p->name = identifier(ctx, name_token);
  return p;
}

Pattern* make_mapping_pattern(ParseContext& ctx, std::span<const KeyPatternItem> items, Span span) {
  std::vector<Expr*> keys;
  std::vector<Pattern*> patterns;
  Identifier rest;
  for (size_t i = 0; i < items.size(); ++i) {
    const KeyPatternItem& item = items[i];
    if (item.key) {
      // python.gram's mapping_pattern only allows `**rest` at the end and only once, and never as `**_`; the LALR cover
      // list accepts any order, so the violations are found here. CPython reports them as plain "invalid syntax".
      if (!rest.empty()) {  // `**rest` must come last
        ctx.fail("invalid syntax", item.span);
        return nullptr;
      }
      keys.push_back(item.key);
      patterns.push_back(item.pattern);
      continue;
    }
    if (is_wildcard(ctx, item.rest_token) || !rest.empty()) {
      ctx.fail("invalid syntax", ctx.token_span(item.rest_token));
      return nullptr;
    }
    rest = identifier(ctx, item.rest_token);
  }
  auto* p = make_pattern<MatchMapping>(ctx, PatternKind::MatchMapping, span);
  p->keys = ctx.arena.list(keys);
  p->patterns = ctx.arena.list(patterns);
  p->rest = rest;
  return p;
}

Pattern* make_class_pattern(ParseContext& ctx, Expr* cls, std::span<const ClassPatternArg> args, Span span) {
  std::vector<Pattern*> positional, keyword_patterns;
  std::vector<Identifier> keyword_names;
  for (const ClassPatternArg& arg : args) {
    if (arg.name_token < 0) {
      // invalid_class_pattern's message, at the first positional pattern that follows a keyword one.
      if (!keyword_patterns.empty()) {
        ctx.fail("positional patterns follow keyword patterns", arg.span);
        return nullptr;
      }
      positional.push_back(arg.pattern);
    } else {
      keyword_names.push_back(identifier(ctx, arg.name_token));
      keyword_patterns.push_back(arg.pattern);
    }
  }
  auto* p = make_pattern<MatchClass>(ctx, PatternKind::MatchClass, span);
  p->cls = cls;
  p->patterns = ctx.arena.list(positional);
  p->kwd_attrs = ctx.arena.array(keyword_names);
  p->kwd_patterns = ctx.arena.list(keyword_patterns);
  return p;
}

// A complex literal pattern (`1 + 2j`, `-1 - 2j`) is a BinOp node, as in CPython's AST; ast_optimize folds it into one
// Constant, and codegen refuses any other BinOp in a value pattern. The two messages are python.gram's
// real_number/imaginary_number actions.
Expr* make_complex_literal(ParseContext& ctx, Expr* real, OperatorKind op, int imag_token, Span imag_span,
                           Span span) {
  // The real part may be negated (a UnaryOp); either way it must not be imaginary itself.
  const Expr* real_value = real->kind == ExprKind::UnaryOp ? static_cast<UnaryOp*>(real)->operand : real;
  if (is_imaginary(real_value)) {
    ctx.fail("real number required in complex literal", Span::of(real_value->loc));
    return nullptr;
  }
  Expr* imag = make_number(ctx, imag_token);
  if (!imag) return nullptr;
  if (!is_imaginary(imag)) {
    ctx.fail("imaginary number required in complex literal", imag_span);
    return nullptr;
  }
  return make_binop(ctx, real, op, imag, span);
}

// `except` and `except*` clauses are parsed by one rule; the first clause decides the statement's kind and a clause of
// the other kind is invalid_try_stmt's error.
Stmt* build_try(ParseContext& ctx, const Vec<Stmt*>& body, const Vec<ExceptHandler*>& handlers,
                const Vec<Stmt*>& orelse, const Vec<Stmt*>& finalbody, Span span) {
  bool star = !handlers.empty() && handlers[0]->is_star;
  for (const ExceptHandler* h : handlers) {
    if (h->is_star == star) continue;
    // CPython points at the first handler of the other kind: `except` alone, or `except` through its `*`.
    Span at{h->loc.lineno, h->loc.col_offset, h->loc.lineno, h->loc.col_offset + 6};
    if (h->is_star) {
      std::string_view line = ctx.line_text(h->loc.lineno);
      size_t star_at = line.find('*', static_cast<size_t>(h->loc.col_offset));
      if (star_at != std::string_view::npos) at.end_col = static_cast<int>(star_at) + 1;
    }
    ctx.fail("cannot have both 'except' and 'except*' on the same 'try'", at);
    return nullptr;
  }
  Stmt* s = make_stmt<Try>(ctx, span, to_list(ctx, body), to_list(ctx, handlers), to_list(ctx, orelse),
                           to_list(ctx, finalbody));
  if (star) s->kind = StmtKind::TryStar;
  return s;
}

}  // namespace minipy::front
