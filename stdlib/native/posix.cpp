// The native `posix` module (what Lib's os.py imports on Linux): files, directories, descriptors, the process's
// environment and identity. Paths are str, bytes or os.PathLike; bytes in give bytes out (listdir, getcwdb,
// readlink), as CPython. Left out: the dir_fd / follow_symlinks=False variants (_have_functions is empty, so
// os.supports_dir_fd is too), posix_spawn (posix_process.cpp has fork, wait*, exec*, pipes), scheduling,
// extended attributes, file-system encodings other than UTF-8 (names that are not UTF-8 are surrogate-escaped,
// as CPython's os.fsdecode does with its default UTF-8).
#include <dirent.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstring>
#include <thread>

#include "stdlib/native/_warnings.h"
#include "stdlib/native/native_support.h"
#include "stdlib/native/posix.h"
#include "stdlib/native/signal.h"
#include "stdlib/native/struct_sequence.h"
#include "vm/objects/buffer.h"
#include "vm/objects/codecs.h"

extern char** environ;

namespace minipy {

namespace {

#define POSIX_FN(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

// The struct-sequence types this module makes live in its dict; functions find them through `self` (the module).
Value posix_module_type(ThreadState& ts, Value module, const char* name) {
  return dict_get_str(static_cast<ModuleObject*>(module.as_object())->dict, intern(ts, name));
}

}  // namespace

// Modules/posixmodule.c's path_converter: str, bytes, an os.PathLike (through its type's __fspath__, never an instance
// attribute), optionally an int descriptor or None; what the C call gets is bytes in the file-system encoding, and
// `as_bytes` remembers whether results must come back as bytes.
bool path_arg(ThreadState& ts, const char* fn, const char* param, Value v, Path* out, bool allow_fd, bool nullable) {
  out->original = v;
  // CPython's path_converter names what it accepts the same way in its TypeError and its DeprecationWarning.
  const char* accepted = allow_fd && nullable ? "string, bytes, os.PathLike, integer or None"
                         : allow_fd           ? "string, bytes, os.PathLike or integer"
                         : nullable           ? "string, bytes, os.PathLike or None"
                                              : "string, bytes or os.PathLike";
  if (!is_str(v) && !(v.is_object() && type_of(v) == &bytes_type) && !(allow_fd && is_int(v))) {
    Value fspath = get_attr_optional(ts, Value(type_of(v)), intern(ts, "__fspath__"));
    if (fspath) {
      v = call(ts, fspath, std::span<const Value>(&out->original, 1));
      if (!v) return false;
      if (!is_str(v) && !(v.is_object() && type_of(v) == &bytes_type)) {
        raise_fmt(ts, TypeError_type, "expected {}.__fspath__() to return str or bytes, not {}",
                  type_of(out->original)->name->view(), type_of(v)->name->view());
        return false;
      }
    } else if (ts.current_exception) {
      return false;
    } else if (has_buffer(v)) {
      // Other bytes-like objects (bytearray, memoryview) still work in 3.11, with a DeprecationWarning.
      std::string_view data;
      if (!warn(ts, DeprecationWarning_type,
                fmt::format("{}: {} should be {}, not {}", fn, param, accepted, type_name(v))) ||
          !native::bytes_like(ts, v, &data))
        return false;
      out->text.assign(data);
      out->as_bytes = true;
      if (out->text.find('\0') != std::string::npos) return raise(ts, ValueError_type, "embedded null byte"), false;
      return true;
    } else {
      raise_fmt(ts, TypeError_type, "{}: {} should be {}, not {}", fn, param, accepted, type_name(out->original));
      return false;
    }
  }
  if (is_str(v)) {
    if (!fs_encode(ts, as_str(v), &out->text)) return false;
  } else if (v.is_object() && type_of(v) == &bytes_type) {
    out->text = std::string(static_cast<BytesObject*>(v.as_object())->view());
    out->as_bytes = true;
  } else {
    raise_fmt(ts, TypeError_type, "{}: {} should be string, bytes or os.PathLike, not {}", fn, param,
              type_name(v));
    return false;
  }
  // A NUL would silently truncate the path at the C boundary, so it is refused as CPython refuses it.
  if (out->text.find('\0') != std::string::npos)
    return raise(ts, ValueError_type, "embedded null byte"), false;
  return true;
}

// A name the OS returned, as the caller's path type: bytes when the argument was bytes, else str decoded the
// way os.fsdecode does.
Value path_value(ThreadState& ts, std::string_view s, bool as_bytes) {
  if (as_bytes) return make_bytes(ts, s);
  if (utf8_valid(s)) return Value(make_str(ts, s));
  // os.fsdecode: each byte that is not part of valid UTF-8 becomes a lone surrogate U+DC80..U+DCFF.
  return decode_bytes(ts, s, "utf-8", "surrogateescape");
}

bool fs_encode(ThreadState& ts, StrObject* s, std::string* out) {
  std::string_view text = s->view();
  if (utf8_valid(text)) {
    out->assign(text);
    return true;
  }
  // A str holding surrogates (minipy keeps them in its UTF-8 as three-byte sequences): U+DC80..U+DCFF go back
  // to the bytes os.fsdecode made them from; any other surrogate is a UnicodeEncodeError, as in CPython.
  Value encoded = encode_str(ts, text, "utf-8", "surrogateescape");
  if (!encoded) return false;
  out->assign(static_cast<BytesObject*>(encoded.as_object())->view());
  return true;
}

namespace {

// Argument `i` by position, else by keyword `name` (null when absent). Index 99 reads keyword-only
// parameters (follow_symlinks, ns).
// A small positional-or-keyword reader for this file's many functions whose CPython signatures are simple enough not to
// need parse_args' full checks.
Value arg(std::span<const Value> args, TupleObject* kwnames, size_t i, std::string_view name, ThreadState& ts) {
  if (i < positional_count(args, kwnames)) return args[i];
  return kwnames ? keyword_arg(ts, args, kwnames, name) : Value();
}


}  // namespace

// os.stat_result in CPython's field order: the ten visible items (st_mode ... st_ctime as integer seconds),
// then the float times, the nanosecond times, st_blksize, st_blocks and st_rdev as named-only fields.
Value stat_to_result(ThreadState& ts, Value module, const struct stat& st) {
  auto ns = [&](const timespec& t) { return make_int(ts, BigInt(t.tv_sec) * BigInt(1000000000) + BigInt(t.tv_nsec)); };
  // st_mtime and friends as floats lose precision below about a microsecond, which is why CPython added the exact
  // st_mtime_ns fields; both are filled from the same timespec.
  auto secs = [](const timespec& t) { return static_cast<double>(t.tv_sec) + t.tv_nsec * 1e-9; };
  Value v[19] = {make_int(ts, st.st_mode),         make_int(ts, static_cast<int64_t>(st.st_ino)),
                 make_int(ts, static_cast<int64_t>(st.st_dev)), make_int(ts, static_cast<int64_t>(st.st_nlink)),
                 make_int(ts, st.st_uid),          make_int(ts, st.st_gid),
                 make_int(ts, st.st_size),         make_int(ts, st.st_atim.tv_sec),
                 make_int(ts, st.st_mtim.tv_sec),  make_int(ts, st.st_ctim.tv_sec),
                 make_float(ts, secs(st.st_atim)), make_float(ts, secs(st.st_mtim)),
                 make_float(ts, secs(st.st_ctim)), ns(st.st_atim),
                 ns(st.st_mtim),                   ns(st.st_ctim),
                 make_int(ts, st.st_blksize),      make_int(ts, st.st_blocks),
                 make_int(ts, static_cast<int64_t>(st.st_rdev))};
  return make_struct_sequence(ts, posix_module_type(ts, module, "stat_result"), v);
}

namespace {

// stat/lstat(path, *, dir_fd=None, follow_symlinks=True): an int path is a descriptor (fstat), as CPython
// allows. Errors carry the path as the OSError's filename.
Value stat_common(ThreadState& ts, Value module, std::span<const Value> args, TupleObject* kwnames, const char* fn, bool follow) {
  Value p = arg(args, kwnames, 0, "path", ts);
  if (!p) return raise_fmt(ts, TypeError_type, "{}() missing required argument 'path' (pos 1)", fn);
  if (Value f = arg(args, kwnames, 99, "follow_symlinks", ts); f && py_truth(ts, f) == 0) follow = false;
  struct stat st;
  if (is_int(p) && !is_str(p)) {
    int64_t fd;
    if (!index_to_int64(ts, p, &fd)) return Value();
    if (fstat(static_cast<int>(fd), &st) != 0) return raise_os_error(ts, errno);
    return stat_to_result(ts, module, st);
  }
  Path path;
  if (!path_arg(ts, fn, "path", p, &path, true)) return Value();
  int rc = follow ? ::stat(path.text.c_str(), &st) : ::lstat(path.text.c_str(), &st);
  if (rc != 0) return raise_os_error(ts, errno, path.original);
  return stat_to_result(ts, module, st);
}

POSIX_FN(px_stat) { return (void)self, stat_common(ts, self, args, kwnames, "stat", true); }
POSIX_FN(px_lstat) { return (void)self, stat_common(ts, self, args, kwnames, "lstat", false); }
POSIX_FN(px_fstat) {
  int64_t fd;
  Value a = arg(args, kwnames, 0, "fd", ts);
  if (!a) return raise(ts, TypeError_type, "fstat() missing required argument 'fd' (pos 1)");
  if (!exact_int_arg(ts, a, &fd)) return Value();
  struct stat st;
  if (fstat(static_cast<int>(fd), &st) != 0) return raise_os_error(ts, errno);
  return stat_to_result(ts, self, st);
}

// One-path operations that return None: fn(path) -> rc.
template <int (*Op)(const char*)>
Value path_op(ThreadState& ts, std::span<const Value> args, TupleObject* kwnames, const char* fn) {
  Value p = arg(args, kwnames, 0, "path", ts);
  if (!p) return raise_fmt(ts, TypeError_type, "{}() missing required argument 'path' (pos 1)", fn);
  Path path;
  if (!path_arg(ts, fn, "path", p, &path)) return Value();
  if (Op(path.text.c_str()) != 0) return raise_os_error(ts, errno, path.original);
  return None();
}
int do_unlink(const char* p) { return ::unlink(p); }
int do_rmdir(const char* p) { return ::rmdir(p); }
int do_chdir(const char* p) { return ::chdir(p); }
POSIX_FN(px_unlink) { return (void)self, path_op<do_unlink>(ts, args, kwnames, "unlink"); }
POSIX_FN(px_remove) { return (void)self, path_op<do_unlink>(ts, args, kwnames, "remove"); }
POSIX_FN(px_rmdir) { return (void)self, path_op<do_rmdir>(ts, args, kwnames, "rmdir"); }
POSIX_FN(px_chdir) { return (void)self, path_op<do_chdir>(ts, args, kwnames, "chdir"); }

// mkdir(path, mode=0o777) and mkfifo(path, mode=0o666): one path and a mode for the call `make`.
template <const char* kName, int (*make)(const char*, mode_t), int64_t kDefaultMode>
POSIX_FN(px_make_node) {
  (void)self;
  Value p = arg(args, kwnames, 0, "path", ts);
  if (!p) return raise_fmt(ts, TypeError_type, "{}() missing required argument 'path' (pos 1)", kName);
  Path path;
  if (!path_arg(ts, kName, "path", p, &path)) return Value();
  int64_t mode = kDefaultMode;
  if (Value m = arg(args, kwnames, 1, "mode", ts); m && !exact_int_arg(ts, m, &mode)) return Value();
  if (make(path.text.c_str(), static_cast<mode_t>(mode)) != 0) return raise_os_error(ts, errno, path.original);
  return None();
}
constexpr char kMkdir[] = "mkdir", kMkfifo[] = "mkfifo";

// Two-path operations (rename, replace, symlink, link): errors name both paths.
Value two_paths(ThreadState& ts, std::span<const Value> args, TupleObject* kwnames, const char* fn,
                const char* first, const char* second, int (*op)(const char*, const char*)) {
  Value a = arg(args, kwnames, 0, first, ts), b = arg(args, kwnames, 1, second, ts);
  if (!a || !b) return raise_fmt(ts, TypeError_type, "{}() missing required argument", fn);
  Path pa, pb;
  if (!path_arg(ts, fn, first, a, &pa) || !path_arg(ts, fn, second, b, &pb)) return Value();
  if (op(pa.text.c_str(), pb.text.c_str()) != 0) return raise_os_error(ts, errno, pa.original, pb.original);
  return None();
}
int do_rename(const char* a, const char* b) { return ::rename(a, b); }
int do_symlink(const char* a, const char* b) { return ::symlink(a, b); }
int do_link(const char* a, const char* b) { return ::link(a, b); }
POSIX_FN(px_rename) { return (void)self, two_paths(ts, args, kwnames, "rename", "src", "dst", do_rename); }
POSIX_FN(px_replace) { return (void)self, two_paths(ts, args, kwnames, "replace", "src", "dst", do_rename); }
POSIX_FN(px_symlink) { return (void)self, two_paths(ts, args, kwnames, "symlink", "src", "dst", do_symlink); }
POSIX_FN(px_link) { return (void)self, two_paths(ts, args, kwnames, "link", "src", "dst", do_link); }

// listdir(path=None): the names in a directory given by path (bytes in, bytes out) or by an open descriptor
// (str names; the descriptor is left open and at the start of the directory, as CPython leaves it).
POSIX_FN(px_listdir) {
  (void)self;
  Value p = arg(args, kwnames, 0, "path", ts);
  Path path;
  path.text = ".";
  DIR* dir = nullptr;
  if (p && is_int(p) && !is_str(p)) {
    int64_t fd;
    if (!exact_int_arg(ts, p, &fd)) return Value();
    // closedir() closes the descriptor it was given: work on a duplicate.
    int copy = ::dup(static_cast<int>(fd));
    if (copy < 0) return raise_os_error(ts, errno);
    dir = fdopendir(copy);
    if (!dir) {
      int err = errno;
      ::close(copy);
      return raise_os_error(ts, err);
    }
    rewinddir(dir);
  } else {
    if (p && !is_none(p) && !path_arg(ts, "listdir", "path", p, &path, true, true)) return Value();
    dir = opendir(path.text.c_str());
    if (!dir) return raise_os_error(ts, errno, p && !is_none(p) ? path.original : Value(make_str(ts, ".")));
  }
  ListObject* names = make_list(ts, 0);
  Value result(names);
  while (dirent* e = readdir(dir)) {
    if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0) continue;
    Value name = path_value(ts, e->d_name, path.as_bytes);
    if (!name || !list_append(ts, names, name)) {
      closedir(dir);
      return Value();
    }
  }
  rewinddir(dir);
  closedir(dir);
  return result;
}

POSIX_FN(px_getcwd) {
  (void)self, (void)args, (void)kwnames;
  char buf[PATH_MAX];
  if (!::getcwd(buf, sizeof buf)) return raise_os_error(ts, errno);
  return path_value(ts, buf, false);
}
POSIX_FN(px_getcwdb) {
  (void)self, (void)args, (void)kwnames;
  char buf[PATH_MAX];
  if (!::getcwd(buf, sizeof buf)) return raise_os_error(ts, errno);
  return make_bytes(ts, buf);
}

// os.open(path, flags, mode=0o777): the descriptor is non-inheritable (O_CLOEXEC, PEP 446) whatever the flags.
POSIX_FN(px_open) {
  (void)self;
  Value p = arg(args, kwnames, 0, "path", ts), f = arg(args, kwnames, 1, "flags", ts);
  if (!p || !f) return raise(ts, TypeError_type, "open() missing required argument");
  Path path;
  int64_t flags, mode = 0777;
  if (!path_arg(ts, "open", "path", p, &path) || !exact_int_arg(ts, f, &flags)) return Value();
  if (Value m = arg(args, kwnames, 2, "mode", ts); m && !exact_int_arg(ts, m, &mode)) return Value();
  int fd;
  // PEP 475: an interrupted call runs the signal handlers (whose exception ends it) before it is retried.
  while ((fd = ::open(path.text.c_str(), static_cast<int>(flags) | O_CLOEXEC, static_cast<mode_t>(mode))) < 0) {
    if (errno != EINTR) return raise_os_error(ts, errno, path.original);
    if (!run_signal_handlers(ts)) return Value();
  }
  return make_int(ts, fd);
}
// A descriptor argument must be an exact int (CPython's _PyLong_AsInt converter refuses floats).
bool fd_arg(ThreadState& ts, std::span<const Value> args, TupleObject* kwnames, const char* fn, int* fd) {
  Value a = arg(args, kwnames, 0, "fd", ts);
  if (!a) return raise_fmt(ts, TypeError_type, "{}() missing required argument 'fd' (pos 1)", fn), false;
  int64_t v;
  if (!exact_int_arg(ts, a, &v)) return false;
  *fd = static_cast<int>(v);
  return true;
}
POSIX_FN(px_close) {
  (void)self;
  int fd;
  if (!fd_arg(ts, args, kwnames, "close", &fd)) return Value();
  if (::close(fd) != 0) return raise_os_error(ts, errno);
  return None();
}
// os.read(fd, n): one read(2), at most n bytes (b'' at end of file); EINTR runs the handlers and retries (PEP 475).
POSIX_FN(px_read) {
  (void)self;
  int fd;
  int64_t n;
  if (!fd_arg(ts, args, kwnames, "read", &fd)) return Value();
  if (args.size() < 2) return raise(ts, TypeError_type, "read expected 2 arguments, got 1");
  if (!exact_int_arg(ts, args[1], &n)) return Value();
  if (n < 0) return raise_os_error(ts, EINVAL);
  std::string buf(static_cast<size_t>(n), '\0');
  ssize_t got;
  while ((got = ::read(fd, buf.data(), buf.size())) < 0) {
    if (errno != EINTR) return raise_os_error(ts, errno);
    if (!run_signal_handlers(ts)) return Value();
  }
  buf.resize(static_cast<size_t>(got));
  return make_bytes(ts, buf);
}
// os.write(fd, data): one write(2), which may be partial; the count written is returned.
POSIX_FN(px_write) {
  (void)self;
  int fd;
  if (!fd_arg(ts, args, kwnames, "write", &fd)) return Value();
  if (args.size() < 2) return raise(ts, TypeError_type, "write expected 2 arguments, got 1");
  std::string_view data;  // any bytes-like object (subprocess writes memoryview slices)
  if (!native::bytes_like(ts, args[1], &data)) return Value();
  ssize_t n;
  while ((n = ::write(fd, data.data(), data.size())) < 0) {
    if (errno != EINTR) return raise_os_error(ts, errno);
    if (!run_signal_handlers(ts)) return Value();
  }
  return make_int(ts, n);
}
POSIX_FN(px_lseek) {
  (void)self;
  int fd;
  int64_t pos, how;
  if (!fd_arg(ts, args, kwnames, "lseek", &fd)) return Value();
  if (args.size() < 3) return raise_fmt(ts, TypeError_type, "lseek expected 3 arguments, got {}", args.size());
  if (!exact_int_arg(ts, args[1], &pos) || !exact_int_arg(ts, args[2], &how)) return Value();
  off_t r = ::lseek(fd, pos, static_cast<int>(how));
  if (r < 0) return raise_os_error(ts, errno);
  return make_int(ts, r);
}
// fsync accepts a descriptor or any object with fileno(), as CPython's fildes converter.
POSIX_FN(px_fsync) {
  (void)self;
  int fd;
  Value a = arg(args, kwnames, 0, "fd", ts);
  if (a && !is_int(a)) {
    Value n = call_method(ts, a, intern(ts, "fileno"), {});
    if (!n) return n;
    a = n;
  }
  if (!a) return raise(ts, TypeError_type, "fsync() missing required argument 'fd' (pos 1)");
  int64_t v;
  if (!exact_int_arg(ts, a, &v)) return Value();
  fd = static_cast<int>(v);
  if (::fsync(fd) != 0) return raise_os_error(ts, errno);
  return None();
}
POSIX_FN(px_isatty) {
  (void)self;
  int fd;
  if (!fd_arg(ts, args, kwnames, "isatty", &fd)) return Value();
  return Bool(::isatty(fd));
}
POSIX_FN(px_ftruncate) {
  (void)self;
  int fd;
  int64_t len;
  if (!fd_arg(ts, args, kwnames, "ftruncate", &fd)) return Value();
  if (args.size() < 2 || !exact_int_arg(ts, args[1], &len)) return ts.current_exception ? Value() : raise(ts, TypeError_type, "ftruncate expected 2 arguments");
  if (::ftruncate(fd, len) != 0) return raise_os_error(ts, errno);
  return None();
}
// truncate(path, length): a path or, as ftruncate, a descriptor.
POSIX_FN(px_truncate) {
  (void)self;
  Value given[2];
  if (!native::parse_args(ts, "truncate", args, kwnames, {"path", "length"}, 2, 0, given)) return Value();
  int64_t length;
  if (is_int(given[0]) && !is_str(given[0])) {
    int64_t fd;
    if (!exact_int_arg(ts, given[0], &fd) || !exact_int_arg(ts, given[1], &length)) return Value();
    if (::ftruncate(static_cast<int>(fd), length) != 0) return raise_os_error(ts, errno);
    return None();
  }
  Path path;
  if (!path_arg(ts, "truncate", "path", given[0], &path, true) || !exact_int_arg(ts, given[1], &length)) return Value();
  if (::truncate(path.text.c_str(), length) != 0) return raise_os_error(ts, errno, path.original);
  return None();
}
// access() answers with a bool and never raises for a missing file (the OS's "no" is False).
POSIX_FN(px_access) {
  (void)self;
  Value p = arg(args, kwnames, 0, "path", ts), m = arg(args, kwnames, 1, "mode", ts);
  if (!p || !m) return raise(ts, TypeError_type, "access() missing required argument");
  Path path;
  int64_t mode;
  if (!path_arg(ts, "access", "path", p, &path) || !exact_int_arg(ts, m, &mode)) return Value();
  return Bool(::access(path.text.c_str(), static_cast<int>(mode)) == 0);
}
POSIX_FN(px_chmod) {
  (void)self;
  Value p = arg(args, kwnames, 0, "path", ts), m = arg(args, kwnames, 1, "mode", ts);
  if (!p || !m) return raise(ts, TypeError_type, "chmod() missing required argument");
  Path path;
  int64_t mode;
  if (!path_arg(ts, "chmod", "path", p, &path) || !exact_int_arg(ts, m, &mode)) return Value();
  if (::chmod(path.text.c_str(), static_cast<mode_t>(mode)) != 0) return raise_os_error(ts, errno, path.original);
  return None();
}
// Sets the mask and returns the previous one (the only way to read it).
POSIX_FN(px_umask) {
  (void)self;
  int64_t mask;
  if (args.size() != 1 || !exact_int_arg(ts, args[0], &mask))
    return ts.current_exception ? Value() : raise(ts, TypeError_type, "umask() takes exactly one argument");
  (void)kwnames;
  return make_int(ts, ::umask(static_cast<mode_t>(mask)));
}
POSIX_FN(px_readlink) {
  (void)self;
  Value p = arg(args, kwnames, 0, "path", ts);
  if (!p) return raise(ts, TypeError_type, "readlink() missing required argument 'path' (pos 1)");
  Path path;
  if (!path_arg(ts, "readlink", "path", p, &path)) return Value();
  char buf[PATH_MAX];
  ssize_t n = ::readlink(path.text.c_str(), buf, sizeof buf);
  if (n < 0) return raise_os_error(ts, errno, path.original);
  return path_value(ts, std::string_view(buf, static_cast<size_t>(n)), path.as_bytes);
}
// utime(path, times=None, *, ns=None): times as (atime, mtime) seconds (floats allowed) or ns as two int
// nanosecond counts; neither means "now". CPython's checks on the two arguments come first.
POSIX_FN(px_utime) {
  (void)self;
  Value p = arg(args, kwnames, 0, "path", ts), times = arg(args, kwnames, 1, "times", ts);
  Value ns = arg(args, kwnames, 99, "ns", ts);
  if (!p) return raise(ts, TypeError_type, "utime() missing required argument 'path' (pos 1)");
  Path path;
  if (!path_arg(ts, "utime", "path", p, &path)) return Value();
  timespec spec[2];
  timespec* use = nullptr;  // null: both times are "now"
  if (times && !is_none(times) && ns)
    return raise(ts, ValueError_type, "utime: you may specify either 'times' or 'ns' but not both");
  if (times && !is_none(times)) {
    if (!is_tuple(times) || static_cast<TupleObject*>(times.as_object())->size != 2)
      return raise(ts, TypeError_type, "utime: 'times' must be either a tuple of two ints or None");
    for (int i = 0; i < 2; i++) {
      double d;
      bool number;
      if ((!to_double(ts, static_cast<TupleObject*>(times.as_object())->items[i], &d, &number) &&
           ts.current_exception) || !number)
        return ts.current_exception ? Value() : raise(ts, TypeError_type, "utime: 'times' must be either a tuple of two ints or None");
      spec[i].tv_sec = static_cast<time_t>(std::floor(d));
      spec[i].tv_nsec = static_cast<long>((d - std::floor(d)) * 1e9);
    }
    use = spec;
  } else if (ns) {
    if (!is_tuple(ns) || static_cast<TupleObject*>(ns.as_object())->size != 2)
      return raise(ts, TypeError_type, "utime: 'ns' must be a tuple of two ints");
    for (int i = 0; i < 2; i++) {
      int64_t v;
      if (!exact_int_arg(ts, static_cast<TupleObject*>(ns.as_object())->items[i], &v)) return Value();
      spec[i].tv_sec = v / 1000000000;
      spec[i].tv_nsec = v % 1000000000;
    }
    use = spec;
  }
  if (utimensat(AT_FDCWD, path.text.c_str(), use, 0) != 0) return raise_os_error(ts, errno, path.original);
  return None();
}

// os.fspath (PEP 519): str and bytes pass through; otherwise type(p).__fspath__(p), which must return str or
// bytes.
POSIX_FN(px_fspath) {
  (void)self;
  Value p = arg(args, kwnames, 0, "path", ts);
  if (!p) return raise(ts, TypeError_type, "fspath() missing required argument 'path' (pos 1)");
  if (is_str(p) || (p.is_object() && is_subtype(type_of(p), &bytes_type))) return p;
  Value fspath = get_attr_optional(ts, Value(type_of(p)), intern(ts, "__fspath__"));
  if (!fspath) {
    if (ts.current_exception) return Value();
    return raise_fmt(ts, TypeError_type, "expected str, bytes or os.PathLike object, not {}", type_name(p));
  }
  Value r = call(ts, fspath, std::span<const Value>(&p, 1));
  if (!r) return r;
  if (!is_str(r) && !(r.is_object() && is_subtype(type_of(r), &bytes_type)))
    return raise_fmt(ts, TypeError_type, "expected {}.__fspath__() to return str or bytes, not {}", type_name(p),
                     type_name(r));
  return r;
}

// getrandom(2) blocks only until the kernel's pool is first initialised, as CPython's os.urandom.
POSIX_FN(px_urandom) {
  (void)self, (void)kwnames;
  int64_t n;
  if (args.size() != 1 || !exact_int_arg(ts, args[0], &n))
    return ts.current_exception ? Value() : raise(ts, TypeError_type, "urandom() takes exactly one argument");
  if (n < 0) return raise(ts, ValueError_type, "negative argument not allowed");
  std::string buf(static_cast<size_t>(n), '\0');
  size_t done = 0;
  while (done < buf.size()) {
    ssize_t got = getrandom(buf.data() + done, buf.size() - done, 0);
    if (got < 0) {
      if (errno != EINTR) return raise_os_error(ts, errno);
      if (!run_signal_handlers(ts)) return Value();
      continue;
    }
    done += static_cast<size_t>(got);
  }
  return make_bytes(ts, buf);
}

POSIX_FN(px_strerror) {
  (void)self, (void)kwnames;
  int64_t code;
  if (args.size() != 1 || !exact_int_arg(ts, args[0], &code))
    return ts.current_exception ? Value() : raise(ts, TypeError_type, "strerror() takes exactly one argument");
  return Value(make_str(ts, std::strerror(static_cast<int>(code))));
}

POSIX_FN(px_getpid) { return (void)self, (void)args, (void)kwnames, make_int(ts, ::getpid()); }
POSIX_FN(px_getppid) { return (void)self, (void)args, (void)kwnames, make_int(ts, ::getppid()); }
POSIX_FN(px_getuid) { return (void)self, (void)args, (void)kwnames, make_int(ts, ::getuid()); }
POSIX_FN(px_geteuid) { return (void)self, (void)args, (void)kwnames, make_int(ts, ::geteuid()); }
POSIX_FN(px_getgid) { return (void)self, (void)args, (void)kwnames, make_int(ts, ::getgid()); }
POSIX_FN(px_getegid) { return (void)self, (void)args, (void)kwnames, make_int(ts, ::getegid()); }
POSIX_FN(px_cpu_count) {
  (void)self, (void)args, (void)kwnames;
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? make_int(ts, n) : None();
}
// os._exit: leaves at once, without flushing stdio buffers or running atexit handlers.
POSIX_FN(px_exit) {
  (void)self, (void)kwnames;
  int64_t code = 0;
  if (args.size() != 1 || !exact_int_arg(ts, args[0], &code))
    return ts.current_exception ? Value() : raise(ts, TypeError_type, "_exit() takes exactly one argument");
  ::_exit(static_cast<int>(code));
}
POSIX_FN(px_kill) {
  (void)self, (void)kwnames;
  int64_t pid, sig;
  if (args.size() != 2 || !exact_int_arg(ts, args[0], &pid) || !exact_int_arg(ts, args[1], &sig))
    return ts.current_exception ? Value() : raise(ts, TypeError_type, "kill expected 2 arguments");
  if (::kill(static_cast<pid_t>(pid), static_cast<int>(sig)) != 0) return raise_os_error(ts, errno);
  // A signal sent to this very process is handled before kill() returns, as CPython's os.kill does.
  if (!run_signal_handlers(ts)) return Value();
  return None();
}
// A wait status as a return code: the exit status, or -signal for a killed process (subprocess's rule).
POSIX_FN(px_waitstatus_to_exitcode) {
  (void)self;
  Value s = arg(args, kwnames, 0, "status", ts);
  int64_t status;
  if (!s || !exact_int_arg(ts, s, &status)) return ts.current_exception ? Value() : raise(ts, TypeError_type, "status required");
  int st = static_cast<int>(status);
  if (WIFEXITED(st)) return make_int(ts, WEXITSTATUS(st));
  if (WIFSIGNALED(st)) return make_int(ts, -WTERMSIG(st));
  return raise_fmt(ts, ValueError_type, "invalid wait status: {}", status);
}
POSIX_FN(px_get_terminal_size) {
  (void)kwnames;
  int64_t fd = 1;
  if (!args.empty() && !exact_int_arg(ts, args[0], &fd)) return Value();
  winsize w;
  if (ioctl(static_cast<int>(fd), TIOCGWINSZ, &w) != 0) return raise_os_error(ts, errno);
  Value v[2] = {make_int(ts, w.ws_col), make_int(ts, w.ws_row)};
  return make_struct_sequence(ts, posix_module_type(ts, self, "terminal_size"), v);
}
POSIX_FN(px_uname) {
  (void)args, (void)kwnames;
  utsname u;
  if (::uname(&u) != 0) return raise_os_error(ts, errno);
  Value v[5] = {Value(make_str(ts, u.sysname)), Value(make_str(ts, u.nodename)), Value(make_str(ts, u.release)),
                Value(make_str(ts, u.version)), Value(make_str(ts, u.machine))};
  return make_struct_sequence(ts, posix_module_type(ts, self, "uname_result"), v);
}
// A terminal's encoding: UTF-8, the only text encoding minipy's io layer decodes natively; None otherwise.
POSIX_FN(px_device_encoding) {
  (void)self;
  int fd;
  if (!fd_arg(ts, args, kwnames, "device_encoding", &fd)) return Value();
  return ::isatty(fd) ? Value(intern(ts, "utf-8")) : None();
}
// putenv/unsetenv change the C environment only; os.environ (a Python mapping) calls them to stay in step.
POSIX_FN(px_putenv) {
  (void)self, (void)kwnames;
  Path k, v;
  if (args.size() != 2) return raise(ts, TypeError_type, "putenv expected 2 arguments");
  if (!path_arg(ts, "putenv", "name", args[0], &k) || !path_arg(ts, "putenv", "value", args[1], &v)) return Value();
  if (k.text.empty() || k.text.find('=') != std::string::npos)
    return raise(ts, ValueError_type, "illegal environment variable name");
  if (::setenv(k.text.c_str(), v.text.c_str(), 1) != 0) return raise_os_error(ts, errno);
  return None();
}
POSIX_FN(px_unsetenv) {
  (void)self, (void)kwnames;
  Path k;
  if (args.size() != 1) return raise(ts, TypeError_type, "unsetenv expected 1 argument");
  if (!path_arg(ts, "unsetenv", "name", args[0], &k)) return Value();
  if (k.text.empty() || k.text.find('=') != std::string::npos)
    return raise(ts, ValueError_type, "illegal environment variable name");
  if (::unsetenv(k.text.c_str()) != 0) return raise_os_error(ts, errno);
  return None();
}

const MethodDef kPosixFunctions[] = {
    {"stat", px_stat},       {"lstat", px_lstat},       {"fstat", px_fstat},       {"unlink", px_unlink},
    {"remove", px_remove},   {"rmdir", px_rmdir},       {"chdir", px_chdir},       {"mkdir", px_make_node<kMkdir, ::mkdir, 0777>},
    {"mkfifo", px_make_node<kMkfifo, ::mkfifo, 0666>},
    {"rename", px_rename},   {"replace", px_replace},   {"symlink", px_symlink},   {"link", px_link},
    {"listdir", px_listdir}, {"getcwd", px_getcwd},     {"getcwdb", px_getcwdb},   {"open", px_open},
    {"close", px_close},     {"read", px_read},         {"write", px_write},       {"lseek", px_lseek},
    {"fsync", px_fsync},     {"isatty", px_isatty},     {"ftruncate", px_ftruncate}, {"access", px_access},
    {"chmod", px_chmod},     {"umask", px_umask},       {"readlink", px_readlink}, {"utime", px_utime},
    {"fspath", px_fspath},   {"urandom", px_urandom},   {"strerror", px_strerror}, {"getpid", px_getpid},
    {"getppid", px_getppid}, {"getuid", px_getuid},     {"geteuid", px_geteuid},   {"getgid", px_getgid},
    {"getegid", px_getegid}, {"cpu_count", px_cpu_count}, {"_exit", px_exit},      {"kill", px_kill},
    {"waitstatus_to_exitcode", px_waitstatus_to_exitcode}, {"get_terminal_size", px_get_terminal_size},
    {"uname", px_uname},     {"device_encoding", px_device_encoding}, {"putenv", px_putenv},
    {"unsetenv", px_unsetenv}, {"truncate", px_truncate},
};

struct IntConstant {
  const char* name;
  int64_t value;
};
const IntConstant kPosixConstants[] = {
    {"F_OK", F_OK},         {"R_OK", R_OK},           {"W_OK", W_OK},           {"X_OK", X_OK},
    {"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY},   {"O_RDWR", O_RDWR},       {"O_APPEND", O_APPEND},
    {"O_CREAT", O_CREAT},   {"O_EXCL", O_EXCL},       {"O_TRUNC", O_TRUNC},     {"O_NONBLOCK", O_NONBLOCK},
    {"O_NDELAY", O_NDELAY}, {"O_SYNC", O_SYNC},       {"O_DSYNC", O_DSYNC},     {"O_NOCTTY", O_NOCTTY},
    {"O_CLOEXEC", O_CLOEXEC}, {"O_DIRECTORY", O_DIRECTORY}, {"O_NOFOLLOW", O_NOFOLLOW}, {"O_ACCMODE", O_ACCMODE},
    {"SEEK_HOLE", SEEK_HOLE}, {"SEEK_DATA", SEEK_DATA}, {"EX_OK", 0},            {"WNOHANG", WNOHANG},
    {"TMP_MAX", TMP_MAX},   {"NGROUPS_MAX", NGROUPS_MAX},
};

}  // namespace

ModuleObject* create_posix_module(ThreadState& ts) {
  ModuleObject* m = make_module(ts, "posix");
  auto set = [&](const char* name, Value v) { dict_set_str_new(ts, m->dict, intern(ts, name), v); };
  for (const MethodDef& def : kPosixFunctions) set(def.name, make_native_function(ts, &def, Value(m), Value(m->name)));
  for (const IntConstant& c : kPosixConstants) set(c.name, make_int(ts, c.value));
  // The three unnamed visible items are the integer times; the named ones come after them as hidden fields.
  static const char* const kStatFields[] = {"st_mode", "st_ino",   "st_dev",   "st_nlink", "st_uid",
                                            "st_gid",  "st_size",  "st_atime", "st_mtime", "st_ctime"};
  static const char* const kStatHidden[] = {"st_atime",    "st_mtime",   "st_ctime",  "st_atime_ns", "st_mtime_ns",
                                            "st_ctime_ns", "st_blksize", "st_blocks", "st_rdev"};
  Value stat_result_type = make_struct_sequence_type(ts, "os", "stat_result", kStatFields, 7, kStatHidden);
  if (!stat_result_type) return nullptr;
  set("stat_result", stat_result_type);
  static const char* const kTerminalFields[] = {"columns", "lines"};
  Value terminal_size_type = make_struct_sequence_type(ts, "os", "terminal_size", kTerminalFields, 2);
  if (!terminal_size_type) return nullptr;
  set("terminal_size", terminal_size_type);
  static const char* const kUnameFields[] = {"sysname", "nodename", "release", "version", "machine"};
  Value uname_result_type = make_struct_sequence_type(ts, "posix", "uname_result", kUnameFields, 5);
  if (!uname_result_type) return nullptr;
  set("uname_result", uname_result_type);
  // environ: bytes keys and values, as CPython's posix.environ (os.environ decodes them).
  DictObject* env = make_dict(ts);
  set("environ", Value(env));
  for (char** e = environ; e && *e; e++) {
    std::string_view entry(*e);
    size_t eq = entry.find('=');
    if (eq == std::string_view::npos || eq == 0) continue;
    Value key = make_bytes(ts, entry.substr(0, eq));
    if (dict_get(ts, env, key)) continue;  // the first definition wins, as CPython
    // environ's keys are all bytes: hashing and comparing them runs no Python code, so the store cannot fail.
    (void)dict_set(ts, env, key, make_bytes(ts, entry.substr(eq + 1)));
  }
  set("_have_functions", Value(make_list(ts, 0)));
  if (!add_scandir(ts, m)) return nullptr;
  add_process_functions(ts, m);
  if (!add_conf_functions(ts, m)) return nullptr;
  return m;
}

}  // namespace minipy
