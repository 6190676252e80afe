# A coroutine collected without ever being awaited warns "coroutine ... was never awaited" (RuntimeWarning),
# attributed to the line that dropped it; one that was closed or awaited does not warn.
import gc

async def never(): pass
async def closed(): pass
async def awaited(): return 7

forgotten = never(); del forgotten; gc.collect()
print("after the unawaited one")
c = closed(); c.close(); del c; gc.collect()
print("after the closed one")
try:
    awaited().send(None)
except StopIteration as e:
    print("awaited gives", e.value)
gc.collect()
print("end")
