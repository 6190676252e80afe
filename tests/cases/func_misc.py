# Closures with del/nonlocal, decorators copying function metadata, lambda defaults, call-binding errors.
def f():
    x = 1
    def g():
        nonlocal x
        del x
    g()
    try:
        return x
    except NameError as e:
        return str(e)
print(f())
def deco_with_state(fn):
    calls = 0
    def wrapper(*a):
        nonlocal calls
        calls += 1
        return fn(*a), calls
    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper
@deco_with_state
def sq(v):
    "square"
    return v * v
print(sq(3), sq(4), sq.__name__, sq.__doc__)
print((lambda: (yield))().__class__.__name__)
def kw(a, *, b=lambda: 5):
    return b()
print(kw(1), kw(1, b=lambda: 6))
fs = {name: (lambda n=name: n.upper()) for name in ["a", "b"]}
print({k: v() for k, v in fs.items()})
def gen_closure():
    v = 0
    def bump():
        nonlocal v
        v += 1
    for _ in range(3):
        bump()
        yield v
print(list(gen_closure()))
x = 10
def outer():
    x = 20
    class_like = [x for _ in range(1)]
    def inner():
        return x
    return class_like, inner(), (lambda: x)()
print(outer())
print(f"{'a' if x > 5 else 'b'}", f"{x!r:>{x // 2}}", f"{x:{'>'}{4}}")
print(f"{3.14159:.2f}", f"{x=!r:^8}", f"{'nested {braces}'}", f"{x:,d}")
a, *b = (yield_v := [1, 2, 3])
print(a, b, yield_v)
print([(n, m) for n in range(3) if (m := n * n) > 0])
def pos(a, b, /):
    return a, b
try:
    pos(a=1, b=2)
except TypeError as e:
    print(e)
def varkw(**kw):
    return sorted(kw)
print(varkw(**{"b": 1}, a=2))
try:
    varkw(1)
except TypeError as e:
    print(e)
def many(a, b, c=3, *, d, e=5, **rest):
    pass
try:
    many(1, 2, 3, 4, d=1)
except TypeError as e:
    print(e)
try:
    many(1)
except TypeError as e:
    print(e)
try:
    many(1, 2, 3, 4, 5)
except TypeError as e:
    print(e)
def target():
    "doc"
target.custom = "attr"
target.__qualname__ = "renamed.target"
target.__defaults__ = None
print(target.custom, target.__qualname__, target.__dict__, target.__defaults__)
try:
    target.__name__ = 5
except TypeError as e:
    print(e)
def with_defaults(a, b=1):
    return a + b
with_defaults.__defaults__ = (10,)
print(with_defaults(1))
