// The code generator's shared state and helpers, split over codegen.cpp (units, names, constants, functions,
// classes, comprehensions), codegen_stmt.cpp (statements) and codegen_expr.cpp (expressions). Each visitor
// mirrors the compile.c function of the same purpose so the emitted instructions match CPython 3.11's.
// Every emitting function returns false once an error is recorded; callers propagate it.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/ast_optimize.h"
#include "compiler/codegen.h"
#include "compiler/const_index.h"

namespace minipy {

// compile.c's COMPILER_SCOPE_*.
enum class UnitKind : uint8_t { Module, Class, Function, AsyncFunction, Lambda, Comprehension };

// A frame block: what break/continue/return must unwind (compile.c's fblockinfo).
enum class FBlockKind : uint8_t {
  WhileLoop, ForLoop, TryExcept, FinallyTry, FinallyEnd, With, AsyncWith, HandlerCleanup, PopValue,
  ExceptionHandler, ExceptionGroupHandler, AsyncComprehensionGenerator
};
struct FBlock {
  FBlockKind kind;
  BasicBlock* block = nullptr;
  BasicBlock* exit = nullptr;
  ast::List<ast::Stmt> finalbody;      // FinallyTry: the finally body to replay
  std::string_view handler_name;       // HandlerCleanup: the `as` name to clear (may be empty)
  bool has_handler_name = false;
  const ast::Stmt* with_stmt = nullptr;  // With/AsyncWith: the statement, for the location of the exit call
};

// The index of `name` in one of a unit's name lists (`list`, indexed by `dict` once long), or -1.
int find_name(const NameMap<int>& dict, const std::vector<std::string>& list, std::string_view name);

// One code object being generated (compile.c's compiler_unit).
struct Unit {
  CompilerUnit cu;
  const Scope* ste = nullptr;
  UnitKind kind = UnitKind::Module;
  BasicBlock* current = nullptr;
  bool need_new_block = false;
  SourcePosition loc;
  std::vector<FBlock> fblocks;
  std::string private_name;  // class name used for mangling
  // name -> index in the matching cu list, filled only once the list outgrows a scan (see add_to)
  NameMap<int> names, varnames, cellvars, freevars;
  ConstIndex const_index;       // key_hash -> index into cu.consts
  ConstIndex code_const_index;  // code objects: hash of name/line/bytecode -> index
};

class Codegen {
 public:
  Codegen(const SymbolTable& symbols, std::string_view filename, int optimize, const AssembleFn& assemble,
          const FutureFeatures& future)
      : symbols_(symbols), filename_(filename), optimize_(optimize), assemble_(assemble), future_(future) {}

  std::shared_ptr<const CodeObject> compile_module(const ast::Module& module);
  std::optional<SyntaxError> take_error() { return std::move(error_); }
  std::vector<SyntaxWarning> take_warnings() { return std::move(warnings_); }

  // ---- codegen.cpp: units, emission, names -------------------------------------------------------------------
  bool enter_scope(std::string_view name, UnitKind kind, const void* key, int lineno);
  std::shared_ptr<CodeObject> finish_unit(bool add_none);  // compile.c's assemble() preamble + exit_scope
  Unit& u() { return *units_.back(); }

  BasicBlock* new_block() { return u().cu.new_block(); }
  void use_next_block(BasicBlock* b) {
    u().current->next = b;
    u().current = b;
    u().need_new_block = false;
  }
  bool emit(Opcode op, int oparg, BasicBlock* target, const SourcePosition& loc);
  bool addop(Opcode op) { return emit(op, 0, nullptr, u().loc); }
  bool addop_i(Opcode op, int oparg) { return emit(op, oparg, nullptr, u().loc); }
  bool addop_j(Opcode op, BasicBlock* target) { return emit(op, 0, target, u().loc); }
  bool addop_noline(Opcode op) { return emit(op, 0, nullptr, kNoLine); }
  bool addop_i_noline(Opcode op, int oparg) { return emit(op, oparg, nullptr, kNoLine); }
  bool addop_j_noline(Opcode op, BasicBlock* target) { return emit(op, 0, target, kNoLine); }
  bool load_const(ConstRef c) { return addop_i(Opcode::LOAD_CONST, add_const(std::move(c))); }
  bool load_none() { return load_const(Const::none()); }
  int add_const(ConstRef c);
  // The same for a constant an AST node holds: shared (not copied), and only when it is not in co_consts yet.
  int add_ast_const(const Const& c);
  bool load_ast_const(const Const& c) { return addop_i(Opcode::LOAD_CONST, add_ast_const(c)); }
  int add_name(std::string_view name);  // co_names index (after mangling by the caller when needed)
  bool addop_name(Opcode op, std::string_view name) {
    std::string storage;
    return addop_i(op, add_name(mangle(u().private_name, name, storage)));
  }

  void set_loc(const ast::Location& l) { u().loc = SourcePosition{l.lineno, l.end_lineno, l.col_offset, l.end_col_offset}; }
  void unset_loc() { u().loc = SourcePosition{-1, -1, -1, -1}; }

  bool error(std::string message);
  void warn(std::string message) {
    const SourcePosition& at = u().loc;
    warnings_.push_back(
        SyntaxWarning{std::move(message), filename_, at.lineno, at.col_offset, at.end_lineno, at.end_col_offset});
  }
  // compile.c's check_compare / check_caller / check_subscripter / check_index: likely typos worth a warning.
  void check_compare(const ast::Compare* e);
  void check_caller(const ast::Expr* func);
  void check_subscript(const ast::Subscript* e);
  bool unsupported(const ast::Location& loc, std::string_view what);

  bool nameop(std::string_view name, ast::ExprContext ctx);
  bool forbidden_name(std::string_view name, ast::ExprContext ctx);
  bool check_debug_args(const ast::Arguments* args);

  bool push_fblock(FBlock fb);
  void pop_fblock() { u().fblocks.pop_back(); }
  bool unwind_fblock(const FBlock& fb, bool preserve_tos);
  bool unwind_fblock_stack(bool preserve_tos, std::optional<FBlock>* loop);

  // Functions, classes, lambdas, comprehensions (codegen_scope.cpp).
  bool make_closure(std::shared_ptr<CodeObject> code, const CompilerUnit& child, int flags);
  int default_arguments(const ast::Arguments* args);  // -1 on error, else MAKE_FUNCTION flags
  int visit_annotations(const ast::Arguments* args, const ast::Expr* returns);  // -1 err, 0 none, 1 pushed
  bool function_def(const ast::FunctionDef* s);
  bool class_def(const ast::ClassDef* s);
  bool lambda(const ast::Lambda* e);
  bool comprehension(const ast::Expr* e, int type, std::string_view name, ast::List<ast::Comprehension> gens,
                     const ast::Expr* elt, const ast::Expr* val);
  bool comprehension_generator(ast::List<ast::Comprehension> gens, size_t index, int depth, const ast::Expr* elt,
                               const ast::Expr* val, int type);
  bool async_comprehension_generator(ast::List<ast::Comprehension> gens, size_t index, int depth,
                                     const ast::Expr* elt, const ast::Expr* val, int type);
  bool comprehension_element(const ast::Expr* elt, const ast::Expr* val, int type, int depth);
  bool decorators(ast::List<ast::Expr> decos);
  bool apply_decorators(ast::List<ast::Expr> decos);
  bool body(ast::List<ast::Stmt> stmts);

  // ---- codegen_stmt.cpp --------------------------------------------------------------------------------------
  bool visit_stmt(const ast::Stmt* s);
  bool visit_stmts(ast::List<ast::Stmt> stmts) {
    for (const ast::Stmt* s : stmts)
      if (!visit_stmt(s)) return false;
    return true;
  }
  bool stmt_expr(const ast::Expr* value);
  bool if_stmt(const ast::If* s);
  bool for_stmt(const ast::For* s);
  bool while_stmt(const ast::While* s);
  bool return_stmt(const ast::Return* s);
  bool break_stmt();
  bool continue_stmt();
  bool try_stmt(const ast::Try* s);
  bool try_finally(const ast::Try* s);
  bool try_except(const ast::Try* s);
  bool with_stmt(const ast::With* s, size_t pos, bool is_async);
  bool async_for_stmt(const ast::For* s);
  bool await_value();  // GET_AWAITABLE's yield-from loop on an awaitable already on the stack (compile.c's ADD_YIELD_FROM)
  bool match_stmt(const ast::Match* s);
  bool try_star_stmt(const ast::Try* s);
  bool try_star_except(const ast::Try* s);
  bool with_except_finish(BasicBlock* cleanup);
  bool pop_except_and_reraise();
  bool call_exit_with_nones();
  bool import_stmt(const ast::Import* s);
  bool import_as(std::string_view name, std::string_view asname);
  bool from_import(const ast::ImportFrom* s);
  bool assert_stmt(const ast::Assert* s);
  bool aug_assign(const ast::AugAssign* s);
  bool ann_assign(const ast::AnnAssign* s);
  bool check_ann_expr(const ast::Expr* e);
  bool check_ann_subscr(const ast::Expr* e);

  // ---- codegen_expr.cpp --------------------------------------------------------------------------------------
  bool visit_expr(const ast::Expr* e);
  bool visit_expr_inner(const ast::Expr* e);
  // An annotation's value: evaluated, or under `from __future__ import annotations` its source text.
  bool visit_annotation(const ast::Expr* e);
  bool future_annotations() const { return future_.flags & CO_FUTURE_ANNOTATIONS; }
  bool visit_exprs(ast::List<ast::Expr> exprs) {
    for (const ast::Expr* e : exprs)
      if (!visit_expr(e)) return false;
    return true;
  }
  bool jump_if(const ast::Expr* e, BasicBlock* next, bool cond);
  bool addcompare(ast::CmpOpKind op);
  bool compare(const ast::Compare* e);
  bool boolop(const ast::BoolOp* e);
  bool ifexp(const ast::IfExp* e);
  bool starunpack_helper(ast::List<ast::Expr> elts, int pushed, Opcode build, Opcode add, Opcode extend,
                         bool tuple);
  bool unpack_helper(ast::List<ast::Expr> elts);
  bool assignment_helper(ast::List<ast::Expr> elts);
  bool dict(const ast::Dict* e);
  bool subdict(const ast::Dict* e, size_t begin, size_t end);
  bool call(const ast::Call* e);
  int maybe_optimize_method_call(const ast::Call* e);  // 1 done, -1 not applicable, 0 error
  bool call_helper(int n, ast::List<ast::Expr> args, ast::List<ast::Keyword> keywords);
  bool call_simple_kw_helper(ast::List<ast::Keyword> keywords);
  bool subkwargs(ast::List<ast::Keyword> keywords, size_t begin, size_t end);
  bool validate_keywords(ast::List<ast::Keyword> keywords);
  bool joined_str(const ast::JoinedStr* e);
  bool formatted_value(const ast::FormattedValue* e);
  bool subscript(const ast::Subscript* e);
  bool slice(const ast::Slice* e);
  bool add_yield_from(bool await);
  bool addop_yield();
  void update_start_location_to_match_attr(const ast::Attribute* attr);
  bool is_import_originated(const ast::Expr* e) const;

  static constexpr SourcePosition kNoLine{-1, 0, 0, 0};

 private:
  const SymbolTable& symbols_;
  std::string filename_;
  int optimize_;
  const AssembleFn& assemble_;
  FutureFeatures future_;
  bool interactive_ = false;
  std::vector<std::unique_ptr<Unit>> units_;
  // Blocks of assembled units, reset, for the next units to reuse with their instruction arrays' memory.
  std::vector<std::unique_ptr<BasicBlock>> spare_blocks_;
  std::optional<SyntaxError> error_;
  std::vector<SyntaxWarning> warnings_;
};

// BINARY_OP's operator number (NB_*) for an AST operator; in-place forms add kInplaceOffset.
constexpr int binary_op_number(ast::OperatorKind op) {
  constexpr int kNumbers[] = {
#define BINARY_OP(ast_name, oparg, slot, symbol, stem) oparg,
#include "compiler/binary_ops.def"
  };
  return kNumbers[static_cast<int>(op)];
}

// The docstring of a body: its first statement when that is a string constant expression.
const ast::Constant* docstring_of(ast::List<ast::Stmt> stmts);

// The comprehension kinds compile.c numbers COMP_*.
inline constexpr int kCompGenexp = 0, kCompListcomp = 1, kCompSetcomp = 2, kCompDictcomp = 3;
// compile.c's STACK_USE_GUIDELINE: above it, displays and calls are built incrementally.
inline constexpr size_t kStackUseGuideline = 30;

}  // namespace minipy
