// Calls: the 3.11 sequence (PUSH_NULL or LOAD_METHOD, arguments, KW_NAMES, PRECALL, CALL) and the general
// CALL_FUNCTION_EX form for *args / **kwargs, as compile.c's compiler_call and compiler_call_helper emit them.
#include <fmt/format.h>

#include "compiler/codegen_internal.h"

namespace minipy {

// Keyword names go into KW_NAMES' tuple flagged as identifiers, so the VM interns them like co_names and its keyword
// matching against parameter names can compare by identity first.
static ConstRef name_const(std::string_view s) { return Const::str(std::string(s), all_name_chars(s)); }

// compile.c's validate_keywords: a repeated keyword is a SyntaxError at the second occurrence (quadratic, but calls
// have few keywords), and `f(__debug__=1)` is refused like an assignment to __debug__.
bool Codegen::validate_keywords(ast::List<ast::Keyword> keywords) {
  for (size_t i = 0; i < keywords.size(); ++i) {
    const ast::Keyword* key = keywords[i];
    if (key->arg.empty()) continue;
    if (forbidden_name(key->arg, ast::ExprContext::Store)) return false;
    for (size_t j = i + 1; j < keywords.size(); ++j) {
      const ast::Keyword* other = keywords[j];
      if (!other->arg.empty() && other->arg == key->arg) {
        set_loc(other->loc);
        return error(fmt::format("keyword argument repeated: {}", key->arg));
      }
    }
  }
  return true;
}

// 3.11 passes keyword arguments as the last values on the stack with their names in a constant tuple announced by
// KW_NAMES just before PRECALL; the tuple is a co_consts entry, merged like any other constant.
bool Codegen::call_simple_kw_helper(ast::List<ast::Keyword> keywords) {
  std::vector<ConstRef> names;
  for (const ast::Keyword* kw : keywords) names.push_back(name_const(kw->arg));
  return addop_i(Opcode::KW_NAMES, add_const(Const::tuple(std::move(names))));
}

// `obj.meth(args)` without star-args calls through LOAD_METHOD, skipping the bound-method object.
int Codegen::maybe_optimize_method_call(const ast::Call* e) {
  auto* meth = e->func->as<ast::Attribute>();
  if (!meth || meth->ctx != ast::ExprContext::Load) return -1;
  // 3.11's compiler skips LOAD_METHOD when the receiver is a name the module imports (a module's functions are not
  // methods), so `os.path.join(a)` compiles as LOAD_ATTR + PUSH_NULL like CPython's.
  if (is_import_originated(meth->value)) return -1;
  size_t argsl = e->args.size(), kwdsl = e->keywords.size();
  // Very long argument lists go through CALL_FUNCTION_EX instead (STACK_USE_GUIDELINE in compile.c), so a call's stack
  // depth stays bounded; the method optimisation is dropped with them, as in CPython.
  if (argsl + kwdsl + (kwdsl != 0) >= kStackUseGuideline) return -1;
  for (const ast::Expr* a : e->args)
    if (a->kind == ast::ExprKind::Starred) return -1;
  for (const ast::Keyword* k : e->keywords)
    if (k->arg.empty()) return -1;

  if (!visit_expr(meth->value)) return 0;
  set_loc(meth->loc);
  // The LOAD_METHOD and the CALL are located at the attribute's line, not the receiver's, so a traceback of a
  // multi-line chain `a\n.b()` points at `.b` as 3.11's does.
  update_start_location_to_match_attr(meth);
  if (!addop_name(Opcode::LOAD_METHOD, meth->attr)) return 0;
  if (!visit_exprs(e->args)) return 0;
  if (kwdsl) {
    for (const ast::Keyword* k : e->keywords)
      if (!visit_expr(k->value)) return 0;
    if (!call_simple_kw_helper(e->keywords)) return 0;
  }
  set_loc(e->loc);
  update_start_location_to_match_attr(meth);
  int n = static_cast<int>(argsl + kwdsl);
  return addop_i(Opcode::PRECALL, n) && addop_i(Opcode::CALL, n) ? 1 : 0;
}

bool Codegen::call(const ast::Call* e) {
  if (!validate_keywords(e->keywords)) return false;
  int optimized = maybe_optimize_method_call(e);
  if (optimized >= 0) return optimized == 1;
  check_caller(e->func);
  set_loc(e->func->loc);
  // A plain call pushes NULL below the callable, the slot LOAD_METHOD would fill with `self`; CALL then has one shape
  // for both. The flow-graph pass folds this PUSH_NULL into a following LOAD_GLOBAL's low oparg bit.
  if (!addop(Opcode::PUSH_NULL)) return false;
  set_loc(e->loc);
  return visit_expr(e->func) && call_helper(0, e->args, e->keywords);
}

// Builds a dict of keywords[begin:end] (all named) for CALL_FUNCTION_EX.
bool Codegen::subkwargs(ast::List<ast::Keyword> keywords, size_t begin, size_t end) {
  size_t n = end - begin;
  // A short run of named keywords becomes one BUILD_CONST_KEY_MAP with the names as a constant tuple; a long one is
  // built incrementally with MAP_ADD so the stack never holds all the pairs at once.
  bool big = n * 2 > kStackUseGuideline;
  if (n > 1 && !big) {
    std::vector<ConstRef> keys;
    for (size_t i = begin; i < end; ++i) {
      if (!visit_expr(keywords[i]->value)) return false;
      keys.push_back(name_const(keywords[i]->arg));
    }
    return load_const(Const::tuple(std::move(keys))) && addop_i(Opcode::BUILD_CONST_KEY_MAP, static_cast<int>(n));
  }
  if (big && !addop_i_noline(Opcode::BUILD_MAP, 0)) return false;
  for (size_t i = begin; i < end; ++i) {
    if (!load_const(name_const(keywords[i]->arg)) || !visit_expr(keywords[i]->value)) return false;
    if (big && !addop_i_noline(Opcode::MAP_ADD, 1)) return false;
  }
  return big || addop_i(Opcode::BUILD_MAP, static_cast<int>(n));
}

// The arguments and the call itself; `n` items (a class body function and name) are already pushed.
bool Codegen::call_helper(int n, ast::List<ast::Expr> args, ast::List<ast::Keyword> keywords) {
  if (!validate_keywords(keywords)) return false;
  size_t nelts = args.size(), nkwelts = keywords.size();
  bool ex_call = nelts + nkwelts * 2 > kStackUseGuideline;
  for (const ast::Expr* a : args) ex_call |= a->kind == ast::ExprKind::Starred;
  for (const ast::Keyword* k : keywords) ex_call |= k->arg.empty();

  if (!ex_call) {
    if (!visit_exprs(args)) return false;
    if (nkwelts) {
      for (const ast::Keyword* k : keywords)
        if (!visit_expr(k->value)) return false;
      if (!call_simple_kw_helper(keywords)) return false;
    }
    int total = n + static_cast<int>(nelts + nkwelts);
    return addop_i(Opcode::PRECALL, total) && addop_i(Opcode::CALL, total);
  }

  // `f(*args)` alone passes the iterable itself; CALL_FUNCTION_EX turns a non-tuple into a tuple at run time, so no
  // list is built here.
  if (n == 0 && nelts == 1 && args[0]->kind == ast::ExprKind::Starred) {
    if (!visit_expr(static_cast<const ast::Starred*>(args[0])->value)) return false;
  } else if (!starunpack_helper(args, n, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true)) {
    return false;
  }
  if (nkwelts) {
    bool have_dict = false;
    size_t nseen = 0;
    // Keywords are gathered into a single dict in source order: runs of named keywords become dicts merged with each
    // `**mapping` by DICT_MERGE, which also raises "got multiple values for keyword argument" on a repeat, as at run
    // time in CPython.
    for (size_t i = 0; i < nkwelts; ++i) {
      const ast::Keyword* kw = keywords[i];
      if (kw->arg.empty()) {  // **mapping
        if (nseen) {
          if (!subkwargs(keywords, i - nseen, i)) return false;
          if (have_dict && !addop_i(Opcode::DICT_MERGE, 1)) return false;
          have_dict = true;
          nseen = 0;
        }
        if (!have_dict) {
          if (!addop_i(Opcode::BUILD_MAP, 0)) return false;
          have_dict = true;
        }
        if (!visit_expr(kw->value) || !addop_i(Opcode::DICT_MERGE, 1)) return false;
      } else {
        nseen++;
      }
    }
    if (nseen) {
      if (!subkwargs(keywords, nkwelts - nseen, nkwelts)) return false;
      if (have_dict && !addop_i(Opcode::DICT_MERGE, 1)) return false;
    }
  }
  return addop_i(Opcode::CALL_FUNCTION_EX, nkwelts > 0 ? 1 : 0);
}

}  // namespace minipy

// ---- compile-time warnings for likely typos (compile.c's check_* helpers) -----------------------------------

namespace minipy {

// The type name compile.c's infer_type() would report, or nullptr when the type is not evident from the node.
static const char* inferred_type(const ast::Expr* e) {
  using K = ast::ExprKind;
  switch (e->kind) {
    case K::Tuple: return "tuple";
    case K::List:
    case K::ListComp: return "list";
    case K::Dict:
    case K::DictComp: return "dict";
    case K::Set:
    case K::SetComp: return "set";
    case K::GeneratorExp: return "generator";
    case K::Lambda: return "function";
    case K::JoinedStr:
    case K::FormattedValue: return "str";
    case K::Constant:
      switch (static_cast<const ast::Constant*>(e)->value->kind()) {
        case Const::Kind::None: return "NoneType";
        case Const::Kind::False:
        case Const::Kind::True: return "bool";
        case Const::Kind::Ellipsis: return "ellipsis";
        case Const::Kind::Int: return "int";
        case Const::Kind::Float: return "float";
        case Const::Kind::Complex: return "complex";
        case Const::Kind::Str: return "str";
        case Const::Kind::Bytes: return "bytes";
        case Const::Kind::Tuple: return "tuple";
        case Const::Kind::FrozenSet: return "frozenset";
        case Const::Kind::Code: return "code";
        case Const::Kind::List: return "list";
        case Const::Kind::Set: return "set";
        case Const::Kind::Dict: return "dict";
      }
      return nullptr;
    default: return nullptr;
  }
}

// `is` against a literal other than None / True / False / ...: almost always meant ==.
// These are SyntaxWarnings; codegen collects them, and the caller (compile() or import) reports them through the
// warnings module, which may turn them into errors (-W error).
void Codegen::check_compare(const ast::Compare* e) {
  auto is_arg = [](const ast::Expr* x) {
    auto* c = x->as<ast::Constant>();
    if (!c) return true;
    Const::Kind k = c->value->kind();
    return k == Const::Kind::None || k == Const::Kind::False || k == Const::Kind::True || k == Const::Kind::Ellipsis;
  };
  bool left = is_arg(e->left);
  for (size_t i = 0; i < e->ops.size(); ++i) {
    bool right = is_arg(e->comparators[i]);
    ast::CmpOpKind op = e->ops[i];
    if ((op == ast::CmpOpKind::Is || op == ast::CmpOpKind::IsNot) && (!left || !right)) {
      warn(op == ast::CmpOpKind::Is ? "\"is\" with a literal. Did you mean \"==\"?"
                                    : "\"is not\" with a literal. Did you mean \"!=\"?");
      return;
    }
    left = right;
  }
}

// Calling a display or literal: `[1, 2] (3, 4)` usually lacks a comma.
void Codegen::check_caller(const ast::Expr* func) {
  const char* type = inferred_type(func);
  if (type && func->kind != ast::ExprKind::Lambda)
    warn(fmt::format("'{}' object is not callable; perhaps you missed a comma?", type));
}

// compile.c's check_subscripter and check_index: the warnings fire only when both sides' types are evident from the
// syntax, so nothing that could be valid at run time is flagged.
void Codegen::check_subscript(const ast::Subscript* e) {
  const ast::Expr* value = e->value;
  // Subscripting something that is never subscriptable.
  bool never_subscriptable = false;
  if (auto* c = value->as<ast::Constant>()) {
    Const::Kind k = c->value->kind();
    never_subscriptable = k == Const::Kind::None || k == Const::Kind::Ellipsis || k == Const::Kind::Int ||
                          k == Const::Kind::Float || k == Const::Kind::Complex || k == Const::Kind::FrozenSet ||
                          k == Const::Kind::False || k == Const::Kind::True;
  } else {
    ast::ExprKind k = value->kind;
    never_subscriptable = k == ast::ExprKind::Set || k == ast::ExprKind::SetComp ||
                          k == ast::ExprKind::GeneratorExp || k == ast::ExprKind::Lambda;
  }
  if (never_subscriptable) {
    warn(fmt::format("'{}' object is not subscriptable; perhaps you missed a comma?", inferred_type(value)));
    return;
  }
  // Indexing a sequence with something that is evidently not an integer or a slice.
  const char* index_type = inferred_type(e->slice);
  if (!index_type || std::string_view(index_type) == "int" || std::string_view(index_type) == "bool") return;
  bool sequence = false;
  if (auto* c = value->as<ast::Constant>()) {
    Const::Kind k = c->value->kind();
    sequence = k == Const::Kind::Str || k == Const::Kind::Bytes || k == Const::Kind::Tuple;
  } else {
    ast::ExprKind k = value->kind;
    sequence = k == ast::ExprKind::Tuple || k == ast::ExprKind::List || k == ast::ExprKind::ListComp ||
               k == ast::ExprKind::JoinedStr || k == ast::ExprKind::FormattedValue;
  }
  if (sequence)
    warn(fmt::format("{} indices must be integers or slices, not {}; perhaps you missed a comma?",
                     inferred_type(value), index_type));
}

}  // namespace minipy
