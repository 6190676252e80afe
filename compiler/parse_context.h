// State shared by the Bison grammar (parser.y), its node-building helpers (parse_build.cpp, parse_literals.cpp)
// and the driver (parse.cpp): the token vector, the arena, the first error. Internal to the front end.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compiler/ast.h"
#include "compiler/lexer.h"
#include "compiler/parse.h"
#include "compiler/syntax_error.h"

namespace minipy::front {

// A source range in CPython's terms: 1-based lines, 0-based UTF-8 byte columns. Bison's location type.
// Trivially constructible, as it travels inside the parser's semantic-value union.
struct Span {
  int line, col, end_line, end_col;
  ast::Location loc() const { return {line, col, end_line, end_col}; }
  static Span of(const ast::Location& l) { return {l.lineno, l.col_offset, l.end_lineno, l.end_col_offset}; }
};

// One entry of a parameter list as the grammar sees it, before the rules about its order are checked.
struct ParamItem {
  enum class Kind : uint8_t { Plain, Slash, Star, StarArg, DoubleStarArg } kind;
  ast::Arg* arg;
  ast::Expr* default_value;
  Span span;
};

// One entry of a call's argument list, before positional/keyword order is checked.
struct CallArg {
  enum class Kind : uint8_t { Positional, Starred, Keyword, DoubleStarred, BareGenerator } kind;
  ast::Expr* value;
  ast::Expr* keyword_target;  // the expression left of '=' (must be a name)
  Span span;
};

// An item of a {...} display: `k: v`, `**m`, or a set element.
struct BraceItem {
  ast::Expr* key;    // nullptr for `**value` and for set elements
  ast::Expr* value;
  bool is_double_star;
  bool is_set_element;
};

// One entry of a mapping pattern before it is split into keys and patterns: `key: pattern`, or `**rest`
// (key null, rest_token the name's token).
struct KeyPatternItem {
  ast::Expr* key;
  ast::Pattern* pattern;
  int rest_token;
  Span span;
};
// One argument of a class pattern: positional (name_token -1) or `name=pattern`.
struct ClassPatternArg {
  int name_token;
  ast::Pattern* pattern;
  Span span;
};

struct CmpItem {
  ast::CmpOpKind op;
  ast::Expr* operand;
};

// Token indices [first, second] of adjacent string literals.
struct TokRange {
  int first, second;
};

// A growable array in the arena: the grammar's lists. Trivially copyable so it fits the semantic-value union,
// and its storage becomes the node's List without a copy. Growing leaves the old block to the arena.
template <class T>
struct Vec {
  T* data;
  uint32_t count, capacity;
  uint32_t size() const { return count; }
  bool empty() const { return count == 0; }
  T* begin() const { return data; }
  T* end() const { return data + count; }
  T& operator[](size_t i) const { return data[i]; }
  T& front() const { return data[0]; }
  T& back() const { return data[count - 1]; }
  operator std::span<T>() const { return {data, count}; }
  operator std::span<const T>() const { return {data, count}; }
};

struct ParseContext {
  ParseContext(std::string_view src, ast::Arena& a, ast::ParseMode m) : source(src), arena(a), mode(m) {}

  std::string_view source;          // followed by a NUL byte
  bool source_in_arena = false;     // `source` lives as long as the tree: identifiers may view it, not copy it
  ast::Arena& arena;
  ast::ParseMode mode;
  std::vector<Token> tokens;
  std::optional<LexError> lex_error;
  int next_token = -1;              // -1: the mode's start token comes first
  int lookahead_token = -1;         // index of the token the feed handed the grammar last
  bool end_marker_sent = false;   // after ENDMARKER the grammar wants Bison's end of input
  std::optional<SyntaxError> error; // the first error; parsing stops there
  bool error_from_lexer = false;
  bool error_is_final = false;      // an f-string field's error, already in the source's terms
  Span error_span;                  // byte span of `error`
  int last_read_line = 0;           // line of the last token CPython would have read at the error (0: unknown)
  const Const* small_ints[257] = {};  // constants 0..256, shared by every literal of that value in this parse
  std::unordered_map<uint64_t, const Const*> int_constants;  // the other int literals below 2**63, likewise
  ast::Module* module = nullptr;
  // For an f-string's embedded expression parsed on its own: where its text sits in the enclosing source.
  int line_shift = 0, first_line_col_shift = 0;
  // The soft keywords: indentation depth seen by the feed so far, and the depths at which a `match` block's
  // statements sit (where a line `case ...:` is a case clause).
  int indent_depth = 0;
  std::vector<int> match_block_depths;
  // ast.parse's feature_version (a minor version of Python 3); below kLatestFeatureVersion the parse is checked
  // by check_feature_versions(), and f-strings record here the spans of those that use `{x=}`.
  int feature_version = kLatestFeatureVersion;
  std::vector<Span> self_documenting_fstrings;
  // The DeprecationWarnings of invalid escapes, one per literal token, each with the index of the token CPython's
  // parser had read when it decoded the literal (the one after the concatenation), in the order it decodes them.
  struct EscapeWarning {
    SyntaxWarning warning;
    int literal_token, next_token;
  };
  std::vector<EscapeWarning> escape_warnings;
  bool error_from_literals = false;  // the error is a literal's own (raised while decoding it, not on a second pass)

  std::string_view token_text(int index) const {
    const Token& t = tokens[index];
    return source.substr(t.begin, t.end - t.begin);
  }
  Span token_span(int index) const {
    const Token& t = tokens[index];
    return {t.line, t.col, t.end_line, t.end_col};
  }
  // The physical line `line` (1-based) of the source, with its newline if it has one.
  std::string_view line_text(int line) const;
  // The first of the physical lines that `line` continues (through a multi-line string or a backslash
  // continuation), whose text CPython's tokenizer still holds when it reaches `line`.
  int first_joined_line(int line) const;
  // Records a SyntaxError at byte span `span` (offsets become 1-based character offsets). Only the first sticks.
  void fail(std::string message, Span span, SyntaxError::Kind kind = SyntaxError::Kind::SyntaxError);
  // The SyntaxError fail() would record for `message` at `span`, without recording it.
  SyntaxError error_at(std::string message, Span span, SyntaxError::Kind kind = SyntaxError::Kind::SyntaxError) const;
  bool failed() const { return error.has_value(); }
};

template <class T>
void push(ParseContext& ctx, Vec<T>& v, T item) {
  if (v.count == v.capacity) {
    uint32_t cap = v.capacity ? v.capacity * 2 : 4;
    auto* data = static_cast<T*>(ctx.arena.allocate(sizeof(T) * cap, alignof(T)));
    for (uint32_t i = 0; i < v.count; ++i) data[i] = v.data[i];
    v.data = data;
    v.capacity = cap;
  }
  v.data[v.count++] = item;
}
template <class T>
Vec<T> vec1(ParseContext& ctx, T a) {
  Vec<T> v{};
  push(ctx, v, a);
  return v;
}
template <class T>
Vec<T> vec2(ParseContext& ctx, T a, T b) {
  Vec<T> v{};
  push(ctx, v, a);
  push(ctx, v, b);
  return v;
}

// Whether token `kind` after one of kind `prev` goes to the grammar as it is, with nothing for the token feed
// (parse_feed.cpp) to check: its decisions are about the first token of a line or statement (a missing block, the
// soft keywords), `with (`, indentation and the end of the input.
inline bool passes_through(TokenKind kind, TokenKind prev) {
  if (prev == TokenKind::Newline) return false;
  switch (kind) {
    case TokenKind::EndMarker: case TokenKind::Error: case TokenKind::Indent: case TokenKind::Dedent: return false;
    case TokenKind::Name: return prev != TokenKind::Indent && prev != TokenKind::Dedent && prev != TokenKind::Semi;
    case TokenKind::LPar: return prev != TokenKind::KwWith;
    default: return true;
  }
}

// Runs the grammar (parser.y) over ctx.tokens: 0 when it accepted the input (ctx.module is set, unless an action
// recorded an error), nonzero when it stopped at a syntax error (recorded in ctx).
int run_parser(ParseContext& ctx);
// Records CPython's error for the grammar stopping at token `lookahead` (-1: before the first token or after the
// last), where it would have accepted the token kinds `expected` (TokenKind::Count: one of the grammar's own tokens,
// such as the soft keywords). parse_errors.cpp.
void report_syntax_error(ParseContext& ctx, int lookahead, std::span<const TokenKind> expected);

// Token-stream helpers shared by the token feed (parse_feed.cpp) and the error reporter (parse_errors.cpp).
// Whether token idx begins a statement (follows NEWLINE, INDENT, DEDENT or ';').
bool starts_statement(const ParseContext& ctx, int idx);
// Index of the NEWLINE (or end) closing the logical line that contains token idx.
int end_of_logical_line(const ParseContext& ctx, int idx);
// Index of the bracket closing the one at token `open`, or -1.
int matching_close(const ParseContext& ctx, int open);
// Where CPython's C tokenizer puts the end of input: the end of the last line's text.
Span end_of_input_span(const ParseContext& ctx);
// Records the tokenizer's error (ctx.lex_error) as the SyntaxError, with CPython's raw offsets where it has them.
void report_lex_error(ParseContext& ctx);

// CPython's errors for a malformed `def` or `lambda` parameter list holding token idx (parse_errors_params.cpp):
// true when it recorded one.
bool report_invalid_parameters(ParseContext& ctx, int idx);

// Records `message` as the error of the string literals ending at token `last`, where CPython puts it (on the
// token after them; parse_literals.cpp).
void fail_after_literals(ParseContext& ctx, int last, std::string message);
// Source strings that are not UTF-8 (parse_utf8.cpp): masks each undecodable range of `text` in place, keeping
// every offset, and returns the original; after the parse of the masked text, report_invalid_utf8 gives the
// first token holding masked bytes CPython's "(unicode error)" unless the parse failed before it.
std::string mask_invalid_utf8(std::string& text);
// `declared`: the source has a BOM or a coding line (offsets count characters then, bytes otherwise).
void report_invalid_utf8(ParseContext& ctx, const std::string& original, bool declared);

// Replaces a parser error by the tokenizer error later in the file, as CPython's error pass does.
void prefer_tokenizer_error(ParseContext& ctx);

// PyCF_DONT_IMPLY_DEDENT (parse_incomplete.cpp): single input that ends without a newline inside a block keeps the
// block open (CPython's parser closes it only without the flag).
bool drop_implied_dedents(ParseContext& ctx);
// "invalid syntax" at CPython's end marker: the single input whose block drop_implied_dedents() left open, and
// any parse that fails there.
void fail_at_end_marker(ParseContext& ctx);
// Single input that ends without a newline right after a compound statement's one-line body (`if x: pass`) is
// invalid to CPython (its parser adds one NEWLINE at the end, which the body takes); true when it recorded that.
bool report_one_line_body_at_end(ParseContext& ctx);
// PyCF_ALLOW_INCOMPLETE_INPUT: replaces the error of a parse that failed after the tokenizer reached the end of
// the input by "incomplete input", where CPython places it; true when it did.
bool report_incomplete_input(ParseContext& ctx);

// Parses the expression of an f-string field; `expr_text` is a view into ctx.source (so its position is known).
// nullptr after recording an "f-string: ..." error in ctx.
ast::Expr* parse_fstring_expression(ParseContext& ctx, std::string_view expr_text);

// ast.parse(..., feature_version=(3, N)) for N < 7 (parse_feature_version.cpp): `async` and `await` are names
// except in an `async def` and its body, as CPython's tokenizer has them then. Retypes ctx.tokens in place.
void demote_async_keywords(ParseContext& ctx);
// After a successful parse with ctx.feature_version below the latest: records the SyntaxError CPython raises for
// the first construct (in the order CPython's parser reduces them) that needs a later version.
void check_feature_versions(ParseContext& ctx);
// After a failed parse with ctx.feature_version below the latest: replaces ctx.error by the feature error CPython
// meets first, in the statements before the error's line (CPython's parser checks as it goes).
void check_feature_versions_before_error(ParseContext& ctx);

}  // namespace minipy::front
