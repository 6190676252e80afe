// The native `_io` module's shared layout and helpers (io.cpp: the module, open() and the base classes;
// io_file.cpp: FileIO; io_memory.cpp: BytesIO and StringIO; io_buffered.cpp: the buffered classes;
// io_text.cpp: TextIOWrapper and IncrementalNewlineDecoder).
//
// Every _io class shares one instance layout, IOObject, so Python subclasses (io.py's IOBase, user classes
// deriving from StringIO, ...) extend any of them the same way: the attribute dict sits at a fixed offset.
#pragma once
#include <string>

#include "vm/runtime.h"

namespace minipy {

// The _io types, in one table: C++ name, Python name, base (null: object).
#define MINIPY_IO_TYPES(X)                                                                                 \
  X(io_base, "_IOBase", nullptr) X(raw_io_base, "_RawIOBase", &io_base_type)                           \
  X(buffered_io_base, "_BufferedIOBase", &io_base_type) X(text_io_base, "_TextIOBase", &io_base_type) \
  X(file_io, "FileIO", &raw_io_base_type) X(bytes_io, "BytesIO", &buffered_io_base_type)               \
  X(string_io, "StringIO", &text_io_base_type) X(buffered_reader, "BufferedReader", &buffered_io_base_type) \
  X(buffered_writer, "BufferedWriter", &buffered_io_base_type)                                           \
  X(buffered_random, "BufferedRandom", &buffered_io_base_type)                                           \
  X(buffered_rwpair, "BufferedRWPair", &buffered_io_base_type)                                           \
  X(text_io_wrapper, "TextIOWrapper", &text_io_base_type)                                                \
  X(newline_decoder, "IncrementalNewlineDecoder", nullptr)

#define X(name, text, base) extern Type name##_type;
MINIPY_IO_TYPES(X)
#undef X

enum IOFlag : uint32_t {
  kIOClosed = 1u << 0,
  kIOReadable = 1u << 1,
  kIOWritable = 1u << 2,
  kIOAppending = 1u << 3,
  kIOCreated = 1u << 4,
  kIOCloseFd = 1u << 5,
  kIOLineBuffering = 1u << 6,
  kIOWriteThrough = 1u << 7,
  kIODetached = 1u << 8,
  kIOInitialized = 1u << 9,
  kIOTranslate = 1u << 10,      // reading: \r and \r\n become \n (newline=None)
  kIOAnyNewline = 1u << 11,     // reading: \r, \n and \r\n all end lines (newline=None or '')
  kIOUtf8 = 1u << 12,           // TextIOWrapper: utf-8 with errors='strict' (text passes through unchanged)
  kIOSeenCR = 1u << 13,         // IncrementalNewlineDecoder: last chunk ended with \r
  kIOUnbuffered = 1u << 14,     // every write reaches the raw stream at once (-u, PYTHONUNBUFFERED)
  kIOStdStream = 1u << 15,      // sys.stdin/stdout/stderr made at start-up: closing leaves the fd open
  kIOBomWritten = 1u << 16,     // TextIOWrapper: the encoding's BOM (utf-8-sig, utf-16, utf-32) is out already
  kIOUnits2 = 1u << 17,         // TextIOWrapper reading: UTF-16, two-byte code units
  kIOUnits4 = 1u << 18,         // TextIOWrapper reading: UTF-32, four-byte code units
  kIOBigEndian = 1u << 19,      // TextIOWrapper reading: the units are big-endian (a _be codec, or its BOM said so)
  kIOBomCodec = 1u << 20,       // TextIOWrapper: a codec that reads a BOM at the start (utf-8-sig, utf-16, utf-32)
  kIOPastBom = 1u << 21,        // TextIOWrapper reading: text after the stream's start is decoded without BOM rules
  kIOUtf8Units = 1u << 22,      // TextIOWrapper reading: characters are UTF-8 sequences (utf-8, utf-8-sig)
};

// One layout for every _io object (fields unused by a class stay empty).
struct IOObject : Object {
  DictObject* dict;     // instance attributes (FileIO.name, TextIOWrapper.mode, subclasses' own)
  Value raw;            // Buffered*: the raw stream; TextIOWrapper: the buffer; BufferedRWPair: the reader
  Value writer;         // BufferedRWPair: the writer; IncrementalNewlineDecoder: the wrapped decoder
  Value encoding;       // TextIOWrapper: a str
  Value errors;         // TextIOWrapper: a str
  Value newline;        // TextIOWrapper / StringIO: None or the newline argument (a str)
  std::string* data;    // BytesIO / StringIO contents (StringIO: UTF-8); Buffered / TextIOWrapper read-ahead
  std::string* wbuf;    // Buffered: bytes written and not yet passed to the raw stream
  int64_t pos;          // BytesIO: byte position; StringIO: code-point position; read-ahead: next byte
  int64_t length;       // StringIO: length in code points
  int64_t buffer_size;  // Buffered: the raw reads' and writes' chunk size
  int fd;               // FileIO: the descriptor (-1 when closed)
  uint32_t flags;       // IOFlag bits
  uint32_t seen_newlines;  // TextIOWrapper / StringIO / decoder: kinds of line ends read (1 \r, 2 \n, 4 \r\n)
};

inline IOObject* as_io(Value v) { return static_cast<IOObject*>(v.as_object()); }

// io.UnsupportedOperation (a class deriving from OSError and ValueError, made when _io is first created).
extern Value io_unsupported_operation;
Value raise_unsupported(ThreadState& ts, std::string_view message);
// None when obj.METHOD() (readable, writable, seekable) is true; io.UnsupportedOperation(`message`) when not,
// as CPython's _PyIOBase_check_readable and friends, which call the method rather than _checkReadable.
Value check_capability(ThreadState& ts, Value obj, const char* method, const char* message);
// ValueError("I/O operation on closed file.") and the other closed-file messages.
Value raise_closed(ThreadState& ts, const char* message = "I/O operation on closed file.");
// Reads argument `index` or keyword `name`; null when absent.
Value io_arg(std::span<const Value> args, TupleObject* kwnames, size_t index, std::string_view name,
             ThreadState& ts);
// A size argument: None or an int (-1 when absent or None).
bool io_size_arg(ThreadState& ts, Value v, int64_t* out);
// The bytes of a bytes object (TypeError as CPython's for anything else).
bool bytes_arg(ThreadState& ts, Value v, std::string_view* out, std::string* copy = nullptr);
// raw.readinto(bytearray(n)) as CPython's buffered classes and RawIOBase.read call it: the bytes read, None when
// the raw stream would block.
Value read_through_readinto(ThreadState& ts, Value raw, int64_t n);
// Calls method `name` of `obj` with the given positional arguments.
Value io_call(ThreadState& ts, Value obj, const char* name, std::span<const Value> args = {});
// The encoding open() and TextIOWrapper use when given none ("UTF-8" under a UTF-8 locale).
const char* preferred_encoding();
bool c_locale();
// UTF-8 continuation bytes (10xxxxxx) never start a character.
inline bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
// Universal-newline translation: \r\n and \r become \n.
std::string translate_newlines(std::string_view s);
// Whether `s` contains `c`.
inline bool has_char(std::string_view s, char c) { return s.find(c) != std::string_view::npos; }

// FileIO (io_file.cpp): the descriptor-level operations the buffered classes call directly.
Value fileio_read(ThreadState& ts, IOObject* f, int64_t size);   // bytes, or None when it would block
Value fileio_readall(ThreadState& ts, IOObject* f);
bool fileio_write_all(ThreadState& ts, IOObject* f, std::string_view data);  // false: OSError pending
Value make_fileio(ThreadState& ts, Value file, std::string_view mode, bool closefd, Value opener);

// Buffered (io_buffered.cpp).
Value make_buffered(ThreadState& ts, Type* type, Value raw, int64_t buffer_size);
bool buffered_write_bytes(ThreadState& ts, IOObject* b, std::string_view data);
bool buffered_flush(ThreadState& ts, IOObject* b);

// TextIOWrapper (io_text.cpp).
Value make_text_wrapper(ThreadState& ts, Value buffer, Value encoding, Value errors, Value newline,
                        bool line_buffering, bool write_through);
// TextIOWrapper.write of UTF-8 text `s` (print's fast path when sys.stdout is the original stream).
bool text_write(ThreadState& ts, IOObject* t, std::string_view s);

// Each file's part of the module set-up: methods and slots of its types.
void init_io_file_types(ThreadState& ts);
void init_io_memory_types(ThreadState& ts);
void init_io_buffered_types(ThreadState& ts);
void init_io_text_types(ThreadState& ts);

// At exit: flushes sys.stdout and sys.stderr as CPython's flush_std_files does; returns `status`, or 120 when
// flushing stdout failed (io.cpp).
int flush_standard_streams(ThreadState& ts, int status);

// ---- what the interpreter and sys call (io.cpp) -----------------------------------------------------------------
// Makes sys.stdin, sys.stdout and sys.stderr (and the _io types' dicts, which live in this interpreter's heap).
void init_standard_streams(ThreadState& ts);
// Marks the standard streams and the _io types' dicts: the collector's roots from this module.
void trace_io_roots(Tracer& tracer);
// -u / PYTHONUNBUFFERED: sys.stdout and sys.stderr write through at once.
void set_standard_streams_unbuffered(ThreadState& ts);

}  // namespace minipy
