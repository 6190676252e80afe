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
#include "compiler/ast.h"
#include "stdlib/native/_ast.h"
#include "vm/objects/complex.h"

namespace minipy::pyast {

namespace {

using namespace ast;

const char* context_name(ExprContext c) {
  return c == ExprContext::Load ? "Load" : c == ExprContext::Store ? "Store" : "Del";
}

// A node being read: its object, its class (for field names and messages) and the next field to read.
struct Node {
  Value obj;
  NodeClass cls;
  size_t next = 0;
};

class Reader {
 public:
  Reader(ThreadState& ts, Arena& arena) : ts_(ts), arena_(arena) {}

  Module* module(Value tree, ParseMode mode) {
    NodeClass wanted = mode == ParseMode::Exec   ? NodeClass::kModule
                       : mode == ParseMode::Eval ? NodeClass::kExpression
                                                 : NodeClass::kInteractive;
    int ok = is_node(ts_, tree, wanted);
    if (ok < 0) return nullptr;
    if (!ok) {
      raise_fmt(ts_, TypeError_type, "expected {} node, got {}", class_info(wanted).name, type_name(tree));
      return nullptr;
    }
    auto* m = arena_.make<Module>();
    m->mode = mode;
    Node n{tree, wanted};
    if (mode == ParseMode::Eval) {
      if (!expr_field(n, &m->expression)) return nullptr;
      return m;
    }
    if (!stmts_field(n, &m->body)) return nullptr;
    if (mode == ParseMode::Exec) {
      Value ignores = take(n);  // type_ignores: must be a list; minipy keeps no type comments
      if (!ignores) return nullptr;
    }
    return m;
  }

 private:
  const FieldInfo& info(const Node& n, size_t i) { return class_info(n.cls).fields[i]; }

  // The next field of `n` as stored: None for an absent optional field, a list for a `*` field; null on error.
  Value take(Node& n) {
    const ClassInfo& ci = class_info(n.cls);
    const FieldInfo& f = ci.fields[n.next++];
    return lookup(n.obj, f, ci.name);
  }
  Value lookup(Value obj, const FieldInfo& f, const char* owner) {
    Value v = get_attr_optional(ts_, obj, f.name);
    if (!v) {
      if (ts_.current_exception) return Value();
      if (f.quantifier == Quantifier::Optional) return None();
      return raise_fmt(ts_, TypeError_type, "required field \"{}\" missing from {}", f.name->view(), owner);
    }
    if (f.quantifier == Quantifier::List && type_of(v) != &list_type && !is_subtype(type_of(v), &list_type))
      return raise_fmt(ts_, TypeError_type, "{} field \"{}\" must be a list, not a {}", owner, f.name->view(),
                       type_name(v));
    return v;
  }
  // ValueError for a required node field that holds None.
  bool require(const Node& n, const void* converted) {
    const FieldInfo& f = info(n, n.next - 1);
    if (converted || f.quantifier != Quantifier::One) return true;
    raise_fmt(ts_, ValueError_type, "field '{}' is required for {}", f.name->view(), class_info(n.cls).name);
    return false;
  }

  // Counts one level of the Python recursion limit while a node is converted (a tree may contain itself):
  // RecursionError "maximum recursion depth exceeded while traversing 'expr' node", as CPython's obj2ast.
  struct Depth {
    ThreadState& ts;
    bool entered;
    Depth(ThreadState& t, const char* sum) : ts(t), entered(t.enter_recursion()) {
      if (!entered)
        raise_fmt(ts, RecursionError_type, "maximum recursion depth exceeded while traversing '{}' node", sum);
    }
    ~Depth() {
      if (entered) ts.recursion_depth--;
    }
  };

  // ---- scalars ----
  bool to_identifier(Value v, Identifier* out, bool is_string = false) {
    if (is_none(v)) return *out = {}, true;
    if (!is_str(v) || type_of(v) != &str_type) {
      raise(ts_, TypeError_type, is_string ? "AST string must be of type str" : "AST identifier must be of type str");
      return false;
    }
    *out = arena_.copy(as_str(v)->view());
    return true;
  }
  bool to_int(Value v, int64_t* out) {
    if (!is_int(v)) {
      Value r = py_repr(ts_, v);
      if (r) raise_fmt(ts_, ValueError_type, "invalid integer value: {}", as_str(r)->view());
      return false;
    }
    if (!int_to_int64(v, out) || *out != static_cast<int32_t>(*out)) {
      raise(ts_, OverflowError_type, "Python int too large to convert to C int");
      return false;
    }
    return true;
  }
  bool int_field(Node& n, int64_t* out) {
    Value v = take(n);
    return v && to_int(v, out);
  }
  bool identifier_field(Node& n, Identifier* out) {
    Value v = take(n);
    if (!v || !to_identifier(v, out)) return false;
    // Names the compiler would take for constants (validate_name).
    if (*out == "None" || *out == "True" || *out == "False") {
      raise_fmt(ts_, ValueError_type, "identifier field can't represent '{}' constant", *out);
      return false;
    }
    return true;
  }
  bool identifiers_field(Node& n, std::span<const Identifier>* out) {
    Value v = take(n);
    if (!v) return false;
    std::vector<Identifier> ids;
    for (int64_t i = 0; i < py_len(ts_, v); i++) {
      Identifier id;
      if (!to_identifier(static_cast<ListObject*>(v.as_object())->items[i], &id)) return false;
      ids.push_back(id);
    }
    *out = arena_.array(ids);
    return true;
  }

  // A constant as validate_constant accepts it: None, Ellipsis, bool, int, float, complex, str, bytes (exact
  // types), and tuples/frozensets of those.
  bool to_const(Value v, ConstRef* out) {
    if (is_none(v)) return *out = Const::none(), true;
    if (v == True() || v == False()) return *out = Const::boolean(v == True()), true;
    if (v == Value(&ellipsis_object)) return *out = Const::ellipsis(), true;
    if (v.is_small_int() || (v.is_object() && type_of(v) == &int_type)) return *out = Const::integer(to_bigint(v)), true;
    if (is_exact_float(v)) return *out = Const::floating(float_value(v)), true;
    Type* t = type_of(v);
    if (t == &complex_type) return *out = Const::complex(complex_value(v).real, complex_value(v).imag), true;
    if (t == &str_type) return *out = Const::str(std::string(as_str(v)->view())), true;
    if (t == &bytes_type) return *out = Const::bytes(std::string(static_cast<BytesObject*>(v.as_object())->view())), true;
    if (t == &tuple_type || t == &frozenset_type) {
      std::vector<ConstRef> items;
      Value iter = get_iter(ts_, v);
      if (!iter) return false;
      while (Value item = iter_next(ts_, iter)) {
        ConstRef c;
        if (!to_const(item, &c)) return false;
        items.push_back(std::move(c));
      }
      if (ts_.current_exception) return false;
      *out = t == &tuple_type ? Const::tuple(std::move(items)) : Const::frozenset(std::move(items));
      return true;
    }
    raise_fmt(ts_, TypeError_type, "got an invalid type in Constant: {}", type_name(v));
    return false;
  }

  // The constructor of sum `sum` that `v` is an instance of; kCount with an exception pending if none.
  NodeClass which(Value v, NodeClass sum) {
    for (size_t i = static_cast<size_t>(sum) + 1; i < kNodeClassCount; i++) {
      const ClassInfo& ci = class_info(static_cast<NodeClass>(i));
      if (ci.base != sum) break;
      int r = is_node(ts_, v, static_cast<NodeClass>(i));
      if (r < 0) return NodeClass::kCount;
      if (r) return static_cast<NodeClass>(i);
    }
    Value r = py_repr(ts_, v);
    if (r) raise_fmt(ts_, TypeError_type, "expected some sort of {}, but got {}", class_info(sum).name, as_str(r)->view());
    return NodeClass::kCount;
  }
  // The index of `v`'s class among the field-less constructors of `sum` (operators, contexts).
  bool simple(Value v, NodeClass sum, int* out) {
    NodeClass c = which(v, sum);
    if (c == NodeClass::kCount) return false;
    *out = static_cast<int>(c) - static_cast<int>(sum) - 1;
    return true;
  }
  bool simple_field(Node& n, NodeClass sum, int* out) {
    Value v = take(n);
    return v && simple(v, sum, out);
  }

  // The position attributes of `obj` (owner names the sum or product for messages).
  bool positions(Value obj, NodeClass owner, Location* loc) {
    const ClassInfo& ci = class_info(owner);
    int64_t numbers[4] = {0, 0, -1, -1};
    for (size_t i = 0; i < ci.attributes.size() && i < 4; i++) {
      Value v = lookup(obj, ci.attributes[i], ci.name);
      if (!v) return false;
      if (is_none(v) && ci.attributes[i].quantifier == Quantifier::Optional) continue;
      if (!to_int(v, &numbers[i])) return false;
    }
    *loc = {static_cast<int32_t>(numbers[0]), static_cast<int32_t>(numbers[1]),
            static_cast<int32_t>(numbers[2] < 0 ? numbers[0] : numbers[2]),
            static_cast<int32_t>(numbers[3] < 0 ? numbers[1] : numbers[3])};
    return true;
  }

  // VALIDATE_POSITIONS of CPython's validator, for statements and expressions.
  bool valid_positions(const Location& l) {
    if (l.lineno > l.end_lineno)
      return raise_fmt(ts_, ValueError_type, "AST node line range ({}, {}) is not valid", l.lineno, l.end_lineno),
             false;
    if ((l.lineno < 0 && l.end_lineno != l.lineno) || (l.col_offset < 0 && l.col_offset != l.end_col_offset))
      return raise_fmt(ts_, ValueError_type, "AST node column range ({}, {}) for line range ({}, {}) is not valid",
                       l.col_offset, l.end_col_offset, l.lineno, l.end_lineno),
             false;
    if (l.lineno == l.end_lineno && l.col_offset > l.end_col_offset)
      return raise_fmt(ts_, ValueError_type, "line {}, column {}-{} is not a valid range", l.lineno, l.col_offset,
                       l.end_col_offset),
             false;
    return true;
  }

  template <class T>
  T* alloc() {
    static_assert(std::is_trivially_destructible_v<T>);
    return new (arena_.allocate(sizeof(T), alignof(T))) T{};
  }

  // ---- lists ----
  template <class T, class F>
  bool list_field(Node& n, List<T>* out, F convert) {
    Value v = take(n);
    if (!v) return false;
    std::vector<T*> items;
    auto* l = static_cast<ListObject*>(v.as_object());
    for (int64_t i = 0; i < l->size; i++) {
      T* item = nullptr;
      if (!convert(l->items[i], &item)) return false;
      items.push_back(item);
    }
    *out = arena_.list(items);
    return true;
  }
  bool exprs_field(Node& n, List<Expr>* out, ExprContext ctx = ExprContext::Load, bool none_ok = false) {
    return list_field(n, out, [&](Value v, Expr** e) {
      if (!to_expr(v, e, ctx)) return false;
      if (!*e && !none_ok) return raise(ts_, ValueError_type, "None disallowed in expression list"), false;
      return true;
    });
  }
  bool stmts_field(Node& n, List<Stmt>* out, bool nonempty = false) {
    if (!list_field(n, out, [&](Value v, Stmt** s) {
          if (!to_stmt(v, s)) return false;
          if (!*s) return raise(ts_, ValueError_type, "None disallowed in statement list"), false;
          return true;
        }))
      return false;
    return !nonempty || nonempty_check(n, out->size());
  }
  bool nonempty_check(const Node& n, size_t size) {
    if (size) return true;
    raise_fmt(ts_, ValueError_type, "empty {} on {}", info(n, n.next - 1).name->view(), class_info(n.cls).name);
    return false;
  }

  // ---- nodes ----
  bool expr_field(Node& n, Expr** out, ExprContext ctx = ExprContext::Load) {
    Value v = take(n);
    return v && to_expr(v, out, ctx) && require(n, *out);
  }
  bool ctx_field(Node& n, ExprContext* ctx, ExprContext expected) {
    int index;
    if (!simple_field(n, NodeClass::kexpr_context, &index)) return false;
    *ctx = static_cast<ExprContext>(index);
    if (*ctx == expected) return true;
    raise_fmt(ts_, ValueError_type, "expression must have {} context but has {} instead", context_name(expected),
              context_name(*ctx));
    return false;
  }
  bool arg(Value v, Arg** out);
  bool arguments(Value v, Arguments** out);
  bool keyword(Value v, Keyword** out);
  bool comprehensions(Node& n, List<Comprehension>* out);
  bool to_expr(Value v, Expr** out, ExprContext ctx = ExprContext::Load);
  bool to_stmt(Value v, Stmt** out);
  bool to_pattern(Value v, Pattern** out);

  ThreadState& ts_;
  Arena& arena_;
};

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

}  // namespace

ast::Module* module_from_python(ThreadState& ts, Value tree, ast::ParseMode mode, ast::Arena& arena) {
  if (!ensure_classes(ts)) return nullptr;
  return Reader(ts, arena).module(tree, mode);
}

}  // namespace minipy::pyast
