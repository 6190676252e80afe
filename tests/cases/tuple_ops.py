# Tuples: packing, indexing, slicing, concatenation, comparison, count/index, nesting, single-element form.
t = (1, 2, 3)
u = 4, 5
print(t, u, t + u, t * 2, len(t), t[0], t[-1], t[1:], type(u))
print((), (1,), (1), ((1, 2),), tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)))
print(t == (1, 2, 3), t < (1, 2, 4), (1, 2) < (1, 2, 3), (2,) > (1, 9, 9), t != u)
print(t.count(2), (1, 1, 2, 1).count(1), t.index(3), ("a", "b", "a").index("a", 1))
print(3 in t, 7 in t, (1, 2) in [(1, 2), (3, 4)])
nested = ((1, 2), (3, (4, 5)), [6, 7])
print(nested, nested[1][1][0], nested[2][1], len(nested))
nested[2].append(8)
print(nested)
a, b = 1, 2
a, b = b, a
print(a, b)
x = (a, b, a + b)
print(x, x == (2, 1, 3), max(x), min(x), sum(x), sorted((3, 1, 2)))
print(tuple(sorted((5, 2, 9))), tuple(reversed((1, 2, 3))))
pts = [(0, 0), (3, 4), (1, 1), (-2, 5)]
for p in pts:
    print(p, p[0] ** 2 + p[1] ** 2)
print(sorted(pts), max(pts), min(pts))
print(repr((1.5, "s", None, True)), str(("x",)))
empty = ()
print(bool(empty), bool((0,)), len(empty), empty + (1,))
