// The native `cmath` module: CPython 3.11's cmathmodule.c written again — the same algorithms (so results agree
// to the last bit on the same libm), the same special-value tables for infinite and NaN parts (probed from
// python3.11 into cmath_tables.inc by gen/gen_cmath_tables.py), and the same errors: ValueError("math domain
// error") where C sets EDOM, OverflowError("math range error") for ERANGE. Nothing is left out.
#include <cfloat>
#include <cmath>

#include "vm/objects/complex.h"

namespace minipy {

namespace {

constexpr double kInf = HUGE_VAL;
constexpr double kNaN = __builtin_nan("");
constexpr double kPi = 3.14159265358979323846;
constexpr double kE = 2.7182818284590452354;
constexpr double kLn2 = 0.6931471805599453094;
constexpr double kLn10 = 2.302585092994045684;
// Thresholds of cmathmodule.c: beyond them the direct formulas could overflow, so scaled ones are used.
const double kLargeDouble = DBL_MAX / 4.0;
const double kSqrtLargeDouble = std::sqrt(kLargeDouble);
const double kLogLargeDouble = std::log(kLargeDouble);
const double kSqrtDblMin = std::sqrt(DBL_MIN);
constexpr int kScaleUp = 2 * (DBL_MANT_DIG / 2) + 1;
constexpr int kScaleDown = -(kScaleUp + 1) / 2;

#include "stdlib/native/cmath_tables.inc"

// What C's errno would hold after a computation: the wrappers turn it into an exception.
enum class MathError { kNone, kDomain, kRange };

// The row/column of a double in the special-value tables (CPython's special_type).
// The seven classes of cmathmodule.c (-inf, negative finite, -0, +0, positive finite, +inf, nan) index the
// special-value tables, which encode C99 Annex G's answers for every combination of non-finite parts.
int special_type(double d) {
  if (std::isfinite(d)) {
    if (d != 0) return std::signbit(d) ? 1 : 4;
    return std::signbit(d) ? 2 : 3;
  }
  if (std::isnan(d)) return 6;
  return std::signbit(d) ? 0 : 5;
}

bool is_special(ComplexValue z) { return !std::isfinite(z.real) || !std::isfinite(z.imag); }
ComplexValue table_value(const ComplexValue (&table)[7][7], ComplexValue z) {
  return table[special_type(z.real)][special_type(z.imag)];
}
ComplexValue negate(ComplexValue z) { return {-z.real, -z.imag}; }

// The /8 scaling and the s/d split are cmath_sqrt_impl's: it keeps hypot from overflowing near DBL_MAX and takes the
// square root of the larger part first, so neither part loses precision to cancellation.
ComplexValue c_sqrt(ComplexValue z, MathError*) {
  if (is_special(z)) return table_value(kSqrtSpecialValues, z);
  if (z.real == 0.0 && z.imag == 0.0) return {0.0, z.imag};
  double ax = std::fabs(z.real), ay = std::fabs(z.imag), s;
  if (ax < DBL_MIN && ay < DBL_MIN) {
    // hypot(ax, ay) would be subnormal: scale up first.
    ax = std::ldexp(ax, kScaleUp);
    s = std::ldexp(std::sqrt(ax + std::hypot(ax, std::ldexp(ay, kScaleUp))), kScaleDown);
  } else {
    ax /= 8.0;
    s = 2.0 * std::sqrt(ax + std::hypot(ax, ay / 8.0));
  }
  double d = ay / (2.0 * s);
  if (z.real >= 0.0) return {s, std::copysign(d, z.imag)};
  return {d, std::copysign(s, z.imag)};
}

ComplexValue c_acos(ComplexValue z, MathError* error) {
  if (is_special(z)) return table_value(kAcosSpecialValues, z);
  if (std::fabs(z.real) > kLargeDouble || std::fabs(z.imag) > kLargeDouble) {
    // Avoid the overflow of 1 - z*z: acos(z) ~ -i log(2z) there.
    double real = std::atan2(std::fabs(z.imag), z.real);
    double imag = z.real < 0 ? -std::copysign(std::log(std::hypot(z.real / 2.0, z.imag / 2.0)) + kLn2 * 2.0, z.imag)
                             : std::copysign(std::log(std::hypot(z.real / 2.0, z.imag / 2.0)) + kLn2 * 2.0, -z.imag);
    return {real, imag};
  }
  // Kahan's formulas ("Branch cuts for complex elementary functions", which cmathmodule.c cites): expressing acos
  // through two square roots puts the branch cuts where Python documents them, with the sign of zero deciding the side.
  ComplexValue s1 = c_sqrt({1.0 - z.real, -z.imag}, error);
  ComplexValue s2 = c_sqrt({1.0 + z.real, z.imag}, error);
  return {2.0 * std::atan2(s1.real, s2.real), std::asinh(s2.real * s1.imag - s2.imag * s1.real)};
}

ComplexValue c_acosh(ComplexValue z, MathError* error) {
  if (is_special(z)) return table_value(kAcoshSpecialValues, z);
  if (std::fabs(z.real) > kLargeDouble || std::fabs(z.imag) > kLargeDouble)
    return {std::log(std::hypot(z.real / 2.0, z.imag / 2.0)) + kLn2 * 2.0, std::atan2(z.imag, z.real)};
  ComplexValue s1 = c_sqrt({z.real - 1.0, z.imag}, error);
  ComplexValue s2 = c_sqrt({z.real + 1.0, z.imag}, error);
  return {std::asinh(s1.real * s2.real + s1.imag * s2.imag), 2.0 * std::atan2(s1.imag, s2.real)};
}

ComplexValue c_asinh(ComplexValue z, MathError* error) {
  if (is_special(z)) return table_value(kAsinhSpecialValues, z);
  if (std::fabs(z.real) > kLargeDouble || std::fabs(z.imag) > kLargeDouble) {
    double big = std::log(std::hypot(z.real / 2.0, z.imag / 2.0)) + kLn2 * 2.0;
    double real = z.imag >= 0.0 ? std::copysign(big, z.real) : -std::copysign(big, -z.real);
    return {real, std::atan2(z.imag, std::fabs(z.real))};
  }
  ComplexValue s1 = c_sqrt({1.0 + z.imag, -z.real}, error);
  ComplexValue s2 = c_sqrt({1.0 - z.imag, z.real}, error);
  return {std::asinh(s1.real * s2.imag - s2.real * s1.imag),
          std::atan2(z.imag, s1.real * s2.real - s1.imag * s2.imag)};
}

// asin(z) = -i asinh(iz)
ComplexValue c_asin(ComplexValue z, MathError* error) {
  ComplexValue s = c_asinh({-z.imag, z.real}, error);
  return {s.imag, -s.real};
}

ComplexValue c_atanh(ComplexValue z, MathError* error) {
  if (is_special(z)) return table_value(kAtanhSpecialValues, z);
  // atanh is odd: reduce to a non-negative real part.
  if (z.real < 0.0) return negate(c_atanh(negate(z), error));
  double ay = std::fabs(z.imag);
  if (z.real > kSqrtLargeDouble || ay > kSqrtLargeDouble) {
    double h = std::hypot(z.real / 2.0, z.imag / 2.0);
    return {z.real / 4.0 / h / h, -std::copysign(kPi / 2.0, -z.imag)};
  }
  // atanh(1 ± tiny i): the general formula would divide by an underflowed square; the pole at exactly 1 is a domain
  // error (ValueError), as cmath reports it.
  if (z.real == 1.0 && ay < kSqrtDblMin) {
    if (ay == 0.0) {
      *error = MathError::kDomain;
      return {kInf, z.imag};
    }
    return {-std::log(std::sqrt(ay) / std::sqrt(std::hypot(ay, 2.0))),
            std::copysign(std::atan2(2.0, -ay) / 2.0, z.imag)};
  }
  return {std::log1p(4.0 * z.real / ((1 - z.real) * (1 - z.real) + ay * ay)) / 4.0,
          -std::atan2(-2.0 * z.imag, (1 - z.real) * (1 + z.real) - ay * ay) / 2.0};
}

// atan(z) = -i atanh(iz)
ComplexValue c_atan(ComplexValue z, MathError* error) {
  ComplexValue s = c_atanh({-z.imag, z.real}, error);
  return {s.imag, -s.real};
}

// cosh, sinh and exp share their handling of an infinite real part beside a finite non-zero imaginary one:
// the signs of the infinities (or zeros) come from cos and sin of the imaginary part.
bool infinite_real_finite_imag(ComplexValue z) {
  return std::isinf(z.real) && std::isfinite(z.imag) && z.imag != 0.0;
}
MathError overflow_check(ComplexValue r) {
  return std::isinf(r.real) || std::isinf(r.imag) ? MathError::kRange : MathError::kNone;
}

ComplexValue c_cosh(ComplexValue z, MathError* error) {
  if (is_special(z)) {
    ComplexValue r;
    if (infinite_real_finite_imag(z)) {
      r.real = std::copysign(kInf, std::cos(z.imag));
      r.imag = z.real > 0 ? std::copysign(kInf, std::sin(z.imag)) : -std::copysign(kInf, std::sin(z.imag));
    } else {
      r = table_value(kCoshSpecialValues, z);
    }
    if (std::isinf(z.imag) && !std::isnan(z.real)) *error = MathError::kDomain;
    return r;
  }
  ComplexValue r;
  if (std::fabs(z.real) > kLogLargeDouble) {
    // cosh(x) alone would overflow where cosh(z) need not.
    double x_minus_one = z.real - std::copysign(1.0, z.real);
    r = {std::cos(z.imag) * std::cosh(x_minus_one) * kE, std::sin(z.imag) * std::sinh(x_minus_one) * kE};
  } else {
    r = {std::cos(z.imag) * std::cosh(z.real), std::sin(z.imag) * std::sinh(z.real)};
  }
  *error = overflow_check(r);
  return r;
}

ComplexValue c_sinh(ComplexValue z, MathError* error) {
  if (is_special(z)) {
    ComplexValue r;
    if (infinite_real_finite_imag(z)) {
      r.real = z.real > 0 ? std::copysign(kInf, std::cos(z.imag)) : -std::copysign(kInf, std::cos(z.imag));
      r.imag = std::copysign(kInf, std::sin(z.imag));
    } else {
      r = table_value(kSinhSpecialValues, z);
    }
    if (std::isinf(z.imag) && !std::isnan(z.real)) *error = MathError::kDomain;
    return r;
  }
  ComplexValue r;
  if (std::fabs(z.real) > kLogLargeDouble) {
    double x_minus_one = z.real - std::copysign(1.0, z.real);
    r = {std::cos(z.imag) * std::sinh(x_minus_one) * kE, std::sin(z.imag) * std::cosh(x_minus_one) * kE};
  } else {
    r = {std::cos(z.imag) * std::sinh(z.real), std::sin(z.imag) * std::cosh(z.real)};
  }
  *error = overflow_check(r);
  return r;
}

ComplexValue c_tanh(ComplexValue z, MathError* error) {
  if (is_special(z)) {
    ComplexValue r;
    if (infinite_real_finite_imag(z)) {
      r = {z.real > 0 ? 1.0 : -1.0, std::copysign(0.0, 2.0 * std::sin(z.imag) * std::cos(z.imag))};
    } else {
      r = table_value(kTanhSpecialValues, z);
    }
    if (std::isinf(z.imag) && std::isfinite(z.real)) *error = MathError::kDomain;
    return r;
  }
  if (std::fabs(z.real) > kLogLargeDouble) {
    // 2*z.real would overflow below.
    return {std::copysign(1.0, z.real), 4.0 * std::sin(z.imag) * std::cos(z.imag) * std::exp(-2.0 * std::fabs(z.real))};
  }
  double tx = std::tanh(z.real), ty = std::tan(z.imag), cx = 1.0 / std::cosh(z.real), txty = tx * ty;
  double denom = 1.0 + txty * txty;
  return {tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx};
}

// cos(z) = cosh(iz), sin(z) = -i sinh(iz), tan(z) = -i tanh(iz)
ComplexValue c_cos(ComplexValue z, MathError* error) { return c_cosh({-z.imag, z.real}, error); }
ComplexValue c_sin(ComplexValue z, MathError* error) {
  ComplexValue s = c_sinh({-z.imag, z.real}, error);
  return {s.imag, -s.real};
}
ComplexValue c_tan(ComplexValue z, MathError* error) {
  ComplexValue s = c_tanh({-z.imag, z.real}, error);
  return {s.imag, -s.real};
}

ComplexValue c_exp(ComplexValue z, MathError* error) {
  if (is_special(z)) {
    ComplexValue r;
    if (infinite_real_finite_imag(z)) {
      double magnitude = z.real > 0 ? kInf : 0.0;
      r = {std::copysign(magnitude, std::cos(z.imag)), std::copysign(magnitude, std::sin(z.imag))};
    } else {
      r = table_value(kExpSpecialValues, z);
    }
    if (std::isinf(z.imag) && (std::isfinite(z.real) || (std::isinf(z.real) && z.real > 0)))
      *error = MathError::kDomain;
    return r;
  }
  ComplexValue r;
  if (z.real > kLogLargeDouble) {
    double l = std::exp(z.real - 1.0);
    r = {l * std::cos(z.imag) * kE, l * std::sin(z.imag) * kE};
  } else {
    double l = std::exp(z.real);
    r = {l * std::cos(z.imag), l * std::sin(z.imag)};
  }
  *error = overflow_check(r);
  return r;
}

ComplexValue c_log(ComplexValue z, MathError* error) {
  if (is_special(z)) return table_value(kLogSpecialValues, z);
  double ax = std::fabs(z.real), ay = std::fabs(z.imag), real;
  if (ax > kLargeDouble || ay > kLargeDouble) {
    real = std::log(std::hypot(ax / 2.0, ay / 2.0)) + kLn2;
  } else if (ax < DBL_MIN && ay < DBL_MIN) {
    if (ax == 0.0 && ay == 0.0) {
      *error = MathError::kDomain;
      return {-kInf, std::atan2(z.imag, z.real)};
    }
    // hypot(ax, ay) would be subnormal.
    real = std::log(std::hypot(std::ldexp(ax, DBL_MANT_DIG), std::ldexp(ay, DBL_MANT_DIG))) - DBL_MANT_DIG * kLn2;
  } else {
    double h = std::hypot(ax, ay);
    if (0.71 <= h && h <= 1.73) {
      // Near the unit circle log(h) loses precision: log1p of (h*h - 1) computed exactly-ish.
      double am = ax > ay ? ax : ay, an = ax > ay ? ay : ax;
      real = std::log1p((am - 1) * (am + 1) + an * an) / 2.0;
    } else {
      real = std::log(h);
    }
  }
  return {real, std::atan2(z.imag, z.real)};
}

ComplexValue c_log10(ComplexValue z, MathError* error) {
  ComplexValue r = c_log(z, error);
  return {r.real / kLn10, r.imag / kLn10};
}

// ---- arguments and results -------------------------------------------------------------------------------------

Value math_error(ThreadState& ts, MathError error) {
  if (error == MathError::kDomain) return raise(ts, ValueError_type, "math domain error");
  return raise(ts, OverflowError_type, "math range error");
}

// PyFloat_AsDouble: a float, an int, or anything with __float__ or __index__.
bool real_arg(ThreadState& ts, Value v, double* out) {
  bool is_number;
  if (to_double(ts, v, out, &is_number)) return true;
  if (is_number) return false;
  Type* t = type_of(v);
  if (!t->to_float && !t->index) {
    raise_fmt(ts, TypeError_type, "must be real number, not {}", type_name(v));
    return false;
  }
  Value f = t->to_float ? call(ts, Value(&float_type), std::span<const Value>(&v, 1)) : number_index(ts, v);
  return f && to_double(ts, f, out, &is_number);
}

// PyComplex_AsCComplex: a complex, anything with __complex__, else a real number.
bool complex_arg(ThreadState& ts, Value v, ComplexValue* out) {
  if (is_complex(v)) {
    *out = complex_value(v);
    return true;
  }
  if (Value method = type_lookup(type_of(v), intern(ts, "__complex__"))) {
    Value c = call(ts, method, std::span<const Value>(&v, 1));
    if (!c) return false;
    if (!is_complex(c)) {
      raise_fmt(ts, TypeError_type, "__complex__ returned non-complex (type {})", type_name(c));
      return false;
    }
    *out = complex_value(c);
    return true;
  }
  *out = {0.0, 0.0};
  return real_arg(ts, v, &out->real);
}

using ComplexFunction = ComplexValue (*)(ComplexValue, MathError*);

// The one-argument functions (METH_O in CPython: positional only, "cmath.NAME() takes exactly one argument").
template <ComplexFunction fn, const char* kQualifiedName>
Value one_arg(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  if (kwnames && kwnames->size) return raise_fmt(ts, TypeError_type, "{}() takes no keyword arguments", kQualifiedName);
  if (args.size() != 1)
    return raise_fmt(ts, TypeError_type, "{}() takes exactly one argument ({} given)", kQualifiedName, args.size());
  ComplexValue z;
  if (!complex_arg(ts, args[0], &z)) return Value();
  MathError error = MathError::kNone;
  ComplexValue r = fn(z, &error);
  if (error != MathError::kNone) return math_error(ts, error);
  return make_complex(ts, r.real, r.imag);
}

#define CMATH_FN(name) Value name(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames)

// One complex argument, for phase/polar/isfinite/isinf/isnan.
bool single_complex(ThreadState& ts, const char* qualified_name, std::span<const Value> args, TupleObject* kwnames,
                    ComplexValue* z) {
  if (kwnames && kwnames->size) {
    raise_fmt(ts, TypeError_type, "{}() takes no keyword arguments", qualified_name);
    return false;
  }
  if (args.size() != 1) {
    raise_fmt(ts, TypeError_type, "{}() takes exactly one argument ({} given)", qualified_name, args.size());
    return false;
  }
  return complex_arg(ts, args[0], z);
}

CMATH_FN(cmath_phase) {
  ComplexValue z;
  if (!single_complex(ts, "cmath.phase", args, kwnames, &z)) return Value();
  return make_float(ts, std::atan2(z.imag, z.real));
}

CMATH_FN(cmath_polar) {
  ComplexValue z;
  if (!single_complex(ts, "cmath.polar", args, kwnames, &z)) return Value();
  double r = std::hypot(z.real, z.imag);
  if (std::isinf(r) && std::isfinite(z.real) && std::isfinite(z.imag)) return math_error(ts, MathError::kRange);
  Value items[2] = {make_float(ts, r), make_float(ts, std::atan2(z.imag, z.real))};
  return Value(make_tuple(ts, items));
}

CMATH_FN(cmath_rect) {
  if (!check_positional_args(ts, "rect", args, kwnames, 2, 2)) return Value();
  double r, phi;
  if (!real_arg(ts, args[0], &r) || !real_arg(ts, args[1], &phi)) return Value();
  ComplexValue z;
  if (!std::isfinite(r) || !std::isfinite(phi)) {
    if (std::isinf(r) && std::isfinite(phi) && phi != 0.0) {
      double sign = r > 0 ? 1.0 : -1.0;
      z = {sign * std::copysign(kInf, std::cos(phi)), sign * std::copysign(kInf, std::sin(phi))};
    } else {
      z = table_value(kRectSpecialValues, {r, phi});
    }
    if (r != 0.0 && !std::isnan(r) && std::isinf(phi)) return math_error(ts, MathError::kDomain);
  } else if (phi == 0.0) {
    z = {r, r * phi};  // keeps the sign of a zero phi
  } else {
    z = {r * std::cos(phi), r * std::sin(phi)};
  }
  return make_complex(ts, z.real, z.imag);
}

CMATH_FN(cmath_log) {
  if (!check_positional_args(ts, "log", args, kwnames, 1, 2)) return Value();
  ComplexValue x, base;
  if (!complex_arg(ts, args[0], &x)) return Value();
  MathError error = MathError::kNone;
  x = c_log(x, &error);
  if (args.size() == 2) {
    if (!complex_arg(ts, args[1], &base)) return Value();
    // As in CPython, the base's logarithm decides errno: log(0, 2) is (-inf+nanj), not an error.
    error = MathError::kNone;
    base = c_log(base, &error);
    ComplexError division = ComplexError::kNone;
    x = complex_quotient(x, base, &division);
    if (division != ComplexError::kNone) error = MathError::kDomain;
  }
  if (error != MathError::kNone) return math_error(ts, error);
  return make_complex(ts, x.real, x.imag);
}

template <bool (*predicate)(ComplexValue), const char* kQualifiedName>
CMATH_FN(classify) {
  ComplexValue z;
  if (!single_complex(ts, kQualifiedName, args, kwnames, &z)) return Value();
  return Bool(predicate(z));
}
bool both_finite(ComplexValue z) { return std::isfinite(z.real) && std::isfinite(z.imag); }
bool either_infinite(ComplexValue z) { return std::isinf(z.real) || std::isinf(z.imag); }
bool either_nan(ComplexValue z) { return std::isnan(z.real) || std::isnan(z.imag); }

// isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)
CMATH_FN(cmath_isclose) {
  size_t npos = positional_count(args, kwnames);
  if (npos > 2) return raise_fmt(ts, TypeError_type, "isclose() takes exactly 2 positional arguments ({} given)", npos);
  Value a = npos > 0 ? args[0] : Value(), b = npos > 1 ? args[1] : Value();
  double rel_tol = 1e-09, abs_tol = 0.0;
  for (int64_t k = 0; kwnames && k < kwnames->size; k++) {
    std::string_view name = as_str(kwnames->items[k])->view();
    Value v = args[npos + static_cast<size_t>(k)];
    if (name == "a" && !a) a = v;
    else if (name == "b" && !b) b = v;
    else if (name == "rel_tol" && !real_arg(ts, v, &rel_tol)) return Value();
    else if (name == "abs_tol" && !real_arg(ts, v, &abs_tol)) return Value();
    else if (name != "rel_tol" && name != "abs_tol")
      return raise_fmt(ts, TypeError_type, "'{}' is an invalid keyword argument for isclose()", name);
  }
  if (!a) return raise(ts, TypeError_type, "isclose() missing required argument 'a' (pos 1)");
  if (!b) return raise(ts, TypeError_type, "isclose() missing required argument 'b' (pos 2)");
  ComplexValue x, y;
  if (!complex_arg(ts, a, &x) || !complex_arg(ts, b, &y)) return Value();
  if (rel_tol < 0.0 || abs_tol < 0.0) return raise(ts, ValueError_type, "tolerances must be non-negative");
  if (x.real == y.real && x.imag == y.imag) return True();  // exact equality, infinities included
  if (either_infinite(x) || either_infinite(y)) return False();
  double diff = std::hypot(x.real - y.real, x.imag - y.imag);
  return Bool(diff <= rel_tol * std::hypot(y.real, y.imag) || diff <= rel_tol * std::hypot(x.real, x.imag) ||
              diff <= abs_tol);
}

#define QUALIFIED(name) constexpr char k_##name[] = "cmath." #name;
QUALIFIED(acos) QUALIFIED(acosh) QUALIFIED(asin) QUALIFIED(asinh) QUALIFIED(atan) QUALIFIED(atanh)
QUALIFIED(cos) QUALIFIED(cosh) QUALIFIED(exp) QUALIFIED(log10) QUALIFIED(sin) QUALIFIED(sinh) QUALIFIED(sqrt)
QUALIFIED(tan) QUALIFIED(tanh) QUALIFIED(isfinite) QUALIFIED(isinf) QUALIFIED(isnan)
#undef QUALIFIED

// In CPython's order (dir(cmath) lists the names sorted anyway).
const MethodDef cmath_functions[] = {
    {"acos", one_arg<c_acos, k_acos>},
    {"acosh", one_arg<c_acosh, k_acosh>},
    {"asin", one_arg<c_asin, k_asin>},
    {"asinh", one_arg<c_asinh, k_asinh>},
    {"atan", one_arg<c_atan, k_atan>},
    {"atanh", one_arg<c_atanh, k_atanh>},
    {"cos", one_arg<c_cos, k_cos>},
    {"cosh", one_arg<c_cosh, k_cosh>},
    {"exp", one_arg<c_exp, k_exp>},
    {"isclose", cmath_isclose},
    {"isfinite", classify<both_finite, k_isfinite>},
    {"isinf", classify<either_infinite, k_isinf>},
    {"isnan", classify<either_nan, k_isnan>},
    {"log", cmath_log},
    {"log10", one_arg<c_log10, k_log10>},
    {"phase", cmath_phase},
    {"polar", cmath_polar},
    {"rect", cmath_rect},
    {"sin", one_arg<c_sin, k_sin>},
    {"sinh", one_arg<c_sinh, k_sinh>},
    {"sqrt", one_arg<c_sqrt, k_sqrt>},
    {"tan", one_arg<c_tan, k_tan>},
    {"tanh", one_arg<c_tanh, k_tanh>},
};

}  // namespace

ModuleObject* create_cmath_module(ThreadState& ts) {
  ModuleObject* m = make_module(ts, "cmath");
  for (const MethodDef& def : cmath_functions)
    dict_set_str_new(ts, m->dict, intern(ts, def.name), make_native_function(ts, &def, Value(m), Value(m->name)));
  auto constant = [&](const char* name, Value v) { dict_set_str_new(ts, m->dict, intern(ts, name), v); };
  constant("pi", make_float(ts, kPi));
  constant("e", make_float(ts, kE));
  constant("tau", make_float(ts, 2 * kPi));
  constant("inf", make_float(ts, kInf));
  constant("infj", make_complex(ts, 0.0, kInf));
  constant("nan", make_float(ts, kNaN));
  constant("nanj", make_complex(ts, 0.0, kNaN));
  return m;
}

}  // namespace minipy
