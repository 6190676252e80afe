# __annotations__ as CPython 3.11 keeps it: a class's own namespace entry, made empty on first read (never a base's),
# settable and deletable; builtin types have none; SETUP_ANNOTATIONS asks a non-dict locals mapping through
# __getitem__ (KeyError: absent) and __setitem__; modules and functions as before.
class A:
    attr: int
class B(A):
    pass
class C(A):
    attr: str
print(A.__annotations__, B.__annotations__, C.__annotations__, '__annotations__' in B.__dict__)
B.__annotations__ = {'x': 1}; print(B.__annotations__)
del B.__annotations__
print(B.__annotations__)
for t in (int, type):
    try: print(t.__annotations__)
    except AttributeError as e: print('AttributeError', e)
try: int.__annotations__ = {}
except TypeError as e: print('TypeError', e)
class CNS2:
    def __init__(self): self._dct = {}
    def __setitem__(self, item, value): self._dct[item] = value
    def __getitem__(self, item): return self._dct[item]
ns = CNS2()
exec('x: int = 1\ny: str', {}, ns)
print(ns._dct)
class Bad:
    def __getitem__(self, item): raise ValueError('no')
    def __setitem__(self, item, value): pass
try: exec('x: int = 1', {}, Bad())
except ValueError as e: print('ValueError', e)
import types
m = types.ModuleType('m'); print(m.__annotations__)
def f(a: int) -> str: pass
print(f.__annotations__)
