// The native `zlib` module, as CPython 3.11's zlibmodule.c: compress/decompress, compressobj/decompressobj
// (zlib.Compress and zlib.Decompress objects with flush, copy, unused_data, unconsumed_tail, eof and preset
// dictionaries), crc32/adler32, the constants and zlib.error with CPython's messages.
//
// Unlike minipy's other native modules it is not written from the specification: it calls the system's zlib
// (Debian's zlib1g-dev, linked statically like GMP). The module's contract is zlib's exact output — gzip,
// zipfile and tarfile files, and `zlib.compress` results that must be byte-identical to CPython's — and
// CPython gets those bytes from this same library; a hand-written deflate would have to reproduce zlib's
// match-finding heuristics at every level and strategy bit for bit. zlib is small, ubiquitous and stable.
//
// Leaves out nothing of the 3.11 API. Inputs over 4 GiB are fed to zlib in pieces, as CPython does.
#include <zlib.h>

#include <climits>
#include <cstring>

#include "vm/objects/buffer.h"

#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"

namespace minipy {

namespace {

constexpr size_t kDefaultBufferSize = 16384;  // DEF_BUF_SIZE

Value zlib_error;  // zlib.error (a GC root once created)

// A zlib stream lives outside the GC heap: zlib keeps a pointer back to it, so it must never move, and its
// internal state is malloc'd. `initialised`: deflateEnd/inflateEnd has not run yet.
struct Stream {
  z_stream z{};
  bool initialised = false;
  bool deflating = false;
  ~Stream() {
    if (initialised) deflating ? deflateEnd(&z) : inflateEnd(&z);
  }
};

struct CompressObject : Object {
  Stream* stream;
};

struct DecompressObject : Object {
  Stream* stream;
  Value unused_data;      // bytes after the end of the compressed stream
  Value unconsumed_tail;  // input not consumed because decompress() hit max_length
  Value zdict;            // the preset dictionary, or null
  bool eof;
};

Type compress_type;
Type decompress_type;

// zlib.error "Error N WHILE: WHY", where WHY is zlib's own message, or a description of `err`.
Value raise_zlib_error(ThreadState& ts, const z_stream& z, int err, std::string_view while_doing) {
  const char* why = err == Z_VERSION_ERROR ? "library version mismatch" : z.msg;
  if (!why) {
    if (err == Z_BUF_ERROR) why = "incomplete or truncated stream";
    else if (err == Z_STREAM_ERROR) why = "inconsistent stream state";
    else if (err == Z_DATA_ERROR) why = "invalid input data";
  }
  std::string message = why ? fmt::format("Error {} {}: {}", err, while_doing, std::string_view(why).substr(0, 200))
                            : fmt::format("Error {} {}", err, while_doing);
  return raise(ts, *as_type(zlib_error), message);
}

// The output of one zlib call sequence: `buffer` grows as zlib fills it, up to `limit` bytes in all.
struct Output {
  std::string buffer;
  size_t limit = SIZE_MAX;
  size_t produced(const z_stream& z) const { return reinterpret_cast<char*>(z.next_out) - buffer.data(); }
  // Points `z` at free space, growing the buffer first when it is full; false when `limit` bytes are out already.
  bool arrange(z_stream& z, size_t first_size) {
    size_t used = buffer.empty() ? 0 : produced(z);
    if (used == buffer.size()) {
      if (used >= limit) return false;
      size_t grown = buffer.empty() ? first_size : buffer.size() * 2;
      buffer.resize(std::min(grown, limit));
    }
    z.next_out = reinterpret_cast<Bytef*>(buffer.data() + used);
    z.avail_out = static_cast<uInt>(std::min<size_t>(buffer.size() - used, UINT_MAX));
    return true;
  }
  Value finish(ThreadState& ts, const z_stream& z) {
    if (!buffer.empty()) buffer.resize(produced(z));
    return make_bytes(ts, buffer);
  }
};

// Feeds zlib the next piece of `input` (at most 4 GiB at a time); returns the bytes left after that piece.
size_t arrange_input(z_stream& z, std::string_view& input) {
  size_t piece = std::min<size_t>(input.size(), UINT_MAX);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
  z.avail_in = static_cast<uInt>(piece);
  input.remove_prefix(piece);
  return input.size();
}

// A C int argument: __index__, then CPython's overflow message.
[[nodiscard]] bool c_int(ThreadState& ts, Value v, int* out) {
  int64_t wide;
  if (!index_to_int64(ts, v, &wide, "Python int too large to convert to C int")) return false;
  if (wide < INT_MIN || wide > INT_MAX)
    return raise(ts, OverflowError_type, "Python int too large to convert to C int"), false;
  *out = static_cast<int>(wide);
  return true;
}

// A Py_ssize_t argument.
[[nodiscard]] bool c_ssize(ThreadState& ts, Value v, int64_t* out) { return index_to_int64(ts, v, out); }

// Reads optional int argument `v` into `out` (left at its default when `v` is null).
[[nodiscard]] bool optional_int(ThreadState& ts, Value v, int* out) { return !v || c_int(ts, v, out); }

// ---- one-shot functions -------------------------------------------------------------------------------------

// compress(data, /, level=Z_DEFAULT_COMPRESSION, wbits=MAX_WBITS)
NATIVE_FN(zlib_compress) {
  Value v[3];
  if (!native::parse_args(ts, "compress", args, kwnames, {"", "level", "wbits"}, 1, 1, v)) return Value();
  std::string_view input;
  int level = Z_DEFAULT_COMPRESSION, wbits = MAX_WBITS;
  if (!native::bytes_like(ts, v[0], &input) || !optional_int(ts, v[1], &level) || !optional_int(ts, v[2], &wbits))
    return Value();
  Stream stream;
  z_stream& z = stream.z;
  int err = deflateInit2(&z, level, Z_DEFLATED, wbits, 8, Z_DEFAULT_STRATEGY);
  if (err == Z_MEM_ERROR) return raise(ts, MemoryError_type, "Out of memory while compressing data");
  if (err == Z_STREAM_ERROR) return raise(ts, *as_type(zlib_error), "Bad compression level");
  stream.initialised = true;
  stream.deflating = true;
  if (err != Z_OK) return raise_zlib_error(ts, z, err, "while compressing data");
  Output out;
  int flush;
  do {
    flush = arrange_input(z, input) == 0 ? Z_FINISH : Z_NO_FLUSH;
    do {
      (void)out.arrange(z, kDefaultBufferSize);
      err = deflate(&z, flush);
      if (err == Z_STREAM_ERROR) return raise_zlib_error(ts, z, err, "while compressing data");
    } while (z.avail_out == 0);
  } while (flush != Z_FINISH);
  stream.initialised = false;
  err = deflateEnd(&z);
  if (err != Z_OK) return raise_zlib_error(ts, z, err, "while finishing compression");
  return out.finish(ts, z);
}

// decompress(data, /, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE): data after the end of the stream is ignored.
NATIVE_FN(zlib_decompress) {
  Value v[3];
  if (!native::parse_args(ts, "decompress", args, kwnames, {"", "wbits", "bufsize"}, 1, 1, v)) return Value();
  std::string_view input;
  int wbits = MAX_WBITS;
  int64_t bufsize = kDefaultBufferSize;
  if (!native::bytes_like(ts, v[0], &input) || !optional_int(ts, v[1], &wbits) || (v[2] && !c_ssize(ts, v[2], &bufsize)))
    return Value();
  if (bufsize < 0) return raise(ts, ValueError_type, "bufsize must be non-negative");
  if (bufsize == 0) bufsize = 1;
  Stream stream;
  z_stream& z = stream.z;
  int err = inflateInit2(&z, wbits);
  if (err == Z_MEM_ERROR) return raise(ts, MemoryError_type, "Out of memory while decompressing data");
  if (err != Z_OK) return raise_zlib_error(ts, z, err, "while preparing to decompress data");
  stream.initialised = true;
  Output out;
  size_t left;
  do {
    left = arrange_input(z, input);
    int flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
    do {
      (void)out.arrange(z, static_cast<size_t>(bufsize));
      err = inflate(&z, flush);
      if (err == Z_MEM_ERROR) return raise(ts, MemoryError_type, "Out of memory while decompressing data");
      if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END)
        return raise_zlib_error(ts, z, err, "while decompressing data");
    } while (z.avail_out == 0);
  } while (err != Z_STREAM_END && left != 0);
  if (err != Z_STREAM_END) return raise_zlib_error(ts, z, err, "while decompressing data");
  stream.initialised = false;
  err = inflateEnd(&z);
  if (err != Z_OK) return raise_zlib_error(ts, z, err, "while finishing decompression");
  return out.finish(ts, z);
}

// crc32(data, value=0, /) and adler32(data, value=1, /): the start value is taken modulo 2**32, as CPython's
// bitwise unsigned int conversion does.
template <uLong (*Checksum)(uLong, const Bytef*, uInt)>
Value checksum(ThreadState& ts, uLong start, std::span<const Value> args) {
  std::string_view data;
  if (!native::bytes_like(ts, args[0], &data)) return Value();
  uLong value = start;
  if (args.size() > 1) {
    Value index = number_index(ts, args[1]);
    if (!index) return Value();
    BigInt big = native::int_value(index);
    mpz_t low;
    mpz_init(low);
    mpz_fdiv_r_2exp(low, big.raw(), 32);
    value = mpz_get_ui(low);
    mpz_clear(low);
  }
  while (!data.empty()) {
    size_t piece = std::min<size_t>(data.size(), UINT_MAX);
    value = Checksum(value, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(piece));
    data.remove_prefix(piece);
  }
  return make_int(ts, static_cast<int64_t>(value & 0xFFFFFFFFu));
}



// crc32 and adler32 are METH_FASTCALL functions without keywords: CPython's messages name them "zlib.crc32()"
// for keywords and "crc32" for counts.
[[nodiscard]] bool checksum_args(ThreadState& ts, const char* name, std::span<const Value> args, TupleObject* kwnames) {
  if (kwnames && kwnames->size > 0) return raise_fmt(ts, TypeError_type, "zlib.{}() takes no keyword arguments", name), false;
  return exact_args(ts, name, args, nullptr, 1, 2);
}

// ---- zlib.Compress ---------------------------------------------------------------------------------------------

CompressObject* as_compress(Value v) { return static_cast<CompressObject*>(v.as_object()); }
DecompressObject* as_decompress(Value v) { return static_cast<DecompressObject*>(v.as_object()); }

void finalize_compress(Object* self) {
  delete static_cast<CompressObject*>(self)->stream;
  static_cast<CompressObject*>(self)->stream = nullptr;
}

CompressObject* new_compress(ThreadState& ts) {
  auto* c = ts.alloc<CompressObject>(&compress_type);
  c->stream = new Stream;
  c->stream->deflating = true;
  return c;
}

// compressobj(level=Z_DEFAULT_COMPRESSION, method=DEFLATED, wbits=MAX_WBITS, memLevel=DEF_MEM_LEVEL,
// strategy=Z_DEFAULT_STRATEGY, zdict=None)
NATIVE_FN(zlib_compressobj) {
  Value v[6];
  if (!native::parse_args(ts, "compressobj", args, kwnames, {"level", "method", "wbits", "memLevel", "strategy", "zdict"},
                          0, 0, v))
    return Value();
  int level = Z_DEFAULT_COMPRESSION, method = Z_DEFLATED, wbits = MAX_WBITS, mem_level = 8, strategy = 0;
  if (!optional_int(ts, v[0], &level) || !optional_int(ts, v[1], &method) || !optional_int(ts, v[2], &wbits) ||
      !optional_int(ts, v[3], &mem_level) || !optional_int(ts, v[4], &strategy))
    return Value();
  std::string_view zdict;
  bool has_zdict = v[5] && !is_none(v[5]);
  if (has_zdict) {
    if (!native::bytes_like(ts, v[5], &zdict)) return Value();
    if (zdict.size() > UINT_MAX) return raise(ts, OverflowError_type, "zdict length does not fit in an unsigned int");
  }
  CompressObject* c = new_compress(ts);
  z_stream& z = c->stream->z;
  int err = deflateInit2(&z, level, method, wbits, mem_level, strategy);
  if (err == Z_MEM_ERROR) return raise(ts, MemoryError_type, "Can't allocate memory for compression object");
  if (err == Z_STREAM_ERROR) return raise(ts, ValueError_type, "Invalid initialization option");
  if (err != Z_OK) return raise_zlib_error(ts, z, err, "while creating compression object");
  c->stream->initialised = true;
  if (has_zdict &&
      deflateSetDictionary(&z, reinterpret_cast<const Bytef*>(zdict.data()), static_cast<uInt>(zdict.size())) != Z_OK)
    return raise(ts, ValueError_type, "Invalid dictionary");
  return Value(c);
}

// Compress.compress(data, /): whatever output zlib has ready for `data` (possibly nothing).
NATIVE_FN(compress_compress) {
  Value v[1];
  if (!native::parse_args(ts, "compress", args, kwnames, {""}, 1, 1, v)) return Value();
  std::string_view input;
  if (!native::bytes_like(ts, v[0], &input)) return Value();
  z_stream& z = as_compress(self)->stream->z;
  Output out;
  do {
    arrange_input(z, input);
    do {
      (void)out.arrange(z, kDefaultBufferSize);
      int err = deflate(&z, Z_NO_FLUSH);
      if (err == Z_STREAM_ERROR) return raise_zlib_error(ts, z, err, "while compressing data");
    } while (z.avail_out == 0);
  } while (!input.empty());
  return out.finish(ts, z);
}

// Compress.flush(mode=Z_FINISH, /): Z_FINISH ends the stream (the object cannot compress any more).
NATIVE_FN(compress_flush) {
  Value v[1];
  if (!native::parse_args(ts, "flush", args, kwnames, {""}, 0, 1, v)) return Value();
  int mode = Z_FINISH;
  if (!optional_int(ts, v[0], &mode)) return Value();
  if (mode == Z_NO_FLUSH) return make_bytes(ts, "");
  Stream& stream = *as_compress(self)->stream;
  z_stream& z = stream.z;
  z.avail_in = 0;
  Output out;
  int err;
  do {
    (void)out.arrange(z, kDefaultBufferSize);
    err = deflate(&z, mode);
    if (err == Z_STREAM_ERROR) return raise_zlib_error(ts, z, err, "while flushing");
  } while (z.avail_out == 0);
  if (err == Z_STREAM_END && mode == Z_FINISH) {
    stream.initialised = false;
    err = deflateEnd(&z);
    if (err != Z_OK) return raise_zlib_error(ts, z, err, "while finishing compression");
  } else if (err != Z_OK && err != Z_BUF_ERROR) {
    return raise_zlib_error(ts, z, err, "while flushing");
  }
  return out.finish(ts, z);
}

Value copy_compress(ThreadState& ts, Value self) {
  Stream& original = *as_compress(self)->stream;
  if (!original.initialised) return raise(ts, ValueError_type, "Inconsistent stream state");
  CompressObject* copy = new_compress(ts);
  int err = deflateCopy(&copy->stream->z, &original.z);
  if (err == Z_STREAM_ERROR) return raise(ts, ValueError_type, "Inconsistent stream state");
  if (err == Z_MEM_ERROR) return raise(ts, MemoryError_type, "Can't allocate memory for compression object");
  if (err != Z_OK) return raise_zlib_error(ts, original.z, err, "while copying compression object");
  copy->stream->initialised = true;
  return Value(copy);
}

// ---- zlib.Decompress -------------------------------------------------------------------------------------------

void trace_decompress(Object* self, Tracer& tracer) {
  auto* d = static_cast<DecompressObject*>(self);
  tracer.visit(d->unused_data);
  tracer.visit(d->unconsumed_tail);
  tracer.visit(d->zdict);
}

void finalize_decompress(Object* self) {
  delete static_cast<DecompressObject*>(self)->stream;
  static_cast<DecompressObject*>(self)->stream = nullptr;
}

DecompressObject* new_decompress(ThreadState& ts) {
  auto* d = ts.alloc<DecompressObject>(&decompress_type);
  d->stream = new Stream;
  d->unused_data = make_bytes(ts, "");
  d->unconsumed_tail = d->unused_data;
  return d;
}

// Gives the stream of `d` its preset dictionary.
[[nodiscard]] bool set_inflate_zdict(ThreadState& ts, DecompressObject* d) {
  std::string_view zdict;
  if (!native::bytes_like(ts, d->zdict, &zdict)) return false;
  if (zdict.size() > UINT_MAX)
    return raise(ts, OverflowError_type, "zdict length does not fit in an unsigned int"), false;
  z_stream& z = d->stream->z;
  int err = inflateSetDictionary(&z, reinterpret_cast<const Bytef*>(zdict.data()), static_cast<uInt>(zdict.size()));
  if (err != Z_OK) return raise_zlib_error(ts, z, err, "while setting zdict"), false;
  return true;
}

// decompressobj(wbits=MAX_WBITS, zdict=b'')
NATIVE_FN(zlib_decompressobj) {
  Value v[2];
  if (!native::parse_args(ts, "decompressobj", args, kwnames, {"wbits", "zdict"}, 0, 0, v)) return Value();
  int wbits = MAX_WBITS;
  if (!optional_int(ts, v[0], &wbits)) return Value();
  if (v[1] && !has_buffer(v[1])) return raise(ts, TypeError_type, "zdict argument must support the buffer protocol");
  DecompressObject* d = new_decompress(ts);
  d->zdict = v[1];
  z_stream& z = d->stream->z;
  int err = inflateInit2(&z, wbits);
  if (err == Z_STREAM_ERROR) return raise(ts, ValueError_type, "Invalid initialization option");
  if (err == Z_MEM_ERROR) return raise(ts, MemoryError_type, "Can't allocate memory for decompression object");
  if (err != Z_OK) return raise_zlib_error(ts, z, err, "while creating decompression object");
  d->stream->initialised = true;
  // A raw stream has no header to ask for its dictionary: it is set at once.
  if (d->zdict && wbits < 0 && !set_inflate_zdict(ts, d)) return Value();
  return Value(d);
}

// Keeps what zlib did not consume of `input` (whose unread part starts at z.next_in): after the end of the
// stream it is unused_data; before it (the output limit was reached) it is the unconsumed_tail.
[[nodiscard]] bool save_unconsumed_input(ThreadState& ts, DecompressObject* d, std::string_view input, int err) {
  z_stream& z = d->stream->z;
  size_t left = input.data() + input.size() - reinterpret_cast<const char*>(z.next_in);
  std::string_view rest(reinterpret_cast<const char*>(z.next_in), left);
  if (err == Z_STREAM_END) {
    if (left > 0) {
      std::string_view old;
      if (!native::bytes_like(ts, d->unused_data, &old)) return false;
      Value joined = make_bytes(ts, std::string(old) + std::string(rest));
      if (!joined) return false;
      d->unused_data = joined;
    }
    z.avail_in = 0;
  }
  // As CPython's: a non-empty tail is replaced by what is left, even after the end of the stream (where that
  // is the unused data again).
  std::string_view tail;
  if (!native::bytes_like(ts, d->unconsumed_tail, &tail)) return false;
  if (z.avail_in > 0 || !tail.empty()) {
    Value saved = make_bytes(ts, rest);
    if (!saved) return false;
    d->unconsumed_tail = saved;
  }
  return true;
}

// Runs inflate over `input` into `out` with `flush` mode for the last piece; a Z_NEED_DICT is answered with the
// object's dictionary. Returns zlib's last status, or INT_MIN with an exception pending.
int inflate_all(ThreadState& ts, DecompressObject* d, std::string_view input, Output& out, size_t first_size,
                int last_flush) {
  z_stream& z = d->stream->z;
  int err = Z_OK;
  size_t left;
  do {
    left = arrange_input(z, input);
    int flush = left == 0 ? last_flush : Z_NO_FLUSH;
    do {
      if (!out.arrange(z, first_size)) return err;  // max_length reached
      err = inflate(&z, flush);
      if (err == Z_OK || err == Z_BUF_ERROR || err == Z_STREAM_END) continue;
      if (err != Z_NEED_DICT || !d->zdict) return err;
      if (!set_inflate_zdict(ts, d)) return INT_MIN;
    } while (z.avail_out == 0 || err == Z_NEED_DICT);
  } while (err != Z_STREAM_END && left != 0);
  return err;
}

// Decompress.decompress(data, /, max_length=0): at most max_length bytes of output (0: no limit); input left
// over because of the limit goes to unconsumed_tail.
NATIVE_FN(decompress_decompress) {
  Value v[2];
  if (!native::parse_args(ts, "decompress", args, kwnames, {"", "max_length"}, 1, 1, v)) return Value();
  std::string_view input;
  int64_t max_length = 0;
  if (!native::bytes_like(ts, v[0], &input) || (v[1] && !c_ssize(ts, v[1], &max_length))) return Value();
  if (max_length < 0) return raise(ts, ValueError_type, "max_length must be non-negative");
  DecompressObject* d = as_decompress(self);
  Output out;
  if (max_length > 0) out.limit = static_cast<size_t>(max_length);
  int err = inflate_all(ts, d, input, out, kDefaultBufferSize, Z_SYNC_FLUSH);
  if (err == INT_MIN || !save_unconsumed_input(ts, d, input, err)) return Value();
  if (err == Z_STREAM_END) d->eof = true;
  else if (err != Z_OK && err != Z_BUF_ERROR) return raise_zlib_error(ts, d->stream->z, err, "while decompressing data");
  return out.finish(ts, d->stream->z);
}

// Decompress.flush(length=DEF_BUF_SIZE, /): decompresses the unconsumed_tail to the end; at the end of the
// stream the object is finished.
NATIVE_FN(decompress_flush) {
  Value v[1];
  if (!native::parse_args(ts, "flush", args, kwnames, {""}, 0, 1, v)) return Value();
  int64_t length = kDefaultBufferSize;
  if (v[0] && !c_ssize(ts, v[0], &length)) return Value();
  if (length <= 0) return raise(ts, ValueError_type, "length must be greater than zero");
  DecompressObject* d = as_decompress(self);
  Value tail_object = d->unconsumed_tail;  // kept alive here while zlib reads it
  std::string_view tail;
  if (!native::bytes_like(ts, tail_object, &tail)) return Value();
  Output out;
  int err = inflate_all(ts, d, tail, out, static_cast<size_t>(length), Z_FINISH);
  if (err == INT_MIN || !save_unconsumed_input(ts, d, tail, err)) return Value();
  if (err == Z_STREAM_END) {
    d->eof = true;
    d->stream->initialised = false;
    err = inflateEnd(&d->stream->z);
    if (err != Z_OK) return raise_zlib_error(ts, d->stream->z, err, "while finishing decompression");
  }
  return out.finish(ts, d->stream->z);
}

Value copy_decompress(ThreadState& ts, Value self) {
  DecompressObject* original = as_decompress(self);
  if (!original->stream->initialised) return raise(ts, ValueError_type, "Inconsistent stream state");
  DecompressObject* copy = new_decompress(ts);
  int err = inflateCopy(&copy->stream->z, &original->stream->z);
  if (err == Z_STREAM_ERROR) return raise(ts, ValueError_type, "Inconsistent stream state");
  if (err == Z_MEM_ERROR) return raise(ts, MemoryError_type, "Can't allocate memory for decompression object");
  if (err != Z_OK) return raise_zlib_error(ts, original->stream->z, err, "while copying decompression object");
  copy->stream->initialised = true;
  copy->unused_data = original->unused_data;
  copy->unconsumed_tail = original->unconsumed_tail;
  copy->zdict = original->zdict;
  copy->eof = original->eof;
  return Value(copy);
}

// copy(), __copy__() and __deepcopy__(memo, /) of both object types: a second stream in the same state.
template <Value (*Copy)(ThreadState&, Value)>
NATIVE_FN(copy_method) {
  if (!args.empty() || (kwnames && kwnames->size > 0)) return raise(ts, TypeError_type, "copy() takes no arguments");
  return Copy(ts, self);
}
template <Value (*Copy)(ThreadState&, Value)>
NATIVE_FN(deepcopy_method) {
  Value v[1];
  if (!native::parse_args(ts, "__deepcopy__", args, kwnames, {""}, 1, 1, v)) return Value();
  return Copy(ts, self);
}

NATIVE_FN(decompress_unused_data) { return as_decompress(args[0])->unused_data; }
NATIVE_FN(decompress_unconsumed_tail) { return as_decompress(args[0])->unconsumed_tail; }
NATIVE_FN(decompress_eof) { return Bool(as_decompress(args[0])->eof); }

const MethodDef kCompressMethods[] = {{"compress", compress_compress},
                                      {"flush", compress_flush},
                                      {"copy", copy_method<copy_compress>},
                                      {"__copy__", copy_method<copy_compress>},
                                      {"__deepcopy__", deepcopy_method<copy_compress>}};
const MethodDef kDecompressMethods[] = {{"decompress", decompress_decompress},
                                        {"flush", decompress_flush},
                                        {"copy", copy_method<copy_decompress>},
                                        {"__copy__", copy_method<copy_decompress>},
                                        {"__deepcopy__", deepcopy_method<copy_decompress>}};
const MethodDef kDecompressMembers[] = {{"unused_data", decompress_unused_data},
                                        {"unconsumed_tail", decompress_unconsumed_tail},
                                        {"eof", decompress_eof}};

NATIVE_FN(zlib_crc32_entry) {
  if (!checksum_args(ts, "crc32", args, kwnames)) return Value();
  return checksum<crc32>(ts, 0, args);
}
NATIVE_FN(zlib_adler32_entry) {
  if (!checksum_args(ts, "adler32", args, kwnames)) return Value();
  return checksum<adler32>(ts, 1, args);
}

const MethodDef kFunctions[] = {{"compress", zlib_compress},         {"decompress", zlib_decompress},
                                {"compressobj", zlib_compressobj},   {"decompressobj", zlib_decompressobj},
                                {"crc32", zlib_crc32_entry},         {"adler32", zlib_adler32_entry}};

// The two types have no constructor of their own: compressobj() and decompressobj() make them.
Value refuse_new(ThreadState& ts, Type* type, std::span<const Value>, TupleObject*) {
  return raise_fmt(ts, TypeError_type, "cannot create 'zlib.{}' instances", type->name->view());
}

void ready_types(ThreadState& ts) {
  if (native::native_type_ready(compress_type)) return;
  native::init_native_type(ts, compress_type, "Compress", "zlib", sizeof(CompressObject), false);
  compress_type.finalize = finalize_compress;
  compress_type.new_instance = refuse_new;
  add_methods(ts, compress_type, kCompressMethods);
  native::complete_native_type(ts, compress_type);
  native::init_native_type(ts, decompress_type, "Decompress", "zlib", sizeof(DecompressObject), false);
  decompress_type.trace = trace_decompress;
  decompress_type.finalize = finalize_decompress;
  decompress_type.new_instance = refuse_new;
  add_methods(ts, decompress_type, kDecompressMethods);
  for (const MethodDef& member : kDecompressMembers) add_native_property(ts, decompress_type, &member, nullptr, ReadOnly::kMember);
  native::complete_native_type(ts, decompress_type);
  zlib_error = native::new_exception_class(ts, "zlib", "error", &Exception_type);
  register_root(ts, &zlib_error);
}

}  // namespace

ModuleObject* create_zlib_module(ThreadState& ts) {
  ready_types(ts);
  ModuleObject* m = make_module(ts, "zlib");
  add_module_functions(ts, m, kFunctions);
  add_module_value(ts, m, "error", zlib_error);
  const std::pair<const char*, int> constants[] = {
      {"MAX_WBITS", MAX_WBITS}, {"DEFLATED", Z_DEFLATED}, {"DEF_MEM_LEVEL", 8},
      {"DEF_BUF_SIZE", static_cast<int>(kDefaultBufferSize)}, {"Z_NO_COMPRESSION", Z_NO_COMPRESSION},
      {"Z_BEST_SPEED", Z_BEST_SPEED}, {"Z_BEST_COMPRESSION", Z_BEST_COMPRESSION},
      {"Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION}, {"Z_FILTERED", Z_FILTERED},
      {"Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY}, {"Z_RLE", Z_RLE}, {"Z_FIXED", Z_FIXED},
      {"Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY}, {"Z_NO_FLUSH", Z_NO_FLUSH}, {"Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH},
      {"Z_SYNC_FLUSH", Z_SYNC_FLUSH}, {"Z_FULL_FLUSH", Z_FULL_FLUSH}, {"Z_FINISH", Z_FINISH},
      {"Z_BLOCK", Z_BLOCK}, {"Z_TREES", Z_TREES}};
  for (const auto& [name, value] : constants) add_module_value(ts, m, name, make_int(ts, value));
  add_module_value(ts, m, "ZLIB_VERSION", make_str(ts, ZLIB_VERSION));
  add_module_value(ts, m, "ZLIB_RUNTIME_VERSION", make_str(ts, zlibVersion()));
  add_module_value(ts, m, "__version__", make_str(ts, "1.0"));
  return m;
}

}  // namespace minipy
