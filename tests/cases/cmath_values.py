# cmath against CPython 3.11: every function over a grid of ordinary, tiny, huge and special points (infinite
# and NaN parts included, which exercise the special-value tables), with the errors CPython raises.
import cmath

inf, nan = float('inf'), float('nan')
parts = [0.0, -0.0, 0.5, -1.0, 1.0, 2.0, -3.5, 1e-310, 1e300, -1e308, inf, -inf, nan]
points = [complex(x, y) for x in parts for y in parts]
names = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cos', 'cosh', 'exp', 'log', 'log10', 'sin', 'sinh',
         'sqrt', 'tan', 'tanh', 'polar', 'isfinite', 'isinf', 'isnan']


def show(f, *args):
    try:
        return repr(f(*args))
    except (ValueError, OverflowError) as e:
        return type(e).__name__ + ':' + str(e)


for name in names:
    f = getattr(cmath, name)
    print(name, ' '.join(show(f, z) for z in points))
# phase() is left out of the grid: CPython 3.11 reports errno left over from earlier calls for some points.
print('phase', [cmath.phase(z) for z in (1j, -1, complex(-1, -0.0), complex(inf, -inf), complex(nan, 1), 3 + 4j, -2.5)])
print('rect', ' '.join(show(cmath.rect, r, phi) for r in parts for phi in parts))
print('log base', [show(cmath.log, z, b) for z in (1j, 10, -2, 0.5 + 0.5j, 0) for b in (2, 10j, 1, 0, cmath.e, -1)])
print([cmath.sqrt(x) for x in (-1, 4, 2, -0.0, 1e-320)], cmath.sqrt(-4 + 0j), cmath.sqrt(complex(-4, -0.0)))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1, 1.1), cmath.isclose(1, 1.1, rel_tol=0.2),
      cmath.isclose(0, 1e-10, abs_tol=1e-9), cmath.isclose(inf, inf), cmath.isclose(complex(inf, 1), complex(inf, 2)),
      cmath.isclose(nan, nan), cmath.isclose(a=1, b=1j))


class Z:
    def __complex__(self):
        return 3 + 4j


class R:
    def __float__(self):
        return 0.25


class I:
    def __index__(self):
        return 3


print(cmath.sqrt(Z()), cmath.exp(R()), cmath.log(I()), cmath.phase(Z()), cmath.polar(True), cmath.rect(I(), R()))
for f in [lambda: cmath.sqrt(), lambda: cmath.sqrt(1, 2), lambda: cmath.sqrt('x'), lambda: cmath.sqrt(x=1),
          lambda: cmath.log(1, 1), lambda: cmath.log(0), lambda: cmath.log(1, 0), lambda: cmath.log(),
          lambda: cmath.log(1, 2, 3), lambda: cmath.rect(1j, 1), lambda: cmath.rect(1), lambda: cmath.polar(),
          lambda: cmath.isclose(1), lambda: cmath.isclose(1, 2, 3), lambda: cmath.isclose(1, 1, rel_tol=-1),
          lambda: cmath.isclose(1, 1, foo=2), lambda: cmath.phase('s'), lambda: cmath.exp(1000),
          lambda: cmath.polar(complex(1e308, 1e308)), lambda: cmath.isnan(None), lambda: cmath.log(1, 'x'),
          lambda: cmath.atanh(1), lambda: cmath.acos(None), lambda: cmath.cosh(800), lambda: cmath.sinh(-800 + 1j),
          lambda: cmath.exp(complex(1, inf)), lambda: cmath.tan(complex(inf, 1)), lambda: cmath.sqrt(BadZ())]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


class BadZ:
    def __complex__(self):
        return 1.5
