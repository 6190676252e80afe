# Coroutine protocol errors and their messages (a coroutine collected unawaited: finalize_coroutine_unawaited).

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return ("returned", e.value)
    except BaseException as e:
        return (type(e).__name__, str(e))

class NoAwait: pass
class BadAwait:
    def __await__(self): return 1
class CoroAwait:
    def __await__(self):
        self.inner = co()
        return self.inner
class NoAnext:
    def __aiter__(self): return 1
class BadAnext:
    def __aiter__(self): return self
    def __anext__(self): return 5
class OnlyEnter:
    async def __aenter__(self): return self
class BadEnter:
    def __aenter__(self): return 1
    def __aexit__(self, *a): return 2

async def co(): return 1
async def await_(x): return await x
async def afor(x):
    async for i in x: pass
async def awith(x):
    async with x: pass

coro_await = CoroAwait()
for label, c in [("no __await__", await_(NoAwait())), ("bad __await__", await_(BadAwait())),
                 ("coroutine __await__", await_(coro_await)), ("int", afor(1)), ("no __anext__", afor(NoAnext())),
                 ("bad __anext__", afor(BadAnext())), ("not a cm", awith(3)), ("no __aexit__", awith(OnlyEnter())),
                 ("bad __aenter__", awith(BadEnter()))]:
    print(label, run(c))
coro_await.inner.close()

c = co()
print(run(c))
print(run(c))
c2 = co()
try:
    c2.send(5)
except TypeError as e:
    print("TypeError:", e)
c2.close()
c3 = co()
try:
    iter(c3)
except TypeError as e:
    print("TypeError:", e)
c3.close()

async def self_await():
    await me
me = self_await()
print(run(me))

c4 = co()
def gen():
    yield from c4
try:
    next(gen())
except TypeError as e:
    print("TypeError:", e)
c4.close()

async def agen():
    yield 1
    return
c5 = co()
print(repr(c5)[:25], repr(agen())[:30])
c5.close()
wrapper = co().__await__()
print(type(wrapper).__name__, iter(wrapper) is wrapper)
try:
    next(wrapper)
except StopIteration as e:
    print("wrapper done", e.value)

print("end")
