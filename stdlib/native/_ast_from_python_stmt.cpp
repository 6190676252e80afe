// Python statement and pattern nodes -> minipy's C++ tree: the second half of the Reader of
// _ast_from_python.h (the first half, with the module, product types and expressions, is _ast_from_python.cpp).
#include "stdlib/native/_ast_from_python.h"

namespace minipy::pyast::from_python {

// ---- statements ----
bool Reader::to_stmt(Value v, Stmt** out) {
  *out = nullptr;
  if (is_none(v)) return true;
  Depth depth(ts_, "stmt");
  if (!depth.entered) return false;
  Location loc;
  if (!positions(v, NodeClass::kstmt, &loc)) return false;
  NodeClass c = which(v, NodeClass::kstmt);
  if (c == NodeClass::kCount) return false;
  if (!valid_positions(loc)) return false;
  Node n{v, c};
  auto make = [&](auto* node, StmtKind kind) {
    node->kind = kind;
    node->loc = loc;
    *out = node;
    return true;
  };
  auto type_comment = [&]() {  // accepted and dropped: minipy keeps no type comments
    Identifier ignored;
    Value tc = take(n);
    return tc && to_identifier(tc, &ignored, true);
  };
  switch (c) {
    case NodeClass::kFunctionDef:
    case NodeClass::kAsyncFunctionDef: {
      auto fill = [&](FunctionDef* x, StmtKind kind) {
        Value a;
        return identifier_field(n, &x->name) && (a = take(n)) && arguments(a, &x->args) && require(n, x->args) &&
               stmts_field(n, &x->body, true) && exprs_field(n, &x->decorator_list) && expr_field(n, &x->returns) &&
               type_comment() && make(x, kind);
      };
      if (c == NodeClass::kFunctionDef) return fill(alloc<FunctionDef>(), StmtKind::FunctionDef);
      return fill(alloc<AsyncFunctionDef>(), StmtKind::AsyncFunctionDef);
    }
    case NodeClass::kClassDef: {
      auto* x = alloc<ClassDef>();
      return identifier_field(n, &x->name) && exprs_field(n, &x->bases) &&
             list_field(n, &x->keywords, [&](Value k, Keyword** o) { return keyword(k, o); }) &&
             stmts_field(n, &x->body, true) && exprs_field(n, &x->decorator_list) && make(x, StmtKind::ClassDef);
    }
    case NodeClass::kReturn: {
      auto* x = alloc<Return>();
      return expr_field(n, &x->value) && make(x, StmtKind::Return);
    }
    case NodeClass::kDelete: {
      auto* x = alloc<Delete>();
      return exprs_field(n, &x->targets, ExprContext::Del) && nonempty_check(n, x->targets.size()) &&
             make(x, StmtKind::Delete);
    }
    case NodeClass::kAssign: {
      auto* x = alloc<Assign>();
      return exprs_field(n, &x->targets, ExprContext::Store) && nonempty_check(n, x->targets.size()) &&
             expr_field(n, &x->value) && type_comment() && make(x, StmtKind::Assign);
    }
    case NodeClass::kAugAssign: {
      auto* x = alloc<AugAssign>();
      int op;
      if (!expr_field(n, &x->target, ExprContext::Store) || !simple_field(n, NodeClass::koperator, &op) ||
          !expr_field(n, &x->value))
        return false;
      x->op = static_cast<OperatorKind>(op);
      return make(x, StmtKind::AugAssign);
    }
    case NodeClass::kAnnAssign: {
      auto* x = alloc<AnnAssign>();
      int64_t simple_target;
      if (!expr_field(n, &x->target, ExprContext::Store) || !expr_field(n, &x->annotation) ||
          !expr_field(n, &x->value) || !int_field(n, &simple_target))
        return false;
      x->simple = simple_target != 0;
      return make(x, StmtKind::AnnAssign);
    }
    case NodeClass::kFor:
    case NodeClass::kAsyncFor: {
      auto fill = [&](For* x, StmtKind kind) {
        return expr_field(n, &x->target, ExprContext::Store) && expr_field(n, &x->iter) &&
               stmts_field(n, &x->body, true) && stmts_field(n, &x->orelse) && type_comment() && make(x, kind);
      };
      if (c == NodeClass::kFor) return fill(alloc<For>(), StmtKind::For);
      return fill(alloc<AsyncFor>(), StmtKind::AsyncFor);
    }
    case NodeClass::kWhile: {
      auto* x = alloc<While>();
      return expr_field(n, &x->test) && stmts_field(n, &x->body, true) && stmts_field(n, &x->orelse) &&
             make(x, StmtKind::While);
    }
    case NodeClass::kIf: {
      auto* x = alloc<If>();
      return expr_field(n, &x->test) && stmts_field(n, &x->body, true) && stmts_field(n, &x->orelse) &&
             make(x, StmtKind::If);
    }
    case NodeClass::kWith:
    case NodeClass::kAsyncWith: {
      auto item = [&](Value w, WithItem** o) {
        auto* x = alloc<WithItem>();
        Node in{w, NodeClass::kwithitem};
        *o = x;
        return expr_field(in, &x->context_expr) && expr_field(in, &x->optional_vars, ExprContext::Store);
      };
      auto fill = [&](With* x, StmtKind kind) {
        return list_field(n, &x->items, item) && nonempty_check(n, x->items.size()) &&
               stmts_field(n, &x->body, true) && type_comment() && make(x, kind);
      };
      if (c == NodeClass::kWith) return fill(alloc<With>(), StmtKind::With);
      return fill(alloc<AsyncWith>(), StmtKind::AsyncWith);
    }
    case NodeClass::kMatch: {
      auto* x = alloc<Match>();
      auto one_case = [&](Value m, MatchCase** o) {
        auto* mc = alloc<MatchCase>();
        Node cn{m, NodeClass::kmatch_case};
        Value p = take(cn);
        *o = mc;
        return p && to_pattern(p, &mc->pattern) && require(cn, mc->pattern) && expr_field(cn, &mc->guard) &&
               stmts_field(cn, &mc->body, true);
      };
      return expr_field(n, &x->subject) && list_field(n, &x->cases, one_case) && nonempty_check(n, x->cases.size()) &&
             make(x, StmtKind::Match);
    }
    case NodeClass::kRaise: {
      auto* x = alloc<Raise>();
      if (!expr_field(n, &x->exc) || !expr_field(n, &x->cause)) return false;
      if (x->cause && !x->exc) return raise(ts_, ValueError_type, "Raise with cause but no exception"), false;
      return make(x, StmtKind::Raise);
    }
    case NodeClass::kTry:
    case NodeClass::kTryStar: {
      bool star = c == NodeClass::kTryStar;
      auto handler = [&](Value h, ExceptHandler** o) {
        Location hloc;
        if (!positions(h, NodeClass::kexcepthandler, &hloc)) return false;
        if (which(h, NodeClass::kexcepthandler) == NodeClass::kCount) return false;
        auto* x = alloc<ExceptHandler>();
        Node hn{h, NodeClass::kExceptHandler};
        Value name;
        x->loc = hloc;
        x->is_star = star;
        *o = x;
        return expr_field(hn, &x->type) && (name = take(hn)) && to_identifier(name, &x->name) &&
               stmts_field(hn, &x->body, true);
      };
      auto fill = [&](Try* x, StmtKind kind) {
        if (!stmts_field(n, &x->body, true) || !list_field(n, &x->handlers, handler) || !stmts_field(n, &x->orelse) ||
            !stmts_field(n, &x->finalbody))
          return false;
        const char* name = class_info(c).name;
        if (x->handlers.empty() && x->finalbody.empty())
          return raise_fmt(ts_, ValueError_type, "{} has neither except handlers nor finalbody", name), false;
        if (x->handlers.empty() && !x->orelse.empty())
          return raise_fmt(ts_, ValueError_type, "{} has orelse but no except handlers", name), false;
        return make(x, kind);
      };
      if (star) return fill(alloc<TryStar>(), StmtKind::TryStar);
      return fill(alloc<Try>(), StmtKind::Try);
    }
    case NodeClass::kAssert: {
      auto* x = alloc<Assert>();
      return expr_field(n, &x->test) && expr_field(n, &x->msg) && make(x, StmtKind::Assert);
    }
    case NodeClass::kImport:
    case NodeClass::kImportFrom: {
      auto alias = [&](Value a, Alias** o) {
        auto* x = alloc<Alias>();
        Node an{a, NodeClass::kalias};
        Value as;
        *o = x;
        return positions(a, NodeClass::kalias, &x->loc) && identifier_field(an, &x->name) && (as = take(an)) &&
               to_identifier(as, &x->asname);
      };
      if (c == NodeClass::kImport) {
        auto* x = alloc<Import>();
        return list_field(n, &x->names, alias) && nonempty_check(n, x->names.size()) && make(x, StmtKind::Import);
      }
      auto* x = alloc<ImportFrom>();
      Value module;
      int64_t level = 0;
      if (!(module = take(n)) || !to_identifier(module, &x->module) || !list_field(n, &x->names, alias) ||
          !nonempty_check(n, x->names.size()))
        return false;
      Value lv = take(n);
      if (!lv || (!is_none(lv) && !to_int(lv, &level))) return false;
      if (level < 0) return raise(ts_, ValueError_type, "Negative ImportFrom level"), false;
      x->level = static_cast<int>(level);
      return make(x, StmtKind::ImportFrom);
    }
    case NodeClass::kGlobal: {
      auto* x = alloc<Global>();
      return identifiers_field(n, &x->names) && nonempty_check(n, x->names.size()) && make(x, StmtKind::Global);
    }
    case NodeClass::kNonlocal: {
      auto* x = alloc<Nonlocal>();
      return identifiers_field(n, &x->names) && nonempty_check(n, x->names.size()) && make(x, StmtKind::Nonlocal);
    }
    case NodeClass::kExpr: {
      auto* x = alloc<ExprStmt>();
      return expr_field(n, &x->value) && make(x, StmtKind::Expr);
    }
    case NodeClass::kPass: return make(alloc<Pass>(), StmtKind::Pass);
    case NodeClass::kBreak: return make(alloc<Break>(), StmtKind::Break);
    case NodeClass::kContinue: return make(alloc<Continue>(), StmtKind::Continue);
    default: break;
  }
  raise(ts_, SystemError_type, "unknown statement class");
  return false;
}

// ---- patterns ----
bool Reader::to_pattern(Value v, Pattern** out) {
  *out = nullptr;
  if (is_none(v)) return true;
  Depth depth(ts_, "pattern");
  if (!depth.entered) return false;
  Location loc;
  if (!positions(v, NodeClass::kpattern, &loc)) return false;
  NodeClass c = which(v, NodeClass::kpattern);
  if (c == NodeClass::kCount) return false;
  Node n{v, c};
  auto make = [&](auto* node, PatternKind kind) {
    node->kind = kind;
    node->loc = loc;
    *out = node;
    return true;
  };
  auto patterns = [&](List<Pattern>* list) {
    return list_field(n, list, [&](Value p, Pattern** o) {
      if (!to_pattern(p, o)) return false;
      if (!*o) return raise(ts_, ValueError_type, "None disallowed in pattern list"), false;
      return true;
    });
  };
  auto fail = [&](const char* message) { return raise(ts_, ValueError_type, message), false; };
  // A capture name: not a constant's name (validate_name), and not the wildcard (validate_capture).
  auto name = [&](Identifier* id) {
    Value x = take(n);
    if (!x || !to_identifier(x, id)) return false;
    if (*id == "None" || *id == "True" || *id == "False")
      return raise_fmt(ts_, ValueError_type, "identifier field can't represent '{}' constant", *id), false;
    if (*id == "_") return raise(ts_, ValueError_type, "can't capture name '_' in patterns"), false;
    return true;
  };
  // validate_pattern_match_value: what a value pattern or a mapping key may be.
  auto match_value = [&](Expr* e) {
    if (auto* k = e->as<Constant>()) {
      Const::Kind kind = k->value->kind();
      if (kind == Const::Kind::Int || kind == Const::Kind::Float || kind == Const::Kind::Bytes ||
          kind == Const::Kind::Complex || kind == Const::Kind::Str)
        return true;
      return fail("unexpected constant inside of a literal pattern");
    }
    if (e->kind == ExprKind::Attribute || e->kind == ExprKind::JoinedStr) return true;
    if (auto* u = e->as<UnaryOp>(); u && u->op == UnaryOpKind::USub) return true;
    if (auto* b = e->as<BinOp>(); b && (b->op == OperatorKind::Add || b->op == OperatorKind::Sub)) return true;
    return fail("patterns may only match literals and attribute lookups");
  };
  switch (c) {
    case NodeClass::kMatchValue: {
      auto* x = alloc<MatchValue>();
      return expr_field(n, &x->value) && match_value(x->value) && make(x, PatternKind::MatchValue);
    }
    case NodeClass::kMatchSingleton: {
      auto* x = alloc<MatchSingleton>();
      Value value = take(n);
      if (!value) return false;
      if (!is_none(value) && value != True() && value != False())
        return raise(ts_, ValueError_type, "MatchSingleton can only contain True, False and None"), false;
      x->value = arena_.keep(is_none(value) ? Const::none() : Const::boolean(value == True()));
      return make(x, PatternKind::MatchSingleton);
    }
    case NodeClass::kMatchSequence: {
      auto* x = alloc<MatchSequence>();
      return patterns(&x->patterns) && make(x, PatternKind::MatchSequence);
    }
    case NodeClass::kMatchMapping: {
      auto* x = alloc<MatchMapping>();
      if (!exprs_field(n, &x->keys) || !patterns(&x->patterns)) return false;
      if (x->keys.size() != x->patterns.size())
        return fail("MatchMapping doesn't have the same number of keys as patterns");
      if (!name(&x->rest)) return false;
      for (Expr* key : x->keys)
        if (key->kind != ExprKind::Constant && key->kind != ExprKind::Attribute && !match_value(key)) return false;
      return make(x, PatternKind::MatchMapping);
    }
    case NodeClass::kMatchClass: {
      auto* x = alloc<MatchClass>();
      if (!expr_field(n, &x->cls)) return false;
      for (Expr* cls = x->cls; cls->kind != ExprKind::Name;) {
        auto* a = cls->as<Attribute>();
        if (!a) return fail("MatchClass cls field can only contain Name or Attribute nodes.");
        cls = a->value;
      }
      if (!patterns(&x->patterns) || !identifiers_field(n, &x->kwd_attrs) || !patterns(&x->kwd_patterns))
        return false;
      if (x->kwd_attrs.size() != x->kwd_patterns.size())
        return fail("MatchClass doesn't have the same number of keyword attributes as patterns");
      return make(x, PatternKind::MatchClass);
    }
    case NodeClass::kMatchStar: {
      auto* x = alloc<MatchStar>();
      return name(&x->name) && make(x, PatternKind::MatchStar);
    }
    case NodeClass::kMatchAs: {
      auto* x = alloc<MatchAs>();
      Value p = take(n);
      if (!p || !to_pattern(p, &x->pattern) || !name(&x->name)) return false;
      if (x->pattern && x->name.empty()) return fail("MatchAs must specify a target name if a pattern is given");
      return make(x, PatternKind::MatchAs);
    }
    case NodeClass::kMatchOr: {
      auto* x = alloc<MatchOr>();
      if (!patterns(&x->patterns)) return false;
      if (x->patterns.size() < 2) return fail("MatchOr requires at least 2 patterns");
      return make(x, PatternKind::MatchOr);
    }
    default: break;
  }
  raise(ts_, SystemError_type, "unknown pattern class");
  return false;
}

}  // namespace minipy::pyast::from_python
