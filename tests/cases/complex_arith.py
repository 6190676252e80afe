# complex arithmetic as CPython 3.11 computes it: Smith's division, ** by repeated squaring for small integral
# exponents and through polar form otherwise, mixed int/float/complex operands, hashing and equality.
values = [1j, 2 + 3j, -1.5 - 0.5j, 1e300 + 1e-300j, complex(0.0, -0.0), 3, 2.5, True]
for a in values:
    for b in values:
        print(repr(a), repr(b), a + b, a - b, a * b, end=' ')
        try:
            print(a / b)
        except ZeroDivisionError as e:
            print('ZeroDivisionError', e)

print((1 + 2j) / (3 - 4j), (1e308 + 1e308j) / (1e308 + 1e308j), 1 / (1e-320j), (1 + 2j) / 0.5)
print(1j ** 2, (1 + 1j) ** 0.5, 2 ** 1j, (1 + 2j) ** 3, (1 + 2j) ** -2, (0.5 + 0.5j) ** 200, 1j ** 101, 1j ** 100.5)
print((-8) ** (1 / 3), (-1) ** 0.5, (-2.0) ** 1.5, 2 ** -1j, (3 + 4j) ** (1 + 1j), 0j ** 0, 0j ** 2, 0j ** 0j)
print(pow(2 + 3j, 2), pow(1j, -3), (1e300 + 1e300j) ** 10, (1e200 + 0j) ** 2.5 if False else 'skip')
print(abs(3 + 4j), abs(-5j), abs(complex(1e308, 1e308)), abs(complex(float('inf'), float('nan'))), abs(complex(float('nan'), 1)))
print(-(1 + 2j), +(1 - 2j), -0j, +complex(-0.0, 0.0), (1 + 2j).conjugate(), (5j).real, (5j).imag, (2).conjugate())
print(hash(1 + 2j), hash(3 + 0j) == hash(3), hash(2.5 + 0j) == hash(2.5), hash(complex(1.5, -2.25)), hash(-1j), hash(0j))
print(1 + 1j == 1 + 1j, 1j == 1j, 2 + 0j == 2, 2 + 0j == 2.0, 1j != 1, 2 ** 70 + 0j == 2 ** 70, 2 ** 70 + 1 == complex(2 ** 70 + 1),
      1j == 'x', 1j in [1j], {1j: 'a'}[1j], {1: 'one'}.get(1 + 0j))
print(bool(0j), bool(1e-300j), bool(-0j), bool(complex(0, float('nan'))))
print(sum([1j, 2, 3.5]), sorted([3j, 1j], key=abs), max([1 + 1j, 3j], key=lambda z: z.imag))
z = 1 + 1j
z += 2
z *= 1j
z -= 1
z /= 2
z **= 2
print(z)
print((1j).__add__(1), (2j).__rmul__(3), (2j).__radd__('x'), (4j).__truediv__(2), (1j).__pow__(2), (2).__add__(1j))
