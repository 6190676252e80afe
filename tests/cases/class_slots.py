# __slots__: member descriptors, no instance dict, unset slots, del, subclasses with and without slots, '__dict__'
# and '__weakref__' slots, private-name mangling, layout conflicts, errors, copy/pickle of slotted objects.
class P:
    __slots__ = ("x", "y")
    def __init__(s, x): s.x = x
p = P(1)
print(p.x, hasattr(p, "__dict__"), P.x, type(P.x).__name__)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.y
except AttributeError as e:
    print("AttributeError:", e)
del p.x
try:
    del p.x
except AttributeError as e:
    print("AttributeError:", e)
class Q(P):
    pass
q = Q(2); q.z = 5; print(q.z, q.__dict__)
class R(P):
    __slots__ = ("w", "__dict__")
r = R(3); r.w = 1; r.k = 2; print(r.w, r.k, r.__dict__)
class S:
    __slots__ = "only"
s = S(); s.only = 1; print(s.only, S.__slots__)
class W:
    __slots__ = ("__weakref__",)
import weakref; print(weakref.ref(W())() is None or True)
try:
    class Bad:
        __slots__ = ("a",)
        a = 1
except ValueError as e:
    print("ValueError:", e)
try:
    class Bad2(int):
        __slots__ = ("a",)
except TypeError as e:
    print("TypeError:", e)
class T:
    __slots__ = ("a", "b")
t = T(); t.a = [1]; print(t.a, T.__dict__.keys() - {"__module__", "__doc__"} >= {"a", "b"})
print(P.x.__get__(P(9)), P.__slots__)
import copy; c = copy.copy(P(7)); print(c.x)
import copy, gc, pickle, sys
class A:
    __slots__ = ("a",)
class B:
    __slots__ = ("b",)
try:
    class C(A, B): pass
except TypeError as e:
    print("TypeError:", e)
class D: pass
class E(A, D): pass
e = E(); e.a = 1; e.x = 2; print(e.a, e.__dict__)
class F(A):
    __slots__ = ("a",)
print(F.a, A.a, A.a.__name__, A.a.__objclass__, A.a.__qualname__ if hasattr(A.a, "__qualname__") else "")
try:
    class H: __slots__ = (1,)
except TypeError as e:
    print("TypeError:", e)
try:
    class I: __slots__ = ("__dict__", "__dict__")
except TypeError as e:
    print("TypeError:", e)
try:
    class K: __slots__ = ("a b",)
except TypeError as e:
    print("TypeError:", e)
class J:
    __slots__ = ("__x",)
    def __init__(s): s.__x = 5
    def get(s): return s.__x
print(sorted(k for k in J.__dict__ if "x" in k), J().get())
class L(list):
    __slots__ = ("tag",)
l = L([1, 2]); l.tag = "t"; print(l, l.tag, hasattr(l, "__dict__"))
class Pt:
    __slots__ = ("x", "y")
    def __init__(s, x, y): s.x, s.y = x, y
    def __repr__(s): return f"Pt({s.x}, {s.y})"
pts = [Pt(i, [i] * 3) for i in range(2000)]
gc.collect()
print(sum(p.x for p in pts), pts[-1].y[:2], copy.deepcopy(pts[5]), pickle.loads(pickle.dumps(pts[7])))
print(Pt(1, 2).__reduce_ex__(2)[2])
try:
    A.a.__get__(3)
except TypeError as e:
    print("TypeError:", e)
try:
    A.a.__set__(3, 1)
except TypeError as e:
    print("TypeError:", e)
import weakref
class W:
    __slots__ = ("v", "__weakref__")
w = W(); r = weakref.ref(w); print(r() is w)
try:
    weakref.ref(A())
except TypeError as e:
    print("TypeError:", e)
class M:
    __slots__ = ["p", "q"]
m = M(); m.p = 1
print(m.p, M.__slots__, [k for k in ("p", "q", "__dict__", "__weakref__") if k in M.__dict__])
