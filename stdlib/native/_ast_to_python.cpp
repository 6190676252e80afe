// minipy's C++ tree -> Python node objects (CPython's ast2obj): every field in _fields order (None where an
// optional one is absent), then the positions. Operators and expression contexts are the shared instances the
// classes keep, as in CPython, so `tree.body[0].value.op is ast.parse('a-b').body[0].value.op`.
#include "compiler/ast.h"
#include "stdlib/native/_ast.h"
#include "vm/objects/heap_type.h"

namespace minipy::pyast {

namespace {

using namespace ast;

// The class of each C++ node kind: the kinds are named as the table's rows, so a kind without a row does not
// compile.
constexpr NodeClass kExprClasses[] = {
#define X(name) NodeClass::k##name,
    MINIPY_AST_EXPR_KINDS(X)
#undef X
};
constexpr NodeClass kStmtClasses[] = {
#define X(name) NodeClass::k##name,
    MINIPY_AST_STMT_KINDS(X)
#undef X
};
constexpr NodeClass kPatternClasses[] = {
#define X(name) NodeClass::k##name,
    MINIPY_AST_PATTERN_KINDS(X)
#undef X
};

// The n-th constructor after `first` (the C++ enums list operators in the ASDL's order).
NodeClass nth(NodeClass first, int n) { return static_cast<NodeClass>(static_cast<int>(first) + n); }

class Converter {
 public:
  Converter(ThreadState& ts, const TypeComments* type_comments) : ts_(ts), type_comments_(type_comments) {}

  Value module(const Module& m) {
    if (m.mode == ParseMode::Eval) return node(NodeClass::kExpression, {expr(m.expression)}, nullptr);
    Value body = stmts(m.body);
    if (m.mode == ParseMode::Single) return node(NodeClass::kInteractive, {body}, nullptr);
    return node(NodeClass::kModule, {body, type_ignores()}, nullptr);
  }

  Value func_type(const std::vector<const Expr*>& argtypes, const Expr* returns) {
    Value types = list(argtypes, [this](const Expr* e) { return expr(e); });
    return node(NodeClass::kFunctionType, {types, expr(returns)}, nullptr);
  }

 private:
  // A new instance of class `c` with `values` as its fields and `loc` as its positions (when it has them); null
  // if any value is null (its conversion failed, the exception is pending).
  Value node(NodeClass c, std::initializer_list<Value> values, const Location* loc) {
    for (Value v : values)
      if (!v) return Value();
    const ClassInfo& info = class_info(c);
    Value obj = object_new(ts_, static_cast<Type*>(info.cls.as_object()), {}, nullptr);
    if (!obj) return obj;
    size_t i = 0;
    for (Value v : values)
      if (!set_attr(ts_, obj, info.fields[i++].name, v)) return Value();
    if (loc) {
      const auto& attrs = info.base == NodeClass::kCount ? info.attributes : class_info(info.base).attributes;
      int32_t numbers[4] = {loc->lineno, loc->col_offset, loc->end_lineno, loc->end_col_offset};
      for (size_t k = 0; k < attrs.size() && k < 4; k++)
        if (!set_attr(ts_, obj, attrs[k].name, make_int(ts_, numbers[k]))) return Value();
    }
    return obj;
  }
  Value singleton(NodeClass c) { return class_info(c).singleton; }

  // The type comment of `n` (None without one), and the end an Assign's comment gives it.
  Value type_comment(const void* n) {
    if (!type_comments_) return None();
    auto it = type_comments_->of_node.find(n);
    return it == type_comments_->of_node.end() ? None() : Value(make_str(ts_, it->second));
  }
  const Location* with_comment_end(const Stmt* s, Location* storage) {
    if (!type_comments_) return &s->loc;
    auto it = type_comments_->end_of.find(s);
    if (it == type_comments_->end_of.end()) return &s->loc;
    *storage = s->loc;
    storage->end_lineno = it->second.first;
    storage->end_col_offset = it->second.second;
    return storage;
  }
  Value type_ignores() {
    ListObject* out = make_list(ts_, 0);
    if (!type_comments_) return Value(out);
    for (const auto& [line, tag] : type_comments_->ignores) {
      Value v = node(NodeClass::kTypeIgnore, {make_int(ts_, line), Value(make_str(ts_, tag))}, nullptr);
      if (!v || !list_append(ts_, out, v)) return Value();
    }
    return Value(out);
  }

  template <class Seq, class F>
  Value list(const Seq& items, F each) {
    ListObject* out = make_list(ts_, 0);
    for (const auto& item : items) {
      Value v = each(item);
      if (!v || !list_append(ts_, out, v)) return Value();
    }
    return Value(out);
  }
  Value exprs(List<Expr> items) { return list(items, [this](const Expr* e) { return expr(e); }); }
  Value stmts(List<Stmt> items) { return list(items, [this](const Stmt* s) { return stmt(s); }); }
  Value patterns(List<Pattern> items) { return list(items, [this](const Pattern* p) { return pattern(p); }); }
  Value identifier(std::string_view id) { return Value(intern(ts_, id)); }
  Value optional_identifier(std::string_view id) { return id.empty() ? None() : identifier(id); }
  Value identifiers(std::span<const Identifier> ids) {
    return list(ids, [this](Identifier id) { return identifier(id); });
  }
  Value integer(int64_t v) { return make_int(ts_, v); }
  Value constant(const Const* c) { return constant_to_value(ts_, ConstRef(ConstRef(), c)); }
  Value context(ExprContext c) { return singleton(nth(NodeClass::kLoad, static_cast<int>(c))); }
  Value op(OperatorKind k) { return singleton(nth(NodeClass::kAdd, static_cast<int>(k))); }

  Value expr(const Expr* e) {
    if (!e) return None();
    NodeClass c = kExprClasses[static_cast<size_t>(e->kind)];
    const Location* loc = &e->loc;
    switch (e->kind) {
      case ExprKind::BoolOp: {
        auto* x = static_cast<const BoolOp*>(e);
        return node(c, {singleton(x->op == BoolOpKind::And ? NodeClass::kAnd : NodeClass::kOr), exprs(x->values)}, loc);
      }
      case ExprKind::NamedExpr: {
        auto* x = static_cast<const NamedExpr*>(e);
        return node(c, {expr(x->target), expr(x->value)}, loc);
      }
      case ExprKind::BinOp: {
        auto* x = static_cast<const BinOp*>(e);
        return node(c, {expr(x->left), op(x->op), expr(x->right)}, loc);
      }
      case ExprKind::UnaryOp: {
        auto* x = static_cast<const UnaryOp*>(e);
        return node(c, {singleton(nth(NodeClass::kInvert, static_cast<int>(x->op))), expr(x->operand)}, loc);
      }
      case ExprKind::Lambda: {
        auto* x = static_cast<const Lambda*>(e);
        return node(c, {arguments(x->args), expr(x->body)}, loc);
      }
      case ExprKind::IfExp: {
        auto* x = static_cast<const IfExp*>(e);
        return node(c, {expr(x->test), expr(x->body), expr(x->orelse)}, loc);
      }
      case ExprKind::Dict: {
        auto* x = static_cast<const Dict*>(e);
        return node(c, {exprs(x->keys), exprs(x->values)}, loc);
      }
      case ExprKind::Set: return node(c, {exprs(static_cast<const Set*>(e)->elts)}, loc);
      case ExprKind::ListComp: {
        auto* x = static_cast<const ListComp*>(e);
        return node(c, {expr(x->elt), generators(x->generators)}, loc);
      }
      case ExprKind::SetComp: {
        auto* x = static_cast<const SetComp*>(e);
        return node(c, {expr(x->elt), generators(x->generators)}, loc);
      }
      case ExprKind::GeneratorExp: {
        auto* x = static_cast<const GeneratorExp*>(e);
        return node(c, {expr(x->elt), generators(x->generators)}, loc);
      }
      case ExprKind::DictComp: {
        auto* x = static_cast<const DictComp*>(e);
        return node(c, {expr(x->key), expr(x->value), generators(x->generators)}, loc);
      }
      case ExprKind::Await: return node(c, {expr(static_cast<const Await*>(e)->value)}, loc);
      case ExprKind::Yield: return node(c, {expr(static_cast<const Yield*>(e)->value)}, loc);
      case ExprKind::YieldFrom: return node(c, {expr(static_cast<const YieldFrom*>(e)->value)}, loc);
      case ExprKind::Compare: {
        auto* x = static_cast<const Compare*>(e);
        Value ops = list(x->ops, [this](CmpOpKind k) { return singleton(nth(NodeClass::kEq, static_cast<int>(k))); });
        return node(c, {expr(x->left), ops, exprs(x->comparators)}, loc);
      }
      case ExprKind::Call: {
        auto* x = static_cast<const Call*>(e);
        return node(c, {expr(x->func), exprs(x->args), keywords(x->keywords)}, loc);
      }
      case ExprKind::FormattedValue: {
        auto* x = static_cast<const FormattedValue*>(e);
        return node(c, {expr(x->value), integer(x->conversion), expr(x->format_spec)}, loc);
      }
      case ExprKind::JoinedStr: return node(c, {exprs(static_cast<const JoinedStr*>(e)->values)}, loc);
      case ExprKind::Constant: {
        auto* x = static_cast<const Constant*>(e);
        return node(c, {constant(x->value), x->kind.empty() ? None() : Value(make_str(ts_, x->kind))}, loc);
      }
      case ExprKind::Attribute: {
        auto* x = static_cast<const Attribute*>(e);
        return node(c, {expr(x->value), identifier(x->attr), context(x->ctx)}, loc);
      }
      case ExprKind::Subscript: {
        auto* x = static_cast<const Subscript*>(e);
        return node(c, {expr(x->value), expr(x->slice), context(x->ctx)}, loc);
      }
      case ExprKind::Starred: {
        auto* x = static_cast<const Starred*>(e);
        return node(c, {expr(x->value), context(x->ctx)}, loc);
      }
      case ExprKind::Name: {
        auto* x = static_cast<const Name*>(e);
        return node(c, {identifier(x->id), context(x->ctx)}, loc);
      }
      case ExprKind::List: {
        auto* x = static_cast<const ListExpr*>(e);
        return node(c, {exprs(x->elts), context(x->ctx)}, loc);
      }
      case ExprKind::Tuple: {
        auto* x = static_cast<const Tuple*>(e);
        return node(c, {exprs(x->elts), context(x->ctx)}, loc);
      }
      case ExprKind::Slice: {
        auto* x = static_cast<const Slice*>(e);
        return node(c, {expr(x->lower), expr(x->upper), expr(x->step)}, loc);
      }
    }
    return raise(ts_, SystemError_type, "unknown expression kind");
  }

  Value generators(List<Comprehension> gens) {
    return list(gens, [this](const Comprehension* g) {
      return node(NodeClass::kcomprehension, {expr(g->target), expr(g->iter), exprs(g->ifs), integer(g->is_async)},
                  nullptr);
    });
  }
  Value keywords(List<Keyword> items) {
    return list(items, [this](const Keyword* k) {
      return node(NodeClass::kkeyword, {optional_identifier(k->arg), expr(k->value)}, &k->loc);
    });
  }
  Value arg(const Arg* a) {
    if (!a) return None();
    return node(NodeClass::karg, {identifier(a->arg), expr(a->annotation), type_comment(a)}, &a->loc);
  }
  Value args(List<Arg> items) { return list(items, [this](const Arg* a) { return arg(a); }); }
  Value arguments(const Arguments* a) {
    return node(NodeClass::karguments,
                {args(a->posonlyargs), args(a->args), arg(a->vararg), args(a->kwonlyargs), exprs(a->kw_defaults),
                 arg(a->kwarg), exprs(a->defaults)},
                nullptr);
  }
  Value aliases(List<Alias> items) {
    return list(items, [this](const Alias* a) {
      return node(NodeClass::kalias, {identifier(a->name), optional_identifier(a->asname)}, &a->loc);
    });
  }

  Value stmt(const Stmt* s) {
    NodeClass c = kStmtClasses[static_cast<size_t>(s->kind)];
    const Location* loc = &s->loc;
    switch (s->kind) {
      case StmtKind::FunctionDef:
      case StmtKind::AsyncFunctionDef: {
        auto* x = static_cast<const FunctionDef*>(s);
        return node(c, {identifier(x->name), arguments(x->args), stmts(x->body), exprs(x->decorator_list),
                        expr(x->returns), type_comment(x)},
                    loc);
      }
      case StmtKind::ClassDef: {
        auto* x = static_cast<const ClassDef*>(s);
        return node(c, {identifier(x->name), exprs(x->bases), keywords(x->keywords), stmts(x->body),
                        exprs(x->decorator_list)},
                    loc);
      }
      case StmtKind::Return: return node(c, {expr(static_cast<const Return*>(s)->value)}, loc);
      case StmtKind::Delete: return node(c, {exprs(static_cast<const Delete*>(s)->targets)}, loc);
      case StmtKind::Assign: {
        auto* x = static_cast<const Assign*>(s);
        Location extended;
        return node(c, {exprs(x->targets), expr(x->value), type_comment(x)}, with_comment_end(s, &extended));
      }
      case StmtKind::AugAssign: {
        auto* x = static_cast<const AugAssign*>(s);
        return node(c, {expr(x->target), op(x->op), expr(x->value)}, loc);
      }
      case StmtKind::AnnAssign: {
        auto* x = static_cast<const AnnAssign*>(s);
        return node(c, {expr(x->target), expr(x->annotation), expr(x->value), integer(x->simple)}, loc);
      }
      case StmtKind::For:
      case StmtKind::AsyncFor: {
        auto* x = static_cast<const For*>(s);
        return node(c, {expr(x->target), expr(x->iter), stmts(x->body), stmts(x->orelse), type_comment(x)}, loc);
      }
      case StmtKind::While: {
        auto* x = static_cast<const While*>(s);
        return node(c, {expr(x->test), stmts(x->body), stmts(x->orelse)}, loc);
      }
      case StmtKind::If: {
        auto* x = static_cast<const If*>(s);
        return node(c, {expr(x->test), stmts(x->body), stmts(x->orelse)}, loc);
      }
      case StmtKind::With:
      case StmtKind::AsyncWith: {
        auto* x = static_cast<const With*>(s);
        Value items = list(x->items, [this](const WithItem* w) {
          return node(NodeClass::kwithitem, {expr(w->context_expr), expr(w->optional_vars)}, nullptr);
        });
        if (type_comments_) {
          if (auto it = type_comments_->items_as_tuple.find(x); it != type_comments_->items_as_tuple.end()) {
            Value elts = list(x->items, [this](const WithItem* w) { return expr(w->context_expr); });
            Value tuple = node(NodeClass::kTuple, {elts, context(ExprContext::Load)}, &it->second);
            Value item = node(NodeClass::kwithitem, {tuple, None()}, nullptr);
            ListObject* one = make_list(ts_, 0);
            if (!item || !list_append(ts_, one, item)) return Value();
            items = Value(one);
          }
        }
        return node(c, {items, stmts(x->body), type_comment(x)}, loc);
      }
      case StmtKind::Match: {
        auto* x = static_cast<const Match*>(s);
        Value cases = list(x->cases, [this](const MatchCase* mc) {
          return node(NodeClass::kmatch_case, {pattern(mc->pattern), expr(mc->guard), stmts(mc->body)}, nullptr);
        });
        return node(c, {expr(x->subject), cases}, loc);
      }
      case StmtKind::Raise: {
        auto* x = static_cast<const Raise*>(s);
        return node(c, {expr(x->exc), expr(x->cause)}, loc);
      }
      case StmtKind::Try:
      case StmtKind::TryStar: {
        auto* x = static_cast<const Try*>(s);
        Value handlers = list(x->handlers, [this](const ExceptHandler* h) {
          return node(NodeClass::kExceptHandler, {expr(h->type), optional_identifier(h->name), stmts(h->body)},
                      &h->loc);
        });
        return node(c, {stmts(x->body), handlers, stmts(x->orelse), stmts(x->finalbody)}, loc);
      }
      case StmtKind::Assert: {
        auto* x = static_cast<const Assert*>(s);
        return node(c, {expr(x->test), expr(x->msg)}, loc);
      }
      case StmtKind::Import: return node(c, {aliases(static_cast<const Import*>(s)->names)}, loc);
      case StmtKind::ImportFrom: {
        auto* x = static_cast<const ImportFrom*>(s);
        return node(c, {optional_identifier(x->module), aliases(x->names), integer(x->level)}, loc);
      }
      case StmtKind::Global: return node(c, {identifiers(static_cast<const Global*>(s)->names)}, loc);
      case StmtKind::Nonlocal: return node(c, {identifiers(static_cast<const Nonlocal*>(s)->names)}, loc);
      case StmtKind::Expr: return node(c, {expr(static_cast<const ExprStmt*>(s)->value)}, loc);
      case StmtKind::Pass:
      case StmtKind::Break:
      case StmtKind::Continue: return node(c, {}, loc);
    }
    return raise(ts_, SystemError_type, "unknown statement kind");
  }

  Value pattern(const Pattern* p) {
    if (!p) return None();
    NodeClass c = kPatternClasses[static_cast<size_t>(p->kind)];
    const Location* loc = &p->loc;
    switch (p->kind) {
      case PatternKind::MatchValue: return node(c, {expr(static_cast<const MatchValue*>(p)->value)}, loc);
      case PatternKind::MatchSingleton: return node(c, {constant(static_cast<const MatchSingleton*>(p)->value)}, loc);
      case PatternKind::MatchSequence: return node(c, {patterns(static_cast<const MatchSequence*>(p)->patterns)}, loc);
      case PatternKind::MatchMapping: {
        auto* x = static_cast<const MatchMapping*>(p);
        return node(c, {exprs(x->keys), patterns(x->patterns), optional_identifier(x->rest)}, loc);
      }
      case PatternKind::MatchClass: {
        auto* x = static_cast<const MatchClass*>(p);
        return node(c, {expr(x->cls), patterns(x->patterns), identifiers(x->kwd_attrs), patterns(x->kwd_patterns)},
                    loc);
      }
      case PatternKind::MatchStar: return node(c, {optional_identifier(static_cast<const MatchStar*>(p)->name)}, loc);
      case PatternKind::MatchAs: {
        auto* x = static_cast<const MatchAs*>(p);
        return node(c, {pattern(x->pattern), optional_identifier(x->name)}, loc);
      }
      case PatternKind::MatchOr: return node(c, {patterns(static_cast<const MatchOr*>(p)->patterns)}, loc);
    }
    return raise(ts_, SystemError_type, "unknown pattern kind");
  }

  ThreadState& ts_;
  const TypeComments* type_comments_;
};

}  // namespace

Value func_type_to_python(ThreadState& ts, const std::vector<const ast::Expr*>& argtypes, const ast::Expr* returns) {
  return Converter(ts, nullptr).func_type(argtypes, returns);
}

Value module_to_python(ThreadState& ts, const ast::Module& module, const TypeComments* type_comments) {
  return Converter(ts, type_comments).module(module);
}

}  // namespace minipy::pyast
