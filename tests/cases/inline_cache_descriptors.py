# Inline caches meet descriptors, module attributes and builtins rebound through globals.
import bisect


class Celsius:
    def __init__(self, degrees):
        self._degrees = degrees

    @property
    def degrees(self):
        return self._degrees

    @degrees.setter
    def degrees(self, value):
        self._degrees = round(value, 1)

    @staticmethod
    def unit():
        return "C"

    @classmethod
    def make(cls, d):
        return cls(d)


def read(c):
    return c.degrees


def write(c, v):
    c.degrees = v


def unit_of(c):
    return c.unit()


def make_via(c, d):
    return c.make(d)


cs = [Celsius(i) for i in range(3)]
for c in cs:
    write(c, c.degrees + 0.25)
print([read(c) for c in cs], [unit_of(c) for c in cs], type(make_via(cs[0], 5)).__name__)
# The instance dict cannot hide a data descriptor, even when it holds the same name.
cs[0].__dict__["degrees"] = "hidden"
print(read(cs[0]), cs[0].__dict__["degrees"])
# A non-data descriptor (the staticmethod) is hidden by the instance dict.
cs[1].unit = lambda: "instance unit"
print([unit_of(c) for c in cs])


# A hand-written data descriptor (as __slots__ members behave) and a non-data one.
class Slot:
    def __init__(self, name):
        self.name = "_slot_" + name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")

    def __set__(self, obj, value):
        obj.__dict__[self.name] = value * 2


class Twice:
    def __get__(self, obj, owner=None):
        return "Twice.__get__"


class Record:
    a = Slot("a")
    b = Twice()


def get_a(r):
    return r.a


def set_a(r, v):
    r.a = v


def get_b(r):
    return r.b


recs = [Record(), Record()]
print([get_a(r) for r in recs], [get_b(r) for r in recs])
for i, r in enumerate(recs):
    set_a(r, i + 1)
print([get_a(r) for r in recs])
recs[0].__dict__["a"] = "ignored"
recs[0].__dict__["b"] = "instance b"
print([get_a(r) for r in recs], [get_b(r) for r in recs])
# The descriptor classes change: the behaviour follows.
Slot.__get__ = lambda self, obj, owner=None: "patched get"
Twice.__get__ = lambda self, obj, owner=None: "patched Twice"
print([get_a(r) for r in recs], [get_b(r) for r in recs])
del Slot.__set__
set_a(recs[1], 50)
print([get_a(r) for r in recs], recs[1].__dict__["a"])
# A descriptor added to the class after plain instance attributes were cached.
recs[1].c = "instance c"


def get_c(r):
    return r.c


print(get_c(recs[1]))
Record.c = property(lambda self: "property c")
print(get_c(recs[1]))

# Module attributes: cached lookups see rebinding and deletion.


def insort_of(m):
    return m.bisect_left


print(insort_of(bisect)([1, 3, 5], 4))
saved = bisect.bisect_left
bisect.bisect_left = lambda a, x: "patched"
print(insort_of(bisect)([1, 3, 5], 4), bisect.bisect_left([1], 0))
del bisect.bisect_left
try:
    insort_of(bisect)
except AttributeError as e:
    print("AttributeError", e)
bisect.bisect_left = saved
print(insort_of(bisect)([1, 3, 5], 4), bisect.bisect_left([1, 3, 5], 4))


# Builtins monkey-patched through globals, and a global shadowing a builtin later.
def count(xs):
    return len(xs)


print(count([1, 2, 3]))
len = lambda xs: "global len"
print(count([1, 2, 3]))
del len
print(count([1, 2, 3]))
import builtins

saved_len = builtins.len
builtins.len = lambda xs: "builtins.len patched"
print(count([1, 2, 3]))
builtins.len = saved_len
print(count([1, 2, 3]))


# Methods of builtin types and of a subclass that overrides one.
class MyList(list):
    def append(self, x):
        list.append(self, x * 10)


def add(seq, x):
    seq.append(x)
    return seq


print(add([1], 2), add(MyList([1]), 2), add([3], 4))


# A plain class attribute whose own class later becomes a descriptor.
class Marker:
    pass


class Holder:
    tag = Marker()


def tag_name(h):
    t = h.tag
    return t if isinstance(t, str) else type(t).__name__


def set_tag(h, v):
    h.tag = v


hs = [Holder(), Holder()]
print([tag_name(h) for h in hs])
Marker.__get__ = lambda self, obj, owner=None: "now a descriptor"
print([tag_name(h) for h in hs])
set_tag(hs[0], "stored")
print([tag_name(h) for h in hs])
Marker.__set__ = lambda self, obj, value: None
set_tag(hs[1], "dropped")
print([tag_name(h) for h in hs], sorted(hs[1].__dict__))


# Property getters run as frames from the cache: exceptions, defaults, recursion and replaced getters.
class Ratio:
    def __init__(self, d):
        self.d = d

    @property
    def inverse(self):
        return 1 / self.d

    @property
    def with_default(self, extra=2):
        return extra

    @property
    def chain(self):
        return self.inverse if self.d > 1 else Ratio(self.d + 1).chain


def inverse_of(r):
    return r.inverse


print([inverse_of(Ratio(d)) for d in (1, 2, 4)], Ratio(1).with_default, Ratio(-3).chain)
try:
    inverse_of(Ratio(0))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
Ratio.inverse = property(lambda self: "replaced")
print(inverse_of(Ratio(0)))
