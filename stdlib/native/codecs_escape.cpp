// The second half of the native `_codecs` module: the escape codecs (escape_encode/escape_decode for bytes
// literals' escapes, unicode_escape and raw_unicode_escape) and the UTF-16/UTF-32 families (plain with a BOM,
// _le, _be and _ex_decode), with CPython's consumed counts and error messages.
// An escaped surrogate (\ud800) decodes to that lone code point, as the compiler's "\ud800" literals do; a pair
// of them stays two code points, as in CPython.
#include <cstdint>

#include "stdlib/native/codecs.h"
#include "stdlib/native/native_support.h"
#include "compiler/unicode_names.h"
#include "vm/text/unicode.h"

namespace minipy {

namespace {

#define CODEC_FN(name) Value name(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames)

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The value of the `digits` hex digits at data[i+1...]; -1 when they are not all there.
int64_t hex_run(std::string_view data, size_t i, int digits) {
  int64_t v = 0;
  for (int k = 1; k <= digits; k++) {
    if (i + k >= data.size()) return -1;
    int h = hex_value(data[i + k]);
    if (h < 0) return -1;
    v = v * 16 + h;
  }
  return v;
}

// The one-character escapes shared by bytes and unicode escapes (\n, \t, ...); 0 when `c` is not one.
char simple_escape(char c) {
  switch (c) {
    case '\n': return '\n';  // a backslash-newline continuation (handled by the caller)
    case '\\': return '\\';
    case '\'': return '\'';
    case '"': return '"';
    case 'b': return '\b';
    case 'f': return '\f';
    case 't': return '\t';
    case 'n': return '\n';
    case 'r': return '\r';
    case 'v': return '\v';
    case 'a': return '\a';
    default: return 0;
  }
}

// ---- escape_encode / escape_decode (bytes) ------------------------------------------------------------------
// escape_decode is what Lib/pickle.py (protocol 0 STRING opcodes) uses for bytes literal escapes: the same escapes as a b''
// literal, an unknown escape kept with its backslash, and CPython's exact ValueError texts.
CODEC_FN(escape_decode) {
  static const char* const kNames[] = {"data", "errors"};
  Value a[2];
  if (!native::parse_args(ts, "escape_decode", args, kwnames, kNames, 1, 0, a, 2)) return Value();
  std::string_view data, errors;
  if (!codec_bytes_arg(ts, a[0], true, &data) || !codec_errors_arg(ts, "escape_decode", a[1], &errors))
    return Value();
  std::string out;
  for (size_t i = 0; i < data.size(); i++) {
    char c = data[i];
    if (c != '\\') {
      out.push_back(c);
      continue;
    }
    if (++i >= data.size()) return raise(ts, ValueError_type, "Trailing \\ in string");
    c = data[i];
    if (c == '\n') continue;
    if (char e = simple_escape(c)) {
      out.push_back(e);
    } else if (c >= '0' && c <= '7') {
      int v = c - '0';
      for (int k = 0; k < 2 && i + 1 < data.size() && data[i + 1] >= '0' && data[i + 1] <= '7'; k++)
        v = v * 8 + (data[++i] - '0');
      out.push_back(static_cast<char>(v & 0xFF));
    } else if (c == 'x') {
      int64_t v = hex_run(data, i, 2);
      if (v < 0) {
        if (errors == "strict") return raise_fmt(ts, ValueError_type, "invalid \\x escape at position {}", i - 1);
        if (errors == "replace") out.push_back('?');
        else if (errors != "ignore")
          return raise_fmt(ts, ValueError_type, "decoding error; unknown error handling code: {}", errors);
        if (i + 1 < data.size() && hex_value(data[i + 1]) >= 0) i++;  // skip the one hex digit there
        continue;
      }
      out.push_back(static_cast<char>(v));
      i += 2;
    } else {
      out.push_back('\\');  // an unknown escape stays as it is
      out.push_back(c);
    }
  }
  return codec_result(ts, make_bytes(ts, out), static_cast<int64_t>(data.size()));
}

// The inverse direction produces what repr() shows inside b'...': single quote and backslash escaped, \t \n \r by name,
// other non-printable bytes as \xNN. Double quotes are left alone, as CPython's escape_encode does.
CODEC_FN(escape_encode) {
  static const char* const kNames[] = {"data", "errors"};
  Value a[2];
  if (!native::parse_args(ts, "escape_encode", args, kwnames, kNames, 1, 0, a, 2)) return Value();
  if (!a[0].is_object() || !is_subtype(type_of(a[0]), &bytes_type))
    return raise_fmt(ts, TypeError_type, "escape_encode() argument 1 must be bytes, not {}", type_name(a[0]));
  std::string_view data = static_cast<BytesObject*>(a[0].as_object())->view();
  std::string out;
  for (char ch : data) {
    auto c = static_cast<unsigned char>(ch);
    if (c == '\\' || c == '\'') out += std::string("\\") + static_cast<char>(c);
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c < 0x20 || c >= 0x7F) out += fmt::format("\\x{:02x}", c);
    else out.push_back(static_cast<char>(c));
  }
  return codec_result(ts, make_bytes(ts, out), static_cast<int64_t>(data.size()));
}

// ---- unicode_escape / raw_unicode_escape --------------------------------------------------------------------
// Decodes `data` (bytes are Latin-1 characters) with \xhh, \uhhhh, \Uhhhhhhhh and, unless raw, the other
// escapes. Returns the str or null with the error pending.
// The error handler for a bad escape spanning data[start:end): strict raises UnicodeDecodeError (false
// returned); replace, backslashreplace and ignore write their substitute into `out` and decoding goes on
// after `end`. Other handlers are refused (unknown_handler).
// Only the builtin handlers are known here; CPython calls registered handlers for these codecs too, which minipy
// refuses with unknown_handler's message.
bool escape_error(ThreadState& ts, const char* codec, std::string_view data, size_t start, size_t end,
                  const char* reason, std::string_view errors, std::string& out) {
  if (errors == "strict") return (void)decode_error(ts, codec, data, start, end, reason), false;
  if (errors == "replace") out += "\xEF\xBF\xBD";
  else if (errors == "backslashreplace")
    for (size_t k = start; k < end; k++) out += fmt::format("\\x{:02x}", static_cast<unsigned char>(data[k]));
  else if (errors != "ignore") return (void)unknown_handler(ts, errors), false;
  return true;
}

Value decode_unicode_escape(ThreadState& ts, std::string_view data, std::string_view errors, bool raw) {
  const char* codec = raw ? "rawunicodeescape" : "unicodeescape";
  std::string out;
  for (size_t i = 0; i < data.size(); i++) {
    auto c = static_cast<unsigned char>(data[i]);
    if (c != '\\' || i + 1 >= data.size()) {
      if (c == '\\' && !raw) return decode_error(ts, codec, data, i, data.size(), "\\ at end of string");
      text::append_utf8(out, c);
      continue;
    }
    char e = data[i + 1];
    int digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
    if (raw && e != 'u' && e != 'U') {
      text::append_utf8(out, c);
      continue;
    }
    if (digits) {
      int64_t v = hex_run(data, i + 1, digits);
      const char* reason = e == 'x' ? "truncated \\xXX escape" : e == 'u' ? "truncated \\uXXXX escape"
                                                                           : "truncated \\UXXXXXXXX escape";
      size_t end = i + 2;
      while (end < data.size() && end < i + 2 + digits && hex_value(data[end]) >= 0) end++;
      if (v > 0x10FFFF) {
        reason = "illegal Unicode character";
        v = -1;
      }
      if (v < 0) {
        if (!escape_error(ts, codec, data, i, end, reason, errors, out)) return Value();
        i = end - 1;
        continue;
      }
      text::append_utf8(out, static_cast<char32_t>(v));
      i += 1 + static_cast<size_t>(digits);
      continue;
    }
    i++;
    if (e == '\n') continue;
    if (char s = simple_escape(e)) {
      out.push_back(s);
    } else if (e >= '0' && e <= '7') {
      int v = e - '0';
      for (int k = 0; k < 2 && i + 1 < data.size() && data[i + 1] >= '0' && data[i + 1] <= '7'; k++)
        v = v * 8 + (data[++i] - '0');
      text::append_utf8(out, static_cast<char32_t>(v));
    } else if (e == 'N') {
      // \N{name}, named as unicodedata names characters (no named sequences). The failing range is CPython's:
      // up to the N when no brace follows, to the end without a closing brace, through the brace for an
      // unknown name (just before it for an empty one).
      size_t start = i - 1, close = data.find('}', i + 1);
      std::string utf8;
      const char* reason = "malformed \\N character escape";
      size_t end = i + 1;
      if (i + 1 < data.size() && data[i + 1] == '{') {
        if (close == std::string_view::npos) {
          end = data.size();
        } else if (close == i + 2) {
          end = close;
        } else if (unicode_names::lookup(data.substr(i + 2, close - i - 2), false, &utf8)) {
          out += utf8;
          i = close;
          continue;
        } else {
          reason = "unknown Unicode character name";
          end = close + 1;
        }
      }
      if (!escape_error(ts, codec, data, start, end, reason, errors, out)) return Value();
      i = end - 1;
    } else {
      out.push_back('\\');  // unknown escapes stay
      text::append_utf8(out, static_cast<unsigned char>(e));
    }
  }
  return Value(make_str(ts, out));
}

std::string encode_unicode_escape(std::string_view s, bool raw) {
  std::string out;
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t c = text::next_code_point(s, &pos);
    auto v = static_cast<uint32_t>(c);
    if (v >= 0x10000) out += fmt::format("\\U{:08x}", v);
    else if (v >= 0x100 || (!raw && v >= 0x7F)) out += v >= 0x100 ? fmt::format("\\u{:04x}", v) : fmt::format("\\x{:02x}", v);
    else if (raw) out.push_back(static_cast<char>(v));
    else if (v == '\\') out += "\\\\";
    else if (v == '\t') out += "\\t";
    else if (v == '\n') out += "\\n";
    else if (v == '\r') out += "\\r";
    else if (v < 0x20) out += fmt::format("\\x{:02x}", v);
    else out.push_back(static_cast<char>(v));
  }
  return out;
}

template <bool kRaw>
CODEC_FN(unicode_escape_decode) {
  const char* name = kRaw ? "raw_unicode_escape_decode" : "unicode_escape_decode";
  static const char* const kNames[] = {"data", "errors", "final"};
  Value a[3];
  if (!native::parse_args(ts, name, args, kwnames, kNames, 1, 0, a, 3)) return Value();
  std::string_view data, errors;
  if (!codec_bytes_arg(ts, a[0], true, &data) || !codec_errors_arg(ts, name, a[1], &errors)) return Value();
  return codec_result(ts, decode_unicode_escape(ts, data, errors, kRaw), static_cast<int64_t>(data.size()));
}

template <bool kRaw>
CODEC_FN(unicode_escape_encode) {
  const char* name = kRaw ? "raw_unicode_escape_encode" : "unicode_escape_encode";
  static const char* const kNames[] = {"str", "errors"};
  Value a[2];
  if (!native::parse_args(ts, name, args, kwnames, kNames, 1, 0, a, 2)) return Value();
  if (!is_str(a[0])) return raise_fmt(ts, TypeError_type, "{}() argument 1 must be str, not {}", name, type_name(a[0]));
  return codec_result(ts, make_bytes(ts, encode_unicode_escape(as_str(a[0])->view(), kRaw)), as_str(a[0])->length);
}

// ---- UTF-16 and UTF-32 ------------------------------------------------------------------------------------------
// byteorder: -1 little-endian, 1 big-endian, 0 native (little-endian here) with a BOM when encoding, detected from
// a BOM when decoding.
void put_unit(std::string& out, uint32_t unit, int width, bool big) {
  for (int k = 0; k < width; k++) {
    int shift = big ? 8 * (width - 1 - k) : 8 * k;
    out.push_back(static_cast<char>((unit >> shift) & 0xFF));
  }
}

uint32_t get_unit(std::string_view data, size_t i, int width, bool big) {
  uint32_t v = 0;
  for (int k = 0; k < width; k++) {
    auto b = static_cast<unsigned char>(data[i + static_cast<size_t>(k)]);
    v |= static_cast<uint32_t>(b) << (big ? 8 * (width - 1 - k) : 8 * k);
  }
  return v;
}

// Encodes str `text` in UTF-16/32 into `out`. A lone surrogate cannot be encoded: "surrogates not allowed" under
// strict, else the error handler's way (surrogatepass writes it as a unit, replace a '?', backslashreplace and
// xmlcharrefreplace their escapes, ignore nothing), as CPython's encoders. False with the exception pending.
[[nodiscard]] bool encode_utf(ThreadState& ts, Value text, int width, int byteorder, std::string_view errors,
                              std::string* out) {
  std::string_view s = as_str(text)->view();
  bool big = byteorder > 0;
  if (byteorder == 0) put_unit(*out, 0xFEFF, width, false);
  auto put_ascii = [&](std::string_view ascii) {
    for (char ch : ascii) put_unit(*out, static_cast<unsigned char>(ch), width, big);
  };
  size_t pos = 0;
  for (int64_t index = 0; pos < s.size(); index++) {
    uint32_t c = text::next_code_point(s, &pos);
    if (c >= 0xD800 && c <= 0xDFFF) {
      if (errors == "surrogatepass") {
        put_unit(*out, c, width, big);
      } else if (errors == "replace") {
        put_ascii("?");
      } else if (errors == "backslashreplace") {
        put_ascii(fmt::format("\\u{:04x}", c));
      } else if (errors == "xmlcharrefreplace") {
        put_ascii(fmt::format("&#{};", c));
      } else if (errors != "ignore") {
        std::string name = std::string(width == 2 ? "utf-16" : "utf-32") +
                           (byteorder == 0 ? "" : big ? "-be" : "-le");
        return raise_unicode_encode_error(ts, name, text, index, index + 1, "surrogates not allowed"), false;
      }
    } else if (width == 2 && c >= 0x10000) {
      c -= 0x10000;
      put_unit(*out, 0xD800 | (c >> 10), 2, big);
      put_unit(*out, 0xDC00 | (c & 0x3FF), 2, big);
    } else {
      put_unit(*out, c, width, big);
    }
  }
  return true;
}

// Decodes `data`; *byteorder is updated from a BOM when 0. Stops before an incomplete unit unless `final`.
Value decode_utf(ThreadState& ts, std::string_view data, int width, int* byteorder, std::string_view errors,
                 bool final, int64_t* consumed) {
  size_t i = 0;
  if (*byteorder == 0 && data.size() >= static_cast<size_t>(width)) {
    if (get_unit(data, 0, width, false) == 0xFEFF) *byteorder = -1, i = static_cast<size_t>(width);
    else if (get_unit(data, 0, width, true) == 0xFEFF) *byteorder = 1, i = static_cast<size_t>(width);
  }
  bool big = *byteorder > 0;
  std::string codec = std::string(width == 2 ? "utf-16" : "utf-32") + (big ? "-be" : "-le");
  std::string out;
  auto fail = [&](size_t start, size_t end, const char* reason) -> bool {
    if (errors == "strict") return decode_error(ts, codec.c_str(), data, start, end, reason), false;
    if (errors == "replace") out += "\xEF\xBF\xBD";
    else if (errors != "ignore") return unknown_handler(ts, errors), false;
    return true;
  };
  auto w = static_cast<size_t>(width);
  while (i < data.size()) {
    if (i + w > data.size()) {
      if (!final) break;
      if (!fail(i, data.size(), "truncated data")) return Value();
      i = data.size();
      break;
    }
    uint32_t c = get_unit(data, i, width, big);
    if (width == 2 && c >= 0xD800 && c <= 0xDBFF) {
      if (i + 2 * w > data.size()) {
        if (!final) break;
        if (!fail(i, data.size(), "unexpected end of data")) return Value();
        i = data.size();
        break;
      }
      uint32_t low = get_unit(data, i + w, width, big);
      if (low < 0xDC00 || low > 0xDFFF) {
        if (!fail(i, i + w, "illegal UTF-16 surrogate")) return Value();
        i += w;
        continue;
      }
      text::append_utf8(out, 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00));
      i += 2 * w;
      continue;
    }
    if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) {
      const char* reason = width == 2 ? "illegal encoding" : c > 0x10FFFF ? "code point not in range(0x110000)"
                                                                           : "code point in surrogate code point range(0xd800, 0xe000)";
      if (!fail(i, i + w, reason)) return Value();
      i += w;
      continue;
    }
    text::append_utf8(out, c);
    i += w;
  }
  *consumed = static_cast<int64_t>(i);
  return Value(make_str(ts, out));
}

// utf_16_encode(str, errors=None, byteorder=0) and the fixed-order variants (kOrder -1/1; 0: the argument).
template <int kWidth, int kOrder>
CODEC_FN(utf_encode) {
  static const char* const kNames[] = {"str", "errors", "byteorder"};
  const char* name = kWidth == 2 ? (kOrder < 0 ? "utf_16_le_encode" : kOrder > 0 ? "utf_16_be_encode" : "utf_16_encode")
                                 : (kOrder < 0 ? "utf_32_le_encode" : kOrder > 0 ? "utf_32_be_encode" : "utf_32_encode");
  Value a[3];
  if (!native::parse_args(ts, name, args, kwnames, kNames, 1, 0, a, kOrder == 0 ? 3 : 2)) return Value();
  if (!is_str(a[0])) return raise_fmt(ts, TypeError_type, "{}() argument 1 must be str, not {}", name, type_name(a[0]));
  std::string_view errors;
  if (!codec_errors_arg(ts, name, a[1], &errors)) return Value();
  int64_t order = kOrder;
  if (kOrder == 0 && a[2] && !index_to_int64(ts, a[2], &order)) return Value();
  int byteorder = order < 0 ? -1 : order > 0 ? 1 : 0;
  std::string encoded;
  if (!encode_utf(ts, a[0], kWidth, byteorder, errors, &encoded)) return Value();
  return codec_result(ts, make_bytes(ts, encoded), as_str(a[0])->length);
}

// utf_16_decode(data, errors=None, final=False) and the fixed-order variants; kEx: utf_16_ex_decode(data, errors,
// byteorder=0, final=False) -> (str, consumed, byteorder).
template <int kWidth, int kOrder, bool kEx>
CODEC_FN(utf_decode) {
  const char* name = kWidth == 2 ? (kEx ? "utf_16_ex_decode" : kOrder < 0 ? "utf_16_le_decode" : kOrder > 0 ? "utf_16_be_decode" : "utf_16_decode")
                                 : (kEx ? "utf_32_ex_decode" : kOrder < 0 ? "utf_32_le_decode" : kOrder > 0 ? "utf_32_be_decode" : "utf_32_decode");
  static const char* const kPlain[] = {"data", "errors", "final"};
  static const char* const kExNames[] = {"data", "errors", "byteorder", "final"};
  Value a[4];
  if (kEx ? !native::parse_args(ts, name, args, kwnames, kExNames, 1, 0, a, 4)
          : !native::parse_args(ts, name, args, kwnames, kPlain, 1, 0, a, 3))
    return Value();
  std::string_view data, errors;
  if (!codec_bytes_arg(ts, a[0], false, &data) || !codec_errors_arg(ts, name, a[1], &errors)) return Value();
  Value final_arg = kEx ? a[3] : a[2];
  int final = 0;
  if (final_arg && (final = py_truth(ts, final_arg)) < 0) return Value();
  int64_t order = kOrder;
  if (kEx && a[2] && !index_to_int64(ts, a[2], &order)) return Value();
  int byteorder = order < 0 ? -1 : order > 0 ? 1 : 0;
  int64_t consumed = 0;
  Value text = decode_utf(ts, data, kWidth, &byteorder, errors, final, &consumed);
  if (!text) return text;
  if (!kEx) return codec_result(ts, text, consumed);
  Value parts[3] = {text, make_int(ts, consumed), make_int(ts, byteorder)};
  return Value(make_tuple(ts, parts));
}

#undef CODEC_FN

const MethodDef kEscapeFunctions[] = {
    {"escape_decode", escape_decode},
    {"escape_encode", escape_encode},
    {"unicode_escape_decode", unicode_escape_decode<false>},
    {"unicode_escape_encode", unicode_escape_encode<false>},
    {"raw_unicode_escape_decode", unicode_escape_decode<true>},
    {"raw_unicode_escape_encode", unicode_escape_encode<true>},
    {"utf_16_encode", utf_encode<2, 0>},
    {"utf_16_le_encode", utf_encode<2, -1>},
    {"utf_16_be_encode", utf_encode<2, 1>},
    {"utf_16_decode", utf_decode<2, 0, false>},
    {"utf_16_le_decode", utf_decode<2, -1, false>},
    {"utf_16_be_decode", utf_decode<2, 1, false>},
    {"utf_16_ex_decode", utf_decode<2, 0, true>},
    {"utf_32_encode", utf_encode<4, 0>},
    {"utf_32_le_encode", utf_encode<4, -1>},
    {"utf_32_be_encode", utf_encode<4, 1>},
    {"utf_32_decode", utf_decode<4, 0, false>},
    {"utf_32_le_decode", utf_decode<4, -1, false>},
    {"utf_32_be_decode", utf_decode<4, 1, false>},
    {"utf_32_ex_decode", utf_decode<4, 0, true>},
};

}  // namespace

void add_escape_codecs(ThreadState& ts, ModuleObject* m) { add_module_functions(ts, m, kEscapeFunctions); }

}  // namespace minipy
