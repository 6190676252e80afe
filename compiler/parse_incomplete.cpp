// compile()'s PyCF_ALLOW_INCOMPLETE_INPUT and PyCF_DONT_IMPLY_DEDENT, which codeop (code.InteractiveConsole,
// pdb's interact) passes to learn whether a failed source only wants more lines. CPython's parser answers
// "incomplete input" when its tokenizer had reached the end of the input by the time the first parse failed.
#include "compiler/parse_context.h"
#include "compiler/parse_unicode.h"

namespace minipy::front {

namespace {

// Exec input ends in a newline (CPython's tokenizer adds a missing one), after which only reading the next token
// reaches the end; input without one reaches it as the tokenizer reads the last token (looking one byte past it).
bool ends_in_newline(const ParseContext& ctx) {
  return ctx.mode == ast::ParseMode::Exec || ctx.source.ends_with('\n');
}

// The first token whose reading takes CPython's tokenizer to the end of the input.
size_t first_token_at_end(const ParseContext& ctx) {
  size_t size = ctx.source.size();
  bool newline = ends_in_newline(ctx);
  for (size_t i = 0; i < ctx.tokens.size(); ++i) {
    const Token& t = ctx.tokens[i];
    if (newline ? t.begin >= size && t.kind != TokenKind::Newline : t.end >= size) return i;
  }
  return ctx.tokens.size();
}

// The last token the grammar was handed (the end marker and an error token are handed over without advancing).
size_t last_token_read(const ParseContext& ctx) {
  if (ctx.next_token <= 0) return 0;
  auto next = static_cast<size_t>(ctx.next_token);
  if (next < ctx.tokens.size()) {
    TokenKind kind = ctx.tokens[next].kind;
    if ((kind == TokenKind::EndMarker && ctx.end_marker_sent) || (kind == TokenKind::Error && ctx.error_from_lexer))
      return next;
  }
  return next - 1;
}

// The tokenizer's own errors that mean it ran out of input: an open bracket or triple-quoted string at the end,
// and a one-line string the input ends inside (without a newline to end it first).
bool lexer_ran_out(const ParseContext& ctx) {
  const LexError& le = *ctx.lex_error;
  if (le.message.ends_with("was never closed") || le.message.starts_with("unexpected EOF") ||
      le.message.starts_with("unterminated triple-quoted string"))
    return true;
  return le.message.starts_with("unterminated string literal") && !ends_in_newline(ctx);
}

}  // namespace

bool drop_implied_dedents(ParseContext& ctx) {
  if (ctx.mode != ast::ParseMode::Single || ctx.source.ends_with('\n')) return false;
  bool dropped = false;
  for (; ctx.tokens.size() >= 2 && ctx.tokens[ctx.tokens.size() - 2].kind == TokenKind::Dedent; dropped = true)
    ctx.tokens.erase(ctx.tokens.end() - 2);
  return dropped;
}

void fail_at_end_marker(ParseContext& ctx) {
  // CPython's end marker sits on the input's last line with no column: offset and end offset 0.
  int line = end_of_input_span(ctx).line;
  ctx.error.reset();
  ctx.fail("invalid syntax", Span{line, 0, line, 0});
  ctx.error->offset = ctx.error->end_offset = 0;
  ctx.error->offset_zero = ctx.error->end_offset_zero = true;
}

bool report_one_line_body_at_end(ParseContext& ctx) {
  if (ctx.mode != ast::ParseMode::Single || ctx.source.ends_with('\n') || ctx.tokens.size() < 2) return false;
  size_t newline = ctx.tokens.size() - 2;  // before the end marker, with no dedent between: at the top level
  if (ctx.tokens[newline].kind != TokenKind::Newline) return false;
  size_t first = newline;
  while (first > 0 && ctx.tokens[first - 1].kind != TokenKind::Newline && ctx.tokens[first - 1].kind != TokenKind::Indent &&
         ctx.tokens[first - 1].kind != TokenKind::Dedent)
    --first;
  switch (ctx.tokens[first].kind) {
    case TokenKind::KwIf: case TokenKind::KwElif: case TokenKind::KwElse: case TokenKind::KwWhile:
    case TokenKind::KwFor: case TokenKind::KwTry: case TokenKind::KwExcept: case TokenKind::KwFinally:
    case TokenKind::KwWith: case TokenKind::KwDef: case TokenKind::KwClass: case TokenKind::KwAsync:
      fail_at_end_marker(ctx);
      return true;
    default:
      return false;
  }
}

bool report_incomplete_input(ParseContext& ctx) {
  Span at;
  bool string_start = false;
  if (ctx.error_from_lexer) {
    if (!ctx.lex_error || !lexer_ran_out(ctx)) return false;
    // A string that never ended is placed at its start.
    string_start = ctx.lex_error->message.starts_with("unterminated");
    at = Span{ctx.lex_error->line, ctx.lex_error->col, ctx.lex_error->line, ctx.lex_error->col};
  }
  size_t last = last_token_read(ctx);
  if (!ctx.error_from_lexer && last < first_token_at_end(ctx)) return false;
  const Token& t = ctx.tokens[last];
  bool at_end = t.begin >= ctx.source.size() || t.kind == TokenKind::Newline || t.kind == TokenKind::Dedent ||
                t.kind == TokenKind::EndMarker;
  SyntaxError e;
  if (string_start || !at_end) {
    e = ctx.error_at("incomplete input", string_start ? at : ctx.token_span(static_cast<int>(last)));
  } else {
    // At the end of the input: just past the last line (and the newline exec input is given).
    Span end = end_of_input_span(ctx);
    e = ctx.error_at("incomplete input", Span{end.line, 0, end.line, 0});
    e.offset = count_chars(e.text);
  }
  if (string_start || at_end) e.end_offset = -1;
  ctx.error = std::move(e);
  ctx.error_is_final = true;
  return true;
}

}  // namespace minipy::front
