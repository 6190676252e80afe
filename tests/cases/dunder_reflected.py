class A:
    def __add__(self, o):
        return "A.__add__"

    def __radd__(self, o):
        return "A.__radd__"


class B(A):
    def __radd__(self, o):
        return "B.__radd__"


class C:
    def __radd__(self, o):
        return "C.__radd__"


class D:
    def __add__(self, o):
        return NotImplemented


class E:
    def __radd__(self, o):
        return NotImplemented


print(A() + A(), A() + B(), B() + A(), A() + C(), 1 + C(), D() + C())
try:
    D() + E()
except TypeError as e:
    print("TypeError:", e)
try:
    E() + D()
except TypeError as e:
    print("TypeError:", e)


class Money:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return Money(self.v + (o.v if isinstance(o, Money) else o))

    __radd__ = __add__

    def __repr__(self):
        return f"Money({self.v})"


print(sum([Money(1), Money(2), Money(3)]), Money(1) + 5, 5 + Money(1))


