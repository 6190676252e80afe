# Self-referencing containers print with [...] / {...}; deeply nested data raises RecursionError (never crashes)
# in repr, str, comparison and containment; afterwards the interpreter recurses normally again.
l = [1]
l.append(l)
print(l, str(l))
d = {"k": 1}
d["self"] = d
print(d)
t = (l, d)
print(t)
nested = [l, [l, d]]
print(nested)
s = {1: [d, l]}
print(repr(s))


def nest(depth, make):
    x = make(())
    for _ in range(depth):
        x = make((x,))
    return x


for label, make in [("list", list), ("tuple", tuple)]:
    a = nest(100000, make)
    b = nest(100000, make)
    for op, fn in [("repr", lambda: repr(a)), ("str", lambda: str(a)), ("eq", lambda: a == b),
                   ("lt", lambda: a < b), ("in", lambda: a in [b]), ("format", lambda: f"{a}")]:
        try:
            fn()
            print(label, op, "returned")
        except RecursionError:
            print(label, op, "RecursionError")

deep = {}
for _ in range(100000):
    deep = {1: deep}
try:
    repr(deep)
except RecursionError:
    print("dict repr RecursionError")


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(900))
