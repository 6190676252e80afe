# Code objects that come from a cache hit (the one-pass pyc loader builds them straight into runtime objects)
# behave like compiled ones: constants, names, docstrings, equality and hashing against a fresh compile, marshal
# round trips, replace(), nested code and closures, tracebacks naming the source.
import importlib
import marshal
import os
import shutil
import sys
import tempfile
import traceback

SOURCE = '''
"""module doc"""
import math

K = (1, 2.5, "three", b"four", None, True, frozenset({7}), -12345678901234567890, 3j)

def documented(a, b=2, *args, key="k", **kw):
    """the docstring"""
    total = a * b + len(args) + len(kw)
    return total, key, K[2]

def closure(n):
    def inner(x):
        return x + n
    return inner

class Box:
    """a box"""
    def __init__(self, v):
        self.__v = v
    def get(self):
        return self.__v

def fails():
    return 1 / 0

squares = [i * i for i in range(5)]
'''

sys.dont_write_bytecode = False  # the second import must find the cache the first one wrote
work = tempfile.mkdtemp()
try:
    path = os.path.join(work, "cachedmod.py")
    with open(path, "w") as f:
        f.write(SOURCE)
    sys.path.insert(0, work)
    import cachedmod  # compiles and writes the cache
    first = cachedmod
    del sys.modules["cachedmod"]
    importlib.invalidate_caches()
    import cachedmod  # read back from the cache
    print("reloaded:", cachedmod is not first)
    print("module doc:", cachedmod.__doc__)
    print("K:", cachedmod.K)
    print("documented:", cachedmod.documented(3, 4, 5, x=1), cachedmod.documented.__doc__)
    print("closure:", cachedmod.closure(10)(5), cachedmod.closure.__doc__)
    print("Box:", cachedmod.Box(9).get(), cachedmod.Box.__doc__, cachedmod.Box.get.__doc__)
    print("squares:", cachedmod.squares)

    code = cachedmod.documented.__code__
    print("co_consts:", code.co_consts)
    print("co_names:", code.co_names, "co_varnames:", code.co_varnames)
    print("co_filename is the source:", code.co_filename == path)

    # Equal to the same function compiled now, with the same hash.
    compiled = compile(SOURCE, path, "exec")
    fresh = [k for k in compiled.co_consts if hasattr(k, "co_name") and k.co_name == "documented"][0]
    print("equal to a fresh compile:", code == fresh, hash(code) == hash(fresh))
    inner_loaded = [k for k in cachedmod.closure.__code__.co_consts if hasattr(k, "co_name")][0]
    inner_fresh = [k for k in [k for k in compiled.co_consts if hasattr(k, "co_name") and k.co_name == "closure"][0].co_consts
                   if hasattr(k, "co_name")][0]
    print("nested equal:", inner_loaded == inner_fresh, inner_loaded.co_freevars)

    # marshal round trip and replace().
    again = marshal.loads(marshal.dumps(code))
    print("marshal round trip equal:", again == code, again.co_consts == code.co_consts)
    renamed = code.replace(co_name="renamed")
    print("replace:", renamed.co_name, renamed.co_consts == code.co_consts)

    try:
        cachedmod.fails()
    except ZeroDivisionError:
        last = traceback.extract_tb(sys.exc_info()[2])[-1]
        print("traceback:", os.path.basename(last.filename), last.lineno, last.name, last.line)
finally:
    sys.path.remove(work)
    shutil.rmtree(work)
