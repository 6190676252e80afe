// Stage 4: AST -> symbol table. Entry point: build_symtable().
//   in:  an (optimised) ast::Module and the file name for error messages.
//   out: one Scope per module / function / lambda / class / comprehension body, keyed by its AST node, saying
//        for every name whether it is local, global (declared or implicit), free or a cell — CPython 3.11's
//        symtable.c rules, including class scopes that are invisible to nested functions, the implicit
//        __class__ cell that super() needs, private name mangling and walrus targets in comprehensions.
// Codegen asks a Scope how to load and store each name and which names are cells and free variables.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compiler/ast.h"
#include "compiler/syntax_error.h"

namespace minipy {

// Where a name lives after analysis (CPython's LOCAL / GLOBAL_EXPLICIT / GLOBAL_IMPLICIT / FREE / CELL).
enum class NameScope : uint8_t { Unknown, Local, GlobalExplicit, GlobalImplicit, Free, Cell };

// Binding facts collected while walking the tree (CPython's DEF_* flags).
enum SymbolFlag : int {
  kDefGlobal = 1,       // `global` statement
  kDefLocal = 2,        // assigned in this block
  kDefParam = 4,        // a parameter
  kDefNonlocal = 8,     // `nonlocal` statement
  kUse = 16,            // read in this block
  kDefFree = 32,        // free in this block (unused by the analysis, kept for parity)
  kDefFreeClass = 64,   // free in a nested function and also bound in this class
  kDefImport = 128,     // bound by an import
  kDefAnnot = 256,      // annotated
  kDefCompIter = 512,   // a comprehension's iteration variable
  kDefBound = kDefLocal | kDefParam | kDefImport,
};

// co_flags bits of `from __future__ import ...` features that change compilation (the others are no-ops in 3.11).
inline constexpr int CO_FUTURE_BARRY_AS_BDFL = 0x400000;
inline constexpr int CO_FUTURE_ANNOTATIONS = 0x1000000;

enum class BlockKind : uint8_t { Module, Function, Class };
enum class ComprehensionKind : uint8_t { None, List, Set, Dict, Generator };

// A map keyed by names that is searched with a std::string_view, building no temporary std::string per lookup
// (codegen looks a name up several times per reference). The hash is std::hash's own, so the maps iterate in
// the same order as with std::hash<std::string> (the symbol table's analysis walks them in that order).
struct NameHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
template <class V>
using NameMap = std::unordered_map<std::string, V, NameHash, std::equal_to<>>;

struct Symbol {
  int flags = 0;
  NameScope scope = NameScope::Unknown;
};

struct Scope {
  BlockKind kind = BlockKind::Module;
  std::string name;                 // function/class name, "lambda", "listcomp", ..., "top"
  const void* node = nullptr;       // the AST node that opened the block
  ast::Location loc;                // where the block starts (for directive-less errors)
  NameMap<Symbol> symbols;                          // keys are mangled names
  std::vector<std::string> varnames;                // parameters in definition order
  std::vector<Scope*> children;
  Scope* parent = nullptr;
  ComprehensionKind comprehension = ComprehensionKind::None;
  bool nested = false;              // inside a function (CO_NESTED)
  bool generator = false;           // contains yield
  bool coroutine = false;
  bool varargs = false, varkeywords = false;
  bool has_free = false;            // some name here is free
  bool child_free = false;          // some child block has free names
  bool needs_class_closure = false; // class body whose methods use __class__ / super()
  bool is_annotation = false;       // a string annotation, walked only to reject yield / await / walrus
  // Scratch state while walking.
  int comp_iter_expr = 0;
  bool comp_iter_target = false;

  NameScope scope_of(std::string_view mangled) const;
  int flags_of(std::string_view mangled) const;
};

class SymbolTable {
 public:
  // The scope that `node` (an ast::Module, FunctionDef, ClassDef, Lambda or comprehension expression) opened.
  const Scope* lookup(const void* node) const;
  const Scope* top() const { return top_; }

 private:
  friend class SymtableBuilder;
  std::vector<std::unique_ptr<Scope>> scopes_;
  std::unordered_map<const void*, Scope*> by_node_;
  Scope* top_ = nullptr;
};

struct SymtableResult {
  std::unique_ptr<SymbolTable> table;  // set on success
  std::optional<SyntaxError> error;    // set on failure
};

// Builds and analyses the symbol table of `module`; `filename` goes into error messages; `future_flags` are the
// CO_FUTURE_* bits (annotations under `from __future__ import annotations` are never evaluated, so they bind
// and use nothing).
SymtableResult build_symtable(const ast::Module& module, std::string_view filename, int future_flags = 0);

// A SyntaxError at `loc` the way symtable.c and compile.c report one: 1-based UTF-8 byte columns, no text.
SyntaxError make_syntax_error(std::string message, std::string_view filename, const ast::Location& loc);

// Private name mangling (`__x` inside class `C` becomes `_C__x`); `class_name` is empty outside classes.
std::string mangle(std::string_view class_name, std::string_view name);
// The same without building a string when nothing is mangled (most names): `name` itself, or the mangled form
// written into `storage`, which must outlive the result.
std::string_view mangle(std::string_view class_name, std::string_view name, std::string& storage);

}  // namespace minipy
