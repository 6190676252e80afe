# Instance attributes of ordinary classes: the edges of minipy's values layout (attributes kept beside per-class
# shared keys until a dict is needed) must all look like a plain attribute dict, as in CPython.
import gc
import copy
import pickle
import weakref


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


# __dict__ identity and mutation after attributes are added.
p = Point(1, 2)
d = p.__dict__
print(d, d is p.__dict__, vars(p) is d)
p.z = 3
print(d, p.__dict__ is d)
d["w"] = 4
print(p.w, sorted(dir(p))[-4:])
d.pop("x")
print(hasattr(p, "x"), p.__dict__)
p.x = 10
print(list(p.__dict__), p.x)

# Attributes read and written many times through the same code (the inline caches), then a dict swapped in.
q = Point(5, 6)
for i in range(30):
    q.x = q.x + q.y
print(q.x, q.y)
q.__dict__ = {"y": 1, "x": 2}
print(q.x, q.y, list(vars(q)))
q.__dict__ = {}
print(hasattr(q, "x"), getattr(q, "y", "none"))

# del, then re-add: the order is a dict's (the re-added name last).
r = Point(1, 2)
del r.x
print(vars(r))
r.x = 3
print(vars(r), r.x)
try:
    del r.nothing
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(Point(0, 0).missing)
except AttributeError as e:
    print("AttributeError:", e)


# Instances whose attributes differ per instance, in different orders.
class Bag:
    pass


bags = []
for i in range(6):
    b = Bag()
    if i % 2:
        b.first = i
        b.second = -i
    else:
        b.second = -i
        b.first = i
    if i % 3 == 0:
        b.extra = "x" * i
    bags.append(b)
for b in bags:
    print(vars(b), b.first + b.second)

# Many attributes: past the shared keys' limit (30 names) and past a first instance's room.
class Many:
    def __init__(self, n):
        for i in range(n):
            setattr(self, "a%d" % i, i)


for n in (3, 7, 31, 40):
    m = Many(n)
    print(n, len(vars(m)), list(vars(m))[-2:], getattr(m, "a%d" % (n - 1)), sum(vars(m).values()))
m.a0 = "changed"
print(m.a0, m.__dict__["a0"])

# A computed (not interned) attribute name and a str subclass as a name.
name = "".join(["com", "puted"])
p2 = Point(1, 1)
setattr(p2, name, 42)
print(p2.computed, getattr(p2, "".join(["x"])), vars(p2))


class S(str):
    pass


p3 = Point(7, 8)
setattr(p3, S("y"), 9)
print(p3.y, vars(p3), type(list(vars(p3))[1]).__name__)

# Instance attributes shadowing methods and class attributes; class attributes read through instances.
class Shadow:
    kind = "class"

    def method(self):
        return "method"


s = Shadow()
print(s.kind, s.method())
s.kind = "instance"
s.method = lambda: "instance attribute"
print(s.kind, s.method(), Shadow.kind, Shadow().method())
del s.method
print(s.method())


# Properties and __slots__ beside the values.
class WithProperty:
    __slots__ = ("slot", "__dict__")

    def __init__(self):
        self.slot = 1
        self.plain = 2

    @property
    def prop(self):
        return self.plain * 10


w = WithProperty()
print(w.slot, w.plain, w.prop, vars(w))
w.plain = 5
print(w.prop, w.__dict__)


class Slotted:
    __slots__ = ("a", "b")


sl = Slotted()
sl.a = 1
try:
    sl.c = 3
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(sl, "__dict__"))


# __class__ assignment keeps the attributes.
class A:
    def __init__(self):
        self.one = 1
        self.two = 2


class B:
    def __init__(self):
        self.two = "b2"
        self.three = "b3"


a = A()
a.__class__ = B
print(type(a).__name__, vars(a), a.one, a.two)
a.three = 3
print(vars(a))
print(vars(B()))

# Subclasses (their own attribute order) and a method of the base run for both.
class Base:
    def __init__(self):
        self.base = "base"

    def get(self):
        return self.base


class Derived(Base):
    def __init__(self):
        self.own = "own"
        super().__init__()


for obj in (Base(), Derived(), Base(), Derived()):
    print(type(obj).__name__, obj.get(), vars(obj))

# Copying, pickling, weak references and the collector (which of a dropped object's collections frees it
# depends on stale native-stack words in minipy, so only live ones are asked about).
c1 = Point([1], {"k": 2})
c2 = copy.copy(c1)
c3 = copy.deepcopy(c1)
print(vars(c2), c2.x is c1.x, vars(c3), c3.x is c1.x)
c4 = pickle.loads(pickle.dumps(c1))
print(type(c4).__name__, vars(c4))
ref = weakref.ref(c1)
print(ref() is c1, weakref.getweakrefcount(c1))


class Node:
    def __init__(self, value):
        self.value = value
        self.next = None


head = Node(0)
n = head
for i in range(1, 2000):
    n.next = Node([i])
    n = n.next
gc.collect()
total = 0
n = head
while n is not None:
    total += n.value if isinstance(n.value, int) else n.value[0]
    n = n.next
print(total)

# __getattr__ and __setattr__ overrides still see the attributes.
class Logged:
    def __init__(self):
        self.a = 1

    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2)

    def __getattr__(self, name):
        return "missing " + name


lg = Logged()
lg.b = 5
print(lg.a, lg.b, lg.c, vars(lg))
print(object.__getattribute__(lg, "a"))
