# Lib's io.py on top of the native _io: the ABCs register the native classes, user classes derive from them.
import io
import sys

print(isinstance(sys.stdout, io.TextIOBase), isinstance(io.StringIO(), io.IOBase), issubclass(io.FileIO, io.RawIOBase))
print(isinstance(io.BytesIO(), io.BufferedIOBase), io.SEEK_SET, io.SEEK_CUR, io.SEEK_END, io.DEFAULT_BUFFER_SIZE)
print(io.UnsupportedOperation.__module__, io.open is open, io.StringIO.__module__ if False else '')

class Source(io.RawIOBase):
    def __init__(self, data):
        self.data = data
    def readable(self):
        return True
    def readinto(self, buffer):
        n = min(len(buffer), len(self.data))
        buffer[:n] = self.data[:n]
        self.data = self.data[n:]
        return n

buffered = io.BufferedReader(Source(b'line one\nline two\n'))
print(Source(b'abc').read(2), Source(b'xyz').read())
print(buffered.readline(), buffered.read())
text = io.TextIOWrapper(io.BufferedReader(Source(b'caf\xc3\xa9\r\nend')), encoding='utf-8')
print(list(text))

class Collect(io.TextIOBase):
    def __init__(self):
        self.parts = []
    def writable(self):
        return True
    def write(self, s):
        self.parts.append(s)
        return len(s)

c = Collect()
print('x', 'y', file=c)
print(c.parts, c.readable(), isinstance(c, io.IOBase))
try:
    c.read()
except io.UnsupportedOperation as e:
    print('UnsupportedOperation', e)
b = io.BytesIO()
w = io.TextIOWrapper(b, encoding='latin-1', newline='\r\n')
w.write('a\nb\xe9\n')
w.flush()
print(b.getvalue(), w.encoding, w.newlines)
