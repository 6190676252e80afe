# property.__set_name__ and 3.11's "property 'x' of 'C' object has no setter" messages, subclasses of super,
# str_ascii_iterator vs str_iterator, and the method-wrapper type of bound slot wrappers ((1).__add__).
import types


def report(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__, e)


# ---- property names -------------------------------------------------------------------------------------------
class Outer:
    class Inner:
        ro = property(lambda self: "ro")
        empty = property()


inner = Outer.Inner()
print(inner.ro)
report("set ro", lambda: setattr(inner, "ro", 1))
report("del ro", lambda: delattr(inner, "ro"))
report("get empty", lambda: inner.empty)
unnamed = property()
Outer.Inner.late = unnamed  # assigned after the class statement: no __set_name__ call
report("get late", lambda: inner.late)
report("set late", lambda: setattr(inner, "late", 1))
unnamed.__set_name__(Outer.Inner, "late")
report("get late after __set_name__", lambda: inner.late)
unnamed.__set_name__(Outer.Inner, 42)
report("non-str name", lambda: inner.late)
for args in ((), (1,), (1, 2, 3)):
    report("__set_name__%r" % (args,), lambda: unnamed.__set_name__(*args))
report("__set_name__ keywords", lambda: unnamed.__set_name__(owner=1, name=2))
copy = Outer.Inner.__dict__["ro"].getter(lambda self: "new")
report("copy keeps name", lambda: copy.__set__(inner, 1))
print(property.__set_name__.__name__, type(property.__dict__["__set_name__"]).__name__)
report("int.real readonly", lambda: setattr(1, "real", 2))

# ---- super subclasses -----------------------------------------------------------------------------------------
class MySuper(super):
    def describe(self):
        return "MySuper over %s" % self.__thisclass__.__name__


class Base:
    def hello(self):
        return "Base.hello"

    attr = "Base.attr"


class Derived(Base):
    def hello(self):
        return "Derived>" + MySuper(Derived, self).hello()


d = Derived()
print(d.hello())
s = MySuper(Derived, d)
print(type(s).__name__, isinstance(s, super), s.describe(), s.attr, s.__self__ is d, s.__self_class__ is Derived)
print(repr(s).startswith("<super: <class 'Derived'>, <Derived object"))
print(MySuper.__mro__)


class Tagged(super):
    def __init__(self, *args):
        super().__init__(*args)
        self.tag = "tagged"


t = Tagged(Derived, d)
print(t.hello(), t.tag)


class Lazy(super):
    def __init__(self):
        pass


lazy = Lazy()
print(repr(lazy), lazy.__thisclass__, lazy.__self__, lazy.__self_class__)
report("lazy attribute", lambda: lazy.hello)
report("MySuper(1)", lambda: MySuper(1))
report("super(1, int)", lambda: super(1, int))

# ---- str iterators --------------------------------------------------------------------------------------------
for text in ("abc", "", "é", "aé", "日本"):
    it = iter(text)
    print(repr(text), type(it).__name__, list(it))
ascii_it = iter("hello")
next(ascii_it)
print(ascii_it.__reduce__()[1:], ascii_it.__length_hint__())
wide_it = iter("héllo")
next(wide_it)
next(wide_it)
print(wide_it.__reduce__()[1:], wide_it.__length_hint__(), list(wide_it))
print(type(iter("a")) is type(iter("b")), type(iter("a")) is type(iter("é")))

# ---- method-wrapper -------------------------------------------------------------------------------------------
m = (1).__add__
print(type(m), type(m).__name__, m.__name__, m.__qualname__, m.__self__, m.__objclass__)
print(repr(m).startswith("<method-wrapper '__add__' of int object at 0x"))
print(m(2), m.__call__(5))
print(m == (1).__add__, m != (1).__add__, m == (2).__add__, m == (1).__sub__, hash(m) == hash((1).__add__))
lst = []
print(type(lst.__len__).__name__, lst.__len__(), type(lst.append).__name__)
print(type(object().__str__).__name__, type(object().__init__).__name__, type(object().__format__).__name__)
print(types.MethodWrapperType is type(m))


class Plain:
    pass


p = Plain()
print(type(p.__repr__).__name__, p.__eq__(p), p.__ne__(p), p.__init__.__self__ is p)
print(int.__add__.__name__, int.__add__.__qualname__, int.__add__.__objclass__)
print(list.append.__name__, list.append.__qualname__, list.append.__objclass__)
report("method-wrapper()", lambda: type(m)())
report("descriptor needs argument", lambda: object.__init__())
print(repr(object.__init__), repr(object.__eq__))
