# math: the integer functions (factorial, comb, perm, isqrt, gcd, lcm, prod), floor/ceil/trunc through
# __floor__/__ceil__/__trunc__, and every error message of the module.
import math

print([math.factorial(n) for n in range(25)], math.factorial(100) % 10**40, math.factorial(2000).bit_length())
print(math.comb(10, 3), math.comb(50, 25), math.comb(3, 5), math.comb(10**20, 3), math.comb(70, 60), math.comb(0, 0))
print(math.perm(10, 3), math.perm(5), math.perm(5, None), math.perm(3, 5), math.perm(10**20, 2), math.perm(30, 29))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10**100 - 1), math.isqrt(True))
print(math.gcd(), math.gcd(-12), math.gcd(12, 18, -30), math.gcd(2**100, 6**50), math.gcd(0, 0))
print(math.lcm(), math.lcm(-4), math.lcm(4, 6, 10), math.lcm(0, 5), math.lcm(2**64, 3**40))
print(math.prod([]), math.prod([1, 2, 3, 4]), math.prod([2**62, 2**62]), math.prod([1.5, 2, 3]),
      math.prod(range(1, 20), start=0.5), math.prod(["ab"], start=3), math.prod([[1]], start=2))
print(math.prod([0.1, 3, 7.25, 2**70, 1e-10]), math.prod([], start="x"))


class Floored:
    def __floor__(self):
        return "floor!"

    def __ceil__(self):
        return "ceil!"

    def __trunc__(self):
        return "trunc!"


class Indexed:
    def __index__(self):
        return 7


class Floaty:
    def __float__(self):
        return 2.75


print(math.floor(Floored()), math.ceil(Floored()), math.trunc(Floored()), math.floor(True), math.ceil(-7))
print(math.floor(2**80), math.floor(-1e20), math.ceil(1e-300), math.floor(Floaty()), math.ceil(Floaty()))
print(math.factorial(Indexed()), math.gcd(Indexed(), 21), math.comb(Indexed(), 2), math.sqrt(Indexed()),
      math.sqrt(Floaty()), math.isqrt(Indexed()))

errors = [
    "math.sqrt(1, 2)", "math.sqrt()", "math.sqrt(x=1)", "math.atan2(1)", "math.pow(1)", "math.floor(1, 2)",
    "math.frexp('a')", "math.sqrt('a')", "math.isclose(1)", "math.isclose(1, 2, 3)", "math.isclose(1, 2, foo=3)",
    "math.isclose(a=1, b=2)", "math.isclose(1, a=2)", "math.log()", "math.log(1, 2, 3)", "math.ldexp(1.0, 2.0)",
    "math.gcd(1.5)", "math.gcd(1, 2.5)", "math.factorial(1.5)", "math.factorial(-1)", "math.factorial(10**30)",
    "math.factorial(-10**30)", "math.trunc('a')", "math.perm(1, 2, 3)", "math.perm()", "math.comb(1)",
    "math.comb(-1, 2)", "math.comb(5, -2)", "math.perm(-1, 2)", "math.comb(1.0, 2)", "math.prod()",
    "math.prod([1], 1)", "math.prod([1, 2], start=3, x=1)", "math.prod(5)", "math.fsum(1)", "math.fsum(['a'])",
    "math.dist([1], [1, 2])", "math.dist(1, 2)", "math.dist((1, 'a'), (2, 3))", "math.isqrt(-1)",
    "math.isqrt(1.0)", "math.hypot('a')", "math.hypot(x=1)", "math.atan2(y=1, x=2)", "math.log(x=1)", "math.perm(n=1)", "math.nextafter(1)", "math.sqrt(-1)",
    "math.exp(1000)", "math.log(0)", "math.log(-5)", "math.log(0.0)", "math.log(2, 1)", "math.log(2, 0)",
    "math.log2(-1)", "math.log10(-10**400)", "math.fmod(1, 0)", "math.fmod(float('inf'), 2)", "math.pow(0, -1)",
    "math.pow(-2, 0.5)", "math.pow(10, 400)", "math.comb(10**20, 10**19)", "math.perm(10**20, 10**19)",
    "math.lcm(1.0)", "math.ceil('x')", "math.floor(None)", "math.modf(1, 2)", "math.copysign(1)",
    "math.log(-1.5)", "math.ulp()", "math.log10(0)", "math.gamma(0)", "math.gamma(-2)", "math.gamma(200)",
    "math.gamma(float('-inf'))", "math.lgamma(-1)", "math.lgamma(0)", "math.fsum([float('inf'), -float('inf')])",
    "math.fsum([1e308, 1e308])", "math.isclose(1, 2, rel_tol=-1)", "math.isclose(1, 2, abs_tol=-1)",
    "math.ceil(float('inf'))", "math.floor(float('nan'))", "math.trunc(float('inf'))", "math.acos(2)",
    "math.acosh(0)", "math.atanh(1)", "math.asin(-1.5)", "math.cosh(1000)", "math.sinh(-1000)", "math.exp2(2000)",
    "math.expm1(1000)", "math.sqrt(float('-inf'))", "math.log1p(-1)", "math.log1p(-2)", "math.ldexp('a', 1)",
    "math.ldexp(1e308, 10**20)", "math.tan(float('inf'))", "math.cos(float('-inf'))", "math.sqrt(10**400)",
    "math.exp(10**400)", "math.remainder(1, 0)", "math.remainder(float('inf'), 1)", "math.atan2('a', 1)",
    "math.factorial()", "math.isqrt(1, 2)", "math.gcd(a=1)", "math.erf('x')",
]
for expr in errors:
    try:
        print(expr, "->", repr(eval(expr)))
    except Exception as e:
        print(expr, "!!", type(e).__name__, e)
