// The native `_io` module, CPython's Modules/_io: the class tree (_IOBase, _RawIOBase, _BufferedIOBase,
// _TextIOBase and the concrete classes in io_*.cpp), open(), open_code(), text_encoding(), the constants and
// UnsupportedOperation; plus the standard streams sys.stdin/stdout/stderr are made of.
// Left out: the native classes' own readinto()/readinto1() (RawIOBase.read calls a Python subclass's
// readinto), _WindowsConsoleIO, pickling of the in-memory streams, and reading text in encodings that are not
// ASCII-compatible (see io_text.cpp).
#include "stdlib/native/io.h"
#include "vm/objects/buffer.h"

#include <unistd.h>

#include <csignal>

#include <cstdlib>
#include <cstring>

#include "stdlib/native/native_support.h"
#include "vm/objects/heap_type.h"
#include "vm/objects/static_type.h"

namespace minipy {

#define X(name, text, base) Type name##_type;
MINIPY_IO_TYPES(X)
#undef X

Value io_unsupported_operation;
// io.open and builtins.open must be the same object (CPython: `open is io.open`), so the function is made once and kept
// here as a root for the builtins setup to reuse.
Value io_open_function;  // builtins.open is io.open: one function object

// _checkReadable and friends ask the object's own readable()/writable()/seekable() (a subclass may override them) and
// raise UnsupportedOperation with _pyio's messages.
Value check_capability(ThreadState& ts, Value self, const char* method, const char* message) {
  Value r = io_call(ts, self, method);
  if (!r) return r;
  int t = py_truth(ts, r);
  if (t < 0) return Value();
  if (!t) return raise_unsupported(ts, message);
  return None();
}

namespace {

void trace_io(Object* self, Tracer& tracer) {
  auto* o = static_cast<IOObject*>(self);
  tracer.visit(o->dict);
  tracer.visit(o->raw);
  tracer.visit(o->writer);
  tracer.visit(o->encoding);
  tracer.visit(o->errors);
  tracer.visit(o->newline);
}

// The read-ahead and write buffers are C++ objects owned by the stream; the collector's finalize hook frees them when
// the stream is swept (close() may never have been called).
void finalize_io(Object* self) {
  auto* o = static_cast<IOObject*>(self);
  delete o->data;
  delete o->wbuf;
  o->data = nullptr;
  o->wbuf = nullptr;
}

// Unreachable streams are closed (flushing what they buffered), errors ignored, as CPython's iobase_finalize.
// A pending exception is set aside because this runs from the collector at an arbitrary safe point; a failure of the
// implicit close is dropped, as CPython's iobase_finalize drops it (it would have nowhere to go).
void io_del(ThreadState& ts, Object* self) {
  Value saved = ts.current_exception;
  ts.current_exception = Value();
  Value closed = get_attr_optional(ts, Value(self), intern(ts, "closed"));
  if (closed && py_truth(ts, closed) == 0) (void)io_call(ts, Value(self), "close");
  ts.current_exception = saved;
}

// Every _io class shares one object layout (IOObject); the fields a class does not use stay None or empty. One layout
// keeps the class tree simple and lets Python subclasses of any of them work with the same tracer.
Value io_new(ThreadState& ts, Type* type, std::span<const Value>, TupleObject*) {
  auto* o = ts.alloc<IOObject>(type, type->instance_size);
  o->fd = -1;
  o->raw = None();
  o->writer = None();
  o->encoding = None();
  o->errors = None();
  o->newline = None();
  return Value(o);
}

bool io_base_init(ThreadState&, Value, std::span<const Value>, TupleObject*) { return true; }

Value io_iter(ThreadState& ts, Value self) {
  Value closed = get_attr(ts, self, intern(ts, "closed"));
  if (!closed) return closed;
  int c = py_truth(ts, closed);
  if (c < 0) return Value();
  if (c) return raise_closed(ts);
  return self;
}

// next(stream): its next line; exhausted at the first empty line.
// Iteration calls readline() through the method lookup, so a subclass overriding readline changes iteration, as in
// CPython's iobase_iternext.
Value io_iternext(ThreadState& ts, Value self) {
  Value line = io_call(ts, self, "readline");
  if (!line) return line;
  int64_t n = py_len(ts, line);
  if (n < 0) return Value();
  return n == 0 ? Value() : line;
}

#define IO_FN(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

bool base_closed(ThreadState& ts, Value self, bool* closed) {
  if (type_of(self) == &io_base_type || !(type_of(self)->flags & kTypeHeap)) {
    // a native class may answer through its own `closed`; the flag is _IOBase's own state
  }
  Value c = get_attr(ts, self, intern(ts, "closed"));
  if (!c) return false;
  int t = py_truth(ts, c);
  if (t < 0) return false;
  *closed = t;
  return true;
}

bool check_not_closed(ThreadState& ts, Value self) {
  bool closed;
  if (!base_closed(ts, self, &closed)) return false;
  if (closed) return raise_closed(ts), false;
  return true;
}

IO_FN(base_closed_getter) {
  (void)args, (void)kwnames, (void)ts;
  return Bool(as_io(self)->flags & kIOClosed);
}
IO_FN(base_seek) { return (void)self, (void)args, (void)kwnames, raise_unsupported(ts, "seek"); }
IO_FN(base_truncate) { return (void)self, (void)args, (void)kwnames, raise_unsupported(ts, "truncate"); }
IO_FN(base_fileno) { return (void)self, (void)args, (void)kwnames, raise_unsupported(ts, "fileno"); }
IO_FN(base_detach) { return (void)self, (void)args, (void)kwnames, raise_unsupported(ts, "detach"); }
IO_FN(base_read) { return (void)self, (void)args, (void)kwnames, raise_unsupported(ts, "read"); }
IO_FN(base_read1) { return (void)self, (void)args, (void)kwnames, raise_unsupported(ts, "read1"); }
IO_FN(base_write) { return (void)self, (void)args, (void)kwnames, raise_unsupported(ts, "write"); }
IO_FN(base_readline_unsupported) {
  return (void)self, (void)args, (void)kwnames, raise_unsupported(ts, "readline");
}
// _IOBase.tell() is seek(0, SEEK_CUR), so a class that implements seek gets tell for free.
IO_FN(base_tell) {
  (void)args, (void)kwnames;
  Value a[2] = {Value::small_int(0), Value::small_int(1)};
  return io_call(ts, self, "seek", a);
}
IO_FN(base_false) {
  (void)args, (void)kwnames;
  if (!check_not_closed(ts, self)) return Value();
  return False();
}
IO_FN(base_flush) {
  (void)args, (void)kwnames;
  if (!check_not_closed(ts, self)) return Value();
  return None();
}
// close(): flush, then mark closed (even when the flush failed, whose error is then raised).
// Marked closed even when flush() failed, then the flush error is raised: a close that raises must still leave the
// object closed, or a with-block exit would try again forever.
IO_FN(base_close) {
  (void)args, (void)kwnames;
  bool closed;
  if (!base_closed(ts, self, &closed)) return Value();
  if (closed) return None();
  Value r = io_call(ts, self, "flush");
  as_io(self)->flags |= kIOClosed;
  return r ? None() : Value();
}
IO_FN(base_enter) {
  (void)args, (void)kwnames;
  if (!check_not_closed(ts, self)) return Value();
  return self;
}
IO_FN(base_exit) {
  (void)args, (void)kwnames;
  return io_call(ts, self, "close");
}
IO_FN(base_iter) {
  (void)args, (void)kwnames;
  return io_iter(ts, self);
}
IO_FN(base_next) {
  (void)args, (void)kwnames;
  Value v = io_iternext(ts, self);
  if (!v && !ts.current_exception) return raise_value(ts, new_exception(ts, &StopIteration_type, {}));
  return v;
}
IO_FN(base_check_closed) {
  (void)args, (void)kwnames;
  if (!check_not_closed(ts, self)) return Value();
  return None();
}
IO_FN(base_check_readable) {
  (void)args, (void)kwnames;
  return check_capability(ts, self, "readable", "File or stream is not readable.");
}
IO_FN(base_check_writable) {
  (void)args, (void)kwnames;
  return check_capability(ts, self, "writable", "File or stream is not writable.");
}
IO_FN(base_check_seekable) {
  (void)args, (void)kwnames;
  return check_capability(ts, self, "seekable", "File or stream is not seekable.");
}

// readline(size=-1) over peek()/read(): what subclasses that only define read() get.
// One byte at a time through read(1) (peek() is not used): slow but correct for any subclass, and only reached by
// classes that define neither readline nor a native buffer.
IO_FN(base_readline) {
  int64_t limit = -1;
  if (Value a = io_arg(args, kwnames, 0, "size", ts); a && !io_size_arg(ts, a, &limit)) return Value();
  std::string line;
  Value one = Value::small_int(1);
  while (limit < 0 || static_cast<int64_t>(line.size()) < limit) {
    Value b = io_call(ts, self, "read", std::span<const Value>(&one, 1));
    if (!b) return b;
    std::string_view chunk;
    if (is_none(b)) break;
    if (!bytes_arg(ts, b, &chunk)) return Value();
    if (chunk.empty()) break;
    line += chunk;
    if (line.back() == '\n') break;
  }
  return make_bytes(ts, line);
}

// readlines(hint=-1): lines until their total size reaches hint.
// The hint counts the size of the lines read so far and stops once it is exceeded, so the line that crosses it is
// included, as in CPython.
IO_FN(base_readlines) {
  int64_t hint = -1;
  if (Value a = io_arg(args, kwnames, 0, "hint", ts); a && !io_size_arg(ts, a, &hint)) return Value();
  ListObject* lines = make_list(ts, 0);
  Value result(lines);
  Value iter = get_iter(ts, self);
  if (!iter) return iter;
  int64_t total = 0;
  while (Value line = iter_next(ts, iter)) {
    if (!list_append(ts, lines, line)) return Value();
    if (hint > 0) {
      int64_t n = py_len(ts, line);
      if (n < 0) return Value();
      total += n;
      if (total > hint) break;
    }
  }
  if (ts.current_exception) return Value();
  return result;
}

IO_FN(base_writelines) {
  if (!check_arg_count(ts, "writelines", positional_count(args, kwnames), 1, 1)) return Value();
  if (!check_not_closed(ts, self)) return Value();
  Value iter = get_iter(ts, args[0]);
  if (!iter) return iter;
  while (Value line = iter_next(ts, iter))
    if (!io_call(ts, self, "write", std::span<const Value>(&line, 1))) return Value();
  if (ts.current_exception) return Value();
  return None();
}

// _RawIOBase.read(size=-1) without readinto: readall() for a negative size.
IO_FN(raw_read) {
  int64_t size = -1;
  if (Value a = io_arg(args, kwnames, 0, "size", ts); a && !io_size_arg(ts, a, &size)) return Value();
  if (size < 0) return io_call(ts, self, "readall");
  return read_through_readinto(ts, self, size);
}
// read() returning None means "no data right now" on a non-blocking stream: with nothing read yet that None is
// readall()'s result too, as in _pyio.
IO_FN(raw_readall) {
  (void)args, (void)kwnames;
  std::string all;
  Value chunk_size = Value::small_int(8192);
  for (;;) {
    Value b = io_call(ts, self, "read", std::span<const Value>(&chunk_size, 1));
    if (!b) return b;
    if (is_none(b)) {
      if (all.empty()) return b;
      break;
    }
    std::string_view chunk;
    if (!bytes_arg(ts, b, &chunk)) return Value();
    if (chunk.empty()) break;
    all += chunk;
  }
  return make_bytes(ts, all);
}
IO_FN(none_getter) { return (void)ts, (void)self, (void)args, (void)kwnames, None(); }

const MethodDef kIOBaseMethods[] = {
    {"seek", base_seek},           {"tell", base_tell},
    {"truncate", base_truncate},   {"flush", base_flush},
    {"close", base_close},         {"seekable", base_false},
    {"readable", base_false},      {"writable", base_false},
    {"fileno", base_fileno},       {"isatty", base_false},
    {"__enter__", base_enter},     {"__exit__", base_exit},
    {"__iter__", base_iter},       {"__next__", base_next},
    {"readline", base_readline},   {"readlines", base_readlines},
    {"writelines", base_writelines}, {"_checkClosed", base_check_closed},
    {"_checkReadable", base_check_readable}, {"_checkWritable", base_check_writable},
    {"_checkSeekable", base_check_seekable},
};
const MethodDef kIOBaseGetters[] = {{"closed", base_closed_getter}};
const MethodDef kRawIOBaseMethods[] = {{"read", raw_read}, {"readall", raw_readall}};
// _BufferedIOBase.readinto(buffer, /) and readinto1: self.read(len) (or read1) copied into the writable buffer,
// as CPython's _bufferediobase_readinto_generic; the number of bytes copied.
Value buffered_readinto(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames,
                        const char* name, const char* read_name) {
  if (!check_positional_args(ts, name, args, kwnames, 1, 1)) return Value();
  std::span<char> target;
  if (!native::writable_bytes(ts, args[0], &target)) return Value();
  Value size = make_int(ts, static_cast<int64_t>(target.size()));
  Value data = call_method(ts, self, intern(ts, read_name), std::span<const Value>(&size, 1));
  if (!data) return Value();
  if (!is_subtype(type_of(data), &bytes_type)) return raise(ts, TypeError_type, "read() should return bytes");
  std::string_view bytes = static_cast<BytesObject*>(data.as_object())->view();
  // The read may have run Python code: the buffer is looked up again before copying into it.
  if (!native::writable_bytes(ts, args[0], &target)) return Value();
  if (bytes.size() > target.size())
    return raise_fmt(ts, ValueError_type, "read() returned too much data: {} bytes requested, {} returned",
                     target.size(), bytes.size());
  std::copy(bytes.begin(), bytes.end(), target.begin());
  return make_int(ts, static_cast<int64_t>(bytes.size()));
}
IO_FN(base_readinto) { return buffered_readinto(ts, self, args, kwnames, "readinto", "read"); }
IO_FN(base_readinto1) { return buffered_readinto(ts, self, args, kwnames, "readinto1", "read1"); }

const MethodDef kBufferedIOBaseMethods[] = {
    {"read", base_read}, {"read1", base_read1}, {"write", base_write}, {"detach", base_detach},
    {"readinto", base_readinto}, {"readinto1", base_readinto1}};
const MethodDef kTextIOBaseMethods[] = {
    {"read", base_read}, {"readline", base_readline_unsupported}, {"write", base_write}, {"detach", base_detach}};
const MethodDef kTextIOBaseGetters[] = {{"encoding", none_getter}, {"newlines", none_getter}, {"errors", none_getter}};

void define_io_type(ThreadState& ts, Type& t, const char* name, Type* base) {
  t.type = &type_type;
  t.gc_flags = kGcStatic;
  t.c_name = name;
  t.base = base ? base : &object_type;
  t.instance_size = sizeof(IOObject);
  t.dict_offset = offsetof(IOObject, dict);
  t.flags = kTypeBaseType | kTypeImmutable;
  init_static_type(ts, t);
  t.module = Value(intern(ts, "_io"));
  t.getattr = object_type.getattr;
  t.setattr = object_type.setattr;
  t.repr = object_type.repr;
  t.str = object_type.str;
  t.hash = object_type.hash;
  t.richcompare = object_type.richcompare;
  t.new_instance = io_new;
  t.init = io_base_init;
  t.trace = trace_io;
  t.finalize = finalize_io;
  if (base) {
    t.iter = base->iter;
    t.iternext = base->iternext;
    t.del = base->del;
  }
  dict_set_str_new(ts, t.dict, ts.interp->names.dict, instance_dict_descriptor(ts));
  dict_set_str_new(ts, t.dict, ts.interp->names.doc, None());
}

// ---- module functions -------------------------------------------------------------------------------------------

// The mode string's letters, checked as CPython's open() checks them.
struct OpenMode {
  bool read = false, write = false, append = false, create = false, update = false, text = false,
       binary = false;
};

// CPython's _io_open_impl checks the letters in this order and with these messages; 'U' (removed in 3.11) is an invalid
// mode like any other letter.
bool parse_open_mode(ThreadState& ts, std::string_view mode, OpenMode* m) {
  std::string seen;
  for (char c : mode) {
    if (!has_char("rwaxbt+", c) || has_char(seen, c))
      return raise_fmt(ts, ValueError_type, "invalid mode: '{}'", mode), false;
    seen += c;
    m->read |= c == 'r';
    m->write |= c == 'w';
    m->append |= c == 'a';
    m->create |= c == 'x';
    m->update |= c == '+';
    m->text |= c == 't';
    m->binary |= c == 'b';
  }
  if (m->text && m->binary) return raise(ts, ValueError_type, "can't have text and binary mode at once"), false;
  if (m->read + m->write + m->append + m->create != 1)
    return raise(ts, ValueError_type, "must have exactly one of create/read/write/append mode"), false;
  return true;
}

IO_FN(io_open) {
  (void)self;
  static const char* const kNames[] = {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd",
                                       "opener"};
  Value a[8];
  size_t npos = positional_count(args, kwnames);
  if (npos > 8) return raise_fmt(ts, TypeError_type, "open() takes at most 8 arguments ({} given)", args.size());
  for (size_t i = 0; i < 8; i++) a[i] = io_arg(args, kwnames, i, kNames[i], ts);
  if (kwnames)
    for (int64_t i = 0; i < kwnames->size; i++) {
      std::string_view k = as_str(kwnames->items[i])->view();
      bool known = false;
      for (const char* n : kNames) known |= k == n;
      if (!known) return raise_fmt(ts, TypeError_type, "'{}' is an invalid keyword argument for open()", k);
    }
  if (!a[0]) return raise(ts, TypeError_type, "open() missing required argument 'file' (pos 1)");
  Value file = a[0];
  std::string_view mode = "r";
  if (a[1]) {
    if (!is_str(a[1]))
      return raise_fmt(ts, TypeError_type, "open() argument 'mode' must be str, not {}", type_name(a[1]));
    mode = as_str(a[1])->view();
  }
  int64_t buffering = -1;
  if (a[2] && !index_to_int64(ts, a[2], &buffering)) return Value();
  for (int i = 3; i <= 5; i++)
    if (a[i] && !is_none(a[i]) && !is_str(a[i]))
      return raise_fmt(ts, TypeError_type, "open() argument '{}' must be str or None, not {}", kNames[i],
                       type_name(a[i]));
  Value encoding = a[3] ? a[3] : None(), errors = a[4] ? a[4] : None(), newline = a[5] ? a[5] : None();
  bool closefd = true;
  if (a[6]) {
    int t = py_truth(ts, a[6]);
    if (t < 0) return Value();
    closefd = t;
  }
  Value opener = a[7] ? a[7] : None();
  if (!is_str(file) && !is_int(file) && type_of(file) != &bytes_type) {
    Value fspath = get_attr_optional(ts, Value(type_of(file)), intern(ts, "__fspath__"));
    if (!fspath) {
      if (ts.current_exception) return Value();
      return raise_fmt(ts, TypeError_type, "expected str, bytes or os.PathLike object, not {}", type_name(file));
    }
    file = call(ts, fspath, std::span<const Value>(&file, 1));
    if (!file) return file;
  }
  OpenMode m;
  if (!parse_open_mode(ts, mode, &m)) return Value();
  if (m.binary && !is_none(encoding))
    return raise(ts, ValueError_type, "binary mode doesn't take an encoding argument");
  if (m.binary && !is_none(errors)) return raise(ts, ValueError_type, "binary mode doesn't take an errors argument");
  if (m.binary && !is_none(newline)) return raise(ts, ValueError_type, "binary mode doesn't take a newline argument");
  if (m.binary && buffering == 1) {
    // CPython warns (RuntimeWarning) and uses the default buffer size; minipy skips the warning.
    buffering = -1;
  }
  std::string raw_mode;
  raw_mode += m.create ? 'x' : m.read ? 'r' : m.write ? 'w' : 'a';
  if (m.update) raw_mode += '+';
  Value raw = make_fileio(ts, file, raw_mode, closefd, opener);
  if (!raw) return raw;
  bool line_buffering = false;
  if (buffering == 1 || (buffering < 0 && isatty(as_io(raw)->fd))) {
    buffering = -1;
    line_buffering = true;
  }
  if (buffering < 0) buffering = 8192;
  if (buffering == 0) {
    if (m.binary) return raw;
    (void)io_call(ts, raw, "close");
    return raise(ts, ValueError_type, "can't have unbuffered text I/O");
  }
  Type* kind = m.update ? &buffered_random_type : (m.write || m.append || m.create) ? &buffered_writer_type
                                                                                    : &buffered_reader_type;
  Value buffer = make_buffered(ts, kind, raw, buffering);
  if (!buffer) return buffer;
  if (m.binary) return buffer;
  Value text = make_text_wrapper(ts, buffer, encoding, errors, newline, line_buffering, false);
  if (!text) {
    Value pending = ts.current_exception;
    ts.current_exception = Value();
    (void)io_call(ts, buffer, "close");
    ts.current_exception = pending;
    return text;
  }
  if (!set_attr(ts, text, intern(ts, "mode"), Value(make_str(ts, mode)))) return Value();
  return text;
}

IO_FN(io_open_code) {
  (void)self;
  Value path = io_arg(args, kwnames, 0, "path", ts);
  if (!path || !is_str(path))
    return raise_fmt(ts, TypeError_type, "open_code() argument 'path' must be str, not {}",
                     path ? type_name(path) : "NoneType");
  Value a[2] = {path, Value(intern(ts, "rb"))};
  return io_open(ts, Value(), a, nullptr);
}

// text_encoding(encoding, stacklevel=2): the encoding open() would use ("locale" means the locale's).
IO_FN(io_text_encoding) {
  (void)self;
  Value encoding = io_arg(args, kwnames, 0, "encoding", ts);
  if (!encoding) return raise(ts, TypeError_type, "text_encoding() missing required argument 'encoding' (pos 1)");
  if (!is_none(encoding)) return encoding;
  return Value(intern(ts, std::strcmp(preferred_encoding(), "utf-8") == 0 ? "utf-8" : "locale"));
}

const MethodDef kIOFunctions[] = {
    {"open", io_open},
    {"open_code", io_open_code},
    {"text_encoding", io_text_encoding},
};

bool io_types_ready = false;

void init_io_types(ThreadState& ts) {
  // c_name is the full name, as CPython's tp_name ("_io.StringIO"): messages quote it.
#define X(name, text, base) define_io_type(ts, name##_type, "_io." text, base);
  MINIPY_IO_TYPES(X)
#undef X
  io_base_type.iter = io_iter;
  io_base_type.iternext = io_iternext;
  io_base_type.del = io_del;
  for (Type* t : {&raw_io_base_type, &buffered_io_base_type, &text_io_base_type, &file_io_type, &bytes_io_type,
                  &string_io_type, &buffered_reader_type, &buffered_writer_type, &buffered_random_type,
                  &buffered_rwpair_type, &text_io_wrapper_type}) {
    t->iter = io_iter;
    t->iternext = io_iternext;
    t->del = io_del;
  }
  add_methods(ts, io_base_type, kIOBaseMethods);
  add_getsets(ts, io_base_type, kIOBaseGetters);
  add_methods(ts, raw_io_base_type, kRawIOBaseMethods);
  add_methods(ts, buffered_io_base_type, kBufferedIOBaseMethods);
  add_methods(ts, text_io_base_type, kTextIOBaseMethods);
  add_getsets(ts, text_io_base_type, kTextIOBaseGetters);
  // io.UnsupportedOperation derives from both OSError and ValueError.
  Value bases_items[2] = {Value(&OSError_type), Value(&ValueError_type)};
  TupleObject* bases = make_tuple(ts, bases_items);
  DictObject* ns = make_dict(ts);
  dict_set_str_new(ts, ns, ts.interp->names.module, Value(intern(ts, "io")));
  io_unsupported_operation = make_heap_type(ts, &type_type, intern(ts, "UnsupportedOperation"), bases, ns, {}, nullptr);
  init_io_file_types(ts);
  init_io_memory_types(ts);
  init_io_buffered_types(ts);
  init_io_text_types(ts);
  // The concrete classes show their init as __init__ (StringIO.__init__ ...), as CPython's do: a subclass's
  // super().__init__(...) reaches it through the MRO.
#define X(name, text, base) \
  if (name##_type.init != io_base_init) add_init_wrapper(ts, name##_type);
  MINIPY_IO_TYPES(X)
#undef X
  io_types_ready = true;
}

}  // namespace

// ---- helpers shared by the io files -------------------------------------------------------------------------------

Value raise_unsupported(ThreadState& ts, std::string_view message) {
  Value msg(make_str(ts, message));
  Value exc = call(ts, io_unsupported_operation, std::span<const Value>(&msg, 1));
  if (!exc) return exc;
  return raise_value(ts, exc);
}

Value raise_closed(ThreadState& ts, const char* message) { return raise(ts, ValueError_type, message); }

Value io_arg(std::span<const Value> args, TupleObject* kwnames, size_t index, std::string_view name,
             ThreadState& ts) {
  if (index < positional_count(args, kwnames)) return args[index];
  return kwnames ? keyword_arg(ts, args, kwnames, name) : Value();
}

bool io_size_arg(ThreadState& ts, Value v, int64_t* out) {
  if (is_none(v)) return *out = -1, true;
  if (!is_int(v)) return raise_fmt(ts, TypeError_type, "argument should be integer or None, not '{}'", type_name(v)), false;
  return index_to_int64(ts, v, out);
}

bool bytes_arg(ThreadState& ts, Value v, std::string_view* out, std::string* copy) {
  if (v.is_object() && is_subtype(type_of(v), &bytes_type)) {
    *out = static_cast<BytesObject*>(v.as_object())->view();
    return true;
  }
  // Any other bytes-like object (bytearray, memoryview, array) is copied: writing may run Python code (a raw
  // stream's write, a flush) that could resize or release the exporter.
  if (!copy || !has_buffer(v))
    return raise_fmt(ts, TypeError_type, "a bytes-like object is required, not '{}'", type_name(v)), false;
  if (!buffer_bytes(ts, v, copy)) return false;
  *out = *copy;
  return true;
}

Value read_through_readinto(ThreadState& ts, Value raw, int64_t n) {
  Value size = make_int(ts, n);
  Value buffer = call(ts, dict_get_str(ts.interp->builtins, intern(ts, "bytearray")), std::span<const Value>(&size, 1));
  if (!buffer) return buffer;
  Value got = io_call(ts, raw, "readinto", std::span<const Value>(&buffer, 1));
  if (!got || is_none(got)) return got;
  int64_t count;
  if (!index_to_int64(ts, got, &count)) return Value();
  if (count < 0 || count > n)
    return raise_fmt(ts, ValueError_type, "readinto returned {} outside buffer size {}", count, n);
  Value data = call(ts, Value(&bytes_type), std::span<const Value>(&buffer, 1));
  if (!data) return data;
  return make_bytes(ts, static_cast<BytesObject*>(data.as_object())->view().substr(0, static_cast<size_t>(count)));
}

Value io_call(ThreadState& ts, Value obj, const char* name, std::span<const Value> args) {
  return call_method(ts, obj, intern(ts, name), args);
}

// Whether the locale is C or POSIX (C.UTF-8 included): CPython's standard streams then use surrogateescape.
bool c_locale() {
  for (const char* n : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    const char* v = std::getenv(n);
    if (!v || !*v) continue;
    std::string_view s(v);
    return s == "C" || s == "POSIX" || s.starts_with("C.");
  }
  return true;
}

std::string translate_newlines(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); i++) {
    if (s[i] == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') i++;
    } else {
      out += s[i];
    }
  }
  return out;
}

const char* preferred_encoding() {
  // CPython's locale encoding; under the C/POSIX locale it runs in UTF-8 mode and names it "utf-8".
  const char* names[] = {"LC_ALL", "LC_CTYPE", "LANG"};
  for (const char* n : names) {
    const char* v = std::getenv(n);
    if (!v || !*v) continue;
    if (std::strcmp(v, "C") == 0 || std::strcmp(v, "POSIX") == 0) return "utf-8";
    return "UTF-8";
  }
  return "utf-8";
}

void trace_io_roots(Tracer& tracer) {
  if (!io_types_ready) return;
#define X(name, text, base) tracer.visit(static_cast<Object*>(&name##_type));
  MINIPY_IO_TYPES(X)
#undef X
  tracer.visit(io_unsupported_operation);
  tracer.visit(io_open_function);
}

// Makes sys.stdin, sys.stdout and sys.stderr (and their __std*__ twins): text streams over descriptors 0-2, as
// CPython's create_stdio. `unbuffered` is -u / PYTHONUNBUFFERED.
void init_standard_streams(ThreadState& ts) {
  // Types are static but their dicts live in this interpreter's heap: made again for each interpreter.
  init_io_types(ts);
  // As CPython: a write to a closed pipe fails with EPIPE (BrokenPipeError) instead of killing the process.
  signal(SIGPIPE, SIG_IGN);
  static const MethodDef open_def{"open", io_open};
  io_open_function = make_native_function(ts, &open_def, Value(), Value(intern(ts, "io")));
  dict_set_str_new(ts, ts.interp->builtins, intern(ts, "open"), io_open_function);
  const bool unbuffered = false;
  DictObject* sys = ts.interp->sys_module->dict;
  struct Std {
    int fd;
    const char* name;
    const char* mode;
    const char* attr;
    const char* dunder;
  };
  const Std kStd[] = {{0, "<stdin>", "r", "stdin", "__stdin__"},
                      {1, "<stdout>", "w", "stdout", "__stdout__"},
                      {2, "<stderr>", "w", "stderr", "__stderr__"}};
  for (const Std& s : kStd) {
    Value fd = Value::small_int(s.fd);
    Value raw = make_fileio(ts, fd, s.fd == 0 ? "r" : "w", false, None());
    if (!raw) {  // a closed descriptor: CPython sets the stream to None
      ts.current_exception = Value();
      dict_set_str_new(ts, sys, intern(ts, s.attr), None());
      dict_set_str_new(ts, sys, intern(ts, s.dunder), None());
      continue;
    }
    // A FileIO made just above: its dict holds only minipy's own str keys, so the store cannot fail.
    (void)set_attr(ts, raw, intern(ts, "name"), Value(make_str(ts, s.name)));
    Value buffer = make_buffered(ts, s.fd == 0 ? &buffered_reader_type : &buffered_writer_type, raw, 8192);
    bool tty = isatty(s.fd);
    Value errors = Value(intern(ts, s.fd == 2 ? "backslashreplace" : c_locale() ? "surrogateescape" : "strict"));
    Value text = make_text_wrapper(ts, buffer, Value(intern(ts, "utf-8")), errors, None(),
                                   s.fd == 2 || (tty && s.fd == 1) || unbuffered, unbuffered);
    if (!text) {
      ts.current_exception = Value();
      continue;
    }
    (void)set_attr(ts, text, intern(ts, "mode"), Value(intern(ts, s.mode)));  // a fresh wrapper, as above
    as_io(text)->flags |= kIOStdStream;
    if (unbuffered && s.fd != 0) as_io(buffer)->flags |= kIOUnbuffered;
    dict_set_str_new(ts, sys, intern(ts, s.attr), text);
    dict_set_str_new(ts, sys, intern(ts, s.dunder), text);
  }
}

// At exit, as CPython's flush_std_files: sys.stdout and sys.stderr are flushed; a failure is reported as
// unraisable ("Exception ignored in: <stdout>") and the exit status becomes 120.
int flush_standard_streams(ThreadState& ts, int status) {
  Value pending = ts.current_exception;
  ts.current_exception = Value();
  for (StrObject* name : {ts.interp->names.stdout_, intern(ts, "stderr")}) {
    Value stream = dict_get_str(ts.interp->sys_module->dict, name);
    if (!stream || is_none(stream)) continue;
    Value closed = get_attr_optional(ts, stream, intern(ts, "closed"));
    if (closed && py_truth(ts, closed) == 1) continue;
    ts.current_exception = Value();
    if (!io_call(ts, stream, "flush")) {
      write_unraisable(ts, stream);
      status = 120;
    }
  }
  // The original streams, when sys.stdout/stderr were replaced or deleted: CPython flushes them as they die.
  for (const char* name : {"__stdout__", "__stderr__"}) {
    Value stream = dict_get_str(ts.interp->sys_module->dict, intern(ts, name));
    if (!stream || type_of(stream) != &text_io_wrapper_type) continue;
    Value closed = get_attr_optional(ts, stream, intern(ts, "closed"));
    if (closed && py_truth(ts, closed) == 0) (void)io_call(ts, stream, "flush");
    ts.current_exception = Value();
  }
  ts.current_exception = pending;
  return status;
}

// -u / PYTHONUNBUFFERED (known once the command line is parsed): stdout and stderr write through.
void set_standard_streams_unbuffered(ThreadState& ts) {
  for (const char* name : {"stdout", "stderr"}) {
    Value text = dict_get_str(ts.interp->sys_module->dict, intern(ts, name));
    if (!text || type_of(text) != &text_io_wrapper_type) continue;
    as_io(text)->flags |= kIOLineBuffering | kIOWriteThrough;
    Value buffer = as_io(text)->raw;
    if (buffer.is_object() && type_of(buffer) == &buffered_writer_type) as_io(buffer)->flags |= kIOUnbuffered;
  }
}

ModuleObject* create_io_module(ThreadState& ts) {
  ModuleObject* m = make_module(ts, "_io");
  auto set = [&](const char* name, Value v) { dict_set_str_new(ts, m->dict, intern(ts, name), v); };
  for (const MethodDef& def : kIOFunctions) set(def.name, make_native_function(ts, &def, Value(m), Value(m->name)));
  set("open", io_open_function);
#define X(name, text, base) set(text, Value(static_cast<Object*>(&name##_type)));
  MINIPY_IO_TYPES(X)
#undef X
  set("DEFAULT_BUFFER_SIZE", Value::small_int(8192));
  set("UnsupportedOperation", io_unsupported_operation);
  set("BlockingIOError", Value(&BlockingIOError_type));
  return m;
}

}  // namespace minipy
