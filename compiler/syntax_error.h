// The one way the compiler reports bad source: a SyntaxError (or IndentationError / TabError) with CPython's
// fields, which the VM raises as an exception and prints in CPython's shape. Source nested too deeply to compile
// is a RecursionError, which CPython raises bare (the VM ignores the location); a source string holding a NUL byte
// is CPython 3.11's ValueError, raised bare too.
#pragma once
#include <optional>
#include <string>

namespace minipy {

struct SyntaxError {
  enum class Kind { SyntaxError, IndentationError, TabError, RecursionError, ValueError };
  Kind kind = Kind::SyntaxError;
  std::string message;   // e.g. "invalid syntax", "expected ':'"
  std::string filename;
  int lineno = 0;        // 1-based; 0 when unknown
  int offset = 0;        // 1-based column in characters (code points) of the first offending character; 0 unknown
  int end_lineno = 0;
  int end_offset = 0;    // 1-based column just past the offending range, as CPython's SyntaxError.end_offset
  std::string text;      // the offending source line, with its newline, as SyntaxError.text (empty if unknown)
  // CPython's location without columns (a too-long int literal): offset and end_offset are 0, not None, and the
  // line comes from the file as CPython's parser re-reads it.
  bool columns_omitted = false;
  // An end_offset of 0 that is real (CPython's rules that give an end column of -1, as invalid_kvpair's "':'
  // expected after dictionary key"), not unknown.
  bool end_offset_zero = false;
  // Likewise an offset of 0 that is real: CPython's parser errors placed at a DEDENT, whose offset is the
  // tokenizer's column, 0 before an unindented line.
  bool offset_zero = false;

  const char* kind_name() const {
    switch (kind) {
      case Kind::IndentationError: return "IndentationError";
      case Kind::TabError: return "TabError";
      case Kind::RecursionError: return "RecursionError";
      case Kind::ValueError: return "ValueError";
      default: return "SyntaxError";
    }
  }
};

// A SyntaxWarning the compiler raises while compiling (e.g. `"is" with a literal`), which CPython shows through
// the warnings module as "<filename>:<lineno>: SyntaxWarning: <message>" followed by the source line.
struct SyntaxWarning {
  std::string message;
  std::string filename;
  int lineno = 0;
  // Where the construct is (0-based UTF-8 byte columns, -1 unknown): a warning the filters turn into an error
  // becomes a SyntaxError with offset col_offset + 1, as CPython's compiler_error gives it.
  int col_offset = -1, end_lineno = 0, end_col_offset = -1;
  // The parser's DeprecationWarning for an invalid escape in a literal (CPython 3.11 uses that category for it).
  bool deprecation = false;
  // The parser's warnings become the parser's own SyntaxError when the filters make them errors: set for those,
  // with the literal's location in characters and the parser's text (the file's line for a module, as
  // use_program_text reads it, when `error_text_from_file`).
  std::optional<SyntaxError> as_error;
  bool error_text_from_file = false;
  // The tokenizer's: CPython's error pass tokenizes the rest of the source after a parser error, so one of these
  // after a parser warning that became an error is still issued (and replaces that error if it becomes one).
  bool from_tokenizer = false;
};

}  // namespace minipy
