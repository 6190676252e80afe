// The native `_bz2` module, as CPython 3.11's _bz2module.c: BZ2Compressor (compress, flush) and BZ2Decompressor
// (decompress with max_length, eof, unused_data, needs_input), with CPython's error mapping. Lib's bz2 module
// (BZ2File, open, compress, decompress) runs on top of it.
//
// As zlib, it calls the system's library (Debian's libbz2-dev, static in a static minipy): compressed output
// must be byte-identical to CPython's, which uses this same libbzip2.
//
// Leaves out nothing of the 3.11 API. Inputs over 4 GiB are fed to libbzip2 in pieces, as CPython does.
#include <bzlib.h>

#include <climits>

#include "stdlib/native/compression_buffer.h"
#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"

namespace minipy {

namespace {

// A libbzip2 stream lives outside the GC heap (the library keeps pointers into it): `initialised` until its
// End function has run.
struct BzStream {
  bz_stream s{};
  bool initialised = false;
  bool decompressing = false;
  ~BzStream() {
    if (initialised) decompressing ? BZ2_bzDecompressEnd(&s) : BZ2_bzCompressEnd(&s);
  }
};

struct CompressorObject : Object {
  BzStream* stream;
  bool flushed;
};

struct DecompressorObject : Object {
  BzStream* stream;
  std::string* leftover;  // input not consumed yet (decompress stopped at max_length)
  Value unused_data;      // bytes after the end of the stream
  bool eof;
  bool needs_input;
  bool failed;            // libbzip2 reported an error: the stream cannot continue
};

Type compressor_type;
Type decompressor_type;

// CPython's catch_bz2_error: false with the exception for libbzip2's failure codes.
[[nodiscard]] bool check_bz2(ThreadState& ts, int status) {
  switch (status) {
    case BZ_OK: case BZ_RUN_OK: case BZ_FLUSH_OK: case BZ_FINISH_OK: case BZ_STREAM_END:
      return true;
    case BZ_PARAM_ERROR:
      raise(ts, ValueError_type, "Internal error - invalid parameters passed to libbzip2");
      return false;
    case BZ_MEM_ERROR:
      raise(ts, MemoryError_type, "");
      return false;
    case BZ_DATA_ERROR: case BZ_DATA_ERROR_MAGIC:
      raise(ts, OSError_type, "Invalid data stream");
      return false;
    case BZ_IO_ERROR:
      raise(ts, OSError_type, "Unknown I/O error");
      return false;
    case BZ_UNEXPECTED_EOF:
      raise(ts, EOFError_type, "Compressed file ended before the logical end-of-stream was detected");
      return false;
    case BZ_SEQUENCE_ERROR:
      raise(ts, RuntimeError_type, "Internal error - Invalid sequence of commands sent to libbzip2");
      return false;
    default:
      raise_fmt(ts, OSError_type, "Unrecognized error from libbzip2: {}", status);
      return false;
  }
}

// Points the stream at up to 4 GiB of `input` and `out`'s free space.
void arrange(bz_stream& s, native::PendingInput& input, native::OutputBlocks& out) {
  s.next_in = const_cast<char*>(input.next());
  s.avail_in = static_cast<unsigned>(std::min<size_t>(input.available(), UINT_MAX));
  s.next_out = out.next();
  s.avail_out = static_cast<unsigned>(std::min<size_t>(out.available(), UINT_MAX));
}

// ---- BZ2Compressor ---------------------------------------------------------------------------------------------

// Runs `data` through the compressor (`finish`: BZ_FINISH, ending the stream); the output.
Value compress(ThreadState& ts, CompressorObject* c, std::string_view data, bool finish) {
  int action = finish ? BZ_FINISH : BZ_RUN;
  bz_stream& s = c->stream->s;
  std::string empty;
  native::PendingInput input(empty, data);
  native::OutputBlocks out(-1);
  for (;;) {
    // libbzip2 calls a BZ_RUN step that makes no progress a parameter error: stop once the input is used up.
    if (action == BZ_RUN && input.available() == 0) break;
    if (out.available() == 0) out.grow();
    arrange(s, input, out);
    unsigned in_before = s.avail_in, out_before = s.avail_out;
    int status = BZ2_bzCompress(&s, action);
    input.consumed(in_before - s.avail_in);
    out.produced(out_before - s.avail_out);
    if (!check_bz2(ts, status)) return Value();
    if (action == BZ_FINISH && status == BZ_STREAM_END) break;
  }
  return make_bytes(ts, out.result());
}

Value new_compressor(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  if (kwnames && kwnames->size > 0) return raise(ts, TypeError_type, "BZ2Compressor() takes no keyword arguments");
  if (!check_arg_count(ts, "BZ2Compressor", args.size(), 0, 1)) return Value();
  int64_t level = 9;
  if (!args.empty() && !index_to_int64(ts, args[0], &level)) return Value();
  if (level < 1 || level > 9) return raise(ts, ValueError_type, "compresslevel must be between 1 and 9");
  auto* c = alloc_instance<CompressorObject>(ts, type);
  c->stream = new BzStream;
  if (!check_bz2(ts, BZ2_bzCompressInit(&c->stream->s, static_cast<int>(level), 0, 0))) return Value();
  c->stream->initialised = true;
  return Value(c);
}

// ---- BZ2Decompressor -------------------------------------------------------------------------------------------

Value new_decompressor(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  if (!args.empty() && positional_count(args, kwnames) > 0)
    return raise(ts, TypeError_type, "BZ2Decompressor() takes no positional arguments");
  if (kwnames && kwnames->size > 0) return raise(ts, TypeError_type, "BZ2Decompressor() takes no keyword arguments");
  auto* d = alloc_instance<DecompressorObject>(ts, type);
  d->stream = new BzStream;
  d->stream->decompressing = true;
  d->leftover = new std::string;
  d->unused_data = make_bytes(ts, "");
  d->needs_input = true;
  if (!check_bz2(ts, BZ2_bzDecompressInit(&d->stream->s, 0, 0))) return Value();
  d->stream->initialised = true;
  return Value(d);
}

// decompress(data, max_length=-1): at most max_length bytes (negative: all there is); input left over because of
// the limit is kept for the next call (needs_input False).
NATIVE_FN(decompressor_decompress) {
  std::string_view data;
  int64_t max_length;
  if (!native::decompress_args(ts, args, kwnames, &data, &max_length)) return Value();
  auto* d = static_cast<DecompressorObject*>(self.as_object());
  if (d->eof) return raise(ts, EOFError_type, "End of stream already reached");
  if (d->failed) return raise(ts, ValueError_type, "Decompressor is unusable after a previous error");
  bz_stream& s = d->stream->s;
  native::PendingInput input(*d->leftover, data);
  native::OutputBlocks out(max_length);
  for (;;) {
    arrange(s, input, out);
    unsigned in_before = s.avail_in, out_before = s.avail_out;
    int status = BZ2_bzDecompress(&s);
    input.consumed(in_before - s.avail_in);
    out.produced(out_before - s.avail_out);
    if (!check_bz2(ts, status)) {
      // The unconsumed input is dropped and the object refuses further data (libbzip2's state is undefined).
      d->failed = true;
      d->needs_input = false;
      return Value();
    }
    if (status == BZ_STREAM_END) {
      d->eof = true;
      break;
    }
    if (input.available() == 0) break;
    if (out.available() == 0) {
      if (out.at_limit() || !out.grow()) break;
    } else if (in_before == s.avail_in && out_before == s.avail_out) {
      break;  // no progress with room on both sides: never spin on a stream libbzip2 will not advance
    }
  }
  native::finish_decompress_call(ts, input, d->eof, true, &d->needs_input, &d->unused_data, d->leftover);
  return make_bytes(ts, out.result());
}

NATIVE_FN(decompressor_eof) { return Bool(static_cast<DecompressorObject*>(args[0].as_object())->eof); }
NATIVE_FN(decompressor_unused_data) { return static_cast<DecompressorObject*>(args[0].as_object())->unused_data; }
NATIVE_FN(decompressor_needs_input) {
  return Bool(static_cast<DecompressorObject*>(args[0].as_object())->needs_input);
}

void finalize_compressor(Object* self) {
  delete static_cast<CompressorObject*>(self)->stream;
  static_cast<CompressorObject*>(self)->stream = nullptr;
}
void finalize_decompressor(Object* self) {
  auto* d = static_cast<DecompressorObject*>(self);
  delete d->stream;
  delete d->leftover;
  d->stream = nullptr;
  d->leftover = nullptr;
}
void trace_decompressor(Object* self, Tracer& tracer) {
  tracer.visit(static_cast<DecompressorObject*>(self)->unused_data);
}

const MethodDef kCompressorMethods[] = {{"compress", native::compressor_compress<CompressorObject, compress>},
                                        {"flush", native::compressor_flush<CompressorObject, compress>},
                                        {"__reduce__", native::refuse_pickle}};
const MethodDef kDecompressorMethods[] = {{"decompress", decompressor_decompress},
                                          {"__reduce__", native::refuse_pickle}};
const MethodDef kDecompressorMembers[] = {
    {"eof", decompressor_eof}, {"unused_data", decompressor_unused_data}, {"needs_input", decompressor_needs_input}};

void ready_types(ThreadState& ts) {
  if (native::native_type_ready(compressor_type)) return;
  native::init_native_type(ts, compressor_type, "BZ2Compressor", "_bz2", sizeof(CompressorObject), true);
  compressor_type.new_instance = new_compressor;
  compressor_type.finalize = finalize_compressor;
  add_methods(ts, compressor_type, kCompressorMethods);
  native::complete_native_type(ts, compressor_type);
  add_native_new(ts, compressor_type);  // compressor.__new__(Subclass, ...) works, as CPython's
  native::init_native_type(ts, decompressor_type, "BZ2Decompressor", "_bz2", sizeof(DecompressorObject), true);
  decompressor_type.new_instance = new_decompressor;
  decompressor_type.finalize = finalize_decompressor;
  decompressor_type.trace = trace_decompressor;
  add_methods(ts, decompressor_type, kDecompressorMethods);
  for (const MethodDef& member : kDecompressorMembers)
    add_native_property(ts, decompressor_type, &member, nullptr, ReadOnly::kMember);
  native::complete_native_type(ts, decompressor_type);
  add_native_new(ts, decompressor_type);  // decompressor.__new__(Subclass, ...) works, as CPython's
}

}  // namespace

ModuleObject* create_bz2_module(ThreadState& ts) {
  ready_types(ts);
  ModuleObject* m = make_module(ts, "_bz2");
  add_module_value(ts, m, "BZ2Compressor", Value(&compressor_type));
  add_module_value(ts, m, "BZ2Decompressor", Value(&decompressor_type));
  return m;
}

}  // namespace minipy
