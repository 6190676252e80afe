# memoryview.cast(fmt, shape): the byte count product(shape) * itemsize is checked as it is built, so a shape
# whose product wraps around to the buffer's length is refused instead of giving a view that indexes far
# outside the buffer.
def attempt(fmt, shape, size=8):
    try:
        m = memoryview(bytearray(size)).cast(fmt, shape)
        print(fmt, shape, 'ok', m.shape, m.nbytes, m.tolist())
    except Exception as exc:
        print(fmt, shape, type(exc).__name__, exc)

for fmt, shape in [('d', [2**61 + 1]), ('d', [2**60 + 1, 2]), ('d', [2**62 + 2, 2]), ('B', [2**64 + 8]),
                   ('B', [2**63 - 1]), ('B', [2**63]), ('i', [2, 2**62 + 1]), ('h', [2**62, 2, 2]),
                   ('B', [0, 8]), ('B', [-1, -8]), ('B', [2, 4]), ('i', (1, 2)), ('d', [1]), ('B', [True, 8]),
                   ('B', [2.0, 4]), ('Q', [2**61, 2**3])]:
    attempt(fmt, shape)
attempt('B', [4, 4], 16)
