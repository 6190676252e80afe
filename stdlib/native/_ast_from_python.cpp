// Python node objects -> minipy's C++ tree, for compile() of a tree built or edited in Python (CPython's obj2ast
// plus the checks of Python/ast.c's validator). Fields are read in _fields order with CPython's messages:
//   TypeError  required field "value" missing from Expr          (attribute absent)
//   TypeError  Module field "body" must be a list, not a Pass
//   TypeError  expected some sort of expr, but got <ast.Module object at ...>
//   ValueError field 'value' is required for Expr                 (None where a node is required)
//   ValueError expression must have Store context but has Load instead
// Positions: lineno/col_offset are required (a sum's attributes are read before its kind is known, so a wrong
// object in an expr field first reports 'required field "lineno" missing from expr', as CPython does);
// end positions default to the start when absent.
// The Reader class is in _ast_from_python.h; statements and patterns are in _ast_from_python_stmt.cpp.
#include "stdlib/native/_ast_from_python.h"

namespace minipy::pyast {

namespace from_python {

// ---- product types ----
bool Reader::arg(Value v, Arg** out) {
  if (is_none(v)) return *out = nullptr, true;
  auto* a = alloc<Arg>();
  Node n{v, NodeClass::karg};
  if (!positions(v, NodeClass::karg, &a->loc) || !identifier_field(n, &a->arg)) return false;
  Value ann = take(n);
  if (!ann || !to_expr(ann, &a->annotation)) return false;
  Identifier type_comment;
  Value tc = take(n);
  if (!tc || !to_identifier(tc, &type_comment, true)) return false;
  *out = a;
  return true;
}

bool Reader::arguments(Value v, Arguments** out) {
  if (is_none(v)) return *out = nullptr, true;
  auto* a = alloc<Arguments>();
  Node n{v, NodeClass::karguments};
  auto args = [&](Value item, Arg** x) {
    if (!arg(item, x)) return false;
    if (!*x) return raise(ts_, ValueError_type, "None disallowed in expression list"), false;
    return true;
  };
  auto optional_arg = [&](Arg** x) {
    Value item = take(n);
    return item && arg(item, x);
  };
  if (!list_field(n, &a->posonlyargs, args) || !list_field(n, &a->args, args) || !optional_arg(&a->vararg) ||
      !list_field(n, &a->kwonlyargs, args) || !exprs_field(n, &a->kw_defaults, ExprContext::Load, true) ||
      !optional_arg(&a->kwarg) || !exprs_field(n, &a->defaults))
    return false;
  if (a->defaults.size() > a->posonlyargs.size() + a->args.size())
    return raise(ts_, ValueError_type, "more positional defaults than args on arguments"), false;
  if (a->kw_defaults.size() != a->kwonlyargs.size())
    return raise(ts_, ValueError_type, "length of kwonlyargs is not the same as kw_defaults on arguments"), false;
  *out = a;
  return true;
}

bool Reader::keyword(Value v, Keyword** out) {
  auto* k = alloc<Keyword>();
  Node n{v, NodeClass::kkeyword};
  if (!positions(v, NodeClass::kkeyword, &k->loc)) return false;
  Value name = take(n);
  if (!name || !to_identifier(name, &k->arg) || !expr_field(n, &k->value)) return false;
  *out = k;
  return true;
}

bool Reader::comprehensions(Node& parent, List<Comprehension>* out) {
  if (!list_field(parent, out, [&](Value v, Comprehension** c) {
        auto* g = alloc<Comprehension>();
        Node n{v, NodeClass::kcomprehension};
        int64_t is_async = 0;
        if (!expr_field(n, &g->target, ExprContext::Store) || !expr_field(n, &g->iter) || !exprs_field(n, &g->ifs) ||
            !int_field(n, &is_async))
          return false;
        g->is_async = is_async != 0;
        *c = g;
        return true;
      }))
    return false;
  if (out->empty()) return raise(ts_, ValueError_type, "comprehension with no generators"), false;
  return true;
}

// ---- expressions ----
bool Reader::to_expr(Value v, Expr** out, ExprContext ctx) {
  *out = nullptr;
  if (is_none(v)) return true;
  Depth depth(ts_, "expr");
  if (!depth.entered) return false;
  Location loc;
  if (!positions(v, NodeClass::kexpr, &loc)) return false;
  NodeClass c = which(v, NodeClass::kexpr);
  if (c == NodeClass::kCount) return false;
  if (!valid_positions(loc)) return false;
  Node n{v, c};
  // Expression nodes that carry a context; every other expression must appear where a load is expected.
  bool has_ctx = c == NodeClass::kAttribute || c == NodeClass::kSubscript || c == NodeClass::kStarred ||
                 c == NodeClass::kName || c == NodeClass::kList || c == NodeClass::kTuple;
  if (!has_ctx && ctx != ExprContext::Load) {
    raise_fmt(ts_, ValueError_type, "expression which can't be assigned to in {} context", context_name(ctx));
    return false;
  }
  auto make = [&](auto* node, ExprKind kind) {
    static_cast<Expr*>(node)->kind = kind;  // Constant's own `kind` field hides the base's
    node->loc = loc;
    *out = node;
    return true;
  };
  switch (c) {
    case NodeClass::kBoolOp: {
      auto* x = alloc<BoolOp>();
      int op;
      if (!simple_field(n, NodeClass::kboolop, &op) || !exprs_field(n, &x->values)) return false;
      x->op = static_cast<BoolOpKind>(op);
      if (x->values.size() < 2) return raise(ts_, ValueError_type, "BoolOp with less than 2 values"), false;
      return make(x, ExprKind::BoolOp);
    }
    case NodeClass::kNamedExpr: {
      auto* x = alloc<NamedExpr>();
      if (!expr_field(n, &x->target, ExprContext::Store) || !expr_field(n, &x->value)) return false;
      return make(x, ExprKind::NamedExpr);
    }
    case NodeClass::kBinOp: {
      auto* x = alloc<BinOp>();
      int op;
      if (!expr_field(n, &x->left) || !simple_field(n, NodeClass::koperator, &op) || !expr_field(n, &x->right))
        return false;
      x->op = static_cast<OperatorKind>(op);
      return make(x, ExprKind::BinOp);
    }
    case NodeClass::kUnaryOp: {
      auto* x = alloc<UnaryOp>();
      int op;
      if (!simple_field(n, NodeClass::kunaryop, &op) || !expr_field(n, &x->operand)) return false;
      x->op = static_cast<UnaryOpKind>(op);
      return make(x, ExprKind::UnaryOp);
    }
    case NodeClass::kLambda: {
      auto* x = alloc<Lambda>();
      Value a = take(n);
      if (!a || !arguments(a, &x->args) || !require(n, x->args) || !expr_field(n, &x->body)) return false;
      return make(x, ExprKind::Lambda);
    }
    case NodeClass::kIfExp: {
      auto* x = alloc<IfExp>();
      if (!expr_field(n, &x->test) || !expr_field(n, &x->body) || !expr_field(n, &x->orelse)) return false;
      return make(x, ExprKind::IfExp);
    }
    case NodeClass::kDict: {
      auto* x = alloc<Dict>();
      if (!exprs_field(n, &x->keys, ExprContext::Load, true) || !exprs_field(n, &x->values)) return false;
      if (x->keys.size() != x->values.size())
        return raise(ts_, ValueError_type, "Dict doesn't have the same number of keys as values"), false;
      return make(x, ExprKind::Dict);
    }
    case NodeClass::kSet: {
      auto* x = alloc<Set>();
      if (!exprs_field(n, &x->elts)) return false;
      return make(x, ExprKind::Set);
    }
    case NodeClass::kListComp:
    case NodeClass::kSetComp:
    case NodeClass::kGeneratorExp: {
      // The validator checks the generators before the element, so they are read first.
      auto comp = [&](auto* x, ExprKind kind) {
        n.next = 1;
        if (!comprehensions(n, &x->generators)) return false;
        n.next = 0;
        return expr_field(n, &x->elt) && make(x, kind);
      };
      if (c == NodeClass::kListComp) return comp(alloc<ListComp>(), ExprKind::ListComp);
      if (c == NodeClass::kSetComp) return comp(alloc<SetComp>(), ExprKind::SetComp);
      return comp(alloc<GeneratorExp>(), ExprKind::GeneratorExp);
    }
    case NodeClass::kDictComp: {
      auto* x = alloc<DictComp>();
      n.next = 2;  // generators first, as for the other comprehensions
      if (!comprehensions(n, &x->generators)) return false;
      n.next = 0;
      if (!expr_field(n, &x->key) || !expr_field(n, &x->value)) return false;
      return make(x, ExprKind::DictComp);
    }
    case NodeClass::kAwait: {
      auto* x = alloc<Await>();
      return expr_field(n, &x->value) && make(x, ExprKind::Await);
    }
    case NodeClass::kYieldFrom: {
      auto* x = alloc<YieldFrom>();
      return expr_field(n, &x->value) && make(x, ExprKind::YieldFrom);
    }
    case NodeClass::kYield: {
      auto* x = alloc<Yield>();
      if (!expr_field(n, &x->value)) return false;
      return make(x, ExprKind::Yield);
    }
    case NodeClass::kCompare: {
      auto* x = alloc<Compare>();
      std::vector<CmpOpKind> ops;
      if (!expr_field(n, &x->left)) return false;
      Value op_list = take(n);
      if (!op_list) return false;
      auto* l = static_cast<ListObject*>(op_list.as_object());
      for (int64_t i = 0; i < l->size; i++) {
        int op;
        if (!simple(l->items[i], NodeClass::kcmpop, &op)) return false;
        ops.push_back(static_cast<CmpOpKind>(op));
      }
      x->ops = arena_.array(ops);
      if (!exprs_field(n, &x->comparators)) return false;
      if (x->comparators.empty()) return raise(ts_, ValueError_type, "Compare with no comparators"), false;
      if (x->comparators.size() != x->ops.size())
        return raise(ts_, ValueError_type, "Compare has a different number of comparators and operands"), false;
      return make(x, ExprKind::Compare);
    }
    case NodeClass::kCall: {
      auto* x = alloc<Call>();
      if (!expr_field(n, &x->func) || !exprs_field(n, &x->args) ||
          !list_field(n, &x->keywords, [&](Value k, Keyword** out) { return keyword(k, out); }))
        return false;
      return make(x, ExprKind::Call);
    }
    case NodeClass::kFormattedValue: {
      auto* x = alloc<FormattedValue>();
      int64_t conversion;
      if (!expr_field(n, &x->value) || !int_field(n, &conversion) || !expr_field(n, &x->format_spec)) return false;
      x->conversion = static_cast<int>(conversion);
      return make(x, ExprKind::FormattedValue);
    }
    case NodeClass::kJoinedStr: {
      auto* x = alloc<JoinedStr>();
      if (!exprs_field(n, &x->values)) return false;
      return make(x, ExprKind::JoinedStr);
    }
    case NodeClass::kConstant: {
      auto* x = alloc<Constant>();
      Value value = take(n);
      ConstRef c;
      if (!value || !to_const(value, &c)) return false;
      x->value = arena_.keep(std::move(c));
      Value kind = take(n);
      if (!kind || !to_identifier(kind, &x->kind, true)) return false;
      return make(x, ExprKind::Constant);
    }
    case NodeClass::kAttribute: {
      auto* x = alloc<Attribute>();
      if (!expr_field(n, &x->value) || !identifier_field(n, &x->attr) || !ctx_field(n, &x->ctx, ctx)) return false;
      return make(x, ExprKind::Attribute);
    }
    case NodeClass::kSubscript: {
      auto* x = alloc<Subscript>();
      if (!expr_field(n, &x->value) || !expr_field(n, &x->slice) || !ctx_field(n, &x->ctx, ctx)) return false;
      return make(x, ExprKind::Subscript);
    }
    case NodeClass::kStarred: {
      auto* x = alloc<Starred>();
      // The context is read after the value in field order, but the value is checked against it.
      if (!expr_field(n, &x->value, ctx) || !ctx_field(n, &x->ctx, ctx)) return false;
      return make(x, ExprKind::Starred);
    }
    case NodeClass::kName: {
      auto* x = alloc<Name>();
      if (!identifier_field(n, &x->id) || !require(n, x->id.data()) || !ctx_field(n, &x->ctx, ctx)) return false;
      return make(x, ExprKind::Name);
    }
    case NodeClass::kList: {
      auto* x = alloc<ListExpr>();
      return exprs_field(n, &x->elts, ctx) && ctx_field(n, &x->ctx, ctx) && make(x, ExprKind::List);
    }
    case NodeClass::kTuple: {
      auto* x = alloc<Tuple>();
      return exprs_field(n, &x->elts, ctx) && ctx_field(n, &x->ctx, ctx) && make(x, ExprKind::Tuple);
    }
    case NodeClass::kSlice: {
      auto* x = alloc<Slice>();
      if (!expr_field(n, &x->lower) || !expr_field(n, &x->upper) || !expr_field(n, &x->step)) return false;
      return make(x, ExprKind::Slice);
    }
    default: break;
  }
  raise(ts_, SystemError_type, "unknown expression class");
  return false;
}

}  // namespace from_python

ast::Module* module_from_python(ThreadState& ts, Value tree, ast::ParseMode mode, ast::Arena& arena) {
  if (!ensure_classes(ts)) return nullptr;
  return from_python::Reader(ts, arena).module(tree, mode);
}

}  // namespace minipy::pyast
