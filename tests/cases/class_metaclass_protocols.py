# The class-creation protocols around metaclasses: a dict-subclass namespace from __prepare__, __mro_entries__
# and __orig_bases__, implicit-classmethod __class_getitem__, __set_name__, metaclass properties, dunders and
# __getattr__ seen from the class, a lost __classcell__, abstract classes for isinstance/issubclass.
class Recording(dict):
    def __init__(self):
        super().__init__()
        self.order = []
    def __setitem__(self, k, v):
        self.order.append(k)
        super().__setitem__(k, v)
class OrderMeta(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return Recording()
    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, dict(ns))
        cls.order = [k for k in ns.order if not k.startswith("__")]
        return cls
class P(metaclass=OrderMeta):
    b = 1
    a = 2
    def m(self): return __class__
    c = b + a
print(P.order, P.c, P().m())

class Alias:
    def __repr__(self): return "<Alias>"
    def __mro_entries__(self, bases):
        print("mro_entries", bases)
        return (dict,)
class W(Alias(), int.__class__.__class__ and object):
    pass
print(W.__bases__, W.__orig_bases__)
try:
    type("V", (Alias(),), {})
except TypeError as e: print(e)

class G:
    def __class_getitem__(cls, item):
        return f"G[{item!r}]"
print(G[int], G[1, 2])

class Desc:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
    def __get__(self, inst, owner):
        return self.name if inst else self
class H:
    d = Desc()
print(H().d)

class MetaAttr(type):
    registry = []
    @property
    def upper(cls): return cls.__name__.upper()
    def __getattr__(cls, name):
        return f"missing {name}"
    def __repr__(cls):
        return f"<MetaAttr {cls.__name__}>"
    def __len__(cls): return 3
    def __iter__(cls): return iter([1,2,3])
    def __getitem__(cls, k): return k * 2
    def __or__(cls, o): return "or!"
    def __eq__(cls, o): return o == "x"
    __hash__ = type.__hash__
class K(metaclass=MetaAttr):
    pass
print(K.upper, K.foo, repr(K), K, len(K), list(K), K[4], K | int, K == "x", K.registry)
try:
    K().registry
except AttributeError as e: print(e)

class Lost(type):
    def __new__(mcs, name, bases, ns):
        ns = dict(ns); ns.pop("__classcell__", None)
        return super().__new__(mcs, name, bases, ns)
try:
    class L(metaclass=Lost):
        def f(self): return __class__
except RuntimeError as e: print("RuntimeError:", e)

class Abs(type):
    def __new__(mcs, name, bases, ns, **kwargs):
        return super().__new__(mcs, name, bases, ns, **kwargs)
class Base:
    def __init_subclass__(cls, /, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
class Sub(Base, metaclass=Abs, tag="t"):
    pass
print(Sub.tag)
try:
    class Sub2(Base, metaclass=Abs, tag="t", other=1):
        pass
except TypeError as e: print(e)
print(type.__prepare__("a", ()), type(type.__prepare__))
try: type(1, 2)
except TypeError as e: print(e)
try: type(1, k=2)
except TypeError as e: print(e)
try: type.__init__(int, 1, 2)
except TypeError as e: print(e)
class MM(type): pass
class N1(metaclass=MM): pass
class N2(N1): pass
print(type(N2), type(type("Q", (N1,), {})))
print(MM.__instancecheck__(N1, N2()), MM.__subclasscheck__(N1, N2))
class VV: __class__ = int
print(isinstance(VV(), int), isinstance(VV(), VV))
class Fake:
    __bases__ = ()
class Fake2:
    __bases__ = (Fake(),)
f = Fake()
print(issubclass(Fake2(), f) if False else "skip")
try: issubclass(1, int)
except TypeError as e: print(e)
try: issubclass(int, 1)
except TypeError as e: print(e)
try: isinstance(1, 1)
except TypeError as e: print(e)

# Renaming a class sets the type's own name, not a namespace entry; a metaclass property's setter runs.
class Renamed:
    pass


Renamed.__name__ = "NewName"
Renamed.__qualname__ = "Outer.NewName"
print(Renamed.__name__, Renamed, "__name__" in Renamed.__dict__)
try:
    Renamed.__name__ = 5
except TypeError as e:
    print("TypeError:", e)


class WithProp(type):
    @property
    def level(cls):
        return cls._level

    @level.setter
    def level(cls, v):
        cls._level = v * 10


class Leveled(metaclass=WithProp):
    _level = 0


Leveled.level = 4
print(Leveled.level, Leveled._level)
