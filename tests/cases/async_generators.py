# Async generators driven by hand: asend/athrow/aclose, their awaitables, and CPython's error messages.
import sys

def drive(aw):
    # Runs an awaitable that never really suspends; returns ("value", v) or ("raised", exc)
    try:
        while True:
            aw.send(None)
    except StopIteration as e:
        return ("value", e.value)
    except BaseException as e:
        return ("raised", type(e).__name__, str(e))

async def agen():
    try:
        x = yield 1
        print("got", x)
        y = yield 2
        print("got", y)
    except KeyError as e:
        print("caught", repr(e))
        yield "recovered"
    finally:
        print("cleanup")

g = agen()
print(type(g).__name__, g.__aiter__() is g)
print(drive(g.__anext__()))
print(drive(g.asend("hello")))
print(drive(g.athrow(KeyError("k"))))
print(drive(g.aclose()))
print(drive(g.__anext__()))
print(drive(g.aclose()))

async def ignorer():
    try:
        yield 1
    except GeneratorExit:
        yield 2

h = ignorer()
print(drive(h.__anext__()))
print(drive(h.aclose()))

async def stops():
    raise StopAsyncIteration
    yield

print(drive(stops().__anext__()))

async def returns():
    yield 1

r = returns()
a = r.__anext__()
print(drive(a))
print(drive(a))
print(drive(r.__anext__()))

async def running():
    await Pause()
    yield 1

class Pause:
    def __await__(self):
        yield "pause"

q = running()
first = q.__anext__()
print(first.send(None))
try:
    q.__anext__().send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    q.aclose().send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

calls = []
def firstiter(gen):
    calls.append(("firstiter", gen.__name__))
def finalizer(gen):
    calls.append(("finalizer", gen.__name__))
old = sys.get_asyncgen_hooks()
print(old)
sys.set_asyncgen_hooks(firstiter=firstiter, finalizer=finalizer)
hooks = sys.get_asyncgen_hooks()
print(hooks.firstiter is firstiter, hooks.finalizer is finalizer)
k = agen()
print(drive(k.__anext__()))
print(calls)
sys.set_asyncgen_hooks(*old)
print(sys.get_asyncgen_hooks())
try:
    sys.set_asyncgen_hooks(firstiter=1)
except TypeError as e:
    print("TypeError:", e)
print(sys.get_coroutine_origin_tracking_depth())
print(drive(k.aclose()))
