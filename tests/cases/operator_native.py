# _operator: the operator functions, itemgetter/attrgetter/methodcaller (reprs, reduce) and their errors.
import _operator as o

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

show("arith", lambda: (o.add(2, 3), o.sub(2, 3), o.mul('a', 3), o.truediv(7, 2), o.floordiv(7, 2), o.mod(7, 3),
                       o.pow(2, 10), o.lshift(1, 4), o.rshift(64, 2), o.and_(6, 3), o.or_(6, 3), o.xor(6, 3)))
show("unary", lambda: (o.neg(5), o.pos(-5), o.abs(-5), o.inv(5), o.invert(0), o.index(7), o.not_(0), o.truth([])))
show("compare", lambda: (o.lt(1, 2), o.le(2, 2), o.eq(1, 1.0), o.ne('a', 'a'), o.gt(3, 2), o.ge(1, 2)))
show("identity", lambda: (o.is_(None, None), o.is_not(1, None)))
l = [1]
show("inplace", lambda: (o.iadd(l, [2]) is l, l, o.iadd(1, 2), o.imul([0], 2), o.isub(5, 1), o.ipow(2, 3)))
show("sequences", lambda: (o.concat([1], [2]), o.iconcat([1], (2,)), o.contains('abc', 'b'), o.countOf([1, 2, 1], 1),
                           o.indexOf('abc', 'c')))
show("concat int", lambda: o.concat(1, 2))
show("concat mixed", lambda: o.concat([1], (2,)))
show("iconcat int", lambda: o.iconcat(1, [2]))
show("indexOf missing", lambda: o.indexOf([1], 2))
d = {'a': 1}
o.setitem(d, 'b', 2); o.delitem(d, 'a')
show("items", lambda: (d, o.getitem(d, 'b'), o.getitem('abc', slice(1, None))))
show("getitem error", lambda: o.getitem([1], 5))
class Hinted:
    def __length_hint__(self):
        return 3
class NoHint:
    def __length_hint__(self):
        return NotImplemented
class BadHint:
    def __length_hint__(self):
        return -1
show("length_hint", lambda: (o.length_hint([1, 2]), o.length_hint(Hinted()), o.length_hint(1, 7),
                             o.length_hint(NoHint(), 4)))
show("length_hint negative", lambda: o.length_hint(BadHint()))
show("length_hint bad", lambda: o.length_hint(1, 'a'))
show("call", lambda: (o.call(len, [1]), o.call(dict, a=1)))
show("call none", lambda: o.call())
show("arg errors", lambda: o.add(1))
show("arg errors 3", lambda: o.add(1, 2, 3))
show("kw errors", lambda: o.add(a=1))
show("one arg", lambda: o.not_())
show("one arg truth", lambda: o.truth())
show("is_ args", lambda: o.is_(1))
show("digest", lambda: (o._compare_digest('a', 'a'), o._compare_digest(b'ab', b'ac')))
show("digest mixed", lambda: o._compare_digest('a', b'a'))
show("digest unicode", lambda: o._compare_digest('é', 'é'))
show("digest ints", lambda: o._compare_digest(1, 2))
g = o.itemgetter(1)
show("itemgetter", lambda: (g([1, 2]), o.itemgetter(0, 2)('abc'), o.itemgetter('k')({'k': 'v'})))
show("itemgetter repr", lambda: (repr(g), repr(o.itemgetter(1, 'a'))))
show("itemgetter reduce", lambda: g.__reduce__())
show("itemgetter none", lambda: o.itemgetter())
show("itemgetter kw", lambda: o.itemgetter(1, x=2))
show("itemgetter call none", lambda: g())
show("itemgetter index", lambda: g([]))
class P:
    pass
p = P(); p.a = P(); p.a.b = 'deep'; p.c = 'top'
show("attrgetter", lambda: (o.attrgetter('c')(p), o.attrgetter('a.b')(p), o.attrgetter('a.b', 'c')(p)))
show("attrgetter repr", lambda: repr(o.attrgetter('a.b', 'c')))
show("attrgetter reduce", lambda: o.attrgetter('a.b', 'c').__reduce__())
show("attrgetter missing", lambda: o.attrgetter('a')(1))
show("attrgetter bad", lambda: o.attrgetter(1))
show("attrgetter none", lambda: o.attrgetter())
m = o.methodcaller('split', ',', maxsplit=1)
show("methodcaller", lambda: (m('a,b,c'), o.methodcaller('upper')('x')))
show("methodcaller repr", lambda: repr(m))
show("methodcaller reduce", lambda: o.methodcaller('f', 1).__reduce__())
show("methodcaller reduce kw", lambda: m.__reduce__())
show("methodcaller none", lambda: o.methodcaller())
show("methodcaller bad", lambda: o.methodcaller(1))
show("names", lambda: sorted(n for n in dir(o) if not n.startswith('__')))
show("doc", lambda: o.__doc__.splitlines()[0])
show("type module", lambda: (o.itemgetter.__module__, o.itemgetter.__name__))
show("sort by key", lambda: sorted([(1, 'b'), (0, 'c'), (2, 'a')], key=o.itemgetter(1)))
