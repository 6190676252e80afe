# complex's errors: ordering, //, %, divmod, conversions, the constructor and format specs, with CPython's messages.
LIST = [1, 2]
tests = [
    lambda: 1j < 2j, lambda: 1j >= 1, lambda: 1 > 1j, lambda: 1j // 2, lambda: 2 % 1j, lambda: divmod(1j, 2),
    lambda: 1j / 0, lambda: 1 / 0j, lambda: 0j ** -1, lambda: 0j ** 1j, lambda: 0j ** -2.5, lambda: pow(1j, 2, 3),
    lambda: (10 ** 400) * 1j, lambda: 1j + 10 ** 400, lambda: complex(10 ** 400), lambda: complex('1', 2),
    lambda: complex(1, '2'), lambda: complex([]), lambda: complex(1, []), lambda: complex(None), lambda: int(1j),
    lambda: float(1j), lambda: round(1j), lambda: abs(complex(1e308, 1e308)) * 0 + abs(complex(1.7e308, 1.7e308)),
    lambda: (1e200 + 1e200j) ** 2, lambda: (10 + 10j) ** 1000.5, lambda: complex(1, real=2), lambda: complex(foo=1),
    lambda: complex(1, 2, 3), lambda: format(1j, '010'), lambda: format(1j, '=10'), lambda: format(1j, 'd'),
    lambda: format(1j, '%'), lambda: format(1j, 'x'), lambda: '%d' % 1j, lambda: 1j & 1, lambda: ~1j,
    lambda: (1j).real.imag.foo, lambda: 1j.conjugate(1), lambda: complex.conjugate(1),
    lambda: LIST[1j], lambda: 'ab' * 1j, lambda: range(1j), lambda: hex(1j), lambda: math_floor(1j),
]


def math_floor(x):
    return x.__floor__()


for f in tests:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(1j < 2j)
