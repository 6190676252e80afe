# io.StringIO and io.BytesIO: reading, writing, positions, newline modes, subclassing and CPython's errors.
import _io as io

s = io.StringIO()
print(s.write('hello\n'), s.write('w\xf6rld\n'), s.tell(), repr(s.getvalue()))
print(s.seek(0), repr(s.readline()), repr(s.read(3)), s.tell(), repr(s.read()), repr(s.read()))
s.seek(2)
s.write('XY')
print(repr(s.getvalue()), s.tell())
s.seek(20)
s.write('!')
print(repr(s.getvalue()))
print(s.truncate(3), repr(s.getvalue()), s.tell())
print(s.readable(), s.writable(), s.seekable(), s.closed, s.line_buffering, s.newlines)
s.close()
print(s.closed)

s = io.StringIO('one\ntwo\r\nthree\rfour')
print(list(s))
s = io.StringIO('one\ntwo\r\nthree\rfour', newline=None)
print(list(s), repr(s.getvalue()))
s = io.StringIO('one\ntwo\r\nthree\rfour', newline='')
print(list(s))
s = io.StringIO(newline='\r\n')
s.write('a\nb\n')
print(repr(s.getvalue()))
s = io.StringIO('abc')
print(s.tell(), s.read(), s.tell())
with io.StringIO('ctx') as c:
    print(c.read())
print(c.closed)
print(io.StringIO('x\ny\n').readlines(), io.StringIO('a\nb\nc\n').readlines(2))

class Upper(io.StringIO):
    def write(self, text):
        return super().write(text.upper())

u = Upper()
print('hi', file=u)
print(repr(u.getvalue()), isinstance(u, io.StringIO), type(u).__mro__[1].__name__)

b = io.BytesIO(b'abc\ndef\n')
print(b.read(2), b.readline(), b.tell(), b.read(), b.read())
print(b.seek(0), b.readlines(), b.seek(1, 0), b.seek(1, 1), b.seek(-1, 2), b.read())
print(b.write(b'XY'), b.getvalue(), b.tell())
b.seek(12)
b.write(b'!')
print(b.getvalue())
print(b.truncate(4), b.getvalue(), b.tell())
print(b.read1(2), b.readable(), b.writable(), b.seekable(), b.closed)
print(list(io.BytesIO(b'1\n2\n3')))
b.close()
print(b.closed)

def attempt(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, 'ok', repr(r))

attempt('sio closed', lambda: s.read() and io.StringIO().close() or c.read())
attempt('sio write int', lambda: io.StringIO().write(3))
attempt('sio init', lambda: io.StringIO(3))
attempt('sio newline', lambda: io.StringIO('', newline='x'))
attempt('sio neg seek', lambda: io.StringIO().seek(-1))
attempt('sio cur seek', lambda: io.StringIO().seek(1, 1))
attempt('sio whence', lambda: io.StringIO().seek(0, 5))
attempt('bio closed', lambda: b.read())
attempt('bio str', lambda: io.BytesIO().write('x'))
attempt('bio init', lambda: io.BytesIO('x'))
attempt('bio neg seek', lambda: io.BytesIO().seek(-1))
attempt('bio whence', lambda: io.BytesIO().seek(0, 3))
attempt('bio truncate', lambda: io.BytesIO().truncate(-1))
attempt('sio fileno', lambda: io.StringIO().fileno())
attempt('bio fileno', lambda: io.BytesIO().fileno())
attempt('sio detach', lambda: io.StringIO().detach())
