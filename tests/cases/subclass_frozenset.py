# frozenset subclasses: hashable, usable as keys, operations return plain frozensets.
class Tags(frozenset):
    def __repr__(self):
        return "Tags(" + ", ".join(sorted(self)) + ")"

    def has(self, tag):
        return tag in self


t = Tags(["b", "a", "c"])
print(t, repr(t), type(t).__name__, len(t), "a" in t, t.has("z"), sorted(t), isinstance(t, frozenset))
u = t | {"d"}
print(sorted(u), type(u).__name__, type(t & {"a"}).__name__, sorted(t - {"a"}), sorted(t ^ {"a", "q"}))
print(type(t.union(["x"])).__name__, type(t.copy()).__name__, t.issubset("abcd"), t.isdisjoint("xyz"))
print(t == frozenset("abc"), t == {"a", "b", "c"}, hash(t) == hash(frozenset("abc")), {frozenset("abc"): 1}[t])
index = {Tags("ab"): "first", Tags("cd"): "second"}
print(index[frozenset("ba")], Tags("dc") in index, sorted(index.values()))


class Ints(frozenset):
    pass


i = Ints([3, 1, 2])
i.note = "small"
print(i, i.note, Ints(), Ints(range(5)), Ints({1: 2}), sorted(Ints("hello")), max(i), sum(i))
try:
    Ints(5)
except TypeError as e:
    print("TypeError", e)
try:
    Ints([[1]])
except TypeError as e:
    print("TypeError", e)
try:
    i.add(4)
except AttributeError as e:
    print("AttributeError", e)
