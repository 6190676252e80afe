// Lexer tests: token kinds and CPython positions (checked with python3.11's tokenize module) and the
// tokenizer's error messages.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "compiler/lexer.h"

using minipy::TokenKind;

namespace {

struct Tok {
  TokenKind kind;
  int line, col, end_line, end_col;
  bool operator==(const Tok&) const = default;
};

std::vector<Tok> lex(const std::string& src) {
  auto r = minipy::tokenize(src);
  std::vector<Tok> out;
  for (const auto& t : r.tokens) out.push_back({t.kind, t.line, t.col, t.end_line, t.end_col});
  return out;
}

std::string lex_error(const std::string& src) {
  auto r = minipy::tokenize(src);
  return r.error ? r.error->message : "";
}

}  // namespace

TEST_SUITE("lexer") {
  TEST_CASE("simple statement positions") {
    auto toks = lex("x = 1\n");
    std::vector<Tok> want = {{TokenKind::Name, 1, 0, 1, 1},    {TokenKind::Equal, 1, 2, 1, 3},
                             {TokenKind::Number, 1, 4, 1, 5},  {TokenKind::Newline, 1, 5, 1, 6},
                             {TokenKind::EndMarker, 2, 0, 2, 0}};
    CHECK(toks == want);
  }
  TEST_CASE("indent and dedent") {
    auto toks = lex("if x:\n    y\n\n# c\nz\n");
    std::vector<TokenKind> kinds;
    for (auto& t : toks) kinds.push_back(t.kind);
    std::vector<TokenKind> want = {TokenKind::KwIf,   TokenKind::Name,    TokenKind::Colon,  TokenKind::Newline,
                                   TokenKind::Indent, TokenKind::Name,    TokenKind::Newline, TokenKind::Dedent,
                                   TokenKind::Name,   TokenKind::Newline, TokenKind::EndMarker};
    CHECK(kinds == want);
  }
  TEST_CASE("brackets join lines and backslash continues") {
    auto toks = lex("f(1,\n  2) + \\\n 3\n");
    int newlines = 0;
    for (auto& t : toks) newlines += t.kind == TokenKind::Newline;
    CHECK(newlines == 1);
    CHECK(toks[7].kind == TokenKind::Number);  // the 3
    CHECK(toks[7].line == 3);
    CHECK(toks[7].col == 1);
  }
  TEST_CASE("implicit newline at end of input") {
    auto toks = lex("x");
    CHECK(toks.size() == 3);
    CHECK(toks[1].kind == TokenKind::Newline);
    CHECK(toks[1].col == 1);
    CHECK(toks[2].line == 2);
  }
  TEST_CASE("operators take the longest match") {
    auto toks = lex("a **= b // c ... d := e -> f != g\n");
    std::vector<TokenKind> ops;
    for (auto& t : toks)
      if (t.kind != TokenKind::Name) ops.push_back(t.kind);
    std::vector<TokenKind> want = {TokenKind::DoubleStarEqual, TokenKind::DoubleSlash, TokenKind::Ellipsis,
                                   TokenKind::ColonEqual,      TokenKind::RArrow,      TokenKind::NotEqual,
                                   TokenKind::Newline,         TokenKind::EndMarker};
    CHECK(ops == want);
  }
  TEST_CASE("every operator and keyword in tokens.def lexes to its kind") {
    struct Row {
      TokenKind kind;
      const char* spelling;
    };
    const Row rows[] = {
#define MINIPY_OPERATOR(kind, spelling) {TokenKind::kind, spelling},
#define MINIPY_KEYWORD(kind, spelling) {TokenKind::Kw##kind, spelling},
#include "compiler/tokens.def"
    };
    for (const Row& row : rows) {
      // Inside brackets no NEWLINE/INDENT interferes; a closing bracket gets its own opener.
      std::string_view sp = row.spelling;
      std::string src = sp == ")" ? "()\n" : sp == "]" ? "[]\n" : sp == "}" ? "{}\n" : "(" + std::string(sp) + ")\n";
      auto r = minipy::tokenize(src);
      INFO(row.spelling);
      REQUIRE(r.tokens.size() >= 2);
      CHECK(r.tokens[1].kind == row.kind);
      CHECK(minipy::token_spelling(row.kind) == row.spelling);
    }
  }
  TEST_CASE("string prefixes and triple quotes") {
    auto toks = lex("rb'x' F\"y\" '''a\nb''' ub\n");
    CHECK(toks[0].kind == TokenKind::String);
    CHECK(toks[0].end_col == 5);
    CHECK(toks[1].kind == TokenKind::String);
    CHECK(toks[2].kind == TokenKind::String);
    CHECK(toks[2].end_line == 2);
    CHECK(toks[2].end_col == 4);
    CHECK(toks[3].kind == TokenKind::Name);
  }
  TEST_CASE("numbers") {
    for (const char* ok : {"0", "00", "0_0", "123_456", "0x_fF", "0o17", "0B1_0", "1.5", ".5", "1.", "1e5", "1E-5",
                           "1_0.0_1e+1_0", "1j", "1.5J", "09.5", "0e0"}) {
      auto toks = lex(std::string(ok) + "\n");
      CHECK_MESSAGE(toks[0].kind == TokenKind::Number, ok);
      CHECK_MESSAGE(toks[1].kind == TokenKind::Newline, ok);
    }
    auto toks = lex("1if x else 2\n");
    CHECK(toks[1].kind == TokenKind::KwIf);
  }
  TEST_CASE("keywords and soft keywords") {
    auto toks = lex("match case _ None lambda\n");
    CHECK(toks[0].kind == TokenKind::Name);
    CHECK(toks[1].kind == TokenKind::Name);
    CHECK(toks[2].kind == TokenKind::Name);
    CHECK(toks[3].kind == TokenKind::KwNone);
    CHECK(toks[4].kind == TokenKind::KwLambda);
  }
  TEST_CASE("unicode names use byte columns") {
    auto toks = lex("é = 1\n");
    CHECK(toks[0].kind == TokenKind::Name);
    CHECK(toks[0].end_col == 2);
    CHECK(toks[1].col == 3);
  }
  TEST_CASE("tokenizer errors") {
    CHECK(lex_error("1abc\n") == "invalid decimal literal");
    CHECK(lex_error("x = 0x\n") == "invalid hexadecimal literal");
    CHECK(lex_error("0b12\n") == "invalid digit '2' in binary literal");
    CHECK(lex_error("012\n") ==
          "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
    CHECK(lex_error("'abc\n") == "unterminated string literal (detected at line 1)");
    CHECK(lex_error("'''abc\n\n") == "unterminated triple-quoted string literal (detected at line 2)");
    CHECK(lex_error("f(\n") == "'(' was never closed");
    CHECK(lex_error("x = )\n") == "unmatched ')'");
    CHECK(lex_error("(]\n") == "closing parenthesis ']' does not match opening parenthesis '('");
    CHECK(lex_error("x = 1 \xe2\x82\xac\n") == "invalid character '\xe2\x82\xac' (U+20AC)");
    CHECK(lex_error("x = \\ 1\n") == "unexpected character after line continuation character");
    CHECK(lex_error("if x:\n  a\n b\n") == "unindent does not match any outer indentation level");
    CHECK(lex_error("if x:\n\ta\n        b\n") == "inconsistent use of tabs and spaces in indentation");
    CHECK(lex_error("x = $\n").empty());
    CHECK(lex_error(std::string(199, '(') + std::string(199, ')') + "\n").empty());
    CHECK(lex_error(std::string(201, '(') + std::string(201, ')') + "\n") == "too many nested parentheses");
    CHECK(lex("x = $\n")[2].kind == TokenKind::Unknown);
  }
}
