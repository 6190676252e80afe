// _io.BytesIO and _io.StringIO: streams over memory (CPython's Modules/_io/bytesio.c and stringio.c).
// StringIO keeps its text as UTF-8 and its position in code points; positions map to byte offsets by walking the
// text only when it holds non-ASCII characters. BytesIO.getbuffer() exports the stream's memory
// through a small exporter object (_io._BytesIOBuffer, as CPython's); the stream refuses to change size while an
// export lives. Left out: __getstate__/__setstate__, readinto().
#include "stdlib/native/io.h"
#include "stdlib/native/native_type.h"
#include "vm/objects/buffer.h"

namespace minipy {

namespace {

#define IO_FN(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

// The stream's bytes (BytesIO) or UTF-8 text (StringIO), owned by the IOObject and freed by close(); `pos`
// may lie past the end (seek allows it), and the gap is filled with zeros by the next write.
std::string& contents(IOObject* o) {
  if (!o->data) o->data = new std::string();
  return *o->data;
}

bool check_open(ThreadState& ts, IOObject* o, const char* message = "I/O operation on closed file.") {
  if (o->flags & kIOClosed) return raise_closed(ts, message), false;
  return true;
}

// ---- BytesIO ----------------------------------------------------------------------------------------------------

// getbuffer()'s exporter: one per BytesIO (kept in the stream's `writer` field, unused by BytesIO), counting
// the live exports of the stream's memory. The count lives in the exporter, not the stream: a collected
// memoryview releases its export during the sweep, when only the exporter's own fields may be touched.
Type bytesio_buffer_type;
struct BytesIOBufferObject : Object {
  Value stream;     // the BytesIO
  int64_t exports;
};
BytesIOBufferObject* as_exporter(Value v) { return static_cast<BytesIOBufferObject*>(v.as_object()); }
bool has_exporter(IOObject* o) { return o->writer && o->writer.is_object() && type_of(o->writer) == &bytesio_buffer_type; }

bool bytesio_buffer_get(ThreadState&, Value obj, BufferView* view) {
  BytesIOBufferObject* b = as_exporter(obj);
  std::string& d = contents(as_io(b->stream));
  view->data = d.data();
  view->length = static_cast<int64_t>(d.size());
  view->readonly = false;
  b->exports++;
  return true;
}
void bytesio_buffer_release(Value obj) { as_exporter(obj)->exports--; }
void trace_bytesio_buffer(Object* self, Tracer& tracer) { tracer.visit(static_cast<BytesIOBufferObject*>(self)->stream); }

// "Existing exports of data: object cannot be re-sized": writes, truncation, closing and re-initialising wait
// until every view from getbuffer() is released. A view that became garbage still counts until the collector
// finalizes it, so one collection is tried first (CPython's refcounting releases it at once).
bool check_exports(ThreadState& ts, IOObject* o) {
  if (!has_exporter(o) || as_exporter(o->writer)->exports == 0) return true;
  ts.interp->collect_garbage();
  if (as_exporter(o->writer)->exports == 0) return true;
  raise(ts, BufferError_type, "Existing exports of data: object cannot be re-sized");
  return false;
}

// BytesIO(initial_bytes=b''): any bytes-like object is copied; the position starts at 0. Calling __init__
// again resets the stream, which exported views forbid.
bool bytesio_init(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  IOObject* o = as_io(self);
  if (!check_exports(ts, o)) return false;
  Value initial = io_arg(args, kwnames, 0, "initial_bytes", ts);
  contents(o).clear();
  o->pos = 0;
  o->flags = kIOReadable | kIOWritable | kIOInitialized;
  if (initial && !is_none(initial)) {
    std::string_view data;
    std::string copy;
    if (!bytes_arg(ts, initial, &data, &copy)) return false;
    contents(o).assign(data);
  }
  return true;
}

bool bytes_open(ThreadState& ts, IOObject* o) { return check_open(ts, o, "I/O operation on closed file."); }

// Takes up to `size` bytes (all when negative) from the position on.
// Reading at or past the end gives b'' without moving anywhere else.
Value bytes_take(ThreadState& ts, IOObject* o, int64_t size) {
  std::string& d = contents(o);
  int64_t avail = std::max<int64_t>(0, static_cast<int64_t>(d.size()) - o->pos);
  if (size < 0 || size > avail) size = avail;
  Value r = make_bytes(ts, std::string_view(d).substr(static_cast<size_t>(std::min<int64_t>(o->pos, d.size())),
                                                      static_cast<size_t>(size)));
  o->pos += size;
  return r;
}

IO_FN(bio_read) {
  IOObject* o = as_io(self);
  if (!bytes_open(ts, o)) return Value();
  int64_t size = -1;
  if (Value a = io_arg(args, kwnames, 0, "size", ts); a && !io_size_arg(ts, a, &size)) return Value();
  return bytes_take(ts, o, size);
}
// Up to and including the next b'\n', limited to `size` bytes when that is non-negative.
IO_FN(bio_readline) {
  IOObject* o = as_io(self);
  if (!bytes_open(ts, o)) return Value();
  int64_t size = -1;
  if (Value a = io_arg(args, kwnames, 0, "size", ts); a && !io_size_arg(ts, a, &size)) return Value();
  std::string& d = contents(o);
  if (o->pos >= static_cast<int64_t>(d.size())) return make_bytes(ts, "");
  size_t nl = d.find('\n', static_cast<size_t>(o->pos));
  int64_t n = (nl == std::string::npos ? static_cast<int64_t>(d.size()) : static_cast<int64_t>(nl) + 1) - o->pos;
  if (size >= 0 && size < n) n = size;
  return bytes_take(ts, o, n);
}
// Overwrites from the position on and extends the stream as needed; returns the number of bytes written.
IO_FN(bio_write) {
  IOObject* o = as_io(self);
  if (!bytes_open(ts, o)) return Value();
  if (!check_arg_count(ts, "write", positional_count(args, kwnames), 1, 1)) return Value();
  std::string_view data;
  std::string copy;
  if (!bytes_arg(ts, args[0], &data, &copy) || !check_exports(ts, o)) return Value();
  std::string& d = contents(o);
  size_t pos = static_cast<size_t>(o->pos);
  if (pos > d.size()) d.resize(pos, '\0');  // writing past the end fills the gap with zeros
  size_t overlap = std::min(data.size(), d.size() - pos);
  d.replace(pos, overlap, data);
  o->pos += static_cast<int64_t>(data.size());
  return make_int(ts, static_cast<int64_t>(data.size()));
}
// The whole contents, whatever the position.
IO_FN(bio_getvalue) {
  (void)args, (void)kwnames;
  IOObject* o = as_io(self);
  if (!bytes_open(ts, o)) return Value();
  return make_bytes(ts, contents(o));
}
// seek(pos, whence=0) on a memory stream: positions past the end are allowed; `unit` names them in messages.
// BytesIO and StringIO differ here as in CPython: BytesIO accepts any relative offset (clamped at 0);
// StringIO, like a text file, only offset 0 relative to the current position or the end. Their messages
// differ in capitalisation too.
Value memory_seek(ThreadState& ts, IOObject* o, std::span<const Value> args, TupleObject* kwnames, int64_t end,
                  bool text) {
  if (!check_arg_count(ts, "seek", positional_count(args, kwnames), 1, 2)) return Value();
  int64_t pos, whence = 0;
  if (!index_to_int64(ts, args[0], &pos)) return Value();
  if (args.size() > 1 && !index_to_int64(ts, args[1], &whence)) return Value();
  if (whence < 0 || whence > 2)
    return raise_fmt(ts, ValueError_type, "{}nvalid whence ({}, should be 0, 1 or 2)", text ? "I" : "i", whence);
  if (text) {
    if (whence == 0 && pos < 0) return raise_fmt(ts, ValueError_type, "Negative seek position {}", pos);
    if (whence != 0 && pos != 0)
      return raise(ts, OSError_type, whence == 1 ? "Can't do nonzero cur-relative seeks"
                                                 : "Can't do nonzero end-relative seeks");
    if (whence == 1) pos = o->pos;
    if (whence == 2) pos = end;
  } else {
    if (whence == 0 && pos < 0) return raise_fmt(ts, ValueError_type, "negative seek value {}", pos);
    if (whence == 1) pos = std::max<int64_t>(0, o->pos + pos);
    if (whence == 2) pos = std::max<int64_t>(0, end + pos);
  }
  o->pos = pos;
  return make_int(ts, pos);
}
IO_FN(bio_seek) {
  IOObject* o = as_io(self);
  if (!bytes_open(ts, o)) return Value();
  return memory_seek(ts, o, args, kwnames, static_cast<int64_t>(contents(o).size()), false);
}
IO_FN(mem_tell) {
  (void)args, (void)kwnames;
  IOObject* o = as_io(self);
  if (!check_open(ts, o)) return Value();
  return make_int(ts, o->pos);
}
// truncate(size=None): the current position by default; the position does not move, and truncating beyond
// the end does not extend the stream.
IO_FN(bio_truncate) {
  IOObject* o = as_io(self);
  if (!bytes_open(ts, o)) return Value();
  int64_t size = o->pos;
  if (Value a = io_arg(args, kwnames, 0, "size", ts); a && !is_none(a)) {
    if (!index_to_int64(ts, a, &size)) return Value();
    if (size < 0) return raise_fmt(ts, ValueError_type, "negative size value {}", size);
  }
  if (!check_exports(ts, o)) return Value();
  if (size < static_cast<int64_t>(contents(o).size())) contents(o).resize(static_cast<size_t>(size));
  return make_int(ts, size);
}
IO_FN(mem_true) {
  (void)args, (void)kwnames;
  if (!check_open(ts, as_io(self))) return Value();
  return True();
}
// Frees the contents; every later operation raises "I/O operation on closed file". Refused while buffers
// from getbuffer() are still exported.
IO_FN(mem_close) {
  (void)args, (void)kwnames;
  IOObject* o = as_io(self);
  if (!check_exports(ts, o)) return Value();
  o->flags |= kIOClosed;
  delete o->data;
  o->data = nullptr;
  return None();
}
// getbuffer(): a writable memoryview of the stream's bytes.
IO_FN(bio_getbuffer) {
  IOObject* o = as_io(self);
  if (!check_arg_count(ts, "getbuffer", positional_count(args, kwnames), 0, 0) || !bytes_open(ts, o)) return Value();
  if (!has_exporter(o)) {
    auto* exporter = alloc_instance<BytesIOBufferObject>(ts, &bytesio_buffer_type);
    exporter->stream = self;
    o->writer = Value(exporter);
  }
  return make_memoryview(ts, o->writer);
}
IO_FN(mem_closed) {
  (void)ts, (void)args, (void)kwnames;
  return Bool(as_io(self)->flags & kIOClosed);
}
IO_FN(mem_flush) {
  (void)args, (void)kwnames;
  if (!check_open(ts, as_io(self))) return Value();
  return None();
}

const MethodDef kBytesIOMethods[] = {
    {"read", bio_read},         {"read1", bio_read},       {"readline", bio_readline}, {"write", bio_write},
    {"getbuffer", bio_getbuffer},
    {"getvalue", bio_getvalue}, {"seek", bio_seek},        {"tell", mem_tell},         {"truncate", bio_truncate},
    {"readable", mem_true},     {"writable", mem_true},    {"seekable", mem_true},     {"close", mem_close},
    {"flush", mem_flush},
};
const MethodDef kMemoryGetters[] = {{"closed", mem_closed}};

// ---- StringIO ---------------------------------------------------------------------------------------------------

// Byte offset of code point `index` in UTF-8 text `s` of `length` code points.
// ASCII-only text (byte length equals code point length) maps directly; otherwise the UTF-8 is walked.
size_t byte_offset(const std::string& s, int64_t length, int64_t index) {
  if (static_cast<int64_t>(s.size()) == length) return static_cast<size_t>(std::min<int64_t>(index, length));
  size_t off = 0;
  for (int64_t i = 0; i < index && off < s.size(); i++) {
    off++;
    while (off < s.size() && is_continuation(s[off])) off++;
  }
  return off;
}
int64_t count_code_points(std::string_view s) {
  int64_t n = 0;
  for (char c : s) n += !is_continuation(c);
  return n;
}

// Newline translation of text written to a StringIO (as TextIOWrapper's, without an encoder).
// newline=None translates \r and \r\n written to \n; '\r' or '\r\n' replace each written \n; '' and '\n'
// store the text as written.
std::string translate_written(IOObject* o, std::string_view s) {
  if (is_none(o->newline)) return translate_newlines(s);
  std::string out;
  std::string_view nl = as_str(o->newline)->view();
  if (nl == "\r" || nl == "\r\n") {
    for (char c : s) {
      if (c == '\n') out += nl;
      else out += c;
    }
    return out;
  }
  return std::string(s);
}

// Writes at the position in code points: appending is the fast path; otherwise the overlapped characters are
// replaced and a position past the end is padded with NULs first.
bool stringio_write_text(ThreadState& ts, IOObject* o, std::string_view text) {
  (void)ts;
  std::string translated;
  if (is_none(o->newline) || (as_str(o->newline)->size > 0 && as_str(o->newline)->data[0] == '\r')) {
    translated = translate_written(o, text);
    text = translated;
  }
  if (text.empty()) return true;
  std::string& d = contents(o);
  int64_t n = count_code_points(text);
  if (o->pos == o->length) {  // appending (the common case)
    d.append(text);
  } else {
    if (o->pos > o->length) {  // past the end: pad with NULs as CPython does
      d.append(static_cast<size_t>(o->pos - o->length), '\0');
      o->length = o->pos;
    }
    size_t start = byte_offset(d, o->length, o->pos);
    int64_t replaced = std::min<int64_t>(n, o->length - o->pos);
    size_t stop = start;
    for (int64_t i = 0; i < replaced; i++) {
      stop++;
      while (stop < d.size() && is_continuation(d[stop])) stop++;
    }
    d.replace(start, stop - start, text);
    o->length -= replaced;
  }
  o->length += n;
  o->pos += n;
  return true;
}

// StringIO(initial_value='', newline='\n'): the initial text is written (so newline translation applies to
// it) and the position goes back to 0.
bool stringio_init(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  IOObject* o = as_io(self);
  Value initial = io_arg(args, kwnames, 0, "initial_value", ts);
  Value newline = io_arg(args, kwnames, 1, "newline", ts);
  if (newline && !is_none(newline) && !is_str(newline))
    return raise_fmt(ts, TypeError_type, "newline must be str or None, not {}", type_name(newline)), false;
  if (!newline) newline = Value(intern(ts, "\n"));
  if (!is_none(newline)) {
    std::string_view nl = as_str(newline)->view();
    if (nl != "" && nl != "\n" && nl != "\r" && nl != "\r\n") {
      Value r = py_repr(ts, newline);
      return raise_fmt(ts, ValueError_type, "illegal newline value: {}", r ? as_str(r)->view() : "?"), false;
    }
  }
  if (initial && !is_none(initial) && !is_str(initial))
    return raise_fmt(ts, TypeError_type, "initial_value must be str or None, not {}", type_name(initial)), false;
  o->newline = newline;
  o->flags = kIOReadable | kIOWritable | kIOInitialized;
  if (is_none(newline)) o->flags |= kIOTranslate | kIOAnyNewline;
  else if (as_str(newline)->size == 0) o->flags |= kIOAnyNewline;
  contents(o).clear();
  o->pos = o->length = 0;
  if (initial && !is_none(initial)) {
    if (!stringio_write_text(ts, o, as_str(initial)->view())) return false;
    o->pos = 0;
  }
  return true;
}

Value sio_text(ThreadState& ts, IOObject* o, int64_t start, int64_t stop) {
  std::string& d = contents(o);
  size_t a = byte_offset(d, o->length, start), b = byte_offset(d, o->length, stop);
  return Value(make_str(ts, std::string_view(d).substr(a, b - a)));
}

bool sio_check(ThreadState& ts, IOObject* o) {
  if (!(o->flags & kIOInitialized)) return raise(ts, ValueError_type, "I/O operation on uninitialized object"), false;
  return check_open(ts, o, "I/O operation on closed file");
}

IO_FN(sio_getvalue) {
  (void)args, (void)kwnames;
  IOObject* o = as_io(self);
  if (!sio_check(ts, o)) return Value();
  return Value(make_str(ts, contents(o)));
}
IO_FN(sio_read) {
  IOObject* o = as_io(self);
  if (!sio_check(ts, o)) return Value();
  int64_t size = -1;
  if (Value a = io_arg(args, kwnames, 0, "size", ts); a && !io_size_arg(ts, a, &size)) return Value();
  int64_t start = std::min(o->pos, o->length);
  int64_t stop = size < 0 ? o->length : std::min(o->length, start + size);
  o->pos = std::max(o->pos, stop);
  return sio_text(ts, o, start, stop);
}
IO_FN(sio_readline) {
  IOObject* o = as_io(self);
  if (!sio_check(ts, o)) return Value();
  int64_t size = -1;
  if (Value a = io_arg(args, kwnames, 0, "size", ts); a && !io_size_arg(ts, a, &size)) return Value();
  if (o->pos >= o->length) return Value(ts.interp->names.empty);
  std::string& d = contents(o);
  size_t start = byte_offset(d, o->length, o->pos);
  // Line ends: \n normally; \r, \n or \r\n for newline='' (newline=None text was translated on write).
  std::string_view nl = is_none(o->newline) ? "\n" : as_str(o->newline)->view();
  size_t end;
  if (nl.empty()) {
    size_t i = d.find_first_of("\r\n", start);
    end = i == std::string::npos ? d.size() : (d[i] == '\r' && i + 1 < d.size() && d[i + 1] == '\n') ? i + 2 : i + 1;
  } else {
    size_t i = d.find(nl, start);
    end = i == std::string::npos ? d.size() : i + nl.size();
  }
  int64_t n = count_code_points(std::string_view(d).substr(start, end - start));
  if (size >= 0 && size < n) n = size;
  Value r = sio_text(ts, o, o->pos, o->pos + n);
  o->pos += n;
  return r;
}
IO_FN(sio_write) {
  IOObject* o = as_io(self);
  if (!sio_check(ts, o)) return Value();
  if (!check_arg_count(ts, "write", positional_count(args, kwnames), 1, 1)) return Value();
  if (!is_str(args[0]))
    return raise_fmt(ts, TypeError_type, "string argument expected, got '{}'", type_name(args[0]));
  StrObject* s = as_str(args[0]);
  if (!stringio_write_text(ts, o, s->view())) return Value();
  return make_int(ts, s->length);
}
IO_FN(sio_seek) {
  IOObject* o = as_io(self);
  if (!sio_check(ts, o)) return Value();
  return memory_seek(ts, o, args, kwnames, o->length, true);
}
IO_FN(sio_tell) {
  (void)args, (void)kwnames;
  IOObject* o = as_io(self);
  if (!sio_check(ts, o)) return Value();
  return make_int(ts, o->pos);
}
IO_FN(sio_truncate) {
  IOObject* o = as_io(self);
  if (!sio_check(ts, o)) return Value();
  int64_t size = o->pos;
  if (Value a = io_arg(args, kwnames, 0, "pos", ts); a && !is_none(a)) {
    if (!index_to_int64(ts, a, &size)) return Value();
    if (size < 0) return raise_fmt(ts, ValueError_type, "Negative size value {}", size);
  }
  if (size < o->length) {
    contents(o).resize(byte_offset(contents(o), o->length, size));
    o->length = size;
  }
  return make_int(ts, size);
}
IO_FN(sio_true) {
  (void)args, (void)kwnames;
  if (!sio_check(ts, as_io(self))) return Value();
  return True();
}
IO_FN(sio_line_buffering) {
  (void)args, (void)kwnames;
  if (!sio_check(ts, as_io(self))) return Value();
  return False();
}
IO_FN(sio_newlines) {
  (void)args, (void)kwnames;
  if (!sio_check(ts, as_io(self))) return Value();
  return None();
}
Value stringio_repr(ThreadState& ts, Value self) {
  std::string_view name = type_of(self) == &string_io_type ? "_io.StringIO" : type_of(self)->name->view();
  return Value(make_str(ts, fmt::format("<{} object at {:#x}>", name, self.bits())));
}

const MethodDef kStringIOMethods[] = {
    {"getvalue", sio_getvalue}, {"read", sio_read},         {"readline", sio_readline}, {"write", sio_write},
    {"seek", sio_seek},         {"tell", sio_tell},         {"truncate", sio_truncate}, {"readable", sio_true},
    {"writable", sio_true},     {"seekable", sio_true},     {"close", mem_close},
};
const MethodDef kStringIOGetters[] = {
    {"closed", mem_closed}, {"line_buffering", sio_line_buffering}, {"newlines", sio_newlines}};

}  // namespace

void init_io_memory_types(ThreadState& ts) {
  if (begin_native_type(ts, bytesio_buffer_type, "_BytesIOBuffer", "_io", sizeof(BytesIOBufferObject))) {
    bytesio_buffer_type.trace = trace_bytesio_buffer;
    finish_native_type(ts, bytesio_buffer_type);
    register_buffer_type(bytesio_buffer_type, bytesio_buffer_get, bytesio_buffer_release);
  }
  bytes_io_type.init = bytesio_init;
  add_methods(ts, bytes_io_type, kBytesIOMethods);
  add_getsets(ts, bytes_io_type, kMemoryGetters);
  string_io_type.init = stringio_init;
  string_io_type.repr = stringio_repr;
  add_methods(ts, string_io_type, kStringIOMethods);
  add_getsets(ts, string_io_type, kStringIOGetters);
}

}  // namespace minipy
