// Fuzz target: the whole front end on arbitrary bytes. compile_source runs the re2c lexer, the Bison parser,
// constant folding, the symbol table, codegen and the assembler; every input must end in a code object or a
// SyntaxError, never a crash. A code object the compiler produced must also pass the verifier and survive a
// marshal round trip: the compiler and the verifier agree on what valid code is.
#include <span>
#include <string>
#include <string_view>

#include "cache/marshal.h"
#include "cache/verify.h"
#include "compiler/compile.h"
#include "fuzz_targets.h"

namespace minipy::fuzz {

int fuzz_parse(const uint8_t* data, size_t size) {
  std::string_view source(reinterpret_cast<const char*>(data), size);
  // The three modes of compile(): a module, an expression, an interactive statement; the first byte picks.
  ast::ParseMode mode = ast::ParseMode::Exec;
  if (size > 0 && data[0] == 'e') mode = ast::ParseMode::Eval;
  else if (size > 0 && data[0] == 's') mode = ast::ParseMode::Single;
  CompileResult result = compile_source(source, "<fuzz>", mode);
  if (!result.ok()) return 0;
  // Compiler output the verifier refuses is a bug in one of them (it would never load from its own pyc).
  if (!verify_tree(*result.value()).ok()) __builtin_trap();
  std::string bytes = marshal_code(*result.value());
  auto back = unmarshal_code(std::span(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()));
  if (!back.ok() || marshal_code(*back.value().object) != bytes) __builtin_trap();
  return 0;
}

}  // namespace minipy::fuzz

MINIPY_FUZZ_ENTRY(fuzz_parse)
