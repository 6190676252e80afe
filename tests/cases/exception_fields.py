# The fields CPython keeps in exception objects' C structs: ImportError's name/path/msg, AttributeError's
# name/obj, NameError's name. They are class attributes, not instance-dict entries, so a subclass can replace one
# with a read-only property (importlib.metadata's PackageNotFoundError.name) and ImportError.__init__ still works.
import importlib.metadata
import pickle
import sys


def fields(cls):
    return sorted(k for k in cls.__dict__ if not k.startswith("__"))


print(fields(ImportError), fields(ModuleNotFoundError), fields(AttributeError), fields(NameError))

e = ImportError("a", "b", name="n")
print(str(e), e.msg, e.name, e.path, vars(e), e.__reduce__())
e = ImportError("only", path="p")
print(str(e), e.msg, e.__reduce__())
e.msg = "changed"
print(str(e))
del e.name
print(e.name)
print(ImportError("x").__reduce__(), ImportError("x", name=None).__reduce__())
e = ImportError("x")
e.extra = 1
print(e.__reduce__())
copy = pickle.loads(pickle.dumps(ImportError("m", name="nm", path="pp")))
print(copy.name, copy.path, copy.msg, copy.args)
for cls, kwargs in [(ImportError, {"foo": 1}), (ModuleNotFoundError, {"obj": 1}), (AttributeError, {"foo": 1}),
                    (NameError, {"obj": 1})]:
    try:
        cls("x", **kwargs)
    except TypeError as err:
        print("TypeError:", err)

try:
    import no_such_module_xyz
except ImportError as err:
    print(type(err).__name__, err.name, err.path, err.msg)
try:
    from os import no_such_name_xyz
except ImportError as err:
    print(err.name, err.path == __import__("os").__file__, err.msg)

try:
    importlib.metadata.version("no-such-distribution-xyz")
except importlib.metadata.PackageNotFoundError as err:
    print(repr(err), err.name, str(err), err.msg)


class Renamed(ImportError):
    @property
    def name(self):
        return "property:" + self.args[0]


r = Renamed("q", name="ignored")
print(r.name, r.msg, r.path)
try:
    r.name = "x"
except AttributeError as err:
    print("AttributeError:", err)

e = AttributeError("x")
print(e.name, e.obj)
e = AttributeError("x", name="n", obj=3)
print(e.name, e.obj, e.args)
e.name = 5
print(e.name)


class Thing:
    pass


thing = Thing()
try:
    thing.missing
except AttributeError as err:
    print(err.name, err.obj is thing)
try:
    del thing.missing
except AttributeError as err:
    print(err.name, err)

print(NameError("a", name="q").name, NameError("a").name)
try:
    undefined_name_xyz
except NameError as err:
    print(err.name, err)


def unbound():
    try:
        local
    except NameError as err:
        print(type(err).__name__, repr(err.name))
    local = 1


unbound()
# Lib's traceback module finds the suggestion through NameError.name.
import traceback
try:
    pirnt("x")
except NameError as err:
    print(traceback.format_exception_only(err))
