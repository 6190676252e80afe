// What the files of the native `posix` module share (stdlib/native/posix.cpp, posix_scandir.cpp).
#pragma once
#include <sys/stat.h>

#include <string>

#include "vm/runtime.h"

namespace minipy {

// A path argument: its bytes, and whether it was given as bytes (results then come back as bytes).
struct Path {
  std::string text;
  bool as_bytes = false;
  Value original;  // as the caller gave it, for error messages
};

// Reads path argument `v` (str, bytes, os.PathLike; other bytes-like objects with a DeprecationWarning) of
// function `fn`'s parameter `param` into *out; TypeError/ValueError with CPython's messages otherwise, which also
// name an int descriptor (`allow_fd`: the caller handles ints itself) and None (`nullable`) as accepted.
[[nodiscard]] bool path_arg(ThreadState& ts, const char* fn, const char* param, Value v, Path* out,
                            bool allow_fd = false, bool nullable = false);
// A file name as posix returns it: bytes when the argument was bytes, else str (bytes that are not UTF-8 become
// lone surrogates, os.fsdecode's surrogateescape).
Value path_value(ThreadState& ts, std::string_view s, bool as_bytes);
// os.fsencode of str `s` into *out: its UTF-8, with surrogate-escaped bytes restored; false with
// UnicodeEncodeError pending for other surrogates.
[[nodiscard]] bool fs_encode(ThreadState& ts, StrObject* s, std::string* out);
// An os.stat_result for `st`; `module` is the posix module, whose dict holds the type.
Value stat_to_result(ThreadState& ts, Value module, const struct stat& st);

// Adds scandir() and its DirEntry and ScandirIterator types to posix module `m` (posix_scandir.cpp).
[[nodiscard]] bool add_scandir(ThreadState& ts, ModuleObject* m);

// Adds the process functions (waitpid, the W* macros, pipe, dup, exec, ...) to posix module `m`
// (posix_process.cpp).
void add_process_functions(ThreadState& ts, ModuleObject* m);
// Adds sysconf, confstr, pathconf, fpathconf and their name dicts to posix module `m` (posix_conf.cpp).
[[nodiscard]] bool add_conf_functions(ThreadState& ts, ModuleObject* m);
// Sets or clears descriptor `fd`'s close-on-exec flag; false with errno set on failure.
bool set_fd_inheritable(int fd, bool inheritable);

// Helpers the descriptor-level native modules share (select, fcntl, _socket, _posixsubprocess; defined in
// posix_process.cpp):
// PyObject_AsFileDescriptor: `v` is an int or has a fileno() returning one; never negative.
[[nodiscard]] bool as_file_descriptor(ThreadState& ts, Value v, int* out);
// An int argument as CPython's `int` converters read it: __index__, and a float is refused, not truncated.
[[nodiscard]] bool exact_int_arg(ThreadState& ts, Value v, int64_t* out);
// CLOCK_MONOTONIC in seconds, for the deadlines of interrupted or timed waits.
double monotonic_seconds();

}  // namespace minipy
