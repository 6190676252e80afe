// The grammar (parser.y) accepts a wider language than Python's where LALR(1) cannot tell two forms apart without more
// lookahead (a target from an expression, a parameter list from a call's argument list); the builders here receive the
// wider form and either build the node or fail with the message and position python.gram's invalid_* rules would have
// produced. Every node lives in the context's arena, so nothing here frees.
// Node builders and the checks CPython's PEG grammar performs that an LALR cover grammar has to do afterwards.
#include "compiler/parse_build.h"

#include <fmt/format.h>

#include <algorithm>

namespace minipy::front {

using namespace ast;

namespace {

Span span_of(const Expr* e) { return Span::of(e->loc); }

}  // namespace

// Identifiers are copied into the arena because the token text points into the source buffer, which the tree outlives
// (the compiler keeps the tree after parse() returns).
Identifier identifier(ParseContext& ctx, int token) {
  return ctx.source_in_arena ? ctx.token_text(token) : ctx.arena.copy(ctx.token_text(token));
}

Identifier join_dotted(ParseContext& ctx, std::span<const int> name_tokens) {
  std::string joined;
  for (size_t i = 0; i < name_tokens.size(); ++i) {
    if (i) joined += '.';
    joined += ctx.token_text(name_tokens[i]);
  }
  return ctx.arena.copy(joined);
}

Expr* make_name(ParseContext& ctx, int token) {
  return make_expr<Name>(ctx, ctx.token_span(token), identifier(ctx, token), ExprContext::Load);
}

Expr* make_constant(ParseContext& ctx, ConstRef value, Span span) {
  return make_expr<Constant>(ctx, span, ctx.arena.keep(std::move(value)), std::string_view{});
}

Expr* make_tuple_expr(ParseContext& ctx, std::span<Expr* const> elts, Span span) {
  return make_expr<Tuple>(ctx, span, to_list(ctx, elts), ExprContext::Load);
}

Expr* make_list(ParseContext& ctx, std::span<Expr* const> elts, Span span) {
  return make_expr<ListExpr>(ctx, span, to_list(ctx, elts), ExprContext::Load);
}

Expr* make_boolop(ParseContext& ctx, BoolOpKind op, Expr* left, Span left_span, Expr* right, Span span) {
  // The grammar builds `a or b or c` left to right, as (a or b) or c. A left operand that is a BoolOp of the same
  // kind and was not parenthesized (its node starts where its grammar symbol starts: parentheses widen only the
  // symbol) takes the right operand as one more value, as CPython's one-level BoolOp does.
  auto* chain = left->kind == ExprKind::BoolOp ? static_cast<BoolOp*>(left) : nullptr;
  if (chain && chain->op == op && chain->loc.lineno == left_span.line && chain->loc.col_offset == left_span.col) {
    size_t n = chain->values.size();
    auto* values = static_cast<Expr**>(ctx.arena.allocate(sizeof(Expr*) * (n + 1), alignof(Expr*)));
    std::copy(chain->values.begin(), chain->values.end(), values);
    values[n] = right;
    chain->values = List<Expr>{values, n + 1};
    chain->loc = span.loc();
    return chain;
  }
  auto* values = static_cast<Expr**>(ctx.arena.allocate(sizeof(Expr*) * 2, alignof(Expr*)));
  values[0] = left;
  values[1] = right;
  return make_expr<BoolOp>(ctx, span, op, List<Expr>{values, 2});
}

Expr* make_attribute(ParseContext& ctx, Expr* value, int name_token, Span span) {
  return make_expr<Attribute>(ctx, span, value, identifier(ctx, name_token), ExprContext::Load);
}

Expr* make_binop(ParseContext& ctx, Expr* left, OperatorKind op, Expr* right, Span span) {
  return make_expr<BinOp>(ctx, span, left, op, right);
}

Expr* make_compare(ParseContext& ctx, Expr* left, std::span<const CmpItem> rest, Span span) {
  auto* ops = static_cast<CmpOpKind*>(ctx.arena.allocate(sizeof(CmpOpKind) * rest.size(), alignof(CmpOpKind)));
  auto* comparators = static_cast<Expr**>(ctx.arena.allocate(sizeof(Expr*) * rest.size(), alignof(Expr*)));
  for (size_t i = 0; i < rest.size(); ++i) {
    ops[i] = rest[i].op;
    comparators[i] = rest[i].operand;
  }
  return make_expr<Compare>(ctx, span, left, std::span<const CmpOpKind>(ops, rest.size()),
                            List<Expr>(comparators, rest.size()));
}

// python.gram's named_expression allows only a NAME before `:=`; the cover grammar accepts any expression there, so the
// check and invalid_named_expression's message are here.
Expr* make_named_expr(ParseContext& ctx, Expr* target, Expr* value, Span span) {
  auto* name = target->as<Name>();
  if (!name) {
    ctx.fail(fmt::format("cannot use assignment expressions with {}", expr_description(target)), span_of(target));
    return nullptr;
  }
  name->ctx = ExprContext::Store;
  return make_expr<NamedExpr>(ctx, span, target, value);
}

Expr* make_slice(ParseContext& ctx, Expr* lower, Expr* upper, Expr* step, Span span) {
  return make_expr<Slice>(ctx, span, lower, upper, step);
}

Expr* make_comprehension_expr(ParseContext& ctx, ExprKind kind, Expr* elt, Expr* value,
                              std::span<Comprehension* const> generators, Span span) {
  // invalid_comprehension's message; the parser accepted `[*a for a in b]` because a starred item is valid in a plain
  // list display with the same prefix.
  if (elt->kind == ExprKind::Starred) {
    ctx.fail("iterable unpacking cannot be used in comprehension", span_of(elt));
    return nullptr;
  }
  List<Comprehension> gens = generators;
  switch (kind) {
    case ExprKind::ListComp: return make_expr<ListComp>(ctx, span, elt, gens);
    case ExprKind::SetComp: return make_expr<SetComp>(ctx, span, elt, gens);
    case ExprKind::DictComp: return make_expr<DictComp>(ctx, span, elt, value, gens);
    default: return make_expr<GeneratorExp>(ctx, span, elt, gens);
  }
}

// `{...}` is parsed as a list of items each either `key: value`, `**mapping`, a plain element or `*iterable`; the first
// item decides set or dict, and a mismatch later is invalid_double_starred_kvpairs / invalid_kvpair's error.
Expr* make_brace_display(ParseContext& ctx, std::span<const BraceItem> items, Span span) {
  bool is_set = items.front().is_set_element;
  for (const auto& item : items) {
    if (item.is_set_element != is_set) {
      if (!is_set && item.is_set_element) {
        // CPython points at the key's last character.
        Span s = span_of(item.value);
        ctx.fail("':' expected after dictionary key", Span{s.end_line, s.end_col - 1, s.end_line, s.end_col});
        ctx.error->end_offset = 0;
        ctx.error->end_offset_zero = true;
      } else {
        ctx.fail("invalid syntax", item.key ? span_of(item.key) : span_of(item.value));
      }
      return nullptr;
    }
  }
  std::vector<Expr*> keys, values;
  for (const auto& item : items) {
    keys.push_back(item.key);
    values.push_back(item.value);
  }
  if (is_set) return make_expr<Set>(ctx, span, to_list(ctx, values));
  return make_expr<Dict>(ctx, span, to_list(ctx, keys), to_list(ctx, values));
}

// The noun CPython's _PyPegen_get_expr_name uses in "cannot assign to %s" and friends; the texts must match it exactly,
// since they are the user-visible part of those SyntaxErrors.
const char* expr_description(const Expr* e) {
  switch (e->kind) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp: case ExprKind::BinOp: case ExprKind::UnaryOp: return "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Yield: case ExprKind::YieldFrom: return "yield expression";
    case ExprKind::Await: return "await expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr: case ExprKind::FormattedValue: return "f-string expression";
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::NamedExpr: return "named expression";
    case ExprKind::Slice: return "slice";
    case ExprKind::Constant: {
      const Const* c = static_cast<const Constant*>(e)->value;
      if (c->is(Const::Kind::None)) return "None";
      if (c->is(Const::Kind::True)) return "True";
      if (c->is(Const::Kind::False)) return "False";
      if (c->is(Const::Kind::Ellipsis)) return "ellipsis";
      return "literal";
    }
  }
  return "expression";
}

namespace {

// The first sub-expression that cannot be a target, as CPython's _PyPegen_get_invalid_target finds it.
const Expr* invalid_target(const Expr* e, TargetUse use) {
  switch (e->kind) {
    case ExprKind::Name: case ExprKind::Attribute: case ExprKind::Subscript: return nullptr;
    case ExprKind::Tuple:
      for (const Expr* elt : static_cast<const Tuple*>(e)->elts)
        if (const Expr* bad = invalid_target(elt, use)) return bad;
      return nullptr;
    case ExprKind::List:
      for (const Expr* elt : static_cast<const ListExpr*>(e)->elts)
        if (const Expr* bad = invalid_target(elt, use)) return bad;
      return nullptr;
    case ExprKind::Starred:
      if (use == TargetUse::Delete) return e;
      return invalid_target(static_cast<const Starred*>(e)->value, use);
    default: return e;
  }
}

// Marks a target and its nested elements as Store or Del (CPython's _PyPegen_set_expr_context); the parser built them
// as Load because it could not know yet that `=` follows.
void store(Expr* e, ExprContext c) {
  switch (e->kind) {
    case ExprKind::Name: static_cast<Name*>(e)->ctx = c; break;
    case ExprKind::Attribute: static_cast<Attribute*>(e)->ctx = c; break;
    case ExprKind::Subscript: static_cast<Subscript*>(e)->ctx = c; break;
    case ExprKind::Starred: {
      auto* s = static_cast<Starred*>(e);
      s->ctx = c;
      store(s->value, c);
      break;
    }
    case ExprKind::Tuple: {
      auto* t = static_cast<Tuple*>(e);
      t->ctx = c;
      for (Expr* elt : t->elts) store(elt, c);
      break;
    }
    case ExprKind::List: {
      auto* l = static_cast<ListExpr*>(e);
      l->ctx = c;
      for (Expr* elt : l->elts) store(elt, c);
      break;
    }
    default: break;
  }
}

}  // namespace

// Turns an expression the cover grammar read into an assignment, for-loop, with-item or del target, or fails with
// CPython's invalid_assignment / invalid_del_stmt / invalid_for_target message at the first bad sub-expression.
bool set_target(ParseContext& ctx, Expr* target, TargetUse use) {
  if (const Expr* bad = invalid_target(target, use)) {
    const char* what = expr_description(bad);
    if (use == TargetUse::Delete) {
      ctx.fail(fmt::format("cannot delete {}", what), span_of(bad));
    } else if (bad->kind == ExprKind::Yield || bad->kind == ExprKind::YieldFrom) {
      ctx.fail("assignment to yield expression not possible", span_of(bad));
    } else {
      ctx.fail(fmt::format("cannot assign to {}", what), span_of(bad));
    }
    return false;
  }
  store(target, use == TargetUse::Delete ? ExprContext::Del : ExprContext::Store);
  return true;
}

// Whether `e` is what CPython's bitwise_or rule parses, other than a generator expression: its
// invalid_named_expression gives such a target "here. Maybe you meant '==' ...", the others (comparisons,
// `not`, `and`/`or`, conditional expressions, lambdas) get invalid_assignment's plain message.
static bool operand_level(const Expr* e) {
  switch (e->kind) {
    case ExprKind::GeneratorExp: case ExprKind::IfExp: case ExprKind::Compare: case ExprKind::BoolOp:
    case ExprKind::Lambda: case ExprKind::NamedExpr:
      return false;
    case ExprKind::UnaryOp: return e->as<UnaryOp>()->op != UnaryOpKind::Not;
    default: return true;
  }
}

// A single target that is wholly invalid gets invalid_assignment's wording, which distinguishes keywords and starred
// expressions ("cannot assign to True") from operands where a comparison was probably meant ("... here. Maybe you meant
// '==' instead of '='?"); a bad element inside a tuple target gets the plain message.
Stmt* build_assign(ParseContext& ctx, const Vec<Expr*>& targets, Expr* value, Span span) {
  if (targets.size() == 1 && invalid_target(targets[0], TargetUse::Assign) == targets[0]) {
    Expr* t = targets[0];
    const char* what = expr_description(t);
    bool keyword_constant = t->kind == ExprKind::Constant && std::string_view(what) != "literal" &&
                            std::string_view(what) != "ellipsis";
    // `(yield) = 1` versus `yield = 1`: parentheses are not nodes, so a target that starts after the statement does
    // must have had them.
    bool parenthesized = t->loc.col_offset != span.col || t->loc.lineno != span.line;
    if ((t->kind == ExprKind::Yield || t->kind == ExprKind::YieldFrom) && !parenthesized) {
      ctx.fail("assignment to yield expression not possible", span_of(t));
    } else if (keyword_constant || t->kind == ExprKind::Starred || !operand_level(t)) {
      ctx.fail(fmt::format("cannot assign to {}", what), span_of(t));
    } else {
      ctx.fail(fmt::format("cannot assign to {} here. Maybe you meant '==' instead of '='?", what), span_of(t));
    }
    return nullptr;
  }
  for (Expr* t : targets)
    if (!set_target(ctx, t, TargetUse::Assign)) return nullptr;
  return make_stmt<Assign>(ctx, span, to_list(ctx, targets), value);
}

// Annotated assignment takes exactly one target (invalid_ann_assign_target's messages); `simple` tells codegen whether
// to store the annotation in __annotations__ under the name (a bare name) or only evaluate it.
Stmt* build_annassign(ParseContext& ctx, Expr* target, Expr* annotation, Expr* value, Span stmt_span) {
  switch (target->kind) {
    case ExprKind::Name: case ExprKind::Attribute: case ExprKind::Subscript: break;
    case ExprKind::Tuple: case ExprKind::List:
      ctx.fail(fmt::format("only single target (not {}) can be annotated", expr_description(target)),
               span_of(target));
      return nullptr;
    default:
      ctx.fail("illegal target for annotation", span_of(target));
      return nullptr;
  }
  store(target, ExprContext::Store);
  // A parenthesized name starts after the statement does: `(x): int` is not simple.
  bool simple = target->kind == ExprKind::Name && target->loc.col_offset == stmt_span.col &&
                target->loc.lineno == stmt_span.line;
  return make_stmt<AnnAssign>(ctx, stmt_span, target, annotation, value, simple);
}

Stmt* build_augassign(ParseContext& ctx, Expr* target, OperatorKind op, Expr* value, Span span) {
  switch (target->kind) {
    case ExprKind::Name: case ExprKind::Attribute: case ExprKind::Subscript: break;
    default:
      ctx.fail(fmt::format("'{}' is an illegal expression for augmented assignment", expr_description(target)),
               span_of(target));
      return nullptr;
  }
  store(target, ExprContext::Store);
  return make_stmt<AugAssign>(ctx, span, target, op, value);
}

// The index of the first token starting at or after `at`'s start (ctx.tokens.size() when none).
static int token_at(const ParseContext& ctx, Span at) {
  auto it = std::lower_bound(ctx.tokens.begin(), ctx.tokens.end(), at, [](const Token& t, const Span& s) {
    return t.line < s.line || (t.line == s.line && t.col < s.col);
  });
  return static_cast<int>(it - ctx.tokens.begin());
}

// An error build_arguments found in a list the cover grammar accepted: CPython's rules replayed over the list's
// tokens (report_invalid_parameters) choose the error and its place; `message` at `fallback` if they find none.
// `at` is where the offending item starts.
static void fail_parameters(ParseContext& ctx, Span at, const char* message, Span fallback) {
  int idx = token_at(ctx, at);
  if (idx < static_cast<int>(ctx.tokens.size()) && report_invalid_parameters(ctx, idx)) return;
  ctx.fail(message, fallback);
}

// A def's or lambda's parameter list, read by the grammar as a flat list of items (name with or without default, `/`,
// `*`, `*name`, `**name`) and checked here in one pass for the ordering rules python.gram's parameters rule encodes in
// its structure; a violation is located by replaying CPython's invalid_parameters rules.
Arguments* build_arguments(ParseContext& ctx, std::span<const ParamItem> items, const Span* lambda_colon) {
  std::vector<Arg*> posonly, args, kwonly;
  std::vector<Expr*> defaults, kw_defaults;
  Arg* vararg = nullptr;
  Arg* kwarg = nullptr;
  bool seen_slash = false, seen_star = false, seen_default = false;
  const ParamItem* bare_star = nullptr;
  for (size_t i = 0; i < items.size(); ++i) {
    const ParamItem& item = items[i];
    if (kwarg) {
      fail_parameters(ctx, item.span, "arguments cannot follow var-keyword argument", item.span);
      return nullptr;
    }
    switch (item.kind) {
      case ParamItem::Kind::Slash:
        if (seen_slash) { fail_parameters(ctx, item.span, "/ may appear only once", item.span); return nullptr; }
        if (seen_star) { fail_parameters(ctx, item.span, "/ must be ahead of *", item.span); return nullptr; }
        if (args.empty()) { fail_parameters(ctx, item.span, "at least one argument must precede /", item.span); return nullptr; }
        seen_slash = true;
        // Everything before `/` was collected as positional; it becomes positional-only.
        posonly.swap(args);
        break;
      case ParamItem::Kind::Star:
      case ParamItem::Kind::StarArg:
        if (seen_star) { fail_parameters(ctx, item.span, "* argument may appear only once", item.span); return nullptr; }
        seen_star = true;
        if (item.kind == ParamItem::Kind::StarArg) vararg = item.arg;
        else bare_star = &item;
        break;
      case ParamItem::Kind::DoubleStarArg:
        kwarg = item.arg;
        break;
      case ParamItem::Kind::Plain:
        if (seen_star) {
          kwonly.push_back(item.arg);
          // kw_defaults has one entry per keyword-only parameter, null for none (the AST's None), unlike `defaults`,
          // which holds only the trailing positional defaults.
          kw_defaults.push_back(item.default_value);
        } else {
          if (item.default_value) {
            seen_default = true;
            defaults.push_back(item.default_value);
          } else if (seen_default) {
            fail_parameters(ctx, item.span, "non-default argument follows default argument", Span::of(item.arg->loc));
            return nullptr;
          }
          args.push_back(item.arg);
        }
        break;
    }
  }
  if (bare_star && kwonly.empty()) {
    fail_parameters(ctx, bare_star->span, "named arguments must follow bare *",
                    lambda_colon ? *lambda_colon : bare_star->span);
    return nullptr;
  }
  auto* a = ctx.arena.make<Arguments>();
  a->posonlyargs = to_list(ctx, posonly);
  a->args = to_list(ctx, args);
  a->vararg = vararg;
  a->kwonlyargs = to_list(ctx, kwonly);
  a->kw_defaults = ctx.arena.list(kw_defaults);
  a->kwarg = kwarg;
  a->defaults = to_list(ctx, defaults);
  return a;
}

namespace {

// Splits a call's (or class header's) argument list into positional and keyword arguments, enforcing the order
// python.gram's args rule builds in (positional, then keywords and `*`, then `**`) with invalid_arguments' messages.
bool split_call_args(ParseContext& ctx, std::span<CallArg> items, Span parens, std::vector<Expr*>& args,
                     std::vector<Keyword*>& keywords) {
  bool seen_keyword = false, seen_double_star = false;
  // CPython reports argument-order errors at the closing parenthesis.
  Span closing{parens.end_line, parens.end_col - 1, parens.end_line, parens.end_col};
  for (auto& item : items) {
    switch (item.kind) {
      case CallArg::Kind::BareGenerator: {
        // invalid_arguments: a bare generator must be the only argument, without a trailing comma either.
        int close = token_at(ctx, closing);
        bool trailing_comma = close > 0 && close < static_cast<int>(ctx.tokens.size()) &&
                              ctx.tokens[close - 1].kind == TokenKind::Comma;
        if (items.size() != 1 || trailing_comma) {
          ctx.fail("Generator expression must be parenthesized", item.span);
          return false;
        }
      }
        // `f(x for x in y)`: the generator expression takes the call's parentheses as its own, so its position is
        // theirs.
        item.value->loc = parens.loc();
        [[fallthrough]];
      case CallArg::Kind::Positional:
        if (seen_double_star) {
          ctx.fail("positional argument follows keyword argument unpacking", closing);
          return false;
        }
        if (seen_keyword) {
          ctx.fail("positional argument follows keyword argument", closing);
          return false;
        }
        args.push_back(item.value);
        break;
      case CallArg::Kind::Starred:
        if (seen_double_star) {
          // invalid_arguments: `a=args ',' '*'`, the arguments before this one.
          const CallArg& before = (&item)[-1];
          ctx.fail("iterable argument unpacking follows keyword argument unpacking",
                   Span{items.front().span.line, items.front().span.col, before.span.end_line, before.span.end_col});
          return false;
        }
        args.push_back(item.value);
        break;
      case CallArg::Kind::Keyword: {
        // invalid_kwarg: only a bare name takes '='; the error runs from the target to the '='.
        auto* name = item.keyword_target->as<Name>();
        Span target = span_of(item.keyword_target);
        int equal = token_at(ctx, span_of(item.value)) - 1;
        while (equal > 0 && ctx.tokens[equal].kind != TokenKind::Equal) --equal;
        Span through_equal{target.line, target.col, ctx.tokens[equal].end_line, ctx.tokens[equal].end_col};
        bool parenthesized = name && (target.line != item.span.line || target.col != item.span.col);
        if (auto* constant = item.keyword_target->as<Constant>(); constant && target.col == item.span.col) {
          Const::Kind k = constant->value->kind();
          const char* keyword = k == Const::Kind::None ? "None" : k == Const::Kind::True ? "True"
                                : k == Const::Kind::False ? "False" : nullptr;
          if (keyword) {
            ctx.fail(fmt::format("cannot assign to {}", keyword), through_equal);
            return false;
          }
        }
        if (!name || parenthesized) {
          ctx.fail("expression cannot contain assignment, perhaps you meant \"==\"?", through_equal);
          return false;
        }
        seen_keyword = true;
        keywords.push_back(ctx.arena.make<Keyword>(item.span.loc(), name->id, item.value));
        break;
      }
      case CallArg::Kind::DoubleStarred:
        seen_double_star = true;
        keywords.push_back(ctx.arena.make<Keyword>(item.span.loc(), Identifier{}, item.value));
        break;
    }
  }
  return true;
}

}  // namespace

Expr* build_call(ParseContext& ctx, Expr* func, std::span<CallArg> items, Span parens, Span span) {
  std::vector<Expr*> args;
  std::vector<Keyword*> keywords;
  if (!split_call_args(ctx, items, parens, args, keywords)) return nullptr;
  return make_expr<Call>(ctx, span, func, to_list(ctx, args), to_list(ctx, keywords));
}

// A class header's parentheses hold a call's argument list (bases and keywords such as metaclass=), minus the bare
// generator form, which the class rule of python.gram does not accept.
Stmt* build_class(ParseContext& ctx, int name_token, std::span<CallArg> items, bool has_parens, Span parens,
                  const Vec<Stmt*>& body, Span span) {
  std::vector<Expr*> bases;
  std::vector<Keyword*> keywords;
  if (has_parens) {
    for (const auto& item : items) {
      if (item.kind == CallArg::Kind::BareGenerator) {
        ctx.fail("invalid syntax", item.span);
        return nullptr;
      }
    }
    if (!split_call_args(ctx, items, parens, bases, keywords)) return nullptr;
  }
  return make_stmt<ClassDef>(ctx, span, identifier(ctx, name_token), to_list(ctx, bases), to_list(ctx, keywords),
                             to_list(ctx, body), List<Expr>{});
}

}  // namespace minipy::front
