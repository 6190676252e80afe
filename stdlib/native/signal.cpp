// The native `_signal` module (CPython's Modules/signalmodule.c): Python-level signal handlers. The C handler
// only records the signal and sets the interpreter's eval breaker; the handler itself runs at the next
// instruction boundary (RESUME / JUMP_BACKWARD), so a KeyboardInterrupt from SIGINT unwinds through `finally`
// and `except` blocks like any exception. time.sleep() is woken by signals and runs them too.
// set_wakeup_fd: the C handler also writes the signal's number as one byte to that descriptor (asyncio's
// add_signal_handler wakes its selector so). Left out: setitimer/getitimer, pthread_sigmask/sigwait/sigpending (so Lib's
// signal.py defines no wrappers for them), and handlers for other threads (minipy has one).
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

#include "stdlib/native/signal.h"
#include "vm/runtime.h"

namespace minipy {

namespace {

constexpr int kSignals = 65;  // NSIG on Linux
volatile sig_atomic_t pending_any = 0;
volatile sig_atomic_t pending[kSignals];
ThreadState* signal_thread = nullptr;
Value handlers[kSignals];  // Python handlers (SIG_DFL/SIG_IGN as ints); traced by trace_signal_roots
Value default_int_handler_function;
bool exit_by_sigint = false;
volatile sig_atomic_t wakeup_fd = -1;  // set_wakeup_fd(); -1: none

void on_signal(int sig) {
  if (sig <= 0 || sig >= kSignals) return;
  pending[sig] = 1;
  pending_any = 1;
  if (wakeup_fd >= 0) {
    int saved_errno = errno;  // a handler must leave errno as the interrupted code had it
    unsigned char byte = static_cast<unsigned char>(sig);
    [[maybe_unused]] ssize_t ignored = write(wakeup_fd, &byte, 1);  // a full buffer just drops the byte
    errno = saved_errno;
  }
  if (signal_thread) *static_cast<volatile bool*>(&signal_thread->eval_breaker) = true;
}

#define SIG_FN(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

bool signal_number(ThreadState& ts, Value v, int* out) {
  int64_t n;
  if (!index_to_int64(ts, v, &n)) return false;
  if (n < 1 || n >= kSignals) return raise(ts, ValueError_type, "signal number out of range"), false;
  *out = static_cast<int>(n);
  return true;
}

SIG_FN(sig_default_int_handler) {
  (void)self, (void)args, (void)kwnames;
  return raise_value(ts, new_exception(ts, &KeyboardInterrupt_type, {}));
}

// signal(signalnum, handler): installs `handler` (a callable, SIG_IGN or SIG_DFL); returns the previous one.
SIG_FN(sig_signal) {
  (void)self;
  if (!no_keywords(ts, "signal", kwnames) || !check_arg_count(ts, "signal", args.size(), 2, 2)) return Value();
  int sig;
  if (!signal_number(ts, args[0], &sig)) return Value();
  Value handler = args[1];
  int64_t disposition = -1;
  if (is_int(handler)) {
    if (!int_to_int64(handler, &disposition) || (disposition != 0 && disposition != 1))
      return raise(ts, TypeError_type, "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
  } else if (!type_of(handler)->call) {
    return raise(ts, TypeError_type, "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
  }
  if (sig == SIGKILL || sig == SIGSTOP) return raise_os_error(ts, EINVAL);
  struct sigaction sa {};
  sa.sa_handler = disposition == 0 ? SIG_DFL : disposition == 1 ? SIG_IGN : on_signal;
  sigemptyset(&sa.sa_mask);
  if (sigaction(sig, &sa, nullptr) != 0) return raise_os_error(ts, errno);
  Value old = handlers[sig] ? handlers[sig] : None();
  handlers[sig] = handler;
  return old;
}

SIG_FN(sig_getsignal) {
  (void)self;
  if (!no_keywords(ts, "getsignal", kwnames) || !check_arg_count(ts, "getsignal", args.size(), 1, 1)) return Value();
  int sig;
  if (!signal_number(ts, args[0], &sig)) return Value();
  return handlers[sig] ? handlers[sig] : None();
}

SIG_FN(sig_alarm) {
  (void)self;
  if (!no_keywords(ts, "alarm", kwnames) || !check_arg_count(ts, "alarm", args.size(), 1, 1)) return Value();
  int64_t seconds;
  if (!index_to_int64(ts, args[0], &seconds)) return Value();
  return make_int(ts, alarm(static_cast<unsigned>(seconds)));
}

SIG_FN(sig_raise_signal) {
  (void)self;
  if (!no_keywords(ts, "raise_signal", kwnames) || !check_arg_count(ts, "raise_signal", args.size(), 1, 1))
    return Value();
  int sig;
  if (!signal_number(ts, args[0], &sig)) return Value();
  if (::raise(sig) != 0) return raise_os_error(ts, errno);
  if (!run_signal_handlers(ts)) return Value();
  return None();
}

SIG_FN(sig_strsignal) {
  (void)self;
  if (!no_keywords(ts, "strsignal", kwnames) || !check_arg_count(ts, "strsignal", args.size(), 1, 1)) return Value();
  int sig;
  if (!signal_number(ts, args[0], &sig)) return Value();
  const char* text = strsignal(sig);
  if (!text || std::strncmp(text, "Unknown signal", 14) == 0 || std::strncmp(text, "Real-time signal", 16) == 0)
    return None();
  return Value(make_str(ts, text));
}

SIG_FN(sig_pause) {
  (void)self, (void)args, (void)kwnames;
  pause();
  if (!run_signal_handlers(ts)) return Value();
  return None();
}

// set_wakeup_fd(fd, /, *, warn_on_full_buffer=True) -> the previous descriptor (-1: none). The descriptor
// must be non-blocking, so that the C handler never blocks in write().
SIG_FN(sig_set_wakeup_fd) {
  (void)self;
  Value fd_value = args.empty() ? Value() : args[0];
  size_t positional = positional_count(args, kwnames);
  if (kwnames)
    for (int64_t i = 0; i < kwnames->size; i++)
      if (as_str(kwnames->items[i])->view() != "warn_on_full_buffer")
        return raise_fmt(ts, TypeError_type, "'{}' is an invalid keyword argument for set_wakeup_fd()",
                         as_str(kwnames->items[i])->view());
  if (!check_arg_count(ts, "set_wakeup_fd", positional, 1, 1)) return Value();
  int64_t fd;
  if (!index_to_int64(ts, fd_value, &fd)) return Value();
  if (fd != -1) {
    int flags = fcntl(static_cast<int>(fd), F_GETFL);
    if (flags < 0) return raise_os_error(ts, errno);
    if (!(flags & O_NONBLOCK)) return raise_fmt(ts, ValueError_type, "the fd {} must be in non-blocking mode", fd);
  }
  int64_t old = wakeup_fd;
  wakeup_fd = static_cast<int>(fd);
  return make_int(ts, old);
}

// siginterrupt(signalnum, flag): whether the signal interrupts system calls (true) or they restart.
SIG_FN(sig_siginterrupt) {
  (void)self;
  if (!no_keywords(ts, "siginterrupt", kwnames) || !check_arg_count(ts, "siginterrupt", args.size(), 2, 2))
    return Value();
  int sig;
  if (!signal_number(ts, args[0], &sig)) return Value();
  int interrupt = py_truth(ts, args[1]);
  if (interrupt < 0) return Value();
  struct sigaction sa {};
  if (sigaction(sig, nullptr, &sa) != 0) return raise_os_error(ts, errno);
  if (interrupt) sa.sa_flags &= ~SA_RESTART;
  else sa.sa_flags |= SA_RESTART;
  if (sigaction(sig, &sa, nullptr) != 0) return raise_os_error(ts, errno);
  return None();
}

// valid_signals() -> the set of signal numbers this platform knows (glibc keeps two real-time ones for itself).
SIG_FN(sig_valid_signals) {
  (void)self;
  if (!no_keywords(ts, "valid_signals", kwnames) || !check_arg_count(ts, "valid_signals", args.size(), 0, 0))
    return Value();
  sigset_t all;
  sigfillset(&all);
  Value result = make_set(ts, &set_type);
  for (int sig = 1; sig < kSignals; sig++)
    if (sigismember(&all, sig) == 1 && !set_add(ts, result, Value::small_int(sig))) return Value();
  return result;
}

const MethodDef kSignalFunctions[] = {
    {"valid_signals", sig_valid_signals},
    {"set_wakeup_fd", sig_set_wakeup_fd}, {"siginterrupt", sig_siginterrupt},
    {"signal", sig_signal}, {"getsignal", sig_getsignal}, {"alarm", sig_alarm},
    {"raise_signal", sig_raise_signal}, {"strsignal", sig_strsignal}, {"pause", sig_pause},
};
const MethodDef kDefaultIntHandler{"default_int_handler", sig_default_int_handler};

struct SignalName {
  const char* name;
  int number;
};
const SignalName kSignalNames[] = {
    {"SIGHUP", SIGHUP},       {"SIGINT", SIGINT},       {"SIGQUIT", SIGQUIT},   {"SIGILL", SIGILL},
    {"SIGTRAP", SIGTRAP},     {"SIGABRT", SIGABRT},     {"SIGIOT", SIGIOT},     {"SIGBUS", SIGBUS},
    {"SIGFPE", SIGFPE},       {"SIGKILL", SIGKILL},     {"SIGUSR1", SIGUSR1},   {"SIGSEGV", SIGSEGV},
    {"SIGUSR2", SIGUSR2},     {"SIGPIPE", SIGPIPE},     {"SIGALRM", SIGALRM},   {"SIGTERM", SIGTERM},
    {"SIGSTKFLT", SIGSTKFLT}, {"SIGCHLD", SIGCHLD},     {"SIGCONT", SIGCONT},   {"SIGSTOP", SIGSTOP},
    {"SIGTSTP", SIGTSTP},     {"SIGTTIN", SIGTTIN},     {"SIGTTOU", SIGTTOU},   {"SIGURG", SIGURG},
    {"SIGXCPU", SIGXCPU},     {"SIGXFSZ", SIGXFSZ},     {"SIGVTALRM", SIGVTALRM}, {"SIGPROF", SIGPROF},
    {"SIGWINCH", SIGWINCH},   {"SIGIO", SIGIO},         {"SIGPOLL", SIGPOLL},   {"SIGPWR", SIGPWR},
    {"SIGSYS", SIGSYS},
};

}  // namespace

bool run_signal_handlers(ThreadState& ts) {
  if (!pending_any) return true;
  pending_any = 0;
  for (int sig = 1; sig < kSignals; sig++) {
    if (!pending[sig]) continue;
    pending[sig] = 0;
    Value handler = handlers[sig];
    if (!handler || is_int(handler) || is_none(handler)) continue;
    Value a[2] = {Value::small_int(sig), None()};
    if (!call(ts, handler, a)) {
      for (int other = sig + 1; other < kSignals; other++)
        if (pending[other]) pending_any = 1;  // the others run at the next boundary
      return false;
    }
  }
  return true;
}

void trace_signal_roots(Tracer& tracer) {
  for (Value& v : handlers) tracer.visit(v);
  tracer.visit(default_int_handler_function);
}

// At start-up (each interpreter): SIGINT raises KeyboardInterrupt unless it was inherited as ignored.
void init_signals(ThreadState& ts) {
  signal_thread = &ts;
  wakeup_fd = -1;
  for (Value& v : handlers) v = Value();
  default_int_handler_function = make_native_function(ts, &kDefaultIntHandler, Value(), Value(intern(ts, "_signal")));
  for (int sig = 1; sig < kSignals; sig++) {
    struct sigaction current {};
    if (sigaction(sig, nullptr, &current) != 0) continue;
    handlers[sig] = Value::small_int(current.sa_handler == SIG_IGN ? 1 : 0);
  }
  struct sigaction current {};
  if (sigaction(SIGINT, nullptr, &current) == 0 && current.sa_handler != SIG_IGN) {
    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, nullptr);
    handlers[SIGINT] = default_int_handler_function;
  }
}

// An uncaught KeyboardInterrupt ends the process as CPython's does: by SIGINT with the default disposition.
void note_uncaught_keyboard_interrupt() { exit_by_sigint = true; }
void exit_like_sigint_if_needed() {
  if (!exit_by_sigint) return;
  signal(SIGINT, SIG_DFL);
  kill(getpid(), SIGINT);
}

ModuleObject* create_signal_module(ThreadState& ts) {
  ModuleObject* m = make_module(ts, "_signal");
  auto set = [&](const char* name, Value v) { dict_set_str(ts, m->dict, intern(ts, name), v); };
  for (const MethodDef& def : kSignalFunctions) set(def.name, make_native_function(ts, &def, Value(m), Value(m->name)));
  set("default_int_handler", default_int_handler_function);
  set("SIG_DFL", Value::small_int(0));
  set("SIG_IGN", Value::small_int(1));
  set("NSIG", Value::small_int(kSignals));
  for (const SignalName& s : kSignalNames) set(s.name, Value::small_int(s.number));
  set("SIGRTMIN", make_int(ts, SIGRTMIN));
  set("SIGRTMAX", make_int(ts, SIGRTMAX));
  set("SIG_BLOCK", Value::small_int(SIG_BLOCK));
  set("SIG_UNBLOCK", Value::small_int(SIG_UNBLOCK));
  set("SIG_SETMASK", Value::small_int(SIG_SETMASK));
  return m;
}

}  // namespace minipy
