# Edges of the interpreter's fast paths for calls of builtin methods, range(), shifts and sorting: each must
# behave as the general protocol does.

# Method descriptors called through LOAD_METHOD/CALL: exact receivers, subclasses, keyword arguments, errors.
class MyList(list):
    def append(self, x):
        super().append(x * 2)
class PlainSub(list):
    pass
out = []
for i in range(5):
    out.append(i)
m = MyList()
m.append(3)
p = PlainSub()
p.append(4)
print(out, m, p)
try:
    out.append()
except TypeError as e:
    print("TypeError", e)
try:
    out.append(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    out.append(x=1)
except TypeError as e:
    print("TypeError", e)
print("a,b,,c".split(",", maxsplit=2), "x".join(["1", "2"]), {"k": 1}.get("k"), {"k": 1}.get("z", 7))
print(sorted([3, 1, 2], reverse=True), "  pad ".strip(), "AbC".lower())
app = out.append
app(99)
list.append(out, 100)
print(out)
try:
    list.append("nope", 1)
except TypeError as e:
    print("TypeError", e)
big = []
for i in range(1000):
    big.append(i)
print(len(big), big[-1], sum(big))

# range() with small ints, bools, big ints, negative and keyword arguments.
print(list(range(3)), list(range(2, 5)), list(range(True)), list(range(-2)), list(range(5, 2)))
print(range(2**70)[-1] == 2**70 - 1, list(range(1, 10, 3)))
try:
    range(1.5)
except TypeError as e:
    print("TypeError", e)
try:
    range(stop=3)
except TypeError as e:
    print("TypeError", e)

# Shifts on small ints at the edges of the small-int range and past them.
vals = [0, 1, -1, 5, -5, 2**61, -(2**61), 2**62 - 1, -(2**62)]
for a in vals:
    for b in [0, 1, 2, 30, 61, 62, 63, 64, 100]:
        print(a >> b, a << b, end=" ")
    print()
x = 12345
x >>= 3
x <<= 70
print(x)
for bad in [-1, -(2**70)]:
    try:
        1 >> bad
    except ValueError as e:
        print("ValueError", e)
    try:
        1 << bad
    except ValueError as e:
        print("ValueError", e)

# Sorting: stability with reverse, tuple keys with ties and mixed items, errors during comparison.
data = [(i * 7919) % 101 for i in range(300)]
print(sorted(data) == sorted(data, key=lambda v: v), sorted(data)[:10], sorted(data, reverse=True)[:10])
pairs = [(v % 5, i) for i, v in enumerate(data)]
print(sorted(pairs, key=lambda t: t[0])[:12])
print(sorted(pairs, key=lambda t: t[0], reverse=True)[:12])
mixed = [(1, "b"), (1, "a"), (0, 2.5), (0, 2), (1,), (1, "a", 0), (-3, None)]
try:
    print(sorted(mixed))
except TypeError as e:
    print("TypeError", e)
print(sorted([(1, "b"), (1, "a"), (0, 2.5), (0, 2), (1,), (1, "a", 0)]))
print(sorted([(2, 1), (2, 1.0), (2, True), (1, 2**80), (1, -2**80)]))
nan = float("nan")
print(sorted([(1, nan), (1, 2)]) [1][1], sorted([3, 2**70, -1, 5]), sorted(list(range(40)) + list(range(40))))
print(sorted(list(range(50)), reverse=True)[:5], sorted(list(range(50, 0, -1)))[:5])
class Bad:
    def __init__(self, v): self.v = v
    def __lt__(self, other):
        if self.v == 13 or other.v == 13:
            raise RuntimeError("no 13")
        return self.v < other.v
items = [Bad(v) for v in data[:40]] + [Bad(13)]
try:
    items.sort()
except RuntimeError as e:
    print("RuntimeError", e, len(items), sorted(b.v for b in items) == sorted(data[:40] + [13]))
seq = list(range(20, 0, -1))
seq.sort(key=lambda v: (v % 3, -v))
print(seq)
