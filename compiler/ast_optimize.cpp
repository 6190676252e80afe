// Constant folding on the AST, after CPython 3.11's ast_opt.c: children are folded first, then the node itself
// is replaced by a Constant when every operand is constant and the operation is cheap and cannot raise.
#include "compiler/ast_optimize.h"

#include "compiler/symtable.h"

#include <cmath>
#include <optional>
#include <utility>

namespace minipy {


namespace {

constexpr uint64_t kMaxIntBits = 128;
constexpr int64_t kMaxCollectionSize = 256;
constexpr int64_t kMaxStrSize = 4096;
constexpr int64_t kMaxTotalItems = 1024;

using K = Const::Kind;

std::optional<BigInt> as_int(const Const& c) {
  if (c.is(K::Int)) return c.int_value();
  if (c.is(K::True)) return BigInt(1);
  if (c.is(K::False)) return BigInt(0);
  return std::nullopt;
}

std::optional<double> as_float(const Const& c) {
  if (c.is(K::Float)) return c.float_value();
  if (auto i = as_int(c)) return i->to_double();  // nullopt when too large (OverflowError)
  return std::nullopt;
}

bool is_bool(const Const& c) { return c.is(K::True) || c.is(K::False); }

bool truthy(const Const& c) {
  switch (c.kind()) {
    case K::None:
    case K::False: return false;
    case K::True:
    case K::Ellipsis:
    case K::Code: return true;
    case K::Int: return !c.int_value().is_zero();
    case K::Float: return c.float_value() != 0.0;
    case K::Complex: return c.float_value() != 0.0 || c.imag_value() != 0.0;
    case K::Str:
    case K::Bytes: return !c.text().empty();
    case K::Tuple:
    case K::FrozenSet: return !c.items().empty();
  }
  return true;
}

size_t code_points(const std::string& s) {
  size_t n = 0;
  for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
  return n;
}

// The byte offset of code point `index` in `s` (or s.size()).
size_t byte_offset(const std::string& s, size_t index) {
  size_t i = 0;
  for (; i < s.size() && index > 0; ++i)
    if (i + 1 >= s.size() || (static_cast<unsigned char>(s[i + 1]) & 0xC0) != 0x80) --index;
  return i;
}

int64_t sequence_length(const Const& c) {
  if (c.is(K::Str)) return static_cast<int64_t>(code_points(c.text()));
  if (c.is(K::Bytes)) return static_cast<int64_t>(c.text().size());
  return static_cast<int64_t>(c.items().size());
}

// ast_opt.c's check_complexity: how many items remain from `limit` after counting nested containers.
int64_t check_complexity(const Const& c, int64_t limit) {
  if (c.is(K::Tuple) || c.is(K::FrozenSet)) {
    limit -= static_cast<int64_t>(c.items().size());
    for (const ConstRef& item : c.items()) {
      if (limit < 0) break;
      limit = check_complexity(*item, limit);
    }
  }
  return limit;
}

ConstRef repeat(const Const& seq, int64_t n) {
  if (n < 0) n = 0;
  if (seq.is(K::Str) || seq.is(K::Bytes)) {
    std::string out;
    for (int64_t i = 0; i < n; ++i) out += seq.text();
    return seq.is(K::Str) ? Const::str(out, all_name_chars(out)) : Const::bytes(out);
  }
  std::vector<ConstRef> items;
  for (int64_t i = 0; i < n; ++i) items.insert(items.end(), seq.items().begin(), seq.items().end());
  return Const::tuple(std::move(items));
}

ConstRef safe_multiply(const Const& v, const Const& w) {
  auto vi = as_int(v), wi = as_int(w);
  if (vi && wi) {
    if (!vi->is_zero() && !wi->is_zero() && vi->bit_length() + wi->bit_length() > kMaxIntBits) return nullptr;
    return Const::integer(*vi * *wi);
  }
  if (vi && (w.is(K::Tuple) || w.is(K::Str) || w.is(K::Bytes))) {
    int64_t size = sequence_length(w);
    if (!vi->fits_int64()) return nullptr;
    int64_t n = vi->to_int64();
    if (size) {
      int64_t cap = w.is(K::Tuple) ? kMaxCollectionSize : kMaxStrSize;
      if (n < 0 || n > cap / size) return nullptr;
      if (w.is(K::Tuple) && n && check_complexity(w, kMaxTotalItems / n) < 0) return nullptr;
    }
    return repeat(w, n);
  }
  if (wi && (v.is(K::Tuple) || v.is(K::Str) || v.is(K::Bytes))) return safe_multiply(w, v);
  auto vf = as_float(v), wf = as_float(w);
  if ((v.is(K::Float) || w.is(K::Float)) && vf && wf) return Const::floating(*vf * *wf);
  return nullptr;
}

// Python's float divmod (floatobject.c's float_divmod); b != 0.
void float_divmod(double a, double b, double* floordiv, double* mod) {
  double m = std::fmod(a, b);
  double div = (a - m) / b;
  if (m != 0.0) {
    if ((b < 0) != (m < 0)) {
      m += b;
      div -= 1.0;
    }
  } else {
    m = std::copysign(0.0, b);
  }
  double fd;
  if (div != 0.0) {
    fd = std::floor(div);
    if (div - fd > 0.5) fd += 1.0;
  } else {
    fd = std::copysign(0.0, a / b);
  }
  *floordiv = fd;
  *mod = m;
}

ConstRef float_power(double a, double b) {
  if (std::isnan(a) || std::isnan(b) || std::isinf(a) || std::isinf(b)) return nullptr;  // leave odd cases alone
  if (a == 0.0 && b < 0.0) return nullptr;                                             // ZeroDivisionError
  if (a < 0.0 && b != std::floor(b)) return nullptr;                                   // complex result
  double r = std::pow(a, b);
  if (std::isinf(r)) return nullptr;                                                   // OverflowError
  return Const::floating(r);
}

ConstRef fold_binary(ast::OperatorKind op, const Const& v, const Const& w) {
  using O = ast::OperatorKind;
  auto vi = as_int(v), wi = as_int(w);
  bool floats = (v.is(K::Float) && (wi || w.is(K::Float))) || (w.is(K::Float) && vi);
  std::optional<double> vf, wf;
  if (floats) {
    vf = as_float(v);
    wf = as_float(w);
    if (!vf || !wf) return nullptr;
  }
  switch (op) {
    case O::Add:
      if (vi && wi) return Const::integer(*vi + *wi);
      if (floats) return Const::floating(*vf + *wf);
      if (v.kind() == w.kind() && (v.is(K::Str) || v.is(K::Bytes))) {
        std::string s = v.text() + w.text();
        return v.is(K::Str) ? Const::str(s, all_name_chars(s)) : Const::bytes(s);
      }
      if (v.is(K::Tuple) && w.is(K::Tuple)) {
        std::vector<ConstRef> items = v.items();
        items.insert(items.end(), w.items().begin(), w.items().end());
        return Const::tuple(std::move(items));
      }
      return nullptr;
    case O::Sub:
      if (vi && wi) return Const::integer(*vi - *wi);
      if (floats) return Const::floating(*vf - *wf);
      return nullptr;
    case O::Mult: return safe_multiply(v, w);
    case O::Div:
      if (vi && wi) {
        if (wi->is_zero()) return nullptr;
        // Exact only while both fit a double's mantissa; beyond that CPython's correctly rounded division is
        // left to run time.
        BigInt limit = BigInt(1).shifted_left(53);
        if (compare(vi->abs(), limit) > 0 || compare(wi->abs(), limit) > 0) return nullptr;
        return Const::floating(static_cast<double>(vi->to_int64()) / static_cast<double>(wi->to_int64()));
      }
      if (floats) return *wf == 0.0 ? nullptr : Const::floating(*vf / *wf);
      return nullptr;
    case O::FloorDiv:
    case O::Mod:
      if (vi && wi) {
        if (wi->is_zero()) return nullptr;
        BigInt q, r;
        BigInt::floor_divmod(*vi, *wi, &q, &r);
        return Const::integer(op == O::FloorDiv ? q : r);
      }
      if (floats) {
        if (*wf == 0.0) return nullptr;
        double fd, m;
        float_divmod(*vf, *wf, &fd, &m);
        return Const::floating(op == O::FloorDiv ? fd : m);
      }
      return nullptr;  // str % x is formatting: never folded
    case O::Pow:
      if (vi && wi) {
        if (wi->sign() < 0) {
          auto a = vi->to_double(), b = wi->to_double();
          if (!a || !b) return nullptr;
          return float_power(*a, *b);
        }
        if (!vi->is_zero() && !wi->is_zero()) {
          if (!wi->fits_int64()) return nullptr;
          uint64_t wbits = static_cast<uint64_t>(wi->to_int64());
          if (vi->bit_length() > kMaxIntBits / wbits) return nullptr;
        }
        if (!wi->fits_int64()) return nullptr;
        return Const::integer(vi->pow(static_cast<uint64_t>(wi->to_int64())));
      }
      if (floats) return float_power(*vf, *wf);
      return nullptr;
    case O::LShift:
    case O::RShift:
      if (vi && wi) {
        if (wi->sign() < 0) return nullptr;  // ValueError: negative shift count
        if (op == O::LShift) {
          if (!vi->is_zero() && !wi->is_zero()) {
            if (!wi->fits_int64()) return nullptr;
            uint64_t wbits = static_cast<uint64_t>(wi->to_int64());
            if (wbits > kMaxIntBits || vi->bit_length() > kMaxIntBits - wbits) return nullptr;
          }
          if (vi->is_zero()) return Const::integer(BigInt(0));
          return Const::integer(vi->shifted_left(static_cast<uint64_t>(wi->to_int64())));
        }
        if (!wi->fits_int64()) return Const::integer(BigInt(vi->sign() < 0 ? -1 : 0));
        return Const::integer(vi->shifted_right(static_cast<uint64_t>(wi->to_int64())));
      }
      return nullptr;
    case O::BitOr:
    case O::BitXor:
    case O::BitAnd:
      if (vi && wi) {
        BigInt r = op == O::BitOr ? (*vi | *wi) : op == O::BitXor ? (*vi ^ *wi) : (*vi & *wi);
        if (is_bool(v) && is_bool(w)) return Const::boolean(!r.is_zero());
        return Const::integer(std::move(r));
      }
      return nullptr;
    case O::MatMult: return nullptr;
  }
  return nullptr;
}

ConstRef fold_unary(ast::UnaryOpKind op, const Const& v) {
  using U = ast::UnaryOpKind;
  auto vi = as_int(v);
  switch (op) {
    case U::Not: return Const::boolean(!truthy(v));
    case U::Invert: return vi ? Const::integer(vi->invert()) : nullptr;
    case U::USub:
      if (vi) return Const::integer(-*vi);
      if (v.is(K::Float)) return Const::floating(-v.float_value());
      if (v.is(K::Complex)) return Const::complex(-v.float_value(), -v.imag_value());
      return nullptr;
    case U::UAdd:
      if (vi) return Const::integer(*vi);
      if (v.is(K::Float) || v.is(K::Complex)) return copy_const(v);
      return nullptr;
  }
  return nullptr;
}

ConstRef fold_subscript(const Const& v, const Const& index) {
  auto i = as_int(index);
  if (!i || !i->fits_int64()) return nullptr;
  int64_t n = i->to_int64();
  int64_t len;
  if (v.is(K::Str) || v.is(K::Bytes) || v.is(K::Tuple))
    len = sequence_length(v);
  else
    return nullptr;
  if (n < 0) n += len;
  if (n < 0 || n >= len) return nullptr;  // IndexError
  if (v.is(K::Tuple)) return v.items()[static_cast<size_t>(n)];
  if (v.is(K::Bytes)) return Const::integer(BigInt(static_cast<unsigned char>(v.text()[static_cast<size_t>(n)])));
  size_t begin = byte_offset(v.text(), static_cast<size_t>(n));
  size_t end = byte_offset(v.text(), static_cast<size_t>(n) + 1);
  std::string ch = v.text().substr(begin, end - begin);
  return Const::str(ch, all_name_chars(ch));
}

class Folder {
 public:
  Folder(ast::Arena& arena, int optimize, bool string_annotations)
      : arena_(arena), optimize_(optimize), string_annotations_(string_annotations) {}

  void stmts(ast::List<ast::Stmt> list) {
    for (ast::Stmt* s : list) stmt(s);
  }
  void exprs(ast::List<ast::Expr> list) {
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
      if (b->op == ast::OperatorKind::Mod && l && l->is(K::Str) && tuple) {
        for (const ast::Expr* elt : tuple->elts)
          if (elt->kind == EK::Starred) return;
        if (ast::Expr* joined = optimize_format(b, l->text(), tuple->elts); joined && !walk_only_) e = joined;
        return;
      }
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
    case EK::Name: {
      auto* n = static_cast<ast::Name*>(e);
      if (n->ctx == ast::ExprContext::Load && n->id == "__debug__") e = make_const(e, Const::boolean(optimize_ == 0));
      return;
    }
    case EK::List: exprs(static_cast<ast::ListExpr*>(e)->elts); return;
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
    case SK::FunctionDef: {
      auto* f = static_cast<ast::FunctionDef*>(s);
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
      fold_iter(f->iter);
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
    case SK::With: {
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
    case SK::Try: {
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
    default: return;
  }
}

// Python's hash() of an int: the value modulo 2**61 - 1, keeping the sign, with -1 mapped to -2.
int64_t int_hash(const BigInt& v) {
  static const BigInt kModulus = BigInt(1).shifted_left(61) - BigInt(1);
  BigInt q, r;
  BigInt::floor_divmod(v.abs(), kModulus, &q, &r);
  int64_t h = r.to_int64();
  if (v.sign() < 0) h = -h;
  return h == -1 ? -2 : h;
}

// Python's hash() of a finite float (pyhash.c's _Py_HashDouble): equal to the hash of an equal int.
uint64_t float_hash(double v) {
  constexpr int kBits = 61;
  constexpr uint64_t kModulus = (uint64_t{1} << kBits) - 1;
  if (std::isinf(v)) return v > 0 ? 314159 : static_cast<uint64_t>(-314159);
  int e;
  double m = std::frexp(v, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uint64_t x = 0;
  while (m != 0.0) {
    x = ((x << 28) & kModulus) | x >> (kBits - 28);
    m *= 268435456.0;
    e -= 28;
    auto y = static_cast<uint64_t>(m);
    m -= static_cast<double>(y);
    x += y;
    if (x >= kModulus) x -= kModulus;
  }
  e = e >= 0 ? e % kBits : kBits - 1 - ((-1 - e) % kBits);
  x = ((x << e) & kModulus) | x >> (kBits - e);
  x = x * static_cast<uint64_t>(static_cast<int64_t>(sign));
  return x == static_cast<uint64_t>(-1) ? static_cast<uint64_t>(-2) : x;
}

// hash() where it is the same in every process: ints, bools, non-NaN floats and tuples of them (tuplehash's
// xxHash lanes). Strings, bytes and None hash differently per process (or per address) in 3.11.
std::optional<uint64_t> stable_hash(const Const& c) {
  if (auto i = as_int(c)) return static_cast<uint64_t>(int_hash(*i));
  if (c.is(K::Float)) {
    if (std::isnan(c.float_value())) return std::nullopt;
    return float_hash(c.float_value());
  }
  if (!c.is(K::Tuple)) return std::nullopt;
  constexpr uint64_t kPrime1 = 11400714785074694791ULL, kPrime2 = 14029467366897019727ULL,
                     kPrime5 = 2870177450012600261ULL;
  uint64_t acc = kPrime5;
  for (const ConstRef& item : c.items()) {
    auto lane = stable_hash(*item);
    if (!lane) return std::nullopt;
    acc += *lane * kPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kPrime1;
  }
  acc += c.items().size() ^ (kPrime5 ^ 3527539UL);
  return acc == static_cast<uint64_t>(-1) ? 1546275796 : acc;
}

// Python's == between constants as a set sees it (1 == 1.0 == True; containers item by item).
bool py_equal(const Const& a, const Const& b) {
  auto ai = as_int(a), bi = as_int(b);
  if (ai && bi) return *ai == *bi;
  if ((ai || a.is(K::Float)) && (bi || b.is(K::Float))) {
    if (ai || bi) {
      double f = ai ? b.float_value() : a.float_value();
      const BigInt& i = ai ? *ai : *bi;
      if (!std::isfinite(f) || f != std::floor(f)) return false;
      return BigInt::from_double(f) == i;
    }
    return a.float_value() == b.float_value();
  }
  if (a.is(K::Tuple) && b.is(K::Tuple)) {
    if (a.items().size() != b.items().size()) return false;
    for (size_t i = 0; i < a.items().size(); ++i)
      if (!py_equal(*a.items()[i], *b.items()[i])) return false;
    return true;
  }
  return same_constant(a, b);
}

}  // namespace

std::vector<ConstRef> frozenset_order(std::vector<ConstRef> items) {
  // Drop duplicates as set insertion would (1 == 1.0 == True, so the first one stays).
  std::vector<ConstRef> unique;
  std::vector<uint64_t> hashes;
  bool stable = true;
  for (ConstRef& c : items) {
    auto h = stable_hash(*c);
    stable &= h.has_value();
    bool seen = false;
    for (const ConstRef& o : unique) seen |= py_equal(*o, *c);
    if (seen) continue;
    unique.push_back(std::move(c));
    hashes.push_back(h.value_or(0));
  }
  if (!stable) return unique;

  // Replay setobject.c: an 8-slot table grown x4 when 3/5 full, linear probes of 9 then perturbed jumps.
  struct Slot {
    const ConstRef* item = nullptr;
    uint64_t hash = 0;
  };
  constexpr size_t kLinearProbes = 9;
  auto insert = [&](std::vector<Slot>& table, const ConstRef* item, uint64_t hash) {
    size_t mask = table.size() - 1, i = hash & mask;
    uint64_t perturb = hash;
    while (true) {
      size_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
      for (size_t j = 0; j <= probes; ++j)
        if (!table[i + j].item) {
          table[i + j] = Slot{item, hash};
          return;
        }
      perturb >>= 5;
      i = (i * 5 + 1 + perturb) & mask;
    }
  };
  std::vector<Slot> table(8);
  size_t used = 0;
  for (size_t k = 0; k < unique.size(); ++k) {
    insert(table, &unique[k], hashes[k]);
    ++used;
    if (used * 5 >= (table.size() - 1) * 3) {
      size_t size = 8;
      while (size <= used * 4) size <<= 1;
      std::vector<Slot> bigger(size);
      for (const Slot& s : table)
        if (s.item) insert(bigger, s.item, s.hash);
      table = std::move(bigger);
    }
  }
  std::vector<ConstRef> ordered;
  for (const Slot& s : table)
    if (s.item) ordered.push_back(*s.item);
  return ordered;
}

ConstRef copy_const(const Const& c) {
  switch (c.kind()) {
    case K::None: return Const::none();
    case K::False: return Const::boolean(false);
    case K::True: return Const::boolean(true);
    case K::Ellipsis: return Const::ellipsis();
    case K::Int: return Const::integer(c.int_value());
    case K::Float: return Const::floating(c.float_value());
    case K::Complex: return Const::complex(c.float_value(), c.imag_value());
    case K::Str: return Const::str(c.text(), c.interned());
    case K::Bytes: return Const::bytes(c.text());
    case K::Tuple: return Const::tuple(c.items());
    case K::FrozenSet: return Const::frozenset(c.items());
    case K::Code: return Const::code(c.code_value());
  }
  return Const::none();
}

std::optional<SyntaxError> optimize_ast(ast::Module& module, ast::Arena& arena, int optimize, int future_flags) {
  Folder folder(arena, optimize, (future_flags & CO_FUTURE_ANNOTATIONS) != 0);
  if (module.mode == ast::ParseMode::Eval) {
    if (module.expression) folder.expr(module.expression);
  } else {
    folder.stmts(module.body);
  }
  if (!folder.too_deep()) return std::nullopt;
  SyntaxError error;
  error.message = "maximum recursion depth exceeded during compilation";
  error.lineno = folder.too_deep()->lineno;
  error.offset = folder.too_deep()->col_offset + 1;
  return error;
}

}  // namespace minipy
