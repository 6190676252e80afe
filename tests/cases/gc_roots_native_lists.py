# Native code that gathers new objects while calling back into Python must keep them where the collector
# sees them. Each callback here collects and then allocates, so a part held only in C++ memory would be freed
# and its slot reused by the junk.
import gc
from typing import TypeVar

def churn():
    gc.collect()
    return [(list[i], ValueError(i), {i: str(i)}) for i in range(200)]

K = TypeVar('K')
V = TypeVar('V')
print(dict[list[K], set[V]][int, str])
print(dict[K, list[V]][bytes, float], tuple[K, ...][int])

class CollectingVar:
    """A type variable (it has __typing_subst__) whose substitution collects garbage."""
    def __init__(self, name):
        self.name = name
    def __typing_subst__(self, arg):
        churn()
        return arg
    def __repr__(self):
        return self.name

A = CollectingVar('A')
B = CollectingVar('B')
C = CollectingVar('C')
alias = dict[list[A], tuple[B, set[C]]]
print(alias.__parameters__)
print(alias[int, str, bytes])
print(list[tuple[A, B]][int, str], (list[A] | set[B]).__parameters__)

# A union's parameters are its members' type variables; subscripting it substitutes them.
T = TypeVar('T')
print((list[T] | int).__parameters__, (int | str).__parameters__)
print((list[T] | int)[str], (list[K] | dict[K, V])[int, bytes])
print((list[A] | set[B])[int, str])
try:
    (int | str)[int]
except TypeError as exc:
    print('TypeError', exc)
try:
    (list[T] | int)[int, str]
except TypeError as exc:
    print('TypeError', exc)

# ExceptionGroup.split/subgroup with a predicate: the parts derived so far live only in the native code.
def describe(e):
    if e is None:
        return None
    if isinstance(e, BaseExceptionGroup):
        return f'{type(e).__name__}({e.message!r}, [{", ".join(describe(x) for x in e.exceptions)}])'
    return repr(e)

def predicate(e):
    churn()
    return isinstance(e, TypeError)

eg = ExceptionGroup('outer', [ValueError(1), ExceptionGroup('mid', [TypeError(2), ValueError(3),
                     ExceptionGroup('inner', [TypeError(4), KeyError(5)])]), TypeError(6), ValueError(7)])
match, rest = eg.split(predicate)
print(describe(match))
print(describe(rest))
print(describe(eg.subgroup(predicate)))
print(describe(eg.subgroup(lambda e: not isinstance(e, BaseExceptionGroup) and bool(churn()) and e.args[0] % 2 == 1)))

class MyGroup(ExceptionGroup):
    def derive(self, excs):
        churn()
        return MyGroup(self.message, excs)
mg = MyGroup('mine', [ValueError(1), MyGroup('sub', [TypeError(2), ValueError(3)]), TypeError(4)])
match, rest = mg.split(predicate)
print(describe(match))
print(describe(rest))

# except* re-raising parts of a group.
try:
    try:
        raise ExceptionGroup('star', [ValueError(1), TypeError(2), KeyError(3), TypeError(4)])
    except* TypeError:
        churn()
        raise
    except* KeyError as e:
        churn()
        raise RuntimeError('new') from None
except BaseException as exc:
    print(describe(exc))
