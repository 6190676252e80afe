# Generators: creation, next(), for loops, return values, exhaustion.
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"


g = count(3)
print(type(g).__name__, g.__name__, g.__qualname__)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", repr(e.value), e.args)
try:
    next(g)
except StopIteration as e:
    print("again", repr(e.value), e.args)
print(next(g, "default"))
print(list(count(5)), sum(count(10)), tuple(count(2)))
for x in count(4):
    print("loop", x)


def outer():
    def inner():
        yield 1
    return inner()


h = outer()
print(h.__name__, h.__qualname__)
print(repr(h).startswith("<generator object outer.<locals>.inner at 0x"))
print(iter(h) is h, h.__iter__() is h, h.__next__())
print(next(h, "end"))


def empty():
    return
    yield


print(list(empty()))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


f = fib()
print([next(f) for _ in range(12)])
print(dict(zip("abc", count(3))), list(enumerate(count(3), 1)))
print(max(count(7)), min(x * -1 for x in count(4)), sorted(count(3), reverse=True))
print(any(x > 2 for x in count(5)), all(x < 9 for x in count(5)))
gen = count(2)
print(gen.gi_running, gen.gi_suspended)
next(gen)
print(gen.gi_running, gen.gi_suspended)
