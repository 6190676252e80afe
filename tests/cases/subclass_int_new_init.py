# int subclasses overriding __new__ and __init__; errors from bad arguments.
class Doubled(int):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)

class Clamped(int):
    def __new__(cls, v, lo=0, hi=10):
        return int.__new__(cls, max(lo, min(hi, v)))

class Tagged(int):
    def __new__(cls, value, tag="none"):
        return super().__new__(cls, value)
    def __init__(self, value, tag="none"):
        self.tag = tag

class OnlyInit(int):
    def __init__(self, value, tag="none"):
        self.tag = tag

class Counted(int):
    made = 0
    def __new__(cls, *args):
        cls.made += 1
        return super().__new__(cls, *args)

print(Doubled(5), type(Doubled(5)).__name__, Doubled(5) + 0)
print(Clamped(50), Clamped(-5), Clamped(5, 6), Clamped(99, hi=20))
t = Tagged(7, tag="seven")
print(t, t.tag, Tagged(3).tag, t * 2)
print(Counted(1), Counted("12"), Counted("z", 36), Counted.made)

class Sub(Doubled):
    pass
print(Sub(4), type(Sub(4)).__name__, isinstance(Sub(4), Doubled), Sub.__mro__)

for make in (lambda: int.__new__(Tagged, "x"), lambda: Tagged("12", "a"), lambda: Doubled(), lambda: Tagged(1, 2, 3),
             lambda: int.__new__(Tagged, 1, 2, 3), lambda: Tagged([1]), lambda: int.__new__(Tagged, "9", 99),
             lambda: Tagged(None), lambda: OnlyInit(7, tag="x"), lambda: OnlyInit("7", 8), lambda: OnlyInit(7, "x"),
             lambda: int(5, base=10), lambda: int("5", bas=10), lambda: OnlyInit("11", 2)):
    try:
        r = make()
        print("ok", r, type(r).__name__)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

try:
    (5).attr = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    int.bit_length = None
except TypeError as e:
    print("TypeError:", e)
