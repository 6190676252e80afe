import sys
class Fut:
    def __init__(self, v): self.v = v
    def __await__(self):
        r = yield self.v
        return r

async def add(a, b):
    x = await Fut(a)
    y = await Fut(b)
    return x + y

async def main():
    r = await add(1, 2)
    print("add", r)
    async with CM() as c:
        print("in cm", c)
    async for i in AG(3):
        print("ag", i)
    print([i async for i in gen(4)])
    print([await Fut(i) for i in range(2)])
    return "done"

class CM:
    async def __aenter__(self):
        print("enter")
        return 42
    async def __aexit__(self, *a):
        print("exit", a)

class AG:
    def __init__(self, n): self.n = n
    def __aiter__(self): return self
    async def __anext__(self):
        if self.n == 0: raise StopAsyncIteration
        self.n -= 1
        return self.n

async def gen(n):
    for i in range(n):
        await Fut(i)
        yield i * 10

def run(coro):
    v = None
    while True:
        try:
            v = coro.send(v)
        except StopIteration as e:
            return e.value

print(run(main()))
c = main()
print(type(c), type(gen(1)))
c.close()
async def f(): pass
x = f()
try:
    x.send(1)
except TypeError as e: print(e)
try:
    x.send(None)
except StopIteration: print("stop")
try:
    x.send(None)
except RuntimeError as e: print(e)
async def bad():
    async for x in 1: pass
try: run(bad())
except TypeError as e: print(e)
async def bad2():
    await 1
try: run(bad2())
except TypeError as e: print(e)
