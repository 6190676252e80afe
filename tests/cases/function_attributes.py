# Function, cell and property attributes that introspection and decorators use.
def make_counter(start, *, step=1, label: str = "n") -> int:
    count = start
    def bump():
        nonlocal count
        count += step
        return count
    return bump

bump = make_counter(10, step=5)
bump()
print(bump.__closure__ is not None, len(bump.__closure__), sorted(c.cell_contents for c in bump.__closure__))
print(make_counter.__closure__, make_counter.__kwdefaults__, make_counter.__defaults__)
print(make_counter.__annotations__)
print(bump.__annotations__, bump.__kwdefaults__)
print(make_counter.__builtins__ is __builtins__.__dict__ if hasattr(__builtins__, '__dict__') else 'module')

def plain(a, b=2, *, c=3): return a + b + c
plain.__kwdefaults__ = {'c': 30}
print(plain(1))
plain.__kwdefaults__ = None
try:
    plain(1)
except TypeError as e:
    print("TypeError:", e)
try:
    plain.__kwdefaults__ = 5
except TypeError as e:
    print("TypeError:", e)
plain.__annotations__ = {'a': int}
print(plain.__annotations__)
del plain.__annotations__
print(plain.__annotations__)

class Temperature:
    def __init__(self): self._c = 0
    def get_c(self): return self._c
    def set_c(self, v): self._c = v
    celsius = property(get_c, set_c, doc="degrees")
    @property
    def kelvin(self): return self._c + 273

p = Temperature.__dict__['celsius']
print(p.fget.__name__, p.fset.__name__, p.fdel, Temperature.kelvin.fset)
t = Temperature(); t.celsius = 21
print(t.celsius, t.kelvin, Temperature.kelvin.fget(t))

def outer():
    x = []
    def inner(): return x
    x.append(inner)
    return inner
f = outer()
print(f.__closure__[0].cell_contents[0] is f)
