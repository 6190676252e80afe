// _io.FileIO: raw, unbuffered reads and writes on a file descriptor (CPython's Modules/_io/fileio.c).
// Left out: readinto(), the ResourceWarning for unclosed files, _dealloc_warn.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "stdlib/native/io.h"
#include "stdlib/native/posix.h"

namespace minipy {

namespace {

#define IO_FN(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

// The three guards raise CPython's exceptions: ValueError for a closed file, io.UnsupportedOperation (a
// subclass of OSError and ValueError) for the wrong direction.
bool check_open(ThreadState& ts, IOObject* f) {
  if (f->fd < 0) return raise_closed(ts, "I/O operation on closed file"), false;
  return true;
}
bool check_readable(ThreadState& ts, IOObject* f) {
  if (!check_open(ts, f)) return false;
  if (!(f->flags & kIOReadable)) return raise_unsupported(ts, "File not open for reading"), false;
  return true;
}
bool check_writable(ThreadState& ts, IOObject* f) {
  if (!check_open(ts, f)) return false;
  if (!(f->flags & kIOWritable)) return raise_unsupported(ts, "File not open for writing"), false;
  return true;
}

// The `mode` attribute, rebuilt from the flags as CPython's mode_string does (always binary, '+' when both).
std::string mode_string(const IOObject* f) {
  bool r = f->flags & kIOReadable, w = f->flags & kIOWritable;
  if (f->flags & kIOCreated) return r ? "xb+" : "xb";
  if (f->flags & kIOAppending) return r ? "ab+" : "ab";
  if (r && w) return "rb+";
  return r ? "rb" : "wb";
}

// FileIO(file, mode, closefd, opener): parses the mode as CPython's fileio_init (exactly one of r/w/x/a, at most
// one '+', 'b' ignored), then either adopts an int as an existing descriptor (checked with fstat, so a bad one
// is OSError EBADF) or opens a path (str through the filesystem encoding, or bytes) with O_CLOEXEC, since
// files are non-inheritable (PEP 446). opener(file, flags) may supply the descriptor instead. Returns None on
// success, null with the exception pending.
Value fileio_init_from(ThreadState& ts, IOObject* f, Value file, std::string_view mode, bool closefd, Value opener) {
  bool readable = false, writable = false, plus = false, rwa = false;
  int flags = 0;
  for (char c : mode) {
    switch (c) {
      case 'x':
      case 'r':
      case 'w':
      case 'a':
        if (rwa) goto bad_mode;
        rwa = true;
        if (c == 'x') writable = true, f->flags |= kIOCreated, flags |= O_EXCL | O_CREAT;
        if (c == 'r') readable = true;
        if (c == 'w') writable = true, flags |= O_CREAT | O_TRUNC;
        if (c == 'a') writable = true, f->flags |= kIOAppending, flags |= O_APPEND | O_CREAT;
        break;
      case 'b':
        break;
      case '+':
        if (plus) goto bad_mode;
        readable = writable = plus = true;
        break;
      default:
        return raise_fmt(ts, ValueError_type, "invalid mode: {}", mode);
    }
  }
  if (!rwa) goto bad_mode;
  flags |= readable && writable ? O_RDWR : readable ? O_RDONLY : O_WRONLY;
  flags |= O_CLOEXEC;
  f->flags |= (readable ? uint32_t{kIOReadable} : 0u) | (writable ? uint32_t{kIOWritable} : 0u);
  if (is_float(file)) return raise(ts, TypeError_type, "integer argument expected, got float");
  if (is_int(file)) {
    int64_t fd;
    if (!index_to_int64(ts, file, &fd)) return Value();
    if (fd < 0) return raise(ts, ValueError_type, "negative file descriptor");
    struct stat st;
    if (fstat(static_cast<int>(fd), &st) != 0) return raise_os_error(ts, errno);
    f->fd = static_cast<int>(fd);
    if (closefd) f->flags |= kIOCloseFd;
  } else {
    if (!closefd) return raise(ts, ValueError_type, "Cannot use closefd=False with file name");
    if (!is_str(file) && type_of(file) != &bytes_type)
      return raise_fmt(ts, TypeError_type, "expected str, bytes or os.PathLike object, not {}", type_name(file));
    std::string path;
    if (!is_str(file)) path = static_cast<BytesObject*>(file.as_object())->view();
    else if (!fs_encode(ts, as_str(file), &path)) return Value();
    if (path.find('\0') != std::string::npos) return raise(ts, ValueError_type, "embedded null byte");
    int fd;
    if (!is_none(opener)) {
      Value a[2] = {file, Value::small_int(flags)};
      Value r = call(ts, opener, a);
      if (!r) return r;
      int64_t got;
      if (!is_int(r)) return raise(ts, TypeError_type, "expected integer from opener");
      if (!index_to_int64(ts, r, &got)) return Value();
      if (got < 0) return raise_fmt(ts, ValueError_type, "opener returned {}", got);
      fd = static_cast<int>(got);
    } else {
      do fd = ::open(path.c_str(), flags, 0666);
      while (fd < 0 && errno == EINTR);
      if (fd < 0) return raise_os_error(ts, errno, file);
    }
    f->fd = fd;
    f->flags |= kIOCloseFd;
    struct stat st;
    // open(2) of a directory for reading succeeds; CPython refuses it afterwards with IsADirectoryError.
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
      ::close(fd);
      f->fd = -1;
      return raise_os_error(ts, EISDIR, file);
    }
  }
  {
    struct stat st;
    int64_t blksize = 8192;
    if (fstat(f->fd, &st) == 0 && st.st_blksize > 1) blksize = st.st_blksize;
    // `name` and `_blksize` are plain instance attributes (CPython sets name the same way; its open()
    // reads _blksize to choose the buffer size).
    if (!f->dict) f->dict = make_dict(ts);
    // The instance dict may hold what a subclass's __init__ stored before calling ours: handle a failure.
    if (!dict_set_str(ts, f->dict, intern(ts, "_blksize"), make_int(ts, blksize)) ||
        !dict_set_str(ts, f->dict, intern(ts, "name"), file))
      return Value();
  }
  // Appending starts at the end, as CPython seeks there at open.
  if (f->flags & kIOAppending) lseek(f->fd, 0, SEEK_END);
  f->flags |= kIOInitialized;
  return None();
bad_mode:
  return raise(ts, ValueError_type, "Must have exactly one of create/read/write/append mode and at most one plus");
}

// __init__ called again on an open FileIO closes the descriptor it owned first, as CPython's.
bool fileio_init(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  Value file = io_arg(args, kwnames, 0, "file", ts);
  Value mode = io_arg(args, kwnames, 1, "mode", ts);
  Value closefd = io_arg(args, kwnames, 2, "closefd", ts);
  Value opener = io_arg(args, kwnames, 3, "opener", ts);
  if (!file) return raise(ts, TypeError_type, "FileIO() missing required argument 'file' (pos 1)"), false;
  if (mode && !is_str(mode))
    return raise_fmt(ts, TypeError_type, "FileIO() argument 'mode' must be str, not {}", type_name(mode)), false;
  int cfd = 1;
  if (closefd && (cfd = py_truth(ts, closefd)) < 0) return false;
  IOObject* f = as_io(self);
  if (f->fd >= 0 && (f->flags & kIOCloseFd)) ::close(f->fd);
  f->fd = -1;
  f->flags = 0;
  return static_cast<bool>(fileio_init_from(ts, f, file, mode ? as_str(mode)->view() : "r", cfd, opener ? opener : None()));
}

// <_io.FileIO name='x' mode='rb' closefd=True>, or fd=N when there is no name, or [closed].
Value fileio_repr(ThreadState& ts, Value self) {
  IOObject* f = as_io(self);
  std::string_view tname = type_of(self)->name->view();
  std::string prefix = type_of(self) == &file_io_type ? "_io.FileIO" : std::string(tname);
  if (f->fd < 0) return Value(make_str(ts, fmt::format("<{} [closed]>", prefix)));
  Value name = get_attr_optional(ts, self, intern(ts, "name"));
  if (ts.current_exception) return Value();
  std::string closefd = f->flags & kIOCloseFd ? "True" : "False";
  if (!name)
    return Value(make_str(ts, fmt::format("<{} fd={} mode='{}' closefd={}>", prefix, f->fd, mode_string(f), closefd)));
  Value r = py_repr(ts, name);
  if (!r) return r;
  return Value(
      make_str(ts, fmt::format("<{} name={} mode='{}' closefd={}>", prefix, as_str(r)->view(), mode_string(f), closefd)));
}

IO_FN(fio_read) {
  IOObject* f = as_io(self);
  if (!check_readable(ts, f)) return Value();
  int64_t size = -1;
  if (Value a = io_arg(args, kwnames, 0, "size", ts); a && !io_size_arg(ts, a, &size)) return Value();
  if (size < 0) return fileio_readall(ts, f);
  return fileio_read(ts, f, size);
}
IO_FN(fio_readall) {
  (void)args, (void)kwnames;
  IOObject* f = as_io(self);
  if (!check_open(ts, f)) return Value();
  return fileio_readall(ts, f);
}
// One write(2): a raw write may be partial and returns the count; None when a non-blocking descriptor would
// block (EAGAIN), as CPython. Any bytes-like object is accepted.
IO_FN(fio_write) {
  IOObject* f = as_io(self);
  if (!check_writable(ts, f)) return Value();
  if (!check_arg_count(ts, "write", positional_count(args, kwnames), 1, 1)) return Value();
  std::string_view data;
  std::string copy;
  if (!bytes_arg(ts, args[0], &data, &copy)) return Value();
  ssize_t n;
  do n = ::write(f->fd, data.data(), data.size());
  while (n < 0 && errno == EINTR);
  if (n < 0) {
    if (errno == EAGAIN) return None();
    return raise_os_error(ts, errno);
  }
  return make_int(ts, n);
}
// whence is passed to lseek unchecked: an invalid one is the OS's EINVAL, as in CPython.
IO_FN(fio_seek) {
  IOObject* f = as_io(self);
  if (!check_open(ts, f)) return Value();
  if (!check_arg_count(ts, "seek", positional_count(args, kwnames), 1, 2)) return Value();
  if (is_float(args[0])) return raise(ts, TypeError_type, "an integer is required");
  int64_t pos, whence = 0;
  if (!index_to_int64(ts, args[0], &pos)) return Value();
  if (args.size() > 1 && !index_to_int64(ts, args[1], &whence)) return Value();
  off_t r = lseek(f->fd, pos, static_cast<int>(whence));
  if (r < 0) return raise_os_error(ts, errno);
  return make_int(ts, r);
}
IO_FN(fio_tell) {
  (void)args, (void)kwnames;
  IOObject* f = as_io(self);
  if (!check_open(ts, f)) return Value();
  off_t r = lseek(f->fd, 0, SEEK_CUR);
  if (r < 0) return raise_os_error(ts, errno);
  return make_int(ts, r);
}
// truncate(size=None): the current position by default; the position itself does not move.
IO_FN(fio_truncate) {
  IOObject* f = as_io(self);
  if (!check_writable(ts, f)) return Value();
  int64_t size;
  Value a = io_arg(args, kwnames, 0, "size", ts);
  if (!a || is_none(a)) {
    off_t r = lseek(f->fd, 0, SEEK_CUR);
    if (r < 0) return raise_os_error(ts, errno);
    size = r;
  } else if (!index_to_int64(ts, a, &size)) {
    return Value();
  }
  if (ftruncate(f->fd, size) != 0) return raise_os_error(ts, errno);
  return make_int(ts, size);
}
// The descriptor is marked closed before close(2) runs, so a failing close still leaves the object closed
// (close(2) must not be retried on Linux). A borrowed descriptor (closefd=False) is left open.
IO_FN(fio_close) {
  (void)args, (void)kwnames;
  IOObject* f = as_io(self);
  if (f->fd < 0) return None();
  int fd = f->fd;
  f->fd = -1;
  f->flags |= kIOClosed;
  if ((f->flags & kIOCloseFd) && ::close(fd) != 0) return raise_os_error(ts, errno);
  return None();
}
IO_FN(fio_fileno) {
  (void)args, (void)kwnames;
  IOObject* f = as_io(self);
  if (!check_open(ts, f)) return Value();
  return make_int(ts, f->fd);
}
IO_FN(fio_isatty) {
  (void)args, (void)kwnames;
  IOObject* f = as_io(self);
  if (!check_open(ts, f)) return Value();
  return Bool(isatty(f->fd));
}
IO_FN(fio_readable) {
  (void)args, (void)kwnames;
  IOObject* f = as_io(self);
  if (!check_open(ts, f)) return Value();
  return Bool(f->flags & kIOReadable);
}
IO_FN(fio_writable) {
  (void)args, (void)kwnames;
  IOObject* f = as_io(self);
  if (!check_open(ts, f)) return Value();
  return Bool(f->flags & kIOWritable);
}
// Seekable exactly when lseek on the descriptor works (pipes, ttys and sockets fail with ESPIPE).
IO_FN(fio_seekable) {
  (void)args, (void)kwnames;
  IOObject* f = as_io(self);
  if (!check_open(ts, f)) return Value();
  return Bool(lseek(f->fd, 0, SEEK_CUR) >= 0);
}
IO_FN(fio_closed) {
  (void)ts, (void)args, (void)kwnames;
  return Bool(as_io(self)->fd < 0);
}
IO_FN(fio_closefd) {
  (void)ts, (void)args, (void)kwnames;
  return Bool(as_io(self)->flags & kIOCloseFd);
}
IO_FN(fio_mode) {
  (void)args, (void)kwnames;
  return Value(make_str(ts, mode_string(as_io(self))));
}

const MethodDef kFileIOMethods[] = {
    {"read", fio_read},         {"readall", fio_readall},   {"write", fio_write},     {"seek", fio_seek},
    {"tell", fio_tell},         {"truncate", fio_truncate}, {"close", fio_close},     {"fileno", fio_fileno},
    {"isatty", fio_isatty},     {"readable", fio_readable}, {"writable", fio_writable}, {"seekable", fio_seekable},
};
const MethodDef kFileIOGetters[] = {{"closed", fio_closed}, {"closefd", fio_closefd}, {"mode", fio_mode}};

}  // namespace

// One read(2) of at most `size` bytes: fewer at the end of the file or from a pipe; b'' at the end; None when
// a non-blocking descriptor has nothing (EAGAIN). EINTR is retried.
Value fileio_read(ThreadState& ts, IOObject* f, int64_t size) {
  std::string buf(static_cast<size_t>(size), '\0');
  ssize_t n;
  do n = ::read(f->fd, buf.data(), buf.size());
  while (n < 0 && errno == EINTR);
  if (n < 0) {
    if (errno == EAGAIN) return None();
    return raise_os_error(ts, errno);
  }
  buf.resize(static_cast<size_t>(n));
  return make_bytes(ts, buf);
}

// Reads to the end of the file. A regular file's remaining size reserves the string up front; a non-blocking
// descriptor that runs dry returns what it has (None if nothing), as CPython's readall.
Value fileio_readall(ThreadState& ts, IOObject* f) {
  std::string all;
  struct stat st;
  if (fstat(f->fd, &st) == 0 && S_ISREG(st.st_mode)) {
    off_t pos = lseek(f->fd, 0, SEEK_CUR);
    if (pos >= 0 && st.st_size > pos) all.reserve(static_cast<size_t>(st.st_size - pos + 1));
  }
  char chunk[65536];
  for (;;) {
    ssize_t n = ::read(f->fd, chunk, sizeof chunk);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN) {
        if (all.empty()) return None();
        break;
      }
      return raise_os_error(ts, errno);
    }
    if (n == 0) break;
    all.append(chunk, static_cast<size_t>(n));
  }
  return make_bytes(ts, all);
}

// For the buffered writer: loops until every byte is written (a raw FileIO.write may stop short). False with
// OSError pending.
bool fileio_write_all(ThreadState& ts, IOObject* f, std::string_view data) {
  if (!check_writable(ts, f)) return false;
  while (!data.empty()) {
    ssize_t n = ::write(f->fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return raise_os_error(ts, errno), false;
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// open()'s and the standard streams' FileIO, created without a Python-level call.
Value make_fileio(ThreadState& ts, Value file, std::string_view mode, bool closefd, Value opener) {
  Value self = file_io_type.new_instance(ts, &file_io_type, {}, nullptr);
  if (!fileio_init_from(ts, as_io(self), file, mode, closefd, opener)) return Value();
  return self;
}

void init_io_file_types(ThreadState& ts) {
  file_io_type.init = fileio_init;
  file_io_type.repr = fileio_repr;
  add_methods(ts, file_io_type, kFileIOMethods);
  add_getsets(ts, file_io_type, kFileIOGetters);
}

}  // namespace minipy
