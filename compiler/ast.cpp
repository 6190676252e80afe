// The AST's out-of-line parts: kind names for diagnostics and the arena every node, list and identifier of one compile
// lives in. Nodes are never freed one by one; the whole arena goes when the compile ends, which is why nodes must be
// trivially destructible.
#include "compiler/ast.h"

#include <cstring>

namespace minipy::ast {

const char* expr_kind_name(ExprKind k) {
  switch (k) {
#define X(name) case ExprKind::name: return #name;
    MINIPY_AST_EXPR_KINDS(X)
#undef X
  }
  return "?";
}

const char* stmt_kind_name(StmtKind k) {
  switch (k) {
#define X(name) case StmtKind::name: return #name;
    MINIPY_AST_STMT_KINDS(X)
#undef X
  }
  return "?";
}

const char* pattern_kind_name(PatternKind k) {
  switch (k) {
#define X(name) case PatternKind::name: return #name;
    MINIPY_AST_PATTERN_KINDS(X)
#undef X
  }
  return "?";
}

void* Arena::allocate_in_new_block(size_t size, size_t align) {
  // Half of what is already used, at least 16 KiB: a big module needs O(log n) blocks, a small one a single block.
  size_t block = std::max<size_t>(size + align, std::max<size_t>(16 * 1024, used_ / 2));
  blocks_.push_back(std::make_unique_for_overwrite<char[]>(block));  // no zeroing: every byte is written before use
  cursor_ = blocks_.back().get();
  remaining_ = block;
  return allocate(size, align);
}

// Identifiers and string pieces are copied out of the source or token buffers, because the tree outlives them (the
// f-string sub-parser's buffer in particular is gone after each field).
std::string_view Arena::copy(std::string_view s) {
  if (s.empty()) return {};
  char* p = static_cast<char*>(allocate(s.size(), 1));
  std::memcpy(p, s.data(), s.size());
  return {p, s.size()};
}

std::string_view Arena::copy_terminated(std::string_view s) {
  char* p = static_cast<char*>(allocate(s.size() + 1, 1));
  std::memcpy(p, s.data(), s.size());
  p[s.size()] = '\0';
  return {p, s.size()};
}

}  // namespace minipy::ast
