// The parse driver: source checks (NUL bytes, BOM, PEP 263 coding line, UTF-8), the token feed for the Bison
// parser (with the lookahead decisions an LALR(1) grammar cannot make itself) and CPython's syntax-error wording.
#include "compiler/parse.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <regex>

#include "compiler/parse_build.h"
#include "compiler/parse_unicode.h"
#include "compiler/parser.hpp"

namespace minipy {
namespace front {

std::string_view ParseContext::line_text(int line) const {
  size_t pos = 0;
  for (int l = 1; l < line; ++l) {
    size_t nl = source.find('\n', pos);
    if (nl == std::string_view::npos) return {};
    pos = nl + 1;
  }
  size_t nl = source.find('\n', pos);
  return source.substr(pos, nl == std::string_view::npos ? source.size() - pos : nl - pos + 1);
}

void ParseContext::fail(std::string message, Span span, SyntaxError::Kind kind) {
  if (error) return;
  error_span = span;
  SyntaxError e;
  e.kind = kind;
  e.message = std::move(message);
  e.lineno = span.line;
  e.end_lineno = span.end_line;
  std::string_view text = line_text(span.line);
  e.text = std::string(text);
  auto char_offset = [](std::string_view line, int byte_col) {
    byte_col = std::clamp(byte_col, 0, static_cast<int>(line.size()));
    return count_chars(line.substr(0, static_cast<size_t>(byte_col))) + 1;
  };
  e.offset = char_offset(text, span.col);
  e.end_offset = char_offset(line_text(span.end_line), span.end_col);
  error = std::move(e);
}

namespace {

using Tok = Parser::token;

int parser_token(TokenKind kind) {
  switch (kind) {
#define MINIPY_TOKEN(kind, spelling) case TokenKind::kind: return Tok::T_##kind;
#define MINIPY_OPERATOR(kind, spelling) case TokenKind::kind: return Tok::T_##kind;
#define MINIPY_KEYWORD(kind, spelling) case TokenKind::Kw##kind: return Tok::T_Kw##kind;
#include "compiler/tokens.def"
    case TokenKind::Count: break;
  }
  return Tok::T_Error;
}

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

// `match` is a soft keyword: a line `match <subject>:` is a match statement, anything else uses the name.
bool is_match_statement(const ParseContext& ctx, int idx) {
  if (!starts_statement(ctx, idx) || ctx.token_text(idx) != "match") return false;
  TokenKind next = ctx.tokens[idx + 1].kind;
  if (next == TokenKind::Colon || next == TokenKind::Equal || next == TokenKind::Dot || next == TokenKind::Newline ||
      next == TokenKind::Comma || next == TokenKind::Semi)
    return false;
  int end = end_of_logical_line(ctx, idx);
  return ctx.tokens[end].kind == TokenKind::Newline && end > idx + 1 && ctx.tokens[end - 1].kind == TokenKind::Colon;
}

// `with (` opens a parenthesized list of with-items when the matching ')' is followed by ':'.
bool is_with_paren(const ParseContext& ctx, int idx) {
  if (idx == 0 || ctx.tokens[idx - 1].kind != TokenKind::KwWith) return false;
  int depth = 0;
  for (size_t i = static_cast<size_t>(idx); i < ctx.tokens.size(); ++i) {
    TokenKind k = ctx.tokens[i].kind;
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

// Where CPython's C tokenizer puts the end of input: the end of the last line's text.
Span end_of_input_span(const ParseContext& ctx) {
  int line = ctx.tokens.back().line;
  std::string_view text = ctx.line_text(line);
  if (text.empty() && line > 1) text = ctx.line_text(--line);
  int col = static_cast<int>(text.size()) - (text.ends_with('\n') ? 1 : 0);
  return {line, col, line, col};
}

// A block header `...:` NEWLINE must be followed by INDENT; CPython names the statement that wanted the block.
bool check_indented_block(ParseContext& ctx, int idx) {
  if (idx < 2 || ctx.tokens[idx].kind == TokenKind::Indent || ctx.tokens[idx - 1].kind != TokenKind::Newline ||
      ctx.tokens[idx - 2].kind != TokenKind::Colon)
    return true;
  int first = idx - 2;
  while (first > 0 && !starts_statement(ctx, first)) --first;
  const char* owner = block_owner(ctx.tokens[first].kind);
  if (!owner) return true;
  int target = idx;
  while (ctx.tokens[target].kind == TokenKind::Dedent) ++target;
  if (ctx.tokens[target].kind == TokenKind::Error) return true;  // the tokenizer's error comes first
  Span at = ctx.tokens[target].kind == TokenKind::EndMarker ? end_of_input_span(ctx) : ctx.token_span(target);
  ctx.fail(fmt::format("expected an indented block after {} on line {}", owner, ctx.tokens[first].line), at,
           SyntaxError::Kind::IndentationError);
  // After a dedent CPython's offset is the 0-based column of the next token.
  if (target != idx && ctx.tokens[target].kind != TokenKind::EndMarker) ctx.error->offset -= 1;
  return false;
}

void report_lex_error(ParseContext& ctx) {
  const LexError& le = *ctx.lex_error;
  if (!ctx.error) ctx.error_from_lexer = true;
  ctx.fail(le.message, Span{le.line, le.col, le.end_line, le.end_col}, le.kind);
  if (le.raw_offset) ctx.error->offset = *le.raw_offset;
  if (le.raw_end_offset) ctx.error->end_offset = *le.raw_end_offset;
}

}  // namespace

int yylex(Parser::semantic_type* value, Span* location, ParseContext& ctx) {
  if (ctx.next_token < 0) {
    ctx.next_token = 0;
    *location = Span{1, 0, 1, 0};
    value->tok = -1;
    return ctx.mode == ast::ParseMode::Eval     ? Tok::T_StartEval
           : ctx.mode == ast::ParseMode::Single ? Tok::T_StartSingle
                                                : Tok::T_StartExec;
  }
  int idx = ctx.next_token;
  const Token& t = ctx.tokens[idx];
  value->tok = idx;
  *location = ctx.token_span(idx);
  if (t.kind == TokenKind::EndMarker && ctx.end_marker_sent) return Tok::T_YYEOF;
  ctx.end_marker_sent = t.kind == TokenKind::EndMarker;
  if (t.kind != TokenKind::EndMarker && t.kind != TokenKind::Error) ++ctx.next_token;
  Span span = ctx.token_span(idx);
  auto error_token = [] { return static_cast<int>(Tok::T_Error); };
  if (!ctx.failed() && !check_indented_block(ctx, idx)) return error_token();
  switch (t.kind) {
    case TokenKind::Error:
      if (ctx.lex_error) report_lex_error(ctx);
      return error_token();
    case TokenKind::KwAsync:
    case TokenKind::KwAwait:
      ctx.fail(fmt::format("'{}' is not supported by minipy", ctx.token_text(idx)), span);
      return error_token();
    case TokenKind::Name:
      if (is_match_statement(ctx, idx)) {
        ctx.fail("the 'match' statement is not supported by minipy", span);
        return error_token();
      }
      break;
    case TokenKind::KwExcept:
      if (ctx.tokens[idx + 1].kind == TokenKind::Star) {
        ctx.fail("'except*' is not supported by minipy", Span{span.line, span.col, span.line, span.end_col + 1});
        return error_token();
      }
      break;
    case TokenKind::LPar:
      if (is_with_paren(ctx, idx)) return Tok::T_WithLPar;
      break;
    default: break;
  }
  return parser_token(t.kind);
}

namespace {

bool ends_operand(TokenKind k) {
  switch (k) {
    case TokenKind::Name: case TokenKind::Number: case TokenKind::String: case TokenKind::RPar:
    case TokenKind::RSqb: case TokenKind::RBrace: case TokenKind::KwNone: case TokenKind::KwTrue:
    case TokenKind::KwFalse: case TokenKind::Ellipsis:
      return true;
    default: return false;
  }
}

bool starts_operand(TokenKind k) {
  switch (k) {
    case TokenKind::Name: case TokenKind::Number: case TokenKind::String: case TokenKind::LPar:
    case TokenKind::LSqb: case TokenKind::LBrace: case TokenKind::KwNone: case TokenKind::KwTrue:
    case TokenKind::KwFalse: case TokenKind::Ellipsis: case TokenKind::KwLambda: case TokenKind::Tilde:
      return true;
    default: return false;
  }
}

int open_brackets_before(const ParseContext& ctx, int idx) {
  int depth = 0;
  for (int i = 0; i < idx; ++i) {
    TokenKind k = ctx.tokens[i].kind;
    if (k == TokenKind::LPar || k == TokenKind::LSqb || k == TokenKind::LBrace) ++depth;
    if (k == TokenKind::RPar || k == TokenKind::RSqb || k == TokenKind::RBrace) --depth;
  }
  return depth;
}

// The last token of the primary expression (name, call, subscript, attribute chain) starting at token `first`.
int primary_end(const ParseContext& ctx, int first) {
  int n = static_cast<int>(ctx.tokens.size());
  int i = first;
  auto skip_brackets = [&](int at) {
    int depth = 0;
    for (; at < n; ++at) {
      TokenKind k = ctx.tokens[at].kind;
      if (k == TokenKind::LPar || k == TokenKind::LSqb || k == TokenKind::LBrace) ++depth;
      if (k == TokenKind::RPar || k == TokenKind::RSqb || k == TokenKind::RBrace) {
        if (--depth == 0) return at;
      }
      if (k == TokenKind::Error || k == TokenKind::EndMarker) return at - 1;
    }
    return n - 1;
  };
  TokenKind k = ctx.tokens[i].kind;
  if (k == TokenKind::LPar || k == TokenKind::LSqb || k == TokenKind::LBrace) i = skip_brackets(i);
  while (i + 1 < n) {
    TokenKind next = ctx.tokens[i + 1].kind;
    if (next == TokenKind::Dot && i + 2 < n && ctx.tokens[i + 2].kind == TokenKind::Name) {
      i += 2;
    } else if (next == TokenKind::LPar || next == TokenKind::LSqb) {
      int close = skip_brackets(i + 1);
      if (close <= i) return i;
      i = close;
    } else if (next == TokenKind::String && ctx.tokens[i].kind == TokenKind::String) {
      ++i;
    } else {
      return i;
    }
  }
  return i;
}

// Whether token idx sits directly inside the parentheses of a `def` header, where a missing comma is no
// expression error.
bool inside_parameter_list(const ParseContext& ctx, int idx) {
  int depth = 0;
  for (int i = idx - 1; i >= 0; --i) {
    TokenKind k = ctx.tokens[i].kind;
    if (k == TokenKind::RPar || k == TokenKind::RSqb || k == TokenKind::RBrace) ++depth;
    if (k == TokenKind::LPar || k == TokenKind::LSqb || k == TokenKind::LBrace) {
      if (depth-- == 0) return k == TokenKind::LPar && i >= 2 && ctx.tokens[i - 2].kind == TokenKind::KwDef;
    }
  }
  return false;
}

// The first token of the primary expression (names, attributes, calls, subscripts) that ends at token `last`.
int primary_start(const ParseContext& ctx, int last) {
  int i = last;
  for (;;) {
    TokenKind k = ctx.tokens[i].kind;
    if (k == TokenKind::RPar || k == TokenKind::RSqb || k == TokenKind::RBrace) {
      int depth = 0;
      for (; i > 0; --i) {
        TokenKind kk = ctx.tokens[i].kind;
        if (kk == TokenKind::RPar || kk == TokenKind::RSqb || kk == TokenKind::RBrace) ++depth;
        if (kk == TokenKind::LPar || kk == TokenKind::LSqb || kk == TokenKind::LBrace) {
          if (--depth == 0) break;
        }
      }
    }
    if (i > 0 && ctx.tokens[i - 1].kind == TokenKind::Dot) { i -= 2; continue; }
    if (i > 0 && (ctx.tokens[i].kind == TokenKind::LPar || ctx.tokens[i].kind == TokenKind::LSqb) &&
        ends_operand(ctx.tokens[i - 1].kind)) {
      --i;
      continue;
    }
    if (i > 0 && ctx.tokens[i].kind == TokenKind::String && ctx.tokens[i - 1].kind == TokenKind::String) {
      --i;
      continue;
    }
    return i;
  }
}

}  // namespace

// After a parser error CPython tokenizes the rest of the file, and a tokenizer error found there replaces the
// parser's; an unclosed bracket does so only when the parser's error lies on a later line than the bracket.
void prefer_tokenizer_error(ParseContext& ctx) {
  if (!ctx.lex_error || !ctx.error || ctx.error_from_lexer) return;
  const LexError& le = *ctx.lex_error;
  // Errors CPython's tokenizer only flags (indentation, line continuation, EOF) do not replace the parser's.
  if (le.kind != SyntaxError::Kind::SyntaxError || le.message.starts_with("unexpected")) return;
  if (ctx.error->kind != SyntaxError::Kind::SyntaxError) return;  // "unexpected indent" stands
  if (ctx.error->message.ends_with("not supported by minipy")) return;
  if (le.message.ends_with("was never closed") &&
      (ctx.last_read_line ? ctx.last_read_line : ctx.error_span.end_line) <= le.line)
    return;
  ctx.error.reset();
  report_lex_error(ctx);
}

void Parser::report_syntax_error(const context& yyctx) const {
  if (ctx.failed()) return;
  const symbol_type& la = yyctx.lookahead();
  int idx = la.kind() == symbol_kind::S_YYEMPTY || la.kind() == symbol_kind::S_YYEOF ||
                    la.kind() == symbol_kind::S_StartExec || la.kind() == symbol_kind::S_StartEval ||
                    la.kind() == symbol_kind::S_StartSingle
                ? ctx.next_token
                : la.value.tok;
  idx = std::clamp(idx, 0, static_cast<int>(ctx.tokens.size()) - 1);
  const Token& t = ctx.tokens[idx];
  Span span = ctx.token_span(idx);
  ctx.last_read_line = t.line;
  if (t.kind == TokenKind::Error) {
    if (ctx.lex_error) report_lex_error(ctx);
    return;
  }
  if (t.kind == TokenKind::Indent) {
    ctx.fail("unexpected indent", Span{span.line, std::max(span.col - 1, 0), span.line, span.col},
             SyntaxError::Kind::IndentationError);
    ctx.error->end_offset = -1;
    return;
  }
  if (idx >= 1 && ctx.tokens[idx - 1].kind == TokenKind::String) {
    // CPython decodes the literals before it looks past them, so their errors come first.
    int first = idx - 1;
    while (first > 0 && ctx.tokens[first - 1].kind == TokenKind::String) --first;
    Span whole = ctx.token_span(first);
    whole.end_line = ctx.tokens[idx - 1].end_line;
    whole.end_col = ctx.tokens[idx - 1].end_col;
    make_strings(ctx, first, idx - 1, whole);
    if (ctx.failed()) return;
  }
  symbol_kind_type expected[YYNTOKENS];
  int n = yyctx.expected_tokens(expected, YYNTOKENS);
  auto expects = [&](symbol_kind_type k) { return std::find(expected, expected + n, k) != expected + n; };
  bool expects_colon = expects(symbol_kind::S_Colon);
  TokenKind prev = idx >= 1 ? ctx.tokens[idx - 1].kind : TokenKind::Newline;
  int stmt_start = idx;
  while (stmt_start > 0 && !starts_statement(ctx, stmt_start)) --stmt_start;
  TokenKind first = ctx.tokens[stmt_start].kind;
  if (n == 1 && expects(symbol_kind::S_LPar) && idx >= 2 && ctx.tokens[idx - 2].kind == TokenKind::KwDef) {
    ctx.fail("expected '('", span);
    return;
  }
  if (ctx.mode == ast::ParseMode::Single && expects(symbol_kind::S_EndMarker) && n == 1) {
    static constexpr TokenKind kCompound[] = {TokenKind::KwIf,  TokenKind::KwWhile, TokenKind::KwFor,
                                              TokenKind::KwTry, TokenKind::KwWith,  TokenKind::KwDef,
                                              TokenKind::KwClass, TokenKind::At};
    bool compound = std::find(std::begin(kCompound), std::end(kCompound), ctx.tokens[0].kind) != std::end(kCompound);
    if (compound || prev != TokenKind::Newline)
      ctx.fail("invalid syntax", span);
    else
      ctx.fail("multiple statements found while compiling a single statement", ctx.token_span(idx - 1));
    return;
  }
  if (expects(symbol_kind::S_KwExcept) && expects(symbol_kind::S_KwFinally)) {
    int at = idx;
    while (at < static_cast<int>(ctx.tokens.size()) - 1 && ctx.tokens[at].kind == TokenKind::Dedent) ++at;
    ctx.fail("expected 'except' or 'finally' block",
             ctx.tokens[at].kind == TokenKind::EndMarker ? end_of_input_span(ctx) : ctx.token_span(at));
    return;
  }
  if (t.kind == TokenKind::Equal && ends_operand(prev) &&
      (first == TokenKind::KwIf || first == TokenKind::KwElif || first == TokenKind::KwWhile ||
       open_brackets_before(ctx, idx) > 0)) {
    // `name = value` where a named expression starts: CPython suggests '==' (or ':=' for a plain name).
    int start = primary_start(ctx, idx - 1);
    TokenKind before = start > 0 ? ctx.tokens[start - 1].kind : TokenKind::Newline;
    bool starts_named_expr = before == TokenKind::KwIf || before == TokenKind::KwElif ||
                             before == TokenKind::KwWhile || before == TokenKind::LPar ||
                             before == TokenKind::LSqb || before == TokenKind::Comma;
    if (starts_named_expr) {
      Span target{ctx.tokens[start].line, ctx.tokens[start].col, ctx.tokens[idx - 1].end_line,
                  ctx.tokens[idx - 1].end_col};
      if (start == idx - 1 && prev == TokenKind::Name) {
        ctx.fail("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", target);
      } else {
        const char* what = prev == TokenKind::RPar   ? "function call"
                           : prev == TokenKind::RSqb ? "subscript"
                           : prev == TokenKind::Name ? "attribute"
                                                     : "literal";
        ctx.fail(fmt::format("cannot assign to {} here. Maybe you meant '==' instead of '='?", what), target);
      }
      return;
    }
  }
  if (t.kind == TokenKind::Newline && prev == TokenKind::Comma && first == TokenKind::KwFrom) {
    ctx.fail("trailing comma not allowed without surrounding parentheses", span);
    return;
  }
  if (expects(symbol_kind::S_KwElse) && t.kind != TokenKind::KwElse) {
    // Inside `body if test` without its else: CPython points at the start of the body.
    int depth = 0, i = idx - 1;
    for (; i > stmt_start; --i) {
      TokenKind k = ctx.tokens[i].kind;
      if (k == TokenKind::RPar || k == TokenKind::RSqb || k == TokenKind::RBrace) ++depth;
      if (k == TokenKind::LPar || k == TokenKind::LSqb || k == TokenKind::LBrace) --depth;
      if (depth == 0 && k == TokenKind::KwIf) break;
    }
    bool else_seen = false;
    for (int j = i + 1; j < idx; ++j) else_seen |= ctx.tokens[j].kind == TokenKind::KwElse;
    if (i > stmt_start && ends_operand(ctx.tokens[i - 1].kind) && !else_seen) {
      Span body = ctx.token_span(primary_start(ctx, i - 1));
      ctx.fail("expected 'else' after 'if' expression", Span{body.line, body.col, span.end_line, span.end_col});
      return;
    }
  }
  if (expects_colon && (t.kind == TokenKind::Newline || n == 1)) {
    ctx.fail("expected ':'", span);
    return;
  }
  if (idx >= 1 && ctx.tokens[idx - 1].kind == TokenKind::Name && starts_statement(ctx, idx - 1) &&
      (ctx.token_text(idx - 1) == "print" || ctx.token_text(idx - 1) == "exec") && starts_operand(t.kind)) {
    int end = end_of_logical_line(ctx, idx) - 1;
    Span range = ctx.token_span(idx - 1);
    range.end_line = ctx.tokens[end].end_line;
    range.end_col = ctx.tokens[end].end_col;
    ctx.fail(fmt::format("Missing parentheses in call to '{}'. Did you mean {}(...)?", ctx.token_text(idx - 1),
                         ctx.token_text(idx - 1)),
             range);
    return;
  }
  if (idx >= 1 && ends_operand(ctx.tokens[idx - 1].kind) && starts_operand(t.kind) &&
      open_brackets_before(ctx, idx) > 0 && !inside_parameter_list(ctx, idx)) {
    int start = primary_start(ctx, idx - 1);
    Span range = ctx.token_span(start);
    range.end_line = span.end_line;
    range.end_col = span.end_col;
    // CPython has read the token after the second expression when it gives up.
    int after = std::min(primary_end(ctx, idx) + 1, static_cast<int>(ctx.tokens.size()) - 1);
    ctx.last_read_line = ctx.tokens[after].line;
    ctx.fail("invalid syntax. Perhaps you forgot a comma?", range);
    return;
  }
  if (t.kind == TokenKind::EndMarker && idx > 0) span = ctx.token_span(idx - 1);
  ctx.fail("invalid syntax", span);
}

void Parser::error(const location_type& loc, const std::string& msg) {
  if (!ctx.failed()) ctx.fail(msg, loc);
}

// Shifts the tokens of an f-string field (parsed as "(expr)") to where the expression sits in the source.
static void shift_tokens(std::vector<Token>& tokens, int base_line, int base_col) {
  for (Token& t : tokens) {
    if (t.line == 1) t.col += base_col - 1;
    if (t.end_line == 1) t.end_col += base_col - 1;
    t.line += base_line - 1;
    t.end_line += base_line - 1;
  }
}

ast::Expr* parse_fstring_expression(ParseContext& ctx, std::string_view expr_text) {
  size_t offset = static_cast<size_t>(expr_text.data() - ctx.source.data());
  // Locate the expression through the string token that contains it.
  int line = 1, col = 0;
  for (const Token& t : ctx.tokens) {
    if (t.begin <= offset && offset < t.end) {
      line = t.line;
      col = t.col;
      for (size_t p = t.begin; p < offset; ++p) {
        if (ctx.source[p] == '\n') { ++line; col = 0; }
        else ++col;
      }
      break;
    }
  }
  std::string buffer;
  buffer.reserve(expr_text.size() + 2);
  buffer += '(';
  buffer += expr_text;
  buffer += ')';
  ParseContext sub(buffer, ctx.arena, ast::ParseMode::Eval);
  auto lexed = tokenize(buffer);
  sub.tokens = std::move(lexed.tokens);
  sub.lex_error = std::move(lexed.error);
  shift_tokens(sub.tokens, line, col);
  Parser parser(sub);
  int rc = parser.parse();
  if (rc != 0 || !sub.module || sub.failed()) {
    std::string message = sub.error ? sub.error->message : "invalid syntax";
    // CPython 3.11 reports columns of errors inside a field relative to the "(expr)" text it parsed.
    Span at{line, 0, line, 0};
    if (sub.error && sub.error_span.line == line) {
      at.col = at.end_col = std::max(sub.error_span.col - (col - 1), 0);
    } else if (sub.error) {
      at = sub.error_span;
    }
    ctx.fail("f-string: " + message, at);
    return nullptr;
  }
  return sub.module->expression;
}

}  // namespace front

namespace {

std::optional<SyntaxError> make_error(std::string message, std::string_view filename, int lineno = 0,
                                      int offset = 0) {
  SyntaxError e;
  e.message = std::move(message);
  e.filename = std::string(filename);
  e.lineno = lineno;
  e.offset = offset;
  return e;
}

// The encoding named by a PEP 263 comment on line 1 or 2, lower-cased; empty when there is none.
std::string declared_encoding(std::string_view source) {
  static const std::regex kCoding(R"(^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+))");
  size_t pos = 0;
  for (int line = 0; line < 2 && pos <= source.size(); ++line) {
    size_t nl = source.find('\n', pos);
    std::string text(source.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
    std::smatch m;
    if (std::regex_search(text, m, kCoding)) {
      std::string name = m[1].str();
      std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
      return name;
    }
    // Only a blank or comment-only first line lets the second line declare the encoding.
    size_t first = text.find_first_not_of(" \t\f\r");
    if (first != std::string::npos && text[first] != '#') break;
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return {};
}

enum class Encoding { Utf8, Latin1, Unsupported, Unknown };

Encoding classify_encoding(std::string name) {
  std::replace(name.begin(), name.end(), '_', '-');
  if (name == "utf-8" || name == "utf8" || name.rfind("utf-8-", 0) == 0) return Encoding::Utf8;
  if (name == "latin-1" || name == "latin1" || name == "iso-8859-1" || name == "iso8859-1" ||
      name.rfind("latin-1-", 0) == 0 || name.rfind("iso-8859-1-", 0) == 0 || name == "l1")
    return Encoding::Latin1;
  static const char* kKnown[] = {"ascii", "us-ascii", "cp1252", "windows-1252", "utf-16", "utf-32", "cp437",
                                 "iso-8859-15", "euc-jp", "shift-jis", "gbk", "gb2312", "big5", "koi8-r"};
  for (const char* k : kKnown)
    if (name == k) return Encoding::Unsupported;
  return Encoding::Unknown;
}

}  // namespace

ParseResult parse(std::string_view source, std::string_view filename, ast::ParseMode mode, ast::Arena& arena) {
  ParseResult result;
  if (source.find('\0') != std::string_view::npos) {
    result.error = make_error("source code string cannot contain null bytes", filename);
    return result;
  }
  bool had_bom = source.size() >= 3 && std::memcmp(source.data(), "\xEF\xBB\xBF", 3) == 0;
  if (had_bom) source.remove_prefix(3);
  std::string text;
  std::string encoding = declared_encoding(source);
  if (!encoding.empty()) {
    Encoding enc = classify_encoding(encoding);
    if (had_bom && enc != Encoding::Utf8) {
      result.error = make_error(fmt::format("encoding problem: {} with BOM", encoding), filename, 0, -1);
      return result;
    }
    if (enc == Encoding::Unknown) {
      result.error = make_error(fmt::format("unknown encoding: {}", encoding), filename, 0, -1);
      return result;
    }
    if (enc == Encoding::Unsupported) {
      result.error = make_error(fmt::format("encoding '{}' is not supported by minipy", encoding), filename, 0, -1);
      return result;
    }
    if (enc == Encoding::Latin1) {
      for (unsigned char c : source) front::ParseContext::append_latin1(text, c);
    }
  }
  if (text.empty()) text.assign(source);
  if (auto bad = find_invalid_utf8(text)) {
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(bad->offset), '\n'));
    result.error = make_error(fmt::format("Non-UTF-8 code starting with '\\x{}' in file {} on line {}, but no "
                                          "encoding declared; see https://peps.python.org/pep-0263/ for details",
                                          bad->byte_hex.substr(2), filename, line),
                              filename, line);
    return result;
  }
  // CPython reads source with universal newlines.
  if (text.find('\r') != std::string::npos) {
    std::string normalized;
    normalized.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\r') {
        normalized += '\n';
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      } else {
        normalized += text[i];
      }
    }
    text.swap(normalized);
  }
  front::ParseContext ctx(text, arena, mode);
  auto lexed = tokenize(text);
  ctx.tokens = std::move(lexed.tokens);
  ctx.lex_error = std::move(lexed.error);
  front::Parser parser(ctx);
  int rc = parser.parse();
  if (rc != 0 || ctx.failed() || !ctx.module) {
    if (!ctx.error) ctx.fail("invalid syntax", front::Span{1, 0, 1, 0});
    front::prefer_tokenizer_error(ctx);
    result.error = std::move(ctx.error);
    result.error->filename = std::string(filename);
    return result;
  }
  result.module = ctx.module;
  return result;
}

}  // namespace minipy
