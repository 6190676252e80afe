# yield from: delegation of values, send, throw, close and return values.
def inner():
    x = yield "i1"
    print("inner got", x)
    y = yield "i2"
    print("inner got", y)
    return "inner result"


def outer():
    r = yield from inner()
    print("outer got", r)
    yield "o1"
    return "outer result"


o = outer()
print(next(o))
print(o.send("A"))
print(o.send("B"))
try:
    o.send("C")
except StopIteration as e:
    print("done", e.value)


def chain(*iterables):
    for it in iterables:
        yield from it


print(list(chain([1, 2], "ab", range(3), (x * x for x in range(3)), {"k": 1})))


def thrower():
    try:
        yield 1
    except ValueError as e:
        print("inner caught", e)
        yield "inner recovered"
    yield 2


def delegator():
    yield from thrower()
    yield "delegator end"


d = delegator()
print(next(d))
print(d.throw(ValueError("v")))
print(next(d), next(d), next(d, "exhausted"))


def closer():
    try:
        yield 1
    finally:
        print("inner finally")


def outer_close():
    try:
        yield from closer()
    finally:
        print("outer finally")


c = outer_close()
next(c)
c.close()


def propagating():
    yield from thrower()


p = propagating()
next(p)
try:
    p.throw(KeyError("kk"))
except KeyError as e:
    print("propagated", e)


def tree(n):
    if n:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)


print(list(tree(3)))


def returns():
    return 5
    yield


def get_result():
    v = yield from returns()
    yield v


print(list(get_result()))


def finishes_on_throw():
    try:
        yield 1
    except ValueError:
        return "handled"


def wrapper():
    r = yield from finishes_on_throw()
    print("wrapper got", r)
    yield "after"


w = wrapper()
next(w)
print(w.throw(ValueError))
print(w.gi_yieldfrom)


def iter_delegate():
    yield from iter([10, 20])


it = iter_delegate()
print(next(it), it.send(None), next(it, "x"))
