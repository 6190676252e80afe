// Type comments for ast.parse(..., type_comments=True) (CPython's PyCF_TYPE_COMMENTS): `# type: int` after an
// assignment, a `for` or `with` header, a `def` header (or alone on the line after it), a parameter, and
// `# type: ignore[...]` anywhere (Module.type_ignores).
// CPython's tokenizer turns such comments into TYPE_COMMENT / TYPE_IGNORE tokens and its grammar accepts them
// in those places only. minipy's parser never sees them: this pass runs after a successful parse, finds the
// comments between the tokens, and attaches each to the node whose grammar rule would have taken it, judging
// by the tokens around it; a type comment no rule takes is the SyntaxError CPython raises there.
// Also here: the 'func_type' parse mode (the signature comments' own grammar).
#include <algorithm>
#include <cctype>

#include "compiler/lexer.h"
#include "compiler/parse.h"
#include "vm/cli/run.h"
#include "stdlib/native/_ast.h"

namespace minipy::pyast {

namespace {

using namespace ast;

struct Comment {
  uint32_t begin;            // byte offset of '#'
  int line, col, end_col;    // col: where the comment's text starts (after "# type: "); end_col: line end
  std::string_view text;     // after the prefix, to the end of the line
  bool alone;                // nothing but blanks before it on its line
  const Token* prev;         // the last real token before it (no NEWLINE/INDENT/DEDENT), or null
  const Token* next;         // the first token from it on (the NEWLINE a line-ending comment starts, ...)
};

bool is_layout(TokenKind k) { return k == TokenKind::Newline || k == TokenKind::Indent || k == TokenKind::Dedent; }

// After "#": CPython's prefix "# type: " where each ' ' matches any run of blanks (none included).
bool match_prefix(std::string_view comment, size_t* text_start) {
  static constexpr std::string_view kPrefix = "# type: ";
  size_t p = 0;
  for (char want : kPrefix) {
    if (want == ' ') {
      while (p < comment.size() && (comment[p] == ' ' || comment[p] == '\t')) p++;
    } else if (p < comment.size() && comment[p] == want) {
      p++;
    } else {
      return false;
    }
  }
  *text_start = p;
  return true;
}

// 0-based byte column -> 1-based character offset, as SyntaxError.offset counts.
int char_offset(std::string_view line, int byte_col) {
  int chars = 0;
  for (int i = 0; i < byte_col && i < static_cast<int>(line.size()); i++)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) chars++;
  return chars + 1;
}

bool before(int line1, int col1, int line2, int col2) { return line1 < line2 || (line1 == line2 && col1 < col2); }

class Attacher {
 public:
  Attacher(std::string_view source, std::string_view filename, TypeComments& out)
      : source_(source), filename_(filename), out_(out) {}

  // Collects the comments of the token stream, then gives each type comment its node; false with *error set.
  bool run(const Module& m, const std::vector<Token>& tokens, SyntaxError* error) {
    collect(tokens);
    for (const Stmt* s : m.body) index(s);
    for (const Comment& c : comments_)
      if (!attach(c, error)) return false;
    return true;
  }

 private:
  void collect(const std::vector<Token>& tokens) {
    uint32_t pos = 0;
    const Token* prev = nullptr;
    for (const Token& t : tokens) {
      // The gap before the token, and a NEWLINE token that starts at the comment ending its line.
      uint32_t gap_end = t.begin;
      if (t.kind == TokenKind::Newline && t.begin < source_.size() && source_[t.begin] == '#') gap_end = t.begin + 1;
      for (uint32_t i = pos; i < gap_end && i < source_.size(); i++) {
        if (source_[i] != '#') continue;
        size_t end = source_.find_first_of("\r\n", i);
        if (end == std::string_view::npos) end = source_.size();
        add(i, static_cast<uint32_t>(end), prev, &t);
        i = static_cast<uint32_t>(end);
      }
      pos = std::max(pos, t.end);
      if (!is_layout(t.kind)) prev = &t;
    }
  }

  void add(uint32_t begin, uint32_t end, const Token* prev, const Token* next) {
    size_t line_start = source_.rfind('\n', begin == 0 ? 0 : begin - 1);
    line_start = line_start == std::string_view::npos || begin == 0 ? 0 : line_start + 1;
    std::string_view whole = source_.substr(begin, end - begin);
    size_t text_start;
    if (!match_prefix(whole, &text_start)) return;
    int line = 1 + static_cast<int>(std::count(source_.begin(), source_.begin() + begin, '\n'));
    std::string_view text = whole.substr(text_start);
    // "ignore", then nothing or anything but an ASCII letter or digit: a TYPE_IGNORE with the rest as its tag.
    if (text.substr(0, 6) == "ignore" &&
        (text.size() == 6 || (static_cast<unsigned char>(text[6]) < 0x80 && !std::isalnum(static_cast<unsigned char>(text[6]))))) {
      out_.ignores.emplace_back(line, std::string(text.substr(6)));
      return;
    }
    // Alone on its line, as CPython's "blank line": not after a backslash that continues the line before.
    bool continued = line_start >= 2 && source_[line_start - 2] == '\\';
    if (line_start >= 3 && source_[line_start - 2] == '\r') continued = source_[line_start - 3] == '\\';
    bool alone = !continued && source_.find_first_not_of(" \t\f", line_start) == begin;
    auto col = static_cast<int>(begin - line_start + text_start);
    comments_.push_back(Comment{begin, line, col, static_cast<int>(end - line_start), text, alone, prev, next});
  }

  // Every statement that can take a type comment, and every compound statement (a comment after its header's
  // colon belongs to the innermost one).
  void index(const Stmt* s) {
    switch (s->kind) {
      case StmtKind::Assign: assigns_.push_back(static_cast<const Assign*>(s)); return;
      case StmtKind::FunctionDef:
      case StmtKind::AsyncFunctionDef: compound(s, static_cast<const FunctionDef*>(s)->body); return;
      case StmtKind::ClassDef: compound(s, static_cast<const ClassDef*>(s)->body); return;
      case StmtKind::For:
      case StmtKind::AsyncFor: compound(s, static_cast<const For*>(s)->body, static_cast<const For*>(s)->orelse); return;
      case StmtKind::While: compound(s, static_cast<const While*>(s)->body, static_cast<const While*>(s)->orelse); return;
      case StmtKind::If: compound(s, static_cast<const If*>(s)->body, static_cast<const If*>(s)->orelse); return;
      case StmtKind::With:
      case StmtKind::AsyncWith: compound(s, static_cast<const With*>(s)->body); return;
      case StmtKind::Try:
      case StmtKind::TryStar: {
        auto* t = static_cast<const Try*>(s);
        for (List<Stmt> part : {t->body, t->orelse, t->finalbody})
          for (const Stmt* x : part) index(x);
        for (const ExceptHandler* h : t->handlers)
          for (const Stmt* x : h->body) index(x);
        return;
      }
      case StmtKind::Match:
        for (const MatchCase* c : static_cast<const Match*>(s)->cases)
          for (const Stmt* x : c->body) index(x);
        return;
      default: return;
    }
  }
  void compound(const Stmt* s, List<Stmt> body, List<Stmt> orelse = {}) {
    compounds_.push_back(s);
    for (const Stmt* x : body) index(x);
    for (const Stmt* x : orelse) index(x);
  }

  static List<Stmt> body_of(const Stmt* s) {
    switch (s->kind) {
      case StmtKind::FunctionDef:
      case StmtKind::AsyncFunctionDef: return static_cast<const FunctionDef*>(s)->body;
      case StmtKind::ClassDef: return static_cast<const ClassDef*>(s)->body;
      case StmtKind::For:
      case StmtKind::AsyncFor: return static_cast<const For*>(s)->body;
      case StmtKind::While: return static_cast<const While*>(s)->body;
      case StmtKind::If: return static_cast<const If*>(s)->body;
      default: return static_cast<const With*>(s)->body;
    }
  }

  // The innermost compound statement whose header holds the comment (it starts before it, its body after).
  const Stmt* header_of(const Comment& c) const {
    const Stmt* best = nullptr;
    for (const Stmt* s : compounds_) {
      List<Stmt> body = body_of(s);
      if (body.empty() || !before(s->loc.lineno, s->loc.col_offset, c.line, c.col)) continue;
      if (!before(c.line, c.col, body[0]->loc.lineno, body[0]->loc.col_offset)) continue;
      if (!best || before(best->loc.lineno, best->loc.col_offset, s->loc.lineno, s->loc.col_offset)) best = s;
    }
    return best;
  }

  bool attach(const Comment& c, SyntaxError* error) {
    TokenKind prev = c.prev ? c.prev->kind : TokenKind::EndMarker;
    TokenKind next = c.next ? c.next->kind : TokenKind::EndMarker;
    const Stmt* header = header_of(c);
    bool is_def = header && (header->kind == StmtKind::FunctionDef || header->kind == StmtKind::AsyncFunctionDef);
    if (header && prev == TokenKind::Colon && (next == TokenKind::Newline || next == TokenKind::Indent)) {
      // After the header's colon: on its line (for, with, def), or alone on the next line (def only).
      bool header_colon = next == TokenKind::Newline ? !c.alone : c.alone;
      if (header_colon && (is_def || (!c.alone && takes_header_comment(header, *c.prev)))) {
        if (is_def && out_.of_node.count(header)) {
          const Stmt* first = body_of(header)[0];
          // CPython reports it one column before the body's first statement.
          fail(error, "Cannot have two type comments on def", first->loc.lineno, first->loc.col_offset - 1, 1);
          error->end_offset = -1;
          return false;
        }
        out_.of_node[header] = std::string(c.text);
        return true;
      }
      if (header_colon && c.alone) return indented_block_error(c, header, error);
    }
    // After a parameter's ',' (not the ',' after a bare '/' or '*'), or before the ')' closing the list.
    bool after_marker = false;
    if (prev == TokenKind::Comma && c.prev->begin > 0) {
      size_t before_comma = source_.find_last_not_of(" \t\\\r\n", c.prev->begin - 1);
      after_marker = before_comma != std::string_view::npos && (source_[before_comma] == '/' || source_[before_comma] == '*');
    }
    if (is_def && !after_marker && (prev == TokenKind::Comma || next == TokenKind::RPar))
      if (const Arg* a = arg_before(static_cast<const FunctionDef*>(header), c)) {
        out_.of_node[a] = std::string(c.text);
        return true;
      }
    if (!c.alone && next == TokenKind::Newline && c.prev)
      for (const Assign* a : assigns_)
        if (a->loc.end_lineno == c.prev->end_line && a->loc.end_col_offset == c.prev->end_col) {
          out_.of_node[a] = std::string(c.text);
          out_.end_of[a] = {c.line, c.end_col};
          return true;
        }
    return fail(error, "invalid syntax", c.line, c.col, static_cast<int>(c.text.size()));
  }

  // for and with take a comment after the colon; the parenthesized form `with (a as b):` does not (its items
  // are in brackets that close just before the colon; `with (a):` is an expression in brackets, and passes).
  bool takes_header_comment(const Stmt* s, const Token& colon) {
    if (s->kind == StmtKind::For || s->kind == StmtKind::AsyncFor) return true;
    if (s->kind != StmtKind::With && s->kind != StmtKind::AsyncWith) return false;
    auto* w = static_cast<const With*>(s);
    if (w->items.empty() || colon.begin == 0) return true;
    const WithItem* last = w->items[w->items.size() - 1];
    const Location& end = (last->optional_vars ? last->optional_vars : last->context_expr)->loc;
    size_t close = source_.find_last_not_of(" \t\\\r\n", colon.begin - 1);
    bool parenthesized = close != std::string_view::npos && source_[close] == ')' &&
                         offset_of(Location{end.end_lineno, end.end_col_offset, 0, 0}) <= close;
    if (!parenthesized) return true;
    for (const WithItem* item : w->items)
      if (item->optional_vars) return false;
    // Then the parentheses hold an expression: a tuple when there are several items or a trailing comma.
    size_t open = source_.find_last_not_of(" \t\\\r\n", offset_of(w->items[0]->context_expr->loc) - 1);
    size_t before_close = source_.find_last_not_of(" \t\\\r\n", close - 1);
    if (open == std::string_view::npos || source_[open] != '(') return true;
    if (w->items.size() > 1 || source_[before_close] == ',') {
      Location at = location_of(open);
      Location end = location_of(close + 1);
      out_.items_as_tuple[s] = Location{at.lineno, at.col_offset, end.lineno, end.col_offset};
    }
    return true;
  }

  // The (line, byte column) of byte `offset` of the source.
  Location location_of(size_t offset) {
    offset_of(Location{1, 0, 0, 0});  // counts the lines
    auto line = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - line_starts_.begin();
    return Location{static_cast<int32_t>(line), static_cast<int32_t>(offset - line_starts_[static_cast<size_t>(line - 1)]), 0, 0};
  }

  // The byte offset of a position (the lines are counted once, lazily).
  size_t offset_of(const Location& loc) {
    if (line_starts_.empty()) {
      line_starts_.push_back(0);
      for (size_t i = 0; i < source_.size(); i++)
        if (source_[i] == '\n') line_starts_.push_back(i + 1);
    }
    return line_starts_[static_cast<size_t>(loc.lineno - 1)] + static_cast<size_t>(loc.col_offset);
  }

  // The parameter a comment after its ',' (or before the closing ')') belongs to: the last one starting before
  // the comment.
  static const Arg* arg_before(const FunctionDef* f, const Comment& c) {
    const Arg* best = nullptr;
    auto consider = [&](const Arg* a) {
      if (a && before(a->loc.lineno, a->loc.col_offset, c.line, c.col) &&
          (!best || before(best->loc.lineno, best->loc.col_offset, a->loc.lineno, a->loc.col_offset)))
        best = a;
    };
    for (const Arg* a : f->args->posonlyargs) consider(a);
    for (const Arg* a : f->args->args) consider(a);
    consider(f->args->vararg);
    for (const Arg* a : f->args->kwonlyargs) consider(a);
    consider(f->args->kwarg);
    return best;
  }

  bool indented_block_error(const Comment& c, const Stmt* header, SyntaxError* error) {
    const char* what = nullptr;
    switch (header->kind) {
      case StmtKind::For: what = "'for' statement"; break;
      case StmtKind::AsyncFor: what = "'async for' statement"; break;
      case StmtKind::With: what = "'with' statement"; break;
      case StmtKind::AsyncWith: what = "'async with' statement"; break;
      case StmtKind::While: what = "'while' statement"; break;
      case StmtKind::If: what = "'if' statement"; break;
      case StmtKind::ClassDef: what = "class definition"; break;
      default: return fail(error, "invalid syntax", c.line, c.col, static_cast<int>(c.text.size()));
    }
    return fail(error, std::string("expected an indented block after ") + what + " on line " +
                           std::to_string(header->loc.lineno),
                c.line, c.col, static_cast<int>(c.text.size()));
  }

  // A SyntaxError at byte column `col` of `line`, `width` bytes wide.
  bool fail(SyntaxError* error, std::string message, int line, int col, int width) {
    size_t start = offset_of(Location{line, 0, line, 0});
    size_t end = source_.find('\n', start);
    std::string_view text = source_.substr(start, end == std::string_view::npos ? std::string_view::npos : end + 1 - start);
    error->message = std::move(message);
    error->filename = std::string(filename_);
    error->lineno = error->end_lineno = line;
    error->offset = char_offset(text, col);
    error->end_offset = char_offset(text, col + width);
    error->text = std::string(text);
    if (error->text.empty() || error->text.back() != '\n') error->text += '\n';
    return false;
  }

  std::string_view source_, filename_;
  TypeComments& out_;
  std::vector<Comment> comments_;
  std::vector<const Assign*> assigns_;
  std::vector<const Stmt*> compounds_;
  std::vector<size_t> line_starts_;
};

}  // namespace

bool collect_type_comments(std::string_view source, std::string_view filename, const ast::Module& module,
                           TypeComments* out, SyntaxError* error) {
  std::string text(source);  // tokenize() wants a NUL after the source
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  TokenizeResult tokens = tokenize(text);
  if (tokens.error) return true;  // the parse succeeded, so the source tokenized; nothing to attach otherwise
  return Attacher(text, filename, *out).run(module, tokens.tokens, error);
}

}  // namespace minipy::pyast

// ---- ast.parse(source, mode='func_type') --------------------------------------------------------------------
// A signature type comment, "(int, *str) -> bool": CPython's func_type rule, '(' [type_expressions] ')' '->'
// expression. minipy's grammar has no such start symbol, so the tokens find the pieces (the argument types
// between top-level commas, a leading '*' or '**' dropped, and the return type) and each piece is parsed as an
// expression in brackets at its own line and column, which keeps CPython's positions.
namespace minipy::pyast {

namespace {

bool is_open(TokenKind k) { return k == TokenKind::LPar || k == TokenKind::LSqb || k == TokenKind::LBrace; }
bool is_close(TokenKind k) { return k == TokenKind::RPar || k == TokenKind::RSqb || k == TokenKind::RBrace; }

class FuncTypeParser {
 public:
  FuncTypeParser(std::string_view text, std::string_view filename, ast::Arena& arena)
      : text_(text), filename_(filename), arena_(arena) {}

  // The argument types and the return type; false with `error` set.
  bool run(const std::vector<Token>& tokens, std::vector<const ast::Expr*>* argtypes, const ast::Expr** returns,
           SyntaxError* error) {
    size_t n = tokens.size();
    while (n > 0 && (is_layout(tokens[n - 1].kind) || tokens[n - 1].kind == TokenKind::EndMarker)) n--;
    if (n == 0 || tokens[0].kind != TokenKind::LPar) return invalid(tokens[0], error);
    size_t i = 1, piece = 1;
    int depth = 0;
    for (; i < n; i++) {
      TokenKind k = tokens[i].kind;
      if (is_open(k)) depth++;
      if (is_close(k) && depth-- == 0) break;
      if (depth == 0 && k == TokenKind::Comma) {
        if (!argument(tokens, piece, i, argtypes, error)) return false;
        piece = i + 1;
      }
    }
    if (i >= n) return invalid(tokens[std::min(i, tokens.size() - 1)], error);
    if (piece > 1 && piece == i) return invalid(tokens[i], error);  // "(int,)": nothing after the last comma
    if (piece < i && !argument(tokens, piece, i, argtypes, error)) return false;
    if (i + 1 >= n || tokens[i + 1].kind != TokenKind::RArrow) return invalid(tokens[std::min(i + 1, tokens.size() - 1)], error);
    if (i + 2 >= n) return invalid(tokens[n], error);
    *returns = expression(tokens[i + 2], tokens[n - 1], error);
    return *returns != nullptr;
  }

 private:
  bool argument(const std::vector<Token>& tokens, size_t first, size_t end, std::vector<const ast::Expr*>* out,
                SyntaxError* error) {
    if (first >= end) return invalid(tokens[end], error);  // "(int,)": an empty type
    // type_expressions: plain types, then at most one `*t`, then at most one `**t`, in that order.
    int rank = tokens[first].kind == TokenKind::Star ? 1 : tokens[first].kind == TokenKind::DoubleStar ? 2 : 0;
    if (rank < star_rank_ || (rank == star_rank_ && rank > 0)) return invalid(tokens[first], error);
    star_rank_ = std::max(star_rank_, rank);
    if (rank > 0) first++;
    if (first >= end) return invalid(tokens[end], error);
    const ast::Expr* e = expression(tokens[first], tokens[end - 1], error);
    if (!e) return false;
    out->push_back(e);
    return true;
  }

  // The tokens from `first` to `last` as one expression, parsed at their own position.
  const ast::Expr* expression(const Token& first, const Token& last, SyntaxError* error) {
    std::string source(static_cast<size_t>(first.line - 1), '\n');
    source += '(';
    source.append(static_cast<size_t>(std::max(first.col - 1, 0)), ' ');
    source.append(text_.substr(first.begin, last.end - first.begin));
    source += ')';
    ParseResult parsed = parse(source, filename_, ast::ParseMode::Eval, arena_);
    if (!parsed.module) {
      *error = parsed.error ? *parsed.error : SyntaxError{};
      return nullptr;
    }
    return parsed.module->expression;
  }

  bool invalid(const Token& at, SyntaxError* error) {
    size_t start = text_.rfind('\n', at.begin == 0 ? 0 : at.begin - 1);
    start = start == std::string_view::npos || at.begin == 0 ? 0 : start + 1;
    size_t end = text_.find('\n', start);
    std::string_view line = text_.substr(start, end == std::string_view::npos ? std::string_view::npos : end + 1 - start);
    error->message = "invalid syntax";
    error->filename = std::string(filename_);
    error->lineno = error->end_lineno = at.line;
    error->offset = char_offset(line, at.col);
    error->end_offset = char_offset(line, at.end_line == at.line ? at.end_col : at.col + 1);
    error->text = std::string(line);
    return false;
  }

  std::string_view text_, filename_;
  ast::Arena& arena_;
  int star_rank_ = 0;  // 1 after a `*t` argument type, 2 after `**t`
};

}  // namespace

Value parse_func_type(ThreadState& ts, std::string_view source, std::string_view filename) {
  if (!ensure_classes(ts)) return Value();
  std::string text(source);
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  ast::Arena arena;
  // Tokenizer errors and a leading indent are reported as an 'exec' parse reports them.
  TokenizeResult tokens = tokenize(text);
  if (tokens.error || (!tokens.tokens.empty() && tokens.tokens[0].kind == TokenKind::Indent)) {
    ParseResult parsed = parse(text, filename, ast::ParseMode::Exec, arena);
    return raise_syntax_error(ts, parsed.error ? *parsed.error : SyntaxError{});
  }
  std::vector<const ast::Expr*> argtypes;
  const ast::Expr* returns = nullptr;
  SyntaxError error;
  if (!FuncTypeParser(text, filename, arena).run(tokens.tokens, &argtypes, &returns, &error))
    return raise_syntax_error(ts, error);
  return func_type_to_python(ts, argtypes, returns);
}

}  // namespace minipy::pyast
