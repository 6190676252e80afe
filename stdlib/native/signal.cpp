// The native `_signal` module (CPython's Modules/signalmodule.c): Python-level signal handlers. The C handler
// only records the signal and sets the interpreter's eval breaker; the handler itself runs at the next
// instruction boundary (RESUME / JUMP_BACKWARD), so a KeyboardInterrupt from SIGINT unwinds through `finally`
// and `except` blocks like any exception. time.sleep() is woken by signals and runs them too.
// set_wakeup_fd: the C handler also writes the signal's number as one byte to that descriptor (asyncio's
// add_signal_handler wakes its selector so). Interval timers (setitimer/getitimer, ItimerError), the thread's
// signal mask (pthread_sigmask, sigpending, sigwait, sigwaitinfo, sigtimedwait with struct_siginfo) and
// pthread_kill act on minipy's one interpreter thread. Left out: handlers for other threads (minipy has one).
#include <fcntl.h>
#include <pthread.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

#include <cmath>

#include <cerrno>
#include <csignal>
#include <cstring>

#include "stdlib/native/native_support.h"
#include "stdlib/native/signal.h"
#include "stdlib/native/struct_sequence.h"
#include "stdlib/native/thread.h"
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

// The C handler does only async-signal-safe work: set flags, write one byte, and raise the eval breaker; the Python
// handler runs later from the interpreter loop (run_signal_handlers), where any code may run.
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
  if (!check_positional_args(ts, "signal", args, kwnames, 2, 2)) return Value();
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
  // The kernel refuses these two; CPython reports the sigaction failure as OSError(EINVAL), and so does this, before
  // touching the handler table.
  if (sig == SIGKILL || sig == SIGSTOP) return raise_os_error(ts, EINVAL);
  struct sigaction sa {};
  // No SA_RESTART: as with CPython's PyOS_setsig, a signal interrupts blocking system calls, which then retry after
  // running the Python handler (PEP 475) or fail with its exception. This also resets a previous siginterrupt().
  sa.sa_handler = disposition == 0 ? SIG_DFL : disposition == 1 ? SIG_IGN : on_signal;
  sigemptyset(&sa.sa_mask);
  if (sigaction(sig, &sa, nullptr) != 0) return raise_os_error(ts, errno);
  Value old = handlers[sig] ? handlers[sig] : None();
  handlers[sig] = handler;
  return old;
}

SIG_FN(sig_getsignal) {
  (void)self;
  if (!check_positional_args(ts, "getsignal", args, kwnames, 1, 1)) return Value();
  int sig;
  if (!signal_number(ts, args[0], &sig)) return Value();
  return handlers[sig] ? handlers[sig] : None();
}

SIG_FN(sig_alarm) {
  (void)self;
  if (!check_positional_args(ts, "alarm", args, kwnames, 1, 1)) return Value();
  int64_t seconds;
  if (!index_to_int64(ts, args[0], &seconds)) return Value();
  return make_int(ts, alarm(static_cast<unsigned>(seconds)));
}

SIG_FN(sig_raise_signal) {
  (void)self;
  if (!check_positional_args(ts, "raise_signal", args, kwnames, 1, 1))
    return Value();
  int sig;
  if (!signal_number(ts, args[0], &sig)) return Value();
  if (::raise(sig) != 0) return raise_os_error(ts, errno);
  // raise_signal() delivers synchronously, so the handler runs before raise_signal returns, as in CPython; an exception
  // from the handler propagates from this call.
  if (!run_signal_handlers(ts)) return Value();
  return None();
}

SIG_FN(sig_strsignal) {
  (void)self;
  if (!check_positional_args(ts, "strsignal", args, kwnames, 1, 1)) return Value();
  int sig;
  if (!signal_number(ts, args[0], &sig)) return Value();
  const char* text = strsignal(sig);
  // CPython 3.11 returns None only for glibc's "Unknown signal" texts; real-time signals keep their
  // "Real-time signal N".
  if (!text || std::strncmp(text, "Unknown signal", 14) == 0)
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
    // A blocking descriptor could stall the C handler inside write() when the pipe is full, freezing the process.
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

// ---- interval timers ---------------------------------------------------------------------------------------
Value itimer_error_class;   // signal.itimer_error (an OSError); a registered root
Value siginfo_type;         // signal.struct_siginfo; a registered root

// A (delay, interval) tuple of floats, as CPython's itimer_retval.
Value itimer_tuple(ThreadState& ts, const struct itimerval& v) {
  Value items[2] = {make_float(ts, static_cast<double>(v.it_value.tv_sec) + v.it_value.tv_usec / 1e6),
                    make_float(ts, static_cast<double>(v.it_interval.tv_sec) + v.it_interval.tv_usec / 1e6)};
  return Value(make_tuple(ts, items));
}

// Seconds as a timeval, rounding microseconds up as CPython's _PyTime_AsTimeval(..., _PyTime_ROUND_CEILING) so a
// tiny positive delay still arms the timer.
[[nodiscard]] bool seconds_to_timeval(ThreadState& ts, Value v, struct timeval* out) {
  double seconds;
  if (!native::seconds_object(ts, v, 1.0, &seconds)) return false;
  double whole = std::floor(seconds);
  double micros = std::ceil((seconds - whole) * 1e6);
  if (micros >= 1e6) whole += 1, micros -= 1e6;
  if (whole > 9.2e18 || whole < -9.2e18) return raise(ts, OverflowError_type, "timestamp out of range for platform time_t"), false;
  out->tv_sec = static_cast<time_t>(whole);
  out->tv_usec = static_cast<suseconds_t>(micros);
  return true;
}

Value raise_itimer_error(ThreadState& ts, int err) {
  Value args[2] = {Value::small_int(err), Value(make_str(ts, std::strerror(err)))};
  Value exc = call(ts, itimer_error_class, args);
  return exc ? raise_value(ts, exc) : Value();
}

// setitimer(which, seconds, interval=0.0) -> the old (delay, interval).
SIG_FN(sig_setitimer) {
  (void)self;
  Value a[3];
  if (!native::parse_args(ts, "setitimer", args, kwnames, {"which", "seconds", "interval"}, 2, 3, a)) return Value();
  int64_t which;
  if (!index_to_int64(ts, a[0], &which)) return Value();
  struct itimerval timer {}, old {};
  if (!seconds_to_timeval(ts, a[1], &timer.it_value)) return Value();
  if (a[2] && !seconds_to_timeval(ts, a[2], &timer.it_interval)) return Value();
  if (which < INT32_MIN || which > INT32_MAX ||
      setitimer(static_cast<__itimer_which_t>(which), &timer, &old) != 0)
    return raise_itimer_error(ts, which < INT32_MIN || which > INT32_MAX ? EINVAL : errno);
  return itimer_tuple(ts, old);
}

// getitimer(which) -> the current (delay, interval).
SIG_FN(sig_getitimer) {
  (void)self;
  if (!check_positional_args(ts, "getitimer", args, kwnames, 1, 1)) return Value();
  int64_t which;
  if (!index_to_int64(ts, args[0], &which)) return Value();
  struct itimerval current {};
  if (which < INT32_MIN || which > INT32_MAX || getitimer(static_cast<__itimer_which_t>(which), &current) != 0)
    return raise_itimer_error(ts, which < INT32_MIN || which > INT32_MAX ? EINVAL : errno);
  return itimer_tuple(ts, current);
}

// ---- the signal mask --------------------------------------------------------------------------------------
// A sigset_t from an iterable of signal numbers (CPython's _Py_Sigset_Converter and its messages).
[[nodiscard]] bool sigset_from(ThreadState& ts, Value iterable, sigset_t* out) {
  sigemptyset(out);
  Value it = get_iter(ts, iterable);
  if (!it) return false;
  for (;;) {
    Value item = iter_next(ts, it);
    if (!item) return !ts.current_exception;
    int64_t sig;
    if (!index_to_int64(ts, item, &sig)) return false;
    if (sig <= 0 || sig >= kSignals)
      return raise_fmt(ts, ValueError_type, "signal number {} out of range [1; {}]", sig, kSignals - 1), false;
    sigaddset(out, static_cast<int>(sig));
  }
}

// A set of the signal numbers in `mask` (Lib's signal.py turns them into Signals members).
Value sigset_to_set(ThreadState& ts, const sigset_t& mask) {
  Value result = make_set(ts, &set_type);
  for (int sig = 1; sig < kSignals; sig++)
    if (sigismember(&mask, sig) == 1 && !set_add(ts, result, Value::small_int(sig))) return Value();
  return result;
}

// pthread_sigmask(how, mask) -> the previous mask; handlers of signals it unblocks run at once.
SIG_FN(sig_pthread_sigmask) {
  (void)self;
  if (!check_positional_args(ts, "pthread_sigmask", args, kwnames, 2, 2)) return Value();
  int64_t how;
  if (!index_to_int64(ts, args[0], &how)) return Value();
  sigset_t mask, previous;
  if (!sigset_from(ts, args[1], &mask)) return Value();
  int err = how < INT32_MIN || how > INT32_MAX ? EINVAL : pthread_sigmask(static_cast<int>(how), &mask, &previous);
  if (err != 0) return raise_os_error(ts, err);
  if (!run_signal_handlers(ts)) return Value();
  return sigset_to_set(ts, previous);
}

SIG_FN(sig_sigpending) {
  (void)self;
  if (!check_positional_args(ts, "sigpending", args, kwnames, 0, 0)) return Value();
  sigset_t mask;
  if (sigpending(&mask) != 0) return raise_os_error(ts, errno);
  return sigset_to_set(ts, mask);
}

// sigwait(sigset) -> the number of the signal that arrived (it must be blocked first).
SIG_FN(sig_sigwait) {
  (void)self;
  if (!check_positional_args(ts, "sigwait", args, kwnames, 1, 1)) return Value();
  sigset_t mask;
  if (!sigset_from(ts, args[0], &mask)) return Value();
  int sig = 0;
  if (int err = sigwait(&mask, &sig); err != 0) return raise_os_error(ts, err);
  return Value::small_int(sig);
}

const char* const kSiginfoFields[] = {"si_signo", "si_code", "si_errno", "si_pid", "si_uid", "si_status", "si_band"};

Value siginfo_result(ThreadState& ts, const siginfo_t& info) {
  Value items[7] = {make_int(ts, info.si_signo), make_int(ts, info.si_code), make_int(ts, info.si_errno),
                    make_int(ts, info.si_pid),   make_int(ts, info.si_uid),  make_int(ts, info.si_status),
                    make_int(ts, info.si_band)};
  return make_struct_sequence(ts, siginfo_type, items);
}

// sigwaitinfo(sigset) and sigtimedwait(sigset, timeout): the arrived signal's struct_siginfo; sigtimedwait gives
// None when the timeout passes. Interrupted by another (handled) signal, they run its handler and retry, as
// CPython's do (PEP 475).
Value wait_for_siginfo(ThreadState& ts, Value set_arg, const struct timespec* timeout) {
  sigset_t mask;
  if (!sigset_from(ts, set_arg, &mask)) return Value();
  siginfo_t info {};
  for (;;) {
    int r = timeout ? sigtimedwait(&mask, &info, timeout) : sigwaitinfo(&mask, &info);
    if (r >= 0) return siginfo_result(ts, info);
    if (errno == EAGAIN && timeout) return None();
    if (errno != EINTR) return raise_os_error(ts, errno);
    if (!run_signal_handlers(ts)) return Value();
  }
}

SIG_FN(sig_sigwaitinfo) {
  (void)self;
  if (!check_positional_args(ts, "sigwaitinfo", args, kwnames, 1, 1)) return Value();
  return wait_for_siginfo(ts, args[0], nullptr);
}

SIG_FN(sig_sigtimedwait) {
  (void)self;
  if (!check_positional_args(ts, "sigtimedwait", args, kwnames, 2, 2)) return Value();
  double seconds;
  if (!native::seconds_object(ts, args[1], 1.0, &seconds)) return Value();
  if (seconds < 0) return raise(ts, ValueError_type, "timeout must be non-negative");
  struct timespec timeout {};
  timeout.tv_sec = static_cast<time_t>(seconds);
  timeout.tv_nsec = static_cast<long>((seconds - static_cast<double>(timeout.tv_sec)) * 1e9);
  return wait_for_siginfo(ts, args[0], &timeout);
}

// pthread_kill(thread_id, signalnum): minipy's only thread is the main one (threading.get_ident() is its id).
SIG_FN(sig_pthread_kill) {
  (void)self;
  if (!check_positional_args(ts, "pthread_kill", args, kwnames, 2, 2)) return Value();
  int64_t thread_id, sig;
  if (!index_to_int64(ts, args[0], &thread_id) || !index_to_int64(ts, args[1], &sig)) return Value();
  if (thread_id != kMainThreadIdent) return raise_os_error(ts, ESRCH);
  if (sig < 0 || sig >= kSignals) return raise_os_error(ts, EINVAL);
  if (int err = pthread_kill(pthread_self(), static_cast<int>(sig)); err != 0) return raise_os_error(ts, err);
  if (!run_signal_handlers(ts)) return Value();
  return None();
}

// pidfd_send_signal(pidfd, sig, siginfo=None, flags=0).
SIG_FN(sig_pidfd_send_signal) {
  (void)self;
  Value a[4];
  if (!native::parse_args(ts, "pidfd_send_signal", args, kwnames, {"pidfd", "sig", "siginfo", "flags"}, 2, 4, a))
    return Value();
  int64_t fd, sig, flags = 0;
  if (!index_to_int64(ts, a[0], &fd) || !index_to_int64(ts, a[1], &sig)) return Value();
  if (a[2] && !is_none(a[2])) return raise(ts, TypeError_type, "siginfo must be None");
  if (a[3] && !index_to_int64(ts, a[3], &flags)) return Value();
  if (syscall(SYS_pidfd_send_signal, static_cast<int>(fd), static_cast<int>(sig), nullptr,
              static_cast<unsigned>(flags)) != 0)
    return raise_os_error(ts, errno);
  return None();
}

const MethodDef kSignalFunctions[] = {
    {"valid_signals", sig_valid_signals},
    {"set_wakeup_fd", sig_set_wakeup_fd}, {"siginterrupt", sig_siginterrupt},
    {"signal", sig_signal}, {"getsignal", sig_getsignal}, {"alarm", sig_alarm},
    {"raise_signal", sig_raise_signal}, {"strsignal", sig_strsignal}, {"pause", sig_pause},
    {"setitimer", sig_setitimer}, {"getitimer", sig_getitimer}, {"pthread_sigmask", sig_pthread_sigmask},
    {"sigpending", sig_sigpending}, {"sigwait", sig_sigwait}, {"sigwaitinfo", sig_sigwaitinfo},
    {"sigtimedwait", sig_sigtimedwait}, {"pthread_kill", sig_pthread_kill},
    {"pidfd_send_signal", sig_pidfd_send_signal},
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
    {"SIGSYS", SIGSYS},       {"SIGCLD", SIGCHLD},
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
  auto set = [&](const char* name, Value v) { dict_set_str_new(ts, m->dict, intern(ts, name), v); };
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
  set("ITIMER_REAL", Value::small_int(ITIMER_REAL));
  set("ITIMER_VIRTUAL", Value::small_int(ITIMER_VIRTUAL));
  set("ITIMER_PROF", Value::small_int(ITIMER_PROF));
  if (!itimer_error_class) {
    // Made once per process, as the handlers table is (CPython: "signal.itimer_error", an OSError).
    itimer_error_class = native::new_exception_class(ts, "signal", "itimer_error", &OSError_type);
    if (!itimer_error_class) return nullptr;
    register_root(ts, &itimer_error_class);
    siginfo_type = make_struct_sequence_type(ts, "signal", "struct_siginfo", kSiginfoFields, 7);
    if (!siginfo_type) return nullptr;
    register_root(ts, &siginfo_type);
  }
  set("ItimerError", itimer_error_class);
  set("struct_siginfo", siginfo_type);
  return m;
}

}  // namespace minipy
