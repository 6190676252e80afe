# aiter() and anext(): async iterators from a class and an async generator, anext's default awaitable, errors.
class AI:
    def __init__(s, n): s.n = n
    def __aiter__(s): return s
    async def __anext__(s):
        if s.n == 0: raise StopAsyncIteration
        s.n -= 1
        return s.n
async def agen():
    yield 1
    yield 2
async def main():
    it = aiter(AI(2))
    print(await anext(it), await anext(it), await anext(it, "dflt"))
    g = agen()
    print(await anext(g), await anext(g), await anext(g, None))
    try:
        await anext(g)
    except StopAsyncIteration:
        print("stop")
    for bad in (1, [1]):
        try: aiter(bad)
        except TypeError as e: print(e)
        try: anext(bad)
        except TypeError as e: print(e)
    class B:
        def __aiter__(s): return 1
    try: aiter(B())
    except TypeError as e: print(e)
    a = anext(agen(), 5)
    print(type(a).__name__, hasattr(a, "send"), hasattr(a, "__await__"))
    print(await a)
c = main()
try:
    c.send(None)
except StopIteration:
    print("done")
