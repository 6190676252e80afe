// The native `math` module: CPython 3.11's mathmodule.c. Elementary functions come from the C library (the
// same glibc CPython calls, so the same bits); gamma, lgamma, remainder, fsum and the hypot/dist norm are
// CPython's own algorithms (math_kernels.cpp); integer functions (factorial, comb, perm, isqrt, gcd, lcm) are
// exact on GMP. Errors follow CPython's rules: "math domain error" (ValueError) for invalid arguments and
// poles, "math range error" (OverflowError) for overflow. Leaves out nothing of 3.11's public API.
#include <cerrno>
#include <climits>
#include <cmath>

#include "stdlib/native/math_kernels.h"
#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"
#include "vm/text/number_format.h"
#include "vm/text/text_error.h"

namespace minipy {

using native::as_double;
using math_kernels::MathError;

namespace {

Value domain_error(ThreadState& ts) { return raise(ts, ValueError_type, "math domain error"); }
Value range_error(ThreadState& ts) { return raise(ts, OverflowError_type, "math range error"); }

// CPython's is_error: a range error whose result is small (an underflow) is not an error.
Value result_or_error(ThreadState& ts, double r, MathError error) {
  if (error == MathError::kDomain) return domain_error(ts);
  if (error == MathError::kRange && std::fabs(r) >= 1.5) return range_error(ts);
  return make_float(ts, r);
}

// METH_O's checks: "math.NAME() takes exactly one argument (N given)".
bool one_argument(ThreadState& ts, const char* name, std::span<const Value> args, TupleObject* kwnames) {
  if (kwnames && kwnames->size) {
    raise_fmt(ts, TypeError_type, "math.{}() takes no keyword arguments", name);
    return false;
  }
  if (args.size() != 1) {
    raise_fmt(ts, TypeError_type, "math.{}() takes exactly one argument ({} given)", name, args.size());
    return false;
  }
  return true;
}

// _PyArg_CheckPositional: "NAME expected 2 arguments, got N" (no keywords allowed).
bool positional_range(ThreadState& ts, const char* name, std::span<const Value> args, TupleObject* kwnames,
                      size_t min, size_t max) {
  if (kwnames && kwnames->size) {
    raise_fmt(ts, TypeError_type, "math.{}() takes no keyword arguments", name);
    return false;
  }
  size_t n = args.size();
  if (n < min || n > max) {
    size_t bound = n < min ? min : max;
    const char* qualifier = min == max ? "" : (n < min ? "at least " : "at most ");
    raise_fmt(ts, TypeError_type, "{} expected {}{} argument{}, got {}", name, qualifier, bound,
              bound == 1 ? "" : "s", n);
    return false;
  }
  return true;
}

// math_1: a C library function of one double. A nan from a non-nan argument is a domain error; an infinity
// from a finite argument is a range error when the function can overflow, else a domain error (a pole).
Value apply_unary(ThreadState& ts, const char* name, std::span<const Value> args, TupleObject* kwnames,
                  double (*fn)(double), bool can_overflow) {
  double x;
  if (!one_argument(ts, name, args, kwnames) || !as_double(ts, args[0], &x)) return Value();
  double r = fn(x);
  if (std::isnan(r) && !std::isnan(x)) return domain_error(ts);
  if (std::isinf(r) && std::isfinite(x)) return can_overflow ? range_error(ts) : domain_error(ts);
  return make_float(ts, r);
}

// math_2: two doubles; nan from non-nans is a domain error, infinity from finites a range error.
Value apply_binary(ThreadState& ts, const char* name, std::span<const Value> args, TupleObject* kwnames,
                   double (*fn)(double, double)) {
  double x, y;
  if (!positional_range(ts, name, args, kwnames, 2, 2) || !as_double(ts, args[0], &x) ||
      !as_double(ts, args[1], &y))
    return Value();
  double r = fn(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domain_error(ts);
  if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) return range_error(ts);
  return make_float(ts, r);
}

// The C library functions of one double, one row each: the Python name, the result as an expression of x,
// and whether a finite argument can overflow to an infinite result (OverflowError; otherwise an infinity from
// a finite argument is a pole, ValueError). log1p(-0.0) keeps the sign of the zero, which the C function may
// not.
#define MATH_UNARY_FUNCTIONS(X)                   \
  X(acos, std::acos(x), false)                    \
  X(acosh, std::acosh(x), false)                  \
  X(asin, std::asin(x), false)                    \
  X(asinh, std::asinh(x), false)                  \
  X(atan, std::atan(x), false)                    \
  X(atanh, std::atanh(x), false)                  \
  X(cbrt, std::cbrt(x), false)                    \
  X(cos, std::cos(x), false)                      \
  X(cosh, std::cosh(x), true)                     \
  X(exp, std::exp(x), true)                       \
  X(exp2, std::exp2(x), true)                     \
  X(expm1, std::expm1(x), true)                   \
  X(fabs, std::fabs(x), false)                    \
  X(log1p, x == 0.0 ? x : std::log1p(x), false)   \
  X(sin, std::sin(x), false)                      \
  X(sinh, std::sinh(x), true)                     \
  X(sqrt, std::sqrt(x), false)                    \
  X(tan, std::tan(x), false)                      \
  X(tanh, std::tanh(x), false)
#define UNARY(pyname, expr, can_overflow)                                                        \
  NATIVE_FN(math_##pyname) {                                                                     \
    (void)self;                                                                                  \
    return apply_unary(ts, #pyname, args, kwnames, [](double x) { return expr; }, can_overflow); \
  }
MATH_UNARY_FUNCTIONS(UNARY)
#undef UNARY

// math_1a: functions that report their own errors (the C library's erf/erfc set none that matter).
Value apply_reporting(ThreadState& ts, const char* name, std::span<const Value> args, TupleObject* kwnames,
                      math_kernels::Result (*fn)(double)) {
  double x;
  if (!one_argument(ts, name, args, kwnames) || !as_double(ts, args[0], &x)) return Value();
  math_kernels::Result r = fn(x);
  return result_or_error(ts, r.value, r.error);
}
math_kernels::Result c_erf(double x) { return {std::erf(x)}; }
math_kernels::Result c_erfc(double x) { return {std::erfc(x)}; }
NATIVE_FN(math_erf) { (void)self; return apply_reporting(ts, "erf", args, kwnames, c_erf); }
NATIVE_FN(math_erfc) { (void)self; return apply_reporting(ts, "erfc", args, kwnames, c_erfc); }
NATIVE_FN(math_gamma) { (void)self; return apply_reporting(ts, "gamma", args, kwnames, math_kernels::gamma); }
NATIVE_FN(math_lgamma) { (void)self; return apply_reporting(ts, "lgamma", args, kwnames, math_kernels::lgamma); }

double c_copysign(double x, double y) { return std::copysign(x, y); }
NATIVE_FN(math_atan2) { (void)self; return apply_binary(ts, "atan2", args, kwnames, math_kernels::atan2); }
NATIVE_FN(math_copysign) { (void)self; return apply_binary(ts, "copysign", args, kwnames, c_copysign); }
NATIVE_FN(math_remainder) {
  (void)self;
  return apply_binary(ts, "remainder", args, kwnames, math_kernels::remainder);
}

// Looks `name` up on the type of `v` (not the instance) and calls it bound to `v`, as _PyObject_LookupSpecial;
// null without an exception when the type has no such method.
Value call_special_method(ThreadState& ts, Value v, const char* name, bool* found) {
  Value method = type_lookup(type_of(v), intern(ts, name));
  *found = static_cast<bool>(method);
  if (!method) return Value();
  Type* mt = type_of(method);
  if (mt->descr_get) {
    method = mt->descr_get(ts, method, v, Value(type_of(v)));
    if (!method) return Value();
  }
  return call(ts, method, {});
}

Value int_from_double(ThreadState& ts, double d) {
  text::TextResult<BigInt> r = text::float_to_int(d);
  if (!r.ok()) return raise_text_error(ts, r.error());
  return make_int(ts, r.value());
}

// floor() and ceil(): an exact float directly; anything else through __floor__/__ceil__, then as a double.
Value floor_or_ceil(ThreadState& ts, std::span<const Value> args, TupleObject* kwnames, bool is_floor) {
  const char* name = is_floor ? "floor" : "ceil";
  if (!one_argument(ts, name, args, kwnames)) return Value();
  Value v = args[0];
  // Only an exact float takes the fast path: a float subclass may define its own __floor__/__ceil__, and an int answers
  // through int.__floor__ (itself). With no such method, whatever float() accepts is floored as a double.
  if (!is_exact_float(v)) {
    bool found;
    Value r = call_special_method(ts, v, is_floor ? "__floor__" : "__ceil__", &found);
    if (found || r) return r;
  }
  double x;
  if (!as_double(ts, v, &x)) return Value();
  return int_from_double(ts, is_floor ? std::floor(x) : std::ceil(x));
}
NATIVE_FN(math_floor) { (void)self; return floor_or_ceil(ts, args, kwnames, true); }
NATIVE_FN(math_ceil) { (void)self; return floor_or_ceil(ts, args, kwnames, false); }

NATIVE_FN(math_trunc) {
  (void)self;
  if (!one_argument(ts, "trunc", args, kwnames)) return Value();
  Value v = args[0];
  // trunc() has no double fallback, unlike floor(): without __trunc__ it is the TypeError math_trunc raises.
  if (is_exact_float(v)) return int_from_double(ts, std::trunc(float_value(v)));
  bool found;
  Value r = call_special_method(ts, v, "__trunc__", &found);
  if (!found) return raise_fmt(ts, TypeError_type, "type {} doesn't define __trunc__ method", type_name(v));
  return r;
}

NATIVE_FN(math_fsum) {
  (void)self;
  if (!one_argument(ts, "fsum", args, kwnames)) return Value();
  Value it = get_iter(ts, args[0]);
  if (!it) return Value();
  math_kernels::ExactSum sum;
  while (Value item = iter_next(ts, it)) {
    double x;
    if (!as_double(ts, item, &x)) return Value();
    if (!sum.add(x)) return raise(ts, OverflowError_type, "intermediate overflow in fsum");
  }
  // iter_next returns null both at the end and on an error; only the error stops fsum here.
  if (ts.current_exception) return Value();
  bool inf_minus_inf;
  std::optional<double> r = sum.result(&inf_minus_inf);
  if (!r) return raise(ts, ValueError_type, "-inf + inf in fsum");
  return make_float(ts, *r);
}

// hypot(*coordinates)
NATIVE_FN(math_hypot) {
  (void)self;
  if (kwnames && kwnames->size) return raise(ts, TypeError_type, "math.hypot() takes no keyword arguments");
  // vector_norm scales every coordinate by the largest one to avoid overflow and underflow in the squares, so the
  // maximum is found in this first pass; an infinity anywhere wins over a nan (hypot(inf, nan) is inf, as in CPython).
  std::vector<double> values(args.size());
  double max = 0.0;
  bool found_nan = false;
  for (size_t i = 0; i < args.size(); i++) {
    double x;
    if (!as_double(ts, args[i], &x)) return Value();
    x = std::fabs(x);
    values[i] = x;
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return make_float(ts, math_kernels::vector_norm(values, max, found_nan));
}

// A tuple's items, or the items of any iterable collected into a new tuple (kept alive in *storage).
bool as_tuple_items(ThreadState& ts, Value v, std::span<Value>* items, Value* storage) {
  if (is_tuple(v)) {
    *items = static_cast<TupleObject*>(v.as_object())->span();
    return true;
  }
  Value list = sequence_to_list(ts, v);
  if (!list) return false;
  *storage = list;
  *items = static_cast<ListObject*>(list.as_object())->span();
  return true;
}

NATIVE_FN(math_dist) {
  (void)self;
  if (!positional_range(ts, "dist", args, kwnames, 2, 2)) return Value();
  // CPython's math_dist converts non-tuples with PySequence_Tuple; p_storage and q_storage keep those converted
  // sequences alive (GC roots) while their items are read as doubles.
  std::span<Value> p, q;
  Value p_storage, q_storage;
  if (!as_tuple_items(ts, args[0], &p, &p_storage) || !as_tuple_items(ts, args[1], &q, &q_storage)) return Value();
  if (p.size() != q.size())
    return raise(ts, ValueError_type, "both points must have the same number of dimensions");
  std::vector<double> diffs(p.size());
  double max = 0.0;
  bool found_nan = false;
  for (size_t i = 0; i < p.size(); i++) {
    double px, qx;
    if (!as_double(ts, p[i], &px) || !as_double(ts, q[i], &qx)) return Value();
    double x = std::fabs(px - qx);
    diffs[i] = x;
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return make_float(ts, math_kernels::vector_norm(diffs, max, found_nan));
}

NATIVE_FN(math_pow) {
  (void)self;
  double x, y;
  if (!positional_range(ts, "pow", args, kwnames, 2, 2) || !as_double(ts, args[0], &x) ||
      !as_double(ts, args[1], &y))
    return Value();
  double r;
  if (!std::isfinite(x) || !std::isfinite(y)) {
    // IEEE special values handled directly (C99 Annex F), never an error.
    if (std::isnan(x)) {
      r = y == 0. ? 1. : x;
    } else if (std::isnan(y)) {
      r = x == 1. ? 1. : y;
    } else if (std::isinf(x)) {
      bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
      if (y > 0.) r = odd_y ? x : std::fabs(x);
      else if (y == 0.) r = 1.;
      else r = odd_y ? std::copysign(0., x) : 0.;
    } else if (std::fabs(x) == 1.0) {
      r = 1.;
    } else if (y > 0. && std::fabs(x) > 1.0) {
      r = y;
    } else if (y < 0. && std::fabs(x) < 1.0) {
      r = -y;
    } else {
      r = 0.;
    }
    return make_float(ts, r);
  }
  r = std::pow(x, y);
  if (std::isnan(r)) return domain_error(ts);            // negative ** non-integer
  if (std::isinf(r)) return x == 0. ? domain_error(ts) : range_error(ts);  // 0 ** negative, or overflow
  return make_float(ts, r);
}

NATIVE_FN(math_fmod) {
  (void)self;
  double x, y;
  if (!positional_range(ts, "fmod", args, kwnames, 2, 2) || !as_double(ts, args[0], &x) ||
      !as_double(ts, args[1], &y))
    return Value();
  // fmod(x, ±inf) is x for finite x; CPython returns it directly rather than trust the platform's fmod.
  if (std::isinf(y) && std::isfinite(x)) return make_float(ts, x);
  double r = std::fmod(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domain_error(ts);
  return make_float(ts, r);
}

NATIVE_FN(math_frexp) {
  (void)self;
  double x;
  if (!one_argument(ts, "frexp", args, kwnames) || !as_double(ts, args[0], &x)) return Value();
  int exponent = 0;
  // Zeros, infinities and nans come back unchanged with exponent 0, as CPython handles them before calling frexp (whose
  // result for them is platform-dependent).
  if (std::isfinite(x) && x != 0.0) x = std::frexp(x, &exponent);
  Value items[2] = {make_float(ts, x), make_int(ts, exponent)};
  return Value(make_tuple(ts, items));
}

NATIVE_FN(math_ldexp) {
  (void)self;
  double x;
  if (!positional_range(ts, "ldexp", args, kwnames, 2, 2) || !as_double(ts, args[0], &x)) return Value();
  if (!is_int(args[1])) return raise(ts, TypeError_type, "Expected an int as second argument to ldexp.");
  int64_t exponent;
  // CPython reads the exponent with PyLong_AsLongAndOverflow and clamps it: any huge positive exponent of a nonzero
  // finite x overflows, any huge negative one underflows to a signed zero.
  if (!int_to_int64(args[1], &exponent)) exponent = to_bigint(args[1]).sign() < 0 ? INT64_MIN : INT64_MAX;
  double r;
  if (x == 0. || !std::isfinite(x)) {
    r = x;
  } else if (exponent > INT_MAX) {
    return range_error(ts);
  } else if (exponent < INT_MIN) {
    r = std::copysign(0., x);
  } else {
    r = std::ldexp(x, static_cast<int>(exponent));
    if (std::isinf(r)) return range_error(ts);
  }
  return make_float(ts, r);
}

NATIVE_FN(math_modf) {
  (void)self;
  double x;
  if (!one_argument(ts, "modf", args, kwnames) || !as_double(ts, args[0], &x)) return Value();
  double fraction, integral;
  // Special cases handled directly (as CPython does, because platforms disagree): modf(±inf) is (±0.0, ±inf).
  if (std::isinf(x)) {
    fraction = std::copysign(0., x);
    integral = x;
  } else if (std::isnan(x)) {
    fraction = integral = x;
  } else {
    fraction = std::modf(x, &integral);
  }
  Value items[2] = {make_float(ts, fraction), make_float(ts, integral)};
  return Value(make_tuple(ts, items));
}

// The logarithm kernels with CPython's special cases (log of 0 and of negatives is a domain error).
double log_e(double x) { return std::log(x); }
double log_2(double x) { return std::log2(x); }
double log_10(double x) { return std::log10(x); }

// loghelper: ints of any size are handled here (a huge int is m * 2**e with m correctly rounded to 53 bits),
// anything else as a double.
bool log_of(ThreadState& ts, Value v, double (*fn)(double), double* out) {
  if (is_int(v)) {
    BigInt n = to_bigint(v);
    if (n.sign() <= 0) return domain_error(ts), false;
    if (std::optional<double> d = n.to_double()) {
      *out = fn(*d);
      return true;
    }
    // Too big for a double: the top 64 bits with a sticky bit for the rest, rounded once to 53 bits.
    uint64_t bits = n.bit_length();
    BigInt top = n.shifted_right(bits - 64);
    uint64_t high = 0;
    mpz_export(&high, nullptr, -1, sizeof high, 0, 0, top.raw());
    bool sticky = compare(top.shifted_left(bits - 64), n) != 0;
    double mantissa = std::ldexp(static_cast<double>(high | (sticky ? 1 : 0)), -64);
    auto exponent = static_cast<double>(bits);
    if (mantissa == 1.0) {  // rounding carried into the next binade
      mantissa = 0.5;
      exponent += 1;
    }
    *out = fn(mantissa) + fn(2.0) * exponent;
    return true;
  }
  double x;
  if (!as_double(ts, v, &x)) return false;
  if (std::isnan(x)) {
    *out = x;
    return true;
  }
  if (x <= 0.0) return domain_error(ts), false;
  *out = std::isinf(x) ? x : fn(x);
  return true;
}

NATIVE_FN(math_log) {
  (void)self;
  if (kwnames && kwnames->size) return raise(ts, TypeError_type, "log() takes no keyword arguments");
  // math.log's optional base is an Argument Clinic optional group in CPython (METH_VARARGS), which is where this
  // wording of the arity error comes from rather than _PyArg_CheckPositional's.
  if (args.empty() || args.size() > 2) return raise(ts, TypeError_type, "math.log requires 1 to 2 arguments");
  double num;
  if (!log_of(ts, args[0], log_e, &num)) return Value();
  if (args.size() == 1) return make_float(ts, num);
  double den;
  if (!log_of(ts, args[1], log_e, &den)) return Value();
  // log(x, 1) divides by log(1) == 0: CPython computes num / den with PyNumber_TrueDivide, hence a float
  // ZeroDivisionError rather than a math domain error.
  if (den == 0.0) return raise(ts, ZeroDivisionError_type, "float division by zero");
  return make_float(ts, num / den);
}

NATIVE_FN(math_log2) {
  (void)self;
  double r;
  if (!one_argument(ts, "log2", args, kwnames) || !log_of(ts, args[0], log_2, &r)) return Value();
  return make_float(ts, r);
}

NATIVE_FN(math_log10) {
  (void)self;
  double r;
  if (!one_argument(ts, "log10", args, kwnames) || !log_of(ts, args[0], log_10, &r)) return Value();
  return make_float(ts, r);
}

constexpr double kDegreesToRadians = M_PI / 180.0;
constexpr double kRadiansToDegrees = 180.0 / M_PI;

NATIVE_FN(math_degrees) {
  (void)self;
  double x;
  if (!one_argument(ts, "degrees", args, kwnames) || !as_double(ts, args[0], &x)) return Value();
  return make_float(ts, x * kRadiansToDegrees);
}

NATIVE_FN(math_radians) {
  (void)self;
  double x;
  if (!one_argument(ts, "radians", args, kwnames) || !as_double(ts, args[0], &x)) return Value();
  return make_float(ts, x * kDegreesToRadians);
}

template <bool (*Test)(double)>
Value classify(ThreadState& ts, const char* name, std::span<const Value> args, TupleObject* kwnames) {
  double x;
  if (!one_argument(ts, name, args, kwnames) || !as_double(ts, args[0], &x)) return Value();
  return Bool(Test(x));
}
bool test_finite(double x) { return std::isfinite(x); }
bool test_nan(double x) { return std::isnan(x); }
bool test_inf(double x) { return std::isinf(x); }
NATIVE_FN(math_isfinite) { (void)self; return classify<test_finite>(ts, "isfinite", args, kwnames); }
NATIVE_FN(math_isnan) { (void)self; return classify<test_nan>(ts, "isnan", args, kwnames); }
NATIVE_FN(math_isinf) { (void)self; return classify<test_inf>(ts, "isinf", args, kwnames); }

// isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0): Boost's "weak" test.
NATIVE_FN(math_isclose) {
  (void)self;
  Value v[4];
  if (!native::parse_args(ts, "isclose", args, kwnames, {"a", "b", "rel_tol", "abs_tol"}, 2, 0, v, 2))
    return Value();
  double a, b, rel_tol = 1e-09, abs_tol = 0.0;
  if (!as_double(ts, v[0], &a) || !as_double(ts, v[1], &b)) return Value();
  if (v[2] && !as_double(ts, v[2], &rel_tol)) return Value();
  if (v[3] && !as_double(ts, v[3], &abs_tol)) return Value();
  // Exact equality first catches two infinities of the same sign; after it, any infinity means "not close" (the
  // relative test would compare inf with inf).
  if (rel_tol < 0.0 || abs_tol < 0.0) return raise(ts, ValueError_type, "tolerances must be non-negative");
  if (a == b) return True();
  if (std::isinf(a) || std::isinf(b)) return False();
  double diff = std::fabs(b - a);
  return Bool(diff <= std::fabs(rel_tol * b) || diff <= std::fabs(rel_tol * a) || diff <= abs_tol);
}

NATIVE_FN(math_nextafter) {
  (void)self;
  double x, y;
  if (!positional_range(ts, "nextafter", args, kwnames, 2, 2) || !as_double(ts, args[0], &x) ||
      !as_double(ts, args[1], &y))
    return Value();
  return make_float(ts, std::nextafter(x, y));
}

NATIVE_FN(math_ulp) {
  (void)self;
  double x;
  if (!one_argument(ts, "ulp", args, kwnames) || !as_double(ts, args[0], &x)) return Value();
  if (std::isnan(x)) return make_float(ts, x);
  x = std::fabs(x);
  if (std::isinf(x)) return make_float(ts, x);
  double next = std::nextafter(x, INFINITY);
  if (std::isinf(next)) return make_float(ts, x - std::nextafter(x, -INFINITY));  // the largest float
  return make_float(ts, next - x);
}

// prod(iterable, /, *, start=1): left to right with the `*` operator (CPython's C fast paths give the same
// results as that: they only keep the running product unboxed).
NATIVE_FN(math_prod) {
  (void)self;
  Value v[2];
  if (!native::parse_args(ts, "prod", args, kwnames, {"iterable", "start"}, 1, 1, v, 1)) return Value();
  Value result = v[1] ? v[1] : Value::small_int(1);
  Value it = get_iter(ts, v[0]);
  if (!it) return Value();
  while (Value item = iter_next(ts, it)) {
    result = binary_op(ts, result, item, kOpMul);
    if (!result) return Value();
  }
  if (ts.current_exception) return Value();
  return result;
}

}  // namespace

// The integer functions live in math_integer.cpp.
extern const MethodDef kMathIntegerFunctions[];
extern const size_t kMathIntegerFunctionCount;

namespace {

const MethodDef kMathFunctions[] = {
    {"acos", math_acos},       {"acosh", math_acosh},     {"asin", math_asin},         {"asinh", math_asinh},
    {"atan", math_atan},       {"atan2", math_atan2},     {"atanh", math_atanh},       {"cbrt", math_cbrt},
    {"ceil", math_ceil},       {"copysign", math_copysign}, {"cos", math_cos},        {"cosh", math_cosh},
    {"degrees", math_degrees}, {"dist", math_dist},       {"erf", math_erf},           {"erfc", math_erfc},
    {"exp", math_exp},         {"exp2", math_exp2},       {"expm1", math_expm1},       {"fabs", math_fabs},
    {"floor", math_floor},     {"fmod", math_fmod},       {"frexp", math_frexp},       {"fsum", math_fsum},
    {"gamma", math_gamma},     {"hypot", math_hypot},     {"isclose", math_isclose},   {"isfinite", math_isfinite},
    {"isinf", math_isinf},     {"isnan", math_isnan},     {"ldexp", math_ldexp},       {"lgamma", math_lgamma},
    {"log", math_log},         {"log1p", math_log1p},     {"log10", math_log10},       {"log2", math_log2},
    {"modf", math_modf},       {"pow", math_pow},         {"radians", math_radians},   {"remainder", math_remainder},
    {"sin", math_sin},         {"sinh", math_sinh},       {"sqrt", math_sqrt},         {"tan", math_tan},
    {"tanh", math_tanh},       {"trunc", math_trunc},     {"prod", math_prod},         {"nextafter", math_nextafter},
    {"ulp", math_ulp},
};

}  // namespace

ModuleObject* create_math_module(ThreadState& ts) {
  ModuleObject* m = make_module(ts, "math");
  add_module_functions(ts, m, kMathFunctions);
  add_module_functions(ts, m, std::span<const MethodDef>(kMathIntegerFunctions, kMathIntegerFunctionCount));
  add_module_value(ts, m, "pi", make_float(ts, M_PI));
  add_module_value(ts, m, "e", make_float(ts, M_E));
  add_module_value(ts, m, "tau", make_float(ts, 2 * M_PI));
  add_module_value(ts, m, "inf", make_float(ts, INFINITY));
  add_module_value(ts, m, "nan", make_float(ts, NAN));
  return m;
}

}  // namespace minipy
