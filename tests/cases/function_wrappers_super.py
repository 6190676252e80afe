# staticmethod/classmethod wrap as functools.wraps would (__dict__ seeded from the callable, __wrapped__),
# staticmethod objects are callable, reprs show the callable; super's __thisclass__/__self__/__self_class__ and
# __get__ (an unbound super binds through a class attribute).
def f(x:int)->int:
    'doc'
    return x
f.extra=1
s=staticmethod(f); c=classmethod(f)
print(s.__dict__); print(c.__dict__)
print(s(3), s.__wrapped__ is f, c.__wrapped__ is f, s.__name__, c.__doc__, s.__annotations__)
s.x=5; print(s.x, s.__dict__.keys())
print(sorted(staticmethod(len).__dict__), staticmethod(len).__name__)
print(sorted(staticmethod(1).__dict__))
try: staticmethod(1)()
except TypeError as e: print(e)
print(repr(s)[:28], repr(c)[:27], repr(staticmethod(1)), repr(classmethod(len)))
class K:
  @staticmethod
  def m(): return "m"
  @classmethod
  def k(cls): return cls.__name__
print(K.__dict__['m'].__name__, K.__dict__['m'].__qualname__, K.m(), K().k(), K.__dict__['k'].__qualname__)
super_obj = super(K, K())
print(super_obj.__thisclass__, super_obj.__self_class__, type(super_obj.__self__).__name__)
print(super(K).__self__, super(K).__self_class__)
print(type(super(K).__get__(K()).__self__).__name__)
class Base:
    def hello(self): return "Base.hello"
class Derived(Base):
    def hello(self): return "Derived.hello"
Derived.sup = super(Derived)
print(Derived().sup.hello(), Derived.sup is Derived.__dict__['sup'])
class SM(staticmethod):
    pass
sm = SM(f); sm.tag = 1
print(sorted(sm.__dict__), sm.__wrapped__ is f, SM.__mro__[1].__name__)
import functools
@functools.wraps(f)
def g(*a): return f(*a)
print(staticmethod(g).__wrapped__ is g, staticmethod(g).__name__)
class Abstract:
    @staticmethod
    def __dir__(): return ["z"]
print(dir(Abstract()))
