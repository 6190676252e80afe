# Binary operators whose dunder is a Python function (the interpreter runs these as frames of its own loop), and
# properties read at a site that sees several classes: results, NotImplemented, errors and tracebacks.
import sys
import traceback


class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, other):
        return V(self.x + other.x)

    def __sub__(self, other):
        if other.x == 0:
            return NotImplemented
        return V(self.x - other.x)

    def __mul__(self, other):
        return self.x * other.x * missing_name  # NameError inside the method

    def __truediv__(self, other, scale=10):
        return V(self.x * scale / other.x)

    def __floordiv__(self, *others):
        return V(self.x // others[0].x)

    def __mod__(self, other):
        yield self.x % other.x

    def __repr__(self):
        return f"V({self.x})"


a, b, zero = V(7), V(3), V(0)
print(a + b, a - b, a / b, a // b)
print(list(a % b))
print((a + b) + (b + a))
acc = V(0)
for i in range(5):
    acc += V(i)  # no __iadd__: runs __add__
print(acc)

try:
    a - zero
except TypeError as e:
    print("TypeError:", e)
try:
    a -= zero
except TypeError as e:
    print("TypeError:", e)
try:
    a * b
except NameError as e:
    print("NameError:", e)
    print([fs.name for fs in traceback.extract_tb(e.__traceback__)])


class W:
    def __init__(self, x):
        self.x = x

    def __add__(self, other):
        return W(self.x + other.x)

    def __iadd__(self, other):
        self.x += other.x * 100
        return self


w = W(1)
w += W(2)
print(w.x, (W(1) + W(2)).x)


class R:
    def __add__(self, other):
        return self + other


sys.setrecursionlimit(200)
try:
    R() + R()
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(1000)


class S:
    __add__ = staticmethod(lambda other: "static")
    __sub__ = lambda self, other: "lambda"


print(S() + S(), S() - S())


class Base:
    def __init__(self, k):
        self.k = k

    @property
    def doubled(self):
        return self.k * 2

    def read(self):
        return self.doubled  # one site, three classes


class One(Base):
    pass


class Two(Base):
    @property
    def doubled(self):
        return -self.k


class Three(Base):
    def __init__(self, k):
        super().__init__(k)
        self.__dict__["doubled"] = "instance"  # a property still wins


print([o.read() for o in (One(1), Two(2), Three(3), Base(4), One(5))])


class Many:
    def __init__(self):
        for i in range(12):
            setattr(self, f"a{i}", i)
        del self.a3
        self.a3 = "again"


m = Many()
print(sorted(vars(m).items()))
print(m.a0, m.a11, m.a3)
