// int and bool. Values in the 63-bit range are inline small ints (no allocation); the rest are IntObjects
// holding a BigInt. Every operation keeps that invariant: results are normalised back to small ints.
//
// The slots take any int-like operand (IntArg: small int, IntObject, bool or an int subclass) and return
// NotImplemented for anything else, so float and complex get their reflected turn. Division, modulo and shifts
// follow CPython's longobject.c: floor semantics, ZeroDivisionError and ValueError messages word for word.
#include <charconv>
#include <cmath>

#include "vm/objects/abstract.h"
#include "vm/objects/buffer.h"
#include "vm/objects/bytearray.h"
#include "vm/objects/heap_type.h"
#include "vm/objects/int.h"
#include "vm/objects/type_init.h"
#include "vm/runtime.h"
#include "vm/text/number_format.h"
#include "stdlib/native/_warnings.h"

namespace minipy {

namespace {

// Python's numeric hash is the value modulo the Mersenne prime 2**61 - 1 (sys.hash_info.modulus), so equal
// ints, floats and Fractions hash equal.
constexpr int64_t kHashModulus = (int64_t{1} << 61) - 1;


// An int operand: either an int64 or a pointer to a BigInt. Bools and int subclasses count as ints.
struct IntArg {
  bool is_small = true;
  int64_t small = 0;
  const BigInt* big = nullptr;
  BigInt as_big() const { return is_small ? BigInt(small) : *big; }
};

// An int subclass instance holds its value as a BigInt even when small (builtin_subclass.cpp); normalise so
// that is_small == false still means "outside the small-int range". Out of line: rare, and int_arg must stay
// small enough to inline into every operation.
[[gnu::noinline]] bool int_subclass_arg(Object* o, IntArg* out) {
  const BigInt& v = static_cast<IntObject*>(o)->value;
  if (v.fits_int64() && Value::fits_small_int(v.to_int64())) {
    out->is_small = true;
    out->small = v.to_int64();
  } else {
    out->is_small = false;
    out->big = &v;
  }
  return true;
}

[[gnu::always_inline]] inline bool int_arg(Value v, IntArg* out) {
  if (v.is_small_int()) {
    out->is_small = true;
    out->small = v.as_small_int();
    return true;
  }
  if (!v.is_object()) return false;
  Object* o = v.as_object();
  if (o->type == &int_type) {
    out->is_small = false;
    out->big = &static_cast<IntObject*>(o)->value;
    return true;
  }
  if (o->type == &bool_type) {
    out->is_small = true;
    out->small = static_cast<BoolObject*>(o)->value;
    return true;
  }
  return (o->type->flags & kTypeIntSubclass) && int_subclass_arg(o, out);
}

// The three messages CPython 3.11 uses for /, % and //.
Value int_div_zero(ThreadState& ts, int op) {
  return raise(ts, ZeroDivisionError_type,
               op == kOpMod ? "integer modulo by zero"
               : op == kOpTrueDiv ? "division by zero"
                                  : "integer division or modulo by zero");
}

// C++ division truncates toward zero; Python's floors (-7 // 2 == -4, -7 % 2 == 1: the remainder takes the
// divisor's sign).
int64_t floor_div64(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
  return q;
}
int64_t floor_mod64(int64_t a, int64_t b) {
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

// a / b correctly rounded, as CPython's long_true_divide.
Value true_divide(ThreadState& ts, const IntArg& a, const IntArg& b) {
  constexpr int64_t kExact = int64_t{1} << 53;
  if (a.is_small && b.is_small && a.small <= kExact && a.small >= -kExact && b.small <= kExact && b.small >= -kExact)
    // Both operands convert to doubles exactly (|x| <= 2**53), so the one IEEE division is already the correctly
    // rounded quotient; larger operands need BigInt::true_divide's scaled integer division.
    return make_float(ts, static_cast<double>(a.small) / static_cast<double>(b.small));
  std::optional<double> q = BigInt::true_divide(a.as_big(), b.as_big());
  if (!q) return raise(ts, OverflowError_type, "integer division result too large for a float");
  return make_float(ts, *q);
}

// GMP aborts ("overflow in mpz type") instead of failing on results past about 2**37 bits, and allocating even
// a fraction of that is hopeless: a result that would need more than kMaxResultBits raises MemoryError up front,
// what CPython raises when its own allocation of such a number fails.
constexpr uint64_t kMaxResultBits = uint64_t{1} << 36;
bool result_too_big(ThreadState& ts, uint64_t bits) {
  if (bits <= kMaxResultBits) return false;
  raise(ts, MemoryError_type, "");
  return true;
}

// a ** b. A negative exponent gives a float (as CPython, through float pow); a huge positive exponent is only
// representable for bases 0, 1 and -1 (anything else would not fit in memory: MemoryError up front); otherwise
// repeated squaring in int64 with a fall back to BigInt on overflow.
Value int_pow(ThreadState& ts, const IntArg& a, const IntArg& b) {
  if (!b.is_small || b.small < 0) {
    // A negative exponent hands the operation to float pow, as CPython's long_pow does; hence float's messages for a
    // base too large to convert and for 0 raised to a negative power.
    if ((b.is_small && b.small < 0) || (!b.is_small && b.big->sign() < 0)) {
      double base, exp;
      if (!a.is_small) {
        auto d = a.big->to_double();
        if (!d) return raise(ts, OverflowError_type, "int too large to convert to float");
        base = *d;
      } else {
        base = static_cast<double>(a.small);
      }
      if (b.is_small) exp = static_cast<double>(b.small);
      else {
        auto d = b.big->to_double();
        exp = d ? *d : -HUGE_VAL;
      }
      if (base == 0.0) return raise(ts, ZeroDivisionError_type, "0.0 cannot be raised to a negative power");
      return make_float(ts, std::pow(base, exp));
    }
    // Huge positive exponent: only 0, 1, -1 bases are representable.
    BigInt base = a.as_big();
    if (base.is_zero() || base == BigInt(1)) return make_int(ts, base);
    if (base == BigInt(-1)) return make_int(ts, b.big->is_odd() ? -1 : 1);
    return raise(ts, MemoryError_type, "");
  }
  if (a.is_small) {
    // Fast path: repeated squaring with overflow checks.
    int64_t result = 1, base = a.small;
    int64_t e = b.small;
    bool overflow = false;
    while (e > 0) {
      if (e & 1) overflow |= __builtin_mul_overflow(result, base, &result);
      e >>= 1;
      if (e) overflow |= __builtin_mul_overflow(base, base, &base);
      if (overflow) break;
    }
    if (!overflow) return make_int(ts, result);
  }
  BigInt base = a.as_big();
  uint64_t bits;
  if (__builtin_mul_overflow(base.bit_length(), static_cast<uint64_t>(b.small), &bits) || result_too_big(ts, bits)) {
    if (!ts.current_exception) raise(ts, MemoryError_type, "");
    return Value();
  }
  return make_int(ts, base.pow(static_cast<uint64_t>(b.small)));
}

// Every binary int operation: small operands in int64 with overflow checks, anything else in BigInt. Results
// go through make_int, which returns small ints whenever they fit.
Value int_binary(ThreadState& ts, Value left, Value right, int op) {
  IntArg a, b;
  if (!int_arg(left, &a) || !int_arg(right, &b)) return NotImplemented();
  if (a.is_small && b.is_small) {
    int64_t x = a.small, y = b.small, r;
    switch (op) {
      case kOpAdd: return make_int(ts, x + y);  // |x|,|y| < 2**62: cannot overflow int64
      case kOpSub: return make_int(ts, x - y);
      case kOpMul:
        if (!__builtin_mul_overflow(x, y, &r)) return make_int(ts, r);
        break;
      case kOpFloorDiv:
        if (y == 0) return int_div_zero(ts, op);
        return make_int(ts, floor_div64(x, y));
      case kOpMod:
        if (y == 0) return int_div_zero(ts, op);
        return make_int(ts, floor_mod64(x, y));
      case kOpAnd: return make_int(ts, x & y);
      case kOpOr: return make_int(ts, x | y);
      case kOpXor: return make_int(ts, x ^ y);
      case kOpLShift:
        if (y < 0) return raise(ts, ValueError_type, "negative shift count");
        // The shifted value must stay inside the 63-bit small-int range; anything larger (or a shift of 62 or more)
        // goes to the BigInt path below.
        if (y < 62 && (x == 0 || (x > 0 ? x < (int64_t{1} << (62 - y)) : x > -(int64_t{1} << (62 - y)))))
          return make_int(ts, x << y);
        if (x == 0) return make_int(ts, 0);
        break;
      case kOpRShift:
        if (y < 0) return raise(ts, ValueError_type, "negative shift count");
        // A small int has 63 bits, so from a shift of 63 on only the sign remains; computing it directly also avoids
        // C++'s undefined shift by 64 or more.
        return make_int(ts, y >= 63 ? (x < 0 ? -1 : 0) : (x >> y));
      case kOpTrueDiv:
        if (y == 0) return int_div_zero(ts, op);
        return true_divide(ts, a, b);
      case kOpPow: return int_pow(ts, a, b);
      default: return NotImplemented();
    }
  }
  BigInt x = a.as_big(), y = b.as_big();
  switch (op) {
    case kOpAdd: return make_int(ts, x + y);
    case kOpSub: return make_int(ts, x - y);
    case kOpMul:
      if (result_too_big(ts, x.bit_length() + y.bit_length())) return Value();
      return make_int(ts, x * y);
    case kOpFloorDiv:
    case kOpMod: {
      if (y.is_zero()) return int_div_zero(ts, op);
      BigInt q, r;
      BigInt::floor_divmod(x, y, &q, &r);
      return make_int(ts, op == kOpMod ? r : q);
    }
    case kOpAnd: return make_int(ts, x & y);
    case kOpOr: return make_int(ts, x | y);
    case kOpXor: return make_int(ts, x ^ y);
    case kOpLShift:
    case kOpRShift: {
      if (y.sign() < 0) return raise(ts, ValueError_type, "negative shift count");
      if (!y.fits_int64()) {
        if (op == kOpRShift || x.is_zero()) return make_int(ts, op == kOpRShift && x.sign() < 0 ? -1 : 0);
        // CPython counts the shift in 30-bit digits: a count of digits past ssize_t is OverflowError, a smaller
        // one fails to allocate.
        if (y < BigInt(INT64_MAX) * BigInt(30)) return raise(ts, MemoryError_type, "");
        return raise(ts, OverflowError_type, "too many digits in integer");
      }
      uint64_t n = static_cast<uint64_t>(y.to_int64());
      if (op == kOpLShift && result_too_big(ts, x.bit_length() + n)) return Value();
      return make_int(ts, op == kOpLShift ? x.shifted_left(n) : x.shifted_right(n));
    }
    case kOpTrueDiv:
      if (y.is_zero()) return int_div_zero(ts, op);
      return true_divide(ts, a, b);
    case kOpPow: return int_pow(ts, a, b);
    default: return NotImplemented();
  }
}

#define INT_BINARY(op) \
  [](ThreadState& ts, Value a, Value b) { return int_binary(ts, a, b, op); }

// divmod(a, b) == (a // b, a % b), with the same errors.
Value int_divmod(ThreadState& ts, Value left, Value right) {
  IntArg a, b;
  if (!int_arg(left, &a) || !int_arg(right, &b)) return NotImplemented();
  Value q = int_binary(ts, left, right, kOpFloorDiv);
  if (!q) return q;
  Value r = int_binary(ts, left, right, kOpMod);
  if (!r) return r;
  Value items[2] = {q, r};
  return Value(minipy::make_tuple(ts, items));
}

// pow(base, exp, mod): a negative exponent means the modular inverse first (3.8+), with CPython's ValueError
// when none exists; the result takes the sign convention of Python's %, i.e. the modulus's sign.
Value int_pow3(ThreadState& ts, Value base, Value exp, Value mod) {
  IntArg a, b, m;
  if (!int_arg(base, &a) || !int_arg(exp, &b) || !int_arg(mod, &m)) return NotImplemented();
  BigInt bm = m.as_big();
  if (bm.is_zero()) return raise(ts, ValueError_type, "pow() 3rd argument cannot be 0");
  BigInt be = b.as_big(), ba = a.as_big();
  if (be.sign() < 0) {
    // Modular inverse (3.8+).
    BigInt inv;
    if (mpz_invert(inv.raw(), ba.raw(), bm.abs().raw()) == 0)
      return raise(ts, ValueError_type, "base is not invertible for the given modulus");
    ba = inv;
    be = -be;
  }
  return make_int(ts, BigInt::pow_mod(ba, be, bm));
}

Value int_negative(ThreadState& ts, Value v) {
  IntArg a;
  int_arg(v, &a);
  if (a.is_small) return make_int(ts, -a.small);
  return make_int(ts, -*a.big);
}
Value int_positive(ThreadState& ts, Value v) {
  IntArg a;
  int_arg(v, &a);
  return a.is_small ? make_int(ts, a.small) : make_int(ts, *a.big);
}
Value int_absolute(ThreadState& ts, Value v) {
  IntArg a;
  int_arg(v, &a);
  if (a.is_small) return make_int(ts, a.small < 0 ? -a.small : a.small);
  return make_int(ts, a.big->abs());
}
Value int_invert(ThreadState& ts, Value v) {
  IntArg a;
  int_arg(v, &a);
  if (a.is_small) return make_int(ts, ~a.small);
  return make_int(ts, a.big->invert());
}
int int_truth(ThreadState&, Value v) {
  IntArg a;
  int_arg(v, &a);
  return a.is_small ? a.small != 0 : !a.big->is_zero();
}

// int vs float is handed to float's comparison (reflected), which compares exactly instead of converting the
// int to a double (2**53 + 1 != 2.0**53).
Value int_richcompare(ThreadState& ts, Value left, Value right, int op) {
  IntArg a, b;
  if (!int_arg(left, &a)) return NotImplemented();
  if (!int_arg(right, &b)) {
    if (is_float(right)) {
      // Exact int/float comparison (CPython's float_richcompare semantics), delegated to float's reflected slot.
      return float_type.richcompare(ts, right, left, op == kLt ? kGt : op == kLe ? kGe : op == kGt ? kLt : op == kGe ? kLe : op);
    }
    return NotImplemented();
  }
  int c;
  if (a.is_small && b.is_small) c = (a.small > b.small) - (a.small < b.small);
  else c = compare(a.as_big(), b.as_big());
  return Bool(comparison_holds(c, op));
}

bool int_hash(ThreadState&, Value v, int64_t* out) {
  IntArg a;
  int_arg(v, &a);
  if (a.is_small) {
    int64_t x = a.small;
    int64_t m = (x < 0 ? -x : x) % kHashModulus;
    int64_t h = x < 0 ? -m : m;
    *out = h == -1 ? -2 : h;
    return true;
  }
  BigInt r, q;
  BigInt::floor_divmod(a.big->abs(), BigInt(kHashModulus), &q, &r);
  int64_t h = r.to_int64();
  if (a.big->sign() < 0) h = -h;
  *out = h == -1 ? -2 : h;
  return true;
}

Value int_repr(ThreadState& ts, Value v) {
  IntArg a;
  int_arg(v, &a);
  if (a.is_small) {
    char buf[24];
    auto res = std::to_chars(buf, buf + sizeof buf, a.small);
    return make_str_known(ts, std::string_view(buf, res.ptr - buf), res.ptr - buf, true);
  }
  int64_t limit = text::current_int_max_str_digits();
  // Cheap pre-check on the size (a number of n bits has at least n * log10(2) digits), exact count below.
  if (limit > 0 && a.big->bit_length() > static_cast<uint64_t>(limit) * 3) {
    const char* kMessage = "Exceeds the limit ({} digits) for integer string conversion; use "
                           "sys.set_int_max_str_digits() to increase the limit";
    if (a.big->bit_length() > static_cast<uint64_t>(limit) * 4)  // past limit * log2(10): surely too many
      return raise_fmt(ts, ValueError_type, fmt::runtime(kMessage), limit);
    std::string s = a.big->to_string();
    auto digits = static_cast<int64_t>(s.size() - (s[0] == '-'));
    if (digits > limit) return raise_fmt(ts, ValueError_type, fmt::runtime(kMessage), limit);
    return make_str_known(ts, s, static_cast<int64_t>(s.size()), true);
  }
  std::string s = a.big->to_string();
  return make_str_known(ts, s, static_cast<int64_t>(s.size()), true);
}

Value bool_repr(ThreadState& ts, Value v) {
  return Value(intern(ts, static_cast<BoolObject*>(v.as_object())->value ? "True" : "False"));
}

// bool & bool, | and ^ stay bools (True | False is True); any other operand makes it int arithmetic.
Value bool_binary(ThreadState& ts, Value a, Value b, int op) {
  if (type_of(a) == &bool_type && type_of(b) == &bool_type) {
    bool x = static_cast<BoolObject*>(a.as_object())->value, y = static_cast<BoolObject*>(b.as_object())->value;
    if (op == kOpAnd) return Bool(x && y);
    if (op == kOpOr) return Bool(x || y);
    return Bool(x != y);
  }
  return int_binary(ts, a, b, op);
}

}  // namespace

// int(b"12", base) and float(b"1.5") (base 0 here means float): the bytes parsed as ASCII text; a failure shows the
// bytes' repr, as CPython's message does.
Value parse_number_from_buffer(ThreadState& ts, Value x, int base_or_float) {
  if (!has_buffer(x)) return Value();
  BufferLease lease;
  if (!lease.acquire(ts, x)) return Value();
  Value bytes = make_bytes(ts, lease.bytes());
  if (!bytes) return bytes;
  Value number = parse_number_from_bytes(ts, bytes, base_or_float);
  if (number || base_or_float >= 0 || !exception_matches(ts.current_exception, &ValueError_type)) return number;
  // float()'s message shows the object itself (PyFloat_FromString keeps it), int()'s the copied bytes.
  ts.current_exception = Value();
  Value shown = py_repr(ts, x);
  if (!shown) return shown;
  return raise_fmt(ts, ValueError_type, "could not convert string to float: {}", as_str(shown)->view());
}

namespace {

// int(x) for an object whose only conversion is __trunc__ (`trunc` is the type's attribute): CPython 3.11 still
// calls it, with a DeprecationWarning, and then requires an integer or something with __index__.
Value int_from_trunc(ThreadState& ts, Value x, Value trunc) {
  if (!warn(ts, DeprecationWarning_type, "The delegation of int() to __trunc__ is deprecated.")) return Value();
  if (DescrGetSlot bind = type_of(trunc)->descr_get) {
    trunc = bind(ts, trunc, x, Value(type_of(x)));
    if (!trunc) return trunc;
  }
  Value result = call(ts, trunc, {});
  if (!result || type_of(result) == &int_type) return result;
  if (is_int(result)) return int_positive(ts, result);  // an int subclass: its value as an exact int
  if (!type_of(result)->index)
    return raise_fmt(ts, TypeError_type, "__trunc__ returned non-Integral (type {})", type_name(result));
  return number_index(ts, result);
}

}  // namespace

Value parse_number_from_bytes(ThreadState& ts, Value bytes, int base_or_float) {
  std::string_view text = is_bytearray(bytes) ? bytearray_view(bytes) : static_cast<BytesObject*>(bytes.as_object())->view();
  std::optional<text::TextError> error;
  Value result;
  if (base_or_float < 0) {
    auto r = text::parse_float(text);
    if (r.ok()) return make_float(ts, r.value());
    error = r.error();
  } else {
    auto r = text::parse_int(text, base_or_float);
    if (r.ok()) return make_int(ts, r.value());
    error = r.error();
  }
  size_t colon = error->message.find(": ");
  if (error->kind != "ValueError" || colon == std::string::npos) return raise_text_error(ts, *error);
  Value shown = py_repr(ts, bytes);
  if (!shown) return shown;
  error->message = error->message.substr(0, colon + 2) + std::string(as_str(shown)->view());
  return raise_text_error(ts, *error);
}

namespace {

// bytes and bytearray: the bytes-like objects int() and float() parse as text.
bool is_bytes(Value v) { return v.is_object() && (is_subtype(type_of(v), &bytes_type) || is_bytearray(v)); }

// int(x), int(x, base): an exact int, never a subclass instance (int_new wraps it for subclasses). The
// conversion order is CPython's long_new_impl: an int or float's own value, a str parsed, then __int__,
// __index__, the deprecated __trunc__, and finally bytes-like objects parsed as ASCII text.
Value exact_int_new(ThreadState& ts, std::span<const Value> args, TupleObject* kwnames) {
  size_t npos = positional_count(args, kwnames);
  Value x = npos > 0 ? args[0] : Value();
  for (int64_t i = 0; kwnames && i < kwnames->size; i++)
    if (as_str(kwnames->items[i])->view() != "base")
      return raise_fmt(ts, TypeError_type, "'{}' is an invalid keyword argument for int()",
                       as_str(kwnames->items[i])->view());
  Value base = npos > 1 ? args[1] : keyword_arg(ts, args, kwnames, "base");
  if (npos > 2) return raise_fmt(ts, TypeError_type, "int() takes at most 2 arguments ({} given)", npos);
  if (!x) {
    if (base) return raise(ts, TypeError_type, "int() missing string argument");
    return Value::small_int(0);
  }
  if (base) {
    int64_t b;
    if (!index_to_int64(ts, base, &b)) return Value();
    if (!is_str(x) && !is_bytes(x))
      return raise(ts, TypeError_type, "int() can't convert non-string with explicit base");
    if ((b != 0 && b < 2) || b > 36) return raise(ts, ValueError_type, "int() base must be >= 2 and <= 36, or 0");
    if (is_bytes(x)) return parse_number_from_bytes(ts, x, static_cast<int>(b));
    auto r = text::parse_int(as_str(x)->view(), static_cast<int>(b));
    if (!r.ok()) return raise_text_error(ts, r.error());
    return make_int(ts, r.value());
  }
  if (is_int(x) && type_of(x)->to_int == int_type.to_int) {
    if (type_of(x) == &int_type) return x;
    return int_positive(ts, x);
  }
  if (is_float(x) && type_of(x)->to_int == float_type.to_int) {
    double d = float_value(x);
    if (std::isinf(d)) return raise(ts, OverflowError_type, "cannot convert float infinity to integer");
    if (std::isnan(d)) return raise(ts, ValueError_type, "cannot convert float NaN to integer");
    double t = std::trunc(d);
    if (std::fabs(t) < 4e18) return make_int(ts, static_cast<int64_t>(t));
    return make_int(ts, BigInt::from_double(t));
  }
  if (is_str(x)) {
    auto r = text::parse_int(as_str(x)->view(), 10);
    if (!r.ok()) return raise_text_error(ts, r.error());
    return make_int(ts, r.value());
  }
  Type* t = type_of(x);
  if (t->to_int) return t->to_int(ts, x);
  if (t->index) return t->index(ts, x);
  if (Value trunc = type_lookup(t, intern(ts, "__trunc__"))) return int_from_trunc(ts, x, trunc);
  if (is_bytes(x)) return parse_number_from_bytes(ts, x, 10);
  if (has_buffer(x)) return parse_number_from_buffer(ts, x, 10);
  return raise_fmt(ts, TypeError_type,
                   "int() argument must be a string, a bytes-like object or a real number, not '{}'", type_name(x));
}

// For a subclass, the exact value is wrapped in an instance of it (make_subtype_instance).
Value int_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  Value r = exact_int_new(ts, args, kwnames);
  return !r || type == &int_type ? r : make_subtype_instance(ts, type, r);
}

// bool(x) is x's truth value; bool cannot be subclassed, so `type` is always bool.
Value bool_new(ThreadState& ts, Type*, std::span<const Value> args, TupleObject* kwnames) {
  if (!no_keywords(ts, "bool", kwnames)) return Value();
  if (args.size() > 1) return raise_fmt(ts, TypeError_type, "bool expected at most 1 argument, got {}", args.size());
  if (args.empty()) return False();
  int t = py_truth(ts, args[0]);
  if (t < 0) return Value();
  return Bool(t);
}

Value int_index(ThreadState& ts, Value v) { return int_positive(ts, v); }
Value int_to_float(ThreadState& ts, Value v) {
  IntArg a;
  int_arg(v, &a);
  if (a.is_small) return make_float(ts, static_cast<double>(a.small));
  auto d = a.big->to_double();
  if (!d) return raise(ts, OverflowError_type, "int too large to convert to float");
  return make_float(ts, *d);
}

void finalize_int(Object* o) { static_cast<IntObject*>(o)->value.~BigInt(); }

Value int_bit_length(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  IntArg a;
  int_arg(self, &a);
  if (a.is_small) {
    uint64_t m = a.small < 0 ? static_cast<uint64_t>(-a.small) : static_cast<uint64_t>(a.small);
    return make_int(ts, m == 0 ? 0 : 64 - __builtin_clzll(m));
  }
  return make_int(ts, static_cast<int64_t>(a.big->bit_length()));
}
Value int_conjugate(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  return int_positive(ts, self);
}
Value int_real(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) { return int_positive(ts, self); }
Value int_imag(ThreadState&, Value, std::span<const Value>, TupleObject*) { return Value::small_int(0); }
Value int_one(ThreadState&, Value, std::span<const Value>, TupleObject*) { return Value::small_int(1); }

const MethodDef int_methods[] = {
    {"bit_length", int_bit_length},
    {"conjugate", int_conjugate},
};

}  // namespace

Value make_int_big(ThreadState& ts, int64_t v) { return make_int(ts, BigInt(v)); }

// The only way ints are made from BigInts: a value that fits is a small int, so small-range values never
// exist as IntObjects (identity and equality tests rely on that).
Value make_int(ThreadState& ts, const BigInt& v) {
  if (v.fits_int64()) {
    int64_t x = v.to_int64();
    if (Value::fits_small_int(x)) return Value::small_int(x);
  }
  auto* o = ts.alloc<IntObject>(&int_type);
  new (&o->value) BigInt(v);
  return Value(o);
}

bool is_int(Value v) { return v.is_small_int() || (v.is_object() && (v.as_object()->type->flags & kTypeIntSubclass)); }

// False (without an exception) when v is not an int or does not fit in int64.
bool int_to_int64(Value v, int64_t* out) {
  IntArg a;
  if (!int_arg(v, &a)) return false;
  if (a.is_small) {
    *out = a.small;
    return true;
  }
  if (!a.big->fits_int64()) return false;
  *out = a.big->to_int64();
  return true;
}

BigInt to_bigint(Value v) {
  IntArg a;
  int_arg(v, &a);
  return a.as_big();
}

// operator.index(v): an exact int as is, an int subclass's value as an exact int, else __index__.
Value number_index(ThreadState& ts, Value v) {
  if (v.is_small_int()) return v;
  Type* t = type_of(v);
  if (t == &int_type) return v;
  if (t->flags & kTypeIntSubclass) return int_positive(ts, v);  // bool and subclasses: their value, not __index__
  if (t->index) return t->index(ts, v);
  return raise_fmt(ts, TypeError_type, "'{}' object cannot be interpreted as an integer", type_name(v));
}

// __index__ then a range check, with OverflowError(`overflow_msg`) when it does not fit (CPython's message
// for Py_ssize_t conversions by default).
bool index_to_int64(ThreadState& ts, Value v, int64_t* out, const char* overflow_msg) {
  Value i = number_index(ts, v);
  if (!i) return false;
  if (int_to_int64(i, out)) return true;
  raise_fmt(ts, OverflowError_type, "{}",
            overflow_msg ? overflow_msg : "Python int too large to convert to C ssize_t");
  return false;
}

void init_int_type(ThreadState& ts) {
  Type& t = int_type;
  t.binary[kOpAdd] = INT_BINARY(kOpAdd);
  t.binary[kOpSub] = INT_BINARY(kOpSub);
  t.binary[kOpMul] = INT_BINARY(kOpMul);
  t.binary[kOpFloorDiv] = INT_BINARY(kOpFloorDiv);
  t.binary[kOpMod] = INT_BINARY(kOpMod);
  t.binary[kOpAnd] = INT_BINARY(kOpAnd);
  t.binary[kOpOr] = INT_BINARY(kOpOr);
  t.binary[kOpXor] = INT_BINARY(kOpXor);
  t.binary[kOpLShift] = INT_BINARY(kOpLShift);
  t.binary[kOpRShift] = INT_BINARY(kOpRShift);
  t.binary[kOpTrueDiv] = INT_BINARY(kOpTrueDiv);
  t.binary[kOpPow] = INT_BINARY(kOpPow);
  t.divmod = int_divmod;
  t.power3 = int_pow3;
  t.negative = int_negative;
  t.positive = int_positive;
  t.absolute = int_absolute;
  t.invert = int_invert;
  t.truth = int_truth;
  t.richcompare = int_richcompare;
  t.hash = int_hash;
  t.repr = int_repr;
  t.str = int_repr;
  t.new_instance = int_new;
  t.index = int_index;
  t.to_int = int_index;
  t.to_float = int_to_float;
  t.finalize = finalize_int;
  add_methods(ts, t, int_methods);
  add_getset(ts, t, "real", int_real);
  add_getset(ts, t, "imag", int_imag);
  add_getset(ts, t, "numerator", int_real);
  add_getset(ts, t, "denominator", int_one);

  Type& b = bool_type;
  b.repr = bool_repr;
  b.str = bool_repr;
  b.new_instance = bool_new;
  b.binary[kOpAnd] = [](ThreadState& ts, Value x, Value y) { return bool_binary(ts, x, y, kOpAnd); };
  b.binary[kOpOr] = [](ThreadState& ts, Value x, Value y) { return bool_binary(ts, x, y, kOpOr); };
  b.binary[kOpXor] = [](ThreadState& ts, Value x, Value y) { return bool_binary(ts, x, y, kOpXor); };
}

}  // namespace minipy
