# Conversions and bounds that CPython accepts where a narrower implementation overflows or ignores them:
# index()/find()/count() bounds clamp instead of overflowing, int() still delegates to __trunc__ (with 3.11's
# DeprecationWarning, turned into an error here so the check is visible), and a class's __doc__ is read from
# its namespace on every access (dataclasses assigns it after the class is made).
import array
import collections
import dataclasses
import warnings

big = 10**30
checks = [
    ("list.index", lambda: [1, 2, 3].index(3, -big, big)),
    ("tuple.index", lambda: (1, 2, 3).index(2, -big)),
    ("str.find", lambda: "abc".find("c", -big, big)),
    ("str.count", lambda: "abcabc".count("a", -big)),
    ("bytes.find", lambda: b"abc".find(b"b", 0, big)),
    ("bytearray.rfind", lambda: bytearray(b"abcb").rfind(b"b", -big, big)),
    ("deque.index", lambda: collections.deque("abc").index("c", -big, big)),
    ("array.index", lambda: array.array("i", [5, 6]).index(6, -big, big)),
    ("list.index bad", lambda: [1].index(1, "a")),
    ("tuple.index None", lambda: (1,).index(1, None)),
    ("str.find bad", lambda: "a".find("a", "x")),
    ("str.find None", lambda: "ab".find("b", None, None)),
    ("deque.index bad", lambda: collections.deque([1]).index(1, 1.5)),
    ("array.index bad", lambda: array.array("b", [1]).index(1, "a")),
    ("list.index bool", lambda: [1, 2].index(2, True)),
    ("deque past end", lambda: collections.deque([1, 2, 3]).index(3, 5)),
]
for label, f in checks:
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


class Trunc:
    def __trunc__(self):
        return 7


class TruncToIndex:
    def __trunc__(self):
        class I:
            def __index__(self):
                return 8
        return I()


class TruncBad:
    def __trunc__(self):
        return "x"


class BoolTrunc:
    def __trunc__(self):
        return True


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for cls in (Trunc, TruncToIndex, TruncBad, BoolTrunc):
        try:
            r = int(cls())
            print(cls.__name__, type(r).__name__, r)
        except Exception as e:
            print(cls.__name__, type(e).__name__, e)
print([(w.category.__name__, str(w.message)) for w in caught])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        int(Trunc())
    except DeprecationWarning as e:
        print("as error:", e)


class Plain:
    pass


class Documented:
    "first"


print(repr(Plain.__doc__), Documented.__doc__)
Plain.__doc__ = "later"
Documented.__doc__ = "second"
print(Plain.__doc__, Documented.__doc__, Plain().__doc__)


class Sub(Documented):
    pass


print(repr(Sub.__doc__))


@dataclasses.dataclass
class Point:
    x: int
    y: float = 0.0


print(Point.__doc__)
try:
    int.__doc__ = "no"
except TypeError as e:
    print(type(e).__name__, e)
try:
    del Plain.__doc__
    print("deleted", repr(Plain.__doc__))
except Exception as e:
    print(type(e).__name__, e)
