# Generator methods as values, sys.exception() inside generators, tracebacks of generator errors, finally/return.
def g(*a, **k):
    total = 0
    while True:
        v = yield total
        total += v
args = (1,)
x = g(*args, **{"k": 2})
next(x)
send = x.send
print(list(map(send, [1, 2, 3])))
print(x.__next__ is not None, callable(x.throw))
import sys
def exc_gen():
    try:
        raise ValueError("v")
    except ValueError:
        yield sys.exception()
print(repr(next(exc_gen())))
def tb_gen():
    yield 1
    1 / 0
t = tb_gen()
next(t)
try:
    next(t)
except ZeroDivisionError as e:
    tb = e.__traceback__
    n = 0
    while tb is not None:
        n += 1
        tb = tb.tb_next
    print("tb entries", n, e.__traceback__.tb_lineno, e.__traceback__.tb_next.tb_lineno)
def nested_try():
    for i in range(3):
        try:
            try:
                yield i
            finally:
                if i == 1:
                    raise KeyError(i)
        except KeyError as e:
            yield f"handled {e}"
print(list(nested_try()))
genexp = (y for y in range(3))
print(sorted(genexp, key=lambda v: -v))
def early_return_in_finally():
    try:
        yield 1
    finally:
        return "from finally"
er = early_return_in_finally()
next(er)
print(er.close())
er2 = early_return_in_finally()
next(er2)
try:
    next(er2)
except StopIteration as e:
    print("stop", e.value)
