# Files through open(): text and binary modes, reading styles, positions, newline handling and the errors
# CPython raises (deterministic: one scratch file per process under /tmp, removed at the end).
import sys

pid = open('/proc/self/stat').read().split()[0]
path = '/tmp/minipy_io_files_' + pid + '.txt'

with open(path, 'w') as f:
    print(type(f).__name__, f.mode, f.name == path, f.encoding, f.errors, f.closed, f.line_buffering)
    print(f.write('hello\nworld\n'), f.writable(), f.readable(), f.seekable(), f.isatty())
    f.writelines(['a\n', 'b\n'])
    print(type(f.buffer).__name__, type(f.buffer.raw).__name__, f.buffer.raw.mode, f.buffer.raw.closefd)
print(f.closed)

with open(path) as f:
    print(repr(f.read()))
with open(path) as f:
    print([line for line in f])
with open(path) as f:
    print(repr(f.readline()), repr(f.readline(3)), f.tell())
    print(f.readlines())
    print(repr(f.read()), repr(f.readline()))
with open(path) as f:
    print(repr(f.read(3)), f.tell(), repr(f.read(4)))
    pos = f.tell()
    rest = f.read()
    f.seek(pos)
    print(f.read() == rest, f.seek(0, 2), repr(f.read()))

with open(path, 'a') as f:
    print(f.tell(), f.write('tail'))
with open(path, 'rb') as f:
    print(type(f).__name__, f.mode, f.read(5), f.peek(1)[:1], f.read1(3), f.tell())
    print(f.seek(0), f.readline(), f.read())
with open(path, 'r+') as f:
    f.seek(0, 2)
    f.write('X')
    f.seek(0)
    print(repr(f.read()))
with open(path, 'w+') as f:
    f.write('abc')
    print(f.tell(), f.seek(0), f.read(), f.truncate(1), f.seek(0), repr(f.read()))

# binary writes and raw files
with open(path, 'wb') as f:
    print(f.write(b'a\r\nb\rc\nd'), f.tell())
for newline in (None, '', '\n', '\r', '\r\n'):
    with open(path, newline=newline) as f:
        print(repr(newline), f.readlines())
with open(path, newline=None) as f:
    print(repr(f.read()))
with open(path, 'w', newline='\r\n') as f:
    f.write('x\ny\n')
with open(path, 'rb') as f:
    print(f.read())
with open(path, 'rb', buffering=0) as f:
    print(type(f).__name__, f.read(2), f.readall(), f.read())

# encodings
with open(path, 'w', encoding='latin-1') as f:
    print(f.encoding, f.write('caf\xe9 \xff'))
with open(path, 'rb') as f:
    print(f.read())
with open(path, encoding='latin-1') as f:
    print(ascii(f.read()))
with open(path, 'w', encoding='utf-8') as f:
    f.write('h\xe9llo \u20ac\n2\n')
with open(path, encoding='utf-8') as f:
    print(ascii(f.readline()), ascii(f.read(1)), f.tell())
with open(path, 'rb') as f:
    print(f.read())
try:
    with open(path, encoding='ascii') as f:
        f.read()
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e)
with open(path, encoding='ascii', errors='replace') as f:
    print(ascii(f.read()))
try:
    open(path, 'w', encoding='ascii').write('\xe9')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError', e)

# errors
def attempt(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, 'ok', repr(r))

attempt('missing', lambda: open('/nonexistent/dir/x.txt'))
try:
    open('/nonexistent/dir/x.txt')
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename, e.args)
attempt('dir', lambda: open('/tmp'))
attempt('mode', lambda: open(path, 'rw'))
attempt('mode2', lambda: open(path, 'rq'))
attempt('mode3', lambda: open(path, 'tb'))
attempt('enc', lambda: open(path, 'rb', encoding='utf-8'))
attempt('newline', lambda: open(path, 'rb', newline=''))
attempt('badnl', lambda: open(path, newline='x'))
attempt('badenc', lambda: open(path, encoding='nope'))
attempt('unbuffered text', lambda: open(path, 'w', buffering=0))
attempt('type', lambda: open(3.5))
attempt('mode type', lambda: open(path, 1))
f = open(path, 'w')
attempt('read w', lambda: f.read())
attempt('write bytes', lambda: f.write(b'x'))
f.close()
attempt('closed write', lambda: f.write('x'))
attempt('closed read', lambda: f.read())
attempt('closed iter', lambda: next(iter(f)))
attempt('closed close', lambda: f.close())
f = open(path, 'rb')
attempt('rb write', lambda: f.write(b'x'))
attempt('rb str', lambda: f.read('x'))
f.close()
attempt('rb closed', lambda: f.read())
f = open(path, 'wb')
attempt('wb read', lambda: f.read())
attempt('wb str', lambda: f.write('x'))
f.close()
f = open(path, 'r')
attempt('r write', lambda: f.write('x'))
attempt('cur seek', lambda: f.seek(3, 1))
attempt('end seek', lambda: f.seek(3, 2))
attempt('neg seek', lambda: f.seek(-1))
f.close()
import _io as io
print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
print(io.UnsupportedOperation.__module__, io.DEFAULT_BUFFER_SIZE, open is io.open)
raw = io.FileIO(path, 'w')
print(raw.mode, raw.closefd, raw.write(b'xyz'), raw.tell(), raw.seekable())
raw.close()
print(raw.closed)
attempt('FileIO closed', lambda: raw.read())
attempt('FileIO read w', lambda: io.FileIO(path, 'w').read())
attempt('FileIO mode', lambda: io.FileIO(path, 'rw'))
attempt('FileIO closefd', lambda: io.FileIO(path, 'r', closefd=False))
attempt('FileIO neg', lambda: io.FileIO(-1))
with io.FileIO(path) as r:
    print(r.read(), r.read(), r.name == path)

import posix
posix.unlink(path)
import builtins
print(builtins.open is io.open)
open('/nonexistent/minipy_io_files.txt')
