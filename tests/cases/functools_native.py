# _functools: partial, reduce, cmp_to_key and _lru_cache_wrapper (what functools.py builds on).
import _functools as ft

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

show("partial none", lambda: ft.partial())
show("partial not callable", lambda: ft.partial(1))
p = ft.partial(max, 1, key=abs)
show("partial attrs", lambda: (p.func, p.args, p.keywords))
show("partial repr", lambda: repr(p))
show("partial call", lambda: (p(-5, 3), p(-5, key=lambda x: -x)))
show("partial readonly", lambda: setattr(p, 'func', 1))
show("partial flatten", lambda: (ft.partial(p, 2).func, ft.partial(p, 2).args, ft.partial(p, 2, key=len).keywords))
show("partial kw merge", lambda: ft.partial(dict, a=1, b=2)(b=3, c=4))
def kwonly(*, key):
    return key
show("partial kw error", lambda: ft.partial(kwonly, key=1)(x=2))
q = ft.partial(max)
q.__dict__['x'] = 1
show("partial dict", lambda: (q.x, q.__dict__, ft.partial(q, 3).func is q))
q.label = 'hi'
show("partial setattr", lambda: q.label)
show("partial reduce", lambda: ft.partial(p).__reduce__())
r = ft.partial(len)
r.__setstate__((max, (1,), {'a': 1}, None))
show("partial setstate", lambda: repr(r))
show("partial bad state", lambda: r.__setstate__((1,)))
show("partial module", lambda: ft.partial.__module__)
show("partial alias", lambda: ft.partial[int])
class Method:
    f = ft.partial(lambda *a: a, 'bound?')
show("partial no binding", lambda: Method().f())
class P(ft.partial):
    pass
show("partial subclass repr", lambda: repr(P(max, 2)))
show("partial recursive repr", lambda: (lambda pp: (pp.args[0].append(pp), repr(pp))[1])(ft.partial(len, [])))
show("reduce", lambda: ft.reduce(lambda a, b: a * b, range(1, 6)))
show("reduce initial", lambda: ft.reduce(lambda a, b: a + b, [], 'start'))
show("reduce strings", lambda: ft.reduce(lambda a, b: b + a, 'abc'))
show("reduce args", lambda: ft.reduce(len))
show("reduce not iterable", lambda: ft.reduce(len, 1))
show("reduce empty", lambda: ft.reduce(len, []))
show("reduce too many", lambda: ft.reduce(len, [], 1, 2))
show("reduce keywords", lambda: ft.reduce(function=len, sequence=[]))
show("cmp_to_key missing", lambda: ft.cmp_to_key())
K = ft.cmp_to_key(lambda a, b: (a > b) - (a < b))
show("cmp_to_key sort", lambda: sorted([3, 1, 2], key=ft.cmp_to_key(lambda a, b: b - a)))
show("cmp_to_key compare", lambda: (K(1) < K(2), K(2) <= K(1), K(1) == K(1), K(3) != K(3)))
show("cmp_to_key other", lambda: K(1) < 3)
show("cmp_to_key hash", lambda: hash(K(1)))
show("cmp_to_key obj", lambda: K('x').obj)
show("cmp_to_key call", lambda: K())
show("cmp_to_key type", lambda: type(K(1)))

import sys
def info(*a):
    return a
calls = []
def square(x):
    calls.append(x)
    return x * x
cached = ft._lru_cache_wrapper(square, 2, False, info)
show("lru type", lambda: type(cached))
show("lru calls", lambda: [cached(1), cached(2), cached(1), cached(3), cached(2), cached(1)])
show("lru order", lambda: calls)
show("lru info", lambda: cached.cache_info())
cached.cache_clear()
show("lru cleared", lambda: cached.cache_info())
unbounded = ft._lru_cache_wrapper(square, None, False, info)
show("lru unbounded", lambda: ([unbounded(i % 3) for i in range(9)], unbounded.cache_info()))
nocache = ft._lru_cache_wrapper(square, 0, False, info)
show("lru zero", lambda: ([nocache(1), nocache(1)], nocache.cache_info()))
typed = ft._lru_cache_wrapper(lambda x: repr(x), 10, True, info)
show("lru typed", lambda: ([typed(1), typed(1.0), typed(True)], typed.cache_info()))
untyped = ft._lru_cache_wrapper(lambda x: repr(x), 10, False, info)
show("lru untyped", lambda: ([untyped(1), untyped(1.0), untyped(True)], untyped.cache_info()))
kw = ft._lru_cache_wrapper(lambda *a, **k: (a, k), 10, False, info)
show("lru keywords", lambda: ([kw(1, x=2), kw(1, x=2), kw(x=2), kw(1)], kw.cache_info()))
show("lru unhashable", lambda: kw([1]))
show("lru bad maxsize", lambda: ft._lru_cache_wrapper(len, 'a', False, None))
show("lru not callable", lambda: ft._lru_cache_wrapper(1, 1, False, None))
show("lru missing", lambda: ft._lru_cache_wrapper())
class C:
    @lambda f: ft._lru_cache_wrapper(f, 8, False, info)
    def m(self, x):
        return (type(self).__name__, x)
show("lru method", lambda: (C().m(4), C.m.cache_info()))
cached.__wrapped__ = square
show("lru dict", lambda: (cached.__wrapped__ is square, cached.__dict__ == {'__wrapped__': square}))
show("lru copy", lambda: cached.__copy__() is cached)
