// What the files of the native `_socket` module share: socket.cpp (the socket type and its methods) and
// socket_module.cpp (addresses, name resolution, the module's functions and constants).
#pragma once
#include <sys/socket.h>

#include "vm/runtime.h"

namespace minipy {

// An _socket.socket instance (Lib's socket.socket derives from it, adding __slots__).
struct SocketObject : Object {
  int fd;        // -1 once closed or detached
  int family;
  int type;      // without SOCK_NONBLOCK / SOCK_CLOEXEC, as CPython reports it
  int proto;
  double timeout;  // seconds; negative: None (blocking); 0: non-blocking
};

extern Type socket_type;

// Readies the socket type (first import) and adds it to module `m` as `socket` and `SocketType`.
void define_socket_type(ThreadState& ts, ModuleObject* m);

// The module-wide default timeout for new sockets (setdefaulttimeout): negative means None.
double default_socket_timeout();

// A timeout argument (None, or seconds >= 0) as settimeout/setdefaulttimeout read it: *out negative for None.
[[nodiscard]] bool parse_socket_timeout(ThreadState& ts, Value v, double* out);

// Reads Python address `address` for socket `s`'s family into *out (caller names the method for "bind():"
// prefixes; null: no prefix). Errors have CPython's messages; name lookups raise socket.gaierror.
[[nodiscard]] bool sockaddr_from_python(ThreadState& ts, const SocketObject* s, Value address, const char* caller,
                                        sockaddr_storage* out, socklen_t* len);
// The Python form of socket address `addr` (a str or bytes for AF_UNIX, (host, port) for AF_INET, a 4-tuple
// for AF_INET6); None for an empty address.
Value sockaddr_to_python(ThreadState& ts, const sockaddr* addr, socklen_t len);

// Raises socket.gaierror for getaddrinfo/getnameinfo error `code` (EAI_SYSTEM: the errno's OSError).
Value raise_gaierror(ThreadState& ts, int code);

}  // namespace minipy
