class Vec:
    def __init__(self, *c):
        self.c = c

    def __repr__(self):
        return f"Vec{self.c}"

    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(*[a + b for a, b in zip(self.c, o.c)])
        return NotImplemented

    def __sub__(self, o):
        return Vec(*[a - b for a, b in zip(self.c, o.c)])

    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vec(*[a * k for a in self.c])
        return NotImplemented

    def __rmul__(self, k):
        return self.__mul__(k)

    def __truediv__(self, k):
        return Vec(*[a / k for a in self.c])

    def __floordiv__(self, k):
        return Vec(*[a // k for a in self.c])

    def __mod__(self, k):
        return Vec(*[a % k for a in self.c])

    def __pow__(self, k):
        return Vec(*[a ** k for a in self.c])

    def __matmul__(self, o):
        return sum([a * b for a, b in zip(self.c, o.c)])

    def __and__(self, o): return "and"
    def __or__(self, o): return "or"
    def __xor__(self, o): return "xor"
    def __lshift__(self, o): return "lshift"
    def __rshift__(self, o): return "rshift"
    def __radd__(self, o): return f"radd {o}"
    def __rsub__(self, o): return f"rsub {o}"
    def __rtruediv__(self, o): return f"rtruediv {o}"
    def __neg__(self): return Vec(*[-a for a in self.c])
    def __pos__(self): return "pos"
    def __abs__(self): return "abs"
    def __invert__(self): return "invert"


v, w = Vec(1, 2), Vec(3, 4)
print(v + w, w - v, v * 3, 3 * v, v / 2, w // 2, w % 2, v ** 2, v @ w)
print(v & 1, v | 1, v ^ 1, v << 1, v >> 1)
print(1 + v, 1 - v, 1 / v)
print(-v, +v, abs(v), ~v)
try:
    v + 1
except TypeError as e:
    print("TypeError:", e)
try:
    v * "s"
except TypeError as e:
    print("TypeError:", e)
try:
    "s" - w if False else 1 % v
except TypeError as e:
    print("TypeError:", e)


class Plain:
    pass


for expr in (lambda: Plain() + 1, lambda: -Plain(), lambda: abs(Plain()), lambda: ~Plain(),
             lambda: Plain() ** 2, lambda: 2 @ Plain(), lambda: Plain() < 2):
    try:
        expr()
    except TypeError as e:
        print("TypeError:", e)
