# tuple subclasses with overridden container dunders; builtins and operators use the overrides.
class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, [a, b])

    def __getitem__(self, i):
        if i == "first":
            return tuple.__getitem__(self, 0)
        return super().__getitem__(i)

    def __len__(self):
        return 100

    def __contains__(self, item):
        return item == "anything"

    def __iter__(self):
        yield "custom"
        yield from tuple.__iter__(self)

    def __eq__(self, other):
        return tuple(self) == tuple(other)

    __hash__ = tuple.__hash__


p = Pair(4, 5)
print(p, p[0], p["first"], p[1], len(p), "anything" in p, 4 in p, list(p), [x for x in p], tuple(p))
print(sorted(p, key=str), set(p) == {"custom", 4, 5}, p == (4, 5), p == ("custom", 4, 5), hash(p) == hash((4, 5)))
print(tuple.__len__(p), tuple.__contains__(p, 4), list(tuple.__iter__(p)), bool(p), repr(p))


class Tagged(tuple):
    pass


t = Tagged(x * x for x in range(4))
t.tag = "squares"
print(t, t.tag, vars(t), Tagged(), Tagged("ab"), Tagged([1, [2]]), Tagged({3: 4}), type(t + t).__name__, t + t)
print(t[1:3], type(t[1:3]).__name__, t * 0, reversed(t) is not None, list(reversed(t)), t.count(1), t.index(9))
try:
    Tagged(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    Tagged(5)
except TypeError as e:
    print("TypeError", e)


class Rev(tuple):
    def __iter__(self):
        return iter(reversed(tuple(tuple.__iter__(self))))


r = Rev((1, 2, 3))
a, b, c = r
first, *others = r
print(a, b, c, first, others, [*r], (*r,), list(r), r[0], sorted(r, reverse=True))
