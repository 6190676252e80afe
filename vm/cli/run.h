// Running programs: a script, a -c string, a .pyc file, and the built-in `-m py_compile` tool. Each returns the
// process exit status and reports errors on stderr in CPython's words.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "cache/get_code.h"
#include "compiler/syntax_error.h"
#include "vm/runtime.h"

namespace minipy {


int run_source(Interpreter& interp, const std::string& source, const std::string& filename);
// Whether the file at `path` ends with a zip archive's directory (the files CPython's start-up gives to zipimport).
bool looks_like_zip(const std::string& path);
// `minipy APP.zip`: runs the archive's __main__.py through Lib's zipimporter as module __main__ (sys.path[0], set by
// the caller, is the archive). nullopt when zipimport refuses the file, which then runs as a script; otherwise the
// exit status. Modules beside __main__.py in the archive are not importable: the import statement has no zip
// finder.
std::optional<int> run_zip_archive(Interpreter& interp, const std::string& path, const std::string& program_name);
int run_pyc_file(Interpreter& interp, const std::string& path);
int py_compile_main(Interpreter& interp, const std::vector<std::string>& args);
// `-m py_compile` before there is an interpreter (start-up makes none when nothing can need one): compiles and
// writes each file in order while each one succeeds with no SyntaxWarning, and returns 0 when all did. Otherwise
// returns nullopt with the files done taken out of `args`, and py_compile_main does the rest with the interpreter
// (warnings through the filters, errors in CPython's words). `config` gains host_lib, as init_sys_path would set.
std::optional<int> py_compile_without_interpreter(RuntimeConfig& config, std::vector<std::string>& args);
// `minipy -m compileall [-q] [-f] [-l] [-r N] [-j N] [--invalidation-mode MODE] [FILE|DIR ...]`
int compileall_main(Interpreter& interp, const std::vector<std::string>& args);
// Whether compileall_main takes every option in `args`; otherwise `-m compileall` runs Lib's compileall.py.
bool compileall_native_handles(const std::vector<std::string>& args);

// The cache settings of `-m py_compile` and `-m compileall`, from the command line `config`.
CacheSettings tool_cache_settings(RuntimeConfig& config);

// The exit status for an exception that ended the program (SystemExit's code, else 1 after printing it).
int handle_uncaught(ThreadState& ts);

// Prints exception `exc` through sys.excepthook as CPython does for an uncaught exception (the REPL's errors too).
void report_uncaught(ThreadState& ts, Value exc);

// Puts the two "<frozen runpy>" entries CPython shows in front of the pending exception's traceback when it
// came from the body of the `-m` module (what runpy's frames look like in CPython's tracebacks).
void add_runpy_frames(ThreadState& ts);

// The interactive prompt (vm/cli/repl.cpp) in __main__'s namespace (made when there is none); `show_banner`
// prints CPython's two banner lines first; `run_startup` runs PYTHONSTARTUP (CPython does it for a prompt opened
// without a program, not for -i). Returns the exit status (0 at end of input, SystemExit's code).
int run_repl(Interpreter& interp, bool show_banner, bool run_startup);


// Makes a SyntaxError exception object from the compiler's report and makes it pending.
Value raise_syntax_error(ThreadState& ts, const SyntaxError& error);

}  // namespace minipy
