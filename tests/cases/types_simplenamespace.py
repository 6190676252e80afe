# types.SimpleNamespace (sys.implementation's type): keyword construction, repr with recursion, equality,
# unhashable, subclasses, __reduce__ for copy, errors.
import copy, sys, types
n = types.SimpleNamespace(a=1, b="x")
print(n, repr(types.SimpleNamespace()), n == types.SimpleNamespace(b="x", a=1), n != types.SimpleNamespace(a=2), n.__dict__)
try:
    types.SimpleNamespace(1)
except TypeError as e:
    print("TypeError:", e)
n.c = n
print(n)
del n.c
print(type(n), type(n).__name__, types.SimpleNamespace.__module__, type(sys.implementation) is types.SimpleNamespace)
try:
    hash(n)
except TypeError as e:
    print("TypeError:", e)
class Point(types.SimpleNamespace):
    pass
print(Point(z=1), n.__reduce__(), copy.deepcopy(types.SimpleNamespace(q=[1])), vars(Point(k=2)))
