# The native mmap module: file-backed maps (shared, read-only, copy-on-write, offsets), anonymous maps, the file
# methods, indexing and slice assignment, find/rfind bounds, move/resize/flush, the buffer protocol (exports
# block close and resize), the context manager, and CPython's errors for bad arguments and closed maps.
import mmap, os, re, tempfile
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
path = os.path.join(tempfile.mkdtemp(), "data.bin")
with open(path, "wb") as f:
    f.write(b"hello world\nsecond line\nthird\n")
with open(path, "r+b") as f:
    m = mmap.mmap(f.fileno(), 0)
    print(len(m), m[0], m[-1], m[0:5], m[::7], m.readline(), m.tell(), m.read(6), m.read_byte(), m.find(b"line"), m.rfind(b"l"), m.find(b"zz"), m.find(b"o", 0, 5))
    m[0] = ord("H"); m[6:11] = b"WORLD"
    m.seek(0); print(m.read(), m.size())
    m.seek(-6, 2); print(m.tell(), m.readline())
    m.move(0, 6, 5); print(m[:12])
    # Views are released explicitly: a garbage sub-view would hold its export until a collection finds it.
    mv = memoryview(m); sub = mv[:5]; print(bytes(sub)); sub.release()
    t(lambda: m.close()); t(lambda: m.resize(10)); mv.release()
    with memoryview(m) as view: print(view.tobytes()[12:18], view.readonly)
    m.resize(12); print(len(m), m[:])
    m.flush(); t(lambda: m.flush(0, 100))
    t(lambda: m[100]); t(lambda: m.__setitem__(0, 300)); t(lambda: m.__setitem__(slice(0, 2), b"x")); t(lambda: m.__delitem__(0))
    t(lambda: m.seek(100)); t(lambda: m.write(b"x" * 100)); t(lambda: m.move(0, 0, 100))
    print(list(m)[:3], m.closed)
    m.close(); print(m.closed); t(lambda: m[0]); t(lambda: m.read()); t(lambda: len(m))
print(open(path, "rb").read())
with open(path, "rb") as f:
    r = mmap.mmap(f.fileno(), 5, access=mmap.ACCESS_READ)
    print(r[:], memoryview(r).readonly); t(lambda: r.write(b"x")); t(lambda: r.__setitem__(0, 1)); t(lambda: r.resize(3))
    c = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_COPY); c[0] = 0x41; print(c[:5], r[:5])
    t(lambda: mmap.mmap(f.fileno(), 1000)); t(lambda: mmap.mmap(f.fileno(), 0, offset=4096)); t(lambda: mmap.mmap(f.fileno(), -1))
    t(lambda: mmap.mmap(f.fileno(), 1, access=9)); t(lambda: mmap.mmap(f.fileno(), 1, flags=mmap.MAP_PRIVATE, access=mmap.ACCESS_READ))
with mmap.mmap(-1, 13) as a:
    a.write(b"Hello world!\n"); a.seek(0); print(a.readline(), a.closed); t(lambda: a.size())
print(a.closed, mmap.PAGESIZE > 0, mmap.error is OSError, mmap.ACCESS_COPY)
t(lambda: mmap.mmap(-1, 0))
open(path, "wb").close()
with open(path, "rb") as f:
    t(lambda: mmap.mmap(f.fileno(), 0))
import shutil
shutil.rmtree(os.path.dirname(path))
