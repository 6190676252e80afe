# repr/str/format of complex numbers and complex(): literals, the string grammar, the constructor's rules.
nan, inf = float('nan'), float('inf')
for z in [1j, 2 + 3j, -0j, 0j, -1j, complex(-0.0, 0.0), complex(0.0, -0.0), complex(-0.0, -0.0), complex(nan, inf),
          complex(1, -nan), complex(-inf, -inf), 1e16j, 1e-5 + 1e22j, 123456789.125 - 0.1j, 1_000j, 0x10 * 1j, 1.5e-7j]:
    print(repr(z), str(z), f'{z}', format(z, ''))
specs = ['', '.2f', '10', '^20.3e', '+g', '.0f', 'g', '.3', ' ', '#.0f', '<30', '*>25.4g', 'E', 'F', 'n', ',.2f', '_', 'z.1f', '-', '+']
for z in [1 + 2j, 1.5 + 2j, -0j, 2j, 1e20 + 1j, complex(-0.0001, -1234567.891), complex(nan, -inf)]:
    print(repr(z), [format(z, s) for s in specs])
for s in ['1+2j', ' ( -1.5e3-infj ) ', 'j', '-J', '1_0j', '', '1+', 'j1', '1+2', '(1+2j', '1 + 2j', '__1j', '1__0j',
          'nanj', '1e5J', '1e+5-1e-5j', 'infinityj', '1.j', '.5j', '-inf', '+1.5', '3', '(3)', '()', '1e', '1e5e5j',
          '1+-2j', '1j+2', '1.2.3j', '\t1-1j\n', 'NaN+NAnj', '1+j', '1-j', 'J+1', '0x10j', '1e400j', '\x00']:
    try:
        print(repr(s), repr(complex(s)))
    except ValueError as e:
        print(repr(s), 'ValueError', e)
print(complex(), complex(1), complex(1, 2), complex(2.5, -1), complex(True, False), complex(1j, 1j), complex(1 + 2j, 3 + 4j),
      complex(real=1, imag=2), complex(imag=2), complex(1j), complex(-0.0), complex(0, -0.0), complex(2 ** 60, 1))


class D:
    def __complex__(self):
        return 5j


class F:
    def __float__(self):
        return 2.5


class I:
    def __index__(self):
        return 7


print(complex(D()), complex(F()), complex(I()), complex(F(), I()), complex(1, F()))


class C(complex):
    def __repr__(self):
        return 'C(' + super().__repr__() + ')'


c = C(1, 2)
print(c, type(c).__name__, c + 1, type(c + 1).__name__, complex(c), type(complex(c)).__name__, c == 1 + 2j, hash(c) == hash(1 + 2j))
print(complex.__new__(C, 3), (1 + 2j).__getnewargs__(), (3j).__format__(''), str(1e100j), (1j).__complex__(), type(C(1).__complex__()).__name__)
print(isinstance(1j, complex), issubclass(bool, complex), type(1j), complex.__name__, 1j.__class__.__name__, (1 + 2j).__repr__())
print(eval('1j'), eval('(1+2j)*2'), eval(repr(complex(1.5, -2))), [x * 1j for x in range(3)])
import marshal
print(marshal.loads(marshal.dumps(1 + 2j)), marshal.loads(marshal.dumps(((1 + 2j) * 3, 'x'))))
x = 2.5
print(marshal.dumps(x * 1j))
