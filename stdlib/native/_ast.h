// The `_ast` module's shared pieces: the node classes (one per row of _ast_nodes.def) and the two converters
// between minipy's C++ tree (compiler/ast.h) and Python node objects. compile() (vm/interp/runtime_compiler.cpp)
// uses the entry points at the bottom for PyCF_ONLY_AST and for compiling a tree built in Python.
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "compiler/syntax_error.h"

#include "compiler/ast.h"
#include "compiler/parse.h"
#include "vm/runtime.h"

namespace minipy::pyast {

// Every class of CPython 3.11's `_ast` except AST itself, in the table's order, as kNAME (`operator` is a C++ keyword).
enum class NodeClass : uint16_t {
#define AST_SUM(name, attributes) k##name,
#define AST_CONSTRUCTOR(name, sum, fields) k##name,
#define AST_PRODUCT(name, fields, attributes) k##name,
#include "stdlib/native/_ast_nodes.def"
  kCount
};
constexpr size_t kNodeClassCount = static_cast<size_t>(NodeClass::kCount);

// What an ASDL field holds: a node of some class, or one of the four builtin types.
enum class FieldType : uint8_t { Node, Identifier, String, Int, Constant };
enum class Quantifier : uint8_t { One, List, Optional };  // `T`, `T*`, `T?`

struct FieldInfo {
  StrObject* name;      // interned
  FieldType type;
  NodeClass node_class;  // when type == Node
  Quantifier quantifier;
};

// One class: its table row, parsed, and the Python objects made from it.
struct ClassInfo {
  const char* name;
  bool is_sum;         // abstract base (mod, stmt, expr, ...)
  NodeClass base;      // the sum a constructor derives from; kCount for sums and products (they derive from AST)
  std::vector<FieldInfo> fields, attributes;
  Value cls;           // the class object
  Value singleton;     // for field-less constructors of a sum without attributes (Load, Add, ...): the shared
                       // instance the parser's trees use, as CPython's ast2obj does
};

// Makes the classes once per process (they are collector roots); false with an exception pending on failure.
[[nodiscard]] bool ensure_classes(ThreadState& ts);
const ClassInfo& class_info(NodeClass c);
Value ast_base_class();  // `AST`; null before ensure_classes
// Whether `v` is an instance of `c` (through isinstance, so Python subclasses count); -1 on error.
int is_node(ThreadState& ts, Value v, NodeClass c);

// The type comments of one parse (ast.parse(..., type_comments=True)): the text for each Assign, For, With,
// FunctionDef (and async variant) or Arg node that has one, the end an Assign gets when its comment is part of
// it, and the `# type: ignore` comments as (line, tag).
struct TypeComments {
  std::unordered_map<const void*, std::string> of_node;
  std::unordered_map<const void*, std::pair<int32_t, int32_t>> end_of;  // (end_lineno, end_col_offset)
  std::vector<std::pair<int32_t, std::string>> ignores;
  // `with (a, b):  # type: int`: CPython's grammar has no type comment after the parenthesized item list, so it
  // reads `(a, b)` as one tuple expression. The With (or AsyncWith) nodes that become one item whose
  // context_expr is a Tuple of their items' expressions, at this location (the parentheses').
  std::unordered_map<const void*, ast::Location> items_as_tuple;
};
// Finds the type comments of `source`, which parsed as `module`; false with `error` set when one is where no
// grammar rule takes it (CPython's SyntaxError). _ast_type_comments.cpp.
[[nodiscard]] bool collect_type_comments(std::string_view source, std::string_view filename,
                                         const ast::Module& module, TypeComments* out, SyntaxError* error);

// C++ tree -> Python: a Module/Expression/Interactive node with CPython's positions; null on error. With
// `type_comments`, the nodes' type_comment fields and Module.type_ignores come from it.
[[nodiscard]] Value module_to_python(ThreadState& ts, const ast::Module& module,
                                     const TypeComments* type_comments = nullptr);
// Python -> C++ tree in `arena` for compile(), checked as CPython's obj2ast and validator check it ("required
// field ... missing from ...", "expected some sort of expr, but got ..."); `mode` is compile()'s. Null on error.
[[nodiscard]] ast::Module* module_from_python(ThreadState& ts, Value tree, ast::ParseMode mode, ast::Arena& arena);

// compile(source, filename, mode, PyCF_ONLY_AST): parses `source` and returns the Python tree, or raises the
// SyntaxError. `feature_version` is compile()'s _feature_version (ast.parse's feature_version=(3, N)): the minor
// version whose grammar to accept (compiler/feature_versions.def); `text`: the source was a str, whose coding
// line is ignored.
[[nodiscard]] Value parse_to_python(ThreadState& ts, std::string_view source, std::string_view filename,
                                    ast::ParseMode mode, bool type_comments = false,
                                    int feature_version = kLatestFeatureVersion, bool text = false);
// compile(source, filename, 'func_type', PyCF_ONLY_AST): a FunctionType node ("(int, str) -> bool"), or raises
// the SyntaxError. _ast_type_comments.cpp.
[[nodiscard]] Value parse_func_type(ThreadState& ts, std::string_view source, std::string_view filename);
// FunctionType(argtypes, returns) from parsed expressions (_ast_to_python.cpp).
[[nodiscard]] Value func_type_to_python(ThreadState& ts, const std::vector<const ast::Expr*>& argtypes,
                                        const ast::Expr* returns);
// Whether `v` is an AST object (false when _ast was never imported: no such object can exist then).
bool is_ast_object(ThreadState& ts, Value v);

}  // namespace minipy::pyast
