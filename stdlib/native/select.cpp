// The native `select` module (CPython's Modules/selectmodule.c) for Linux: select(), poll objects and epoll
// objects — what Lib's selectors (DefaultSelector is EpollSelector on Linux), subprocess and asyncio wait with.
// Interrupted waits run the signal handlers and resume with the time left (PEP 475).
// Left out: devpoll and kqueue (not Linux), poll/epoll objects shared between threads (minipy has one).
#include <poll.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <ctime>
#include <vector>

#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"
#include "stdlib/native/posix.h"
#include "stdlib/native/signal.h"

namespace minipy {

namespace {

// Both types are static and readied on first import. poll objects come only from select.poll() (CPython's
// type refuses instantiation); epoll may be subclassed, as in CPython.
Type poll_type, epoll_type;

struct PollObject : Object {
  DictObject* registered;  // fd -> event mask
  bool polling;            // a poll() is under way (a handler re-entering it gets RuntimeError)
};

struct EpollObject : Object {
  int epfd;  // -1 once closed
};

// The registrations dict is the only object a poll object holds.
void trace_poll(Object* self, Tracer& tracer) { tracer.visit(static_cast<PollObject*>(self)->registered); }
// An epoll object collected while open gives its descriptor back, as CPython's dealloc does.
void finalize_epoll(Object* self) {
  auto* e = static_cast<EpollObject*>(self);
  if (e->epfd >= 0) ::close(e->epfd);
  e->epfd = -1;
}

// A timeout argument in `unit` seconds per unit (1 for seconds, 1e-3 for milliseconds) as seconds; *forever when
// None (or, with `negative_is_forever`, negative). `message` is CPython's TypeError for a non-number.
[[nodiscard]] bool timeout_seconds(ThreadState& ts, Value v, double unit, bool negative_is_forever,
                                   const char* message, double* out, bool* forever) {
  *forever = false;
  if (!v || is_none(v)) return *forever = true, true;
  double x;
  if (!native::seconds_object(ts, v, unit, &x, message)) return false;
  if (x < 0) {
    if (negative_is_forever) return *forever = true, true;
    return raise(ts, ValueError_type, "timeout must be non-negative"), false;
  }
  *out = x;
  return true;
}

// poll() and epoll_wait() take an int of milliseconds: the remaining time is rounded up (CPython's
// _PyTime_ROUND_CEILING) so that a timeout of 0.0001 s still waits instead of polling once.
int to_milliseconds(double seconds) {
  double ms = std::ceil(seconds * 1000.0);
  return ms > INT_MAX ? INT_MAX : static_cast<int>(ms);
}

// ---- select() -----------------------------------------------------------------------------------------------------

// One of select()'s three lists: the descriptors, and the objects to give back for each.
struct Watched {
  std::vector<int> fds;
  ListObject* objects = nullptr;
};

[[nodiscard]] bool read_watched(ThreadState& ts, Value seq, Watched* out, int* max_fd) {
  // A list is read in place, as PySequence_Fast does: a fileno() that shrinks it ends the walk early.
  Value list = is_list(seq) ? seq : sequence_to_list(ts, seq);
  if (!list) {
    if (exception_matches(ts.current_exception, &TypeError_type)) {
      ts.current_exception = Value();
      raise(ts, TypeError_type, "arguments 1-3 must be sequences");
    }
    return false;
  }
  auto* items = static_cast<ListObject*>(list.as_object());
  out->objects = make_list(ts, 0);
  for (int64_t i = 0; i < items->size; i++) {
    Value item = items->items[i];
    int fd;
    if (!as_file_descriptor(ts, item, &fd)) return false;
    if (fd >= FD_SETSIZE) return raise(ts, ValueError_type, "filedescriptor out of range in select()"), false;
    if (!list_append(ts, out->objects, item)) return false;
    out->fds.push_back(fd);
    *max_fd = std::max(*max_fd, fd);
  }
  return true;
}

// The objects of `w` whose descriptors are set in `set`, in their original order (select() returns the
// caller's objects, not descriptors).
Value ready_objects(ThreadState& ts, const Watched& w, const fd_set& set) {
  ListObject* r = make_list(ts, 0);
  for (size_t i = 0; i < w.fds.size(); i++)
    if (FD_ISSET(w.fds[i], &set) && !list_append(ts, r, w.objects->items[i])) return Value();
  return Value(r);
}

// select(rlist, wlist, xlist, timeout=None) -> (readable, writable, exceptional)
Value select_select(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  (void)self;
  if (!no_keywords(ts, "select", kwnames) || !check_arg_count(ts, "select", args.size(), 3, 4)) return Value();
  double timeout = 0;
  bool forever;
  if (!timeout_seconds(ts, args.size() > 3 ? args[3] : Value(), 1.0, false, "timeout must be a float or None",
                       &timeout, &forever))
    return Value();
  Watched lists[3];
  int max_fd = -1;
  for (int i = 0; i < 3; i++)
    if (!read_watched(ts, args[i], &lists[i], &max_fd)) return Value();
  // select() may modify the sets and timeval, and EINTR restarts it with the time left: rebuild both each time.
  double deadline = monotonic_seconds() + timeout;
  fd_set sets[3];
  for (;;) {
    for (int i = 0; i < 3; i++) {
      FD_ZERO(&sets[i]);
      for (int fd : lists[i].fds) FD_SET(fd, &sets[i]);
    }
    timeval tv{static_cast<time_t>(timeout), static_cast<suseconds_t>(std::fmod(timeout, 1.0) * 1e6)};
    int n = ::select(max_fd + 1, &sets[0], &sets[1], &sets[2], forever ? nullptr : &tv);
    if (n >= 0) break;
    if (errno != EINTR) return raise_os_error(ts, errno);
    if (!run_signal_handlers(ts)) return Value();
    if (!forever) timeout = std::max(0.0, deadline - monotonic_seconds());
  }
  Value r[3];
  for (int i = 0; i < 3; i++)
    if (!(r[i] = ready_objects(ts, lists[i], sets[i]))) return Value();
  return Value(make_tuple(ts, r));
}

// ---- poll objects -------------------------------------------------------------------------------------------------

// Methods run only on poll objects (their descriptors checked the receiver's type).
PollObject* as_poll(Value v) { return static_cast<PollObject*>(v.as_object()); }

// poll's event mask: an unsigned short, with CPython's three complaints.
[[nodiscard]] bool poll_event_mask(ThreadState& ts, Value v, int64_t* out) {
  if (!exact_int_arg(ts, v, out)) {
    if (!exception_matches(ts.current_exception, &OverflowError_type)) return false;
    ts.current_exception = Value();
    return raise(ts, OverflowError_type, "Python int too large to convert to C unsigned long"), false;
  }
  if (*out < 0) return raise(ts, ValueError_type, "value must be positive"), false;
  if (*out > USHRT_MAX) return raise(ts, OverflowError_type, "Python int too large for C unsigned short"), false;
  return true;
}

// epoll's event mask: an unsigned int taken modulo 2**32, as CPython's "I" format does (no overflow check).
[[nodiscard]] bool epoll_event_mask(ThreadState& ts, Value v, int64_t* out) {
  if (!exact_int_arg(ts, v, out)) return false;
  *out = static_cast<uint32_t>(*out);
  return true;
}

// register(fd, eventmask=POLLIN|POLLPRI|POLLOUT) and modify(fd, eventmask): modify needs fd registered.
Value poll_set(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames, bool modify) {
  const char* name = modify ? "modify" : "register";
  Value given[2];
  if (!native::parse_args(ts, name, args, kwnames, {"fd", "eventmask"}, modify ? 2 : 1, 2, given)) return Value();
  int fd;
  int64_t mask = POLLIN | POLLPRI | POLLOUT;
  if (!as_file_descriptor(ts, given[0], &fd) || (given[1] && !poll_event_mask(ts, given[1], &mask)))
    return Value();
  DictObject* reg = as_poll(self)->registered;
  Value key = make_int(ts, fd);
  if (modify) {
    Value old = dict_get(ts, reg, key);
    if (!old) return ts.current_exception ? Value() : raise_os_error(ts, ENOENT);
  }
  if (!dict_set(ts, reg, key, make_int(ts, mask))) return Value();
  return None();
}
// register() adds or replaces; modify() insists on an existing registration (ENOENT otherwise).
Value poll_register(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  return poll_set(ts, self, args, kwnames, false);
}
Value poll_modify(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  return poll_set(ts, self, args, kwnames, true);
}

// unregister(fd): KeyError(fd) when it was not registered.
Value poll_unregister(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!native::one_arg(ts, "unregister", args, kwnames)) return Value();
  int fd;
  if (!as_file_descriptor(ts, args[0], &fd)) return Value();
  Value key = make_int(ts, fd);
  int removed = dict_del(ts, as_poll(self)->registered, key);
  if (removed < 0) return Value();
  if (removed == 0) return raise_value(ts, new_exception(ts, &KeyError_type, std::span<const Value>(&key, 1)));
  return None();
}

// poll(timeout=None) -> [(fd, events), ...]; timeout in milliseconds, negative or None waits forever.
Value poll_poll(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  Value given[1];
  if (!native::parse_args(ts, "poll", args, kwnames, {"timeout"}, 0, 1, given)) return Value();
  double timeout = 0;
  bool forever;
  if (!timeout_seconds(ts, given[0], 1e-3, true, "timeout must be an integer or None", &timeout, &forever))
    return Value();
  PollObject* p = as_poll(self);
  if (p->polling) return raise(ts, RuntimeError_type, "concurrent poll() invocation");
  // The registrations are copied into a pollfd array for this call; results come back in registration order.
  std::vector<pollfd> fds;
  int64_t pos = 0;
  Value key, value;
  while (dict_next(p->registered, &pos, &key, &value)) {
    int64_t fd = 0, mask = 0;
    int_to_int64(key, &fd);
    int_to_int64(value, &mask);
    fds.push_back(pollfd{static_cast<int>(fd), static_cast<short>(mask), 0});
  }
  double deadline = monotonic_seconds() + timeout;
  p->polling = true;
  int n;
  for (;;) {
    n = ::poll(fds.data(), fds.size(), forever ? -1 : to_milliseconds(timeout));
    if (n >= 0) break;
    if (errno != EINTR) {
      p->polling = false;
      return raise_os_error(ts, errno);
    }
    if (!run_signal_handlers(ts)) {
      p->polling = false;
      return Value();
    }
    if (!forever) timeout = std::max(0.0, deadline - monotonic_seconds());
  }
  p->polling = false;
  ListObject* r = make_list(ts, 0);
  for (const pollfd& f : fds) {
    if (!f.revents) continue;
    Value pair[2] = {make_int(ts, f.fd), make_int(ts, static_cast<unsigned short>(f.revents))};
    if (!list_append(ts, r, Value(make_tuple(ts, pair)))) return Value();
  }
  return Value(r);
}

// type(select.poll())() fails as in CPython: poll objects are made by select.poll().
Value poll_refuse_new(ThreadState& ts, Type* type, std::span<const Value>, TupleObject*) {
  return raise_fmt(ts, TypeError_type, "cannot create '{}.{}' instances", "select", type->name->view());
}

// select.poll() -> a poll object with no registrations.
Value select_poll(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  (void)self;
  if (!native::no_args(ts, "select.poll", args, kwnames)) return Value();
  auto* p = alloc_instance<PollObject>(ts, &poll_type);
  p->registered = make_dict(ts);
  return Value(p);
}

const MethodDef kPollMethods[] = {
    {"register", poll_register}, {"modify", poll_modify}, {"unregister", poll_unregister}, {"poll", poll_poll}};

// ---- epoll objects ------------------------------------------------------------------------------------------------

// Methods run only on epoll objects (or subclasses).
EpollObject* as_epoll(Value v) { return static_cast<EpollObject*>(v.as_object()); }

// The descriptor of open epoll object `self`; ValueError once it is closed.
[[nodiscard]] bool open_epoll(ThreadState& ts, Value self, int* epfd) {
  *epfd = as_epoll(self)->epfd;
  if (*epfd < 0) return raise(ts, ValueError_type, "I/O operation on closed epoll object"), false;
  return true;
}

// epoll(sizehint=-1, flags=0): sizehint is only validated (the kernel ignores it); flags may only be
// EPOLL_CLOEXEC, which is always set anyway (PEP 446).
Value epoll_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  Value given[2];
  if (!native::parse_args(ts, "epoll", args, kwnames, {"sizehint", "flags"}, 0, 0, given)) return Value();
  int64_t sizehint = -1;
  if (given[0] && !index_to_int64(ts, given[0], &sizehint)) return Value();
  if (sizehint == 0 || sizehint < -1) return raise(ts, ValueError_type, "negative sizehint");
  int64_t flags = 0;
  if (given[1] && !index_to_int64(ts, given[1], &flags)) return Value();
  if (flags && flags != EPOLL_CLOEXEC) return raise(ts, OSError_type, "invalid flags");
  int fd = ::epoll_create1(EPOLL_CLOEXEC);
  if (fd < 0) return raise_os_error(ts, errno);
  auto* e = alloc_instance<EpollObject>(ts, type);
  e->epfd = fd;
  return Value(e);
}

// register / modify / unregister share epoll_ctl.
Value epoll_control(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames, int op) {
  const char* name = op == EPOLL_CTL_ADD ? "register" : op == EPOLL_CTL_MOD ? "modify" : "unregister";
  Value given[2];
  bool takes_mask = op != EPOLL_CTL_DEL;
  if (!native::parse_args(ts, name, args, kwnames, takes_mask ? std::initializer_list<const char*>{"fd", "eventmask"}
                                                              : std::initializer_list<const char*>{"fd"},
                          op == EPOLL_CTL_MOD ? 2 : 1, 0, given))
    return Value();
  int epfd, fd;
  if (!open_epoll(ts, self, &epfd) || !as_file_descriptor(ts, given[0], &fd)) return Value();
  int64_t mask = EPOLLIN | EPOLLPRI | EPOLLOUT;
  if (takes_mask && given[1] && !epoll_event_mask(ts, given[1], &mask)) return Value();
  epoll_event ev{};
  ev.events = static_cast<uint32_t>(mask);
  ev.data.fd = fd;
  if (::epoll_ctl(epfd, op, fd, &ev) != 0) return raise_os_error(ts, errno);
  return None();
}
// register(fd, eventmask=EPOLLIN|EPOLLPRI|EPOLLOUT), modify(fd, eventmask), unregister(fd): errors are the
// kernel's (EEXIST, ENOENT, EBADF, EPERM for regular files) as OSError subclasses.
Value epoll_register(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  return epoll_control(ts, self, args, kwnames, EPOLL_CTL_ADD);
}
Value epoll_modify(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  return epoll_control(ts, self, args, kwnames, EPOLL_CTL_MOD);
}
Value epoll_unregister(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  return epoll_control(ts, self, args, kwnames, EPOLL_CTL_DEL);
}

// poll(timeout=None, maxevents=-1) -> [(fd, events), ...]; timeout in seconds.
Value epoll_poll(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  Value given[2];
  if (!native::parse_args(ts, "poll", args, kwnames, {"timeout", "maxevents"}, 0, 0, given)) return Value();
  int epfd;
  if (!open_epoll(ts, self, &epfd)) return Value();
  double timeout = 0;
  bool forever;
  if (!timeout_seconds(ts, given[0], 1.0, true, "timeout must be an integer or None", &timeout, &forever))
    return Value();
  int64_t maxevents = -1;
  if (given[1] && !index_to_int64(ts, given[1], &maxevents)) return Value();
  // CPython's default for maxevents is FD_SETSIZE - 1 events per call.
  if (maxevents == -1) maxevents = FD_SETSIZE - 1;
  else if (maxevents < 1)
    return raise_fmt(ts, ValueError_type, "maxevents must be greater than 0, got {}", maxevents);
  std::vector<epoll_event> events(static_cast<size_t>(maxevents));
  double deadline = monotonic_seconds() + timeout;
  int n;
  for (;;) {
    n = ::epoll_wait(epfd, events.data(), static_cast<int>(maxevents), forever ? -1 : to_milliseconds(timeout));
    if (n >= 0) break;
    if (errno != EINTR) return raise_os_error(ts, errno);
    if (!run_signal_handlers(ts)) return Value();
    if (!forever) timeout = std::max(0.0, deadline - monotonic_seconds());
  }
  ListObject* r = make_list(ts, 0);
  for (int i = 0; i < n; i++) {
    Value pair[2] = {make_int(ts, events[i].data.fd), make_int(ts, events[i].events)};
    if (!list_append(ts, r, Value(make_tuple(ts, pair)))) return Value();
  }
  return Value(r);
}

// close(): idempotent; the object reports closed afterwards even when close(2) failed.
Value epoll_close(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!native::no_args(ts, "epoll.close", args, kwnames)) return Value();
  EpollObject* e = as_epoll(self);
  if (e->epfd >= 0 && ::close(e->epfd) != 0) {
    e->epfd = -1;
    return raise_os_error(ts, errno);
  }
  e->epfd = -1;
  return None();
}
// fileno(), the context manager (__exit__ closes) and the read-only `closed` attribute.
Value epoll_fileno(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  int epfd;
  if (!native::no_args(ts, "epoll.fileno", args, kwnames) || !open_epoll(ts, self, &epfd)) return Value();
  return make_int(ts, epfd);
}
Value epoll_enter(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  int epfd;
  if (!native::no_args(ts, "epoll.__enter__", args, kwnames) || !open_epoll(ts, self, &epfd)) return Value();
  return self;
}
Value epoll_exit(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  (void)args, (void)kwnames;
  return epoll_close(ts, self, {}, nullptr);
}
Value epoll_closed(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  (void)ts, (void)self, (void)kwnames;
  return Bool(as_epoll(args[0])->epfd < 0);
}
// epoll.fromfd(fd), a class method: an object of the class it is called on owning descriptor `fd`.
Value epoll_fromfd(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!native::one_arg(ts, "epoll.fromfd", args, kwnames)) return Value();
  int fd;
  if (!as_file_descriptor(ts, args[0], &fd)) return Value();
  auto* e = alloc_instance<EpollObject>(ts, as_type(self));
  e->epfd = fd;
  return Value(e);
}

const MethodDef kEpollMethods[] = {
    {"register", epoll_register}, {"modify", epoll_modify}, {"unregister", epoll_unregister},
    {"poll", epoll_poll},         {"close", epoll_close},   {"fileno", epoll_fileno},
    {"__enter__", epoll_enter},   {"__exit__", epoll_exit},   {"fromfd", epoll_fromfd, kMethodClass},
};
const MethodDef kEpollClosed = {"closed", epoll_closed};

// The module's functions, types' methods and Linux's constants (CPython's names and values).
const MethodDef kSelectFunctions[] = {{"select", select_select}, {"poll", select_poll}};

struct SelectConstant {
  const char* name;
  int64_t value;
};
const SelectConstant kConstants[] = {
    {"POLLIN", POLLIN},         {"POLLPRI", POLLPRI},         {"POLLOUT", POLLOUT},
    {"POLLERR", POLLERR},       {"POLLHUP", POLLHUP},         {"POLLNVAL", POLLNVAL},
    {"POLLRDNORM", POLLRDNORM}, {"POLLRDBAND", POLLRDBAND},   {"POLLWRNORM", POLLWRNORM},
    {"POLLWRBAND", POLLWRBAND}, {"POLLMSG", POLLMSG},         {"POLLRDHUP", POLLRDHUP},
    {"EPOLLIN", EPOLLIN},       {"EPOLLOUT", EPOLLOUT},       {"EPOLLPRI", EPOLLPRI},
    {"EPOLLERR", EPOLLERR},     {"EPOLLHUP", EPOLLHUP},       {"EPOLLET", EPOLLET},
    {"EPOLLONESHOT", EPOLLONESHOT}, {"EPOLLEXCLUSIVE", EPOLLEXCLUSIVE}, {"EPOLLRDHUP", EPOLLRDHUP},
    {"EPOLLRDNORM", EPOLLRDNORM}, {"EPOLLRDBAND", EPOLLRDBAND}, {"EPOLLWRNORM", EPOLLWRNORM},
    {"EPOLLWRBAND", EPOLLWRBAND}, {"EPOLLMSG", EPOLLMSG},     {"EPOLL_CLOEXEC", EPOLL_CLOEXEC},
    {"PIPE_BUF", PIPE_BUF},
};

}  // namespace

// Builds the `select` module: readies the poll and epoll types on first import, then the functions, `error`
// (OSError, as in Python 3.3+) and the constants.
ModuleObject* create_select_module(ThreadState& ts) {
  if (begin_native_type(ts, poll_type, "poll", "select", sizeof(PollObject))) {
    poll_type.trace = trace_poll;
    poll_type.new_instance = poll_refuse_new;  // select.poll() makes them
    add_methods(ts, poll_type, kPollMethods);
    finish_native_type(ts, poll_type);
  }
  if (begin_native_type(ts, epoll_type, "epoll", "select", sizeof(EpollObject), kTypeBaseType)) {
    epoll_type.new_instance = epoll_new;
    epoll_type.finalize = finalize_epoll;
    add_methods(ts, epoll_type, kEpollMethods);
    add_native_property(ts, epoll_type, &kEpollClosed, nullptr);
    finish_native_type(ts, epoll_type);
  }
  ModuleObject* m = make_module(ts, "select");
  add_module_functions(ts, m, kSelectFunctions);
  add_module_value(ts, m, "epoll", Value(static_cast<Object*>(&epoll_type)));
  add_module_value(ts, m, "error", Value(static_cast<Object*>(&OSError_type)));
  for (const SelectConstant& c : kConstants) add_module_value(ts, m, c.name, make_int(ts, c.value));
  return m;
}

}  // namespace minipy
