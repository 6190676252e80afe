# types.coroutine (a generator-based coroutine: code.replace + assigning __code__) awaited by a native coroutine,
# and __code__ assignment's checks.
import types
@types.coroutine
def sleep0():
    yield "tick"
    return "slept"
async def main():
    r = await sleep0()
    print("main got", r)
    return 7
c = main()
print(c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print("done", e.value)
print(type(c).__name__, c.cr_frame, c.cr_running, c.cr_await)
def plain():
    return 1
print(types.coroutine(plain)())
def f():
    pass
def outer():
    x2 = 1
    def h():
        return x2
    return h
try:
    f.__code__ = 5
except TypeError as e:
    print("TypeError:", e)
try:
    f.__code__ = outer().__code__
except ValueError as e:
    print("ValueError:", e)
f.__code__ = (lambda: 42).__code__
print(f())
