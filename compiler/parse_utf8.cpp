// Source strings that are not valid UTF-8 and declare no other encoding (compile(b"...")), as CPython 3.11's
// string tokenizer treats them. Unlike a file (whose every line is checked: "Non-UTF-8 code starting with ..."),
// a string is decoded only where a token needs it: bad bytes in a comment pass, in a string literal they fail
// when the literal is decoded, in an identifier when the name is checked, each as "(unicode error) 'utf-8' codec
// can't decode ...". Here each undecodable range is masked by control bytes of the same length (so every offset
// stays put), the masked text is tokenized and parsed as usual, and the first token holding a masked byte -- if
// the parse got that far -- gets CPython's error.
#include <fmt/format.h>

#include <cctype>

#include "compiler/parse_build.h"
#include "compiler/parse_unicode.h"

namespace minipy::front {

namespace {

// The masks: the first byte of an undecodable range and the bytes after it (one U+FFFD stands for the range).
constexpr char kMaskFirst = '\x01';
constexpr char kMaskRest = '\x02';

bool masked(char c) { return c == kMaskFirst || c == kMaskRest; }

// SyntaxError.text of a line holding masked bytes: the original line decoded with errors='replace'.
std::string unmask(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == kMaskFirst) out += "\xEF\xBF\xBD";
    else if (c != kMaskRest) out += c;
  }
  return out;
}

// A name's bytes as the tokenizer takes them: ASCII letters, digits, '_' and every byte from 0x80 (masked ones too).
bool name_byte(const std::string& original, size_t i) {
  unsigned char c = static_cast<unsigned char>(original[i]);
  return c >= 0x80 || std::isalnum(c) || c == '_';
}

// The "(unicode error)" of a name holding undecodable bytes (verify_identifier): the position is within the
// name, the offset the tokenizer's column after it (in bytes), with no end.
void fail_identifier(ParseContext& ctx, const std::string& original, size_t bad, int line) {
  size_t start = bad, end = bad;
  while (start > 0 && original[start - 1] != '\n' && name_byte(original, start - 1)) --start;
  while (end < original.size() && name_byte(original, end)) ++end;
  std::string_view name(original.data() + start, end - start);
  auto problem = utf8_decode_error(name);
  size_t newline = start == 0 ? std::string::npos : original.rfind('\n', start - 1);
  size_t line_start = newline == std::string::npos ? 0 : newline + 1;
  ctx.fail("(unicode error) " + (problem ? problem->message(name) : std::string("unknown decode error")),
           Span{line, 0, line, 0});
  ctx.error->offset = static_cast<int>(end - line_start);
  ctx.error->end_offset = -1;
  ctx.error_from_lexer = true;  // a tokenizer error: the line alone, not the file's
}

// The error of string literal tokens [first, last] when token `bad` among them holds undecodable bytes: bytes
// must be ASCII; a str is decoded whole when it is raw or has no backslash, else (and in f-strings) by runs of
// non-ASCII bytes between the escapes, so the position counts from the start of that run.
void fail_literal(ParseContext& ctx, const std::string& original, int bad, int last) {
  const Token& t = ctx.tokens[bad];
  std::string_view text(original.data() + t.begin, t.end - t.begin);
  size_t quote = text.find_first_of("'\"");
  bool raw = false, bytes = false, fstring = false;
  for (char c : text.substr(0, quote)) {
    raw |= (c | 0x20) == 'r';
    bytes |= (c | 0x20) == 'b';
    fstring |= (c | 0x20) == 'f';
  }
  size_t quote_len = text.size() - quote >= 6 && text[quote + 1] == text[quote] && text[quote + 2] == text[quote] ? 3 : 1;
  std::string_view body = text.substr(quote + quote_len, text.size() - quote - 2 * quote_len);
  std::string message = "bytes can only contain ASCII literal characters";
  if (!bytes) {
    size_t first_bad = 0;
    while (first_bad < body.size() && !masked(ctx.source[t.begin + quote + quote_len + first_bad])) ++first_bad;
    std::string_view decoded = body;
    if (!raw && (fstring || body.find('\\') != std::string_view::npos)) {
      size_t run_start = first_bad, run_end = first_bad;
      while (run_start > 0 && static_cast<unsigned char>(body[run_start - 1]) >= 0x80) --run_start;
      while (run_end < body.size() && static_cast<unsigned char>(body[run_end]) >= 0x80) ++run_end;
      decoded = body.substr(run_start, run_end - run_start);
    }
    auto problem = utf8_decode_error(decoded);
    message = "(unicode error) " + (problem ? problem->message(decoded) : std::string("unknown decode error"));
  }
  fail_after_literals(ctx, last, std::move(message));
}

}  // namespace

std::string mask_invalid_utf8(std::string& text) {
  std::string original = text;
  size_t at = 0;
  while (auto e = utf8_decode_error(std::string_view(text).substr(at))) {
    text[at + e->start] = kMaskFirst;
    for (size_t i = at + e->start + 1; i < at + e->end; ++i) text[i] = kMaskRest;
    at += e->end;
  }
  return original;
}

// Without an encoding declaration CPython's tokenizer of bytes knows no encoding, and its parser errors keep byte
// columns (offset = byte column + 1) rather than counting characters.
static void use_byte_offsets(ParseContext& ctx, bool declared) {
  if (declared || !ctx.error || ctx.error_from_lexer) return;
  ctx.error->offset = ctx.error_span.col + 1;
  if (ctx.error->end_offset != -1) ctx.error->end_offset = ctx.error_span.end_col + 1;
}

void report_invalid_utf8(ParseContext& ctx, const std::string& original, bool declared) {
  // The first literal or tokenizer error holding a masked byte (bytes in comments belong to none and pass; a
  // NEWLINE token starts at the comment before it).
  int bad = -1;
  for (int i = 0; i < static_cast<int>(ctx.tokens.size()) && bad < 0; ++i) {
    const Token& t = ctx.tokens[i];
    if (t.kind != TokenKind::String && t.kind != TokenKind::Error) continue;
    for (uint32_t b = t.begin; b < t.end; ++b) {
      if (masked(ctx.source[b])) {
        bad = i;
        break;
      }
    }
  }
  // The tokenizer's error at a masked byte outside any token (where a name would start).
  size_t lex_at = std::string::npos;
  if (ctx.lex_error) {
    size_t line_start = 0;
    for (int l = 1; l < ctx.lex_error->line && line_start != std::string::npos; ++l)
      line_start = ctx.source.find('\n', line_start) + 1;
    size_t pos = line_start + static_cast<size_t>(std::max(ctx.lex_error->col, 0));
    if (pos < ctx.source.size() && masked(ctx.source[pos])) lex_at = pos;
  }
  const Token* bad_token = bad >= 0 ? &ctx.tokens[bad] : nullptr;
  if (bad_token && bad_token->kind == TokenKind::Error) {
    for (uint32_t b = bad_token->begin; b < bad_token->end; ++b)
      if (masked(ctx.source[b])) lex_at = b;
    bad_token = nullptr;
  }
  if (!bad_token && lex_at == std::string::npos) {
    if (ctx.error) ctx.error->text = unmask(ctx.error->text);
    use_byte_offsets(ctx, declared);
    return;
  }
  int bad_line = bad_token ? bad_token->line : ctx.lex_error->line;
  int bad_col = bad_token ? bad_token->col : ctx.lex_error->col;
  // A parser error before the undecodable token stands: CPython never got to decode it. (A later tokenizer error
  // at the masked name must not replace it: CPython 3.11 leaks a bare UnicodeDecodeError there in eval mode.)
  if (ctx.error && !ctx.error_from_lexer &&
      (ctx.error_span.line < bad_line || (ctx.error_span.line == bad_line && ctx.error_span.col < bad_col))) {
    ctx.error->text = unmask(ctx.error->text);
    use_byte_offsets(ctx, declared);
    if (lex_at != std::string::npos) ctx.lex_error.reset();
    return;
  }
  ctx.error.reset();
  ctx.error_from_lexer = false;
  ctx.error_is_final = false;
  if (bad_token) {
    int last = bad;
    while (last + 1 < static_cast<int>(ctx.tokens.size()) && ctx.tokens[last + 1].kind == TokenKind::String) ++last;
    fail_literal(ctx, original, bad, last);
    use_byte_offsets(ctx, declared);
  } else {
    fail_identifier(ctx, original, lex_at, bad_line);
  }
  ctx.error->text = unmask(ctx.error->text);
}

}  // namespace minipy::front
