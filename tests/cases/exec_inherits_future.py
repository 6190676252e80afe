# exec(), eval() and compile() without dont_inherit compile with the calling code's __future__ features
# (PyEval_MergeCompilerFlags); compile()'s flags add features, dont_inherit drops the caller's.
from __future__ import annotations
import __future__

exec('def f(x: undefined) -> missing: pass')
print(f.__annotations__)

def in_function():
    exec('def h(y: nope) -> int: pass', globals())
in_function()
print(h.__annotations__)

ns = {}
exec(compile('def k(z: q): pass', '<s>', 'exec'), ns)
print(ns['k'].__annotations__)
try:
    exec(compile('def k(z: q): pass', '<s>', 'exec', dont_inherit=True), ns)
except NameError as e:
    print('NameError:', e)
print(eval('(lambda: 1).__code__.co_flags & __future__.annotations.compiler_flag') != 0)
print(compile('x = 1', '<s>', 'exec').co_flags & __future__.annotations.compiler_flag != 0)
print(compile('x = 1', '<s>', 'exec', 0, True).co_flags & __future__.annotations.compiler_flag != 0)
try:
    exec(compile('x: undefined2 = 1', '<s>', 'exec', dont_inherit=1), {})
except NameError as e:
    print('NameError:', e)
code = compile('def m(a: zz): pass', '<s>', 'exec', __future__.annotations.compiler_flag, True)
ns = {}
exec(code, ns)
print(ns['m'].__annotations__)
# Module-level annotations of exec'd code are strings too.
ns = {}
exec('v: List[int] = 3', ns)
print(ns['__annotations__'])
