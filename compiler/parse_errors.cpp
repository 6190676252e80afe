// CPython 3.11's wording and positions for syntax errors the grammar finds: Bison reports the failing token and
// the tokens it expected; these rules turn that into "expected ':'", "Perhaps you forgot a comma?", the print
// hint, and the choice between a parser error and a tokenizer error found later in the file.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/parse_build.h"

namespace minipy::front {

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

// The last token of the expression list (CPython's star_expressions) that starts at token `first`, or first - 1
// when none does: operands joined by operators, trailers (calls, subscripts, attributes), adjacent strings and
// commas, up to the first token that cannot continue it (`print x = 3`, `exec x y` and `print x.` stop at x).
// `*open_if` is the first token of an element holding `if` without its `else` (-1 when none). With `one`, the scan
// is of a single expression (it stops at a comma); `*at_input_end` (optional) tells whether it ran into the end
// of the input, as CPython's parser reading on into an unclosed bracket does.
int end_of_expression_list(const ParseContext& ctx, int first, int* open_if, bool one = false,
                           bool* at_input_end = nullptr) {
  auto joins = [](TokenKind k) {  // a token between two operands
    switch (k) {
      case TokenKind::KwIf: case TokenKind::KwElse: case TokenKind::KwAnd: case TokenKind::KwOr:
      case TokenKind::KwNot: case TokenKind::KwIn: case TokenKind::KwIs: case TokenKind::Comma:
      case TokenKind::Plus: case TokenKind::Minus: case TokenKind::Star: case TokenKind::Slash:
      case TokenKind::DoubleSlash: case TokenKind::Percent: case TokenKind::At: case TokenKind::DoubleStar:
      case TokenKind::VBar: case TokenKind::Amper: case TokenKind::Circumflex: case TokenKind::LeftShift:
      case TokenKind::RightShift: case TokenKind::Less: case TokenKind::Greater: case TokenKind::EqEqual:
      case TokenKind::NotEqual: case TokenKind::LessEqual: case TokenKind::GreaterEqual:
        return true;
      default: return false;
    }
  };
  auto opens = [](TokenKind k) { return k == TokenKind::LPar || k == TokenKind::LSqb || k == TokenKind::LBrace; };
  auto closes = [](TokenKind k) { return k == TokenKind::RPar || k == TokenKind::RSqb || k == TokenKind::RBrace; };
  int n = static_cast<int>(ctx.tokens.size()), last = first - 1, depth = 0;
  int element = first, ifs = 0;  // the current element's first token, and its `if`s still waiting for `else`
  *open_if = -1;
  bool need_operand = true;
  for (int i = first; i < n; ++i) {
    TokenKind k = ctx.tokens[i].kind;
    if (k == TokenKind::Error || k == TokenKind::EndMarker) {
      if (at_input_end) *at_input_end = true;
      break;
    }
    if (one && depth == 0 && k == TokenKind::Comma) break;
    if (depth == 0 && (k == TokenKind::KwIf || k == TokenKind::KwElse)) ifs += k == TokenKind::KwIf ? 1 : -1;
    if (depth == 0 && k == TokenKind::Comma) {
      if (ifs > 0 && *open_if < 0) *open_if = element;
      element = i + 1;
      ifs = 0;
      last = i;  // a trailing comma belongs to the list
    }
    if (depth > 0) {
      depth += opens(k) ? 1 : closes(k) ? -1 : 0;
      if (depth == 0) last = i;
      continue;
    }
    if (opens(k) && (need_operand || k != TokenKind::LBrace)) {  // a display, a call or a subscript
      depth = 1;
      need_operand = false;
      continue;
    }
    if (need_operand && k == TokenKind::KwLambda) {  // its parameters, up to the ':'
      while (i + 1 < n && ctx.tokens[i + 1].kind != TokenKind::Colon && ctx.tokens[i + 1].kind != TokenKind::Newline) ++i;
      ++i;
      continue;
    }
    if (need_operand) {
      if (ends_operand(k) && !closes(k)) {
        need_operand = false;
        last = i;
      } else if (!(k == TokenKind::Minus || k == TokenKind::Plus || k == TokenKind::Tilde || k == TokenKind::KwNot ||
                   k == TokenKind::Star || k == TokenKind::KwAwait)) {
        break;
      }
      continue;
    }
    if (k == TokenKind::Dot && i + 1 < n && ctx.tokens[i + 1].kind == TokenKind::Name) {
      last = ++i;
    } else if (k == TokenKind::String && ctx.tokens[i - 1].kind == TokenKind::String) {
      last = i;
    } else if (joins(k)) {
      need_operand = true;
    } else {
      break;
    }
  }
  if (ifs > 0 && *open_if < 0) *open_if = element;
  return last;
}

// Whether tokens [first, last] alone parse as a statement (an expression list, for the legacy-call check).
bool parses_as_statement(const ParseContext& ctx, int first, int last) {
  ParseContext sub(ctx.source, ctx.arena, ast::ParseMode::Exec);
  sub.tokens.assign(ctx.tokens.begin() + first, ctx.tokens.begin() + last + 1);
  Token end = ctx.tokens[last];
  end.begin = end.end;
  end.line = end.end_line;
  end.col = end.end_col;
  end.kind = TokenKind::Newline;
  sub.tokens.push_back(end);
  end.kind = TokenKind::EndMarker;
  sub.tokens.push_back(end);
  return run_parser(sub) == 0 && sub.module && !sub.failed();
}

// CPython's invalid_match_stmt and invalid_with_stmt: `match <subject>` or `[async] with (<items>)` ending its
// line without the ':' is "expected ':'" at the line's end (minipy's feed only takes them for those statements
// when the colon is there, so the first pass failed inside them). True when it reported that.
bool report_header_without_colon(ParseContext& ctx, int stmt_start) {
  int nl = end_of_logical_line(ctx, stmt_start);
  if (nl >= static_cast<int>(ctx.tokens.size()) || ctx.tokens[nl].kind != TokenKind::Newline) return false;
  int first = stmt_start;
  bool is_match = ctx.tokens[first].kind == TokenKind::Name && ctx.token_text(first) == "match" && nl > first + 1 &&
                  parses_as_statement(ctx, first + 1, nl - 1);
  if (ctx.tokens[first].kind == TokenKind::KwAsync) ++first;
  bool is_with = ctx.tokens[first].kind == TokenKind::KwWith && ctx.tokens[first + 1].kind == TokenKind::LPar &&
                 nl == matching_close(ctx, first + 1) + 1;
  if (!is_match && !is_with) return false;
  const Token& end = ctx.tokens[nl];
  ctx.fail("expected ':'", Span{end.line, end.col, end.line, end.col});
  return true;
}

// CPython's invalid_except_stmt: `except[*] A, B [as e]:` is "multiple exception types must be parenthesized" from
// the first type to the token before ':'; without the ':' the comma is plain "invalid syntax". True when reported.
bool report_unparenthesized_except(ParseContext& ctx, int stmt_start) {
  if (ctx.tokens[stmt_start].kind != TokenKind::KwExcept) return false;
  int first = stmt_start + 1 + (ctx.tokens[stmt_start + 1].kind == TokenKind::Star ? 1 : 0);
  int nl = end_of_logical_line(ctx, stmt_start);
  int comma = -1, depth = 0;
  for (int i = first; i < nl && comma < 0; ++i) {
    TokenKind k = ctx.tokens[i].kind;
    if (k == TokenKind::LPar || k == TokenKind::LSqb || k == TokenKind::LBrace) ++depth;
    if (k == TokenKind::RPar || k == TokenKind::RSqb || k == TokenKind::RBrace) --depth;
    if (depth == 0 && k == TokenKind::Comma) comma = i;
  }
  if (comma <= first) return false;
  int colon = comma + 1;  // the header's ':' (the first one outside brackets)
  for (depth = 0; colon < nl && !(depth == 0 && ctx.tokens[colon].kind == TokenKind::Colon); ++colon) {
    TokenKind k = ctx.tokens[colon].kind;
    depth += (k == TokenKind::LPar || k == TokenKind::LSqb || k == TokenKind::LBrace) ? 1
             : (k == TokenKind::RPar || k == TokenKind::RSqb || k == TokenKind::RBrace) ? -1 : 0;
  }
  if (colon >= nl) {
    ctx.fail("invalid syntax", ctx.token_span(comma));
    return true;
  }
  Span range = ctx.token_span(first);
  range.end_line = ctx.tokens[colon - 1].end_line;
  range.end_col = ctx.tokens[colon - 1].end_col;
  ctx.fail("multiple exception types must be parenthesized", range);
  return true;
}

// CPython's invalid_legacy_expression: its error pass meets `print`/`exec` followed (not by '(') by an expression
// list where an expression may stand, before or at the first pass's error, even in a statement the first pass
// accepted (`print -1`, `print [1]`). Reports the first such call and returns true.
bool report_legacy_call(ParseContext& ctx, int error_idx) {
  for (int i = 0; i < error_idx && i + 1 < static_cast<int>(ctx.tokens.size()); ++i) {
    if (ctx.tokens[i].kind != TokenKind::Name || ctx.tokens[i + 1].kind == TokenKind::LPar) continue;
    std::string_view name = ctx.token_text(i);
    if (name != "print" && name != "exec") continue;
    TokenKind prev = i > 0 ? ctx.tokens[i - 1].kind : TokenKind::Newline;
    if (ends_operand(prev) || prev == TokenKind::Dot || prev == TokenKind::KwDef || prev == TokenKind::KwClass ||
        prev == TokenKind::KwImport || prev == TokenKind::KwAs || prev == TokenKind::KwGlobal ||
        prev == TokenKind::KwNonlocal || prev == TokenKind::KwFrom)
      continue;
    int open_if = -1;
    int end = end_of_expression_list(ctx, i + 1, &open_if);
    if (end <= i) continue;
    if (open_if >= 0) {
      // The error pass meets the conditional expression's missing `else` first.
      Span range = ctx.token_span(open_if);
      range.end_line = ctx.tokens[end].end_line;
      range.end_col = ctx.tokens[end].end_col;
      ctx.fail("expected 'else' after 'if' expression", range);
      return true;
    }
    // Brackets in it must hold what they should (`print {1:(foo.)}` stays "invalid syntax"): it must parse.
    if (!parses_as_statement(ctx, i + 1, end)) continue;
    Span range = ctx.token_span(i);
    range.end_line = ctx.tokens[end].end_line;
    range.end_col = ctx.tokens[end].end_col;
    ctx.fail(fmt::format("Missing parentheses in call to '{}'. Did you mean {}(...)?", name, name), range);
    return true;
  }
  return false;
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

// Whether token `key` starts an entry of a dict display (after a ',' in braces that already hold a `k: v`).
bool in_dict_key_position(const ParseContext& ctx, int key) {
  if (key < 1 || ctx.tokens[key - 1].kind != TokenKind::Comma) return false;
  int depth = 0;
  bool saw_colon = false;
  for (int i = key - 1; i >= 0; --i) {
    TokenKind k = ctx.tokens[i].kind;
    if (k == TokenKind::RPar || k == TokenKind::RSqb || k == TokenKind::RBrace) ++depth;
    if (k == TokenKind::LPar || k == TokenKind::LSqb || k == TokenKind::LBrace) {
      if (depth-- == 0) return k == TokenKind::LBrace && saw_colon;
    }
    // A `key: value` pair or a `**mapping` unpacking before this item makes the display a dict.
    if (depth == 0 && k == TokenKind::Colon) saw_colon = true;
    if (depth == 0 && k == TokenKind::DoubleStar && i > 0 &&
        (ctx.tokens[i - 1].kind == TokenKind::LBrace || ctx.tokens[i - 1].kind == TokenKind::Comma))
      saw_colon = true;
    if (depth == 0 && k == TokenKind::KwLambda) return false;
  }
  return false;
}

// CPython's invalid_kvpair: "':' expected after dictionary key" at the key's last character, with an end
// column of -1 (end_offset 0).
void fail_missing_dict_colon(ParseContext& ctx, const Token& key_end) {
  ctx.fail("':' expected after dictionary key",
           Span{key_end.end_line, key_end.end_col - 1, key_end.end_line, key_end.end_col});
  ctx.error->end_offset = 0;
  ctx.error->end_offset_zero = true;
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
    if (i > 1 && ctx.tokens[i - 1].kind == TokenKind::Dot && ends_operand(ctx.tokens[i - 2].kind)) {
      i -= 2;
      continue;
    }
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

// CPython's invalid_comprehension (`[a, b for ...]`: "did you forget parentheses around the comprehension
// target?" over the elements) and invalid_double_starred_kvpairs / invalid_kvpair (`{k: *v}`: "cannot use a
// starred expression in a dictionary value" from the '*'; `{k:}`: "expression expected after dictionary key and
// ':'" at the ':'), for an error at token idx directly inside a '[' or '{'. True when it reported one.
bool report_invalid_display(ParseContext& ctx, int idx) {
  int open = idx - 1;
  for (int depth = 0; open >= 0; --open) {
    TokenKind k = ctx.tokens[open].kind;
    if (k == TokenKind::RPar || k == TokenKind::RSqb || k == TokenKind::RBrace) ++depth;
    if ((k == TokenKind::LPar || k == TokenKind::LSqb || k == TokenKind::LBrace) && depth-- == 0) break;
    if (k == TokenKind::Newline || k == TokenKind::Indent || k == TokenKind::Dedent) return false;
  }
  if (open < 0) return false;
  TokenKind opener = ctx.tokens[open].kind;
  // The top-level ',' and ':' between the bracket and the error, and whether a lambda holds a ':'.
  bool comma = false, colon = false;
  for (int i = open + 1, depth = 0; i < idx; ++i) {
    TokenKind k = ctx.tokens[i].kind;
    if (k == TokenKind::LPar || k == TokenKind::LSqb || k == TokenKind::LBrace) ++depth;
    if (k == TokenKind::RPar || k == TokenKind::RSqb || k == TokenKind::RBrace) --depth;
    if (depth == 0 && k == TokenKind::Comma) comma = true;
    if (depth == 0 && (k == TokenKind::Colon || k == TokenKind::KwLambda)) colon = true;
  }
  const Token& t = ctx.tokens[idx];
  if (t.kind == TokenKind::KwFor && opener == TokenKind::LBrace && colon &&
      in_dict_key_position(ctx, primary_start(ctx, idx - 1))) {
    fail_missing_dict_colon(ctx, ctx.tokens[idx - 1]);  // `{1: 2, 3 for ...}`: a key without its ':'
    return true;
  }
  if (t.kind == TokenKind::KwFor && comma && !colon && (opener == TokenKind::LSqb || opener == TokenKind::LBrace)) {
    Span range = ctx.token_span(open + 1);
    range.end_line = ctx.tokens[idx - 1].end_line;
    range.end_col = ctx.tokens[idx - 1].end_col;
    ctx.fail("did you forget parentheses around the comprehension target?", range);
    return true;
  }
  if (opener != TokenKind::LBrace || idx < 1 || ctx.tokens[idx - 1].kind != TokenKind::Colon) return false;
  if (t.kind == TokenKind::RBrace || t.kind == TokenKind::Comma) {
    ctx.fail("expression expected after dictionary key and ':'", ctx.token_span(idx - 1));
    return true;
  }
  if (t.kind == TokenKind::Star) {
    // From the '*' to the end of the value (the next ',' or '}' of the display).
    int end = idx + 1;
    for (int depth = 0; end < static_cast<int>(ctx.tokens.size()); ++end) {
      TokenKind k = ctx.tokens[end].kind;
      if (depth == 0 && (k == TokenKind::Comma || k == TokenKind::RBrace || k == TokenKind::Newline ||
                         k == TokenKind::EndMarker))
        break;
      if (k == TokenKind::LPar || k == TokenKind::LSqb || k == TokenKind::LBrace) ++depth;
      if (k == TokenKind::RPar || k == TokenKind::RSqb || k == TokenKind::RBrace) --depth;
    }
    Span range = ctx.token_span(idx);
    range.end_line = ctx.tokens[end - 1].end_line;
    range.end_col = ctx.tokens[end - 1].end_col;
    ctx.fail("cannot use a starred expression in a dictionary value", range);
    return true;
  }
  return false;
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

void report_syntax_error(ParseContext& ctx, int lookahead, std::span<const TokenKind> expected) {
  if (ctx.failed()) return;
  int idx = lookahead >= 0 ? lookahead : ctx.next_token;
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
  if (report_legacy_call(ctx, idx)) return;
  int n = static_cast<int>(expected.size());
  auto expects = [&](TokenKind k) { return std::find(expected.begin(), expected.end(), k) != expected.end(); };
  bool expects_colon = expects(TokenKind::Colon);
  TokenKind prev = idx >= 1 ? ctx.tokens[idx - 1].kind : TokenKind::Newline;
  int stmt_start = idx;
  while (stmt_start > 0 && !starts_statement(ctx, stmt_start)) --stmt_start;
  TokenKind first = ctx.tokens[stmt_start].kind;
  if (report_header_without_colon(ctx, stmt_start)) return;
  if (report_unparenthesized_except(ctx, stmt_start)) return;
  if (report_invalid_parameters(ctx, idx)) return;
  if (report_invalid_display(ctx, idx)) return;
  if (t.kind == TokenKind::DoubleStar && prev == TokenKind::LPar && (idx < 2 || !ends_operand(ctx.tokens[idx - 2].kind))) {
    // CPython's invalid_group: '(' '**' expression ')' is a group, not a call's arguments.
    int close = matching_close(ctx, idx - 1);
    bool single = true;  // one expression: no comma outside brackets
    for (int i = idx + 1, depth = 0; i < close; ++i) {
      TokenKind k = ctx.tokens[i].kind;
      depth += (k == TokenKind::LPar || k == TokenKind::LSqb || k == TokenKind::LBrace) ? 1
               : (k == TokenKind::RPar || k == TokenKind::RSqb || k == TokenKind::RBrace) ? -1 : 0;
      single &= !(depth == 0 && k == TokenKind::Comma);
    }
    if (close > idx + 1 && single && parses_as_statement(ctx, idx + 1, close - 1)) {
      ctx.fail("cannot use double starred expression here", span);
      return;
    }
  }
  if (n == 1 && expects(TokenKind::LPar) && idx >= 2 && ctx.tokens[idx - 2].kind == TokenKind::KwDef) {
    ctx.fail("expected '('", span);
    return;
  }
  if (ctx.mode == ast::ParseMode::Single && expects(TokenKind::EndMarker) && n == 1) {
    static constexpr TokenKind kCompound[] = {TokenKind::KwIf,  TokenKind::KwWhile, TokenKind::KwFor,
                                              TokenKind::KwTry, TokenKind::KwWith,  TokenKind::KwDef,
                                              TokenKind::KwClass, TokenKind::At};
    bool compound = std::find(std::begin(kCompound), std::end(kCompound), ctx.tokens[0].kind) != std::end(kCompound);
    if (compound || prev != TokenKind::Newline || idx == 0) {
      ctx.fail("invalid syntax", span);
    } else {
      // CPython's NEWLINE token leaves its '\n' out (it starts at a comment before it, when there is one).
      Span newline = ctx.token_span(idx - 1);
      ctx.fail("multiple statements found while compiling a single statement",
               Span{newline.line, newline.col, newline.line, std::max(newline.col, newline.end_col - 1)});
    }
    return;
  }
  // Only right after a complete try body (its DEDENT, or the NEWLINE of `try: stmt`).
  bool after_try_body = prev == TokenKind::Dedent;
  if (prev == TokenKind::Newline && idx >= 1) {
    int line_start = idx - 1;
    while (line_start > 0 && !starts_statement(ctx, line_start)) --line_start;
    after_try_body = ctx.tokens[line_start].kind == TokenKind::KwTry;
  }
  if (after_try_body && expects(TokenKind::KwExcept) && expects(TokenKind::KwFinally)) {
    int at = idx;
    while (at < static_cast<int>(ctx.tokens.size()) - 1 && ctx.tokens[at].kind == TokenKind::Dedent) ++at;
    ctx.fail("expected 'except' or 'finally' block",
             ctx.tokens[at].kind == TokenKind::EndMarker ? end_of_input_span(ctx) : ctx.token_span(at));
    return;
  }
  if (t.kind == TokenKind::Equal && ends_operand(prev) && idx + 1 < static_cast<int>(ctx.tokens.size()) &&
      !starts_operand(ctx.tokens[idx + 1].kind) && ctx.tokens[idx + 1].kind != TokenKind::Minus) {
    // `x = = 1`: no value follows, so no hint.
    ctx.fail("invalid syntax", span);
    return;
  }
  if (t.kind == TokenKind::Equal && ends_operand(prev) &&
      (first == TokenKind::KwIf || first == TokenKind::KwElif || first == TokenKind::KwWhile ||
       open_brackets_before(ctx, idx) > 0)) {
    // `name = value` where a named expression starts: CPython suggests '==' (or ':=' for a plain name).
    int start = primary_start(ctx, idx - 1);
    TokenKind before = start > 0 ? ctx.tokens[start - 1].kind : TokenKind::Newline;
    if (open_brackets_before(ctx, idx) > 0 && in_dict_key_position(ctx, start)) {
      // `{'a': 1, 'b'=2}`: after a key/value pair the display is a dict.
      fail_missing_dict_colon(ctx, ctx.tokens[idx - 1]);
      return;
    }
    // An `if` starts a named expression only as a statement: a comprehension's `if` takes a disjunction.
    bool statement_if = before == TokenKind::KwIf && start - 1 == stmt_start;
    bool starts_named_expr = statement_if || before == TokenKind::KwElif ||
                             before == TokenKind::KwWhile || before == TokenKind::LPar ||
                             before == TokenKind::LSqb || before == TokenKind::LBrace || before == TokenKind::Comma;
    if (starts_named_expr) {
      Span target{ctx.tokens[start].line, ctx.tokens[start].col, ctx.tokens[idx - 1].end_line,
                  ctx.tokens[idx - 1].end_col};
      int value_end = std::min(primary_end(ctx, idx + 1), static_cast<int>(ctx.tokens.size()) - 1);
      target.end_line = ctx.tokens[value_end].end_line;
      target.end_col = ctx.tokens[value_end].end_col;
      if (start == idx - 1 && prev == TokenKind::Name) {
        ctx.fail("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", target);
      } else {
        const char* what = prev == TokenKind::RPar   ? "function call"
                           : prev == TokenKind::RSqb ? "subscript"
                           : prev == TokenKind::Name ? "attribute"
                                                     : "literal";
        // CPython points at the target alone here (RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, ...)).
        Span target_only{ctx.tokens[start].line, ctx.tokens[start].col, ctx.tokens[idx - 1].end_line,
                         ctx.tokens[idx - 1].end_col};
        ctx.fail(fmt::format("cannot assign to {} here. Maybe you meant '==' instead of '='?", what), target_only);
      }
      return;
    }
  }
  if (t.kind == TokenKind::Newline && prev == TokenKind::Comma && first == TokenKind::KwFrom) {
    ctx.fail("trailing comma not allowed without surrounding parentheses", span);
    return;
  }
  if (expects(TokenKind::KwElse) && t.kind != TokenKind::KwElse && t.kind != TokenKind::Colon) {
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
  bool only_colon_or_arrow = n > 0 && std::all_of(expected.begin(), expected.end(), [](TokenKind k) {
    return k == TokenKind::Colon || k == TokenKind::RArrow;
  });
  if (expects_colon && (t.kind == TokenKind::Newline || only_colon_or_arrow)) {
    ctx.fail("expected ':'", Span{span.line, span.col, span.line, span.col});
    return;
  }
  if (idx >= 1 && ends_operand(ctx.tokens[idx - 1].kind) && starts_operand(t.kind) &&
      open_brackets_before(ctx, idx) > 0 && in_dict_key_position(ctx, primary_start(ctx, idx - 1))) {
    fail_missing_dict_colon(ctx, ctx.tokens[idx - 1]);
    return;
  }
  // `name 'string'` (a mistyped prefix) and soft keywords get no comma hint in CPython.
  bool name_then_string = idx >= 1 && t.kind == TokenKind::String && ctx.tokens[idx - 1].kind == TokenKind::Name &&
                          primary_start(ctx, idx - 1) == idx - 1;
  if (idx >= 1 && ends_operand(ctx.tokens[idx - 1].kind) && starts_operand(t.kind) && !name_then_string &&
      open_brackets_before(ctx, idx) > 0 && !inside_parameter_list(ctx, idx)) {
    int start = primary_start(ctx, idx - 1);
    Span range = ctx.token_span(start);
    range.end_line = span.end_line;
    range.end_col = span.end_col;
    // CPython has read the token after the second expression when it gives up.
    int after = std::min(primary_end(ctx, idx) + 1, static_cast<int>(ctx.tokens.size()) - 1);
    ctx.last_read_line = ctx.tokens[after].line;
    // When the second expression runs to the end of the input inside the brackets (`(1 2` or `(1 2 +` with no
    // newline to end the line), CPython's parser reads on into the tokenizer's "'(' was never closed", raised by
    // that read itself before the comma rule can speak.
    int open_if = -1;
    bool at_input_end = false;
    end_of_expression_list(ctx, idx, &open_if, true, &at_input_end);
    if (at_input_end && ctx.lex_error && ctx.lex_error->message.ends_with("was never closed")) {
      report_lex_error(ctx);
      return;
    }
    ctx.fail("invalid syntax. Perhaps you forgot a comma?", range);
    return;
  }
  // Single and eval input without a final newline end at CPython's end marker (a NEWLINE the parser adds).
  bool added_newline = t.kind == TokenKind::Newline && ctx.mode != ast::ParseMode::Exec && t.begin == t.end &&
                       t.begin >= ctx.source.size();
  if (t.kind == TokenKind::EndMarker || added_newline) {
    fail_at_end_marker(ctx);
    return;
  }
  // CPython's NEWLINE token has no width.
  if (ctx.tokens[idx].kind == TokenKind::Newline || t.kind == TokenKind::EndMarker) {
    span.end_line = span.line;
    span.end_col = span.col;
  }
  ctx.fail("invalid syntax", span);
}

}  // namespace minipy::front
