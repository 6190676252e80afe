# Overridden dunders on int subclasses win over int's; super() and int.__op__ reach the base behaviour.
class Mod7(int):
    def __new__(cls, v):
        return super().__new__(cls, v % 7)

    def __add__(self, other):
        return Mod7(super().__add__(other))

    def __radd__(self, other):
        return Mod7(int.__add__(self, other))

    def __mul__(self, other):
        return Mod7(int(self) * int(other))

    def __sub__(self, other):
        return Mod7(int.__sub__(self, other))

    def __repr__(self):
        return f"{int(self)} (mod 7)"


a = Mod7(5)
print(a + 4, 4 + a, a * 3, a - 6, type(a + 4).__name__, a + a, sum([a, a, a], Mod7(0)))
b = a
b += 3
print(b, type(b).__name__, a // 2, type(a // 2).__name__)


class Loose(int):
    def __eq__(self, other):
        return abs(int(self) - int(other)) <= 1

    def __hash__(self):
        return 0

    def __lt__(self, other):
        return int(self) < int(other) - 1

    def __bool__(self):
        return int(self) > 100

    def __neg__(self):
        return "negated"

    def __abs__(self):
        return "absolute"

    def __index__(self):
        return 2


class Conv(int):
    def __int__(self):
        return 99

    def __float__(self):
        return 0.5


x = Loose(5)
print(x == 6, x == 7, x != 6, 6 == x, x < 6, x < 7, hash(x), {x: 1}.get(Loose(5)), len({Loose(1), Loose(2)}))
print(bool(x), bool(Loose(200)), "yes" if x else "no", not x, -x, abs(x))
print(int(x), float(x), "abcdef"[x], list(range(x)), int(Conv(3)), float(Conv(3)), Conv(3) + 1, "%d" % Conv(3))
print(int.__add__(x, 1), x + 1, int.__eq__(x, 6), int.__hash__(x) == hash(5), int.__repr__(x), int.__lt__(x, 6))


class Shifty(int):
    def __lshift__(self, n):
        return "shifted " + str(n)

    def __rshift__(self, n):
        return super().__rshift__(n) * 10

    def __pow__(self, n):
        return ("pow", int(self), n)

    def __truediv__(self, n):
        return NotImplemented


s = Shifty(16)
print(s << 2, s >> 2, s ** 2, 2 ** s)
try:
    print(s / 2)
except TypeError as e:
    print("TypeError:", e)
