# Tier 2: classes, inheritance, super(), dunder methods, properties, class/static methods.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)
    def __eq__(self, other):
        return self.x == other.x and self.y == other.y
    def __hash__(self):
        return hash((self.x, self.y))
    @property
    def norm2(self):
        return self.x * self.x + self.y * self.y
    @classmethod
    def zero(cls):
        return cls(0, 0)
    @staticmethod
    def dot(a, b):
        return a.x * b.x + a.y * b.y
class Vec3(Vec):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
    def __repr__(self):
        return f"Vec3({self.x}, {self.y}, {self.z})"
a = Vec(1, 2)
b = Vec(3, 4)
print(a + b, a == Vec(1, 2), b.norm2, Vec.zero(), Vec.dot(a, b), Vec3(1, 2, 3), isinstance(Vec3(0, 0, 0), Vec))
print(Vec3.__mro__, len({a, Vec(1, 2), b}))
