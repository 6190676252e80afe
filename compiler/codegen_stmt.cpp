// Statements: control flow, exception handling, with, imports and assignments, following compile.c's
// compiler_visit_stmt and the compiler_<statement> functions it calls.
#include <fmt/format.h>

#include "compiler/codegen_internal.h"

namespace minipy {

using Ctx = ast::ExprContext;

bool Codegen::visit_stmt(const ast::Stmt* s) {
  using K = ast::StmtKind;
  // Every statement starts a new line-number region.
  set_loc(s->loc);
  switch (s->kind) {
    case K::FunctionDef:
    case K::AsyncFunctionDef: return function_def(static_cast<const ast::FunctionDef*>(s));
    case K::ClassDef: return class_def(static_cast<const ast::ClassDef*>(s));
    case K::Return: return return_stmt(static_cast<const ast::Return*>(s));
    case K::Delete: return visit_exprs(static_cast<const ast::Delete*>(s)->targets);
    case K::Assign: {
      auto* a = static_cast<const ast::Assign*>(s);
      // `a = b = value`: the value is computed once and copied for every target but the last, left to right.
      if (!visit_expr(a->value)) return false;
      for (size_t i = 0; i < a->targets.size(); ++i) {
        if (i + 1 < a->targets.size() && !addop_i(Opcode::COPY, 1)) return false;
        if (!visit_expr(a->targets[i])) return false;
      }
      return true;
    }
    case K::AugAssign: return aug_assign(static_cast<const ast::AugAssign*>(s));
    case K::AnnAssign: return ann_assign(static_cast<const ast::AnnAssign*>(s));
    case K::For: return for_stmt(static_cast<const ast::For*>(s));
    case K::While: return while_stmt(static_cast<const ast::While*>(s));
    case K::If: return if_stmt(static_cast<const ast::If*>(s));
    case K::Raise: {
      auto* r = static_cast<const ast::Raise*>(s);
      int n = 0;
      if (r->exc) {
        if (!visit_expr(r->exc)) return false;
        n++;
        if (r->cause) {
          if (!visit_expr(r->cause)) return false;
          n++;
        }
      }
      return addop_i(Opcode::RAISE_VARARGS, n);
    }
    case K::Try: return try_stmt(static_cast<const ast::Try*>(s));
    case K::Assert: return assert_stmt(static_cast<const ast::Assert*>(s));
    case K::Import: return import_stmt(static_cast<const ast::Import*>(s));
    case K::ImportFrom: return from_import(static_cast<const ast::ImportFrom*>(s));
    case K::Global:
    case K::Nonlocal: return true;  // declarations only: the symbol table already used them
    case K::Expr: return stmt_expr(static_cast<const ast::ExprStmt*>(s)->value);
    case K::Pass: return addop(Opcode::NOP);
    case K::Break: return break_stmt();
    case K::Continue: return continue_stmt();
    case K::With: return with_stmt(static_cast<const ast::With*>(s), 0, false);
    case K::AsyncFor: return async_for_stmt(static_cast<const ast::For*>(s));
    case K::AsyncWith: return with_stmt(static_cast<const ast::With*>(s), 0, true);
    case K::Match: return match_stmt(static_cast<const ast::Match*>(s));
    case K::TryStar: return try_star_stmt(static_cast<const ast::Try*>(s));
  }
  return true;
}

bool Codegen::stmt_expr(const ast::Expr* value) {
  // At the interactive prompt a top-level expression's value goes to sys.displayhook; inside a function typed at the
  // prompt it is an ordinary expression statement.
  if (interactive_ && units_.size() <= 1) return visit_expr(value) && addop(Opcode::PRINT_EXPR);
  // A constant expression statement does nothing but keeps its line.
  if (value->kind == ast::ExprKind::Constant) return addop(Opcode::NOP);
  if (!visit_expr(value)) return false;
  unset_loc();
  return addop(Opcode::POP_TOP);
}

bool Codegen::if_stmt(const ast::If* s) {
  BasicBlock* end = new_block();
  BasicBlock* next = s->orelse.empty() ? end : new_block();
  if (!jump_if(s->test, next, false) || !visit_stmts(s->body)) return false;
  if (!s->orelse.empty()) {
    if (!addop_j_noline(Opcode::JUMP, end)) return false;
    use_next_block(next);
    if (!visit_stmts(s->orelse)) return false;
  }
  use_next_block(end);
  return true;
}

// FOR_ITER jumps to `cleanup` when the iterator is exhausted (it pops the iterator itself in 3.11); the ForLoop frame
// block tells break/return to pop the iterator on their way out.
bool Codegen::for_stmt(const ast::For* s) {
  BasicBlock* start = new_block();
  BasicBlock* body_block = new_block();
  BasicBlock* cleanup = new_block();
  BasicBlock* end = new_block();
  if (!push_fblock(FBlock{FBlockKind::ForLoop, start, end})) return false;
  if (!visit_expr(s->iter) || !addop(Opcode::GET_ITER)) return false;
  use_next_block(start);
  if (!addop_j(Opcode::FOR_ITER, cleanup)) return false;
  use_next_block(body_block);
  if (!visit_expr(s->target) || !visit_stmts(s->body)) return false;
  // The jump back is artificial: it belongs to no line.
  unset_loc();
  if (!addop_j(Opcode::JUMP, start)) return false;
  use_next_block(cleanup);
  pop_fblock();
  if (!visit_stmts(s->orelse)) return false;
  use_next_block(end);
  return true;
}

// The test is compiled twice, at the top (entering) and at the bottom (looping), so each iteration takes one
// conditional jump instead of a test plus a jump back; `continue` jumps to the top copy.
bool Codegen::while_stmt(const ast::While* s) {
  BasicBlock* loop = new_block();
  BasicBlock* body_block = new_block();
  BasicBlock* anchor = new_block();
  BasicBlock* end = new_block();
  use_next_block(loop);
  if (!push_fblock(FBlock{FBlockKind::WhileLoop, loop, end})) return false;
  if (!jump_if(s->test, anchor, false)) return false;
  use_next_block(body_block);
  if (!visit_stmts(s->body)) return false;
  // 3.11 repeats the test at the bottom of the loop.
  set_loc(s->loc);
  if (!jump_if(s->test, body_block, true)) return false;
  pop_fblock();
  use_next_block(anchor);
  if (!visit_stmts(s->orelse)) return false;
  use_next_block(end);
  return true;
}

// A returned constant is loaded only after the enclosing finally blocks and with-exits have run (nothing to keep
// on the stack meanwhile); any other value is computed first and kept on top of the stack through the unwinding.
// The NOPs give the `return` line (and the value's line, when it differs) an instruction of its own, so a tracer
// sees the line events CPython's does.
bool Codegen::return_stmt(const ast::Return* s) {
  bool preserve_tos = s->value && s->value->kind != ast::ExprKind::Constant;
  if (u().ste->kind != BlockKind::Function) return error("'return' outside function");
  if (s->value && u().ste->coroutine && u().ste->generator) return error("'return' with value in async generator");
  if (preserve_tos) {
    if (!visit_expr(s->value)) return false;
  } else if (s->value) {
    set_loc(s->value->loc);
    if (!addop(Opcode::NOP)) return false;
  }
  if (!s->value || s->value->loc.lineno != s->loc.lineno) {
    set_loc(s->loc);
    if (!addop(Opcode::NOP)) return false;
  }
  if (!unwind_fblock_stack(preserve_tos, nullptr)) return false;
  if (!s->value) {
    if (!load_none()) return false;
  } else if (!preserve_tos) {
    if (!load_const(static_cast<const ast::Constant*>(s->value)->value->shared_from_this())) return false;
  }
  return addop(Opcode::RETURN_VALUE);
}

// break/continue leave every with, try/finally and handler between here and the loop: unwind_fblock_stack emits
// their exits (calling __exit__, running finally bodies) before the jump. The NOP keeps the statement's line.
bool Codegen::break_stmt() {
  SourcePosition saved = u().loc;
  if (!addop(Opcode::NOP)) return false;
  std::optional<FBlock> loop;
  if (!unwind_fblock_stack(false, &loop)) return false;
  if (!loop) {
    u().loc = saved;
    return error("'break' outside loop");
  }
  return unwind_fblock(*loop, false) && addop_j(Opcode::JUMP, loop->exit);
}

bool Codegen::continue_stmt() {
  SourcePosition saved = u().loc;
  if (!addop(Opcode::NOP)) return false;
  std::optional<FBlock> loop;
  if (!unwind_fblock_stack(false, &loop)) return false;
  if (!loop) {
    u().loc = saved;
    return error("'continue' not properly in loop");
  }
  return addop_j(Opcode::JUMP, loop->block);
}

// ---- try ------------------------------------------------------------------------------------------------------

bool Codegen::try_stmt(const ast::Try* s) { return s->finalbody.empty() ? try_except(s) : try_finally(s); }

// try/finally compiles the finally body twice, as CPython 3.11 does: once inline for the normal path and once in
// the handler that runs it for an exception and re-raises. Jumps out of the body (return, break) run a third,
// inline copy through the FinallyTry frame block.
bool Codegen::try_finally(const ast::Try* s) {
  BasicBlock* body_block = new_block();
  BasicBlock* end = new_block();
  BasicBlock* exit = new_block();
  BasicBlock* cleanup = new_block();
  if (!addop_j(Opcode::SETUP_FINALLY, end)) return false;
  use_next_block(body_block);
  FBlock fb{FBlockKind::FinallyTry, body_block, end};
  fb.finalbody = s->finalbody;
  if (!push_fblock(fb)) return false;
  if (!s->handlers.empty()) {
    if (!(s->kind == ast::StmtKind::TryStar ? try_star_except(s) : try_except(s))) return false;
  } else if (!visit_stmts(s->body)) {
    return false;
  }
  if (!addop_noline(Opcode::POP_BLOCK)) return false;
  pop_fblock();
  if (!visit_stmts(s->finalbody) || !addop_j_noline(Opcode::JUMP, exit)) return false;
  // The exceptional path runs the finally body again, then re-raises.
  use_next_block(end);
  unset_loc();
  if (!addop_j(Opcode::SETUP_CLEANUP, cleanup) || !addop(Opcode::PUSH_EXC_INFO)) return false;
  if (!push_fblock(FBlock{FBlockKind::FinallyEnd, end})) return false;
  if (!visit_stmts(s->finalbody)) return false;
  pop_fblock();
  if (!addop_i(Opcode::RERAISE, 0)) return false;
  use_next_block(cleanup);
  if (!pop_except_and_reraise()) return false;
  use_next_block(exit);
  return true;
}

// The handlers are tested in order by CHECK_EXC_MATCH in one exception-table region; the `cleanup` block restores
// the previous exception state (POP_EXCEPT) when a handler itself raises.
// The layout is compiler_try_except's: SETUP_FINALLY covers the body (a pseudo-instruction the assembler turns into an
// exception-table entry); on an exception the VM jumps to `except` with the exception pushed; PUSH_EXC_INFO saves the
// previous sys.exc_info() below it; SETUP_CLEANUP covers the handlers themselves.
bool Codegen::try_except(const ast::Try* s) {
  BasicBlock* body_block = new_block();
  BasicBlock* except = new_block();
  BasicBlock* end = new_block();
  BasicBlock* cleanup = new_block();
  if (!addop_j(Opcode::SETUP_FINALLY, except)) return false;
  use_next_block(body_block);
  if (!push_fblock(FBlock{FBlockKind::TryExcept, body_block})) return false;
  if (!visit_stmts(s->body)) return false;
  pop_fblock();
  if (!addop_noline(Opcode::POP_BLOCK)) return false;
  if (!visit_stmts(s->orelse)) return false;
  if (!addop_j_noline(Opcode::JUMP, end)) return false;
  size_t n = s->handlers.size();
  use_next_block(except);
  unset_loc();
  if (!addop_j(Opcode::SETUP_CLEANUP, cleanup) || !addop(Opcode::PUSH_EXC_INFO)) return false;
  // The runtime keeps the handled exception on the stack while a handler runs.
  if (!push_fblock(FBlock{FBlockKind::ExceptionHandler})) return false;
  for (size_t i = 0; i < n; ++i) {
    const ast::ExceptHandler* handler = s->handlers[i];
    set_loc(handler->loc);
    // compile.c's message, located at the bare `except:`.
    if (!handler->type && i + 1 < n) return error("default 'except:' must be last");
    except = new_block();
    if (handler->type) {
      if (!visit_expr(handler->type) || !addop(Opcode::CHECK_EXC_MATCH) ||
          !addop_j(Opcode::POP_JUMP_IF_FALSE, except))
        return false;
    }
    if (!handler->name.empty()) {
      BasicBlock* cleanup_end = new_block();
      BasicBlock* cleanup_body = new_block();
      if (!nameop(handler->name, Ctx::Store)) return false;
      // The body runs inside an implicit try/finally that clears the name again.
      if (!addop_j(Opcode::SETUP_CLEANUP, cleanup_end)) return false;
      use_next_block(cleanup_body);
      FBlock fb{FBlockKind::HandlerCleanup, cleanup_body};
      fb.handler_name = handler->name;
      fb.has_handler_name = true;
      if (!push_fblock(fb)) return false;
      if (!visit_stmts(handler->body)) return false;
      pop_fblock();
      unset_loc();
      // Two POP_BLOCKs: one for the name-clearing SETUP_CLEANUP, one for the handler region's.
      if (!addop(Opcode::POP_BLOCK) || !addop(Opcode::POP_BLOCK) || !addop(Opcode::POP_EXCEPT)) return false;
      if (!load_none() || !nameop(handler->name, Ctx::Store) || !nameop(handler->name, Ctx::Del)) return false;
      if (!addop_j(Opcode::JUMP, end)) return false;
      use_next_block(cleanup_end);
      unset_loc();
      if (!load_none() || !nameop(handler->name, Ctx::Store) || !nameop(handler->name, Ctx::Del)) return false;
      if (!addop_i(Opcode::RERAISE, 1)) return false;
    } else {
      BasicBlock* cleanup_body = new_block();
      if (!addop(Opcode::POP_TOP)) return false;
      use_next_block(cleanup_body);
      if (!push_fblock(FBlock{FBlockKind::HandlerCleanup, cleanup_body})) return false;
      if (!visit_stmts(handler->body)) return false;
      pop_fblock();
      unset_loc();
      if (!addop(Opcode::POP_BLOCK) || !addop(Opcode::POP_EXCEPT) || !addop_j(Opcode::JUMP, end)) return false;
    }
    use_next_block(except);
  }
  unset_loc();
  pop_fblock();
  if (!addop_i(Opcode::RERAISE, 0)) return false;
  use_next_block(cleanup);
  if (!pop_except_and_reraise()) return false;
  use_next_block(end);
  return true;
}

// ---- with -----------------------------------------------------------------------------------------------------

// After WITH_EXCEPT_START has called __exit__(type, value, tb): a true result swallows the exception (pop it and
// continue after the with), a false one re-raises it with RERAISE 2, which restores f_lasti from the stack so the
// traceback points into the body, not at the with.
bool Codegen::with_except_finish(BasicBlock* cleanup) {
  unset_loc();
  BasicBlock* exit = new_block();
  if (!addop_j(Opcode::POP_JUMP_IF_TRUE, exit) || !addop_i(Opcode::RERAISE, 2)) return false;
  use_next_block(cleanup);
  if (!pop_except_and_reraise()) return false;
  use_next_block(exit);
  return addop(Opcode::POP_TOP) && addop(Opcode::POP_BLOCK) && addop(Opcode::POP_EXCEPT) &&
         addop(Opcode::POP_TOP) && addop(Opcode::POP_TOP);
}

// `with` and `async with` (compile.c's compiler_with / compiler_async_with) are one shape: the async form awaits
// __aenter__ and __aexit__ after each call. Nested items compile as nested withs, one item per level.
bool Codegen::with_stmt(const ast::With* s, size_t pos, bool is_async) {
  if (is_async && u().kind != UnitKind::AsyncFunction) return error("'async with' outside async function");
  const ast::WithItem* item = s->items[pos];
  BasicBlock* block = new_block();
  BasicBlock* final_block = new_block();
  BasicBlock* exit = new_block();
  BasicBlock* cleanup = new_block();
  if (!visit_expr(item->context_expr)) return false;
  if (is_async) {
    if (!addop(Opcode::BEFORE_ASYNC_WITH) || !addop_i(Opcode::GET_AWAITABLE, 1) || !await_value()) return false;
  } else if (!addop(Opcode::BEFORE_WITH)) {
    return false;
  }
  // BEFORE_WITH left the bound __exit__ and the __enter__ result on the stack; SETUP_WITH's handler region keeps
  // __exit__ below whatever the body pushes.
  if (!addop_j(Opcode::SETUP_WITH, final_block)) return false;
  use_next_block(block);
  FBlock fb{is_async ? FBlockKind::AsyncWith : FBlockKind::With, block, final_block};
  fb.with_stmt = s;
  if (!push_fblock(fb)) return false;
  if (item->optional_vars) {
    if (!visit_expr(item->optional_vars)) return false;
  } else if (!addop(Opcode::POP_TOP)) {
    return false;
  }
  if (++pos == s->items.size()) {
    if (!visit_stmts(s->body)) return false;
  } else if (!with_stmt(s, pos, is_async)) {
    return false;
  }
  // 3.11 marks the sync POP_BLOCK artificial (no line) but leaves the async one on the body's last line; the
  // line table must match CPython's, so the difference stays.
  if (!is_async) unset_loc();
  if (!addop(Opcode::POP_BLOCK)) return false;
  pop_fblock();
  // Normal exit: __exit__(None, None, None), awaited for `async with`.
  set_loc(s->loc);
  if (!call_exit_with_nones()) return false;
  if (is_async && (!addop_i(Opcode::GET_AWAITABLE, 2) || !await_value())) return false;
  if (!addop(Opcode::POP_TOP) || !addop_j(Opcode::JUMP, exit)) return false;
  use_next_block(final_block);
  if (!addop_j(Opcode::SETUP_CLEANUP, cleanup) || !addop(Opcode::PUSH_EXC_INFO) ||
      !addop(Opcode::WITH_EXCEPT_START))
    return false;
  if (is_async && (!addop_i(Opcode::GET_AWAITABLE, 2) || !await_value())) return false;
  if (!with_except_finish(cleanup)) return false;
  use_next_block(exit);
  return true;
}

// ---- async for (compile.c's compiler_async_for) ---------------------------------------------------------------

// The message is compile.c's. An `async for` in a plain function is refused here rather than by the parser, because the
// grammar accepts it in any function (the check needs to know the enclosing unit).
bool Codegen::async_for_stmt(const ast::For* s) {
  if (u().kind != UnitKind::AsyncFunction) return error("'async for' outside async function");
  BasicBlock* start = new_block();
  BasicBlock* except = new_block();
  BasicBlock* end = new_block();
  if (!visit_expr(s->iter) || !addop(Opcode::GET_AITER)) return false;
  use_next_block(start);
  if (!push_fblock(FBlock{FBlockKind::ForLoop, start, end})) return false;
  // The handler around the awaited __anext__() turns StopAsyncIteration into the end of the loop.
  if (!addop_j(Opcode::SETUP_FINALLY, except) || !addop(Opcode::GET_ANEXT) || !await_value() ||
      !addop(Opcode::POP_BLOCK))
    return false;
  if (!visit_expr(s->target) || !visit_stmts(s->body)) return false;
  unset_loc();
  if (!addop_j(Opcode::JUMP, start)) return false;
  pop_fblock();
  use_next_block(except);
  // END_ASYNC_FOR belongs to the iterator's line: it follows the `for`, not the body.
  set_loc(s->iter->loc);
  if (!addop(Opcode::END_ASYNC_FOR)) return false;
  if (!visit_stmts(s->orelse)) return false;
  use_next_block(end);
  return true;
}


// ---- imports --------------------------------------------------------------------------------------------------

bool Codegen::import_as(std::string_view name, std::string_view asname) {
  size_t dot = name.find('.');
  if (dot == std::string_view::npos) return nameop(asname, Ctx::Store);
  // `import a.b.c as d` binds d to the innermost module: walk the attributes.
  while (true) {
    size_t pos = dot + 1;
    dot = name.find('.', pos);
    std::string_view attr = name.substr(pos, dot == std::string_view::npos ? std::string_view::npos : dot - pos);
    if (!addop_i(Opcode::IMPORT_FROM, add_name(attr))) return false;
    if (dot == std::string_view::npos) break;
    if (!addop_i(Opcode::SWAP, 2) || !addop(Opcode::POP_TOP)) return false;
  }
  return nameop(asname, Ctx::Store) && addop(Opcode::POP_TOP);
}

// `import a.b.c` runs __import__('a.b.c', fromlist=None, level=0), which returns the top package `a`, and binds `a`;
// with `as`, import_as walks down to the submodule instead.
bool Codegen::import_stmt(const ast::Import* s) {
  for (const ast::Alias* alias : s->names) {
    if (!load_const(Const::integer(0)) || !load_none()) return false;
    if (!addop_name(Opcode::IMPORT_NAME, alias->name)) return false;
    if (!alias->asname.empty()) {
      if (!import_as(alias->name, alias->asname)) return false;
    } else if (!nameop(alias->name.substr(0, alias->name.find('.')), Ctx::Store)) {
      return false;
    }
  }
  return true;
}

// `from m import x, y`: one IMPORT_NAME with the names as fromlist (so the import system loads submodules x and y if
// they are packages' children), then IMPORT_FROM per name, which falls back to sys.modules['m.x'].
bool Codegen::from_import(const ast::ImportFrom* s) {
  if (!load_const(Const::integer(s->level))) return false;
  // future_features already refused misplaced future imports at module level; this catches one inside a function or
  // class body, which the module-level scan never looks at.
  if (s->loc.lineno > future_.lineno && s->module == "__future__")
    return error("from __future__ imports must occur at the beginning of the file");
  std::vector<ConstRef> names;
  for (const ast::Alias* alias : s->names) names.push_back(Const::str(std::string(alias->name), all_name_chars(alias->name)));
  if (!load_const(Const::tuple(std::move(names)))) return false;
  if (!addop_name(Opcode::IMPORT_NAME, s->module)) return false;
  for (size_t i = 0; i < s->names.size(); ++i) {
    const ast::Alias* alias = s->names[i];
    // The parser allows `*` only alone, and IMPORT_STAR pops the module itself, so no POP_TOP follows.
    if (i == 0 && alias->name == "*") return addop(Opcode::IMPORT_STAR);
    if (!addop_name(Opcode::IMPORT_FROM, alias->name)) return false;
    if (!nameop(alias->asname.empty() ? alias->name : alias->asname, Ctx::Store)) return false;
  }
  return addop(Opcode::POP_TOP);
}

// ---- assert and assignments -----------------------------------------------------------------------------------

bool Codegen::assert_stmt(const ast::Assert* s) {
  // A parenthesised message makes the test a non-empty tuple, which is always true.
  auto* tuple = s->test->as<ast::Tuple>();
  auto* constant = s->test->as<ast::Constant>();
  if ((tuple && !tuple->elts.empty()) ||
      (constant && constant->value->is(Const::Kind::Tuple) && !constant->value->items().empty()))
    warn("assertion is always true, perhaps remove parentheses?");
  // Under -O asserts compile to nothing (the warning above is still given, as compile.c gives it first).
  if (optimize_) return true;
  BasicBlock* end = new_block();
  if (!jump_if(s->test, end, true) || !addop(Opcode::LOAD_ASSERTION_ERROR)) return false;
  if (s->msg && (!visit_expr(s->msg) || !addop_i(Opcode::PRECALL, 0) || !addop_i(Opcode::CALL, 0))) return false;
  // The installed 3.11 locates the raise at the whole statement (the test's location is not restored here).
  if (!addop_i(Opcode::RAISE_VARARGS, 1)) return false;
  use_next_block(end);
  return true;
}

// `x.a += v` evaluates x once: the object (and for a subscript the index) are copied on the stack so the load and the
// store use the same values; BINARY_OP with the in-place oparg calls __iadd__ and friends, falling back to __add__.
bool Codegen::aug_assign(const ast::AugAssign* s) {
  const ast::Expr* e = s->target;
  SourcePosition saved = u().loc;
  set_loc(e->loc);
  switch (e->kind) {
    case ast::ExprKind::Attribute: {
      auto* a = static_cast<const ast::Attribute*>(e);
      if (!visit_expr(a->value) || !addop_i(Opcode::COPY, 1)) return false;
      update_start_location_to_match_attr(a);
      if (!addop_name(Opcode::LOAD_ATTR, a->attr)) return false;
      break;
    }
    case ast::ExprKind::Subscript: {
      auto* sub = static_cast<const ast::Subscript*>(e);
      if (!visit_expr(sub->value) || !visit_expr(sub->slice) || !addop_i(Opcode::COPY, 2) ||
          !addop_i(Opcode::COPY, 2) || !addop(Opcode::BINARY_SUBSCR))
        return false;
      break;
    }
    case ast::ExprKind::Name:
      if (!nameop(static_cast<const ast::Name*>(e)->id, Ctx::Load)) return false;
      break;
    default: return error("invalid node type for augmented assignment");
  }
  u().loc = saved;
  if (!visit_expr(s->value)) return false;
  if (!addop_i(Opcode::BINARY_OP, static_cast<int>(binary_op_number(s->op)) + kInplaceOffset)) return false;
  set_loc(e->loc);
  switch (e->kind) {
    case ast::ExprKind::Attribute: {
      auto* a = static_cast<const ast::Attribute*>(e);
      update_start_location_to_match_attr(a);
      return addop_i(Opcode::SWAP, 2) && addop_name(Opcode::STORE_ATTR, a->attr);
    }
    case ast::ExprKind::Subscript:
      return addop_i(Opcode::SWAP, 3) && addop_i(Opcode::SWAP, 2) && addop(Opcode::STORE_SUBSCR);
    default: return nameop(static_cast<const ast::Name*>(e)->id, Ctx::Store);
  }
}

// An annotation target that is not stored (`x.a: int` without a value) still evaluates its object and index, for their
// side effects and errors, as compile.c's check_ann_expr.
bool Codegen::check_ann_expr(const ast::Expr* e) { return visit_expr(e) && addop(Opcode::POP_TOP); }

bool Codegen::check_ann_subscr(const ast::Expr* e) {
  if (auto* s = e->as<ast::Slice>()) {
    return (!s->lower || check_ann_expr(s->lower)) && (!s->upper || check_ann_expr(s->upper)) &&
           (!s->step || check_ann_expr(s->step));
  }
  if (auto* t = e->as<ast::Tuple>()) {
    for (const ast::Expr* elt : t->elts)
      if (!check_ann_subscr(elt)) return false;
    return true;
  }
  return check_ann_expr(e);
}

// Only a simple name in a module or class body records its annotation in __annotations__; inside a function the
// annotation is not even evaluated (PEP 526), and under PEP 563 it is stored as a string.
bool Codegen::ann_assign(const ast::AnnAssign* s) {
  const ast::Expr* target = s->target;
  if (s->value && (!visit_expr(s->value) || !visit_expr(target))) return false;
  bool module_or_class = u().kind == UnitKind::Module || u().kind == UnitKind::Class;
  switch (target->kind) {
    case ast::ExprKind::Name: {
      auto* name = static_cast<const ast::Name*>(target);
      if (forbidden_name(name->id, Ctx::Store)) return false;
      if (s->simple && module_or_class) {
        std::string mangled = mangle(u().private_name, name->id);
        if (!visit_annotation(s->annotation) || !addop_i(Opcode::LOAD_NAME, add_name("__annotations__")) ||
            !load_const(Const::str(mangled, all_name_chars(mangled))) || !addop(Opcode::STORE_SUBSCR))
          return false;
      }
      break;
    }
    case ast::ExprKind::Attribute: {
      auto* a = static_cast<const ast::Attribute*>(target);
      if (forbidden_name(a->attr, Ctx::Store)) return false;
      if (!s->value && !check_ann_expr(a->value)) return false;
      break;
    }
    case ast::ExprKind::Subscript: {
      auto* sub = static_cast<const ast::Subscript*>(target);
      if (!s->value && (!check_ann_expr(sub->value) || !check_ann_subscr(sub->slice))) return false;
      break;
    }
    default: return error("invalid node type for annotated assignment");
  }
  // Annotations of complex targets are evaluated (and dropped) only in modules and classes.
  if (!s->simple && module_or_class && !future_annotations() && !check_ann_expr(s->annotation)) return false;
  return true;
}

}  // namespace minipy
