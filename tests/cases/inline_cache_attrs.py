# Inline caches for attribute loads and stores must notice every change that alters what a lookup finds.


class Point:
    scale = 10

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


def read_x(p):
    return p.x


def read_scale(p):
    return p.scale


def call_norm(p):
    return p.norm1()


def set_x(p, v):
    p.x = v


pts = [Point(i, -i) for i in range(5)]
print([read_x(p) for p in pts])

# An instance attribute disappears: the same load now finds the class attribute.
Point.x = "class x"
del pts[2].x
print([read_x(p) for p in pts])

# A class attribute becomes shadowed by an instance attribute, then the class attribute changes.
print([read_scale(p) for p in pts])
pts[1].scale = 99
print([read_scale(p) for p in pts])
Point.scale = 7
print([read_scale(p) for p in pts])
del Point.scale
try:
    read_scale(pts[0])
except AttributeError as e:
    print("AttributeError", e)
print(read_scale(pts[1]))

# A method redefined on the class after it was called (and cached).
for p in pts[:2]:
    print(call_norm(p))
Point.norm1 = lambda self: "redefined"
print(call_norm(pts[0]), call_norm(pts[3]))
pts[3].norm1 = lambda: "instance function"
print(call_norm(pts[3]), call_norm(pts[4]))

# Stores: an attribute that becomes a property with a setter, then a read-only one.
for p in pts:
    set_x(p, 1)
print([read_x(p) for p in pts])


def get_x(self):
    return "prop " + str(self.__dict__.get("x"))


def put_x(self, v):
    self.__dict__["x"] = v * 100


Point.x = property(get_x, put_x)
for p in pts:
    set_x(p, 2)
print([read_x(p) for p in pts])
Point.x = property(get_x)
try:
    set_x(pts[0], 3)
except AttributeError:
    print("AttributeError: read-only property")
del Point.x
print([read_x(p) for p in pts])


# A base class changed after the cache was filled: the subclass sees it.
class Base:
    kind = "base"

    def who(self):
        return "Base.who"


class Derived(Base):
    pass


class Leaf(Derived):
    pass


def kind_of(o):
    return o.kind


def who(o):
    return o.who()


objs = [Derived(), Leaf(), Base()]
print([kind_of(o) for o in objs], [who(o) for o in objs])
Base.kind = "changed"
Base.who = lambda self: "new Base.who"
print([kind_of(o) for o in objs], [who(o) for o in objs])
Derived.kind = "derived"
Derived.who = lambda self: "Derived.who"
print([kind_of(o) for o in objs], [who(o) for o in objs])
del Derived.who
print([who(o) for o in objs])


# __getattr__ added later: only missing attributes reach it.
class Lazy:
    def __init__(self):
        self.present = 1


def get_missing(o):
    try:
        return o.missing
    except AttributeError:
        return "no attribute"


def get_present(o):
    return o.present


lz = Lazy()
print(get_missing(lz), get_present(lz))
Lazy.__getattr__ = lambda self, name: "computed " + name
print(get_missing(lz), get_present(lz))
del Lazy.__getattr__
print(get_missing(lz), get_present(lz))

# __getattribute__ added later overrides even cached instance attributes.
Lazy.__getattribute__ = lambda self, name: "intercepted " + name
print(get_missing(lz), get_present(lz))
del Lazy.__getattribute__
print(get_missing(lz), get_present(lz))

# __setattr__ added later.
log = []


def store_present(o, v):
    o.present = v


store_present(lz, 5)
Lazy.__setattr__ = lambda self, name, v: log.append((name, v))
store_present(lz, 6)
print(get_present(lz), log)
del Lazy.__setattr__
store_present(lz, 7)
print(get_present(lz), log)

# A class attribute read through many instances of two classes at one site.
class Red:
    color = "red"


class Blue:
    color = "blue"


def color(o):
    return o.color


print([color(c) for c in [Red(), Blue(), Red(), Blue()]])
Red.color = "crimson"
print([color(c) for c in [Red(), Blue(), Red(), Blue()]])


# One site, many classes: lookups stay right while the cache backs off and refills.
class Shape:
    sides = 0

    def describe(self):
        return self.sides


class Tri(Shape):
    sides = 3


class Quad(Shape):
    pass


class Hexa(Quad):
    sides = 6


shapes = [Tri(), Quad(), Hexa(), Shape()]
seen = []
for step in range(60):
    s = shapes[step % 4]
    if step == 30:
        Quad.sides = 4
    if step == 45:
        Shape.sides = -1
        shapes[3].sides = "own"
    seen.append(s.describe())
print(seen)


# Class constants read through the class object.
class Limits:
    LOW = 1
    HIGH = 10


class Tight(Limits):
    HIGH = 5


def span(cls):
    return cls.HIGH - cls.LOW


print([span(c) for c in (Limits, Tight, Limits)])
Limits.LOW = 3
print([span(c) for c in (Limits, Tight)])
del Tight.HIGH
print([span(c) for c in (Limits, Tight)])
Limits.HIGH = property(lambda self: 0)
print(type(Tight.HIGH).__name__)
