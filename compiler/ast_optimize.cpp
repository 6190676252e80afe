// Constant folding on the AST, after CPython 3.11's ast_opt.c: children are folded first, then the node itself
// is replaced by a Constant when every operand is constant and the operation is cheap and cannot raise.
//
// The pass rewrites the tree in place (each visit takes an `Expr*&` so a node can be replaced); new nodes and
// constants live in the module's arena. It must fold exactly what CPython 3.11 folds: the folded constants
// end up in co_consts and the bytecode, which the fidelity tests compare with python3.11's. The value-level
// rules (which operations are safe, size limits) are in ast_optimize_values.cpp.
#include "compiler/ast_optimize.h"

#include <optional>
#include <utility>

#include "compiler/ast_optimize_internal.h"
#include "compiler/symtable.h"

namespace minipy {
namespace {

using namespace fold;
using K = Const::Kind;

// `optimize` is the -O level (it decides __debug__); `string_annotations` is `from __future__ import
// annotations`, under which annotations are walked but never rewritten.
class Folder {
 public:
  Folder(ast::Arena& arena, int optimize, bool string_annotations)
      : arena_(arena), optimize_(optimize), string_annotations_(string_annotations) {}

  void stmts(ast::List<ast::Stmt> list) {
    for (ast::Stmt* s : list) stmt(s);
  }
  void exprs(ast::List<ast::Expr> list) {
    // ast::List hands out its items read-only; this pass is the one that replaces items in place, hence the cast.
    auto** p = const_cast<ast::Expr**>(list.data());
    for (size_t i = 0; i < list.size(); ++i)
      if (p[i]) expr(p[i]);
  }
  // Depth-guarded entry points: past kMaxDepth nested nodes the walk stops and remembers where.
  void stmt(ast::Stmt* s) {
    if (enter(s->loc)) stmt_inner(s);
    --depth_;
  }
  void expr(ast::Expr*& e) {
    if (enter(e->loc)) expr_inner(e);
    --depth_;
  }
  const std::optional<ast::Location>& too_deep() const { return too_deep_; }

 private:
  // A Constant standing where `old` stood, with its location (tracebacks and the line table point at it).
  ast::Expr* make_const(ast::Expr* old, ConstRef value) {
    if (walk_only_) return old;
    const Const* kept = arena_.keep(std::move(value));
    return arena_.make<ast::Constant>(ast::Expr{ast::ExprKind::Constant, old->loc}, kept, std::string_view{});
  }
  static const Const* constant_of(const ast::Expr* e) {
    auto* c = e ? e->as<ast::Constant>() : nullptr;
    return c ? c->value : nullptr;
  }
  std::optional<std::vector<ConstRef>> constant_tuple(ast::List<ast::Expr> elts) {
    std::vector<ConstRef> items;
    for (const ast::Expr* e : elts) {
      const Const* c = constant_of(e);
      if (!c) return std::nullopt;
      items.push_back(copy_const(*c));
    }
    return items;
  }
  // A list or set display that is only iterated (for-loops, comprehensions, `in`) becomes a tuple/frozenset.
  // CPython's fold_iter: a list display becomes a tuple (a constant tuple when every item is constant), a set of
  // constants a constant frozenset; a starred item leaves the list alone.
  void fold_iter(ast::Expr*& e) {
    if (walk_only_) return;
    if (auto* l = e->as<ast::ListExpr>()) {
      for (const ast::Expr* elt : l->elts)
        if (elt->kind == ast::ExprKind::Starred) return;
      auto items = constant_tuple(l->elts);
      if (items) {
        e = make_const(e, Const::tuple(std::move(*items)));
      } else {
        e = arena_.make<ast::Tuple>(ast::Expr{ast::ExprKind::Tuple, l->loc}, l->elts, l->ctx);
      }
    } else if (auto* s = e->as<ast::Set>()) {
      auto items = constant_tuple(s->elts);
      if (items) e = make_const(e, Const::frozenset(frozenset_order(std::move(*items))));
    }
  }
  void comprehensions(ast::List<ast::Comprehension> gens) {
    for (ast::Comprehension* g : gens) {
      expr(g->target);
      expr(g->iter);
      fold_iter(g->iter);
      exprs(g->ifs);
    }
  }
  void arguments(ast::Arguments* a) {
    exprs(a->defaults);
    exprs(a->kw_defaults);
    auto annotate = [&](ast::Arg* arg) {
      if (arg) annotation(arg->annotation);
    };
    for (ast::Arg* arg : a->posonlyargs) annotate(arg);
    for (ast::Arg* arg : a->args) annotate(arg);
    annotate(a->vararg);
    for (ast::Arg* arg : a->kwonlyargs) annotate(arg);
    annotate(a->kwarg);
  }

  // A str Constant with no location, for the pieces of a rewritten %-format (as CPython's make_str_node).
  ast::Expr* literal(std::string text) {
    ast::Location none{-1, -1, -1, -1};
    return arena_.make<ast::Constant>(ast::Expr{ast::ExprKind::Constant, none}, arena_.keep(Const::str(text, all_name_chars(text))),
                                      std::string_view{});
  }
  ast::Expr* format_unit(const std::string& fmt, size_t* pos, ast::Expr* arg);
  ast::Expr* optimize_format(const ast::BinOp* node, const std::string& fmt, ast::List<ast::Expr> elts);

  // CPython's compiler allows about 3000 nested frames (the recursion limit times COMPILER_STACK_FRAME_SCALE).
  static constexpr int kMaxDepth = 2900;
  bool enter(const ast::Location& loc) {
    if (++depth_ <= kMaxDepth && !too_deep_) return true;
    if (!too_deep_) too_deep_ = loc;
    return false;
  }
  void stmt_inner(ast::Stmt* s);
  // Patterns: folding forms their negative and complex literals (ast_opt.c's astfold_pattern).
  void pattern(ast::Pattern* p) {
    using PK = ast::PatternKind;
    auto all = [&](ast::List<ast::Pattern> ps) {
      for (ast::Pattern* sub : ps) pattern(sub);
    };
    switch (p->kind) {
      case PK::MatchValue: expr(static_cast<ast::MatchValue*>(p)->value); return;
      case PK::MatchSingleton: case PK::MatchStar: return;
      case PK::MatchSequence: all(static_cast<ast::MatchSequence*>(p)->patterns); return;
      case PK::MatchMapping: {
        auto* m = static_cast<ast::MatchMapping*>(p);
        exprs(m->keys);
        all(m->patterns);
        return;
      }
      case PK::MatchClass: {
        auto* c = static_cast<ast::MatchClass*>(p);
        expr(c->cls);
        all(c->patterns);
        all(c->kwd_patterns);
        return;
      }
      case PK::MatchAs:
        if (auto* sub = static_cast<ast::MatchAs*>(p)->pattern) pattern(sub);
        return;
      case PK::MatchOr: all(static_cast<ast::MatchOr*>(p)->patterns); return;
    }
  }
  void expr_inner(ast::Expr*& e);

  int depth_ = 0;
  std::optional<ast::Location> too_deep_;

  // String annotations are kept exactly as written, but still walked so the depth guard covers them.
  void annotation(ast::Expr*& e) {
    if (!e) return;
    bool saved = std::exchange(walk_only_, string_annotations_ || walk_only_);
    expr(e);
    walk_only_ = saved;
  }
  bool walk_only_ = false;

  ast::Arena& arena_;
  int optimize_;
  bool string_annotations_;
};

// One %-conversion at fmt[*pos] (just after the '%') as a FormattedValue of `arg`, or nullptr when it is not one
// ast_opt.c rewrites: flags, a width and precision of at most two digits, and s / r / a.
ast::Expr* Folder::format_unit(const std::string& fmt, size_t* pos, ast::Expr* arg) {
  size_t p = *pos;
  bool left_justify = false;
  int width = -1, prec = -1;
  auto next = [&](char* ch) {
    if (p >= fmt.size()) return false;
    *ch = fmt[p++];
    return true;
  };
  char ch;
  while (true) {
    if (!next(&ch)) return nullptr;
    if (ch == '-') left_justify = true;
    else if (ch != '+' && ch != ' ' && ch != '#' && ch != '0') break;
  }
  auto digits = [&](int* value) {
    *value = 0;
    int count = 0;
    while (ch >= '0' && ch <= '9') {
      *value = *value * 10 + (ch - '0');
      if (!next(&ch) || ++count >= 3) return false;
    }
    return true;
  };
  if (ch >= '0' && ch <= '9' && !digits(&width)) return nullptr;
  if (ch == '.') {
    if (!next(&ch)) return nullptr;
    if (!digits(&prec)) return nullptr;
  }
  if (ch != 's' && ch != 'r' && ch != 'a') return nullptr;
  *pos = p;
  std::string spec;
  if (!left_justify && width > 0) spec += '>';
  if (width >= 0) spec += std::to_string(width);
  if (prec >= 0) spec += "." + std::to_string(prec);
  ast::Expr* format_spec = spec.empty() ? nullptr : literal(spec);
  return arena_.make<ast::FormattedValue>(ast::Expr{ast::ExprKind::FormattedValue, arg->loc}, arg, static_cast<int>(ch),
                                          format_spec);
}

// ast_opt.c's optimize_format: `'a %s b' % (x,)` becomes f'a {x!s} b' when the format has exactly as many
// conversions as the tuple has items and each is one format_unit accepts; otherwise null (left as is).
ast::Expr* Folder::optimize_format(const ast::BinOp* node, const std::string& fmt, ast::List<ast::Expr> elts) {
  std::vector<ast::Expr*> values;
  size_t pos = 0, used = 0;
  while (true) {
    // A run of literal text, with %% unescaped.
    std::string text;
    size_t start = pos;
    while (pos < fmt.size()) {
      if (fmt[pos] != '%') {
        text += fmt[pos++];
      } else if (pos + 1 < fmt.size() && fmt[pos + 1] == '%') {
        text += '%';
        pos += 2;
      } else {
        break;
      }
    }
    if (pos != start) values.push_back(literal(text));
    if (pos >= fmt.size()) break;
    if (used >= elts.size()) return nullptr;  // more conversions than items
    ++pos;
    ast::Expr* unit = format_unit(fmt, &pos, elts[used++]);
    if (!unit) return nullptr;
    values.push_back(unit);
  }
  if (used < elts.size()) return nullptr;  // more items than conversions
  return arena_.make<ast::JoinedStr>(ast::Expr{ast::ExprKind::JoinedStr, node->loc}, arena_.list(values));
}

void Folder::expr_inner(ast::Expr*& e) {
  using EK = ast::ExprKind;
  switch (e->kind) {
    case EK::BoolOp: exprs(static_cast<ast::BoolOp*>(e)->values); return;
    case EK::NamedExpr: expr(static_cast<ast::NamedExpr*>(e)->value); return;
    case EK::BinOp: {
      auto* b = static_cast<ast::BinOp*>(e);
      expr(b->left);
      expr(b->right);
      const Const *l = constant_of(b->left), *r = constant_of(b->right);
      // 'literal %s' % (a, b) becomes an f-string when every conversion is a simple %s / %r / %a.
      auto* tuple = b->right->as<ast::Tuple>();
      // Only a tuple display qualifies: any other right operand may turn out to be a mapping or a single value at run
      // time, which % treats differently; a starred item hides how many values there are.
      if (b->op == ast::OperatorKind::Mod && l && l->is(K::Str) && tuple) {
        for (const ast::Expr* elt : tuple->elts)
          if (elt->kind == EK::Starred) return;
        if (ast::Expr* joined = optimize_format(b, l->text(), tuple->elts); joined && !walk_only_) e = joined;
        return;
      }
      // Whether the operation is cheap and cannot raise (size limits, zero divisors, ...) is fold_binary's call.
      if (l && r)
        if (ConstRef folded = fold_binary(b->op, *l, *r)) e = make_const(e, std::move(folded));
      return;
    }
    case EK::UnaryOp: {
      auto* un = static_cast<ast::UnaryOp*>(e);
      expr(un->operand);
      if (const Const* c = constant_of(un->operand)) {
        if (ConstRef folded = fold_unary(un->op, *c)) e = make_const(e, std::move(folded));
        return;
      }
      // not (a is b) -> a is not b, and the same for `in`.
      auto* cmp = un->operand->as<ast::Compare>();
      if (un->op == ast::UnaryOpKind::Not && cmp && cmp->ops.size() == 1 && !walk_only_) {
        using C = ast::CmpOpKind;
        C op = cmp->ops[0], inverted;
        switch (op) {
          case C::Is: inverted = C::IsNot; break;
          case C::IsNot: inverted = C::Is; break;
          case C::In: inverted = C::NotIn; break;
          case C::NotIn: inverted = C::In; break;
          default: return;
        }
        // CPython copies the comparison node over the `not` node, location included.
        cmp->ops = arena_.array(std::vector<C>{inverted});
        e = cmp;
      }
      return;
    }
    case EK::Lambda: {
      auto* l = static_cast<ast::Lambda*>(e);
      arguments(l->args);
      expr(l->body);
      return;
    }
    case EK::IfExp: {
      auto* i = static_cast<ast::IfExp*>(e);
      expr(i->test);
      expr(i->body);
      expr(i->orelse);
      return;
    }
    case EK::Dict: {
      auto* d = static_cast<ast::Dict*>(e);
      exprs(d->keys);
      exprs(d->values);
      return;
    }
    case EK::Set: exprs(static_cast<ast::Set*>(e)->elts); return;
    case EK::ListComp: {
      auto* c = static_cast<ast::ListComp*>(e);
      expr(c->elt);
      comprehensions(c->generators);
      return;
    }
    case EK::SetComp: {
      auto* c = static_cast<ast::SetComp*>(e);
      expr(c->elt);
      comprehensions(c->generators);
      return;
    }
    case EK::DictComp: {
      auto* c = static_cast<ast::DictComp*>(e);
      expr(c->key);
      expr(c->value);
      comprehensions(c->generators);
      return;
    }
    case EK::GeneratorExp: {
      auto* c = static_cast<ast::GeneratorExp*>(e);
      expr(c->elt);
      comprehensions(c->generators);
      return;
    }
    case EK::Await: expr(static_cast<ast::Await*>(e)->value); return;
    case EK::Yield: {
      auto* y = static_cast<ast::Yield*>(e);
      if (y->value) expr(y->value);
      return;
    }
    case EK::YieldFrom: expr(static_cast<ast::YieldFrom*>(e)->value); return;
    // `x in [a, b]` / `x not in {a, b}`: the container of the last comparison is only iterated, so fold_iter may
    // turn it into a tuple or frozenset.
    case EK::Compare: {
      auto* c = static_cast<ast::Compare*>(e);
      expr(c->left);
      exprs(c->comparators);
      auto op = c->ops.back();
      if (op == ast::CmpOpKind::In || op == ast::CmpOpKind::NotIn)
        fold_iter(const_cast<ast::Expr**>(c->comparators.data())[c->comparators.size() - 1]);
      return;
    }
    case EK::Call: {
      auto* c = static_cast<ast::Call*>(e);
      expr(c->func);
      exprs(c->args);
      for (ast::Keyword* k : c->keywords) expr(k->value);
      return;
    }
    case EK::FormattedValue: {
      auto* f = static_cast<ast::FormattedValue*>(e);
      expr(f->value);
      if (f->format_spec) expr(f->format_spec);
      return;
    }
    case EK::JoinedStr: exprs(static_cast<ast::JoinedStr*>(e)->values); return;
    case EK::Constant: return;
    case EK::Attribute: expr(static_cast<ast::Attribute*>(e)->value); return;
    // A constant indexed by a constant ('abc'[1], (1, 2)[0]) in a load folds when fold_subscript says it is safe.
    case EK::Subscript: {
      auto* s = static_cast<ast::Subscript*>(e);
      expr(s->value);
      expr(s->slice);
      const Const *v = constant_of(s->value), *i = constant_of(s->slice);
      if (s->ctx == ast::ExprContext::Load && v && i)
        if (ConstRef folded = fold_subscript(*v, *i)) e = make_const(e, std::move(folded));
      return;
    }
    case EK::Starred: expr(static_cast<ast::Starred*>(e)->value); return;
    case EK::Slice: {
      auto* s = static_cast<ast::Slice*>(e);
      if (s->lower) expr(s->lower);
      if (s->upper) expr(s->upper);
      if (s->step) expr(s->step);
      return;
    }
    // __debug__ is a compile-time constant: True unless -O was given.
    case EK::Name: {
      auto* n = static_cast<ast::Name*>(e);
      // Only loads: storing to or deleting __debug__ is a SyntaxError reported by the compiler, not folded away.
      if (n->ctx == ast::ExprContext::Load && n->id == "__debug__") e = make_const(e, Const::boolean(optimize_ == 0));
      return;
    }
    case EK::List: exprs(static_cast<ast::ListExpr*>(e)->elts); return;
    // A tuple display of constants (only in a load: a target tuple stays) is one constant.
    case EK::Tuple: {
      auto* t = static_cast<ast::Tuple*>(e);
      exprs(t->elts);
      if (t->ctx == ast::ExprContext::Load)
        if (auto items = constant_tuple(t->elts)) e = make_const(e, Const::tuple(std::move(*items)));
      return;
    }
  }
}

void Folder::stmt_inner(ast::Stmt* s) {
  using SK = ast::StmtKind;
  switch (s->kind) {
    case SK::FunctionDef:
    case SK::AsyncFunctionDef: {
      auto* f = static_cast<ast::FunctionDef*>(s);
      // The children are visited in astfold_stmt's order (arguments, body, decorators, returns): with a too-deep tree
      // the order decides which node the RecursionError points at.
      arguments(f->args);
      stmts(f->body);
      exprs(f->decorator_list);
      annotation(f->returns);
      return;
    }
    case SK::ClassDef: {
      auto* c = static_cast<ast::ClassDef*>(s);
      exprs(c->bases);
      for (ast::Keyword* k : c->keywords) expr(k->value);
      stmts(c->body);
      exprs(c->decorator_list);
      return;
    }
    case SK::Return: {
      auto* r = static_cast<ast::Return*>(s);
      if (r->value) expr(r->value);
      return;
    }
    case SK::Delete: exprs(static_cast<ast::Delete*>(s)->targets); return;
    case SK::Assign: {
      auto* a = static_cast<ast::Assign*>(s);
      exprs(a->targets);
      expr(a->value);
      return;
    }
    case SK::AugAssign: {
      auto* a = static_cast<ast::AugAssign*>(s);
      expr(a->target);
      expr(a->value);
      return;
    }
    case SK::AnnAssign: {
      auto* a = static_cast<ast::AnnAssign*>(s);
      expr(a->target);
      annotation(a->annotation);
      if (a->value) expr(a->value);
      return;
    }
    case SK::For: {
      auto* f = static_cast<ast::For*>(s);
      expr(f->target);
      expr(f->iter);
      stmts(f->body);
      stmts(f->orelse);
      // After the body, as in astfold_stmt: the iterable was folded as an expression above, and only then is its list
      // or set display turned into a tuple or frozenset.
      fold_iter(f->iter);
      return;
    }
    // The iterable of `async for` is awaited through __aiter__, not iterated, so it is never turned into a tuple.
    case SK::AsyncFor: {  // ast_opt.c folds an async for's iterable expression but not into a tuple
      auto* f = static_cast<ast::For*>(s);
      expr(f->target);
      expr(f->iter);
      stmts(f->body);
      stmts(f->orelse);
      return;
    }
    case SK::Match: {
      auto* m = static_cast<ast::Match*>(s);
      expr(m->subject);
      for (ast::MatchCase* c : m->cases) {
        pattern(c->pattern);
        if (c->guard) expr(c->guard);
        stmts(c->body);
      }
      return;
    }
    case SK::While: {
      auto* w = static_cast<ast::While*>(s);
      expr(w->test);
      stmts(w->body);
      stmts(w->orelse);
      return;
    }
    case SK::If: {
      auto* i = static_cast<ast::If*>(s);
      expr(i->test);
      stmts(i->body);
      stmts(i->orelse);
      return;
    }
    case SK::With:
    case SK::AsyncWith: {
      auto* w = static_cast<ast::With*>(s);
      for (ast::WithItem* item : w->items) {
        expr(item->context_expr);
        if (item->optional_vars) expr(item->optional_vars);
      }
      stmts(w->body);
      return;
    }
    case SK::Raise: {
      auto* r = static_cast<ast::Raise*>(s);
      if (r->exc) expr(r->exc);
      if (r->cause) expr(r->cause);
      return;
    }
    case SK::Try:
    case SK::TryStar: {
      auto* t = static_cast<ast::Try*>(s);
      stmts(t->body);
      for (ast::ExceptHandler* h : t->handlers) {
        if (h->type) expr(h->type);
        stmts(h->body);
      }
      stmts(t->orelse);
      stmts(t->finalbody);
      return;
    }
    case SK::Assert: {
      auto* a = static_cast<ast::Assert*>(s);
      expr(a->test);
      if (a->msg) expr(a->msg);
      return;
    }
    case SK::Expr: expr(static_cast<ast::ExprStmt*>(s)->value); return;
    // Pass, Break, Continue, Global, Nonlocal, Import and ImportFrom hold no expression to fold.
    default: return;
  }
}

}  // namespace

// Folds `module` in place. Past kMaxDepth nested nodes it gives back the RecursionError CPython's compiler
// raises ("maximum recursion depth exceeded during compilation"), located at the first node too deep.
std::optional<SyntaxError> optimize_ast(ast::Module& module, ast::Arena& arena, int optimize, int future_flags) {
  Folder folder(arena, optimize, (future_flags & CO_FUTURE_ANNOTATIONS) != 0);
  if (module.mode == ast::ParseMode::Eval) {
    if (module.expression) folder.expr(module.expression);
  } else {
    folder.stmts(module.body);
  }
  if (!folder.too_deep()) return std::nullopt;
  SyntaxError error;
  error.kind = SyntaxError::Kind::RecursionError;
  error.message = "maximum recursion depth exceeded during compilation";
  error.lineno = folder.too_deep()->lineno;
  // SyntaxError offsets are 1-based columns; AST locations are 0-based.
  error.offset = folder.too_deep()->col_offset + 1;
  return error;
}

}  // namespace minipy