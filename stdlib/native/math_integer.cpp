// The integer functions of the native `math` module (CPython 3.11's mathmodule.c): factorial, gcd, lcm, isqrt,
// comb and perm. Results are exact, so they are computed with GMP; what must match CPython is which arguments
// are accepted (anything with __index__, never floats) and the error messages, which are CPython's.
#include <climits>

#include "stdlib/native/native_support.h"

namespace minipy {

namespace {

// __index__ of `v` as an exact BigInt.
bool index_value(ThreadState& ts, Value v, BigInt* out) {
  Value i = number_index(ts, v);
  if (!i) return false;
  *out = to_bigint(i);
  return true;
}

bool no_keywords_allowed(ThreadState& ts, const char* name, TupleObject* kwnames) {
  if (kwnames && kwnames->size) {
    raise_fmt(ts, TypeError_type, "{}() takes no keyword arguments", name);
    return false;
  }
  return true;
}

Value factorial_of(ThreadState& ts, Value arg) {
  BigInt n;
  if (!index_value(ts, arg, &n)) return Value();
  if (!n.fits_int64()) {
    if (n.sign() < 0) return raise(ts, ValueError_type, "factorial() not defined for negative values");
    return raise_fmt(ts, OverflowError_type, "factorial() argument should not exceed {}", LONG_MAX);
  }
  int64_t x = n.to_int64();
  if (x < 0) return raise(ts, ValueError_type, "factorial() not defined for negative values");
  BigInt r;
  mpz_fac_ui(r.raw(), static_cast<unsigned long>(x));
  return make_int(ts, r);
}

NATIVE_FN(math_factorial) {
  (void)self;
  if (!no_keywords_allowed(ts, "math.factorial", kwnames)) return Value();
  if (args.size() != 1)
    return raise_fmt(ts, TypeError_type, "math.factorial() takes exactly one argument ({} given)", args.size());
  return factorial_of(ts, args[0]);
}

// gcd(*integers) and lcm(*integers): every argument goes through __index__ even after the result is settled.
Value gcd_or_lcm(ThreadState& ts, std::span<const Value> args, TupleObject* kwnames, bool is_gcd) {
  if (!no_keywords_allowed(ts, is_gcd ? "math.gcd" : "math.lcm", kwnames)) return Value();
  BigInt result(is_gcd ? 0 : 1);
  for (size_t i = 0; i < args.size(); i++) {
    BigInt x;
    if (!index_value(ts, args[i], &x)) return Value();
    if (i == 0) {
      result = x.abs();
    } else if (is_gcd) {
      mpz_gcd(result.raw(), result.raw(), x.raw());
    } else {
      mpz_lcm(result.raw(), result.raw(), x.raw());
    }
  }
  return make_int(ts, result);
}

NATIVE_FN(math_gcd) { (void)self; return gcd_or_lcm(ts, args, kwnames, true); }
NATIVE_FN(math_lcm) { (void)self; return gcd_or_lcm(ts, args, kwnames, false); }

NATIVE_FN(math_isqrt) {
  (void)self;
  if (!no_keywords_allowed(ts, "math.isqrt", kwnames)) return Value();
  if (args.size() != 1)
    return raise_fmt(ts, TypeError_type, "math.isqrt() takes exactly one argument ({} given)", args.size());
  BigInt n;
  if (!index_value(ts, args[0], &n)) return Value();
  if (n.sign() < 0) return raise(ts, ValueError_type, "isqrt() argument must be nonnegative");
  BigInt r;
  mpz_sqrt(r.raw(), n.raw());
  return make_int(ts, r);
}

// The shared checks of comb and perm: both non-negative.
bool comb_perm_arguments(ThreadState& ts, Value n_arg, Value k_arg, BigInt* n, BigInt* k) {
  if (!index_value(ts, n_arg, n) || !index_value(ts, k_arg, k)) return false;
  if (n->sign() < 0) return raise(ts, ValueError_type, "n must be a non-negative integer"), false;
  if (k->sign() < 0) return raise(ts, ValueError_type, "k must be a non-negative integer"), false;
  return true;
}

// n * (n-1) * ... * (n-k+1) by binary splitting of the range, which keeps the operands balanced.
BigInt falling_product(const BigInt& n, uint64_t k) {
  if (k == 0) return BigInt(1);
  if (k == 1) return n;
  uint64_t half = k / 2;
  return falling_product(n, half) * falling_product(n - BigInt(static_cast<int64_t>(half)), k - half);
}

NATIVE_FN(math_perm) {
  (void)self;
  if (!no_keywords_allowed(ts, "math.perm", kwnames)) return Value();
  if (args.empty() || args.size() > 2) {
    const char* qualifier = args.empty() ? "at least" : "at most";
    size_t bound = args.empty() ? 1 : 2;
    return raise_fmt(ts, TypeError_type, "perm expected {} {} argument{}, got {}", qualifier, bound,
                     bound == 1 ? "" : "s", args.size());
  }
  if (args.size() == 1 || is_none(args[1])) return factorial_of(ts, args[0]);
  BigInt n, k;
  if (!comb_perm_arguments(ts, args[0], args[1], &n, &k)) return Value();
  if (compare(n, k) < 0) return Value::small_int(0);
  if (!k.fits_int64()) return raise_fmt(ts, OverflowError_type, "k must not exceed {}", LLONG_MAX);
  return make_int(ts, falling_product(n, static_cast<uint64_t>(k.to_int64())));
}

NATIVE_FN(math_comb) {
  (void)self;
  if (!no_keywords_allowed(ts, "math.comb", kwnames)) return Value();
  if (args.size() != 2)
    return raise_fmt(ts, TypeError_type, "comb expected 2 arguments, got {}", args.size());
  BigInt n, k;
  if (!comb_perm_arguments(ts, args[0], args[1], &n, &k)) return Value();
  if (compare(n, k) < 0) return Value::small_int(0);
  BigInt rest = n - k;
  const BigInt& smaller = compare(rest, k) < 0 ? rest : k;
  if (!smaller.fits_int64()) {
    if (n.fits_int64()) return Value::small_int(0);  // unreachable: k <= n fits too
    return raise_fmt(ts, OverflowError_type, "min(n - k, k) must not exceed {}", LLONG_MAX);
  }
  BigInt r;
  mpz_bin_ui(r.raw(), n.raw(), static_cast<unsigned long>(smaller.to_int64()));
  return make_int(ts, r);
}

}  // namespace

extern const MethodDef kMathIntegerFunctions[] = {
    {"factorial", math_factorial}, {"gcd", math_gcd},   {"lcm", math_lcm},
    {"isqrt", math_isqrt},         {"perm", math_perm}, {"comb", math_comb},
};
extern const size_t kMathIntegerFunctionCount = std::size(kMathIntegerFunctions);

}  // namespace minipy
