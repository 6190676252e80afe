# Walrus, starred unpacking in displays, calls and assignments, slices as objects, nested unpacking.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long", n)
print([y for x in data if (y := x * 2) > 6], y)
first, *middle, last = data
print(first, middle, last)
(a, b), *rest = [(1, 2), 3, 4]
print(a, b, rest, [*data, *"ab"], (*data[:2],), {**{"x": 1}, "y": 2, **{"x": 3}})
print(*range(3), sep="|")
s = slice(1, None, 2)
print(data[s], s.start, s.stop, s.step, data[::-1], data[slice(2)], "abcdef"[s])
m = [[1, 2, 3], [4, 5, 6]]
print([list(r) for r in zip(*m)], max(*data), min(*data, 2))
while (chunk := data[:2]):
    print(chunk)
    data = data[2:]
def f(*args, **kw):
    return len(args), sorted(kw)
print(f(*[1, 2], *(3,), **{"a": 1}, b=2))
