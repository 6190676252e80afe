// The format codes of `_struct` (see struct_codes.h): their sizes per mode, the parser, and the conversions of
// one value, with CPython 3.11's messages. Native mode is x86-64/AArch64 Linux's: little-endian, 'l' and 'P'
// 8 bytes, each item aligned to its size.
#include "stdlib/native/struct_codes.h"

#include <cfloat>
#include <climits>
#include <cmath>
#include <cstring>

#include "stdlib/native/native_support.h"

namespace minipy::struct_codes {

namespace {

// The size of `code` in native (`native` true) or standard mode; 0 when the code does not exist there.
// Standard sizes are the portable ones of the struct documentation; 'n', 'N' and 'P' exist only natively (ssize_t,
// size_t and void* have no standard size), hence 0 there and CPython's "bad char in struct format".
int code_size(char code, bool native) {
  switch (code) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': return native ? 8 : 4;
    case 'q': case 'Q': case 'd': return 8;
    case 'n': case 'N': case 'P': return native ? 8 : 0;
    default: return 0;
  }
}

// CPython limits the total to PY_SSIZE_T_MAX; every addition and multiplication below is checked against it before it
// is done, so a format like '9999999999999999999q' fails with the message instead of wrapping.
constexpr uint64_t kMaxStructSize = static_cast<uint64_t>(INT64_MAX);

}  // namespace

bool parse_format(std::string_view format, ParsedFormat* out, std::string* error) {
  size_t pos = 0;
  bool native = true;
  if (!format.empty()) {
    switch (format[0]) {
      case '@': pos = 1; break;
      // '=' is native byte order with standard sizes and no alignment; on the little-endian hosts minipy runs on that
      // is exactly '<'.
      case '=': case '<': out->mode = Mode::kLittle; native = false; pos = 1; break;
      case '>': case '!': out->mode = Mode::kBig; native = false; pos = 1; break;
      default: break;
    }
  }
  uint64_t size = 0;
  while (pos < format.size()) {
    char c = format[pos++];
    // Whitespace between items is ignored (but not between a count and its code, where it is a bad char), as in
    // CPython's prepare_s.
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') continue;
    uint64_t count = 1;
    if (c >= '0' && c <= '9') {
      count = static_cast<uint64_t>(c - '0');
      while (pos < format.size() && format[pos] >= '0' && format[pos] <= '9') {
        uint64_t digit = static_cast<uint64_t>(format[pos++] - '0');
        if (count > (kMaxStructSize - digit) / 10) {
          *error = "total struct size too long";
          return false;
        }
        count = count * 10 + digit;
      }
      if (pos >= format.size()) {
        *error = "repeat count given without format specifier";
        return false;
      }
      c = format[pos++];
    }
    int item_size = code_size(c, native);
    if (item_size == 0) {
      *error = "bad char in struct format";
      return false;
    }
    // Native mode aligns each item to its own size.
    if (native && item_size > 1 && c != 's' && c != 'p' && c != 'x') {
      uint64_t aligned = (size + item_size - 1) / item_size * item_size;
      if (aligned < size) {
        *error = "total struct size too long";
        return false;
      }
      size = aligned;
    }
    if (count > (kMaxStructSize - size) / static_cast<uint64_t>(item_size)) {
      *error = "total struct size too long";
      return false;
    }
    FormatItem item{size, count, static_cast<uint8_t>(item_size), c};
    if (c == 's' || c == 'p') out->nitems += 1;
    else if (c != 'x') out->nitems += count;
    // A zero repeat count of an ordinary code produces no item but still takes part in alignment ('@0l' after a byte
    // pads to the next long boundary), which is the documented trick for end-of-struct padding.
    if (count > 0 || c == 's' || c == 'p') out->items.push_back(item);
    size += count * static_cast<uint64_t>(item_size);
  }
  out->size = size;
  return true;
}

namespace {

// get_pylong: an int, or the __index__ of an object that has one; struct.error otherwise.
// Floats are refused even though they convert: struct's integer codes accept only ints and __index__ objects (since
// 3.10 no __int__ fallback).
bool integer_value(ThreadState& ts, Value v, BigInt* out) {
  if (is_int(v)) {
    *out = to_bigint(v);
    return true;
  }
  if (type_of(v)->index) {
    Value i = number_index(ts, v);
    if (!i) return false;
    *out = to_bigint(i);
    return true;
  }
  raise_struct_error(ts, "required argument is not an integer");
  return false;
}

// Byte order is applied explicitly instead of memcpy of native integers, so big-endian output needs no byte-swap
// intrinsics and unaligned offsets in pack_into are harmless.
void store(uint8_t* out, uint64_t bits, int size, Mode mode) {
  for (int i = 0; i < size; i++) {
    auto byte = static_cast<uint8_t>(bits >> (8 * i));
    if (mode == Mode::kBig) out[size - 1 - i] = byte;
    else out[i] = byte;
  }
}

uint64_t load(const uint8_t* p, int size, Mode mode) {
  uint64_t bits = 0;
  for (int i = 0; i < size; i++) {
    uint64_t byte = mode == Mode::kBig ? p[i] : p[size - 1 - i];
    bits = (bits << 8) | byte;
  }
  return bits;
}

Value out_of_range(ThreadState& ts) { return raise_struct_error(ts, "argument out of range"); }

// _range_error: "'h' format requires -32768 <= number <= 32767" / "'I' format requires 0 <= number <= 4294967295".
Value range_error(ThreadState& ts, char code, int size, bool is_unsigned) {
  uint64_t largest = size == 8 ? UINT64_MAX : (uint64_t{1} << (8 * size)) - 1;
  if (is_unsigned) return raise_struct_error(ts, fmt::format("'{}' format requires 0 <= number <= {}", code, largest));
  auto signed_largest = static_cast<int64_t>(largest >> 1);
  return raise_struct_error(
      ts, fmt::format("'{}' format requires {} <= number <= {}", code, ~signed_largest, signed_largest));
}

bool pack_integer(ThreadState& ts, Mode mode, char code, int size, Value v, uint8_t* out) {
  BigInt n;
  if (!integer_value(ts, v, &n)) return false;
  bool is_unsigned = code == 'B' || code == 'H' || code == 'I' || code == 'L' || code == 'Q' || code == 'N';
  // The C conversion CPython uses first (a long for b, B and native h, H; else a signed or unsigned long of
  // 64 bits); failing it is "argument out of range" ('P' reports the int as too large to convert).
  bool via_signed = code == 'b' || code == 'B' || (mode == Mode::kNative && (code == 'h' || code == 'H'));
  bool fits;
  if (code == 'P') {
    fits = n.fits_int64() || (n.sign() > 0 && n.bit_length() <= 64);
    if (!fits) return raise_struct_error(ts, "int too large to convert"), false;
  } else if (is_unsigned && !via_signed) {
    fits = n.sign() >= 0 && n.bit_length() <= 64;
  } else {
    fits = n.fits_int64();
  }
  if (!fits) return out_of_range(ts), false;
  uint64_t bits = n.sign() < 0 ? static_cast<uint64_t>(n.to_int64()) : mpz_getlimbn(n.raw(), 0);
  if (size < 8) {
    bool in_range;
    if (is_unsigned) {
      in_range = n.sign() >= 0 && bits <= (uint64_t{1} << (8 * size)) - 1;
    } else {
      int64_t x = n.to_int64();
      int64_t limit = int64_t{1} << (8 * size - 1);
      in_range = x >= -limit && x < limit;
    }
    if (!in_range) {
      // Native b, B, h, H (and the codes every mode shares: b, B) have their own wording.
      if (!via_signed) return range_error(ts, code, size, is_unsigned), false;
      const char* text = code == 'b'   ? "byte format requires -128 <= number <= 127"
                         : code == 'B' ? "ubyte format requires 0 <= number <= 255"
                         : code == 'h' ? "short format requires -32768 <= number <= 32767"
                                       : "ushort format requires 0 <= number <= 65535";
      return raise_struct_error(ts, text), false;
    }
  }
  store(out, bits, size, mode == Mode::kNative ? Mode::kLittle : mode);
  return true;
}

// The native 'f' conversion is a plain C cast, so a double too large for a float becomes inf there without error, while
// the standard modes raise, matching CPython's np_float versus its _PyFloat_Pack4 path.
bool pack_float(ThreadState& ts, Mode mode, char code, Value v, uint8_t* out) {
  double x;
  if (!native::as_double(ts, v, &x)) {
    ts.current_exception = Value();
    raise_struct_error(ts, "required argument is not a float");
    return false;
  }
  Mode order = mode == Mode::kNative ? Mode::kLittle : mode;
  if (code == 'd') {
    store(out, std::bit_cast<uint64_t>(x), 8, order);
    return true;
  }
  if (code == 'f') {
    auto f = static_cast<float>(x);
    if (mode != Mode::kNative && std::isinf(f) && !std::isinf(x)) {
      raise(ts, OverflowError_type, "float too large to pack with f format");
      return false;
    }
    store(out, std::bit_cast<uint32_t>(f), 4, order);
    return true;
  }
  uint16_t half;
  if (!double_to_half(x, &half)) {
    raise(ts, OverflowError_type, "float too large to pack with e format");
    return false;
  }
  store(out, half, 2, order);
  return true;
}

}  // namespace

// IEEE 754 binary16 packing as CPython's PyFloat_Pack2: round half to even at 10 fraction bits, subnormals below
// 2**-14, and overflow reported to the caller (struct raises OverflowError, as CPython does, rather than producing
// inf).
bool double_to_half(double x, uint16_t* out) {
  uint16_t sign = std::signbit(x) ? 0x8000 : 0;
  double a = std::fabs(x);
  if (std::isnan(x)) {
    *out = sign | 0x7e00;
    return true;
  }
  if (std::isinf(x)) {
    *out = sign | 0x7c00;
    return true;
  }
  if (a == 0.0) {
    *out = sign;
    return true;
  }
  int e;
  std::frexp(a, &e);  // a = m * 2**e, 0.5 <= m < 1: the leading bit is 2**(e-1)
  int exponent = e - 1;
  if (exponent < -14) {
    // Subnormal: units of 2**-24, rounded half to even (the default rounding mode); 1024 is the smallest normal.
    double units = std::nearbyint(std::ldexp(a, 24));
    *out = sign | static_cast<uint16_t>(units);
    return true;
  }
  double mantissa = std::nearbyint(std::ldexp(a, 10 - exponent));  // in [1024, 2048]
  // Rounding up can carry into the next power of two; the mantissa is renormalised and the exponent bumped, which may
  // then overflow.
  if (mantissa == 2048.0) {
    mantissa = 1024.0;
    exponent += 1;
  }
  if (exponent > 15) return false;
  *out = sign | static_cast<uint16_t>(((exponent + 15) << 10) | (static_cast<int>(mantissa) - 1024));
  return true;
}

double half_to_double(uint16_t bits) {
  double sign = (bits & 0x8000) ? -1.0 : 1.0;
  int exponent = (bits >> 10) & 0x1f;
  int fraction = bits & 0x3ff;
  if (exponent == 0x1f) return fraction ? std::copysign(NAN, sign) : sign * INFINITY;
  if (exponent == 0) return sign * std::ldexp(fraction, -24);
  return sign * std::ldexp(fraction + 1024, exponent - 25);
}

bool pack_item(ThreadState& ts, Mode mode, const FormatItem& item, Value v, uint8_t* out) {
  switch (item.code) {
    case 'c': {
      if (!v.is_object() || type_of(v) != &bytes_type || static_cast<BytesObject*>(v.as_object())->size != 1)
        return raise_struct_error(ts, "char format requires a bytes object of length 1"), false;
      out[0] = static_cast<uint8_t>(static_cast<BytesObject*>(v.as_object())->data[0]);
      return true;
    }
    case '?': {
      int truth = py_truth(ts, v);
      if (truth < 0) return false;
      out[0] = static_cast<uint8_t>(truth);
      return true;
    }
    case 'e': case 'f': case 'd':
      return pack_float(ts, mode, item.code, v, out);
    default:
      return pack_integer(ts, mode, item.code, item.size, v, out);
  }
}

// 's' copies at most count bytes and leaves the rest zero (the output buffer starts zeroed); 'p' is a Pascal string: a
// length byte (capped at 255) then at most count-1 bytes. A str argument is refused; it must be encoded.
bool pack_string(ThreadState& ts, const FormatItem& item, Value v, uint8_t* out) {
  std::string_view data;
  if (is_str(v) || !native::bytes_like(ts, v, &data)) {
    ts.current_exception = Value();
    return raise_struct_error(ts, fmt::format("argument for '{}' must be a bytes object", item.code)), false;
  }
  if (item.code == 's') {
    std::memcpy(out, data.data(), std::min<uint64_t>(data.size(), item.count));
    return true;
  }
  if (item.count == 0) return true;
  uint64_t n = std::min<uint64_t>(data.size(), item.count - 1);
  std::memcpy(out + 1, data.data(), n);
  out[0] = static_cast<uint8_t>(std::min<uint64_t>(n, 255));
  return true;
}

Value unpack_item(ThreadState& ts, Mode mode, const FormatItem& item, const uint8_t* p) {
  Mode order = mode == Mode::kNative ? Mode::kLittle : mode;
  switch (item.code) {
    case 'c': return make_bytes(ts, std::string_view(reinterpret_cast<const char*>(p), 1));
    case '?': return Bool(p[0] != 0);
    case 'e': return make_float(ts, half_to_double(static_cast<uint16_t>(load(p, 2, order))));
    case 'f': return make_float(ts, std::bit_cast<float>(static_cast<uint32_t>(load(p, 4, order))));
    case 'd': return make_float(ts, std::bit_cast<double>(load(p, 8, order)));
    case 'b': case 'h': case 'i': case 'l': case 'q': case 'n': {
      uint64_t bits = load(p, item.size, order);
      int shift = 64 - 8 * item.size;
      // The shift pair moves the item's sign bit to bit 63 and back with an arithmetic shift (well defined since
      // C++20).
      return make_int(ts, static_cast<int64_t>(bits << shift) >> shift);  // sign-extend
    }
    default: {  // unsigned codes and 'P'
      uint64_t bits = load(p, item.size, order);
      if (bits <= static_cast<uint64_t>(INT64_MAX)) return make_int(ts, static_cast<int64_t>(bits));
      BigInt n;
      mpz_import(n.raw(), 1, -1, sizeof bits, 0, 0, &bits);
      return make_int(ts, n);
    }
  }
}

Value unpack_string(ThreadState& ts, const FormatItem& item, const uint8_t* p) {
  auto* data = reinterpret_cast<const char*>(p);
  if (item.code == 's') return make_bytes(ts, std::string_view(data, item.count));
  if (item.count == 0) return make_bytes(ts, "");
  uint64_t n = std::min<uint64_t>(p[0], item.count - 1);
  return make_bytes(ts, std::string_view(data + 1, n));
}

}  // namespace minipy::struct_codes
