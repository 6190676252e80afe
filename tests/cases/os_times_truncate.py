# posix additions: times() and its struct sequence, closerange(), truncate() by path or descriptor, DirEntry and
# ScandirIterator that only scandir() makes, scandir() of a bytes-like path, __fspath__ results that are not paths.
import os
import tempfile
import warnings

t = os.times()
print(type(t).__name__, type(t).__module__, len(t), t.n_fields, all(isinstance(v, float) for v in t), t.elapsed == t[4])
print(os.times_result((1.0, 2.0, 3.0, 4.0, 5.0)))
with tempfile.TemporaryDirectory() as tmp:
    name = os.path.join(tmp, "f.txt")
    with open(name, "wb") as f:
        f.write(b"0123456789")
    os.truncate(name, 4)
    print(os.path.getsize(name))
    fd = os.open(name, os.O_RDWR)
    os.truncate(fd, 2)
    print(os.path.getsize(name))
    low = os.open(name, os.O_RDONLY)
    high = os.open(name, os.O_RDONLY)
    os.closerange(low, high + 1)
    for closed in (low, high):
        try:
            os.fstat(closed)
        except OSError as e:
            print("closed:", e.errno)
    os.close(fd)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        print(sorted(e.name for e in os.scandir(bytearray(os.fsencode(tmp)))))
    print([str(w.message) for w in caught])
for call in (lambda: os.closerange(), lambda: os.closerange("a", 2), lambda: os.truncate(),
             lambda: os.truncate("/nonexistent-minipy", 0), lambda: os.truncate(1.5, 0), lambda: os.times(1),
             lambda: os.DirEntry(), lambda: type(os.scandir("."))(), lambda: os.scandir(1.5)):
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)


class FakePath:
    def __init__(self, path):
        self.path = path

    def __fspath__(self):
        return self.path


for bad in (2, 2.5, object()):
    try:
        os.stat(FakePath(bad))
    except TypeError as e:
        print("TypeError:", e.args[0].split(" object at ")[0])
