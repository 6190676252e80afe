// ast.dump's rules: fields in ASDL order as name=value; an optional field that is None is left out; lists are
// always shown; operators and contexts print as `Add()`; positions follow the fields when asked for.
//
// The output is compared character for character with python3.11's `ast.dump` (the parser tests), so each
// node's fields are written in the order of CPython's Parser/Python.asdl, under its field names, whatever
// order minipy's structs keep them in.
#include "compiler/ast_dump.h"

#include <fmt/format.h>


namespace minipy {

namespace {

using namespace ast;

// The name tables are indexed by the enums, which list the ASDL constructors in ASDL order (binary operators
// come from the one table, compiler/binary_ops.def).
const char* operator_name(OperatorKind op) {
  static const char* kNames[] = {
#define BINARY_OP(ast_name, oparg, slot, symbol, stem) #ast_name,
#include "compiler/binary_ops.def"
  };
  return kNames[static_cast<int>(op)];
}
const char* unary_name(UnaryOpKind op) {
  static const char* kNames[] = {"Invert", "Not", "UAdd", "USub"};
  return kNames[static_cast<int>(op)];
}
const char* cmpop_name(CmpOpKind op) {
  static const char* kNames[] = {"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"};
  return kNames[static_cast<int>(op)];
}
const char* context_name(ExprContext c) {
  return c == ExprContext::Load ? "Load" : c == ExprContext::Store ? "Store" : "Del";
}

class Dumper {
 public:
  explicit Dumper(bool attributes) : attributes_(attributes) {}
  std::string out;

  void module(const Module& m) {
    if (m.mode == ParseMode::Eval) {
      out += "Expression(body=";
      expr(m.expression);
      out += ')';
      return;
    }
    out += m.mode == ParseMode::Single ? "Interactive(body=" : "Module(body=";
    list(m.body, [this](const Stmt* s) { stmt(s); });
    out += m.mode == ParseMode::Single ? ")" : ", type_ignores=[])";
  }

 private:
  // Writes `Name(field=value, ...)`, tracking whether a separator is needed; `close` appends the four position
  // attributes when include_attributes was asked for and the node has a location (operators, contexts and
  // other location-free nodes have none).
  struct Node {
    Dumper& d;
    bool first = true;
    Node(Dumper& dumper, const char* name) : d(dumper) {
      d.out += name;
      d.out += '(';
    }
    void field(const char* name) {
      if (!first) d.out += ", ";
      first = false;
      d.out += name;
      d.out += '=';
    }
    void close(const Location* loc) {
      if (loc && d.attributes_) {
        if (!first) d.out += ", ";
        d.out += fmt::format("lineno={}, col_offset={}, end_lineno={}, end_col_offset={}", loc->lineno,
                             loc->col_offset, loc->end_lineno, loc->end_col_offset);
      }
      d.out += ')';
    }
  };

  template <class Seq, class F>
  void list(const Seq& items, F each) {
    out += '[';
    bool first = true;
    for (const auto& item : items) {
      if (!first) out += ", ";
      first = false;
      each(item);
    }
    out += ']';
  }

  // Identifiers print as Python's repr of the str ('x'), as ast.dump shows them.
  void identifier(std::string_view id) { out += Const::str(std::string(id))->repr(); }
  // An optional child that is absent (None in Python) is left out entirely, as ast.dump does by default.
  void optional_expr(Node& n, const char* name, const Expr* e) {
    if (!e) return;
    n.field(name);
    expr(e);
  }
  void expr_field(Node& n, const char* name, const Expr* e) {
    n.field(name);
    expr(e);
  }
  void exprs_field(Node& n, const char* name, List<Expr> items) {
    n.field(name);
    list(items, [this](const Expr* e) { expr(e); });
  }
  void stmts_field(Node& n, const char* name, List<Stmt> items) {
    n.field(name);
    list(items, [this](const Stmt* s) { stmt(s); });
  }
  void ctx_field(Node& n, ExprContext c) {
    n.field("ctx");
    out += context_name(c);
    out += "()";
  }
  void raw_field(Node& n, const char* name, std::string_view text) {
    n.field(name);
    out += text;
  }

  void patterns_field(Node& n, const char* name, List<Pattern> items) {
    n.field(name);
    list(items, [this](const Pattern* p) { pattern(p); });
  }
  void optional_name(Node& n, const char* name, std::string_view id) {
    if (id.empty()) return;
    n.field(name);
    identifier(id);
  }
  void pattern(const Pattern* p) {
    Node n(*this, pattern_kind_name(p->kind));
    switch (p->kind) {
      case PatternKind::MatchValue: expr_field(n, "value", static_cast<const MatchValue*>(p)->value); break;
      case PatternKind::MatchSingleton:
        raw_field(n, "value", static_cast<const MatchSingleton*>(p)->value->repr());
        break;
      case PatternKind::MatchSequence: patterns_field(n, "patterns", static_cast<const MatchSequence*>(p)->patterns); break;
      case PatternKind::MatchMapping: {
        auto* x = static_cast<const MatchMapping*>(p);
        exprs_field(n, "keys", x->keys);
        patterns_field(n, "patterns", x->patterns);
        optional_name(n, "rest", x->rest);
        break;
      }
      case PatternKind::MatchClass: {
        auto* x = static_cast<const MatchClass*>(p);
        expr_field(n, "cls", x->cls);
        patterns_field(n, "patterns", x->patterns);
        n.field("kwd_attrs");
        list(x->kwd_attrs, [this](std::string_view a) { identifier(a); });
        patterns_field(n, "kwd_patterns", x->kwd_patterns);
        break;
      }
      case PatternKind::MatchStar: optional_name(n, "name", static_cast<const MatchStar*>(p)->name); break;
      case PatternKind::MatchAs: {
        auto* x = static_cast<const MatchAs*>(p);
        if (x->pattern) {
          n.field("pattern");
          pattern(x->pattern);
        }
        optional_name(n, "name", x->name);
        break;
      }
      case PatternKind::MatchOr: patterns_field(n, "patterns", static_cast<const MatchOr*>(p)->patterns); break;
    }
    n.close(&p->loc);
  }

  void expr(const Expr* e) {
    if (!e) {
      out += "None";
      return;
    }
    Node n(*this, expr_kind_name(e->kind));
    switch (e->kind) {
      case ExprKind::BoolOp: {
        auto* x = static_cast<const BoolOp*>(e);
        raw_field(n, "op", x->op == BoolOpKind::And ? "And()" : "Or()");
        exprs_field(n, "values", x->values);
        break;
      }
      case ExprKind::NamedExpr: {
        auto* x = static_cast<const NamedExpr*>(e);
        expr_field(n, "target", x->target);
        expr_field(n, "value", x->value);
        break;
      }
      case ExprKind::BinOp: {
        auto* x = static_cast<const BinOp*>(e);
        expr_field(n, "left", x->left);
        raw_field(n, "op", fmt::format("{}()", operator_name(x->op)));
        expr_field(n, "right", x->right);
        break;
      }
      case ExprKind::UnaryOp: {
        auto* x = static_cast<const UnaryOp*>(e);
        raw_field(n, "op", fmt::format("{}()", unary_name(x->op)));
        expr_field(n, "operand", x->operand);
        break;
      }
      case ExprKind::Lambda: {
        auto* x = static_cast<const Lambda*>(e);
        n.field("args");
        arguments(x->args);
        expr_field(n, "body", x->body);
        break;
      }
      case ExprKind::IfExp: {
        auto* x = static_cast<const IfExp*>(e);
        expr_field(n, "test", x->test);
        expr_field(n, "body", x->body);
        expr_field(n, "orelse", x->orelse);
        break;
      }
      case ExprKind::Dict: {
        auto* x = static_cast<const Dict*>(e);
        exprs_field(n, "keys", x->keys);
        exprs_field(n, "values", x->values);
        break;
      }
      case ExprKind::Set: exprs_field(n, "elts", static_cast<const Set*>(e)->elts); break;
      case ExprKind::ListComp: {
        auto* x = static_cast<const ListComp*>(e);
        expr_field(n, "elt", x->elt);
        generators(n, x->generators);
        break;
      }
      case ExprKind::SetComp: {
        auto* x = static_cast<const SetComp*>(e);
        expr_field(n, "elt", x->elt);
        generators(n, x->generators);
        break;
      }
      case ExprKind::GeneratorExp: {
        auto* x = static_cast<const GeneratorExp*>(e);
        expr_field(n, "elt", x->elt);
        generators(n, x->generators);
        break;
      }
      case ExprKind::DictComp: {
        auto* x = static_cast<const DictComp*>(e);
        expr_field(n, "key", x->key);
        expr_field(n, "value", x->value);
        generators(n, x->generators);
        break;
      }
      case ExprKind::Await: expr_field(n, "value", static_cast<const Await*>(e)->value); break;
      case ExprKind::Yield: optional_expr(n, "value", static_cast<const Yield*>(e)->value); break;
      case ExprKind::YieldFrom: expr_field(n, "value", static_cast<const YieldFrom*>(e)->value); break;
      case ExprKind::Compare: {
        auto* x = static_cast<const Compare*>(e);
        expr_field(n, "left", x->left);
        n.field("ops");
        list(x->ops, [this](CmpOpKind op) { out += fmt::format("{}()", cmpop_name(op)); });
        exprs_field(n, "comparators", x->comparators);
        break;
      }
      case ExprKind::Call: {
        auto* x = static_cast<const Call*>(e);
        expr_field(n, "func", x->func);
        exprs_field(n, "args", x->args);
        n.field("keywords");
        list(x->keywords, [this](const Keyword* k) { keyword(k); });
        break;
      }
      case ExprKind::FormattedValue: {
        auto* x = static_cast<const FormattedValue*>(e);
        expr_field(n, "value", x->value);
        raw_field(n, "conversion", std::to_string(x->conversion));
        optional_expr(n, "format_spec", x->format_spec);
        break;
      }
      case ExprKind::JoinedStr: exprs_field(n, "values", static_cast<const JoinedStr*>(e)->values); break;
      case ExprKind::Constant: {
        auto* x = static_cast<const Constant*>(e);
        raw_field(n, "value", x->value->repr());
        if (!x->kind.empty()) {
          n.field("kind");
          identifier(x->kind);
        }
        break;
      }
      case ExprKind::Attribute: {
        auto* x = static_cast<const Attribute*>(e);
        expr_field(n, "value", x->value);
        n.field("attr");
        identifier(x->attr);
        ctx_field(n, x->ctx);
        break;
      }
      case ExprKind::Subscript: {
        auto* x = static_cast<const Subscript*>(e);
        expr_field(n, "value", x->value);
        expr_field(n, "slice", x->slice);
        ctx_field(n, x->ctx);
        break;
      }
      case ExprKind::Starred: {
        auto* x = static_cast<const Starred*>(e);
        expr_field(n, "value", x->value);
        ctx_field(n, x->ctx);
        break;
      }
      case ExprKind::Name: {
        auto* x = static_cast<const Name*>(e);
        n.field("id");
        identifier(x->id);
        ctx_field(n, x->ctx);
        break;
      }
      case ExprKind::List: {
        auto* x = static_cast<const ListExpr*>(e);
        exprs_field(n, "elts", x->elts);
        ctx_field(n, x->ctx);
        break;
      }
      case ExprKind::Tuple: {
        auto* x = static_cast<const Tuple*>(e);
        exprs_field(n, "elts", x->elts);
        ctx_field(n, x->ctx);
        break;
      }
      case ExprKind::Slice: {
        auto* x = static_cast<const Slice*>(e);
        optional_expr(n, "lower", x->lower);
        optional_expr(n, "upper", x->upper);
        optional_expr(n, "step", x->step);
        break;
      }
    }
    n.close(&e->loc);
  }

  void generators(Node& n, List<Comprehension> gens) {
    n.field("generators");
    list(gens, [this](const Comprehension* c) {
      Node g(*this, "comprehension");
      expr_field(g, "target", c->target);
      expr_field(g, "iter", c->iter);
      exprs_field(g, "ifs", c->ifs);
      raw_field(g, "is_async", c->is_async ? "1" : "0");
      g.close(nullptr);
    });
  }

  void keyword(const Keyword* k) {
    Node n(*this, "keyword");
    if (!k->arg.empty()) {
      n.field("arg");
      identifier(k->arg);
    }
    expr_field(n, "value", k->value);
    n.close(&k->loc);
  }

  void arg(const Arg* a) {
    if (!a) {
      out += "None";
      return;
    }
    Node n(*this, "arg");
    n.field("arg");
    identifier(a->arg);
    optional_expr(n, "annotation", a->annotation);
    n.close(&a->loc);
  }

  void arguments(const Arguments* a) {
    Node n(*this, "arguments");
    n.field("posonlyargs");
    list(a->posonlyargs, [this](const Arg* x) { arg(x); });
    n.field("args");
    list(a->args, [this](const Arg* x) { arg(x); });
    if (a->vararg) {
      n.field("vararg");
      arg(a->vararg);
    }
    n.field("kwonlyargs");
    list(a->kwonlyargs, [this](const Arg* x) { arg(x); });
    exprs_field(n, "kw_defaults", a->kw_defaults);
    if (a->kwarg) {
      n.field("kwarg");
      arg(a->kwarg);
    }
    exprs_field(n, "defaults", a->defaults);
    n.close(nullptr);
  }

  void stmt(const Stmt* s) {
    Node n(*this, stmt_kind_name(s->kind));
    switch (s->kind) {
      case StmtKind::FunctionDef:
      case StmtKind::AsyncFunctionDef: {
        auto* x = static_cast<const FunctionDef*>(s);
        n.field("name");
        identifier(x->name);
        n.field("args");
        arguments(x->args);
        stmts_field(n, "body", x->body);
        exprs_field(n, "decorator_list", x->decorator_list);
        optional_expr(n, "returns", x->returns);
        break;
      }
      case StmtKind::ClassDef: {
        auto* x = static_cast<const ClassDef*>(s);
        n.field("name");
        identifier(x->name);
        exprs_field(n, "bases", x->bases);
        n.field("keywords");
        list(x->keywords, [this](const Keyword* k) { keyword(k); });
        stmts_field(n, "body", x->body);
        exprs_field(n, "decorator_list", x->decorator_list);
        break;
      }
      case StmtKind::Return: optional_expr(n, "value", static_cast<const Return*>(s)->value); break;
      case StmtKind::Delete: exprs_field(n, "targets", static_cast<const Delete*>(s)->targets); break;
      case StmtKind::Assign: {
        auto* x = static_cast<const Assign*>(s);
        exprs_field(n, "targets", x->targets);
        expr_field(n, "value", x->value);
        break;
      }
      case StmtKind::AugAssign: {
        auto* x = static_cast<const AugAssign*>(s);
        expr_field(n, "target", x->target);
        raw_field(n, "op", fmt::format("{}()", operator_name(x->op)));
        expr_field(n, "value", x->value);
        break;
      }
      case StmtKind::AnnAssign: {
        auto* x = static_cast<const AnnAssign*>(s);
        expr_field(n, "target", x->target);
        expr_field(n, "annotation", x->annotation);
        optional_expr(n, "value", x->value);
        raw_field(n, "simple", x->simple ? "1" : "0");
        break;
      }
      case StmtKind::For:
      case StmtKind::AsyncFor: {
        auto* x = static_cast<const For*>(s);
        expr_field(n, "target", x->target);
        expr_field(n, "iter", x->iter);
        stmts_field(n, "body", x->body);
        stmts_field(n, "orelse", x->orelse);
        break;
      }
      case StmtKind::While: {
        auto* x = static_cast<const While*>(s);
        expr_field(n, "test", x->test);
        stmts_field(n, "body", x->body);
        stmts_field(n, "orelse", x->orelse);
        break;
      }
      case StmtKind::If: {
        auto* x = static_cast<const If*>(s);
        expr_field(n, "test", x->test);
        stmts_field(n, "body", x->body);
        stmts_field(n, "orelse", x->orelse);
        break;
      }
      case StmtKind::With:
      case StmtKind::AsyncWith: {
        auto* x = static_cast<const With*>(s);
        n.field("items");
        list(x->items, [this](const WithItem* w) {
          Node item(*this, "withitem");
          expr_field(item, "context_expr", w->context_expr);
          optional_expr(item, "optional_vars", w->optional_vars);
          item.close(nullptr);
        });
        stmts_field(n, "body", x->body);
        break;
      }
      case StmtKind::Raise: {
        auto* x = static_cast<const Raise*>(s);
        optional_expr(n, "exc", x->exc);
        optional_expr(n, "cause", x->cause);
        break;
      }
      case StmtKind::Try:
      case StmtKind::TryStar: {
        auto* x = static_cast<const Try*>(s);
        stmts_field(n, "body", x->body);
        n.field("handlers");
        list(x->handlers, [this](const ExceptHandler* h) {
          Node hn(*this, "ExceptHandler");
          optional_expr(hn, "type", h->type);
          if (!h->name.empty()) {
            hn.field("name");
            identifier(h->name);
          }
          stmts_field(hn, "body", h->body);
          hn.close(&h->loc);
        });
        stmts_field(n, "orelse", x->orelse);
        stmts_field(n, "finalbody", x->finalbody);
        break;
      }
      case StmtKind::Assert: {
        auto* x = static_cast<const Assert*>(s);
        expr_field(n, "test", x->test);
        optional_expr(n, "msg", x->msg);
        break;
      }
      case StmtKind::Import: aliases(n, static_cast<const Import*>(s)->names); break;
      case StmtKind::ImportFrom: {
        auto* x = static_cast<const ImportFrom*>(s);
        if (!x->module.empty()) {
          n.field("module");
          identifier(x->module);
        }
        aliases(n, x->names);
        raw_field(n, "level", std::to_string(x->level));
        break;
      }
      case StmtKind::Global: names(n, static_cast<const Global*>(s)->names); break;
      case StmtKind::Nonlocal: names(n, static_cast<const Nonlocal*>(s)->names); break;
      case StmtKind::Expr: expr_field(n, "value", static_cast<const ExprStmt*>(s)->value); break;
      case StmtKind::Match: {
        auto* x = static_cast<const Match*>(s);
        expr_field(n, "subject", x->subject);
        n.field("cases");
        list(x->cases, [this](const MatchCase* c) {
          Node cn(*this, "match_case");
          cn.field("pattern");
          pattern(c->pattern);
          optional_expr(cn, "guard", c->guard);
          stmts_field(cn, "body", c->body);
          cn.close(nullptr);
        });
        break;
      }
      default: break;  // Pass, Break, Continue
    }
    n.close(&s->loc);
  }

  void aliases(Node& n, List<Alias> items) {
    n.field("names");
    list(items, [this](const Alias* a) {
      Node an(*this, "alias");
      an.field("name");
      identifier(a->name);
      if (!a->asname.empty()) {
        an.field("asname");
        identifier(a->asname);
      }
      an.close(&a->loc);
    });
  }

  void names(Node& n, std::span<const Identifier> ids) {
    n.field("names");
    list(ids, [this](Identifier id) { identifier(id); });
  }

  bool attributes_;
};

}  // namespace

std::string ast_dump(const ast::Module& module, bool include_attributes) {
  Dumper d(include_attributes);
  d.module(module);
  return std::move(d.out);
}

}  // namespace minipy
