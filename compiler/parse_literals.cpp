// Literal decoding for the grammar's atoms: numbers (int of any size, float), string and bytes literals with
// every prefix and escape, adjacent-literal concatenation, and f-strings in CPython 3.11's AST shape (a JoinedStr
// of Constant and FormattedValue parts, whose embedded expressions are parsed by the same grammar).
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <iterator>
#include <string>

#include "compiler/parse.h"
#include "compiler/parse_build.h"
#include "compiler/parse_unicode.h"
#include "compiler/unicode_names.h"

namespace minipy::front {

using namespace ast;

namespace {
// The int/str digit limit for literals: CPython's default (sys.int_info.default_max_str_digits) until
// sys.set_int_max_str_digits() changes it through set_int_literal_max_digits (below). CPython's parser converts
// literals under the limit in effect at compile time, so eval() of a huge literal succeeds once a program lifted it.
int64_t literal_max_digits = 4300;

// CPython converts a decimal literal that does not fit a C long with the int/str conversion, which counts the
// digits (underscores aside) against the limit; a literal starting with 0 is all zeros and never gets there.
// The message is the conversion's ValueError plus advice, at the token's lines without columns (offset 0: no
// wall of carets under a huge literal).
bool check_literal_digit_limit(ParseContext& ctx, std::string_view digits, Span span) {
  if (literal_max_digits <= 0 || digits.empty() || digits[0] == '0') return true;
  int64_t count = 0;
  for (char c : digits) count += c != '_';
  if (count <= literal_max_digits) return true;
  ctx.fail(fmt::format("Exceeds the limit ({} digits) for integer string conversion: value has {} digits; use "
                       "sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge "
                       "integer literals to avoid decimal conversion limits.",
                       literal_max_digits, count),
           span);
  if (ctx.error) {
    ctx.error->offset = ctx.error->end_offset = 0;
    ctx.error->columns_omitted = true;
  }
  return false;
}
}  // namespace

Expr* make_number(ParseContext& ctx, int token) {
  std::string_view text = ctx.token_text(token);
  Span span = ctx.token_span(token);
  char last = text.back();
  if (last == 'j' || last == 'J') {
    // An imaginary literal: its digits (decimal, possibly with a point or exponent) read as a float.
    std::string digits;
    for (char c : text.substr(0, text.size() - 1))
      if (c != '_') digits += c;
    // strtod is correctly rounded (glibc), as CPython's _Py_dg_strtod is, so literals read to the same doubles; the
    // lexer already checked the syntax.
    return make_constant(ctx, Const::complex(0.0, std::strtod(digits.c_str(), nullptr)), span);
  }
  bool radix_prefix = text.size() > 1 && text[0] == '0' && std::string_view("xXoObB").find(text[1]) != std::string_view::npos;
  if (!radix_prefix && text.find_first_of(".eE") != std::string_view::npos) {
    std::string digits;
    for (char c : text)
      if (c != '_') digits += c;
    return make_constant(ctx, Const::floating(std::strtod(digits.c_str(), nullptr)), span);
  }
  int base = 10;
  std::string_view digits = text;
  if (radix_prefix) {
    char r = static_cast<char>(text[1] | 0x20);
    base = r == 'x' ? 16 : r == 'o' ? 8 : 2;
    digits = text.substr(2);
    if (!digits.empty() && digits[0] == '_') digits.remove_prefix(1);
  }
  // Most literals fit in 63 bits: accumulate them directly (the lexer has validated the digits) and share one
  // constant per small value; only the rest go through GMP.
  uint64_t small = 0;
  bool fits = true;
  for (char c : digits) {
    if (c == '_') continue;
    int d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    if (small > (static_cast<uint64_t>(INT64_MAX) - static_cast<uint64_t>(d)) / static_cast<uint64_t>(base)) {
      fits = false;
      break;
    }
    small = small * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
  }
  if (fits) {
    // Int constants are shared per compile: thousands of `0` and `1` literals in a large module then cost one Const
    // each, and codegen's constant table finds them by identity first. The small ones need no hashing.
    if (small < std::size(ctx.small_ints)) {
      const Const*& cached = ctx.small_ints[small];
      if (!cached) cached = ctx.arena.keep(Const::integer(BigInt(static_cast<int64_t>(small))));
      return make_expr<Constant>(ctx, span, cached, std::string_view{});
    }
    const Const*& cached = ctx.int_constants[small];
    if (!cached) cached = ctx.arena.keep(Const::integer(BigInt(static_cast<int64_t>(small))));
    return make_expr<Constant>(ctx, span, cached, std::string_view{});
  }
  if (base == 10 && !check_literal_digit_limit(ctx, digits, span)) return nullptr;
  auto value = BigInt::parse(digits, base);
  if (!value) {
    ctx.fail("invalid syntax", span);
    return nullptr;
  }
  return make_constant(ctx, Const::integer(std::move(*value)), span);
}

namespace {

struct LiteralParts {
  bool raw = false, bytes = false, fstring = false, unicode = false;
  std::string_view body;  // between the quotes, a view into the source
};

// The prefix letters may come in any order and case (rb, Rb, bR, ...); a triple-quoted body is recognised by the
// token's length, since the lexer already matched the quotes.
LiteralParts split_literal(std::string_view text) {
  LiteralParts p;
  size_t i = 0;
  for (; text[i] != '\'' && text[i] != '"'; ++i) {
    switch (text[i] | 0x20) {
      case 'r': p.raw = true; break;
      case 'b': p.bytes = true; break;
      case 'f': p.fstring = true; break;
      case 'u': p.unicode = text[i] == 'u'; break;  // CPython marks kind='u' for a lowercase prefix only
    }
  }
  size_t quote_len = text.size() - i >= 6 && text[i + 1] == text[i] && text[i + 2] == text[i] ? 3 : 1;
  p.body = text.substr(i + quote_len, text.size() - i - 2 * quote_len);
  return p;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = static_cast<char>(c | 0x20);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// Decodes the escapes of a (non-raw) literal body into `out`; returns an error message or empty.
// The escapes of Python's string literals (the language reference's table); the error texts are those of the
// 'unicodeescape' codec that CPython's parser decodes str literals with, including its byte positions, because CPython
// reports them as SyntaxError "(unicode error) ...".
// `invalid` (when not npos already) becomes the index of the character after the backslash of the first escape
// CPython 3.11 warns of: an unknown one, or an octal one above 0o377.
std::string decode_escapes(std::string_view body, bool bytes, std::string& out, size_t& invalid) {
  auto note_invalid = [&](size_t at) {
    if (invalid == std::string_view::npos) invalid = at;
  };
  for (size_t i = 0; i < body.size();) {
    // The text up to the next backslash is copied as one run (docstrings have few escapes or none).
    size_t backslash = body.find('\\', i);
    if (backslash == std::string_view::npos || backslash + 1 >= body.size()) {
      out.append(body.substr(i));
      break;
    }
    out.append(body.substr(i, backslash - i));
    i = backslash;
    char e = body[i + 1];
    size_t start = i;
    i += 2;
    switch (e) {
      case '\n': break;
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      // Up to three octal digits; a value above 0o377 is a code point in a str and wraps to a byte in bytes (3.11 does
      // not yet warn about it; 3.12 does).
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        unsigned value = static_cast<unsigned>(e - '0');
        for (int k = 0; k < 2 && i < body.size() && body[i] >= '0' && body[i] <= '7'; ++k, ++i)
          value = value * 8 + static_cast<unsigned>(body[i] - '0');
        if (value > 0377) note_invalid(start + 1);
        if (bytes) out += static_cast<char>(value & 0xFF);
        else append_utf8(out, value);
        break;
      }
      case 'x': case 'u': case 'U': {
        // \u, \U and \N are not escapes in bytes literals: they stay as written, backslash included.
        if (bytes && e != 'x') {
          note_invalid(start + 1);
          out += '\\';
          out += e;
          break;
        }
        int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        char32_t value = 0;
        for (int k = 0; k < digits; ++k) {
          int h = i + k < body.size() ? hex_value(body[i + k]) : -1;
          if (h < 0) {
            if (bytes) return fmt::format("(value error) invalid \\x escape at position {}", start);
            return fmt::format("(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: "
                               "truncated \\{}{} escape", start, i + k - 1, e, std::string(digits, 'X'));
          }
          value = value * 16 + static_cast<char32_t>(h);
        }
        i += static_cast<size_t>(digits);
        if (bytes) {
          out += static_cast<char>(value);
        } else if (value > 0x10FFFF) {
          return fmt::format("(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: "
                             "illegal Unicode character", start, i - 1);
        } else {
          // A lone surrogate (\udc80) is kept as its three-byte encoding, as CPython's marshal writes it
          // (surrogatepass): minipy's text layer treats such code points like any other.
          append_utf8(out, value);
        }
        break;
      }
      case 'N': {
        if (bytes) {
          note_invalid(start + 1);
          out += "\\N";
          break;
        }
        // \N{NAME}: positions as CPython's unicode-escape decoder reports them (up to where it stopped reading).
        auto error = [&](size_t end, const char* what) {
          return fmt::format("(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {}", start,
                             end, what);
        };
        if (i >= body.size() || body[i] != '{') return error(i - 1, "malformed \\N character escape");
        size_t close = body.find('}', i + 1);
        if (close == std::string_view::npos) return error(body.size() - 1, "malformed \\N character escape");
        if (close == i + 1) return error(i, "malformed \\N character escape");
        std::string character;
        if (!unicode_names::lookup(body.substr(i + 1, close - i - 1), false, &character))
          return error(close, "unknown Unicode character name");
        out += character;
        i = close + 1;
        break;
      }
      default:
        // Unknown escapes keep their backslash (CPython warns).
        // A backslash before a non-ASCII character is not an escape to CPython's str decoder: no warning.
        if (bytes || static_cast<unsigned char>(e) < 0x80) note_invalid(start + 1);
        out += '\\';
        out += e;
        break;
    }
  }
  return {};
}

// CPython 3.11's parser warns of the first invalid escape of each literal it decodes (`escape` starts just after
// its backslash) with a DeprecationWarning on the line of the literal's token; a filter that makes it an error
// gets the parser's SyntaxError on the whole token instead. `next_token`: the token CPython had read by then.
void warn_invalid_escape(ParseContext& ctx, int token, int next_token, std::string_view escape) {
  bool octal = escape[0] >= '4' && escape[0] <= '7';  // an octal escape above 0o377
  std::string message = octal ? fmt::format("invalid octal escape sequence '\\{}'", escape.substr(0, 3))
                              : fmt::format("invalid escape sequence '\\{}'", escape[0]);
  Span span = ctx.token_span(token);
  SyntaxWarning w{message, {}, span.line, span.col, span.end_line, span.end_col};
  w.deprecation = true;
  w.as_error = ctx.error_at(message, span);
  // The parser's text is its tokenizer's buffer while that is still on the literal's line, else that line alone.
  if (ctx.tokens[static_cast<size_t>(next_token)].line > span.line) {
    std::string_view line = ctx.line_text(span.line);
    w.as_error->text = std::string(line.substr(0, line.ends_with('\n') ? line.size() - 1 : line.size()));
    // Its end column is counted in that line's characters too, up to one past its end.
    std::string_view text = w.as_error->text;
    size_t end = static_cast<size_t>(span.end_col) + 1;
    w.as_error->end_offset = static_cast<int>(end <= text.size() ? count_chars(text.substr(0, end)) : count_chars(text) + 1);
  }
  w.error_text_from_file = ctx.mode == ast::ParseMode::Exec;
  ctx.escape_warnings.push_back({std::move(w), token, next_token});
}

// A bytes literal may only hold ASCII characters in its source text (non-ASCII must be escaped); CPython checks the raw
// text, before escapes are processed, and reports it at the end of the literal.
bool decode_plain(ParseContext& ctx, const LiteralParts& p, int token, int next_token, std::string& out) {
  Span span = ctx.token_span(token);
  if (p.bytes) {
    for (unsigned char c : p.body) {
      if (c >= 0x80) {
        ctx.fail("bytes can only contain ASCII literal characters", Span{span.end_line, span.end_col, span.end_line, span.end_col});
        return false;
      }
    }
  }
  if (p.raw) {
    out.append(p.body);
    return true;
  }
  size_t invalid = std::string_view::npos;
  std::string err = decode_escapes(p.body, p.bytes, out, invalid);
  if (!err.empty()) {
    // CPython points a decoding error at the end of the literal.
    ctx.fail(err, Span{span.end_line, span.end_col, span.end_line, span.end_col});
    return false;
  }
  if (invalid != std::string_view::npos) warn_invalid_escape(ctx, token, next_token, p.body.substr(invalid));
  return true;
}

// Records `message` at `after` (span_after_literals: an end_col of -1 is the input's end, on the last character).
void fail_at_span_after(ParseContext& ctx, Span after, std::string message) {
  if (after.end_col < 0) {
    ctx.fail(std::move(message), Span{after.line, after.col - 1, after.line, after.col - 1});
    ctx.error->end_offset = -1;
  } else {
    ctx.fail(std::move(message), after);
  }
}

// Builds the parts of one f-string body; `spec` parsing stops at the closing '}' of the enclosing field.
// 3.11 still parses f-strings in the string parser (Parser/string_parser.c), not in the grammar: the literal text is
// split here into constant parts and replacement fields, and each field's expression goes through
// parse_fstring_expression (parse.cpp). Error messages and positions follow string_parser.c.
class FStringParser {
 public:
  // `whole` spans all the concatenated literals, `token` the one being parsed (format specs end with it).
  // `token_index` and `next_index`: the literal's token and the one after the concatenation, for warnings.
  FStringParser(ParseContext& ctx, Span whole, Span token, Span after, bool raw, int token_index = -1,
                int next_index = -1)
      : ctx_(ctx), whole_(whole), token_(token), after_(after), raw_(raw), token_index_(token_index),
        next_index_(next_index) {}

  // Appends the parts of `body` to `parts`, with literal text gathered in `pending`.
  bool parse(std::string_view body, std::vector<Expr*>& parts, std::string& pending, int depth) {
    size_t i = 0;
    return parse_until(body, i, parts, pending, depth, false);
  }

 private:
  bool parse_until(std::string_view body, size_t& i, std::vector<Expr*>& parts, std::string& pending, int depth,
                   bool in_spec) {
    while (i < body.size()) {
      char c = body[i];
      if (c == '{') {
        if (!in_spec && i + 1 < body.size() && body[i + 1] == '{') {
          pending += '{';
          i += 2;
          continue;
        }
        // A field inside a format spec inside a field is as deep as 3.11 allows (fstring_find_expr's recurse_lvl
        // check).
        if (depth >= 2) return fail("f-string: expressions nested too deeply");
        if (!parse_field(body, i, parts, pending, depth)) return false;
        continue;
      }
      if (c == '}') {
        if (in_spec) return true;
        if (i + 1 < body.size() && body[i + 1] == '}') {
          pending += '}';
          i += 2;
          continue;
        }
        return fail("f-string: single '}' is not allowed");
      }
      size_t run_start = i;
      while (i < body.size() && body[i] != '{' && body[i] != '}') {
        if (!raw_ && body[i] == '\\' && i + 1 < body.size()) {
          if (body[i + 1] == 'N' && i + 2 < body.size() && body[i + 2] == '{') {
            // The braces of \N{NAME} belong to the escape, not to a replacement field.
            size_t close = body.find('}', i + 3);
            i = close == std::string_view::npos ? body.size() : close + 1;
            continue;
          }
          // A backslash before a brace stays a literal backslash; the brace keeps its meaning.
          if (body[i + 1] == '{') warn(body.substr(i + 1));  // CPython's scan for the field warns of `\{`
          i += body[i + 1] == '{' || body[i + 1] == '}' ? 1 : 2;
          continue;
        }
        ++i;
      }
      std::string_view run = body.substr(run_start, i - run_start);
      if (raw_) {
        pending.append(run);
      } else {
        size_t invalid = std::string_view::npos;
        std::string err = decode_escapes(run, false, pending, invalid);
        if (!err.empty()) return fail(err);
        // CPython's piece of literal text takes in the first brace of a doubled one: after a lone backslash
        // that brace is one more invalid escape.
        size_t trailing = run.size() - std::min(run.size(), run.find_last_not_of('\\') + 1);
        bool doubled = !in_spec && i + 1 < body.size() && body[i + 1] == body[i];
        if (invalid == std::string_view::npos && trailing % 2 == 1 && doubled) invalid = run.size();
        if (invalid != std::string_view::npos) warn(body.substr(run_start + invalid));
      }
    }
    return !in_spec || fail("f-string: expecting '}'");
  }

  bool parse_field(std::string_view body, size_t& i, std::vector<Expr*>& parts, std::string& pending, int depth) {
    size_t expr_start = ++i;
    // The scan of CPython's fstring_find_expr: strings (single or triple quoted) are skipped whole, brackets must
    // pair up, and the field ends at a top-level '!', ':', '}' or '=' that is not half of '!=', '==', '<=', '>='.
    std::string open_brackets;  // CPython's parenstack: closers must match
    char quote = 0;
    bool triple = false;
    constexpr size_t kMaxBracketDepth = 200;  // CPython's MAXLEVEL
    for (; i < body.size(); ++i) {
      char c = body[i];
      // A backslash is refused anywhere in the field, inside its strings too.
      if (c == '\\') return fail("f-string expression part cannot include a backslash");
      if (quote) {
        if (c != quote) continue;
        if (!triple) {
          quote = 0;
        } else if (i + 2 < body.size() && body[i + 1] == c && body[i + 2] == c) {
          i += 2;
          quote = 0;
        }
        continue;
      }
      if (c == '\'' || c == '"') {
        triple = i + 2 < body.size() && body[i + 1] == c && body[i + 2] == c;
        if (triple) i += 2;
        quote = c;
        continue;
      }
      if (c == '(' || c == '[' || c == '{') {
        if (open_brackets.size() >= kMaxBracketDepth) return fail("f-string: too many nested parenthesis");
        open_brackets.push_back(c);
        continue;
      }
      if (c == '#') return fail("f-string expression part cannot include '#'");
      if (open_brackets.empty() && (c == '!' || c == ':' || c == '}' || c == '=' || c == '>' || c == '<')) {
        char next = i + 1 < body.size() ? body[i + 1] : 0;
        if (next == '=' && c != ':' && c != '}') {
          ++i;
          continue;
        }
        if (c == '>' || c == '<') continue;
        break;
      }
      if (c == ')' || c == ']' || c == '}') {
        if (open_brackets.empty()) return fail(fmt::format("f-string: unmatched '{}'", c));
        char open = open_brackets.back();
        open_brackets.pop_back();
        if ((open == '(') != (c == ')') || (open == '[') != (c == ']'))
          return fail(fmt::format("f-string: closing parenthesis '{}' does not match opening parenthesis '{}'", c, open));
      }
    }
    if (i >= body.size() && quote) return fail("f-string: unterminated string");
    if (!open_brackets.empty()) return fail(fmt::format("f-string: unmatched '{}'", open_brackets.back()));
    if (i >= body.size()) return fail("f-string: expecting '}'");
    std::string_view expr_text = body.substr(expr_start, i - expr_start);
    if (expr_text.find_first_not_of(" \t\n\f") == std::string_view::npos) {
      if (body[i] == '!' || body[i] == ':' || body[i] == '=')
        return fail(fmt::format("f-string: expression required before '{}'", body[i]));
      return fail("f-string: empty expression not allowed");
    }
    // CPython compiles the expression as soon as it has found its end, before it looks at `=`, `!`, `:`, `}`.
    Expr* value = parse_fstring_expression(ctx_, expr_text);
    if (!value) return false;
    bool self_documenting = false;
    if (body[i] == '=') {
      self_documenting = true;
      // Refused below 3.8, once the tree is known (CPython reports the constructs in the order it reduces them).
      if (ctx_.feature_version < kLatestFeatureVersion) ctx_.self_documenting_fstrings.push_back(whole_);
      ++i;
      while (i < body.size() && std::isspace(static_cast<unsigned char>(body[i]))) ++i;
      if (i >= body.size()) return fail("f-string: expecting '}'");
      pending.append(body.substr(expr_start, i - expr_start));
    }
    int conversion = -1;
    if (i < body.size() && body[i] == '!') {
      if (i + 1 >= body.size()) return fail("f-string: expecting '}'");
      char conv = body[i + 1];
      if (conv != 's' && conv != 'r' && conv != 'a')
        return fail("f-string: invalid conversion character: expected 's', 'r', or 'a'");
      conversion = conv;
      i += 2;
    }
    Expr* spec = nullptr;
    if (i < body.size() && body[i] == ':') {
      ++i;
      std::vector<Expr*> spec_parts;
      std::string spec_pending;
      // CPython 3.11 gives a format spec and its parts the line of the literal holding it, the column where
      // the whole concatenation starts, and that literal's end.
      Span spec_span{token_.line, whole_.col, token_.end_line, token_.end_col};
      FStringParser spec_parser(ctx_, spec_span, token_, after_, raw_, token_index_, next_index_);
      if (!spec_parser.parse_until(body, i, spec_parts, spec_pending, depth + 1, true)) return false;
      spec_parser.flush(spec_parts, spec_pending);
      // ...except that once the spec holds a field, all its parts take the whole literal's span.
      bool has_field = false;
      for (Expr* part : spec_parts) has_field |= part->kind == ExprKind::FormattedValue;
      if (has_field)
        for (Expr* part : spec_parts) part->loc = whole_.loc();
      spec = make_expr<JoinedStr>(ctx_, spec_span, to_list(ctx_, spec_parts));
    }
    if (i >= body.size() || body[i] != '}') return fail("f-string: expecting '}'");
    ++i;
    if (self_documenting && conversion == -1 && !spec) conversion = 'r';
    flush(parts, pending);
    parts.push_back(make_expr<FormattedValue>(ctx_, whole_, value, conversion, spec));
    return true;
  }

 public:
  void flush(std::vector<Expr*>& parts, std::string& pending) {
    if (pending.empty()) return;
    parts.push_back(make_constant(ctx_, Const::str(pending, all_name_chars(pending)), whole_));
    pending.clear();
  }

 private:
  // CPython 3.11 places f-string errors at the token after the literals (it has read it by then): its whole span,
  // a NEWLINE being zero-wide; the ENDMARKER of eval or single input that ends without a newline sits on the
  // literal's last character with end_offset -1.
  bool fail(std::string message) {
    fail_at_span_after(ctx_, after_, std::move(message));
    return false;
  }
  void warn(std::string_view escape) {
    if (token_index_ >= 0) warn_invalid_escape(ctx_, token_index_, next_index_, escape);
  }

  ParseContext& ctx_;
  Span whole_;
  Span token_;
  Span after_;
  bool raw_;
  int token_index_, next_index_;
};

}  // namespace

// The token after string literal `last` (the last token CPython's parser read when it decodes them), where their
// errors go: its whole span, a NEWLINE or ENDMARKER zero-wide; one the input's end implies in eval or single
// mode (no newline there) gets an end_col of -1.
static Span span_after_literals(const ParseContext& ctx, int last) {
  Span after = ctx.token_span(last + 1);
  const Token& next = ctx.tokens[static_cast<size_t>(last + 1)];
  if (next.kind == TokenKind::Newline || next.kind == TokenKind::EndMarker) {
    after.end_line = after.line;
    after.end_col = next.begin == next.end && ctx.mode != ast::ParseMode::Exec ? -1 : after.col;
  }
  return after;
}

void fail_after_literals(ParseContext& ctx, int last, std::string message) {
  fail_at_span_after(ctx, span_after_literals(ctx, last), std::move(message));
}
namespace {
Expr* build_strings(ParseContext& ctx, int first, int last, Span span) {
  // Most literals stand alone: their one token is split into prefix and body once.
  LiteralParts first_parts = split_literal(ctx.token_text(first));
  bool any_f = first_parts.fstring, any_bytes = first_parts.bytes, any_text = !first_parts.bytes;
  for (int t = first + 1; t <= last; ++t) {
    LiteralParts p = split_literal(ctx.token_text(t));
    any_f |= p.fstring;
    (p.bytes ? any_bytes : any_text) = true;
  }
  if (any_bytes && any_text) {
    Span at{span.end_line, span.end_col, span.end_line, span.end_col};
    ctx.fail("cannot mix bytes and nonbytes literals", at);
    return nullptr;
  }
  if (!any_f) {
    std::string value;
    for (int t = first; t <= last; ++t)
      if (!decode_plain(ctx, t == first ? first_parts : split_literal(ctx.token_text(t)), t, last + 1, value))
        return nullptr;
    // CPython interns string constants made only of name characters (codeobject.c's intern_string_constants).
    bool interned = !any_bytes && all_name_chars(value);
    ConstRef c = any_bytes ? Const::bytes(std::move(value)) : Const::str(std::move(value), interned);
    auto* node = make_expr<Constant>(ctx, span, ctx.arena.keep(std::move(c)), std::string_view{});
    if (first_parts.unicode) node->kind = "u";
    return node;
  }
  std::vector<Expr*> parts;
  std::string pending;
  // Where the f-string errors go (FStringParser::fail): the next token, an end_col of -1 marking the input's end.
  Span after = span_after_literals(ctx, last);
  for (int t = first; t <= last; ++t) {
    LiteralParts p = split_literal(ctx.token_text(t));
    if (p.fstring) {
      FStringParser fp(ctx, span, ctx.token_span(t), after, p.raw, t, last + 1);
      if (!fp.parse(p.body, parts, pending, 0)) return nullptr;
    } else if (!decode_plain(ctx, p, t, last + 1, pending)) {
      return nullptr;
    }
  }
  FStringParser(ctx, span, span, span, false).flush(parts, pending);
  return make_expr<JoinedStr>(ctx, span, to_list(ctx, parts));
}
}  // namespace

Expr* make_strings(ParseContext& ctx, int first, int last, Span span) {
  // The error report decodes the literals before the error token again, which warns once only.
  size_t warned = ctx.escape_warnings.size();
  bool decoded_before = std::any_of(ctx.escape_warnings.begin(), ctx.escape_warnings.end(), [&](const auto& w) {
    return w.literal_token >= first && w.literal_token <= last;
  });
  bool failed_before = ctx.failed();
  Expr* strings = build_strings(ctx, first, last, span);
  if (decoded_before) ctx.escape_warnings.resize(warned);
  if (!strings && !failed_before && ctx.failed()) ctx.error_from_literals = true;
  return strings;
}

}  // namespace minipy::front

namespace minipy {
void set_int_literal_max_digits(int64_t limit) { front::literal_max_digits = limit; }
int64_t int_literal_max_digits() { return front::literal_max_digits; }
}  // namespace minipy
