// `from __future__ import ...`: which features a module turns on (future.c), and the annotation-to-string
// unparser that `annotations` needs (ast_unparse.c: precedence-driven parentheses, reprs for constants, f-strings
// rebuilt with their braces escaped).
#include <fmt/format.h>

#include "compiler/codegen_internal.h"

namespace minipy {

// Mirrors future.c's future_parse: only the docstring and an unbroken run of `from __future__` statements at the top of
// a module may name features; the first other statement ends the run, and a later future import is the error. Eval
// input and an empty module have no features. The result feeds two places: the code object's co_flags (so `compile()`
// and `exec` inherit them, as CPython's PyCompilerFlags do) and codegen's choice of how to store annotations.
FutureResult future_features(const ast::Module& module, std::string_view filename) {
  FutureResult result;
  if (module.mode == ast::ParseMode::Eval || module.body.empty()) return result;
  auto fail = [&](const ast::Stmt* s, std::string message) {
    result.error = make_syntax_error(std::move(message), filename, s->loc);
    return result;
  };
  // A docstring may precede the futures (PEP 236); it is the only statement that may.
  size_t i = docstring_of(module.body) ? 1 : 0;
  bool done = false;
  int prev_line = 0;
  for (; i < module.body.size(); ++i) {
    const ast::Stmt* s = module.body[i];
    // Future imports joined by semicolons to other code on their line still count as late.
    if (done && s->loc.lineno > prev_line) break;
    prev_line = s->loc.lineno;
    auto* from = s->as<ast::ImportFrom>();
    if (!from || from->module != "__future__") {
      done = true;
      continue;
    }
    if (done) {
      fail(s, "from __future__ imports must occur at the beginning of the file");
      result.error->offset -= 1;  // future.c reports this one at the 0-based column
      return result;
    }
    for (const ast::Alias* alias : from->names) {
      std::string_view f = alias->name;
      // The two features with an effect in 3.11; the rest of Lib/__future__.py's all_feature_names are mandatory
      // already and accepted without changing anything.
      if (f == "barry_as_FLUFL") {
        result.features.flags |= CO_FUTURE_BARRY_AS_BDFL;
      } else if (f == "annotations") {
        result.features.flags |= CO_FUTURE_ANNOTATIONS;
      } else if (f == "braces") {
        fail(s, "not a chance");
        result.error->end_offset = 0;  // future.c's PyErr_SyntaxLocationObject gives no end column
        return result;
      } else if (f != "nested_scopes" && f != "generators" && f != "division" && f != "absolute_import" &&
                 f != "with_statement" && f != "print_function" && f != "unicode_literals" &&
                 f != "generator_stop") {
        // future.c formats the name with %.100s, so a long name is cut at 100 bytes in the message.
        fail(s, fmt::format("future feature {} is not defined", f.substr(0, 100)));
        result.error->end_offset = 0;
        return result;
      }
    }
    result.features.lineno = s->loc.lineno;
  }
  return result;
}

namespace {

// The unparser below turns an annotation back into source text for PEP 563 (`from __future__ import annotations`):
// codegen stores this string in __annotations__ instead of evaluating the expression. Programs read it back with
// typing.get_type_hints() and dataclasses, and tests print it, so the text must match ast_unparse.c character for
// character: the same parentheses (decided by comparing the level the context demands with the node's own
// precedence), spacing and constant reprs. It is the C unparser, not Lib/ast.py's ast.unparse, that annotations
// use, and the two differ in details such as `lambda*a: 0`.
//
// ast_unparse.c's precedence levels.
enum Precedence {
  kTuple, kTest, kOr, kAnd, kNot, kCmp, kBor, kBxor = kBor + 1, kBand, kShift, kArith, kTerm, kFactor, kPower,
  kAwait, kAtom
};
constexpr int kExpr = kBor;

// ast_unparse.c writes an infinity as 1e309 (too large for a double, so it reads back as inf) because `inf` would name
// a variable when the annotation is evaluated; complex infinities get the same treatment (`1e309j`).
std::string python_repr(const Const& c) {
  std::string r = c.repr();
  // An infinite float must read back as a float literal.
  if (c.is(Const::Kind::Float) || c.is(Const::Kind::Complex)) {
    for (size_t p = r.find("inf"); p != std::string::npos; p = r.find("inf", p + 5)) r.replace(p, 3, "1e309");
  }
  return r;
}

// Literal text inside a rebuilt f-string must double its braces, or evaluating the string would see a replacement
// field.
std::string escape_braces(std::string_view s) {
  std::string out;
  for (char ch : s) {
    out += ch;
    if (ch == '{' || ch == '}') out += ch;
  }
  return out;
}

class Unparser {
 public:
  void expr(const ast::Expr* e, int level);
  std::string take() { return std::move(out_); }

 private:
  void open(bool cond) { if (cond) out_ += '('; }
  void close(bool cond) { if (cond) out_ += ')'; }
  void items(ast::List<ast::Expr> elts, int level) {
    for (size_t i = 0; i < elts.size(); ++i) {
      if (i) out_ += ", ";
      expr(elts[i], level);
    }
  }
  void arg(const ast::Arg* a) {
    out_ += a->arg;
    if (a->annotation) {
      out_ += ": ";
      expr(a->annotation, kTest);
    }
  }
  void args(const ast::Arguments* a);
  void comprehensions(ast::List<ast::Comprehension> gens) {
    for (const ast::Comprehension* g : gens) {
      out_ += g->is_async ? " async for " : " for ";
      expr(g->target, kTuple);
      out_ += " in ";
      expr(g->iter, kTest + 1);
      for (const ast::Expr* cond : g->ifs) {
        out_ += " if ";
        expr(cond, kTest + 1);
      }
    }
  }
  void constant(const Const& c) {
    if (c.is(Const::Kind::Tuple)) {
      out_ += '(';
      for (size_t i = 0; i < c.items().size(); ++i) {
        if (i) out_ += ", ";
        constant(*c.items()[i]);
      }
      if (c.items().size() == 1) out_ += ',';
      out_ += ')';
      return;
    }
    out_ += python_repr(c);
  }
  std::string fstring_body(ast::List<ast::Expr> values, bool is_format_spec);
  void joined_str(const ast::JoinedStr* e, bool is_format_spec) {
    std::string body = fstring_body(e->values, is_format_spec);
    if (is_format_spec) {
      out_ += body;
    } else {
      out_ += 'f';
      out_ += Const::str(body)->repr();
    }
  }
  void formatted_value(const ast::FormattedValue* e);

  std::string out_;
};

void Unparser::args(const ast::Arguments* a) {
  bool first = true;
  auto sep = [&] {
    if (!first) out_ += ", ";
    first = false;
  };
  size_t npos = a->posonlyargs.size(), nargs = a->args.size(), ndefaults = a->defaults.size();
  for (size_t i = 0; i < npos + nargs; ++i) {
    sep();
    arg(i < npos ? a->posonlyargs[i] : a->args[i - npos]);
    // Defaults belong to the last parameters: parameter i has one when it is among the final `ndefaults`.
    long di = static_cast<long>(i) - static_cast<long>(npos + nargs) + static_cast<long>(ndefaults);
    if (di >= 0) {
      out_ += '=';
      expr(a->defaults[static_cast<size_t>(di)], kTest);
    }
    if (npos && i + 1 == npos) out_ += ", /";
  }
  // A bare `*` is needed when there are keyword-only parameters but no *args.
  if (a->vararg || !a->kwonlyargs.empty()) {
    sep();
    out_ += '*';
    if (a->vararg) arg(a->vararg);
  }
  for (size_t i = 0; i < a->kwonlyargs.size(); ++i) {
    sep();
    arg(a->kwonlyargs[i]);
    if (i < a->kw_defaults.size() && a->kw_defaults[i]) {
      out_ += '=';
      expr(a->kw_defaults[i], kTest);
    }
  }
  if (a->kwarg) {
    sep();
    out_ += "**";
    arg(a->kwarg);
  }
}

// The body is unparsed into a separate buffer because the caller wraps it as a str repr (choosing quotes, escaping)
// only once it is complete; a nested JoinedStr (a format spec) is spliced in raw.
std::string Unparser::fstring_body(ast::List<ast::Expr> values, bool is_format_spec) {
  Unparser body;
  for (const ast::Expr* v : values) {
    if (auto* c = v->as<ast::Constant>())
      body.out_ += escape_braces(c->value->text());
    else if (auto* j = v->as<ast::JoinedStr>())
      body.joined_str(j, is_format_spec);
    else if (auto* f = v->as<ast::FormattedValue>())
      body.formatted_value(f);
  }
  return body.take();
}

void Unparser::formatted_value(const ast::FormattedValue* e) {
  Unparser inner;
  inner.expr(e->value, kTest + 1);
  std::string text = inner.take();
  // A value starting with a brace is separated from the outer one by a space.
  out_ += !text.empty() && text[0] == '{' ? "{ " : "{";
  out_ += text;
  if (e->conversion == 'a') out_ += "!a";
  if (e->conversion == 'r') out_ += "!r";
  if (e->conversion == 's') out_ += "!s";
  if (e->format_spec) {
    out_ += ':';
    if (auto* c = e->format_spec->as<ast::Constant>())
      out_ += escape_braces(c->value->text());
    else if (auto* j = e->format_spec->as<ast::JoinedStr>())
      joined_str(j, true);
  }
  out_ += '}';
}

void Unparser::expr(const ast::Expr* e, int level) {
  using K = ast::ExprKind;
  switch (e->kind) {
    case K::BoolOp: {
      auto* b = static_cast<const ast::BoolOp*>(e);
      int pr = b->op == ast::BoolOpKind::And ? kAnd : kOr;
      open(level > pr);
      for (size_t i = 0; i < b->values.size(); ++i) {
        if (i) out_ += b->op == ast::BoolOpKind::And ? " and " : " or ";
        expr(b->values[i], pr + 1);
      }
      close(level > pr);
      return;
    }
    case K::BinOp: {
      auto* b = static_cast<const ast::BinOp*>(e);
      // The symbol comes from binary_ops.def; the binding strength is the grammar's (CPython's ast_unparse.c).
      using Op = ast::OperatorKind;
      int pr = kTerm;
      switch (b->op) {
        case Op::Add: case Op::Sub: pr = kArith; break;
        case Op::Pow: pr = kPower; break;
        case Op::LShift: case Op::RShift: pr = kShift; break;
        case Op::BitOr: pr = kBor; break;
        case Op::BitXor: pr = kBxor; break;
        case Op::BitAnd: pr = kBand; break;
        default: break;  // * @ / % //
      }
      bool right_assoc = b->op == Op::Pow;
      open(level > pr);
      expr(b->left, pr + right_assoc);
      out_ += ' ';
      out_ += kBinaryOpSymbols[static_cast<size_t>(binary_op_number(b->op))];
      out_ += ' ';
      expr(b->right, pr + !right_assoc);
      close(level > pr);
      return;
    }
    case K::UnaryOp: {
      auto* un = static_cast<const ast::UnaryOp*>(e);
      static constexpr const char* kText[] = {"~", "not ", "+", "-"};
      int pr = un->op == ast::UnaryOpKind::Not ? kNot : kFactor;
      open(level > pr);
      out_ += kText[static_cast<int>(un->op)];
      expr(un->operand, pr);
      close(level > pr);
      return;
    }
    case K::Lambda: {
      auto* l = static_cast<const ast::Lambda*>(e);
      open(level > kTest);
      // ast_unparse.c writes "lambda " only when there are positional parameters; `lambda *a: 0` comes out as
      // "lambda*a: 0", and matching that oddity keeps __annotations__ identical.
      out_ += l->args->args.size() + l->args->posonlyargs.size() ? "lambda " : "lambda";
      args(l->args);
      out_ += ": ";
      expr(l->body, kTest);
      close(level > kTest);
      return;
    }
    case K::IfExp: {
      auto* i = static_cast<const ast::IfExp*>(e);
      open(level > kTest);
      expr(i->body, kTest + 1);
      out_ += " if ";
      expr(i->test, kTest + 1);
      out_ += " else ";
      expr(i->orelse, kTest);
      close(level > kTest);
      return;
    }
    case K::Dict: {
      auto* d = static_cast<const ast::Dict*>(e);
      out_ += '{';
      for (size_t i = 0; i < d->values.size(); ++i) {
        if (i) out_ += ", ";
        if (d->keys[i]) {
          expr(d->keys[i], kTest);
          out_ += ": ";
          expr(d->values[i], kTest);
        } else {
          out_ += "**";
          expr(d->values[i], kExpr);
        }
      }
      out_ += '}';
      return;
    }
    case K::Set:
      out_ += '{';
      items(static_cast<const ast::Set*>(e)->elts, kTest);
      out_ += '}';
      return;
    case K::GeneratorExp: {
      auto* g = static_cast<const ast::GeneratorExp*>(e);
      out_ += '(';
      expr(g->elt, kTest);
      comprehensions(g->generators);
      out_ += ')';
      return;
    }
    case K::ListComp: {
      auto* g = static_cast<const ast::ListComp*>(e);
      out_ += '[';
      expr(g->elt, kTest);
      comprehensions(g->generators);
      out_ += ']';
      return;
    }
    case K::SetComp: {
      auto* g = static_cast<const ast::SetComp*>(e);
      out_ += '{';
      expr(g->elt, kTest);
      comprehensions(g->generators);
      out_ += '}';
      return;
    }
    case K::DictComp: {
      auto* g = static_cast<const ast::DictComp*>(e);
      out_ += '{';
      expr(g->key, kTest);
      out_ += ": ";
      expr(g->value, kTest);
      comprehensions(g->generators);
      out_ += '}';
      return;
    }
    case K::Yield: {
      auto* y = static_cast<const ast::Yield*>(e);
      if (!y->value) {
        out_ += "(yield)";
        return;
      }
      out_ += "(yield ";
      expr(y->value, kTest);
      out_ += ')';
      return;
    }
    case K::YieldFrom:
      out_ += "(yield from ";
      expr(static_cast<const ast::YieldFrom*>(e)->value, kTest);
      out_ += ')';
      return;
    case K::Await:
      open(level > kAwait);
      out_ += "await ";
      expr(static_cast<const ast::Await*>(e)->value, kAtom);
      close(level > kAwait);
      return;
    case K::Compare: {
      auto* c = static_cast<const ast::Compare*>(e);
      static constexpr const char* kText[] = {" == ", " != ", " < ", " <= ", " > ", " >= ", " is ", " is not ",
                                              " in ", " not in "};
      open(level > kCmp);
      expr(c->left, kCmp + 1);
      for (size_t i = 0; i < c->ops.size(); ++i) {
        out_ += kText[static_cast<int>(c->ops[i])];
        expr(c->comparators[i], kCmp + 1);
      }
      close(level > kCmp);
      return;
    }
    case K::Call: {
      auto* c = static_cast<const ast::Call*>(e);
      expr(c->func, kAtom);
      if (c->args.size() == 1 && c->keywords.empty() && c->args[0]->kind == K::GeneratorExp) {
        expr(c->args[0], kTuple);  // f(x for x in y): the generator's own parentheses suffice
        return;
      }
      out_ += '(';
      items(c->args, kTest);
      for (size_t i = 0; i < c->keywords.size(); ++i) {
        if (i || !c->args.empty()) out_ += ", ";
        const ast::Keyword* k = c->keywords[i];
        if (k->arg.empty()) {
          out_ += "**";
        } else {
          out_ += k->arg;
          out_ += '=';
        }
        expr(k->value, kTest);
      }
      out_ += ')';
      return;
    }
    case K::Constant: {
      auto* c = static_cast<const ast::Constant*>(e);
      if (c->value->is(Const::Kind::Ellipsis)) {
        out_ += "...";
        return;
      }
      out_ += c->kind;
      constant(*c->value);
      return;
    }
    case K::JoinedStr: joined_str(static_cast<const ast::JoinedStr*>(e), false); return;
    case K::FormattedValue: formatted_value(static_cast<const ast::FormattedValue*>(e)); return;
    case K::Attribute: {
      auto* a = static_cast<const ast::Attribute*>(e);
      expr(a->value, kAtom);
      auto* c = a->value->as<ast::Constant>();
      // `1 .real`: an int literal needs a space before the dot.
      out_ += c && c->value->is(Const::Kind::Int) ? " ." : ".";
      out_ += a->attr;
      return;
    }
    case K::Subscript: {
      auto* s = static_cast<const ast::Subscript*>(e);
      expr(s->value, kAtom);
      // `x[*a, b]`: a starred element inside a subscript tuple makes the tuple need its parentheses in 3.11's unparser,
      // so the level is raised one step.
      int slice_level = kTuple;
      if (auto* t = s->slice->as<ast::Tuple>())
        for (const ast::Expr* elt : t->elts)
          if (elt->kind == K::Starred) {
            ++slice_level;
            break;
          }
      out_ += '[';
      expr(s->slice, slice_level);
      out_ += ']';
      return;
    }
    case K::Starred:
      out_ += '*';
      expr(static_cast<const ast::Starred*>(e)->value, kExpr);
      return;
    case K::Slice: {
      auto* s = static_cast<const ast::Slice*>(e);
      if (s->lower) expr(s->lower, kTest);
      out_ += ':';
      if (s->upper) expr(s->upper, kTest);
      if (s->step) {
        out_ += ':';
        expr(s->step, kTest);
      }
      return;
    }
    case K::Name: out_ += static_cast<const ast::Name*>(e)->id; return;
    case K::List:
      out_ += '[';
      items(static_cast<const ast::ListExpr*>(e)->elts, kTest);
      out_ += ']';
      return;
    case K::Tuple: {
      auto* t = static_cast<const ast::Tuple*>(e);
      if (t->elts.empty()) {
        out_ += "()";
        return;
      }
      open(level > kTuple);
      items(t->elts, kTest);
      if (t->elts.size() == 1) out_ += ',';
      close(level > kTuple);
      return;
    }
    // A walrus binds looser than a tuple element, so it is parenthesised wherever a tuple would be.
    case K::NamedExpr: {
      auto* n = static_cast<const ast::NamedExpr*>(e);
      open(level > kTuple);
      expr(n->target, kAtom);
      out_ += " := ";
      expr(n->value, kAtom);
      close(level > kTuple);
      return;
    }
  }
}

}  // namespace

// The entry point codegen calls for each annotation under CO_FUTURE_ANNOTATIONS, at ast_unparse.c's starting
// level (PR_TEST), which is why a tuple annotation keeps its parentheses: `x: (1, 2)` is stored as '(1, 2)'.
std::string unparse_annotation(const ast::Expr* e) {
  Unparser u;
  u.expr(e, kTest);
  return u.take();
}

}  // namespace minipy
