// The reader shared by _ast_from_python.cpp (module, product types, expressions) and
// _ast_from_python_stmt.cpp (statements, patterns): Python node objects -> minipy's C++ tree. Private to those
// two files; the module's entry point is module_from_python in _ast.h.
#pragma once
#include "compiler/ast.h"
#include "stdlib/native/_ast.h"
#include "vm/objects/complex.h"

namespace minipy::pyast::from_python {

using namespace ast;

inline const char* context_name(ExprContext c) {
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

}  // namespace minipy::pyast::from_python
