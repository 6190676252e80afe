// _io.BufferedReader, BufferedWriter, BufferedRandom and BufferedRWPair (CPython's Modules/_io/bufferedio.c).
// One implementation serves the first three: a read-ahead buffer (data/pos) and a write buffer (wbuf) over the
// raw stream, whose methods are called through Python unless it is a native FileIO. A failed raw write drops
// what was buffered, so a broken pipe is reported once. Left out: readinto(), thread locks, peek()'s
// never-blocking guarantee for non-blocking raw streams.
#include <algorithm>

#include "stdlib/native/io.h"

namespace minipy {

namespace {

#define IO_FN(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

// Both buffers are std::strings owned by the IOObject (made on first use, freed with it). The read buffer
// holds bytes already read from the raw stream; b->pos is how many of them were returned. Reads and writes
// never have data pending at the same time: each side gives the other's back first (flush_writes,
// drop_read_ahead), so the raw position and the logical one differ by exactly one buffer.
std::string& rbuf(IOObject* b) {
  if (!b->data) b->data = new std::string();
  return *b->data;
}
std::string& wbuf(IOObject* b) {
  if (!b->wbuf) b->wbuf = new std::string();
  return *b->wbuf;
}
int64_t unread(IOObject* b) { return b->data ? static_cast<int64_t>(b->data->size()) - b->pos : 0; }

bool is_native_file(Value raw) { return raw.is_object() && type_of(raw) == &file_io_type; }

// CPython's CHECK_INITIALIZED: detach() and a missing __init__ give these two ValueErrors.
bool check_attached(ThreadState& ts, IOObject* b) {
  if (b->flags & kIODetached) return raise(ts, ValueError_type, "raw stream has been detached"), false;
  if (!(b->flags & kIOInitialized))
    return raise(ts, ValueError_type, "I/O operation on uninitialized object"), false;
  return true;
}

// Whether the raw stream is closed (native FileIO answers directly).
int raw_closed(ThreadState& ts, IOObject* b) {
  if (is_native_file(b->raw)) return as_io(b->raw)->fd < 0;
  Value c = get_attr(ts, b->raw, intern(ts, "closed"));
  return c ? py_truth(ts, c) : -1;
}

bool check_live(ThreadState& ts, IOObject* b, const char* message) {
  if (!check_attached(ts, b)) return false;
  int c = raw_closed(ts, b);
  if (c < 0) return false;
  if (c) return raise_closed(ts, message), false;
  return true;
}

// One raw read of up to `n` bytes: appended to `out`; returns false on error, *eof when the raw stream is at
// its end (or would block).
// A raw stream that is not minipy's FileIO is read through its readinto (a bytearray), as CPython's buffered
// classes do, so RawIOBase subclasses that only define readinto work.
bool raw_read_into(ThreadState& ts, IOObject* b, int64_t n, std::string* out, bool* eof) {
  Value chunk;
  if (is_native_file(b->raw)) {
    chunk = fileio_read(ts, as_io(b->raw), n);
  } else {
    chunk = read_through_readinto(ts, b->raw, n);
  }
  if (!chunk) return false;
  if (is_none(chunk)) return *eof = true, true;
  std::string_view data;
  if (!bytes_arg(ts, chunk, &data)) return false;
  *eof = data.empty();
  out->append(data);
  return true;
}

// Drops consumed read-ahead so the buffer does not grow without bound.
void compact(IOObject* b) {
  if (b->data && b->pos > 0) {
    b->data->erase(0, static_cast<size_t>(b->pos));
    b->pos = 0;
  }
}

// Writes the whole write buffer to the raw stream, looping over partial writes. A Python raw stream's None
// (would block) is taken as "everything written" here, where CPython raises BlockingIOError.
bool flush_writes(ThreadState& ts, IOObject* b) {
  if (!b->wbuf || b->wbuf->empty()) return true;
  std::string pending;
  pending.swap(*b->wbuf);  // dropped if the raw write fails (a broken pipe is reported once)
  if (is_native_file(b->raw)) return fileio_write_all(ts, as_io(b->raw), pending);
  std::string_view rest = pending;
  while (!rest.empty()) {
    Value chunk = make_bytes(ts, rest);
    Value n = io_call(ts, b->raw, "write", std::span<const Value>(&chunk, 1));
    if (!n) return false;
    int64_t written = static_cast<int64_t>(rest.size());
    if (!is_none(n) && !index_to_int64(ts, n, &written)) return false;
    rest.remove_prefix(static_cast<size_t>(std::clamp<int64_t>(written, 0, static_cast<int64_t>(rest.size()))));
  }
  return true;
}

// Before writing after reading: the raw position goes back to where the reader is.
bool drop_read_ahead(ThreadState& ts, IOObject* b) {
  int64_t ahead = unread(b);
  if (b->data) b->data->clear();
  b->pos = 0;
  if (ahead <= 0) return true;
  Value a[2] = {make_int(ts, -ahead), Value::small_int(1)};
  return static_cast<bool>(io_call(ts, b->raw, "seek", a));
}

// raw.readall(), or, for a raw stream without one (tarfile's _FileInFile), raw.read() until it returns b'' or
// None, as CPython's buffered read(-1) does.
Value read_rest(ThreadState& ts, Value raw) {
  Value readall = get_attr_optional(ts, raw, intern(ts, "readall"));
  if (readall) return call(ts, readall, {});
  if (ts.current_exception) return Value();
  std::string all;
  for (;;) {
    Value chunk = io_call(ts, raw, "read");
    if (!chunk) return chunk;
    if (is_none(chunk)) return all.empty() ? chunk : make_bytes(ts, all);
    std::string_view data;
    if (!bytes_arg(ts, chunk, &data)) return Value();
    if (data.empty()) return make_bytes(ts, all);
    all += data;
  }
}

// read(n): n < 0 reads to the end (buffer plus the raw stream's readall); otherwise raw reads of at least a
// buffer's size until n bytes or the end. Pending writes go out first.
Value read_bytes(ThreadState& ts, IOObject* b, int64_t n) {
  if (!(b->flags & kIOReadable)) return raise_unsupported(ts, "read");
  if (!flush_writes(ts, b)) return Value();
  std::string& r = rbuf(b);
  if (n < 0) {
    std::string out = r.substr(static_cast<size_t>(b->pos));
    r.clear();
    b->pos = 0;
    Value rest = is_native_file(b->raw) ? fileio_readall(ts, as_io(b->raw)) : read_rest(ts, b->raw);
    if (!rest) return rest;
    if (is_none(rest)) return out.empty() ? rest : make_bytes(ts, out);
    std::string_view data;
    if (!bytes_arg(ts, rest, &data)) return Value();
    out += data;
    return make_bytes(ts, out);
  }
  compact(b);
  bool eof = false;
  while (static_cast<int64_t>(r.size()) < n && !eof)
    if (!raw_read_into(ts, b, std::max(b->buffer_size, n - static_cast<int64_t>(r.size())), &r, &eof)) return Value();
  int64_t take = std::min<int64_t>(n, static_cast<int64_t>(r.size()));
  Value out = make_bytes(ts, std::string_view(r).substr(0, static_cast<size_t>(take)));
  b->pos = take;
  return out;
}

IO_FN(buf_read) {
  IOObject* b = as_io(self);
  if (!check_live(ts, b, "read of closed file")) return Value();
  int64_t n = -1;
  if (Value a = io_arg(args, kwnames, 0, "size", ts); a && !io_size_arg(ts, a, &n)) return Value();
  if (n < -1) return raise(ts, ValueError_type, "read length must be non-negative or -1");
  return read_bytes(ts, b, n);
}
// read1(n): at most one raw read, and only when the buffer is empty: what is already buffered is returned
// without touching the raw stream (the contract TextIOWrapper relies on to avoid blocking).
IO_FN(buf_read1) {
  IOObject* b = as_io(self);
  if (!check_live(ts, b, "read of closed file")) return Value();
  if (!(b->flags & kIOReadable)) return raise_unsupported(ts, "read1");
  int64_t n = -1;
  if (Value a = io_arg(args, kwnames, 0, "size", ts); a && !io_size_arg(ts, a, &n)) return Value();
  if (n < 0) n = b->buffer_size;
  if (!flush_writes(ts, b)) return Value();
  compact(b);
  std::string& r = rbuf(b);
  bool eof = false;
  if (r.empty() && n > 0 && !raw_read_into(ts, b, std::max(n, b->buffer_size), &r, &eof)) return Value();
  int64_t take = std::min<int64_t>(n, static_cast<int64_t>(r.size()));
  Value out = make_bytes(ts, std::string_view(r).substr(0, static_cast<size_t>(take)));
  b->pos = take;
  return out;
}
// peek(): the buffered bytes without consuming them, reading once if the buffer is empty; the size
// argument is ignored, as CPython's.
IO_FN(buf_peek) {
  (void)args, (void)kwnames;
  IOObject* b = as_io(self);
  if (!check_live(ts, b, "peek of closed file")) return Value();
  if (!(b->flags & kIOReadable)) return raise_unsupported(ts, "peek");
  if (!flush_writes(ts, b)) return Value();
  compact(b);
  std::string& r = rbuf(b);
  bool eof = false;
  if (r.empty() && !raw_read_into(ts, b, b->buffer_size, &r, &eof)) return Value();
  return make_bytes(ts, r);
}
IO_FN(buf_readline) {
  IOObject* b = as_io(self);
  if (!check_live(ts, b, "readline of closed file")) return Value();
  if (!(b->flags & kIOReadable)) return raise_unsupported(ts, "readline");
  int64_t limit = -1;
  if (Value a = io_arg(args, kwnames, 0, "size", ts); a && !io_size_arg(ts, a, &limit)) return Value();
  if (!flush_writes(ts, b)) return Value();
  compact(b);
  std::string& r = rbuf(b);
  size_t scanned = 0;
  bool eof = false;
  for (;;) {
    size_t nl = r.find('\n', scanned);
    size_t end = nl == std::string::npos ? std::string::npos : nl + 1;
    if (limit >= 0 && static_cast<int64_t>(std::min(end, r.size())) >= limit) end = static_cast<size_t>(limit);
    if (end != std::string::npos || eof) {
      if (end == std::string::npos) end = r.size();
      Value out = make_bytes(ts, std::string_view(r).substr(0, end));
      b->pos = static_cast<int64_t>(end);
      return out;
    }
    scanned = r.size();
    if (!raw_read_into(ts, b, b->buffer_size, &r, &eof)) return Value();
  }
}
IO_FN(buf_write) {
  IOObject* b = as_io(self);
  if (!check_live(ts, b, "write to closed file")) return Value();
  if (!(b->flags & kIOWritable)) return raise_unsupported(ts, "write");
  if (!check_arg_count(ts, "write", positional_count(args, kwnames), 1, 1)) return Value();
  std::string_view data;
  std::string copy;
  if (!bytes_arg(ts, args[0], &data, &copy)) return Value();
  if (!buffered_write_bytes(ts, b, data)) return Value();
  return make_int(ts, static_cast<int64_t>(data.size()));
}
IO_FN(buf_flush) {
  (void)args, (void)kwnames;
  IOObject* b = as_io(self);
  if (!check_live(ts, b, "flush of closed file")) return Value();
  if (!buffered_flush(ts, b)) return Value();
  return None();
}
// The raw position minus the unread read-ahead plus the unwritten bytes: the position a reader or writer of
// this object has reached.
IO_FN(buf_tell) {
  (void)args, (void)kwnames;
  IOObject* b = as_io(self);
  if (!check_attached(ts, b)) return Value();
  Value raw_pos = io_call(ts, b->raw, "tell");
  if (!raw_pos) return raw_pos;
  int64_t pos;
  if (!index_to_int64(ts, raw_pos, &pos)) return Value();
  if (pos < 0) return raise_fmt(ts, OSError_type, "Raw stream returned invalid position {}", pos);
  pos = pos - unread(b) + (b->wbuf ? static_cast<int64_t>(b->wbuf->size()) : 0);
  return make_int(ts, std::max<int64_t>(pos, 0));
}
// Relative seeks are corrected for the read-ahead the raw stream is already past; both buffers are emptied
// (writes flushed) before the raw seek.
IO_FN(buf_seek) {
  IOObject* b = as_io(self);
  if (!check_live(ts, b, "seek of closed file")) return Value();
  if (!check_arg_count(ts, "seek", positional_count(args, kwnames), 1, 2)) return Value();
  int64_t target, whence = 0;
  if (is_float(args[0])) return raise(ts, TypeError_type, "an integer is required");
  if (!index_to_int64(ts, args[0], &target)) return Value();
  if (args.size() > 1 && !index_to_int64(ts, args[1], &whence)) return Value();
  if (whence < 0 || whence > 2)
    return raise_fmt(ts, ValueError_type, "whence value {} unsupported", whence);
  if (!flush_writes(ts, b)) return Value();
  if (whence == 1) target -= unread(b);
  if (b->data) b->data->clear();
  b->pos = 0;
  Value a[2] = {make_int(ts, target), make_int(ts, whence)};
  return io_call(ts, b->raw, "seek", a);
}
IO_FN(buf_truncate) {
  IOObject* b = as_io(self);
  if (!check_live(ts, b, "truncate of closed file")) return Value();
  if (!(b->flags & kIOWritable)) return raise_unsupported(ts, "truncate");
  Value pos = io_arg(args, kwnames, 0, "pos", ts);
  if (!buffered_flush(ts, b)) return Value();
  if (!pos || is_none(pos)) {
    pos = buf_tell(ts, self, {}, nullptr);
    if (!pos) return pos;
  }
  if (!drop_read_ahead(ts, b)) return Value();
  return io_call(ts, b->raw, "truncate", std::span<const Value>(&pos, 1));
}
// close(): flush, then close the raw stream even when the flush failed (whose error wins).
IO_FN(buf_close) {
  (void)args, (void)kwnames;
  IOObject* b = as_io(self);
  if (!check_attached(ts, b)) return Value();
  int c = raw_closed(ts, b);
  if (c < 0) return Value();
  if (c) return None();
  bool flushed = buffered_flush(ts, b);
  Value flush_error = ts.current_exception;
  ts.current_exception = Value();
  Value r = io_call(ts, b->raw, "close");
  if (!flushed) {
    ts.current_exception = flush_error;
    return Value();
  }
  if (!r) return r;
  delete b->data;
  b->data = nullptr;
  b->pos = 0;
  return None();
}
IO_FN(buf_detach) {
  (void)args, (void)kwnames;
  IOObject* b = as_io(self);
  if (!check_attached(ts, b)) return Value();
  if (!buffered_flush(ts, b)) return Value();
  Value raw = b->raw;
  b->raw = None();
  b->flags |= kIODetached;
  return raw;
}
// Methods answered by the raw stream itself.
Value delegate(ThreadState& ts, Value self, const char* name) {
  IOObject* b = as_io(self);
  if (!check_attached(ts, b)) return Value();
  return io_call(ts, b->raw, name);
}
IO_FN(buf_fileno) { return (void)args, (void)kwnames, delegate(ts, self, "fileno"); }
IO_FN(buf_isatty) { return (void)args, (void)kwnames, delegate(ts, self, "isatty"); }
IO_FN(buf_seekable) { return (void)args, (void)kwnames, delegate(ts, self, "seekable"); }
IO_FN(buf_readable) { return (void)args, (void)kwnames, delegate(ts, self, "readable"); }
IO_FN(buf_writable) { return (void)args, (void)kwnames, delegate(ts, self, "writable"); }
IO_FN(buf_raw) {
  (void)ts, (void)args, (void)kwnames;
  return as_io(self)->raw;
}
Value raw_attribute(ThreadState& ts, Value self, const char* name) {
  IOObject* b = as_io(self);
  if (!check_attached(ts, b)) return Value();
  return get_attr(ts, b->raw, intern(ts, name));
}
IO_FN(buf_closed) { return (void)args, (void)kwnames, raw_attribute(ts, self, "closed"); }
IO_FN(buf_name) { return (void)args, (void)kwnames, raw_attribute(ts, self, "name"); }
IO_FN(buf_mode) { return (void)args, (void)kwnames, raw_attribute(ts, self, "mode"); }

// BufferedReader/Writer/Random(raw, buffer_size=8192). The direction comes from the class; a raw stream that
// is not minipy's FileIO is asked readable()/writable()/seekable() as CPython's _PyIOBase_check_* do.
bool buffered_init(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  Value raw = io_arg(args, kwnames, 0, "raw", ts);
  Value size = io_arg(args, kwnames, 1, "buffer_size", ts);
  if (!raw) return raise_fmt(ts, TypeError_type, "{}() missing required argument 'raw' (pos 1)",
                             type_of(self)->name->view()), false;
  int64_t buffer_size = 8192;
  if (size && !index_to_int64(ts, size, &buffer_size)) return false;
  if (buffer_size <= 0) return raise(ts, ValueError_type, "buffer size must be strictly positive"), false;
  IOObject* b = as_io(self);
  Type* t = type_of(self);
  bool reads = is_subtype(t, &buffered_reader_type) || is_subtype(t, &buffered_random_type);
  bool writes = is_subtype(t, &buffered_writer_type) || is_subtype(t, &buffered_random_type);
  // The raw stream need not derive from RawIOBase (tarfile's _FileInFile does not): ask readable() itself.
  struct Check { bool wanted; const char* method; const char* message; };
  const Check checks[] = {{reads, "readable", "File or stream is not readable."},
                          {writes, "writable", "File or stream is not writable."},
                          {is_subtype(t, &buffered_random_type), "seekable", "File or stream is not seekable."}};
  for (const Check& check : checks)
    if (check.wanted && !is_native_file(raw) && !check_capability(ts, raw, check.method, check.message)) return false;
  b->raw = raw;
  b->buffer_size = buffer_size;
  b->flags = kIOInitialized | (reads ? uint32_t{kIOReadable} : 0u) | (writes ? uint32_t{kIOWritable} : 0u);
  b->pos = 0;
  if (b->data) b->data->clear();
  if (b->wbuf) b->wbuf->clear();
  return true;
}

Value buffered_repr(ThreadState& ts, Value self) {
  std::string tname = type_of(self)->flags & kTypeHeap ? std::string(type_of(self)->name->view())
                                                        : "_io." + std::string(type_of(self)->name->view());
  Value name = get_attr_optional(ts, self, intern(ts, "name"));
  if (!name) {
    if (ts.current_exception && !exception_matches(ts.current_exception, &ValueError_type) &&
        !exception_matches(ts.current_exception, &AttributeError_type))
      return Value();
    ts.current_exception = Value();
    return Value(make_str(ts, fmt::format("<{}>", tname)));
  }
  Value r = py_repr(ts, name);
  if (!r) return r;
  return Value(make_str(ts, fmt::format("<{} name={}>", tname, as_str(r)->view())));
}

const MethodDef kBufferedMethods[] = {
    {"read", buf_read},         {"read1", buf_read1},       {"peek", buf_peek},         {"readline", buf_readline},
    {"write", buf_write},       {"flush", buf_flush},       {"tell", buf_tell},         {"seek", buf_seek},
    {"truncate", buf_truncate}, {"close", buf_close},       {"detach", buf_detach},     {"fileno", buf_fileno},
    {"isatty", buf_isatty},     {"seekable", buf_seekable}, {"readable", buf_readable}, {"writable", buf_writable},
};
const MethodDef kBufferedGetters[] = {
    {"raw", buf_raw}, {"closed", buf_closed}, {"name", buf_name}, {"mode", buf_mode}};

// ---- BufferedRWPair: a reader and a writer over two raw streams -------------------------------------------------

// BufferedRWPair(reader, writer): two independent buffered objects, one per raw stream; the pair forwards
// reads to the first and writes to the second.
bool rwpair_init(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  Value reader = io_arg(args, kwnames, 0, "reader", ts);
  Value writer = io_arg(args, kwnames, 1, "writer", ts);
  if (!reader || !writer) return raise(ts, TypeError_type, "BufferedRWPair() missing required arguments"), false;
  int64_t size = 8192;
  if (Value s = io_arg(args, kwnames, 2, "buffer_size", ts); s && !index_to_int64(ts, s, &size)) return false;
  IOObject* p = as_io(self);
  p->raw = make_buffered(ts, &buffered_reader_type, reader, size);
  if (!p->raw) return false;
  p->writer = make_buffered(ts, &buffered_writer_type, writer, size);
  if (!p->writer) return false;
  p->flags = kIOInitialized | kIOReadable | kIOWritable;
  return true;
}
Value pair_call(ThreadState& ts, Value target, const char* name, std::span<const Value> args, TupleObject* kwnames) {
  Value method = get_attr(ts, target, intern(ts, name));
  if (!method) return method;
  return call(ts, method, args, kwnames);
}
#define PAIR_READ(fn, name) \
  IO_FN(fn) { return pair_call(ts, as_io(self)->raw, name, args, kwnames); }
#define PAIR_WRITE(fn, name) \
  IO_FN(fn) { return pair_call(ts, as_io(self)->writer, name, args, kwnames); }
PAIR_READ(pair_read, "read")
PAIR_READ(pair_read1, "read1")
PAIR_READ(pair_peek, "peek")
PAIR_READ(pair_readline, "readline")
PAIR_READ(pair_readable, "readable")
PAIR_WRITE(pair_write, "write")
PAIR_WRITE(pair_flush, "flush")
PAIR_WRITE(pair_writable, "writable")
// Closes the writer, then the reader even if that failed; the writer's error wins, as CPython's.
IO_FN(pair_close) {
  Value w = pair_call(ts, as_io(self)->writer, "close", args, kwnames);
  Value error = ts.current_exception;
  ts.current_exception = Value();
  Value r = pair_call(ts, as_io(self)->raw, "close", args, kwnames);
  if (!w) {
    ts.current_exception = error;
    return Value();
  }
  return r;
}
IO_FN(pair_isatty) {
  Value w = pair_call(ts, as_io(self)->writer, "isatty", args, kwnames);
  if (!w) return w;
  int t = py_truth(ts, w);
  if (t < 0) return Value();
  if (t) return w;
  return pair_call(ts, as_io(self)->raw, "isatty", args, kwnames);
}
IO_FN(pair_closed) {
  (void)args, (void)kwnames;
  return get_attr(ts, as_io(self)->writer, intern(ts, "closed"));
}
const MethodDef kPairMethods[] = {
    {"read", pair_read},     {"read1", pair_read1}, {"peek", pair_peek},         {"readline", pair_readline},
    {"readable", pair_readable}, {"write", pair_write}, {"flush", pair_flush}, {"writable", pair_writable},
    {"close", pair_close},   {"isatty", pair_isatty},
};
const MethodDef kPairGetters[] = {{"closed", pair_closed}};

}  // namespace

// Appends `data` to the write buffer, flushing when it reaches buffer_size (or at once for an unbuffered
// object). A write at least as large as the buffer into an empty buffer over a FileIO skips the copy.
bool buffered_write_bytes(ThreadState& ts, IOObject* b, std::string_view data) {
  if (unread(b) > 0 && !drop_read_ahead(ts, b)) return false;
  std::string& w = wbuf(b);
  if (w.empty() && static_cast<int64_t>(data.size()) >= b->buffer_size && is_native_file(b->raw))
    return fileio_write_all(ts, as_io(b->raw), data);  // large writes skip the buffer
  w.append(data);
  if (static_cast<int64_t>(w.size()) >= b->buffer_size || (b->flags & kIOUnbuffered)) return flush_writes(ts, b);
  return true;
}

// Writes the buffer out, then flushes the raw stream too when it is a Python object (a FileIO has nothing
// of its own to flush).
bool buffered_flush(ThreadState& ts, IOObject* b) {
  if (!flush_writes(ts, b)) return false;
  if (!is_native_file(b->raw) && (b->flags & kIOWritable)) return static_cast<bool>(io_call(ts, b->raw, "flush"));
  return true;
}

Value make_buffered(ThreadState& ts, Type* type, Value raw, int64_t buffer_size) {
  Value self = type->new_instance(ts, type, {}, nullptr);
  Value a[2] = {raw, make_int(ts, buffer_size)};
  if (!buffered_init(ts, self, a, nullptr)) return Value();
  return self;
}

void init_io_buffered_types(ThreadState& ts) {
  for (Type* t : {&buffered_reader_type, &buffered_writer_type, &buffered_random_type}) {
    t->init = buffered_init;
    t->repr = buffered_repr;
    add_methods(ts, *t, kBufferedMethods);
    add_getsets(ts, *t, kBufferedGetters);
  }
  buffered_rwpair_type.init = rwpair_init;
  add_methods(ts, buffered_rwpair_type, kPairMethods);
  add_getsets(ts, buffered_rwpair_type, kPairGetters);
}

}  // namespace minipy
