# float subclasses: a Money type with its own repr, plain floats from arithmetic, formatting, conversions.
class Money(float):
    def __new__(cls, amount, currency="EUR"):
        self = super().__new__(cls, round(amount, 2))
        self.currency = currency
        return self

    def __repr__(self):
        return f"Money({float(self):.2f}, {self.currency!r})"

    def __add__(self, other):
        if isinstance(other, Money) and other.currency != self.currency:
            raise ValueError("currency mismatch")
        return Money(float(self) + float(other), self.currency)

    __radd__ = __add__


m = Money(10.456)
print(m, repr(m), str(m), [m], f"{m}", f"{m:.1f}", f"{m:>10.3f}|", "%.2f %s" % (m, m), "{:e}".format(m))
print(m + 1, 1 + m, m + Money(0.5), sum([Money(1), Money(2.25)], Money(0)), type(m * 2).__name__, m * 2, m - 0.46)
print(m / 2, m // 3, m % 3, -m, abs(Money(-4)), round(m, 1), round(m), int(m), float(m), type(float(m)).__name__)
print(m == 10.46, m < 11, m > 10, hash(m) == hash(10.46), {10.46: "x"}[m], m.is_integer(), Money(3).is_integer())
try:
    m + Money(1, "USD")
except ValueError as e:
    print("ValueError:", e)
print(sorted([Money(3), 1.5, Money(2)]), max(Money(1), Money(5)), min([2.5, Money(0.1)]))


class Celsius(float):
    pass


c = Celsius("21.5")
c.note = "room"
print(c, repr(c), c.note, c.__dict__, Celsius(), Celsius(3), Celsius(" -1e3 "), Celsius("inf"), type(c).__name__)
print(isinstance(c, float), c.as_integer_ratio(), c.real, c + c, type(c + c).__name__, str(c * 2), c ** 2)
for bad in ("abc", None, [1]):
    try:
        Celsius(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    Celsius(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    (1.5).unit = "m"
except AttributeError as e:
    print("AttributeError:", e)
