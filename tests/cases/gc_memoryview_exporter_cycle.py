# A memoryview and its exporter dying in the same collection: the view's finalizer must not reach into an
# exporter the sweep has already freed. Many cycles of each exporter kind, collected together, then the heap is
# used again; a stale release would corrupt the free slots the new objects come from.
import array
import gc
import io

class Holder:
    pass

def make_cycles(n):
    for i in range(n):
        h = Holder()
        h.self = h
        h.arr = array.array('i', range(i % 7))
        h.ba = bytearray(b'x' * (i % 5 + 1))
        h.bio = io.BytesIO(b'abc')
        h.views = [memoryview(h.arr), memoryview(h.ba), h.bio.getbuffer()]
        h.views.append(h.views[1][1:])
        h.views.append(memoryview(h.views[0]))

for round_ in range(5):
    make_cycles(300)
    gc.collect()
    fresh = [bytearray(b'y' * 8) for _ in range(500)] + [array.array('i', [1, 2]) for _ in range(500)]
    views = [memoryview(b) for b in fresh]
    for v in views:
        v.release()
    fresh[0].extend(b'z')   # no export left: resizing works
    fresh[-1].append(3)
    print(round_, len(fresh[0]), fresh[-1])

# 3.11 cannot cast to half floats ('e' came in 3.12).
for fmt in ('e', '@e', 'f', 'B'):
    try:
        print(fmt, memoryview(bytearray(b'\x00\x3c\x00\x00')).cast(fmt).tolist())
    except (ValueError, TypeError) as exc:
        print(fmt, type(exc).__name__, exc)
