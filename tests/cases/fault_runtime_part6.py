# Issue 9 part 6 faults: the function type's constructor, StopIteration values through next()/wrappers/yield from,
# range slicing, unhashable set-like dict views, round() arity, throw() forwarding, int/float from bytes,
# %-formatting through __index__/__int__/__float__, dir() with __dir__, code.co_lines()/co_positions().
def f(): return 1
try: print(type(f)(f.__code__, {})())
except Exception as e: print(type(e).__name__, e)
try: print(type(f)(f.__code__, globals())())
except Exception as e: print(type(e).__name__, e)
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        raise StopIteration(42)
try: next(It())
except StopIteration as e: print("next", e.value)
for wrap in (enumerate, lambda i: map(str, i), lambda i: zip(i), iter):
    try: next(wrap(It()))
    except StopIteration as e: print("wrapped", e.value, e.args)
def g():
    r = yield from It()
    print("yield from got", r)
list(g())
print(range(4)[1::2], range(10)[::-3], range(0, 10, 3)[1:])
for x in ({}.keys(), {}.items()):
    try: hash(x)
    except TypeError as e: print(e)
print(hash({}.values()) is not None)
try: round(1, 2, 3)
except TypeError as e: print(e)
class Sub:
    def __iter__(self): return self
    def __next__(self): return 1
    def throw(self, *a):
        print("sub throw", a[0].__class__.__name__)
        return "thrown"
def d():
    yield from Sub()
gen = d(); next(gen)
print(gen.throw(ValueError("v")))
print(int(b"12"), float(b"1.2"), int(bytearray(b"7")) if 'bytearray' in dir(__builtins__) else 7, int(b" 12 ", 16))
class N:
    def __index__(self): return 5
class I:
    def __int__(self): return 6
class F:
    def __float__(self): return 2.5
print("%d" % N(), "%x" % N(), "%.1f" % F(), "%f" % N())
try: print("%d" % I())
except TypeError as e: print(e)
try: print("%d" % F())
except TypeError as e: print(e)
class D:
    def __dir__(self): return ["b", "a"]
print(dir(D()))
def h(a):
    x = a + 1
    return x
print(list(h.__code__.co_lines()))
print(list(h.__code__.co_positions())[:4])

def complex_fn(xs):
    total = 0
    try:
        for x in xs:
            if x > 2:
                total += [y * 2 for y in range(x)][-1]
            else:
                continue
    except (ValueError,
            TypeError) as e:
        total = -1
    finally:
        total += 1
    return (lambda: total)()
for c in [complex_fn.__code__] + [k for k in complex_fn.__code__.co_consts if hasattr(k, "co_lines")]:
    print(c.co_name, list(c.co_lines()))
    print(c.co_name, list(c.co_positions()))
try: complex_fn.__code__.co_lines(1)
except TypeError as e: print(e)
# function constructor checks
def outer():
    v = 1
    def inner(): return v
    return inner
inn = outer()
FT = type(inn)
print(FT(inn.__code__, {}, "renamed", None, inn.__closure__)())
for bad in [(1, {}), (inn.__code__, []), (inn.__code__, {}, 5), (inn.__code__, {}, None, [1]),
            (inn.__code__, {}), (inn.__code__, {}, None, None, (1,)), (inn.__code__, {}, None, None, 1),
            (f.__code__, {}, None, None, inn.__closure__)]:
    try: FT(*bad)
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
g2 = FT(f.__code__, {"__name__": "modname"}, argdefs=(1,))
print(g2.__name__, g2.__module__, g2.__defaults__, g2())
def withdefault(a, b=2): return a + b
print(FT(withdefault.__code__, globals(), None, (10,))(1))
