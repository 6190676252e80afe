# A subclass of a builtin sequence whose own __add__/__mul__/__rmul__ returns NotImplemented gets no
# concatenation or repetition behind its back: the builtin base's sq_concat/sq_repeat go with the override.
import array, collections

def attempt(label, thunk):
    try:
        print(label, repr(thunk()))
    except TypeError as e:
        print(label, "TypeError:", e)

class L(list):
    def __add__(self, other): return NotImplemented
class T(tuple):
    def __mul__(self, other): return NotImplemented
class S(str):
    def __add__(self, other): return NotImplemented
class B(bytes):
    def __add__(self, other): return NotImplemented
class BA(bytearray):
    def __mul__(self, other): return NotImplemented
class D(collections.deque):
    def __add__(self, other): return NotImplemented
class A(array.array):
    def __add__(self, other): return NotImplemented
class RMulOnly(tuple):
    def __rmul__(self, other): return NotImplemented
class Radd:
    def __radd__(self, other): return "Radd.__radd__"

attempt("L + list", lambda: L([1]) + [2])
attempt("L + Radd", lambda: L([1]) + Radd())
attempt("list + L", lambda: [0] + L([1]))
attempt("T * 2", lambda: T((1,)) * 2)
attempt("2 * T", lambda: 2 * T((1,)))
attempt("S + str", lambda: S("a") + "b")
attempt("str + S", lambda: "a" + S("b"))
attempt("B + bytes", lambda: B(b"a") + b"b")
attempt("BA * 2", lambda: BA(b"ab") * 2)
attempt("D + deque", lambda: D([1]) + collections.deque([2]))
attempt("A + array", lambda: A("i", [1]) + array.array("i", [2]))
attempt("RMulOnly * 2", lambda: RMulOnly((1,)) * 2)
attempt("2 * RMulOnly", lambda: 2 * RMulOnly((1,)))

# In-place: a NotImplemented __iadd__ falls back to the plain operation, which still concatenates.
class IAdd(list):
    def __iadd__(self, other): return NotImplemented
x = IAdd([1])
x += [2]
print("IAdd +=", type(x).__name__, x)
class IAddAdd(list):
    def __iadd__(self, other): return NotImplemented
    def __add__(self, other): return NotImplemented
y = IAddAdd([1])
try:
    y += [2]
except TypeError as e:
    print("IAddAdd += TypeError:", e)

# Overrides that return a value are used; inheriting the builtin's methods keeps concatenation.
class Fine(list):
    def __add__(self, other): return "Fine.__add__"
class Plain(list): pass
class Aliased(list):
    __add__ = list.__add__
attempt("Fine + list", lambda: Fine() + [1])
attempt("Plain + list", lambda: Plain([1]) + [2])
attempt("Aliased + list", lambda: Aliased([1]) + [2])

# Assigning the method after the class exists updates the slot too.
class Late(list): pass
Late.__add__ = lambda self, other: NotImplemented
attempt("Late + list", lambda: Late([1]) + [2])
del Late.__add__
attempt("Late + list after del", lambda: Late([1]) + [2])
