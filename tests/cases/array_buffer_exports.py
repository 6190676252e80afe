# array.array exports its items through the buffer protocol: memoryview sees the typecode's format and item
# size, writes through the view reach the array, and while a view is alive the array refuses every size change
# (BufferError), as CPython's array_resize does. struct.pack_into writes into any read-write buffer.
import array
import struct


def attempt(label, f):
    try:
        r = f()
        print(label, "->", r if not isinstance(r, array.array) else "array")
    except Exception as e:
        print(label, "->", type(e).__name__, e)


for code in "bBuhHiIlLqQfd":
    a = array.array(code, "ab" if code == "u" else [1, 2])
    m = memoryview(a)
    print(code, m.format, m.itemsize, m.nbytes, m.readonly, m.ndim, m.shape, m.contiguous)
    m.release()

a = array.array("h", [1, 2, 3])
m = memoryview(a)
m[0] = 7
print(a, m.tolist(), m.tobytes()[2:])  # no sliced view: its export would last until a collection
ops = [
    ("append", lambda: a.append(1)),
    ("extend []", lambda: a.extend([])),
    ("extend [1]", lambda: a.extend([1])),
    ("pop", lambda: a.pop()),
    ("remove", lambda: a.remove(2)),
    ("insert", lambda: a.insert(0, 5)),
    ("del a[0]", lambda: a.__delitem__(0)),
    ("del a[0:0]", lambda: a.__delitem__(slice(0, 0))),
    ("a[0:1] = same length", lambda: a.__setitem__(slice(0, 1), array.array("h", [9]))),
    ("a[0:1] = longer", lambda: a.__setitem__(slice(0, 1), array.array("h", [9, 9]))),
    ("a[0:0] = empty", lambda: a.__setitem__(slice(0, 0), array.array("h"))),
    ("a *= 1", lambda: a.__imul__(1)),
    ("a *= 0", lambda: a.__imul__(0)),
    ("a *= 2", lambda: a.__imul__(2)),
    ("a += empty", lambda: a.__iadd__(array.array("h"))),
    ("frombytes empty", lambda: a.frombytes(b"")),
    ("frombytes", lambda: a.frombytes(b"\x01\x00")),
    ("fromlist []", lambda: a.fromlist([])),
    ("fromlist [1]", lambda: a.fromlist([1])),
    ("a[1] = 4", lambda: a.__setitem__(1, 4)),
    ("byteswap", lambda: a.byteswap()),
    ("reverse", lambda: a.reverse()),
]
for label, op in ops:
    attempt(label, op)
print(a)
m.release()
attempt("append after release", lambda: a.append(1))
print(a)

# Views of views keep the export alive until the last one goes.
b = array.array("i", [1, 2])
with memoryview(b) as outer:
    inner = outer[1:]
    attempt("append with a sliced view", lambda: b.append(3))
    inner.release()
attempt("append after both", lambda: b.append(3))
print(b)

# pack_into and unpack_from over every read-write buffer; read-only ones are refused.
for target in (bytearray(8), array.array("b", bytes(8)), memoryview(bytearray(8))):
    struct.pack_into("<hi", target, 1, -2, 70000)
    print(type(target).__name__, bytes(target), struct.unpack_from("<hi", target, 1))
attempt("pack_into bytes", lambda: struct.pack_into("b", b"xx", 0, 1))
attempt("pack_into readonly view", lambda: struct.pack_into("b", memoryview(b"xx"), 0, 1))
attempt("pack_into str", lambda: struct.pack_into("b", "xx", 0, 1))

# int() parses any bytes-like object as its bytes.
for value in (memoryview(b" 12 "), array.array("b", b"34"), memoryview(b"123")[1:], bytearray(b"1_0")):
    print(type(value).__name__, int(value))
attempt("int(memoryview(b'1x'))", lambda: int(memoryview(b"1x")))
attempt("int(memoryview(b'10'), 2)", lambda: int(memoryview(b"10"), 2))
print(int(bytearray(b"10"), 2), float(memoryview(b"1.5")))
attempt("float(array of b'1x')", lambda: float(array.array("b", b"1x")))
