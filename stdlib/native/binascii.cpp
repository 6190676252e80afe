// The native `binascii` module: CPython 3.11's binascii.c for hex (hexlify/unhexlify and the b2a_hex sep
// groups), base64 (with strict_mode), uu, quoted-printable, crc32 and crc_hqx, with binascii.Error and
// binascii.Incomplete. Decoders take ASCII str or bytes-like objects, encoders bytes-like objects, as CPython's.
#include <array>
#include <string>

#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"

namespace minipy {

namespace {

// Module-level exception classes, created by the module's init and kept as roots; raise_error needs them after the
// module object itself may be unreachable from the program.
Value binascii_error;       // binascii.Error (a ValueError)
Value binascii_incomplete;  // binascii.Incomplete

Value raise_error(ThreadState& ts, std::string_view message) { return raise(ts, *as_type(binascii_error), message); }

// The data of an a2b_* argument: an ASCII str or a bytes-like object.
// A non-ASCII str is a ValueError, not a TypeError: the argument's type is acceptable, its content is not, as in
// CPython's ascii_buffer_converter.
bool ascii_data(ThreadState& ts, Value v, std::string_view* out) {
  if (is_str(v)) {
    if (!as_str(v)->is_ascii()) return raise(ts, ValueError_type, "string argument should contain only ASCII characters"), false;
    *out = as_str(v)->view();
    return true;
  }
  if (native::bytes_like(ts, v, out)) return true;
  ts.current_exception = Value();
  raise_fmt(ts, TypeError_type, "argument should be bytes, buffer or ASCII string, not '{}'", type_name(v));
  return false;
}

const char kHexDigits[] = "0123456789abcdef";

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// b2a_hex(data, sep=<none>, bytes_per_sep=1): groups of |bytes_per_sep| bytes counted from the right when it
// is positive, from the left when negative.
Value hex_function(ThreadState& ts, const char* fname, std::span<const Value> args, TupleObject* kwnames) {
  Value v[3];
  if (!native::parse_args(ts, fname, args, kwnames, {"data", "sep", "bytes_per_sep"}, 1, 0, v)) return Value();
  std::string_view data;
  if (!native::bytes_like(ts, v[0], &data)) return Value();
  int64_t per_sep = 1;
  if (v[2] && !index_to_int64(ts, v[2], &per_sep)) return Value();
  char sep = 0;
  if (v[1]) {
    std::string_view sep_text;
    if (is_str(v[1])) {
      if (as_str(v[1])->length != 1) return raise(ts, ValueError_type, "sep must be length 1.");
      // One code point: its UTF-8 bytes decoded (CPython accepts any character below 256).
      // binascii returns bytes, so a Latin-1 separator is allowed here, while bytes.hex() (which returns str) insists
      // on ASCII; both follow _Py_strhex_impl.
      std::string_view s = as_str(v[1])->view();
      auto lead = static_cast<unsigned char>(s[0]);
      uint32_t code = lead;
      if (s.size() == 2) code = ((lead & 0x1f) << 6) | (s[1] & 0x3f);
      if (s.size() > 2 || code > 0xff) return raise(ts, ValueError_type, "sep must be ASCII.");
      sep = static_cast<char>(code);
    } else {
      int64_t length = py_len(ts, v[1]);
      if (length < 0) return Value();
      if (length != 1) return raise(ts, ValueError_type, "sep must be length 1.");
      if (!native::bytes_like(ts, v[1], &sep_text)) return Value();
      sep = sep_text[0];
    }
  }
  std::string out;
  size_t group = static_cast<size_t>(per_sep < 0 ? -per_sep : per_sep);
  bool grouped = v[1] && group > 0 && !data.empty();
  for (size_t i = 0; i < data.size(); i++) {
    if (grouped && i > 0) {
      // Separators fall between groups: counted from the end for positive bytes_per_sep.
      size_t boundary = per_sep > 0 ? (data.size() - i) % group : i % group;
      if (boundary == 0) out.push_back(sep);
    }
    auto c = static_cast<unsigned char>(data[i]);
    out.push_back(kHexDigits[c >> 4]);
    out.push_back(kHexDigits[c & 15]);
  }
  return make_bytes(ts, out);
}

NATIVE_FN(b2a_hex) { (void)self; return hex_function(ts, "b2a_hex", args, kwnames); }
NATIVE_FN(hexlify) { (void)self; return hex_function(ts, "hexlify", args, kwnames); }

Value unhex_function(ThreadState& ts, const char* qualname, std::span<const Value> args, TupleObject* kwnames) {
  std::string_view data;
  if (!native::one_arg(ts, qualname, args, kwnames) || !ascii_data(ts, args[0], &data)) return Value();
  if (data.size() % 2) return raise_error(ts, "Odd-length string");
  std::string out;
  for (size_t i = 0; i < data.size(); i += 2) {
    int hi = hex_value(data[i]), lo = hex_value(data[i + 1]);
    if (hi < 0 || lo < 0) return raise_error(ts, "Non-hexadecimal digit found");
    out.push_back(static_cast<char>(hi * 16 + lo));
  }
  return make_bytes(ts, out);
}

NATIVE_FN(a2b_hex) { (void)self; return unhex_function(ts, "binascii.a2b_hex", args, kwnames); }
NATIVE_FN(unhexlify) { (void)self; return unhex_function(ts, "binascii.unhexlify", args, kwnames); }

const char kBase64Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// Each byte's base64 value, or 64 for characters outside the alphabet.
std::array<uint8_t, 256> base64_values() {
  std::array<uint8_t, 256> table;
  table.fill(64);
  for (int i = 0; i < 64; i++) table[static_cast<unsigned char>(kBase64Alphabet[i])] = static_cast<uint8_t>(i);
  return table;
}

NATIVE_FN(b2a_base64) {
  (void)self;
  Value v[2];
  if (!native::parse_args(ts, "b2a_base64", args, kwnames, {"data", "newline"}, 1, 0, v, 1)) return Value();
  std::string_view data;
  if (!native::bytes_like(ts, v[0], &data)) return Value();
  int newline = 1;
  if (v[1] && (newline = py_truth(ts, v[1])) < 0) return Value();
  std::string out;
  size_t i = 0;
  for (; i + 3 <= data.size(); i += 3) {
    uint32_t n = (static_cast<uint8_t>(data[i]) << 16) | (static_cast<uint8_t>(data[i + 1]) << 8) |
                 static_cast<uint8_t>(data[i + 2]);
    for (int shift = 18; shift >= 0; shift -= 6) out.push_back(kBase64Alphabet[(n >> shift) & 63]);
  }
  size_t rest = data.size() - i;
  if (rest) {
    uint32_t n = static_cast<uint8_t>(data[i]) << 16;
    if (rest == 2) n |= static_cast<uint8_t>(data[i + 1]) << 8;
    out.push_back(kBase64Alphabet[(n >> 18) & 63]);
    out.push_back(kBase64Alphabet[(n >> 12) & 63]);
    out.push_back(rest == 2 ? kBase64Alphabet[(n >> 6) & 63] : '=');
    out.push_back('=');
  }
  // b2a_base64 ends its line with a newline by default (newline=True), because it was made for MIME encoders that write
  // one line per call.
  if (newline) out.push_back('\n');
  return make_bytes(ts, out);
}

// a2b_base64(data, /, *, strict_mode=False): non-alphabet characters are skipped (errors in strict mode); a
// complete pad sequence ends the data.
NATIVE_FN(a2b_base64) {
  (void)self;
  Value v[2];
  if (!native::parse_args(ts, "a2b_base64", args, kwnames, {"data", "strict_mode"}, 1, 1, v, 1)) return Value();
  std::string_view data;
  if (!ascii_data(ts, v[0], &data)) return Value();
  int strict = 0;
  if (v[1] && (strict = py_truth(ts, v[1])) < 0) return Value();
  if (strict && !data.empty() && data[0] == '=') return raise_error(ts, "Leading padding not allowed");
  static const std::array<uint8_t, 256> values = base64_values();
  std::string out;
  int quad_pos = 0, pads = 0;
  uint32_t left = 0;
  bool padding_started = false;
  for (size_t i = 0; i < data.size(); i++) {
    auto c = static_cast<unsigned char>(data[i]);
    if (c == '=') {
      padding_started = true;
      // Padding only counts once at least two data characters of the quantum have been seen; "=" in other positions is
      // skipped in the lenient mode, which is why "YQ==" and "Y=Q==" both decode.
      if (quad_pos >= 2 && quad_pos + ++pads >= 4) {
        if (strict && i + 1 < data.size()) return raise_error(ts, "Excess data after padding");
        return make_bytes(ts, out);
      }
      continue;
    }
    uint8_t value = values[c];
    if (value >= 64) {
      if (strict) return raise_error(ts, "Only base64 data is allowed");
      continue;
    }
    if (strict && padding_started) return raise_error(ts, "Discontinuous padding not allowed");
    pads = 0;
    switch (quad_pos) {
      case 0: quad_pos = 1; left = value; break;
      case 1: quad_pos = 2; out.push_back(static_cast<char>((left << 2) | (value >> 4))); left = value & 0x0f; break;
      case 2: quad_pos = 3; out.push_back(static_cast<char>((left << 4) | (value >> 2))); left = value & 0x03; break;
      default: quad_pos = 0; out.push_back(static_cast<char>((left << 6) | value)); left = 0; break;
    }
  }
  // One data character beyond a multiple of four cannot encode a whole byte; CPython's message reports how many data
  // characters there were, which is recoverable from the bytes produced.
  if (quad_pos == 1)
    return raise_error(ts, fmt::format("Invalid base64-encoded string: number of data characters ({}) cannot be 1 "
                                       "more than a multiple of 4",
                                       out.size() / 3 * 4 + 1));
  if (quad_pos != 0) return raise_error(ts, "Incorrect padding");
  return make_bytes(ts, out);
}

// b2a_uu(data, /, *, backtick=False): one line of at most 45 bytes.
NATIVE_FN(b2a_uu) {
  (void)self;
  Value v[2];
  if (!native::parse_args(ts, "b2a_uu", args, kwnames, {"data", "backtick"}, 1, 1, v, 1)) return Value();
  std::string_view data;
  if (!native::bytes_like(ts, v[0], &data)) return Value();
  int backtick = 0;
  if (v[1] && (backtick = py_truth(ts, v[1])) < 0) return Value();
  if (data.size() > 45) return raise_error(ts, "At most 45 bytes at once");
  // uuencode maps 0..63 to ' '..'_'; with backtick=True zero is written as '`', which survives mailers that strip
  // trailing spaces.
  auto encode = [&](uint32_t six) { return static_cast<char>(backtick && six == 0 ? '`' : ' ' + six); };
  std::string out;
  out.push_back(encode(static_cast<uint32_t>(data.size())));
  for (size_t i = 0; i < data.size(); i += 3) {
    uint32_t n = 0;
    for (size_t k = 0; k < 3; k++) n = (n << 8) | (i + k < data.size() ? static_cast<uint8_t>(data[i + k]) : 0);
    for (int shift = 18; shift >= 0; shift -= 6) out.push_back(encode((n >> shift) & 63));
  }
  out.push_back('\n');
  return make_bytes(ts, out);
}

NATIVE_FN(a2b_uu) {
  (void)self;
  std::string_view data;
  if (!native::one_arg(ts, "binascii.a2b_uu", args, kwnames) || !ascii_data(ts, args[0], &data)) return Value();
  size_t pos = 0;
  // The first character gives the length; an empty line stands for 32 zero bytes, as CPython reads its NUL.
  size_t length = ((data.empty() ? 0 : static_cast<unsigned char>(data[pos++])) - ' ') & 63;
  std::string out;
  uint32_t left = 0;
  int bits = 0;
  while (out.size() < length) {
    bool have = pos < data.size();
    auto c = have ? static_cast<unsigned char>(data[pos]) : 0;
    uint32_t six;
    if (!have || c == '\n' || c == '\r') {
      six = 0;  // spaces eaten at the end of the line
    } else {
      if (c < ' ' || c > ' ' + 64) return raise_error(ts, "Illegal char");
      six = (c - ' ') & 63;
    }
    if (have) pos++;
    left = (left << 6) | six;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((left >> bits) & 0xff));
      left &= (1u << bits) - 1;
    }
  }
  for (; pos < data.size(); pos++) {
    char c = data[pos];
    if (c != ' ' && c != ' ' + 64 && c != '\n' && c != '\r') return raise_error(ts, "Trailing garbage");
  }
  return make_bytes(ts, out);
}

// The CRC-32 of zlib (reflected polynomial 0xEDB88320), continuing from `crc`.
// The same CRC zlib.crc32 computes, so zipfile and gzip agree whichever module they call; the running value is inverted
// on entry and exit, which is what lets a caller continue a CRC across calls.
uint32_t crc32_update(uint32_t crc, std::string_view data) {
  static const std::array<uint32_t, 256> table = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t i = 0; i < 256; i++) {
      uint32_t c = i;
      for (int k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320U ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  crc = ~crc;
  for (unsigned char b : data) crc = table[(crc ^ b) & 0xff] ^ (crc >> 8);
  return ~crc;
}

// An unsigned int argument converted bitwise (Argument Clinic's unsigned_int(bitwise=True)): the low 32 bits.
// A negative or oversized starting value is reduced modulo 2**32 rather than refused, as bitwise converters do.
bool bitwise_uint32(ThreadState& ts, Value v, uint32_t* out) {
  Value i = number_index(ts, v);
  if (!i) return false;
  BigInt n = to_bigint(i);
  BigInt low = n & BigInt(0xffffffffLL);
  *out = static_cast<uint32_t>(low.to_int64());
  return true;
}

NATIVE_FN(crc32) {
  (void)self;
  if (!no_keywords(ts, "crc32", kwnames)) return Value();
  if (args.empty() || args.size() > 2) {
    return raise_fmt(ts, TypeError_type, "crc32 expected {} argument{}, got {}",
                     args.empty() ? "at least 1" : "at most 2", args.empty() ? "" : "s", args.size());
  }
  std::string_view data;
  if (!native::bytes_like(ts, args[0], &data)) return Value();
  uint32_t crc = 0;
  if (args.size() == 2 && !bitwise_uint32(ts, args[1], &crc)) return Value();
  return make_int(ts, crc32_update(crc, data));
}

// CRC-CCITT (polynomial 0x1021, not reflected), as binhex uses.
NATIVE_FN(crc_hqx) {
  (void)self;
  if (!no_keywords(ts, "crc_hqx", kwnames)) return Value();
  if (args.size() != 2) return raise_fmt(ts, TypeError_type, "crc_hqx expected 2 arguments, got {}", args.size());
  std::string_view data;
  uint32_t crc;
  if (!native::bytes_like(ts, args[0], &data) || !bitwise_uint32(ts, args[1], &crc)) return Value();
  crc &= 0xffff;
  for (unsigned char b : data) {
    crc ^= static_cast<uint32_t>(b) << 8;
    for (int k = 0; k < 8; k++) crc = (crc & 0x8000) ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return make_int(ts, crc);
}

// a2b_qp(data, header=False): "=XX" escapes, soft line breaks "=\n", and '_' as space in headers.
NATIVE_FN(a2b_qp) {
  (void)self;
  Value v[2];
  if (!native::parse_args(ts, "a2b_qp", args, kwnames, {"data", "header"}, 1, 0, v)) return Value();
  std::string_view data;
  if (!ascii_data(ts, v[0], &data)) return Value();
  int header = 0;
  if (v[1] && (header = py_truth(ts, v[1])) < 0) return Value();
  std::string out;
  size_t i = 0;
  while (i < data.size()) {
    char c = data[i];
    if (c == '=') {
      i++;
      if (i >= data.size()) break;
      // A soft line break: "=\n" or "=\r\n".
      if (data[i] == '\n' || data[i] == '\r') {
        if (data[i] != '\n') {
          while (i < data.size() && data[i] != '\n') i++;
        }
        if (i < data.size()) i++;
      } else if (data[i] == '=') {
        out.push_back('=');  // broken encoders write "=="
        i++;
      } else if (i + 1 < data.size() && hex_value(data[i]) >= 0 && hex_value(data[i + 1]) >= 0) {
        out.push_back(static_cast<char>(hex_value(data[i]) * 16 + hex_value(data[i + 1])));
        i += 2;
      } else {
        out.push_back('=');
      }
    } else if (header && c == '_') {
      out.push_back(' ');
      i++;
    } else {
      out.push_back(c);
      i++;
    }
  }
  return make_bytes(ts, out);
}

const MethodDef kBinasciiFunctions[] = {
    {"hexlify", hexlify},       {"b2a_hex", b2a_hex},         {"unhexlify", unhexlify}, {"a2b_hex", a2b_hex},
    {"b2a_base64", b2a_base64}, {"a2b_base64", a2b_base64},   {"b2a_uu", b2a_uu},       {"a2b_uu", a2b_uu},
    {"crc32", crc32},           {"crc_hqx", crc_hqx},         {"a2b_qp", a2b_qp},
};

}  // namespace

ModuleObject* create_binascii_module(ThreadState& ts) {
  if (!binascii_error) {
    binascii_error = native::new_exception_class(ts, "binascii", "Error", &ValueError_type);
    if (!binascii_error) return nullptr;
    register_root(ts, &binascii_error);
    binascii_incomplete = native::new_exception_class(ts, "binascii", "Incomplete", &Exception_type);
    if (!binascii_incomplete) return nullptr;
    register_root(ts, &binascii_incomplete);
  }
  ModuleObject* m = make_module(ts, "binascii");
  add_module_functions(ts, m, kBinasciiFunctions);
  add_module_value(ts, m, "Error", binascii_error);
  add_module_value(ts, m, "Incomplete", binascii_incomplete);
  return m;
}

}  // namespace minipy
