# Metaclasses: __new__/__init__/__call__ of a metaclass, class keywords, __prepare__, metaclass conflicts,
# type(name, bases, ns, **kw), __instancecheck__/__subclasscheck__ and their error messages.
class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        print("Meta.__new__", mcs.__name__, name, bases, sorted(k for k in ns if not k.startswith('__')), kw)
        cls = super().__new__(mcs, name, bases, ns)
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name, kw)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print("Meta.__call__", cls.__name__, a, k)
        return super().__call__(*a, **k)
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 1}
    def hello(cls):
        return "hello from " + cls.__name__

class Base:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)

class C(Base, metaclass=Meta, flag=True):
    x = 1
    def __init__(self, v):
        self.v = v

print(type(C), C.injected, C.hello())
c = C(5)
print(c.v, type(c), isinstance(c, C), isinstance(C, Meta), type(C).__name__)
class D(C):
    pass
print(type(D))
print(D.__class__, D.__mro__)

class Other(type): pass
try:
    class E(C, metaclass=Other): pass
except TypeError as e:
    print("TypeError:", e)
class X(metaclass=Other): pass
try:
    class Y(C, X): pass
except TypeError as e:
    print("TypeError:", e)

# __call__ returning a non-instance
class Single(type):
    def __call__(cls, *a):
        return 42
class S(metaclass=Single): pass
print(S())
class NewNon:
    def __new__(cls):
        return 7
    def __init__(self):
        print("never")
print(NewNon())

# type() with 3 args and kw
def f(**kw): print("isc", kw)
T = type("T", (), {"__init_subclass__": classmethod(lambda cls, **kw: print("isc", cls.__name__, kw))})
U = type("U", (T,), {}, a=1)
M2 = Meta("M2", (), {"z": 3})
print(M2.z, type(M2))
print(repr(C), C.__name__, C.__qualname__)

class IC(type):
    def __instancecheck__(cls, inst):
        print("instancecheck", inst)
        return inst == 3
    def __subclasscheck__(cls, sub):
        print("subclasscheck", sub)
        return sub is int
class Q(metaclass=IC): pass
print(isinstance(3, Q), isinstance(4, Q), issubclass(int, Q), issubclass(str, Q), isinstance(3, (str, Q)))
print(isinstance(Q(), Q))
try:
    type("A", (1,), {})
except TypeError as e: print(e)
try:
    type("A", ())
except TypeError as e: print(e)
try:
    Meta("A", ())
except TypeError as e: print(e)
try:
    class Bad(metaclass=type(lambda: 0).__class__): pass
except TypeError as e: print(e)
def fmeta(name, bases, ns, **kw):
    print("fmeta", name, bases, kw)
    return 99
class R(int, metaclass=fmeta, q=2): pass
print(R)
class NP(type):
    @classmethod
    def __prepare__(m, n, b): return 5
try:
    class Z(metaclass=NP): pass
except TypeError as e: print(e)
