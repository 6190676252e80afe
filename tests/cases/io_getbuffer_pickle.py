# io.BytesIO.getbuffer (a writable view; the stream cannot resize while it lives) and pickle round trips at
# every protocol (pure-Python pickle writes frames through getbuffer and pickles builtins by name).
import io, pickle
b = io.BytesIO(b"hello world")
v = b.getbuffer()
print(v.tobytes()[:5], len(v), v.readonly, v.format)  # no slice: a sliced view lives until collected
v[0] = ord("J")
print(b.getvalue())
try:
    b.write(b"x")
except BufferError as e:
    print("BufferError:", e)
try:
    b.close()
except BufferError as e:
    print("BufferError:", e)
v.release()
b.write(b"!")
print(b.getvalue())
with b.getbuffer() as w:
    print(w.tobytes())
b.truncate(3); print(b.getvalue())
b.close()
try:
    b.getbuffer()
except ValueError as e:
    print("ValueError:", e)
class P:
    def __init__(s, x): s.x = x
    def __eq__(s, o): return s.x == o.x
data = [1, 2.5, "three", (4, 5), {"six": [7, None, True]}, b"eight", {9, 10}, frozenset([11])]
for proto in range(6):
    blob = pickle.dumps(data, protocol=proto)
    print(proto, pickle.loads(blob) == data)
print(pickle.loads(pickle.dumps(P(3))).x, type(pickle.dumps(1)))
