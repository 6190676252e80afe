# *args/**kwargs, keyword-only, positional-only parameters and CPython's error messages.
def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw


print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=9))
print(f(*[1, 2, 3], **{"c": 0, "z": 1}))


def pos_only(a, b, /, c, *, d):
    return a + b + c + d


print(pos_only(1, 2, 3, d=4), pos_only(1, 2, c=3, d=4))


def check(call):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)


check(lambda: f())
check(lambda: f(1))
check(lambda: f(1, 2, c=3, a=1))
check(lambda: pos_only(1, b=2, c=3, d=4))
check(lambda: pos_only(1, 2, 3, 4))
check(lambda: pos_only(1, 2, 3))


def two(x, y):
    return x, y


check(lambda: two(1, 2, 3))
check(lambda: two(1, z=2))
check(lambda: two())
check(lambda: two(1))


def defaults(a, b=1, c=2):
    return a, b, c


check(lambda: defaults(1, 2, 3, 4))
check(lambda: defaults(b=1))


def kwonly(*, key, other):
    return key


check(lambda: kwonly())
check(lambda: kwonly(1, key=2, other=3))


def no_args():
    return None


check(lambda: no_args(1))
print(defaults(*(5,), **{"c": 9}), two(*"ab"), two(**{"y": 1, "x": 0}))
print(f(0, *range(3), c=1, **{"extra": True}))
print(two(*[1], *[2]), [*range(3), *"ab"], {**{"a": 1}, "b": 2, **{"a": 3}})
check(lambda: two(*5))
check(lambda: two(**{1: 2}))
check(lambda: two(1, **{"x": 2}))
print((lambda a, /, b: a - b)(5, b=2))
