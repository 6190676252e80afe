// Expressions: operators, conditions and jumps, displays, calls, f-strings, subscripts and yields, following
// compile.c's compiler_visit_expr1 and its helpers.
#include <fmt/format.h>

#include "compiler/codegen_internal.h"

namespace minipy {

using Ctx = ast::ExprContext;

// Every expression's instructions carry its own location, and the enclosing one's is restored afterwards: an
// operator emitted after its operands (BINARY_OP after both sides) must point at the whole expression, as
// CPython's SET_LOC / restore does, or tracebacks and the location table would differ.
bool Codegen::visit_expr(const ast::Expr* e) {
  SourcePosition saved = u().loc;
  set_loc(e->loc);
  bool ok = visit_expr_inner(e);
  if (!units_.empty()) u().loc = saved;
  return ok;
}

// Column offsets are UTF-8 byte offsets in the AST; this counts characters for the few places that need them.
static size_t code_points(std::string_view s) {
  size_t n = 0;
  for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
  return n;
}

// An attribute access spanning lines is located at the attribute name, so tracebacks point there.
void Codegen::update_start_location_to_match_attr(const ast::Attribute* attr) {
  SourcePosition& loc = u().loc;
  if (loc.lineno == attr->loc.end_lineno) return;
  loc.lineno = attr->loc.end_lineno;
  int len = static_cast<int>(code_points(attr->attr));
  if (len <= attr->loc.end_col_offset) {
    loc.col_offset = attr->loc.end_col_offset - len;
  } else {
    loc.col_offset = -1;
    loc.end_col_offset = -1;
  }
  loc.end_lineno = std::max(loc.lineno, loc.end_lineno);
  if (loc.lineno == loc.end_lineno) loc.end_col_offset = std::max(loc.col_offset, loc.end_col_offset);
}

// Whether `e` is a name the module's top-level symbol table marks as imported: a call on it (`math.sqrt(x)`)
// is compiled as LOAD_ATTR + CALL rather than LOAD_METHOD, since a module attribute is never a bound method.
// CPython 3.11 checks the top-level table whatever the current scope (is_import_originated), so this does too.
bool Codegen::is_import_originated(const ast::Expr* e) const {
  auto* name = e->as<ast::Name>();
  return name && (symbols_.top()->flags_of(name->id) & kDefImport);
}

// Under `from __future__ import annotations` an annotation is stored as its source text (PEP 563), which
// CPython regenerates by unparsing the AST (not by slicing the source), hence unparse_annotation.
bool Codegen::visit_annotation(const ast::Expr* e) {
  if (!future_annotations()) return visit_expr(e);
  std::string text = unparse_annotation(e);
  bool interned = all_name_chars(text);
  return load_const(Const::str(std::move(text), interned));
}

// An async generator's yields are wrapped so its asend() can tell them from awaits passing through.
bool Codegen::addop_yield() {
  if (u().ste->generator && u().ste->coroutine && !addop(Opcode::ASYNC_GEN_WRAP)) return false;
  return addop(Opcode::YIELD_VALUE) && addop_i(Opcode::RESUME, 1);
}

// `await x` and `yield from x` both drive a sub-iterator: SEND until it finishes, re-yielding each value. The
// RESUME operand tells the frame what kind of suspension point this is (2: yield from, 3: await).
bool Codegen::await_value() { return load_none() && add_yield_from(true); }

bool Codegen::add_yield_from(bool await) {
  BasicBlock* start = new_block();
  BasicBlock* resume = new_block();
  BasicBlock* exit = new_block();
  use_next_block(start);
  if (!addop_j(Opcode::SEND, exit)) return false;
  use_next_block(resume);
  if (!addop(Opcode::YIELD_VALUE) || !addop_i(Opcode::RESUME, await ? 3 : 2) ||
      !addop_j(Opcode::JUMP_NO_INTERRUPT, start))
    return false;
  use_next_block(exit);
  return true;
}

bool Codegen::visit_expr_inner(const ast::Expr* e) {
  using K = ast::ExprKind;
  switch (e->kind) {
    case K::NamedExpr: {
      auto* n = static_cast<const ast::NamedExpr*>(e);
      // COPY 1 leaves the value on the stack as the expression's result while the target's store consumes the copy.
      return visit_expr(n->value) && addop_i(Opcode::COPY, 1) && visit_expr(n->target);
    }
    case K::BoolOp: return boolop(static_cast<const ast::BoolOp*>(e));
    case K::BinOp: {
      auto* b = static_cast<const ast::BinOp*>(e);
      return visit_expr(b->left) && visit_expr(b->right) && addop_i(Opcode::BINARY_OP, binary_op_number(b->op));
    }
    case K::UnaryOp: {
      auto* un = static_cast<const ast::UnaryOp*>(e);
      static constexpr Opcode kOps[] = {Opcode::UNARY_INVERT, Opcode::UNARY_NOT, Opcode::UNARY_POSITIVE,
                                        Opcode::UNARY_NEGATIVE};
      return visit_expr(un->operand) && addop(kOps[static_cast<int>(un->op)]);
    }
    case K::Lambda: return lambda(static_cast<const ast::Lambda*>(e));
    case K::IfExp: return ifexp(static_cast<const ast::IfExp*>(e));
    case K::Dict: return dict(static_cast<const ast::Dict*>(e));
    case K::Set:
      return starunpack_helper(static_cast<const ast::Set*>(e)->elts, 0, Opcode::BUILD_SET, Opcode::SET_ADD,
                               Opcode::SET_UPDATE, false);
    case K::GeneratorExp: {
      auto* g = static_cast<const ast::GeneratorExp*>(e);
      return comprehension(e, kCompGenexp, "<genexpr>", g->generators, g->elt, nullptr);
    }
    case K::ListComp: {
      auto* g = static_cast<const ast::ListComp*>(e);
      return comprehension(e, kCompListcomp, "<listcomp>", g->generators, g->elt, nullptr);
    }
    case K::SetComp: {
      auto* g = static_cast<const ast::SetComp*>(e);
      return comprehension(e, kCompSetcomp, "<setcomp>", g->generators, g->elt, nullptr);
    }
    case K::DictComp: {
      auto* g = static_cast<const ast::DictComp*>(e);
      return comprehension(e, kCompDictcomp, "<dictcomp>", g->generators, g->key, g->value);
    }
    case K::Yield: {
      if (u().ste->kind != BlockKind::Function) return error("'yield' outside function");
      auto* y = static_cast<const ast::Yield*>(e);
      if (y->value ? !visit_expr(y->value) : !load_none()) return false;
      return addop_yield();
    }
    case K::YieldFrom: {
      if (u().ste->kind != BlockKind::Function) return error("'yield' outside function");
      if (u().kind == UnitKind::AsyncFunction) return error("'yield from' inside async function");
      return visit_expr(static_cast<const ast::YieldFrom*>(e)->value) && addop(Opcode::GET_YIELD_FROM_ITER) &&
             load_none() && add_yield_from(false);
    }
    case K::Await:
      if (u().ste->kind != BlockKind::Function) return error("'await' outside function");
      // A comprehension is allowed too: an await makes it a coroutine in the symbol table, and the comprehension code
      // refuses a non-generator one outside an async function ("asynchronous comprehension outside of an asynchronous
      // function") when its scope is entered, before its element gets here.
      if (u().kind != UnitKind::AsyncFunction && u().kind != UnitKind::Comprehension)
        return error("'await' outside async function");
      // GET_AWAITABLE's operand says where the awaitable came from (0 a plain await, 1 __aenter__, 2 __aexit__), only
      // to word the TypeError when it cannot be awaited.
      return visit_expr(static_cast<const ast::Await*>(e)->value) && addop_i(Opcode::GET_AWAITABLE, 0) &&
             await_value();
    case K::Compare: return compare(static_cast<const ast::Compare*>(e));
    case K::Call: return call(static_cast<const ast::Call*>(e));
    case K::Constant: return load_ast_const(*static_cast<const ast::Constant*>(e)->value);
    case K::JoinedStr: return joined_str(static_cast<const ast::JoinedStr*>(e));
    case K::FormattedValue: return formatted_value(static_cast<const ast::FormattedValue*>(e));
    case K::Attribute: {
      auto* a = static_cast<const ast::Attribute*>(e);
      if (!visit_expr(a->value)) return false;
      update_start_location_to_match_attr(a);
      switch (a->ctx) {
        case Ctx::Load: return addop_name(Opcode::LOAD_ATTR, a->attr);
        case Ctx::Store:
          // `obj.__debug__ = x` is refused at compile time, as compiler_visit_expr1 does for stores.
          if (forbidden_name(a->attr, a->ctx)) return false;
          return addop_name(Opcode::STORE_ATTR, a->attr);
        case Ctx::Del: return addop_name(Opcode::DELETE_ATTR, a->attr);
      }
      return true;
    }
    case K::Subscript: return subscript(static_cast<const ast::Subscript*>(e));
    case K::Starred:
      if (static_cast<const ast::Starred*>(e)->ctx == Ctx::Store)
        return error("starred assignment target must be in a list or tuple");
      return error("can't use starred expression here");
    case K::Slice: return slice(static_cast<const ast::Slice*>(e));
    case K::Name: {
      auto* n = static_cast<const ast::Name*>(e);
      return nameop(n->id, n->ctx);
    }
    case K::List: {
      auto* l = static_cast<const ast::ListExpr*>(e);
      if (l->ctx == Ctx::Store) return assignment_helper(l->elts);
      if (l->ctx == Ctx::Load)
        return starunpack_helper(l->elts, 0, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, false);
      return visit_exprs(l->elts);
    }
    case K::Tuple: {
      auto* t = static_cast<const ast::Tuple*>(e);
      if (t->ctx == Ctx::Store) return assignment_helper(t->elts);
      if (t->ctx == Ctx::Load)
        return starunpack_helper(t->elts, 0, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true);
      return visit_exprs(t->elts);
    }
  }
  return true;
}

// ---- conditions -----------------------------------------------------------------------------------------------

// COMPARE_OP's operand is the rich-comparison number (Py_LT = 0 ... Py_GE = 5); identity and membership have their
// own opcodes in 3.11, with the negation in the operand.
bool Codegen::addcompare(ast::CmpOpKind op) {
  using C = ast::CmpOpKind;
  switch (op) {
    case C::Eq: return addop_i(Opcode::COMPARE_OP, 2);
    case C::NotEq: return addop_i(Opcode::COMPARE_OP, 3);
    case C::Lt: return addop_i(Opcode::COMPARE_OP, 0);
    case C::LtE: return addop_i(Opcode::COMPARE_OP, 1);
    case C::Gt: return addop_i(Opcode::COMPARE_OP, 4);
    case C::GtE: return addop_i(Opcode::COMPARE_OP, 5);
    case C::Is: return addop_i(Opcode::IS_OP, 0);
    case C::IsNot: return addop_i(Opcode::IS_OP, 1);
    case C::In: return addop_i(Opcode::CONTAINS_OP, 0);
    case C::NotIn: return addop_i(Opcode::CONTAINS_OP, 1);
  }
  return false;
}

// Jumps to `next` when `e` is true (cond) or false (!cond), without materialising a bool where avoidable.
bool Codegen::jump_if(const ast::Expr* e, BasicBlock* next, bool cond) {
  switch (e->kind) {
    case ast::ExprKind::UnaryOp: {
      auto* un = static_cast<const ast::UnaryOp*>(e);
      if (un->op == ast::UnaryOpKind::Not) return jump_if(un->operand, next, !cond);
      break;
    }
    case ast::ExprKind::BoolOp: {
      auto* b = static_cast<const ast::BoolOp*>(e);
      size_t n = b->values.size() - 1;
      bool cond2 = b->op == ast::BoolOpKind::Or;
      BasicBlock* next2 = next;
      // When the operator's short-circuit direction differs from the jump wanted (`a and b` jumping on true), the early
      // exits go to a fresh block placed after the whole test, i.e. they fall through.
      if (cond2 != cond) next2 = new_block();
      for (size_t i = 0; i < n; ++i)
        if (!jump_if(b->values[i], next2, cond2)) return false;
      if (!jump_if(b->values[n], next, cond)) return false;
      if (next2 != next) use_next_block(next2);
      return true;
    }
    case ast::ExprKind::IfExp: {
      auto* i = static_cast<const ast::IfExp*>(e);
      BasicBlock* end = new_block();
      BasicBlock* next2 = new_block();
      if (!jump_if(i->test, next2, false) || !jump_if(i->body, next, cond)) return false;
      if (!addop_j_noline(Opcode::JUMP, end)) return false;
      use_next_block(next2);
      if (!jump_if(i->orelse, next, cond)) return false;
      use_next_block(end);
      return true;
    }
    case ast::ExprKind::Compare: {
      auto* c = static_cast<const ast::Compare*>(e);
      set_loc(e->loc);
      size_t n = c->ops.size() - 1;
      if (n == 0) break;
      check_compare(c);
      BasicBlock* cleanup = new_block();
      if (!visit_expr(c->left)) return false;
      for (size_t i = 0; i < n; ++i) {
        if (!visit_expr(c->comparators[i]) || !addop_i(Opcode::SWAP, 2) || !addop_i(Opcode::COPY, 2) ||
            !addcompare(c->ops[i]) || !addop_j(Opcode::POP_JUMP_IF_FALSE, cleanup))
          return false;
      }
      if (!visit_expr(c->comparators[n]) || !addcompare(c->ops[n])) return false;
      if (!addop_j(cond ? Opcode::POP_JUMP_IF_TRUE : Opcode::POP_JUMP_IF_FALSE, next)) return false;
      BasicBlock* end = new_block();
      if (!addop_j_noline(Opcode::JUMP, end)) return false;
      use_next_block(cleanup);
      if (!addop(Opcode::POP_TOP)) return false;
      // A failed link of the chain has left one spare operand, popped above; the chain is then false, so only a
      // jump-if-false needs to go on to `next`.
      if (!cond && !addop_j_noline(Opcode::JUMP, next)) return false;
      use_next_block(end);
      return true;
    }
    default: break;
  }
  return visit_expr(e) && addop_j(cond ? Opcode::POP_JUMP_IF_TRUE : Opcode::POP_JUMP_IF_FALSE, next);
}

// A chained comparison `a < b < c` evaluates b once: it is duplicated under the first result (SWAP/COPY), and a
// false link jumps to a cleanup that drops the spare operand, leaving the false result (compiler_compare).
bool Codegen::compare(const ast::Compare* e) {
  check_compare(e);
  if (!visit_expr(e->left)) return false;
  size_t n = e->ops.size() - 1;
  if (n == 0) return visit_expr(e->comparators[0]) && addcompare(e->ops[0]);
  BasicBlock* cleanup = new_block();
  for (size_t i = 0; i < n; ++i) {
    if (!visit_expr(e->comparators[i]) || !addop_i(Opcode::SWAP, 2) || !addop_i(Opcode::COPY, 2) ||
        !addcompare(e->ops[i]) || !addop_j(Opcode::JUMP_IF_FALSE_OR_POP, cleanup))
      return false;
  }
  if (!visit_expr(e->comparators[n]) || !addcompare(e->ops[n])) return false;
  BasicBlock* end = new_block();
  if (!addop_j_noline(Opcode::JUMP, end)) return false;
  use_next_block(cleanup);
  if (!addop_i(Opcode::SWAP, 2) || !addop(Opcode::POP_TOP)) return false;
  use_next_block(end);
  return true;
}

// `a and b` / `a or b` keep the deciding operand as the result: JUMP_IF_*_OR_POP leaves it on the stack when it
// jumps and pops it otherwise.
bool Codegen::boolop(const ast::BoolOp* e) {
  Opcode jump = e->op == ast::BoolOpKind::And ? Opcode::JUMP_IF_FALSE_OR_POP : Opcode::JUMP_IF_TRUE_OR_POP;
  BasicBlock* end = new_block();
  size_t n = e->values.size() - 1;
  for (size_t i = 0; i < n; ++i) {
    if (!visit_expr(e->values[i]) || !addop_j(jump, end)) return false;
    use_next_block(new_block());
  }
  if (!visit_expr(e->values[n])) return false;
  use_next_block(end);
  return true;
}

bool Codegen::ifexp(const ast::IfExp* e) {
  BasicBlock* end = new_block();
  BasicBlock* next = new_block();
  if (!jump_if(e->test, next, false) || !visit_expr(e->body) || !addop_j_noline(Opcode::JUMP, end)) return false;
  use_next_block(next);
  if (!visit_expr(e->orelse)) return false;
  use_next_block(end);
  return true;
}

// ---- displays and unpacking -----------------------------------------------------------------------------------

// Displays whose items are all constants are built from one folded constant (a tuple, or a frozenset for a set)
// when they have more than two items, as CPython's starunpack_helper does; these two helpers find and collect them.
static bool all_constant(ast::List<ast::Expr> elts, size_t begin, size_t end) {
  for (size_t i = begin; i < end; ++i)
    if (!elts[i] || elts[i]->kind != ast::ExprKind::Constant) return false;
  return true;
}

static std::vector<ConstRef> constant_items(ast::List<ast::Expr> elts, size_t begin, size_t end) {
  std::vector<ConstRef> items;
  for (size_t i = begin; i < end; ++i)
    items.push_back(static_cast<const ast::Constant*>(elts[i])->value->shared_from_this());
  return items;
}

// Lists, tuples and sets, with or without *starred items: pushed items plus BUILD_* when that fits the stack
// guideline, else an empty container grown item by item (LIST_APPEND/SET_ADD) or by extension (LIST_EXTEND for a
// starred item). A tuple with a star is built as a list and converted, since there is no TUPLE_EXTEND.
bool Codegen::starunpack_helper(ast::List<ast::Expr> elts, int pushed, Opcode build, Opcode add, Opcode extend,
                                bool tuple) {
  size_t n = elts.size();
  if (n > 2 && all_constant(elts, 0, n)) {
    std::vector<ConstRef> items = constant_items(elts, 0, n);
    // A list or set of constants becomes an empty container extended by one constant, so the literal costs one
    // LOAD_CONST however many items it has.
    if (tuple && !pushed) return load_const(Const::tuple(std::move(items)));
    ConstRef folded = add == Opcode::SET_ADD ? Const::frozenset(frozenset_order(std::move(items)))
                                             : Const::tuple(std::move(items));
    if (!addop_i(build, pushed) || !load_const(std::move(folded)) || !addop_i(extend, 1)) return false;
    return !tuple || addop(Opcode::LIST_TO_TUPLE);
  }
  bool big = n + pushed > kStackUseGuideline;
  bool seen_star = false;
  for (const ast::Expr* elt : elts) seen_star |= elt->kind == ast::ExprKind::Starred;
  if (!seen_star && !big) {
    if (!visit_exprs(elts)) return false;
    return addop_i(tuple ? Opcode::BUILD_TUPLE : build, static_cast<int>(n) + pushed);
  }
  bool built = false;
  if (big) {
    if (!addop_i(build, pushed)) return false;
    built = true;
  }
  for (size_t i = 0; i < n; ++i) {
    const ast::Expr* elt = elts[i];
    if (auto* star = elt->as<ast::Starred>()) {
      if (!built) {
        if (!addop_i(build, static_cast<int>(i) + pushed)) return false;
        built = true;
      }
      if (!visit_expr(star->value) || !addop_i(extend, 1)) return false;
    } else {
      if (!visit_expr(elt)) return false;
      if (built && !addop_i(add, 1)) return false;
    }
  }
  return !tuple || addop(Opcode::LIST_TO_TUPLE);
}

// The left side of an unpacking assignment: UNPACK_EX packs "items before the star" in its low byte and "items
// after" above it, which is where both of CPython's limits (and their messages) come from.
bool Codegen::unpack_helper(ast::List<ast::Expr> elts) {
  size_t n = elts.size();
  bool seen_star = false;
  for (size_t i = 0; i < n; ++i) {
    if (elts[i]->kind != ast::ExprKind::Starred) continue;
    if (seen_star) return error("multiple starred expressions in assignment");
    if (i >= (1u << 8) || n - i - 1 >= (INT32_MAX >> 8)) return error("too many expressions in star-unpacking assignment");
    if (!addop_i(Opcode::UNPACK_EX, static_cast<int>(i + ((n - i - 1) << 8)))) return false;
    seen_star = true;
  }
  return seen_star || addop_i(Opcode::UNPACK_SEQUENCE, static_cast<int>(n));
}

bool Codegen::assignment_helper(ast::List<ast::Expr> elts) {
  if (!unpack_helper(elts)) return false;
  for (const ast::Expr* elt : elts) {
    auto* star = elt->as<ast::Starred>();
    if (!visit_expr(star ? star->value : elt)) return false;
  }
  return true;
}

// One run of key: value pairs without **: constant keys go into one tuple for BUILD_CONST_KEY_MAP; a run too long
// for the stack guideline is built incrementally with MAP_ADD.
bool Codegen::subdict(const ast::Dict* e, size_t begin, size_t end) {
  size_t n = end - begin;
  bool big = n * 2 > kStackUseGuideline;
  if (n > 1 && !big && all_constant(e->keys, begin, end)) {
    for (size_t i = begin; i < end; ++i)
      if (!visit_expr(e->values[i])) return false;
    return load_const(Const::tuple(constant_items(e->keys, begin, end))) &&
           addop_i(Opcode::BUILD_CONST_KEY_MAP, static_cast<int>(n));
  }
  if (big && !addop_i(Opcode::BUILD_MAP, 0)) return false;
  for (size_t i = begin; i < end; ++i) {
    if (!visit_expr(e->keys[i]) || !visit_expr(e->values[i])) return false;
    if (big && !addop_i(Opcode::MAP_ADD, 1)) return false;
  }
  return big || addop_i(Opcode::BUILD_MAP, static_cast<int>(n));
}

// A dict display is split at each **mapping and at every kStackUseGuideline pairs; the pieces are merged with
// DICT_UPDATE, so even a huge literal never needs a deep stack.
bool Codegen::dict(const ast::Dict* e) {
  size_t n = e->values.size(), elements = 0;
  bool have_dict = false;
  for (size_t i = 0; i < n; ++i) {
    if (!e->keys[i]) {  // **mapping
      if (elements) {
        if (!subdict(e, i - elements, i)) return false;
        if (have_dict && !addop_i(Opcode::DICT_UPDATE, 1)) return false;
        have_dict = true;
        elements = 0;
      }
      if (!have_dict) {
        if (!addop_i(Opcode::BUILD_MAP, 0)) return false;
        have_dict = true;
      }
      if (!visit_expr(e->values[i]) || !addop_i(Opcode::DICT_UPDATE, 1)) return false;
    } else if (elements * 2 > kStackUseGuideline) {
      if (!subdict(e, i - elements, i + 1)) return false;
      if (have_dict && !addop_i(Opcode::DICT_UPDATE, 1)) return false;
      have_dict = true;
      elements = 0;
    } else {
      elements++;
    }
  }
  if (elements) {
    if (!subdict(e, n - elements, n)) return false;
    if (have_dict && !addop_i(Opcode::DICT_UPDATE, 1)) return false;
    have_dict = true;
  }
  return have_dict || addop_i(Opcode::BUILD_MAP, 0);
}

// ---- f-strings, subscripts ------------------------------------------------------------------------------------

// An f-string concatenates its parts with BUILD_STRING; with too many parts for the stack it becomes
// ''.join([...]) instead, exactly as CPython compiles it.
bool Codegen::joined_str(const ast::JoinedStr* e) {
  size_t n = e->values.size();
  if (n > kStackUseGuideline) {
    if (!load_const(Const::str("", true)) || !addop_name(Opcode::LOAD_METHOD, "join") ||
        !addop_i(Opcode::BUILD_LIST, 0))
      return false;
    for (const ast::Expr* v : e->values)
      if (!visit_expr(v) || !addop_i(Opcode::LIST_APPEND, 1)) return false;
    return addop_i(Opcode::PRECALL, 1) && addop_i(Opcode::CALL, 1);
  }
  if (!visit_exprs(e->values)) return false;
  // One part needs no BUILD_STRING: FORMAT_VALUE already produced a str (and a lone constant part is one).
  return n == 1 || addop_i(Opcode::BUILD_STRING, static_cast<int>(n));
}

// FORMAT_VALUE's operand: the conversion (!s, !r, !a) in the low two bits, and 4 when a format spec was pushed.
bool Codegen::formatted_value(const ast::FormattedValue* e) {
  if (!visit_expr(e->value)) return false;
  int oparg = 0;
  switch (e->conversion) {
    case 's': oparg = 1; break;
    case 'r': oparg = 2; break;
    case 'a': oparg = 3; break;
    default: oparg = 0; break;
  }
  if (e->format_spec) {
    if (!visit_expr(e->format_spec)) return false;
    oparg |= 4;
  }
  return addop_i(Opcode::FORMAT_VALUE, oparg);
}

bool Codegen::subscript(const ast::Subscript* e) {
  if (e->ctx == Ctx::Load) check_subscript(e);
  Opcode op = e->ctx == Ctx::Load ? Opcode::BINARY_SUBSCR : e->ctx == Ctx::Store ? Opcode::STORE_SUBSCR : Opcode::DELETE_SUBSCR;
  return visit_expr(e->value) && visit_expr(e->slice) && addop(op);
}

bool Codegen::slice(const ast::Slice* e) {
  int n = 2;
  if (e->lower ? !visit_expr(e->lower) : !load_none()) return false;
  if (e->upper ? !visit_expr(e->upper) : !load_none()) return false;
  if (e->step) {
    n++;
    if (!visit_expr(e->step)) return false;
  }
  return addop_i(Opcode::BUILD_SLICE, n);
}

}  // namespace minipy
