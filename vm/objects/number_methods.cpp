// The int and float methods beyond the slots: to_bytes/from_bytes, bit_count, as_integer_ratio, hex/fromhex,
// __getformat__, and the rounding protocol (__round__, __trunc__, __floor__, __ceil__) that math and round()
// call; plus __getnewargs__ of the immutable value types.
#include <cerrno>
#include <cfloat>
#include <cmath>
#include <algorithm>
#include <cstdlib>

#include "vm/interp/builtins.h"
#include "vm/objects/buffer.h"
#include "vm/objects/type_init.h"
#include "vm/runtime.h"

namespace minipy {

namespace {

#define NUMBER_METHOD(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

// The exact int value of an int or bool receiver.
// Methods inherited by bool and by int subclasses work on the plain int value, so their results are exact ints
// (True.as_integer_ratio() is (1, 1), not (True, 1)).
Value int_value(ThreadState& ts, Value self) { return number_index(ts, self); }

bool no_args(ThreadState& ts, const char* name, std::span<const Value> args, TupleObject* kwnames) {
  return no_keywords(ts, name, kwnames) && check_arg_count(ts, name, args.size(), 0, 0);
}

// byteorder: "little" is true, "big" false.
// 3.11 made byteorder optional with "big" as its default (bpo-45155), so a missing value is big-endian.
bool byteorder_arg(ThreadState& ts, Value v, bool* little) {
  if (!v) {
    *little = false;
    return true;
  }
  if (!is_str(v)) {
    raise_fmt(ts, TypeError_type, "to_bytes() argument 'byteorder' must be str, not {}", type_name(v));
    return false;
  }
  std::string_view s = as_str(v)->view();
  if (s != "little" && s != "big") {
    raise(ts, ValueError_type, "byteorder must be either 'little' or 'big'");
    return false;
  }
  *little = s == "little";
  return true;
}

// to_bytes(length=1, byteorder='big', *, signed=False)
NUMBER_METHOD(int_to_bytes) {
  size_t n = positional_count(args, kwnames);
  if (n > 2) return raise_fmt(ts, TypeError_type, "to_bytes() takes at most 2 positional arguments ({} given)", n);
  Value length_v = n > 0 ? args[0] : keyword_arg(ts, args, kwnames, "length");
  Value order_v = n > 1 ? args[1] : keyword_arg(ts, args, kwnames, "byteorder");
  Value signed_v = keyword_arg(ts, args, kwnames, "signed");
  int64_t length = 1;
  if (length_v && !index_to_int64(ts, length_v, &length)) return Value();
  if (length < 0) return raise(ts, ValueError_type, "length argument must be non-negative");
  bool little;
  if (!byteorder_arg(ts, order_v, &little)) return Value();
  int is_signed = signed_v ? py_truth(ts, signed_v) : 0;
  if (is_signed < 0) return Value();
  BigInt v = to_bigint(int_value(ts, self));
  if (v.sign() < 0 && !is_signed) return raise(ts, OverflowError_type, "can't convert negative int to unsigned");
  if (length > (int64_t{1} << 28)) return raise(ts, MemoryError_type, "");
  // The range check is done on the value before any bytes are produced: unsigned values must be below 2**(8n), signed
  // ones within [-2**(8n-1), 2**(8n-1)); length 0 holds only zero. The message is CPython's.
  BigInt limit = BigInt(1).shifted_left(static_cast<uint64_t>(8 * length - (is_signed && length > 0 ? 1 : 0)));
  if (length == 0 ? !v.is_zero() : (compare(v, limit) >= 0 || (is_signed && compare(v, -limit) < 0)))
    return raise(ts, OverflowError_type, "int too big to convert");
  // Two's complement: a negative value is stored as value + 2**(8n), whose hex digits are then the bytes.
  if (v.sign() < 0) v = v + BigInt(1).shifted_left(static_cast<uint64_t>(8 * length));
  std::string hex = v.is_zero() ? "" : v.to_string(16);
  hex.insert(0, static_cast<size_t>(2 * length) - hex.size(), '0');
  std::string out(static_cast<size_t>(length), '\0');
  for (int64_t i = 0; i < length; i++) {
    auto byte = static_cast<char>(std::stoi(hex.substr(static_cast<size_t>(2 * i), 2), nullptr, 16));
    out[static_cast<size_t>(little ? length - 1 - i : i)] = byte;
  }
  return make_bytes(ts, out);
}

// int.from_bytes(bytes, byteorder='big', *, signed=False)
NUMBER_METHOD(int_from_bytes) {
  size_t n = positional_count(args, kwnames);
  if (n > 2) return raise_fmt(ts, TypeError_type, "from_bytes() takes at most 2 positional arguments ({} given)", n);
  Value source = n > 0 ? args[0] : keyword_arg(ts, args, kwnames, "bytes");
  if (!source) return raise(ts, TypeError_type, "from_bytes() missing required argument 'bytes' (pos 1)");
  Value order_v = n > 1 ? args[1] : keyword_arg(ts, args, kwnames, "byteorder");
  Value signed_v = keyword_arg(ts, args, kwnames, "signed");
  bool little;
  if (!byteorder_arg(ts, order_v, &little)) return Value();
  int is_signed = signed_v ? py_truth(ts, signed_v) : 0;
  if (is_signed < 0) return Value();
  // from_bytes takes what bytes() takes except str and ints (bytes(3) would mean three zero bytes); CPython refuses
  // those with bytes()'s conversion message.
  if (is_str(source) || (!has_buffer(source) && (is_int(source) || type_of(source)->index)))
    return raise_fmt(ts, TypeError_type, "cannot convert '{}' object to bytes", type_name(source));
  Value b = type_of(source) == &bytes_type ? source : call(ts, Value(&bytes_type), std::span<const Value>(&source, 1));
  if (!b) return b;
  std::string_view data = static_cast<BytesObject*>(b.as_object())->view();
  std::string hex = "0";
  for (size_t i = 0; i < data.size(); i++)
    hex += fmt::format("{:02x}", static_cast<unsigned char>(data[little ? data.size() - 1 - i : i]));
  BigInt v = *BigInt::parse(hex, 16);
  if (is_signed && !data.empty() && (static_cast<unsigned char>(data[little ? data.size() - 1 : 0]) & 0x80))
    v = v - BigInt(1).shifted_left(8 * data.size());
  Value result = make_int(ts, v);
  // A classmethod: called on a subclass, the int is passed to the subclass's constructor, as long_from_bytes does (this
  // is how IntEnum.from_bytes returns a member).
  if (is_type(self) && as_type(self) != &int_type) return call(ts, self, std::span<const Value>(&result, 1));
  return result;
}

NUMBER_METHOD(int_bit_count) {
  if (!no_args(ts, "int.bit_count", args, kwnames)) return Value();
  std::string bits = to_bigint(int_value(ts, self)).abs().to_string(2);
  return make_int(ts, static_cast<int64_t>(std::count(bits.begin(), bits.end(), '1')));
}

NUMBER_METHOD(int_as_integer_ratio) {
  if (!no_args(ts, "int.as_integer_ratio", args, kwnames)) return Value();
  Value items[2] = {int_value(ts, self), Value::small_int(1)};
  return Value(minipy::make_tuple(ts, items));
}

// int.__trunc__/__floor__/__ceil__: the int itself.
template <const char* kName>
NUMBER_METHOD(int_identity) {
  if (!no_args(ts, kName, args, kwnames)) return Value();
  return int_value(ts, self);
}
constexpr char kIntTrunc[] = "int.__trunc__", kIntFloor[] = "int.__floor__", kIntCeil[] = "int.__ceil__";
constexpr char kFloatTrunc[] = "float.__trunc__", kFloatFloor[] = "float.__floor__", kFloatCeil[] = "float.__ceil__";

// round(int, n) with n >= 0 is the int itself; the digits argument is validated first, so round(5, None) is a TypeError
// through __round__ (round() itself maps None to "no digits" before calling).
NUMBER_METHOD(int_round) {
  if (!check_positional_args(ts, "__round__", args, kwnames, 0, 1)) return Value();
  if (args.empty()) return int_value(ts, self);
  int64_t digits;
  if (!index_to_int64(ts, args[0], &digits)) return Value();  // None is a TypeError here, as in CPython
  return round_number(ts, int_value(ts, self), args[0]);
}

NUMBER_METHOD(float_round) {
  if (!check_positional_args(ts, "__round__", args, kwnames, 0, 1)) return Value();
  Value nd = args.empty() || is_none(args[0]) ? Value() : args[0];
  return round_number(ts, make_float(ts, float_value(self)), nd);
}

// float.__trunc__/__floor__/__ceil__: `Round` picks the direction; inf and nan fail in float's int conversion.
// math.floor/ceil/trunc call these (__floor__ etc.); converting the already-integral double through float's int slot
// gives the "cannot convert float infinity/NaN to integer" errors.
template <const char* kName, double (*Round)(double)>
NUMBER_METHOD(float_to_integral) {
  if (!no_args(ts, kName, args, kwnames)) return Value();
  return float_type.to_int(ts, make_float(ts, Round(float_value(self))));
}
double round_trunc(double d) { return std::trunc(d); }
double round_floor(double d) { return std::floor(d); }
double round_ceil(double d) { return std::ceil(d); }

// float.hex(): CPython's format, a normalized (or subnormal) mantissa with 13 hex digits.
NUMBER_METHOD(float_hex) {
  if (!no_args(ts, "float.hex", args, kwnames)) return Value();
  double x = float_value(self);
  std::string out;
  if (std::isnan(x)) out = "nan";
  else if (std::isinf(x)) out = x < 0 ? "-inf" : "inf";
  else if (x == 0.0) out = std::signbit(x) ? "-0x0.0p+0" : "0x0.0p+0";
  else {
    int e;
    double m = std::frexp(std::fabs(x), &e);
    // frexp gives m in [0.5, 1); shifting by one makes the leading hex digit 1 for normal numbers (0x1.xxxp+e). For
    // subnormals the shift is reduced so the exponent stays at -1022 and the leading digit is 0, as float_hex prints.
    int shift = 1 - std::max(DBL_MIN_EXP - e, 0);
    m = std::ldexp(m, shift);
    e -= shift;
    std::string digits;
    auto digit = [](int d) { return "0123456789abcdef"[d]; };
    digits.push_back(digit(static_cast<int>(m)));
    m -= static_cast<int>(m);
    digits.push_back('.');
    for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; i++) {
      m *= 16.0;
      digits.push_back(digit(static_cast<int>(m)));
      m -= static_cast<int>(m);
    }
    out = fmt::format("{}0x{}p{}{}", x < 0 ? "-" : "", digits, e < 0 ? '-' : '+', std::abs(e));
  }
  return Value(make_str(ts, out));
}

// float.fromhex(s): the syntax is checked here, the correctly rounded conversion is strtod's.
NUMBER_METHOD(float_fromhex) {
  if (!check_positional_args(ts, "fromhex", args, kwnames, 1, 1)) return Value();
  if (!is_str(args[0]))
    return raise_fmt(ts, TypeError_type, "fromhex() argument must be str, not {}", type_name(args[0]));
  std::string_view s = as_str(args[0])->view();
  // Leading and trailing ASCII whitespace is allowed, as in float_fromhex; the case of the letters does not matter.
  auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  std::string text(s);
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string_view body = text;
  bool negative = !body.empty() && body[0] == '-';
  if (!body.empty() && (body[0] == '-' || body[0] == '+')) body.remove_prefix(1);
  double value;
  auto invalid = [&] { return raise(ts, ValueError_type, "invalid hexadecimal floating-point string"); };
  if (body == "inf" || body == "infinity") {
    value = HUGE_VAL;
  } else if (body == "nan") {
    value = std::nan("");
  } else {
    if (body.starts_with("0x")) body.remove_prefix(2);
    size_t i = 0, digits = 0;
    while (i < body.size() && std::isxdigit(static_cast<unsigned char>(body[i]))) i++, digits++;
    if (i < body.size() && body[i] == '.') {
      i++;
      while (i < body.size() && std::isxdigit(static_cast<unsigned char>(body[i]))) i++, digits++;
    }
    if (digits == 0) return invalid();
    if (i < body.size() && body[i] == 'p') {
      size_t j = i + 1;
      if (j < body.size() && (body[j] == '+' || body[j] == '-')) j++;
      size_t exp_start = j;
      while (j < body.size() && std::isdigit(static_cast<unsigned char>(body[j]))) j++;
      if (j == exp_start) return invalid();
      i = j;
    }
    if (i != body.size()) return invalid();
    std::string c_text = "0x" + std::string(body);
    if (c_text.find('p') == std::string::npos) c_text += "p0";
    errno = 0;
    // After the syntax check above the text is a valid C99 hex float, and strtod's conversion of one is correctly
    // rounded (round-half-even), which is what CPython's hand-written conversion produces.
    value = std::strtod(c_text.c_str(), nullptr);
    if (std::isinf(value))
      return raise(ts, OverflowError_type, "hexadecimal value too large to represent as a float");
  }
  Value result = make_float(ts, negative ? -value : value);
  if (is_type(self) && as_type(self) != &float_type) return call(ts, self, std::span<const Value>(&result, 1));
  return result;
}

NUMBER_METHOD(float_getformat) {
  (void)self;
  if (!check_positional_args(ts, "__getformat__", args, kwnames, 1, 1))
    return Value();
  if (!is_str(args[0]))
    return raise_fmt(ts, TypeError_type, "__getformat__() argument must be str, not {}", type_name(args[0]));
  std::string_view kind = as_str(args[0])->view();
  if (kind != "double" && kind != "float")
    return raise(ts, ValueError_type, "__getformat__() argument 1 must be 'double' or 'float'");
  // Only the two answers CPython gives on x86-64 and ARM64 Linux; 'unknown' formats do not exist on the machines minipy
  // builds for. Lib's pickle and struct tests consult this.
  return Value(make_str(ts, "IEEE, little-endian"));
}

// The name of the builtin type `v` is an instance of, for messages.
std::string_view static_base_name(Value v) {
  if (is_int(v)) return "int";
  if (is_float(v)) return "float";
  return is_str(v) ? "str" : "tuple";
}

// __getnewargs__ of int, float, str and tuple: (a plain copy of the value,).
// pickle (protocol 2+) and copy call __getnewargs__ to rebuild an instance of a subclass of an immutable type: the
// argument is the plain base-type value, so cls.__new__(cls, value) recreates it.
NUMBER_METHOD(value_getnewargs) {
  std::string name = fmt::format("{}.__getnewargs__", static_base_name(self));
  if (!no_args(ts, name.c_str(), args, kwnames)) return Value();
  Value plain;
  if (is_int(self)) plain = int_value(ts, self);
  else if (is_float(self)) plain = make_float(ts, float_value(self));
  else if (is_str(self)) plain = Value(make_str(ts, as_str(self)->view()));
  else plain = Value(minipy::make_tuple(ts, static_cast<TupleObject*>(self.as_object())->span()));
  return Value(minipy::make_tuple(ts, std::span<const Value>(&plain, 1)));
}

const MethodDef int_methods[] = {
    {"to_bytes", int_to_bytes},
    {"from_bytes", int_from_bytes, kMethodClass},
    {"bit_count", int_bit_count},
    {"as_integer_ratio", int_as_integer_ratio},
    {"__trunc__", int_identity<kIntTrunc>},
    {"__floor__", int_identity<kIntFloor>},
    {"__ceil__", int_identity<kIntCeil>},
    {"__round__", int_round},
    {"__getnewargs__", value_getnewargs},
};
const MethodDef float_methods[] = {
    {"hex", float_hex},
    {"fromhex", float_fromhex, kMethodClass},
    {"__getformat__", float_getformat, kMethodClass},
    {"__round__", float_round},
    {"__trunc__", float_to_integral<kFloatTrunc, round_trunc>},
    {"__floor__", float_to_integral<kFloatFloor, round_floor>},
    {"__ceil__", float_to_integral<kFloatCeil, round_ceil>},
    {"__getnewargs__", value_getnewargs},
};
const MethodDef value_methods[] = {{"__getnewargs__", value_getnewargs}};

}  // namespace

void init_number_methods(ThreadState& ts) {
  add_methods(ts, int_type, int_methods);
  add_methods(ts, float_type, float_methods);
  add_methods(ts, str_type, value_methods);
  add_methods(ts, tuple_type, value_methods);
}

}  // namespace minipy
