# object.__repr__(x) is object's own repr whatever x's type: for instances of builtin types and of their
# subclasses it names the class and not the builtin's repr (addresses masked).
import collections
import re


def shown(text):
    return re.sub(r"0x[0-9a-f]+", "0x...", text)


class L(list):
    pass


class D(dict):
    def __repr__(self):
        return "D!"


class I(int):
    pass


for value in (L([1]), D(a=1), I(5), [], {}, 7, "s", int, collections.OrderedDict(), object()):
    print(shown(object.__repr__(value)), shown(repr(value)) if not isinstance(value, type) else "")
print(shown(super(L, L()).__repr__()), super(D, D()).__repr__())
try:
    object.__repr__()
except TypeError as e:
    print("TypeError:", e)
