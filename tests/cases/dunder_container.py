class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}

    def __len__(self):
        return self.w * self.h

    def __getitem__(self, key):
        x, y = key
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError(f"cell {key} out of range")
        return self.cells.get(key, ".")

    def __setitem__(self, key, value):
        self.cells[key] = value

    def __delitem__(self, key):
        del self.cells[key]

    def __contains__(self, value):
        return value in self.cells.values()


g = Grid(3, 2)
g[0, 1] = "#"
g[2, 1] = "@"
print(len(g), g[0, 1], g[1, 1], "#" in g, "?" in g, "?" not in g)
del g[0, 1]
print(g[0, 1], "#" in g, bool(g))
try:
    g[5, 5]
except IndexError as e:
    print("IndexError:", e)
try:
    del g[9, 9]
except KeyError as e:
    print("KeyError:", e)


class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * i


print(list(Seq()), 9 in Seq(), 5 in Seq(), [x for x in Seq()])
a, b, c, d = Seq()
print(a, b, c, d)


class Zero:
    def __len__(self):
        return 0


print(bool(Zero()), len(Zero()), "yes" if Zero() else "no")


class BadLen:
    def __len__(self):
        return -1


class StrLen:
    def __len__(self):
        return "3"


for obj in (BadLen(), StrLen()):
    try:
        len(obj)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)


class ReadOnly:
    def __getitem__(self, k):
        return k


r = ReadOnly()
print(r[1:3], r["k"], r[1, 2])
try:
    r[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    del r[0]
except TypeError as e:
    print("TypeError:", e)


class NoLen:
    pass


try:
    len(NoLen())
except TypeError as e:
    print("TypeError:", e)
try:
    NoLen()[0]
except TypeError as e:
    print("TypeError:", e)
try:
    1 in NoLen()
except TypeError as e:
    print("TypeError:", e)
