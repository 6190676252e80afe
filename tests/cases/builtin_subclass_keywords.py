# Builtin constructors that take no keywords refuse them unless the subclass overrides __init__ (list: __new__),
# as CPython's clinic rule does; zip takes `strict` only; set/in/remove accept a set key as a frozenset.
import operator
from itertools import chain, compress, cycle, dropwhile, filterfalse, islice, repeat, starmap, takewhile

def is_even(x):
    return x % 2 == 0

cases = [(zip, ([1, 2], "ab")), (filter, (None, [0, 1])), (filterfalse, (None, [0, 1])),
         (chain, ([1, 2], [3, 4])), (map, (str, [1, 2])), (starmap, (operator.pow, ((2, 3), (3, 2)))),
         (islice, ([1, 2, 3, 4], 1, 3)), (takewhile, (is_even, [2, 3, 4])), (dropwhile, (is_even, [2, 3, 4])),
         (cycle, ([1, 2],)), (tuple, ([1, 2],)), (frozenset, ([1, 2],)),
         (list, ([1, 2],)), (set, ([1, 2],))]
for cls, args in cases:
    class Plain(cls):
        pass
    class WithInit(cls):
        def __init__(self, *args, newarg=None):
            self.newarg = newarg
    class WithNew(cls):
        def __new__(cls, *args, newarg=None):
            self = super().__new__(cls, *args)
            self.newarg = newarg
            return self
    results = [list(islice(Plain(*args), 3))]
    for kind in (Plain, WithInit, WithNew):
        try:
            obj = kind(*args, newarg=3)
            results.append((kind.__name__, list(islice(obj, 3)), getattr(obj, "newarg", None)))
        except TypeError as e:
            results.append((kind.__name__, "TypeError", str(e)))
    print(cls.__name__, results)
try:
    cls.__new__(list, [], bad=1)
except TypeError as e:
    print("TypeError:", e)
print(list(zip("ab", "cd", strict=True)))
