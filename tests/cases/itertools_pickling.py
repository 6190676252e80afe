# itertools iterators pickle and copy at their current position with CPython 3.11's __reduce__ shapes
# (accumulate, chain, compress, cycle, dropwhile, takewhile, filterfalse, groupby and _grouper, islice).
import copy
import operator
import pickle
from itertools import (accumulate, chain, compress, cycle, dropwhile, filterfalse, groupby, islice, takewhile)

def expand(it, depth=0):
    # Lists of what an iterator yields (groups expanded), at most 8 items per level.
    if isinstance(it, str) or depth > 3:
        return it
    try:
        items = list(islice(it, 8))
    except TypeError:
        return it
    return [expand(x, depth + 1) for x in items]

def second(a, b):
    return b

def below3(x):
    return x < 3

def third(x):
    return x // 3

def check(name, make, take=2):
    it = make()
    for _ in range(take):
        next(it, None)
    results = [expand(pickle.loads(pickle.dumps(it, proto))) for proto in range(pickle.HIGHEST_PROTOCOL + 1)]
    results.append(expand(copy.deepcopy(it)))
    callable_, args, *state = it.__reduce__()
    print(f"{name}: {callable_.__name__} {len(args)} args, state {'yes' if state else 'no'}",
          all(r == results[0] for r in results), results[0], expand(it) == results[0])

check("accumulate", lambda: accumulate([1, 2, 3, 4, 5]))
check("accumulate initial", lambda: accumulate([1, 2, 3], operator.mul, initial=10), 0)
check("accumulate func", lambda: accumulate([3, 1, 4, 1, 5], max))
check("accumulate None total", lambda: accumulate([None, 1, 2], second), 1)
check("chain", lambda: chain("ab", [], "cde"), 3)
check("chain fresh", lambda: chain("ab", "c"), 0)
check("chain.from_iterable", lambda: chain.from_iterable(["xy", "z"]), 1)
check("compress", lambda: compress("abcdef", [1, 0, 1, 0, 1, 1]), 1)
check("cycle", lambda: cycle("abc"), 2)
check("cycle second pass", lambda: cycle("abc"), 4)
check("dropwhile", lambda: dropwhile(below3, [1, 2, 3, 4, 1]), 1)
check("takewhile", lambda: takewhile(below3, [1, 2, 3, 4, 1]), 1)
check("takewhile stopped", lambda: takewhile(below3, [1, 2, 3, 4, 1]), 3)
check("filterfalse", lambda: filterfalse(None, [0, 1, 0, 2, 0]), 1)
check("islice", lambda: islice(range(100), 2, 40, 7), 1)
check("islice open", lambda: islice("abcdef", 1, None), 1)
check("islice done", lambda: islice("ab", 5), 1)
check("groupby", lambda: groupby("aaabbcdd"), 1)
check("groupby key", lambda: groupby(range(10), third), 2)

g = groupby("aabbb")
key, group = next(g)
print(key, pickle.loads(pickle.dumps(group)).__class__.__name__, list(pickle.loads(pickle.dumps(group))))
next(g)
print(group.__reduce__()[0].__name__, list(group))

c = cycle("xy")
c.__setstate__((list("pq"), 1))
print([next(c) for _ in range(5)])
c = cycle([1, 2])
c.__setstate__(([7], 0))
print([next(c) for _ in range(4)])
for bad in ["no", ([1],), ("ab", 0)]:
    try:
        cycle("a").__setstate__(bad)
    except TypeError as e:
        print("TypeError:", e)
ch = chain()
ch.__setstate__((iter(["ab", "c"]),))
print(list(ch))
try:
    chain().__setstate__(([1],))
except TypeError as e:
    print("TypeError:", e)
a = accumulate([1, 2, 3])
a.__setstate__(100)
print(list(a))
s = islice("abcdefgh", 0, None, 2)
s.__setstate__(3)
print(list(s))
d = dropwhile(below3, [1, 6, 2])
d.__setstate__(True)
print(list(d))

# The combinatoric iterators: (type, (pool, r)) unstarted, their indices (and cycles) as state once started.
from itertools import combinations, combinations_with_replacement, count, permutations, product, zip_longest
check("product", lambda: product("ab", range(3)), 2)
check("product repeat", lambda: product([0, 1], repeat=3), 5)
check("product empty pool", lambda: product("ab", []), 1)
check("permutations", lambda: permutations("abcd", 2), 3)
check("permutations full", lambda: permutations(range(3)), 4)
check("permutations r > n", lambda: permutations("ab", 3), 0)
check("combinations", lambda: combinations("abcde", 3), 4)
check("combinations done", lambda: combinations("ab", 2), 2)
check("cwr", lambda: combinations_with_replacement("abc", 2), 3)
print(permutations("abc", 2).__reduce__()[1:], combinations("abc", 2).__reduce__()[1:])
p = permutations("abc", 2)
next(p)
print(p.__reduce__()[2])
pr = product("ab", "xyz")
pr.__setstate__((1, 7))
print(list(pr))
cb = combinations(range(5), 2)
cb.__setstate__((9, -3))
print(list(cb)[:3])
for bad in [(1,), "ab"]:
    try:
        combinations("abc", 2).__setstate__(bad)
    except ValueError as e:
        print("ValueError:", e)
pm = permutations("abc")
pm.__setstate__(((2, 1, 0), (9, 9, 9)))
print(list(pm))
try:
    permutations("abc").__setstate__(((0, 1), (1, 1, 1)))
except ValueError as e:
    print("ValueError:", e)

print(list(islice(count(3.25 - 4j), 3)), list(islice(count(1, 0.5j), 2)))
try:
    count("a")
except TypeError as e:
    print("TypeError:", e)
z = zip_longest("ab", "c", fillvalue="-")
next(z)
z2 = pickle.loads(pickle.dumps(z))
print(list(z2), z.__reduce__()[2])
z.__setstate__("*")
print(list(z))
