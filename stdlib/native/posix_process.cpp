// The process half of the native `posix` module: what `subprocess` and `asyncio` use around
// _posixsubprocess.fork_exec — waiting for children and decoding their status (waitpid, wait, the W* macros),
// descriptors that cross exec (pipe, pipe2, openpty, dup, dup2, get/set_inheritable, get/set_blocking), sessions and
// process groups, execv/execve, pidfd_open, and fork with the register_at_fork hooks (Lib's random.py reseeds
// the child through one). Left out: posix_spawn, wait3/wait4/waitid, forkpty.
#include <fcntl.h>
#include <pty.h>
#include <sys/syscall.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <climits>
#include <ctime>
#include <string>
#include <vector>

#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"
#include "stdlib/native/posix.h"
#include "stdlib/native/signal.h"
#include "stdlib/native/struct_sequence.h"

namespace minipy {

namespace {

using native::parse_args;

// Parses the positional-only int parameters `names` of `fname` (the first `required` must be given; the others
// keep the defaults already in `out`).
[[nodiscard]] bool int_params(ThreadState& ts, const char* fname, std::span<const Value> args, TupleObject* kwnames,
                              std::initializer_list<const char*> names, size_t required, int64_t* out) {
  Value given[4];
  if (!parse_args(ts, fname, args, kwnames, names, required, names.size(), given)) return false;
  for (size_t i = 0; i < names.size(); i++)
    if (given[i] && !exact_int_arg(ts, given[i], &out[i])) return false;
  return true;
}

#define PROC_FN(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

// register_at_fork's callables: three lists (before, after_in_child, after_in_parent), made on first use and
// kept alive as a collector root.
Value fork_hooks;

ListObject* hook_list(int which) {
  return static_cast<ListObject*>(static_cast<TupleObject*>(fork_hooks.as_object())->items[which].as_object());
}

// Calls the hooks of list `which`, newest first for "before" (as CPython does) and oldest first after. A hook's
// exception is reported as unraisable and the others still run.
void run_fork_hooks(ThreadState& ts, int which) {
  if (!fork_hooks) return;
  ListObject* hooks = hook_list(which);
  Value snapshot = Value(make_tuple(ts, std::span<const Value>(hooks->items, static_cast<size_t>(hooks->size))));
  auto* items = static_cast<TupleObject*>(snapshot.as_object());
  for (int64_t i = 0; i < items->size; i++) {
    Value hook = items->items[which == 0 ? items->size - 1 - i : i];
    if (!call(ts, hook, {})) write_unraisable(ts, hook);
  }
}

// register_at_fork(*, before=None, after_in_child=None, after_in_parent=None)
PROC_FN(px_register_at_fork) {
  (void)self;
  Value given[3];
  if (!parse_args(ts, "register_at_fork", args, kwnames, {"before", "after_in_child", "after_in_parent"}, 0, 0,
                  given, 0))
    return Value();
  static const char* const kNames[] = {"before", "after_in_child", "after_in_parent"};
  bool any = false;
  for (int i = 0; i < 3; i++) {
    if (!given[i]) continue;
    if (!type_of(given[i])->call)
      return raise_fmt(ts, TypeError_type, "'{}' must be callable, not {}", kNames[i], type_name(given[i]));
    any = true;
  }
  if (!any) return raise(ts, TypeError_type, "At least one argument is required.");
  if (!fork_hooks) {
    Value lists[3] = {Value(make_list(ts, 0)), Value(make_list(ts, 0)), Value(make_list(ts, 0))};
    fork_hooks = Value(make_tuple(ts, lists));
    register_root(ts, &fork_hooks);
  }
  for (int i = 0; i < 3; i++)
    if (given[i] && !list_append(ts, hook_list(i), given[i])) return Value();
  return None();
}

// fork() -> 0 in the child, the child's pid in the parent; the registered hooks run around it.
PROC_FN(px_fork) {
  (void)self;
  if (!parse_args(ts, "fork", args, kwnames, {}, 0, 0, nullptr)) return Value();
  run_fork_hooks(ts, 0);
  // The child is this process copied: the heap, the modules and Python-level buffers (an unflushed sys.stdout
  // prints twice, as in CPython).
  pid_t pid = ::fork();
  if (pid < 0) return raise_os_error(ts, errno);
  run_fork_hooks(ts, pid == 0 ? 1 : 2);
  return make_int(ts, pid);
}

// waitpid(pid, options, /) -> (pid, status). Interrupted waits run the signal handlers and retry, as PEP 475 says.
PROC_FN(px_waitpid) {
  (void)self;
  int64_t a[2] = {0, 0};
  if (!int_params(ts, "waitpid", args, kwnames, {"pid", "options"}, 2, a)) return Value();
  int status = 0;
  pid_t got;
  while ((got = ::waitpid(static_cast<pid_t>(a[0]), &status, static_cast<int>(a[1]))) < 0) {
    if (errno != EINTR) return raise_os_error(ts, errno);
    if (!run_signal_handlers(ts)) return Value();
  }
  Value r[2] = {make_int(ts, got), make_int(ts, status)};
  return Value(make_tuple(ts, r));
}

// wait() -> (pid, status) of any child.
PROC_FN(px_wait) {
  (void)self;
  if (!parse_args(ts, "wait", args, kwnames, {}, 0, 0, nullptr)) return Value();
  int status = 0;
  pid_t got;
  while ((got = ::wait(&status)) < 0) {
    if (errno != EINTR) return raise_os_error(ts, errno);
    if (!run_signal_handlers(ts)) return Value();
  }
  Value r[2] = {make_int(ts, got), make_int(ts, status)};
  return Value(make_tuple(ts, r));
}

// The W* status macros take `status` by position or keyword, as CPython's WIFEXITED(status).
[[nodiscard]] bool status_param(ThreadState& ts, const char* fname, std::span<const Value> args, TupleObject* kwnames,
                                int* out) {
  Value given[1];
  int64_t v = 0;
  if (!parse_args(ts, fname, args, kwnames, {"status"}, 1, 0, given) || !exact_int_arg(ts, given[0], &v)) return false;
  *out = static_cast<int>(v);
  return true;
}
#define STATUS_PREDICATE(fname, expr)                            \
  PROC_FN(px_##fname) {                                           \
    (void)self;                                                   \
    int status;                                                   \
    if (!status_param(ts, #fname, args, kwnames, &status)) return Value(); \
    return expr;                                                  \
  }
STATUS_PREDICATE(WIFEXITED, Bool(WIFEXITED(status)))
STATUS_PREDICATE(WEXITSTATUS, make_int(ts, WEXITSTATUS(status)))
STATUS_PREDICATE(WIFSIGNALED, Bool(WIFSIGNALED(status)))
STATUS_PREDICATE(WTERMSIG, make_int(ts, WTERMSIG(status)))
STATUS_PREDICATE(WIFSTOPPED, Bool(WIFSTOPPED(status)))
STATUS_PREDICATE(WSTOPSIG, make_int(ts, WSTOPSIG(status)))
STATUS_PREDICATE(WIFCONTINUED, Bool(WIFCONTINUED(status)))
STATUS_PREDICATE(WCOREDUMP, Bool(WCOREDUMP(status)))
#undef STATUS_PREDICATE

// pipe() -> (read_fd, write_fd); both ends are non-inheritable (PEP 446).
PROC_FN(px_pipe) {
  (void)self;
  if (!parse_args(ts, "pipe", args, kwnames, {}, 0, 0, nullptr)) return Value();
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return raise_os_error(ts, errno);
  Value r[2] = {make_int(ts, fds[0]), make_int(ts, fds[1])};
  return Value(make_tuple(ts, r));
}
PROC_FN(px_pipe2) {
  (void)self;
  int64_t flags = 0;
  if (!int_params(ts, "pipe2", args, kwnames, {"flags"}, 1, &flags)) return Value();
  int fds[2];
  if (::pipe2(fds, static_cast<int>(flags)) != 0) return raise_os_error(ts, errno);
  Value r[2] = {make_int(ts, fds[0]), make_int(ts, fds[1])};
  return Value(make_tuple(ts, r));
}
// openpty(): (master, slave) of a new pseudo-terminal, both non-inheritable as CPython makes them.
PROC_FN(px_openpty) {
  (void)self;
  if (!parse_args(ts, "openpty", args, kwnames, {}, 0, 0, nullptr)) return Value();
  int master, slave;
  if (::openpty(&master, &slave, nullptr, nullptr, nullptr) != 0) return raise_os_error(ts, errno);
  for (int fd : {master, slave}) ::fcntl(fd, F_SETFD, ::fcntl(fd, F_GETFD) | FD_CLOEXEC);
  Value r[2] = {make_int(ts, master), make_int(ts, slave)};
  return Value(make_tuple(ts, r));
}

// dup(fd, /): the copy is non-inheritable.
PROC_FN(px_dup) {
  (void)self;
  int64_t fd = 0;
  if (!int_params(ts, "dup", args, kwnames, {"fd"}, 1, &fd)) return Value();
  int copy = ::fcntl(static_cast<int>(fd), F_DUPFD_CLOEXEC, 0);
  if (copy < 0) return raise_os_error(ts, errno);
  return make_int(ts, copy);
}

// dup2(fd, fd2, inheritable=True) -> fd2.
PROC_FN(px_dup2) {
  (void)self;
  Value given[3];
  if (!parse_args(ts, "dup2", args, kwnames, {"fd", "fd2", "inheritable"}, 2, 0, given)) return Value();
  int64_t fd, fd2;
  if (!exact_int_arg(ts, given[0], &fd) || !exact_int_arg(ts, given[1], &fd2)) return Value();
  int inheritable = 1;
  if (given[2] && (inheritable = py_truth(ts, given[2])) < 0) return Value();
  int rc = inheritable ? ::dup2(static_cast<int>(fd), static_cast<int>(fd2))
                       : ::dup3(static_cast<int>(fd), static_cast<int>(fd2), O_CLOEXEC);
  if (rc < 0) return raise_os_error(ts, errno);
  return make_int(ts, rc);
}

// get_inheritable(fd) and get_blocking(fd) (`fname`): whether `bit` of fcntl(fd, `get_command`) is clear. Both
// report a flag the kernel stores inverted: inheritable is not FD_CLOEXEC (PEP 446), blocking is not O_NONBLOCK.
Value fd_flag_clear(ThreadState& ts, const char* fname, std::span<const Value> args, TupleObject* kwnames,
                    int get_command, int bit) {
  int64_t fd = 0;
  if (!int_params(ts, fname, args, kwnames, {"fd"}, 1, &fd)) return Value();
  int flags = ::fcntl(static_cast<int>(fd), get_command);
  if (flags < 0) return raise_os_error(ts, errno);
  return Bool(!(flags & bit));
}

PROC_FN(px_get_inheritable) {
  (void)self;
  return fd_flag_clear(ts, "get_inheritable", args, kwnames, F_GETFD, FD_CLOEXEC);
}

PROC_FN(px_set_inheritable) {
  (void)self;
  int64_t a[2] = {0, 0};
  if (!int_params(ts, "set_inheritable", args, kwnames, {"fd", "inheritable"}, 2, a)) return Value();
  if (!set_fd_inheritable(static_cast<int>(a[0]), a[1] != 0)) return raise_os_error(ts, errno);
  return None();
}

PROC_FN(px_get_blocking) {
  (void)self;
  return fd_flag_clear(ts, "get_blocking", args, kwnames, F_GETFL, O_NONBLOCK);
}

PROC_FN(px_set_blocking) {
  (void)self;
  int64_t a[2] = {0, 0};
  if (!int_params(ts, "set_blocking", args, kwnames, {"fd", "blocking"}, 2, a)) return Value();
  int flags = ::fcntl(static_cast<int>(a[0]), F_GETFL);
  if (flags < 0) return raise_os_error(ts, errno);
  int wanted = a[1] ? (flags & ~O_NONBLOCK) : (flags | O_NONBLOCK);
  if (wanted != flags && ::fcntl(static_cast<int>(a[0]), F_SETFL, wanted) < 0) return raise_os_error(ts, errno);
  return None();
}

// Sessions and process groups: setsid(), getsid(pid), getpgrp(), getpgid(pid), setpgid(pid, pgrp),
// killpg(pgid, signal). Each raises the errno of its system call.
PROC_FN(px_setsid) {
  (void)self;
  if (!parse_args(ts, "setsid", args, kwnames, {}, 0, 0, nullptr)) return Value();
  if (::setsid() < 0) return raise_os_error(ts, errno);
  return None();
}
PROC_FN(px_getsid) {
  (void)self;
  int64_t pid = 0;
  if (!int_params(ts, "getsid", args, kwnames, {"pid"}, 1, &pid)) return Value();
  pid_t sid = ::getsid(static_cast<pid_t>(pid));
  if (sid < 0) return raise_os_error(ts, errno);
  return make_int(ts, sid);
}
PROC_FN(px_getpgrp) {
  (void)self;
  if (!parse_args(ts, "getpgrp", args, kwnames, {}, 0, 0, nullptr)) return Value();
  return make_int(ts, ::getpgrp());
}
PROC_FN(px_getpgid) {
  (void)self;
  int64_t pid = 0;
  if (!int_params(ts, "getpgid", args, kwnames, {"pid"}, 1, &pid)) return Value();
  pid_t group = ::getpgid(static_cast<pid_t>(pid));
  if (group < 0) return raise_os_error(ts, errno);
  return make_int(ts, group);
}
PROC_FN(px_setpgid) {
  (void)self;
  int64_t a[2] = {0, 0};
  if (!int_params(ts, "setpgid", args, kwnames, {"pid", "pgrp"}, 2, a)) return Value();
  if (::setpgid(static_cast<pid_t>(a[0]), static_cast<pid_t>(a[1])) < 0) return raise_os_error(ts, errno);
  return None();
}
PROC_FN(px_killpg) {
  (void)self;
  int64_t a[2] = {0, 0};
  if (!int_params(ts, "killpg", args, kwnames, {"pgid", "signal"}, 2, a)) return Value();
  if (::killpg(static_cast<pid_t>(a[0]), static_cast<int>(a[1])) < 0) return raise_os_error(ts, errno);
  return None();
}

// pidfd_open(pid, flags=0): a descriptor that becomes readable when the process ends (asyncio's
// PidfdChildWatcher waits on it).
PROC_FN(px_pidfd_open) {
  (void)self;
  Value given[2];
  if (!parse_args(ts, "pidfd_open", args, kwnames, {"pid", "flags"}, 1, 0, given)) return Value();
  int64_t pid = 0, flags = 0;
  if (!exact_int_arg(ts, given[0], &pid) || (given[1] && !exact_int_arg(ts, given[1], &flags))) return Value();
  long fd = ::syscall(SYS_pidfd_open, static_cast<pid_t>(pid), static_cast<unsigned>(flags));
  if (fd < 0) return raise_os_error(ts, errno);
  return make_int(ts, fd);
}

// The bytes of each item of `sequence` (str, bytes or os.PathLike, as os.fsencode takes them) for exec's argv
// or envp. `fname` and `what` name the argument in errors.
[[nodiscard]] bool fs_strings(ThreadState& ts, const char* fname, const char* what, Value sequence,
                              std::vector<std::string>* out) {
  if (!is_list(sequence) && !is_tuple(sequence))
    return raise_fmt(ts, TypeError_type, "{}: {} must be a tuple or list", fname, what), false;
  std::span<Value> items;
  Value storage;
  if (!sequence_items(ts, sequence, &items, &storage)) return false;
  for (Value item : items) {
    Path p;
    if (!path_arg(ts, fname, what, item, &p)) return false;
    out->push_back(std::move(p.text));
  }
  return true;
}

// A null-terminated char* array over `strings` (which must outlive it).
std::vector<char*> c_array(std::vector<std::string>& strings) {
  std::vector<char*> r;
  for (std::string& s : strings) r.push_back(s.data());
  r.push_back(nullptr);
  return r;
}

// execv(path, argv, /) and execve(path, argv, env): replace the process; they only return by raising.
Value exec_common(ThreadState& ts, const char* fname, std::span<const Value> args, TupleObject* kwnames,
                  bool with_env) {
  Value given[3];
  if (with_env ? !parse_args(ts, fname, args, kwnames, {"path", "argv", "env"}, 3, 0, given)
               : !parse_args(ts, fname, args, kwnames, {"path", "argv"}, 2, 2, given))
    return Value();
  Path path;
  std::vector<std::string> argv, envp;
  if (!path_arg(ts, fname, "path", given[0], &path) || !fs_strings(ts, fname, "argv", given[1], &argv))
    return Value();
  if (argv.empty()) return raise_fmt(ts, ValueError_type, "{}: argv must not be empty", fname);
  if (argv[0].empty()) return raise_fmt(ts, ValueError_type, "{}: argv first element cannot be empty", fname);
  if (with_env) {
    Value env = given[2];
    if (!is_dict(env)) return raise(ts, TypeError_type, "execve: environment must be a mapping object");
    int64_t pos = 0;
    Value key, value;
    while (dict_next(static_cast<DictObject*>(env.as_object()), &pos, &key, &value)) {
      Path k, v;
      if (!path_arg(ts, fname, "env", key, &k) || !path_arg(ts, fname, "env", value, &v)) return Value();
      if (k.text.empty() || k.text.find('=') != std::string::npos)
        return raise(ts, ValueError_type, "illegal environment variable name");
      envp.push_back(k.text + "=" + v.text);
    }
  }
  std::vector<char*> c_argv = c_array(argv);
  if (with_env) {
    std::vector<char*> c_envp = c_array(envp);
    ::execve(path.text.c_str(), c_argv.data(), c_envp.data());
  } else {
    ::execv(path.text.c_str(), c_argv.data());
  }
  return raise_os_error(ts, errno);
}
PROC_FN(px_execv) { return (void)self, exec_common(ts, "execv", args, kwnames, false); }
PROC_FN(px_execve) { return (void)self, exec_common(ts, "execve", args, kwnames, true); }

// abort(): ends the process with SIGABRT (no cleanup, no flushing), as C's abort().
PROC_FN(px_abort) {
  (void)self;
  if (!parse_args(ts, "abort", args, kwnames, {}, 0, 0, nullptr)) return Value();
  ::abort();
}

// times() -> posix.times_result(user, system, children_user, children_system, elapsed), in seconds.
PROC_FN(px_times) {
  if (!native::no_args(ts, "posix.times", args, kwnames)) return Value();
  struct tms t {};
  clock_t elapsed = ::times(&t);
  if (elapsed == static_cast<clock_t>(-1)) return raise_os_error(ts, errno);
  double ticks = static_cast<double>(::sysconf(_SC_CLK_TCK));
  Value values[5] = {make_float(ts, static_cast<double>(t.tms_utime) / ticks),
                     make_float(ts, static_cast<double>(t.tms_stime) / ticks),
                     make_float(ts, static_cast<double>(t.tms_cutime) / ticks),
                     make_float(ts, static_cast<double>(t.tms_cstime) / ticks),
                     make_float(ts, static_cast<double>(elapsed) / ticks)};
  Value type = dict_get_str(static_cast<ModuleObject*>(self.as_object())->dict, intern(ts, "times_result"));
  if (!type) return raise(ts, RuntimeError_type, "posix.times_result is gone");
  return make_struct_sequence(ts, type, values);
}

// closerange(fd_low, fd_high): closes every descriptor in [fd_low, fd_high), errors ignored.
PROC_FN(px_closerange) {
  (void)self;
  if (!no_keywords(ts, "closerange", kwnames) || !check_arg_count(ts, "closerange", args.size(), 2, 2))
    return Value();
  int64_t low, high;
  if (!exact_int_arg(ts, args[0], &low) || !exact_int_arg(ts, args[1], &high)) return Value();
  for (int64_t fd = std::max<int64_t>(low, 0); fd < high && fd <= INT_MAX; fd++) ::close(static_cast<int>(fd));
  return None();
}

#undef PROC_FN

// The functions this file adds to posix, and the wait-related constants (WNOHANG is in posix.cpp's table).
const MethodDef kProcessFunctions[] = {
    {"waitpid", px_waitpid},       {"wait", px_wait},           {"WIFEXITED", px_WIFEXITED},
    {"WEXITSTATUS", px_WEXITSTATUS}, {"WIFSIGNALED", px_WIFSIGNALED}, {"WTERMSIG", px_WTERMSIG},
    {"WIFSTOPPED", px_WIFSTOPPED}, {"WSTOPSIG", px_WSTOPSIG},     {"WIFCONTINUED", px_WIFCONTINUED},
    {"WCOREDUMP", px_WCOREDUMP},   {"pipe", px_pipe},           {"pipe2", px_pipe2},   {"openpty", px_openpty},
    {"dup", px_dup},               {"dup2", px_dup2},           {"get_inheritable", px_get_inheritable},
    {"set_inheritable", px_set_inheritable}, {"get_blocking", px_get_blocking}, {"set_blocking", px_set_blocking},
    {"setsid", px_setsid},         {"getsid", px_getsid},       {"getpgrp", px_getpgrp},
    {"getpgid", px_getpgid},       {"setpgid", px_setpgid},     {"killpg", px_killpg},
    {"pidfd_open", px_pidfd_open}, {"execv", px_execv},         {"execve", px_execve},
    {"fork", px_fork},             {"register_at_fork", px_register_at_fork}, {"abort", px_abort},
    {"times", px_times},           {"closerange", px_closerange},
};

struct ProcessConstant {
  const char* name;
  int value;
};
const ProcessConstant kProcessConstants[] = {
    {"WUNTRACED", WUNTRACED}, {"WCONTINUED", WCONTINUED}, {"WEXITED", WEXITED},   {"WSTOPPED", WSTOPPED},
    {"WNOWAIT", WNOWAIT},     {"P_PID", P_PID},           {"P_PGID", P_PGID},     {"P_ALL", P_ALL},
};

}  // namespace

// The shared helpers declared in posix.h.
bool exact_int_arg(ThreadState& ts, Value v, int64_t* out) {
  if (is_float(v)) return raise(ts, TypeError_type, "'float' object cannot be interpreted as an integer"), false;
  return index_to_int64(ts, v, out);
}

bool as_file_descriptor(ThreadState& ts, Value v, int* out) {
  int64_t fd;
  if (is_int(v)) {
    if (!index_to_int64(ts, v, &fd)) return false;
  } else {
    Value fileno = get_attr_optional(ts, v, intern(ts, "fileno"));
    if (!fileno) {
      if (!ts.current_exception) raise(ts, TypeError_type, "argument must be an int, or have a fileno() method.");
      return false;
    }
    Value r = call(ts, fileno, {});
    if (!r) return false;
    if (!is_int(r)) return raise(ts, TypeError_type, "fileno() returned a non-integer"), false;
    if (!index_to_int64(ts, r, &fd)) return false;
  }
  if (fd < 0) return raise_fmt(ts, ValueError_type, "file descriptor cannot be a negative integer ({})", fd), false;
  if (fd > INT_MAX) return raise(ts, OverflowError_type, "fd is greater than maximum"), false;
  *out = static_cast<int>(fd);
  return true;
}

double monotonic_seconds() {
  timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return static_cast<double>(t.tv_sec) + t.tv_nsec * 1e-9;
}

bool set_fd_inheritable(int fd, bool inheritable) {
  int flags = ::fcntl(fd, F_GETFD);
  if (flags < 0) return false;
  int wanted = inheritable ? (flags & ~FD_CLOEXEC) : (flags | FD_CLOEXEC);
  return wanted == flags || ::fcntl(fd, F_SETFD, wanted) == 0;
}

void add_process_functions(ThreadState& ts, ModuleObject* m) {
  static const char* const kTimesFields[] = {"user", "system", "children_user", "children_system", "elapsed"};
  Value times_result = make_struct_sequence_type(ts, "posix", "times_result", kTimesFields, 5);
  if (times_result) add_module_value(ts, m, "times_result", times_result);
  else ts.current_exception = Value();
  for (const MethodDef& def : kProcessFunctions)
    add_module_value(ts, m, def.name, make_native_function(ts, &def, Value(m), Value(m->name)));
  for (const ProcessConstant& c : kProcessConstants) add_module_value(ts, m, c.name, make_int(ts, c.value));
}

}  // namespace minipy
