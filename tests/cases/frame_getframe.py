# sys._getframe(depth) and frame objects: f_code, f_globals, f_builtins, f_locals (the namespace, or a snapshot
# dict for a function as CPython 3.11), f_back chains, f_lineno of callers, f_lasti; frames stay valid after return.
import sys
def who():
    f = sys._getframe(1)
    return f.f_code.co_name, f.f_lineno, f.f_globals["__name__"], sorted(f.f_locals)
def caller(a, b=2):
    c = a + b
    return who()
print(caller(1))
f0 = sys._getframe()
print(f0.f_code.co_name, f0.f_back, f0.f_locals is globals(), f0.f_builtins is __builtins__.__dict__ if hasattr(__builtins__, "__dict__") else True)
def keep():
    x = 41
    return sys._getframe()
fr = keep()
print(fr.f_locals, fr.f_code.co_name, fr.f_back.f_code.co_name, fr.f_lasti > 0, type(fr).__name__, type(fr))
def chain():
    def inner():
        names = []
        f = sys._getframe(1)
        names.append(sys._getframe().f_code.co_name)
        while f:
            names.append((f.f_code.co_name, f.f_lineno))
            f = f.f_back
        return names
    return inner()
print(chain())
class K:
    where = sys._getframe().f_code.co_name
    ns_keys = sorted(sys._getframe().f_locals)
print(K.where, K.ns_keys)
try: sys._getframe(50)
except ValueError as e: print("ValueError", e)
try: sys._getframe(depth=1)
except TypeError as e: print("TypeError", e)
def gen():
    yield sys._getframe().f_code.co_name
    yield sys._getframe(1).f_code.co_name
print(list(gen()))
def closure():
    v = "cell"
    def use(): return v
    loc = sys._getframe().f_locals
    return sorted(loc), loc["v"]
print(closure())
print(repr(fr).startswith("<frame at 0x"), repr(fr).endswith(", line 13, code keep>"))
try: type(fr)()
except TypeError as e: print(e)
def make_record():
    return sys._getframe(1).f_globals.get("__name__", "__main__")
print(make_record())
