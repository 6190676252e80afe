# A tiny event loop (no asyncio): tasks are coroutines that await Sleep objects; the loop runs them in
# order of wake-up time, and the awaited values flow back in with send().
class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks
    def __await__(self):
        woke = yield self
        return woke

class LegacyPause:
    # An awaitable whose __await__ is a plain generator function.
    def __await__(self):
        got = yield Sleep(0)
        return ("legacy", got)

class Loop:
    def __init__(self):
        self.now = 0
        self.ready = []
        self.log = []
    def spawn(self, coro, name):
        self.ready.append((self.now, len(self.log) + len(self.ready), name, coro, None))
    def run(self):
        results = {}
        while self.ready:
            self.ready.sort(key=lambda t: (t[0], t[1]))
            when, order, name, coro, value = self.ready.pop(0)
            self.now = max(self.now, when)
            try:
                request = coro.send(value)
            except StopIteration as stop:
                results[name] = stop.value
                self.log.append(f"{self.now}: {name} finished with {stop.value!r}")
                continue
            except Exception as e:
                results[name] = e
                self.log.append(f"{self.now}: {name} failed with {type(e).__name__}: {e}")
                continue
            self.log.append(f"{self.now}: {name} sleeps {request.ticks}")
            self.ready.append((self.now + request.ticks, order, name, coro, self.now + request.ticks))
        return results

async def worker(name, delays):
    total = 0
    for d in delays:
        woke = await Sleep(d)
        total += woke
    return f"{name}:{total}"

async def failing():
    await Sleep(1)
    raise ValueError("boom")

async def nested():
    a = await worker("inner", [1, 1])
    b = await LegacyPause()
    return [a, b]

async def counter(n):
    for i in range(n):
        await Sleep(1)
        yield i

async def consumer():
    seen = [i async for i in counter(3)]
    async for j in counter(2):
        seen.append(j * 100)
    return seen

loop = Loop()
loop.spawn(worker("a", [3, 1]), "a")
loop.spawn(worker("b", [1, 1, 1]), "b")
loop.spawn(failing(), "f")
loop.spawn(nested(), "n")
loop.spawn(consumer(), "c")
results = loop.run()
for line in loop.log:
    print(line)
for k in sorted(results):
    print(k, repr(results[k]))
unstarted = worker("x", [])
print(type(unstarted).__name__, type(counter(1)).__name__, unstarted.cr_running, unstarted.cr_await)
unstarted.close()
