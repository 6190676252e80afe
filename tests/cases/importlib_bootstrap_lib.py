# importlib._bootstrap / _bootstrap_external are CPython Lib's own files (CPython freezes them): py_compile,
# pydoc and test.support use their loaders and pyc helpers. Also PEP 562 module __getattr__, object.__dir__
# called from a __dir__, and the builtin _warnings module.
import importlib, importlib.machinery, importlib._bootstrap_external as external
import os, sys, tempfile, types, warnings

print(importlib._bootstrap.__name__, external._bootstrap is importlib._bootstrap)
print(importlib.__import__("os") is os)
print(importlib.machinery.SourceFileLoader.__name__, importlib.machinery.FileFinder.__name__)
try:
    importlib.machinery.NoSuchThing
except AttributeError as e:
    print("AttributeError:", e)

import py_compile
with tempfile.TemporaryDirectory() as d:
    src = os.path.join(d, "mod.py")
    with open(src, "w") as f:
        f.write("x = 6 * 7\n")
    pyc = py_compile.compile(src, cfile=os.path.join(d, "mod.pyc"))
    data = open(pyc, "rb").read()
    print(data[:4] == importlib.util.MAGIC_NUMBER, external._classify_pyc(data, "mod", {}))
    hashed = py_compile.compile(src, cfile=os.path.join(d, "h.pyc"),
                                invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH)
    print(external._classify_pyc(open(hashed, "rb").read(), "mod", {}))
    try:
        external._classify_pyc(b"xxxx" + data[4:], "mod", {"name": "mod", "path": "p"})
    except ImportError as e:
        print("ImportError:", e)
    loader = importlib.machinery.SourceFileLoader("mod", src)
    spec = importlib._bootstrap.spec_from_loader("mod", loader)
    module = importlib._bootstrap._load(spec)
    print(module.x, sys.modules["mod"] is module)
    del sys.modules["mod"]

# PEP 562: a module's __getattr__ answers for missing names; present names do not reach it.
m = types.ModuleType("lazy")
m.present = 1
m.__getattr__ = lambda name: f"computed {name}"
print(m.present, m.missing, getattr(m, "other"))
m.__getattr__ = lambda name: (_ for _ in ()).throw(AttributeError(f"no {name}"))
print(hasattr(m, "gone"), getattr(m, "gone", "default"))

# object.__dir__ inside a __dir__ gives the default names instead of recursing.
class Pet:
    kind = "cat"
    def __init__(self):
        self.name = "Tom"
    def __dir__(self):
        return ["extra"] + object.__dir__(self)
p = Pet()
print(sorted(set(dir(p)) - set(dir(object))))
print("__dir__" in object.__dir__(p), type(object.__dir__(p)).__name__)
try:
    object.__dir__(p, 1)
except TypeError as e:
    print("TypeError:", e)

# ImportError's keywords (_classify_pyc raises ImportError(message, name=..., path=...)).
e = ImportError("m", name="n", path="p")
print(e.args, e.name, e.path, e.msg, str(e))
e = ModuleNotFoundError("a", "b")
print(e.name, e.path, e.msg, str(e))
try:
    ImportError(bad=1)
except TypeError as e:
    print("TypeError:", e)
class LoaderError(ImportError):
    pass
print(LoaderError("x", path="q").path)
try:
    import no_such_module_here
except ImportError as e:
    print(type(e).__name__, e.name, e.msg)

import _warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    _warnings.warn("careful", UserWarning)
    _warnings.warn("deprecated", DeprecationWarning, stacklevel=1)
print([(w.category.__name__, str(w.message), os.path.basename(w.filename)) for w in caught])
print(repr(sys.abiflags))
