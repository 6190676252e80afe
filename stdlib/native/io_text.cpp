// _io.TextIOWrapper (CPython's Modules/_io/textio.c) and IncrementalNewlineDecoder.
// Reading keeps undecoded bytes as read-ahead (data/pos), finds lines in them and decodes one line (or one read) at
// a time. That needs an encoding whose line ends can be found in the bytes: an ASCII-compatible one (utf-8, ascii,
// latin-1 and the like: a line end is the same byte), or UTF-16/UTF-32, read in whole code units of the byte order
// the codec or the stream's BOM gives. That makes tell() exact: the buffer's position minus the read-ahead left. Writing goes through the codec registry for any encoding (a BOM encoding writes its BOM once,
// after_bom). Newlines: newline=None translates \r and \r\n to \n on input; '' splits on all three without
// translating; '\r' or '\r\n' end lines there and replace \n on output.
// Left out: multi-byte encodings other than UTF-8/16/32 (shift_jis, gb18030: a 0x0a byte may sit inside a
// character), tell() cookies that carry a decoder state (CPython's for a big-endian UTF-16 stream with a BOM), the
// `newlines` record, and reconfigure(encoding=...) after reading.
#include <algorithm>
#include <cctype>

#include "stdlib/native/io.h"
#include "vm/objects/codecs.h"

namespace minipy {

namespace {

#define IO_FN(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

// The read-ahead bytes, owned by the IOObject (made on first use, freed with the object); t->pos is how much
// of it has already been returned.
std::string& ahead(IOObject* t) {
  if (!t->data) t->data = new std::string();
  return *t->data;
}
// minipy's own buffered objects are driven through direct C++ calls; any other buffer object (a Python
// class, a BytesIO) gets the method calls CPython would make.
bool native_buffer(Value buffer) {
  Type* bt = type_of(buffer);
  return bt == &buffered_writer_type || bt == &buffered_random_type || bt == &buffered_reader_type;
}

// CPython's CHECK_ATTACHED / CHECK_INITIALIZED then the closed check. The closed test reads the FileIO's fd
// directly when the chain is minipy's own, instead of calling `closed` through two layers on every read.
bool check_live(ThreadState& ts, IOObject* t) {
  if (t->flags & kIODetached) return raise(ts, ValueError_type, "underlying buffer has been detached"), false;
  if (!(t->flags & kIOInitialized)) return raise(ts, ValueError_type, "I/O operation on uninitialized object"), false;
  int closed;
  if (native_buffer(t->raw) && type_of(as_io(t->raw)->raw) == &file_io_type) {
    closed = as_io(as_io(t->raw)->raw)->fd < 0;
  } else {
    Value c = get_attr(ts, t->raw, intern(ts, "closed"));
    if (!c) return false;
    if ((closed = py_truth(ts, c)) < 0) return false;
  }
  if (closed) return raise_closed(ts), false;
  return true;
}

std::string_view str_view(Value v) { return as_str(v)->view(); }

// The encoding name as CPython's codec lookup normalizes it, for choosing the fast paths.
std::string normalized(std::string_view name) {
  std::string out;
  for (char c : name) out += c == '_' || c == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}
bool is_utf8_name(std::string_view name) {
  std::string n = normalized(name);
  return n == "utf-8" || n == "utf8" || n == "u8";
}

// The codec that continues a stream in `name` once its BOM is written (CPython's incremental encoders write it
// only at the start): "utf-8" after utf-8-sig, the little-endian forms after utf-16/utf-32 (what their BOM says
// on this host); `name` itself for codecs without a BOM.
std::string_view after_bom(std::string_view name) {
  std::string n = normalized(name);
  if (n == "utf-8-sig" || n == "utf8-sig") return "utf-8";
  if (n == "utf-16" || n == "utf16" || n == "u16") return "utf-16-le";
  if (n == "utf-32" || n == "utf32" || n == "u32") return "utf-32-le";
  return name;
}

// The reading flags that follow from the encoding and errors, set at __init__ and reconfigure (kIOPastBom, which
// says where the stream is, is left alone).
void set_codec_flags(IOObject* t) {
  t->flags &= ~(kIOUtf8 | kIOUnits2 | kIOUnits4 | kIOBigEndian | kIOBomCodec | kIOUtf8Units);
  std::string n = normalized(str_view(t->encoding));
  bool utf8 = is_utf8_name(n);
  if (utf8 && str_view(t->errors) == "strict") t->flags |= kIOUtf8;
  if (utf8 || n == "utf-8-sig" || n == "utf8-sig") t->flags |= kIOUtf8Units;
  if (after_bom(n) != n) t->flags |= kIOBomCodec;
  if (n.starts_with("utf-16") || n.starts_with("utf16") || n == "u16") t->flags |= kIOUnits2;
  if (n.starts_with("utf-32") || n.starts_with("utf32") || n == "u32") t->flags |= kIOUnits4;
  if ((t->flags & (kIOUnits2 | kIOUnits4)) && n.ends_with("be")) t->flags |= kIOBigEndian;
}

size_t unit_width(const IOObject* t) { return t->flags & kIOUnits2 ? 2 : t->flags & kIOUnits4 ? 4 : 1; }

// The code unit starting at byte `i` of `s` (a whole unit must be there).
uint32_t unit_at(const IOObject* t, std::string_view s, size_t i) {
  size_t w = unit_width(t);
  uint32_t u = 0;
  for (size_t k = 0; k < w; k++) {
    auto b = static_cast<uint32_t>(static_cast<unsigned char>(s[i + k]));
    u |= b << (8 * ((t->flags & kIOBigEndian) ? w - 1 - k : k));
  }
  return u;
}

// At the start of a stream in a BOM codec: the BOM's length when `s` (the stream's first bytes) starts with one,
// after taking the byte order from it (CPython's utf-16/utf-32 decoders do the same with their first bytes).
size_t leading_bom(IOObject* t, std::string_view s) {
  if (!(t->flags & kIOBomCodec) || (t->flags & kIOPastBom)) return 0;
  size_t w = unit_width(t);
  if (w == 1) return s.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  if (s.size() < w) return 0;
  bool big = w == 2 ? s.starts_with("\xFE\xFF") : s.starts_with(std::string_view("\0\0\xFE\xFF", 4));
  bool little = w == 2 ? s.starts_with("\xFF\xFE") : s.starts_with(std::string_view("\xFF\xFE\0\0", 4));
  t->flags = big ? t->flags | kIOBigEndian : t->flags & ~kIOBigEndian;
  return big || little ? w : 0;
}

// The codec for the next bytes: the wrapper's own at the stream's start (where a BOM is read), and after it the form
// without BOM rules, in the byte order found ("utf-16-be" after a big-endian BOM).
std::string_view decode_codec(const IOObject* t) {
  if (!(t->flags & kIOBomCodec) || !(t->flags & kIOPastBom)) return str_view(t->encoding);
  bool big = t->flags & kIOBigEndian;
  if (t->flags & kIOUnits2) return big ? "utf-16-be" : "utf-16-le";
  if (t->flags & kIOUnits4) return big ? "utf-32-be" : "utf-32-le";
  return "utf-8";
}

// Strict UTF-8 that validates is taken as is; anything else goes through the codec, which raises the
// UnicodeDecodeError (or applies the error handler) exactly as CPython's would.
// Decodes `bytes` and applies the input newline translation.
Value decode_text(ThreadState& ts, IOObject* t, std::string_view bytes) {
  Value text;
  if ((t->flags & kIOUtf8) && utf8_valid(bytes)) text = Value(make_str(ts, bytes));
  else text = decode_bytes(ts, bytes, decode_codec(t), str_view(t->errors));
  if (text && !bytes.empty()) t->flags |= kIOPastBom;
  if (!text || !(t->flags & kIOTranslate)) return text;
  std::string_view s = as_str(text)->view();
  if (!has_char(s, '\r')) return text;
  return Value(make_str(ts, translate_newlines(s)));
}

// read1 on minipy's buffered objects (at most one raw read, as CPython's TextIOWrapper uses), read otherwise.
// A None chunk (a non-blocking stream with nothing ready) counts as the end here.
// Reads more bytes from the buffer into the read-ahead; *eof at its end.
bool fill(ThreadState& ts, IOObject* t, bool* eof) {
  std::string& a = ahead(t);
  if (t->pos > 0) {
    a.erase(0, static_cast<size_t>(t->pos));
    t->pos = 0;
  }
  Value size = Value::small_int(8192);
  Value chunk = io_call(ts, t->raw, native_buffer(t->raw) ? "read1" : "read", std::span<const Value>(&size, 1));
  if (!chunk) return false;
  if (is_none(chunk)) return *eof = true, true;
  std::string_view data;
  if (!bytes_arg(ts, chunk, &data)) return false;
  *eof = data.empty();
  a.append(data);
  return true;
}

// UnsupportedOperation("not readable"), as CPython, for a wrapper whose buffer is not readable.
bool check_readable(ThreadState& ts, IOObject* t) {
  if (!check_live(ts, t)) return false;
  if (!(t->flags & kIOReadable)) return raise_unsupported(ts, "not readable"), false;
  return true;
}

// Writes pending bytes of the buffer before reading (a file open for both).
bool flush_before_read(ThreadState& ts, IOObject* t) {
  if (!(t->flags & kIOWritable)) return true;
  if (native_buffer(t->raw)) return !as_io(t->raw)->wbuf || as_io(t->raw)->wbuf->empty() || buffered_flush(ts, as_io(t->raw));
  return static_cast<bool>(io_call(ts, t->raw, "flush"));
}

// Byte length of the first `chars` characters of `s` (all of it when shorter; a character cut off at the end takes
// the rest). A BOM at the stream's start is no character. UTF-16 surrogate pairs are one character.
size_t bytes_for_chars(IOObject* t, std::string_view s, int64_t chars) {
  size_t i = leading_bom(t, s), w = unit_width(t);
  if (w == 1 && !(t->flags & kIOUtf8Units))
    return std::min(s.size(), i + static_cast<size_t>(std::min<int64_t>(chars, static_cast<int64_t>(s.size()))));
  for (int64_t n = 0; n < chars && i < s.size(); n++) {
    if (w == 1) {
      i++;
      while (i < s.size() && is_continuation(s[i])) i++;
      continue;
    }
    if (i + w > s.size()) return s.size();
    bool high = w == 2 && (unit_at(t, s, i) & 0xFC00) == 0xD800;
    i += w;
    if (high && i + w > s.size()) return s.size();
    if (high && (unit_at(t, s, i) & 0xFC00) == 0xDC00) i += w;
  }
  return i;
}

// Where the line starting at `start` ends in `s` (just past its line end), npos when no line end yet; a \r at
// the very end is undecided until more bytes come (it may start \r\n) unless `eof`.
size_t line_end(IOObject* t, std::string_view s, size_t start, bool eof) {
  size_t w = unit_width(t);
  if (w > 1) {
    // Whole code units from `start` (aligned: the read-ahead begins on a unit); \r and \n are single units.
    std::string_view nl = is_none(t->newline) ? "\n" : str_view(t->newline);
    for (size_t i = start; i + w <= s.size(); i += w) {
      uint32_t u = unit_at(t, s, i);
      bool more = i + 2 * w <= s.size();
      if (t->flags & kIOAnyNewline) {
        if (u == '\n') return i + w;
        if (u == '\r') {
          if (more) return unit_at(t, s, i + w) == '\n' ? i + 2 * w : i + w;
          return eof ? i + w : std::string_view::npos;
        }
      } else if (u == static_cast<unsigned char>(nl[0])) {
        if (nl.size() == 1) return i + w;
        if (more && unit_at(t, s, i + w) == static_cast<unsigned char>(nl[1])) return i + 2 * w;
      }
    }
    return std::string_view::npos;
  }
  if (t->flags & kIOAnyNewline) {
    size_t i = s.find_first_of("\r\n", start);
    if (i == std::string_view::npos) return i;
    if (s[i] == '\n') return i + 1;
    if (i + 1 < s.size()) return s[i + 1] == '\n' ? i + 2 : i + 1;
    return eof ? i + 1 : std::string_view::npos;
  }
  std::string_view nl = is_none(t->newline) ? "\n" : str_view(t->newline);
  size_t i = s.find(nl, start);
  return i == std::string_view::npos ? i : i + nl.size();
}

// readline(limit): at most `limit` characters (negative: no limit). `scanned` remembers how far the previous
// pass looked, so a long line arriving in many chunks is not searched from its start each time.
Value text_readline(ThreadState& ts, IOObject* t, int64_t limit) {
  if (!check_readable(ts, t) || !flush_before_read(ts, t)) return Value();
  bool eof = false;
  size_t scanned = static_cast<size_t>(t->pos);
  for (;;) {
    std::string_view s = ahead(t);
    leading_bom(t, s.substr(static_cast<size_t>(t->pos)));  // a UTF-16/32 BOM says how to find the line ends
    size_t end = line_end(t, s, scanned, eof);
    if (end == std::string_view::npos && eof) end = s.size();
    if (limit >= 0) {
      size_t cap = static_cast<size_t>(t->pos) + bytes_for_chars(t, s.substr(static_cast<size_t>(t->pos)), limit);
      if (end == std::string_view::npos ? cap < s.size() || eof : cap < end) end = cap;
    }
    if (end != std::string_view::npos) {
      std::string_view line = s.substr(static_cast<size_t>(t->pos), end - static_cast<size_t>(t->pos));
      Value r = decode_text(ts, t, line);
      if (r) t->pos = static_cast<int64_t>(end);
      return r;
    }
    size_t w = unit_width(t);
    scanned = s.size() >= w ? s.size() / w * w - w : 0;  // a trailing \r is looked at again
    size_t before = static_cast<size_t>(t->pos);
    if (!fill(ts, t, &eof)) return Value();
    scanned -= std::min(scanned, before);
  }
}

// read(n): n < 0 reads the rest in one call to the buffer's read(); otherwise chunks are added until n
// characters are there.
Value text_read(ThreadState& ts, IOObject* t, int64_t n) {
  if (!check_readable(ts, t) || !flush_before_read(ts, t)) return Value();
  if (n < 0) {
    Value rest = io_call(ts, t->raw, "read");
    if (!rest) return rest;
    std::string all = ahead(t).substr(static_cast<size_t>(t->pos));
    if (!is_none(rest)) {
      std::string_view data;
      if (!bytes_arg(ts, rest, &data)) return Value();
      all += data;
    }
    Value r = decode_text(ts, t, all);
    if (r) {
      ahead(t).clear();
      t->pos = 0;
    }
    return r;
  }
  bool eof = false;
  for (;;) {
    std::string_view s = std::string_view(ahead(t)).substr(static_cast<size_t>(t->pos));
    size_t take = bytes_for_chars(t, s, n);
    // Complete: n characters and at least one byte beyond them, which tells a lone \r at the cut from a \r\n.
    // With exactly enough bytes the loop asks the buffer for more (or stops at eof).
    bool complete = take < s.size();
    size_t w = unit_width(t);
    if (complete && (t->flags & kIOTranslate) && take >= w && take + w <= s.size() && unit_at(t, s, take - w) == '\r' &&
        unit_at(t, s, take) == '\n')
      take += w;
    if (complete || eof) {
      Value r = decode_text(ts, t, s.substr(0, take));
      if (r) t->pos += static_cast<int64_t>(take);
      return r;
    }
    if (!fill(ts, t, &eof)) return Value();
  }
}

// Exact because the codecs are ASCII-compatible (see the top of the file): the buffer's position minus the
// read-ahead not yet returned. Pending writes are flushed first, as CPython's tell does.
Value text_tell(ThreadState& ts, IOObject* t) {
  if (!check_live(ts, t)) return Value();
  Value seekable = io_call(ts, t->raw, "seekable");
  if (!seekable) return seekable;
  if (py_truth(ts, seekable) != 1) return raise_unsupported(ts, "underlying stream is not seekable");
  Value flushed = io_call(ts, Value(t), "flush");
  if (!flushed) return flushed;
  Value pos = io_call(ts, t->raw, "tell");
  if (!pos) return pos;
  int64_t p;
  if (!index_to_int64(ts, pos, &p)) return Value();
  return make_int(ts, p - (static_cast<int64_t>(ahead(t).size()) - t->pos));
}

// Before writing after reading: the buffer goes back to the reader's position. Without it, a write would land
// after the read-ahead instead of at the position the reader has reached.
bool drop_read_ahead(ThreadState& ts, IOObject* t) {
  if (!t->data || t->pos >= static_cast<int64_t>(t->data->size())) {
    if (t->data) t->data->clear();
    t->pos = 0;
    return true;
  }
  Value pos = text_tell(ts, t);
  if (!pos) return false;
  t->data->clear();
  t->pos = 0;
  return static_cast<bool>(io_call(ts, t->raw, "seek", std::span<const Value>(&pos, 1)));
}

IO_FN(tw_read) {
  int64_t n = -1;
  if (Value a = io_arg(args, kwnames, 0, "size", ts); a && !io_size_arg(ts, a, &n)) return Value();
  return text_read(ts, as_io(self), n);
}
IO_FN(tw_readline) {
  int64_t n = -1;
  if (Value a = io_arg(args, kwnames, 0, "size", ts); a) {
    if (!is_none(a) && !is_int(a))
      return raise_fmt(ts, TypeError_type, "'{}' object cannot be interpreted as an integer", type_name(a));
    if (!io_size_arg(ts, a, &n)) return Value();
  }
  return text_readline(ts, as_io(self), n);
}
IO_FN(tw_write) {
  if (!check_arg_count(ts, "write", positional_count(args, kwnames), 1, 1)) return Value();
  if (!is_str(args[0]))
    return raise_fmt(ts, TypeError_type, "write() argument must be str, not {}", type_name(args[0]));
  if (!text_write(ts, as_io(self), as_str(args[0])->view())) return Value();
  return make_int(ts, as_str(args[0])->length);
}
IO_FN(tw_flush) {
  (void)args, (void)kwnames;
  IOObject* t = as_io(self);
  if (!check_live(ts, t)) return Value();
  if (native_buffer(t->raw)) return buffered_flush(ts, as_io(t->raw)) ? None() : Value();
  return io_call(ts, t->raw, "flush");
}
// Closing a closed wrapper is a no-op. The buffer is closed even when the flush failed; the flush's error is
// then the one raised (CPython chains the two; here a close error in that case is dropped).
IO_FN(tw_close) {
  (void)args, (void)kwnames;
  IOObject* t = as_io(self);
  if (t->flags & kIODetached) return raise(ts, ValueError_type, "underlying buffer has been detached");
  Value closed = get_attr(ts, t->raw, intern(ts, "closed"));
  if (!closed) return closed;
  int c = py_truth(ts, closed);
  if (c < 0) return Value();
  if (c) return None();
  Value flushed = io_call(ts, self, "flush");
  Value error = ts.current_exception;
  ts.current_exception = Value();
  Value r = io_call(ts, t->raw, "close");
  if (!flushed) {
    ts.current_exception = error;
    return Value();
  }
  return r;
}
IO_FN(tw_tell) {
  (void)args, (void)kwnames;
  return text_tell(ts, as_io(self));
}
// seek(cookie, whence): the cookie is the byte position tell() returned (CPython's cookies are opaque; for
// these codecs they are plain positions). Relative seeks are allowed only with offset 0, as CPython.
IO_FN(tw_seek) {
  IOObject* t = as_io(self);
  if (!check_arg_count(ts, "seek", positional_count(args, kwnames), 1, 2)) return Value();
  if (!check_live(ts, t)) return Value();
  int64_t whence = 0;
  if (args.size() > 1 && !index_to_int64(ts, args[1], &whence)) return Value();
  Value seekable = io_call(ts, t->raw, "seekable");
  if (!seekable) return seekable;
  if (py_truth(ts, seekable) != 1) return raise_unsupported(ts, "underlying stream is not seekable");
  Value cookie = args[0];
  if (whence == 1 || whence == 2) {
    int64_t off;
    if (!is_int(cookie) || !index_to_int64(ts, cookie, &off)) return Value();
    if (off != 0)
      return raise_unsupported(ts, whence == 1 ? "can't do nonzero cur-relative seeks" : "can't do nonzero end-relative seeks");
    if (whence == 1) return text_tell(ts, t);
  } else if (whence != 0) {
    return raise_fmt(ts, ValueError_type, "invalid whence ({}, should be 0, 1 or 2)", whence);
  } else {
    int64_t pos;
    if (!is_int(cookie))
      return raise_fmt(ts, TypeError_type, "an integer is required");
    if (!index_to_int64(ts, cookie, &pos)) return Value();
    if (pos < 0) return raise_fmt(ts, ValueError_type, "negative seek position {}", pos);
  }
  if (!io_call(ts, self, "flush")) return Value();
  ahead(t).clear();
  t->pos = 0;
  // Only the stream's start reads a BOM again; elsewhere the byte order already found stays.
  bool at_start = whence == 0 && is_int(cookie) && py_truth(ts, cookie) == 0;
  t->flags = at_start ? t->flags & ~kIOPastBom : t->flags | kIOPastBom;
  Value a[2] = {whence == 2 ? Value::small_int(0) : cookie, Value::small_int(whence)};
  return io_call(ts, t->raw, "seek", a);
}
IO_FN(tw_truncate) {
  IOObject* t = as_io(self);
  if (!check_live(ts, t)) return Value();
  if (!io_call(ts, self, "flush")) return Value();
  Value pos = io_arg(args, kwnames, 0, "pos", ts);
  if (!pos || is_none(pos)) {
    pos = text_tell(ts, t);
    if (!pos) return pos;
  }
  return io_call(ts, t->raw, "truncate", std::span<const Value>(&pos, 1));
}
// Returns the buffer and leaves the wrapper unusable (every later operation raises "detached").
IO_FN(tw_detach) {
  (void)args, (void)kwnames;
  IOObject* t = as_io(self);
  if (!check_live(ts, t)) return Value();
  if (!io_call(ts, self, "flush")) return Value();
  Value b = t->raw;
  t->raw = None();
  t->flags |= kIODetached;
  return b;
}
Value delegate(ThreadState& ts, Value self, const char* name) {
  IOObject* t = as_io(self);
  if (!check_live(ts, t)) return Value();
  return io_call(ts, t->raw, name);
}
IO_FN(tw_fileno) { return (void)args, (void)kwnames, delegate(ts, self, "fileno"); }
IO_FN(tw_isatty) { return (void)args, (void)kwnames, delegate(ts, self, "isatty"); }
IO_FN(tw_seekable) { return (void)args, (void)kwnames, delegate(ts, self, "seekable"); }
IO_FN(tw_readable) { return (void)args, (void)kwnames, delegate(ts, self, "readable"); }
IO_FN(tw_writable) { return (void)args, (void)kwnames, delegate(ts, self, "writable"); }
IO_FN(tw_closed) {
  (void)args, (void)kwnames;
  IOObject* t = as_io(self);
  if (t->flags & kIODetached) return raise(ts, ValueError_type, "underlying buffer has been detached");
  return get_attr(ts, t->raw, intern(ts, "closed"));
}
IO_FN(tw_name) {
  (void)args, (void)kwnames;
  IOObject* t = as_io(self);
  if (t->flags & kIODetached) return raise(ts, ValueError_type, "underlying buffer has been detached");
  return get_attr(ts, t->raw, intern(ts, "name"));
}
IO_FN(tw_buffer) {
  (void)args, (void)kwnames;
  IOObject* t = as_io(self);
  if (t->flags & kIODetached) return raise(ts, ValueError_type, "underlying buffer has been detached");
  return t->raw;
}
IO_FN(tw_encoding) { return (void)ts, (void)args, (void)kwnames, as_io(self)->encoding; }
IO_FN(tw_errors) { return (void)ts, (void)args, (void)kwnames, as_io(self)->errors; }
// The `newlines` record is not kept (see the top of the file): always None.
IO_FN(tw_newlines) { return (void)ts, (void)self, (void)args, (void)kwnames, None(); }
IO_FN(tw_line_buffering) { return (void)ts, (void)args, (void)kwnames, Bool(as_io(self)->flags & kIOLineBuffering); }
IO_FN(tw_write_through) { return (void)ts, (void)args, (void)kwnames, Bool(as_io(self)->flags & kIOWriteThrough); }

// newline=None: universal newlines, translated; '': universal, untranslated; '\n', '\r', '\r\n': that
// sequence ends lines. CPython's messages for a wrong type or value.
bool set_newline(ThreadState& ts, IOObject* t, Value newline) {
  if (!is_none(newline)) {
    if (!is_str(newline))
      return raise_fmt(ts, TypeError_type, "TextIOWrapper() argument 'newline' must be str or None, not {}",
                       type_name(newline)), false;
    std::string_view nl = str_view(newline);
    if (nl != "" && nl != "\n" && nl != "\r" && nl != "\r\n") {
      return raise_fmt(ts, ValueError_type, "illegal newline value: {}", nl), false;
    }
  }
  t->newline = newline;
  t->flags &= ~(kIOTranslate | kIOAnyNewline);
  if (is_none(newline)) t->flags |= kIOTranslate | kIOAnyNewline;
  else if (str_view(newline).empty()) t->flags |= kIOAnyNewline;
  return true;
}

// reconfigure(*, encoding, errors, newline, line_buffering, write_through): the settings that need no re-decoding.
IO_FN(tw_reconfigure) {
  IOObject* t = as_io(self);
  if (positional_count(args, kwnames) != 0)
    return raise(ts, TypeError_type, "reconfigure() takes no positional arguments");
  Value encoding = keyword_arg(ts, args, kwnames, "encoding");
  Value errors = keyword_arg(ts, args, kwnames, "errors");
  Value newline = keyword_arg(ts, args, kwnames, "newline");
  Value line_buffering = keyword_arg(ts, args, kwnames, "line_buffering");
  Value write_through = keyword_arg(ts, args, kwnames, "write_through");
  if (!io_call(ts, self, "flush")) return Value();
  // A new encoding is checked by encoding an empty string (LookupError for an unknown codec) and, as in
  // CPython, resets errors to 'strict' unless errors is given too.
  if (encoding && !is_none(encoding)) {
    if (!is_str(encoding)) return raise_fmt(ts, TypeError_type, "reconfigure() argument 'encoding' must be str or None, not {}", type_name(encoding));
    if (!encode_str(ts, "", str_view(encoding), "strict")) return Value();
    t->encoding = encoding;
    if (!errors) errors = Value(intern(ts, "strict"));
  }
  if (errors && !is_none(errors)) {
    if (!is_str(errors)) return raise_fmt(ts, TypeError_type, "reconfigure() argument 'errors' must be str or None, not {}", type_name(errors));
    t->errors = errors;
  }
  if (newline && !set_newline(ts, t, newline)) return Value();
  auto flag = [&](Value v, uint32_t bit) {
    if (!v || is_none(v)) return true;
    int b = py_truth(ts, v);
    if (b < 0) return false;
    t->flags = b ? t->flags | bit : t->flags & ~bit;
    return true;
  };
  if (!flag(line_buffering, kIOLineBuffering) || !flag(write_through, kIOWriteThrough)) return Value();
  set_codec_flags(t);
  return None();
}

IO_FN(tw_next) {
  (void)args, (void)kwnames;
  Value line = text_readline(ts, as_io(self), -1);
  if (!line) return line;
  if (as_str(line)->size == 0) return raise_value(ts, new_exception(ts, &StopIteration_type, {}));
  return line;
}

// `for line in f`: an empty string ends the iteration; a subclass's own readline is honoured.
Value text_iternext(ThreadState& ts, Value self) {
  Value line = type_of(self) == &text_io_wrapper_type ? text_readline(ts, as_io(self), -1) : io_call(ts, self, "readline");
  if (!line) return line;
  if (!is_str(line)) return raise_fmt(ts, OSError_type, "readline() should have returned a str object, not '{}'", type_name(line));
  return as_str(line)->size == 0 ? Value() : line;
}

// TextIOWrapper(buffer, encoding=None, errors=None, newline=None, line_buffering=False, write_through=False).
// encoding None or "locale" (PEP 597) is the locale's preferred encoding. Calling __init__ again resets the
// read-ahead.
bool text_init(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  Value a[6];
  static const char* const kNames[] = {"buffer", "encoding", "errors", "newline", "line_buffering", "write_through"};
  for (size_t i = 0; i < 6; i++) a[i] = io_arg(args, kwnames, i, kNames[i], ts);
  if (!a[0]) return raise(ts, TypeError_type, "TextIOWrapper() missing required argument 'buffer' (pos 1)"), false;
  IOObject* t = as_io(self);
  t->flags = 0;
  Value encoding = a[1] && !is_none(a[1]) ? a[1] : Value();
  if (encoding && !is_str(encoding))
    return raise_fmt(ts, TypeError_type, "TextIOWrapper() argument 'encoding' must be str or None, not {}",
                     type_name(encoding)), false;
  if (!encoding || str_view(encoding) == "locale") encoding = Value(make_str(ts, preferred_encoding()));
  Value errors = a[2] && !is_none(a[2]) ? a[2] : Value(intern(ts, "strict"));
  if (!is_str(errors))
    return raise_fmt(ts, TypeError_type, "TextIOWrapper() argument 'errors' must be str or None, not {}",
                     type_name(errors)), false;
  if (!encode_str(ts, "", str_view(encoding), "strict")) return false;  // LookupError for an unknown codec
  if (!set_newline(ts, t, a[3] ? a[3] : None())) return false;
  t->encoding = encoding;
  t->errors = errors;
  t->raw = a[0];
  set_codec_flags(t);
  for (int i = 4; i <= 5; i++) {
    if (!a[i]) continue;
    int b = py_truth(ts, a[i]);
    if (b < 0) return false;
    if (b) t->flags |= i == 4 ? kIOLineBuffering : kIOWriteThrough;
  }
  Value readable = io_call(ts, a[0], "readable");
  if (!readable) return false;
  Value writable = io_call(ts, a[0], "writable");
  if (!writable) return false;
  if (py_truth(ts, readable) == 1) t->flags |= kIOReadable;
  if (py_truth(ts, writable) == 1) t->flags |= kIOWritable;
  if (t->data) t->data->clear();
  t->pos = 0;
  t->flags |= kIOInitialized;
  return true;
}

// <_io.TextIOWrapper name='x' mode='r' encoding='utf-8'>: name and mode are left out when reading them raises
// ValueError or AttributeError (a detached or nameless stream), as CPython's textiowrapper_repr.
Value text_repr(ThreadState& ts, Value self) {
  std::string out = type_of(self) == &text_io_wrapper_type ? "<_io.TextIOWrapper" : "<" + std::string(type_of(self)->name->view());
  for (const char* attr : {"name", "mode"}) {
    Value v = get_attr_optional(ts, self, intern(ts, attr));
    if (!v) {
      if (ts.current_exception && !exception_matches(ts.current_exception, &ValueError_type) &&
          !exception_matches(ts.current_exception, &AttributeError_type))
        return Value();
      ts.current_exception = Value();
      continue;
    }
    Value r = py_repr(ts, v);
    if (!r) return r;
    out += fmt::format(" {}={}", attr, str_view(r));
  }
  IOObject* t = as_io(self);
  if (t->encoding && is_str(t->encoding)) out += fmt::format(" encoding='{}'", str_view(t->encoding));
  out += '>';
  return Value(make_str(ts, out));
}

const MethodDef kTextMethods[] = {
    {"read", tw_read},         {"readline", tw_readline},   {"write", tw_write},       {"flush", tw_flush},
    {"close", tw_close},       {"tell", tw_tell},           {"seek", tw_seek},         {"truncate", tw_truncate},
    {"detach", tw_detach},     {"fileno", tw_fileno},       {"isatty", tw_isatty},     {"seekable", tw_seekable},
    {"readable", tw_readable}, {"writable", tw_writable},   {"reconfigure", tw_reconfigure}, {"__next__", tw_next},
};
const MethodDef kTextGetters[] = {
    {"closed", tw_closed},       {"name", tw_name},          {"buffer", tw_buffer},
    {"encoding", tw_encoding},   {"errors", tw_errors},      {"newlines", tw_newlines},
    {"line_buffering", tw_line_buffering}, {"write_through", tw_write_through},
};

// ---- IncrementalNewlineDecoder(decoder, translate, errors='strict') ------------------------------------------------

bool nd_init(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  Value decoder = io_arg(args, kwnames, 0, "decoder", ts);
  Value translate = io_arg(args, kwnames, 1, "translate", ts);
  if (!decoder || !translate)
    return raise(ts, TypeError_type, "IncrementalNewlineDecoder() missing required argument"), false;
  int tr = py_truth(ts, translate);
  if (tr < 0) return false;
  IOObject* d = as_io(self);
  d->writer = decoder;
  d->flags = kIOInitialized | (tr ? uint32_t{kIOTranslate} : 0u);
  d->seen_newlines = 0;
  return true;
}
// CPython's IncrementalNewlineDecoder: a trailing \r is held back (kIOSeenCR) until the next call, since it
// may be the first half of a \r\n; the newline kinds seen are recorded as CPython's SEEN_CR (1), SEEN_LF (2)
// and SEEN_CRLF (4) bits.
IO_FN(nd_decode) {
  IOObject* d = as_io(self);
  Value input = io_arg(args, kwnames, 0, "input", ts);
  Value final_arg = io_arg(args, kwnames, 1, "final", ts);
  if (!input) return raise(ts, TypeError_type, "decode() missing required argument 'input' (pos 1)");
  int final = final_arg ? py_truth(ts, final_arg) : 0;
  if (final < 0) return Value();
  Value text = input;
  if (!is_none(d->writer)) {
    Value a[2] = {input, Bool(final)};
    text = io_call(ts, d->writer, "decode", a);
    if (!text) return text;
  }
  if (!is_str(text)) return raise_fmt(ts, TypeError_type, "decoder should return a string result, not '{}'", type_name(text));
  std::string s;
  if (d->flags & kIOSeenCR) s += '\r';
  s += str_view(text);
  d->flags &= ~kIOSeenCR;
  if (!s.empty() && s.back() == '\r' && !final) {
    s.pop_back();
    d->flags |= kIOSeenCR;
  }
  for (size_t i = 0; i < s.size(); i++) {
    if (s[i] == '\r') d->seen_newlines |= (i + 1 < s.size() && s[i + 1] == '\n') ? (i++, 4) : 1;
    else if (s[i] == '\n') d->seen_newlines |= 2;
  }
  if (!(d->flags & kIOTranslate)) return Value(make_str(ts, s));
  return Value(make_str(ts, translate_newlines(s)));
}
IO_FN(nd_reset) {
  (void)args, (void)kwnames;
  IOObject* d = as_io(self);
  d->flags &= ~kIOSeenCR;
  d->seen_newlines = 0;
  if (!is_none(d->writer)) return io_call(ts, d->writer, "reset");
  return None();
}
// None, one string, or a tuple in the order '\r', '\n', '\r\n', as CPython reports them.
IO_FN(nd_newlines) {
  (void)args, (void)kwnames;
  static const char* const kKinds[] = {"\r", "\n", "\r\n"};
  uint32_t seen = as_io(self)->seen_newlines;
  std::vector<Value> kinds;
  for (int i = 0; i < 3; i++)
    if (seen & (1u << i)) kinds.push_back(Value(make_str(ts, kKinds[i])));
  if (kinds.empty()) return None();
  if (kinds.size() == 1) return kinds[0];
  return Value(minipy::make_tuple(ts, kinds));
}
const MethodDef kDecoderMethods[] = {{"decode", nd_decode}, {"reset", nd_reset}};
const MethodDef kDecoderGetters[] = {{"newlines", nd_newlines}};

}  // namespace

// Writes `s` (UTF-8 text): \n becomes the configured newline when that is '\r' or '\r\n'; unread read-ahead
// is given back first; with line_buffering, a written \n or \r flushes the buffer (CPython's rule).
bool text_write(ThreadState& ts, IOObject* t, std::string_view s) {
  if (!check_live(ts, t)) return false;
  if (!(t->flags & kIOWritable)) return raise_unsupported(ts, "not writable"), false;
  std::string translated;
  if (!is_none(t->newline) && str_view(t->newline).size() > 0 && str_view(t->newline)[0] == '\r' && has_char(s, '\n')) {
    for (char c : s) {
      if (c == '\n') translated += str_view(t->newline);
      else translated += c;
    }
    s = translated;
  }
  if (t->data && !drop_read_ahead(ts, t)) return false;
  bool native = native_buffer(t->raw);
  if (t->flags & kIOUtf8 && native) {
    if (!buffered_write_bytes(ts, as_io(t->raw), s)) return false;
  } else {
    std::string_view codec = str_view(t->encoding);
    if (t->flags & kIOBomWritten) codec = after_bom(codec);
    Value b = (t->flags & kIOUtf8) ? make_bytes(ts, s) : encode_str(ts, s, codec, str_view(t->errors));
    if (!b) return false;
    if (static_cast<BytesObject*>(b.as_object())->size > 0) t->flags |= kIOBomWritten;
    if (native) {
      if (!buffered_write_bytes(ts, as_io(t->raw), static_cast<BytesObject*>(b.as_object())->view())) return false;
    } else if (!io_call(ts, t->raw, "write", std::span<const Value>(&b, 1))) {
      return false;
    }
  }
  if ((t->flags & kIOLineBuffering) && (has_char(s, '\n') || has_char(s, '\r'))) {
    if (native) return buffered_flush(ts, as_io(t->raw));
    return static_cast<bool>(io_call(ts, t->raw, "flush"));
  }
  return true;
}

// For open() and the standard streams: a TextIOWrapper built and initialised without a Python-level call.
Value make_text_wrapper(ThreadState& ts, Value buffer, Value encoding, Value errors, Value newline,
                        bool line_buffering, bool write_through) {
  Value self = text_io_wrapper_type.new_instance(ts, &text_io_wrapper_type, {}, nullptr);
  Value a[6] = {buffer, encoding, errors, newline, Bool(line_buffering), Bool(write_through)};
  if (!text_init(ts, self, a, nullptr)) return Value();
  return self;
}

void init_io_text_types(ThreadState& ts) {
  text_io_wrapper_type.init = text_init;
  text_io_wrapper_type.repr = text_repr;
  text_io_wrapper_type.iternext = text_iternext;
  add_methods(ts, text_io_wrapper_type, kTextMethods);
  add_getsets(ts, text_io_wrapper_type, kTextGetters);
  newline_decoder_type.init = nd_init;
  add_methods(ts, newline_decoder_type, kDecoderMethods);
  add_getsets(ts, newline_decoder_type, kDecoderGetters);
}

}  // namespace minipy
