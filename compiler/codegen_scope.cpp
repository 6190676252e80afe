// Code that opens a new code object: functions, lambdas, classes and comprehensions, plus the closure and
// default-argument plumbing MAKE_FUNCTION needs (compile.c's compiler_function, compiler_class,
// compiler_lambda, compiler_comprehension and compiler_make_closure).
#include <fmt/format.h>

#include "compiler/codegen_internal.h"

namespace minipy {

// Parameter and attribute names used as constants are flagged as identifiers so the VM interns them, as CPython's
// compiler interns every all-name-characters string constant.
static ConstRef str_const(std::string_view s) { return Const::str(std::string(s), all_name_chars(s)); }

// Pushes the closure tuple the child needs (if any), the code object, and MAKE_FUNCTION.
// The child's free variables are loaded from the parent's own cell or free slots, in the child's co_freevars order,
// because COPY_FREE_VARS copies the tuple into the child's frame by position.
bool Codegen::make_closure(std::shared_ptr<CodeObject> code, const CompilerUnit& child, int flags) {
  Unit& parent = u();
  if (!child.freevars.empty()) {
    for (const std::string& name : child.freevars) {
      // A class method's free __class__ comes from the class body's implicit cell.
      bool is_cell = (parent.kind == UnitKind::Class && name == "__class__") ||
                     parent.ste->scope_of(name) == NameScope::Cell;
      int index = is_cell ? find_name(parent.cellvars, parent.cu.cellvars, name)
                          : find_name(parent.freevars, parent.cu.freevars, name);
      if (index < 0) return error(fmt::format("internal error: no closure slot for '{}'", name));
      // Cells come first in the deref numbering, then free variables.
      if (!is_cell) index += static_cast<int>(parent.cu.cellvars.size());
      if (!addop_i(Opcode::LOAD_CLOSURE, index)) return false;
    }
    // MAKE_FUNCTION's flag bits (0x01 defaults, 0x02 kwdefaults, 0x04 annotations, 0x08 closure) name the extra values
    // below the code object, popped in the reverse order of these bits.
    flags |= 0x08;
    if (!addop_i(Opcode::BUILD_TUPLE, static_cast<int>(child.freevars.size()))) return false;
  }
  return load_const(Const::code(std::move(code))) && addop_i(Opcode::MAKE_FUNCTION, flags);
}

// Evaluates the defaults in the enclosing scope at definition time (positional ones as a tuple, keyword-only ones as a
// dict keyed by the mangled name) and returns MAKE_FUNCTION's flags for them, or -1 on error.
int Codegen::default_arguments(const ast::Arguments* args) {
  int flags = 0;
  if (!args->defaults.empty()) {
    if (!visit_exprs(args->defaults)) return -1;
    if (!addop_i(Opcode::BUILD_TUPLE, static_cast<int>(args->defaults.size()))) return -1;
    flags |= 0x01;
  }
  std::vector<ConstRef> keys;
  for (size_t i = 0; i < args->kwonlyargs.size(); ++i) {
    const ast::Expr* d = i < args->kw_defaults.size() ? args->kw_defaults[i] : nullptr;
    if (!d) continue;
    keys.push_back(str_const(mangle(u().private_name, args->kwonlyargs[i]->arg)));
    if (!visit_expr(d)) return -1;
  }
  if (!keys.empty()) {
    int n = static_cast<int>(keys.size());
    if (!load_const(Const::tuple(std::move(keys))) || !addop_i(Opcode::BUILD_CONST_KEY_MAP, n)) return -1;
    flags |= 0x02;
  }
  return flags;
}

// Function annotations become a flat tuple (name, value, name, value, ...) for MAKE_FUNCTION, 3.11's compact form; the
// function object turns it into the __annotations__ dict on first access. Returns 1 when there were any, 0 when none,
// -1 on error.
int Codegen::visit_annotations(const ast::Arguments* args, const ast::Expr* returns) {
  int count = 0;
  auto one = [&](std::string_view name, const ast::Expr* annotation) {
    if (!annotation) return true;
    if (!load_const(str_const(mangle(u().private_name, name)))) return false;
    if (future_annotations()) {
      if (!visit_annotation(annotation)) return false;
    // `*args: *Ts` (PEP 646): the value is the single item of the starred iterable, as compile.c's
    // compiler_visit_argannotation unpacks it with UNPACK_SEQUENCE 1.
    } else if (auto* star = annotation->as<ast::Starred>()) {
      if (!visit_expr(star->value) || !addop_i(Opcode::UNPACK_SEQUENCE, 1)) return false;
    } else if (!visit_expr(annotation)) {
      return false;
    }
    count += 2;
    return true;
  };
  auto list = [&](ast::List<ast::Arg> as) {
    for (const ast::Arg* a : as)
      if (!one(a->arg, a->annotation)) return false;
    return true;
  };
  // CPython's order: args before posonlyargs.
  if (!list(args->args) || !list(args->posonlyargs)) return -1;
  if (args->vararg && !one(args->vararg->arg, args->vararg->annotation)) return -1;
  if (!list(args->kwonlyargs)) return -1;
  if (args->kwarg && !one(args->kwarg->arg, args->kwarg->annotation)) return -1;
  if (!one("return", returns)) return -1;
  if (count == 0) return 0;
  return addop_i(Opcode::BUILD_TUPLE, count) ? 1 : -1;
}

bool Codegen::decorators(ast::List<ast::Expr> decos) { return visit_exprs(decos); }

// Decorators were evaluated top to bottom before the function; they are applied innermost first, each call located at
// its decorator's line so a traceback from a decorator points there.
bool Codegen::apply_decorators(ast::List<ast::Expr> decos) {
  SourcePosition saved = u().loc;
  for (size_t i = decos.size(); i-- > 0;) {
    set_loc(decos[i]->loc);
    if (!addop_i(Opcode::PRECALL, 0) || !addop_i(Opcode::CALL, 0)) return false;
  }
  u().loc = saved;
  return true;
}

bool Codegen::function_def(const ast::FunctionDef* s) {
  const ast::Arguments* args = s->args;
  if (!check_debug_args(args) || !decorators(s->decorator_list)) return false;
  // co_firstlineno is the first decorator's line when there are decorators (inspect.getsource relies on it).
  int firstlineno = s->decorator_list.empty() ? s->loc.lineno : s->decorator_list[0]->loc.lineno;
  int flags = default_arguments(args);
  if (flags < 0) return false;
  int annotations = visit_annotations(args, s->returns);
  if (annotations < 0) return false;
  if (annotations > 0) flags |= 0x04;

  UnitKind kind = s->kind == ast::StmtKind::AsyncFunctionDef ? UnitKind::AsyncFunction : UnitKind::Function;
  if (!enter_scope(s->name, kind, s, firstlineno)) return false;
  const ast::Constant* doc = optimize_ < 2 ? docstring_of(s->body) : nullptr;
  // co_consts[0] is the docstring or None: function objects read __doc__ from there, so it must be added before
  // anything else in the body.
  add_const(doc ? doc->value->shared_from_this() : Const::none());
  u().cu.argcount = static_cast<int>(args->args.size());
  u().cu.posonlyargcount = static_cast<int>(args->posonlyargs.size());
  u().cu.kwonlyargcount = static_cast<int>(args->kwonlyargs.size());
  for (size_t i = doc ? 1 : 0; i < s->body.size(); ++i)
    if (!visit_stmt(s->body[i])) return false;
  std::shared_ptr<CodeObject> code = finish_unit(true);
  std::unique_ptr<Unit> child = std::move(units_.back());
  units_.pop_back();
  if (!code) return false;

  return make_closure(code, child->cu, flags) && apply_decorators(s->decorator_list) &&
         nameop(s->name, ast::ExprContext::Store);
}

bool Codegen::lambda(const ast::Lambda* e) {
  const ast::Arguments* args = e->args;
  if (!check_debug_args(args)) return false;
  int flags = default_arguments(args);
  if (flags < 0) return false;
  if (!enter_scope("<lambda>", UnitKind::Lambda, e, e->loc.lineno)) return false;
  // None first, so a lambda never has a docstring.
  add_const(Const::none());
  u().cu.argcount = static_cast<int>(args->args.size());
  u().cu.posonlyargcount = static_cast<int>(args->posonlyargs.size());
  u().cu.kwonlyargcount = static_cast<int>(args->kwonlyargs.size());
  if (!visit_expr(e->body)) return false;
  bool generator = u().ste->generator;
  if (!generator && !addop(Opcode::RETURN_VALUE)) return false;
  std::shared_ptr<CodeObject> code = finish_unit(!generator);
  std::unique_ptr<Unit> child = std::move(units_.back());
  units_.pop_back();
  if (!code) return false;
  return make_closure(code, child->cu, flags);
}

bool Codegen::class_def(const ast::ClassDef* s) {
  if (!decorators(s->decorator_list)) return false;
  int firstlineno = s->decorator_list.empty() ? s->loc.lineno : s->decorator_list[0]->loc.lineno;

  if (!enter_scope(s->name, UnitKind::Class, s, firstlineno)) return false;
  // Names in the class body and in methods are mangled with this class's name from here on.
  u().private_name = std::string(s->name);
  // The class body starts with `__module__ = __name__` and `__qualname__ = '...'`, read from the namespace by
  // type.__new__.
  if (!nameop("__name__", ast::ExprContext::Load) || !nameop("__module__", ast::ExprContext::Store)) return false;
  if (!load_const(str_const(u().cu.qualname)) || !nameop("__qualname__", ast::ExprContext::Store)) return false;
  if (!body(s->body)) return false;
  unset_loc();
  if (u().ste->needs_class_closure) {
    // The class body returns its __class__ cell so type.__new__ can fill it in.
    // enter_scope put the implicit __class__ cell first.
    if (!addop_i(Opcode::LOAD_CLOSURE, 0) || !addop_i(Opcode::COPY, 1) ||
        !nameop("__classcell__", ast::ExprContext::Store))
      return false;
  } else if (!load_none()) {
    return false;
  }
  if (!addop(Opcode::RETURN_VALUE)) return false;
  std::shared_ptr<CodeObject> code = finish_unit(true);
  std::unique_ptr<Unit> child = std::move(units_.back());
  units_.pop_back();
  if (!code) return false;

  // `class C(B, metaclass=M)` is a call: __build_class__(<body function>, 'C', B, metaclass=M), which runs the body
  // with the class namespace as its locals.
  if (!addop(Opcode::PUSH_NULL) || !addop(Opcode::LOAD_BUILD_CLASS)) return false;
  if (!make_closure(code, child->cu, 0)) return false;
  if (!load_const(str_const(s->name))) return false;
  if (!call_helper(2, s->bases, s->keywords)) return false;
  return apply_decorators(s->decorator_list) && nameop(s->name, ast::ExprContext::Store);
}

// One `for` clause of a comprehension and, recursively, the clauses nested in it; `depth` counts the iterators left on
// the stack so LIST_APPEND/SET_ADD/MAP_ADD can reach the collection below them.
bool Codegen::comprehension_generator(ast::List<ast::Comprehension> gens, size_t index, int depth,
                                      const ast::Expr* elt, const ast::Expr* val, int type) {
  const ast::Comprehension* gen = gens[index];
  if (gen->is_async) return async_comprehension_generator(gens, index, depth, elt, val, type);
  BasicBlock* start = new_block();
  BasicBlock* if_cleanup = new_block();
  BasicBlock* anchor = new_block();
  if (index == 0) {
    // The outermost iterator arrives as the implicit argument .0.
    u().cu.argcount = 1;
    if (!addop_i(Opcode::LOAD_FAST, 0)) return false;
  } else {
    // `for y in [expr]` binds y once without building an iterator.
    ast::List<ast::Expr> elts;
    if (auto* l = gen->iter->as<ast::ListExpr>()) elts = l->elts;
    if (auto* t = gen->iter->as<ast::Tuple>()) elts = t->elts;
    if (elts.size() == 1 && elts[0]->kind != ast::ExprKind::Starred) {
      if (!visit_expr(elts[0])) return false;
      start = nullptr;
    }
    if (start && (!visit_expr(gen->iter) || !addop(Opcode::GET_ITER))) return false;
  }
  if (start) {
    depth++;
    use_next_block(start);
    if (!addop_j(Opcode::FOR_ITER, anchor)) return false;
  }
  if (!visit_expr(gen->target)) return false;
  for (const ast::Expr* cond : gen->ifs)
    if (!jump_if(cond, if_cleanup, false)) return false;
  if (++index < gens.size() && !comprehension_generator(gens, index, depth, elt, val, type)) return false;
  if (index >= gens.size() && !comprehension_element(elt, val, type, depth)) return false;
  use_next_block(if_cleanup);
  if (start) {
    if (!addop_j(Opcode::JUMP, start)) return false;
    use_next_block(anchor);
  }
  return true;
}

// What the innermost loop of a comprehension does with each element.
bool Codegen::comprehension_element(const ast::Expr* elt, const ast::Expr* val, int type, int depth) {
  switch (type) {
    case kCompGenexp: return visit_expr(elt) && addop_yield() && addop(Opcode::POP_TOP);
    case kCompListcomp: return visit_expr(elt) && addop_i(Opcode::LIST_APPEND, depth + 1);
    case kCompSetcomp: return visit_expr(elt) && addop_i(Opcode::SET_ADD, depth + 1);
    default: return visit_expr(elt) && visit_expr(val) && addop_i(Opcode::MAP_ADD, depth + 1);
  }
}

// `async for` in a comprehension (compile.c's compiler_async_comprehension_generator): each step awaits
// __anext__() under a handler whose END_ASYNC_FOR ends the loop at StopAsyncIteration.
bool Codegen::async_comprehension_generator(ast::List<ast::Comprehension> gens, size_t index, int depth,
                                            const ast::Expr* elt, const ast::Expr* val, int type) {
  const ast::Comprehension* gen = gens[index];
  BasicBlock* start = new_block();
  BasicBlock* except = new_block();
  BasicBlock* if_cleanup = new_block();
  if (index == 0) {
    u().cu.argcount = 1;
    if (!addop_i(Opcode::LOAD_FAST, 0)) return false;
  } else if (!visit_expr(gen->iter) || !addop(Opcode::GET_AITER)) {
    return false;
  }
  use_next_block(start);
  if (!push_fblock(FBlock{FBlockKind::AsyncComprehensionGenerator, start})) return false;
  if (!addop_j(Opcode::SETUP_FINALLY, except) || !addop(Opcode::GET_ANEXT) || !await_value() ||
      !addop(Opcode::POP_BLOCK) || !visit_expr(gen->target))
    return false;
  for (const ast::Expr* cond : gen->ifs)
    if (!jump_if(cond, if_cleanup, false)) return false;
  depth++;
  if (++index < gens.size() && !comprehension_generator(gens, index, depth, elt, val, type)) return false;
  if (index >= gens.size() && !comprehension_element(elt, val, type, depth)) return false;
  use_next_block(if_cleanup);
  if (!addop_j(Opcode::JUMP, start)) return false;
  pop_fblock();
  use_next_block(except);
  return addop(Opcode::END_ASYNC_FOR);
}

// A comprehension is a nested function called at once with the outermost iterator as its argument: that iterable is
// evaluated in the enclosing scope (so a class body's names are visible to it) and everything else inside the new
// scope.
bool Codegen::comprehension(const ast::Expr* e, int type, std::string_view name,
                            ast::List<ast::Comprehension> gens, const ast::Expr* elt, const ast::Expr* val) {
  const ast::Comprehension* outermost = gens[0];
  UnitKind outer_kind = u().kind;
  if (!enter_scope(name, UnitKind::Comprehension, e, e->loc.lineno)) return false;
  set_loc(e->loc);
  bool is_async_generator = u().ste->coroutine;
  // The message is compile.c's; an async genexp is allowed anywhere because it only creates an async generator.
  if (is_async_generator && type != kCompGenexp && outer_kind != UnitKind::AsyncFunction &&
      outer_kind != UnitKind::Comprehension)
    return error("asynchronous comprehension outside of an asynchronous function");
  if (type != kCompGenexp) {
    Opcode op = type == kCompListcomp ? Opcode::BUILD_LIST : type == kCompSetcomp ? Opcode::BUILD_SET : Opcode::BUILD_MAP;
    if (!addop_i(op, 0)) return false;
  }
  if (!comprehension_generator(gens, 0, 0, elt, val, type)) return false;
  if (type != kCompGenexp && !addop(Opcode::RETURN_VALUE)) return false;
  std::shared_ptr<CodeObject> code = finish_unit(true);
  std::unique_ptr<Unit> child = std::move(units_.back());
  units_.pop_back();
  if (!code) return false;
  if (!make_closure(code, child->cu, 0)) return false;
  if (!visit_expr(outermost->iter)) return false;
  if (!addop(outermost->is_async ? Opcode::GET_AITER : Opcode::GET_ITER) || !addop_i(Opcode::PRECALL, 0) ||
      !addop_i(Opcode::CALL, 0))
    return false;
  // A list/set/dict comprehension that awaits is a coroutine: await its result.
  return !is_async_generator || type == kCompGenexp || (addop_i(Opcode::GET_AWAITABLE, 0) && await_value());
}

}  // namespace minipy
