// The marker line under a traceback's source line, by CPython 3.11's rules (Python/traceback.c): `^` under the
// failing expression; for a binary operation or a subscript on one line, `~` under the operands and `^` under
// the operator or the `[...]`, found by parsing the expression's own text; a multi-line expression is marked to
// the end of its first line; no markers at all when plain `^` would cover the whole line.
#include "vm/errors/traceback_carets.h"

#include "compiler/ast_optimize.h"
#include "compiler/parse.h"

namespace minipy {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r'; }

// Code points in the first `bytes` bytes of UTF-8 text.
size_t columns(std::string_view s, size_t bytes) {
  size_t n = 0;
  for (size_t i = 0; i < bytes && i < s.size(); i++)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) n++;
  return n;
}

struct Anchors {
  size_t left_end, right_start;  // the secondary (^) range is (left_end, right_start], in segment columns
};

// Parses `segment` (the failing expression's text) and finds the operator of a BinOp or the brackets of a
// Subscript. CPython folds constants first, so `1 + 2 + x` anchors on the second `+`.
std::optional<Anchors> find_anchors(std::string_view segment) {
  ast::Arena arena;
  ParseResult parsed = parse(segment, "<traceback>", ast::ParseMode::Exec, arena);
  if (!parsed.module || optimize_ast(*parsed.module, arena, 0)) return std::nullopt;
  if (parsed.module->body.size() != 1) return std::nullopt;
  const auto* statement = parsed.module->body[0]->as<ast::ExprStmt>();
  if (!statement) return std::nullopt;
  const ast::Expr* expr = statement->value;
  if (const auto* binop = expr->as<ast::BinOp>()) {
    // CPython walks bytes as if they were columns here; the segment is usually ASCII around operators.
    auto from = static_cast<size_t>(binop->left->loc.end_col_offset);
    auto to = static_cast<size_t>(binop->right->loc.col_offset);
    for (size_t i = from; i < to && i < segment.size(); i++) {
      if (is_blank(segment[i])) continue;
      size_t end = i + 1;
      if (i + 1 < to && !is_blank(segment[i + 1])) end++;  // a two-character operator such as // or **
      return Anchors{i, end};
    }
    return std::nullopt;
  }
  if (const auto* subscript = expr->as<ast::Subscript>())
    return Anchors{static_cast<size_t>(subscript->value->loc.end_col_offset),
                   static_cast<size_t>(subscript->slice->loc.end_col_offset) + 1};
  return std::nullopt;
}

}  // namespace

std::string caret_line(std::string_view line, int line_number, const SourcePosition& pos) {
  if (pos.lineno != line_number || pos.end_lineno < pos.lineno || pos.col_offset < 0 || pos.end_col_offset < 0)
    return {};
  size_t indent = 0;
  while (indent < line.size() && (line[indent] == ' ' || line[indent] == '\t' || line[indent] == '\f')) indent++;
  size_t text_end = line.size();
  while (text_end > indent && is_blank(line[text_end - 1])) text_end--;
  auto start_byte = static_cast<size_t>(pos.col_offset);
  auto end_byte = static_cast<size_t>(pos.end_col_offset);
  if (start_byte > line.size()) return {};

  size_t start = columns(line, start_byte);
  size_t end;
  std::optional<Anchors> anchors;
  if (pos.end_lineno == pos.lineno) {
    if (end_byte > line.size() || end_byte < start_byte) return {};
    end = columns(line, end_byte);
    if (auto found = find_anchors(line.substr(start_byte, end_byte - start_byte)))
      anchors = Anchors{found->left_end + start, found->right_start + start};
  } else {
    end = columns(line, text_end);  // up to the last non-blank character of the first line
  }
  size_t first = columns(line, indent);
  size_t shown = columns(line, line.size()) - first;  // trailing blanks count, as in CPython
  if (end - start == shown && !anchors) return {};

  // Columns are counted from the start of the stripped line, as CPython's printer does.
  std::string out = "    ";
  for (size_t col = first; col < end; col++) {
    if (col < start) out += ' ';
    else if (anchors && anchors->left_end <= col && col < anchors->right_start) out += '^';
    else out += anchors ? '~' : '^';
  }
  out += '\n';
  return out;
}

}  // namespace minipy
