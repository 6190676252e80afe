# array.array: every typecode (construction, items at their limits, conversions and their per-typecode error
# messages), the sequence protocol (slices, extended slices, +, *, +=, *=, comparisons), the methods, bytes
# round trips and struct.pack_into into an array's buffer.
import array
import _struct

print(array.typecodes, array.ArrayType is array.array)
for code in array.typecodes:
    a = array.array(code, [1, 2, 3] if code != "u" else "abc")
    print(code, a.itemsize, a.typecode, repr(a), len(a), a[0], a[-1], list(a), a.tolist(), len(a.tobytes()))
    for v in [2**70, -2**70, 1.5, "x", None, 300, -1, 2**31, 2**32, 2**63, -129, 70000, 127, 255, 65535]:
        try:
            a[0] = v
            r = repr(a[0])
        except Exception as e:
            r = f"{type(e).__name__}: {e}"
        print(" ", code, repr(v)[:12], r)

a = array.array("i", range(10))
print(a[2:5], a[::3], a[::-1], a[-3:], a[5:2], 3 in a, 42 in a, a.index(4), a.count(4))
a[2:5] = array.array("i", [7, 7])
print(a)
a[::2] = array.array("i", [0] * len(a[::2]))
print(a)
del a[1:3]
del a[::2]
del a[0]
print(a, len(a))
b = array.array("i", [1, 2]) + array.array("i", [3])
b += array.array("i", [4])
b *= 2
print(b, b * 2, 2 * b, array.array("d") * 5, b == array.array("i", [1, 2, 3, 4] * 2), b < array.array("i", [1, 3]))
print(array.array("i", [1, 2]) == array.array("d", [1.0, 2.0]), array.array("b") == array.array("b"), b != b)
b.append(9)
b.extend([10, 11])
b.extend(array.array("i", [12]))
b.insert(0, -1)
b.insert(-1, -2)
b.insert(100, 99)
print(b, b.pop(), b.pop(0), b.pop(-2), b)
b.remove(4)
b.reverse()
print(b, b.buffer_info()[1])
c = array.array("h", [1, 256, -2])
raw = c.tobytes()
c.byteswap()
print(raw, c, c.tobytes())
d = array.array("h")
d.frombytes(raw)
d.fromlist([5, 6])
print(d, array.array("B", b"\x00\x01\xff"), array.array("d", array.array("f", [0.1, 2.5])))
u = array.array("u", "héllo")
u.fromunicode(" wörld")
u.append("!")
print(u, u.tounicode(), u[1], len(u), u.tobytes()[:8])
f = array.array("f", [0.1, 1e39, -2.5])
print(f, array.array("d", [0.1]) == array.array("f", [0.1]), f.itemsize)
buf = array.array("b", bytes(8))
_struct.pack_into("<hi", buf, 1, -2, 70000)
print(buf, _struct.unpack_from("<hi", buf, 1), array.array("l", [1, -1]).tobytes())
e = b.__copy__()
e.append(1000)
print(len(e) - len(b), b.__deepcopy__({}) == b)


class MyArray(array.array):
    def total(self):
        return sum(self)


m = MyArray("q", [1, 2, 3])
m.label = "mine"
print(m, m.total(), m.label, isinstance(m, array.array), m[1:])
for expr in ["array.array()", "array.array('z')", "array.array(1)", "array.array('ab')", "array.array('i', 'abc')",
             "array.array('i', array.array('u', 'x'))", "array.array('i', [1, 'a'])", "array.array('i', typecode=1)",
             "array.array('i', [1])[5]", "array.array('i').pop()", "array.array('i', [1]).pop(3)",
             "array.array('i').index(1)", "array.array('i').remove(1)", "array.array('i') + [1]",
             "array.array('i') + array.array('d')", "array.array('i').extend(array.array('d'))",
             "array.array('i').frombytes(b'abc')", "array.array('i').fromlist((1,))", "array.array('i').tounicode()",
             "array.array('i').fromunicode('x')", "array.array('u').fromunicode(1)", "hash(array.array('i'))",
             "array.array('i', [1, 2]).__setitem__(slice(0, 2), [1])",
             "array.array('i', [1, 2, 3]).__setitem__(slice(0, 3, 2), array.array('i', [1]))",
             "array.array('u', 'ab').__setitem__(0, 'xy')", "array.array('i', [1, 2]).__setitem__(5, 1)"]:
    try:
        print(expr, "->", eval(expr))
    except Exception as e:
        print(expr, "!!", type(e).__name__, e)
