// Stage 1+2: source bytes -> tokens -> AST. Entry point: parse().
//   in:  the source as bytes (checked for NUL bytes, the encoding declaration and UTF-8 validity), the file
//        name for messages, and the mode ('exec' module, 'eval' expression, 'single' interactive statement)
//   out: an ast::Module allocated in `arena`, or a SyntaxError in CPython's words and positions.
// Constructs outside minipy's subset (async, match, except*) are SyntaxErrors "... is not supported by minipy".
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "compiler/ast.h"
#include "compiler/syntax_error.h"

namespace minipy {

struct ParseResult {
  ast::Module* module = nullptr;      // set on success
  std::optional<SyntaxError> error;   // set on failure
  std::vector<SyntaxWarning> warnings;  // the tokenizer's, in source order (also beside an error)
};

// The minor version of Python 3 whose grammar parse() accepts in full. A lower `feature_version` (ast.parse's
// feature_version=(3, N), compile()'s _feature_version with PyCF_ONLY_AST) refuses the later features as
// CPython does (compiler/feature_versions.def), and below 3.7 `async`/`await` are names outside `async def`.
constexpr int kLatestFeatureVersion = 11;

// Where the source came from. CPython's file tokenizer (a script, stdin) checks every line is UTF-8 (without a
// coding line) and refuses a file that is not ("Non-UTF-8 code starting with ..."); its string tokenizer
// (compile() of bytes, imports, which compile the bytes they read) only decodes the tokens that need it
// ("(unicode error) ..."); a str source (compile(), exec(), eval(), ast.parse of a str) is text already, and its
// coding line is ignored (PyCF_IGNORE_COOKIE).
enum class SourceOrigin { String, File, Text };
// compile()'s flags for codeop: PyCF_ALLOW_INCOMPLETE_INPUT and PyCF_DONT_IMPLY_DEDENT.
struct IncompleteInputFlags {
  bool allow_incomplete_input = false;
  bool dont_imply_dedent = false;
};
ParseResult parse(std::string_view source, std::string_view filename, ast::ParseMode mode, ast::Arena& arena,
                  int feature_version = kLatestFeatureVersion, SourceOrigin origin = SourceOrigin::String,
                  IncompleteInputFlags incomplete = {});

// A source whose coding line names an encoding the front end does not decode itself (only UTF-8 and Latin-1):
// CPython decodes it with any codec it has, so the VM sets a decoder that uses its codecs. The decoder turns the
// whole source into UTF-8 in `out`, or returns false with `error` set to the SyntaxError's message ("unknown
// encoding: NAME", or the codec's UnicodeDecodeError text). Process-wide; without one such a source is refused.
using SourceDecoder = bool (*)(void* context, std::string_view encoding, std::string_view source, std::string* out,
                               std::string* error);
void set_source_decoder(SourceDecoder decoder, void* context);

// PyErr_ProgramTextObject: sets e.text to line e.lineno of the file e.filename names, read again from disk
// (unchanged when it cannot be read), as CPython gives the errors its compiler (not its parser) raises.
void use_program_text(SyntaxError& e);

// The int/str conversion limit (sys.get_int_max_str_digits(), default 4300; 0 = none) that CPython's parser
// applies to decimal int literals: a longer literal is a SyntaxError. Process-wide, as the limit is; the VM sets
// it whenever its own limit changes (-X int_max_str_digits, PYTHONINTMAXSTRDIGITS, sys.set_int_max_str_digits).
void set_int_literal_max_digits(int64_t limit);
int64_t int_literal_max_digits();

}  // namespace minipy
