// The native `fcntl` module (CPython's Modules/fcntlmodule.c): fcntl, ioctl, flock and lockf on descriptors
// or objects with fileno(), with an int argument or a buffer of at most 1024 bytes (returned as bytes).
// Interrupted calls run the signal handlers and retry. Left out: ioctl's in-place mutation of a writable buffer
// (the result comes back as bytes either way), and the less common F_* constants of other platforms.
#include <fcntl.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"
#include "stdlib/native/posix.h"
#include "stdlib/native/signal.h"
#include "vm/objects/buffer.h"

namespace minipy {

namespace {

// Runs `op` until it is not interrupted; -1 with an exception pending on failure.
template <class Op>
long retrying(ThreadState& ts, Op op) {
  for (;;) {
    long r = op();
    if (r != -1) return r;
    if (errno != EINTR) return raise_os_error(ts, errno), -1;
    if (!run_signal_handlers(ts)) return -1;
  }
}

// fcntl(fd, cmd, arg=0) and ioctl(fd, request, arg=0, mutate_flag=True): an int argument gives the call's int
// result; a str or bytes-like argument is copied to a 1024-byte buffer whose contents come back as bytes.
Value control(ThreadState& ts, std::span<const Value> args, TupleObject* kwnames, bool is_ioctl) {
  const char* name = is_ioctl ? "ioctl" : "fcntl";
  if (!no_keywords(ts, name, kwnames) || !check_arg_count(ts, name, args.size(), 2, is_ioctl ? 4 : 3)) return Value();
  int fd;
  int64_t code;
  if (!as_file_descriptor(ts, args[0], &fd) || !exact_int_arg(ts, args[1], &code)) return Value();
  Value arg = args.size() > 2 ? args[2] : Value::small_int(0);
  if (!is_str(arg) && !has_buffer(arg)) {  // an int (a float is refused by the int conversion)
    int64_t value;
    if (!exact_int_arg(ts, arg, &value)) return Value();
    long r = retrying(ts, [&] {
      return is_ioctl ? static_cast<long>(::ioctl(fd, static_cast<unsigned long>(code), static_cast<long>(value)))
                      : static_cast<long>(::fcntl(fd, static_cast<int>(code), static_cast<long>(value)));
    });
    return r == -1 ? Value() : make_int(ts, r);
  }
  std::string_view bytes;
  if (is_str(arg)) bytes = as_str(arg)->view();
  else if (!native::bytes_like(ts, arg, &bytes)) return Value();
  constexpr size_t kBufferSize = 1024;
  if (bytes.size() > kBufferSize) return raise_fmt(ts, ValueError_type, "{} string arg too long", name);
  char buffer[kBufferSize];
  std::memcpy(buffer, bytes.data(), bytes.size());
  long r = retrying(ts, [&] {
    return is_ioctl ? static_cast<long>(::ioctl(fd, static_cast<unsigned long>(code), buffer))
                    : static_cast<long>(::fcntl(fd, static_cast<int>(code), buffer));
  });
  if (r == -1) return Value();
  return make_bytes(ts, std::string_view(buffer, bytes.size()));
}

Value fcntl_fcntl(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  return (void)self, control(ts, args, kwnames, false);
}
Value fcntl_ioctl(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  return (void)self, control(ts, args, kwnames, true);
}

// flock(fd, operation)
Value fcntl_flock(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  (void)self;
  if (!no_keywords(ts, "flock", kwnames) || !check_arg_count(ts, "flock", args.size(), 2, 2)) return Value();
  int fd;
  int64_t operation;
  if (!as_file_descriptor(ts, args[0], &fd) || !exact_int_arg(ts, args[1], &operation)) return Value();
  if (retrying(ts, [&] { return static_cast<long>(::flock(fd, static_cast<int>(operation))); }) == -1) return Value();
  return None();
}

// lockf(fd, cmd, len=0, start=0, whence=0): POSIX record locks through fcntl(F_SETLK/F_SETLKW), as CPython.
Value fcntl_lockf(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  (void)self;
  if (!no_keywords(ts, "lockf", kwnames) || !check_arg_count(ts, "lockf", args.size(), 2, 5)) return Value();
  int fd;
  int64_t numbers[4] = {0, 0, 0, 0};  // cmd, len, start, whence
  if (!as_file_descriptor(ts, args[0], &fd)) return Value();
  for (size_t i = 1; i < args.size(); i++)
    if (!exact_int_arg(ts, args[i], &numbers[i - 1])) return Value();
  int64_t cmd = numbers[0];
  struct flock lock {};
  if (cmd == LOCK_UN) lock.l_type = F_UNLCK;
  else if (cmd & LOCK_SH) lock.l_type = F_RDLCK;
  else if (cmd & LOCK_EX) lock.l_type = F_WRLCK;
  else return raise(ts, ValueError_type, "unrecognized lockf argument");
  lock.l_len = numbers[1];
  lock.l_start = numbers[2];
  lock.l_whence = static_cast<short>(numbers[3]);
  int command = (cmd & LOCK_NB) ? F_SETLK : F_SETLKW;
  if (retrying(ts, [&] { return static_cast<long>(::fcntl(fd, command, &lock)); }) == -1) return Value();
  return None();
}

const MethodDef kFunctions[] = {
    {"fcntl", fcntl_fcntl}, {"ioctl", fcntl_ioctl}, {"flock", fcntl_flock}, {"lockf", fcntl_lockf}};

struct FcntlConstant {
  const char* name;
  int64_t value;
};
#define C(name) {#name, name}
const FcntlConstant kConstants[] = {
    C(F_DUPFD), C(F_DUPFD_CLOEXEC), C(F_GETFD), C(F_SETFD), C(FD_CLOEXEC), C(F_GETFL), C(F_SETFL),
    C(F_GETLK), C(F_SETLK), C(F_SETLKW), C(F_RDLCK), C(F_WRLCK), C(F_UNLCK), C(F_GETOWN), C(F_SETOWN),
    C(F_GETSIG), C(F_SETSIG), C(F_GETLEASE), C(F_SETLEASE), C(F_NOTIFY), C(F_EXLCK), C(F_SHLCK),
    C(F_OFD_GETLK), C(F_OFD_SETLK), C(F_OFD_SETLKW), C(F_SETPIPE_SZ), C(F_GETPIPE_SZ), C(F_ADD_SEALS),
    C(F_GET_SEALS), C(F_SEAL_SEAL), C(F_SEAL_SHRINK), C(F_SEAL_GROW), C(F_SEAL_WRITE),
    C(LOCK_SH), C(LOCK_EX), C(LOCK_NB), C(LOCK_UN), C(LOCK_MAND), C(LOCK_READ), C(LOCK_WRITE), C(LOCK_RW),
    C(DN_ACCESS), C(DN_MODIFY), C(DN_CREATE), C(DN_DELETE), C(DN_RENAME), C(DN_ATTRIB), C(DN_MULTISHOT),
    C(FASYNC),
};
#undef C

}  // namespace

ModuleObject* create_fcntl_module(ThreadState& ts) {
  ModuleObject* m = make_module(ts, "fcntl");
  add_module_functions(ts, m, kFunctions);
  for (const FcntlConstant& c : kConstants) add_module_value(ts, m, c.name, make_int(ts, c.value));
  return m;
}

}  // namespace minipy
