# _weakref: shared plain references, getweakrefs, _remove_dead_weakref, proxies, ref subclasses with __slots__.
import gc
import _weakref
from _weakref import ref, proxy, getweakrefcount, getweakrefs, ProxyType, CallableProxyType, ReferenceType

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

class A:
    def __init__(self, n):
        self.n = n
    def __call__(self, x):
        return x + self.n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        return i * 2
    def __add__(self, other):
        return 'added ' + repr(other)
    def __eq__(self, other):
        return isinstance(other, A) and other.n == self.n
    __hash__ = object.__hash__
    def __repr__(self):
        return f'A({self.n})'

a = A(3)
show("shared plain ref", lambda: ref(a) is ref(a))
cb = lambda r: None
c1 = ref(a, cb)
c2 = ref(a, cb)
show("callback refs distinct", lambda: c1 is c2)
r1 = ref(a)
show("count", lambda: getweakrefcount(a))
show("getweakrefs", lambda: (len(getweakrefs(a)), r1 in getweakrefs(a), getweakrefs(1)))
other = A(3)
show("ref eq", lambda: (r1 == c1, r1 == ref(other), r1 != ref(A(4) if False else other), hash(r1) == hash(a)))
show("ref alias", lambda: ref[int])
show("type names", lambda: (ReferenceType.__name__, ReferenceType.__module__, ProxyType.__name__,
                            CallableProxyType.__name__))

p = proxy(a)
show("proxy type", lambda: type(p) is CallableProxyType)
show("proxy attr", lambda: (p.n, p(10), len(p), p[4], p + 1, 1 + A(2) if False else p == A(3)))
p.n = 5
show("proxy setattr", lambda: a.n)
show("proxy str", lambda: str(p))
show("proxy bool", lambda: bool(p))
show("proxy hash", lambda: hash(p))
show("proxy class", lambda: p.__class__.__name__)
lst_holder = A(1)
plain_proxy = proxy(set([1, 2]) if False else lst_holder)
class Box:
    pass
b = Box()
b.items = [1, 2, 3]
pb = proxy(b)
show("proxy not callable", lambda: (type(pb) is ProxyType, pb.items))
show("proxy call error", lambda: pb())
del b
gc.collect()
show("dead proxy", lambda: pb.items)
show("dead proxy repr", lambda: repr(pb).endswith('; dead>'))
show("proxy of int", lambda: proxy(1))
show("proxy create", lambda: ProxyType())

events = []
class Thing:
    pass
def make_proxy():
    t = Thing()
    return proxy(t, lambda p: events.append('proxy callback'))
pt = make_proxy()
gc.collect()
show("proxy callback", lambda: events)

d = {}
class K:
    pass
k = K()
d['live'] = ref(k)
gone = K()
d['dead'] = ref(gone)
del gone
gc.collect()
_weakref._remove_dead_weakref(d, 'dead')
_weakref._remove_dead_weakref(d, 'live')
_weakref._remove_dead_weakref(d, 'missing')
show("remove dead", lambda: sorted(d))
show("remove dead bad", lambda: _weakref._remove_dead_weakref([], 1))

class KeyedRef(ref):
    __slots__ = ('key',)
    def __new__(cls, ob, callback, key):
        self = ref.__new__(cls, ob, callback)
        self.key = key
        return self
    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)
seen = []
def make_keyed():
    obj = Thing()
    kr = KeyedRef(obj, lambda r: seen.append(r.key), 'the key')
    print("keyed ref", kr() is obj, kr.key, type(kr).__name__, isinstance(kr, ref))
    return kr
kr = make_keyed()
gc.collect()
show("keyed callback", lambda: (seen, kr()))

from _collections import deque
from _functools import partial
dq = deque()
show("weakref deque", lambda: ref(dq)() is dq)
pl = partial(len)
show("weakref partial", lambda: ref(pl)() is pl)
show("weakref list", lambda: ref([]))
