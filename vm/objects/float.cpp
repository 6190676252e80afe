// float: IEEE doubles, boxed. Arithmetic mixes with ints as CPython's floatobject.c does (ints converted with
// OverflowError when too large), comparisons with ints are exact, and the hash agrees with int's for equal values.
#include <cerrno>
#include <cmath>

#include "compiler/float_ops.h"
#include "compiler/float_repr.h"
#include "vm/objects/abstract.h"
#include "vm/objects/complex.h"
#include "vm/objects/buffer.h"
#include "vm/objects/bytearray.h"
#include "vm/objects/heap_type.h"
#include "vm/objects/int.h"
#include "vm/objects/type_init.h"
#include "vm/runtime.h"
#include "vm/text/number_format.h"

namespace minipy {

namespace {

// Converts an operand for float arithmetic; 0 not a number, 1 ok, -1 error (int too large).
// floatobject.c's CONVERT_TO_DOUBLE: a float or an int (including bool and int subclasses) takes part; anything else
// makes the slot answer NotImplemented so the other operand's reflected method gets its turn.
int float_operand(ThreadState& ts, Value v, double* out) {
  if (is_exact_float(v)) {
    *out = float_value(v);
    return 1;
  }
  bool is_number;
  if (!to_double(ts, v, out, &is_number)) return is_number ? -1 : 0;
  return 1;
}

// The odd message is CPython's: float_pow reports ERANGE through PyErr_SetFromErrno, so the text is the errno tuple.
Value float_overflow(ThreadState& ts) { return raise(ts, OverflowError_type, "(34, 'Numerical result out of range')"); }

Value float_binary(ThreadState& ts, Value left, Value right, int op) {
  double a, b;
  int ra = float_operand(ts, left, &a);
  if (ra <= 0) return ra < 0 ? Value() : NotImplemented();
  int rb = float_operand(ts, right, &b);
  if (rb <= 0) return rb < 0 ? Value() : NotImplemented();
  switch (op) {
    case kOpAdd: return make_float(ts, a + b);
    case kOpSub: return make_float(ts, a - b);
    case kOpMul: return make_float(ts, a * b);
    case kOpTrueDiv:
      if (b == 0.0) return raise(ts, ZeroDivisionError_type, "float division by zero");
      return make_float(ts, a / b);
    case kOpFloorDiv:
    case kOpMod: {
      if (b == 0.0) return raise(ts, ZeroDivisionError_type, op == kOpMod ? "float modulo" : "float floor division by zero");
      double floordiv, mod;
      float_divmod(a, b, &floordiv, &mod);
      return make_float(ts, op == kOpMod ? mod : floordiv);
    }
    case kOpPow: {
      // float_pow's special cases come before calling pow(), in its order: x**0 is 1 even for NaN, NaN propagates
      // except 1**nan, 0 to a negative power is an error, and a negative base with a non-integral exponent gives a
      // complex result (PEP 3141's behaviour since 3.0).
      if (b == 0.0) return make_float(ts, 1.0);
      if (std::isnan(a)) return make_float(ts, a);
      if (std::isnan(b)) return make_float(ts, a == 1.0 ? 1.0 : b);
      if (a == 0.0 && b < 0.0 && std::isfinite(b))
        return raise(ts, ZeroDivisionError_type, "0.0 cannot be raised to a negative power");
      if (a < 0.0 && std::isfinite(a) && std::isfinite(b) && std::floor(b) != b)
        return complex_power_value(ts, {a, 0.0}, {b, 0.0});  // a complex result, as float_pow
      errno = 0;
      double r = std::pow(a, b);
      // An infinite result from finite operands is overflow; inf from inf operands is the correct answer.
      if (std::isinf(r) && std::isfinite(a) && std::isfinite(b)) return float_overflow(ts);
      return make_float(ts, r);
    }
    default: return NotImplemented();
  }
}

#define FLOAT_BINARY(op) [](ThreadState& ts, Value a, Value b) { return float_binary(ts, a, b, op); }

// divmod(x, y) is (x // y, x % y) computed by float_divmod once each; both come from the same float_divmod helper
// (compiler/float_ops), so they agree with the operators and with constant folding.
Value float_divmod_slot(ThreadState& ts, Value a, Value b) {
  double x, y;
  int ra = float_operand(ts, a, &x);
  if (ra <= 0) return ra < 0 ? Value() : NotImplemented();
  int rb = float_operand(ts, b, &y);
  if (rb <= 0) return rb < 0 ? Value() : NotImplemented();
  if (y == 0.0) return raise(ts, ZeroDivisionError_type, "float divmod()");  // its own wording, not //'s or %'s
  Value q = float_binary(ts, a, b, kOpFloorDiv);
  if (!q || q == NotImplemented()) return q;
  Value r = float_binary(ts, a, b, kOpMod);
  if (!r) return r;
  Value items[2] = {q, r};
  return Value(minipy::make_tuple(ts, items));
}

// -1, 0, 1 comparing a finite double with an int exactly.
// Converting a large int to double would round (2**53 + 1 == 2.0**53 would be true); CPython's float_richcompare
// compares exactly, so a big int is compared with the double's integral part as a big int, and the fraction breaks a
// tie.
int compare_double_int(double d, Value i) {
  int64_t small;
  if (int_to_int64(i, &small) && small < (int64_t{1} << 53) && small > -(int64_t{1} << 53)) {
    double x = static_cast<double>(small);
    return (d > x) - (d < x);
  }
  BigInt big = to_bigint(i);
  double t = std::trunc(d);
  int c = compare(BigInt::from_double(t), big);
  if (c != 0) return c;
  double frac = d - t;
  return (frac > 0) - (frac < 0);
}

Value float_richcompare(ThreadState&, Value left, Value right, int op) {
  if (!is_float(left)) return NotImplemented();
  double a = float_value(left);
  int c;
  if (is_float(right)) {
    double b = float_value(right);
    switch (op) {
      case kLt: return Bool(a < b);
      case kLe: return Bool(a <= b);
      case kEq: return Bool(a == b);
      case kNe: return Bool(a != b);
      case kGt: return Bool(a > b);
      default: return Bool(a >= b);
    }
  } else if (is_int(right)) {
    // NaN is unordered: every comparison is false except !=.
    if (std::isnan(a)) return Bool(op == kNe);
    if (std::isinf(a)) c = a > 0 ? 1 : -1;
    else c = compare_double_int(a, right);
  } else {
    return NotImplemented();
  }
  return Bool(comparison_holds(c, op));
}

// CPython's _Py_HashDouble (NaN hashes by identity there; minipy uses 0 like 3.9, harmless for equality).
int64_t hash_double(double v) { return std::isnan(v) ? 0 : float_hash(v); }

bool float_hash_slot(ThreadState&, Value v, int64_t* out) {
  *out = hash_double(float_value(v));
  return true;
}

// repr(float) is the shortest string that reads back to the same double (David Gay's algorithm, "r" mode), the same
// code the compiler uses for constants, so a value prints the same whether folded or computed.
Value float_repr_slot(ThreadState& ts, Value v) {
  std::string s = float_repr(float_value(v));
  return make_str_known(ts, s, static_cast<int64_t>(s.size()), true);
}

Value float_negative(ThreadState& ts, Value v) { return make_float(ts, -float_value(v)); }
Value float_positive(ThreadState& ts, Value v) { return make_float(ts, float_value(v)); }
Value float_absolute(ThreadState& ts, Value v) { return make_float(ts, std::fabs(float_value(v))); }
int float_truth(ThreadState&, Value v) { return float_value(v) != 0.0; }
Value float_to_float(ThreadState& ts, Value v) {
  return is_exact_float(v) ? v : make_float(ts, float_value(v));
}
// int(x) does the truncation and raises the inf/NaN errors; going through int's constructor keeps one copy of those
// messages.
Value float_to_int(ThreadState& ts, Value v) {
  Value args[1] = {v};
  return call(ts, Value(&int_type), args);
}

Value exact_float_new(ThreadState& ts, std::span<const Value> args, TupleObject* kwnames) {
  if (!no_keywords(ts, "float", kwnames)) return Value();
  if (args.size() > 1) return raise_fmt(ts, TypeError_type, "float expected at most 1 argument, got {}", args.size());
  if (args.empty()) return make_float(ts, 0.0);
  Value x = args[0];
  if (is_exact_float(x)) return x;
  Type* xt = type_of(x);
  // PyNumber_Float's order: an exact float is returned as is; a class defining __float__ (even a float or int subclass)
  // is asked first; then str, ints and floats; then __index__ through the slot; then bytes-like objects parsed as text.
  if ((xt->flags & kTypeHeap) && xt->to_float && xt->to_float != float_type.to_float &&
      xt->to_float != int_type.to_float)
    return xt->to_float(ts, x);  // a __float__ override on an int or float subclass
  if (is_str(x)) {
    auto r = text::parse_float(as_str(x)->view());
    if (!r.ok()) return raise_text_error(ts, r.error());
    return make_float(ts, r.value());
  }
  double d;
  bool is_number;
  if (to_double(ts, x, &d, &is_number)) return make_float(ts, d);
  if (is_number) return Value();
  Type* t = type_of(x);
  if (t->to_float) return t->to_float(ts, x);
  if (x.is_object() && (is_subtype(t, &bytes_type) || is_bytearray(x))) return parse_number_from_bytes(ts, x, -1);
  if (has_buffer(x)) return parse_number_from_buffer(ts, x, -1);
  return raise_fmt(ts, TypeError_type, "float() argument must be a string or a real number, not '{}'", type_name(x));
}

Value float_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  Value r = exact_float_new(ts, args, kwnames);
  return !r || type == &float_type ? r : make_subtype_instance(ts, type, r);
}

Value float_is_integer(ThreadState&, Value self, std::span<const Value>, TupleObject*) {
  double d = float_value(self);
  return Bool(std::isfinite(d) && std::floor(d) == d);
}
Value float_conjugate(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  return float_to_float(ts, self);
}
Value float_imag(ThreadState& ts, Value, std::span<const Value>, TupleObject*) { return make_float(ts, 0.0); }
// The exact ratio: frexp's mantissa lies in [0.5, 1) with at most 53 significant bits, so doubling it until it is
// integral takes at most 53 steps and leaves it odd; the binary exponent then goes into the numerator or into a
// power-of-two denominator, so the fraction is in lowest terms, as float.as_integer_ratio promises.
Value float_as_integer_ratio(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  double d = float_value(self);
  if (std::isinf(d)) return raise(ts, OverflowError_type, "cannot convert Infinity to integer ratio");
  if (std::isnan(d)) return raise(ts, ValueError_type, "cannot convert NaN to integer ratio");
  int e;
  double m = std::frexp(d, &e);
  for (int i = 0; i < 300 && m != std::floor(m); i++) {
    m *= 2.0;
    e--;
  }
  BigInt num = BigInt::from_double(m), den(1);
  if (e > 0) num = num.shifted_left(static_cast<uint64_t>(e));
  else den = den.shifted_left(static_cast<uint64_t>(-e));
  Value items[2] = {make_int(ts, num), make_int(ts, den)};
  return Value(minipy::make_tuple(ts, items));
}

const MethodDef float_methods[] = {
    {"is_integer", float_is_integer},
    {"conjugate", float_conjugate},
    {"as_integer_ratio", float_as_integer_ratio},
};

}  // namespace

// Most doubles travel unboxed inside a Value (flonum encoding, vm/value.h); this is the fallback for values the
// encoding cannot hold, so callers use make_float, which chooses.
Value make_float_boxed(ThreadState& ts, double v) {
  auto* f = ts.alloc<FloatObject>(&float_type);
  f->value = v;
  return Value(f);
}

bool is_float(Value v) {
  return v.is_flonum() || (v.is_object() && (v.as_object()->type->flags & kTypeFloatSubclass));
}

// An int too large for a double is an OverflowError ("int too large to convert to float", PyLong_AsDouble's message),
// not infinity.
bool to_double(ThreadState& ts, Value v, double* out, bool* is_number) {
  *is_number = true;
  if (v.is_small_int()) {
    *out = static_cast<double>(v.as_small_int());
    return true;
  }
  if (is_float(v)) {
    *out = float_value(v);
    return true;
  }
  if (is_int(v)) {
    int64_t small;
    if (int_to_int64(v, &small)) {
      *out = static_cast<double>(small);
      return true;
    }
    auto d = to_bigint(v).to_double();
    if (!d) {
      raise(ts, OverflowError_type, "int too large to convert to float");
      return false;
    }
    *out = *d;
    return true;
  }
  *is_number = false;
  return false;
}

void init_float_type(ThreadState& ts) {
  Type& t = float_type;
  t.binary[kOpAdd] = FLOAT_BINARY(kOpAdd);
  t.binary[kOpSub] = FLOAT_BINARY(kOpSub);
  t.binary[kOpMul] = FLOAT_BINARY(kOpMul);
  t.binary[kOpTrueDiv] = FLOAT_BINARY(kOpTrueDiv);
  t.binary[kOpFloorDiv] = FLOAT_BINARY(kOpFloorDiv);
  t.binary[kOpMod] = FLOAT_BINARY(kOpMod);
  t.binary[kOpPow] = FLOAT_BINARY(kOpPow);
  t.divmod = float_divmod_slot;
  // float_pow refuses a modulus before looking at the operands.
  t.power3 = [](ThreadState& ts, Value, Value, Value) {
    return raise(ts, TypeError_type, "pow() 3rd argument not allowed unless all arguments are integers");
  };
  t.richcompare = float_richcompare;
  t.hash = float_hash_slot;
  t.repr = float_repr_slot;
  t.str = float_repr_slot;
  t.negative = float_negative;
  t.positive = float_positive;
  t.absolute = float_absolute;
  t.truth = float_truth;
  t.to_float = float_to_float;
  t.to_int = float_to_int;
  t.new_instance = float_new;
  add_methods(ts, t, float_methods);
  add_getset(ts, t, "real", float_conjugate);
  add_getset(ts, t, "imag", float_imag);
}

}  // namespace minipy
