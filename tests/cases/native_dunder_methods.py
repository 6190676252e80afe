# The native modules' types show their slots as dunder methods, as CPython's do: collections.abc's hooks
# (Iterator, Sized, Callable) look for them in the class dicts, and code calls them explicitly.
import itertools
from _collections import deque, defaultdict
from _functools import partial
import _operator

def has(cls, *names):
    return [name for name in names if name in cls.__dict__]

print(has(itertools.count, '__iter__', '__next__'))
print(has(itertools.chain, '__iter__', '__next__'))
print(has(deque, '__len__', '__getitem__', '__setitem__', '__delitem__', '__contains__', '__iter__', '__iadd__',
          '__add__', '__mul__', '__imul__', '__bool__'))
print(has(partial, '__call__'), has(_operator.itemgetter, '__call__'))
print(has(defaultdict, '__or__', '__ror__'))
d = deque([1, 2])
d.__iadd__([3])
print(d, d.__len__(), d.__getitem__(0), d.__contains__(3), list(d.__iter__()))
c = itertools.count(5)
print(c.__next__(), c.__iter__() is c)
print(partial(max, 1).__call__(2))
print(defaultdict(int, a=1).__or__({'b': 2}))
print(list(itertools.islice(range(5), 2**70)) if False else 'skip')
try:
    itertools.islice(range(5), 2**70)
except ValueError as e:
    print(e)
