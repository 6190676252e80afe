# memoryview's errors with CPython's messages: read-only memory, formats, casts, indexing, exports, release.
m = memoryview(bytearray(b'abcdefgh'))
ro = memoryview(b'abcdefgh')
grid = m.cast('B', [2, 4])
ints = m.cast('i')
tests = [
    lambda: memoryview('str'), lambda: memoryview(5), lambda: memoryview(), lambda: memoryview(b'', b''),
    lambda: memoryview(foo=1), lambda: ro.__setitem__(0, 1), lambda: m.__delitem__(0), lambda: m[8], lambda: m[-9],
    lambda: m['x'], lambda: m[1.5], lambda: m.__setitem__(0, 256), lambda: m.__setitem__(0, -1),
    lambda: m.__setitem__(0, 'x'), lambda: m.__setitem__(0, 1.0), lambda: m.__setitem__(slice(0, 2), b'xyz'),
    lambda: m.__setitem__(slice(0, 2), 'ab'), lambda: m.__setitem__(slice(0, 2), ints[:2]),
    lambda: ints.__setitem__(0, 2 ** 31), lambda: ints.__setitem__(0, 'x'), lambda: m.cast('x'), lambda: m.cast('ii'),
    lambda: m.cast(5), lambda: m.cast('B', 5), lambda: m.cast('B', [3]), lambda: m.cast('B', [0, 8]),
    lambda: m.cast('B', ['a']), lambda: m.cast('q', [1]).cast('i'), lambda: m[::2].cast('B'), lambda: grid.cast('B', [8, 1]),
    lambda: m.cast('d', [2]), lambda: m[:3].cast('i'), lambda: grid[0], lambda: grid[0, 1, 2], lambda: grid[0:1, 0],
    lambda: grid[5, 0], lambda: grid.__setitem__(0, 1), lambda: list(grid), lambda: grid.__setitem__(slice(0, 1), b'x'),
    lambda: hash(m), lambda: hash(ro.cast('i')), lambda: hash(memoryview(bytearray(2)).toreadonly()),
    lambda: m.tobytes('X'), lambda: m.tobytes(1), lambda: m < m, lambda: m.release(1), lambda: m.tolist(1),
    lambda: len(memoryview(bytearray(4)).cast('i', [])), lambda: memoryview(bytearray(4)).cast('i', [])[0],
    lambda: list(memoryview(bytearray(4)).cast('i', [])), lambda: m.cast('B', [1] * 65),
]
for f in tests:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
ba = bytearray(b'lock')
view = memoryview(ba)
held = bytes(view)
inner = memoryview(view)
view.release()
try:
    ba.extend(b'!')
except BufferError as e:
    print('BufferError', e)
inner.release()
ba.extend(b'!')
print(ba, held)
ro[0] = 1
