# super().__init__(...) from subclasses of builtin types reaches the builtin's own __init__ (list.__init__,
# ValueError.__init__, StringIO.__init__, ...), and object.__init__ keeps CPython's excess-argument rules.
import builtins, io, collections, array, weakref, random

print("== which builtins show an __init__ of their own")
print(sorted(n for n, t in vars(builtins).items()
             if isinstance(t, type) and "__init__" in t.__dict__ and not issubclass(t, BaseException)
             and t.__name__ not in ("property", "staticmethod", "classmethod")))
print(all("__init__" in t.__dict__ for t in vars(builtins).values()
          if isinstance(t, type) and issubclass(t, BaseException) and t is not ExceptionGroup))
print("__init__" in ExceptionGroup.__dict__, list.__init__ is object.__init__)
print(sorted(n for n in ("StringIO", "BytesIO", "FileIO", "TextIOWrapper", "BufferedReader", "BufferedWriter",
                         "BufferedRandom", "BufferedRWPair", "IncrementalNewlineDecoder")
             if "__init__" in vars(io).get(n, io.TextIOWrapper).__dict__))

print("== object.__init__'s excess arguments")
class Plain: pass
class WithInit:
    def __init__(self, x): self.x = x
class WithNew:
    def __new__(cls, *a): return super().__new__(cls)
for target, args in [(object(), (1,)), (Plain(), (1,)), (Plain(), ()), (WithInit(1), (2,)), (WithNew(), (1, 2)),
                     ([1], (1,)), (5, (1,)), ("s", (1,))]:
    try:
        object.__init__(target, *args)
        print(type(target).__name__, "ok")
    except TypeError as e:
        print(type(target).__name__, "TypeError:", e)
try: object.__init__(Plain(), x=1)
except TypeError as e: print("keyword:", e)
try: list.__init__(5, [1])
except TypeError as e: print("descriptor:", e)
l = [9, 9]; list.__init__(l, "ab"); print(l)
d = {"z": 0}; dict.__init__(d, a=1); print(d)

print("== super().__init__ from subclasses")
def attempt(name, make):
    try: print(name, make())
    except Exception as e: print(name, type(e).__name__, e)

class L(list):
    def __init__(self, x): super().__init__(x)
attempt("list", lambda: L("ab"))
class D(dict):
    def __init__(self, **k): super().__init__(**k)
attempt("dict", lambda: D(a=1))
class SI(set):
    def __init__(self, x): super().__init__(x)
attempt("set", lambda: sorted(SI("ba")))
class BA(bytearray):
    def __init__(self, x): super().__init__(x)
attempt("bytearray", lambda: BA(b"ab"))
class FS(frozenset):
    def __init__(self, x): super().__init__()
attempt("frozenset", lambda: sorted(FS("ba")))
class I(int):
    def __init__(self, x): super().__init__()
attempt("int", lambda: I(5))
class T(type):
    def __init__(cls, *a): super().__init__(*a)
attempt("type", lambda: T("X", (), {}).__name__)
class P(property):
    def __init__(self, f): super().__init__(f)
class S(staticmethod):
    def __init__(self, f): super().__init__(f)
class C(classmethod):
    def __init__(self, f): super().__init__(f)
class Holder:
    @P
    def x(self): return 5
    @S
    def s(): return "s"
    @C
    def c(cls): return cls.__name__
attempt("property", lambda: Holder().x)
attempt("staticmethod", lambda: Holder.s())
attempt("classmethod", lambda: Holder.c())
class E(ValueError):
    def __init__(self, a, b): super().__init__(a); self.b = b
attempt("ValueError", lambda: (E(1, 2).args, E(1, 2).b))
class OE(OSError):
    def __init__(self, *a): super().__init__(*a)
attempt("OSError", lambda: (OE(2, "x").errno, OE(2, "x").strerror))
class BE(BaseException):
    def __init__(self): super().__init__("q")
attempt("BaseException", lambda: BE().args)
class SE(SyntaxError):
    def __init__(self, *a): super().__init__(*a)
attempt("SyntaxError", lambda: SE("m", ("f", 1, 2, "t")).lineno)
class UE(UnicodeDecodeError):
    def __init__(self, *a): super().__init__(*a)
attempt("UnicodeDecodeError", lambda: UE("utf-8", b"x", 0, 1, "bad").reason)
class IE(ImportError):
    def __init__(self, *a, **k): super().__init__(*a, **k)
attempt("ImportError", lambda: IE("m", name="n").name)
class SIt(StopIteration):
    def __init__(self, *a): super().__init__(*a)
attempt("StopIteration", lambda: SIt(4).value)
class SX(SystemExit):
    def __init__(self, *a): super().__init__(*a)
attempt("SystemExit", lambda: SX(4).code)
class EG(ExceptionGroup):
    def __init__(self, *a): super().__init__(*a)
attempt("ExceptionGroup", lambda: EG("m", [ValueError()]).exceptions)
class SIO(io.StringIO):
    def __init__(self, v): super().__init__(v)
attempt("StringIO", lambda: SIO("abc").read())
class BIO(io.BytesIO):
    def __init__(self, v): super().__init__(v)
attempt("BytesIO", lambda: BIO(b"abc").read())
class TW(io.TextIOWrapper):
    def __init__(self, b): super().__init__(b, encoding="utf-8")
attempt("TextIOWrapper", lambda: TW(io.BytesIO(b"hi")).read())
class FIO(io.FileIO):
    def __init__(self, n): super().__init__(n)
attempt("FileIO", lambda: FIO("/dev/null").mode)
class BR(io.BufferedReader):
    def __init__(self, r): super().__init__(r)
attempt("BufferedReader", lambda: BR(io.BytesIO(b"z")).read())
class DQ(collections.deque):
    def __init__(self, it): super().__init__(it, 3)
attempt("deque", lambda: DQ(range(10)))
class DD(collections.defaultdict):
    def __init__(self): super().__init__(list)
attempt("defaultdict", lambda: DD()[1])
class OD(collections.OrderedDict):
    def __init__(self, *a): super().__init__(*a)
attempt("OrderedDict", lambda: OD([(1, 2)]))
class AR(array.array):
    def __init__(self, *a): super().__init__()
attempt("array", lambda: AR("i", [1]))
class R(weakref.ref):
    def __init__(self, o, cb=None): super().__init__(o, cb)
attempt("weakref", lambda: R(Holder)() is Holder)
class RR(random.Random):
    def __init__(self, s): super().__init__(s)
attempt("Random", lambda: RR(3).random())
