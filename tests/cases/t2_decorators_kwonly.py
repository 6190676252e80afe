# Decorators with arguments, keyword-only and positional-only parameters, *args/**kwargs forwarding.
def trace(label):
    def wrap(fn):
        def inner(*args, **kwargs):
            print(f"{label}: {fn.__name__}{args} {sorted(kwargs.items())}")
            return fn(*args, **kwargs)
        inner.__name__ = fn.__name__
        return inner
    return wrap

@trace("call")
def area(w, h=2, *, scale=1):
    return w * h * scale

print(area(3), area(3, 4), area(2, h=5, scale=10))
def pos_only(a, b, /, c, *, d=4):
    return (a, b, c, d)
print(pos_only(1, 2, 3), pos_only(1, 2, c=9, d=0))
for bad in ("pos_only(1, b=2, c=3)", "pos_only(1, 2)", "area()", "area(1, 2, 3)", "pos_only(1, 2, 3, e=5)"):
    try:
        eval(bad)
    except TypeError as e:
        print("TypeError:", e)
def collect(first, *rest, sep="-", **named):
    return sep.join(map(str, (first,) + rest)) + str(sorted(named))
print(collect(1, 2, 3), collect("a", sep="+", z=1, y=2), collect(*[4, 5], **{"k": 6}))
stack = [lambda x: x + 1, lambda x: x * 2]
def compose(*fs):
    def run(v):
        for f in fs:
            v = f(v)
        return v
    return run
print(compose(*stack)(5), compose()(7), [f(10) for f in stack])
