class Point:
    """A point."""
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)

    def moved(self, dx, dy=0):
        return Point(self.x + dx, self.y + dy)


p = Point(3, -4)
print(p.x, p.y, p.norm1(), Point.dims, p.dims)
q = p.moved(1, dy=2)
print(q.x, q.y)
print(Point.__name__, Point.__qualname__, Point.__module__, Point.__doc__)
print(type(p) is Point, type(p).__name__, p.__class__.__name__)
print(sorted(vars(p).items()))
p.z = 10
print(sorted(p.__dict__))
Point.dims = 3
print(p.dims, q.dims)
p.dims = 7
print(p.dims, Point.dims)
del p.dims
print(p.dims)
print(Point.norm1(q))
m = p.norm1
print(m())
print(hasattr(p, "x"), hasattr(p, "nope"), getattr(p, "nope", "default"))
setattr(p, "w", 5)
print(p.w)
delattr(p, "w")
print(hasattr(p, "w"))


class Empty:
    pass


e = Empty()
print(type(e).__name__, Empty.__doc__, isinstance(e, Empty), isinstance(e, object))


def make():
    class Local:
        def who(self):
            return type(self).__qualname__
    return Local


print(make()().who(), make().__name__)
