// The interactive prompt: `minipy` with no script on a terminal, or `-i` after one. It behaves as CPython 3.11's
// REPL: the banner (unless -q), `>>> ` and `... ` prompts from sys.ps1 / sys.ps2, each statement compiled in
// "single" mode so expression values go through sys.displayhook (and land in `_`), compound statements
// collected until a blank line, a traceback that leaves the prompt running (and sets sys.last_*), exit() /
// quit() / Ctrl-D to leave, and Ctrl-C cancelling the line being typed or the statement being run with
// KeyboardInterrupt.
//
// Line editing and history come from GNU readline (libreadline-dev): it is what Debian's python3.11 links its
// readline module against, so the keys, the history and the screen a learner sees are the same in both
// interpreters (libedit's readline emulation differs in key bindings and redisplay). Like CPython, minipy
// drives readline through its callback interface inside a select() loop, so a SIGINT reaches minipy's own
// handler (the `_signal` module) instead of readline's. Without a terminal the prompts go to stderr and lines
// are read plainly, as CPython does.
#include <sys/select.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "stdlib/native/readline.h"
#include "stdlib/native/signal.h"
#include "vm/cli/run.h"
#include "vm/interp/builtins.h"
#include "vm/errors/errors.h"

#if MINIPY_HAVE_READLINE
#include <readline/history.h>
#include <readline/readline.h>
#endif

namespace minipy {

namespace {

enum class ReadStatus { Line, EndOfFile, Interrupted };

#if MINIPY_HAVE_READLINE
// The callback interface hands the finished line to a function; these carry it back to the reading loop.
char* finished_line = nullptr;
bool line_finished = false;

void take_line(char* line) {
  finished_line = line;
  line_finished = true;
  rl_callback_handler_remove();
}

// One line from the terminal through readline. A signal interrupts the select(): its Python handler runs at
// once, and when that raised (SIGINT: KeyboardInterrupt) the half-typed line is dropped and readline's
// terminal state restored, as CPython's readline_until_enter_or_signal does.
ReadStatus read_terminal_line(ThreadState& ts, const std::string& prompt, std::string* out) {
  finished_line = nullptr;
  line_finished = false;
  rl_callback_handler_install(prompt.c_str(), take_line);
  while (!line_finished) {
    int fd = fileno(rl_instream ? rl_instream : stdin);
    fd_set ready;
    FD_ZERO(&ready);
    FD_SET(fd, &ready);
    if (select(fd + 1, &ready, nullptr, nullptr, nullptr) < 0) {
      if (errno != EINTR) break;
      if (!run_signal_handlers(ts)) {
        rl_free_line_state();
        rl_callback_sigcleanup();
        rl_cleanup_after_signal();
        rl_callback_handler_remove();
        return ReadStatus::Interrupted;
      }
      continue;
    }
    rl_callback_read_char();
  }
  if (!line_finished) rl_callback_handler_remove();
  if (!finished_line) return ReadStatus::EndOfFile;
  *out = finished_line;
  if (!out->empty() && readline_auto_history()) add_history(finished_line);
  std::free(finished_line);
  return ReadStatus::Line;
}
#endif

// One line from a pipe or file (or a terminal without readline): the prompt on stderr, as CPython writes it.
ReadStatus read_plain_line(ThreadState& ts, const std::string& prompt, std::string* out) {
  std::fputs(prompt.c_str(), stderr);
  std::fflush(stderr);
  out->clear();
  for (;;) {
    int c = std::fgetc(stdin);
    if (c == EOF) {
      if (std::ferror(stdin) && errno == EINTR) {
        std::clearerr(stdin);
        if (!run_signal_handlers(ts)) return ReadStatus::Interrupted;
        continue;
      }
      return out->empty() ? ReadStatus::EndOfFile : ReadStatus::Line;
    }
    if (c == '\n') return ReadStatus::Line;
    out->push_back(static_cast<char>(c));
  }
}

// str(sys.ps1) or str(sys.ps2), set to CPython's defaults when missing.
std::string prompt_text(ThreadState& ts, const char* name, const char* fallback) {
  DictObject* sys = ts.interp->sys_module->dict;
  StrObject* key = intern(ts, name);
  Value prompt = dict_get_str(sys, key);
  if (!prompt) {
    (void)dict_set_str(ts, sys, key, Value(make_str(ts, fallback)));
    return fallback;
  }
  Value text = py_str(ts, prompt);
  if (!text) {
    ts.current_exception = Value();
    return fallback;
  }
  return std::string(as_str(text)->view());
}

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t\f\r") == std::string_view::npos; }

// Only blank lines and comments: CPython's prompt just asks again.
bool only_comments(std::string_view buffer) {
  size_t start = 0;
  while (start <= buffer.size()) {
    size_t end = buffer.find('\n', start);
    std::string_view line = buffer.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    size_t first = line.find_first_not_of(" \t\f\r");
    if (first != std::string_view::npos && line[first] != '#') return false;
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return true;
}

// Whether the first line opens a compound statement (a header ending in ':', a decorator, or a compound
// keyword): CPython's interactive tokenizer then reads until a blank line, even for `if x: pass`.
bool opens_block(std::string_view first_line) {
  size_t b = first_line.find_first_not_of(" \t");
  if (b == std::string_view::npos) return false;
  std::string_view s = first_line.substr(b);
  size_t hash = s.find('#');
  std::string_view code = hash == std::string_view::npos ? s : s.substr(0, hash);
  while (!code.empty() && (code.back() == ' ' || code.back() == '\t' || code.back() == '\r')) code.remove_suffix(1);
  if (!code.empty() && code.back() == ':') return true;
  if (s.starts_with("@")) return true;
  static constexpr std::string_view kCompound[] = {"if", "while", "for", "try", "with", "def", "class", "async"};
  for (std::string_view k : kCompound)
    if (s.starts_with(k) && (s.size() == k.size() || s[k.size()] == ' ' || s[k.size()] == '\t' || s[k.size()] == '('))
      return true;
  return false;
}

// Whether a compile error only means "the statement goes on": an open bracket or triple-quoted string, a
// trailing backslash, or (inside a block) an error found at the very end of what was typed so far.
bool needs_more(const SyntaxError& e, std::string_view buffer, bool in_block) {
  if (e.message.ends_with("was never closed") || e.message.starts_with("unterminated triple-quoted string"))
    return true;
  std::string_view trimmed = buffer;
  while (!trimmed.empty() && trimmed.back() == '\n') trimmed.remove_suffix(1);
  if (trimmed.ends_with("\\")) return true;
  size_t last_start = trimmed.rfind('\n');
  last_start = last_start == std::string_view::npos ? 0 : last_start + 1;
  int lines = 1;
  for (char c : trimmed) lines += c == '\n';
  bool at_end = e.lineno >= lines && e.offset > static_cast<int>(trimmed.size() - last_start);
  // CPython's end marker has no column: an error there is also at the end.
  at_end |= e.lineno >= lines && e.offset == 0 && e.end_offset == 0 && e.message == "invalid syntax";
  if (e.message.starts_with("expected an indented block")) return at_end;
  return in_block && at_end;
}

// sys.last_type / last_value / last_traceback, which dis.dis() and pdb.pm() read after an error.
void remember_last_exception(ThreadState& ts, Value exc) {
  DictObject* sys = ts.interp->sys_module->dict;
  auto* e = static_cast<ExceptionObject*>(exc.as_object());
  (void)dict_set_str(ts, sys, intern(ts, "last_type"), Value(type_of(exc)));
  (void)dict_set_str(ts, sys, intern(ts, "last_value"), exc);
  (void)dict_set_str(ts, sys, intern(ts, "last_traceback"), e->traceback ? e->traceback : None());
}

// Prints the pending exception as the REPL does. Returns the exit status when it was SystemExit (the REPL
// ends), else -1.
int report_exception(ThreadState& ts) {
  Value exc = ts.current_exception;
  if (exception_matches(exc, &SystemExit_type)) return handle_uncaught(ts);
  ts.current_exception = Value();
  std::fflush(stdout);
  remember_last_exception(ts, exc);
  report_uncaught(ts, exc);  // through sys.excepthook, as CPython's REPL prints errors
  return -1;
}

// Compiles and runs one complete interactive entry in `globals`. Returns an exit status for SystemExit, else -1.
int run_entry(Interpreter& interp, const std::string& source, DictObject* globals) {
  ThreadState& ts = interp.thread;
  SyntaxWarnings warnings;
  CompileResult result =
      compile_source(source, "<stdin>", ast::ParseMode::Single, {interp.config.optimize}, warnings);
  if (!issue_compile_warnings(ts, warnings)) return report_exception(ts);
  if (!result.ok()) {
    (void)raise_syntax_error(ts, result.error());
    return report_exception(ts);
  }
  CodeObj* code = load_code(ts, result.value());
  Value r = code ? eval_code(ts, code, globals, Value(globals)) : Value();
  std::fflush(stdout);
  if (!r) return report_exception(ts);
  return -1;
}

// Runs a few lines of set-up in a scratch namespace; what they raise is reported as the REPL reports errors.
// Returns an exit status when that was SystemExit, else -1.
int run_setup(Interpreter& interp, DictObject* globals, const char* source, const char* filename,
              DictObject* namespace_ = nullptr) {
  ThreadState& ts = interp.thread;
  CompileResult result = compile_source(source, filename, ast::ParseMode::Exec, {interp.config.optimize});
  if (!result.ok()) {
    (void)raise_syntax_error(ts, result.error());
    return report_exception(ts);
  }
  DictObject* scope = namespace_;
  if (!scope) {
    scope = make_dict(ts);
    (void)dict_set_str(ts, scope, ts.interp->names.builtins, dict_get_str(globals, ts.interp->names.builtins));
  }
  CodeObj* code = load_code(ts, result.value());
  if (!code || !eval_code(ts, code, scope, Value(scope))) return report_exception(ts);
  return -1;
}

// PYTHONSTARTUP (ignored under -E / -I): run in __main__ before the first prompt, as CPython's
// pymain_run_startup; a file that cannot be read is reported and the prompt opens anyway.
int run_startup_file(Interpreter& interp, DictObject* globals) {
  if (interp.config.ignore_environment) return -1;
  const char* path = std::getenv("PYTHONSTARTUP");
  if (!path || !*path) return -1;
  std::FILE* f = std::fopen(path, "rb");
  if (!f) {
    int err = errno;
    std::fprintf(stderr, "Could not open PYTHONSTARTUP\n");
    ThreadState& ts = interp.thread;
    (void)raise_os_error(ts, err, Value(make_str(ts, path)));
    return report_exception(ts);
  }
  std::string source;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) source.append(buf, n);
  std::fclose(f);
  return run_setup(interp, globals, source.c_str(), path, globals);
}

}  // namespace

int run_repl(Interpreter& interp, bool show_banner, bool run_startup) {
  ThreadState& ts = interp.thread;
  Value main = dict_get_str(interp.modules, ts.interp->names.main);
  DictObject* globals;
  if (main && type_of(main) == &module_type) {
    globals = static_cast<ModuleObject*>(main.as_object())->dict;  // -i: the script's namespace
  } else {
    ModuleObject* module = make_module(ts, "__main__");
    (void)dict_set_str(ts, interp.modules, ts.interp->names.main, Value(module));
    (void)dict_set_str(ts, module->dict, ts.interp->names.builtins, Value(interp.builtins_module));
    globals = module->dict;
  }
  bool terminal = isatty(0);
#if MINIPY_HAVE_READLINE
  if (terminal) {
    rl_catch_signals = 0;  // minipy's SIGINT handler stays in charge (see read_terminal_line)
    rl_readline_name = "python";
    rl_bind_key('\t', rl_insert);  // Tab indents until the readline module binds completion
  }
#endif
  if (show_banner) {
    Value version = dict_get_str(ts.interp->sys_module->dict, intern(ts, "version"));
    std::fprintf(stderr, "Python %s on linux\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n",
                 version && is_str(version) ? as_str(version)->data : "3.11");
  }
  // What CPython's site module gives a prompt (stdlib/_minipy_site.py: exit/quit, help, copyright, credits,
  // license), then PYTHONSTARTUP, then the interactive hook (Tab completion, ~/.python_history), in CPython's
  // order. minipy runs no site module at start-up, so scripts do not pay for this.
  int status = run_setup(interp, globals, "import _minipy_site\n_minipy_site.install_builtins()\n", "<minipy repl>");
  if (status < 0 && run_startup) status = run_startup_file(interp, globals);
  if (status < 0) status = run_setup(interp, globals, "import _minipy_site\n_minipy_site.run_interactive_hook()\n",
                                     "<minipy repl>");
  if (status >= 0) return status;
  std::string buffer;
  bool in_block = false;
  for (;;) {
    std::string prompt = buffer.empty() ? prompt_text(ts, "ps1", ">>> ") : prompt_text(ts, "ps2", "... ");
    std::fflush(stdout);
    std::string line;
    ReadStatus status;
#if MINIPY_HAVE_READLINE
    status = terminal ? read_terminal_line(ts, prompt, &line) : read_plain_line(ts, prompt, &line);
#else
    status = read_plain_line(ts, prompt, &line);
#endif
    if (status == ReadStatus::EndOfFile) {
      // Leaving: the cursor goes to a new line (readline moves it itself on a terminal).
#if MINIPY_HAVE_READLINE
      if (!terminal) std::fputs("\n", stderr);
#else
      std::fputs("\n", stderr);
#endif
      return 0;
    }
    if (status == ReadStatus::Interrupted) {
      // The KeyboardInterrupt raised by the SIGINT handler, printed on a line of its own.
      std::fputs("\n", stderr);
      buffer.clear();
      in_block = false;
      int exit_status = report_exception(ts);
      if (exit_status >= 0) return exit_status;
      continue;
    }
    if (buffer.empty()) {
      if (only_comments(line)) continue;
      in_block = opens_block(line);
    }
    buffer += line;
    buffer += '\n';
    bool run_now;
    if (in_block) {
      run_now = is_blank(line);
      if (!run_now) {
        // A line that cannot start a valid continuation is reported at once, as CPython's parser does.
        CompileResult trial = compile_source(buffer, "<stdin>", ast::ParseMode::Single, {interp.config.optimize});
        if (trial.ok() || needs_more(trial.error(), buffer, true)) continue;
        run_now = true;
      }
    } else {
      CompileResult trial = compile_source(buffer, "<stdin>", ast::ParseMode::Single, {interp.config.optimize});
      run_now = trial.ok() || !needs_more(trial.error(), buffer, false);
    }
    if (!run_now) continue;
    std::string entry = std::move(buffer);
    buffer.clear();
    in_block = false;
    int exit_status = run_entry(interp, entry, globals);
    if (exit_status >= 0) return exit_status;
  }
}

}  // namespace minipy
