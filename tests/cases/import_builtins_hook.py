# builtins.__import__ replaced by a program is what the import statement calls (name, globals, locals,
# fromlist, level), for plain, from- and function-level imports; deleting it is ImportError.
import builtins
real = builtins.__import__
log = []
def spy(name, globals=None, locals=None, fromlist=(), level=0):
    log.append((name, fromlist, level, type(globals).__name__, locals is None or type(locals).__name__))
    return real(name, globals, locals, fromlist, level)
builtins.__import__ = spy
import sys
from sys import path as p
import gc as g
def f():
    import marshal
    return marshal.__name__
print(f())
builtins.__import__ = real
import sys
print(log)
def fake(name, *a):
    class M: pass
    m = M(); m.name = "fake " + name
    return m
builtins.__import__ = fake
import anything
print(anything.name)
from whatever import name as n
print(n)
builtins.__import__ = real
del builtins.__import__
try:
    import sys
except ImportError as e: print("ImportError", e)
builtins.__import__ = real
