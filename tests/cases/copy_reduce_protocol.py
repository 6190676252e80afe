# The copy/pickle protocol of objects: object.__reduce_ex__ for protocols 0-5 (copyreg.__newobj__/_ex__,
# copyreg._reduce_ex), __getstate__/__setstate__, __getnewargs(_ex)__, list/dict items, value-type and set
# subclasses, exceptions; reconstructed the way Lib's copy module does.
import sys
sys.dont_write_bytecode = True  # Lib's copyreg is imported by __reduce_ex__: never write caches next to it
if "/usr/lib/python3.11" not in sys.path:
    sys.path.append("/usr/lib/python3.11")


class copy:
    """A small stand-in for Lib's copy module (which needs `types`): the same reduce/reconstruct path."""
    atomic = (int, float, str, bytes, bool, type(None), tuple, frozenset, type)

    @staticmethod
    def copy(x):
        if type(x) in copy.atomic:
            return x
        if type(x) in (list, dict, set):
            return x.copy()
        return copy._reconstruct(x.__reduce_ex__(4), False, {})

    @staticmethod
    def deepcopy(x, memo=None):
        memo = {} if memo is None else memo
        if id(x) in memo:
            return memo[id(x)]
        cls = type(x)
        if cls in (int, float, str, bytes, bool, type(None), type):
            return x
        if cls is list:
            y = memo[id(x)] = []
            y.extend(copy.deepcopy(a, memo) for a in x)
            return y
        if cls is tuple:
            return tuple(copy.deepcopy(a, memo) for a in x)
        if cls is dict:
            y = memo[id(x)] = {}
            for k, v in x.items():
                y[copy.deepcopy(k, memo)] = copy.deepcopy(v, memo)
            return y
        if cls in (set, frozenset):
            return cls(copy.deepcopy(a, memo) for a in x)
        y = copy._reconstruct(x.__reduce_ex__(4), True, memo)
        memo[id(x)] = y
        return y

    @staticmethod
    def _reconstruct(rv, deep, memo):
        func, args, state, listiter, dictiter = (tuple(rv) + (None,) * 5)[:5]
        if deep:
            args = copy.deepcopy(args, memo)
        y = func(*args)
        if state is not None:
            if deep:
                state = copy.deepcopy(state, memo)
            if hasattr(y, "__setstate__"):
                y.__setstate__(state)
            else:
                if isinstance(state, tuple) and len(state) == 2:
                    state, slotstate = state
                else:
                    slotstate = None
                if state is not None:
                    y.__dict__.update(state)
                if slotstate is not None:
                    for key, value in slotstate.items():
                        setattr(y, key, value)
        if listiter is not None:
            for item in listiter:
                y.append(copy.deepcopy(item, memo) if deep else item)
        if dictiter is not None:
            for key, value in dictiter:
                y[copy.deepcopy(key, memo) if deep else key] = copy.deepcopy(value, memo) if deep else value
        return y

class P:
    def __init__(self, x, items=None):
        self.x = x
        self.items = items if items is not None else []
    def __repr__(self): return f"P({self.x!r}, {self.items!r})"
p = P(3, [1, [2, 3]])
r = p.__reduce_ex__(2)
print(r[0].__name__, r[1][0] is P, r[2], r[3:])
print(p.__reduce_ex__(4)[2] is p.__dict__, object().__reduce_ex__(4)[1:], P.__dict__.get("__slotnames__"))
c = copy.copy(p); d = copy.deepcopy(p)
print(c, d, c.items is p.items, d.items is p.items, d.items[1] is p.items[1])
class L(list):
    pass
l = L([1, 2]); l.tag = "t"
lc = copy.deepcopy(l)
print(type(lc).__name__, lc, lc.tag)
class D(dict): pass
dd = D(a=[1]); dc = copy.deepcopy(dd)
print(type(dc).__name__, dc, dc["a"] is dd["a"])
class I(int):
    pass
i = I(7); i.note = "n"
ic = copy.copy(i)
print(type(ic).__name__, ic, ic.note, I(5).__getnewargs__(), "ab".__getnewargs__(), (1,).__getnewargs__())
class S(set): pass
s = S({1, 2}); s.a = 1
sc = copy.copy(s)
print(type(sc).__name__, sorted(sc), sc.a, S({3}).__reduce__())
class NA:
    def __init__(self, a, b): self.a, self.b = a, b
    def __getnewargs__(self): return (self.a, self.b)
    def __new__(cls, a, b):
        o = super().__new__(cls); o.made = (a, b); return o
n = copy.copy(NA(1, 2))
print(n.made, n.a, n.__reduce_ex__(2)[1])
class KW:
    def __new__(cls, *, k): o = super().__new__(cls); o.k = k; return o
    def __getnewargs_ex__(self): return ((), {"k": self.k})
print(copy.copy(KW(k=9)).k, KW(k=1).__reduce_ex__(4)[0].__name__)
class GS:
    def __init__(self): self.a = 1; self.cache = "big"
    def __getstate__(self):
        st = self.__dict__.copy(); del st["cache"]; return st
    def __setstate__(self, st):
        self.__dict__.update(st); self.cache = "rebuilt"
g = copy.deepcopy(GS())
print(g.a, g.cache)
e = copy.copy(ValueError("bad", 2))
print(repr(e), ValueError("x").__reduce__())
class R:
    def __reduce__(self): return (R, (), {"via": "reduce"})
print(copy.copy(R()).__dict__, R().__reduce_ex__(3)[2])
class BadArgs:
    def __getnewargs__(self): return 5
try: BadArgs().__reduce_ex__(2)
except TypeError as ex: print(ex)
try: object().__reduce_ex__()
except TypeError as ex: print(ex)
print(copy.deepcopy({"k": [1, {2, 3}], "t": (1, [2])}))
for proto in range(6):
    r = P(1).__reduce_ex__(proto)
    print(proto, r[0].__name__, r[1][1:] if proto < 2 else r[1][1:], r[2])
