// The symbol table: a walk that records how each block binds and uses names, then CPython's analysis pass that
// turns those facts into local / global / free / cell decisions (symtable.c's analyze_block and friends).
#include "compiler/symtable.h"

#include <fmt/format.h>

#include <unordered_set>
#include <utility>

namespace minipy {

// The analysis passes sets of names down (bound in enclosing functions, declared global) and up (free in
// children), as symtable.c does with its dicts and sets.
using NameSet = std::unordered_set<std::string>;

// Private name mangling: `__x` inside class `_Foo` is `_Foo__x`. Both the symbol table and codegen mangle before
// every lookup, so the two must agree exactly; leading underscores of the class name are dropped, and a class
// named only with underscores mangles nothing (CPython's _Py_Mangle).
std::string_view mangle(std::string_view class_name, std::string_view name, std::string& storage) {
  if (class_name.empty() || name.size() < 2 || name[0] != '_' || name[1] != '_') return name;
  // Dunder names and dotted import names keep their spelling.
  if ((name.size() >= 2 && name[name.size() - 1] == '_' && name[name.size() - 2] == '_') ||
      name.find('.') != std::string_view::npos)
    return name;
  size_t strip = 0;
  while (strip < class_name.size() && class_name[strip] == '_') ++strip;
  if (strip == class_name.size()) return name;
  storage = fmt::format("_{}{}", class_name.substr(strip), name);
  return storage;
}

std::string mangle(std::string_view class_name, std::string_view name) {
  std::string storage;
  return std::string(mangle(class_name, name, storage));
}

// AST columns are 0-based; SyntaxError.offset and end_offset are 1-based, as CPython reports them.
SyntaxError make_syntax_error(std::string message, std::string_view filename, const ast::Location& loc) {
  SyntaxError e;
  e.message = std::move(message);
  e.filename = std::string(filename);
  e.lineno = loc.lineno;
  e.offset = loc.col_offset + 1;
  e.end_lineno = loc.end_lineno;
  e.end_offset = loc.end_col_offset + 1;
  return e;
}

NameScope Scope::scope_of(std::string_view mangled) const {
  auto it = symbols.find(mangled);
  return it == symbols.end() ? NameScope::Unknown : it->second.scope;
}

int Scope::flags_of(std::string_view mangled) const {
  auto it = symbols.find(mangled);
  return it == symbols.end() ? 0 : it->second.flags;
}

const Scope* SymbolTable::lookup(const void* node) const {
  auto it = by_node_.find(node);
  return it == by_node_.end() ? nullptr : it->second;
}

namespace {

// Where a `global` / `nonlocal` statement (or a walrus acting like one) named a variable, for error positions.
struct Directive {
  const Scope* scope;
  std::string name;
  ast::Location loc;
};

}  // namespace

// Two passes, as in CPython: the walk (visit_*) records for each block which names it binds, uses, declares
// global/nonlocal or receives as parameters; the analysis (analyze_*) then decides every name's scope, which
// needs the whole tree first (a nested function may use a name its parent binds only later in the source).
class SymtableBuilder {
 public:
  SymtableBuilder(std::string_view filename, bool string_annotations)
      : filename_(filename), string_annotations_(string_annotations), table_(std::make_unique<SymbolTable>()) {}

  SymtableResult run(const ast::Module& module);

 private:
  // ---- errors ----
  // Only the first error is kept: every visit returns false after it, so the walk unwinds without looking
  // further, and CPython reports the first one too.
  bool fail(const ast::Location& loc, std::string message) {
    if (!error_) error_ = make_syntax_error(std::move(message), filename_, loc);
    return false;
  }

  // ---- blocks ----
  // Opens a block for `node` (a def, lambda, class, comprehension or the module) as a child of the current one;
  // the table owns it, and codegen finds it again by the node's address.
  Scope* enter(BlockKind kind, std::string name, const void* node, const ast::Location& loc) {
    auto scope = std::make_unique<Scope>();
    Scope* s = scope.get();
    s->kind = kind;
    s->name = std::move(name);
    s->node = node;
    s->loc = loc;
    s->parent = cur_;
    if (cur_) {
      // Inside a function at any depth (even through a class): such a block gets CO_NESTED, and a global name it
      // uses makes it has_free, because an enclosing function might still bind it.
      s->nested = cur_->nested || cur_->kind == BlockKind::Function;
      cur_->children.push_back(s);
    }
    table_->scopes_.push_back(std::move(scope));
    table_->by_node_[node] = s;
    cur_ = s;
    return s;
  }
  void leave() { cur_ = cur_->parent; }

  // ---- definitions ----
  // Records `flag` for `raw_name` (mangled in the current class) in `scope`. The only errors found this early
  // are duplicate parameters and a walrus rebinding a comprehension variable; all other conflicts wait for the
  // analysis, which sees the whole block.
  bool add_def_in(Scope* scope, std::string_view raw_name, int flag, const ast::Location& loc) {
    std::string storage;
    std::string_view name = mangle(private_, raw_name, storage);
    // Most definitions repeat a name the block has already seen: find it by the view before making a key.
    auto found = scope->symbols.find(name);
    if (found == scope->symbols.end()) found = scope->symbols.emplace(std::string(name), Symbol{}).first;
    Symbol& sym = found->second;
    if ((flag & kDefParam) && (sym.flags & kDefParam))
      return fail(loc, fmt::format("duplicate argument '{}' in function definition", name));
    // A comprehension's `for` target is local to the comprehension; a walrus inside it that binds the same name
    // would leak it to the enclosing function, which 3.11 refuses.
    if (scope->comp_iter_target) {
      if (sym.flags & (kDefGlobal | kDefNonlocal))
        return fail(loc, fmt::format("comprehension inner loop cannot rebind assignment expression target '{}'",
                                     name));
      sym.flags |= kDefCompIter;
    }
    sym.flags |= flag;
    if (flag & kDefParam) {
      if (scope->varnames.empty()) scope->varnames.reserve(4);  // most parameter lists: one allocation
      scope->varnames.emplace_back(name);
    }
    // CPython records every `global` declaration in the module's own symbols too (st_global is the top
    // block's dict), so a name declared global anywhere is an explicit global at module level.
    if ((flag & kDefGlobal) && table_->top_) table_->top_->symbols[std::string(name)].flags |= flag;
    return true;
  }
  bool add_def(std::string_view name, int flag, const ast::Location& loc) { return add_def_in(cur_, name, flag, loc); }
  int lookup_flags(std::string_view raw_name) const {
    std::string storage;
    return cur_->flags_of(mangle(private_, raw_name, storage));
  }
  void record_directive(std::string_view raw_name, const ast::Location& loc) {
    directives_.push_back(Directive{cur_, mangle(private_, raw_name), loc});
  }

  // ---- walking ----
  bool visit_stmts(ast::List<ast::Stmt> stmts) {
    for (const ast::Stmt* s : stmts)
      if (!visit_stmt(s)) return false;
    return true;
  }
  bool visit_exprs(ast::List<ast::Expr> exprs) {
    for (const ast::Expr* e : exprs)
      if (e && !visit_expr(e)) return false;
    return true;
  }
  bool visit_stmt(const ast::Stmt* s);
  bool visit_expr(const ast::Expr* e);
  bool visit_params(ast::List<ast::Arg> args) {
    for (const ast::Arg* a : args)
      if (!add_def(a->arg, kDefParam, a->loc)) return false;
    return true;
  }
  // Parameters enter co_varnames in CPython's order: positional-only, positional, keyword-only, then *args and
  // **kwargs. The frame's argument binding relies on that layout.
  bool visit_arguments(const ast::Arguments* a) {
    if (!visit_params(a->posonlyargs) || !visit_params(a->args) || !visit_params(a->kwonlyargs)) return false;
    if (a->vararg) {
      if (!add_def(a->vararg->arg, kDefParam, a->vararg->loc)) return false;
      cur_->varargs = true;
    }
    if (a->kwarg) {
      if (!add_def(a->kwarg->arg, kDefParam, a->kwarg->loc)) return false;
      cur_->varkeywords = true;
    }
    return true;
  }
  bool visit_annotations(const ast::Arguments* a, const ast::Expr* returns) {
    auto visit_list = [&](ast::List<ast::Arg> args) {
      for (const ast::Arg* arg : args)
        if (arg->annotation && !visit_annotation(arg->annotation)) return false;
      return true;
    };
    if (!visit_list(a->posonlyargs) || !visit_list(a->args)) return false;
    if (a->vararg && a->vararg->annotation && !visit_annotation(a->vararg->annotation)) return false;
    if (a->kwarg && a->kwarg->annotation && !visit_annotation(a->kwarg->annotation)) return false;
    if (!visit_list(a->kwonlyargs)) return false;
    return !returns || visit_annotation(returns);
  }
  // `import a.b.c` binds `a`; `import a.b as c` binds `c`; `from m import *` binds nothing the compiler can see
  // and is refused outside module level (it would make every name's scope unknowable).
  bool visit_alias(const ast::Alias* alias, const ast::Stmt* s) {
    std::string_view store = alias->asname.empty() ? alias->name : alias->asname;
    if (store == "*") {
      if (cur_->kind != BlockKind::Module) return fail(alias->loc, "import * only allowed at module level");
      return true;
    }
    if (alias->asname.empty()) store = store.substr(0, store.find('.'));
    return add_def(store, kDefImport, s->loc);
  }
  bool visit_comprehension(const ast::Expr* e, const char* scope_name, ComprehensionKind kind,
                           ast::List<ast::Comprehension> generators, const ast::Expr* elt,
                           const ast::Expr* value);
  bool handle_namedexpr(const ast::NamedExpr* e);
  bool visit_pattern(const ast::Pattern* p);
  bool extend_namedexpr_scope(const ast::Name* target);
  bool global_or_nonlocal(const ast::Stmt* s, std::span<const ast::Identifier> names, bool is_global);

  // ---- analysis ----
  bool analyze_block(Scope* s, NameSet* bound, NameSet& free, NameSet& global);
  bool analyze_name(Scope* s, const std::string& name, Symbol& sym, const NameSet* bound, NameSet* local,
                    NameSet& free, NameSet& global);
  bool error_at_directive(const Scope* s, const std::string& name, std::string message) {
    for (const Directive& d : directives_)
      if (d.scope == s && d.name == name) return fail(d.loc, std::move(message));
    return fail(s->loc, std::move(message));
  }

  // A string annotation is never evaluated: it binds and uses nothing in the enclosing scopes, but yield, await
  // and walrus are still rejected in it. It is walked in a throwaway block that the analysis never sees.
  bool visit_annotation(const ast::Expr* e) {
    if (!string_annotations_) return visit_expr(e);
    Scope scratch;
    scratch.kind = BlockKind::Function;
    scratch.is_annotation = true;
    scratch.parent = cur_;
    scratch.nested = cur_->nested;
    Scope* saved = std::exchange(cur_, &scratch);
    bool ok = visit_expr(e);
    cur_ = saved;
    return ok;
  }
  bool reject_in_annotation(const ast::Expr* e, const char* what) {
    if (!cur_->is_annotation) return true;
    return fail(e->loc, fmt::format("'{}' can not be used within an annotation", what));
  }

  std::string filename_;
  bool string_annotations_;
  std::unique_ptr<SymbolTable> table_;
  Scope* cur_ = nullptr;
  std::string private_;  // the enclosing class name, for mangling
  std::vector<Directive> directives_;
  std::optional<SyntaxError> error_;
};

// `global x` / `nonlocal x` must come before any other mention of x in the block: the messages name what came
// first, in the precedence symtable.c checks them.
bool SymtableBuilder::global_or_nonlocal(const ast::Stmt* s, std::span<const ast::Identifier> names,
                                         bool is_global) {
  const char* kind = is_global ? "global" : "nonlocal";
  for (ast::Identifier raw : names) {
    int cur = lookup_flags(raw);
    if (cur & (kDefParam | kDefLocal | kUse | kDefAnnot)) {
      std::string msg;
      if (cur & kDefParam)
        msg = fmt::format("name '{}' is parameter and {}", raw, kind);
      else if (cur & kUse)
        msg = fmt::format("name '{}' is used prior to {} declaration", raw, kind);
      else if (cur & kDefAnnot)
        msg = fmt::format("annotated name '{}' can't be {}", raw, kind);
      else
        msg = fmt::format("name '{}' is assigned to before {} declaration", raw, kind);
      return fail(s->loc, msg);
    }
    if (!add_def(raw, is_global ? kDefGlobal : kDefNonlocal, s->loc)) return false;
    record_directive(raw, s->loc);
  }
  return true;
}

bool SymtableBuilder::visit_stmt(const ast::Stmt* s) {
  using K = ast::StmtKind;
  switch (s->kind) {
    // The name binds in the enclosing block, and the defaults, annotations and decorators are evaluated there
    // when `def` runs, so they are visited before entering the function's own block (symtable.c's order).
    case K::FunctionDef:
    case K::AsyncFunctionDef: {
      auto* f = static_cast<const ast::FunctionDef*>(s);
      if (!add_def(f->name, kDefLocal, s->loc)) return false;
      if (!visit_exprs(f->args->defaults) || !visit_exprs(f->args->kw_defaults)) return false;
      if (!visit_annotations(f->args, f->returns)) return false;
      if (!visit_exprs(f->decorator_list)) return false;
      enter(BlockKind::Function, std::string(f->name), f, s->loc);
      cur_->coroutine = s->kind == K::AsyncFunctionDef;
      if (!visit_arguments(f->args) || !visit_stmts(f->body)) return false;
      leave();
      return true;
    }
    case K::ClassDef: {
      auto* c = static_cast<const ast::ClassDef*>(s);
      if (!add_def(c->name, kDefLocal, s->loc)) return false;
      if (!visit_exprs(c->bases)) return false;
      for (const ast::Keyword* k : c->keywords)
        if (!visit_expr(k->value)) return false;
      if (!visit_exprs(c->decorator_list)) return false;
      // The class body is a block of its own; names in it are mangled with this class's name. After an error
      // the block is not left (no leave()) on purpose: the whole build fails then.
      enter(BlockKind::Class, std::string(c->name), c, s->loc);
      std::string saved = std::exchange(private_, std::string(c->name));
      bool ok = visit_stmts(c->body);
      private_ = std::move(saved);
      if (!ok) return false;
      leave();
      return true;
    }
    case K::Return: {
      auto* r = static_cast<const ast::Return*>(s);
      return !r->value || visit_expr(r->value);
    }
    case K::Delete: return visit_exprs(static_cast<const ast::Delete*>(s)->targets);
    case K::Assign: {
      auto* a = static_cast<const ast::Assign*>(s);
      return visit_exprs(a->targets) && visit_expr(a->value);
    }
    case K::AnnAssign: {
      auto* a = static_cast<const ast::AnnAssign*>(s);
      // `x: int` (simple) declares x local and annotated even without a value; `(x): int` (not simple)
      // binds x only when a value is assigned, as in symtable.c.
      if (auto* name = a->target->as<ast::Name>()) {
        int cur = lookup_flags(name->id);
        if ((cur & (kDefGlobal | kDefNonlocal)) && cur_->kind != BlockKind::Module && a->simple) {
          return fail(s->loc, fmt::format("annotated name '{}' can't be {}", name->id,
                                          (cur & kDefGlobal) ? "global" : "nonlocal"));
        }
        if (a->simple) {
          if (!add_def(name->id, kDefAnnot | kDefLocal, name->loc)) return false;
        } else if (a->value && !add_def(name->id, kDefLocal, name->loc)) {
          return false;
        }
      } else if (!visit_expr(a->target)) {
        return false;
      }
      if (!visit_annotation(a->annotation)) return false;
      return !a->value || visit_expr(a->value);
    }
    case K::AugAssign: {
      auto* a = static_cast<const ast::AugAssign*>(s);
      return visit_expr(a->target) && visit_expr(a->value);
    }
    case K::For:
    case K::AsyncFor: {
      auto* f = static_cast<const ast::For*>(s);
      return visit_expr(f->target) && visit_expr(f->iter) && visit_stmts(f->body) && visit_stmts(f->orelse);
    }
    case K::While: {
      auto* w = static_cast<const ast::While*>(s);
      return visit_expr(w->test) && visit_stmts(w->body) && visit_stmts(w->orelse);
    }
    case K::If: {
      auto* i = static_cast<const ast::If*>(s);
      return visit_expr(i->test) && visit_stmts(i->body) && visit_stmts(i->orelse);
    }
    case K::Raise: {
      auto* r = static_cast<const ast::Raise*>(s);
      if (r->exc && !visit_expr(r->exc)) return false;
      return !r->cause || visit_expr(r->cause);
    }
    case K::Try:
    case K::TryStar: {
      auto* t = static_cast<const ast::Try*>(s);
      if (!visit_stmts(t->body) || !visit_stmts(t->orelse)) return false;
      for (const ast::ExceptHandler* h : t->handlers) {
        if (h->type && !visit_expr(h->type)) return false;
        // `except E as e` binds e locally (codegen deletes it when the handler ends; it is still a local).
        if (!h->name.empty() && !add_def(h->name, kDefLocal, h->loc)) return false;
        if (!visit_stmts(h->body)) return false;
      }
      return visit_stmts(t->finalbody);
    }
    case K::Assert: {
      auto* a = static_cast<const ast::Assert*>(s);
      return visit_expr(a->test) && (!a->msg || visit_expr(a->msg));
    }
    case K::Import:
      for (const ast::Alias* alias : static_cast<const ast::Import*>(s)->names)
        if (!visit_alias(alias, s)) return false;
      return true;
    case K::ImportFrom:
      for (const ast::Alias* alias : static_cast<const ast::ImportFrom*>(s)->names)
        if (!visit_alias(alias, s)) return false;
      return true;
    case K::Global: return global_or_nonlocal(s, static_cast<const ast::Global*>(s)->names, true);
    case K::Nonlocal: return global_or_nonlocal(s, static_cast<const ast::Nonlocal*>(s)->names, false);
    case K::Expr: return visit_expr(static_cast<const ast::ExprStmt*>(s)->value);
    case K::Pass:
    case K::Break:
    case K::Continue: return true;
    case K::Match: {
      auto* m = static_cast<const ast::Match*>(s);
      if (!visit_expr(m->subject)) return false;
      for (const ast::MatchCase* c : m->cases) {
        if (!visit_pattern(c->pattern)) return false;
        if (c->guard && !visit_expr(c->guard)) return false;
        if (!visit_stmts(c->body)) return false;
      }
      return true;
    }
    case K::With:
    case K::AsyncWith: {
      auto* w = static_cast<const ast::With*>(s);
      for (const ast::WithItem* item : w->items) {
        if (!visit_expr(item->context_expr)) return false;
        if (item->optional_vars && !visit_expr(item->optional_vars)) return false;
      }
      return visit_stmts(w->body);
    }
    // Any statement kind added to the AST must be handled above before codegen may see it.
    default:
      return fail(s->loc, fmt::format("{} is not supported by minipy yet", ast::stmt_kind_name(s->kind)));
  }
}

// A pattern binds its capture names and evaluates its value, class and key expressions.
bool SymtableBuilder::visit_pattern(const ast::Pattern* p) {
  using K = ast::PatternKind;
  auto visit_all = [&](ast::List<ast::Pattern> ps) {
    for (const ast::Pattern* sub : ps)
      if (!visit_pattern(sub)) return false;
    return true;
  };
  switch (p->kind) {
    case K::MatchValue: return visit_expr(static_cast<const ast::MatchValue*>(p)->value);
    case K::MatchSingleton: return true;
    case K::MatchSequence: return visit_all(static_cast<const ast::MatchSequence*>(p)->patterns);
    case K::MatchStar: {
      auto* star = static_cast<const ast::MatchStar*>(p);
      return star->name.empty() || add_def(star->name, kDefLocal, p->loc);
    }
    case K::MatchMapping: {
      auto* m = static_cast<const ast::MatchMapping*>(p);
      if (!visit_exprs(m->keys) || !visit_all(m->patterns)) return false;
      return m->rest.empty() || add_def(m->rest, kDefLocal, p->loc);
    }
    case K::MatchClass: {
      auto* c = static_cast<const ast::MatchClass*>(p);
      return visit_expr(c->cls) && visit_all(c->patterns) && visit_all(c->kwd_patterns);
    }
    case K::MatchAs: {
      auto* a = static_cast<const ast::MatchAs*>(p);
      if (a->pattern && !visit_pattern(a->pattern)) return false;
      return a->name.empty() || add_def(a->name, kDefLocal, p->loc);
    }
    case K::MatchOr: return visit_all(static_cast<const ast::MatchOr*>(p)->patterns);
  }
  return true;
}

// PEP 572: a walrus inside a comprehension binds in the nearest enclosing non-comprehension scope, as if that
// scope had a `nonlocal` (function) or `global` (module) declaration for it; a class body cannot host it.
bool SymtableBuilder::extend_namedexpr_scope(const ast::Name* target) {
  std::string name = mangle(private_, target->id);
  for (Scope* s = cur_; s; s = s->parent) {
    if (s->comprehension != ComprehensionKind::None) {
      if (s->flags_of(name) & kDefCompIter)
        return fail(target->loc,
                    fmt::format("assignment expression cannot rebind comprehension iteration variable '{}'", name));
      continue;
    }
    if (s->kind == BlockKind::Function) {
      int in_scope = s->flags_of(name);
      if (!add_def(target->id, (in_scope & kDefGlobal) ? kDefGlobal : kDefNonlocal, target->loc)) return false;
      record_directive(target->id, target->loc);
      return add_def_in(s, target->id, kDefLocal, target->loc);
    }
    if (s->kind == BlockKind::Module) {
      if (!add_def(target->id, kDefGlobal, target->loc)) return false;
      record_directive(target->id, target->loc);
      return add_def_in(s, target->id, kDefGlobal, target->loc);
    }
    return fail(target->loc, "assignment expression within a comprehension cannot be used in a class body");
  }
  return true;
}

// `(x := v)`: v is visited before the target, as symtable.c does; a walrus in a comprehension's iterable
// (comp_iter_expr counts the iterables being visited) is refused, as PEP 572 specifies for every iterable
// clause of a comprehension.
bool SymtableBuilder::handle_namedexpr(const ast::NamedExpr* e) {
  if (cur_->comp_iter_expr > 0)
    return fail(e->loc, "assignment expression cannot be used in a comprehension iterable expression");
  if (cur_->comprehension != ComprehensionKind::None) {
    auto* target = e->target->as<ast::Name>();
    if (target && !extend_namedexpr_scope(target)) return false;
  }
  return visit_expr(e->value) && visit_expr(e->target);
}

// A comprehension is a function block of its own (3.11 does not inline them): its only parameter is ".0", the
// outermost iterable's iterator. While a `for` target is visited `comp_iter_target` is set, so add_def_in
// marks the names kDefCompIter (the walrus checks read it); the inner iterables run inside the comprehension.
bool SymtableBuilder::visit_comprehension(const ast::Expr* e, const char* scope_name, ComprehensionKind kind,
                                          ast::List<ast::Comprehension> generators, const ast::Expr* elt,
                                          const ast::Expr* value) {
  const ast::Comprehension* outermost = generators[0];
  // The outermost iterable is evaluated in the enclosing scope and passed in as the argument ".0".
  cur_->comp_iter_expr++;
  bool ok = visit_expr(outermost->iter);
  cur_->comp_iter_expr--;
  if (!ok) return false;
  Scope* s = enter(BlockKind::Function, scope_name, e, e->loc);
  s->comprehension = kind;
  if (outermost->is_async) s->coroutine = true;
  if (!add_def(".0", kDefParam, e->loc)) return false;
  s->comp_iter_target = true;
  ok = visit_expr(outermost->target);
  s->comp_iter_target = false;
  if (!ok || !visit_exprs(outermost->ifs)) return false;
  for (size_t i = 1; i < generators.size(); ++i) {
    const ast::Comprehension* g = generators[i];
    if (g->is_async) s->coroutine = true;
    s->comp_iter_target = true;
    ok = visit_expr(g->target);
    s->comp_iter_target = false;
    if (!ok) return false;
    s->comp_iter_expr++;
    ok = visit_expr(g->iter);
    s->comp_iter_expr--;
    if (!ok || !visit_exprs(g->ifs)) return false;
  }
  if (value && !visit_expr(value)) return false;
  if (!visit_expr(elt)) return false;
  s->generator = kind == ComprehensionKind::Generator;
  // A list/set/dict comprehension that awaits makes its enclosing function a coroutine too (symtable.c).
  bool awaits = s->coroutine && !s->generator;
  leave();
  if (awaits) cur_->coroutine = true;
  return true;
}

bool SymtableBuilder::visit_expr(const ast::Expr* e) {
  using K = ast::ExprKind;
  switch (e->kind) {
    case K::NamedExpr:
      if (!reject_in_annotation(e, "named expression")) return false;
      return handle_namedexpr(static_cast<const ast::NamedExpr*>(e));
    case K::BoolOp: return visit_exprs(static_cast<const ast::BoolOp*>(e)->values);
    case K::BinOp: {
      auto* b = static_cast<const ast::BinOp*>(e);
      return visit_expr(b->left) && visit_expr(b->right);
    }
    case K::UnaryOp: return visit_expr(static_cast<const ast::UnaryOp*>(e)->operand);
    case K::Lambda: {
      auto* l = static_cast<const ast::Lambda*>(e);
      if (!visit_exprs(l->args->defaults) || !visit_exprs(l->args->kw_defaults)) return false;
      enter(BlockKind::Function, "lambda", l, e->loc);
      if (!visit_arguments(l->args) || !visit_expr(l->body)) return false;
      leave();
      return true;
    }
    case K::IfExp: {
      auto* i = static_cast<const ast::IfExp*>(e);
      return visit_expr(i->test) && visit_expr(i->body) && visit_expr(i->orelse);
    }
    case K::Dict: {
      auto* d = static_cast<const ast::Dict*>(e);
      return visit_exprs(d->keys) && visit_exprs(d->values);
    }
    case K::Set: return visit_exprs(static_cast<const ast::Set*>(e)->elts);
    case K::GeneratorExp: {
      auto* g = static_cast<const ast::GeneratorExp*>(e);
      return visit_comprehension(e, "genexpr", ComprehensionKind::Generator, g->generators, g->elt, nullptr);
    }
    case K::ListComp: {
      auto* g = static_cast<const ast::ListComp*>(e);
      return visit_comprehension(e, "listcomp", ComprehensionKind::List, g->generators, g->elt, nullptr);
    }
    case K::SetComp: {
      auto* g = static_cast<const ast::SetComp*>(e);
      return visit_comprehension(e, "setcomp", ComprehensionKind::Set, g->generators, g->elt, nullptr);
    }
    case K::DictComp: {
      auto* g = static_cast<const ast::DictComp*>(e);
      return visit_comprehension(e, "dictcomp", ComprehensionKind::Dict, g->generators, g->key, g->value);
    }
    case K::Yield:
    case K::YieldFrom: {
      if (!reject_in_annotation(e, "yield expression")) return false;
      const ast::Expr* value = e->kind == K::Yield ? static_cast<const ast::Yield*>(e)->value
                                                   : static_cast<const ast::YieldFrom*>(e)->value;
      if (value && !visit_expr(value)) return false;
      cur_->generator = true;
      switch (cur_->comprehension) {
        case ComprehensionKind::None: return true;
        case ComprehensionKind::List: return fail(e->loc, "'yield' inside list comprehension");
        case ComprehensionKind::Set: return fail(e->loc, "'yield' inside set comprehension");
        case ComprehensionKind::Dict: return fail(e->loc, "'yield' inside dict comprehension");
        case ComprehensionKind::Generator: return fail(e->loc, "'yield' inside generator expression");
      }
      return true;
    }
    case K::Compare: {
      auto* c = static_cast<const ast::Compare*>(e);
      return visit_expr(c->left) && visit_exprs(c->comparators);
    }
    case K::Call: {
      auto* c = static_cast<const ast::Call*>(e);
      if (!visit_expr(c->func) || !visit_exprs(c->args)) return false;
      for (const ast::Keyword* k : c->keywords)
        if (!visit_expr(k->value)) return false;
      return true;
    }
    case K::FormattedValue: {
      auto* f = static_cast<const ast::FormattedValue*>(e);
      return visit_expr(f->value) && (!f->format_spec || visit_expr(f->format_spec));
    }
    case K::JoinedStr: return visit_exprs(static_cast<const ast::JoinedStr*>(e)->values);
    case K::Constant: return true;
    case K::Attribute: return visit_expr(static_cast<const ast::Attribute*>(e)->value);
    case K::Subscript: {
      auto* s = static_cast<const ast::Subscript*>(e);
      return visit_expr(s->value) && visit_expr(s->slice);
    }
    case K::Starred: return visit_expr(static_cast<const ast::Starred*>(e)->value);
    case K::Slice: {
      auto* s = static_cast<const ast::Slice*>(e);
      return (!s->lower || visit_expr(s->lower)) && (!s->upper || visit_expr(s->upper)) &&
             (!s->step || visit_expr(s->step));
    }
    // A load is a use, anything else (store, del) binds the name in the current block.
    case K::Name: {
      auto* n = static_cast<const ast::Name*>(e);
      if (!add_def(n->id, n->ctx == ast::ExprContext::Load ? kUse : kDefLocal, e->loc)) return false;
      // Zero-argument super() needs the __class__ cell of the enclosing class.
      if (n->ctx == ast::ExprContext::Load && cur_->kind == BlockKind::Function && n->id == "super")
        return add_def("__class__", kUse, e->loc);
      return true;
    }
    case K::List: return visit_exprs(static_cast<const ast::ListExpr*>(e)->elts);
    case K::Tuple: return visit_exprs(static_cast<const ast::Tuple*>(e)->elts);
    // An await makes the enclosing block a coroutine; an await that is not allowed there (outside an async
    // function) is rejected later, by codegen.
    case K::Await:
      if (!reject_in_annotation(e, "await expression")) return false;
      if (!visit_expr(static_cast<const ast::Await*>(e)->value)) return false;
      cur_->coroutine = true;
      return true;
  }
  return true;
}

// ---- analysis (symtable.c's analyze_name / analyze_block / analyze_cells / update_symbols) -----------------

// One name's scope, in symtable.c's order of precedence: explicit global, nonlocal (which must find a binding in
// an enclosing function), bound here (local), bound in an enclosing function (free), known global (implicit),
// else an implicit global. The first error found is reported at the directive that caused it.
bool SymtableBuilder::analyze_name(Scope* s, const std::string& name, Symbol& sym, const NameSet* bound,
                                   NameSet* local, NameSet& free, NameSet& global) {
  if (sym.flags & kDefGlobal) {
    if (sym.flags & kDefNonlocal)
      return error_at_directive(s, name, fmt::format("name '{}' is nonlocal and global", name));
    sym.scope = NameScope::GlobalExplicit;
    global.insert(name);
    if (bound) const_cast<NameSet*>(bound)->erase(name);
    return true;
  }
  if (sym.flags & kDefNonlocal) {
    if (!bound) return error_at_directive(s, name, "nonlocal declaration not allowed at module level");
    if (!bound->count(name)) return error_at_directive(s, name, fmt::format("no binding for nonlocal '{}' found", name));
    sym.scope = NameScope::Free;
    s->has_free = true;
    free.insert(name);
    return true;
  }
  // A binding in this block makes the name local here, hiding an outer global of the same name from this
  // block's children.
  if (sym.flags & kDefBound) {
    sym.scope = NameScope::Local;
    if (local) local->insert(name);
    global.erase(name);
    return true;
  }
  // A name bound in an enclosing function is free here (class scopes are not in `bound`).
  if (bound && bound->count(name)) {
    sym.scope = NameScope::Free;
    s->has_free = true;
    free.insert(name);
    return true;
  }
  if (global.count(name)) {
    sym.scope = NameScope::GlobalImplicit;
    return true;
  }
  // CPython's analyze_name sets ste_free here too; kept for parity, though minipy's codegen reads neither
  // has_free nor child_free.
  if (s->nested) s->has_free = true;
  sym.scope = NameScope::GlobalImplicit;
  return true;
}

// Decides the scopes of block `s` and, recursively, of its children. `bound` is what enclosing functions bind
// (null at module level; the caller's copy, which this block may edit), `global` what is known global; `free`
// receives the names `s` and its children need from outside. Locals a child captures become cells here, and free names merely passing through a class are
// marked so the class can pass its own cell along (kDefFreeClass), as analyze_cells / update_symbols do.
bool SymtableBuilder::analyze_block(Scope* s, NameSet* bound, NameSet& free, NameSet& global) {
  NameSet local, new_global, new_free, new_bound;
  // A class namespace is invisible to nested functions, so what children see is fixed before analysing it.
  if (s->kind == BlockKind::Class) {
    new_global = global;
    if (bound) new_bound = *bound;
  }
  // analyze_name may edit `bound` (a global declaration hides an outer binding): it is this block's own copy,
  // made by the parent for each child.
  const NameSet* bound_view = bound;
  // What the children see (new_bound, new_global, and the locals feeding new_bound) matters only when there
  // are children; most blocks are leaves, and skip building those sets.
  bool leaf = s->children.empty();
  for (auto& [name, sym] : s->symbols)
    if (!analyze_name(s, name, sym, bound_view, leaf ? nullptr : &local, free, global)) return false;

  if (s->kind != BlockKind::Class) {
    if (!leaf) {
      if (s->kind == BlockKind::Function) new_bound.insert(local.begin(), local.end());
      if (bound_view) new_bound.insert(bound_view->begin(), bound_view->end());
      new_global.insert(global.begin(), global.end());
    }
  } else {
    // A class offers its methods the implicit __class__ cell (zero-argument super() and __class__ itself).
    new_bound.insert("__class__");
  }

  NameSet all_free;
  for (Scope* child : s->children) {
    NameSet child_bound = new_bound, child_free = new_free, child_global = new_global;
    if (!analyze_block(child, &child_bound, child_free, child_global)) return false;
    all_free.insert(child_free.begin(), child_free.end());
    if (child->has_free || child->child_free) s->child_free = true;
  }
  new_free.insert(all_free.begin(), all_free.end());

  if (s->kind == BlockKind::Function) {
    // Locals that children capture become cells.
    for (auto& [name, sym] : s->symbols) {
      if (sym.scope == NameScope::Local && new_free.count(name)) {
        sym.scope = NameScope::Cell;
        new_free.erase(name);
      }
    }
  } else if (s->kind == BlockKind::Class) {
    if (new_free.erase("__class__")) s->needs_class_closure = true;
  }

  // Free names of children that this block does not bind pass through it as free variables.
  for (const std::string& name : new_free) {
    auto it = s->symbols.find(name);
    if (it != s->symbols.end()) {
      if (s->kind == BlockKind::Class && (it->second.flags & (kDefBound | kDefGlobal)))
        it->second.flags |= kDefFreeClass;
      continue;
    }
    if (bound_view && !bound_view->count(name)) continue;  // a global
    Symbol sym;
    sym.scope = NameScope::Free;
    s->symbols.emplace(name, sym);
  }
  free.insert(new_free.begin(), new_free.end());
  return true;
}

// Walks the module (or the single expression of eval mode), then analyses the whole tree from the top block.
// On failure the partly built table is discarded and only the first SyntaxError comes back.
SymtableResult SymtableBuilder::run(const ast::Module& module) {
  ast::Location top_loc{1, 0, 1, 0};
  Scope* top = enter(BlockKind::Module, "top", &module, top_loc);
  table_->top_ = top;
  bool ok = true;
  if (module.mode == ast::ParseMode::Eval)
    ok = visit_expr(module.expression);
  else
    ok = visit_stmts(module.body);
  if (ok) {
    NameSet free, global;
    ok = analyze_block(top, nullptr, free, global);
  }
  SymtableResult result;
  if (!ok) {
    result.error = std::move(error_);
    return result;
  }
  result.table = std::move(table_);
  return result;
}

SymtableResult build_symtable(const ast::Module& module, std::string_view filename, int future_flags) {
  SymtableBuilder builder(filename, (future_flags & CO_FUTURE_ANNOTATIONS) != 0);
  return builder.run(module);
}

}  // namespace minipy
