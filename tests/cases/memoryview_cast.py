# memoryview.cast: formats and multi-dimensional shapes, indexing of N-D views, items of every native format.
import sys
raw = bytearray(range(24))
m = memoryview(raw)
for fmt in ['b', 'B', 'c', '?', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'n', 'N', 'f', 'd', '@i', '@B']:
    c = m.cast(fmt)
    print(fmt, c.format, c.itemsize, c.nbytes, c.shape, c.strides, c.tolist()[:4] if sys.byteorder == 'little' else '')
grid = m.cast('B', [2, 3, 4])
print(grid.ndim, grid.shape, grid.strides, grid.tolist(), grid[1, 2, 3], grid[0, 0, 0], grid[-1, -1, -1], len(grid),
      grid.c_contiguous, grid.f_contiguous, grid.nbytes)
grid[1, 1, 1] = 200
print(raw[17], grid.tobytes()[:20], grid.tobytes('F')[:12], grid.tobytes('C') == bytes(raw))
flat = grid.cast('B')
print(flat.shape, flat.tolist()[-4:], grid.cast('B', [24]).shape, grid.cast('c').tolist()[:3])
ints = m.cast('i')
print(ints.shape, ints.cast('B').shape, ints.cast('B', [4, 6]).shape, ints.cast('b', (2, 12)).strides)
ints[0] = -1
ints[1] = 2 ** 31 - 1
print(raw[:8], ints[0], ints[1], ints.tolist()[:2])
d = memoryview(bytearray(16)).cast('d')
d[0] = 1.5
d[1] = 7
print(d.tolist(), d[0], d.cast('B').tolist()[:8] if sys.byteorder == 'little' else '')
f = memoryview(bytearray(8)).cast('f')
f[0] = 0.1
print(f[0], f.tolist())
flags = memoryview(bytearray(b'\x00\x01\x02')).cast('?')
flags[0] = 'yes'
print(flags.tolist())
chars = memoryview(bytearray(b'xyz')).cast('c')
chars[1] = b'Y'
print(chars.tolist(), chars[0])
zero_d = memoryview(bytearray(4)).cast('i', [])
zero_d[()] = 7
print(zero_d.ndim, zero_d.shape, zero_d.strides, zero_d[()], zero_d.tolist(), zero_d.tobytes(), zero_d[...] is zero_d,
      zero_d.nbytes)
col = m.cast('B', [4, 6])[::2]
print(col.shape, col.strides, col.tolist(), col.c_contiguous, col.tobytes())
