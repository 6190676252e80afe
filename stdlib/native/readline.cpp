// The native `readline` module: CPython's Modules/readline.c, over the same GNU readline that Debian's python3.11
// links. The REPL (vm/cli/repl.cpp) reads its lines through this library too, so the history this module edits
// is the one the arrow keys walk, and a completer set here (rlcompleter does it on import) is what Tab runs.
//
// What Lib uses is here: parse_and_bind, init files, history files and items, the completer with its delimiters
// and begidx/endidx, insert_text/redisplay, the startup and pre-input hooks. Left out: the completion display
// hook (accepted and kept, never called) and libedit (the module always says it is GNU readline).
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>

#include "stdlib/native/native_support.h"
#include "stdlib/native/posix.h"
#include "stdlib/native/readline.h"
#include "vm/errors/errors.h"

#if MINIPY_HAVE_READLINE
#include <readline/history.h>
#include <readline/readline.h>
#endif

namespace minipy {

#if MINIPY_HAVE_READLINE

namespace {

using native::parse_args;

// The callables Python registered, kept alive by the module's dict (the module stores each one under a
// private name as well, so the collector sees them), and the thread that calls them back.
ThreadState* callback_thread = nullptr;
ModuleObject* readline_module = nullptr;
int completion_begidx = 0, completion_endidx = 0;
// set_auto_history(): whether the REPL adds each line it reads to the history (CPython's should_auto_add_history).
bool auto_history = true;

Value stored(const char* which) {
  if (!readline_module || !callback_thread) return Value();
  Value v = dict_get_str(readline_module->dict, intern(*callback_thread, which));
  return v && !is_none(v) ? v : Value();
}
// The set_* functions of the hooks: sets (or clears, with None / no argument) the hook kept under `which`;
// TypeError when it cannot be called.
Value set_hook(ThreadState& ts, const char* fname, const char* which, std::span<const Value> args,
               TupleObject* kwnames) {
  if (!check_positional_args(ts, fname, args, kwnames, 0, 1)) return Value();
  Value fn = args.empty() ? None() : args[0];
  if (!is_none(fn) && !type_of(fn)->call) return raise_fmt(ts, TypeError_type, "{} must be callable", fname + 4);
  if (!dict_set_str(ts, readline_module->dict, intern(ts, which), fn)) return Value();
  return None();
}

// A Python exception raised inside a readline callback cannot unwind through C: CPython prints it and goes on.
void report_callback_error(ThreadState& ts) {
  if (!ts.current_exception) return;
  Value exc = ts.current_exception;
  ts.current_exception = Value();
  print_exception(ts, exc);
}

// Runs a no-argument hook (startup / pre-input); readline wants an int back.
int run_hook(const char* which) {
  Value fn = stored(which);
  if (!fn) return 0;
  ThreadState& ts = *callback_thread;
  Value r = call(ts, fn, {});
  if (!r) {
    report_callback_error(ts);
    return 0;
  }
  int64_t n = 0;
  if (is_int(r) && !index_to_int64(ts, r, &n)) ts.current_exception = Value();
  return static_cast<int>(n);
}
int startup_hook() { return run_hook("_startup_hook"); }
int pre_input_hook() { return run_hook("_pre_input_hook"); }

// completer(text, state) for state = 0, 1, ... until it returns None: readline frees each string it is given.
char* on_completion(const char* text, int state) {
  Value fn = stored("_completer");
  if (!fn) return nullptr;
  ThreadState& ts = *callback_thread;
  Value args[2] = {Value(make_str(ts, text)), make_int(ts, state)};
  Value r = call(ts, fn, args);
  if (!r) {
    report_callback_error(ts);
    return nullptr;
  }
  if (!is_str(r)) return nullptr;
  return strdup(as_str(r)->data);
}

// Before completing, remember where the word starts and ends (in characters, as get_begidx() reports them),
// and keep readline from appending a space: Python's completers add what they mean themselves.
char** flex_complete(const char* text, int start, int end) {
  rl_completion_append_character = '\0';
  rl_completion_suppress_append = 0;
  auto chars = [](const char* s, int bytes) {
    int n = 0;
    for (int i = 0; i < bytes; i++)
      if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) n++;
    return n;
  };
  completion_begidx = chars(rl_line_buffer, start);
  completion_endidx = chars(rl_line_buffer, end);
  return rl_completion_matches(text, on_completion);
}

// The file a history or init-file function `fname` names in its last, optional argument (at `index`, after
// `index` required ones): a str, bytes or path-like, or None / absent for readline's default file.
struct FileArgument {
  bool ok = false;  // false: the call was refused, with the exception pending
  bool given = false;
  std::string path;
  const char* c_str() const { return given ? path.c_str() : nullptr; }  // what readline takes: null = default
};
FileArgument file_argument(ThreadState& ts, const char* fname, std::span<const Value> args, TupleObject* kwnames,
                           size_t index) {
  FileArgument file;
  if (!check_positional_args(ts, fname, args, kwnames, index, index + 1)) return file;
  file.given = args.size() > index && !is_none(args[index]);
  if (file.given) {
    Path path;
    if (!path_arg(ts, "readline", "filename", args[index], &path, false)) return file;
    file.path = std::move(path.text);
  }
  file.ok = true;
  return file;
}

// The one str argument of `fname`; null with TypeError pending for anything else.
StrObject* str_argument(ThreadState& ts, const char* fname, std::span<const Value> args, TupleObject* kwnames) {
  if (!native::one_arg(ts, fname, args, kwnames)) return nullptr;
  if (is_str(args[0])) return as_str(args[0]);
  raise_fmt(ts, TypeError_type, "{}() argument must be str, not {}", fname, type_name(args[0]));
  return nullptr;
}

// Readline's history functions return an errno value; CPython raises the OSError for it without a file name.
Value history_result(ThreadState& ts, int err) {
  if (err == 0) return None();
  return raise_os_error(ts, err);
}

NATIVE_FN(py_parse_and_bind) {
  (void)self;
  Value s;
  if (!parse_args(ts, "parse_and_bind", args, kwnames, {"string"}, 1, 1, &s)) return Value();
  if (!is_str(s)) return raise_fmt(ts, TypeError_type, "parse_and_bind() argument must be str, not {}", type_name(s));
  // rl_parse_and_bind may modify its argument: give it a copy.
  std::string copy(as_str(s)->view());
  rl_parse_and_bind(copy.data());
  return None();
}

NATIVE_FN(py_read_init_file) {
  (void)self;
  FileArgument file = file_argument(ts, "read_init_file", args, kwnames, 0);
  if (!file.ok) return Value();
  errno = rl_read_init_file(file.c_str());
  return history_result(ts, errno);
}

NATIVE_FN(py_get_line_buffer) {
  (void)self;
  if (!native::no_args(ts, "get_line_buffer", args, kwnames)) return Value();
  return Value(make_str(ts, rl_line_buffer ? rl_line_buffer : ""));
}

NATIVE_FN(py_insert_text_fn) {
  (void)self;
  StrObject* text = str_argument(ts, "insert_text", args, kwnames);
  if (!text) return Value();
  rl_insert_text(text->data);
  return None();
}

NATIVE_FN(py_redisplay_fn) {
  (void)self;
  if (!native::no_args(ts, "redisplay", args, kwnames)) return Value();
  rl_redisplay();
  return None();
}

NATIVE_FN(py_read_history_file) {
  (void)self;
  FileArgument file = file_argument(ts, "read_history_file", args, kwnames, 0);
  if (!file.ok) return Value();
  return history_result(ts, read_history(file.c_str()));
}

NATIVE_FN(py_write_history_file) {
  (void)self;
  FileArgument file = file_argument(ts, "write_history_file", args, kwnames, 0);
  if (!file.ok) return Value();
  int err = write_history(file.c_str());
  // Honour set_history_length() in the file too, as CPython does.
  Value length = dict_get_str(readline_module->dict, intern(ts, "_history_length"));
  int64_t n = -1;
  if (length && is_int(length)) (void)index_to_int64(ts, length, &n);
  if (err == 0 && n >= 0) err = history_truncate_file(file.c_str(), static_cast<int>(n));
  return history_result(ts, err);
}

NATIVE_FN(py_append_history_file) {
  (void)self;
  // The count is converted before the file, as CPython's argument clinic does.
  if (!check_positional_args(ts, "append_history_file", args, kwnames, 1, 2)) return Value();
  int64_t count;
  if (!index_to_int64(ts, args[0], &count)) return Value();
  FileArgument file = file_argument(ts, "append_history_file", args, kwnames, 1);
  if (!file.ok) return Value();
  int err = append_history(static_cast<int>(count), file.c_str());
  return history_result(ts, err);
}

NATIVE_FN(py_set_history_length) {
  (void)self;
  if (!native::one_arg(ts, "set_history_length", args, kwnames)) return Value();
  int64_t n;
  if (!index_to_int64(ts, args[0], &n)) return Value();
  if (!dict_set_str(ts, readline_module->dict, intern(ts, "_history_length"), make_int(ts, n))) return Value();
  return None();
}

NATIVE_FN(py_get_history_length) {
  (void)self;
  if (!native::no_args(ts, "get_history_length", args, kwnames)) return Value();
  Value length = dict_get_str(readline_module->dict, intern(ts, "_history_length"));
  return length ? length : make_int(ts, -1);
}

NATIVE_FN(py_get_current_history_length) {
  (void)self;
  if (!native::no_args(ts, "get_current_history_length", args, kwnames)) return Value();
  return make_int(ts, history_length);
}

// get_history_item(index): 1-based, None outside the history (as GNU readline's history_get).
NATIVE_FN(py_get_history_item) {
  (void)self;
  if (!native::one_arg(ts, "get_history_item", args, kwnames)) return Value();
  int64_t index;
  if (!index_to_int64(ts, args[0], &index)) return Value();
  if (index < history_base || index >= history_base + history_length) return None();
  HIST_ENTRY* entry = history_get(static_cast<int>(index));
  return entry && entry->line ? Value(make_str(ts, entry->line)) : None();
}

NATIVE_FN(py_remove_history_item) {
  (void)self;
  if (!native::one_arg(ts, "remove_history_item", args, kwnames)) return Value();
  int64_t pos;
  if (!index_to_int64(ts, args[0], &pos)) return Value();
  if (pos < 0) return raise(ts, ValueError_type, "History index cannot be negative");
  HIST_ENTRY* entry = remove_history(static_cast<int>(pos));
  if (!entry) return raise_fmt(ts, ValueError_type, "No history item at position {}", pos);
  histdata_t data = free_history_entry(entry);
  std::free(data);
  return None();
}

NATIVE_FN(py_replace_history_item) {
  (void)self;
  if (!no_keywords(ts, "replace_history_item", kwnames) ||
      !check_arg_count(ts, "replace_history_item", args.size(), 2, 2))
    return Value();
  int64_t pos;
  if (!index_to_int64(ts, args[0], &pos)) return Value();
  if (!is_str(args[1]))
    return raise_fmt(ts, TypeError_type, "replace_history_item() argument 2 must be str, not {}", type_name(args[1]));
  if (pos < 0) return raise(ts, ValueError_type, "History index cannot be negative");
  HIST_ENTRY* old = replace_history_entry(static_cast<int>(pos), as_str(args[1])->data, nullptr);
  if (!old) return raise_fmt(ts, ValueError_type, "No history item at position {}", pos);
  histdata_t data = free_history_entry(old);
  std::free(data);
  return None();
}

NATIVE_FN(py_add_history) {
  (void)self;
  StrObject* line = str_argument(ts, "add_history", args, kwnames);
  if (!line) return Value();
  add_history(line->data);
  return None();
}

NATIVE_FN(py_clear_history) {
  (void)self;
  if (!native::no_args(ts, "clear_history", args, kwnames)) return Value();
  clear_history();
  return None();
}

NATIVE_FN(py_set_auto_history) {
  (void)self;
  if (!native::one_arg(ts, "set_auto_history", args, kwnames)) return Value();
  int truth = py_truth(ts, args[0]);
  if (truth < 0) return Value();
  auto_history = truth != 0;
  return None();
}

NATIVE_FN(py_set_completer) {
  (void)self;
  return set_hook(ts, "set_completer", "_completer", args, kwnames);
}
NATIVE_FN(py_get_completer) {
  (void)self;
  if (!native::no_args(ts, "get_completer", args, kwnames)) return Value();
  Value fn = stored("_completer");
  return fn ? fn : None();
}
NATIVE_FN(py_set_startup_hook) {
  (void)self;
  return set_hook(ts, "set_startup_hook", "_startup_hook", args, kwnames);
}
NATIVE_FN(py_set_pre_input_hook) {
  (void)self;
  return set_hook(ts, "set_pre_input_hook", "_pre_input_hook", args, kwnames);
}
NATIVE_FN(py_set_display_hook) {
  (void)self;
  return set_hook(ts, "set_completion_display_matches_hook", "_display_hook", args, kwnames);
}

NATIVE_FN(py_get_completion_type) {
  (void)self;
  if (!native::no_args(ts, "get_completion_type", args, kwnames)) return Value();
  return make_int(ts, rl_completion_type);
}
NATIVE_FN(py_get_begidx) {
  (void)self;
  if (!native::no_args(ts, "get_begidx", args, kwnames)) return Value();
  return make_int(ts, completion_begidx);
}
NATIVE_FN(py_get_endidx) {
  (void)self;
  if (!native::no_args(ts, "get_endidx", args, kwnames)) return Value();
  return make_int(ts, completion_endidx);
}

// readline keeps a pointer to the delimiters: the current string is owned here.
std::string completer_delims = " \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?";

NATIVE_FN(py_set_completer_delims) {
  (void)self;
  StrObject* delims = str_argument(ts, "set_completer_delims", args, kwnames);
  if (!delims) return Value();
  completer_delims = std::string(delims->view());
  rl_completer_word_break_characters = completer_delims.data();
  return None();
}
NATIVE_FN(py_get_completer_delims) {
  (void)self;
  if (!native::no_args(ts, "get_completer_delims", args, kwnames)) return Value();
  return Value(make_str(ts, rl_completer_word_break_characters ? rl_completer_word_break_characters : ""));
}

const MethodDef kReadlineFunctions[] = {
    {"parse_and_bind", py_parse_and_bind},
    {"read_init_file", py_read_init_file},
    {"get_line_buffer", py_get_line_buffer},
    {"insert_text", py_insert_text_fn},
    {"redisplay", py_redisplay_fn},
    {"read_history_file", py_read_history_file},
    {"write_history_file", py_write_history_file},
    {"append_history_file", py_append_history_file},
    {"set_history_length", py_set_history_length},
    {"get_history_length", py_get_history_length},
    {"get_current_history_length", py_get_current_history_length},
    {"get_history_item", py_get_history_item},
    {"remove_history_item", py_remove_history_item},
    {"replace_history_item", py_replace_history_item},
    {"add_history", py_add_history},
    {"clear_history", py_clear_history},
    {"set_auto_history", py_set_auto_history},
    {"set_completer", py_set_completer},
    {"get_completer", py_get_completer},
    {"set_startup_hook", py_set_startup_hook},
    {"set_pre_input_hook", py_set_pre_input_hook},
    {"set_completion_display_matches_hook", py_set_display_hook},
    {"get_completion_type", py_get_completion_type},
    {"get_begidx", py_get_begidx},
    {"get_endidx", py_get_endidx},
    {"set_completer_delims", py_set_completer_delims},
    {"get_completer_delims", py_get_completer_delims},
};

}  // namespace

bool readline_auto_history() { return auto_history; }

ModuleObject* create_readline_module(ThreadState& ts) {
  ModuleObject* m = make_module(ts, "readline");
  for (const MethodDef& def : kReadlineFunctions)
    if (!dict_set_str(ts, m->dict, intern(ts, def.name), make_native_function(ts, &def, Value(m), Value(m->name))))
      return nullptr;
  // site.py tells GNU readline from libedit by this text.
  if (!dict_set_str(ts, m->dict, intern(ts, "__doc__"),
                    Value(make_str(ts, "Importing this module enables command line editing using GNU readline."))))
    return nullptr;
  if (!dict_set_str(ts, m->dict, intern(ts, "_READLINE_VERSION"), make_int(ts, RL_READLINE_VERSION)) ||
      !dict_set_str(ts, m->dict, intern(ts, "_READLINE_RUNTIME_VERSION"), make_int(ts, rl_readline_version)) ||
      !dict_set_str(ts, m->dict, intern(ts, "_READLINE_LIBRARY_VERSION"), Value(make_str(ts, rl_library_version))))
    return nullptr;
  readline_module = m;
  callback_thread = &ts;
  // As CPython's setup_readline: the application name for inputrc conditionals, Tab inserting a tab until a
  // completer is bound with parse_and_bind("tab: complete"), and Python's word delimiters.
  rl_readline_name = "python";
  rl_bind_key('\t', rl_insert);
  rl_bind_key_in_map('\t', rl_complete, emacs_meta_keymap);
  rl_bind_key_in_map('\033', rl_complete, emacs_meta_keymap);
  rl_startup_hook = startup_hook;
  rl_pre_input_hook = pre_input_hook;
  rl_attempted_completion_function = flex_complete;
  rl_completer_word_break_characters = completer_delims.data();
  using_history();
  return m;
}

#else

// Without GNU readline (libreadline-dev) there is no readline module, as in a CPython built without it.
ModuleObject* create_readline_module(ThreadState& ts) {
  (void)raise(ts, ModuleNotFoundError_type, "No module named 'readline'");
  return nullptr;
}

#endif

}  // namespace minipy
