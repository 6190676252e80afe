class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y

def f(v):
    match v:
        case 0 | 1 | 2:
            return "small"
        case -1:
            return "minus one"
        case "s" | b"b":
            return "str/bytes"
        case None:
            return "none"
        case True:
            return "true"
        case [x, y, *rest] if x > 0:
            return f"seq {x} {y} {rest}"
        case [a, *_, b]:
            return f"first/last {a} {b}"
        case [*_]:
            return "any seq"
        case (1, 2) | (3, 4):
            return "tuple"
        case {"k": val, **others}:
            return f"map {val} {others}"
        case {"a": 1}:
            return "a1"
        case {}:
            return "some mapping"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy) as p:
            return f"on y axis {yy} {p.x}"
        case Point(xx, yy):
            return f"point {xx} {yy}"
        case int(n) | float(n) if n > 100:
            return f"big {n}"
        case str() | bytes():
            return "other text"
        case (q, r) | [r, q]:
            return "never"
        case _:
            return "default"

for v in [0, 2, -1, "s", b"b", None, True, [1, 2, 3, 4], [-1, 2], [-1, 5, 6], [], (1, 2), {"k": 1, "z": 2},
          {"a": 1}, {"b": 2}, Point(0, 0), Point(0, 5), Point(3, 4), 500, 3.5e3, "zz", 7.5, object]:
    print(repr(v) if not isinstance(v, Point) else "P", f(v))

def g(x):
    match x:
        case [1, [2, (a, b)], {"x": c}] | [a, b, c]:
            return a, b, c
    match x, 1:
        case (y, 1):
            print("tuple subject", y)
    match x:
        case object(__class__=cls):
            return cls.__name__
print(g([1, [2, (3, 4)], {"x": 5}]))
print(g([7, 8, 9]))
print(g(3))
class C:
    __match_args__ = ("a",)
try:
    match 1:
        case C(1, 2): pass
except TypeError as e: print(e)
match 5:
    case int(x): print("int", x)
