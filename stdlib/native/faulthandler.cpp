// The native `faulthandler` module (CPython's Modules/faulthandler.c and the traceback dumper of
// Python/traceback.c): writes the Python stack of minipy's interpreter thread to a file descriptor in CPython's
// format ("Stack (most recent call first):" / "Current thread 0x... (most recent call first):", then
// `  File "NAME", line N in FUNC`, newest first, at most 100 frames, strings ASCII with backslash escapes and cut
// at 500 characters), on demand (dump_traceback), when the process receives a fatal signal (enable: SIGSEGV,
// SIGFPE, SIGABRT, SIGBUS, SIGILL, on an alternate signal stack, then the previous handler runs), after a timeout
// (dump_traceback_later: a watchdog thread) and on a user signal (register, optionally chaining to the previous
// handler). The crash helpers _read_null, _sigsegv, _sigabrt, _sigfpe, _stack_overflow and
// _fatal_error_c_thread are CPython's too: test_faulthandler drives them in child processes.
//
// What is minipy's own or left out:
// - minipy runs one interpreter thread, so "all threads" is that thread: its id is the one _thread.get_ident()
//   returns (kMainThreadIdent), not a pthread_t. Seen from the watchdog or another native thread it is
//   "Thread 0x...", from itself "Current thread 0x...".
// - "Garbage-collecting" is shown while finalizers run (minipy's collector queues them and runs them after the
//   collection, whether gc.collect() or an automatic collection started it).
// - As in CPython, the watchdog and the signal handlers read the frame chain without stopping the interpreter; a
//   dump taken while a frame is being pushed or popped may show a stale line.
// - "Extension modules:" lists sys.modules entries that are minipy's native modules (modules.def, sys, builtins)
//   and not in sys.stdlib_module_names; minipy's importlib.util and friends are native, so a crash report may name
//   them where CPython's would not.
// - -X faulthandler and PYTHONFAULTHANDLER enable it at start-up (vm/cli/main.cpp); -X dev does not (minipy has no
//   development mode).
// - _read_null reads address 0 through an opaque pointer; _sigfpe raises SIGFPE with raise() (an integer division
//   by zero is undefined behaviour in C++, which the sanitizer builds would report instead).
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string_view>

#include "compiler/linetable.h"
#include "stdlib/native/faulthandler.h"
#include "stdlib/native/native_support.h"
#include "stdlib/native/registry.h"
#include "stdlib/native/thread.h"
#include "vm/import/import_internal.h"
#include "vm/interp/frame.h"
#include "vm/runtime.h"

namespace minipy {

namespace {

using native::parse_args;

constexpr int kMaxFrameDepth = 100;       // frames beyond this print as "  ..."
constexpr int64_t kMaxStringLength = 500;  // code points of a name or file name before "..."
constexpr int kSignalCount = 65;           // NSIG on Linux

// ---- signal-safe output ------------------------------------------------------------------------------------------
// Everything from here to the dumpers may run inside a signal handler or on the watchdog thread: no allocation,
// no locks, no Python objects created, only write(2).

void write_all(int fd, const char* data, size_t size) {
  while (size > 0) {
    ssize_t n = write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // nowhere to report a failing write: give up quietly, as CPython's _Py_write_noraise
    data += n;
    size -= static_cast<size_t>(n);
  }
}

void put(int fd, std::string_view text) { write_all(fd, text.data(), text.size()); }

void put_decimal(int fd, uint64_t value) {
  char buffer[24];
  char* end = buffer + sizeof buffer;
  char* p = end;
  do {
    *--p = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  write_all(fd, p, static_cast<size_t>(end - p));
}

// `value` in lowercase hexadecimal, zero-padded to `width` digits.
void put_hex(int fd, uint64_t value, int width) {
  char buffer[16];
  int digits = 0;
  for (uint64_t v = value; v != 0 || digits == 0; v >>= 4) digits++;
  if (digits < width) digits = width;
  if (digits > 16) digits = 16;
  for (int i = digits - 1; i >= 0; i--, value >>= 4) buffer[i] = "0123456789abcdef"[value & 15];
  write_all(fd, buffer, static_cast<size_t>(digits));
}

// The next code point of UTF-8 text at `*p` (advancing it); a stray byte counts as itself.
uint32_t next_code_point(const unsigned char*& p, const unsigned char* end) {
  uint32_t c = *p++;
  int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  if (more == 0 || end - p < more) return c;
  uint32_t cp = c & (0x3Fu >> more);
  for (int i = 0; i < more; i++) {
    if ((p[i] & 0xC0) != 0x80) return c;
    cp = (cp << 6) | (p[i] & 0x3Fu);
  }
  p += more;
  return cp;
}

// A str as faulthandler shows it: printable ASCII as is, other code points as \xHH, \uHHHH or \UHHHHHHHH, at
// most 500 code points and then "...".
void put_ascii(int fd, const StrObject* s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s->data);
  const unsigned char* end = p + s->size;
  int64_t shown = 0;
  while (p < end && shown < kMaxStringLength) {
    uint32_t c = next_code_point(p, end);
    shown++;
    if (c >= ' ' && c <= 126) {
      char ch = static_cast<char>(c);
      write_all(fd, &ch, 1);
    } else if (c <= 0xff) {
      put(fd, "\\x");
      put_hex(fd, c, 2);
    } else if (c <= 0xffff) {
      put(fd, "\\u");
      put_hex(fd, c, 4);
    } else {
      put(fd, "\\U");
      put_hex(fd, c, 8);
    }
  }
  if (p < end) put(fd, "...");
}

// ---- the interpreter thread and its frames ---------------------------------------------------------------------

ThreadState* g_thread_state = nullptr;  // minipy's one interpreter thread
pthread_t g_interpreter_thread;         // ... and its pthread, to tell it from the watchdog and other threads

bool on_interpreter_thread() { return g_thread_state && pthread_equal(pthread_self(), g_interpreter_thread); }

void dump_frame(int fd, const Frame* frame) {
  const CodeObj* code = frame->code;
  put(fd, "  File ");
  if (code->filename) {
    put(fd, "\"");
    put_ascii(fd, code->filename);
    put(fd, "\"");
  } else {
    put(fd, "???");
  }
  // The frame's current instruction (line_at allocates nothing, unlike the traceback's location_at).
  int lasti = frame->lasti();
  int line = lasti < 0 ? code->firstlineno : line_at(code->src().linetable, code->src().firstlineno, lasti);
  put(fd, ", line ");
  if (line >= 0) put_decimal(fd, static_cast<uint64_t>(line));
  else put(fd, "???");
  put(fd, " in ");
  if (code->name) put_ascii(fd, code->name);
  else put(fd, "???");
  put(fd, "\n");
}

// The frames of the interpreter thread, newest first (after "Stack (most recent call first):" with `header`).
void dump_frames(int fd, bool header) {
  if (header) put(fd, "Stack (most recent call first):\n");
  const Frame* frame = g_thread_state ? __atomic_load_n(&g_thread_state->current_frame, __ATOMIC_ACQUIRE) : nullptr;
  if (!frame) {
    put(fd, "  <no Python frame>\n");
    return;
  }
  for (int depth = 0; frame; depth++, frame = frame->previous) {
    if (depth >= kMaxFrameDepth) {
      put(fd, "  ...\n");
      break;
    }
    dump_frame(fd, frame);
  }
}

// Every thread's stack (minipy has one interpreter thread), each under "Thread 0x... (most recent call first):",
// "Current thread" for the thread doing the dumping.
void dump_all_threads(int fd) {
  bool current = on_interpreter_thread();
  put(fd, current ? "Current thread 0x" : "Thread 0x");
  put_hex(fd, static_cast<uint64_t>(kMainThreadIdent), 2 * sizeof(unsigned long));
  put(fd, " (most recent call first):\n");
  if (current && g_thread_state->heap->finalizers_running) put(fd, "  Garbage-collecting\n");
  dump_frames(fd, false);
}

// faulthandler_dump_traceback: one thread's stack (only when called on that thread) or all of them. A signal
// arriving while a dump runs does not start a second one.
void dump_traceback(int fd, bool all_threads) {
  static volatile sig_atomic_t dumping = 0;
  if (dumping) return;
  dumping = 1;
  if (all_threads) dump_all_threads(fd);
  else if (on_interpreter_thread()) dump_frames(fd, true);
  dumping = 0;
}

// The modules of sys.modules that are native (minipy's extension modules) and not in sys.stdlib_module_names,
// as CPython's crash report lists them. Reads the dicts in place: nothing is allocated or hashed.
bool is_stdlib_name(Value names, const StrObject* key) {
  if (!names || type_of(names) != &frozenset_type) return false;
  auto* set = static_cast<SetObject*>(names.as_object());
  if (!set->table) return false;  // the empty frozenset has no table
  for (int64_t i = 0; i <= set->mask; i++) {
    Value item = set->table[i].key;
    if (item && item.is_object() && type_of(item) == &str_type && as_str(item)->view() == key->view()) return true;
  }
  return false;
}

void dump_extension_modules(int fd) {
  if (!g_thread_state) return;
  Interpreter& interp = *g_thread_state->interp;
  if (!interp.modules || !interp.sys_module) return;
  Value stdlib_names;
  int64_t pos = 0;
  Value key, value;
  while (dict_next(interp.sys_module->dict, &pos, &key, &value))
    if (is_str(key) && as_str(key)->view() == "stdlib_module_names") stdlib_names = value;
  int64_t count = 0;
  pos = 0;
  while (dict_next(interp.modules, &pos, &key, &value)) {
    if (!is_str(key) || !value.is_object() || !is_subtype(type_of(value), &module_type)) continue;
    std::string_view name = as_str(key)->view();
    if (name != "sys" && name != "builtins" && !find_native_module(name)) continue;
    if (is_stdlib_name(stdlib_names, as_str(key))) continue;
    put(fd, count == 0 ? "\nExtension modules: " : ", ");
    put_ascii(fd, as_str(key));
    count++;
  }
  if (count == 0) return;
  put(fd, " (total: ");
  put_decimal(fd, static_cast<uint64_t>(count));
  put(fd, ")\n");
}

// ---- fatal signals (enable/disable) ------------------------------------------------------------------------------

struct FatalSignal {
  int signum;
  const char* name;  // "Fatal Python error: NAME"
  bool installed;
  struct sigaction previous;
};
FatalSignal g_fatal_signals[] = {
    {SIGBUS, "Bus error", false, {}},
    {SIGILL, "Illegal instruction", false, {}},
    {SIGFPE, "Floating point exception", false, {}},
    {SIGABRT, "Aborted", false, {}},
    {SIGSEGV, "Segmentation fault", false, {}},
};

struct {
  volatile sig_atomic_t enabled = 0;
  int fd = 2;
  bool all_threads = true;
} g_fatal;

// Python objects the handlers write to (kept alive so their descriptors stay open): the collector's roots here.
Value g_fatal_file;
Value g_later_file;
Value g_user_files[kSignalCount];

// The handlers run on their own stack, so that a stack overflow can still be reported. The stack that was
// there before (a sanitizer installs one of its own per thread) is kept, to be put back when the thread ends.
bool g_alternate_stack_ready = false;
stack_t g_our_stack{};
stack_t g_previous_stack{};

void ensure_alternate_stack() {
  if (g_alternate_stack_ready) return;
  constexpr size_t kSize = 64 * 1024;  // the dumper's own frames are small; leave room for a chained handler
  stack_t stack{};
  stack.ss_sp = std::malloc(kSize);
  stack.ss_size = kSize;
  if (!stack.ss_sp) return;
  if (sigaltstack(&stack, &g_previous_stack) != 0) {
    std::free(stack.ss_sp);
    return;
  }
  g_our_stack = stack;
  g_alternate_stack_ready = true;
}

void restore_fatal_handler(FatalSignal& handler) {
  if (!handler.installed) return;
  handler.installed = false;
  sigaction(handler.signum, &handler.previous, nullptr);
}

// The handler of the fatal signals: the report, then the previous handler (the default one ends the process with
// the signal, so the exit status still says what killed it).
void on_fatal_signal(int signum) {
  int saved_errno = errno;
  if (!g_fatal.enabled) return;
  FatalSignal* handler = nullptr;
  for (FatalSignal& h : g_fatal_signals)
    if (h.signum == signum) handler = &h;
  if (!handler) return;
  restore_fatal_handler(*handler);
  put(g_fatal.fd, "Fatal Python error: ");
  put(g_fatal.fd, handler->name);
  put(g_fatal.fd, "\n\n");
  dump_traceback(g_fatal.fd, g_fatal.all_threads);
  dump_extension_modules(g_fatal.fd);
  errno = saved_errno;
  ::raise(signum);  // SA_NODEFER: delivered at once, to the handler just restored
}

[[nodiscard]] bool enable_fatal_handlers(ThreadState& ts) {
  if (g_fatal.enabled) return true;
  g_fatal.enabled = 1;
  ensure_alternate_stack();
  for (FatalSignal& handler : g_fatal_signals) {
    struct sigaction action {};
    action.sa_handler = on_fatal_signal;
    sigemptyset(&action.sa_mask);
    // SA_NODEFER: the previous handler, re-raised from inside ours, runs at once.
    action.sa_flags = SA_NODEFER | (g_alternate_stack_ready ? SA_ONSTACK : 0);
    if (sigaction(handler.signum, &action, &handler.previous) != 0) {
      // CPython reports it as a RuntimeError carrying errno and its message.
      int err = errno;
      return raise_fmt(ts, RuntimeError_type, "[Errno {}] {}", err, std::strerror(err)), false;
    }
    handler.installed = true;
  }
  return true;
}

void disable_fatal_handlers() {
  if (!g_fatal.enabled) return;
  g_fatal.enabled = 0;
  for (FatalSignal& handler : g_fatal_signals) restore_fatal_handler(handler);
}

// ---- the file argument --------------------------------------------------------------------------------------------

// faulthandler_get_fileno: `file` (null or None: sys.stderr) as a file descriptor. An int is the descriptor
// itself (nothing is kept); another object answers fileno() and is flushed (a failing flush is ignored), and
// *keep is set to it so it stays open while a handler may write to it.
[[nodiscard]] bool file_descriptor(ThreadState& ts, Value file, int* fd, Value* keep) {
  *keep = Value();
  if (!file || is_none(file)) {
    file = dict_get_str(ts.interp->sys_module->dict, intern(ts, "stderr"));
    if (!file) return raise(ts, RuntimeError_type, "unable to get sys.stderr"), false;
    if (is_none(file)) return raise(ts, RuntimeError_type, "sys.stderr is None"), false;
  } else if (is_int(file)) {
    int64_t n;
    if (!index_to_int64(ts, file, &n, "Python int too large to convert to C int")) return false;
    if (n > INT32_MAX || n < INT32_MIN) return raise(ts, OverflowError_type, "Python int too large to convert to C int"), false;
    if (n < 0) return raise(ts, ValueError_type, "file is not a valid file descripter"), false;
    *fd = static_cast<int>(n);
    return true;
  }
  Value result = call_method(ts, file, intern(ts, "fileno"), {});
  if (!result) return false;
  int64_t n = -1;
  if (is_int(result) && !int_to_int64(result, &n)) n = -1;
  if (n < 0 || n > INT32_MAX) return raise(ts, RuntimeError_type, "file.fileno() is not a valid file descriptor"), false;
  if (!call_method(ts, file, intern(ts, "flush"), {})) ts.current_exception = Value();
  *fd = static_cast<int>(n);
  *keep = file;
  return true;
}

// The "i" argument format: an int by __index__ that fits a C int.
[[nodiscard]] bool c_int_argument(ThreadState& ts, Value v, int* out) {
  int64_t n;
  if (!index_to_int64(ts, v, &n, "Python int too large to convert to C long")) return false;
  if (n > INT32_MAX) return raise(ts, OverflowError_type, "signed integer is greater than maximum"), false;
  if (n < INT32_MIN) return raise(ts, OverflowError_type, "signed integer is less than minimum"), false;
  *out = static_cast<int>(n);
  return true;
}

// The "p" argument format: truth, or `missing` when not given.
[[nodiscard]] bool bool_argument(ThreadState& ts, Value v, bool missing, bool* out) {
  if (!v) {
    *out = missing;
    return true;
  }
  int truth = py_truth(ts, v);
  if (truth < 0) return false;
  *out = truth != 0;
  return true;
}

#define FH_FN(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

// enable(file=sys.stderr, all_threads=True)
FH_FN(fh_enable) {
  (void)self;
  Value a[2];
  if (!parse_args(ts, "enable", args, kwnames, {"file", "all_threads"}, 0, 0, a)) return Value();
  int fd;
  Value keep;
  bool all_threads;
  if (!file_descriptor(ts, a[0], &fd, &keep) || !bool_argument(ts, a[1], true, &all_threads)) return Value();
  g_fatal_file = keep;
  g_fatal.fd = fd;
  g_fatal.all_threads = all_threads;
  if (!enable_fatal_handlers(ts)) return Value();
  return None();
}

// disable() -> whether the handler was enabled
FH_FN(fh_disable) {
  (void)self;
  if (!native::no_args(ts, "faulthandler.disable", args, kwnames)) return Value();
  if (!g_fatal.enabled) return Bool(false);
  disable_fatal_handlers();
  g_fatal_file = Value();
  return Bool(true);
}

FH_FN(fh_is_enabled) {
  (void)self;
  if (!native::no_args(ts, "faulthandler.is_enabled", args, kwnames)) return Value();
  return Bool(g_fatal.enabled != 0);
}

// dump_traceback(file=sys.stderr, all_threads=True)
FH_FN(fh_dump_traceback) {
  (void)self;
  Value a[2];
  if (!parse_args(ts, "dump_traceback", args, kwnames, {"file", "all_threads"}, 0, 0, a)) return Value();
  int fd;
  Value keep;
  bool all_threads;
  if (!file_descriptor(ts, a[0], &fd, &keep) || !bool_argument(ts, a[1], true, &all_threads)) return Value();
  if (all_threads) dump_all_threads(fd);
  else dump_frames(fd, true);
  return None();
}

// ---- dump_traceback_later: the watchdog thread ------------------------------------------------------------------

struct Watchdog {
  pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
  pthread_cond_t wake;  // signalled by cancel; waited on with CLOCK_MONOTONIC deadlines
  bool wake_ready = false;
  pthread_t thread{};
  bool running = false;  // a thread was started and not joined yet
  bool cancelled = false;
  int fd = 2;
  int64_t timeout_us = 0;
  bool repeat = false;
  bool exit = false;
  char header[100] = {};
};
Watchdog g_watchdog;

void* watchdog_main(void*) {
  Watchdog& w = g_watchdog;
  pthread_mutex_lock(&w.mutex);
  while (!w.cancelled) {
    timespec deadline{};
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    int64_t ns = deadline.tv_nsec + (w.timeout_us % 1000000) * 1000;
    deadline.tv_sec += static_cast<time_t>(w.timeout_us / 1000000 + ns / 1000000000);
    deadline.tv_nsec = static_cast<long>(ns % 1000000000);
    int rc = 0;
    while (!w.cancelled && rc != ETIMEDOUT) rc = pthread_cond_timedwait(&w.wake, &w.mutex, &deadline);
    if (w.cancelled) break;
    put(w.fd, w.header);
    dump_all_threads(w.fd);
    if (w.exit) _exit(1);
    if (!w.repeat) break;
  }
  pthread_mutex_unlock(&w.mutex);
  return nullptr;
}

void cancel_watchdog() {
  Watchdog& w = g_watchdog;
  if (!w.running) return;
  pthread_mutex_lock(&w.mutex);
  w.cancelled = true;
  pthread_cond_signal(&w.wake);
  pthread_mutex_unlock(&w.mutex);
  pthread_join(w.thread, nullptr);
  w.running = false;
  g_later_file = Value();
}

// "Timeout (H:MM:SS[.ffffff])!\n", as CPython's format_timeout.
void format_timeout_header(int64_t us, char* out, size_t size) {
  int64_t seconds = us / 1000000, micros = us % 1000000;
  int64_t hours = seconds / 3600, minutes = seconds / 60 % 60;
  seconds %= 60;
  if (micros != 0)
    std::snprintf(out, size, "Timeout (%lld:%02lld:%02lld.%06lld)!\n", static_cast<long long>(hours),
                  static_cast<long long>(minutes), static_cast<long long>(seconds), static_cast<long long>(micros));
  else
    std::snprintf(out, size, "Timeout (%lld:%02lld:%02lld)!\n", static_cast<long long>(hours),
                  static_cast<long long>(minutes), static_cast<long long>(seconds));
}

// dump_traceback_later(timeout, repeat=False, file=sys.stderr, exit=False)
FH_FN(fh_dump_traceback_later) {
  (void)self;
  Value a[4];
  if (!parse_args(ts, "dump_traceback_later", args, kwnames, {"timeout", "repeat", "file", "exit"}, 1, 0, a))
    return Value();
  double seconds;
  if (!native::seconds_object(ts, a[0], 1.0, &seconds)) return Value();
  // _PyTime_ROUND_TIMEOUT: a positive remainder rounds up to the next microsecond.
  double micros = seconds * 1e6;
  auto timeout_us = static_cast<int64_t>(micros);
  if (static_cast<double>(timeout_us) < micros) timeout_us++;
  if (timeout_us <= 0) return raise(ts, ValueError_type, "timeout must be greater than 0");
  int repeat = 0, exit = 0;
  if (a[1] && !c_int_argument(ts, a[1], &repeat)) return Value();
  int fd;
  Value keep;
  if (!file_descriptor(ts, a[2], &fd, &keep)) return Value();
  if (a[3] && !c_int_argument(ts, a[3], &exit)) return Value();
  cancel_watchdog();
  Watchdog& w = g_watchdog;
  if (!w.wake_ready) {
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&w.wake, &attr);
    pthread_condattr_destroy(&attr);
    w.wake_ready = true;
  }
  format_timeout_header(timeout_us, w.header, sizeof w.header);
  w.fd = fd;
  w.timeout_us = timeout_us;
  w.repeat = repeat != 0;
  w.exit = exit != 0;
  w.cancelled = false;
  g_later_file = keep;
  // The watchdog blocks every signal: they are the interpreter thread's to handle.
  sigset_t all, previous;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &previous);
  int err = pthread_create(&w.thread, nullptr, watchdog_main, nullptr);
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  if (err != 0) {
    g_later_file = Value();
    return raise(ts, RuntimeError_type, "unable to start watchdog thread");
  }
  w.running = true;
  return None();
}

FH_FN(fh_cancel_dump_traceback_later) {
  (void)self;
  if (!native::no_args(ts, "faulthandler.cancel_dump_traceback_later", args, kwnames)) return Value();
  cancel_watchdog();
  return None();
}

// ---- register/unregister: user signals ----------------------------------------------------------------------------

struct UserSignal {
  volatile sig_atomic_t enabled;
  int fd;
  bool all_threads;
  bool chain;
  struct sigaction previous;
};
UserSignal g_user_signals[kSignalCount];

[[nodiscard]] bool install_user_handler(int signum, bool chain, struct sigaction* previous);

void on_user_signal(int signum) {
  UserSignal& user = g_user_signals[signum];
  if (!user.enabled) return;
  int saved_errno = errno;
  dump_traceback(user.fd, user.all_threads);
  if (user.chain) {
    // The previous handler runs now (SA_NODEFER lets the re-raised signal in), then ours goes back in place.
    sigaction(signum, &user.previous, nullptr);
    errno = saved_errno;
    ::raise(signum);
    saved_errno = errno;
    (void)install_user_handler(signum, true, nullptr);
  }
  errno = saved_errno;
}

bool install_user_handler(int signum, bool chain, struct sigaction* previous) {
  ensure_alternate_stack();
  struct sigaction action {};
  action.sa_handler = on_user_signal;
  sigemptyset(&action.sa_mask);
  // Without chaining, a system call the signal interrupts is restarted (the dump is all that happens).
  action.sa_flags = (chain ? SA_NODEFER : SA_RESTART) | (g_alternate_stack_ready ? SA_ONSTACK : 0);
  return sigaction(signum, &action, previous) == 0;
}

// faulthandler_check_signum: the fatal signals belong to enable(); others must be valid signal numbers.
[[nodiscard]] bool check_user_signal(ThreadState& ts, int signum) {
  for (const FatalSignal& h : g_fatal_signals)
    if (h.signum == signum)
      return raise_fmt(ts, RuntimeError_type, "signal {} cannot be registered, use enable() instead", signum), false;
  if (signum < 1 || signum >= kSignalCount) return raise(ts, ValueError_type, "signal number out of range"), false;
  return true;
}

// register(signum, file=sys.stderr, all_threads=True, chain=False)
FH_FN(fh_register) {
  (void)self;
  Value a[4];
  if (!parse_args(ts, "register", args, kwnames, {"signum", "file", "all_threads", "chain"}, 1, 0, a))
    return Value();
  int signum;
  if (!c_int_argument(ts, a[0], &signum) || !check_user_signal(ts, signum)) return Value();
  int fd;
  Value keep;
  bool all_threads, chain;
  if (!file_descriptor(ts, a[1], &fd, &keep) || !bool_argument(ts, a[2], true, &all_threads) ||
      !bool_argument(ts, a[3], false, &chain))
    return Value();
  UserSignal& user = g_user_signals[signum];
  if (!user.enabled) {
    struct sigaction previous {};
    if (!install_user_handler(signum, chain, &previous)) return raise_os_error(ts, errno);
    user.previous = previous;
  }
  g_user_files[signum] = keep;
  user.fd = fd;
  user.all_threads = all_threads;
  user.chain = chain;
  user.enabled = 1;
  return None();
}

// unregister(signum) -> whether a handler was registered
FH_FN(fh_unregister) {
  (void)self;
  if (!check_positional_args(ts, "unregister", args, kwnames, 1, 1)) return Value();
  int signum;
  if (!c_int_argument(ts, args[0], &signum) || !check_user_signal(ts, signum)) return Value();
  UserSignal& user = g_user_signals[signum];
  if (!user.enabled) return Bool(false);
  user.enabled = 0;
  sigaction(signum, &user.previous, nullptr);
  g_user_files[signum] = Value();
  return Bool(true);
}

// ---- the crash helpers (test_faulthandler's) ----------------------------------------------------------------------

volatile uintptr_t g_null_address = 0;  // read through at run time, so the compiler cannot see it is null

// (Not instrumented: a sanitizer build would report the null read itself instead of letting it fault.)
[[gnu::no_sanitize_undefined, gnu::no_sanitize_address]] FH_FN(fh_read_null) {
  (void)self;
  if (!native::no_args(ts, "faulthandler._read_null", args, kwnames)) return Value();
  int value = *reinterpret_cast<volatile int*>(g_null_address);
  return make_int(ts, value);
}

FH_FN(fh_sigsegv) {
  (void)self;
  Value a[1];
  if (!parse_args(ts, "_sigsegv", args, kwnames, {"release_gil"}, 0, 0, a)) return Value();
  int release_gil = 0;  // accepted for CPython's signature: minipy has no GIL to release
  if (a[0] && !c_int_argument(ts, a[0], &release_gil)) return Value();
  ::raise(SIGSEGV);
  return None();
}

FH_FN(fh_sigabrt) {
  (void)self;
  if (!native::no_args(ts, "faulthandler._sigabrt", args, kwnames)) return Value();
  std::abort();
}

FH_FN(fh_sigfpe) {
  (void)self;
  if (!native::no_args(ts, "faulthandler._sigfpe", args, kwnames)) return Value();
  ::raise(SIGFPE);
  return None();
}

// Recurses with a 4 KiB frame each time until the stack pointer leaves [low, high]; the use of the result after
// the call keeps the compiler from turning it into a loop.
[[gnu::noinline]] uintptr_t grow_stack(uintptr_t low, uintptr_t high, size_t* depth) {
  volatile unsigned char frame[4096];
  auto sp = reinterpret_cast<uintptr_t>(&frame[0]);
  ++*depth;
  if (sp < low || sp > high) return sp;
  frame[0] = 1;
  frame[sizeof frame - 1] = 0;
  uintptr_t reached = grow_stack(low, high, depth);
  frame[1] = static_cast<unsigned char>(reached);
  return reached;
}

FH_FN(fh_stack_overflow) {
  (void)self;
  if (!native::no_args(ts, "faulthandler._stack_overflow", args, kwnames)) return Value();
  constexpr uintptr_t kLimit = 100 * 1024 * 1024;  // give up (RuntimeError) if 100 MiB of stack did not overflow
  size_t depth = 0;
  auto sp = reinterpret_cast<uintptr_t>(&depth);
  uintptr_t low = sp > kLimit ? sp - kLimit : 0;
  uintptr_t high = UINTPTR_MAX - kLimit >= sp ? sp + kLimit : UINTPTR_MAX;
  uintptr_t stop = grow_stack(low, high, &depth);
  uintptr_t size = sp < stop ? stop - sp : sp - stop;
  return raise_fmt(ts, RuntimeError_type,
                   "unable to raise a stack overflow (allocated {} bytes on a stack of {} bytes)", size, depth);
}

// Py_FatalError called from a native thread that is not the interpreter's: the report, then abort() with the
// fatal handlers off so the report is not printed twice.
void* fatal_error_thread(void*) {
  constexpr int fd = 2;
  put(fd, "Fatal Python error: faulthandler_fatal_error_thread: in new thread\n");
  put(fd, "Python runtime state: initialized\n\n");
  dump_all_threads(fd);
  dump_extension_modules(fd);
  disable_fatal_handlers();
  std::abort();
}

FH_FN(fh_fatal_error_c_thread) {
  (void)self;
  if (!native::no_args(ts, "faulthandler._fatal_error_c_thread", args, kwnames)) return Value();
  pthread_t thread;
  if (pthread_create(&thread, nullptr, fatal_error_thread, nullptr) != 0)
    return raise(ts, RuntimeError_type, "unable to start the thread");
  pthread_join(thread, nullptr);  // never returns: the thread aborts the process
  return None();
}

const MethodDef kFaulthandlerFunctions[] = {
    {"enable", fh_enable, 0, "enable(file=sys.stderr, all_threads=True): enable the fault handler"},
    {"disable", fh_disable, 0, "disable(): disable the fault handler"},
    {"is_enabled", fh_is_enabled, 0, "is_enabled()->bool: check if the handler is enabled"},
    {"dump_traceback", fh_dump_traceback, 0,
     "dump_traceback(file=sys.stderr, all_threads=True): dump the traceback of the current thread, or of all "
     "threads if all_threads is True, into file"},
    {"dump_traceback_later", fh_dump_traceback_later, 0,
     "dump_traceback_later(timeout, repeat=False, file=sys.stderrn, exit=False):\ndump the traceback of all "
     "threads in timeout seconds,\nor each timeout seconds if repeat is True. If exit is True, call _exit(1) which "
     "is not safe."},
    {"cancel_dump_traceback_later", fh_cancel_dump_traceback_later, 0,
     "cancel_dump_traceback_later():\ncancel the previous call to dump_traceback_later()."},
    {"register", fh_register, 0,
     "register(signum, file=sys.stderr, all_threads=True, chain=False): register a handler for the signal "
     "'signum': dump the traceback of the current thread, or of all threads if all_threads is True, into file"},
    {"unregister", fh_unregister, 0,
     "unregister(signum): unregister the handler of the signal 'signum' registered by register()"},
    {"_read_null", fh_read_null, 0,
     "_read_null(): read from NULL, raise a SIGSEGV or SIGBUS signal depending on the platform"},
    {"_sigsegv", fh_sigsegv, 0, "_sigsegv(release_gil=False): raise a SIGSEGV signal"},
    {"_fatal_error_c_thread", fh_fatal_error_c_thread, 0,
     "fatal_error_c_thread(): call Py_FatalError() in a new C thread."},
    {"_sigabrt", fh_sigabrt, 0, "_sigabrt(): raise a SIGABRT signal"},
    {"_sigfpe", fh_sigfpe, 0, "_sigfpe(): raise a SIGFPE signal"},
    {"_stack_overflow", fh_stack_overflow, 0, "_stack_overflow(): recursive call to raise a stack overflow"},
};

}  // namespace

void trace_faulthandler_roots(Tracer& tracer) {
  tracer.visit(g_fatal_file);
  tracer.visit(g_later_file);
  for (Value& file : g_user_files) tracer.visit(file);
}

bool enable_faulthandler_at_startup(ThreadState& ts) {
  Value module = find_and_load(ts, "faulthandler");
  if (!module) return false;
  Value enable = get_attr(ts, module, intern(ts, "enable"));
  return enable && call(ts, enable, {});
}

ModuleObject* create_faulthandler_module(ThreadState& ts) {
  // The module is imported on the interpreter thread: the one whose frames every dump shows.
  g_thread_state = &ts;
  g_interpreter_thread = pthread_self();
  ModuleObject* m = make_module(ts, "faulthandler");
  dict_set_str_new(ts, m->dict, intern(ts, "__doc__"), Value(make_str(ts, "faulthandler module.")));
  for (const MethodDef& def : kFaulthandlerFunctions)
    dict_set_str_new(ts, m->dict, intern(ts, def.name), make_native_function(ts, &def, Value(m), Value(m->name)));
  return m;
}

// As CPython's _PyFaulthandler_Fini: when the current alternate stack is still the one installed above, the
// one found then goes back (whoever installed it, a sanitizer's thread teardown for one, expects to free it).
void release_faulthandler_stack() {
  if (!g_alternate_stack_ready) return;
  stack_t current{};
  if (sigaltstack(nullptr, &current) != 0 || current.ss_sp != g_our_stack.ss_sp) return;
  stack_t previous = g_previous_stack;
  if (previous.ss_sp == nullptr) previous.ss_flags = SS_DISABLE;
  if (sigaltstack(&previous, nullptr) == 0) g_alternate_stack_ready = false;
}

}  // namespace minipy
