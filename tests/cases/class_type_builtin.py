def init(self, v):
    self.v = v


Dyn = type("Dyn", (), {"init_count": 0, "__init__": init, "show": lambda self: f"Dyn({self.v})"})
d = Dyn(5)
print(d.show(), Dyn.__name__, Dyn.__qualname__, Dyn.__module__, Dyn.__bases__, Dyn.init_count)
Sub = type("Sub", (Dyn,), {"extra": True})
print(Sub(1).show(), Sub.extra, [k.__name__ for k in Sub.__mro__], issubclass(Sub, Dyn))
print(type(d) is Dyn, type(Dyn) is type, type(type), type(int), isinstance(Dyn, type))
E = type("E", (ValueError,), {})
try:
    raise E("dynamic error")
except ValueError as e:
    print(type(e).__name__, e)
for args in ((), (1, 2), ("N", 1, {}), ("N", (), 5), (1, (), {})):
    try:
        type(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    type("B", (1,), {})
except TypeError as e:
    print("TypeError:", e)
