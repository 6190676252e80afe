# math: elementary and special functions over many arguments; every result printed with repr, so a single
# differing bit shows. Arguments come from a fixed linear congruential sequence (no random module needed).
import math

state = 12345


def next_unit():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return (state >> 11) / 2**53


def sample(lo, hi, count):
    return [lo + (hi - lo) * next_unit() for _ in range(count)]


def show(name, fn, values):
    out = []
    for v in values:
        try:
            out.append(repr(fn(v)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(name, " ".join(out))


wide = sample(-50, 50, 12) + [0.0, -0.0, 1.0, -1.0, 0.5, 1e-300, 1e300, float("inf"), float("-inf"), float("nan")]
unit = sample(-1, 1, 10) + [1.0, -1.0, 1.5]
positive = sample(0, 1000, 10) + [1e-310, 5e-324, 2.0**1000, 0.0]
for name in ["sin", "cos", "tan", "sinh", "cosh", "tanh", "exp", "exp2", "expm1", "atan", "asinh", "cbrt", "fabs",
             "erf", "erfc", "gamma", "lgamma", "ceil", "floor", "trunc", "degrees", "radians", "isfinite", "isinf",
             "isnan", "ulp"]:
    show(name, getattr(math, name), wide)
for name in ["asin", "acos", "atanh", "log1p", "acosh"]:
    show(name, getattr(math, name), unit + [2.0, 10.0])
for name in ["sqrt", "log", "log2", "log10"]:
    show(name, getattr(math, name), positive + [-1.0])

# gamma and lgamma over their interesting ranges: near poles, small, large, negative non-integers
show("gamma-range", math.gamma, sample(-30, 30, 30) + [0.5, -0.5, 1e-21, -1e-21, 171.5, 172.0, -200.5, 141.3, -150.7, 23.0, 24.0, -3.0])
show("lgamma-range", math.lgamma, sample(-300, 300, 30) + [0.5, -0.5, 1e-25, 2.0, 1.0, -4.0, 1e306, 3.5e307])

pairs = list(zip(sample(-20, 20, 15), sample(-20, 20, 15)))
specials = [0.0, -0.0, 1.0, -1.0, 2.0, 0.5, float("inf"), float("-inf"), float("nan"), 3.0, -3.0]
pairs += [(a, b) for a in specials for b in specials]
for name in ["atan2", "copysign", "remainder", "fmod", "pow", "hypot", "nextafter"]:
    fn = getattr(math, name)
    show(name, lambda p: fn(*p), pairs)
show("dist", lambda p: math.dist((p[0], 1.0, -2.5), (p[1], 3.25, 7.0)), pairs)
show("isclose", lambda p: math.isclose(*p), pairs)
show("isclose-tol", lambda p: math.isclose(p[0], p[0] + p[1] * 1e-10, rel_tol=1e-11, abs_tol=1e-12), pairs)

# hypot with many coordinates, tiny and huge magnitudes
print(math.hypot(*sample(-1e-310, 1e-310, 7)), math.hypot(*sample(-1e300, 1e300, 9)), math.hypot())
print(math.hypot(3, 4), math.hypot(-7.5), math.hypot(1e308, 1e308), math.hypot(5e-324, 5e-324))
print(math.dist([1, 2, 3], [4, 5, 6]), math.dist((), ()), math.dist(iter([1.5]), [2]))

# frexp / ldexp / modf
for v in wide + [2.0**-1074, 2.0**1023 * 1.5]:
    print("frexp", repr(v), math.frexp(v), "modf", math.modf(v))
for v, e in [(1.0, 1024), (1.0, 1023), (0.75, -1075), (1.0, -1074), (-3.5, 10), (1.0, 10**30), (2.0, -10**30),
             (float("inf"), -5), (0.0, 10**40), (1.0, True)]:
    try:
        print("ldexp", v, e, repr(math.ldexp(v, e)))
    except OverflowError as e:
        print("ldexp OverflowError", e)

# fsum: exactness, ties, specials
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([1e-16, 1, 1e16]), math.fsum([]), math.fsum(iter([1, 2, 3])), math.fsum(sample(-1e20, 1e20, 200)))
print(math.fsum([2.0**53, -0.5, -2.0**-54]), math.fsum([2.0**53, 1.0, 2.0**-100]), math.fsum([-0.0]))
print(math.fsum([float("inf"), 1.0]), math.fsum([float("nan"), 1.0]), math.fsum([1e308, -1e308, 1e308]))

# logs of ints, including ones too big for a float
for n in [1, 2, 10, 2**53 + 1, 10**308, 10**309, 2**1024, 2**1024 - 1, 3**2000, 7**12345, True]:
    print("log", math.log(n), math.log2(n), math.log10(n), math.log(n, 3), math.log(n, 10**400))
print(math.log(8, 2), math.log(100, 10), math.log(2.5, 0.5), math.log(7, 7))

# constants
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
