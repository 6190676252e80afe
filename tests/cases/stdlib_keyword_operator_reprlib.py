# keyword, numbers (the ABC tower over int/float/complex/Fraction/Decimal), operator's functions and
# callables with their reprs and errors, reprlib's size limits and recursive_repr; iterator length hints.
import keyword, numbers, operator, reprlib
from fractions import Fraction
from decimal import Decimal
print(keyword.iskeyword("for"), keyword.iskeyword("match"), keyword.issoftkeyword("match"), len(keyword.kwlist), keyword.softkwlist)
for v in [1, 1.5, 2j, Fraction(1, 3), Decimal("1.1"), True, "x"]:
    print(type(v).__name__, [isinstance(v, c) for c in (numbers.Number, numbers.Complex, numbers.Real, numbers.Rational, numbers.Integral)])
class MyInt(numbers.Integral):
    pass
try:
    MyInt()
except TypeError as e:
    print(str(e)[:60])
print(operator.add(2, 3), operator.mul("ab", 2), operator.itemgetter(1, 0)("xyz"), operator.attrgetter("real", "imag")(3+4j))
print(operator.methodcaller("split", ",")("a,b"), operator.neg(5), operator.truth([]), operator.contains([1], 1))
print(operator.index(7), operator.concat([1], [2]), operator.countOf([1, 1, 2], 1), operator.indexOf("abc", "c"))
print(sorted([("b", 2), ("a", 3)], key=operator.itemgetter(1), reverse=True), operator.length_hint(iter(range(5))))
l = [1, 2, 3]; operator.setitem(l, 0, 9); operator.delitem(l, 1); print(l, operator.getitem(l, -1))
print(operator.iadd([1], [2]), operator.ipow(2, 10), operator.is_(None, None), operator.xor(6, 3), operator.__lt__(1, 2))
try:
    operator.itemgetter(5)([1])
except IndexError as e:
    print("IndexError:", e)
print(repr(operator.itemgetter(1)), repr(operator.attrgetter("a.b")), repr(operator.methodcaller("f", 1, k=2)))
r = reprlib.Repr(); r.maxlist = 3
print(reprlib.repr(list(range(100))), r.repr(list(range(10))), reprlib.repr("x" * 100), reprlib.repr({i: i for i in range(20)}))
print(reprlib.repr(set(range(20))), reprlib.repr((1,) * 30), reprlib.repr(10 ** 50))
class Node:
    def __init__(s): s.kids = [s]
    @reprlib.recursive_repr()
    def __repr__(s): return "Node(%r)" % s.kids
print(Node())
