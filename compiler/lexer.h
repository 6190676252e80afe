// Stage 1: source text -> tokens. Entry point: tokenize().
//   in:  UTF-8 source already checked by the parse driver (no NUL bytes, valid UTF-8, BOM stripped).
//   out: every token of the source in one vector (NEWLINE/INDENT/DEDENT included, ENDMARKER last), each with
//        its byte range and CPython position (1-based line, 0-based UTF-8 byte column). On a tokenizer error
//        the vector ends with an Error token at the offending place and `error` says why; the parser reports it
//        only if it gets that far, so that an earlier syntax error wins, as with CPython's lazy tokenizer.
// Tokens carry no decoded values: the parser decodes numbers and strings from the source range when it builds
// the Constant, so lexing allocates nothing per token.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/syntax_error.h"

namespace minipy {

enum class TokenKind : uint8_t {
#define MINIPY_TOKEN(kind, spelling) kind,
#define MINIPY_OPERATOR(kind, spelling) kind,
#define MINIPY_KEYWORD(kind, spelling) Kw##kind,
#include "compiler/tokens.def"
  Count
};

// A short human name of the kind ("(", "if", "name", ...).
std::string_view token_spelling(TokenKind kind);

struct Token {
  TokenKind kind;
  uint32_t begin, end;          // byte range in the source
  int32_t line, col;            // start; col is a byte offset in the line
  int32_t end_line, end_col;    // one past the last byte
};

// A tokenizer error in byte positions; the parse driver turns it into a SyntaxError with character offsets.
struct LexError {
  SyntaxError::Kind kind = SyntaxError::Kind::SyntaxError;
  std::string message;
  int line = 0, col = 0;          // col: 0-based byte column; -1 means "no offset"
  int end_line = 0, end_col = 0;
  // Some CPython tokenizer errors report an offset that is not a column of the line (e.g. the line's length);
  // when set, these replace the computed 1-based offsets verbatim.
  std::optional<int> raw_offset, raw_end_offset;
  // SyntaxError.text is the line without its newline for most tokenizer errors, as CPython's tokenizer reports.
  bool keep_newline = false;
  // raw_offset is the line's length counting its newline: exec input without a final newline gets one from
  // CPython's tokenizer, which the parse driver (knowing the mode) adds.
  bool raw_offset_counts_newline = false;
};

struct TokenizeResult {
  std::vector<Token> tokens;
  std::optional<LexError> error;
  // The tokenizer's SyntaxWarnings (a number directly followed by a keyword: `1if x else y`), filename unset.
  std::vector<SyntaxWarning> warnings;
};

// Tokenizes `source`, which must be followed in memory by a NUL byte (std::string's data() is).
// `implied_newline`: exec input, to which CPython's tokenizer adds a final newline when it lacks one (it only
// matters at a backslash ending the input).
TokenizeResult tokenize(std::string_view source, bool implied_newline = false);

}  // namespace minipy
