# gi_frame / cr_frame / ag_frame: a frame object while the generator can still run, None once it has finished;
# inspect's generator and coroutine state helpers read them.
import inspect


def counter(n):
    total = 0
    for i in range(n):
        total += i
        yield total


g = counter(3)
print(type(g.gi_frame).__name__, g.gi_frame.f_code.co_name, g.gi_frame.f_lineno)
print(inspect.getgeneratorstate(g), inspect.getgeneratorlocals(g))
print(next(g), g.gi_frame.f_lineno, g.gi_frame.f_back)
print(inspect.getgeneratorstate(g), sorted(inspect.getgeneratorlocals(g).items()))
print(list(g))
print(g.gi_frame, inspect.getgeneratorstate(g), inspect.getgeneratorlocals(g))

g2 = counter(5)
next(g2)
g2.close()
print("closed:", g2.gi_frame, inspect.getgeneratorstate(g2))


async def job(x):
    return x * 2


c = job(21)
print(type(c.cr_frame).__name__, c.cr_frame.f_code.co_name, inspect.getcoroutinestate(c))
print(sorted(inspect.getcoroutinelocals(c).items()))
try:
    c.send(None)
except StopIteration as stop:
    print("result", stop.value)
print(c.cr_frame, inspect.getcoroutinestate(c))

c2 = job(1)
c2.close()
print("closed coroutine:", c2.cr_frame)


async def ticker():
    yield 1
    yield 2


a = ticker()
print(type(a.ag_frame).__name__, a.ag_frame.f_code.co_name, a.ag_frame.f_lineno)


def inner_frame():
    frame = yield
    yield frame


g3 = inner_frame()
next(g3)
print(g3.gi_frame.f_code is inner_frame.__code__)
