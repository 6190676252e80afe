# Which objects weakref.ref accepts: instances of Python classes, functions, classes, sets, generators, modules;
# not ints, strs, tuples, lists, dicts, None, floats, bytes or plain object() instances.
import weakref


class A:
    pass


class L(list):
    pass


def f():
    pass


def g():
    yield


for obj in [A(), L(), f, A, int, set(), frozenset(), g(), weakref]:
    print(type(obj).__name__, weakref.ref(obj)() is obj)
for obj in [1, "s", (), [], {}, None, 1.5, b"x", object(), True]:
    try:
        weakref.ref(obj)
    except TypeError as e:
        print(e)
a = A()
r1 = weakref.ref(a)
r2 = weakref.ref(a)
print(r1 == r2, hash(r1) == hash(a))
try:
    weakref.ref()
except TypeError:
    print("TypeError without arguments")
