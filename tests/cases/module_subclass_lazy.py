# types.ModuleType subclasses: module.__new__/__init__ as two steps (a subclass's own __init__ signature), the
# module dict as the instance dict, class attributes and properties, __slots__, __class__ switching between module
# classes (and its refusals), CPython's module repr and AttributeError text; then importlib.util.LazyLoader, which
# swaps a module's class to _LazyModule until its first attribute access.
import importlib.util
import sys
import types

ModuleType = types.ModuleType


class Plugin(ModuleType):
    kind = "plugin"

    def __init__(self, name, version):
        super().__init__(name, "a plugin")
        self.version = version

    @property
    def label(self):
        return f"{self.__name__}-{self.version}"


p = Plugin("demo", 3)
print(type(p).__name__, isinstance(p, ModuleType), p.__doc__, p.version, p.label, p.kind)
print(sorted(vars(p)), vars(p) is p.__dict__, repr(p))
p.__dict__["kind"] = "own"
p.__dict__["label"] = "shadowed"
print(p.kind, p.label)
try:
    p.label = "x"
except AttributeError as e:
    print("AttributeError:", e)
print("__weakref__" in Plugin.__dict__, "__dict__" in Plugin.__dict__)

# module.__new__ alone makes an empty module; __init__ (again) resets the standard entries.
empty = ModuleType.__new__(ModuleType, "ignored", 1, x=2)
print(vars(empty), repr(empty))
empty.__init__("later", "doc")
print(vars(empty))
for args, kwargs in [((5,), {}), ((), {}), (("a", "b", "c"), {}), ((), {"nam": "a"}), (("a",), {"nam": 1})]:
    try:
        empty.__init__(*args, **kwargs)
    except TypeError as e:
        print("TypeError:", e)

# The AttributeError names the module by its current __name__, or by nothing when that is not a str.
m = ModuleType("orig")
m.__name__ = "renamed"
for name in ("renamed", None, 5):
    if name is None:
        del m.__name__
    else:
        m.__name__ = name
    try:
        m.missing
    except AttributeError as e:
        print(repr(e), repr(m))
try:
    del m.missing
except AttributeError as e:
    print(repr(e))
m.__getattr__ = lambda attr: "hook:" + attr
print(m.anything)


# __class__ can move between module classes with the same layout, not to one with __slots__.
class Other(ModuleType):
    pass


class Slotted(ModuleType):
    __slots__ = ("extra",)


q = ModuleType("q")
q.__class__ = Other
print(type(q).__name__, repr(q))
q.__class__ = ModuleType
print(type(q).__name__)
for target in (Slotted, int):
    try:
        q.__class__ = target
    except TypeError as e:
        print("TypeError:", e)
s = Slotted("s")
s.extra = 1
s.more = 2
print(s.extra, sorted(k for k in vars(s) if not k.startswith("__")))


# The repr follows the spec, the loader's module_repr, then __file__ or the loader.
class Loader:
    def __repr__(self):
        return "<Loader>"


r = ModuleType("r")
r.__loader__ = Loader()
print(repr(r))
r.__file__ = "r.py"
print(repr(r))
del r.__name__
print(repr(r))
r.__spec__ = types.SimpleNamespace(name="spec", origin=None, loader=None)
print(repr(r))
r.__spec__ = types.SimpleNamespace(name=None, origin="frozen", has_location=False, loader=None)
print(repr(r))
r.__spec__ = types.SimpleNamespace(name="s", origin="/x/s.py", has_location=True, loader=None)
print(repr(r))
print(repr(sys), repr(types).startswith("<module 'types' from "))


# LazyLoader: the module is a _LazyModule until an attribute is read, then an ordinary module.
def lazy_import(name):
    spec = importlib.util.find_spec(name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module


sys.modules.pop("colorsys", None)
lazy = lazy_import("colorsys")
print(type(lazy).__name__, type(lazy).__mro__[1].__name__)
print(lazy.rgb_to_hsv(0.2, 0.4, 0.6))
print(type(lazy).__name__, repr(lazy).split(" from ")[0], sys.modules["colorsys"] is lazy)
sys.modules.pop("textwrap", None)
lazy = lazy_import("textwrap")
lazy.marker = "set before loading"
print(type(lazy).__name__, lazy.marker, repr(lazy.dedent("  x")), type(lazy).__name__)
sys.modules.pop("fractions", None)
lazy = lazy_import("fractions")
del lazy.Fraction
print(type(lazy).__name__, hasattr(lazy, "Fraction"))
try:
    importlib.util.LazyLoader(object())
except TypeError as e:
    print("TypeError:", e)


# module.__annotations__: made on first read in the module's dict; set and deleted there too.
ann = ModuleType("ann")
print("__annotations__" in vars(ann), ann.__annotations__, "__annotations__" in vars(ann))
ann.__annotations__ = {"a": int}
print(vars(ann)["__annotations__"])
del ann.__annotations__
try:
    del ann.__annotations__
except AttributeError as e:
    print(repr(e))
x: int = 3
print(sys.modules[__name__].__annotations__)
