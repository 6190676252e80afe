# _collections.deque: every method, maxlen, rotate, indexing, iteration guards, repr and comparisons.
from _collections import deque

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

d = deque('abc')
show("repr", lambda: repr(d))
d.append('d'); d.appendleft('z')
show("append", lambda: (d, len(d), d[0], d[-1]))
show("pop", lambda: (d.pop(), d.popleft(), d))
d.extend('ef'); d.extendleft('yx')
show("extend", lambda: d)
show("index", lambda: (d.index('a'), d.index('e', 2), d.index('b', -5, -1)))
show("index missing", lambda: d.index('q'))
show("count", lambda: (deque([1, 2, 1, 1]).count(1), d.count('q')))
d.insert(2, 'I'); d.insert(-1, 'J'); d.insert(100, 'K')
show("insert", lambda: d)
d.remove('I')
show("remove", lambda: d)
show("remove missing", lambda: d.remove('nope'))
d.reverse()
show("reverse", lambda: d)
r = deque(range(6))
r.rotate(2); show("rotate 2", lambda: r)
r.rotate(-3); show("rotate -3", lambda: r)
r.rotate(); show("rotate", lambda: r)
r.rotate(13); show("rotate 13", lambda: r)
show("getitem", lambda: (r[0], r[-1], r[3]))
show("index error", lambda: r[6])
show("slice error", lambda: r[1:2])
r[1] = 'set'; del r[0]
show("setitem delitem", lambda: r)
show("contains", lambda: ('set' in r, 99 in r))
show("bool", lambda: (bool(deque()), bool(r)))
show("empty pop", lambda: deque().pop())
show("empty popleft", lambda: deque().popleft())
m = deque(range(5), maxlen=3)
show("maxlen", lambda: (m, m.maxlen, deque().maxlen))
m.append(9); show("maxlen append", lambda: m)
m.appendleft(-1); show("maxlen appendleft", lambda: m)
m.extend(range(10, 20)); show("maxlen extend", lambda: m)
show("maxlen insert", lambda: m.insert(0, 1))
show("maxlen zero", lambda: (lambda z: (z.append(1), z)[1])(deque(maxlen=0)))
show("maxlen negative", lambda: deque(maxlen=-1))
show("maxlen type", lambda: deque(maxlen='a'))
show("maxlen readonly", lambda: setattr(m, 'maxlen', 3))
show("init kw", lambda: deque(iterable=[1, 2], maxlen=5))
show("init bad kw", lambda: deque(x=1))
show("init too many", lambda: deque([], 1, 2))
show("init not iterable", lambda: deque(1))
again = deque([1, 2, 3]); again.__init__('xy')
show("reinit", lambda: again)
show("copy", lambda: (m.copy(), m.copy() is m, m.__copy__()))
show("add", lambda: deque([1]) + deque([2, 3]))
show("add list", lambda: deque([1]) + [2])
show("mul", lambda: (deque([1, 2]) * 3, 2 * deque('ab'), deque([1]) * 0, deque([1, 2, 3], maxlen=4) * 2))
i = deque([1]); i += [2, 3]; i *= 2
show("inplace", lambda: i)
show("compare", lambda: (deque([1, 2]) == deque([1, 2]), deque([1, 2]) < deque([1, 3]), deque([1]) == [1],
                         deque([2]) > deque([1, 5]), deque() <= deque()))
show("compare list", lambda: deque([1]) < [1])
show("hash", lambda: hash(deque()))
show("iter", lambda: (list(deque('abc')), list(reversed(deque('abc')))))
it = iter(deque([1, 2, 3]))
show("length hint", lambda: (it.__length_hint__(), next(it), it.__length_hint__()))
mut = deque([1, 2, 3])
def mutate():
    for x in mut:
        mut.append(x)
show("mutated", mutate)
mut2 = deque([1, 2, 3])
def mutate2():
    for x in mut2:
        mut2[0] = 5
    return mut2
show("setitem during iteration", mutate2)
rec = deque([1]); rec.append(rec)
show("recursive repr", lambda: repr(rec))
show("self extend", lambda: (lambda s: (s.extend(s), s)[1])(deque([1, 2])))
show("clear", lambda: (lambda c: (c.clear(), c)[1])(deque([1, 2])))
show("reduce", lambda: (deque([1, 2]).__reduce__()[:3], deque([1], maxlen=2).__reduce__()[1]))
show("alias", lambda: deque[int])
show("iterator types", lambda: (type(iter(deque())).__name__, type(reversed(deque())).__name__))
class MyDeque(deque):
    pass
md = MyDeque([1, 2], maxlen=4)
md.tag = 'x'
show("subclass", lambda: (md, md.tag, type(md.copy()).__name__, md.copy()))
show("subclass add", lambda: type(md + deque([3])).__name__)
show("big", lambda: (lambda b: (b.rotate(500), b[0], b[-1], len(b)))(deque(range(1000))))
show("many pops", lambda: (lambda b: [b.popleft() for _ in range(5)] + [b.pop() for _ in range(5)])(deque(range(100))))
