// The parse driver: source checks (NUL bytes, BOM, PEP 263 coding line, UTF-8), then the lexer and the Bison
// parser (fed by parse_feed.cpp, errors worded by parse_errors.cpp); also the re-entrant parse of f-string fields.
#include "compiler/parse.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <cctype>
#include <filesystem>
#include <fstream>

#include "compiler/parse_build.h"
#include "compiler/parse_unicode.h"
#include "compiler/stage_timer.h"

namespace minipy {
namespace front {

// Line `line` (1-based) of the decoded source with its newline: the text a SyntaxError shows. A linear scan is fine,
// because it runs only when an error is being built.
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

// The first physical line of the logical line that `line` belongs to, following multi-line tokens and backslash
// continuations backwards; fail() uses it so an error's text starts where CPython's tokenizer buffer does.
int ParseContext::first_joined_line(int line) const {
  for (bool joined = true; joined && line > 1;) {
    joined = false;
    // A token running from an earlier line onto this one (a multi-line string): tokens are in source order, so
    // look back from the first token that starts on this line or later.
    auto at = std::lower_bound(tokens.begin(), tokens.end(), line,
                               [](const Token& t, int l) { return t.line < l; });
    for (auto it = at; it != tokens.begin();) {
      --it;
      if (it->kind == TokenKind::Newline || it->kind == TokenKind::Indent || it->kind == TokenKind::Dedent) continue;
      if (it->end_line >= line && it->line < line) {
        line = it->line;
        joined = true;
      }
      break;
    }
    if (joined) continue;
    // A backslash ending the previous line outside a comment: the last token there ends before it.
    std::string_view prev = line_text(line - 1);
    if (prev.ends_with("\\\n")) {
      size_t backslash = static_cast<size_t>(prev.data() - source.data()) + prev.size() - 2;
      // (At the start of a line, before its first token, the tokenizer reads on with no token open: no join.)
      const Token* last = nullptr;
      for (auto it = at; it != tokens.begin();) {
        --it;
        if (it->begin <= backslash) {
          last = &*it;
          break;
        }
      }
      bool token_before = last && last->end_line == line - 1 && last->kind != TokenKind::Newline &&
                          last->kind != TokenKind::Indent && last->kind != TokenKind::Dedent && last->end <= backslash;
      if (token_before && source.substr(last->end, backslash - last->end).find('#') == std::string_view::npos) {
        --line;
        joined = true;
      }
    }
  }
  return line;
}

// Records the first error only: Bison's error recovery and the checks in the actions may report more, but CPython stops
// at the first, and later ones are usually consequences of it.
void ParseContext::fail(std::string message, Span span, SyntaxError::Kind kind) {
  if (error) return;
  error_span = span;
  error = error_at(std::move(message), span, kind);
}

SyntaxError ParseContext::error_at(std::string message, Span span, SyntaxError::Kind kind) const {
  SyntaxError e;
  e.kind = kind;
  e.message = std::move(message);
  e.lineno = span.line;
  e.end_lineno = span.end_line;
  std::string_view text = line_text(span.line);
  e.text = std::string(text);
  // CPython's text is its tokenizer's buffer, which starts a new line only outside a token: a line reached
  // through a multi-line string or a backslash continuation brings the lines it continues along. (The tokenizer's
  // own errors show their line alone.)
  if (int first = error_from_lexer ? span.line : first_joined_line(span.line); first < span.line) {
    std::string_view from = line_text(first);
    e.text.assign(from.data(), static_cast<size_t>(text.data() + text.size() - from.data()));
  }
  // CPython's tokenizer gives exec input that lacks a final newline one, so the last line's text has it too
  // (eval and single input stay as given; report_lex_error drops it again where the tokenizer's errors do).
  if (mode == ast::ParseMode::Exec && !text.empty() && text.end() == source.end() && !text.ends_with('\n'))
    e.text += '\n';
  // Spans are byte columns; SyntaxError.offset counts characters (1-based), as pegen's byte-to-character conversion
  // (_PyPegen_byte_offset_to_character_offset) gives them.
  auto char_offset = [](std::string_view line, int byte_col) {
    byte_col = std::clamp(byte_col, 0, static_cast<int>(line.size()));
    return count_chars(line.substr(0, static_cast<size_t>(byte_col))) + 1;
  };
  e.offset = char_offset(text, span.col);
  e.end_offset = char_offset(line_text(span.end_line), span.end_col);
  return e;
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

// Whether `text` is an ASCII name that is no keyword: the commonest f-string field ({total}), whose Name node a
// parser run would only confirm.
static bool is_plain_ascii_name(std::string_view text) {
  static constexpr std::string_view kKeywords[] = {
#define MINIPY_KEYWORD(kind, spelling) spelling,
#include "compiler/tokens.def"
  };
  if (text.empty() || std::isdigit(static_cast<unsigned char>(text[0]))) return false;
  for (char c : text)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  return std::find(std::begin(kKeywords), std::end(kKeywords), text) == std::end(kKeywords);
}

// The SyntaxError of an f-string field whose "(expr)" text `sub` parsed, the expression starting at byte `col` of
// source line `line`, in CPython 3.11's terms: a parser error is "f-string: ...", on the real line, with columns
// and text of the "(expr)" line it parsed; a tokenizer error keeps its message, columns and text, on the real
// line. An error of a field nested deeper is final already.
static SyntaxError fstring_field_error(const ParseContext& sub, int line, int col) {
  SyntaxError e = *sub.error;
  if (sub.error_is_final) return e;
  if (sub.error_from_lexer) {  // positions in the "(expr)" text (its tokens alone were moved)
    e.lineno += line - 1;
    e.end_lineno += line - 1;
    return e;
  }
  // The parser's span is in the source's coordinates: back to the "(expr)" text's. CPython leaves these offsets in
  // bytes (its tokenizer of the field's text has no encoding to convert them with).
  auto offset_in_text = [&](int real_line, int real_col) {
    int text_line = real_line - (line - 1);
    int text_col = text_line == 1 ? real_col - (col - 1) : real_col;
    return std::clamp(text_col, 0, static_cast<int>(sub.line_text(text_line).size())) + 1;
  };
  e.message = "f-string: " + e.message;
  e.lineno = sub.error_span.line;
  e.end_lineno = sub.error_span.end_line;
  e.offset = offset_in_text(sub.error_span.line, sub.error_span.col);
  e.end_offset = offset_in_text(sub.error_span.end_line, sub.error_span.end_col);
  // The line as CPython's tokenizer holds it: the last one with the newline exec input gets, an earlier one
  // (read past already) without its own.
  int text_line = sub.error_span.line - (line - 1);
  std::string_view text = sub.line_text(text_line);
  bool last = text.data() + text.size() >= sub.source.data() + sub.source.size();
  e.text = std::string(text);
  if (e.text.ends_with('\n')) e.text.pop_back();
  if (last) e.text += '\n';
  return e;
}

// 3.11 parses each f-string replacement field separately (fstring_compile_expr in CPython's string_parser.c): the
// field's text wrapped in parentheses, run through a fresh lexer and parser in eval mode, with the tokens moved to the
// field's place in the source so the nodes get real positions. The sub-context shares the arena, so the returned tree
// outlives it.
ast::Expr* parse_fstring_expression(ParseContext& ctx, std::string_view expr_text) {
  size_t offset = static_cast<size_t>(expr_text.data() - ctx.source.data());
  // Locate the expression through the string token that contains it.
  // Tokens are in source order, so the last one starting at or before the offset holds it.
  int line = 1, col = 0;
  auto after = std::upper_bound(ctx.tokens.begin(), ctx.tokens.end(), offset,
                                [](size_t off, const Token& t) { return off < t.begin; });
  if (after != ctx.tokens.begin()) {
    const Token& t = *std::prev(after);
    line = t.line;
    col = t.col;
    for (size_t p = t.begin; p < offset; ++p) {
      if (ctx.source[p] == '\n') {
        ++line;
        col = 0;
      } else {
        ++col;
      }
    }
  }
  if (is_plain_ascii_name(expr_text)) {
    // Where the parse of "(name)" below would put it, once its tokens are shifted.
    int width = static_cast<int>(expr_text.size());
    return make_expr<ast::Name>(ctx, Span{line, col, line, col + width},
                                ctx.source_in_arena ? expr_text : ctx.arena.copy(expr_text), ast::ExprContext::Load);
  }
  std::string buffer;
  buffer.reserve(expr_text.size() + 2);
  buffer += '(';
  buffer += expr_text;
  buffer += ')';
  // The parentheses let a field span lines and make `{a, b}` a tuple, as in CPython.
  ParseContext sub(buffer, ctx.arena, ast::ParseMode::Eval);
  sub.feature_version = ctx.feature_version;
  auto lexed = tokenize(buffer);
  sub.tokens = std::move(lexed.tokens);
  sub.lex_error = std::move(lexed.error);
  shift_tokens(sub.tokens, line, col);
  int rc = run_parser(sub);
  if (rc != 0 || !sub.module || sub.failed()) {
    if (!sub.error) {
      ctx.fail("f-string: invalid syntax", Span{line, 0, line, 0});
      return nullptr;
    }
    if (!ctx.error) {
      ctx.error = fstring_field_error(sub, line, col);
      ctx.error_span = sub.error_span;
      // Final: the outer field (if this is a nested f-string) must not add its own "f-string: " prefix or move the
      // positions again.
      ctx.error_is_final = true;
    }
    return nullptr;
  }
  // A nested f-string's `{x=}` counts for the whole tree's feature check.
  for (const Span& span : sub.self_documenting_fstrings) ctx.self_documenting_fstrings.push_back(span);
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

// The encoding named by a line matching PEP 263's `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`, lower-cased; empty
// when the line declares none.
// (CPython's tokenizer.c get_coding_spec does the same search by hand, so that a comment such as `# vim: set
// fileencoding=utf-8 :` is recognised.)
std::string encoding_in_line(std::string_view text) {
  size_t i = text.find_first_not_of(" \t\f");
  if (i == std::string_view::npos || text[i] != '#') return {};
  for (size_t at = text.find("coding", i); at != std::string_view::npos; at = text.find("coding", at + 1)) {
    size_t p = at + 6;
    if (p >= text.size() || (text[p] != ':' && text[p] != '=')) continue;
    ++p;
    while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) ++p;
    std::string name;
    while (p < text.size() && (std::isalnum(static_cast<unsigned char>(text[p])) || text[p] == '-' ||
                               text[p] == '_' || text[p] == '.'))
      name += static_cast<char>(std::tolower(static_cast<unsigned char>(text[p++])));
    if (!name.empty()) return name;
  }
  return {};
}

// The encoding declared on line 1 or 2 (line 2 counts only after a blank or comment-only line 1).
std::string declared_encoding(std::string_view source) {
  size_t nl = source.find('\n');
  std::string_view first = source.substr(0, nl);
  if (std::string name = encoding_in_line(first); !name.empty()) return name;
  size_t start = first.find_first_not_of(" \t\f\r");
  if (nl == std::string_view::npos || (start != std::string_view::npos && first[start] != '#')) return {};
  std::string_view rest = source.substr(nl + 1);
  return encoding_in_line(rest.substr(0, rest.find('\n')));
}

SourceDecoder source_decoder = nullptr;
void* source_decoder_context = nullptr;

// The compiler decodes UTF-8 and Latin-1 itself; other codecs need the VM's codec registry, reached through
// source_decoder when the VM has set one. Without it, kKnown separates "a real codec we lack" (a minipy message) from
// "no such codec" (CPython's "unknown encoding").
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

// With a BOM the cookie must name UTF-8 as CPython's tokenizer normalises names (get_normal_name: the first 12
// characters lowercased, '_' as '-', then "utf-8" or "utf-8-..."): "utf8" passes codec lookup but not this test,
// so "\xef\xbb\xbf# coding: utf8" is CPython's "encoding problem: utf8 with BOM".
bool names_utf8_exactly(std::string_view name) {
  std::string normal;
  for (size_t i = 0; i < name.size() && i < 12; i++)
    normal.push_back(name[i] == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(name[i]))));
  return normal == "utf-8" || normal.rfind("utf-8-", 0) == 0;
}

}  // namespace

// A hook rather than a dependency: the compiler library may not include vm/ headers, so the VM registers its codec
// lookup here at start-up (a plain function pointer and context, no ownership).
void set_source_decoder(SourceDecoder decoder, void* context) {
  source_decoder = decoder;
  source_decoder_context = context;
}

// For a module's error without columns, CPython's parser takes the line's text from the file the error names, when
// it can read that many lines, through a 1000-byte line buffer: of a line longer than 999 bytes only the last
// piece read remains (a literal of thousands of digits shows its tail). Elsewhere the source's line stays.
// Only a regular file is read, one line at a time: a name such as /dev/zero or a FIFO must not hang the compile.
void use_program_text(SyntaxError& e) {
  std::error_code ec;
  if (e.lineno < 1 || !std::filesystem::is_regular_file(e.filename, ec)) return;
  std::ifstream file(e.filename, std::ios::binary);
  if (!file) return;
  std::string line;
  for (int n = 1; n <= e.lineno; n++) {
    // Universal newlines: \r\n and a lone \r end a line as \n does, and read as \n.
    line.clear();
    bool ended = false;
    for (int c; (c = file.get()) != EOF;) {
      if (c == '\n' || c == '\r') {
        if (c == '\r' && file.peek() == '\n') file.get();
        ended = true;
        break;
      }
      line += static_cast<char>(c);
    }
    if (!ended && line.empty()) return;  // fewer lines than that: the source's line stays
    if (ended) line += '\n';
  }
  constexpr size_t kPiece = 999;  // fgets into 1000 bytes
  if (line.size() > kPiece) line = line.substr((line.size() - 1) / kPiece * kPiece);
  // Decoded with errors='replace' (continuation bytes cut from their lead byte become U+FFFD each).
  e.text = utf8_replace_invalid(line);
}

// A literal's warning made an error ends CPython's parse there; its error pass then tokenizes the rest of the
// source, and a tokenizer error found there replaces it (as after any parser error: prefer_tokenizer_error).
static void escape_error_after_tokenizer(front::ParseContext& ctx, front::ParseContext::EscapeWarning& e) {
  if (!ctx.lex_error) return;
  std::optional<SyntaxError> kept = std::move(ctx.error);
  front::Span kept_span = ctx.error_span;
  bool kept_from_lexer = ctx.error_from_lexer;
  int kept_line = ctx.last_read_line;
  ctx.error = e.warning.as_error;
  ctx.error_span = ctx.token_span(e.literal_token);
  ctx.error_from_lexer = false;
  ctx.last_read_line = ctx.tokens[static_cast<size_t>(e.literal_token)].line;
  front::prefer_tokenizer_error(ctx);
  if (ctx.error_from_lexer) {
    e.warning.as_error = std::move(ctx.error);
    e.warning.error_text_from_file = false;
  }
  ctx.error = std::move(kept);
  ctx.error_span = kept_span;
  ctx.error_from_lexer = kept_from_lexer;
  ctx.last_read_line = kept_line;
}

// The warnings of a parse in CPython's order: the tokenizer's as it reads each token, the literals' as the parser
// decodes them (once it has read the token after them: not at all when that token is a tokenizer error). A parse
// that `failed` through the grammar (not in the tokenizer or a literal) is run a second time by CPython, which
// warns of the same literals again; the tokenizer's warnings past the error come after that, from its error pass.
static std::vector<SyntaxWarning> collect_warnings(front::ParseContext& ctx, std::vector<SyntaxWarning>& lexed,
                                                   bool failed) {
  for (SyntaxWarning& w : lexed) {
    // Made an error by the filters, the tokenizer's warning is its own SyntaxError, on its line alone.
    w.from_tokenizer = true;
    w.as_error = ctx.error_at(w.message, front::Span{w.lineno, w.col_offset, w.lineno, w.col_offset});
    if (w.as_error->text.ends_with('\n')) w.as_error->text.pop_back();
  }
  bool second_pass = failed && !ctx.error_from_lexer && !ctx.error_from_literals;
  auto before_error = [&](const SyntaxWarning& w) {
    return !second_pass || !ctx.error ||
           std::pair(w.lineno, w.col_offset) < std::pair(ctx.error_span.line, ctx.error_span.col);
  };
  std::vector<SyntaxWarning> all;
  auto lexer_it = lexed.begin();
  std::vector<SyntaxWarning> escapes;
  for (auto& e : ctx.escape_warnings) {
    const Token& next = ctx.tokens[static_cast<size_t>(e.next_token)];
    if (next.kind == TokenKind::Error) continue;
    for (; lexer_it != lexed.end() && before_error(*lexer_it) &&
           std::pair(lexer_it->lineno, lexer_it->col_offset) < std::pair(next.line, next.col);
         ++lexer_it)
      all.push_back(std::move(*lexer_it));
    escape_error_after_tokenizer(ctx, e);
    all.push_back(e.warning);
    escapes.push_back(std::move(e.warning));
  }
  for (; lexer_it != lexed.end() && before_error(*lexer_it); ++lexer_it) all.push_back(std::move(*lexer_it));
  if (second_pass)
    for (SyntaxWarning& w : escapes) all.push_back(std::move(w));
  for (; lexer_it != lexed.end(); ++lexer_it) all.push_back(std::move(*lexer_it));
  return all;
}

ParseResult parse(std::string_view source, std::string_view filename, ast::ParseMode mode, ast::Arena& arena,
                  int feature_version, SourceOrigin origin, IncompleteInputFlags incomplete) {
  ParseResult result;
  // A NUL byte: compile() and the other string paths refuse it with CPython 3.11's ValueError. A file's tokenizer
  // reads its lines as C strings: a NUL ends the line there, newline and all (the next line joins it).
  std::string without_nuls;
  if (source.find('\0') != std::string_view::npos) {
    if (origin != SourceOrigin::File) {
      result.error = make_error("source code string cannot contain null bytes", filename);
      result.error->kind = SyntaxError::Kind::ValueError;
      return result;
    }
    for (size_t pos = 0; pos < source.size();) {
      size_t nul = source.find('\0', pos);
      if (nul == std::string_view::npos) nul = source.size();
      without_nuls.append(source.substr(pos, nul - pos));
      size_t nl = nul < source.size() ? source.find('\n', nul) : std::string_view::npos;
      pos = nl == std::string_view::npos ? source.size() : nl + 1;
    }
    source = without_nuls;
  }
  bool had_bom = source.size() >= 3 && std::memcmp(source.data(), "\xEF\xBB\xBF", 3) == 0;
  if (had_bom) source.remove_prefix(3);
  std::string text;
  std::string encoding = origin == SourceOrigin::Text ? std::string() : declared_encoding(source);
  if (!encoding.empty()) {
    Encoding enc = classify_encoding(encoding);
    if (had_bom && !names_utf8_exactly(encoding)) {
      result.error = make_error(fmt::format("encoding problem: {} with BOM", encoding), filename, 0, -1);
      return result;
    }
    if ((enc == Encoding::Unknown || enc == Encoding::Unsupported) && source_decoder) {
      std::string error;
      if (!source_decoder(source_decoder_context, encoding, source, &text, &error)) {
        result.error = make_error(std::move(error), filename, 0, -1);
        return result;
      }
      enc = Encoding::Utf8;
      source = {};  // `text` holds it all now
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
      for (unsigned char c : source) append_utf8(text, c);  // Latin-1 bytes are the first 256 code points
    }
  }
  if (text.empty()) text.assign(source);
  // A file with invalid UTF-8 fails at once with the decoder's message. A str/bytes source given to compile() is parsed
  // anyway with the bad bytes masked, so that a syntax error earlier in the text wins, as in CPython, whose tokenizer
  // reports the decoding error only when it reaches the bad line.
  std::string undecoded;  // a string source that is not UTF-8: the original (text is masked, parse_utf8.cpp)
  if (auto bad = find_invalid_utf8(text)) {
    if (origin == SourceOrigin::File) {
      int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(bad->offset), '\n'));
      result.error = make_error(fmt::format("Non-UTF-8 code starting with '\\x{}' in file {} on line {}, but no "
                                            "encoding declared; see https://peps.python.org/pep-0263/ for details",
                                            bad->byte_hex.substr(2), filename, line),
                                filename);  // CPython's decoder error carries no location (the message has it)
      return result;
    }
    undecoded = "pending";
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
  // Masking happens after the newline normalisation so that offsets in `undecoded` and `text` agree.
  if (!undecoded.empty()) undecoded = front::mask_invalid_utf8(text);
  // The source moves into the arena, so the tree's identifiers can be views of it (one copy instead of one per name).
  std::string_view source_text = arena.copy_terminated(text);
  front::ParseContext ctx(source_text, arena, mode);
  ctx.source_in_arena = true;
  auto lexed = [&] {
    StageScope stage(CompileStage::Lex);
    return tokenize(source_text, mode == ast::ParseMode::Exec);
  }();
  ctx.tokens = std::move(lexed.tokens);
  ctx.lex_error = std::move(lexed.error);
  ctx.feature_version = feature_version;
  // ast.parse(feature_version=(3, 6)) and below read `async`/`await` as plain names, as the 3.6 grammar did.
  if (feature_version < 7) front::demote_async_keywords(ctx);
  bool block_left_open = incomplete.dont_imply_dedent && front::drop_implied_dedents(ctx);
  int rc = front::run_parser(ctx);
  if (!undecoded.empty()) front::report_invalid_utf8(ctx, undecoded, had_bom || !encoding.empty());
  result.warnings = collect_warnings(ctx, lexed.warnings, rc != 0 || ctx.failed() || !ctx.module);
  for (SyntaxWarning& w : result.warnings) w.filename = std::string(filename);
  // Only a parse for an older grammar pays for the walk over the tree.
  if (rc == 0 && ctx.module && !ctx.failed() && feature_version < kLatestFeatureVersion)
    front::check_feature_versions(ctx);
  if (rc == 0 && ctx.module && !ctx.failed()) front::report_one_line_body_at_end(ctx);
  if (rc != 0 || ctx.failed() || !ctx.module) {
    if (!ctx.error) ctx.fail("invalid syntax", front::Span{1, 0, 1, 0});
    if (incomplete.allow_incomplete_input && front::report_incomplete_input(ctx)) {
      result.error = std::move(ctx.error);
      result.error->filename = std::string(filename);
      return result;
    }
    if (block_left_open && !ctx.error_from_lexer && ctx.error->message == "invalid syntax") front::fail_at_end_marker(ctx);
    // On a parse failure CPython tokenizes the rest of the source (_PyPegen_tokenize_full_source_to_check_for_errors)
    // and a tokenizer error found there, such as an unterminated string, replaces the parser's message; our lexer
    // ran over the whole text already, so its error is at hand.
    front::prefer_tokenizer_error(ctx);
    if (feature_version < kLatestFeatureVersion) front::check_feature_versions_before_error(ctx);
    result.error = std::move(ctx.error);
    result.error->filename = std::string(filename);
    // CPython's parser errors in a module take their text from the file the error names when it can read it
    // (_PyErr_ProgramDecodedTextObject); the tokenizer's own errors and those of f-string fields keep theirs.
    // A file in another encoding is decoded with it: its line is the decoded source's own (a script's) then.
    bool utf8_file = encoding.empty() || classify_encoding(encoding) == Encoding::Utf8;
    if (mode == ast::ParseMode::Exec &&
        (result.error->columns_omitted || (utf8_file && !ctx.error_from_lexer && !ctx.error_is_final)))
      use_program_text(*result.error);
    return result;
  }
  result.module = ctx.module;
  return result;
}

}  // namespace minipy
