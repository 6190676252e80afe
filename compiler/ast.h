// The abstract syntax tree: what the parser builds and the symbol table and code generator walk. Node kinds,
// fields and their meanings mirror CPython 3.11's Parser/Python.asdl (so `ast.dump` of python3.11 is the
// reference for tests), minus type comments. Every node lives in an Arena and is trivially destructible:
// identifiers are string_views into the arena, lists are spans of node pointers, constants are owned by the
// arena's side table.
//
// Positions follow CPython's ast: lineno/end_lineno are 1-based, col_offset/end_col_offset are 0-based UTF-8
// byte offsets into the line.
#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <type_traits>
#include <vector>

#include "compiler/constant.h"

namespace minipy::ast {

struct Location {
  int32_t lineno = 0, col_offset = 0, end_lineno = 0, end_col_offset = 0;
};

template <class T>
using List = std::span<T* const>;
using Identifier = std::string_view;  // empty means "absent" where the ASDL field is optional

enum class ExprContext : uint8_t { Load, Store, Del };
enum class BoolOpKind : uint8_t { And, Or };
// Same order as the ASDL `operator` type (compiler/binary_ops.def).
enum class OperatorKind : uint8_t {
#define BINARY_OP(ast_name, oparg, slot, symbol, stem) ast_name,
#include "compiler/binary_ops.def"
};
enum class UnaryOpKind : uint8_t { Invert, Not, UAdd, USub };
enum class CmpOpKind : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

#define MINIPY_AST_EXPR_KINDS(X)                                                                                  \
  X(BoolOp) X(NamedExpr) X(BinOp) X(UnaryOp) X(Lambda) X(IfExp) X(Dict) X(Set) X(ListComp) X(SetComp) X(DictComp) \
  X(GeneratorExp) X(Await) X(Yield) X(YieldFrom) X(Compare) X(Call) X(FormattedValue) X(JoinedStr) X(Constant)    \
  X(Attribute) X(Subscript) X(Starred) X(Name) X(List) X(Tuple) X(Slice)

#define MINIPY_AST_STMT_KINDS(X)                                                                              \
  X(FunctionDef) X(AsyncFunctionDef) X(ClassDef) X(Return) X(Delete) X(Assign) X(AugAssign) X(AnnAssign) X(For) \
  X(AsyncFor) X(While) X(If) X(With) X(AsyncWith) X(Match) X(Raise) X(Try) X(TryStar) X(Assert) X(Import)      \
  X(ImportFrom) X(Global) X(Nonlocal) X(Expr) X(Pass) X(Break) X(Continue)

enum class ExprKind : uint8_t {
#define X(name) name,
  MINIPY_AST_EXPR_KINDS(X)
#undef X
};
enum class StmtKind : uint8_t {
#define X(name) name,
  MINIPY_AST_STMT_KINDS(X)
#undef X
};

const char* expr_kind_name(ExprKind k);
const char* stmt_kind_name(StmtKind k);

struct Pattern;
struct Expr {
  ExprKind kind;
  Location loc;
  template <class T> T* as() { return kind == T::kKind ? static_cast<T*>(this) : nullptr; }
  template <class T> const T* as() const { return kind == T::kKind ? static_cast<const T*>(this) : nullptr; }
};
struct Stmt {
  StmtKind kind;
  Location loc;
  template <class T> T* as() { return kind == T::kKind ? static_cast<T*>(this) : nullptr; }
  template <class T> const T* as() const { return kind == T::kKind ? static_cast<const T*>(this) : nullptr; }
};

// ---- helper records -------------------------------------------------------------------------------------------
struct Arg {            // a parameter
  Location loc;
  Identifier arg;
  Expr* annotation = nullptr;
};
struct Arguments {      // a parameter list
  List<Arg> posonlyargs, args;
  Arg* vararg = nullptr;
  List<Arg> kwonlyargs;
  List<Expr> kw_defaults;  // one per kwonlyarg; nullptr where it has no default
  Arg* kwarg = nullptr;
  List<Expr> defaults;     // for the last len(defaults) of posonlyargs + args
};
struct Keyword {        // name=value in a call or class header; arg empty for **value
  Location loc;
  Identifier arg;
  Expr* value;
};
struct Alias {          // import name [as asname]; name may be dotted, or "*"
  Location loc;
  Identifier name, asname;
};
struct WithItem {
  Expr* context_expr;
  Expr* optional_vars = nullptr;
};
struct Comprehension {
  Expr* target;
  Expr* iter;
  List<Expr> ifs;
  bool is_async = false;
};
struct ExceptHandler {
  Location loc;
  Expr* type = nullptr;
  Identifier name;
  List<Stmt> body;
  bool is_star = false;  // `except*` (the parser checks a try uses one kind only)
};

// ---- expressions ----------------------------------------------------------------------------------------------
#define MINIPY_AST_NODE(base, name) static constexpr base##Kind kKind = base##Kind::name;

struct BoolOp : Expr { MINIPY_AST_NODE(Expr, BoolOp) BoolOpKind op; List<Expr> values; };
struct NamedExpr : Expr { MINIPY_AST_NODE(Expr, NamedExpr) Expr* target; Expr* value; };
struct BinOp : Expr { MINIPY_AST_NODE(Expr, BinOp) Expr* left; OperatorKind op; Expr* right; };
struct UnaryOp : Expr { MINIPY_AST_NODE(Expr, UnaryOp) UnaryOpKind op; Expr* operand; };
struct Lambda : Expr { MINIPY_AST_NODE(Expr, Lambda) Arguments* args; Expr* body; };
struct IfExp : Expr { MINIPY_AST_NODE(Expr, IfExp) Expr* test; Expr* body; Expr* orelse; };
// keys[i] is nullptr for a `**values[i]` entry.
struct Dict : Expr { MINIPY_AST_NODE(Expr, Dict) List<Expr> keys; List<Expr> values; };
struct Set : Expr { MINIPY_AST_NODE(Expr, Set) List<Expr> elts; };
struct ListComp : Expr { MINIPY_AST_NODE(Expr, ListComp) Expr* elt; List<Comprehension> generators; };
struct SetComp : Expr { MINIPY_AST_NODE(Expr, SetComp) Expr* elt; List<Comprehension> generators; };
struct DictComp : Expr { MINIPY_AST_NODE(Expr, DictComp) Expr* key; Expr* value; List<Comprehension> generators; };
struct GeneratorExp : Expr { MINIPY_AST_NODE(Expr, GeneratorExp) Expr* elt; List<Comprehension> generators; };
struct Await : Expr { MINIPY_AST_NODE(Expr, Await) Expr* value; };
struct Yield : Expr { MINIPY_AST_NODE(Expr, Yield) Expr* value; };  // value may be nullptr
struct YieldFrom : Expr { MINIPY_AST_NODE(Expr, YieldFrom) Expr* value; };
struct Compare : Expr { MINIPY_AST_NODE(Expr, Compare) Expr* left; std::span<const CmpOpKind> ops; List<Expr> comparators; };
struct Call : Expr { MINIPY_AST_NODE(Expr, Call) Expr* func; List<Expr> args; List<Keyword> keywords; };
// conversion: -1 none, 's' (115), 'r' (114), 'a' (97); format_spec is a JoinedStr or nullptr.
struct FormattedValue : Expr { MINIPY_AST_NODE(Expr, FormattedValue) Expr* value; int conversion; Expr* format_spec; };
struct JoinedStr : Expr { MINIPY_AST_NODE(Expr, JoinedStr) List<Expr> values; };
// kind is "u" for u-prefixed string literals, empty otherwise.
struct Constant : Expr { MINIPY_AST_NODE(Expr, Constant) const Const* value; std::string_view kind; };
struct Attribute : Expr { MINIPY_AST_NODE(Expr, Attribute) Expr* value; Identifier attr; ExprContext ctx; };
struct Subscript : Expr { MINIPY_AST_NODE(Expr, Subscript) Expr* value; Expr* slice; ExprContext ctx; };
struct Starred : Expr { MINIPY_AST_NODE(Expr, Starred) Expr* value; ExprContext ctx; };
struct Name : Expr { MINIPY_AST_NODE(Expr, Name) Identifier id; ExprContext ctx; };
struct ListExpr : Expr { MINIPY_AST_NODE(Expr, List) List<Expr> elts; ExprContext ctx; };
struct Tuple : Expr { MINIPY_AST_NODE(Expr, Tuple) List<Expr> elts; ExprContext ctx; };
struct Slice : Expr { MINIPY_AST_NODE(Expr, Slice) Expr* lower; Expr* upper; Expr* step; };  // each may be nullptr

// ---- statements -----------------------------------------------------------------------------------------------
struct FunctionDef : Stmt {
  MINIPY_AST_NODE(Stmt, FunctionDef)
  Identifier name; Arguments* args; List<Stmt> body; List<Expr> decorator_list; Expr* returns;
};
struct ClassDef : Stmt {
  MINIPY_AST_NODE(Stmt, ClassDef)
  Identifier name; List<Expr> bases; List<Keyword> keywords; List<Stmt> body; List<Expr> decorator_list;
};
struct Return : Stmt { MINIPY_AST_NODE(Stmt, Return) Expr* value; };  // value may be nullptr
struct Delete : Stmt { MINIPY_AST_NODE(Stmt, Delete) List<Expr> targets; };
struct Assign : Stmt { MINIPY_AST_NODE(Stmt, Assign) List<Expr> targets; Expr* value; };
struct AugAssign : Stmt { MINIPY_AST_NODE(Stmt, AugAssign) Expr* target; OperatorKind op; Expr* value; };
// simple: the target is a plain name not in parentheses.
struct AnnAssign : Stmt { MINIPY_AST_NODE(Stmt, AnnAssign) Expr* target; Expr* annotation; Expr* value; bool simple; };
struct For : Stmt { MINIPY_AST_NODE(Stmt, For) Expr* target; Expr* iter; List<Stmt> body; List<Stmt> orelse; };
struct While : Stmt { MINIPY_AST_NODE(Stmt, While) Expr* test; List<Stmt> body; List<Stmt> orelse; };
struct If : Stmt { MINIPY_AST_NODE(Stmt, If) Expr* test; List<Stmt> body; List<Stmt> orelse; };
struct With : Stmt { MINIPY_AST_NODE(Stmt, With) List<WithItem> items; List<Stmt> body; };
struct Raise : Stmt { MINIPY_AST_NODE(Stmt, Raise) Expr* exc; Expr* cause; };  // both may be nullptr
struct Try : Stmt {
  MINIPY_AST_NODE(Stmt, Try)
  List<Stmt> body; List<ExceptHandler> handlers; List<Stmt> orelse; List<Stmt> finalbody;
};
struct Assert : Stmt { MINIPY_AST_NODE(Stmt, Assert) Expr* test; Expr* msg; };
struct Import : Stmt { MINIPY_AST_NODE(Stmt, Import) List<Alias> names; };
// module empty for `from . import x`; level counts the leading dots.
struct ImportFrom : Stmt { MINIPY_AST_NODE(Stmt, ImportFrom) Identifier module; List<Alias> names; int level; };
struct Global : Stmt { MINIPY_AST_NODE(Stmt, Global) std::span<const Identifier> names; };
struct Nonlocal : Stmt { MINIPY_AST_NODE(Stmt, Nonlocal) std::span<const Identifier> names; };
struct ExprStmt : Stmt { MINIPY_AST_NODE(Stmt, Expr) Expr* value; };
struct Pass : Stmt { MINIPY_AST_NODE(Stmt, Pass) };
struct Break : Stmt { MINIPY_AST_NODE(Stmt, Break) };
struct Continue : Stmt { MINIPY_AST_NODE(Stmt, Continue) };
// The async forms share their synchronous twin's fields; only the kind differs (code reads them through the
// twin's type after checking the kind).
struct AsyncFunctionDef : FunctionDef { static constexpr StmtKind kKind = StmtKind::AsyncFunctionDef; };
struct AsyncFor : For { static constexpr StmtKind kKind = StmtKind::AsyncFor; };
struct AsyncWith : With { static constexpr StmtKind kKind = StmtKind::AsyncWith; };
// try/except*: the fields of Try.
struct TryStar : Try { static constexpr StmtKind kKind = StmtKind::TryStar; };

// ---- patterns (the `match` statement) -------------------------------------------------------------------------
#define MINIPY_AST_PATTERN_KINDS(X) \
  X(MatchValue) X(MatchSingleton) X(MatchSequence) X(MatchMapping) X(MatchClass) X(MatchStar) X(MatchAs) X(MatchOr)
enum class PatternKind : uint8_t {
#define X(name) name,
  MINIPY_AST_PATTERN_KINDS(X)
#undef X
};
const char* pattern_kind_name(PatternKind k);
struct Pattern {
  PatternKind kind;
  Location loc;
};
struct MatchValue : Pattern { Expr* value; };
struct MatchSingleton : Pattern { const Const* value; };  // None, True or False
struct MatchSequence : Pattern { List<Pattern> patterns; };
// rest is empty when there is no `**rest`.
struct MatchMapping : Pattern { List<Expr> keys; List<Pattern> patterns; Identifier rest; };
struct MatchClass : Pattern {
  Expr* cls; List<Pattern> patterns; std::span<const Identifier> kwd_attrs; List<Pattern> kwd_patterns;
};
struct MatchStar : Pattern { Identifier name; };           // name empty for `*_`
struct MatchAs : Pattern { Pattern* pattern; Identifier name; };  // pattern null: capture; name empty: `_`
struct MatchOr : Pattern { List<Pattern> patterns; };
struct MatchCase {
  Pattern* pattern;
  Expr* guard = nullptr;
  List<Stmt> body;
};
struct Match : Stmt { MINIPY_AST_NODE(Stmt, Match) Expr* subject; List<MatchCase> cases; };
#undef MINIPY_AST_NODE

// ---- roots ----------------------------------------------------------------------------------------------------
enum class ParseMode : uint8_t { Exec, Eval, Single };  // compile()'s 'exec', 'eval', 'single'
struct Module {
  ParseMode mode = ParseMode::Exec;
  List<Stmt> body;        // Exec and Single
  Expr* expression = nullptr;  // Eval
};

// Owns every node of one parse. Allocation is a pointer bump; nothing is freed before the arena.
class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  template <class T, class... Args>
  T* make(Args&&... args) {
    static_assert(std::is_trivially_destructible_v<T>);
    return new (allocate(sizeof(T), alignof(T))) T{std::forward<Args>(args)...};
  }
  template <class T>
  std::span<T* const> list(const std::vector<T*>& items) {
    if (items.empty()) return {};
    auto* p = static_cast<T**>(allocate(sizeof(T*) * items.size(), alignof(T*)));
    std::copy(items.begin(), items.end(), p);
    return {p, items.size()};
  }
  template <class T>
  std::span<const T> array(const std::vector<T>& items) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (items.empty()) return {};
    auto* p = static_cast<T*>(allocate(sizeof(T) * items.size(), alignof(T)));
    std::copy(items.begin(), items.end(), p);
    return {p, items.size()};
  }
  std::string_view copy(std::string_view s);
  // A copy followed by a NUL byte the view leaves out (the lexer reads up to it).
  std::string_view copy_terminated(std::string_view s);
  // Keeps `c` alive as long as the arena and returns a pointer for a Constant node.
  const Const* keep(ConstRef c) {
    constants_.push_back(std::move(c));
    return constants_.back().get();
  }
  // `align` is a power of two. Inline: every node, list and identifier of a parse comes through here.
  void* allocate(size_t size, size_t align) {
    size_t pad = -reinterpret_cast<uintptr_t>(cursor_) & (align - 1);
    if (pad + size > remaining_) return allocate_in_new_block(size, align);
    char* p = cursor_ + pad;
    cursor_ = p + size;
    remaining_ -= pad + size;
    used_ += size;
    return p;
  }
  size_t bytes_used() const { return used_; }

 private:
  void* allocate_in_new_block(size_t size, size_t align);

  std::vector<std::unique_ptr<char[]>> blocks_;
  char* cursor_ = nullptr;
  size_t remaining_ = 0;
  size_t used_ = 0;
  std::vector<ConstRef> constants_;
};

}  // namespace minipy::ast
