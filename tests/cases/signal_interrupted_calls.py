# PEP 475: a system call interrupted by a signal runs the Python handler first; the handler's exception ends the
# call, otherwise the call is retried. Also signal.strsignal for real-time signals and csv's C long limit.
import csv
import os
import signal
import tempfile

r, w = os.pipe()
calls = []

def feeding_handler(signum, frame):
    calls.append(signum)
    os.write(w, b'fed')

signal.signal(signal.SIGALRM, feeding_handler)
signal.setitimer(signal.ITIMER_REAL, 0.05)
print('read', os.read(r, 10), calls)

def raising_handler(signum, frame):
    raise RuntimeError('from the handler')

signal.signal(signal.SIGALRM, raising_handler)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    os.read(r, 10)
except RuntimeError as e:
    print('read interrupted:', e)

with tempfile.TemporaryDirectory() as d:
    fifo = os.path.join(d, 'fifo')
    os.mkfifo(fifo)
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    try:
        os.open(fifo, os.O_RDONLY)  # blocks: no writer
    except RuntimeError as e:
        print('open interrupted:', e)
signal.signal(signal.SIGALRM, signal.SIG_DFL)
os.close(r)
os.close(w)

for number in (1, 15, 31, 32, 34, 35, 40, 64, 65, 0):
    try:
        print(number, signal.strsignal(number))
    except ValueError as e:
        print(number, 'ValueError', e)

for value in [2**70, -2**70, 2**63, 2**63 - 1, 'x', 1.5, 131072]:
    try:
        print(csv.field_size_limit(value))
    except (OverflowError, TypeError) as e:
        print(type(e).__name__, e)
print(csv.field_size_limit())
