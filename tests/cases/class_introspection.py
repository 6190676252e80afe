class Shape:
    """Shapes."""
    sides = 0

    def __init__(self, name):
        self.name = name

    def describe(self):
        return self.name


class Square(Shape):
    sides = 4

    def area(self, s):
        return s * s


sq = Square("sq")
sq.colour = "blue"
print(vars(sq), sq.__dict__ is vars(sq))
print([n for n in dir(sq) if not n.startswith("__")])
print([n for n in dir(Square) if not n.startswith("__")])
print("area" in Square.__dict__, "describe" in Square.__dict__, "describe" in Shape.__dict__)
print(Square.__dict__["sides"], Square.__doc__, Shape.__doc__)
print(sq.__class__ is Square, sq.__class__.__bases__[0] is Shape)
print(Square.area.__name__, Square.area.__qualname__, sq.area.__name__, sq.area.__self__ is sq)
print(Square.__init__ is Shape.__init__, getattr(Square, "sides"), Shape.__module__)
print(callable(sq.area), sq.area(3), Square.area(sq, 4))
print(id(sq) == id(sq), hash(Square) == hash(Square))
print(sorted([k for k in Shape.__dict__ if not k.startswith("__")]))
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
print(object.__name__, type.__name__, int.__name__, Square.__name__)


class WithSlotsIgnored:
    __slots__ = ("a",)


print(WithSlotsIgnored.__slots__)
