# Dict iteration and merging notice mutation as CPython does: a size change, keys deleted and re-added at the
# same size, a dict changed by a key's __eq__ during update(); a dict subclass that iterates otherwise
# (OrderedDict) is merged through keys(); builtin class methods called through an instance; views' .mapping.
import collections

def attempt(label, action):
    try:
        print(label, action())
    except Exception as e:
        print(label, type(e).__name__, e)

def delete_and_readd(view):
    d = {0: 0}
    for _ in view(d):
        del d[0]
        d[0] = 0
    return d
for name, view in [("keys", lambda d: d), ("values", dict.values), ("items", dict.items)]:
    attempt("delete and re-add over " + name, lambda: delete_and_readd(view))

def grow():
    d = {1: 1}
    for k in d:
        d[k + 1] = 1
attempt("grow", grow)

it = iter({1: 2, 3: 4})
print("length hints", it.__length_hint__(), next(it), it.__length_hint__())
d = {1: 1}
it = iter(d.items())
d[2] = 2
for i in range(2):
    attempt("after a size change, call %d" % i, lambda: next(it))
print("hint after change", it.__length_hint__())
s = {1}
sit = iter(s)
s.add(2)
for i in range(2):
    attempt("set after a size change, call %d" % i, lambda: next(sit))

class ClearsOther:
    def __hash__(self): return 0
    def __eq__(self, o):
        other.clear()
        return False
other = dict((i, 0) for i in range(1, 100))
other[ClearsOther()] = 0
target = {ClearsOther(): 0, 1: 1}
attempt("update mutated", lambda: target.update(other))

od = collections.OrderedDict([("a", 1), ("b", 2)])
od.move_to_end("a")
print("dict(od)", list(dict(od).items()), list({**od}.items()))
merged = {}
merged.update(od)
print("update(od)", list(merged))

class Reversing(dict):
    def keys(self): return reversed(list(dict.keys(self)))
    __iter__ = keys
print("subclass with __iter__", dict(Reversing([(1, 1), (2, 2)])))

print("fromkeys via instance", {}.fromkeys("ab"), {"z": 1}.fromkeys([1], 0))
print("from_bytes via instance", (5).from_bytes(b"\x01\x00", "big"), b"".fromhex("41"), (1.5).fromhex("0x1p1"))
fromkeys = dict.__dict__["fromkeys"]
attempt("descriptor with a class", lambda: fromkeys(dict, "xy"))
attempt("descriptor with an instance", lambda: fromkeys({}, "xy"))
attempt("descriptor with a foreign class", lambda: fromkeys(int, "xy"))
attempt("descriptor without arguments", lambda: fromkeys())

d = {"k": 1}
for view in (d.keys(), d.values(), d.items()):
    m = view.mapping
    print(type(m).__name__, m, m["k"])
    def assign(): m["k"] = 2
    attempt("mapping is read-only", assign)
