# _collections: defaultdict, _count_elements and _tuplegetter.
from _collections import defaultdict, _count_elements, _tuplegetter

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

d = defaultdict(list)
d['a'].append(1); d['b']; d['a'].append(2)
show("basic", lambda: (d, d.default_factory, len(d)))
show("isinstance", lambda: (isinstance(d, dict), type(d).__name__, type(d).__module__))
n = defaultdict()
show("no factory", lambda: n['x'])
show("no factory repr", lambda: repr(n))
show("bad factory", lambda: defaultdict(1))
show("dict args", lambda: defaultdict(int, {'a': 1}, b=2))
show("missing direct", lambda: defaultdict(int).__missing__('k'))
show("get no insert", lambda: (lambda g: (g.get('q'), 'q' in g, len(g)))(defaultdict(int)))
c = d.copy()
show("copy", lambda: (c, type(c).__name__, c.default_factory is list, c['a'] is d['a']))
show("__copy__", lambda: d.__copy__())
d.default_factory = set
show("set factory", lambda: (d['z'], d.default_factory))
d.default_factory = None
show("none factory", lambda: d['w'])
show("or", lambda: defaultdict(int, a=1) | {'b': 2})
show("ror", lambda: {'b': 2} | defaultdict(str, a=1))
show("or type", lambda: type({'b': 2} | defaultdict(str, a=1)).__name__)
show("or bad", lambda: defaultdict(int) | 1)
ior = defaultdict(int, a=1); ior |= {'c': 3}
show("ior", lambda: ior)
show("reduce", lambda: (lambda r: (r[0].__name__, r[1], r[2], r[3], list(r[4])))(defaultdict(int, a=1).__reduce__()))
rec = defaultdict(list)
rec.default_factory = rec.__getitem__ if False else None
show("equality", lambda: (defaultdict(int, a=1) == {'a': 1}, defaultdict(int) == defaultdict(list)))
class Counted(defaultdict):
    def __missing__(self, key):
        return 'custom ' + key
show("subclass missing", lambda: Counted(int)['k'])
class Named(defaultdict):
    pass
show("subclass repr", lambda: repr(Named(int, x=1)))
show("alias", lambda: defaultdict[str, int])
counts = {}
_count_elements(counts, 'abracadabra')
show("count_elements", lambda: counts)
class Counter(dict):
    def __missing__(self, key):
        return 0
cc = Counter()
_count_elements(cc, [1, 2, 1])
show("count_elements subclass", lambda: cc)
show("count_elements bad", lambda: _count_elements({}, 1))
show("count_elements args", lambda: _count_elements({}))
class Point(tuple):
    x = _tuplegetter(0, 'the x')
    y = _tuplegetter(1, 'the y')
p = Point((3, 4))
show("tuplegetter", lambda: (p.x, p.y, Point.x.__doc__))
show("tuplegetter set", lambda: setattr(p, 'x', 1))
show("tuplegetter del", lambda: delattr(p, 'x'))
show("tuplegetter class", lambda: type(Point.x).__name__)
show("tuplegetter short", lambda: Point((1,)).y)
show("tuplegetter wrong", lambda: Point.x.__get__([1], list))
show("tuplegetter reduce", lambda: Point.y.__reduce__()[1])
