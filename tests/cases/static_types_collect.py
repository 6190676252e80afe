# Static types (builtin and native-module types, set up lazily as modules are imported) stay reachable through
# collections: their dicts, methods and MROs survive gc.collect(), also for types first used after one.
import gc

gc.collect()
import collections
import functools
import itertools
import types

alias = list[int]
gc.collect()
print(alias, alias.__origin__, type(alias).__name__, type(alias).__mro__)
print(collections.deque.__mro__, sorted(k for k in vars(collections.deque) if not k.startswith("_"))[:5])
gc.collect()
print(types.SimpleNamespace(a=1), itertools.count(3).__reduce__(), functools.partial.__name__)
for t in (int, str, types.SimpleNamespace, collections.deque, itertools.chain, functools.partial, type(alias),
          types.GenericAlias, type(iter([])), type({}.keys())):
    gc.collect()
    print(t.__name__, t.__module__, len(t.__mro__), "__repr__" in vars(t) or "__repr__" in dir(t))
import array
gc.collect()
print(array.array("i", [1, 2]), dict[str, list[int]], tuple[int, ...] == tuple[int, ...])
