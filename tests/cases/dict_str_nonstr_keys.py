# A str key finds an equal key of another type with the same hash (and the reverse): the dict's str fast path
# must still ask that key's __eq__. Namespaces keep their fast lookups.
class Key:
    def __init__(self, text):
        self.text = text
    def __hash__(self):
        return hash(self.text)
    def __eq__(self, other):
        print(f"  Key.__eq__({other!r})")
        return self.text == other
    def __repr__(self):
        return f"Key({self.text!r})"

d = {"key1": 42, "key2": 43, Key("key3"): 44}
print(d["key1"], d.get("key3"), "key3" in d, d["key3"])
print(d.get("absent", "default"), "absent" in d)
d["key3"] = 45          # replaces the value of the equal Key entry
print(d, len(d))
print(d.pop("key3"), d)
d[Key("key1")] = 99     # an equal str key is already there: its value changes, its key stays
print(d)
print(d.setdefault("key2", 0), {"a": 1}.get(Key("a")))

class Loud:             # same hash as a str, never equal to it
    def __hash__(self):
        return hash("name")
    def __eq__(self, other):
        print("  Loud.__eq__")
        return NotImplemented
g = {Loud(): 1, "other": 2}
print(g.get("name"), "name" in g)

class Broken:
    def __hash__(self):
        return hash("boom")
    def __eq__(self, other):
        raise ValueError("no comparing")
try:
    {Broken(): 1}.get("boom")
except ValueError as e:
    print("ValueError:", e)
ns = {}
exec("x = 1\ny = x + 1", ns)
print(ns["y"])

# setdefault, pop and a resizing insertion hash the key once and compare it once (CPython's atomicity).
class Counted:
    def __init__(self):
        self.hashes = self.eqs = 0
    def __hash__(self):
        self.hashes += 1
        return 42
    def __eq__(self, other):
        self.eqs += 1
        return self is other
a, b = Counted(), Counted()
y = {a: 5}
y.setdefault(b, [])
print("setdefault", a.hashes, b.hashes, a.eqs + b.eqs)
a, b = Counted(), Counted()
y = {a: 5, 0: 0, 1: 1, 2: 2, 3: 3}
y[b] = []
print("resize", a.hashes, b.hashes, a.eqs + b.eqs)
print("pop", y.pop(b), b.hashes, y.pop(b, "gone"), b.hashes)
print({}.pop(b, "empty"), b.hashes)
try:
    {}.pop([])
except KeyError as e:
    print("KeyError:", e)
try:
    {1: 2}.pop([])
except TypeError as e:
    print("TypeError:", e)
try:
    {1: 2}.setdefault({})
except TypeError as e:
    print("TypeError:", e)
