# property.__doc__ as CPython 3.11's property_init sets it (fget's doc when none is given; a subclass instance keeps
# that one in its dict), and the docs of builtin types' attributes (int.real) and of the property class itself.
p = property(lambda s: 1); print(repr(p.__doc__))
def g(s): 'gdoc'
q = property(g); print(q.__doc__); q.__doc__ = 'x'; print(q.__doc__)
class P(property): 'sub doc'
print(P(g).__doc__, P(lambda s: 1).__doc__, P.__doc__)
class Q(property): pass
print(Q(g).__doc__, Q(g, doc="given").__doc__)
print(int.real.__doc__, complex.imag.__doc__, property.__doc__[:20])
class C:
    @property
    def x(self):
        "the x"
        return 1
    @x.setter
    def x(self, v): pass
print(C.x.__doc__, C().x)
import inspect
print(inspect.getdoc(int.real), inspect.getdoc(C.x))


class Slots:
    "class doc"
    __slots__ = {"power": "measured in kilowatts", "x": None}


print(repr(Slots.power.__doc__), repr(Slots.x.__doc__), Slots.__doc__)
