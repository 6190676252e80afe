// ast.parse(source, feature_version=(3, N)): the grammar of an older Python 3, as CPython 3.11 keeps it.
//
// CPython checks the version inside its parser actions (CHECK_VERSION in python.gram): a construct newer than N
// raises "<subject> only supported in Python 3.M and greater" when its rule is reduced, placed at the last token
// the PEG parser had read by then. minipy parses with the full grammar and checks afterwards, so a parse
// without feature_version pays nothing: a walk over the finished tree visits the nodes in the order CPython
// reduces them (children before parents, in source order) and, for the first feature the version lacks, finds
// that token in the token vector. Which token it is follows from the rule's shape:
//   - an expression's rule has read one token past it (the operator loops look ahead): the token after it;
//   - a compound statement whose block ends the rule (def, with, match) stops at the block's last token, its
//     NEWLINE or closing DEDENT; one with optional trailing clauses (for ... else, try ... finally) has read
//     the token after, unless the last clause was there;
//   - `@=` and numbers are checked on their own token.
// A DEDENT or the end of input has no column in CPython's tokens: the offset is then where the tokenizer
// stood (the indentation of the next line, or the length of the last line), and the end offset -1.
// Below 3.7, `async` and `await` are also plain names outside `async def` (CPython's "async hacks").
#include <fmt/format.h>

#include <algorithm>

#include "compiler/parse_context.h"
#include "compiler/parse_unicode.h"

namespace minipy::front {

namespace {

enum class Feature : uint8_t {
#define MINIPY_FEATURE(id, minor, subject) id,
#include "compiler/feature_versions.def"
};

struct FeatureInfo {
  int minor;            // the first Python 3 minor version that has it
  const char* subject;  // the start of CPython's message
};
constexpr FeatureInfo kFeatures[] = {
#define MINIPY_FEATURE(id, minor, subject) {minor, subject},
#include "compiler/feature_versions.def"
};

// From 3.7 on `async` and `await` are keywords everywhere (CPython passes PyPARSE_ASYNC_HACKS below it).
constexpr int kAsyncKeywordsMinor = 7;

using ast::Expr;
using ast::Stmt;

// A position for ordering tokens and nodes: (line, byte column).
struct Pos {
  int line, col;
  bool operator<(const Pos& o) const { return line != o.line ? line < o.line : col < o.col; }
};
Pos start_of(const ast::Location& l) { return {l.lineno, l.col_offset}; }
Pos end_of(const ast::Location& l) { return {l.end_lineno, l.end_col_offset}; }

class FeatureChecker {
 public:
  explicit FeatureChecker(ParseContext& ctx) : ctx_(ctx), tokens_(ctx.tokens) {
    // Open indentation levels before each token: where a block's closing DEDENT is.
    depth_.reserve(tokens_.size() + 1);
    int depth = 0;
    for (const Token& t : tokens_) {
      depth_.push_back(depth);
      if (t.kind == TokenKind::Indent) ++depth;
      if (t.kind == TokenKind::Dedent) --depth;
    }
    depth_.push_back(depth);
  }

  void module(const ast::Module& m) {
    if (m.expression) expr(m.expression);
    stmts(m.body);
  }
  // The token the recorded error is placed at (-1 while there is none).
  int refused_at() const { return refused_at_; }

 private:
  // Whether the requested grammar lacks `f`.
  bool lacks(Feature f) const { return !ctx_.failed() && ctx_.feature_version < kFeatures[static_cast<int>(f)].minor; }

  // ---- tokens ---------------------------------------------------------------------------------------------------
  int count() const { return static_cast<int>(tokens_.size()); }
  // The first token at or after `p` (the ENDMARKER when none).
  int token_from(Pos p) const {
    auto it = std::lower_bound(tokens_.begin(), tokens_.end(), p,
                               [](const Token& t, Pos q) { return Pos{t.line, t.col} < q; });
    return it == tokens_.end() ? count() - 1 : static_cast<int>(it - tokens_.begin());
  }
  // The first real token at `p` (a node's own first token; INDENT/DEDENT share its position).
  int token_at(Pos p) const {
    int i = token_from(p);
    while (i + 1 < count() && (tokens_[i].kind == TokenKind::Indent || tokens_[i].kind == TokenKind::Dedent)) ++i;
    return i;
  }
  // The token after expression `e`, counting the parentheses of a group around it as its own (a rule that
  // parsed `(e)` has read past the ')').
  int token_after_group(const Expr* e) const {
    int first = token_at(start_of(e->loc)), after = token_from(end_of(e->loc));
    while (first > 0 && tokens_[first - 1].kind == TokenKind::LPar && matching_close(ctx_, first - 1) == after) {
      --first;
      ++after;
    }
    return after;
  }
  // The last token of compound statement `s`: the NEWLINE of a block on the header's line, else the DEDENT
  // that closes its indented block.
  int closing_token(const Stmt* s) const {
    int start = token_at(start_of(s->loc));
    int nl = token_from(end_of(s->loc));
    while (nl + 1 < count() && tokens_[nl].kind != TokenKind::Newline) ++nl;
    int closing = nl + std::max(depth_[nl] - depth_[start], 0);
    return std::min(closing, count() - 1);
  }

  // Records the SyntaxError for `f` at token `idx` as CPython places it.
  void refuse(Feature f, int idx) {
    const FeatureInfo& info = kFeatures[static_cast<int>(f)];
    refused_at_ = idx;
    std::string message = fmt::format("{} only supported in Python 3.{} and greater", info.subject, info.minor);
    const Token& t = tokens_[idx];
    bool implicit_newline = t.kind == TokenKind::Newline && t.begin == t.end;
    bool positionless = t.kind == TokenKind::Dedent || t.kind == TokenKind::EndMarker ||
                        (implicit_newline && ctx_.mode != ast::ParseMode::Exec);
    if (!positionless) {
      // A NEWLINE token ends where it starts: CPython leaves the '\n' out of it.
      Span at = ctx_.token_span(idx);
      if (t.kind == TokenKind::Newline) at = {t.line, t.col, t.line, t.col};
      ctx_.fail(std::move(message), at);
      return;
    }
    int line = t.line, raw = t.col;
    bool at_end = true;
    for (int i = idx; i < count(); ++i)
      at_end &= tokens_[i].kind == TokenKind::Dedent || tokens_[i].kind == TokenKind::EndMarker ||
                (i == idx && implicit_newline);
    if (at_end && !implicit_newline) {
      // The tokenizer stands after the last line it read (exec input gets a newline added when it lacks one).
      std::string_view src = ctx_.source;
      line = static_cast<int>(std::count(src.begin(), src.end(), '\n')) + (src.ends_with('\n') || src.empty() ? 0 : 1);
      raw = static_cast<int>(ctx_.line_text(line).size());
      if (ctx_.mode == ast::ParseMode::Exec && !src.ends_with('\n')) ++raw;
    }
    ctx_.fail(std::move(message), Span{line, 0, line, 0});
    std::string_view text = ctx_.line_text(line);
    int in_line = std::min(raw, static_cast<int>(text.size()));
    ctx_.error->offset = count_chars(text.substr(0, static_cast<size_t>(in_line))) + (raw - in_line);
    ctx_.error->end_offset = -1;
    ctx_.error->offset_zero = ctx_.error->offset == 0;
  }

  // ---- the walk: children in source order, then the node itself ---------------------------------------------------
  void stmts(ast::List<Stmt> list) {
    for (const Stmt* s : list) stmt(s);
  }
  void exprs(ast::List<Expr> list) {
    for (const Expr* e : list) expr(e);
  }
  void opt(const Expr* e) {
    if (e) expr(e);
  }

  void stmt(const Stmt* s);
  void expr(const Expr* e);
  void arguments(const ast::Arguments* a);
  void comprehensions(ast::List<ast::Comprehension> generators);
  void pattern(const ast::Pattern* p);
  void call(const ast::Call* c);

  ParseContext& ctx_;
  const std::vector<Token>& tokens_;
  std::vector<int> depth_;
  int refused_at_ = -1;
};

void FeatureChecker::stmt(const Stmt* s) {
  if (ctx_.failed()) return;
  switch (s->kind) {
    case ast::StmtKind::FunctionDef:
    case ast::StmtKind::AsyncFunctionDef: {
      auto* f = static_cast<const ast::FunctionDef*>(s);
      exprs(f->decorator_list);
      arguments(f->args);
      opt(f->returns);
      stmts(f->body);
      if (s->kind == ast::StmtKind::AsyncFunctionDef && lacks(Feature::AsyncFunctions))
        refuse(Feature::AsyncFunctions, closing_token(s));
      break;
    }
    case ast::StmtKind::ClassDef: {
      auto* c = s->as<ast::ClassDef>();
      exprs(c->decorator_list);
      exprs(c->bases);
      for (const ast::Keyword* k : c->keywords) expr(k->value);
      stmts(c->body);
      break;
    }
    case ast::StmtKind::Return: opt(s->as<ast::Return>()->value); break;
    case ast::StmtKind::Delete: exprs(s->as<ast::Delete>()->targets); break;
    case ast::StmtKind::Assign: {
      auto* a = s->as<ast::Assign>();
      exprs(a->targets);
      expr(a->value);
      break;
    }
    case ast::StmtKind::AugAssign: {
      auto* a = s->as<ast::AugAssign>();
      expr(a->target);
      // CPython checks `@=` as it reads the operator, before the value.
      if (a->op == ast::OperatorKind::MatMult && lacks(Feature::MatMul))
        refuse(Feature::MatMul, token_from(end_of(a->target->loc)));
      expr(a->value);
      break;
    }
    case ast::StmtKind::AnnAssign: {
      auto* a = s->as<ast::AnnAssign>();
      expr(a->target);
      expr(a->annotation);
      opt(a->value);
      Feature f = a->simple ? Feature::SimpleAnnotation : Feature::Annotation;
      if (lacks(f)) refuse(f, token_from(end_of(s->loc)));
      break;
    }
    case ast::StmtKind::For:
    case ast::StmtKind::AsyncFor: {
      auto* f = static_cast<const ast::For*>(s);
      expr(f->target);
      expr(f->iter);
      stmts(f->body);
      stmts(f->orelse);
      // Without an else clause the rule has looked for one in the next token.
      if (s->kind == ast::StmtKind::AsyncFor && lacks(Feature::AsyncFor))
        refuse(Feature::AsyncFor, closing_token(s) + (f->orelse.empty() ? 1 : 0));
      break;
    }
    case ast::StmtKind::While: {
      auto* w = s->as<ast::While>();
      expr(w->test);
      stmts(w->body);
      stmts(w->orelse);
      break;
    }
    case ast::StmtKind::If: {
      auto* i = s->as<ast::If>();
      expr(i->test);
      stmts(i->body);
      stmts(i->orelse);
      break;
    }
    case ast::StmtKind::With:
    case ast::StmtKind::AsyncWith: {
      auto* w = static_cast<const ast::With*>(s);
      for (const ast::WithItem* item : w->items) {
        expr(item->context_expr);
        opt(item->optional_vars);
      }
      stmts(w->body);
      if (s->kind == ast::StmtKind::AsyncWith) {
        if (lacks(Feature::AsyncWith)) refuse(Feature::AsyncWith, closing_token(s));
      } else if (lacks(Feature::ParenthesizedWith)) {
        // `with (` whose ')' is followed by ':' is the parenthesized form, unless the parentheses are the
        // single item's own (a generator expression, a tuple).
        int open = token_at(start_of(s->loc)) + 1;
        int close = tokens_[open].kind == TokenKind::LPar ? matching_close(ctx_, open) : -1;
        bool parenthesized = close > 0 && close + 1 < count() && tokens_[close + 1].kind == TokenKind::Colon &&
                             !(w->items.size() == 1 && token_at(start_of(w->items[0]->context_expr->loc)) == open);
        if (parenthesized) refuse(Feature::ParenthesizedWith, closing_token(s));
      }
      break;
    }
    case ast::StmtKind::Match: {
      auto* m = s->as<ast::Match>();
      expr(m->subject);
      for (const ast::MatchCase* c : m->cases) {
        pattern(c->pattern);
        opt(c->guard);
        stmts(c->body);
      }
      if (lacks(Feature::PatternMatching)) refuse(Feature::PatternMatching, closing_token(s));
      break;
    }
    case ast::StmtKind::Raise: {
      auto* r = s->as<ast::Raise>();
      opt(r->exc);
      opt(r->cause);
      break;
    }
    case ast::StmtKind::Try:
    case ast::StmtKind::TryStar: {
      auto* t = static_cast<const ast::Try*>(s);
      stmts(t->body);
      for (const ast::ExceptHandler* h : t->handlers) {
        opt(h->type);
        stmts(h->body);
      }
      stmts(t->orelse);
      stmts(t->finalbody);
      // Without a finally clause the rule has looked for one (or for else) in the next token.
      if (s->kind == ast::StmtKind::TryStar && lacks(Feature::ExceptionGroups))
        refuse(Feature::ExceptionGroups, closing_token(s) + (t->finalbody.empty() ? 1 : 0));
      break;
    }
    case ast::StmtKind::Assert: {
      auto* a = s->as<ast::Assert>();
      expr(a->test);
      opt(a->msg);
      break;
    }
    case ast::StmtKind::Expr: expr(s->as<ast::ExprStmt>()->value); break;
    case ast::StmtKind::Import:
    case ast::StmtKind::ImportFrom:
    case ast::StmtKind::Global:
    case ast::StmtKind::Nonlocal:
    case ast::StmtKind::Pass:
    case ast::StmtKind::Break:
    case ast::StmtKind::Continue: break;
  }
}

void FeatureChecker::arguments(const ast::Arguments* a) {
  if (!a) return;
  // Each parameter's annotation and default in source order; defaults belong to the last positionals.
  const Expr* last = nullptr;  // the parameter list's last expression (a default), or null
  Pos end{0, 0};
  auto note_end = [&](const ast::Location& loc, const Expr* e) {
    if (end < end_of(loc)) {
      end = end_of(loc);
      last = e;
    }
  };
  size_t positional = a->posonlyargs.size() + a->args.size();
  size_t first_default = positional - a->defaults.size();
  for (size_t i = 0; i < positional; ++i) {
    const ast::Arg* arg = i < a->posonlyargs.size() ? a->posonlyargs[i] : a->args[i - a->posonlyargs.size()];
    opt(arg->annotation);
    note_end(arg->loc, nullptr);
    if (i >= first_default) {
      const Expr* d = a->defaults[i - first_default];
      expr(d);
      note_end(d->loc, d);
    }
  }
  if (a->vararg) {
    opt(a->vararg->annotation);
    note_end(a->vararg->loc, nullptr);
  }
  for (size_t i = 0; i < a->kwonlyargs.size(); ++i) {
    opt(a->kwonlyargs[i]->annotation);
    note_end(a->kwonlyargs[i]->loc, nullptr);
    if (i < a->kw_defaults.size() && a->kw_defaults[i]) {
      expr(a->kw_defaults[i]);
      note_end(a->kw_defaults[i]->loc, a->kw_defaults[i]);
    }
  }
  if (a->kwarg) {
    opt(a->kwarg->annotation);
    note_end(a->kwarg->loc, nullptr);
  }
  if (a->posonlyargs.empty() || !lacks(Feature::PositionalOnly)) return;
  // The rule has read the token after the list: past the trailing ',' and '/' (the ')' of a def, the ':' of a
  // lambda).
  int after = last ? token_after_group(last) : token_from(end);
  while (after + 1 < count() && (tokens_[after].kind == TokenKind::Comma || tokens_[after].kind == TokenKind::Slash))
    ++after;
  refuse(Feature::PositionalOnly, after);
}

void FeatureChecker::comprehensions(ast::List<ast::Comprehension> generators) {
  for (const ast::Comprehension* c : generators) {
    expr(c->target);
    expr(c->iter);
    exprs(c->ifs);
    if (c->is_async && lacks(Feature::AsyncComprehensions))
      refuse(Feature::AsyncComprehensions, token_after_group(c->ifs.empty() ? c->iter : c->ifs.back()));
  }
}

void FeatureChecker::call(const ast::Call* c) {
  expr(c->func);
  // Positional and keyword arguments interleave in the source (`f(a=1, *b)`).
  size_t i = 0, k = 0;
  while (i < c->args.size() || k < c->keywords.size()) {
    bool take_arg = k == c->keywords.size() ||
                    (i < c->args.size() && start_of(c->args[i]->loc) < start_of(c->keywords[k]->loc));
    expr(take_arg ? c->args[i++] : c->keywords[k++]->value);
  }
}

void FeatureChecker::expr(const Expr* e) {
  if (ctx_.failed()) return;
  switch (e->kind) {
    case ast::ExprKind::BoolOp: exprs(e->as<ast::BoolOp>()->values); break;
    case ast::ExprKind::NamedExpr: {
      auto* n = e->as<ast::NamedExpr>();
      expr(n->target);
      expr(n->value);
      if (lacks(Feature::AssignmentExpressions))
        refuse(Feature::AssignmentExpressions, token_from(end_of(e->loc)));
      break;
    }
    case ast::ExprKind::BinOp: {
      auto* b = e->as<ast::BinOp>();
      expr(b->left);
      expr(b->right);
      if (b->op == ast::OperatorKind::MatMult && lacks(Feature::MatMul))
        refuse(Feature::MatMul, token_from(end_of(e->loc)));
      break;
    }
    case ast::ExprKind::UnaryOp: expr(e->as<ast::UnaryOp>()->operand); break;
    case ast::ExprKind::Lambda: {
      auto* l = e->as<ast::Lambda>();
      arguments(l->args);
      expr(l->body);
      break;
    }
    case ast::ExprKind::IfExp: {
      auto* i = e->as<ast::IfExp>();
      expr(i->body);
      expr(i->test);
      expr(i->orelse);
      break;
    }
    case ast::ExprKind::Dict: {
      auto* d = e->as<ast::Dict>();
      for (size_t i = 0; i < d->values.size(); ++i) {
        opt(d->keys[i]);
        expr(d->values[i]);
      }
      break;
    }
    case ast::ExprKind::Set: exprs(e->as<ast::Set>()->elts); break;
    case ast::ExprKind::ListComp:
    case ast::ExprKind::SetComp:
    case ast::ExprKind::GeneratorExp: {
      auto* c = static_cast<const ast::ListComp*>(e);
      expr(c->elt);
      comprehensions(c->generators);
      break;
    }
    case ast::ExprKind::DictComp: {
      auto* c = e->as<ast::DictComp>();
      expr(c->key);
      expr(c->value);
      comprehensions(c->generators);
      break;
    }
    case ast::ExprKind::Await:
      expr(e->as<ast::Await>()->value);
      if (lacks(Feature::AwaitExpressions)) refuse(Feature::AwaitExpressions, token_from(end_of(e->loc)));
      break;
    case ast::ExprKind::Yield: opt(e->as<ast::Yield>()->value); break;
    case ast::ExprKind::YieldFrom: expr(e->as<ast::YieldFrom>()->value); break;
    case ast::ExprKind::Compare: {
      auto* c = e->as<ast::Compare>();
      expr(c->left);
      exprs(c->comparators);
      break;
    }
    case ast::ExprKind::Call: call(e->as<ast::Call>()); break;
    case ast::ExprKind::FormattedValue: {
      auto* f = e->as<ast::FormattedValue>();
      expr(f->value);
      opt(f->format_spec);
      break;
    }
    case ast::ExprKind::JoinedStr: {
      // CPython refuses an f-string before it parses the fields (a format spec's JoinedStr is never reached
      // first: its f-string has been refused already).
      if (lacks(Feature::FormatStrings)) {
        refuse(Feature::FormatStrings, token_from(end_of(e->loc)));
        break;
      }
      exprs(e->as<ast::JoinedStr>()->values);
      // The literals' rule has read the token after the last of them.
      bool self_documenting = false;
      for (const Span& span : ctx_.self_documenting_fstrings)
        self_documenting |= span.line == e->loc.lineno && span.col == e->loc.col_offset &&
                            span.end_line == e->loc.end_lineno && span.end_col == e->loc.end_col_offset;
      if (self_documenting && lacks(Feature::SelfDocumentingFStrings))
        refuse(Feature::SelfDocumentingFStrings, token_from(end_of(e->loc)));
      break;
    }
    case ast::ExprKind::Constant: {
      if (!lacks(Feature::NumericUnderscores)) break;
      int t = token_at(start_of(e->loc));
      if (tokens_[t].kind == TokenKind::Number && ctx_.token_text(t).find('_') != std::string_view::npos)
        refuse(Feature::NumericUnderscores, t);
      break;
    }
    case ast::ExprKind::Attribute: expr(e->as<ast::Attribute>()->value); break;
    case ast::ExprKind::Subscript: {
      auto* s = e->as<ast::Subscript>();
      expr(s->value);
      expr(s->slice);
      break;
    }
    case ast::ExprKind::Starred: expr(e->as<ast::Starred>()->value); break;
    case ast::ExprKind::Name: break;
    case ast::ExprKind::List: exprs(e->as<ast::ListExpr>()->elts); break;
    case ast::ExprKind::Tuple: exprs(e->as<ast::Tuple>()->elts); break;
    case ast::ExprKind::Slice: {
      auto* s = e->as<ast::Slice>();
      opt(s->lower);
      opt(s->upper);
      opt(s->step);
      break;
    }
  }
}

void FeatureChecker::pattern(const ast::Pattern* p) {
  if (!p || ctx_.failed()) return;
  switch (p->kind) {
    case ast::PatternKind::MatchValue: expr(static_cast<const ast::MatchValue*>(p)->value); break;
    case ast::PatternKind::MatchSingleton:
    case ast::PatternKind::MatchStar: break;
    case ast::PatternKind::MatchSequence:
      for (const ast::Pattern* q : static_cast<const ast::MatchSequence*>(p)->patterns) pattern(q);
      break;
    case ast::PatternKind::MatchMapping: {
      auto* m = static_cast<const ast::MatchMapping*>(p);
      for (size_t i = 0; i < m->keys.size(); ++i) {
        expr(m->keys[i]);
        if (i < m->patterns.size()) pattern(m->patterns[i]);
      }
      break;
    }
    case ast::PatternKind::MatchClass: {
      auto* c = static_cast<const ast::MatchClass*>(p);
      expr(c->cls);
      for (const ast::Pattern* q : c->patterns) pattern(q);
      for (const ast::Pattern* q : c->kwd_patterns) pattern(q);
      break;
    }
    case ast::PatternKind::MatchAs: pattern(static_cast<const ast::MatchAs*>(p)->pattern); break;
    case ast::PatternKind::MatchOr:
      for (const ast::Pattern* q : static_cast<const ast::MatchOr*>(p)->patterns) pattern(q);
      break;
  }
}

}  // namespace

void demote_async_keywords(ParseContext& ctx) {
  if (ctx.feature_version >= kAsyncKeywordsMinor) return;
  // CPython's tokenizer state: inside an `async def` (from its `async` to the first line, after the
  // signature's NEWLINE, indented no deeper than the `def`), both words are keywords; elsewhere `async` is one
  // only right before `def`.
  bool in_async_def = false, past_signature = false;
  int async_def_depth = 0, depth = 0;
  std::vector<Token>& tokens = ctx.tokens;
  for (size_t i = 0; i < tokens.size(); ++i) {
    Token& t = tokens[i];
    switch (t.kind) {
      case TokenKind::Indent: ++depth; continue;
      case TokenKind::Dedent: --depth; continue;
      case TokenKind::Newline:
        if (in_async_def) past_signature = true;
        continue;
      default: break;
    }
    bool line_start = i == 0 || tokens[i - 1].kind == TokenKind::Newline || tokens[i - 1].kind == TokenKind::Indent ||
                      tokens[i - 1].kind == TokenKind::Dedent;
    if (line_start && in_async_def && past_signature && depth <= async_def_depth) in_async_def = past_signature = false;
    if (in_async_def || (t.kind != TokenKind::KwAsync && t.kind != TokenKind::KwAwait)) continue;
    if (t.kind == TokenKind::KwAsync && i + 1 < tokens.size() && tokens[i + 1].kind == TokenKind::KwDef) {
      in_async_def = true;
      async_def_depth = depth;
      continue;
    }
    t.kind = TokenKind::Name;
  }
}

void check_feature_versions(ParseContext& ctx) {
  if (!ctx.module) return;
  FeatureChecker(ctx).module(*ctx.module);
}

void check_feature_versions_before_error(ParseContext& ctx) {
  // A tokenizer error anywhere wins over CPython's feature errors (it tokenizes the rest of the file for one).
  if (!ctx.error || ctx.error_from_lexer || ctx.lex_error || ctx.mode != ast::ParseMode::Exec) return;
  const std::vector<Token>& tokens = ctx.tokens;
  std::vector<int> depth(tokens.size() + 1, 0);
  for (size_t i = 0; i < tokens.size(); ++i)
    depth[i + 1] = depth[i] + (tokens[i].kind == TokenKind::Indent) - (tokens[i].kind == TokenKind::Dedent);
  auto line_start = [&](int i) {
    TokenKind k = tokens[i].kind;
    if (k == TokenKind::Indent || k == TokenKind::Dedent || k == TokenKind::Newline) return false;
    TokenKind prev = i == 0 ? TokenKind::Newline : tokens[i - 1].kind;
    return prev == TokenKind::Newline || prev == TokenKind::Indent || prev == TokenKind::Dedent;
  };
  Pos error_at{ctx.error_span.line, ctx.error_span.col};
  int cut = static_cast<int>(std::lower_bound(tokens.begin(), tokens.end(), error_at,
                                              [](const Token& t, Pos q) { return Pos{t.line, t.col} < q; }) -
                             tokens.begin());
  cut = std::min(cut, static_cast<int>(tokens.size()) - 1);
  while (cut > 0 && !line_start(cut)) --cut;
  // The statements before the error's line, with their blocks closed, parse as a program of their own: CPython
  // has reduced (and checked) their constructs before it met the error. When the error's line opens a block,
  // that prefix has an empty block: retry from the block's header line.
  while (cut > 0) {
    const Token& at = tokens[cut];
    std::vector<Token> prefix(tokens.begin(), tokens.begin() + cut);
    for (int d = depth[cut]; d > 0; --d)
      prefix.push_back(Token{TokenKind::Dedent, at.begin, at.begin, at.line, at.col, at.line, at.col});
    prefix.push_back(Token{TokenKind::EndMarker, at.begin, at.begin, at.line, at.col, at.line, at.col});
    ParseContext sub(ctx.source, ctx.arena, ctx.mode);
    sub.tokens = std::move(prefix);
    sub.feature_version = ctx.feature_version;
    if (run_parser(sub) == 0 && sub.module && !sub.failed()) {
      FeatureChecker checker(sub);
      checker.module(*sub.module);
      // Only a construct CPython finished before the cut counts (the closing tokens past it are made up).
      if (sub.failed() && checker.refused_at() < cut) {
        ctx.error = std::move(sub.error);
        ctx.error_span = sub.error_span;
      }
      return;
    }
    if (depth[cut] == 0) return;
    int d = depth[cut];
    do --cut;
    while (cut > 0 && !(line_start(cut) && depth[cut] < d));
  }
}

}  // namespace minipy::front
