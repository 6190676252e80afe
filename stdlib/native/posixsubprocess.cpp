// The native `_posixsubprocess` module (CPython's Modules/_posixsubprocess.c): fork_exec, the one function
// Lib's subprocess.Popen starts children with on POSIX. Its 23 positional arguments are subprocess.py's call
// site in 3.11. The child reports a failure before or at exec through the error pipe in CPython's format
// ("OSError:<hex errno>:noexec" before exec, "OSError:<hex errno>:" for a failed exec, "SubprocessError:0:<message>"), which
// subprocess.py turns into FileNotFoundError & co. with the right filename.
// Left out: vfork (fork is always used), the subinterpreter check, and running fork hooks
// (os.register_at_fork does not exist in minipy).
#include <fcntl.h>
#include <grp.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstring>
#include <string>
#include <vector>

#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"
#include "stdlib/native/posix.h"

namespace minipy {

namespace {

// Everything the child needs, converted before fork so that the child allocates nothing before exec.
struct ChildPlan {
  std::vector<std::string> argv_storage, executables_storage, env_storage;
  std::vector<char*> argv, executables, envp;
  bool has_argv = false, has_env = false;
  std::string cwd;
  bool has_cwd = false;
  bool close_fds = false;
  std::vector<int> fds_to_keep;  // sorted, as subprocess.py passes them
  int p2cread = -1, p2cwrite = -1, c2pread = -1, c2pwrite = -1, errread = -1, errwrite = -1;
  int errpipe_read = -1, errpipe_write = -1;
  bool restore_signals = false, call_setsid = false;
  pid_t process_group = -1;
  gid_t gid = static_cast<gid_t>(-1);
  uid_t uid = static_cast<uid_t>(-1);
  bool has_groups = false;
  std::vector<gid_t> groups;
  int umask_value = -1;
  Value preexec_fn;  // None when absent
};

// `list` items as C strings: bytes only for the executable and environment lists (subprocess.py encodes them),
// anything os.fsencode takes for argv (`fs_paths`).
[[nodiscard]] bool string_array(ThreadState& ts, Value list, bool fs_paths, std::vector<std::string>* storage,
                                std::vector<char*>* out) {
  if (fs_paths && !is_list(list) && !is_tuple(list))
    return raise(ts, TypeError_type, "argv must be a tuple"), false;
  Value items_list = sequence_to_list(ts, list);
  if (!items_list) return false;
  auto* l = static_cast<ListObject*>(items_list.as_object());
  for (int64_t i = 0; i < l->size; i++) {
    Value item = l->items[i];
    if (fs_paths) {
      Path p;
      if (!path_arg(ts, "fork_exec", "args", item, &p)) return false;
      storage->push_back(std::move(p.text));
    } else if (item.is_object() && is_subtype(type_of(item), &bytes_type)) {
      std::string_view bytes = static_cast<BytesObject*>(item.as_object())->view();
      if (bytes.find('\0') != std::string_view::npos)
        return raise(ts, ValueError_type, "embedded null byte"), false;
      storage->emplace_back(bytes);
    } else {
      return raise_fmt(ts, TypeError_type, "expected bytes, {} found", type_name(item)), false;
    }
  }
  for (std::string& s : *storage) out->push_back(s.data());
  out->push_back(nullptr);
  return true;
}

// fork_exec's arguments, as PyArg_ParseTuple("OOpO!OOiiiiiiiiiiiOOOiOp") reads them, into `plan`.
[[nodiscard]] bool read_plan(ThreadState& ts, std::span<const Value> args, TupleObject* kwnames, ChildPlan* plan) {
  if (!no_keywords(ts, "fork_exec", kwnames)) return false;
  if (args.size() != 23)
    return raise_fmt(ts, TypeError_type, "fork_exec() takes exactly 23 arguments ({} given)", args.size()), false;
  int close_fds = py_truth(ts, args[2]);
  if (close_fds < 0) return false;
  plan->close_fds = close_fds;
  if (!is_tuple(args[3]))
    return raise_fmt(ts, TypeError_type, "fork_exec() argument 4 must be tuple, not {}", type_name(args[3])), false;
  // The ten descriptor and flag ints, then the process group.
  int* const fd_fields[] = {&plan->p2cread,  &plan->p2cwrite,     &plan->c2pread,      &plan->c2pwrite,
                            &plan->errread,  &plan->errwrite,     &plan->errpipe_read, &plan->errpipe_write};
  for (size_t i = 0; i < 8; i++) {
    int64_t v;
    if (!exact_int_arg(ts, args[6 + i], &v)) return false;
    *fd_fields[i] = static_cast<int>(v);
  }
  int64_t restore_signals, call_setsid, process_group, umask_value;
  if (!exact_int_arg(ts, args[14], &restore_signals) || !exact_int_arg(ts, args[15], &call_setsid) ||
      !exact_int_arg(ts, args[16], &process_group) || !exact_int_arg(ts, args[20], &umask_value))
    return false;
  plan->restore_signals = restore_signals != 0;
  plan->call_setsid = call_setsid != 0;
  plan->process_group = static_cast<pid_t>(process_group);
  plan->umask_value = static_cast<int>(umask_value);
  if (plan->close_fds && plan->errpipe_write < 3)
    return raise(ts, ValueError_type, "errpipe_write must be >= 3"), false;
  // fds_to_keep: non-negative ints in increasing order.
  auto* keep = static_cast<TupleObject*>(args[3].as_object());
  for (int64_t i = 0; i < keep->size; i++) {
    int64_t fd;
    if (!is_int(keep->items[i]) || !int_to_int64(keep->items[i], &fd) || fd < 0 || fd > INT_MAX ||
        (!plan->fds_to_keep.empty() && fd <= plan->fds_to_keep.back()))
      return raise(ts, ValueError_type, "bad value(s) in fds_to_keep"), false;
    plan->fds_to_keep.push_back(static_cast<int>(fd));
  }
  if (!is_none(args[0])) {
    plan->has_argv = true;
    if (!string_array(ts, args[0], true, &plan->argv_storage, &plan->argv)) return false;
  }
  if (!string_array(ts, args[1], false, &plan->executables_storage, &plan->executables)) return false;
  if (!is_none(args[4])) {
    Path cwd;
    if (!path_arg(ts, "fork_exec", "cwd", args[4], &cwd)) return false;
    plan->cwd = std::move(cwd.text);
    plan->has_cwd = true;
  }
  if (!is_none(args[5])) {
    plan->has_env = true;
    if (!string_array(ts, args[5], false, &plan->env_storage, &plan->envp)) return false;
  }
  if (!is_none(args[17])) {
    int64_t gid;
    if (!exact_int_arg(ts, args[17], &gid)) return false;
    plan->gid = static_cast<gid_t>(gid);
  }
  if (!is_none(args[18])) {
    Value groups = sequence_to_list(ts, args[18]);
    if (!groups) return false;
    auto* l = static_cast<ListObject*>(groups.as_object());
    plan->has_groups = true;
    for (int64_t i = 0; i < l->size; i++) {
      int64_t gid;
      if (!exact_int_arg(ts, l->items[i], &gid)) return false;
      plan->groups.push_back(static_cast<gid_t>(gid));
    }
  }
  if (!is_none(args[19])) {
    int64_t uid;
    if (!exact_int_arg(ts, args[19], &uid)) return false;
    plan->uid = static_cast<uid_t>(uid);
  }
  plan->preexec_fn = args[21];
  return true;
}

// write() that retries when a signal interrupts it; errors are ignored (the child can do nothing about them).
void write_all(int fd, const char* data, size_t size) {
  while (size > 0) {
    ssize_t n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    data += n;
    size -= static_cast<size_t>(n);
  }
}

// Closes every descriptor from 3 up except those in `keep` (sorted): close_range over each gap.
void close_open_fds(const std::vector<int>& keep) {
  unsigned next = 3;
  auto close_gap = [](unsigned first, unsigned last) {
    if (first > last) return;
    if (::syscall(SYS_close_range, first, last, 0) == 0) return;
    long max_fd = ::sysconf(_SC_OPEN_MAX);
    unsigned limit = max_fd > 0 && max_fd < 65536 ? static_cast<unsigned>(max_fd) - 1 : 65535;
    for (unsigned fd = first; fd <= std::min(last, limit); fd++) ::close(static_cast<int>(fd));
  };
  for (int fd : keep) {
    if (fd < 3) continue;
    if (static_cast<unsigned>(fd) > next) close_gap(next, static_cast<unsigned>(fd) - 1);
    next = static_cast<unsigned>(fd) + 1;
  }
  close_gap(next, ~0U);
}

// The child's side, from fork to exec; never returns. On a failure it writes the error report and exits 255.
[[noreturn]] void run_child(ThreadState& ts, ChildPlan& plan) {
  bool reached_preexec = false;
  const char* message = "";
  int saved_errno = 0;
  // The descriptors to keep become inheritable (the error pipe stays close-on-exec: exec closing it is how the
  // parent learns that exec succeeded).
  for (int fd : plan.fds_to_keep)
    if (fd != plan.errpipe_write && (!set_fd_inheritable(fd, true))) goto error;
  // The parent's ends of the pipes.
  for (int fd : {plan.p2cwrite, plan.c2pread, plan.errread})
    if (fd != -1 && (::close(fd) != 0)) goto error;
  if ((::close(plan.errpipe_read) != 0)) goto error;
  // A pipe end that is already 0, 1 or 2 could be overwritten by the dup2 of another: move it out of the way.
  if (plan.c2pwrite == 0) {
    if (((plan.c2pwrite = ::dup(plan.c2pwrite)) < 0) || (!set_fd_inheritable(plan.c2pwrite, false)))
      goto error;
  }
  while (plan.errwrite == 0 || plan.errwrite == 1) {
    if (((plan.errwrite = ::dup(plan.errwrite)) < 0) || (!set_fd_inheritable(plan.errwrite, false)))
      goto error;
  }
  // dup2 clears close-on-exec; a descriptor already in place needs it cleared by hand.
  {
    const int targets[3][2] = {{plan.p2cread, 0}, {plan.c2pwrite, 1}, {plan.errwrite, 2}};
    for (const auto& [fd, target] : targets) {
      if (fd == target) {
        if ((!set_fd_inheritable(fd, true))) goto error;
      } else if (fd != -1 && (::dup2(fd, target) < 0)) {
        goto error;
      }
    }
  }
  if (plan.has_cwd && (::chdir(plan.cwd.c_str()) != 0)) goto error;
  if (plan.umask_value >= 0) ::umask(static_cast<mode_t>(plan.umask_value));
  if (plan.restore_signals) {
    // CPython ignores these two in the interpreter; the child gets the default behaviour back.
    ::signal(SIGPIPE, SIG_DFL);
    ::signal(SIGXFSZ, SIG_DFL);
  }
  if (plan.call_setsid && (::setsid() < 0)) goto error;
  if (plan.process_group >= 0 && (::setpgid(0, plan.process_group) < 0)) goto error;
  if (plan.has_groups && (::setgroups(plan.groups.size(), plan.groups.data()) < 0)) goto error;
  if (plan.gid != static_cast<gid_t>(-1) && (::setregid(plan.gid, plan.gid) < 0)) goto error;
  if (plan.uid != static_cast<uid_t>(-1) && (::setreuid(plan.uid, plan.uid) < 0)) goto error;
  reached_preexec = true;
  if (!is_none(plan.preexec_fn)) {
    if (!call(ts, plan.preexec_fn, {})) {
      message = "Exception occurred in preexec_fn.";
      errno = 0;  // reported as SubprocessError, not OSError
      goto error;
    }
  }
  // After preexec_fn, which may have opened descriptors of its own.
  if (plan.close_fds) close_open_fds(plan.fds_to_keep);
  // The PATH search subprocess.py prepared: the first error that is not "no such file" is the one reported.
  for (char* const* exe = plan.executables.data(); *exe; exe++) {
    char** argv = plan.has_argv ? plan.argv.data() : nullptr;
    if (plan.has_env) ::execve(*exe, argv, plan.envp.data());
    else ::execv(*exe, argv);
    if (errno != ENOENT && errno != ENOTDIR && saved_errno == 0) saved_errno = errno;
  }
  if (saved_errno) errno = saved_errno;
error:
  saved_errno = errno;
  if (saved_errno) {
    char hex[2 * sizeof(int) + 1];
    char* end = hex + sizeof hex;
    char* cur = end;
    for (unsigned v = static_cast<unsigned>(saved_errno); v != 0 && cur != hex; v /= 16)
      *--cur = "0123456789abcdef"[v % 16];
    write_all(plan.errpipe_write, "OSError:", 8);
    write_all(plan.errpipe_write, cur, static_cast<size_t>(end - cur));
    write_all(plan.errpipe_write, ":", 1);
    // "noexec": the failure came before exec (subprocess.py then blames cwd rather than the executable).
    if (!reached_preexec) write_all(plan.errpipe_write, "noexec", 6);
  } else {
    write_all(plan.errpipe_write, "SubprocessError:0:", 18);
    write_all(plan.errpipe_write, message, std::strlen(message));
  }
  ::_exit(255);
}

// fork_exec(args, executable_list, close_fds, fds_to_keep, cwd, env_list, p2cread, p2cwrite, c2pread, c2pwrite,
//           errread, errwrite, errpipe_read, errpipe_write, restore_signals, call_setsid, pgid_to_set, gid,
//           extra_groups, uid, child_umask, preexec_fn, allow_vfork) -> pid
Value fork_exec(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  (void)self;
  ChildPlan plan;
  if (!read_plan(ts, args, kwnames, &plan)) return Value();
  pid_t pid = ::fork();
  if (pid < 0) return raise_os_error(ts, errno);
  if (pid == 0) run_child(ts, plan);
  return make_int(ts, pid);
}

const MethodDef kFunctions[] = {{"fork_exec", fork_exec}};

}  // namespace

ModuleObject* create_posixsubprocess_module(ThreadState& ts) {
  ModuleObject* m = make_module(ts, "_posixsubprocess");
  add_module_functions(ts, m, kFunctions);
  return m;
}

}  // namespace minipy
