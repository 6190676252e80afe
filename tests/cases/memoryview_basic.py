# memoryview: views without copies (writes through the view reach the object and back), slicing with steps,
# attributes, tolist/tobytes/hex, equality and hashing, release and the context manager.
data = bytearray(b'abcdefgh')
m = memoryview(data)
print(len(m), m[0], m[-1], m.obj is data, m.nbytes, m.readonly, m.format, m.itemsize, m.ndim, m.shape, m.strides,
      m.suboffsets, m.c_contiguous, m.f_contiguous, m.contiguous)
m[0] = 65
data[1] = 66
print(data, m[1], m.tobytes(), m.tolist())
s = m[2:7:2]
print(s.tobytes(), s.tolist(), len(s), s.shape, s.strides, s.nbytes, s.c_contiguous, s.contiguous, s.obj is data)
s[0] = 0x43
s[1:3] = b'xy'
print(data, bytes(s), list(s), s[-1], s[::-1].tobytes())
r = m[::-1]
print(r.tobytes(), r.strides, r[0], r[1:3].tobytes(), r[::-2].tobytes())
e = m[5:2]
print(e.tobytes(), len(e), e.shape, e.tolist(), e.c_contiguous)
m[1:3] = m[5:7]
print(data)
m[2:6] = m[0:4]
print(data)
print(m.hex(), m[:3].hex('-'), m.hex(':', 2), m.tobytes('F'), m.tobytes('A'), m.tobytes(None))
ro = memoryview(b'hello')
print(ro.readonly, ro == b'hello', b'hello' == ro, ro == bytearray(b'hello'), ro != b'hellx', ro == 'hello', ro == ro,
      ro[1:3] == b'el', hash(ro) == hash(b'hello'), hash(ro[::2]) == hash(b'hlo'), ro.toreadonly().readonly,
      memoryview(data).toreadonly().readonly)
print(memoryview(b'abc') == memoryview(b'abc').cast('c'), memoryview(b'\x01') == memoryview(b'\x01').cast('b'),
      memoryview(bytes([1, 0, 0, 0])).cast('i') == memoryview(bytes([1, 0, 0, 0])).cast('I'))
with memoryview(b'ctx') as cm:
    print(cm.tobytes(), cm is cm.__enter__())
print(repr(cm)[:18], cm == cm, cm != memoryview(b'ctx'))
for attr in ['tobytes', 'tolist', 'hex', 'cast', 'toreadonly']:
    try:
        getattr(cm, attr)('B') if attr == 'cast' else getattr(cm, attr)()
    except ValueError as exc:
        print(attr, 'ValueError', exc)
for f in [lambda: len(cm), lambda: cm[0], lambda: cm.format, lambda: cm.shape, lambda: cm.obj, lambda: hash(cm),
          lambda: bytes(cm), lambda: memoryview(cm), lambda: list(cm)]:
    try:
        print(f())
    except ValueError as exc:
        print('ValueError', exc)
cm.release()
mm = memoryview(b'xyz')
mv2 = memoryview(mm)
print(mv2.obj is mm.obj, mv2.tobytes(), memoryview(mm[1:]).tobytes(), memoryview(object=b'kw').tobytes())
mm.release()
print(mv2.tobytes(), bytes(memoryview(b'abc')[::2]), bytearray(memoryview(b'abc')[::-1]), b''.join([memoryview(b'j'), b'k']))
print([x for x in memoryview(b'it')], 98 in memoryview(b'abc'), list(reversed(memoryview(b'rev'))), sorted(memoryview(b'cba')))
import marshal
print(marshal.dumps(memoryview(b'mv')), marshal.loads(memoryview(marshal.dumps('s'))))
import _md5
print(_md5.md5(bytearray(b'x')).hexdigest(), _md5.md5(memoryview(b'abcdef')[::2]).hexdigest())
