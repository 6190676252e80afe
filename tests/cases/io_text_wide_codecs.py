# TextIOWrapper reading UTF-16 and UTF-32 (with and without a BOM, either byte order) and utf-8-sig: readline,
# iteration, read(n), readline(limit), tell/seek, in every newline mode, lines across chunk boundaries.
import io, os, tempfile
d = tempfile.mkdtemp()
text = 'alpha\nbéta\r\ngamma\rdelta 😀\n\nlast'
for enc in ['utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be', 'utf-8-sig', 'utf-8']:
    for newline in [None, '', '\n', '\r', '\r\n']:
        path = os.path.join(d, 'f')
        with open(path, 'w', encoding=enc, newline='') as f:
            f.write(text)
        with open(path, encoding=enc, newline=newline) as f:
            lines = f.readlines()
        with open(path, encoding=enc, newline=newline) as f:
            it = list(f)
        with open(path, encoding=enc, newline=newline) as f:
            first = f.readline()
            pos = f.tell()
            second = f.readline()
            f.seek(pos)
            again = f.readline()
            rest = f.read()
        with open(path, encoding=enc, newline=newline) as f:
            parts = [f.read(3), f.readline(2), f.read(4)]
            parts.append(f.read())
        print(enc, repr(newline), lines == it, lines, repr(first), pos, repr(second), second == again, repr(rest), parts)
    b = io.BytesIO(text.encode(enc))
    w = io.TextIOWrapper(b, encoding=enc)
    print([w.readline() for _ in range(3)], w.read())
text = 'one\ntwo 😀\r\nthree\rfour'
be = b'\xfe\xff' + text.encode('utf-16-be')
w = io.TextIOWrapper(io.BytesIO(be), encoding='utf-16')
print(list(w))
w.seek(0)
print(repr(w.readline()), repr(w.read(3)), repr(w.readline(2)), repr(w.read()))
be32 = b'\x00\x00\xfe\xff' + text.encode('utf-32-be')
w = io.TextIOWrapper(io.BytesIO(be32), encoding='utf-32', newline='')
print(list(w))
for enc in ['utf-16', 'utf-32', 'utf-16-le', 'utf-32-be', 'utf-8-sig']:
    w = io.TextIOWrapper(io.BytesIO(text.encode(enc)), encoding=enc, newline='')
    positions = []
    while True:
        p = w.tell()
        line = w.readline()
        if not line:
            break
        positions.append((p, line))
    print(enc, positions[:-1], positions[-1][1])  # the last cookie carries CPython's decoder state
    for p, line in reversed(positions):
        w.seek(p)
        assert w.readline() == line, (enc, p)
    w.seek(0)
    print(repr(w.read(1)), repr(w.readline(1)), repr(w.readline(100)))
# truncated data at the end
w = io.TextIOWrapper(io.BytesIO('ab\ncd'.encode('utf-16-le') + b'\x00'), encoding='utf-16-le', errors='replace')
print(list(w))
# a line longer than a chunk, across chunk boundaries
long = ('x' * 5000 + '\u20ac\n') * 3
for enc in ['utf-16', 'utf-32-le']:
    w = io.TextIOWrapper(io.BufferedReader(io.BytesIO(long.encode(enc)), 7), encoding=enc)
    print(enc, [len(l) for l in w])
