// The socket type of the native `_socket` module (CPython's Modules/socketmodule.c, sock_* functions): a
// descriptor plus family/type/proto and a timeout. Lib's socket.socket subclasses it and adds makefile(),
// sendfile(), the context manager and the enum-typed attributes.
// Timeouts follow CPython: a socket with a timeout (including 0) has O_NONBLOCK set; a blocking call then
// waits with poll() for at most the time left and raises TimeoutError("timed out"); interrupted calls run the
// signal handlers and retry (PEP 475).
// Left out: sendmsg/recvmsg (and so fd passing), ioctl, the socket.dup method (Lib's uses the
// module's dup()), ResourceWarning for sockets collected open (they are just closed).
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <ctime>

#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"
#include "stdlib/native/posix.h"
#include "stdlib/native/signal.h"
#include "stdlib/native/socket.h"
#include "vm/objects/buffer.h"

namespace minipy {

// _socket.socket (also _socket.SocketType): readied on first import; subclassable and weak-referenceable, since
// Lib's socket.socket derives from it with __slots__ = ['__weakref__', '_io_refs', '_closed'].
Type socket_type;

namespace {

using native::parse_args;

// Methods run only on sockets (their descriptors checked the receiver's type).
SocketObject* as_socket(Value v) { return static_cast<SocketObject*>(v.as_object()); }

// O_NONBLOCK on or off for the descriptor (a socket with any timeout is non-blocking underneath).
bool set_nonblocking(int fd, bool on) {
  int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0) return false;
  int wanted = on ? (flags | O_NONBLOCK) : (flags & ~O_NONBLOCK);
  return wanted == flags || ::fcntl(fd, F_SETFL, wanted) == 0;
}

// Waits until the socket is readable (or writable) or `seconds` pass (negative: forever). Returns 1 ready,
// 0 timed out, -1 error (errno set; EINTR included).
int wait_ready(int fd, bool writing, double seconds) {
  pollfd p{fd, static_cast<short>(writing ? POLLOUT : POLLIN), 0};
  int ms = seconds < 0 ? -1 : static_cast<int>(std::ceil(seconds * 1000.0));
  int n = ::poll(&p, 1, ms);
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

// Runs `attempt` (one system call: >= 0, or -1 with errno) under socket `s`'s timeout rules (see the file's
// comment). Returns its result, or -1 with an exception pending.
template <class Attempt>
ssize_t sock_call(ThreadState& ts, SocketObject* s, bool writing, Attempt attempt) {
  bool has_timeout = s->timeout > 0;
  double deadline = has_timeout ? monotonic_seconds() + s->timeout : 0;
  for (;;) {
    if (has_timeout) {
      double left = deadline - monotonic_seconds();
      int ready = left > 0 ? wait_ready(s->fd, writing, left) : 0;
      if (ready == 0) return raise(ts, TimeoutError_type, "timed out"), -1;
      if (ready < 0) {
        if (errno != EINTR) return raise_os_error(ts, errno), -1;
        if (!run_signal_handlers(ts)) return -1;
        continue;
      }
    }
    // The attempt itself; the descriptor is non-blocking whenever a timeout is set, so it never waits here
    // longer than the kernel's own blocking would.
    ssize_t r = attempt();
    if (r >= 0) return r;
    if (errno == EINTR) {
      if (!run_signal_handlers(ts)) return -1;
      continue;
    }
    if (has_timeout && (errno == EWOULDBLOCK || errno == EAGAIN)) continue;
    return raise_os_error(ts, errno), -1;
  }
}

// The socket must still be open: EBADF otherwise, as a system call on -1 would give.
[[nodiscard]] bool open_socket(ThreadState& ts, Value self, SocketObject** out) {
  *out = as_socket(self);
  if ((*out)->fd < 0) return raise_os_error(ts, EBADF), false;
  return true;
}

// Stores a descriptor and its timeout in `s`: the default timeout, or non-blocking when created so.
[[nodiscard]] bool adopt_descriptor(ThreadState& ts, SocketObject* s, int fd, int family, int type, int proto) {
  s->fd = fd;
  s->family = family;
  s->type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
  s->proto = proto;
  s->timeout = (type & SOCK_NONBLOCK) ? 0.0 : default_socket_timeout();
  if (s->timeout >= 0 && !set_nonblocking(fd, true)) return raise_os_error(ts, errno), false;
  return true;
}

// __new__ makes a closed socket; __init__ (socket_init) gives it a descriptor. Lib's subclass calls
// _socket.socket.__init__ explicitly, so the two must stay separate.
Value socket_new(ThreadState& ts, Type* type, std::span<const Value>, TupleObject*) {
  auto* s = alloc_instance<SocketObject>(ts, type);
  s->fd = -1;
  s->family = AF_INET;
  s->type = SOCK_STREAM;
  s->proto = 0;
  s->timeout = -1;
  return Value(s);
}

// socket(family=-1, type=-1, proto=-1, fileno=None): a new socket, or one wrapping descriptor `fileno` (its
// family, type and protocol are asked from the kernel when not given).
bool socket_init(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  Value given[4];
  if (!parse_args(ts, "socket", args, kwnames, {"family", "type", "proto", "fileno"}, 0, 0, given)) return false;
  int64_t family = -1, type = -1, proto = -1;
  if ((given[0] && !exact_int_arg(ts, given[0], &family)) || (given[1] && !exact_int_arg(ts, given[1], &type)) ||
      (given[2] && !exact_int_arg(ts, given[2], &proto)))
    return false;
  SocketObject* s = as_socket(self);
  if (given[3] && !is_none(given[3])) {
    int64_t fd;
    if (!exact_int_arg(ts, given[3], &fd)) return false;
    if (fd < 0) return raise(ts, ValueError_type, "negative file descriptor"), false;
    struct stat st;
    if (::fstat(static_cast<int>(fd), &st) != 0) return raise_os_error(ts, errno), false;
    auto ask = [&](int option, int64_t* out) {
      if (*out != -1) return true;
      int value = 0;
      socklen_t len = sizeof value;
      if (::getsockopt(static_cast<int>(fd), SOL_SOCKET, option, &value, &len) != 0) return false;
      *out = value;
      return true;
    };
    if (!ask(SO_DOMAIN, &family) || !ask(SO_TYPE, &type) || !ask(SO_PROTOCOL, &proto))
      return raise_os_error(ts, errno), false;
    return adopt_descriptor(ts, s, static_cast<int>(fd), static_cast<int>(family), static_cast<int>(type),
                            static_cast<int>(proto));
  }
  if (family == -1) family = AF_INET;
  if (type == -1) type = SOCK_STREAM;
  if (proto == -1) proto = 0;
  int fd = ::socket(static_cast<int>(family), static_cast<int>(type) | SOCK_CLOEXEC, static_cast<int>(proto));
  if (fd < 0) return raise_os_error(ts, errno), false;
  return adopt_descriptor(ts, s, fd, static_cast<int>(family), static_cast<int>(type), static_cast<int>(proto));
}

// A socket collected while open closes its descriptor (CPython also warns with ResourceWarning; that is left
// out, and Lib's socket.socket closes explicitly anyway).
void finalize_socket(Object* self) {
  auto* s = static_cast<SocketObject*>(self);
  if (s->fd >= 0) ::close(s->fd);
  s->fd = -1;
}

#define SOCK_FN(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

// _accept() -> (fd, address): the new descriptor is non-inheritable; Lib's accept() wraps it.
SOCK_FN(sock_accept) {
  SocketObject* s;
  if (!native::no_args(ts, "_accept", args, kwnames) || !open_socket(ts, self, &s)) return Value();
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  ssize_t fd = sock_call(ts, s, false, [&] {
    len = sizeof addr;
    return static_cast<ssize_t>(::accept4(s->fd, reinterpret_cast<sockaddr*>(&addr), &len, SOCK_CLOEXEC));
  });
  if (fd < 0) return Value();
  Value address = sockaddr_to_python(ts, reinterpret_cast<sockaddr*>(&addr), len);
  if (!address) {
    ::close(static_cast<int>(fd));
    return Value();
  }
  Value r[2] = {make_int(ts, fd), address};
  return Value(make_tuple(ts, r));
}

// bind(address): the address in the socket family's form (see sockaddr_from_python).
SOCK_FN(sock_bind) {
  SocketObject* s;
  if (!native::one_arg(ts, "bind", args, kwnames) || !open_socket(ts, self, &s)) return Value();
  sockaddr_storage addr;
  socklen_t len;
  if (!sockaddr_from_python(ts, s, args[0], "bind", &addr, &len)) return Value();
  if (::bind(s->fd, reinterpret_cast<sockaddr*>(&addr), len) != 0) return raise_os_error(ts, errno);
  return None();
}

// close(): idempotent; the descriptor is forgotten before close(2) so that an error never leaves it reusable.
SOCK_FN(sock_close) {
  if (!native::no_args(ts, "close", args, kwnames)) return Value();
  SocketObject* s = as_socket(self);
  int fd = s->fd;
  s->fd = -1;
  // A peer that reset the connection is no error for close(), as CPython says (bpo-30319).
  if (fd >= 0 && ::close(fd) != 0 && errno != ECONNRESET) return raise_os_error(ts, errno);
  return None();
}

// connect()'s work; returns 0 or the errno (raising only for argument errors, signals and timeouts when
// `raise_timeout`). -1: an exception is pending.
int connect_errno(ThreadState& ts, SocketObject* s, Value address, const char* caller, bool raise_timeout) {
  sockaddr_storage addr;
  socklen_t len;
  if (!sockaddr_from_python(ts, s, address, caller, &addr, &len)) return -1;
  int rc = ::connect(s->fd, reinterpret_cast<sockaddr*>(&addr), len);
  if (rc == 0) return 0;
  int err = errno;
  if (err == EINTR) {
    if (!run_signal_handlers(ts)) return -1;
    if (s->timeout == 0) return err;
  } else if (err != EINPROGRESS || s->timeout == 0) {
    return err;
  }
  // A non-blocking connect (any timeout) or one interrupted by a signal keeps going in the kernel.
  // In progress: wait for the outcome (forever when blocking), then read it from SO_ERROR.
  double deadline = monotonic_seconds() + s->timeout;
  for (;;) {
    double left = s->timeout < 0 ? -1 : deadline - monotonic_seconds();
    int ready = s->timeout < 0 || left > 0 ? wait_ready(s->fd, true, left) : 0;
    if (ready == 0) {
      if (raise_timeout) return raise(ts, TimeoutError_type, "timed out"), -1;
      return EWOULDBLOCK;
    }
    if (ready > 0) break;
    if (errno != EINTR) return errno;
    if (!run_signal_handlers(ts)) return -1;
  }
  int so_error = 0;
  socklen_t so_len = sizeof so_error;
  if (::getsockopt(s->fd, SOL_SOCKET, SO_ERROR, &so_error, &so_len) != 0) return errno;
  return so_error;
}

// connect(address) raises the connection's error; connect_ex(address) returns it as an errno (0: connected).
SOCK_FN(sock_connect) {
  SocketObject* s;
  if (!native::one_arg(ts, "connect", args, kwnames) || !open_socket(ts, self, &s)) return Value();
  int err = connect_errno(ts, s, args[0], "connect", true);
  if (err < 0) return Value();
  if (err > 0) return raise_os_error(ts, err);
  return None();
}

SOCK_FN(sock_connect_ex) {
  SocketObject* s;
  if (!native::one_arg(ts, "connect_ex", args, kwnames) || !open_socket(ts, self, &s)) return Value();
  int err = connect_errno(ts, s, args[0], "connect_ex", false);
  if (err < 0) return Value();
  return make_int(ts, err);
}

// detach() -> the descriptor, which the socket no longer owns; fileno() -> it, or -1 once closed.
SOCK_FN(sock_detach) {
  if (!native::no_args(ts, "detach", args, kwnames)) return Value();
  SocketObject* s = as_socket(self);
  int fd = s->fd;
  s->fd = -1;
  return make_int(ts, fd);
}

SOCK_FN(sock_fileno) {
  if (!native::no_args(ts, "fileno", args, kwnames)) return Value();
  return make_int(ts, as_socket(self)->fd);
}

// getsockname() / getpeername(): the local or remote address in the family's Python form.
Value local_or_peer_name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames, bool peer) {
  SocketObject* s;
  if (!native::no_args(ts, peer ? "getpeername" : "getsockname", args, kwnames) || !open_socket(ts, self, &s))
    return Value();
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  int rc = peer ? ::getpeername(s->fd, reinterpret_cast<sockaddr*>(&addr), &len)
                : ::getsockname(s->fd, reinterpret_cast<sockaddr*>(&addr), &len);
  if (rc != 0) return raise_os_error(ts, errno);
  return sockaddr_to_python(ts, reinterpret_cast<sockaddr*>(&addr), len);
}
SOCK_FN(sock_getsockname) { return local_or_peer_name(ts, self, args, kwnames, false); }
SOCK_FN(sock_getpeername) { return local_or_peer_name(ts, self, args, kwnames, true); }

// getsockopt(level, option[, buflen]): an int, or `buflen` bytes of the raw option value.
SOCK_FN(sock_getsockopt) {
  Value given[3];
  SocketObject* s;
  if (!parse_args(ts, "getsockopt", args, kwnames, {"level", "option", "buflen"}, 2, 3, given) ||
      !open_socket(ts, self, &s))
    return Value();
  int64_t level, option, buflen = 0;
  if (!exact_int_arg(ts, given[0], &level) || !exact_int_arg(ts, given[1], &option) ||
      (given[2] && !exact_int_arg(ts, given[2], &buflen)))
    return Value();
  if (!given[2]) {
    int value = 0;
    socklen_t len = sizeof value;
    if (::getsockopt(s->fd, static_cast<int>(level), static_cast<int>(option), &value, &len) != 0)
      return raise_os_error(ts, errno);
    return make_int(ts, value);
  }
  if (buflen <= 0 || buflen > 1024) return raise(ts, OSError_type, "getsockopt buflen out of range");
  std::string buffer(static_cast<size_t>(buflen), '\0');
  socklen_t len = static_cast<socklen_t>(buflen);
  if (::getsockopt(s->fd, static_cast<int>(level), static_cast<int>(option), buffer.data(), &len) != 0)
    return raise_os_error(ts, errno);
  buffer.resize(len);
  return make_bytes(ts, buffer);
}

// setsockopt(level, option, value: int | bytes-like) or setsockopt(level, option, None, optlen).
SOCK_FN(sock_setsockopt) {
  SocketObject* s;
  if (!no_keywords(ts, "setsockopt", kwnames) || !check_arg_count(ts, "setsockopt", args.size(), 3, 4) ||
      !open_socket(ts, self, &s))
    return Value();
  int64_t level, option;
  if (!exact_int_arg(ts, args[0], &level) || !exact_int_arg(ts, args[1], &option)) return Value();
  int rc;
  if (args.size() == 4) {
    int64_t optlen;
    if (!is_none(args[2])) return raise(ts, TypeError_type, "setsockopt() takes 3 or 4 arguments: value must be None");
    if (!exact_int_arg(ts, args[3], &optlen)) return Value();
    rc = ::setsockopt(s->fd, static_cast<int>(level), static_cast<int>(option), nullptr,
                      static_cast<socklen_t>(optlen));
  } else if (is_int(args[2])) {
    int64_t v;
    if (!exact_int_arg(ts, args[2], &v)) return Value();
    int value = static_cast<int>(v);
    rc = ::setsockopt(s->fd, static_cast<int>(level), static_cast<int>(option), &value, sizeof value);
  } else {
    std::string_view bytes;
    if (!native::bytes_like(ts, args[2], &bytes)) return Value();
    rc = ::setsockopt(s->fd, static_cast<int>(level), static_cast<int>(option), bytes.data(),
                      static_cast<socklen_t>(bytes.size()));
  }
  if (rc != 0) return raise_os_error(ts, errno);
  return None();
}

// gettimeout() -> None (blocking) or the timeout in seconds (0.0: non-blocking).
SOCK_FN(sock_gettimeout) {
  if (!native::no_args(ts, "gettimeout", args, kwnames)) return Value();
  double t = as_socket(self)->timeout;
  return t < 0 ? None() : make_float(ts, t);
}

}  // namespace

// A timeout argument (None, or non-negative seconds) as socket.settimeout and setdefaulttimeout read it.
[[nodiscard]] bool parse_socket_timeout(ThreadState& ts, Value v, double* out) {
  if (is_none(v)) return *out = -1, true;
  double t;
  if (is_float(v)) {
    t = float_value(v);
    if (std::isnan(t)) return raise(ts, ValueError_type, "Invalid value NaN (not a number)"), false;
  } else {
    int64_t i;
    if (!index_to_int64(ts, v, &i)) return false;
    t = static_cast<double>(i);
  }
  if (t < 0) return raise(ts, ValueError_type, "Timeout value out of range"), false;
  *out = t;
  return true;
}

namespace {

// Applies timeout `t` to `s`: any timeout makes the descriptor non-blocking underneath.
[[nodiscard]] bool apply_timeout(ThreadState& ts, SocketObject* s, double t) {
  s->timeout = t;
  if (s->fd >= 0 && !set_nonblocking(s->fd, t >= 0)) return raise_os_error(ts, errno), false;
  return true;
}

// settimeout(None | seconds) and setblocking(flag): setblocking(True) is settimeout(None), setblocking(False)
// is settimeout(0.0); getblocking() is whether the timeout is not 0.
SOCK_FN(sock_settimeout) {
  if (!native::one_arg(ts, "settimeout", args, kwnames)) return Value();
  double t;
  if (!parse_socket_timeout(ts, args[0], &t) || !apply_timeout(ts, as_socket(self), t)) return Value();
  return None();
}

SOCK_FN(sock_setblocking) {
  if (!native::one_arg(ts, "setblocking", args, kwnames)) return Value();
  int64_t flag;
  if (!exact_int_arg(ts, args[0], &flag) || !apply_timeout(ts, as_socket(self), flag ? -1.0 : 0.0)) return Value();
  return None();
}

SOCK_FN(sock_getblocking) {
  SocketObject* s;
  if (!native::no_args(ts, "getblocking", args, kwnames) || !open_socket(ts, self, &s)) return Value();
  return Bool(s->timeout != 0);
}

// listen([backlog]): the default backlog is min(SOMAXCONN, 128) as CPython's; a negative one counts as 0.
SOCK_FN(sock_listen) {
  SocketObject* s;
  if (!no_keywords(ts, "listen", kwnames) || !check_arg_count(ts, "listen", args.size(), 0, 1) ||
      !open_socket(ts, self, &s))
    return Value();
  int64_t backlog = SOMAXCONN < 128 ? SOMAXCONN : 128;
  if (!args.empty() && !exact_int_arg(ts, args[0], &backlog)) return Value();
  if (backlog < 0) backlog = 0;
  if (::listen(s->fd, static_cast<int>(backlog)) != 0) return raise_os_error(ts, errno);
  return None();
}

// recv(bufsize[, flags]) and recvfrom(bufsize[, flags]) -> bytes / (bytes, address).
Value receive(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames, bool with_address) {
  const char* name = with_address ? "recvfrom" : "recv";
  SocketObject* s;
  if (!no_keywords(ts, name, kwnames)) return Value();
  if (args.empty()) return raise_fmt(ts, TypeError_type, "{}() takes at least 1 argument (0 given)", name);
  if (!check_arg_count(ts, name, args.size(), 1, 2) || !open_socket(ts, self, &s)) return Value();
  int64_t size, flags = 0;
  if (!exact_int_arg(ts, args[0], &size) || (args.size() > 1 && !exact_int_arg(ts, args[1], &flags))) return Value();
  if (size < 0) return raise_fmt(ts, ValueError_type, "negative buffersize in {}", name);
  std::string buffer(static_cast<size_t>(size), '\0');
  sockaddr_storage addr{};
  socklen_t len = 0;
  ssize_t n = sock_call(ts, s, false, [&] {
    len = sizeof addr;
    return ::recvfrom(s->fd, buffer.data(), buffer.size(), static_cast<int>(flags),
                      reinterpret_cast<sockaddr*>(&addr), &len);
  });
  if (n < 0) return Value();
  buffer.resize(static_cast<size_t>(n));
  Value data = make_bytes(ts, buffer);
  if (!with_address) return data;
  Value address = sockaddr_to_python(ts, reinterpret_cast<sockaddr*>(&addr), len);
  if (!address) return Value();
  Value r[2] = {data, address};
  return Value(make_tuple(ts, r));
}
SOCK_FN(sock_recv) { return receive(ts, self, args, kwnames, false); }
SOCK_FN(sock_recvfrom) { return receive(ts, self, args, kwnames, true); }

// recv_into(buffer, nbytes=0, flags=0) -> count received into the writable buffer; recvfrom_into also gives
// the sender's address: (count, address).
Value receive_into(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames, bool with_address) {
  const char* name = with_address ? "recvfrom_into" : "recv_into";
  Value given[3];
  SocketObject* s;
  if (!parse_args(ts, name, args, kwnames, {"buffer", "nbytes", "flags"}, 1, 0, given) || !open_socket(ts, self, &s))
    return Value();
  int64_t nbytes = 0, flags = 0;
  if ((given[1] && !exact_int_arg(ts, given[1], &nbytes)) || (given[2] && !exact_int_arg(ts, given[2], &flags)))
    return Value();
  BufferLease lease;
  if (!lease.acquire(ts, given[0])) return Value();
  if (lease.view.readonly)
    return raise_fmt(ts, TypeError_type, "{}() argument 1 must be read-write bytes-like object, not {}", name,
                     type_name(given[0]));
  if (nbytes < 0) return raise_fmt(ts, ValueError_type, "negative buffersize in {}", name);
  int64_t room = lease.view.length;
  if (nbytes == 0) nbytes = room;
  if (nbytes > room)
    return raise(ts, ValueError_type, with_address ? "nbytes is greater than the length of the buffer"
                                                   : "buffer too small for requested bytes");
  char* data = lease.view.data;
  sockaddr_storage addr{};
  socklen_t len = 0;
  ssize_t n = sock_call(ts, s, false, [&] {
    len = sizeof addr;
    return ::recvfrom(s->fd, data, static_cast<size_t>(nbytes), static_cast<int>(flags),
                      reinterpret_cast<sockaddr*>(&addr), &len);
  });
  if (n < 0) return Value();
  if (!with_address) return make_int(ts, n);
  Value address = sockaddr_to_python(ts, reinterpret_cast<sockaddr*>(&addr), len);
  if (!address) return Value();
  Value r[2] = {make_int(ts, n), address};
  return Value(make_tuple(ts, r));
}
SOCK_FN(sock_recv_into) { return receive_into(ts, self, args, kwnames, false); }
SOCK_FN(sock_recvfrom_into) { return receive_into(ts, self, args, kwnames, true); }

// send(data[, flags]) -> count sent; sendall(data[, flags]) sends everything (the timeout covers it all).
Value transmit(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames, bool all) {
  const char* name = all ? "sendall" : "send";
  SocketObject* s;
  if (!no_keywords(ts, name, kwnames) || !check_arg_count(ts, name, args.size(), 1, 2) || !open_socket(ts, self, &s))
    return Value();
  BufferLease lease;
  if (!lease.acquire(ts, args[0])) return Value();
  int64_t flags = 0;
  if (args.size() > 1 && !exact_int_arg(ts, args[1], &flags)) return Value();
  // MSG_NOSIGNAL: a peer that closed gives EPIPE (BrokenPipeError), never SIGPIPE. sendall's loop also runs
  // pending signal handlers between chunks, as CPython's does.
  std::string_view data = lease.bytes();
  size_t sent = 0;
  do {
    ssize_t n = sock_call(ts, s, true, [&] {
      return ::send(s->fd, data.data() + sent, data.size() - sent, static_cast<int>(flags) | MSG_NOSIGNAL);
    });
    if (n < 0) return Value();
    if (!all) return make_int(ts, n);
    sent += static_cast<size_t>(n);
    if (!run_signal_handlers(ts)) return Value();
  } while (sent < data.size());
  return None();
}
SOCK_FN(sock_send) { return transmit(ts, self, args, kwnames, false); }
SOCK_FN(sock_sendall) { return transmit(ts, self, args, kwnames, true); }

// sendto(data[, flags], address) -> count sent.
SOCK_FN(sock_sendto) {
  SocketObject* s;
  if (!no_keywords(ts, "sendto", kwnames)) return Value();
  if (args.size() < 2 || args.size() > 3)
    return raise_fmt(ts, TypeError_type, "sendto() takes 2 or 3 arguments ({} given)", args.size());
  if (!open_socket(ts, self, &s)) return Value();
  BufferLease lease;
  if (!lease.acquire(ts, args[0])) return Value();
  int64_t flags = 0;
  if (args.size() == 3 && !exact_int_arg(ts, args[1], &flags)) return Value();
  sockaddr_storage addr;
  socklen_t len;
  if (!sockaddr_from_python(ts, s, args.back(), "sendto", &addr, &len)) return Value();
  std::string_view data = lease.bytes();
  ssize_t n = sock_call(ts, s, true, [&] {
    return ::sendto(s->fd, data.data(), data.size(), static_cast<int>(flags) | MSG_NOSIGNAL,
                    reinterpret_cast<sockaddr*>(&addr), len);
  });
  if (n < 0) return Value();
  return make_int(ts, n);
}

// shutdown(how): SHUT_RD, SHUT_WR or SHUT_RDWR.
SOCK_FN(sock_shutdown) {
  SocketObject* s;
  if (!native::one_arg(ts, "shutdown", args, kwnames) || !open_socket(ts, self, &s)) return Value();
  int64_t how;
  if (!exact_int_arg(ts, args[0], &how)) return Value();
  if (::shutdown(s->fd, static_cast<int>(how)) != 0) return raise_os_error(ts, errno);
  return None();
}

// The base type's repr (Lib's subclass has its own, with the enum names and addresses).
Value socket_repr(ThreadState& ts, Value self) {
  SocketObject* s = as_socket(self);
  return Value(make_str(ts, fmt::format("<socket object, fd={}, family={}, type={}, proto={}>", s->fd, s->family,
                                        s->type, s->proto)));
}

// The read-only attributes.
SOCK_FN(sock_family) { return (void)self, (void)kwnames, make_int(ts, as_socket(args[0])->family); }
SOCK_FN(sock_type) { return (void)self, (void)kwnames, make_int(ts, as_socket(args[0])->type); }
SOCK_FN(sock_proto) { return (void)self, (void)kwnames, make_int(ts, as_socket(args[0])->proto); }
SOCK_FN(sock_timeout) {
  (void)self, (void)kwnames;
  double t = as_socket(args[0])->timeout;
  return t < 0 ? None() : make_float(ts, t);
}

#undef SOCK_FN

const MethodDef kSocketMethods[] = {
    {"_accept", sock_accept},         {"bind", sock_bind},               {"close", sock_close},
    {"connect", sock_connect},        {"connect_ex", sock_connect_ex},   {"detach", sock_detach},
    {"fileno", sock_fileno},          {"getpeername", sock_getpeername}, {"getsockname", sock_getsockname},
    {"getsockopt", sock_getsockopt},  {"setsockopt", sock_setsockopt},   {"gettimeout", sock_gettimeout},
    {"settimeout", sock_settimeout},  {"setblocking", sock_setblocking}, {"getblocking", sock_getblocking},
    {"listen", sock_listen},          {"recv", sock_recv},               {"recvfrom", sock_recvfrom},
    {"recv_into", sock_recv_into},    {"recvfrom_into", sock_recvfrom_into}, {"send", sock_send},               {"sendall", sock_sendall},
    {"sendto", sock_sendto},          {"shutdown", sock_shutdown},
};
const MethodDef kSocketMembers[] = {{"family", sock_family}, {"type", sock_type}, {"proto", sock_proto}};
const MethodDef kSocketTimeout = {"timeout", sock_timeout};

}  // namespace

// family/type/proto are read-only members (AttributeError "readonly attribute"), timeout a read-only getter.
void define_socket_type(ThreadState& ts, ModuleObject* m) {
  if (begin_native_type(ts, socket_type, "socket", "_socket", sizeof(SocketObject), kTypeBaseType)) {
    socket_type.new_instance = socket_new;
    socket_type.init = socket_init;
    socket_type.repr = socket_repr;
    socket_type.finalize = finalize_socket;
    add_methods(ts, socket_type, kSocketMethods);
    for (const MethodDef& member : kSocketMembers) add_native_property(ts, socket_type, &member, nullptr, ReadOnly::kMember);
    add_native_property(ts, socket_type, &kSocketTimeout, nullptr);
    allow_weak_references(socket_type);
    finish_native_type(ts, socket_type);
  }
  add_module_value(ts, m, "socket", Value(static_cast<Object*>(&socket_type)));
  add_module_value(ts, m, "SocketType", Value(static_cast<Object*>(&socket_type)));
}

}  // namespace minipy
