// The tokenizer: re2c recognises each token's shape; the C++ around it keeps CPython's state (indentation
// stack, bracket stack, logical lines) and does the scans whose errors need hand-placed positions (numbers,
// string bodies). Generated into build/.../generated/compiler/lexer.cpp by compiler/CMakeLists.txt.
#include "compiler/lexer.h"

#include <fmt/format.h>

#include <array>
#include <cstring>

#include "compiler/parse_unicode.h"

namespace minipy {

std::string_view token_spelling(TokenKind kind) {
  static constexpr std::array<std::string_view, static_cast<size_t>(TokenKind::Count)> kSpellings = {
#define MINIPY_TOKEN(kind, spelling) spelling,
#define MINIPY_OPERATOR(kind, spelling) spelling,
#define MINIPY_KEYWORD(kind, spelling) spelling,
#include "compiler/tokens.def"
  };
  return kSpellings[static_cast<size_t>(kind)];
}

namespace {

struct KeywordEntry {
  std::string_view text;
  TokenKind kind;
};
constexpr KeywordEntry kKeywords[] = {
#define MINIPY_KEYWORD(kind, spelling) {spelling, TokenKind::Kw##kind},
#include "compiler/tokens.def"
};

// Keywords bucketed by length (2..8) and first letter, so a name is compared with at most the few keywords sharing
// both (and most names with none). Buckets hold indices into kKeywords; kNoKeyword ends a bucket.
constexpr uint8_t kNoKeyword = 0xff;
constexpr int kBucketSlots = 4;
struct KeywordBuckets {
  // [length][first letter - 'A'] for 'A'..'z'
  std::array<std::array<std::array<uint8_t, kBucketSlots>, 'z' - 'A' + 1>, 9> table{};
  constexpr KeywordBuckets() {
    for (auto& by_letter : table)
      for (auto& bucket : by_letter) bucket.fill(kNoKeyword);
    for (size_t k = 0; k < std::size(kKeywords); ++k) {
      auto& bucket = table[kKeywords[k].text.size()][kKeywords[k].text[0] - 'A'];
      int slot = 0;
      while (bucket[slot] != kNoKeyword) ++slot;
      bucket[slot] = static_cast<uint8_t>(k);  // a full bucket fails the constant evaluation
    }
  }
};
constexpr KeywordBuckets kKeywordBuckets;

TokenKind classify_name(std::string_view text) {
  if (text.size() < 2 || text.size() > 8 || text[0] < 'A' || text[0] > 'z') return TokenKind::Name;
  for (uint8_t k : kKeywordBuckets.table[text.size()][text[0] - 'A']) {
    if (k == kNoKeyword) break;
    if (kKeywords[k].text == text) return kKeywords[k].kind;
  }
  return TokenKind::Name;
}

bool is_name_start_ascii(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? true : c == '_'; }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_name_char_ascii(unsigned char c) { return is_name_start_ascii(c) || is_digit(c); }

// CPython's tokenizer limit (MAXLEVEL); deeper nesting is "too many nested parentheses".
constexpr size_t kMaxBracketDepth = 200;

class Lexer {
 public:
  Lexer(std::string_view source, bool implied_newline)
      : begin_(reinterpret_cast<const unsigned char*>(source.data())), cur_(begin_), end_(begin_ + source.size()),
        line_start_(begin_), implied_newline_(implied_newline) {
    // Ordinary code has a token per ~3 bytes; room for one per 2 spares a big module the copies of growing.
    result_.tokens.reserve(source.size() / 2 + 16);
  }

  TokenizeResult run() {
    while (!failed_) {
      if (at_line_start_ && brackets_.empty()) {
        if (!handle_indentation()) break;
      }
      at_line_start_ = false;
      if (!scan()) break;
    }
    return std::move(result_);
  }

 private:
  struct OpenBracket {
    char ch;
    int line, col;
  };

  int col_of(const unsigned char* p) const { return static_cast<int>(p - line_start_); }
  uint32_t offset_of(const unsigned char* p) const { return static_cast<uint32_t>(p - begin_); }

  void emit(TokenKind kind, const unsigned char* start, const unsigned char* stop, int start_line,
            int start_col) {
    result_.tokens.push_back(Token{kind, offset_of(start), offset_of(stop), start_line, start_col, line_,
                                   col_of(stop)});
    if (kind != TokenKind::Newline && kind != TokenKind::Indent && kind != TokenKind::Dedent)
      line_has_tokens_ = true;
  }
  void emit_here(TokenKind kind, const unsigned char* start) { emit(kind, start, cur_, line_, col_of(start)); }

  void fail(std::string message, int line, int col, int end_line, int end_col,
            SyntaxError::Kind kind = SyntaxError::Kind::SyntaxError) {
    LexError e;
    e.kind = kind;
    e.message = std::move(message);
    e.line = line;
    e.col = col;
    e.end_line = end_line;
    e.end_col = end_col;
    result_.error = std::move(e);
    result_.tokens.push_back(Token{TokenKind::Error, offset_of(cur_), offset_of(cur_), line, col, end_line, end_col});
    failed_ = true;
  }

  void new_line(const unsigned char* next_line_start) {
    ++line_;
    line_start_ = next_line_start;
  }

  // Measures the indentation of a new logical line and emits INDENT/DEDENT, with CPython's rule for tabs:
  // the column is computed with tab stops of 8 and of 1, and both must order lines the same way.
  bool handle_indentation() {
    int col = 0, altcol = 0;
    // A backslash in the indentation continues it on the next line; the first one's column is the line's
    // indentation (CPython's cont_line_col), unless the continued line is blank.
    int cont_col = 0;
    int measured_line = line_;  // where the measuring ends (an unindent error is reported there)
    const unsigned char* measured_line_start = line_start_;
    const unsigned char* p = cur_;
    for (;; ++p) {
      if (*p == ' ') { ++col; ++altcol; }
      else if (*p == '\t') { col = (col / 8 + 1) * 8; ++altcol; }
      else if (*p == '\f') { col = altcol = 0; }
      else if (*p == '\\' && (p[1] == '\n' || (p[1] == '\r' && p[2] == '\n'))) {
        if (!cont_col) cont_col = col;
        p += p[1] == '\r' ? 2 : 1;
        ++measured_line;
        measured_line_start = p + 1;
      }
      else break;
    }
    // Blank lines, comment-only lines and the end of input do not change the indentation.
    if (*p == '#' || *p == '\n' || *p == '\r' || p == end_) return true;
    if (cont_col) col = altcol = cont_col;
    if (col == indents_.back()) {
      if (altcol != alt_indents_.back()) return tab_error();
    } else if (col > indents_.back()) {
      // CPython's tokenizer keeps at most MAXINDENT (100) levels, the outermost one included.
      if (indents_.size() >= 100)
        return whole_line_error("too many levels of indentation", SyntaxError::Kind::IndentationError);
      if (altcol <= alt_indents_.back()) return tab_error();
      indents_.push_back(col);
      alt_indents_.push_back(altcol);
      emit(TokenKind::Indent, cur_, p, line_, 0);
      result_.tokens.back().col = col_of(p);
    } else {
      // Check the target level before emitting anything: CPython reports a bad dedent without its DEDENTs.
      size_t keep = indents_.size();
      while (keep > 1 && col < indents_[keep - 1]) --keep;
      if (col != indents_[keep - 1]) {
        indents_.resize(keep);
        alt_indents_.resize(keep);
        fail("unindent does not match any outer indentation level", measured_line, 0, measured_line, 0,
             SyntaxError::Kind::IndentationError);
        result_.error->keep_newline = true;
        result_.error->raw_offset = line_length(measured_line_start);
        result_.error->raw_offset_counts_newline = true;
        result_.error->raw_end_offset = -1;
        return false;
      }
      while (indents_.size() > keep) {
        indents_.pop_back();
        alt_indents_.pop_back();
        emit(TokenKind::Dedent, p, p, line_, col_of(p));
      }
      if (altcol != alt_indents_.back()) return tab_error();
    }
    return true;
  }

  bool tab_error() {
    return whole_line_error("inconsistent use of tabs and spaces in indentation", SyntaxError::Kind::TabError);
  }

  // An error about the current line as a whole, located as CPython's tokenizer errors are (offset 1, end 0).
  bool whole_line_error(std::string message, SyntaxError::Kind kind) {
    fail(std::move(message), line_, 0, line_, 0, kind);
    result_.error->keep_newline = true;
    result_.error->raw_offset = 1;
    result_.error->raw_end_offset = 0;
    return false;
  }

  // Bytes in the physical line starting at `start`, counting its newline.
  int line_length(const unsigned char* start) const {
    const unsigned char* p = start;
    while (p < end_ && *p != '\n') ++p;
    return static_cast<int>(p - start) + (p < end_ ? 1 : 0);
  }

  // The innermost bracket still open at the end of input: "'(' was never closed" at the bracket.
  void unclosed_bracket_error() {
    const auto& b = brackets_.back();
    fail(fmt::format("'{}' was never closed", b.ch), b.line, b.col, b.line, b.col + 1);
    result_.error->raw_end_offset = 0;
    // CPython shows the bracket's line with its newline only when it is the last line.
    result_.error->keep_newline = b.line >= line_ - (cur_ == line_start_ ? 1 : 0);
    // The error names the bracket, but the token marking it sits at the end of input, where it was found.
    Token& marker = result_.tokens.back();
    marker.line = marker.end_line = line_;
    marker.col = marker.end_col = col_of(cur_);
  }

  // A line continuation (the backslash at `start`) with nothing after it: CPython's tokenizer meets the end of
  // input inside it (E_EOF), which is an unclosed bracket's error, else "unexpected EOF while parsing".
  bool continuation_at_end(const unsigned char* start) {
    if (!brackets_.empty()) {
      unclosed_bracket_error();
      return false;
    }
    int col = col_of(start) + 1;
    fail("unexpected EOF while parsing", line_, col, line_, col);
    result_.error->keep_newline = true;
    result_.error->raw_end_offset = -1;
    return false;
  }

  void end_of_input() {
    if (!brackets_.empty()) {
      unclosed_bracket_error();
      return;
    }
    if (line_has_tokens_) emit(TokenKind::Newline, cur_, cur_, line_, col_of(cur_));
    // ENDMARKER (and the closing DEDENTs) sit at the start of the line after the last one.
    if (cur_ != line_start_) new_line(cur_);
    while (indents_.size() > 1) {
      indents_.pop_back();
      alt_indents_.pop_back();
      emit(TokenKind::Dedent, cur_, cur_, line_, 0);
    }
    emit(TokenKind::EndMarker, cur_, cur_, line_, 0);
  }

  void end_of_line(const unsigned char* nl_start) {
    if (brackets_.empty() && line_has_tokens_) {
      emit(TokenKind::Newline, nl_start, cur_, line_, col_of(nl_start));
      line_has_tokens_ = false;
      at_line_start_ = true;
    } else if (brackets_.empty()) {
      at_line_start_ = true;
    }
    new_line(cur_);
  }

  bool open_bracket(char ch, const unsigned char* start) {
    if (brackets_.size() >= kMaxBracketDepth) {
      int col = col_of(start);
      fail("too many nested parentheses", line_, col, line_, col + 1);
      return false;
    }
    brackets_.push_back({ch, line_, col_of(start)});
    emit_here(ch == '(' ? TokenKind::LPar : ch == '[' ? TokenKind::LSqb : TokenKind::LBrace, start);
    return true;
  }

  bool close_bracket(char ch, const unsigned char* start) {
    int col = col_of(start);
    if (brackets_.empty()) {
      fail(fmt::format("unmatched '{}'", ch), line_, col, line_, col);
      return false;
    }
    char open = brackets_.back().ch;
    char expected = open == '(' ? ')' : open == '[' ? ']' : '}';
    if (ch != expected) {
      const auto& b = brackets_.back();
      if (b.line != line_)
        fail(fmt::format("closing parenthesis '{}' does not match opening parenthesis '{}' on line {}", ch, open,
                         b.line), line_, col, line_, col);
      else
        fail(fmt::format("closing parenthesis '{}' does not match opening parenthesis '{}'", ch, open), line_,
             col, line_, col);
      return false;
    }
    brackets_.pop_back();
    emit_here(ch == ')' ? TokenKind::RPar : ch == ']' ? TokenKind::RSqb : TokenKind::RBrace, start);
    return true;
  }

  bool scan_name(const unsigned char* start);
  bool scan_number(const unsigned char* start);
  bool scan_string(const unsigned char* start, const unsigned char* quote);
  bool finish_number(const unsigned char* start, const char* kind_word);
  bool invalid_character(const unsigned char* start);
  bool scan();

  const unsigned char* begin_;
  const unsigned char* cur_;
  const unsigned char* end_;
  const unsigned char* line_start_;
  bool implied_newline_;  // exec input: CPython's tokenizer adds a final newline when the source lacks one
  const unsigned char* comment_start_ = nullptr;
  const unsigned char* comment_end_ = nullptr;
  int line_ = 1;
  bool at_line_start_ = true;
  bool line_has_tokens_ = false;
  bool failed_ = false;
  std::vector<int> indents_{0}, alt_indents_{0};
  std::vector<OpenBracket> brackets_;
  TokenizeResult result_;
};

bool Lexer::invalid_character(const unsigned char* start) {
  char32_t cp = decode_utf8_at(start, end_);
  int col = col_of(start);
  if (cp < 0x7f && cp >= 0x20) {
    cur_ = start + 1;
    emit_here(TokenKind::Unknown, start);
    return true;
  }
  if (!is_printable(cp)) {
    fail(fmt::format("invalid non-printable character U+{:04X}", static_cast<uint32_t>(cp)), line_, col, line_,
         col + 1);
    return false;
  }
  fail(fmt::format("invalid character '{}' (U+{:04X})", std::string_view(reinterpret_cast<const char*>(start),
                                                                          utf8_length(start)),
                     static_cast<uint32_t>(cp)),
         line_, col, line_, col + 1);
  return false;
}

bool Lexer::scan_name(const unsigned char* start) {
  // re2c matched a run of ASCII name characters and non-ASCII code points; non-ASCII ones must be letters.
  for (const unsigned char* p = start; p < cur_;) {
    if (*p < 0x80) { ++p; continue; }
    char32_t cp = decode_utf8_at(p, end_);
    bool ok = p == start ? is_xid_start(cp) : is_xid_continue(cp);
    if (!ok) {
      cur_ = p;
      if (p != start) emit(classify_name({reinterpret_cast<const char*>(start), static_cast<size_t>(p - start)}),
                           start, p, line_, col_of(start));
      return invalid_character(p);
    }
    p += utf8_length(p);
  }
  emit_here(classify_name({reinterpret_cast<const char*>(start), static_cast<size_t>(cur_ - start)}), start);
  return true;
}

// After a number: a name character directly following is an error, except the keywords CPython lets through
// with a warning (`1if x else y`).
bool Lexer::finish_number(const unsigned char* start, const char* kind_word) {
  unsigned char c = *cur_;
  if (c < 0x80 && !is_name_char_ascii(c)) {
    emit_here(TokenKind::Number, start);
    return true;
  }
  static constexpr std::string_view kAllowed[] = {"and", "else", "for", "if", "in", "is", "not", "or"};
  for (auto kw : kAllowed) {
    if (static_cast<size_t>(end_ - cur_) >= kw.size() && std::memcmp(cur_, kw.data(), kw.size()) == 0) {
      // CPython warns (a step towards making it an error); turned into an error by the warning filters, it
      // points at the number's last character.
      int col = col_of(cur_) - 1;
      result_.warnings.push_back(SyntaxWarning{fmt::format("invalid {} literal", kind_word), {}, line_, col, line_, col});
      emit_here(TokenKind::Number, start);
      return true;
    }
  }
  if (c >= 0x80 && !is_xid_continue(decode_utf8_at(cur_, end_))) {
    emit_here(TokenKind::Number, start);
    return true;
  }
  int col = col_of(cur_) - 1;
  fail(fmt::format("invalid {} literal", kind_word), line_, col, line_, col);
  return false;
}

bool Lexer::scan_number(const unsigned char* start) {
  const unsigned char* p = start;
  auto digits = [&](auto ok) {  // digit (_? digit)*; stops before a bad '_'
    while (true) {
      if (ok(*p)) { ++p; continue; }
      if (*p == '_' && ok(p[1])) { p += 2; continue; }
      return;
    }
  };
  auto bad_underscore_or_end = [&](const char* word) {
    cur_ = p;
    if (*p == '_') {
      cur_ = p + 1;
      int col = col_of(p + 1) - 1;
      fail(fmt::format("invalid {} literal", word), line_, col, line_, col);
      return false;
    }
    return finish_number(start, word);
  };
  if (*p == '0' && ((p[1] | 0x20) == 'x' || (p[1] | 0x20) == 'o' || (p[1] | 0x20) == 'b')) {
    char radix = static_cast<char>(p[1] | 0x20);
    const char* word = radix == 'x' ? "hexadecimal" : radix == 'o' ? "octal" : "binary";
    auto ok = [radix](unsigned char c) {
      if (radix == 'x') return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
      if (radix == 'o') return c >= '0' && c <= '7';
      return c == '0' || c == '1';
    };
    p += 2;
    if (*p == '_') ++p;
    if (!ok(*p)) {
      if (is_digit(*p)) {
        fail(fmt::format("invalid digit '{}' in {} literal", static_cast<char>(*p), word), line_, col_of(p),
             line_, col_of(p));
        return false;
      }
      cur_ = p;
      int col = col_of(p) - 1;
      fail(fmt::format("invalid {} literal", word), line_, col, line_, col);
      return false;
    }
    digits(ok);
    if (*p == '_' && is_digit(p[1])) ++p;  // `0b1_2`: the digit after the '_' is the bad one
    if (is_digit(*p)) {
      fail(fmt::format("invalid digit '{}' in {} literal", static_cast<char>(*p), word), line_, col_of(p), line_,
           col_of(p));
      return false;
    }
    return bad_underscore_or_end(word);
  }
  bool is_float = false;
  if (*p != '.') digits(is_digit);
  const unsigned char* int_end = p;
  if (*p == '.') {
    is_float = true;
    ++p;
    if (is_digit(*p)) digits(is_digit);
  }
  if ((*p | 0x20) == 'e') {
    const unsigned char* e = p;
    ++p;
    if (*p == '+' || *p == '-') ++p;
    if (!is_digit(*p)) {
      if (p == e + 1) {  // a bare 'e' may start a keyword or name: "1else" is NUMBER then `else`
        p = e;
        cur_ = p;
        return finish_number(start, "decimal");
      }
      cur_ = p;
      int col = col_of(p) - 1;
      fail("invalid decimal literal", line_, col, line_, col);
      return false;
    }
    digits(is_digit);
    is_float = true;
  }
  if ((*p | 0x20) == 'j') {
    ++p;
    cur_ = p;
    return finish_number(start, "imaginary");
  }
  if (!is_float && *start == '0') {
    // "0", "00", "0_0" are fine; any other digit after a leading zero is the octal-looking error.
    for (const unsigned char* q = start; q < int_end; ++q) {
      if (*q != '0' && *q != '_') {
        fail("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
             line_, col_of(start), line_, col_of(q));
        return false;
      }
    }
  }
  return bad_underscore_or_end("decimal");
}

bool Lexer::scan_string(const unsigned char* start, const unsigned char* quote) {
  const unsigned char q = *quote;
  const bool triple = quote[1] == q && quote[2] == q;
  const int start_line = line_, start_col = col_of(start);
  const unsigned char* start_line_start = line_start_;
  const unsigned char* p = quote + (triple ? 3 : 1);
  for (;;) {
    if (p >= end_) {
      // The message names the line where the scan gave up; the position is the literal's start.
      int detected = line_ - (p > begin_ && (p[-1] == '\n' || p[-1] == '\r') ? 1 : 0);
      if (triple) {
        line_ = start_line;
        line_start_ = start_line_start;
        fail(fmt::format("unterminated triple-quoted string literal (detected at line {})", detected), start_line,
             start_col, start_line, start_col);
      } else {
        line_ = start_line;
        line_start_ = start_line_start;
        fail(fmt::format("unterminated string literal (detected at line {})", detected), start_line, start_col,
             start_line, start_col);
      }
      return false;
    }
    unsigned char c = *p;
    if (c == '\\') {
      if (p[1] == '\r' && p[2] == '\n') { p += 3; new_line(p); continue; }
      if (p[1] == '\n' || p[1] == '\r') { p += 2; new_line(p); continue; }
      p += p + 1 < end_ ? 2 : 1;
      continue;
    }
    if (c == '\n' || c == '\r') {
      if (!triple) {
        int detected = line_;
        line_ = start_line;
        line_start_ = start_line_start;
        fail(fmt::format("unterminated string literal (detected at line {})", detected), start_line, start_col,
             start_line, start_col);
        return false;
      }
      p += (c == '\r' && p[1] == '\n') ? 2 : 1;
      new_line(p);
      continue;
    }
    if (c == q && (!triple || (p[1] == q && p[2] == q))) {
      p += triple ? 3 : 1;
      break;
    }
    ++p;
  }
  cur_ = p;
  emit(TokenKind::String, start, p, start_line, start_col);
  return true;
}

bool Lexer::scan() {
  /*!re2c
    re2c:define:YYCTYPE = "unsigned char";
    re2c:define:YYCURSOR = cur_;
    re2c:define:YYMARKER = marker;
    re2c:yyfill:enable = 0;
    re2c:indent:top = 1;

    name_start = [a-zA-Z_] | [^\x00-\x7f];
    name_char = [a-zA-Z0-9_] | [^\x00-\x7f];
    str_prefix = [rRuUbBfF] | [bB][rR] | [rR][bB] | [fF][rR] | [rR][fF];
    newline = "\r\n" | "\n" | "\r";
  */
  for (;;) {
    const unsigned char* start = cur_;
    const unsigned char* marker = cur_;
    (void)marker;
    /*!re2c
      "\x00" {
        if (start < end_) { cur_ = start; return invalid_character(start); }
        cur_ = start;
        end_of_input();
        return false;
      }
      [ \t\f]+ { continue; }
      "#" [^\n\r\x00]* { comment_start_ = start; comment_end_ = cur_; continue; }
      newline {
        // CPython starts the NEWLINE token at a comment that ends the line.
        end_of_line(comment_end_ == start ? comment_start_ : start);
        return true;
      }
      "\\" newline {
        if (cur_ >= end_) return continuation_at_end(start);
        new_line(cur_);
        continue;
      }
      "\\" {
        if (cur_ >= end_ && implied_newline_) return continuation_at_end(start);
        int col = col_of(cur_ >= end_ ? start : cur_);  // CPython's tokenizer does not move past the end
        fail("unexpected character after line continuation character", line_, col, line_, col);
        result_.error->keep_newline = true;
        result_.error->raw_end_offset = 0;
        return false;
      }
      str_prefix? ['"] {
        const unsigned char* quote = cur_ - 1;
        return scan_string(start, quote);
      }
      // An all-ASCII name needs no check of its characters (a name with others goes to scan_name, which matches
      // longer).
      [a-zA-Z_] [a-zA-Z0-9_]* {
        emit_here(classify_name({reinterpret_cast<const char*>(start), static_cast<size_t>(cur_ - start)}), start);
        return true;
      }
      name_start name_char* { return scan_name(start); }
      [0-9] | "." [0-9] { cur_ = start; return scan_number(start); }
      "(" { return open_bracket('(', start); }
      "[" { return open_bracket('[', start); }
      "{" { return open_bracket('{', start); }
      ")" { return close_bracket(')', start); }
      "]" { return close_bracket(']', start); }
      "}" { return close_bracket('}', start); }
      ":" { emit_here(TokenKind::Colon, start); return true; }
      "," { emit_here(TokenKind::Comma, start); return true; }
      ";" { emit_here(TokenKind::Semi, start); return true; }
      "+" { emit_here(TokenKind::Plus, start); return true; }
      "-" { emit_here(TokenKind::Minus, start); return true; }
      "*" { emit_here(TokenKind::Star, start); return true; }
      "/" { emit_here(TokenKind::Slash, start); return true; }
      "|" { emit_here(TokenKind::VBar, start); return true; }
      "&" { emit_here(TokenKind::Amper, start); return true; }
      "<" { emit_here(TokenKind::Less, start); return true; }
      ">" { emit_here(TokenKind::Greater, start); return true; }
      "=" { emit_here(TokenKind::Equal, start); return true; }
      "." { emit_here(TokenKind::Dot, start); return true; }
      "%" { emit_here(TokenKind::Percent, start); return true; }
      "==" { emit_here(TokenKind::EqEqual, start); return true; }
      "!=" { emit_here(TokenKind::NotEqual, start); return true; }
      "<=" { emit_here(TokenKind::LessEqual, start); return true; }
      ">=" { emit_here(TokenKind::GreaterEqual, start); return true; }
      "~" { emit_here(TokenKind::Tilde, start); return true; }
      "^" { emit_here(TokenKind::Circumflex, start); return true; }
      "<<" { emit_here(TokenKind::LeftShift, start); return true; }
      ">>" { emit_here(TokenKind::RightShift, start); return true; }
      "**" { emit_here(TokenKind::DoubleStar, start); return true; }
      "+=" { emit_here(TokenKind::PlusEqual, start); return true; }
      "-=" { emit_here(TokenKind::MinEqual, start); return true; }
      "*=" { emit_here(TokenKind::StarEqual, start); return true; }
      "/=" { emit_here(TokenKind::SlashEqual, start); return true; }
      "%=" { emit_here(TokenKind::PercentEqual, start); return true; }
      "&=" { emit_here(TokenKind::AmperEqual, start); return true; }
      "|=" { emit_here(TokenKind::VBarEqual, start); return true; }
      "^=" { emit_here(TokenKind::CircumflexEqual, start); return true; }
      "<<=" { emit_here(TokenKind::LeftShiftEqual, start); return true; }
      ">>=" { emit_here(TokenKind::RightShiftEqual, start); return true; }
      "**=" { emit_here(TokenKind::DoubleStarEqual, start); return true; }
      "//" { emit_here(TokenKind::DoubleSlash, start); return true; }
      "//=" { emit_here(TokenKind::DoubleSlashEqual, start); return true; }
      "@" { emit_here(TokenKind::At, start); return true; }
      "@=" { emit_here(TokenKind::AtEqual, start); return true; }
      "->" { emit_here(TokenKind::RArrow, start); return true; }
      "..." { emit_here(TokenKind::Ellipsis, start); return true; }
      ":=" { emit_here(TokenKind::ColonEqual, start); return true; }
      * { cur_ = start; return invalid_character(start); }
    */
  }
}

}  // namespace

TokenizeResult tokenize(std::string_view source, bool implied_newline) { return Lexer(source, implied_newline).run(); }

}  // namespace minipy
