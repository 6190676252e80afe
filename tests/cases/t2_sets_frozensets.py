# Sets and frozensets: CPython's iteration order for ints, operators, methods, comprehensions, errors.
s = {5, 3, 9, 1, 33, 17, 65, 129}
print(s, len(s), 9 in s, 10 not in s)
t = set(range(20, 0, -3))
print(t, s & t, s | t, s - t, s ^ t)
print(sorted(s), {x % 7 for x in range(30)}, frozenset([3, 1, 2]) == {1, 2, 3})
u = set()
for i in [40, 8, 72, 8, -1, 0, 1000, 16]:
    u.add(i)
print(u, u.pop() in {40, 8, 72, -1, 0, 1000, 16}, len(u))
u.discard(1000); u.discard(12345); u.update([7, 6], (5,))
print(sorted(u), u.issubset(range(-5, 100)), {1, 2} < {1, 2, 3}, {1, 2} >= {2})
f = frozenset({"b", "a"}) | {"c"}
print(type(f).__name__, sorted(f), hash(frozenset()) == hash(frozenset()))
print({(1, 2), (1, 2), (2, 1)}, set("hello") == set("olleh"), {1, 1.0, True})
try:
    {[1, 2]}
except TypeError as e:
    print("TypeError:", e)
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
d = {}
d[frozenset({1})] = "one"
print(d, set([3, 1]).isdisjoint([4]), set(range(64)) - set(range(2, 64)))
