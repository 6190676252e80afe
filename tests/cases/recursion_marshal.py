# marshal caps nesting like CPython (2000 levels): deeper data is a ValueError on both dumps and loads,
# never a crash, and the limit is independent of sys.getrecursionlimit().
import marshal
import sys


def repeat(chunk, count, tail):
    # bytes * int by doubling (minipy's bytes type has concatenation but no repetition)
    out = b""
    while count:
        if count & 1:
            out = out + chunk
        chunk = chunk + chunk
        count >>= 1
    return out + tail


def nested(depth):
    x = ()
    for _ in range(depth):
        x = (x,)
    return x


def try_loads(label, data):
    try:
        value = marshal.loads(data)
        print(label, "loaded", type(value).__name__)
    except (ValueError, EOFError) as e:
        print(label, type(e).__name__, e)


for depth in (1998, 1999, 2000, 2001, 100000):
    try_loads(f"tuple depth {depth}", repeat(b")\x01", depth, b"N"))
try_loads("frozenset depth 100000", repeat(b">\x01\x00\x00\x00", 100000, b"N"))
try_loads("truncated deep", repeat(b")\x01", 1500, b""))
try_loads("dangling ref", repeat(b"r\x00\x00\x00\x00", 3, b"N"))

# (minipy's marshal writer is slow near the limit, quadratic in the depth: the success side stays shallow.)
for depth in (300, 2000, 2001, 5000):
    try:
        data = marshal.dumps(nested(depth))
        print(f"dumps depth {depth}:", len(data))
    except ValueError as e:
        print(f"dumps depth {depth}:", e)

sys.setrecursionlimit(100000)
try_loads("raised limit", repeat(b")\x01", 5000, b"N"))
