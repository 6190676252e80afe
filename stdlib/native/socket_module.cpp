// The module half of the native `_socket` module (CPython's Modules/socketmodule.c): socket addresses in both
// directions, name resolution through the C library (getaddrinfo/getnameinfo: numeric hosts and /etc/hosts
// names such as localhost work offline), the conversion functions, the default timeout, socketpair, and the
// constants Lib's socket.py turns into its AddressFamily/SocketKind/MsgFlag/AddressInfo enums.
// Left out: families other than AF_UNIX/AF_INET/AF_INET6 in addresses (CAN, TIPC, packet, netlink...),
// gethostbyname_ex, getprotobyname, if_* functions, sethostname, and IDNA encoding of
// non-ASCII host names (they are passed as UTF-8).
#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstddef>
#include <array>
#include <cstring>
#include <string>

#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"
#include "stdlib/native/posix.h"
#include "stdlib/native/socket.h"
#include "vm/objects/buffer.h"
#include "vm/objects/bytearray.h"

namespace minipy {

namespace {

using native::parse_args;

// socket.gaierror and socket.herror: OSError subclasses made once per process and registered as collector
// roots; the default timeout is process-wide, as CPython's.
Value gaierror_class, herror_class;  // socket.gaierror / socket.herror (registered roots)
double default_timeout = -1;        // setdefaulttimeout(); negative: None

// A host name argument: str, bytes or bytearray (CPython's idna_converter).
[[nodiscard]] bool host_text(ThreadState& ts, Value v, std::string* out) {
  if (is_str(v)) return *out = std::string(as_str(v)->view()), true;
  if (v.is_object() && (is_subtype(type_of(v), &bytes_type) || is_subtype(type_of(v), &bytearray_type))) {
    std::string_view bytes;
    if (!native::bytes_like(ts, v, &bytes)) return false;
    *out = std::string(bytes);
    return true;
  }
  raise_fmt(ts, TypeError_type, "str, bytes or bytearray expected, not {}", type_name(v));
  return false;
}

// CPython's setipaddr: "" is the any-address, "<broadcast>" the broadcast address, a numeric address is parsed,
// anything else is looked up (socket.gaierror when that fails).
[[nodiscard]] bool resolve_host(ThreadState& ts, const std::string& host, int family, sockaddr_storage* out) {
  if (host.find('\0') != std::string::npos) return raise(ts, TypeError_type, "host name must not contain null character"), false;
  if (host.empty() || host == "<broadcast>" || host == "255.255.255.255") {
    if (family == AF_INET6 && host.empty()) {
      reinterpret_cast<sockaddr_in6*>(out)->sin6_addr = in6addr_any;
      return true;
    }
    if (family == AF_INET) {
      reinterpret_cast<sockaddr_in*>(out)->sin_addr.s_addr = htonl(host.empty() ? INADDR_ANY : INADDR_BROADCAST);
      return true;
    }
  }
  if (family == AF_INET && inet_pton(AF_INET, host.c_str(), &reinterpret_cast<sockaddr_in*>(out)->sin_addr) == 1)
    return true;
  if (family == AF_INET6 && inet_pton(AF_INET6, host.c_str(), &reinterpret_cast<sockaddr_in6*>(out)->sin6_addr) == 1)
    return true;
  addrinfo hints{};
  hints.ai_family = family;
  addrinfo* found = nullptr;
  int rc = getaddrinfo(host.c_str(), nullptr, &hints, &found);
  if (rc != 0) return raise_gaierror(ts, rc), false;
  if (family == AF_INET)
    reinterpret_cast<sockaddr_in*>(out)->sin_addr = reinterpret_cast<sockaddr_in*>(found->ai_addr)->sin_addr;
  else
    reinterpret_cast<sockaddr_in6*>(out)->sin6_addr = reinterpret_cast<sockaddr_in6*>(found->ai_addr)->sin6_addr;
  freeaddrinfo(found);
  return true;
}

// CPython prefixes some address errors with the method: "bind(): port must be 0-65535." (connect's arity error
// has no prefix: it comes from a tuple parser).
std::string prefixed(const char* caller, std::string_view message) {
  return caller ? fmt::format("{}(): {}", caller, message) : std::string(message);
}

}  // namespace

Value raise_gaierror(ThreadState& ts, int code) {
  if (code == EAI_SYSTEM) return raise_os_error(ts, errno);
  Value args[2] = {make_int(ts, code), Value(make_str(ts, gai_strerror(code)))};
  Value exc = new_exception(ts, as_type(gaierror_class), args);
  if (!exc) return Value();
  return raise_value(ts, exc);
}

// The default for sockets made from now on (setdefaulttimeout); existing sockets keep theirs.
double default_socket_timeout() { return default_timeout; }

bool sockaddr_from_python(ThreadState& ts, const SocketObject* s, Value address, const char* caller,
                          sockaddr_storage* out, socklen_t* len) {
  std::memset(out, 0, sizeof *out);
  // AF_UNIX: a str path (UTF-8) or any bytes-like path; a leading NUL byte names Linux's abstract namespace.
  if (s->family == AF_UNIX) {
    std::string path;
    if (is_str(address)) {
      path = std::string(as_str(address)->view());
    } else {
      std::string_view bytes;
      if (!native::bytes_like(ts, address, &bytes)) return false;
      path = std::string(bytes);
    }
    auto* un = reinterpret_cast<sockaddr_un*>(out);
    if (path.size() > sizeof un->sun_path) return raise(ts, OSError_type, "AF_UNIX path too long"), false;
    un->sun_family = AF_UNIX;
    std::memcpy(un->sun_path, path.data(), path.size());
    *len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + path.size());
    return true;
  }
  if (s->family != AF_INET && s->family != AF_INET6)
    return raise(ts, OSError_type, prefixed(caller, "bad family")), false;
  // AF_INET: (host, port); AF_INET6: (host, port[, flowinfo[, scope_id]]). The host is resolved first, as
  // CPython does, so a bad name reports gaierror before a bad port.
  bool v6 = s->family == AF_INET6;
  if (!is_tuple(address))
    return raise_fmt(ts, TypeError_type, "{}", prefixed(caller, fmt::format("{} address must be tuple, not {}",
                                                                            v6 ? "AF_INET6" : "AF_INET",
                                                                            type_name(address)))),
           false;
  auto* t = static_cast<TupleObject*>(address.as_object());
  if (v6 ? (t->size < 2 || t->size > 4) : t->size != 2)
    return raise(ts, TypeError_type, v6 ? "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])"
                                        : "AF_INET address must be a pair (host, port)"),
           false;
  std::string host;
  int64_t port;
  if (!host_text(ts, t->items[0], &host) || !exact_int_arg(ts, t->items[1], &port)) return false;
  int64_t flowinfo = 0, scope_id = 0;
  if (t->size > 2 && !exact_int_arg(ts, t->items[2], &flowinfo)) return false;
  if (t->size > 3 && !exact_int_arg(ts, t->items[3], &scope_id)) return false;
  if (!resolve_host(ts, host, s->family, out)) return false;
  if (port < 0 || port > 0xffff) return raise(ts, OverflowError_type, prefixed(caller, "port must be 0-65535.")), false;
  if (v6) {
    if (flowinfo < 0 || flowinfo > 0xfffff)
      return raise(ts, OverflowError_type, prefixed(caller, "flowinfo must be 0-1048575.")), false;
    auto* in6 = reinterpret_cast<sockaddr_in6*>(out);
    in6->sin6_family = AF_INET6;
    in6->sin6_port = htons(static_cast<uint16_t>(port));
    in6->sin6_flowinfo = htonl(static_cast<uint32_t>(flowinfo));
    in6->sin6_scope_id = static_cast<uint32_t>(scope_id);
    *len = sizeof(sockaddr_in6);
  } else {
    auto* in = reinterpret_cast<sockaddr_in*>(out);
    in->sin_family = AF_INET;
    in->sin_port = htons(static_cast<uint16_t>(port));
    *len = sizeof(sockaddr_in);
  }
  return true;
}

Value sockaddr_to_python(ThreadState& ts, const sockaddr* addr, socklen_t len) {
  if (len == 0) return None();
  char text[INET6_ADDRSTRLEN];
  switch (addr->sa_family) {
    case AF_UNIX: {
      auto* un = reinterpret_cast<const sockaddr_un*>(addr);
      size_t offset = offsetof(sockaddr_un, sun_path);
      if (len > offset && un->sun_path[0] == '\0')  // Linux's abstract namespace: the bytes as they are
        return make_bytes(ts, std::string_view(un->sun_path, len - offset));
      std::string_view path(un->sun_path, strnlen(un->sun_path, len > offset ? len - offset : 0));
      return utf8_valid(path) ? Value(make_str(ts, path)) : make_bytes(ts, path);
    }
    case AF_INET: {
      auto* in = reinterpret_cast<const sockaddr_in*>(addr);
      inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
      Value r[2] = {Value(make_str(ts, text)), make_int(ts, ntohs(in->sin_port))};
      return Value(make_tuple(ts, r));
    }
    case AF_INET6: {
      auto* in6 = reinterpret_cast<const sockaddr_in6*>(addr);
      inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text);
      Value r[4] = {Value(make_str(ts, text)), make_int(ts, ntohs(in6->sin6_port)),
                    make_int(ts, ntohl(in6->sin6_flowinfo)), make_int(ts, in6->sin6_scope_id)};
      return Value(make_tuple(ts, r));
    }
    default: {
      Value r[2] = {make_int(ts, addr->sa_family), make_bytes(ts, std::string_view(addr->sa_data, sizeof addr->sa_data))};
      return Value(make_tuple(ts, r));
    }
  }
}

namespace {

#define SOCKMOD_FN(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

// socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0) -> (socket, socket)
SOCKMOD_FN(sm_socketpair) {
  (void)self;
  if (!no_keywords(ts, "socketpair", kwnames) || !check_arg_count(ts, "socketpair", args.size(), 0, 3)) return Value();
  int64_t a[3] = {AF_UNIX, SOCK_STREAM, 0};
  for (size_t i = 0; i < args.size(); i++)
    if (!exact_int_arg(ts, args[i], &a[i])) return Value();
  int fds[2];
  if (::socketpair(static_cast<int>(a[0]), static_cast<int>(a[1]) | SOCK_CLOEXEC, static_cast<int>(a[2]), fds) != 0)
    return raise_os_error(ts, errno);
  Value pair[2];
  for (int i = 0; i < 2; i++) {
    Value init[4] = {make_int(ts, a[0]), make_int(ts, a[1]), make_int(ts, a[2]), make_int(ts, fds[i])};
    pair[i] = call(ts, Value(static_cast<Object*>(&socket_type)), init);
    if (!pair[i]) {
      ::close(fds[i]);
      if (i == 0) ::close(fds[1]);
      return Value();
    }
  }
  return Value(make_tuple(ts, pair));
}

// getaddrinfo(host, port, family=0, type=0, proto=0, flags=0) -> [(family, type, proto, canonname, sockaddr)]
SOCKMOD_FN(sm_getaddrinfo) {
  (void)self;
  Value given[6];
  if (!parse_args(ts, "getaddrinfo", args, kwnames, {"host", "port", "family", "type", "proto", "flags"}, 2, 0, given))
    return Value();
  std::string host, port;
  bool has_host = !is_none(given[0]), has_port = !is_none(given[1]);
  if (has_host && !host_text(ts, given[0], &host)) return Value();
  if (is_int(given[1])) {
    int64_t p;
    if (!index_to_int64(ts, given[1], &p)) return Value();
    port = std::to_string(p);
  } else if (is_str(given[1])) {
    port = std::string(as_str(given[1])->view());
  } else if (given[1].is_object() && type_of(given[1]) == &bytes_type) {
    port = std::string(static_cast<BytesObject*>(given[1].as_object())->view());
  } else if (has_port) {
    return raise(ts, OSError_type, "Int or String expected");
  }
  int64_t numbers[4] = {0, 0, 0, 0};
  for (int i = 0; i < 4; i++)
    if (given[2 + i] && !exact_int_arg(ts, given[2 + i], &numbers[i])) return Value();
  addrinfo hints{};
  hints.ai_family = static_cast<int>(numbers[0]);
  hints.ai_socktype = static_cast<int>(numbers[1]);
  hints.ai_protocol = static_cast<int>(numbers[2]);
  hints.ai_flags = static_cast<int>(numbers[3]);
  // The C library does the work (and its errors become gaierror): numeric hosts and /etc/hosts names need no
  // network.
  addrinfo* found = nullptr;
  int rc = getaddrinfo(has_host ? host.c_str() : nullptr, has_port ? port.c_str() : nullptr, &hints, &found);
  if (rc != 0) return raise_gaierror(ts, rc);
  ListObject* result = make_list(ts, 0);
  for (addrinfo* ai = found; ai; ai = ai->ai_next) {
    Value address = sockaddr_to_python(ts, ai->ai_addr, ai->ai_addrlen);
    if (!address) break;
    Value row[5] = {make_int(ts, ai->ai_family), make_int(ts, ai->ai_socktype), make_int(ts, ai->ai_protocol),
                    Value(make_str(ts, ai->ai_canonname ? ai->ai_canonname : "")), address};
    if (!list_append(ts, result, Value(make_tuple(ts, row)))) break;
  }
  freeaddrinfo(found);
  return ts.current_exception ? Value() : Value(result);
}

// getnameinfo(sockaddr, flags) -> (host, port)
SOCKMOD_FN(sm_getnameinfo) {
  (void)self;
  if (!no_keywords(ts, "getnameinfo", kwnames) || !check_arg_count(ts, "getnameinfo", args.size(), 2, 2)) return Value();
  if (!is_tuple(args[0])) return raise(ts, TypeError_type, "getnameinfo() argument 1 must be a tuple");
  int64_t flags;
  if (!exact_int_arg(ts, args[1], &flags)) return Value();
  auto* t = static_cast<TupleObject*>(args[0].as_object());
  if (t->size < 2 || t->size > 4) return raise(ts, TypeError_type, "getnameinfo(): illegal sockaddr argument");
  std::string host;
  int64_t port, flowinfo = 0, scope_id = 0;
  if (!host_text(ts, t->items[0], &host) || !exact_int_arg(ts, t->items[1], &port) ||
      (t->size > 2 && !exact_int_arg(ts, t->items[2], &flowinfo)) || (t->size > 3 && !exact_int_arg(ts, t->items[3], &scope_id)))
    return Value();
  if (flowinfo < 0 || flowinfo > 0xfffff) return raise(ts, OverflowError_type, "getnameinfo(): flowinfo must be 0-1048575.");
  addrinfo hints{};
  hints.ai_socktype = SOCK_DGRAM;
  hints.ai_flags = AI_NUMERICHOST;
  addrinfo* found = nullptr;
  std::string port_text = std::to_string(port);
  int rc = getaddrinfo(host.c_str(), port_text.c_str(), &hints, &found);
  if (rc != 0) return raise_gaierror(ts, rc);
  if (found->ai_next) {
    freeaddrinfo(found);
    return raise(ts, OSError_type, "sockaddr resolved to multiple addresses");
  }
  sockaddr_storage addr{};
  std::memcpy(&addr, found->ai_addr, found->ai_addrlen);
  socklen_t len = found->ai_addrlen;
  freeaddrinfo(found);
  if (addr.ss_family == AF_INET6) {
    auto* in6 = reinterpret_cast<sockaddr_in6*>(&addr);
    in6->sin6_flowinfo = htonl(static_cast<uint32_t>(flowinfo));
    in6->sin6_scope_id = static_cast<uint32_t>(scope_id);
  } else if (t->size != 2) {
    return raise(ts, OSError_type, "IPv4 sockaddr must be 2 tuple");
  }
  char host_out[NI_MAXHOST], serv_out[NI_MAXSERV];
  rc = getnameinfo(reinterpret_cast<sockaddr*>(&addr), len, host_out, sizeof host_out, serv_out, sizeof serv_out,
                   static_cast<int>(flags));
  if (rc != 0) return raise_gaierror(ts, rc);
  Value r[2] = {Value(make_str(ts, host_out)), Value(make_str(ts, serv_out))};
  return Value(make_tuple(ts, r));
}

// gethostname() -> this machine's name (uname's nodename).
SOCKMOD_FN(sm_gethostname) {
  (void)self;
  if (!native::no_args(ts, "gethostname", args, kwnames)) return Value();
  char name[HOST_NAME_MAX + 1] = {};
  if (::gethostname(name, sizeof name - 1) != 0) return raise_os_error(ts, errno);
  return Value(make_str(ts, name));
}

// gethostbyname(host) -> the IPv4 address as text.
SOCKMOD_FN(sm_gethostbyname) {
  (void)self;
  if (!native::one_arg(ts, "gethostbyname", args, kwnames)) return Value();
  std::string host;
  if (!host_text(ts, args[0], &host)) return Value();
  sockaddr_storage addr{};
  if (!resolve_host(ts, host, AF_INET, &addr)) return Value();
  char text[INET_ADDRSTRLEN];
  inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(&addr)->sin_addr, text, sizeof text);
  return Value(make_str(ts, text));
}

// gethostbyaddr(ip_or_name) -> (hostname, aliases, addresses), through getaddrinfo and getnameinfo.
SOCKMOD_FN(sm_gethostbyaddr) {
  (void)self;
  if (!native::one_arg(ts, "gethostbyaddr", args, kwnames)) return Value();
  std::string host;
  if (!host_text(ts, args[0], &host)) return Value();
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  int rc = getaddrinfo(host.c_str(), nullptr, &hints, &found);
  if (rc != 0) return raise_gaierror(ts, rc);
  char name[NI_MAXHOST];
  char text[INET6_ADDRSTRLEN];
  rc = getnameinfo(found->ai_addr, found->ai_addrlen, name, sizeof name, nullptr, 0, NI_NAMEREQD);
  const void* raw = found->ai_family == AF_INET
                        ? static_cast<const void*>(&reinterpret_cast<sockaddr_in*>(found->ai_addr)->sin_addr)
                        : static_cast<const void*>(&reinterpret_cast<sockaddr_in6*>(found->ai_addr)->sin6_addr);
  inet_ntop(found->ai_family, raw, text, sizeof text);
  freeaddrinfo(found);
  if (rc != 0) return raise_value(ts, new_exception(ts, as_type(herror_class), std::array<Value, 2>{
                                                        make_int(ts, 1), Value(make_str(ts, "Unknown host"))}));
  Value address = Value(make_str(ts, text));
  Value r[3] = {Value(make_str(ts, name)), Value(make_list(ts, 0)), Value(make_list(ts, std::span<const Value>(&address, 1)))};
  return Value(make_tuple(ts, r));
}

// getservbyname(servicename[, protocolname]) -> port; getservbyport(port[, protocolname]) -> name.
SOCKMOD_FN(sm_getservbyname) {
  (void)self;
  if (!no_keywords(ts, "getservbyname", kwnames) || !check_arg_count(ts, "getservbyname", args.size(), 1, 2)) return Value();
  for (Value a : args)
    if (!is_str(a)) return raise_fmt(ts, TypeError_type, "getservbyname() argument must be str, not {}", type_name(a));
  std::string name(as_str(args[0])->view()), proto(args.size() > 1 ? as_str(args[1])->view() : "");
  servent* entry = getservbyname(name.c_str(), args.size() > 1 ? proto.c_str() : nullptr);
  if (!entry) return raise(ts, OSError_type, "service/proto not found");
  return make_int(ts, ntohs(static_cast<uint16_t>(entry->s_port)));
}
SOCKMOD_FN(sm_getservbyport) {
  (void)self;
  if (!no_keywords(ts, "getservbyport", kwnames) || !check_arg_count(ts, "getservbyport", args.size(), 1, 2)) return Value();
  int64_t port;
  if (!exact_int_arg(ts, args[0], &port)) return Value();
  if (port < 0 || port > 0xffff) return raise(ts, OverflowError_type, "getservbyport: port must be 0-65535.");
  if (args.size() > 1 && !is_str(args[1]))
    return raise_fmt(ts, TypeError_type, "getservbyport() argument 2 must be str, not {}", type_name(args[1]));
  std::string proto(args.size() > 1 ? as_str(args[1])->view() : "");
  servent* entry = getservbyport(htons(static_cast<uint16_t>(port)), args.size() > 1 ? proto.c_str() : nullptr);
  if (!entry) return raise(ts, OSError_type, "port/proto not found");
  return Value(make_str(ts, entry->s_name));
}

// inet_aton(text) -> 4 packed bytes; accepts the short forms inet_aton(3) does ("1.2.3", "127.1").
SOCKMOD_FN(sm_inet_aton) {
  (void)self;
  if (!native::one_arg(ts, "inet_aton", args, kwnames)) return Value();
  if (!is_str(args[0])) return raise_fmt(ts, TypeError_type, "inet_aton() argument 1 must be str, not {}", type_name(args[0]));
  in_addr a;
  std::string text(as_str(args[0])->view());
  if (inet_aton(text.c_str(), &a) == 0) return raise(ts, OSError_type, "illegal IP address string passed to inet_aton");
  return make_bytes(ts, std::string_view(reinterpret_cast<char*>(&a), 4));
}

// inet_ntoa(packed4) -> dotted-quad text.
SOCKMOD_FN(sm_inet_ntoa) {
  (void)self;
  if (!native::one_arg(ts, "inet_ntoa", args, kwnames)) return Value();
  std::string_view packed;
  if (!native::bytes_like(ts, args[0], &packed)) return Value();
  if (packed.size() != 4) return raise(ts, OSError_type, "packed IP wrong length for inet_ntoa");
  char text[INET_ADDRSTRLEN];
  inet_ntop(AF_INET, packed.data(), text, sizeof text);
  return Value(make_str(ts, text));
}

// inet_pton(family, text) and inet_ntop(family, packed): AF_INET or AF_INET6 only.
SOCKMOD_FN(sm_inet_pton) {
  (void)self;
  if (!no_keywords(ts, "inet_pton", kwnames) || !check_arg_count(ts, "inet_pton", args.size(), 2, 2)) return Value();
  int64_t family;
  if (!exact_int_arg(ts, args[0], &family)) return Value();
  if (!is_str(args[1])) return raise_fmt(ts, TypeError_type, "inet_pton() argument 2 must be str, not {}", type_name(args[1]));
  unsigned char packed[sizeof(in6_addr)];
  std::string text(as_str(args[1])->view());
  int rc = inet_pton(static_cast<int>(family), text.c_str(), packed);
  if (rc < 0) return raise_os_error(ts, errno);
  if (rc == 0) return raise(ts, OSError_type, "illegal IP address string passed to inet_pton");
  return make_bytes(ts, std::string_view(reinterpret_cast<char*>(packed), family == AF_INET ? 4 : 16));
}

SOCKMOD_FN(sm_inet_ntop) {
  (void)self;
  if (!no_keywords(ts, "inet_ntop", kwnames) || !check_arg_count(ts, "inet_ntop", args.size(), 2, 2)) return Value();
  int64_t family;
  std::string_view packed;
  if (!exact_int_arg(ts, args[0], &family) || !native::bytes_like(ts, args[1], &packed)) return Value();
  if (family == AF_INET && packed.size() != 4)
    return raise(ts, ValueError_type, "invalid length of packed IP address string");
  if (family == AF_INET6 && packed.size() != 16)
    return raise(ts, ValueError_type, "invalid length of packed IP address string");
  if (family != AF_INET && family != AF_INET6) return raise_fmt(ts, ValueError_type, "unknown address family {}", family);
  char text[INET6_ADDRSTRLEN];
  if (!inet_ntop(static_cast<int>(family), packed.data(), text, sizeof text)) return raise_os_error(ts, errno);
  return Value(make_str(ts, text));
}

// htons/ntohs (16 bits) and htonl/ntohl (32 bits); the byte swaps are their own inverses.
Value byte_order(ThreadState& ts, std::span<const Value> args, TupleObject* kwnames, const char* name, bool wide) {
  if (!native::one_arg(ts, name, args, kwnames)) return Value();
  if (!is_int(args[0])) return raise_fmt(ts, TypeError_type, "expected int, {} found", type_name(args[0]));
  int64_t v;
  bool fits = int_to_int64(args[0], &v);
  if (wide) {
    if (fits && v < 0) return raise(ts, OverflowError_type, "can't convert negative value to unsigned int");
    if (!fits || v > UINT32_MAX) return raise(ts, OverflowError_type, "int larger than 32 bits");
    return make_int(ts, htonl(static_cast<uint32_t>(v)));
  }
  if (fits && v < 0)
    return raise_fmt(ts, OverflowError_type, "{}: can't convert negative Python int to C 16-bit unsigned integer", name);
  if (!fits || v > 0xffff)
    return raise_fmt(ts, OverflowError_type, "{}: Python int too large to convert to C 16-bit unsigned integer", name);
  return make_int(ts, htons(static_cast<uint16_t>(v)));
}
SOCKMOD_FN(sm_htons) { return (void)self, byte_order(ts, args, kwnames, "htons", false); }
SOCKMOD_FN(sm_ntohs) { return (void)self, byte_order(ts, args, kwnames, "ntohs", false); }
SOCKMOD_FN(sm_htonl) { return (void)self, byte_order(ts, args, kwnames, "htonl", true); }
SOCKMOD_FN(sm_ntohl) { return (void)self, byte_order(ts, args, kwnames, "ntohl", true); }

// getdefaulttimeout() -> None or seconds; setdefaulttimeout(None | seconds >= 0).
SOCKMOD_FN(sm_getdefaulttimeout) {
  (void)self;
  if (!native::no_args(ts, "getdefaulttimeout", args, kwnames)) return Value();
  return default_timeout < 0 ? None() : make_float(ts, default_timeout);
}
SOCKMOD_FN(sm_setdefaulttimeout) {
  (void)self;
  if (!native::one_arg(ts, "setdefaulttimeout", args, kwnames)) return Value();
  double t;
  if (!parse_socket_timeout(ts, args[0], &t)) return Value();
  default_timeout = t;
  return None();
}

// dup(fd): a non-inheritable duplicate; close(fd): closes a socket descriptor (ECONNRESET is no error).
SOCKMOD_FN(sm_dup) {
  (void)self;
  int64_t fd;
  if (!native::one_arg(ts, "dup", args, kwnames) || !exact_int_arg(ts, args[0], &fd)) return Value();
  int copy = ::fcntl(static_cast<int>(fd), F_DUPFD_CLOEXEC, 0);
  if (copy < 0) return raise_os_error(ts, errno);
  return make_int(ts, copy);
}
SOCKMOD_FN(sm_close) {
  (void)self;
  int64_t fd;
  if (!native::one_arg(ts, "close", args, kwnames) || !exact_int_arg(ts, args[0], &fd)) return Value();
  if (::close(static_cast<int>(fd)) != 0 && errno != ECONNRESET) return raise_os_error(ts, errno);
  return None();
}

// CMSG_LEN(length) / CMSG_SPACE(length): ancillary data sizes (for Lib's send_fds/recv_fds helpers); the
// result must fit in CPython's socklen_t limit (INT_MAX).
Value cmsg_size(ThreadState& ts, std::span<const Value> args, TupleObject* kwnames, const char* name, bool space) {
  int64_t length;
  if (!native::one_arg(ts, name, args, kwnames) || !exact_int_arg(ts, args[0], &length)) {
    if (ts.current_exception && exception_matches(ts.current_exception, &OverflowError_type)) {
      ts.current_exception = Value();
      return raise_fmt(ts, OverflowError_type, "{}() argument out of range", name);
    }
    return Value();
  }
  int64_t limit = space ? INT_MAX - static_cast<int64_t>(CMSG_SPACE(1)) : INT_MAX - static_cast<int64_t>(CMSG_LEN(0));
  if (length < 0 || length > limit) return raise_fmt(ts, OverflowError_type, "{}() argument out of range", name);
  return make_int(ts, space ? CMSG_SPACE(static_cast<size_t>(length)) : CMSG_LEN(static_cast<size_t>(length)));
}
SOCKMOD_FN(sm_cmsg_len) { return (void)self, cmsg_size(ts, args, kwnames, "CMSG_LEN", false); }
SOCKMOD_FN(sm_cmsg_space) { return (void)self, cmsg_size(ts, args, kwnames, "CMSG_SPACE", true); }

#undef SOCKMOD_FN

const MethodDef kSocketFunctions[] = {
    {"socketpair", sm_socketpair},     {"getaddrinfo", sm_getaddrinfo},   {"getnameinfo", sm_getnameinfo},
    {"gethostname", sm_gethostname},   {"gethostbyname", sm_gethostbyname}, {"inet_aton", sm_inet_aton},
    {"inet_ntoa", sm_inet_ntoa},       {"inet_pton", sm_inet_pton},       {"inet_ntop", sm_inet_ntop},
    {"htons", sm_htons},               {"ntohs", sm_ntohs},               {"htonl", sm_htonl},
    {"ntohl", sm_ntohl},               {"getdefaulttimeout", sm_getdefaulttimeout},
    {"setdefaulttimeout", sm_setdefaulttimeout}, {"dup", sm_dup},          {"close", sm_close},
    {"gethostbyaddr", sm_gethostbyaddr}, {"getservbyname", sm_getservbyname}, {"getservbyport", sm_getservbyport},
    {"CMSG_LEN", sm_cmsg_len},         {"CMSG_SPACE", sm_cmsg_space},
};

struct SocketConstant {
  const char* name;
  int64_t value;
};
#define C(name) {#name, name}
// The Linux constants CPython 3.11 defines that Lib's socket.py and asyncio read (its AF_/SOCK_/MSG_/AI_
// prefixes become enums), minus the CAN/TIPC/J1939/ALG/VSOCK/netlink families minipy has no addresses for.
const SocketConstant kConstants[] = {
    C(AF_UNSPEC), C(AF_UNIX), C(AF_INET), C(AF_INET6), C(AF_APPLETALK), C(AF_ASH), C(AF_ATMPVC), C(AF_ATMSVC),
    C(AF_AX25), C(AF_BRIDGE), C(AF_CAN), C(AF_ECONET), C(AF_IPX), C(AF_IRDA), C(AF_KEY), C(AF_LLC),
    C(AF_NETBEUI), C(AF_NETLINK), C(AF_NETROM), C(AF_PACKET), C(AF_PPPOX), C(AF_RDS), C(AF_ROSE),
    C(AF_ROUTE), C(AF_SECURITY), C(AF_SNA), C(AF_TIPC), C(AF_WANPIPE), C(AF_X25), C(AF_ALG), C(AF_VSOCK),
    C(AF_QIPCRTR),
    C(SOCK_STREAM), C(SOCK_DGRAM), C(SOCK_RAW), C(SOCK_RDM), C(SOCK_SEQPACKET), C(SOCK_CLOEXEC),
    C(SOCK_NONBLOCK),
    C(MSG_OOB), C(MSG_PEEK), C(MSG_DONTROUTE), C(MSG_DONTWAIT), C(MSG_EOR), C(MSG_TRUNC), C(MSG_CTRUNC),
    C(MSG_WAITALL), C(MSG_NOSIGNAL), C(MSG_CMSG_CLOEXEC), C(MSG_CONFIRM), C(MSG_ERRQUEUE), C(MSG_FASTOPEN),
    C(MSG_MORE),
    C(AI_PASSIVE), C(AI_CANONNAME), C(AI_NUMERICHOST), C(AI_NUMERICSERV), C(AI_V4MAPPED), C(AI_ALL),
    C(AI_ADDRCONFIG),
    C(NI_NUMERICHOST), C(NI_NUMERICSERV), C(NI_NOFQDN), C(NI_NAMEREQD), C(NI_DGRAM), C(NI_MAXHOST),
    C(NI_MAXSERV),
    C(EAI_ADDRFAMILY), C(EAI_AGAIN), C(EAI_BADFLAGS), C(EAI_FAIL), C(EAI_FAMILY), C(EAI_MEMORY), C(EAI_NODATA),
    C(EAI_NONAME), C(EAI_OVERFLOW), C(EAI_SERVICE), C(EAI_SOCKTYPE), C(EAI_SYSTEM),
    C(SOL_SOCKET), C(SOL_IP), C(SOL_TCP), {"SOL_UDP", IPPROTO_UDP}, C(SOMAXCONN), C(SCM_RIGHTS), C(SCM_CREDENTIALS),
    C(SO_ACCEPTCONN), C(SO_BINDTODEVICE), C(SO_BROADCAST), C(SO_DEBUG), C(SO_DOMAIN), C(SO_DONTROUTE),
    C(SO_ERROR), C(SO_INCOMING_CPU), C(SO_KEEPALIVE), C(SO_LINGER), C(SO_MARK), C(SO_OOBINLINE),
    C(SO_PASSCRED), C(SO_PASSSEC), C(SO_PEERCRED), C(SO_PEERSEC), C(SO_PRIORITY), C(SO_PROTOCOL),
    C(SO_RCVBUF), C(SO_RCVLOWAT), C(SO_RCVTIMEO), C(SO_REUSEADDR), C(SO_REUSEPORT), C(SO_SNDBUF),
    C(SO_SNDLOWAT), C(SO_SNDTIMEO), C(SO_TYPE),
    C(SHUT_RD), C(SHUT_WR), C(SHUT_RDWR),
    C(IPPROTO_IP), C(IPPROTO_ICMP), C(IPPROTO_IGMP), C(IPPROTO_IPIP), C(IPPROTO_TCP), C(IPPROTO_EGP),
    C(IPPROTO_PUP), C(IPPROTO_UDP), C(IPPROTO_IDP), C(IPPROTO_TP), C(IPPROTO_IPV6), C(IPPROTO_ROUTING),
    C(IPPROTO_FRAGMENT), C(IPPROTO_RSVP), C(IPPROTO_GRE), C(IPPROTO_ESP), C(IPPROTO_AH), C(IPPROTO_ICMPV6),
    C(IPPROTO_NONE), C(IPPROTO_DSTOPTS), C(IPPROTO_PIM), C(IPPROTO_SCTP), C(IPPROTO_UDPLITE), C(IPPROTO_RAW),
    C(IPPROTO_HOPOPTS), C(IPPROTO_MPTCP),
    C(IPPORT_RESERVED), C(IPPORT_USERRESERVED),
    C(INADDR_ANY), C(INADDR_BROADCAST), C(INADDR_LOOPBACK), C(INADDR_NONE), C(INADDR_UNSPEC_GROUP),
    C(INADDR_ALLHOSTS_GROUP), C(INADDR_MAX_LOCAL_GROUP),
    C(IP_OPTIONS), C(IP_HDRINCL), C(IP_TOS), C(IP_TTL), C(IP_RECVOPTS), C(IP_RECVRETOPTS), C(IP_RETOPTS),
    C(IP_MULTICAST_IF), C(IP_MULTICAST_TTL), C(IP_MULTICAST_LOOP), C(IP_ADD_MEMBERSHIP), C(IP_DROP_MEMBERSHIP),
    C(IP_DEFAULT_MULTICAST_TTL), C(IP_DEFAULT_MULTICAST_LOOP), C(IP_MAX_MEMBERSHIPS), C(IP_TRANSPARENT),
    C(IP_RECVTOS), C(IP_BIND_ADDRESS_NO_PORT),
    C(IPV6_JOIN_GROUP), C(IPV6_LEAVE_GROUP), C(IPV6_MULTICAST_HOPS), C(IPV6_MULTICAST_IF),
    C(IPV6_MULTICAST_LOOP), C(IPV6_UNICAST_HOPS), C(IPV6_V6ONLY), C(IPV6_CHECKSUM), C(IPV6_DONTFRAG),
    C(IPV6_DSTOPTS), C(IPV6_HOPLIMIT), C(IPV6_HOPOPTS), C(IPV6_NEXTHOP), C(IPV6_PATHMTU), C(IPV6_PKTINFO),
    C(IPV6_RECVDSTOPTS), C(IPV6_RECVHOPLIMIT), C(IPV6_RECVHOPOPTS), C(IPV6_RECVPKTINFO), C(IPV6_RECVRTHDR),
    C(IPV6_RECVTCLASS), C(IPV6_RTHDR), C(IPV6_RTHDRDSTOPTS), C(IPV6_RTHDR_TYPE_0), C(IPV6_RECVPATHMTU),
    C(IPV6_TCLASS),
    C(TCP_NODELAY), C(TCP_MAXSEG), C(TCP_CORK), C(TCP_KEEPIDLE), C(TCP_KEEPINTVL), C(TCP_KEEPCNT),
    C(TCP_SYNCNT), C(TCP_LINGER2), C(TCP_DEFER_ACCEPT), C(TCP_WINDOW_CLAMP), C(TCP_INFO), C(TCP_QUICKACK),
    C(TCP_FASTOPEN), C(TCP_CONGESTION), C(TCP_USER_TIMEOUT), C(TCP_NOTSENT_LOWAT),
};
#undef C

}  // namespace

// Builds `_socket`: the socket type, the functions, the exception classes (`timeout` is TimeoutError and
// `error` is OSError, as in 3.10+), has_ipv6 and the constants.
ModuleObject* create_socket_module(ThreadState& ts) {
  if (!gaierror_class) {
    gaierror_class = native::new_exception_class(ts, "socket", "gaierror", &OSError_type);
    if (!gaierror_class) return nullptr;
    register_root(ts, &gaierror_class);
    herror_class = native::new_exception_class(ts, "socket", "herror", &OSError_type);
    if (!herror_class) return nullptr;
    register_root(ts, &herror_class);
  }
  ModuleObject* m = make_module(ts, "_socket");
  define_socket_type(ts, m);
  add_module_functions(ts, m, kSocketFunctions);
  add_module_value(ts, m, "error", Value(static_cast<Object*>(&OSError_type)));
  add_module_value(ts, m, "timeout", Value(static_cast<Object*>(&TimeoutError_type)));
  add_module_value(ts, m, "gaierror", gaierror_class);
  add_module_value(ts, m, "herror", herror_class);
  add_module_value(ts, m, "has_ipv6", True());
  for (const SocketConstant& c : kConstants) add_module_value(ts, m, c.name, make_int(ts, c.value));
  return m;
}

}  // namespace minipy
