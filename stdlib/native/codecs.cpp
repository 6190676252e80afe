// The native `_codecs` module (CPython's Modules/_codecsmodule.c and Python/codecs.c): the codec registry that
// Lib's `encodings` package fills (register/unregister/lookup, encode/decode through it), the error-handler
// registry (lookup_error/register_error and the builtin handlers strict_errors ... namereplace_errors), and the
// codec functions Lib's encodings.* modules call: utf_8, ascii, latin_1, charmap and readbuffer here; the escape
// codecs and UTF-16/32 in codecs_escape.cpp. The utf-8/ascii/latin-1 work itself is minipy's str/bytes codec
// engine (vm/objects/codecs.cpp).
//
// Left out: utf_7; charmap_build returns a dict rather than an EncodingMap. (Lone surrogates are held in strs as
// their three-byte sequences, so surrogateescape and surrogatepass work in both directions.)
#include "compiler/unicode_names.h"
#include "stdlib/native/codecs.h"

#include "stdlib/native/native_support.h"
#include "vm/text/unicode.h"

namespace minipy {

namespace {

// The registries live as long as the interpreter: roots registered once per interpreter.
// Module-level state rather than module attributes: codecs.register() in one module must be visible to str.encode()
// everywhere, and the registries must survive `del sys.modules['_codecs']`.
struct Registries {
  Interpreter* owner = nullptr;
  Value search_path;  // list of search functions
  Value cache;        // dict: normalized name -> codec info
  Value handlers;     // dict: name -> error handler
  bool encodings_imported = false;
};
Registries the_registries;

Registries& registries(ThreadState& ts) {
  Registries& r = the_registries;
  // Keyed by interpreter so a second Interpreter in the same process starts with fresh registries instead of
  // roots into a dead heap.
  if (r.owner != ts.interp) {
    r = Registries{};
    r.owner = ts.interp;
    r.search_path = Value(make_list(ts, 0));
    r.cache = Value(make_dict(ts));
    r.handlers = Value(make_dict(ts));
    register_root(ts, &r.search_path);
    register_root(ts, &r.cache);
    register_root(ts, &r.handlers);
  }
  return r;
}

#define CODEC_FN(name) Value name(ThreadState& ts, Value module, std::span<const Value> args, TupleObject* kwnames)

CODEC_FN(codecs_register) {
  (void)module;
  if (!exact_args(ts, "register", args, kwnames, 1, 1)) return Value();
  if (!type_of(args[0])->call) return raise(ts, TypeError_type, "argument must be callable");
  return list_append(ts, static_cast<ListObject*>(registries(ts).search_path.as_object()), args[0]) ? None() : Value();
}

CODEC_FN(codecs_unregister) {
  (void)module;
  if (!exact_args(ts, "unregister", args, kwnames, 1, 1)) return Value();
  Registries& r = registries(ts);
  auto* path = static_cast<ListObject*>(r.search_path.as_object());
  for (int64_t i = 0; i < path->size; i++) {
    if (path->items[i] != args[0]) continue;
    for (int64_t j = i + 1; j < path->size; j++) path->items[j - 1] = path->items[j];
    path->size--;
    dict_clear(ts, static_cast<DictObject*>(r.cache.as_object()));
    break;
  }
  return None();
}

// CPython's normalization before searching: lower case, spaces and hyphens become underscores.
// The cache key only; each search function normalises again in its own way (encodings.normalize_encoding maps other
// punctuation too).
std::string normalize_encoding(std::string_view name) {
  std::string out;
  for (char c : name) out.push_back(c == ' ' || c == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return out;
}

// The codec info for `encoding`: from the cache, else from the first search function that knows it.
Value lookup(ThreadState& ts, Value encoding) {
  if (!is_str(encoding))
    return raise_fmt(ts, TypeError_type, "lookup() argument must be str, not {}", type_name(encoding));
  Registries& r = registries(ts);
  // Only attempted once: a program without Lib's encodings package (or one that breaks it) gets plain "unknown
  // encoding" errors instead of an import error on every lookup.
  if (!r.encodings_imported) {
    // As CPython's codec registry, the first lookup imports the encodings package, which registers its search
    // function. Without it the lookup simply finds nothing.
    r.encodings_imported = true;
    Value name(intern(ts, "encodings"));
    if (!call(ts, dict_get_str(ts.interp->builtins, ts.interp->names.import), std::span<const Value>(&name, 1)))
      ts.current_exception = Value();
  }
  Value key(make_str(ts, normalize_encoding(as_str(encoding)->view())));
  auto* cache = static_cast<DictObject*>(r.cache.as_object());
  if (Value hit = dict_get(ts, cache, key)) return hit;
  if (ts.current_exception) return Value();
  auto* path = static_cast<ListObject*>(r.search_path.as_object());
  for (int64_t i = 0; i < path->size; i++) {
    Value info = call(ts, path->items[i], std::span<const Value>(&key, 1));
    if (!info) return info;
    if (is_none(info)) continue;
    if (!is_tuple(info) || static_cast<TupleObject*>(info.as_object())->size != 4)
      return raise(ts, TypeError_type, "codec search functions must return 4-tuples");
    if (!dict_set(ts, cache, key, info)) return Value();
    return info;
  }
  return raise_fmt(ts, LookupError_type, "unknown encoding: {}", as_str(encoding)->view());
}

CODEC_FN(codecs_lookup) {
  (void)module;
  if (!exact_args(ts, "lookup", args, kwnames, 1, 1)) return Value();
  return lookup(ts, args[0]);
}

CODEC_FN(codecs_forget) {
  (void)module;
  if (!exact_args(ts, "_forget_codec", args, kwnames, 1, 1)) return Value();
  if (!is_str(args[0])) return raise(ts, TypeError_type, "_forget_codec() argument must be str");
  Value key(make_str(ts, normalize_encoding(as_str(args[0])->view())));
  // Forgetting a codec that was never cached is no error, as in CPython: whatever dict_del reports is dropped.
  (void)dict_del(ts, static_cast<DictObject*>(registries(ts).cache.as_object()), key);
  ts.current_exception = Value();
  return None();
}

// encode()/decode(obj, encoding='utf-8', errors='strict'): the codec's function at `slot` (0 encoder, 1 decoder).
// codecs.encode/decode work for any codec, including bytes-to-bytes ones (hex, zlib, base64), unlike str.encode, which
// insists on text encodings (vm/objects/codecs.cpp).
Value transcode(ThreadState& ts, const char* name, std::span<const Value> args, TupleObject* kwnames, int slot) {
  static const char* const kNames[] = {"obj", "encoding", "errors"};
  Value a[3];
  if (!native::parse_args(ts, name, args, kwnames, kNames, 1, 0, a, 3)) return Value();
  Value encoding = a[1] ? a[1] : Value(intern(ts, "utf-8"));
  Value errors = a[2] ? a[2] : Value(intern(ts, "strict"));
  for (Value v : {encoding, errors})
    if (!is_str(v)) return raise_fmt(ts, TypeError_type, "{}() argument must be str, not {}", name, type_name(v));
  Value info = lookup(ts, encoding);
  if (!info) return info;
  Value fn = static_cast<TupleObject*>(info.as_object())->items[slot];
  Value call_args[2] = {a[0], errors};
  Value r = call(ts, fn, call_args);
  if (!r) return r;
  if (!is_tuple(r) || static_cast<TupleObject*>(r.as_object())->size != 2)
    return raise(ts, TypeError_type, slot == 0 ? "encoder must return a tuple (object, integer)"
                                               : "decoder must return a tuple (object,integer)");
  return static_cast<TupleObject*>(r.as_object())->items[0];
}

CODEC_FN(codecs_encode) {
  (void)module;
  return transcode(ts, "encode", args, kwnames, 0);
}
CODEC_FN(codecs_decode) {
  (void)module;
  return transcode(ts, "decode", args, kwnames, 1);
}

// ---- error handlers -------------------------------------------------------------------------------------------
// The builtin handlers, as functions of the exception: (replacement, position to resume at).
struct ErrorInfo {
  Value object;  // the str being encoded or the bytes being decoded
  int64_t start, end;
  bool decoding;
};

// Handlers read start/end/object through attribute access, so a UnicodeError subclass or an exception whose fields a
// previous handler changed is seen as CPython's handlers see it.
bool error_info(ThreadState& ts, Value exc, ErrorInfo* out) {
  bool encode = is_subtype(type_of(exc), &UnicodeEncodeError_type);
  out->decoding = is_subtype(type_of(exc), &UnicodeDecodeError_type);
  if (!encode && !out->decoding && !is_subtype(type_of(exc), &UnicodeError_type))
    return raise_fmt(ts, TypeError_type, "don't know how to handle {} in error callback", type_name(exc)), false;
  Value start = get_attr(ts, exc, intern(ts, "start"));
  Value end = start ? get_attr(ts, exc, intern(ts, "end")) : Value();
  out->object = end ? get_attr(ts, exc, intern(ts, "object")) : Value();
  return out->object && index_to_int64(ts, start, &out->start) && index_to_int64(ts, end, &out->end);
}

// The code points of str `s` in [start, end).
std::u32string code_points(Value s, int64_t start, int64_t end) {
  std::u32string out;
  std::string_view text = as_str(s)->view();
  size_t pos = 0;
  for (int64_t i = 0; pos < text.size() && i < end; i++) {
    char32_t c = text::next_code_point(text, &pos);
    if (i >= start) out.push_back(c);
  }
  return out;
}

Value handler_result(ThreadState& ts, std::string_view replacement, int64_t end) {
  Value parts[2] = {Value(make_str(ts, replacement)), make_int(ts, end)};
  return Value(make_tuple(ts, parts));
}

template <int kKind>
CODEC_FN(builtin_handler);

// namereplace: \N{NAME} from the Unicode name table, or the backslash escape for a character without a name.
std::string named_escape(char32_t c) {
  std::string name = unicode_names::name_of(c);
  return name.empty() ? escaped(c) : "\\N{" + name + "}";
}

enum HandlerKind { kStrictHandler, kIgnoreHandler, kReplaceHandler, kBackslashHandler, kXmlHandler, kNameHandler };
const char* const kHandlerNames[] = {"strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace",
                                     "namereplace"};
const char* const kHandlerFunctionNames[] = {"strict_errors",          "ignore_errors",
                                             "replace_errors",         "backslashreplace_errors",
                                             "xmlcharrefreplace_errors", "namereplace_errors"};

template <int kKind>
CODEC_FN(builtin_handler) {
  (void)module;
  if (!exact_args(ts, kHandlerFunctionNames[kKind], args, kwnames, 1, 1)) return Value();
  Value exc = args[0];
  if (kKind == kStrictHandler) {
    if (!is_subtype(type_of(exc), &BaseException_type)) return raise(ts, TypeError_type, "codec must pass exception instance");
    return raise_value(ts, exc);
  }
  ErrorInfo e;
  if (!error_info(ts, exc, &e)) return Value();
  if (kKind == kIgnoreHandler) return handler_result(ts, "", e.end);
  if (e.decoding) {
    if (kKind == kReplaceHandler) return handler_result(ts, "\xEF\xBF\xBD", e.end);
    if (kKind != kBackslashHandler)
      return raise_fmt(ts, TypeError_type, "don't know how to handle {} in error callback", type_name(exc));
    std::string out;
    std::string_view data = static_cast<BytesObject*>(e.object.as_object())->view();
    for (int64_t i = e.start; i < e.end && i < static_cast<int64_t>(data.size()); i++)
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(data[static_cast<size_t>(i)]));
    return handler_result(ts, out, e.end);
  }
  std::string out;
  for (char32_t c : code_points(e.object, e.start, e.end)) {
    if (kKind == kReplaceHandler) out += '?';
    else if (kKind == kXmlHandler) out += fmt::format("&#{};", static_cast<uint32_t>(c));
    else if (kKind == kNameHandler) out += named_escape(c);
    else out += escaped(c);  // backslashreplace
  }
  return handler_result(ts, out, e.end);
}

// The encodings surrogatepass knows how to write a surrogate in (CPython's standard encodings); the byte order of
// the two-way forms is this host's, little-endian.
enum class SurrogateForm { Unknown, Utf8, Utf16Le, Utf16Be, Utf32Le, Utf32Be };
SurrogateForm surrogate_form(ThreadState& ts, Value exc) {
  Value enc = get_attr(ts, exc, intern(ts, "encoding"));
  if (!enc || !is_str(enc)) {
    ts.current_exception = Value();
    return SurrogateForm::Unknown;
  }
  std::string n;
  for (char c : as_str(enc)->view()) n += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (n == "utf-8" || n == "utf8") return SurrogateForm::Utf8;
  if (n == "utf-16" || n == "utf-16-le") return SurrogateForm::Utf16Le;
  if (n == "utf-16-be") return SurrogateForm::Utf16Be;
  if (n == "utf-32" || n == "utf-32-le") return SurrogateForm::Utf32Le;
  if (n == "utf-32-be") return SurrogateForm::Utf32Be;
  return SurrogateForm::Unknown;
}
int form_width(SurrogateForm f) {
  return f == SurrogateForm::Utf8 ? 3 : f == SurrogateForm::Utf16Le || f == SurrogateForm::Utf16Be ? 2 : 4;
}

// surrogatepass: surrogates are written as if they were characters (encoding), and one such encoded surrogate is
// read back (decoding); anything else is the original error.
CODEC_FN(surrogatepass_handler) {
  (void)module;
  if (!exact_args(ts, "surrogatepass", args, kwnames, 1, 1)) return Value();
  ErrorInfo e;
  if (!error_info(ts, args[0], &e)) return Value();
  SurrogateForm form = surrogate_form(ts, args[0]);
  if (form == SurrogateForm::Unknown) return raise_value(ts, args[0]);
  bool little = form == SurrogateForm::Utf16Le || form == SurrogateForm::Utf32Le;
  int width = form_width(form);
  if (!e.decoding) {
    std::string out;
    for (char32_t c : code_points(e.object, e.start, e.end)) {
      if (c < 0xD800 || c > 0xDFFF) return raise_value(ts, args[0]);
      if (form == SurrogateForm::Utf8) {
        text::append_utf8(out, c);
        continue;
      }
      for (int i = 0; i < width; i++) {
        int shift = 8 * (little ? i : width - 1 - i);
        out += static_cast<char>((c >> shift) & 0xFF);
      }
    }
    Value parts[2] = {make_bytes(ts, out), make_int(ts, e.end)};
    return Value(make_tuple(ts, parts));
  }
  std::string_view data = static_cast<BytesObject*>(e.object.as_object())->view();
  if (e.start < 0 || e.start + width > static_cast<int64_t>(data.size())) return raise_value(ts, args[0]);
  auto byte = [&](int i) { return static_cast<uint32_t>(static_cast<unsigned char>(data[static_cast<size_t>(e.start + i)])); };
  char32_t c = 0;
  if (form == SurrogateForm::Utf8) {
    if ((byte(0) & 0xF0) != 0xE0 || (byte(1) & 0xC0) != 0x80 || (byte(2) & 0xC0) != 0x80) return raise_value(ts, args[0]);
    c = ((byte(0) & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
  } else {
    for (int i = 0; i < width; i++) c |= byte(i) << (8 * (little ? i : width - 1 - i));
  }
  if (c < 0xD800 || c > 0xDFFF) return raise_value(ts, args[0]);
  std::string out;
  text::append_utf8(out, c);
  return handler_result(ts, out, e.start + width);
}

// surrogateescape (PEP 383): undecodable bytes 0x80-0xFF become U+DC80-U+DCFF (at most four per call, stopping at
// an ASCII byte) and go back to those bytes when encoded; anything else is the original error.
CODEC_FN(surrogateescape_handler) {
  (void)module;
  if (!exact_args(ts, "surrogateescape", args, kwnames, 1, 1)) return Value();
  ErrorInfo e;
  if (!error_info(ts, args[0], &e)) return Value();
  std::string out;
  if (!e.decoding) {
    for (char32_t c : code_points(e.object, e.start, e.end)) {
      if (c < 0xDC80 || c > 0xDCFF) return raise_value(ts, args[0]);
      out += static_cast<char>(c - 0xDC00);
    }
    Value parts[2] = {make_bytes(ts, out), make_int(ts, e.end)};
    return Value(make_tuple(ts, parts));
  }
  std::string_view data = static_cast<BytesObject*>(e.object.as_object())->view();
  int64_t consumed = 0;
  for (; consumed < 4 && consumed < e.end - e.start && e.start + consumed < static_cast<int64_t>(data.size()); consumed++) {
    auto b = static_cast<unsigned char>(data[static_cast<size_t>(e.start + consumed)]);
    if (b < 128) break;
    text::append_utf8(out, 0xDC00 + b);
  }
  if (consumed == 0) return raise_value(ts, args[0]);
  return handler_result(ts, out, e.start + consumed);
}

const MethodDef kSurrogateHandlers[] = {{"surrogateescape", surrogateescape_handler},
                                        {"surrogatepass", surrogatepass_handler}};

const MethodDef kBuiltinHandlers[] = {
    {kHandlerFunctionNames[0], builtin_handler<0>}, {kHandlerFunctionNames[1], builtin_handler<1>},
    {kHandlerFunctionNames[2], builtin_handler<2>}, {kHandlerFunctionNames[3], builtin_handler<3>},
    {kHandlerFunctionNames[4], builtin_handler<4>}, {kHandlerFunctionNames[5], builtin_handler<5>},
};

// The handlers dict, with the builtin ones filled in on first use.
// The codecs apply surrogateescape and surrogatepass themselves; their registered functions serve programs that
// call lookup_error() and handlers that delegate to them.
DictObject* handlers(ThreadState& ts) {
  auto* d = static_cast<DictObject*>(registries(ts).handlers.as_object());
  if (d->used == 0) {
    for (int i = 0; i < 6; i++)
      dict_set_str_new(ts, d, intern(ts, kHandlerNames[i]),
                   make_native_function(ts, &kBuiltinHandlers[i], Value(), Value(intern(ts, "_codecs"))));
    for (const MethodDef& def : kSurrogateHandlers)
      dict_set_str_new(ts, d, intern(ts, def.name), make_native_function(ts, &def, Value(), Value(intern(ts, "_codecs"))));
  }
  return d;
}

CODEC_FN(codecs_register_error) {
  (void)module;
  if (!exact_args(ts, "register_error", args, kwnames, 2, 2)) return Value();
  if (!is_str(args[0]))
    return raise_fmt(ts, TypeError_type, "register_error() argument 1 must be str, not {}", type_name(args[0]));
  if (!type_of(args[1])->call) return raise(ts, TypeError_type, "handler must be callable");
  return dict_set(ts, handlers(ts), args[0], args[1]) ? None() : Value();
}

CODEC_FN(codecs_lookup_error) {
  (void)module;
  if (!exact_args(ts, "lookup_error", args, kwnames, 1, 1)) return Value();
  if (!is_str(args[0]))
    return raise_fmt(ts, TypeError_type, "lookup_error() argument must be str, not {}", type_name(args[0]));
  Value h = dict_get(ts, handlers(ts), args[0]);
  if (h) return h;
  if (ts.current_exception) return Value();
  return raise_fmt(ts, LookupError_type, "unknown error handler name '{}'", as_str(args[0])->view());
}

}  // namespace

// ---- argument helpers (codecs.h) ------------------------------------------------------------------------------
bool codec_bytes_arg(ThreadState& ts, Value v, bool accept_str, std::string_view* out) {
  if (v.is_object() && is_subtype(type_of(v), &bytes_type)) {
    *out = static_cast<BytesObject*>(v.as_object())->view();
    return true;
  }
  if (accept_str && is_str(v)) {
    *out = as_str(v)->view();
    return true;
  }
  raise_fmt(ts, TypeError_type, "a bytes-like object is required, not '{}'", type_name(v));
  return false;
}

bool codec_errors_arg(ThreadState& ts, const char* fn, Value v, std::string_view* out) {
  if (!v || is_none(v)) {
    *out = "strict";
    return true;
  }
  if (!is_str(v)) {
    raise_fmt(ts, TypeError_type, "{}() argument 2 must be str or None, not {}", fn, type_name(v));
    return false;
  }
  *out = as_str(v)->view();
  return true;
}

Value codec_result(ThreadState& ts, Value result, int64_t consumed) {
  if (!result) return result;
  Value parts[2] = {result, make_int(ts, consumed)};
  return Value(make_tuple(ts, parts));
}

Value unknown_handler(ThreadState& ts, std::string_view errors) {
  return raise_fmt(ts, LookupError_type, "unknown error handler name '{}'", errors);
}

namespace {

// ---- utf_8, ascii, latin_1 ------------------------------------------------------------------------------------
// NAME_encode(str, errors=None) -> (bytes, len(str))
template <const char* kName, const char* kEncoding>
CODEC_FN(simple_encode) {
  (void)module;
  static const char* const kNames[] = {"str", "errors"};
  Value a[2];
  if (!native::parse_args(ts, kName, args, kwnames, kNames, 1, 0, a, 2)) return Value();
  if (!is_str(a[0]))
    return raise_fmt(ts, TypeError_type, "{}() argument 1 must be str, not {}", kName, type_name(a[0]));
  std::string_view errors;
  if (!codec_errors_arg(ts, kName, a[1], &errors)) return Value();
  return codec_result(ts, encode_str(ts, as_str(a[0])->view(), kEncoding, errors), as_str(a[0])->length);
}

// How many bytes at the end of `data` start a UTF-8 sequence that more data could complete.
size_t incomplete_utf8_tail(std::string_view data) {
  for (size_t back = 1; back <= 3 && back <= data.size(); back++) {
    auto c = static_cast<unsigned char>(data[data.size() - back]);
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte: look further back
    size_t need = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    return need > back ? back : 0;
  }
  return 0;
}

// NAME_decode(data, errors=None, final=False) -> (str, bytes consumed)
template <const char* kName, const char* kEncoding>
CODEC_FN(simple_decode) {
  (void)module;
  static const char* const kNames[] = {"data", "errors", "final"};
  Value a[3];
  bool takes_final = std::string_view(kEncoding) == "utf-8";
  if (!native::parse_args(ts, kName, args, kwnames, kNames, 1, 0, a, takes_final ? 3 : 2)) return Value();
  std::string_view data, errors;
  if (!codec_bytes_arg(ts, a[0], false, &data) || !codec_errors_arg(ts, kName, a[1], &errors)) return Value();
  int final = 0;
  if (a[2] && (final = py_truth(ts, a[2])) < 0) return Value();
  if (takes_final && !final) data = data.substr(0, data.size() - incomplete_utf8_tail(data));
  return codec_result(ts, decode_bytes(ts, data, kEncoding, errors), static_cast<int64_t>(data.size()));
}

constexpr char kUtf8Encode[] = "utf_8_encode", kUtf8Decode[] = "utf_8_decode", kAsciiEncode[] = "ascii_encode",
               kAsciiDecode[] = "ascii_decode", kLatin1Encode[] = "latin_1_encode",
               kLatin1Decode[] = "latin_1_decode", kUtf8[] = "utf-8", kAscii[] = "ascii", kLatin1[] = "latin-1";

// ---- charmap ------------------------------------------------------------------------------------------------------
CODEC_FN(charmap_decode) {
  (void)module;
  static const char* const kNames[] = {"data", "errors", "mapping"};
  Value a[3];
  if (!native::parse_args(ts, "charmap_decode", args, kwnames, kNames, 1, 0, a, 3)) return Value();
  std::string_view data, errors;
  if (!codec_bytes_arg(ts, a[0], false, &data) || !codec_errors_arg(ts, "charmap_decode", a[1], &errors))
    return Value();
  Value mapping = a[2];
  if (!mapping || is_none(mapping))
    return codec_result(ts, decode_bytes(ts, data, "latin-1", errors), static_cast<int64_t>(data.size()));
  std::string out;
  for (size_t i = 0; i < data.size(); i++) {
    auto byte = static_cast<unsigned char>(data[i]);
    Value target = get_item(ts, mapping, Value::small_int(byte));
    if (!target) {
      if (!exception_matches(ts.current_exception, &LookupError_type)) return Value();
      ts.current_exception = Value();
    }
    bool undefined = !target || is_none(target);
    if (target && is_str(target)) {
      // A str mapping: U+FFFE marks an undefined byte.
      undefined = as_str(target)->view() == "\xEF\xBF\xBE";
      if (!undefined) out += as_str(target)->view();
    } else if (target && is_int(target)) {
      int64_t cp;
      if (!int_to_int64(target, &cp) || cp < 0 || cp > 0x10FFFF)
        return raise(ts, TypeError_type, "character mapping must be in range(0x110000)");
      undefined = cp == 0xFFFE;
      if (!undefined) text::append_utf8(out, static_cast<char32_t>(cp));
    } else if (!undefined) {
      return raise(ts, TypeError_type, "character mapping must return integer, None or str");
    }
    if (!undefined) continue;
    if (errors == "strict") return decode_error(ts, "charmap", data, i, i + 1, "character maps to <undefined>");
    if (errors == "replace") out += "\xEF\xBF\xBD";
    else if (errors == "backslashreplace") out += fmt::format("\\x{:02x}", byte);
    else if (errors != "ignore") return unknown_handler(ts, errors);
  }
  return codec_result(ts, Value(make_str(ts, out)), static_cast<int64_t>(data.size()));
}

// The byte(s) `mapping` gives code point `c`: false when it maps to nothing (or on error, with it pending).
bool charmap_target(ThreadState& ts, Value mapping, char32_t c, std::string* out) {
  Value target = get_item(ts, mapping, make_int(ts, c));
  if (!target) {
    if (exception_matches(ts.current_exception, &LookupError_type)) ts.current_exception = Value();
    return false;
  }
  if (is_none(target)) return false;
  if (is_int(target)) {
    int64_t b;
    if (!int_to_int64(target, &b) || b < 0 || b > 255)
      return raise(ts, TypeError_type, "character mapping must be in range(256)"), false;
    out->push_back(static_cast<char>(b));
    return true;
  }
  if (target.is_object() && is_subtype(type_of(target), &bytes_type)) {
    *out += static_cast<BytesObject*>(target.as_object())->view();
    return true;
  }
  return raise(ts, TypeError_type, "character mapping must return integer, bytes or None, not str"), false;
}

CODEC_FN(charmap_encode) {
  (void)module;
  static const char* const kNames[] = {"str", "errors", "mapping"};
  Value a[3];
  if (!native::parse_args(ts, "charmap_encode", args, kwnames, kNames, 1, 0, a, 3)) return Value();
  if (!is_str(a[0]))
    return raise_fmt(ts, TypeError_type, "charmap_encode() argument 1 must be str, not {}", type_name(a[0]));
  std::string_view errors;
  if (!codec_errors_arg(ts, "charmap_encode", a[1], &errors)) return Value();
  std::string_view s = as_str(a[0])->view();
  if (!a[2] || is_none(a[2])) return codec_result(ts, encode_str(ts, s, "latin-1", errors), as_str(a[0])->length);
  std::string out;
  size_t pos = 0;
  for (int64_t index = 0; pos < s.size(); index++) {
    char32_t c = text::next_code_point(s, &pos);
    if (charmap_target(ts, a[2], c, &out)) continue;
    if (ts.current_exception) return Value();
    if (errors == "strict")
      return raise_unicode_encode_error(ts, "charmap", a[0], index, index + 1, "character maps to <undefined>");
    if (errors == "ignore") continue;
    std::string replacement = errors == "replace"            ? "?"
                              : errors == "xmlcharrefreplace" ? fmt::format("&#{};", static_cast<uint32_t>(c))
                              : errors == "backslashreplace"  ? escaped(c)
                                                              : std::string();
    if (replacement.empty()) return unknown_handler(ts, errors);
    // The replacement goes through the mapping too.
    for (char r : replacement)
      if (!charmap_target(ts, a[2], static_cast<char32_t>(r), &out))
        return ts.current_exception ? Value()
                                    : raise_unicode_encode_error(ts, "charmap", a[0], index, index + 1,
                                                                 "character maps to <undefined>");
  }
  return codec_result(ts, make_bytes(ts, out), as_str(a[0])->length);
}

// charmap_build(decoding_table): the encoding map {code point: byte} of a 256-character decoding table.
CODEC_FN(charmap_build) {
  (void)module;
  if (!exact_args(ts, "charmap_build", args, kwnames, 1, 1)) return Value();
  if (!is_str(args[0]))
    return raise_fmt(ts, TypeError_type, "charmap_build() argument must be str, not {}", type_name(args[0]));
  DictObject* map = make_dict(ts);
  std::string_view s = as_str(args[0])->view();
  size_t pos = 0;
  for (int64_t i = 0; pos < s.size(); i++) {
    char32_t c = text::next_code_point(s, &pos);
    if (c != 0xFFFE && !dict_set(ts, map, make_int(ts, c), make_int(ts, i))) return Value();
  }
  return Value(map);
}

CODEC_FN(readbuffer_encode) {
  (void)module;
  static const char* const kNames[] = {"data", "errors"};
  Value a[2];
  if (!native::parse_args(ts, "readbuffer_encode", args, kwnames, kNames, 1, 0, a, 2)) return Value();
  std::string_view data;
  if (!codec_bytes_arg(ts, a[0], true, &data)) return Value();
  return codec_result(ts, make_bytes(ts, data), static_cast<int64_t>(data.size()));
}

#undef CODEC_FN

const MethodDef kCodecsFunctions[] = {
    {"register", codecs_register},
    {"unregister", codecs_unregister},
    {"lookup", codecs_lookup},
    {"_forget_codec", codecs_forget},
    {"encode", codecs_encode},
    {"decode", codecs_decode},
    {"register_error", codecs_register_error},
    {"lookup_error", codecs_lookup_error},
    {"utf_8_encode", simple_encode<kUtf8Encode, kUtf8>},
    {"utf_8_decode", simple_decode<kUtf8Decode, kUtf8>},
    {"ascii_encode", simple_encode<kAsciiEncode, kAscii>},
    {"ascii_decode", simple_decode<kAsciiDecode, kAscii>},
    {"latin_1_encode", simple_encode<kLatin1Encode, kLatin1>},
    {"latin_1_decode", simple_decode<kLatin1Decode, kLatin1>},
    {"charmap_decode", charmap_decode},
    {"charmap_encode", charmap_encode},
    {"charmap_build", charmap_build},
    {"readbuffer_encode", readbuffer_encode},
};

}  // namespace

ModuleObject* create_codecs_module(ThreadState& ts) {
  ModuleObject* m = make_module(ts, "_codecs");
  add_module_functions(ts, m, kCodecsFunctions);
  add_escape_codecs(ts, m);
  return m;
}

}  // namespace minipy
