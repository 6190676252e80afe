// Running a program's top level: a script's source, a .pyc given on the command line, `-m py_compile`, and what
// happens to an exception nothing caught (SystemExit's exit status, sys.excepthook, KeyboardInterrupt's signal
// exit). What CPython spreads over pythonrun.c, pymain_run_* and py_compile.main() is here because the three
// share the last steps: a CodeObject becomes the __main__ module's code and its uncaught exception an exit status.
#include "cache/verify.h"
#include "stdlib/native/signal.h"
#include "vm/cli/run.h"
#include "vm/interp/builtins.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "cache/atomic_write.h"
#include "cache/cache_path.h"
#include "cache/marshal.h"
#include "cache/pyc.h"
#include "cache/source_hash.h"
#include "compiler/compile.h"
#include "vm/import/import.h"
#include "vm/import/import_internal.h"
#include "vm/interp/code_loader.h"

namespace minipy {

// The compiler reports a SyntaxError as a plain struct (it knows no Python objects); this turns it into the
// exception CPython would raise, with the (filename, lineno, offset, text, end_lineno, end_offset) details
// tuple whose None fields decide how the traceback prints the caret line.
Value raise_syntax_error(ThreadState& ts, const SyntaxError& e) {
  if (e.kind == SyntaxError::Kind::RecursionError) return raise(ts, RecursionError_type, e.message);
  if (e.kind == SyntaxError::Kind::ValueError) return raise(ts, ValueError_type, e.message);
  Type* type = e.kind == SyntaxError::Kind::IndentationError ? &IndentationError_type
               : e.kind == SyntaxError::Kind::TabError      ? &TabError_type
                                                            : &SyntaxError_type;
  if (e.lineno == 0 && e.offset == -1) {
    // A bad coding cookie: compile(), ast.parse and import report it at line 0 of the file, as CPython's
    // (filename, 0, -1, None); only a script's own (run_source) is printed bare.
    Value details[4] = {Value(make_str(ts, e.filename)), Value::small_int(0), make_int(ts, -1), None()};
    Value args[2] = {Value(make_str(ts, e.message)), Value(minipy::make_tuple(ts, details))};
    Value exc = new_exception(ts, type, args);
    if (!exc) return exc;
    return raise_value(ts, exc);
  }
  if (e.lineno == 0) {  // no location: printed as a bare "SyntaxError: message"
    Value arg = Value(make_str(ts, e.message));
    Value exc = new_exception(ts, type, std::span<const Value>(&arg, 1));
    if (!exc) return exc;
    return raise_value(ts, exc);
  }
  Value details[6] = {Value(make_str(ts, e.filename)), make_int(ts, e.lineno),
                      e.offset || e.columns_omitted || e.offset_zero ? make_int(ts, e.offset) : None(),
                      e.text.empty() ? None() : Value(make_str(ts, e.text)),
                      e.end_lineno ? make_int(ts, e.end_lineno) : None(),
                      e.end_offset || e.columns_omitted || e.end_offset_zero ? make_int(ts, e.end_offset) : None()};
  Value args[2] = {Value(make_str(ts, e.message)), Value(minipy::make_tuple(ts, details))};
  Value exc = new_exception(ts, type, args);
  if (!exc) return exc;
  return raise_value(ts, exc);
}

// Hands an uncaught exception to sys.excepthook as CPython does: the default hook prints it directly; a hook the
// program installed is called with (type, value, traceback), and if it fails both exceptions are printed.
void report_uncaught(ThreadState& ts, Value exc) {
  DictObject* sys_dict = ts.interp->sys_module->dict;
  Value hook = dict_get_str(sys_dict, intern(ts, "excepthook"));
  if (!hook) {
    write_sys_stderr(ts, "sys.excepthook is missing\n", false);
    print_exception(ts, exc);
    return;
  }
  if (hook.bits() == dict_get_str(sys_dict, intern(ts, "__excepthook__")).bits()) {
    print_exception(ts, exc);
    return;
  }
  Value tb = static_cast<ExceptionObject*>(exc.as_object())->traceback;
  Value hook_args[3] = {Value(type_of(exc)), exc, tb ? tb : None()};
  if (call(ts, hook, hook_args)) return;
  Value hook_error = ts.current_exception;
  ts.current_exception = Value();
  write_sys_stderr(ts, "Error in sys.excepthook:\n", false);
  print_exception(ts, hook_error);
  write_sys_stderr(ts, "\nOriginal exception was:\n", false);
  print_exception(ts, exc);
}

int handle_uncaught(ThreadState& ts) {
  Value exc = ts.current_exception;
  ts.current_exception = Value();
  std::fflush(stdout);
  if (exception_matches(exc, &SystemExit_type)) {
    Value code = static_cast<ExceptionObject*>(exc.as_object())->extra;
    if (!code || is_none(code)) return 0;
    int64_t n;
    // The operating system keeps only the low byte of an exit status: sys.exit(256) exits 0, as in CPython.
    if (is_int(code) && int_to_int64(code, &n)) return static_cast<int>(n & 0xFF);
    // Any other value is printed to stderr and the exit status is 1 (sys.exit("message") is the idiom).
    Value s = py_str(ts, code);
    if (s) {
      std::fwrite(as_str(s)->data, 1, static_cast<size_t>(as_str(s)->size), stderr);
      std::fputc('\n', stderr);
    }
    return 1;
  }
  report_uncaught(ts, exc);
  // CPython ends an uncaught Ctrl-C by dying of SIGINT itself, so a calling shell sees "killed by a signal"
  // and stops a script loop (stdlib/native/signal.cpp sends it to this process at exit).
  if (exception_matches(exc, &KeyboardInterrupt_type)) note_uncaught_keyboard_interrupt();
  return 1;
}

namespace {

// Runs module code `c` (null: loading it failed, the exception is pending) as __main__.
int run_code(Interpreter& interp, CodeObj* c, const std::string& filename, bool set_file) {
  ThreadState& ts = interp.thread;
  if (!c) return handle_uncaught(ts);
  ModuleObject* main = make_module(ts, "__main__");
  dict_set_str_new(ts, interp.modules, ts.interp->names.main, Value(main));
  dict_set_str_new(ts, main->dict, ts.interp->names.builtins, Value(interp.builtins_module));
  // A `-c` program has no __file__ in CPython; a script, a pyc and a program piped on stdin ("<stdin>") do.
  if (set_file) dict_set_str_new(ts, main->dict, ts.interp->names.file, Value(make_str(ts, filename)));
  Value r = eval_code(ts, c, main->dict, Value());
  if (!r) return handle_uncaught(ts);
  std::fflush(stdout);
  return 0;
}

}  // namespace

// Whether `path` ends like a zip archive: an end-of-central-directory record ("PK\5\6") whose comment ends the file.
// Only such files are offered to zipimport, so an ordinary script costs no import.
bool looks_like_zip(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return false;
  std::streamoff size = in.tellg();
  if (size < 22) return false;
  std::streamoff tail = std::min<std::streamoff>(size, 65536 + 22);
  std::string bytes(static_cast<size_t>(tail), '\0');
  in.seekg(size - tail);
  if (!in.read(bytes.data(), tail)) return false;
  // The record is 22 bytes and its comment (length at offset 20) runs to the end of the file.
  for (size_t at = bytes.rfind("PK\x05\x06"); at != std::string::npos; at = at ? bytes.rfind("PK\x05\x06", at - 1) : std::string::npos) {
    if (at + 22 > bytes.size()) continue;
    size_t comment = static_cast<unsigned char>(bytes[at + 20]) | static_cast<unsigned char>(bytes[at + 21]) << 8;
    if (at + 22 + comment == bytes.size()) return true;
  }
  return false;
}

std::optional<int> run_zip_archive(Interpreter& interp, const std::string& path, const std::string& program_name) {
  ThreadState& ts = interp.thread;
  Value zipimport = find_and_load(ts, "zipimport");
  Value importer_type = zipimport ? get_attr(ts, zipimport, intern(ts, "zipimporter")) : Value();
  Value path_str = Value(make_str(ts, path));
  Value importer = importer_type ? call(ts, importer_type, std::span<const Value>(&path_str, 1)) : Value();
  if (!importer) {
    // Not an archive after all (zipimport's ZipImportError): the file is run as a script, as CPython does.
    ts.current_exception = Value();
    return std::nullopt;
  }
  Value name = Value(intern(ts, "__main__"));
  Value spec = call_method(ts, importer, intern(ts, "find_spec"), std::span<const Value>(&name, 1));
  if (spec && is_none(spec)) {
    std::fflush(stdout);
    std::fprintf(stderr, "%s: can't find '__main__' module in %s\n", program_name.c_str(), python_str_repr(path).c_str());
    return 1;
  }
  Value code = spec ? call_method(ts, importer, intern(ts, "get_code"), std::span<const Value>(&name, 1)) : Value();
  Value origin = code ? get_attr(ts, spec, intern(ts, "origin")) : Value();
  if (!origin) return handle_uncaught(ts);
  if (type_of(code) != &code_type) return raise(ts, TypeError_type, "zipimporter.get_code() gave no code object"), handle_uncaught(ts);
  auto& names = ts.interp->names;
  ModuleObject* main = make_module(ts, "__main__");
  DictObject* d = main->dict;
  dict_set_str_new(ts, d, names.builtins, Value(interp.builtins_module));
  dict_set_str_new(ts, d, names.loader, importer);
  dict_set_str_new(ts, d, names.package, Value(intern(ts, "")));
  dict_set_str_new(ts, d, names.spec, spec);
  dict_set_str_new(ts, d, names.file, origin);
  if (!dict_set_str(ts, interp.modules, names.main, Value(main))) return handle_uncaught(ts);
  if (!eval_code(ts, static_cast<CodeObj*>(code.as_object()), d, Value())) {
    add_runpy_frames(ts);
    return handle_uncaught(ts);
  }
  std::fflush(stdout);
  return 0;
}

int run_source(Interpreter& interp, const std::string& source, const std::string& filename) {
  SyntaxWarnings warnings;
  // A script and stdin are read by CPython's file tokenizer; `-c` code ("<string>") is a str.
  CompileResult result = compile_source(source, filename, ast::ParseMode::Exec,
                                        {interp.config.optimize, filename != "<string>" ? SourceOrigin::File
                                                                                         : SourceOrigin::Text},
                                        warnings);
  if (!issue_compile_warnings(interp.thread, warnings)) return handle_uncaught(interp.thread);
  if (!result.ok()) {
    // CPython reads a script with its file tokenizer, which places a missing indented block found at the end of
    // the file in column 0 (compile() and imports, reading a string, say one past the line's end): no caret.
    SyntaxError& e = result.error();
    bool at_end_of_line = e.offset > static_cast<int>(e.text.size() - (e.text.ends_with('\n') ? 1 : 0));
    if (filename != "<string>" && e.message.starts_with("expected an indented block") && at_end_of_line) e.offset = 0;
    if (e.lineno == 0) e.offset = 0;  // a script's bad coding cookie: CPython's file tokenizer reports it bare
    raise_syntax_error(interp.thread, e);
    return handle_uncaught(interp.thread);
  }
  return run_code(interp, load_code(interp.thread, result.value()), filename, filename != "<string>");
}

int run_pyc_file(Interpreter& interp, const std::string& path) {
  std::string data;
  if (!read_file(path, &data)) {
    std::fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", interp.config.program_name.c_str(),
                 path.c_str(), errno, std::strerror(errno));
    return 2;
  }
  auto bytes = std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(data.data()), data.size());
  // A pyc run directly has no source to validate against, so only the magic and the header's length are
  // checked, with the exceptions CPython's run_pyc_file raises; mtime, size or hash are not compared.
  if (bytes.size() < 4 || std::memcmp(bytes.data(), kPycMagic.data(), 4) != 0) {
    raise(interp.thread, RuntimeError_type, "Bad magic number in .pyc file");
    return handle_uncaught(interp.thread);
  }
  if (bytes.size() < kPycHeaderSize) {
    raise(interp.thread, EOFError_type, "marshal data too short");
    return handle_uncaught(interp.thread);
  }
  // The body goes through the same checks as an imported cache's (cache/get_code.h code_from_pyc_body): the
  // integrity trailer of a pyc minipy wrote (a changed byte that still unmarshals, a constant 42 become 213,
  // must not run), a body that ends where the code object ends, no free variables, and the verifier on every
  // code object, in the one pass that builds the VM's objects. There is no source to recompile from, so a
  // refused file is an error. CPython's own pycs have no trailer and get the structural checks.
  VmPycLoader loader(interp.thread);
  Result<Ok> loaded = code_from_pyc_body(bytes, loader);
  if (!loaded.ok()) {
    std::fprintf(stderr, "%s: cannot run '%s': %s\n", interp.config.program_name.c_str(), path.c_str(),
                 loaded.error().message.c_str());
    return 1;
  }
  return run_code(interp, loader.code, path, true);
}

// `minipy -m py_compile FILE...`: as CPython 3.11's py_compile.main(), stopping at the first failure.
namespace {

// py_compile's command line: -q / --quiet anywhere, every other argument a file.
std::vector<std::string> py_compile_files(const std::vector<std::string>& args, bool* quiet) {
  std::vector<std::string> files;
  for (const std::string& a : args) {
    if (a == "-q" || a == "--quiet") *quiet = true;
    else files.push_back(a);
  }
  return files;
}

// SOURCE_DATE_EPOCH asks for reproducible output: a checked hash pyc carries no mtime.
Invalidation py_compile_mode(const RuntimeConfig& config) {
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  return epoch && *epoch && !config.ignore_environment ? Invalidation::CheckedHash : Invalidation::Timestamp;
}

}  // namespace

std::optional<int> py_compile_without_interpreter(RuntimeConfig& config, std::vector<std::string>& args) {
  bool quiet = false;
  std::vector<std::string> files = py_compile_files(args, &quiet);
  if (files.empty()) return std::nullopt;  // the usage message
  config.host_lib = resolve_host_lib(config);
  CacheSettings settings = tool_cache_settings(config);
  Invalidation mode = py_compile_mode(config);
  size_t clean = 0;
  for (; clean < files.size(); clean++) {
    // A warning needs the interpreter's filters (one may make it an error, and then no pyc may be written): the
    // sink refuses every warning here, so such a file is left unwritten for py_compile_main.
    PycBuild build = compile_to_pyc(files[clean], settings, mode, [](const SyntaxWarnings&) { return false; });
    if (build.stage != PycBuild::Stage::Written || build.syntax_error) break;
  }
  if (clean == files.size()) return 0;
  // The first file that needs the interpreter and every one after it are left to py_compile_main: compiling that
  // one again gives the same result (the written pyc, if any, is rewritten with the same bytes).
  size_t to_drop = clean;
  std::erase_if(args, [&](const std::string& a) {
    if (a == "-q" || a == "--quiet" || to_drop == 0) return false;
    to_drop--;
    return true;
  });
  return std::nullopt;
}

int py_compile_main(Interpreter& interp, const std::vector<std::string>& args) {
  bool quiet = false;
  std::vector<std::string> files = py_compile_files(args, &quiet);
  if (files.empty()) {
    std::fprintf(stderr,
                 "usage: %s -m py_compile [-h] [-q] filenames [filenames ...]\n"
                 "%s -m py_compile: error: the following arguments are required: filenames\n",
                 interp.config.program_name.c_str(), interp.config.program_name.c_str());
    return 2;
  }
  Invalidation mode = py_compile_mode(interp.config);
  CacheSettings settings = tool_cache_settings(interp.config);
  for (const std::string& file : files) {
    ThreadState& thread = interp.thread;
    PycBuild build = compile_to_pyc(file, settings, mode,
                                    [&thread](const SyntaxWarnings& w) { return issue_compile_warnings(thread, w); });
    if (build.stage == PycBuild::Stage::ReadFailed) {
      if (!quiet)
        std::fprintf(stderr, "[Errno %d] %s: '%s'", build.read_errno, std::strerror(build.read_errno), file.c_str());
      return 1;
    }
    if (build.stage == PycBuild::Stage::WarningFailed) {
      // A SyntaxWarning a filter made an error: py_compile reports it as the SyntaxError it became.
      Value exc = interp.thread.current_exception;
      interp.thread.current_exception = Value();
      if (!quiet) print_exception(interp.thread, exc);
      return 1;
    }
    if (build.syntax_error) {
      const SyntaxError& error = *build.syntax_error;
      if (!quiet) {
        ThreadState& ts = interp.thread;
        raise_syntax_error(ts, error);
        Value exc = ts.current_exception;
        ts.current_exception = Value();
        if (type_of(exc) == &SyntaxError_type && error.lineno == 0) {
          // A location-less error (a bad coding cookie): py_compile's text still names the file, at line 0.
          std::fflush(stdout);
          std::fprintf(stderr, "  File \"%s\", line 0\nSyntaxError: %s\n", error.filename.c_str(),
                       error.message.c_str());
        } else if (type_of(exc) == &SyntaxError_type) {
          print_exception(ts, exc);
        } else {
          // py_compile words other compile errors (IndentationError, TabError) as "Sorry: Type: str(exc)".
          Value text = py_str(ts, exc);
          std::fflush(stdout);
          std::fprintf(stderr, "Sorry: %s: %s", error.kind_name(), text ? as_str(text)->data : "");
        }
      }
      return 1;
    }
    if (build.stage == PycBuild::Stage::NoCachePath) {
      if (!quiet) std::fprintf(stderr, "%s", build.path_error.c_str());
      return 1;
    }
    if (build.stage == PycBuild::Stage::WriteFailed) {
      if (!quiet) std::fprintf(stderr, "%s", build.write_failure->error_repr.c_str());
      return 1;
    }
  }
  return 0;
}

// CPython runs `-m MODULE` through runpy, so a traceback from the module's body starts with two runpy frames
// (frozen: no source line is shown). minipy runs the module directly and adds the same two entries in front,
// from stand-in code objects named and filed as runpy's, so `-m` tracebacks read as CPython's.
void add_runpy_frames(ThreadState& ts) {
  Value exc = ts.current_exception;
  if (!exc || !exc.is_object() || !exception_matches(exc, &BaseException_type)) return;
  auto* e = static_cast<ExceptionObject*>(exc.as_object());
  if (!e->traceback || is_none(e->traceback)) return;  // not raised by the module's body
  auto* outer = static_cast<TracebackObject*>(e->traceback.as_object());
  Value main = dict_get_str(ts.interp->modules, ts.interp->names.main);
  Value file = main && main.is_object() && type_of(main) == &module_type
                   ? dict_get_str(static_cast<ModuleObject*>(main.as_object())->dict, ts.interp->names.file)
                   : Value();
  if (!file || !is_str(file) || outer->code->name->view() != "<module>" ||
      outer->code->filename->view() != as_str(file)->view())
    return;
  // The runpy functions and the lines of CPython 3.11's frozen runpy that call into the module.
  static constexpr struct { const char* name; int line; } kRunpyFrames[] = {{"_run_code", 88},
                                                                            {"_run_module_as_main", 198}};
  CompileResult stub = compile_source("def _run_module_as_main(): pass\ndef _run_code(): pass\n", "<frozen runpy>",
                                      ast::ParseMode::Exec, {});
  if (!stub.ok()) return;
  for (const auto& frame : kRunpyFrames) {
    for (const ConstRef& c : stub.value()->consts) {
      if (!c->is(Const::Kind::Code) || c->code_value()->name != frame.name) continue;
      CodeObj* code = load_code(ts, c->code_value());
      if (!code) {
        ts.current_exception = exc;  // keep the program's exception, not a failure to build the stand-in
        return;
      }
      auto* tb = ts.alloc<TracebackObject>(&traceback_type);
      tb->code = code;
      tb->lasti = 0;
      tb->lineno = frame.line;
      tb->exit_lasti = -1;
      tb->next = e->traceback;
      e->traceback = Value(tb);
    }
  }
}

CacheSettings tool_cache_settings(RuntimeConfig& config) {
  CacheSettings settings;
  settings.cache_tag = config.cache_tag;
  settings.optimize = config.optimize;
  // The tools run no Python code, so the command line (-X pycache_prefix, PYTHONPYCACHEPREFIX) is the one
  // source of the prefix, as sys.pycache_prefix is for import.
  if (!config.pycache_prefix.empty()) settings.pycache_prefix = config.pycache_prefix;
  settings.host_lib = config.host_lib;
  if (!config.host_lib.empty()) settings.lib_cache_root = lib_cache_root(config);
  return settings;
}

}  // namespace minipy
