# Instance attributes through the interpreter's attribute caches: every site below runs many times, so that
# its LOAD_ATTR/STORE_ATTR cache is warm when the layout under it changes (new attributes after many instances,
# other insertion orders at one site, deletions, a replaced __dict__, descriptors and overrides added later,
# hostile keys). What is printed is what CPython shows.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def make(order, i):
    # One STORE_ATTR site per name, reached in different orders: the instance dicts differ in layout.
    p = P.__new__(P)
    for name in order:
        if name == "x":
            p.x = i
        elif name == "y":
            p.y = i * 2
        else:
            p.z = i * 3
    return p


def read(p):
    return (p.x, p.y, getattr(p, "z", None))


points = [make(("x", "y", "z") if i % 3 == 0 else ("z", "y", "x") if i % 3 == 1 else ("y", "x"), i) for i in range(30)]
print("orders", [list(vars(p)) for p in points[:3]])
print("reads", [read(p) for p in points[:6]])

# Many instances, then a new attribute on one of them only.
many = [P(i, -i) for i in range(2000)]
many[1000].extra = "late"
print("late", many[1000].__dict__, hasattr(many[999], "extra"), sum(p.x for p in many))
for p in many[:50]:
    p.w = p.x + 1
print("w", [list(p.__dict__) for p in many[48:51]])

# Deleting and re-adding: the order in __dict__ follows insertion, as a dict does.
q = P(1, 2)
for round_ in range(3):
    del q.x
    print("after del", list(q.__dict__), hasattr(q, "x"))
    q.x = round_
    print("re-added", q.__dict__)
try:
    del q.nothing
except AttributeError as e:
    print("AttributeError", e)
try:
    q.nothing
except AttributeError as e:
    print("AttributeError", e)


# Class attribute shadowing and un-shadowing through one site.
class C:
    kind = "class"


def kind_of(o):
    return o.kind


c = C()
seen = []
for i in range(6):
    if i == 2:
        c.kind = "instance"
    if i == 4:
        del c.kind
    seen.append(kind_of(c))
C.kind = "changed"
seen.append(kind_of(c))
print("shadowing", seen)


# A data descriptor added to the class after the instances exist wins over their dicts; a non-data one loses.
class D:
    pass


d = D()
d.v = "instance value"
values = []
for i in range(6):
    if i == 2:
        D.v = property(lambda self: "property value")
    if i == 4:
        del D.v
        D.v = staticmethod(lambda: "non-data")
    values.append(d.v if not callable(d.v) else d.v())
print("descriptors", values)
try:
    D.v = property(lambda self: 1)
    d.v = 5
except AttributeError:
    print("AttributeError for a property without a setter")
del D.v
d.v = 6
print("set again", d.v, vars(d))


# __getattr__ and __getattribute__ defined after the site is warm.
class G:
    def __init__(self):
        self.a = 1


def get_a(o):
    return o.a


def get_b(o):
    try:
        return o.b
    except AttributeError as e:
        return "AttributeError: " + str(e)


g = G()
out = []
for i in range(6):
    if i == 2:
        G.__getattr__ = lambda self, name: "fallback " + name
    if i == 4:
        G.__getattribute__ = lambda self, name: "intercepted " + name
    out.append((get_a(g), get_b(g)))
print("overrides", out)
del G.__getattribute__
del G.__getattr__
print("restored", get_a(g), get_b(g))


# Replacing __dict__ entirely.
class R:
    def __init__(self):
        self.first = 1


r = R()
old = r.__dict__
for i in range(3):
    print("dict read", r.first)
r.__dict__ = {"first": "new dict", "second": 2}
print("replaced", r.first, r.second, old, r.__dict__ is old)
r.third = 3
print("new dict grows", r.__dict__)
try:
    r.__dict__ = ["not", "a", "dict"]
except TypeError as e:
    print("TypeError", e)
try:
    del r.__dict__
except TypeError as e:
    print("TypeError", e)
vars(r)["fourth"] = 4
print("vars is __dict__", r.fourth, vars(r) is r.__dict__)


# __slots__: no __dict__, attribute errors and a slot beside a __dict__.
class S:
    __slots__ = ("a", "b")


class SD:
    __slots__ = ("a", "__dict__")


s = S()
for i in range(3):
    s.a = i
print("slots", s.a, hasattr(s, "__dict__"), hasattr(s, "b"))
try:
    s.c = 1
except AttributeError as e:
    print("AttributeError", e)
sd = SD()
sd.a = 1
sd.extra = 2
print("slots+dict", sd.a, sd.__dict__)


# Attribute names that are str subclasses, and equal strs that are different objects.
class Name(str):
    pass


class N:
    pass


n = N()
setattr(n, Name("label"), "via subclass")
print("subclass name", n.label, list(n.__dict__))
n.__dict__["".join(["cou", "nt"])] = 0  # an equal str that is not the interned name
for i in range(5):
    n.count += 1
print("non-interned key", n.__dict__, len(n.__dict__))


class Sneaky(str):
    # Equal to "x" and hashed like it: found by the dict; its __eq__ mutates the instance dict.
    def __hash__(self):
        return hash(str(self))

    def __eq__(self, other):
        target.__dict__["mutated"] = True
        return str.__eq__(self, other)


target = N()
target.__dict__[Sneaky("x")] = "sneaky"
for i in range(3):
    target.x = i
print("hostile eq", sorted(map(str, target.__dict__)), target.x, type(list(target.__dict__)[0]).__name__)
print("hostile read", getattr(target, "x"), target.mutated)

nonstr = N()
nonstr.__dict__[1] = "int key"
nonstr.y = "after int"
print("non-str key", nonstr.__dict__, nonstr.y)

# Deleting attributes while iterating over __dict__.
it_obj = P(1, 2)
it_obj.z = 3
try:
    for key in it_obj.__dict__:
        delattr(it_obj, key)
except RuntimeError as e:
    print("RuntimeError", e)
print("left", it_obj.__dict__)
for key in list(it_obj.__dict__):
    delattr(it_obj, key)
print("emptied", it_obj.__dict__, vars(it_obj))
it_obj.x = "again"
print("after emptying", it_obj.__dict__)


# Thousands of attributes on one instance, then read back through one site.
big = N()
for i in range(3000):
    setattr(big, "attr%d" % i, i)
print("big", len(vars(big)), sum(getattr(big, "attr%d" % i) for i in range(0, 3000, 7)), list(vars(big))[-2:])
for i in range(0, 3000, 2):
    delattr(big, "attr%d" % i)
print("big after deletes", len(big.__dict__), big.attr2999, list(big.__dict__)[:3])


# __class__ assignment between classes whose instances were built differently.
class A1:
    def __init__(self):
        self.p = 1
        self.q = 2

    def total(self):
        return self.p + self.q


class A2:
    def __init__(self):
        self.q = 20
        self.p = 10

    def total(self):
        return self.p * self.q


a = A1()
totals = []
for i in range(4):
    if i == 2:
        a.__class__ = A2
    totals.append(a.total())
print("class assignment", totals, vars(a))


# Copies and pickles see the same attributes in the same order.
import copy
import pickle

orig = P(1, [2])
orig.z = "z"
dup = copy.copy(orig)
deep = copy.deepcopy(orig)
again = pickle.loads(pickle.dumps(orig))
print("copies", vars(dup), vars(deep), vars(again), dup.y is orig.y, deep.y is orig.y)


# __class__ assignment errors, with CPython's messages.
class Slotted:
    __slots__ = ("p",)


class Slotted2:
    __slots__ = ("p",)


class SlottedOther:
    __slots__ = ("other",)


for target_class, obj in [(Slotted, A1()), (int, A1()), (A1, 5), (A1, object()), (Slotted2, Slotted()),
                          (SlottedOther, Slotted()), ("not a class", A1())]:
    try:
        obj.__class__ = target_class
        print("assigned", type(obj).__name__)
    except TypeError as e:
        print("TypeError", e)
try:
    del a.__class__
except TypeError as e:
    print("TypeError", e)


class ListA(list):
    pass


class ListB(list):
    def first(self):
        return self[0]


la = ListA([7, 8])
la.__class__ = ListB
print("list subclass", type(la).__name__, la.first(), la)


# A warm __init__ site appending attributes to fresh instances, then instances whose dict already holds a key
# hashed like the attribute's name: equal to it (the store must update that key) or not (a second key).
class CollideEqual(str):
    equal = True

    def __hash__(self):
        return hash("second")

    def __eq__(self, other):
        return self.equal if isinstance(other, str) else NotImplemented


class CollideUnequal(CollideEqual):
    equal = False

    __hash__ = CollideEqual.__hash__


class Fresh:
    def __init__(self, prefill=None):
        if prefill is not None:
            self.__dict__[prefill] = "prefilled"
        self.first = 1
        self.second = 2


warm = [Fresh() for _ in range(50)]
equal_key = Fresh(CollideEqual("other name"))
unequal_key = Fresh(CollideUnequal("other name"))
print("colliding equal", len(equal_key.__dict__), sorted(map(str, equal_key.__dict__)), equal_key.second)
print("colliding unequal", len(unequal_key.__dict__), sorted(map(str, unequal_key.__dict__)), unequal_key.second)
print("warm", vars(warm[-1]))
