# Range equality and hashing follow the sequence a range produces (CPython range_equals / range_hash),
# for int64 and big bounds alike.
rs = [range(0), range(5, 5), range(10), range(0, 10, 1), range(0, 3, 5), range(0, 1), range(2**70),
      range(0, 2**70), range(2**70, 2**70 + 3), range(2**70, 2**70 + 3, 1), range(0, 2**70, 2**70),
      range(3, 0, -1), range(3, 0, -2), range(-5), range(1, 2, 2**80), range(1, 2)]
for i, a in enumerate(rs):
    for j, b in enumerate(rs):
        if (a == b) != (hash(a) == hash(b)) and a == b:
            print("hash mismatch", a, b)
    print(i, [j for j, b in enumerate(rs) if a == b], [j for j, b in enumerate(rs) if a != b] == [j for j, b in enumerate(rs) if not a == b])
# hash(None) is an address in 3.11, so only hashes of non-empty, multi-element ranges are fixed numbers.
print(hash(range(10)), hash(range(2**70)), hash(range(3, 0, -2)) == hash(range(3, -1, -2)))
print({range(0): 1, range(4, 4): 2}, range(1) in {range(0, 1, 7)})
print(range(3) == [0, 1, 2], range(3) != (0, 1, 2), range(3).__eq__(3))
try:
    range(3) < range(4)
except TypeError as e:
    print(e)

# Big ranges (bounds or length past int64) and searching for non-int values, which compare element by element.
r = range(2**70)
print(r.index(5), r.index(2**69), r.count(2**69), r.count(2**71))
print(list(reversed(range(2**70, 2**70 + 3))))
print(range(10).index(True), range(0, 10, 3).index(9))
try:
    range(3).index(2**80)
except ValueError as e:
    print(e)
class X:
    def __eq__(self, other): return True
print(range(5).count(X()), range(5).index(X()), X() in range(0), range(5).index(3.0), 3.0 in range(2**70))
class I(int):
    def __eq__(self, other): return other == 4
print(I(1) in range(3), range(10).index(I(1)), range(10).count(I(7)))
print(list(reversed(range(2**70, 2**70 + 10, 4))), list(reversed(range(2**70, 2**70))), list(reversed(range(0, -2**70, -2**69))))
print(range(-2**63 + 1, 2**63 - 1).index(2**63 - 2), (2**63 - 3) in range(-2**63 + 1, 2**63 - 1, 2))
for bad in (-1, 10, 2**70, 1.5, 'x'):
    try:
        range(10).index(bad)
    except ValueError as e:
        print(e)
big = range(-2**63 + 1, 2**63 - 1)
try:
    len(big)
except OverflowError as e:
    print(e)
print(big[0], big[-1], big, list(big[:3]), bool(big), big == range(-2**63 + 1, 2**63 - 1, 1))

# Indexing and slicing big ranges (CPython's _PySlice_GetLongIndices clamping).
h = range(2**70, 2**71, 3)
for s in (slice(None), slice(5), slice(-3, None), slice(None, None, -1), slice(10, 2, -2), slice(2**80, None),
          slice(-2**80, 4), slice(None, None, 2**70), slice(3, 1), slice(-1, -2**90, -5)):
    x = h[s]
    print(x, (x[-1] - x[0]) // x.step + 1 if x else 0, list(x[:2]))  # len() of most of these overflows
print(h[True], h[-1])
for bad in (slice(0, 1, 0), slice('a', 2), 'a', 2.0):
    try:
        h[bad]
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    h[2**80]
except IndexError as e:
    print(e)
