# Subclassing the builtin iterator types (map, filter, zip, enumerate, reversed) and property, classmethod and
# staticmethod (abc.abstractclassmethod, functools.cached_property-like models); __get__/__set__ called directly.
class MyMap(map):
    def __init__(self, f, *its):
        self.calls = 0
    def __next__(self):
        self.calls += 1
        return super().__next__() * 10
m = MyMap(lambda x: x + 1, [1, 2, 3])
print(list(m), m.calls, type(m).__name__, isinstance(m, map))

class Evens(filter):
    pass
e = Evens(lambda x: x % 2 == 0, range(7))
e.tag = "t"
print(list(e), e.tag, Evens.__mro__)

class Z(zip):
    def __repr__(self): return "<Z>"
print(Z([1, 2], "ab"), list(Z([1, 2], "ab")), list(Z([1], [2], strict=True)))

class E(enumerate):
    def __next__(self):
        i, v = super().__next__()
        return f"{i}:{v}"
print(list(E("abc", 1)))

class R(reversed):
    pass
r = R([1, 2, 3])
print(type(r).__name__, list(r))
print(type(R({"a": 1}.keys())) if False else "")

class cached(property):
    def __get__(self, inst, owner=None):
        if inst is None: return self
        v = super().__get__(inst, owner)
        return ("cached", v)

class Thing:
    @cached
    def x(self): return 1
    @x.setter
    def x(self, v): print("set", v)
print(Thing().x, type(Thing.__dict__["x"]).__name__)
Thing().x = 5

class acm(classmethod):
    __isabstractmethod__ = True
class asm(staticmethod):
    pass
class U:
    @acm
    def f(cls): return cls.__name__
    @asm
    def g(): return "g"
print(U.f(), U().g(), U.__dict__["f"].__isabstractmethod__)
p = property(lambda self: 7, lambda self, v: print("fset", v))
class O: pass
o = O()
print(p.__get__(o, O), p.__get__(None, O) is p)
p.__set__(o, 3)
try: p.__get__(None, None)
except TypeError as ex: print(ex)
try: p.__get__()
except TypeError as ex: print(ex)
f = lambda self: self
print(f.__get__(5)(), staticmethod(len).__get__(1)("ab"), classmethod(f).__get__(None, O)())
try:
    class B(bool): pass
except TypeError as ex: print(ex)
try:
    class RR(range): pass
except TypeError as ex: print(ex)
