// try/except* (compile.c's compiler_try_star_except, 3.11). The handled exception group stays on the stack
// with a list collecting what the handlers raise; each handler's CHECK_EG_MATCH splits off the part it matches
// (None when nothing matches) and leaves the rest for the next one; PREP_RERAISE_STAR finally combines the
// unhandled rest with what the handlers raised into the exception to re-raise, or None.
#include "compiler/codegen_internal.h"

namespace minipy {

using Ctx = ast::ExprContext;

bool Codegen::try_star_stmt(const ast::Try* s) { return s->finalbody.empty() ? try_star_except(s) : try_finally(s); }

bool Codegen::try_star_except(const ast::Try* s) {
  BasicBlock* body_block = new_block();
  BasicBlock* except = new_block();
  BasicBlock* orelse = new_block();
  BasicBlock* end = new_block();
  BasicBlock* cleanup = new_block();
  BasicBlock* reraise_star = new_block();
  if (!addop_j(Opcode::SETUP_FINALLY, except)) return false;
  use_next_block(body_block);
  if (!push_fblock(FBlock{FBlockKind::TryExcept, body_block})) return false;
  if (!visit_stmts(s->body)) return false;
  pop_fblock();
  if (!addop_noline(Opcode::POP_BLOCK) || !addop_j_noline(Opcode::JUMP, orelse)) return false;
  size_t n = s->handlers.size();
  use_next_block(except);
  unset_loc();
  if (!addop_j(Opcode::SETUP_CLEANUP, cleanup) || !addop(Opcode::PUSH_EXC_INFO)) return false;
  if (!push_fblock(FBlock{FBlockKind::ExceptionGroupHandler})) return false;
  for (size_t i = 0; i < n; ++i) {
    const ast::ExceptHandler* handler = s->handlers[i];
    set_loc(handler->loc);
    except = new_block();
    BasicBlock* except_with_error = new_block();
    BasicBlock* handle_match = new_block();
    if (i == 0) {
      // [exc] -> [orig, [], exc]: the original group and the list of raised/re-raised exceptions.
      if (!addop_i(Opcode::COPY, 1) || !addop_i(Opcode::BUILD_LIST, 0) || !addop_i(Opcode::SWAP, 2)) return false;
    }
    if (handler->type) {
      // 3.11.2's shape (the oracle's): a match jumps over the no-match exit, which drops the None and goes on
      // to the next handler. (3.11.4 and later invert the test; their bytecode differs here.)
      if (!visit_expr(handler->type) || !addop(Opcode::CHECK_EG_MATCH) || !addop_i(Opcode::COPY, 1) ||
          !addop_j(Opcode::POP_JUMP_IF_NOT_NONE, handle_match) || !addop(Opcode::POP_TOP) ||
          !addop_j(Opcode::JUMP, except))
        return false;
    }
    use_next_block(handle_match);
    BasicBlock* cleanup_end = new_block();
    BasicBlock* cleanup_body = new_block();
    if (!handler->name.empty()) {
      if (!nameop(handler->name, Ctx::Store)) return false;
    } else if (!addop(Opcode::POP_TOP)) {
      return false;
    }
    // The body runs inside an implicit try/finally that clears the name and records what it raises.
    if (!addop_j(Opcode::SETUP_CLEANUP, cleanup_end)) return false;
    use_next_block(cleanup_body);
    FBlock fb{FBlockKind::HandlerCleanup, cleanup_body};
    fb.handler_name = handler->name;
    fb.has_handler_name = !handler->name.empty();
    if (!push_fblock(fb)) return false;
    if (!visit_stmts(handler->body)) return false;
    pop_fblock();
    unset_loc();
    if (!addop(Opcode::POP_BLOCK)) return false;
    if (!handler->name.empty() &&
        (!load_none() || !nameop(handler->name, Ctx::Store) || !nameop(handler->name, Ctx::Del)))
      return false;
    if (!addop_j(Opcode::JUMP, except)) return false;
    use_next_block(cleanup_end);
    unset_loc();
    if (!handler->name.empty() &&
        (!load_none() || !nameop(handler->name, Ctx::Store) || !nameop(handler->name, Ctx::Del)))
      return false;
    // What the handler raised joins the list; its lasti is dropped.
    if (!addop_i(Opcode::LIST_APPEND, 3) || !addop(Opcode::POP_TOP) || !addop_j(Opcode::JUMP, except))
      return false;
    use_next_block(except);
    if (!addop(Opcode::NOP) || !addop_j(Opcode::JUMP, except_with_error)) return false;
    use_next_block(except_with_error);
    if (i == n - 1) {
      // The unhandled rest of the group (or None) joins the list too.
      if (!addop_i(Opcode::LIST_APPEND, 1) || !addop_j(Opcode::JUMP, reraise_star)) return false;
    }
  }
  pop_fblock();
  BasicBlock* reraise = new_block();
  use_next_block(reraise_star);
  if (!addop(Opcode::PREP_RERAISE_STAR) || !addop_i(Opcode::COPY, 1) || !addop_j(Opcode::POP_JUMP_IF_NOT_NONE, reraise))
    return false;
  // Nothing to re-raise.
  if (!addop(Opcode::POP_TOP) || !addop(Opcode::POP_BLOCK) || !addop(Opcode::POP_EXCEPT) || !addop_j(Opcode::JUMP, end))
    return false;
  use_next_block(reraise);
  if (!addop(Opcode::POP_BLOCK) || !addop_i(Opcode::SWAP, 2) || !addop(Opcode::POP_EXCEPT) ||
      !addop_i(Opcode::RERAISE, 0))
    return false;
  use_next_block(cleanup);
  if (!pop_except_and_reraise()) return false;
  use_next_block(orelse);
  if (!visit_stmts(s->orelse)) return false;
  use_next_block(end);
  return true;
}

}  // namespace minipy
