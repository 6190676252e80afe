// minipy's command line, mirroring CPython's: `minipy [option] ... [-c cmd | -m mod | file | -] [arg] ...`.
// The interpreter runs on a thread with a large native stack, so deep recursion through native code (repr of
// nested lists, sorted() with a Python key, ...) hits RecursionError long before the stack runs out.
#include <charconv>
#include <pthread.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <csignal>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cache/pyc.h"
#include "stdlib/native/atexit.h"
#include "stdlib/native/faulthandler.h"
#include "stdlib/native/signal.h"
#include "vm/objects/hash_secret.h"
#include "vm/text/number_format.h"
#include "compiler/stage_timer.h"
#include "vm/cli/run.h"
#include "vm/import/import.h"
#include "vm/import/import_internal.h"
#include "stdlib/native/io.h"
#include "stdlib/native/sys.h"

namespace {

using namespace minipy;

constexpr const char* kVersion = "minipy 0.1.0 (Python 3.11 subset)";

struct Command {
  RuntimeConfig config;
  enum class Mode { Stdin, Command, Module, File } mode = Mode::Stdin;
  std::string target;  // code, module name or file name
  std::vector<std::string> args;  // after the target
  int exit_code = -1;  // set when the command line itself decided the outcome
  bool inspect = false;  // -i: the interactive prompt after the program
  bool quiet = false;    // -q: no banner
  std::vector<std::string> warn_options;  // -W, in order (composed into sys.warnoptions by apply_environment)
  std::vector<std::string> xoptions;  // every -X option as given, for sys._xoptions
};

void usage_error(Command& cmd, const std::string& message) {
  std::fprintf(stderr, "%s\nusage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `%s -h' for more information.\n",
               message.c_str(), cmd.config.program_name.c_str(), cmd.config.program_name.c_str());
  cmd.exit_code = 2;
}

void print_help(const Command& cmd) {
  std::printf(
      "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
      "Options (a subset of CPython's):\n"
      "-b     : sets sys.flags.bytes_warning and a BytesWarning filter (-bb: an error filter); minipy's\n"
      "         bytes/str comparisons do not warn yet\n"
      "-B     : don't write .pyc files on import; also PYTHONDONTWRITEBYTECODE=x\n"
      "-c cmd : program passed in as string (terminates option list)\n"
      "-E     : ignore PYTHON* environment variables (such as PYTHONPATH)\n"
      "-h     : print this help message and exit (also -? or --help)\n"
      "-i     : inspect interactively after running script; forces a prompt even\n"
      "         if stdin does not appear to be a terminal\n"
      "-I     : isolate Python from the user's environment (implies -E and -s)\n"
      "-m mod : run library module as a script (py_compile, compileall)\n"
      "-O     : remove assert and __debug__-dependent statements; -OO also drops docstrings\n"
      "-q     : don't print version and copyright messages on interactive startup\n"
      "-s     : don't add user site directory to sys.path (accepted, no effect)\n"
      "-S     : don't imply 'import site' on initialization (accepted, no effect)\n"
      "-u     : force the stdout and stderr streams to be unbuffered\n"
      "-v     : verbose (trace import statements and cache decisions); can be supplied multiple times\n"
      "-V     : print the version number and exit (also --version)\n"
      "-W arg : warning control; arg is action:message:category:module:lineno\n"
      "         also PYTHONWARNINGS=arg\n"
      "-X opt : set implementation-specific option: pycache_prefix=PATH, cache_tag=TAG, explain_cache,\n"
      "         importtime, dev, int_max_str_digits=N (all of them in sys._xoptions)\n"
      "--check-hash-based-pycs always|default|never:\n"
      "         control how Python invalidates hash-based .pyc files\n"
      "file   : program read from script file\n"
      "-      : program read from stdin (default; interactive mode if a tty)\n"
      "arg ...: arguments passed to program in sys.argv[1:]\n",
      cmd.config.program_name.c_str());
}

// -X int_max_str_digits=N / PYTHONINTMAXSTRDIGITS=N: 0 or at least 640, else CPython's fatal start-up error.
// An empty value counts as 0 (CPython's parse of it); `apply` false only validates (a PYTHONINTMAXSTRDIGITS that
// -X overrides must still be valid).
void set_int_max_str_digits_option(const char* source, const std::string& value, bool apply = true) {
  int64_t limit = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), limit);
  if ((!value.empty() && (ec != std::errc() || end != value.data() + value.size())) ||
      (limit != 0 && limit < text::kIntMaxStrDigitsThreshold)) {
    std::fprintf(stderr,
                 "Fatal Python error: config_init_int_max_str_digits: %s: invalid limit; must be >= %d or 0 for "
                 "unlimited.\nPython runtime state: preinitialized\n\n",
                 source, static_cast<int>(text::kIntMaxStrDigitsThreshold));
    std::exit(1);
  }
  if (!apply) return;
  text::set_current_int_max_str_digits(limit);
  text::set_configured_int_max_str_digits(limit);
}

// -X options minipy does not know are accepted and ignored, as CPython 3.11 accepts any -X (they are
// implementation-specific by definition, and sys._xoptions is how a program would look at them).
void apply_x_option(Command& cmd, const std::string& opt) {
  cmd.xoptions.push_back(opt);
  auto eq = opt.find('=');
  std::string key = opt.substr(0, eq), value = eq == std::string::npos ? "" : opt.substr(eq + 1);
  if (key == "dev") cmd.config.dev_mode = true;
  if (key == "pycache_prefix") cmd.config.pycache_prefix = value;
  else if (key == "cache_tag") cmd.config.cache_tag = value;
  else if (key == "explain_cache") cmd.config.explain_cache = true;
  else if (key == "importtime") cmd.config.import_time = true;
  else if (key == "int_max_str_digits") set_int_max_str_digits_option("-X int_max_str_digits", value);
}

Command parse_command_line(int argc, char** argv) {
  Command cmd;
  std::string prog = argv[0];
  cmd.config.orig_argv.assign(argv, argv + argc);  // sys.orig_argv: the command line as given
  cmd.config.program_name = prog;
  int i = 1;
  bool unbuffered = false;
  for (; i < argc; i++) {
    std::string a = argv[i];
    if (a.size() < 2 || a[0] != '-' || a == "-") break;
    if (a == "--") {
      i++;
      break;
    }
    if (a.rfind("--", 0) == 0) {
      if (a == "--version") {
        std::printf("%s\n", kVersion);
        cmd.exit_code = 0;
        return cmd;
      }
      if (a == "--help") {
        print_help(cmd);
        cmd.exit_code = 0;
        return cmd;
      }
      if (a == "--check-hash-based-pycs") {
        if (i + 1 >= argc) {
          usage_error(cmd, "Argument expected for the --check-hash-based-pycs option");
          return cmd;
        }
        std::string v = argv[++i];
        if (v != "always" && v != "default" && v != "never") {
          std::fprintf(stderr, "--check-hash-based-pycs must be one of 'default', 'always', or 'never'\n");
          cmd.exit_code = 2;
          return cmd;
        }
        cmd.config.check_hash_based_pycs = v;
        continue;
      }
      usage_error(cmd, "unknown option " + a);
      return cmd;
    }
    // A cluster of single-letter options; c, m, X, W take an argument (rest of the word or the next one).
    for (size_t k = 1; k < a.size(); k++) {
      char c = a[k];
      auto argument = [&](const char* name) -> std::optional<std::string> {
        if (k + 1 < a.size()) {
          std::string v = a.substr(k + 1);
          k = a.size();
          return v;
        }
        if (i + 1 < argc) {
          k = a.size();
          return std::string(argv[++i]);
        }
        usage_error(cmd, std::string("Argument expected for the -") + name + " option");
        return std::nullopt;
      };
      switch (c) {
        // -c and -m end the option list: everything after them is the program's sys.argv, as in CPython.
        case 'c': {
          auto v = argument("c");
          if (!v) return cmd;
          cmd.mode = Command::Mode::Command;
          cmd.target = *v;
          for (int j = i + 1; j < argc; j++) cmd.args.push_back(argv[j]);
          cmd.config.argv = {"-c"};
          for (auto& s : cmd.args) cmd.config.argv.push_back(s);
          return cmd;
        }
        case 'm': {
          auto v = argument("m");
          if (!v) return cmd;
          cmd.mode = Command::Mode::Module;
          cmd.target = *v;
          for (int j = i + 1; j < argc; j++) cmd.args.push_back(argv[j]);
          cmd.config.argv = {"-m"};  // replaced by the module's path once it is found, as runpy does
          for (auto& s : cmd.args) cmd.config.argv.push_back(s);
          return cmd;
        }
        case 'X': {
          auto v = argument("X");
          if (!v) return cmd;
          apply_x_option(cmd, *v);
          break;
        }
        case 'W': {
          auto v = argument("W");
          if (!v) return cmd;
          cmd.warn_options.push_back(*v);
          break;
        }
        case 'B': cmd.config.dont_write_bytecode = true; break;
        case 'E': cmd.config.ignore_environment = true; break;
        case 'I':
          cmd.config.isolated = true;
          cmd.config.ignore_environment = true;
          cmd.config.safe_path = true;
          break;
        case 'P': cmd.config.safe_path = true; break;
        case 'O': cmd.config.optimize++; break;
        case 'v': cmd.config.verbose++; break;
        case 'u': unbuffered = true; break;
        case 'i': cmd.inspect = true; break;
        case 'q': cmd.quiet = true; break;
        // bytes/str comparisons do not warn in minipy, but -b still sets sys.flags.bytes_warning and the
        // BytesWarning filter, as a program may look at either.
        case 'b': cmd.config.bytes_warning++; break;
        // Accepted for compatibility, no effect: minipy has no site or user site to skip (-s, -S), no parser
        // debug output (-d), and hash randomization is the default anyway (-R).
        case 's': case 'S': case 'd': case 'R': break;
        case 'V':
          std::printf("%s\n", kVersion);
          cmd.exit_code = 0;
          return cmd;
        case 'h': case '?':
          print_help(cmd);
          cmd.exit_code = 0;
          return cmd;
        default:
          usage_error(cmd, std::string("Unknown option: -") + c);
          return cmd;
      }
    }
  }
  if (unbuffered) {
    std::setvbuf(stdout, nullptr, _IONBF, 0);
    cmd.config.unbuffered = true;
  }
  if (i < argc) {
    cmd.target = argv[i];
    cmd.mode = cmd.target == "-" ? Command::Mode::Stdin : Command::Mode::File;
    for (int j = i + 1; j < argc; j++) cmd.args.push_back(argv[j]);
  }
  // sys.argv[0]: the script as given, "-" for an explicit `-`, and "" when no program was named at all.
  cmd.config.argv = {cmd.mode == Command::Mode::File ? cmd.target : (cmd.mode == Command::Mode::Stdin ? "-" : "")};
  if (cmd.mode == Command::Mode::Stdin && i >= argc) cmd.config.argv = {""};
  for (auto& s : cmd.args) cmd.config.argv.push_back(s);
  return cmd;
}

// PYTHONHASHSEED chooses the str/bytes hash key before any string exists; -E and -I ignore it (a random key).
void init_hash_seed(const RuntimeConfig& config) {
  const char* text = config.ignore_environment ? nullptr : std::getenv("PYTHONHASHSEED");
  std::optional<uint32_t> seed;
  if (!parse_hash_seed(text, &seed)) {
    std::fprintf(stderr,
                 "Fatal Python error: config_init_hash_seed: PYTHONHASHSEED must be \"random\" or an integer in "
                 "range [0; 4294967295]\nPython runtime state: preinitialized\n\n");
    std::exit(1);
  }
  init_hash_secret(seed);
}

// sys.warnoptions, lowest precedence first (Lib's warnings module inserts each filter in front of the ones
// before it): -X dev's "default", then PYTHONWARNINGS's comma-separated entries, then -W, then -b's filter.
void compose_warnoptions(Command& cmd) {
  RuntimeConfig& config = cmd.config;
  if (config.dev_mode) config.warnoptions.push_back("default");
  const char* env = config.ignore_environment ? nullptr : std::getenv("PYTHONWARNINGS");
  for (std::string_view rest = env ? env : ""; !rest.empty();) {
    size_t comma = std::min(rest.find(','), rest.size());
    if (comma > 0) config.warnoptions.emplace_back(rest.substr(0, comma));
    rest.remove_prefix(std::min(comma + 1, rest.size()));
  }
  config.warnoptions.insert(config.warnoptions.end(), cmd.warn_options.begin(), cmd.warn_options.end());
  if (config.bytes_warning) config.warnoptions.push_back(config.bytes_warning > 1 ? "error::BytesWarning"
                                                                                  : "default::BytesWarning");
}

void apply_environment(RuntimeConfig& config) {
  init_hash_seed(config);
  if (config.ignore_environment) return;
  const char* dev = std::getenv("PYTHONDEVMODE");
  if (dev && *dev) config.dev_mode = true;
  const char* v = std::getenv("PYTHONDONTWRITEBYTECODE");
  if (v && *v) config.dont_write_bytecode = true;
  const char* prefix = std::getenv("PYTHONPYCACHEPREFIX");
  if (prefix && *prefix && config.pycache_prefix.empty()) config.pycache_prefix = prefix;
  const char* verbose = std::getenv("PYTHONVERBOSE");
  if (verbose && *verbose && config.verbose == 0) config.verbose = 1;
  const char* unbuffered = std::getenv("PYTHONUNBUFFERED");
  if (unbuffered && *unbuffered) config.unbuffered = true;
  // The -X option wins over the environment, as in CPython.
  const char* digits = std::getenv("PYTHONINTMAXSTRDIGITS");
  if (digits && *digits)
    set_int_max_str_digits_option("PYTHONINTMAXSTRDIGITS", digits, text::configured_int_max_str_digits() < 0);
}

std::string absolute(const std::string& path) {
  if (!path.empty() && path[0] == '/') return path;
  char buf[PATH_MAX];
  if (!getcwd(buf, sizeof buf)) return path;
  return std::string(buf) + "/" + path;
}

// A directory given as the script is its own import root whatever -P says, as CPython's.
bool is_directory(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// sys.path[0] as CPython computes it: the script's real directory, the current directory for -m, '' for -c
// and stdin; none with -P or -I (safe_path). A directory script is itself the entry, made absolute but not
// resolved (CPython's abspath keeps "./" and symbolic links).
std::optional<std::string> sys_path_first_entry(const Command& cmd) {
  if (cmd.mode == Command::Mode::File && (is_directory(cmd.target) || looks_like_zip(cmd.target)))
    return absolute(cmd.target);
  if (cmd.config.safe_path) return std::nullopt;
  switch (cmd.mode) {
    case Command::Mode::File: {
      char buf[PATH_MAX];
      std::string script = realpath(cmd.target.c_str(), buf) ? std::string(buf) : absolute(cmd.target);
      size_t slash = script.rfind('/');
      return slash == 0 ? std::string("/") : script.substr(0, slash);
    }
    case Command::Mode::Module: {
      char buf[PATH_MAX];
      return getcwd(buf, sizeof buf) ? std::string(buf) : std::string();
    }
    default: return std::string();
  }
}

// With warning options set, Lib's warnings module is imported before the program runs, as CPython's start-up
// does: its import turns sys.warnoptions into filters, which must be in place for the program's first warning.
void import_warnings_for_options(ThreadState& ts) {
  if (ts.interp->config.warnoptions.empty() || find_and_load(ts, "warnings")) return;
  std::fflush(stdout);
  std::fprintf(stderr, "'import warnings' failed; traceback:\n");
  Value exc = ts.current_exception;
  ts.current_exception = Value();
  report_uncaught(ts, exc);
}

// Runs module `name` as __main__ the way runpy does (`alter_argv`: sys.argv[0] becomes its file). The exit status,
// or nullopt when the module was not found, with `error` saying why.
std::optional<int> run_main_module(ThreadState& ts, const std::string& name, bool alter_argv, std::string* error) {
  Value result = run_module_as_main(ts, name, error, alter_argv);
  if (!result && ts.current_exception) {
    add_runpy_frames(ts);
    return handle_uncaught(ts);
  }
  std::fflush(stdout);
  if (!result) return std::nullopt;
  return 0;
}

// A directory holding __main__.py: CPython runs it through runpy as module __main__, found from sys.path (whose
// first entry is the directory), with sys.argv[0] left as given.
int run_directory(ThreadState& ts, const Command& cmd) {
  std::string error;
  if (std::optional<int> status = run_main_module(ts, "__main__", false, &error)) return *status;
  std::fprintf(stderr, "%s: can't find '__main__' module in %s\n", cmd.config.program_name.c_str(),
               python_str_repr(absolute(cmd.target)).c_str());
  return 1;
}

int run_command(Interpreter& interp, Command& cmd) {
  ThreadState& ts = interp.thread;
  refresh_sys_config(ts);
  init_sys_path(ts, sys_path_first_entry(cmd));
  import_warnings_for_options(ts);
  switch (cmd.mode) {
    case Command::Mode::Command: return run_source(interp, cmd.target + "\n", "<string>");
    case Command::Mode::Module:
    {
      if (cmd.target == "py_compile") return py_compile_main(interp, cmd.args);
      // Warning options go to Lib's compileall: the native one compiles on worker threads and cannot issue warnings
      // through the filters (one of which may make a warning an error that must stop the file's pyc).
      if (cmd.target == "compileall" && interp.config.warnoptions.empty() && compileall_native_handles(cmd.args))
        return compileall_main(interp, cmd.args);
      // Beyond CPython: `-m dis FILE.pyc` shows a compiled file (header, freshness, code) with minipy's own
      // stdlib/pycview.py, which uses Lib's dis for the disassembly; Lib's dis itself only reads source.
      bool pyc_argument = false;
      for (const std::string& a : cmd.args) pyc_argument |= a.size() > 4 && a.ends_with(".pyc");
      if (cmd.target == "dis" && pyc_argument) cmd.target = "pycview";
      std::string error;
      if (std::optional<int> status = run_main_module(ts, cmd.target, true, &error)) return *status;
      std::fprintf(stderr, "%s: %s\n", cmd.config.program_name.c_str(), error.c_str());
      return 1;
    }
    case Command::Mode::Stdin: {
      // No program named and a terminal on stdin (or -i): the interactive prompt, as CPython's.
      if (cmd.target.empty() && (cmd.inspect || isatty(0))) return run_repl(interp, !cmd.quiet, true);
      std::string source, line;
      char buf[65536];
      size_t n;
      // A piped program is read to the end before anything runs: like CPython's, it is compiled as one module, so a
      // syntax error anywhere means nothing runs.
      while ((n = std::fread(buf, 1, sizeof buf, stdin)) > 0) source.append(buf, n);
      return run_source(interp, source, "<stdin>");
    }
    case Command::Mode::File: {
      if (is_directory(cmd.target)) return run_directory(ts, cmd);
      if (looks_like_zip(cmd.target))
        if (std::optional<int> status = run_zip_archive(interp, absolute(cmd.target), cmd.config.program_name))
          return *status;
      std::string source;
      if (!read_file(cmd.target, &source)) {
        int err = errno;
        std::fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", cmd.config.program_name.c_str(),
                     absolute(cmd.target).c_str(), err, std::strerror(err));
        return 2;
      }
      if (cmd.target.size() > 4 && cmd.target.compare(cmd.target.size() - 4, 4, ".pyc") == 0)
        return run_pyc_file(interp, cmd.target);
      return run_source(interp, source, absolute(cmd.target));
    }
  }
  return 0;
}

// What -X options and the environment ask for before the program runs: sys._xoptions, and faulthandler enabled
// by -X faulthandler or a non-empty PYTHONFAULTHANDLER (ignored under -E/-I), as CPython's start-up does.
bool start_up_options(Interpreter& interp, const Command& cmd) {
  ThreadState& ts = interp.thread;
  if (!set_xoptions(ts, cmd.xoptions)) return false;
  bool faulthandler = false;
  for (const std::string& opt : cmd.xoptions) faulthandler |= opt.substr(0, opt.find('=')) == "faulthandler";
  const char* env = cmd.config.ignore_environment ? nullptr : std::getenv("PYTHONFAULTHANDLER");
  if (env && *env) faulthandler = true;
  return !faulthandler || enable_faulthandler_at_startup(ts);
}

int run(Command& cmd, Interpreter& interp) {
  // The collector scans the native stack conservatively from this frame down (heap.h), so every Value held in a local
  // variable of the interpreter's C++ code is a root.
  interp.heap.set_stack_base(__builtin_frame_address(0));
  interp.config = cmd.config;
  if (!start_up_options(interp, cmd)) return handle_uncaught(interp.thread);
  int status = run_command(interp, cmd);
  // -i after a script, -c or -m: the prompt opens in the program's namespace, whatever the program's outcome.
  if (cmd.inspect && !(cmd.mode == Command::Mode::Stdin && cmd.target.empty())) status = run_repl(interp, false, false);
  run_atexit_callbacks(interp.thread);
  // The first flush may change the exit status (a failed flush of stdout is CPython's exit status 120); the second,
  // after the finalizers, only writes what they printed.
  status = flush_standard_streams(interp.thread, status);
  finalize_at_exit(interp.thread);
  (void)flush_standard_streams(interp.thread, 0);
  return status;
}

struct ThreadArgs {
  Command* cmd;
  int result;
};

// Whether `-m py_compile` may start without an interpreter: nothing on the command line runs Python code or
// changes what a clean compile does (no -i prompt afterwards, no -W / PYTHONWARNINGS filters whose import of
// warnings could print, no -X option but the cache's own, no faulthandler). Making the interpreter (its types,
// sys, the heap's first pages) is most of the start-up, and a file that compiles cleanly needs none of it.
bool py_compile_needs_no_interpreter(const Command& cmd) {
  if (cmd.mode != Command::Mode::Module || cmd.target != "py_compile" || cmd.inspect) return false;
  if (!cmd.config.warnoptions.empty()) return false;
  for (const std::string& opt : cmd.xoptions) {
    std::string_view key = std::string_view(opt).substr(0, opt.find('='));
    if (key != "pycache_prefix" && key != "cache_tag") return false;
  }
  const char* faulthandler = cmd.config.ignore_environment ? nullptr : std::getenv("PYTHONFAULTHANDLER");
  return !(faulthandler && *faulthandler);
}

void* thread_main(void* p) {
  auto* args = static_cast<ThreadArgs*>(p);
  std::optional<int> compiled;
  if (py_compile_needs_no_interpreter(*args->cmd)) {
    RuntimeConfig config = args->cmd->config;
    compiled = py_compile_without_interpreter(config, args->cmd->args);
  }
  std::unique_ptr<Interpreter> interp;
  if (compiled) {
    args->result = *compiled;
  } else {
    interp = std::make_unique<Interpreter>();
    args->result = run(*args->cmd, *interp);
  }
  release_faulthandler_stack();
  std::fflush(stdout);
  std::fflush(stderr);
  exit_like_sigint_if_needed();
  report_compile_stages();  // MINIPY_COMPILE_STAGES: its static destructor would not run after _exit
#ifndef MINIPY_SANITIZE
  // Everything the program can observe is done (run() has flushed its output and finished its finalizers):
  // leave without tearing down the heap page by page. Sanitizer builds tear down, so LeakSanitizer can check.
  _exit(args->result);
#endif
  return nullptr;
}

#if defined(__GLIBC__) && !defined(MINIPY_SANITIZE)
// A first touch of a 4 KiB page costs this virtual machine about as much as 5 µs of work (the page-fault trap
// leads every kernel profile): compiling the 15,000-line bench module took 5,300 faults, a third of its CPU time.
// So the heap's next stretch is grown now (virtual only: nothing is resident until written) and marked for
// transparent huge pages, which the kernel then faults in 2 MiB at a time (one fault where there were 512). The
// stretch is freed back into malloc's top chunk at once, which keeps it (M_TRIM_THRESHOLD above); allocations
// beyond it grow the heap with ordinary pages as before. Without THP in "madvise" or "always" mode the madvise
// is a no-op (or fails harmlessly), and nothing else changes. Resident memory grows by at most one partly used
// huge page over what the program touches.
void back_heap_with_huge_pages() {
  constexpr size_t kStretch = size_t{64} << 20;
  constexpr uintptr_t kHuge = uintptr_t{2} << 20;
  void* block = std::malloc(kStretch);  // below M_MMAP_THRESHOLD: carved from the brk heap
  if (!block) return;
  auto start = reinterpret_cast<uintptr_t>(block);
  auto begin = (start + kHuge - 1) & ~(kHuge - 1);
  auto end = (start + kStretch) & ~(kHuge - 1);
  std::free(block);
  if (end <= begin || madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE) != 0) return;
  // The stretch's head, up to the first 2 MiB boundary, can only have small pages, and the next allocations would
  // be carved from it first (up to 512 faults). One block spanning it (malloc's 16-byte chunk header included)
  // keeps it out of use, so the heap's top starts on the boundary; it is never written, so never resident.
  constexpr uintptr_t kChunkHeader = 2 * sizeof(size_t);
  if (begin - start > 4096) {
    void* head = std::malloc(begin - start - kChunkHeader);
    if (head != block) std::free(head);  // not carved from the top after all: give up on the head
  }
}
#endif

}  // namespace

int main(int argc, char** argv) {
  Command cmd = parse_command_line(argc, argv);
  if (cmd.exit_code >= 0) return cmd.exit_code;
  apply_environment(cmd.config);
  compose_warnoptions(cmd);
  static char out_buffer[1 << 16];
  if (!isatty(1)) std::setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
  ThreadArgs args{&cmd, 0};
#if defined(__GLIBC__)
  // Page faults are the dearest thing minipy does on a virtual machine, so glibc's allocator keeps what it got:
  // - the interpreter runs on a second thread, whose own arena would grow by an mprotect call per heap page
  //   (176 of them for `import json, re, collections, random`): one arena, grown by brk in 4 MiB steps;
  // - big blocks (the compiler's token array, AST arena chunks, long lists and strings) come from that heap
  //   too instead of a fresh mmap each, and freed memory is not handed back to the kernel only to be faulted
  //   in again: compiling a 20,000-line module takes 5,700 page faults instead of 8,100 (a quarter less CPU).
  // Untouched padding costs no memory (it is not resident until written); the peak stays the peak.
  mallopt(M_ARENA_MAX, 1);
  mallopt(M_TOP_PAD, 4 << 20);
  mallopt(M_MMAP_THRESHOLD, 256 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
#if !defined(MINIPY_SANITIZE)
  back_heap_with_huge_pages();  // (a sanitizer's allocator is not glibc's heap)
#endif
#endif
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, size_t{512} << 20);
  pthread_t thread;
  if (pthread_create(&thread, &attr, thread_main, &args) != 0) {
    thread_main(&args);
  } else {
    // Signals go to the interpreter's thread, so they interrupt its system calls (time.sleep, reads).
    sigset_t all;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, nullptr);
    pthread_join(thread, nullptr);
  }
  return args.result;
}
