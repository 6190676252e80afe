// The native `_lzma` module, as CPython 3.11's _lzmamodule.c: LZMACompressor (formats XZ, ALONE and RAW; integrity
// checks; presets or custom filter chains) and LZMADecompressor (FORMAT_AUTO/XZ/ALONE/RAW, memlimit, max_length,
// check, eof, unused_data, needs_input), is_check_supported, _encode_filter_properties /
// _decode_filter_properties, LZMAError and the FORMAT_/CHECK_/FILTER_/MF_/MODE_/PRESET_ constants. Lib's lzma
// module (LZMAFile, open, compress, decompress) runs on top of it.
//
// As zlib and _bz2, it calls the system's library (Debian's liblzma-dev, static in a static minipy): .xz output
// must be byte-identical to CPython's, which uses this same liblzma.
//
// Leaves out nothing of the 3.11 API. Filter specifiers must be dicts (CPython accepts any mapping for "id" but
// parses the options as keyword arguments, which needs a dict too).
#include <lzma.h>

#include <climits>
#include <memory>
#include <vector>

#include "stdlib/native/compression_buffer.h"
#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"

namespace minipy {

namespace {

enum Format { kFormatAuto, kFormatXz, kFormatAlone, kFormatRaw };
constexpr int kCheckUnknown = LZMA_CHECK_ID_MAX + 1;

Value lzma_error;  // _lzma.LZMAError (a GC root once created)

// The stream outside the GC heap (liblzma keeps pointers into it).
// Heap-allocated and owned through a raw pointer freed by the finalizer: the collected heap does not run C++
// destructors, and liblzma's internal state must be released with lzma_end().
struct LzStream {
  lzma_stream s = LZMA_STREAM_INIT;
  ~LzStream() { lzma_end(&s); }
};

struct CompressorObject : Object {
  LzStream* stream;
  bool flushed;
};

struct DecompressorObject : Object {
  LzStream* stream;
  // CPython keeps the unconsumed input in its own buffer between calls too, so decompress(b'', max_length=n) can
  // continue where a previous call stopped.
  std::string* leftover;  // input not consumed yet (decompress stopped at max_length)
  Value unused_data;
  int check;
  bool eof;
  bool needs_input;
};

Type compressor_type;
Type decompressor_type;

// CPython's catch_lzma_error: false with the exception for liblzma's failure codes.
// The messages are _lzmamodule.c's catch_lzma_error texts, which tests and Lib's lzma compare; LZMA_GET_CHECK and
// LZMA_NO_CHECK are informational and count as success.
[[nodiscard]] bool check_lzma(ThreadState& ts, lzma_ret status) {
  const char* message;
  switch (status) {
    case LZMA_OK: case LZMA_GET_CHECK: case LZMA_NO_CHECK: case LZMA_STREAM_END:
      return true;
    case LZMA_MEM_ERROR:
      raise(ts, MemoryError_type, "");
      return false;
    case LZMA_UNSUPPORTED_CHECK: message = "Unsupported integrity check"; break;
    case LZMA_MEMLIMIT_ERROR: message = "Memory usage limit exceeded"; break;
    case LZMA_FORMAT_ERROR: message = "Input format not supported by decoder"; break;
    case LZMA_OPTIONS_ERROR: message = "Invalid or unsupported options"; break;
    case LZMA_DATA_ERROR: message = "Corrupt input data"; break;
    case LZMA_BUF_ERROR: message = "Insufficient buffer space"; break;
    case LZMA_PROG_ERROR: message = "Internal error"; break;
    default:
      raise_fmt(ts, *as_type(lzma_error), "Unrecognized error from liblzma: {}", static_cast<int>(status));
      return false;
  }
  raise(ts, *as_type(lzma_error), message);
  return false;
}

// An unsigned C integer argument of at most `max` (PyLong_AsUnsignedLong[Long] and CPython's uint32_converter).
[[nodiscard]] bool unsigned_arg(ThreadState& ts, Value v, uint64_t max, uint64_t* out) {
  if (!is_int(v)) return raise(ts, TypeError_type, "an integer is required"), false;
  BigInt value = native::int_value(v);
  if (mpz_sgn(value.raw()) < 0) return raise(ts, OverflowError_type, "can't convert negative int to unsigned"), false;
  if (mpz_sizeinbase(value.raw(), 2) > 64) return raise(ts, OverflowError_type, "int too big to convert"), false;
  uint64_t wide = 0;
  mpz_export(&wide, nullptr, -1, sizeof(wide), 0, 0, value.raw());
  if (wide > max) return raise(ts, OverflowError_type, "Value too large for uint32_t type"), false;
  *out = wide;
  return true;
}
[[nodiscard]] bool uint32_arg(ThreadState& ts, Value v, uint32_t* out) {
  uint64_t wide;
  if (!unsigned_arg(ts, v, UINT32_MAX, &wide)) return false;
  *out = static_cast<uint32_t>(wide);
  return true;
}

// A filter chain being built: liblzma's array (ended by LZMA_VLI_UNKNOWN) and the option structs it points at.
struct FilterChain {
  lzma_filter filters[LZMA_FILTERS_MAX + 1];
  std::vector<std::unique_ptr<char[]>> options;
  FilterChain() { filters[0].id = LZMA_VLI_UNKNOWN; }
};

// Reads the options of one filter from dict `spec` into `out` (a field per allowed name); false with ValueError
// `invalid` when a key is not one of `names` or a value is not a valid uint32 (CPython replaces every error).
template <size_t N>
[[nodiscard]] bool filter_options(ThreadState& ts, Value spec, const char* const (&names)[N], uint32_t* const (&out)[N],
                                  const char* invalid) {
  auto* dict = static_cast<DictObject*>(spec.as_object());
  int64_t pos = 0;
  Value key, value;
  while (dict_next(dict, &pos, &key, &value)) {
    size_t i = 0;
    while (i < N && !(is_str(key) && as_str(key)->view() == names[i])) i++;
    bool ok = i < N && (out[i] == nullptr || uint32_arg(ts, value, out[i]));
    if (!ok) {
      ts.current_exception = Value();
      return raise(ts, ValueError_type, invalid), false;
    }
  }
  return true;
}

// One filter specifier dict ({"id": FILTER_..., options...}) into `filter` (its options owned by `chain`).
[[nodiscard]] bool parse_filter_spec(ThreadState& ts, Value spec, lzma_filter* filter, FilterChain& chain) {
  if (!is_dict(spec)) return raise(ts, TypeError_type, "Filter specifier must be a dict or dict-like object"), false;
  Value id_value = dict_get_str(static_cast<DictObject*>(spec.as_object()), intern(ts, "id"));
  if (!id_value) return raise(ts, ValueError_type, "Filter specifier must have an \"id\" entry"), false;
  uint64_t id;
  if (!unsigned_arg(ts, id_value, UINT64_MAX, &id)) return false;
  filter->id = id;
  switch (id) {
    case LZMA_FILTER_LZMA1:
    case LZMA_FILTER_LZMA2: {
      auto* options = new lzma_options_lzma{};
      chain.options.emplace_back(reinterpret_cast<char*>(options));
      filter->options = options;
      uint32_t preset = LZMA_PRESET_DEFAULT;
      Value preset_value = dict_get_str(static_cast<DictObject*>(spec.as_object()), intern(ts, "preset"));
      if (preset_value && !uint32_arg(ts, preset_value, &preset)) return false;
      if (lzma_lzma_preset(options, preset))
        return raise_fmt(ts, *as_type(lzma_error), "Invalid compression preset: {}", preset), false;
      uint32_t mode = options->mode, mf = options->mf, ignored;
      static constexpr const char* kNames[] = {"id", "preset", "dict_size", "lc", "lp", "pb", "mode", "nice_len", "mf",
                                               "depth"};
      uint32_t* const fields[] = {nullptr, &ignored, &options->dict_size, &options->lc, &options->lp, &options->pb,
                                  &mode, &options->nice_len, &mf, &options->depth};
      if (!filter_options(ts, spec, kNames, fields, "Invalid filter specifier for LZMA filter")) return false;
      options->mode = static_cast<lzma_mode>(mode);
      options->mf = static_cast<lzma_match_finder>(mf);
      return true;
    }
    case LZMA_FILTER_DELTA: {
      auto* options = new lzma_options_delta{};
      chain.options.emplace_back(reinterpret_cast<char*>(options));
      filter->options = options;
      options->type = LZMA_DELTA_TYPE_BYTE;
      options->dist = 1;
      static constexpr const char* kNames[] = {"id", "dist"};
      uint32_t* const fields[] = {nullptr, &options->dist};
      return filter_options(ts, spec, kNames, fields, "Invalid filter specifier for delta filter");
    }
    case LZMA_FILTER_X86: case LZMA_FILTER_POWERPC: case LZMA_FILTER_IA64:
    case LZMA_FILTER_ARM: case LZMA_FILTER_ARMTHUMB: case LZMA_FILTER_SPARC: {
      auto* options = new lzma_options_bcj{};
      chain.options.emplace_back(reinterpret_cast<char*>(options));
      filter->options = options;
      static constexpr const char* kNames[] = {"id", "start_offset"};
      uint32_t* const fields[] = {nullptr, &options->start_offset};
      return filter_options(ts, spec, kNames, fields, "Invalid filter specifier for BCJ filter");
    }
    default:
      return raise_fmt(ts, ValueError_type, "Invalid filter ID: {}", id), false;
  }
}

// A sequence of filter specifiers into `chain`.
[[nodiscard]] bool parse_filter_chain(ThreadState& ts, Value specs, FilterChain& chain) {
  // PySequence_Size: a mapping is refused by name.
  if (is_dict(specs)) return raise_fmt(ts, TypeError_type, "{} is not a sequence", type_of(specs)->c_name), false;
  int64_t count = py_len(ts, specs);
  if (count < 0) return false;
  if (count > LZMA_FILTERS_MAX)
    return raise_fmt(ts, ValueError_type, "Too many filters - liblzma supports a maximum of {}", LZMA_FILTERS_MAX),
           false;
  for (int64_t i = 0; i < count; i++) {
    Value spec = get_item(ts, specs, make_int(ts, i));
    if (!spec || !parse_filter_spec(ts, spec, &chain.filters[i], chain)) return false;
    chain.filters[i + 1].id = LZMA_VLI_UNKNOWN;
  }
  return true;
}

// Points the stream at `input` and `out`'s free space.
void arrange(lzma_stream& s, native::PendingInput& input, native::OutputBlocks& out) {
  s.next_in = reinterpret_cast<const uint8_t*>(input.next());
  s.avail_in = input.available();
  s.next_out = reinterpret_cast<uint8_t*>(out.next());
  s.avail_out = out.available();
}

// ---- LZMACompressor ----------------------------------------------------------------------------------------------

Value new_compressor(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  Value v[4];
  if (!native::parse_args(ts, "LZMACompressor", args, kwnames, {"format", "check", "preset", "filters"}, 0, 0, v))
    return Value();
  int64_t format = kFormatXz, check = -1;
  if ((v[0] && !index_to_int64(ts, v[0], &format)) || (v[1] && !index_to_int64(ts, v[1], &check))) return Value();
  bool has_preset = v[2] && !is_none(v[2]), has_filters = v[3] && !is_none(v[3]);
  if (format != kFormatXz && check != -1 && check != LZMA_CHECK_NONE)
    return raise(ts, ValueError_type, "Integrity checks are only supported by FORMAT_XZ");
  if (has_preset && has_filters) return raise(ts, ValueError_type, "Cannot specify both preset and filter chain");
  uint32_t preset = LZMA_PRESET_DEFAULT;
  if (has_preset && !uint32_arg(ts, v[2], &preset)) return Value();
  auto* c = alloc_instance<CompressorObject>(ts, type);
  c->stream = new LzStream;
  lzma_stream& s = c->stream->s;
  FilterChain chain;
  if (has_filters && !parse_filter_chain(ts, v[3], chain)) return Value();
  lzma_ret status;
  switch (format) {
    case kFormatXz:
      if (check == -1) check = LZMA_CHECK_CRC64;
      status = has_filters ? lzma_stream_encoder(&s, chain.filters, static_cast<lzma_check>(check))
                           : lzma_easy_encoder(&s, preset, static_cast<lzma_check>(check));
      break;
    case kFormatAlone:
      if (!has_filters) {
        lzma_options_lzma options;
        if (lzma_lzma_preset(&options, preset))
          return raise_fmt(ts, *as_type(lzma_error), "Invalid compression preset: {}", preset);
        status = lzma_alone_encoder(&s, &options);
      } else {
        if (chain.filters[0].id != LZMA_FILTER_LZMA1 || chain.filters[1].id != LZMA_VLI_UNKNOWN)
          return raise(ts, ValueError_type, "Invalid filter chain for FORMAT_ALONE - must be a single LZMA1 filter");
        status = lzma_alone_encoder(&s, static_cast<lzma_options_lzma*>(chain.filters[0].options));
      }
      break;
    case kFormatRaw:
      if (!has_filters) return raise(ts, ValueError_type, "Must specify filters for FORMAT_RAW");
      status = lzma_raw_encoder(&s, chain.filters);
      break;
    default:
      return raise_fmt(ts, ValueError_type, "Invalid container format: {}", format);
  }
  if (!check_lzma(ts, status)) return Value();
  return Value(c);
}

// Runs `data` through the encoder (`finish`: LZMA_FINISH, ending the stream); the output.
Value compress(ThreadState& ts, CompressorObject* c, std::string_view data, bool finish) {
  lzma_action action = finish ? LZMA_FINISH : LZMA_RUN;
  lzma_stream& s = c->stream->s;
  std::string empty;
  native::PendingInput input(empty, data);
  native::OutputBlocks out(-1);
  for (;;) {
    arrange(s, input, out);
    size_t in_before = s.avail_in, out_before = s.avail_out;
    lzma_ret status = lzma_code(&s, action);
    input.consumed(in_before - s.avail_in);
    out.produced(out_before - s.avail_out);
    if (status == LZMA_BUF_ERROR && input.available() == 0 && out.available() > 0) status = LZMA_OK;
    if (!check_lzma(ts, status)) return Value();
    if ((action == LZMA_RUN && input.available() == 0) || (action == LZMA_FINISH && status == LZMA_STREAM_END)) break;
    if (out.available() == 0) out.grow();
  }
  return make_bytes(ts, out.result());
}

// ---- LZMADecompressor --------------------------------------------------------------------------------------------

Value new_decompressor(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  Value v[3];
  if (!native::parse_args(ts, "LZMADecompressor", args, kwnames, {"format", "memlimit", "filters"}, 0, 0, v))
    return Value();
  int64_t format = kFormatAuto;
  if (v[0] && !index_to_int64(ts, v[0], &format)) return Value();
  bool has_memlimit = v[1] && !is_none(v[1]), has_filters = v[2] && !is_none(v[2]);
  if (has_memlimit && format == kFormatRaw)
    return raise(ts, ValueError_type, "Cannot specify memory limit with FORMAT_RAW");
  if (format == kFormatRaw && !has_filters) return raise(ts, ValueError_type, "Must specify filters for FORMAT_RAW");
  if (format != kFormatRaw && has_filters)
    return raise(ts, ValueError_type, "Cannot specify filters except with FORMAT_RAW");
  uint64_t memlimit = UINT64_MAX;
  if (has_memlimit && !unsigned_arg(ts, v[1], UINT64_MAX, &memlimit)) return Value();
  auto* d = alloc_instance<DecompressorObject>(ts, type);
  d->stream = new LzStream;
  d->leftover = new std::string;
  d->unused_data = make_bytes(ts, "");
  d->check = kCheckUnknown;
  d->needs_input = true;
  lzma_stream& s = d->stream->s;
  constexpr uint32_t kFlags = LZMA_TELL_ANY_CHECK | LZMA_TELL_NO_CHECK;
  lzma_ret status;
  switch (format) {
    case kFormatAuto:
      status = lzma_auto_decoder(&s, memlimit, kFlags);
      break;
    case kFormatXz:
      status = lzma_stream_decoder(&s, memlimit, kFlags);
      break;
    case kFormatAlone:
      d->check = LZMA_CHECK_NONE;
      status = lzma_alone_decoder(&s, memlimit);
      break;
    case kFormatRaw: {
      d->check = LZMA_CHECK_NONE;
      FilterChain chain;
      if (!parse_filter_chain(ts, v[2], chain)) return Value();
      status = lzma_raw_decoder(&s, chain.filters);
      break;
    }
    default:
      return raise_fmt(ts, ValueError_type, "Invalid container format: {}", format);
  }
  if (!check_lzma(ts, status)) return Value();
  return Value(d);
}

// decompress(data, max_length=-1)
NATIVE_FN(decompressor_decompress) {
  std::string_view data;
  int64_t max_length;
  if (!native::decompress_args(ts, args, kwnames, &data, &max_length)) return Value();
  auto* d = static_cast<DecompressorObject*>(self.as_object());
  if (d->eof) return raise(ts, EOFError_type, "Already at end of stream");
  lzma_stream& s = d->stream->s;
  native::PendingInput input(*d->leftover, data);
  native::OutputBlocks out(max_length);
  for (;;) {
    arrange(s, input, out);
    size_t in_before = s.avail_in, out_before = s.avail_out;
    lzma_ret status = lzma_code(&s, LZMA_RUN);
    input.consumed(in_before - s.avail_in);
    out.produced(out_before - s.avail_out);
    if (status == LZMA_BUF_ERROR && input.available() == 0 && out.available() > 0) status = LZMA_OK;
    if (!check_lzma(ts, status)) return Value();  // the unconsumed input is dropped
    if (status == LZMA_GET_CHECK || status == LZMA_NO_CHECK) d->check = lzma_get_check(&s);
    if (status == LZMA_STREAM_END) {
      d->eof = true;
      break;
    }
    // Output space is checked before input: liblzma may hold output back that a larger buffer receives.
    if (out.available() == 0) {
      if (out.at_limit() || !out.grow()) break;
    } else if (input.available() == 0) {
      break;
    }
  }
  // With the output full and the input drained, liblzma may still hold bytes: the next call can give them
  // without more input.
  native::finish_decompress_call(ts, input, d->eof, out.available() > 0, &d->needs_input, &d->unused_data,
                                 d->leftover);
  return make_bytes(ts, out.result());
}

DecompressorObject* as_decompressor(Value v) { return static_cast<DecompressorObject*>(v.as_object()); }
NATIVE_FN(decompressor_eof) { return Bool(as_decompressor(args[0])->eof); }
NATIVE_FN(decompressor_unused_data) { return as_decompressor(args[0])->unused_data; }
NATIVE_FN(decompressor_needs_input) { return Bool(as_decompressor(args[0])->needs_input); }
NATIVE_FN(decompressor_check) { return make_int(ts, as_decompressor(args[0])->check); }

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
void trace_decompressor(Object* self, Tracer& tracer) { tracer.visit(as_decompressor(Value(self))->unused_data); }

// ---- module functions ----------------------------------------------------------------------------------------------

// is_check_supported(check_id, /)
NATIVE_FN(lzma_is_check_supported) {
  Value v[1];
  if (!native::parse_args(ts, "is_check_supported", args, kwnames, {""}, 1, 1, v)) return Value();
  int64_t id;
  if (!index_to_int64(ts, v[0], &id)) return Value();
  return Bool(id >= 0 && id <= INT_MAX && lzma_check_is_supported(static_cast<lzma_check>(id)));
}

// _encode_filter_properties(filter, /): the raw properties of one filter specifier.
NATIVE_FN(lzma_encode_filter_properties) {
  Value v[1];
  if (!native::parse_args(ts, "_encode_filter_properties", args, kwnames, {""}, 1, 1, v)) return Value();
  FilterChain chain;
  lzma_filter filter;
  if (!parse_filter_spec(ts, v[0], &filter, chain)) return Value();
  uint32_t size;
  if (!check_lzma(ts, lzma_properties_size(&size, &filter))) return Value();
  std::string encoded(size, '\0');
  if (!check_lzma(ts, lzma_properties_encode(&filter, reinterpret_cast<uint8_t*>(encoded.data())))) return Value();
  return make_bytes(ts, encoded);
}

// _decode_filter_properties(filter_id, encoded_props, /): the filter specifier those properties describe.
NATIVE_FN(lzma_decode_filter_properties) {
  Value v[2];
  if (!native::parse_args(ts, "_decode_filter_properties", args, kwnames, {"", ""}, 2, 2, v)) return Value();
  uint64_t id;
  std::string_view props;
  if (!unsigned_arg(ts, v[0], UINT64_MAX, &id) || !native::bytes_like(ts, v[1], &props)) return Value();
  lzma_filter filter{id, nullptr};
  lzma_ret status = lzma_properties_decode(&filter, nullptr, reinterpret_cast<const uint8_t*>(props.data()),
                                           props.size());
  std::unique_ptr<void, void (*)(void*)> options(filter.options, free);  // liblzma malloc'd it
  if (!check_lzma(ts, status)) return Value();
  DictObject* spec = make_dict(ts);
  // Every value fits an int64: filter ids reach 2**62 + 1, options are 32-bit.
  auto add = [&](const char* name, uint64_t value) {
    return dict_set_str(ts, spec, intern(ts, name), make_int(ts, static_cast<int64_t>(value)));
  };
  bool ok = add("id", id);
  if (id == LZMA_FILTER_LZMA1) {
    auto* o = static_cast<lzma_options_lzma*>(filter.options);
    ok = ok && add("lc", o->lc) && add("lp", o->lp) && add("pb", o->pb) && add("dict_size", o->dict_size);
  } else if (id == LZMA_FILTER_LZMA2) {  // its properties hold only the dictionary size
    ok = ok && add("dict_size", static_cast<lzma_options_lzma*>(filter.options)->dict_size);
  } else if (id == LZMA_FILTER_DELTA) {
    ok = ok && add("dist", static_cast<lzma_options_delta*>(filter.options)->dist);
  } else if (filter.options) {
    ok = ok && add("start_offset", static_cast<lzma_options_bcj*>(filter.options)->start_offset);
  }
  if (!ok) return Value();
  return Value(spec);
}

const MethodDef kCompressorMethods[] = {{"compress", native::compressor_compress<CompressorObject, compress>},
                                        {"flush", native::compressor_flush<CompressorObject, compress>},
                                        {"__reduce__", native::refuse_pickle}};
const MethodDef kDecompressorMethods[] = {{"decompress", decompressor_decompress},
                                          {"__reduce__", native::refuse_pickle}};
const MethodDef kDecompressorMembers[] = {{"check", decompressor_check},
                                          {"eof", decompressor_eof},
                                          {"unused_data", decompressor_unused_data},
                                          {"needs_input", decompressor_needs_input}};
const MethodDef kFunctions[] = {{"is_check_supported", lzma_is_check_supported},
                                {"_encode_filter_properties", lzma_encode_filter_properties},
                                {"_decode_filter_properties", lzma_decode_filter_properties}};

void ready_types(ThreadState& ts) {
  if (native::native_type_ready(compressor_type)) return;
  native::init_native_type(ts, compressor_type, "LZMACompressor", "_lzma", sizeof(CompressorObject), true);
  compressor_type.new_instance = new_compressor;
  compressor_type.finalize = finalize_compressor;
  add_methods(ts, compressor_type, kCompressorMethods);
  native::complete_native_type(ts, compressor_type);
  add_native_new(ts, compressor_type);  // compressor.__new__(Subclass, ...) works, as CPython's
  native::init_native_type(ts, decompressor_type, "LZMADecompressor", "_lzma", sizeof(DecompressorObject), true);
  decompressor_type.new_instance = new_decompressor;
  decompressor_type.finalize = finalize_decompressor;
  decompressor_type.trace = trace_decompressor;
  add_methods(ts, decompressor_type, kDecompressorMethods);
  for (const MethodDef& member : kDecompressorMembers)
    add_native_property(ts, decompressor_type, &member, nullptr, ReadOnly::kMember);
  native::complete_native_type(ts, decompressor_type);
  add_native_new(ts, decompressor_type);  // decompressor.__new__(Subclass, ...) works, as CPython's
  lzma_error = native::new_exception_class(ts, "_lzma", "LZMAError", &Exception_type);
  register_root(ts, &lzma_error);
}

}  // namespace

ModuleObject* create_lzma_module(ThreadState& ts) {
  ready_types(ts);
  ModuleObject* m = make_module(ts, "_lzma");
  add_module_functions(ts, m, kFunctions);
  add_module_value(ts, m, "LZMACompressor", Value(&compressor_type));
  add_module_value(ts, m, "LZMADecompressor", Value(&decompressor_type));
  add_module_value(ts, m, "LZMAError", lzma_error);
  const std::pair<const char*, uint64_t> constants[] = {
      {"FORMAT_AUTO", kFormatAuto}, {"FORMAT_XZ", kFormatXz}, {"FORMAT_ALONE", kFormatAlone},
      {"FORMAT_RAW", kFormatRaw}, {"CHECK_NONE", LZMA_CHECK_NONE}, {"CHECK_CRC32", LZMA_CHECK_CRC32},
      {"CHECK_CRC64", LZMA_CHECK_CRC64}, {"CHECK_SHA256", LZMA_CHECK_SHA256}, {"CHECK_ID_MAX", LZMA_CHECK_ID_MAX},
      {"CHECK_UNKNOWN", kCheckUnknown}, {"FILTER_LZMA1", LZMA_FILTER_LZMA1}, {"FILTER_LZMA2", LZMA_FILTER_LZMA2},
      {"FILTER_DELTA", LZMA_FILTER_DELTA}, {"FILTER_X86", LZMA_FILTER_X86}, {"FILTER_POWERPC", LZMA_FILTER_POWERPC},
      {"FILTER_IA64", LZMA_FILTER_IA64}, {"FILTER_ARM", LZMA_FILTER_ARM}, {"FILTER_ARMTHUMB", LZMA_FILTER_ARMTHUMB},
      {"FILTER_SPARC", LZMA_FILTER_SPARC}, {"MF_HC3", LZMA_MF_HC3}, {"MF_HC4", LZMA_MF_HC4}, {"MF_BT2", LZMA_MF_BT2},
      {"MF_BT3", LZMA_MF_BT3}, {"MF_BT4", LZMA_MF_BT4}, {"MODE_FAST", LZMA_MODE_FAST},
      {"MODE_NORMAL", LZMA_MODE_NORMAL}, {"PRESET_DEFAULT", LZMA_PRESET_DEFAULT},
      {"PRESET_EXTREME", LZMA_PRESET_EXTREME}};
  for (const auto& [name, value] : constants) add_module_value(ts, m, name, make_int(ts, static_cast<int64_t>(value)));
  return m;
}

}  // namespace minipy
