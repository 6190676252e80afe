# Generator expressions: laziness, scoping of the first iterable, nesting.
g = (x * 2 for x in range(5))
print(type(g).__name__, g.__name__, g.__qualname__)
print(next(g), next(g), list(g), list(g))
print(sum(x for x in range(101)), "-".join(str(i) for i in range(4)))
pairs = list((a, b) for a in range(3) for b in "xy" if a != 1)
print(pairs)
nested = list(list(y for y in range(x)) for x in range(4))
print(nested)


def make(n):
    return (i * n for i in range(3))


print(list(make(10)), list(make(-1)))
log = []


def source():
    for i in range(3):
        log.append(f"produce {i}")
        yield i


lazy = (v + 100 for v in source())
log.append("created")
for v in lazy:
    log.append(f"consume {v}")
print(log)
try:
    (1 / x for x in 5)
except TypeError as e:
    print("TypeError:", e)
bad = (1 / x for x in [1, 0])
print(next(bad))
try:
    next(bad)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(next(bad, "exhausted"))


def outer():
    k = 3
    return list(x + k for x in range(k))


print(outer())
print(sorted((x % 3, x) for x in range(7)))
print(dict((str(i), i) for i in range(3)))
print(sorted(set(c.upper() for c in "hello")))
