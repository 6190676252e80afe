// The token feed for the Bison parser: maps lexer tokens to grammar tokens and makes the decisions an LALR(1)
// grammar cannot make from one token of lookahead (parenthesized with-items, the soft keyword `match`), or that
// CPython's tokenizer and parser make between tokens (missing indented blocks, excluded features).
#include <fmt/format.h>

#include <algorithm>

#include "compiler/parse_context.h"
#include "compiler/parse_unicode.h"
#include "compiler/parser.hpp"

namespace minipy::front {

// A token starts a statement when it follows a line end, an indentation change or a ';' (or is the first token); the
// soft keywords and the block checks below only apply there.
bool starts_statement(const ParseContext& ctx, int idx) {
  if (idx == 0) return true;
  TokenKind prev = ctx.tokens[idx - 1].kind;
  return prev == TokenKind::Newline || prev == TokenKind::Indent || prev == TokenKind::Dedent ||
         prev == TokenKind::Semi;
}

// Index of the NEWLINE ending the logical line that contains token idx.
int end_of_logical_line(const ParseContext& ctx, int idx) {
  int n = static_cast<int>(ctx.tokens.size());
  while (idx < n && ctx.tokens[idx].kind != TokenKind::Newline && ctx.tokens[idx].kind != TokenKind::EndMarker &&
         ctx.tokens[idx].kind != TokenKind::Error)
    ++idx;
  return idx;
}

int matching_close(const ParseContext& ctx, int open) {
  int depth = 0;
  for (int i = open; i < static_cast<int>(ctx.tokens.size()); ++i) {
    TokenKind k = ctx.tokens[i].kind;
    if (k == TokenKind::LPar || k == TokenKind::LSqb || k == TokenKind::LBrace) ++depth;
    if ((k == TokenKind::RPar || k == TokenKind::RSqb || k == TokenKind::RBrace) && --depth == 0) return i;
    if (k == TokenKind::EndMarker || k == TokenKind::Error) break;
  }
  return -1;
}

namespace {

// `match` is a soft keyword: a line `match <subject>:` is a match statement, anything else uses the name.
// CPython's PEG parser tries the match_stmt rule and backtracks; an LALR parser cannot, so the feed decides by looking
// at the logical line: it must end in ':' and `match` must not be followed by a token that only an expression statement
// or assignment could continue with (`match = 1`, `match.x`, `match: int`).
bool is_match_statement(const ParseContext& ctx, int idx) {
  if (!starts_statement(ctx, idx) || ctx.token_text(idx) != "match") return false;
  TokenKind next = ctx.tokens[idx + 1].kind;
  if (next == TokenKind::Colon || next == TokenKind::Equal || next == TokenKind::Dot || next == TokenKind::Newline ||
      next == TokenKind::Comma || next == TokenKind::Semi)
    return false;
  int end = end_of_logical_line(ctx, idx);
  return ctx.tokens[end].kind == TokenKind::Newline && end > idx + 1 && ctx.tokens[end - 1].kind == TokenKind::Colon;
}

// `case` is a soft keyword too: a statement starting with `case` directly inside a match block is a case clause.
bool is_case_clause(const ParseContext& ctx, int idx) {
  if (ctx.match_block_depths.empty() || ctx.match_block_depths.back() != ctx.indent_depth) return false;
  // Only case clauses may stand there, so every statement starting with `case` is one.
  return starts_statement(ctx, idx) && ctx.token_text(idx) == "case";
}

// `with (` opens a parenthesized list of with-items when the matching ')' is followed by ':'.
// 3.9+'s parenthesized with-items (`with (a as b, c as d):`) and a parenthesized expression after `with` share their
// first token; the feed looks ahead to the matching ')' and the ':' after it to tell them apart, as the PEG parser's
// backtracking would.
bool is_with_paren(const ParseContext& ctx, int idx) {
  if (idx == 0 || ctx.tokens[idx - 1].kind != TokenKind::KwWith) return false;
  int depth = 0;
  for (size_t i = static_cast<size_t>(idx); i < ctx.tokens.size(); ++i) {
    TokenKind k = ctx.tokens[i].kind;
    if (k == TokenKind::KwFor && depth == 1) return false;  // `with (x for x in y):` is a generator expression
    if (k == TokenKind::LPar || k == TokenKind::LSqb || k == TokenKind::LBrace) ++depth;
    if (k == TokenKind::RPar || k == TokenKind::RSqb || k == TokenKind::RBrace) {
      if (--depth == 0) return i + 1 < ctx.tokens.size() && ctx.tokens[i + 1].kind == TokenKind::Colon;
    }
    if (k == TokenKind::EndMarker || k == TokenKind::Error) return false;
  }
  return false;
}

const char* block_owner(TokenKind first) {
  switch (first) {
    case TokenKind::KwIf: return "'if' statement";
    case TokenKind::KwElif: return "'elif' statement";
    case TokenKind::KwElse: return "'else' statement";
    case TokenKind::KwWhile: return "'while' statement";
    case TokenKind::KwFor: return "'for' statement";
    case TokenKind::KwTry: return "'try' statement";
    case TokenKind::KwExcept: return "'except' statement";
    case TokenKind::KwFinally: return "'finally' statement";
    case TokenKind::KwWith: return "'with' statement";
    case TokenKind::KwDef: return "function definition";
    case TokenKind::KwClass: return "class definition";
    default: return nullptr;
  }
}

}  // namespace

Span end_of_input_span(const ParseContext& ctx) {
  int line = ctx.tokens.back().line;
  std::string_view text = ctx.line_text(line);
  if (text.empty() && line > 1) text = ctx.line_text(--line);
  int col = static_cast<int>(text.size()) - (text.ends_with('\n') ? 1 : 0);
  return {line, col, line, col};
}

namespace {

// A block header `...:` NEWLINE must be followed by INDENT; CPython names the statement that wanted the block.
// Checked in the feed rather than the grammar because CPython's message names the statement that wanted the block and
// its line, and is an IndentationError, which a generic syntax error from Bison could not produce.
bool check_indented_block(ParseContext& ctx, int idx) {
  if (idx < 2 || ctx.tokens[idx].kind == TokenKind::Indent || ctx.tokens[idx - 1].kind != TokenKind::Newline ||
      ctx.tokens[idx - 2].kind != TokenKind::Colon)
    return true;
  int first = idx - 2;
  while (first > 0 && !starts_statement(ctx, first)) --first;
  // CPython names `async for`/`async with`/`async def` by the keyword after `async`, `except*` and the soft
  // keywords `match` and `case` by their own names.
  TokenKind head = ctx.tokens[first].kind;
  const char* owner = block_owner(head == TokenKind::KwAsync ? ctx.tokens[first + 1].kind : head);
  if (head == TokenKind::KwExcept && ctx.tokens[first + 1].kind == TokenKind::Star) owner = "'except*' statement";
  if (head == TokenKind::Name && ctx.token_text(first) == "match" && is_match_statement(ctx, first))
    owner = "'match' statement";
  if (head == TokenKind::Name && ctx.token_text(first) == "case" && !ctx.match_block_depths.empty())
    owner = "'case' statement";
  if (!owner) return true;
  int target = idx;
  while (ctx.tokens[target].kind == TokenKind::Dedent) ++target;
  if (ctx.tokens[target].kind == TokenKind::Error) return true;  // the tokenizer's error comes first
  Span at = ctx.tokens[target].kind == TokenKind::EndMarker ? end_of_input_span(ctx) : ctx.token_span(target);
  ctx.fail(fmt::format("expected an indented block after {} on line {}", owner, ctx.tokens[first].line), at,
           SyntaxError::Kind::IndentationError);
  // After a dedent CPython's offset is the 0-based column of the next token.
  if (target != idx && ctx.tokens[target].kind != TokenKind::EndMarker) ctx.error->offset -= 1;
  // At the end of the input: just past the last line, newline included, and no end.
  if (ctx.tokens[target].kind == TokenKind::EndMarker) {
    ctx.error->offset = count_chars(ctx.error->text);
    ctx.error->end_offset = -1;
  }
  return false;
}

}  // namespace

// The tokenizer's errors keep their own positions, which differ from the parser's conventions in several cases (raw
// offsets, a line length counted with its newline); the LexError carries those CPython-specific quirks.
void report_lex_error(ParseContext& ctx) {
  const LexError& le = *ctx.lex_error;
  if (!ctx.error) ctx.error_from_lexer = true;
  ctx.fail(le.message, Span{le.line, le.col, le.end_line, le.end_col}, le.kind);
  if (!le.keep_newline && ctx.error->text.ends_with('\n')) ctx.error->text.pop_back();
  if (le.raw_offset) ctx.error->offset = *le.raw_offset;
  if (le.raw_offset_counts_newline) {  // the line's length in characters
    std::string_view line = ctx.line_text(le.line);
    ctx.error->offset = count_chars(line) + (ctx.mode == ast::ParseMode::Exec && !line.ends_with('\n') ? 1 : 0);
  }
  if (le.raw_end_offset) {
    ctx.error->end_offset = *le.raw_end_offset;
    ctx.error->end_offset_zero = *le.raw_end_offset == 0;  // CPython's 0, not an unknown end
  }
}

// The first token handed to Bison is synthetic and selects the start rule (exec, eval or single input), which lets one
// grammar serve all three compile() modes.
int feed_token(SemanticValue* value, Span* location, ParseContext& ctx) {
  if (ctx.next_token < 0) {
    ctx.next_token = 0;
    *location = Span{1, 0, 1, 0};
    value->tok = -1;
    return ctx.mode == ast::ParseMode::Eval     ? T_StartEval
           : ctx.mode == ast::ParseMode::Single ? T_StartSingle
                                                : T_StartExec;
  }
  int idx = ctx.next_token;
  const Token& t = ctx.tokens[idx];
  value->tok = idx;
  ctx.lookahead_token = idx;
  *location = Span{t.line, t.col, t.end_line, t.end_col};
  if (t.kind == TokenKind::EndMarker && ctx.end_marker_sent) return T_YYEOF;
  ctx.end_marker_sent = t.kind == TokenKind::EndMarker;
  if (t.kind != TokenKind::EndMarker && t.kind != TokenKind::Error) ++ctx.next_token;
  auto error_token = [] { return static_cast<int>(T_Error); };
  if (!ctx.failed() && !check_indented_block(ctx, idx)) return error_token();
  switch (t.kind) {
    case TokenKind::Error:
      if (ctx.lex_error) report_lex_error(ctx);
      return error_token();
    case TokenKind::Indent: ++ctx.indent_depth; break;
    case TokenKind::Dedent:
      --ctx.indent_depth;
      while (!ctx.match_block_depths.empty() && ctx.match_block_depths.back() > ctx.indent_depth)
        ctx.match_block_depths.pop_back();
      break;
    case TokenKind::Name:
      if (is_match_statement(ctx, idx)) {
        ctx.match_block_depths.push_back(ctx.indent_depth + 1);
        return T_MatchKw;
      }
      if (is_case_clause(ctx, idx)) return T_CaseKw;
      break;
    case TokenKind::LPar:
      if (is_with_paren(ctx, idx)) return T_WithLPar;
      break;
    default: break;
  }
  return grammar_token(t.kind);
}

}  // namespace minipy::front
