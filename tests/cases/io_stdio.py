# sys.stdin/stdout/stderr are real text streams; print writes through sys.stdout, so redirecting it works.
import _io as io
import sys

print(type(sys.stdout).__name__, type(sys.stdin).__name__, type(sys.stderr).__name__)
print(sys.stdout.name, sys.stdin.name, sys.stderr.name, sys.stdout.mode, sys.stdin.mode)
print(sys.stdout.encoding, sys.stderr.errors, sys.stdout.errors, sys.stderr.line_buffering)
print(sys.__stdout__ is sys.stdout, sys.__stderr__ is sys.stderr, sys.__stdin__ is sys.stdin)
print(sys.stdout.fileno(), sys.stdin.fileno(), sys.stderr.fileno(), sys.stdout.writable(), sys.stdin.readable())
print(isinstance(sys.stdout, io._TextIOBase), isinstance(sys.stdout, io._IOBase))
print(sys.stdout.write('written\n'))
sys.stdout.flush()
sys.stderr.write('to stderr\n')

saved = sys.stdout
buf = io.StringIO()
sys.stdout = buf
print('captured', 1, 2, sep='-', end='!\n')
print('second')
sys.stdout = saved
print(repr(buf.getvalue()))

class Recorder:
    def __init__(self):
        self.calls = []
    def write(self, s):
        self.calls.append(s)
    def flush(self):
        self.calls.append('<flush>')

r = Recorder()
print('a', 'b', file=r, flush=True)
print(r.calls)
sys.stdout = r
print('x')
sys.stdout = saved
print(r.calls)
sys.stdout = None
print('dropped')
sys.stdout = saved
print(repr(sys.stdout)[:30])
del sys.stdout
try:
    print('lost')
except RuntimeError as e:
    sys.stderr.write('RuntimeError %s\n' % e)
