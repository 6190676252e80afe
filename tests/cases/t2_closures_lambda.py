# Tier 2: lambda, closures, nonlocal, decorators, *args/**kwargs, keyword-only parameters.
def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c = make_counter()
print(c(), c(), c(10))
def trace(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args, kwargs)
        return fn(*args, **kwargs)
    return wrapper
@trace
def add(a, b, *, scale=1):
    return (a + b) * scale
print(add(1, 2), add(3, 4, scale=10))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)), list(map(lambda x: x * 2, [1, 2])))
adders = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in adders])
def f(a, /, b, *rest, c, **kw):
    return a, b, rest, c, kw
print(f(1, 2, 3, 4, c=5, d=6), f(*[1, 2], **{"c": 3}))
