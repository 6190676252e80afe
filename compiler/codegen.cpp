// Code generation infrastructure: compiler units, instruction emission, constants and names, name resolution
// through the symbol table, frame-block unwinding, and the module entry point.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "compiler/codegen_internal.h"

namespace minipy {

// ---- emission -------------------------------------------------------------------------------------------------

// CPython's codegen starts a new basic block after every jump and every instruction that leaves the frame, so
// the flow graph's passes (flowgraph.cpp) can assume a jump is always a block's last instruction. Conditional
// jumps end a block too: what follows is the fall-through successor, a block of its own. SEND is a jump (to the
// end of a `yield from` loop) in 3.11.
static bool ends_basic_block(Opcode op) {
  switch (op) {
    case Opcode::RETURN_VALUE:
    case Opcode::RAISE_VARARGS:
    case Opcode::RERAISE:
    case Opcode::JUMP:
    case Opcode::JUMP_NO_INTERRUPT:
    case Opcode::POP_JUMP_IF_FALSE:
    case Opcode::POP_JUMP_IF_TRUE:
    case Opcode::POP_JUMP_IF_NONE:
    case Opcode::POP_JUMP_IF_NOT_NONE:
    case Opcode::FOR_ITER:
    case Opcode::JUMP_IF_FALSE_OR_POP:
    case Opcode::JUMP_IF_TRUE_OR_POP:
    case Opcode::SEND:
      return true;
    default:
      return false;  // SETUP_* are not jumps for this purpose: the body falls through
  }
}

// Appends one instruction to the current block, opening a new block first when the previous instruction ended one.
// After the first error every emit is a no-op returning false, so the visitors can chain `a && b && c` and stop at the
// first failure without checking error_ themselves.
bool Codegen::emit(Opcode op, int oparg, BasicBlock* target, const SourcePosition& loc) {
  if (error_) return false;
  Unit& unit = u();
  if (unit.need_new_block) use_next_block(new_block());
  Instr instr;
  instr.op = op;
  instr.oparg = oparg;
  instr.target = target;
  instr.loc = loc;
  auto& instrs = unit.current->instrs;
  if (instrs.capacity() == 0) instrs.reserve(8);  // most blocks are short: skip the 1, 2, 4 growth steps
  instrs.push_back(instr);
  if (ends_basic_block(op)) unit.need_new_block = true;
  return true;
}

static bool same_code(const CodeObject& a, const CodeObject& b);

// Constants merge as CPython's co_consts dict merges them; code objects compare by value (code_richcompare), so a
// comprehension compiled twice (a while loop's repeated test) is stored once.
static bool same_const(const Const& a, const Const& b) {
  if (a.is(Const::Kind::Code) && b.is(Const::Kind::Code)) return same_code(*a.code_value(), *b.code_value());
  if (a.kind() != b.kind()) return false;
  if (a.is(Const::Kind::Tuple) || a.is(Const::Kind::FrozenSet)) {
    if (a.items().size() != b.items().size()) return false;
    for (size_t i = 0; i < a.items().size(); ++i)
      if (!same_const(*a.items()[i], *b.items()[i])) return false;
    return true;
  }
  return same_constant(a, b);
}

static bool same_code(const CodeObject& a, const CodeObject& b) {
  if (&a == &b) return true;
  if (a.name != b.name || a.argcount != b.argcount || a.posonlyargcount != b.posonlyargcount ||
      a.kwonlyargcount != b.kwonlyargcount || a.flags != b.flags || a.firstlineno != b.firstlineno ||
      a.code != b.code || a.names != b.names || a.localsplusnames != b.localsplusnames ||
      a.linetable != b.linetable || a.exceptiontable != b.exceptiontable || a.consts.size() != b.consts.size())
    return false;
  for (size_t i = 0; i < a.consts.size(); ++i)
    if (!same_const(*a.consts[i], *b.consts[i])) return false;
  return true;
}

// The index of `c` in the unit's co_consts, adding it when no equal constant is there yet. CPython's compiler keys
// constants by (type, value) (_PyCode_ConstantKey), so 1 and 1.0 and True stay apart and -0.0 differs from 0.0;
// same_constant applies those rules, and the hash table only narrows the candidates.
int Codegen::add_const(ConstRef c) {
  Unit& unit = u();
  // merge_consts_recursive rebuilds every frozenset from its own iteration order, which can reorder it again.
  if (c->is(Const::Kind::FrozenSet)) c = Const::frozenset(frozenset_order(c->items()));
  // Every NaN is its own constant: CPython's constant keys compare NaNs unequal.
  if (c->is(Const::Kind::Float) && std::isnan(c->float_value())) {
    unit.cu.consts.push_back(std::move(c));
    return static_cast<int>(unit.cu.consts.size()) - 1;
  }
  if (c->is(Const::Kind::Code)) {
    // Equal code objects (code_richcompare) have the same name, first line and bytecode: hash those, so a
    // module with thousands of functions doesn't compare each new one with all the others.
    const CodeObject& code = *c->code_value();
    size_t h = std::hash<std::string>()(code.code) ^ (std::hash<std::string>()(code.name) * 31) ^
               (static_cast<size_t>(code.firstlineno) * 0x9E3779B97F4A7C15ull);
    int found = unit.code_const_index.find(h, [&](int i) { return same_const(*unit.cu.consts[i], *c); });
    if (found >= 0) return found;
    int index = static_cast<int>(unit.cu.consts.size());
    unit.cu.consts.push_back(std::move(c));
    unit.code_const_index.insert(h, index);
    return index;
  }
  size_t h = c->key_hash();
  int found = unit.const_index.find(h, [&](int i) { return same_constant(*unit.cu.consts[i], *c); });
  if (found >= 0) return found;
  int index = static_cast<int>(unit.cu.consts.size());
  unit.cu.consts.push_back(std::move(c));
  unit.const_index.insert(h, index);
  return index;
}

int Codegen::add_ast_const(const Const& c) {
  // Frozensets are reordered, NaNs and code objects keyed apart: add_const's own rules decide those.
  if (c.is(Const::Kind::FrozenSet) || c.is(Const::Kind::Code) || (c.is(Const::Kind::Float) && std::isnan(c.float_value())))
    return add_const(c.shared_from_this());
  // Most constants of a unit repeat (0, 1, a key string): look the borrowed one up first, and take a reference
  // to the AST's constant only when it is new (the AST's constants are immutable, so co_consts can share them).
  Unit& unit = u();
  size_t h = c.key_hash();
  int found = unit.const_index.find(h, [&](int i) { return same_constant(*unit.cu.consts[i], c); });
  if (found >= 0) return found;
  int index = static_cast<int>(unit.cu.consts.size());
  unit.cu.consts.push_back(c.shared_from_this());
  unit.const_index.insert(h, index);
  return index;
}

// Most code objects have a handful of names: scanning them beats hashing, so `dict` is filled only once `list`
// outgrows the scan, and then kept complete.
constexpr size_t kNameScanLimit = 16;

int find_name(const NameMap<int>& dict, const std::vector<std::string>& list, std::string_view name) {
  if (list.size() <= kNameScanLimit) {
    for (size_t i = 0; i < list.size(); i++)
      if (list[i] == name) return static_cast<int>(i);
    return -1;
  }
  auto it = dict.find(name);
  return it == dict.end() ? -1 : it->second;
}

static int add_to(NameMap<int>& dict, std::vector<std::string>& list, std::string_view name) {
  int found = find_name(dict, list, name);
  if (found >= 0) return found;
  int index = static_cast<int>(list.size());
  list.emplace_back(name);
  if (list.size() > kNameScanLimit) {
    if (dict.empty()) {
      for (size_t i = 0; i < list.size(); i++) dict.emplace(list[i], static_cast<int>(i));
    } else {
      dict.emplace(list.back(), index);
    }
  }
  return index;
}

int Codegen::add_name(std::string_view name) { return add_to(u().names, u().cu.names, name); }

// Only the first error is kept, at the unit's current location: CPython's compiler stops at its first error too.
// Returns false so callers can `return error(...)`.
bool Codegen::error(std::string message) {
  if (!error_) {
    const SourcePosition& l = u().loc;
    error_ = make_syntax_error(std::move(message), filename_,
                               ast::Location{l.lineno, l.col_offset, l.end_lineno, l.end_col_offset});
  }
  return false;
}

// A construct minipy does not compile yet fails the compile as a SyntaxError naming it, rather than emitting bytecode
// that would run wrongly.
bool Codegen::unsupported(const ast::Location& loc, std::string_view what) {
  set_loc(loc);
  return error(fmt::format("{} is not supported by minipy yet", what));
}

// ---- units ----------------------------------------------------------------------------------------------------

// co_cellvars and co_freevars are sorted by name, as compile.c's dictbytype sorts them: cell and free slot
// numbers, and so the bytecode's oparg values, must match CPython's.
static std::vector<std::string> sorted_names_with(const Scope& ste, NameScope scope, int flag) {
  std::vector<std::string> out;
  for (const auto& [name, sym] : ste.symbols)
    if (sym.scope == scope || (sym.flags & flag)) out.push_back(name);
  std::sort(out.begin(), out.end());
  return out;
}

// Starts a new compiler unit (compiler_enter_scope) for the scope the symbol table recorded under `key` (the AST node),
// with its localsplus layout decided up front: parameters, then cells, then free variables, because MAKE_CELL and
// COPY_FREE_VARS at the start of the code address them by these numbers.
bool Codegen::enter_scope(std::string_view name, UnitKind kind, const void* key, int lineno) {
  auto unit = std::make_unique<Unit>();
  unit->cu.spare_blocks = &spare_blocks_;
  unit->kind = kind;
  unit->ste = symbols_.lookup(key);
  if (!unit->ste) {
    if (!units_.empty()) return error("internal error: no symbol table entry for a scope");
    return false;
  }
  // Most units name a few globals and locals: skip the 1, 2, 4 growth steps (each moves every string).
  unit->cu.names.reserve(8);
  unit->cu.varnames.reserve(8);
  unit->cu.name = std::string(name);
  unit->cu.filename = filename_;
  // Parameters first, in the order the symbol table met them (they are the first fast locals); other locals are
  // numbered as codegen meets them.
  for (const std::string& v : unit->ste->varnames) add_to(unit->varnames, unit->cu.varnames, v);
  for (const std::string& c : sorted_names_with(*unit->ste, NameScope::Cell, 0))
    add_to(unit->cellvars, unit->cu.cellvars, c);
  // A class body whose methods use super() or __class__ gets the implicit __class__ cell, after the sorted ones.
  if (unit->ste->needs_class_closure) add_to(unit->cellvars, unit->cu.cellvars, "__class__");
  for (const std::string& f : sorted_names_with(*unit->ste, NameScope::Free, kDefFreeClass))
    add_to(unit->freevars, unit->cu.freevars, f);
  unit->cu.firstlineno = lineno;
  unit->loc = SourcePosition{lineno, lineno, 0, 0};
  // Name mangling (__x inside a class) applies in nested functions too, so the class name is inherited until a new
  // class body replaces it.
  if (!units_.empty()) unit->private_name = units_.back()->private_name;

  // compiler_set_qualname: nested definitions get "<parent>.<locals>." unless declared global.
  std::string qualname(name);
  if (!units_.empty() && units_.back()->kind != UnitKind::Module) {
    const Unit& parent = *units_.back();
    bool force_global = false;
    if (kind == UnitKind::Function || kind == UnitKind::AsyncFunction || kind == UnitKind::Class) {
      force_global = parent.ste->scope_of(mangle(parent.private_name, name)) == NameScope::GlobalExplicit;
    }
    if (!force_global) {
      std::string base = parent.cu.qualname;
      if (parent.kind == UnitKind::Function || parent.kind == UnitKind::AsyncFunction ||
          parent.kind == UnitKind::Lambda)
        base += ".<locals>";
      qualname = fmt::format("{}.{}", base, name);
    }
  }
  unit->cu.qualname = qualname;

  units_.push_back(std::move(unit));
  BasicBlock* entry = new_block();
  u().cu.entry = entry;
  u().current = entry;
  // A module's RESUME sits on line 0 and what follows has no line until the first statement sets one: that is
  // what CPython's location table says, and tracebacks and dis read it.
  if (kind == UnitKind::Module) u().loc.lineno = 0;
  if (!addop_i(Opcode::RESUME, 0)) return false;
  if (kind == UnitKind::Module) u().loc.lineno = -1;
  return true;
}

// Closes the unit (compiler_end_scope + assemble): co_flags come from what the symbol table saw in the scope (yield,
// await, *args), and the assembler runs now, while the unit's blocks are alive; the caller stores the code object as a
// constant of the enclosing unit.
std::shared_ptr<CodeObject> Codegen::finish_unit(bool add_none) {
  Unit& unit = u();
  // Every path that falls off the end returns None.
  const auto& last = unit.current->instrs;
  if (last.empty() || last.back().op != Opcode::RETURN_VALUE) {
    unset_loc();
    if (add_none && !load_none()) return nullptr;
    if (!addop(Opcode::RETURN_VALUE)) return nullptr;
  }
  const Scope& ste = *unit.ste;
  int flags = 0;
  if (ste.kind == BlockKind::Function) {
    flags |= CO_NEWLOCALS | CO_OPTIMIZED;
    if (ste.nested) flags |= CO_NESTED;
    if (ste.generator && !ste.coroutine) flags |= CO_GENERATOR;
    if (!ste.generator && ste.coroutine) flags |= CO_COROUTINE;
    if (ste.generator && ste.coroutine) flags |= CO_ASYNC_GENERATOR;
    if (ste.varargs) flags |= CO_VARARGS;
    if (ste.varkeywords) flags |= CO_VARKEYWORDS;
  }
  // Future features travel in every code object's flags (PyCF_MASK).
  unit.cu.flags = flags | future_.flags;
  std::shared_ptr<CodeObject> code = assemble_(unit.cu);
  // The code object owns copies of everything it needs: the blocks can serve the next units.
  for (std::unique_ptr<BasicBlock>& b : unit.cu.blocks) {
    b->reset();
    spare_blocks_.push_back(std::move(b));
  }
  unit.cu.blocks.clear();
  unit.cu.entry = nullptr;
  if (!code && !error_) {
    SyntaxError e;
    e.message = "internal error: the assembler rejected a code unit";
    e.filename = filename_;
    error_ = std::move(e);
  }
  return code;
}

// ---- names ----------------------------------------------------------------------------------------------------

// __debug__ is a compile-time constant (folded by the optimiser), so binding it is refused here with compile.c's
// forbidden_name messages; a Load falls through to a normal lookup.
bool Codegen::forbidden_name(std::string_view name, ast::ExprContext ctx) {
  if (name != "__debug__") return false;
  if (ctx == ast::ExprContext::Store) {
    error("cannot assign to __debug__");
    return true;
  }
  if (ctx == ast::ExprContext::Del) {
    error("cannot delete __debug__");
    return true;
  }
  return false;
}

bool Codegen::check_debug_args(const ast::Arguments* args) {
  auto check = [&](const ast::Arg* a) { return !a || !forbidden_name(a->arg, ast::ExprContext::Store); };
  for (const ast::Arg* a : args->posonlyargs)
    if (!check(a)) return false;
  for (const ast::Arg* a : args->args)
    if (!check(a)) return false;
  if (!check(args->vararg)) return false;
  for (const ast::Arg* a : args->kwonlyargs)
    if (!check(a)) return false;
  return check(args->kwarg);
}

bool Codegen::nameop(std::string_view name, ast::ExprContext ctx) {
  using Ctx = ast::ExprContext;
  if (forbidden_name(name, ctx)) return false;
  Unit& unit = u();
  std::string storage;
  std::string_view mangled = mangle(unit.private_name, name, storage);
  enum { kFast, kGlobal, kDeref, kName } optype = kName;
  bool function_block = unit.ste->kind == BlockKind::Function;
  Opcode fast_op = ctx == Ctx::Load ? Opcode::LOAD_FAST : ctx == Ctx::Store ? Opcode::STORE_FAST : Opcode::DELETE_FAST;
  // A function's co_varnames holds only names the symbol table made Local or Cell (parameters, and locals added
  // below), so a name already there is a fast local when the unit has no cells: the common case, answered
  // without hashing the name into the symbol table.
  if (function_block && unit.cu.cellvars.empty()) {
    int index = find_name(unit.varnames, unit.cu.varnames, mangled);
    if (index >= 0) return addop_i(fast_op, index);
  }
  int deref_index = 0;
  // Cells come first in the deref numbering, then free variables.
  auto slot = [&](const NameMap<int>& dict, const std::vector<std::string>& list, size_t base) {
    int index = find_name(dict, list, mangled);
    if (index < 0) return false;
    deref_index = static_cast<int>(base) + index;
    optype = kDeref;
    return true;
  };
  // compiler_nameop: the symbol table's scope picks the opcode family. Only function scopes use fast locals and
  // LOAD_GLOBAL; a module or class body looks names up by name (LOAD_NAME), since its namespace is a dict that
  // exec() or a metaclass may have filled.
  switch (unit.ste->scope_of(mangled)) {
    case NameScope::Free:
      if (!slot(unit.freevars, unit.cu.freevars, unit.cu.cellvars.size())) return error(fmt::format("internal error: no free variable slot for '{}'", mangled));
      break;
    case NameScope::Cell:
      if (!slot(unit.cellvars, unit.cu.cellvars, 0)) return error(fmt::format("internal error: no cell slot for '{}'", mangled));
      break;
    case NameScope::Local:
      if (function_block) optype = kFast;
      break;
    case NameScope::GlobalImplicit:
      if (function_block) optype = kGlobal;
      break;
    case NameScope::GlobalExplicit: optype = kGlobal; break;
    case NameScope::Unknown: break;
  }
  switch (optype) {
    case kDeref: {
      // In a class body a free variable may be shadowed by the class namespace: LOAD_CLASSDEREF looks there first.
      Opcode op = ctx == Ctx::Load    ? (unit.ste->kind == BlockKind::Class ? Opcode::LOAD_CLASSDEREF : Opcode::LOAD_DEREF)
                  : ctx == Ctx::Store ? Opcode::STORE_DEREF
                                      : Opcode::DELETE_DEREF;
      return addop_i(op, deref_index);
    }
    case kFast: return addop_i(fast_op, add_to(unit.varnames, unit.cu.varnames, mangled));
    case kGlobal: {
      int index = add_name(mangled);
      // 3.11's LOAD_GLOBAL oparg is the name index shifted left; the low bit asks for a NULL push, which the
      // flow-graph optimiser sets when it folds the call sequence's PUSH_NULL into this instruction.
      if (ctx == Ctx::Load) return addop_i(Opcode::LOAD_GLOBAL, index << 1);
      return addop_i(ctx == Ctx::Store ? Opcode::STORE_GLOBAL : Opcode::DELETE_GLOBAL, index);
    }
    case kName: {
      Opcode op = ctx == Ctx::Load ? Opcode::LOAD_NAME : ctx == Ctx::Store ? Opcode::STORE_NAME : Opcode::DELETE_NAME;
      return addop_i(op, add_name(mangled));
    }
  }
  return false;
}

// ---- frame blocks ---------------------------------------------------------------------------------------------

// CPython's CO_MAXBLOCKS is 20, and this error text is compile.c's; minipy's VM does not need the limit, but a program
// nesting 21 blocks must fail as it does under CPython.
bool Codegen::push_fblock(FBlock fb) {
  if (u().fblocks.size() >= 20) return error("too many statically nested blocks");
  u().fblocks.push_back(fb);
  return true;
}

// The cleanup handler of an except block: the stack holds (prev_exc, lasti, exc); COPY 3 brings prev_exc up for
// POP_EXCEPT to restore sys.exc_info(), then RERAISE 1 re-raises exc with its original f_lasti.
bool Codegen::pop_except_and_reraise() {
  return addop_i(Opcode::COPY, 3) && addop(Opcode::POP_EXCEPT) && addop_i(Opcode::RERAISE, 1);
}

// A with block left normally or by return/break: __exit__(None, None, None), the bound method being on the stack below
// the three Nones.
bool Codegen::call_exit_with_nones() {
  return load_none() && load_none() && load_none() && addop_i(Opcode::PRECALL, 2) && addop_i(Opcode::CALL, 2);
}

// Emits what leaving `fb` early (return/break/continue) must do; preserve_tos keeps a return value on top.
bool Codegen::unwind_fblock(const FBlock& fb, bool preserve_tos) {
  switch (fb.kind) {
    case FBlockKind::WhileLoop:
    case FBlockKind::ExceptionHandler:
    case FBlockKind::ExceptionGroupHandler:
    case FBlockKind::AsyncComprehensionGenerator:
      return true;
    case FBlockKind::ForLoop:
      if (preserve_tos && !addop_i(Opcode::SWAP, 2)) return false;
      return addop(Opcode::POP_TOP);
    case FBlockKind::TryExcept:
      return addop(Opcode::POP_BLOCK);
    // A `return` inside try/finally runs the finally body inline before returning; the PopValue block makes a nested
    // return/break inside that finally body drop the saved return value first.
    case FBlockKind::FinallyTry: {
      if (!addop(Opcode::POP_BLOCK)) return false;
      if (preserve_tos && !push_fblock(FBlock{FBlockKind::PopValue})) return false;
      if (!visit_stmts(fb.finalbody)) return false;
      if (preserve_tos) pop_fblock();
      // The finally body should appear to run after the statement that unwinds.
      unset_loc();
      return true;
    }
    case FBlockKind::FinallyEnd:
      if (preserve_tos && !addop_i(Opcode::SWAP, 2)) return false;
      if (!addop(Opcode::POP_TOP)) return false;
      if (preserve_tos && !addop_i(Opcode::SWAP, 2)) return false;
      return addop(Opcode::POP_BLOCK) && addop(Opcode::POP_EXCEPT);
    case FBlockKind::With:
    case FBlockKind::AsyncWith:
      set_loc(fb.with_stmt->loc);
      if (!addop(Opcode::POP_BLOCK)) return false;
      if (preserve_tos && !addop_i(Opcode::SWAP, 2)) return false;
      if (!call_exit_with_nones()) return false;
      if (fb.kind == FBlockKind::AsyncWith && (!addop_i(Opcode::GET_AWAITABLE, 2) || !await_value())) return false;
      if (!addop(Opcode::POP_TOP)) return false;
      unset_loc();
      return true;
    // `except E as name:` unbinds `name` on every way out (the implicit `name = None; del name` of the language
    // reference), so the exception's traceback does not keep the frame alive in a cycle.
    case FBlockKind::HandlerCleanup:
      if (fb.has_handler_name && !addop(Opcode::POP_BLOCK)) return false;
      if (preserve_tos && !addop_i(Opcode::SWAP, 2)) return false;
      if (!addop(Opcode::POP_BLOCK) || !addop(Opcode::POP_EXCEPT)) return false;
      if (fb.has_handler_name) {
        if (!load_none() || !nameop(fb.handler_name, ast::ExprContext::Store) ||
            !nameop(fb.handler_name, ast::ExprContext::Del))
          return false;
      }
      return true;
    case FBlockKind::PopValue:
      if (preserve_tos && !addop_i(Opcode::SWAP, 2)) return false;
      return addop(Opcode::POP_TOP);
  }
  return true;
}

// Unwinds every frame block (or up to the innermost loop when `loop` is given, storing it there).
// The block is popped while its unwind code is emitted and pushed back afterwards: the code emitted for a finally body
// must see only the blocks outside it (a `return` in it must not run the same finally again), while the statement that
// caused the unwinding still sees the full stack when it continues.
bool Codegen::unwind_fblock_stack(bool preserve_tos, std::optional<FBlock>* loop) {
  auto& stack = u().fblocks;
  if (stack.empty()) return true;
  FBlock top = stack.back();
  if (top.kind == FBlockKind::ExceptionGroupHandler)
    return error("'break', 'continue' and 'return' cannot appear in an except* block");
  if (loop && (top.kind == FBlockKind::WhileLoop || top.kind == FBlockKind::ForLoop)) {
    *loop = top;
    return true;
  }
  stack.pop_back();
  bool ok = unwind_fblock(top, preserve_tos) && unwind_fblock_stack(preserve_tos, loop);
  u().fblocks.push_back(top);
  return ok;
}

// ---- bodies and the module ------------------------------------------------------------------------------------

// A body's docstring is a first statement that is a str constant expression; an f-string or bytes does not count
// (compile.c's _PyAST_GetDocString).
const ast::Constant* docstring_of(ast::List<ast::Stmt> stmts) {
  if (stmts.empty()) return nullptr;
  auto* e = stmts[0]->as<ast::ExprStmt>();
  if (!e) return nullptr;
  auto* c = e->value->as<ast::Constant>();
  return c && c->value->is(Const::Kind::Str) ? c : nullptr;
}

// Whether a module or class body needs SETUP_ANNOTATIONS: an annotated assignment anywhere in it, including inside
// compound statements, but not inside nested function or class bodies (those are scopes of their own), as
// compile.c's find_ann.
static bool find_ann(ast::List<ast::Stmt> stmts) {
  for (const ast::Stmt* s : stmts) {
    switch (s->kind) {
      case ast::StmtKind::AnnAssign: return true;
      case ast::StmtKind::For: {
        auto* f = static_cast<const ast::For*>(s);
        if (find_ann(f->body) || find_ann(f->orelse)) return true;
        break;
      }
      case ast::StmtKind::While: {
        auto* w = static_cast<const ast::While*>(s);
        if (find_ann(w->body) || find_ann(w->orelse)) return true;
        break;
      }
      case ast::StmtKind::If: {
        auto* i = static_cast<const ast::If*>(s);
        if (find_ann(i->body) || find_ann(i->orelse)) return true;
        break;
      }
      case ast::StmtKind::With:
        if (find_ann(static_cast<const ast::With*>(s)->body)) return true;
        break;
      case ast::StmtKind::Try: {
        auto* t = static_cast<const ast::Try*>(s);
        for (const ast::ExceptHandler* h : t->handlers)
          if (find_ann(h->body)) return true;
        if (find_ann(t->body) || find_ann(t->finalbody) || find_ann(t->orelse)) return true;
        break;
      }
      default: break;
    }
  }
  return false;
}

// A module or class body: __annotations__ setup, the docstring as __doc__, then the statements.
bool Codegen::body(ast::List<ast::Stmt> stmts) {
  if (u().kind == UnitKind::Module && !stmts.empty()) set_loc(stmts[0]->loc);
  if (find_ann(stmts) && !addop(Opcode::SETUP_ANNOTATIONS)) return false;
  if (stmts.empty()) return true;
  size_t i = 0;
  if (optimize_ < 2) {
    if (const ast::Constant* doc = docstring_of(stmts)) {
      i = 1;
      if (!visit_expr(doc)) return false;
      unset_loc();
      if (!nameop("__doc__", ast::ExprContext::Store)) return false;
    }
  }
  for (; i < stmts.size(); ++i)
    if (!visit_stmt(stmts[i])) return false;
  return true;
}

std::shared_ptr<const CodeObject> Codegen::compile_module(const ast::Module& module) {
  if (!enter_scope("<module>", UnitKind::Module, &module, 1)) return nullptr;
  u().loc.lineno = 1;
  bool add_none = true;
  bool ok = true;
  switch (module.mode) {
    case ast::ParseMode::Exec: ok = body(module.body); break;
    // Interactive input: each expression statement's value goes to sys.displayhook (PRINT_EXPR), and no docstring is
    // taken, as in compiler_interactive.
    case ast::ParseMode::Single:
      if (find_ann(module.body)) ok = addop(Opcode::SETUP_ANNOTATIONS);
      interactive_ = true;
      ok = ok && visit_stmts(module.body);
      break;
    case ast::ParseMode::Eval:
      ok = visit_expr(module.expression);
      add_none = false;
      break;
  }
  if (!ok) return nullptr;
  std::shared_ptr<CodeObject> code = finish_unit(add_none);
  units_.pop_back();
  return code;
}

// The stage entry point (codegen.h): every code object of the module is assembled as its unit closes, so the result is
// the module's code object with all the others reachable through its constants.
CodegenResult codegen(const ast::Module& module, const SymbolTable& symbols, std::string_view filename,
                      int optimize, const AssembleFn& assemble, const FutureFeatures& future) {
  Codegen gen(symbols, filename, optimize, assemble, future);
  CodegenResult result;
  result.code = gen.compile_module(module);
  if (!result.code) result.error = gen.take_error();
  result.warnings = gen.take_warnings();
  return result;
}

}  // namespace minipy
