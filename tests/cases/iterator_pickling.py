# The builtin iterators pickle and copy at their current position (__reduce__/__setstate__), as CPython 3.11's;
# range and slice pickle; set_iterator has __length_hint__; a set looked up in a set stands for its frozenset.
import copy
import pickle

def round_trips(it, take=1):
    for _ in range(take):
        next(it, None)
    copies = [pickle.loads(pickle.dumps(it, proto)) for proto in range(pickle.HIGHEST_PROTOCOL + 1)]
    copies.append(copy.copy(it))
    rest = [list(c) for c in copies]
    same = all(r == rest[0] for r in rest)
    print(f"  {same} {rest[0]} original: {list(it)}")

def shape(it):
    # The reduce value without object addresses: callable name, then the argument and state types/values.
    callable_, args, *state = it.__reduce__()
    described = [a if isinstance(a, (list, tuple, str, int, type(None))) else type(a).__name__ for a in args]
    print(f"  {callable_.__name__} {described} {state}")

for make, take in [(lambda: iter([1, 2, 3]), 1), (lambda: iter((1, 2, 3)), 2), (lambda: iter("abc"), 1),
                   (lambda: iter("añb€c"), 2), (lambda: reversed([1, 2, 3]), 1), (lambda: reversed((1, 2, 3)), 1),
                   (lambda: iter(range(10, 20, 3)), 1), (lambda: iter({1: "a", 2: "b", 3: "c"}), 1),
                   (lambda: iter({1: "a", 2: "b"}.values()), 1), (lambda: iter({1: "a", 2: "b"}.items()), 0),
                   (lambda: iter({5, 6, 7}), 1), (lambda: enumerate("xyz", 5), 1), (lambda: zip("ab", [1, 2]), 1),
                   (lambda: map(abs, [-1, -2, 3]), 1), (lambda: filter(None, [0, 1, 2, 0, 3]), 1)]:
    it = make()
    print(type(it).__name__.replace("str_ascii_iterator", "str_iterator"))
    round_trips(it, take)
    shape(make())
    exhausted = make()
    list(exhausted)
    shape(exhausted)

class Squares:
    def __getitem__(self, i):
        if i > 4:
            raise IndexError(i)
        return i * i
it = iter(Squares()); next(it)
print(pickle.loads(pickle.dumps(it)).__reduce__()[2], list(pickle.loads(pickle.dumps(it)))[:1] == [1])
calls = iter([1, 2, 3, 0, 5]).__next__
print(iter(calls, 0).__reduce__()[1][1], list(iter(calls, 0)))
strict = zip("ab", [1, 2], strict=True)
print(strict.__reduce__()[2:], pickle.loads(pickle.dumps(strict)).__reduce__()[2:])

# __setstate__ clamps the position as CPython does.
for make, state in [(lambda: iter([1, 2, 3]), 2), (lambda: iter([1, 2, 3]), -5), (lambda: iter((1, 2)), 9),
                    (lambda: iter("héllo"), 3), (lambda: reversed([1, 2, 3]), 0), (lambda: reversed([1, 2, 3]), 10),
                    (lambda: reversed("abc"), -7), (lambda: iter(range(5)), 3)]:
    it = make()
    it.__setstate__(state)
    print(state, list(it))
try:
    iter([]).__setstate__("x")
except TypeError as e:
    print("TypeError:", e)
z = zip("ab", "c")
z.__setstate__(True)
try:
    list(z)
except ValueError as e:
    print("ValueError:", e)

print(pickle.loads(pickle.dumps(range(2**70, 5, -3))), range(1, 9, 2).__reduce__())
print(slice(1, None, "x").__reduce__(), pickle.loads(pickle.dumps(slice(3))))

it = iter({1, 2, 3})
print(it.__length_hint__(), next(it) is not None, it.__length_hint__())
s = {frozenset({1}), frozenset()}
print({1} in s, set() in s, {2} in s)
s.discard(set())
print(s)
s.remove({1})
print(s)
try:
    s.remove({7})
except KeyError as e:
    print("KeyError:", e)
try:
    [1] in s
except TypeError as e:
    print("TypeError:", e)
