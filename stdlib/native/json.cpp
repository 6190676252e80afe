// The native `_json` module, partly: CPython 3.11's encode_basestring_ascii and encode_basestring, the string
// escaping json.encoder uses on every str it writes. scanstring, make_scanner and make_encoder are left out:
// Lib's json imports each of them separately and falls back to its pure-Python versions, which give the same
// results.
#include <string>

#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"

namespace minipy {

namespace {

// Appends the JSON escape of code point `cp` when it needs one; returns false when it may be written as is.
bool append_escape(std::string& out, uint32_t cp, bool ascii_only) {
  switch (cp) {
    case '"': out += "\\\""; return true;
    case '\\': out += "\\\\"; return true;
    case '\n': out += "\\n"; return true;
    case '\r': out += "\\r"; return true;
    case '\t': out += "\\t"; return true;
    case '\b': out += "\\b"; return true;
    case '\f': out += "\\f"; return true;
    default: break;
  }
  // In ASCII mode DEL (0x7f) is escaped as well: CPython's S_CHAR accepts only ' ' through '~'. With ensure_ascii
  // off only the C0 controls need escapes, as in escape_unicode.
  if (cp >= 0x20 && (!ascii_only || cp < 0x7f)) return false;
  auto hex4 = [&](uint32_t unit) { out += fmt::format("\\u{:04x}", unit); };
  if (cp >= 0x10000) {  // a surrogate pair
    uint32_t v = cp - 0x10000;
    hex4(0xd800 | (v >> 10));
    hex4(0xdc00 | (v & 0x3ff));
  } else {
    hex4(cp);
  }
  return true;
}

Value encode(ThreadState& ts, std::span<const Value> args, TupleObject* kwnames, const char* qualname, bool ascii_only) {
  if (!native::one_arg(ts, qualname, args, kwnames)) return Value();
  if (!is_str(args[0]))
    return raise_fmt(ts, TypeError_type, "first argument must be a string, not {}", type_name(args[0]));
  std::string_view text = as_str(args[0])->view();
  std::string out = "\"";
  for (size_t i = 0; i < text.size();) {
    auto lead = static_cast<unsigned char>(text[i]);
    // A str's bytes are well-formed UTF-8 (a lone surrogate is its 3-byte form), so the lead byte alone gives the
    // width; a lone surrogate therefore comes out as its own \udXXX escape, as CPython writes it.
    size_t width = lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
    uint32_t cp = width == 1 ? lead : lead & (0xff >> (width + 1));
    for (size_t k = 1; k < width; k++) cp = (cp << 6) | (text[i + k] & 0x3f);
    if (!append_escape(out, cp, ascii_only)) out.append(text.substr(i, width));
    i += width;
  }
  out += '"';
  return make_str(ts, out);
}

NATIVE_FN(encode_basestring_ascii) {
  (void)self;
  return encode(ts, args, kwnames, "_json.encode_basestring_ascii", true);
}
NATIVE_FN(encode_basestring) {
  (void)self;
  return encode(ts, args, kwnames, "_json.encode_basestring", false);
}

const MethodDef kJsonFunctions[] = {
    {"encode_basestring_ascii", encode_basestring_ascii},
    {"encode_basestring", encode_basestring},
};

}  // namespace

ModuleObject* create_json_module(ThreadState& ts) {
  ModuleObject* m = make_module(ts, "_json");
  add_module_functions(ts, m, kJsonFunctions);
  return m;
}

}  // namespace minipy
