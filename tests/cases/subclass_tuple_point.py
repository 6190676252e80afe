# A namedtuple-style tuple subclass: __slots__ = (), __new__ via tuple.__new__, properties, _replace.
class Point(tuple):
    __slots__ = ()
    _fields = ("x", "y")

    def __new__(cls, x, y):
        return tuple.__new__(cls, (x, y))

    @property
    def x(self):
        return self[0]

    @property
    def y(self):
        return self[1]

    def __repr__(self):
        return f"Point(x={self.x!r}, y={self.y!r})"

    def _replace(self, **changes):
        values = dict(zip(self._fields, self))
        values.update(changes)
        return type(self)(**values)

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __add__(self, other):
        return Point(self.x + other[0], self.y + other[1])


p = Point(1, 2)
print(p, repr(p), str(p), [p], (p,), type(p).__name__, isinstance(p, tuple), len(p), p[0], p[-1], p[:1])
print(p.x, p.y, p == (1, 2), (1, 2) == p, p < (1, 3), hash(p) == hash((1, 2)), {(1, 2): "pt"}[p], {p: 1}[(1, 2)])
x, y = p
a, *rest = p
print(x, y, a, rest, list(p), tuple(p), type(tuple(p)).__name__, sorted(Point(3, 1)), sum(p), max(p), 2 in p)
print(p + (10, 20), p._replace(y=5), p._asdict(), p.count(1), p.index(2), type(p[:]).__name__, p * 2)
print("%s and %s" % p, "{} {}".format(*p), f"{p}", dict([Point("k", "v")]), [Point(i, i * i) for i in range(3)])
print(Point.__slots__, "__dict__" in Point.__dict__, hasattr(p, "__dict__"))
def set_z(): p.z = 3
def set_x(): p.x = 3
def set_item(): p[0] = 9
def del_item(): del p[0]
for attempt in (set_z, set_x, set_item, del_item):
    try:
        attempt()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
try:
    Point(1)
except TypeError as e:
    print("TypeError", e)


class Point3(Point):
    __slots__ = ()

    def __new__(cls, x, y, z=0):
        return tuple.__new__(cls, (x, y, z))

    @property
    def z(self):
        return self[2]


q = Point3(1, 2, 3)
print(q, q.z, len(q), type(q).__mro__[1].__name__, isinstance(q, Point), tuple(q))
