# The sequence, mapping and set dunders of builtin containers called by name.
cases = [
    '[1].__mul__("a")', '[1].__mul__(2)', '[1].__rmul__(3)', '[1].__add__(1)', '[1].__add__([2])', '[].__iadd__(3)',
    '"a".__rmul__(3)', '"ab".__mul__(-1)', '"%s".__rmod__(3)', '"%s!".__mod__(3)', '"ab".__add__("c")',
    '"ab".__add__(1)', '(1,).__add__([2])', '(1,).__add__((2,))', '(1,).__rmul__(2)', '(1,).__mul__(2**100)',
    '{1}.__iand__([1])', '{1}.__rand__({2})', '{1, 2}.__rsub__({2, 3})', '{1}.__ror__({2})', '{1}.__rxor__({1, 2})',
    'frozenset({1}).__rand__({1})', '{1}.__and__([1])', 'range(0).__bool__()', 'range(5).__bool__()',
    'range(10**20).__bool__()', '{}.__ror__({1: 2})', '{1: 2}.__ror__(1)', '[1, 2].__len__()',
    '[1, 2].__contains__(2)', '(1, 2).__getitem__(-1)', 'None.__bool__()', 'list.__add__',
]
for e in cases:
    try:
        print(e, '->', repr(eval(e)))
    except Exception as x:
        print(e, '!!', type(x).__name__, x)

l = [1]
print(l.__iadd__([2]) is l, l)
print(l.__imul__(2) is l, l)
d = {1: 2}
print(d.__ior__([(3, 4)]) is d, d)
s = {1, 2, 3}
print(s.__isub__({1}) is s, s)
s.__ior__({9})
s.__ixor__({2, 7})
s.__iand__({3, 7, 9})
print(sorted(s))
s = {1, 2, 3}; s.difference_update([1], {2}); print(s)
s = {1, 2, 3}; s.intersection_update([1, 2], {2}); print(s)
s = {1, 2, 3}; s.symmetric_difference_update([3, 4]); print(s)
s = {1, 2, 3}; s.difference_update(); print(s)
for e in ['set().symmetric_difference_update()', 'set().difference_update(1)', 'set().intersection_update([[]])']:
    try:
        eval(e)
    except Exception as x:
        print(e, '!!', type(x).__name__, x)
print(slice(1, None, -2).indices(10), slice(None).indices(0), slice(-100, 100, 3).indices(7))
for e in ['slice(1).indices(-1)', 'slice(1).indices("a")', 'slice(0, 1, 0).indices(3)', 'slice("a").indices(3)',
          'slice(1).indices()']:
    try:
        print(eval(e))
    except Exception as x:
        print(e, '!!', type(x).__name__, x)
print('__dict__' in dir(int), '__dict__' in dir(object), '__dict__' in dir(ValueError('a')))
class A:
    pass
a = A()
a.x = 1
print(a.__dict__, vars(a), '__dict__' in dir(a))
