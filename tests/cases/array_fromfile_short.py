# array.fromfile with a short read: whole items are kept and EOFError follows; a partial item is frombytes's
# ValueError (nothing appended); a count whose byte size overflows is MemoryError before reading.
import array, io
for data, n in ((b"\x01\x00\x00\x00\x05", 2), (b"\x01\x00\x00\x00", 2), (b"\x01\x00\x00\x00\x02\x00\x00\x00", 2)):
    a = array.array("i")
    try:
        a.fromfile(io.BytesIO(data), n)
    except (EOFError, ValueError) as e:
        print(type(e).__name__, e)
    print(a)
try:
    array.array("d").fromfile(io.BytesIO(b""), 2**62)
except MemoryError:
    print("MemoryError")
