# frozenset(f) and f.copy() of an exact frozenset are f itself; a set built from a dict reuses the dict's stored
# hashes (no key's __hash__ runs again), as CPython does.
f = frozenset(range(3))
print(frozenset(f) is f, f.copy() is f, set(f) is f, frozenset(set(f)) is f)
class F(frozenset): pass
g = F(range(3))
print(F(g) is g, g.copy() is g, type(g.copy()).__name__, frozenset(g) is g)

class Counting(int):
    hashes = 0
    def __hash__(self):
        Counting.hashes += 1
        return int.__hash__(self)
d = dict.fromkeys(map(Counting, range(10)))
print("after the dict", Counting.hashes)
s = set(d)
print("after set(d)", Counting.hashes, sorted(s))
fs = frozenset(d)
print("after frozenset(d)", Counting.hashes, len(fs))
s.update(d)
print("after update", Counting.hashes)
