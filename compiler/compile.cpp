// compile_source(): the compiler pipeline end to end (parse -> fold constants -> symbol table -> codegen ->
// assemble), with SyntaxErrors from the later stages completed with the offending line of their file.
#include "compiler/compile.h"

#include "compiler/assembler.h"
#include "compiler/ast_optimize.h"
#include "compiler/codegen.h"
#include "compiler/parse.h"
#include "compiler/stage_timer.h"
#include "compiler/symtable.h"

namespace minipy {

// Symbol-table and codegen errors carry CPython's positions (1-based UTF-8 byte columns, as compile.c and
// symtable.c report them); their text is PyErr_ProgramTextObject's: line `lineno` of the file the error names,
// read again, or none when there is no such file (compile() of a string named "<string>").
static SyntaxError with_text(SyntaxError error, std::string_view filename) {
  if (error.filename.empty()) error.filename = std::string(filename);
  error.text.clear();
  use_program_text(error);
  return error;
}

CompileResult compile_source(std::string_view source, std::string_view filename, ast::ParseMode mode,
                             const CompileOptions& options, SyntaxWarnings& warnings) {
  ast::Arena arena;
  ParseResult parsed = [&] {
    StageScope stage(CompileStage::Parse);
    return parse(source, filename, mode, arena, kLatestFeatureVersion, options.origin, options.incomplete);
  }();
  for (SyntaxWarning& w : parsed.warnings) warnings.push_back(std::move(w));
  if (!parsed.module) return parsed.error ? std::move(*parsed.error) : SyntaxError{};
  return compile_ast(*parsed.module, arena, filename, source, options, warnings);
}

CompileResult compile_source(std::string_view source, std::string_view filename, ast::ParseMode mode,
                             const CompileOptions& options) {
  SyntaxWarnings unshown;
  return compile_source(source, filename, mode, options, unshown);
}

CompileResult compile_ast(ast::Module& module, ast::Arena& arena, std::string_view filename,
                          std::string_view /*source: see compile.h*/, const CompileOptions& options,
                          SyntaxWarnings& warnings) {
  // The stages run in CPython's order, and each one's error ends the compile, so the first SyntaxError a source
  // has is the one CPython reports: `from __future__` placement before the optimiser, the optimiser's nesting
  // limit before scoping errors, scoping errors before codegen's.
  FutureResult future = [&] {
    StageScope stage(CompileStage::Future);
    return future_features(module, filename);
  }();
  if (future.error) return with_text(std::move(*future.error), filename);
  future.features.flags |= options.future_flags;
  std::optional<SyntaxError> too_deep;
  {
    StageScope stage(CompileStage::Optimize);
    too_deep = optimize_ast(module, arena, options.optimize, future.features.flags);
  }
  if (too_deep) {
    // The optimiser works on the tree alone and does not know which file it came from.
    too_deep->filename = std::string(filename);
    return with_text(std::move(*too_deep), filename);
  }
  SymtableResult symbols = [&] {
    StageScope stage(CompileStage::Symtable);
    return build_symtable(module, filename, future.features.flags);
  }();
  if (!symbols.table) return with_text(std::move(*symbols.error), filename);
  // Codegen assembles each code object as soon as its unit is finished (a function's code is a constant of its
  // parent), so the assembler is handed in rather than run once at the end; the lambda only charges its time
  // to the assemble stage.
  AssembleFn assembler = [](CompilerUnit& unit) {
    StageScope stage(CompileStage::Assemble);
    return assemble(unit);
  };
  CodegenResult generated = [&] {
    StageScope stage(CompileStage::Codegen);
    return codegen(module, *symbols.table, filename, options.optimize, assembler, future.features);
  }();
  for (SyntaxWarning& w : generated.warnings) warnings.push_back(std::move(w));
  if (!generated.code) return with_text(generated.error ? std::move(*generated.error) : SyntaxError{}, filename);
  return std::move(generated.code);
}

}  // namespace minipy
