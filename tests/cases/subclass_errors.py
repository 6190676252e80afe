# Error paths of builtin-value subclasses: non-subclassable bases, bad constructor arguments, immutability.
import sys


def show(f):
    try:
        r = f()
        print("ok", repr(r), type(r).__name__)
    except Exception as e:
        print(type(e).__name__ + ":", e)


for base in (bool, range, slice, type(None), type(show), type(len), type(Ellipsis), type(NotImplemented)):
    show(lambda: type("X", (base,), {}))
try:
    class Flag(bool):
        pass
except TypeError as e:
    print("class statement:", e)
show(lambda: type("X", (int, str), {}))
show(lambda: type("X", (tuple, list), {}))
show(lambda: type("X", (float, set), {}))


class MyInt(int):
    pass


class MyStr(str):
    pass


class MyTuple(tuple):
    pass


class MyFloat(float):
    pass


show(lambda: MyInt("12x"))
show(lambda: MyInt("1", 1))
show(lambda: MyInt(1, 10))
show(lambda: MyInt([]))
show(lambda: MyFloat("1.2.3"))
show(lambda: MyFloat([]))
show(lambda: MyTuple(5))
show(lambda: MyTuple([1], [2]))
show(lambda: MyStr(b"x", "nope", "x", "y"))
show(lambda: int.__new__(MyStr, 5))
show(lambda: tuple.__new__(5))
show(lambda: MyInt(5) + "a")
show(lambda: MyStr("a") + 5)
show(lambda: MyTuple() + [1])
show(lambda: MyStr("abc")[10])
show(lambda: MyTuple((1,))[3])
show(lambda: MyInt(1) / 0)
show(lambda: MyFloat(1.0) / MyInt(0))
show(lambda: hash(type("U", (MyInt,), {"__eq__": lambda s, o: True})(3)))


class Immutable(MyInt):
    __slots__ = ()


def assign(obj, name):
    try:
        setattr(obj, name, 1)
        print("set", name, getattr(obj, name))
    except AttributeError as e:
        print("AttributeError:", e)


assign(Immutable(3), "x")
assign(MyInt(3), "x")
assign(5, "x")
assign("s", "upper")
assign((1,), "count")
assign(MyStr("s"), "upper")
assign(MyTuple(), "real")
show(lambda: setattr(int, "x", 1))
show(lambda: setattr(str, "upper", None))
show(lambda: delattr(MyInt(1), "missing"))
show(lambda: MyInt(1).missing)
show(lambda: vars(Immutable(1)))
show(lambda: Immutable(1).__dict__)
print(sys.getrecursionlimit() > 0)
for base in (int, bytes, tuple, str, float):
    show(lambda: type("WithSlots", (base,), {"__slots__": ("a",)}).__name__)


class FloatToInt(float):
    def __int__(self):
        return 42


print(int(FloatToInt(1.5)), int(float(FloatToInt(2.5))), FloatToInt(1.5) + 1)
