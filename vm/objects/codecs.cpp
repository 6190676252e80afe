// bytes.decode(), str.encode() and bytes(str, encoding, errors), with CPython's error messages. utf-8, ascii and
// latin-1 are built in (with the strict/replace/ignore/backslashreplace/... handlers); every other encoding
// goes through the codec registry (Lib's encodings package: utf-16, cp1252, raw-unicode-escape, ...).
#include "vm/objects/codecs.h"

#include "vm/import/import_internal.h"
#include "vm/text/unicode.h"

namespace minipy {

namespace {

// The three codecs done natively are the ones start-up and ordinary I/O need; doing them here avoids importing the
// encodings package (and its modules) for every program. They must behave exactly as Lib's versions, error positions
// and reasons included, since programs print UnicodeErrors.
enum class Codec { kUtf8, kAscii, kLatin1 };
enum class Handler { kStrict, kReplace, kIgnore, kBackslash, kXmlRef, kSurrogateEscape, kSurrogatePass, kUnknown };

// Whether `name` is one of the built-in codecs (else the registry decides, and reports unknown encodings).
// Normalised as encodings.normalize_encoding does for lookups ('_' and ' ' as '-', lower case), so "UTF_8" and "utf 8"
// take the fast path too; the list is the aliases CPython's own fast paths in unicodeobject.c recognise.
bool is_builtin_codec(std::string_view name) {
  std::string n;
  for (char c : name) n.push_back(c == '_' || c == ' ' ? '-' : static_cast<char>(std::tolower(c)));
  for (const char* known : {"utf-8", "utf8", "u8", "ascii", "us-ascii", "646", "latin-1", "latin1", "iso-8859-1",
                            "iso8859-1", "l1"})
    if (n == known) return true;
  return false;
}

// str.encode / bytes.decode with a registry codec: codecs.lookup(encoding), refused unless it is a text
// encoding, then its encoder or decoder, whose result must be bytes (encode) or str (decode).
Value registry_codec(ThreadState& ts, Value input, std::string_view encoding, std::string_view errors, bool encode) {
  Value codecs = find_and_load(ts, "codecs");
  if (!codecs) return codecs;
  Value lookup = get_attr(ts, codecs, intern(ts, "lookup"));
  Value name(make_str(ts, encoding));
  Value info = lookup ? call(ts, lookup, {&name, 1}) : Value();
  if (!info) return info;
  // A CodecInfo without the attribute counts as a text encoding (third-party codecs predate it), as in
  // _PyCodec_LookupTextEncoding.
  Value is_text = get_attr_optional(ts, info, intern(ts, "_is_text_encoding"));
  if (!is_text && ts.current_exception) return Value();
  if (is_text && py_truth(ts, is_text) == 0)
    return raise_fmt(ts, LookupError_type, "'{}' is not a text encoding; use codecs.{}() to handle arbitrary codecs",
                     encoding, encode ? "encode" : "decode");
  Value fn = get_attr(ts, info, intern(ts, encode ? "encode" : "decode"));
  if (!fn) return fn;
  Value call_args[2] = {input, Value(make_str(ts, errors))};
  Value result = call(ts, fn, call_args);
  if (!result) return result;
  if (!is_tuple(result) || static_cast<TupleObject*>(result.as_object())->size != 2)
    return raise(ts, TypeError_type, encode ? "encoder must return a tuple (object, integer)"
                                            : "decoder must return a tuple (object, integer)");
  Value out = static_cast<TupleObject*>(result.as_object())->items[0];
  bool right_type = encode ? out.is_object() && type_of(out) == &bytes_type : is_str(out);
  if (!right_type)
    return raise_fmt(ts, TypeError_type, "'{}' {} returned '{}' instead of '{}'; use codecs.{}() to {} to arbitrary types",
                     encoding, encode ? "encoder" : "decoder", type_name(out), encode ? "bytes" : "str",
                     encode ? "encode" : "decode", encode ? "encode" : "decode");
  return out;
}

bool find_codec(ThreadState& ts, std::string_view name, Codec* out, const char** canonical) {
  std::string n;
  for (char c : name) n.push_back(c == '_' || c == ' ' ? '-' : static_cast<char>(std::tolower(c)));
  if (n == "utf-8" || n == "utf8" || n == "u8") {
    *out = Codec::kUtf8;
    *canonical = "utf-8";
  } else if (n == "ascii" || n == "us-ascii" || n == "646") {
    *out = Codec::kAscii;
    *canonical = "ascii";
  } else if (n == "latin-1" || n == "latin1" || n == "iso-8859-1" || n == "iso8859-1" || n == "l1") {
    *out = Codec::kLatin1;
    *canonical = "latin-1";
  } else {
    raise_fmt(ts, LookupError_type, "unknown encoding: {}", name);
    return false;
  }
  return true;
}

Handler find_handler(std::string_view name) {
  if (name == "strict") return Handler::kStrict;
  if (name == "replace") return Handler::kReplace;
  if (name == "ignore") return Handler::kIgnore;
  if (name == "backslashreplace") return Handler::kBackslash;
  if (name == "xmlcharrefreplace") return Handler::kXmlRef;
  if (name == "surrogateescape") return Handler::kSurrogateEscape;
  if (name == "surrogatepass") return Handler::kSurrogatePass;
  return Handler::kUnknown;
}

// The length of the valid UTF-8 sequence at s[i], or 0 with `*reason` and `*bad_end` (the end of the maximal
// invalid prefix) set.
// The ranges are Unicode's well-formed UTF-8 table (no overlongs, no surrogates, nothing past U+10FFFF), and the error
// span stops at the first byte that cannot continue the sequence, as CPython's decoder reports it: b'\xe0\x80' fails at
// \xe0 alone with "invalid continuation byte".
size_t utf8_sequence(std::string_view s, size_t i, const char** reason, size_t* bad_end) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) return 1;
  size_t len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
  if (len == 0) {
    *reason = "invalid start byte";
    *bad_end = i + 1;
    return 0;
  }
  for (size_t k = 1; k < len; k++) {
    if (i + k >= s.size()) {
      *reason = "unexpected end of data";
      *bad_end = s.size();
      return 0;
    }
    unsigned char lo = 0x80, hi = 0xBF;
    if (k == 1) {
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    }
    if (b(i + k) < lo || b(i + k) > hi) {
      *reason = "invalid continuation byte";
      *bad_end = i + k;
      return 0;
    }
  }
  return len;
}

// Whether s[i..i+3) is a UTF-8-encoded surrogate (ED A0..BF 80..BF), which only surrogatepass accepts.
bool is_encoded_surrogate(std::string_view s, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  return i + 2 < s.size() && b(i) == 0xED && b(i + 1) >= 0xA0 && b(i + 1) <= 0xBF && b(i + 2) >= 0x80 &&
         b(i + 2) <= 0xBF;
}

// A handler registered with codecs.register_error (or one of _codecs' own, such as namereplace): looked up by
// name as CPython's PyCodec_LookupError does; LookupError "unknown error handler name 'x'" when there is none.
Value lookup_error_handler(ThreadState& ts, std::string_view errors) {
  Value codecs = find_and_load(ts, "_codecs");
  Value lookup = codecs ? get_attr(ts, codecs, intern(ts, "lookup_error")) : Value();
  if (!lookup) return lookup;
  Value name(make_str(ts, errors));
  return call(ts, lookup, {&name, 1});
}

// Calls error handler `handler` with a fresh UnicodeEncodeError / UnicodeDecodeError for [start, end) of
// `object` (`length` items long). It returns (replacement, resume position): a str (or, when encoding, bytes)
// and where to go on, negative positions counting from the end. CPython's checks and messages.
// The handler receives a real exception object because handlers written in Python read its fields (start, end, object)
// and may raise it; the validation of its return value mirrors unicode_decode_call_errorhandler_writer and
// unicode_encode_call_errorhandler.
bool call_error_handler(ThreadState& ts, Value handler, bool encoding, const char* codec, Value object,
                        int64_t length, int64_t start, int64_t end, const char* reason, Value* replacement,
                        int64_t* resume) {
  Value args[5] = {Value(make_str(ts, codec)), object, make_int(ts, start), make_int(ts, end),
                   Value(make_str(ts, reason))};
  Value exc = call(ts, Value(encoding ? &UnicodeEncodeError_type : &UnicodeDecodeError_type), args);
  Value result = exc ? call(ts, handler, {&exc, 1}) : Value();
  if (!result) return false;
  auto* pair = is_tuple(result) ? static_cast<TupleObject*>(result.as_object()) : nullptr;
  bool shape = pair && pair->size == 2 && is_int(pair->items[1]) &&
               (is_str(pair->items[0]) ||
                (encoding && pair->items[0].is_object() && type_of(pair->items[0]) == &bytes_type));
  if (!shape) {
    raise(ts, TypeError_type, encoding ? "encoding error handler must return (str/bytes, int) tuple"
                                       : "decoding error handler must return (str, int) tuple");
    return false;
  }
  int64_t position;
  if (!index_to_int64(ts, pair->items[1], &position)) return false;
  if (position < 0) position += length;
  if (position < 0 || position > length) {
    raise_fmt(ts, IndexError_type, "position {} from error handler out of bounds", position);
    return false;
  }
  *replacement = pair->items[0];
  *resume = position;
  return true;
}

// The byte offset of code point `index` in the UTF-8 text `s`.
// A handler's resume position is a code-point index into the str; strs are stored as UTF-8, so it is walked to a byte
// offset (linear, but this runs only after an error).
size_t byte_offset(std::string_view s, int64_t index) {
  size_t pos = 0;
  for (int64_t i = 0; i < index && pos < s.size(); i++) (void)text::next_code_point(s, &pos);
  return pos;
}

}  // namespace

Value decode_error(ThreadState& ts, const char* codec, std::string_view s, size_t start, size_t end,
                   const char* reason) {
  return raise_unicode_decode_error(ts, codec, make_bytes(ts, s), static_cast<int64_t>(start),
                                    static_cast<int64_t>(end), reason);
}

// \xhh, \uhhhh or \Uhhhhhhhh for `c`, as repr() and backslashreplace write it.
std::string escaped(char32_t c) {
  auto v = static_cast<uint32_t>(c);
  return v < 0x100 ? fmt::format("\\x{:02x}", v) : v < 0x10000 ? fmt::format("\\u{:04x}", v) : fmt::format("\\U{:08x}", v);
}

// encode()/decode()'s (encoding, errors) arguments, positional or keyword; `parts` holds the defaults on entry and
// keeps views of the argument strs, which stay alive in the caller's argument array.
bool codec_args(ThreadState& ts, const char* fn, std::span<const Value> args, TupleObject* kwnames,
                std::string_view (&parts)[2]) {
  size_t n = positional_count(args, kwnames);
  if (n > 2) {
    raise_fmt(ts, TypeError_type, "{}() takes at most 2 arguments ({} given)", fn, n);
    return false;
  }
  const char* names[2] = {"encoding", "errors"};
  for (size_t i = 0; i < 2; i++) {
    Value v = i < n ? args[i] : keyword_arg(ts, args, kwnames, names[i]);
    if (!v) continue;
    if (!is_str(v)) {
      raise_fmt(ts, TypeError_type, "{}() argument '{}' must be str, not {}", fn, names[i], type_name(v));
      return false;
    }
    parts[i] = as_str(v)->view();
  }
  return true;
}

// The result is built as UTF-8 (minipy's str storage) directly; invalid input is handled per maximal bad subsequence,
// as the error handlers see the same [start, end) spans CPython gives them.
Value decode_bytes(ThreadState& ts, std::string_view s, std::string_view encoding, std::string_view errors) {
  if (!is_builtin_codec(encoding)) return registry_codec(ts, make_bytes(ts, s), encoding, errors, false);
  Codec codec;
  const char* name;
  if (!find_codec(ts, encoding, &codec, &name)) return Value();
  Handler handler = find_handler(errors);
  Value custom, data;  // a registered handler and the bytes object it is shown, made on first need
  std::string out;
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t len = 1, bad_end = i + 1;
    const char* reason = "ordinal not in range(128)";
    if (codec == Codec::kLatin1) {
      text::append_utf8(out, c);
      i++;
      continue;
    }
    len = codec == Codec::kAscii ? (c < 0x80 ? 1 : 0) : utf8_sequence(s, i, &reason, &bad_end);
    if (len > 0) {
      out += s.substr(i, len);
      i += len;
      continue;
    }
    // surrogatepass keeps a UTF-8-encoded surrogate as it is; surrogateescape maps each undecodable byte
    // (0x80..0xFF) to U+DC80..U+DCFF (minipy's strs hold surrogates as three-byte sequences).
    if (handler == Handler::kSurrogatePass && codec == Codec::kUtf8 && is_encoded_surrogate(s, i)) {
      out += s.substr(i, 3);
      i += 3;
      continue;
    }
    switch (handler) {
      case Handler::kSurrogatePass:
      case Handler::kStrict: return decode_error(ts, name, s, i, bad_end, reason);
      case Handler::kSurrogateEscape:
        for (size_t k = i; k < bad_end; k++) {
          auto byte = static_cast<unsigned char>(s[k]);
          if (byte < 0x80) return decode_error(ts, name, s, i, bad_end, reason);
          text::append_utf8(out, 0xDC00 + byte);
        }
        break;
      case Handler::kUnknown: {
        if (!custom) custom = lookup_error_handler(ts, errors);
        if (!custom) return custom;
        if (!data) data = make_bytes(ts, s);
        Value replacement;
        int64_t resume;
        if (!call_error_handler(ts, custom, false, name, data, static_cast<int64_t>(s.size()),
                                static_cast<int64_t>(i), static_cast<int64_t>(bad_end), reason, &replacement,
                                &resume))
          return Value();
        out += as_str(replacement)->view();
        i = static_cast<size_t>(resume);
        continue;
      }
      // U+FFFD once per bad subsequence, not per byte, matching CPython's replace for UTF-8.
      case Handler::kReplace: out += "\xEF\xBF\xBD"; break;
      case Handler::kIgnore: break;
      case Handler::kBackslash:
      case Handler::kXmlRef:
        if (handler == Handler::kXmlRef) return raise(ts, TypeError_type, "don't know how to handle UnicodeDecodeError in error callback");
        for (size_t k = i; k < bad_end; k++) out += fmt::format("\\x{:02x}", static_cast<unsigned char>(s[k]));
        break;
    }
    i = bad_end;
  }
  return Value(make_str(ts, out));
}

// The error span is a whole run of unencodable characters (CPython's encoders collect the run before calling the
// handler), so `'ab\u1234\u5678'.encode('ascii')` fails with start 2 and end 4, and a handler is called once per run.
Value encode_str(ThreadState& ts, std::string_view s, std::string_view encoding, std::string_view errors) {
  if (!is_builtin_codec(encoding)) return registry_codec(ts, Value(make_str(ts, s)), encoding, errors, true);
  Codec codec;
  const char* name;
  if (!find_codec(ts, encoding, &codec, &name)) return Value();
  Handler handler = find_handler(errors);
  uint32_t limit = codec == Codec::kAscii ? 0x80 : codec == Codec::kLatin1 ? 0x100 : 0x110000;
  Value custom, text_value;  // a registered handler and the str it is shown, made on first need
  std::string out;
  size_t index = 0;  // code point index, for messages
  for (size_t pos = 0; pos < s.size(); index++) {
    size_t at = pos;
    char32_t c = text::next_code_point(s, &pos);
    bool surrogate = c >= 0xD800 && c <= 0xDFFF;
    bool ok = codec == Codec::kUtf8 ? !surrogate : c < limit;
    if (ok) {
      if (codec == Codec::kUtf8) out += s.substr(at, pos - at);
      else out.push_back(static_cast<char>(c));
      continue;
    }
    // The run of unencodable characters starting here is what the error (and handler) covers.
    size_t run_end = pos, count = 1;
    while (run_end < s.size()) {
      size_t next = run_end;
      char32_t d = text::next_code_point(s, &next);
      bool d_ok = codec == Codec::kUtf8 ? !(d >= 0xD800 && d <= 0xDFFF) : d < limit;
      if (d_ok) break;
      run_end = next;
      count++;
    }
    const char* reason = codec == Codec::kUtf8 ? "surrogates not allowed"
                         : codec == Codec::kAscii ? "ordinal not in range(128)"
                                                  : "ordinal not in range(256)";
    // surrogateescape turns U+DC80..U+DCFF back into bytes and surrogatepass writes UTF-8 surrogates as they
    // are; a run they cannot take fails as under strict.
    bool escapable = handler == Handler::kSurrogateEscape || (handler == Handler::kSurrogatePass && codec == Codec::kUtf8);
    for (size_t p = at; escapable && p < run_end;) {
      char32_t d = text::next_code_point(s, &p);
      escapable = handler == Handler::kSurrogatePass || (d >= 0xDC80 && d <= 0xDCFF);
    }
    if (handler == Handler::kStrict || ((handler == Handler::kSurrogateEscape || handler == Handler::kSurrogatePass) && !escapable)) {
      return raise_unicode_encode_error(ts, name, Value(make_str(ts, s)), static_cast<int64_t>(index),
                                        static_cast<int64_t>(index + count), reason);
    }
    if (handler == Handler::kUnknown) {
      if (!custom) custom = lookup_error_handler(ts, errors);
      if (!custom) return custom;
      if (!text_value) text_value = Value(make_str(ts, s));
      Value replacement;
      int64_t resume;
      if (!call_error_handler(ts, custom, true, name, text_value, as_str(text_value)->length,
                              static_cast<int64_t>(index), static_cast<int64_t>(index + count), reason, &replacement,
                              &resume))
        return Value();
      if (!is_str(replacement)) {
        out += static_cast<BytesObject*>(replacement.as_object())->view();
      } else {
        // A str replacement must itself be encodable, else the original error stands (CPython's rule).
        std::string_view r = as_str(replacement)->view();
        for (size_t p = 0; p < r.size();) {
          char32_t d = text::next_code_point(r, &p);
          bool d_ok = codec == Codec::kUtf8 ? !(d >= 0xD800 && d <= 0xDFFF) : d < limit;
          if (!d_ok)
            return raise_unicode_encode_error(ts, name, text_value, static_cast<int64_t>(index),
                                              static_cast<int64_t>(index + count), reason);
          if (codec == Codec::kUtf8) text::append_utf8(out, d);
          else out.push_back(static_cast<char>(d));
        }
      }
      index = static_cast<size_t>(resume) - 1;  // the loop's index++ makes it `resume`
      pos = byte_offset(s, resume);
      continue;
    }
    for (size_t p = at; p < run_end;) {
      char32_t d = text::next_code_point(s, &p);
      if (handler == Handler::kReplace) out.push_back('?');
      else if (handler == Handler::kSurrogateEscape) out.push_back(static_cast<char>(d - 0xDC00));
      else if (handler == Handler::kSurrogatePass) text::append_utf8(out, d);
      else if (handler == Handler::kXmlRef) out += fmt::format("&#{};", static_cast<uint32_t>(d));
      else if (handler == Handler::kBackslash) out += escaped(d);
    }
    index += count - 1;
    pos = run_end;
  }
  return make_bytes(ts, out);
}

}  // namespace minipy
