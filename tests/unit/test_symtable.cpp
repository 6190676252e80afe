// Symbol table suite: scope decisions and errors. Expected scopes and messages come from python3.11's own
// symtable module and compiler; the ASTs come from python3.11's parser through codegen_test_support.
#include <doctest/doctest.h>

#include "codegen_test_support.h"
#include "compiler/symtable.h"

namespace minipy::test {
namespace {

TEST_SUITE_BEGIN("symtable");

// The scope that the n-th (depth-first) definition of the tree opened, by name.
const Scope* find_scope(const Scope* scope, std::string_view name) {
  if (scope->name == name) return scope;
  for (const Scope* child : scope->children)
    if (const Scope* found = find_scope(child, name)) return found;
  return nullptr;
}

struct Analysed {
  ast::Arena arena;
  SymtableResult result;
};

std::unique_ptr<Analysed> analyse(const std::string& source) {
  auto snippets = python_snippets({source});
  if (!snippets) return nullptr;
  auto out = std::make_unique<Analysed>();
  ast::Module* module = load_python_ast((*snippets)[0].ast_tokens, out->arena);
  REQUIRE(module != nullptr);
  out->result = build_symtable(*module, "<test>");
  return out;
}

TEST_CASE("symtable: mangling follows _Py_Mangle") {
  CHECK(mangle("C", "__x") == "_C__x");
  CHECK(mangle("_C", "__x") == "_C__x");
  CHECK(mangle("__", "__x") == "__x");
  CHECK(mangle("C", "__x__") == "__x__");
  CHECK(mangle("C", "__a.b") == "__a.b");
  CHECK(mangle("C", "_x") == "_x");
  CHECK(mangle("", "__x") == "__x");
}

TEST_CASE("symtable: locals, globals, free and cell variables") {
  auto a = analyse(
      "g = 1\n"
      "def outer(p):\n"
      "    x = 1\n"
      "    y = 2\n"
      "    def inner():\n"
      "        nonlocal y\n"
      "        y = x + g + p\n"
      "        global z\n"
      "        z = 3\n"
      "    return inner\n");
  if (!a) return;
  REQUIRE(a->result.table);
  const Scope* top = a->result.table->top();
  const Scope* outer = find_scope(top, "outer");
  const Scope* inner = find_scope(top, "inner");
  REQUIRE(outer);
  REQUIRE(inner);
  CHECK(top->scope_of("g") == NameScope::Local);
  CHECK(top->scope_of("z") == NameScope::GlobalExplicit);  // a global declaration anywhere marks the module symbol
  CHECK(outer->scope_of("x") == NameScope::Cell);
  CHECK(outer->scope_of("y") == NameScope::Cell);
  CHECK(outer->scope_of("p") == NameScope::Cell);
  CHECK(outer->scope_of("inner") == NameScope::Local);
  CHECK(outer->varnames == std::vector<std::string>{"p"});
  CHECK(inner->scope_of("x") == NameScope::Free);
  CHECK(inner->scope_of("y") == NameScope::Free);
  CHECK(inner->scope_of("g") == NameScope::GlobalImplicit);
  CHECK(inner->scope_of("z") == NameScope::GlobalExplicit);
  CHECK(inner->nested);
  CHECK_FALSE(outer->nested);
}

TEST_CASE("symtable: class scopes are invisible to methods; super() needs __class__") {
  auto a = analyse(
      "def f():\n"
      "    v = 1\n"
      "    class C:\n"
      "        v = 2\n"
      "        w = v\n"
      "        def m(self):\n"
      "            return v, super()\n"
      "    return C\n");
  if (!a) return;
  REQUIRE(a->result.table);
  const Scope* top = a->result.table->top();
  const Scope* c = find_scope(top, "C");
  const Scope* m = find_scope(top, "m");
  REQUIRE(c);
  REQUIRE(m);
  CHECK(c->needs_class_closure);
  CHECK(m->scope_of("v") == NameScope::Free);  // f's v, not the class attribute
  CHECK(m->scope_of("__class__") == NameScope::Free);
  CHECK(m->scope_of("super") == NameScope::GlobalImplicit);
  CHECK(c->scope_of("v") == NameScope::Local);
  CHECK((c->flags_of("v") & kDefFreeClass) != 0);  // also passed through to the method as a free variable
  CHECK(find_scope(top, "f")->scope_of("v") == NameScope::Cell);
}

TEST_CASE("symtable: comprehensions get their own scope with .0 and walrus targets bind outside") {
  auto a = analyse("def f(data):\n    return [y for x in data if (y := x)]\n");
  if (!a) return;
  REQUIRE(a->result.table);
  const Scope* top = a->result.table->top();
  const Scope* comp = find_scope(top, "listcomp");
  REQUIRE(comp);
  CHECK(comp->comprehension == ComprehensionKind::List);
  CHECK(comp->varnames == std::vector<std::string>{".0"});
  CHECK(comp->scope_of("x") == NameScope::Local);
  CHECK(comp->scope_of("y") == NameScope::Free);
  CHECK(find_scope(top, "f")->scope_of("y") == NameScope::Cell);
  CHECK(find_scope(top, "f")->scope_of("data") == NameScope::Local);  // the iterable is evaluated in f
}

TEST_CASE("symtable: errors carry CPython's messages and positions") {
  struct Case {
    const char* source;
    const char* message;
    int lineno, offset;
  };
  const Case cases[] = {
      {"def f():\n    x = 1\n    global x\n", "name 'x' is assigned to before global declaration", 3, 5},
      {"def f():\n    print(x)\n    global x\n", "name 'x' is used prior to global declaration", 3, 5},
      {"def f(x):\n    global x\n", "name 'x' is parameter and global", 2, 5},
      {"def f(x):\n    nonlocal x\n", "name 'x' is parameter and nonlocal", 2, 5},
      {"nonlocal x\n", "nonlocal declaration not allowed at module level", 1, 1},
      {"def f():\n    nonlocal y\n", "no binding for nonlocal 'y' found", 2, 5},
      {"def f(a, a):\n    pass\n", "duplicate argument 'a' in function definition", 1, 10},
      {"def f():\n    from os import *\n", "import * only allowed at module level", 2, 20},
      {"[(yield) for x in y]\n", "'yield' inside list comprehension", 1, 3},
      {"def f():\n    return [x for x in range(3) if (x := 1)]\n",
       "assignment expression cannot rebind comprehension iteration variable 'x'", 2, 37},
      {"class C:\n    [(y := 1) for x in z]\n",
       "assignment expression within a comprehension cannot be used in a class body", 2, 7},
  };
  for (const Case& c : cases) {
    CAPTURE(c.source);
    auto a = analyse(c.source);
    if (!a) return;
    REQUIRE_FALSE(a->result.table);
    REQUIRE(a->result.error);
    CHECK(a->result.error->message == c.message);
    CHECK(a->result.error->lineno == c.lineno);
    CHECK(a->result.error->offset == c.offset);
  }
}

TEST_CASE("symtable: a hand-built tree needs no python3.11") {
  ast::Arena arena;
  // def f(): x = 1
  auto* target = arena.make<ast::Name>(ast::Expr{ast::ExprKind::Name, {2, 4, 2, 5}}, "x", ast::ExprContext::Store);
  auto* one = arena.make<ast::Constant>(ast::Expr{ast::ExprKind::Constant, {2, 8, 2, 9}}, arena.keep(Const::integer(1)),
                                        std::string_view{});
  auto* assign = arena.make<ast::Assign>(ast::Stmt{ast::StmtKind::Assign, {2, 4, 2, 9}},
                                         arena.list(std::vector<ast::Expr*>{target}), one);
  auto* def = arena.make<ast::FunctionDef>(ast::Stmt{ast::StmtKind::FunctionDef, {1, 0, 2, 9}}, "f",
                                           arena.make<ast::Arguments>(), arena.list(std::vector<ast::Stmt*>{assign}),
                                           ast::List<ast::Expr>{}, nullptr);
  ast::Module module;
  module.body = arena.list(std::vector<ast::Stmt*>{def});
  SymtableResult result = build_symtable(module, "<test>");
  REQUIRE(result.table);
  const Scope* f = result.table->lookup(def);
  REQUIRE(f);
  CHECK(f->kind == BlockKind::Function);
  CHECK(f->scope_of("x") == NameScope::Local);
  CHECK(result.table->top()->scope_of("f") == NameScope::Local);
}

TEST_SUITE_END();

}  // namespace
}  // namespace minipy::test
